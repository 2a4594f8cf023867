#!/bin/sh
# Issue 17, bug 14: kill -9 of the run's process group (timeout -s KILL,
# kill -9 %1) stops the whole run: no worker, xargs or filter goes on as
# an orphan, the lock is free at once, and a rerun is not refused.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need pdftotext; need enscript; need ps2pdf
cd "$t"
make_docs docs
fake_pdftotext
pdf_text >x.txt
for i in 1 2 3 4; do make_pdf x.txt "docs/slow$i.pdf"; done
# Every process of the run carries MM_TEST_MARK in its environment.
mark=mm-kill-group-$$
alive() {
	for e in /proc/[0-9]*/environ; do
		tr '\0' '\n' <"$e" 2>/dev/null | grep -qx "MM_TEST_MARK=$mark" && echo "${e%/environ}"
	done
	return 0
}
rc=0
MM_TEST_MARK=$mark MM_FAKE_SLEEP=60 PATH="$t/fake:$PATH" timeout -s KILL 3 minutes-mine -j2 -o out docs >/dev/null 2>err || rc=$?
[ $rc -eq 137 ] || fail "the run was not killed (exit $rc): $(cat err)"
i=0
while [ -n "$(alive)" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
left=$(alive)
[ -z "$left" ] || fail "processes of the killed run still alive: $(for p in $left; do tr '\0' ' ' <"$p/cmdline"; echo; done)"
flock -n out/.lock true || fail "the lock is still held"
rm docs/slow*.pdf
minutes-mine -o out docs 2>err || fail "rerun: exit $? ($(cat err))"

# The lock names a dead holder: the message says so, and a rerun waits
# for stragglers rather than naming a dead pid as the user.
echo 999999 >out/.lock
minutes-mine -o out docs 2>err || fail "run with a stale pid in the lock file: exit $? ($(cat err))"
echo ok
