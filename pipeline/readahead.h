/*
 * readahead — records made in a second thread, taken in order in this.
 *
 * minutes-normalise reads a long document twice (paragraphs.h); each
 * time, finding and decoding its lines is work a second processor can
 * do ahead of the one that judges them.  ra_start starts a thread that
 * calls fill(ctx, batch) over and over: fill adds records (ra_room gives
 * the next free one, of the size given, and NULL when the batch is full)
 * and text (b->text, where a record keeps an offset), and returns 1 while
 * more is to come, else the end: 0, or an error code.  ra_next hands the
 * records out in order, with the text they point into.
 *
 * A record and its text stay valid until ra_next has been called for the
 * first record of the batch after the next one: the caller may keep the
 * record before the one it has just taken.  RA_BATCHES batches of up to
 * RA_RECORDS records and about RA_TEXT bytes of text bound the memory.
 * The thread shares nothing with its caller but the batches and what is
 * in ctx: keep what fill writes on cache lines of its own.
 */
#ifndef MM_READAHEAD_H
#define MM_READAHEAD_H

#include <stddef.h>

#include "buf.h"

enum {
	RA_RECORDS = 1024,      /* records a batch at most */
	RA_TEXT = 1 << 16,      /* bytes of text a batch, about */
	RA_BATCHES = 4,
	RA_MIN_LINES = 1 << 14  /* a shorter text is not worth a thread */
};

struct ra_batch {
	_Alignas(64) char *rec; /* n records of the size given */
	size_t n;
	struct buf text;
	int r;                  /* fill's value for it */
};

struct readahead;

/* Start the thread, or NULL when it cannot start (then read in this
 * one). */
struct readahead *ra_start(size_t recsize, int (*fill)(void *ctx, struct ra_batch *b),
    void *ctx);

/* Room for the next record of b, or NULL when b is full. */
void *ra_room(struct ra_batch *b, size_t recsize);

/* Give back the room ra_room gave last: the stream ended before a
 * record was put there. */
void ra_unroom(struct ra_batch *b);

/* The next record (*rec) and the text it points into (*text): 1; at the
 * end, fill's last value (0, or an error code). */
int ra_next(struct readahead *a, const void **rec, const char **text);

/* Stop the thread (at once, wherever it is) and free everything. */
void ra_stop(struct readahead *a);

#endif
