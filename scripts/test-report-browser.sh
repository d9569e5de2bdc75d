#!/usr/bin/env bash
# The HTML report in a real browser: headless Chromium renders the report of the bundled corpus
# plus an article with injected markup, the DOM is checked for aligned rows, highlighted glossary
# terms and the seed's findings, the injected <script> must not run, and a screenshot of the seed
# pair's page is taken (saved as docs/report-seed.png, shown in the README, with UPDATE_SCREENSHOT=1).
# usage: scripts/test-report-browser.sh [path/to/tolk]
set -u
TOLK=${1:-.build/debug/tolk}
BROWSER=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$BROWSER" ]; then
  echo "report-browser: no Chromium here; skipped"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
expect() {  # expect NAME CONDITION-RESULT
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi
}
render() { timeout 90 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "$@" 2>/dev/null; }

# The corpus, plus one pair whose translation carries markup, quotes and a right-to-left mark.
cp -r Corpora "$work/corpus"
mkdir -p "$work/corpus/injected-1"
cp Corpora/vietnamplus-1080850/vi.txt "$work/corpus/injected-1/vi.txt"
sed 's|^Statsbanken i Vietnam opplyste|<script>document.title="PWNED";document.body.setAttribute("data-pwned","1")</script> \& "sitat" \xE2\x80\x8F Statsbanken i Vietnam opplyste|' \
  Corpora/vietnamplus-1080850/nb.txt > "$work/corpus/injected-1/nb.txt"
"$TOLK" report --out "$work/report" "$work/corpus" 2>/dev/null
expect "report written" $?

seed="$work/report/pairs/vietnamplus-1080302-nb.html"
render --dump-dom "file://$seed" > "$work/seed.dom"
rows=$(grep -o '<tr class="' "$work/seed.dom" | wc -l)
[ "$rows" -ge 30 ]; expect "the seed page has its aligned rows ($rows)" $?
grep -q '<mark class="term" title="to-lam' "$work/seed.dom"; expect "glossary terms highlighted with their concept" $?
grep -q 'data-rule="glossary-mangled-name"' "$work/seed.dom"; expect "the seed's mangled name is shown" $?
grep -q 'GeneralsekretærLams' "$work/seed.dom"; expect "the finding quotes the text" $?

injected="$work/report/pairs/injected-1-nb.html"
render --dump-dom "file://$injected" > "$work/injected.dom"
! grep -q 'data-pwned="1"' "$work/injected.dom"; expect "the injected script did not run" $?
! grep -q '<title>PWNED' "$work/injected.dom"; expect "the title was not changed" $?
grep -q '&lt;script&gt;document.title' "$work/injected.dom"; expect "the markup is shown as text" $?
grep -q '\[U+200F\]' "$work/injected.dom"; expect "the right-to-left mark is shown, not applied" $?

render --dump-dom "file://$work/report/index.html" > "$work/index.dom"
[ "$(grep -o '<tr><td><a href="pairs/' "$work/index.dom" | wc -l)" -eq 9 ]; expect "the index lists every pair" $?
render --dump-dom "file://$work/report/glossary.html" > "$work/glossary.dom"
grep -q 'class="forbidden-rendering"' "$work/glossary.dom"; expect "forbidden renderings are marked on the glossary page" $?

render --window-size=1400,1800 --screenshot="$work/seed.png" "file://$seed" > /dev/null
[ -s "$work/seed.png" ]; expect "screenshot taken" $?
# UPDATE_SCREENSHOT=1 refreshes the README's picture.
[ -s "$work/seed.png" ] && [ "${UPDATE_SCREENSHOT:-0}" = 1 ] && cp "$work/seed.png" docs/report-seed.png

echo "report-browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
