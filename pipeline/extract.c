/*
 * minutes-extract — located paragraphs in, records out.
 *
 * Reads the split stream (records.md columns 2–8, then the escaped
 * paragraph) from the named files or stdin, applies the rule files of
 * the rules folder, and writes records (records.md).  Options are parsed
 * here; the rule language is rules.c, the engine rules_engine.c.  The
 * rules are loaded and checked before any input is read, so a bad rule
 * stops the program with FILE:LINE: message and exit 2.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "err.h"
#include "lexicon.h"
#include "recwrite.h"
#include "rules.h"
#include "tsv.h"
#include "version.h"

static void
usage(FILE *f)
{
	fputs("usage: minutes-extract [-Hw] [-j N] [-k KIND] [-r DIR] "
	    "[--format FMT] [FILE...]\n"
	    "       minutes-extract --records [-H] [-k KIND] [--format FMT] "
	    "[FILE...]\n"
	    "       minutes-extract --check | --list-kinds | --schema [-k KIND] "
	    "[-r DIR]\n"
	    "Read the minutes-split stream from FILEs or stdin and write "
	    "records.\n"
	    "  -k, --kind KIND   keep only KIND (repeatable, or a comma list;\n"
	    "                    any case, singular or plural: Resolutions)\n"
	    "  -H, --header      print a header line (TSV: one per kind kept;\n"
	    "                    CSV always has one, JSON Lines none)\n"
	    "      --format FMT  tsv (default, the records contract), csv "
	    "(RFC 4180,\n"
	    "                    fields unescaped) or jsonl (JSON Lines, "
	    "numbers typed)\n"
	    "      --records     read records (TSV, as written here; header "
	    "lines\n"
	    "                    skipped) instead of the split stream: keep "
	    "-k's\n"
	    "                    kinds, write them in --format\n"
	    "  -r, --rules DIR   rule files and lexicon from DIR (default: "
	    "$MINUTES_MINE_RULES,\n"
	    "                    else the rules/ beside or installed with the "
	    "program)\n"
	    "  -w, --warnings    warn on stderr about items with a marker of a "
	    "kind\n"
	    "                    but no record of it, and about empty "
	    "resolutions\n"
	    "      --check       load and check the rules, print warnings "
	    "(unused\n"
	    "                    define, pattern twice in a kind, line over "
	    "200\n"
	    "                    characters) and exit: 0 when only warnings\n"
	    "      --list-kinds  print the kinds kept (all, or -k's), one a "
	    "line\n"
	    "      --schema      print each kind kept and its columns: a line "
	    "KIND TAB\n"
	    "                    COLUMN TAB COLUMN ..., all of its records' "
	    "columns\n"
	    "  -j, --jobs N      run the rules in N threads (default: one per\n"
	    "                    processor, at most 8; 1: none); the output is\n"
	    "                    the same\n"
	    "  -h, --help        print this help\n"
	    "  -V, --version     print the version\n"
	    "Environment: MINUTES_EXTRACT_CACHE=DIR keeps the compiled rules in "
	    "DIR\n"
	    "between runs (start-up only; minutes-mine sets it); "
	    "MINUTES_EXTRACT_JOBS=N\n"
	    "is -j's default.\n"
	    "Exit status: 0 ok, 1 some FILE unreadable, 2 trouble (bad option,\n"
	    "bad rule file, malformed stream).\n", f);
}

static void
print_lint(void *ctx, const char *where, const char *msg)
{
	(void)ctx;
	warnmsg("%s: warning: %s", where, msg);
}

struct warn_ctx {
	unsigned long count;
};

static void
print_warning(void *ctx, const char *source, const char *line,
    const char *msg)
{
	((struct warn_ctx *)ctx)->count++;
	fflush(stdout);
	warnmsg("%s:%s: %s", source, line, msg);
}

/*
 * --records: records in (TSV, header lines skipped), records out through
 * w.  Returns 0, or EXIT_SOFT when the input cannot be read; a record
 * that is not one stops the program.
 */
static int
convert(struct recw *w, FILE *f, const char *name)
{
	struct line_reader lr;
	int r, rc = 0;

	line_reader_init(&lr, f);
	while ((r = line_reader_next(&lr)) > 0) {
		size_t k = strcspn(lr.line, "\t");

		if (!strncmp(lr.line, "kind\tsource\tline\t", 17))
			continue;	/* a header line */
		switch (recw_record(w, lr.line, lr.len)) {
		case -1:
			fflush(stdout);
			die(EXIT_TROUBLE, "%s:%lu: unknown kind '%.*s' (no rule "
			    "file names it)", name, lr.lineno, (int)k, lr.line);
		case -2:
			fflush(stdout);
			die(EXIT_TROUBLE, "%s:%lu: not a record: the number of "
			    "fields is not that of kind '%.*s'", name,
			    lr.lineno, (int)k, lr.line);
		}
	}
	if (r < 0) {
		warnmsg("%s:", name);
		rc = EXIT_SOFT;
	}
	line_reader_free(&lr);
	return rc;
}

