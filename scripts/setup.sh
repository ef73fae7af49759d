#!/usr/bin/env bash
# Installs the Debian 12 packages Lacuna builds with, only those that are missing.
# Usage: scripts/setup.sh [test|package]   — `package` adds what building the Debian package needs
# (dpkg-dev's dpkg-shlibdeps for its dependencies, file); `test` adds that and what the test command
# needs besides: Debian's nginx (the shipped front, tested in front of the service), openssl (its test
# certificate), systemd's systemd-analyze (checks the package's unit), galera-4 and rsync (a private
# three-node cluster and its state transfers), clang with its libFuzzer runtime
# (the fuzzing harnesses), Debian's chromium and the npm packages of the browser suite (Playwright and
# axe-core, at the versions of tests/browser/package-lock.json) and of the OpenAPI checks (tests/openapi).
set -euo pipefail

packages=(g++ cmake make pkg-config libpoco-dev libyaml-cpp-dev libssl-dev libsqlite3-dev libmysqlcppconn-dev libctemplate-dev zlib1g-dev libxlsxwriter-dev prometheus-cpp-dev catch2 curl
          mariadb-server mariadb-client)
case "${1:-}" in
  package) packages+=(dpkg-dev file) ;;
  test) packages+=(dpkg-dev file nginx-light openssl systemd galera-4 rsync clang libclang-rt-14-dev chromium) ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "run as root or install sudo: apt-get install ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${1:-}" = test ]; then
  # The test tools from the npm registry, exactly as locked: the browser suite's (Playwright drives
  # Debian's chromium, so its own browser download is skipped) and the OpenAPI checks' (Redocly's
  # linter, openapi-typescript and TypeScript).
  command -v npm >/dev/null || { echo "the tests need Node.js 20 or later with npm" >&2; exit 1; }
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" -ge 20 ] || { echo "the tests need Node.js 20 or later (found $(node -v))" >&2; exit 1; }
  for tools in browser openapi; do
    tools_dir="$(cd "$(dirname "$0")/../tests/$tools" && pwd)"
    if ! (cd "$tools_dir" && npm ls --silent >/dev/null 2>&1); then
      (cd "$tools_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
fi
