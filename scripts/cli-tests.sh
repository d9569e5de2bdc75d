#!/usr/bin/env bash
# End-to-end checks of the tolk binary that need a shell: signals, a terminal, a git hook and
# Python tools (translate-toolkit, jsonschema). Every other check of output, messages and exit
# codes runs inside `swift test` (Tests/CLITests).
# usage: scripts/cli-tests.sh [path/to/tolk]
set -u
TOLK=${1:-.build/debug/tolk}
SEED=Corpora/vietnamplus-1080302/nb.txt
G=Glossaries/vi-nb.tbx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# check NAME EXPECTED_EXIT PATTERN_IN_OUTPUT -- COMMAND...   (output = stdout + stderr)
check() {
  local name=$1 want=$2 pattern=$3
  shift 4
  local out code
  out=$("$@" 2>&1)
  code=$?
  if [ "$code" -eq "$want" ] && { [ -z "$pattern" ] || printf '%s\n' "$out" | grep -qE -- "$pattern"; }; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name (exit $code, wanted $want; pattern '$pattern')"
    printf '%s\n' "$out" | head -n 5 | sed 's/^/  | /'
  fi
}

# A one-sided bead keeps both tuvs (the missing side empty): translate-toolkit keeps its text.
if python3 -c 'import translate.storage.tmx' 2>/dev/null; then
  printf 'Hà Nội phát triển\n\nHà Nội có 8 triệu dân vào năm 2025, theo số liệu mới.\n\nĐà Nẵng đón 3 triệu khách trong năm 2024, tăng 20 phần trăm.\n' > "$work/c.vi"
  printf 'Hanoi vokser\n\nHanoi har 8 millioner innbyggere i 2025, ifølge nye tall.\n\nLes også: 14 saker fra 2019, 2020 og 2021 om 44 andre temaer, 58 steder og 63 personer i hele regionen og mer.\n\nDa Nang tok imot 3 millioner gjester i 2024, en økning på 20 prosent.\n' > "$work/c.nb"
  check "tmx one-sided beads read by translate-toolkit" 0 "^target only: Les også: 14 saker" -- sh -c "'$TOLK' align --input article --src-lang vi --tgt-lang nb --format tmx '$work/c.vi' '$work/c.nb' > '$work/c.tmx' && python3 -c 'from translate.storage import tmx; s = tmx.tmxfile.parsefile(\"$work/c.tmx\"); [print(\"target only:\", u.target) for u in s.units if not u.source]'"
else
  echo "skipped: translate-toolkit not installed (pip install translate-toolkit)"
fi

# The README's pre-commit recipe, tried for real in a scratch repository. The clean page is one as
# it would be published: without the scraper's site line and image file names.
grep -v -e '^Vietnam\.vn - ' -e '\.jpg$' Corpora/vietnamplus-1080850/nb.txt > "$work/published.txt"
hook_repo="$work/hook-repo"
mkdir -p "$hook_repo" && git -C "$hook_repo" init -q && git -C "$hook_repo" config user.email t@example.org && git -C "$hook_repo" config user.name t
TOLK_ABS=$(cd "$(dirname "$TOLK")" && pwd)/$(basename "$TOLK")
sed "s|^TOLK=.*|TOLK=$TOLK_ABS|; s|^GLOSSARY=.*|GLOSSARY=$(pwd)/$G|" scripts/pre-commit > "$hook_repo/.git/hooks/pre-commit"
chmod +x "$hook_repo/.git/hooks/pre-commit"
cp "$SEED" "$hook_repo/side.txt"
check "pre-commit hook blocks a page with errors" 1 'glued-words' -- sh -c "cd '$hook_repo' && git add side.txt && git commit -qm bad"
check "pre-commit hook lets a clean page through" 0 '' -- sh -c "cd '$hook_repo' && git rm -q --cached side.txt && cp '$work/published.txt' clean.txt && git add clean.txt && git commit -qm clean"