int
main(int argc, char **argv)
{
	enum { O_CHECK = 256, O_FORMAT, O_RECORDS, O_LIST, O_SCHEMA };
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'k'},
		{"header", no_argument, NULL, 'H'},
		{"jobs", required_argument, NULL, 'j'},
		{"rules", required_argument, NULL, 'r'},
		{"warnings", no_argument, NULL, 'w'},
		{"check", no_argument, NULL, O_CHECK},
		{"format", required_argument, NULL, O_FORMAT},
		{"records", no_argument, NULL, O_RECORDS},
		{"list-kinds", no_argument, NULL, O_LIST},
		{"schema", no_argument, NULL, O_SCHEMA},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	const char *rules_dir = NULL, *jobs = NULL;
	char **kinds = NULL;
	size_t nkinds = 0, i;
	int header = 0, check = 0, warnings = 0, records = 0, list = 0;
	int schema = 0;
	int c, r, status = EXIT_OK;
	enum rec_format fmt = REC_TSV;
	struct ruleset *rs;
	struct rules_error err;
	struct extract_opts opts = {0};
	struct warn_ctx wctx = {0};
	struct recw *w;

	err_init(argv[0]);
	stdio_setup();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":k:Hj:r:whV", longopts, NULL))
	    != -1) {
		switch (c) {
		case 'k':
			kinds = xrealloc(kinds, (nkinds + 1) * sizeof *kinds);
			kinds[nkinds++] = optarg;
			break;
		case 'H': header = 1; break;
		case 'j': jobs = optarg; break;
		case 'r': rules_dir = optarg; break;
		case 'w': warnings = 1; break;
		case O_CHECK: check = 1; break;
		case O_RECORDS: records = 1; break;
		case O_LIST: list = 1; break;
		case O_SCHEMA: schema = 1; break;
		case O_FORMAT:
			if (rec_format_parse(optarg, &fmt) != 0)
				usage_die("bad --format '%s' (want tsv, csv or "
				    "jsonl)", optarg);
			break;
		case 'h':
			usage(stdout);
			return close_stdout(EXIT_OK);
		case 'V':
			printf("minutes-extract %s\n", MM_VERSION);
			return close_stdout(EXIT_OK);
		default:
			getopt_fail(c, argv);
		}
	}
	/* the rules are the work: a thread per processor pays */
	opts.jobs = jobs_option(jobs, "MINUTES_EXTRACT_JOBS", 8);
	if (!rules_dir)
		rules_dir = rules_dir_default();
	rules_cache(getenv("MINUTES_EXTRACT_CACHE"));
	if (rules_load_dir(rules_dir, &rs, &err) != 0)
		die(EXIT_TROUBLE, "%s%s%s", err.where, err.where[0] ? ": " : "",
		    err.msg);
	for (i = 0; i < nkinds; i++)
		if (rules_keep(rs, kinds[i], &err) != 0)
			usage_die("-k: %s", err.msg);
	free(kinds);
	if (check || list || schema) {
		if (check)
			rules_lint(rs, print_lint, NULL);
		if (list)
			rules_list_kinds(rs, stdout);
		if (schema) {
			w = rules_writer(rs, REC_TSV, stdout);
			recw_schema(w);
			recw_free(w);
		}
		rules_free(rs);
		return close_stdout(EXIT_OK);
	}
	if (warnings) {
		opts.warn = print_warning;
		opts.warn_ctx = &wctx;
	}
	w = rules_writer(rs, fmt, stdout);
	opts.writer = w;
	if (header || fmt == REC_CSV)
		recw_header(w);
	if (optind == argc) {
		if (records)
			status = convert(w, stdin, "-");
		else if ((r = extract_stream(rs, stdin, "-", stdout, &opts,
		    &err)) == -2) {
			warnmsg("%s: %s", err.where, err.msg);
			status = EXIT_SOFT;
		} else if (r != 0) {
			die(EXIT_TROUBLE, "%s: %s", err.where, err.msg);
		}
	}
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		const char *name = argv[i];
		FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;
		if (!f) {
			warnmsg("%s:", name);
			status = EXIT_SOFT;
			continue;
		}
		if (records) {
			r = convert(w, f, name);
			if (r > status)
				status = r;
			if (f != stdin)
				fclose(f);
			continue;
		}
		r = extract_stream(rs, f, name, stdout, &opts, &err);
		if (f != stdin)
			fclose(f);
		/* A file that cannot be read (a folder, an I/O error) costs
		 * only itself, as with cat; a malformed stream stops all. */
		if (r == -2) {
			warnmsg("%s: %s", err.where, err.msg);
			status = EXIT_SOFT;
		} else if (r != 0) {
			die(EXIT_TROUBLE, "%s: %s", err.where, err.msg);
		}
	}
	recw_free(w);
	rules_free(rs);
	/* Loud, never silent: a pattern that gave up may have lost records. */
	if (opts.gave_up)
		warnmsg("%lu pattern match%s gave up (match limit): records may "
		    "be missing%s", opts.gave_up, opts.gave_up == 1 ? "" : "es",
		    warnings ? "" : "; -w says where");
	return close_stdout(status);
}
