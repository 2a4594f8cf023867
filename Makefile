# minutes-mine — plain Makefile.  make; make check; make demo; make install PREFIX=...
PREFIX   ?= /usr/local
DESTDIR  ?=
BINDIR    = $(PREFIX)/bin
SHAREDIR  = $(PREFIX)/share/minutes-mine
MANDIR    = $(PREFIX)/share/man/man1

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

ALL_CFLAGS = $(WARN) -D_GNU_SOURCE $(PKG_CFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
LDLIBS     = $(PKG_LIBS) $(EXTRA_LDLIBS)

PROGS    = normalise split extract
BINS     = $(PROGS:%=bin/minutes-%)
MAINS    = $(PROGS:%=pipeline/%.c)
LIBSRC   = $(filter-out $(MAINS),$(wildcard pipeline/*.c))
LIBOBJ   = $(LIBSRC:pipeline/%.c=build/%.o)
HEADERS  = $(wildcard pipeline/*.h)
UNITSRC  = $(wildcard tests/unit/*.c)
UNITBIN  = $(UNITSRC:tests/unit/%.c=build/unit/%)
SCRIPTS  = $(wildcard scripts/minutes-*)

all: $(BINS) scripts-bin

build/%.o: pipeline/%.c $(HEADERS) | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/libmm.a: $(LIBOBJ)
	rm -f $@
	ar rcs $@ $(LIBOBJ)

bin/minutes-%: build/%.o build/libmm.a | bin
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< build/libmm.a $(LDLIBS)

build/unit/%: tests/unit/%.c build/libmm.a $(HEADERS) | build
	@mkdir -p build/unit
	$(CC) $(ALL_CFLAGS) -Ipipeline $(LDFLAGS) -o $@ $< build/libmm.a $(LDLIBS)

# Driver scripts are copied into bin/ so bin/ holds every command.
scripts-bin: | bin
	@for s in $(SCRIPTS); do cp -p $$s bin/; done

build bin:
	mkdir -p $@

unit: $(UNITBIN)

check: all unit
	sh tests/run
	@if [ -d ../shared/eval ]; then sh scripts/eval-gate; fi

demo: all
	sh scripts/demo

bench: all
	sh bench/run

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(SHAREDIR)/rules $(DESTDIR)$(MANDIR)
	cp -p bin/* $(DESTDIR)$(BINDIR)/
	cp -p rules/* $(DESTDIR)$(SHAREDIR)/rules/
	cp -p man/*.1 $(DESTDIR)$(MANDIR)/

clean:
	rm -rf bin build eval-out

.PHONY: all check unit demo bench install clean scripts-bin
.SECONDARY:
