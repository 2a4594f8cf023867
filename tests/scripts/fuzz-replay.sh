#!/bin/sh
# The fuzz harnesses without libFuzzer: each is built with fuzz/replay.c
# against the project's library (the sanitizer one under make check-asan)
# and replayed on every kept crasher (fuzz/regress/NAME/) and on the
# project's sample documents and test inputs, through the same chain the
# fuzz seeds take.  So the records contract of fuzz/contract.h is checked
# on every `make check`, and a fixed crash stays fixed.
# Skips (77) when no C compiler or no built library is found.
set -eu
root=${MM_ROOT:?}
lib=$root/${MM_UNIT:-build/unit}/../libmm.a
cc=${CC:-cc}
command -v "$cc" >/dev/null 2>&1 || { echo "no C compiler"; exit 77; }
[ -f "$lib" ] || { echo "no $lib (run make)"; exit 77; }
san=
case ${MM_BIN:-bin} in *asan*) san="-O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined";; esac
flags=$(pkg-config --cflags libpcre2-8 libutf8proc)
libs=$(pkg-config --libs libpcre2-8 libutf8proc)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
bin=$root/${MM_BIN:-bin}

# Inputs: the documents as they are, and as each later harness sees them.
mkdir -p "$tmp/in-normalise" "$tmp/in-split" "$tmp/in-extract"
i=0
for f in "$root"/corpus/* "$root"/bench/seed-minutes.txt "$root"/tests/cases/*/in; do
	[ -f "$f" ] || continue
	[ "$(wc -c <"$f")" -le 1048576 ] || continue
	i=$((i + 1))
	cp "$f" "$tmp/in-normalise/$i"
	"$bin/minutes-normalise" "$f" >"$tmp/in-split/$i" 2>/dev/null || true
	"$bin/minutes-split" "$tmp/in-split/$i" >"$tmp/in-extract/$i" 2>/dev/null || true
done
status=0
for h in normalise split extract; do
	[ -f "$root/fuzz/fuzz_$h.c" ] || continue
	# shellcheck disable=SC2086
	$cc -std=c11 -D_GNU_SOURCE -g $san $flags -I"$root/pipeline" \
	    -DFUZZ_RULES="\"$root/rules\"" -o "$tmp/replay_$h" \
	    "$root/fuzz/fuzz_$h.c" "$root/fuzz/replay.c" "$lib" $libs
	set -- "$tmp/in-$h"
	[ -d "$root/fuzz/regress/$h" ] && set -- "$@" "$root/fuzz/regress/$h"
	if "$tmp/replay_$h" "$@" >"$tmp/out" 2>"$tmp/err"; then
		echo "$h: $(cat "$tmp/out")"
	else
		status=1
		echo "FAIL $h:"; tail -30 "$tmp/err"
	fi
done
exit $status
