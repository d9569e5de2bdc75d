#!/usr/bin/env bash
# Tokeniser throughput and memory: `tolk tokenize` (word + sentence, text output to /dev/null,
# one thread) against Benchmarks/icu_loop.c over the same ICU, on ~8 MB of Norwegian news text
# (the seed page repeated), then peak RSS at ~8 MB and ~80 MB of input; then the same for Vietnamese
# words (the trained word model) beside syllables, and the word model's load time.
set -euo pipefail
cd "$(dirname "$0")/.."
TOLK=.build/release/tolk
[ -x "$TOLK" ] || make build
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work" Benchmarks/bin
cc -O2 -o Benchmarks/bin/icu_loop Benchmarks/icu_loop.c $(pkg-config --cflags --libs icu-uc icu-i18n)

make_input() {  # make_input FILE MEGABYTES
  local file=$1 target=$(($2 * 1000 * 1000))
  : > "$file"
  while [ "$(stat -c %s "$file")" -lt "$target" ]; do
    cat Corpora/vietnamplus-1080302/nb.txt Corpora/vietnamplus-1080302/nb.txt Corpora/vietnamplus-1080302/nb.txt \
        Corpora/vietnamplus-1080302/nb.txt >> "$file"
    printf '\n\n' >> "$file"
  done
}
make_input "$work/8mb.txt" 8

best() {  # best N COMMAND... : the fastest of N runs, in seconds
  local n=$1; shift
  local best=999999
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    best=$(echo "$end - $start" | bc -l | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
  done
  echo "$best"
}

size=$(stat -c %s "$work/8mb.txt")
icu=$(best 5 Benchmarks/bin/icu_loop "$work/8mb.txt" nb)
tolk=$(best 5 "$TOLK" tokenize --lang nb "$work/8mb.txt")
Benchmarks/bin/icu_loop "$work/8mb.txt" nb
awk -v s="$size" -v i="$icu" -v t="$tolk" 'BEGIN {
  printf "raw ICU loop (process): %.1f MB/s\ntolk tokenize:          %.1f MB/s\nratio: %.0f %%\n", s/i/1e6, s/t/1e6, 100*i/t }'

make_input "$work/80mb.txt" 80
for input in 8mb 80mb; do
  for command in tokenize segment; do
    rss=$( { /usr/bin/time -f '%M' "$TOLK" "$command" --lang nb "$work/$input.txt" > /dev/null; } 2>&1 | tail -n 1)
    echo "peak RSS, $command, $input: $((rss / 1024)) MiB"
  done
done

# Vietnamese: the word segmenter (ICU syllables + the trained word model) beside the syllables alone
# and the raw ICU loop, on ~8 MB of the corpus's Vietnamese articles repeated; peak RSS at 8 and 80 MB;
# model load time as the difference between word and syllable runs on a one-line input.
make_vi_input() {  # make_vi_input FILE MEGABYTES
  local file=$1 target=$(($2 * 1000 * 1000))
  : > "$file"
  while [ "$(stat -c %s "$file")" -lt "$target" ]; do
    for _ in 1 2 3 4; do cat Corpora/*/vi.txt >> "$file"; printf '\n\n' >> "$file"; done
  done
}
make_vi_input "$work/vi8mb.txt" 8
vsize=$(stat -c %s "$work/vi8mb.txt")
vicu=$(best 5 Benchmarks/bin/icu_loop "$work/vi8mb.txt" vi)
vsyll=$(best 5 "$TOLK" tokenize --lang vi --unit syllable "$work/vi8mb.txt")
vword=$(best 5 "$TOLK" tokenize --lang vi "$work/vi8mb.txt")
awk -v s="$vsize" -v i="$vicu" -v y="$vsyll" -v w="$vword" 'BEGIN {
  printf "vi: raw ICU loop (process): %.1f MB/s\nvi: tolk tokenize --unit syllable: %.1f MB/s\nvi: tolk tokenize (words): %.1f MB/s\n", s/i/1e6, s/y/1e6, s/w/1e6 }'
make_vi_input "$work/vi80mb.txt" 80
for input in vi8mb vi80mb; do
  rss=$( { /usr/bin/time -f '%M' "$TOLK" tokenize --lang vi "$work/$input.txt" > /dev/null; } 2>&1 | tail -n 1)
  echo "peak RSS, tokenize --lang vi (words), $input: $((rss / 1024)) MiB"
done
printf 'Việt Nam.\n' > "$work/one.txt"
load_word=$(best 20 "$TOLK" tokenize --lang vi "$work/one.txt")
load_syllable=$(best 20 "$TOLK" tokenize --lang vi --unit syllable "$work/one.txt")
awk -v w="$load_word" -v y="$load_syllable" 'BEGIN { printf "vi word model load (best of 20, word minus syllable run): %.1f ms\n", 1000*(w-y) }'
