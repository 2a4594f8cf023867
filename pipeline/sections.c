/*
 * sections — parts of an agenda pack and minute items; see sections.h.
 *
 * The splitter holds up to SPLIT_LOOKAHEAD + 1 paragraphs of one source
 * in a ring.  The oldest is decided when the ring is full (or the source
 * or input ends), looking at the ones behind it: a heading that the
 * converter cut into several paragraphs (a report's "BODY: DATE", title
 * lines and "REPORT OF …"; a minute number above its title) is recognised
 * as a whole.  Every test on a paragraph runs on its "clean" form:
 * unescaped, Markdown/HTML emphasis gone, white space collapsed, so the
 * three layouts (pdftotext -layout, raw, Markdown) look alike.
 *
 * Minute items are accepted only inside a minutes section, and only when
 * they look like headings (short, capitalised, not a sentence, not a
 * resolution part) and continue the section's numbering: same style
 * ("22.", "Minute 45", "45/24", "C.12", "(12)" …), a number a little
 * above the last one.  That is what keeps agenda lists, report paragraphs,
 * lettered sub-points and numbered lists inside an item out.  What one
 * paragraph looks like is headings.c's business; here are the decisions
 * that need the paragraphs around it and the state of the document.
 */
#include "sections.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2 for make_clean's runs, where the CPU has it (checked at run time;
 * MM_NO_AVX2 builds without, as a test does). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define SECTIONS_AVX2 1
#endif

#include "buf.h"
#include "bytescan.h"
#include "cpu.h"
#include "dates.h"
#include "err.h"
#include "headings.h"
#include "textscan.h"
#include "tsv.h"
#include "words.h"

/* The ring's slots: SPLIT_LOOKAHEAD + 1 at least, and a power of two, so
 * that a paragraph's place in it is a mask, not a division. */
#define RING 16
_Static_assert(RING >= SPLIT_LOOKAHEAD + 1 && (RING & (RING - 1)) == 0,
    "RING: a power of two that holds the lookahead");

enum section { SEC_OTHER, SEC_AGENDA, SEC_MINUTES, SEC_REPORT };
static const char *const section_names[] = {"other", "agenda", "minutes", "report"};

/* The words, from rules/lexicon (the list named beside each; sections_init). */
static struct words interest_kinds;	/* interest_kind */
static struct words attendance_labels;	/* attendance_opening */
static struct words present_labels;	/* present_label */
static struct words list_words;		/* list_label */
static struct words member_titles;	/* member_title */
static struct words postnominals;	/* member_postnominal, " CC" */
static struct words minutes_nouns;	/* minutes_noun */
static struct words meeting_nouns;	/* meeting */
static struct words meeting_of;		/* meeting, "meeting of " */
static struct words agenda_nouns;	/* agenda_noun */
static struct words agenda_heads;	/* agenda_noun, "agenda for ", "agenda of " */
static struct words summons;		/* summons */
static struct words agenda_notices;	/* agenda_notice */
static struct words agenda_items;	/* agenda_item_label */
static struct words decisions_titles;	/* decisions_page_title */
static struct words details_titles;	/* decision_details_title */
static struct words issue_words;	/* issue_word */
static struct words decisions_words;	/* decisions_word */
static struct words report_anchors;	/* report_anchor, " REPORT OF " */
/* minutes_heading_cap: make_clean tells a field without it (CLEAN_NOCAP) */
static int heading_cap = -1;

void
sections_init(void)
{
	struct words of, for_;

	if (interest_kinds.w)
		return;
	headings_init();
	interest_kinds = words_get("interest_kind");
	attendance_labels = words_get("attendance_opening");
	present_labels = words_get("present_label");
	list_words = words_get("list_label");
	member_titles = words_get("member_title");
	postnominals = words_padded("member_postnominal", " ", "");
	minutes_nouns = words_get("minutes_noun");
	meeting_nouns = words_get("meeting");
	meeting_of = words_padded("meeting", "", " of ");
	agenda_nouns = words_get("agenda_noun");
	for_ = words_padded("agenda_noun", "", " for ");
	of = words_padded("agenda_noun", "", " of ");
	agenda_heads = words_join(&for_, &of);
	words_drop(&for_);
	words_drop(&of);
	summons = words_get("summons");
	agenda_notices = words_get("agenda_notice");
	agenda_items = words_get("agenda_item_label");
	decisions_titles = words_get("decisions_page_title");
	details_titles = words_get("decision_details_title");
	issue_words = words_get("issue_word");
	decisions_words = words_get("decisions_word");
	report_anchors = words_padded("report_anchor", " ", " ");
	heading_cap = minutes_heading_cap();
}

struct para {
	/*
	 * The text field as read, still escaped: the bytes of own_raw, or
	 * of clean when they are the same (most paragraphs: no copy).
	 */
	struct {
		const char *data;
		size_t len;
	} raw;
	struct buf own_raw;
	struct buf clean;	/* unescaped, markup gone, spaces collapsed */
	unsigned long line;
	/*
	 * The output line's first columns, "source TAB line TAB page", made
	 * as the paragraph is read (the line number is its field's digits
	 * without leading zeros); the page field as read ("P" or "P,OFF…",
	 * or empty) is its last page_len bytes.
	 */
	struct buf lead;
	size_t page_len;

	/*
	 * Tests on the whole clean text, made at most once while the
	 * paragraph is in the ring (each is asked again for every head the
	 * lookahead passes over): -1 = not yet known.
	 */
	signed char caps, body, mh, bdl, chair;
	signed char nh;		/* numbered_heading_at, once the answer is final */
	signed char rep;	/* report_mark */
	unsigned char mlabel;	/* a "Minutes:" label (web_label), known as it is read */
	unsigned long seq;	/* the paragraph's place in the stream: 1, 2, … */
	int mh_has_date;
	size_t mh_bs, mh_be;
	char mh_iso[DATE_ISO_LEN + 1];
};

/* test on q's clean text, asked once: its answer kept in *known. */
static inline int
remembered(const struct para *q, signed char *known,
    int (*test)(const char *, size_t))
{
	if (*known < 0)
		*known = (signed char)test(q->clean.data, q->clean.len);
	return *known;
}

static int
p_caps(struct para *q)
{
	return remembered(q, &q->caps, caps_line);
}

static int
p_body_date(struct para *q)
{
	return remembered(q, &q->bdl, body_date_line);
}

static int
p_chair(struct para *q)
{
	return remembered(q, &q->chair, chair_line);
}

static int
p_body(struct para *q)
{
	return remembered(q, &q->body, body_line);
}

/* minutes_heading on q's clean text, into q. */
static void __attribute__((noinline))
p_minutes_heading_ask(struct para *q)
{
	q->mh_bs = q->mh_be = 0;
	q->mh_has_date = 0;
	q->mh_iso[0] = '\0';
	q->mh = (signed char)minutes_heading(q->clean.data, q->clean.len, &q->mh_bs,
	    &q->mh_be, q->mh_iso, &q->mh_has_date);
}

/* minutes_heading on q's clean text, its results remembered (inline: the
 * answer is mostly known, no, as the paragraph was read). */
static inline int
p_minutes_heading(struct para *q, size_t *bs, size_t *be, char *iso, int *has_date)
{
	if (q->mh < 0)
		p_minutes_heading_ask(q);
	if (q->mh) {
		*bs = q->mh_bs;
		*be = q->mh_be;
		*has_date = q->mh_has_date;
		memcpy(iso, q->mh_iso, sizeof q->mh_iso);
	}
	return q->mh;
}

struct splitter {
	struct para ring[RING];
	size_t head, count;
	unsigned long seq;	/* the last paragraph's seq */
	unsigned long mlabel_seq;	/* ... and the last "Minutes:" label's, or 0 */
	struct buf source;
	int have_source;

	/* State of the current source. */
	int section;
	char date[DATE_ISO_LEN + 1];
	struct buf body, title, minute;
	int have_item;
	long last;
	long group[3];		/* numeric groups of the last item's number */
	int ngroups;
	long meeting_ym[2];	/* year and month of the first ST_DATED item */
	int style;
	char prefix[8];
	int in_resolved;	/* inside a RESOLVED block of the current item */
	int dotted;		/* item headings with a full stop minus those without */
	int heading_left;	/* paragraphs of a recognised heading to come */

	/*
	 * Committee web pages (doc/phrasebook/web-pages.md): the minutes
	 * of a meeting's page, or of an item's, each item's minute after
	 * a "Minutes:" label, the agenda's words before it.
	 */
	int web;		/* these minutes are such a page's */
	int web_pending;	/* the item's minute has not begun: its paragraphs are the agenda's */
	int web_other;		/* ... and past a "Decision:" that a "Minutes:" repeats: other */
	int web_labels;		/* labels seen on the page */
	long web_expect;	/* "Meeting: … (Item 52)": the number the item carries, or -1 */
	char page_date[DATE_ISO_LEN + 1];	/* the page's meeting line, above its items */
	struct buf page_body;
	int decisions;		/* a page of decisions: 1, 2 just after "Decision details" */

	struct buf joined;	/* scratch: headings spread over paragraphs */
	struct buf text;	/* scratch: heading text joined for output */

	/*
	 * The output columns after the line number, escaped: they change
	 * once in many lines, so escaping them for every line was a tenth
	 * of the time.  Made again after a write of what they are made of
	 * (section, date, body, minute, title): each write is followed by
	 * stale_tail, before the next line is written (comparing the state
	 * with a copy for every line cost more than the copies).
	 */
	struct buf tail;
	int tail_valid;
	struct buf outbuf;	/* output lines not yet written */
	struct buf next_clean;	/* splitter_line: the clean text of the line read */
	struct buf next_lead;	/* ... and its first output columns */
};

/*
 * Bytes make_clean copies as they are: all but white space and control
 * bytes (<= ' '), '\\', '*', '_' and '<'.  A table: one load a byte.
 */
static const unsigned char plain_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

#ifdef __SSE2__
/*
 * The places in the sixteen bytes at p where a run of make_clean's ends,
 * as bits: a byte that is not plain, and a space followed by one or by
 * a space (which one follows the last byte, this block cannot tell: the
 * caller asks).  *sps gets the spaces.
 */
static inline unsigned
block_stops(const char *p, unsigned *sps)
{
	const __m128i sp = _mm_set1_epi8(' '), bs = _mm_set1_epi8('\\'),
	    star = _mm_set1_epi8('*'), us = _mm_set1_epi8('_'), lt = _mm_set1_epi8('<');
	__m128i v = _mm_loadu_si128((const void *)p);
	__m128i spaces = _mm_cmpeq_epi8(v, sp);
	/* bytes <= ' ', unsigned: the smaller of the byte and ' ' is the byte */
	__m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, sp), v);
	__m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, bs),
	    _mm_cmpeq_epi8(v, star)), _mm_or_si128(_mm_cmpeq_epi8(v, us),
	    _mm_cmpeq_epi8(v, lt)));
	unsigned bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_andnot_si128(spaces, low), marks));

	*sps = (unsigned)_mm_movemask_epi8(spaces);
	return bad | (*sps & ((*sps | bad) >> 1));
}
#endif

#ifdef SECTIONS_AVX2
/* block_stops for the thirty-two bytes v. */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
block_stops_avx2(__m256i v, uint32_t *sps)
{
	const __m256i sp = _mm256_set1_epi8(' '), bs = _mm256_set1_epi8('\\'),
	    star = _mm256_set1_epi8('*'), us = _mm256_set1_epi8('_'), lt = _mm256_set1_epi8('<');
	__m256i spaces = _mm256_cmpeq_epi8(v, sp);
	__m256i low = _mm256_cmpeq_epi8(_mm256_min_epu8(v, sp), v);
	__m256i marks = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, bs),
	    _mm256_cmpeq_epi8(v, star)), _mm256_or_si256(_mm256_cmpeq_epi8(v, us),
	    _mm256_cmpeq_epi8(v, lt)));
	uint32_t bad = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
	    _mm256_andnot_si256(spaces, low), marks));

	*sps = (uint32_t)_mm256_movemask_epi8(spaces);
	return bad | (*sps & ((*sps | bad) >> 1));
}

/*
 * plain_span of a text of 33 bytes or more, thirty-two bytes a step
 * (the same steps as the SSE2 loop's, twice as long), each block copied
 * to d as it is judged (no copy of the run after).  With want, *cap_seen
 * tells whether the blocks read (the run and maybe bytes after it) hold
 * the byte cap (a field's first run: make_clean's CLEAN_NOCAP).
 */
