#!/usr/bin/env bash
# Builds Lacuna. Usage: scripts/build.sh [release|sanitize] [TARGET …]  (default: release, into build/,
# everything; name targets such as `lacuna` to build only those and what they need)
# sanitize builds into build-sanitize/ with AddressSanitizer + UBSan; both treat warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-release}
shift || true
targets=()
for t in "$@"; do targets+=(--target "$t"); done
case "$mode" in
  release)  dir=build; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DLACUNA_WERROR=ON) ;;
  sanitize) dir=build-sanitize; flags=(-DCMAKE_BUILD_TYPE=Debug -DLACUNA_SANITIZE=ON -DLACUNA_WERROR=ON) ;;
  *) echo "usage: $0 [release|sanitize]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)" "${targets[@]}"
