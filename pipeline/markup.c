/* markup — tidying one line of extracted text; see markup.h. */
#include "markup.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>
#if defined(__SSE2__) && !defined(MM_NO_SSE2)
#include <emmintrin.h>
#define MARKUP_SSE2 1
/* AVX2 for next_stop's long scans, where the CPU has it (checked at run
 * time; MM_NO_AVX2 builds without, as a test does). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define MARKUP_AVX2 1
#endif
#endif

#include "bytescan.h"
#include "cpu.h"
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

#ifdef MARKUP_SSE2
/*
 * The portable stops() (below) with SSE2, as a bit mask (bit k: byte
 * p[k]), in fewer compares: '<', '\\' and '|' (0x3C 0x5C 0x7C) are the
 * bytes whose low bits and top bit are those of 0x1C (0x1C itself, a
 * control byte, is let in: the byte loop has the last word), '[' and '_'
 * (0x5B 0x5F) those of 0x5B.
 */
static inline __attribute__((always_inline)) unsigned
stops_sse2(const char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	__m128i sp = _mm_set1_epi8(' ');
	__m128i m = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0x9F)),
	                           _mm_set1_epi8(0x1C));
	m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xFB)),
	                                   _mm_set1_epi8(0x5B)));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
	                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))));
	m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('&')),
	                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('*'))));
	m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(w, sp)));
	return (unsigned)_mm_movemask_epi8(m);
}

/* next_stop (the portable one, below, says what it does) with stops_sse2. */
static inline size_t
next_stop_sse2(const char *s, size_t i, size_t n)
{
	unsigned m;

	for (; i + 17 <= n; i += 16)
		if ((m = stops_sse2(s + i)) != 0)
			return stop_at(s, i + (size_t)__builtin_ctz(m), n);
	if (n >= 17 && i + 1 < n) {
		size_t b = n - 17;
		m = stops_sse2(s + b) >> (i - b);
		i = m ? i + (size_t)__builtin_ctz(m) : n - 1;
	}
	return stop_at(s, i, n);
}

#ifdef MARKUP_AVX2
/*
 * The stops among the 32 bytes at p, as a bit mask: the special bytes
 * told by two table lookups (nibble_classes32, bytescan.h), one by each
 * half of the byte: a bit of the low half's entry for each high half that
 * the byte is special with (0x09; 0x21 0x26 0x2A; 0x3C; 0x5B 0x5C 0x5F; 0x7C), so
 * that the two entries share a bit exactly when the byte is special.  A
 * byte of 0x80 or more looks up 0 (vpshufb's rule), and no such byte is
 * special.
 */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
stops_avx2(const char *p)
{
	const __m256i lo = NIBBLE_TABLE32(0, 2, 0, 0, 0, 0, 2, 0, 0, 1, 2, 8, 28, 0, 0, 8);
	const __m256i hi = NIBBLE_TABLE32(1, 0, 2, 4, 0, 8, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0);
	const __m256i sp = _mm256_set1_epi8(' ');
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));
	__m256i c = nibble_classes32(v, lo, hi);

	return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(c, _mm256_setzero_si256())) |
	       (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(v, sp),
	                                                       _mm256_cmpeq_epi8(w, sp)));
}

/* (Called with 33 bytes or more from i.  The last block is the one that
 * ends at s[n - 2], its bytes before i shifted out.) */
__attribute__((target("avx2"))) static size_t
next_stop_avx2(const char *s, size_t i, size_t n)
{
	uint32_t m;

	/* (the masks are exact: a bit found is the stop) */
	for (; i + 33 <= n; i += 32)
		if ((m = stops_avx2(s + i)) != 0)
			return i + (size_t)__builtin_ctz(m);
	if (i + 1 < n && (m = stops_avx2(s + n - 33) >> (i - (n - 33))) != 0)
		return i + (size_t)__builtin_ctz(m);
	return stop_at(s, i + 1 < n ? n - 1 : i, n);
}

