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
 * byte, those of three by a hash of the three and the longer ones by a
 * hash of their first four: a table of 2^14 bits says which hashes
 * start one, and only then are the literals of that hash compared, 8
 * bytes at a time.  (The hash is of the bytes with bit 0x20 set, so of
 * any case; other bytes may share a hash, which the comparison sorts
 * out.)
 *
 * Where the processor has AVX2 (asked at run time) a vector filter
 * chooses the positions instead, 32 at a time: Hyperscan's "Teddy"
 * (also in Rust's aho-corasick).  The literals of two bytes or more
 * are put in 24 groups, and for each of a literal's first 4 bytes a
 * 16-byte table says, by the byte's low nibble, which groups may have
 * it there (and for the first two another by the high nibble); a
 * shuffle per table looks all 32 positions up at once, and the AND of
 * them says which groups may start at each.  Only those positions, and
 * those of a literal of one byte (an exact bitmap of ASCII bytes,
 * looked up the same way), go on to the tables above: in the minutes
 * about one byte in twenty, where the pair table let one in six through
 * at 12 instructions a byte.  The result is the same bits either way;
 * MINUTES_EXTRACT_SCALAR in the environment keeps to the bytewise loop
 * (for tests).
 *
 * A literal sets its own bit, or the bits mapped to it (litset_map):
 * the engine maps each to the rules that need it.  One scan may cover
 * the parts of a text, each with its own bits (litset_scan_parts): the
 * paragraphs of a group, in one call and with one text end.
 */
#include "litset.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

#if defined(__x86_64__) && defined(__GNUC__)
#define LITSET_AVX2 1
#include <immintrin.h>
#else
#define LITSET_AVX2 0
#endif

#define HBITS 14
#define NHASH (1u << HBITS)
#define PAIR_TWO 1
#define PAIR_THREE 2
#define PAIR_ONE 4		/* the first byte is a literal of one byte */
#define PAIR_LONG 8
#define PAIR_MULTI (PAIR_TWO | PAIR_THREE | PAIR_LONG)
#define TBYTES 4		/* bytes of a literal the vector filter tests */
#define TSETS 3			/* its tables, of 8 groups of literals */
#define THIGH 2			/* bytes whose high nibble it tests too */
#define TGROUPS (8 * TSETS)
#define FEW 16			/* literals of two bytes or more that one
				 * set of 8 groups takes */

struct lit {
	unsigned char *s;	/* lower case */
	size_t len;
	uint64_t w, m;		/* its first 8 bytes, and the mask of
				 * those it has: one test of 8 bytes */
};

/* A literal in a bucket: its test of 8 bytes (struct lit) at hand. */
struct ent {
	uint64_t w, m;
	uint32_t li, len;
};

/* A list of literals: order[start..start + count). */
struct bucket {
	uint32_t start, count;
};

struct litset {
	struct lit *lits;
	size_t n, cap;
	unsigned char pair[65536];	/* [s[0] | s[1] << 8]: may start one
					 * of two bytes (PAIR_TWO), of three
					 * (PAIR_THREE), of more (PAIR_LONG);
					 * s[0] is one (PAIR_ONE) */
	uint32_t one[256];	/* [c]: 1 + the literal of one byte c, or 0 */
	/* the filter of the vector scan (see scan_avx2): for byte k of a
	 * literal, by low and by high nibble, the groups whose literals may
	 * have it there; and the literals of one byte as a bitmap (one bit
	 * per high nibble 0-7, by low nibble) */
	unsigned char tlo[TSETS][TBYTES][32];
	unsigned char thi[TSETS][THIGH][32];
	unsigned char olo[32];
	unsigned char ohi[32];
	int vec;		/* scan with scan_avx2 */
	int nsets;		/* table sets it uses: 1, or TSETS */
	size_t (*maps)[2];	/* litset_map's (literal, bit), until compiled */
	size_t nmaps, mapcap, nbits;	/* nbits: 1 + the highest bit mapped */
	size_t ow;		/* words of the bitset a scan sets */
	uint64_t *out;		/* per literal, ow words: the bits it sets */

	struct bucket byfirst[256];	/* those of two by first byte */
	uint64_t hashed[NHASH / 64];	/* bit h: a long one may start */
	struct bucket *byhash;	/* the long ones by hash (NHASH) */
	struct ent *order;
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

/* The hash of four bytes, each with bit 0x20 set (w as loaded by
 * load4): the literals of four bytes or more go by their first four,
 * so that "the " does not stop at "there voted". */
static unsigned
hash4(uint32_t w)
{
	return (uint32_t)((w | 0x20202020u) * 0x9E3779B1u) >> (32 - HBITS);
}

static uint32_t
load4(const unsigned char *s)
{
	uint32_t w;

	memcpy(&w, s, 4);
	return w;
}

/* Eight bytes with A-Z in lower case (as fold, each byte). */
static uint64_t
fold8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull;
	uint64_t h = x & 0x7F * ones;
	/* bit 7 of each byte: its low 7 bits >= 'A', > 'Z'; no carry
	 * crosses a byte */
	uint64_t ge = h + (0x80 - 'A') * ones, gt = h + (0x80 - 'Z' - 1) * ones;

	return x | (ge & ~gt & ~x & 0x80 * ones) >> 2;
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
		l->w |= (uint64_t)l->s[i] << (8 * i);
		l->m |= (uint64_t)0xFF << (8 * i);
	}
	return ls->n++;
}

