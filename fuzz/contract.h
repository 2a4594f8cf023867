/*
 * contract — the stream and records contracts, checked on a filter's output
 * by every fuzz harness (and by the replay build that the test suite runs).
 *
 * A violation prints what and where on stderr and aborts, which libFuzzer
 * reports as a crash and keeps as a reproducer.  What is checked, for every
 * line (records.md, and the stream lines of design.md):
 *   - it ends with LF (the last one too) and is valid UTF-8 (no overlongs,
 *     surrogates or code points past U+10FFFF);
 *   - no raw CR or NUL anywhere, and every backslash starts one of the four
 *     escapes \\ \t \n \r;
 *   - it has exactly the expected number of TAB-separated fields (a
 *     record: that of its kind in the rules' schema, recw_schema);
 *   - its line column is a positive decimal number, its section column
 *     (after split) one of the four names, its date empty or YYYY-MM-DD.
 * Header-only so a harness is one file plus this; UTF-8 is judged by the
 * library's one validator (utf8.h), unit-tested on its own.
 */
#ifndef MM_FUZZ_CONTRACT_H
#define MM_FUZZ_CONTRACT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static inline void
contract_fail(const char *what, const char *line, size_t len, size_t lineno)
{
	size_t show = len < 200 ? len : 200;

	fprintf(stderr, "contract: output line %zu: %s\n  line: ", lineno, what);
	fwrite(line, 1, show, stderr);
	fprintf(stderr, "%s\n", show < len ? "..." : "");
	abort();
}

