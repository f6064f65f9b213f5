#!/usr/bin/env bash
# Build the API reference with Doxygen (target docs; any Doxygen warning fails the build).
#
#   scripts/run-docs.sh    build/docs: configure without tests or examples, build the target docs
set -euo pipefail

usage() { sed -n '2,4s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
    *) echo "run-docs: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh"
if ! command -v doxygen >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q doxygen
  else
    echo "run-docs: doxygen is missing (Debian: apt-get install doxygen)" >&2
    exit 1
  fi
fi
cmake -S "$root" -B "$root/build/docs" -DMECHDESIGN_BUILD_TESTS=OFF -DMECHDESIGN_BUILD_EXAMPLES=OFF \
  -DMECHDESIGN_INSTALL=OFF -DMECHDESIGN_BUILD_DOCS=ON
cmake --build "$root/build/docs" --target docs
echo "run-docs: the reference is in build/docs/docs/html/index.html"
