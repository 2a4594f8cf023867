/* columns — two-column lists and attendance labels; see columns.h. */
#include "columns.h"

#include <stddef.h>
#include <string.h>

#include "linemarks.h"
#include "textscan.h"
#include "utf8.h"
#include "wordset.h"

/* The words looked for, from the lexicon: read by columns_words. */
static struct wordset attendance_label, name_small_word;

void
columns_words(void)
{
	wordset_init(&attendance_label, "attendance_column_label");
	wordset_init(&name_small_word, "name_small_word");
}

int
columns_label_first(unsigned char c)
{
	return ws_first(&attendance_label, c);
}

/*
 * Does s[0..n) read as one entry of an attendance list: a person with a
 * title ("Cllr A Smith (Chair)"), or a few capitalised words (a name
 * without a title, or an organisation heading "NHS Members", its small
 * words those of name_small_word)?  Figures,
 * dates and running prose do not.
 */
static int
entry_like(const char *s, size_t n)
{
	size_t words = 0, caps = 0;

	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if ((s[i] >= '0' && s[i] <= '9') || s[i] == '%')
			return 0;       /* a figure */
		/* a full stop after a word of three letters or more ends a sentence */
		if (s[i] == '.' && i >= 3 && (i + 1 == n || s[i + 1] == ' ') &&
		    is_alpha((unsigned char)s[i - 1]) && is_alpha((unsigned char)s[i - 2]) &&
		    is_alpha((unsigned char)s[i - 3]))
			return 0;
	}
	if (line_is_person(s, n))
		return 1;
	for (size_t i = 0; i < n;) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		size_t w = i;
		while (i < n && s[i] != ' ')
			i++;
		words++;
		unsigned char c = (unsigned char)s[w];
		if (c == '(' || c == '&' || c == '-' || c >= 0x80)
			continue;
		if (c >= 'A' && c <= 'Z') {
			caps++;
			continue;
		}
		if (!ws_has(&name_small_word, s + w, i - w))
			return 0;
	}
	return caps > 0 && words <= 6;
}

/*
 * A line of a list printed in two columns (pdftotext -layout): two short
 * entries parted by one gap of three or more spaces.  Returns the column
 * where the right entry starts, or 0.  s[0..n) is the line as read,
 * trailing spaces cut.
 */
size_t
columns_two(const char *s, size_t n)
{
	size_t i = 0, gap = 0, gapend = 0;

	while (i < n && s[i] == ' ')
		i++;
	size_t lead = i;
	if (n - lead > 100)
		return 0;
	for (; i < n; i++) {
		if (s[i] == '\t')
			return 0;
		if (s[i] != ' ')
			continue;
		size_t r = i;
		while (r < n && s[r] == ' ')
			r++;
		if (r - i >= 3) {
			if (gap)
				return 0;       /* three columns: a table */
			gap = i;
			gapend = r;
		}
		i = r - 1;
	}
	if (!gap || gap - lead > 45 || n - gapend > 45)
		return 0;
	if (!entry_like(s + lead, gap - lead) || !entry_like(s + gapend, n - gapend))
		return 0;
	return utf8_width(s, gapend);
}


/*
 * "In attendance: Kate Hollins (Director)": the column where the first
 * entry after an attendance_column_label starts, or 0.
 */
size_t
columns_label(const char *s, size_t n)
{
	size_t lead = 0;

	while (lead < n && s[lead] == ' ')
		lead++;
	const char *c = memchr(s + lead, ':', n - lead < 40 ? n - lead : 40);
	if (!c)
		return 0;
	if (!ws_has(&attendance_label, s + lead, (size_t)(c - s - lead)))
		return 0;
	size_t e = (size_t)(c - s) + 1;
	while (e < n && s[e] == ' ')
		e++;
	return e < n ? utf8_width(s, e) : 0;
}