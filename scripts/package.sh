#!/usr/bin/env bash
# Builds the Debian package of Lacuna (release build, config/debian/package.cmake) on a fresh Debian 12
# machine. Usage: scripts/package.sh [OUTPUT_DIR]   (default build/deb) — prints the .deb's path.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build/deb}")
scripts/setup.sh package
scripts/build.sh release lacuna
mkdir -p "$out"
(cd build && cpack -G DEB -B "$out" >/dev/null)
rm -rf "$out/_CPack_Packages"
ls "$out"/lacuna_*.deb
