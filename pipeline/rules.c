/*
 * rules — the rule-file parser: text in rules/NAME files → compiled rules.
 *
 * The language is documented in rules/README.md.  In short: a file is
 * directive lines ("word arguments"); a line that starts with blank space
 * continues the directive above it (its text appended without the
 * leading space, which lets a long pattern wrap); '#' at the start of a
 * line is a comment.  Every fault is reported as FILE:LINE: message and
 * nothing is half-loaded: the caller gets -1 and frees nothing twice.
 */
#include "rules_impl.h"
#include "rulecache.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "err.h"

void *
rules_grow(void *arrayp, size_t *n, size_t size)
{
	void **a = arrayp;
	char *p;

	*a = xrealloc(*a, (*n + 1) * size);
	p = (char *)*a + *n * size;
	memset(p, 0, size);
	(*n)++;
	return p;
}

/*
 * A name a pattern of the file may call as (?&NAME): a 'define' of the
 * file above the pattern, or a list of the lexicon (added when first
 * called).  group is its part of a pattern's (?(DEFINE)…) prelude.
 */
struct defn {
	char *name;
	char *group;		/* "(?<NAME>(?^FLAGS:BODY))" */
	unsigned line;		/* of its 'define'; 0: a lexicon list */
	size_t *calls;		/* the names its body calls (defs indexes) */
	size_t ncalls;
	int used;		/* called by a pattern (maybe through others) */
	int mark;		/* in the prelude being built */
};

/*
 * "common NAME": rule lines written once, which a rule pastes with "use
 * NAME".  Kept as text (each directive with its continuation lines
 * joined) and run again at each use, so that a use means exactly what
 * the lines written in its place would.
 */
struct common {
	char *name;
	unsigned line;		/* of its 'common' */
	char **text;		/* its directives */
	unsigned *at;		/* the line of each */
	size_t n;
	int used;
};

struct parser {
	struct ruleset *rs;
	const char *path;
	unsigned line;
	struct kind *kind;
	struct rule *rule;
	struct rules_error *err;
	int extending;		/* this file adds rules to a kind of another */
	int cols_seen;		/* this file's 'columns' line was read */
	size_t first_rule;	/* the kind's first rule from this file */
	uint32_t match_flags;	/* compile flags of the next match pattern */
	struct defn *defs;	/* names this file's patterns may call */
	size_t ndefs;
	struct common *commons;	/* this file's commons */
	size_t ncommons;
	struct common *open;	/* the common being written, or NULL */
	int stub_calls;		/* compile_src: called names as empty groups */
};

static int
fail(struct parser *ps, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int
fail(struct parser *ps, const char *fmt, ...)
{
	va_list ap;

	if (ps->line)
		snprintf(ps->err->where, sizeof ps->err->where, "%s:%u",
		    ps->path, ps->line);
	else
		snprintf(ps->err->where, sizeof ps->err->where, "%s", ps->path);
	va_start(ap, fmt);
	vsnprintf(ps->err->msg, sizeof ps->err->msg, fmt, ap);
	va_end(ap);
	return -1;
}

static void
lint(struct parser *ps, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
lint(struct parser *ps, unsigned line, const char *fmt, ...)
{
	struct lint *l = rules_grow(&ps->rs->lints, &ps->rs->nlints,
	    sizeof *l);
	struct buf b = {0};
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_puts(&b, msg);
	l->file = ps->rs->nfiles - 1;
	l->line = line;
	l->msg = b.data;
}

static const char *
skipws(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Copy the next blank-separated word of *s into a new string. */
static char *
word(const char **s)
{
	const char *p = skipws(*s), *e = p;

	while (*e && *e != ' ' && *e != '\t')
		e++;
	*s = e;
	return e > p ? xstrndup(p, (size_t)(e - p)) : NULL;
}

static int
col_index(const struct kind *k, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < k->ncols; i++)
		if (strlen(k->cols[i]) == len && memcmp(k->cols[i], name, len) == 0)
			return (int)i;
	return -1;
}

static int
field_arg(struct parser *ps, const char **s, int *col)
{
	char *w = word(s);

	if (!w)
		return fail(ps, "missing field name");
	*col = col_index(ps->kind, w, strlen(w));
	if (*col < 0) {
		fail(ps, "unknown field '%s' (kind %s has:", w, ps->kind->name);
		for (size_t i = 0; i < ps->kind->ncols; i++) {
			size_t l = strlen(ps->err->msg);
			snprintf(ps->err->msg + l, sizeof ps->err->msg - l, " %s",
			    ps->kind->cols[i]);
		}
		size_t l = strlen(ps->err->msg);
		snprintf(ps->err->msg + l, sizeof ps->err->msg - l, ")");
		free(w);
		return -1;
	}
	free(w);
	return 0;
}

static int
def_find(const struct parser *ps, const char *name, size_t len)
{
	for (size_t i = 0; i < ps->ndefs; i++)
		if (strlen(ps->defs[i].name) == len &&
		    memcmp(ps->defs[i].name, name, len) == 0)
			return (int)i;
	return -1;
}

static struct defn *
def_add(struct parser *ps, const char *name, size_t len, unsigned line)
{
	struct defn *d = rules_grow(&ps->defs, &ps->ndefs, sizeof *d);

	d->name = xstrndup(name, len);
	d->line = line;
	return d;
}

/*
 * The lexicon's list NAME as a name the file may call, or -1 when the
 * lexicon has no such list.  Its group is the alternation of its entries
 * in file order (what a pasted (?:e1|e2|…) would be, since a PCRE2 call
 * backtracks into the group), each entry's metacharacters escaped and
 * its spaces written [ ] so the group means the same under any flags;
 * (?^i: when the list is caseless, (?^: else, so the caller's flags do
 * not leak in.
 */
static int
list_def(struct parser *ps, const char *name, size_t len)
{
	char *n = xstrndup(name, len);
	const struct lex_list *l = lex_find(&ps->rs->lex, n);
	struct buf g = {0};
	struct defn *d;

	free(n);
	if (!l)
		return -1;
	buf_puts(&g, "(?<");
	buf_puts(&g, l->name);
	buf_puts(&g, l->flags & LEX_CASELESS ? ">(?^i:" : ">(?^:");
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			buf_putc(&g, '|');
		for (const char *c = l->word[i]; *c; c++) {
			unsigned char u = (unsigned char)*c;
			if (u == ' ')
				buf_puts(&g, "[ ]");
			else {
				if (u < 0x80 && !isalnum(u))
					buf_putc(&g, '\\');
				buf_putc(&g, *c);
			}
		}
	}
	buf_puts(&g, "))");
	d = def_add(ps, name, len, 0);
	d->group = g.data;
	return (int)(d - ps->defs);
}

/* Does src name a group NAME of its own ((?<NAME>, (?'NAME', (?P<NAME>)? */
static int
own_group(const char *src, size_t len, const char *name, size_t nl)
{
	static const char *const forms[] = { "(?<%.*s>", "(?'%.*s'",
		"(?P<%.*s>" };
	char pat[160];

	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		int n = snprintf(pat, sizeof pat, forms[i], (int)nl, name);
		if (n > 0 && (size_t)n < sizeof pat &&
		    memmem(src, len, pat, (size_t)n))
			return 1;
	}
	return 0;
}

/* The names a pattern calls, as indexes into ps->defs. */
struct calls {
	size_t *d;
	size_t n;
};

/*
 * Find the (?&NAME) calls of src (outside classes and escapes) and
 * resolve each: a define of the file above, else a list of the lexicon,
 * else a group of the pattern itself (left to PCRE2).  An unknown name
 * is an error.
 */
static int
scan_calls(struct parser *ps, const char *src, size_t len, struct calls *c)
{
	int inclass = 0;

	for (size_t i = 0; i < len; i++) {
		if (src[i] == '\\' && i + 1 < len) {
			i++;
			continue;
		}
		if (inclass) {
			inclass = src[i] != ']';
			continue;
		}
		if (src[i] == '[') {
			inclass = 1;
			if (i + 1 < len && src[i + 1] == '^')
				i++;
			if (i + 1 < len && src[i + 1] == ']')
				i++;
			continue;
		}
		if (src[i] != '(' || i + 2 >= len || src[i + 1] != '?')
			continue;
		if (src[i + 2] == '#') {
			while (i < len && src[i] != ')')
				i++;
			continue;
		}
		if (src[i + 2] != '&')
			continue;
		const char *name = src + i + 3;
		size_t nl = 0;
		while (i + 3 + nl < len && (isalnum((unsigned char)name[nl]) ||
		    name[nl] == '_'))
			nl++;
		if (nl == 0 || i + 3 + nl >= len || name[nl] != ')')
			continue;	/* not a call: PCRE2 will say */
		int d = def_find(ps, name, nl);
		if (d < 0 && own_group(src, len, name, nl))
			continue;
		if (d < 0 && (d = list_def(ps, name, nl)) >= 0 &&
		    ps->cols_seen && col_index(ps->kind, name, nl) >= 0)
			return fail(ps, "(?&%.*s): the lexicon list has the name "
			    "of a column of kind %s (rename the list)", (int)nl,
			    name, ps->kind->name);
		if (d < 0)
			return fail(ps, "unknown name (?&%.*s): no 'define' of it "
			    "above in this file and no list of it in %s", (int)nl,
			    name, ps->rs->lex.path ? ps->rs->lex.path :
			    "the lexicon (the rules folder has none)");
		size_t j;
		for (j = 0; j < c->n && c->d[j] != (size_t)d; j++)
			;
		if (j == c->n)
			*(size_t *)rules_grow(&c->d, &c->n, sizeof *c->d) =
			    (size_t)d;
	}
	return 0;
}

