#!/bin/sh
# Issue 17, bug 15: control characters from documents (ESC, BEL, a DCS,
# C1 controls) never reach a terminal raw through minutes-search: on a
# terminal each shows as a visible stand-in; bytes 0x02/0x03 in the text
# never pose as the match markers ([ ] in TSV, bold on a terminal).
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a);" 2>/dev/null || skip "this sqlite3 has no FTS5"
cd "$t"
make_records rec
H="kind${TAB}source${TAB}line${TAB}page${TAB}section${TAB}date${TAB}body${TAB}minute${TAB}title"
{
	printf '%s\ttext\n' "$H"
	printf 'item\tx/one.txt\t1\t\tminutes\t2025-03-04\tHarbour \033]0;owned\007Board\t7\tTitle \033[2J\033[H cleared\tThe lighthouse \033P1;2|x\033\\ repairs \302\233 and \0020\003 fake marks.\n'
} >rec/items.tsv
minutes-db -q db.sqlite rec || fail "load: exit $?"
minutes-search --db db.sqlite --tsv lighthouse >tsv.out || fail "search: exit $?"
grep -q 'lighthouse' tsv.out || fail "not found"
# Only the matched word is marked.
[ "$(cut -f8 tsv.out | tr -cd '[')" = "[" ] || fail "a 0x02 byte in the text became a match marker: $(cat tsv.out)"
if has_tty; then
	TERM=xterm script -qc "minutes-search --db db.sqlite lighthouse" /dev/null </dev/null >tty.out || fail "search on a terminal: exit $?"
	# Our own SGR sequences (bold, underline, reset) are the only ones.
	sed 's/\x1b\[[0-9]*m//g' tty.out >tty.clean
	grep -q "$(printf '\033')" tty.clean && fail "an ESC from the document reached the terminal: $(od -c tty.out | head -20)"
	grep -q "$(printf '\007')" tty.clean && fail "a BEL reached the terminal"
	grep -q "$(printf '\302\233')" tty.clean && fail "a C1 CSI reached the terminal"
	grep -q "lighthouse" tty.clean || fail "the record is not shown: $(cat tty.clean)"
fi
echo ok
