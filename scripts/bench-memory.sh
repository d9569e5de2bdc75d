#!/usr/bin/env bash
# Peak memory of the streaming commands at 10 MB and 100 MB of input: `tokenize`, `segment` and
# `lint` (with and without the glossary) must not grow with the input. Two inputs of each size:
# news paragraphs (UD Norwegian dev sentences, shuffled four to a paragraph, so nothing repeats)
# and one single line without any line break.
# usage: scripts/bench-memory.sh   (needs ../shared/data; about four minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/release/tolk}
[ -x "$TOLK" ] || make build
UD=${UD_DEV:-../shared/data/ud-dev/nb/no_bokmaal-ud-dev.conllu}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$UD" "$work" <<'EOF'
import random, sys
sentences = [l[len('# text = '):].strip() for l in open(sys.argv[1], encoding='utf-8') if l.startswith('# text = ')]
for mb in (10, 100):
    rnd = random.Random(mb)
    with open(f'{sys.argv[2]}/paragraphs-{mb}mb.txt', 'w') as f:
        f.write('Overskrift om saken\n\n')
        size = 0
        while size < mb * 1024 * 1024:
            paragraph = ' '.join(rnd.sample(sentences, 4)) + '\n\n'
            f.write(paragraph)
            size += len(paragraph.encode())
    with open(f'{sys.argv[2]}/line-{mb}mb.txt', 'w') as f:
        size = 0
        while size < mb * 1024 * 1024:
            sentence = rnd.choice(sentences) + ' '
            f.write(sentence)
            size += len(sentence.encode())
        f.write('\n')
EOF

printf '| input | command | 10 MB: time, peak RSS | 100 MB: time, peak RSS |\n|---|---|---|---|\n'
for input in paragraphs line; do
  for command in "tokenize --lang nb" "segment --lang nb" "lint" "lint --glossary Glossaries/vi-nb.tbx"; do
    row="| $input | \`tolk $command\` |"
    for mb in 10 100; do
      code=0
      # shellcheck disable=SC2086
      /usr/bin/time -f '%e s, %M KiB' -o "$work/time" "$TOLK" $command "$work/$input-${mb}mb.txt" > /dev/null 2>&1 || code=$?
      # Exit 1 is lint's "findings"; anything else is a failure and shown.
      row="$row $(tail -n 1 "$work/time")$([ "$code" -le 1 ] || echo " (exit $code)") |"
    done
    echo "$row"
  done
done
