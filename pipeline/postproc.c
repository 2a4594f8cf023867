/* postproc — field post-processors named by rule files; see postproc.h. */
#include "postproc.h"

#include <stdio.h>
#include <string.h>

#include "bytescan.h"
#include "dates.h"
#include "figures.h"
#include "lexicon.h"
#include "textscan.h"

static const char *const names[PP_COUNT_] = {
	[PP_NONE] = "", [PP_SQUEEZE] = "squeeze", [PP_TRIM] = "trim",
	[PP_TRIMLIST] = "trimlist", [PP_UNQUOTE] = "unquote",
	[PP_LOWER] = "lower", [PP_LABEL] = "label", [PP_NUMBER] = "number",
	[PP_ISODATE] = "isodate", [PP_ONELINE] = "oneline",
	[PP_NAMELIST] = "namelist", [PP_ARTICLE] = "article",
};

enum postproc_op
postproc_lookup(const char *name)
{
	int i;

	for (i = 1; i < PP_COUNT_; i++)
		if (strcmp(names[i], name) == 0)
			return (enum postproc_op)i;
	return PP_NONE;
}

const char *
postproc_name(enum postproc_op op)
{
	return op > PP_NONE && op < PP_COUNT_ ? names[op] : "";
}

static void
set_len(struct buf *b, size_t start, size_t end)
{
	if (start > 0)
		memmove(b->data, b->data + start, end - start);
	b->len = end - start;
	if (b->data)
		b->data[b->len] = '\0';
}

static void
trim(struct buf *b)
{
	size_t s = 0, e = b->len;

	while (s < e && is_white((unsigned char)b->data[s]))
		s++;
	while (e > s && is_white((unsigned char)b->data[e - 1]))
		e--;
	set_len(b, s, e);
}

/*
 * Runs of white space to one space, none at either end.  Most of a
 * sentence is bytes above the space and single spaces between them, left
 * as they are (moved down over what was dropped before them): sixteen
 * such bytes are taken at a time (bytescan.h), the byte loop deciding
 * the rest.  A block is taken whole when each of its bytes is above the
 * space, or a space with a byte above the space after it, no space is
 * pending (sp), and it does not start the output with a space: then the
 * byte loop would copy it unchanged.  A block with another byte has the
 * bytes before it copied unchanged, the same way, and the loop decides
 * that byte.  With vec 0 the byte loop does it all (postproc_squeeze_bytes,
 * the answer the blocks must give).
 */
static inline __attribute__((always_inline)) void
squeeze_run(struct buf *b, int vec)
{
	char *d = b->data;
	size_t i = 0, o = 0, n = b->len, k, stop;
	int sp = 0;

	while (i < n) {
		/* the last sixteen bytes by the byte loop in one go */
		stop = vec && i + 17 <= n ? i + 1 : n;
		if (vec && !sp && i + 17 <= n) {
			bytes16 v = bytes16_load(d + i);
			bytes16 w = bytes16_load(d + i + 1);
			mask16 bad = ~((v > ' ') | ((v == ' ') & (w > ' ')));
			if (o == 0 && d[i] == ' ')
				bad[0] = -1;
			if (!mask16_any(bad)) {
				/* o <= i: the store reaches no byte not yet read */
				memcpy(d + o, &v, sizeof v);
				o += 16;
				i += 16;
				continue;
			}
			/* the bytes before the first one it must look at are
			 * copied as they are, that one by the loop below */
			k = mask16_first(bad);
			if (o == i) {	/* nothing dropped yet: they stay */
				o += k;
				i += k;
			} else {
				for (stop = i + k; i < stop; )
					d[o++] = d[i++];
			}
			stop = i + 1;
		}
		for (; i < stop; i++) {
			if (is_white((unsigned char)d[i])) {
				sp = 1;
				continue;
			}
			if (sp && o > 0)
				d[o++] = ' ';
			sp = 0;
			d[o++] = d[i];
		}
	}
	set_len(b, 0, o);
}

static void
squeeze(struct buf *b)
{
	squeeze_run(b, 1);
}

void
postproc_squeeze_bytes(struct buf *b)
{
	squeeze_run(b, 0);
}

