# crossread — build, demo, tests.
#
#   make demo       set up, build, brief the bundled example reports
#   make test       set up, build, run every test (summary line at the end)
#   make sanitize   the whole test suite under ASan + UBSan (clang or gcc)
#   make bench      text-layer throughput on ../shared/data
#   make browser-test  the HTML story pages in headless Chromium
#
# Objects go to $(BUILD) (build/ by default) so sanitizer and release
# builds never mix.

CC      ?= cc
BUILD   ?= build
PKGS    := libutf8proc libcjson gumbo libxxhash sqlite3 zlib
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CFLAGS  += -std=c11 $(OPT) $(WARN) -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L \
           -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm

LIB_SRC := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/test_*.c))
BENCH_SRC := $(sort $(wildcard bench/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS   := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
BENCHES := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
LIB     := $(BUILD)/libcrossread.a
BIN     := $(BUILD)/crossread

FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZERS  := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/bin/%)
FUZZ_SECONDS ?= 30

.PHONY: all setup demo test check sanitize bench fuzz fuzz-build clean
all: $(BIN) $(LIB)

setup:
	@scripts/setup

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lcmocka

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS)

demo: setup
	@$(MAKE) --no-print-directory all
	$(BIN) brief examples/brussels-2024-10-17
	@mkdir -p $(BUILD)/demo
	@$(BIN) brief --format html -o $(BUILD)/demo/story.html examples/brussels-2024-10-17
	@echo "story page: $(BUILD)/demo/story.html"

check test: setup
	@$(MAKE) --no-print-directory all $(TESTS) $(BENCHES)
	@BUILD=$(BUILD) tests/run

sanitize: setup
	@$(MAKE) --no-print-directory test BUILD=build/sanitize \
	  OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	  LDFLAGS="-fsanitize=address,undefined"

bench: setup
	@$(MAKE) --no-print-directory all $(BENCHES)
	bench/text.sh ../shared/data

# libFuzzer harnesses (tests/fuzz/fuzz_*.c): the library is rebuilt with
# clang, coverage and sanitizers in build/fuzz; `make fuzz` runs each
# harness for FUZZ_SECONDS on its corpus (tests/fuzz/run).
fuzz-build:
	@scripts/setup fuzz
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang \
	  OPT="-O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
	  build/fuzz/libcrossread.a $(FUZZERS)

build/fuzz/bin/%: tests/fuzz/%.c build/fuzz/libcrossread.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< build/fuzz/libcrossread.a $(LDLIBS)

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run $(FUZZERS)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(TESTS:=.d)

# NeuS summaries: crossread brief vs Lead vs LexRank, ROUGE (issue 6).
bench-summary: setup
	@scripts/setup bench
	@$(MAKE) --no-print-directory all $(BENCHES)
	bench/summary-eval ../shared/data/summaries/neus val 66
	$(BUILD)/bench/story_speed ../shared/data/summaries/neus/train.source 50 1000
.PHONY: bench-summary

# The HTML story pages in headless Chromium (installed by scripts/setup
# browser when missing): rendering, console, hostile input, anchors.
.PHONY: browser-test
browser-test: setup
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) tests/browser/run
# Fuzz regression replay: every harness is also built with the normal
# compiler and tests/fuzz/replay.c as $(BUILD)/tests/test_fuzz_<name>, which
# tests/run runs like any unit test; it replays the harness's committed
# corpus (seeds and every crash found), so `make test` and `make sanitize`
# keep each fixed crash fixed.
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/test_%)
TESTS += $(FUZZ_REPLAY)

$(BUILD)/tests/test_fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DFUZZ_NAME='"fuzz_$*"' -MMD -MP $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB) $(LDLIBS)

-include $(FUZZ_REPLAY:=.d)

# Retrains the learned cue detector on PolNeAR train (issue 4): writes
# data/cue_model.tsv and regenerates src/analyze/cue_model_data.c.
.PHONY: cue-model
cue-model:
	scripts/train-cues ../shared/data/quotes/polnear/train --check ../shared/data/quotes/polnear/dev

# Retrains the learned content-end ranker on PolNeAR train (issue 4):
# writes data/content_model.tsv and regenerates src/analyze/content_model_data.c.
.PHONY: content-model
content-model:
	scripts/train-content ../shared/data/quotes/polnear/train --check ../shared/data/quotes/polnear/dev
