#!/bin/sh
# Issue 15: one option convention across the six programs: -h/--help
# (usage on stdout, exit 0), -V/--version ("PROG VERSION", the same
# version everywhere), and an unknown option, short or long, anywhere
# among the operands: one line naming it, then "Try 'PROG --help'.",
# exit 2, nothing on stdout.  A short option means the same in every
# program that has it: the "-X, --long" pairs of the six --help texts
# never give one letter two long names.
. "$MM_ROOT/tests/scripts/mine-common.inc"
cd "$t"
v=
for p in minutes-normalise minutes-split minutes-extract minutes-mine minutes-db minutes-search; do
	for h in -h --help; do
		"$p" $h >out 2>err || fail "$p $h: exit $?"
		grep -q "^usage: $p" out || fail "$p $h: no usage on stdout"
		[ ! -s err ] || fail "$p $h: stderr: $(cat err)"
	done
	for o in -V --version; do
		got=$("$p" $o) || fail "$p $o: exit $?"
		case $got in "$p "[0-9]*) ;; *) fail "$p $o: '$got'";; esac
		[ -z "$v" ] || [ "${got#* }" = "$v" ] || fail "$p $o: version ${got#* }, others $v"
		v=${got#* }
	done
	for bad in --no-such-option -Z; do
		for where in first last; do
			if [ $where = first ]; then set -- "$bad" x; else set -- x "$bad"; fi
			rc=0; "$p" "$@" >out 2>err </dev/null || rc=$?
			[ $rc -eq 2 ] || fail "$p $*: exit $rc, want 2"
			[ ! -s out ] || fail "$p $*: stdout: $(cat out)"
			printf "%s: unknown option '%s'\nTry '%s --help'.\n" "$p" "$bad" "$p" | cmp -s - err \
				|| fail "$p $*: stderr: $(cat err)"
		done
	done
done
for p in minutes-normalise minutes-split minutes-extract minutes-mine minutes-db minutes-search; do
	"$p" --help | grep -o -- '-[A-Za-z0-9], --[a-z][a-z0-9-]*' | sed "s/^/$p /"
done >pairs
[ "$(wc -l <pairs)" -ge 20 ] || fail "too few '-X, --long' pairs in the --help texts: $(cat pairs)"
awk '{ sub(/,$/, "", $2) }
	!($2 in long) { long[$2] = $3; first[$2] = $1; next }
	long[$2] != $3 { printf "%s means %s in %s but %s in %s\n", $2, long[$2], first[$2], $3, $1; bad = 1 }
	END { exit bad }' pairs >clash || fail "one letter, two meanings: $(cat clash)"
echo ok
