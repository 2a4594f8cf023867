/*
 * sections.c's make_clean runs against a byte loop: plain_span (AVX2
 * where the CPU has it, SSE2 when told it has not) must give the byte
 * loop's answer, and copy the run, for made-up texts up to 200 bytes
 * from every offset that starts a run, drawn from letters, spaces and every byte the block test
 * picks out or nearly does.
 */
#include "sections.c"

#include <stdio.h>
#include <string.h>

/* The run of plain bytes and single spaces between them at s[0..n). */
static size_t
span_loop(const char *s, size_t n)
{
	size_t j = 1;

	for (;;) {
		if (j < n && plain_byte[(unsigned char)s[j]])
			j++;
		else if (j + 1 < n && s[j] == ' ' && plain_byte[(unsigned char)s[j + 1]])
			j += 2;
		else
			return j;
	}
}

int
main(void)
{
	static const char pool[] = "  \t\n\r\\*_<>/#|.,:;-()0123456789\x01\x1f\x20\x21\x3b\x3d"
	                           "\x5b\x5d\x5e\x60\x7f\x80\x9c\xa0\xdc\xe2\xff";
	char s[256], d[256];
	unsigned long seed = 424242;
	int failed = 0, pass;

	for (pass = 0; pass < 2 && !failed; pass++) {
#ifdef SECTIONS_AVX2
		/* pass 0: what the CPU has; pass 1: SSE2 (or the byte loop) */
		has_avx2 = pass == 0 ? -1 : 0;
#endif
		for (int round = 0; round < 20000 && failed < 10; round++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			size_t n = (size_t)(seed >> 33) % 201;
			unsigned rare = 3 + (unsigned)(seed >> 20) % 30;

			/* mostly letters and single spaces, some rare bytes */
			for (size_t k = 0; k < n; k++) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				unsigned r = (unsigned)(seed >> 40);

				s[k] = r % rare == 0 ? pool[(r >> 8) % (sizeof pool - 1)] :
				    r % 7 == 0 ? ' ' : (char)('a' + r % 26);
			}
			for (size_t i = 0; i < n; i++) {
				size_t want, got;

				if (!plain_byte[(unsigned char)s[i]])
					continue;
				want = span_loop(s + i, n - i);
				memset(d, 0, sizeof d);
				got = plain_span(s + i, n - i, d);
				if (got != want || memcmp(d, s + i, got) != 0) {
					printf("FAIL pass %d n %zu from %zu: plain_span %zu, byte loop %zu\n",
					    pass, n, i, got, want);
					failed++;
					break;
				}
			}
		}
	}
	if (failed) {
		printf("%d failed\n", failed);
		return 1;
	}
	return 0;
}
