#!/bin/sh
# The TSVs load into a real PostgreSQL server with COPY (FORMAT text,
# HEADER, NULL ''), the script minutes-db --psql prints, and COPY gives
# them back byte for byte: the escaping is COPY's own.  Starts a private
# server in the scratch folder; skips (visibly) without PostgreSQL.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need psql
pgbin=
for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
	[ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && { pgbin=$d; break; }
done
[ -n "$pgbin" ] || skip "no PostgreSQL server binaries (initdb, pg_ctl, postgres): install postgresql"
# The server will not run as root: run it as the postgres user.
as_pg=
if [ "$(id -u)" -eq 0 ]; then
	id postgres >/dev/null 2>&1 || skip "running as root and there is no postgres user to run the server"
	need runuser
	as_pg="runuser -u postgres --"
	chmod 755 "$t"
fi
mkdir "$t/sock" "$t/pg"; chmod 700 "$t/pg"
[ -z "$as_pg" ] || chown postgres "$t/sock" "$t/pg"
port=5432
$as_pg "$pgbin/initdb" -D "$t/pg" -U mm --auth=trust -E UTF8 --locale=C -N >"$t/initdb.log" 2>&1 \
	|| { tail -5 "$t/initdb.log"; fail "initdb failed"; }
$as_pg "$pgbin/pg_ctl" -D "$t/pg" -l "$t/sock/pg.log" -w -t 30 \
	-o "-k $t/sock -p $port -c listen_addresses= -F" start >/dev/null 2>&1 \
	|| { tail -5 "$t/sock/pg.log"; fail "the server did not start"; }
trap '$as_pg "$pgbin/pg_ctl" -D "$t/pg" -m immediate stop >/dev/null 2>&1; rm -rf "$t"' EXIT
export PGHOST="$t/sock" PGPORT=$port PGUSER=mm PGDATABASE=postgres
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
cd "$t"

# check DIR: load DIR's TSVs, then every table out again = the file.
check() {
	minutes-db --psql "$1" | psql_ >psql.out 2>&1 || { cat psql.out; fail "$1: loading failed"; }
	for f in "$1"/*.tsv; do
		case $(head -n 1 "$f") in kind"	"source"	"*) ;; *) continue;; esac
		k=$(basename "$f" .tsv)
		psql_ -c "COPY \"$k\" TO STDOUT WITH (FORMAT text, NULL '')" >got || fail "$k: COPY TO failed"
		sed 1d "$f" >want
		cmp -s want got || { diff want got | head; fail "$1/$k.tsv: PostgreSQL does not give it back"; }
	done
}

make_records rec
check rec
# What PostgreSQL holds is the text as printed, escapes undone.
[ "$(psql_ -At -c "SELECT text = E'The Board considered the dues.\\nA second paragraph, with a\\ttab, a back\\\\slash and it''s \"quoted\".' FROM items WHERE minute = '7'")" = t ] \
	|| fail "item text: $(psql_ -At -c "SELECT text FROM items WHERE minute = '7'")"
[ "$(psql_ -At -c "SELECT sum(value) FROM figures")" = 18002.5 ] || fail "figures.value is not numeric"
# The README's way for PostgreSQL before 15 (no HEADER in text format).
psql_ -c "CREATE TABLE items2 (LIKE items)"
tail -n +2 rec/items.tsv | psql_ -c "\\copy items2 FROM pstdin WITH (NULL '')" || fail "copy from pstdin"
[ "$(psql_ -At -c "SELECT count(*) FROM (SELECT * FROM items EXCEPT SELECT * FROM items2) d")" = 0 ] \
	&& [ "$(psql_ -At -c "SELECT count(*) FROM items2")" = 3 ] || fail "copy from pstdin: other rows"
[ "$(psql_ -At -c "SELECT \"for\" + abstain, against IS NULL FROM votes")" = "6|t" ] || fail "vote counts"

chain_ready
make_docs docs
minutes-mine -o out docs 2>err || fail "minutes-mine: exit $? ($(cat err))"
check out
n=$(psql_ -At -c "SELECT count(*) FROM items")
[ "$n" -eq "$(sed 1d out/items.tsv | wc -l)" ] && [ "$n" -gt 0 ] || fail "items: $n rows"
echo ok