static inline int
contract_is_number(const char *p, size_t n)
{
	size_t i;

	if (n == 0 || n > 12 || p[0] == '0')
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

static inline int
contract_is_date(const char *p, size_t n)
{
	static const char shape[] = "dddd-dd-dd";
	size_t i;

	if (n == 0)
		return 1;
	if (n != 10)
		return 0;
	for (i = 0; i < n; i++) {
		if (shape[i] == 'd' ? (p[i] < '0' || p[i] > '9') : p[i] != '-')
			return 0;
	}
	return 1;
}

static inline int
contract_is_section(const char *p, size_t n)
{
	static const char *const names[] = { "minutes", "agenda", "report", "other" };
	size_t i;

	for (i = 0; i < 4; i++)
		if (strlen(names[i]) == n && memcmp(names[i], p, n) == 0)
			return 1;
	return 0;
}

/* A stream's page field: a page number, then ",OFF" per page break. */
static inline int
contract_is_pagelist(const char *p, size_t n)
{
	size_t i, k = 0;

	while (k < n && p[k] != ',')
		k++;
	if (!contract_is_number(p, k))
		return 0;
	for (i = k; i < n; i++)
		if ((p[i] < '0' || p[i] > '9') && (p[i] != ',' || i + 1 == n ||
		    p[i + 1] == ','))
			return 0;
	return 1;
}

/*
 * Fields of a record of kind p[0..n) by the schema (minutes-extract
 * --schema: a line per kind, its name then its columns, TAB-separated),
 * or 0 for a kind the schema does not name.
 */
static inline size_t
contract_kind_columns(const char *schema, const char *p, size_t n)
{
	const char *l = schema;

	for (; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		const char *end = strchr(l, '\n'), *q;
		size_t tabs = 0;

		if (!end)
			end = l + strlen(l);
		if ((size_t)(end - l) <= n || l[n] != '\t' || memcmp(l, p, n) != 0)
			continue;
		for (q = l; q < end; q++)
			tabs += *q == '\t';
		return tabs;
	}
	return 0;
}

enum contract_stream {
	CONTRACT_NORMALISE,	/* source line page text */
	CONTRACT_SPLIT,		/* source line page section date body minute title text */
	CONTRACT_RECORDS	/* kind source line page section date body minute title ... */
};

/*
 * 1 if in[0..n) is a clean stream: valid UTF-8, no raw CR, and every
 * backslash the start of one of the four escapes.  A filter given a clean
 * stream must write a clean one; given anything else, only the shape of
 * its output (fields, numbers, sections, dates) is held to the contract.
 */
static inline int
contract_clean_input(const char *in, size_t n)
{
	const char *q = in, *end = in + n;

	while (q < end) {
		size_t s = utf8_seq_len((const unsigned char *)q,
		    (size_t)(end - q));
		if (s == 0 || *q == '\r' || *q == '\0')
			return 0;
		if (*q == '\\') {
			if (q + 1 >= end || !strchr("\\tnr", q[1]) || q[1] == '\0')
				return 0;
			s = 2;
		}
		q += s;
	}
	return 1;
}

/*
 * 1 if every line of a split stream in[0..n) that has eight fields or
 * more carries a known section and an ISO date or none.  extract passes
 * these columns through, so only then must its records carry good ones.
 */
static inline int
contract_good_locators(const char *in, size_t n)
{
	const char *p = in, *end = in + n;

	while (p < end) {
		const char *lf = memchr(p, '\n', (size_t)(end - p));
		const char *f[5], *q;
		size_t nf = 0;

		if (!lf)
			lf = end;
		f[nf++] = p;
		for (q = p; q < lf && nf < 5; q++)
			if (*q == '\t')
				f[nf++] = q + 1;
		if (nf == 5) {
			const char *sec_end = memchr(f[2], '\t', (size_t)(lf - f[2]));
			const char *date_end = memchr(f[3], '\t', (size_t)(lf - f[3]));
			if (!contract_is_section(f[2], (size_t)(sec_end - f[2])) ||
			    !contract_is_date(f[3], (size_t)(date_end - f[3])))
				return 0;
		}
		p = lf + 1;
	}
	return 1;
}

enum {
	CONTRACT_CLEAN = 1,	/* valid UTF-8, no raw CR or NUL, good escapes */
	CONTRACT_LOCATORS = 2	/* known section, ISO date or none */
};

/*
 * Check every line of out[0..len) against the contract of stream kind k;
 * records against schema, the --schema text of the rules that made them
 * (NULL for the streams).  The line column is always checked; flags add
 * the checks above.  Aborts on the first violation; returns the number
 * of lines checked.
 */
static inline size_t
contract_check(enum contract_stream k, const char *schema, const char *out,
    size_t len, int flags)
{
	int clean = flags & CONTRACT_CLEAN;
	const char *p = out, *end = out + len;
	size_t lineno = 0;

	while (p < end) {
		const char *lf = memchr(p, '\n', (size_t)(end - p));
		const char *f[32];
		size_t flen[32], nf = 0, want = 0;
		const char *q, *fs;

		lineno++;
		if (!lf)
			contract_fail("no LF at the end of the output", p,
			    (size_t)(end - p), lineno);
		for (q = p; clean && q < lf;) {
			size_t s = utf8_seq_len((const unsigned char *)q,
			    (size_t)(lf - q));
			if (s == 0)
				contract_fail("invalid UTF-8", p, (size_t)(lf - p), lineno);
			if (*q == '\r' || *q == '\0')
				contract_fail("raw CR or NUL", p, (size_t)(lf - p), lineno);
			if (*q == '\\') {
				if (q + 1 >= lf || q[1] == '\0' || !strchr("\\tnr", q[1]))
					contract_fail("backslash that starts no escape",
					    p, (size_t)(lf - p), lineno);
				q += 2;
				continue;
			}
			q += s;
		}
		for (fs = q = p; q <= lf; q++) {
			if (q < lf && *q != '\t')
				continue;
			if (nf < 32) {
				f[nf] = fs;
				flen[nf] = (size_t)(q - fs);
			}
			nf++;
			fs = q + 1;
		}
		switch (k) {
		case CONTRACT_NORMALISE: want = 4; break;
		case CONTRACT_SPLIT:     want = 9; break;
		case CONTRACT_RECORDS:
			want = contract_kind_columns(schema, f[0], flen[0]);
			if (want == 0)
				contract_fail("a kind the schema does not name", p,
				    (size_t)(lf - p), lineno);
			break;
		}
		if (k == CONTRACT_RECORDS && nf < 9)
			contract_fail("fewer than the 9 common columns", p,
			    (size_t)(lf - p), lineno);
		if (nf != want) {
			char msg[80];
			snprintf(msg, sizeof msg, "%zu fields, expected %zu", nf, want);
			contract_fail(msg, p, (size_t)(lf - p), lineno);
		}
		{
			size_t base = k == CONTRACT_RECORDS ? 1 : 0;	/* source's column */
			if (!contract_is_number(f[base + 1], flen[base + 1]))
				contract_fail("line column is not a positive number",
				    p, (size_t)(lf - p), lineno);
			/* a record's page is a number; a stream's may add the
			 * offsets of page breaks inside its paragraph: "2,89" */
			if (flen[base + 2] && (k == CONTRACT_RECORDS ?
			    !contract_is_number(f[base + 2], flen[base + 2]) :
			    !contract_is_pagelist(f[base + 2], flen[base + 2])))
				contract_fail("page column is neither empty nor a positive number",
				    p, (size_t)(lf - p), lineno);
			if (k != CONTRACT_NORMALISE && (flags & CONTRACT_LOCATORS)) {
				if (!contract_is_section(f[base + 3], flen[base + 3]))
					contract_fail("unknown section", p, (size_t)(lf - p), lineno);
				if (!contract_is_date(f[base + 4], flen[base + 4]))
					contract_fail("date is not YYYY-MM-DD", p,
					    (size_t)(lf - p), lineno);
			}
		}
		p = lf + 1;
	}
	return lineno;
}

#endif
