/*
 * fuzz_extract — libFuzzer harness for the minutes-extract engine (rules.h).
 *
 * The rules are loaded once, from $MM_RULES or the project's rules/ (the
 * path is compiled in as FUZZ_RULES).  The input bytes are a split stream,
 * or any bytes at all; every record written must meet the records
 * contract (contract.h) whatever the input: the column count of its
 * kind in the rules' schema (recw_schema, what minutes-extract --schema
 * prints), valid UTF-8, no raw CR, TAB or LF inside a field.  Warnings
 * (-w) are switched on so their path is fuzzed too.  Inputs over FUZZ_MAX
 * bytes are skipped.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "rules.h"
#include "contract.h"

#define FUZZ_MAX (1u << 20)
#ifndef FUZZ_RULES
#define FUZZ_RULES "rules"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ruleset *rs;
static char *schema;		/* the rules' --schema: each kind's columns */

static void
on_warning(void *ctx, const char *source, const char *line, const char *msg)
{
	(void)ctx;
	if (!source || !line || !msg || !*msg)
		abort();
}

static void
load_rules(void)
{
	struct rules_error err;
	const char *dir = getenv("MM_RULES");

	size_t len;
	FILE *f;
	struct recw *w;

	if (rules_load_dir(dir ? dir : FUZZ_RULES, &rs, &err) != 0) {
		fprintf(stderr, "fuzz_extract: %s: %s\n", err.where, err.msg);
		exit(2);
	}
	if (!(f = open_memstream(&schema, &len)))
		abort();
	w = rules_writer(rs, REC_TSV, f);
	recw_schema(w);
	recw_free(w);
	if (fclose(f) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract_opts opts = { .warn = on_warning };
	struct rules_error err;
	FILE *in, *out;
	char *obuf = NULL;
	size_t olen = 0;

	if (size > FUZZ_MAX)
		return 0;
	if (!rs)
		load_rules();
	in = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
	out = open_memstream(&obuf, &olen);
	if (!in || !out)
		abort();
	(void)extract_stream(rs, in, "fuzz", out, &opts, &err);
	fclose(in);
	if (fclose(out) != 0)
		abort();
	contract_check(CONTRACT_RECORDS, schema, obuf, olen, CONTRACT_CLEAN |
	    (contract_good_locators((const char *)data, size) ? CONTRACT_LOCATORS : 0));
	free(obuf);
	return 0;
}
