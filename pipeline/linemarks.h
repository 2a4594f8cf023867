/*
 * linemarks — what the start and the end of a line of minutes say about
 * where it stands in a paragraph: a list mark, a bullet, a minute number
 * and its title, a label that opens a unit of minutes ("RESOLVED",
 * "Present", "Question by"), a person's title; a sentence's end, or a
 * word that cannot end one.  Used by minutes-normalise to decide whether
 * two lines are one paragraph (paragraphs.c) and to keep the labels of
 * minutes from being taken for running headers (survey.c).
 *
 * The words are lists of the lexicon (paragraph_label, person_title,
 * open_word, ref_word, hyphen_keep), read by linemarks_words; the shapes
 * (numbers, bullets, roman numerals, punctuation) are here, but for the
 * minute numbers, which are read by minuteno.c as minutes-split reads
 * them (its lists minute_word, number_word, not_minute_prefix,
 * not_minute_letter).  All take a line as s[0..n), read nothing past
 * s[n-1], and neither allocate nor print.
 */
#ifndef MM_LINEMARKS_H
#define MM_LINEMARKS_H

#include <stddef.h>

#include "bytescan.h"

/* How a line starts: a bullet or list mark (STRONG), a bare number "15."
 * (BARE), a label of minutes (LABEL), a minute number and title (MINUTE). */
enum mark_kind { MARK_NONE, MARK_STRONG, MARK_BARE, MARK_LABEL, MARK_MINUTE };

/* How a text ends: a word, a comma (or ; & ( / and dashes), a hyphen
 * after a letter or digit, a full stop, a question mark, a colon. */
enum end_kind { END_WORD, END_COMMA, END_HYPHEN, END_DOT, END_QUESTION, END_COLON };

/* Read the word lists from the lexicon (once; exit 2 when one is missing). */
void linemarks_words(void);

enum mark_kind line_mark(const char *s, size_t n);
enum end_kind line_end(const char *s, size_t n);

/* Does the text end with a word that cannot end a sentence (open_word)? */
int line_ends_open_word(const char *s, size_t n);

/* Does it end with a word that refers to a number ("item", "No.")? */
int line_ends_ref_word(const char *s, size_t n);

/* Two capital letters or more, and no small one?  (Inline: asked of
 * every line.)  Sixteen bytes at a time (a line of capitals or figures
 * is read whole), the last block the one that ends the line, its
 * capitals already counted shifted out of its mask. */
static inline int
line_all_caps(const char *s, size_t n)
{
	int letters = 0;
	size_t i = 0;

	if (n >= 16) {
		for (; i + 16 <= n; i += 16) {
			bytes16 v = bytes16_load(s + i);
			if (mask16_any((bytes16)(v - 'a') < 26))
				return 0;
			letters += __builtin_popcount(mask16_bits((bytes16)(v - 'A') < 26));
		}
		if (i < n) {
			bytes16 v = bytes16_load(s + n - 16);
			if (mask16_any((bytes16)(v - 'a') < 26))
				return 0;
			letters += __builtin_popcount(mask16_bits((bytes16)(v - 'A') < 26) >>
			                              (i - (n - 16)));
		}
		return letters >= 2;
	}
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'a' && c <= 'z')
			return 0;
		letters += c >= 'A' && c <= 'Z';
	}
	return letters >= 2;
}

/* Does the line start with a title (person_title) and a name? */
int line_is_person(const char *s, size_t n);

/* Is s[0..n), the word before a hyphen at a line's end, one that keeps
 * its hyphen when the lines are joined (hyphen_keep)? */
int line_keeps_hyphen(const char *s, size_t n);

#endif
