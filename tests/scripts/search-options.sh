#!/bin/sh
# Issue 15: minutes-search's short options (-d -k -b -n -q, bundled, with
# the value attached or not, after the words) do what their long forms
# do; --color=auto|always|never, NO_COLOR and TERM=dumb decide whether
# the listing has escape codes; the TSV and JSON never have them; bad
# values are one-line usage errors.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a, tokenize='porter unicode61');" 2>/dev/null || skip "this sqlite3 has no FTS5 with porter"
cd "$t"
make_records rec
minutes-db -q db.sqlite rec || fail "load: exit $?"
ESC=$(printf '\033')

# Short and long forms give the same records.
minutes-search --db db.sqlite --kind resolution --body harbour --limit 1 --tsv dues >long.out || fail "long options: exit $?"
for args in "-d db.sqlite -k resolution -b harbour -n 1 --tsv dues" \
	"-ddb.sqlite -kresolution -bharbour -n1 --tsv dues" \
	"dues --tsv -n1 -d db.sqlite -b harbour -k resolution" \
	"-d db.sqlite --tsv -bharbour -n 1 -k resolution -- dues"; do
	minutes-search $args >short.out 2>err || fail "$args: exit $? ($(cat err))"
	cmp -s long.out short.out || fail "$args: not what the long options give: $(cat short.out)"
done
[ "$(sed 1d long.out | cut -f7)" = resolution ] || fail "-k resolution: $(cat long.out)"
MINUTES_DB=db.sqlite minutes-search -qk resolution dues >out 2>err || fail "-qk: exit $? ($(cat err))"
[ ! -s out ] && [ ! -s err ] || fail "-q printed: $(cat out err)"
rc=0; minutes-search -q -d db.sqlite nosuchwordanywhere >out 2>&1 || rc=$?
[ $rc -eq 1 ] && [ ! -s out ] || fail "-q, nothing found: exit $rc, $(cat out)"

usage_err() {  # WANT-MESSAGE ARGS...
	want=$1; shift
	rc=0; minutes-search "$@" >out 2>err </dev/null || rc=$?
	[ $rc -eq 2 ] || fail "minutes-search $*: exit $rc, want 2"
	[ ! -s out ] || fail "minutes-search $*: stdout: $(cat out)"
	printf "minutes-search: %s\nTry 'minutes-search --help'.\n" "$want" | cmp -s - err || fail "minutes-search $*: stderr: $(cat err)"
}
usage_err "bad --color 'sometimes' (want auto, always or never)" -d db.sqlite --color=sometimes dues
usage_err "option '-k' needs a value" -d db.sqlite dues -k
usage_err "option '--tsv' takes no value" -d db.sqlite --tsv=yes dues
usage_err "unknown option '-x'" -d db.sqlite -qx dues
usage_err "bad --limit 'ten'" -d db.sqlite -n ten dues

# Colour.  Into a pipe: TSV, no escapes, whatever --color says but always
# (the listing, in colour: for less -R); never: the listing a terminal
# gets, with [ ] for the matched words.
minutes-search -d db.sqlite dues >pipe.out || fail "pipe: exit $?"
grep -q "$ESC" pipe.out && fail "escape codes into a pipe"
head -n 1 pipe.out | grep -q '^date	body	' || fail "into a pipe: not TSV: $(head -n 1 pipe.out)"
minutes-search -d db.sqlite --color=always dues >always.out || fail "--color=always: exit $?"
grep -q "${ESC}\\[1mdues${ESC}\\[0m" always.out || fail "--color=always: no bold match: $(cat -v always.out)"
grep -q '^  x/one.txt p. 2 (line 15)  (resolution)$' always.out || fail "--color=always: not the listing: $(cat -v always.out)"
NO_COLOR=1 minutes-search -d db.sqlite --color=always dues | cmp -s - always.out || fail "--color=always gives way to NO_COLOR"
for c in "--color=always --tsv" "--color=always --json"; do
	minutes-search -d db.sqlite $c dues >o || fail "$c: exit $?"
	grep -q "$ESC" o && fail "$c: escape codes in TSV or JSON"
done
minutes-search -d db.sqlite --color=never dues >never.out || fail "--color=never: exit $?"
cmp -s never.out pipe.out || fail "--color=never into a pipe is not the TSV"
if has_tty; then
	tty() {  # OUT 'VAR=VALUE...' [OPTION]
		script -qc "env $2 minutes-search -d db.sqlite ${3:-} dues" /dev/null </dev/null >"$1" || fail "on a terminal ($2 ${3:-}): exit $?"
		tr -d '\r' <"$1" >"$1.x"; mv "$1.x" "$1"
	}
	tty c1 TERM=xterm
	grep -q "${ESC}\\[1mdues${ESC}\\[0m" c1 || fail "a terminal: no bold: $(cat -v c1)"
	cmp -s c1 always.out || fail "a terminal and --color=always differ: $(cat -v c1)"
	tty c2 "TERM=xterm NO_COLOR=1"
	tty c3 TERM=dumb
	tty c4 TERM=xterm --color=never
	tty c5 TERM=dumb --color
	tty c6 "TERM=xterm NO_COLOR=" --color=auto
	for o in c2 c3 c4 c5; do
		grep -q "$ESC" $o && fail "$o: escape codes with NO_COLOR, TERM=dumb or --color=never: $(cat -v $o)"
		grep -q '\[dues\]' $o || fail "$o: the match is not marked [ ]: $(cat $o)"
		grep -q '^  x/one.txt p. 2 (line 15)  (resolution)$' $o || fail "$o: not the listing: $(cat $o)"
	done
	grep -q "${ESC}\\[1mdues" c6 || fail "an empty NO_COLOR turned colour off"
	tty c7 TERM=xterm --color=always
	tty c8 "TERM=dumb NO_COLOR=1" --color=always
	cmp -s c7 c8 && cmp -s c7 c1 || fail "--color=always on a terminal: $(cat -v c8)"
fi
echo ok
