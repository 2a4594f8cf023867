/*
 * The made-up texts of the unit tests that hold a block scan (SSE2,
 * AVX2) against its byte loop, written once: one generator, a 64-bit
 * linear congruential step (Knuth's MMIX constants), so every run of a
 * test draws the same texts and a failure repeats; and the two ways the
 * tests draw a text from it.
 */
#ifndef RANDTEXT_H
#define RANDTEXT_H

#include <stdio.h>
#include <string.h>

/* The next state of the generator; its high bits are the random ones. */
static inline unsigned long
rt_step(unsigned long *seed)
{
	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	return *seed;
}

/* A length in [0, max]. */
static inline size_t
rt_len(unsigned long *seed, size_t max)
{
	return (size_t)(rt_step(seed) >> 33) % (max + 1);
}

/*
 * n bytes at s: one time in `rare` a byte of pool (the bytes the block
 * test picks out, or nearly does), else one time in `space` a space
 * (never, when space is 0), else a small letter: long plain runs broken
 * by the bytes that matter.
 */
static inline void
rt_bytes(char *s, size_t n, unsigned long *seed, const char *pool,
    size_t npool, unsigned rare, unsigned space)
{
	for (size_t k = 0; k < n; k++) {
		unsigned r = (unsigned)(rt_step(seed) >> 40);

		s[k] = r % rare == 0 ? pool[(r >> 8) % npool] :
		    space && r % space == 0 ? ' ' : (char)('a' + r % 26);
	}
}

/*
 * A text of exactly want bytes at s (room for want) made of the pieces
 * (words, marks, multi-byte characters), the last one cut; when spaces
 * is set, two pieces in three are followed by a space.
 */
static inline size_t
rt_pieces(char *s, size_t want, unsigned long *seed,
    const char *const *pieces, size_t npieces, int spaces)
{
	size_t n = 0;

	while (n < want) {
		unsigned long r = rt_step(seed);
		const char *p = pieces[(r >> 33) % npieces];
		size_t l = strlen(p);

		if (n + l > want)
			l = want - n;
		memcpy(s + n, p, l);
		n += l;
		if (spaces && (r >> 20) % 3 && n < want)
			s[n++] = ' ';
	}
	return n;
}

/* The exit status of a test that found `failed` failures, said. */
static inline int
rt_status(int failed)
{
	if (failed) {
		printf("%d failed\n", failed);
		return 1;
	}
	return 0;
}

#endif
