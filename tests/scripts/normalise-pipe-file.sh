#!/bin/sh
# minutes-normalise gives the same paragraphs whether it reads a file (which
# it can seek) or a pipe (which it first copies to a temporary file), on
# long documents too: the width survey must estimate every block of 256
# lines, whatever the heap held before (a block left unestimated once made
# the two outputs differ on texts of 513 lines or more).
# The document is made up here: minutes with wrapped paragraphs, numbered
# items, running headers and footers and form feeds, over 2000 lines.
set -eu
LC_ALL=C; export LC_ALL
root=${MM_ROOT:?}
bin=$root/${MM_BIN:-bin}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM

# Pages of about 50 lines; paragraphs wrapped at a width that changes every
# few hundred lines (so the local estimate of each block matters).
awk 'BEGIN {
	split("the committee considered a report of the officer on the roads and " \
	      "footpaths of the parish and noted that the works would be done " \
	      "before the end of the year subject to the budget being agreed by " \
	      "members at their next meeting in the village hall", w, " ")
	nw = 0; for (k in w) nw++
	line = 0; page = 1; item = 1; seed = 7
	while (line < 2400) {
		width = 50 + 15 * (int(line / 300) % 3)
		if (line % 50 == 0) {
			if (line > 0) { print "Signed ........ Chairman"; printf "\f"; page++ }
			print "Lowbridge Parish Council - Minutes"; print ""; line += 2
		}
		printf "%d. Item number %d\n\n", item, item; item++; line += 2
		n = 3 + (seed % 6); out = ""
		for (s = 0; s < n * 9; s++) {
			seed = (seed * 1103515245 + 12345) % 2147483648
			word = w[1 + int(seed / 65536) % nw]
			# sentences of about eight words: a capital after a full stop
			if (s % 8 == 0) word = toupper(substr(word, 1, 1)) substr(word, 2)
			if (s % 8 == 7) word = word "."
			if (length(out) + 1 + length(word) > width) { print out; line++; out = word }
			else out = out (out == "" ? "" : " ") word
		}
		print out; print ""; line += 2
	}
}' > "$tmp/doc.txt"

lines=$(wc -l < "$tmp/doc.txt")
[ "$lines" -gt 2000 ] || { echo "FAIL: made-up document has only $lines lines"; exit 1; }

cd "$tmp"
# The whole document and a few shorter cuts of it (which block a bug would
# leave to chance, and what the heap then holds, depend on the length).
for n in 600 1000 1300 1800 2100 "$lines"; do
	head -n "$n" doc.txt > cut.txt
	"$bin/minutes-normalise" cut.txt > a
	cat cut.txt | "$bin/minutes-normalise" -s cut.txt > b
	if ! cmp -s a b; then
		echo "FAIL: pipe and file outputs differ on the first $n lines"
		diff a b | head -20
		exit 1
	fi
done
# And the joining did happen: paragraphs are fewer than the lines of text.
paras=$(wc -l < a)
[ "$paras" -gt 100 ] && [ "$paras" -lt "$((lines / 3))" ] ||
	{ echo "FAIL: $paras paragraphs from $lines lines"; exit 1; }
echo "ok: $lines lines, $paras paragraphs, pipe = file"