__attribute__((target("avx2"), always_inline)) static inline size_t
plain_span_avx2_of(const char *s, size_t n, char *d, int want, char cap, int *cap_seen)
{
	size_t j = 1, e = n - 32;
	uint32_t sps, st;
	__m256i v, capv = _mm256_set1_epi8(cap), seen;

	d[0] = s[0];
	seen = _mm256_cmpeq_epi8(_mm256_set1_epi8(s[0]), capv);
	for (; j + 32 <= n; j += sps & 0x80000000u ? 31 : 32) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(s + j));
		_mm256_storeu_si256((__m256i *)(void *)(d + j), v);
		if (want)
			seen = _mm256_or_si256(seen, _mm256_cmpeq_epi8(v, capv));
		if ((st = block_stops_avx2(v, &sps)) != 0) {
			if (want)
				*cap_seen = _mm256_movemask_epi8(seen) != 0;
			return j + (size_t)__builtin_ctz(st);
		}
	}
	if (j < n) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(s + e));
		_mm256_storeu_si256((__m256i *)(void *)(d + e), v);
		if (want)
			seen = _mm256_or_si256(seen, _mm256_cmpeq_epi8(v, capv));
		st = block_stops_avx2(v, &sps) | (sps & 0x80000000u);
		st = st >> (j - e) << (j - e);
		if (st) {
			if (want)
				*cap_seen = _mm256_movemask_epi8(seen) != 0;
			return e + (size_t)__builtin_ctz(st);
		}
	}
	if (want)
		*cap_seen = _mm256_movemask_epi8(seen) != 0;
	return n;
}

/* plain_span_avx2_of with and without the look for cap. */
__attribute__((target("avx2"))) static size_t
plain_span_avx2_cap(const char *s, size_t n, char *d, char cap, int *cap_seen)
{
	return plain_span_avx2_of(s, n, d, 1, cap, cap_seen);
}

__attribute__((target("avx2"))) static size_t
plain_span_avx2(const char *s, size_t n, char *d)
{
	return plain_span_avx2_of(s, n, d, 0, 0, NULL);
}

#endif

/*
 * The run of plain_span_len a byte at a time, from s[j] (the bytes
 * before it plain): for short texts, and the reference the unit test
 * holds the block scans against.
 */
static size_t
plain_span_bytes(const char *s, size_t j, size_t n)
{
	for (;;) {
		if (j < n && plain_byte[(unsigned char)s[j]])
			j++;
		else if (j + 1 < n && s[j] == ' ' && plain_byte[(unsigned char)s[j + 1]])
			j += 2;
		else
			return j;
	}
}

/*
 * The length of the run at s[0..n) (s[0] a plain byte) that make_clean
 * copies as it is: plain bytes, and single spaces between two of them.
 * It is most of every paragraph, so with SSE2 (every x86-64) sixteen
 * bytes are judged at once, and where the run ends in a block, the
 * block's marks say where (a layout text breaks its runs at every
 * column gap: not a byte loop over the rest of the block each time).
 * The byte before a block is plain (s[0], or the end of the block
 * before; a space at a block's end is judged with the next block).  The
 * last bytes are a block that ends at n, its bytes already seen masked
 * off; the byte loop does short texts.
 */
static size_t
plain_span_len(const char *s, size_t n)
{
	size_t j = 1;

#ifdef __SSE2__
	if (n >= 17) {
		unsigned sps, st;
		size_t e = n - 16;

		for (; j + 16 <= n; j += sps & 0x8000 ? 15 : 16)
			if ((st = block_stops(s + j, &sps)) != 0)
				return j + (size_t)__builtin_ctz(st);
		if (j == n)
			return n;
		/* a space at n - 1: nothing after it, the run ends there */
		st = block_stops(s + e, &sps) | (sps & 0x8000);
		st = st >> (j - e) << (j - e);
		return st ? e + (size_t)__builtin_ctz(st) : n;
	}
#endif
	return plain_span_bytes(s, j, n);
}

/*
 * plain_span_len's run copied to d, which has room for n bytes (those
 * after the run may be written too); returns its length.  With cap_seen,
 * *cap_seen is 0 when the run is known to hold no byte heading_cap
 * (else 1).
 */
static inline __attribute__((always_inline)) size_t
plain_span(const char *s, size_t n, char *d, int *cap_seen)
{
	size_t r;

#ifdef SECTIONS_AVX2
	if (n >= 33) {
		if (cpu_avx2) {
			if (!cap_seen)
				return plain_span_avx2(s, n, d);
			if (heading_cap >= 0)
				return plain_span_avx2_cap(s, n, d, (char)heading_cap, cap_seen);
		}
	}
#endif
	if (cap_seen)
		*cap_seen = 1;
	r = plain_span_len(s, n);
	memcpy(d, s, r);
	return r;
}

/* make_clean's answers, as bits. */
enum {
	CLEAN_TAB = 1,	/* the field holds a TAB (then it was two fields:
			 * splitter_line's fast path says no) */
	CLEAN_SAME = 2,	/* the clean form is the field as it is */
	CLEAN_NOCAP = 4	/* ... and holds no byte heading_cap */
};

/*
 * make_clean's white space at raw[i]: one space for the run (none after
 * another), and the spaces after it passed at once (a layout text's
 * column gaps run to dozens).  Returns the run's last byte.
 */
static inline __attribute__((always_inline)) size_t
white_run(const char *raw, size_t i, size_t n, char *d, size_t *o, int *space)
{
	if (!*space) {
		d[(*o)++] = ' ';
		*space = 1;
	}
	while (i + 1 < n && raw[i + 1] == ' ')
		i++;
	return i;
}

/*
 * The clean form of a text field: unescaped; Markdown heading marks,
 * emphasis stars and underscores pairs, and short HTML tags dropped; runs
 * of white space made one space; trimmed.  Returns CLEAN_TAB,
 * CLEAN_SAME and CLEAN_NOCAP as they hold (CLEAN_NOCAP only as a run's
 * scan learns it).
 */
static int
make_clean(struct buf *out, const char *raw, size_t n)
{
	size_t i, start, o = 0;
	int space = 1, tab = 0, whole = 0, seen;
	char *d;

	buf_reset(out);
	buf_reserve(out, n + 1);
	d = out->data;		/* the clean form is never longer than the raw */
	i = 0;
	/*
	 * Most fields are one run (prose: plain bytes and single spaces):
	 * taken at once, and when it is the whole field and no Markdown mark
	 * starts it, the clean form is the field, without the loop below.
	 */
	if (n > 0 && plain_byte[(unsigned char)raw[0]]) {
		o = plain_span(raw, n, d, &seen);
		if (o == n && raw[0] != '#' && raw[0] != '>') {
			out->len = n;
			d[n] = '\0';
			return seen ? CLEAN_SAME : CLEAN_SAME | CLEAN_NOCAP;
		}
		whole = o == n;
		i = o;
		space = 0;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];

		/*
		 * Most bytes are none of the ones looked at below: a run at
		 * once.  The run takes in a single space between plain bytes:
		 * below it would be written as it is (the byte before it is
		 * no white space) and the next byte starts a run again.
		 */
		if (plain_byte[c]) {
			/* d + o has room: o <= i */
			size_t r = plain_span(raw + i, n - i, d + o, NULL);

			o += r;
			i += r - 1;
			space = 0;
			continue;
		}
		if (c == ' ') {
			/* the white space below, its commonest byte first */
			i = white_run(raw, i, n, d, &o, &space);
			continue;
		}
		if (c == '\\' && i + 1 < n) {
			char e = raw[i + 1];

			if (e == 't' || e == 'n' || e == 'r') {
				c = ' ';
				i++;
			} else if (e == '\\') {
				i++;
			}
		}
		if (c == '*' || (c == '_' && i + 1 < n && raw[i + 1] == '_')) {
			if (c == '_')
				i++;
			continue;
		}
		if (c == '_' && i > 0 && raw[i - 1] == '_')
			continue;
		if (c == '<') {
			/* <u>, </b>, <sup>, <br/> … : letters only, short */
			size_t j = i + 1;

			if (j < n && raw[j] == '/')
				j++;
			while (j < n && j - i < 8 && is_alpha((unsigned char)raw[j]))
				j++;
			if (j < n && raw[j] == '/')
				j++;
			if (j < n && raw[j] == '>' && j > i + 1 &&
			    is_alpha((unsigned char)raw[i + 1 + (raw[i + 1] == '/')])) {
				i = j;
				continue;
			}
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			tab |= raw[i] == '\t';	/* a TAB as read, not one escaped */
			i = white_run(raw, i, n, d, &o, &space);
			continue;
		}
		d[o++] = (char)c;
		space = 0;
	}
	while (o > 0 && d[o - 1] == ' ')
		o--;
	/* Markdown heading or quote marks at the start. */
	start = 0;
	while (start < o && (d[start] == '#' || d[start] == '>'))
		start++;
	if (start > 0 && (start == o || d[start] == ' ')) {
		while (start < o && d[start] == ' ')
			start++;
		memmove(d, d + start, o - start);
		o -= start;
	}
	out->len = o;
	d[o] = '\0';
	/* a run is copied as it is and ends with a plain byte: the clean
	 * form is the field unless a Markdown mark was taken off its start */
	return tab | (whole && o == n ? CLEAN_SAME : 0);
}

static struct para *
at(struct splitter *sp, size_t k)
{
	return &sp->ring[(sp->head + k) % RING];
}

static void
pop(struct splitter *sp, size_t k)
{
	sp->head = (sp->head + k) % RING;
	sp->count -= k;
}

static void
copy_buf(struct buf *to, const struct buf *from)
{
	buf_reset(to);
	if (from->len)
		buf_append(to, from->data, from->len);
}

/* The state sp->tail is made of was written: make it again. */
static inline void
stale_tail(struct splitter *sp)
{
	sp->tail_valid = 0;
}

/* Rebuild sp->tail when the state it was made from was written. */
static void
update_tail(struct splitter *sp)
{
	if (sp->tail_valid)
		return;
	sp->tail_valid = 1;
	buf_reset(&sp->tail);
	buf_putc(&sp->tail, '\t');
	buf_puts(&sp->tail, section_names[sp->section]);
	buf_putc(&sp->tail, '\t');
	buf_puts(&sp->tail, sp->date);
	buf_putc(&sp->tail, '\t');
	tsv_escape(&sp->tail, sp->body.data, sp->body.len);
	buf_putc(&sp->tail, '\t');
	if (sp->section == SEC_MINUTES)
		tsv_escape(&sp->tail, sp->minute.data, sp->minute.len);
	buf_putc(&sp->tail, '\t');
	if (sp->section == SEC_MINUTES || sp->section == SEC_REPORT)
		tsv_escape(&sp->tail, sp->title.data, sp->title.len);
	buf_putc(&sp->tail, '\t');
}

/*
 * Output lines are gathered in sp->outbuf and written OUT_CHUNK bytes at a
 * time: a call to fwrite for each line, or each field, cost a tenth of the
 * time.  Everything is written by splitter_finish.  minutes-split leaves
 * stdout unbuffered, so a block is one write of up to 64 KiB (the size
 * stdio_setup gives the other filters' buffers), not copied on.
 */
#define OUT_CHUNK 65536

static void
flush_out(struct splitter *sp, FILE *out)
{
	if (sp->outbuf.len)
		fwrite(sp->outbuf.data, 1, sp->outbuf.len, out);
	buf_reset(&sp->outbuf);
}

/*
 * n bytes from s to w (s may be NULL when n is 0: an empty buf); the
 * end of the copy.  A lead and a tail are mostly 64 bytes or fewer:
 * copied inline, in blocks of sixteen (the last one ending at n, none
 * read or written past it), not by a call of memcpy each.
 */
static inline char *
put(char *w, const char *s, size_t n)
{
#ifdef __SSE2__
	if (n > 32 && n <= 64) {
		size_t i;

		for (i = 0; i + 16 < n; i += 16)
			_mm_storeu_si128((void *)(w + i), _mm_loadu_si128((const void *)(s + i)));
		_mm_storeu_si128((void *)(w + n - 16), _mm_loadu_si128((const void *)(s + n - 16)));
		return w + n;
	}
#endif
	if (n)
		copy_small(w, s, n);
	return w + n;
}

static void
emit_text(struct splitter *sp, FILE *out, const struct para *at_p,
    const char *text, size_t len)
{
	char *w;
	size_t head;
	struct buf *b = &sp->outbuf;

	update_tail(sp);
	head = at_p->lead.len + sp->tail.len;
	if (b->len + head + len + 1 > OUT_CHUNK)
		flush_out(sp, out);
	if (len >= OUT_CHUNK) {
		/* a long text is written from where it is, not copied */
		buf_reserve(b, head);
		w = put(b->data + b->len, at_p->lead.data, at_p->lead.len);
		w = put(w, sp->tail.data, sp->tail.len);
		b->len = (size_t)(w - b->data);
		flush_out(sp, out);
		fwrite(text, 1, len, out);
		putc('\n', out);
		return;
	}
	buf_reserve(b, head + len + 1);
	w = put(b->data + b->len, at_p->lead.data, at_p->lead.len);
	w = put(w, sp->tail.data, sp->tail.len);	/* it starts with the TAB after page */
	w = put(w, text, len);	/* already escaped */
	*w++ = '\n';
	*w = '\0';
	b->len = (size_t)(w - b->data);
}

/*
 * Write p.  Most lines fit in the block being gathered, under columns
 * already made: copied here, without emit_text's call (one a line).
 */
