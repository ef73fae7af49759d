#!/usr/bin/env bash
# Installs the Debian 12 packages Lacuna builds with, only those that are missing.
# Usage: scripts/setup.sh [test]   — `test` adds what the test command needs besides: Debian's nginx
# (the shipped front, tested in front of the service), openssl (its test certificate), and clang
# with its libFuzzer runtime (the fuzzing harnesses).
set -euo pipefail

packages=(g++ cmake make pkg-config libpoco-dev libyaml-cpp-dev libssl-dev libsqlite3-dev libmysqlcppconn-dev catch2 curl
          mariadb-server mariadb-client)
if [ "${1:-}" = test ]; then
  packages+=(nginx-light openssl clang libclang-rt-14-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "run as root or install sudo: apt-get install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
