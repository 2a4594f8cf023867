/* recwrite — records out as TSV, CSV or JSON Lines; see recwrite.h. */
#include "recwrite.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "textscan.h"
#include "tsv.h"
#include "utf8.h"

const char *const rec_common_cols[REC_NCOMMON] = {
	"kind", "source", "line", "page", "section", "date", "body", "minute",
	"title",
};

/* The columns that hold numbers, whatever the kind (records.md). */
static const char *const numeric_cols[] = {
	"line", "page", "value", "for", "against", "abstain",
};

struct recw {
	enum rec_format fmt;
	FILE *out;
	const struct rec_kind *kinds;
	size_t nkinds;
	/* CSV: the union of the kept kinds' columns; map[k][c] is the
	 * union column of kind k's column c (common columns first). */
	const char **ucols;
	size_t nucols;
	size_t **map;
	const struct field **row;	/* per union column, for one record */
	/* per kind: is its column c (0-based over all) a number */
	unsigned char **num;
	struct buf line, tmp;
	struct field *f;
	size_t fcap;
};

int
rec_format_parse(const char *s, enum rec_format *fmt)
{
	if (!strcmp(s, "tsv"))
		*fmt = REC_TSV;
	else if (!strcmp(s, "csv"))
		*fmt = REC_CSV;
	else if (!strcmp(s, "jsonl") || !strcmp(s, "json"))
		*fmt = REC_JSONL;
	else
		return -1;
	return 0;
}

int
rec_numeric_col(const char *name)
{
	for (size_t i = 0; i < sizeof numeric_cols / sizeof *numeric_cols; i++)
		if (!strcmp(name, numeric_cols[i]))
			return 1;
	return 0;
}

static const char *
col_name(const struct rec_kind *k, size_t c)
{
	return c < REC_NCOMMON ? rec_common_cols[c] : k->cols[c - REC_NCOMMON];
}

struct recw *
recw_new(enum rec_format fmt, FILE *out, const struct rec_kind *kinds,
    size_t nkinds)
{
	struct recw *w = xcalloc(1, sizeof *w);
	size_t k, c, u, maxf = REC_NCOMMON;

	w->fmt = fmt;
	w->out = out;
	w->kinds = kinds;
	w->nkinds = nkinds;
	w->map = xcalloc(nkinds ? nkinds : 1, sizeof *w->map);
	w->num = xcalloc(nkinds ? nkinds : 1, sizeof *w->num);
	for (k = 0; k < nkinds; k++)
		if (REC_NCOMMON + kinds[k].ncols > maxf)
			maxf = REC_NCOMMON + kinds[k].ncols;
	w->ucols = xcalloc(REC_NCOMMON + maxf * (nkinds ? nkinds : 1),
	    sizeof *w->ucols);
	for (c = 0; c < REC_NCOMMON; c++)
		w->ucols[w->nucols++] = rec_common_cols[c];
	for (k = 0; k < nkinds; k++) {
		const struct rec_kind *kd = &kinds[k];
		size_t nf = REC_NCOMMON + kd->ncols;

		w->map[k] = xcalloc(nf, sizeof **w->map);
		w->num[k] = xcalloc(nf, 1);
		for (c = 0; c < nf; c++) {
			const char *name = col_name(kd, c);

			w->num[k][c] = (unsigned char)rec_numeric_col(name);
			for (u = 0; u < w->nucols; u++)
				if (!strcmp(w->ucols[u], name))
					break;
			if (u == w->nucols && kd->keep)
				w->ucols[w->nucols++] = name;
			w->map[k][c] = u;
		}
	}
	w->row = xcalloc(w->nucols, sizeof *w->row);
	w->fcap = maxf + 1;
	w->f = xcalloc(w->fcap, sizeof *w->f);
	return w;
}

void
recw_free(struct recw *w)
{
	if (!w)
		return;
	for (size_t k = 0; k < w->nkinds; k++) {
		free(w->map[k]);
		free(w->num[k]);
	}
	free(w->map);
	free(w->num);
	free(w->ucols);
	free(w->row);
	free(w->f);
	buf_free(&w->line);
	buf_free(&w->tmp);
	free(w);
}

/* CSV: a field, quoted when RFC 4180 says it must be. */
static void
csv_field(FILE *f, const char *s, size_t n)
{
	if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n)
	    && !memchr(s, '\r', n)) {
		fwrite(s, 1, n, f);
		return;
	}
	putc('"', f);
	for (const char *q; n && (q = memchr(s, '"', n)); ) {
		fwrite(s, 1, (size_t)(q - s) + 1, f);
		putc('"', f);
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	fwrite(s, 1, n, f);
	putc('"', f);
}