static inline void
emit(struct splitter *sp, FILE *out, struct para *p)
{
	struct buf *b = &sp->outbuf;
	size_t need = b->len + p->lead.len + sp->tail.len + p->raw.len + 1;
	char *w;

	if (!sp->tail_valid || need > OUT_CHUNK || need >= b->cap) {
		emit_text(sp, out, p, p->raw.data, p->raw.len);
		return;
	}
	w = put(b->data + b->len, p->lead.data, p->lead.len);
	w = put(w, sp->tail.data, sp->tail.len);
	w = put(w, p->raw.data, p->raw.len);
	*w++ = '\n';
	*w = '\0';
	b->len = (size_t)(w - b->data);
}

static void
reset_state(struct splitter *sp)
{
	sp->section = SEC_OTHER;
	sp->date[0] = '\0';
	buf_reset(&sp->body);
	buf_reset(&sp->title);
	buf_reset(&sp->minute);
	stale_tail(sp);
	sp->have_item = 0;
	sp->last = 0;
	sp->ngroups = 0;
	sp->style = ST_NONE;
	sp->prefix[0] = '\0';
	sp->in_resolved = 0;
	sp->dotted = 0;
	sp->heading_left = 0;
	sp->web = sp->web_pending = sp->web_other = sp->web_labels = 0;
	sp->web_expect = -1;
}

static void
enter(struct splitter *sp, int section)
{
	reset_state(sp);
	sp->section = section;
	stale_tail(sp);
}

/*
 * Does ni follow the last item's number, a little above it (omitted
 * exempt items leave small gaps)?  *step = how far.  A number of several
 * groups ("HWB23/11", "PC/46/19", "CAB/2024/08") is judged on the one
 * group that changed, whatever the board and year groups around it.
 */
static int
next_in_sequence(const struct splitter *sp, const struct minute_no *ni, long *step)
{
	long v = ni->value, last = sp->last;
	int k, changed = -1;

	if (ni->style == ST_DATED && ni->ngroups == 3 && sp->ngroups == 3) {
		/*
		 * Year and month repeat the meeting's date, and clerks misprint
		 * them ("18.11.11" after "18.01.10"); the running number is the
		 * sequence.  It may even step back by one or two where the order
		 * of business changed ("17.5.2" then "17.05.1"), but only when
		 * year and month agree.
		 */
		*step = ni->group[2] - sp->group[2];
		if (*step >= 1 && *step <= 8)
			return 1;
		/* the last one misprinted ("16.05.15" then "17.05.15") */
		if (*step == 0 && ni->group[0] == sp->meeting_ym[0] &&
		    ni->group[1] == sp->meeting_ym[1] &&
		    (sp->group[0] != sp->meeting_ym[0] || sp->group[1] != sp->meeting_ym[1]))
			return 1;
		return *step >= -2 && *step <= -1 && ni->group[0] == sp->group[0] &&
		    ni->group[1] == sp->group[1];
	}
	if (ni->ngroups > 1 && ni->ngroups == sp->ngroups) {
		for (k = 0; k < ni->ngroups; k++) {
			if (ni->group[k] == sp->group[k])
				continue;
			if (changed >= 0)
				return 0;	/* two groups moved: another series */
			changed = k;
		}
		if (changed < 0)
			return 0;	/* the same number again */
		v = ni->group[changed];
		last = sp->group[changed];
	}
	*step = v - last;
	return *step >= 1 && *step <= 8;
}

/* Offset of the first ' ', '|' or '\\' in raw[i..n), or n: sixteen bytes
 * a look with SSE2 (table_row asks it of every word of a paragraph). */
static inline size_t
next_space_bar(const char *raw, size_t i, size_t n)
{
#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const void *)(raw + i));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('|'))),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));

		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i < n && raw[i] != ' ' && raw[i] != '|' && raw[i] != '\\')
		i++;
	return i;
}

/*
 * A row of a table flattened into one paragraph: cells kept apart by
 * pipes or by gaps of two or more spaces (or a TAB) after the first
 * cell, as converters leave a declarations table ("41 – Proposed Precept
 * 2024/25  Personal  Member of …").  One gap is allowed: the space
 * between a number in a left column and its title.
 */
static int
table_row(const char *raw, size_t n)
{
	size_t i = 0, gaps = 0;

	while (i < n && raw[i] == ' ')
		i++;
	for (; i < n; i++) {
		size_t run = 0, tabs = 0;

		/* other bytes at the head of the loop change nothing: skipped */
		i = next_space_bar(raw, i, n);
		if (i == n)
			break;
		if (raw[i] == '|')
			return 1;
		if (raw[i] == '\\' && i + 1 < n && raw[i + 1] == '\\') {
			i++;	/* an escaped backslash */
			continue;
		}
		/* a run of spaces and escaped TABs */
		while (i < n && (raw[i] == ' ' || (raw[i] == '\\' && i + 1 < n && raw[i + 1] == 't'))) {
			if (raw[i] == '\\') {
				tabs++;
				i++;
			}
			run++;
			i++;
		}
		if ((run >= 2 || tabs > 0) && ++gaps >= 2)
			return 1;	/* nothing later undoes it */
		if (i < n && raw[i] == '|')
			return 1;
	}
	return 0;
}

/*
 * Where a heading's title starts in its raw text after a minute
 * reference and the agenda's item number ("C048/23   1.   APOLOGIES"):
 * the gaps around the item number are the heading's, not a table's.
 */
static size_t
after_two_words(const char *raw, size_t n)
{
	size_t i = 0, w;

	for (w = 0; w < 2; w++) {
		while (i < n && raw[i] == ' ')
			i++;
		while (i < n && raw[i] != ' ')
			i++;
	}
	return i;
}

/*
 * A kind of interest as the title: "Item 16 – Personal – …", a row of a
 * declarations table, never an item of its own.
 */
static int
interest_title(const char *t, size_t n)
{
	size_t i = 0;

	while (i < n && !is_alpha((unsigned char)t[i]))
		i++;
	return in_words(t + i, n - i, &interest_kinds);
}

/*
 * Is there, at ring position from on (within the lookahead), a heading
 * that carries the number want above the last item's, in the style of
 * the section's items (exact: that very style, "22." not "22")?  When the
 * next number (want 1) is ahead, a number further on at the head is no
 * item: a row of a table, a reference ("Item 16 – …") or a list entry.
 * When the head's own number is ahead in the section's exact style, the
 * head in another style is a table row or list entry that mentions it.
 */
static int
expected_ahead(struct splitter *sp, size_t from, int style, long want, int exact)
{
	struct minute_no nj;
	size_t j, k, bs, be;
	long step;
	char iso[DATE_ISO_LEN + 1];
	int has_date;

	/*
	 * The first heading with the number wanted, then the end of the
	 * minutes before it (a paragraph that ends them: what follows
	 * numbers its own).  The same answer as one pass that stops at the
	 * end, but the tests for the end (the times, the chair, a minutes
	 * heading: each a pass over the paragraph) are asked only when
	 * there is such a heading, seldom.
	 */
	for (j = from; j < sp->count && j < SPLIT_LOOKAHEAD; j++) {
		struct para *q = at(sp, j);
		const char *c = q->clean.data;
		size_t n = q->clean.len;

		if (!minute_number(c, n, &nj) || !next_in_sequence(sp, &nj, &step) || step != want)
			continue;
		if (!(nj.style == style || (!exact && nj.style == ST_BARE && style == ST_DOT) ||
		    (!exact && nj.style == ST_DOT && style == ST_BARE)))
			continue;
		if (nj.only ? j + 1 < sp->count : (title_like(c + nj.ts, n - nj.ts, 1, 0) ||
		    run_in_cut(c + nj.ts, n - nj.ts, 1, 0) || caps_cut(c + nj.ts, n - nj.ts)))
			break;
	}
	if (j >= sp->count || j >= SPLIT_LOOKAHEAD)
		return 0;
	for (k = from; k <= j; k++) {
		struct para *q = at(sp, k);
		const char *c = q->clean.data;
		size_t n = q->clean.len;

		if (times_line(c, n) || p_chair(q) || closing_line(c, n) ||
		    report_of(c, n) || p_minutes_heading(q, &bs, &be, iso, &has_date) == 1)
			return 0;
	}
	return 1;
}

/*
 * Is there an agenda reference "(Item 4)" at ring position from + m (m
 * 0 to 2), the paragraphs before it being lines of a wrapped title (short,
 * title-like, no full stop, no number of their own)?  Returns m + 1, or 0.
 */
static size_t
ref_after_wrap(struct splitter *sp, size_t from)
{
	struct minute_no ni;
	size_t m, k, ns, ne;

	for (m = 0; m < 3 && from + m < sp->count; m++) {
		struct para *q = at(sp, from + m);

		if (item_ref_line(q->clean.data, q->clean.len, &ns, &ne)) {
			for (k = 0; k < m; k++) {
				struct para *w = at(sp, from + k);
				const char *u = w->clean.data;
				size_t un = w->clean.len;

				if (un == 0 || un > 120 || u[un - 1] == '.' ||
				    in_words(u, un, &attendance_labels) ||
				    (minute_number(u, un, &ni) && !ni.only) || !title_like(u, un, 0, 0))
					return 0;
			}
			return m + 1;
		}
	}
	return 0;
}

/*
 * Where the title of the head's number ni is: the paragraph after a
 * number standing alone ("12." over "Apologies"), else the rest of the
 * head.  0 when a lone number has no next paragraph or that paragraph
 * is numbered itself.
 */
static int
head_title(struct splitter *sp, const struct minute_no *ni, size_t *tpara,
    struct para **tp, const char **t, size_t *tn)
{
	struct minute_no other;

	if (ni->only) {
		if (sp->count < 2)
			return 0;
		*tpara = 1;
		*tp = at(sp, 1);
		*t = (*tp)->clean.data;
		*tn = (*tp)->clean.len;
		return !minute_number(*t, *tn, &other);
	}
	*tpara = 0;
	*tp = at(sp, 0);
	*t = (*tp)->clean.data + ni->ts;
	*tn = (*tp)->clean.len - ni->ts;
	return 1;
}

/*
 * Is ni in the numbering of the section's items so far: the same style
 * ("22." and "22" count as one), the same letters or year before the
 * running number?
 */
static int
same_series(const struct splitter *sp, const struct minute_no *ni)
{
	int same = ni->style == sp->style ||
	    (ni->style == ST_BARE && sp->style == ST_DOT) ||
	    (ni->style == ST_DOT && sp->style == ST_BARE);

	return same && !((ni->style == ST_PREFIX || ni->style == ST_YEARNUM) &&
	    strcmp(ni->prefix, sp->prefix) != 0);
}

/*
 * Is the head paragraph a minute item heading?  If so write it (joined
 * with its title paragraph when the number stands alone; cut from the
 * item's first sentence when the two were run together) and return 1.
 */
