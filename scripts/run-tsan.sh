#!/usr/bin/env bash
# Build the threaded tests (the bargaining sweeps on several threads, the many-threaded LP
# solves of tests/lp/threads_test.cpp and solver_test.cpp's per-thread environments) with
# ThreadSanitizer and run them; any data race report fails the script.
#
#   scripts/run-tsan.sh
#
# GLPK itself is not instrumented: TSan sees the library's own memory (results, options, the
# sweep's shared output and progress callback), which is what the threads share.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh" >/dev/null
cxx="${TSAN_CXX:-clang++}"
if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "run-tsan: $cxx not found (Debian: clang, libclang-rt-14-dev; scripts/install-deps.sh)" >&2
  exit 1
fi
build="$root/build/tsan"
mkdir -p "$build"
flags=(-std=c++17 -O1 -g1 -fsanitize=thread -fno-omit-frame-pointer -I"$root/include"
  -I"$root/tests" -isystem /usr/include/eigen3)
sources=(main.cpp lp/threads_test.cpp lp/solver_test.cpp bargaining/sweep_test.cpp)
objects=()
for src in "${sources[@]}"; do
  obj="$build/$(echo "$src" | tr '/' '_').o"
  objects+=("$obj")
  if [[ ! -f "$obj" || "$root/tests/$src" -nt "$obj" || -n "$(find "$root/include" "$root/tests/support" -newer "$obj" -name '*.hpp' -print -quit)" ]]; then
    echo "run-tsan: compiling tests/$src"
    "$cxx" "${flags[@]}" -c "$root/tests/$src" -o "$obj"
  fi
done
"$cxx" -fsanitize=thread "${objects[@]}" -o "$build/tsan_tests" -lglpk -lfmt
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
echo "run-tsan: running the threaded tests under ThreadSanitizer"
# Every test of these files runs (their single-threaded cases are cheap); [threads] and the
# sweep cases are the ones that start threads.
"$build/tsan_tests" --reporter compact
echo "run-tsan: clean"