static void
def_mark(struct parser *ps, size_t d)
{
	if (ps->defs[d].mark)
		return;
	ps->defs[d].mark = 1;
	for (size_t j = 0; j < ps->defs[d].ncalls; j++)
		def_mark(ps, ps->defs[d].calls[j]);
}

/* A 64-bit hash of a pattern's flags and text, eight bytes a step. */
static uint64_t
code_hash(const char *src, size_t len, uint32_t flags)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ flags, w;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, src + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
		h ^= h >> 29;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)src[i]) * 0x100000001b3ULL;
	return h ^ len;
}

/* The rule set's code of src with flags, or NULL when it has none. */
static struct code *
code_find(const struct ruleset *rs, const char *src, size_t len,
    uint32_t flags, uint64_t h)
{
	struct code *c;

	if (!rs->ncodebuckets)
		return NULL;
	for (c = rs->codes[h & (rs->ncodebuckets - 1)]; c; c = c->next)
		if (c->hash == h && c->flags == flags && c->len == len &&
		    memcmp(c->src, src, len) == 0)
			return c;
	return NULL;
}

/* Add re, compiled from src with flags, to the rule set's codes. */
static struct code *
code_add(struct ruleset *rs, const char *src, size_t len, uint32_t flags,
    uint64_t h, pcre2_code *re)
{
	struct code *c = xcalloc(1, sizeof *c);

	if (rs->ncodes >= rs->ncodebuckets) {
		/* double the buckets (a power of two: the hash's low bits
		 * choose one) and move every chain's codes */
		size_t nb = rs->ncodebuckets ? 2 * rs->ncodebuckets : 256;
		struct code **b = xcalloc(nb, sizeof *b);
		for (size_t i = 0; i < rs->ncodebuckets; i++)
			for (struct code *x = rs->codes[i], *nx; x; x = nx) {
				nx = x->next;
				x->next = b[x->hash & (nb - 1)];
				b[x->hash & (nb - 1)] = x;
			}
		free(rs->codes);
		rs->codes = b;
		rs->ncodebuckets = nb;
	}
	c->re = re;
	c->flags = flags;
	c->len = len;
	c->src = xmalloc(len ? len : 1);
	memcpy(c->src, src, len);
	c->hash = h;
	c->id = rs->ncodes;
	c->next = rs->codes[h & (rs->ncodebuckets - 1)];
	rs->codes[h & (rs->ncodebuckets - 1)] = c;
	rs->ncodes++;
	return c;
}

/*
 * Compile src with the compile flags, followed by a (?(DEFINE)…) group
 * of the names it calls and the names they call (the "prelude", though
 * it comes last: a DEFINE group in front would cost the pattern PCRE2's
 * start bitmap, and so its quick scan for where a match can start; at
 * the end it leaves src's own group numbers as they are).  Under the x
 * flag a newline first, so a trailing # comment cannot swallow it.  The
 * defs in the prelude are left marked (the caller reads the name table,
 * then clears them with def_unmark).  Returns the code (the rule set's,
 * shared with every pattern of the same text and flags), or NULL after
 * fail() with the PCRE2 offset counted in src.
 */
static struct code *
compile_src(struct parser *ps, const char *src, size_t len, uint32_t flags)
{
	struct calls c = {0};
	struct buf pat = {0};
	struct code *co = NULL;
	pcre2_code *re = NULL;
	uint64_t h;
	int errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];
	size_t srclen = len;

	if (memmem(src, len, "(?&", 3) && scan_calls(ps, src, len, &c) != 0)
		goto out;
	if (c.n) {
		for (size_t i = 0; i < c.n; i++)
			def_mark(ps, c.d[i]);
		buf_append(&pat, src, len);
		buf_puts(&pat, flags & PCRE2_EXTENDED ? "\n(?(DEFINE)" :
		    "(?(DEFINE)");
		for (size_t i = 0; i < ps->ndefs; i++) {
			if (!ps->defs[i].mark)
				continue;
			if (ps->stub_calls) {
				buf_puts(&pat, "(?<");
				buf_puts(&pat, ps->defs[i].name);
				buf_puts(&pat, ">)");
			} else
				buf_puts(&pat, ps->defs[i].group);
		}
		buf_putc(&pat, ')');
		src = pat.data;
		len = pat.len;
	}
	flags |= PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
	h = code_hash(src, len, flags);
	if ((co = code_find(ps->rs, src, len, flags, h)) != NULL)
		goto out;
	if (ps->rs->cache &&
	    (re = rulecache_get(ps->rs->cache, src, len, flags)) != NULL) {
		co = code_add(ps->rs, src, len, flags, h, re);
		goto out;
	}
	re = pcre2_compile((PCRE2_SPTR)src, len, flags, &errcode, &erroff,
	    NULL);
	if (re && ps->rs->cache)
		rulecache_put(ps->rs->cache, src, len, flags, re);
	if (re)
		co = code_add(ps->rs, src, len, flags, h, re);
	else {
		pcre2_get_error_message(errcode, msg, sizeof msg);
		/* a group src leaves open is reported at the very end */
		if (erroff <= srclen ||
		    errcode == PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS)
			fail(ps, "bad pattern at offset %zu: %s",
			    erroff < srclen ? (size_t)erroff : srclen,
			    (char *)msg);
		else
			fail(ps, "bad pattern: in the names it calls: %s",
			    (char *)msg);
	}
out:
	free(c.d);
	buf_free(&pat);
	return co;
}

/* Clear the prelude's marks; when used, the names count as called. */
static void
def_unmark(struct parser *ps, int used)
{
	for (size_t i = 0; i < ps->ndefs; i++)
		if (ps->defs[i].mark) {
			ps->defs[i].mark = 0;
			ps->defs[i].used |= used;
		}
}

/*
 * Compile src as a pattern of the current kind: named groups must be
 * columns (or start with '_'); the groups of called names are private.
 */
static int
compile(struct parser *ps, const char *src, size_t len, uint32_t flags,
    struct pat *p)
{
	uint32_t count, esize, i;
	PCRE2_SPTR table;

