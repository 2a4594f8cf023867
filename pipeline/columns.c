/* columns — two-column lists and attendance labels; see columns.h. */
#include "columns.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && !defined(MM_NO_SSE2)
#include <emmintrin.h>
#define COLUMNS_SSE2 1
#endif

#include "bytescan.h"
#include "linemarks.h"
#include "textscan.h"
#include "utf8.h"
#include "wordset.h"

/* The words looked for, from the lexicon: read by columns_words. */
static struct wordset attendance_label, name_small_word;

void
columns_words(void)
{
	wordset_init(&attendance_label, "attendance_column_label");
	wordset_init(&name_small_word, "name_small_word");
}

int
columns_label_first(unsigned char c)
{
	return ws_first(&attendance_label, c);
}

/*
 * Does s[0..n) read as one entry of an attendance list: a person with a
 * title ("Cllr A Smith (Chair)"), or a few capitalised words (a name
 * without a title, or an organisation heading "NHS Members", its small
 * words those of name_small_word)?  Figures,
 * dates and running prose do not.
 */
/* Does the full stop at s[i] end a sentence: after a word of three
 * letters or more, and before a space or the end? */
static inline int
sentence_stop(const char *s, size_t i, size_t n)
{
	return i >= 3 && (i + 1 == n || s[i + 1] == ' ') &&
	       is_alpha((unsigned char)s[i - 1]) && is_alpha((unsigned char)s[i - 2]) &&
	       is_alpha((unsigned char)s[i - 3]);
}

/*
 * Does s[0..n) hold a figure (a digit or '%') or a full stop that ends a
 * sentence?  Either says no to an entry, wherever it stands, so a line
 * of sixteen bytes or more is looked at sixteen at a time (the last
 * block the one that ends it: a byte seen twice answers the same), each
 * full stop tested where a block has one.
 */
static int
figure_or_stop(const char *s, size_t n)
{
	if (n >= 16) {
		for (size_t i = 0; i < n; i += 16) {
			size_t b = i + 16 <= n ? i : n - 16;
			bytes16 v = bytes16_load(s + b);
			if (mask16_any(((bytes16)(v - '0') < 10) | (v == '%')))
				return 1;
			for (uint32_t dot = mask16_bits(v == '.'); dot; dot &= dot - 1)
				if (sentence_stop(s, b + (size_t)__builtin_ctz(dot), n))
					return 1;
		}
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '%' ||
		    (s[i] == '.' && sentence_stop(s, i, n)))
			return 1;
	return 0;
}

static int
entry_like(const char *s, size_t n)
{
	size_t words = 0, caps = 0;

	if (n == 0)
		return 0;
	if (figure_or_stop(s, n))
		return 0;
	if (line_is_person(s, n))
		return 1;
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		size_t w = i;
		while (i < n && s[i] != ' ')
			i++;
		words++;
		unsigned char c = (unsigned char)s[w];
		if (c == '(' || c == '&' || c == '-' || c >= 0x80)
			continue;
		if (c >= 'A' && c <= 'Z') {
			caps++;
			continue;
		}
		if (!ws_has(&name_small_word, s + w, i - w))
			return 0;
	}
	return caps > 0 && words <= 6;
}

/*
 * The one gap of s[lead..n), byte by byte: 1 and its start and end (a run
 * of three spaces or more), or 0 when there is none, or a second (three
 * columns: a table), or a TAB.  columns_two's portable path, and the
 * reference test_columns_gap holds one_gap to (inline: unused where
 * one_gap serves).
 */
static inline int
gap_loop(const char *s, size_t lead, size_t n, size_t *gap, size_t *gapend)
{
	*gap = *gapend = 0;
	for (size_t i = lead; i < n; i++) {
		if (s[i] == '\t')
			return 0;
		if (s[i] != ' ')
			continue;
		size_t r = i;
		while (r < n && s[r] == ' ')
			r++;
		if (r - i >= 3) {
			if (*gap)
				return 0;
			*gap = i;
			*gapend = r;
		}
		i = r - 1;
	}
	return *gap != 0;
}

#ifdef COLUMNS_SSE2
/*
 * The one gap of gap_loop in s[lead..n), at most 100
 * bytes that start with no space and end with none: 1 and its start and
 * end, or 0 when there is none, or a second, or a TAB.  The bytes are
 * read as bit masks, sixteen at a time, from a copy padded with zeros: a
 * gap is a run of three spaces or more, found where a space has two more
 * after it and none before it.
 */
static int
one_gap(const char *s, size_t lead, size_t n, size_t *gap, size_t *gapend)
{
	char t[112] = {0};
	uint64_t sp[2] = {0, 0};
	unsigned tab = 0;
	size_t len = n - lead;

	memcpy(t, s + lead, len);
	for (size_t k = 0; k * 16 < len; k++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + k * 16));
		sp[k / 4] |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
		    _mm_set1_epi8(' '))) << (k % 4 * 16);
		tab |= (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
	}
	if (tab)
		return 0;
	/* three in a row from each bit on, then the first bit of each such run */
	uint64_t lo = sp[0] & (sp[0] >> 1 | sp[1] << 63) & (sp[0] >> 2 | sp[1] << 62);
	uint64_t hi = sp[1] & sp[1] >> 1 & sp[1] >> 2;
	uint64_t slo = lo & ~(lo << 1), shi = hi & ~(hi << 1 | lo >> 63);
	if ((slo == 0 && shi == 0) || (slo & (slo - 1)) || (shi & (shi - 1)) || (slo && shi))
		return 0;
	*gap = lead + (slo ? (size_t)__builtin_ctzll(slo) : 64 + (size_t)__builtin_ctzll(shi));
	*gapend = skip_spaces(s, *gap, n, 0);
	return 1;
}
#endif

/*
 * A line of a list printed in two columns (pdftotext -layout): two short
 * entries parted by one gap of three or more spaces.  Returns the column
 * where the right entry starts, or 0.  s[0..n) is the line as read,
 * trailing spaces cut.
 */
size_t
columns_two(const char *s, size_t n)
{
	/* (a -layout line's indent runs to dozens of spaces) */
	size_t gap = 0, gapend = 0, lead = skip_spaces(s, 0, n, 0);

	if (n - lead > 100)
		return 0;
#ifdef COLUMNS_SSE2
	if (!one_gap(s, lead, n, &gap, &gapend))
		return 0;
#else
	if (!gap_loop(s, lead, n, &gap, &gapend))
		return 0;
#endif
	if (!gap || gap - lead > 45 || n - gapend > 45)
		return 0;
	if (!entry_like(s + lead, gap - lead) || !entry_like(s + gapend, n - gapend))
		return 0;
	return utf8_width(s, gapend);
}

/*
 * "In attendance: Kate Hollins (Director)": the column where the first
 * entry after an attendance_column_label starts, or 0.
 */
size_t
columns_label(const char *s, size_t n)
{
	size_t lead = 0;

	while (lead < n && s[lead] == ' ')
		lead++;
	const char *c = memchr(s + lead, ':', n - lead < 40 ? n - lead : 40);
	if (!c)
		return 0;
	if (!ws_has(&attendance_label, s + lead, (size_t)(c - s - lead)))
		return 0;
	size_t e = (size_t)(c - s) + 1;
	while (e < n && s[e] == ' ')
		e++;
	return e < n ? utf8_width(s, e) : 0;
}