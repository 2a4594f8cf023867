#!/bin/sh
# Issue 17, bug 13: minutes-extract is linear in the records of one item.
# One item that is a big table (every row a money figure, a percentage
# and a second money figure, so that several patterns of one kind
# interleave) at 15,000 and 60,000 rows: four times the rows must take
# under six times the CPU (it took seven to nine times when every record
# was a sorted insert into one array).  CPU time, not wall time: the
# machine may be busy.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need awk
[ -x /usr/bin/time ] || skip "/usr/bin/time (GNU time) not installed"
cd "$t"
table() {  # ROWS
	awk -v n="$1" 'BEGIN {
		print "Minutes of a meeting of the Finance Committee held on Monday, 6 January 2025.\n"
		print "12. Budget monitoring.\n"
		for (i = 0; i < n; i++)
			printf "Cost centre %06d   \302\243%d,%03d   %d%% and \302\243%d.5m\n\n", i, i % 97 + 1, i % 900 + 100, i % 89 + 1, i % 9 + 1
	}'
}
table 15000 | minutes-normalise | minutes-split >small
table 60000 | minutes-normalise | minutes-split >large
cpu() { /usr/bin/time -f %U minutes-extract <"$1" 2>&1 >/dev/null | tail -n 1; }
s=$(cpu small); l=$(cpu large)
n=$(minutes-extract -k figure <large | wc -l)
[ "$n" -ge 180000 ] || fail "only $n figures from the large table"
awk -v s="$s" -v l="$l" 'BEGIN { if (s < 0.01) s = 0.01; r = l / s; printf "CPU %.2f s for 15,000 rows, %.2f s for 60,000 (x%.1f)\n", s, l, r; exit !(r < 6) }' \
	|| fail "four times the rows took six times or more the CPU ($s s, $l s)"
echo ok