static int
ends_with_word(const struct buf *b, const char *w)
{
	size_t wl = strlen(w), i;

	if (b->len < wl)
		return 0;
	for (i = 0; i < wl; i++) {
		if (lower((unsigned char)b->data[b->len - wl + i]) != w[i])
			return 0;
	}
	return b->len == wl || is_white((unsigned char)b->data[b->len - wl - 1]) ||
	    b->data[b->len - wl - 1] == ';' || b->data[b->len - wl - 1] == ',';
}

static void
trimlist(struct buf *b)
{
	size_t before;

	do {
		before = b->len;
		trim(b);
		if (b->len && strchr(";.,", b->data[b->len - 1]))
			b->len--;
		else if (ends_with_word(b, "and"))
			b->len -= 3;
		else if (ends_with_word(b, "or"))
			b->len -= 2;
		if (b->data)
			b->data[b->len] = '\0';
	} while (b->len != before);
	trim(b);
}

/* Length of an opening / closing quotation mark at p, or 0. */
static size_t
quote_at(const char *p, size_t left)
{
	const unsigned char *u = (const unsigned char *)p;

	if (left >= 1 && (u[0] == '"' || u[0] == '\''))
		return 1;
	if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
	    (u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9C || u[2] == 0x9D))
		return 3;
	return 0;
}

static void
unquote(struct buf *b)
{
	size_t q, e, ql = 0;

	trim(b);
	q = quote_at(b->data, b->len);
	if (!q)
		return;
	/* The closing mark may have final punctuation after it: ‘…’. */
	e = b->len;
	while (e > q && strchr(".?!,;", b->data[e - 1]))
		e--;
	if (e >= q + 1 && (b->data[e - 1] == '"' || b->data[e - 1] == '\''))
		ql = 1;
	else if (e >= q + 3 && quote_at(b->data + e - 3, 3) == 3)
		ql = 3;
	if (!ql)
		return;
	memmove(b->data + e - ql, b->data + e, b->len - e);
	b->len -= ql;
	set_len(b, q, b->len);
	trim(b);
}

static void
lower_all(struct buf *b)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		b->data[i] = (char)lower((unsigned char)b->data[i]);
}

static void
label(struct buf *b)
{
	size_t s = 0, e;

	trim(b);
	e = b->len;
	while (s < e && strchr("([", b->data[s]))
		s++;
	while (e > s && strchr(").]:", b->data[e - 1]))
		e--;
	set_len(b, s, e);
}

static void
number(struct buf *b)
{
	char out[FIG_VALUE_MAX];
	long v;
	size_t i, l;
	int digits = 1;

	trim(b);
	if (b->len == 0)
		return;
	for (i = 0; i < b->len; i++)
		if (!(is_digit((unsigned char)b->data[i]) ||
		    b->data[i] == ',' || b->data[i] == '.'))
			digits = 0;
	if (digits) {
		if (decimal_scale(b->data, b->len, 0, 0, out, sizeof out) == 0) {
			buf_reset(b);
			buf_puts(b, out);
		}
		return;
	}
	l = number_word(b->data, b->len, &v);
	if (l == b->len) {
		snprintf(out, sizeof out, "%ld", v);
		buf_set(b, out, strlen(out));
	}
}

static void
isodate(struct buf *b)
{
	char iso[DATE_ISO_LEN + 1];

	if (date_parse(b->data, b->len, iso)) {
		buf_reset(b);
		buf_puts(b, iso);
	}
}

/* Length of a list separator at s[i..n), or 0. */
static size_t
list_sep(const char *s, size_t i, size_t n)
{
	if (s[i] == ',' || s[i] == ';' || s[i] == '\n')
		return 1;
	if (s[i] != ' ')
		return 0;
	if (i + 1 < n && s[i + 1] == ' ')
		return 2;
	if (i + 4 < n && !strncmp(s + i, " and ", 5))
		return 5;
	/* "… Osei and" at the end of a wrapped line */
	if (i + 4 <= n && !strncmp(s + i, " and", 4) &&
	    (i + 4 == n || s[i + 4] == '\n'))
		return 4;
	if (i + 2 < n && !strncmp(s + i, " & ", 3))
		return 3;
	return 0;
}

