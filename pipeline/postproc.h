/*
 * postproc — the fixed set of field post-processors rule files may name.
 *
 * Each works in place on a struct buf holding one field's unescaped
 * text.  The set is small on purpose: everything that knows council
 * language is in the rule files; these are the few jobs a regular
 * expression cannot do (decimal arithmetic, dates, case, list ends).
 *
 *   squeeze   runs of white space (LF included) become one space; ends trimmed
 *   trim      white space trimmed at both ends
 *   trimlist  also drop a trailing ";", "; and", ", and", "and", "or", ".", ","
 *   unquote   drop one pair of surrounding quotation marks (" ' “ ” ‘ ’)
 *   lower     ASCII lower case
 *   label     a list label without brackets or dots: "(a)" → "a", "ii." → "ii"
 *   number    "4,283" → "4283", "six" → "6", "Twenty-one" → "21"; else kept
 *   isodate   a printed date → YYYY-MM-DD (kept as is when not a date)
 *   oneline   LF → space (nothing else touched)
 *   namelist  a printed list of names → "A; B; C": cut at ",", ";", line
 *             feeds, " and ", " & " and runs of two or more spaces (two
 *             columns run together); pieces trimmed, a sentence's full
 *             stop dropped (not an initial's), empty pieces dropped; an
 *             honour and a lone title as the lexicon's lists say (below)
 *   article   a leading "The " → "the " ("The Leader" replied → "the
 *             Leader", as "Reply by the Leader" prints it); else kept
 */
#ifndef MM_POSTPROC_H
#define MM_POSTPROC_H

#include "buf.h"

enum postproc_op {
	PP_NONE = 0, PP_SQUEEZE, PP_TRIM, PP_TRIMLIST, PP_UNQUOTE, PP_LOWER,
	PP_LABEL, PP_NUMBER, PP_ISODATE, PP_ONELINE, PP_NAMELIST, PP_ARTICLE,
	PP_COUNT_
};

/* The op named name, or PP_NONE. */
enum postproc_op postproc_lookup(const char *name);
const char *postproc_name(enum postproc_op op);

/*
 * The lexicon's lists a processor reads: namelist's name_honour (an
 * honour after a comma stays with the name) and name_title (a title
 * alone at a line's end is glued to the next name).  The other
 * processors read none; w may then be NULL.
 */
struct lex_list;
struct postproc_words {
	const struct lex_list *honour, *title;
};

/* Apply op to b in place. */
void postproc_apply(enum postproc_op op, struct buf *b,
    const struct postproc_words *w);

/*
 * squeeze a byte at a time, without the sixteen-byte steps that
 * postproc_apply takes: the answer those steps must give (a test
 * compares the two).
 */
void postproc_squeeze_bytes(struct buf *b);

#endif
