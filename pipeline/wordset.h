/*
 * wordset — a list of the lexicon (lexicon.h) made ready for the per-line
 * look-ups of minutes-normalise: is this word in the list, which entries
 * may start this text.
 *
 * The entries are copied (lower-cased when the list is caseless, flag i)
 * and grouped by their first byte, so a line is compared only with the
 * entries of its own first byte: a long list costs a table lookup for
 * most lines.  Order within a group is the file's order; every caller
 * here asks "is there one", so the order does not change an answer.
 * The lookups are static inline: they run on every line read.
 */
#ifndef MM_WORDSET_H
#define MM_WORDSET_H

#include <stddef.h>
#include <stdint.h>

struct wordset {
	const char *name;       /* the list's name, for messages */
	char **word;            /* n entries, grouped by first byte */
	size_t *len;
	size_t n;
	size_t maxlen;          /* the longest entry's length */
	int caseless;
	/* The entries that may start a text whose first byte is c (as it
	 * stands: a caseless list gives 'M' and 'm' the same): lo[c]..hi[c). */
	uint32_t lo[256], hi[256];
};

/*
 * Fill ws from the process's lexicon list NAME (lex_list: exit 2 when
 * the list is missing).  Call once; ws owns its copies.
 */
void wordset_init(struct wordset *ws, const char *name);
void wordset_free(struct wordset *ws);

static inline unsigned char
ws_fold(const struct wordset *ws, unsigned char c)
{
	return ws->caseless && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Does an entry start with byte c? */
static inline int
ws_first(const struct wordset *ws, unsigned char c)
{
	return ws->lo[c] != ws->hi[c];
}

/* The entries that may start s, c its first byte: [*lo, *hi). */
static inline void
ws_range(const struct wordset *ws, unsigned char c, size_t *lo, size_t *hi)
{
	*lo = ws->lo[c];
	*hi = ws->hi[c];
}

/* Is entry k a prefix of s[0..n)?  The comparison stops at the first
 * byte that differs. */
static inline int
ws_prefix(const struct wordset *ws, size_t k, const char *s, size_t n)
{
	const unsigned char *w = (const unsigned char *)ws->word[k];
	const unsigned char *t = (const unsigned char *)s;
	size_t m = ws->len[k];

	if (n < m)
		return 0;
	if (ws->caseless) {
		for (size_t i = 0; i < m; i++)
			if ((t[i] >= 'A' && t[i] <= 'Z' ? t[i] + 32 : t[i]) != w[i])
				return 0;
	} else {
		for (size_t i = 0; i < m; i++)
			if (t[i] != w[i])
				return 0;
	}
	return 1;
}

/* Is s[0..n) an entry? */
static inline int
ws_has(const struct wordset *ws, const char *s, size_t n)
{
	size_t lo, hi;

	if (n == 0 || n > ws->maxlen)
		return 0;
	ws_range(ws, (unsigned char)s[0], &lo, &hi);
	for (; lo < hi; lo++)
		if (ws->len[lo] == n && ws_prefix(ws, lo, s, n))
			return 1;
	return 0;
}

/* The length of the longest entry that s[0..n) starts with, or 0. */
static inline size_t
ws_longest_prefix(const struct wordset *ws, const char *s, size_t n)
{
	size_t lo, hi, best = 0;

	if (n == 0)
		return 0;
	ws_range(ws, (unsigned char)s[0], &lo, &hi);
	for (; lo < hi; lo++)
		if (ws->len[lo] > best && ws_prefix(ws, lo, s, n))
			best = ws->len[lo];
	return best;
}

#endif
