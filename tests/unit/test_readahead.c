/*
 * Unit test: readahead (readahead.h).  A reader thread makes numbered
 * records, each with a text of varying length (from none to more than a
 * batch holds), and ends with 0 or with an error code; the records come
 * out in order, with their texts whole, the record before the last one
 * taken still readable (the promise run() relies on), and the end's code
 * again at each call after.  A stream stopped early, with the thread
 * waiting for room, stops cleanly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "readahead.h"

static int failures;

#define CHECK(cond, ...) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); \
	putchar('\n'); } } while (0)

struct rec {
	size_t k, off, len;
};

struct src {
	size_t next, count;	/* records made, to make */
	int end;		/* the end's code */
};

/* Record k's text: its number's last digit, k % 300 times (k % 97 == 0:
 * 70000 bytes, more than a batch's text). */
static size_t
text_len(size_t k)
{
	return k % 97 == 0 ? 70000 : k % 300;
}

static int
fill(void *ctx, struct ra_batch *b)
{
	struct src *s = ctx;
	struct rec *r;

	while (s->next < s->count && (r = ra_room(b, sizeof *r))) {
		r->k = s->next++;
		r->off = b->text.len;
		r->len = text_len(r->k);
		for (size_t i = 0; i < r->len; i++)
			buf_putc(&b->text, (char)('0' + r->k % 10));
	}
	return s->next < s->count ? 1 : s->end;
}

static int
text_ok(const char *text, const struct rec *r)
{
	for (size_t i = 0; i < r->len; i++)
		if (text[r->off + i] != (char)('0' + r->k % 10))
			return 0;
	return 1;
}

static void
run(size_t count, int end)
{
	struct src s = { 0, count, end };
	struct readahead *a = ra_start(sizeof(struct rec), fill, &s);
	const void *p;
	const char *text, *prev_text = NULL;
	struct rec prev = { 0, 0, 0 };
	size_t k = 0;
	int r;

	CHECK(a != NULL, "ra_start: no thread");
	if (!a)
		return;
	while ((r = ra_next(a, &p, &text)) == 1) {
		const struct rec *x = p;
		CHECK(x->k == k, "record %zu came as %zu", k, x->k);
		CHECK(text_ok(text, x), "record %zu: its text is not whole", k);
		if (prev_text && text != prev_text) {
			/* a batch begun: give the thread time to fill again
			 * any batch handed back (not the one before) */
			nanosleep(&(struct timespec){ 0, 2000000 }, NULL);
		}
		if (prev_text)
			CHECK(text_ok(prev_text, &prev),
			    "record %zu: the one before is gone", k);
		prev = *x;
		prev_text = text;
		k++;
	}
	CHECK(k == count, "%zu records of %zu", k, count);
	CHECK(r == end, "the end: %d, want %d", r, end);
	CHECK(ra_next(a, &p, &text) == end, "the end again: not %d", end);
	ra_stop(a);
}

int
main(void)
{
	run(0, 0);
	run(1, 0);
	run(RA_RECORDS, 0);
	run(RA_RECORDS + 1, -3);
	run(20000, 0);
	run(20000, -1);

	/* stopped early: the thread is waiting for room */
	struct src s = { 0, 1000000, 0 };
	struct readahead *a = ra_start(sizeof(struct rec), fill, &s);
	const void *p;
	const char *text;
	CHECK(a && ra_next(a, &p, &text) == 1, "no first record");
	if (a)
		ra_stop(a);
	CHECK(s.next < s.count, "the thread read everything before the stop");

	if (failures)
		return 1;
	puts("readahead: ok");
	return 0;
}
