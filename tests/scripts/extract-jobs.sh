#!/bin/sh
# minutes-extract -j: worker threads write the same bytes as none.  A
# stream of many made-up documents (enough text for many jobs, so the
# threads start) through -j 1 and -j 2, 3, 8: the same records, in every
# --format, and with -w the same warnings between the same records
# (stdout and stderr into one file).  A malformed line after many jobs:
# the same records before it, the same message and exit status.  A
# short stream (one job) and an empty one; bad -j values are refused;
# MINUTES_EXTRACT_JOBS is -j's default.
. "$MM_ROOT/tests/scripts/mine-common.inc"
cd "$t"
# minutes that draw -w warnings (markers of a kind with no record of it)
cat >warns.txt <<'EOF'
Minutes of a meeting of the Board held on 1 January 2020.

1. Declarations of interest.

A member declared an interest in the matter but the minutes do not say who.

2. Questions.

Question from the floor about parking, which the Chair took as a comment.

3. Grants.

RESOLVED:

4. Minutes.

RESOLVED - That the minutes be approved.
EOF
i=0
while [ $i -lt 60 ]; do
	for f in "$root"/corpus/*.txt "$root"/bench/seed-minutes.txt warns.txt; do
		minutes-normalise -s "doc-$i-$(basename "$f")" <"$f"
	done
	i=$((i + 1))
done | minutes-split >stream
[ "$(wc -c <stream)" -gt 1500000 ] || fail "the stream is too short to need many jobs ($(wc -c <stream) bytes)"
minutes-extract -j 1 stream >one
[ "$(wc -l <one)" -gt 1000 ] || fail "only $(wc -l <one) records from the stream"
for j in 2 3 8; do
	minutes-extract -j "$j" stream >many || fail "-j $j exit $?"
	cmp -s one many || fail "-j $j wrote other records than -j 1"
done
for fmt in csv jsonl; do
	minutes-extract -j 1 --format "$fmt" -k resolutions,figures stream >one.$fmt
	minutes-extract -j 2 --format "$fmt" -k resolutions,figures stream >many.$fmt
	cmp -s one.$fmt many.$fmt || fail "-j 2 --format $fmt differs from -j 1"
done
minutes-extract -w -j 1 stream >w1 2>&1
minutes-extract -w -j 2 stream >w2 2>&1
grep -q ': warning: ' w1 || fail "no -w warning in the stream: the test checks nothing of their order"
cmp -s w1 w2 || fail "-w -j 2: warnings or records differ from -j 1"

# a malformed line in the middle: what comes before it, then the error
n=$(wc -l <stream)
{ head -n $((n / 2)) stream; echo "not a stream line"; tail -n +$((n / 2 + 1)) stream; } >bad
st1=0; minutes-extract -j 1 bad >bad1 2>err1 || st1=$?
st2=0; minutes-extract -j 2 bad >bad2 2>err2 || st2=$?
[ "$st1" = 2 ] && [ "$st2" = 2 ] || fail "malformed line: exit $st1 (-j 1), $st2 (-j 2), want 2"
[ -s bad1 ] || fail "no record before the malformed line"
cmp -s bad1 bad2 || fail "malformed line: -j 2 wrote other records before it than -j 1"
cmp -s err1 err2 || fail "malformed line: other messages ($(cat err2))"
grep -q ":$((n / 2 + 1)): expected 9 fields" err2 || fail "message: $(cat err2)"

# short and empty streams
head -n 40 stream >short
minutes-extract -j 1 short >s1
minutes-extract -j 4 short >s4
cmp -s s1 s4 || fail "a short stream differs under -j 4"
: | minutes-extract -j 4 >empty || fail "empty stream: exit $?"
[ ! -s empty ] || fail "records from an empty stream"
for bad in 0 -1 x 65 2x ''; do
	st=0; minutes-extract -j "$bad" short >/dev/null 2>err || st=$?
	[ "$st" = 2 ] || fail "-j '$bad': exit $st, want 2"
	grep -q 'bad -j' err || fail "-j '$bad': $(cat err)"
done
MINUTES_EXTRACT_JOBS=3 minutes-extract stream >env3
cmp -s one env3 || fail "MINUTES_EXTRACT_JOBS=3 differs from -j 1"
st=0; MINUTES_EXTRACT_JOBS=zero minutes-extract short >/dev/null 2>err || st=$?
[ "$st" = 2 ] && grep -q 'bad MINUTES_EXTRACT_JOBS' err || fail "MINUTES_EXTRACT_JOBS=zero: exit $st, $(cat err)"
echo ok
