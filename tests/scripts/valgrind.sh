#!/bin/sh
# valgrind memcheck over the chain: every filter, on the project's sample
# documents, must show no memory errors and no leaks (definite, indirect or
# possible), and write exactly what it writes outside valgrind.
# Skips (77) without valgrind, or under the sanitizer build (ASan and
# valgrind do not mix).
set -eu
root=${MM_ROOT:?}
bin=$root/${MM_BIN:-bin}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed"; exit 77; }
case ${MM_BIN:-bin} in *asan*) echo "valgrind skipped under the sanitizer build"; exit 77;; esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT INT TERM
docs=
for f in "$root"/corpus/*.txt "$root"/corpus/*.md "$root"/bench/seed-minutes.txt; do
	[ -f "$f" ] && docs="$docs $f"
done
vg() {	# vg NAME CMD...: memcheck, exit 99 on any error or leak
	log=$tmp/vg.$1; shift
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect,possible \
	    --show-leak-kinds=definite,indirect,possible --log-file="$log" "$@"
}
bad=0 n=0
for f in $docs; do
	b=$(basename "$f")
	"$bin/minutes-normalise" "$f" >"$tmp/n" 2>/dev/null || true
	"$bin/minutes-split" "$tmp/n" >"$tmp/s" 2>/dev/null || true
	"$bin/minutes-extract" -w "$tmp/s" >"$tmp/r" 2>/dev/null || true
	for step in "normalise $f n" "split $tmp/n s" "extract $tmp/s r"; do
		set -- $step
		n=$((n + 1))
		args=$2; [ "$1" = extract ] && args="-w $2"
		set +e
		# shellcheck disable=SC2086
		vg "$1" "$bin/minutes-$1" $args >"$tmp/vout" 2>/dev/null
		rc=$?
		set -e
		if [ "$rc" = 99 ]; then
			echo "FAIL memcheck: minutes-$1 on $b:"; head -40 "$tmp/vg.$1"; bad=1
		elif ! cmp -s "$tmp/vout" "$tmp/$3"; then
			echo "FAIL minutes-$1 on $b: output under valgrind differs"; bad=1
		else
			echo "ok minutes-$1 on $b"
		fi
	done
done
[ "$n" -gt 0 ] || { echo "no sample documents"; exit 77; }
exit $bad
