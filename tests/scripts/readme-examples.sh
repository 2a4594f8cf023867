#!/bin/sh
# Issue 15: the README's examples run as written.  Every fenced block of
# README.md whose info string is "sh" is run, in order, by bash with
# errexit and pipefail, in one scratch folder that holds a copy of the
# made-up corpus/ twice: as corpus/ and as archive/ (the README's name for
# a user's archive); a block fails the test on a non-zero exit or on any
# output to stderr but minutes-db's summary ("DB: loaded N documents").  A block marked "sh no-test: WHY" (it installs
# packages, or needs other machines) is not run, and says so on a NOTE
# line, as does each stand-in: mail(1) is a stub that keeps the message
# (the newsroom alert).  Every fenced block must name its kind (sh, text,
# sql, crontab, ...), so that no shell example escapes the test.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3; need jq
chain_ready
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a, tokenize='porter unicode61');" 2>/dev/null || skip "this sqlite3 has no FTS5 with porter"
cd "$t"
mkdir blocks stubs run
cp -R "$root/corpus" run/corpus
cp -R "$root/corpus" run/archive
cat >stubs/mail <<'STUB'
#!/bin/sh
{ printf 'mail'; printf ' [%s]' "$@"; printf '\n'; cat; } >>"$MM_MAILBOX"
STUB
chmod +x stubs/mail
MM_MAILBOX=$t/mailbox; export MM_MAILBOX
: >"$MM_MAILBOX"

# blocks/N.sh (N: the README line of the opening fence), blocks/N.info
awk -v dir=blocks '
	/^```/ && !open { open = 1; n = NR; info = substr($0, 4); f = dir "/" n ".sh"; printf "" > f; print info > (dir "/" n ".info"); close(dir "/" n ".info"); next }
	/^```/ && open { open = 0; close(f); next }
	open { print > f }
	END { if (open) { print "README.md:" n ": a fenced block is not closed"; exit 1 } }' "$root/README.md" || fail "README.md: $(cat blocks/*.err 2>/dev/null)"
ls blocks/*.sh >/dev/null 2>&1 || fail "README.md has no fenced blocks"
ran=0 notrun=0
for f in $(ls blocks/*.sh | sort -t/ -k2 -n); do
	n=${f#blocks/}; n=${n%.sh}
	info=$(cat "blocks/$n.info")
	case $info in
	'') fail "README.md:$n: a fenced block without its kind (\`\`\`sh, \`\`\`text ...)";;
	"sh no-test: "?*) echo "NOTE README.md:$n not run: ${info#sh no-test: }"; notrun=$((notrun + 1)); continue;;
	sh|bash|shell|console) ;;
	sh*|bash*|shell*) fail "README.md:$n: '$info': a shell block is 'sh' or 'sh no-test: WHY'";;
	*) continue;;
	esac
	rc=0
	(cd run && PATH="$t/stubs:$PATH" bash -e -o pipefail "../$f") >"out.$n" 2>"err.$n" </dev/null || rc=$?
	[ $rc -eq 0 ] || fail "README.md:$n: exit $rc: $(cat "$f"; echo; head -n 5 "err.$n")"
	grep -v '^minutes-db: [^ ]*: loaded [0-9]* documents*$' "err.$n" >"err2.$n" || true
	[ ! -s "err2.$n" ] || fail "README.md:$n: wrote to stderr: $(head -n 5 "err.$n")"
	ran=$((ran + 1))
done
[ "$ran" -ge 5 ] || fail "only $ran shell examples ran"
# The examples find what the README says they find.
grep -q '^resolution	' out.* || fail "the records on stdout hold no resolution"
[ -s run/out2024/items.tsv ] || fail "the list of files (find -print0 | minutes-mine -0 -) made no records"
grep -q '^mail \[-s\] \[new declarations of interest\]' "$MM_MAILBOX" && echo "NOTE mail(1) was a stub: the alert was written to a file"
for q in 'Library closures' 'special educational needs' '"result": "carried"'; do
	grep -q "$q" out.* || fail "no example found '$q': $(cat out.*)"
done
echo "NOTE $ran README examples ran, $notrun not run (above)"
echo ok
