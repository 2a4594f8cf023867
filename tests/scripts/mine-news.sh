#!/bin/sh
# minutes-mine's history and news: runs.tsv gains a line per run and
# history.tsv a line per document a run added, changed, removed...;
# seen.tsv keeps when a document was first seen and last changed; new/KIND
# and removed/KIND hold exactly the records a run added and removed (a
# second run after adding two PDFs: exactly their records), an edit that
# only moves records down makes no news; documents.tsv gives each
# document's text quality and records per kind, and --status lists them;
# an unusable text is reported once.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
mkdir docs
minutes_text A 1 >docs/a.txt
markdown_text >docs/b.md
body() { sed 1d "$1"; }
header_only() { [ "$(wc -l <"$1")" -eq 1 ] || fail "$1 is not empty: $(cat "$1")"; }
records_of() {  # KINDFILE SOURCE...: the records of those sources, in order
	f=$1; shift
	for s; do awk -F'\t' -v s="$s" 'NR > 1 && $2 == s' "$f"; done
}

minutes-mine -o out docs 2>err || fail "run 1: exit $? ($(cat err))"
[ "$(body out/runs.tsv | wc -l)" -eq 1 ] || fail "runs.tsv after run 1: $(cat out/runs.tsv)"
[ "$(head -n 1 out/runs.tsv | cut -f1-6)" = "run${TAB}start${TAB}end${TAB}exit${TAB}documents${TAB}added" ] || fail "runs.tsv header: $(head -n 1 out/runs.tsv)"
[ "$(body out/runs.tsv | cut -f1,4,5,6)" = "1${TAB}0${TAB}2${TAB}2" ] || fail "runs.tsv line 1: $(body out/runs.tsv)"
[ "$(body out/history.tsv | cut -f1,3,4 | tr '\t\n' ' |')" = "1 added docs/a.txt|1 added docs/b.md|" ] || fail "history after run 1: $(cat out/history.tsv)"
for k in $KINDS; do cmp -s "out/$k.tsv" "out/new/$k.tsv" || fail "run 1: new/$k.tsv is not all of $k.tsv"; header_only "out/removed/$k.tsv"; done
first_a=$(awk -F'\t' '$1 == "docs/a.txt" { print $2 }' out/seen.tsv)
case $first_a in 20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z) ;; *) fail "seen.tsv: first_seen '$first_a'";; esac
[ "$(awk -F'\t' '$1 == "docs/a.txt" { print $6 "|" $7 }' out/documents.tsv)" = "ok|item:2 resolution:2 declaration:1 figure:3 attendance:4" ] \
	|| fail "documents.tsv quality/records of a.txt: $(grep a.txt out/documents.tsv)"

# Nothing changed: no news, a runs.tsv line, no history line.
sleep 1
minutes-mine -o out docs 2>err || fail "run 2: exit $?"
for k in $KINDS; do header_only "out/new/$k.tsv"; header_only "out/removed/$k.tsv"; done
[ "$(body out/runs.tsv | cut -f1 | tr '\n' ' ')" = "1 2 " ] || fail "runs.tsv after run 2: $(cat out/runs.tsv)"
[ "$(body out/history.tsv | wc -l)" -eq 2 ] || fail "run 2 wrote history: $(cat out/history.tsv)"
[ "$(awk -F'\t' '$1 == "docs/a.txt" { print $2 }' out/seen.tsv)" = "$first_a" ] || fail "first_seen moved"

