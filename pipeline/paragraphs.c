/* paragraphs — furniture, markup and line joining; see paragraphs.h. */
#include "paragraphs.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "buf.h"
#include "bytescan.h"
#include "err.h"
#include "headings.h"
#include "markup.h"
#include "pagelines.h"
#include "textquality.h"
#include "tsv.h"
#include "utf8.h"
#include "wordset.h"

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

/* ---- the survey: what the first pass learns about the document ---- */

struct edge {
	unsigned long lineno;
	uint64_t key;
};

/* How often a page-edge line was seen, and on which pages first and last. */
struct edge_seen {
	uint32_t count, first, last;
};

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
	/* the last two non-blank lines: keyed only when a page ends */
	struct buf last[2];
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
	/* short lines repeated at regular intervals (running headers) */
	struct rep *rep;
	unsigned char *repbits;
	/* does the text read as language (textquality.h) */
	struct tq tq;
};

/*
 * A short line followed through the document: how often it came, where
 * first and last, and the sum of squared gaps between its lines, so the
 * regularity of its intervals can be judged at the end.
 */
struct rep {
	uint64_t key;
	uint64_t gap2;              /* sum of squared gaps, in lines */
	uint32_t count, first, last;
	uint32_t mingap;            /* the shortest gap (a short last page) */
	uint32_t digits;            /* hash of the digits last seen */
	uint32_t num;               /* the line's last number, last seen */
	uint8_t varied;             /* the digits were not always the same */
	uint8_t counting;           /* that number went up by one each time */
	uint8_t running;
	uint8_t label;              /* a label or numbered heading of minutes */
};

static void
bloom_add(unsigned char *bloom, uint64_t h)
{
	for (int k = 0; k < 3; k++) {
		uint32_t bit = (uint32_t)(h >> (k * 20)) & (BLOOM_BITS - 1);
		bloom[bit >> 3] |= (unsigned char)(1u << (bit & 7));
	}
}

static int
bloom_has(const unsigned char *bloom, uint64_t h)
{
	for (int k = 0; k < 3; k++) {
		uint32_t bit = (uint32_t)(h >> (k * 20)) & (BLOOM_BITS - 1);
		if (!(bloom[bit >> 3] & (1u << (bit & 7))))
			return 0;
	}
	return 1;
}

static int
is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/*
 * The council words the normaliser looks for, from the lexicon (rules/
 * lexicon, "minutes-normalise"): read once, by lexicon_words.
 */
static struct wordset minute_prefix, paragraph_label, person_title,
	attendance_label, open_word, ref_word, hyphen_keep, name_small_word,
	form_sign_word, form_field_word, month, page_label, page_label_of,
	blank_notice_intent, blank_notice_word;

static void
lexicon_words(void)
{
	static int ready;
	static const struct {
		struct wordset *ws;
		const char *name;
	} lists[] = {
		{ &minute_prefix, "minute_prefix" },
		{ &paragraph_label, "paragraph_label" },
		{ &person_title, "person_title" },
		{ &attendance_label, "attendance_label" },
		{ &open_word, "open_word" },
		{ &ref_word, "ref_word" },
		{ &hyphen_keep, "hyphen_keep" },
		{ &name_small_word, "name_small_word" },
		{ &form_sign_word, "form_sign_word" },
		{ &form_field_word, "form_field_word" },
		{ &month, "month" },
		{ &page_label, "page_label" },
		{ &page_label_of, "page_label_of" },
		{ &blank_notice_intent, "blank_notice_intent" },
		{ &blank_notice_word, "blank_notice_word" },
	};

	if (ready)
		return;
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
		wordset_init(lists[i].ws, lists[i].name);
	ready = 1;
}

/* Hash of "left-right", lower-cased: how hyphenated words are remembered. */
static uint64_t
compound_hash(const char *l, size_t ln, const char *r, size_t rn)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < ln; i++) {
		h ^= lower((unsigned char)l[i]);
		h *= 1099511628211ULL;
	}
	h ^= '-';
	h *= 1099511628211ULL;
	for (size_t i = 0; i < rn; i++) {
		h ^= lower((unsigned char)r[i]);
		h *= 1099511628211ULL;
	}
	return h;
}

static void
survey_hyphens(struct survey *sv, const char *s, size_t n)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '-', (size_t)(end - p))) != NULL) {
		const char *l = p, *r = p + 1;
		while (l > s && is_letter((unsigned char)l[-1]))
			l--;
		while (r < end && is_letter((unsigned char)*r))
			r++;
		if (l < p && r > p + 1)
			bloom_add(sv->bloom, compound_hash(l, (size_t)(p - l),
			                                   p + 1, (size_t)(r - p - 1)));
		p++;
	}
}

/* The key of a page-edge line: digits folded (page numbers vary), spaces too. */
static uint64_t
edge_key(const char *s, size_t n, int bottom)
{
	uint64_t h = 14695981039346656037ULL ^ (uint64_t)(bottom + 1);
	int sp = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t') {
			sp = 1;
			continue;
		}
		if (sp) {
			h = (h ^ ' ') * 1099511628211ULL;
			sp = 0;
		}
		if (c >= '0' && c <= '9') {
			c = '#';
			while (i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
				i++;
		}
		h = (h ^ c) * 1099511628211ULL;
	}
	return h ? h : 1;       /* 0 marks a line too long to be furniture */
}

static void
edge_count(struct survey *sv, uint64_t key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 48) & (EDGE_SLOTS - 1);

	for (size_t probe = 0; probe < EDGE_SLOTS; probe++) {
		if (sv->ekey[i] == key) {
			sv->ecount[i].count++;
			sv->ecount[i].last = (uint32_t)sv->pages;
			return;
		}
		if (sv->ekey[i] == 0) {
			sv->ekey[i] = key;
			sv->ecount[i].count = 1;
			sv->ecount[i].first = sv->ecount[i].last = (uint32_t)sv->pages;
			return;
		}
		i = (i + 1) & (EDGE_SLOTS - 1);
	}
}

static const struct edge_seen *edge_get(const struct survey *sv, uint64_t key);

/*
 * Is key a running header or footer?  It must stand at the same edge of
 * at least three pages, and of at least half the pages from its first to
 * its last: a report's title page heading, repeated once per report, is
 * not furniture.
 */
static int
edge_running(const struct survey *sv, uint64_t key)
{
	const struct edge_seen *e = edge_get(sv, key);

	return e && e->count >= 3 && e->count * 2 >= e->last - e->first + 1;
}

static const struct edge_seen *
edge_get(const struct survey *sv, uint64_t key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ULL >> 48) & (EDGE_SLOTS - 1);

	for (size_t probe = 0; probe < EDGE_SLOTS; probe++) {
		if (sv->ekey[i] == key)
			return &sv->ecount[i];
		if (sv->ekey[i] == 0)
			return NULL;
		i = (i + 1) & (EDGE_SLOTS - 1);
	}
	return NULL;
}

static void
push_cand(struct survey *sv, struct edge e)
{
	if (sv->ncand == sv->candcap) {
		sv->candcap = sv->candcap ? sv->candcap * 2 : 256;
		sv->cand = xrealloc(sv->cand, sv->candcap * sizeof *sv->cand);
	}
	sv->cand[sv->ncand++] = e;
}

/* A page ended: remember its edge lines, each key counted once a page. */
static void
close_page(struct survey *sv)
{
	struct edge e[4];
	int n = 0;

	for (int i = 0; i < sv->ntop; i++)
		e[n++] = sv->top[i];
	for (int i = 0; i < sv->nlast; i++) {
		int dup = 0;
		for (int j = 0; j < sv->ntop; j++)
			dup |= sv->top[j].lineno == sv->last_line[i];
		if (!dup && sv->last[i].len > 0) {
			e[n].lineno = sv->last_line[i];
			e[n++].key = edge_key(sv->last[i].data, sv->last[i].len, 1);
		}
	}
	for (int i = 0; i < n; i++) {
		int seen = 0;
		if (e[i].key == 0)
			continue;       /* a long line: text, not furniture */
		for (int j = 0; j < i; j++)
			seen |= e[j].key == e[i].key;
		if (!seen)
			edge_count(sv, e[i].key);
		push_cand(sv, e[i]);
	}
	sv->ntop = sv->nlast = 0;
	sv->pages++;
}

enum mark_kind { MARK_NONE, MARK_STRONG, MARK_BARE, MARK_LABEL, MARK_MINUTE };

static enum mark_kind mark_kind(const char *s, size_t n);

