#!/bin/sh
# Issue 17, bug 2: a folder or file that cannot be read is not "removed":
# its documents keep their records, rows and cache entries, the log says
# "unreadable", and the run exits 1.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need sqlite3
cd "$t"
make_docs docs
mkdir docs/locked
minutes_text "locked folder" 3 >docs/locked/d.txt
minutes_text "locked file" 4 >docs/e.txt
no_dac minutes-mine -o out --db db.sqlite docs 2>err || fail "first run: exit $? ($(cat err))"
cp -R out before
ls out/.cache | sort >cache.before
db() { sqlite3 db.sqlite "SELECT source, sha256, status FROM documents ORDER BY source; SELECT count(*) FROM items"; }
db >db.before

chmod 000 docs/locked docs/e.txt
rc=0; no_dac minutes-mine -o out --db db.sqlite docs 2>err || rc=$?
chmod 755 docs/locked; chmod 644 docs/e.txt
[ $rc -eq 1 ] || fail "unreadable folder and file: exit $rc, want 1 ($(cat err))"
same_outputs out before
[ "$(status_of out docs/locked/d.txt)" = unreadable ] || fail "docs/locked/d.txt: '$(status_of out docs/locked/d.txt)', want unreadable"
[ "$(status_of out docs/e.txt)" = unreadable ] || fail "docs/e.txt: '$(status_of out docs/e.txt)', want unreadable"
grep -q "docs/locked" err || fail "no message about the folder: $(cat err)"
grep -q "docs/e.txt" err || fail "no message about the file: $(cat err)"
ls out/.cache | sort >cache.now
cmp -s cache.before cache.now || fail "the cache lost entries: $(comm -23 cache.before cache.now)"
db | cmp -s - db.before || fail "the database changed"

# The whole archive folder unreadable: nothing goes either.
chmod 000 docs
rc=0; no_dac minutes-mine -o out docs 2>err || rc=$?
chmod 755 docs
[ $rc -eq 1 ] || [ $rc -eq 2 ] || fail "unreadable archive: exit $rc, want 1 or 2"
same_outputs out before

# Readable again, and one document really gone: now it is removed.
rm docs/locked/d.txt
rc=0; no_dac minutes-mine -o out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "readable again: exit $rc ($(cat err))"
[ "$(status_of out docs/locked/d.txt)" = removed ] || fail "d.txt not removed once gone"
[ "$(status_of out docs/e.txt)" = unchanged ] || fail "e.txt: '$(status_of out docs/e.txt)', want unchanged"
echo ok
