#!/bin/sh
# Every record carries the page of the PDF it stands on (records.md 0.2):
# for real PDFs of ../shared/real (when present), each figure's printed
# text and each minute item's first title words must be found by
# `pdftotext -layout -f PAGE -l PAGE` on the page its record names.
# Checked over the figures and items of five PDFs (at least 20 records).
# Skips (77) without ../shared/real or pdftotext.
set -eu
root=${MM_ROOT:?}
bin=$root/${MM_BIN:-bin}
real=${MM_SHARED:-$root/../shared}/real
[ -d "$real" ] || { echo "no $real: skipped"; exit 77; }
command -v pdftotext >/dev/null 2>&1 || { echo "pdftotext not installed"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM

# Five PDFs: the longest minutes of the archive and a parish council's.
find "$real" -name '*.pdf' | grep -i 'minutes' | LC_ALL=C sort >"$tmp/all"
[ -s "$tmp/all" ] || { echo "no minutes PDFs under $real: skipped"; exit 77; }
head -n 3 "$tmp/all" >"$tmp/pick"; tail -n 2 "$tmp/all" >>"$tmp/pick"

checked=0 bad=0
while IFS= read -r pdf; do
	pdftotext -layout "$pdf" "$tmp/doc.txt"
	"$bin/minutes-normalise" "$tmp/doc.txt" | "$bin/minutes-split" |
		"$bin/minutes-extract" -k figure,item >"$tmp/rec"
	# kind, page, the words to find: a figure's text as printed, an item's
	# title (its first three words: a long title may wrap)
	awk -F'\t' '$4 != "" {
		if ($1 == "figure" && $10 != "count") print $4 "\t" $13
		else if ($1 == "item" && $9 != "") { n = split($9, w, " "); t = w[1]; for (i = 2; i <= n && i <= 3; i++) t = t " " w[i]; print $4 "\t" t }
	}' "$tmp/rec" | head -n 12 >"$tmp/want"
	while IFS="$(printf '\t')" read -r page words; do
		pdftotext -layout -f "$page" -l "$page" "$pdf" - 2>/dev/null |
			tr -s ' \n' '  ' >"$tmp/page"
		checked=$((checked + 1))
		if ! grep -qF -- "$words" "$tmp/page"; then
			bad=$((bad + 1))
			echo "$pdf: '$words' not on page $page"
		fi
	done <"$tmp/want"
done <"$tmp/pick"
echo "$checked records checked, $bad not on their page"
[ "$checked" -ge 20 ] || { echo "FAIL: too few records checked"; exit 1; }
[ "$bad" -eq 0 ]
