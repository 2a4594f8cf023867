#!/bin/sh
# Issue 17, bug 12: a file name that is not UTF-8 cannot be a source field
# of the records (records.md: UTF-8).  Such a file is skipped with a
# warning (exit 1), listed in log.tsv with each bad byte written \xHH;
# every output stays UTF-8.  Special files named *.txt are listed as
# skipped too (a nit of the same issue).
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
make_docs docs
minutes_text "latin" 6 >"docs/caf$(printf '\351').txt"
minutes_text "utf8" 7 >"docs/caf$(printf '\303\251').txt"
mkfifo docs/pipe.txt
rc=0; minutes-mine -o out docs 2>err </dev/null || rc=$?
[ $rc -eq 1 ] || fail "exit $rc, want 1 ($(cat err))"
for f in out/*.tsv; do
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "$f is not UTF-8"
done
grep -q "docs/caf\\\\xe9.txt" err || fail "no warning naming the file: $(cat err)"
[ "$(status_of out 'docs/caf\\xe9.txt')" = skipped ] || fail "log.tsv: $(cat out/log.tsv)"
[ "$(status_of out "docs/caf$(printf '\303\251').txt")" = processed ] || fail "the UTF-8 name was not processed"
grep -q "${TAB}docs/caf$(printf '\303\251').txt${TAB}" out/items.tsv || fail "no records for the UTF-8 name"
[ "$(status_of out docs/pipe.txt)" = skipped ] || fail "the FIFO docs/pipe.txt is not listed as skipped: $(cat out/log.tsv)"
echo ok
