#!/bin/sh
# Issue 17, bug 14: the outputs of a run appear as one generation.  The
# run is killed outright (SIGKILL to its process group) at every phase the
# driver goes through; each time the output files are all the old ones or
# all the new ones, never a mix; the lock is free; and the next run ends
# with the outputs of an uninterrupted run.
. "$MM_ROOT/tests/scripts/mine-common.inc"
chain_ready
need setsid
cd "$t"
mkdir docs docs/sub
i=1; while [ $i -le 4 ]; do minutes_text "doc $i" "$i" >"docs/d$i.txt"; i=$((i + 1)); done
markdown_text >docs/sub/m.md
minutes-mine -o before docs 2>err || fail "first run: exit $?"
# Everything changes: every output file differs between the generations.
i=1; while [ $i -le 4 ]; do minutes_text "doc $i, revised" "$((i + 20))" >"docs/d$i.txt"; i=$((i + 1)); done
rm docs/sub/m.md
touch -d '1 hour ago' docs/*.txt
FILES="$KINDS documents log quarantine"

# The phases, as an uninterrupted run reports them to the hook.
printf '#!/bin/sh\necho "$1" >>"%s/phases"\n' "$t" >lister; chmod +x lister
cp -R before after
MM_TEST_HOOK=$t/lister minutes-mine -o after docs 2>err || fail "uninterrupted run: exit $?"
[ "$(wc -l <phases)" -ge 6 ] || fail "the driver reports too few phases: $(cat phases)"
for f in $FILES; do
	case $f in log|quarantine) continue;; esac
	cmp -s "before/$f.tsv" "after/$f.tsv" && [ "$f" != votes ] && [ "$f" != questions ] && fail "$f.tsv is the same in both generations: the test cannot tell a mix"
done

which_gen() {  # OUTDIR: "before", "after", or the mix
	b= a=
	for f in $FILES; do
		if cmp -s "$1/$f.tsv" "before/$f.tsv"; then b="$b $f"; fi
		if cmp -s "$1/$f.tsv" "after/$f.tsv"; then a="$a $f"; fi
	done
	n=$(echo $FILES | wc -w)
	if [ "$(echo $b | wc -w)" -eq "$n" ]; then echo before
	elif [ "$(echo $a | wc -w)" -eq "$n" ]; then echo after
	else echo "mix (as before:$b; as after:$a)"; fi
}

for p in $(cat phases); do
	rm -rf out; cp -R before out
	printf '#!/bin/sh\n[ "$1" = "%s" ] || exit 0\ntouch "%s/fired"\nkill -KILL 0\n' "$p" "$t" >killer; chmod +x killer
	rm -f fired
	rc=0; MM_TEST_HOOK=$t/killer setsid minutes-mine -o out docs >/dev/null 2>err || rc=$?
	[ -e fired ] || fail "phase $p: the hook did not fire (exit $rc)"
	g=$(which_gen out)
	case $g in before|after) ;; *) fail "killed at $p: $g";; esac
	# The lock is free: the killed run's workers died with it.
	flock -w 5 out/.lock true || fail "killed at $p: the lock is still taken"
	minutes-mine -o out docs 2>err || fail "run after a kill at $p: exit $? ($(cat err))"
	for f in $KINDS documents; do
		cmp -s "out/$f.tsv" "after/$f.tsv" || fail "run after a kill at $p: $f.tsv differs from an uninterrupted run's"
	done
	ls out >ls.now; ls after >ls.after
	cmp -s ls.now ls.after || fail "run after a kill at $p: files $(diff ls.now ls.after | tr '\n' ' ')"
	echo "killed at $p: $g"
done
echo ok
