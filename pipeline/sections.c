/*
 * sections — parts of an agenda pack and minute items; see sections.h.
 *
 * The splitter holds up to SPLIT_LOOKAHEAD + 1 paragraphs of one source
 * in a ring.  The oldest is decided when the ring is full (or the source
 * or input ends), looking at the ones behind it: a heading that the
 * converter cut into several paragraphs (a report's "BODY: DATE", title
 * lines and "REPORT OF …"; a minute number above its title) is recognised
 * as a whole.  Every test on a paragraph runs on its "clean" form:
 * unescaped, Markdown/HTML emphasis gone, white space collapsed, so the
 * three layouts (pdftotext -layout, raw, Markdown) look alike.
 *
 * Minute items are accepted only inside a minutes section, and only when
 * they look like headings (short, capitalised, not a sentence, not a
 * resolution part) and continue the section's numbering: same style
 * ("22.", "Minute 45", "45/24", "C.12", "(12)" …), a number a little
 * above the last one.  That is what keeps agenda lists, report paragraphs,
 * lettered sub-points and numbered lists inside an item out.
 */
#include "sections.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dates.h"
#include "err.h"
#include "tsv.h"

#define RING (SPLIT_LOOKAHEAD + 1)

enum section { SEC_OTHER, SEC_AGENDA, SEC_MINUTES, SEC_REPORT };
static const char *const section_names[] = {"other", "agenda", "minutes", "report"};

/* Minute numbering styles; items of one minutes section share one. */
enum style {
	ST_NONE,
	ST_DOT,		/* 22.  22: */
	ST_BARE,	/* 22 Title */
	ST_WORD,	/* Minute 45, Min. No. 12 */
	ST_SLASH,	/* 45/24, 2023/114 */
	ST_PREFIX,	/* C.12, CAB 23, PC/45/19 */
	ST_PAREN	/* (12) */
};

struct para {
	struct buf raw;		/* the text field as read, still escaped */
	struct buf clean;	/* unescaped, markup gone, spaces collapsed */
	unsigned long line;
};

struct numinfo {
	size_t ns, ne;		/* the number as printed, within clean */
	size_t ts;		/* where the title starts */
	long value;		/* the running number used for sequence */
	int style;
	char prefix[8];		/* letters of ST_PREFIX */
	int only;		/* the paragraph holds nothing but the number */
};

struct splitter {
	struct para ring[RING];
	size_t head, count;
	struct buf source;
	int have_source;

	/* State of the current source. */
	int section;
	char date[DATE_ISO_LEN + 1];
	struct buf body, title, minute;
	int have_item;
	long last;
	int style;
	char prefix[8];
	int in_resolved;	/* inside a RESOLVED block of the current item */
	int dotted;		/* item headings with a full stop minus those without */
	int heading_left;	/* paragraphs of a recognised heading to come */

	struct buf joined;	/* scratch: headings spread over paragraphs */
	struct buf text;	/* scratch: heading text joined for output */
};

/* ---- small text helpers ---------------------------------------------- */

static int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_alpha(int c)
{
	return is_upper(c) || is_lower(c);
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int
lower(int c)
{
	return is_upper(c) ? c + 32 : c;
}

/* s[0..n) starts with the ASCII word w, any case, followed by a non-letter. */
static int
starts_word(const char *s, size_t n, const char *w)
{
	size_t k, wl = strlen(w);

	if (n < wl)
		return 0;
	for (k = 0; k < wl; k++)
		if (lower((unsigned char)s[k]) != lower((unsigned char)w[k]))
			return 0;
	return n == wl || !is_alpha((unsigned char)s[wl]);
}

/* s[0..n) starts with prefix p, any case. */
static int
starts_with(const char *s, size_t n, const char *p)
{
	size_t k, pl = strlen(p);

	if (n < pl)
		return 0;
	for (k = 0; k < pl; k++)
		if (lower((unsigned char)s[k]) != lower((unsigned char)p[k]))
			return 0;
	return 1;
}

/* Offset of needle in s[0..n) (case-insensitive when icase), or n. */
static size_t
find(const char *s, size_t n, const char *needle, int icase)
{
	size_t nl = strlen(needle), i, k;
	unsigned char f0, f1;

	if (nl == 0 || nl > n)
		return n;
	f0 = (unsigned char)needle[0];
	f1 = icase ? (unsigned char)(is_upper(f0) ? f0 + 32 : is_lower(f0) ? f0 - 32 : f0) : f0;
	for (i = 0; i + nl <= n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* the first byte decides most places cheaply */
		if (c != f0 && c != f1)
			continue;
		for (k = 1; k < nl; k++) {
			int a = (unsigned char)s[i + k], b = (unsigned char)needle[k];

			if (icase ? lower(a) != lower(b) : a != b)
				break;
		}
		if (k == nl)
			return i;
	}
	return n;
}

/* Share of upper-case among ASCII letters, in percent; -1 if < 2 letters. */
static int
caps_percent(const char *s, size_t n)
{
	size_t i, up = 0, all = 0;

	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (is_upper(c))
			up++, all++;
		else if (is_lower(c))
			all++;
	}
	return all < 2 ? -1 : (int)(up * 100 / all);
}

static size_t
count_words(const char *s, size_t n)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ') {
			in = 0;
		} else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/* Separators between a number and its title, or a body and its date. */
static size_t
sep_len(const char *s, size_t n)
{
	unsigned char c;

	if (n == 0)
		return 0;
	c = (unsigned char)s[0];
	if (c == ' ' || c == '.' || c == ':' || c == '-' || c == ',' || c == '|')
		return 1;
	/* U+2013 en dash, U+2014 em dash */
	if (n >= 3 && c == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
		return 3;
	return 0;
}

static void
trim_seps(const char *s, size_t *a, size_t *b)
{
	size_t k;

	while (*a < *b && (k = sep_len(s + *a, *b - *a)) > 0)
		*a += k;
	for (;;) {
		if (*b > *a && (s[*b - 1] == ' ' || s[*b - 1] == ':' ||
		    s[*b - 1] == '-' || s[*b - 1] == ',' || s[*b - 1] == '.' ||
		    s[*b - 1] == '|')) {
			(*b)--;
		} else if (*b >= *a + 3 && (unsigned char)s[*b - 3] == 0xe2 &&
		    (unsigned char)s[*b - 2] == 0x80 &&
		    ((unsigned char)s[*b - 1] == 0x93 || (unsigned char)s[*b - 1] == 0x94)) {
			*b -= 3;
		} else {
			break;
		}
	}
}

/*
 * The clean form of a text field: unescaped; Markdown heading marks,
 * emphasis stars and underscores pairs, and short HTML tags dropped; runs
 * of white space made one space; trimmed.
 */
static void
make_clean(struct buf *out, const char *raw, size_t n)
{
	size_t i, start, o = 0;
	int space = 1;
	char *d;

	buf_reset(out);
	buf_reserve(out, n + 1);
	d = out->data;		/* the clean form is never longer than the raw */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == '\\' && i + 1 < n) {
			char e = raw[i + 1];

			if (e == 't' || e == 'n' || e == 'r') {
				c = ' ';
				i++;
			} else if (e == '\\') {
				i++;
			}
		}
		if (c == '*' || (c == '_' && i + 1 < n && raw[i + 1] == '_')) {
			if (c == '_')
				i++;
			continue;
		}
		if (c == '_' && i > 0 && raw[i - 1] == '_')
			continue;
		if (c == '<') {
			/* <u>, </b>, <sup>, <br/> … : letters only, short */
			size_t j = i + 1;

			if (j < n && raw[j] == '/')
				j++;
			while (j < n && j - i < 8 && is_alpha((unsigned char)raw[j]))
				j++;
			if (j < n && raw[j] == '/')
				j++;
			if (j < n && raw[j] == '>' && j > i + 1 &&
			    is_alpha((unsigned char)raw[i + 1 + (raw[i + 1] == '/')])) {
				i = j;
				continue;
			}
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (!space) {
				d[o++] = ' ';
				space = 1;
			}
			continue;
		}
		d[o++] = (char)c;
		space = 0;
	}
	while (o > 0 && d[o - 1] == ' ')
		o--;
	/* Markdown heading or quote marks at the start. */
	start = 0;
	while (start < o && (d[start] == '#' || d[start] == '>'))
		start++;
	if (start > 0 && (start == o || d[start] == ' ')) {
		while (start < o && d[start] == ' ')
			start++;
		memmove(d, d + start, o - start);
		o -= start;
	}
	out->len = o;
	d[o] = '\0';
}