void
litset_map(struct litset *ls, size_t li, size_t bit)
{
	if (ls->nmaps == ls->mapcap) {
		ls->mapcap = ls->mapcap ? 2 * ls->mapcap : 64;
		ls->maps = xrealloc(ls->maps, ls->mapcap * sizeof *ls->maps);
	}
	ls->maps[ls->nmaps][0] = li;
	ls->maps[ls->nmaps++][1] = bit;
	if (bit >= ls->nbits)
		ls->nbits = bit + 1;
}

void
litset_bits(struct litset *ls, size_t nbits)
{
	if (nbits > ls->nbits)
		ls->nbits = nbits;
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
	if (l->len == 3)
		return &ls->byhash[hash3(load3(l->s))];
	return &ls->byhash[hash4(load4(l->s))];
}

/*
 * How often each byte starts, roughly, in English prose (per 1000; a
 * little for every other byte): the weights by which the filter's
 * groups are made, so that literals which would let common text
 * through together are kept apart.  Only a guide: any weights give
 * the same results, just more or fewer positions to look at.
 */
static double
text_weight(unsigned c)
{
	static const char letters[] = "etaoinshrdlcumwfgypbvkjxqz";
	static const double lw[] = { 100, 75, 65, 62, 57, 57, 52, 42, 50, 31,
	    33, 23, 22, 20, 15, 18, 15, 14, 16, 12, 8, 6, 1, 1.5, 1, 0.7 };
	const char *p;

	if (c == ' ')
		return 180;
	if (c >= 'A' && c <= 'Z')
		return text_weight(c + 32) * 0.06;
	if (c >= 'a' && c <= 'z' && (p = strchr(letters, (int)c)) != NULL)
		return lw[p - letters];
	if (c >= '0' && c <= '9')
		return 1.5;
	if (c == ',' || c == '.')
		return 10;
	return c > ' ' && c < 0x7F ? 0.3 : 0.05;
}

/* The weight of the nibbles of mask m (bit x: nibble x), from the
 * sums of its low and high byte. */
static double
nib_weight(double w[2][256], unsigned m)
{
	return w[0][m & 0xFF] + w[1][m >> 8];
}

/*
 * The tables of the vector filter.  Each literal of two bytes or more
 * goes to the group that its nibbles make the least more likely to let
 * a position of text through (an estimate: the product, over its bytes,
 * of the weights of its low nibbles times those of its high ones), the
 * most permissive first; a literal of one byte is a bit of an exact
 * bitmap of ASCII bytes, and one of another byte leaves the scan to the
 * bytewise loop.
 */
