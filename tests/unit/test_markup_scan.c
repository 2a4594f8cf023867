/*
 * markup.c's block scans against its byte loop: next_stop (AVX2 where the
 * CPU has it) and next_stop_sse2 must give stop_at's answer from every
 * offset of made-up lines up to 200 bytes, drawn from text, spaces and
 * every byte a block test picks out or nearly does (0x1C, 0x9C, 0xBC...).
 */
#include "markup.c"
#include "randtext.h"

int
main(void)
{
	static const char pool[] = "abcdefghij  KLM.,;()-\t|<&*_\\![]#{}\x1c\x3c\x5c\x7c"
	                           "\x9c\xbc\xdc\xfc\x5b\x5f\x1b\x1f\x7b\xdb\x80\xff\x01\x0f";
	char s[256];
	unsigned long seed = 12345;
	int failed = 0;

	for (int round = 0; round < 20000 && failed < 10; round++) {
		size_t n = rt_len(&seed, 200);

		rt_bytes(s, n, &seed, pool, sizeof pool - 1, 8, 0);
		for (size_t i = 0; i <= n; i++) {
			size_t want = stop_at(s, i, n), got = next_stop(s, i, n);
#ifdef MARKUP_SSE2
			size_t got2 = next_stop_sse2(s, i, n);
#else
			size_t got2 = want;
#endif
			if (got != want || got2 != want) {
				printf("FAIL n %zu from %zu: next_stop %zu, sse2 %zu, byte loop %zu\n",
				       n, i, got, got2, want);
				failed++;
				break;
			}
		}
	}
	return rt_status(failed);
}