/* ---- ring of paragraphs ---------------------------------------------- */

static struct para *
at(struct splitter *sp, size_t k)
{
	return &sp->ring[(sp->head + k) % RING];
}

static void
pop(struct splitter *sp, size_t k)
{
	sp->head = (sp->head + k) % RING;
	sp->count -= k;
}

/* ---- output ----------------------------------------------------------- */

static void
emit_text(struct splitter *sp, FILE *out, unsigned long line,
    const char *text, size_t len)
{
	fwrite(sp->source.data, 1, sp->source.len, out);
	fprintf(out, "\t%lu\t%s\t%s\t", line, section_names[sp->section], sp->date);
	tsv_write(out, sp->body.data, sp->body.len);
	putc('\t', out);
	if (sp->section == SEC_MINUTES)
		tsv_write(out, sp->minute.data, sp->minute.len);
	putc('\t', out);
	if (sp->section == SEC_MINUTES || sp->section == SEC_REPORT)
		tsv_write(out, sp->title.data, sp->title.len);
	putc('\t', out);
	fwrite(text, 1, len, out);	/* already escaped */
	putc('\n', out);
}

static void
emit(struct splitter *sp, FILE *out, struct para *p)
{
	emit_text(sp, out, p->line, p->raw.data, p->raw.len);
}

static void
set_buf(struct buf *b, const char *s, size_t n)
{
	buf_reset(b);
	buf_append(b, s, n);
}

static void
reset_state(struct splitter *sp)
{
	sp->section = SEC_OTHER;
	sp->date[0] = '\0';
	buf_reset(&sp->body);
	buf_reset(&sp->title);
	buf_reset(&sp->minute);
	sp->have_item = 0;
	sp->last = 0;
	sp->style = ST_NONE;
	sp->prefix[0] = '\0';
	sp->in_resolved = 0;
	sp->dotted = 0;
	sp->heading_left = 0;
}

static void
enter(struct splitter *sp, int section)
{
	reset_state(sp);
	sp->section = section;
}

/* ---- minutes headings ------------------------------------------------- */

/* What councils call their meetings' bodies. */
static const char *const body_nouns[] = {
	"committee", "council", "board", "cabinet", "panel", "commission",
	"forum", "group", "executive", "authority", "assembly", "partnership",
	"meeting", "trust", NULL
};


static const char *const meeting_words[] = {
	"special", "extraordinary", "annual", "ordinary", "adjourned",
	"reconvened", "virtual", "remote", "informal", "joint", "inaugural",
	"budget", "statutory", "general", "public", NULL
};

static size_t
skip_word(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] != ' ')
		i++;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static int
in_list(const char *s, size_t n, const char *const *list)
{
	size_t k;

	for (k = 0; list[k]; k++)
		if (starts_word(s, n, list[k]))
			return 1;
	return 0;
}

/*
 * Where a body's name that starts at c[i] ends, looking no further than
 * limit (the date, when there is one): before "held", "on", "at", a dash,
 * a comma, a colon, a bracket or a full stop.
 */
static size_t
body_end(const char *c, size_t i, size_t limit)
{
	static const char *const stops[] = {
		" held ", " HELD ", " on ", " ON ", " at ", " AT ", " in the ",
		" to be held", " which will", " will be held", " \xe2\x80\x94",
		" \xe2\x80\x93", " - ", ", ", ": ", " (", ". ", NULL
	};
	static const char *const last_words[] = {" held", " HELD", " on", " at", NULL};
	size_t j = limit, k;

	for (k = 0; stops[k]; k++) {
		size_t f = find(c + i, limit - i, stops[k], 0);

		if (i + f < j)
			j = i + f;
	}
	/* a heading cut just after "held" */
	for (k = 0; last_words[k]; k++) {
		size_t wl = strlen(last_words[k]);

		if (j >= i + wl && memcmp(c + j - wl, last_words[k], wl) == 0) {
			j -= wl;
			break;
		}
	}
	return j;
}

/*
 * Can a minutes heading start at c[p]?  At the start of the paragraph, or
 * with a capital after the end of a sentence or after a line the converter
 * ran into it; not inside a sentence ("the Minutes of the meeting …").
 */
static int
heading_may_start(const char *c, size_t p)
{
	static const char *const inside[] = {
		"the", "of", "and", "to", "with", "in", "from", "see", "approve",
		"approved", "confirm", "confirmed", "sign", "signed", "agree", "agreed",
		"receive", "received", "note", "noted", "that", "these", "those", "draft",
		"previous", "last", "are", "were", "as", "by", "its", "their", "our", NULL
	};
	size_t w;

	if (p == 0)
		return 1;
	if (p < 2 || c[p] != 'M' || c[p - 1] != ' ')
		return 0;
	if (strchr(".?!:)", c[p - 2]))
		return 1;
	w = p - 1;
	while (w > 0 && is_alpha((unsigned char)c[w - 1]))
		w--;
	return !in_list(c + w, p - 1 - w, inside);
}

/*
 * After a heading's date c[e..n) only a time or the next heading word
 * may follow, not the rest of a sentence ("… were approved") nor an
 * agenda's page reference ("(Pages 3 - 8)").
 */
static int
after_date_ok(const char *c, size_t e, size_t n)
{
	while (e < n && (c[e] == ' ' || c[e] == '.' || c[e] == ',' || c[e] == ')' ||
	    c[e] == '('))
		e++;
	if (e < n && is_lower((unsigned char)c[e]) &&
	    !starts_word(c + e, n - e, "at") && !starts_word(c + e, n - e, "commencing") &&
	    !starts_word(c + e, n - e, "starting") && !starts_word(c + e, n - e, "from") &&
	    !starts_word(c + e, n - e, "beginning"))
		return 0;
	return find(c + e, n - e, "page", 1) >= n - e;
}

/*
 * A minutes heading in c[0..n): "Minutes of a meeting of BODY held … DATE",
 * "MINUTES OF THE BODY — DATE", "Minutes of the BODY meeting held on …".
 * It opens the paragraph or follows the end of a sentence in it (the
 * converter may have run it into what precedes).  Sets the body span and,
 * when the paragraph holds one, the date; *has_date tells.
 */
static int
minutes_heading(const char *c, size_t n, size_t *bs, size_t *be, char *iso,
    int *has_date)
{
	size_t p = 0, i, j, limit, ds, de;

	for (;;) {
		p += find(c + p, n - p, "minutes of ", 1);
		if (p >= n)
			return 0;
		if (heading_may_start(c, p))
			break;
		p++;
	}
	i = p + 11;
	if (starts_word(c + i, n - i, "a") || starts_word(c + i, n - i, "an") ||
	    starts_word(c + i, n - i, "the"))
		i = skip_word(c, i, n);
	while (i < n && in_list(c + i, n - i, meeting_words))
		i = skip_word(c, i, n);
	if (starts_word(c + i, n - i, "meeting") || starts_word(c + i, n - i, "proceedings")) {
		i = skip_word(c, i, n);
		if (!starts_word(c + i, n - i, "of")) {
			/* "Minutes of the meeting held on DATE": the body was printed above */
			if (p > 0 || !starts_word(c + i, n - i, "held") ||
			    !date_find(c + i, n - i, iso, &ds, &de) || n > 160 ||
			    !after_date_ok(c, i + de, n))
				return 0;
			*has_date = 1;
			*bs = *be = 0;
			return 2;
		}
		i = skip_word(c, i, n);
		if (starts_word(c + i, n - i, "the"))
			i = skip_word(c, i, n);
	}
	if (i >= n || !(is_upper((unsigned char)c[i]) || (unsigned char)c[i] >= 0x80))
		return 0;
	if (starts_word(c + i, n - i, "previous") || starts_word(c + i, n - i, "last"))
		return 0;
	*has_date = date_find(c + i, n - i, iso, &ds, &de);
	ds += i;
	de += i;
	limit = *has_date ? ds : n;
	if (limit - p > 300)
		return 0;
	j = body_end(c, i, limit);
	trim_seps(c, &i, &j);
	if (j >= i + 8 && (c[j - 8] == ' ') && starts_word(c + j - 7, 7, "meeting"))
		j -= 8;
	if (j <= i || j - i > 150)
		return 0;
	*bs = i;
	*be = j;
	if (*has_date) {
		if (!after_date_ok(c, de, n))
			return 0;
	} else if (n > 200) {
		return 0;
	}
	return 1;
}

