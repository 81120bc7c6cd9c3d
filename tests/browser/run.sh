#!/usr/bin/env bash
# The browser test (ctest's `browser`): headless Chromium opens the examples' HTML page. It must load with no
# console error (a script error or a blocked resource is one), and every chart point must agree with `cost -f json`
# (tests/browser/check.js). Screenshots of the page are left in OUT for people to look at.
# Usage: tests/browser/run.sh CAAS_ADVISOR OUT   (from the project root). Exit 77 (skipped) without Chromium:
# tools/install-deps.sh --dev installs it.
set -eu
binary=$1
out=$2
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "browser test skipped: no chromium (tools/install-deps.sh --dev installs it)"
  exit 77
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# The page of every example, and the JSON cost table of each, from the same binary.
"$binary" recommend examples -f html="$out/examples.html" -f json="$out/examples.json" -q || [ $? -eq 1 ]
{
  printf '<script>window.CAAS_EXPECTED = [\n'
  for file in examples/*.yaml; do
    "$binary" cost -f json "$file"
    printf ',\n'
  done
  printf '];\n'
  cat tests/browser/check.js
  printf '</script>\n'
} > "$out/checker.html"
# The copy that is checked: the checker first in <head>, and without the page's Content-Security-Policy, which
# allows only the page's own script. The page itself is loaded as written below.
sed -e '/<meta charset="utf-8">/r '"$out/checker.html" -e '/Content-Security-Policy/d' "$out/examples.html" > "$out/check.html"

browse() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --hide-scrollbars --virtual-time-budget=5000 "$@"
}

status=0
browse --dump-dom "file://$out/check.html" > "$out/check.dom" 2> "$out/check.log" || status=$?
result=$(sed -n '/<pre id="caas-check">/,/<\/pre>/p' "$out/check.dom" | sed -e 's/<[^>]*>//g')
if [ $status -ne 0 ] || [ -z "$result" ]; then
  echo "chromium did not report the check (exit $status); its log:"
  tail -20 "$out/check.log"
  exit 1
fi
echo "$result"

# The page as written, with its Content-Security-Policy: a screenshot of the top and of one workload's chart, and
# its console, where a blocked script or style, or any script error, would show.
browse --window-size=1280,1900 --screenshot="$out/examples.png" "file://$out/examples.html" 2> "$out/page.log"
chart=$(grep -o '<article class="workload" id="w[0-9]*" aria-labelledby="w[0-9]*-h" data-name="photo-thumbnailer"' \
  "$out/examples.html" | sed -e 's/.* id="\(w[0-9]*\)".*/\1/')
browse --window-size=1280,1500 --screenshot="$out/workload.png" "file://$out/examples.html#${chart:-w1}" \
  2>> "$out/page.log"
echo "screenshots: $out/examples.png $out/workload.png"
if grep -E 'CONSOLE|Refused to|Uncaught' "$out/page.log" "$out/check.log"; then
  echo "FAILED: the page logged the console messages above"
  exit 1
fi
case "$result" in
  PASSED*) exit 0 ;;
  *) exit 1 ;;
esac
