#!/bin/sh
# Issue 17, nits: OUTDIR that is (or holds) a PATH is refused; the reason
# a PDF failed is pdftotext's error, not the warning it printed first;
# `minutes-mine PATH | head` with SIGPIPE ignored ends quietly.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
make_docs docs

# -o arch arch: the archive would hide itself.
rc=0; minutes-mine -o docs docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "-o docs docs: exit $rc, want 2"
grep -q "must not be PATH" err || fail "-o docs docs: message: $(cat err)"
rc=0; minutes-mine -o ./docs/ docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "-o ./docs/ docs: exit $rc, want 2"
[ ! -e docs/.cache ] || fail "a refused run wrote a cache"
# OUTDIR inside the archive is fine: it is left out of the search.
minutes-mine -o docs/out docs 2>err || fail "-o docs/out docs: exit $? ($(cat err))"

# A pdftotext that warns, then fails.
mkdir fake2
cat >fake2/pdftotext <<'EOF'
#!/bin/sh
echo "Syntax Warning: Invalid least number of objects reading page offset hints table" >&2
echo "Syntax Error: Couldn't read xref table" >&2
exit 1
EOF
chmod +x fake2/pdftotext
mkdir pdfs; printf '%%PDF-1.4 broken\n' >pdfs/x.pdf
rc=0; PATH="$t/fake2:$PATH" minutes-mine -o pout pdfs 2>err || rc=$?
[ $rc -eq 1 ] || fail "failing pdftotext: exit $rc, want 1 ($(cat err))"
case $(awk -F'\t' '$1 == "pdfs/x.pdf" { print $3 }' pout/quarantine.tsv) in
"pdftotext exited with status 1: Syntax Error: Couldn't read xref table") ;;
*) fail "reason: $(cat pout/quarantine.tsv)";;
esac

# SIGPIPE ignored (as under some job runners): no noise from a reader that
# stops early.
i=1; while [ $i -le 30 ]; do minutes_text "doc $i" "$i" >"docs/d$i.txt"; i=$((i + 1)); done
(trap '' PIPE; minutes-mine docs 2>err | head -n 1 >/dev/null)
[ ! -s err ] || fail "SIGPIPE ignored: stderr: $(cat err)"
echo ok
