/*
 * dates — calendar dates as councils print them, turned into ISO 8601.
 *
 * Recognised shapes (case-insensitive, an optional weekday in front):
 *   "Thursday, 16 July 2015", "12th June 2019", "4th of July, 2018",
 *   "14 OCTOBER 2025", "16 Jul. 2015", "July 16, 2015", "June 12th 2019",
 *   "16/07/2015", "16.07.2015", "16-07-2015", "16/07/15", "2015-07-16".
 * Numeric dates are read day first (British usage).  A date is checked
 * against the calendar (no 31 June, 29 February only in leap years);
 * four-digit years run 1900–2199, two-digit years 00–69 mean 20xx and
 * 70–99 mean 19xx.  A date with no year ("2 September") is not a date.
 *
 * Nothing here allocates, prints or keeps state; the functions are safe
 * on any bytes, NUL or not, and never read past s[n-1].
 */
#ifndef MM_DATES_H
#define MM_DATES_H

#include <stddef.h>

#define DATE_ISO_LEN 10	/* "YYYY-MM-DD" without its NUL */

/*
 * Find the first date in s[0..n).  On success writes "YYYY-MM-DD" and a
 * NUL into iso (DATE_ISO_LEN + 1 bytes), sets *start and *end (either may
 * be NULL) to the byte span of the date as printed, weekday included, and
 * returns 1.  Returns 0 when s holds no date.
 */
int date_find(const char *s, size_t n, char *iso, size_t *start, size_t *end);

/*
 * date_find's answer when the date starts before lim, else 0, without
 * looking for a date past lim (in a text full of figures, where most of
 * the search goes).
 */
int date_find_before(const char *s, size_t n, size_t lim, char *iso, size_t *start,
    size_t *end);

/*
 * Parse s[0..n) as one date and nothing else (surrounding spaces and a
 * trailing '.' or ',' allowed).  Returns 1 and fills iso, or 0.  This is
 * the post-processor rule files use to turn a captured date into ISO.
 */
int date_parse(const char *s, size_t n, char *iso);

/* 1 if y-m-d is a real calendar day (m 1..12, d within the month). */
int date_valid(int y, int m, int d);

#endif
