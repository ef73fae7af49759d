#!/usr/bin/env bash
# Runs every benchmark in one process tree and prints the table (Markdown), ratios measured in the
# same run: SQLite and a private MariaDB started here in a temporary directory.
#   bench/run.sh              the standard set (about 2 minutes)
#   bench/run.sh --big 1000000   also the 1,000,000-gap data set (about 5 more minutes, ~2 GB in /tmp)
#   bench/run.sh --galera        also transitions through a private three-node Galera cluster started here
#                                (scripts/galera.sh), by one instance and by three (about 1 more minute)
# Extra arguments go to lacuna_bench (--runs N, --seconds S).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/setup.sh
scripts/build.sh release
mariadb_dir=$(mktemp -d /tmp/lacuna-bench-mariadb.XXXXXX)
trap '"$root/scripts/mariadb.sh" stop "$mariadb_dir" || true; rm -rf "$mariadb_dir"' EXIT
url=$(scripts/mariadb.sh start "$mariadb_dir")
args=()
galera_dir=
for a in "$@"; do
  if [ "$a" = --galera ]; then
    galera_dir=$(mktemp -d /tmp/lacuna-bench-galera.XXXXXX)
    trap '"$root/scripts/mariadb.sh" stop "$mariadb_dir" || true; rm -rf "$mariadb_dir";
          "$root/scripts/galera.sh" stop "$galera_dir" || true; rm -rf "$galera_dir"' EXIT
    args+=(--galera "$(scripts/galera.sh start "$galera_dir" 15400)")
  else
    args+=("$a")
  fi
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)" >&2
build/bench/lacuna_bench --mysql "$url" "${args[@]}"