/* markup_tidy may take its AVX2 loop, tidy_run_avx2 (test_markup_scan
 * turns it off, to hold the two to the same lines) */
static int tidy_fused = 1;

#endif

static size_t
next_stop(const char *s, size_t i, size_t n)
{
#ifdef MARKUP_AVX2
	if (n - i >= 33) {
		if (cpu_avx2)
			return next_stop_avx2(s, i, n);
	}
#endif
	return next_stop_sse2(s, i, n);
}
#else
/* The bytes of v that stop the plain copy; w is v moved on by one byte.
 * (Inline: a call for each block cost a quarter of the test.) */
static inline __attribute__((always_inline)) mask16
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
#endif

/* HTML elements that converters wrap around printed words. */
static const char *const tags[] = {
	"u", "b", "i", "em", "strong", "sup", "sub", "br", "span", "p", "div",
	"s", "strike", "del", "ins", "mark", "small", "big", "font", "a", "tt",
	"code", "center", "th", "td", "tr", "table", "tbody", "thead", NULL
};

/* Is s[0..n) (letters and digits) the name of one, in any case?  Each
 * name is compared from its first letter, and only as far as it goes
 * (no strlen and strncasecmp of each). */
static int __attribute__((noinline))
known_tag(const char *s, size_t n)
{
	int c0 = lower((unsigned char)s[0]);

	for (int i = 0; tags[i]; i++) {
		const char *w = tags[i];
		if (w[0] != c0)
			continue;
		size_t k = 1;
		while (k < n && w[k] && lower((unsigned char)s[k]) == w[k])
			k++;
		if (k == n && w[n] == '\0')
			return 1;
	}
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
static inline __attribute__((always_inline)) void
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
static int lead_label_(const char *s, size_t n);

static inline int
lead_label(const struct buf *out, size_t start)
{
	/* Most gaps come after more than six bytes of text: no call. */
	if (out->len <= start || out->len - start > 6)
		return 0;
	return lead_label_(out->data + start, out->len - start);
}

/* lead_label of the n bytes at s, 1 to 6. */
static int
lead_label_(const char *s, size_t n)
{
	int digit = 0;

	if (memchr(s, ' ', n))
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
	/* memmem's answers for "**", "<u>" and "<sup>", by the first byte:
	 * a call of memmem costs more than the line. */
	const char *p = s, *end = s + n;
	if (n >= 4)
		while ((p = memchr(p, '*', (size_t)(end - p) - 1)) != NULL)
			if (*++p == '*')
				return 1;
	for (p = s; (p = memchr(p, '<', (size_t)(end - p))) != NULL;) {
		size_t k = (size_t)(end - ++p);
		if ((k >= 2 && p[0] == 'u' && p[1] == '>') ||
		    (k >= 4 && memcmp(p, "sup>", 4) == 0))
			return 1;
	}
	return is_table_sep(s, n);
}

/*
 * One line being tidied: s[i..n) is what is left to read (n moves in
 * when closing heading marks or an outer pipe are cut off), out from
 * start on is the line's text so far.  Each step below reads from i and
 * moves it on.
 */
struct tidy {
	const char *s;
	size_t i, n;
	int md;			/* the document is Markdown */
	int table;		/* a table row: pipes part cells */
	struct buf *out;
	size_t start;
	struct tidy_info *ti;
};

/* Leading blank space is the indent, trailing is dropped; 0 if no text. */
static int
tidy_blank_ends(struct tidy *t)
{
	t->i = skip_spaces(t->s, 0, t->n, 1);
	t->ti->indent = t->i;
	while (t->n > t->i && is_blank((unsigned char)t->s[t->n - 1]))
		t->n--;
	return t->i < t->n;
}

/* Markdown "## Title ##": the marks go, the line is a heading. */
static void
tidy_heading_marks(struct tidy *t)
{
	const char *s = t->s;
	size_t h = t->i, e;

	while (h < t->n && s[h] == '#')
		h++;
	if (h - t->i > 6 || (h != t->n && s[h] != ' '))
		return;
	t->ti->flags |= TIDY_HEADING;
	t->i = h;
	while (t->i < t->n && s[t->i] == ' ')
		t->i++;
	/* Closing marks: "## Title ##". */
	e = t->n;
	while (e > t->i && s[e - 1] == '#')
		e--;
	if (e < t->n && e > t->i && s[e - 1] == ' ')
		t->n = e;
	while (t->n > t->i && is_blank((unsigned char)s[t->n - 1]))
		t->n--;
}

/*
 * A horizontal rule (Markdown) or a table's separator row: no text, the
 * line is dropped (returns 1).  Otherwise decides whether the line is a
 * table row and cuts its outer pipes.
 */
static int
tidy_rule_or_table(struct tidy *t)
{
	const char *s = t->s;
	size_t i = t->i, n = t->n;

	if (t->md && is_rule(s + i, n - i)) {
		t->ti->flags |= TIDY_DROP;
		return 1;
	}
	t->table = s[i] == '|' || (t->md && s[n - 1] == '|' && memchr(s + i, '|', n - i));
	if (!t->table)
		return 0;
	if (is_table_sep(s + i, n - i)) {
		t->ti->flags |= TIDY_DROP;
		return 1;
	}
	t->ti->flags |= TIDY_TABLE;
	if (s[t->i] == '|')
		t->i++;
	if (t->n > t->i && s[t->n - 1] == '|')
		t->n--;
	return 0;
}

/* A Markdown list mark "* ", "+ ", "- ": a bullet, unless a part label
 * ("- (a) That") follows, which is mark enough; "- " is dropped. */
static void
tidy_list_mark(struct tidy *t)
{
	const char *s = t->s;
	size_t i = t->i, n = t->n, j;

	if (n - i < 2 || (s[i] != '*' && s[i] != '+' && s[i] != '-') ||
	    s[i + 1] != ' ')
		return;
	t->ti->flags |= TIDY_LIST;
	j = i + 2;
	while (j < n && s[j] == ' ')
		j++;
	if (part_label(s + j, n - j)) {
		t->i = j;
	} else if (s[i] != '-') {
		buf_puts(t->out, "\xE2\x80\xA2 ");
		t->ti->plain = 0;
		t->i = j;
	}
}

/* A run of spaces: one, or a cell gap when three or more (not after a
 * leading number or label: "41.   Minutes" is a heading). */
static void
tidy_spaces(struct tidy *t)
{
	size_t r = skip_spaces(t->s, t->i, t->n, 0);
	int cell = r - t->i >= 3 && !lead_label(t->out, t->start);

	if (cell)
		t->ti->flags |= TIDY_GAP;
	put_gap(t->out, t->start, cell);
	t->i = r;
}

/* TABs: "15.<TAB>Title" is a heading; other TABs part table cells. */
static void
tidy_tabs(struct tidy *t)
{
	int lead = lead_label(t->out, t->start);

	if (!lead)
		t->ti->flags |= TIDY_TABLE;
	while (t->i < t->n && is_blank((unsigned char)t->s[t->i]))
		t->i++;
	put_gap(t->out, t->start, !lead);
}

/* Keep the text after the markup byte at i up to text_end, and read on
 * after the byte at last: a link's text, an autolink's address. */
static int
tidy_keep(struct tidy *t, const char *text_end, const char *last)
{
	buf_append(t->out, t->s + t->i + 1, (size_t)(text_end - t->s) - t->i - 1);
	t->i = (size_t)(last - t->s) + 1;
	return 1;
}

/* "<https://…>", an autolink: its address stays as text. */
static int
tidy_autolink(struct tidy *t)
{
	const char *s = t->s, *gt;
	size_t i = t->i, n = t->n;

	if (!t->md || n - i <= 8 || (strncmp(s + i + 1, "http://", 7) != 0 &&
	    strncmp(s + i + 1, "https://", 8) != 0))
		return 0;
	gt = memchr(s + i, '>', n - i);
	if (!gt || memchr(s + i, ' ', (size_t)(gt - s) - i))
		return 0;
	return tidy_keep(t, gt, gt);
}

/*
 * At '<': a comment, an autolink or a known HTML tag goes (a <br> leaves
 * a space; a <sup> holding only a footnote mark goes with its content,
 * "st", "nd" stay).  Returns 0 when the '<' is text.
 */
static int
tidy_html(struct tidy *t)
{
	const char *s = t->s, *name, *e;
	size_t i = t->i, n = t->n, nl, k;
	int closing;

	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0 &&
	    (e = memmem(s + i, n - i, "-->", 3)) != NULL) {
		t->i = (size_t)(e - s) + 3;
		return 1;
	}
	if (tidy_autolink(t))
		return 1;
	k = parse_tag(s + i, n - i, &name, &nl, &closing);
	if (!k)
		return 0;
	if (nl == 2 && strncasecmp(name, "br", 2) == 0) {
		put_gap(t->out, t->start, 0);
		t->i += k;
		return 1;
	}
	if (!closing && nl == 3 && strncasecmp(name, "sup", 3) == 0 &&
	    (e = memmem(s + i + k, n - i - k, "</sup>", 6)) != NULL) {
		int mark = 1;

		for (const char *q = s + i + k; q < e; q++)
			if (is_word_byte((unsigned char)*q) &&
			    !is_digit((unsigned char)*q))
				mark = 0;
		if (mark) {
			t->i = (size_t)(e - s) + 6;
			return 1;
		}
	}
	t->i += k;
	return 1;
}

