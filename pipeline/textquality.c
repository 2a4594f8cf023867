/* textquality — does a text read as language; see textquality.h. */
#include "textquality.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && !defined(MM_NO_SSE2)
#include <emmintrin.h>
/* AVX2 (with BMI, BMI2 and POPCNT, which every CPU with AVX2 has; all
 * checked at run time) for lines of 16 bytes or more: MM_NO_AVX2 builds
 * without, as a test does. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define TQ_AVX2 1
#endif
#endif

#include "cpu.h"
#include "err.h"
#include "lexicon.h"

/* How often each letter a..z comes in English text, per ten thousand. */
static const unsigned short tq_letter_freq[26] = {
	820, 150, 280, 430, 1270, 220, 200, 610, 700, 15, 77, 400, 240,
	670, 750, 190, 10, 600, 630, 910, 280, 98, 240, 15, 200, 7
};

/*
 * Bytes that are neither letters, digits, spaces nor the punctuation of
 * figures and prose: a text layer of nothing but these (symbols, or
 * characters of other scripts, where letters should be) is garbage.
 * UTF-8 is counted by its lead bytes 0xC3-0xF4; 0xC2 leads £ and the
 * no-break space, and is not among them.
 */
static const char tq_odd[] = "!#$*+<=>?@[\\]^_`{|}~";
enum { TQ_ODD_LEAD = 0xC3, TQ_ODD_LAST = 0xF4 };

/*
 * The common function words (the lexicon's list function_word), as the
 * keys word_key makes, in a table of 1 << (64 - fw_shift) slots where no
 * two words share a slot (the multiplier is chosen so when the table is
 * built at first use): a word is looked up by one compare, no branch.
 */
static uint64_t *fw_table;
static uint64_t fw_mult;
static unsigned fw_shift;

/*
 * A word of up to six letters as a number: its bytes in lower case, in
 * the order memory holds them, the rest zero.  When the line holds eight
 * bytes from the word on (end is the line's end) they are read at once.
 */
static inline uint64_t
word_key(const unsigned char *w, size_t n, const unsigned char *end)
{
	uint64_t k = 0;

	if (end - w >= 8)
		memcpy(&k, w, 8);
	else
		memcpy(&k, w, n);
	return (k | 0x2020202020202020u) & (~(uint64_t)0 >> (64 - 8 * n));
}

static inline size_t
fw_slot(uint64_t k)
{
	return (size_t)((k * fw_mult) >> fw_shift);
}

/* Place the words in the clear table of 1 << bits slots by the
 * multiplier m; 0, the table clear, when two words meet in one. */
static int
fw_place(const struct lex_list *l, unsigned bits, uint64_t m)
{
	size_t i;

	fw_mult = m;
	fw_shift = 64 - bits;
	for (i = 0; i < l->n; i++) {
		const unsigned char *w = (const unsigned char *)l->word[i];
		uint64_t k = word_key(w, l->len[i], w + l->len[i]);
		size_t s = fw_slot(k);
		if (fw_table[s] && fw_table[s] != k)
			break;
		fw_table[s] = k;
	}
	if (i == l->n)
		return 1;
	/* clear the slots of the words placed (the table is clear again) */
	while (i-- > 0) {
		const unsigned char *w = (const unsigned char *)l->word[i];
		fw_table[fw_slot(word_key(w, l->len[i], w + l->len[i]))] = 0;
	}
	return 0;
}

/* (Out of line: tq_line itself only passes a line on.) */
static void __attribute__((noinline))
fw_build(void)
{
	const struct lex_list *l = lex_list("function_word");
	unsigned bits = 6;

	for (size_t i = 0; i < l->n; i++) {
		const unsigned char *w = (const unsigned char *)l->word[i];
		size_t n = l->len[i];
		/* Only such words are ever counted (tq_line): another entry
		 * would be a word the measure silently never sees. */
		int ok = n >= 2 && n <= 6;
		for (size_t j = 0; ok && j < n; j++)
			ok = (unsigned)((w[j] | 0x20) - 'a') < 26;
		if (!ok)
			die(EXIT_TROUBLE, "%s: list function_word: \"%s\" is not a word "
			    "of two to six letters a-z", lexicon_get()->path, l->word[i]);
	}
	/* Sixteen slots a word or more; odd multipliers tried in turn until
	 * the words fall in slots of their own (a few tries at that size),
	 * the table doubled after a thousand. */
	while (((size_t)1 << bits) < l->n * 16)
		bits++;
	for (;; bits++) {
		free(fw_table);
		fw_table = xcalloc((size_t)1 << bits, sizeof *fw_table);
		uint64_t m = 0x9E3779B97F4A7C15u;
		for (int t = 0; t < 1000; t++, m += 0x2545F4914F6CDD1Eu)
			if (fw_place(l, bits, m | 1))
				return;
	}
}

