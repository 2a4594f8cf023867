/*
 * lexicon — named word lists read from rules/lexicon (lexicon.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "lexicon.h"

static int
lex_fail(struct lex_error *err, const char *path, int line, const char *msg)
{
	if (line > 0)
		snprintf(err->where, sizeof err->where, "%s:%d", path, line);
	else
		snprintf(err->where, sizeof err->where, "%s", path);
	snprintf(err->msg, sizeof err->msg, "%s", msg);
	return -1;
}

static int
name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')
		    || s[i] == '_'))
			return 0;
	return 1;
}

/* Entry text: blanks at both ends dropped, inner runs made one space. */
static char *
entry_text(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;
	size_t i;
	int space = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			space = 1;
			continue;
		}
		if (space && o > out)
			*o++ = ' ';
		space = 0;
		*o++ = s[i];
	}
	*o = '\0';
	return out;
}

/*
 * The lines of a list as written, before its includes are resolved: an
 * entry, or "@NAME [without E1, E2, …]" (word is NAME, without the
 * entries to leave out).
 */
struct item {
	char *word;
	char **without;
	size_t nwithout;
	size_t list;		/* an include: the index of list NAME */
	int include;
	int line;
};

struct pending {
	struct item *item;
	size_t n, cap;
	int state;		/* 0 not resolved, 1 resolving, 2 done */
};

static void
item_add(struct pending *pl, char *word, int include, int line)
{
	struct item *it;

	if (pl->n == pl->cap) {
		pl->cap = pl->cap ? 2 * pl->cap : 16;
		pl->item = xrealloc(pl->item, pl->cap * sizeof *pl->item);
	}
	it = &pl->item[pl->n++];
	memset(it, 0, sizeof *it);
	it->word = word;
	it->include = include;
	it->line = line;
}

/*
 * Parse "@NAME [without E1, E2, …]" (s at the @) into a new item of pl.
 * Returns 0, or -1 with msg.
 */
static int
include_line(struct pending *pl, const char *s, int lineno, const char **msg)
{
	const char *p = ++s;
	struct item *it;

	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (!name_ok(s, (size_t)(p - s))) {
		*msg = "@ names a list: @NAME [without ENTRY, ENTRY, …]";
		return -1;
	}
	item_add(pl, xstrndup(s, (size_t)(p - s)), 1, lineno);
	it = &pl->item[pl->n - 1];
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return 0;
	if (strncmp(p, "without", 7) || (p[7] != ' ' && p[7] != '\t')) {
		*msg = "after @NAME only \"without ENTRY, ENTRY, …\"";
		return -1;
	}
	for (p += 7;;) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *w = entry_text(p, n);

		if (*w == '\0') {
			free(w);
			*msg = "an empty entry after \"without\"";
			return -1;
		}
		it->without = xrealloc(it->without,
		    (it->nwithout + 1) * sizeof *it->without);
		it->without[it->nwithout++] = w;
		if (!e)
			return 0;
		p = e + 1;
	}
}

static int
same_entry(const struct lex_list *l, const char *a, const char *b)
{
	return l->flags & LEX_CASELESS ? !strcasecmp(a, b) : !strcmp(a, b);
}

/* Is entry e of b one that item it leaves out ("without"), read as l reads? */
static int
left_out(const struct lex_list *l, const struct item *it, const char *e)
{
	for (size_t w = 0; w < it->nwithout; w++)
		if (same_entry(l, e, it->without[w]))
			return 1;
	return 0;
}

/*
 * Fill list i's entries from its items: first resolve the lists it
 * includes, then copy, in order, its own entries (moved from the items)
 * and each included list's entries less those named after "without",
 * read with list i's flag.  Returns 0, or -1 with err.
 */
static int
resolve(struct lexicon *lx, struct pending *pend, size_t i,
    struct lex_error *err)
{
	struct lex_list *l = &lx->list[i];
	size_t most = 0;
	char msg[256];

