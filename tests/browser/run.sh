#!/usr/bin/env bash
# The browser test (ctest's `browser`): headless Chromium opens two pages: the examples' page, and a batch of five
# copies of the examples (115 workloads: more than the page shows at once, so later details are built on demand
# and the table is paged). Each must load with no console message (a script error or anything blocked is one),
# and every chart point must agree with `cost -f json` (tests/browser/check.js). Screenshots are left in OUT for
# people to look at.
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
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

browse() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --hide-scrollbars --virtual-time-budget=10000 "$@"
}

failed=0
# check NAME PAGE FILE...: the page's charts against `cost -f json` of each file.
check() {
  local name=$1 page=$2
  shift 2
  {
    printf '<script>window.CAAS_EXPECTED = [\n'
    for file in "$@"; do
      "$binary" cost -f json "$file"
      printf ',\n'
    done
    printf '];\n'
    cat tests/browser/check.js
    printf '</script>\n'
  } > "$out/$name.checker"
  # The copy that is checked: the checker first (after the charset), and without the page's Content-Security-Policy,
  # which allows only the page's own scripts. The page itself is loaded as written, below.
  sed -e '/<meta charset="utf-8">/r '"$out/$name.checker" -e '/Content-Security-Policy/d' "$page" > "$out/$name.check.html"
  local status=0
  browse --dump-dom "file://$out/$name.check.html" > "$out/$name.dom" 2> "$out/$name.check.log" || status=$?
  local result
  result=$(sed -n '/<pre id="caas-check">/,/<\/pre>/p' "$out/$name.dom" | sed -e 's/<[^>]*>//g')
  if [ $status -ne 0 ] || [ -z "$result" ]; then
    echo "$name: chromium did not report the check (exit $status); its log:"
    tail -20 "$out/$name.check.log"
    failed=1
    return
  fi
  echo "$name: $result"
  case "$result" in PASSED*) ;; *) failed=1 ;; esac
  # The page as written, with its Content-Security-Policy: its console must stay silent.
  browse --window-size=1280,1900 --screenshot="$out/$name.png" "file://$page" 2> "$out/$name.page.log"
  if grep -E 'CONSOLE|Refused to|Uncaught' "$out/$name.page.log" "$out/$name.check.log"; then
    echo "$name: FAILED: the page logged the console messages above"
    failed=1
  fi
}

# The examples, each file as its own page too: one of them is looked at whole, chart included.
"$binary" recommend examples -f html="$out/examples.html" -q || [ $? -eq 1 ]
check examples "$out/examples.html" examples/*.yaml
"$binary" recommend examples/photo-thumbnailer.yaml -f html="$out/photo-thumbnailer.html" -q
browse --window-size=1100,3000 --screenshot="$out/photo-thumbnailer.png" "file://$out/photo-thumbnailer.html" \
  2> "$out/photo-thumbnailer.log"

# A larger batch: five copies of the examples.
files=()
for copy in 1 2 3 4 5; do
  mkdir -p "$out/batch/copy$copy"
  cp examples/*.yaml "$out/batch/copy$copy/"
  files+=("$out"/batch/copy"$copy"/*.yaml)
done
"$binary" recommend "$out/batch" -f html="$out/batch.html" -q || [ $? -eq 1 ]
check batch "$out/batch.html" "${files[@]}"

# Hostile input: a file name and a description written as markup are text on the page, and nothing runs or loads.
mkdir -p "$out/hostile"
printf '%s\n' 'apiVersion: caas-advisor/v1' 'name: hostile' \
  "description: \"</script><script>document.title='pwned'</script><img src=x onerror=\\\"document.title='pwned'\\\">\"" \
  'kind: function' 'triggers: [s3]' 'execution: {duration: 2s}' 'traffic: {requests_per_month: 3M}' \
  > "$out/hostile/<img src=x onerror=alert(1)>.yaml"
"$binary" recommend "$out/hostile" -f html="$out/hostile.html" -q
browse --dump-dom "file://$out/hostile.html" > "$out/hostile.dom" 2> "$out/hostile.log"
if grep -q -e '<title>pwned' -e '<img' "$out/hostile.dom" || ! grep -q '&lt;img src=x onerror=alert(1)&gt;.yaml' "$out/hostile.dom" \
  || grep -E 'CONSOLE|Refused to|Uncaught' "$out/hostile.log"; then
  echo "hostile: FAILED: markup from the input became part of the page, or the page logged the messages above"
  failed=1
else
  echo "hostile: PASSED: a file name and a description holding markup are text, and nothing ran or loaded"
fi

echo "screenshots: $out/examples.png $out/photo-thumbnailer.png $out/batch.png"
exit $failed
