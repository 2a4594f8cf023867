#!/bin/sh
# Issue 17, bug 1: an archive folder that is empty (a network mount that
# failed) must not make every document "removed".  minutes-mine refuses
# with exit 2 and changes nothing (outputs, database, cache); with
# --allow-empty it takes the folder as it is.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need sqlite3
cd "$t"
make_docs docs
minutes-mine -o out --db db.sqlite docs 2>err || fail "first run: exit $? ($(cat err))"
cp -R out before
ls out/.cache | sort >cache.before
rows() { sqlite3 db.sqlite "SELECT count(*) FROM documents; SELECT count(*) FROM items"; }
rows >db.before
[ "$(sed -n 2p db.before)" -gt 0 ] || fail "no items loaded"

# The mount fails: the folder is there, and empty.
mv docs docs.real; mkdir docs
rc=0; minutes-mine -o out --db db.sqlite docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "empty archive folder: exit $rc, want 2"
grep -q "^minutes-mine: docs: no documents found (a failed mount?); nothing was changed" err \
	|| fail "message: $(cat err)"
same_outputs out before
cmp -s out/log.tsv before/log.tsv || fail "log.tsv changed"
ls out/.cache | sort >cache.now
cmp -s cache.before cache.now || fail "the cache was pruned"
rows | cmp -s - db.before || fail "the database changed"

# A folder holding only empty folders is no better.
mkdir -p docs/2024/march
rc=0; minutes-mine -o out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "folder of empty folders: exit $rc, want 2"
same_outputs out before

# The user says the archive is empty now: so be it.
rc=0; minutes-mine --allow-empty -o out --db db.sqlite docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "--allow-empty: exit $rc ($(cat err))"
[ "$(sed 1d out/documents.tsv | wc -l)" -eq 0 ] || fail "--allow-empty: documents remain"
[ "$(rows)" = "0
0" ] || fail "--allow-empty: database not emptied"

# The mount comes back.
rm -r docs; mv docs.real docs
minutes-mine -o out docs 2>err || fail "after the mount came back: exit $? ($(cat err))"
same_outputs out before
echo ok