	p->line = ps->line;
	p->file = ps->rs->files[ps->rs->nfiles - 1];
	p->code = compile_src(ps, src, len, flags | ps->match_flags);
	p->re = p->code ? p->code->re : NULL;
	if (p->re) {
		struct patsrc *ps_ = rules_grow(&ps->rs->srcs, &ps->rs->nsrcs,
		    sizeof *ps_);
		struct buf t = {0};
		buf_putc(&t, '/');
		buf_append(&t, src, len);
		buf_putc(&t, '/');
		if (flags & PCRE2_CASELESS) buf_putc(&t, 'i');
		if (flags & PCRE2_MULTILINE) buf_putc(&t, 'm');
		if (flags & PCRE2_DOTALL) buf_putc(&t, 's');
		if (flags & PCRE2_EXTENDED) buf_putc(&t, 'x');
		ps_->text = t.data;
		ps_->kind = (size_t)(ps->kind - ps->rs->kinds);
		ps_->file = ps->rs->nfiles - 1;
		ps_->line = ps->line;
	}
	if (!p->re) {
		def_unmark(ps, 0);
		return -1;
	}
	pcre2_pattern_info(p->re, PCRE2_INFO_CAPTURECOUNT, &count);
	p->ngroups = count;
	if (count > ps->rs->maxgroups)
		ps->rs->maxgroups = count;
	p->col = xmalloc((count + 1) * sizeof *p->col);
	for (i = 0; i <= count; i++)
		p->col[i] = -1;
	pcre2_pattern_info(p->re, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(p->re, PCRE2_INFO_NAMEENTRYSIZE, &esize);
	pcre2_pattern_info(p->re, PCRE2_INFO_NAMETABLE, &table);
	for (i = 0; i < count; i++) {
		const unsigned char *e = table + i * esize;
		unsigned g = (unsigned)(e[0] << 8 | e[1]);
		const char *name = (const char *)e + 2;
		int c, d;
		if (name[0] == '_')
			continue;
		d = def_find(ps, name, strlen(name));
		if (d >= 0 && ps->defs[d].mark)
			continue;
		c = col_index(ps->kind, name, strlen(name));
		if (c < 0) {
			def_unmark(ps, 0);
			return fail(ps, "group (?<%s>) is not a column of kind %s",
			    name, ps->kind->name);
		}
		p->col[g] = c;
	}
	def_unmark(ps, 1);
	return 0;
}

/*
 * Read "/regex/flags" at *s: the regex ends at the first '/' not escaped
 * by a backslash and not inside a [...] class.  Sets *src, *len and the
 * compile flags.
 */
static int
regex_scan(struct parser *ps, const char **s, const char **src, size_t *len,
    uint32_t *flags)
{
	const char *q = skipws(*s), *start;
	int inclass = 0;

	*flags = 0;
	if (*q != '/')
		return fail(ps, "expected /pattern/");
	start = ++q;
	for (; *q; q++) {
		if (*q == '\\' && q[1]) {
			q++;
			continue;
		}
		if (*q == '[' && !inclass)
			inclass = 1;
		else if (*q == ']' && inclass)
			inclass = 0;
		else if (*q == '/' && !inclass)
			break;
	}
	if (*q != '/')
		return fail(ps, "pattern has no closing /");
	*src = start;
	*len = (size_t)(q++ - start);
	for (; *q && *q != ' ' && *q != '\t'; q++) {
		switch (*q) {
		case 'i': *flags |= PCRE2_CASELESS; break;
		case 'm': *flags |= PCRE2_MULTILINE; break;
		case 's': *flags |= PCRE2_DOTALL; break;
		case 'x': *flags |= PCRE2_EXTENDED; break;
		default: return fail(ps, "unknown pattern flag '%c'", *q);
		}
	}
	*s = q;
	return 0;
}

/* Parse "/regex/flags" at *s; compile it. */
static int
regex_arg(struct parser *ps, const char **s, struct pat *p)
{
	const char *src;
	size_t len;
	uint32_t flags;

	if (regex_scan(ps, s, &src, &len, &flags) != 0)
		return -1;
	return compile(ps, src, len, flags, p);
}

/* The rest of a line after a slash argument may only be a comment. */
static int
line_end(struct parser *ps, const char *s)
{
	s = skipws(s);
	if (*s && *s != '#')
		return fail(ps, "unexpected text after pattern: %.40s", s);
	return 0;
}

static int
need_rule(struct parser *ps, const char *dir)
{
	if (!ps->kind)
		return fail(ps, "'%s' before 'kind' (missing kind)", dir);
	if (!ps->cols_seen)
		return fail(ps, "'%s' before 'columns'", dir);
	if (!ps->rule) {
		ps->rule = rules_grow(&ps->kind->rules, &ps->kind->nrules,
		    sizeof *ps->rule);
		ps->rule->line = ps->line;
		ps->rule->sections = SEC_ALL;
		ps->rule->in_item = -1;
		ps->rule->heading = 1;
		ps->rule->split_col = -1;
		ps->rule->line_col = -1;
		ps->rule->figure_col = -1;
		ps->rule->sentence_col = -1;
		ps->rule->tally_col = -1;
	}
	return 0;
}

static int
parse_scope(struct parser *ps, const char *s)
{
	struct rule *r = ps->rule;

	for (;;) {
		const char *k = skipws(s), *e = k;
		while (*e && *e != '=' && *e != '!' && *e != ' ' && *e != '\t')
			e++;
		if (e == k)
			break;
		if (*k == '#')
			break;
		size_t kl = (size_t)(e - k);
		int neg = *e == '!';
		if (neg)
			e++;
		if (*e != '=')
			return fail(ps, "scope: expected KEY=VALUE, found '%.*s'",
			    (int)kl, k);
		s = e + 1;
		/* title=/RE/, text=/RE/ and their != : patterns, all kept */
		int is_title = kl == 5 && memcmp(k, "title", 5) == 0;
		if (is_title || (kl == 4 && memcmp(k, "text", 4) == 0)) {
			struct pat **a = is_title ? (neg ? &r->notitles : &r->titles) :
			    (neg ? &r->notexts : &r->texts);
			size_t *na = is_title ? (neg ? &r->nnotitles : &r->ntitles) :
			    (neg ? &r->nnotexts : &r->ntexts);
			if (regex_arg(ps, &s, rules_grow(a, na, sizeof **a)) != 0)
				return -1;
			continue;
		}
		char *v = word(&s);
		if (!v)
			return fail(ps, "scope: empty value for '%.*s'", (int)kl, k);
		if (neg) {
			free(v);
			return fail(ps, "scope: only title and text may use !=");
		}
		if (kl == 7 && memcmp(k, "section", 7) == 0) {
			char *save, *t;
			r->sections = 0;
			for (t = strtok_r(v, ",", &save); t;
			    t = strtok_r(NULL, ",", &save)) {
				if (!strcmp(t, "minutes")) r->sections |= SEC_MINUTES;
				else if (!strcmp(t, "agenda")) r->sections |= SEC_AGENDA;
				else if (!strcmp(t, "report")) r->sections |= SEC_REPORT;
				else if (!strcmp(t, "other")) r->sections |= SEC_OTHER;
				else if (!strcmp(t, "any")) r->sections |= SEC_ALL;
				else {
					fail(ps, "scope: unknown section '%s' "
					    "(minutes, agenda, report, other, any)", t);
					free(v);
					return -1;
				}
			}
		} else if (kl == 4 && memcmp(k, "item", 4) == 0) {
			if (!strcmp(v, "yes")) r->in_item = 1;
			else if (!strcmp(v, "no")) r->in_item = 0;
			else if (!strcmp(v, "any")) r->in_item = -1;
			else {
				free(v);
				return fail(ps, "scope: item=yes, no or any");
			}
		} else {
			fail(ps, "scope: unknown key '%.*s' (section, item, title, "
			    "text)",
			    (int)kl, k);
			free(v);
			return -1;
		}
		free(v);
	}
	return 0;
}

/*
 * The literals LIT|LIT|… of s (blank space around each trimmed; none
 * empty) onto *a, *na; what: the directive, for errors.
 */
static int
parse_lits(struct parser *ps, const char *s, struct need **a, size_t *na,
    const char *what)
{
	const char *p = skipws(s);

	if (!*p)
		return fail(ps, "%s: no literal", what);
	while (*p) {
		const char *e = strchr(p, '|');
		if (!e)
			e = p + strlen(p);
		const char *a0 = p, *b = e;
		while (a0 < b && (*a0 == ' ' || *a0 == '\t'))
			a0++;
		while (b > a0 && (b[-1] == ' ' || b[-1] == '\t'))
			b--;
		if (b == a0)
			return fail(ps, "%s: empty literal", what);
		struct need *n = rules_grow(a, na, sizeof *n);
		n->lit = xstrndup(a0, (size_t)(b - a0));
		n->len = (size_t)(b - a0);
		n->id = ps->rs->nlits++;
		/* the rarest byte anchors the search (letters by English
		 * frequency, most common first; anything else is rarer) */
		{
			static const char freq[] = "etaoinshrdlcumwfgypbvkjxqz";
			int best = -1;
			for (size_t i = 0; i < n->len; i++) {
				unsigned char c = (unsigned char)n->lit[i];
				const char *f = strchr(freq, n->lit[i]);
				int rank = f && c ? (int)(f - freq) : 100;
				if (c == ' ')
					rank = -1;
				else if (c == 0xE2 || c == 0x80)
					rank = 30;	/* ’ “ ” – … all start E2 80 */
				else if (c >= 0x80)
					rank = c >= 0xC0 ? 50 : 60;
				if (rank > best) {
					best = rank;
					n->anchor = i;
				}
			}
		}
		for (size_t i = 0; i < n->len; i++)
			n->lit[i] = (char)tolower((unsigned char)n->lit[i]);
		p = *e ? e + 1 : e;
	}
	return 0;
}

static int
parse_need(struct parser *ps, const char *s)
{
	return parse_lits(ps, s, &ps->rule->need, &ps->rule->nneed, "need");
}

/* A define's name may not be a column of the file's kind: it is private. */
static int
def_col_clash(struct parser *ps, const struct defn *d)
{
	if (d->line && ps->cols_seen &&
	    col_index(ps->kind, d->name, strlen(d->name)) >= 0 &&
	    (ps->line = d->line) != 0)
		return fail(ps, "define %s: the name of a column of kind %s (a "
		    "defined name is private: rename it)", d->name,
		    ps->kind->name);
	return 0;
}

/*
 * define NAME /RE/flags: a sub-pattern the patterns below it in this file
 * call as (?&NAME).  Its group in a prelude is (?<NAME>(?^FLAGS:RE)), so
 * it keeps its own flags whatever the caller's; under x a newline ends
 * the body, so a trailing # comment cannot swallow the group's ')'.
 * The body is compiled once here, so a fault in it is reported at its
 * own line with an offset into it.
 */
static int
parse_define(struct parser *ps, const char *s)
{
	char *name = word(&s);
	const char *src;
	size_t len, di;
	uint32_t flags;
	struct buf g = {0};
	struct calls c = {0};
	const struct lex_list *l;
	struct code *co;
	int d, rc = 0;

	if (!name)
		return fail(ps, "define: missing name (define NAME /pattern/)");
	for (const char *p = name; !rc && *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_') ||
		    (p == name && isdigit((unsigned char)*p)))
			rc = fail(ps, "define %s: a name is letters, digits and _, "
			    "not starting with a digit", name);
	if (!rc && (d = def_find(ps, name, strlen(name))) >= 0 &&
	    ps->defs[d].line)
		rc = fail(ps, "define %s: defined twice (first at line %u)",
		    name, ps->defs[d].line);
	else if (!rc && (l = lex_find(&ps->rs->lex, name)) != NULL)
		rc = fail(ps, "define %s: defined twice (a list of %s:%d has "
		    "the name)", name, ps->rs->lex.path, l->line);
	if (!rc)
		rc = regex_scan(ps, &s, &src, &len, &flags);
	if (!rc)
		rc = line_end(ps, s);
	if (rc) {
		free(name);
		return -1;
	}
	buf_puts(&g, "(?<");
	buf_puts(&g, name);
	buf_puts(&g, ">(?^");
	if (flags & PCRE2_CASELESS)
		buf_putc(&g, 'i');
	if (flags & PCRE2_MULTILINE)
		buf_putc(&g, 'm');
	if (flags & PCRE2_DOTALL)
		buf_putc(&g, 's');
	if (flags & PCRE2_EXTENDED)
		buf_putc(&g, 'x');
	buf_putc(&g, ':');
	buf_append(&g, src, len);
	if (flags & PCRE2_EXTENDED)
		buf_putc(&g, '\n');
	buf_puts(&g, "))");
	di = (size_t)(def_add(ps, name, strlen(name), ps->line) - ps->defs);
	free(name);
	ps->defs[di].group = g.data;
	if ((rc = def_col_clash(ps, &ps->defs[di])) != 0)
		return rc;
	/* its calls: itself (a recursive define) and the names above */
	if (scan_calls(ps, src, len, &c) != 0)
		return -1;
	ps->defs[di].calls = c.d;
	ps->defs[di].ncalls = c.n;
	/*
	 * Only to find its faults, each pattern that calls it compiling it
	 * again: the names it calls (each checked at its own line) stand as
	 * empty groups, and no study.  A caseless list costs PCRE2 much.
	 */
	ps->stub_calls = 1;
	co = compile_src(ps, src, len, flags | PCRE2_NO_START_OPTIMIZE |
	    PCRE2_NO_AUTO_POSSESS);
	ps->stub_calls = 0;
	def_unmark(ps, 0);
	return co ? 0 : -1;
}

/* A copy of src sharing its code. */
static void
pat_copy(struct pat *dst, const struct pat *src)
{
	*dst = *src;
	dst->col = xmalloc((src->ngroups + 1) * sizeof *dst->col);
	memcpy(dst->col, src->col, (src->ngroups + 1) * sizeof *dst->col);
}

static struct pat *
pats_copy(const struct pat *src, size_t n)
{
	struct pat *p;

	if (!src)
		return NULL;
	p = xcalloc(n ? n : 1, sizeof *p);
	for (size_t i = 0; i < n; i++)
		pat_copy(&p[i], &src[i]);
	return p;
}

/*
 * "rule LABEL like OTHER": the new rule starts with the settings of the
 * kind's last rule labelled OTHER above it — its scope (section, item,
 * every title= and text= test), unit, heading, block patterns, need
 * literals and anchor — and none of its match, unless or record-making
 * lines (split, line, set, default, fallback, skip, within, tally, post,
 * figure, sentence, warn).  Lines of the new rule then add to these or
 * replace them as in any rule.
 */
static int
parse_like(struct parser *ps, const char *s)
{
	char *w = word(&s), *other;
	struct rule *r = ps->rule, *o = NULL;
	struct kind *k = ps->kind;
	int rc = 0;

	if (!w || *w == '#') {
		free(w);
		return 0;
	}
	if (strcmp(w, "like")) {
		free(w);
		return fail(ps, "rule LABEL [like OTHER]: unexpected '%.40s'", s);
	}
	free(w);
	if (!(other = word(&s)))
		return fail(ps, "rule %s like: missing the other rule's label",
		    r->label ? r->label : "");
	for (size_t i = 0; i + 1 < k->nrules; i++)
		if (k->rules[i].label && !strcmp(k->rules[i].label, other))
			o = &k->rules[i];
	if (!o)
		rc = fail(ps, "rule %s like %s: no rule %s above in kind %s",
		    r->label, other, other, k->name);
	free(other);
	if (rc || (rc = line_end(ps, s)) != 0)
		return rc;
	r->sections = o->sections;
	r->in_item = o->in_item;
	r->titles = pats_copy(o->titles, r->ntitles = o->ntitles);
	r->notitles = pats_copy(o->notitles, r->nnotitles = o->nnotitles);
	r->texts = pats_copy(o->texts, r->ntexts = o->ntexts);
	r->notexts = pats_copy(o->notexts, r->nnotexts = o->nnotexts);
	r->unit = o->unit;
	r->heading = o->heading;
	r->block_start = pats_copy(o->block_start, 1);
	r->block_end = pats_copy(o->block_end, 1);
	for (size_t i = 0; i < o->nneed; i++) {
		struct need *n = rules_grow(&r->need, &r->nneed, sizeof *n);
		*n = o->need[i];
		n->lit = xstrndup(o->need[i].lit, o->need[i].len);
		n->id = ps->rs->nlits++;
	}
	r->anchor = o->anchor;
	for (size_t i = 0; i < o->nalits; i++) {
		struct need *n = rules_grow(&r->alits, &r->nalits, sizeof *n);
		*n = o->alits[i];
		n->lit = xstrndup(o->alits[i].lit, o->alits[i].len);
		n->id = ps->rs->nlits++;
	}
	if (o->aclass) {
		r->aclass = xmalloc(256);
		memcpy(r->aclass, o->aclass, 256);
	}
	return 0;
}

/*
 * The engine's quick test before it compares a word with the list
 * abbreviation: the longest entry, and the first letters (lower-cased:
 * a superset when the list is not caseless, which the comparison then
 * settles).  A word before a stop is ASCII letters only.
 */
static void
abbr_index(struct ruleset *rs)
{
	const struct lex_list *a = rs->abbr;

	for (size_t i = 0; i < a->n; i++) {
		if (a->len[i] > rs->abbr_max)
			rs->abbr_max = a->len[i];
		rs->abbr_first[(unsigned char)a->word[i][0] | 0x20] = 1;
	}
}

static int
d_define(struct parser *ps, const char *dir, const char *s)
{
	int rc = 0;

	rc = parse_define(ps, s);
	return rc;
}

static int
d_kind(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	int rc = 0;

	char *name = word(&s);
	if (k) {
		rc = fail(ps, "second 'kind' in one file");
	} else if (!name) {
		rc = fail(ps, "kind: missing name");
	} else {
		/* A kind named again in another file gets more rules:
		 * the file must then repeat the same columns. */
		for (size_t i = 0; i < ps->rs->nkinds; i++)
			if (!strcmp(ps->rs->kinds[i].name, name)) {
				k = ps->kind = &ps->rs->kinds[i];
				ps->extending = 1;
				ps->first_rule = k->nrules;
				break;
			}
		for (const char *c = name; !rc && *c; c++)
			if (!(islower((unsigned char)*c) ||
			    isdigit((unsigned char)*c) || *c == '_' ||
			    *c == '-'))
				rc = fail(ps, "kind name '%s': use a-z 0-9 _ -",
				    name);
	}
	if (!rc && !ps->extending) {
		k = ps->kind = rules_grow(&ps->rs->kinds, &ps->rs->nkinds,
		    sizeof *k);
		k->name = name;
		name = NULL;
		k->file = xstrdup(ps->path);
		k->col_type = k->col_value = k->col_unit = -1;
	}
	free(name);
	return rc;
}

static int
d_columns(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	int rc = 0;

	char *w;
	if (!k)
		rc = fail(ps, "'columns' before 'kind' (missing kind)");
	else if (ps->cols_seen)
		rc = fail(ps, "second 'columns'");
	else if (ps->extending) {
		size_t n = 0;
		ps->cols_seen = 1;
		while (!rc && (w = word(&s)) != NULL) {
			if (n >= k->ncols || strcmp(w, k->cols[n]))
				rc = 1;
			n++;
			free(w);
		}
		if (rc || n != k->ncols) {
			fail(ps, "kind %s has other columns in %s (", k->name,
			    k->file);
			for (size_t i = 0; i < k->ncols; i++) {
				size_t l = strlen(ps->err->msg);
				snprintf(ps->err->msg + l, sizeof ps->err->msg - l,
				    "%s%s", i ? " " : "", k->cols[i]);
			}
			size_t l = strlen(ps->err->msg);
			snprintf(ps->err->msg + l, sizeof ps->err->msg - l, ")");
			rc = -1;
		}
	} else {
		ps->cols_seen = 1;
		while ((w = word(&s)) != NULL) {
			if (col_index(k, w, strlen(w)) >= 0) {
				rc = fail(ps, "column '%s' twice", w);
				free(w);
				break;
			}
			k->cols = xrealloc(k->cols,
			    (k->ncols + 1) * sizeof *k->cols);
			k->cols[k->ncols++] = w;
		}
		if (!rc && k->ncols == 0)
			rc = fail(ps, "columns: none named");
		if (!k->cols)
			k->cols = xmalloc(sizeof *k->cols);
		k->col_type = col_index(k, "type", 4);
		k->col_value = col_index(k, "value", 5);
		k->col_unit = col_index(k, "unit", 4);
		if (k->ncols > ps->rs->maxcols)
			ps->rs->maxcols = k->ncols;
	}
	for (size_t i = 0; !rc && i < ps->ndefs; i++)
		rc = def_col_clash(ps, &ps->defs[i]);
	return rc;
}

static int
d_marker(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	int rc = 0;

	if (!k || !ps->cols_seen)
		rc = fail(ps, "'marker' before 'kind' and 'columns'");
	else {
		struct warnre *w = rules_grow(&k->markers, &k->nmarkers,
		    sizeof *w);
		rc = regex_arg(ps, &s, &w->pat);
		if (!rc) {
			s = skipws(s);
			w->msg = xstrdup(s);
		}
	}
	return rc;
}

static int
d_rule(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	int rc = 0;

	if (!k || !ps->cols_seen)
		rc = fail(ps, "'rule' before 'kind' and 'columns'");
	else {
		ps->rule = NULL;
		rc = need_rule(ps, dir);
		if (!rc)
			ps->rule->label = word(&s);
		if (!rc)
			rc = parse_like(ps, s);
	}
	return rc;
}

static int
d_scope(struct parser *ps, const char *dir, const char *s)
{
	int rc = 0;

	rc = parse_scope(ps, s);
	return rc;
}

static int
d_unit(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	char *v = word(&s);
	if (v && !strcmp(v, "paragraph")) r->unit = UNIT_PARAGRAPH;
	else if (v && !strcmp(v, "item")) r->unit = UNIT_ITEM;
	else if (v && !strcmp(v, "block")) r->unit = UNIT_BLOCK;
	else rc = fail(ps, "unit: paragraph, item or block");
	free(v);
	return rc;
}

static int
d_heading(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	char *v = word(&s);
	if (v && !strcmp(v, "yes")) r->heading = 1;
	else if (v && !strcmp(v, "no")) r->heading = 0;
	else rc = fail(ps, "heading: yes or no");
	free(v);
	return rc;
}

static int
d_block(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	if (r->block_start)
		rc = fail(ps, "second 'block'");
	else {
		r->block_start = xcalloc(1, sizeof *r->block_start);
		rc = regex_arg(ps, &s, r->block_start);
		if (!rc && *skipws(s) == '/') {
			r->block_end = xcalloc(1, sizeof *r->block_end);
			rc = regex_arg(ps, &s, r->block_end);
		}
		if (!rc)
			rc = line_end(ps, s);
	}
	return rc;
}

static int
d_need(struct parser *ps, const char *dir, const char *s)
{
	int rc = 0;

	rc = parse_need(ps, s);
	return rc;
}

/*
 * "anchor literal /CLASS/ LIT|LIT…": the class as a table of bytes (each
 * ASCII byte that CLASS matches alone; every byte outside ASCII, which
 * may be part of a digit or letter PCRE2 knows), then the literals.
 */
static int
anchor_literal(struct parser *ps, const char *s)
{
	struct rule *r = ps->rule;
	const char *src;
	size_t len;
	uint32_t flags;
	int errcode;
	PCRE2_SIZE erroff;
	PCRE2_UCHAR msg[256];
	pcre2_code *re;
	pcre2_match_data *md;
	unsigned c;

	s = skipws(s);
	if (*s != '/')
		return fail(ps, "anchor literal: /CLASS/ LIT|LIT... expected");
	if (regex_scan(ps, &s, &src, &len, &flags) != 0)
		return -1;
	re = pcre2_compile((PCRE2_SPTR)src, len, flags | PCRE2_UTF | PCRE2_UCP,
	    &errcode, &erroff, NULL);
	if (!re) {
		pcre2_get_error_message(errcode, msg, sizeof msg);
		return fail(ps, "anchor literal: class: %s at offset %zu",
		    (const char *)msg, (size_t)erroff);
	}
	md = pcre2_match_data_create_from_pattern(re, NULL);
	free(r->aclass);
	r->aclass = xmalloc(256);
	for (c = 0; c < 256; c++) {
		unsigned char b = (unsigned char)c;
		r->aclass[c] = c >= 0x80 || pcre2_match(re, &b, 1, 0,
		    PCRE2_ANCHORED | PCRE2_ENDANCHORED, md, NULL) >= 0;
	}
	pcre2_match_data_free(md);
	pcre2_code_free(re);
	for (size_t i = 0; i < r->nalits; i++)
		free(r->alits[i].lit);
	r->nalits = 0;
	return parse_lits(ps, s, &r->alits, &r->nalits, "anchor literal");
}

static int
d_anchor(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	char *v = word(&s);
	if (r->nmatch)
		rc = fail(ps, "anchor: must come before the "
		    "rule's first 'match'");
	else if (v && !strcmp(v, "paragraph"))
		r->anchor = ANCHOR_PARAGRAPH;
	else if (v && !strcmp(v, "word"))
		r->anchor = ANCHOR_WORD;
	else if (v && !strcmp(v, "literal")) {
		r->anchor = ANCHOR_LITERAL;
		free(v);
		return anchor_literal(ps, s);
	} else
		rc = fail(ps, "anchor: paragraph, word or literal");
	free(v);
	if (!rc)
		rc = line_end(ps, s);
	return rc;
}

static int
d_match(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	struct rule *r = ps->rule;
	int rc = 0;

	struct pat *m = rules_grow(&r->match, &r->nmatch, sizeof *m);
	ps->match_flags = r->anchor != ANCHOR_ANY ?
	    PCRE2_USE_OFFSET_LIMIT : 0;
	rc = regex_arg(ps, &s, m);
	ps->match_flags = 0;
	if (!rc)
		rc = line_end(ps, s);
	k->npatterns++;
	return rc;
}

static int
d_unless(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	struct pat *p = rules_grow(&r->unless, &r->nunless,
	    sizeof *p);
	rc = regex_arg(ps, &s, p);
	if (!rc)
		rc = line_end(ps, s);
	return rc;
}

static int
d_split(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	char *on;
	if (r->split)
		rc = fail(ps, "second 'split' in one rule");
	else if ((rc = field_arg(ps, &s, &r->split_col)) == 0) {
		on = word(&s);
		if (!on || strcmp(on, "on"))
			rc = fail(ps, "split FIELD on /pattern/");
		free(on);
		if (!rc) {
			r->split = xcalloc(1, sizeof *r->split);
			rc = regex_arg(ps, &s, r->split);
		}
		if (!rc)
			rc = line_end(ps, s);
	}
	return rc;
}

static int
d_line(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	const char *p = skipws(s);
	if (!strncmp(p, "heading", 7) && !p[7])
		r->line_from = LINE_HEADING;
	else if (!strncmp(p, "match", 5) && !p[5])
		r->line_from = LINE_MATCH;
	else if ((rc = field_arg(ps, &s, &r->line_col)) == 0)
		r->line_from = LINE_FIELD;
	return rc;
}

static int
d_set(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0, col;

	if ((rc = field_arg(ps, &s, &col)) == 0) {
		const char *v = skipws(s), *w = NULL, *q;
		struct setv *sv = rules_grow(&r->sets, &r->nsets,
		    sizeof *sv);
		sv->col = col;
		sv->only_empty = dir[0] == 'd';
		sv->when_col = -1;
		/* "VALUE when FIELD /pattern/": the last " when " */
		for (q = v; (q = strstr(q, " when ")) != NULL; q++)
			w = q;
		if (w) {
			const char *c = w + 6;
			sv->val = xstrndup(v, (size_t)(w - v));
			sv->when = xcalloc(1, sizeof *sv->when);
			/* the item title may be tested too */
			const char *t = skipws(c);
			if (!strncmp(t, "title", 5) && (t[5] == ' ' ||
			    t[5] == '\t')) {
				sv->when_col = -2;
				c = t + 5;
				if ((rc = regex_arg(ps, &c, sv->when)) == 0)
					rc = line_end(ps, c);
			} else if ((rc = field_arg(ps, &c, &sv->when_col)) == 0 &&
			    (rc = regex_arg(ps, &c, sv->when)) == 0)
				rc = line_end(ps, c);
		} else {
			sv->val = xstrdup(v);
		}
	}
	return rc;
}

static int
d_fallback(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	struct rule *r = ps->rule;
	int rc = 0, col;

	if ((rc = field_arg(ps, &s, &col)) == 0) {
		struct fallback *f = rules_grow(&r->fallbacks,
		    &r->nfallbacks, sizeof *f);
		f->col = col;
		rc = regex_arg(ps, &s, &f->pat);
		if (!rc) {
			unsigned g, found = 0;
			for (g = 1; g <= f->pat.ngroups; g++)
				found |= f->pat.col[g] == col;
			if (!found)
				rc = fail(ps, "fallback: the pattern has "
				    "no group (?<%s>)", k->cols[col]);
		}
		/* "with NAME": only a match that contains the
		 * value of column or private group NAME */
		f->with_col = -1;
		if (!rc && !strncmp(skipws(s), "with", 4) &&
		    (skipws(s)[4] == ' ' || skipws(s)[4] == '\t')) {
			s = skipws(s) + 4;
			f->with = word(&s);
			if (!f->with)
				rc = fail(ps, "fallback: 'with' needs a name");
			else if (f->with[0] != '_' && (f->with_col =
			    col_index(k, f->with, strlen(f->with))) < 0)
				rc = fail(ps, "fallback: '%s' is neither a "
				    "column nor a private (?<_…>) group",
				    f->with);
		}
		/* "before": the last match that starts before
		 * the record's match (the motion moved before a
		 * vote), not the first in the item */
		if (!rc && !strncmp(skipws(s), "before", 6) &&
		    (skipws(s)[6] == '\0' || skipws(s)[6] == ' ' ||
		    skipws(s)[6] == '\t' || skipws(s)[6] == '#')) {
			s = skipws(s) + 6;
			f->before = 1;
		}
		if (!rc)
			rc = line_end(ps, s);
	}
	return rc;
}

static int
d_skip(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0, col;

	if ((rc = field_arg(ps, &s, &col)) == 0) {
		struct fallback *f = rules_grow(&r->skips, &r->nskips,
		    sizeof *f);
		f->col = col;
		rc = regex_arg(ps, &s, &f->pat);
		if (!rc)
			rc = line_end(ps, s);
	}
	return rc;
}

static int
d_within(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0, col;

	if ((rc = field_arg(ps, &s, &col)) == 0) {
		struct within *w = rules_grow(&r->withins,
		    &r->nwithins, sizeof *w);
		w->col = col;
		rc = regex_arg(ps, &s, &w->pat);
		if (!rc)
			rc = line_end(ps, s);
	}
	return rc;
}

static int
d_tally(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	struct rule *r = ps->rule;
	int rc = 0;

	/* tally FIELD COUNT=LIST …: ok / mismatch / empty */
	char *w;
	if (r->tally_col >= 0)
		rc = fail(ps, "second 'tally' in one rule");
	else if ((rc = field_arg(ps, &s, &r->tally_col)) == 0) {
		while (!rc && (w = word(&s)) != NULL) {
			char *eq = strchr(w, '=');
			struct tally *t;
			if (!eq || eq == w || !eq[1]) {
				rc = fail(ps, "tally: expected COUNT=LIST, "
				    "found '%s'", w);
				free(w);
				break;
			}
			t = rules_grow(&r->tallies, &r->ntallies,
			    sizeof *t);
			t->count_col = col_index(k, w, (size_t)(eq - w));
			t->list_col = col_index(k, eq + 1, strlen(eq + 1));
			if (t->count_col < 0 || t->list_col < 0)
				rc = fail(ps, "tally: '%s' names a field "
				    "kind %s lacks", w, k->name);
			free(w);
		}
		if (!rc && r->ntallies == 0)
			rc = fail(ps, "tally: no COUNT=LIST pair");
	}
	return rc;
}

/* Find the lists post … namelist reads (postproc.h), once. */
static int
namelist_words(struct parser *ps)
{
	struct postproc_words *w = &ps->rs->ppw;

	if (w->honour)
		return 0;
	w->honour = lex_find(&ps->rs->lex, "name_honour");
	w->title = lex_find(&ps->rs->lex, "name_title");
	if (w->honour && w->title)
		return 0;
	w->honour = NULL;
	return fail(ps, "post namelist: needs the lists name_honour and "
	    "name_title in %s", ps->rs->lex.path ? ps->rs->lex.path :
	    "the rules folder's lexicon (it has none)");
}

static int
d_post(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0, col;

	if ((rc = field_arg(ps, &s, &col)) == 0) {
		char *w;
		int any = 0;
		while (!rc && (w = word(&s)) != NULL) {
			enum postproc_op op = postproc_lookup(w);
			if (op == PP_NONE)
				rc = fail(ps, "post: unknown processor '%s' "
				    "(squeeze trim trimlist unquote lower "
				    "label number isodate oneline namelist "
				    "article)", w);
			else if (op == PP_NAMELIST && namelist_words(ps) != 0)
				rc = -1;
			else {
				struct fieldop *f = rules_grow(&r->post,
				    &r->npost, sizeof *f);
				f->col = col;
				f->op = op;
				any = 1;
			}
			free(w);
		}
		if (!rc && !any)
			rc = fail(ps, "post: no processor named");
	}
	return rc;
}

static int
d_figure(struct parser *ps, const char *dir, const char *s)
{
	struct kind *k = ps->kind;
	struct rule *r = ps->rule;
	int rc = 0;

	if ((rc = field_arg(ps, &s, &r->figure_col)) == 0 &&
	    (k->col_type < 0 || k->col_value < 0 || k->col_unit < 0))
		rc = fail(ps, "figure: kind %s needs columns type, "
		    "value and unit", k->name);
	return rc;
}

static int
d_sentence(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	rc = field_arg(ps, &s, &r->sentence_col);
	/* the words a full stop does not end a sentence after */
	if (!rc && !(ps->rs->abbr = lex_find(&ps->rs->lex,
	    "abbreviation")))
		rc = fail(ps, "sentence: needs the list abbreviation "
		    "in %s", ps->rs->lex.path ? ps->rs->lex.path :
		    "the rules folder's lexicon (it has none)");
	if (!rc)
		abbr_index(ps->rs);
	return rc;
}

static int
d_warn(struct parser *ps, const char *dir, const char *s)
{
	struct rule *r = ps->rule;
	int rc = 0;

	struct warnre *w = rules_grow(&r->warns, &r->nwarns,
	    sizeof *w);
	rc = regex_arg(ps, &s, &w->pat);
	if (!rc) {
		s = skipws(s);
		if (!*s)
			rc = fail(ps, "warn: missing message");
		else
			w->msg = xstrdup(s);
	}
	return rc;
}

static struct common *
common_find(struct parser *ps, const char *name)
{
	for (size_t i = 0; i < ps->ncommons; i++)
		if (!strcmp(ps->commons[i].name, name))
			return &ps->commons[i];
	return NULL;
}

/*
 * common NAME: the rule directives below it, up to the next directive of
 * another kind (rule, common, define, kind, columns, marker) or the end
 * of the file, are the common NAME; no rule is open after it.
 */
static int
d_common(struct parser *ps, const char *dir, const char *s)
{
	char *name = word(&s);
	const struct common *o;
	struct common *g;
	int rc = 0;

	ps->rule = NULL;
	if (!name)
		return fail(ps, "common: missing name (common NAME)");
	for (const char *p = name; !rc && *p; p++)
		if (!(isalnum((unsigned char)*p) || *p == '_' || *p == '-'))
			rc = fail(ps, "common %s: a name is letters, digits, _ "
			    "and -", name);
	if (!rc && (o = common_find(ps, name)) != NULL)
		rc = fail(ps, "common %s: named twice (first at line %u)", name,
		    o->line);
	if (!rc)
		rc = line_end(ps, s);
	if (rc) {
		free(name);
		return rc;
	}
	g = rules_grow(&ps->commons, &ps->ncommons, sizeof *g);
	g->name = name;
	g->line = ps->line;
	ps->open = g;
	return 0;
}

/* A directive of the open common: kept, to be run at each use. */
static int
common_add(struct parser *ps, const char *dir, const char *s,
    const char *text)
{
	struct common *g = ps->open;

	if (!strcmp(dir, "use")) {
		char *name = word(&s);
		const struct common *u = name ? common_find(ps, name) : NULL;
		int rc = 0;
		if (!u || u == g)
			rc = fail(ps, "use %s: no common %s above (common %s "
			    "may use only commons written before it)",
			    name ? name : "", name ? name : "", g->name);
		free(name);
		if (rc)
			return rc;
	}
	g->text = xrealloc(g->text, (g->n + 1) * sizeof *g->text);
	g->at = xrealloc(g->at, (g->n + 1) * sizeof *g->at);
	g->text[g->n] = xstrdup(text);
	g->at[g->n++] = ps->line;
	return 0;
}

static int directive(struct parser *ps, const char *text);

/*
 * use NAME: the lines of common NAME, run here as if written here; a
 * fault is reported at its line in the common, with the use's line.
 */
static int
d_use(struct parser *ps, const char *dir, const char *s)
{
	char *name = word(&s);
	const struct common *c = name ? common_find(ps, name) : NULL;
	size_t gi;
	unsigned at = ps->line;
	int rc = 0;

	if (!c) {
		rc = fail(ps, "use %s: no common %s above in this file",
		    name ? name : "", name ? name : "NAME");
		free(name);
		return rc;
	}
	gi = (size_t)(c - ps->commons);
	free(name);
	if ((rc = line_end(ps, s)) != 0)
		return rc;
	ps->commons[gi].used = 1;
	for (size_t i = 0; !rc && i < ps->commons[gi].n; i++) {
		ps->line = ps->commons[gi].at[i];
		if ((rc = directive(ps, ps->commons[gi].text[i])) != 0) {
			size_t l = strlen(ps->err->msg);
			snprintf(ps->err->msg + l, sizeof ps->err->msg - l,
			    " (common %s, used at line %u)",
			    ps->commons[gi].name, at);
		}
	}
	ps->line = at;
	return rc;
}

/*
 * The directives, as pcre2grep's option table: a name, its handler (given
 * the directive's word and the rest of its line) and whether it belongs
 * to a rule, so that the first such directive of a kind opens an unnamed
 * rule.  "set" and "default" share a handler, which tells them apart by
 * the word.
 */
static const struct directive_def {
	const char *name;
	int (*fn)(struct parser *ps, const char *dir, const char *s);
	int in_rule;
} directives[] = {
	{"define", d_define, 0},
	{"kind", d_kind, 0},
	{"columns", d_columns, 0},
	{"marker", d_marker, 0},
	{"rule", d_rule, 0},
	{"common", d_common, 0},
	{"scope", d_scope, 1},
	{"unit", d_unit, 1},
	{"heading", d_heading, 1},
	{"block", d_block, 1},
	{"need", d_need, 1},
	{"anchor", d_anchor, 1},
	{"match", d_match, 1},
	{"unless", d_unless, 1},
	{"split", d_split, 1},
	{"line", d_line, 1},
	{"set", d_set, 1},
	{"default", d_set, 1},
	{"fallback", d_fallback, 1},
	{"skip", d_skip, 1},
	{"within", d_within, 1},
	{"tally", d_tally, 1},
	{"post", d_post, 1},
	{"figure", d_figure, 1},
	{"sentence", d_sentence, 1},
	{"warn", d_warn, 1},
	{"use", d_use, 1},
	{NULL, NULL, 1},	/* unknown: "before kind" first, as a rule line */
};

static int
directive(struct parser *ps, const char *text)
{
	const char *s = text;
	char *dir = word(&s);
	const struct directive_def *d;
	int rc = 0;

	if (!dir)
		return 0;
	for (d = directives; d->name && strcmp(d->name, dir); d++)
		;
	if (ps->open && d->in_rule) {
		rc = d->name ? common_add(ps, dir, s, text) :
		    fail(ps, "unknown directive '%s'", dir);
		free(dir);
		return rc;
	}
	ps->open = NULL;
	if (d->in_rule)
		rc = need_rule(ps, dir);
	if (!rc)
		rc = d->name ? d->fn(ps, dir, s) :
		    fail(ps, "unknown directive '%s'", dir);
	free(dir);
	return rc;
}

static int
check_rule(struct parser *ps, struct rule *r)
{
	unsigned save = ps->line;

	ps->line = r->line;
	if (r->nmatch == 0)
		return fail(ps, "rule has no 'match'");
	if (r->unit == UNIT_BLOCK && !r->block_start)
		return fail(ps, "unit block needs a 'block /start/' line");
	if (r->unit != UNIT_BLOCK && r->block_start)
		return fail(ps, "'block' given but unit is not block");
	if ((r->anchor == ANCHOR_PARAGRAPH || r->anchor == ANCHOR_WORD) &&
	    r->nneed == 0)
		return fail(ps, "anchor needs a 'need' line");
	if (r->anchor == ANCHOR_PARAGRAPH && r->unit == UNIT_PARAGRAPH)
		return fail(ps, "anchor paragraph: the unit is a paragraph "
		    "already (use unit item or block)");
	ps->line = save;
	return 0;
}

static void
defs_free(struct parser *ps)
{
	for (size_t i = 0; i < ps->ndefs; i++) {
		free(ps->defs[i].name);
		free(ps->defs[i].group);
		free(ps->defs[i].calls);
	}
	free(ps->defs);
	ps->defs = NULL;
	ps->ndefs = 0;
}

static void
commons_free(struct parser *ps)
{
	for (size_t i = 0; i < ps->ncommons; i++) {
		for (size_t j = 0; j < ps->commons[i].n; j++)
			free(ps->commons[i].text[j]);
		free(ps->commons[i].text);
		free(ps->commons[i].at);
		free(ps->commons[i].name);
	}
	free(ps->commons);
}

int
rules_load_file(struct ruleset **rsp, const char *path,
    struct rules_error *err)
{
	struct parser ps = {0};
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	struct buf logical = {0};
	unsigned logical_line = 0, lineno = 0;
	int rc = 0;