static int
try_item(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0), *tp;
	const char *c = p->clean.data, *t;
	size_t n = p->clean.len, tn, used, k, cut = 0, rawcut = 0, rs, re;
	size_t tpara;		/* the paragraph holding the title */
	size_t refpara = 0;	/* the paragraph "(Item 4)" below it, if any */
	struct minute_no ni, other;
	char iso[DATE_ISO_LEN + 1];
	int strict;
	long step;

	if (!minute_number(c, n, &ni))
		return 0;
	if (ni.style == ST_BARE && date_parse(c, n, iso))
		return 0;	/* "3 June 2025" under the chair's signature */
	if (tally_line(c, n))
		return 0;	/* "9 For, 2 Against, 1 Abstention" */
	if (!head_title(sp, &ni, &tpara, &tp, &t, &tn))
		return 0;
	used = tpara + 1;
	if (table_row(tp->raw.data + (ni.agenda_no ? after_two_words(tp->raw.data,
	    tp->raw.len) : 0), tp->raw.len - (ni.agenda_no ?
	    after_two_words(tp->raw.data, tp->raw.len) : 0)) ||
	    (sp->have_item && interest_title(t, tn)))
		return 0;
	/* Sequence: same style, a number a little above the last one. */
	if (sp->style != ST_NONE) {
		if (!same_series(sp, &ni))
			return 0;
		if (!next_in_sequence(sp, &ni, &step))
			return 0;
		/* a number stepping back (ST_DATED only) has no such test */
		if (step > 1 && expected_ahead(sp, tpara + 1, sp->style, 1, 0))
			return 0;
		if (step > 0 && ni.style != ST_DATED &&
		    expected_ahead(sp, tpara + 1, sp->style, step, 1))
			return 0;
		strict = step != 1 || ni.style == ST_BARE;
	} else {
		if (ni.style == ST_BARE && ((ni.value >= 1800 && ni.value <= 2100) ||
		    count_words(t, tn) > 12))
			return 0;	/* "2015 Children and Families" in a list (a
					 * council numbering its minutes on from
					 * year to year is at 1358, no year) */
		strict = 1;
	}
	cut = colon_cut(t, tn, strict, sp->in_resolved);
	if (!cut)
		cut = caps_cut(t, tn);
	if (!cut)
		cut = opener_cut(t, tn, strict, sp->in_resolved);
	if (cut || !title_like(t, tn, strict, sp->in_resolved)) {
		if (!cut)
			cut = run_in_cut(t, tn, strict, sp->in_resolved);
		if (!cut)
			return 0;
		/* Where the rest starts in the raw text: its first bytes found again. */
		{
			const char *rest = t + cut;
			size_t rl = tn - cut, probe = 0, f;

			while (rl > 0 && *rest == ' ')
				rest++, rl--;
			while (probe < rl && probe < 24 && rest[probe] != '\\' && rest[probe] != '*' &&
			    rest[probe] != '_' && rest[probe] != '<')
				probe++;
			if (probe == 0)
				return 0;
			{
				char needle[32];

				memcpy(needle, rest, probe);
				needle[probe] = '\0';
				f = find(tp->raw.data, tp->raw.len, needle, 0);
			}
			if (f >= tp->raw.len)
				return 0;
			rawcut = f;
		}
		tn = cut;
	} else if (sp->count > used) {
		/* A title that runs on into the next paragraph. */
		struct para *q = at(sp, used);
		const char *u = q->clean.data;
		size_t un = q->clean.len;

		if (un > 0 && un <= 120 && !minute_number(u, un, &other) &&
		    title_like(u, un, 0, 0) &&
		    (title_continues(t, tn) || wrapped_tail(sp->dotted, t, tn, u, un)))
			used++;
		else if (un > 0 && un <= 12 && takes_number(t, tn) &&
		    is_digit((unsigned char)u[0]) && (sp->dotted > 0 || tn >= 60) && u[un - 1] == '.')
			used++;	/* "… Procedure Rule" / "16." */
	}
	/*
	 * "(Item 4)" printed below the title, maybe under the title's
	 * wrapped lines: of the heading, not of the title.
	 */
	if (!cut && (k = ref_after_wrap(sp, used)) > 0) {
		used += k;
		refpara = used - 1;
	}

	/* The item's minute and title. */
	buf_set(&sp->minute, c + ni.ns, ni.ne - ni.ns);
	buf_set(&sp->title, t, tn);
	for (k = tpara + 1; k < used; k++) {
		if (k == refpara)
			continue;
		buf_putc(&sp->title, ' ');
		buf_append(&sp->title, at(sp, k)->clean.data, at(sp, k)->clean.len);
	}
	if ((k = item_ref_tail(sp->title.data, sp->title.len, &rs, &re)) > 0)
		sp->title.len = k;
	if (sp->title.len > 0 && sp->title.data[sp->title.len - 1] == '.')
		sp->dotted++;
	else
		sp->dotted--;
	while (sp->title.len > 0 && (sp->title.data[sp->title.len - 1] == ' ' ||
	    sp->title.data[sp->title.len - 1] == '.' || (cut && sp->title.data[sp->title.len - 1] == ':')))
		sp->title.len--;
	sp->title.data[sp->title.len] = '\0';
	stale_tail(sp);

	sp->have_item = 1;
	sp->last = ni.value;
	if (ni.style == ST_DATED && sp->style != ST_DATED) {
		sp->meeting_ym[0] = ni.group[0];
		sp->meeting_ym[1] = ni.group[1];
	}
	memcpy(sp->group, ni.group, sizeof sp->group);
	sp->ngroups = ni.ngroups;
	if (sp->style == ST_NONE || ni.style != ST_BARE)
		sp->style = ni.style;
	memcpy(sp->prefix, ni.prefix, sizeof sp->prefix);
	sp->in_resolved = 0;

	/* One heading paragraph: the texts as printed, joined by a space. */
	buf_reset(&sp->text);
	for (k = 0; k < used; k++) {
		struct para *q = at(sp, k);
		size_t len = q->raw.len;

		if (k > 0)
			buf_putc(&sp->text, ' ');
		if (cut && k == tpara) {
			len = rawcut;
			while (len > 0 && q->raw.data[len - 1] == ' ')
				len--;
		}
		buf_append(&sp->text, q->raw.data, len);
	}
	emit_text(sp, out, p, sp->text.data, sp->text.len);
	if (cut)
		emit_text(sp, out, tp, tp->raw.data + rawcut, tp->raw.len - rawcut);
	pop(sp, used);
	return 1;
}

/*
 * A title over its agenda reference, "Work Programme" / "(Item 12)", or
 * run together with it, "Work Programme (Item 12)", with no minute number
 * printed before the title: an item whose minute is the agenda number
 * (ST_BELOW).  Writes the heading (one line, as try_item) and returns 1.
 */
static int
try_item_below(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0), *q = NULL;
	const char *c = p->clean.data, *num;
	size_t n = p->clean.len, ns, ne, te, used = 1, k;
	struct minute_no ni;
	long step;

	if (minute_number(c, n, &ni))
		return 0;	/* a numbered heading is try_item's */
	if ((k = ref_after_wrap(sp, 1)) > 0) {
		if (k > 1 && in_words(c, n, &attendance_labels))
			return 0;	/* "PRESENT: …" is no title's first line */
		used = 1 + k;
		q = at(sp, used - 1);
		item_ref_line(q->clean.data, q->clean.len, &ns, &ne);
		num = q->clean.data + ns;
		te = n;
	} else if ((te = item_ref_tail(c, n, &ns, &ne)) > 0) {
		num = c + ns;
	} else {
		return 0;
	}
	while (te > 0 && (c[te - 1] == ' ' || c[te - 1] == '.'))
		te--;
	if (!title_like(c, te, 1, 0) || resolved_line(c, te))
		return 0;
	memset(&ni, 0, sizeof ni);
	ni.style = ST_BELOW;
	for (k = 0; k < ne - ns; k++)
		ni.value = ni.value * 10 + (num[k] - '0');
	ni.group[0] = ni.value;
	ni.ngroups = 1;
	if (sp->style != ST_NONE && (sp->style != ST_BELOW || !next_in_sequence(sp, &ni, &step)))
		return 0;

	buf_set(&sp->minute, num, ne - ns);
	buf_set(&sp->title, c, te);
	for (k = 1; k + 1 < used; k++) {
		buf_putc(&sp->title, ' ');
		buf_append(&sp->title, at(sp, k)->clean.data, at(sp, k)->clean.len);
	}
	stale_tail(sp);
	sp->have_item = 1;
	sp->last = ni.value;
	memcpy(sp->group, ni.group, sizeof sp->group);
	sp->ngroups = 1;
	sp->style = ST_BELOW;
	sp->prefix[0] = '\0';
	sp->in_resolved = 0;

	buf_reset(&sp->text);
	for (k = 0; k < used; k++) {
		if (k > 0)
			buf_putc(&sp->text, ' ');
		buf_append(&sp->text, at(sp, k)->raw.data, at(sp, k)->raw.len);
	}
	emit_text(sp, out, p, sp->text.data, sp->text.len);
	pop(sp, used);
	return 1;
}

/* Does ring paragraph j open a numbered item heading ("283. Apologies")? */
static int
numbered_heading_at(struct splitter *sp, size_t j)
{
	struct para *q = at(sp, j);
	struct minute_no ni;

	/* Asked of every paragraph each head's lookahead passes over (a
	 * table of figures is a column of numbers, each tried as a title):
	 * kept once known.  A number alone waits for its next paragraph. */
	if (q->nh >= 0)
		return q->nh;
	if (!minute_number(q->clean.data, q->clean.len, &ni))
		q->nh = 0;
	else if (!ni.only)
		q->nh = (signed char)title_like(q->clean.data + ni.ts, q->clean.len - ni.ts, 1, 0);
	else if (j + 1 < sp->count)
		q->nh = (signed char)title_like(at(sp, j + 1)->clean.data,
		    at(sp, j + 1)->clean.len, 1, 0);
	else
		return 0;
	return q->nh;
}

/*
 * Does ring paragraph j open a decision, "RESOLVED that …", also as a
 * numbered paragraph ("2. RESOLVED that …")?
 */
static int
resolved_at(struct splitter *sp, size_t j)
{
	struct para *q = at(sp, j);
	struct minute_no ni;
	size_t ts = 0;

	if (minute_number(q->clean.data, q->clean.len, &ni) && !ni.only)
		ts = ni.ts;
	return resolved_line(q->clean.data + ts, q->clean.len - ts);
}

/*
 * An unnumbered item before the first numbered one, as an "Election of
 * Chair" is printed before minute 1: a short mixed-case title, then its
 * text (not another title), a decision ("RESOLVED …") within a few
 * paragraphs, and after it a numbered item heading within the lookahead.
 * A title in capitals is left alone: that is how section labels
 * ("UNRESTRICTED ITEMS", "PART 1") are printed.  Writes the heading with
 * an empty minute and returns 1.
 */
static int
try_item_unnumbered(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0), *q;
	const char *c = p->clean.data;
	size_t n = p->clean.len, j, te = n, ns, ne;
	struct minute_no ni;
	int decided = 0;

	if (sp->style != ST_NONE || sp->count < 4 || n > 80 || count_words(c, n) > 8 ||
	    c[n - 1] == ':' || p_caps(p) || minute_number(c, n, &ni) ||
	    item_ref_line(c, n, &ns, &ne) ||
	    resolved_line(c, n) || !title_like(c, n, 1, 0))
		return 0;
	q = at(sp, 1);
	if (q->clean.len == 0 || (q->clean.data[q->clean.len - 1] != '.' &&
	    title_like(q->clean.data, q->clean.len, 1, 0)))
		return 0;	/* a title over another: a label, not an item */
	for (j = 1; j < sp->count && j < SPLIT_LOOKAHEAD; j++) {
		if (numbered_heading_at(sp, j))
			break;
		if (j <= 5 && resolved_at(sp, j))
			decided = 1;
	}
	if (!decided || j >= sp->count || j >= SPLIT_LOOKAHEAD)
		return 0;

	while (te > 0 && (c[te - 1] == ' ' || c[te - 1] == '.'))
		te--;
	buf_reset(&sp->minute);
	buf_set(&sp->title, c, te);
	stale_tail(sp);
	sp->have_item = 1;
	sp->in_resolved = 0;
	emit(sp, out, p);
	pop(sp, 1);
	return 1;
}

/*
 * More bytes than a date can take in clean text, where spaces are single:
 * the longest, "Wednesday., 12th of -September-, 2025", takes 37.
 */
#define DATE_REACH 64

/*
 * Is the head paragraph the start of a report heading: capitals holding
 * the meeting's name and date, the title, and "REPORT OF …" (before or
 * after the title), ended by a paragraph of text or "Purpose of the
 * report"?  On success sets the report state and the number of heading
 * paragraphs still to come.
 */
/*
 * Can q give try_report_heading the anchor or the end it needs: does it
 * open with "REPORT OF …" or "Purpose of the report", or hold an anchor
 * run into it?  Asked of the paragraphs ahead of every capitals line,
 * kept once known.
 */
static int
report_mark(struct para *q)
{
	if (q->rep < 0) {
		const char *c = q->clean.data;
		size_t n = q->clean.len, ra;
		int m = report_of(c, n) || report_purpose(c, n);

		for (ra = 0; !m && ra < report_anchors.n; ra++)
			m = find_n(c, n, report_anchors.w[ra], report_anchors.len[ra], 0) < n;
		q->rep = (signed char)m;
	}
	return q->rep;
}

static int report_heading(struct splitter *sp, int mixed, size_t from)
    __attribute__((noinline));

/*
 * What a heading's first line must be is asked before what it must not
 * be (a "REPORT OF" line, the chair's, the times): most paragraphs are
 * none of the first, and the answer is the same.  Asked here, inline in
 * process_head; the rest in report_heading, out of line (its frame, for
 * every paragraph, cost more than these tests).
 */
static inline __attribute__((always_inline)) int
try_report_heading(struct splitter *sp)
{
	struct para *p = at(sp, 0);
	char iso[DATE_ISO_LEN + 1];
	size_t from = 0;
	int mixed = 0;

	if (p_body_date(p) ||
	    (sp->count > 1 && p_body(p) &&
	    date_parse(at(sp, 1)->clean.data, at(sp, 1)->clean.len, iso))) {
		/* "Cabinet – 14 October 2025": the title lines may be mixed case */
		mixed = !p_caps(p);
	} else if (!p_caps(p)) {
		/* The heading run into the end of the paragraph before it. */
		from = caps_tail(p->clean.data, p->clean.len);
		if (from == 0)
			return 0;
	}
	return report_heading(sp, mixed, from);
}

/* try_report_heading past its first line's shape (mixed case titles,
 * or the heading from p's byte from on). */