	if (pend[i].state == 2)
		return 0;
	pend[i].state = 1;
	for (size_t k = 0; k < pend[i].n; k++) {
		struct item *it = &pend[i].item[k];
		const struct lex_list *b;
		size_t j;

		if (!it->include) {
			most++;
			continue;
		}
		for (j = 0; j < lx->n && strcmp(lx->list[j].name, it->word); j++)
			;
		if (j == lx->n) {
			snprintf(msg, sizeof msg, "@%s: no list of this name",
			    it->word);
			return lex_fail(err, lx->path, it->line, msg);
		}
		if (pend[j].state == 1) {
			snprintf(msg, sizeof msg, "@%s: list %s includes itself "
			    "(through %s)", it->word, l->name, it->word);
			return lex_fail(err, lx->path, it->line, msg);
		}
		if (resolve(lx, pend, j, err) != 0)
			return -1;
		b = &lx->list[j];
		for (size_t w = 0; w < it->nwithout; w++) {
			size_t e;
			for (e = 0; e < b->n && !same_entry(l, b->word[e],
			    it->without[w]); e++)
				;
			if (e == b->n) {
				snprintf(msg, sizeof msg, "@%s without %s: list "
				    "%s has no such entry", it->word,
				    it->without[w], it->word);
				return lex_fail(err, lx->path, it->line, msg);
			}
		}
		it->list = j;
		most += b->n;
	}
	l->word = xrealloc(l->word, (most + 1) * sizeof *l->word);
	l->len = xmalloc((most + 1) * sizeof *l->len);
	for (size_t k = 0; k < pend[i].n; k++) {
		struct item *it = &pend[i].item[k];
		const struct lex_list *b = &lx->list[it->list];

		if (!it->include) {
			l->len[l->n] = strlen(it->word);
			l->word[l->n++] = it->word;
			it->word = NULL;
			continue;
		}
		for (size_t e = 0; e < b->n; e++)
			if (!left_out(l, it, b->word[e])) {
				l->len[l->n] = b->len[e];
				l->word[l->n++] = xstrdup(b->word[e]);
			}
	}
	l->word[l->n] = NULL;
	pend[i].state = 2;
	if (l->n == 0)
		return lex_fail(err, lx->path, l->line, "a list with no entries");
	return 0;
}

static void
pending_free(struct pending *pend, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < pend[i].n; k++) {
			struct item *it = &pend[i].item[k];
			for (size_t w = 0; w < it->nwithout; w++)
				free(it->without[w]);
			free(it->without);
			free(it->word);
		}
		free(pend[i].item);
	}
	free(pend);
}

/* Parse one "list NAME [i] [# note]" line; returns 0 or -1 with msg. */
static int
list_head(struct lexicon *lx, const char *s, int lineno, const char **msg)
{
	const char *p = s + 4, *name;
	size_t nlen, i;
	struct lex_list *l;

	while (*p == ' ' || *p == '\t')
		p++;
	name = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	nlen = (size_t)(p - name);
	if (!name_ok(name, nlen)) {
		*msg = "a list name is lower-case letters, digits and _ (list NAME [i])";
		return -1;
	}
	for (i = 0; i < lx->n; i++)
		if (strlen(lx->list[i].name) == nlen
		    && !memcmp(lx->list[i].name, name, nlen)) {
			*msg = "a list of this name is already defined";
			return -1;
		}
	lx->list = xrealloc(lx->list, (lx->n + 1) * sizeof *lx->list);
	l = &lx->list[lx->n++];
	memset(l, 0, sizeof *l);
	l->name = xstrndup(name, nlen);
	l->line = lineno;
	l->word = xmalloc(sizeof *l->word);
	l->word[0] = NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == 'i' && (p[1] == '\0' || p[1] == ' ' || p[1] == '\t')) {
		l->flags |= LEX_CASELESS;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	if (*p && *p != '#') {
		*msg = "after a list's name only the flag i or a # comment";
		return -1;
	}
	return 0;
}

