#!/bin/sh
# Issue 15: the man pages read right in the C locale (ASCII only, no
# groff warnings), minutes-records(5) is made from doc/records.md,
# minutes-extract(1) names every kind the rules have, and each program's
# man page documents every long option its --help lists; the files
# doc/records.md points to exist.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need groff
cd "$t"
sh "$root/scripts/md2man" minutes-records 5 "records" <"$root/doc/records.md" >minutes-records.5 || fail "md2man"
for m in "$root"/man/*.1 minutes-records.5; do
	LC_ALL=C grep -n "$(printf '[\200-\377]')" "$m" >nonascii && fail "${m##*/}: bytes beyond ASCII (write groff escapes): $(head -n 3 nonascii)"
	LC_ALL=C groff -man -Tascii -ww -z "$m" 2>warn || fail "${m##*/}: groff failed: $(cat warn)"
	[ ! -s warn ] || fail "${m##*/}: groff warns in the C locale: $(head -n 3 warn)"
done
grep -q '^\.SH THE SAME RECORDS AS CSV OR JSON LINES' minutes-records.5 || fail "minutes-records(5) lacks the CSV/JSON section"
# Every file or folder of the tree that records.md names is there.
for f in $(grep -o '`\(tests\|pipeline\|rules\|doc\|scripts\|man\|bench\|corpus\)/[^` ]*`' "$root/doc/records.md" | tr -d '`' | sort -u); do
	set -- "$root"/$f
	[ -e "$1" ] || fail "doc/records.md names $f, which is not in the tree"
done
for k in $(minutes-extract --list-kinds); do
	grep -q "^\.B $k\$" "$root/man/minutes-extract.1" || fail "minutes-extract(1) does not name the kind '$k'"
done
for p in minutes-normalise minutes-split minutes-extract minutes-mine minutes-db minutes-search; do
	for o in $("$p" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u); do
		e=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
		grep -q -- "$e" "$root/man/$p.1" || fail "$p(1) does not document $o (its --help lists it)"
	done
done
echo ok
