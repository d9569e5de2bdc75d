#!/usr/bin/env bash
# Throughput of `tolk glossary check` (with sources) on the corpus replicated to ~10,000 paragraphs:
# whole-process wall time, paragraphs and segments (sentences) per second, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=.build/release/tolk
[ -x "$TOLK" ] || make build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copies=${COPIES:-60}
for k in $(seq "$copies"); do
  for pair in Corpora/*/; do
    dir="$work/$(basename "$pair")-$k"
    mkdir -p "$dir"
    cp "$pair"/vi.txt "$pair"/nb.txt "$dir"/
  done
done
paragraphs=$(cat "$work"/*/nb.txt | awk 'BEGIN{RS=""} END{print NR}')
sentences=$(cat "$work"/*/nb.txt | "$TOLK" segment --lang nb | grep -c .)
start=$(date +%s.%N)
/usr/bin/time -o "$work/rss" -f '%M' "$TOLK" glossary check --glossary Glossaries/vi-nb.tbx --format json "$work" > /dev/null 2>&1 || true
end=$(date +%s.%N)
rss=$(tail -n 1 "$work/rss")
awk -v p="$paragraphs" -v s="$sentences" -v t0="$start" -v t1="$end" -v r="$rss" 'BEGIN {
  t = t1 - t0
  printf "glossary check: %d paragraphs (%d sentences) in %.2f s: %.0f paragraphs/s, %.0f segments/s, peak RSS %d MiB\n", p, s, t, p/t, s/t, r/1024 }'
