#!/usr/bin/env bash
# Builds Lacuna. Usage: scripts/build.sh [release|sanitize]  (default: release, into build/)
# sanitize builds into build-sanitize/ with AddressSanitizer + UBSan; both treat warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-release}
case "$mode" in
  release)  dir=build; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DLACUNA_WERROR=ON) ;;
  sanitize) dir=build-sanitize; flags=(-DCMAKE_BUILD_TYPE=Debug -DLACUNA_SANITIZE=ON -DLACUNA_WERROR=ON) ;;
  *) echo "usage: $0 [release|sanitize]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
