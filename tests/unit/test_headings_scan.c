/*
 * headings.c's block scans (AVX2 where the CPU has it, SSE2 when told it
 * has not) against byte loops: pairset_find against find_any on the same
 * word lists, caps_line against its letters counted one by one.  Made-up
 * texts up to 260 bytes of pieces of the lists' words in either case,
 * letters, spaces and bytes that the 0x20 fold makes alike ('@' and '`',
 * 'C' and 'c' and 0x83, 0xE3) or that border the letters ('[', '{').
 */
#include "headings.c"
#include "lexicon.h"
#include "randtext.h"

/* caps_line's answer from a byte loop. */
static int
caps_loop(const char *c, size_t n)
{
	size_t i, up = 0, low = 0;

	if (n == 0 || n > 250)
		return 0;
	for (i = 0; i < n; i++) {
		up += is_upper((unsigned char)c[i]);
		low += is_lower((unsigned char)c[i]);
	}
	if (up + low < 2)
		return n <= 40;
	return up >= 4 * low;
}

int
main(void)
{
	static const char *const pieces[] = {
		"com", "mittee", "Council", "BOARD", "cab", "Panel", "co", "C", "ch",
		"air", "Chair", "MAYOR", "signed", "Presid", "ing", "si", "gn", "@",
		"`", "\x83", "\xe3", " ", "  ", "-", "x", "qz", "trust", "Me", "eting",
		"[", "{", "Z", "z", "AGENDA", "12", "\xc1", "\xe1",
	};
	const struct pairset *sets[] = {&body_pairs, &strong_pairs};
	char s[320];
	unsigned long seed = 99;
	int failed = 0, pass;

	lexicon_open(MM_RULES);
	headings_init();
	for (pass = 0; pass < 2 && !failed; pass++) {
#ifdef HEADINGS_AVX2
		/* pass 0: what the CPU has; pass 1: SSE2 */
		if (pass == 1)
			cpu_avx2_popcnt = 0;
#endif
		for (int round = 0; round < 50000 && failed < 10; round++) {
			size_t n = rt_pieces(s, rt_len(&seed, 260), &seed, pieces,
			    sizeof pieces / sizeof *pieces, 0);

			for (size_t from = 0; from <= n && from < 40; from += 7) {
				int want = caps_loop(s + from, n - from), got = caps_line(s + from, n - from);

				if (got != want) {
					printf("FAIL pass %d n %zu from %zu: caps_line %d, byte loop %d\n",
					    pass, n, from, got, want);
					failed++;
				}
			}
#ifdef HEADINGS_AVX2
			/* the counts themselves, not only the answer they give */
			if (cpu_avx2_popcnt && n >= 16 && n <= 250) {
				size_t up, low, up2 = 0, low2 = 0;
				int all = letters_avx2(s, n, &up, &low);

				for (size_t i = 0; i < n; i++) {
					up2 += is_upper((unsigned char)s[i]);
					low2 += is_lower((unsigned char)s[i]);
				}
				/* stopped early: only where the small letters outweigh
				 * whatever the rest could hold */
				if (all ? up != up2 || low != low2 :
				    low < 2 || 5 * low <= n || low > low2 || caps_loop(s, n)) {
					printf("FAIL n %zu: letters_avx2 %d %zu %zu, byte loop %zu %zu\n",
					    n, all, up, low, up2, low2);
					failed++;
				}
			}
#endif
			for (size_t k = 0; k < 2; k++) {
				size_t from = n ? (size_t)(seed >> 20) % (n + 1) : 0;
				int want = find_any(s + from, n - from, sets[k]->w);
				int got = pairset_find(sets[k], s + from, n - from);

				if (got != want) {
					printf("FAIL pass %d list %zu n %zu from %zu: pairset_find %d, find_any %d\n",
					    pass, k, n, from, got, want);
					failed++;
				}
			}
		}
	}
	return rt_status(failed);
}
