/*
 * Unit test: litset (litset.h) against a plain search, on random texts,
 * with the vector scan (where the processor has it) and with the
 * bytewise one (MINUTES_EXTRACT_SCALAR), which must agree bit for bit;
 * literals mapped to bits (litset_map), a few literals (the vector
 * filter's one set of groups), and texts scanned in parts
 * (litset_scan_parts), whose bytes between parts are literals too;
 * litset_starts and litset_next against the same search.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "litset.h"

static int failures;

#define CHECK(cond, ...) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); \
	putchar('\n'); } } while (0)

static const char *const lits[] = {
	"7", "%", "(", "q1", "Q2", "for", "for the", "forty", "one", "ten",
	"against", "against (", "against 3", "£", "€", "votes –", "per cent",
	"resolved", "resolvd", "the", "a", "ab", "abc", "zzzz", "x y",
};
#define NLITS (sizeof lits / sizeof lits[0])

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Does lit occur in s[0..n), ASCII case-insensitive? */
static int
plain_has(const char *s, size_t n, const char *lit)
{
	size_t l = strlen(lit), i, k;

	for (i = 0; i + l <= n; i++) {
		for (k = 0; k < l && lower((unsigned char)s[i + k]) ==
		    lower((unsigned char)lit[k]); k++)
			;
		if (k == l)
			return 1;
	}
	return 0;
}

/* Does lit start at s[i] (and end within s[0..n))? */
static int
plain_starts(const char *s, size_t n, size_t i, const char *lit)
{
	size_t l = strlen(lit), k;

	if (i + l > n)
		return 0;
	for (k = 0; k < l && lower((unsigned char)s[i + k]) ==
	    lower((unsigned char)lit[k]); k++)
		;
	return k == l;
}

static struct litset *
make(size_t *idx, int scalar)
{
	struct litset *ls = litset_new();
	size_t i;

	if (scalar)
		setenv("MINUTES_EXTRACT_SCALAR", "1", 1);
	else
		unsetenv("MINUTES_EXTRACT_SCALAR");
	for (i = 0; i < NLITS; i++)
		idx[i] = litset_add(ls, lits[i], strlen(lits[i]));
	CHECK(litset_add(ls, "FOR", 3) == idx[5], "same literal, two indices");
	litset_compile(ls);
	CHECK(litset_words(ls) == 1, "words %zu", litset_words(ls));
	return ls;
}

/* The literals of map_test, and the bits each sets (up to two; -1 none). */
static const char *const mlits[] = {
	"7", "(", "%", "for", "per cent", "ten", "q1", "against", "£", "the",
};
static const int mbits[][2] = {
	{0, -1}, {1, 70}, {1, -1}, {2, 3}, {3, -1}, {0, -1}, {4, -1},
	{2, 70}, {5, -1}, {6, -1},
};
#define NMLITS (sizeof mlits / sizeof mlits[0])

/* A litset of the first nl literals of mlits, mapped by mbits, or of all
 * of lits (mapped to nothing: each its own bit) when nl is 0. */
static struct litset *
make_mapped(size_t nl, int scalar)
{
	struct litset *ls = litset_new();
	size_t i, li;

	if (scalar)
		setenv("MINUTES_EXTRACT_SCALAR", "1", 1);
	else
		unsetenv("MINUTES_EXTRACT_SCALAR");
	for (i = 0; i < nl; i++) {
		li = litset_add(ls, mlits[i], strlen(mlits[i]));
		if (mbits[i][0] >= 0)
			litset_map(ls, li, (size_t)mbits[i][0]);
		if (mbits[i][1] >= 0)
			litset_map(ls, li, (size_t)mbits[i][1]);
	}
	for (i = 0; nl == 0 && i < NLITS; i++)
		(void)litset_add(ls, lits[i], strlen(lits[i]));
	/* as the engine sizes each section's bitsets alike */
	if (nl > 0)
		litset_bits(ls, 128);
	litset_compile(ls);
	return ls;
}

/* The bits of mlits[0..nl) in s[0..n) (2 words), by plain search. */
static void
plain_bits(const char *s, size_t n, size_t nl, uint64_t *want)
{
	size_t i, k;

	for (i = 0; i < nl; i++)
		if (plain_has(s, n, mlits[i]))
			for (k = 0; k < 2; k++)
				if (mbits[i][k] >= 0)
					want[mbits[i][k] / 64] |= (uint64_t)1 <<
					    (mbits[i][k] % 64);
}

/*
 * Random texts cut into random parts (empty ones too), the byte
 * between two parts drawn like any other: litset_scan_parts must give
 * each part the bits a scan of that part alone gives, and a plain
 * search; for the literals mapped, with a few of them and with all.
 */
