/*
 * columns — the lists of names that pdftotext -layout prints in columns,
 * for minutes-normalise: a line of two short entries parted by a column
 * gap ("Cllr A Bee (Chair)      Cllr C Dee"), and a label that opens an
 * attendance list with its first entry on the same line ("In attendance:
 * A Bee (Director)"), the entries under it lined up with the first.
 * paragraphs.c writes such entries one paragraph each.
 *
 * The labels (attendance_column_label) and the small words a name or an
 * organisation heading may hold (name_small_word) are lists of the
 * lexicon, read by columns_words.  All take the line as printed,
 * s[0..n), trailing blanks cut; nothing is allocated.
 */
#ifndef MM_COLUMNS_H
#define MM_COLUMNS_H

#include <stddef.h>

/* Read the word lists from the lexicon (once; exit 2 when one is missing). */
void columns_words(void);

/* A line of a list printed in two columns: the column where the right
 * entry starts, or 0. */
size_t columns_two(const char *s, size_t n);

/* After an attendance label and its colon, the column where the first
 * entry starts, or 0. */
size_t columns_label(const char *s, size_t n);

/* May an attendance label start with byte c?  (A cheap test before
 * columns_label.) */
int columns_label_first(unsigned char c);

#endif
