/* Unit test: postproc's squeeze (sixteen bytes a step) against the byte
 * loop it replaced, on made-up texts of every length to 100 with spaces,
 * runs of white space and control bytes at every place of a block. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "postproc.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static int
white(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* the byte loop: white runs to one space, none at either end */
static size_t
squeeze_ref(const char *s, size_t n, char *out)
{
	size_t i, o = 0;
	int sp = 0;

	for (i = 0; i < n; i++) {
		if (white((unsigned char)s[i])) {
			sp = 1;
			continue;
		}
		if (sp && o > 0)
			out[o++] = ' ';
		sp = 0;
		out[o++] = s[i];
	}
	return o;
}

static void
one(const char *s, size_t n)
{
	struct buf b = {0};
	char want[256];
	size_t wn = squeeze_ref(s, n, want);

	buf_set(&b, s, n);
	postproc_apply(PP_SQUEEZE, &b, NULL);
	CHECK(b.len == wn && memcmp(b.data, want, wn) == 0 &&
	    b.data[b.len] == '\0');
	buf_free(&b);
}

int
main(void)
{
	static const char alpha[] = "ab  \t\n\r\x01.\xc3\xa9Z";
	char s[128];
	unsigned long seed = 12345;

	for (size_t n = 0; n <= 100; n++)
		for (int t = 0; t < 300; t++) {
			int dense = t % 3;	/* 0: mostly words */
			for (size_t i = 0; i < n; i++) {
				seed = seed * 6364136223846793005ul + 1442695040888963407ul;
				unsigned r = (unsigned)(seed >> 33);
				s[i] = dense == 0 && r % 8 ? "abcdefgh"[r % 8] :
				    alpha[r % (sizeof alpha - 1)];
			}
			one(s, n);
		}
	one("  leading and trailing  ", 24);
	one("one two three four five six seven eight nine ten", 48);
	if (failures) {
		printf("%d failures\n", failures);
		return 1;
	}
	puts("test_postproc: ok");
	return 0;
}
