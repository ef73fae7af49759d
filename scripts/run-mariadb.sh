#!/usr/bin/env bash
# Tries Lacuna on MariaDB: sets up the machine, builds, starts a private MariaDB server in
# ./data/mariadb (its own socket, nothing system-wide) and runs the service on it.
# Arguments go to `lacuna serve`, e.g. scripts/run-mariadb.sh --demo
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release lacuna  # only the service: no tests or benchmarks to wait for
mkdir -p data
url=$(scripts/mariadb.sh start data/mariadb)
trap 'scripts/mariadb.sh stop data/mariadb' EXIT
echo "MariaDB: $url"
build/api/lacuna serve --db "$url" "$@"
