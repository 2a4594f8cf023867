#!/bin/sh
# minutes-mine's text cache: a PDF's pdftotext text is kept by the PDF's
# content hash, so that a change of rules re-runs only the chain, never
# pdftotext (a pdftotext on PATH that counts its calls shows it), with
# records identical to a run from nothing; a damaged entry is made again;
# a failed pdftotext leaves no entry; the text of PDFs that went is pruned;
# no half-written entry is ever left.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need enscript; need ps2pdf; need pdftotext
cd "$t"
real=$(command -v pdftotext)
mkdir shim
cat >shim/pdftotext <<EOF
#!/bin/sh
case " \$* " in *" -layout "*) echo "\$*" >>"$t/calls";; esac
case " \$* " in *crash*) echo "Syntax Error: made-up breakage" >&2; exit 3;; esac
exec "$real" "\$@"
EOF
chmod +x shim/pdftotext
PATH=$t/shim:$PATH; export PATH
calls() { if [ -f "$t/calls" ]; then wc -l <"$t/calls" | tr -d ' '; else echo 0; fi; }

make_docs docs
[ -f docs/c.pdf ] || fail "no PDF made"
minutes_text D 3 >d.txt; make_pdf d.txt docs/d.pdf
cp docs/d.pdf docs/d-copy.pdf          # same content: one pdftotext
cp -R "$t/mm/rules" rules
minutes-mine -j2 -r rules -o out docs 2>err || fail "first run: exit $? ($(cat err))"
[ "$(calls)" -eq 2 ] || fail "first run: pdftotext ran $(calls) times for 2 PDF contents"
grep -q "${TAB}docs/c.pdf${TAB}" out/resolutions.tsv || fail "c.pdf gave no resolution"
n=$(find out/.cache/text -name '*.txt' | wc -l)
[ "$n" -eq 2 ] || fail "text cache holds $n entries, want 2"

# A rule change: every document is processed again, pdftotext not once.
echo "# a comment" >>rules/resolutions
minutes-mine -j2 -r rules -o out docs 2>err || fail "run after a rule change: exit $? ($(cat err))"
[ "$(status_of out docs/c.pdf)" = processed ] || fail "c.pdf not processed again after the rule change"
[ "$(calls)" -eq 2 ] || fail "pdftotext ran again after a rule change ($(calls) calls)"
# ... with the records of a run from nothing (its own cache, pdftotext run).
minutes-mine -j1 -r rules -o fresh docs 2>err || fail "fresh run: exit $?"
same_outputs out fresh
[ "$(calls)" -eq 4 ] || fail "fresh run: $(calls) calls, want 4"

# A damaged entry (a byte changed) is noticed and made again.
f=$(find out/.cache/text -name "$(sed -n 's|^docs/c.pdf\t\([0-9a-f]*\)\t.*|\1|p' out/documents.tsv).*.txt")
[ -f "$f" ] || fail "no text entry for c.pdf"
sed 's/Licence/Licenxe/; s/licence/licenxe/' "$f" >x && cat x >"$f"
cmp -s x "$(find fresh/.cache/text -name "${f##*/}")" && fail "the damage did not change the entry"
echo "# another comment" >>rules/resolutions
minutes-mine -j2 -r rules -o out docs 2>err || fail "run with a damaged entry: exit $? ($(cat err))"
[ "$(calls)" -eq 5 ] || fail "damaged entry: $(calls) calls, want 5 (c.pdf again only)"
grep -q "licenxe" out/*.tsv && fail "records were made from the damaged text"
cmp -s "$f" "$(find fresh/.cache/text -name "${f##*/}")" || fail "the damaged entry was not made again"
minutes-mine -j1 -r rules -o fresh2 docs 2>err || fail "fresh run 2: exit $?"
same_outputs out fresh2

# A PDF whose pdftotext fails: quarantined, nothing cached for it.
cp docs/c.pdf docs/crash.pdf; printf '%%made-up\n' >>docs/crash.pdf
rc=0; minutes-mine -q -r rules -o out docs 2>err || rc=$?
[ $rc -eq 1 ] || fail "failing pdftotext: exit $rc, want 1"
sha=$(sed -n 's|^docs/crash.pdf\t\([0-9a-f]*\)\t.*|\1|p' out/documents.tsv)
[ -n "$sha" ] || fail "crash.pdf not in documents.tsv"
find out/.cache/text -name "$sha.*" | grep -q . && fail "a failed pdftotext left a text entry"

# The text of a PDF that went is pruned; nothing half-written stays.
rm docs/crash.pdf docs/d.pdf docs/d-copy.pdf
minutes-mine -q -r rules -o out docs 2>err || fail "run after removing PDFs: exit $? ($(cat err))"
n=$(find out/.cache/text -type f | wc -l)
[ "$n" -eq 1 ] || fail "text cache holds $n files after the PDFs went, want 1: $(find out/.cache/text -type f)"
find out/.cache -name '*tmp*' | grep -q . && fail "temporary files left in the cache"
echo ok
