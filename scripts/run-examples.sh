#!/usr/bin/env bash
# Build mechdesign's examples (Release) in build/examples and run each of them once.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build/examples"
jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

bash "$root/scripts/install-deps.sh"

cmake -S "$root" -B "$build" \
  -DCMAKE_BUILD_TYPE=Release \
  -DMECHDESIGN_BUILD_TESTS=OFF \
  -DMECHDESIGN_BUILD_EXAMPLES=ON
cmake --build "$build" -j "$jobs"

shopt -s nullglob
sources=("$root"/examples/*.cpp)
if [[ ${#sources[@]} -eq 0 ]]; then
  echo "run-examples: no examples/*.cpp"
  exit 0
fi

failed=()
for source in "${sources[@]}"; do
  stem="$(basename "$source" .cpp)"
  echo
  echo "=== example: $stem ==="
  if ! "$build/examples/$stem" </dev/null; then
    echo "=== example $stem FAILED ===" >&2
    failed+=("$stem")
  fi
done

echo
if [[ ${#failed[@]} -ne 0 ]]; then
  echo "run-examples: ${#failed[@]} of ${#sources[@]} examples failed: ${failed[*]}" >&2
  exit 1
fi
echo "run-examples: all ${#sources[@]} examples ran"
