/*
 * headings — recognisers for the printed shapes of council documents that
 * minutes-split looks for; see headings.h.  Every function looks at one
 * paragraph's clean text (or two), keeps no state and allocates nothing.
 * The words they know are general council conventions (conventions.md),
 * never the text of one document, and live in rules/lexicon: the C
 * keeps the shapes (numbers, dates, punctuation, where a word may stand)
 * and the English glue between the words ("of", "the", "a", "and").
 */
#include "headings.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2 for pairset_find, where the CPU has it (checked at run time;
 * MM_NO_AVX2 builds without). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define HEADINGS_AVX2 1
#endif

#include "bytescan.h"
#include "cpu.h"
#include "dates.h"
#include "textscan.h"
#include "words.h"

/*
 * The words, from rules/lexicon (the list named beside each): read once
 * by headings_init, so a test is no slower than with a table in C.
 */
static struct words body_nouns;		/* body_noun */
static struct words meeting_words;	/* meeting_word */
static struct words body_stops;		/* body_stop_word " W ", body_stop_phrase " P", punctuation */
static struct words last_words;		/* body_last_word, " held" */
static struct words not_after;		/* heading_not_after */
static struct words after_date;		/* after_date_word */
static struct words page_ref;		/* page_ref_word */
static struct words heading_words;	/* minutes_heading_word */
/*
 * The bytes a word of heading_words must start with where it does not
 * open the paragraph (heading_may_start: its first letter as a capital):
 * as a table, and each once in heading_caps while they are HEADING_CAPS
 * or fewer (n_heading_caps counts them all).
 */
#define HEADING_CAPS 4
static unsigned char heading_caps[HEADING_CAPS], heading_cap[256];
static size_t n_heading_caps;
static struct words minutes_of;		/* minutes_of_noun */
static struct words meeting_nouns;	/* meeting */
static struct words held;		/* held_word */
static struct words held_pad;		/* held_word, " held" */
static struct words earlier;		/* earlier_meeting_word */
static struct words chair_words;	/* chair_word */
static struct words chair_strong;	/* chair_strong */
static struct words signature_words;	/* signature_word */
static struct words strong_words;	/* all three: chair_line's prefilter */

/*
 * find_any's question (does the text hold an entry anywhere, any case?)
 * for a list asked of every paragraph: the pairs of its entries' first
 * two bytes, each with its 0x20 bit set (which makes a letter's cases
 * alike), compared sixteen places at a time with SSE2; a place where a
 * pair is found is compared in full.  Up to PAIRS_MAX pairs; a list with
 * more is searched by find_any.
 */
#define PAIRS_MAX 16
#define PAIRS_WORDS 64
struct pairset {
	const char *const *w;
	size_t n;			/* pairs; 0: use find_any */
	unsigned char a[PAIRS_MAX], b[PAIRS_MAX];
	unsigned pairs[32];		/* find_any's table, for the last bytes */
	/*
	 * Each entry's first two bytes with their 0x20 bit set, as
	 * a << 8 | b: a place is compared in full only with the entries
	 * of its own pair (up to PAIRS_WORDS entries; n is 0 with more).
	 */
	unsigned short wpair[PAIRS_WORDS];
	size_t nw;
	/*
	 * The entries (bit k: entry k) of each pair, by the low five bits
	 * of its two bytes: a place is compared with those alone, not with
	 * each entry's pair in turn (common pairs like "co" or "me" are
	 * found at many places of a line).
	 */
	uint64_t wmask[32 * 32];
#ifdef __SSE2__
	__m128i va[PAIRS_MAX], vb[PAIRS_MAX];	/* a[k], b[k] in every byte */
#endif
#ifdef HEADINGS_AVX2
	__m256i wa[PAIRS_MAX], wb[PAIRS_MAX];	/* the same, thirty-two bytes */
#endif
};
#ifdef HEADINGS_AVX2
#endif
static struct pairset body_pairs, strong_pairs;

#ifdef HEADINGS_AVX2
__attribute__((target("avx2"))) static void
pairset_make_avx2(struct pairset *ps)
{
	size_t k;

	for (k = 0; k < ps->n; k++) {
		ps->wa[k] = _mm256_set1_epi8((char)ps->a[k]);
		ps->wb[k] = _mm256_set1_epi8((char)ps->b[k]);
	}
}
#endif

static void
pairset_make(struct pairset *ps, const struct words *ws)
{
	size_t k, j;

	ps->w = ws->w;
	ps->n = 0;
	if (ws->n > PAIRS_WORDS)
		return;
	_Static_assert(PAIRS_WORDS <= 64, "pairset: an entry a bit of wmask");
	for (k = 0; k < ws->n; k++) {
		ps->wpair[k] = (unsigned short)((unsigned char)(ws->w[k][0] | 0x20) << 8 |
		    (unsigned char)(ws->w[k][1] | 0x20));
		ps->wmask[(ws->w[k][0] & 31) << 5 | (ws->w[k][1] & 31)] |= (uint64_t)1 << k;
	}
	ps->nw = ws->n;
	for (k = 0; k < ws->n; k++) {
		unsigned char a = (unsigned char)(ws->w[k][0] | 0x20),
		    b = (unsigned char)(ws->w[k][1] | 0x20);

		for (j = 0; j < ps->n && !(ps->a[j] == a && ps->b[j] == b); j++)
			;
		if (j < ps->n)
			continue;
		if (ps->n == PAIRS_MAX) {
			ps->n = 0;
			return;
		}
		ps->a[ps->n] = a;
		ps->b[ps->n++] = b;
	}
	for (k = 0; k < ws->n; k++)
		ps->pairs[ws->w[k][0] & 31] |= 1u << (ws->w[k][1] & 31);
#ifdef __SSE2__
	for (k = 0; k < ps->n; k++) {
		ps->va[k] = _mm_set1_epi8((char)ps->a[k]);
		ps->vb[k] = _mm_set1_epi8((char)ps->b[k]);
	}
#endif
#ifdef HEADINGS_AVX2
	if (cpu_avx2_popcnt)	/* caps_line's letters_avx2 counts by popcnt too */
		pairset_make_avx2(ps);
#endif
}

#ifdef __SSE2__
/* The places s[at..at+16) where a pair of ps starts, as bits. */
static inline unsigned
pairset_hits(const struct pairset *ps, const char *s, size_t at)
{
	const __m128i fold = _mm_set1_epi8(0x20);
	__m128i v0 = _mm_or_si128(_mm_loadu_si128((const void *)(s + at)), fold);
	__m128i v1 = _mm_or_si128(_mm_loadu_si128((const void *)(s + at + 1)), fold);
	__m128i m = _mm_setzero_si128();
	size_t k;

	for (k = 0; k < ps->n; k++)
		m = _mm_or_si128(m, _mm_and_si128(_mm_cmpeq_epi8(v0, ps->va[k]),
		    _mm_cmpeq_epi8(v1, ps->vb[k])));
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* Does an entry of ps start at one of the places e + (bits of hits)? */
static int
pairset_check(const struct pairset *ps, const char *s, size_t n, size_t e, unsigned hits)
{
	size_t k;

	while (hits) {
		size_t at = e + (size_t)__builtin_ctz(hits);
		unsigned short pair = (unsigned short)((unsigned char)(s[at] | 0x20) << 8 |
		    (unsigned char)(s[at + 1] | 0x20));
		uint64_t m = ps->wmask[(s[at] & 31) << 5 | (s[at + 1] & 31)];

		for (; m; m &= m - 1) {
			k = (size_t)__builtin_ctzll(m);
			if (ps->wpair[k] == pair && starts_with(s + at, n - at, ps->w[k]))
				return 1;
		}
		hits &= hits - 1;
	}
	return 0;
}

#ifdef HEADINGS_AVX2
/* pairset_hits for the thirty-two places s[at..at+32) (s[at + 32] read). */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
pairset_hits_avx2(const struct pairset *ps, const char *s, size_t at)
{
	const __m256i fold = _mm256_set1_epi8(0x20);
	__m256i v0 = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(const void *)(s + at)), fold);
	__m256i v1 = _mm256_or_si256(_mm256_loadu_si256((const __m256i *)(const void *)(s + at + 1)), fold);
	__m256i m = _mm256_setzero_si256();
	size_t k;

	for (k = 0; k < ps->n; k++)
		m = _mm256_or_si256(m, _mm256_and_si256(_mm256_cmpeq_epi8(v0, ps->wa[k]),
		    _mm256_cmpeq_epi8(v1, ps->wb[k])));
	return (uint32_t)_mm256_movemask_epi8(m);
}

/* pairset_find of a text of 33 bytes or more, thirty-two places a step,
 * the last block the one that ends at n - 1 (the places before i masked
 * off). */