/*
 * The key of a short line that may be a running header or footer, or 0:
 * digits folded like edge_key (a page number in a header varies), and
 * *digits a hash of the digits themselves.  Only short lines of words
 * qualify (a line of figures, or with £ or %, is a table, not furniture).
 */
static uint64_t
rep_key(const char *s, size_t n, uint32_t *digits, uint32_t *num)
{
	size_t ink = 0, letters = 0;
	uint32_t d = 2166136261u, v = 0;
	int in_num = 0;

	if (n > 200)
		return 0;
	if (n > 60) {
		/* Most lines are text: count their ink first, without hashing. */
		if (n - count_byte(s, n, ' ') > 60)
			return 0;
	}
	/* The key is edge_key(s, n, 2), computed in the same pass. */
	uint64_t h = 14695981039346656037ULL ^ 3;
	int sp = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t') {
			sp = 1;
			in_num = 0;
			continue;
		}
		if (sp) {
			h = (h ^ ' ') * 1099511628211ULL;
			sp = 0;
		}
		if (++ink > 60 || c == '%' || (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA3))
			return 0;
		if (c >= '0' && c <= '9') {
			d = (d ^ c) * 16777619u;
			v = (in_num ? v * 10 : 0) + (c - '0');
			if (!in_num)
				h = (h ^ '#') * 1099511628211ULL;
			in_num = 1;
			continue;
		}
		in_num = 0;
		h = (h ^ c) * 1099511628211ULL;
		if (c == '.' || c == '/' || c == '-')
			d = (d ^ '.') * 16777619u;
		letters += is_letter(c);
	}
	if (letters < 2)
		return 0;
	*digits = d;
	*num = v;
	return h ? h : 1;
}

static size_t
rep_slot(uint64_t key)
{
	return (size_t)(key * 0x9E3779B97F4A7C15ULL >> 40) & (REP_SLOTS - 1);
}

/* Count a short line at lineno.  The table is bounded: when the slots a
 * key may take are full, the oldest line seen only once gives way. */
static void
rep_add(struct survey *sv, uint64_t key, uint32_t digits, uint32_t num,
        unsigned long lineno, const char *s, size_t n)
{
	size_t i = rep_slot(key), victim = REP_SLOTS;
	uint32_t at = (uint32_t)lineno;

	for (size_t probe = 0; probe < REP_PROBE; probe++, i = (i + 1) & (REP_SLOTS - 1)) {
		struct rep *r = &sv->rep[i];
		if (r->key == key) {
			uint64_t gap = at - r->last;
			r->gap2 += gap * gap;
			if (r->count == 1 || gap < r->mingap)
				r->mingap = (uint32_t)gap;
			r->count++;
			r->last = at;
			r->varied |= r->digits != digits;
			r->counting &= num == r->num + 1;
			r->digits = digits;
			r->num = num;
			return;
		}
		if (r->key == 0) {
			victim = i;
			break;
		}
		if (r->count == 1 && at - r->last > 2000 &&
		    (victim == REP_SLOTS || r->last < sv->rep[victim].last))
			victim = i;
	}
	if (victim == REP_SLOTS)
		return;
	struct rep *r = &sv->rep[victim];
	memset(r, 0, sizeof *r);
	r->key = key;
	r->count = 1;
	r->first = r->last = at;
	r->digits = digits;
	r->num = num;
	r->counting = 1;
	/* Labels and numbered headings of minutes repeat by nature. */
	r->label = mark_kind(s, n) != MARK_NONE;
}

static int
rep_running(const struct survey *sv, uint64_t key)
{
	uint32_t bit = (uint32_t)(key >> 20) & (REP_BITS - 1);
	if (!sv->repbits || !(sv->repbits[bit >> 3] & (1u << (bit & 7))))
		return 0;
	size_t i = rep_slot(key);
	for (size_t probe = 0; probe < REP_PROBE; probe++, i = (i + 1) & (REP_SLOTS - 1))
		if (sv->rep[i].key == key)
			return sv->rep[i].running;
	return 0;
}

/*
 * Which repeated short lines are running headers or footers in a text
 * without form feeds: seen at least three times (four when the line never
 * changes), at least a dozen lines apart on average, and at intervals
 * regular enough to be pages: the spread of the gaps is small beside
 * their mean.  A line whose only change is a number (the page) may be
 * less regular.  Minutes' own repeated lines ("RESOLVED:", "Agreed.")
 * come at the irregular intervals of the business.
 */
static void
rep_finish(struct survey *sv)
{
	for (size_t i = 0; i < REP_SLOTS; i++) {
		struct rep *r = &sv->rep[i];
		if (r->key == 0 || r->label || r->count < 3 || (!r->varied && r->count < 4))
			continue;
		/* The shortest gap is left out when there are three or more:
		 * a document's last page, or a page of a table, is short. */
		double k = r->count - 1, sum = r->last - r->first, sq = (double)r->gap2;
		if (r->count >= 5) {
			k--;
			sum -= r->mingap;
			sq -= (double)r->mingap * r->mingap;
		}
		double mean = sum / k;
		if (mean < (r->counting ? 8 : 12) || mean > 120)
			continue;       /* a page holds a dozen to a hundred lines */
		/* A number counting up by one each time is a page number:
		 * pages of a varying length are allowed then. */
		double var = sq / k - mean * mean;
		double lim = r->counting ? 0.45 : r->varied ? 0.3 : 0.2;
		if (var > (lim * mean) * (lim * mean))
			continue;
		r->running = 1;
		if (!sv->repbits)
			sv->repbits = xcalloc(REP_BITS / 8, 1);
		uint32_t bit = (uint32_t)(r->key >> 20) & (REP_BITS - 1);
		sv->repbits[bit >> 3] |= (unsigned char)(1u << (bit & 7));
	}
}

static void
push_pgdrop(struct survey *sv, unsigned long lineno)
{
	if (sv->npgdrop == sv->pgdropcap) {
		sv->pgdropcap = sv->pgdropcap ? sv->pgdropcap * 2 : 64;
		sv->pgdrop = xrealloc(sv->pgdrop, sv->pgdropcap * sizeof *sv->pgdrop);
	}
	sv->pgdrop[sv->npgdrop++] = lineno;
}

static int is_page_label(const char *s, size_t n);

/* A page ends without a form feed; the next starts at line next. */
static void
page_close_soft(struct survey *sv, unsigned long next)
{
	if (sv->ntop || sv->nlast)
		close_page(sv);
	sv->page_start = next;
}

/*
 * Judge the lone number at pend_line now that the line after it is known
 * (blank_next: blank or the end).  Alone between blank lines it is a page
 * number, as the output pass also says; between lines of text (raw
 * pdftotext) only when it carries on the count of pages, so a column of
 * figures is not taken for pages.  A page number ends a page.
 */
static void
lone_number(struct survey *sv, int blank_next)
{
	unsigned long at = sv->pend_line;
	unsigned v = sv->pend_num;
	int alone = sv->pend_blank && blank_next;

	sv->pend_line = 0;
	if (alone ? at - sv->page_start >= 5 :
	    sv->pgnum == 0 ? at - sv->page_start >= 10 && v <= 3 :
	    at - sv->page_start >= 8 && v == sv->pgnum + 1) {
		sv->pgnum = v;
		if (!alone)
			push_pgdrop(sv, at);
		page_close_soft(sv, at + 1);
	}
}

static void
survey_free(struct survey *sv)
{
	free(sv->wrap);
	free(sv->sparse);
	free(sv->bloom);
	free(sv->cand);
	free(sv->ekey);
	free(sv->ecount);
	free(sv->drop);
	free(sv->pgdrop);
	free(sv->rep);
	free(sv->repbits);
	buf_free(&sv->last[0]);
	buf_free(&sv->last[1]);
	memset(sv, 0, sizeof *sv);
}

static size_t
percentile(const uint32_t *h, unsigned long total, double q)
{
	unsigned long want = (unsigned long)(total * q), acc = 0;

	for (size_t b = 0; b < NBUCKET; b++) {
		acc += h[b];
		if (acc > want)
			return b * 4 + 2;
	}
	return NBUCKET * 4;
}

/*
 * Estimate block b's wrap width and sparseness from the blocks b-2..b+2
 * held in the ring (those after the last block count as empty).  The
 * width is left 0 when too few lines tell it: survey_finish then puts
 * the document's own.
 */
