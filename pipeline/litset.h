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

/*
 * Literal li sets bit `bit` of a scan's bitset (also), not bit li: a
 * caller that only asks which of some lists of literals have one in a
 * text (a rule needs one of its list) gives each list a bit, one bitset
 * word for many literals.  Once one literal is mapped, a literal sets
 * only the bits mapped to it.  Only before litset_compile.
 */
void litset_map(struct litset *ls, size_t li, size_t bit);

/* A scan's bitset has at least nbits bits (mapped to or not): litsets of
 * some of the literals of one mapping then set bitsets of one size. */
void litset_bits(struct litset *ls, size_t nbits);

/* Build the scan tables; call once after the last litset_add. */
void litset_compile(struct litset *ls);

/* Words of a bitset over the literals, or over the bits mapped to
 * (at least 1). */
size_t litset_words(const struct litset *ls);

/* Set bits[i / 64] bit i % 64 for each literal i occurring in s[0..n)
 * (or the bits mapped to it); other bits are left as they are. */
void litset_scan(const struct litset *ls, const char *s, size_t n,
    uint64_t *bits);

/*
 * litset_scan of each of nparts parts of a text: part p is
 * s[start .. ends[p]), where start is 0 for the first part and
 * ends[p - 1] + 1 for the others (one byte between two parts, in none);
 * its bits are bits[p * litset_words(ls) ..].  So ends[p] >= start
 * (a part may be empty); the text is s[0 .. ends[nparts - 1]).  One
 * call for the paragraphs of a group spares a call, and the ends of a
 * text, per paragraph.
 */
void litset_scan_parts(const struct litset *ls, const char *s,
    const size_t *ends, size_t nparts, uint64_t *bits);

/* Does one of the literals start at s[i] (and end within s[0..n))? */
int litset_starts(const struct litset *ls, const char *s, size_t n,
    size_t i);

/* The first i' >= i where one of the literals starts (and ends within
 * s[0..n)), or n if none does. */
size_t litset_next(const struct litset *ls, const char *s, size_t n,
    size_t i);

void litset_free(struct litset *ls);

#endif
