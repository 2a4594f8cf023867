#!/bin/sh
# minutes-mine on a full disk: when the records of a document no longer fit
# in OUTDIR (its scratch and cache), the fault is the disk's, not the
# document's: "OUTDIR: No space left on device", exit 2, nothing
# quarantined, and the outputs of the last good run left as they were.
# Skips (77) when a tmpfs cannot be mounted (not root, or no mount rights).
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
mkdir disk
trap 'umount "$t/disk" 2>/dev/null; rm -rf "$t"' EXIT
# (1 MiB: a generation is some 30 small files of a 4 KiB block each, and
# two generations are on the disk at the switch)
mount -t tmpfs -o size=1m tmpfs disk 2>/dev/null || skip "cannot mount a tmpfs here (needs root)"
mkdir docs
minutes_text A 1 >docs/a.txt
rc=0; minutes-mine -q -j1 -o disk/out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "first run, small document: exit $rc ($(cat err))"
[ "$(status_of disk/out docs/a.txt)" = processed ] || fail "first run: a.txt not processed"
mkdir before
cp -p disk/out/*.tsv before/
# A document whose records alone are larger than the whole disk.
i=0
while [ $i -lt 1500 ]; do minutes_text B $i; i=$((i + 1)); done >docs/big.txt
[ "$(wc -c <docs/big.txt)" -gt 300000 ] || fail "big.txt too small for the test"
rc=0; minutes-mine -q -j1 -o disk/out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "full disk: exit $rc, want 2 ($(cat err))"
grep -qx "minutes-mine: disk/out: No space left on device" err || fail "full disk: message '$(cat err)'"
grep -q "quarantined" err && fail "full disk: a document was blamed: $(cat err)"
for f in before/*.tsv; do
	cmp -s "$f" "disk/out/${f#before/}" || fail "disk/out/${f#before/} changed by the failed run"
done
find disk/out/.cache -name '*.failed' | grep -q . && fail "full disk: a document was marked failed in the cache"
[ -e disk/out/.tmp ] && fail "full disk: scratch folder left behind"
# Room again: the big document is processed, not held as quarantined.
rm docs/big.txt
i=0
while [ $i -lt 3 ]; do minutes_text B $i; i=$((i + 1)); done >docs/big.txt
rc=0; minutes-mine -q -j1 -o disk/out docs 2>err || rc=$?
[ $rc -eq 0 ] || fail "after the full disk: exit $rc ($(cat err))"
echo "full disk in OUTDIR: exit 2, no quarantine, old outputs kept"
