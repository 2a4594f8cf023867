/*
 * sections.c's make_clean runs against a byte loop: plain_span (AVX2
 * where the CPU has it, SSE2 when told it has not) must give the byte
 * loop's answer, and copy the run, for made-up texts up to 200 bytes
 * from every offset that starts a run, drawn from letters, spaces and every byte the block test
 * picks out or nearly does.
 */
#include "sections.c"
#include "randtext.h"

int
main(void)
{
	static const char pool[] = "  \t\n\r\\*_<>/#|.,:;-()0123456789M\x01\x1f\x20\x21\x3b\x3d"
	                           "\x5b\x5d\x5e\x60\x7f\x80\x9c\xa0\xdc\xe2\xff";
	char s[256], d[256];
	unsigned long seed = 424242;
	int failed = 0, pass, seen, had = cpu_avx2;

	heading_cap = 'M';	/* sections_init's, from the lexicon: "Minute" */

	for (pass = 0; pass < 2 && !failed; pass++) {
#ifdef SECTIONS_AVX2
		/* pass 0: what the CPU has; pass 1: SSE2 (or the byte loop) */
		cpu_avx2 = pass == 0 ? had : 0;
#endif
		for (int round = 0; round < 20000 && failed < 10; round++) {
			size_t n = rt_len(&seed, 200);
			unsigned rare = 3 + (unsigned)(seed >> 20) % 30;

			/* mostly letters and single spaces, some rare bytes */
			rt_bytes(s, n, &seed, pool, sizeof pool - 1, rare, 7);
			for (size_t i = 0; i < n; i++) {
				size_t want, got;

				if (!plain_byte[(unsigned char)s[i]])
					continue;
				want = plain_span_bytes(s + i, 1, n - i);
				memset(d, 0, sizeof d);
				got = plain_span(s + i, n - i, d, NULL);
				if (got != want || memcmp(d, s + i, got) != 0) {
					printf("FAIL pass %d n %zu from %zu: plain_span %zu, byte loop %zu\n",
					    pass, n, i, got, want);
					failed++;
					break;
				}
				/* asked for the heading's capital too: the same run,
				 * and "none" only where the run holds none */
				memset(d, 0, sizeof d);
				got = plain_span(s + i, n - i, d, &seen);
				if (got != want || memcmp(d, s + i, got) != 0 ||
				    (!seen && memchr(s + i, 'M', got) != NULL)) {
					printf("FAIL pass %d n %zu from %zu: plain_span (cap) %zu %d, byte loop %zu\n",
					    pass, n, i, got, seen, want);
					failed++;
					break;
				}
			}
		}
	}
	return rt_status(failed);
}
