/* Unit test: postproc's squeeze (sixteen bytes a step) against its own
 * byte loop (postproc_squeeze_bytes), on made-up texts of every length to
 * 100 with spaces, runs of white space and control bytes at every place
 * of a block; and the byte loop against answers written out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "postproc.h"
#include "randtext.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

/* squeeze in sixteen-byte steps against its byte loop
 * (postproc_squeeze_bytes), on s[0..n) */
static void
one(const char *s, size_t n)
{
	struct buf b = {0}, want = {0};

	buf_set(&b, s, n);
	buf_set(&want, s, n);
	postproc_apply(PP_SQUEEZE, &b, NULL);
	postproc_squeeze_bytes(&want);
	CHECK(b.len == want.len && memcmp(b.data, want.data, b.len) == 0 &&
	    b.data[b.len] == '\0');
	buf_free(&b);
	buf_free(&want);
}

/* the byte loop itself against answers written out */
static void
known(const char *s, const char *expect)
{
	struct buf b = {0};

	buf_set(&b, s, strlen(s));
	postproc_squeeze_bytes(&b);
	CHECK(b.len == strlen(expect) && memcmp(b.data, expect, b.len) == 0);
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
				rt_step(&seed);
				unsigned r = (unsigned)(seed >> 33);
				s[i] = dense == 0 && r % 8 ? "abcdefgh"[r % 8] :
				    alpha[r % (sizeof alpha - 1)];
			}
			one(s, n);
		}
	one("  leading and trailing  ", 24);
	one("one two three four five six seven eight nine ten", 48);
	known("", "");
	known(" \t\n\r ", "");
	known("  leading and\t\ttrailing  ", "leading and trailing");
	known("a\n\nb \x01 c\r\nd", "a b \x01 c d");
	if (failures) {
		printf("%d failures\n", failures);
		return 1;
	}
	puts("test_postproc: ok");
	return 0;
}
