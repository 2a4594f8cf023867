/*
 * survey — minutes-normalise's first pass over a document, and the page
 * furniture it finds.
 *
 * survey_run reads every line once and learns what the output pass needs
 * to know in advance: the wrap width of each block of lines (a width
 * histogram over a window of blocks), which hyphenated words the
 * document prints (a Bloom filter, so a hyphen at a line's end is kept
 * or dropped as the document spells the word elsewhere), whether it is
 * Markdown, whether its text reads as language (textquality.h), and its
 * page furniture: lines repeated at the edges of pages (running headers
 * and footers), pages told without form feeds by "Page N" labels and lone
 * page numbers, short lines repeated at page-like intervals, signature
 * forms printed on every page.  survey_finish turns the counts into
 * answers; survey_furniture then says, line by line in the output pass,
 * what is furniture.  survey_run also notes each line as pagelines hands
 * it out (where its LF is, whether it is ASCII), so that the output pass,
 * reading the same lines again, need not look for them (survey_next_line).
 * The words it looks for (page labels, blank-page
 * notices, signature-form words) are lists of the lexicon, read by
 * survey_words.
 *
 * Part of minutes-normalise (paragraphs.h); nothing here prints or exits.
 */
#ifndef MM_SURVEY_H
#define MM_SURVEY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "pagelines.h"
#include "textquality.h"

enum {
	BLOCK = 256,          /* lines per width estimate */
	WINDOW = 5,           /* blocks a width is estimated on: 2 each side */
	NBUCKET = 128,        /* width histogram: 4 columns a bucket */
	BLOOM_BITS = 1 << 20, /* hyphenated words seen in the document */
	EDGE_SLOTS = 1 << 16, /* distinct page-edge lines counted */
	REP_SLOTS = 1 << 15,  /* distinct short lines followed for repeats */
	REP_PROBE = 8,        /* slots a short line may take (then evicts) */
	REP_BITS = 1 << 16    /* bitmap of the keys of running lines */
};

struct edge {
	unsigned long lineno;
	uint64_t key;
};

/* How often a page-edge line was seen, and on which pages first and last. */
struct edge_seen {
	uint32_t count, first, last;
};

/* The slots of a table that a document wrote (survey.c keeps the tables
 * from one document to the next and clears only those). */
struct used {
	uint32_t *at;
	size_t n, cap;
	int all;                /* too many to list: clear the whole table */
};

/* What the first pass learns about a document. */
struct survey {
	/* widths of non-blank lines and count of blank ones, for the five
	 * blocks around the one being estimated (a ring) */
	uint16_t hist[WINDOW][NBUCKET];
	uint32_t blank[WINDOW];
	size_t nblocks, wcap;
	uint32_t global[NBUCKET];
	uint16_t *wrap;             /* per block, the estimated wrap width */
	uint8_t *sparse;            /* per block, paragraphs separated by blanks */
	unsigned long mdlines, lines;
	unsigned char *bloom;
	/* page edges: the first and last two non-blank lines of each page */
	struct edge *cand;
	size_t ncand, candcap;
	uint64_t *ekey;
	struct edge_seen *ecount;
	size_t pages;
	struct edge top[2];
	int ntop;
	/* the last two non-blank lines: keyed only when a page ends; at
	 * last_s, in the pagelines' block (pagelines_next_fast) until the
	 * next pagelines_next_, or copied into last[k] before it */
	struct buf last[2];
	const char *last_s[2];
	size_t last_n[2];
	unsigned long last_line[2];
	int nlast;
	unsigned long *drop;        /* running header/footer lines, ascending */
	size_t ndrop;
	size_t wglobal;
	/* pages told without form feeds: by "Page 3 of 9" and lone numbers */
	int ff_seen, prev_blank;
	/* signature form lines ("Signed ____ Dated ____"): on how many pages */
	size_t form_page, form_pages;
	int form_running;
	unsigned long pend_line;    /* a lone number waiting for the next line */
	unsigned pend_num, pgnum;
	int pend_blank;             /* a blank line came before it */
	unsigned long page_start;   /* line that opened the current page */
	unsigned long *pgdrop;      /* lone page numbers told so, ascending */
	size_t npgdrop, pgdropcap;
	size_t dropi, pgdropi;      /* survey_furniture's place in drop, pgdrop */
	unsigned long next_drop;    /* the least of drop[dropi], pgdrop[pgdropi] */
	/* short lines repeated at regular intervals (running headers) */
	struct rep *rep;
	unsigned char *repbits;
	struct used bloom_used, edge_used, rep_used;
	/* does the text read as language (textquality.h) */
	struct tq tq;
	/* a note of each line as pagelines handed it out, in turn: the
	 * length of a line it found by its LF alone (pagelines_next_fast),
	 * else NOTE_ANY, NOTE_WIDE when the line is not ASCII, NOTE_PLAIN
	 * when it has nothing markup_tidy stops its plain copy at; the
	 * output pass reads the same lines and takes them by these
	 * (survey_next_line), not by looking again (the first NOTE_MAX) */
	uint32_t *note;
	size_t nnote, notecap, notei;
};

