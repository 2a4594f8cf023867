/*
 * err — the one error printer and allocation policy of every program.
 *
 * Messages take the form "prog: message" or, with a location,
 * "prog: file:line: message".  A format ending in ':' appends
 * ": strerror(errno)", as sbase's eprintf does.  Exit codes are the
 * project's contract: 0 ok, 1 soft failure (some input unreadable, the
 * rest processed), 2 usage or trouble (bad option, bad rule, bad stream).
 * Library-like parts never call these; they return codes and the
 * program decides what to print.
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
/* Print "prog: fmt" to stderr and return. */
void warnmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation that dies with "prog: out of memory" rather than return NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

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

#endif