/* ---- signature block --------------------------------------------------- */

/* A clock time at s[*i]: "2", "2.00", "14:00", "2.00pm", "2 p.m.". */
static int
time_at(const char *s, size_t *i, size_t n, int *ampm, int *colon)
{
	size_t j = *i, d = 0;

	while (j < n && is_digit((unsigned char)s[j]) && d < 3)
		j++, d++;
	if (d == 0 || d > 2)
		return 0;
	*colon = 0;
	if (j + 2 < n && (s[j] == '.' || s[j] == ':') && is_digit((unsigned char)s[j + 1]) &&
	    is_digit((unsigned char)s[j + 2])) {
		*colon = s[j] == ':';
		j += 3;
	}
	while (j < n && s[j] == ' ')
		j++;
	*ampm = 0;
	if (j + 1 < n && (lower((unsigned char)s[j]) == 'a' || lower((unsigned char)s[j]) == 'p')) {
		if (lower((unsigned char)s[j + 1]) == 'm' && (j + 2 >= n || !is_alpha((unsigned char)s[j + 2]))) {
			*ampm = 1;
			j += 2;
		} else if (j + 3 < n && s[j + 1] == '.' && lower((unsigned char)s[j + 2]) == 'm' &&
		    s[j + 3] == '.') {
			*ampm = 1;
			j += 4;
		}
	} else if (starts_word(s + j, n - j, "noon")) {
		*ampm = 1;
		j += 4;
	}
	*i = j;
	return 1;
}

/* "2.00 - 4.10 pm", "1.30pm – 3.55pm CHAIRMAN", "10.00 am to 12.15 pm". */
static int
times_line(const char *c, size_t n)
{
	size_t i = 0, k;
	int a1, a2, c1, c2;

	if (n > 0 && c[0] == '(')
		i++;	/* "(2.00 pm - 4.10 pm)" */
	if (n > 200 || i >= n || !is_digit((unsigned char)c[i]))
		return 0;
	if (!time_at(c, &i, n, &a1, &c1))
		return 0;
	while (i < n && c[i] == ' ')
		i++;
	if (i < n && c[i] == '-')
		i++;
	else if (i + 2 < n && (k = sep_len(c + i, n - i)) == 3)
		i += 3;
	else if (starts_word(c + i, n - i, "to"))
		i += 2;
	else
		return 0;
	while (i < n && c[i] == ' ')
		i++;
	if (!time_at(c, &i, n, &a2, &c2))
		return 0;
	if (!a1 && !a2 && !(c1 && c2))
		return 0;
	while (i < n && (c[i] == ' ' || c[i] == '.' || c[i] == ')'))
		i++;
	/* What follows: nothing, the chair's line, a date, or little else. */
	if (i == n || starts_with(c + i, n - i, "chair") || is_digit((unsigned char)c[i]))
		return 1;
	return n - i <= 60;
}

static const char *const chair_words[] = {
	"chair", "chairman", "chairwoman", "chairperson", "chairman's", "signed",
	"signature", "date", "dated", "mayor", "presiding", "member", "of", "the",
	"meeting", "vice", "confirmed", "as", "a", "correct", "record", NULL
};

/* "CHAIRMAN", "Chair", "Signed …… Chairman", "Chair: ______ Date: ____". */
static int
chair_line(const char *c, size_t n)
{
	size_t i = 0;
	int strong = 0;
	char iso[DATE_ISO_LEN + 1];

	if (n == 0 || n > 120 || !is_upper((unsigned char)c[0]))
		return 0;
	while (i < n) {
		size_t j = i;

		if (!is_alpha((unsigned char)c[i])) {
			i++;
			continue;
		}
		while (j < n && (is_alpha((unsigned char)c[j]) || c[j] == '\''))
			j++;
		if (starts_with(c + i, j - i, "chair") || starts_word(c + i, j - i, "mayor") ||
		    starts_word(c + i, j - i, "presiding"))
			strong = 1;
		else if (starts_word(c + i, j - i, "signed") && j < n &&
		    (c[j] == ':' || c[j] == '.' || c[j] == '_' || (c[j] == ' ' && j + 1 < n &&
		    (c[j + 1] == '.' || c[j + 1] == '_'))))
			strong = 1;	/* "Signed: …", "Signed ………", not "… and signed." */
		else if (!in_list(c + i, j - i, chair_words) &&
		    !date_find(c + i, n - i, iso, NULL, NULL))
			return 0;
		i = j;
	}
	return strong;
}

/*
 * "The meeting closed at 4.10 pm.", "(The meeting ended at 8.30pm)",
 * "The meeting commenced at 7.00 pm and closed at 8.45 pm", "The Chairman
 * closed the meeting at 9.05 pm", "Meeting ended: 4.10 pm".
 */
static int
closing_line(const char *c, size_t n)
{
	static const char *const ends[] = {
		"closed at", "ended at", "finished at", "concluded at", "terminated at",
		"rose at", "closed the meeting at", "ended:", "closed:", NULL
	};
	size_t i = 0, k;

	if (n > 120)
		return 0;
	if (i < n && c[i] == '(')
		i++;
	if (starts_word(c + i, n - i, "the"))
		i = skip_word(c, i, n);
	if (!starts_word(c + i, n - i, "meeting") && !starts_with(c + i, n - i, "chair"))
		return 0;
	i = skip_word(c, i, n);
	for (k = 0; ends[k]; k++) {
		size_t f = find(c + i, n - i, ends[k], 1);

		/* followed by a time */
		if (f < n - i) {
			size_t j = i + f + strlen(ends[k]);

			while (j < n && c[j] == ' ')
				j++;
			if (j < n && is_digit((unsigned char)c[j]))
				return 1;
		}
	}
	return 0;
}

/* ---- minute numbers ---------------------------------------------------- */

static size_t
digits(const char *s, size_t i, size_t n)
{
	size_t j = i;

	while (j < n && is_digit((unsigned char)s[j]))
		j++;
	return j - i;
}

static long
number_value(const char *s, size_t len)
{
	long v = 0;
	size_t k;

	for (k = 0; k < len && k < 9; k++)
		v = v * 10 + (s[k] - '0');
	return v;
}

/* After the number: separators, then the title (or nothing). */
static void
number_tail(const char *c, size_t n, size_t i, struct numinfo *ni)
{
	size_t k;

	while (i < n && (k = sep_len(c + i, n - i)) > 0)
		i += k;
	ni->ts = i;
	ni->only = i >= n;
}

/*
 * A minute number at the start of c[0..n), in any style of conventions.md.
 * Fills *ni and returns 1; says nothing yet about whether it is an item.
 */
