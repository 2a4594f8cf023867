/*
 * textscan — the ASCII character tests (is_alpha, lower, is_blank …) of
 * every program, and small scanners over length-carrying ASCII-minded
 * text.  Letters are ASCII letters: council keywords are ASCII, and bytes
 * of other UTF-8 characters are left alone.  The tests take a byte's value
 * (0-255: cast a char to unsigned char), never depend on the locale, and
 * are the only copies: a file that needs one includes this header.  The
 * scanners take (s, n) and never read past s[n-1]; none allocates.  All
 * are static inline so each user gets its own copy without a link-time
 * name.
 */
#ifndef MM_TEXTSCAN_H
#define MM_TEXTSCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cpu.h"
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2 for find_n's long searches, where the CPU has it (asked at run
 * time; MM_NO_AVX2 builds without, as a test does). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define TEXTSCAN_AVX2 1
#endif

static inline int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline int
is_alpha(int c)
{
	return is_upper(c) || is_lower(c);
}

static inline int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int
is_alnum(int c)
{
	return is_alpha(c) || is_digit(c);
}

/* A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII
 * character (é, ŵ: letters, as far as the text's markup is concerned). */
static inline int
is_word_byte(int c)
{
	return is_alnum(c) || c >= 0x80;
}

/* Blank space inside a line: a space or a TAB (C's isblank). */
static inline int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* C's isspace in the C locale: space, TAB, LF, VT, FF, CR. */
static inline int
is_white(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Offset of the first byte of s[i..n) that is not is_white, or n. */
static inline size_t
skip_white(const char *s, size_t i, size_t n)
{
	while (i < n && is_white((unsigned char)s[i]))
		i++;
	return i;
}

static inline int
lower(int c)
{
	return is_upper(c) ? c + 32 : c;
}

/* Lengths of the runs of ASCII letters / digits at s[i..n). */
static inline size_t
span_alpha(const char *s, size_t i, size_t n)
{
	size_t j = i;

	while (j < n && is_alpha((unsigned char)s[j]))
		j++;
	return j - i;
}

static inline size_t
span_digits(const char *s, size_t i, size_t n)
{
	size_t j = i;

	while (j < n && is_digit((unsigned char)s[j]))
		j++;
	return j - i;
}

/* s[0..n) starts with the ASCII word w, any case, followed by a non-letter. */
static inline int
starts_word(const char *s, size_t n, const char *w)
{
	size_t k;

	/* no strlen: the word ends where the comparison does */
	for (k = 0; w[k]; k++)
		if (k >= n || lower((unsigned char)s[k]) != lower((unsigned char)w[k]))
			return 0;
	return n == k || !is_alpha((unsigned char)s[k]);
}

/* s[0..n) starts with prefix p, any case. */
static inline int
starts_with(const char *s, size_t n, const char *p)
{
	size_t k;

	for (k = 0; p[k]; k++)
		if (k >= n || lower((unsigned char)s[k]) != lower((unsigned char)p[k]))
			return 0;
	return 1;
}

/* Offset in s[0..last] of the first byte ch from from on, or n (> last). */
static inline size_t
find_byte(const char *s, size_t from, size_t last, size_t n, unsigned char ch)
{
	const char *q;

	if (from > last)
		return n;
	q = memchr(s + from, ch, last + 1 - from);
	return q ? (size_t)(q - s) : n;
}

/* Does the needle match at s[i] (its first nl bytes, any case when icase)? */
static inline int
match_at(const char *s, size_t i, const char *needle, size_t nl, int icase)
{
	size_t k;

	for (k = 0; k < nl; k++) {
		int x = (unsigned char)s[i + k], y = (unsigned char)needle[k];

		if (icase ? lower(x) != lower(y) : x != y)
			return 0;
	}
	return 1;
}

#ifdef TEXTSCAN_AVX2
/* The places s[at..at+32) where the bytes or-ed with m0 and the next
 * ones or-ed with m1 are c0 and c1, as bits (s[at + 32] is read). */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
pair_hits_avx2(const char *s, __m256i c0, __m256i c1, __m256i m0, __m256i m1)
{
	__m256i v0 = _mm256_loadu_si256((const __m256i *)(const void *)s);
	__m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 1));

	return (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
	    _mm256_cmpeq_epi8(_mm256_or_si256(v0, m0), c0),
	    _mm256_cmpeq_epi8(_mm256_or_si256(v1, m1), c1)));
}