__attribute__((target("avx2"))) static int
pairset_find_avx2(const struct pairset *ps, const char *s, size_t n)
{
	size_t i = 0, e = n - 33;

	for (; i + 33 <= n; i += 32)
		if (pairset_check(ps, s, n, i, pairset_hits_avx2(ps, s, i)))
			return 1;
	return i + 1 < n &&
	    pairset_check(ps, s, n, e, pairset_hits_avx2(ps, s, e) >> (i - e) << (i - e));
}
#endif

/* find_any(s, n, ps->w), sixteen places judged by their first two bytes
 * at once. */
static int
pairset_find(const struct pairset *ps, const char *s, size_t n)
{
	size_t i = 0, k;

#ifdef HEADINGS_AVX2
	if (ps->n > 0 && n >= 33 && cpu_avx2_popcnt)
		return pairset_find_avx2(ps, s, n);
#endif
#ifdef __SSE2__
	if (ps->n > 0 && n >= 17) {
		/* s[i + 16] is the last byte read */
		for (; i + 17 <= n; i += 16)
			if (pairset_check(ps, s, n, i, pairset_hits(ps, s, i)))
				return 1;
		/* the places left, i..n-2: the block that ends at n-1, the
		 * places before i masked off */
		if (i + 1 < n) {
			size_t e = n - 17;

			return pairset_check(ps, s, n, e, pairset_hits(ps, s, e) >> (i - e) << (i - e));
		}
		return 0;
	}
#endif
	if (ps->n == 0)
		return find_any(s, n, ps->w);
	/* find_any's pass over the rest, its table made once */
	for (; i + 1 < n; i++) {
		if (!(ps->pairs[s[i] & 31] >> (s[i + 1] & 31) & 1))
			continue;
		for (k = 0; ps->w[k]; k++)
			if (starts_with(s + i, n - i, ps->w[k]))
				return 1;
	}
	return 0;
}
static struct words chair_line_words;	/* chair_line_word */
static struct words closing_phrases;	/* closing_phrase */
static struct words sentence_words;	/* narrative_verb, " was " */
/*
 * title_like's test for sentence_words and " be " in one pass over the
 * title, not one search each: the entries (all " W …") that may start at
 * a space, by the byte after it, as a bit each (entry k: bit k, " be "
 * the last).  Up to 31 entries; more, and the searches are made one by
 * one (verb_bits unused).
 */
static unsigned verb_bits[256];
static size_t verb_be;		/* the bit of " be " */
static int verb_pass;		/* the table is in use */
static struct words not_title;		/* not_title_start */
static struct words title_tails;	/* title_tail, " of" */
static struct words decision_words;	/* decision_word */
static struct words decision_leads;	/* decision_lead */
static struct words nil_words;		/* nil_word */
static struct words abbreviations;	/* title_abbreviation */
static struct words sentence_starts;	/* item_text_start */
static struct words numbered_nouns;	/* numbered_noun */
static struct words openers;		/* item_text_opener */
static struct words bare_openers;	/* item_text_bare */
static struct words report_ofs;		/* report_of, "report of " */
static struct words report_purposes;	/* report_purpose */
static struct words minutes_nouns;	/* minutes_noun */
static struct words agenda_nouns;	/* agenda_noun */
static struct words present_labels;	/* present_label */
static struct words cover_group[COVER_GROUPS];	/* cover_body/date/title_field, "title:" */
static struct words cover_fields;	/* all of them and cover_field */
static struct words cover_body;		/* cover_body_field, without the colon */
static struct words front_body;		/* front_body_field */
static struct words front_dates;	/* front_date_field */
static struct words appendix_words;	/* appendix_word */
static struct words meeting_kind_tails;	/* meeting_kind, " agm" */
static struct words item_ref_words;	/* item_ref_word */
static struct words tally_words;	/* tally_word */
static struct words web_minutes;	/* web_minutes_label */
static struct words web_decisions;	/* web_decision_label */
static struct words web_furniture;	/* web_furniture */
static struct words view_link;		/* web_view_link, "view the full " */
static struct words view_link_tails;	/* web_view_link_tail, " text for item" */
static struct words ref_labels;		/* web_ref_label, " ref: " */
static struct words decision_fields[WEB_F_KINDS];	/* decision_*_field */

void
headings_init(void)
{
	static const char *const punct[] = {
		" \xe2\x80\x94", " \xe2\x80\x93", " - ", ": ", " (", ". ", NULL
	};
	static const size_t punct_len[] = {4, 4, 3, 2, 2, 2};
	static const char *const cover_names[COVER_GROUPS] = {
		"cover_body_field", "cover_date_field", "cover_title_field"
	};
	static const char *const decision_names[WEB_F_KINDS] = {
		"decision_maker_field", "decision_date_field", "decision_meeting_field",
		"decision_field"
	};
	struct words w, phrases, both, punct_stops = {punct, punct_len, 6, 0};
	size_t k;

	if (body_nouns.w)
		return;
	minuteno_init();
	body_nouns = words_min("body_noun", 2);
	meeting_words = words_get("meeting_word");
	w = words_padded("body_stop_word", " ", " ");
	phrases = words_padded("body_stop_phrase", " ", "");
	both = words_join(&w, &phrases);
	body_stops = words_join(&both, &punct_stops);
	words_drop(&w);
	words_drop(&phrases);
	words_drop(&both);
	last_words = words_padded("body_last_word", " ", "");
	not_after = words_get("heading_not_after");
	after_date = words_get("after_date_word");
	page_ref = words_get("page_ref_word");
	heading_words = words_get("minutes_heading_word");
	for (k = 0; k < heading_words.n; k++) {
		unsigned char cap = (unsigned char)heading_words.w[k][0];
		size_t j;

		if (is_lower(cap))
			cap -= 32;
		for (j = 0; j < n_heading_caps && heading_caps[j] != cap; j++)
			;
		if (j == n_heading_caps && n_heading_caps++ < HEADING_CAPS)
			heading_caps[j] = cap;
		heading_cap[cap] = 1;
	}
	minutes_of = words_get("minutes_of_noun");
	meeting_nouns = words_get("meeting");
	held = words_get("held_word");
	held_pad = words_padded("held_word", " ", "");
	earlier = words_get("earlier_meeting_word");
	chair_words = words_min("chair_word", 2);
	chair_strong = words_min("chair_strong", 2);
	signature_words = words_min("signature_word", 2);
	both = words_join(&chair_words, &chair_strong);
	strong_words = words_join(&both, &signature_words);
	pairset_make(&strong_pairs, &strong_words);
	pairset_make(&body_pairs, &body_nouns);
	words_drop(&both);
	chair_line_words = words_get("chair_line_word");
	closing_phrases = words_get("closing_phrase");
	sentence_words = words_padded("narrative_verb", " ", " ");
	verb_pass = sentence_words.n < 31;
	for (k = 0; verb_pass && k < sentence_words.n; k++)
		verb_bits[(unsigned char)sentence_words.w[k][1]] |= 1u << k;
	verb_be = sentence_words.n;
	verb_bits['b'] |= 1u << verb_be;
	not_title = words_get("not_title_start");
	title_tails = words_padded("title_tail", " ", "");
	decision_words = words_get("decision_word");
	decision_leads = words_get("decision_lead");
	nil_words = words_get("nil_word");
	abbreviations = words_get("title_abbreviation");
	sentence_starts = words_get("item_text_start");
	numbered_nouns = words_get("numbered_noun");
	openers = words_get("item_text_opener");
	bare_openers = words_get("item_text_bare");
	report_ofs = words_padded("report_of", "", " ");
	report_purposes = words_get("report_purpose");
	minutes_nouns = words_get("minutes_noun");
	agenda_nouns = words_get("agenda_noun");
	present_labels = words_get("present_label");
	cover_fields = words_padded("cover_field", "", ":");
	for (k = 0; k < COVER_GROUPS; k++) {
		cover_group[k] = words_padded(cover_names[k], "", ":");
		both = words_join(&cover_group[k], &cover_fields);
		words_drop(&cover_fields);
		cover_fields = both;
	}
	cover_body = words_get("cover_body_field");
	front_body = words_get("front_body_field");
	front_dates = words_get("front_date_field");
	appendix_words = words_get("appendix_word");
	meeting_kind_tails = words_padded("meeting_kind", " ", "");
	item_ref_words = words_get("item_ref_word");
	tally_words = words_get("tally_word");
	web_minutes = words_get("web_minutes_label");
	web_decisions = words_get("web_decision_label");
	web_furniture = words_get("web_furniture");
	view_link = words_padded("web_view_link", "", " ");
	view_link_tails = words_padded("web_view_link_tail", " ", "");
	ref_labels = words_padded("web_ref_label", " ", ": ");
	for (k = 0; k < WEB_F_KINDS; k++)
		decision_fields[k] = words_get(decision_names[k]);
}

/*
 * Where a body's name that starts at c[i] ends, looking no further than
 * limit (the date, when there is one): before "held", "on", "at", a dash,
 * a comma, a colon, a bracket or a full stop.
 */
