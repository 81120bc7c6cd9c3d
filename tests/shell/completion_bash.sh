#!/usr/bin/env bash
# The bash completion script, run as bash runs it on TAB: COMP_WORDS and COMP_CWORD in, COMPREPLY out.
# Usage: completion_bash.sh CAAS_ADVISOR (from the project root, for file names)
set -u
tool=$1
source <("$tool" completion bash) || { echo "FAIL: the script does not load"; exit 1; }
complete -p caas-advisor | grep -q -- '-F _caas_advisor' || { echo "FAIL: not registered for caas-advisor"; exit 1; }
failed=0
# expect 'WORDS TYPED (the last is being completed)' 'the replies, sorted'
expect() {
  local line=$1 want=$2 got
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *' ' ]] && COMP_WORDS+=('')
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _caas_advisor
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
  if [[ $got != "$want" ]]; then
    echo "FAIL: '$line' completed to '$got', expected '$want'"
    failed=1
  fi
}
expect 'caas-advisor rec' 'recommend'
expect 'caas-advisor co' 'completion config cost'
expect 'caas-advisor rules ' 'list show'
expect 'caas-advisor rules list --f' '--format'
expect 'caas-advisor rules list -f ' 'json markdown text'
expect 'caas-advisor schema ' 'config diff report workload'
expect 'caas-advisor completion ' 'bash fish zsh'
expect 'caas-advisor recommend --fail-on ' 'error info none warning'
expect 'caas-advisor check --color a' 'always auto'
expect 'caas-advisor recommend -f js' 'json'
expect 'caas-advisor recommend --format = ju' 'junit'
expect 'caas-advisor recommend -f json = examples/photo-thumb' 'examples/photo-thumbnailer.yaml'
expect 'caas-advisor recommend examples/photo-thumb' 'examples/photo-thumbnailer.yaml'
expect 'caas-advisor validate --rules tests/fixtures/pci' 'tests/fixtures/pci-policy.yaml'
expect 'caas-advisor recommend --path-base exam' 'examples'
expect 'caas-advisor recommend -q --exc' '--exclude'
expect 'caas-advisor recommend -j ' ''
expect 'caas-advisor --vers' '--version'
[[ $failed == 0 ]] && echo "bash completion: all cases pass"
exit $failed
