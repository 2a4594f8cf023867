/* tsv — COPY-text escaping, field splitting, a line reader; see tsv.h. */
#define _POSIX_C_SOURCE 200809L
#include "tsv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bytescan.h"

static int
needs_escape(unsigned char c)
{
	return c == '\\' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Offset of the first byte of s[i..n) that needs an escape, or n.  Most
 * fields (a paragraph) need none: sixteen bytes are tested at a time.
 */
static size_t
next_escape(const char *s, size_t i, size_t n)
{
	for (; i + 16 <= n; i += 16) {
		bytes16 v = bytes16_load(s + i);
		mask16 m = (v == '\\') | (v == '\t') | (v == '\n') | (v == '\r');
		if (mask16_any(m))
			return i + mask16_first(m);
	}
	while (i < n && !needs_escape((unsigned char)s[i]))
		i++;
	return i;
}

static char
escape_letter(char c)
{
	switch (c) {
	case '\t': return 't';
	case '\n': return 'n';
	case '\r': return 'r';
	default:   return '\\';
	}
}

void
tsv_escape(struct buf *b, const char *s, size_t n)
{
	size_t i, start = 0;

	if (n == 0) {	/* s may be NULL then (an empty buf): s + 0 is UB */
		buf_reserve(b, 0);
		return;
	}
	while ((i = next_escape(s, start, n)) < n) {
		buf_append(b, s + start, i - start);
		buf_putc(b, '\\');
		buf_putc(b, escape_letter(s[i]));
		start = i + 1;
	}
	buf_append(b, s + start, n - start);
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
