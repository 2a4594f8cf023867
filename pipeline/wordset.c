/* wordset — lexicon lists grouped by first byte; see wordset.h. */
#include "wordset.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lexicon.h"

void
wordset_init(struct wordset *ws, const char *name)
{
	const struct lex_list *l = lex_list(name);
	uint32_t count[256] = {0}, start[257];

	memset(ws, 0, sizeof *ws);
	ws->name = l->name;
	ws->caseless = (l->flags & LEX_CASELESS) != 0;
	ws->n = l->n;
	ws->word = xcalloc(l->n + 1, sizeof *ws->word);
	ws->len = xcalloc(l->n + 1, sizeof *ws->len);
	for (size_t k = 0; k < l->n; k++)
		count[ws_fold(ws, (unsigned char)l->word[k][0])]++;
	start[0] = 0;
	for (unsigned c = 0; c < 256; c++)
		start[c + 1] = start[c] + count[c];
	for (unsigned c = 0; c < 256; c++) {
		unsigned char f = ws_fold(ws, (unsigned char)c);
		ws->lo[c] = start[f];
		ws->hi[c] = start[f + 1];
	}
	/* Place each entry after those of its first byte placed before it. */
	uint32_t next[256];
	memcpy(next, start, sizeof next);
	for (size_t k = 0; k < l->n; k++) {
		size_t m = l->len[k];
		char *w = xmalloc(m + 1);
		for (size_t i = 0; i < m; i++)
			w[i] = (char)ws_fold(ws, (unsigned char)l->word[k][i]);
		w[m] = '\0';
		size_t at = next[(unsigned char)w[0]]++;
		ws->word[at] = w;
		ws->len[at] = m;
		if (m > ws->maxlen)
			ws->maxlen = m;
	}
}

void
wordset_free(struct wordset *ws)
{
	for (size_t k = 0; k < ws->n; k++)
		free(ws->word[k]);
	free(ws->word);
	free(ws->len);
	memset(ws, 0, sizeof *ws);
}
