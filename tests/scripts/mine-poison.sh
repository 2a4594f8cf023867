#!/bin/sh
# Issue 17, bug 7: a file overwritten between hashing and reading must not
# store the new content's records under the old hash (an identical copy
# would carry them for ever, even with --rehash).  The records cached
# under a hash are those of bytes with that hash.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
mkdir docs
minutes_text "original" 1 >docs/a.txt
cp docs/a.txt docs/b.txt
minutes_text "Poisoned" 2 >poison.txt
make_hook hashed 'cat poison.txt >docs/a.txt'
rc=0; MM_TEST_HOOK=$t/hook minutes-mine -o out docs 2>err || rc=$?
[ $rc -le 1 ] || fail "run: exit $rc ($(cat err))"
grep "${TAB}docs/b.txt${TAB}" out/items.tsv | grep -q Poisoned && fail "b.txt carries the records of a.txt's new content"
grep -q "${TAB}docs/b.txt${TAB}.*(original)" out/items.tsv || fail "b.txt lost its records"
# Every cache entry holds the records of its own hash's content.
minutes-mine -o out docs 2>err || fail "second run: exit $? ($(cat err))"
minutes-mine --rehash -o out docs 2>err || fail "--rehash run: exit $? ($(cat err))"
minutes-mine -o full docs 2>err || fail "full run: exit $?"
same_outputs out full
grep "${TAB}docs/a.txt${TAB}" out/items.tsv | grep -q Poisoned || fail "a.txt's new content was not processed"
echo ok
