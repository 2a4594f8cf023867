#!/bin/sh
# Issue 17, bug 9: after a rule (or program) change the database follows
# the records: minutes-mine --db reloads what the new filters made, not
# only documents whose content changed.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a);" 2>/dev/null || skip "this sqlite3 has no FTS5"
cd "$t"
make_docs docs
minutes_text "second" 5 >docs/d.txt
cp -R "$t/mm/rules" myrules
minutes-mine -q -r myrules -o out --db db.sqlite docs 2>err || fail "first run: exit $? ($(cat err))"
n() { sqlite3 db.sqlite "SELECT count(*) FROM $1"; }
tsv() { sed 1d "out/$1.tsv" | wc -l; }
[ "$(n figures)" -eq "$(tsv figures)" ] && [ "$(tsv figures)" -gt 0 ] || fail "first load: $(n figures) figures, $(tsv figures) in the TSV"

# The figures rule goes: no figure records any more.
rm myrules/figures
minutes-mine -q -r myrules -o out --db db.sqlite docs 2>err || fail "run after the rule change: exit $? ($(cat err))"
[ "$(tsv figures)" -eq 0 ] || fail "figures.tsv still has records"
[ "$(n figures)" -eq 0 ] || fail "the database kept $(n figures) figures after the rule change"
# And the rule comes back.
cp "$t/mm/rules/figures" myrules/
minutes-mine -q -r myrules -o out --db db.sqlite docs 2>err || fail "run after the rule came back: exit $? ($(cat err))"
[ "$(n figures)" -eq "$(tsv figures)" ] && [ "$(tsv figures)" -gt 0 ] || fail "figures back: $(n figures) in the database, $(tsv figures) in the TSV"
# Nothing changed: nothing reloaded.
[ "$(minutes-db db.sqlite out 2>&1)" = "minutes-db: db.sqlite: up to date" ] || fail "no change: $(minutes-db db.sqlite out 2>&1)"
echo ok
