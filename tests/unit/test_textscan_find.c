/*
 * textscan.h's find_n against a byte-by-byte search: made-up texts up to
 * 300 bytes (so that every length of AVX2's and SSE2's rounds and last
 * blocks is met), needles cut from them or made of the bytes a fold
 * might confuse, either case, from every start.  test_textscan_find_sse2
 * runs it again without AVX2.
 */
#include "textscan.h"
#include "randtext.h"

static size_t
find_loop(const char *s, size_t n, const char *w, size_t nl, int icase)
{
	size_t i;

	if (nl == 0 || nl > n)
		return n;
	for (i = 0; i + nl <= n; i++)
		if (match_at(s, i, w, nl, icase))
			return i;
	return n;
}

int
main(void)
{
	static const char pool[] = "mMiInNuUtTeE  ofOF@`[{^~\x80\xc0\xe0\xad\x8d";
	char s[320], w[8];
	unsigned long seed = 777;
	int failed = 0;

	for (int round = 0; round < 200000 && failed < 10; round++) {
		size_t n = rt_len(&seed, 300), nl = 1 + (size_t)(seed >> 20) % 7, from;
		int icase = (int)(seed >> 30) & 1;

		for (size_t k = 0; k < n; k++) {
			unsigned r = (unsigned)(rt_step(&seed) >> 40);

			s[k] = r % 3 ? pool[(r >> 4) % (sizeof pool - 1)] : (char)('a' + r % 26);
		}
		rt_step(&seed);
		if (n >= nl && (seed >> 40) % 2) {
			memcpy(w, s + (seed >> 20) % (n - nl + 1), nl);	/* found somewhere */
		} else {
			for (size_t k = 0; k < nl; k++)
				w[k] = pool[(seed >> (3 * k + 10)) % (sizeof pool - 1)];
		}
		from = n ? (size_t)(seed >> 45) % (n + 1) : 0;
		size_t want = find_loop(s + from, n - from, w, nl, icase);
		size_t got = find_n(s + from, n - from, w, nl, icase);

		if (got != want) {
			printf("FAIL n %zu from %zu needle %zu icase %d: find_n %zu, byte loop %zu\n",
			    n, from, nl, icase, got, want);
			failed++;
		}
	}
	return rt_status(failed);
}
