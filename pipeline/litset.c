/*
 * litset — many short literals found in one pass over a text; see
 * litset.h.
 *
 * A table of 65536 bytes says which pairs of bytes (as printed, in any
 * case) may start a literal: one 16-bit load and one byte test per byte
 * of text.  A literal of one byte is a flag of that table too (for every
 * pair its byte starts), looked up at once in a table by byte: a text
 * pays nothing for them but at their bytes, and nothing per call.  At
 * such a pair, the literals of two bytes are looked up by the first
 * byte, and the longer ones by a hash of the first three: a table of
 * 2^14 bits says which hashes start one, and only then are the
 * literals of that hash compared.  (The hash is of the bytes with bit
 * 0x20 set, so of any case; other bytes may share a hash, which the
 * comparison sorts out.)
 */
#include "litset.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

#define HBITS 14
#define NHASH (1u << HBITS)
#define PAIR_TWO 1
#define PAIR_MORE 2
#define PAIR_ONE 4		/* the first byte is a literal of one byte */

struct lit {
	unsigned char *s;	/* lower case */
	size_t len;
	uint64_t w, m;		/* its first 8 bytes | 0x20 each, and the
				 * mask of those it has: a quick test */
};

/* A list of literals: order[start..start + count). */
struct bucket {
	uint32_t start, count;
};

struct litset {
	struct lit *lits;
	size_t n, cap;
	unsigned char pair[65536];	/* [s[0] | s[1] << 8]: may start one
					 * of two bytes (PAIR_TWO), of more
					 * (PAIR_MORE); s[0] is one (PAIR_ONE) */
	uint32_t one[256];	/* [c]: 1 + the literal of one byte c, or 0 */
	struct bucket byfirst[256];	/* those of two by first byte */
	uint64_t hashed[NHASH / 64];	/* bit h: a long one may start */
	struct bucket *byhash;	/* the long ones by hash (NHASH) */
	size_t *order;
};

static unsigned char
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* The hash of three bytes, each with bit 0x20 set, in the low 24 bits of
 * w (s[0] lowest; the high byte is 0). */
static unsigned
hash3(uint32_t w)
{
	return (uint32_t)((w | 0x202020u) * 0x9E3779B1u) >> (32 - HBITS);
}

static uint32_t
load3(const unsigned char *s)
{
	return s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16;
}

struct litset *
litset_new(void)
{
	return xcalloc(1, sizeof(struct litset));
}

size_t
litset_add(struct litset *ls, const char *lit, size_t len)
{
	size_t i;
	struct lit *l;

	for (i = 0; i < ls->n; i++)
		if (ls->lits[i].len == len) {
			size_t k;
			for (k = 0; k < len && ls->lits[i].s[k] ==
			    fold((unsigned char)lit[k]); k++)
				;
			if (k == len)
				return i;
		}
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? 2 * ls->cap : 64;
		ls->lits = xrealloc(ls->lits, ls->cap * sizeof *ls->lits);
	}
	l = &ls->lits[ls->n];
	l->s = xmalloc(len + 1);
	for (i = 0; i < len; i++)
		l->s[i] = fold((unsigned char)lit[i]);
	l->s[len] = '\0';
	l->len = len;
	l->w = l->m = 0;
	for (i = 0; i < len && i < 8; i++) {
		l->w |= (uint64_t)(l->s[i] | 0x20) << (8 * i);
		l->m |= (uint64_t)0xFF << (8 * i);
	}
	return ls->n++;
}

/* Mark the pair a b, and its upper-case forms, with flag f. */
static void
set_pair(struct litset *ls, unsigned char a, unsigned char b, unsigned char f)
{
	unsigned char as[2] = {a, a}, bs[2] = {b, b};
	int i, j;

	if (a >= 'a' && a <= 'z')
		as[1] = (unsigned char)(a - 32);
	if (b >= 'a' && b <= 'z')
		bs[1] = (unsigned char)(b - 32);
	for (i = 0; i < 2; i++)
		for (j = 0; j < 2; j++)
			ls->pair[as[i] | (unsigned)bs[j] << 8] |= f;
}

/* The bucket literal l (of two bytes or more) goes to (counting or
 * placing). */
static struct bucket *
bucket_of(struct litset *ls, const struct lit *l)
{
	if (l->len < 3)
		return &ls->byfirst[l->s[0]];
	return &ls->byhash[hash3(load3(l->s))];
}

