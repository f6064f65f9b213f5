#!/usr/bin/env bash
# Configure, build and test mechdesign with CTest.
#
#   scripts/run-tests.sh              build/tests: Release (-O2), warnings as errors; then
#                                     scripts/run-python.sh (build/python, pytest)
#   scripts/run-tests.sh --sanitize   build/sanitize: Debug (-O1 -g1) with ASan + UBSan
#   MECHDESIGN_TEST_ENGINE=clp scripts/run-tests.sh --sanitize   the same, every LP on CLP
#
# Tests and examples are both built; CTest runs the unit tests, the header self-containment
# check, the packaging tests (not under --sanitize) and every example. The normal mode then
# builds the Python module and runs its pytest suite (scripts/run-python.sh).
set -euo pipefail

usage() { sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

sanitize=0
for arg in "$@"; do
  case "$arg" in
    --sanitize) sanitize=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run-tests: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${JOBS:-2}"

bash "$root/scripts/install-deps.sh"

common=(-DMECHDESIGN_BUILD_TESTS=ON -DMECHDESIGN_BUILD_EXAMPLES=ON -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)
if [[ $sanitize -eq 1 ]]; then
  build="$root/build/sanitize"
  # No -Werror here: GCC's sanitizer instrumentation causes spurious warnings; the normal build
  # is the one that enforces them.
  # -g1 (line tables) is all the sanitizers' stack traces need, at a fraction of -g's cost.
  config=(-DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g1 -O1" -DMECHDESIGN_SANITIZE=ON
    -DMECHDESIGN_WERROR=OFF)
  # MECHDESIGN_TEST_ENGINE=clp would run every LP of the suite on CLP; the sanitized suite keeps
  # the automatic choice until the four cases that fail on CLP are settled (see CHANGELOG).
  config+=("-DMECHDESIGN_TEST_ENGINE=${MECHDESIGN_TEST_ENGINE:-automatic}")
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
else
  build="$root/build/tests"
  # Release at -O2 without debug information: debug information costs about a third of the
  # test build's compile time and nothing here reads it.
  config=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" -DMECHDESIGN_WERROR=ON
    -DMECHDESIGN_SANITIZE=OFF)
fi

echo "run-tests: configuring $build"
cmake -S "$root" -B "$build" "${common[@]}" "${config[@]}"
echo "run-tests: building with -j$jobs"
cmake --build "$build" -j "$jobs"
echo "run-tests: testing"
ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$jobs"
if [[ $sanitize -eq 0 ]]; then
  echo "run-tests: the Python module (scripts/run-python.sh)"
  JOBS="$jobs" bash "$root/scripts/run-python.sh"
fi
