#!/bin/sh
# Issue 15: search worth the name.  The made-up archive of tests/search
# goes through minutes-mine --db; each query of tests/search/queries.txt
# must find exactly the records written there (recall and precision 1),
# covering stemming, prefixes, OR, NOT, NEAR, phrases, kind filters, date
# sort, dates, bodies and people.  Prints recall and precision over all
# queries.  Then the errors: a query FTS5 cannot read, an unknown kind.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a, tokenize='porter unicode61');" 2>/dev/null || skip "this sqlite3 has no FTS5 with porter"
chain_ready
cd "$t"
cp -R "$root/tests/search/archive" archive
minutes-mine -q -o out --db db.sqlite archive 2>err || fail "minutes-mine --db: exit $? ($(cat err))"
d=archive/harbourside
bad=0 want_n=0 got_n=0 hit_n=0 nq=0
while IFS= read -r l; do
	case $l in ''|'#'*) continue;; esac
	want=${l%% | *} args=${l#* | }
	ordered=; case $want in =*) ordered=1; want=${want#=};; esac
	nq=$((nq + 1))
	# (plural and any case: minutes-extract --list-kinds reads kinds)
	case $args in *--kind*[A-Z]*|*--kind*s,*)
		minutes-extract --list-kinds >/dev/null 2>&1 || { echo "query $nq: skipped (this minutes-extract has no --list-kinds)"; continue; };;
	esac
	eval "set -- $args"
	rc=0
	minutes-search --db db.sqlite --tsv "$@" >out.tsv 2>err || rc=$?
	[ $rc -le 1 ] || { echo "query $nq ($args): exit $rc: $(cat err)"; bad=1; continue; }
	# got: KIND:DOC:LINE in result order
	got=$(sed 1d out.tsv | awk -F'\t' -v d="$d/" '{
		n = split($5, a, ":"); s = substr($5, 1, length($5) - length(a[n]) - 1)
		sub("^" d, "", s)
		doc = s ~ /^cabinet-2025-03-04/ ? "C" : s ~ /^cabinet-2025-06-10/ ? "P" : s ~ /^council-2024-11-20/ ? "N" : s
		printf "%s%s:%s:%s", (NR > 1 ? " " : ""), $7, doc, a[n] }')
	w=$(printf '%s\n' $want | sort); g=$(printf '%s\n' $got | sort)
	set -- $(printf '%s\n' $want | sort -u | wc -l) $(printf '%s\n' $got | grep -c . || true) \
		$(printf '%s\n' $want $got | sort | uniq -d | wc -l)
	nw=$1 ng=$2 nh=$3
	want_n=$((want_n + nw)); got_n=$((got_n + ng)); hit_n=$((hit_n + nh))
	if [ "$w" != "$g" ]; then
		echo "query $nq ($args): want $want; got ${got:-nothing}"; bad=1
	elif [ -n "$ordered" ] && [ "$want" != "$got" ]; then
		echo "query $nq ($args): want in this order: $want; got $got"; bad=1
	fi
done <"$root/tests/search/queries.txt"
[ "$nq" -ge 20 ] || fail "only $nq queries"
awk -v q="$nq" -v w="$want_n" -v g="$got_n" -v h="$hit_n" 'BEGIN {
	printf "search recall: %d queries, %d of %d expected records found (recall %.3f), %d of %d found expected (precision %.3f)\n", q, h, w, h / w, h, g, (g ? h / g : 1) }'
[ $bad -eq 0 ] || fail "some queries did not find what they should (above)"

# Errors: a clear message and exit 2, never SQLite's own words alone.
rc=0; minutes-search --db db.sqlite 'library OR' 2>err >/dev/null || rc=$?
[ $rc -eq 2 ] && grep -q "^minutes-search: bad query 'library OR': " err || fail "a dangling OR: exit $rc, $(cat err)"
rc=0; minutes-search --db db.sqlite '"library' 2>err >/dev/null || rc=$?
[ $rc -eq 2 ] && grep -q "^minutes-search: bad query '\"library': a phrase has no closing \"" err || fail "an open phrase: exit $rc, $(cat err)"
rc=0; minutes-search --db db.sqlite 'NEAR(library volunteers, five)' 2>err >/dev/null || rc=$?
[ $rc -eq 2 ] && grep -q "^minutes-search: bad query 'NEAR(library volunteers, five)': " err || fail "a NEAR distance in words: exit $rc, $(cat err)"
rc=0; minutes-search --db db.sqlite ' ' 2>err >/dev/null || rc=$?
[ $rc -eq 2 ] && grep -q "^minutes-search: nothing to search for" err || fail "a blank query: exit $rc, $(cat err)"
rc=0; minutes-search --db db.sqlite --kind figure library 2>err >/dev/null || rc=$?
[ $rc -eq 2 ] && grep -q "figures are not in the search index" err || fail "--kind figure: exit $rc, $(cat err)"
if minutes-extract --list-kinds >/dev/null 2>&1; then
	rc=0; minutes-search --db db.sqlite --kind minutes library 2>err >/dev/null || rc=$?
	[ $rc -eq 2 ] && grep -q "^minutes-search: --kind: unknown kind 'minutes' (kinds: .*vote, paragraph)$" err || fail "--kind minutes: exit $rc, $(cat err)"
fi
rc=0; minutes-search --db db.sqlite --sort newest library 2>err >/dev/null || rc=$?
[ $rc -eq 2 ] && grep -q "bad --sort 'newest'" err || fail "--sort newest: exit $rc, $(cat err)"
# Options after the words are options.
minutes-search --db db.sqlite pecuniary --kind declaration >out.tsv || fail "an option after the words: exit $?"
[ "$(sed 1d out.tsv | cut -f5,7)" = "$d/cabinet-2025-03-04-minutes.txt:15${TAB}declaration" ] || fail "an option after the words: $(cat out.tsv)"
# A declaration shows its member, interest, subject and reason.
[ "$(sed 1d out.tsv | cut -f9,10)" = "minutes${TAB}{\"member\":\"Cllr B. Osei\",\"interest\":\"disclosable pecuniary\",\"subject\":\"item 23\",\"reason\":\"he owns a bookshop opposite the Quayside Library\"}" ] \
	|| fail "declaration fields: $(sed 1d out.tsv | cut -f9,10)"
# --json: one object a line, numbers typed, the fields an object.
minutes-search --db db.sqlite --json --kind vote carried >out.json || fail "--json: exit $?"
[ "$(cat out.json)" = "{\"date\":\"2025-03-04\",\"body\":\"Cabinet\",\"minute\":\"24\",\"title\":\"Sports pavilion\",\"source\":\"$d/cabinet-2025-03-04-minutes.txt\",\"line\":50,\"page\":null,\"kind\":\"vote\",\"section\":\"minutes\",\"snippet\":\"[carried]\",\"fields\":{\"result\":\"carried\",\"for\":6,\"against\":2,\"abstain\":1,\"for_names\":\"\",\"against_names\":\"\",\"abstain_names\":\"\",\"motion\":\"\",\"check\":\"\"}}" ] \
	|| fail "--json: $(cat out.json)"
echo ok
