/*
 * bytescan — sixteen bytes at a time, for the per-line scans of
 * minutes-normalise: runs of spaces, ASCII runs, bytes that are rare in
 * text (markup, line ends), counts of a byte; the digits a search
 * for dates starts from; and short copies (copy_small).
 *
 * Each scan tests a block of sixteen bytes with a few vector compares
 * and gives exactly the answer of the byte loop it replaces; the byte
 * loop itself still does the last bytes of a line (and, where a scan's
 * test is the caller's, the caller's exact test has the last word).
 * The vectors are GCC's generic vector extension (GCC and Clang): SSE2
 * on x86-64, NEON on arm64, plain integer code elsewhere; intrinsics
 * only for SSE2's movemask, which reads a mask in one instruction (the
 * portable reading stays for other machines).  All static
 * inline; nothing reads past s[n-1].
 */
#ifndef MM_BYTESCAN_H
#define MM_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define BYTESCAN_AVX2 1
#endif

typedef unsigned char bytes16 __attribute__((vector_size(16)));
/* What a compare of two bytes16 gives: 0 or -1 in each byte. */
typedef signed char mask16 __attribute__((vector_size(16)));

/* The sixteen bytes at p (any alignment). */
static inline bytes16
bytes16_load(const char *p)
{
	bytes16 v;

	memcpy(&v, p, sizeof v);
	return v;
}

/* 1 if any byte of the mask is set. */
static inline int
mask16_any(mask16 m)
{
#ifdef __SSE2__
	return _mm_movemask_epi8((__m128i)m) != 0;     /* one instruction */
#else
	uint64_t a, b;

	memcpy(&a, &m, 8);
	memcpy(&b, (const char *)&m + 8, 8);
	return (a | b) != 0;
#endif
}

/* Offset of the first set byte of the mask (0-15), or 16 if none. */
static inline size_t
mask16_first(mask16 m)
{
#ifdef __SSE2__
	return (size_t)__builtin_ctz((unsigned)_mm_movemask_epi8((__m128i)m) | 0x10000u);
#else
	uint64_t h[2];

	memcpy(h, &m, sizeof h);
	for (size_t k = 0; k < 2; k++)
		if (h[k])
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			return k * 8 + (size_t)__builtin_clzll(h[k]) / 8;
#else
			return k * 8 + (size_t)__builtin_ctzll(h[k]) / 8;
#endif
	return 16;
#endif
}

/* The mask as bits, bit k for byte k (SSE2's movemask). */
static inline uint32_t
mask16_bits(mask16 m)
{
#ifdef __SSE2__
	return (uint32_t)_mm_movemask_epi8((__m128i)m);
#else
	uint32_t bits = 0;

	for (int k = 0; k < 16; k++)
		bits |= (uint32_t)(m[k] & 1) << k;
	return bits;
#endif
}

/* The sum of the sixteen bytes of v (each 0-255). */
static inline size_t
bytes16_sum(bytes16 v)
{
	uint64_t h[2];
	size_t t = 0;

	memcpy(h, &v, sizeof h);
	for (size_t k = 0; k < 2; k++) {
		/* pairs of bytes into four 16-bit lanes, then the lanes summed
		 * into the top one by a multiply (at most 8 × 255: no carry out) */
		uint64_t x = (h[k] & 0x00FF00FF00FF00FFULL) + ((h[k] >> 8) & 0x00FF00FF00FF00FFULL);
		t += (size_t)((x * 0x0001000100010001ULL) >> 48);
	}
	return t;
}

/*
 * Offset of the first byte of s[i..n) that is not a space (nor a TAB
 * when tab), or n: the indents and column gaps of -layout text, which
 * run to dozens of spaces.
 */
