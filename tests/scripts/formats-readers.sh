#!/bin/sh
# Issue 15: the CSV and JSON Lines that minutes-extract --format writes
# load right in the users' tools with their defaults, and the TSV with the
# flags the README gives: made-up records whose fields start with a quote,
# hold commas, quotes, TABs, line breaks, CRs, backslashes and a pound
# sign, and leave numbers empty.  Each tool's rows are compared, count and
# values, with the TSV as minutes-db loads it into SQLite (the contract's
# own reader).  Tools: pandas (read_csv, read_json, and read_csv on the
# TSV with quoting=QUOTE_NONE), csvkit (csvjson on the CSV; csvstat's row
# count), Python's csv and json modules, sqlite-utils (insert --csv,
# --nl, and --tsv with a quote character that never occurs), Miller
# (--icsv, --ijson, --itsv: its TSV undoes the escapes), and DuckDB (read_csv and
# read_json with their defaults, and read_csv on the TSV with quote=''
# escape='' all_varchar) through its Node.js package @duckdb/node-api,
# which scripts/install-deps puts in .deps/ (DuckDB has no Debian
# package; MM_DUCKDB may name the package's folder): without it, a NOTE
# says DuckDB was not tested.
. "$MM_ROOT/tests/scripts/mine-common.inc"
need sqlite3
py=
for p in python3 /usr/bin/python3; do
	command -v "$p" >/dev/null 2>&1 && "$p" -c 'import pandas' 2>/dev/null && { py=$p; break; }
done
[ -n "$py" ] || skip "pandas not installed (Debian package python3-pandas; scripts/install-deps)"
need csvjson; need csvstat; need sqlite-utils; need mlr
cd "$t"
make_records rec
# More records of the shapes that lose rows in readers' defaults: a field
# that starts with a quote (pandas, csvkit and sqlite-utils drop such rows
# from a TSV read as CSV), a quote alone, a comma, a TAB at the start.
{
	printf 'figure\tx/one.txt\t30\t4\tminutes\t2025-03-04\tHarbour Board\t9\t"Quoted" title\tcount\t12\tberths\t12 berths\t"Why twelve?" asked a member; twelve berths, not ten.\n'
	printf 'figure\tx/one.txt\t30\t4\tminutes\t2025-03-04\tHarbour Board\t9\t"\tmoney\t\tGBP\t\302\2435\t\\tstarts with a tab, ends with a backslash \\\\\n'
	printf 'figure\tx/two.txt\t9\t\tminutes\t2024-01-10\tParks Committee\t\t\tpercent\t-7.5\t%%\t-7.5%%\t"\n'
} >>rec/figures.tsv
minutes-db rec.sqlite rec 2>err || fail "minutes-db: exit $? ($(cat err))"
kinds="items resolutions figures votes attendance"
for k in $kinds; do
	minutes-extract --records --format csv <"rec/$k.tsv" -k "$k" >"$k.csv" || fail "$k: csv"
	minutes-extract --records --format jsonl <"rec/$k.tsv" -k "$k" >"$k.jsonl" || fail "$k: jsonl"
	csvjson --no-inference "$k.csv" >"$k.csvkit.json" 2>err || fail "$k: csvjson: $(cat err)"
	csvstat --count "$k.csv" >"$k.csvkit.count" 2>err || fail "$k: csvstat: $(cat err)"
	# csvkit on the TSV, with the README's flags (-t -u 3: no quoting)
	a=$(csvstat -t -u 3 --count "rec/$k.tsv" 2>err) || fail "$k: csvstat -t -u 3: $(cat err)"
	[ "${a##* }" -eq $(($(wc -l <"rec/$k.tsv") - 1)) ] || fail "$k: csvstat -t -u 3 counts ${a##* } rows"