static void
block_estimate(struct survey *sv, size_t b)
{
	uint32_t h[NBUCKET] = {0};
	unsigned long n = 0, blank = 0;
	size_t lo = b >= 2 ? b - 2 : 0, hi = b + 2 < sv->nblocks ? b + 2 : sv->nblocks - 1;

	for (size_t k = lo; k <= hi; k++) {
		for (size_t j = 0; j < NBUCKET; j++) {
			h[j] += sv->hist[k % WINDOW][j];
			n += sv->hist[k % WINDOW][j];
		}
		blank += sv->blank[k % WINDOW];
	}
	sv->wrap[b] = (uint16_t)(n >= 16 ? percentile(h, n, 0.9) : 0);
	sv->sparse[b] = blank * 100 >= (blank + n) * 15;
}

/* Line block b begins: estimate the block whose window is now complete. */
static void
block_start(struct survey *sv, size_t b)
{
	if (b + 1 > sv->wcap) {
		sv->wcap = sv->wcap ? sv->wcap * 2 : 64;
		sv->wrap = xrealloc(sv->wrap, sv->wcap * sizeof *sv->wrap);
		sv->sparse = xrealloc(sv->sparse, sv->wcap);
	}
	if (b >= 3)
		block_estimate(sv, b - 3);
	memset(sv->hist[b % WINDOW], 0, sizeof sv->hist[0]);
	sv->blank[b % WINDOW] = 0;
	sv->nblocks = b + 1;
}

/* After the survey: wrap widths per block, and which page-edge lines to drop. */
static void
survey_finish(struct survey *sv)
{
	unsigned long total = 0;

	for (size_t b = 0; b < NBUCKET; b++)
		total += sv->global[b];
	sv->wglobal = total ? percentile(sv->global, total, 0.9) : 80;
	if (total < 32 && sv->wglobal < 72)
		sv->wglobal = 72;       /* too few lines to tell a wrap width */
	if (sv->wglobal < 30)
		sv->wglobal = 30;
	/* block_start estimated blocks 0..nblocks-4 as their windows filled;
	 * the last three are left (the ring still holds their windows). */
	for (size_t b = sv->nblocks > 3 ? sv->nblocks - 3 : 0; b < sv->nblocks; b++)
		block_estimate(sv, b);
	for (size_t b = 0; b < sv->nblocks; b++) {
		size_t w = sv->wrap[b] ? sv->wrap[b] : sv->wglobal;
		if (w * 4 < sv->wglobal * 3)
			w = sv->wglobal * 3 / 4;
		if (w < 30)
			w = 30;
		sv->wrap[b] = (uint16_t)w;
	}
	if (sv->pages >= 3)
		for (size_t i = 0; i < sv->ncand; i++)
			if (edge_running(sv, sv->cand[i].key)) {
				if (sv->ndrop == 0 || sv->drop[sv->ndrop - 1] != sv->cand[i].lineno) {
					if (!sv->drop)
						sv->drop = xmalloc(sv->ncand * sizeof *sv->drop);
					sv->drop[sv->ndrop++] = sv->cand[i].lineno;
				}
			}
	free(sv->cand);
	sv->cand = NULL;
	if (!sv->ff_seen)
		rep_finish(sv);
	/* A signature form on two pages or more is printed on every page:
	 * furniture.  Printed once, it closes the minutes: kept. */
	sv->form_running = sv->form_pages >= 2;
	if (!sv->repbits) {
		free(sv->rep);
		sv->rep = NULL;
	}
	free(sv->ekey);
	free(sv->ecount);
	sv->ekey = NULL;
	sv->ecount = NULL;
}

static size_t
rtrim_len(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n;
}

/* Bytes the survey looks for: 1 a hyphen, 2 what may start Markdown. */
static const unsigned char survey_class[256] = {
	['-'] = 1, ['#'] = 2, ['*'] = 2, ['<'] = 2, ['|'] = 2, ['_'] = 4, ['.'] = 4
};

/*
 * survey_class of every byte of s[0..n), or-ed: the same answer as a loop
 * over the bytes, with the compares done sixteen bytes at a time.
 */
static unsigned
survey_seen(const char *s, size_t n)
{
	mask16 hyphen = {0}, md = {0}, form = {0};
	size_t i = 0;
	unsigned seen = 0;

	for (; i + 16 <= n; i += 16) {
		bytes16 v = bytes16_load(s + i);
		hyphen |= v == '-';
		md |= (v == '#') | (v == '*') | (v == '<') | (v == '|');
		form |= (v == '_') | (v == '.');
	}
	seen = (mask16_any(hyphen) ? 1u : 0) | (mask16_any(md) ? 2u : 0) |
	       (mask16_any(form) ? 4u : 0);
	for (; i < n; i++)
		seen |= survey_class[(unsigned char)s[i]];
	return seen;
}


/* Does s[0..n) hold a run of k bytes c or more? */
static int
has_run(const char *s, size_t n, char c, size_t k)
{
	const char *p = s, *end = s + n;

	while ((p = memchr(p, c, (size_t)(end - p))) != NULL) {
		const char *q = p;
		while (q < end && *q == c)
			q++;
		if ((size_t)(q - p) >= k)
			return 1;
		p = q;
	}
	return 0;
}

/*
 * Is s[0..n) a signature form line ("Signed ________ Dated ________"):
 * words of the lists form_sign_word (one at least) and form_field_word,
 * dates, and at least one filler run (four
 * underscores or five dots or more) to write in, nothing else?
 */
static int
form_line(const char *s, size_t n)
{
	size_t i = 0, fill = 0;
	int sign = 0;

	if (n > 160)
		return 0;
	/* Without a filler run the answer is no whatever the words are: most
	 * lines with a full stop end here, before their words are looked up. */
	if (!has_run(s, n, '_', 4) && !has_run(s, n, '.', 5))
		return 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '_' || c == '.') {
			size_t j = i;
			while (j < n && s[j] == c)
				j++;
			if (j - i >= (c == '_' ? 4u : 5u))
				fill++;
			i = j;
			continue;
		}
		if (!is_letter(c)) {
			if (!(c == ' ' || c == ':' || c == ',' || c == '/' || (c >= '0' && c <= '9')))
				return 0;
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && is_letter((unsigned char)s[j]))
			j++;
		int ok = 0;
		/* an ordinal ("10th") or a month name may date the form */
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && j - i == 2)
			ok = 1;
		if (!ok && ws_has(&form_sign_word, s + i, j - i))
			ok = sign = 1;
		if (!ok)
			ok = ws_has(&form_field_word, s + i, j - i) ||
			     (j - i >= 3 && ws_has(&month, s + i, j - i));
		if (!ok)
			return 0;
		i = j;
	}
	return fill > 0 && sign;
}

