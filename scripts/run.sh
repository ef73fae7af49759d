#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds, and runs the service on the embedded SQLite store.
# Arguments go to `lacuna serve`, e.g. scripts/run.sh --demo --port 8080 --data ./data
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release lacuna  # only the service: no tests or benchmarks to wait for
exec build/api/lacuna serve "$@"