static void
vec_compile(struct litset *ls)
{
	struct vlit {
		uint16_t lo[TBYTES], hi[TBYTES];	/* nibbles, as bits */
		double cost;	/* how much it lets through alone */
	} *vl;
	uint16_t glo[TGROUPS][TBYTES], ghi[TGROUPS][TBYTES];
	double wlo[2][256], whi[2][256], nlo[16], nhi[16], gcost[TGROUPS];
	size_t i, j, nm, *byl;
	unsigned g, k, x;

	ls->vec = 0;
#if LITSET_AVX2
	__builtin_cpu_init();
	ls->vec = __builtin_cpu_supports("avx2") &&
	    !getenv("MINUTES_EXTRACT_SCALAR");
#endif
	for (i = 0; i < 8; i++)
		ls->ohi[i] = ls->ohi[16 + i] = (unsigned char)(1u << i);
	memset(nlo, 0, sizeof nlo);
	memset(nhi, 0, sizeof nhi);
	for (x = 0; x < 256; x++) {
		nlo[x & 15] += text_weight(x);
		nhi[x >> 4] += text_weight(x);
	}
	for (x = 0; x < 256; x++) {
		wlo[0][x] = wlo[1][x] = whi[0][x] = whi[1][x] = 0;
		for (k = 0; k < 8; k++)
			if (x >> k & 1) {
				wlo[0][x] += nlo[k];
				wlo[1][x] += nlo[k + 8];
				whi[0][x] += nhi[k];
				whi[1][x] += nhi[k + 8];
			}
	}
	vl = xcalloc(ls->n ? ls->n : 1, sizeof *vl);

	byl = xcalloc(ls->n ? ls->n : 1, sizeof *byl);
	for (i = nm = 0; i < ls->n; i++) {
		const struct lit *l = &ls->lits[i];
		struct vlit *v = &vl[i];

		if (l->len == 1) {
			unsigned c = l->s[0];
			if (c >= 0x80)
				ls->vec = 0;
			else {
				ls->olo[c & 15] |= (unsigned char)(1u << (c >> 4));
				if (c >= 'a' && c <= 'z')
					ls->olo[c & 15] |= (unsigned char)
					    (1u << ((c - 32) >> 4));
			}
			continue;
		}
		v->cost = 1;
		for (k = 0; k < TBYTES; k++) {
			unsigned c = k < l->len ? l->s[k] : 0;
			/* past its end, and the high nibble past THIGH:
			 * any */
			v->lo[k] = v->hi[k] = 0xFFFF;
			if (k < l->len) {
				v->lo[k] = (uint16_t)(1u << (c & 15));
				if (k < THIGH)
					v->hi[k] = (uint16_t)(1u << (c >> 4) |
					    (c >= 'a' && c <= 'z' ?
					    1u << ((c - 32) >> 4) : 0));
			}
			v->cost *= nib_weight(wlo, v->lo[k]) *
			    nib_weight(whi, v->hi[k]);
		}
		/* the most permissive first, while the groups are empty:
		 * placed last they would widen a group that is narrow */
		for (j = nm++; j > 0 && vl[byl[j - 1]].cost < v->cost; j--)
			byl[j] = byl[j - 1];
		byl[j] = i;
	}
	memset(glo, 0, sizeof glo);
	memset(ghi, 0, sizeof ghi);
	for (g = 0; g < TGROUPS; g++)
		gcost[g] = 0;
	for (i = 0; i < nm; i++) {
		const struct vlit *v = &vl[byl[i]];
		unsigned best = 0;
		double bestd = 0;

		for (g = 0; g < (nm <= FEW ? 8u : TGROUPS); g++) {
			double after = 1;
			for (k = 0; k < TBYTES; k++)
				after *= nib_weight(wlo, glo[g][k] | v->lo[k]) *
				    nib_weight(whi, ghi[g][k] | v->hi[k]);
			if (g == 0 || after - gcost[g] < bestd) {
				best = g;
				bestd = after - gcost[g];
			}
		}
		gcost[best] += bestd;
		for (k = 0; k < TBYTES; k++) {
			glo[best][k] |= v->lo[k];
			ghi[best][k] |= v->hi[k];
		}
	}
	free(vl);
	free(byl);
	/* a few literals (a section's few) fit in one set's 8 groups well
	 * enough: a block then costs a third of its shuffles */
	ls->nsets = nm <= FEW ? 1 : TSETS;
	for (g = 0; g < TGROUPS; g++)
		for (k = 0; k < TBYTES; k++)
			for (x = 0; x < 16; x++) {
				unsigned char bit = (unsigned char)(1u << g % 8);
				if (glo[g][k] >> x & 1)
					ls->tlo[g / 8][k][x] |= bit;
				if (k < THIGH && ghi[g][k] >> x & 1)
					ls->thi[g / 8][k][x] |= bit;
			}
	/* each lane of the 32-byte vectors shuffles by its own copy */
	for (g = 0; g < TSETS; g++)
		for (k = 0; k < TBYTES; k++) {
			memcpy(ls->tlo[g][k] + 16, ls->tlo[g][k], 16);
			if (k < THIGH)
				memcpy(ls->thi[g][k] + 16, ls->thi[g][k], 16);
		}
	for (x = 0; x < 16; x++)
		ls->olo[16 + x] = ls->olo[x];
}