static int
survey_run(struct pagelines *pl, struct survey *sv)
{
	struct pline l;
	int r;

	sv->bloom = xcalloc(BLOOM_BITS / 8, 1);
	sv->ekey = xcalloc(EDGE_SLOTS, sizeof *sv->ekey);
	sv->ecount = xcalloc(EDGE_SLOTS, sizeof *sv->ecount);
	sv->rep = xcalloc(REP_SLOTS, sizeof *sv->rep);
	sv->prev_blank = 1;
	while ((r = pagelines_next(pl, &l)) == 1) {
		size_t b = (l.lineno - 1) / BLOCK;
		while (b >= sv->nblocks)
			block_start(sv, sv->nblocks);
		if (l.page_break) {
			close_page(sv);
			sv->ff_seen = 1;
			sv->pend_line = 0;
		}
		sv->lines = l.lineno;
		size_t n = rtrim_len(l.s, l.n), lead = skip_spaces(l.s, 0, n, 1);
		if (sv->pend_line)
			lone_number(sv, lead == n);
		if (lead == n) {
			sv->blank[b % WINDOW]++;
			sv->prev_blank = 1;
			continue;
		}
		/* The width, and whether hyphens or markup occur. */
		size_t w = lead + utf8_width(l.s + lead, n - lead);
		unsigned seen = survey_seen(l.s + lead, n - lead);
		size_t bucket = (w > NBUCKET * 4 - 1 ? NBUCKET * 4 - 1 : w) / 4;
		if (sv->hist[b % WINDOW][bucket] < UINT16_MAX)
			sv->hist[b % WINDOW][bucket]++;
		sv->global[bucket]++;
		if (seen & 1)
			survey_hyphens(sv, l.s + lead, n - lead);
		if ((seen & 4) && form_line(l.s + lead, n - lead) &&
		    (sv->form_pages == 0 || sv->form_page != sv->pages)) {
			sv->form_pages++;
			sv->form_page = sv->pages;
		}
		/* Text quality: every line until a few thousand words are
		 * seen, then one line in eight (the measures are shares). */
		if (sv->tq.words < 4000 || (l.lineno & 7) == 0)
			tq_line(&sv->tq, l.s + lead, n - lead);
		if (sv->mdlines < 1000 && (seen & 2) &&
		    markup_is_markdown_line(l.s + lead, n - lead))
			sv->mdlines++;
		/* A long line is text, not furniture, but still fills an edge. */
		int edgy = w <= 150;
		if (sv->ntop < 2) {
			/* An agenda reference under a title ("(Item 4)") is the
			 * item's own, however often a page opens with one. */
			size_t rs, re;
			if (edgy && item_ref_line(l.s + lead, n - lead, &rs, &re))
				edgy = 0;
			struct edge e = { l.lineno, edgy ? edge_key(l.s + lead, n - lead, 0) : 0 };
			sv->top[sv->ntop++] = e;
		}
		if (sv->nlast == 2) {
			struct buf t = sv->last[0];
			sv->last[0] = sv->last[1];
			sv->last[1] = t;
			sv->last_line[0] = sv->last_line[1];
		}
		int k = sv->nlast == 2 ? 1 : sv->nlast++;
		sv->last[k].len = 0;
		if (edgy)
			buf_append(&sv->last[k], l.s + lead, n - lead);
		sv->last_line[k] = l.lineno;
		if (!sv->ff_seen) {
			/* No form feeds (yet): pages are told by their labels. */
			int pg = w <= 150 ? is_page_label(l.s + lead, n - lead) : 0;
			if (pg == 2) {
				page_close_soft(sv, l.lineno + 1);
			} else if (pg == 1) {
				unsigned v = 0;
				for (size_t i = lead; i < n; i++)
					if (l.s[i] >= '0' && l.s[i] <= '9')
						v = v * 10 + (unsigned)(l.s[i] - '0');
				sv->pend_line = l.lineno;
				sv->pend_num = v;
				sv->pend_blank = sv->prev_blank;
			}
			uint32_t dg, num;
			uint64_t rk = rep_key(l.s + lead, n - lead, &dg, &num);
			if (rk)
				rep_add(sv, rk, dg, num, l.lineno, l.s + lead, n - lead);
		}
		sv->prev_blank = 0;
	}
	if (sv->pend_line)
		lone_number(sv, 1);
	if (r == 0 && sv->pages > 0)
		close_page(sv);
	return r;
}

/* ---- the output pass ---- */

struct tline {
	struct buf text;        /* tidied, trimmed */
	unsigned long lineno;
	unsigned long page;     /* 1 + form feeds before the line */
	size_t indent, width;
	unsigned flags;         /* TIDY_* */
	int page_break, blank, cut, eof;
	uint64_t rkey;          /* rep_key of the line as read, or 0 */
	size_t col2;            /* a two-column line: column of the right entry */
	size_t split;           /* ... and where it starts in text */
	size_t list_col;        /* "In attendance: Name": column of Name */
};

enum { COLS_MAX = 64 };    /* lines of a two-column block held back */

struct colline {
	unsigned long lineno, page;
	size_t off, left, right, indent, col2;  /* into colbuf */
};

enum end_kind { END_WORD, END_COMMA, END_HYPHEN, END_DOT, END_QUESTION, END_COLON };

struct normaliser {
	const struct normalise_opts *opts;
	const char *source;
	struct buf srcesc;      /* source name, escaped, with its TAB */
	FILE *out;
	struct buf obuf;
	struct survey sv;
	size_t cap;
	int md;
	struct buf tmp1, tmp2;
	struct utf8_cleaner cleaner;
	struct normalise_stats st;
	size_t dropi, pgdropi;

	unsigned long page;     /* page of the line being read: 1 + form feeds */

	/* the paragraph being built */
	struct buf para;
	unsigned long para_line, para_page;
	unsigned long last_page;   /* page of the paragraph's last line */
	struct buf pbreaks;        /* ",OFF" where each later page starts in para */
	int have;
	size_t last_width, last_indent, last_wrap;
	unsigned last_flags;
	int last_allcaps, last_sparse, last_person;
	int para_bare;          /* the paragraph is only a number: "15." */
	int gap_blank, gap_page;
	int prev_blank;         /* the line before was blank, furniture or none */
	int force_break;        /* the next line starts a paragraph */
	int minute_head;        /* the paragraph is a minute's heading */
	size_t list_col;        /* entries of an attendance list start here */
	/* a two-column list held back to be written column by column */
	struct buf colbuf;
	struct colline cols[COLS_MAX];
	int ncol;
};

static int
flush_out(struct normaliser *nm)
{
	if (nm->obuf.len && fwrite(nm->obuf.data, 1, nm->obuf.len, nm->out) != nm->obuf.len)
		return NM_EWRITE;
	nm->obuf.len = 0;
	return 0;
}

static int
emit(struct normaliser *nm)
{
	if (!nm->have)
		return 0;
	/* "line TAB page TAB", the page empty when the input has no form
	 * feed (records.md 0.2). */
	char num[48], *p = num + sizeof num;
	unsigned long v = nm->para_page;
	*--p = '\t';
	if (nm->sv.ff_seen)
		do
			*--p = (char)('0' + v % 10);
		while ((v /= 10) != 0);
	*--p = '\t';
	v = nm->para_line;
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	buf_append(&nm->obuf, nm->srcesc.data, nm->srcesc.len);
	if (nm->pbreaks.len) {
		/* A paragraph that runs on over a page break: "P,OFF…" (the
		 * byte offsets of the text where each next page starts). */
		size_t k = (size_t)(num + sizeof num - p) - 1;
		buf_append(&nm->obuf, p, k);
		buf_append(&nm->obuf, nm->pbreaks.data, nm->pbreaks.len);
		buf_putc(&nm->obuf, '\t');
		nm->pbreaks.len = 0;
	} else
		buf_append(&nm->obuf, p, (size_t)(num + sizeof num - p));
	/* Tidied text rarely holds a backslash, TAB, LF or CR (memchr finds
	 * that fast), but a Markdown link text or an entity such as &#9; can
	 * bring one in: escape then, or the stream line breaks (found by
	 * fuzz_normalise). */
	const char *t = nm->para.data;
	size_t tn = nm->para.len;
	if (memchr(t, '\\', tn) || memchr(t, '\t', tn) || memchr(t, '\n', tn) ||
	    memchr(t, '\r', tn))
		tsv_escape(&nm->obuf, nm->para.data, nm->para.len);
	else
		buf_append(&nm->obuf, nm->para.data, nm->para.len);
	buf_putc(&nm->obuf, '\n');
	nm->st.paragraphs++;
	nm->have = 0;
	nm->para.len = 0;
	if (nm->obuf.len >= 1 << 16)
		return flush_out(nm);
	return 0;
}

static size_t
wrap_at(const struct normaliser *nm, unsigned long lineno, int *sparse)
{
	size_t b = (lineno - 1) / BLOCK;

	if (b >= nm->sv.nblocks) {
		*sparse = 1;
		return nm->sv.wglobal;
	}
	*sparse = nm->sv.sparse[b];
	return nm->sv.wrap[b];
}

/* How the paragraph so far ends. */
static enum end_kind
end_kind(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];
		/* Step back over closing quotes and brackets to the mark inside. */
		if (c == '"' || c == '\'' || c == ')' || c == ']') {
			n--;
			continue;
		}
		if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
		    (c == 0x99 || c == 0x9D)) {      /* ’ ” */
			n -= 3;
			continue;
		}
		if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
		    c == 0xA6)                       /* … */
			return END_DOT;
		break;
	}
	if (n == 0)
		return END_WORD;
	switch (s[n - 1]) {
	case '.': case '!': return END_DOT;
	case '?': return END_QUESTION;
	case ':': return END_COLON;
	case ',': case ';': case '&': case '(': case '/': return END_COMMA;
	case '-':
		if (n >= 2 && s[n - 2] == ':')
			return END_COLON;       /* "as follows:-" */
		if (n >= 2 && ((s[n - 2] >= '0' && s[n - 2] <= '9') ||
		               is_letter((unsigned char)s[n - 2]) || (unsigned char)s[n - 2] >= 0x80))
			return END_HYPHEN;
		return END_COMMA;
	}
	/* An en or em dash ending a line: the sentence goes on. */
	if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
	    ((unsigned char)s[n - 1] == 0x93 || (unsigned char)s[n - 1] == 0x94))
		return END_COMMA;
	return END_WORD;
}