static int
report_heading(struct splitter *sp, int mixed, size_t from)
{
	struct para *p = at(sp, 0);
	size_t k, ds = 0, de = 0, bs, be, ts, te, after_anchor = 0, was, ra;
	char iso[DATE_ISO_LEN + 1];
	int anchors = 0, purpose = 0, dated = 0;
	struct para *anchor_title = NULL;	/* "REPORT OF THE CLERK: TITLE" */
	size_t anchor_colon = 0;

	if (report_of(p->clean.data, p->clean.len) || p_chair(p) ||
	    times_line(p->clean.data, p->clean.len))
		return 0;
	/*
	 * A heading needs an anchor or the report's "Purpose" (below: a
	 * paragraph that opens with one, or an anchor run into a line of
	 * the heading, which ends at the first other line): without one
	 * ahead, the lines are not joined nor searched for their date.
	 */
	for (k = 0; k < sp->count && k < SPLIT_LOOKAHEAD; k++) {
		struct para *q = at(sp, k);

		if (k == 0 || q->clean.len == 0) {
			if (report_mark(q))
				break;
		} else if (p_caps(q) || (mixed && title_line(q->clean.data, q->clean.len))) {
			if (report_mark(q))
				break;
		} else {
			if (report_of(q->clean.data, q->clean.len) ||
			    report_purpose(q->clean.data, q->clean.len))
				break;
			return 0;
		}
	}
	if (k == sp->count || k == SPLIT_LOOKAHEAD)
		return 0;
	buf_reset(&sp->joined);
	for (k = 0; k < sp->count && k < SPLIT_LOOKAHEAD; k++) {
		struct para *q = at(sp, k);
		const char *c = q->clean.data + (k == 0 ? from : 0);
		size_t n = q->clean.len - (k == 0 ? from : 0), f;

		if (n == 0)
			continue;
		if (k > 0 && report_purpose(c, n)) {
			purpose = 1;
			break;
		}
		if (k > 0 && report_of(c, n)) {
			anchors++;
			if (!anchor_title) {
				size_t colon = find(c, n, ": ", 0);

				if (colon < n) {
					anchor_title = q;
					anchor_colon = colon + 2;
				}
			}
			if (dated && sp->joined.len > de) {
				k++;	/* the title came first: the anchor ends it */
				break;
			}
			continue;
		}
		if (!((k == 0 && from > 0 ? caps_line(c, n) : p_caps(q)) || (mixed && (k == 0 || title_line(c, n)))) ||
		    (anchors && ++after_anchor > 3))
			break;
		/* An anchor run into a title line (report_anchor, in its case). */
		for (f = n, ra = 0; ra < report_anchors.n; ra++) {
			size_t at_r = find_n(c, n, report_anchors.w[ra], report_anchors.len[ra], 0);

			if (at_r < f)
				f = at_r;
		}
		was = sp->joined.len;
		if (sp->joined.len)
			buf_putc(&sp->joined, ' ');
		buf_append(&sp->joined, c, f < n ? f : n);
		if (!dated) {
			/*
			 * What was joined before holds no date, so a date now
			 * ends in the part just added (one that fits before it
			 * would have been found there) and starts at most
			 * DATE_REACH bytes before.  It is searched for from a
			 * space before that, where date_find sees a word start as
			 * in the whole: many lines of figures were searched again
			 * and again from the start.
			 */
			size_t r = was > DATE_REACH ? was - DATE_REACH : 0;

			while (r > 0 && sp->joined.data[r - 1] != ' ')
				r--;
			dated = date_find(sp->joined.data + r, sp->joined.len - r, iso, &ds, &de);
			if (dated) {
				ds += r;
				de += r;
			}
			if (dated && ds > 200)
				return 0;
		}
		if (f < n) {
			anchors++;
			k++;
			break;
		}
	}
	if (!dated || (!anchors && !purpose))
		return 0;
	bs = 0;
	be = ds;
	trim_seps(sp->joined.data, &bs, &be);
	ts = de;
	te = sp->joined.len;
	trim_seps(sp->joined.data, &ts, &te);
	if (te <= ts && anchor_title) {
		/* no title line: the one after the colon of "REPORT OF …: TITLE" */
		buf_putc(&sp->joined, ' ');
		ts = sp->joined.len;
		buf_append(&sp->joined, anchor_title->clean.data + anchor_colon,
		    anchor_title->clean.len - anchor_colon);
		te = sp->joined.len;
		trim_seps(sp->joined.data, &ts, &te);
	}
	if (te < ts)
		te = ts;
	enter(sp, SEC_REPORT);
	memcpy(sp->date, iso, sizeof sp->date);
	buf_set(&sp->body, sp->joined.data + bs, be - bs);
	buf_set(&sp->title, sp->joined.data + ts, te - ts);
	stale_tail(sp);
	sp->heading_left = (int)k - 1;
	return 1;
}

/*
 * A report's cover table: "Report to: Cabinet", "Date of meeting: 14
 * October 2025", "Report of: …", "Title: …" — one field a paragraph or
 * run together.  On success sets the report state.
 */
static int
try_report_cover(struct splitter *sp)
{
	struct para *p = at(sp, 0);
	size_t k, a, b;
	char iso[DATE_ISO_LEN + 1];
	int dated = 0;

	if (cover_first_field(p->clean.data, p->clean.len) == 0)
		return 0;
	buf_reset(&sp->joined);
	for (k = 0; k < sp->count && k < 8; k++) {
		struct para *q = at(sp, k);
		size_t colon = find(q->clean.data, q->clean.len, ":", 0);

		/* each paragraph opens with a field name of a few words */
		if (q->clean.len == 0 || colon >= q->clean.len || colon > 30 ||
		    count_words(q->clean.data, colon) > 4)
			break;
		if (k > 0)
			buf_putc(&sp->joined, ' ');
		buf_append(&sp->joined, q->clean.data, q->clean.len);
	}
	if (cover_value(sp->joined.data, sp->joined.len, COVER_DATE, &a, &b))
		dated = date_find(sp->joined.data + a, b - a, iso, NULL, NULL);
	enter(sp, SEC_REPORT);
	if (dated)
		memcpy(sp->date, iso, sizeof sp->date);
	if (cover_value(sp->joined.data, sp->joined.len, COVER_BODY, &a, &b))
		buf_set(&sp->body, sp->joined.data + a, b - a);
	if (cover_value(sp->joined.data, sp->joined.len, COVER_TITLE, &a, &b))
		buf_set(&sp->title, sp->joined.data + a, b - a);
	stale_tail(sp);
	sp->heading_left = k > 0 ? (int)k - 1 : 0;
	return 1;
}

/*
 * An agenda's front page starts at the head paragraph: take the body
 * from its "Meeting:" line and the date from its "Date/Time:" line,
 * whichever comes first, from the next few paragraphs.
 */
static void
front_fields(struct splitter *sp)
{
	char iso[DATE_ISO_LEN + 1];
	size_t k, v;

	for (k = 0; k < sp->count && k < 6; k++) {
		struct para *q = at(sp, k);
		const char *c = q->clean.data;
		size_t n = q->clean.len;

		if (!sp->body.len && (v = front_body_field(c, n)) > 0) {
			size_t a = v, b = n;

			trim_seps(c, &a, &b);
			buf_set(&sp->body, c + a, b - a);
		} else if (!sp->date[0] && front_date(c, n, iso)) {
			memcpy(sp->date, iso, sizeof sp->date);
		}
	}
	stale_tail(sp);
}

/*
 * The covering letter of a supplement to an agenda: "COUNTY COUNCIL -
 * THURSDAY, 13 MARCH 2025" with, within the next three paragraphs, the
 * "Agenda Item" the papers belong to (questions and their written
 * answers, late reports).  The papers are part of the agenda of that
 * meeting: its body and date.  1 when the head paragraph is one.
 */
static int
supplement_cover(struct splitter *sp)
{
	struct para *p = at(sp, 0);
	const char *c = p->clean.data;
	char iso[DATE_ISO_LEN + 1];
	size_t k, ds, a = 0, b;

	if (!p_body_date(p) || !date_find(c, p->clean.len, iso, &ds, NULL))
		return 0;
	for (k = 1; k < sp->count && k < 4; k++)
		if (prefix_in(at(sp, k)->clean.data, at(sp, k)->clean.len, &agenda_items))
			break;
	if (k >= sp->count || k >= 4)
		return 0;
	enter(sp, SEC_AGENDA);
	memcpy(sp->date, iso, sizeof sp->date);
	b = ds;
	trim_seps(c, &a, &b);
	if (b > a)
		buf_set(&sp->body, c + a, b - a);
	stale_tail(sp);
	return 1;
}

/* Front-page lines of an agenda; may switch other to agenda. */
static void
front_page(struct splitter *sp, const char *c, size_t n)
{
	char iso[DATE_ISO_LEN + 1];
	size_t k, w;

	if (sp->section == SEC_OTHER && supplement_cover(sp))
		return;
	if (front_body_field(c, n) > 0 || front_date(c, n, iso)) {
		if (sp->section != SEC_AGENDA) {
			enter(sp, SEC_AGENDA);
			front_fields(sp);
		}
		return;
	}
	if (sp->section == SEC_AGENDA)
		return;
	if (prefix_in(c, n, &agenda_heads) || prefix_in(c, n, &summons)) {
		/* "Agenda for the meeting of BODY on DATE …" */
		size_t m = n, ds, a, b, f;
		int dated = date_find(c, n, iso, &ds, NULL);
		const char *of = NULL;

		for (k = 0; meeting_of.w[k]; k++)
			if ((f = find_n(c, n, meeting_of.w[k], meeting_of.len[k], 1)) < m) {
				m = f;
				of = meeting_of.w[k];
			}
		enter(sp, SEC_AGENDA);
		if (dated)
			memcpy(sp->date, iso, sizeof sp->date);
		if (m < n) {
			a = m + strlen(of);
			if (starts_word(c + a, n - a, "the"))
				a = skip_word(c, a, n);
			b = body_end(c, a, dated && ds > a ? ds : n);
			trim_seps(c, &a, &b);
			if (b > a && b - a <= 150)
				buf_set(&sp->body, c + a, b - a);
		}
		stale_tail(sp);
		return;
	}
	/* "AGENDA", "Agenda:" alone */
	if (((w = word_in(c, n, &agenda_nouns)) > 0 && n <= w + 2 && (n == w || c[w] == ':')) ||
	    prefix_in(c, n, &agenda_notices)) {
		enter(sp, SEC_AGENDA);
		if (date_find(c, n, iso, NULL, NULL))
			memcpy(sp->date, iso, sizeof sp->date);
		stale_tail(sp);
	}
}

/* A post-nominal after a name, " CC" (in the case written). */
static int
has_postnominal(const char *c, size_t n)
{
	size_t k;

	for (k = 0; postnominals.w[k]; k++)
		if (find_n(c, n, postnominals.w[k], postnominals.len[k], 0) < n)
			return 1;
	return 0;
}

/*
 * Do minutes follow a heading at ring position k-1?  An attendance list
 * ("PRESENT", "Councillors:", "Cllr A …", "Apologies"), or an item
 * heading (not inside a report), within the next few paragraphs.  This
 * keeps a report's list of background papers ("Minutes of the meeting
 * of the Cabinet held on …") from opening a minutes section.  A heading
 * that ends the input is taken at its word.
 */
static int
minutes_follow(struct splitter *sp, size_t k)
{
	struct minute_no ni;
	size_t end = k + 6, j, ns, ne;

	if (k >= sp->count)
		return 1;
	/* "Minutes of the meeting held on DATE" / "(Item 3)": an item's title */
	if (item_ref_line(at(sp, k)->clean.data, at(sp, k)->clean.len, &ns, &ne))
		return 0;
	for (j = k; j < sp->count && j < end; j++) {
		struct para *q = at(sp, j);
		const char *c = q->clean.data;
		size_t n = q->clean.len;

		if (n == 0)
			continue;
		/* list_label opens a sentence as often as a list: only as "Word:" */
		if (in_words(c, n, &attendance_labels) || prefix_in(c, n, &member_titles) ||
		    (in_words(c, n, &list_words) && (n <= 40 || find(c, n, ":", 0) < 12)) ||
		    has_postnominal(c, n))
			return 1;
		/* inside a report a numbered heading is the report's own */
		if (sp->section == SEC_REPORT)
			continue;
		if (minute_number(c, n, &ni) && !ni.only &&
		    (title_like(c + ni.ts, n - ni.ts, 1, 0) || run_in_cut(c + ni.ts, n - ni.ts, 1, 0)))
			return 1;
		if (minute_number(c, n, &ni) && ni.only && j + 1 < sp->count &&
		    title_like(at(sp, j + 1)->clean.data, at(sp, j + 1)->clean.len, 1, 0))
			return 1;
	}
	return 0;
}

/*
 * A minutes heading cut inside the body's name: "Minutes of a meeting of
 * the Children and Families Overview and Scrutiny" / "Committee held at …
 * on DATE".  Add the start of the next paragraph, up to "held", to it.
 */
static void
body_goes_on(struct splitter *sp, const char *c, size_t ds)
{
	size_t a = 0, b = body_end(c, 0, ds);

	if (b == 0 || b > 60 || !is_upper((unsigned char)c[0]))
		return;
	trim_seps(c, &a, &b);
	if (b <= a)
		return;
	buf_putc(&sp->body, ' ');
	buf_append(&sp->body, c + a, b - a);
	stale_tail(sp);
}

