#!/bin/sh
# Issue 15: minutes-mine keeps the option convention (options anywhere,
# bundles, '--', one-line usage errors, exit 2), reads lists of PATHs
# ('-', --files-from, -0), records a PATH as given (-- -v.txt), writes
# --format csv/jsonl files beside the TSVs, names the process that holds
# its lock (never the pid of a run that ended), and on a terminal redraws
# its progress line at least once a second with a sane ETA (within a
# factor of three of the time really left, from the first document done).
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
mkdir docs
minutes_text A 1 >docs/a.txt
minutes_text B 2 >docs/b.txt
minutes_text C 3 >./-v.txt

# Options after PATHs, bundled, '--'.
minutes-mine docs -q >s1 2>err || fail "docs -q: exit $? ($(cat err))"
[ ! -s err ] || fail "docs -q: stderr: $(cat err)"
minutes-mine -qj1 docs >s2 2>err || fail "-qj1: exit $? ($(cat err))"
cmp -s s1 s2 || fail "-qj1 gives other records than -q"
minutes-mine -q -- -v.txt >s3 2>err || fail "-- -v.txt: exit $? ($(cat err))"
grep -q "^item${TAB}-v.txt${TAB}" s3 || fail "-- -v.txt: source is not '-v.txt': $(cut -f2 s3 | sort -u)"

usage_err() {  # WANT-MESSAGE ARGS...
	want=$1; shift
	rc=0; minutes-mine "$@" >/dev/null 2>err </dev/null || rc=$?
	[ $rc -eq 2 ] || fail "minutes-mine $*: exit $rc, want 2"
	printf 'minutes-mine: %s\nTry '"'"'minutes-mine --help'"'"'.\n' "$want" | cmp -s - err || fail "minutes-mine $*: stderr: $(cat err)"
}
usage_err "unknown option '-x'" -qx docs
usage_err "unknown option '--colour'" --colour docs
usage_err "option '--quiet' takes no value" --quiet=yes docs
usage_err "option '-o' needs a value" docs -o
usage_err "bad -j 'two' (want a positive whole number)" -j two docs
usage_err "bad --format 'xml' (want tsv, csv or jsonl)" --format=xml docs
usage_err "--format 'csv,jsonl': the records go to stdout in one format (give -o OUTDIR for several)" --format csv,jsonl docs
usage_err "no PATH given" -q
minutes-mine -V | grep -q '^minutes-mine [0-9]' || fail "-V"
minutes-mine -h | grep -q '^usage: minutes-mine' || fail "-h"

# Lists: '-' (stdin), --files-from, -0 with a name holding a newline
# (its source field escaped, records.md).
printf 'docs/a.txt\ndocs/b.txt\n' | minutes-mine -q - >l1 2>err || fail "- : exit $? ($(cat err))"
cmp -s s1 l1 || fail "the list on stdin gives other records than the folder"
printf 'docs/a.txt\n\ndocs/b.txt\n' >list
minutes-mine -q --files-from list >l2 2>err || fail "--files-from: exit $? ($(cat err))"
cmp -s s1 l2 || fail "--files-from gives other records than the folder"
printf 'docs/a.txt\0-v.txt\0' | minutes-mine -q -0 - >l3 2>err || fail "-0 -: exit $? ($(cat err))"
grep -q "^item${TAB}-v.txt${TAB}" l3 && grep -q "^item${TAB}docs/a.txt${TAB}" l3 || fail "-0 list: $(cut -f2 l3 | sort -u)"
nlname=$(printf 'docs/odd\nname.txt')
minutes_text D 4 >"$nlname"
printf 'docs/a.txt\0%s\0' "$nlname" | minutes-mine -q -0 - >l4 2>err || fail "a listed name with a newline: exit $? ($(cat err))"
grep -q "^item${TAB}docs/odd\\\\nname.txt${TAB}" l4 || fail "a listed name with a newline: sources $(cut -f2 l4 | sort -u)"
rm -f "$nlname"
rc=0; : | minutes-mine -o out - 2>err || rc=$?
[ $rc -eq 2 ] || fail "an empty list: exit $rc, want 2"
grep -q "the list of files is empty" err || fail "an empty list: $(cat err)"
[ ! -e out ] || fail "an empty list created OUTDIR"
rc=0; minutes-mine --files-from no-such-list 2>err || rc=$?
[ $rc -eq 2 ] || fail "a missing list: exit $rc, want 2"

# --format: KIND.csv and KIND.jsonl beside the TSVs, as many rows.
minutes-mine -q -o out --format csv,jsonl docs 2>err || fail "--format csv,jsonl: exit $? ($(cat err))"
for k in $KINDS; do
	[ -f "out/$k.tsv" ] && [ -f "out/$k.csv" ] && [ -f "out/$k.jsonl" ] || fail "out/$k.{tsv,csv,jsonl} missing"
	n=$(($(wc -l <"out/$k.tsv") - 1)); j=$(wc -l <"out/$k.jsonl")
	[ "$n" -eq "$j" ] || fail "$k: $n TSV records, $j JSON lines"
