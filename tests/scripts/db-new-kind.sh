#!/bin/sh
# The record schema written once: a kind added in a rules folder of the
# test's own (a petition, no change to C or to the scripts) is in
# minutes-extract --schema, gets its kind file with the schema's columns
# from minutes-mine, and a table of those columns in minutes-db, its own
# columns in the search index's fields.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a);" 2>/dev/null || skip "this sqlite3 has no FTS5"
cd "$t"
cp -R "$t/mm/rules" myrules
cp "$root/tests/cases/extract-new-kind/rules/petitions" myrules/
mkdir docs
cat >docs/board.txt <<'DOC'
Minutes of a meeting of the Highways Board held on 15 January 2020.

3. Petitions.

Mrs Lee Park presented a petition of 1,204 signatures asking for a crossing on Station Road.
DOC
want="petition	kind	source	line	page	section	date	body	minute	title	organiser	signatures	subject"
minutes-extract --schema -r myrules -k petition >schema || fail "--schema: exit $?"
[ "$(cat schema)" = "$want" ] || fail "--schema printed: $(cat schema)"
minutes-mine -q -r myrules -o out --db db.sqlite docs 2>err || fail "minutes-mine: exit $? ($(cat err))"
[ "$(head -n 1 out/petitions.tsv)" = "${want#petition	}" ] || fail "petitions.tsv header: $(head -n 1 out/petitions.tsv)"
[ "$(sed 1d out/petitions.tsv | cut -f10-)" = "Mrs Lee Park	1204	a crossing on Station Road" ] \
	|| fail "petitions.tsv: $(cat out/petitions.tsv)"
cols=$(sqlite3 db.sqlite "SELECT group_concat(name, ' ') FROM pragma_table_info('petitions')")
[ "$cols" = "kind source line page section date body minute title organiser signatures subject" ] \
	|| fail "table petitions has columns: $cols"
[ "$(sqlite3 db.sqlite "SELECT organiser || '|' || signatures || '|' || typeof(line) FROM petitions")" = "Mrs Lee Park|1204|integer" ] \
	|| fail "table petitions holds: $(sqlite3 db.sqlite "SELECT * FROM petitions")"
# (a kind without a text column is not in the search index; with one, its
# own columns are its fields)
sed 's/^columns  organiser signatures subject$/columns  organiser signatures subject text/; s/(?<subject>\[^.\]+)/(?<subject>(?<text>[^.]+))/' \
	"$root/tests/cases/extract-new-kind/rules/petitions" >myrules/petitions
minutes-mine -q -r myrules -o out --db db.sqlite docs 2>err || fail "minutes-mine with text: exit $? ($(cat err))"
got=$(sqlite3 db.sqlite "SELECT fields FROM search WHERE kind = 'petition'")
[ "$got" = '{"organiser":"Mrs Lee Park","signatures":"1204","subject":"a crossing on Station Road"}' ] \
	|| fail "search fields of the petition: $got"
echo ok
