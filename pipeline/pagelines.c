/* pagelines — numbered lines and pages from a byte stream; see pagelines.h. */
#include "pagelines.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

enum { CHUNK = 256 * 1024 };

int
pagelines_open(struct pagelines *pl, FILE *f, const char *from, size_t cap)
{
	memset(pl, 0, sizeof *pl);
	pl->f = f;
	pl->cap = cap < 64 ? 64 : cap;
	pl->cd = (iconv_t)-1;
	pl->lineno = 1;
	pl->raw = xmalloc(CHUNK);
	if (from && strcmp(from, "UTF-8") != 0 && strcmp(from, "utf-8") != 0 &&
	    strcmp(from, "utf8") != 0) {
		pl->cd = iconv_open("UTF-8", from);
		if (pl->cd == (iconv_t)-1)
			return PL_EENC;
		pl->started = 1;        /* the user said; no guessing */
	}
	return 0;
}

int
pagelines_again(struct pagelines *pl, const char *from)
{
	if (pl->cd != (iconv_t)-1 || pl->enc != ENC_UTF8 || !pl->started || !pl->raw) {
		FILE *f = pl->f;
		size_t cap = pl->cap;
		pagelines_close(pl);
		return pagelines_open(pl, f, from, cap);
	}
	struct pagelines was = *pl;

	memset(pl, 0, sizeof *pl);
	pl->f = was.f;
	pl->cap = was.cap;
	pl->cd = (iconv_t)-1;
	pl->lineno = 1;
	pl->raw = was.raw;
	pl->part = was.part;
	pl->part.len = 0;
	pl->enc = ENC_UTF8;
	pl->started = 1;
	pl->bom = was.bom;
	pl->fcr = was.fcr;
	pl->fff = was.fff;
	pl->fcr.next = pl->fff.next = 0;
	pl->cr_seen = was.cr_seen;
	pl->ff_seen = was.ff_seen;
	pl->whole = was.whole;
	pl->again = 1;
	return 0;
}

void
pagelines_close(struct pagelines *pl)
{
	if (pl->cd != (iconv_t)-1)
		iconv_close(pl->cd);
	free(pl->raw);
	free(pl->dec);
	free(pl->fcr.f);
	free(pl->fff.f);
	buf_free(&pl->part);
	pl->raw = pl->dec = NULL;
	memset(&pl->fcr, 0, sizeof pl->fcr);
	memset(&pl->fff, 0, sizeof pl->fff);
}

enum { PL_FACTS = 1 << 14 };

/* Offset of the first byte c of the block from pos on, or blklen.  A
 * first reading notes what it found of a CR or form feed; a reading
 * again takes the answer from those notes where one holds it. */
static size_t
block_find(struct pagelines *pl, size_t pos, int c)
{
	struct pl_facts *fs = c == '\f' ? &pl->fff : c == '\r' ? &pl->fcr : NULL;
	size_t q = pl->blkbase + pos, end = pl->blkbase + pl->blklen;

	if (fs && pl->again) {
		/* (questions come in order: the notes before q are done) */
		while (fs->next < fs->n && (fs->f[fs->next].none ? fs->f[fs->next].at <= q :
		                            fs->f[fs->next].at < q))
			fs->next++;
		if (fs->next < fs->n && fs->f[fs->next].from <= q) {
			const struct pl_fact *f = &fs->f[fs->next];
			if (!f->none)
				return f->at < end ? f->at - pl->blkbase : pl->blklen;
			if (f->at >= end)
				return pl->blklen;
		}
	}
	const char *p = memchr(pl->blk + pos, c, pl->blklen - pos);
	size_t at = p ? (size_t)(p - pl->blk) : pl->blklen;
	if (fs && !pl->again && fs->n < PL_FACTS) {
		if (fs->n == fs->cap) {
			fs->cap = fs->cap ? fs->cap * 2 : 64;
			fs->f = xrealloc(fs->f, fs->cap * sizeof *fs->f);
		}
		fs->f[fs->n++] = (struct pl_fact){ q, pl->blkbase + at, !p };
	}
	return at;
}

