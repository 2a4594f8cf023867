/*
 * fuzz_split — libFuzzer harness for the minutes-split core (sections.h).
 *
 * The input bytes are a normalise stream (or any bytes at all); they go
 * through split_stream as minutes-split would read them, and the output
 * is checked against the stream contract (contract.h): eight fields,
 * a positive line number, a known section, an ISO date or none.  When
 * the input is itself a clean stream (valid UTF-8, escapes only), the
 * output must be clean too.  Inputs over FUZZ_MAX bytes are skipped.
 * The word lists are read once from $MM_RULES or the project's rules/
 * (FUZZ_RULES, compiled in), as minutes-split reads them at start.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lexicon.h"
#include "sections.h"
#include "contract.h"

#define FUZZ_MAX (1u << 20)

#ifndef FUZZ_RULES
#define FUZZ_RULES "rules"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct splitter *sp;
	FILE *in, *out;
	char *obuf = NULL;
	size_t olen = 0, detail = 0;
	unsigned long lineno = 0;

	static int ready;

	if (size > FUZZ_MAX)
		return 0;
	if (!ready) {
		/* the word lists, once: $MM_RULES or the tree's rules/ */
		const char *dir = getenv("MM_RULES");

		lexicon_open(dir ? dir : FUZZ_RULES);
		sections_init();
		ready = 1;
	}
	in = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
	out = open_memstream(&obuf, &olen);
	if (!in || !out)
		abort();
	sp = splitter_new();
	(void)split_stream(sp, in, out, &lineno, &detail);
	splitter_free(sp);
	fclose(in);
	if (fclose(out) != 0)
		abort();
	contract_check(CONTRACT_SPLIT, NULL, obuf, olen, CONTRACT_LOCATORS |
	    (contract_clean_input((const char *)data, size) ? CONTRACT_CLEAN : 0));
	free(obuf);
	return 0;
}
