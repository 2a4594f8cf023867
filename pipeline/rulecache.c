/*
 * rulecache — compiled rule patterns kept on disk between runs
 * (rulecache.h says why and what is promised).
 *
 * The file, in the byte order of the machine that wrote it:
 *   "minutes-mine rule cache 1\n"
 *   the program's version, a space, PCRE2's version, "\n"
 *   u64 n; n times { u32 flags, u64 len, len bytes of pattern text }
 *   u64 size; size bytes of pcre2_serialize_encode of the n codes
 *   u64 hash (fnv below) of every byte before it
 */
#include "rulecache.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "version.h"

#define MAGIC "minutes-mine rule cache 1\n"
#define MAXFILE (256u << 20)	/* a larger file is not ours */

struct entry {
	uint32_t flags;
	size_t len;
	const char *src;
	uint64_t hash;
	pcre2_code *code;	/* decoded, until handed out */
	pcre2_code *use;	/* the cache's copy of what the run compiled
				 * or took, to be written */
	int decoded;		/* use came from the file */
	char *own;		/* src when the cache copied it, or NULL
				 * (src is the file's own text) */
};

struct rulecache {
	char *path;		/* the file */
	char *data;		/* its bytes, which old[].src point into */
	struct entry *old;	/* the file's entries */
	size_t nold, next;
	struct entry *now;	/* this run's patterns, in order */
	size_t nnow;
	size_t nowcap;
	int stale;		/* the file must be written again */
	int compiled;		/* this run compiled a pattern */
};

/* A 64-bit hash, eight bytes a step (the file is half a megabyte). */
static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ s[i]) * 0x100000001b3ULL;
	return h;
}

#define FNV0 0xcbf29ce484222325ULL

static uint64_t
entry_hash(const char *src, size_t len, uint32_t flags)
{
	return fnv(fnv(FNV0, &flags, sizeof flags), src, len);
}

/* The second line of the file: what must match for its codes to serve. */
static void
stamp(struct buf *b)
{
	char v[64] = "";

	pcre2_config(PCRE2_CONFIG_VERSION, v);
	buf_puts(b, MM_VERSION " ");
	buf_puts(b, v);
	buf_putc(b, '\n');
}

/* A reader of the file's bytes that fails once past the end. */
struct rd {
	const char *p, *end;
	int bad;
};

static const char *
take(struct rd *r, size_t n)
{
	const char *p = r->p;

	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return NULL;
	}
	r->p += n;
	return p;
}

static uint64_t
take64(struct rd *r)
{
	uint64_t v = 0;
	const char *p = take(r, sizeof v);

	if (p)
		memcpy(&v, p, sizeof v);
	return v;
}