done
head -n 1 out/resolutions.csv | cmp -s - "$(printf 'kind,source,line,page,section,date,body,minute,title,part,text\r\n' >h; echo h)" || fail "resolutions.csv header: $(head -n 1 out/resolutions.csv | cat -v)"
# A run without --format takes the other formats' files away.
minutes-mine -q -o out docs 2>err || fail "run without --format: exit $? ($(cat err))"
[ ! -e out/items.csv ] && [ ! -L out/items.csv ] && [ ! -L out/items.jsonl ] || fail "items.csv/.jsonl left behind"
minutes-mine -q --format jsonl docs | head -n 1 | grep -q '^{"kind":"' || fail "--format jsonl on stdout"

# The lock: a run that ended leaves no pid; a holder is named.
[ ! -s out/.lock ] || fail "out/.lock names a run that ended: $(cat out/.lock)"
bash -c 'exec 9<out/.lock; flock -s 9; sleep 4 9<&-' &
holder=$!
sleep 1
rc=0; minutes-mine -q -o out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "locked: exit $rc, want 2"
grep -q "^minutes-mine: out is in use by [a-z]* (pid $holder); not started$" err || fail "locked: $(cat err) (holder $holder)"
wait $holder

# Progress on a terminal: redrawn while a slow document runs (at least
# once a second), ETA never hours for a run of seconds.
if has_tty && command -v enscript >/dev/null 2>&1 && command -v ps2pdf >/dev/null 2>&1; then
	fake_pdftotext
	pdf_text >p.txt; make_pdf p.txt docs/slow.pdf
	MM_FAKE_SLEEP=4 PATH="$t/fake:$PATH" TERM=xterm script -qc "minutes-mine -j1 -o tty docs" /dev/null >tty.out 2>&1 </dev/null || true
	tr '\r' '\n' <tty.out | grep 'documents, .* ETA' >lines || fail "no progress line: $(cat -v tty.out)"
	n=$(grep -c '^minutes-mine: 2/3 documents' lines || true)
	[ "$n" -ge 3 ] || fail "the progress line was not redrawn each second during a 4 s document ($n times): $(cat -v lines)"
	grep 'ETA [0-9]' lines | grep -v 'ETA 0:[0-5][0-9]' && fail "an ETA of a minute or more for a run of seconds"
	TERM=dumb script -qc "minutes-mine -j1 -o tty2 docs" /dev/null >dumb.out 2>&1 </dev/null || true
	grep -q "$(printf '\033')" dumb.out && fail "TERM=dumb: escape codes: $(cat -v dumb.out)"
fi

# A sane ETA from the first documents on: six like documents of about a
# second each (-j1); script(1)'s timing log gives when each line was drawn.
# Every ETA shown once a document is done is within a factor of three
# (and a second) of the time the run then really had left, and the line
# is drawn at least once a second until the end.
if has_tty && command -v enscript >/dev/null 2>&1 && command -v ps2pdf >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
	fake_pdftotext
	mkdir eta
	for i in 1 2 3 4 5 6; do { pdf_text; echo "Page $i."; } >p$i.txt; make_pdf p$i.txt eta/slow$i.pdf; done
	MM_FAKE_SLEEP=1 PATH="$t/fake:$PATH" TERM=xterm script -q -T eta.timing -c "minutes-mine -j1 -o tty3 eta" /dev/null >eta.out 2>&1 </dev/null || true
	python3 - eta.out eta.timing <<'PY' || fail "the ETA (above)"
import re, sys
data = open(sys.argv[1], "rb").read()
at, pos, t, stamps = [], 0, 0.0, []
for l in open(sys.argv[2]):
    d, n = l.split()
    t += float(d)
    stamps.append((pos, pos + int(n), t))
    pos += int(n)
# each drawing of the line, with the time its first byte was written
shown = []
for m in re.finditer(rb"minutes-mine: (\d+)/(\d+) documents, [^,]*, ETA (\d+):(\d\d)|minutes-mine: \d+/\d+ documents, [^,]*, ETA --:--", data):
    when = next(s[2] for s in stamps if s[0] <= m.start() < s[1])
    if m.group(1):
        shown.append((when, int(m.group(1)), int(m.group(2)), int(m.group(3)) * 60 + int(m.group(4))))
if not shown:
    sys.exit("no progress line: %r" % data[:300])
end = max(w for w, k, n, e in shown if k == n)
bad = 0
for w, k, n, e in shown:
    if 1 <= k < n:
        left = end - w
        ok = left / 3 - 1 <= e <= left * 3 + 1
        print("%5.1f s  %d/%d  ETA %3d s, really %4.1f s%s" % (w, k, n, e, left, "" if ok else "  <- not sane"))
        bad += not ok
times = sorted(w for w, *_ in shown)
gaps = [b - a for a, b in zip(times, times[1:])]
if max(gaps) > 1.5:
    print("the line was not redrawn for %.1f s" % max(gaps)); bad += 1
sys.exit(bad)
PY
fi
echo ok