static int
parse_number(const char *c, size_t n, struct numinfo *ni)
{
	size_t i = 0, d, d2;

	memset(ni, 0, sizeof *ni);
	if (n == 0)
		return 0;
	if (is_digit((unsigned char)c[0])) {
		d = digits(c, 0, n);
		if (d > 4)
			return 0;
		i = d;
		ni->ns = 0;
		if (i + 1 < n && c[i] == '/' && (d2 = digits(c, i + 1, n)) > 0 && d2 <= 4) {
			size_t second = i + 1;

			i += 1 + d2;
			if (i + 1 < n && c[i] == '/' && digits(c, i + 1, n) > 0)
				i += 1 + digits(c, i + 1, n);
			if (i < n && c[i] != ' ' && c[i] != '.' && c[i] != ':')
				return 0;
			ni->ne = i;
			ni->style = ST_SLASH;
			ni->value = d == 4 && number_value(c, d) >= 1900 ?
			    number_value(c + second, d2) : number_value(c, d);
			if (i < n && c[i] == '.')
				i++;
			number_tail(c, n, i, ni);
			return 1;
		}
		ni->ne = i;
		ni->value = number_value(c, d);
		if (i == n) {
			ni->style = ST_BARE;
		} else if (c[i] == '.' || c[i] == ':') {
			/* "22." but not "3.1" or "1.30" */
			if (i + 1 < n && !(c[i + 1] == ' ' || is_upper((unsigned char)c[i + 1]) ||
			    (unsigned char)c[i + 1] >= 0x80))
				return 0;
			ni->style = ST_DOT;
			i++;
		} else if (c[i] == ' ') {
			ni->style = ST_BARE;
		} else {
			return 0;
		}
		number_tail(c, n, i, ni);
		return 1;
	}
	if (c[0] == '(') {
		d = digits(c, 1, n);
		if (d == 0 || d > 4 || 1 + d >= n || c[1 + d] != ')')
			return 0;
		if (2 + d < n && c[2 + d] != ' ')
			return 0;
		ni->ns = 1;
		ni->ne = 1 + d;
		ni->value = number_value(c + 1, d);
		ni->style = ST_PAREN;
		number_tail(c, n, 2 + d, ni);
		return 1;
	}
	if (starts_word(c, n, "minute") || starts_word(c, n, "min") ||
	    starts_word(c, n, "item")) {
		int is_item = starts_word(c, n, "item");

		i = is_item ? 4 : starts_with(c, n, "minute") ? 6 : 3;
		if (i < n && c[i] == '.')
			i++;
		while (i < n && c[i] == ' ')
			i++;
		if (starts_word(c + i, n - i, "no") || starts_word(c + i, n - i, "number")) {
			i = skip_word(c, i, n);
			if (i > 0 && c[i - 1] != ' ')
				return 0;
		}
		while (i < n && (c[i] == '.' || c[i] == ' '))
			i++;
		/* "No.12" */
		if (i < n && !is_digit((unsigned char)c[i]) && !is_upper((unsigned char)c[i]))
			return 0;
		ni->ns = i;
		while (i < n && is_upper((unsigned char)c[i]) && i - ni->ns < 5)
			i++;
		if (i < n && c[i] == '.' && i > ni->ns)
			i++;
		d = digits(c, i, n);
		if (d == 0 || d > 4)
			return 0;
		ni->value = number_value(c + i, d);
		i += d;
		if (i + 1 < n && c[i] == '/' && (d2 = digits(c, i + 1, n)) > 0) {
			if (d == 4 && ni->value >= 1900)
				ni->value = number_value(c + i + 1, d2);
			i += 1 + d2;
		}
		if (i < n && c[i] != ' ' && c[i] != '.' && c[i] != ':')
			return 0;
		ni->ne = i;
		ni->style = ST_WORD;
		if (i < n && c[i] == '.')
			i++;
		number_tail(c, n, i, ni);
		return 1;
	}
	if (is_upper((unsigned char)c[0])) {
		size_t l = 0;
		int dot = 0;

		while (l < n && is_upper((unsigned char)c[l]))
			l++;
		if (l > 5)
			return 0;
		i = l;
		if (i < n && (c[i] == '.' || c[i] == '/' || c[i] == ' ')) {
			dot = c[i] == '.';
			i++;
		}
		d = digits(c, i, n);
		if (d == 0 || d > 3)
			return 0;
		if (l == 1 && !dot && strchr("QAMBS", c[0]))
			return 0;	/* Q1, A6 road, M1, B-roads, S106 */
		ni->value = number_value(c + i, d);
		i += d;
		if (i + 1 < n && c[i] == '/' && (d2 = digits(c, i + 1, n)) > 0 && d2 <= 4)
			i += 1 + d2;
		if (i < n && c[i] != ' ' && c[i] != '.' && c[i] != ':')
			return 0;
		ni->ns = 0;
		ni->ne = i;
		ni->style = ST_PREFIX;
		memcpy(ni->prefix, c, l);
		ni->prefix[l] = '\0';
		if (i < n && c[i] == '.')
			i++;
		number_tail(c, n, i, ni);
		return 1;
	}
	return 0;
}

/* Verbs of narrative that item titles do not use. */
static const char *const sentence_words[] = {
	" was ", " were ", " had ", " would ", " noted ", " reported ",
	" explained ", " advised ", " stated ", " informed ", " welcomed ",
	" did ", " could ", NULL
};

/*
 * Does t[0..n) read as an item title rather than a sentence or a list
 * entry?  strict asks more (used when nothing else vouches for it).
 */
static int
title_like(const char *t, size_t n, int strict, int in_resolved)
{
	size_t words, i, stops = 0;
	unsigned char c0, last;
	int k;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.'))
		n--;
	if (n < 2 || n > 250)
		return 0;
	c0 = (unsigned char)t[0];
	if (!(is_upper(c0) || is_digit(c0) || c0 == '"' || c0 == '\'' || c0 == '(' ||
	    c0 >= 0x80))
		return 0;
	if (starts_word(t, n, "that") || starts_word(t, n, "resolved") ||
	    starts_word(t, n, "agreed") || starts_word(t, n, "question from") ||
	    starts_word(t, n, "question by") || starts_word(t, n, "question asked"))
		return 0;
	last = (unsigned char)t[n - 1];
	if (last == ';' || last == ',')
		return 0;
	if (n >= 4 && (starts_word(t + n - 4, 4, " and") || starts_word(t + n - 3, 3, " or")))
		return 0;
	words = count_words(t, n);
	if (words > 30 || (strict && words > 22))
		return 0;
	if (last == '?' && words > 6)
		return 0;	/* a question put, not an item */
	for (i = 2; i + 2 < n; i++) {
		/* a full stop inside, then a capital: a second sentence */
		if (t[i] == '.' && t[i + 1] == ' ' && is_upper((unsigned char)t[i + 2]) &&
		    is_lower((unsigned char)t[i - 1]) && !(i >= 2 && t[i - 2] == ' ') &&
		    !(i >= 3 && is_upper((unsigned char)t[i - 3]) && t[i - 2] == 'o'))
			stops++;
	}
	if (stops > 0 && words > 8)
		return 0;
	{
		char pad[260];

		pad[0] = ' ';
		memcpy(pad + 1, t, n);
		pad[n + 1] = ' ';
		for (k = 0; sentence_words[k]; k++)
			if (find(pad, n + 2, sentence_words[k], 0) < n + 2)
				return 0;
		if ((in_resolved || strict) && find(pad, n + 2, " be ", 0) < n + 2)
			return 0;
	}
	return 1;
}

/* Title ends with a word that cannot end a title: it goes on. */
static int
title_continues(const char *t, size_t n)
{
	static const char *const tails[] = {
		" of", " and", " the", " for", " in", " to", " on", " with", " under",
		" by", " at", " from", " &", " -", " a", " an", NULL
	};
	int k;

	for (k = 0; tails[k]; k++) {
		size_t tl = strlen(tails[k]);

		if (n > tl && starts_word(t + n - tl, tl, tails[k]))
			return 1;
	}
	return 0;
}

/* A paragraph that opens a RESOLVED block (conventions.md "Decisions"). */
static int
resolved_line(const char *c, size_t n)
{
	size_t i = 0;

	if (starts_word(c, n, "it was") || starts_word(c, n, "unanimously"))
		i = skip_word(c, starts_word(c, n, "it was") ? skip_word(c, 0, n) : 0, n);
	return starts_word(c + i, n - i, "resolved") || starts_word(c + i, n - i, "agreed") ||
	    starts_word(c + i, n - i, "decided") || starts_word(c + i, n - i, "decision") ||
	    starts_word(c + i, n - i, "recommended");
}

/* Words whose full stop does not end a sentence. */
static int
abbreviation_before(const char *t, size_t i)
{
	static const char *const abbr[] = {
		"mr", "mrs", "ms", "dr", "cllr", "cllrs", "no", "nos", "min", "st",
		"rev", "prof", "cc", "etc", "vs", "approx", "ref", NULL
	};
	size_t s = i;
	int k;

	while (s > 0 && is_alpha((unsigned char)t[s - 1]))
		s--;
	if (i - s == 1)
		return 1;	/* an initial: "J. Smith" */
	for (k = 0; abbr[k]; k++)
		if (strlen(abbr[k]) == i - s && starts_with(t + s, i - s, abbr[k]))
			return 1;
	return 0;
}