/*
 * find_n with AVX2 for a text whose places 0..last number 32 or more
 * (last >= 31): the places where the needle's first two bytes (a0, a1
 * once a byte is or-ed with f0, f1) are found, sixty-four a round, then
 * thirty-two, then the block that ends at last (the places already seen
 * masked off); each compared in full.  The place found, or n.
 */
__attribute__((target("avx2"))) static size_t
find_n_avx2(const char *s, size_t n, size_t last, unsigned char a0, unsigned char a1,
    char f0, char f1, const char *needle, size_t nl, int icase)
{
	const __m256i c0 = _mm256_set1_epi8((char)a0), c1 = _mm256_set1_epi8((char)a1);
	const __m256i m0 = _mm256_set1_epi8(f0), m1 = _mm256_set1_epi8(f1);
	size_t i = 0, at;
	uint64_t hits;

	for (; i + 63 <= last; i += 64) {
		hits = pair_hits_avx2(s + i, c0, c1, m0, m1) |
		    (uint64_t)pair_hits_avx2(s + i + 32, c0, c1, m0, m1) << 32;
		for (; hits; hits &= hits - 1)
			if (match_at(s, at = i + (size_t)__builtin_ctzll(hits), needle, nl, icase))
				return at;
	}
	if (i + 31 <= last) {
		for (hits = pair_hits_avx2(s + i, c0, c1, m0, m1); hits; hits &= hits - 1)
			if (match_at(s, at = i + (size_t)__builtin_ctzll(hits), needle, nl, icase))
				return at;
		i += 32;
	}
	if (i <= last) {
		size_t e = last - 31;

		hits = pair_hits_avx2(s + e, c0, c1, m0, m1) >> (i - e) << (i - e);
		for (; hits; hits &= hits - 1)
			if (match_at(s, at = e + (size_t)__builtin_ctzll(hits), needle, nl, icase))
				return at;
	}
	return n;
}
#endif

/*
 * Offset of needle (nl bytes) in s[0..n) (case-insensitive when icase),
 * or n.  With AVX2 (where the CPU has it) a long text is searched
 * sixty-four places a round first.  With SSE2 (every x86-64) the places where the needle's first
 * two bytes are found are marked sixteen at a time; a letter under
 * icase is found in either case by setting its 0x20 bit, which makes 'M'
 * and 'm' alike and no other byte like them.  Elsewhere the places where the first
 * byte matches are found by memchr (a letter under icase: each case by
 * its own memchr).  Either is many times faster than a loop over the
 * bytes on the long paragraphs most searches fail on.
 */
static inline size_t
find_n(const char *s, size_t n, const char *needle, size_t nl, int icase)
{
	size_t i, last, ia, ib;
	unsigned char f0, a, b;

	if (nl == 0 || nl > n)
		return n;
	last = n - nl;
	i = 0;
#ifdef __SSE2__
	if (nl >= 2) {
		unsigned char b0 = (unsigned char)needle[0], b1 = (unsigned char)needle[1];
		char fold0 = icase && is_alpha(b0) ? 0x20 : 0, fold1 = icase && is_alpha(b1) ? 0x20 : 0;
#ifdef TEXTSCAN_AVX2
		if (last >= 31 && cpu_avx2)
			return find_n_avx2(s, n, last, (unsigned char)(b0 | fold0),
			    (unsigned char)(b1 | fold1), fold0, fold1, needle, nl, icase);
#endif
		const __m128i c0 = _mm_set1_epi8((char)(b0 | fold0)), c1 = _mm_set1_epi8((char)(b1 | fold1));
		const __m128i m0 = _mm_set1_epi8(fold0), m1 = _mm_set1_epi8(fold1);

		/*
		 * Thirty-two places a round, their two blocks' marks tested
		 * together: most searches fail, and the test and the loop
		 * are half the work of a block.  s[i + 32] is the last byte
		 * read: i + 31 <= last = n - nl, nl >= 2.
		 */
		for (; i + 31 <= last; i += 32) {
			__m128i x = _mm_and_si128(
			    _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const void *)(s + i)), m0), c0),
			    _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const void *)(s + i + 1)), m1), c1));
			__m128i y = _mm_and_si128(
			    _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const void *)(s + i + 16)), m0), c0),
			    _mm_cmpeq_epi8(_mm_or_si128(_mm_loadu_si128((const void *)(s + i + 17)), m1), c1));
			unsigned hits;

			if (!_mm_movemask_epi8(_mm_or_si128(x, y)))
				continue;
			hits = (unsigned)_mm_movemask_epi8(x) | (unsigned)_mm_movemask_epi8(y) << 16;
			while (hits) {
				size_t at = i + (size_t)__builtin_ctz(hits);

				if (match_at(s, at, needle, nl, icase))
					return at;
				hits &= hits - 1;
			}
		}
		/* s[i + 16] is the last byte read: i + 15 <= last = n - nl, nl >= 2 */
		for (; i + 15 <= last; i += 16) {
			__m128i v0 = _mm_or_si128(_mm_loadu_si128((const void *)(s + i)), m0);
			__m128i v1 = _mm_or_si128(_mm_loadu_si128((const void *)(s + i + 1)), m1);
			unsigned hits = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(v0, c0), _mm_cmpeq_epi8(v1, c1)));

			while (hits) {
				size_t at = i + (size_t)__builtin_ctz(hits);

				if (match_at(s, at, needle, nl, icase))
					return at;
				hits &= hits - 1;
			}
		}
		/*
		 * The places left, i..last: the block that ends at last
		 * (overlapping, the places before i masked off), not a
		 * memchr for each case of the first byte.
		 */
		if (i <= last && last >= 15) {
			size_t e = last - 15;
			__m128i v0 = _mm_or_si128(_mm_loadu_si128((const void *)(s + e)), m0);
			__m128i v1 = _mm_or_si128(_mm_loadu_si128((const void *)(s + e + 1)), m1);
			unsigned hits = (unsigned)_mm_movemask_epi8(_mm_and_si128(
			    _mm_cmpeq_epi8(v0, c0), _mm_cmpeq_epi8(v1, c1))) >> (i - e) << (i - e);

			while (hits) {
				size_t at = e + (size_t)__builtin_ctz(hits);

				if (match_at(s, at, needle, nl, icase))
					return at;
				hits &= hits - 1;
			}
			return n;
		}
	}
