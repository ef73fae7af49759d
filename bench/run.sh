#!/usr/bin/env bash
# Runs every benchmark in one process tree and prints the table (Markdown), ratios measured in the
# same run: SQLite and a private MariaDB started here in a temporary directory.
#   bench/run.sh              the standard set (about 2 minutes)
#   bench/run.sh --big 1000000   also the 1,000,000-gap data set (about 5 more minutes, ~2 GB in /tmp)
# Extra arguments go to lacuna_bench (--runs N, --seconds S).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/setup.sh
scripts/build.sh release
mariadb_dir=$(mktemp -d /tmp/lacuna-bench-mariadb.XXXXXX)
trap '"$root/scripts/mariadb.sh" stop "$mariadb_dir" || true; rm -rf "$mariadb_dir"' EXIT
url=$(scripts/mariadb.sh start "$mariadb_dir")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)" >&2
build/bench/lacuna_bench --mysql "$url" "$@"
