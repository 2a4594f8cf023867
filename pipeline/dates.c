/* dates — printed calendar dates to ISO 8601; see dates.h. */
#include "dates.h"

#include <string.h>

#include "bytescan.h"
#include "textscan.h"

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};

/* strlen of each month name, a hot loop's constant */
static const unsigned char month_lens[12] = {7, 8, 5, 5, 3, 4, 4, 6, 9, 7, 8, 8};

static const char *const day_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};
static const unsigned char day_lens[7] = {6, 7, 9, 8, 6, 8, 6};

int
date_valid(int y, int m, int d)
{
	static const int dim[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap;

	if (m < 1 || m > 12 || d < 1 || d > dim[m - 1])
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return 0;
	return 1;
}

/*
 * Month name (full, or an abbreviation of three letters, or "sept") at
 * s[i..n), followed by a non-letter; an abbreviation may carry a dot.
 * Returns the month 1..12 and sets *end past it, or 0.
 */
static int
month_at(const char *s, size_t i, size_t n, size_t *end)
{
	size_t len = span_alpha(s, i, n), k;
	int m;

	if (len < 3 || len > 9)
		return 0;
	switch (lower((unsigned char)s[i])) {	/* the first letter of some month */
	case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd':
		break;
	default:
		return 0;
	}
	for (m = 0; m < 12; m++) {
		const char *name = month_names[m];
		size_t nl = month_lens[m];

		if (len != nl && len != 3 && !(m == 8 && len == 4))
			continue;
		if (len > nl)
			continue;
		for (k = 0; k < len; k++)
			if (lower((unsigned char)s[i + k]) != name[k])
				break;
		if (k < len)
			continue;
		*end = i + len;
		if (len < nl && *end < n && s[*end] == '.')
			(*end)++;
		return m + 1;
	}
	return 0;
}

/*
 * Weekday name at s[i..n), whole or cut short to at least three letters
 * ("Thu", "Thurs", "Wed"); returns its length, or 0.
 */
static size_t
weekday_at(const char *s, size_t i, size_t n)
{
	size_t len = span_alpha(s, i, n), k;
	int d;

	if (len < 3)
		return 0;
	for (d = 0; d < 7; d++) {
		const char *name = day_names[d];

		if (len > day_lens[d])
			continue;
		for (k = 0; k < len; k++)
			if (lower((unsigned char)s[i + k]) != name[k])
				break;
		if (k == len)
			return len;
	}
	return 0;
}

/* Read 1..maxd digits at s[*i]; returns the value or -1. */
static int
digits_at(const char *s, size_t *i, size_t n, int mind, int maxd)
{
	int v = 0, k = 0;

	while (*i < n && k < maxd && is_digit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	if (k < mind || (*i < n && is_digit((unsigned char)s[*i])))
		return -1;
	return v;
}

/* Ordinal suffix "st", "nd", "rd", "th" (any case) after a day number. */
static size_t
skip_ordinal(const char *s, size_t i, size_t n)
{
	if (i + 1 < n && span_alpha(s, i, n) == 2) {
		int a = lower((unsigned char)s[i]), b = lower((unsigned char)s[i + 1]);

		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
			return i + 2;
	}
	return i;
}

static int
four_digit_year(const char *s, size_t *i, size_t n)
{
	int y = digits_at(s, i, n, 4, 4);

	if (y < 1900 || y > 2199)
		return -1;
	return y;
}

/* y, m, d are already range-checked, so the digits are written by hand. */
static void
put_iso(char *iso, int y, int m, int d)
{
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
}

/*
 * The common end of a written date, once day and month are read: an
 * optional comma, spaces, a four-digit year.  Returns 1 and fills iso and
 * *end when the whole date is valid.
 */
static int
finish_date(const char *s, size_t j, size_t n, int m, int d, char *iso,
    size_t *end)
{
	int y;

	if (j < n && s[j] == ',')
		j++;
	j = skip_white(s, j, n);
	y = four_digit_year(s, &j, n);
	if (y < 0 || !date_valid(y, m, d))
		return 0;
	put_iso(iso, y, m, d);
	*end = j;
	return 1;
}

/*
 * Try to read a date starting exactly at s[i] (no weekday).  Returns 1,
 * fills iso and *end on success.
 */
static int
date_at(const char *s, size_t i, size_t n, char *iso, size_t *end)
{
	size_t j = i, k;
	int d, m, y;

	if (is_digit((unsigned char)s[i])) {
		/* ISO 2015-07-16 */
		k = j;
		y = digits_at(s, &k, n, 4, 4);
		if (y >= 1900 && k + 5 < n && s[k] == '-') {
			size_t t = k + 1;

			m = digits_at(s, &t, n, 2, 2);
			if (m > 0 && t < n && s[t] == '-') {
				t++;
				d = digits_at(s, &t, n, 2, 2);
				if (d > 0 && y <= 2199 && date_valid(y, m, d)) {
					put_iso(iso, y, m, d);
					*end = t;
					return 1;
				}
			}
		}
		d = digits_at(s, &j, n, 1, 2);
		if (d < 1)
			return 0;
		/* Numeric 16/07/2015, 16.07.2015, 16-07-15 */
		if (j < n && (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
			char sep = s[j];
			size_t t = j + 1;

			m = digits_at(s, &t, n, 1, 2);
			if (m > 0 && t < n && s[t] == sep) {
				size_t ys = ++t;

				y = digits_at(s, &t, n, 2, 4);
				if (y >= 0 && (t - ys == 2 || t - ys == 4)) {
					if (t - ys == 2)
						y += y < 70 ? 2000 : 1900;
					else if (y < 1900 || y > 2199)
						return 0;
					/* "1.30.45" is not a date; a dotted one needs 4 digits. */
					if (sep == '.' && t - ys != 4)
						return 0;
					if (!date_valid(y, m, d))
						return 0;
					put_iso(iso, y, m, d);
					*end = t;
					return 1;
				}
			}
			if (sep != '-' || m >= 0)
				return 0;
		}
		/* 16 July 2015, 12th June 2019, 4th of July, 2018 */
		j = skip_ordinal(s, j, n);
		j = skip_white(s, j, n);
		if (j + 3 < n && lower((unsigned char)s[j]) == 'o' &&
		    lower((unsigned char)s[j + 1]) == 'f' && is_white((unsigned char)s[j + 2]))
			j = skip_white(s, j + 2, n);
		if (j < n && s[j] == '-')	/* 16-Jul-2015 */
			j++;
		m = month_at(s, j, n, &j);
		if (!m)
			return 0;
		if (j < n && s[j] == '-')
			j++;
		return finish_date(s, j, n, m, d, iso, end);
	}
	/* July 16, 2015; June 12th 2019 */
	m = month_at(s, j, n, &j);
	if (!m)
		return 0;
	j = skip_white(s, j, n);
	d = digits_at(s, &j, n, 1, 2);
	if (d < 1)
		return 0;
	j = skip_ordinal(s, j, n);
	return finish_date(s, j, n, m, d, iso, end);
}

/*
 * Can a date start at s[i]?  Returns 1 with iso and *end set as for
 * date_find; *skip is how many bytes after i cannot start one either (a
 * weekday name not followed by a date).
 */
static int
date_try(const char *s, size_t i, size_t n, char *iso, size_t *end, size_t *skip)
{
	unsigned char c = (unsigned char)s[i];

	*skip = 0;
	if (!is_digit(c) && !is_alpha(c))
		return 0;
	/* Only at the start of a word or number. */
	if (i > 0 && (is_digit((unsigned char)s[i - 1]) || is_alpha((unsigned char)s[i - 1])))
		return 0;
	if (is_alpha(c)) {
		size_t wl = weekday_at(s, i, n);

		if (wl) {
			size_t j = i + wl;

			if (j < n && s[j] == '.')
				j++;
			if (j < n && s[j] == ',')
				j++;
			j = skip_white(s, j, n);
			if (j < n && date_at(s, j, n, iso, end))
				return 1;
			*skip = wl - 1;
			return 0;
		}
	}
	return date_at(s, i, n, iso, end);
}

/*
 * Bytes that can come between the start of a date and its first digit:
 * the letters of a weekday or a month, the '.' and ',' after them, and
 * white space ("Thursday, 16 July", "Sept. 4, 2025").
 */
static int
date_lead(int c)
{
	return is_alpha(c) || c == '.' || c == ',' || is_white(c);
}

int
date_find_before(const char *s, size_t n, size_t lim, char *iso, size_t *start, size_t *end)
{
	size_t i, d, from = 0, e, skip;

	/*
	 * Every form of date holds a digit (a day or a year), and what
	 * stands between its start and its first digit is date_lead bytes
	 * holding at most two words (a weekday, a month).  So a date starts
	 * at a digit or just before one, within two words: those places are
	 * tried, in order, and the rest of the text (most of it; all of a
	 * text without digits) is not.
	 */
	for (d = 0; (d = skip_to_digit(s, d, n)) < n; d = from) {
		size_t words = 0, after = from, len = span_digits(s, d, n);

		/*
		 * Whatever comes before them, a date's first digits are a day
		 * (one or two) or the year of "2015-07-16": a number of
		 * three digits, or of five or more, or of four without its
		 * '-', starts none (tables of figures are mostly such).
		 */
		from = d + len;
		if (!(len <= 2 || (len == 4 && d + 4 < n && s[d + 4] == '-'))) {
			if (d >= lim)
				return 0;	/* no place before lim is left */
			continue;
		}
		for (i = d; i > after && date_lead((unsigned char)s[i - 1]); i--) {
			/* s[i - 1] ends a word: a third is too far */
			if (is_alpha((unsigned char)s[i - 1]) && !is_alpha((unsigned char)s[i]) &&
			    ++words > 2)
				break;
		}
		for (; i <= d; i += skip + 1) {
			/* the places are tried in order: the rest are past lim */
			if (i >= lim)
				return 0;
			if (date_try(s, i, n, iso, &e, &skip)) {
				if (start)
					*start = i;
				if (end)
					*end = e;
				return 1;
			}
		}
		/* The rest of the number: no date starts inside one (date_try
		 * says no after a digit), so its digits are not tried. */
	}
	return 0;
}

int
date_find(const char *s, size_t n, char *iso, size_t *start, size_t *end)
{
	return date_find_before(s, n, n, iso, start, end);
}

int
date_parse(const char *s, size_t n, char *iso)
{
	size_t e, wl;

	while (n > 0 && (is_white((unsigned char)s[n - 1]) || s[n - 1] == '.' ||
	    s[n - 1] == ','))
		n--;
	while (n > 0 && is_white((unsigned char)*s)) {
		s++;
		n--;
	}
	/*
	 * What date_find would try at offset 0, and only there: a date
	 * found further on starts after 0 and is no answer, so the search
	 * through a long paragraph was wasted.
	 */
	/* Every form of date ends with a digit (a year or a day). */
	if (n == 0 || !is_digit((unsigned char)s[n - 1]))
		return 0;
	if (is_alpha((unsigned char)s[0]) && (wl = weekday_at(s, 0, n)) > 0) {
		size_t j = wl;

		if (j < n && s[j] == '.')
			j++;
		if (j < n && s[j] == ',')
			j++;
		j = skip_white(s, j, n);
		return j < n && date_at(s, j, n, iso, &e) && e == n;
	}
	if (!is_digit((unsigned char)s[0]) && !is_alpha((unsigned char)s[0]))
		return 0;
	return date_at(s, 0, n, iso, &e) && e == n;
}
