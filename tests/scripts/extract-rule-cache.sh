#!/bin/sh
# MINUTES_EXTRACT_CACHE: the compiled rules kept between runs change
# nothing but start-up: the same records with and without the cache, with
# a fresh, a current, a stale (rules changed), a damaged and a missing
# cache folder; a current cache is not written again; a bad rule is still
# an error.
set -eu
root=${MM_ROOT:?}
bin=$root/${MM_BIN:-bin}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat "$root"/corpus/*.txt | "$bin/minutes-normalise" | "$bin/minutes-split" >"$tmp/s"
cp -R "$root/rules" "$tmp/r"
x() { "$bin/minutes-extract" -r "$tmp/r" <"$tmp/s"; }
x >"$tmp/want"
[ -s "$tmp/want" ] || fail "no records without the cache"
mkdir "$tmp/c"
MINUTES_EXTRACT_CACHE=$tmp/c x >"$tmp/got" || fail "exit $? with a fresh cache"
cmp -s "$tmp/want" "$tmp/got" || fail "a fresh cache changed the records"
set -- "$tmp"/c/rules-*.pcre2
[ $# -eq 1 ] && [ -s "$1" ] || fail "no cache file written: $*"
f=$1
ino() { ls -i "$f" | cut -d' ' -f1; }
i1=$(ino)
MINUTES_EXTRACT_CACHE=$tmp/c x >"$tmp/got" || fail "exit $? with a current cache"
cmp -s "$tmp/want" "$tmp/got" || fail "a current cache changed the records"
[ "$(ino)" = "$i1" ] || fail "a current cache was written again"
# the rules change: a kind goes, a pattern changes; the cache must not serve old codes
rm "$tmp/r/votes"
sed 's/RESOLVED/RESOLVEDX/g' "$tmp/r/resolutions" >"$tmp/r/res2" && mv "$tmp/r/res2" "$tmp/r/resolutions"
x >"$tmp/want2"
cmp -s "$tmp/want" "$tmp/want2" && fail "the changed rules give the same records: the test tests nothing"
MINUTES_EXTRACT_CACHE=$tmp/c x >"$tmp/got" || fail "exit $? with a stale cache"
cmp -s "$tmp/want2" "$tmp/got" || fail "a stale cache served old patterns"
[ "$(ino)" != "$i1" ] || fail "a stale cache was not written again"
# damaged: a byte changed in the middle, then cut short
sz=$(wc -c <"$f")
printf 'Z' | dd of="$f" bs=1 seek=$((sz / 2)) conv=notrunc 2>/dev/null
MINUTES_EXTRACT_CACHE=$tmp/c x >"$tmp/got" || fail "exit $? with a damaged cache"
cmp -s "$tmp/want2" "$tmp/got" || fail "a damaged cache changed the records"
head -c 1000 "$f" >"$tmp/short" && mv "$tmp/short" "$f"
MINUTES_EXTRACT_CACHE=$tmp/c x >"$tmp/got" || fail "exit $? with a truncated cache"
cmp -s "$tmp/want2" "$tmp/got" || fail "a truncated cache changed the records"
[ "$(wc -c <"$f")" -gt 1000 ] || fail "a truncated cache was not written again"
# a folder that is not there: no error, no file
MINUTES_EXTRACT_CACHE=$tmp/none x >"$tmp/got" || fail "exit $? with a missing cache folder"
cmp -s "$tmp/want2" "$tmp/got" || fail "a missing cache folder changed the records"
[ ! -e "$tmp/none" ] || fail "a missing cache folder was created"
# a bad rule is reported although its file's other patterns are cached
printf 'match /(unclosed/\n' >>"$tmp/r/resolutions"
set +e
MINUTES_EXTRACT_CACHE=$tmp/c "$bin/minutes-extract" -r "$tmp/r" </dev/null >/dev/null 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 2 ] || fail "a bad rule with a cache: exit $rc, not 2"
grep -q 'resolutions:[0-9]*: bad pattern' "$tmp/err" || fail "no message for the bad rule: $(cat "$tmp/err")"
echo ok