/* The page a paragraph starts on (its page field "P" or "P,OFF,…"), or 0. */
static unsigned long
page_of(const struct para *q)
{
	unsigned long v = 0;
	size_t k;

	const char *pg = q->lead.data + q->lead.len - q->page_len;

	for (k = 0; k < q->page_len && k < 9 && is_digit((unsigned char)pg[k]); k++)
		v = v * 10 + (unsigned long)(pg[k] - '0');
	return v;
}

/*
 * Does the next item of the section's numbering open the next page,
 * within three paragraphs after the head?  Then a signature line at the
 * head is a page's foot ("Signed …… Chairman" printed on every page), not
 * the end of the minutes.  Without form feeds there are no pages to tell.
 */
static int
numbering_goes_on(struct splitter *sp)
{
	struct minute_no ni;
	size_t j;
	long step;
	unsigned long pg = page_of(at(sp, 0));

	if (sp->style == ST_NONE || sp->style == ST_BELOW || pg == 0)
		return 0;
	for (j = 1; j < sp->count && j <= 3; j++) {
		struct para *q = at(sp, j);

		if (!minute_number(q->clean.data, q->clean.len, &ni))
			continue;
		return page_of(q) > pg && ni.style == sp->style &&
		    next_in_sequence(sp, &ni, &step) && step >= 1 && step <= 2 &&
		    numbered_heading_at(sp, j);
	}
	return 0;
}

/* The date over the chair's line: "3 June 2025" / "CHAIRMAN". */
static int
signature_date(struct splitter *sp, const char *c, size_t n)
{
	char iso[DATE_ISO_LEN + 1];
	struct para *q;

	if (sp->count < 2 || n > 40 || !date_parse(c, n, iso))
		return 0;
	q = at(sp, 1);
	return p_chair(q) || times_line(q->clean.data, q->clean.len);
}

/* "Minutes" or "MINUTES OF MEETING" alone on a line of a stacked heading. */
static int
minutes_label(struct para *q)
{
	const char *c = q->clean.data;
	size_t n = q->clean.len, i;

	if (!in_words(c, n, &minutes_nouns) || n > 30)
		return 0;
	i = skip_word(c, 0, n);
	if (i < n && starts_word(c + i, n - i, "of"))
		i = skip_word(c, i, n);
	if (i < n && starts_word(c + i, n - i, "the"))
		i = skip_word(c, i, n);
	if (i < n && in_words(c + i, n - i, &meeting_nouns))
		i = skip_word(c, i, n);
	return i >= n;
}

/*
 * Minutes headed without "Minutes of": "CABINET – 4 MARCH 2025", or
 * "Cabinet" over "Tuesday, 4 March 2025", then at once "PRESENT" (or
 * first "MINUTES of the meeting held at PLACE", with no date).
 * Returns how many paragraphs the heading takes (1 to 3) with the date
 * in iso (and when the first paragraph holds it, where it starts in *ds,
 * which stays 0 otherwise), or 0.
 */
static size_t
untitled_minutes(struct splitter *sp, char *iso, size_t *ds)
{
	struct para *p = at(sp, 0), *q;
	size_t k;
	char iso2[DATE_ISO_LEN + 1];

	if (p_body_date(p)) {
		date_find(p->clean.data, p->clean.len, iso, ds, NULL);
		k = 1;
	} else if (sp->count > 1 && p_body(p) &&
	    date_parse(at(sp, 1)->clean.data, at(sp, 1)->clean.len, iso)) {
		k = 2;
	} else if (sp->count > 2 && p_body(p) && minutes_label(at(sp, 1)) &&
	    date_parse(at(sp, 2)->clean.data, at(sp, 2)->clean.len, iso)) {
		k = 3;	/* "Planning Committee" / "Minutes" / "12 March 2025" */
	} else {
		return 0;
	}
	if (k >= sp->count)
		return 0;
	q = at(sp, k);
	/* "MINUTES of the meeting held at PLACE.": the date is above it */
	if (in_words(q->clean.data, q->clean.len, &minutes_nouns) && q->clean.len <= 200 &&
	    !date_find(q->clean.data, q->clean.len, iso2, NULL, NULL) && k + 1 < sp->count)
		q = at(sp, ++k);
	if (in_words(q->clean.data, q->clean.len, &present_labels))
		return k;
	return 0;
}

/*
 * Committee web pages (doc/phrasebook/web-pages.md).  A meeting's page
 * lists its items, each a number over a title, the agenda's words about
 * it, the page's furniture ("Additional documents:") and then, after a
 * "Minutes:" label, the minute; an item's page holds one such item under
 * "Agenda item"; an issue's page gives the meeting in a line "Meeting:
 * DATE - BODY (Item N)".  The minute is the item's text: the agenda's
 * words before the label are written as section agenda, and a
 * "Decision:" block that a "Minutes:" block repeats as other, so the
 * rules never read them as what was decided.  The item's heading is its
 * number and title, joined with the label when only furniture stands
 * between them; when the agenda's words do, the item starts at the label.
 */

/* Write p under another section, the state kept. */
static void
emit_as(struct splitter *sp, FILE *out, struct para *p, int section)
{
	int keep = sp->section;

	sp->section = section;
	stale_tail(sp);
	emit(sp, out, p);
	sp->section = keep;
	stale_tail(sp);
}

enum { WEB_NONE, WEB_LABEL, WEB_NEXT, WEB_FAR };

/* Is ring paragraph k a decision's dated title ("13/02/2025 - Title")? */
static int
dated_title_at(struct splitter *sp, size_t k)
{
	char iso[DATE_ISO_LEN + 1];
	size_t ts, te;

	return web_dated_title(at(sp, k)->clean.data, at(sp, k)->clean.len, iso, &ts, &te);
}

/* Does the paragraph at ring position k end web_label_ahead's search
 * (the next item, an agenda item, a front page's field, a dated title)? */
static int
web_stop_at(struct splitter *sp, size_t k)
{
	struct para *q = at(sp, k);

	return numbered_heading_at(sp, k) ||
	    prefix_in(q->clean.data, q->clean.len, &agenda_items) ||
	    front_body_field(q->clean.data, q->clean.len) > 0 ||
	    (sp->decisions && dated_title_at(sp, k));
}

/*
 * What follows an item's title at ring position from: its label
 * (WEB_LABEL, at *j, *bare set when only furniture is between; a
 * "Decision:" gives way to a "Minutes:" further on), the next numbered
 * item first (WEB_NEXT), or neither within the lookahead (WEB_FAR).
 */
static int
web_label_ahead(struct splitter *sp, size_t from, size_t *j, int *bare)
{
	size_t k, dec = 0;
	int have_dec = 0, lab;

	*bare = 1;
	for (k = from; k < sp->count && k < SPLIT_LOOKAHEAD; k++) {
		struct para *q = at(sp, k);

		if ((lab = web_label(q->clean.data, q->clean.len)) == WEB_MINUTES) {
			*j = k;
			if (have_dec)
				*bare = 0;
			return WEB_LABEL;
		}
		if (lab == WEB_DECISION) {
			if (!have_dec) {
				have_dec = 1;
				dec = k;
			}
			continue;
		}
		if (web_stop_at(sp, k))
			break;
		if (!have_dec && q->clean.len > 0 && !web_chrome(q->clean.data, q->clean.len) &&
		    !(sp->decisions && web_decision_field(q->clean.data, q->clean.len, NULL)))
			*bare = 0;
	}
	if (have_dec) {
		*j = dec;	/* no "Minutes:" after it: the decision is the minute */
		return WEB_LABEL;
	}
	return k < sp->count && k < SPLIT_LOOKAHEAD ? WEB_NEXT : k >= SPLIT_LOOKAHEAD ? WEB_FAR :
	    WEB_NEXT;
}

/*
 * The heading of a web page's item: ring paragraphs [0, tend) hold its
 * number and title (the minute and title are already set).  Writes them
 * as the label ahead says and sets the pending state.
 */
static void
web_heading(struct splitter *sp, FILE *out, size_t tend)
{
	size_t j = 0, k, used = tend;
	int bare, ahead = web_label_ahead(sp, tend, &j, &bare);

	sp->web_pending = 0;
	sp->web_other = 0;
	if (ahead == WEB_LABEL && !bare) {
		/* the agenda's words first: the item starts at its label */
		for (k = 0; k < tend; k++)
			emit_as(sp, out, at(sp, k), SEC_AGENDA);
		pop(sp, tend);
		sp->web_pending = 1;
		return;
	}
	if (ahead == WEB_FAR && sp->web_labels > 0) {
		for (k = 0; k < tend; k++)
			emit_as(sp, out, at(sp, k), SEC_AGENDA);
		pop(sp, tend);
		sp->web_pending = 1;
		return;
	}
	if (ahead == WEB_LABEL) {
		/*
		 * "12. Apologies" / "Additional documents:" / "Minutes:"; a
		 * "Decision:" stays with the text it heads, a decision heading
		 */
		used = web_label(at(sp, j)->clean.data, at(sp, j)->clean.len) == WEB_DECISION ? j : j + 1;
		sp->web_labels++;
	} else {
		if (ahead == WEB_NEXT && sp->web_labels > 0)
			sp->web_pending = 1;	/* an item with no minute: the words are the agenda's */
		/* the furniture under the title ("Additional documents:") is the heading's */
		while (used < sp->count && web_chrome(at(sp, used)->clean.data, at(sp, used)->clean.len))
			used++;
	}
	buf_reset(&sp->text);
	for (k = 0; k < used; k++) {
		if (k > 0)
			buf_putc(&sp->text, ' ');
		buf_append(&sp->text, at(sp, k)->raw.data, at(sp, k)->raw.len);
	}
	emit_text(sp, out, at(sp, 0), sp->text.data, sp->text.len);
	pop(sp, used);
}

/* The title t[0..tn) of a web page's item, without its link's furniture. */
static void
web_set_title(struct splitter *sp, const char *t, size_t tn)
{
	tn = web_title_end(t, tn);
	while (tn > 0 && (t[tn - 1] == ' ' || t[tn - 1] == '.'))
		tn--;
	buf_set(&sp->title, t, tn);
	stale_tail(sp);
}

/* A web page's item with no minute number, titled t[0..tn): its heading
 * is the head paragraph. */
static void
web_unnumbered_item(struct splitter *sp, FILE *out, const char *t, size_t tn)
{
	buf_reset(&sp->minute);
	web_set_title(sp, t, tn);	/* stale_tail */
	sp->have_item = 1;
	web_heading(sp, out, 1);
}

/*
 * A numbered item heading of a web page at the head: "12." over
 * "Apologies for absence", or "12. Apologies for absence", continuing
 * the page's numbering; the label ahead (or, on a page without labels,
 * a title's look) vouches for it.  Writes it (web_heading) and returns 1.
 */
static int
try_item_web(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0), *tp;
	const char *c = p->clean.data, *t;
	size_t n = p->clean.len, tn, tpara, j;
	struct minute_no ni;
	char iso[DATE_ISO_LEN + 1];
	long step;
	int bare, ahead;

	if (!minute_number(c, n, &ni) || tally_line(c, n) ||
	    (ni.style == ST_BARE && date_parse(c, n, iso)))
		return 0;
	if (!head_title(sp, &ni, &tpara, &tp, &t, &tn) ||
	    (ni.only && (tn == 0 || web_label(t, tn) || web_chrome(t, tn))))
		return 0;
	if (sp->style != ST_NONE) {
		if (!same_series(sp, &ni) || !next_in_sequence(sp, &ni, &step))
			return 0;
	} else if (sp->web_expect >= 0 && ni.value != sp->web_expect) {
		return 0;
	}
	ahead = web_label_ahead(sp, tpara + 1, &j, &bare);
	if (ahead != WEB_LABEL && sp->web_expect < 0 &&
	    !title_like(t, web_title_end(t, tn), sp->style == ST_NONE, 0))
		return 0;
	buf_set(&sp->minute, c + ni.ns, ni.ne - ni.ns);
	web_set_title(sp, t, tn);	/* stale_tail */
	sp->have_item = 1;
	sp->last = ni.value;
	memcpy(sp->group, ni.group, sizeof sp->group);
	sp->ngroups = ni.ngroups;
	if (sp->style == ST_NONE || ni.style != ST_BARE)
		sp->style = ni.style;
	memcpy(sp->prefix, ni.prefix, sizeof sp->prefix);
	sp->in_resolved = 0;
	sp->web_expect = -1;
	web_heading(sp, out, tpara + 1);
	return 1;
}

/*
 * An item's page: "Agenda item" over the title (no number).  Writes
 * "Agenda item" as other, enters the page's minutes and writes the
 * title as the item's heading; 1 when done.
 */