/* Does the text end with a word that cannot end a sentence (open_word)? */
static int
ends_open_word(const char *s, size_t n)
{
	size_t e = n, b;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	b = e;
	while (b > 0 && is_letter((unsigned char)s[b - 1]))
		b--;
	if (b == e || e - b > open_word.maxlen || (b > 0 && s[b - 1] != ' '))
		return 0;       /* "n/a" does not end in "a" */
	return ws_has(&open_word, s + b, e - b);
}

/* Does the text end with a word that refers to a number (ref_word: "item",
 * "minute")? */
static int
ends_ref_word(const char *s, size_t n)
{
	size_t e = n, b;
	int dot = 0;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	if (e > 0 && s[e - 1] == '.') {
		e--;
		dot = 1;        /* "No." and "Min." only: else a sentence ended */
	}
	b = e;
	while (b > 0 && is_letter((unsigned char)s[b - 1]))
		b--;
	if (dot && e - b > 3)
		return 0;
	return ws_has(&ref_word, s + b, e - b);
}

static int
all_caps(const char *s, size_t n)
{
	int letters = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'a' && c <= 'z')
			return 0;
		letters += c >= 'A' && c <= 'Z';
	}
	return letters >= 2;
}

static int
is_roman(const char *s, size_t n)
{
	if (n == 0 || n > 6)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!strchr("ivxlc", s[i]) && !strchr("IVXLC", s[i]))
			return 0;
	return 1;
}

/* Does s[0..n) start with entry k of ws, not running on into a letter? */
static int
starts_with_word(const struct wordset *ws, size_t k, const char *s, size_t n)
{
	size_t m = ws->len[k];

	return ws_prefix(ws, k, s, n) && (n == m || !is_letter((unsigned char)s[m]));
}

/*
 * Does the line open with a minute number (after a word of minute_prefix
 * or not) and a title: "Min. No.
 * 2023/115 Declarations…", "Minute 45 Title", "2023/115 Title", "45/24
 * Title", "HWB23/12 Title", "PC/45/19 Title"?  A financial year
 * ("2023/24", "23/24") or a date is not a minute number.
 */
static int
minute_heading(const char *s, size_t n)
{
	size_t i = 0, groups = 0, slash = 0, lo, hi;
	unsigned long g[3] = {0};
	size_t glen[3] = {0};
	int prefixed = 0;

	/* The longest minute_prefix that a space follows, and more. */
	for (ws_range(&minute_prefix, (unsigned char)s[0], &lo, &hi); lo < hi; lo++) {
		size_t m = minute_prefix.len[lo];
		if (m + 1 > i && n > m + 1 && s[m] == ' ' && ws_prefix(&minute_prefix, lo, s, n)) {
			i = m + 1;
			prefixed = 1;
		}
	}
	size_t letters = 0;
	while (i < n && s[i] >= 'A' && s[i] <= 'Z' && letters < 5) {
		i++;
		letters++;
	}
	if (letters && i < n && s[i] == '/')
		i++;                    /* PC/45/19 */
	while (i < n && groups < 3) {
		size_t st = i;
		while (i < n && s[i] >= '0' && s[i] <= '9' && i - st < 5)
			g[groups] = g[groups] * 10 + (unsigned long)(s[i++] - '0');
		if (i == st)
			return 0;
		glen[groups++] = i - st;
		if (i < n && s[i] == '/' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9') {
			slash++;
			i++;
			continue;
		}
		break;
	}
	if (groups == 0 || (!slash && !prefixed))
		return 0;
	if (groups == 2 && glen[1] == 2 && (glen[0] == 4 || glen[0] == 2) &&
	    g[1] == (g[0] + 1) % 100)
		return 0;               /* 2023/24: a financial year */
	if (groups == 3 && glen[2] == 4)
		return 0;               /* 12/10/2023: a date */
	if (i < n && (s[i] == '.' || s[i] == ':'))
		i++;
	if (i + 1 >= n || s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return i < n && s[i] >= 'A' && s[i] <= 'Z';
}

/* What a line's start says about where it stands in a paragraph. */
static enum mark_kind
mark_kind(const char *s, size_t n)
{
	unsigned char c = n ? (unsigned char)s[0] : 0;
	size_t i = 0;

	if (n == 0)
		return MARK_NONE;
	if (((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) && minute_heading(s, n))
		return MARK_MINUTE;
	/* Bullets: • – — ▸ and ASCII - * o followed by a space. */
	if (n >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA2 || (unsigned char)s[2] == 0x93 ||
	     (unsigned char)s[2] == 0x94))
		return MARK_STRONG;
	if ((c == '-' || c == '*' || c == 'o') && n >= 2 && s[1] == ' ')
		return MARK_STRONG;
	/* (a) (iv) (12) */
	if (c == '(') {
		i = 1;
		while (i < n && i < 6 && ((s[i] >= '0' && s[i] <= '9') || is_letter((unsigned char)s[i])))
			i++;
		int digits = s[1] >= '0' && s[1] <= '9';
		if (i > 1 && i < n && s[i] == ')' &&
		    (i == 2 || (digits && i - 1 <= 3) || is_roman(s + 1, i - 1)))
			return MARK_STRONG;
		return MARK_NONE;
	}
	/* 12. Title, 12) text, 3.1 text, a) text, iv. text */
	if (c >= '0' && c <= '9') {
		while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i > 3)
			return MARK_NONE;   /* years go on sentences */
		if (i < n && s[i] == ')')
			return MARK_STRONG;
		size_t j = i;
		while (j + 1 < n && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9') {
			j++;
			while (j < n && s[j] >= '0' && s[j] <= '9')
				j++;
		}
		int dotted = j > i;     /* 3.1 */
		if (j < n && s[j] == '.') {
			j++;
			if (j == n)
				return MARK_BARE;
			if (s[j] == ' ')
				return MARK_STRONG;
			/* "10.The" — a missing space after the number */
			if (is_letter((unsigned char)s[j]) && s[j] >= 'A' && s[j] <= 'Z')
				return MARK_STRONG;
			return MARK_NONE;
		}
		if (dotted && j < n && s[j] == ' ' && j + 1 < n && s[j + 1] >= 'A' && s[j + 1] <= 'Z')
			return MARK_STRONG;
		return MARK_NONE;
	}
	if (is_letter(c)) {
		while (i < n && i < 7 && is_letter((unsigned char)s[i]))
			i++;
		if (i < n && (s[i] == ')' || s[i] == '.') &&
		    (i + 1 == n || s[i + 1] == ' ')) {
			if (i == 1 && c >= 'a' && c <= 'z')
				return MARK_STRONG;
			if (i == 1 && s[i] == ')')
				return MARK_STRONG;
			if (is_roman(s, i) && (s[i] == ')' || (c >= 'a' && c <= 'z') || i >= 2))
				return MARK_STRONG;
		}
	}
	/* Phrases that open a unit of minutes (paragraph_label). */
	if (c < 'A' || c > 'Z')
		return MARK_NONE;       /* "the Committee\nresolved that" goes on */
	size_t lo, hi;
	for (ws_range(&paragraph_label, c, &lo, &hi); lo < hi; lo++)
		if (starts_with_word(&paragraph_label, lo, s, n))
			return MARK_LABEL;
	return MARK_NONE;
}

/* Does the line start with a title (person_title) and a name ("Mr. J.
 * Smith", "Cllr Jane Smith")? */
static int
starts_with_person(const char *s, size_t n)
{
	size_t lo, hi;

	if (n == 0)
		return 0;
	for (ws_range(&person_title, (unsigned char)s[0], &lo, &hi); lo < hi; lo++) {
		size_t k = person_title.len[lo];
		if (n > k + 2 && ws_prefix(&person_title, lo, s, n)) {
			size_t j = k;
			if (s[j] == '.')
				j++;
			if (s[j] == ' ' && s[j + 1] >= 'A' && s[j + 1] <= 'Z')
				return 1;
		}
	}
	return 0;
}

static int
first_is_lower(const char *s, size_t n)
{
	return n > 0 && s[0] >= 'a' && s[0] <= 'z';
}

enum join { BREAK, JOIN_SPACE, JOIN_TIGHT, JOIN_DEHYPHEN };

