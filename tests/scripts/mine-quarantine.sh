#!/bin/sh
# minutes-mine quarantines a document that makes the chain fail, crash or
# time out: the others are processed, the run exits 1, quarantine.tsv and
# the log say why, and later runs do not retry it until it changes, nor
# report it again (exit 0; -v and --status list it).
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need pdftotext; need enscript; need ps2pdf
cd "$t"
make_docs docs
printf 'this is not a PDF\n' >docs/broken.pdf
pdf_text >x.txt
make_pdf x.txt docs/crash.pdf
make_pdf x.txt docs/slow.pdf
fake_pdftotext
start=$(date +%s)
rc=0; MM_FAKE_SLEEP=60 PATH="$t/fake:$PATH" minutes-mine -j2 --timeout 2 -o out docs 2>err || rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1 ($(cat err))"
[ $(( $(date +%s) - start )) -lt 30 ] || fail "the timeout did not stop the slow document"
for f in docs/a.txt docs/c.pdf docs/sub/b.md; do
	[ "$(status_of out "$f")" = processed ] || fail "$f: '$(status_of out "$f")', want processed"
done
reason() { awk -F'\t' -v s="$1" '$1 == s { print $3 }' out/quarantine.tsv; }
case $(reason docs/broken.pdf) in "pdftotext exited with status 1"*) ;; *) fail "broken.pdf: reason '$(reason docs/broken.pdf)'";; esac
case $(reason docs/crash.pdf) in "pdftotext killed by signal SEGV"*) ;; *) fail "crash.pdf: reason '$(reason docs/crash.pdf)'";; esac
[ "$(reason docs/slow.pdf)" = "timed out after 2s" ] || fail "slow.pdf: reason '$(reason docs/slow.pdf)'"
[ "$(sed 1d out/quarantine.tsv | wc -l)" -eq 3 ] || fail "quarantine.tsv: $(cat out/quarantine.tsv)"
grep -q "^minutes-mine: docs/broken.pdf: failed, quarantined: pdftotext exited with status 1" err || fail "no error line for broken.pdf: $(cat err)"
cat out/items.tsv out/resolutions.tsv | grep -q "${TAB}docs/\(broken\|crash\|slow\).pdf${TAB}" && fail "records of a failed document"
[ "$(awk -F'\t' '$1 == "docs/slow.pdf" { print $4 }' out/documents.tsv)" = failed ] || fail "documents.tsv: slow.pdf not failed"
sleep 0.5
# (the pattern is written so that grep's own command line does not match)
for c in /proc/[0-9]*/cmdline; do { tr '\0' ' ' <"$c"; } 2>/dev/null; echo; done | grep -q "$t/fak[e]/pdftotext" \
	&& fail "the timed-out job is still running"

# Not retried while unchanged (the slow one would take 60 s) (with the
# same --timeout: a longer one would try it again); reported once: the
# next night is quiet and exits 0, -v and --status still show it.
start=$(date +%s)
rc=0; MM_FAKE_SLEEP=60 PATH="$t/fake:$PATH" minutes-mine --timeout 2 -o out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "second run: exit $rc, want 0 (the failures were reported last night): $(cat err)"
[ -s err ] && fail "second run printed: $(cat err)"
[ $(( $(date +%s) - start )) -lt 20 ] || fail "a quarantined document was retried"
[ "$(status_of out docs/slow.pdf)" = quarantined ] || fail "slow.pdf: '$(status_of out docs/slow.pdf)', want quarantined"
rc=0; MM_FAKE_SLEEP=60 PATH="$t/fake:$PATH" minutes-mine -v --timeout 2 -o out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "-v run: exit $rc, want 0"
grep -q "docs/slow.pdf: quarantined (earlier run): timed out" err || fail "-v run's message: $(cat err)"
minutes-mine --status out >status.tsv || fail "--status: exit $?"
grep -q "^docs/slow.pdf${TAB}quarantined${TAB}.*${TAB}timed out after 2s\$" status.tsv || fail "--status: $(cat status.tsv)"
# The same bad content under a new name is news: reported, exit 1.
cp docs/broken.pdf docs/broken-again.pdf
rc=0; MM_FAKE_SLEEP=60 PATH="$t/fake:$PATH" minutes-mine --timeout 2 -o out docs 2>err || rc=$?
[ $rc -eq 1 ] || fail "bad content under a new name: exit $rc, want 1"
grep -q "docs/broken-again.pdf: quarantined (earlier run): pdftotext exited" err || fail "new name's message: $(cat err)"
grep -q "docs/slow.pdf" err && fail "slow.pdf reported again: $(cat err)"
rm docs/broken-again.pdf

# --retry tries again: with a quick pdftotext the slow one now passes.
rm docs/broken.pdf docs/crash.pdf
rc=0; MM_FAKE_SLEEP=0 PATH="$t/fake:$PATH" minutes-mine --retry -o out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "--retry: exit $rc ($(cat err))"
[ "$(status_of out docs/slow.pdf)" = processed ] || fail "--retry did not process slow.pdf"
[ "$(sed 1d out/quarantine.tsv | wc -l)" -eq 0 ] || fail "quarantine.tsv not emptied"
[ "$(status_of out docs/broken.pdf)" = removed ] || fail "broken.pdf not removed"
echo ok
