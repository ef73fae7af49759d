#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds with warnings as errors under AddressSanitizer and
# UBSan, starts a private MariaDB server in a temporary directory, and runs the whole test suite
# (every suite on SQLite and on MariaDB, and the nginx front) through CTest, then the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/setup.sh test
scripts/build.sh sanitize

mariadb_dir=$(mktemp -d /tmp/lacuna-mariadb.XXXXXX)
trap '"$root/scripts/mariadb.sh" stop "$mariadb_dir" || true; rm -rf "$mariadb_dir"' EXIT
export LACUNA_TEST_MYSQL=$(scripts/mariadb.sh start "$mariadb_dir")
export LACUNA_TEST_MARIADB_DIR=$mariadb_dir
export LACUNA_SCRIPTS=$root/scripts
echo "MariaDB for the tests: $LACUNA_TEST_MYSQL"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-sanitize && ctest --output-on-failure --timeout 900)

# The libFuzzer harnesses (clang, build-fuzz/): every kept regression input replayed, then 30 s of
# fuzzing each; scripts/fuzz.sh SECONDS runs them longer.
scripts/fuzz.sh 30
