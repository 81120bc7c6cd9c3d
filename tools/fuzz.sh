#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer + UBSan) and runs each for SECONDS, one after the other,
# in a single process, seeded from examples/, rules/ and tests/. A crash stops that target and is saved in
# BUILD/fuzz-artifacts/TARGET/: copy it into tests/fuzz/regressions/TARGET/ so the test suite replays it.
# Usage: tools/fuzz.sh [SECONDS] [TARGET...]   (default 60 seconds; targets: workload import condition rules prices
# config baseline report pricelist)
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(workload import condition rules prices config baseline report pricelist)
build=${CAAS_FUZZ_BUILD:-build-fuzz}

config=()
if command -v ccache >/dev/null; then
  # As tools/test.sh: hits across checkouts in different folders, so CI's clean clone reuses the last run's objects.
  config+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$PWD CCACHE_NOHASHDIR=1
fi
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAAS_FUZZ=ON \
  -DCAAS_SANITIZE=ON -DCAAS_TESTS=OFF "${config[@]}" >/dev/null
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

# Seeds: the files each input path really sees, plus every saved regression.
seed() {
  local target=$1 dir=$build/seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    workload) cp examples/*.yaml tests/fixtures/batch/*.yaml tests/fixtures/batch/nested/* "$dir"/
              find tests/bad-inputs -maxdepth 1 -type f ! -name '*.tsv' ! -name '*.md' -exec cp {} "$dir"/ \; ;;
    import)   # the importers' corpus, one file per name (the same file name occurs in several projects)
              find tests/corpus -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) | sort |
                awk -v dir="$dir" '{ printf "cp \"%s\" \"%s/spec-%04d\"\n", $0, dir, NR }' | sh ;;
    rules) cp rules/aws.yaml tests/fixtures/pci-policy.yaml tests/fixtures/bad-rules.yaml "$dir"/ ;;
    prices) cp rules/pricing/*.yaml "$dir"/ ;;
    config) cp tests/fixtures/config/*.yaml "$dir"/ ;;
    baseline) cp tests/fixtures/config/*.json "$dir"/ ;;
    report) cp tests/fixtures/diff/*.json tests/bad-inputs/report-*.json "$dir"/ ;;
    pricelist) cp tests/fixtures/pricelist/* "$dir"/
               find tests/bad-inputs -maxdepth 1 -name 'pricelist-*' -exec cp {} "$dir"/ \; ;;
    condition)
      # One file per `when:` of the rule tables, without the YAML quotes around it.
      grep -h '^ *when:' rules/aws.yaml tests/fixtures/*.yaml | sed -e 's/^ *when: *//' -e "s/^'\(.*\)'$/\1/" \
        -e 's/^"\(.*\)"$/\1/' | awk -v dir="$dir" '{ print > (dir "/when-" NR) }' ;;
  esac
  cp tests/fuzz/regressions/"$target"/* "$dir"/ 2>/dev/null || true
  rm -f "$dir"/README.md
}

status=0
for target in "${targets[@]}"; do
  seed "$target"
  corpus=$build/corpus/$target
  mkdir -p "$corpus" "$build/fuzz-artifacts/$target"
  echo "== fuzz_$target for ${seconds}s" >&2
  set +e
  "$build/tests/fuzz/fuzz_$target" "$corpus" "$build/seeds/$target" -dict=tests/fuzz/caas.dict \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-artifacts/$target/" 2>&1 | tee "$build/fuzz-$target.log" |
    grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|ERROR|SUMMARY|stat::' >&2
  result=${PIPESTATUS[0]}
  set -e
  if [ "$result" -ne 0 ]; then
    echo "fuzz_$target found a problem: $build/fuzz-$target.log, input in $build/fuzz-artifacts/$target/" >&2
    status=1
  fi
done
exit $status
