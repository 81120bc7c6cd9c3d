#!/usr/bin/env bash
# Measures `pricing import` on a generated AmazonEC2 offer file of SIZE bytes (default 3 GB): throughput and peak
# memory (/usr/bin/time -v), against the speed of reading the same file with cat: from the disk (when run as root,
# which can drop the page cache) and from the page cache. Figures go in docs/performance.md.
# Usage: bench/pricelist.sh [SIZE] [BUILD] [FORMAT]   (BUILD: a Release build folder with caas-advisor, default build;
#                                                     FORMAT: json, the default, or csv: index.json or index.csv)
set -eu
cd "$(dirname "$0")/.."
size=${1:-3000000000}
build=${2:-build}
format=${3:-json}
case $format in json | csv) ;; *) echo "FORMAT is json or csv, not $format" >&2; exit 2 ;; esac
cmake --build "$build" --target caas-advisor generate_offer >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/bench/generate_offer" "$size" "$format" >"$dir/index.$format"
bytes=$(stat -c %s "$dir/index.$format")
# The disk's own speed, when the page cache can be dropped (root): ROUNDS times (default 3), cat and the import each
# read the file cold, one after the other, so each pair meets the disk in the same state (a virtual machine's disk
# speed varies from one read to the next).
drop() { sync && echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; }
if drop; then
  echo "file: $bytes bytes"
  for round in $(seq "${ROUNDS:-3}"); do
    drop
    start=$(date +%s.%N); cat "$dir/index.$format" >/dev/null; end=$(date +%s.%N)
    disk=$(echo "$bytes / ($end - $start) / 1000000" | bc)
    drop
    /usr/bin/time -f "%e %U %S %M" "$build/caas-advisor" pricing import "$dir/index.$format" -o "$dir/out.yaml" \
      2>"$dir/cold.txt" >/dev/null
    read -r wall user sys rss < <(tail -1 "$dir/cold.txt")
    import=$(echo "$bytes / $wall / 1000000" | bc)
    echo "from the disk, round $round: cat $disk MB/s; pricing import $import MB/s ($wall s: $user s user," \
      "$sys s system), $((100 * import / disk)) % of cat; peak RSS $((rss / 1024)) MB"
  done
fi
cat "$dir/index.$format" >/dev/null  # warm the cache once, as for every run below
start=$(date +%s.%N); cat "$dir/index.$format" >/dev/null; end=$(date +%s.%N)
echo "file: $bytes bytes; cat reads it from the page cache at $(echo "$bytes / ($end - $start) / 1000000" | bc) MB/s"
/usr/bin/time -v "$build/caas-advisor" pricing import "$dir/index.$format" -o "$dir/out.yaml" 2>"$dir/time.txt" || {
  cat "$dir/time.txt"; exit 1; }
wall=$(grep 'Elapsed (wall clock)' "$dir/time.txt" | sed 's/.*: //')
seconds=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
rss=$(grep 'Maximum resident set size' "$dir/time.txt" | sed 's/.*: //')
cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$dir/time.txt")
echo "pricing import: ${seconds} s wall, $(echo "$bytes / $seconds / 1000000" | bc) MB/s;" \
  "${cpu} s of processor time, $(echo "$bytes / $cpu / 1000000" | bc) MB per processor-second; peak RSS $((rss / 1024)) MB"
grep -E 'instance types|prices the cost model' "$dir/time.txt" || true
