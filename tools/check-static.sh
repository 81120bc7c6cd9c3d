#!/usr/bin/env bash
# Static checks over the project's sources (tracked, plus new files not yet committed): clang-format with the
# committed .clang-format, then clang-tidy with the committed .clang-tidy. Exits non-zero on any finding.
# Usage: tools/check-static.sh [BUILD_DIR]   (a tree configured with clang, for compile_commands.json; default
# build-tidy, configured here when missing)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build-tidy}

mapfile -t sources < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' | sort -u)
start=$SECONDS
clang-format --dry-run --Werror "${sources[@]}"
echo "check-static: clang-format clean on ${#sources[@]} files ($((SECONDS - start))s)" >&2

# Configured on every run (a few seconds), so that a source added since the last run is in the database.
# Without the per-module test binaries, whose sources are the suite's: each file is analysed once.
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCAAS_MODULE_TESTS=OFF >/dev/null
# Translation units in the compilation database (headers are checked through them; see HeaderFilterRegex).
units=()
for f in "${sources[@]}"; do
  [[ $f == *.cpp ]] && grep -qF "\"file\": \"$PWD/$f\"" "$build/compile_commands.json" && units+=("$f")
done
# A unit in the database twice (a module's own test binary beside the suite) would be analysed twice.
entries=$(grep -c '"file":' "$build/compile_commands.json")
distinct=$(grep '"file":' "$build/compile_commands.json" | sort -u | wc -l)
if [ "$entries" != "$distinct" ]; then
  echo "check-static: $build/compile_commands.json lists a file twice; configure it with -DCAAS_MODULE_TESTS=OFF" >&2
  exit 1
fi
# clang-tidy over each unit, skipping the units it found clean before whose preprocessed text, command and
# configuration are unchanged (tools/tidy.py: the cache sits beside ccache's; CAAS_TIDY_CACHE=off reads every unit).
tools/tidy.py "$build" "${units[@]}" >"$build/clang-tidy.log" || {
  grep -E '(warning|error):' "$build/clang-tidy.log" | sort -u >&2
  echo "check-static: clang-tidy found problems (full log: $build/clang-tidy.log)" >&2
  exit 1
}
