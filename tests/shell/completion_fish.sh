#!/usr/bin/env bash
# The fish completion script, asked as fish asks it on TAB (complete -C).
# Usage: completion_fish.sh CAAS_ADVISOR (from the project root, for file names)
set -u
tool=$1
script=$(mktemp)
trap 'rm -f "$script"' EXIT
"$tool" completion fish >"$script"
fish --no-execute "$script" || { echo "FAIL: fish cannot read the script"; exit 1; }
failed=0
expect() {
  local line=$1 want=$2 got
  got=$(fish --no-config -c "source $script; complete -C '$line'" | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//')
  if [[ $got != "$want" ]]; then
    echo "FAIL: '$line' completed to '$got', expected '$want'"
    failed=1
  fi
}
expect 'caas-advisor rec' 'recommend'
expect 'caas-advisor rules ' 'list show'
expect 'caas-advisor rules list -f ' 'json markdown text'
expect 'caas-advisor schema ' 'config diff report workload'
expect 'caas-advisor recommend --fail-on ' 'error info none warning'
expect 'caas-advisor recommend examples/photo-thumb' 'examples/photo-thumbnailer.yaml'
expect 'caas-advisor recommend --path-b' '--path-base'
[[ $failed == 0 ]] && echo "fish completion: all cases pass"
exit $failed
