#!/usr/bin/env bash
# Build the Python module mechdesign (pybind11, CMake option MECHDESIGN_PYTHON) and run its tests.
#
#   scripts/run-python.sh            build/python: configure, build, python3 -m pytest python/tests
#   scripts/run-python.sh --build    configure and build only
#
# Uses Debian's interpreter (/usr/bin/python3; override with PYTHON=...) and Debian packages only
# (python3-dev python3-pybind11 python3-numpy python3-pytest python3-matplotlib
# python3-distributed, installed by scripts/install-deps.sh). Afterwards:
#   PYTHONPATH=build/python /usr/bin/python3 -c "import mechdesign"   (the package: build/python/mechdesign)
set -euo pipefail

usage() { sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

build_only=0
for arg in "$@"; do
  case "$arg" in
    --build) build_only=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run-python: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="${JOBS:-2}"
python="${PYTHON:-/usr/bin/python3}"
build="$root/build/python"  # the package is $build/mechdesign

bash "$root/scripts/install-deps.sh"

echo "run-python: configuring $build with $python"
# Only the module: no C++ tests or examples here (scripts/run-tests.sh builds those). -O1 keeps
# the eight binding translation units quick to compile; the LPs run in GLPK/CLP either way.
cmake -S "$root" -B "$build" -DMECHDESIGN_PYTHON=ON -DMECHDESIGN_BUILD_TESTS=OFF \
  -DMECHDESIGN_BUILD_EXAMPLES=OFF -DMECHDESIGN_INSTALL=OFF -DMECHDESIGN_WERROR=ON \
  -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG" \
  "-DPython3_EXECUTABLE=$python"
echo "run-python: building with -j$jobs"
cmake --build "$build" -j "$jobs"
[[ $build_only -eq 1 ]] && exit 0

echo "run-python: testing"
cd "$root"
PYTHONPATH="$build${PYTHONPATH:+:$PYTHONPATH}" MPLBACKEND=Agg \
  "$python" -m pytest -q -p no:cacheprovider "$root/python/tests"
