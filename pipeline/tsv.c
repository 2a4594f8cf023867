/* tsv — COPY-text escaping, field splitting, a line reader; see tsv.h. */
#define _POSIX_C_SOURCE 200809L
#include "tsv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bytescan.h"
#include "utf8.h"

/*
 * Offset of the first byte of s[i..n) that the writer must look at, or n:
 * one of the four escaped bytes, or with TSV_REPAIR any byte below 0x20 or
 * above 0x7F (one compare each, where NUL and a bad sequence are not; the
 * well-formed ones are then stepped over).  Most fields (a paragraph) have
 * none: sixteen bytes are tested at a time.
 */
static inline __attribute__((always_inline)) size_t
next_special(const char *s, size_t i, size_t n, unsigned opts)
{
	for (; i + 16 <= n; i += 16) {
		bytes16 v = bytes16_load(s + i);
		mask16 m;
		if (opts & TSV_REPAIR)
			m = (v < 0x20) | (v >= 0x80) | (v == '\\');
		else
			m = (v == '\\') | (v == '\t') | (v == '\n') | (v == '\r');
		if (mask16_any(m))
			return i + mask16_first(m);
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\\' || c == '\t' || c == '\n' || c == '\r' ||
		    ((opts & TSV_REPAIR) && (c < 0x20 || c >= 0x80)))
			break;
	}
	return i;
}

/*
 * The one writer: a special byte at a time, the runs between them copied
 * whole.  Always inline (GCC would keep one copy testing the options at
 * run time), so that each caller below gets it with its options known and
 * the tests of those it lacks compiled away: tsv_escape costs what it did
 * before the options were added.
 */
static inline __attribute__((always_inline)) void
escape_field(struct buf *b, const char *s, size_t n, unsigned opts)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, start = 0, skip;

	if (n == 0) {	/* s may be NULL then (an empty buf): s + 0 is UB */
		buf_reserve(b, 0);
		return;
	}
	i = next_special(s, 0, n, opts);
	while (i < n) {
		unsigned char c = u[i];
		const char *rep;
		size_t rl = 2;

		skip = 1;
		switch (c) {
		case '\\':
			if ((opts & TSV_ESCAPED) && i + 1 < n &&
			    (s[i + 1] == '\\' || s[i + 1] == 't' ||
			    s[i + 1] == 'n' || s[i + 1] == 'r')) {
				i = next_special(s, i + 2, n, opts);
				continue;
			}
			rep = "\\\\";
			break;
		case '\t':
			if (opts & TSV_ESCAPED) {
				i = next_special(s, i + 1, n, opts);
				continue;
			}
			rep = "\\t";
			break;
		case '\n': rep = "\\n"; break;
		case '\r': rep = "\\r"; break;
		case '\0': rep = "", rl = 0; break;	/* TSV_REPAIR's only */
		default:
			/* TSV_REPAIR's only: another control byte is kept, a
			 * well-formed sequence skipped, a bad byte replaced */
			if (c >= 0x80 && (skip = utf8_seq_len(u + i, n - i)) == 0) {
				skip = 1;
				rep = "\xEF\xBF\xBD", rl = 3;
				break;
			}
			i = next_special(s, i + skip, n, opts);
			continue;
		}
		buf_append(b, s + start, i - start);
		buf_append(b, rep, rl);
		start = i + skip;
		i = next_special(s, start, n, opts);
	}
	buf_append(b, s + start, n - start);
}

void
tsv_escape(struct buf *b, const char *s, size_t n)
{
	escape_field(b, s, n, 0);
}

void
tsv_escape_opt(struct buf *b, const char *s, size_t n, unsigned opts)
{
	/* each set of options its own copy of the loop (see escape_field) */
	switch (opts) {
	case TSV_REPAIR:
		escape_field(b, s, n, TSV_REPAIR);
		break;
	case TSV_REPAIR | TSV_ESCAPED:
		escape_field(b, s, n, TSV_REPAIR | TSV_ESCAPED);
		break;
	default:
		escape_field(b, s, n, opts);
		break;
	}
}

size_t
tsv_unescape(char *s, size_t n, size_t *bad)
{
	size_t i, o;
	char *bs = n ? memchr(s, '\\', n) : NULL;

	/* Most fields hold no backslash: memchr finds that at SIMD speed,
	 * and nothing before the first one moves. */
	if (!bs)
		return n;
	i = o = (size_t)(bs - s);
	for (; i < n; i++) {
		if (s[i] != '\\') {
			s[o++] = s[i];
			continue;
		}
		if (i + 1 == n) {
			if (bad)
				(*bad)++;
			s[o++] = '\\';
			break;
		}
		switch (s[i + 1]) {
		case '\\': s[o++] = '\\'; i++; break;
		case 't':  s[o++] = '\t'; i++; break;
		case 'n':  s[o++] = '\n'; i++; break;
		case 'r':  s[o++] = '\r'; i++; break;
		default:
			if (bad)
				(*bad)++;
			s[o++] = '\\';
			break;
		}
	}
	if (o < n)
		s[o] = '\0';
	return o;
}

size_t
tsv_split(char *line, size_t len, struct field *fields, size_t max)
{
	size_t count = 0, start = 0;

	/* memchr, not a byte loop: the last field (a paragraph) is long. */
	for (;;) {
		char *tab = start < len ? memchr(line + start, '\t', len - start) : NULL;
		size_t stop = tab ? (size_t)(tab - line) : len;

		if (count < max) {
			fields[count].p = line + start;
			fields[count].len = stop - start;
		}
		count++;
		if (!tab)
			return count;
		start = stop + 1;
	}
}

void
line_reader_init(struct line_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
}

int
line_reader_next(struct line_reader *r)
{
	ssize_t n;

	errno = 0;
	n = getline(&r->line, &r->cap, r->f);
	if (n < 0)
		return ferror(r->f) ? -1 : 0;
	r->lineno++;
	if (n > 0 && r->line[n - 1] == '\n')
		r->line[--n] = '\0';
	r->len = (size_t)n;
	return 1;
}

void
line_reader_free(struct line_reader *r)
{
	free(r->line);
	r->line = NULL;
	r->cap = 0;
}

int
tsv_page_field(const char *p, size_t n, unsigned long *page,
    const char **brk, size_t *brklen)
{
	size_t k = 0;
	unsigned long v = 0;

	*page = 0;
	*brk = p + n;
	*brklen = 0;
	if (n == 0)
		return 1;
	if (p[0] < '1' || p[0] > '9')
		return 0;
	for (; k < n && p[k] >= '0' && p[k] <= '9'; k++) {
		if (k == 12)
			return 0;
		v = v * 10 + (unsigned long)(p[k] - '0');
	}
	*page = v;
	*brk = p + k;
	*brklen = n - k;
	while (k < n) {		/* ",OFF" again and again, each OFF digits */
		if (p[k++] != ',' || k == n || p[k] < '0' || p[k] > '9')
			return 0;
		while (k < n && p[k] >= '0' && p[k] <= '9')
			k++;
	}
	return 1;
}
