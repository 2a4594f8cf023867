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

/* Where this thread's messages go instead of stderr (err_divert). */
static _Thread_local void (*divert_to)(void *ctx, const char *s, size_t n);
static _Thread_local void *divert_ctx;

void
err_divert(void (*to)(void *ctx, const char *s, size_t n), void *ctx)
{
	divert_to = to;
	divert_ctx = ctx;
}

void
err_write(const char *s, size_t n, int divertable)
{
	if (divertable && divert_to)
		divert_to(divert_ctx, s, n);
	else
		fwrite(s, 1, n, stderr);
}

/*
 * "prog: message[: strerror]\n", made whole and written at once (so the
 * messages of threads never mix), to stderr or, when divertable, where
 * err_divert sends this thread's messages.
 */
static void
vmsg(int divertable, const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);
	const char *e = n > 0 && fmt[n - 1] == ':' ? strerror(saved) : NULL;
	char small[1024], *m = small;
	va_list count;
	int len;

	va_copy(count, ap);
	len = vsnprintf(NULL, 0, fmt, count);
	va_end(count);
	if (len < 0)
		len = 0;
	size_t pl = strlen(prog), el = e ? 1 + strlen(e) : 0;
	size_t total = pl + 2 + (size_t)len + el + 1;
	if (total + 1 > sizeof small && !(m = malloc(total + 1))) {
		m = small;	/* no room for it whole: the message is cut */
		total = sizeof small - 1;
	}
	size_t at = (size_t)snprintf(m, total + 1, "%s: ", prog);
	vsnprintf(m + at, total + 1 - at, fmt, ap);
	at += strlen(m + at);
	if (e)
		at += (size_t)snprintf(m + at, total + 1 - at, " %s", e);
	if (at > total - 1)
		at = total - 1;
	m[at++] = '\n';
	err_write(m, at, divertable);
	if (m != small)
		free(m);
}

void
die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
	exit(code);
}

void
warnmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(1, fmt, ap);
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
	vmsg(0, fmt, ap);
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

/* A count of threads, 1 to 64, else 0. */
static unsigned
parse_jobs(const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	return end == s || *end || errno || n < 1 || n > 64 ? 0 : (unsigned)n;
}

unsigned
jobs_option(const char *opt_arg, const char *env, unsigned most)
{
	const char *v;
	unsigned n;

	if (opt_arg) {
		if (!(n = parse_jobs(opt_arg)))
			usage_die("bad -j '%s' (want 1 to 64 threads)", opt_arg);
		return n;
	}
	if ((v = getenv(env)) && *v) {
		if (!(n = parse_jobs(v)))
			die(EXIT_TROUBLE, "bad %s '%s' (want 1 to 64 threads)", env, v);
		return n;
	}
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus < 1 ? 1 : (unsigned long)cpus > most ? most : (unsigned)cpus;
}
