#!/usr/bin/env bash
# The Spark job gives the findings of `tolk check --sources --translations --format json`, whatever
# the layout, the input format and the number of partitions (local mode). Needs pyspark and Java 17.
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/release/tolk}
[ -x "$TOLK" ] || make build
G=Glossaries/vi-nb.tbx
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

agree() {  # agree NAME SOURCES TRANSLATIONS [JOB OPTIONS...]: the job's findings equal tolk check's
  local name=$1 sources=$2 translations=$3
  shift 3
  "$TOLK" check --sources "$sources" --translations "$translations" --glossary "$G" ${CONFIG:+--config "$CONFIG"} --format json \
    > "$work/$name.single.json" || [ $? -eq 1 ]
  python3 integrations/spark/tolk_spark.py --sources "$sources" --translations "$translations" --glossary "$G" \
    --out "$work/$name" --tolk "$TOLK" "$@" 2> "$work/$name.log" || { echo "FAIL $name: the job failed"; tail -5 "$work/$name.log"; failures=$((failures + 1)); return; }
  if python3 scripts/compare-findings.py "$work/$name.single.json" "$work/$name/findings" > "$work/$name.diff"; then
    echo "ok   $name: $(tail -1 "$work/$name.diff")"
  else
    echo "FAIL $name: $(tail -1 "$work/$name.diff")"; head -5 "$work/$name.diff"; failures=$((failures + 1))
  fi
}

fails() {  # fails NAME EXPECTED-MESSAGE JOB-ARGS...: the job exits 1 and says why
  local name=$1 expected=$2
  shift 2
  if python3 integrations/spark/tolk_spark.py "$@" > "$work/$name.out" 2>&1; then
    echo "FAIL $name: exit 0"; failures=$((failures + 1))
  elif grep -q -- "$expected" "$work/$name.out"; then
    echo "ok   $name: $(grep -m1 -- "$expected" "$work/$name.out")"
  else
    echo "FAIL $name: no '$expected'"; tail -3 "$work/$name.out"; failures=$((failures + 1))
  fi
}

cp "$TOLK" "$work/tolk-linux-x86_64"
TOLK="$work/tolk-linux-x86_64" agree corpus Corpora Corpora
printf 'version: 1\nrules:\n  page-chrome: off\n  glossary-inconsistent-corpus: error\n' > "$work/tolk.yml"
CONFIG="$work/tolk.yml" agree corpus-configured Corpora Corpora --config "$work/tolk.yml"
python3 scripts/gen-corpus.py 40 "$work/generated"
agree generated-1-partition "$work/generated" "$work/generated" --partitions 1
agree generated-5-partitions "$work/generated" "$work/generated" --partitions 5 --master 'local[2]'
python3 scripts/gen-corpus.py 3 "$work/flat" --flat
agree flat "$work/flat/sources" "$work/flat/translations" --partitions 3
python3 - "$work/flat" <<'PY'
import json, os, sys
root = sys.argv[1]
for side in ("sources", "translations"):
    with open(os.path.join(root, side + ".jsonl"), "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(os.path.join(root, side))):
            path = os.path.join(root, side, name)
            out.write(json.dumps({"path": path, "text": open(path, encoding="utf-8").read()}, ensure_ascii=False) + "\n")
PY
"$TOLK" check --sources "$work/flat/sources" --translations "$work/flat/translations" --glossary "$G" --format json > "$work/flat-jsonl.single.json" || true
python3 integrations/spark/tolk_spark.py --sources "$work/flat/sources.jsonl" --translations "$work/flat/translations.jsonl" \
  --input-format jsonl --glossary "$G" --out "$work/flat-jsonl" --tolk "$TOLK" 2> "$work/flat-jsonl.log" \
  && python3 scripts/compare-findings.py "$work/flat-jsonl.single.json" "$work/flat-jsonl/findings" > "$work/flat-jsonl.diff" \
  && echo "ok   jsonl input: $(tail -1 "$work/flat-jsonl.diff")" || { echo "FAIL jsonl input"; tail -3 "$work/flat-jsonl.log" "$work/flat-jsonl.diff"; failures=$((failures + 1)); }

python3 - "$work/flat" <<'PY' 2> /dev/null
import sys
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
for side in ("sources", "translations"):
    spark.read.json(f"{sys.argv[1]}/{side}.jsonl").write.mode("overwrite").parquet(f"{sys.argv[1]}/{side}.parquet")
spark.stop()
PY
python3 integrations/spark/tolk_spark.py --sources "$work/flat/sources.parquet" --translations "$work/flat/translations.parquet" \
  --input-format parquet --glossary "$G" --out "$work/flat-parquet" --tolk "$TOLK" 2> "$work/flat-parquet.log" \
  && python3 scripts/compare-findings.py "$work/flat-jsonl.single.json" "$work/flat-parquet/findings" > "$work/flat-parquet.diff" \
  && echo "ok   parquet input: $(tail -1 "$work/flat-parquet.diff")" || { echo "FAIL parquet input"; tail -3 "$work/flat-parquet.log" "$work/flat-parquet.diff"; failures=$((failures + 1)); }

# The summary counts what the findings hold.
python3 - "$work/corpus" <<'PY' && echo "ok   summary.json counts the findings" || failures=$((failures + 1))
import json, os, sys
out = sys.argv[1]
summary = json.load(open(os.path.join(out, "summary.json")))
lines = [json.loads(l) for f in sorted(os.listdir(os.path.join(out, "findings"))) if f.startswith("part-")
         for l in open(os.path.join(out, "findings", f)) if l.strip()]
assert summary["findings"] == len(lines) == sum(summary["rules"].values()), summary
assert summary["translations"] == 8 and summary["paired"] == 8, summary
assert sum(sum(r.values()) for r in summary["articles"].values()) == len(lines)
assert all("id" not in f for f in lines)
PY

mkdir -p "$work/bad/a"
cp Corpora/vietnamplus-1080302/vi.txt "$work/bad/a/vi.txt"
cp -r Corpora/vietnamplus-1080415 "$work/bad/b"
printf '  \n\n' > "$work/bad/a/nb.txt"
fails blank-page "bad/a/nb.txt: the file is empty" --sources "$work/bad" --translations "$work/bad" --out "$work/bad-out" --tolk "$TOLK"
mkdir -p "$work/bad-utf8/a"
cp Corpora/vietnamplus-1080302/vi.txt "$work/bad-utf8/a/vi.txt"
printf 'Overskrift\n\nLaos \xc3\x28 og Vietnam.\n' > "$work/bad-utf8/a/nb.txt"
fails invalid-utf8 "tolk-spark: error: .*a/nb.txt: invalid UTF-8 at byte offset" --sources "$work/bad-utf8" --translations "$work/bad-utf8" --out "$work/x" --tolk "$TOLK"
fails no-binary "no tolk binary" --sources Corpora --translations Corpora --out "$work/x" --tolk "$work/nothing"
fails no-glossary "no such file" --sources Corpora --translations Corpora --out "$work/x" --tolk "$TOLK" --glossary "$work/none.tbx"

[ "$failures" -eq 0 ] && echo "spark: all passed" || { echo "spark: $failures failed"; exit 1; }