done
# sqlite-utils into su.sqlite (KIND_csv, KIND_jsonl, KIND_tsv); Miller's
# JSON of each format (KIND.mlr-csv.json ...).
for k in $kinds; do
	sqlite-utils insert su.sqlite "${k}_csv" "$k.csv" --csv >/dev/null 2>err || fail "$k: sqlite-utils --csv: $(cat err)"
	sqlite-utils insert su.sqlite "${k}_jsonl" "$k.jsonl" --nl >/dev/null 2>err || fail "$k: sqlite-utils --nl: $(cat err)"
	sqlite-utils insert su.sqlite "${k}_tsv" "rec/$k.tsv" --tsv --quotechar "$(printf '\001')" >/dev/null 2>err || fail "$k: sqlite-utils --tsv: $(cat err)"
	mlr --icsv --ojson cat "$k.csv" >"$k.mlr-csv.json" 2>err || fail "$k: mlr --icsv: $(cat err)"
	mlr --ijson --ojson cat "$k.jsonl" >"$k.mlr-jsonl.json" 2>err || fail "$k: mlr --ijson: $(cat err)"
	mlr --itsv --ojson cat "rec/$k.tsv" >"$k.mlr-tsv.json" 2>err || fail "$k: mlr --itsv: $(cat err)"
done
# DuckDB: each kind read three ways, the rows as JSON (values as text).
duck=${MM_DUCKDB:-$root/.deps/node_modules/@duckdb/node-api}
if [ -d "$duck" ] && command -v node >/dev/null 2>&1; then
	cat >duck.js <<'JS'
const { DuckDBInstance } = require(process.env.DUCK);
(async () => {
	const db = await (await DuckDBInstance.create(":memory:")).connect();
	const out = {};
	for (const k of process.argv.slice(2)) {
		out[k] = {};
		const ways = {
			"duckdb read_csv (defaults)": `SELECT * FROM read_csv('${k}.csv')`,
			"duckdb read_json (defaults)": `SELECT * FROM read_json('${k}.jsonl')`,
			"duckdb read_csv TSV (quote='', escape='', all_varchar; unescaped)":
				`SELECT * FROM read_csv('rec/${k}.tsv', delim='\t', quote='', escape='', header=true, all_varchar=true)`,
		};
		for (const [way, q] of Object.entries(ways)) {
			const r = await db.runAndReadAll(q);
			out[k][way] = r.getRowObjects().map(o => Object.fromEntries(
				Object.entries(o).map(([c, v]) => [c, v === null ? null : String(v)])));
		}
	}
	console.log(JSON.stringify(out));
})().catch(e => { console.error(String(e)); process.exit(1); });
JS
	DUCK=$duck node duck.js $kinds >duck.json 2>err || fail "DuckDB: $(cat err)"
else
	echo "NOTE DuckDB not tested: no $duck (scripts/install-deps puts it there with npm) or no node"
fi
"$py" - $kinds <<'PY' || fail "a reader disagrees with SQLite (above)"
import csv, json, math, re, sqlite3, sys
import pandas as pd

bad = 0
def norm(v):
    """A value as text, whatever type a reader gave it."""
    if v is None:
        return ""
    if isinstance(v, float):
        if math.isnan(v):
            return ""
        if v.is_integer():
            return str(int(v))
    if hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d")
    return str(v)

def rows_of(records):
    return sorted(tuple(norm(v) for v in r) for r in records)

def compare(kind, tool, got, want, cols):
    global bad
    if len(got) != len(want):
        print(f"{kind}: {tool}: {len(got)} rows, SQLite {len(want)}")
        bad += 1
        return
    if got != want:
        for g, w in zip(got, want):
            if g != w:
                print(f"{kind}: {tool}: row differs:\n  got  {g}\n  want {w}")
                break
        bad += 1
    print(f"{kind}: {tool}: {len(got)} rows")

UNESC = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
def unescape(s):
    return re.sub(r"\\(.)", lambda m: UNESC.get(m.group(1), m.group(0)), s)