int
lex_load(struct lexicon *lx, const char *path, struct lex_error *err)
{
	FILE *f = fopen(path, "r");
	struct buf line = {0};
	int lineno = 0, rc = 0;
	char *raw = NULL;
	size_t rawcap = 0;
	const char *msg = NULL;
	struct pending *pend = NULL;
	size_t npend = 0;	/* pend[i] holds the lines of list i */

	memset(lx, 0, sizeof *lx);
	if (!f)
		return lex_fail(err, path, 0, strerror(errno));
	lx->path = xstrdup(path);
	for (;;) {
		const char *s;
		/* a line at a time, not a getc and a buf_putc a byte: the
		 * lexicon is read at every start of every filter */
		ssize_t got = getline(&raw, &rawcap, f);

		if (got < 0)
			break;
		if (got > 0 && raw[got - 1] == '\n')
			got--;
		buf_set(&line, raw, (size_t)got);
		lineno++;
		if (memchr(line.data, '\0', line.len)) {
			rc = lex_fail(err, path, lineno, "NUL byte in the lexicon");
			break;
		}
		if (line.len && line.data[line.len - 1] == '\r')
			line.data[--line.len] = '\0';
		s = line.data;
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#')
			continue;
		if (s == line.data) {
			if (strncmp(s, "list", 4) || (s[4] != ' ' && s[4] != '\t')) {
				rc = lex_fail(err, path, lineno,
				    "expected \"list NAME [i]\" or an indented entry");
				break;
			}
			if (list_head(lx, s, lineno, &msg) != 0) {
				rc = lex_fail(err, path, lineno, msg);
				break;
			}
			pend = xrealloc(pend, lx->n * sizeof *pend);
			memset(&pend[npend++], 0, sizeof *pend);
			continue;
		}
		if (lx->n == 0) {
			rc = lex_fail(err, path, lineno,
			    "an entry before the first \"list NAME\"");
			break;
		}
		if (*s == '@') {
			if (include_line(&pend[lx->n - 1], s, lineno, &msg) != 0) {
				rc = lex_fail(err, path, lineno, msg);
				break;
			}
			continue;
		}
		item_add(&pend[lx->n - 1],
		    entry_text(s, line.len - (size_t)(s - line.data)), 0, lineno);
	}
	if (!rc && ferror(f))
		rc = lex_fail(err, path, 0, strerror(errno));
	fclose(f);
	free(raw);
	buf_free(&line);
	for (size_t i = 0; !rc && i < lx->n; i++)
		rc = resolve(lx, pend, i, err);
	pending_free(pend, npend);
	if (rc)
		lex_free(lx);
	return rc;
}

void
lex_free(struct lexicon *lx)
{
	size_t i, j;

	for (i = 0; i < lx->n; i++) {
		struct lex_list *l = &lx->list[i];
		for (j = 0; j < l->n; j++)
			free((char *)l->word[j]);
		free(l->word);
		free(l->len);
		free(l->name);
	}
	free(lx->list);
	free(lx->path);
	memset(lx, 0, sizeof *lx);
}

const struct lex_list *
lex_find(const struct lexicon *lx, const char *name)
{
	size_t i;

	for (i = 0; lx && i < lx->n; i++)
		if (!strcmp(lx->list[i].name, name)) {
			lx->list[i].used = 1;
			return &lx->list[i];
		}
	return NULL;
}

static struct lexicon the_lexicon;
static int the_lexicon_loaded;

void
lexicon_open(const char *rules_dir)
{
	struct lex_error err;
	struct buf path = {0};

	if (the_lexicon_loaded)
		lex_free(&the_lexicon);
	buf_puts(&path, rules_dir);
	buf_puts(&path, "/lexicon");
	if (lex_load(&the_lexicon, path.data, &err) != 0)
		die(EXIT_TROUBLE, "%s: %s", err.where, err.msg);
	buf_free(&path);
	the_lexicon_loaded = 1;
}

const struct lexicon *
lexicon_get(void)
{
	if (!the_lexicon_loaded)
		lexicon_open(rules_dir_default());
	return &the_lexicon;
}

const struct lex_list *
lex_list(const char *name)
{
	const struct lexicon *lx = lexicon_get();
	const struct lex_list *l = lex_find(lx, name);

	if (!l)
		die(EXIT_TROUBLE, "%s: no word list \"%s\" (the program needs it)",
		    lx->path, name);
	return l;
}

const char *const *
lex_words(const char *name)
{
	return lex_list(name)->word;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
rules_dir_default(void)
{
	static char path[PATH_MAX + 64];
	char exe[PATH_MAX];
	const char *env = getenv("MINUTES_MINE_RULES");
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/../rules", exe);
			if (is_dir(path))
				return path;
			snprintf(path, sizeof path,
			    "%s/../share/minutes-mine/rules", exe);
			if (is_dir(path))
				return path;
		}
	}
	return "/usr/local/share/minutes-mine/rules";
}
