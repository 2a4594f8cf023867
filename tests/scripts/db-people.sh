#!/bin/sh
# Issue 14, people: minutes-db groups the spellings of a council's members
# (a council: the folder its documents are in) into people, conservatively:
# "Cllr J. Smith", "Councillor Jane Smith", "Mrs Smith" and "Jane Smith CC"
# are one person; two people of one surname and initial printed in one
# attendance list stay two; Mr and Mrs of a surname stay two; a bare
# surname joins a person only when one fits (in its document, else in the
# council); never across councils; roles ("the Leader") are nobody.
# minutes-search --name finds a person's records under every spelling.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
sqlite3 :memory: "CREATE VIRTUAL TABLE x USING fts5(a, tokenize='porter unicode61');" 2>/dev/null || skip "this sqlite3 has no FTS5 with porter"
cd "$t"
H="kind${TAB}source${TAB}line${TAB}page${TAB}section${TAB}date${TAB}body${TAB}minute${TAB}title"
# How names are read (minutes-db --names): titles and letters set aside,
# initials, a forename, Mr/Mrs; roles and phrases are nobody.
printf '%s\n' "Cllr J. Smith" "Councillor Jane Smith (Chair)" "Mrs Smith" "Jane Smith CC" \
	"Mr P.J. Osei, OBE" "COUNCILLOR ANNA VAN DER BERG" "Mrs C Head" "Dr Ruth O'Neill-Park" \
	"Clerk to the Council, Mrs S Hollis" "Mr W Tarrant Clerk and Finance Officer" "Cllr J.Okoro" "Bailie Ann Fraser" \
	"the Leader" "The Chairman" "Head Teacher" "Director of Finance" "Members of the public" "Mr Chairman" \
	| minutes-db --names >names.got || fail "--names: exit $?"
cat >names.want <<EON
Cllr J. Smith${TAB}smith${TAB}${TAB}j${TAB}
Councillor Jane Smith (Chair)${TAB}smith${TAB}jane${TAB}j${TAB}
Mrs Smith${TAB}smith${TAB}${TAB}${TAB}f
Jane Smith CC${TAB}smith${TAB}jane${TAB}j${TAB}
Mr P.J. Osei, OBE${TAB}osei${TAB}${TAB}pj${TAB}m
COUNCILLOR ANNA VAN DER BERG${TAB}van der berg${TAB}anna${TAB}a${TAB}
Mrs C Head${TAB}head${TAB}${TAB}c${TAB}f
Dr Ruth O'Neill-Park${TAB}o'neill-park${TAB}ruth${TAB}r${TAB}
Clerk to the Council, Mrs S Hollis${TAB}hollis${TAB}${TAB}s${TAB}f
Mr W Tarrant Clerk and Finance Officer${TAB}tarrant${TAB}${TAB}w${TAB}m
Cllr J.Okoro${TAB}okoro${TAB}${TAB}j${TAB}
Bailie Ann Fraser${TAB}fraser${TAB}ann${TAB}a${TAB}
the Leader
The Chairman
Head Teacher
Director of Finance
Members of the public
Mr Chairman
EON
cmp -s names.want names.got || { diff names.want names.got; fail "--names"; }

