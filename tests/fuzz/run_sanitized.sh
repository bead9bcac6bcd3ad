#!/usr/bin/env bash
# Builds the graphql library, its unit tests and the fuzz targets with AddressSanitizer and
# UndefinedBehaviorSanitizer in a tree of their own, then runs the unit tests and each fuzz
# target for a bounded time. Any sanitizer report fails the run.
# Usage: run_sanitized.sh <source-dir> <build-dir> [fuzz-seconds]
set -euo pipefail
src="$1"
build="$2"
seconds="${3:-${COHORT_SANITIZE_FUZZ_SECONDS:-20}}"
mkdir -p "$build"
if ! cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCOHORT_SANITIZE=ON \
     -DCOHORT_BUILD_BENCH=OFF >"$build/configure.log" 2>&1; then
  cat "$build/configure.log"
  exit 1
fi
targets=(unit_graphql fuzz_parse fuzz_validate_execute fuzz_http_request)
ninja -C "$build" -j"${COHORT_SANITIZE_JOBS:-2}" "${targets[@]}" >"$build/build.log" 2>&1 || {
  tail -50 "$build/build.log"
  exit 1
}
export ASAN_OPTIONS="abort_on_error=1:detect_stack_use_after_return=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
"$build/tests/unit_graphql" --gtest_brief=1
for target in parse validate_execute http_request; do
  "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" "$src/tests/fuzz/seeds/$target"
done
echo "sanitize: graphql unit tests and 3 fuzz targets clean under ASan+UBSan"