#endif
	f0 = (unsigned char)needle[0];
	a = b = f0;
	if (icase && is_alpha(f0)) {
		a = (unsigned char)(f0 | 0x20);
		b = (unsigned char)(f0 & ~0x20);
	}
	ia = find_byte(s, i, last, n, a);
	ib = a == b ? n : find_byte(s, i, last, n, b);
	for (;;) {
		i = ia < ib ? ia : ib;
		if (i > last)
			return n;
		if (match_at(s, i, needle, nl, icase))
			return i;
		if (i == ia)
			ia = find_byte(s, i + 1, last, n, a);
		else
			ib = find_byte(s, i + 1, last, n, b);
	}
}

/* find_n of a NUL-ended needle (a word list's entry has its length: find_n). */
static inline size_t
find(const char *s, size_t n, const char *needle, int icase)
{
	return find_n(s, n, needle, strlen(needle), icase);
}

/*
 * Does s[0..n) hold any of the words of list (NULL-ended, each of two
 * bytes or more) anywhere, any case: is find(s, n, w, 1) < n for one of
 * them?  One pass for all the words instead of one search each: a byte
 * and the next are first looked up in a table of the words' first two
 * letters, a letter's low five bits being the same in either case (a
 * place that fails there cannot start a word; one that passes is
 * compared in full), which makes the pass a few instructions a byte.
 */
static inline int
find_any(const char *s, size_t n, const char *const *list)
{
	unsigned pairs[32] = {0};
	size_t i, k;

	for (k = 0; list[k]; k++)
		pairs[list[k][0] & 31] |= 1u << (list[k][1] & 31);
	for (i = 0; i + 1 < n; i++) {
		if (!(pairs[s[i] & 31] >> (s[i + 1] & 31) & 1))
			continue;
		for (k = 0; list[k]; k++)
			if (starts_with(s + i, n - i, list[k]))
				return 1;
	}
	return 0;
}

/* Share of upper-case among ASCII letters, in percent; -1 if < 2 letters. */
static inline int
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

static inline size_t
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
static inline size_t
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

static inline void
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

static inline size_t
skip_word(const char *s, size_t i, size_t n)
{
	while (i < n && s[i] != ' ')
		i++;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* Is s[0..n) exactly one of the words of list (NULL-ended), case kept? */
static inline int
is_one_of(const char *s, size_t n, const char *const *list)
{
	size_t k;

	for (k = 0; list[k]; k++)
		if (strlen(list[k]) == n && memcmp(list[k], s, n) == 0)
			return 1;
	return 0;
}

static inline int
in_list(const char *s, size_t n, const char *const *list)
{
	size_t k;

	for (k = 0; list[k]; k++)
		if (starts_word(s, n, list[k]))
			return 1;
	return 0;
}

#endif
