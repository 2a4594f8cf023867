/*
 * sections — the core of minutes-split: finds the parts of an agenda
 * pack in a normalise stream and, inside minutes, the minute items.
 *
 * In:  "source TAB line TAB page TAB text" lines (one paragraph each, text
 *      escaped; page may be empty), or "source TAB line TAB text" (the
 *      stream of records.md 0.1, read as having no pages).
 * Out: "source TAB line TAB page TAB section TAB date TAB body TAB minute
 *      TAB title TAB text" lines (design.md part 2; columns 2-9 of
 *      records.md 0.2).
 *
 * Sections: "agenda" (front page, membership, agenda list), "minutes"
 * (from a "Minutes of a meeting of X held … DATE" heading to the signature
 * block), "report" (from a capitals heading "BODY: DATE / TITLE / REPORT
 * OF …"), "other" (everything else: guidance pages, appendices, what
 * follows a signature block).  Within minutes each item starts with ONE
 * heading paragraph carrying the item's minute and title; a number printed
 * on its own paragraph is joined with its title paragraph into that one
 * heading line (text joined with a space, line of the number).
 *
 * Decisions look at most SPLIT_LOOKAHEAD paragraphs ahead, so memory is
 * bounded by that many paragraphs; buffers are reused, nothing is
 * allocated per paragraph once they have grown.  A new source name resets
 * all state, so the outputs of many documents can be fed as one stream.
 * Nothing here prints to stderr or exits: errors are returned.
 */
#ifndef MM_SECTIONS_H
#define MM_SECTIONS_H

#include <stddef.h>
#include <stdio.h>

#define SPLIT_LOOKAHEAD 10

enum split_status {
	SPLIT_OK = 0,
	SPLIT_EFIELDS,	/* a line without 4 (or 3) fields; detail = count */
	SPLIT_ELINENO,	/* the line field is not a positive integer */
	SPLIT_EPAGE,	/* the page field is neither empty nor a positive integer */
	SPLIT_EREAD,	/* reading the input failed (errno set) */
	SPLIT_EWRITE	/* writing the output failed */
};

struct splitter;

/*
 * Read the word lists of rules/lexicon (headings_init and this file's
 * own) once, after lexicon_open and before the first splitter_new; dies
 * if a list is missing.
 */
void sections_init(void);

/* A splitter with empty state; dies only on out of memory (err.h). */
struct splitter *splitter_new(void);
void splitter_free(struct splitter *sp);

/*
 * Take one stream line line[0..len) (no LF; it is modified in place).
 * Paragraphs whose fate is decided are written to out, gathered in the
 * splitter's buffer a few KiB at a time (splitter_finish writes what is
 * left, so use one out until then).  Returns SPLIT_OK,
 * or SPLIT_EFIELDS with *detail = the number of fields found, or
 * SPLIT_ELINENO.  After an error the line is ignored; state is intact.
 */
int splitter_line(struct splitter *sp, char *line, size_t len, FILE *out,
    size_t *detail);

/* End of an input: write every paragraph held back and forget the source. */
void splitter_finish(struct splitter *sp, FILE *out);

/*
 * Run the splitter over all of in, then splitter_finish (also after a
 * bad line, so what preceded it is written).  On an error
 * returns its status with *lineno = the input line (1-based) and *detail
 * as for splitter_line.  SPLIT_EWRITE when out has its error flag set.
 */
int split_stream(struct splitter *sp, FILE *in, FILE *out,
    unsigned long *lineno, size_t *detail);

#endif
