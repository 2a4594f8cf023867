/*
 * words — the lexicon's lists made quick to test (words.h).
 */
#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lexicon.h"

static struct words
words_make(const char **w, size_t *len, size_t n)
{
	struct words ws;
	size_t k;

	ws.w = w;
	ws.len = len;
	ws.n = n;
	ws.first = 0;
	for (k = 0; k < n; k++)
		ws.first |= 1u << ((unsigned char)w[k][0] & 31);
	return ws;
}

struct words
words_padded(const char *name, const char *before, const char *after)
{
	const struct lex_list *l = lex_list(name);
	size_t k, bl = strlen(before), al = strlen(after);
	const char **w = xmalloc((l->n + 1) * sizeof *w);
	size_t *len = xmalloc((l->n + 1) * sizeof *len);

	for (k = 0; k < l->n; k++) {
		char *e = xmalloc(bl + l->len[k] + al + 1);

		memcpy(e, before, bl);
		memcpy(e + bl, l->word[k], l->len[k]);
		memcpy(e + bl + l->len[k], after, al + 1);
		w[k] = e;
		len[k] = bl + l->len[k] + al;
	}
	w[l->n] = NULL;
	return words_make(w, len, l->n);
}

struct words
words_get(const char *name)
{
	const struct lex_list *l = lex_list(name);

	return words_make(l->word, l->len, l->n);
}

struct words
words_min(const char *name, size_t min)
{
	const struct lex_list *l = lex_list(name);
	size_t k;

	for (k = 0; k < l->n; k++)
		if (l->len[k] < min)
			die(EXIT_TROUBLE, "%s: list %s: \"%s\": an entry of this list "
			    "needs %zu bytes or more", lexicon_get()->path, name, l->word[k], min);
	return words_make(l->word, l->len, l->n);
}

void
words_drop(struct words *ws)
{
	free((void *)ws->w);
	free((void *)ws->len);
	ws->w = NULL;
	ws->len = NULL;
	ws->n = 0;
}

struct words
words_join(const struct words *a, const struct words *b)
{
	size_t n = a->n + b->n;
	const char **w = xmalloc((n + 1) * sizeof *w);
	size_t *len = xmalloc((n + 1) * sizeof *len);

	memcpy(w, a->w, a->n * sizeof *w);
	memcpy(w + a->n, b->w, b->n * sizeof *w);
	memcpy(len, a->len, a->n * sizeof *len);
	memcpy(len + a->n, b->len, b->n * sizeof *len);
	w[n] = NULL;
	return words_make(w, len, n);
}
