#!/bin/sh
# minutes-mine never leaves half-written outputs: a run killed outright
# (SIGKILL to all its processes) mid-way leaves the previous outputs byte
# for byte, and the next run completes them.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need setsid; need pdftotext; need enscript; need ps2pdf
cd "$t"
make_docs docs
i=1; while [ $i -le 6 ]; do minutes_text "doc $i" "$i" >"docs/d$i.txt"; i=$((i + 1)); done
minutes-mine -o out docs 2>err || fail "first run: exit $?"
cp -R out before

# Everything changes, and one slow document holds the run mid-way.
i=1; while [ $i -le 6 ]; do minutes_text "doc $i, revised" "$((i + 20))" >"docs/d$i.txt"; i=$((i + 1)); done
fake_pdftotext
pdf_text >slow.txt; make_pdf slow.txt docs/slow.pdf
MM_FAKE_SLEEP=5 PATH="$t/fake:$PATH" setsid minutes-mine -j4 -o out docs >/dev/null 2>err &
pid=$!
# Wait until the quick documents are done (their records in the cache).
i=0
while [ "$(ls out/.cache/*/*.tsv 2>/dev/null | wc -l)" -lt 12 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ $i -lt 100 ] || fail "the run did not get going"
kill -KILL "-$pid"
wait $pid 2>/dev/null || true
same_outputs out before
for f in log quarantine; do cmp -s "out/$f.tsv" "before/$f.tsv" || fail "$f.tsv changed"; done
ls out | sort >now.ls; ls before | sort >was.ls
cmp -s now.ls was.ls || fail "the killed run left files: $(comm -13 was.ls now.ls)"

# The next run (once the stray slow job lets go of the lock) completes.
flock -w 20 out/.lock true || fail "the lock stayed taken"
minutes-mine -o out docs 2>err || fail "run after the kill: exit $? ($(cat err))"
minutes-mine -o full docs 2>err || fail "full run: exit $?"
same_outputs out full
grep -q "revised" out/items.tsv || fail "the new content is missing"
[ ! -e out/.tmp ] || fail "scratch folder left behind"
echo ok