# Two PDFs added: exactly their records are new.
if command -v enscript >/dev/null 2>&1 && command -v ps2pdf >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	pdf_text >p.txt; make_pdf p.txt docs/p1.pdf
	minutes_text P 5 | sed 's/12 February 2025/19 March 2025/' >p2.txt; make_pdf p2.txt docs/p2.pdf
	minutes-mine -o out docs 2>err || fail "run 3: exit $? ($(cat err))"
	for k in $KINDS; do
		records_of "out/$k.tsv" docs/p1.pdf docs/p2.pdf >want
		body "out/new/$k.tsv" >got
		cmp -s want got || { diff want got | head; fail "run 3: new/$k.tsv is not the two PDFs' records"; }
		header_only "out/removed/$k.tsv"
		header_only "out/reprinted/$k.tsv"
	done
	[ "$(body out/new/resolutions.tsv | wc -l)" -ge 3 ] || fail "run 3: too few new resolutions"
	[ "$(awk -F'\t' '$1 == 3 { print $3 ":" $4 }' out/history.tsv | tr '\n' ' ')" = "added:docs/p1.pdf added:docs/p2.pdf " ] || fail "history of run 3: $(cat out/history.tsv)"
	[ "$(body out/runs.tsv | awk -F'\t' '$1 == 3 { print $6, $15 }')" = "2 $(($(cat out/new/*.tsv | wc -l) - 7))" ] || fail "runs.tsv line 3: $(cat out/runs.tsv)"
fi

# The minutes printed again in the next meeting's pack: no news, their
# records are reprints (every record of that meeting; the pack's own
# agenda gives none).
{ printf 'Agenda for a meeting of the Parks and Leisure Committee to be held on\nWednesday, 12 March 2025.\n\n1. Minutes of the previous meeting.\n\n'
  cat docs/a.txt; } >docs/pack.txt
minutes-mine -o out docs 2>err || fail "run with the pack: exit $? ($(cat err))"
for k in $KINDS; do
	header_only "out/new/$k.tsv"
	records_of "out/$k.tsv" docs/pack.txt >want
	body "out/reprinted/$k.tsv" >got
	cmp -s want got || { diff want got | head; fail "reprinted/$k.tsv is not the pack's records"; }
done
[ "$(body out/reprinted/declarations.tsv | wc -l)" -eq 1 ] || fail "the pack's declaration is not a reprint"
[ "$(tail -n 1 out/runs.tsv | cut -f15-17)" = "0${TAB}0${TAB}$(($(cat out/reprinted/*.tsv | wc -l) - 7))" ] || fail "runs.tsv: $(tail -n 1 out/runs.tsv)"
rm docs/pack.txt
minutes-mine -q -o out docs 2>err || fail "run without the pack: exit $?"

# An edit that moves every record down (a line added on top) and changes
# one declaration: only that declaration is news, old and new.
{ echo "DRAFT"; echo; minutes_text A 1 | sed 's/Bowls Club/Croquet Club/'; } >docs/a.txt
minutes-mine -o out docs 2>err || fail "run 4: exit $? ($(cat err))"
[ "$(status_of out docs/a.txt)" = processed ] || fail "run 4: a.txt not processed"
[ "$(body out/new/declarations.tsv | wc -l)" -eq 1 ] && body out/new/declarations.tsv | grep -q "Croquet Club" \
	|| fail "run 4: new declarations: $(cat out/new/declarations.tsv)"
[ "$(body out/removed/declarations.tsv | wc -l)" -eq 1 ] && body out/removed/declarations.tsv | grep -q "Bowls Club" \
	|| fail "run 4: removed declarations: $(cat out/removed/declarations.tsv)"
header_only out/new/resolutions.tsv
header_only out/removed/resolutions.tsv
[ "$(awk -F'\t' '$1 == "docs/a.txt" { print $2 }' out/seen.tsv)" = "$first_a" ] || fail "first_seen moved on a change"
[ "$(awk -F'\t' '$1 == "docs/a.txt" { print $3 }' out/seen.tsv)" \> "$first_a" ] || fail "last_changed not moved on a change: $(cat out/seen.tsv)"
awk -F'\t' '$3 == "changed" && $4 == "docs/a.txt"' out/history.tsv | grep -q . || fail "history: no change of a.txt"