/* Should the hyphen ending the paragraph stay when the next line is joined? */
static enum join
hyphen_join(const struct normaliser *nm, const char *a, size_t an,
            const char *b, size_t bn)
{
	size_t e = an - 1, s = e;

	if (!first_is_lower(b, bn))
		return JOIN_TIGHT;     /* Vice-\nChairman, 0-\n19 */
	while (s > 0 && is_letter((unsigned char)a[s - 1]))
		s--;
	if (s == e)
		return JOIN_TIGHT;     /* after a digit or a symbol */
	size_t r = 0;
	while (r < bn && is_letter((unsigned char)b[r]))
		r++;
	if (bloom_has(nm->sv.bloom, compound_hash(a + s, e - s, b, r)))
		return JOIN_TIGHT;     /* printed with a hyphen elsewhere */
	if (ws_has(&hyphen_keep, a + s, e - s))
		return JOIN_TIGHT;     /* "non-" / "statutory" */
	return JOIN_DEHYPHEN;
}

/* Join line b, whose start is of kind mk, to the paragraph so far? */
static enum join
decide(struct normaliser *nm, const struct tline *b, enum mark_kind mk)
{
	const char *a = nm->para.data, *t = b->text.data;
	size_t an = nm->para.len, tn = b->text.len;
	size_t w = nm->last_wrap;
	enum end_kind ek = end_kind(a, an);
	int open = ek == END_WORD || ek == END_COMMA || ek == END_HYPHEN;
	int longline = nm->last_width * 10 >= w * 7;
	int lower = first_is_lower(t, tn);
	enum join ok = ek == END_HYPHEN ? hyphen_join(nm, a, an, t, tn) : JOIN_SPACE;

	if (b->cut)   /* a piece of an over-long line: a space where it was cut */
		return b->indent ? JOIN_SPACE : JOIN_TIGHT;
	/* "In attendance: A (Director)" over "               B (Officer)":
	 * a line lined up under the first entry is the next entry. */
	if (nm->list_col && b->indent + 1 >= nm->list_col && b->indent <= nm->list_col + 1 &&
	    !nm->gap_blank && !nm->gap_page && t[0] >= 'A' && t[0] <= 'Z' &&
	    ek != END_COMMA && ek != END_HYPHEN && !ends_open_word(a, an))
		return BREAK;
	/* A minute number on a line of its own, then its title: one heading. */
	if (nm->para_bare && (mk == MARK_NONE || mk == MARK_LABEL) && !nm->gap_page &&
	    nm->gap_blank <= 2 &&
	    !(b->flags & (TIDY_TABLE | TIDY_LIST)) && !lower)
		return JOIN_SPACE;
	if ((nm->last_flags & (TIDY_HEADING | TIDY_TABLE)) ||
	    (b->flags & (TIDY_HEADING | TIDY_TABLE | TIDY_LIST)))
		return BREAK;
	/* "Q2 2016-" then "17) and …": a hyphen at the end binds the lines. */
	if (ek == END_HYPHEN && !nm->gap_blank && !nm->gap_page &&
	    !(t[0] == '-' || (unsigned char)t[0] == 0xE2))
		return ok;
	if (mk == MARK_STRONG)
		return BREAK;
	/* "2023/115 Title" opens an item unless a sentence runs into it
	 * ("… declared an interest in item" / "2023/119 …"). */
	if (mk == MARK_MINUTE)
		return ek == END_COMMA || ends_open_word(a, an) || ends_ref_word(a, an) ? ok : BREAK;
	/* After a minute's heading line, the text starts a paragraph. */
	if (nm->minute_head && !lower && ek != END_COMMA && ek != END_HYPHEN &&
	    !ends_open_word(a, an))
		return BREAK;
	if (nm->gap_blank > 8)
		return BREAK;
	if (nm->gap_page) {
		/* Across a page break only a sentence plainly cut in two joins. */
		if (open && mk == MARK_NONE &&
		    (ends_open_word(a, an) || ek == END_HYPHEN || a[an - 1] == ',' ||
		     (longline && (lower || ek != END_WORD))))
			return ok;
		return BREAK;
	}
	if (nm->gap_blank) {
		/* A blank line inside a sentence: a page break lost its form feed. */
		if (open && mk == MARK_NONE &&
		    (lower || ek == END_HYPHEN || a[an - 1] == ',' || ends_open_word(a, an)))
			return ok;
		return BREAK;
	}
	if (mk == MARK_BARE)
		return open && longline ? ok : BREAK;
	if (mk == MARK_LABEL)
		return open && (ek != END_WORD || ends_open_word(a, an)) ? ok : BREAK;
	if (lower)
		return ek == END_COLON && !longline ? BREAK : ok;
	/* One person a line, as attendance lists print them. */
	if (nm->last_person && starts_with_person(t, tn) && nm->last_width * 10 < w * 9)
		return BREAK;
	if (open) {
		if (ends_open_word(a, an) || ek != END_WORD)
			return ok;
		/* A line in capitals after a complete one is a heading. */
		if (longline && !(all_caps(t, tn) && end_kind(t, tn) == END_WORD))
			return ok;
		/* A heading in capitals wrapped over two lines. */
		if (nm->last_allcaps && all_caps(t, tn) && nm->last_width * 10 >= w * 4 &&
		    is_letter((unsigned char)a[an - 1]))
			return ok;
		return BREAK;
	}
	if (ek == END_DOT) {
		size_t need = nm->last_sparse ? w * 70 : w * 90;
		int heading = b->width * 2 < w && !all_caps(t, tn) &&
		              end_kind(t, tn) == END_WORD;
		if (nm->last_width * 100 >= need && b->indent == nm->last_indent &&
		    !heading && !all_caps(t, tn))
			return ok;
	}
	return BREAK;
}

static int
add_line(struct normaliser *nm, const struct tline *b)
{
	int r = 0;
	enum mark_kind bmk = mark_kind(b->text.data, b->text.len);
	enum join j = nm->have && !nm->force_break ? decide(nm, b, bmk) : BREAK;

	nm->force_break = 0;

	if (j != BREAK && nm->para.len + b->text.len + 1 > nm->cap) {
		if (nm->opts && nm->opts->warn) {
			char msg[96];
			snprintf(msg, sizeof msg, "paragraph longer than %zu bytes cut (see --max-paragraph)",
			         nm->cap);
			nm->opts->warn(nm->opts->ctx, nm->source, nm->para_line, msg);
		}
		nm->st.cut++;
		j = BREAK;
	}
	if (j == BREAK) {
		if ((r = emit(nm)) != 0)
			return r;
		nm->have = 1;
		nm->para_line = b->lineno;
		nm->para_page = nm->last_page = b->page;
		buf_append(&nm->para, b->text.data, b->text.len);
	} else {
		if (j == JOIN_DEHYPHEN)
			nm->para.len--;
		else if (j == JOIN_SPACE)
			buf_putc(&nm->para, ' ');
		if (b->page != nm->last_page && nm->sv.ff_seen) {
			/* one entry per page passed (an empty page counts too) */
			char off[24];
			int k = snprintf(off, sizeof off, ",%zu", nm->para.len);
			for (; nm->last_page < b->page; nm->last_page++)
				buf_append(&nm->pbreaks, off, (size_t)k);
		}
		buf_append(&nm->para, b->text.data, b->text.len);
	}
	nm->last_width = b->width;
	nm->last_indent = b->indent;
	nm->last_flags = b->flags;
	nm->last_allcaps = all_caps(b->text.data, b->text.len);
	nm->last_person = starts_with_person(b->text.data, b->text.len);
	nm->para_bare = j == BREAK && bmk == MARK_BARE;
	if (j == BREAK)
		nm->minute_head = bmk == MARK_MINUTE;
	if (b->list_col)
		nm->list_col = b->list_col;
	else if (j == BREAK ? !(nm->list_col && b->indent + 1 >= nm->list_col &&
	                        b->indent <= nm->list_col + 1) : b->indent == 0)
		nm->list_col = 0;
	nm->last_wrap = wrap_at(nm, b->lineno, &nm->last_sparse);
	nm->gap_blank = nm->gap_page = 0;
	return 0;
}

/*
 * Does s[0..n) read as one entry of an attendance list: a person with a
 * title ("Cllr A Smith (Chair)"), or a few capitalised words (a name
 * without a title, or an organisation heading "NHS Members", its small
 * words those of name_small_word)?  Figures,
 * dates and running prose do not.
 */
