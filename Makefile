# lede: build, test and install. `make help` lists the targets.

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build

CC      ?= cc
PKGS    := lua5.4 yaml-0.1 libutf8proc libedit libcmark
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wpointer-arith -Wcast-qual -Wwrite-strings
CFLAGS  ?= $(OPT)
SAN     ?=
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC $(WARN) $(SAN) $(CFLAGS) \
             -Iinclude -Icore $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS_LIB = -lutf8proc -lstemmer -lcmark -lm
LDLIBS_LUA = $(shell pkg-config --libs lua5.4 yaml-0.1 2>/dev/null || echo -llua5.4 -lyaml) -lm
LDLIBS_CLI = $(shell pkg-config --libs libedit 2>/dev/null || echo -ledit)

LIB_SRC := $(wildcard core/lib/*.c)
LUA_SRC := $(wildcard core/lua/*.c)
CLI_SRC := $(wildcard core/cli/*.c)
DATA_TXT := $(sort $(wildcard data/*.txt))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/lexicon_data.o $(BUILD)/gazetteer_data.o
LUA_OBJ := $(LUA_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
# Lua sources embedded in the binary and in lede.so (scripts/lede/*.lua).
EMBED_LUA := $(sort $(wildcard scripts/lede/*.lua) $(wildcard scripts/writers/*.lua))
EMBED_C   := $(BUILD)/embedded.c
EMBED_OBJ := $(BUILD)/embedded.o

TEST_SRC := $(wildcard tests/lib/test_*.c)
TEST_BIN := $(TEST_SRC:tests/lib/%.c=$(BUILD)/tests/%)

# The thread test again under ThreadSanitizer, the core compiled with it,
# when the compiler has it (not under `make sanitize`: TSan and ASan do
# not mix).
TSAN_OK := $(if $(SAN),,$(shell echo 'int main(void){return 0;}' | \
             $(CC) -fsanitize=thread -x c - -o /dev/null 2>/dev/null && echo yes))
TSAN_BIN := $(if $(TSAN_OK),$(BUILD)/tsan/test_threads)

DEBS := build-essential pkg-config lua5.4 liblua5.4-dev libyaml-dev libutf8proc-dev \
        libedit-dev lua-cjson libcmocka-dev lua-busted libstemmer-dev \
        cmark libcmark-dev chromium valgrind parallel clang libclang-rt-14-dev

.PHONY: valgrind all deps test test-unit test-lua test-cli demo eval install uninstall \
        sanitize bench bench-peers fuzz fuzz-build fuzz-harnesses clean help

all: $(BUILD)/lede $(BUILD)/lede.so $(BUILD)/liblede.a

help:
	@echo "make            build build/lede, build/lede.so, build/liblede.a"
	@echo "make deps       install missing Debian packages (needs root)"
	@echo "make demo       run lede on the bundled sample article"
	@echo "make test       run every test (unit, Lua, command line, REPL)"
	@echo "make eval       score the parser on ../shared/corpus and tests/gold (V=1)"
	@echo "make sanitize   run the whole suite under ASan + UBSan"
	@echo "make valgrind   run every query and writer over the corpus under memcheck"
	@echo "make bench      time an -O2 build on inputs made from ../shared/corpus"
	@echo "make bench-peers  install the tools make bench compares with"
	@echo "make fuzz       run each libFuzzer harness for FUZZ_SECONDS (default 60)"
	@echo "make install    install (PREFIX=$(PREFIX), DESTDIR=...)"
	@echo "make clean      remove build products"

# Installs only what is missing; says nothing when all is there.
deps:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/liblede.a: $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

# Word lists from data/ compiled into the core (see data/README.md).
$(BUILD)/lexicon_data.c: scripts/tools/embed-data.sh $(DATA_TXT)
	@mkdir -p $(dir $@)
	sh scripts/tools/embed-data.sh $(DATA_TXT) > $@.tmp && mv $@.tmp $@

$(BUILD)/lexicon_data.o: $(BUILD)/lexicon_data.c
	$(CC) $(ALL_CFLAGS) -c $< -o $@

# Gazetteers from data/gazetteer/ as const hash tables (core/lib/gazetteer.h).
GAZ_TXT := $(sort $(wildcard data/gazetteer/*.txt))
$(BUILD)/gazetteer_data.c: scripts/tools/embed-gazetteer.lua $(GAZ_TXT)
	@mkdir -p $(dir $@)
	lua5.4 scripts/tools/embed-gazetteer.lua data/gazetteer > $@.tmp && mv $@.tmp $@

$(BUILD)/gazetteer_data.o: $(BUILD)/gazetteer_data.c
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(EMBED_C): scripts/tools/embed.lua $(EMBED_LUA)
	@mkdir -p $(dir $@)
	lua5.4 scripts/tools/embed.lua $(EMBED_LUA) > $@.tmp && mv $@.tmp $@

$(EMBED_OBJ): $(EMBED_C)
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c $< -o $@

$(BUILD)/lede.so: $(LUA_OBJ) $(EMBED_OBJ) $(BUILD)/liblede.a
	$(CC) $(SAN) -shared -o $@ $(LUA_OBJ) $(EMBED_OBJ) $(BUILD)/liblede.a $(LDLIBS_LIB) \
	  $(shell pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)

$(BUILD)/lede: $(CLI_OBJ) $(LUA_OBJ) $(EMBED_OBJ) $(BUILD)/liblede.a
	$(CC) $(SAN) -rdynamic -o $@ $(CLI_OBJ) $(LUA_OBJ) $(EMBED_OBJ) $(BUILD)/liblede.a \
	  $(LDLIBS_LIB) $(LDLIBS_LUA) $(LDLIBS_CLI)

# -MMD: a test is rebuilt when a header it includes changes (tests/lib/shared.h).
$(BUILD)/tests/%: tests/lib/%.c $(BUILD)/liblede.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(BUILD)/liblede.a $(LDLIBS_LIB) -lcmocka

# The core's sources and its generated word lists, all under TSan.
TSAN_SRC := $(LIB_SRC) $(BUILD)/lexicon_data.c $(BUILD)/gazetteer_data.c

$(BUILD)/tsan/test_threads: tests/lib/test_threads.c tests/lib/shared.h $(TSAN_SRC)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=thread -O1 -g $(WARN) -Wno-overlength-strings \
	  -Iinclude -Icore $(shell pkg-config --cflags libutf8proc 2>/dev/null) -o $@ \
	  $< $(TSAN_SRC) $(LDLIBS_LIB) -lcmocka

# Drives the REPL through a pseudo-terminal for tests/run.sh.
$(BUILD)/tests/ptydrive: tests/cli/ptydrive.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< -lutil

$(BUILD)/lede.pc: lede.pc.in
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(shell sed -n 's/^#define LEDE_VERSION "\(.*\)"/\1/p' include/lede.h)|g' $< > $@

# The whole suite; tests/run.sh prints the final "N passed, N failed" line.
# The fuzz harnesses are built first, but a failure there (no clang) is
# left for the fuzz suite to report, so the other suites still run.
test: deps all $(TEST_BIN) $(TSAN_BIN) $(BUILD)/tests/ptydrive
	-@$(MAKE) --no-print-directory fuzz-build
	@BUILD=$(BUILD) FUZZ_BUILD=$(FUZZ_BUILD) sh tests/run.sh

demo: deps all
	@$(BUILD)/lede scripts/demo.lua tests/fixtures/sample.txt

eval: deps all
	@LEDE_EVAL_VERBOSE=$(V) $(BUILD)/lede scripts/tools/eval.lua

# The CLI over the sample, the fixtures and the corpus under memcheck.
valgrind: deps all
	@BUILD=$(BUILD) sh tests/valgrind.sh

sanitize:
	$(MAKE) BUILD=build-san OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" all
	$(MAKE) BUILD=build-san OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined" test \
	  LEDE_SANITIZE=1

# The benchmark (BENCHMARKS.md): an -O2 build without sanitizers in
# build-bench/, inputs generated from the corpus into build/bench/, the
# table on standard output and in build/bench/results.md. BENCH_RUNS sets
# the runs per measurement (default 3).
BENCH_CORPUS ?= ../shared/corpus
PEER_NPM := compromise wink-nlp wink-eng-lite-web-model

bench: deps
	$(MAKE) BUILD=build-bench OPT=-O2 SAN= all build-bench/measure
	lua5.4 scripts/bench/inputs.lua $(BENCH_CORPUS) build/bench
	lua5.4 scripts/bench/bench.lua build-bench build/bench

build-bench/measure: scripts/bench/measure.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -Wextra -o $@ $<

# The peers make bench compares with: Node packages in build/peers, pandoc.
# Node may come from elsewhere than Debian (NodeSource bundles npm).
bench-peers:
	@command -v npm >/dev/null || $(MAKE) --no-print-directory deps DEBS="nodejs npm"
	@$(MAKE) --no-print-directory deps DEBS=pandoc
	mkdir -p build/peers
	npm install --silent --no-audit --no-fund --prefix build/peers $(PEER_NPM)

# libFuzzer harnesses (tests/fuzz/*.c), one per entry point that reads
# outside data, built with clang into FUZZ_BUILD from the same sources as
# everything else, instrumented for coverage, ASan and UBSan. The ones
# named in FUZZ_LUA go through the Lua binding and link it and liblua.
FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
FUZZ_SECONDS ?= 60
FUZZ_LUA     := lua json yaml
FUZZ_SRC     := $(wildcard tests/fuzz/*.c)
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)

fuzz-build:
	@$(FUZZ_CC) --version >/dev/null 2>&1 || \
	  { echo "make fuzz: $(FUZZ_CC) is missing; the harnesses need clang with libFuzzer" >&2; exit 1; }
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' | \
	  $(FUZZ_CC) -fsanitize=fuzzer -x c -o /dev/null - 2>/dev/null || \
	  { echo "make fuzz: '$(FUZZ_CC) -fsanitize=fuzzer' cannot link: libFuzzer is missing" >&2; exit 1; }
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS= \
	  OPT="-O1 -g -fno-omit-frame-pointer" SAN="$(FUZZ_SAN)" fuzz-harnesses

fuzz-harnesses: $(FUZZ_BIN)

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(BUILD)/liblede.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(BUILD)/liblede.a $(LDLIBS_LIB)

$(FUZZ_LUA:%=$(BUILD)/fuzz/%): $(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/lua_fuzz.h \
    tests/fuzz/fuzz.h $(LUA_OBJ) $(EMBED_OBJ) $(BUILD)/liblede.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(LUA_OBJ) $(EMBED_OBJ) \
	  $(BUILD)/liblede.a $(LDLIBS_LIB) $(LDLIBS_LUA)

# FUZZ_SECONDS a harness, two at a time (FUZZ_JOBS); the corpus grows in
# $(FUZZ_BUILD)/corpus, crashes land in $(FUZZ_BUILD)/crashes.
fuzz: all fuzz-build
	@BUILD=$(BUILD) FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) \
	  sh tests/fuzz/run.sh fuzz $(FUZZ_NAMES)

# Both /usr/local/lib/lua/5.4 and /usr/lib/lua/5.4 are on stock lua5.4's cpath.
LUA_CDIR ?= $(PREFIX)/lib/lua/5.4

install: all $(BUILD)/lede.pc
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LUA_CDIR) $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/lede $(DESTDIR)$(PREFIX)/bin/lede
	install -m 644 $(BUILD)/lede.so $(DESTDIR)$(LUA_CDIR)/lede.so
	install -m 644 include/lede.h $(DESTDIR)$(PREFIX)/include/lede.h
	install -m 644 $(BUILD)/liblede.a $(DESTDIR)$(PREFIX)/lib/liblede.a
	install -m 644 $(BUILD)/lede.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/lede.pc
	install -m 644 lede.1 $(DESTDIR)$(PREFIX)/share/man/man1/lede.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/lede $(DESTDIR)$(LUA_CDIR)/lede.so \
	  $(DESTDIR)$(PREFIX)/include/lede.h $(DESTDIR)$(PREFIX)/lib/liblede.a \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/lede.pc $(DESTDIR)$(PREFIX)/share/man/man1/lede.1

clean:
	rm -rf build build-san build-bench build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