size_t
body_end(const char *c, size_t i, size_t limit)
{
	size_t j = limit, k, comma;

	for (k = 0; body_stops.w[k]; k++) {
		size_t f = find_n(c + i, limit - i, body_stops.w[k], body_stops.len[k], 0);

		if (i + f < j)
			j = i + f;
	}
	/*
	 * A comma ends the name ("Cabinet, held …", "Planning Committee,
	 * Town Hall") unless the name is a list that ends in a body's noun:
	 * "Scrutiny, Audit and Standards Committee".
	 */
	comma = i + find(c + i, j - i, ", ", 0);
	if (comma < j) {
		size_t w = j;

		while (w > i && c[w - 1] == ' ')
			w--;
		while (w > i && is_alpha((unsigned char)c[w - 1]))
			w--;
		if (!(in_words(c + w, j - w, &body_nouns) &&
		    (find(c + comma, j - comma, " and ", 1) < j - comma ||
		    find(c + comma, j - comma, " & ", 0) < j - comma)))
			j = comma;
	}
	/* a heading cut just after "held" */
	for (k = 0; last_words.w[k]; k++) {
		size_t wl = last_words.len[k];

		if (j >= i + wl && memcmp(c + j - wl, last_words.w[k], wl) == 0) {
			j -= wl;
			break;
		}
	}
	return j;
}

/* The first entry of heading_words that c[p..n) starts with (any case):
 * its index, or heading_words.n. */
static inline size_t
heading_word_at(const char *c, size_t p, size_t n)
{
	size_t k;

	if (!words_may_start(c + p, n - p, &heading_words))
		return heading_words.n;
	for (k = 0; k < heading_words.n; k++)
		if (heading_words.len[k] <= n - p &&
		    match_at(c, p, heading_words.w[k], heading_words.len[k], 1))
			break;
	return k;
}

/*
 * Where, from c[from..n), the first word of heading_words starts that
 * heading_may_start can let through: at the paragraph's start, or at one
 * of heading_caps (elsewhere it lets none through); its entry in *word,
 * or n.  The word is the one a search for each word would have found
 * there first (the first listed), so minutes_heading's answer is that
 * of a search for every place of each word: most paragraphs hold no
 * such capital, and "committee" or "administration" no "Minute".
 */
static inline __attribute__((always_inline)) size_t
first_heading_word(const char *c, size_t from, size_t n, size_t *word)
{
	size_t k, q;

	if (from == 0) {
		if ((*word = heading_word_at(c, 0, n)) < heading_words.n)
			return 0;
		from = 1;
	}
	for (;;) {
		const char *f;

		if (n_heading_caps == 1) {
			/* the common list: its words start with one letter */
			f = from < n ? memchr(c + from, heading_caps[0], n - from) : NULL;
			q = f ? (size_t)(f - c) : n;
		} else if (n_heading_caps > HEADING_CAPS) {
			for (q = from; q < n && !heading_cap[(unsigned char)c[q]]; q++)
				;
		} else {
			q = n;
			for (k = 0; k < n_heading_caps; k++)
				if (from < q &&
				    (f = memchr(c + from, heading_caps[k], q - from)) != NULL)
					q = (size_t)(f - c);
		}
		if (q >= n)
			return n;
		if ((*word = heading_word_at(c, q, n)) < heading_words.n)
			return q;
		from = q + 1;
	}
}

/*
 * Does c[from..to) end with " W" for a word W of list?  The length of
 * " W", or 0.
 */
static size_t
word_before(const char *c, size_t from, size_t to, const struct words *ws)
{
	size_t k;

	for (k = 0; k < ws->n; k++) {
		size_t wl = ws->len[k];

		if (to >= from + wl + 1 && c[to - wl - 1] == ' ' &&
		    starts_word(c + to - wl, wl, ws->w[k]))
			return wl + 1;
	}
	return 0;
}

/*
 * Can a minutes heading start at c[p]?  At the start of the paragraph, or
 * with a capital after the end of a sentence or after a line the converter
 * ran into it; not inside a sentence ("the Minutes of the meeting …").
 */
static int
heading_may_start(const char *c, size_t p, const char *word)
{
	size_t w;

	if (p == 0)
		return 1;
	if (p < 2 || c[p] != word[0] - (is_lower((unsigned char)word[0]) ? 32 : 0) ||
	    c[p - 1] != ' ')
		return 0;
	if (strchr(".?!:)", c[p - 2]))
		return 1;
	w = p - 1;
	while (w > 0 && is_alpha((unsigned char)c[w - 1]))
		w--;
	return !in_words(c + w, p - 1 - w, &not_after);
}

/*
 * After a heading's date c[e..n) only a time or the next heading word
 * may follow, not the rest of a sentence ("… were approved") nor an
 * agenda's page reference ("(Pages 3 - 8)").
 */
static int
after_date_ok(const char *c, size_t e, size_t n)
{
	while (e < n && (c[e] == ' ' || c[e] == '.' || c[e] == ',' || c[e] == ')' ||
	    c[e] == '('))
		e++;
	if (e < n && is_lower((unsigned char)c[e]) && !in_words(c + e, n - e, &after_date))
		return 0;
	return !holds(c + e, n - e, &page_ref);
}

/*
 * A minutes heading in c[0..n): "Minutes of a meeting of BODY held … DATE",
 * "MINUTES OF THE BODY — DATE", "Minutes of the BODY meeting held on …",
 * "MINUTE of MEETING of the BODY held … on DATE".
 * It opens the paragraph or follows the end of a sentence in it (the
 * converter may have run it into what precedes).  Sets the body span and,
 * when the paragraph holds one, the date; *has_date tells.
 */
int
minutes_heading_cap(void)
{
	return n_heading_caps == 1 ? heading_caps[0] : -1;
}

int
minutes_heading_opens(const char *c, size_t n)
{
	return n > 0 && heading_word_at(c, 0, n) < heading_words.n;
}

static int heading_from(const char *c, size_t n, size_t p, size_t word, size_t *bs,
    size_t *be, char *iso, int *has_date) __attribute__((noinline));

int
minutes_heading(const char *c, size_t n, size_t *bs, size_t *be, char *iso,
    int *has_date)
{
	size_t word = 0, p = first_heading_word(c, 0, n, &word);

	/* most paragraphs hold no heading word where one may start: the
	 * answer without heading_from's frame */
	if (p >= n)
		return 0;
	return heading_from(c, n, p, word, bs, be, iso, has_date);
}

/* minutes_heading from the first place p its word (entry word) may start. */
static int
heading_from(const char *c, size_t n, size_t p, size_t word, size_t *bs, size_t *be,
    char *iso, int *has_date)
{
	size_t i, j, limit, ds, de, w;

	/* "MINUTE of MEETING of …" is the Scottish form */
	for (;;) {
		i = p + heading_words.len[word];
		if (i < n && (c[i] == 's' || c[i] == 'S'))
			i++;
		if (starts_with(c + i, n - i, " of ") && heading_may_start(c, p, heading_words.w[word]))
			break;
		p = first_heading_word(c, p + 1, n, &word);
		if (p >= n)
			return 0;
	}
	i += 4;
	if (starts_word(c + i, n - i, "a") || starts_word(c + i, n - i, "an") ||
	    starts_word(c + i, n - i, "the"))
		i = skip_word(c, i, n);
	while (i < n && in_words(c + i, n - i, &meeting_words))
		i = skip_word(c, i, n);
	if (in_words(c + i, n - i, &minutes_of)) {
		i = skip_word(c, i, n);
		if (!starts_word(c + i, n - i, "of")) {
			/* "Minutes of the meeting held on DATE": the body was printed above */
			if (p > 0 || !in_words(c + i, n - i, &held) ||
			    !date_find(c + i, n - i, iso, &ds, &de) || n > 160 ||
			    !after_date_ok(c, i + de, n))
				return 0;
			*has_date = 1;
			*bs = *be = 0;
			return 2;
		}
		i = skip_word(c, i, n);
		if (starts_word(c + i, n - i, "the"))
			i = skip_word(c, i, n);
	}
	if (i >= n || !(is_upper((unsigned char)c[i]) || (unsigned char)c[i] >= 0x80))
		return 0;
	if (in_words(c + i, n - i, &earlier))
		return 0;
	*has_date = date_find(c + i, n - i, iso, &ds, &de);
	ds += i;
	de += i;
	limit = *has_date ? ds : n;
	if (limit - p > 300)
		return 0;
	j = body_end(c, i, limit);
	trim_seps(c, &i, &j);
	/* "… Cabinet meeting held on": the meeting is not the body */
	if ((w = word_before(c, i, j, &meeting_nouns)) > 0)
		j -= w;
	if (j <= i || j - i > 150)
		return 0;
	*bs = i;
	*be = j;
	if (*has_date) {
		if (!after_date_ok(c, de, n))
			return 0;
	} else if (n > 200) {
		return 0;
	}
	return 1;
}