/*
 * A heading run into the first sentence of its item ("19. Declarations of
 * interest. The Chairman invited …"): the offset just past the full stop
 * that ends a title-like first part, or 0.
 */
static size_t
run_in_cut(const char *t, size_t n, int strict, int in_resolved)
{
	size_t i;

	for (i = 1; i + 2 < n && i < 200; i++) {
		if (t[i] != '.' || t[i + 1] != ' ')
			continue;
		if (!(is_upper((unsigned char)t[i + 2]) || (unsigned char)t[i + 2] >= 0x80 ||
		    t[i + 2] == '"' || t[i + 2] == '\''))
			continue;
		if (abbreviation_before(t, i))
			continue;
		return title_like(t, i + 1, strict, in_resolved) ? i + 1 : 0;
	}
	return 0;
}

/* First words of an item's text, never of a title's last line. */
static const char *const sentence_starts[] = {
	"none", "no", "nil", "noted", "agreed", "resolved", "there", "the", "it",
	"this", "that", "a", "an", "members", "apologies", NULL
};

/* Does t[0..tn) end with a word that a number follows ("Rule", "Order")? */
static int
takes_number(const char *t, size_t tn)
{
	static const char *const words[] = {
		"rule", "order", "item", "section", "minute", "regulation", "paragraph",
		"part", "article", "no", "number", "appendix", "phase", "quarter",
		"stage", NULL
	};
	size_t w = tn;

	while (w > 0 && is_alpha((unsigned char)t[w - 1]))
		w--;
	return w < tn && (w == 0 || t[w - 1] == ' ') && in_list(t + w, tn - w, words);
}

/*
 * Is u[0..un) the last line of a title t[0..tn) that wrapped ("… Scrutiny
 * Procedure" / "Rule 16.")?  Only when the title lacks the full stop this
 * document's headings end with (or is long enough to have wrapped) and u
 * is a short capitalised fragment that has it.
 */
static int
wrapped_tail(const struct splitter *sp, const char *t, size_t tn, const char *u, size_t un)
{
	if (tn == 0 || t[tn - 1] == '.' || t[tn - 1] == ':' || u[un - 1] != '.')
		return 0;
	if (un > 50 || count_words(u, un) > 6)
		return 0;
	if (!(is_upper((unsigned char)u[0]) || is_digit((unsigned char)u[0])))
		return 0;
	if (in_list(u, un, sentence_starts))
		return 0;	/* "Urgent Items" / "None." is an item and its text */
	return sp->dotted > 0 || tn >= 60;
}

/*
 * A title in capitals run into its item's first sentence ("PLANNING
 * APPLICATION – LAND AT MILL FARM The Committee considered the report."):
 * the offset where the sentence starts, or 0.  The capitals must be a
 * title of some length and what follows a sentence of a few words, so
 * "CCTV Strategy" stays whole.
 */
static size_t
caps_cut(const char *t, size_t n)
{
	size_t i = 0, letters = 0, words = 0, w;

	while (i < n) {
		w = i;
		while (i < n && t[i] != ' ')
			i++;
		/* a word with a lower-case letter ends the capitals */
		{
			size_t k, lc = 0, uc = 0;

			for (k = w; k < i; k++) {
				if (is_lower((unsigned char)t[k]))
					lc++;
				else if (is_upper((unsigned char)t[k]))
					uc++;
			}
			if (lc > 0) {
				if (!is_upper((unsigned char)t[w]) || words < 2 || letters < 8)
					return 0;
				if (count_words(t + w, n - w) < 4 ||
				    !(t[n - 1] == '.' || t[n - 1] == ':' || t[n - 1] == ';'))
					return 0;
				return w;
			}
			letters += uc;
		}
		words++;
		while (i < n && t[i] == ' ')
			i++;
	}
	return 0;
}

/*
 * Is the head paragraph a minute item heading?  If so write it (joined
 * with its title paragraph when the number stands alone; cut from the
 * item's first sentence when the two were run together) and return 1.
 */
static int
try_item(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0), *tp;
	const char *c = p->clean.data, *t;
	size_t n = p->clean.len, tn, used, k, cut = 0, rawcut = 0;
	size_t tpara;		/* the paragraph holding the title */
	struct numinfo ni, other;
	int strict;

	if (!parse_number(c, n, &ni))
		return 0;
	if (ni.only) {
		if (sp->count < 2)
			return 0;
		tpara = 1;
		tp = at(sp, 1);
		t = tp->clean.data;
		tn = tp->clean.len;
		if (parse_number(t, tn, &other))
			return 0;
	} else {
		tpara = 0;
		tp = p;
		t = c + ni.ts;
		tn = n - ni.ts;
	}
	used = tpara + 1;
	/* Sequence: same style, a number a little above the last one. */
	if (sp->have_item) {
		int same = ni.style == sp->style ||
		    (ni.style == ST_BARE && sp->style == ST_DOT) ||
		    (ni.style == ST_DOT && sp->style == ST_BARE);

		if (!same || (ni.style == ST_PREFIX && strcmp(ni.prefix, sp->prefix) != 0))
			return 0;
		if (ni.value <= sp->last || ni.value > sp->last + 5)
			return 0;
		strict = ni.value != sp->last + 1 || ni.style == ST_BARE;
	} else {
		if (ni.style == ST_BARE && (ni.value >= 1000 || count_words(t, tn) > 12))
			return 0;	/* "2015 Children and Families" in a list */
		strict = 1;
	}
	cut = caps_cut(t, tn);
	if (cut || !title_like(t, tn, strict, sp->in_resolved)) {
		if (!cut)
			cut = run_in_cut(t, tn, strict, sp->in_resolved);
		if (!cut)
			return 0;
		/* Where the rest starts in the raw text: its first bytes found again. */
		{
			const char *rest = t + cut;
			size_t rl = tn - cut, probe = 0, f;

			while (rl > 0 && *rest == ' ')
				rest++, rl--;
			while (probe < rl && probe < 24 && rest[probe] != '\\' && rest[probe] != '*' &&
			    rest[probe] != '_' && rest[probe] != '<')
				probe++;
			if (probe == 0)
				return 0;
			{
				char needle[32];

				memcpy(needle, rest, probe);
				needle[probe] = '\0';
				f = find(tp->raw.data, tp->raw.len, needle, 0);
			}
			if (f >= tp->raw.len)
				return 0;
			rawcut = f;
		}
		tn = cut;
	} else if (sp->count > used) {
		/* A title that runs on into the next paragraph. */
		struct para *q = at(sp, used);
		const char *u = q->clean.data;
		size_t un = q->clean.len;

		if (un > 0 && un <= 120 && !parse_number(u, un, &other) &&
		    title_like(u, un, 0, 0) &&
		    (title_continues(t, tn) || wrapped_tail(sp, t, tn, u, un)))
			used++;
		else if (un > 0 && un <= 12 && takes_number(t, tn) &&
		    is_digit((unsigned char)u[0]) && (sp->dotted > 0 || tn >= 60) && u[un - 1] == '.')
			used++;	/* "… Procedure Rule" / "16." */
	}

	/* The item's minute and title. */
	set_buf(&sp->minute, c + ni.ns, ni.ne - ni.ns);
	set_buf(&sp->title, t, tn);
	for (k = tpara + 1; k < used; k++) {
		buf_putc(&sp->title, ' ');
		buf_append(&sp->title, at(sp, k)->clean.data, at(sp, k)->clean.len);
	}
	while (sp->title.len > 0 && (sp->title.data[sp->title.len - 1] == ' ' ||
	    sp->title.data[sp->title.len - 1] == '.'))
		sp->title.len--;
	sp->title.data[sp->title.len] = '\0';

	sp->have_item = 1;
	if (at(sp, used - 1)->clean.len > 0 &&
	    at(sp, used - 1)->clean.data[at(sp, used - 1)->clean.len - 1] == '.')
		sp->dotted++;
	else
		sp->dotted--;
	sp->last = ni.value;
	if (sp->style == ST_NONE || ni.style != ST_BARE)
		sp->style = ni.style;
	memcpy(sp->prefix, ni.prefix, sizeof sp->prefix);
	sp->in_resolved = 0;

	/* One heading paragraph: the texts as printed, joined by a space. */
	buf_reset(&sp->text);
	for (k = 0; k < used; k++) {
		struct para *q = at(sp, k);
		size_t len = q->raw.len;

		if (k > 0)
			buf_putc(&sp->text, ' ');
		if (cut && k == tpara) {
			len = rawcut;
			while (len > 0 && q->raw.data[len - 1] == ' ')
				len--;
		}
		buf_append(&sp->text, q->raw.data, len);
	}
	emit_text(sp, out, p->line, sp->text.data, sp->text.len);
	if (cut)
		emit_text(sp, out, tp->line, tp->raw.data + rawcut, tp->raw.len - rawcut);
	pop(sp, used);
	return 1;
}

