/*
 * minutes-normalise — bytes in, clean paragraphs out.
 *
 * Reads each named file (or stdin, named "-" or --source NAME) and writes
 * one "source TAB line TAB page TAB text" line per paragraph; the work is
 * done by normalise_stream (paragraphs.h).  A file that cannot be read,
 * or is binary, is reported and skipped; the others are still processed
 * and the exit status is then 1, as cat does.
 *
 * Several FILEs are normalised in threads (-j), each file whole by one
 * thread, and printed in the order given: the file at the head of the
 * list writes straight out; one behind it keeps what it writes (its
 * paragraphs and its messages, in the order written) until it is the
 * head (while all such keep HELD_CAP bytes or less; past that, it waits
 * for its turn); and no thread takes a file more than RING files a
 * thread past the head.  So
 * the output, stderr and its interleaving with stdout too, is the same
 * bytes as one thread's, and memory stays bounded whatever the files.
 */
#include <errno.h>
#include <getopt.h>
#include <iconv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "lexicon.h"
#include "paragraphs.h"
#include "version.h"

static void
usage(FILE *f)
{
	fputs("usage: minutes-normalise [-v] [-s NAME] [-f ENC] [-m BYTES] [-r DIR] [-j N] [--markdown | --no-markdown] [--any-text] [FILE...]\n"
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
	      "  -j, --jobs N            normalise N FILEs at a time in threads (default:\n"
	      "                          one per processor, at most 4; 1: none); one\n"
	      "                          long FILE is read ahead in a second thread; the\n"
	      "                          output is the same, in the order of the FILEs\n"
	      "  -v, --verbose           report per file on stderr: lines, paragraphs,\n"
	      "                          furniture dropped, bytes repaired\n"
	      "  -h, --help              show this help\n"
	      "  -V, --version           show the version\n"
	      "\n"
	      "Environment: MINUTES_NORMALISE_JOBS=N is -j's default.\n"
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

/* What every file is normalised with. */
struct run {
	struct normalise_opts opts;
	const char *stdin_name;
	int verbose;
};

/*
 * Normalise the file name onto out, its messages by warnmsg.  Returns the
 * file's exit status (EXIT_OK, or EXIT_SOFT when it could not be read or
 * is binary), or -1 when out is a pipe with no reader (stop quietly).
 */
static int
normalise_file(const struct run *rn, const char *name, FILE *out)
{
	int is_stdin = strcmp(name, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(name, "rb");

	if (!f) {
		warnmsg("%s:", name);
		return EXIT_SOFT;
	}
	const char *source = is_stdin ? rn->stdin_name : name;
	struct normalise_stats st;
	errno = 0;
	int r = normalise_stream(f, source, out, &rn->opts, &st);
	int e = errno;
	if (!is_stdin)
		fclose(f);
	switch (r) {
	case NM_OK:
		break;
	case NM_EWRITE:
		errno = e;
		if (e == EPIPE)
			return -1;
		die(EXIT_TROUBLE, "write error on standard output:");
	case NM_EREAD:
	case NM_ETMP:
		errno = e;
		warnmsg("%s: %s:", name, normalise_strerror(r));
		return EXIT_SOFT;
	case NM_EENC:
		die(EXIT_TROUBLE, "%s: unknown encoding (--from)",
		    rn->opts.from ? rn->opts.from : "?");
	default:
		warnmsg("%s: %s", name, normalise_strerror(r));
		return EXIT_SOFT;
	}
	/* A text that is not text: say so, in one line a driver can grep
	 * for (": no usable text: "); the exit status stays 0. */
	if (rn->opts.any_text)
		;
	else if (st.quality == 1)
		warnmsg("%s: no usable text: empty (no words; an image-only PDF needs OCR)",
		        source);
	else if (st.quality == 2)
		warnmsg("%s: no usable text: garbage (letters do not read as language: "
		        "letter profile %.2f, function words %.0f%%; a PDF font without a "
		        "usable encoding?)%s", source, st.letter_cosine,
		        st.function_share * 100, "; nothing written");
	if (rn->verbose)
		warnmsg("%s: %lu lines, %lu paragraphs, "
		        "%lu furniture lines dropped, %lu bytes repaired as Windows-1252, "
		        "%lu undecodable, %lu cut; %s%s; %lu words, letter profile %.3f, "
		        "function words %.1f%%", source, st.lines,
		        st.paragraphs, st.dropped, st.repaired, st.undecodable, st.cut,
		        st.encoding, st.markdown ? ", Markdown" : "", st.words,
		        st.letter_cosine, st.function_share * 100);
	return EXIT_OK;
}

/* ---- Several files in threads, printed in order --------------------- */

enum {
	HELD_CAP = 4 << 20,	/* bytes all files behind the head may keep */
	RING = 8		/* files in flight a thread */
};

struct slot {			/* a file in flight */
	struct buf held;	/* frames: 'O' or 'E', a size_t, the bytes */
	int done;		/* its thread finished it */
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t turn;	/* the head moved, or stop */
	const struct run *rn;
	char **files;
	size_t nfiles;
	size_t next;		/* the next file to take */
	size_t head;		/* the first file not yet printed whole */
	struct slot *ring;	/* file k's is ring[k % nring] */
	size_t nring;
	_Atomic size_t held;	/* bytes the slots keep */
	int status;		/* the worst file's */
	int stop;		/* stdout is a pipe with no reader */
};

struct worker {			/* a thread's file in hand */
	struct pool *p;
	size_t k;
	struct slot *s;
	int direct;		/* k is the head: write straight out */
};

/* Write one frame's bytes: 'O' to stdout, 'E' to stderr.  0, or -1
 * when stdout failed (errno says why). */
static int
emit(char tag, const char *b, size_t n)
{
	if (tag == 'E') {
		err_write(b, n, 0);
		return 0;
	}
	return fwrite(b, 1, n, stdout) == n ? 0 : -1;
}

/* Print the frames held, in order, and free them.  0, or -1 (errno
 * set). */
static int
replay(struct pool *p, struct buf *held)
{
	size_t at = 0, n;

	while (at < held->len) {
		memcpy(&n, held->data + at + 1, sizeof n);
		if (emit(held->data[at], held->data + at + 1 + sizeof n, n) != 0)
			return -1;
		at += 1 + sizeof n + n;
	}
	atomic_fetch_sub(&p->held, held->len);
	buf_free(held);
	return 0;
}

/* Bytes the worker's file writes: out now at the head, else kept (while
 * all files keep HELD_CAP bytes or less; past that, its turn is waited
 * for).  0, or -1 (errno set). */
static int
put(struct worker *w, char tag, const char *b, size_t n)
{
	struct pool *p = w->p;

	if (!w->direct) {
		struct buf *held = &w->s->held;
		size_t need = 1 + sizeof n + n;
		if (atomic_load(&p->held) + need <= HELD_CAP) {
			atomic_fetch_add(&p->held, need);
			buf_putc(held, tag);
			buf_append(held, (const char *)&n, sizeof n);
			buf_append(held, b, n);
			return 0;
		}
		pthread_mutex_lock(&p->mu);
		while (p->head != w->k && !p->stop)
			pthread_cond_wait(&p->turn, &p->mu);
		int stop = p->stop;
		pthread_mutex_unlock(&p->mu);
		if (stop) {
			errno = EPIPE;
			return -1;
		}
		if (replay(p, held) != 0)
			return -1;
		w->direct = 1;
	}
	return emit(tag, b, n);
}

/* The FILE normalise_stream writes to, in a thread (fopencookie). */
static ssize_t
out_write(void *c, const char *b, size_t n)
{
	if (put(c, 'O', b, n) != 0)
		return -1;
	return (ssize_t)n;
}

/* The thread's messages (err_divert). */
static void
msg_write(void *c, const char *s, size_t n)
{
	struct worker *w = c;

	if (put(w, 'E', s, n) != 0 && errno != EPIPE)
		die(EXIT_TROUBLE, "write error on standard output:");
}

/* The head's file is done: print it and each file done after it, in
 * order (the lock held: only the head's thread writes). */
static void
advance(struct pool *p)
{
	struct slot *s;

	while (!p->stop && p->head < p->nfiles &&
	    (s = &p->ring[p->head % p->nring])->done) {
		if (replay(p, &s->held) != 0) {
			if (errno != EPIPE)
				die(EXIT_TROUBLE, "write error on standard output:");
			p->stop = 1;
			break;
		}
		s->done = 0;
		p->head++;
	}
}

/* A thread: take files until none is left, normalise each, print it in
 * its turn. */
static void *
work(void *arg)
{
	struct pool *p = arg;
	struct worker w = { p, 0, NULL, 0 };
	cookie_io_functions_t io = { NULL, out_write, NULL, NULL };
	FILE *out = fopencookie(&w, "w", io);

	if (!out)
		die(EXIT_TROUBLE, "cannot open a stream for the output:");
	setvbuf(out, NULL, _IONBF, 0);
	err_divert(msg_write, &w);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next < p->nfiles && p->next >= p->head + p->nring)
			pthread_cond_wait(&p->turn, &p->mu);
		if (p->stop || p->next >= p->nfiles)
			break;
		w.k = p->next++;
		w.s = &p->ring[w.k % p->nring];
		w.direct = 0;
		pthread_mutex_unlock(&p->mu);

		int st = normalise_file(p->rn, p->files[w.k], out);
		clearerr(out);

		pthread_mutex_lock(&p->mu);
		if (st < 0)
			p->stop = 1;
		else if (st > p->status)
			p->status = st;
		w.s->done = 1;
		if (p->head == w.k)
			advance(p);
		pthread_cond_broadcast(&p->turn);
	}
	pthread_mutex_unlock(&p->mu);
	err_divert(NULL, NULL);
	fclose(out);
	normalise_release();
	return NULL;
}

/* Normalise files[0..n) in jobs threads (this one too); the worst exit
 * status of a file (of those done before stdout lost its reader, when
 * it did: then errno is EPIPE, as after a write in this thread). */
static int
run_pool(const struct run *rn, char **files, size_t n, unsigned jobs)
{
	struct pool p;
	pthread_t *t = xcalloc(jobs, sizeof *t);
	unsigned started = 0;

	memset(&p, 0, sizeof p);
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.turn, NULL);
	p.rn = rn;
	p.files = files;
	p.nfiles = n;
	p.nring = (size_t)RING * jobs;
	p.ring = xcalloc(p.nring, sizeof *p.ring);
	/* (a thread that will not start is no error: fewer do the work) */
	while (started + 1 < jobs && pthread_create(&t[started], NULL, work, &p) == 0)
		started++;
	work(&p);
	for (unsigned i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	for (size_t i = 0; i < p.nring; i++)
		buf_free(&p.ring[i].held);
	free(p.ring);
	free(t);
	pthread_cond_destroy(&p.turn);
	pthread_mutex_destroy(&p.mu);
	if (p.stop)
		errno = EPIPE;
	return p.status;
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
		{"jobs", required_argument, NULL, 'j'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0}
	};
	struct normalise_opts opts = { .markdown = -1, .warn = warn_cb };
	const char *stdin_name = "-";
	const char *rules_dir = NULL, *jobs_arg = NULL;
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
	while ((c = getopt_long(argc, argv, ":s:f:m:r:j:vhV", longopts, NULL)) != -1) {
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
		case 'j': jobs_arg = optarg; break;
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
	size_t nfiles = 0;
	while (files[nfiles])
		nfiles++;
	struct run rn = { opts, stdin_name, verbose };
	/* a thread per processor, at most 4 (each keeps ~4 MiB of tables);
	 * one file alone is read ahead in a second thread */
	unsigned jobs = jobs_option(jobs_arg, "MINUTES_NORMALISE_JOBS", 4);
	if (jobs > 1)
		normalise_prepare();	/* (what threads would read lazily) */
	if (nfiles == 1 && jobs > 1)
		rn.opts.read_ahead = 1;
	if (jobs > nfiles)
		jobs = (unsigned)nfiles;
	if (jobs > 1)
		return close_stdout(run_pool(&rn, files, nfiles, jobs));
	for (size_t k = 0; k < nfiles; k++) {
		int st = normalise_file(&rn, files[k], stdout);
		if (st < 0)
			break;
		if (st > status)
			status = st;
	}
	return close_stdout(status);
}
