#!/bin/sh
# Issue 17, bug 5: of two identical files, the one the job would read is
# deleted mid-run (after hashing).  The failure to read it is no fault of
# the content: nothing is quarantined under the shared hash, and the copy
# that is still there gets its records (in this run, or at the latest in
# the next).
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
mkdir docs
minutes_text "twin" 1 >docs/a.txt
cp docs/a.txt docs/b.txt
minutes_text "other" 2 >docs/c.txt
make_hook hashed 'rm -f docs/a.txt'
rc=0; MM_TEST_HOOK=$t/hook minutes-mine -o out docs 2>err || rc=$?
[ $rc -le 1 ] || fail "run: exit $rc ($(cat err))"
[ "$(sed 1d out/quarantine.tsv | wc -l)" -eq 0 ] || fail "quarantined: $(cat out/quarantine.tsv)"
find out/.cache -name '*.failed' | grep -q . && fail "a failure was cached under the shared hash"
rc=0; minutes-mine -o out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "next run: exit $rc ($(cat err))"
[ "$(status_of out docs/a.txt)" = removed ] || fail "a.txt: '$(status_of out docs/a.txt)', want removed"
grep -q "${TAB}docs/b.txt${TAB}.*(twin)" out/items.tsv || fail "b.txt has no records"
minutes-mine -o full docs 2>err || fail "full run: exit $?"
same_outputs out full
echo ok
