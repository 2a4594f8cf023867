/*
 * textquality.c's tq_line against a byte loop: the counts of every byte,
 * the words and the function words of made-up lines up to 300 bytes
 * (words near the line's ends and across its sixteen-byte blocks, words
 * of every length, function words in any case) must be the byte loop's.
 * test_textquality_portable runs it on the build without SSE2.
 */
#include "textquality.c"
#include "randtext.h"

static void
tq_line_bytes(struct tq *q, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t ws = 0;
	int in = 0;

	for (size_t i = 0; i < n; i++)
		q->bytes[p[i]]++;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && is_letter(p[i])) {
			if (!in)
				ws = i;
			in = 1;
		} else if (in) {
			word_done(p + ws, i - ws, p + n, &q->words, &q->function);
			in = 0;
		}
	}
}

int
main(void)
{
	static const char *pool[] = { "the", "The", "OF", "and", "to", "a", "x",
		"minutes", "meeting", "council", "be", "it", "with", "WHICH",
		"from", "resolved", "should", "Before", "zz", "abcdef", "abcdefg", "  ", " ", ",",
		"12", "\xc3\xa9", "\xe2\x80\x94", "#", "|", "__", ".", "\t" };
	char s[320];
	unsigned long seed = 1616;
	int failed = 0;

	lexicon_open(MM_RULES);
	for (int round = 0; round < 200000 && failed < 10; round++) {
		size_t n = rt_pieces(s, rt_len(&seed, 300), &seed, pool,
		    sizeof pool / sizeof *pool, 1);
		struct tq a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		tq_line(&a, s, n);
		tq_line_bytes(&b, s, n);
		if (memcmp(&a, &b, sizeof a) != 0) {
			printf("FAIL: line of %zu bytes \"%.*s\": words %lu/%lu, "
			       "function %lu/%lu\n", n, (int)n, s, a.words, b.words,
			       a.function, b.function);
			failed++;
		}
	}
	return rt_status(failed);
}
