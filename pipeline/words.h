/*
 * words — the lists of rules/lexicon as minutes-split tests them, many
 * times a paragraph: each list with its entries' lengths and a filter of
 * their first letters, made once at start, so a test of a paragraph
 * against a list that no entry can start costs one look at one byte.
 *
 * Matching is ASCII case-insensitive (textscan.h), whatever the list's
 * flag i says; a caller that wants the case written compares itself
 * (memcmp, find with icase 0) over the entries.
 */
#ifndef MM_WORDS_H
#define MM_WORDS_H

#include <stddef.h>

#include "textscan.h"

struct words {
	const char *const *w;	/* the entries, then NULL */
	const size_t *len;	/* their lengths */
	size_t n;
	unsigned first;		/* bit (b & 31) for each entry's first byte b */
};

/*
 * List name of the lexicon (lexicon.h; dies with exit 2 when missing).
 * words_padded adds before and after to each entry (" held " of
 * "held"); words_min adds the check that every entry has min bytes
 * or more (find_any needs two), dying with the list and entry named.
 * The memory lives as long as the program.
 */
struct words words_get(const char *name);
struct words words_padded(const char *name, const char *before, const char *after);
struct words words_min(const char *name, size_t min);
/* The entries of a, then of b. */
struct words words_join(const struct words *a, const struct words *b);
/*
 * Free the arrays of a set words_padded or words_join made, once a join
 * has taken its entries (which stay: the join points to them).
 */
void words_drop(struct words *ws);

/* Can s[0..n) start with an entry?  (No: it cannot; yes: it may.) */
static inline int
words_may_start(const char *s, size_t n, const struct words *ws)
{
	return n > 0 && (ws->first >> ((unsigned char)s[0] & 31) & 1);
}

enum { WORDS_WORD, WORDS_PREFIX, WORDS_WHOLE };

/*
 * The length of the first entry that s[0..n) starts with (any case), or
 * 0: as a word (a non-letter or the end after it), as a prefix ("chair"
 * of "Chairman"), or the whole of s.
 */
static inline size_t
words_match(const char *s, size_t n, const struct words *ws, int how)
{
	size_t k;
	unsigned char c0;

	if (!words_may_start(s, n, ws))
		return 0;
	/* an entry's first byte matches s[0] in either case only where
	 * their 0x20 bits set make them alike: most entries fail there */
	c0 = (unsigned char)(s[0] | 0x20);
	for (k = 0; k < ws->n; k++)
		if ((unsigned char)(ws->w[k][0] | 0x20) != c0)
			continue;
		else if (how == WORDS_WORD ? starts_word(s, n, ws->w[k]) :
		    (how == WORDS_PREFIX || ws->len[k] == n) && starts_with(s, n, ws->w[k]))
			return ws->len[k];
	return 0;
}

/* The length of the entry s[0..n) starts with as a word, or 0. */
static inline size_t
word_in(const char *s, size_t n, const struct words *ws)
{
	return words_match(s, n, ws, WORDS_WORD);
}

static inline int
in_words(const char *s, size_t n, const struct words *ws)
{
	return words_match(s, n, ws, WORDS_WORD) > 0;
}

static inline int
prefix_in(const char *s, size_t n, const struct words *ws)
{
	return words_match(s, n, ws, WORDS_PREFIX) > 0;
}

static inline int
whole_in(const char *s, size_t n, const struct words *ws)
{
	return words_match(s, n, ws, WORDS_WHOLE) > 0;
}

/* Does s[0..n) hold an entry anywhere, any case? */
static inline int
holds(const char *s, size_t n, const struct words *ws)
{
	size_t k;

	for (k = 0; k < ws->n; k++)
		if (find_n(s, n, ws->w[k], ws->len[k], 1) < n)
			return 1;
	return 0;
}

#endif