static int
try_item_page(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0), *q;
	const char *t;
	size_t tn;
	struct minute_no ni;

	if (!whole_in(p->clean.data, p->clean.len, &agenda_items) || sp->count < 2)
		return 0;
	q = at(sp, 1);
	t = q->clean.data;
	tn = q->clean.len;
	if (tn == 0 || tn > 250 || web_label(t, tn) || web_chrome(t, tn) ||
	    minute_number(t, tn, &ni) || !title_like(t, web_title_end(t, tn), 0, 0))
		return 0;
	emit(sp, out, p);
	pop(sp, 1);
	enter(sp, SEC_MINUTES);
	sp->web = 1;
	memcpy(sp->date, sp->page_date, sizeof sp->date);
	copy_buf(&sp->body, &sp->page_body);
	stale_tail(sp);
	web_unnumbered_item(sp, out, t, tn);
	return 1;
}

/*
 * An issue's page names the meeting that took the item: "Meeting:
 * 20/09/2017 - Council (Item 52)".  Writes the line as other and enters
 * that meeting's minutes, expecting item 52 next; 1 when done.
 */
static int
try_meeting_ref(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0);
	size_t bs, be, ns, ne;
	char iso[DATE_ISO_LEN + 1];
	long v = 0;

	if (!web_meeting_ref(p->clean.data, p->clean.len, &bs, &be, iso, &ns, &ne))
		return 0;
	for (; ns < ne; ns++)
		v = v * 10 + (p->clean.data[ns] - '0');
	enter(sp, SEC_OTHER);
	emit(sp, out, p);
	enter(sp, SEC_MINUTES);
	sp->web = 1;
	sp->web_expect = v;
	memcpy(sp->date, iso, sizeof sp->date);
	buf_set(&sp->body, p->clean.data + bs, be - bs);
	stale_tail(sp);
	pop(sp, 1);
	return 1;
}

/*
 * Does a web page's minutes start at the head: a numbered item heading
 * with a "Minutes:" label ahead, before the next item?  Then enter them
 * with the page's meeting line.
 */
static int
web_minutes_start(struct splitter *sp)
{
	struct para *p = at(sp, 0);
	struct minute_no ni;
	size_t j, k, from;

	/*
	 * Without a "Minutes:" label ahead, the answer is no: the head's
	 * number is not asked (most paragraphs of a web page have none),
	 * nor, without one in the ring (the last read is older than the
	 * head), the paragraphs ahead.
	 */
	if (sp->mlabel_seq < p->seq)
		return 0;
	for (j = 1; j < sp->count && j < SPLIT_LOOKAHEAD; j++)
		if (at(sp, j)->mlabel)
			break;
	if (j >= sp->count || j >= SPLIT_LOOKAHEAD)
		return 0;
	if (!minute_number(p->clean.data, p->clean.len, &ni))
		return 0;
	from = ni.only ? 2 : 1;
	/*
	 * web_label_ahead finds a "Minutes:" label (a "Decision:" before it
	 * gives way): the first such label within the lookahead, then no
	 * paragraph before it, but a "Decision:", that ends the search.  The
	 * same answer, the tests for the end (a pass over each paragraph)
	 * asked only when there is such a label, seldom.
	 */
	if (from > sp->count)
		return 0;
	for (j = from; j < sp->count && j < SPLIT_LOOKAHEAD; j++)
		if (web_label(at(sp, j)->clean.data, at(sp, j)->clean.len) == WEB_MINUTES)
			break;
	if (j >= sp->count || j >= SPLIT_LOOKAHEAD)
		return 0;
	for (k = from; k < j; k++)
		if (web_label(at(sp, k)->clean.data, at(sp, k)->clean.len) != WEB_DECISION &&
		    web_stop_at(sp, k))
			return 0;
	enter(sp, SEC_MINUTES);
	sp->web = 1;
	memcpy(sp->date, sp->page_date, sizeof sp->date);
	copy_buf(&sp->body, &sp->page_body);
	stale_tail(sp);
	return 1;
}

/*
 * "Issue - decisions", "Decision details", "Decisions published": the
 * title of a page of decisions (doc/phrasebook/web-pages.md, 5); 2 for
 * the one that the decision's own title follows.
 */
static int
decisions_title(const char *c, size_t n)
{
	size_t k;

	if (n > 24)
		return 0;
	if (whole_in(c, n, &details_titles))
		return 2;	/* the decision's title comes next */
	if (in_words(c, n, &issue_words))
		for (k = 0; decisions_words.w[k]; k++)
			if (find_n(c, n, decisions_words.w[k], decisions_words.len[k], 1) < n)
				return 1;
	return whole_in(c, n, &decisions_titles);
}

/*
 * The fields after a decision's title, at ring positions from on: the
 * decision maker (the body), "Decided at meeting: DATE - BODY", "Made at
 * meeting: …", "Date of decision: DATE".  Sets the date when none is
 * set, and the body.
 */
static void
decision_fields_ahead(struct splitter *sp, size_t from)
{
	size_t k, v, ds, de, a, b;
	int which;
	char iso[DATE_ISO_LEN + 1];

	for (k = from; k < sp->count && k < SPLIT_LOOKAHEAD; k++) {
		struct para *q = at(sp, k);
		const char *c = q->clean.data;
		size_t n = q->clean.len;

		if (dated_title_at(sp, k))
			break;
		if ((v = web_decision_field(c, n, &which)) == 0 || v >= n)
			continue;
		if (which == WEB_F_MAKER) {
			a = v;
			b = n;
			trim_seps(c, &a, &b);
			buf_set(&sp->body, c + a, b - a);
		} else if ((which == WEB_F_MEETING || which == WEB_F_DATE) &&
		    date_find(c + v, n - v, iso, &ds, &de) && ds == 0) {
			if (!sp->date[0])
				memcpy(sp->date, iso, sizeof sp->date);
			if (which != WEB_F_DATE && !sp->body.len) {
				a = v + de;
				b = n;
				trim_seps(c, &a, &b);
				buf_set(&sp->body, c + a, b - a);
			}
		}
	}
	stale_tail(sp);
}

/*
 * A decision on a page of decisions: a dated title ("13/02/2025 -
 * Exclusion of Press and Public"), or the title under "Decision
 * details".  Enters the page's minutes, the item titled so, its date and
 * body from the title's date and the fields after it, and writes its
 * heading; 1 when done.  A decision whose date is not found within the
 * lookahead ("Decided at meeting: …" printed below a long text) is left
 * alone: an item without its date would be a wrong one.
 */
static int
try_decision(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0);
	const char *c = p->clean.data;
	size_t n = p->clean.len, ts, te;
	char iso[DATE_ISO_LEN + 1];
	int dated;

	if (!sp->decisions)
		return 0;
	dated = web_dated_title(c, n, iso, &ts, &te);
	if (!dated) {
		/* "Decision details" over the title */
		if (sp->decisions != 2 || web_decision_field(c, n, NULL) || web_label(c, n) ||
		    !title_like(c, n, 0, 0))
			return 0;
		ts = 0;
		te = n;
	}
	sp->decisions = 1;
	enter(sp, SEC_MINUTES);
	sp->web = 1;
	if (dated)
		memcpy(sp->date, iso, sizeof sp->date);
	stale_tail(sp);
	decision_fields_ahead(sp, 1);
	if (!sp->date[0]) {
		/* its date printed too far below (or not at all): no item with a wrong date */
		enter(sp, SEC_OTHER);
		return 0;
	}
	web_unnumbered_item(sp, out, c + ts, te - ts);
	return 1;
}

/* The head paragraph of a web page's minutes. */
static void
web_head(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0);
	const char *c = p->clean.data;
	size_t n = p->clean.len, j;
	int lab, bare;

	/* under an item with no number (an item's page, a decision) numbered
	 * paragraphs are its text's */
	if (try_meeting_ref(sp, out) || try_decision(sp, out) ||
	    (!(sp->have_item && sp->style == ST_NONE && sp->web_expect < 0) &&
	    try_item_web(sp, out)) || try_item_page(sp, out))
		return;
	lab = web_label(c, n);
	if (lab && sp->web_pending) {
		if (lab == WEB_DECISION && web_label_ahead(sp, 1, &j, &bare) == WEB_LABEL &&
		    web_label(at(sp, j)->clean.data, at(sp, j)->clean.len) == WEB_MINUTES) {
			/* a decision that the minute after it repeats */
			sp->web_other = 1;
			emit_as(sp, out, p, SEC_OTHER);
			pop(sp, 1);
			return;
		}
		sp->web_pending = 0;
		sp->web_other = 0;
		sp->web_labels++;
		/* the item starts here; a "Decision:" heads its text, under an empty heading */
		if (lab == WEB_DECISION)
			emit_text(sp, out, p, "", 0);
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (sp->web_pending || web_chrome(c, n) || (sp->decisions && web_decision_field(c, n, NULL))) {
		emit_as(sp, out, p, sp->web_other ? SEC_OTHER : sp->web_pending ? SEC_AGENDA : SEC_OTHER);
		pop(sp, 1);
		return;
	}
	if (lab)
		sp->web_labels++;
	else if (resolved_line(c, n))
		sp->in_resolved = 1;
	emit(sp, out, p);
	pop(sp, 1);
}