/* At '&': an entity, decoded; 0 when the '&' is text. */
static int
tidy_entity(struct tidy *t)
{
	size_t k = entity(t->s + t->i, t->n - t->i, t->out);

	t->i += k;
	return k != 0;
}

/*
 * At '*' or '_': a run of two or more is bold and goes ("**" in any
 * input, "__" in Markdown); in Markdown a single one that opens or
 * closes emphasis goes too, not one between spaces ("2 * 3").
 */
static int
tidy_emphasis(struct tidy *t)
{
	const char *s = t->s;
	size_t i = t->i, n = t->n;
	char c = s[i];

	if (i + 1 < n && s[i + 1] == c && (c == '*' || t->md)) {
		while (t->i < n && s[t->i] == c)
			t->i++;
		return 1;
	}
	if (t->md) {
		unsigned char prev = i > 0 ? (unsigned char)s[i - 1] : ' ';
		unsigned char next = i + 1 < n ? (unsigned char)s[i + 1] : ' ';
		int opens = !is_word_byte(prev) && next != ' ';
		int closes = prev != ' ' && !is_word_byte(next);

		if ((opens || closes) && !(opens && closes && c == '*' &&
		    prev == ' ' && next == ' ')) {
			t->i++;
			return 1;
		}
	}
	return 0;
}

