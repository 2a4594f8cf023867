/*
 * Unit test: the extract engine through its library interface (rules.h):
 * loading a rule file, an over-long item cut into pieces (max_item), the
 * warning callback, and the malformed-stream error, without the program.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static int warnings;

static void
count_warning(void *ctx, const char *source, const char *line,
    const char *msg)
{
	(void)ctx;
	(void)source;
	(void)line;
	(void)msg;
	warnings++;
}

/* Run the stream text through rs with opts; the output in out (malloc'd). */
static int
run(struct ruleset *rs, const char *text, struct extract_opts *opts,
    char **out, struct rules_error *err)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	size_t len = 0;
	FILE *o = open_memstream(out, &len);
	int rc = extract_stream(rs, in, "t", o, opts, err);

	fclose(in);
	fclose(o);
	return rc;
}

int
main(void)
{
	char dir[] = "/tmp/test_extract.XXXXXX", path[256], path2[256];
	struct ruleset *rs = NULL;
	struct rules_error err;
	struct extract_opts opts = {0};
	char *out = NULL;
	FILE *f;
	int n;

	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/words", dir);
	f = fopen(path, "w");
	fputs("kind word\ncolumns text\n"
	    "rule each\nunit paragraph\nmatch /\\b(?<text>apple)\\b/\n", f);
	fclose(f);
	snprintf(path2, sizeof path2, "%s/firsts", dir);
	f = fopen(path2, "w");
	fputs("kind first\ncolumns text\n"
	    "rule whole\nscope item=yes\nunit item\nline heading\n"
	    "match /\\A(?<text>[^\\n]*)/\n", f);
	fclose(f);
	CHECK(rules_load_dir(dir, &rs, &err) == 0);
	CHECK(rules_kind_count(rs) == 2);

	/* A normal item: one "whole" record (the first paragraph after the
	 * heading) and one per "apple". */
	const char *item =
	    "t\t1\tminutes\t\t\t1\tT\t1. T.\n"
	    "t\t3\tminutes\t\t\t1\tT\tapple pie\n"
	    "t\t5\tminutes\t\t\t1\tT\tan apple\n";
	CHECK(run(rs, item, &opts, &out, &err) == 0);
	CHECK(out && strcmp(out,
	    "first\tt\t1\t\tminutes\t\t\t1\tT\tapple pie\n"
	    "word\tt\t3\t\tminutes\t\t\t1\tT\tapple\n"
	    "word\tt\t5\t\tminutes\t\t\t1\tT\tapple\n") == 0);
	free(out);

	/* The same item in a 0.2 stream with pages: a paragraph that runs
	 * from page 2 onto page 3 at offset 3 ("an |apple") gives its
	 * record page 3; one on page 2 page 2. */
	const char *paged =
	    "t\t1\t2\tminutes\t\t\t1\tT\t1. T.\n"
	    "t\t3\t2\tminutes\t\t\t1\tT\tapple pie\n"
	    "t\t5\t2,3\tminutes\t\t\t1\tT\tan apple\n";
	CHECK(run(rs, paged, &opts, &out, &err) == 0);
	CHECK(out && strcmp(out,
	    "first\tt\t1\t2\tminutes\t\t\t1\tT\tapple pie\n"
	    "word\tt\t3\t2\tminutes\t\t\t1\tT\tapple\n"
	    "word\tt\t5\t3\tminutes\t\t\t1\tT\tapple\n") == 0);
	free(out);

	/* The same item with a 4-byte item buffer: cut after each paragraph;
	 * the item record comes with the first piece (the heading alone, so
	 * its text is empty), the paragraph rules see every paragraph, and
	 * -w hears of each cut. */
	opts.max_item = 4;
	opts.warn = count_warning;
	warnings = 0;
	CHECK(run(rs, item, &opts, &out, &err) == 0);
	n = 0;
	for (char *p = out; p && (p = strstr(p, "\tapple\n")) != NULL; p++)
		n++;
	CHECK(n == 2);
	CHECK(warnings == 2);
	CHECK(out && strncmp(out, "first\tt\t1\t\tminutes\t\t\t1\tT\t\n",
	    strlen("first\tt\t1\t\tminutes\t\t\t1\tT\t\n")) == 0);
	free(out);

	/* A line with 7 fields: an error naming the stream line. */
	opts.max_item = 0;
	CHECK(run(rs, "t\t1\tminutes\t\t\t1\tT\n", &opts, &out, &err) == -1);
	CHECK(strcmp(err.where, "t:1") == 0);
	CHECK(strcmp(err.msg, "expected 9 fields, found 7") == 0);
	free(out);

	/* A line number that is not a number. */
	CHECK(run(rs, "t\tx\tminutes\t\t\t1\tT\tapple\n", &opts, &out, &err) == -1);
	free(out);

	/* -k of an unknown kind. */
	CHECK(rules_keep(rs, "pear", &err) == -1);
	rules_free(rs);
	unlink(path);
	unlink(path2);
	rmdir(dir);

	if (failures)
		printf("%d failures\n", failures);
	return failures != 0;
}
