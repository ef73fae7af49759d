#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz with clang into build-fuzz/, replays every regression
# input kept in tests/fuzz/regressions/, then fuzzes each harness for SECONDS (default 30).
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS …]   e.g. scripts/fuzz.sh 3600 fuzz_json
# A crash stops the run; its input is left in build-fuzz/artifacts/. Once the bug is fixed, copy the
# input into tests/fuzz/regressions/HARNESS/ so that every test run replays it.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_json fuzz_persian fuzz_jalali fuzz_workflow fuzz_cursor fuzz_query)

cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DLACUNA_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target lacuna_fuzzers

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
mkdir -p build-fuzz/artifacts
for h in "${harnesses[@]}"; do
  bin=build-fuzz/tests/fuzz/$h
  regressions=tests/fuzz/regressions/$h
  if compgen -G "$regressions/*" >/dev/null; then
    echo "== $h: replaying $(ls "$regressions" | wc -l) regression inputs"
    if ! "$bin" "$regressions"/* >"build-fuzz/$h-replay.log" 2>&1; then
      tail -40 "build-fuzz/$h-replay.log"
      echo "$h fails on a kept regression input (above)" >&2
      exit 1
    fi
  fi
  corpus=build-fuzz/corpus/$h
  mkdir -p "$corpus"
  echo "== $h: fuzzing for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=0 \
       -artifact_prefix="build-fuzz/artifacts/$h-" "$corpus" "tests/fuzz/corpus/$h" >"build-fuzz/$h.log" 2>&1; then
    tail -40 "build-fuzz/$h.log"
    echo "$h found a failure; the input is in build-fuzz/artifacts/ (see above)" >&2
    exit 1
  fi
  grep -E "^#[0-9]+.*(DONE|pulse)" "build-fuzz/$h.log" | tail -1 || true
done
