/* survey — the first pass and page furniture; see survey.h. */
#include "survey.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
/* AVX2 for the classes of long lines, where the CPU has it (checked at
 * run time; MM_NO_AVX2 builds without). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define SURVEY_AVX2 1
#endif

#include "bytescan.h"
#include "cpu.h"
#include "err.h"
#include "headings.h"
#include "linemarks.h"
#include "markup.h"
#include "readahead.h"
#include "textscan.h"
#include "utf8.h"
#include "wordset.h"

/* The words the survey looks for, from the lexicon: read by survey_words. */
static struct wordset form_sign_word, form_field_word, month, page_label,
	page_label_of, blank_notice_intent, blank_notice_word;
/* The first two letters, lower-cased, of the words form_line looks up
 * (the lists are caseless, so held in lower case), and the words of one. */
static unsigned char form_start[26][26], form_one[26];

void
survey_words(void)
{
	wordset_init(&form_sign_word, "form_sign_word");
	wordset_init(&form_field_word, "form_field_word");
	wordset_init(&month, "month");
	wordset_init(&page_label, "page_label");
	wordset_init(&page_label_of, "page_label_of");
	wordset_init(&blank_notice_intent, "blank_notice_intent");
	wordset_init(&blank_notice_word, "blank_notice_word");
	const struct wordset *form[] = { &form_sign_word, &form_field_word, &month };
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < form[k]->n; i++) {
			const char *w = form[k]->word[i];
			if (w[0] < 'a' || w[0] > 'z')
				continue;
			if (form[k]->len[i] == 1)
				form_one[w[0] - 'a'] = 1;
			else if (w[1] >= 'a' && w[1] <= 'z')
				form_start[w[0] - 'a'][w[1] - 'a'] = 1;
		}
}

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

/*
 * The big tables of the survey (the Bloom filter of hyphenated words,
 * the page-edge counts, the running-line slots: about 3 MB) are kept
 * from one document to the next, so a run over many small documents does
 * not allocate and clear them for each.  A document notes each slot it
 * first writes (up to a limit; past it, the whole table is cleared), and
 * its tables are handed back clear by clearing those slots.  (Each
 * thread keeps its own.)
 */
static _Thread_local struct tables {
	unsigned char *bloom;
	uint64_t *ekey;
	struct edge_seen *ecount;
	struct rep *rep;
	struct used bloom_used, edge_used, rep_used;
} spare;

enum {
	BLOOM_LIST = BLOOM_BITS / 8 / 16,   /* bytes listed before "all" */
	EDGE_LIST = EDGE_SLOTS / 8,
	REP_LIST = REP_SLOTS / 8
};

/* Slot i was written first: note it, or past limit mark all.  (Out of
 * line: the survey's per-line loop stays as lean as it was.) */
static void __attribute__((noinline))
used_add(struct used *u, size_t i, size_t limit)
{
	if (u->all)
		return;
	if (u->n == limit) {
		u->all = 1;
		return;
	}
	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 256;
		u->at = xrealloc(u->at, u->cap * sizeof *u->at);
	}
	u->at[u->n++] = (uint32_t)i;
}

/* Take a table from the spares (its used list too), or a new one. */
static void *
table_take(void **spare_table, size_t size, struct used *u, struct used *spare_used)
{
	void *t = *spare_table;

	*spare_table = NULL;
	*u = *spare_used;
	memset(spare_used, 0, sizeof *spare_used);
	u->n = 0;
	u->all = 0;
	return t ? t : xcalloc(size, 1);
}

/*
 * Clear what a document wrote in table t (slots of size bytes, n in
 * all) and keep it, with its used list, as the spare.
 */
static void
table_give(void **spare_table, void *t, size_t size, size_t n, struct used *u,
           struct used *spare_used)
{
	if (!t)
		return;
	if (u->all)
		memset(t, 0, size * n);
	else
		for (size_t k = 0; k < u->n; k++)
			memset((char *)t + (size_t)u->at[k] * size, 0, size);
	if (*spare_table) {             /* cannot happen: one survey at a time */
		free(t);
		free(u->at);
	} else {
		*spare_table = t;
		free(spare_used->at);
		*spare_used = *u;
	}
	memset(u, 0, sizeof *u);
}

