#!/usr/bin/env bash
# Speed and memory of `tolk align` on long pairs: the Text+Berg dev set repeated to ~25,000, ~50,000
# and ~100,000 lines a side (whole process wall time and peak RSS, strict F1 against the repeated
# gold), and on the dev set itself. The growth exponent between two sizes is log(t2/t1)/log(n2/n1).
#
# usage: scripts/bench-align.sh [COPIES...]   (default: 54 108 216 copies = 25k, 50k, 100k de lines)
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/release/tolk}
[ -x "$TOLK" ] || make build
DATA=../shared/data/textberg-dev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(54 108 216)
measure() {  # measure LABEL ARGS...
  local label=$1
  shift
  /usr/bin/time -o "$work/time" -f '%e %M' "$TOLK" align "$@" > "$work/out"
  read -r seconds kib < <(tail -n 1 "$work/time")
  echo "$label: $(wc -l < "$work/out") beads, ${seconds} s wall, $((kib / 1024)) MiB peak RSS"
}
measure "dev set ($(wc -l < "$DATA/dev.de") x $(wc -l < "$DATA/dev.fr"))" --src-lang de --tgt-lang fr "$DATA/dev.de" "$DATA/dev.fr"
n_de=$(wc -l < "$DATA/dev.de")
n_fr=$(wc -l < "$DATA/dev.fr")
for copies in "${copies[@]}"; do
  # Each copy marks its lines with its number, so identical lines do not repeat exactly.
  for k in $(seq "$copies"); do sed "s/\$/ ($k)/" "$DATA/dev.de"; done > "$work/long.de"
  for k in $(seq "$copies"); do sed "s/\$/ ($k)/" "$DATA/dev.fr"; done > "$work/long.fr"
  measure "long pair ($(wc -l < "$work/long.de") x $(wc -l < "$work/long.fr"))" --src-lang de --tgt-lang fr "$work/long.de" "$work/long.fr"
  # The long pair's gold: the dev gold shifted for each copy.
  python3 - "$DATA/dev.defr" "$work/long.defr" "$copies" "$n_de" "$n_fr" <<'PY'
import re, sys
gold = open(sys.argv[1]).read().splitlines()
copies, n_de, n_fr = (int(x) for x in sys.argv[3:6])
with open(sys.argv[2], "w") as out:
    for k in range(copies):
        for line in gold:
            src, tgt = line.split(":")
            shift = lambda side, n: "[" + ", ".join(str(int(x) + k * n) for x in re.findall(r"\d+", side)) + "]"
            out.write(shift(src, n_de) + ":" + shift(tgt, n_fr) + "\n")
PY
  python3 scripts/eval-align.py score "$work/long.defr" "$work/out"
done
