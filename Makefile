# minutes-mine — plain Makefile.  make; make check; make demo; make install PREFIX=...
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
SHAREDIR  = $(PREFIX)/share/minutes-mine
MANDIR    = $(PREFIX)/share/man/man1
MAN5DIR   = $(PREFIX)/share/man/man5

CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wno-unused-parameter
PKG_CONFIG ?= pkg-config
DEPS      = libpcre2-8 libutf8proc

# One clear line when a dependency is missing, before anything is compiled.
ifeq ($(filter clean,$(MAKECMDGOALS)),)
MISSING := $(foreach p,$(DEPS),$(if $(shell $(PKG_CONFIG) --exists $(p) && echo y),,$(p)))
ifneq ($(strip $(MISSING)),)
$(error missing $(MISSING) (Debian package libpcre2-dev / libutf8proc-dev): run scripts/install-deps)
endif
endif
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null)

ALL_CFLAGS = $(WARN) -D_GNU_SOURCE -pthread $(PKG_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS     = $(PKG_LIBS) -pthread $(EXTRA_LDLIBS)

BUILD    ?= build
BIN      ?= bin
PROGS    = normalise split extract
BINS     = $(PROGS:%=$(BIN)/minutes-%)
MAINS    = $(PROGS:%=pipeline/%.c)
LIBSRC   = $(filter-out $(MAINS),$(wildcard pipeline/*.c))
LIBOBJ   = $(LIBSRC:pipeline/%.c=$(BUILD)/%.o)
HEADERS  = $(wildcard pipeline/*.h)
UNITSRC  = $(wildcard tests/unit/*.c)
UNITBIN  = $(UNITSRC:tests/unit/%.c=$(BUILD)/unit/%)
SCRIPTS  = $(wildcard scripts/minutes-*)
# The one version (pipeline/version.h), stamped into the scripts' @MM_VERSION@.
VERSION := $(shell sed -n 's/^\#define MM_VERSION "\(.*\)"$$/\1/p' pipeline/version.h)

all: $(BINS) scripts-bin $(BUILD)/minutes-records.5

$(BUILD)/%.o: pipeline/%.c $(HEADERS) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libmm.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

$(BIN)/minutes-%: $(BUILD)/%.o $(BUILD)/libmm.a | $(BIN)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libmm.a $(LDLIBS)

$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/libmm.a $(HEADERS) | $(BUILD)
	@mkdir -p $(BUILD)/unit
	$(CC) $(ALL_CFLAGS) -Ipipeline -DMM_RULES='"$(CURDIR)/rules"' $(LDFLAGS) -o $@ $< $(BUILD)/libmm.a $(LDLIBS)

# Driver scripts are copied into bin/ so bin/ holds every command, with
# the version stamped in (a copy that would not change is left alone).
scripts-bin: | $(BIN)
	@test -n "$(VERSION)" || { echo "no MM_VERSION in pipeline/version.h" >&2; exit 1; }
	@for s in $(SCRIPTS); do \
		n=$(BIN)/$${s##*/}; \
		sed 's/@MM_VERSION@/$(VERSION)/g' $$s >$$n.tmp && chmod 755 $$n.tmp || exit 1; \
		if cmp -s $$n.tmp $$n; then rm -f $$n.tmp; else mv -f $$n.tmp $$n; fi; done

# minutes-records(5) is doc/records.md, made into a man page.
$(BUILD)/minutes-records.5: doc/records.md scripts/md2man | $(BUILD)
	sh scripts/md2man minutes-records 5 "the records minutes-extract and minutes-mine write (TSV, CSV, JSON Lines)" <doc/records.md >$@.tmp && mv -f $@.tmp $@

$(BUILD) $(BIN):
	mkdir -p $@

unit: $(UNITBIN)

check: all unit
	sh tests/run
	sh scripts/eval-gate

# AddressSanitizer + UndefinedBehaviorSanitizer build of everything, in its
# own folders, and the whole test suite run against it.
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
check-asan:
	$(MAKE) BUILD=build-asan BIN=bin-asan CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" all unit
	ASAN_OPTIONS=detect_leaks=1 MM_BIN=bin-asan MM_UNIT=build-asan/unit sh tests/run

# Made-up documents of other kinds of council, with hand-written gold:
# how well the rules generalise beyond ../shared/corpus.  Printed, not gated.
heldout: all
	sh tests/heldout/run
	sh tests/heldout2/run

demo: all
	sh scripts/demo

bench: all
	sh bench/run

# libFuzzer harnesses (fuzz/fuzz_*.c), built with clang against a library
# compiled with coverage and ASan/UBSan, each run for FUZZ_SECONDS on a
# seed corpus from corpus/ and the tests (fuzz/run; outputs in fuzz/out/).
FUZZ_SECONDS ?= 60
FUZZ_CC   ?= clang
FUZZ_OUT   = fuzz/out/build
FUZZ_SAN   = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZERS    = normalise split extract
fuzz: all
	$(MAKE) BUILD=$(FUZZ_OUT) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" $(FUZZ_OUT)/libmm.a
	for f in $(FUZZERS); do \
		$(FUZZ_CC) $(WARN) -D_GNU_SOURCE $(PKG_CFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer \
		    -Ipipeline -DFUZZ_RULES='"$(CURDIR)/rules"' -o $(FUZZ_OUT)/fuzz_$$f \
		    fuzz/fuzz_$$f.c $(FUZZ_OUT)/libmm.a $(LDLIBS) || exit 1; \
	done
	FUZZ_SECONDS=$(FUZZ_SECONDS) sh fuzz/run $(FUZZERS)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/rules $(DESTDIR)$(MANDIR) $(DESTDIR)$(MAN5DIR)
	cp -p bin/* $(DESTDIR)$(BINDIR)/
	cp -p rules/* $(DESTDIR)$(SHAREDIR)/rules/
	cp -p man/*.1 $(DESTDIR)$(MANDIR)/
	cp -p $(BUILD)/minutes-records.5 $(DESTDIR)$(MAN5DIR)/

clean:
	rm -rf bin build bin-asan build-asan eval-out

.PHONY: all check check-asan heldout unit demo bench fuzz install clean scripts-bin
.SECONDARY:
