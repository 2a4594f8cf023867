/*
 * columns.c's gap finder against its byte loop: for made-up lines of up
 * to 100 bytes after their indent (words, single and runs of spaces,
 * TABs), one_gap must find the one run of three spaces or more that the
 * byte loop gap_loop (columns_two's portable path) finds, or none when
 * that finds none, a second, or a TAB.
 */
#include "columns.c"

#include <stdio.h>
#include "randtext.h"

int
main(void)
{
	char s[160];
	unsigned long seed = 777;
	int failed = 0;

	for (int round = 0; round < 200000 && failed < 10; round++) {
		rt_step(&seed);
		size_t lead = (size_t)(seed >> 33) % 20, len = (size_t)(seed >> 40) % 101, n;
		memset(s, ' ', lead);
		for (size_t k = 0; k < len; k++) {
			rt_step(&seed);
			unsigned r = (unsigned)(seed >> 40) % 100;
			s[lead + k] = r < 60 ? (char)('a' + r % 26) : r < 97 ? ' ' : r < 99 ? '\t' : '\0';
		}
		n = lead + len;
		while (n > lead && s[n - 1] == ' ')   /* as columns_two is called */
			n--;
		if (n > lead && s[lead] == ' ')
			continue;
#ifdef COLUMNS_SSE2
		size_t g1, e1, g2, e2;
		int a = one_gap(s, lead, n, &g1, &e1), b = gap_loop(s, lead, n, &g2, &e2);
		if (a != b || (a && (g1 != g2 || e1 != e2))) {
			printf("FAIL \"%.*s\": %d %zu %zu, want %d %zu %zu\n", (int)n, s, a,
			       a ? g1 : 0, a ? e1 : 0, b, g2, e2);
			failed++;
		}
#endif
	}
	if (failed) {
		printf("%d failed\n", failed);
		return 1;
	}
	return 0;
}