/*
 * Is s[0..n) an entry of l, as written?  is_one_of's answer, from the
 * lengths the lexicon keeps (a strlen of every entry for every piece
 * cost more than the comparing).
 */
static int
lex_is_one_of(const char *s, size_t n, const struct lex_list *l)
{
	size_t k;

	for (k = 0; k < l->n; k++)
		if (l->len[k] == n && (n == 0 || (l->word[k][0] == s[0] &&
		    memcmp(l->word[k], s, n) == 0)))
			return 1;
	return 0;
}

/*
 * A title alone ("Mr" at the end of a line whose name went on the next):
 * an entry of the list title, a full stop after it allowed.
 */
static int
bare_title(const char *s, size_t n, const struct lex_list *title)
{
	if (n > 0 && s[n - 1] == '.')
		n--;
	return lex_is_one_of(s, n, title);
}

/*
 * One name per piece, joined by "; "; an honour after a comma (a piece
 * that is an entry of w->honour: "Sir A Bee, CBE", "Mr C Dee, OBE, JP")
 * stays with the name before it, and a title left alone at the end of a
 * line (w->title) is joined to the name after it.  Entries compare as
 * written.  The text is first copied past its
 * end in the same buffer and rewritten from the front: a piece's output
 * never outruns its input by more than the input already read.  (Out of
 * line: inlined, it made postproc_apply save registers for every squeeze.)
 */
static __attribute__((noinline)) void
namelist(struct buf *b, const struct postproc_words *w)
{
	size_t n = b->len, i = 0, o = 0, ps, pe;
	const char *in;
	int glue = 0;

	buf_reserve(b, n + 4);
	memcpy(b->data + n + 2, b->data, n);
	in = b->data + n + 2;
	while (i < n) {
		size_t l;
		ps = i;
		/* list_sep asked only at the bytes a separator starts with */
		for (; i < n; i++)
			if ((in[i] == ' ' || in[i] == ',' || in[i] == ';' ||
			    in[i] == '\n') && list_sep(in, i, n) > 0)
				break;
		pe = i;
		while (ps < pe && is_white((unsigned char)in[ps]))
			ps++;
		while (pe > ps && is_white((unsigned char)in[pe - 1]))
			pe--;
		/* a full stop after a word (not after an initial "A.") */
		if (pe > ps && in[pe - 1] == '.' && pe - ps >= 3 &&
		    is_lower((unsigned char)in[pe - 2]))
			pe--;
		else if (pe > ps + 2 && in[pe - 1] == '.' && in[pe - 3] != ' ' &&
		    in[pe - 3] != '.')
			pe--;
		if (pe > ps) {
			if (glue)
				b->data[o++] = ' ';
			else if (o > 0) {
				b->data[o++] = lex_is_one_of(in + ps, pe - ps,
				    w->honour) ? ',' : ';';
				b->data[o++] = ' ';
			}
			memmove(b->data + o, in + ps, pe - ps);
			o += pe - ps;
			glue = bare_title(in + ps, pe - ps, w->title);
		}
		while (i < n && (l = list_sep(in, i, n)) > 0)
			i += l;
	}
	b->len = o;
	b->data[o] = '\0';
}

void
postproc_apply(enum postproc_op op, struct buf *b,
    const struct postproc_words *w)
{
	if (!b->data)
		buf_reserve(b, 0);
	switch (op) {
	case PP_SQUEEZE: squeeze(b); break;
	case PP_TRIM: trim(b); break;
	case PP_TRIMLIST: trimlist(b); break;
	case PP_UNQUOTE: unquote(b); break;
	case PP_LOWER: lower_all(b); break;
	case PP_LABEL: label(b); break;
	case PP_NUMBER: number(b); break;
	case PP_ISODATE: isodate(b); break;
	case PP_NAMELIST: namelist(b, w); break;
	case PP_ARTICLE:
		/* only the article: "The Hague" is no speaker anyway */
		if (b->len > 4 && !memcmp(b->data, "The ", 4))
			b->data[0] = 't';
		break;
	case PP_ONELINE: {
		size_t i;
		for (i = 0; i < b->len; i++)
			if (b->data[i] == '\n')
				b->data[i] = ' ';
		break;
	}
	default: break;
	}
}
