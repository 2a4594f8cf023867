/*
 * recwrite — the record writer: records (records.md) out as TSV, CSV or
 * JSON Lines.  The one place that knows the three formats.
 *
 * Records reach the writer as the contract's TSV lines (escaped fields,
 * kind first); TSV goes out unchanged, CSV and JSON Lines with every
 * field unescaped (a record's real line breaks, TABs and backslashes):
 *
 *   tsv    the contract: records.md, byte for byte.  Header (on request):
 *          one line of column names per kind.
 *   csv    RFC 4180: fields separated by ',', records ended by CRLF, a
 *          field holding ',', '"', CR or LF enclosed in '"' with each '"'
 *          doubled; always one header line.  Its columns: the nine common
 *          ones, then each kept kind's own columns in rule-file order, a
 *          name shared by two kinds (text, type) being one column; a
 *          record leaves the other kinds' columns empty.  With one kind
 *          kept, exactly that kind's columns.
 *   jsonl  one JSON object a line (LF), keys in column order, every key
 *          of the record's kind present; the number columns (line, page,
 *          value, for, against, abstain) are JSON numbers, null when
 *          empty; text is a string, "" when empty.  A number column whose
 *          text is no JSON number (a rule file's doing) stays a string;
 *          bytes that are not UTF-8 (only in records read back with
 *          --records) are read as Windows-1252.  No header.
 *
 * Nothing here prints a message or exits (but for running out of
 * memory); returns follow err.h's convention.
 */
#ifndef MM_RECWRITE_H
#define MM_RECWRITE_H

#include <stddef.h>
#include <stdio.h>

enum rec_format { REC_TSV, REC_CSV, REC_JSONL };

/* The common columns 1–9 of every record (records.md). */
#define REC_NCOMMON 9
extern const char *const rec_common_cols[REC_NCOMMON];

/* "tsv", "csv", "jsonl" (or "json") to *fmt: 0, or -1 for another word. */
int rec_format_parse(const char *s, enum rec_format *fmt);

/* 1 if column name holds a number (line, page, value, for, ...). */
int rec_numeric_col(const char *name);

/* A kind as the writer needs it: its name and its own columns (10…). */
struct rec_kind {
	const char *name;
	char *const *cols;
	size_t ncols;
	int keep;		/* 0: its records are skipped */
};

struct recw;

/* A writer to out; kinds is copied by reference (it must outlive w). */
struct recw *recw_new(enum rec_format fmt, FILE *out,
    const struct rec_kind *kinds, size_t nkinds);

/* The header: TSV one line per kept kind, CSV one line, JSON Lines none. */
void recw_header(struct recw *w);

/*
 * The record schema (minutes-extract --schema): a line per kept kind, in
 * rule-file order, its name then every column of its records in order,
 * the nine common ones first, all TAB-separated:
 *   item<TAB>kind<TAB>source<TAB>line<TAB>...<TAB>title<TAB>text
 * So a line has one field more than the kind's records; in any format.
 */
void recw_schema(struct recw *w);

/*
 * Write one record given as a records.md TSV line (with or without its
 * LF).  Returns 0 (written), 1 (its kind is not kept: skipped), -1 (its
 * kind is unknown) or -2 (not the kind's number of fields).
 */
int recw_record(struct recw *w, const char *line, size_t len);
/*
 * The same for a record that its maker knows to be of kind k (an index
 * into the writer's kinds) with the kind's number of fields, ending in
 * its LF: minutes-extract's own.  TSV then goes out in one write, no
 * field counted and no kind looked up; the other formats as recw_record.
 */
int recw_record_kind(struct recw *w, size_t k, const char *line,
    size_t len);

void recw_free(struct recw *w);

#endif
