/* markup — tidying one line of extracted text; see markup.h. */
#include "markup.h"

#include <string.h>
#include <strings.h>

#include "bytescan.h"
#include "textscan.h"

/* Bytes that may start markup or a cell gap (a space only when doubled). */
static const unsigned char special[256] = {
	['\t'] = 1, ['|'] = 1, ['<'] = 1, ['&'] = 1, ['*'] = 1, ['_'] = 1,
	['\\'] = 1, ['!'] = 1, ['['] = 1
};

/* The byte loop: the first byte of s[i..n) that stops the plain copy. */
static size_t
stop_at(const char *s, size_t i, size_t n)
{
	while (i < n && !special[(unsigned char)s[i]] &&
	       !(s[i] == ' ' && i + 1 < n && s[i + 1] == ' '))
		i++;
	return i;
}

/* The bytes of v that stop the plain copy; w is v moved on by one byte. */
static mask16
stops(bytes16 v, bytes16 w)
{
	return (v == '\t') | (v == '|') | (v == '<') | (v == '&') | (v == '*') |
	       (v == '_') | (v == '\\') | (v == '!') | (v == '[') |
	       ((v == ' ') & (w == ' '));
}

/*
 * Where the plain copy of s[i..n) must stop: the first byte that is
 * special, or a space followed by another space; n if none.  Sixteen
 * bytes are tested at a time (the pair test reads the byte after them,
 * so only while that byte is in s); the last ones by a block that ends
 * at s[n - 2], its bytes before i left out.  The byte loop, which has
 * the last word, starts at the first byte found; it also does s[n - 1]
 * and lines too short for a block.
 */
static size_t
next_stop(const char *s, size_t i, size_t n)
{
	static const bytes16 lane = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

	for (; i + 17 <= n; i += 16) {
		mask16 m = stops(bytes16_load(s + i), bytes16_load(s + i + 1));
		if (mask16_any(m))
			return stop_at(s, i + mask16_first(m), n);
	}
	if (n >= 17 && i + 1 < n) {
		size_t b = n - 17;
		mask16 m = stops(bytes16_load(s + b), bytes16_load(s + b + 1)) &
		           (lane >= (unsigned char)(i - b));
		i = mask16_any(m) ? b + mask16_first(m) : n - 1;
	}
	return stop_at(s, i, n);
}

/* HTML elements that converters wrap around printed words. */
static const char *const tags[] = {
	"u", "b", "i", "em", "strong", "sup", "sub", "br", "span", "p", "div",
	"s", "strike", "del", "ins", "mark", "small", "big", "font", "a", "tt",
	"code", "center", "th", "td", "tr", "table", "tbody", "thead", NULL
};

static int
known_tag(const char *s, size_t n)
{
	for (int i = 0; tags[i]; i++)
		if (strlen(tags[i]) == n && strncasecmp(tags[i], s, n) == 0)
			return 1;
	return 0;
}

/*
 * If s[0..n) starts with an HTML tag we know, return its length and set
 * the name and whether it closes; else 0.
 */
static size_t
parse_tag(const char *s, size_t n, const char **name, size_t *namelen,
          int *closing)
{
	size_t i = 1;

	if (n < 3 || s[0] != '<')
		return 0;
	*closing = s[i] == '/';
	if (*closing)
		i++;
	size_t st = i;
	while (i < n && is_alnum((unsigned char)s[i]))
		i++;
	if (i == st || !known_tag(s + st, i - st))
		return 0;
	*name = s + st;
	*namelen = i - st;
	if (i < n && s[i] != '>' && s[i] != ' ' && s[i] != '/')
		return 0;
	const char *gt = memchr(s + i, '>', n - i < 300 ? n - i : 300);
	if (!gt)
		return 0;
	return (size_t)(gt - s) + 1;
}

struct entity {
	const char *name;
	const char *utf8;
};

