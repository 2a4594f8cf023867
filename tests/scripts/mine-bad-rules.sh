#!/bin/sh
# Issue 17, bug 3: a broken rule file, or a -r or MINUTES_MINE_RULES that
# does not exist, fails the run up front (exit 2, the rule error shown)
# before any output or cache entry is touched; nothing is quarantined.
# Bug 10: renaming a rule file to a name minutes-extract skips
# (declarations~) is a rule change: its records go.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
cd "$t"
make_docs docs
cp -R "$t/mm/rules" myrules
minutes-mine -r myrules -o out docs 2>err || fail "first run: exit $? ($(cat err))"
cp -R out before
ls out/.cache | sort >cache.before
unchanged() {
	same_outputs out before
	for f in log quarantine; do cmp -s "out/$f.tsv" "before/$f.tsv" || fail "$1: $f.tsv changed"; done
	ls out/.cache | sort >cache.now
	cmp -s cache.before cache.now || fail "$1: the cache changed"
}

# A rule file with a syntax error.
cp myrules/resolutions resolutions.good
printf 'rule broken\npattern /(unclosed/\n' >>myrules/resolutions
rc=0; minutes-mine -r myrules -o out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "broken rule file: exit $rc, want 2"
grep -q "myrules/resolutions" err || fail "the message does not name the rule file: $(cat err)"
unchanged "broken rule file"
cp resolutions.good myrules/resolutions

# A rule folder that is not there, by -r or by MINUTES_MINE_RULES.
rc=0; minutes-mine -r nowhere -o out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "-r nowhere: exit $rc, want 2"
unchanged "-r nowhere"
rc=0; MINUTES_MINE_RULES=$t/nowhere minutes-mine -o out docs 2>err || rc=$?
[ $rc -eq 2 ] || fail "MINUTES_MINE_RULES=nowhere: exit $rc, want 2"
grep -q "nowhere" err || fail "MINUTES_MINE_RULES=nowhere: message: $(cat err)"
unchanged "MINUTES_MINE_RULES=nowhere"
# ... and a MINUTES_MINE_RULES that is right is used.
MINUTES_MINE_RULES=$t/myrules minutes-mine -o out docs 2>err || fail "good MINUTES_MINE_RULES: exit $? ($(cat err))"
same_outputs out before

# Bug 10: a rule file renamed to a name minutes-extract skips.
[ "$(sed 1d before/declarations.tsv | wc -l)" -gt 0 ] || fail "no declaration records in the test documents"
mv myrules/declarations myrules/declarations~
minutes-mine -r myrules -o out docs 2>err || fail "run after the rename: exit $? ($(cat err))"
minutes-mine -r myrules -o full docs 2>err || fail "full run: exit $?"
same_outputs out full
[ "$(sed 1d out/declarations.tsv | wc -l)" -eq 0 ] || fail "declarations kept after their rule file was renamed away"
echo ok