void
litset_compile(struct litset *ls)
{
	size_t i, no = 0;
	struct bucket *b;

	ls->ow = litset_words(ls);
	ls->out = xcalloc((ls->n ? ls->n : 1) * ls->ow, sizeof *ls->out);
	for (i = 0; i < ls->nmaps; i++)
		if (ls->maps[i][0] < ls->n)
			ls->out[ls->maps[i][0] * ls->ow + ls->maps[i][1] / 64] |=
			    (uint64_t)1 << (ls->maps[i][1] % 64);
	for (i = 0; i < ls->n && ls->nmaps == 0; i++)
		ls->out[i * ls->ow + i / 64] |= (uint64_t)1 << (i % 64);
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
		ls->order[b->start + b->count].w = l->w;
		ls->order[b->start + b->count].m = l->m;
		ls->order[b->start + b->count].li = (uint32_t)i;
		ls->order[b->start + b->count++].len = (uint32_t)l->len;
		set_pair(ls, l->s[0], l->s[1], l->len == 2 ? PAIR_TWO :
		    l->len == 3 ? PAIR_THREE : PAIR_LONG);
		if (l->len >= 3) {
			unsigned h = l->len == 3 ? hash3(load3(l->s)) :
			    hash4(load4(l->s));
			ls->hashed[h / 64] |= (uint64_t)1 << (h % 64);
		}
	}
	/* a short literal's first byte in upper case too */
	for (i = 'a'; i <= 'z'; i++)
		ls->byfirst[i - 32] = ls->byfirst[i];
	vec_compile(ls);
}

size_t
litset_words(const struct litset *ls)
{
	size_t w = ls->nmaps ? 0 : (ls->n + 63) / 64;

	if ((ls->nbits + 63) / 64 > w)
		w = (ls->nbits + 63) / 64;
	return w ? w : 1;
}

/* Set the bits of literal li (one word, the engine's case, at once). */
static inline void
put(const struct litset *ls, uint64_t *bits, size_t li)
{
	const uint64_t *o = ls->out + li * ls->ow;
	size_t w;

	if (ls->ow == 1) {
		bits[0] |= o[0];
		return;
	}
	for (w = 0; w < ls->ow; w++)
		bits[w] |= o[w];
}

/*
 * Which literals of bucket b start at s[i]: their bits are set in bits;
 * with bits NULL, only whether one does (1) or not (0).
 */
static int
check_at(const struct litset *ls, const struct bucket *b,
    const unsigned char *s, size_t n, size_t i, uint64_t *bits)
{
	const struct ent *e = ls->order + b->start, *end = e + b->count;
	size_t k, li;
	int any = 0;
	uint64_t t;

	for (; e < end; e++) {
		if (n - i >= 8) {
			/* the text's next 8 bytes in lower case: one test
			 * says whether a literal's first 8 are there */
			memcpy(&t, s + i, 8);
			if ((fold8(t) & e->m) != e->w)
				continue;
			k = 8;
		} else
			k = 0;
		if (e->len > n - i)
			continue;
		li = e->li;
		for (; k < e->len && fold(s[i + k]) == ls->lits[li].s[k]; k++)
			;
		if (k < e->len)
			continue;
		if (!bits)
			return 1;
		put(ls, bits, li);
		any = 1;
	}
	return any;
}

/*
 * The literals of two bytes or more that start at s[i], whose pair v
 * (ls->pair[s[i] | s[i + 1] << 8]) is not 0: as check_at.  Inlined in
 * the scan: most pairs that may start a literal start none, and the
 * hash of three or four bytes says so without a call.
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
	if ((v & PAIR_THREE) && n - i >= 3) {
		h = hash3(load3(s + i));
		if (ls->hashed[h / 64] >> (h % 64) & 1)
			any |= check_at(ls, &ls->byhash[h], s, n, i, bits);
		if (any && !bits)
			return 1;
	}
	if ((v & PAIR_LONG) && n - i >= 4) {
		h = hash4(load4(s + i));
		if (ls->hashed[h / 64] >> (h % 64) & 1)
			any |= check_at(ls, &ls->byhash[h], s, n, i, bits);
	}
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
		put(ls, bits, ls->one[s[i]] - 1);
	if (v & PAIR_MULTI)
		(void)found_at(ls, s, n, i, v, bits);
}

#if LITSET_AVX2
/*
 * The positions of s[0..32) where a literal may start, as bits: a
 * "Teddy" filter (Hyperscan's, and Rust's aho-corasick's), for each of
 * the first TBYTES bytes two shuffles look the groups up by the low and
 * by the high nibble, and the AND of them all says which groups may
 * start at each position; or the byte is a literal of one byte, from
 * its bitmap.  Reads s[0..32 + TBYTES - 1).
 */
