/*
 * Unit test: litset (litset.h) against a plain search, on random texts,
 * with the vector scan (where the processor has it) and with the
 * bytewise one (MINUTES_EXTRACT_SCALAR), which must agree bit for bit;
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
	if (failures)
		printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
