#!/bin/sh
# Issue 15: minutes-db keeps the option convention: options after DB and
# OUTDIR, '--', -h/-V, one-line usage errors with "Try 'minutes-db
# --help'." and exit 2.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a);" 2>/dev/null || skip "this sqlite3 has no FTS5"
cd "$t"
make_records rec
minutes-db a.sqlite rec -q 2>err || fail "DB OUTDIR -q: exit $? ($(cat err))"
[ ! -s err ] || fail "DB OUTDIR -q: stderr: $(cat err)"
[ "$(sqlite3 a.sqlite 'SELECT count(*) FROM items')" -eq 3 ] || fail "DB OUTDIR -q: items not loaded"
minutes-db --quiet -- b.sqlite rec 2>err || fail "-- DB OUTDIR: exit $? ($(cat err))"
minutes-db -V | grep -q '^minutes-db [0-9]' || fail "-V"
minutes-db -h | grep -q '^usage: minutes-db' || fail "-h"
usage_err() {  # WANT-MESSAGE ARGS...
	want=$1; shift
	rc=0; minutes-db "$@" >/dev/null 2>err </dev/null || rc=$?
	[ $rc -eq 2 ] || fail "minutes-db $*: exit $rc, want 2"
	printf 'minutes-db: %s\nTry '"'"'minutes-db --help'"'"'.\n' "$want" | cmp -s - err || fail "minutes-db $*: stderr: $(cat err)"
}
usage_err "unknown option '--bogus'" a.sqlite rec --bogus
usage_err "give DB and OUTDIR" a.sqlite
usage_err "--psql takes one OUTDIR" --psql
echo ok