/* Is the key (of a word of two to six letters) a function word's? */
static inline int
fw_has(uint64_t k)
{
	return fw_table[fw_slot(k)] == k;
}

/* A word of len letters at w has ended (the line at end): counted, and
 * looked up when it has six letters or fewer. */
static inline void
word_done(const unsigned char *w, size_t len, const unsigned char *end,
          unsigned long *words, unsigned long *function)
{
	if (len >= 2) {
		(*words)++;
		if (len <= 6 && fw_has(word_key(w, len, end)))
			(*function)++;
	}
}

static inline int
is_letter(unsigned c)
{
	return (unsigned)((c | 0x20) - 'a') < 26;
}

#if defined(__SSE2__) && !defined(MM_NO_SSE2)
/* The letters of p[at..at+16) as a mask, shifted right by sh (the bytes
 * already seen of an overlapping last block; the top bits are then 0). */
static inline unsigned
letters16(const unsigned char *p, unsigned sh)
{
	const __m128i fold = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a'),
	    z = _mm_set1_epi8(25);
	__m128i x = _mm_sub_epi8(_mm_or_si128(_mm_loadu_si128((const void *)p),
	    fold), a);
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(x, z), x)) >> sh;
}

/* word_key for a line of sixteen bytes or more: a word near its end is
 * read from the eight bytes that end the line, shifted down (x86 is
 * little-endian: the word's bytes are the high ones). */
static inline uint64_t
word_key_long(const unsigned char *w, size_t n, const unsigned char *end)
{
	uint64_t k;

	if (end - w >= 8) {
		memcpy(&k, w, 8);
	} else {
		memcpy(&k, end - 8, 8);
		k >>= 8 * (8 - (end - w));
	}
	/* the low n bytes, n of 2 to 6 (a load, not a shift by a count) */
	static const uint64_t low[8] = { 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF,
		0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF };
	return (k | 0x2020202020202020u) & low[n];
}
#endif

/* Count the sixteen bytes at b. */
static inline __attribute__((always_inline)) void
count16(unsigned long *bytes, const unsigned char *b)
{
	bytes[b[0]]++;  bytes[b[1]]++;  bytes[b[2]]++;  bytes[b[3]]++;
	bytes[b[4]]++;  bytes[b[5]]++;  bytes[b[6]]++;  bytes[b[7]]++;
	bytes[b[8]]++;  bytes[b[9]]++;  bytes[b[10]]++; bytes[b[11]]++;
	bytes[b[12]]++; bytes[b[13]]++; bytes[b[14]]++; bytes[b[15]]++;
}

/* Count p[j..n), fewer than sixteen bytes: a jump into a run of
 * sixteen counts, the last n - j of them (no loop to keep). */
static inline __attribute__((always_inline)) void
count_tail(unsigned long *bytes, const unsigned char *p, size_t j, size_t n)
{
	const unsigned char *e = p + n;

	switch (n - j) {
	case 15: bytes[e[-15]]++; /* fall through */
	case 14: bytes[e[-14]]++; /* fall through */
	case 13: bytes[e[-13]]++; /* fall through */
	case 12: bytes[e[-12]]++; /* fall through */
	case 11: bytes[e[-11]]++; /* fall through */
	case 10: bytes[e[-10]]++; /* fall through */
	case 9: bytes[e[-9]]++; /* fall through */
	case 8: bytes[e[-8]]++; /* fall through */
	case 7: bytes[e[-7]]++; /* fall through */
	case 6: bytes[e[-6]]++; /* fall through */
	case 5: bytes[e[-5]]++; /* fall through */
	case 4: bytes[e[-4]]++; /* fall through */
	case 3: bytes[e[-3]]++; /* fall through */
	case 2: bytes[e[-2]]++; /* fall through */
	case 1: bytes[e[-1]]++; /* fall through */
	default: break;
	}
}

#ifdef TQ_AVX2
#define TQ_TARGET __attribute__((target("avx2,bmi,bmi2,popcnt")))

/* The letters of the 32 bytes at p as a mask. */
TQ_TARGET __attribute__((always_inline)) static inline uint32_t
letters32(const unsigned char *p)
{
	__m256i x = _mm256_sub_epi8(_mm256_or_si256(_mm256_loadu_si256(
	    (const __m256i *)(const void *)p), _mm256_set1_epi8(0x20)),
	    _mm256_set1_epi8('a'));
	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_min_epu8(x, _mm256_set1_epi8(25)), x));
}

