#!/bin/sh
# Issue 14, people, measured: bench/people-gold on the gold of
# ../shared/real (MM_SHARED): no two people may share a person key (no
# wrong pair of spellings), and at least 97% of the pairs of spellings of
# one person are grouped (measured: 186 of 190, 83 of the 84 people printed
# under two spellings; the one missed is a misspelt surname).
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
shared=${MM_SHARED:-$root/../shared}
[ -d "$shared/real/gold" ] || skip "no $shared/real/gold (set MM_SHARED)"
MM_SHARED=$shared sh "$root/bench/people-gold" >got 2>err || fail "bench/people-gold: exit $? ($(cat err))"
cat got
grep -q ' 0 wrong ' got || fail "two people grouped as one"
awk '/^pairs/ { r = $NF; sub(/\)$/, "", r); exit !(r + 0 >= 0.97) }' got || fail "pair recall below 0.97"
echo ok
