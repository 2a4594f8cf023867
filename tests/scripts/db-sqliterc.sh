#!/bin/sh
# Issue 17, bug 11: a user's ~/.sqliterc (.headers on, .mode column, ...)
# changes neither what minutes-search prints nor what minutes-db loads.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a);" 2>/dev/null || skip "this sqlite3 has no FTS5"
cd "$t"
make_records rec
minutes-db -q plain.sqlite rec || fail "load without an rc: exit $?"
minutes-search --db plain.sqlite --tsv harbour >plain.out || fail "search without an rc: exit $?"
[ "$(minutes-db plain.sqlite rec 2>&1)" = "minutes-db: plain.sqlite: up to date" ] || fail "reload without an rc"

mkdir home
printf '.headers on\n.mode column\n.nullvalue NULL\n.separator |\n' >home/.sqliterc
# sqlite3 finds ~/.sqliterc through the password file, not $HOME: put
# the made-up home over the real one in a mount namespace of our own.
home=$(getent passwd "$(id -u)" | cut -d: -f6)
[ -n "$home" ] && [ -d "$home" ] || skip "no home folder for uid $(id -u)"
with_rc() { unshare -m sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' _ "$t/home" "$home" "$@"; }
with_rc true 2>/dev/null || skip "cannot make a mount namespace here (unshare -m)"
[ "$(with_rc sqlite3 :memory: 'SELECT 1 AS x' | head -n 1)" = x ] || skip "sqlite3 does not read the made-up ~/.sqliterc"
with_rc minutes-db -q rc.sqlite rec 2>err || fail "load with an rc: exit $? ($(cat err))"
again=$(with_rc minutes-db rc.sqlite rec 2>&1)
[ "$again" = "minutes-db: rc.sqlite: up to date" ] || fail "with an rc, a second load is not 'up to date': $again"
with_rc minutes-search --db rc.sqlite --tsv harbour >rc.out || fail "search with an rc: exit $?"
cmp -s plain.out rc.out || { diff plain.out rc.out | head; fail "minutes-search --tsv differs under ~/.sqliterc"; }
for t2 in items resolutions attendance figures votes documents search; do
	[ "$(sqlite3 -init /dev/null plain.sqlite "SELECT * FROM $t2")" = "$(sqlite3 -init /dev/null rc.sqlite "SELECT * FROM $t2")" ] \
		|| fail "table $t2 differs when loaded under ~/.sqliterc"
done
echo ok