# SIGTERM and SIGINT at nine moments of a report run (fractions of its measured length): each run
# ends with the whole report (exit 0) or with none and no scratch folder (exit 143 / 130).
mkdir -p "$work/sig/corpus"
for i in 1 2 3 4 5 6 7 8 9 10; do for d in Corpora/*/; do cp -r "$d" "$work/sig/corpus/$(basename "$d")-$i"; done; done
start=$(date +%s.%N)
"$TOLK" report "$work/sig/corpus" --out "$work/sig/site" > /dev/null 2>&1
length=$(echo "$start $(date +%s.%N)" | awk '{print $2 - $1}')
finished=0
interrupted=0
for signal in TERM INT; do
  for k in 1 2 3 4 5 6 7 8 9; do
    rm -rf "$work/sig/site"
    "$TOLK" report "$work/sig/corpus" --out "$work/sig/site" > /dev/null 2>&1 &
    pid=$!
    sleep "$(echo "$length $k" | awk '{print $1 * $2 / 10}')"
    kill -"$signal" "$pid" 2> /dev/null
    wait "$pid"
    code=$?
    scratch=$(find "$work/sig" -maxdepth 1 -name '.site.*' | wc -l)
    if [ "$code" -eq 0 ] && [ -f "$work/sig/site/index.html" ] && [ "$scratch" -eq 0 ]; then
      finished=$((finished + 1))
    elif { [ "$code" -eq 143 ] || [ "$code" -eq 130 ]; } && [ ! -e "$work/sig/site" ] && [ "$scratch" -eq 0 ]; then
      interrupted=$((interrupted + 1))
    else
      echo "FAIL: SIG$signal at $k/10 of a report: exit $code, site $([ -e "$work/sig/site" ] && echo present || echo absent), $scratch scratch folders"
      failed=$((failed + 1))
    fi
  done
done
passed=$((passed + finished + interrupted))
echo "signals: $interrupted runs interrupted cleanly, $finished finished before the signal (report takes ${length}s)"
[ "$interrupted" -gt 0 ] || { echo "FAIL: no run was interrupted"; failed=$((failed + 1)); }

# check --jsonl answers each record as it comes, not once standard input ends.
printf '{"id":"first","translation":"Hei.\\n\\nVietnamPlusVietnamPlus01/12/2025 skrev om Laos."}\n' > "$work/one.jsonl"
check "jsonl answers a record before the next arrives" 0 '"id":"first"' -- bash -c \
  "{ cat '$work/one.jsonl'; sleep 4; } | timeout 3 '$TOLK' check --jsonl; true"

# Progress on a terminal (script gives tolk one).
if command -v script > /dev/null; then
  python3 scripts/gen-corpus.py 30 "$work/progress-corpus"
  check "check shows progress on a terminal" 0 'checking [0-9]+/240 pairs, [0-9]+/s, [0-9]+ s left' -- \
    script -qec "'$TOLK' check --format json '$work/progress-corpus' > /dev/null; true" /dev/null
fi

# Every JSON line tolk writes matches docs/finding.schema.json (with python3-jsonschema; else skipped).
if python3 -c "import jsonschema" 2> /dev/null; then
  "$TOLK" check --format json > "$work/all.json" 2> /dev/null
  # check --jsonl's lines: findings with the record's id, and an error line for each bad record.
  python3 - "$work/records.jsonl" <<'PY'
import json, sys
pages = [("a", "Corpora/vietnamplus-1080302"), ("b", "Corpora/vietnamplus-1080415")]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for rid, folder in pages:
        out.write(json.dumps({"id": rid, "translation": open(folder + "/nb.txt").read(), "source": open(folder + "/vi.txt").read(),
                              "translation_path": folder + "/nb.txt", "source_path": folder + "/vi.txt"}, ensure_ascii=False) + "\n")
    out.write("not json\n\n")
    out.write(json.dumps({"id": 7, "source": "x"}) + "\n")
    out.write('{"id": "esc", "translation": "abc \\ud800"}\n')
    out.write(json.dumps({"id": "blank", "translation": "  \n"}) + "\n")
PY
  "$TOLK" check --jsonl --glossary "$G" < "$work/records.jsonl" > "$work/stream.jsonl" 2> /dev/null
  check "json findings match the schema" 0 '' -- python3 - docs/finding.schema.json "$work/all.json" "$work/stream.jsonl" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
count = 0
for name in sys.argv[2:]:
    for line in open(name):
        value = json.loads(line)
        if "renderings" in value:
            continue
        validator.validate(value)
        count += 1
assert count > 80, count
PY
else
  echo "skipped: json findings against the schema (no python3 jsonschema)"
fi

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
