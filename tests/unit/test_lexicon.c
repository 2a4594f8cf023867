/* Unit test: the lexicon file reader (lexicon.h): lists, entries, errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"

static int failures;

#define CHECK(cond, ...) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); \
	putchar('\n'); } } while (0)

static const char *
write_tmp(const char *text)
{
	static char path[] = "/tmp/test_lexicon.XXXXXX";
	static int made;
	FILE *f;

	if (!made) {
		int fd = mkstemp(path);
		if (fd < 0) {
			perror("mkstemp");
			exit(2);
		}
		close(fd);
		made = 1;
	}
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
	return path;
}

static void
bad(const char *text, const char *want_where, const char *want_msg)
{
	struct lexicon lx;
	struct lex_error err;
	const char *p = write_tmp(text);
	int rc = lex_load(&lx, p, &err);

	CHECK(rc == -1, "accepted: %s", text);
	if (rc == 0) {
		lex_free(&lx);
		return;
	}
	CHECK(strstr(err.where, want_where) != NULL, "where %s, want …%s",
	    err.where, want_where);
	CHECK(strstr(err.msg, want_msg) != NULL, "msg %s, want …%s", err.msg,
	    want_msg);
}

int
main(void)
{
	struct lexicon lx;
	struct lex_error err;
	const struct lex_list *l;
	const char *p = write_tmp(
	    "# comment\n"
	    "list honorific   # note\n"
	    "    Mr\n"
	    "\t  Mrs  \n"
	    "\n"
	    "  # a comment between entries\n"
	    "list label i\n"
	    "    in    attendance\r\n"
	    "    present\n");

	CHECK(lex_load(&lx, p, &err) == 0, "load: %s: %s", err.where, err.msg);
	CHECK(lx.n == 2, "lists %zu", lx.n);
	l = lex_find(&lx, "honorific");
	CHECK(l && l->n == 2 && !strcmp(l->word[0], "Mr")
	    && !strcmp(l->word[1], "Mrs") && l->word[2] == NULL
	    && l->len[1] == 3 && l->flags == 0 && l->line == 2,
	    "honorific list wrong");
	l = lex_find(&lx, "label");
	CHECK(l && l->n == 2 && !strcmp(l->word[0], "in attendance")
	    && (l->flags & LEX_CASELESS), "label list wrong");
	CHECK(lex_find(&lx, "none") == NULL, "found a list never defined");
	lex_free(&lx);

	/* Includes: resolved at load, in place, nested, forward too. */
	p = write_tmp(
	    "list own i\n"
	    "    Cllrs\n"
	    "    @base without Dr, cyng\n"
	    "    Father\n"
	    "list base\n"
	    "    @core\n"
	    "    Cyng\n"
	    "list core\n"
	    "    Mr\n"
	    "    Dr\n");
	CHECK(lex_load(&lx, p, &err) == 0, "load: %s: %s", err.where, err.msg);
	l = lex_find(&lx, "own");
	CHECK(l && l->n == 3 && !strcmp(l->word[0], "Cllrs")
	    && !strcmp(l->word[1], "Mr") && !strcmp(l->word[2], "Father")
	    && l->word[3] == NULL && l->len[2] == 6 && (l->flags & LEX_CASELESS),
	    "own list wrong: %zu entries", l ? l->n : 0);
	l = lex_find(&lx, "base");
	CHECK(l && l->n == 3 && !strcmp(l->word[0], "Mr")
	    && !strcmp(l->word[1], "Dr") && !strcmp(l->word[2], "Cyng")
	    && l->len[2] == 4, "base list wrong");
	lex_free(&lx);

	bad("list a\n  @b\n", ":2", "@b: no list of this name");
	bad("list a\n  x\n  @b\nlist b\n  @a\n", ":5", "includes itself");
	bad("list a\n  @a\n", ":2", "includes itself");
	bad("list a\n  @b without y\nlist b\n  x\n", ":2", "no such entry");
	bad("list a\n  @b without X\nlist b\n  x\n", ":2", "no such entry");
	bad("list a\n  @b without x\nlist b\n  x\n", ":1", "no entries");
	bad("list a\n  @B\n", ":2", "@ names a list");
	bad("list a\n  @b but x\nlist b\n  x\n", ":2", "without");
	bad("list a\n  @b without x,\nlist b\n  x\n", ":2", "empty entry");
	bad("    Mr\n", ":1", "before the first");
	bad("list Honorific\n    Mr\n", ":1", "lower-case");
	bad("list a\n  x\nlist a\n  y\n", ":3", "already defined");
	bad("list a\nlist b\n  y\n", ":1", "no entries");
	bad("lists a\n  x\n", ":1", "expected");
	bad("list a q\n  x\n", ":1", "flag i");
	CHECK(lex_load(&lx, "/nonexistent/lexicon", &err) == -1,
	    "loaded a missing file");
	unlink(p);
	if (failures)
		printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