/*
 * The words that start in the block of 32 bytes at b (its letters cur,
 * the next block's next, whether the byte before it is a letter prev;
 * the line ends at end): those of two letters or more counted at once
 * (the starts of runs whose next byte is a letter too), and only those of
 * at most six letters (no run of seven from their start) taken one by
 * one, to be looked up.
 */
TQ_TARGET __attribute__((always_inline)) static inline void
words32(const unsigned char *b, const unsigned char *end, uint64_t cur,
        uint64_t next, uint64_t prev, unsigned long *words, unsigned long *function,
        int whole)
{
	uint64_t run = cur | next << 32;
	uint64_t two = cur & ~(cur << 1 | prev) & run >> 1;
	uint64_t r2 = run & run >> 1, r4 = r2 & r2 >> 2, r7 = r4 & r4 >> 3;
	static const uint64_t low[8] = { 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF,
		0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF };

	*words += (unsigned long)__builtin_popcountll(two);
	for (uint64_t sh = two & ~r7; sh; sh &= sh - 1) {
		unsigned k = (unsigned)__builtin_ctzll(sh);
		unsigned len = (unsigned)__builtin_ctzll(~(run >> k));
		uint64_t key;
		if (whole) {
			/* (a whole block follows: the eight bytes from any
			 * place of this one are the line's) */
			memcpy(&key, b + k, 8);
			key = (key | 0x2020202020202020u) & low[len];
		} else {
			key = word_key_long(b + k, len, end);
		}
		*function += (unsigned long)fw_has(key);
	}
}

/*
 * tq_line's sixteen-byte scan (below) thirty-two bytes at a time, for a
 * line of 16 bytes or more: first the blocks that a whole block follows,
 * then the one or two that end the line (the last one the block that
 * ends it, its bytes already seen shifted out of its mask).
 */
TQ_TARGET static void
tq_line_avx2(struct tq *q, const unsigned char *p, size_t n)
{
	unsigned long *bytes = q->bytes, words = 0, function = 0;
	const unsigned char *b = p, *end = p + n;

	if (n < 32) {
		/* 16 to 31 bytes: one block, its letters those of the sixteen
		 * bytes that start the line and of the sixteen that end it */
		count16(bytes, p);
		count_tail(bytes, p, 16, n);
		words32(p, end, letters16(p, 0) | (uint64_t)letters16(end - 16, 0) << (n - 16),
		        0, 0, &words, &function, 0);
		q->words += words;
		q->function += function;
		return;
	}
	uint64_t cur = letters32(p), prev = 0;
	for (; end - b >= 64; b += 32) {
		uint64_t next = letters32(b + 32);
		count16(bytes, b);
		count16(bytes, b + 16);
		words32(b, end, cur, next, prev, &words, &function, 1);
		prev = cur >> 31;
		cur = next;
	}
	/* 32 to 63 bytes left: this block whole, and the bytes after it
	 * (the block that ends the line, its bytes already seen shifted
	 * out); their letters one mask of up to 64, its words taken in one
	 * pass (nothing follows them) */
	size_t left = (size_t)(end - b);
	uint64_t next = left > 32 ? letters32(end - 32) >> (64 - left) : 0;
	count16(bytes, b);
	count16(bytes, b + 16);
	if (left > 32) {
		size_t j = 32;
		if (j + 16 <= left) {
			count16(bytes, b + j);
			j += 16;
		}
		count_tail(bytes, b, j, left);
	}
	words32(b, end, cur | next << 32, 0, prev, &words, &function, 0);
	q->words += words;
	q->function += function;
}

#endif


/* tq_line by SSE2 sixteen bytes at a time, or byte by byte.  (Out of
 * line: the registers it saves are not saved for the lines it does not
 * take.) */
