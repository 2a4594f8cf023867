/*
 * err — one error printer, one allocation policy, checked close of stdout.
 * See err.h for the contract.
 */
#include "err.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *prog = "minutes";

void
err_init(const char *progname)
{
	const char *slash = strrchr(progname, '/');
	prog = slash ? slash + 1 : progname;
}

const char *
err_prog(void)
{
	return prog;
}

static void
vmsg(const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);

	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	exit(code);
}

void
warnmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die(EXIT_TROUBLE, "out of memory (%zu bytes)", n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die(EXIT_TROUBLE, "out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die(EXIT_TROUBLE, "out of memory (%zu bytes)", n);
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void
usage_die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help'.\n", prog);
	exit(EXIT_TROUBLE);
}

void
getopt_fail(int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	int is_long = arg[0] == '-' && arg[1] == '-';

	if (c == ':' && is_long)
		usage_die("option '%s' needs a value", arg);
	if (c == ':')
		usage_die("option '-%c' needs a value", optopt);
	if (is_long && optopt)
		usage_die("option '%.*s' takes no value", (int)strcspn(arg, "="),
		    arg);
	if (is_long)
		usage_die("unknown option '%s'", arg);
	usage_die("unknown option '-%c'", optopt);
}

enum { OUT_BUF = 1 << 16, PIPE_SIZE = 1 << 20 };

static void
grow_pipe(int fd)
{
#ifdef F_SETPIPE_SZ
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode) &&
	    fcntl(fd, F_GETPIPE_SZ) < PIPE_SIZE)
		(void)fcntl(fd, F_SETPIPE_SZ, PIPE_SIZE);
#else
	(void)fd;
#endif
}

void
stdio_setup(void)
{
	static char out[OUT_BUF];

	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, out, _IOFBF, sizeof out);
	grow_pipe(STDIN_FILENO);
	grow_pipe(STDOUT_FILENO);
}

int
close_stdout(int status)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);

	if (fclose(stdout) != 0)
		bad = 1;
	if (bad) {
		if (errno == EPIPE)
			return status;
		warnmsg("write error on standard output:");
		return EXIT_TROUBLE;
	}
	return status;
}

long
parse_long_opt(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end != '\0' || v < min || v > max)
		usage_die("%s: invalid number '%s' (expected %ld..%ld)",
		    opt, s, min, max);
	return v;
}
