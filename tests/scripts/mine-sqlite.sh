#!/bin/sh
# minutes-db and minutes-search: records loaded into SQLite with the COPY
# escapes undone (\n \t \\ \r round-trip), typed columns, an FTS5 index;
# an incremental load equals a fresh one and happens in one transaction;
# searches by words, kind, date, body and name.  Hand-made records first
# (exact expectations), then the real chain's.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a);" 2>/dev/null || skip "this sqlite3 has no FTS5"
cd "$t"

make_records rec
minutes-db -q db.sqlite rec || fail "load: exit $?"
q() { sqlite3 -batch db.sqlite "$1"; }
# The text as printed, escapes undone.
[ "$(q "SELECT text = 'The Board considered the dues.' || char(10) || 'A second paragraph, with a' || char(9) || 'tab, a back\\slash and it''s \"quoted\".' FROM items WHERE minute = '7'")" = 1 ] \
	|| fail "item text not unescaped: $(q "SELECT quote(text) FROM items WHERE minute = '7'")"
[ "$(q "SELECT hex(text) FROM items WHERE minute = '8'")" = "$(printf 'Repairs would cost \302\24318,000.\r\nAgreed.' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ] \
	|| fail "CR LF not unescaped: $(q "SELECT quote(text) FROM items WHERE minute = '8'")"
[ "$(q "SELECT typeof(line), typeof(value) FROM figures ORDER BY rowid")" = "integer|real
integer|integer" ] || fail "figure types: $(q "SELECT typeof(line), typeof(value) FROM figures")"
[ "$(q "SELECT \"for\", typeof(against), abstain FROM votes")" = "5|null|1" ] || fail "vote counts"
[ "$(q "SELECT count(*) FROM search")" = 8 ] || fail "search holds $(q "SELECT count(*) FROM search") rows, want 8 (3 items, 2 resolutions, 2 attendance, 1 vote; no figures)"

# Every table back out as TSV, re-escaped: the files again, byte for byte.
recdir=rec   # where the headers are read from
dump() {  # TABLE [DB]: rows in source order, as the TSV writes them
	cols=$(head -n 1 "$recdir/$1.tsv" | awk -F'\t' '{
		for (i = 1; i <= NF; i++) {
			c = "\"" $i "\""
			if ($i == "line" || $i == "page" || $i == "value" || $i == "for" || $i == "against" || $i == "abstain") e = "coalesce(CAST(" c " AS TEXT), \047\047)"
			else e = "replace(replace(replace(replace(" c ", \047\\\047, \047\\\\\047), char(9), \047\\t\047), char(10), \047\\n\047), char(13), \047\\r\047)"
			s = s (i > 1 ? " || char(9) || " : "") e
		}
		print s }')
	sqlite3 -batch "${2:-db.sqlite}" "SELECT $cols FROM \"$1\" ORDER BY source, rowid"
}
for k in items resolutions attendance figures votes; do
	dump $k >got
	sed 1d "rec/$k.tsv" >want
	cmp -s want got || { diff want got; fail "$k: the database does not give the TSV back"; }
done

# Searches (each expected line written out by hand).
S="date${TAB}body${TAB}minute${TAB}title${TAB}source:line${TAB}page${TAB}kind${TAB}snippet${TAB}section${TAB}fields"
minutes-search --db db.sqlite --kind resolution dues >got || fail "search: exit $?"
printf '%s\n%s\n' "$S" "2025-03-04${TAB}Harbour Board${TAB}7${TAB}Harbour dues${TAB}x/one.txt:15${TAB}2${TAB}resolution${TAB}That the harbour [dues] be raised by 3%${TAB}minutes${TAB}{\"part\":\"a\"}" >want
cmp -s want got || { diff want got; fail "search dues --kind resolution"; }
minutes-search --db db.sqlite --name "jane harbour" >got || fail "search --name: exit $?"
printf '%s\n%s\n' "$S" "2024-01-10${TAB}Parks Committee${TAB}${TAB}${TAB}x/two.txt:3${TAB}${TAB}attendance${TAB}Cllr Jane [Harbour]${TAB}minutes${TAB}{\"role\":\"present\",\"name\":\"Cllr Jane Harbour\",\"detail\":\"Sports lead\"}" >want
cmp -s want got || { diff want got; fail "search --name"; }
minutes-search --db db.sqlite --since 2025-01-01 --body harbour --kind item back slash >got || fail "search with filters: exit $?"
printf '%s\n%s\n' "$S" "2025-03-04${TAB}Harbour Board${TAB}7${TAB}Harbour dues${TAB}x/one.txt:12${TAB}2${TAB}item${TAB}The Board considered the dues.\\nA second paragraph, with a\\ttab, a [back]\\\\[slash] and it's \"quoted\".${TAB}minutes${TAB}{}" >want
cmp -s want got || { diff want got; fail "search back slash with filters"; }
[ "$(minutes-search --db db.sqlite harbour | sed 1d | wc -l)" -eq 4 ] || fail "search harbour: want 4 records (item 7, resolution, vote by title; attendance by name)"
[ "$(minutes-search --db db.sqlite --until 2024-12-31 harbour | sed 1d | cut -f5)" = "x/two.txt:3" ] || fail "--until"
rc=0; minutes-search --db db.sqlite nosuchword >got || rc=$?
[ $rc -eq 1 ] && [ ! -s got ] || fail "no match: exit $rc, output $(cat got)"
rc=0; minutes-search --db db.sqlite --since 2025-1-1 x 2>/dev/null || rc=$?
[ $rc -eq 2 ] || fail "bad date: exit $rc"

# Incremental: one document changed, one gone, one new.
cp -R rec rec0
sed -i 's/reopened in spring/reopened in summer/' rec/resolutions.tsv
sed -i '/x\/one.txt/d' rec/*.tsv
# (x/three.txt sorts before x/two.txt: records stay in path order)
sed -i "1a item${TAB}x/three.txt${TAB}4${TAB}${TAB}minutes${TAB}2025-06-01${TAB}Parks Committee${TAB}9${TAB}Play areas${TAB}New swings." rec/items.tsv
{
	printf 'source\tsha256\tbytes\tstatus\n'
	printf 'x/three.txt\t%064d\t70\tok\n' 3
	printf 'x/two.txt\t%064d\t51\tok\n' 4
} >rec/documents.tsv
minutes-db -q db.sqlite rec || fail "incremental load: exit $?"
minutes-db -q fresh.sqlite rec || fail "fresh load: exit $?"
for k in items resolutions attendance figures votes; do
	dump $k >a; dump $k fresh.sqlite >b; sed 1d "rec/$k.tsv" >want
	cmp -s a b && cmp -s a want || fail "$k: incremental load differs from a fresh one"
done
sq="SELECT kind, source, line, date, body, minute, title, names, text FROM search ORDER BY source, kind, line, text"
[ "$(sqlite3 db.sqlite "$sq")" = "$(sqlite3 fresh.sqlite "$sq")" ] || fail "search index differs from a fresh load's"
[ "$(sqlite3 db.sqlite "SELECT * FROM documents ORDER BY source")" = "$(sqlite3 fresh.sqlite "SELECT * FROM documents ORDER BY source")" ] || fail "documents differ"
minutes-search --db db.sqlite summer >/dev/null || fail "the changed text is not found"
rc=0; minutes-search --db db.sqlite spring >/dev/null || rc=$?
[ $rc -eq 1 ] || fail "the old text is still found"
[ "$(minutes-db db.sqlite rec 2>&1)" = "minutes-db: db.sqlite: up to date" ] || fail "nothing changed: message"

# One transaction: a load that fails half-way leaves the database as it was.
sqlite3 db.sqlite "CREATE TRIGGER boom BEFORE INSERT ON resolutions WHEN NEW.text LIKE '%explode%' BEGIN SELECT RAISE(ABORT, 'boom'); END;"
dump items >before
printf 'item\tx/four.txt\t4\t\tminutes\t2025-07-01\tParks Committee\t10\tFireworks\tA display.\n' >>rec/items.tsv
printf 'resolution\tx/four.txt\t6\t\tminutes\t2025-07-01\tParks Committee\t10\tFireworks\t\tThat the display explode on time\n' >>rec/resolutions.tsv
printf 'x/four.txt\t%064d\t10\tok\n' 5 >>rec/documents.tsv
rc=0; minutes-db -q db.sqlite rec 2>err || rc=$?
[ $rc -eq 2 ] || fail "failing load: exit $rc"
grep -q "boom" err || fail "failing load: message $(cat err)"
dump items >after
cmp -s before after || fail "a failed load changed the database"
[ "$(q "SELECT count(*) FROM documents WHERE source = 'x/four.txt'")" = 0 ] || fail "a failed load recorded a document"

# An archive with no documents: empty tables, then one document, then none.
mkdir empty
minutes-mine --allow-empty -o eout --db e.sqlite empty 2>err || fail "empty archive: exit $? ($(cat err))"
[ "$(sqlite3 e.sqlite "SELECT count(*) FROM items; SELECT count(*) FROM documents")" = "0
0" ] || fail "empty archive: rows"
make_records one
minutes-db -q e.sqlite one || fail "load after empty: exit $?"
[ "$(sqlite3 e.sqlite "SELECT count(*) FROM items")" = 3 ] || fail "load after empty: rows"
# (another folder into the same database: only with --fresh)
minutes-db -q --fresh e.sqlite eout || fail "load of nothing: exit $?"
[ "$(sqlite3 e.sqlite "SELECT count(*) FROM items; SELECT count(*) FROM search")" = "0
0" ] || fail "load of nothing: rows remain"

# The real chain's records, through minutes-mine --db.
chain_ready
make_docs docs
minutes-mine -j2 -o out --db real.sqlite docs 2>err || fail "minutes-mine --db: exit $? ($(cat err))"
recdir=out
for k in $KINDS; do
	dump $k real.sqlite >got
	sed 1d "out/$k.tsv" >want
	cmp -s want got || { diff want got | head; fail "real $k: the database does not give the TSV back"; }
done
[ "$(sqlite3 real.sqlite "SELECT count(*) FROM search WHERE source = 'docs/a.txt'")" -gt 0 ] || fail "a.txt not indexed"
minutes-search --db real.sqlite --kind resolution granted >got || fail "search the real records: exit $?"
grep -q "${TAB}docs/\(a.txt\|c.pdf\):[0-9]*${TAB}[0-9]*${TAB}resolution${TAB}.*\[granted\]" got || fail "search granted: $(cat got)"
# An incremental minutes-mine --db run equals a fresh load.
minutes_text "changed" 5 >docs/a.txt
rm docs/sub/b.md
minutes-mine -o out --db real.sqlite docs 2>err || fail "second --db run: exit $? ($(cat err))"
minutes-db -q fresh2.sqlite out || fail "fresh load of the real records"
for k in $KINDS; do
	dump $k real.sqlite >a; dump $k fresh2.sqlite >b
	cmp -s a b || fail "real $k: incremental differs from fresh"
done
# --db without -o keeps the records beside the database, in FILE.d/.
minutes-mine --db solo.sqlite docs 2>err || fail "--db without -o: exit $? ($(cat err))"
[ -f solo.sqlite.d/documents.tsv ] || fail "--db without -o: no solo.sqlite.d/"
[ "$(sqlite3 solo.sqlite "SELECT count(*) FROM documents")" -eq "$(sed 1d solo.sqlite.d/documents.tsv | wc -l)" ] || fail "--db without -o: documents"
# On a terminal, a listing with the words in bold.
if has_tty; then
	TERM=xterm script -qc "minutes-search --db real.sqlite --kind resolution granted" /dev/null >tty.out </dev/null || true
	grep -q "$(printf '\033\[1m')granted$(printf '\033\[0m')" tty.out || fail "no bold match on a terminal: $(cat -v tty.out)"
	grep -q "^  docs/c.pdf p. 1 (line [0-9]*)  (resolution)" tty.out || fail "terminal listing: $(cat -v tty.out)"
	grep -q "^  docs/a.txt:[0-9]*  (resolution)" tty.out || fail "terminal listing, no pages: $(cat -v tty.out)"
fi
echo ok