/* A clock time at s[*i]: "2", "2.00", "14:00", "2.00pm", "2 p.m.". */
static int
time_at(const char *s, size_t *i, size_t n, int *ampm, int *colon)
{
	size_t j = *i, d = 0;

	while (j < n && is_digit((unsigned char)s[j]) && d < 3)
		j++, d++;
	if (d == 0 || d > 2)
		return 0;
	*colon = 0;
	if (j + 2 < n && (s[j] == '.' || s[j] == ':') && is_digit((unsigned char)s[j + 1]) &&
	    is_digit((unsigned char)s[j + 2])) {
		*colon = s[j] == ':';
		j += 3;
	}
	while (j < n && s[j] == ' ')
		j++;
	*ampm = 0;
	if (j + 1 < n && (lower((unsigned char)s[j]) == 'a' || lower((unsigned char)s[j]) == 'p')) {
		if (lower((unsigned char)s[j + 1]) == 'm' && (j + 2 >= n || !is_alpha((unsigned char)s[j + 2]))) {
			*ampm = 1;
			j += 2;
		} else if (j + 3 < n && s[j + 1] == '.' && lower((unsigned char)s[j + 2]) == 'm' &&
		    s[j + 3] == '.') {
			*ampm = 1;
			j += 4;
		}
	} else if (starts_word(s + j, n - j, "noon")) {
		*ampm = 1;
		j += 4;
	}
	*i = j;
	return 1;
}

/* "2.00 - 4.10 pm", "1.30pm – 3.55pm CHAIRMAN", "10.00 am to 12.15 pm". */
int
times_line(const char *c, size_t n)
{
	size_t i = 0, k;
	int a1, a2, c1, c2;

	if (n > 0 && c[0] == '(')
		i++;	/* "(2.00 pm - 4.10 pm)" */
	if (n > 200 || i >= n || !is_digit((unsigned char)c[i]))
		return 0;
	if (!time_at(c, &i, n, &a1, &c1))
		return 0;
	while (i < n && c[i] == ' ')
		i++;
	if (i < n && c[i] == '-')
		i++;
	else if (i + 2 < n && (k = sep_len(c + i, n - i)) == 3)
		i += 3;
	else if (starts_word(c + i, n - i, "to"))
		i += 2;
	else
		return 0;
	while (i < n && c[i] == ' ')
		i++;
	if (!time_at(c, &i, n, &a2, &c2))
		return 0;
	if (!a1 && !a2 && !(c1 && c2))
		return 0;
	while (i < n && (c[i] == ' ' || c[i] == '.' || c[i] == ')'))
		i++;
	/* What follows: nothing, the chair's line, a date, or little else. */
	if (i == n || prefix_in(c + i, n - i, &chair_words) || is_digit((unsigned char)c[i]))
		return 1;
	return n - i <= 60;
}

/* "CHAIRMAN", "Chair", "Signed …… Chairman", "Chair: ______ Date: ____". */
int
chair_line(const char *c, size_t n)
{
	size_t i = 0;
	int strong = 0;
	char iso[DATE_ISO_LEN + 1];

	if (n == 0 || n > 120 || !is_upper((unsigned char)c[0]))
		return 0;
	/*
	 * the words that make a line strong (chair_word, chair_strong,
	 * signature_word): without one, no need to look
	 */
	if (!pairset_find(&strong_pairs, c, n))
		return 0;
	while (i < n) {
		size_t j = i;

		if (!is_alpha((unsigned char)c[i])) {
			i++;
			continue;
		}
		while (j < n && (is_alpha((unsigned char)c[j]) || c[j] == '\''))
			j++;
		if (prefix_in(c + i, j - i, &chair_words) || in_words(c + i, j - i, &chair_strong))
			strong = 1;
		else if (in_words(c + i, j - i, &signature_words) && j < n &&
		    (c[j] == ':' || c[j] == '.' || c[j] == '_' || (c[j] == ' ' && j + 1 < n &&
		    (c[j + 1] == '.' || c[j + 1] == '_'))))
			strong = 1;	/* "Signed: …", "Signed ………", not "… and signed." */
		else if (!in_words(c + i, j - i, &chair_line_words) &&
		    !date_find(c + i, n - i, iso, NULL, NULL))
			return 0;
		i = j;
	}
	return strong;
}

/*
 * "The meeting closed at 4.10 pm.", "(The meeting ended at 8.30pm)",
 * "The meeting commenced at 7.00 pm and closed at 8.45 pm", "The Chairman
 * closed the meeting at 9.05 pm", "Meeting ended: 4.10 pm".
 */
int
closing_line(const char *c, size_t n)
{
	size_t i = 0, k;

	if (n > 120)
		return 0;
	if (i < n && c[i] == '(')
		i++;
	if (starts_word(c + i, n - i, "the"))
		i = skip_word(c, i, n);
	if (!in_words(c + i, n - i, &meeting_nouns) && !prefix_in(c + i, n - i, &chair_words))
		return 0;
	i = skip_word(c, i, n);
	for (k = 0; closing_phrases.w[k]; k++) {
		size_t f = find_n(c + i, n - i, closing_phrases.w[k], closing_phrases.len[k], 1);

		/* followed by a time */
		if (f < n - i) {
			size_t j = i + f + closing_phrases.len[k];

			while (j < n && c[j] == ' ')
				j++;
			if (j < n && is_digit((unsigned char)c[j]))
				return 1;
		}
	}
	return 0;
}

/* Does an entry of sentence_words (or " be ", when be) start at s[i]
 * (a space) of s[0..m)?  Case as written. */
static int
verb_at(const char *s, size_t i, size_t m, int be)
{
	unsigned bits;

	if (i + 1 >= m)
		return 0;
	bits = verb_bits[(unsigned char)s[i + 1]];
	if (!be)
		bits &= ~(1u << verb_be);
	while (bits) {
		size_t k = (size_t)__builtin_ctz(bits), l;
		const char *w = k == verb_be ? " be " : sentence_words.w[k];

		l = k == verb_be ? 4 : sentence_words.len[k];
		if (i + l <= m && memcmp(s + i, w, l) == 0)
			return 1;
		bits &= bits - 1;
	}
	return 0;
}

/*
 * Does s[0..m) hold an entry of sentence_words (or " be ", when be)?
 * What a find of each would answer, in one pass: each starts with a
 * space, and the spaces are found sixteen bytes at a time with SSE2.
 */
static int
narrative_in(const char *s, size_t m, int be)
{
	size_t i = 0;

#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' ');

	for (; i + 16 <= m; i += 16) {
		unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const void *)(s + i)), sp));

		while (bits) {
			if (verb_at(s, i + (size_t)__builtin_ctz(bits), m, be))
				return 1;
			bits &= bits - 1;
		}
	}
#endif
	for (; i < m; i++)
		if (s[i] == ' ' && verb_at(s, i, m, be))
			return 1;
	return 0;
}

/*
 * count_words(t, n) with SSE2: the word starts (a byte not a space after
 * a space or the start) of sixteen bytes at a time, counted.
 */
static size_t
title_words(const char *t, size_t n)
{
	size_t i = 0, w = 0;
	unsigned prev = 1;	/* the byte before is a space, or there is none */

#ifdef __SSE2__
	for (; i + 16 <= n; i += 16) {
		unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const void *)(t + i)), _mm_set1_epi8(' ')));

		w += (size_t)__builtin_popcount(~sp & 0xffff & (sp << 1 | prev));
		prev = sp >> 15;
	}
#endif
	for (; i < n; i++) {
		if (t[i] == ' ') {
			prev = 1;
		} else {
			w += prev;
			prev = 0;
		}
	}
	return w;
}

/* Offset of the first '.' in t[i..end), or end (title_like's full stops). */
static size_t
next_dot(const char *t, size_t i, size_t end)
{
	const char *q;

	if (i >= end)
		return end;
	q = memchr(t + i, '.', end - i);
	return q ? (size_t)(q - t) : end;
}

/*
 * Does t[0..n) read as an item title rather than a sentence or a list
 * entry?  strict asks more (used when nothing else vouches for it).
 */
