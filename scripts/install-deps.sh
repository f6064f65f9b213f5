#!/usr/bin/env bash
# Install mechdesign's build and test dependencies from Debian packages, if any are missing.
# Safe to run repeatedly: does nothing (no apt-get update) when everything is installed.
set -euo pipefail

# libgmp-dev: GMP's C++ bindings for the optional core/rational.hpp and its tests (libglpk-dev
# depends on it already; named here because the tests use it directly).
# coinor-libclp-dev and pkg-config: COIN-OR CLP, the optional second LP engine (EPL-1.0; see the
# README's "LP engines"). The library builds without it; the tests then cover GLPK only.
# python3-*: the Python module (python/, scripts/run-python.sh): pybind11 and the interpreter's
# headers to build it, numpy and pytest to test it, matplotlib for python/figures, distributed
# (Dask) for the scale-out sweep.
# nlohmann-json3-dev: the optional io/json.hpp (models as JSON files) and its tests.
# clang and libclang-rt-14-dev: libFuzzer and ThreadSanitizer for scripts/run-fuzz.sh and
# scripts/run-tsan.sh (CI runs both; the library and its tests build with g++ alone).
packages=(cmake g++ make libeigen3-dev libglpk-dev libfmt-dev libgmp-dev catch2 pkg-config
  coinor-libclp-dev nlohmann-json3-dev python3-dev python3-pybind11 python3-numpy python3-pytest
  python3-matplotlib python3-distributed clang libclang-rt-14-dev)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found (not Debian?); install these yourself: ${packages[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${packages[@]}"; do
  status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "install ok installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all present: ${packages[*]}"
  exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "install-deps: missing ${missing[*]}, and not root and no sudo to install them" >&2
    exit 1
  fi
fi

echo "install-deps: missing: ${missing[*]}"
echo "install-deps: ${sudo[*]:+${sudo[*]} }apt-get update"
"${sudo[@]}" apt-get update
echo "install-deps: ${sudo[*]:+${sudo[*]} }apt-get install -y --no-install-recommends ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