static int
entry_like(const char *s, size_t n)
{
	size_t words = 0, caps = 0;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '%')
			return 0;       /* a figure */
		/* a full stop after a word of three letters or more ends a sentence */
		if (s[i] == '.' && i >= 3 && (i + 1 == n || s[i + 1] == ' ') &&
		    is_letter((unsigned char)s[i - 1]) && is_letter((unsigned char)s[i - 2]) &&
		    is_letter((unsigned char)s[i - 3]))
			return 0;
	}
	if (starts_with_person(s, n))
		return 1;
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		size_t w = i;
		while (i < n && s[i] != ' ')
			i++;
		words++;
		unsigned char c = (unsigned char)s[w];
		if (c == '(' || c == '&' || c == '-' || c >= 0x80)
			continue;
		if (c >= 'A' && c <= 'Z') {
			caps++;
			continue;
		}
		if (!ws_has(&name_small_word, s + w, i - w))
			return 0;
	}
	return caps > 0 && words <= 6;
}

/*
 * A line of a list printed in two columns (pdftotext -layout): two short
 * entries parted by one gap of three or more spaces.  Returns the column
 * where the right entry starts, or 0.  s[0..n) is the line as read,
 * trailing spaces cut.
 */
static size_t
two_columns(const char *s, size_t n)
{
	size_t i = 0, gap = 0, gapend = 0;

	while (i < n && s[i] == ' ')
		i++;
	size_t lead = i;
	if (n - lead > 100)
		return 0;
	for (; i < n; i++) {
		if (s[i] == '\t')
			return 0;
		if (s[i] != ' ')
			continue;
		size_t r = i;
		while (r < n && s[r] == ' ')
			r++;
		if (r - i >= 3) {
			if (gap)
				return 0;       /* three columns: a table */
			gap = i;
			gapend = r;
		}
		i = r - 1;
	}
	if (!gap || gap - lead > 45 || n - gapend > 45)
		return 0;
	if (!entry_like(s + lead, gap - lead) || !entry_like(s + gapend, n - gapend))
		return 0;
	return utf8_width(s, gapend);
}


/*
 * "In attendance: Kate Hollins (Director)": the column where the first
 * entry after an attendance_label starts, or 0.
 */
static size_t
list_label_col(const char *s, size_t n)
{
	size_t lead = 0;

	while (lead < n && s[lead] == ' ')
		lead++;
	const char *c = memchr(s + lead, ':', n - lead < 40 ? n - lead : 40);
	if (!c)
		return 0;
	if (!ws_has(&attendance_label, s + lead, (size_t)(c - s - lead)))
		return 0;
	size_t e = (size_t)(c - s) + 1;
	while (e < n && s[e] == ' ')
		e++;
	return e < n ? utf8_width(s, e) : 0;
}

/* Read and tidy the next line into *t. Returns 1, 0 at end, or PL_E*. */
static int
next_line(struct normaliser *nm, struct pagelines *pl, struct tline *t)
{
	struct pline l;
	int r = pagelines_next(pl, &l);

	t->text.len = 0;
	if (t->text.data)
		t->text.data[0] = '\0';
	t->flags = 0;
	t->indent = t->width = 0;
	if (r != 1) {
		t->eof = 1;
		t->blank = 1;
		t->page_break = 0;
		return r;
	}
	t->eof = 0;
	t->lineno = l.lineno;
	t->page_break = l.page_break;
	if (l.page_break)
		nm->page++;
	t->page = nm->page;
	t->cut = l.cut;
	if (l.lineno > nm->st.lines)
		nm->st.lines = l.lineno;
	const char *s = l.s;
	size_t n = l.n;
	t->rkey = 0;
	t->col2 = t->split = t->list_col = 0;
	if (nm->sv.repbits) {
		/* Keyed as the survey keyed it: trimmed bytes as read. */
		size_t e = rtrim_len(s, n), b0 = 0;
		uint32_t dg, num;
		b0 = skip_spaces(s, 0, e, 1);
		if (b0 < e)
			t->rkey = rep_key(s + b0, e - b0, &dg, &num);
	}
	if (!utf8_is_ascii(s, n)) {
		if (!utf8_valid(s, n)) {
			nm->tmp1.len = 0;
			nm->st.repaired += utf8_repair(s, n, &nm->tmp1);
			s = nm->tmp1.data;
			n = nm->tmp1.len;
		}
		if (utf8_needs_clean(s, n)) {
			nm->tmp2.len = 0;
			utf8_clean(&nm->cleaner, s, n, &nm->tmp2);
			s = nm->tmp2.data;
			n = nm->tmp2.len;
		}
	}
	struct tidy_info ti;
	markup_tidy(s, n, nm->md, &t->text, &ti);
	t->flags = ti.flags;
	t->indent = ti.indent;
	t->blank = t->text.len == 0;
	t->width = t->blank ? 0 : ti.indent + utf8_width(t->text.data, t->text.len);
	/* Column gaps and attendance labels, judged on the line as printed
	 * (columns count), only where tidying saw a gap or a colon may be. */
	if ((ti.flags & TIDY_GAP) && t->text.len <= 100)
		t->col2 = two_columns(s, rtrim_len(s, n));
	if (!t->col2 && t->text.len > 8 &&
	    ws_first(&attendance_label, (unsigned char)t->text.data[0]) &&
	    memchr(t->text.data, ':', t->text.len < 40 ? t->text.len : 40))
		t->list_col = list_label_col(s, rtrim_len(s, n));
	if (t->col2) {
		/* markup_tidy made the gap two spaces: that is where to cut. */
		const char *g = t->blank ? NULL : memmem(t->text.data, t->text.len, "  ", 2);
		if (g && !memmem(g + 2, t->text.len - (size_t)(g + 2 - t->text.data), "  ", 2))
			t->split = (size_t)(g - t->text.data) + 2;
		else
			t->col2 = 0;
	}
	return 1;
}

/*
 * Is the line a page label?  2 for "Page 12", "Page 12 of 30", "12 | Page"
 * (the words of page_label and page_label_of)
 * (always furniture), 1 for a bare number of up to three digits ("12",
 * "- 12 -"), 3 for four digits (a page number only at a page's edge).
 */
static int
is_page_label(const char *s, size_t n)
{
	size_t i = 0, digits = 0, k;
	int page = 0;

	while (i < n) {
		if (s[i] >= '0' && s[i] <= '9') {
			digits++;
			i++;
		} else if (s[i] == ' ' || s[i] == '-' || s[i] == '|') {
			i++;
		} else if ((k = ws_longest_prefix(&page_label, s + i, n - i)) != 0) {
			page = 1;
			i += k;
		} else if (page && (k = ws_longest_prefix(&page_label_of, s + i, n - i)) != 0) {
			i += k;
		} else {
			return 0;
		}
	}
	if (digits == 0 || digits > 8)
		return 0;
	return page ? 2 : (digits <= 3 ? 1 : digits == 4 ? 3 : 0);
}

/*
 * Does s[0..n) hold w (k bytes)?  memmem's answer; looked up by w's last
 * byte, which for the words asked about here is a rare letter, so most
 * lines cost one memchr.
 */
static int
contains(const char *s, size_t n, const char *w, size_t k)
{
	if (n < k)
		return 0;
	const char *p = s + k - 1, *end = s + n;
	while ((p = memchr(p, w[k - 1], (size_t)(end - p))) != NULL) {
		size_t i = 1;
		while (i < k && p[-(ptrdiff_t)i] == w[k - 1 - i])
			i++;
		if (i == k)
			return 1;
		p++;
	}
	return 0;
}

/* Does s[0..n) hold an entry of ws? */
static int
contains_any(const char *s, size_t n, const struct wordset *ws)
{
	for (size_t k = 0; k < ws->n; k++)
		if (contains(s, n, ws->word[k], ws->len[k]))
			return 1;
	return 0;
}

/* "This page is intentionally left blank": a short line with a word of
 * blank_notice_intent and one of blank_notice_word. */
static int
is_blank_notice(const char *s, size_t n)
{
	return n < 80 && contains_any(s, n, &blank_notice_intent) &&
	       contains_any(s, n, &blank_notice_word);
}

/* Is this line page furniture?  nxt is the line after it. */
static int
furniture(struct normaliser *nm, const struct tline *t, const struct tline *nxt)
{
	while (nm->dropi < nm->sv.ndrop && nm->sv.drop[nm->dropi] < t->lineno)
		nm->dropi++;
	if (nm->dropi < nm->sv.ndrop && nm->sv.drop[nm->dropi] == t->lineno)
		return 1;
	while (nm->pgdropi < nm->sv.npgdrop && nm->sv.pgdrop[nm->pgdropi] < t->lineno)
		nm->pgdropi++;
	if (nm->pgdropi < nm->sv.npgdrop && nm->sv.pgdrop[nm->pgdropi] == t->lineno)
		return 1;
	if (t->rkey && rep_running(&nm->sv, t->rkey))
		return 1;
	const char *s = t->text.data;
	size_t n = t->text.len;
	if (is_blank_notice(s, n))
		return 1;
	if (nm->sv.form_running && form_line(s, n))
		return 1;
	int pl = is_page_label(s, n);
	if (pl == 2)
		return 1;
	/* A bare number is a page number at a page's edge or standing alone. */
	if ((pl == 1 || pl == 3) && (t->page_break || nxt->page_break || nxt->eof))
		return 1;
	/* Standing alone between blank lines: a page number, not a year. */
	if (pl == 1 && nm->prev_blank && nxt->blank)
		return 1;
	return 0;
}