/* Where the block's next CR, form feed or NUL is, whichever comes first
 * (the inline pagelines_next compares a line's end with it once). */
static void
set_clear(struct pagelines *pl)
{
	size_t m = pl->cr_at < pl->ff_at ? pl->cr_at : pl->ff_at;

	pl->clear_to = m < pl->nul_at ? m : pl->nul_at;
}

/* A new block in blk: where its first CR, form feed and NUL are (no NUL
 * when the caller knows it holds none). */
static void
block_start(struct pagelines *pl, int no_nul)
{
	/* (read again, a stream that held no CR or form feed still holds
	 * none, and one read to its end the first time no NUL: a NUL ends
	 * a reading with PL_EBINARY) */
	pl->cr_at = pl->again && !pl->cr_seen ? pl->blklen : block_find(pl, 0, '\r');
	if (pl->cr_at < pl->blklen)
		pl->cr_seen = 1;
	pl->ff_at = pl->again && !pl->ff_seen ? pl->blklen : block_find(pl, 0, '\f');
	if (pl->ff_at < pl->blklen)
		pl->ff_seen = 1;
	pl->nul_at = no_nul || (pl->again && pl->whole) ? pl->blklen : block_find(pl, 0, '\0');
	set_clear(pl);
}

/* Does the block hold no byte c in [blkpos, end)?  *at caches the next one. */
static int
none_before(struct pagelines *pl, size_t *at, size_t end, int c)
{
	if (*at < pl->blkpos) {
		*at = block_find(pl, pl->blkpos, c);
		set_clear(pl);
	}
	return *at >= end;
}

/* Convert raw[rawpos..rawlen) through iconv into dec; keep an incomplete tail. */
static void
convert(struct pagelines *pl)
{
	static const char repl[] = "\xEF\xBF\xBD";
	size_t unit = pl->enc == ENC_UTF16LE || pl->enc == ENC_UTF16BE ? 2 : 1;
	size_t need = (pl->rawlen - pl->rawpos) * 4 + 16;

	if (pl->deccap < need) {
		pl->dec = xrealloc(pl->dec, need);
		pl->deccap = need;
	}
	char *in = pl->raw + pl->rawpos, *out = pl->dec;
	size_t inleft = pl->rawlen - pl->rawpos, outleft = pl->deccap;

	while (inleft > 0) {
		if (iconv(pl->cd, &in, &inleft, &out, &outleft) != (size_t)-1)
			break;
		if (errno == EINVAL && !pl->eof)
			break;          /* a character cut by the chunk: next time */
		if (errno == E2BIG)
			break;          /* cannot happen with 4x room; be safe */
		/* EILSEQ, or a truncated last character: U+FFFD, never silence */
		size_t skip = inleft < unit ? inleft : unit;
		in += skip;
		inleft -= skip;
		if (outleft >= 3) {
			memcpy(out, repl, 3);
			out += 3;
			outleft -= 3;
		}
		pl->decode_errors += skip;
	}
	pl->rawpos = pl->rawlen - inleft;
	pl->blkbase += pl->blklen;
	pl->blk = pl->dec;
	pl->blklen = (size_t)(out - pl->dec);
	pl->blkpos = 0;
	block_start(pl, 0);
}

