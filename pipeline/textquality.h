/*
 * textquality — does a document's text read as language at all?
 *
 * A PDF whose fonts carry no usable encoding gives pdftotext a text layer
 * of substituted letters ("Tkf Cnaaobbff …"), and a scanned PDF gives no
 * text at all.  Neither should yield records, invented or none without a
 * word.  The survey pass feeds every line to tq_line; tq_judge then says
 * whether the text is usable, using two measures that a substitution of
 * letters destroys while tables, budgets and short notices keep them:
 *
 *   - the letter profile: the cosine between the document's a–z counts
 *     and those of English text (tq_letter_freq); real council texts,
 *     tables of figures included, score 0.94 or more, letter-substituted
 *     copies of them at most 0.90;
 *   - the share of words (two letters or more) that are common function
 *     words (the lexicon's list function_word): 5 to 50 per cent in real
 *     texts, seldom above 12 per cent in substituted ones.
 *
 * A text is garbage when the two together are low: the letter profile
 * plus 0.75 × the share under 0.95 (a text in another language, or one
 * with an odd letter profile such as a list of names, is rescued by its
 * function words); real texts score 0.98 or more, substituted ones at
 * most 0.92 (measured on 162 real texts and twenty substitutions of
 * each).  It is empty when it holds no word at all, and garbage too when
 * it holds no word but much ink (symbols where letters should be).  With
 * fewer than TQ_MIN_WORDS words it is not judged.
 * Counting is a byte's count and a mask of letters sixteen bytes at a
 * time (thirty-two with AVX2, where the CPU has it); nothing is
 * allocated.
 */
#ifndef MM_TEXTQUALITY_H
#define MM_TEXTQUALITY_H

#include <stddef.h>

enum tq_verdict { TQ_OK, TQ_EMPTY, TQ_GARBAGE };

struct tq {
	/* how often each byte came: the letters a-z, and the ink (symbols
	 * and other scripts, textquality.c), are read off it by tq_judge */
	unsigned long bytes[256];
	unsigned long words;        /* words of two letters or more */
	unsigned long function;     /* ... that are common function words */
};

/* Read the function words of the lexicon (tq_line does it at its first
 * call; a program with threads calls this before they start). */
void tq_init(void);

/* Count the words and letters of one line. */
void tq_line(struct tq *q, const char *s, size_t n);

/*
 * Judge the counts.  *cosine and *share (may be NULL) get the two
 * measures (share in 0..1; both 0 when there are no words).
 */
enum tq_verdict tq_judge(const struct tq *q, double *cosine, double *share);

/* Thresholds, for messages and the manual. */
#define TQ_SHARE_WEIGHT 0.75    /* score = letter profile + this × share */
#define TQ_MIN_SCORE 0.95       /* garbage below this score */
#define TQ_MIN_WORDS 40         /* fewer words: not judged */
#define TQ_GARBAGE_INK 200      /* no words but this much ink: garbage */

#endif