static int
near(size_t a, size_t b)
{
	return a + 2 >= b && a <= b + 2;
}

static void
hold_col(struct normaliser *nm, const struct tline *t)
{
	struct colline *c = &nm->cols[nm->ncol++];

	c->lineno = t->lineno;
	c->page = t->page;
	c->off = nm->colbuf.len;
	c->left = t->split - 2;
	c->right = t->text.len - t->split;
	c->indent = t->indent;
	c->col2 = t->col2;
	buf_append(&nm->colbuf, t->text.data, t->text.len);
}

/*
 * Write the held two-column lines: every left entry, then every right one,
 * each a paragraph of its own.  A left entry keeps its line; a right one
 * takes the block's last line, as the stream's lines never go back.
 */
static int
flush_cols(struct normaliser *nm)
{
	int r = 0;

	for (int side = 0; side < 2 && r == 0; side++)
		for (int i = 0; i < nm->ncol && r == 0; i++) {
			const struct colline *c = &nm->cols[i];
			struct tline t = {0};
			t.text.data = nm->colbuf.data + c->off + (side ? c->left + 2 : 0);
			t.text.len = side ? c->right : c->left;
			t.lineno = side ? nm->cols[nm->ncol - 1].lineno : c->lineno;
			t.page = side ? nm->cols[nm->ncol - 1].page : c->page;
			t.indent = side ? c->col2 : c->indent;
			t.width = t.indent + utf8_width(t.text.data, t.text.len);
			nm->force_break = 1;
			r = add_line(nm, &t);
		}
	nm->force_break = 1;
	nm->ncol = 0;
	nm->colbuf.len = 0;
	return r;
}

static int
run(struct normaliser *nm, struct pagelines *pl)
{
	struct tline a = {0}, b = {0};
	struct tline *cur = &a, *nxt = &b;
	int r = next_line(nm, pl, nxt);

	nm->prev_blank = 1;
	while (r >= 0 && !nxt->eof) {
		struct tline *t = cur;
		cur = nxt;
		nxt = t;
		r = next_line(nm, pl, nxt);
		if (r < 0)
			break;
		if (cur->page_break)
			nm->gap_page = nm->have;
		if (cur->flags & TIDY_DROP) {
			nm->gap_blank++;
			nm->prev_blank = 1;
			continue;
		}
		if (cur->blank) {
			nm->gap_blank++;
			nm->prev_blank = 1;
			continue;
		}
		if (furniture(nm, cur, nxt)) {
			nm->st.dropped++;
			nm->gap_page = nm->have;
			nm->prev_blank = 1;
			continue;
		}
		nm->prev_blank = 0;
		/* A two-column list: hold its lines back, then write the left
		 * column's entries and the right column's. */
		if (nm->ncol && (!cur->col2 || cur->lineno != nm->cols[nm->ncol - 1].lineno + 1 ||
		                 !near(cur->col2, nm->cols[0].col2) || nm->ncol == COLS_MAX))
			if ((r = flush_cols(nm)) != 0)
				break;
		if (cur->col2 && (nm->ncol ||
		    (nxt->col2 && nxt->lineno == cur->lineno + 1 && near(nxt->col2, cur->col2)))) {
			hold_col(nm, cur);
			continue;
		}
		if ((r = add_line(nm, cur)) != 0)
			break;
	}
	if (r >= 0 && nm->ncol)
		r = flush_cols(nm);
	buf_free(&a.text);
	buf_free(&b.text);
	if (r < 0)
		return r;
	if ((r = emit(nm)) != 0)
		return r;
	return flush_out(nm);
}

const char *
normalise_strerror(int code)
{
	switch (code) {
	case NM_OK: return "success";
	case NM_EREAD: return "read error";
	case NM_EBINARY: return "binary file (NUL bytes), not text";
	case NM_EENC: return "unknown encoding";
	case NM_EWRITE: return "write error";
	case NM_ETMP: return "cannot make a temporary copy of the input";
	}
	return "unknown error";
}

static int
pl_code(int r)
{
	switch (r) {
	case PL_EREAD: return NM_EREAD;
	case PL_EBINARY: return NM_EBINARY;
	case PL_EENC: return NM_EENC;
	}
	return r;
}

/* Copy an unseekable stream to a temporary file so it can be read twice. */
static FILE *
spool(FILE *in)
{
	FILE *t = tmpfile();
	char *chunk;
	size_t n;

	if (!t)
		return NULL;
	chunk = xmalloc(1 << 16);
	while ((n = fread(chunk, 1, 1 << 16, in)) > 0)
		if (fwrite(chunk, 1, n, t) != n) {
			free(chunk);
			fclose(t);
			return NULL;
		}
	free(chunk);
	if (ferror(in)) {
		int e = errno;
		fclose(t);
		errno = e;
		return NULL;
	}
	rewind(t);
	return t;
}

static int
has_md_suffix(const char *s)
{
	size_t n = strlen(s);
	return (n > 3 && strcmp(s + n - 3, ".md") == 0) ||
	       (n > 9 && strcmp(s + n - 9, ".markdown") == 0);
}

int
normalise_stream(FILE *in, const char *source, FILE *out,
                 const struct normalise_opts *opts,
                 struct normalise_stats *stats)
{
	struct normaliser nm;
	struct pagelines pl;
	FILE *f = in, *tmp = NULL;
	off_t start;
	int r;

	lexicon_words();
	memset(&nm, 0, sizeof nm);
	nm.page = 1;
	nm.opts = opts;
	nm.source = source;
	nm.out = out;
	nm.cap = opts && opts->cap ? opts->cap : 1 << 20;
	start = ftello(in);
	if (start < 0 || fseeko(in, start, SEEK_SET) != 0) {
		tmp = spool(in);
		if (!tmp)
			return NM_ETMP;
		f = tmp;
		start = 0;
	}
	r = pagelines_open(&pl, f, opts ? opts->from : NULL, nm.cap);
	if (r == 0)
		r = survey_run(&pl, &nm.sv);
	nm.st.encoding = utf8_enc_name(pl.enc);
	pagelines_close(&pl);
	if (r < 0)
		goto done;
	survey_finish(&nm.sv);
	nm.st.quality = tq_judge(&nm.sv.tq, &nm.st.letter_cosine, &nm.st.function_share);
	nm.st.words = nm.sv.tq.words;
	if (nm.st.quality == TQ_GARBAGE && !(opts && opts->any_text)) {
		/* Letters that do not read as language: write nothing (the
		 * caller says why).  An empty text goes on: it has little to
		 * write, and nothing of it is invented. */
		nm.st.lines = nm.sv.lines;
		r = 0;
		goto done;
	}
	if (opts && opts->markdown >= 0)
		nm.md = opts->markdown;
	else
		nm.md = has_md_suffix(source) || nm.sv.mdlines >= 3;
	nm.st.markdown = nm.md;
	if (fseeko(f, start, SEEK_SET) != 0) {
		r = PL_EREAD;
		goto done;
	}
	clearerr(f);
	tsv_escape(&nm.srcesc, source, strlen(source));
	buf_putc(&nm.srcesc, '\t');
	r = pagelines_open(&pl, f, opts ? opts->from : NULL, nm.cap);
	if (r == 0)
		r = run(&nm, &pl);
	nm.st.undecodable = pl.decode_errors;
	pagelines_close(&pl);
done:
	if (stats)
		*stats = nm.st;
	survey_free(&nm.sv);
	buf_free(&nm.srcesc);
	buf_free(&nm.obuf);
	buf_free(&nm.para);
	buf_free(&nm.pbreaks);
	buf_free(&nm.colbuf);
	buf_free(&nm.tmp1);
	buf_free(&nm.tmp2);
	utf8_cleaner_free(&nm.cleaner);
	if (tmp)
		fclose(tmp);
	return r < 0 ? pl_code(r) : r;
}
