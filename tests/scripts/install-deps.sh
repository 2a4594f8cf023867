#!/bin/sh
# Issue 15: scripts/install-deps --run asks apt for what building and
# running take, and nothing the tests alone use (no PostgreSQL, clang,
# valgrind, pandas, DuckDB); without --run it asks for those too and puts
# DuckDB's Node.js package into the tree's .deps/.  apt-get, dpkg-query,
# npm and sudo are stand-ins that log what they are asked.
. "$MM_ROOT/tests/scripts/mine-common.inc"
cd "$t"
mkdir -p tree/scripts fake
cp "$root/scripts/install-deps" tree/scripts/
for p in apt-get npm; do
	printf '#!/bin/sh\necho "%s $*" >>"%s/log"\n' "$p" "$t" >fake/$p
done
printf '#!/bin/sh\nexit 1\n' >fake/dpkg-query     # nothing is installed
printf '#!/bin/sh\nexec "$@"\n' >fake/sudo
chmod +x fake/*
run() { PATH="$t/fake:$PATH" sh tree/scripts/install-deps "$@" >out 2>&1 || fail "install-deps $*: exit $? ($(cat out))"; }
: >log; run --run
grep -q '^apt-get install .* poppler-utils sqlite3 parallel$' log || fail "--run: $(cat log)"
for p in postgresql clang valgrind python3-pandas csvkit; do
	grep -qw "$p" log && fail "--run installs $p, which only the tests use"
done
grep -q '^npm' log && fail "--run installs DuckDB"
: >log; run
grep -q '^apt-get install .* poppler-utils sqlite3 parallel .*postgresql.*python3-pandas csvkit jq sqlite-utils miller$' log || fail "all: $(cat log)"
grep -q '^npm install --prefix .*/tree/\.deps .*@duckdb/node-api$' log || fail "all: DuckDB not asked for: $(cat log)"
rc=0; PATH="$t/fake:$PATH" sh tree/scripts/install-deps --bogus >out 2>&1 || rc=$?
[ $rc -eq 2 ] && grep -q "^Try 'scripts/install-deps --help'.$" out || fail "--bogus: exit $rc, $(cat out)"
echo ok