/*
 * Narrow g to the groups of table set t whose byte k may be the one with
 * nibbles l, h.  The empty asm keeps each step in its place: left free,
 * the compiler starts every shuffle at once and spills them to the
 * stack for want of registers.
 */
#define VEC_AND(g, t, k, l, h) do { \
	g = _mm256_and_si256(g, _mm256_shuffle_epi8(_mm256_loadu_si256( \
	    (const __m256i *)ls->tlo[t][k]), l)); \
	g = _mm256_and_si256(g, _mm256_shuffle_epi8(_mm256_loadu_si256( \
	    (const __m256i *)ls->thi[t][k]), h)); \
	__asm__("" : "+x"(g)); \
} while (0)
/* The same by the low nibble alone: for bytes past the second, the high
 * one lets about as much through as it costs to look up. */
#define VEC_LOW(g, t, k, l) do { \
	g = _mm256_and_si256(g, _mm256_shuffle_epi8(_mm256_loadu_si256( \
	    (const __m256i *)ls->tlo[t][k]), l)); \
	__asm__("" : "+x"(g)); \
} while (0)
/* Add to r the groups of table set t that may start at each position. */
#define VEC_SET(r, t) do { \
	__m256i g_ = _mm256_shuffle_epi8(_mm256_loadu_si256( \
	    (const __m256i *)ls->tlo[t][0]), l0); \
	g_ = _mm256_and_si256(g_, _mm256_shuffle_epi8(_mm256_loadu_si256( \
	    (const __m256i *)ls->thi[t][0]), h0)); \
	__asm__("" : "+x"(g_)); \
	VEC_AND(g_, t, 1, l1, h1); \
	VEC_LOW(g_, t, 2, l2); \
	VEC_LOW(g_, t, 3, l3); \
	r = _mm256_or_si256(r, g_); \
} while (0)
/* The low and high nibbles of 32 bytes. */
#define VEC_NIBS(l, h, p) do { \
	__m256i x_ = _mm256_loadu_si256((const __m256i *)(p)); \
	l = _mm256_and_si256(x_, nib); \
	h = _mm256_and_si256(_mm256_srli_epi16(x_, 4), nib); \
} while (0)

__attribute__((target("avx2"))) static inline uint32_t
vec_block(const struct litset *ls, const unsigned char *s)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	__m256i l0, h0, l1, h1, l2, l3, r;

	VEC_NIBS(l0, h0, s);
	VEC_NIBS(l1, h1, s + 1);
	l2 = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(s + 2)),
	    nib);
	l3 = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(s + 3)),
	    nib);
	r = _mm256_and_si256(
	    _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)ls->olo),
	    l0),
	    _mm256_shuffle_epi8(_mm256_loadu_si256((const __m256i *)ls->ohi),
	    h0));
	VEC_SET(r, 0);
	if (ls->nsets > 1) {
#if TSETS > 1
		VEC_SET(r, 1);
#endif
#if TSETS > 2
		VEC_SET(r, 2);
#endif
#if TSETS > 3
		VEC_SET(r, 3);
#endif
	}
	return ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(r,
	    _mm256_setzero_si256()));
}

/*
 * The positions of mask m (bit j: s[base + j]) that the filter let
 * through, looked at as the bytewise scan does, all within one part
 * that ends at n, whose bits are bits.
 */
__attribute__((target("avx2"))) static inline void
vec_visit(const struct litset *ls, const unsigned char *s, size_t n,
    size_t base, uint32_t m, uint64_t *bits)
{
	while (m) {
		size_t i = base + (size_t)__builtin_ctz(m);
		unsigned c = s[i], v;
		m &= m - 1;
		if (ls->one[c])
			put(ls, bits, ls->one[c] - 1);
		if (i + 1 >= n)
			continue;
		v = ls->pair[c | (unsigned)s[i + 1] << 8] &
		    PAIR_MULTI;
		if (v)
			(void)found_at(ls, s, n, i, v, bits);
	}
}