/* At '\\' in Markdown: an escaped punctuation character, kept alone. */
static int
tidy_escape(struct tidy *t)
{
	const char *s = t->s;
	size_t i = t->i;

	if (!t->md || i + 1 >= t->n || s[i + 1] == '\0' ||
	    !strchr("\\`*_{}[]()#+-.!|<>~\"'", s[i + 1]))
		return 0;
	buf_putc(t->out, s[i + 1]);
	t->i += 2;
	return 1;
}

/* At '!' in Markdown: an image "![alt](src)" goes whole. */
static int
tidy_image(struct tidy *t)
{
	const char *s = t->s, *e, *p;
	size_t i = t->i, n = t->n;

	if (!t->md || i + 1 >= n || s[i + 1] != '[')
		return 0;
	e = memmem(s + i, n - i, "](", 2);
	p = e ? memchr(e, ')', n - (size_t)(e - s)) : NULL;
	if (!p)
		return 0;
	t->i = (size_t)(p - s) + 1;
	return 1;
}

/* At '[' in Markdown: a link "[text](href)" leaves its text. */
static int
tidy_link(struct tidy *t)
{
	const char *s = t->s, *e, *p;
	size_t i = t->i, n = t->n;

	if (!t->md || !(e = memchr(s + i, ']', n - i)) ||
	    (size_t)(e - s) + 1 >= n || e[1] != '(' ||
	    !(p = memchr(e, ')', n - (size_t)(e - s))))
		return 0;
	return tidy_keep(t, e, p);
}

