#!/usr/bin/env bash
# The LP benchmark of issue 15 (item 5), side by side with scipy's HiGHS on the same instances:
# installs what it needs (mechdesign's build dependencies as scripts/install-deps.sh does, and
# Debian's python3-scipy), configures a Release build in build/bench with
# MECHDESIGN_BUILD_BENCHMARKS=ON, builds lp_engines, runs it (it writes every instance to
# build/bench/instances/), runs benchmarks/scipy_peer.py on the same files, and prints one table
# with the ratios scipy / mechdesign next to the issue's targets.
#
#   scripts/run-benchmarks.sh [--quick] [--reps N] [--jobs N]
#
# Timings never assert; this is not part of the unit tests. Debian's /usr/bin/python3 is used
# on purpose: a pyenv python3 earlier on PATH does not see Debian's python3-scipy.
set -euo pipefail
exec </dev/null

cd "$(dirname "${BASH_SOURCE[0]}")/.."

quick=()
reps=5
jobs=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=(--quick); reps=1 ;;
    --reps) reps="$2"; shift ;;
    --jobs) jobs="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--reps N] [--jobs N]" >&2; exit 2 ;;
  esac
  shift
done

bash scripts/install-deps.sh

python=/usr/bin/python3
if ! "$python" -c 'import scipy' >/dev/null 2>&1; then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "run-benchmarks: python3-scipy is missing, and not root and no sudo" >&2
      exit 1
    fi
  fi
  echo "run-benchmarks: installing python3-scipy"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y --no-install-recommends python3-scipy; then
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y --no-install-recommends python3-scipy
  fi
fi

build=build/bench
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DMECHDESIGN_BUILD_BENCHMARKS=ON \
  -DMECHDESIGN_BUILD_TESTS=OFF -DMECHDESIGN_BUILD_EXAMPLES=OFF -DMECHDESIGN_INSTALL=OFF \
  -DMECHDESIGN_WERROR=ON >/dev/null
cmake --build "$build" --target lp_engines -j"$jobs"

instances="$build/instances"
rm -rf "$instances"
echo
echo "## mechdesign (lp_engines ${quick[*]} --reps $reps)"
echo
"$build/benchmarks/lp_engines" "${quick[@]}" --reps "$reps" --out "$instances"
echo
echo "## side by side with scipy (benchmarks/scipy_peer.py, same instance files)"
echo
"$python" benchmarks/scipy_peer.py "$instances" --reps "$reps"