#define NOTE_ANY 0x3FFFFFFFu     /* (a line is at most 1 << 30 bytes) */
#define NOTE_MAX (1u << 21)       /* lines noted: 8 MiB of notes at most */
#define NOTE_WIDE 0x80000000u
#define NOTE_PLAIN 0x40000000u    /* markup_tidy_known's plain */

/* The length of s[0..n) without its trailing blanks. */
static inline size_t
rtrim_len(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n;
}

/*
 * The output pass's next line from pl, the stream read again, as
 * pagelines_next gives it, by the survey's note of it where it has one:
 * 1 and the line, 0 at the end or a PL_E* code.  *ascii is 1 when the
 * line is ASCII, 0 when not, -1 when not known; *plain is 1 when it is
 * known to hold nothing that stops markup_tidy's plain copy.
 */
#ifdef __GNUC__
__attribute__((always_inline))  /* (gcc would keep it out of line) */
#endif
static inline int
survey_next_line(struct survey *sv, struct pagelines *pl, struct pline *l,
                 int *ascii, int *plain)
{
	if (sv->notei < sv->nnote) {
		uint32_t k = sv->note[sv->notei++];
		if ((k & NOTE_ANY) != NOTE_ANY &&
		    pagelines_next_at(pl, l, k & NOTE_ANY)) {
			*ascii = !(k & NOTE_WIDE);
			*plain = (k & NOTE_PLAIN) != 0;
			return 1;
		}
	}
	*ascii = -1;
	*plain = 0;
	return pagelines_next(pl, l);
}

/* Read the survey's word lists from the lexicon (once; exit 2 when one
 * is missing). */
void survey_words(void);

/* The first pass: read pl to its end into sv (zeroed by the caller);
 * with read_ahead, the lines of a long text are read in a second thread
 * (readahead.h; the survey is the same).  Returns pagelines_next's last
 * answer: 0 at the end, or a PL_E* code. */
int survey_run(struct pagelines *pl, struct survey *sv, int read_ahead);

/* After survey_run: wrap widths per block, the lines to drop. */
void survey_finish(struct survey *sv);

/* Free what sv holds and zero it. */
void survey_free(struct survey *sv);

/* Free the tables this thread keeps from one document to the next (a
 * thread that normalised documents calls it before it ends). */
void survey_release(void);

/* The wrap width around line lineno, and whether its paragraphs are
 * parted by blank lines (*sparse).  (Inline: asked of every line.) */
static inline size_t
survey_wrap(const struct survey *sv, unsigned long lineno, int *sparse)
{
	size_t b = (lineno - 1) / BLOCK;

	if (b >= sv->nblocks) {
		*sparse = 1;
		return sv->wglobal;
	}
	*sparse = sv->sparse[b];
	return sv->wrap[b];
}

/* Does the document print "left-right" (any case) somewhere? */
int survey_hyphenated(const struct survey *sv, const char *l, size_t ln,
                      const char *r, size_t rn);

/* The key by which survey_furniture knows a line s[0..n) as read (before
 * any tidying) as a running header, or 0 when the document has none. */
uint64_t survey_line_key_(const struct survey *sv, const char *s, size_t n);

static inline uint64_t
survey_line_key(const struct survey *sv, const char *s, size_t n)
{
	return sv->repbits ? survey_line_key_(sv, s, n) : 0;
}

/*
 * Is the line at lineno furniture?  key is survey_line_key of the line
 * as read, s[0..n) the line tidied; at_edge: the line is at a page break
 * or the end; alone: blank lines (or furniture) stand before and after
 * it.  Lines must be asked about in ascending order.
 */
int survey_furniture(struct survey *sv, unsigned long lineno, uint64_t key,
                     const char *s, size_t n, int at_edge, int alone);

#endif
