#!/usr/bin/env bash
# Build a libFuzzer target (Fuzz/Package.swift) with the address sanitizer (optimised, as shipped;
# preconditions stay on) and run it.
# usage: scripts/fuzz.sh FuzzTokenizer|FuzzArticle|FuzzGlossary|FuzzAlign|FuzzLint|FuzzConfig|FuzzTextReader [SECONDS]
# Crashing inputs are written to Fuzz/crashes/TARGET/; keep each in Tests/FuzzRegressions/TARGET/
# (read by the regression tests) once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
target=$1
seconds=${2:-600}
swift build -c release --product "$target" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --scratch-path .build-fuzz
mkdir -p "corpus/$target" "crashes/$target"
# Seed the corpus with the bundled pages and glossary, and the target's own seeds (Seeds/TARGET).
cp ../Corpora/*/*.txt ../Glossaries/vi-nb.csv "corpus/$target/" 2>/dev/null || true
cp Seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
# -detect_leaks=0: the Swift runtime keeps the parse trees of static Regex values (built once per
# process), which LeakSanitizer reports as a leak of the first input; memory errors still stop the run.
ASAN_OPTIONS=detect_leaks=0 "./.build-fuzz/release/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
  -artifact_prefix="crashes/$target/" "corpus/$target"