void
litset_compile(struct litset *ls)
{
	size_t i, no = 0;
	struct bucket *b;

	ls->order = xcalloc(ls->n ? ls->n : 1, sizeof *ls->order);
	ls->byhash = xcalloc(NHASH, sizeof *ls->byhash);
	/* count, give each bucket its start, then place */
	for (i = 0; i < ls->n; i++)
		if (ls->lits[i].len > 1)
			bucket_of(ls, &ls->lits[i])->count++;
	for (i = 0; i < 256 + NHASH; i++) {
		b = i < 256 ? &ls->byfirst[i] : &ls->byhash[i - 256];
		b->start = (uint32_t)no;
		no += b->count;
		b->count = 0;
	}
	for (i = 0; i < ls->n; i++) {
		const struct lit *l = &ls->lits[i];
		if (l->len == 1) {
			unsigned c = l->s[0], x;
			ls->one[c] = (uint32_t)i + 1;
			if (c >= 'a' && c <= 'z')
				ls->one[c - 32] = (uint32_t)i + 1;
			for (x = 0; x < 256; x++) {
				ls->pair[c | x << 8] |= PAIR_ONE;
				if (c >= 'a' && c <= 'z')
					ls->pair[(c - 32) | x << 8] |= PAIR_ONE;
			}
			continue;
		}
		b = bucket_of(ls, l);
		ls->order[b->start + b->count++] = i;
		set_pair(ls, l->s[0], l->s[1], l->len == 2 ? PAIR_TWO : PAIR_MORE);
		if (l->len >= 3) {
			unsigned h = hash3(load3(l->s));
			ls->hashed[h / 64] |= (uint64_t)1 << (h % 64);
		}
	}
	/* a short literal's first byte in upper case too */
	for (i = 'a'; i <= 'z'; i++)
		ls->byfirst[i - 32] = ls->byfirst[i];
}

size_t
litset_words(const struct litset *ls)
{
	return ls->n ? (ls->n + 63) / 64 : 1;
}

/*
 * Which literals of bucket b start at s[i]: their bits are set in bits;
 * with bits NULL, only whether one does (1) or not (0).
 */
static int
check_at(const struct litset *ls, const struct bucket *b,
    const unsigned char *s, size_t n, size_t i, uint64_t *bits)
{
	size_t j, k;
	int any = 0;
	uint64_t t = 0;

	/* the text's next 8 bytes | 0x20: a literal whose own differ is
	 * not there (the same bytes in any case are) */
	if (n - i >= 8) {
		memcpy(&t, s + i, 8);
		t |= 0x2020202020202020ull;
	}
	for (j = b->start; j < b->start + b->count; j++) {
		size_t li = ls->order[j];
		const struct lit *l = &ls->lits[li];
		if (l->len > n - i || (n - i >= 8 && (t & l->m) != l->w))
			continue;
		for (k = 0; k < l->len && fold(s[i + k]) == l->s[k]; k++)
			;
		if (k < l->len)
			continue;
		if (!bits)
			return 1;
		bits[li / 64] |= (uint64_t)1 << (li % 64);
		any = 1;
	}
	return any;
}

/*
 * The literals of two bytes or more that start at s[i], whose pair v
 * (ls->pair[s[i] | s[i + 1] << 8]) is not 0: as check_at.  Inlined in
 * the scan: most pairs that may start a literal start none, and the
 * hash of three bytes says so without a call.
 */
static inline int
found_at(const struct litset *ls, const unsigned char *s, size_t n, size_t i,
    unsigned v, uint64_t *bits)
{
	unsigned h;
	int any = 0;

	if (v & PAIR_TWO) {
		any = check_at(ls, &ls->byfirst[s[i]], s, n, i, bits);
		if (any && !bits)
			return 1;
	}
	if (!(v & PAIR_MORE) || i + 2 >= n)
		return any;
	h = hash3(load3(s + i));
	if (ls->hashed[h / 64] >> (h % 64) & 1)
		any |= check_at(ls, &ls->byhash[h], s, n, i, bits);
	return any;
}

int
litset_starts(const struct litset *ls, const char *text, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)text;
	unsigned v;

	if (ls->one[s[i]])
		return 1;
	if (i + 1 >= n)
		return 0;
	v = ls->pair[s[i] | (unsigned)s[i + 1] << 8];
	return v ? found_at(ls, s, n, i, v, NULL) : 0;
}

/* Set the bit of literal li. */
static inline void
setbit(uint64_t *bits, size_t li)
{
	bits[li / 64] |= (uint64_t)1 << (li % 64);
}

/*
 * The literals that start at s[i] (i + 1 < n), whose pair v is not 0.
 * A literal of one byte is noted from the pair table's flag, at no
 * cost to the bytes that are none: no separate note of each byte seen.
 */
static inline void
scan_at(const struct litset *ls, const unsigned char *s, size_t n, size_t i,
    unsigned v, uint64_t *bits)
{
	if (v & PAIR_ONE)
		setbit(bits, ls->one[s[i]] - 1);
	if (v & (PAIR_TWO | PAIR_MORE))
		(void)found_at(ls, s, n, i, v, bits);
}

void
litset_scan(const struct litset *ls, const char *text, size_t n,
    uint64_t *bits)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i;

	/* a literal of two bytes or more starts before the last byte */
	for (i = 0; i + 1 < n; i++) {
		unsigned v = ls->pair[s[i] | (unsigned)s[i + 1] << 8];
		if (v)
			scan_at(ls, s, n, i, v, bits);
	}
	if (n > 0 && ls->one[s[n - 1]])
		setbit(bits, ls->one[s[n - 1]] - 1);
}

void
litset_free(struct litset *ls)
{
	size_t i;

	if (!ls)
		return;
	for (i = 0; i < ls->n; i++)
		free(ls->lits[i].s);
	free(ls->lits);
	free(ls->order);
	free(ls->byhash);
	free(ls);
}