# A removed document: its records are in removed/, the history says so.
rm docs/b.md
minutes-mine -o out docs 2>err || fail "run 5: exit $?"
[ "$(body out/removed/resolutions.tsv | cut -f2 | sort -u)" = docs/b.md ] || fail "run 5: removed resolutions: $(cat out/removed/resolutions.tsv)"
[ "$(body out/removed/resolutions.tsv | wc -l)" -eq 2 ] || fail "run 5: b.md's 2 resolutions not all removed"
for k in $KINDS; do header_only "out/new/$k.tsv"; done
awk -F'\t' '$3 == "removed" && $4 == "docs/b.md"' out/history.tsv | grep -q . || fail "history: no removal of b.md"

# A text that is not text: its quality, no records, one message.
awk 'BEGIN { for (i = 0; i < 60; i++) print "Qxv zzkj wqpt #@~ vvbn xkcd jjrw qqzz ~~## kvzx" }' >docs/garbled.txt
minutes-mine -o out docs 2>err || fail "run 6: exit $? ($(cat err))"
grep -q "^minutes-mine: docs/garbled.txt: no usable text: garbage" err || fail "no message for the garbled text: $(cat err)"
minutes-mine --status out >status.tsv 2>err || fail "--status: exit $?"
[ "$(head -n 1 status.tsv)" = "source${TAB}state${TAB}quality${TAB}first_seen${TAB}last_changed${TAB}items${TAB}resolutions${TAB}questions${TAB}declarations${TAB}figures${TAB}votes${TAB}attendance${TAB}detail" ] \
	|| fail "--status header: $(head -n 1 status.tsv)"
grep -q "^docs/garbled.txt${TAB}ok${TAB}garbage${TAB}20[^${TAB}]*${TAB}20[^${TAB}]*${TAB}0${TAB}0${TAB}0${TAB}0${TAB}0${TAB}0${TAB}0${TAB}\$" status.tsv || fail "--status garbled: $(cat status.tsv)"
grep -q "^docs/a.txt${TAB}ok${TAB}ok${TAB}${first_a}${TAB}[^${TAB}]*${TAB}2${TAB}2${TAB}0${TAB}1${TAB}3${TAB}0${TAB}4${TAB}\$" status.tsv || fail "--status a.txt: $(cat status.tsv)"
# An image-only PDF (pages without a text layer): empty, no records.
if command -v ps2pdf >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then
	printf '%%!PS\nshowpage\nshowpage\n' | ps2pdf - docs/scan.pdf
	minutes-mine -o out docs 2>err || fail "run with a scan: exit $? ($(cat err))"
	grep -q "^minutes-mine: docs/scan.pdf: no usable text: empty" err || fail "no message for the scan: $(cat err)"
	[ "$(awk -F'\t' '$1 == "docs/scan.pdf" { print $4 "|" $6 "|" $7 }' out/documents.tsv)" = "ok|empty|" ] || fail "documents.tsv of the scan: $(grep scan out/documents.tsv)"
	awk -F'\t' '$3 == "added" && $4 == "docs/scan.pdf" && $6 ~ /no usable text: empty/' out/history.tsv | grep -q . || fail "history of the scan: $(cat out/history.tsv)"
fi
minutes-mine -o out docs 2>err || fail "run 7: exit $?"
[ -s err ] && fail "run 7 spoke: $(cat err)"
# The history grew by appending: every run's lines are still there.
[ "$(body out/runs.tsv | cut -f1 | tr '\n' ' ')" = "$(seq 1 "$(body out/runs.tsv | wc -l)" | tr '\n' ' ')" ] || fail "runs.tsv: $(cat out/runs.tsv)"
[ "$(body out/history.tsv | cut -f1 | sort -n -c 2>&1)" = "" ] || fail "history.tsv not in run order"
rc=0; minutes-mine --status nowhere >/dev/null 2>err || rc=$?
[ $rc -eq 2 ] || fail "--status of a folder without outputs: exit $rc"
echo ok