int
title_like(const char *t, size_t n, int strict, int in_resolved)
{
	size_t words, i, stops = 0;
	unsigned char c0, last;
	int k;

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.'))
		n--;
	if (n < 2 || n > 250)
		return 0;
	c0 = (unsigned char)t[0];
	if (!(is_upper(c0) || is_digit(c0) || c0 == '"' || c0 == '\'' || c0 == '(' ||
	    c0 >= 0x80))
		return 0;
	if (in_words(t, n, &not_title))
		return 0;
	last = (unsigned char)t[n - 1];
	if (last == ';' || last == ',')
		return 0;
	if (n >= 4 && (starts_word(t + n - 4, 4, " and") || starts_word(t + n - 3, 3, " or")))
		return 0;
	words = title_words(t, n);
	if (words > 30 || (strict && words > 22))
		return 0;
	if (last == '?' && words > 6)
		return 0;	/* a question put, not an item */
	if (words > 8) {
		/* a full stop inside, then a capital: a second sentence */
		for (i = 2; i + 2 < n && !stops; i = next_dot(t, i + 1, n - 2))
			if (t[i] == '.' && t[i + 1] == ' ' && is_upper((unsigned char)t[i + 2]) &&
			    is_lower((unsigned char)t[i - 1]) && !(i >= 2 && t[i - 2] == ' ') &&
			    !(i >= 3 && is_upper((unsigned char)t[i - 3]) && t[i - 2] == 'o'))
				stops++;
		if (stops > 0)
			return 0;
	}
	{
		char pad[260];

		pad[0] = ' ';
		memcpy(pad + 1, t, n);
		pad[n + 1] = ' ';
		/* verbs of narrative (narrative_verb) that titles do not use */
		if (verb_pass)
			return !narrative_in(pad, n + 2, in_resolved || strict);
		for (k = 0; sentence_words.w[k]; k++)
			if (find_n(pad, n + 2, sentence_words.w[k], sentence_words.len[k], 0) < n + 2)
				return 0;
		if ((in_resolved || strict) && find(pad, n + 2, " be ", 0) < n + 2)
			return 0;
	}
	return 1;
}

/* Title ends with a word that cannot end a title: it goes on. */
int
title_continues(const char *t, size_t n)
{
	int k;

	for (k = 0; title_tails.w[k]; k++) {
		size_t tl = title_tails.len[k];

		if (n > tl && starts_word(t + n - tl, tl, title_tails.w[k]))
			return 1;
	}
	return 0;
}

/* A paragraph that opens a RESOLVED block (conventions.md "Decisions"). */
int
resolved_line(const char *c, size_t n)
{
	size_t i = 0, k, w;

	/* "It was RESOLVED": the lead's words skipped */
	for (k = 0; words_may_start(c, n, &decision_leads) && k < decision_leads.n; k++)
		if (starts_word(c, n, decision_leads.w[k])) {
			for (w = count_words(decision_leads.w[k], decision_leads.len[k]); w > 0; w--)
				i = skip_word(c, i, n);
			break;
		}
	return in_words(c + i, n - i, &decision_words);
}

/* Words whose full stop does not end a sentence. */
static int
abbreviation_before(const char *t, size_t i)
{
	size_t s = i;

	while (s > 0 && is_alpha((unsigned char)t[s - 1]))
		s--;
	if (i - s == 1)
		return 1;	/* an initial: "J. Smith" */
	return whole_in(t + s, i - s, &abbreviations);
}

/*
 * A heading run into the first sentence of its item ("19. Declarations of
 * interest. The Chairman invited …"): the offset just past the full stop
 * that ends a title-like first part, or 0.
 */
size_t
run_in_cut(const char *t, size_t n, int strict, int in_resolved)
{
	size_t i;

	for (i = 1; i + 2 < n && i < 200; i++) {
		if (t[i] != '.' || t[i + 1] != ' ')
			continue;
		if (!(is_upper((unsigned char)t[i + 2]) || (unsigned char)t[i + 2] >= 0x80 ||
		    t[i + 2] == '"' || t[i + 2] == '\''))
			continue;
		if (abbreviation_before(t, i))
			continue;
		return title_like(t, i + 1, strict, in_resolved) ? i + 1 : 0;
	}
	return 0;
}

/*
 * A heading run into its text after a colon: "33/24 Harbour Dues: The
 * Board considered …", "Date of Next Meeting: 4 August 2024.".  The
 * offset where the text starts, or 0.  A subtitle after a colon
 * ("Budget 2025: Consultation Response") is no text: what follows must
 * be a sentence — ending with its stop and of four words or more, or
 * a date or a nil ("None.").
 */
size_t
colon_cut(const char *t, size_t n, int strict, int in_resolved)
{
	size_t c = find(t, n < 120 ? n : 120, ": ", 0), r, words;
	unsigned char last;
	char iso[DATE_ISO_LEN + 1];

	if (c >= n || c >= 120 || c < 3)
		return 0;
	if (count_words(t, c) > 10 || !title_like(t, c, strict, in_resolved))
		return 0;
	r = c + 2;
	while (r < n && t[r] == ' ')
		r++;
	if (r >= n || !(is_upper((unsigned char)t[r]) || is_digit((unsigned char)t[r]) ||
	    (unsigned char)t[r] >= 0x80))
		return 0;
	last = (unsigned char)t[n - 1];
	if (last != '.' && last != '!' && last != '?')
		return 0;
	words = count_words(t + r, n - r);
	if (words >= 4 || in_words(t + r, n - r, &nil_words) ||
	    date_parse(t + r, n - r, iso))
		return r;
	return 0;
}

/* Does t[0..tn) end with a word that a number follows ("Rule", "Order")? */
int
takes_number(const char *t, size_t tn)
{
	size_t w = tn;

	while (w > 0 && is_alpha((unsigned char)t[w - 1]))
		w--;
	return w < tn && (w == 0 || t[w - 1] == ' ') && in_words(t + w, tn - w, &numbered_nouns);
}

/*
 * Is u[0..un) the last line of a title t[0..tn) that wrapped ("… Scrutiny
 * Procedure" / "Rule 16.")?  Only when the title lacks the full stop this
 * document's headings end with (or is long enough to have wrapped) and u
 * is a short capitalised fragment that has it.
 */
int
wrapped_tail(int dotted, const char *t, size_t tn, const char *u, size_t un)
{
	if (tn == 0 || t[tn - 1] == '.' || t[tn - 1] == ':' || u[un - 1] != '.')
		return 0;
	if (un > 50 || count_words(u, un) > 6)
		return 0;
	if (!(is_upper((unsigned char)u[0]) || is_digit((unsigned char)u[0])))
		return 0;
	if (in_words(u, un, &sentence_starts))
		return 0;	/* "Urgent Items" / "None." is an item and its text */
	return dotted > 0 || tn >= 60;
}

size_t
opener_cut(const char *t, size_t n, int strict, int in_resolved)
{
	size_t i, w, e, f;
	int k, hit;

	for (i = 0; i < n && i < 200; i = e) {
		while (i < n && t[i] == ' ')
			i++;
		w = i;
		for (e = w; e < n && t[e] != ' '; e++)
			;
		if (w == 0 || e == w)
			continue;
		/* the title before it ends in a word, not a dash or colon */
		if (!(is_lower((unsigned char)t[w - 2]) || is_digit((unsigned char)t[w - 2])))
			continue;
		/*
		 * decisions and nils that open it whatever follows
		 * (item_text_bare); words that open it before a word in lower
		 * case (item_text_opener)
		 */
		hit = 0;
		for (k = 0; bare_openers.w[k] && !hit; k++)
			hit = bare_openers.len[k] <= e - w &&
			    starts_with(t + w, e - w, bare_openers.w[k]) &&
			    memcmp(t + w, bare_openers.w[k], bare_openers.len[k]) == 0 &&
			    (e - w == bare_openers.len[k] ||
			    !is_alpha((unsigned char)t[w + bare_openers.len[k]]));
		for (k = 0; openers.w[k] && !hit; k++) {
			f = e;
			while (f < n && t[f] == ' ')
				f++;
			hit = openers.len[k] == e - w && memcmp(t + w, openers.w[k], e - w) == 0 &&
			    f < n && is_lower((unsigned char)t[f]);
		}
		if (!hit)
			continue;
		if (count_words(t + w, n - w) < 2 || count_words(t, w) < 1)
			return 0;
		if (title_continues(t, w - 1))
			continue;	/* "Questions from Members of the Public" */
		return title_like(t, w, strict, in_resolved) ? w : 0;
	}
	return 0;
}

/*
 * A title in capitals run into its item's first sentence ("PLANNING
 * APPLICATION – LAND AT MILL FARM The Committee considered the report."):
 * the offset where the sentence starts, or 0.  The capitals must be a
 * title of some length and what follows a sentence of a few words, so
 * "CCTV Strategy" stays whole.
 */
size_t
caps_cut(const char *t, size_t n)
{
	size_t i = 0, letters = 0, words = 0, w;

	while (i < n) {
		w = i;
		while (i < n && t[i] != ' ')
			i++;
		/* a word with a lower-case letter ends the capitals */
		{
			size_t k, lc = 0, uc = 0;

			for (k = w; k < i; k++) {
				if (is_lower((unsigned char)t[k]))
					lc++;
				else if (is_upper((unsigned char)t[k]))
					uc++;
			}
			if (lc > 0) {
				if (!is_upper((unsigned char)t[w]) || words < 2 || letters < 8)
					return 0;
				if (count_words(t + w, n - w) < 4 ||
				    !(t[n - 1] == '.' || t[n - 1] == ':' || t[n - 1] == ';'))
					return 0;
				return w;
			}
			letters += uc;
		}
		words++;
		while (i < n && t[i] == ' ')
			i++;
	}
	return 0;
}

