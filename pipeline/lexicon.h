/*
 * lexicon — the named word lists of council language, read from the
 * rules folder's file "lexicon" (rules/README.md, "The lexicon").
 *
 * All three filters read the same file: minutes-normalise and
 * minutes-split take their words from it (honorifics, attendance labels,
 * body nouns, …) and minutes-extract lets patterns call a list as
 * (?&NAME).  C keeps the algorithms; the words are data.
 *
 * File format, one list after another:
 *
 *     # a comment line
 *     list NAME [i]     # what the list is for
 *         entry
 *         two words
 *
 * NAME is [a-z_][a-z0-9_]*.  Flag i: the list is meant caseless (the
 * C reader compares ASCII case-insensitively; a pattern calling it
 * matches in any case).  An entry is one line that starts with blank
 * space: the text after the blanks, trailing blanks dropped, runs of
 * blanks inside made one space.  Entries keep the file's order.
 *
 * An entry line "@OTHER" puts list OTHER's entries there (OTHER may
 * stand anywhere in the file and include lists itself);
 * "@OTHER without E1, E2" leaves those entries of OTHER out (each must
 * be one of OTHER's, compared under the including list's flag).  So one
 * idea has one base list and the lists of each reader say only how they
 * differ from it.  Includes are resolved at load: a reader sees the
 * flat list, read with its own flag i.  An unknown name, a list that
 * includes itself, a "without" entry OTHER lacks are load errors.
 */
#ifndef MM_LEXICON_H
#define MM_LEXICON_H

#include <stddef.h>

enum { LEX_CASELESS = 1 };

struct lex_list {
	char *name;
	unsigned flags;		/* LEX_CASELESS */
	size_t n;		/* entries */
	const char **word;	/* n entries, then NULL */
	size_t *len;		/* their lengths */
	int line;		/* line of the "list" directive */
	int used;		/* set by lex_get: for --check's "unused list" */
};

struct lexicon {
	char *path;
	struct lex_list *list;
	size_t n;
};

struct lex_error {
	char where[512];	/* "path:line" or "path" */
	char msg[256];
};

/*
 * Load PATH into lx, includes resolved.  Returns 0, or -1 with err
 * filled (a file that cannot be read, a malformed line, a list named
 * twice, an empty list, a bad include).
 */
int lex_load(struct lexicon *lx, const char *path, struct lex_error *err);
void lex_free(struct lexicon *lx);

/* The list NAME, or NULL. */
const struct lex_list *lex_find(const struct lexicon *lx, const char *name);

/*
 * The process's lexicon, for the filters: lexicon_open loads
 * DIR/lexicon once (dies with exit 2 and "prog: path:line: message" if
 * it is unreadable or malformed); lex_words returns list NAME's entries
 * as a NULL-terminated array and dies (exit 2) when the file has no
 * such list, naming it — a program never runs with a word list missing.
 */
void lexicon_open(const char *rules_dir);
const struct lexicon *lexicon_get(void);
const char *const *lex_words(const char *name);
const struct lex_list *lex_list(const char *name);

/*
 * The default rules folder: $MINUTES_MINE_RULES, else ../rules beside
 * the program, else ../share/minutes-mine/rules beside it, else the
 * install prefix's.  The result is static storage.
 */
const char *rules_dir_default(void);

#endif