static const struct entity entities[] = {
	{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
	{"nbsp", " "}, {"ndash", "\xE2\x80\x93"}, {"mdash", "\xE2\x80\x94"},
	{"lsquo", "\xE2\x80\x98"}, {"rsquo", "\xE2\x80\x99"},
	{"ldquo", "\xE2\x80\x9C"}, {"rdquo", "\xE2\x80\x9D"},
	{"hellip", "\xE2\x80\xA6"}, {"pound", "\xC2\xA3"}, {"euro", "\xE2\x82\xAC"},
	{"bull", "\xE2\x80\xA2"}, {"copy", "\xC2\xA9"}, {"deg", "\xC2\xB0"},
	{NULL, NULL}
};

static void
put_cp(struct buf *out, unsigned long c)
{
	char t[4];
	size_t k;

	if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80) {
		t[0] = (char)c;
		k = 1;
	} else if (c < 0x800) {
		t[0] = (char)(0xC0 | (c >> 6));
		t[1] = (char)(0x80 | (c & 0x3F));
		k = 2;
	} else if (c < 0x10000) {
		t[0] = (char)(0xE0 | (c >> 12));
		t[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[2] = (char)(0x80 | (c & 0x3F));
		k = 3;
	} else {
		t[0] = (char)(0xF0 | (c >> 18));
		t[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		t[3] = (char)(0x80 | (c & 0x3F));
		k = 4;
	}
	buf_append(out, t, k);
}

/* Decode an entity at s (s[0] == '&'); return its length or 0. */
static size_t
entity(const char *s, size_t n, struct buf *out)
{
	const char *semi = memchr(s, ';', n < 12 ? n : 12);

	if (!semi || semi - s < 2)
		return 0;
	size_t len = (size_t)(semi - s) + 1;
	if (s[1] == '#') {
		unsigned long c = 0;
		size_t i = 2;
		int hex = i < len && (s[i] == 'x' || s[i] == 'X');
		if (hex)
			i++;
		if (i >= len - 1)
			return 0;
		for (; i < len - 1; i++) {
			char d = s[i];
			int v;
			if (is_digit((unsigned char)d))
				v = d - '0';
			else if (hex && d >= 'a' && d <= 'f')
				v = d - 'a' + 10;
			else if (hex && d >= 'A' && d <= 'F')
				v = d - 'A' + 10;
			else
				return 0;
			c = c * (hex ? 16 : 10) + (unsigned long)v;
			if (c > 0x10FFFF)
				return 0;
		}
		put_cp(out, c);
		return len;
	}
	for (int i = 0; entities[i].name; i++)
		if (strlen(entities[i].name) == len - 2 &&
		    memcmp(entities[i].name, s + 1, len - 2) == 0) {
			buf_puts(out, entities[i].utf8);
			return len;
		}
	return 0;
}

/* Append one space (or a cell gap of two) unless at the start or after one. */
static void
put_gap(struct buf *out, size_t start, int cell)
{
	if (out->len == start)
		return;
	if (out->data[out->len - 1] == ' ') {
		if (cell && (out->len - start < 2 || out->data[out->len - 2] != ' '))
			buf_putc(out, ' ');
		return;
	}
	buf_putc(out, ' ');
	if (cell)
		buf_putc(out, ' ');
}

static int
is_rule(const char *s, size_t n)
{
	char c = 0;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (s[i] != '-' && s[i] != '*' && s[i] != '_' && s[i] != '=')
			return 0;
		if (c && s[i] != c)
			return 0;
		c = s[i];
		k++;
	}
	return k >= 3;
}

/* A table separator row: only pipes, dashes, colons and spaces. */
static int
is_table_sep(const char *s, size_t n)
{
	size_t dash = 0, pipe = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dash++;
		else if (s[i] == '|')
			pipe++;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return dash >= 3 && pipe >= 1;
}

/* A list part label at s: "(a) ", "a) ", "(iv) ", "12) ", "a. ", "1.1. ". */
static int
part_label(const char *s, size_t n)
{
	size_t i = 0;

	if (i < n && s[i] == '(')
		i++;
	size_t st = i;
	while (i < n && i - st < 8 &&
	       (is_alnum((unsigned char)s[i]) || (s[i] == '.' && i + 1 < n && s[i + 1] != ' ')))
		i++;
	if (i == st || i >= n)
		return 0;
	if (s[i] == ')')
		return 1;
	return s[st] != '(' && s[i] == '.' && i + 1 < n && s[i + 1] == ' ' &&
	       (i - st <= 3 || is_digit((unsigned char)s[i - 1]));
}

/*
 * Is all that was written so far a number or label that heads the line
 * ("41.", "(a)", "F/23", "12")?  A gap after it is a space, not a cell.
 */
static int
lead_label(const struct buf *out, size_t start)
{
	size_t n = out->len - start;
	const char *s = out->data + start;
	int digit = 0;

	if (out->len <= start || n > 6 || memchr(s, ' ', n))
		return 0;
	for (size_t i = 0; i < n; i++)
		digit |= is_digit((unsigned char)s[i]);
	return digit || s[n - 1] == ')' || (n <= 3 && s[n - 1] == '.');
}

int
markup_is_markdown_line(const char *s, size_t n)
{
	size_t i = 0;

	if (s == NULL || n < 3)
		return 0;
	while (i < n && s[i] == '#')
		i++;
	if (i >= 1 && i <= 6 && i < n && s[i] == ' ')
		return 1;
	if (n >= 4 && memmem(s, n, "**", 2))
		return 1;
	if (memmem(s, n, "<u>", 3) || memmem(s, n, "<sup>", 5))
		return 1;
	return is_table_sep(s, n);
}

void
markup_tidy(const char *s, size_t n, int md, struct buf *out,
            struct tidy_info *ti)
{
	size_t i = 0, start = out->len;

	ti->flags = 0;
	i = skip_spaces(s, 0, n, 1);
	ti->indent = i;
	while (n > i && is_blank((unsigned char)s[n - 1]))
		n--;
	if (i == n)
		return;
	buf_reserve(out, n - i + 8);    /* out->data is not NULL from here on */
	if (md && s[i] == '#') {
		size_t h = i;
		while (h < n && s[h] == '#')
			h++;
		if (h - i <= 6 && (h == n || s[h] == ' ')) {
			ti->flags |= TIDY_HEADING;
			i = h;
			while (i < n && s[i] == ' ')
				i++;
			/* Closing marks: "## Title ##". */
			size_t e = n;
			while (e > i && s[e - 1] == '#')
				e--;
			if (e < n && e > i && s[e - 1] == ' ')
				n = e;
			while (n > i && is_blank((unsigned char)s[n - 1]))
				n--;
		}
	}
	if (md && is_rule(s + i, n - i)) {
		ti->flags |= TIDY_DROP;
		return;
	}
	int table = s[i] == '|' || (md && s[n - 1] == '|' && memchr(s + i, '|', n - i));
	if (table && is_table_sep(s + i, n - i)) {
		ti->flags |= TIDY_DROP;
		return;
	}
	if (table) {
		ti->flags |= TIDY_TABLE;
		if (s[i] == '|')
			i++;
		if (n > i && s[n - 1] == '|')
			n--;
	}
	if (md && n - i >= 2 && (s[i] == '*' || s[i] == '+' || s[i] == '-') &&
	    s[i + 1] == ' ') {
		ti->flags |= TIDY_LIST;
		size_t j = i + 2;
		while (j < n && s[j] == ' ')
			j++;
		if (part_label(s + j, n - j)) {
			i = j;          /* "- (a) That": the label is the mark */
		} else if (s[i] != '-') {
			buf_puts(out, "\xE2\x80\xA2 ");
			i = j;
		}
	}
	/* Most lines hold no markup and no run of spaces: copy them whole. */
	if (!(ti->flags & TIDY_TABLE) && next_stop(s, i, n) == n) {
		buf_append(out, s + i, n - i);
		return;
	}
	while (i < n) {
		/* Ordinary text goes straight through; single spaces included. */
		if (s[i] == ' ' && out->len > start && out->data[out->len - 1] == ' ') {
			i++;
			continue;
		}
		size_t j = next_stop(s, i, n);
		if (j > i) {
			buf_reserve(out, j - i);
			memcpy(out->data + out->len, s + i, j - i);
			out->len += j - i;
			i = j;
			if (i == n)
				break;
		}
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case ' ': {
			size_t r = skip_spaces(s, i, n, 0);
			/* After a leading number or label ("41.   Minutes") a gap is a space. */
			int lead = lead_label(out, start);
			if (r - i >= 3 && !lead)
				ti->flags |= TIDY_GAP;
			put_gap(out, start, r - i >= 3 && !lead);
			i = r;
			continue;
		}
		case '\t': {
			/* "15.<TAB>Title" is a heading; other TABs part table cells. */
			int lead = lead_label(out, start);
			if (!lead)
				ti->flags |= TIDY_TABLE;
			while (i < n && is_blank((unsigned char)s[i]))
				i++;
			put_gap(out, start, !lead);
			continue;
		}
		case '|':
			if (table) {
				put_gap(out, start, 1);
				i++;
				continue;
			}
			break;
		case '<': {
			const char *name;
			size_t nl;
			int closing;
			if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
				const char *e = memmem(s + i, n - i, "-->", 3);
				if (e) {
					i = (size_t)(e - s) + 3;
					continue;
				}
			}
			if (md && n - i > 8 && (strncmp(s + i + 1, "http://", 7) == 0 ||
			    strncmp(s + i + 1, "https://", 8) == 0)) {
				const char *gt = memchr(s + i, '>', n - i);
				if (gt && !memchr(s + i, ' ', (size_t)(gt - s) - i)) {
					buf_append(out, s + i + 1, (size_t)(gt - s) - i - 1);
					i = (size_t)(gt - s) + 1;
					continue;   /* <https://…>: an autolink */
				}
			}
			size_t k = parse_tag(s + i, n - i, &name, &nl, &closing);
			if (!k)
				break;
			if (nl == 2 && strncasecmp(name, "br", 2) == 0) {
				put_gap(out, start, 0);
				i += k;
				continue;
			}
			if (!closing && nl == 3 && strncasecmp(name, "sup", 3) == 0) {
				const char *e = memmem(s + i + k, n - i - k, "</sup>", 6);
				if (e) {
					/* Footnote marks (digits, *, †) go; "st", "nd" stay. */
					int mark = 1;
					for (const char *q = s + i + k; q < e; q++)
						if (is_word_byte((unsigned char)*q) &&
						    !is_digit((unsigned char)*q))
							mark = 0;
					if (mark) {
						i = (size_t)(e - s) + 6;
						continue;
					}
				}
			}
			i += k;
			continue;
		}
		case '&': {
			size_t k = entity(s + i, n - i, out);
			if (k) {
				i += k;
				continue;
			}
			break;
		}
		case '*':
		case '_':
			if (i + 1 < n && s[i + 1] == (char)c && (c == '*' || md)) {
				size_t r = i;
				while (r < n && s[r] == (char)c)
					r++;
				i = r;          /* ** bold **, *** too */
				continue;
			}
			if (md) {
				unsigned char prev = i > 0 ? (unsigned char)s[i - 1] : ' ';
				unsigned char next = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
				int opens = !is_word_byte(prev) && next != ' ';
				int closes = prev != ' ' && !is_word_byte(next);
				if ((opens || closes) && !(opens && closes && c == '*' &&
				    prev == ' ' && next == ' ')) {
					i++;
					continue;
				}
			}
			break;
		case '\\':
			if (md && i + 1 < n && strchr("\\`*_{}[]()#+-.!|<>~\"'", s[i + 1]) &&
			    s[i + 1] != '\0') {
				buf_putc(out, s[i + 1]);
				i += 2;
				continue;
			}
			break;
		case '!':
			if (md && i + 1 < n && s[i + 1] == '[') {
				const char *e = memmem(s + i, n - i, "](", 2);
				const char *p = e ? memchr(e, ')', n - (size_t)(e - s)) : NULL;
				if (p) {
					i = (size_t)(p - s) + 1;
					continue;
				}
			}
			break;
		case '[':
			if (md) {
				const char *e = memchr(s + i, ']', n - i);
				if (e && (size_t)(e - s) + 1 < n && e[1] == '(') {
					const char *p = memchr(e, ')', n - (size_t)(e - s));
					if (p) {
						buf_append(out, s + i + 1, (size_t)(e - s) - i - 1);
						i = (size_t)(p - s) + 1;
						continue;
					}
				}
			}
			break;
		}
		buf_putc(out, (char)c);
		i++;
	}
	while (out->len > start && out->data[out->len - 1] == ' ')
		out->len--;
	out->data[out->len] = '\0';
	/* Markup may have uncovered leading spaces ("** Title**"). */
	size_t lead = start;
	while (lead < out->len && out->data[lead] == ' ')
		lead++;
	if (lead > start) {
		memmove(out->data + start, out->data + lead, out->len - lead + 1);
		out->len -= lead - start;
	}
}