mkdir rec
# rec(DOC DATE LINE ROLE NAME): an attendance record
att() { printf 'attendance\t%s\t%s\t\tminutes\t%s\tParks Committee\t\t\t%s\t%s\t\n' "$1" "$3" "$2" "$4" "$5"; }
{
	printf '%s\trole\tname\tdetail\n' "$H"
	# a/m1: Jane Smith chairs; one Brown; Mr Okafor
	att a/m1.txt 2025-01-10 3 chair "Councillor Jane Smith (Chair)"
	att a/m1.txt 2025-01-10 4 present "Cllr P. Brown"
	att a/m1.txt 2025-01-10 5 present "Mr T. Okafor"
	# a/m2: two Smiths of initial J in one list: J. Smith is not Jane
	att a/m2.txt 2025-02-10 3 present "Cllr Jane Smith"
	att a/m2.txt 2025-02-10 4 present "Cllr J. Smith"
	# a/m3: Cllr J. Smith alone, beside a second Brown
	att a/m3.txt 2025-03-10 3 present "Cllr J. Smith"
	att a/m3.txt 2025-03-10 4 present "Cllr R. Brown"
	# a/m4: Mr and Mrs Okafor give apologies
	att a/m4.txt 2025-04-10 3 apologies "Mrs Okafor"
	att a/m4.txt 2025-04-10 4 apologies "Mr Okafor"
	# b/: another council's Jane Smith
	att b/m1.txt 2025-01-12 3 present "Cllr Jane Smith"
} >rec/attendance.tsv
{
	printf '%s\tmember\tinterest\tsubject\treason\n' "$H"
	printf 'declaration\ta/m1.txt\t9\t\tminutes\t2025-01-10\tParks Committee\t2\tDeclarations\tMrs Smith\tpersonal\titem 4\tshe rides at the stables\n'
	printf 'declaration\ta/m2.txt\t9\t\tminutes\t2025-02-10\tParks Committee\t2\tDeclarations\tJane Smith CC\tpersonal\titem 5\tshe rides at the stables\n'
	printf 'declaration\ta/m5.txt\t9\t\tminutes\t2025-05-10\tParks Committee\t2\tDeclarations\tCllr Brown\tpersonal\titem 3\the owns a kiosk\n'
} >rec/declarations.tsv
{
	printf '%s\ttype\tstanding_order\tasked_by\tanswered_by\tquestion\tanswer\n' "$H"
	printf 'question\ta/m1.txt\t12\t\tminutes\t2025-01-10\tParks Committee\t3\tQuestions\tmember\t\tCllr P. Brown\tthe Leader\tWhen will the kiosk open?\tIn May.\n'
} >rec/questions.tsv
{
	printf '%s\tresult\tfor\tagainst\tabstain\tfor_names\tagainst_names\tabstain_names\tmotion\tcheck\n' "$H"
	printf 'vote\ta/m1.txt\t15\t\tminutes\t2025-01-10\tParks Committee\t4\tStables\tcarried\t2\t\t\tSmith; Brown\t\t\t\tok\n'
} >rec/votes.tsv
{
	printf 'source\tsha256\tbytes\tstatus\n'
	for d in a/m1 a/m2 a/m3 a/m4 a/m5 b/m1; do printf '%s.txt\t%064d\t10\tok\n' "$d" 1; done
} >rec/documents.tsv
minutes-db -q db.sqlite rec || fail "load: exit $?"
# Each person with its spellings, as written out by hand.
got=$(sqlite3 -init /dev/null -batch db.sqlite "SELECT person || ': ' || group_concat(name, ' | ') FROM (SELECT DISTINCT person, name FROM person_names ORDER BY person, name) GROUP BY person ORDER BY person")
want="a/brown: Cllr Brown
a/j-smith: Cllr J. Smith
a/jane-smith: Cllr Jane Smith | Councillor Jane Smith (Chair) | Jane Smith CC | Mrs Smith | Smith
a/ms-okafor: Mrs Okafor
a/p-brown: Brown | Cllr P. Brown
a/r-brown: Cllr R. Brown
a/t-okafor: Mr Okafor | Mr T. Okafor
b/jane-smith: Cllr Jane Smith"
[ "$got" = "$want" ] || fail "people:
$got
want:
$want"
# The links: every record of a name, and what nobody is.
[ "$(sqlite3 db.sqlite "SELECT count(*) FROM person_records")" = 16 ] || fail "person_records: $(sqlite3 db.sqlite "SELECT * FROM person_records")"
[ "$(sqlite3 db.sqlite "SELECT count(*) FROM person_names WHERE name LIKE '%Leader%'")" = 0 ] || fail "'the Leader' is a person"

