/* Unit tests for markup_tidy: the block-skipping scan at every offset. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "markup.h"

static int failed;

static void
tidy(const char *in, size_t n, int md, const char *want, unsigned flags)
{
	struct buf b = {0};
	struct tidy_info ti;

	markup_tidy(in, n, md, &b, &ti);
	if (b.len != strlen(want) || memcmp(b.data ? b.data : "", want, b.len) != 0 ||
	    ti.flags != flags) {
		printf("FAIL \"%.*s\": got \"%.*s\" flags %u, want \"%s\" flags %u\n",
		       (int)n, in, (int)b.len, b.data ? b.data : "", ti.flags, want, flags);
		failed++;
	}
	buf_free(&b);
}

int
main(void)
{
	/* What must stop the plain copy — a run of two or three spaces, a bold
	 * mark, an entity, a TAB — placed at every offset of the sixteen-byte
	 * blocks markup.c skips, and as the last bytes of the line. */
	for (size_t at = 1; at < 40; at++) {
		char in[64], want[64];
		size_t tail = 5;
		memset(in, 'a', at);
		memset(in + at + 3, 'b', tail);

		memcpy(in + at, "  b", 3);              /* two spaces: one */
		memset(want, 'a', at);
		want[at] = ' ';
		memset(want + at + 1, 'b', tail + 1);
		want[at + tail + 2] = '\0';
		tidy(in, at + 3 + tail, 0, want, 0);

		memcpy(in + at, "   ", 3);              /* three: a cell gap */
		memset(want, 'a', at);
		memcpy(want + at, "  ", 2);
		memset(want + at + 2, 'b', tail);
		want[at + tail + 2] = '\0';
		tidy(in, at + 3 + tail, 0, want, 16);

		memcpy(in + at, "**b", 3);              /* bold marks go */
		memset(want, 'a', at);
		memset(want + at, 'b', tail + 1);
		want[at + tail + 1] = '\0';
		tidy(in, at + 3 + tail, 0, want, 0);

		memcpy(in + at, "&amp;", 5);            /* an entity at the end */
		memset(want, 'a', at);
		want[at] = '&';
		want[at + 1] = '\0';
		tidy(in, at + 5, 0, want, 0);

		memcpy(in + at, "\tb", 2);              /* a TAB: a table row */
		memset(want, 'a', at);
		memcpy(want + at, "  b", 3);
		want[at + 3] = '\0';
		tidy(in, at + 2, 0, want, 2);

		memcpy(in + at, " b", 2);               /* one space: copied */
		memset(want, 'a', at);
		memcpy(want + at, " b", 2);
		want[at + 2] = '\0';
		tidy(in, at + 2, 0, want, 0);
	}
	/* Indents and gaps of every length up to past two vector blocks
	 * (skip_spaces): the indent is counted, a gap of three or more is a
	 * cell gap. */
	for (size_t k = 0; k < 40; k++) {
		char in[96];
		struct buf b = {0};
		struct tidy_info ti;
		memset(in, ' ', k);
		memcpy(in + k, "x\ty", 3);
		markup_tidy(in, k + 3, 0, &b, &ti);
		if (ti.indent != k || b.len != 4 || memcmp(b.data, "x  y", 4) != 0) {
			printf("FAIL indent %zu: got %zu \"%.*s\"\n", k, ti.indent, (int)b.len, b.data);
			failed++;
		}
		buf_free(&b);
		memset(in, 'a', 3);
		memset(in + 3, ' ', k);
		memcpy(in + 3 + k, "b", 1);
		tidy(in, k + 4, 0, k == 0 ? "aaab" : k < 3 ? "aaa b" : "aaa  b", k >= 3 ? 16 : 0);
	}

	if (failed) {
		printf("%d failed\n", failed);
		return 1;
	}
	return 0;
}