	if (!*rsp)
		*rsp = xcalloc(1, sizeof **rsp);
	ps.rs = *rsp;
	ps.rs->files = xrealloc(ps.rs->files,
	    (ps.rs->nfiles + 1) * sizeof *ps.rs->files);
	ps.rs->files[ps.rs->nfiles++] = xstrdup(path);
	ps.path = path;
	ps.err = err;
	f = fopen(path, "r");
	if (!f) {
		snprintf(err->where, sizeof err->where, "%s", path);
		snprintf(err->msg, sizeof err->msg, "%s", strerror(errno));
		return -1;
	}
	for (;;) {
		n = getline(&line, &cap, f);
		if (n >= 0)
			lineno++;
		if (n > RULES_LINE_MAX) {
			size_t chars = 0;
			for (ssize_t i = 0; i < n; i++)
				chars += ((unsigned char)line[i] & 0xC0) != 0x80 &&
				    line[i] != '\n';
			if (chars > RULES_LINE_MAX)
				lint(&ps, lineno, "line of %zu characters (over "
				    "%d: wrap it, or name a part with define)", chars,
				    RULES_LINE_MAX);
		}
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' ||
		    line[n - 1] == ' ' || line[n - 1] == '\t'))
			line[--n] = '\0';
		/* A comment line inside a wrapped directive is skipped and
		 * does not end it. */
		if (n > 0 && *skipws(line) == '#' && logical.len > 0)
			continue;
		int cont = n > 0 && (line[0] == ' ' || line[0] == '\t') &&
		    logical.len > 0;
		if (n >= 0 && cont) {
			buf_puts(&logical, skipws(line));
			continue;
		}
		if (logical.len > 0) {
			ps.line = logical_line;
			if ((rc = directive(&ps, logical.data)) != 0)
				break;
			buf_reset(&logical);
		}
		if (n < 0)
			break;
		const char *t = skipws(line);
		if (*t == '#' || *t == '\0')
			continue;
		if (line[0] == ' ' || line[0] == '\t') {
			ps.line = lineno;
			rc = fail(&ps, "indented line continues nothing");
			break;
		}
		buf_puts(&logical, line);
		logical_line = lineno;
	}
	if (!rc && ferror(f)) {
		ps.line = 0;
		rc = fail(&ps, "read error: %s", strerror(errno));
	}
	fclose(f);
	free(line);
	buf_free(&logical);
	for (size_t i = 0; !rc && i < ps.ndefs; i++)
		if (ps.defs[i].line && !ps.defs[i].used)
			lint(&ps, ps.defs[i].line, "define %s is called by no "
			    "pattern", ps.defs[i].name);
	for (size_t i = 0; !rc && i < ps.ncommons; i++)
		if (!ps.commons[i].used)
			lint(&ps, ps.commons[i].line, "common %s is used by no "
			    "rule", ps.commons[i].name);
	defs_free(&ps);
	commons_free(&ps);
	if (rc)
		return -1;
	ps.line = 0;
	if (!ps.kind)
		return fail(&ps, "no 'kind' line (missing kind)");
	if (!ps.cols_seen)
		return fail(&ps, "no 'columns' line");
	if (ps.kind->nrules == ps.first_rule)
		return fail(&ps, "kind %s has no rule in this file", ps.kind->name);
	for (size_t i = ps.first_rule; i < ps.kind->nrules; i++)
		if (check_rule(&ps, &ps.kind->rules[i]) != 0)
			return -1;
	ps.kind->keep = 1;
	return 0;
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * DIR/lexicon into rs->lex when the folder has one: its lists are what
 * patterns call as (?&NAME).  A folder without it is fine (a call of a
 * list then fails as an unknown name).  The ruleset's own copy, not the
 * process's (lexicon_open), so a test's rules folder brings its own.
 */