/* JSON: a string, with the escapes JSON requires (valid UTF-8 in). */
static void
json_string(FILE *f, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i, start = 0;

	putc('"', f);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *rep;
		char u[7];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		switch (c) {
		case '"': rep = "\\\""; break;
		case '\\': rep = "\\\\"; break;
		case '\n': rep = "\\n"; break;
		case '\t': rep = "\\t"; break;
		case '\r': rep = "\\r"; break;
		default:
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 15];
			u[6] = '\0';
			rep = u;
		}
		fwrite(s + start, 1, i - start, f);
		fputs(rep, f);
		start = i + 1;
	}
	fwrite(s + start, 1, n - start, f);
	putc('"', f);
}

/* A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static int
json_number(const char *s, size_t n)
{
	size_t i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && is_digit((unsigned char)s[i]))
		while (i < n && is_digit((unsigned char)s[i]))
			i++;
	else
		return 0;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && is_digit((unsigned char)s[i]); i++)
			;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && is_digit((unsigned char)s[i]); i++)
			;
		if (i == d)
			return 0;
	}
	return i == n;
}

/* Each kept kind's columns, TAB-separated, a line each; with its name
 * first when named. */
static void
kind_lines(struct recw *w, int named)
{
	for (size_t k = 0; k < w->nkinds; k++) {
		if (!w->kinds[k].keep)
			continue;
		if (named)
			fprintf(w->out, "%s\t", w->kinds[k].name);
		for (size_t c = 0; c < REC_NCOMMON + w->kinds[k].ncols; c++) {
			if (c)
				putc('\t', w->out);
			fputs(col_name(&w->kinds[k], c), w->out);
		}
		putc('\n', w->out);
	}
}

void
recw_schema(struct recw *w)
{
	kind_lines(w, 1);
}

void
recw_header(struct recw *w)
{
	size_t c;

	switch (w->fmt) {
	case REC_TSV:
		kind_lines(w, 0);
		break;
	case REC_CSV:
		for (c = 0; c < w->nucols; c++) {
			if (c)
				putc(',', w->out);
			csv_field(w->out, w->ucols[c], strlen(w->ucols[c]));
		}
		fputs("\r\n", w->out);
		break;
	case REC_JSONL:
		break;
	}
}

int
recw_record(struct recw *w, const char *line, size_t len)
{
	const char *tab;
	size_t k, c, n, klen;

	if (len && line[len - 1] == '\n')
		len--;
	tab = memchr(line, '\t', len);
	klen = tab ? (size_t)(tab - line) : len;
	for (k = 0; k < w->nkinds; k++)
		if (strlen(w->kinds[k].name) == klen
		    && !memcmp(w->kinds[k].name, line, klen))
			break;
	if (k == w->nkinds)
		return -1;
	if (!w->kinds[k].keep)
		return 1;
	if (w->fmt == REC_TSV) {	/* as it is, once its fields are counted */
		const char *p = line, *end = line + len;

		for (n = 1; (p = memchr(p, '\t', (size_t)(end - p))); p++)
			n++;
		if (n != REC_NCOMMON + w->kinds[k].ncols)
			return -2;
		fwrite(line, 1, len, w->out);
		putc('\n', w->out);
		return 0;
	}
	buf_set(&w->line, line, len);
	n = tsv_split(w->line.data, w->line.len, w->f, w->fcap);
	if (n != REC_NCOMMON + w->kinds[k].ncols)
		return -2;
	for (c = 0; c < n; c++)
		w->f[c].len = tsv_unescape(w->f[c].p, w->f[c].len, NULL);
	if (w->fmt == REC_CSV) {
		static const struct field empty = {"", 0};

		for (c = 0; c < w->nucols; c++)
			w->row[c] = &empty;
		for (c = 0; c < n; c++)
			w->row[w->map[k][c]] = &w->f[c];
		for (c = 0; c < w->nucols; c++) {
			if (c)
				putc(',', w->out);
			csv_field(w->out, w->row[c]->p, w->row[c]->len);
		}
		fputs("\r\n", w->out);
		return 0;
	}
	putc('{', w->out);
	for (c = 0; c < n; c++) {
		const char *name = col_name(&w->kinds[k], c);
		const char *s = w->f[c].p;
		size_t sl = w->f[c].len;

		if (c)
			putc(',', w->out);
		json_string(w->out, name, strlen(name));
		putc(':', w->out);
		if (w->num[k][c] && sl == 0) {
			fputs("null", w->out);
			continue;
		}
		if (w->num[k][c] && json_number(s, sl)) {
			fwrite(s, 1, sl, w->out);
			continue;
		}
		if (!utf8_valid(s, sl)) {
			buf_reset(&w->tmp);
			utf8_repair(s, sl, &w->tmp);
			s = w->tmp.data;
			sl = w->tmp.len;
		}
		json_string(w->out, s, sl);
	}
	fputs("}\n", w->out);
	return 0;
}

int
recw_record_kind(struct recw *w, size_t k, const char *line, size_t len)
{
	if (w->fmt != REC_TSV || k >= w->nkinds || len == 0 ||
	    line[len - 1] != '\n')
		return recw_record(w, line, len);
	if (!w->kinds[k].keep)
		return 1;
	fwrite(line, 1, len, w->out);
	return 0;
}
