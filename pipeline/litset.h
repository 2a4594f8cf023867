/*
 * litset — many short literals found in one pass over a text.
 *
 * The `need` literals of every rule (rules/README.md) are added once,
 * compiled into a table of the byte pairs they start with, and one scan
 * of a paragraph then says which of them occur in it, as a bitset: a
 * rule's prefilter is a few AND operations instead of a search per
 * literal.  Matching is ASCII case-insensitive (bytes >= 0x80 compare
 * as they are); a literal matches only when all of it lies inside the
 * scanned text.
 */
#ifndef MM_LITSET_H
#define MM_LITSET_H

#include <stddef.h>
#include <stdint.h>

struct litset;

struct litset *litset_new(void);

/*
 * Add lit[0..len) (len >= 1; compared in ASCII lower case).  Returns its
 * index: the same literal added twice has one index.  Only before
 * litset_compile.
 */
size_t litset_add(struct litset *ls, const char *lit, size_t len);

/* Build the scan tables; call once after the last litset_add. */
void litset_compile(struct litset *ls);

/* Words of a bitset over the literals (at least 1). */
size_t litset_words(const struct litset *ls);

/* Set bits[i / 64] bit i % 64 for each literal i occurring in s[0..n);
 * other bits are left as they are. */
void litset_scan(const struct litset *ls, const char *s, size_t n,
    uint64_t *bits);

/* Does one of the literals start at s[i] (and end within s[0..n))? */
int litset_starts(const struct litset *ls, const char *s, size_t n,
    size_t i);

/* The first i' >= i where one of the literals starts (and ends within
 * s[0..n)), or n if none does. */
size_t litset_next(const struct litset *ls, const char *s, size_t n,
    size_t i);

void litset_free(struct litset *ls);

#endif
