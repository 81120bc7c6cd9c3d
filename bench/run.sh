#!/usr/bin/env bash
# The batch benchmark (docs/performance.md): builds Release, generates 1,000 / 10,000 / 100,000 workloads, warms the
# file cache, and times `recommend DIR -f json=FILE` at -j 1 and -j 2 beside the parse-only floor (yaml-cpp's
# YAML::Load of the same files on one thread; also with libyaml, the scanner the advisor reads workloads with), plus
# one file end to end. Prints a markdown table.
#
#   bench/run.sh [--sizes "1000 10000 100000"] [--runs N] [--build-dir DIR] [--keep]
#
# Uses hyperfine when it is installed (mean ± σ over --runs runs after 2 warm-ups), else the best of --runs runs.
# Peak memory comes from GNU time (`/usr/bin/time -v`, Debian package `time`).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
sizes="1000 10000 100000"
runs=5
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: bench/run.sh [--sizes \"1000 10000 100000\"] [--runs N] [--build-dir DIR] [--keep]" >&2; exit 2 ;;
  esac
done

# --- build ---------------------------------------------------------------------------------------------------------
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAAS_TESTS=OFF -DCAAS_BENCH=ON \
  -DCMAKE_CXX_COMPILER_LAUNCHER= >/dev/null
ninja -C "$build" caas-advisor generate_workloads parse_floor >/dev/null
advisor="$build/caas-advisor"
floor="$build/bench/parse_floor"
[[ -x /usr/bin/time ]] || { echo "bench/run.sh: GNU time is missing (apt-get install -y time)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/caas-bench.XXXXXX")
if [[ $keep -eq 0 ]]; then trap 'rm -rf "$work"' EXIT; else echo "files kept in $work" >&2; fi

# --- measuring -----------------------------------------------------------------------------------------------------
# Prints "MEAN ± SD | CPU" in milliseconds for the command given as one string: wall-clock time, and the user plus
# system time it used (the steadier figure on a busy machine; above the wall time when threads run in parallel).
time_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/h.json" "$1" >/dev/null 2>&1
    python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]
print("%.0f ± %.0f | %.0f" % (r["mean"] * 1000, r["stddev"] * 1000, (r["user"] + r["system"]) * 1000))' "$work/h.json"
  else
    local best=""
    for _ in $(seq "$runs"); do
      local start end
      start=$(date +%s%N); bash -c "$1" >/dev/null 2>&1; end=$(date +%s%N)
      local ms=$(((end - start) / 1000000))
      [[ -z $best || $ms -lt $best ]] && best=$ms
    done
    echo "$best (best) | -"
  fi
}

# Peak resident memory of one run, in MB.
peak_mb() {
  /usr/bin/time -v bash -c "$1 >/dev/null 2>&1" 2>"$work/time.txt" || true
  awk '/Maximum resident set size/ { printf "%.1f", $NF / 1024 }' "$work/time.txt"
}

warm() { find "$1" -type f -exec cat {} + >/dev/null; }

# Each row carries the 1-minute load average at the time it was taken: numbers taken under load are not final.
rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 | $(cut -d' ' -f1 /proc/loadavg) |"); }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# --- one file ------------------------------------------------------------------------------------------------------
one="$advisor recommend $root/examples/photo-thumbnailer.yaml"
row "1 (examples/photo-thumbnailer.yaml)" "recommend, text to stdout" "$(time_ms "$one")" "$(peak_mb "$one")" "-"

# --- batches -------------------------------------------------------------------------------------------------------
for n in $sizes; do
  dir="$work/w$n"
  "$build/bench/generate_workloads" "$n" "$dir"
  warm "$dir"
  floor_cmd="$floor $dir"
  floor_ms=$(time_ms "$floor_cmd")
  row "$n" "parse-only floor (YAML::Load, 1 thread)" "$floor_ms" "$(peak_mb "$floor_cmd")" "1.00"
  floor_mean=${floor_ms%% *}
  libyaml_cmd="$floor --libyaml $dir"
  libyaml_ms=$(time_ms "$libyaml_cmd")
  row "$n" "parse-only floor with libyaml (the advisor's scanner, 1 thread)" "$libyaml_ms" "$(peak_mb "$libyaml_cmd")" \
    "$(python3 -c "print('%.2f' % (${libyaml_ms%% *} / $floor_mean))")"
  for j in 1 2; do
    cmd="$advisor recommend $dir -f json=$work/report.json -j $j"
    ms=$(time_ms "$cmd")
    ratio=$(python3 -c "print('%.2f' % (${ms%% *} / $floor_mean))")
    row "$n" "recommend -f json=FILE -j $j" "$ms" "$(peak_mb "$cmd")" "$ratio"
  done
  rm -rf "$dir"
done

# --- report --------------------------------------------------------------------------------------------------------
echo
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) CPUs; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$advisor" --version 2>/dev/null | head -1), Release; time: $(command -v hyperfine >/dev/null && echo "hyperfine, mean ± σ of $runs runs after 2 warm-ups" || echo "best of $runs runs")"
echo
echo "| files | command | wall (ms) | CPU (ms) | peak RSS (MB) | wall × floor | load |"
echo "|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
