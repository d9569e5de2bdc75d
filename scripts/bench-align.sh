#!/usr/bin/env bash
# Speed and memory of `tolk align` on a long pair: the Text+Berg dev set repeated to ~25,000 lines
# a side (whole process wall time and peak RSS), and on the dev set itself.
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=.build/release/tolk
[ -x "$TOLK" ] || swift build -c release
DATA=../shared/data/textberg-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for k in $(seq 54); do sed "s/\$/ ($k)/" "$DATA/dev.de"; done > "$work/long.de"
for k in $(seq 54); do sed "s/\$/ ($k)/" "$DATA/dev.fr"; done > "$work/long.fr"
measure() {  # measure LABEL ARGS...
  local label=$1
  shift
  /usr/bin/time -o "$work/time" -f '%e %M' "$TOLK" align "$@" > "$work/out"
  read -r seconds kib < <(tail -n 1 "$work/time")
  echo "$label: $(wc -l < "$work/out") beads, ${seconds} s wall, $((kib / 1024)) MiB peak RSS"
}
measure "dev set ($(wc -l < "$DATA/dev.de") x $(wc -l < "$DATA/dev.fr"))" --src-lang de --tgt-lang fr "$DATA/dev.de" "$DATA/dev.fr"
measure "long pair ($(wc -l < "$work/long.de") x $(wc -l < "$work/long.fr"))" --src-lang de --tgt-lang fr "$work/long.de" "$work/long.fr"
# The long pair's gold: the dev gold shifted for each copy.
python3 - "$DATA/dev.defr" "$work/long.defr" <<'PY'
import re, sys
gold = open(sys.argv[1]).read().splitlines()
with open(sys.argv[2], "w") as out:
    for k in range(54):
        for line in gold:
            src, tgt = line.split(":")
            shift = lambda side, n: "[" + ", ".join(str(int(x) + k * n) for x in re.findall(r"\d+", side)) + "]"
            out.write(shift(src, 468) + ":" + shift(tgt, 554) + "\n")
PY
python3 scripts/eval-align.py score "$work/long.defr" "$work/out"
