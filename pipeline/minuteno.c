/*
 * minuteno — minute numbers at the start of a paragraph; see minuteno.h.
 */
#include "minuteno.h"

#include <string.h>

#include "err.h"
#include "lexicon.h"
#include "textscan.h"
#include "words.h"

static struct words prefix_words;	/* not_minute_prefix */
static char *not_letters;		/* not_minute_letter, as one string */
static struct words minute_words;	/* minute_word */
static struct words number_words;	/* number_word */

void
minuteno_init(void)
{
	struct words w;
	size_t k;

	if (not_letters)
		return;
	prefix_words = words_get("not_minute_prefix");
	w = words_get("not_minute_letter");
	not_letters = xmalloc(w.n + 1);
	for (k = 0; k < w.n; k++) {
		if (w.len[k] != 1)
			die(EXIT_TROUBLE, "%s: list not_minute_letter: \"%s\": an entry "
			    "of this list is one letter", lexicon_get()->path, w.w[k]);
		not_letters[k] = w.w[k][0];
	}
	not_letters[w.n] = '\0';
	minute_words = words_get("minute_word");
	number_words = words_get("number_word");
}

size_t
minute_word(const char *c, size_t n)
{
	return word_in(c, n, &minute_words);
}

static long
number_value(const char *s, size_t len)
{
	long v = 0;
	size_t k;

	for (k = 0; k < len && k < 9; k++)
		v = v * 10 + (s[k] - '0');
	return v;
}

/*
 * After the number: separators, then the title (or nothing).  A minute
 * reference of its own style (45/24, C048/23, Minute 12, 16.07.2) may be
 * followed by the agenda's item number, "C048/23   1.   APOLOGIES": that
 * number ("1." or "1)", with blank space after it) is skipped, so the
 * minute is the reference and the title the words after both.
 */
static void
number_tail(const char *c, size_t n, size_t i, struct minute_no *ni)
{
	size_t k, d;

	while (i < n && (k = sep_len(c + i, n - i)) > 0)
		i += k;
	if ((ni->style == ST_SLASH || ni->style == ST_PREFIX ||
	    ni->style == ST_WORD || ni->style == ST_DATED) && i > ni->ne &&
	    (d = span_digits(c, i, n)) > 0 && d <= 3 && i + d + 1 < n &&
	    (c[i + d] == '.' || c[i + d] == ')') && c[i + d + 1] == ' ') {
		i += d + 1;
		while (i < n && (k = sep_len(c + i, n - i)) > 0)
			i += k;
		ni->agenda_no = 1;
	}
	ni->ts = i;
	ni->only = i >= n;
}

/*
 * Parish numbering by meeting: year, month and a running number,
 * "16.07.2", "19.3.12", "18.01.05" (the month 1-12, the running number
 * at most three digits, so "16.07.2016", a date, is none).  Then a space,
 * a separator or nothing.
 */
static int
dated_number(const char *c, size_t n, struct minute_no *ni)
{
	size_t i = 2, d2, d3;
	long month;

	if (i >= n || c[i] != '.')
		return 0;
	d2 = span_digits(c, i + 1, n);
	if (d2 == 0 || d2 > 2)
		return 0;
	month = number_value(c + i + 1, d2);
	i += 1 + d2;
	if (month < 1 || month > 12 || i >= n || c[i] != '.')
		return 0;
	d3 = span_digits(c, i + 1, n);
	if (d3 == 0 || d3 > 3)
		return 0;
	i += 1 + d3;
	if (i < n && c[i] != ' ')
		return 0;
	ni->ne = i;
	ni->value = number_value(c + i - d3, d3);
	ni->style = ST_DATED;
	number_tail(c, n, i, ni);
	return 1;
}

/*
 * Parish numbering by year: the year's two digits, a full stop and a
 * running number of at most three digits, then blank space and a title
 * that starts with a capital: "21.44 ELECTION OF CHAIR", "24.103 Planning".
 * (Paragraph numbers such as "10.1 The Committee …" have the same shape:
 * the section's style keeps them apart from items numbered "10.", and a
 * sentence is no title.)
 */
