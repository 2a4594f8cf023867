/*
 * markup — one line of extracted text tidied: markup gone, spaces settled.
 *
 * Removes what PDF-to-Markdown converters add around the words: heading
 * marks (#), bold and italic (** __ * _), backslash escapes, links and
 * images, HTML tags (<u>, <b>, <sup>...</sup>, <br>), HTML entities, and
 * table pipes.  Bold marks, known HTML tags and entities are removed in
 * any input (they never belong to the printed text); the Markdown-only
 * syntax (#, single * and _, escapes, links, "* " bullets) only when the
 * caller says the document is Markdown.
 *
 * Spaces: leading and trailing ones are cut (their count is reported as
 * the indent); a run of one or two spaces becomes one; a run of three or
 * more (a column gap in a -layout page), a TAB or a table pipe becomes
 * two spaces, so table cells stay told apart.  A superscript that is only
 * a footnote mark (digits) is dropped, ordinal endings ("1<sup>st</sup>")
 * are kept.
 */
#ifndef MM_MARKUP_H
#define MM_MARKUP_H

#include <stddef.h>

#include "buf.h"

enum {
	TIDY_HEADING = 1,   /* a Markdown heading: a unit of its own */
	TIDY_TABLE = 2,     /* a table row (pipes or TABs): never joined */
	TIDY_DROP = 4,      /* a rule or table separator row: no text */
	TIDY_LIST = 8,      /* started with a Markdown list mark */
	TIDY_GAP = 16       /* a run of three or more spaces became a cell gap */
};

struct tidy_info {
	size_t indent;      /* leading spaces (a TAB counts one) */
	unsigned flags;     /* TIDY_* */
	/* 1 when the text is bytes of the line and spaces only: no markup
	 * decoded or kept (no entity, escape, link, bullet), so it holds no
	 * backslash, TAB, LF or CR, and is ASCII when the line is. */
	int plain;
};

/* Append the tidied form of s[0..n) to out; fill *ti. */
void markup_tidy(const char *s, size_t n, int markdown, struct buf *out,
                 struct tidy_info *ti);

/* markup_tidy of a line known (plain = 1) to hold no byte its plain copy
 * stops at between its leading and trailing blanks (a TAB, ! & * < [ \
 * _ | or two spaces): it is not looked at for one. */
void markup_tidy_known(const char *s, size_t n, int markdown, int plain,
                       struct buf *out, struct tidy_info *ti);

/* 1 if the line looks like Markdown syntax (for guessing a document's kind). */
int markup_is_markdown_line(const char *s, size_t n);

#endif
