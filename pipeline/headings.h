/*
 * headings — what minutes-split recognises in one paragraph: meeting
 * headings, minute numbers and titles, signature blocks, report headings
 * and cover tables, front-page fields (conventions.md).
 *
 * Every function takes a paragraph's clean text c[0..n) (unescaped,
 * Markdown marks gone, white space collapsed to single spaces, trimmed),
 * keeps no state, allocates nothing and never reads past c[n-1].  Offsets
 * returned are into c.  Dates come back as ISO "YYYY-MM-DD" in a buffer
 * of DATE_ISO_LEN + 1 bytes (dates.h).  The sequence of items, sections
 * and lookahead are the business of sections.c.
 *
 * The words they look for (body nouns, decision words, labels …) are
 * the lists of rules/lexicon: headings_init reads them once, after
 * lexicon_open and before any other function here is called (item_ref_line,
 * which minutes-normalise calls too, reads them itself the first time).
 */
#ifndef MM_HEADINGS_H
#define MM_HEADINGS_H

#include <stddef.h>

#include "minuteno.h"

/* Read the word lists from the lexicon (lexicon.h); dies if one is missing. */
void headings_init(void);

/* Meetings. */

/*
 * "Minutes of a meeting of BODY held … DATE", "MINUTES OF THE BODY —
 * DATE", "Minutes of the BODY meeting held on …", at the start of c or
 * after the end of a sentence run into it.  Returns 1 with the body span
 * [*bs, *be) and, when c holds one, the date (*has_date); 2 for "Minutes
 * of the meeting held on DATE" that names no body (the body is printed on
 * the line above); 0 when c is no heading (a sentence about minutes, an
 * agenda entry with page numbers).
 */
int minutes_heading(const char *c, size_t n, size_t *bs, size_t *be, char *iso,
    int *has_date);
/*
 * What a text must hold for minutes_heading to look further: the byte
 * its heading words start with where they do not open the text (a
 * capital; -1 when they start with several), or such a word opening it.
 * A text without either is no minutes heading: a caller that learns
 * the first as it reads the text need not ask.
 */
int minutes_heading_cap(void);
int minutes_heading_opens(const char *c, size_t n);

/*
 * Where a body's name starting at c[i] ends, no further than limit:
 * before "held", "on", "at", "to be held", a dash, comma, colon, bracket.
 */
size_t body_end(const char *c, size_t i, size_t limit);

/*
 * The end of a body's name c[bs..be) without the kind of meeting printed
 * after it ("… Council A.G.M.", "… Committee Special Meeting").
 */
size_t body_kind_end(const char *c, size_t bs, size_t be);

/*
 * A committee's name alone: "PLANNING COMMITTEE", "Cabinet".  Its first
 * test (3 to 100 bytes, a capital first) inline: most paragraphs fail it,
 * and a call cost more; body_line_rest is the rest.
 */
int body_line_rest(const char *c, size_t n);
static inline int
body_line(const char *c, size_t n)
{
	return n >= 3 && n <= 100 && (unsigned)((unsigned char)c[0] - 'A') <= 25 &&
	    body_line_rest(c, n);
}

/* The end of minutes. */

/* A times line: "2.00 - 4.10 pm", "1.30pm – 3.55pm CHAIRMAN", "14:00 - 16:10". */
int times_line(const char *c, size_t n);
/* The chair's signature: "CHAIRMAN", "Chair: ____ Date: ____", "Signed ……". */
int chair_line(const char *c, size_t n);
/* "The meeting closed at 4.10 pm", "The Chairman closed the meeting at …". */
int closing_line(const char *c, size_t n);

/* Minute items. */

/*
 * Does t[0..n) read as an item title, not a sentence, a question put or
 * a resolution part?  strict asks more (nothing else vouches for it);
 * in_resolved rejects "… be …" clauses.
 */
int title_like(const char *t, size_t n, int strict, int in_resolved);

/* A title ending with a word that cannot end one ("… Application at"). */
int title_continues(const char *t, size_t n);
/* A title ending with a word a number follows ("… Procedure Rule"). */
int takes_number(const char *t, size_t n);
/*
 * Is u[0..un) the wrapped last line of title t ("Rule 16.")?  dotted > 0
 * when this document's item headings mostly end with a full stop.
 */
int wrapped_tail(int dotted, const char *t, size_t tn, const char *u, size_t un);

/*
 * A heading run into its item's first sentence: the offset where the
 * sentence starts, or 0.  run_in_cut cuts after a title's full stop
 * ("Declarations of interest. The Chairman …"); caps_cut after a title
 * in capitals ("MINUTES The minutes of …").
 */
size_t run_in_cut(const char *t, size_t n, int strict, int in_resolved);
size_t caps_cut(const char *t, size_t n);
/*
 * A heading run into its text after a colon ("Harbour Dues: The Board
 * considered …"): the offset where the text starts, or 0.
 */
size_t colon_cut(const char *t, size_t n, int strict, int in_resolved);
/*
 * A heading in sentence case run into its item's text without a full
 * stop, as raw-mode text leaves it ("Declarations of interest No
 * declarations were made."): the offset of the word that opens the text
 * ("No", "The", "There", "RESOLVED" …), or 0.
 */
