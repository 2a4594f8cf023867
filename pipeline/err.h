/*
 * err — the one error printer and allocation policy of every program.
 *
 * Messages take the form "prog: message" or, with a location,
 * "prog: file:line: message".  A format ending in ':' appends
 * ": strerror(errno)", as sbase's eprintf does.  Exit codes are the
 * project's contract: 0 ok, 1 soft failure (some input unreadable, the
 * rest processed), 2 usage or trouble (bad option, bad rule, bad stream).
 *
 * Return codes of the library parts (every file of pipeline/ but the
 * three programs' mains and this one): one convention, so that a caller
 * never has to look up which way round a function answers.
 *   - A part never prints and never exits; it returns, and the program
 *     chooses the message (die, warnmsg) and the exit status.  The one
 *     exception is running out of memory: the x... allocators below die.
 *   - An operation that can fail returns int: 0 on success, -1 on
 *     failure, with what went wrong in an error struct the caller passed
 *     (struct rules_error, struct lex_error) or in errno.  Where a caller
 *     must tell failures apart there are further negative values, each
 *     named in the function's comment (extract_stream: -2, a read
 *     error; recw_record: -2, the wrong number of fields).
 *   - A positive value is never a failure but an answer other than the
 *     plain one, named in the function's comment (recw_record: 1, the
 *     record's kind is not kept; line_reader_next: 1, a line, where 0 is
 *     the end of the input).
 *   - A test (is_..., ..._valid, a recogniser that also fills out
 *     parameters, as tsv_page_field and date_parse) returns 1 for yes
 *     and 0 for no, never -1.
 *   - A count or a length is returned as it is (0: nothing found or
 *     consumed); a lookup returns a pointer, NULL when there is none, or
 *     an enum's NONE value.
 * Known exceptions, to be mended: lexicon_open and lex_words (lexicon.c)
 * die with exit 2 when the lexicon or a list is missing; the profile of
 * minutes-extract (MINUTES_EXTRACT_PROFILE) is printed by the engine.
 */
#ifndef MM_ERR_H
#define MM_ERR_H

#include <stddef.h>

enum { EXIT_OK = 0, EXIT_SOFT = 1, EXIT_TROUBLE = 2 };

/* Set once from main: the name printed before every message. */
void err_init(const char *progname);
const char *err_prog(void);

/* Print "prog: fmt" to stderr and exit with code. */
_Noreturn void die(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Print "prog: fmt" to stderr (or where err_divert sends this thread's
 * messages) and return.  A fmt ending in ':' adds ": strerror(errno)". */
void warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Send this thread's warnings (warnmsg, err_write's divertable text),
 * each a whole message, to to(ctx, text, length) instead of stderr; to
 * NULL: stderr again.  A pool of workers gathers each job's messages to
 * print them in order.  die and usage_die always print to stderr. */
void err_divert(void (*to)(void *ctx, const char *s, size_t n), void *ctx);
/* Write s[0..n) to stderr, or when divertable where err_divert says. */
void err_write(const char *s, size_t n, int divertable);

/* Allocation that dies with "prog: out of memory" rather than return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Ready stdin and stdout for a stream of many megabytes: where stdout is
 * not a terminal it is written in 64 KiB blocks, and a pipe on either
 * side is grown to 1 MiB (F_SETPIPE_SZ; left as it is where the system
 * refuses).  With the default 64 KiB pipe and 4 KiB writes the stages of
 * a chain wake each other every few kilobytes and, on two cores, waited
 * for each other for a third of the run.  Call once, before any output.
 */
void stdio_setup(void);

/*
 * Flush and close stdout, checking for errors, so a full disk fails
 * loudly (exit 2).  A closed pipe (EPIPE) ends quietly with the given
 * status, as grep does.  Call at the end of main; returns status.
 */
int close_stdout(int status);

/*
 * Usage errors, one convention for every program: "prog: what was wrong",
 * then "Try 'prog --help'.", exit 2.  usage_die formats the first line;
 * getopt_fail says what getopt_long found wrong when it returned '?' or
 * ':' (the programs call it with opterr = 0 and an optstring starting
 * with ':', so getopt prints nothing itself).
 */
_Noreturn void usage_die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
_Noreturn void getopt_fail(int c, char **argv);

/* Parse a non-negative integer option value: strtol, end pointer, range. */
long parse_long_opt(const char *opt, const char *s, long min, long max);

/* How many threads: opt_arg (-j's value; NULL when not given, a bad one
 * is a usage error), else the environment variable env's (a bad one is
 * trouble: exit 2), else one per online processor but at most most.
 * Always 1 to 64. */
unsigned jobs_option(const char *opt_arg, const char *env, unsigned most);

#endif
