/*
 * Unit test: figure value and unit (figures.h) and the field
 * post-processors (postproc.h).  Expected values worked out by hand.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "figures.h"
#include "postproc.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

/* One figure: its type, value, unit and printed text. */
static void
one(const char *s, enum fig_type type, const char *value, const char *unit,
    const char *text)
{
	struct figure f[2];
	int n = figure_parse(s, strlen(s), f);

	if (n != 1) {
		failures++;
		printf("FAIL %s: %d figures, expected 1\n", s, n);
		return;
	}
	if (f[0].type != type || strcmp(f[0].value, value) ||
	    strcmp(f[0].unit, unit) || strlen(text) != f[0].len ||
	    memcmp(s + f[0].start, text, f[0].len)) {
		failures++;
		printf("FAIL %s: type %d value %s unit %s text %.*s\n", s,
		    f[0].type, f[0].value, f[0].unit, (int)f[0].len,
		    s + f[0].start);
	}
}

/* A range: two values and the text of the first side. */
static void
range(const char *s, const char *v1, const char *v2, const char *unit,
    const char *text1)
{
	struct figure f[2];
	int n = figure_parse(s, strlen(s), f);

	if (n != 2 || strcmp(f[0].value, v1) || strcmp(f[1].value, v2) ||
	    strcmp(f[0].unit, unit) || strcmp(f[1].unit, unit) ||
	    f[0].len != strlen(text1) || memcmp(s + f[0].start, text1, f[0].len)) {
		failures++;
		printf("FAIL range %s: n=%d %s %s\n", s, n, n > 0 ? f[0].value : "",
		    n > 1 ? f[1].value : "");
	}
}

static void
pp(const char *op, const char *in, const char *want)
{
	struct buf b = {0};

	buf_puts(&b, in);
	postproc_apply(postproc_lookup(op), &b, NULL);
	if (strcmp(b.data, want)) {
		failures++;
		printf("FAIL %s(%s) = '%s', expected '%s'\n", op, in, b.data, want);
	}
	buf_free(&b);
}

int
main(void)
{
	char out[FIG_VALUE_MAX];
	long v;
	struct figure f[2];

	/* money: scale letters and words, pence, currencies, signs */
	one("£790.7m", FIG_MONEY, "790700000", "GBP", "£790.7m");
	one("£6k", FIG_MONEY, "6000", "GBP", "£6k");
	one("£1.2 billion", FIG_MONEY, "1200000000", "GBP", "£1.2 billion");
	one("£2.4bn", FIG_MONEY, "2400000000", "GBP", "£2.4bn");
	one("£1.47 million", FIG_MONEY, "1470000", "GBP", "£1.47 million");
	one("£0.5m", FIG_MONEY, "500000", "GBP", "£0.5m");
	one("£27,222.15", FIG_MONEY, "27222.15", "GBP", "£27,222.15");
	one("£3910", FIG_MONEY, "3910", "GBP", "£3910");
	one("£0", FIG_MONEY, "0", "GBP", "£0");
	one("$5m", FIG_MONEY, "5000000", "USD", "$5m");
	one("€350,000", FIG_MONEY, "350000", "EUR", "€350,000");
	one("GBP 1,000", FIG_MONEY, "1000", "GBP", "GBP 1,000");
	one("-£4,000", FIG_MONEY, "-4000", "GBP", "-£4,000");
	one("£5 more", FIG_MONEY, "5", "GBP", "£5");	/* "m" of a word */
	/* percent: marks, signs, printed precision dropped */
	one("49%", FIG_PERCENT, "49", "%", "49%");
	one("49 per cent", FIG_PERCENT, "49", "%", "49 per cent");
	one("12.5 percent", FIG_PERCENT, "12.5", "%", "12.5 percent");
	one("95 %", FIG_PERCENT, "95", "%", "95 %");
	one("-7.9%", FIG_PERCENT, "-7.9", "%", "-7.9%");
	one("+0.4%", FIG_PERCENT, "0.4", "%", "+0.4%");
	one("9.0%", FIG_PERCENT, "9", "%", "9.0%");
	one("47.00%", FIG_PERCENT, "47", "%", "47.00%");
	one("−3%", FIG_PERCENT, "-3", "%", "−3%");	/* U+2212 minus */
	/* counts: digits with commas, number words, scale words */
	one("4,283 signatures", FIG_COUNT, "4283", "", "4,283");
	one("six Centres", FIG_COUNT, "6", "", "six");
	one("Twenty-one members", FIG_COUNT, "21", "", "Twenty-one");
	one("1.2 billion", FIG_COUNT, "1200000000", "", "1.2 billion");
	/* ranges: shared scale, currency and percent sign */
	range("£2–3m", "2000000", "3000000", "GBP", "£2");
	range("£2m-£3m", "2000000", "3000000", "GBP", "£2m");
	range("£5m to £6m", "5000000", "6000000", "GBP", "£5m");
	range("10-15%", "10", "15", "%", "10");
	range("95–98%", "95", "98", "%", "95");
	/* not figures */
	CHECK(figure_parse("page", 4, f) == 0);
	CHECK(figure_parse("£m", 3, f) == 0);
	CHECK(figure_parse("", 0, f) == 0);

	CHECK(number_word("eleven", 6, &v) == 6 && v == 11);
	CHECK(number_word("Six votes", 9, &v) == 3 && v == 6);
	CHECK(number_word("two hundred", 11, &v) == 11 && v == 200);
	CHECK(number_word("someone", 7, &v) == 0);	/* "one" inside a word */
	CHECK(number_word("tent", 4, &v) == 0);
	CHECK(decimal_scale("0.05", 4, 2, 0, out, sizeof out) == 0 &&
	    !strcmp(out, "5"));
	CHECK(decimal_scale("1,234.50", 8, 0, 1, out, sizeof out) == 0 &&
	    !strcmp(out, "-1234.5"));
	CHECK(decimal_scale("0.0", 3, 0, 1, out, sizeof out) == 0 &&
	    !strcmp(out, "0"));
	CHECK(decimal_scale("x", 1, 0, 0, out, sizeof out) == -1);

	pp("trimlist", "That the report be noted; and", "That the report be noted");
	pp("trimlist", "That rents be frozen;", "That rents be frozen");
	pp("trimlist", "That X be approved.", "That X be approved");
	pp("trimlist", "That the band play and", "That the band play");
	pp("trimlist", "Maintain the band", "Maintain the band");
	pp("squeeze", "  a \n b\t\tc  ", "a b c");
	pp("unquote", "“How much?”", "How much?");
	pp("unquote", "‘use of funding’.", "use of funding.");
	pp("unquote", "\"plain\"", "plain");
	pp("unquote", "no quotes", "no quotes");
	pp("unquote", "‘open only", "‘open only");
	pp("label", "(a)", "a");
	pp("label", "ii.", "ii");
	pp("label", "3)", "3");
	pp("lower", "Non-Registerable", "non-registerable");
	pp("number", "4,283", "4283");
	pp("number", "six", "6");
	pp("number", "Six votes", "Six votes");
	pp("oneline", "a\nb", "a b");
	pp("isodate", "Tuesday, 4 March 2025", "2025-03-04");
	pp("isodate", "not a date", "not a date");
	CHECK(postproc_lookup("nosuch") == PP_NONE);

	if (failures)
		printf("%d failures\n", failures);
	return failures != 0;
}