db = sqlite3.connect("rec.sqlite")
for kind in sys.argv[1:]:
    cur = db.execute(f'SELECT * FROM "{kind}"')
    cols = [d[0] for d in cur.description]
    raw = cur.fetchall()
    want = rows_of(raw)
    # (csvkit, sqlite-utils and Miller read a CSV with universal newlines:
    # a CRLF inside a field comes back as LF, the one difference they make)
    crlf = sorted(tuple(v.replace("\r\n", "\n") for v in r) for r in want)
    exact = sorted(tuple(raw_row) for raw_row in raw)

    # pandas, defaults (types inferred, empty -> NaN)
    df = pd.read_csv(f"{kind}.csv")
    compare(kind, "pandas read_csv (defaults)", rows_of(df[cols].itertuples(index=False)), want, cols)
    # pandas, text kept as printed
    df = pd.read_csv(f"{kind}.csv", dtype=str, keep_default_na=False)
    compare(kind, "pandas read_csv (dtype=str)", rows_of(df[cols].itertuples(index=False)), want, cols)
    df = pd.read_json(f"{kind}.jsonl", lines=True)
    compare(kind, "pandas read_json (lines=True)", rows_of(df[cols].itertuples(index=False)), want, cols)
    # pandas on the TSV, with the README's flags
    df = pd.read_csv(f"rec/{kind}.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str,
                     keep_default_na=False).apply(lambda c: c.map(unescape))
    compare(kind, "pandas read_csv TSV (QUOTE_NONE, unescaped)", rows_of(df[cols].itertuples(index=False)), want, cols)

    # Python's json: typed values equal SQLite's exactly
    with open(f"{kind}.jsonl", encoding="utf-8") as f:
        objs = [json.loads(l) for l in f]
    compare(kind, "json (typed, exact)", sorted(tuple(o[c] for c in cols) for o in objs), exact, cols)
    # Python's csv module (RFC 4180)
    with open(f"{kind}.csv", newline="", encoding="utf-8") as f:
        rd = csv.reader(f)
        head = next(rd)
        got = [dict(zip(head, r)) for r in rd]
    compare(kind, "python csv", rows_of([[r[c] for c in cols] for r in got]), want, cols)
    # csvkit
    with open(f"{kind}.csvkit.json", encoding="utf-8") as f:
        objs = json.load(f)
    compare(kind, "csvkit csvjson (CRLF in a field as LF)", rows_of([[o[c] for c in cols] for o in objs]), crlf, cols)
    # The shape is real: read as CSV with the defaults, the TSV of these
    # records loses or breaks rows (a field starting with a quote).
    if kind == "figures":
        try:
            n = len(pd.read_csv(f"rec/{kind}.tsv", sep="\t"))
        except Exception:
            n = -1
        if n == len(raw):
            print(f"{kind}: the TSV read with pandas' CSV defaults kept every row: the test records lack the shape")
            bad += 1
    # sqlite-utils
    su = sqlite3.connect("su.sqlite")
    for way, tab, fix, w in (("sqlite-utils insert --csv (CRLF in a field as LF)", "csv", None, crlf),
                             ("sqlite-utils insert --nl", "jsonl", None, want),
                             ("sqlite-utils insert --tsv --quotechar \\001 (unescaped)", "tsv", unescape, want)):
        c = su.execute(f'SELECT * FROM "{kind}_{tab}"')
        names = [d[0] for d in c.description]
        got = [dict(zip(names, r)) for r in c.fetchall()]
        compare(kind, way, rows_of([[fix(o[col]) if fix and o[col] is not None else o[col] for col in cols] for o in got]), w, cols)
    # Miller
    for way, f, w in (("mlr --icsv (CRLF in a field as LF)", "csv", crlf), ("mlr --ijson", "jsonl", want), ("mlr --itsv", "tsv", want)):
        with open(f"{kind}.mlr-{f}.json", encoding="utf-8") as fh:
            objs = json.load(fh)
        compare(kind, way, rows_of([[o[col] for col in cols] for o in objs]), w, cols)
    # DuckDB (when duck.json was made)
    try:
        with open("duck.json", encoding="utf-8") as f:
            duck = json.load(f)[kind]
    except FileNotFoundError:
        duck = {}
    for way, objs in duck.items():
        fix = unescape if "TSV" in way else (lambda v: v)
        compare(kind, way, rows_of([[fix(o[c]) if o[c] is not None else None for c in cols] for o in objs]), want, cols)
    with open(f"{kind}.csvkit.count") as f:
        n = int(f.read().split()[-1])
    if n != len(raw):
        print(f"{kind}: csvstat --count {n}, SQLite {len(raw)}")
        bad += 1
sys.exit(1 if bad else 0)
PY
echo ok