# --name: a person's records under every spelling (in both councils).
found() { minutes-search --db db.sqlite --tsv "$@" | sed 1d | cut -f5,7 | sort | tr '\n' ' '; }
got=$(found --name "Jane Smith")
want="a/m1.txt:15${TAB}vote a/m1.txt:3${TAB}attendance a/m1.txt:9${TAB}declaration a/m2.txt:3${TAB}attendance a/m2.txt:9${TAB}declaration b/m1.txt:3${TAB}attendance "
[ "$got" = "$want" ] || fail "--name 'Jane Smith': $got"
got=$(found --name "cllr brown")
want="a/m1.txt:12${TAB}question a/m1.txt:15${TAB}vote a/m1.txt:4${TAB}attendance a/m3.txt:4${TAB}attendance a/m5.txt:9${TAB}declaration "
[ "$got" = "$want" ] || fail "--name 'cllr brown': $got"
[ "$(found --name "P. Brown" --kind question)" = "a/m1.txt:12${TAB}question " ] || fail "--name 'P. Brown' --kind question"
[ "$(found --name "Mr Okafor")" = "a/m1.txt:5${TAB}attendance a/m4.txt:4${TAB}attendance " ] || fail "--name 'Mr Okafor': $(found --name "Mr Okafor")"
# Councils: folders just below the one all documents share.  One
# council's archive (x/one/...): its folders apart; with another
# council's folder beside it (x/two), x/one is one council.
mkdir rec2
{
	printf '%s\trole\tname\tdetail\n' "$H"
	att x/one/2024/m1.txt 2024-01-10 3 chair "Councillor Jane Smith"
	att x/one/2025/m2.txt 2025-01-10 3 chair "Cllr J. Smith"
} >rec2/attendance.tsv
printf 'source\tsha256\tbytes\tstatus\nx/one/2024/m1.txt\t%064d\t1\tok\nx/one/2025/m2.txt\t%064d\t1\tok\n' 1 2 >rec2/documents.tsv
minutes-db -q two.sqlite rec2 || fail "load rec2: exit $?"
[ "$(sqlite3 two.sqlite "SELECT group_concat(person, ' ') FROM (SELECT person FROM people ORDER BY person)")" = "x/one/2024/jane-smith x/one/2025/j-smith" ] \
	|| fail "one council's folders: $(sqlite3 two.sqlite "SELECT person FROM people")"
att x/two/m3.txt 2025-01-12 3 present "Cllr T. Quayle" >>rec2/attendance.tsv
printf 'x/two/m3.txt\t%064d\t1\tok\n' 3 >>rec2/documents.tsv
minutes-db -q two.sqlite rec2 || fail "reload rec2: exit $?"
[ "$(sqlite3 two.sqlite "SELECT group_concat(person, ' ') FROM (SELECT person FROM people ORDER BY person)")" = "x/one/jane-smith x/two/t-quayle" ] \
	|| fail "two councils' folders: $(sqlite3 two.sqlite "SELECT person FROM people")"

# A database an older minutes-db made (no index version, no people):
# minutes-search says so; minutes-db loads it afresh.
cp db.sqlite old.sqlite
sqlite3 old.sqlite "DELETE FROM mm_meta WHERE key IN ('index', 'people'); DROP TABLE people; DROP TABLE person_names; DROP TABLE person_records;"
rc=0; minutes-search --db old.sqlite --name "Jane Smith" >/dev/null 2>err || rc=$?
[ $rc -eq 2 ] && grep -q "made by an older minutes-db" err || fail "an older database: exit $rc, $(cat err)"
[ "$(minutes-db old.sqlite rec 2>&1)" = "minutes-db: old.sqlite: loaded 6 documents" ] || fail "an older database is not loaded afresh"
minutes-search --db old.sqlite --name "Jane Smith" >/dev/null || fail "search after the reload: exit $?"
# A people table minutes-db did not make is refused.
sqlite3 old.sqlite "DELETE FROM mm_meta WHERE key = 'index'; DROP TABLE people; CREATE TABLE people(x);"
rc=0; minutes-db old.sqlite rec 2>err || rc=$?
[ $rc -eq 2 ] && grep -q "table 'people' was not made by minutes-db" err || fail "a foreign people table: exit $rc, $(cat err)"

# A name no person has: the names as words.
rc=0; minutes-search --db db.sqlite --name "Zed Nobody" >/dev/null || rc=$?
[ $rc -eq 1 ] || fail "--name of nobody: exit $rc"
echo ok
