/*
 * survey.c's line scan against its byte loop: survey_seen (AVX2 where the
 * CPU has it, and again with the block scan every machine has) must give
 * the classes of survey_class or-ed over the line, '#' only as its first
 * byte, and utf8_width's width, for made-up lines up to 200 bytes.
 */
#include "survey.c"
#include "randtext.h"

static unsigned
seen_bytes(const char *s, size_t n)
{
	unsigned seen = n && s[0] == '#' ? 2u : 0;

	for (size_t i = 0; i < n; i++)
		seen |= survey_class[(unsigned char)s[i]];
	return seen;
}

int
main(void)
{
	static const char pool[] = "abcdefghij  KLM.,;()-_*<|#\t\x2c\x2f\x3d\x5c\x5d\x7b\x7d\x7f"
	                           "\xaa\xad\xae\xbc\xdf\xfc\xc3\xa9\xe2\x80\x94";
	char s[256];
	unsigned long seed = 4242;
	int failed = 0;

	for (int pass = 0; pass < 2; pass++) {
#ifdef SURVEY_AVX2
		survey_has_avx2 = pass == 0 ? -1 : 0;
#endif
		for (int round = 0; round < 50000 && failed < 10; round++) {
			size_t n = rt_len(&seed, 200);

			rt_bytes(s, n, &seed, pool, sizeof pool - 1, 16, 0);
			size_t w, ww = utf8_width(s, n);
			unsigned got = survey_seen(s, n, &w), want = seen_bytes(s, n);
			if (got != want || w != ww) {
				printf("FAIL pass %d n %zu: classes %u width %zu, want %u %zu\n",
				       pass, n, got, w, want, ww);
				failed++;
			}
		}
	}
	return rt_status(failed);
}