/* "REPORT OF THE DIRECTOR …", "JOINT REPORT OF …", "Report by …". */
int
report_of(const char *c, size_t n)
{
	return prefix_in(c, n, &report_ofs);
}

/* "Purpose of the report": the heading is over. */
int
report_purpose(const char *c, size_t n)
{
	return prefix_in(c, n, &report_purposes);
}

#ifdef HEADINGS_AVX2
/*
 * The capitals and small letters of c[0..n), 16 <= n <= 250, counted
 * thirty-two bytes a step (the last block the one that ends the text,
 * its bytes already counted left out; a text shorter than 32, two blocks
 * of sixteen so), each block's by a popcount of its mask.  Returns 1 with the counts; or 0 as soon as the small letters
 * are two or more and over a fifth of n, when caps_line's answer is no
 * whatever the bytes not yet read hold (capitals need four times the
 * small letters, and there are at most n letters): most paragraphs are
 * prose, and the first block or two tell.
 */
__attribute__((target("avx2,popcnt"))) static int
letters_avx2(const char *c, size_t n, size_t *up, size_t *low)
{
	const __m256i ca = _mm256_set1_epi8('A'), sa = _mm256_set1_epi8('a'),
	    z = _mm256_set1_epi8(25);
	__m256i v, x, y;
	size_t i, u = 0, l = 0;

	if (n < 32) {
		const __m128i a = _mm_set1_epi8('A'), sm = _mm_set1_epi8('a'), z25 = _mm_set1_epi8(25);
		__m128i v0 = _mm_loadu_si128((const void *)c), v1 = _mm_loadu_si128((const void *)(c + n - 16));
		__m128i x0 = _mm_sub_epi8(v0, a), x1 = _mm_sub_epi8(v1, a);
		__m128i y0 = _mm_sub_epi8(v0, sm), y1 = _mm_sub_epi8(v1, sm);
		unsigned old = (unsigned)(32 - n);	/* the second block's lanes already counted */

		*up = (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(_mm_min_epu8(x0, z25), x0))) +
		    (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(_mm_min_epu8(x1, z25), x1)) >> old);
		*low = (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(_mm_min_epu8(y0, z25), y0))) +
		    (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(_mm_min_epu8(y1, z25), y1)) >> old);
		return 1;
	}
	for (i = 0; i + 32 <= n; i += 32) {
		v = _mm256_loadu_si256((const __m256i *)(const void *)(c + i));
		x = _mm256_sub_epi8(v, ca);
		y = _mm256_sub_epi8(v, sa);
		u += (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(_mm256_min_epu8(x, z), x)));
		l += (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(_mm256_min_epu8(y, z), y)));
		if (l >= 2 && 5 * l > n) {
			*up = u;
			*low = l;
			return 0;
		}
	}
	if (i < n) {
		/* the lanes k >= i - (n - 32) are new */
		unsigned old = (unsigned)(i - (n - 32));

		v = _mm256_loadu_si256((const __m256i *)(const void *)(c + n - 32));
		x = _mm256_sub_epi8(v, ca);
		y = _mm256_sub_epi8(v, sa);
		u += (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(_mm256_min_epu8(x, z), x)) >> old);
		l += (size_t)__builtin_popcount((unsigned)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(_mm256_min_epu8(y, z), y)) >> old);
	}
	*up = u;
	*low = l;
	return 1;
}
#endif

/*
 * A short line in capitals (or nearly: "(TSIL)", "and/or" survive), or a
 * short line without letters ("2024 - 2025") inside a capitals heading.
 */
int
caps_line(const char *c, size_t n)
{
	size_t i, up = 0, low = 0;

	if (n == 0 || n > 250)
		return 0;	/* before counting letters: most paragraphs are long */
#ifdef HEADINGS_AVX2
	if (n >= 16 && cpu_avx2_popcnt) {
		if (!letters_avx2(c, n, &up, &low))
			return 0;
		if (up + low < 2)
			return n <= 40;
		return up >= 4 * low;
	}
#endif
	/*
	 * caps_percent(c, n) >= 80, which is up >= 4 * low with two letters
	 * or more.  A line of sixteen bytes or more is counted sixteen bytes
	 * at a time (the last block the one that ends it, its bytes already
	 * counted left out; at most 16 blocks: no byte counter overflows).
	 */
	if (n >= 16) {
		static const bytes16 lane = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
		bytes16 aup = {0}, alow = {0}, v;

		for (i = 0; i + 16 <= n; i += 16) {
			v = bytes16_load(c + i);
			aup -= (bytes16)((bytes16)(v - 'A') <= 25);
			alow -= (bytes16)((bytes16)(v - 'a') <= 25);
		}
		if (i < n) {
			bytes16 fresh = (bytes16)(lane >= (unsigned char)(i - (n - 16)));

			v = bytes16_load(c + n - 16);
			aup -= (bytes16)((bytes16)(v - 'A') <= 25) & fresh;
			alow -= (bytes16)((bytes16)(v - 'a') <= 25) & fresh;
		}
		up = bytes16_sum(aup);
		low = bytes16_sum(alow);
		if (up + low < 2)
			return n <= 40;
		return up >= 4 * low;
	}
	/* Once the lower case seen outweighs what the bytes left could add
	 * in capitals, the answer is no without reading them. */
	for (i = 0; i < n; i++) {
		int ch = (unsigned char)c[i];

		if (is_upper(ch))
			up++;
		else if (is_lower(ch) && ++low * 4 > up + (n - 1 - i) && up + low >= 2)
			return 0;
	}
	if (up + low < 2)
		return n <= 40;
	return up >= 4 * low;
}

/*
 * Where a run of capitals that ends c[0..n) starts ("… Email: x@y.uk
 * CABINET – 14 OCTOBER 2025", "… more text CHILDREN AND FAMILIES
 * COMMITTEE"), or 0.  The run stops at a lower-case letter or a spaced
 * dash; the caller still needs the date and the rest of the heading.
 */
size_t
caps_tail(const char *c, size_t n)
{
	size_t i = n;

	if (n < 12 || n > 4000)
		return 0;
	/*
	 * A small letter among the last twelve bytes: the run, if any, is
	 * shorter than the 12 bytes asked below (most paragraphs end so).
	 * With SSE2, the twelve at once; else the last two.
	 */
#ifdef __SSE2__
	if (n >= 16) {
		__m128i d = _mm_sub_epi8(_mm_loadu_si128((const void *)(c + n - 16)),
		    _mm_set1_epi8('a'));

		if ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d,
		    _mm_set1_epi8(25)), d)) & 0xfff0)
			return 0;
	} else
#endif
	if (is_lower((unsigned char)c[n - 1]) || is_lower((unsigned char)c[n - 2]))
		return 0;
	while (i > 0) {
		unsigned char ch = (unsigned char)c[i - 1];

		if (is_lower(ch))
			break;
		if (i >= 3 && ch == ' ' && (c[i - 2] == '-' || (unsigned char)c[i - 2] == 0x93 ||
		    (unsigned char)c[i - 2] == 0x94) && (c[i - 3] == ' ' || (unsigned char)c[i - 3] == 0x80))
			break;
		i--;
	}
	/* to the start of a word in capitals */
	while (i < n && !is_upper((unsigned char)c[i]))
		i++;
	if (i == 0 || n - i < 12 || caps_percent(c + i, n - i) < 95 || count_words(c + i, n - i) < 2)
		return 0;
	return i;
}

static int body_date_rest(const char *c, size_t n) __attribute__((noinline));

/*
 * "Cabinet – 14 October 2025", "PLANNING COMMITTEE: 12 JUNE 2019": past
 * body_date_line's first test (headings.h), a line of 120 bytes at most
 * that starts with a capital.
 */
int
body_date_line_rest(const char *c, size_t n)
{
	size_t m = n;

	/*
	 * The date must end the line (but for spaces and full stops), and
	 * every date ends with a digit: without one there, no need to look.
	 */
	while (m > 0 && (c[m - 1] == ' ' || c[m - 1] == '.'))
		m--;
	if (m == 0 || !is_digit((unsigned char)c[m - 1]))
		return 0;
	return body_date_rest(c, n);
}

/* body_date_line past its first tests, out of line (its frame cost more
 * than they do). */
