#!/bin/sh
# Issue 17, bug 6 and the database nits: minutes-db never replaces tables
# it did not make.  A database that has tables of its own and no sign of
# minutes-db is refused (exit 2, untouched); a database that holds another
# output folder's records is refused rather than emptied of them (--fresh
# replaces them on purpose); a damaged file is reported in SQLite's words.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a);" 2>/dev/null || skip "this sqlite3 has no FTS5"
cd "$t"
make_records rec

# A user's own database with tables named like ours.
sqlite3 my.sqlite "CREATE TABLE documents(title TEXT, author TEXT); INSERT INTO documents VALUES('My thesis', 'me');
	CREATE TABLE search(q TEXT); INSERT INTO search VALUES('saved search');"
sqlite3 my.sqlite .dump >my.before
rc=0; minutes-db my.sqlite rec 2>err || rc=$?
[ $rc -eq 2 ] || fail "foreign database: exit $rc, want 2"
grep -q "^minutes-db: my.sqlite: not a minutes-db database" err || fail "foreign database: message: $(cat err)"
sqlite3 my.sqlite .dump | cmp -s - my.before || fail "the user's tables were changed"
# ... even with --fresh, and through minutes-mine --db.
rc=0; minutes-db --fresh my.sqlite rec 2>err || rc=$?
[ $rc -eq 2 ] || fail "foreign database, --fresh: exit $rc, want 2"
sqlite3 my.sqlite .dump | cmp -s - my.before || fail "--fresh changed the user's tables"
# A database with an unrelated table only: refused too.
sqlite3 other.sqlite "CREATE TABLE notes(x);"
rc=0; minutes-db other.sqlite rec 2>err || rc=$?
[ $rc -eq 2 ] || fail "database with a table of its own: exit $rc, want 2"
# An empty file, or none, is fine.
: >empty.sqlite
minutes-db -q empty.sqlite rec 2>err || fail "empty database file: exit $? ($(cat err))"
minutes-db -q new.sqlite rec 2>err || fail "new database: exit $? ($(cat err))"
# A table the user adds to a minutes-db database is left alone.
sqlite3 new.sqlite "CREATE TABLE my_notes(x); INSERT INTO my_notes VALUES('keep me');"
minutes-db -q --fresh new.sqlite rec 2>err || fail "--fresh on our database: exit $? ($(cat err))"
[ "$(sqlite3 new.sqlite "SELECT x FROM my_notes")" = "keep me" ] || fail "--fresh dropped the user's table"

# Two output folders into one database: the second is refused, the first's
# rows stay.
mkdir rec2; cp rec/*.tsv rec2/
sed -i 's#x/one.txt#y/three.txt#; s#x/two.txt#y/four.txt#' rec2/*.tsv
rc=0; minutes-db new.sqlite rec2 2>err || rc=$?
[ $rc -eq 2 ] || fail "a second folder: exit $rc, want 2"
grep -q "holds the records of another output folder" err || fail "a second folder: message: $(cat err)"
[ "$(sqlite3 new.sqlite "SELECT count(*) FROM documents WHERE source LIKE 'x/%'")" = 2 ] || fail "the first folder's documents went"
minutes-db -q --fresh new.sqlite rec2 2>err || fail "--fresh with the second folder: exit $? ($(cat err))"
[ "$(sqlite3 new.sqlite "SELECT group_concat(source) FROM (SELECT source FROM documents ORDER BY source)")" = "y/four.txt,y/three.txt" ] \
	|| fail "--fresh with the second folder: documents"
# The folder moved (same records): minutes-db follows it with --fresh only.
mv rec2 rec3
rc=0; minutes-db new.sqlite rec3 2>err || rc=$?
[ $rc -eq 2 ] || fail "moved folder: exit $rc, want 2"

# A damaged database: SQLite's own words, not a guess.
head -c 4096 /dev/urandom >bad.sqlite
rc=0; minutes-db bad.sqlite rec 2>err || rc=$?
[ $rc -eq 2 ] || fail "damaged database: exit $rc, want 2"
grep -q "not a database\|malformed" err || fail "damaged database: message: $(cat err)"
grep -q "not a minutes-db database?" err && fail "damaged database: the message guesses"
echo ok
