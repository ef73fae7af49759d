#!/usr/bin/env bash
# Runs the browser suite: starts a fresh lacuna (embedded SQLite, demo data) on a free loopback port,
# walks its pages with Playwright in Debian's chromium, stops it.
# Usage: tests/browser/run.sh LACUNA_BINARY [SCREENSHOT_DIR]
# SCREENSHOT_DIR (e.g. docs/screenshots) receives the pages at 1280 and 360 px.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$1"
shots="${2:-}"
if [ ! -d "$here/node_modules/@playwright/test" ]; then
  echo "tests/browser: run 'scripts/setup.sh test' first (installs Playwright from the lock file)" >&2
  exit 1
fi
work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# The shipped configuration, with a committee of the three demo cities (each has a member to vote), so
# that a decision can be refused without quorum and carried with it.
cp -r "$here/../../config" "$work/config"
sed -i 's/^members: all$/members: [tehran, mashhad, isfahan]/' "$work/config/committee.yaml"
grep -q '^members: \[tehran, mashhad, isfahan\]$' "$work/config/committee.yaml"
export LACUNA_ADMIN_PASSWORD="browser-admin-$RANDOM$RANDOM"
export LACUNA_DEMO_PASSWORD="browser-demo-$RANDOM$RANDOM"
"$binary" serve --demo --host 127.0.0.1 --port 0 --data "$work" --config "$work/config/lacuna.yaml" \
  >"$work/service.log" 2>&1 &
pid=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'listening on http://[0-9.:]*' "$work/service.log" | head -1 | sed 's/listening on //')" || true
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "lacuna did not start" >&2; cat "$work/service.log" >&2; exit 1; }
url="${url/0.0.0.0/127.0.0.1}"
export LACUNA_WEB_URL="$url"
export LACUNA_SCREENSHOTS="${shots:+$(cd "$shots" 2>/dev/null && pwd || (mkdir -p "$shots" && cd "$shots" && pwd))}"
export LACUNA_BROWSER_OUT="$work/results"
cd "$here"
status=0
npx --no-install playwright test || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- service log ---" >&2
  tail -50 "$work/service.log" >&2
fi
exit "$status"