static void
parts_test(void)
{
	static const char *const tok[] = { "for", "the", " ", "7", "%", "(",
	    "q1", "Q", "1", "ten", "t", "en", "£", "\xC2", "per", " cent",
	    "against", "AGAINST", "x", "\n", "abc", "zzzz", "\xFF" };
	static const size_t nls[] = { 3, NMLITS, 0 };
	struct litset *ls[3][2];
	char s[400];
	size_t ends[64], v, t, q, i, c;
	uint64_t bits[2][64 * 2], one[2], want[2];
	unsigned long seed = 5;

	for (c = 0; c < 3; c++)
		for (v = 0; v < 2; v++)
			ls[c][v] = make_mapped(nls[c], (int)v);
	CHECK(litset_words(ls[0][0]) == 2, "words %zu", litset_words(ls[0][0]));
	CHECK(litset_words(ls[2][0]) == 1, "words %zu", litset_words(ls[2][0]));
	for (t = 0; t < 20000 && failures < 10; t++) {
		size_t n = 0, np = 0, maxlen = t % 3 ? 80 : sizeof s - 8;
		c = t % 3;
		while (n < maxlen) {
			const char *w;
			size_t l;
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			w = tok[(seed >> 33) % (sizeof tok / sizeof tok[0])];
			l = strlen(w);
			memcpy(s + n, w, l);
			n += l;
			/* a part ends here (the next byte is between two) */
			if ((seed >> 20) % 5 == 0 && np < 63 && n < maxlen) {
				ends[np++] = n;
				if ((seed >> 25) % 4 == 0 && np < 63)
					ends[np++] = ++n;	/* an empty one */
				s[n++] = (char)(seed >> 40);
			}
		}
		ends[np++] = n;
		memset(bits, 0, sizeof bits);
		for (v = 0; v < 2; v++)
			litset_scan_parts(ls[c][v], s, ends, np, bits[v]);
		for (q = 0; q < np; q++) {
			size_t st = q ? ends[q - 1] + 1 : 0;
			size_t w = litset_words(ls[c][0]);
			one[0] = one[1] = 0;
			litset_scan(ls[c][1], s + st, ends[q] - st, one);
			want[0] = want[1] = 0;
			if (nls[c])
				plain_bits(s + st, ends[q] - st, nls[c], want);
			else
				for (i = 0; i < NLITS; i++)
					want[0] |= (uint64_t)plain_has(s + st,
					    ends[q] - st, lits[i]) << i;
			for (v = 0; v < 2; v++)
				for (i = 0; i < w; i++)
					CHECK(bits[v][q * w + i] == want[i] &&
					    one[i] == want[i], "part %zu of %zu "
					    "(%s, set %zu) word %zu: %llx, alone "
					    "%llx, plain %llx", q, np,
					    v ? "bytewise" : "vector", c, i,
					    (unsigned long long)bits[v][q * w + i],
					    (unsigned long long)one[i],
					    (unsigned long long)want[i]);
		}
	}
	for (c = 0; c < 3; c++)
		for (v = 0; v < 2; v++)
			litset_free(ls[c][v]);
}

int
main(void)
{
	static const char *const tok[] = { "for", "FOR", "the", " ", "7",
	    "%", "(", "q", "1", "2", "Q", "one", "t", "en", "£", "€", "–",
	    "against", " (", "3", "votes", "per", "cent", "resolv", "e",
	    "d", "a", "b", "c", "z", "x", "y", "\xC2", "\xA3", "ty", "AGAINST",
	    "Per Cent", "\xE2", "\x80", "\x93", "\x82", "\xAC", "\x00",
	    "\xFF" };
	struct litset *ls[2];
	size_t idx[2][NLITS], i, j, t, v, maxlen;
	char s[200];

	ls[0] = make(idx[0], 0);
	ls[1] = make(idx[1], 1);
	srand(16);
	for (t = 0; t < 40000; t++) {
		size_t n = 0;
		uint64_t bits[2] = { 0, 0 };
		/* short texts as paragraphs mostly are, and long ones that
		 * fill whole 32-byte blocks */
		maxlen = t % 4 ? 60 : sizeof s;
		while (n < maxlen && rand() % (t % 4 ? 12 : 60)) {
			const char *w = tok[rand() % (sizeof tok / sizeof tok[0])];
			size_t l = strlen(w);
			if (l == 0)
				l = 1;	/* the NUL byte */
			if (n + l > sizeof s)
				break;
			memcpy(s + n, w, l);
			n += l;
		}
		for (v = 0; v < 2; v++)
			litset_scan(ls[v], s, n, &bits[v]);
		CHECK(bits[0] == bits[1], "vector %llx, bytewise %llx in \"%.*s\"",
		    (unsigned long long)bits[0], (unsigned long long)bits[1],
		    (int)n, s);
		for (i = 0; i < NLITS; i++) {
			int want = 0;
			for (j = 0; j + strlen(lits[i]) <= n && !want; j++)
				want = plain_starts(s, n, j, lits[i]);
			CHECK(!!(bits[0] >> idx[0][i] & 1) == want,
			    "\"%s\" in \"%.*s\": litset says %d", lits[i],
			    (int)n, s, (int)(bits[0] >> idx[0][i] & 1));
			CHECK(want == plain_has(s, n, lits[i]), "plain_has");
		}
		for (j = 0; j < n && t % 8 == 0; j++) {
			int want = 0;
			for (i = 0; i < NLITS && !want; i++)
				want = plain_starts(s, n, j, lits[i]);
			CHECK(!!litset_starts(ls[0], s, n, j) == want,
			    "starts at %zu of \"%.*s\"", j, (int)n, s);
		}
		for (i = 0; i < 4; i++) {
			/* the next start from a place picked at random */
			size_t from = n ? (size_t)rand() % (n + 1) : 0, want = n;
			for (j = from; j < n && want == n; j++)
				for (v = 0; v < NLITS && want == n; v++)
					if (plain_starts(s, n, j, lits[v]))
						want = j;
			for (v = 0; v < 2; v++)
				CHECK(litset_next(ls[v], s, n, from) == want,
				    "%s next from %zu of \"%.*s\": %zu, not %zu",
				    v ? "bytewise" : "vector", from, (int)n, s,
				    litset_next(ls[v], s, n, from), want);
		}
		if (failures > 10)
			break;
	}
	litset_free(ls[0]);
	litset_free(ls[1]);
	parts_test();
	if (failures)
		printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
