#!/usr/bin/env bash
# Every command against bad input: each case checks the exit code and the message.
# usage: scripts/bad-input-tests.sh [path/to/tolk] [--big]
#   --big   adds the limits: a 100 MB single line, 100,000 paragraphs, a 100,000-concept glossary
#           (about two minutes with a release build; peak memory is printed for each).
# TABLE=FILE writes the cases as a Markdown table (case, command, exit code, first line of the message).
set -u
TOLK=${1:-.build/debug/tolk}
BIG=${2:-}
case $TOLK in /*) ;; *) TOLK=$(pwd)/$TOLK ;; esac
REPO=$(pwd)
SEED=$REPO/Corpora/vietnamplus-1080302/nb.txt
SOURCE=$REPO/Corpora/vietnamplus-1080302/vi.txt
G=$REPO/Glossaries/vi-nb.tbx
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
cd "$work" || exit 2
passed=0
failed=0
rows=()

# case NAME EXPECTED_EXIT PATTERN -- COMMAND...   (PATTERN: an extended regex the output must match;
# output = stderr, or stdout + stderr when the command writes nothing to stderr)
case_() {
  local name=$1 want=$2 pattern=$3
  shift 4
  local out err code
  out=$("$@" 2> err.log)
  code=$?
  err=$(cat err.log)
  local shown=${err:-$out}
  if [ "$code" -eq "$want" ] && printf '%s\n%s\n' "$err" "$out" | grep -qE -- "$pattern"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: $* (exit $code, wanted $want; pattern '$pattern')"
    printf '%s\n' "$shown" | head -n 3 | sed 's/^/  | /'
  fi
  local command="$*"
  command=${command#as_user }
  command=${command//$TOLK/tolk}
  command=${command//$REPO\//}
  command=${command//$work\//}
  rows+=("| $name | \`${command:0:80}\` | $code | $(printf '%s' "$shown" | head -n 1 | cut -c1-120 | sed 's/|/\\|/g') |")
}

# Runs tolk as an unprivileged user when we are root (root reads any file): a copy of the binary in
# the (world-readable) work folder, so only the file's own mode keeps it out.
chmod 755 "$work"
cp "$TOLK" "$work/tolk-copy"
as_user() {
  if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$work/tolk-copy" "${@:2}"; else "$@"; fi
}
unprivileged=yes
as_user "$TOLK" --version > /dev/null 2>&1 || unprivileged=no

python3 - "$SEED" <<'EOF'
import sys, unicodedata, os
seed = open(sys.argv[1], encoding='utf-8').read()
def write(name, data): open(name, 'wb').write(data)
write('invalid.txt', 'Overskrift\n\nHei på deg '.encode() + b'\xc3\x28' + b' ok.\n')
write('bom.txt', b'\xef\xbb\xbf' + seed.encode())
write('utf16.txt', seed.encode('utf-16'))
write('utf16-nobom.txt', seed.encode('utf-16-le'))
write('nul.txt', b'Overskrift\n\nabc\x00def\n')
write('crlf.txt', seed.replace('\n', '\r\n').encode())
write('cr.txt', seed.replace('\n', '\r').encode())
write('nfd.txt', unicodedata.normalize('NFD', seed).encode())
write('empty.txt', b'')
write('empty.tbx', b'')
write('empty.csv', b'')
write('blank.txt', b'  \n\n\t\n')
write('unreadable.txt', seed.encode())
tbx = open(sys.argv[1].replace('Corpora/vietnamplus-1080302/nb.txt', 'Glossaries/vi-nb.tbx'), 'rb').read()
write('truncated.tbx', tbx[:len(tbx) // 2])
write('notxml.tbx', seed.encode())
write('xxe.tbx', b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>')
# A DTD beside the file that would define &x; if it were read: tolk must not read it.
write('entity.dtd', b'<!ENTITY x "read from the DTD">\n')
write('dtd-entity.tbx', b'<?xml version="1.0"?><!DOCTYPE martif SYSTEM "entity.dtd"><martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="nb"><tig><term>&x;</term></tig></langSet></termEntry></body></text></martif>')
write('dtd.tbx', b'<?xml version="1.0"?><!DOCTYPE martif SYSTEM "http://example.invalid/TBXcoreStructV02.dtd"><martif type="TBX"><text><body/></text></martif>')
write('bomb.tbx', b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + b''.join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((98 + i,) + (97 + i,) * 10) for i in range(9)) + b']><tbx>&j;</tbx>')
write('deep.tbx', b'<tbx>' + b'<a>' * 100000 + b'</a>' * 100000 + b'</tbx>')
write('quote.csv', b'concept_id,language,term,status\na,nb,"To Lam,preferred\n')
write('header.csv', b'id;lang;term\na;nb;To Lam\n')
os.makedirs('dir', exist_ok=True)
os.makedirs('corpus/a', exist_ok=True)
write('corpus/a/nb.txt', b'Overskrift\n\nHei ' + b'\xff' + b'\n')
write('corpus/a/vi.txt', open(sys.argv[1].replace('nb.txt', 'vi.txt'), 'rb').read())
EOF
chmod 000 unreadable.txt
cp "$SEED" seed-before.txt

# ---- text inputs, every command that reads a page --------------------------------------------
readers=(
  "tokenize --lang nb" "tokenize --lang vi" "segment --lang nb" "normalize" "extract" "lint" "glossary check --glossary $G"
  "align --src-lang vi --tgt-lang nb --input article $SOURCE"
)
for command in "${readers[@]}"; do
  # shellcheck disable=SC2086
  case_ "invalid UTF-8" 2 'invalid\.txt: invalid UTF-8 at byte offset 24' -- "$TOLK" $command invalid.txt
  # shellcheck disable=SC2086
  case_ "invalid UTF-8, --lossy" 0 'warning: invalid\.txt: replaced 1 invalid UTF-8 sequence with U\+FFFD \(the first at byte offset 24\)' -- "$TOLK" $command --lossy invalid.txt
  # shellcheck disable=SC2086
  case_ "UTF-16 with BOM" 2 'utf16\.txt: the file is UTF-16' -- "$TOLK" $command utf16.txt
  # shellcheck disable=SC2086
  case_ "UTF-16 without BOM" 2 'utf16-nobom\.txt: the file is UTF-16' -- "$TOLK" $command utf16-nobom.txt
  # shellcheck disable=SC2086
  case_ "NUL byte" 2 'nul\.txt: NUL byte at byte offset 15' -- "$TOLK" $command nul.txt
  # shellcheck disable=SC2086
  case_ "directory" 2 'dir: (is a directory|no nb\.txt pages in this folder)' -- "$TOLK" $command dir
  # shellcheck disable=SC2086
  case_ "missing file" 2 'nope\.txt: no such file' -- "$TOLK" $command nope.txt
  if [ $unprivileged = yes ]; then
    # shellcheck disable=SC2086
    case_ "unreadable file" 2 'unreadable\.txt: cannot read: Permission denied' -- as_user "$TOLK" $command unreadable.txt
  else
    echo "skipped: unreadable file (tolk cannot run as an unprivileged user here)"
  fi
done
for command in "tokenize --lang nb" "tokenize --lang vi" "segment --lang nb" "normalize"; do
  # shellcheck disable=SC2086
  case_ "empty file" 0 'empty\.txt: the input is empty' -- "$TOLK" $command empty.txt
done
case_ "empty file" 2 'empty\.txt: the file is empty' -- "$TOLK" extract empty.txt
case_ "empty file" 2 'empty\.txt: the file is empty' -- "$TOLK" lint empty.txt
case_ "blank page" 2 'blank\.txt: the file is empty' -- "$TOLK" lint blank.txt
case_ "empty page on stdin" 2 '<stdin>: the file is empty' -- sh -c "'$TOLK' lint - < empty.txt"
case_ "empty file" 2 'empty\.txt: the file is empty' -- "$TOLK" glossary check --glossary "$G" empty.txt
case_ "empty file" 2 'empty\.txt: the file is empty' -- "$TOLK" align --src-lang vi --tgt-lang nb --input article "$SOURCE" empty.txt

# Byte order mark, CRLF, lone CR and NFD read like the seed: the same findings at the same places.
for variant in bom crlf cr nfd; do
  case_ "$variant input" 1 "$variant\\.txt:7:1: error: .VietnamPlusVietnamPlus01/12/2025. runs words together" -- "$TOLK" lint $variant.txt
  case_ "$variant input" 1 "$variant\\.txt:11:1: error: .GeneralsekretærLams." -- "$TOLK" glossary check --glossary "$G" $variant.txt
  case_ "$variant input" 0 '^Generalsekretær To Lam uttrykte' -- "$TOLK" segment --lang nb $variant.txt
done
case_ "NFD input" 0 '"line":11,"column":1' -- sh -c "'$TOLK' tokenize --lang nb --format jsonl nfd.txt | grep GeneralsekretærLams"
case_ "BOM input" 0 '"start":3,' -- sh -c "'$TOLK' tokenize --lang nb --format jsonl bom.txt | head -n 1"

# ---- options that name a file: a folder, a missing file, invalid UTF-8 -------------------------
option_commands=(
  "lint --glossary @ $SEED" "lint --config @ $SEED" "lint --baseline @ $SEED" "lint --source @ $SEED"
  "glossary check --glossary @ $SEED" "extract --glossary @ $SEED" "report --source @ $SEED --out $work/r"
  "align --src-lang vi --tgt-lang nb --dictionary @ $SOURCE $SEED"
)
for template in "${option_commands[@]}"; do
  # shellcheck disable=SC2086
  case_ "a folder for a file option" 2 'dir: is a directory, expected a text file' -- "$TOLK" ${template/@/dir}
  # shellcheck disable=SC2086
  case_ "a missing file for a file option" 2 'nope\.txt: no such file' -- "$TOLK" ${template/@/nope.txt}
  # shellcheck disable=SC2086
  case_ "invalid UTF-8 for a file option" 2 'invalid\.txt: invalid UTF-8 at byte offset 24' -- "$TOLK" ${template/@/invalid.txt}
done

# Configuration (.tolk.yml) limits: size, nesting, aliases, keys given twice, wrong types, a slow
# ignore pattern, and files that are not regular files (one found by walking up could have been
# planted in a shared folder such as /tmp).
python3 - <<'EOF'
import os
def write(name, text): open(name, 'w').write(text)
write('bomb.yml', 'a: &a [x, x, x, x, x, x, x, x, x]\n' + ''.join(
    '%s: &%s [%s]\n' % (n, n, ', '.join(['*' + p] * 9)) for p, n in zip('abcdefghi', 'bcdefghij')))
write('deep5k.yml', '[' * 5000)
write('deep100k.yml', '[' * 100000)
write('indented.yml', ''.join(' ' * i + 'a:\n' for i in range(100)))
write('big.yml', '# ' + 'x' * (2 << 20) + '\n')
write('dup.yml', 'version: 1\nversion: 1\n')
write('duprule.yml', 'rules:\n  spacing: off\n  spacing: error\n')
write('number.yml', 'languages: {source: 5}\n')
write('locale.yml', 'languages: {target: "nb NO"}\n')
write('version.yml', 'version: "1"\n')
write('glob.yml', "ignore: ['**a**a**a**a**a**b']\n")
os.makedirs('shared/page', exist_ok=True)
write('shared/.tolk.yml', open('bomb.yml').read())
os.makedirs('fifo', exist_ok=True)
os.makedirs('a' * 40, exist_ok=True)
EOF
long=$(printf 'a%.0s' {1..40})/$(printf 'a%.0s' {1..41}).txt
cp "$SEED" "$long"
cp "$SEED" shared/page/nb.txt
cp "$SEED" fifo/nb.txt
rm -f fifo/.tolk.yml && mkfifo fifo/.tolk.yml
ln -sf /dev/zero zero.yml
case_ "config: alias bomb" 2 'bomb\.yml: line 1: anchors and aliases \(& and \*\) are not allowed' -- timeout 20 "$TOLK" lint --config bomb.yml "$SEED"
case_ "config: alias bomb found walking up" 2 'shared/\.tolk\.yml: line 1: anchors and aliases' -- timeout 20 "$TOLK" lint shared/page/nb.txt
case_ "config: 5,000 [" 2 'deep5k\.yml: line 1: nested more than 64 levels deep' -- timeout 20 "$TOLK" lint --config deep5k.yml "$SEED"
case_ "config: 100,000 [" 2 'deep100k\.yml: line 1: nested more than 64 levels deep' -- timeout 20 "$TOLK" lint --config deep100k.yml "$SEED"
case_ "config: 100,000 [" 2 'deep100k\.yml: line 1: nested more than 64 levels deep' -- timeout 20 "$TOLK" check --config deep100k.yml "$REPO/Corpora"
case_ "config: 100 indentation levels" 2 'indented\.yml: line 65: nested more than 64 levels deep' -- "$TOLK" lint --config indented.yml "$SEED"
case_ "config: 2 MiB" 2 'big\.yml: longer than 1 MiB, the most tolk reads as one document' -- "$TOLK" lint --config big.yml "$SEED"
case_ "config: a key twice" 2 "dup\.yml: line 2: duplicate key 'version'" -- "$TOLK" lint --config dup.yml "$SEED"
case_ "config: a rule twice" 2 "duprule\.yml: line 3: duplicate key 'spacing' in 'rules'" -- "$TOLK" lint --config duprule.yml "$SEED"
case_ "config: a number for a language" 2 "number\.yml: line 1: 'languages\.source' must be a language code, not the number 5" -- "$TOLK" lint --config number.yml "$SEED"
case_ "config: not a language code" 2 "locale\.yml: line 1: 'languages\.target': 'nb NO' is not a language code" -- "$TOLK" lint --config locale.yml "$SEED"
case_ "config: text for the version" 2 "version\.yml: line 1: 'version' must be the number 1, not the text '1'" -- "$TOLK" lint --config version.yml "$SEED"
case_ "config: ** six times, 86-character path" 1 '3 errors' -- timeout 20 "$TOLK" lint --config glob.yml "$long"
case_ "config: a FIFO found walking up" 2 'fifo/\.tolk\.yml: is a FIFO, not a regular file' -- timeout 20 "$TOLK" lint fifo/nb.txt
case_ "config: a link to /dev/zero" 2 'zero\.yml: is a device, not a regular file' -- timeout 20 "$TOLK" lint --config zero.yml "$SEED"

# ---- corpus folders with a bad page ------------------------------------------------------------
case_ "bad page in a corpus" 2 'corpus/a/nb\.txt: invalid UTF-8 at byte offset 16' -- "$TOLK" lint corpus
case_ "bad page in a corpus" 2 'corpus/a/nb\.txt: invalid UTF-8 at byte offset 16' -- "$TOLK" check corpus
case_ "bad page in a corpus" 2 'corpus/a/nb\.txt: invalid UTF-8 at byte offset 16' -- "$TOLK" report corpus --out "$work/site"
case_ "bad page in a corpus" 2 'corpus/a/nb\.txt: invalid UTF-8 at byte offset 16' -- "$TOLK" pair --sources corpus --translations corpus
case_ "bad page in a corpus, --lossy" 0 'warning: corpus/a/nb\.txt: replaced 1 invalid UTF-8 sequence' -- "$TOLK" check --lossy corpus
case_ "bad page in a corpus, --lossy" 0 'warning: corpus/a/nb\.txt: replaced 1 invalid UTF-8 sequence' -- "$TOLK" pair --lossy --sources corpus --translations corpus
case_ "bad page in a corpus" 2 'corpus/a/nb\.txt: invalid UTF-8 at byte offset 16' -- "$TOLK" glossary report --glossary "$G" corpus

# The bundled corpus with every page as BOM + CRLF: tolk check finds the same (rule, line, column).
python3 - "$REPO/Corpora" <<'EOF'
import os, shutil, sys
shutil.copytree(sys.argv[1], 'crlf-corpus')
for folder, _, names in os.walk('crlf-corpus'):
    for name in names:
        if name.endswith('.txt'):
            path = os.path.join(folder, name)
            text = open(path, encoding='utf-8').read()
            open(path, 'wb').write(b'\xef\xbb\xbf' + text.replace('\n', '\r\n').encode())
EOF
findings() {
  "$TOLK" check --format json "$1" 2> /dev/null | python3 -c '
import json, sys
print(sorted((f["rule"], f["path"].split("/")[-2:], f["line"], f["column"]) for f in map(json.loads, sys.stdin)))'
}
case_ "corpus as BOM + CRLF" 0 '^same$' -- sh -c '[ "$1" = "$2" ] && [ "$1" != "[]" ] && echo same' - "$(findings "$REPO/Corpora")" "$(findings crlf-corpus)"
case_ "empty folder" 2 'dir: no nb\.txt pages' -- "$TOLK" check dir

# ---- glossaries --------------------------------------------------------------------------------
for command in "glossary validate" "glossary convert" "lint --glossary" "glossary report --glossary"; do
  out_file=""
  [ "$command" = "glossary convert" ] && out_file=out.csv
  target=""
  [ "$command" = "lint --glossary" ] && target=$SEED
  [ "$command" = "glossary report --glossary" ] && target=$REPO/Corpora
  # shellcheck disable=SC2086
  case_ "truncated TBX" 2 'truncated\.tbx:[0-9]+:[0-9]+: ' -- "$TOLK" $command truncated.tbx $out_file $target
  # shellcheck disable=SC2086
  case_ "TBX that is not XML" 2 'notxml\.tbx:1:1: ' -- "$TOLK" $command notxml.tbx $out_file $target
  # shellcheck disable=SC2086
  case_ "TBX with an external entity" 2 'xxe\.tbx:1:[0-9]+: entity declarations are not allowed' -- "$TOLK" $command xxe.tbx $out_file $target
  # shellcheck disable=SC2086
  case_ "TBX with nested entities" 2 'bomb\.tbx:1:[0-9]+: entity declarations are not allowed' -- "$TOLK" $command bomb.tbx $out_file $target
  # shellcheck disable=SC2086
  case_ "TBX nested 100,000 deep" 2 'deep\.tbx:1:[0-9]+: .*nest' -- "$TOLK" $command deep.tbx $out_file $target
  # shellcheck disable=SC2086
  case_ "CSV with an open quote" 2 'quote\.csv:2:[0-9]+: ' -- "$TOLK" $command quote.csv $out_file $target
  # shellcheck disable=SC2086
  case_ "CSV without the header" 2 'header\.csv:1:1: ' -- "$TOLK" $command header.csv $out_file $target
  # shellcheck disable=SC2086
  case_ "empty TBX" 2 'empty\.tbx:1:1: no root element' -- "$TOLK" $command empty.tbx $out_file $target
  # shellcheck disable=SC2086
  case_ "empty CSV" 2 'empty\.csv:1:1: empty CSV' -- "$TOLK" $command empty.csv $out_file $target
done
printf 'concept_id,type,language,term,status\nx,term,norsk bokmål,kommune,preferred\n' > badtag.csv
case_ "TBX written with an ill-formed language tag" 2 "badtag\\.csv:2:1: 'norsk bokmål' is not a BCP 47 language tag" -- \
  "$TOLK" glossary convert badtag.csv badtag.tbx
case_ "no TBX left behind for it" 1 '' -- test -e badtag.tbx
case_ "TBX naming an external DTD" 0 'dtd\.tbx: 0 concepts' -- "$TOLK" glossary validate dtd.tbx
case_ "TBX using an entity its DTD defines" 2 'dtd-entity\.tbx:1:[0-9]+: unknown entity &x;' -- "$TOLK" glossary validate dtd-entity.tbx

# ---- tolk never changes its input --------------------------------------------------------------
case_ "convert onto its input" 2 'will not overwrite the input' -- "$TOLK" glossary convert "$G" "$G"
case_ "inputs unchanged" 0 '' -- cmp "$SEED" seed-before.txt

# ---- nothing lost: report targets -------------------------------------------------------------
# A scratch project: the corpus, the glossary, a folder and a file of the user's, a link into the corpus.
mkdir -p proj/user
cp -r "$REPO/Corpora" "$REPO/Glossaries" proj/
echo keep > proj/user/notes.txt
echo keep > proj/file.txt
ln -s Corpora proj/link
tree_sum() { (cd "$1" && find . -printf '%p %y %s\n' | sort && find . -type f -exec cat {} + | sha1sum); }
before=$(tree_sum proj)
unset OUT
for out in . "" "${OUT:-}" .. / user file.txt Corpora Corpora/site link/site Glossaries Glossaries/vi-nb.tbx "$work/proj/user"; do
  case_ "report --out '$out'" 2 'tolk: error: .*(current folder|empty|not a tolk report|not a folder|input)' -- sh -c "cd proj && '$TOLK' report Corpora --out '$out'"
done
case_ "report --out a file of the one pair" 2 'is the input' -- sh -c "cd proj && '$TOLK' report --source Corpora/vietnamplus-1080302/vi.txt Corpora/vietnamplus-1080302/nb.txt --out Corpora/vietnamplus-1080302/nb.txt"
case_ "every file still there" 0 '^same$' -- sh -c '[ "$1" = "$2" ] && echo same' - "$before" "$(tree_sum proj)"
case_ "report to a new folder" 0 'wrote site/index.html \(8 pairs\)' -- sh -c "cd proj && '$TOLK' report Corpora --out site"
case_ "report over its own report" 0 'wrote site/index.html' -- sh -c "cd proj && '$TOLK' report Corpora --out site && test -f site/.tolk-report"
# Six concurrent runs to one target: all succeed, the target never goes missing, no debris.
concurrent() {
  (cd proj && for i in 1 2 3 4 5 6; do (for j in 1 2 3; do "$TOLK" report Corpora --out site > /dev/null 2>&1 || echo "run failed: $?"; done) & done
    for k in $(seq 1 300); do [ -f site/.tolk-report ] || echo "site missing"; sleep 0.01; done
    wait
    ls -a | grep -E '\.(tmp|old)' | sed 's/^/debris: /')
  echo done
}
case_ "six concurrent reports" 0 '^done$' -- concurrent
case_ "a full disk (ulimit -f)" 2 'site2: cannot write: File too large' -- sh -c "cd proj && ulimit -f 50 && '$TOLK' report Corpora --out site2"
case_ "no debris after a full disk" 1 '' -- sh -c "ls -a proj | grep -E 'site2|tmp'"
case_ "a symlink loop" 2 'loop/x: cannot write: Too many levels of symbolic links' -- sh -c "cd proj && ln -s loop loop && '$TOLK' report Corpora --out loop/x"
case_ "a folder tolk cannot create" 2 '/proc/x: cannot write: ' -- "$TOLK" report "$REPO/Corpora" --out /proc/x
if [ $unprivileged = yes ]; then
  mkdir -p readonly && chmod 555 readonly
  case_ "a read-only folder" 2 'readonly/r: cannot write: Permission denied' -- as_user "$TOLK" report "$REPO/Corpora" --glossary "$G" --out "$work/readonly/r"
fi
# Pages whose ids collide ('a b' and 'a-b', or two folders named alike) get distinct report pages.
mkdir -p collide/y1/same collide/y2/same "collide/a b" collide/a-b
for d in y1/same y2/same "a b" a-b; do cp "$REPO/Corpora/vietnamplus-1080415/nb.txt" "collide/$d/nb.txt"; done
case_ "colliding page names" 0 '^4 4$' -- sh -c "'$TOLK' report collide --out collide-site > /dev/null 2>&1; echo \$(ls collide-site/pairs | wc -l) \$(grep -o 'href=\"pairs/[^\"]*' collide-site/index.html | sort -u | wc -l)"

# ---- nothing lost: --write-baseline over what the run reads ---------------------------------------
mkdir -p bl && cp -r "$REPO/Corpora" "$REPO/Glossaries" bl/ && printf 'glossary: Glossaries/vi-nb.tbx\n' > bl/.tolk.yml
bl_before=$(tree_sum bl)
for out in Corpora/vietnamplus-1080302/nb.txt Corpora/vietnamplus-1080302/vi.txt Corpora/vietnamplus-1080302/meta.json .tolk.yml Glossaries/vi-nb.tbx; do
  for command in lint check; do
    case_ "$command --write-baseline over an input read from a folder ($out)" 2 "$out: will not overwrite the input" -- sh -c "cd bl && '$TOLK' $command --write-baseline $out Corpora"
  done
done
case_ "baseline refusals change nothing" 0 '^same$' -- sh -c '[ "$1" = "$2" ] && echo same' - "$bl_before" "$(tree_sum bl)"
printf '[1' > bl/Corpora/vietnamplus-1080302/meta.json
case_ "an invalid meta.json" 1 'warning: Corpora/vietnamplus-1080302/meta\.json: not a JSON object' -- sh -c "cd bl && '$TOLK' check Corpora"
printf '{"source_url": 5}' > bl/Corpora/vietnamplus-1080302/meta.json
case_ "a wrongly typed meta.json" 1 'meta\.json: source_url is not a string' -- sh -c "cd bl && '$TOLK' lint Corpora/vietnamplus-1080302"

# ---- files that are not regular files, and the whole-document limit ------------------------------
mkdir -p fifo-corpus/a && mkfifo fifo-corpus/a/nb.txt && mkfifo fifo.txt
truncate -s 4G sparse.txt
for command in "lint --glossary /dev/zero $SEED" "lint --source /dev/urandom $SEED" "extract /dev/zero" "glossary validate /dev/zero" "lint --config /dev/zero $SEED"; do
  # shellcheck disable=SC2086
  case_ "a character device" 2 '/dev/(zero|urandom): is a device, not a regular file' -- timeout 20 "$TOLK" $command
done
for command in "lint fifo.txt" "tokenize --lang nb fifo.txt" "lint fifo-corpus" "check fifo-corpus" "glossary validate fifo.txt"; do
  # shellcheck disable=SC2086
  case_ "a FIFO" 2 'fifo.*: is a FIFO, not a regular file' -- timeout 20 "$TOLK" $command
done
case_ "a 4 GB sparse file read whole" 2 'sparse\.txt: longer than 256 MiB' -- timeout 20 "$TOLK" lint --source sparse.txt "$SEED"
case_ "a 4 GB sparse file streamed" 2 'sparse\.txt: NUL byte at byte offset 0' -- timeout 20 "$TOLK" lint sparse.txt
case_ "over 256 MiB on standard input" 2 '<stdin>: longer than 256 MiB' -- sh -c "head -c 300000000 /dev/zero | tr '\\0' a | timeout 60 '$TOLK' extract -"
rm -f sparse.txt

# ---- write errors --------------------------------------------------------------------------------
for command in "tokenize --lang nb $SEED" "segment --lang nb $SEED" "normalize $SEED" "extract $SEED" "lint $SEED" "check $REPO/Corpora" "pair --sources $REPO/Corpora --translations $REPO/Corpora" "rules" "--version"; do
  # shellcheck disable=SC2086
  case_ "a full disk on standard output" 2 'standard output: write error: No space left on device' -- sh -c "'$TOLK' $command > /dev/full"
  # shellcheck disable=SC2086
  case_ "a closed standard output" 2 'standard output: write error: Bad file descriptor' -- sh -c "'$TOLK' $command >&-"
done
case_ "a broken pipe stays quiet" 141 '^$' -- bash -c "cat '$SEED' '$SEED' '$SEED' '$SEED' '$SEED' '$SEED' | '$TOLK' tokenize --lang nb --format jsonl | head -n 1 > /dev/null; exit \${PIPESTATUS[1]}"

# ---- corpus folders: empty, unknown language, a symlink, skipped subfolders, odd names ----------
case_ "pair on an empty folder" 2 'dir: no nb\.txt pages' -- "$TOLK" pair --sources dir --translations dir
case_ "pair with an unknown language" 2 'Corpora: no xx\.txt pages' -- "$TOLK" pair --sources "$REPO/Corpora" --translations "$REPO/Corpora" --target-lang xx
case_ "an empty language code" 2 "--source-lang '' is not a locale id" -- "$TOLK" pair --sources "$REPO/Corpora" --translations "$REPO/Corpora" --source-lang ''
case_ "an empty language code" 2 "--src-lang '' is not a locale id" -- "$TOLK" align --src-lang '' --tgt-lang nb "$SOURCE" "$SEED"
ln -s "$REPO/Corpora" corpus-link
case_ "a corpus given as a symlink" 0 '^8$' -- sh -c "'$TOLK' pair --sources corpus-link --translations corpus-link | wc -l"
case_ "a corpus given as a symlink" 1 'vietnamplus-1080302/nb\.txt' -- "$TOLK" check corpus-link
mkdir -p odd && cp -r "$REPO/Corpora/vietnamplus-1080415" odd/ && mkdir -p "odd/new
line" && cp "$SEED" "odd/new
line/nb.txt"
deep=odd; for i in $(seq 1 34); do deep=$deep/d; done; mkdir -p "$deep" && cp "$SEED" "$deep/nb.txt"
case_ "a folder deeper than 32 levels" 0 'warning: odd/d(/d)+: skipped: deeper than 32 folders' -- "$TOLK" pair --sources odd --translations odd
case_ "a newline in a path, pair --format tsv" 0 '^odd/new\\nline/nb\.txt	' -- sh -c "'$TOLK' pair --sources odd --translations odd --format tsv 2>/dev/null | grep new"
if [ $unprivileged = yes ]; then
  mkdir -p shared-corpus/locked && cp -r "$REPO/Corpora/vietnamplus-1080415" shared-corpus/ && cp "$SEED" shared-corpus/locked/nb.txt
  chmod -R a+rX shared-corpus && chmod 000 shared-corpus/locked
  case_ "an unreadable subfolder" 0 'warning: shared-corpus/locked: skipped: cannot read: Permission denied' -- as_user "$TOLK" pair --sources shared-corpus --translations shared-corpus
fi

# ---- a page longer than a lint block keeps its whole-page checks -----------------------------------
python3 - "$SEED" <<'EOF'
import sys
parts = open(sys.argv[1], encoding='utf-8').read().split('\n\n')
filler = [f'Avsnitt nummer {i} handler om handel mellom landene og om {i * 7} tonn ris fra provinsen {i % 13}.' for i in range(3500)]
open('long-page.txt', 'w').write('\n\n'.join(parts[:12] + filler + parts[12:]))
EOF
case_ "a 330 KB page: chrome at its end" 1 'long-page\.txt:7084:1: error: page chrome left in the page' -- "$TOLK" lint long-page.txt
case_ "a 330 KB page: a repeat 7,000 lines apart" 1 'long-page\.txt:7034:1: warning: repeats the paragraph on line 5' -- "$TOLK" lint long-page.txt

# ---- terminal escapes, ignore patterns -------------------------------------------------------------
printf 'Overskrift\n\nHan kom \033[31mrødt\033]0;tittel\007 og VietnamPlusVietnamPlus01/12/2025 her.\n' > escapes.txt
case_ "ESC sequences in extract" 0 'paragraph: Han kom \\u\{1B\}\[31mrødt\\u\{1B\}\]0;tittel\\u\{7\} og' -- "$TOLK" extract escapes.txt
case_ "no raw ESC from extract" 1 '' -- sh -c "'$TOLK' extract escapes.txt | grep -q \"\$(printf '\\033')\""
case_ "ESC sequences in a finding" 0 "^runs words together: 1, raw ESC: 0$" -- sh -c "printf 'Overskrift\n\nHan kom VietnamPlusVietnamPlus01/12/2025\033[2J her.\n' | '$TOLK' lint - > esc-out.txt; echo \"runs words together: \$(grep -c 'runs words together' esc-out.txt), raw ESC: \$(grep -c \"\$(printf '\\033')\" esc-out.txt)\""
printf 'ignore: ["**"]\n' > ignore-all.yml
case_ "a named file the ignore patterns skip" 0 "warning: .*nb\.txt: ignored by the ignore patterns of ignore-all\.yml" -- "$TOLK" lint --config ignore-all.yml "$SEED"

# ---- many findings ---------------------------------------------------------------------------------
python3 -c "
open('many-findings.txt', 'w').write('Overskrift om saken\n\n' + ' '.join(f'Han kom.Hun gikk nr {i}.' for i in range(25000)) + '\n')"
mkdir -p many-corpus/a && cp many-findings.txt many-corpus/a/nb.txt
case_ "25,000 findings on one line" 0 '0 errors, 25000 warnings' -- "$TOLK" lint many-findings.txt
case_ "25,000 findings on one line, report" 0 'wrote many-site/index.html \(1 pairs\)' -- "$TOLK" report many-corpus --out many-site
case_ "25,000 findings on one line, SARIF keeps 10,000" 0 'warning: 15000 findings beyond the first 10000 of a page are counted, not listed' -- "$TOLK" lint --format sarif many-findings.txt
case_ "25,000 findings, JSON lists them all" 0 '^25000$' -- sh -c "'$TOLK' lint --format json many-findings.txt 2>/dev/null | wc -l"

# ---- glossary language tags ------------------------------------------------------------------------
sed 's/xml:lang="nb"/xml:lang="nb-NO"/; s/xml:lang="vi"/xml:lang="vi_VN"/' "$G" > tags.tbx
sed 's/xml:lang="nb"/xml:lang="nn"/' "$G" > nynorsk.tbx
case_ "a glossary tagged nb-NO and vi_VN" 1 "GeneralsekretærLams" -- "$TOLK" lint --glossary tags.tbx "$SEED"
for command in "lint --glossary nynorsk.tbx $SEED" "glossary check --glossary nynorsk.tbx $SEED" "glossary report --glossary nynorsk.tbx $REPO/Corpora" "check --glossary nynorsk.tbx $REPO/Corpora"; do
  # shellcheck disable=SC2086
  case_ "a glossary with no Bokmål terms" 2 "nynorsk\.tbx: no terms in 'nb'; the glossary has 'vi', 'nn'" -- "$TOLK" $command
done

# ---- review findings: a slow paragraph, a report target made meanwhile, a link and .. ---------------
python3 -c "
print('Overskrift\n\n' + ' '.join(f'Tallet {i} steg til {i * 7} i fjor.' for i in range(600)))" > numbers-page.txt
python3 -c "
print('Tiêu đề\n\n' + ' '.join(f'Con số {i} tăng lên {i * 7} năm ngoái.' for i in range(600)))" > numbers-source.txt
case_ "600 numbers in one paragraph, with a source" 1 'errors' -- timeout 60 "$TOLK" lint --source numbers-source.txt numbers-page.txt
mkdir -p race/corp/big && cp -r "$REPO/Corpora/vietnamplus-1080302" race/corp/
python3 -c "
print('Overskrift\n\n' + '\n\n'.join(f'Avsnitt {i} om handel og samarbeid mellom landene i regionen.' for i in range(20000)))" > race/corp/big/nb.txt
race() {
  (cd race && { "$TOLK" report --out site corp > /dev/null 2> err.txt & } && sleep 0.3 && mkdir -p site && echo precious > site/keep.txt && wait
    cat site/keep.txt; ls -a | grep -c -E '\.(tmp|old|kept)' || true)
}
case_ "a folder made at --out while the report runs survives" 0 '^precious$' -- race
mkdir -p linked/d/sub && ln -s d/sub linked/l && cp "$SEED" linked/d/page.txt
case_ "--write-baseline through a link and .." 2 'will not overwrite the input' -- sh -c "cd linked && '$TOLK' lint d/page.txt --write-baseline l/../page.txt"

# ---- limits --------------------------------------------------------------------------------------
if [ "$BIG" = "--big" ]; then
  python3 - "$SEED" <<'EOF'
import sys, random
seed = open(sys.argv[1], encoding='utf-8').read()
paragraphs = [p.replace('\n', ' ') for p in seed.split('\n\n') if len(p) > 200]
line = ' '.join(paragraphs) + ' '
with open('line100mb.txt', 'w') as f:
    f.write(line * (100 * 1024 * 1024 // len(line.encode()) + 1) + '\n')
rnd = random.Random(7)
words = ' '.join(paragraphs).split()
with open('paragraphs100k.txt', 'w') as f:
    f.write('Overskrift\n\n')
    for i in range(100000):
        f.write(' '.join(rnd.sample(words, 12)) + f' ({i}).\n\n')
with open('lines100k.txt', 'w') as f:
    for i in range(100000):
        f.write(' '.join(rnd.sample(words, 12)) + f' ({i}).\n')
syllables = 'an binh cuong dung giang hai hung khanh lam linh long minh nam ngoc phong quang son thanh tuan viet'.split()
with open('concepts100k.csv', 'w') as f:
    f.write('concept_id,type,language,term,status,forms,do_not_translate,note\n')
    for i in range(100000):
        f.write(f'c{i},organisation,vi,{" ".join(rnd.choice(syllables).capitalize() for _ in range(3))} {i},preferred,,,Concept {i}\n')
        f.write(f'c{i},,nb,Kontor nr {i},preferred,,,\n')
EOF
  big() {  # big NAME EXPECTED_EXIT PATTERN -- COMMAND...: a case, with its time and peak memory
    local start=$SECONDS
    case_ "$1" "$2" "$3" -- /usr/bin/time -f 'peak %M KiB' "${@:5}"
    echo "  $1: ${*:6:3}: $((SECONDS - start)) s, $(grep -o 'peak [0-9]* KiB' err.log)"
  }
  for command in "tokenize --lang nb" "tokenize --lang vi" "segment --lang nb" "normalize"; do
    # shellcheck disable=SC2086
    big "100 MB single line" 0 'peak' -- "$TOLK" $command line100mb.txt
  done
  big "100 MB single line" 0 '0 errors, [0-9]+ warnings' -- "$TOLK" lint line100mb.txt
  big "100 MB single line" 2 'line100mb\.txt: no article body found' -- "$TOLK" extract line100mb.txt
  big "100,000 paragraphs" 0 'peak' -- "$TOLK" segment --lang nb paragraphs100k.txt
  big "100,000 paragraphs" 0 '0 errors' -- "$TOLK" lint paragraphs100k.txt
  big "100,000 paragraphs" 0 'peak' -- "$TOLK" align --src-lang nb --tgt-lang nb lines100k.txt lines100k.txt
  big "100,000 concepts" 0 'concepts100k\.csv: 100000 concepts, 200000 terms, 0 errors' -- "$TOLK" glossary validate concepts100k.csv
  big "100,000 concepts" 0 'peak' -- "$TOLK" glossary convert concepts100k.csv concepts100k.tbx
  big "100,000 concepts" 0 'concepts100k\.tbx: 100000 concepts' -- "$TOLK" glossary validate concepts100k.tbx
  big "100,000 concepts" 1 'errors' -- "$TOLK" lint --glossary concepts100k.tbx "$SEED"
  python3 -c "
line = 'Han kom.Hun gikk ,  og de møttes 01/12/2025 i byen. ' * 20 + '\n\n'
open('findings50mb.txt', 'w').write('Overskrift\n\n' + line * (50_000_000 // len(line.encode())))"
  for format in text sarif; do
    big "50 MB with 3.8 million findings" 0 'peak' -- "$TOLK" lint --format $format findings50mb.txt
  done
fi

if [ -n "${TABLE:-}" ]; then
  {
    echo "| case | command | exit | message |"
    echo "|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
  } > "$TABLE"
fi
echo "bad input: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
