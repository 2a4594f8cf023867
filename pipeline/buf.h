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

struct buf {
	char *data;
	size_t len;
	size_t cap;
};

void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
/* Make b hold s[0..n) and nothing else (the allocation is kept). */
void buf_set(struct buf *b, const char *s, size_t n);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

#endif
