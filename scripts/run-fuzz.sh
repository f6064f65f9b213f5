#!/usr/bin/env bash
# Build the libFuzzer harnesses of tests/fuzz/ with clang (ASan + UBSan + libFuzzer) and run each
# for a bounded time from its committed seed corpus.
#
#   scripts/run-fuzz.sh [seconds]     default 60 seconds per harness
#   FUZZ_HARNESSES="lp primal" scripts/run-fuzz.sh 600    only some harnesses
#   FUZZ_RUNS=1000000 FUZZ_OPT=-O2 scripts/run-fuzz.sh 7200
#       a long campaign: stop each harness after 10^6 executions (or the seconds, whichever
#       comes first), harnesses built at -O2 in build/fuzz-O2 (the sanitizers stay on)
#
# New inputs go to build/fuzz/corpus/<harness> (the committed corpus is read, never written);
# crashes, sanitizer reports, timeouts (10 s per input) and failed re-checks are written to
# build/fuzz/artifacts/ and make the script fail.
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [[ "$seconds" -lt 1 ]]; then
  echo "run-fuzz: seconds must be a positive integer, got '$seconds'" >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/install-deps.sh" >/dev/null
cxx="${FUZZ_CXX:-clang++}"
if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "run-fuzz: $cxx not found (Debian: clang, libclang-rt-14-dev; scripts/install-deps.sh)" >&2
  exit 1
fi
harnesses=(${FUZZ_HARNESSES:-primal lp persuasion pricing})
runs_cap="${FUZZ_RUNS:-}"
if [[ -n "$runs_cap" ]] && ! [[ "$runs_cap" =~ ^[1-9][0-9]*$ ]]; then
  echo "run-fuzz: FUZZ_RUNS must be a positive integer, got '$runs_cap'" >&2
  exit 2
fi
opt="${FUZZ_OPT:--O1}"
if ! [[ "$opt" =~ ^-O[0-3s]$ ]]; then
  echo "run-fuzz: FUZZ_OPT must be one of -O0 -O1 -O2 -O3 -Os, got '$opt'" >&2
  exit 2
fi
build="$root/build/fuzz"
[[ "$opt" == "-O1" ]] || build="$root/build/fuzz$opt"
mkdir -p "$build/bin" "$build/artifacts"

flags=(-std=c++17 "$opt" -g1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -fno-omit-frame-pointer -I"$root/include" -I"$root/tests/fuzz" -isystem /usr/include/eigen3)
for h in "${harnesses[@]}"; do
  src="$root/tests/fuzz/${h}_fuzz.cpp"
  bin="$build/bin/${h}_fuzz"
  if [[ ! -x "$bin" || "$src" -nt "$bin" || -n "$(find "$root/include" -newer "$bin" -name '*.hpp' -print -quit)" ]]; then
    echo "run-fuzz: building $h"
    "$cxx" "${flags[@]}" "$src" -o "$bin" -lglpk -lfmt
  fi
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  mkdir -p "$corpus"
  log="$build/${h}.log"
  limits=(-max_total_time="$seconds")
  [[ -z "$runs_cap" ]] || limits+=(-runs="$runs_cap")
  echo "run-fuzz: $h for ${seconds}s${runs_cap:+ or $runs_cap executions}"
  if "$build/bin/${h}_fuzz" "${limits[@]}" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/${h}-" \
    "$corpus" "$root/tests/fuzz/corpus/$h" >"$log" 2>&1; then
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')"
    echo "run-fuzz: $h clean: $runs executions, corpus $(ls "$corpus" | wc -l) inputs"
  else
    status=1
    echo "run-fuzz: $h FAILED; the end of its log ($log):"
    tail -n 40 "$log"
  fi
done
exit "$status"
