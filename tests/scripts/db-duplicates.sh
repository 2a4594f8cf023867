#!/bin/sh
# minutes-db marks records printed by more than one document (minutes
# printed again in the next meeting's pack) without dropping any: table
# occurrences lists every printing of such a record and which one counts,
# views KIND_once hold each record once, --count counts each decision
# once; two identical decisions of one document stay two; the search still
# finds every printing; an incremental load leaves what a fresh one does.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need sqlite3
cd "$t"
mkdir docs
minutes_text A 1 >docs/minutes.txt
# The same minutes as the first item of the next meeting's agenda pack.
{ printf 'Agenda for a meeting of the Parks and Leisure Committee to be held on\nWednesday, 12 March 2025.\n\n1. Minutes of the previous meeting.\n\n'
  minutes_text A 1; } >docs/pack.txt
minutes_text B 4 >docs/other.txt          # another minute: no duplicate
# One minute with two decisions worded alike, and its reprint.
cat >twice.txt <<'EOF'
Minutes of a meeting of the Harbour Board held at the Harbour Office on
Thursday, 3 April 2025.

7. Mooring licences.

The Board considered the licence of the first mooring.

RESOLVED that the licence be renewed.

The Board then considered the licence of the second mooring.

RESOLVED that the licence be renewed.
EOF
cp twice.txt docs/twice.txt
{ printf 'Agenda for a meeting of the Harbour Board to be held on Thursday,\n1 May 2025.\n\n1. Minutes of the previous meeting.\n\n'; cat twice.txt; } >docs/twice-pack.txt
minutes-mine -q -o out --db m.sqlite docs 2>err || fail "minutes-mine: exit $? ($(cat err))"
q() { sqlite3 -init /dev/null -batch -noheader -separator "$TAB" m.sqlite "$1"; }

# The records as the TSVs give them: 2 + 2 + 2 + 2 + 2 resolutions.
[ "$(q 'SELECT count(*) FROM resolutions')" -eq 10 ] || fail "resolutions: $(q 'SELECT count(*) FROM resolutions')"
# Once: minutes.txt's two (printed again in pack.txt), other.txt's two,
# twice.txt's two alike decisions (printed again in twice-pack.txt).
[ "$(q 'SELECT count(*) FROM resolutions_once')" -eq 6 ] || fail "resolutions_once: $(q 'SELECT count(*) FROM resolutions_once')"
minutes-db --count m.sqlite >count.tsv || fail "--count: exit $?"
[ "$(head -n 1 count.tsv)" = "table${TAB}records${TAB}once${TAB}printed_more_than_once${TAB}copies" ] || fail "--count header: $(head -n 1 count.tsv)"
grep -qx "resolutions${TAB}10${TAB}6${TAB}4${TAB}4" count.tsv || fail "--count resolutions: $(cat count.tsv)"
grep -qx "declarations${TAB}3${TAB}2${TAB}1${TAB}1" count.tsv || fail "--count declarations: $(cat count.tsv)"
# Every printing stays findable: the reprinted decision lists both places,
# the one that counts first (minutes.txt sorts before pack.txt).
[ "$(q "SELECT o.source || ':' || o.line || ':' || o.canonical || ':' || o.printings FROM occurrences o JOIN resolutions r ON r.rowid = o.id
        WHERE o.kind = 'resolutions' AND r.minute = '15' AND r.part = 'a' ORDER BY o.canonical DESC" | tr '\n' ' ')" \
	= "docs/minutes.txt:26:1:2 docs/pack.txt:31:0:2 " ] || fail "occurrences of minute 15(a): $(q 'SELECT * FROM occurrences')"
# (other.txt, another minute of the same meeting: its attendance is the
# meeting's, printed three times; its resolutions are its own)
[ "$(q "SELECT count(*) FROM occurrences WHERE source = 'docs/other.txt' AND kind = 'resolutions'")" -eq 0 ] || fail "other.txt's resolutions taken for copies"
[ "$(q "SELECT DISTINCT printings FROM occurrences WHERE source = 'docs/other.txt' AND kind = 'attendance'")" = 3 ] || fail "the meeting's attendance is not one record printed three times"
[ "$(q "SELECT count(*) FROM occurrences WHERE kind = 'resolutions' AND source LIKE 'docs/twice%'")" -eq 4 ] || fail "twice: $(q 'SELECT * FROM occurrences')"
[ "$(q "SELECT count(*) FROM resolutions_once WHERE source LIKE 'docs/twice%'")" -eq 2 ] || fail "two alike decisions of one document became one"
[ "$(q "SELECT count(DISTINCT source) FROM search WHERE search MATCH 'bowling' AND kind = 'resolution' AND minute = '15'")" -eq 2 ] \
	|| fail "the search does not find both printings"

# Incremental = fresh: drop the reprint, then bring it back.
mv docs/pack.txt pack.txt
minutes-mine -q -o out --db m.sqlite docs 2>err || fail "run without pack: exit $?"
[ "$(q "SELECT count(*) FROM occurrences WHERE kind = 'resolutions' AND source LIKE '%minutes.txt'")" -eq 0 ] || fail "occurrences kept a printing that went"
mv pack.txt docs/pack.txt
minutes-mine -q -o out --db m.sqlite docs 2>err || fail "run with pack again: exit $?"
minutes-db fresh.sqlite out 2>/dev/null || fail "fresh load: exit $?"
dump() { sqlite3 -init /dev/null -batch "$1" "SELECT o.kind, o.source, o.line, o.page, o.first_source, o.first_line, o.printings, o.canonical FROM occurrences o ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"; }
[ "$(dump m.sqlite)" = "$(dump fresh.sqlite)" ] || fail "occurrences of the incremental load differ from a fresh load's"
[ "$(minutes-db --count m.sqlite)" = "$(cat count.tsv)" ] || fail "--count after the reloads: $(minutes-db --count m.sqlite)"
rc=0; minutes-db --count nothing.sqlite 2>/dev/null || rc=$?
[ $rc -eq 2 ] || fail "--count of no database: exit $rc"
echo ok
