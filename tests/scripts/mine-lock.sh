#!/bin/sh
# minutes-mine takes a lock on OUTDIR: a second run while one is going
# refuses with a clear message and exit 2, leaving everything as it was.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
make_docs docs
minutes-mine -o out docs 2>err || fail "first run: exit $?"
cp -R out before

# A real run, held up by a slow document.
need pdftotext; need enscript; need ps2pdf
fake_pdftotext
pdf_text >slow.txt; make_pdf slow.txt docs/slow.pdf
MM_FAKE_SLEEP=20 PATH="$t/fake:$PATH" minutes-mine -o out docs >/dev/null 2>first.err &
pid=$!
i=0; while [ ! -d out/.tmp ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -d out/.tmp ] || fail "the slow run did not start"
rc=0; minutes-mine -o out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "second run: exit $rc, want 2"
grep -q "^minutes-mine: out is in use by another minutes-mine run (pid $pid); not started$" err \
	|| fail "second run's message: $(cat err)"
same_outputs out before
# The second run must not have disturbed the first: stop it cleanly.
kill -TERM $pid
rc=0; wait $pid || rc=$?
[ $rc -eq 143 ] || fail "the stopped run: exit $rc, want 143 ($(cat first.err))"
same_outputs out before
# The lock is free again straight away.
rm docs/slow.pdf
minutes-mine -o out docs 2>err || fail "run after the lock was released: exit $? ($(cat err))"
echo ok
