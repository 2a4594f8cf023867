/*
 * markup.c's block scans against its byte loop: next_stop (AVX2 where the
 * CPU has it) and next_stop_sse2 must give stop_at's answer from every
 * offset of made-up lines up to 200 bytes, drawn from text, spaces and
 * every byte a block test picks out or nearly does (0x1C, 0x9C, 0xBC...).
 * And markup_tidy with its AVX2 loop for lines with column gaps
 * (tidy_run_avx2) must tidy made-up lines of words, runs of spaces and
 * markup as it does without: the same text, flags and plainness.
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
#ifdef MARKUP_AVX2
	/* markup_tidy with and without tidy_run_avx2 (where the CPU has
	 * AVX2: else both are the loop without it) */
	static const char pool2[] = "  &*_<[|!\\\t";
	for (int round = 0; round < 200000 && failed < 10; round++) {
		size_t n = rt_len(&seed, 160);
		unsigned gaps = (unsigned)(rt_step(&seed) >> 40) % 4;
		int md = (int)(rt_step(&seed) >> 40) & 1;
		struct buf a = {0}, b = {0};
		struct tidy_info ta, tb;

		/* words, with runs of one to forty spaces (or none) */
		rt_bytes(s, n, &seed, pool2, sizeof pool2 - 1, 60, 7);
		for (size_t k = 0; gaps && k < n; k++)
			if (s[k] == ' ' && rt_step(&seed) % (gaps * 2) == 0) {
				size_t r = 1 + (size_t)(rt_step(&seed) >> 33) % 40;
				for (size_t j = k; j < n && j < k + r; j++)
					s[j] = ' ';
				k += r;
			}
		if (round & 2)          /* some with a number or label first */
			memcpy(s, "12.", n < 3 ? n : 3);
		tidy_fused = 1;
		markup_tidy(s, n, md, &a, &ta);
		tidy_fused = 0;
		markup_tidy(s, n, md, &b, &tb);
		tidy_fused = 1;
		if (a.len != b.len || (a.len && memcmp(a.data, b.data, a.len) != 0) ||
		    ta.flags != tb.flags || ta.plain != tb.plain || ta.indent != tb.indent) {
			printf("FAIL tidy md %d \"%.*s\": \"%.*s\" %u %d, without the AVX2 loop "
			       "\"%.*s\" %u %d\n", md, (int)n, s, (int)a.len, a.data ? a.data : "",
			       ta.flags, ta.plain, (int)b.len, b.data ? b.data : "", tb.flags,
			       tb.plain);
			failed++;
		}
		buf_free(&a);
		buf_free(&b);
	}
#endif
	return rt_status(failed);
}