size_t opener_cut(const char *t, size_t n, int strict, int in_resolved);

/*
 * An agenda reference printed with a minute item, "(Item 4)", "(Agenda
 * Item 12)": item_ref_line when it is all of c, with the number's span
 * [*ns, *ne); item_ref_tail when it ends c after a space, returning where
 * the title before it ends (0 when there is none).
 */
int item_ref_line(const char *c, size_t n, size_t *ns, size_t *ne);
size_t item_ref_tail(const char *c, size_t n, size_t *ns, size_t *ne);

/* A tally of votes, "9 For, 2 Against, 1 Abstention": never a heading. */
int tally_line(const char *c, size_t n);

/* A paragraph opening a decision: "RESOLVED", "It was AGREED", "DECISION". */
int resolved_line(const char *c, size_t n);

/* Reports. */

/* "REPORT OF THE DIRECTOR …", "JOINT REPORT OF …", "Report by …". */
int report_of(const char *c, size_t n);
/* "Purpose of the report": a report heading is over. */
int report_purpose(const char *c, size_t n);
/* A short line in capitals (or a short one without letters, "2024 - 2025"). */
int caps_line(const char *c, size_t n);
/* Where a run of capitals ending c starts (a heading run into text), or 0. */
size_t caps_tail(const char *c, size_t n);
/*
 * "Cabinet – 14 October 2025": a body's name, then a date, then nothing.
 * Its first test (1 to 120 bytes, a capital first) inline, as body_line's.
 */
int body_date_line_rest(const char *c, size_t n);
static inline int
body_date_line(const char *c, size_t n)
{
	return n >= 1 && n <= 120 && (unsigned)((unsigned char)c[0] - 'A') <= 25 &&
	    body_date_line_rest(c, n);
}
/* A short line that can be part of a mixed-case report title. */
int title_line(const char *c, size_t n);
/*
 * The value of a field of a report's cover table in c, up to the next
 * field: the body (COVER_BODY, "Report to:"), the date ("Date of
 * meeting:") or the title ("Title:"), each group's fields tried in the
 * lexicon's order; 1 and [*a, *b) if found.
 */
enum { COVER_BODY, COVER_DATE, COVER_TITLE, COVER_GROUPS };
int cover_value(const char *c, size_t n, int group, size_t *a, size_t *b);
/* "Report to: Cabinet" at the start of c: the offset of its value, or 0. */
size_t cover_first_field(const char *c, size_t n);
/* "APPENDIX A", "Appendix 2" alone: an appendix starts. */
int appendix_line(const char *c, size_t n);

/* Front pages. */

/* "Name:" at the start of c (any case): the offset of its value, or 0. */
size_t front_field(const char *c, size_t n, const char *name);
/* "Meeting: Cabinet" at the start of c: the offset of its value, or 0. */
size_t front_body_field(const char *c, size_t n);
/* "Date/Time: Tuesday, 2 September 2025 at 2.00 pm": 1 and the ISO date. */
int front_date(const char *c, size_t n, char *iso);

/*
 * Committee web pages: the text of a meeting's page or an item's page,
 * each item's minute after a label (doc/phrasebook/web-pages.md).
 */
enum { WEB_MINUTES = 1, WEB_DECISION = 2 };

/* "Minutes:", "Decision:", "Decisions:", "Decision made (Unanimously):"
 * alone: WEB_MINUTES or WEB_DECISION, else 0. */
int web_label(const char *c, size_t n);
/* The page's furniture: "Additional documents:", "Share this item",
 * "Items", "No. Item", "… view the full minutes text for item 3.". */
int web_chrome(const char *c, size_t n);
/* Where a title ends before "pdf icon PDF 87 KB" (a link's size), or n. */
size_t web_title_end(const char *t, size_t n);
/* "Cabinet - Tuesday, 4th March, 2025 7.00 pm": 1, the body's span and the date. */
int web_meeting_line(const char *c, size_t n, size_t *bs, size_t *be, char *iso);
/* "Wednesday, 25th June, 2025 6.30 pm" alone, under the body's name: 1 and the date. */
int web_date_line(const char *c, size_t n, char *iso);
/* "Meeting: 20/09/2017 - Council (Item 52)": 1, body span, date, number span. */
int web_meeting_ref(const char *c, size_t n, size_t *bs, size_t *be, char *iso,
    size_t *ns, size_t *ne);
/*
 * A field of a decision's page, "Decision Maker: Cabinet", "Decided at
 * meeting: 10/09/2025 - Cabinet", "Is Key decision?: No": the offset of
 * its value (n when it has none), which kind of field in *which: the
 * decision maker, its date, the meeting that made it (a date, then the
 * body), another (WEB_F_*); or 0.
 */
enum { WEB_F_MAKER, WEB_F_DATE, WEB_F_MEETING, WEB_F_OTHER, WEB_F_KINDS };
size_t web_decision_field(const char *c, size_t n, int *which);
/* "13/02/2025 - Title [ref: 5466 …]": 1, the date and the title's span. */
int web_dated_title(const char *c, size_t n, char *iso, size_t *ts, size_t *te);

#endif
