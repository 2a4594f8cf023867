/*
 * minutes-normalise — bytes in, clean paragraphs out.
 *
 * Reads each named file in turn (or stdin, named "-" or --source NAME)
 * and writes one "source TAB line TAB page TAB text" line per paragraph; the work
 * is done by normalise_stream (paragraphs.h).  A file that cannot be
 * read, or is binary, is reported and skipped; the others are still
 * processed and the exit status is then 1, as cat does.
 */
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "lexicon.h"
#include "paragraphs.h"
#include "version.h"

static void
usage(FILE *f)
{
	fputs("usage: minutes-normalise [-v] [-s NAME] [-f ENC] [-m BYTES] [-r DIR] [--markdown | --no-markdown] [--any-text] [FILE...]\n"
	      "Turn text extracted from council minutes and agenda packs into paragraphs:\n"
	      "one line per paragraph, \"source TAB line TAB page TAB text\", line being\n"
	      "the original line the paragraph starts on, page its page (1 + the form\n"
	      "feeds before it; empty when the input has none).  With no FILE, or\n"
	      "FILE -, read stdin.\n"
	      "\n"
	      "  -s, --source NAME       name to print for stdin (default \"-\")\n"
	      "  -f, --from ENC          read the input as encoding ENC (iconv name);\n"
	      "                          default: UTF-8, repairing invalid bytes as\n"
	      "                          Windows-1252, or UTF-16 when detected\n"
	      "  -m, --max-paragraph N   cut paragraphs longer than N bytes, with a\n"
	      "                          warning (default 1048576)\n"
	      "      --markdown          read the input as Markdown (default: guess)\n"
	      "      --no-markdown       never read the input as Markdown\n"
	      "      --any-text          do not judge whether the text reads as language\n"
	      "                          (by default a text with no words warns \"NAME: no\n"
	      "                          usable text: empty (...)\", and one whose letters\n"
	      "                          do not read as language warns \"NAME: no usable\n"
	      "                          text: garbage (...)\" and gives no paragraphs)\n"
	      "  -r, --rules DIR         word lists from DIR/lexicon (default:\n"
	      "                          $MINUTES_MINE_RULES, else the rules/ beside or\n"
	      "                          installed with the program)\n"
	      "  -v, --verbose           report per file on stderr: lines, paragraphs,\n"
	      "                          furniture dropped, bytes repaired\n"
	      "  -h, --help              show this help\n"
	      "  -V, --version           show the version\n"
	      "\n"
	      "Exit status: 0 ok, 1 some file unreadable or binary (the others were\n"
	      "processed), 2 usage error or trouble (e.g. write error).\n", f);
}

static void
warn_cb(void *ctx, const char *source, unsigned long line, const char *msg)
{
	(void)ctx;
	warnmsg("%s:%lu: %s", source, line, msg);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"source", required_argument, NULL, 's'},
		{"from", required_argument, NULL, 'f'},
		{"max-paragraph", required_argument, NULL, 'm'},
		{"markdown", no_argument, NULL, 'M'},
		{"no-markdown", no_argument, NULL, 'N'},
		{"any-text", no_argument, NULL, 'A'},
		{"verbose", no_argument, NULL, 'v'},
		{"rules", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	struct normalise_opts opts = { 0, NULL, -1, warn_cb, NULL, 0 };
	const char *stdin_name = "-";
	const char *rules_dir = NULL;
	int verbose = 0, c, status = EXIT_OK;

	err_init("minutes-normalise");
	stdio_setup();
	/*
	 * paragraphs.c gathers the output in blocks of 64 KiB itself (and
	 * writes what is left at the end of each document): a stdio buffer
	 * on top would only copy every byte once more (3% of the
	 * instructions), so stdout is unbuffered and each block is one
	 * write, as minutes-split does.  stdio_setup still grows the pipes.
	 */
	setvbuf(stdout, NULL, _IONBF, 0);
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":s:f:m:r:vhV", longopts, NULL)) != -1) {
		switch (c) {
		case 's': stdin_name = optarg; break;
		case 'f': opts.from = optarg; break;
		case 'm':
			opts.cap = (size_t)parse_long_opt("--max-paragraph", optarg, 64,
			                                  1L << 30);
			break;
		case 'M': opts.markdown = 1; break;
		case 'N': opts.markdown = 0; break;
		case 'A': opts.any_text = 1; break;
		case 'v': verbose = 1; break;
		case 'r': rules_dir = optarg; break;
		case 'h':
			usage(stdout);
			return close_stdout(EXIT_OK);
		case 'V':
			printf("minutes-normalise %s\n", MM_VERSION);
			return close_stdout(EXIT_OK);
		default:
			getopt_fail(c, argv);
		}
	}
	lexicon_open(rules_dir ? rules_dir : rules_dir_default());
	if (opts.from) {
		/* An unknown encoding is a usage error: say so before reading. */
		iconv_t cd = iconv_open("UTF-8", opts.from);
		if (cd == (iconv_t)-1)
			usage_die("%s: unknown encoding (--from)", opts.from);
		iconv_close(cd);
	}
	char *dash[] = { "-", NULL };
	char **files = optind < argc ? argv + optind : dash;
	for (; *files; files++) {
		const char *name = *files;
		int is_stdin = strcmp(name, "-") == 0;
		FILE *f = is_stdin ? stdin : fopen(name, "rb");
		if (!f) {
			warnmsg("%s:", name);
			status = EXIT_SOFT;
			continue;
		}
		const char *source = is_stdin ? stdin_name : name;
		struct normalise_stats st;
		errno = 0;
		int r = normalise_stream(f, source, stdout, &opts, &st);
		int e = errno;
		if (!is_stdin)
			fclose(f);
		switch (r) {
		case NM_OK:
			break;
		case NM_EWRITE:
			errno = e;
			if (e == EPIPE)
				return close_stdout(status);
			die(EXIT_TROUBLE, "write error on standard output:");
		case NM_EREAD:
		case NM_ETMP:
			errno = e;
			warnmsg("%s: %s:", name, normalise_strerror(r));
			status = EXIT_SOFT;
			continue;
		case NM_EENC:
			die(EXIT_TROUBLE, "%s: unknown encoding (--from)", opts.from ? opts.from : "?");
		default:
			warnmsg("%s: %s", name, normalise_strerror(r));
			status = EXIT_SOFT;
			continue;
		}
		/* A text that is not text: say so, in one line a driver can grep
		 * for (": no usable text: "); the exit status stays 0. */
		if (opts.any_text)
			;
		else if (st.quality == 1)
			warnmsg("%s: no usable text: empty (no words; an image-only PDF needs OCR)",
			        source);
		else if (st.quality == 2)
			warnmsg("%s: no usable text: garbage (letters do not read as language: "
			        "letter profile %.2f, function words %.0f%%; a PDF font without a "
			        "usable encoding?)%s", source, st.letter_cosine,
			        st.function_share * 100, "; nothing written");
		if (verbose)
			fprintf(stderr, "minutes-normalise: %s: %lu lines, %lu paragraphs, "
			        "%lu furniture lines dropped, %lu bytes repaired as Windows-1252, "
			        "%lu undecodable, %lu cut; %s%s; %lu words, letter profile %.3f, "
			        "function words %.1f%%\n", source, st.lines,
			        st.paragraphs, st.dropped, st.repaired, st.undecodable, st.cut,
			        st.encoding, st.markdown ? ", Markdown" : "", st.words,
			        st.letter_cosine, st.function_share * 100);
	}
	return close_stdout(status);
}