/* Read and check the file; on any fault leave the cache empty. */
static void
load(struct rulecache *c)
{
	struct buf st = {0};
	struct stat sb;
	struct rd r;
	const char *ser;
	uint64_t n, size, sum;
	pcre2_code **codes = NULL;
	size_t len;
	int fd = open(c->path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    sb.st_size < 8 || (uint64_t)sb.st_size > MAXFILE)
		goto out;
	len = (size_t)sb.st_size;
	c->data = xmalloc(len);
	for (size_t got = 0; got < len; ) {
		ssize_t k = read(fd, c->data + got, len - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			goto out;
		got += (size_t)k;
	}
	memcpy(&sum, c->data + len - 8, 8);
	if (fnv(FNV0, c->data, len - 8) != sum)
		goto out;
	r.p = c->data;
	r.end = c->data + len - 8;
	r.bad = 0;
	stamp(&st);
	if (strlen(MAGIC) + st.len > len ||
	    memcmp(take(&r, strlen(MAGIC)), MAGIC, strlen(MAGIC)) != 0 ||
	    memcmp(take(&r, st.len), st.data, st.len) != 0)
		goto out;
	n = take64(&r);
	if (r.bad || n > len / 12)
		goto out;
	c->old = xcalloc(n ? n : 1, sizeof *c->old);
	for (size_t i = 0; i < n && !r.bad; i++) {
		struct entry *e = &c->old[i];
		const char *f = take(&r, sizeof e->flags);
		if (f)
			memcpy(&e->flags, f, sizeof e->flags);
		e->len = take64(&r);
		e->src = take(&r, e->len);
		if (e->src)
			e->hash = entry_hash(e->src, e->len, e->flags);
	}
	size = take64(&r);
	ser = take(&r, size);
	if (r.bad || r.p != r.end || n == 0 ||
	    pcre2_serialize_get_number_of_codes((PCRE2_SPTR)ser) != (int32_t)n)
		goto out;
	codes = xcalloc(n, sizeof *codes);
	if (pcre2_serialize_decode(codes, (int32_t)n, (PCRE2_SPTR)ser, NULL)
	    != (int32_t)n)
		goto out;
	for (size_t i = 0; i < n; i++)
		c->old[i].code = codes[i];
	c->nold = n;
out:
	if (!c->nold) {
		free(c->old);
		c->old = NULL;
	}
	free(codes);
	buf_free(&st);
	close(fd);
}

struct rulecache *
rulecache_open(const char *dir, const char *rules_dir)
{
	struct rulecache *c = xcalloc(1, sizeof *c);
	char real[PATH_MAX];
	const char *key = realpath(rules_dir, real) ? real : rules_dir;
	struct buf p = {0};
	char name[40];

	/* one file a rules folder, so that two rule sets do not take turns */
	snprintf(name, sizeof name, "/rules-%016llx.pcre2",
	    (unsigned long long)fnv(FNV0, key, strlen(key)));
	buf_puts(&p, dir);
	buf_puts(&p, name);
	c->path = p.data;
	load(c);
	return c;
}

/* The file's entry for src and flags that is not yet handed out. */
static struct entry *
find(struct rulecache *c, const char *src, size_t len, uint32_t flags)
{
	uint64_t h = entry_hash(src, len, flags);

	for (size_t k = 0; k < c->nold; k++) {
		/* the rules mostly come in the order they were written */
		struct entry *e = &c->old[(c->next + k) % c->nold];
		if (e->code && e->hash == h && e->flags == flags &&
		    e->len == len && memcmp(e->src, src, len) == 0) {
			c->next = (size_t)(e - c->old) + 1;
			return e;
		}
	}
	return NULL;
}

/* Add this run's next pattern: src is the file's text when decoded is
 * set (kept until rulecache_close), else the caller's, copied. */
static void
note(struct rulecache *c, const char *src, size_t len, uint32_t flags,
    pcre2_code *re, int decoded)
{
	struct entry *e;

	if (c->nnow == c->nowcap) {
		c->nowcap = c->nowcap ? c->nowcap * 2 : 256;
		c->now = xrealloc(c->now, c->nowcap * sizeof *c->now);
	}
	e = &c->now[c->nnow++];
	e->own = NULL;
	if (!decoded) {
		e->own = xmalloc(len ? len : 1);
		memcpy(e->own, src, len);
		src = e->own;
	}
	e->src = src;
	e->flags = flags;
	e->len = len;
	e->use = re;
	e->decoded = decoded;
}

pcre2_code *
rulecache_get(struct rulecache *c, const char *src, size_t len,
    uint32_t flags)
{
	struct entry *e = find(c, src, len, flags);
	pcre2_code *re;

	if (!e)
		return NULL;
	/* the caller owns what it gets (and may free it at once: a define's
	 * check); the cache keeps the original to write */
	if ((re = pcre2_code_copy(e->code)) == NULL)
		die(EXIT_TROUBLE, "out of memory");
	note(c, e->src, len, flags, e->code, 1);
	e->code = NULL;
	return re;
}

void
rulecache_put(struct rulecache *c, const char *src, size_t len,
    uint32_t flags, const pcre2_code *re)
{
	pcre2_code *copy = pcre2_code_copy(re);

	if (!copy)
		die(EXIT_TROUBLE, "out of memory");
	c->stale = c->compiled = 1;
	note(c, src, len, flags, copy, 0);
}

/* Write the file: all of it to a temporary name, then rename. */
static void
save(struct rulecache *c)
{
	const pcre2_code **codes = xcalloc(c->nnow, sizeof *codes);
	uint8_t *ser = NULL;
	PCRE2_SIZE size = 0;
	struct buf b = {0}, tmp = {0};
	uint64_t v;
	int fd, wrote = 0;

	/*
	 * One set of character tables for all the codes written: the codes
	 * taken from the file share the tables decoded with them, the ones
	 * compiled now PCRE2's built-in ones; so when the run has both, the
	 * taken ones are compiled again (only when the rules changed).
	 */
	for (size_t i = 0; i < c->nnow; i++) {
		struct entry *e = &c->now[i];
		if (e->decoded && c->compiled) {
			int ec;
			PCRE2_SIZE eo;
			pcre2_code *re = pcre2_compile((PCRE2_SPTR)e->src,
			    e->len, e->flags, &ec, &eo, NULL);
			if (!re)
				goto out;
			pcre2_code_free(e->use);
			e->use = re;
			e->decoded = 0;
		}
		codes[i] = e->use;
	}
	if (pcre2_serialize_encode(codes, (int32_t)c->nnow, &ser, &size,
	    NULL) < 0)
		goto out;
	buf_puts(&b, MAGIC);
	stamp(&b);
	v = c->nnow;
	buf_append(&b, (const char *)&v, sizeof v);
	for (size_t i = 0; i < c->nnow; i++) {
		buf_append(&b, (const char *)&c->now[i].flags,
		    sizeof c->now[i].flags);
		v = c->now[i].len;
		buf_append(&b, (const char *)&v, sizeof v);
		buf_append(&b, c->now[i].src, c->now[i].len);
	}
	v = size;
	buf_append(&b, (const char *)&v, sizeof v);
	buf_append(&b, (const char *)ser, size);
	v = fnv(FNV0, b.data, b.len);
	buf_append(&b, (const char *)&v, sizeof v);
	buf_puts(&tmp, c->path);
	buf_puts(&tmp, ".XXXXXX");
	if ((fd = mkstemp(tmp.data)) < 0)
		goto out;
	for (size_t done = 0; done < b.len; ) {
		ssize_t k = write(fd, b.data + done, b.len - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			done = 0;
			break;
		}
		done += (size_t)k;
		if (done == b.len)
			wrote = 1;
	}
	if (close(fd) != 0 || !wrote || rename(tmp.data, c->path) != 0)
		unlink(tmp.data);
out:
	pcre2_serialize_free(ser);
	free(codes);
	buf_free(&b);
	buf_free(&tmp);
}

void
rulecache_close(struct rulecache *c, int loaded)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->nold; i++)
		if (c->old[i].code) {
			c->stale = 1;	/* an entry no rule has now */
			pcre2_code_free(c->old[i].code);
		}
	if (loaded && (c->stale || c->nnow != c->nold) && c->nnow)
		save(c);
	for (size_t i = 0; i < c->nnow; i++) {
		pcre2_code_free(c->now[i].use);
		free(c->now[i].own);
	}
	free(c->old);
	free(c->now);
	free(c->data);
	free(c->path);
	free(c);
}
