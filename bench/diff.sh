#!/usr/bin/env bash
# The pull-request benchmark (docs/performance.md, "diff --git-base"): a git repository of COUNT generated workloads
# (default 10,000) is committed, CHANGED of its files (default 10) are edited in the working tree, and
# `diff --git-base HEAD -f json=FILE -f markdown=FILE` is timed at -j 2 — what a pull-request job runs. For scale, the
# same run when a --rules file in the repository changed (every file judged on both sides), and one `recommend` of
# the whole repository. Prints a markdown table.
#
#   bench/diff.sh [--count N] [--changed N] [--runs N] [--build-dir DIR] [--keep]
#
# Uses hyperfine when it is installed (mean ± σ over --runs runs after 2 warm-ups), else the best of --runs runs;
# the CPU time (user + system) and the peak memory come from GNU time (`/usr/bin/time`, Debian package `time`).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build-bench"
count=10000
changed=10
runs=5
keep=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) count="$2"; shift 2 ;;
    --changed) changed="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --build-dir) build="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: bench/diff.sh [--count N] [--changed N] [--runs N] [--build-dir DIR] [--keep]" >&2; exit 2 ;;
  esac
done
build=$(mkdir -p "$build" && cd "$build" && pwd)  # the runs below start in the repository
[[ -x /usr/bin/time ]] || { echo "bench/diff.sh: GNU time is missing (apt-get install -y time)" >&2; exit 2; }

# --- build (an existing Release tree given with --build-dir is only brought up to date) -----------------------------
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAAS_TESTS=OFF -DCAAS_BENCH=ON >/dev/null
fi
cmake --build "$build" --target caas-advisor generate_workloads >/dev/null
advisor="$build/caas-advisor"

work=$(mktemp -d "${TMPDIR:-/tmp}/caas-diff-bench.XXXXXX")
if [[ $keep -eq 0 ]]; then trap 'rm -rf "$work"' EXIT; else echo "files kept in $work" >&2; fi

# --- the repository ------------------------------------------------------------------------------------------------
repo="$work/repo"
mkdir -p "$repo"
"$build/bench/generate_workloads" "$count" "$repo/services" >/dev/null
cp "$root/tests/fixtures/pci-policy.yaml" "$repo/policy.yaml"
git -C "$repo" init -q
git -C "$repo" add -A
git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid commit -q -m base
# CHANGED files spread over the tree, each given a new top-level key (a real edit: a changed blob, a changed field).
mapfile -t files < <(cd "$repo" && find services -name '*.yaml' | sort)
step=$((${#files[@]} / changed))
for ((i = 0; i < changed; i++)); do
  printf 'x-bench-edit: %d\n' "$i" >>"$repo/${files[$((i * step))]}"
done
find "$repo" -type f -exec cat {} + >/dev/null  # warm the file cache

# --- measuring -----------------------------------------------------------------------------------------------------
# "WALL | CPU | PEAK" for the command given as one string, run in the repository: wall time in ms (hyperfine's mean
# ± σ, or the best run), CPU time and peak memory (MB) of one run.
measure() {
  local wall
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 2 --runs "$runs" -i --export-json "$work/h.json" "$1" >/dev/null 2>&1
    wall=$(python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]
print("%.0f ± %.0f" % (r["mean"] * 1000, r["stddev"] * 1000))' "$work/h.json")
  else
    local best=""
    for _ in $(seq "$runs"); do
      local start end
      start=$(date +%s%N); (cd "$repo" && bash -c "$1" >/dev/null 2>&1) || true; end=$(date +%s%N)
      local ms=$(((end - start) / 1000000))
      [[ -z $best || $ms -lt $best ]] && best=$ms
    done
    wall="$best (best of $runs)"
  fi
  (cd "$repo" && /usr/bin/time -f '%U %S %M' bash -c "$1 >/dev/null 2>&1" 2>"$work/time.txt") || true
  local user sys peak
  read -r user sys peak < <(tail -1 "$work/time.txt")
  echo "$wall | $(python3 -c "print('%.0f' % (($user + $sys) * 1000))") | $(python3 -c "print('%.1f' % ($peak / 1024))")"
}

rows=()
row() { rows+=("| $1 | $2 | $(cut -d' ' -f1 /proc/loadavg) |"); }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

outputs="-f json=$work/diff.json -f markdown=$work/diff.md"
row "diff --git-base HEAD, $changed files changed" "$(measure "cd $repo && $advisor diff --git-base HEAD $outputs -j 2 --rules policy.yaml")"
# The rule file changes too: every workload may change, so every file is judged on both sides.
printf '\n' >>"$repo/policy.yaml"
row "the same, and the --rules file changed" "$(measure "cd $repo && $advisor diff --git-base HEAD $outputs -j 2 --rules policy.yaml")"
git -C "$repo" checkout -q -- policy.yaml
row "recommend of the whole repository (for scale)" "$(measure "cd $repo && $advisor recommend services -f json=$work/r.json -j 2 --rules policy.yaml")"

# Correctness of what was timed: the changed files, and nothing else, are listed as changed.
(cd "$repo" && "$advisor" diff --git-base HEAD -f json --rules policy.yaml -j 2 2>/dev/null) >"$work/check.json" || true
python3 - "$work/check.json" "$changed" "$count" <<'EOF'
import json, sys
diff = json.load(open(sys.argv[1]))
changed = [w for w in diff["workloads"] if w["change"] == "changed"]
assert len(changed) == int(sys.argv[2]), f"{len(changed)} workloads listed as changed"
assert diff["summary"]["unchanged"] + len(changed) == int(sys.argv[3]), diff["summary"]
EOF

echo
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) CPUs; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$("$advisor" --version 2>/dev/null | head -1), Release; $count workloads; time: $(command -v hyperfine >/dev/null && echo "hyperfine, mean ± σ of $runs runs after 2 warm-ups" || echo "best of $runs runs")"
echo
echo "| run | wall (ms) | CPU (ms) | peak RSS (MB) | load |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
