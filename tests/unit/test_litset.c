/* Unit test: litset (litset.h) against a plain search, on random texts. */
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

int
main(void)
{
	static const char *const tok[] = { "for", "FOR", "the", " ", "7",
	    "%", "(", "q", "1", "2", "Q", "one", "t", "en", "£", "€", "–",
	    "against", " (", "3", "votes", "per", "cent", "resolv", "e",
	    "d", "a", "b", "c", "z", "x", "y", "\xC2", "\xA3", "ty" };
	struct litset *ls = litset_new();
	size_t idx[NLITS], i, t;
	char s[200];

	for (i = 0; i < NLITS; i++)
		idx[i] = litset_add(ls, lits[i], strlen(lits[i]));
	CHECK(litset_add(ls, "FOR", 3) == idx[5], "same literal, two indices");
	litset_compile(ls);
	CHECK(litset_words(ls) == 1, "words %zu", litset_words(ls));
	srand(16);
	for (t = 0; t < 20000; t++) {
		size_t n = 0;
		uint64_t bits = 0;
		while (n < 60 && rand() % 12) {
			const char *w = tok[rand() % (sizeof tok / sizeof tok[0])];
			size_t l = strlen(w);
			if (n + l > sizeof s)
				break;
			memcpy(s + n, w, l);
			n += l;
		}
		litset_scan(ls, s, n, &bits);
		for (i = 0; i < NLITS; i++)
			CHECK(!!(bits >> idx[i] & 1) == plain_has(s, n, lits[i]),
			    "\"%s\" in \"%.*s\": litset says %d", lits[i],
			    (int)n, s, (int)(bits >> idx[i] & 1));
		if (failures > 10)
			break;
	}
	litset_free(ls);
	if (failures)
		printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
