#!/usr/bin/env bash
# The zsh completion script: it parses, and compinit registers it for caas-advisor both when it is sourced and when
# it is autoloaded from fpath under its installed name, _caas-advisor.
# Usage: completion_zsh.sh CAAS_ADVISOR
set -u
tool=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$tool" completion zsh >"$dir/_caas-advisor"
zsh -n "$dir/_caas-advisor" || { echo "FAIL: zsh cannot parse the script"; exit 1; }
got=$(zsh -fc "autoload -Uz compinit && compinit -u -d $dir/dump; source $dir/_caas-advisor; print \$_comps[caas-advisor]")
[[ $got == _caas-advisor ]] || { echo "FAIL: sourced, caas-advisor completes with '$got'"; exit 1; }
got=$(zsh -fc "fpath=($dir \$fpath); autoload -Uz compinit && compinit -u -d $dir/dump2; print \$_comps[caas-advisor]")
[[ $got == _caas-advisor ]] || { echo "FAIL: from fpath, caas-advisor completes with '$got'"; exit 1; }
# Every function the dispatcher calls is defined by the script.
for f in $(grep -o '_caas-advisor_[a-z_]*' "$dir/_caas-advisor" | sort -u); do
  grep -q "^$f()" "$dir/_caas-advisor" || { echo "FAIL: $f is called but not defined"; exit 1; }
done
echo "zsh completion: parses, registers, every function defined"
