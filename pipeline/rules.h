/*
 * rules — the rule language (rules/README.md) and the engine that runs it.
 *
 * A rule set is loaded from a folder of rule files, one kind per file.
 * Loading compiles every pattern with PCRE2 and JIT and checks every
 * name; any fault comes back as FILE:LINE: message (with the PCRE2
 * offset and error text for a bad pattern), never as a print or an exit.
 *
 * The engine reads the split stream (columns 2–8 of records.md, then the
 * escaped paragraph), groups consecutive paragraphs with the same
 * locator into an item, runs the rules whose scope admits the item over
 * its paragraphs, its whole text, or its blocks, and writes the records
 * of each item sorted by line.  Memory is bounded by the largest item
 * (capped: a longer group is cut into pieces); match data and buffers
 * are reused from item to item.
 */
#ifndef MM_RULES_H
#define MM_RULES_H

#include <stddef.h>
#include <stdio.h>

#include "recwrite.h"

struct ruleset;

/* Where a load or stream fault was found, and what it is. */
struct rules_error {
	char where[512];	/* "FILE:LINE" (empty when not tied to a line) */
	char msg[512];
};

/*
 * Load every rule file of dir (regular files whose name does not start
 * with '.' and does not end in ".md" or "~"), in name order.  Returns 0
 * and sets *out, or -1 with err filled.
 */
int rules_load_dir(const char *dir, struct ruleset **out,
    struct rules_error *err);

/*
 * Keep the compiled patterns of rules_load_dir in folder dir between runs
 * (rulecache.h), or, with NULL or "", compile them every time.
 */
void rules_cache(const char *dir);

/* Load one more rule file into rs (creating it when *rs is NULL). */
int rules_load_file(struct ruleset **rs, const char *path,
    struct rules_error *err);

/*
 * Keep only the kinds named in list (comma-separated; may be called
 * several times, each call adding kinds; a kind in any case, singular or
 * plural).  Returns 0, or -1 with err naming an unknown kind and listing
 * the known ones.
 */
int rules_keep(struct ruleset *rs, const char *list, struct rules_error *err);

/* Print the kept kinds' names, one a line, in rule-file order. */
void rules_list_kinds(const struct ruleset *rs, FILE *out);

/*
 * The warnings of --check, in file and line order, each given to fn with
 * "FILE:LINE" and the message: a define no pattern calls, a common no
 * rule uses, a pattern written twice in one kind (a line of a common
 * that several rules use counts once), a rule-file line over
 * RULES_LINE_MAX characters.  Returns their number.  Call it once per ruleset.
 */
#define RULES_LINE_MAX 200
size_t rules_lint(struct ruleset *rs, void (*fn)(void *ctx,
    const char *where, const char *msg), void *ctx);

/* Number of kinds loaded. */
size_t rules_kind_count(const struct ruleset *rs);

/*
 * A record writer (recwrite.h) in format fmt to out for the kinds of rs,
 * writing the kept ones.  Valid while rs is; free it with recw_free.
 */
struct recw *rules_writer(struct ruleset *rs, enum rec_format fmt,
    FILE *out);

void rules_free(struct ruleset *rs);

/* Called for each -w warning: source and line of the paragraph, text. */
typedef void (*rules_warn_fn)(void *ctx, const char *source,
    const char *line, const char *msg);

/* Options of extract_stream; gave_up is written back (counts add up). */
struct extract_opts {
	rules_warn_fn warn;	/* NULL: no warnings */
	void *warn_ctx;
	size_t max_item;	/* bytes of item text held at once; 0: default */
	struct recw *writer;	/* NULL: the records as TSV to out */
	unsigned jobs;		/* worker threads; 0 or 1: none (see
				 * extract_stream) */
	unsigned long gave_up;	/* out: matches that hit the match limit */
};

/*
 * Read the split stream from in (named name in messages), write records
 * to out.  Returns 0, -1 with err set ("name:LINE" and the message)
 * for a malformed stream, or -2 with err set ("name", "read error: ...")
 * for a read error.
 */
int extract_stream(struct ruleset *rs, FILE *in, const char *name,
    FILE *out, struct extract_opts *opts, struct rules_error *err);

#endif