static void
bloom_add(struct survey *sv, uint64_t h)
{
	/* Once the list is full (a long document) nothing more is noted. */
	int note = !sv->bloom_used.all;

	for (int k = 0; k < 3; k++) {
		uint32_t bit = (uint32_t)(h >> (k * 20)) & (BLOOM_BITS - 1);
		if (note && sv->bloom[bit >> 3] == 0)
			used_add(&sv->bloom_used, bit >> 3, BLOOM_LIST);
		sv->bloom[bit >> 3] |= (unsigned char)(1u << (bit & 7));
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

static void
tables_take(struct survey *sv)
{
	sv->bloom = table_take((void **)&spare.bloom, BLOOM_BITS / 8, &sv->bloom_used,
	                       &spare.bloom_used);
	sv->ekey = table_take((void **)&spare.ekey, EDGE_SLOTS * sizeof *sv->ekey,
	                      &sv->edge_used, &spare.edge_used);
	/* ecount needs no clearing: a slot is written whole when its key
	 * is put in ekey. */
	sv->ecount = spare.ecount ? spare.ecount : xmalloc(EDGE_SLOTS * sizeof *sv->ecount);
	spare.ecount = NULL;
	sv->rep = table_take((void **)&spare.rep, REP_SLOTS * sizeof *sv->rep, &sv->rep_used,
	                     &spare.rep_used);
}

static void
edges_give(struct survey *sv)
{
	table_give((void **)&spare.ekey, sv->ekey, sizeof *sv->ekey, EDGE_SLOTS,
	           &sv->edge_used, &spare.edge_used);
	if (spare.ecount)
		free(sv->ecount);
	else
		spare.ecount = sv->ecount;
	sv->ekey = NULL;
	sv->ecount = NULL;
}

static void
rep_give(struct survey *sv)
{
	table_give((void **)&spare.rep, sv->rep, sizeof *sv->rep, REP_SLOTS, &sv->rep_used,
	           &spare.rep_used);
	sv->rep = NULL;
}

/* Hand every table sv still holds back to the spares. */
static void
tables_give(struct survey *sv)
{
	table_give((void **)&spare.bloom, sv->bloom, 1, BLOOM_BITS / 8, &sv->bloom_used,
	           &spare.bloom_used);
	sv->bloom = NULL;
	if (sv->ekey)
		edges_give(sv);
	rep_give(sv);
}

void
survey_release(void)
{
	free(spare.bloom);
	free(spare.ekey);
	free(spare.ecount);
	free(spare.rep);
	free(spare.bloom_used.at);
	free(spare.edge_used.at);
	free(spare.rep_used.at);
	memset(&spare, 0, sizeof spare);
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
		while (l > s && is_alpha((unsigned char)l[-1]))
			l--;
		while (r < end && is_alpha((unsigned char)*r))
			r++;
		if (l < p && r > p + 1)
			bloom_add(sv, compound_hash(l, (size_t)(p - l),
			                                   p + 1, (size_t)(r - p - 1)));
		p++;
	}
}

/* What edge_key does with a byte: 0 hash it, 1 a blank, 2 a digit. */
static const unsigned char edge_class[256] = {
	[' '] = 1, ['\t'] = 1, ['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2,
	['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2
};

/*
 * The key of a page-edge line: digits folded (page numbers vary), spaces
 * too.  A run of blanks hashes as one space when text follows it, a run
 * of digits as one '#'.
 */
static uint64_t
edge_key(const char *s, size_t n, int bottom)
{
	uint64_t h = 14695981039346656037ULL ^ (uint64_t)(bottom + 1);
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	while (p < end) {
		unsigned k = edge_class[*p];
		if (k == 0) {
			h = (h ^ *p++) * 1099511628211ULL;
		} else if (k == 1) {
			while (++p < end && edge_class[*p] == 1)
				;
			if (p < end)
				h = (h ^ ' ') * 1099511628211ULL;
		} else {
			while (++p < end && edge_class[*p] == 2)
				;
			h = (h ^ '#') * 1099511628211ULL;
		}
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
			used_add(&sv->edge_used, i, EDGE_LIST);
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
		if (!dup && sv->last_n[i] > 0) {
			e[n].lineno = sv->last_line[i];
			e[n++].key = edge_key(sv->last_s[i], sv->last_n[i], 1);
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

/* The bytes rep_key tells apart (0: any other, hashed as it is). */
enum { RK_ALPHA = 1, RK_BLANK, RK_DIGIT, RK_STOP, RK_PERCENT, RK_C2 };
static const unsigned char rep_class[256] = {
	[' '] = RK_BLANK, ['\t'] = RK_BLANK, ['.'] = RK_STOP, ['/'] = RK_STOP,
	['-'] = RK_STOP, ['%'] = RK_PERCENT, [0xC2] = RK_C2,
	['0'] = RK_DIGIT, ['1'] = RK_DIGIT, ['2'] = RK_DIGIT, ['3'] = RK_DIGIT,
	['4'] = RK_DIGIT, ['5'] = RK_DIGIT, ['6'] = RK_DIGIT, ['7'] = RK_DIGIT,
	['8'] = RK_DIGIT, ['9'] = RK_DIGIT,
	['A'] = RK_ALPHA, ['B'] = RK_ALPHA, ['C'] = RK_ALPHA, ['D'] = RK_ALPHA,
	['E'] = RK_ALPHA, ['F'] = RK_ALPHA, ['G'] = RK_ALPHA, ['H'] = RK_ALPHA,
	['I'] = RK_ALPHA, ['J'] = RK_ALPHA, ['K'] = RK_ALPHA, ['L'] = RK_ALPHA,
	['M'] = RK_ALPHA, ['N'] = RK_ALPHA, ['O'] = RK_ALPHA, ['P'] = RK_ALPHA,
	['Q'] = RK_ALPHA, ['R'] = RK_ALPHA, ['S'] = RK_ALPHA, ['T'] = RK_ALPHA,
	['U'] = RK_ALPHA, ['V'] = RK_ALPHA, ['W'] = RK_ALPHA, ['X'] = RK_ALPHA,
	['Y'] = RK_ALPHA, ['Z'] = RK_ALPHA,
	['a'] = RK_ALPHA, ['b'] = RK_ALPHA, ['c'] = RK_ALPHA, ['d'] = RK_ALPHA,
	['e'] = RK_ALPHA, ['f'] = RK_ALPHA, ['g'] = RK_ALPHA, ['h'] = RK_ALPHA,
	['i'] = RK_ALPHA, ['j'] = RK_ALPHA, ['k'] = RK_ALPHA, ['l'] = RK_ALPHA,
	['m'] = RK_ALPHA, ['n'] = RK_ALPHA, ['o'] = RK_ALPHA, ['p'] = RK_ALPHA,
	['q'] = RK_ALPHA, ['r'] = RK_ALPHA, ['s'] = RK_ALPHA, ['t'] = RK_ALPHA,
	['u'] = RK_ALPHA, ['v'] = RK_ALPHA, ['w'] = RK_ALPHA, ['x'] = RK_ALPHA,
	['y'] = RK_ALPHA, ['z'] = RK_ALPHA
};

/*
 * The key of a short line that may be a running header or footer, or 0:
 * digits folded like edge_key (a page number in a header varies), and
 * *digits a hash of the digits themselves.  Only short lines of words
 * qualify (more than 60 bytes of ink, or a line of figures, or with £ or
 * %, is a table or text, not furniture).  By a table of byte classes, a
 * run of blanks or digits taken whole.
 */
static uint64_t
rep_key(const char *s, size_t n, uint32_t *digits, uint32_t *num)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	size_t letters = 0;
	uint32_t d = 2166136261u, v = 0;

	if (n > 200)
		return 0;
	/* More than 60 bytes of ink (bytes not blank) is text.  Past this
	 * test a line has no more than 60: the loop need not count them. */
	if (n > 60 && n - count_byte(s, n, ' ') > 60)
		return 0;
	/* The key is edge_key(s, n, 2), computed in the same pass. */
	uint64_t h = 14695981039346656037ULL ^ 3;
	while (p < end) {
		unsigned c = *p;
		switch (rep_class[c]) {
		case RK_ALPHA:
			letters++;
			/* fall through */
		case 0:
			h = (h ^ c) * 1099511628211ULL;
			p++;
			break;
		case RK_STOP:
			h = (h ^ c) * 1099511628211ULL;
			d = (d ^ '.') * 16777619u;
			p++;
			break;
		case RK_BLANK:
			while (++p < end && rep_class[*p] == RK_BLANK)
				;
			if (p < end)
				h = (h ^ ' ') * 1099511628211ULL;
			break;
		case RK_DIGIT:
			h = (h ^ '#') * 1099511628211ULL;
			v = 0;
			do {
				d = (d ^ c) * 16777619u;
				v = v * 10 + (c - '0');
			} while (++p < end && rep_class[c = *p] == RK_DIGIT);
			break;
		case RK_C2:
			if (p + 1 < end && p[1] == 0xA3)
				return 0;       /* £ */
			h = (h ^ c) * 1099511628211ULL;
			p++;
			break;
		default:                /* RK_PERCENT */
			return 0;
		}
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
	if (r->key == 0)
		used_add(&sv->rep_used, victim, REP_LIST);
	memset(r, 0, sizeof *r);
	r->key = key;
	r->count = 1;
	r->first = r->last = at;
	r->digits = digits;
	r->num = num;
	r->counting = 1;
	/* Labels and numbered headings of minutes repeat by nature. */
	r->label = line_mark(s, n) != MARK_NONE;
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
	const struct used *u = &sv->rep_used;
	size_t n = u->all ? REP_SLOTS : u->n;

	/* Only the slots the document used (all of them past the list). */
	for (size_t j = 0; j < n; j++) {
		struct rep *r = &sv->rep[u->all ? j : u->at[j]];
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

void
survey_free(struct survey *sv)
{
	free(sv->wrap);
	free(sv->sparse);
	tables_give(sv);
	free(sv->cand);
	free(sv->drop);
	free(sv->pgdrop);
	free(sv->repbits);
	free(sv->note);
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

/* Eight 16-bit counts of a histogram (GCC's generic vectors). */
typedef uint16_t counts8 __attribute__((vector_size(16)));

/*
 * The window's histogram, the sum of its blocks', eight buckets at a
 * time in 16 bits, into h, and its lines into *n: 1, or 0 when a count
 * is 512 or more (a block counts at most BLOCK lines, 256, but the
 * pieces of a line cut at the cap, or split at its form feeds, count in
 * the block of the line's number), and a sum might not fit: the caller
 * adds in 32 bits then.  (Below 512, a bucket's sum over five blocks is
 * under 2560, the sum of sixteen such under 65536.)
 */
static int
window_sum16(const struct survey *sv, size_t lo, size_t hi, uint16_t *h, unsigned long *n)
{
	counts8 sum[NBUCKET / 8] = {0}, all = {0}, seen = {0};

	for (size_t k = lo; k <= hi; k++) {
		const uint16_t *src = sv->hist[k % WINDOW];
		for (size_t j = 0; j < NBUCKET / 8; j++) {
			counts8 v;
			memcpy(&v, src + 8 * j, sizeof v);
			sum[j] += v;
			seen |= v;
		}
	}
	seen &= (uint16_t)~511u;
	uint64_t o[2];
	memcpy(o, &seen, sizeof o);
	if (o[0] | o[1])
		return 0;
	for (size_t j = 0; j < NBUCKET / 8; j++)
		all += sum[j];
	unsigned long t = 0;
	for (size_t j = 0; j < 8; j++)
		t += all[j];
	*n = t;
	memcpy(h, sum, sizeof sum);
	return 1;
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
	uint16_t h16[NBUCKET];
	uint32_t h[NBUCKET] = {0};
	unsigned long n = 0, blank = 0;
	size_t lo = b >= 2 ? b - 2 : 0, hi = b + 2 < sv->nblocks ? b + 2 : sv->nblocks - 1;

	for (size_t k = lo; k <= hi; k++)
		blank += sv->blank[k % WINDOW];
	if (window_sum16(sv, lo, hi, h16, &n)) {
		for (size_t j = 0; j < NBUCKET; j++)
			h[j] = h16[j];
	} else {
		n = 0;
		for (size_t k = lo; k <= hi; k++)
			for (size_t j = 0; j < NBUCKET; j++) {
				h[j] += sv->hist[k % WINDOW][j];
				n += sv->hist[k % WINDOW][j];
			}
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

/* The next line to drop: the least of drop[dropi] and pgdrop[pgdropi]
 * (ULONG_MAX past both), which survey_furniture compares a line with. */
static void
drop_next(struct survey *sv)
{
	unsigned long a = sv->dropi < sv->ndrop ? sv->drop[sv->dropi] : ULONG_MAX,
	    b = sv->pgdropi < sv->npgdrop ? sv->pgdrop[sv->pgdropi] : ULONG_MAX;

	sv->next_drop = a < b ? a : b;
}

/* After the survey: wrap widths per block, and which page-edge lines to drop. */
void
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
	drop_next(sv);
	if (!sv->ff_seen)
		rep_finish(sv);
	/* A signature form on two pages or more is printed on every page:
	 * furniture.  Printed once, it closes the minutes: kept. */
	sv->form_running = sv->form_pages >= 2;
	if (!sv->repbits)
		rep_give(sv);
	edges_give(sv);
}

/* Bytes the survey looks for: 1 a hyphen, 2 what may make a line
 * Markdown (markup_is_markdown_line: "**", "<u>", "<sup>", a table's
 * '|'; its '#' counts only as the line's first byte), 4 a filler of
 * forms; 8 a byte that is not ASCII. */
/* survey_seen's answer for a line with no stop of markup_tidy's plain
 * copy (found only for lines of 32 bytes or more) */
enum { SEEN_PLAIN = 16 };
#define X8 8, 8, 8, 8, 8, 8, 8, 8
#define X64 X8, X8, X8, X8, X8, X8, X8, X8
static const unsigned char survey_class[256] = {
	['-'] = 1, ['*'] = 2, ['<'] = 2, ['|'] = 2, ['_'] = 4, ['.'] = 4,
	[0x80] = X64, X64
};
#undef X64
#undef X8

/* The classes of the sixteen bytes at p, or-ed into the masks. */
static inline __attribute__((always_inline)) void
seen16(const char *p, mask16 *hyphen, mask16 *md, mask16 *form, bytes16 *any)
{
	bytes16 v = bytes16_load(p);

	*any |= v;
	*hyphen |= v == '-';
	/* '<' and '|' (0x3C, 0x7C) are the bytes that are 0x3C but for bit 6 */
	*md |= ((v & 0xBF) == 0x3C) | (v == '*');
	*form |= (v == '_') | (v == '.');
}

#ifdef SURVEY_AVX2
/*
 * The classes of the thirty-two bytes at p or-ed into *acc, by two table
 * lookups (nibble_classes32, bytescan.h), one by each half of the byte:
 * each class byte has a bit of its own that both its halves' entries
 * hold, and no other byte's two entries share a bit (bits 0 '-'; 1 '*', 3 '<', 5 '|'; 2 '.',
 * 4 '_').  A byte of 0x80 or more looks up 0 (vpshufb's rule): *any
 * gathers those.
 */
__attribute__((target("avx2"), always_inline)) static inline void
seen32(const char *p, __m256i lo, __m256i hi, __m256i *acc, __m256i *any)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);

	*any = _mm256_or_si256(*any, v);
	*acc = _mm256_or_si256(*acc, nibble_classes32(v, lo, hi));
}

/* seen32, and the spaces of the 32 bytes at p each followed by a space
 * (p[32] is in the line) or-ed into *pairs. */
__attribute__((target("avx2"), always_inline)) static inline void
seen32_pairs(const char *p, __m256i lo, __m256i hi, __m256i *acc, __m256i *any,
             __m256i *pairs)
{
	const __m256i sp = _mm256_set1_epi8(' ');
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
	__m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(p + 1));

	*any = _mm256_or_si256(*any, v);
	*acc = _mm256_or_si256(*acc, nibble_classes32(v, lo, hi));
	*pairs = _mm256_or_si256(*pairs, _mm256_and_si256(_mm256_cmpeq_epi8(v, sp),
	                                                  _mm256_cmpeq_epi8(w, sp)));
}

/*
 * survey_seen's classes (not its '#' rule) of a line of 32 bytes or more,
 * and SEEN_PLAIN when it holds nothing that stops markup_tidy's plain
 * copy (markup.c's stops: a TAB, ! & * < [ \\ _ |, or two spaces; a 'Y',
 * or a VT, taken for one too, costs only the note).
 */
__attribute__((target("avx2"))) static unsigned
seen_avx2(const char *s, size_t n)
{
	/* bits of a byte's class: 1 '-', 2 '*', 4 '.', 8 '<', 16 '_', 32 '|',
	 * 64 '!' '&', 128 TAB '[' '\\' (and 'Y', VT, FF) */
	const __m256i lo = NIBBLE_TABLE32(0, 64, 0, 0, 0, 0, 64, 0, 0, (char)128, 2, (char)128,
	                                  (char)168, 1, 4, 16);
	const __m256i hi = NIBBLE_TABLE32((char)128, 0, 71, 8, 0, (char)144, 0, 32, 0, 0, 0, 0,
	                                  0, 0, 0, 0);
	__m256i acc = _mm256_setzero_si256(), any = acc, pairs = acc;
	uint32_t pair;

	for (size_t i = 0; i + 32 < n; i += 32)
		seen32_pairs(s + i, lo, hi, &acc, &any, &pairs);
	/* the last block: its own pairs (those across its start were seen) */
	seen32(s + n - 32, lo, hi, &acc, &any);
	pair = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_loadu_si256(
	    (const __m256i *)(const void *)(s + n - 32)), _mm256_set1_epi8(' ')));
	pair = (pair & pair >> 1) | (uint32_t)_mm256_movemask_epi8(pairs);
	__m128i o = _mm_or_si128(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
	uint64_t x = (uint64_t)_mm_cvtsi128_si64(o) | (uint64_t)_mm_extract_epi64(o, 1);
	x |= x >> 32;
	x |= x >> 16;
	x |= x >> 8;
	/* the classes found, as survey_seen's bits: 1 for bit 0 ('-'), 2 for
	 * bits 1, 3 or 5 (markup), 4 for bits 2 or 4 (form fillers) */
	static const unsigned char bits[64] = {
		0, 1, 2, 3, 4, 5, 6, 7, 2, 3, 2, 3, 6, 7, 6, 7,
		4, 5, 6, 7, 4, 5, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7,
		2, 3, 2, 3, 6, 7, 6, 7, 2, 3, 2, 3, 6, 7, 6, 7,
		6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7, 6, 7
	};
	return bits[x & 63] | (_mm256_movemask_epi8(any) ? 8u : 0) |
	       ((x & 0xFA) == 0 && pair == 0 ? SEEN_PLAIN : 0);
}

/*
 * utf8_width of a line of 32 bytes or more: its length less its
 * continuation bytes (10xxxxxx), counted 32 at a time (vpsadbw sums a
 * block's ones); the last block is the one that ends the line, its bytes
 * already counted left out.
 */
__attribute__((target("avx2"))) static size_t
width_avx2(const char *s, size_t n)
{
	const __m256i top = _mm256_set1_epi8((char)0xC0), cont = _mm256_set1_epi8((char)0x80),
	    one = _mm256_set1_epi8(1), zero = _mm256_setzero_si256();
	const __m256i lane = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
	    16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
	__m256i sum = zero;
	size_t i = 0;

	for (; i + 32 < n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		__m256i m = _mm256_cmpeq_epi8(_mm256_and_si256(v, top), cont);
		sum = _mm256_add_epi64(sum, _mm256_sad_epu8(_mm256_and_si256(m, one), zero));
	}
	/* the last block: lanes below i - (n - 32) were counted */
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + n - 32));
	__m256i m = _mm256_cmpeq_epi8(_mm256_and_si256(v, top), cont);
	m = _mm256_and_si256(m, _mm256_cmpgt_epi8(lane,
	    _mm256_set1_epi8((char)(i - (n - 32)) - 1)));
	sum = _mm256_add_epi64(sum, _mm256_sad_epu8(_mm256_and_si256(m, one), zero));
	__m128i h = _mm_add_epi64(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
	return n - (size_t)((uint64_t)_mm_cvtsi128_si64(h) + (uint64_t)_mm_extract_epi64(h, 1));
}

#endif

/*
 * survey_class of every byte of s[0..n), or-ed (and 2 when s starts with
 * '#'): the same answer as a loop over the bytes, with the compares done
 * sixteen bytes at a time (a line of sixteen bytes or more ends with the
 * block that ends it: or-ing a byte twice changes nothing).  One pass for
 * the classes and the width: *width is utf8_width(s, n), which is n when
 * the line is ASCII.
 */
static unsigned
survey_seen(const char *s, size_t n, size_t *width)
{
	unsigned seen = n && s[0] == '#' ? 2u : 0;

#ifdef SURVEY_AVX2
	if (n >= 32) {
		if (cpu_avx2) {
			seen |= seen_avx2(s, n);
			*width = seen & 8 ? width_avx2(s, n) : n;
			return seen;
		}
	}
#endif
	if (n >= 16) {
		mask16 hyphen = {0}, md = {0}, form = {0};
		bytes16 any = {0};
		for (size_t i = 0; i + 16 < n; i += 16)
			seen16(s + i, &hyphen, &md, &form, &any);
		seen16(s + n - 16, &hyphen, &md, &form, &any);
		seen |= (mask16_any(hyphen) ? 1u : 0) | (mask16_any(md) ? 2u : 0) |
		        (mask16_any(form) ? 4u : 0) | (mask16_any(any >= 0x80) ? 8u : 0);
	} else {
		for (size_t i = 0; i < n; i++)
			seen |= survey_class[(unsigned char)s[i]];
	}
	*width = seen & 8 ? utf8_width(s, n) : n;
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
static int form_line_(const char *s, size_t n);

static inline int
form_line(const char *s, size_t n)
{
	if (n > 160)
		return 0;
	/* The line must start with a word of the lists, a filler or what
	 * may stand between them, as the loop of form_line_ says of its
	 * first bytes: most lines of text end here, without a call. */
	unsigned char c0 = n ? (unsigned char)s[0] : ' ', c1 = n > 1 ? (unsigned char)s[1] : ' ';
	if (is_alpha(c0) ? (is_alpha(c1) ? !form_start[lower(c0) - 'a'][lower(c1) - 'a'] :
	                                   !form_one[lower(c0) - 'a']) :
	    !(c0 == '_' || c0 == '.' || c0 == ' ' || c0 == ':' || c0 == ',' || c0 == '/' ||
	      (c0 >= '0' && c0 <= '9')))
		return 0;
	return form_line_(s, n);
}

/* form_line past its first look. */
static int
form_line_(const char *s, size_t n)
{
	size_t i = 0, fill = 0;
	int sign = 0;

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
		if (!is_alpha(c)) {
			if (!(c == ' ' || c == ':' || c == ',' || c == '/' || (c >= '0' && c <= '9')))
				return 0;
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && is_alpha((unsigned char)s[j]))
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

/* Copy the last lines that are still the pagelines' bytes into last[]
 * (before pagelines_next_, which may overwrite them). */
static void
last_own(struct survey *sv)
{
	for (int k = 0; k < sv->nlast; k++)
		if (sv->last_n[k] > 0 && sv->last_s[k] != sv->last[k].data) {
			buf_set(&sv->last[k], sv->last_s[k], sv->last_n[k]);
			sv->last_s[k] = sv->last[k].data;
		}
}

/* Room for more notes: 1, or 0 past NOTE_MAX (memory stays bounded:
 * the lines after are looked at again). */
static int __attribute__((noinline))
note_grow(struct survey *sv)
{
	if (sv->notecap >= NOTE_MAX)
		return 0;
	sv->notecap = sv->notecap ? sv->notecap * 2 : 4096;
	sv->note = xrealloc(sv->note, sv->notecap * sizeof *sv->note);
	return 1;
}

/* A line read ahead for the survey (readahead.h): the line, its text at
 * off in the batch; the note the survey makes of it; whether the block
 * pagelines held it in holds a form feed. */
struct sline {
	struct pline l;
	size_t off;
	uint32_t note;
	int ff_block;
};

/* The next line from pl and its note (NOTE_ANY unless pagelines had it
 * in its block as it is): 1, or 0 at the end, or a PL_E* code.  A line
 * as the block holds it: sv's last lines (sv may be NULL) need no copy
 * till the block may change. */
static inline int
next_noted(struct pagelines *pl, struct pline *l, uint32_t *note,
           struct survey *sv)
{
	if (pagelines_next_fast(pl, l)) {
		*note = l->n < NOTE_ANY ? (uint32_t)l->n : NOTE_ANY;
		return 1;
	}
	if (sv)
		last_own(sv);
	*note = NOTE_ANY;
	return pagelines_next_(pl, l);
}

/* The reading thread's work: lines, copied into the batch. */
static int
fill_lines(void *ctx, struct ra_batch *b)
{
	struct pagelines *pl = ctx;
	struct sline *x;

	while ((x = ra_room(b, sizeof *x))) {
		int r = next_noted(pl, &x->l, &x->note, NULL);
		if (r != 1) {
			ra_unroom(b);	/* (no line to put there) */
			return r;
		}
		x->ff_block = pl->ff_at < pl->blklen;
		x->off = b->text.len;
		buf_append(&b->text, x->l.s, x->l.n);
	}
	return 1;
}

int
survey_run(struct pagelines *pl, struct survey *sv, int read_ahead)
{
	struct pline l;
	int r;
	size_t ring_b = SIZE_MAX;
	uint16_t *hist = NULL;
	uint32_t *blank = NULL;
	struct readahead *ra = NULL;
	const char *batch = NULL;	/* the text of the batch read ahead */

	tables_take(sv);
	sv->prev_blank = 1;
	for (;;) {
		uint32_t note;
		int ff_block;
		if (ra) {
			const void *rec;
			const char *text;
			if ((r = ra_next(ra, &rec, &text)) != 1)
				break;
			const struct sline *x = rec;
			if (text != batch) {
				/* the batch of the last lines goes back soon */
				last_own(sv);
				batch = text;
			}
			l = x->l;
			l.s = text + x->off;
			note = x->note;
			ff_block = x->ff_block;
		} else {
			/* A long text is read ahead in a thread from here on
			 * (the lines are the same). */
			if (read_ahead && sv->lines >= RA_MIN_LINES) {
				read_ahead = 0;
				last_own(sv);
				if ((ra = ra_start(sizeof(struct sline), fill_lines, pl)))
					continue;
			}
			if ((r = next_noted(pl, &l, &note, sv)) != 1)
				break;
			ff_block = -1;	/* pl says, where it is asked */
		}
		uint32_t past, *notep = &past;
		if (sv->nnote < sv->notecap || note_grow(sv))
			notep = &sv->note[sv->nnote++];
		*notep = note;
		size_t b = (l.lineno - 1) / BLOCK;
		if (b != ring_b) {
			/* (the block's place in the ring: a division, once a block) */
			while (b >= sv->nblocks)
				block_start(sv, sv->nblocks);
			ring_b = b;
			hist = sv->hist[b % WINDOW];
			blank = &sv->blank[b % WINDOW];
		}
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
			(*blank)++;
			sv->prev_blank = 1;
			continue;
		}
		/* The width, and whether hyphens or markup occur. */
		size_t w;
		unsigned seen = survey_seen(l.s + lead, n - lead, &w);
		w += lead;
		/* (seen's 8 is NOTE_WIDE, its SEEN_PLAIN NOTE_PLAIN) */
		*notep |= (uint32_t)(seen & 8) << 28 | (uint32_t)(seen & SEEN_PLAIN) << 26;
		size_t bucket = (w > NBUCKET * 4 - 1 ? NBUCKET * 4 - 1 : w) / 4;
		if (hist[bucket] < UINT16_MAX)
			hist[bucket]++;
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
			if (sv->last_s[1] == sv->last[1].data) {
				/* a copy: its bytes move with its buf */
				struct buf t = sv->last[0];
				sv->last[0] = sv->last[1];
				sv->last[1] = t;
			}
			sv->last_s[0] = sv->last_s[1];
			sv->last_n[0] = sv->last_n[1];
			sv->last_line[0] = sv->last_line[1];
		}
		int k = sv->nlast == 2 ? 1 : sv->nlast++;
		sv->last_s[k] = l.s + lead;
		sv->last_n[k] = edgy ? n - lead : 0;
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
			/* The short lines followed for repeats serve a text
			 * without form feeds only (survey_finish): none when the
			 * block holds one, which pagelines will hand out as a
			 * page break before the text ends (or the text fails). */
			uint32_t dg, num;
			if (ff_block < 0)
				ff_block = pl->ff_at < pl->blklen;
			uint64_t rk = ff_block ? 0 :
			    rep_key(l.s + lead, n - lead, &dg, &num);
			if (rk)
				rep_add(sv, rk, dg, num, l.lineno, l.s + lead, n - lead);
		}
		sv->prev_blank = 0;
	}
	if (ra) {
		last_own(sv);
		ra_stop(ra);
	}
	if (sv->pend_line)
		lone_number(sv, 1);
	if (r == 0 && sv->pages > 0)
		close_page(sv);
	return r;
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
static inline int
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
static inline int
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

int
survey_furniture(struct survey *sv, unsigned long lineno, uint64_t key,
                 const char *s, size_t n, int at_edge, int alone)
{
	/* (the lines to drop are looked for only from the next one on) */
	if (lineno >= sv->next_drop) {
		while (sv->dropi < sv->ndrop && sv->drop[sv->dropi] < lineno)
			sv->dropi++;
		while (sv->pgdropi < sv->npgdrop && sv->pgdrop[sv->pgdropi] < lineno)
			sv->pgdropi++;
		drop_next(sv);
		if (sv->next_drop == lineno)
			return 1;
	}
	if (key && rep_running(sv, key))
		return 1;
	if (is_blank_notice(s, n))
		return 1;
	if (sv->form_running && form_line(s, n))
		return 1;
	/* Most lines start with a letter no page label starts with. */
	unsigned char c0 = n ? (unsigned char)s[0] : '0';
	int pl = (c0 >= '0' && c0 <= '9') || c0 == ' ' || c0 == '-' || c0 == '|' ||
	         ws_first(&page_label, c0) ? is_page_label(s, n) : 0;
	if (pl == 2)
		return 1;
	/* A bare number is a page number at a page's edge or standing alone. */
	if ((pl == 1 || pl == 3) && at_edge)
		return 1;
	/* Standing alone between blank lines: a page number, not a year. */
	if (pl == 1 && alone)
		return 1;
	return 0;
}

int
survey_hyphenated(const struct survey *sv, const char *l, size_t ln,
                  const char *r, size_t rn)
{
	return bloom_has(sv->bloom, compound_hash(l, ln, r, rn));
}

uint64_t
survey_line_key_(const struct survey *sv, const char *s, size_t n)
{
	uint32_t dg, num;

	/* Keyed as survey_run keyed it: trimmed bytes as read. */
	size_t e = rtrim_len(s, n), b0 = skip_spaces(s, 0, e, 1);
	return b0 < e ? rep_key(s + b0, e - b0, &dg, &num) : 0;
}