/* Get the next block of decoded bytes: 1, 0 at end, or PL_E*. */
static int
fill(struct pagelines *pl)
{
	for (;;) {
		size_t keep = 0;
		int no_nul = 0;

		if (pl->cd != (iconv_t)-1) {
			keep = pl->rawlen - pl->rawpos;
			memmove(pl->raw, pl->raw + pl->rawpos, keep);
		}
		size_t got = fread(pl->raw + keep, 1, CHUNK - keep, pl->f);
		if (got == 0 && ferror(pl->f))
			return PL_EREAD;
		pl->rawlen = keep + got;
		pl->rawpos = 0;
		if (got == 0)
			pl->eof = 1;
		if (pl->again == 1) {
			/* read again: the mark is known, and that the first
			 * chunk holds no NUL */
			pl->again = 2;
			pl->rawpos = pl->bom < pl->rawlen ? pl->bom : pl->rawlen;
			no_nul = 1;
		}
		if (!pl->started) {
			size_t bom;
			pl->started = 1;
			pl->enc = utf8_sniff((unsigned char *)pl->raw, pl->rawlen, &bom);
			if (pl->enc == ENC_BINARY)
				return PL_EBINARY;
			pl->rawpos = pl->bom = bom;
			/* UTF-8 is told by the chunk after its mark holding no
			 * NUL: the block need not be searched for one again. */
			no_nul = pl->enc == ENC_UTF8;
			if (pl->enc != ENC_UTF8) {
				pl->cd = iconv_open("UTF-8", utf8_enc_name(pl->enc));
				if (pl->cd == (iconv_t)-1)
					return PL_EENC;
			}
		}
		if (pl->cd == (iconv_t)-1) {
			if (pl->rawlen == pl->rawpos)
				return 0;
			pl->blkbase += pl->blklen;
			pl->blk = pl->raw + pl->rawpos;
			pl->blklen = pl->rawlen - pl->rawpos;
			pl->blkpos = 0;
			block_start(pl, no_nul);
			pl->rawpos = pl->rawlen;
			return 1;
		}
		if (pl->rawlen == pl->rawpos)
			return 0;
		convert(pl);
		if (pl->blklen > 0)
			return 1;
		if (pl->eof)
			return 0;
	}
}

/*
 * Hand out the next piece of the physical line held in rest: the text up
 * to the next form feed.  The caller sets the page_break flag.
 */
static int
next_piece(struct pagelines *pl, struct pline *l)
{
	const char *ff = memchr(pl->rest, '\f', pl->restn);
	size_t k = ff ? (size_t)(ff - pl->rest) : pl->restn;

	l->s = pl->rest;
	l->n = k;
	if (ff) {
		pl->rest = ff + 1;
		pl->restn -= k + 1;
	} else {
		pl->rest = NULL;
		pl->restn = 0;
	}
	return 1;
}

static int
deliver(struct pagelines *pl, const char *s, size_t n, unsigned long lineno,
        int cut, struct pline *l)
{
	/* (read again after a whole reading, the stream holds no NUL) */
	if (!(pl->again && pl->whole) && memchr(s, '\0', n))
		return PL_EBINARY;
	l->lineno = lineno;
	l->cut = cut;
	l->page_break = 0;
	const char *ff = memchr(s, '\f', n);
	if (!ff) {              /* the common case: no page break in the line */
		l->s = s;
		l->n = n;
		return 1;
	}
	pl->rest = s;
	pl->restn = n;
	if (ff == s) {
		/* Nothing before the form feed: the line itself starts the page. */
		pl->rest = s + 1;
		pl->restn = n - 1;
		l->page_break = 1;
	}
	pl->rest_lineno = lineno;
	return next_piece(pl, l);
}

/*
 * Where to cut s[0..n) so that the piece is at most max bytes: before the
 * last space in its second half, so words stay whole, else between two
 * characters.
 */
static size_t
cut_point(const char *s, size_t n, size_t max)
{
	if (n < max)
		return n;
	for (size_t k = max - 1; k > max / 2; k--)
		if (s[k] == ' ')
			return k;
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k ? k : max;
}