static void __attribute__((noinline))
tq_line_sse2(struct tq *q, const unsigned char *p, size_t n)
{
	unsigned long *bytes = q->bytes, words = 0, function = 0;
	size_t i = 0, ws = 0;
	int in = 0;

#if defined(__SSE2__) && !defined(MM_NO_SSE2)
	/*
	 * Sixteen bytes at a time: each byte counted (the letters and the ink
	 * are read off these counts when the text is judged), and the words
	 * taken from a mask of the block's letters: a word starts at a letter
	 * after a non-letter, and its length is the run of letters from there
	 * in the mask of this block and the next (a run through both is
	 * longer than six, so only counted).  The last block is the one that
	 * ends the line, its bytes already seen shifted out.
	 */
	if (n < 16) {
		/* A short line: its letters and words from a copy of it in
		 * a block of zeros (not letters), which a word's eight bytes
		 * may be read from; its bytes counted as they are. */
		unsigned char t[32] = {0};
		static const uint64_t low[8] = { 0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF,
			0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF };

		memcpy(t, p, n);
		count_tail(bytes, p, 0, n);
		unsigned cur = letters16(t, 0);
		for (unsigned starts = cur & ~(cur << 1); starts; starts &= starts - 1) {
			unsigned k = (unsigned)__builtin_ctz(starts);
			unsigned len = (unsigned)__builtin_ctz(~(cur >> k));
			if (len >= 2) {
				words++;
				if (len <= 6) {
					uint64_t key;
					memcpy(&key, t + k, 8);
					function += (unsigned long)fw_has(
					    (key | 0x2020202020202020u) & low[len]);
				}
			}
		}
		q->words += words;
		q->function += function;
		return;
	}
	{
		unsigned cur = letters16(p, 0), prev = 0;

		for (; i < n; i += 16) {
			unsigned next = 0;

			if (i + 32 <= n)
				next = letters16(p + i + 16, 0);
			else if (i + 16 < n)
				next = letters16(p + n - 16, (unsigned)(i + 32 - n));
			if (i + 16 <= n)
				count16(bytes, p + i);
			else
				count_tail(bytes, p, i, n);
			uint64_t run = cur | (uint64_t)next << 16;
			unsigned starts = cur & ~(cur << 1 | prev);
			for (; starts; starts &= starts - 1) {
				unsigned k = (unsigned)__builtin_ctz(starts);
				unsigned len = (unsigned)__builtin_ctzll(~(run >> k));
				if (len >= 2) {
					words++;
					/* no branch on the answer (it follows no
					 * pattern): one compare, added */
					if (len <= 6)
						function += (unsigned long)fw_has(
						    word_key_long(p + i + k, len, p + n));
				}
			}
			prev = cur >> 15 & 1;
			cur = next;
		}
		q->words += words;
		q->function += function;
		return;
	}
#endif
	for (; i + 16 <= n; i += 16)
		count16(bytes, p + i);
	count_tail(bytes, p, i, n);
	for (i = 0; i < n; i++) {
		if (is_letter(p[i])) {
			if (!in)
				ws = i;
			in = 1;
		} else if (in) {
			word_done(p + ws, i - ws, p + n, &words, &function);
			in = 0;
		}
	}
	if (in)
		word_done(p + ws, n - ws, p + n, &words, &function);
	q->words += words;
	q->function += function;
}

void
tq_init(void)
{
	if (!fw_table)
		fw_build();
}

void
tq_line(struct tq *q, const char *s, size_t n)
{
	if (!fw_table)
		fw_build();
#ifdef TQ_AVX2
	if (n >= 16 && cpu_avx2_bmi) {
		tq_line_avx2(q, (const unsigned char *)s, n);
		return;
	}
#endif
	tq_line_sse2(q, (const unsigned char *)s, n);
}

/* Square root by Newton's method (the programs do not link libm). */
static double
root(double x)
{
	double r = x > 1 ? x : 1;
	if (x <= 0)
		return 0;
	for (int i = 0; i < 64; i++) {
		double next = (r + x / r) / 2;
		if (next >= r)
			break;
		r = next;
	}
	return r;
}

enum tq_verdict
tq_judge(const struct tq *q, double *cosine, double *share)
{
	double dot = 0, na = 0, nb = 0;
	unsigned long letters = 0, ink = 0;

	for (const char *o = tq_odd; *o; o++)
		ink += q->bytes[(unsigned char)*o];
	for (int c = TQ_ODD_LEAD; c <= TQ_ODD_LAST; c++)
		ink += q->bytes[c];
	for (int i = 0; i < 26; i++) {
		unsigned long count = q->bytes['a' + i] + q->bytes['A' + i];
		double a = (double)count, b = tq_letter_freq[i];
		dot += a * b;
		na += a * a;
		nb += b * b;
		letters += count;
	}
	double cs = na > 0 ? dot / (root(na) * root(nb)) : 0;
	double sh = q->words ? (double)q->function / (double)q->words : 0;
	if (cosine)
		*cosine = cs;
	if (share)
		*share = sh;
	if (q->words == 0)
		return ink + letters >= TQ_GARBAGE_INK ? TQ_GARBAGE : TQ_EMPTY;
	if (q->words < TQ_MIN_WORDS)
		return TQ_OK;
	return cs + TQ_SHARE_WEIGHT * sh < TQ_MIN_SCORE ? TQ_GARBAGE : TQ_OK;
}
