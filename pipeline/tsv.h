/*
 * tsv — the records contract's encoding (records.md), and stream lines.
 *
 * Inside a field exactly four characters are escaped, as PostgreSQL's
 * COPY (FORMAT text) does: backslash "\\", TAB "\t", LF "\n", CR "\r".
 * Nothing else is touched, so a field without them is its text verbatim.
 *
 * A stream line is fields separated by single TABs, ended by LF.
 * tsv_split cuts a line in place into length-carrying fields without
 * unescaping them; tsv_unescape decodes one field in place.
 */
#ifndef MM_TSV_H
#define MM_TSV_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"

struct field {
	char *p;
	size_t len;
};

/*
 * Append the escaped form of s[0..n) to b: the one escape writer of the
 * streams and records.  A field with nothing to escape is copied whole
 * (found sixteen bytes at a time), so callers need no fast path of
 * their own.
 */
void tsv_escape(struct buf *b, const char *s, size_t n);

/*
 * The same writer with options, for fields whose bytes nobody vouches
 * for (minutes-extract's records, from whatever stream it was given).
 * TSV_REPAIR: a byte that starts no well-formed UTF-8 sequence becomes
 * U+FFFD and a NUL is dropped, so the field is valid UTF-8 whatever s
 * holds.  TSV_ESCAPED: s is escaped text already (fields of a stream
 * line, TABs between them kept): its four escapes are kept as they are,
 * a backslash that starts none is doubled, and a raw LF or CR escaped.
 * tsv_escape is tsv_escape_opt with no option.
 */
enum {
	TSV_REPAIR = 1,
	TSV_ESCAPED = 2
};
void tsv_escape_opt(struct buf *b, const char *s, size_t n, unsigned opts);

/*
 * Decode escapes of s[0..n) in place; returns the new length.  An unknown
 * escape "\x" is kept as the two bytes; a dangling final backslash is kept.
 * Returns the count of such malformed escapes through *bad if bad != NULL.
 */
size_t tsv_unescape(char *s, size_t n, size_t *bad);

/*
 * Cut line[0..len) (without its LF) at TABs into at most max fields.
 * Returns the number of fields found (which may exceed max: the extra
 * ones are counted but not stored).  Fields point into line; no copy.
 */
size_t tsv_split(char *line, size_t len, struct field *fields, size_t max);

/*
 * The page field of a normalise or split stream line: empty, a page
 * ("12"), or a page and the byte offsets where its paragraph runs onto
 * each next page ("12,340,911").  Returns 1 when well formed, with *page
 * (0 when empty; at most 12 digits, no leading zero) and [*brk, *brk +
 * *brklen) the ",OFF…" part (empty when none); 0 otherwise.
 */
int tsv_page_field(const char *p, size_t n, unsigned long *page,
    const char **brk, size_t *brklen);

/*
 * A reader of LF-ended lines with a reused buffer.  The last line of a
 * file without a final LF is returned like any other.  The LF (and a CR
 * before it is NOT removed: stream lines never hold raw CR) is stripped.
 * The input is read in big chunks and each line handed out where it lies
 * in the chunk (NUL-terminated, writable): no copy and no call into stdio
 * per line.  A line longer than a chunk grows the buffer to hold it.
 */
struct line_reader {
	FILE *f;
	char *line;             /* the current line, in buf */
	size_t len;
	unsigned long lineno;
	char *buf;
	size_t cap;             /* bytes of buf */
	size_t start, end;      /* the bytes of buf not yet handed out */
	size_t scanned;         /* buf[start..scanned) holds no LF */
	int eof;
	int avx2;               /* line_reader_split may scan with AVX2 */
	size_t spec;            /* see line_reader_split */
};

void line_reader_init(struct line_reader *r, FILE *f);
/* Returns 1 with r->line/r->len set, 0 at EOF, -1 on read error (errno). */
int line_reader_next(struct line_reader *r);
/*
 * line_reader_next and tsv_split of the line in one pass over its bytes
 * (thirty-two at a time with AVX2 where the CPU has it, else sixteen):
 * returns as line_reader_next, with the line's fields as tsv_split cuts
 * them into fields[0..max) and *nfields their count (which may exceed
 * max).  r->spec is set to one past the line's last backslash or byte
 * >= 0x80, 0 when it has none: a field starting at or after r->spec is
 * its unescaped text already, and ASCII.  Do not mix with
 * line_reader_next on one reader.
 */
int line_reader_split(struct line_reader *r, struct field *fields, size_t max,
    size_t *nfields);
void line_reader_free(struct line_reader *r);

#endif
