/*
 * minutes-split — paragraphs in, located paragraphs out (design.md part 2).
 *
 * Reads the normalise stream "source TAB line TAB page TAB text" (or the
 * 0.1 stream without page) from the named files or stdin and writes
 * "source TAB line TAB page TAB section TAB date TAB body TAB minute TAB
 * title TAB text".  The work is done by sections.c; this
 * file parses options, opens inputs and turns returned codes into
 * messages and exit statuses (0 ok, 1 an input unreadable, 2 trouble).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "lexicon.h"
#include "sections.h"
#include "version.h"

static void
usage(FILE *f)
{
	fputs("usage: minutes-split [-r DIR] [FILE...]\n"
	    "       minutes-split --help | --version\n"
	    "Find agenda, minutes, report and other sections, meetings and minute\n"
	    "items in a minutes-normalise stream (source TAB line TAB page TAB text;\n"
	    "also read without page) from the FILEs or standard input (\"-\"), and\n"
	    "write source TAB line TAB page TAB section TAB date TAB body TAB minute\n"
	    "TAB title TAB text.\n"
	    "  -r, --rules DIR  word lists from DIR/lexicon (default:\n"
	    "                   $MINUTES_MINE_RULES, else the rules/ beside or\n"
	    "                   installed with the program)\n"
	    "  -h, --help       print this help\n"
	    "  -V, --version    print the version\n"
	    "Exit status: 0 ok, 1 some FILE unreadable, 2 bad usage or a line that\n"
	    "is not a normalise stream line.\n", f);
}

/*
 * Run one input; returns the exit status it earns (0, 1), or -1 when
 * writing failed (the caller closes stdout, which says why), or dies (2).
 */
static int
run(struct splitter *sp, const char *name)
{
	FILE *in = stdin;
	int stdin_in = strcmp(name, "-") == 0, st;
	unsigned long lineno = 0;
	size_t detail = 0;
	char where[64];

	if (!stdin_in && !(in = fopen(name, "r"))) {
		warnmsg("%s:", name);
		return EXIT_SOFT;
	}
	st = split_stream(sp, in, stdout, &lineno, &detail);
	if (!stdin_in)
		fclose(in);
	snprintf(where, sizeof where, "%lu", lineno);
	switch (st) {
	case SPLIT_OK:
		return EXIT_OK;
	case SPLIT_EFIELDS:
		fflush(stdout);
		if (stdin_in)
			die(EXIT_TROUBLE, "%s: expected 4 fields, found %zu", where, detail);
		die(EXIT_TROUBLE, "%s:%s: expected 4 fields, found %zu", name, where, detail);
	case SPLIT_ELINENO:
		fflush(stdout);
		if (stdin_in)
			die(EXIT_TROUBLE, "%s: line field is not a positive number", where);
		die(EXIT_TROUBLE, "%s:%s: line field is not a positive number", name, where);
	case SPLIT_EPAGE:
		fflush(stdout);
		if (stdin_in)
			die(EXIT_TROUBLE, "%s: page field is not empty or a positive number", where);
		die(EXIT_TROUBLE, "%s:%s: page field is not empty or a positive number", name, where);
	case SPLIT_EREAD:
		warnmsg("%s:", stdin_in ? "(standard input)" : name);
		return EXIT_SOFT;
	default:
		return -1;
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"rules", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	static const char *const stdin_only[] = {"-"};
	const char *const *files;
	struct splitter *sp;
	const char *rules_dir = NULL;
	int c, status = EXIT_OK, i, nfiles;

	err_init(argv[0]);
	stdio_setup();
	/*
	 * sections.c gathers the output in blocks of 64 KiB itself: a stdio
	 * buffer on top would only copy every byte once more (a tenth of
	 * the instructions), so stdout is unbuffered and each block is one
	 * write.  stdio_setup still grows the pipes.
	 */
	setvbuf(stdout, NULL, _IONBF, 0);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			rules_dir = optarg;
			break;
		case 'h':
			usage(stdout);
			return close_stdout(EXIT_OK);
		case 'V':
			puts("minutes-split " MM_VERSION);
			return close_stdout(EXIT_OK);
		default:
			getopt_fail(c, argv);
		}
	}
	lexicon_open(rules_dir ? rules_dir : rules_dir_default());
	sections_init();
	if (optind == argc) {
		files = stdin_only;
		nfiles = 1;
	} else {
		files = (const char *const *)argv + optind;
		nfiles = argc - optind;
	}
	sp = splitter_new();
	for (i = 0; i < nfiles; i++) {
		int s = run(sp, files[i]);

		if (s < 0)
			break;	/* close_stdout tells a full disk from a closed pipe */
		if (s > status)
			status = s;
	}
	splitter_free(sp);
	return close_stdout(status);
}