static int
next_slow(struct pagelines *pl, struct pline *l)
{
	if (pl->rest) {
		l->page_break = 1;
		l->lineno = pl->rest_lineno;
		l->cut = 0;
		return next_piece(pl, l);
	}
	if (pl->carry) {
		size_t left = pl->part.len - pl->carry;
		memmove(pl->part.data, pl->part.data + pl->carry, left);
		pl->part.len = left;
		pl->carry = 0;
	} else if (!pl->in_cut) {
		pl->part.len = 0;
	}
	for (;;) {
		if (pl->blkpos >= pl->blklen) {
			int r = pl->eof ? 0 : fill(pl);
			if (r < 0)
				return r;
			if (r == 0) {
				/* (the end: every line handed out, none with a
				 * NUL, as deliver and the block's nul_at tell) */
				if (pl->part.len == 0 && !pl->in_cut) {
					pl->whole = 1;
					return 0;
				}
				/* A last line without a line end (the call after
				 * it comes here again). */
				pl->in_cut = 0;
				unsigned long n = pl->lineno++;
				size_t len = pl->part.len;
				pl->part.len = 0;
				if (len == 0) {
					pl->whole = 1;
					return 0;
				}
				return deliver(pl, pl->part.data, len, n, 0, l);
			}
		}
		const char *p = pl->blk + pl->blkpos;
		size_t avail = pl->blklen - pl->blkpos;
		if (pl->skip_lf) {
			pl->skip_lf = 0;
			if (*p == '\n') {
				pl->blkpos++;
				continue;
			}
		}
		/*
		 * The common line: whole in the block, nothing carried, ended by
		 * LF, no CR, form feed or NUL before it, not over the cap.  What
		 * the general code below does with it, with one memchr instead
		 * of four (the block's next CR, form feed and NUL are known):
		 * hand out the block's bytes as they are.
		 */
		if (pl->part.len == 0 && !pl->in_cut) {
			const char *nl = memchr(p, '\n', avail);
			size_t k = nl ? (size_t)(nl - p) : avail, end = pl->blkpos + k;
			if (nl && k <= pl->cap && none_before(pl, &pl->cr_at, end, '\r') &&
			    none_before(pl, &pl->ff_at, end, '\f') &&
			    none_before(pl, &pl->nul_at, end, '\0'))
				return pagelines_whole(pl, l, p, k);
		}
		const char *nl = memchr(p, '\n', avail);
		size_t seg = nl ? (size_t)(nl - p) : avail;
		const char *cr = memchr(p, '\r', seg);
		if (cr)
			seg = (size_t)(cr - p);
		int ended = nl || cr;

		if (pl->part.len + seg > pl->cap) {
			/* Too long: hand out a piece, keep the rest for next time. */
			size_t take = pl->cap - pl->part.len;
			buf_append(&pl->part, p, take);
			pl->blkpos += take;
			size_t k = cut_point(pl->part.data, pl->part.len, pl->cap);
			pl->carry = k;
			pl->in_cut = 1;
			return deliver(pl, pl->part.data, k, pl->lineno, 1, l);
		}
		if (!ended) {
			buf_append(&pl->part, p, seg);
			pl->blkpos = pl->blklen;
			continue;
		}
		/* A whole line: point into the block when nothing was carried. */
		const char *s;
		size_t n;
		if (pl->part.len == 0) {
			s = p;
			n = seg;
		} else {
			buf_append(&pl->part, p, seg);
			s = pl->part.data;
			n = pl->part.len;
		}
		if (cr) {
			size_t at = pl->blkpos + seg + 1;
			if (at < pl->blklen) {
				if (pl->blk[at] == '\n')
					at++;
			} else {
				pl->skip_lf = 1;
			}
			pl->blkpos = at;
		} else {
			pl->blkpos += seg + 1;
		}
		int was_cut = pl->in_cut;
		pl->in_cut = 0;
		unsigned long lineno = pl->lineno++;
		return deliver(pl, s, n, lineno, was_cut, l);
	}
}

int
pagelines_next_(struct pagelines *pl, struct pline *l)
{
	int r = next_slow(pl, l);

	pl->fast = !pl->rest && !pl->carry && !pl->in_cut && !pl->skip_lf;
	return r;
}
