#!/bin/sh
# Issue 15: make install puts minutes-records(5) beside the programs' man
# pages (readable in the C locale: man 5 minutes-records), and the
# installed programs run from anywhere with the installed rules: the
# chain, minutes-mine (which finds the installed filters) and
# minutes-extract --list-kinds.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need make
chain_ready
cd "$t"
unset MAKEFLAGS MAKELEVEL MFLAGS
make -s -C "$root" install PREFIX="$t/p" >make.out 2>&1 || fail "make install: $(tail -n 5 make.out)"
[ -f "$t/p/share/man/man5/minutes-records.5" ] || fail "no minutes-records.5 installed"
for p in minutes-normalise minutes-split minutes-extract minutes-mine minutes-db minutes-search; do
	[ -x "$t/p/bin/$p" ] || fail "$p not installed"
	[ -f "$t/p/share/man/man1/$p.1" ] || fail "$p.1 not installed"
done
if command -v man >/dev/null 2>&1; then
	LC_ALL=C MANPATH="$t/p/share/man" MANPAGER=cat man 5 minutes-records >man.out 2>man.err || fail "man 5 minutes-records: $(cat man.err)"
	grep -q 'MINUTES-RECORDS(5)' man.out || fail "man 5 minutes-records: $(head -n 5 man.out)"
fi
mkdir docs; minutes_text A 1 >docs/a.txt
(
	cd /
	PATH=$t/p/bin:/usr/bin:/bin
	unset MINUTES_MINE_RULES
	minutes-normalise "$t/docs/a.txt" | minutes-split | minutes-extract >"$t/chain.out" 2>"$t/chain.err" || fail "the installed chain: $(cat "$t/chain.err")"
	minutes-mine -q "$t/docs" >"$t/mine.out" 2>"$t/mine.err" || fail "the installed minutes-mine: $(cat "$t/mine.err")"
	minutes-extract --list-kinds >"$t/kinds" || fail "the installed --list-kinds"
) || exit 1
grep -q '^resolution	' chain.out || fail "the installed chain gives no resolution"
cmp -s chain.out mine.out || fail "the installed minutes-mine gives other records than the chain"
grep -qx declaration kinds || fail "installed kinds: $(cat kinds)"
echo ok
