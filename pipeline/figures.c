/*
 * figures — value and unit of printed figures; see figures.h.
 *
 * The printed shapes: [sign] [currency] [space] number [space scale]
 * [range-separator [sign] [currency] number [scale]] [% | per cent].
 * Currency is £ $ € or a leading GBP/USD/EUR, or "pounds" after the
 * number; scale is k, m, bn or the
 * words thousand, million, billion; a number is digits with thousands
 * commas and a decimal point, or a number word.
 */
#include "figures.h"

#include <stdio.h>
#include <string.h>

#include "bytescan.h"
#include "textscan.h"

/* Does s[i..n) start with the lower-case word w, in any case, whole? */
static int
has_whole(const char *s, size_t n, size_t i, const char *w)
{
	return i <= n && starts_word(s + i, n - i, w);
}

static const struct { const char *w; long v; } words[] = {
	{"seventeen", 17}, {"thirteen", 13}, {"fourteen", 14}, {"eighteen", 18},
	{"nineteen", 19}, {"fifteen", 15}, {"sixteen", 16}, {"eleven", 11},
	{"twelve", 12}, {"twenty", 20}, {"thirty", 30}, {"forty", 40},
	{"fifty", 50}, {"sixty", 60}, {"seventy", 70}, {"eighty", 80},
	{"ninety", 90}, {"three", 3}, {"seven", 7}, {"eight", 8}, {"zero", 0},
	{"four", 4}, {"five", 5}, {"nine", 9}, {"one", 1}, {"two", 2},
	{"six", 6}, {"ten", 10},
};

static size_t
one_word(const char *s, size_t n, size_t i, long *v)
{
	size_t k;

	for (k = 0; k < sizeof words / sizeof words[0]; k++)
		if (has_whole(s, n, i, words[k].w)) {
			*v = words[k].v;
			return strlen(words[k].w);
		}
	return 0;
}

size_t
number_word(const char *s, size_t n, long *v)
{
	size_t i, l;
	long tens, unit;

	l = one_word(s, n, 0, &tens);
	if (!l)
		return 0;
	*v = tens;
	i = l;
	/* "twenty-one", "twenty one" */
	if (tens >= 20 && tens % 10 == 0 && i + 1 < n &&
	    (s[i] == '-' || s[i] == ' ')) {
		l = one_word(s, n, i + 1, &unit);
		if (l && unit >= 1 && unit <= 9) {
			*v = tens + unit;
			i += 1 + l;
		}
	}
	/* "six hundred", "two thousand" */
	if (*v > 0 && *v < 100 && i + 1 < n && s[i] == ' ') {
		if (has_whole(s, n, i + 1, "hundred")) {
			*v *= 100;
			i += 8;
		} else if (has_whole(s, n, i + 1, "thousand")) {
			*v *= 1000;
			i += 9;
		}
	}
	return i;
}

int
decimal_scale(const char *digits, size_t n, int exp10, int neg, char *out,
    size_t outsz)
{
	char d[FIG_VALUE_MAX];
	size_t nd = 0, point = (size_t)-1, i, o = 0, first, end;

	for (i = 0; i < n; i++) {
		if (is_digit((unsigned char)digits[i])) {
			if (nd + 1 >= sizeof d)
				return -1;
			d[nd++] = digits[i];
		} else if (digits[i] == '.' && point == (size_t)-1) {
			point = nd;
		}
	}
	if (nd == 0)
		return -1;
	if (point == (size_t)-1)
		point = nd;
	point += (size_t)exp10;
	/* Digits are d[0..nd), the point after position `point`. */
	while (nd < point) {
		if (nd + 1 >= sizeof d)
			return -1;
		d[nd++] = '0';
	}
	first = 0;
	while (first < point - 1 && d[first] == '0')
		first++;
	end = nd;
	while (end > point && d[end - 1] == '0')
		end--;
	if (neg) {
		for (i = first; i < end && d[i] == '0'; i++)
			;
		neg = i < end;
	}
	if ((size_t)neg + (end - first) + 2 > outsz)
		return -1;
	if (neg)
		out[o++] = '-';
	for (i = first; i < end; i++) {
		if (i == point)
			out[o++] = '.';
		out[o++] = d[i];
	}
	out[o] = '\0';
	return 0;
}

struct side {
	int neg;
	const char *cur;	/* NULL when no currency printed */
	size_t start, end;	/* printed span */
	size_t num, numlen;	/* the digits */
	long word;		/* >= 0 when a number word */
	int exp10;		/* scale, -1 when none printed */
	int percent;
};

/* "£" C2 A3, "€" E2 82 AC, "−" E2 88 92, "–" E2 80 93, "—" E2 80 94 */
static size_t
currency(const char *s, size_t n, size_t i, const char **code)
{
	if (n - i >= 2 && (unsigned char)s[i] == 0xC2 &&
	    (unsigned char)s[i + 1] == 0xA3) {
		*code = "GBP";
		return 2;
	}
	if (n - i >= 3 && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x82 && (unsigned char)s[i + 2] == 0xAC) {
		*code = "EUR";
		return 3;
	}
	if (i < n && s[i] == '$') {
		*code = "USD";
		return 1;
	}
	if (n - i >= 3 && (starts_with(s + i, n - i, "gbp") ||
	    starts_with(s + i, n - i, "usd") ||
	    starts_with(s + i, n - i, "eur"))) {
		if (i + 3 < n && is_alpha((unsigned char)s[i + 3]))
			return 0;
		*code = lower(s[i]) == 'g' ? "GBP" : lower(s[i]) == 'u' ? "USD" :
		    "EUR";
		return 3;
	}
	return 0;
}

