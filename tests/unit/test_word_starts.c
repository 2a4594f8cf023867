/*
 * Unit test: the places a word-anchored rule is tried (next_match's
 * ANCHOR_WORD), found sixteen at a time by word_starts16, against the
 * byte test they stand for: no ASCII letter, digit or _ before the
 * place, and no UTF-8 continuation byte at it.  Every pair of bytes, at
 * every place of a block.
 */
#include "rules_engine.c"

#include <stdio.h>

static int failures;

int
main(void)
{
	unsigned char buf[17];

	for (unsigned prev = 0; prev < 256; prev++)
		for (unsigned cur = 0; cur < 256; cur++) {
			size_t k = (prev * 7 + cur) % 16;
			int inw = (prev >= '0' && prev <= '9') ||
			    (prev >= 'A' && prev <= 'Z') ||
			    (prev >= 'a' && prev <= 'z') || prev == '_';
			int want = !inw && (cur & 0xC0) != 0x80;

			memset(buf, 'x', sizeof buf);
			buf[k] = (unsigned char)prev;
			buf[k + 1] = (unsigned char)cur;
			if ((int)(word_starts16(buf + 1) >> k & 1) != want) {
				if (failures++ < 10)
					printf("FAIL prev %#x cur %#x at %zu\n",
					    prev, cur, k);
			}
			/* the places around it: after 'x', none starts */
			if ((word_starts16(buf + 1) & ~(1u << k) &
			    ~(k + 1 < 16 ? 1u << (k + 1) : 0)) != 0)
				failures++;
		}
	if (failures) {
		printf("%d failures\n", failures);
		return 1;
	}
	puts("test_word_starts: ok");
	return 0;
}
