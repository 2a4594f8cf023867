/*
 * columns.c's gap finder against its byte loop: for made-up lines of up
 * to 100 bytes after their indent (words, single and runs of spaces,
 * TABs), one_gap must find the one run of three spaces or more that the
 * byte loop gap_loop (columns_two's portable path) finds, or none when
 * that finds none, a second, or a TAB; and figure_or_stop must answer as
 * its byte loop.
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
	/* figure_or_stop (entry_like's first test), sixteen bytes at a time,
	 * against its byte loop: made-up entries of letters, spaces, full
	 * stops and now and then a figure, up to 60 bytes. */
	for (int round = 0; round < 200000 && failed < 10; round++) {
		rt_step(&seed);
		size_t n = (size_t)(seed >> 33) % 61;
		int want = 0;
		for (size_t k = 0; k < n; k++) {
			rt_step(&seed);
			unsigned r = (unsigned)(seed >> 40) % 1000;
			s[k] = r < 700 ? (char)((r & 1 ? 'a' : 'A') + r % 26) : r < 850 ? ' ' :
			    r < 990 ? '.' : r < 995 ? (char)('0' + r % 10) : '%';
		}
		for (size_t i = 0; i < n; i++)
			if ((s[i] >= '0' && s[i] <= '9') || s[i] == '%' ||
			    (s[i] == '.' && i >= 3 && (i + 1 == n || s[i + 1] == ' ') &&
			     is_alpha((unsigned char)s[i - 1]) && is_alpha((unsigned char)s[i - 2]) &&
			     is_alpha((unsigned char)s[i - 3])))
				want = 1;
		if (figure_or_stop(s, n) != want) {
			printf("FAIL figure_or_stop \"%.*s\": %d, want %d\n", (int)n, s, !want, want);
			failed++;
		}
	}
	if (failed) {
		printf("%d failed\n", failed);
		return 1;
	}
	return 0;
}
