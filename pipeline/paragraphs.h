/*
 * paragraphs — minutes-normalise's core: a document in, paragraphs out.
 *
 * normalise_stream reads one document (any encoding utf8.h knows), drops
 * page furniture (form feeds, lone page numbers, "Page 3 of 12", running
 * headers and footers repeated at page edges, "This page is intentionally
 * left blank"), tidies markup (markup.h), joins wrapped lines into
 * paragraphs, and writes one stream line per paragraph:
 *
 *     source TAB line TAB page TAB text LF
 *
 * where line is the original line the paragraph starts on, page the page
 * it starts on (1 + the form feeds before it; empty when the document has
 * no form feed: records.md 0.2) and text is escaped as records.md says.
 * A paragraph joined over a page break carries, after its page, the byte
 * offset in its (unescaped) text where each next page starts: "2,89" is
 * a paragraph that starts on page 2 and runs onto page 3 at byte 89, so
 * minutes-extract gives a record the page its own words are on.
 *
 * Joining is judged on each pair of neighbouring lines: a line is joined
 * to the next when it reaches close to the document's wrap width (which
 * is estimated locally from the line lengths around it) and does not end
 * a unit, or when the next line plainly continues it (starts in lower
 * case).  Lines that open a unit always start a paragraph: list marks and
 * bullets, lettered or numbered parts, numbered headings, labels such as
 * "RESOLVED:" or "Question by …:", Markdown headings, table rows.
 *
 * Pages are told by form feeds or, without them, by "Page N" lines and
 * lone page numbers; short lines repeated at regular intervals are
 * running headers too.
 *
 * The document is read twice (a survey of widths, page edges and
 * hyphenated words, then the output pass); a stream that cannot seek is
 * first copied to a temporary file.  With opts->read_ahead, each reading
 * of a long document has its lines read in a second thread
 * (readahead.h): found and decoded for the survey, also tidied for the
 * output pass; the output is the same bytes.  Memory is bounded by the paragraph
 * cap plus fixed tables (about 3 MiB, kept from one call to the next and
 * cleared slot by slot, so a run over many small documents does not pay
 * for them each time: one call at a time in each thread, each thread its
 * own, after normalise_prepare when there are several; the scratch
 * buffers of a paragraph and of a line are kept too) and, kept from
 * the survey, three bytes per 256 lines of input (the wrap width of each
 * block) and a few bytes per page (the lines of running headers to drop).
 * The word lists are the lexicon's (lexicon.h), read at the first call;
 * a missing list ends the program (exit 2), as lex_words does; nothing
 * else here prints or exits.
 */
#ifndef MM_PARAGRAPHS_H
#define MM_PARAGRAPHS_H

#include <stdio.h>

enum {
	NM_OK = 0,
	NM_EREAD = -1,   /* reading failed; errno is set */
	NM_EBINARY = -2, /* NUL bytes: refused as binary */
	NM_EENC = -3,    /* unknown --from encoding */
	NM_EWRITE = -4,  /* writing failed; errno is set */
	NM_ETMP = -5     /* could not make the temporary copy; errno is set */
};

struct normalise_opts {
	size_t cap;              /* longest paragraph in bytes; 0 = 1 MiB */
	const char *from;        /* iconv name of the input encoding, or NULL */
	int markdown;            /* -1 guess, 0 no, 1 yes */
	/* Called for each warning (a paragraph cut at the cap); may be NULL. */
	void (*warn)(void *ctx, const char *source, unsigned long line,
	             const char *msg);
	void *ctx;
	int any_text;            /* write paragraphs even of a text that does
	                          * not read as language (see quality below) */
	int read_ahead;          /* read, decode and tidy a long document's
	                          * lines in a second thread (the output is
	                          * the same) */
};

struct normalise_stats {
	unsigned long lines;        /* original lines read */
	unsigned long paragraphs;   /* stream lines written */
	unsigned long dropped;      /* furniture lines dropped */
	unsigned long repaired;     /* invalid bytes read as Windows-1252 */
	unsigned long undecodable;  /* bytes iconv could not convert (U+FFFD) */
	unsigned long cut;          /* paragraphs cut at the cap */
	const char *encoding;       /* what was read: "UTF-8", "UTF-16LE"… */
	int markdown;               /* the document was read as Markdown */
	/* Does the text read as language (textquality.h)?  0 yes; 1 empty
	 * (no words: an empty or image-only PDF); 2 garbage (letters that do
	 * not read as language: a PDF whose fonts have no usable encoding).
	 * Unless opts->any_text, nothing is written when it is 2. */
	int quality;
	unsigned long words;        /* words of two letters or more */
	double letter_cosine;       /* letter profile against English, 0..1 */
	double function_share;      /* share of words that are function words */
};

/* Read what normalise_stream needs first (the lexicon's words, tables
 * made from them), as its first call does: a program calling it from
 * several threads calls this before they start. */
void normalise_prepare(void);

/* Free what this thread keeps from one call of normalise_stream to the
 * next (a thread calls it before it ends). */
void normalise_release(void);

/* Return a short English phrase for an NM_E* code. */
const char *normalise_strerror(int code);

/*
 * Normalise the document in `in` (positioned at its start) to `out`.
 * source is the name written in column 1.  stats may be NULL.
 * Returns NM_OK or an NM_E* code; on NM_EBINARY and NM_EENC nothing has
 * been written.
 */
int normalise_stream(FILE *in, const char *source, FILE *out,
                     const struct normalise_opts *opts,
                     struct normalise_stats *stats);

#endif