/* At a byte that stopped the plain copy: 1 if it was markup (handled),
 * 0 if it is text after all. */
static int
tidy_special(struct tidy *t)
{
	switch (t->s[t->i]) {
	case ' ':
		tidy_spaces(t);
		return 1;
	case '\t':
		tidy_tabs(t);
		return 1;
	case '|':
		if (!t->table)
			return 0;
		put_gap(t->out, t->start, 1);
		t->i++;
		return 1;
	case '<':  return tidy_html(t);
	case '&':  return tidy_entity(t);
	case '*':
	case '_':  return tidy_emphasis(t);
	case '\\': return tidy_escape(t);
	case '!':  return tidy_image(t);
	case '[':  return tidy_link(t);
	}
	return 0;
}

/* No space at either end: markup may have uncovered some ("** Title**"). */
static void
tidy_trim_out(struct buf *out, size_t start)
{
	size_t lead = start;

	while (out->len > start && out->data[out->len - 1] == ' ')
		out->len--;
	out->data[out->len] = '\0';
	while (lead < out->len && out->data[lead] == ' ')
		lead++;
	if (lead > start) {
		memmove(out->data + start, out->data + lead, out->len - lead + 1);
		out->len -= lead - start;
	}
}

#ifdef MARKUP_AVX2
/*
 * markup_tidy's loop (below) for a line of 33 bytes or more (s[0..n))
 * whose first stop, at stop, is a run of spaces (a -layout line's column
 * gaps), from i on while what it meets is text and runs of spaces: the
 * text copied to the end of out 32 bytes at a time as it is looked at
 * (what follows a stop is written over), each run of spaces made one
 * space or a cell gap as tidy_spaces makes it, in one loop with no call
 * (a next_stop, a memcpy and tidy_special's steps a gap cost about 150
 * instructions).  Returns where it stopped: at n, or at a stop it leaves
 * to markup_tidy's loop (markup, or a space after a space written).
 * The text never grows here: room for n - i bytes and a block is enough.
 */
__attribute__((target("avx2"))) static size_t
tidy_run_avx2(const char *s, size_t i, size_t n, struct buf *out, size_t start,
              struct tidy_info *ti, size_t stop)
{
	buf_reserve(out, n - i + 32);
	char *base = out->data, *o = base + out->len;
	char *first = base + start;
	size_t k = stop - i;