/* ---- report headings --------------------------------------------------- */

/* "REPORT OF THE DIRECTOR …", "JOINT REPORT OF …", "Report by …". */
static int
report_of(const char *c, size_t n)
{
	return starts_with(c, n, "report of ") || starts_with(c, n, "report by ") ||
	    starts_with(c, n, "joint report of ") || starts_with(c, n, "joint report by ");
}

/* "Purpose of the report": the heading is over. */
static int
report_purpose(const char *c, size_t n)
{
	return starts_with(c, n, "purpose of report") ||
	    starts_with(c, n, "purpose of the report");
}

/*
 * A short line in capitals (or nearly: "(TSIL)", "and/or" survive), or a
 * short line without letters ("2024 - 2025") inside a capitals heading.
 */
static int
caps_line(const char *c, size_t n)
{
	int pc = caps_percent(c, n);

	return n > 0 && n <= 250 && (pc >= 80 || (pc < 0 && n <= 40));
}

/*
 * Where a run of capitals that ends c[0..n) starts ("… Email: x@y.uk
 * CABINET – 14 OCTOBER 2025", "… more text CHILDREN AND FAMILIES
 * COMMITTEE"), or 0.  The run stops at a lower-case letter or a spaced
 * dash; the caller still needs the date and the rest of the heading.
 */
static size_t
caps_tail(const char *c, size_t n)
{
	size_t i = n;

	if (n < 12 || n > 4000)
		return 0;
	while (i > 0) {
		unsigned char ch = (unsigned char)c[i - 1];

		if (is_lower(ch))
			break;
		if (i >= 3 && ch == ' ' && (c[i - 2] == '-' || (unsigned char)c[i - 2] == 0x93 ||
		    (unsigned char)c[i - 2] == 0x94) && (c[i - 3] == ' ' || (unsigned char)c[i - 3] == 0x80))
			break;
		i--;
	}
	/* to the start of a word in capitals */
	while (i < n && !is_upper((unsigned char)c[i]))
		i++;
	if (i == 0 || n - i < 12 || caps_percent(c + i, n - i) < 95 || count_words(c + i, n - i) < 2)
		return 0;
	return i;
}

/* "Cabinet – 14 October 2025", "PLANNING COMMITTEE: 12 JUNE 2019". */
static int
body_date_line(const char *c, size_t n)
{
	char iso[DATE_ISO_LEN + 1];
	size_t ds, de, k;

	if (n > 120 || !is_upper((unsigned char)c[0]) ||
	    !date_find(c, n, iso, &ds, &de) || ds == 0)
		return 0;
	while (de < n && (c[de] == ' ' || c[de] == '.'))
		de++;
	if (de != n)
		return 0;
	for (k = 0; body_nouns[k]; k++)
		if (find(c, ds, body_nouns[k], 1) < ds)
			return 1;
	return 0;
}

/* A short line that can be part of a mixed-case title. */
static int
title_line(const char *c, size_t n)
{
	return n <= 150 && (is_upper((unsigned char)c[0]) || is_digit((unsigned char)c[0])) &&
	    c[n - 1] != '.' && count_words(c, n) <= 20;
}

/*
 * Is the head paragraph the start of a report heading: capitals holding
 * the meeting's name and date, the title, and "REPORT OF …" (before or
 * after the title), ended by a paragraph of text or "Purpose of the
 * report"?  On success sets the report state and the number of heading
 * paragraphs still to come.
 */
static int
try_report_heading(struct splitter *sp)
{
	struct para *p = at(sp, 0);
	size_t k, ds = 0, de = 0, bs, be, ts, te, from = 0, after_anchor = 0;
	char iso[DATE_ISO_LEN + 1];
	int anchors = 0, purpose = 0, dated = 0, mixed = 0;
	struct para *anchor_title = NULL;	/* "REPORT OF THE CLERK: TITLE" */
	size_t anchor_colon = 0;

	if (report_of(p->clean.data, p->clean.len) || chair_line(p->clean.data, p->clean.len) ||
	    times_line(p->clean.data, p->clean.len))
		return 0;
	if (body_date_line(p->clean.data, p->clean.len)) {
		/* "Cabinet – 14 October 2025": the title lines may be mixed case */
		mixed = !caps_line(p->clean.data, p->clean.len);
	} else if (!caps_line(p->clean.data, p->clean.len)) {
		/* The heading run into the end of the paragraph before it. */
		from = caps_tail(p->clean.data, p->clean.len);
		if (from == 0)
			return 0;
	}
	buf_reset(&sp->joined);
	for (k = 0; k < sp->count && k < SPLIT_LOOKAHEAD; k++) {
		struct para *q = at(sp, k);
		const char *c = q->clean.data + (k == 0 ? from : 0);
		size_t n = q->clean.len - (k == 0 ? from : 0), f;

		if (n == 0)
			continue;
		if (k > 0 && report_purpose(c, n)) {
			purpose = 1;
			break;
		}
		if (k > 0 && report_of(c, n)) {
			anchors++;
			if (!anchor_title) {
				size_t colon = find(c, n, ": ", 0);

				if (colon < n) {
					anchor_title = q;
					anchor_colon = colon + 2;
				}
			}
			if (dated && sp->joined.len > de) {
				k++;	/* the title came first: the anchor ends it */
				break;
			}
			continue;
		}
		if (!(caps_line(c, n) || (mixed && (k == 0 || title_line(c, n)))) ||
		    (anchors && ++after_anchor > 3))
			break;
		/* An anchor run into a title line. */
		f = find(c, n, " REPORT OF ", 0);
		if (sp->joined.len)
			buf_putc(&sp->joined, ' ');
		buf_append(&sp->joined, c, f < n ? f : n);
		if (!dated) {
			dated = date_find(sp->joined.data, sp->joined.len, iso, &ds, &de);
			if (dated && ds > 200)
				return 0;
		}
		if (f < n) {
			anchors++;
			k++;
			break;
		}
	}
	if (!dated || (!anchors && !purpose))
		return 0;
	bs = 0;
	be = ds;
	trim_seps(sp->joined.data, &bs, &be);
	ts = de;
	te = sp->joined.len;
	trim_seps(sp->joined.data, &ts, &te);
	if (te <= ts && anchor_title) {
		/* no title line: the one after the colon of "REPORT OF …: TITLE" */
		buf_putc(&sp->joined, ' ');
		ts = sp->joined.len;
		buf_append(&sp->joined, anchor_title->clean.data + anchor_colon,
		    anchor_title->clean.len - anchor_colon);
		te = sp->joined.len;
		trim_seps(sp->joined.data, &ts, &te);
	}
	if (te < ts)
		te = ts;
	enter(sp, SEC_REPORT);
	memcpy(sp->date, iso, sizeof sp->date);
	set_buf(&sp->body, sp->joined.data + bs, be - bs);
	set_buf(&sp->title, sp->joined.data + ts, te - ts);
	sp->heading_left = (int)k - 1;
	return 1;
}

/* "Name:" at the start of c: returns the offset of the value, or 0. */
static size_t
field(const char *c, size_t n, const char *name)
{
	size_t i = strlen(name);

	if (!starts_with(c, n, name))
		return 0;
	while (i < n && c[i] == ' ')
		i++;
	if (i >= n || c[i] != ':')
		return 0;
	i++;
	while (i < n && c[i] == ' ')
		i++;
	return i;
}

/* Field names of a report's cover table ("Report to: Cabinet"). */
static const char *const cover_fields[] = {
	"report to:", "date of meeting:", "meeting date:", "date:", "report of:",
	"report by:", "report author:", "title:", "subject:", "report title:",
	"wards affected:", "ward(s):", "key decision:", "contact officer:",
	"portfolio holder:", "lead member:", "classification:", "purpose:",
	"exempt information:", NULL
};