static inline size_t
skip_spaces(const char *s, size_t i, size_t n, int tab)
{
	/* Many lines start with no space at all: no vector for them. */
	if (i == n || !(s[i] == ' ' || (tab && s[i] == '\t')))
		return i;
#ifdef __SSE2__
	/* the blanks' mask, turned over: no vector of not-equal to make */
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i e = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
		if (tab)
			e = _mm_or_si128(e, _mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
		unsigned m = (unsigned)_mm_movemask_epi8(e) ^ 0xFFFFu;
		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#else
	for (; i + 16 <= n; i += 16) {
		bytes16 v = bytes16_load(s + i);
		mask16 m = v != ' ';
		if (tab)
			m &= v != '\t';
		if (mask16_any(m))
			return i + mask16_first(m);
	}
#endif
	while (i < n && (s[i] == ' ' || (tab && s[i] == '\t')))
		i++;
	return i;
}

/* How many bytes of s[0..n) are c. */
static inline size_t
count_byte(const char *s, size_t n, unsigned char c)
{
	size_t i = 0, t = 0;

	while (i + 16 <= n) {
		/* -1 in each byte that is c, into counters summed every 255 blocks */
		bytes16 acc = {0};
		for (size_t k = 0; k < 255 && i + 16 <= n; k++, i += 16)
			acc -= (bytes16)(bytes16_load(s + i) == c);
		t += bytes16_sum(acc);
	}
	for (; i < n; i++)
		t += (unsigned char)s[i] == c;
	return t;
}

/*
 * Offset of the first ASCII digit in s[i..n), or n: where a search for
 * dates and numbers can start (most of a paragraph holds none).
 */
static inline size_t
skip_to_digit(const char *s, size_t i, size_t n)
{
	for (; i + 16 <= n; i += 16) {
		bytes16 v = bytes16_load(s + i);
		mask16 m = (bytes16)(v - '0') <= 9;
		if (mask16_any(m))
			return i + mask16_first(m);
	}
	while (i < n && (unsigned char)(s[i] - '0') > 9)
		i++;
	return i;
}

/* Offset of the first byte of s[i..n) that is not ASCII (>= 0x80), or n. */
static inline size_t
skip_ascii(const char *s, size_t i, size_t n)
{
	for (; i + 16 <= n; i += 16) {
		bytes16 v = bytes16_load(s + i);
		mask16 m = v >= 0x80;
		if (mask16_any(m))
			return i + mask16_first(m);
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

#ifdef BYTESCAN_AVX2
/*
 * The classes of the thirty-two bytes v, by two table lookups (vpshufb),
 * one by each half of the byte: the and of lo's entry for the low half
 * and hi's for the high half.  A class is a bit that both halves' entries
 * of its bytes hold and that no other byte's two entries share; a byte of
 * 0x80 or more looks up 0 (vpshufb's rule).  For callers that checked
 * the CPU has AVX2 (markup's stops, survey's line classes).
 */
__attribute__((target("avx2"), always_inline)) static inline __m256i
nibble_classes32(__m256i v, __m256i lo, __m256i hi)
{
	return _mm256_and_si256(_mm256_shuffle_epi8(lo, v),
	    _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4),
	                                             _mm256_set1_epi8(0x0F))));
}

/* A table of nibble_classes32 from its sixteen entries, the same in both
 * lanes (vpshufb looks up within a lane): a constant, as _mm256_setr_epi8
 * writes it. */
#define NIBBLE_TABLE32(...) _mm256_setr_epi8(__VA_ARGS__, __VA_ARGS__)
#endif

/*
 * memcpy of n bytes, inline for up to 32 (two blocks that overlap, of
 * 16, 8, 4 or 1 bytes, never reading past s + n): a line's text, a
 * source name and a line number are mostly that short, and a call of
 * memcpy costs as much as the copy.
 */
static inline __attribute__((always_inline)) void
copy_small(char *d, const char *s, size_t n)
{
	if (n > 32) {
		memcpy(d, s, n);
	} else if (n >= 16) {
#ifdef __SSE2__
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)s);
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
		_mm_storeu_si128((__m128i *)(void *)d, a);
		_mm_storeu_si128((__m128i *)(void *)(d + n - 16), b);
#else
		memcpy(d, s, n);
#endif
	} else if (n >= 8) {
		uint64_t a, b;
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		uint32_t a, b;
		memcpy(&a, s, 4);
		memcpy(&b, s + n - 4, 4);
		memcpy(d, &a, 4);
		memcpy(d + n - 4, &b, 4);
	} else {
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	}
}

#endif