static int
year_number(const char *c, size_t n, struct minute_no *ni)
{
	size_t d2;

	if (n < 6 || c[2] != '.')
		return 0;
	d2 = span_digits(c, 3, n);
	if (d2 == 0 || d2 > 3 || 3 + d2 + 1 >= n || c[3 + d2] != ' ' ||
	    !is_upper((unsigned char)c[4 + d2]))
		return 0;
	ni->ne = 3 + d2;
	ni->value = number_value(c + 3, d2);
	ni->style = ST_YEARNUM;
	memcpy(ni->prefix, c, 2);
	ni->prefix[2] = '\0';
	number_tail(c, n, ni->ne, ni);
	return 1;
}

/*
 * A minute number at the start of c[0..n), in any style of conventions.md.
 * Fills *ni and returns 1; says nothing yet about whether it is an item.
 */
static int
number_at(const char *c, size_t n, struct minute_no *ni)
{
	size_t i = 0, d, d2;

	memset(ni, 0, sizeof *ni);
	if (n == 0)
		return 0;
	if (is_digit((unsigned char)c[0])) {
		d = span_digits(c, 0, n);
		if (d > 4)
			return 0;
		i = d;
		ni->ns = 0;
		if (d == 2 && dated_number(c, n, ni))
			return 1;
		if (d == 2 && year_number(c, n, ni))
			return 1;
		if (i + 1 < n && c[i] == '/' && (d2 = span_digits(c, i + 1, n)) > 0 && d2 <= 4) {
			size_t second = i + 1;

			i += 1 + d2;
			if (i + 1 < n && c[i] == '/' && span_digits(c, i + 1, n) > 0)
				i += 1 + span_digits(c, i + 1, n);
			if (i < n && c[i] != ' ' && c[i] != '.' && c[i] != ':')
				return 0;
			ni->ne = i;
			ni->style = ST_SLASH;
			ni->value = d == 4 && number_value(c, d) >= 1900 ?
			    number_value(c + second, d2) : number_value(c, d);
			if (i < n && c[i] == '.')
				i++;
			number_tail(c, n, i, ni);
			return 1;
		}
		ni->ne = i;
		ni->value = number_value(c, d);
		if (i == n) {
			ni->style = ST_BARE;
		} else if (c[i] == '.' || c[i] == ':') {
			/* "22." but not "3.1" or "1.30" */
			if (i + 1 < n && !(c[i + 1] == ' ' || is_upper((unsigned char)c[i + 1]) ||
			    (unsigned char)c[i + 1] >= 0x80))
				return 0;
			ni->style = ST_DOT;
			i++;
		} else if (c[i] == ' ') {
			ni->style = ST_BARE;
		} else if (c[i] == ')' && (i + 1 == n || c[i + 1] == ' ')) {
			ni->style = ST_CLOSE;	/* "1) Apologies" */
			i++;
		} else {
			return 0;
		}
		number_tail(c, n, i, ni);
		return 1;
	}
	if (c[0] == '(') {
		d = span_digits(c, 1, n);
		if (d == 0 || d > 4 || 1 + d >= n || c[1 + d] != ')')
			return 0;
		if (2 + d < n && c[2 + d] != ' ')
			return 0;
		ni->ns = 1;
		ni->ne = 1 + d;
		ni->value = number_value(c + 1, d);
		ni->style = ST_PAREN;
		number_tail(c, n, 2 + d, ni);
		return 1;
	}
	if ((i = minute_word(c, n)) > 0) {
		/* "Minute 45", "Min. No. 12", "Item 5" */
		if (i < n && c[i] == '.')
			i++;
		while (i < n && c[i] == ' ')
			i++;
		if (in_words(c + i, n - i, &number_words)) {
			i = skip_word(c, i, n);
			if (i > 0 && c[i - 1] != ' ')
				return 0;
		}
		while (i < n && (c[i] == '.' || c[i] == ' '))
			i++;
		/* "No.12" */
		if (i < n && !is_digit((unsigned char)c[i]) && !is_upper((unsigned char)c[i]))
			return 0;
		ni->ns = i;
		while (i < n && is_upper((unsigned char)c[i]) && i - ni->ns < 5)
			i++;
		if (i < n && c[i] == '.' && i > ni->ns)
			i++;
		d = span_digits(c, i, n);
		if (d == 0 || d > 4)
			return 0;
		ni->value = number_value(c + i, d);
		i += d;
		if (i + 1 < n && c[i] == '/' && (d2 = span_digits(c, i + 1, n)) > 0) {
			if (d == 4 && ni->value >= 1900)
				ni->value = number_value(c + i + 1, d2);
			i += 1 + d2;
		}
		if (i < n && c[i] != ' ' && c[i] != '.' && c[i] != ':')
			return 0;
		ni->ne = i;
		ni->style = ST_WORD;
		if (i < n && c[i] == '.')
			i++;
		number_tail(c, n, i, ni);
		return 1;
	}
	if (is_upper((unsigned char)c[0])) {
		size_t l = 0;
		int dot = 0;

		while (l < n && is_upper((unsigned char)c[l]))
			l++;
		if (l > 5)
			return 0;
		i = l;
		if (i < n && (c[i] == '.' || c[i] == '/' || c[i] == ' ')) {
			dot = c[i] == '.';
			i++;
		}
		d = span_digits(c, i, n);
		/* a year group only before a slash: "CAB/2024/07" */
		if (d == 0 || d > 4 || (d == 4 && (i + d >= n || c[i + d] != '/')))
			return 0;
		if (l == 1 && !dot && strchr(not_letters, c[0]))
			return 0;	/* Q1, A6 road, M1, B-roads, S106 */
		if (in_words(c, l, &prefix_words))
			return 0;	/* "PART 1 - OPEN SESSION", "PHASE 2" */
		ni->value = number_value(c + i, d);
		i += d;
		if (i + 1 < n && c[i] == '/' && (d2 = span_digits(c, i + 1, n)) > 0 && d2 <= 4)
			i += 1 + d2;
		if (i < n && c[i] != ' ' && c[i] != '.' && c[i] != ':')
			return 0;
		ni->ns = 0;
		ni->ne = i;
		ni->style = ST_PREFIX;
		memcpy(ni->prefix, c, l);
		ni->prefix[l] = '\0';
		if (i < n && c[i] == '.')
			i++;
		number_tail(c, n, i, ni);
		return 1;
	}
	return 0;
}

/*
 * The next numeric group of c[*i..ne): its number of digits, *i past it;
 * 0 when there is none.
 */
static size_t
next_group(const char *c, size_t *i, size_t ne)
{
	size_t d;

	for (; *i < ne; (*i)++)
		if ((d = span_digits(c, *i, ne)) > 0) {
			*i += d;
			return d;
		}
	return 0;
}

int
minute_number(const char *c, size_t n, struct minute_no *ni)
{
	size_t i, d;

	if (!number_at(c, n, ni))
		return 0;
	/* The numeric groups of the number as printed. */
	for (i = ni->ns; ni->ngroups < 3 && (d = next_group(c, &i, ni->ne)) > 0; )
		ni->group[ni->ngroups++] = number_value(c + i - d, d);
	return 1;
}

int
minute_no_period(const char *c, const struct minute_no *m)
{
	size_t i = m->ns, len[3] = {0}, k;

	for (k = 0; k < 3 && (len[k] = next_group(c, &i, m->ne)) > 0; k++)
		;
	if (m->ngroups == 2 && len[1] == 2 && (len[0] == 4 || len[0] == 2) &&
	    m->group[1] == (m->group[0] + 1) % 100)
		return 1;
	return m->ngroups == 3 && len[2] == 4;
}
