#!/bin/sh
# minutes-normalise -j: FILEs normalised in threads write the same bytes
# as one thread, in the order of the FILEs.  Many made-up files (the
# sample documents under other names), among them one that is missing,
# one binary, one empty, stdin, and two large files first in the list
# (the second's output is more than the threads may keep for the files
# behind the head, so its thread must wait for its turn): -j 1 against -j 2, 3, 8 for
# stdout, for stderr (-v: a line a file), and for both into one file;
# the same exit status.  A reader that goes away (SIGPIPE ignored, as a
# driver may): exit 0, nothing more said.  One long file alone (read
# ahead in a thread with -j 2): the same bytes and counts as -j 1.  A
# full disk: exit 2.  Bad -j and MINUTES_NORMALISE_JOBS values are
# refused; the variable is -j's default.
. "$MM_ROOT/tests/scripts/mine-common.inc"
cd "$t"
mkdir docs
i=0
while [ $i -lt 40 ]; do
	for f in "$root"/corpus/*.txt "$root"/corpus/*.md "$root"/bench/seed-minutes.txt; do
		cp "$f" "docs/$(printf %03d $i)-$(basename "$f")"
	done
	i=$((i + 1))
done
# the large ones: 1500 copies of the sample minutes (about 6 MB of text),
# each with a list of names in two columns (lines read ahead are judged
# for columns as lines read in turn)
cat >twocol.txt <<'EOF'
The Committee considered the report of the Clerk on the hire of the hall, the cost of the new boiler and the grass cutting contract.
The Committee considered the report of the Clerk on the hire of the hall, the cost of the new boiler and the grass cutting contract.
The Committee considered the report of the Clerk on the hire of the hall, the cost of the new boiler and the grass cutting contract.

Present:

   Cllr A. Brook                      Cllr F. Dale
   Mrs G. Heath                       Mr H. Moss
   Cllr J. Fenwick                    Cllr K. Orme

EOF
i=0
while [ $i -lt 1500 ]; do cat "$root/bench/seed-minutes.txt" twocol.txt; i=$((i + 1)); done >docs/000-big.txt
cp docs/000-big.txt docs/000-big2.txt
printf 'a\000b\n' >docs/001-binary.txt
: >docs/002-empty.txt
set -- docs/000-big.txt docs/000-big2.txt docs/001-binary.txt missing.txt docs/002-empty.txt - docs/0[0-3]*-*.txt
[ $# -gt 150 ] || fail "only $# files"

st1=0; minutes-normalise -v -j 1 "$@" <"$root/corpus/minutes-raw.txt" >one 2>err1 || st1=$?
[ "$st1" = 1 ] || fail "-j 1: exit $st1, want 1 (a missing and a binary file)"
[ "$(wc -c <one)" -gt 10000000 ] || fail "-j 1 wrote only $(wc -c <one) bytes"
grep -q 'missing.txt: No such file' err1 || fail "-j 1: no message for the missing file"
grep -q 'binary' err1 || fail "-j 1: no message for the binary file"
minutes-normalise -v -j 1 "$@" <"$root/corpus/minutes-raw.txt" >both1 2>&1 || :
for j in 2 3 8; do
	st=0; minutes-normalise -v -j "$j" "$@" <"$root/corpus/minutes-raw.txt" >many 2>errj || st=$?
	[ "$st" = "$st1" ] || fail "-j $j: exit $st, want $st1"
	cmp -s one many || fail "-j $j wrote other paragraphs than -j 1"
	cmp -s err1 errj || fail "-j $j wrote other messages than -j 1"
	minutes-normalise -v -j "$j" "$@" <"$root/corpus/minutes-raw.txt" >bothj 2>&1 || :
	cmp -s both1 bothj || fail "-j $j: paragraphs and messages interleave otherwise than -j 1"
done
MINUTES_NORMALISE_JOBS=3 minutes-normalise -v "$@" <"$root/corpus/minutes-raw.txt" >env3 2>/dev/null || :
cmp -s one env3 || fail "MINUTES_NORMALISE_JOBS=3 differs from -j 1"

# one long file alone is read ahead in a second thread: the same bytes,
# the same counts (-v), from a file and from a pipe
[ "$(wc -l <docs/000-big.txt)" -gt 20000 ] || fail "the large file is too short to be read ahead"
minutes-normalise -v -j 1 docs/000-big.txt >big1 2>bigerr1
minutes-normalise -v -j 2 docs/000-big.txt >big2 2>bigerr2
cmp -s big1 big2 || fail "one long file: -j 2 (read ahead) wrote other paragraphs than -j 1"
cmp -s bigerr1 bigerr2 || fail "one long file: -j 2 counts otherwise: $(cat bigerr2)"
cat docs/000-big.txt | minutes-normalise -v -j 2 -s docs/000-big.txt >big3 2>bigerr3
cmp -s big1 big3 || fail "one long file from a pipe: -j 2 wrote other paragraphs than -j 1"
cmp -s bigerr1 bigerr3 || fail "one long file from a pipe: -j 2 counts otherwise: $(cat bigerr3)"

# the reader goes away early: a quiet stop, exit 0 (SIGPIPE ignored)
for j in 1 2; do
	st=$( (trap '' PIPE; { minutes-normalise -j "$j" docs/0[0-3]*-*.txt 2>gone.err; echo $? >gone.st; } | head -c 100 >/dev/null); cat gone.st)
	[ "$st" = 0 ] || fail "-j $j, reader gone: exit $st, want 0 ($(cat gone.err))"
	[ ! -s gone.err ] || fail "-j $j, reader gone: $(cat gone.err)"
done
# a full disk is trouble
if [ -w /dev/full ]; then
	for j in 1 2; do
		st=0; minutes-normalise -j "$j" docs/0[0-3]*-*.txt >/dev/full 2>full.err || st=$?
		[ "$st" = 2 ] || fail "-j $j, full disk: exit $st, want 2"
		grep -q 'write error' full.err || fail "-j $j, full disk: $(cat full.err)"
	done
fi
for bad in 0 -1 x 65 2x ''; do
	st=0; minutes-normalise -j "$bad" docs/002-empty.txt >/dev/null 2>err || st=$?
	[ "$st" = 2 ] || fail "-j '$bad': exit $st, want 2"
	grep -q 'bad -j' err || fail "-j '$bad': $(cat err)"
done
st=0; MINUTES_NORMALISE_JOBS=many minutes-normalise docs/002-empty.txt >/dev/null 2>err || st=$?
[ "$st" = 2 ] || fail "MINUTES_NORMALISE_JOBS=many: exit $st, want 2"
grep -q 'bad MINUTES_NORMALISE_JOBS' err || fail "MINUTES_NORMALISE_JOBS=many: $(cat err)"
exit 0
