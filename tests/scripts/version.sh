#!/bin/sh
# One version: every program, C or script, prints the version of
# pipeline/version.h; make stamps it into the scripts it copies to bin/.
set -eu
root=${MM_ROOT:?}
bin=$root/${MM_BIN:-bin}
v=$(sed -n 's/^#define MM_VERSION "\(.*\)"$/\1/p' "$root/pipeline/version.h")
[ -n "$v" ] || { echo "FAIL: no MM_VERSION in pipeline/version.h"; exit 1; }
for p in minutes-normalise minutes-split minutes-extract minutes-mine minutes-db minutes-search; do
	got=$("$bin/$p" --version)
	[ "$got" = "$p $v" ] || { echo "FAIL: $p --version says '$got', not '$p $v'"; exit 1; }
done
# The scripts' sources carry the mark, not a number typed a second time.
for s in "$root"/scripts/minutes-*; do
	grep -q '^version=@MM_VERSION@' "$s" || { echo "FAIL: ${s##*/}: no version=@MM_VERSION@ for make to stamp"; exit 1; }
done
echo ok
