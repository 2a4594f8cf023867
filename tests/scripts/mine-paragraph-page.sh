#!/bin/sh
# A paragraph of a report that runs over a page break: the split stream
# says "1,143" (page 1, page 2 from byte 143); its `paragraph` record in
# paragraphs.tsv has page 1, a number as records.md has it, and the
# PostgreSQL and SQLite loads take it as one.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
mkdir docs
printf 'CABINET: 10 JUNE 2025\n\nHARBOUR WALL REPAIRS\n\nREPORT OF THE DIRECTOR OF PLACE\n\nPurpose of the Report\n\n1. This report sets out the cost of the repairs to the harbour wall after\nthe storms of the winter, and the choices the Cabinet has for paying\n\014for them over the next three years from the reserves.\n\n2. The works would start in the spring.\n' >docs/report.txt
minutes-normalise docs/report.txt | minutes-split | cut -f3 | grep -q '^1,[0-9]' || skip "the split stream gives no page offsets here"
minutes-mine -q -o out docs 2>err || fail "minutes-mine: exit $? ($(cat err))"
awk -F'\t' 'NR > 1 && $4 !~ /^[0-9]*$/ { print; bad = 1 } END { exit bad }' out/paragraphs.tsv >bad || fail "a page that is no number: $(cat bad)"
awk -F'\t' '$10 ~ /^1\. This report/ { print $4 }' out/paragraphs.tsv | grep -qx 1 || fail "the paragraph's page: $(cut -f4,10 out/paragraphs.tsv)"
awk -F'\t' '$10 ~ /^2\. The works/ { print $4 }' out/paragraphs.tsv | grep -qx 2 || fail "the next paragraph's page: $(cut -f4,10 out/paragraphs.tsv)"
echo ok
