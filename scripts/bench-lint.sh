#!/usr/bin/env bash
# Throughput of `tolk lint` on the corpus replicated to ~10,000 paragraphs (2 cores), with the
# glossary, pages alone and with their sources; and one article, process start included.
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/release/tolk}
[ -x "$TOLK" ] || make build
G=Glossaries/vi-nb.tbx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copies=${COPIES:-60}
mkdir -p "$work/pages" "$work/pairs"
for k in $(seq "$copies"); do
  for pair in Corpora/*/; do
    name=$(basename "$pair")-$k
    cp "$pair/nb.txt" "$work/pages/$name.txt"
    mkdir -p "$work/pairs/$name"
    cp "$pair/vi.txt" "$pair/nb.txt" "$work/pairs/$name/"
  done
done
paragraphs=$(cat "$work"/pages/*.txt | awk 'BEGIN{RS=""} END{print NR}')
runs=${RUNS:-5}
run() {  # run LABEL ARGS...: the median of $runs runs (a 2-core VM's speed varies from run to run)
  local label=$1
  shift
  : > "$work/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f '%e %M' "$TOLK" lint --glossary "$G" --format json "$@" > /dev/null 2>&1 || true
    tail -n 1 "$work/time" >> "$work/times"
  done
  sort -n "$work/times" | awk -v l="$label" -v p="$paragraphs" -v n="$runs" '
    { t[NR] = $1; if ($2 > r) r = $2 }
    END { m = t[int((n + 1) / 2)]; printf "%s: %d paragraphs in %.2f s (median of %d; %.2f-%.2f) = %.0f paragraphs/s (%.0f-%.0f), peak RSS %d MiB\n", l, p, m, n, t[1], t[n], p/m, p/t[n], p/t[1], r/1024 }'
}
run "lint, pages alone" "$work"/pages/*.txt
run "lint, pages with their sources (alignment, numbers, missing paragraphs)" "$work/pairs"
best=999
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  "$TOLK" lint --glossary "$G" Corpora/vietnamplus-1080302/nb.txt > /dev/null 2>&1 || true
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  [ "$ms" -lt "$best" ] && best=$ms
done
echo "one article (the seed, with the glossary), process start included: ${best} ms (best of 5)"
