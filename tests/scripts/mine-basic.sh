#!/bin/sh
# minutes-mine over a folder of .txt, .md and .pdf: one TSV per kind with
# the records.md header, documents listed with their content hash, other
# files skipped and logged, records in path order, stdout mode the same
# records; options and exit codes.
. "$MM_ROOT/tests/scripts/mine-common.inc"

# Options first: these need no working filters.
minutes-mine --help >"$t/help" || fail "--help exit $?"
grep -q '^usage: minutes-mine' "$t/help" || fail "--help prints no usage"
want=$(sed -n 's/^#define MM_VERSION "\(.*\)"$/\1/p' "$root/pipeline/version.h")
[ "$(minutes-mine --version)" = "minutes-mine $want" ] || fail "--version: $(minutes-mine --version), want $want"
[ "$(minutes-search --version)" = "minutes-search $want" ] || fail "minutes-search --version"
[ "$(minutes-db --version)" = "minutes-db $want" ] || fail "minutes-db --version"
rc=0; minutes-mine --bogus x 2>"$t/err" || rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc, want 2"
rc=0; minutes-mine -j 0 x 2>"$t/err" || rc=$?
[ $rc -eq 2 ] || fail "-j 0: exit $rc, want 2"
rc=0; minutes-mine -o "$t/none" "$t/no-such-folder" 2>"$t/err" || rc=$?
[ $rc -eq 2 ] || fail "missing PATH: exit $rc, want 2"
grep -q 'no-such-folder: no such file or folder' "$t/err" || fail "missing PATH: message: $(cat "$t/err")"

chain_ready
need enscript; need ps2pdf; need pdftotext
cd "$t"
make_docs docs
minutes-mine -j2 -o out docs 2>err || fail "run: exit $? ($(cat err))"
[ ! -s err ] || fail "not a terminal, no failure, yet stderr says: $(cat err)"

# The headers, as records.md lists the columns.
c="kind${TAB}source${TAB}line${TAB}page${TAB}section${TAB}date${TAB}body${TAB}minute${TAB}title"
check_header() {
	[ "$(head -n 1 "out/$1.tsv")" = "$c${TAB}$2" ] || fail "$1.tsv header: $(head -n 1 "out/$1.tsv")"
}
check_header items "text"
check_header resolutions "part${TAB}text"
check_header questions "type${TAB}standing_order${TAB}asked_by${TAB}answered_by${TAB}question${TAB}answer"
check_header declarations "member${TAB}interest${TAB}subject${TAB}reason"
check_header figures "type${TAB}value${TAB}unit${TAB}text${TAB}context"
check_header votes "result${TAB}for${TAB}against${TAB}abstain${TAB}for_names${TAB}against_names${TAB}abstain_names${TAB}motion${TAB}check"
check_header attendance "role${TAB}name${TAB}detail"

# documents.tsv: the three documents, in path order, with their sha256,
# and the hash of the filters that made their records (the same for all).
{
	printf 'source\tsha256\tbytes\tstatus\tfilters\n'
	for f in docs/a.txt docs/c.pdf docs/sub/b.md; do
		printf '%s\t%s\t%s\tok\n' "$f" "$(sha256sum <"$f" | cut -c1-64)" "$(wc -c <"$f" | tr -d ' ')"
	done
} >want.docs
cut -f1-4 out/documents.tsv | sed '1s/$/\tfilters/' >got.docs
cmp -s want.docs got.docs || { diff -u want.docs got.docs; fail "documents.tsv"; }
[ "$(sed 1d out/documents.tsv | cut -f5 | sort -u | grep -c '^[0-9a-f]\{64\}$')" -eq 1 ] || fail "documents.tsv: filters column: $(cut -f5 out/documents.tsv)"
[ "$(status_of out docs/notes.doc)" = skipped ] || fail "notes.doc not logged as skipped"
for f in docs/a.txt docs/c.pdf docs/sub/b.md; do
	[ "$(status_of out "$f")" = processed ] || fail "$f: log says '$(status_of out "$f")'"
done

# Each file holds its own kind only, sources in path order, and each
# document gave records (the PDF through pdftotext).
for k in $KINDS; do
	kind=${k%s}; [ "$k" = attendance ] && kind=attendance
	sed 1d "out/$k.tsv" | awk -F'\t' -v k="$kind" '$1 != k { exit 1 }' || fail "$k.tsv holds another kind"
	sed 1d "out/$k.tsv" | cut -f2 | uniq >order
	sort -c order 2>/dev/null || fail "$k.tsv not in path order"
	[ "$(sort order | uniq -d)" = "" ] || fail "$k.tsv: a document's records are not together"
