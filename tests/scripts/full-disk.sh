#!/bin/sh
# A full disk: each filter writing to a file on a tiny tmpfs must fail
# with "write error ...: No space left on device" and exit 2, not stop
# quietly with a truncated output.  (/dev/full on stdout is in the
# bad-* cases; this is a real file system filling up mid-stream.)
# Skips (77) when a tmpfs cannot be mounted (not root, or no mount rights).
set -eu
root=${MM_ROOT:?}
bin=$root/${MM_BIN:-bin}
tmp=$(mktemp -d)
disk=$tmp/disk
mkdir "$disk"
cleanup() { umount "$disk" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
if ! mount -t tmpfs -o size=256k tmpfs "$disk" 2>/dev/null; then
	echo "cannot mount a tmpfs here (needs root)"; exit 77
fi
bad=0
fail() { echo "FAIL: $*"; bad=1; }

# A document whose every stage writes more than the disk holds.
doc=$tmp/doc.txt
i=0
while [ $i -lt 400 ]; do
	sed "s/Penrose/Penrose$i/; s/11 June 2025/1$((i % 9)) June 2025/" "$root/bench/seed-minutes.txt"
	i=$((i + 1))
done >"$doc"
"$bin/minutes-normalise" "$doc" >"$tmp/n"
"$bin/minutes-split" "$tmp/n" >"$tmp/s"

for step in "normalise $doc" "split $tmp/n" "extract $tmp/s"; do
	set -- $step
	rm -f "$disk"/*
	set +e
	"$bin/minutes-$1" "$2" >"$disk/out" 2>"$tmp/err"
	rc=$?
	set -e
	[ "$rc" = 2 ] || fail "minutes-$1 to a full disk: exit $rc, expected 2"
	grep -q "^minutes-$1: .*No space left on device" "$tmp/err" ||
		fail "minutes-$1 to a full disk: no message naming the space: $(head -3 "$tmp/err")"
done
rm -f "$disk"/*

[ $bad = 0 ] && echo "full disk: every filter fails loudly"
exit $bad