static int
body_date_rest(const char *c, size_t n)
{
	char iso[DATE_ISO_LEN + 1];
	size_t ds, de;

	/* (a body's word before the date, below, is first looked for in
	 * the whole line: most lines have none, and the search is cheaper
	 * than the date's) */
	if (in_words(c, n, &minutes_nouns) ||
	    !pairset_find(&body_pairs, c, n) ||
	    !date_find(c, n, iso, &ds, &de) || ds == 0 || count_words(c, ds) > 10 ||
	    holds(c, ds, &held_pad))
		return 0;
	while (de < n && (c[de] == ' ' || c[de] == '.'))
		de++;
	if (de != n)
		return 0;
	return pairset_find(&body_pairs, c, ds);	/* holds(c, ds, &body_nouns) */
}

/* A short line that can be part of a mixed-case title. */
int
title_line(const char *c, size_t n)
{
	return n <= 150 && (is_upper((unsigned char)c[0]) || is_digit((unsigned char)c[0])) &&
	    c[n - 1] != '.' && count_words(c, n) <= 20;
}

/* front_field of a name of nl bytes. */
static inline size_t
field_at(const char *c, size_t n, const char *name, size_t nl)
{
	size_t i = nl;

	if (!starts_with(c, n, name))
		return 0;
	while (i < n && c[i] == ' ')
		i++;
	if (i >= n || c[i] != ':')
		return 0;
	i++;
	while (i < n && c[i] == ' ')
		i++;
	return i;
}

/* "Name:" at the start of c: returns the offset of the value, or 0. */
size_t
front_field(const char *c, size_t n, const char *name)
{
	return field_at(c, n, name, strlen(name));
}

/*
 * Is field f of a cover table found at s[x] the last words of a longer
 * field ("date:" of "meeting date:")?
 */
static int
inside_field(const char *s, size_t x, const char *f)
{
	size_t k, fl = strlen(f);

	for (k = 0; cover_fields.w[k]; k++) {
		size_t gl = cover_fields.len[k], d = gl - fl;

		if (gl > fl + 1 && x >= d && cover_fields.w[k][d - 1] == ' ' &&
		    starts_with(cover_fields.w[k] + d, fl, f) && starts_with(s + x - d, d, cover_fields.w[k]))
			return 1;
	}
	return 0;
}

/*
 * Where in s[0..n) field f ("date:") of a cover table starts (at the
 * start or after a space, and not inside a longer field), or n.
 */
static size_t
cover_find(const char *s, size_t n, const char *f)
{
	size_t at0 = 0, x;

	for (;;) {
		x = find(s + at0, n - at0, f, 1);
		if (x >= n - at0)
			return n;
		x += at0;
		if ((x == 0 || s[x - 1] == ' ') && !inside_field(s, x, f))
			return x;
		at0 = x + 1;
	}
}

/* The value of field f in s[0..n): up to the next field; 1 if found. */
static int
cover_field_value(const char *s, size_t n, const char *f, size_t *a, size_t *b)
{
	size_t x = cover_find(s, n, f), end = n, k;

	if (x >= n)
		return 0;
	*a = x + strlen(f);
	for (k = 0; cover_fields.w[k]; k++) {
		size_t y = cover_find(s + *a, n - *a, cover_fields.w[k]);

		if (*a + y < end)
			end = *a + y;
	}
	*b = end;
	trim_seps(s, a, b);
	return 1;
}

int
cover_value(const char *s, size_t n, int group, size_t *a, size_t *b)
{
	size_t k;

	for (k = 0; cover_group[group].w[k]; k++)
		if (cover_field_value(s, n, cover_group[group].w[k], a, b))
			return 1;
	return 0;
}

/* A field of ws at the start of c ("Name:"): the offset of its value, or 0. */
static inline __attribute__((always_inline)) size_t
field_in(const char *c, size_t n, const struct words *ws)
{
	size_t k, v;

	unsigned char c0;

	if (!words_may_start(c, n, ws))
		return 0;
	/* an entry whose first byte differs from c's in more than its 0x20
	 * bit cannot match (as words_match): most fail there */
	c0 = (unsigned char)(c[0] | 0x20);
	for (k = 0; k < ws->n; k++)
		if ((unsigned char)(ws->w[k][0] | 0x20) == c0 &&
		    (v = field_at(c, n, ws->w[k], ws->len[k])) > 0)
			return v;
	return 0;
}

size_t
cover_first_field(const char *c, size_t n)
{
	return field_in(c, n, &cover_body);
}

/* A front page's "Meeting: Cabinet": the offset of the value, or 0. */
size_t
front_body_field(const char *c, size_t n)
{
	return field_in(c, n, &front_body);
}

/* A front page's "Date/Time: Tuesday, 2 September 2025 at 2.00 pm". */
int
front_date(const char *c, size_t n, char *iso)
{
	size_t v = field_in(c, n, &front_dates);

	return v > 0 && date_find(c + v, n - v, iso, NULL, NULL);
}

/* "APPENDIX A", "Appendix 2": an appendix starts (its own paragraph). */
int
appendix_line(const char *c, size_t n)
{
	size_t i, w = word_in(c, n, &appendix_words);

	/* the word, a space and at most seven more: "APPENDIX A", "Appendix 12:" */
	if (w == 0 || n > w + 8)
		return 0;
	for (i = w + 1; i < n; i++)
		if (!(is_upper((unsigned char)c[i]) || is_digit((unsigned char)c[i]) ||
		    c[i] == ':' || c[i] == '.' || c[i] == ' '))
			return 0;
	return n > w + 1;
}

/*
 * The kind of meeting printed after a body's name in a heading ("Parish
 * Council A.G.M. - 2nd May 2017", "Planning Committee Special Meeting"):
 * not part of the name (meeting_kind, longest first).
 */
size_t
body_kind_end(const char *c, size_t bs, size_t be)
{
	size_t k;

	for (k = 0; meeting_kind_tails.w[k]; k++) {
		size_t tl = meeting_kind_tails.len[k];

		if (be >= bs + tl + 3 && starts_with(c + be - tl, tl, meeting_kind_tails.w[k])) {
			be -= tl;
			trim_seps(c, &bs, &be);
			return be;
		}
	}
	return be;
}

/* A committee's name on a line of its own: "PLANNING COMMITTEE",
 * "Cabinet", past body_line's first test (headings.h): 3 to 100 bytes, a
 * capital first. */
int
body_line_rest(const char *c, size_t n)
{
	size_t i, words = 0;
	int in = 0;

	/* count_words(c, n) <= 10 and none of these bytes: one pass, left at the first miss */
	i = 0;
#ifdef __SSE2__
	{
		unsigned prev = 1;	/* the byte before is a space, or there is none */

		for (; i + 16 <= n; i += 16) {
			__m128i v = _mm_loadu_si128((const void *)(c + i));
			__m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
			__m128i bad = _mm_or_si128(
			    _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d),	/* a digit */
			    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8(','))), _mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(':')),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8(';'))),
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('?')))));
			unsigned sp = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
			    _mm_set1_epi8(' ')));

			if (_mm_movemask_epi8(bad))
				return 0;
			words += (size_t)__builtin_popcount(~sp & 0xffff & (sp << 1 | prev));
			if (words > 10)
				return 0;
			prev = sp >> 15;
		}
		in = !prev;
	}
#endif
	for (; i < n; i++) {
		if (is_digit((unsigned char)c[i]) || c[i] == '.' || c[i] == ',' || c[i] == ':' ||
		    c[i] == ';' || c[i] == '?')
			return 0;
		if (c[i] == ' ') {
			in = 0;
		} else if (!in) {
			in = 1;
			if (++words > 10)
				return 0;
		}
	}
	if (in_words(c, n, &present_labels) || in_words(c, n, &minutes_nouns) ||
	    in_words(c, n, &agenda_nouns))
		return 0;
	return pairset_find(&body_pairs, c, n);
}

/*
 * An agenda reference in brackets starting at c[i] and ending c[0..n):
 * "(Item 4)", "(Agenda Item 12)".  Returns 1 with the number's span.
 */
static int
item_ref_at(const char *c, size_t i, size_t n, size_t *ns, size_t *ne)
{
	size_t k, d;

	if (i >= n || c[i] != '(' || c[n - 1] != ')')
		return 0;
	/*
	 * minutes-normalise asks item_ref_line about page tops without
	 * having called headings_init: the lists are read the first time.
	 */
	if (!item_ref_words.w)
		headings_init();
	i++;
	if ((k = word_in(c + i, n - i, &item_ref_words)) == 0)
		return 0;
	i += k;
	if (i >= n || c[i] != ' ')
		return 0;
	i++;
	d = span_digits(c, i, n);
	if (d == 0 || d > 3 || i + d != n - 1)
		return 0;
	*ns = i;
	*ne = i + d;
	return 1;
}

int
item_ref_line(const char *c, size_t n, size_t *ns, size_t *ne)
{
	return n > 0 && n <= 20 && item_ref_at(c, 0, n, ns, ne);
}