done
for f in docs/a.txt docs/c.pdf docs/sub/b.md; do
	n=$(cat out/*.tsv | awk -F'\t' -v s="$f" '$2 == s' | wc -l)
	[ "$n" -gt 0 ] || fail "$f gave no records"
done
grep -q "^resolution${TAB}docs/c.pdf${TAB}" out/resolutions.tsv || fail "no resolution from the PDF"
grep -q "notes.doc" out/*s.tsv out/attendance.tsv && fail "the skipped file gave records"

# On a terminal: a progress line and a summary (script(1) gives a tty).
if has_tty; then
	script -qc "minutes-mine -j2 -o tty docs" /dev/null >tty.out 2>&1 </dev/null || true
	grep -q "3/3 documents, [0-9.]* [kM]B/s, ETA [0-9]*:[0-9][0-9]" tty.out || fail "no progress line on a terminal: $(cat -v tty.out)"
	grep -q "3 documents: 3 processed, 0 unchanged, 0 removed, 0 failed, 1 skipped" tty.out || fail "no summary on a terminal: $(cat -v tty.out)"
fi

# Without -o: the same records on stdout, document by document.
minutes-mine -j2 docs >stream 2>err || fail "stdout mode: exit $? ($(cat err))"
for k in $KINDS; do sed 1d "out/$k.tsv"; done | sort >a.sorted
sort stream >b.sorted
cmp -s a.sorted b.sorted || { diff a.sorted b.sorted | head; fail "stdout records differ from the files'"; }
cut -f2 stream | uniq | sort -c || fail "stdout not in path order"
# A reader that stops early (here: at once) ends the run quietly; a full
# disk does not.
rc=$( { minutes-mine docs 2>err; echo $? >rc.txt; } | true; cat rc.txt)
[ "$rc" -eq 0 ] && [ ! -s err ] || fail "| true: exit $rc, stderr $(cat err)"
if [ -w /dev/full ]; then
	rc=0; minutes-mine docs >/dev/full 2>err || rc=$?
	[ $rc -eq 2 ] && grep -q "cannot write the records" err || fail ">/dev/full: exit $rc"
fi
[ ! -e docs/.cache ] && [ "$(ls -A docs | sort | tr '\n' ' ')" = "a.txt c.pdf notes.doc sub " ] || fail "stdout mode wrote into the archive"

# A single file as PATH, and an OUTDIR inside the archive is not read.
minutes-mine -o docs/out docs 2>err || fail "OUTDIR inside PATH: exit $?"
grep -q 'docs/out' docs/out/log.tsv && fail "OUTDIR inside PATH: its own files were listed"
minutes-mine -o one docs/a.txt || fail "single file: exit $?"
[ "$(sed 1d one/documents.tsv | cut -f1)" = docs/a.txt ] || fail "single file: documents.tsv"
# Awkward names: a space, a backslash, a TAB, a CR and a newline (each
# escaped as a TSV field, records.md), a leading dash.
mkdir odd "odd/new
line"
cp docs/a.txt "odd/with space.txt"; cp docs/a.txt 'odd/back\slash.txt'; cp docs/sub/b.md odd/-dash.md
minutes_text N 8 >"odd/new
line/x.txt"
minutes_text T 9 >"odd/tab${TAB}name.txt"
minutes_text R 10 >"odd/cr$(printf '\r')name.txt"
rc=0; minutes-mine -o oddout odd 2>err || rc=$?
[ $rc -eq 0 ] || fail "odd names: exit $rc, want 0 ($(cat err))"
printf 'odd/-dash.md\nodd/back\\\\slash.txt\nodd/cr\\rname.txt\nodd/new\\nline/x.txt\nodd/tab\\tname.txt\nodd/with space.txt\n' >want
sed 1d oddout/documents.tsv | cut -f1 >got
cmp -s want got || { diff want got; fail "odd names: documents.tsv"; }
grep -q "^item${TAB}odd/back\\\\\\\\slash.txt${TAB}" oddout/items.tsv || fail "odd names: backslash not escaped in records"
grep -q "^item${TAB}odd/new\\\\nline/x.txt${TAB}" oddout/items.tsv || fail "odd names: no records for the name with a newline"
grep -q "^item${TAB}odd/tab\\\\tname.txt${TAB}" oddout/items.tsv || fail "odd names: no records for the name with a TAB"
# Unchanged names are not read again; a changed one is (status_of takes
# awk -v escapes: a backslash written twice).
minutes_text N 11 >"odd/new
line/x.txt"
minutes-mine -o oddout odd 2>err || fail "odd names again: exit $? ($(cat err))"
[ "$(status_of oddout 'odd/new\\nline/x.txt')" = processed ] || fail "odd names again: $(cat oddout/log.tsv)"
[ "$(status_of oddout 'odd/tab\\tname.txt')" = unchanged ] || fail "odd names again: $(cat oddout/log.tsv)"
echo ok
