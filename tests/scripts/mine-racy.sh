#!/bin/sh
# Issue 17, bug 8: git's "racy clean" rule.  A file is not read again when
# its size, mtime, ctime and inode are those recorded with its hash; but a
# same-size rewrite within one timestamp tick leaves all four as they were.
# So a hash is kept for later runs only for a file whose mtime and ctime
# are older than the run's start (by more than a tick): a file changed
# "now" is read again next time.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
mkdir docs
minutes_text "old" 1 >docs/old.txt
sleep 3
minutes_text "new" 2 >docs/new.txt
minutes-mine -o out docs 2>err || fail "run: exit $? ($(cat err))"
grep -q "^docs/old.txt${TAB}" out/.cache/hashes || fail "the hash of a file untouched for 3 s was not kept"
grep -q "^docs/new.txt${TAB}" out/.cache/hashes && fail "the hash of a file written within the run's tick was kept"
# A same-size rewrite that the timestamps cannot show: taken by the next
# run all the same (its hash was not trusted).
sed 's/(new)/(wen)/' docs/new.txt >x && cat x >docs/new.txt
sleep 3
minutes-mine -o out docs 2>err || fail "second run: exit $? ($(cat err))"
grep -q "(wen)" out/items.tsv || fail "the rewrite was missed"
grep -q "^docs/new.txt${TAB}" out/.cache/hashes || fail "the hash of a settled file was not kept"
echo ok