	/* the bytes before the first stop (at most n - 1 - i) */
	for (; k >= 32; k -= 32, i += 32, o += 32)
		_mm256_storeu_si256((__m256i *)(void *)o,
		    _mm256_loadu_si256((const __m256i *)(const void *)(s + i)));
	copy_small(o, s + i, k);
	i += k;
	o += k;
	/* at a stop: a run of spaces taken, then on to the next stop */
	while (i < n && s[i] == ' ' && !(o > first && o[-1] == ' ')) {
		/* tidy_spaces: the last byte written is no space */
		size_t r = skip_spaces(s, i, n, 0);
		int cell = 0;
		if (r - i >= 3) {
			size_t len = (size_t)(o - first);
			cell = len == 0 || len > 6 || !lead_label_(first, len);
		}
		if (cell)
			ti->flags |= TIDY_GAP;
		if (o > first) {
			*o++ = ' ';
			if (cell)
				*o++ = ' ';
		}
		i = r;
		uint32_t m = 0;
		for (; i + 33 <= n; i += 32, o += 32) {
			__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
			_mm256_storeu_si256((__m256i *)(void *)o, v);
			if ((m = stops_avx2(s + i)) != 0)
				break;
		}
		if (i + 33 <= n) {
			k = (size_t)__builtin_ctz(m);
		} else {
			/* the last bytes: the block that ends at s[n - 2], its
			 * bytes before i shifted out, and s[n - 1] (as
			 * next_stop_avx2 does) */
			m = i + 1 < n ? stops_avx2(s + n - 33) >> (i - (n - 33)) : 0;
			k = m ? (size_t)__builtin_ctz(m) :
			    i < n ? n - 1 - i + !special[(unsigned char)s[n - 1]] : 0;
			copy_small(o, s + i, k);
		}
		i += k;
		o += k;
	}
	out->len = (size_t)(o - base);
	return i;
}
#endif

void
markup_tidy(const char *s, size_t n, int md, struct buf *out,
            struct tidy_info *ti)
{
	markup_tidy_known(s, n, md, 0, out, ti);
}

void
markup_tidy_known(const char *s, size_t n, int md, int plain, struct buf *out,
                  struct tidy_info *ti)
{
	struct tidy t = { s, 0, n, md, 0, out, out->len, ti };

	ti->flags = 0;
	ti->plain = 1;
	if (!tidy_blank_ends(&t))
		return;
	buf_reserve(out, t.n - t.i + 8);    /* out->data is not NULL from here on */
	if (md && s[t.i] == '#')
		tidy_heading_marks(&t);
	if (tidy_rule_or_table(&t))
		return;
	if (md)
		tidy_list_mark(&t);
	/*
	 * Most lines hold no markup and no run of spaces: copy them whole.
	 * The first stop found is kept: next_stop from anywhere in [from,
	 * first] gives it again, and need not look again.
	 */
	size_t from = t.i, first = 0;
	int known = !(ti->flags & TIDY_TABLE);
	if (known) {
		/* (a plain line: no stop from t.i on, heading marks or a list
		 * mark cut off or not) */
		first = plain ? t.n : next_stop(s, t.i, t.n);
		if (first == t.n) {
			buf_append(out, s + t.i, t.n - t.i);
			return;
		}
#ifdef MARKUP_AVX2
		/* A -layout line's column gaps: the AVX2 loop takes the text
		 * and the runs of spaces up to the first markup, if any.  (Its
		 * arguments by value: t stays in registers for the others.) */
		if (t.n >= 33 && s[first] == ' ' && cpu_avx2 && tidy_fused) {
			t.i = tidy_run_avx2(s, t.i, t.n, out, t.start, ti, first);
			known = 0;
		}
#endif
	}
	while (t.i < t.n) {
		/* Ordinary text goes straight through; single spaces included. */
		if (s[t.i] == ' ' && out->len > t.start &&
		    out->data[out->len - 1] == ' ') {
			t.i++;
			continue;
		}
		size_t j = known && t.i >= from && t.i <= first ? first : next_stop(s, t.i, t.n);
		if (j > t.i) {
			/* (no buf_append: its NUL is written once, at the end) */
			buf_reserve(out, j - t.i);
			memcpy(out->data + out->len, s + t.i, j - t.i);
			out->len += j - t.i;
			t.i = j;
			if (t.i == t.n)
				break;
		}
		/* What may put in bytes the line did not have as text. */
		unsigned char c = (unsigned char)s[t.i];
		if (c == '&' || c == '\\' || c == '<' || c == '[')
			ti->plain = 0;
		if (!tidy_special(&t))
			buf_putc(out, s[t.i++]);
	}
	tidy_trim_out(out, t.start);
}
