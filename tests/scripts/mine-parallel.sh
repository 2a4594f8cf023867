#!/bin/sh
# minutes-mine -j: the same outputs, in the same order, whether documents
# run one at a time or several at once, to files and to stdout.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
make_docs docs
i=1; while [ $i -le 12 ]; do minutes_text "copy $i" "$i" >"docs/d$i.txt"; i=$((i + 1)); done
cp docs/d3.txt docs/d3-again.txt
minutes-mine -j1 -o j1 docs 2>err || fail "-j1: exit $? ($(cat err))"
minutes-mine -j2 -o j2 docs 2>err || fail "-j2: exit $? ($(cat err))"
minutes-mine -j5 -o j5 docs 2>err || fail "-j5: exit $? ($(cat err))"
[ "$(sed 1d j1/documents.tsv | wc -l)" -ge 15 ] || fail "documents missing"
same_outputs j1 j2
same_outputs j1 j5
minutes-mine -j1 docs >s1 2>err || fail "stdout -j1: exit $?"
minutes-mine -j3 docs >s3 2>err || fail "stdout -j3: exit $?"
[ -s s1 ] || fail "no records on stdout"
cmp -s s1 s3 || fail "stdout differs between -j1 and -j3"
echo ok
