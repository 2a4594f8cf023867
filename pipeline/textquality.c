/* textquality — does a text read as language; see textquality.h. */
#include "textquality.h"

#include <stdint.h>
#include <string.h>

#include "err.h"
#include "lexicon.h"

/* How often each letter a..z comes in English text, per ten thousand. */
static const unsigned short tq_letter_freq[26] = {
	820, 150, 280, 430, 1270, 220, 200, 610, 700, 15, 77, 400, 240,
	670, 750, 190, 10, 600, 630, 910, 280, 98, 240, 15, 200, 7
};

/*
 * Bytes that are neither letters, digits, spaces nor the punctuation of
 * figures and prose: a text layer of nothing but these (symbols, or
 * characters of other scripts, where letters should be) is garbage.
 * UTF-8 is counted by its lead bytes; 0xC2 leads £ and the no-break space.
 */
static const unsigned char tq_odd[256] = {
	['!'] = 1, ['#'] = 1, ['$'] = 1, ['*'] = 1, ['+'] = 1, ['<'] = 1, ['='] = 1,
	['>'] = 1, ['?'] = 1, ['@'] = 1, ['['] = 1, ['\\'] = 1, [']'] = 1, ['^'] = 1,
	['_'] = 1, ['`'] = 1, ['{'] = 1, ['|'] = 1, ['}'] = 1, ['~'] = 1,
	[0xC3] = 1, [0xC4] = 1, [0xC5] = 1, [0xC6] = 1, [0xC7] = 1, [0xC8] = 1,
	[0xC9] = 1, [0xCA] = 1, [0xCB] = 1, [0xCC] = 1, [0xCD] = 1, [0xCE] = 1,
	[0xCF] = 1, [0xD0] = 1, [0xD1] = 1, [0xD2] = 1, [0xD3] = 1, [0xD4] = 1,
	[0xD5] = 1, [0xD6] = 1, [0xD7] = 1, [0xD8] = 1, [0xD9] = 1, [0xDA] = 1,
	[0xDB] = 1, [0xDC] = 1, [0xDD] = 1, [0xDE] = 1, [0xDF] = 1, [0xE0] = 1,
	[0xE1] = 1, [0xE2] = 1, [0xE3] = 1, [0xE4] = 1, [0xE5] = 1, [0xE6] = 1,
	[0xE7] = 1, [0xE8] = 1, [0xE9] = 1, [0xEA] = 1, [0xEB] = 1, [0xEC] = 1,
	[0xED] = 1, [0xEE] = 1, [0xEF] = 1, [0xF0] = 1, [0xF1] = 1, [0xF2] = 1,
	[0xF3] = 1, [0xF4] = 1
};

/*
 * The common function words (the lexicon's list function_word), as the
 * keys word_key makes, in an open-addressed table of fw_mask + 1 slots
 * (a power of two, at least four times the words), built at first use.
 */
static uint32_t *fw_table;
static size_t fw_mask;

/* A word of up to six letters a..z as a number: 5 bits a letter. */
static uint32_t
word_key(const char *w, size_t n)
{
	uint32_t k = 0;
	for (size_t i = 0; i < n; i++)
		k = k * 32 + (uint32_t)((w[i] | 0x20) - 'a' + 1);
	return k;
}

static size_t
fw_slot(uint32_t k)
{
	return (size_t)((k * 2654435761u) >> 8) & fw_mask;
}

static void
fw_build(void)
{
	const struct lex_list *l = lex_list("function_word");
	size_t slots = 64;

	while (slots < l->n * 4)
		slots *= 2;
	fw_table = xcalloc(slots, sizeof *fw_table);
	fw_mask = slots - 1;
	for (size_t i = 0; i < l->n; i++) {
		const char *w = l->word[i];
		size_t n = l->len[i];
		/* Only such words are ever counted (tq_line): another entry
		 * would be a word the measure silently never sees. */
		int ok = n >= 2 && n <= 6;
		for (size_t j = 0; ok && j < n; j++)
			ok = (unsigned)((w[j] | 0x20) - 'a') < 26;
		if (!ok)
			die(EXIT_TROUBLE, "%s: list function_word: \"%s\" is not a word "
			    "of two to six letters a-z", lexicon_get()->path, w);
		uint32_t k = word_key(w, n);
		size_t s = fw_slot(k);
		while (fw_table[s] && fw_table[s] != k)
			s = (s + 1) & fw_mask;
		fw_table[s] = k;
	}
}

static int
fw_has(uint32_t k)
{
	for (size_t s = fw_slot(k);; s = (s + 1) & fw_mask) {
		if (fw_table[s] == k)
			return 1;
		if (fw_table[s] == 0)
			return 0;
	}
}

/* A word of len letters (its key as word_key makes it) has ended. */
static void
word_end(struct tq *q, size_t len, uint32_t key)
{
	if (len >= 2) {
		q->words++;
		if (len <= 6 && fw_has(key))
			q->function++;
	}
}

void
tq_line(struct tq *q, const char *s, size_t n)
{
	uint32_t key = 0;
	size_t len = 0;

	if (!fw_table)
		fw_build();
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		unsigned l = (c | 0x20) - 'a';
		if (l < 26) {
			q->letters[l]++;
			if (len < 7)
				key = key * 32 + l + 1;
			len++;
			continue;
		}
		word_end(q, len, key);
		len = 0;
		key = 0;
		if (tq_odd[c])
			q->ink++;
	}
	word_end(q, len, key);      /* the line's end ends a word too */
}

/* Square root by Newton's method (the programs do not link libm). */
static double
root(double x)
{
	double r = x > 1 ? x : 1;
	if (x <= 0)
		return 0;
	for (int i = 0; i < 64; i++) {
		double next = (r + x / r) / 2;
		if (next >= r)
			break;
		r = next;
	}
	return r;
}

enum tq_verdict
tq_judge(const struct tq *q, double *cosine, double *share)
{
	double dot = 0, na = 0, nb = 0;
	unsigned long letters = 0;

	for (int i = 0; i < 26; i++) {
		double a = (double)q->letters[i], b = tq_letter_freq[i];
		dot += a * b;
		na += a * a;
		nb += b * b;
		letters += q->letters[i];
	}
	double cs = na > 0 ? dot / (root(na) * root(nb)) : 0;
	double sh = q->words ? (double)q->function / (double)q->words : 0;
	if (cosine)
		*cosine = cs;
	if (share)
		*share = sh;
	if (q->words == 0)
		return q->ink + letters >= TQ_GARBAGE_INK ? TQ_GARBAGE : TQ_EMPTY;
	if (q->words < TQ_MIN_WORDS)
		return TQ_OK;
	return cs + TQ_SHARE_WEIGHT * sh < TQ_MIN_SCORE ? TQ_GARBAGE : TQ_OK;
}