size_t
item_ref_tail(const char *c, size_t n, size_t *ns, size_t *ne)
{
	size_t i;

	if (n < 9 || c[n - 1] != ')')
		return 0;
	for (i = n - 1; i > 0 && n - i <= 20; i--)
		if (c[i] == '(' && c[i - 1] == ' ')
			return item_ref_at(c, i, n, ns, ne) ? i - 1 : 0;
	return 0;
}

/* A vote's tally: counts, each with one or two words of tally_word. */
int
tally_line(const char *c, size_t n)
{
	size_t i = 0, groups = 0, k;

	if (n > 100)
		return 0;
	while (i < n) {
		size_t d = span_digits(c, i, n);

		if (d == 0 || d > 3)
			return 0;
		i += d;
		while (i < n && c[i] == ' ')
			i++;
		/* one or two tally words: "votes for", "in favour" */
		for (k = 0; k < 2 && i < n; k++) {
			size_t w = word_in(c + i, n - i, &tally_words);

			if (w == 0)
				break;
			i += w;
			while (i < n && c[i] == ' ')
				i++;
		}
		if (k == 0)
			return 0;
		groups++;
		while (i < n && (c[i] == ',' || c[i] == ';' || c[i] == ' ' || c[i] == '.'))
			i++;
		if (starts_word(c + i, n - i, "and"))
			i += 3;
		while (i < n && c[i] == ' ')
			i++;
	}
	return groups >= 2;
}

/*
 * Committee web pages (doc/phrasebook/web-pages.md): the text of a
 * meeting's or an item's page, where each item's minute follows a label.
 */

/* "Minutes:", "Decision:", "Decisions:", "Decision made:", "Decision made (Unanimously):". */
int
web_label(const char *c, size_t n)
{
	size_t i;
	int kind;

	if (n < 8 || n > 40 || c[n - 1] != ':')
		return 0;
	if ((i = word_in(c, n, &web_minutes)) > 0)
		kind = WEB_MINUTES;
	else if ((i = word_in(c, n, &web_decisions)) > 0)
		kind = WEB_DECISION;
	else
		return 0;
	while (i < n && c[i] == ' ')
		i++;
	if (i < n && c[i] == '(') {
		/* "(Unanimously)", "(by a majority)" */
		while (i < n && c[i] != ')')
			i++;
		if (i < n)
			i++;
		while (i < n && c[i] == ' ')
			i++;
	}
	return i == n - 1 ? kind : 0;
}

/*
 * The furniture of such a page around the items: "Additional
 * documents:", "Supporting documents:", "Share this item", "Media",
 * "Items", "No. Item", "… view the full minutes text for item 3.".
 */
int
web_chrome(const char *c, size_t n)
{
	size_t i = 0;

	if (whole_in(c, n, &web_furniture))
		return 1;
	while (i < n && (c[i] == '.' || c[i] == ' ' || (unsigned char)c[i] >= 0x80))
		i++;	/* "...", "…" */
	return prefix_in(c + i, n - i, &view_link) && n - i <= 60 &&
	    holds(c + i, n - i, &view_link_tails);
}

/*
 * Where a title ends before the furniture of a link to its document,
 * "Minutes pdf icon PDF 87 KB", "Budget PDF 1 MB": the offset, or n.
 */
size_t
web_title_end(const char *t, size_t n)
{
	size_t e = n, i;

	/* "… PDF 87 KB": the size, then "PDF" */
	if (e >= 2 && (starts_word(t + e - 2, 2, "KB") || starts_word(t + e - 2, 2, "MB"))) {
		i = e - 2;
		while (i > 0 && t[i - 1] == ' ')
			i--;
		if (i == 0 || !is_digit((unsigned char)t[i - 1]))
			return n;
		while (i > 0 && (is_digit((unsigned char)t[i - 1]) || t[i - 1] == '.'))
			i--;
		while (i > 0 && t[i - 1] == ' ')
			i--;
		if (i < 3 || !starts_with(t + i - 3, 3, "pdf"))
			return n;
		e = i - 3;
	} else {
		return n;
	}
	while (e > 0 && t[e - 1] == ' ')
		e--;
	if (e >= 8 && starts_with(t + e - 8, 8, "pdf icon"))
		e -= 8;
	while (e > 0 && t[e - 1] == ' ')
		e--;
	return e;
}

/* After a date: a start time ("7.00 pm", "10.00 a.m.", "14:00") or nothing, maybe ", CANCELLED". */
static int
time_tail(const char *c, size_t i, size_t n)
{
	int ampm, colon;

	while (i < n && (c[i] == ' ' || c[i] == ','))
		i++;
	if (starts_word(c + i, n - i, "at"))
		i += 2;
	while (i < n && c[i] == ' ')
		i++;
	if (i < n && is_digit((unsigned char)c[i])) {
		if (!time_at(c, &i, n, &ampm, &colon) || (!ampm && !colon))
			return 0;
	}
	while (i < n && (c[i] == ' ' || c[i] == ',' || c[i] == '.'))
		i++;
	return i == n || (n - i <= 24 && caps_percent(c + i, n - i) == 100);
}

/*
 * The meeting line of a meeting's page: "Licensing Committee - Tuesday,
 * 4th March, 2025 7.00 pm", "Cabinet Wednesday, 25th June, 2014 6.30
 * pm": a body's name, a date, a start time or nothing.  1 with the body
 * span and the date.
 */
int
web_meeting_line(const char *c, size_t n, size_t *bs, size_t *be, char *iso)
{
	size_t ds, de, k;

	if (n > 160 || n == 0 || !is_upper((unsigned char)c[0]))
		return 0;
	/* The body before the date holds no digit (below): a date after a
	 * digit is no answer, so none is looked for past the first. */
	k = skip_to_digit(c, 0, n);
	/* The body (below) is before the date, which starts at the first
	 * digit or before it: without a body's word there, no need to look. */
	if (k == n || !pairset_find(&body_pairs, c, k) ||
	    !date_find_before(c, n, k + 1, iso, &ds, &de) || ds == 0 || !time_tail(c, de, n))
		return 0;
	*bs = 0;
	*be = ds;
	trim_seps(c, bs, be);
	if (*be <= *bs || count_words(c + *bs, *be - *bs) > 12 ||
	    holds(c, *be, &held_pad) || in_words(c, n, &minutes_nouns) ||
	    in_words(c, n, &agenda_nouns))
		return 0;
	for (k = *bs; k < *be; k++)
		if (is_digit((unsigned char)c[k]) || c[k] == ':')
			return 0;
	return pairset_find(&body_pairs, c + *bs, *be - *bs);	/* holds(…, &body_nouns) */
}

/*
 * An issue page's meeting line: "Meeting: 20/09/2017 - Council (Item
 * 52)": 1 with the body span, the date and the item number's span.
 */
int
web_meeting_ref(const char *c, size_t n, size_t *bs, size_t *be, char *iso, size_t *ns,
    size_t *ne)
{
	size_t v, ds, de, e;

	if (n > 200 || (v = front_body_field(c, n)) == 0 ||
	    !date_find(c + v, n - v, iso, &ds, &de) || ds != 0)
		return 0;
	e = item_ref_tail(c, n, ns, ne);
	if (e == 0)
		return 0;
	*bs = v + de;
	*be = e;
	trim_seps(c, bs, be);
	return *be > *bs;
}

/* The fields of a decision's page (and of a list of decisions), by kind. */
size_t
web_decision_field(const char *c, size_t n, int *which)
{
	size_t v;
	int f;

	for (f = 0; f < WEB_F_KINDS; f++)
		if ((v = field_in(c, n, &decision_fields[f])) > 0) {
			if (which)
				*which = f;
			return v;
		}
	return 0;
}

/*
 * A decision's heading on a decision page: "13/02/2025 - Exclusion of
 * Press and Public", "19/01/2025 - SCALE OF FEES ref: 5466 For
 * Determination".  1 with the date and the title's span.
 */
int
web_dated_title(const char *c, size_t n, char *iso, size_t *ts, size_t *te)
{
	size_t ds, de, r;

	if (n > 250 || !is_digit((unsigned char)c[0]) || !date_find(c, n, iso, &ds, &de) ||
	    ds != 0 || de + 3 >= n || sep_len(c + de + 1, n - de - 1) == 0 || c[de] != ' ')
		return 0;
	*ts = de;
	*te = n;
	for (size_t k = 0; k < ref_labels.n; k++)
		if ((r = find_n(c + de, n - de, ref_labels.w[k], ref_labels.len[k], 1)) < *te - de)
			*te = de + r;
	trim_seps(c, ts, te);
	return *te > *ts && is_upper((unsigned char)c[*ts]);
}

/* "Wednesday, 25th June, 2025 6.30 pm" alone: the meeting line's second line. */
int
web_date_line(const char *c, size_t n, char *iso)
{
	size_t ds, de;

	return n <= 60 && date_find(c, n, iso, &ds, &de) && ds == 0 && time_tail(c, de, n);
}
