/*
 * minuteno — the minute number at the start of a paragraph, in every
 * numbering style of conventions.md ("22.", "Minute 45", "45/24",
 * "C.12", "(12)", "16.07.2", "21.44 TITLE" …): where it is, its style,
 * its running value and numeric groups, and where the title after it
 * starts.  It says nothing about whether the paragraph is an item: the
 * sequence of numbers and the look of the title are sections.c's
 * (minutes-split), and whether a line of text opens one is linemarks.c's
 * (minutes-normalise): the one parser of minute numbers for both.
 *
 * The words it knows ("Minute", "Min. No.", "Item"; "PART 1" and "A6"
 * are no minute numbers) are the lexicon's lists minute_word,
 * number_word, not_minute_prefix and not_minute_letter: minuteno_init
 * reads them once, after lexicon_open, before the first minute_number.
 * minute_number keeps no state and allocates nothing.
 */
#ifndef MM_MINUTENO_H
#define MM_MINUTENO_H

#include <stddef.h>

/* Minute numbering styles; the items of one minutes section share one. */
enum style {
	ST_NONE,
	ST_DOT,		/* 22.  22: */
	ST_BARE,	/* 22 Title */
	ST_WORD,	/* Minute 45, Min. No. 12, Item 5 */
	ST_SLASH,	/* 45/24, 2023/114 */
	ST_PREFIX,	/* C.12, CAB 23, PC/45/19 */
	ST_PAREN,	/* (12) */
	ST_DATED,	/* 16.07.2, 19.3.12: year, month, running number */
	ST_CLOSE,	/* 1) Title */
	ST_BELOW,	/* Title / "(Item 4)" on the line below */
	ST_YEARNUM	/* 21.44 TITLE: year, running number (parish) */
};

/* A minute number at the start of a paragraph. */
struct minute_no {
	size_t ns, ne;		/* the number as printed ("45/24", "C.12") */
	size_t ts;		/* where the title starts (n when none) */
	long value;		/* the running number, for sequence: 45 of 45/24, 114 of 2023/114 */
	int style;		/* enum style */
	char prefix[8];		/* the letters of ST_PREFIX ("CAB") */
	int only;		/* the paragraph holds nothing but the number */
	long group[3];		/* its numeric groups: 23 and 10 of HWB23/10 */
	int ngroups;		/* how many (a fourth and more are ignored) */
	int agenda_no;		/* an item number after it was skipped ("C048/23  1.  TITLE") */
};

/* Read the word lists from the lexicon (lexicon.h); dies if one is missing. */
void minuteno_init(void);

/* The length of a word of minute_word ("Minute", "Item") that starts c
 * as a word, or 0: the words a minute number of ST_WORD comes after. */
size_t minute_word(const char *c, size_t n);

/*
 * A minute number in any style at the start of c; fills *m.  When the
 * number has several numeric groups (board, year, sequence) value is a
 * guess at the running one; the sequence of two numbers tells which
 * group runs (sections.c).
 */
int minute_number(const char *c, size_t n, struct minute_no *m);

/*
 * Is the number minute_number read at c a period or a date rather than a
 * minute: a financial year ("2023/24", "23/24": two groups, the second of
 * two digits the year after the first, of four or two) or a date
 * ("12/10/2023": three groups, the last of four digits)?
 */
int minute_no_period(const char *c, const struct minute_no *m);

#endif
