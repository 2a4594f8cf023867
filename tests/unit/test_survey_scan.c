/*
 * survey.c's line scan against its byte loop: survey_seen (AVX2 where the
 * CPU has it, and again with the block scan every machine has) must give
 * the classes of survey_class or-ed over the line, '#' only as its first
 * byte, and utf8_width's width, for made-up lines up to 200 bytes; and
 * SEEN_PLAIN only for a line with none of markup_tidy's stops (markup.c:
 * a TAB, ! & * < [ \\ _ |, or a space before a space).
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

/* Does s[0..n) hold a stop of markup.c's plain copy (its stop_at)? */
static int
has_stop(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr("\t|<&*_\\![", s[i]) || (s[i] == ' ' && i + 1 < n && s[i + 1] == ' '))
			return 1;
	return 0;
}

int
main(void)
{
	static const char pool[] = "abcdefghij  KLM.,;()-_*<|#\t\x2c\x2f\x3d\x5c\x5d\x7b\x7d\x7f!&[Y9+)"
	                           "\xaa\xad\xae\xbc\xdf\xfc\xc3\xa9\xe2\x80\x94";
	char s[256];
	unsigned long seed = 4242;
	int failed = 0, had = cpu_avx2;

	for (int pass = 0; pass < 2; pass++) {
#ifdef SURVEY_AVX2
		cpu_avx2 = pass == 0 ? had : 0;
#endif
		for (int round = 0; round < 50000 && failed < 10; round++) {
			size_t n = rt_len(&seed, 200);

			rt_bytes(s, n, &seed, pool, sizeof pool - 1, 16, 0);
			size_t w, ww = utf8_width(s, n);
			unsigned got = survey_seen(s, n, &w), want = seen_bytes(s, n);
			if ((got & SEEN_PLAIN) && has_stop(s, n)) {
				printf("FAIL pass %d n %zu: plain, but a stop in \"%.*s\"\n",
				       pass, n, (int)n, s);
				failed++;
			}
			got &= ~(unsigned)SEEN_PLAIN;
			if (got != want || w != ww) {
				printf("FAIL pass %d n %zu: classes %u width %zu, want %u %zu\n",
				       pass, n, got, w, want, ww);
				failed++;
			}
		}
	}
	/* linemarks.h's line_all_caps, sixteen bytes at a time, against its
	 * byte loop: lines of figures and marks, few capitals or many, and
	 * now and then a small letter. */
	static const char caps[] = "  0123456789.,-:()@[`{\xc3\xa9";
	for (int round = 0; round < 50000 && failed < 10; round++) {
		size_t n = rt_len(&seed, 120);
		/* (a small letter one time in 300; capitals as often as the
		 * round says, from none to most bytes; else figures, marks) */
		unsigned often = 1 + (unsigned)round % 64;
		for (size_t k = 0; k < n; k++) {
			unsigned r = (unsigned)(rt_step(&seed) >> 40);
			s[k] = r % 300 == 0 ? (char)('a' + r % 26) :
			    (r >> 9) % often == 0 ? (char)('A' + (r >> 15) % 26) :
			    caps[(r >> 15) % (sizeof caps - 1)];
		}
		int want = 0, small = 0;
		for (size_t i = 0; i < n; i++) {
			small |= s[i] >= 'a' && s[i] <= 'z';
			want += s[i] >= 'A' && s[i] <= 'Z';
		}
		want = !small && want >= 2;
		if (line_all_caps(s, n) != want) {
			printf("FAIL line_all_caps n %zu: %d, want %d: \"%.*s\"\n",
			       n, !want, want, (int)n, s);
			failed++;
		}
	}
#ifdef SURVEY_AVX2
	/* Two spaces (or a stop byte) at every place of lines of words of
	 * 32 to 100 bytes: never plain; the line without them is. */
	cpu_avx2 = had;
	for (size_t n = 32; n <= 100 && failed < 10; n++)
		for (size_t at = 0; at < n; at++)
			for (int kind = 0; kind < 3; kind++) {
				size_t w;
				for (size_t i = 0; i < n; i++)
					s[i] = i % 6 == 5 ? ' ' : (char)('a' + i % 26);
				s[0] = 'x';
				s[n - 1] = 'y';
				int plain = (survey_seen(s, n, &w) & SEEN_PLAIN) != 0;
				if (kind == 0 && at + 1 < n && at > 0)
					s[at] = s[at + 1] = ' ';
				else if (kind == 1)
					s[at] = "\t|<&*_\\!["[at % 9];
				else if (kind == 2)
					s[at] = 'Y';
				int stop = has_stop(s, n);
				int got = (survey_seen(s, n, &w) & SEEN_PLAIN) != 0;
				if (!plain || (got && stop)) {
					printf("FAIL n %zu at %zu kind %d: plain %d, then %d (a stop: %d)\n",
					       n, at, kind, plain, got, stop);
					failed++;
				}
			}
#endif
	return rt_status(failed);
}
