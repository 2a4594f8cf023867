/*
 * rules_impl — what the rule-file parser (rules.c) hands the engine
 * (rules_engine.c).  Not for other parts: they see rules.h only.
 */
#ifndef MM_RULES_IMPL_H
#define MM_RULES_IMPL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdint.h>

#include "lexicon.h"
#include "postproc.h"
#include "rules.h"

enum unit { UNIT_PARAGRAPH, UNIT_ITEM, UNIT_BLOCK };
enum line_from { LINE_MATCH, LINE_HEADING, LINE_FIELD };
/* anchor: where a match of the rule can start (a promise of the rule's
 * author that lets the engine skip the rest of the unit) */
enum anchor { ANCHOR_ANY, ANCHOR_PARAGRAPH, ANCHOR_WORD, ANCHOR_LITERAL };
enum { SEC_MINUTES = 1, SEC_AGENDA = 2, SEC_REPORT = 4, SEC_OTHER = 8,
	SEC_ALL = 15 };

/*
 * One compiled pattern text: every pattern of the rule set with the same
 * text (its called names' prelude included) and compile flags shares it,
 * so it is compiled, and JIT-compiled, once ("like" copies a rule's
 * tests, "use" pastes a common's lines, and several rules spell a test
 * the same).  Owned by the ruleset (rs->codes).
 */
struct code {
	pcre2_code *re;
	_Atomic int jitted;	/* JIT-compiled at its first run (see pat_match):
				 * 0 not yet, 1 done, -1 the JIT failed; worker
				 * threads share it */
	uint32_t flags;		/* the key: compile flags ... */
	size_t len;		/* ... and text */
	char *src;
	uint64_t hash;
	size_t id;		/* 0, 1, … in the order compiled */
	struct code *next;	/* in its bucket of rs->codes */
};

/* A pattern of a rule, and where each capture group's value goes. */
struct pat {
	pcre2_code *re;		/* code->re */
	struct code *code;
	const char *file;	/* the rule file (owned by the ruleset) */
	unsigned line;		/* line of the rule file */
	unsigned ngroups;	/* capture groups, not counting group 0 */
	int *col;		/* col[g], g = 1..ngroups: column index or -1 */
};

struct need {
	char *lit;		/* lower case */
	size_t len;
	size_t id;		/* index over the whole rule set */
	size_t anchor;		/* offset of its rarest byte */
};

struct fieldop {
	int col;
	enum postproc_op op;
};

struct setv {
	int col;
	int only_empty;		/* default (1) or set (0) */
	char *val;
	int when_col;		/* -1, or: only when this column ... */
	struct pat *when;	/* ... matches this pattern */
};

struct fallback {
	int col;
	struct pat pat;
	char *with;		/* NULL, or a column or private group name ... */
	int with_col;		/* ... (its column, or -1): take the first
				 * match that contains that value */
	int before;		/* take the last match before the record's */
};

/* within FIELD /RE/: RE's named groups, run over FIELD, fill columns */
struct within {
	int col;
	struct pat pat;
};

/* tally: COUNT=LIST pairs compared into one column */
struct tally {
	int count_col, list_col;
};

struct warnre {
	struct pat pat;
	char *msg;
};

struct rule {
	unsigned line;
	char *label;
	unsigned sections;
	int in_item;		/* -1 any, 0 before the first item, 1 in one */
	struct pat *titles;	/* all must match */
	size_t ntitles;
	struct pat *notitles;	/* none may match */
	size_t nnotitles;
	struct pat *texts;	/* the item text after its heading: all */
	size_t ntexts;		/* must match ... */
	struct pat *notexts;	/* ... and none of these */
	size_t nnotexts;
	enum unit unit;
	int heading;		/* paragraph units include the heading */
	struct pat *block_start, *block_end;
	struct pat *match;
	size_t nmatch;
	struct pat *unless;
	size_t nunless;
	struct need *need;
	size_t nneed;
	enum anchor anchor;
	/* anchor literal: the literals every match holds, and the bytes
	 * that may stand before the first of them inside a match:
	 * aclass[c] for each byte (those >= 0x80 always) */
	struct need *alits;
	size_t nalits;
	unsigned char *aclass;
	int split_col;
	struct pat *split;
	enum line_from line_from;
	int line_col;
	struct setv *sets;
	size_t nsets;
	struct fallback *fallbacks;
	size_t nfallbacks;
	struct fieldop *post;
	size_t npost;
	struct within *withins;
	size_t nwithins;
	int tally_col;		/* -1 when the rule has no tally */
	struct tally *tallies;
	size_t ntallies;
	int figure_col;
	int sentence_col;
	struct warnre *warns;
	size_t nwarns;
	struct fallback *skips;	/* drop a record whose column matches */
	size_t nskips;
};

struct kind {
	char *name;
	char *file;
	char **cols;
	size_t ncols;
	struct rule *rules;
	size_t nrules;
	struct warnre *markers;
	size_t nmarkers;
	int keep;
	int col_type, col_value, col_unit;	/* for figure; -1 if absent */
	size_t npatterns;	/* match patterns over all its rules */
};

/* A warning of --check, found while loading (rules_lint prints them). */
struct lint {
	size_t file;		/* index into files */
	unsigned line;
	char *msg;
};

/* A pattern as written, for the duplicate-pattern lint. */
struct patsrc {
	size_t kind, file;
	unsigned line;
	char *text;		/* "/RE/FLAGS" */
};

struct ruleset {
	struct kind *kinds;
	size_t nkinds;
	int filtered;		/* rules_keep was called */
	unsigned maxgroups;	/* over every pattern */
	size_t maxcols;
	size_t nlits;		/* need literals over every rule */
	char **files;		/* paths of the loaded rule files */
	size_t nfiles;
	struct rec_kind *reckinds;	/* rules_writer's view of kinds */
	struct lexicon lex;	/* DIR/lexicon (empty when the folder has
				 * none): lists that patterns call */
	const struct lex_list *abbr;	/* list abbreviation: for sentence */
	struct postproc_words ppw;	/* the lists of post … namelist */
	size_t abbr_max;	/* the length of its longest entry */
	char abbr_first[256];	/* the first bytes of its entries, | 0x20 */
	struct lint *lints;	/* warnings found while loading */
	size_t nlints;
	struct patsrc *srcs;	/* every pattern's text, for rules_lint */
	size_t nsrcs;
	struct rulecache *cache;	/* while loading: compiled patterns
					 * of an earlier run, or NULL */
	struct code **codes;	/* the distinct compiled patterns: a hash
				 * table of ncodebuckets chains */
	size_t ncodes, ncodebuckets;
};

/* Append one zeroed element to a dynamic array; returns it. */
void *rules_grow(void *arrayp, size_t *n, size_t size);

#endif
