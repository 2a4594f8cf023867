/* linemarks — what a line's start and end say; see linemarks.h. */
#include "linemarks.h"

#include <stddef.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "minuteno.h"
#include "textscan.h"
#include "wordset.h"

/* The words looked for, from the lexicon: read by linemarks_words. */
static struct wordset paragraph_label, person_title, open_word, ref_word,
	hyphen_keep;
/*
 * The second bytes, either case for a caseless list, of a list's entries
 * that start with each letter A-Z in either case (all of them after an
 * entry of one byte): a text whose first two bytes start no entry is
 * told without comparing it with the entries.  For paragraph_label and
 * person_title, made with the word lists.
 */
struct second {
	unsigned char ok[26][256];
};
static struct second label_second, person_second;

static void
second_init(struct second *t, const struct wordset *ws)
{
	for (size_t k = 0; k < ws->n; k++) {
		const unsigned char *w = (const unsigned char *)ws->word[k];
		unsigned c = (unsigned)(w[0] | 0x20);
		if (c < 'a' || c > 'z')
			continue;       /* (second_may does not filter there) */
		if (ws->len[k] < 2) {
			memset(t->ok[c - 'a'], 1, sizeof t->ok[0]);
			continue;
		}
		/* (a caseless list holds its entries in small letters) */
		t->ok[c - 'a'][w[1]] = 1;
		if (ws->caseless && w[1] >= 'a' && w[1] <= 'z')
			t->ok[c - 'a'][w[1] - 32] = 1;
	}
}

/* May an entry start s[0..n)?  0 when none does. */
static inline int
second_may(const struct second *t, const char *s, size_t n)
{
	unsigned c = (unsigned char)s[0] | 0x20u;

	return n < 2 || c < 'a' || c > 'z' || t->ok[c - 'a'][(unsigned char)s[1]];
}

void
linemarks_words(void)
{
	wordset_init(&paragraph_label, "paragraph_label");
	second_init(&label_second, &paragraph_label);
	wordset_init(&person_title, "person_title");
	second_init(&person_second, &person_title);
	wordset_init(&open_word, "open_word");
	wordset_init(&ref_word, "ref_word");
	wordset_init(&hyphen_keep, "hyphen_keep");
	minuteno_init();
}

enum end_kind
line_end(const char *s, size_t n)
{
	/* Most lines end in a letter or digit: a word, whatever stands before. */
	if (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];
		if ((unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10)
			return END_WORD;
	}
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
		               is_alpha((unsigned char)s[n - 2]) || (unsigned char)s[n - 2] >= 0x80))
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
int
line_ends_open_word(const char *s, size_t n)
{
	size_t e = n, b;

	while (e > 0 && s[e - 1] == ' ')
		e--;
	b = e;
	while (b > 0 && is_alpha((unsigned char)s[b - 1]))
		b--;
	if (b == e || e - b > open_word.maxlen || (b > 0 && s[b - 1] != ' '))
		return 0;       /* "n/a" does not end in "a" */
	return ws_has(&open_word, s + b, e - b);
}

/* Does the text end with a word that refers to a number (ref_word: "item",
 * "minute")? */
int
line_ends_ref_word(const char *s, size_t n)
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
	while (b > 0 && is_alpha((unsigned char)s[b - 1]))
		b--;
	if (dot && e - b > 3)
		return 0;
	return ws_has(&ref_word, s + b, e - b);
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

	return ws_prefix(ws, k, s, n) && (n == m || !is_alpha((unsigned char)s[m]));
}

/*
 * Does the line open with a minute reference and a title: "Min. No.
 * 2023/115 Declarations…", "Minute 45 Title", "2023/115 Title", "45/24
 * Title", "HWB23/12 Title", "PC/45/19 Title"?  The number is read by
 * minuteno.c, as minutes-split reads it; a line needs more of it than an
 * item does, for a bare "22 Title" or "16.07.2 Title" opens many a
 * wrapped sentence: a minute word or a slash between numeric groups, no
 * financial year or date ("2023/24", "12/10/2023"), and after the number
 * only a '.' or ':' and spaces before a capital.
 */
/* Is there a '/' in the first eleven bytes of s[0..n)?  (A line of 16
 * bytes or more by one SSE2 compare, not a call of memchr.) */
static inline int
slash_in_11(const char *s, size_t n)
{
#ifdef __SSE2__
	if (n >= 16)
		return (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)s),
		                                         _mm_set1_epi8('/'))) & 0x7FF) != 0;
#endif
	return memchr(s, '/', n < 11 ? n : 11) != NULL;
}

static int
minute_heading(const char *s, size_t n)
{
	struct minute_no m;
	size_t i;

	/* Such a number has a minute word first or a slash in its first
	 * eleven bytes ("CAB/2024/07", "HWB23/12": five capitals, a
	 * separator and four digits at most before it): most lines have
	 * neither, and are not parsed. */
	if (!slash_in_11(s, n) && !minute_word(s, n))
		return 0;
	if (!minute_number(s, n, &m) ||
	    !(m.style == ST_WORD || m.style == ST_SLASH ||
	    (m.style == ST_PREFIX && m.ngroups > 1)) ||
	    minute_no_period(s, &m))
		return 0;
	i = m.ne;
	if (i < n && (s[i] == '.' || s[i] == ':'))
		i++;
	if (i + 1 >= n || s[i] != ' ')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return i < n && is_upper((unsigned char)s[i]);
}

/* What a line's start says about where it stands in a paragraph. */
enum mark_kind
line_mark(const char *s, size_t n)
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
		while (i < n && i < 6 && ((s[i] >= '0' && s[i] <= '9') || is_alpha((unsigned char)s[i])))
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
			if (is_alpha((unsigned char)s[j]) && s[j] >= 'A' && s[j] <= 'Z')
				return MARK_STRONG;
			return MARK_NONE;
		}
		if (dotted && j < n && s[j] == ' ' && j + 1 < n && s[j + 1] >= 'A' && s[j + 1] <= 'Z')
			return MARK_STRONG;
		return MARK_NONE;
	}
	if (is_alpha(c)) {
		size_t lim = n < 7 ? n : 7;
		while (i < lim && is_alpha((unsigned char)s[i]))
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
	if (n >= 2 && !label_second.ok[c - 'A'][(unsigned char)s[1]])
		return MARK_NONE;       /* no label starts with these two */
	size_t lo, hi;
	for (ws_range(&paragraph_label, c, &lo, &hi); lo < hi; lo++)
		if (starts_with_word(&paragraph_label, lo, s, n))
			return MARK_LABEL;
	return MARK_NONE;
}

/* Does the line start with a title (person_title) and a name ("Mr. J.
 * Smith", "Cllr Jane Smith")? */
int
line_is_person(const char *s, size_t n)
{
	size_t lo, hi;

	if (n == 0 || !second_may(&person_second, s, n))
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
int
line_keeps_hyphen(const char *s, size_t n)
{
	return ws_has(&hyphen_keep, s, n);
}
