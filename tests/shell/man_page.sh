#!/usr/bin/env bash
# The manual page renders with no warning from groff (-ww: all of them) nor from man, and names every command and
# every option that the binary's --help lists.
# Usage: man_page.sh CAAS_ADVISOR PAGE
set -u
tool=$1
page=$2
failed=0
warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
[[ -z $warnings ]] || { echo "FAIL: groff warns:"; echo "$warnings"; failed=1; }
if command -v man >/dev/null; then
  warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
  [[ -z $warnings ]] || { echo "FAIL: man -l warns:"; echo "$warnings"; failed=1; }
fi
text=$(MANWIDTH=200 groff -man -Tutf8 -P-cbou "$page" 2>/dev/null)
# Every command and subcommand, and every option of each, from --help.
check_help() {
  local path=$1 help sub opt
  help=$("$tool" $path --help)
  for opt in $(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
    [[ $opt == --help ]] && continue
    grep -qF -- "$opt" <<<"$text" || { echo "FAIL: '$path' option $opt is not in the man page"; failed=1; }
  done
  local subs
  subs=$(sed -n '/^Subcommands:/,/^$/p' <<<"$help" | awk 'NR > 1 && NF {print $1}')
  # A command that runs (one with no subcommands of its own) has a section.
  if [[ -n $path && -z $subs ]] && ! grep -qE "^ +$path\$" <<<"$text"; then
    echo "FAIL: command '$path' has no section"
    failed=1
  fi
  for sub in $subs; do check_help "${path:+$path }$sub"; done
}
check_help ''
[[ $failed == 0 ]] && echo "man page: renders without warnings and lists every command and option"
exit $failed