static size_t
sign(const char *s, size_t n, size_t i, int *neg)
{
	if (i < n && (s[i] == '-' || s[i] == '+')) {
		*neg = s[i] == '-';
		return 1;
	}
	if (n - i >= 3 && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x88 && (unsigned char)s[i + 2] == 0x92) {
		*neg = 1;
		return 3;
	}
	return 0;
}

static size_t
dash(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '-')
		return 1;
	if (n - i >= 3 && (unsigned char)s[i] == 0xE2 &&
	    (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 3;
	return 0;
}

static size_t
scale(const char *s, size_t n, size_t i, int *exp10)
{
	size_t j = skip_spaces(s, i, n, 0);
	static const struct { const char *w; int e; int spaced; } sc[] = {
		{"thousand", 3, 1}, {"million", 6, 1}, {"billion", 9, 1},
		{"bn", 9, 0}, {"m", 6, 0}, {"k", 3, 0},
	};
	size_t k;

	for (k = 0; k < sizeof sc / sizeof sc[0]; k++) {
		size_t at = sc[k].spaced ? j : i;
		if (has_whole(s, n, at, sc[k].w)) {
			*exp10 = sc[k].e;
			return at + strlen(sc[k].w) - i;
		}
	}
	return 0;
}

static size_t
percent_mark(const char *s, size_t n, size_t i)
{
	size_t j = skip_spaces(s, i, n, 0);

	if (j < n && s[j] == '%')
		return j + 1 - i;
	if (has_whole(s, n, j, "percent"))
		return j + 7 - i;
	if (starts_with(s + j, n - j, "per")) {
		size_t k = j + 3;
		if (k < n && (s[k] == ' ' || s[k] == '-'))
			k++;
		if (has_whole(s, n, k, "cent"))
			return k + 4 - i;
	}
	return 0;
}

/* Read one side of a figure from s[i..n); returns the end, or i if none. */
static size_t
read_side(const char *s, size_t n, size_t i, struct side *sd)
{
	size_t j = i, l;

	memset(sd, 0, sizeof *sd);
	sd->word = -1;
	sd->exp10 = -1;
	sd->start = i;
	j += sign(s, n, j, &sd->neg);
	l = currency(s, n, j, &sd->cur);
	if (l) {
		j = skip_spaces(s, j + l, n, 0);
		if (!sd->neg)
			j += sign(s, n, j, &sd->neg);
	}
	if (j < n && is_digit((unsigned char)s[j])) {
		sd->num = j;
		while (j < n && (is_digit((unsigned char)s[j]) ||
		    ((s[j] == ',' || s[j] == '.') && j + 1 < n &&
		    is_digit((unsigned char)s[j + 1]))))
			j++;
		sd->numlen = j - sd->num;
	} else if ((l = number_word(s + j, n - j, &sd->word)) != 0) {
		sd->num = j;
		sd->numlen = l;
		j += l;
	} else {
		return i;
	}
	if ((l = scale(s, n, j, &sd->exp10)) != 0)
		j += l;
	/* "1.2 billion pounds", "500 pounds": the currency after the number */
	if (!sd->cur && has_whole(s, n, skip_spaces(s, j, n, 0), "pounds")) {
		sd->cur = "GBP";
		j = skip_spaces(s, j, n, 0) + 6;
	}
	sd->end = j;
	if ((l = percent_mark(s, n, j)) != 0) {
		sd->percent = 1;
		j += l;
		sd->end = j;
	}
	return j;
}

static void
fill(const struct side *sd, const char *s, const char *cur, int percent,
    int exp10, struct figure *f)
{
	char num[24];
	const char *digits = s + sd->num;
	size_t nlen = sd->numlen;
	int e = exp10 < 0 ? 0 : exp10;

	if (sd->word >= 0) {
		snprintf(num, sizeof num, "%ld", sd->word);
		nlen = strlen(num);
		digits = num;
	}
	if (decimal_scale(digits, nlen, e, sd->neg, f->value,
	    sizeof f->value) != 0)
		strcpy(f->value, "0");
	f->type = cur ? FIG_MONEY : percent ? FIG_PERCENT : FIG_COUNT;
	strcpy(f->unit, cur ? cur : percent ? "%" : "");
	f->start = sd->start;
	f->len = sd->end - sd->start;
	f->tail = sd->end;
}

int
figure_parse(const char *s, size_t n, struct figure out[2])
{
	struct side a, b;
	size_t i = skip_spaces(s, 0, n, 0), j, k, l;
	const char *cur;
	int percent, exp10;

	j = read_side(s, n, i, &a);
	if (j == i)
		return 0;
	/* A range: "£2–3m", "10-15%", "£2m to £3m", "two or three years";
	 * never across a '%' printed on the first side when the second has
	 * none (then it is just a figure followed by a dash). */
	k = skip_spaces(s, j, n, 0);
	l = dash(s, n, k);
	if (!l && k > j && (has_whole(s, n, k, "to") || has_whole(s, n, k, "or")))
		l = 2;
	if (l) {
		size_t m = skip_spaces(s, k + l, n, 0);
		size_t e = read_side(s, n, m, &b);
		if (e != m && (a.word < 0) == (b.word < 0)) {
			cur = a.cur ? a.cur : b.cur;
			percent = a.percent || b.percent;
			if ((a.cur || b.cur) && percent)
				goto single;
			exp10 = b.exp10 >= 0 ? b.exp10 : a.exp10;
			fill(&a, s, cur, percent,
			    a.exp10 >= 0 ? a.exp10 : exp10, &out[0]);
			fill(&b, s, cur, percent, exp10, &out[1]);
			return 2;
		}
	}
single:
	fill(&a, s, a.cur, a.percent, a.exp10, &out[0]);
	return 1;
}
