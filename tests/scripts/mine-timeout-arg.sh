#!/bin/sh
# Issue 17, bug 4: --timeout takes a positive number of seconds (with an
# optional s, m, h or d, as timeout(1) has it); anything else is a usage
# error (exit 2) before any document is run or quarantined.  Likewise a
# program of the chain that cannot be run (exit 126 or 127) is trouble
# (exit 2), not the document's failure: nothing is quarantined, so nothing
# sticks once the program is back.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
make_docs docs
for bad in 1.2.3 . 5x 0 0.0 -1 '' 1e3 ' 5' 2mm; do
	rc=0; minutes-mine --timeout "$bad" -o out docs 2>err || rc=$?
	[ $rc -eq 2 ] || fail "--timeout '$bad': exit $rc, want 2"
	grep -q "^minutes-mine: bad --timeout" err || fail "--timeout '$bad': message: $(cat err)"
	[ ! -e out/quarantine.tsv ] || fail "--timeout '$bad': documents were run"
done
for good in 300 1.5 2m 0.5s; do
	rc=0; minutes-mine --timeout "$good" -o out docs 2>err || rc=$?
	[ $rc -eq 0 ] || fail "--timeout '$good': exit $rc ($(cat err))"
	[ "$(sed 1d out/quarantine.tsv | wc -l)" -eq 0 ] || fail "--timeout '$good': quarantined $(cat out/quarantine.tsv)"
done
# pdftotext that cannot be run: the PDF is not quarantined.
need pdftotext; need enscript; need ps2pdf
pdf_text >x.txt; make_pdf x.txt docs/p.pdf
mkdir broken; printf '#!/nonexistent/interpreter\n' >broken/pdftotext; chmod 755 broken/pdftotext
rc=0; PATH="$t/broken:$PATH" minutes-mine -o out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "pdftotext not executable: exit $rc, want 2 ($(cat err))"
grep -q "pdftotext cannot be run" err || fail "pdftotext not executable: message: $(cat err)"
[ "$(sed 1d out/quarantine.tsv | wc -l)" -eq 0 ] || fail "pdftotext not executable: quarantined $(cat out/quarantine.tsv)"
find out/.cache -name '*.failed' | grep -q . && fail "pdftotext not executable: a failure was cached"
minutes-mine -o out docs 2>err || fail "pdftotext back: exit $? ($(cat err))"
[ "$(status_of out docs/p.pdf)" = processed ] || fail "p.pdf: '$(status_of out docs/p.pdf)', want processed"
# A timeout set too short does not stick: a longer --timeout tries the
# documents that timed out again.
rm docs/p.pdf
fake_pdftotext
make_pdf x.txt docs/slow.pdf
rc=0; MM_FAKE_SLEEP=3 PATH="$t/fake:$PATH" minutes-mine --timeout 1 -o out docs 2>err || rc=$?
[ $rc -eq 1 ] || fail "--timeout 1: exit $rc, want 1"
[ "$(status_of out docs/slow.pdf)" = failed ] || fail "--timeout 1: slow.pdf '$(status_of out docs/slow.pdf)', want failed"
rc=0; MM_FAKE_SLEEP=3 PATH="$t/fake:$PATH" minutes-mine --timeout 1 -o out docs 2>err || rc=$?
[ "$(status_of out docs/slow.pdf)" = quarantined ] || fail "same --timeout again: slow.pdf '$(status_of out docs/slow.pdf)', want quarantined"
rc=0; MM_FAKE_SLEEP=3 PATH="$t/fake:$PATH" minutes-mine --timeout 0.5m -o out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "--timeout 0.5m: exit $rc, want 0 ($(cat err))"
[ "$(status_of out docs/slow.pdf)" = processed ] || fail "--timeout 0.5m: slow.pdf '$(status_of out docs/slow.pdf)', want processed"
echo ok
