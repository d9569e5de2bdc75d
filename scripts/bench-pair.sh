#!/usr/bin/env bash
# Speed and memory of `tolk lint --source` on one long pair (a pair is aligned whole, so memory grows
# with it): `varied`, paragraphs of four UD sentences (Vietnamese on the source side, Norwegian on the
# translation side: not translations of each other, so nothing repeats and the lexical model meets
# the most word pairs), and `repeated`, the corpus's longest article repeated (a number on each copy's
# first line), a real translation whose paragraphs repeat.
# usage: scripts/bench-pair.sh [MB...]   (MB of text a side; default 10 20; needs ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/release/tolk}
[ -x "$TOLK" ] || make build
DATA=${DATA:-../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 20)

python3 - "$DATA" "$work" "${sizes[@]}" <<'EOF'
import glob, random, sys
data, work, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
def sentences(pattern):
    return [l[len('# text = '):].strip() for path in sorted(glob.glob(pattern)) for l in open(path, encoding='utf-8')
            if l.startswith('# text = ')]
pools = {'vi': sentences(f'{data}/ud-train/vi/*.conllu') + sentences(f'{data}/ud-dev/vi/*.conllu'),
         'nb': sentences(f'{data}/ud-dev/nb/*.conllu')}
article = {side: open(f'Corpora/vietnamplus-1080302/{side}.txt', encoding='utf-8').read() for side in ('vi', 'nb')}
for mb in sizes:
    for side, heading in (('vi', 'Tiêu đề'), ('nb', 'Overskrift')):
        rnd = random.Random(7)
        with open(f'{work}/varied-{mb}.{side}.txt', 'w') as f:
            f.write(heading + '\n\n')
            size = 0
            while size < mb * 1024 * 1024:
                paragraph = ' '.join(rnd.sample(pools[side], 4)) + '\n\n'
                f.write(paragraph)
                size += len(paragraph.encode())
        first, rest = article[side].split('\n', 1)
        copies = mb * 1024 * 1024 // len(article[side].encode()) + 1
        with open(f'{work}/repeated-{mb}.{side}.txt', 'w') as f:
            f.write(''.join(f'{first} ({k})\n{rest}\n' for k in range(copies)))
EOF

printf '| pair | MiB (both sides) | `lint --source`: time, peak RSS | with `--glossary Glossaries/vi-nb.tbx` |\n|---|---|---|---|\n'
for mb in "${sizes[@]}"; do
  for pair in varied repeated; do
    source="$work/$pair-$mb.vi.txt"
    translation="$work/$pair-$mb.nb.txt"
    size=$(du -cb "$source" "$translation" | awk 'END { printf "%.1f", $1 / 1048576 }')
    row="| $pair | $size |"
    for glossary in "" "--glossary Glossaries/vi-nb.tbx"; do
      code=0
      # shellcheck disable=SC2086
      /usr/bin/time -f '%e s, %M KiB' -o "$work/time" "$TOLK" lint $glossary --source "$source" "$translation" > /dev/null 2>&1 || code=$?
      # Exit 1 is lint's "findings"; anything else is a failure and shown.
      row="$row $(tail -n 1 "$work/time")$([ "$code" -le 1 ] || echo " (exit $code)") |"
    done
    echo "$row"
  done
done
