#!/bin/sh
# Issue 15: `make demo | cat -v` shows no escape codes (nor with NO_COLOR
# or TERM=dumb on a terminal), and the demo never removes a folder it did
# not make: DEMO_OUT holding files of its own is refused, untouched.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
chain_ready
cd "$t"
DEMO_OUT=$t/d sh "$root/scripts/demo" >out 2>&1 || fail "demo: exit $? ($(tail -n 5 out))"
grep -q "$(printf '\033')" out && fail "escape codes into a pipe: $(cat -v out | head -n 5)"
grep -q "^Records in $t/d/records" out || fail "demo output: $(tail -n 3 out)"
DEMO_OUT=$t/d sh "$root/scripts/demo" >out 2>&1 || fail "demo again in its own folder: exit $?"
mkdir mine; echo precious >mine/thesis.txt
rc=0; DEMO_OUT=$t/mine sh "$root/scripts/demo" >out 2>&1 || rc=$?
[ $rc -eq 2 ] || fail "a folder of the user's own: exit $rc, want 2"
[ "$(ls -A mine)" = thesis.txt ] || fail "the user's folder was changed: $(ls -A mine)"
if has_tty; then
	NO_COLOR=1 TERM=xterm DEMO_OUT=$t/d script -qc "sh '$root/scripts/demo'" /dev/null >tty.out 2>&1 </dev/null || true
	# (the steps' bold: minutes-search's own colours are its test's)
	grep -q "$(printf '\033\\[1m')\\$ " tty.out && fail "NO_COLOR: bold steps"
	TERM=xterm DEMO_OUT=$t/d script -qc "sh '$root/scripts/demo'" /dev/null >tty.out 2>&1 </dev/null || true
	grep -q "$(printf '\033\\[1m')\\$ " tty.out || fail "no bold steps on a terminal"
fi
echo ok
