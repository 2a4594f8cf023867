/*
 * figures — the value and unit of a figure as printed.
 *
 * figure_parse reads the printed text of one money amount, percentage or
 * count ("£790.7m", "-7.9%", "49 per cent", "4,283 signatures", "six",
 * "1.2 billion") and returns its type, its value in plain decimal with
 * scale words applied (790700000, -7.9, 49, 4283, 6, 1200000000) and its
 * unit (an ISO 4217 code, "%", or empty for a count: the counted noun is
 * the rule's business).  A range ("£2–3m", "10-15%", "£2m to £3m") gives
 * two figures, the scale and currency or percent sign of one side shared
 * with the other.  Values are computed on decimal strings, never through
 * floating point, so 790.7m is exactly 790700000.
 *
 * Nothing here allocates, prints or keeps state; returns follow err.h's
 * convention.
 */
#ifndef MM_FIGURES_H
#define MM_FIGURES_H

#include <stddef.h>

enum fig_type { FIG_NONE, FIG_MONEY, FIG_PERCENT, FIG_COUNT };

#define FIG_VALUE_MAX 48

struct figure {
	enum fig_type type;
	char value[FIG_VALUE_MAX];	/* plain decimal, NUL-terminated */
	char unit[4];			/* "GBP", "USD", "EUR", "%", or "" */
	size_t start, len;		/* this figure's text within the input */
	size_t tail;			/* end of the number (count: noun follows) */
};

/*
 * Parse s[0..n), the printed text of one figure or range.  Writes one or
 * two figures into out and returns how many (0 when s does not start
 * with a figure).  Leading qualifiers are not skipped: the rule captures
 * the figure itself.  Trailing text after the number and its unit is
 * left alone (a count's noun phrase): see tail.
 */
int figure_parse(const char *s, size_t n, struct figure out[2]);

/*
 * Read a cardinal number word at s[0..n) ("six", "Twenty-one", "eleven")
 * and set *v.  Returns the bytes consumed, 0 if s does not start with one.
 */
size_t number_word(const char *s, size_t n, long *v);

/*
 * Write digits[0..n) (digits with at most one '.', commas ignored) times
 * 10^exp10 into out as plain decimal: no leading zeros, no trailing
 * fractional zeros, no '.' when whole.  neg puts a '-' in front of a
 * non-zero value.  Returns 0, or -1 if out (size outsz) is too small or
 * the input holds no digit.
 */
int decimal_scale(const char *digits, size_t n, int exp10, int neg,
    char *out, size_t outsz);

#endif
