/*
 * pagelines — a document read as numbered lines of UTF-8, with its pages.
 *
 * Reads a stream in big chunks (never an unbounded getline), decodes it
 * (UTF-8 as is; UTF-16 with or without a byte-order mark, or an encoding
 * the user names, through iconv), and hands out lines one at a time.
 * Every line carries the number of the ORIGINAL line it comes from:
 * LF, CRLF and a lone CR each end one line, as a text editor counts them.
 * A form feed starts a new page: the text after it is handed out as a line
 * of its own (same number) flagged page_break.  A line longer than the cap
 * is handed out in pieces of at most cap bytes, cut between characters,
 * flagged cut.  Memory is bounded by the chunk size plus the cap.
 *
 * Lines are NOT repaired or cleaned here (see utf8.h); in UTF-8 mode they
 * are the input's bytes.  A NUL byte in UTF-8 mode makes the stream
 * binary: pagelines_next returns PL_EBINARY.
 */
#ifndef MM_PAGELINES_H
#define MM_PAGELINES_H

#include <iconv.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

enum {
	PL_EREAD = -1,   /* read error; errno is set */
	PL_EBINARY = -2, /* NUL bytes: not text */
	PL_EENC = -3     /* --from names an encoding iconv does not know */
};

struct pline {
	const char *s;          /* valid until the next call */
	size_t n;
	unsigned long lineno;   /* 1-based, in the original input */
	int page_break;         /* the line follows a form feed */
	int cut;                /* a piece of a line longer than the cap */
};

/*
 * Where a first reading found a CR or a form feed: from stream offset
 * from on, the first is at offset at, or (none) there is none before at,
 * the end of the block it was looked for in.  A reading again asks the
 * same questions (pagelines_again) and answers them from these, not by
 * a search of the block (bounded: past PL_FACTS a question is searched).
 */
struct pl_fact {
	size_t from, at;
	int none;
};
struct pl_facts {
	struct pl_fact *f;
	size_t n, cap, next;
};

struct pagelines {
	FILE *f;
	size_t cap;
	enum utf8_enc enc;
	iconv_t cd;              /* (iconv_t)-1 when reading bytes as they are */
	size_t decode_errors;    /* bytes iconv could not convert */

	char *raw;               /* chunk as read */
	size_t rawlen, rawpos;
	char *dec;               /* chunk after iconv */
	size_t deccap;
	const char *blk;         /* the block being cut into lines */
	size_t blklen, blkpos;
	/* offsets in the block of its next CR, form feed and NUL (blklen if
	 * none), found again only once blkpos has passed them */
	size_t cr_at, ff_at, nul_at;
	size_t clear_to;         /* the least of those three */

	struct buf part;         /* a line that spans blocks */
	const char *rest;        /* remainder of a line after a form feed */
	size_t restn;
	unsigned long rest_lineno;
	size_t carry;            /* bytes of part already handed out as a cut piece */
	unsigned long lineno;    /* number of the line being read */
	int skip_lf;             /* last block ended in CR: drop a leading LF */
	int eof, started;
	int in_cut;              /* the current line was already cut once */
	int fast;                /* no rest, carry, cut or LF to skip: the
	                          * inline pagelines_next may look */
	size_t bom;              /* bytes of the byte-order mark read past */
	size_t blkbase;          /* stream offset of blk[0] */
	struct pl_facts fcr, fff; /* the CRs and form feeds found */
	int cr_seen;             /* a block held a CR */
	int ff_seen;             /* a block held a form feed */
	int whole;               /* read to its end: it holds no NUL */
	int again;               /* read again (pagelines_again): no CR or
	                          * form feed to look for when none was
	                          * seen, no NUL after a whole reading */
};

/*
 * Start reading f.  from is NULL to guess the encoding, or an iconv name.
 * cap bounds a line piece (and so the memory).  Returns 0 or PL_E*.
 */
int pagelines_open(struct pagelines *pl, FILE *f, const char *from, size_t cap);

/*
 * Read the stream again from the start, as pagelines_open would after
 * pagelines_close (the caller has put f back where it started): 0 or a
 * PL_E* code.  A stream read the first time as UTF-8 bytes as they are
 * keeps its chunk and what was learnt of it (its encoding and mark,
 * whether it holds a CR or a form feed at all, and, read to its end
 * the first time, that it holds no NUL), not looked for again.
 */
int pagelines_again(struct pagelines *pl, const char *from);

/* pagelines_next's general case (pagelines.c). */
int pagelines_next_(struct pagelines *pl, struct pline *l);

/* Hand out the block's k bytes at p, a whole line ended by LF, as they
 * are (the common line, in both pagelines_next and its general case). */
static inline int
pagelines_whole(struct pagelines *pl, struct pline *l, const char *p,
    size_t k)
{
	pl->blkpos += k + 1;
	l->s = p;
	l->n = k;
	l->lineno = pl->lineno++;
	l->page_break = 0;
	l->cut = 0;
	return 1;
}

/*
 * pagelines_next's common case alone: 1 and the line, or 0 when the next
 * line needs pagelines_next_.  The bytes of every line handed out stay as
 * they are until pagelines_next_ is called: only it reads, decodes or
 * gathers (a caller may keep a line's pointer until then).
 *
 * Next line into *l: 1, or 0 at end, or a PL_E* code.  Inline, the
 * common line (nothing carried or cut, whole in the block, ended by LF,
 * no CR, form feed or NUL before it: the block's next ones are known,
 * not over the cap): the bytes of the block handed out as they are, what
 * pagelines_next_ does with it at the cost of a call and its set-up.
 */
static inline int
pagelines_next_fast(struct pagelines *pl, struct pline *l)
{
	if (pl->fast && pl->blkpos < pl->blklen) {
		const char *p = pl->blk + pl->blkpos;
		const char *nl = memchr(p, '\n', pl->blklen - pl->blkpos);
		size_t k = nl ? (size_t)(nl - p) : 0, end = pl->blkpos + k;

		/* (end >= blkpos: a next CR, form feed or NUL at or after end
		 * is one not yet passed) */
		if (nl && k <= pl->cap && pl->clear_to >= end) {
			pl->part.len = 0;
			return pagelines_whole(pl, l, p, k);
		}
	}
	return 0;
}

/*
 * pagelines_next_fast for a line known to end k bytes on (what the first
 * reading of the same stream found, survey.h's notes): the line, with
 * no search for its LF, or 0 when the next line is not that one (the
 * caller then asks pagelines_next).
 */
static inline int
pagelines_next_at(struct pagelines *pl, struct pline *l, size_t k)
{
	size_t end = pl->blkpos + k;

	if (pl->fast && end < pl->blklen && pl->blk[end] == '\n' && k <= pl->cap &&
	    pl->clear_to >= end) {
		pl->part.len = 0;
		return pagelines_whole(pl, l, pl->blk + pl->blkpos, k);
	}
	return 0;
}

static inline int
pagelines_next(struct pagelines *pl, struct pline *l)
{
	return pagelines_next_fast(pl, l) ? 1 : pagelines_next_(pl, l);
}

void pagelines_close(struct pagelines *pl);

#endif