/* Where a scan of parts is: part p, s[start..end), whose bits are bits. */
struct cursor {
	size_t p, start, end;
	uint64_t *bits;
};

/* Move cu on to the part that holds position i, or the next one when
 * s[i] is the byte before it. */
static inline void
cursor_to(struct cursor *cu, const size_t *ends, size_t ow, size_t i)
{
	while (i >= cu->end) {
		cu->p++;
		cu->start = cu->end + 1;
		cu->end = ends[cu->p];
		cu->bits += ow;
	}
}

/*
 * As vec_visit, the positions of a block (from base, not before the
 * cursor's part) over the ends of parts: each part's with its own
 * bounds and bits, the byte between two parts left out; cu is moved on
 * to the part of the last position.
 */
__attribute__((target("avx2"))) static inline
__attribute__((always_inline)) void
vec_visit_parts(const struct litset *ls, const unsigned char *s,
    const size_t *ends, struct cursor *cu, size_t base, uint32_t m)
{
	cursor_to(cu, ends, ls->ow, base);
	for (;;) {
		uint32_t seg = m;
		if (cu->start > base)
			seg &= ~((uint32_t)1 << (cu->start - 1 - base));
		if (cu->end - base < 32)
			seg &= ((uint32_t)1 << (cu->end - base)) - 1;
		vec_visit(ls, s, cu->end, base, seg, cu->bits);
		m &= ~(((uint64_t)1 << (cu->end - base < 32 ?
		    cu->end - base : 32)) - 1);
		if (!m)
			return;
		cursor_to(cu, ends, ls->ow, cu->end);
	}
}

/*
 * The blocks of scan_avx2's loop with one set of groups (ls->nsets 1):
 * its eight tables stay in registers, not loaded again a block.  Returns
 * where the first block not looked at starts.
 */
__attribute__((target("avx2"))) static size_t
scan_one_set(const struct litset *ls, const unsigned char *s, size_t n,
    const size_t *ends, struct cursor *cu)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
#define VEC_TAB(t) _mm256_loadu_si256((const __m256i *)(t))
	const __m256i olo = VEC_TAB(ls->olo), ohi = VEC_TAB(ls->ohi),
	    lo0 = VEC_TAB(ls->tlo[0][0]), hi0 = VEC_TAB(ls->thi[0][0]),
	    lo1 = VEC_TAB(ls->tlo[0][1]), hi1 = VEC_TAB(ls->thi[0][1]),
	    lo2 = VEC_TAB(ls->tlo[0][2]), lo3 = VEC_TAB(ls->tlo[0][3]);
#undef VEC_TAB
	size_t i;

	for (i = 0; i + 32 + TBYTES - 1 <= n; i += 32) {
		__m256i l, h, r, g;
		uint32_t m;
		VEC_NIBS(l, h, s + i);
		r = _mm256_and_si256(_mm256_shuffle_epi8(olo, l),
		    _mm256_shuffle_epi8(ohi, h));
		g = _mm256_and_si256(_mm256_shuffle_epi8(lo0, l),
		    _mm256_shuffle_epi8(hi0, h));
		VEC_NIBS(l, h, s + i + 1);
		g = _mm256_and_si256(g, _mm256_and_si256(
		    _mm256_shuffle_epi8(lo1, l), _mm256_shuffle_epi8(hi1, h)));
		l = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)
		    (s + i + 2)), nib);
		g = _mm256_and_si256(g, _mm256_shuffle_epi8(lo2, l));
		l = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)
		    (s + i + 3)), nib);
		g = _mm256_and_si256(g, _mm256_shuffle_epi8(lo3, l));
		r = _mm256_or_si256(r, g);
		m = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(r,
		    _mm256_setzero_si256()));
		if (m)
			vec_visit_parts(ls, s, ends, cu, i, m);
	}
	return i;
}

