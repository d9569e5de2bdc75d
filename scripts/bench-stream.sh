#!/usr/bin/env bash
# tolk check --jsonl over a long stream: records made on the fly from the corpus pairs (with their
# sources and the glossary) until MB megabytes have gone in; time, records/s and peak RSS, which
# must not grow with the stream. usage: scripts/bench-stream.sh [MB]   (default 1024; SOURCES=0: pages alone)
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=${TOLK:-.build/release/tolk}
[ -x "$TOLK" ] || make build
mb=${1:-1024}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$mb" "${SOURCES:-1}" <<'PY' | /usr/bin/time -o "$work/time" -f '%e %M' "$TOLK" check --jsonl --glossary Glossaries/vi-nb.tbx 2> "$work/err" | wc -l > "$work/lines" || true
import glob, json, sys
limit = int(sys.argv[1]) << 20
pairs = []
for folder in sorted(glob.glob("Corpora/*/")):
    pairs.append((folder, open(folder + "nb.txt").read(), open(folder + "vi.txt").read()))
sent = 0
k = 0
out = sys.stdout
while sent < limit:
    folder, nb, vi = pairs[k % len(pairs)]
    record = {"id": k, "translation": nb, "translation_path": f"{folder}nb.txt#{k}"}
    if sys.argv[2] == "1":
        record["source"] = vi
    line = json.dumps(record, ensure_ascii=False) + "\n"
    out.write(line)
    sent += len(line.encode("utf-8"))
    k += 1
print(f"{k} records, {sent >> 20} MiB", file=sys.stderr)
PY
read -r seconds kib < <(tail -n 1 "$work/time")
echo "$(tail -1 "$work/err")"
echo "check --jsonl: ${mb} MiB in ${seconds} s, $(cat "$work/lines") finding lines, peak RSS $((kib / 1024)) MiB"