/*
 * Where in s[0..n) field f of a cover table starts (at the start or
 * after a space, and not "date:" inside "meeting date:"), or n.
 */
static size_t
cover_find(const char *s, size_t n, const char *f)
{
	size_t at0 = 0, x;

	for (;;) {
		x = find(s + at0, n - at0, f, 1);
		if (x >= n - at0)
			return n;
		x += at0;
		if ((x == 0 || s[x - 1] == ' ') &&
		    !(strcmp(f, "date:") == 0 && x >= 8 && starts_with(s + x - 8, 8, "meeting ")))
			return x;
		at0 = x + 1;
	}
}

/* The value of field f in s[0..n): up to the next field; 1 if found. */
static int
cover_value(const char *s, size_t n, const char *f, size_t *a, size_t *b)
{
	size_t x = cover_find(s, n, f), end = n, k;

	if (x >= n)
		return 0;
	*a = x + strlen(f);
	for (k = 0; cover_fields[k]; k++) {
		size_t y = cover_find(s + *a, n - *a, cover_fields[k]);

		if (*a + y < end)
			end = *a + y;
	}
	*b = end;
	trim_seps(s, a, b);
	return 1;
}

/*
 * A report's cover table: "Report to: Cabinet", "Date of meeting: 14
 * October 2025", "Report of: …", "Title: …" — one field a paragraph or
 * run together.  On success sets the report state.
 */
static int
try_report_cover(struct splitter *sp)
{
	struct para *p = at(sp, 0);
	size_t k, a, b;
	char iso[DATE_ISO_LEN + 1];
	int dated = 0;

	if (field(p->clean.data, p->clean.len, "report to") == 0)
		return 0;
	buf_reset(&sp->joined);
	for (k = 0; k < sp->count && k < 8; k++) {
		struct para *q = at(sp, k);
		size_t colon = find(q->clean.data, q->clean.len, ":", 0);

		/* each paragraph opens with a field name of a few words */
		if (q->clean.len == 0 || colon >= q->clean.len || colon > 30 ||
		    count_words(q->clean.data, colon) > 4)
			break;
		if (k > 0)
			buf_putc(&sp->joined, ' ');
		buf_append(&sp->joined, q->clean.data, q->clean.len);
	}
	if (cover_value(sp->joined.data, sp->joined.len, "date of meeting:", &a, &b) ||
	    cover_value(sp->joined.data, sp->joined.len, "meeting date:", &a, &b) ||
	    cover_value(sp->joined.data, sp->joined.len, "date:", &a, &b))
		dated = date_find(sp->joined.data + a, b - a, iso, NULL, NULL);
	enter(sp, SEC_REPORT);
	if (dated)
		memcpy(sp->date, iso, sizeof sp->date);
	if (cover_value(sp->joined.data, sp->joined.len, "report to:", &a, &b))
		set_buf(&sp->body, sp->joined.data + a, b - a);
	if (cover_value(sp->joined.data, sp->joined.len, "title:", &a, &b) ||
	    cover_value(sp->joined.data, sp->joined.len, "report title:", &a, &b) ||
	    cover_value(sp->joined.data, sp->joined.len, "subject:", &a, &b))
		set_buf(&sp->title, sp->joined.data + a, b - a);
	sp->heading_left = k > 0 ? (int)k - 1 : 0;
	return 1;
}

/* ---- front page --------------------------------------------------------- */

/* A front page's "Date/Time: Tuesday, 2 September 2025 at 2.00 pm". */
static int
front_date(const char *c, size_t n, char *iso)
{
	size_t v;

	if ((v = field(c, n, "date/time")) > 0 || (v = field(c, n, "date and time")) > 0 ||
	    (v = field(c, n, "date")) > 0)
		return date_find(c + v, n - v, iso, NULL, NULL);
	return 0;
}

/*
 * An agenda's front page starts at the head paragraph: take the body
 * from its "Meeting:" line and the date from its "Date/Time:" line,
 * whichever comes first, from the next few paragraphs.
 */
static void
front_fields(struct splitter *sp)
{
	char iso[DATE_ISO_LEN + 1];
	size_t k, v;

	for (k = 0; k < sp->count && k < 6; k++) {
		struct para *q = at(sp, k);
		const char *c = q->clean.data;
		size_t n = q->clean.len;

		if (!sp->body.len && (v = field(c, n, "meeting")) > 0) {
			size_t a = v, b = n;

			trim_seps(c, &a, &b);
			set_buf(&sp->body, c + a, b - a);
		} else if (!sp->date[0] && front_date(c, n, iso)) {
			memcpy(sp->date, iso, sizeof sp->date);
		}
	}
}

/* Front-page lines of an agenda; may switch other to agenda. */
static void
front_page(struct splitter *sp, const char *c, size_t n)
{
	char iso[DATE_ISO_LEN + 1];

	if (field(c, n, "meeting") > 0 || front_date(c, n, iso)) {
		if (sp->section != SEC_AGENDA) {
			enter(sp, SEC_AGENDA);
			front_fields(sp);
		}
		return;
	}
	if (sp->section == SEC_AGENDA)
		return;
	if (starts_with(c, n, "agenda for ") || starts_with(c, n, "agenda of ") ||
	    starts_with(c, n, "you are summoned") || starts_with(c, n, "you are hereby summoned") ||
	    starts_with(c, n, "notice is hereby given")) {
		/* "Agenda for the meeting of BODY on DATE …" */
		size_t m = find(c, n, "meeting of ", 1), ds, a, b;
		int dated = date_find(c, n, iso, &ds, NULL);

		enter(sp, SEC_AGENDA);
		if (dated)
			memcpy(sp->date, iso, sizeof sp->date);
		if (m < n) {
			a = m + 11;
			if (starts_word(c + a, n - a, "the"))
				a = skip_word(c, a, n);
			b = body_end(c, a, dated && ds > a ? ds : n);
			trim_seps(c, &a, &b);
			if (b > a && b - a <= 150)
				set_buf(&sp->body, c + a, b - a);
		}
		return;
	}
	if ((n <= 8 && starts_word(c, n, "agenda") && (n == 6 || c[6] == ':')) ||
	    starts_with(c, n, "notice of meeting") || starts_with(c, n, "you are summoned") ||
	    starts_with(c, n, "you are hereby summoned") ||
	    starts_with(c, n, "you are requested to attend") ||
	    starts_with(c, n, "you are invited to attend")) {
		enter(sp, SEC_AGENDA);
		if (date_find(c, n, iso, NULL, NULL))
			memcpy(sp->date, iso, sizeof sp->date);
	}
}

/* "APPENDIX A", "Appendix 2": an appendix starts (its own paragraph). */
static int
appendix_line(const char *c, size_t n)
{
	size_t i;

	if (!starts_word(c, n, "appendix") || n > 16)
		return 0;
	for (i = 9; i < n; i++)
		if (!(is_upper((unsigned char)c[i]) || is_digit((unsigned char)c[i]) ||
		    c[i] == ':' || c[i] == '.' || c[i] == ' '))
			return 0;
	return n > 9;
}

/* ---- the decision for the head paragraph ----------------------------- */

/*
 * Do minutes follow a heading at ring position k-1?  An attendance list
 * ("PRESENT", "Councillors:", "Cllr A …", "Apologies"), or an item
 * heading (not inside a report), within the next few paragraphs.  This
 * keeps a report's list of background papers ("Minutes of the meeting
 * of the Cabinet held on …") from opening a minutes section.  A heading
 * that ends the input is taken at its word.
 */
