/*
 * buf — a growing byte buffer that carries its length.
 *
 * data is always NUL-terminated (data[len] == 0) for convenience, but
 * may contain NULs; use len.  Buffers are meant to be reused: buf_reset
 * keeps the allocation.  Growth dies on out-of-memory (err.h policy).
 */
#ifndef MM_BUF_H
#define MM_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

/* Grow b to hold need bytes (the NUL included): the rare path of
 * buf_reserve, out of line. */
void buf_grow(struct buf *b, size_t need);

/*
 * The three below are asked of every line and every piece of a line by
 * both filters: inline, so that the common case (room enough) is a
 * compare and a copy, not a call.
 */
static inline void
buf_reserve(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need > b->cap)
		buf_grow(b, need);
}

static inline void
buf_append(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)	/* s may be NULL when n is 0; memcpy's arguments must not be */
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
buf_putc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s);
/* Make b hold s[0..n) and nothing else (the allocation is kept). */
void buf_set(struct buf *b, const char *s, size_t n);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
