#!/bin/sh
# minutes-mine incremental runs: after adding, changing and deleting
# documents, a second run processes only the new and changed ones (by
# content: a touched file is not processed), drops the records of the
# deleted one, and leaves outputs identical to a full run's.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
make_docs docs
for i in 2 3 4; do minutes_text "copy $i" "$i" >"docs/m$i.txt"; done
minutes-mine -j2 -o out docs 2>err || fail "first run: exit $? ($(cat err))"
for k in $KINDS; do sed 1d "out/$k.tsv"; done | grep -q "${TAB}docs/sub/b.md${TAB}" || fail "b.md gave no records"

# Change one, add one, delete one, touch one, and a copy of an unchanged
# document under a new name (same content: no processing needed).
minutes_text "changed" 7 >docs/m2.txt
minutes_text "added" 9 >docs/new.txt
rm docs/sub/b.md
touch docs/m3.txt
cp docs/m4.txt docs/m4-copy.txt
minutes-mine -j2 -o out docs 2>err || fail "second run: exit $? ($(cat err))"
for f in docs/m2.txt docs/new.txt; do
	[ "$(status_of out "$f")" = processed ] || fail "$f: '$(status_of out "$f")', want processed"
done
for f in docs/a.txt docs/m3.txt docs/m4.txt docs/m4-copy.txt; do
	[ "$(status_of out "$f")" = unchanged ] || fail "$f: '$(status_of out "$f")', want unchanged"
done
[ "$(status_of out docs/sub/b.md)" = removed ] || fail "b.md not logged as removed"
for k in $KINDS; do grep -q "${TAB}docs/sub/b.md${TAB}" "out/$k.tsv" && fail "records of the deleted b.md remain in $k.tsv"; done
grep -q "${TAB}docs/m4-copy.txt${TAB}" out/items.tsv out/attendance.tsv || fail "the copy got no records"
grep -q "changed" out/items.tsv || fail "the changed document's new text is missing"

# The same as a full run from nothing.
minutes-mine -j2 -o full docs 2>err || fail "full run: exit $?"
same_outputs out full
# The cache holds exactly the current documents' contents.
n=$(sed 1d out/documents.tsv | cut -f2 | sort -u | wc -l)
[ "$(ls out/.cache/*/*.tsv | wc -l)" -eq "$n" ] || fail "cache holds $(ls out/.cache/*/*.tsv | wc -l) entries for $n contents"
[ "$(ls out/.cache/*/*.meta | wc -l)" -eq "$n" ] || fail "cache holds $(ls out/.cache/*/*.meta | wc -l) quality entries for $n contents"

# Nothing changed: nothing processed, outputs byte for byte the same.
cp -R out before
minutes-mine -o out docs 2>err || fail "third run: exit $?"
[ "$(awk -F'\t' '$1 == "processed"' out/log.tsv | wc -l)" -eq 0 ] || fail "third run processed something"
same_outputs out before

# Same size, time stamp put back: still seen (by ctime, or --rehash).
cp -p docs/m3.txt m3.was
sed 's/Bowling/Bowlinx/' m3.was >docs/m3.txt
touch -r m3.was docs/m3.txt
[ "$(wc -c <docs/m3.txt)" -eq "$(wc -c <m3.was)" ] || fail "the edit changed the size"
minutes-mine -o out docs 2>err || fail "run after a same-size edit: exit $?"
[ "$(status_of out docs/m3.txt)" = processed ] || fail "a same-size edit with the old mtime was missed"
grep -q "Bowlinx" out/items.tsv || fail "the same-size edit is not in the records"
minutes-mine --rehash -o out docs 2>err || fail "--rehash: exit $?"
[ "$(awk -F'\t' '$1 == "processed"' out/log.tsv | wc -l)" -eq 0 ] || fail "--rehash processed something"
minutes-mine -o full2 docs && same_outputs out full2

# A filter that changes (here: a new rule folder) invalidates the cache.
if [ -d "$t/mm/rules" ] && [ -n "$(ls "$t/mm/rules" | grep -v README)" ]; then
	cp -R "$t/mm/rules" rules
	echo "# a comment" >>"rules/$(ls rules | grep -v README | head -n 1)"
	minutes-mine -r rules -o out docs 2>err || fail "run with -r: exit $? ($(cat err))"
	[ "$(status_of out docs/a.txt)" = processed ] || fail "changed rules did not reprocess"
fi
echo ok