static int
minutes_follow(struct splitter *sp, size_t k)
{
	static const char *const openers[] = {
		"present", "members present", "those present", "in attendance",
		"attendance", "attendees", "apologies", "also present", NULL
	};
	/* words that open a sentence as often as a list: only as "Word:" */
	static const char *const list_words[] = {
		"councillors", "members", "officers", "chair", "chairman", "mayor", NULL
	};
	struct numinfo ni;
	size_t end = k + 6, j;

	if (k >= sp->count)
		return 1;
	for (j = k; j < sp->count && j < end; j++) {
		struct para *q = at(sp, j);
		const char *c = q->clean.data;
		size_t n = q->clean.len;

		if (n == 0)
			continue;
		if (in_list(c, n, openers) || starts_with(c, n, "cllr") ||
		    (in_list(c, n, list_words) && (n <= 40 || find(c, n, ":", 0) < 12)) ||
		    starts_with(c, n, "councillor") || find(c, n, " CC", 0) < n)
			return 1;
		/* inside a report a numbered heading is the report's own */
		if (sp->section == SEC_REPORT)
			continue;
		if (parse_number(c, n, &ni) && !ni.only &&
		    (title_like(c + ni.ts, n - ni.ts, 1, 0) || run_in_cut(c + ni.ts, n - ni.ts, 1, 0)))
			return 1;
		if (parse_number(c, n, &ni) && ni.only && j + 1 < sp->count &&
		    title_like(at(sp, j + 1)->clean.data, at(sp, j + 1)->clean.len, 1, 0))
			return 1;
	}
	return 0;
}

/*
 * A minutes heading cut inside the body's name: "Minutes of a meeting of
 * the Children and Families Overview and Scrutiny" / "Committee held at …
 * on DATE".  Add the start of the next paragraph, up to "held", to it.
 */
static void
body_goes_on(struct splitter *sp, const char *c, size_t ds)
{
	size_t a = 0, b = body_end(c, 0, ds);

	if (b == 0 || b > 60 || !is_upper((unsigned char)c[0]))
		return;
	trim_seps(c, &a, &b);
	if (b <= a)
		return;
	buf_putc(&sp->body, ' ');
	buf_append(&sp->body, c + a, b - a);
}

/* A committee's name on a line of its own: "PLANNING COMMITTEE", "Cabinet". */
static int
body_line(const char *c, size_t n)
{
	size_t i;

	if (n < 3 || n > 100 || !is_upper((unsigned char)c[0]) || count_words(c, n) > 10)
		return 0;
	for (i = 0; i < n; i++)
		if (is_digit((unsigned char)c[i]) || c[i] == '.' || c[i] == ',' || c[i] == ':' ||
		    c[i] == ';' || c[i] == '?')
			return 0;
	if (starts_word(c, n, "present") || starts_word(c, n, "minutes") ||
	    starts_word(c, n, "agenda"))
		return 0;
	for (i = 0; body_nouns[i]; i++)
		if (find(c, n, body_nouns[i], 1) < n)
			return 1;
	return 0;
}

static void
process_head(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0);
	const char *c = p->clean.data;
	size_t n = p->clean.len, bs, be;
	char iso[DATE_ISO_LEN + 1];
	int has_date, kind;

	if (sp->heading_left > 0) {
		sp->heading_left--;
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (n == 0) {
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (sp->section == SEC_MINUTES && sp->have_item &&
	    (times_line(c, n) || chair_line(c, n) || closing_line(c, n))) {
		enter(sp, SEC_OTHER);
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (sp->section == SEC_MINUTES && try_item(sp, out))
		return;
	if (sp->count > 1 && body_line(c, n)) {
		/* "PLANNING COMMITTEE" above "Minutes of the meeting held on DATE" */
		struct para *q = at(sp, 1);

		if (minutes_heading(q->clean.data, q->clean.len, &bs, &be, iso, &has_date) == 2 &&
		    minutes_follow(sp, 2)) {
			enter(sp, SEC_MINUTES);
			set_buf(&sp->body, c, n);
			memcpy(sp->date, iso, sizeof sp->date);
			sp->heading_left = 1;
			emit(sp, out, p);
			pop(sp, 1);
			return;
		}
	}
	if (((kind = minutes_heading(c, n, &bs, &be, iso, &has_date)) == 1 ||
	    (kind == 2 && sp->section == SEC_OTHER)) && minutes_follow(sp, 1)) {
		enter(sp, SEC_MINUTES);
		set_buf(&sp->body, c + bs, be - bs);
		if (has_date) {
			memcpy(sp->date, iso, sizeof sp->date);
		} else {
			/* The date cut off into the next paragraph or two. */
			size_t k, ds;

			for (k = 1; k < 3 && k < sp->count; k++) {
				struct para *q = at(sp, k);

				if (q->clean.len <= 200 &&
				    date_find(q->clean.data, q->clean.len, iso, &ds, NULL) && ds < 100) {
					memcpy(sp->date, iso, sizeof sp->date);
					sp->heading_left = (int)k;
					if (k == 1 && be == n)
						body_goes_on(sp, q->clean.data, ds);
					break;
				}
			}
		}
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (try_report_heading(sp) || try_report_cover(sp)) {
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	switch (sp->section) {
	case SEC_MINUTES:
		if (resolved_line(c, n))
			sp->in_resolved = 1;
		break;
	case SEC_REPORT:
		if (appendix_line(c, n)) {
			sp->section = SEC_OTHER;
			buf_reset(&sp->title);
		}
		break;
	default:
		front_page(sp, c, n);
		break;
	}
	emit(sp, out, p);
	pop(sp, 1);
}

/* ---- interface ----------------------------------------------------------- */

struct splitter *
splitter_new(void)
{
	struct splitter *sp = xcalloc(1, sizeof *sp);

	reset_state(sp);
	return sp;
}

void
splitter_free(struct splitter *sp)
{
	size_t k;

	if (!sp)
		return;
	for (k = 0; k < RING; k++) {
		buf_free(&sp->ring[k].raw);
		buf_free(&sp->ring[k].clean);
	}
	buf_free(&sp->source);
	buf_free(&sp->body);
	buf_free(&sp->title);
	buf_free(&sp->minute);
	buf_free(&sp->joined);
	buf_free(&sp->text);
	free(sp);
}

void
splitter_finish(struct splitter *sp, FILE *out)
{
	while (sp->count > 0)
		process_head(sp, out);
	sp->have_source = 0;
	reset_state(sp);
}

int
splitter_line(struct splitter *sp, char *line, size_t len, FILE *out, size_t *detail)
{
	struct field f[3];
	size_t nf = tsv_split(line, len, f, 3), k;
	unsigned long ln = 0;
	struct para *p;

	if (nf != 3) {
		if (detail)
			*detail = nf;
		return SPLIT_EFIELDS;
	}
	if (f[1].len == 0 || f[1].len > 12)
		return SPLIT_ELINENO;
	for (k = 0; k < f[1].len; k++) {
		if (!is_digit((unsigned char)f[1].p[k]))
			return SPLIT_ELINENO;
		ln = ln * 10 + (unsigned long)(f[1].p[k] - '0');
	}
	if (ln == 0)
		return SPLIT_ELINENO;
	if (!sp->have_source || sp->source.len != f[0].len ||
	    memcmp(sp->source.data, f[0].p, f[0].len) != 0) {
		splitter_finish(sp, out);
		set_buf(&sp->source, f[0].p, f[0].len);
		sp->have_source = 1;
	}
	p = at(sp, sp->count);
	sp->count++;
	set_buf(&p->raw, f[2].p, f[2].len);
	make_clean(&p->clean, f[2].p, f[2].len);
	p->line = ln;
	while (sp->count > SPLIT_LOOKAHEAD)
		process_head(sp, out);
	return SPLIT_OK;
}

int
split_stream(struct splitter *sp, FILE *in, FILE *out, unsigned long *lineno,
    size_t *detail)
{
	struct line_reader r;
	int rc, st = SPLIT_OK;

	line_reader_init(&r, in);
	while ((rc = line_reader_next(&r)) > 0) {
		st = splitter_line(sp, r.line, r.len, out, detail);
		if (st != SPLIT_OK) {
			*lineno = r.lineno;
			break;
		}
		if (ferror(out)) {
			/* a full disk or a closed pipe: no point reading on */
			line_reader_free(&r);
			return SPLIT_EWRITE;
		}
	}
	if (st == SPLIT_OK && rc < 0) {
		*lineno = r.lineno + 1;
		st = SPLIT_EREAD;
	}
	line_reader_free(&r);
	/* What came before a bad line is written, as a plain filter would. */
	splitter_finish(sp, out);
	if (st != SPLIT_OK)
		return st;
	if (ferror(out))
		return SPLIT_EWRITE;
	return SPLIT_OK;
}