static int
load_lexicon(struct ruleset *rs, const char *dir, struct rules_error *err)
{
	struct lex_error lerr;
	struct buf path = {0};
	struct stat st;
	int rc = 0;

	buf_puts(&path, dir);
	buf_puts(&path, "/lexicon");
	if (stat(path.data, &st) == 0 &&
	    lex_load(&rs->lex, path.data, &lerr) != 0) {
		snprintf(err->where, sizeof err->where, "%s", lerr.where);
		snprintf(err->msg, sizeof err->msg, "%s", lerr.msg);
		rc = -1;
	}
	buf_free(&path);
	return rc;
}

/* rules_cache: the folder of rule caches, or NULL for none. */
static const char *cache_dir;

void
rules_cache(const char *dir)
{
	cache_dir = dir && *dir ? dir : NULL;
}

int
rules_load_dir(const char *dir, struct ruleset **out, struct rules_error *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0;

	*out = NULL;
	if (!d) {
		snprintf(err->where, sizeof err->where, "%s", dir);
		snprintf(err->msg, sizeof err->msg, "%s", strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || (l > 3 && !strcmp(e->d_name + l - 3,
		    ".md")) || e->d_name[l - 1] == '~'
		    || !strcmp(e->d_name, "lexicon"))
			continue;
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmpstr);
	*out = xcalloc(1, sizeof **out);
	if (cache_dir)
		(*out)->cache = rulecache_open(cache_dir, dir);
	rc = load_lexicon(*out, dir, err);
	for (i = 0; i < n && !rc; i++) {
		struct buf path = {0};
		buf_puts(&path, dir);
		buf_putc(&path, '/');
		buf_puts(&path, names[i]);
		rc = rules_load_file(out, path.data, err);
		buf_free(&path);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (!rc && (*out)->nkinds == 0) {
		snprintf(err->where, sizeof err->where, "%s", dir);
		snprintf(err->msg, sizeof err->msg, "no rule files");
		rc = -1;
	}
	rulecache_close((*out)->cache, rc == 0);
	(*out)->cache = NULL;
	if (rc) {
		rules_free(*out);
		*out = NULL;
	}
	return rc;
}

/*
 * The kind a user's word names: the kind itself in any case, or its
 * plural ("Resolutions", "votes", "attendances").  The one place where
 * kind names are read loosely: the scripts ask minutes-extract
 * --list-kinds -k WORD.  Returns the kind's index, or nkinds.
 */
static size_t
kind_named(const struct ruleset *rs, const char *word)
{
	size_t n = strlen(word), i, m;

	for (int strip = 0; strip <= 2; strip++) {
		if (strip && !(n > (size_t)strip && tolower((unsigned char)
		    word[n - 1]) == 's'))
			break;
		if (strip == 2 && tolower((unsigned char)word[n - 2]) != 'e')
			break;
		m = n - (size_t)strip;
		for (i = 0; i < rs->nkinds; i++)
			if (strlen(rs->kinds[i].name) == m
			    && !strncasecmp(rs->kinds[i].name, word, m))
				return i;
	}
	return rs->nkinds;
}

int
rules_keep(struct ruleset *rs, const char *list, struct rules_error *err)
{
	char *copy = xstrdup(list), *save, *t;
	size_t i, n;
	int rc = 0, any = 0;

	if (!rs->filtered) {
		for (i = 0; i < rs->nkinds; i++)
			rs->kinds[i].keep = 0;
		rs->filtered = 1;
	}
	err->where[0] = '\0';
	for (t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
		any = 1;
		i = kind_named(rs, t);
		if (i == rs->nkinds) {
			n = (size_t)snprintf(err->msg, sizeof err->msg,
			    "unknown kind '%s' (kinds:", t);
			for (i = 0; i < rs->nkinds && n < sizeof err->msg; i++)
				n += (size_t)snprintf(err->msg + n,
				    sizeof err->msg - n, "%s %s", i ? "," : "",
				    rs->kinds[i].name);
			if (n < sizeof err->msg)
				snprintf(err->msg + n, sizeof err->msg - n, ")");
			rc = -1;
			break;
		}
		rs->kinds[i].keep = 1;
	}
	if (!any && !rc) {
		snprintf(err->msg, sizeof err->msg, "no kind named in '%s'",
		    list);
		rc = -1;
	}
	free(copy);
	return rc;
}

void
rules_list_kinds(const struct ruleset *rs, FILE *out)
{
	for (size_t i = 0; i < rs->nkinds; i++)
		if (rs->kinds[i].keep)
			fprintf(out, "%s\n", rs->kinds[i].name);
}

static int
lint_cmp(const void *a, const void *b)
{
	const struct lint *x = a, *y = b;

	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

size_t
rules_lint(struct ruleset *rs, void (*fn)(void *ctx, const char *where,
    const char *msg), void *ctx)
{
	char where[512];
	size_t i, j;

	for (i = 0; i < rs->nsrcs; i++)
		for (j = 0; j < i; j++)
			if (rs->srcs[j].kind == rs->srcs[i].kind &&
			    !strcmp(rs->srcs[j].text, rs->srcs[i].text) &&
			    (rs->srcs[j].file != rs->srcs[i].file ||
			    rs->srcs[j].line != rs->srcs[i].line)) {
				struct lint *l = rules_grow(&rs->lints, &rs->nlints,
				    sizeof *l);
				struct buf b = {0};
				snprintf(where, sizeof where, "%s:%u",
				    rs->files[rs->srcs[j].file], rs->srcs[j].line);
				buf_puts(&b, "the same pattern as ");
				buf_puts(&b, where);
				buf_puts(&b, " (name it once with define, or use "
				    "rule … like …)");
				l->file = rs->srcs[i].file;
				l->line = rs->srcs[i].line;
				l->msg = b.data;
				break;
			}
	if (rs->nlints)	/* qsort's array must not be NULL, even for none */
		qsort(rs->lints, rs->nlints, sizeof *rs->lints, lint_cmp);
	for (i = 0; i < rs->nlints; i++) {
		snprintf(where, sizeof where, "%s:%u", rs->files[rs->lints[i].file],
		    rs->lints[i].line);
		fn(ctx, where, rs->lints[i].msg);
	}
	return rs->nlints;
}

size_t
rules_kind_count(const struct ruleset *rs)
{
	return rs ? rs->nkinds : 0;
}

struct recw *
rules_writer(struct ruleset *rs, enum rec_format fmt, FILE *out)
{
	free(rs->reckinds);
	rs->reckinds = xcalloc(rs->nkinds ? rs->nkinds : 1,
	    sizeof *rs->reckinds);
	for (size_t i = 0; i < rs->nkinds; i++) {
		rs->reckinds[i].name = rs->kinds[i].name;
		rs->reckinds[i].cols = rs->kinds[i].cols;
		rs->reckinds[i].ncols = rs->kinds[i].ncols;
		rs->reckinds[i].keep = rs->kinds[i].keep;
	}
	return recw_new(fmt, out, rs->reckinds, rs->nkinds);
}

/* Its code is the rule set's (rules_free frees it). */
static void
pat_free(struct pat *p)
{
	if (!p)
		return;
	free(p->col);
}

static void
pats_free(struct pat *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		pat_free(&p[i]);
	free(p);
}

void
rules_free(struct ruleset *rs)
{
	size_t i, j, m;

	if (!rs)
		return;
	for (i = 0; i < rs->nkinds; i++) {
		struct kind *k = &rs->kinds[i];
		for (j = 0; j < k->nrules; j++) {
			struct rule *r = &k->rules[j];
			free(r->label);
			pats_free(r->titles, r->ntitles);
			pats_free(r->notitles, r->nnotitles);
			pats_free(r->texts, r->ntexts);
			pats_free(r->notexts, r->nnotexts);
			pats_free(r->block_start, r->block_start ? 1 : 0);
			pats_free(r->block_end, r->block_end ? 1 : 0);
			pats_free(r->match, r->nmatch);
			pats_free(r->unless, r->nunless);
			pats_free(r->split, r->split ? 1 : 0);
			for (m = 0; m < r->nneed; m++)
				free(r->need[m].lit);
			free(r->need);
			for (m = 0; m < r->nalits; m++)
				free(r->alits[m].lit);
			free(r->alits);
			free(r->aclass);
			for (m = 0; m < r->nsets; m++) {
				free(r->sets[m].val);
				pats_free(r->sets[m].when, r->sets[m].when ? 1 : 0);
			}
			free(r->sets);
			for (m = 0; m < r->nfallbacks; m++) {
				pat_free(&r->fallbacks[m].pat);
				free(r->fallbacks[m].with);
			}
			for (m = 0; m < r->nwithins; m++)
				pat_free(&r->withins[m].pat);
			free(r->withins);
			free(r->tallies);
			free(r->fallbacks);
			for (m = 0; m < r->nskips; m++)
				pat_free(&r->skips[m].pat);
			free(r->skips);
			free(r->post);
			for (m = 0; m < r->nwarns; m++) {
				pat_free(&r->warns[m].pat);
				free(r->warns[m].msg);
			}
			free(r->warns);
		}
		free(k->rules);
		for (m = 0; m < k->nmarkers; m++) {
			pat_free(&k->markers[m].pat);
			free(k->markers[m].msg);
		}
		free(k->markers);
		for (m = 0; m < k->ncols; m++)
			free(k->cols[m]);
		free(k->cols);
		free(k->name);
		free(k->file);
	}
	free(rs->kinds);
	for (i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->files);
	free(rs->reckinds);
	lex_free(&rs->lex);
	for (i = 0; i < rs->nlints; i++)
		free(rs->lints[i].msg);
	free(rs->lints);
	for (i = 0; i < rs->nsrcs; i++)
		free(rs->srcs[i].text);
	free(rs->srcs);
	for (i = 0; i < rs->ncodebuckets; i++)
		for (struct code *c = rs->codes[i], *nc; c; c = nc) {
			nc = c->next;
			pcre2_code_free(c->re);
			free(c->src);
			free(c);
		}
	free(rs->codes);
	free(rs);
}