/* litset_scan_parts, 32 bytes at a time: the filter says where to look. */
__attribute__((target("avx2"))) static void
scan_avx2(const struct litset *ls, const unsigned char *s, const size_t *ends,
    size_t nparts, uint64_t *bits)
{
	unsigned char tail[32 + 32 + TBYTES];
	struct cursor cu;
	size_t i, r, off, n = ends[nparts - 1];

	cu.p = cu.start = 0;
	cu.end = ends[0];
	cu.bits = bits;
	/* most blocks have no position to look at (their parts need not
	 * be known) */
	if (ls->nsets == 1)
		i = scan_one_set(ls, s, n, ends, &cu);
	else
		for (i = 0; i + 32 + TBYTES - 1 <= n; i += 32) {
			uint32_t m = vec_block(ls, s + i);
			if (m)
				vec_visit_parts(ls, s, ends, &cu, i, m);
		}
	r = n - i;
	if (r == 0)
		return;
	if (n >= 32 + TBYTES - 1) {
		/* a last block that ends with the text, its positions before
		 * i masked off (looked at already); the last TBYTES - 1,
		 * which it cannot test without reading past s[n - 1], as the
		 * bytewise scan does */
		size_t j = n - (32 + TBYTES - 1), e = n - (TBYTES - 1);
		if (i < e) {
			uint32_t m = vec_block(ls, s + j) &
			    ~(((uint32_t)1 << (i - j)) - 1);
			/* from its first position, not before i: the cursor
			 * is at s[i]'s part or before */
			if (m)
				vec_visit_parts(ls, s, ends, &cu,
				    j + (size_t)__builtin_ctz(m),
				    m >> __builtin_ctz(m));
			i = e;
		}
		vec_visit_parts(ls, s, ends, &cu, i,
		    ((uint32_t)1 << (n - i)) - 1);
		return;
	}
	/* a short text from a copy, so nothing past s[n - 1] is read:
	 * what follows it there lets more through, never less */
	memset(tail, 0, sizeof tail);
	memcpy(tail, s + i, r);
	for (off = 0; off < r; off += 32) {
		uint32_t m = vec_block(ls, tail + off);
		if (r - off < 32)
			m &= ((uint32_t)1 << (r - off)) - 1;
		if (m)
			vec_visit_parts(ls, s, ends, &cu, i + off, m);
	}
}
#endif

/* litset_scan of one part, a byte at a time. */
static void
scan_bytes(const struct litset *ls, const unsigned char *s, size_t n,
    uint64_t *bits)
{
	size_t i;

	/* a literal of two bytes or more starts before the last byte */
	for (i = 0; i + 1 < n; i++) {
		unsigned v = ls->pair[s[i] | (unsigned)s[i + 1] << 8];
		if (v)
			scan_at(ls, s, n, i, v, bits);
	}
	if (n > 0 && ls->one[s[n - 1]])
		put(ls, bits, ls->one[s[n - 1]] - 1);
}

void
litset_scan_parts(const struct litset *ls, const char *text,
    const size_t *ends, size_t nparts, uint64_t *bits)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t p, start;

	if (nparts == 0 || ls->n == 0)
		return;
#if LITSET_AVX2
	if (ls->vec) {
		scan_avx2(ls, s, ends, nparts, bits);
		return;
	}
#endif
	for (p = start = 0; p < nparts; start = ends[p++] + 1)
		scan_bytes(ls, s + start, ends[p] - start, bits + p * ls->ow);
}

void
litset_scan(const struct litset *ls, const char *text, size_t n,
    uint64_t *bits)
{
	litset_scan_parts(ls, text, &n, 1, bits);
}

/* litset_next one position at a time, from i. */
static size_t
next_bytes(const struct litset *ls, const unsigned char *s, size_t n, size_t i)
{
	for (; i < n; i++)
		if (litset_starts(ls, (const char *)s, n, i))
			return i;
	return n;
}

#if LITSET_AVX2
/* litset_next, 32 positions at a time where the filter can look: each
 * position it lets through is checked as litset_starts does. */
__attribute__((target("avx2"))) static size_t
next_avx2(const struct litset *ls, const unsigned char *s, size_t n, size_t i)
{
	size_t base = i;

	for (; base + 32 + TBYTES - 1 <= n; base += 32) {
		uint32_t m = vec_block(ls, s + base);
		for (; m; m &= m - 1) {
			size_t j = base + (size_t)__builtin_ctz(m);
			if (litset_starts(ls, (const char *)s, n, j))
				return j;
		}
	}
	return next_bytes(ls, s, n, base);
}
#endif

size_t
litset_next(const struct litset *ls, const char *text, size_t n, size_t i)
{
	const unsigned char *s = (const unsigned char *)text;

#if LITSET_AVX2
	if (ls->vec)
		return next_avx2(ls, s, n, i);
#endif
	return next_bytes(ls, s, n, i);
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
	free(ls->maps);
	free(ls->out);
	free(ls);
}