static void
process_head(struct splitter *sp, FILE *out)
{
	struct para *p = at(sp, 0);
	const char *c = p->clean.data;
	size_t n = p->clean.len, bs, be, k, date_start = 0;
	char iso[DATE_ISO_LEN + 1];
	int has_date, kind;

	if (sp->heading_left > 0) {
		sp->heading_left--;
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (n == 0) {
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (sp->section == SEC_MINUTES && sp->web) {
		web_head(sp, out);
		return;
	}
	if (sp->section == SEC_OTHER || sp->section == SEC_AGENDA) {
		size_t wbs, wbe;

		if (web_meeting_line(c, n, &wbs, &wbe, iso)) {
			/* "Cabinet - Tuesday, 4th March, 2025 7.00 pm" over a page's items */
			memcpy(sp->page_date, iso, sizeof sp->page_date);
			buf_set(&sp->page_body, c + wbs, wbe - wbs);
		} else if (sp->count > 1 && p_body(p) &&
		    web_date_line(at(sp, 1)->clean.data, at(sp, 1)->clean.len, iso)) {
			/* "Cabinet" / "Wednesday, 25th June, 2025 6.30 pm" */
			memcpy(sp->page_date, iso, sizeof sp->page_date);
			buf_set(&sp->page_body, c, n);
		}
		if (decisions_title(c, n))
			sp->decisions = decisions_title(c, n);
		else if (try_meeting_ref(sp, out) || try_item_page(sp, out) ||
		    (sp->decisions && try_decision(sp, out)))	/* its first test, here */
			return;
		else if (sp->decisions == 2)
			sp->decisions = 1;
		if (web_minutes_start(sp)) {
			web_head(sp, out);
			return;
		}
	}
	if (sp->section == SEC_MINUTES && sp->have_item &&
	    (p_chair(p) || signature_date(sp, c, n)) && numbering_goes_on(sp)) {
		/* "Signed …… Chairman" at the foot of every page */
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (sp->section == SEC_MINUTES && sp->have_item &&
	    (times_line(c, n) || p_chair(p) || closing_line(c, n) ||
	    signature_date(sp, c, n))) {
		enter(sp, SEC_OTHER);
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (sp->section == SEC_MINUTES && (try_item(sp, out) || try_item_below(sp, out) ||
	    try_item_unnumbered(sp, out)))
		return;
	if (sp->section != SEC_MINUTES && (k = untitled_minutes(sp, iso, &date_start)) > 0) {
		/* "CABINET" / "Tuesday, 4 March 2025" / "PRESENT: …" */
		enter(sp, SEC_MINUTES);
		bs = 0;
		be = date_start > 0 ? date_start : n;
		trim_seps(c, &bs, &be);
		be = body_kind_end(c, bs, be);
		buf_set(&sp->body, c + bs, be - bs);
		memcpy(sp->date, iso, sizeof sp->date);
		stale_tail(sp);
		sp->heading_left = (int)k - 1;
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (sp->count > 1 && p_body(p)) {
		/* "PLANNING COMMITTEE" above "Minutes of the meeting held on DATE" */
		struct para *q = at(sp, 1);

		if (p_minutes_heading(q, &bs, &be, iso, &has_date) == 2 &&
		    minutes_follow(sp, 2)) {
			enter(sp, SEC_MINUTES);
			buf_set(&sp->body, c, n);
			memcpy(sp->date, iso, sizeof sp->date);
			stale_tail(sp);
			sp->heading_left = 1;
			emit(sp, out, p);
			pop(sp, 1);
			return;
		}
	}
	if (((kind = p_minutes_heading(p, &bs, &be, iso, &has_date)) == 1 ||
	    (kind == 2 && sp->section == SEC_OTHER)) && minutes_follow(sp, 1)) {
		enter(sp, SEC_MINUTES);
		buf_set(&sp->body, c + bs, be - bs);
		if (has_date) {
			memcpy(sp->date, iso, sizeof sp->date);
		} else {
			/* The date cut off into the next paragraph or two. */
			size_t ds;

			for (k = 1; k < 3 && k < sp->count; k++) {
				struct para *q = at(sp, k);

				if (q->clean.len <= 200 &&
				    date_find_before(q->clean.data, q->clean.len, 100, iso, &ds, NULL)) {
					memcpy(sp->date, iso, sizeof sp->date);
					sp->heading_left = (int)k;
					if (k == 1 && be == n)
						body_goes_on(sp, q->clean.data, ds);
					break;
				}
			}
		}
		stale_tail(sp);
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	if (try_report_heading(sp) || try_report_cover(sp)) {
		emit(sp, out, p);
		pop(sp, 1);
		return;
	}
	switch (sp->section) {
	case SEC_MINUTES:
		if (resolved_line(c, n))
			sp->in_resolved = 1;
		break;
	case SEC_REPORT:
		if (appendix_line(c, n)) {
			sp->section = SEC_OTHER;
			buf_reset(&sp->title);
			stale_tail(sp);
		}
		break;
	default:
		front_page(sp, c, n);
		break;
	}
	emit(sp, out, p);
	pop(sp, 1);
}

struct splitter *
splitter_new(void)
{
	struct splitter *sp = xcalloc(1, sizeof *sp);

	reset_state(sp);
	return sp;
}

void
splitter_free(struct splitter *sp)
{
	size_t k;

	if (!sp)
		return;
	for (k = 0; k < RING; k++) {
		buf_free(&sp->ring[k].own_raw);
		buf_free(&sp->ring[k].lead);
		buf_free(&sp->ring[k].clean);
	}
	buf_free(&sp->source);
	buf_free(&sp->body);
	buf_free(&sp->page_body);
	buf_free(&sp->title);
	buf_free(&sp->minute);
	buf_free(&sp->joined);
	buf_free(&sp->text);
	buf_free(&sp->tail);
	buf_free(&sp->outbuf);
	buf_free(&sp->next_clean);
	buf_free(&sp->next_lead);
	free(sp);
}

void
splitter_finish(struct splitter *sp, FILE *out)
{
	while (sp->count > 0)
		process_head(sp, out);
	flush_out(sp, out);
	sp->have_source = 0;
	reset_state(sp);
	sp->page_date[0] = '\0';
	buf_reset(&sp->page_body);
	sp->decisions = 0;
}

/*
 * Is a line's source a[0..n) the one of the line before, b[0..n)?  Asked
 * of every line: a name of 16 to 48 bytes compared inline, in blocks of
 * sixteen that end with its end (no byte read past it), not by a call
 * of memcmp.
 */
static inline int
same_source(const char *a, const char *b, size_t n)
{
#ifdef __SSE2__
	if (n >= 16 && n <= 48) {
		__m128i x = _mm_cmpeq_epi8(_mm_loadu_si128((const void *)a),
		    _mm_loadu_si128((const void *)b));

		x = _mm_and_si128(x, _mm_cmpeq_epi8(_mm_loadu_si128((const void *)(a + n - 16)),
		    _mm_loadu_si128((const void *)(b + n - 16))));
		if (n > 32)
			x = _mm_and_si128(x, _mm_cmpeq_epi8(_mm_loadu_si128((const void *)(a + 16)),
			    _mm_loadu_si128((const void *)(b + 16))));
		return _mm_movemask_epi8(x) == 0xffff;
	}
#endif
	return memcmp(a, b, n) == 0;
}

/* Offset of the first TAB in s[i..n), or n: a field's end. */
static size_t
next_tab(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i tab = _mm_set1_epi8('\t');

	for (; i + 16 <= n; i += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const void *)(s + i)), tab));

		if (m)
			return i + (size_t)__builtin_ctz(m);
	}
#endif
	while (i < n && s[i] != '\t')
		i++;
	return i;
}

/*
 * The fields of a stream line without a pass over all of it: the TABs
 * after source and line; a page field (digits and commas) and its TAB,
 * or none (the 0.1 stream: the text follows the line).  The text field
 * is then known to hold no TAB by make_clean, which reads it anyway;
 * until then this is only a guess, and 0 (a line with fewer TABs) says
 * tsv_split must count them.  Returns the fields found, 3 or 4, or 0.
 */
static size_t
guess_fields(char *line, size_t len, struct field *f, int *plain)
{
	size_t t1 = next_tab(line, 0, len), t2, k;

	*plain = 0;
	if (t1 == len)
		return 0;
#ifdef __SSE2__
	/*
	 * The line number and the page field of a line with sixteen bytes
	 * after each: each judged by one block of sixteen.  The line
	 * number's digits end at its TAB (1 to 12 of them: a field
	 * splitter_line takes as it is), and the page field's digits and
	 * commas at the next byte that is none.  A page field that is a
	 * number (no comma, no leading 0, 12 digits at most: tsv_page_field
	 * takes it) or none makes the line plain.  Anything else is left
	 * to the byte loops below, which answer the same.
	 */
	if (t1 + 17 <= len) {
		const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
		__m128i v = _mm_loadu_si128((const void *)(line + t1 + 1)), d;
		unsigned digits, commas;

		d = _mm_sub_epi8(v, zero);
		digits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d));
		k = (size_t)__builtin_ctz(~digits);
		if (k >= 1 && k <= 12 && line[t1 + 1 + k] == '\t' && t1 + k + 18 <= len) {
			t2 = t1 + 1 + k;
			v = _mm_loadu_si128((const void *)(line + t2 + 1));
			d = _mm_sub_epi8(v, zero);
			digits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, nine), d));
			commas = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
			k = (size_t)__builtin_ctz(~(digits | commas));
			if (k < 16) {
				f[0].p = line;
				f[0].len = t1;
				f[1].p = line + t1 + 1;
				f[1].len = t2 - t1 - 1;
				f[2].p = line + t2 + 1;
				if (line[t2 + 1 + k] != '\t') {
					f[2].len = len - t2 - 1;
					*plain = 1;
					return 3;
				}
				f[2].len = k;
				f[3].p = line + t2 + 2 + k;
				f[3].len = len - t2 - 2 - k;
				*plain = k == 0 || (k <= 12 && line[t2 + 1] != '0' &&
				    (commas & ((1u << k) - 1)) == 0);
				return 4;
			}
		}
	}
#endif
	if ((t2 = next_tab(line, t1 + 1, len)) == len)
		return 0;
	f[0].p = line;
	f[0].len = t1;
	f[1].p = line + t1 + 1;
	f[1].len = t2 - t1 - 1;
	for (k = t2 + 1; k < len && (is_digit((unsigned char)line[k]) || line[k] == ','); k++)
		;
	if (k < len && line[k] == '\t') {
		f[2].p = line + t2 + 1;
		f[2].len = k - t2 - 1;
		f[3].p = line + k + 1;
		f[3].len = len - k - 1;
		return 4;
	}
	f[2].p = line + t2 + 1;
	f[2].len = len - t2 - 1;
	return 3;
}

int
splitter_line(struct splitter *sp, char *line, size_t len, FILE *out, size_t *detail)
{
	struct field f[4], pg = {NULL, 0}, *tx;
	size_t nf, k;
	unsigned long ln = 0;
	struct para *p;
	struct buf *lb;
	char *w;
	int cleaned = 0, plain, mc = 0;

	/* The clean text is made at once (in sp->next_clean, until the
	 * paragraph has its place in the ring), telling a TAB in it. */
	nf = guess_fields(line, len, f, &plain);
	if (nf > 0 && !((mc = make_clean(&sp->next_clean, f[nf - 1].p, f[nf - 1].len)) &
	    CLEAN_TAB)) {
		cleaned = 1;
	} else {
		nf = tsv_split(line, len, f, 4);
		plain = 0;
	}

	/* "source line page text" (0.2), or "source line text" (0.1). */
	if (nf != 4 && nf != 3) {
		if (detail)
			*detail = nf;
		return SPLIT_EFIELDS;
	}
	if (f[1].len == 0 || f[1].len > 12)
		return SPLIT_ELINENO;
	/*
	 * The paragraph's first output columns (struct para's lead) are
	 * made in sp->next_lead as the fields are read: the line number is
	 * its field's digits without the leading zeros, written as they are
	 * checked.
	 */
	lb = &sp->next_lead;
	lb->len = 0;
	buf_reserve(lb, f[0].len + f[1].len + (nf == 4 ? f[2].len : 0) + 2 + 16);
	w = lb->data;
	copy_small(w, f[0].p, f[0].len);
	w += f[0].len;
	*w++ = '\t';
	if (plain) {
		/* the digits known: the leading zeros left out, the rest copied */
		size_t z = 0;

		while (z < f[1].len && f[1].p[z] == '0')
			z++;
		for (k = z; k < f[1].len; k++)
			ln = ln * 10 + (unsigned)(unsigned char)f[1].p[k] - '0';
#ifdef __SSE2__
		/* sixteen bytes, the field's first (guess_fields read them):
		 * lb has room, and what follows the digits is written over */
		if (z == 0)
			_mm_storeu_si128((void *)w, _mm_loadu_si128((const void *)f[1].p));
		else
#endif
			copy_small(w, f[1].p + z, f[1].len - z);
		w += f[1].len - z;
	}
	for (k = plain ? f[1].len : 0; k < f[1].len; k++) {
		unsigned dg = (unsigned)(unsigned char)f[1].p[k] - '0';

		if (dg > 9)
			return SPLIT_ELINENO;
		ln = ln * 10 + dg;
		*w = f[1].p[k];
		w += ln != 0;	/* a zero before the first other digit is left out */
	}
	if (ln == 0)
		return SPLIT_ELINENO;
	*w++ = '\t';
	if (nf == 4) {
		/* "P", or "P,OFF,…" for a paragraph that runs over pages */
		unsigned long pgno;
		const char *brk;
		size_t brklen;

		pg = f[2];
		if (!plain && !tsv_page_field(pg.p, pg.len, &pgno, &brk, &brklen))
			return SPLIT_EPAGE;
	}
	tx = &f[nf - 1];
	if (!sp->have_source || sp->source.len != f[0].len ||
	    !same_source(sp->source.data, f[0].p, f[0].len)) {
		splitter_finish(sp, out);
		buf_set(&sp->source, f[0].p, f[0].len);
		sp->have_source = 1;
	}
	p = at(sp, sp->count);
	sp->count++;
	if (cleaned) {
		struct buf b = p->clean;

		p->clean = sp->next_clean;
		sp->next_clean = b;
	} else {
		mc = make_clean(&p->clean, tx->p, tx->len);
	}
	if (mc & CLEAN_SAME) {
		p->raw.data = p->clean.data;
	} else {
		buf_set(&p->own_raw, tx->p, tx->len);
		p->raw.data = p->own_raw.data;
	}
	p->raw.len = tx->len;
	p->line = ln;
#ifdef __SSE2__
	if (plain && pg.len > 0)	/* as the line number: sixteen bytes read */
		_mm_storeu_si128((void *)w, _mm_loadu_si128((const void *)pg.p));
	else
#endif
		copy_small(w, pg.p, pg.len);
	w += pg.len;
	*w = '\0';
	lb->len = (size_t)(w - lb->data);
	{
		struct buf b = p->lead;

		p->lead = *lb;
		*lb = b;
	}
	p->page_len = pg.len;
	p->caps = p->body = p->mh = p->bdl = p->chair = p->nh = p->rep = -1;
	/* no heading word's capital, nor one opening it: no minutes heading */
	if ((mc & CLEAN_NOCAP) && !minutes_heading_opens(p->clean.data, p->clean.len))
		p->mh = 0;
	/* web_label's first test inline: 8 to 40 bytes that end with ':' */
	p->mlabel = p->clean.len >= 8 && p->clean.len <= 40 &&
	    p->clean.data[p->clean.len - 1] == ':' &&
	    web_label(p->clean.data, p->clean.len) == WEB_MINUTES;
	p->seq = ++sp->seq;
	if (p->mlabel)
		sp->mlabel_seq = p->seq;
	while (sp->count > SPLIT_LOOKAHEAD)
		process_head(sp, out);
	return SPLIT_OK;
}

int
split_stream(struct splitter *sp, FILE *in, FILE *out, unsigned long *lineno,
    size_t *detail)
{
	struct line_reader r;
	int rc, st = SPLIT_OK;

	line_reader_init(&r, in);
	while ((rc = line_reader_next(&r)) > 0) {
		st = splitter_line(sp, r.line, r.len, out, detail);
		if (st != SPLIT_OK) {
			*lineno = r.lineno;
			break;
		}
		if (ferror(out)) {
			/* a full disk or a closed pipe: no point reading on */
			line_reader_free(&r);
			return SPLIT_EWRITE;
		}
	}
	if (st == SPLIT_OK && rc < 0) {
		*lineno = r.lineno + 1;
		st = SPLIT_EREAD;
	}
	line_reader_free(&r);
	/* What came before a bad line is written, as a plain filter would. */
	splitter_finish(sp, out);
	if (st != SPLIT_OK)
		return st;
	if (ferror(out))
		return SPLIT_EWRITE;
	return SPLIT_OK;
}
