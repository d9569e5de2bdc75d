#!/usr/bin/env bash
# `tolk check` and `tolk report` on 1,000 article pairs (the corpus copied 125 times, each copy with
# its own article id): whole-process wall time, peak RSS and the largest pair page. TOLK=path runs
# another build (for a before/after on the same machine).
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/release/tolk}
[ -x "$TOLK" ] || make build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for k in $(seq 125); do
  for pair in Corpora/*/; do
    name=$(basename "$pair")
    dir="$work/corpus/$name-$k"
    mkdir -p "$dir"
    cp "$pair/vi.txt" "$dir/"
    sed "s/-post\([0-9]*\)\.vnp/-post\1$k.vnp/" "$pair/nb.txt" > "$dir/nb.txt"
    sed "s/-post\([0-9]*\)\.vnp/-post\1$k.vnp/" "$pair/meta.json" > "$dir/meta.json"
  done
done
/usr/bin/time -o "$work/time" -f '%e %M' "$TOLK" check --format json "$work/corpus" > /dev/null 2>&1 || true
read -r seconds kib < <(tail -n 1 "$work/time")
echo "check of 1000 pairs: ${seconds} s wall, $((kib / 1024)) MiB peak RSS"
/usr/bin/time -o "$work/time" -f '%e %M' "$TOLK" report --out "$work/report" "$work/corpus" 2>/dev/null
read -r seconds kib < <(tail -n 1 "$work/time")
pages=$(ls "$work/report/pairs" | wc -l)
largest=$(ls -S "$work/report/pairs" | awk "NR == 1")
echo "report of $pages pairs: ${seconds} s wall, $((kib / 1024)) MiB peak RSS; largest page $(($(stat -c %s "$work/report/pairs/$largest") / 1024)) KiB"
