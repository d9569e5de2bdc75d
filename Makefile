# tolk: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
TOLK_RELEASE = .build/release/tolk
SEED = Corpora/vietnamplus-1080302/nb.txt

.PHONY: deps build test test-limits test-spark demo eval bench format-lint vi-model

# Installs ICU's headers and pkg-config (Debian/Ubuntu) when they are missing.
deps:
	@pkg-config --exists icu-uc icu-i18n 2>/dev/null || { \
	  echo "installing libicu-dev and pkg-config"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config; }

# One self-contained binary: the Swift runtime and Foundation are linked in (ICU and the C++ runtime
# come from the system), so it runs where Swift is not installed and starts faster (23 ms for one
# article against 28 ms with the shared runtime).
build: deps
	$(SWIFT) build -c release --static-swift-stdlib

test: deps format-lint
	$(SWIFT) test
	$(SWIFT) build
	scripts/cli-tests.sh .build/debug/tolk
	scripts/bad-input-tests.sh .build/debug/tolk
	scripts/test-report-browser.sh .build/debug/tolk

# The limits (run in CI after make test): a 100 MB single line, 100,000 paragraphs, a 100,000-concept
# glossary, each through the commands that read them, with time and peak memory (~3 minutes).
test-limits: build
	scripts/bad-input-tests.sh $(TOLK_RELEASE) --big

# The main job on the bundled corpus: pair, align, glossary, lint, summary (exits 1: the corpus has findings).
demo: build
	$(TOLK_RELEASE) --version
	@$(TOLK_RELEASE) check Corpora; code=$$?; \
	  if [ $$code -eq 1 ]; then echo "(exit 1: the corpus has findings, as it should)"; else exit $$code; fi

# Tokens and Sentences F1 on the UD dev sets in ../shared/data (not run in CI).
eval: build
	scripts/eval-ud.py --lang nb ../shared/data/ud-dev/nb/no_bokmaal-ud-dev.conllu
	scripts/eval-ud.py --lang vi ../shared/data/ud-dev/vi/vi_vtb-ud-dev.conllu

# Rebuilds the Vietnamese word model from UD Vietnamese-VTB train, byte for byte (then rebuild tolk).
VI_TRAIN = ../shared/data/ud-train/vi/vi_vtb-ud-train.conllu
VI_MODEL_DIR = Sources/TolkText/Models
vi-model: build
	$(TOLK_RELEASE) train-vi-words --train $(VI_TRAIN) --out .build/vi-words.bin \
	  --manifest $(VI_MODEL_DIR)/vi-words.manifest --swift $(VI_MODEL_DIR)/VietnameseWordModelData.swift

# Tokeniser throughput against a raw ICU C loop, and peak memory (not run in CI).
bench: build
	scripts/bench-tokenize.sh

format-lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

# The Spark job against tolk check on one machine (local mode; pyspark and Java 17, ~4 minutes).
test-spark: build
	@python3 -c "import pyspark" 2>/dev/null || pip install -q pyspark
	scripts/test-spark.sh
