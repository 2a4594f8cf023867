/*
 * rules_engine — runs a loaded rule set over the split stream.
 *
 * Consecutive paragraphs with the same locator (source, section, date,
 * body, minute, title) form a group: a minute item (its first paragraph
 * the heading), the paragraphs of a minutes section before its first
 * item, or a report/agenda/other part.  The group's paragraphs are held
 * unescaped, joined by LF, each with the set of rules whose need
 * literals it holds (one litset scan of the group's paragraphs); every
 * rule whose scope admits the group runs over its units (each
 * paragraph, the item text after the heading, or each block), every
 * match globally.  Records are formatted as they are
 * found, then the group's records are written sorted by (line, position,
 * order found).  Match data, buffers and arrays live in the engine and
 * are reused from group to group: nothing is allocated per paragraph
 * once the buffers have grown to the largest group.  With -j, worker
 * threads run groups in engines of their own, the output in the order
 * read (see "Worker threads").
 */
#include "rules_impl.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytescan.h"
#include "err.h"
#include "figures.h"
#include "litset.h"
#include "tsv.h"
#include "utf8.h"

#define NO_POS SIZE_MAX
#define DEFAULT_MAX_ITEM (16u << 20)

struct para {
	size_t off, len;	/* in text */
	unsigned long line;
	unsigned long page;	/* 0: the stream gives none */
	size_t brk, nbrk;	/* its page breaks: e->brks[brk..brk+nbrk), text offsets */
	size_t lstr, llen;	/* the line as printed, in lines */
};

struct rec {
	unsigned long line;
	size_t pos;		/* 0 for a heading record, else 1 + offset */
	size_t seq;
	size_t kind;		/* its kind's index */
	size_t off, len;	/* in recbuf */
};

struct span {
	size_t kind, s, e;
};

struct engine {
	struct ruleset *rs;
	const struct extract_opts *opts;
	FILE *out;

	/* the group */
	struct buf src, rest, title, minute, srcname;
	struct buf last_item;	/* source TAB locator of the last item begun */
	unsigned section;
	int in_item, heading, continued;
	unsigned long next_line;	/* first line after the group, 0 unknown */
	struct buf text, lines;
	size_t *brks, nbrks, brkcap;	/* page breaks of the group's paragraphs */
	struct para *paras;
	size_t np, pcap;
	size_t *lpara, nlpara;	/* anchor paragraph: those holding a literal */
	size_t lcap;		/* paragraphs lpara and pbits hold room for */
	size_t *pend;		/* per paragraph, its end in text */
	uint64_t *pbits;	/* per paragraph, lw words: the bits (need
				 * lists, see need_init) of its literals */
	uint64_t *gall, *grest;	/* the same over all the group's paragraphs,
				 * and over those after the first */

	/* its records */
	struct buf esc_src, esc_rest;	/* src and rest as records write
					 * them, made for group esc_group */
	size_t esc_group;
	struct buf recbuf;
	struct rec *recs, *srecs;	/* srecs: sort_recs' other half */
	size_t nrec, rcap, scap_recs, seq;
	struct span *spans;	/* a gap buffer: see span_at */
	size_t nspan, scap, sgap;
	size_t *kind_recs;

	/* the need literals of the kept kinds, and each rule's as a mask:
	 * a litset per section (by its bit's index) of the literals of the
	 * rules that section admits (several sections may share one) */
	struct litset *sls[4];
	size_t lw;		/* words of a bitset of need lists */
	uint64_t *rmask;	/* lw words per rule, kind by kind ... */
	size_t *rbase;		/* ... from rule rbase[kind] */
	struct litset **rstart;	/* per rule: anchor word, its literals */
	size_t nrules;

	/* matching */
	pcre2_match_data *md, *md2, *md3;
	pcre2_match_context *mctx;
	int limit_set;		/* mctx has an offset limit (next_match) */
	pcre2_jit_stack *jit;
	PCRE2_SIZE *ov;
	struct buf *vals, *saved, *pending;
	size_t *valpos, *savedpos, *pendpos;
	int *pendset, *seen;
	struct buf split, tmp, within;
	/* the match being finished, and the block start it lies under */
	const struct pat *curpat, *blk;
	PCRE2_SIZE *blkov;
	PCRE2_SIZE *nextov;	/* the block start found where a block ended */
	size_t text_zeroed, title_zeroed, split_zeroed;
	size_t match_errors;
	/* Under worker threads (see "Worker threads" below): records and
	 * warnings go to *sink, tagged, to be written in order by the
	 * reader; the reader's own warnings wait in pre for their group. */
	struct buf *sink, pre;

	/* the fallbacks of the kept kinds, by address, and their matches
	 * in the group being run (see fb_cache and bf_search) */
	struct fbcache {
		const struct fallback *f;
		size_t group;	/* the list is of group ngroup */
		struct fbmatch {
			size_t s, e, gs, ge;	/* gs NO_POS: no group;
						 * s NO_POS: no match */
		} *m;
		size_t *q;	/* "before": m[i] is the search from q[i] */
		size_t n, cap, at;
		int done;
		int memo;	/* "before": searches may be remembered */
		struct fbcache *share;	/* the entry that holds the matches
					 * of this one's code and column */
	} *fb;
	size_t nfb, ngroup;
	/* the last sentence worked out (sentence_span), for the matches
	 * after it in its sentence, and its text as records write it */
	struct sentcache {
		size_t group, us, ue;	/* ok only in this unit */
		size_t me;		/* the end of the match it was for */
		size_t qs, qe;		/* the last match asked about */
		size_t b;		/* where the scan back stopped */
		size_t ss, se;		/* the answer */
		int ok;
		size_t vgroup, vs, ve;	/* val: the squeezed [vs, ve) */
		struct buf val;
	} sent;
	/* the answers of the scope tests in the group being run, by code
	 * (struct code's id): of text= and text!= over the item text, and
	 * of title= and title!= (and set … when title) over its title.
	 * Rules share tests: "like" copies them, and several rules of a
	 * file test a title alike. */
	struct textres {
		size_t group;	/* the group it is of (0: none yet) */
		int match;
	} *textres, *titleres;
	/* set … when COLUMN /RE/: RE's answer for the last value it was
	 * asked of, by code (the records of one list ask it of the same
	 * role, and most sets of a rule test a value no set changed) */
	struct whenres {
		struct buf val;
		int known, match;
	} *whenres;

	/* MINUTES_EXTRACT_PROFILE: per rule of each kind, what it cost */
	struct rprof {
		unsigned long long groups, units, passed, tries, calls, ns;
	} **prof;
};

static struct span *span_at(const struct engine *, size_t);
static void sink_warning(struct buf *, const char *, const char *,
    const char *);

/*
 * The JIT's fast scans may load whole aligned words that run past a
 * subject's end; keep every byte of a buffer's capacity defined so such
 * loads read old text or zeros (and memcheck has nothing to report).
 * Only capacity never written before is cleared: *done remembers how far
 * the buffer was cleared, so a buffer costs O(its growth), not O(cap) per
 * call.
 */
static void
zero_tail(struct buf *b, size_t *done)
{
	size_t from;

	if (!b->data || b->cap <= *done)
		return;
	from = b->len > *done ? b->len : *done;
	if (b->cap > from)
		memset(b->data + from, 0, b->cap - from);
	*done = b->cap;
}

/*
 * The same for a short value matched from its start: only the bytes a
 * word load past its end can reach are cleared (a vector of the JIT is
 * at most 64 bytes), not the whole capacity a long earlier value left.
 */
static void
zero_pad(struct buf *b)
{
	size_t n;

	if (!b->data)
		return;
	n = b->cap - b->len < 64 ? b->cap - b->len : 64;
	memset(b->data + b->len, 0, n);
}

static const char *const fig_type_name[] = {
	[FIG_NONE] = "", [FIG_MONEY] = "money", [FIG_PERCENT] = "percent",
	[FIG_COUNT] = "count",
};

static size_t
para_at(const struct engine *e, size_t pos)
{
	size_t lo = 0, hi = e->np;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (e->paras[mid].off <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void
warn_at(struct engine *e, size_t para, const char *msg)
{
	char line[32];
	const struct para *p = &e->paras[para];

	if (!e->opts->warn)
		return;
	snprintf(line, sizeof line, "%.*s", (int)(p->llen < 31 ? p->llen : 31),
	    e->lines.data + p->lstr);
	if (e->sink)
		sink_warning(e->sink, e->srcname.data, line, msg);
	else
		e->opts->warn(e->opts->warn_ctx, e->srcname.data, line, msg);
}

/* A record as the stream's records are written: through the writer
 * (-k, --format), else as it is. */
static void
write_record(const struct engine *e, size_t kind, const char *r, size_t len)
{
	if (e->opts->writer)
		(void)recw_record_kind(e->opts->writer, kind, r, len);
	else
		fwrite(r, 1, len, e->out);
}

/*
 * The sink of a worker thread: what process_group would write, in the
 * order it would, to be written by the reader (sink_replay) when the
 * job's turn comes.  A record is 'R', its kind and length, its bytes; a
 * warning 'W' and its three strings, each with its length and NUL.
 */
static void
sink_record(struct buf *b, size_t kind, const char *r, size_t len)
{
	buf_putc(b, 'R');
	buf_append(b, (const char *)&kind, sizeof kind);
	buf_append(b, (const char *)&len, sizeof len);
	buf_append(b, r, len);
}

static void
sink_str(struct buf *b, const char *s)
{
	size_t n = strlen(s) + 1;

	buf_append(b, (const char *)&n, sizeof n);
	buf_append(b, s, n);
}

static void
sink_warning(struct buf *b, const char *src, const char *line,
    const char *msg)
{
	buf_putc(b, 'W');
	sink_str(b, src);
	sink_str(b, line);
	sink_str(b, msg);
}

static const char *
sink_next_str(const char **p)
{
	const char *s;
	size_t n;

	memcpy(&n, *p, sizeof n);
	s = *p + sizeof n;
	*p = s + n;
	return s;
}

static void
sink_replay(const struct engine *e, const struct buf *b)
{
	const char *p = b->data, *end = b->data + b->len;

	while (p < end) {
		size_t kind, len;
		if (*p++ == 'R') {
			memcpy(&kind, p, sizeof kind);
			memcpy(&len, p + sizeof kind, sizeof len);
			p += sizeof kind + sizeof len;
			write_record(e, kind, p, len);
			p += len;
		} else {
			const char *src = sink_next_str(&p);
			const char *line = sink_next_str(&p);
			const char *msg = sink_next_str(&p);
			e->opts->warn(e->opts->warn_ctx, src, line, msg);
		}
	}
}

/*
 * JIT-compile co, once: worker threads share the rule set, so the first
 * to need a pattern compiles it while the others that need it wait (a
 * pattern must not be matched while it is compiled); patterns of
 * different locks compile at once.  Returns 1, or -1 if the JIT failed
 * (the pattern then runs in the interpreter).
 */
static int
jit_compile(struct code *co)
{
	static pthread_mutex_t locks[16] = {
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
		PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER,
	};
	pthread_mutex_t *m = &locks[co->id % 16];
	int j;

	pthread_mutex_lock(m);
	j = atomic_load_explicit(&co->jitted, memory_order_acquire);
	if (!j) {
		j = pcre2_jit_compile(co->re, PCRE2_JIT_COMPLETE) == 0 ? 1 : -1;
		atomic_store_explicit(&co->jitted, j, memory_order_release);
	}
	pthread_mutex_unlock(m);
	return j;
}

/*
 * pcre2_match of pattern p, JIT-compiled the first time it runs: a rule
 * file holds hundreds of patterns and a document needs few of them (a
 * report runs no minutes rule), so compiling each on load cost more
 * than the matching on a short document.  Every run is still a JIT run.
 * Once the JIT compile has succeeded, pcre2_jit_match is called itself:
 * pcre2_match's checks before it hands over (a third of the cost of a
 * short search) find nothing here.  The two cases they would answer
 * otherwise go to pcre2_match still, for its error: a start past the
 * subject's end, and an offset limit on a pattern compiled without
 * PCRE2_USE_OFFSET_LIMIT.  The patterns are compiled with
 * PCRE2_MATCH_INVALID_UTF, so pcre2_match checks no UTF either.
 */
static int
pat_match(struct engine *e, const struct pat *p, const char *subj,
    size_t len, size_t start, uint32_t opts, pcre2_match_data *md)
{
	struct code *co = p->code;
	int jitted = atomic_load_explicit(&co->jitted, memory_order_acquire);

	if (!jitted)
		jitted = jit_compile(co);
	if (!subj)
		subj = "";
	if (jitted > 0 && opts == 0 && start <= len &&
	    (!e->limit_set || (co->flags & PCRE2_USE_OFFSET_LIMIT)))
		return pcre2_jit_match(co->re, (PCRE2_SPTR)subj, len, start, 0,
		    md, e->mctx);
	return pcre2_match(p->re, (PCRE2_SPTR)subj, len, start, opts, md,
	    e->mctx);
}

/* Does p match the group's title?  (Kept for the group, as text_test;
 * an error is as no match, and silent.) */
static int
title_test(struct engine *e, const struct pat *p)
{
	struct textres *t = &e->titleres[p->code->id];

	if (t->group != e->ngroup) {
		t->group = e->ngroup;
		t->match = pat_match(e, p, e->title.data, e->title.len, 0, 0,
		    e->md3) >= 0;
	}
	return t->match;
}

/*
 * Run pat over subject [s, end) of text from offset at.  Returns the
 * pcre2_match code; ovector offsets are absolute in text.
 */
static int
run(struct engine *e, const struct pat *p, pcre2_match_data *md, size_t s,
    size_t end, size_t at, uint32_t opts)
{
	int rc = pat_match(e, p, e->text.data + s, end - s, at - s, opts, md);

	if (rc >= 0) {
		/* Pairs from rc up to the pattern's groups are unset; those
		 * beyond its groups are never written, so touch only the set. */
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		uint32_t i, n = rc > 0 ? (uint32_t)rc : pcre2_get_ovector_count(md);
		for (i = 0; i < 2 * n; i++)
			if (ov[i] != PCRE2_UNSET)
				ov[i] += s;
	} else if (rc != PCRE2_ERROR_NOMATCH) {
		e->match_errors++;
		if (e->opts->warn) {
			PCRE2_UCHAR msg[200];
			char full[300];
			pcre2_get_error_message(rc, msg, sizeof msg);
			snprintf(full, sizeof full, "warning: pattern of %s:%u "
			    "gave up: %s", p->file, p->line, (char *)msg);
			warn_at(e, para_at(e, s), full);
		}
	}
	return rc;
}

/*
 * The literal prefilter of rule r (of kind kidx) over the paragraphs
 * [pa, pb): does one of them hold one of its need literals?  A rule with
 * none always passes.  Every unit is a run of whole paragraphs and no
 * literal holds a line feed, so the bits of the paragraphs, set by the
 * one scan of each as it was read (add_para), answer exactly.
 */
static int
units_have(const struct engine *e, size_t kidx, const struct rule *r,
    size_t pa, size_t pb)
{
	const uint64_t *m, *b;
	size_t p, w;

	if (r->nneed == 0)
		return 1;
	if (pa >= pb)
		return 0;
	m = e->rmask + (e->rbase[kidx] +
	    (size_t)(r - e->rs->kinds[kidx].rules)) * e->lw;
	if (pb == e->np && pa <= 1) {
		b = pa == 0 ? e->gall : e->grest;
		for (w = 0; w < e->lw; w++)
			if (b[w] & m[w])
				return 1;
		return 0;
	}
	for (p = pa; p < pb; p++) {
		b = e->pbits + p * e->lw;
		for (w = 0; w < e->lw; w++)
			if (b[w] & m[w])
				return 1;
	}
	return 0;
}

static int
is_upper_start(const char *p, const char *end)
{
	unsigned char c = (unsigned char)*p;

	if (p >= end)
		return 1;
	return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' ||
	    c == '\'' || c >= 0x80 || c == '(';
}

/* May c end a sentence?  (sentence_end's first test, in the loop.) */
static inline int
is_stop(char c)
{
	return c == '.' || c == '?' || c == '!';
}

/*
 * Is the '.' at text[i] a sentence end (not "Mr." "Cllr." "D." "3.5")?
 * abbr: the lexicon's list abbreviation, the words a stop follows
 * without ending a sentence; abbr_max: the length of its longest entry.
 */
static int
sentence_end(const char *t, size_t s, size_t i, size_t end,
    const struct ruleset *rs)
{
	const struct lex_list *abbr = rs->abbr;
	size_t j, k, w, wl;

	if (t[i] != '.' && t[i] != '?' && t[i] != '!')
		return 0;
	if (i + 1 < end && t[i + 1] != ' ' && t[i + 1] != '\n')
		return 0;
	j = i + 1;
	while (j < end && t[j] == ' ')
		j++;
	if (j < end && t[j] != '\n' && !is_upper_start(t + j, t + end))
		return 0;
	if (t[i] != '.')
		return 1;
	for (w = i; w > s && ((t[w - 1] >= 'a' && t[w - 1] <= 'z') ||
	    (t[w - 1] >= 'A' && t[w - 1] <= 'Z')); w--)
		;
	if (i - w == 1 && t[w] >= 'A' && t[w] <= 'Z')
		return 0;
	wl = i - w;
	if (wl == 0 || wl > rs->abbr_max ||
	    !rs->abbr_first[(unsigned char)t[w] | 0x20])
		return 1;
	for (k = 0; k < abbr->n; k++)
		if (abbr->len[k] == wl && ((abbr->flags & LEX_CASELESS) ?
		    strncasecmp(t + w, abbr->word[k], wl) :
		    memcmp(t + w, abbr->word[k], wl)) == 0)
			return 0;
	return 1;
}

/*
 * The sentence(s) around [ms, me) within [us, ue), reaching at most
 * SENTENCE_REACH bytes beyond the match on either side (then cut at a
 * space), so a text without full stops costs linear time and memory.
 */
#define SENTENCE_REACH 400

/* Does a sentence start at t[i], as sentence_span's scan back asks? */
static int
starts_sentence(const struct engine *e, size_t us, size_t ue, size_t i)
{
	const char *t = e->text.data;

	return t[i - 1] == '\n' || (i >= us + 2 && t[i - 1] == ' ' &&
	    is_stop(t[i - 2]) && sentence_end(t, us, i - 2, ue, e->rs));
}

/*
 * Is the sentence sentence_span found last (e->sent, in this unit) the
 * answer for the match [ms, me) too, without a scan?  It is when the
 * match lies after the last one and inside its sentence, and neither
 * scan would stop elsewhere: the scan back finds no start in (b, ms]
 * (none before the last match's end, as its scan back and the check in
 * sentence_span say, none after it, which the scan forward passed) and
 * reaches b within SENTENCE_REACH; the scan forward finds no end before
 * the last one's (it starts past where the last started).  Figures come
 * several to a sentence, in tables often a dozen.
 */
static int
sentence_reuse(const struct engine *e, size_t us, size_t ue, size_t ms,
    size_t me)
{
	const struct sentcache *c = &e->sent;
	size_t lo = ms - us > SENTENCE_REACH ? ms - SENTENCE_REACH : us;

	return c->ok && ms >= c->me && me <= c->se && me >= ms &&
	    (c->b > lo || (c->b == us && lo == us));
}

static void
sentence_span(struct engine *e, size_t us, size_t ue, size_t ms,
    size_t me, size_t *ss, size_t *se)
{
	const char *t = e->text.data;
	size_t i, lo, hi, bk, k;
	struct sentcache *c = &e->sent;

	if (c->group == e->ngroup && c->us == us && c->ue == ue &&
	    ((c->qs == ms && c->qe == me) || sentence_reuse(e, us, ue, ms, me))) {
		/* the same match again (unless, then its record), or one
		 * after it in the same sentence */
		*ss = c->ss;
		*se = c->se;
		c->qs = ms;
		c->qe = me;
		return;
	}
	c->ok = 0;
	lo = ms - us > SENTENCE_REACH ? ms - SENTENCE_REACH : us;
	hi = ue - me > SENTENCE_REACH ? me + SENTENCE_REACH : ue;
	/* Back from the match, sixteen positions at a time where none may
	 * end the scan: no line feed before them, no space after a stop
	 * (bytescan.h); the byte loop asks the rest exactly. */
	for (i = ms; i > lo; ) {
		if (i - lo >= 16 && i >= 17) {
			bytes16 a = bytes16_load(t + i - 16);
			bytes16 b = bytes16_load(t + i - 17);
			mask16 m = (a == '\n') | ((a == ' ') &
			    ((b == '.') | (b == '?') | (b == '!')));
			if (!mask16_any(m)) {
				i -= 16;
				continue;
			}
		}
		if (t[i - 1] == '\n')
			break;
		if (i >= us + 2 && t[i - 1] == ' ' && is_stop(t[i - 2]) &&
		    sentence_end(t, us, i - 2, ue, e->rs))
			break;
		i--;
	}
	bk = i;
	if (i == lo && lo > us) {
		while (i < ms && t[i] != ' ')
			i++;
	}
	while (i < ms && t[i] == ' ')
		i++;
	*ss = i;
	for (i = me > ms ? me - 1 : me; i < hi; i++) {
		/* sixteen bytes at a time with no line feed and no stop */
		while (i + 16 <= hi) {
			bytes16 a = bytes16_load(t + i);
			if (mask16_any((a == '\n') | (a == '.') | (a == '?') |
			    (a == '!')))
				break;
			i += 16;
		}
		if (i == hi)
			break;
		if (t[i] == '\n')
			break;
		if (is_stop(t[i]) && sentence_end(t, us, i, ue, e->rs)) {
			i++;
			break;
		}
	}
	/* for the matches after this one: an answer that no reach cut,
	 * not a run of spaces up to the match (the next would skip more),
	 * and no sentence start inside the match (its scan back passed
	 * none of it) */
	c->ok = (bk > lo || lo == us) && (i < hi || hi == ue) && i >= me &&
	    !(*ss == ms && ms < ue && t[ms] == ' ');
	for (k = ms + 1; c->ok && k <= me + 1 && k < ue && k <= i; k++)
		if (starts_sentence(e, us, ue, k))
			c->ok = 0;
	if (i == hi && hi < ue) {
		while (i > me && t[i - 1] != ' ')
			i--;
	}
	*se = i < me ? me : i;
	c->group = e->ngroup;
	c->us = us;
	c->ue = ue;
	c->me = me;
	c->qs = ms;
	c->qe = me;
	c->b = bk;
	c->ss = *ss;
	c->se = *se;
}

static void
push_record(struct engine *e, size_t kidx, unsigned long line, size_t pos,
    size_t off)
{
	struct rec *r;

	if (e->nrec == e->rcap) {
		e->rcap = e->rcap ? 2 * e->rcap : 64;
		e->recs = xrealloc(e->recs, e->rcap * sizeof *e->recs);
	}
	r = &e->recs[e->nrec++];
	r->line = line;
	r->pos = pos;
	r->seq = e->seq++;
	r->kind = kidx;
	r->off = off;
	r->len = e->recbuf.len - off;
	e->kind_recs[kidx]++;
}

/*
 * The line where text at pos (inside paragraph para) starts.  The stream
 * gives each paragraph's first line only; a record that starts inside a
 * paragraph wrapped over several lines gets a line interpolated by its
 * offset, over the paragraph's printed lines: the distance to the next
 * paragraph's line, less the blank line that usually separates them, and
 * no more lines than its text fills at ~70 characters a line (a printed
 * line less its indentation and runs of spaces, which normalise drops).
 */
static unsigned long
line_of(const struct engine *e, size_t para, size_t pos)
{
	const struct para *p = &e->paras[para];
	unsigned long next = para + 1 < e->np ? e->paras[para + 1].line :
	    e->next_line, span, n, most;
	size_t off = pos > p->off ? pos - p->off : 0;

	if (off == 0 || p->len == 0 || next <= p->line + 1)
		return p->line;
	span = next - p->line;
	n = span - 1;
	most = (unsigned long)((p->len + 69) / 70);
	if (n > most)
		n = most;
	if (n <= 1)
		return p->line;
	return p->line + (unsigned long)((double)off * (double)n /
	    (double)p->len);
}

/*
 * The page a record starts on: its paragraph's page, plus one for each
 * page break of the paragraph at or before the record's offset (pos is 0
 * for a heading record, else 1 + its offset in text).
 */
static unsigned long
page_of(const struct engine *e, size_t para, size_t pos)
{
	const struct para *p = &e->paras[para];
	unsigned long page = p->page;
	size_t i, rel;

	if (pos == 0 || p->nbrk == 0)
		return page;
	rel = pos - 1 >= p->off ? pos - 1 - p->off : 0;
	for (i = 0; i < p->nbrk && e->brks[p->brk + i] <= rel; i++)
		page++;
	return page;
}

/* Append n in decimal (snprintf's "%lu", at a tenth of its cost: two
 * numbers a record). */
static void
put_ulong(struct buf *b, unsigned long n)
{
	char num[24];
	size_t i = sizeof num;

	do
		num[--i] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	buf_append(b, num + i, sizeof num - i);
}

static void
format_record(struct engine *e, size_t kidx, size_t para, size_t pos)
{
	const struct kind *k = &e->rs->kinds[kidx];
	size_t off = e->recbuf.len, c;
	unsigned long line = pos == 0 ? e->paras[para].line :
	    line_of(e, para, pos - 1);

	/* Every record valid UTF-8, even from a broken stream (TSV_REPAIR);
	 * the source and the section…title fields are stream fields, escaped
	 * already.  The same for every record of the group: made once. */
	if (e->esc_group != e->ngroup) {
		buf_reset(&e->esc_src);
		tsv_escape_opt(&e->esc_src, e->src.data, e->src.len,
		    TSV_REPAIR | TSV_ESCAPED);
		buf_reset(&e->esc_rest);
		tsv_escape_opt(&e->esc_rest, e->rest.data, e->rest.len,
		    TSV_REPAIR | TSV_ESCAPED);
		e->esc_group = e->ngroup;
	}
	buf_puts(&e->recbuf, k->name);
	buf_putc(&e->recbuf, '\t');
	buf_append(&e->recbuf, e->esc_src.data, e->esc_src.len);
	buf_putc(&e->recbuf, '\t');
	put_ulong(&e->recbuf, line);
	buf_putc(&e->recbuf, '\t');
	if (e->paras[para].page)
		put_ulong(&e->recbuf, page_of(e, para, pos));
	buf_putc(&e->recbuf, '\t');
	buf_append(&e->recbuf, e->esc_rest.data, e->esc_rest.len);
	for (c = 0; c < k->ncols; c++) {
		buf_putc(&e->recbuf, '\t');
		tsv_escape_opt(&e->recbuf, e->vals[c].data, e->vals[c].len,
		    TSV_REPAIR);
	}
	buf_putc(&e->recbuf, '\n');
	push_record(e, kidx, line, pos, off);
}

/*
 * within FIELD /RE/: run RE over the field's value (a copy: a group may
 * rewrite the field itself); its named groups that took part overwrite
 * their columns.  "Cllr A (in the Chair)" → name "Cllr A", role "Chair".
 */
static void
within(struct engine *e, const struct kind *k, const struct within *w)
{
	size_t c, base = e->valpos[w->col];
	PCRE2_SIZE *ov;
	unsigned g;

	buf_set(&e->within, e->vals[w->col].data ? e->vals[w->col].data : "",
	    e->vals[w->col].len);
	buf_reserve(&e->within, 16);
	memset(e->within.data + e->within.len, 0, 16);
	if (pat_match(e, &w->pat, e->within.data, e->within.len, 0, 0,
	    e->md3) < 0)
		return;
	ov = pcre2_get_ovector_pointer(e->md3);
	for (c = 0; c < k->ncols; c++)
		e->seen[c] = 0;
	for (g = 1; g <= w->pat.ngroups; g++) {
		int col = w->pat.col[g];
		if (col < 0 || ov[2 * g] == PCRE2_UNSET || e->seen[col])
			continue;
		e->seen[col] = 1;
		buf_set(&e->vals[col], e->within.data + ov[2 * g],
		    ov[2 * g + 1] - ov[2 * g]);
		e->valpos[col] = base == NO_POS ? NO_POS : base + ov[2 * g];
	}
}

static int
contains(const char *h, size_t hl, const char *n, size_t nl)
{
	size_t i;

	if (nl == 0)
		return 1;
	for (i = 0; i + nl <= hl; i++)
		if (h[i] == n[0] && memcmp(h + i, n, nl) == 0)
			return 1;
	return 0;
}

/*
 * The value a "fallback … with NAME" looks for: column NAME, or private
 * group NAME of the match being finished (the first of that name that
 * took part).  0 when it has none.
 */
static int
with_value(struct engine *e, const struct fallback *f, const char **v,
    size_t *l)
{
	PCRE2_SPTR first, last;
	uint32_t esize;
	int n;

	if (f->with_col >= 0) {
		*v = e->vals[f->with_col].data;
		*l = e->vals[f->with_col].len;
		return *l > 0;
	}
	if (!e->curpat)
		return 0;
	n = pcre2_substring_nametable_scan(e->curpat->re, (PCRE2_SPTR)f->with,
	    &first, &last);
	if (n < 0)
		return 0;
	pcre2_pattern_info(e->curpat->re, PCRE2_INFO_NAMEENTRYSIZE, &esize);
	for (; first <= last; first += esize) {
		unsigned g = (unsigned)(first[0] << 8 | first[1]);
		if (g <= e->curpat->ngroups && e->ov[2 * g] != PCRE2_UNSET &&
		    e->ov[2 * g + 1] > e->ov[2 * g]) {
			*v = e->text.data + e->ov[2 * g];
			*l = e->ov[2 * g + 1] - e->ov[2 * g];
			return 1;
		}
	}
	return 0;
}

/* Names in a "; "-separated list. */
static long
list_len(const struct buf *b)
{
	long n = 0;
	size_t i;
	int in = 0;

	for (i = 0; i < b->len; i++) {
		if (b->data[i] == ';')
			in = 0;
		else if (b->data[i] != ' ' && !in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/*
 * tally FIELD COUNT=LIST …: FIELD := "ok" when every pair with both a
 * printed count and a list agrees, "mismatch" when one does not (and -w
 * says which), empty when no pair has both.
 */
static void
tally(struct engine *e, const struct kind *k, const struct rule *r,
    size_t at)
{
	size_t i, j;
	int any = 0, bad = 0;
	char msg[600];
	size_t ml = 0;

	msg[0] = '\0';
	for (i = 0; i < r->ntallies; i++) {
		const struct buf *cv = &e->vals[r->tallies[i].count_col];
		const struct buf *lv = &e->vals[r->tallies[i].list_col];
		long want = 0, have;
		if (cv->len == 0 || lv->len == 0 || cv->len > 9)
			continue;
		for (j = 0; j < cv->len; j++) {
			if (cv->data[j] < '0' || cv->data[j] > '9')
				break;
			want = want * 10 + (cv->data[j] - '0');
		}
		if (j < cv->len)
			continue;
		any = 1;
		have = list_len(lv);
		if (have != want) {
			bad = 1;
			if (ml < sizeof msg - 1)
				ml += (size_t)snprintf(msg + ml, sizeof msg - ml,
				    "%s%s %ld but %ld in %s", ml ? ", " : "",
				    k->cols[r->tallies[i].count_col], want, have,
				    k->cols[r->tallies[i].list_col]);
		}
	}
	buf_set(&e->vals[r->tally_col], any ? (bad ? "mismatch" : "ok") : "",
	    any ? (bad ? 8 : 2) : 0);
	if (bad && e->opts->warn) {
		char full[800];
		snprintf(full, sizeof full, "warning: %s%s%s%s counts and names "
		    "disagree: %s", e->minute.len ? "minute " : "",
		    e->minute.len ? e->minute.data : "", e->minute.len ? ": " : "",
		    k->name, msg);
		warn_at(e, para_at(e, at), full);
	}
}

/*
 * The matches of fallback f over the group's text, from its start, in
 * order (global matching): the same for every record of the group, so
 * found once and kept (an item of a report may be a megabyte, and a rule
 * of it gives many records, each asking the same fallback).  The list
 * grows only as far as a record needs: the search resumes where it
 * stopped.  A match error is not kept: the next record that needs to
 * search past it runs that search again, and warns again, as before.
 */
static struct fbcache *
fb_cache(struct engine *e, const struct fallback *f)
{
	size_t lo = 0, hi = e->nfb;
	struct fbcache *c;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if ((uintptr_t)e->fb[mid].f <= (uintptr_t)f)
			lo = mid;
		else
			hi = mid;
	}
	c = e->fb[lo].share;
	if (c->group != e->ngroup) {
		c->group = e->ngroup;
		c->n = 0;
		c->at = 0;
		c->done = 0;
	}
	return c;
}

/* Append the next match of c's fallbacks to c; 0 when there is none.
 * f is the one asking (a warning names its line). */
static int
fb_next(struct engine *e, struct fbcache *c, const struct fallback *f)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md3);
	struct fbmatch *m;
	int rc;

	if (c->done || c->at > e->text.len)
		return 0;
	rc = run(e, &f->pat, e->md3, 0, e->text.len, c->at, 0);
	if (rc < 0) {
		/* no match: the list is whole; an error: search again */
		if (rc == PCRE2_ERROR_NOMATCH)
			c->done = 1;
		return 0;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->m = xrealloc(c->m, c->cap * sizeof *c->m);
	}
	m = &c->m[c->n++];
	m->s = ov[0];
	m->e = ov[1];
	m->gs = m->ge = NO_POS;
	for (unsigned g = 1; g <= f->pat.ngroups; g++)
		if (f->pat.col[g] == f->col && ov[2 * g] != PCRE2_UNSET) {
			m->gs = ov[2 * g];
			m->ge = ov[2 * g + 1];
			break;
		}
	c->at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
	return 1;
}

/*
 * The search of "before" fallback f (its matches kept in c) from offset
 * p over the group's text, as run() gives it: 1 and the match in *m, 0
 * for none, -1 for an error.  A record's search runs on from its own
 * match to the next one after it (or to the end of the item) only to
 * stop there; the next record's search, from a later offset, would find
 * that same match again.  So each search's answer is remembered
 * (c->q[i], c->m[i], in order of q): a search from q that found its
 * match at s finds the same one, with no more work and so no error,
 * from any p in [q, s], and one that found nothing finds nothing from
 * any p >= q.  The nearest q at or before p answers when any does (a
 * search from an earlier q that covers p passes the same match on to
 * it).  An error is not remembered: the search runs, and warns, again.
 * The searches start where a match ended, on a character's first byte,
 * unless the match was empty (the next byte then); so a pattern that
 * may match the empty string is not remembered (c->memo 0), nor one
 * whose search depends on where it starts (\G, or a verb such as
 * (*SKIP) or (*COMMIT) that moves or ends the scan).
 */
static int
bf_search(struct engine *e, struct fbcache *c, const struct fallback *f,
    size_t p, struct fbmatch *m)
{
	PCRE2_SIZE *ov;
	size_t lo = 0, hi = c->n;
	int rc;

	/* the first q past p: the one before it is the nearest */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c->q[mid] <= p)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0 && (c->m[lo - 1].s == NO_POS || p <= c->m[lo - 1].s)) {
		*m = c->m[lo - 1];
		return m->s != NO_POS;
	}
	rc = run(e, &f->pat, e->md3, 0, e->text.len, p, 0);
	if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
		return -1;
	m->s = m->e = m->gs = m->ge = NO_POS;
	if (rc >= 0) {
		ov = pcre2_get_ovector_pointer(e->md3);
		m->s = ov[0];
		m->e = ov[1];
		for (unsigned g = 1; g <= f->pat.ngroups; g++)
			if (f->pat.col[g] == f->col && ov[2 * g] != PCRE2_UNSET) {
				m->gs = ov[2 * g];
				m->ge = ov[2 * g + 1];
				break;
			}
	}
	if (c->memo) {
		if (c->n == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 8;
			c->m = xrealloc(c->m, c->cap * sizeof *c->m);
			c->q = xrealloc(c->q, c->cap * sizeof *c->q);
		}
		memmove(&c->m[lo + 1], &c->m[lo], (c->n - lo) * sizeof *c->m);
		memmove(&c->q[lo + 1], &c->q[lo], (c->n - lo) * sizeof *c->q);
		c->m[lo] = *m;
		c->q[lo] = p;
		c->n++;
	}
	return rc >= 0;
}

/*
 * The group of the first match of fallback f (not "before") that holds
 * the "with" value wv[0..wl) (any match when wv is NULL) and has it:
 * 1 and [*gs, *ge), or 0.
 */
static int
fallback_first(struct engine *e, const struct fallback *f, const char *wv,
    size_t wl, size_t *gs, size_t *ge)
{
	struct fbcache *c = fb_cache(e, f);
	size_t i;

	for (i = 0; i < c->n || fb_next(e, c, f); i++) {
		const struct fbmatch *m = &c->m[i];
		if (m->gs == NO_POS || (wv && !contains(e->text.data + m->s,
		    m->e - m->s, wv, wl)))
			continue;
		*gs = m->gs;
		*ge = m->ge;
		return 1;
	}
	return 0;
}

/*
 * Does set … when's pattern p match the value w?  A match error is as
 * no match, and silent, as always; a pattern's answer for a value is
 * the same each time it is asked, so the last one is kept (whenres).
 */
static int
when_test(struct engine *e, const struct pat *p, struct buf *w)
{
	struct whenres *m = &e->whenres[p->code->id];

	if (m->known && m->val.len == w->len &&
	    (w->len == 0 || memcmp(m->val.data, w->data, w->len) == 0))
		return m->match;
	zero_pad(w);
	m->match = pat_match(e, p, w->data ? w->data : "", w->len, 0, 0,
	    e->md3) >= 0;
	buf_set(&m->val, w->data ? w->data : "", w->len);
	m->known = 1;
	return m->match;
}

/*
 * Finish one record whose columns are in e->vals: constants, fallbacks,
 * post-processors, sentence, figure; then format it.  at is where the
 * record starts (absolute), [us, ue) its unit, [ms, me) the match.
 */
static void
finish(struct engine *e, size_t kidx, const struct rule *r, size_t at,
    size_t us, size_t ue, size_t ms, size_t me)
{
	const struct kind *k = &e->rs->kinds[kidx];
	size_t i, para, pos;

	for (i = 0; i < r->nwithins; i++)
		within(e, k, &r->withins[i]);
	for (i = 0; i < r->nsets; i++) {
		const struct setv *sv = &r->sets[i];
		if (sv->only_empty && e->vals[sv->col].len > 0)
			continue;
		if (sv->when && sv->when_col == -2) {
			if (!title_test(e, sv->when))
				continue;
		} else if (sv->when &&
		    !when_test(e, sv->when, &e->vals[sv->when_col]))
			continue;
		buf_set(&e->vals[sv->col], sv->val, strlen(sv->val));
	}
	for (i = 0; i < r->nfallbacks; i++) {
		const struct fallback *f = &r->fallbacks[i];
		size_t is = 0;	/* the heading too: "Questions under SO 34" */
		const char *wv = NULL;
		size_t wl = 0, fat = is;
		if (e->vals[f->col].len > 0)
			continue;
		if (f->with && !with_value(e, f, &wv, &wl))
			continue;
		size_t gs = 0, ge = 0;
		int found = 0;
		struct fbcache *c;
		struct fbmatch m;
		/* "before" looks back no further than the end of the last
		 * record of this kind before this one (the motion of the
		 * previous vote is not this vote's) */
		for (size_t j = 0; f->before && j < e->nspan; j++) {
			const struct span *sp = span_at(e, j);
			if (sp->kind == kidx && sp->e <= ms && sp->e > fat)
				fat = sp->e;
		}
		if (!f->before) {
			found = fallback_first(e, f, wv, wl, &gs, &ge);
			goto set;
		}
		/* the last match that starts before this record's match
		 * holding the "with" value */
		c = fb_cache(e, f);
		while (fat <= e->text.len && bf_search(e, c, f, fat, &m) > 0) {
			if (m.s >= ms)
				break;
			if ((!wv || contains(e->text.data + m.s, m.e - m.s, wv,
			    wl)) && m.gs != NO_POS) {
				gs = m.gs;
				ge = m.ge;
				found = 1;
			}
			fat = m.e > m.s ? m.e : m.e + 1;
		}
set:
		if (found)
			buf_set(&e->vals[f->col], e->text.data + gs, ge - gs);
	}
	for (i = 0; i < r->npost; i++)
		postproc_apply(r->post[i].op, &e->vals[r->post[i].col],
		    &e->rs->ppw);
	for (i = 0; i < r->nskips; i++) {
		struct buf *v = &e->vals[r->skips[i].col];
		zero_pad(v);
		if (pat_match(e, &r->skips[i].pat, v->data ? v->data : "",
		    v->len, 0, 0, e->md3) >= 0)
			return;
	}
	if (r->tally_col >= 0)
		tally(e, k, r, r->line_from == LINE_FIELD &&
		    e->valpos[r->line_col] != NO_POS ? e->valpos[r->line_col] : at);
	if (r->sentence_col >= 0) {
		size_t ss, se;
		struct sentcache *c = &e->sent;
		sentence_span(e, us, ue, ms, me, &ss, &se);
		if (c->vgroup == e->ngroup && c->vs == ss && c->ve == se &&
		    c->val.data) {
			/* the sentence of the record before, squeezed */
			buf_set(&e->vals[r->sentence_col], c->val.data,
			    c->val.len);
		} else {
			buf_set(&e->vals[r->sentence_col], e->text.data + ss,
			    se - ss);
			postproc_apply(PP_SQUEEZE, &e->vals[r->sentence_col],
			    NULL);
			buf_set(&c->val, e->vals[r->sentence_col].data ?
			    e->vals[r->sentence_col].data : "",
			    e->vals[r->sentence_col].len);
			c->vgroup = e->ngroup;
			c->vs = ss;
			c->ve = se;
		}
	}
	if (r->line_from == LINE_HEADING) {
		para = 0;
		pos = 0;
	} else {
		if (r->line_from == LINE_FIELD && e->valpos[r->line_col] != NO_POS)
			at = e->valpos[r->line_col];
		para = para_at(e, at);
		pos = at + 1;
	}
	if (r->figure_col < 0) {
		format_record(e, kidx, para, pos);
		return;
	}
	struct figure f[2];
	struct buf *fv = &e->vals[r->figure_col];
	int n = figure_parse(fv->data ? fv->data : "", fv->len, f);
	if (n == 0)
		return;
	buf_set(&e->tmp, fv->data, fv->len);
	for (int j = 0; j < n; j++) {
		buf_set(&e->vals[k->col_type], fig_type_name[f[j].type],
		    strlen(fig_type_name[f[j].type]));
		buf_set(&e->vals[k->col_value], f[j].value, strlen(f[j].value));
		if (f[j].type != FIG_COUNT || e->vals[k->col_unit].len == 0)
			buf_set(&e->vals[k->col_unit], f[j].unit, strlen(f[j].unit));
		if (n == 2) {
			size_t a = f[j].start, b = j == 0 ? f[j].start + f[j].len :
			    e->tmp.len;
			buf_set(fv, e->tmp.data + a, b - a);
		}
		format_record(e, kidx, para, pos);
	}
}

/*
 * Spans of matches that gave records, kept sorted by (kind, start).  The
 * spans of one kind never overlap (an overlapping match is dropped), so
 * they are also sorted by end, and one binary search answers "does [s, e)
 * overlap a span of this kind?": only the last span starting before e
 * can.
 *
 * The array is a gap buffer: span i is at spans[i] before the gap (which
 * starts at sgap) and at spans[i + gap length] after it.  One rule's
 * matches come in text order, so each lands just after the one before:
 * the gap moves a little each time, where a plain sorted insert would
 * move every later span (quadratic in the records of one item).
 */
static struct span *
span_at(const struct engine *e, size_t i)
{
	return &e->spans[i < e->sgap ? i : i + (e->scap - e->nspan)];
}

static size_t
span_find(const struct engine *e, size_t kidx, size_t en)
{
	size_t lo = 0, hi = e->nspan;

	/* first span not before (kidx, en) */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct span *sp = span_at(e, mid);
		if (sp->kind < kidx || (sp->kind == kidx && sp->s < en))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
overlaps(struct engine *e, size_t kidx, size_t s, size_t en)
{
	size_t i = span_find(e, kidx, en);

	if (i < e->nspan && s == en && span_at(e, i)->kind == kidx &&
	    span_at(e, i)->s == s && span_at(e, i)->e == s)
		return 1;
	if (i == 0)
		return 0;
	const struct span *sp = span_at(e, i - 1);
	return sp->kind == kidx && (s < sp->e || (s == sp->s && sp->s == sp->e));
}

static void
add_span(struct engine *e, size_t kidx, size_t s, size_t en)
{
	size_t i, gap, tail;

	if (e->nspan == e->scap) {
		/* full: the gap is empty; the spans after sgap move to the
		 * end of the larger array */
		size_t ncap = e->scap ? 2 * e->scap : 64;
		tail = e->nspan - e->sgap;
		e->spans = xrealloc(e->spans, ncap * sizeof *e->spans);
		memmove(&e->spans[ncap - tail], &e->spans[e->sgap],
		    tail * sizeof *e->spans);
		e->scap = ncap;
	}
	i = span_find(e, kidx, s + 1);
	gap = e->scap - e->nspan;
	if (i < e->sgap)
		memmove(&e->spans[i + gap], &e->spans[i],
		    (e->sgap - i) * sizeof *e->spans);
	else if (i > e->sgap)
		memmove(&e->spans[e->sgap], &e->spans[e->sgap + gap],
		    (i - e->sgap) * sizeof *e->spans);
	e->spans[i].kind = kidx;
	e->spans[i].s = s;
	e->spans[i].e = en;
	e->sgap = i + 1;
	e->nspan++;
}

static void
save_vals(struct engine *e, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++) {
		buf_set(&e->saved[c], e->vals[c].data ? e->vals[c].data : "",
		    e->vals[c].len);
		e->savedpos[c] = e->valpos[c];
	}
}

static void
restore_vals(struct engine *e, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++) {
		buf_set(&e->vals[c], e->saved[c].data ? e->saved[c].data : "",
		    e->saved[c].len);
		e->valpos[c] = e->savedpos[c];
	}
}

/* One match of rule r (its ovector copied to e->ov) in unit [us, ue). */
static void
one_match(struct engine *e, size_t kidx, const struct rule *r,
    const struct pat *p, size_t us, size_t ue)
{
	const struct kind *k = &e->rs->kinds[kidx];
	size_t ms = e->ov[0], me = e->ov[1], c, i;
	unsigned g;

	if (k->npatterns > 1 && overlaps(e, kidx, ms, me))
		return;
	if (r->nunless) {
		size_t ss, se;
		sentence_span(e, us, ue, ms, me, &ss, &se);
		for (i = 0; i < r->nunless; i++)
			if (run(e, &r->unless[i], e->md3, ss, se, ss, 0) >= 0)
				return;
	}
	for (c = 0; c < k->ncols; c++) {
		buf_reset(&e->vals[c]);
		e->valpos[c] = NO_POS;
	}
	for (g = 1; g <= p->ngroups; g++) {
		int col = p->col[g];
		if (col < 0 || e->ov[2 * g] == PCRE2_UNSET ||
		    e->valpos[col] != NO_POS)
			continue;
		buf_set(&e->vals[col], e->text.data + e->ov[2 * g],
		    e->ov[2 * g + 1] - e->ov[2 * g]);
		e->valpos[col] = e->ov[2 * g];
	}
	/* Groups of the block's start paragraph (a PRESENT or Apologies
	 * label) fill the columns the match left empty. */
	for (g = 1; e->blk && g <= e->blk->ngroups; g++) {
		int col = e->blk->col[g];
		if (col < 0 || e->blkov[2 * g] == PCRE2_UNSET ||
		    e->valpos[col] != NO_POS)
			continue;
		buf_set(&e->vals[col], e->text.data + e->blkov[2 * g],
		    e->blkov[2 * g + 1] - e->blkov[2 * g]);
		e->valpos[col] = e->blkov[2 * g];
	}
	e->curpat = p;
	add_span(e, kidx, ms, me);
	if (!r->split || e->valpos[r->split_col] == NO_POS) {
		finish(e, kidx, r, ms, us, ue, ms, me);
		return;
	}

	/* split FIELD on /sep/: one record per element; the separator's
	 * named groups fill columns of the element after it. */
	size_t base = e->valpos[r->split_col], at = 0, start = 0;
	int have_pending = 0;
	for (c = 0; c < k->ncols; c++)
		e->pendset[c] = 0;
	buf_set(&e->split, e->vals[r->split_col].data,
	    e->vals[r->split_col].len);
	zero_tail(&e->split, &e->split_zeroed);
	save_vals(e, k->ncols);
	for (;;) {
		size_t es, ee, ss = e->split.len, se = e->split.len;
		int rc = pat_match(e, r->split, e->split.data, e->split.len,
		    at, 0, e->md2);
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md2);
		if (rc >= 0) {
			ss = ov[0];
			se = ov[1];
		}
		es = start;
		ee = ss;
		while (es < ee && (e->split.data[es] == ' ' ||
		    e->split.data[es] == '\n'))
			es++;
		while (ee > es && (e->split.data[ee - 1] == ' ' ||
		    e->split.data[ee - 1] == '\n'))
			ee--;
		if (ee > es) {
			restore_vals(e, k->ncols);
			if (have_pending)
				for (c = 0; c < k->ncols; c++)
					if (e->pendset[c]) {
						buf_set(&e->vals[c], e->pending[c].data,
						    e->pending[c].len);
						e->valpos[c] = e->pendpos[c];
					}
			buf_set(&e->vals[r->split_col], e->split.data + es, ee - es);
			e->valpos[r->split_col] = base + es;
			finish(e, kidx, r, base + es, us, ue, ms, me);
		}
		if (rc < 0)
			break;
		/* This separator's groups belong to the elements after it,
		 * until a later separator captures the same column: a label
		 * ("For:", "(a)") heads everything up to the next label. */
		have_pending = 1;
		for (c = 0; c < k->ncols; c++)
			e->seen[c] = 0;
		for (g = 1; g <= r->split->ngroups; g++) {
			int col = r->split->col[g];
			if (col < 0 || ov[2 * g] == PCRE2_UNSET || e->seen[col])
				continue;
			e->seen[col] = 1;
			buf_set(&e->pending[col], e->split.data + ov[2 * g],
			    ov[2 * g + 1] - ov[2 * g]);
			e->pendpos[col] = base + ov[2 * g];
			e->pendset[col] = 1;
		}
		start = se;
		at = se > ss ? se : se + 1;
		if (at > e->split.len)
			break;
	}
}

/*
 * Of the sixteen places p[0..16), those that may start a word (bit k for
 * p[k]): the byte before is no ASCII letter, digit or _ (next_match's
 * inword) and p[k] no UTF-8 continuation byte.  Reads p[-1].
 */
static inline uint32_t
word_starts16(const unsigned char *p)
{
	bytes16 prev = bytes16_load((const char *)p - 1);
	bytes16 cur = bytes16_load((const char *)p);
	mask16 inw = ((bytes16)(prev - '0') <= 9) |
	    ((bytes16)((prev | 0x20) - 'a') <= 25) | (prev == '_');
	mask16 cont = (cur & 0xC0) == 0x80;

	return mask16_bits(~(inw | cont));
}

/*
 * The first match of p in unit [us, ue) that starts at or after at, as
 * run() returns it.  A rule's anchor narrows where that can be:
 *   any        PCRE2 tries every position;
 *   paragraph  only inside the paragraphs of the unit that hold a need
 *              literal (e->lpara, made by run_unit): PCRE2 searches from
 *              each with an offset limit at its end, and the match may
 *              run on past it;
 *   word       only at the start of a word (no ASCII letter, digit or _
 *              before it) where a need literal starts, or where a
 *              character outside ASCII does (PCRE2's \d and caseless
 *              letters know more than the literals): each such position
 *              is tried alone (an offset limit at it), in order.  Where PCRE2 would
 *              try every position whose first byte may start the pattern
 *              (for a count, every "e", "o", "t" …), a byte costs a table
 *              look-up;
 *   literal    only just before each place where a literal of the rule's
 *              anchor starts (litset_next): PCRE2 searches from the last
 *              byte before it outside the anchor's class, with an offset
 *              limit at the literal, and the match may run on past it.
 * It gives the matches the unanchored search gives, as long as the rule
 * keeps the anchor's promise; it differs in what is never tried.
 */
/*
 * run() from `from` with PCRE2's offset limit at lim: only a match that
 * starts at or before lim (PCRE2_ANCHORED at match time would turn the
 * JIT off, an offset limit does not).
 */
static int
run_upto(struct engine *e, const struct pat *p, size_t us, size_t ue,
    size_t from, size_t lim, struct rprof *pf)
{
	int rc;

	if (pf)
		pf->tries++;
	pcre2_set_offset_limit(e->mctx, lim - us);
	e->limit_set = 1;
	rc = run(e, p, e->md, us, ue, from, 0);
	pcre2_set_offset_limit(e->mctx, PCRE2_UNSET);
	e->limit_set = 0;
	return rc;
}

static int
next_match(struct engine *e, size_t kidx, const struct rule *r,
    const struct pat *p, size_t us, size_t ue, size_t at, struct rprof *pf)
{
	/* ASCII letters, digits and _: a byte that may not precede a word */
	static const unsigned char inword[256] = {
		['0'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		['A'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		1, 1, 1, 1, 1, 1, 1, ['_'] = 1,
		['a'] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
		1, 1, 1, 1, 1, 1, 1,
	};
	const unsigned char *t = (const unsigned char *)e->text.data;
	const struct litset *st;
	size_t i;
	int rc;

	switch (r->anchor) {
	case ANCHOR_ANY:
		break;
	case ANCHOR_WORD:
		st = e->rstart[e->rbase[kidx] +
		    (size_t)(r - e->rs->kinds[kidx].rules)];
		for (i = at; i < ue; ) {
			/* the places that may start a word, sixteen at a time
			 * (word_starts16) where the block and the byte before
			 * it lie in the unit, else one */
			size_t base = i, j;
			uint32_t cand;

			if (i > us && i + 16 <= ue) {
				cand = word_starts16(t + i);
				i += 16;
			} else {
				cand = (i == us || !inword[t[i - 1]]) &&
				    (t[i] & 0xC0) != 0x80;
				i++;
			}
			for (; cand; cand &= cand - 1) {
				j = base + (size_t)__builtin_ctz(cand);
				if (t[j] < 0x80 &&
				    !litset_starts(st, e->text.data, ue, j))
					continue;
				rc = run_upto(e, p, us, ue, j, j, pf);
				if (rc != PCRE2_ERROR_NOMATCH)
					return rc;
			}
		}
		return PCRE2_ERROR_NOMATCH;
	case ANCHOR_LITERAL:
		st = e->rstart[e->rbase[kidx] +
		    (size_t)(r - e->rs->kinds[kidx].rules)];
		/* i: positions before it are tried (or can start no match) */
		for (i = at; i < ue; ) {
			size_t lp = litset_next(st, e->text.data, ue, i), from;

			if (lp >= ue)
				break;
			/* a match that holds the literal at lp starts after
			 * the last byte before it outside the class; one that
			 * holds none before a later literal starts later */
			for (from = lp; from > i && r->aclass[t[from - 1]]; from--)
				;
			rc = run_upto(e, p, us, ue, from, lp, pf);
			if (rc != PCRE2_ERROR_NOMATCH)
				return rc;
			i = lp + 1;
		}
		return PCRE2_ERROR_NOMATCH;
	case ANCHOR_PARAGRAPH:
		for (i = 0; i < e->nlpara; i++) {
			const struct para *q = &e->paras[e->lpara[i]];
			size_t from = at > q->off ? at : q->off;
			size_t lim = q->off + q->len;
			if (lim > ue)
				lim = ue;
			if (from > lim)
				continue;
			rc = run_upto(e, p, us, ue, from, lim, pf);
			if (rc != PCRE2_ERROR_NOMATCH)
				return rc;
		}
		return PCRE2_ERROR_NOMATCH;
	}
	if (pf)
		pf->tries++;
	return run(e, p, e->md, us, ue, at, 0);
}

/*
 * Run every match pattern of r over the unit of paragraphs [pa, pb)
 * (their text [us, ue)), globally, once the prefilter passed it; pf: the
 * rule's profile, or NULL.
 */
static void
unit_run(struct engine *e, size_t kidx, const struct rule *r, size_t pa,
    size_t pb, struct rprof *pf)
{
	size_t m, i;
	size_t us = pa < e->np ? e->paras[pa].off : e->text.len;
	size_t ue = pb > pa ? e->paras[pb - 1].off + e->paras[pb - 1].len : us;
	struct timespec t0, t1;

	if (pf) {
		pf->passed++;
		clock_gettime(CLOCK_MONOTONIC, &t0);
	}
	if (r->anchor == ANCHOR_PARAGRAPH) {
		/* the paragraphs of the unit that hold a literal, in order */
		e->nlpara = 0;
		for (i = pa; i < pb; i++)
			if (units_have(e, kidx, r, i, i + 1))
				e->lpara[e->nlpara++] = i;
	}
	for (i = 0; i < r->nwarns && e->opts->warn; i++) {
		size_t at = us;
		while (at <= ue && run(e, &r->warns[i].pat, e->md, us, ue, at, 0) >= 0) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md);
			char msg[600];
			snprintf(msg, sizeof msg, "warning: %s", r->warns[i].msg);
			warn_at(e, para_at(e, ov[0]), msg);
			at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
		}
	}
	for (m = 0; m < r->nmatch; m++) {
		const struct pat *p = &r->match[m];
		size_t at = us;
		uint32_t n2 = 2 * (p->ngroups + 1);
		while (at <= ue) {
			if (next_match(e, kidx, r, p, us, ue, at, pf) < 0)
				break;
			memcpy(e->ov, pcre2_get_ovector_pointer(e->md),
			    n2 * sizeof *e->ov);
			one_match(e, kidx, r, p, us, ue);
			if (pf)
				pf->calls++;
			if (e->ov[1] > e->ov[0])
				at = e->ov[1];
			else {
				at = e->ov[1] + 1;
				while (at < ue &&
				    ((unsigned char)e->text.data[at] & 0xC0) == 0x80)
					at++;
			}
		}
	}
	if (pf) {
		clock_gettime(CLOCK_MONOTONIC, &t1);
		pf->ns += (unsigned long long)(t1.tv_sec - t0.tv_sec) *
		    1000000000ull + (unsigned long long)t1.tv_nsec -
		    (unsigned long long)t0.tv_nsec;
	}
}

/* The unit [pa, pb) of rule r, if its literal prefilter passes it. */
static void
run_unit(struct engine *e, size_t kidx, const struct rule *r, size_t pa,
    size_t pb)
{
	struct rprof *pf = e->prof ?
	    &e->prof[kidx][r - e->rs->kinds[kidx].rules] : NULL;

	if (pf)
		pf->units++;
	if (units_have(e, kidx, r, pa, pb))
		unit_run(e, kidx, r, pa, pb, pf);
}

/*
 * The paragraphs from pa on, each a unit of rule r.  The prefilter of
 * run_unit is asked here, inline: most paragraphs hold none of a rule's
 * literals (and most groups none of them at all), and a call for each
 * cost more than its test.
 */
static void
run_paragraphs(struct engine *e, size_t kidx, const struct rule *r,
    size_t pa)
{
	struct rprof *pf = e->prof ?
	    &e->prof[kidx][r - e->rs->kinds[kidx].rules] : NULL;
	const uint64_t *m, *b;
	size_t i, w, lw = e->lw;

	if (pa >= e->np)
		return;
	if (pf)
		pf->units += e->np - pa;
	if (r->nneed == 0) {
		for (i = pa; i < e->np; i++)
			unit_run(e, kidx, r, i, i + 1, pf);
		return;
	}
	m = e->rmask + (e->rbase[kidx] +
	    (size_t)(r - e->rs->kinds[kidx].rules)) * lw;
	if (pa <= 1) {
		b = pa == 0 ? e->gall : e->grest;
		for (w = 0; w < lw && !(b[w] & m[w]); w++)
			;
		if (w == lw)
			return;
	}
	for (i = pa; i < e->np; i++) {
		b = e->pbits + i * lw;
		for (w = 0; w < lw && !(b[w] & m[w]); w++)
			;
		if (w < lw)
			unit_run(e, kidx, r, i, i + 1, pf);
	}
}

/*
 * Does scope test p (text= or text!=) match the group's item text from
 * ts?  The answer is kept for the group: "rule B like A" repeats A's
 * tests, each a search of the whole item.  (A match error is not kept:
 * the next rule asking runs the search, and warns, again.)
 */
static int
text_test(struct engine *e, const struct pat *p, size_t ts)
{
	struct textres *t = &e->textres[p->code->id];
	int rc;

	if (t->group == e->ngroup)
		return t->match;
	rc = run(e, p, e->md3, ts, e->text.len, ts, 0);
	if (rc >= 0 || rc == PCRE2_ERROR_NOMATCH) {
		t->group = e->ngroup;
		t->match = rc >= 0;
	}
	return rc >= 0;
}

static int
scope_admits(struct engine *e, size_t kidx, const struct rule *r)
{
	size_t i;

	if (!(r->sections & e->section))
		return 0;
	if (r->in_item >= 0 && r->in_item != e->in_item)
		return 0;
	/* The rest of a cut or resumed item: its text is searched like any
	 * item's, but the item's own record (line heading) came with its
	 * first piece. */
	if (e->continued && r->line_from == LINE_HEADING)
		return 0;
	/* A paragraph or item rule whose literals are not in the group
	 * finds nothing in it: its title tests (silent, whatever they
	 * answer) need not run, nor be JIT-compiled.  (A block rule still
	 * looks for its blocks, and the profile counts the groups its scope
	 * admits.) */
	if (r->unit != UNIT_BLOCK && !e->prof &&
	    !units_have(e, kidx, r, 0, e->np))
		return 0;
	for (i = 0; i < r->ntitles; i++)
		if (!title_test(e, &r->titles[i]))
			return 0;
	for (i = 0; i < r->nnotitles; i++)
		if (title_test(e, &r->notitles[i]))
			return 0;
	if (r->ntexts || r->nnotexts) {
		/* the item text after its heading, as unit item sees it */
		size_t first = e->heading ? 1 : 0;
		size_t ts = first < e->np ? e->paras[first].off : e->text.len;
		/* a rule whose literals are not in the group never runs on
		 * it: spare the scan of the whole item (from the group's
		 * start, so later units still find their literals) */
		if (!units_have(e, kidx, r, 0, e->np))
			return 0;
		for (i = 0; i < r->ntexts; i++)
			if (!text_test(e, &r->texts[i], ts))
				return 0;
		for (i = 0; i < r->nnotexts; i++)
			if (text_test(e, &r->notexts[i], ts))
				return 0;
	}
	return 1;
}

static void
run_rule(struct engine *e, size_t kidx, const struct rule *r)
{
	size_t first = e->heading ? 1 : 0, i, j;

	switch (r->unit) {
	case UNIT_PARAGRAPH:
		run_paragraphs(e, kidx, r, r->heading ? 0 : first);
		break;
	case UNIT_ITEM:
		run_unit(e, kidx, r, first, e->np > first ? e->np : first);
		break;
	case UNIT_BLOCK: {
		/* A block ends at the paragraph after its last one, where the
		 * block start was asked already: known says what it answered
		 * (1: a match, its ovector in nextov; 0: none), so that it is
		 * not asked again; -1: ask (an error is asked again, and warns
		 * again, as it always did). */
		size_t nov = 2 * (r->block_start->ngroups + 1);
		int known = -1, rc;
		for (i = first; i < e->np; i++) {
			const struct para *p = &e->paras[i];
			if (known == 0) {
				known = -1;
				continue;
			}
			if (known == 1)
				memcpy(e->blkov, e->nextov, nov * sizeof *e->blkov);
			else {
				if (run(e, r->block_start, e->md, p->off,
				    p->off + p->len, p->off, 0) < 0)
					continue;
				memcpy(e->blkov, pcre2_get_ovector_pointer(e->md),
				    nov * sizeof *e->blkov);
			}
			known = -1;
			for (j = i + 1; j < e->np; j++) {
				const struct para *q = &e->paras[j];
				rc = run(e, r->block_start, e->md, q->off,
				    q->off + q->len, q->off, 0);
				if (rc >= 0) {
					memcpy(e->nextov,
					    pcre2_get_ovector_pointer(e->md),
					    nov * sizeof *e->nextov);
					known = 1;
					break;
				}
				known = rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
				if (r->block_end && run(e, r->block_end, e->md,
				    q->off, q->off + q->len, q->off, 0) >= 0)
					break;
			}
			e->blk = r->block_start;
			run_unit(e, kidx, r, i, j);
			e->blk = NULL;
			i = j - 1;
		}
		break;
	}
	}
}

/* Rule ri of kind kidx over the group, if its scope admits it. */
static void
one_rule(struct engine *e, size_t kidx, size_t ri)
{
	const struct rule *r = &e->rs->kinds[kidx].rules[ri];

	if (!scope_admits(e, kidx, r))
		return;
	if (e->prof)
		e->prof[kidx][ri].groups++;
	run_rule(e, kidx, r);
}

#ifdef MM_PROFILE_RULES
/*
 * bench/profile-rules: each rule (by its index over the rule set, modulo
 * 64) runs through a function of its own, rule_NN (NN the index in
 * octal), so that callgrind's inclusive cost of rule_NN is what that
 * rule costs in instructions, the JIT's code (which callgrind cannot
 * name) and the record's finishing included.  MINUTES_EXTRACT_RULEMAP
 * prints which rule each rule_NN is.
 */
#define RULE_FN(n) static __attribute__((noinline)) void \
rule_##n(struct engine *e, size_t k, size_t r) \
{ one_rule(e, k, r); __asm__ volatile(""); }
#define RULE_FN8(a) RULE_FN(a##0) RULE_FN(a##1) RULE_FN(a##2) RULE_FN(a##3) \
	RULE_FN(a##4) RULE_FN(a##5) RULE_FN(a##6) RULE_FN(a##7)
RULE_FN8(0) RULE_FN8(1) RULE_FN8(2) RULE_FN8(3) RULE_FN8(4) RULE_FN8(5)
RULE_FN8(6) RULE_FN8(7)
#define RULE_NM8(a) rule_##a##0, rule_##a##1, rule_##a##2, rule_##a##3, \
	rule_##a##4, rule_##a##5, rule_##a##6, rule_##a##7
static void (*const rule_fn[64])(struct engine *, size_t, size_t) = {
	RULE_NM8(0), RULE_NM8(1), RULE_NM8(2), RULE_NM8(3), RULE_NM8(4),
	RULE_NM8(5), RULE_NM8(6), RULE_NM8(7),
};
#define RUN_RULE(e, k, r) rule_fn[((e)->rbase[k] + (r)) % 64](e, k, r)
#else
#define RUN_RULE(e, k, r) one_rule(e, k, r)
#endif

static inline int
rec_less(const struct rec *x, const struct rec *y)
{
	if (x->line != y->line)
		return x->line < y->line;
	if (x->pos != y->pos)
		return x->pos < y->pos;
	return x->seq < y->seq;
}

/*
 * The group's records by line, then position, then order found (seq
 * makes every key distinct: one order only, as qsort gave it).  They
 * often come in order already (one look says so); else runs of eight
 * by insertion, then merges of doubling width, the compare inline
 * (qsort's call of a compare function for each pair cost more than the
 * compare).
 */
static void
sort_recs(struct engine *e)
{
	struct rec *a = e->recs, *b, *t;
	size_t n = e->nrec, i, j, w;

	for (i = 1; i < n && rec_less(&a[i - 1], &a[i]); i++)
		;
	if (i >= n)
		return;
	if (e->scap_recs < n) {
		e->scap_recs = e->rcap;
		e->srecs = xrealloc(e->srecs, e->scap_recs * sizeof *e->srecs);
	}
	b = e->srecs;
	for (i = 0; i < n; i += 8) {
		size_t end = i + 8 < n ? i + 8 : n;
		for (j = i + 1; j < end; j++) {
			struct rec x = a[j];
			size_t k = j;
			while (k > i && rec_less(&x, &a[k - 1])) {
				a[k] = a[k - 1];
				k--;
			}
			a[k] = x;
		}
	}
	for (w = 8; w < n; w *= 2) {
		for (i = 0; i < n; i += 2 * w) {
			size_t m = i + w < n ? i + w : n;
			size_t end = i + 2 * w < n ? i + 2 * w : n;
			size_t p = i, q = m, o = i;
			while (p < m && q < end)
				b[o++] = rec_less(&a[q], &a[p]) ? a[q++] : a[p++];
			while (p < m)
				b[o++] = a[p++];
			while (q < end)
				b[o++] = a[q++];
		}
		t = a;
		a = b;
		b = t;
	}
	if (a != e->recs)
		memcpy(e->recs, a, n * sizeof *a);
}

static void
check_markers(struct engine *e)
{
	size_t kidx, i, us;

	if (!e->opts->warn || !e->heading)
		return;
	us = e->np > 1 ? e->paras[1].off : e->text.len;
	for (kidx = 0; kidx < e->rs->nkinds; kidx++) {
		const struct kind *k = &e->rs->kinds[kidx];
		if (!k->keep || e->kind_recs[kidx] > 0)
			continue;
		for (i = 0; i < k->nmarkers; i++) {
			if (run(e, &k->markers[i].pat, e->md, us, e->text.len, us,
			    0) < 0)
				continue;
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(e->md);
			char msg[700];
			size_t l = ov[1] - ov[0];
			snprintf(msg, sizeof msg,
			    "warning: minute %s: \"%.*s%s\" but no %s record%s%s",
			    e->minute.data, (int)(l > 60 ? 60 : l),
			    e->text.data + ov[0], l > 60 ? "…" : "", k->name,
			    k->markers[i].msg[0] ? ": " : "", k->markers[i].msg);
			for (char *c = msg; *c; c++)
				if (*c == '\n')
					*c = ' ';
			warn_at(e, para_at(e, ov[0]), msg);
			break;
		}
	}
}

/* The index of section bit sec (SEC_MINUTES … SEC_OTHER, 1 << 0 …
 * 1 << 3): 0 to 3. */
static size_t
section_index(unsigned sec)
{
	return sec & SEC_MINUTES ? 0 : sec & SEC_AGENDA ? 1 :
	    sec & SEC_REPORT ? 2 : 3;
}

static void
process_group(struct engine *e)
{
	size_t kidx, ri, i, w;

	if (e->np == 0)
		return;
	e->ngroup++;
	if (e->lcap < e->np) {	/* room as add_para made for paras */
		e->lcap = e->pcap;
		e->lpara = xrealloc(e->lpara, e->lcap * sizeof *e->lpara);
		e->pbits = xrealloc(e->pbits, e->lcap * e->lw * sizeof *e->pbits);
	}
	/* the need literals of each paragraph, in one scan of them all */
	memset(e->pbits, 0, e->np * e->lw * sizeof *e->pbits);
	litset_scan_parts(e->sls[section_index(e->section)], e->text.data,
	    e->pend, e->np, e->pbits);
	memcpy(e->gall, e->pbits, e->lw * sizeof *e->gall);
	memset(e->grest, 0, e->lw * sizeof *e->grest);
	for (i = 1; i < e->np; i++)
		for (w = 0; w < e->lw; w++)
			e->grest[w] |= e->pbits[i * e->lw + w];
	for (w = 0; w < e->lw; w++)
		e->gall[w] |= e->grest[w];
	zero_tail(&e->text, &e->text_zeroed);
	zero_tail(&e->title, &e->title_zeroed);
	buf_reset(&e->recbuf);
	e->nrec = e->nspan = e->sgap = e->seq = 0;
	for (kidx = 0; kidx < e->rs->nkinds; kidx++)
		e->kind_recs[kidx] = 0;
	for (kidx = 0; kidx < e->rs->nkinds; kidx++) {
		const struct kind *k = &e->rs->kinds[kidx];
		if (!k->keep)
			continue;
		for (ri = 0; ri < k->nrules; ri++)
			RUN_RULE(e, kidx, ri);
	}
	check_markers(e);
	if (e->nrec > 1)
		sort_recs(e);
	for (i = 0; i < e->nrec; i++) {
		const char *r = e->recbuf.data + e->recs[i].off;

		/* format_record made it: its kind's fields (the stream's
		 * section…title fields, escaped, hold their four TABs and no
		 * other; a value escaped holds none) and its LF */
		if (e->sink)
			sink_record(e->sink, e->recs[i].kind, r, e->recs[i].len);
		else
			write_record(e, e->recs[i].kind, r, e->recs[i].len);
	}
	e->np = 0;
	buf_reset(&e->text);
	buf_reset(&e->lines);
	e->nbrks = 0;
}

static unsigned
section_bit(const char *s, size_t n)
{
	if (n == 7 && !memcmp(s, "minutes", 7))
		return SEC_MINUTES;
	if (n == 6 && !memcmp(s, "agenda", 6))
		return SEC_AGENDA;
	if (n == 6 && !memcmp(s, "report", 6))
		return SEC_REPORT;
	return SEC_OTHER;
}

static void
start_group(struct engine *e, struct field *f)
{
	size_t n;

	int resumed;

	n = (size_t)(f[6].p + f[6].len - f[2].p);
	/* A minute item that resumes after a paragraph of another part (a
	 * stray page footer) has no heading of its own: its paragraphs are
	 * searched, but it gives no second item record. */
	/* An item is a minute or, in minutes, a title: an unnumbered item
	 * ("Election of Chair" before minute 1) has only its title. */
	e->section = section_bit(f[2].p, f[2].len);
	e->in_item = f[5].len > 0 || (e->section == SEC_MINUTES && f[6].len > 0);
	resumed = e->in_item && e->last_item.len == f[0].len + 1 + n &&
	    !memcmp(e->last_item.data, f[0].p, f[0].len) &&
	    !memcmp(e->last_item.data + f[0].len + 1, f[2].p, n);
	buf_set(&e->src, f[0].p, f[0].len);
	buf_set(&e->srcname, f[0].p, f[0].len);
	buf_set(&e->rest, f[2].p, n);
	buf_set(&e->minute, f[5].p, f[5].len);
	e->minute.len = tsv_unescape(e->minute.data, e->minute.len, NULL);
	buf_set(&e->title, f[6].p, f[6].len);
	e->title.len = tsv_unescape(e->title.data, e->title.len, NULL);
	e->heading = e->in_item && e->section == SEC_MINUTES && !resumed;
	e->continued = resumed;
	if (e->heading) {
		buf_set(&e->last_item, f[0].p, f[0].len);
		buf_putc(&e->last_item, '\t');
		buf_append(&e->last_item, f[2].p, n);
	}
}

static int
same_group(const struct engine *e, struct field *f)
{
	size_t n = (size_t)(f[6].p + f[6].len - f[2].p);

	return f[0].len == e->src.len && !memcmp(f[0].p, e->src.data, f[0].len) &&
	    n == e->rest.len && !memcmp(f[2].p, e->rest.data, n);
}

/*
 * Append s[0..n) to b with each malformed UTF-8 byte replaced by U+FFFD,
 * so that every pattern sees valid text (under PCRE2's invalid-UTF mode a
 * bad byte would stop even "." and lose a whole item).
 */
static void
append_utf8(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start = 0, l;

	/* ASCII sixteen bytes at a time (bytescan.h): most text is */
	while ((i = skip_ascii(s, i, n)) < n) {
		if ((l = utf8_seq_len(u + i, n - i)) > 0) {
			i += l;
			continue;
		}
		buf_append(b, s + start, i - start);
		buf_append(b, "\xEF\xBF\xBD", 3);
		start = ++i;
	}
	buf_append(b, s + start, n - start);
}

/*
 * The stream line's paragraph, f[7], joins the group.  plain: it holds
 * no backslash and no byte >= 0x80 (the reader saw as it split the
 * line), so it is its own unescaped, valid text and is copied as it is.
 */
static void
add_para(struct engine *e, struct field *f, unsigned long line,
    unsigned long page, const char *brk, size_t brklen, int plain)
{
	struct para *p;
	size_t len;

	if (e->np == e->pcap) {
		e->pcap = e->pcap ? 2 * e->pcap : 64;
		e->paras = xrealloc(e->paras, e->pcap * sizeof *e->paras);
		e->pend = xrealloc(e->pend, e->pcap * sizeof *e->pend);
	}
	if (e->np > 0)
		buf_putc(&e->text, '\n');
	p = &e->paras[e->np++];
	p->line = line;
	p->page = page;
	p->brk = e->nbrks;
	p->nbrk = 0;
	/* ",OFF,OFF…": offsets in the paragraph's text where a page starts */
	while (brklen > 1 && *brk == ',') {
		size_t v = 0;
		brk++, brklen--;
		while (brklen > 0 && *brk >= '0' && *brk <= '9') {
			v = v * 10 + (size_t)(*brk - '0');
			brk++, brklen--;
		}
		if (e->nbrks == e->brkcap) {
			e->brkcap = e->brkcap ? 2 * e->brkcap : 16;
			e->brks = xrealloc(e->brks, e->brkcap * sizeof *e->brks);
		}
		e->brks[e->nbrks++] = v;
		p->nbrk++;
	}
	p->lstr = e->lines.len;
	p->llen = f[1].len;
	buf_append(&e->lines, f[1].p, f[1].len);
	p->off = e->text.len;
	if (plain) {
		buf_append(&e->text, f[7].p, f[7].len);
	} else {
		len = tsv_unescape(f[7].p, f[7].len, NULL);
		append_utf8(&e->text, f[7].p, len);
	}
	p->len = e->text.len - p->off;
	e->pend[e->np - 1] = e->text.len;
}

static int
fb_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct fbcache *)a)->f,
	    y = (uintptr_t)((const struct fbcache *)b)->f;

	return x < y ? -1 : x > y;
}

/*
 * A cache for every fallback, sorted by address.  A "before" one's
 * searches are remembered (bf_search) unless it may match the empty
 * string, or its text (the prelude included) may hold \G or a verb:
 * "(*" (a false alarm only costs the work remembering spares).
 */
static void
fb_init(struct engine *e)
{
	const struct ruleset *rs = e->rs;
	size_t k, r, i;

	for (k = 0; k < rs->nkinds; k++)
		for (r = 0; rs->kinds[k].keep && r < rs->kinds[k].nrules; r++) {
			const struct rule *ru = &rs->kinds[k].rules[r];
			for (i = 0; i < ru->nfallbacks; i++) {
				const struct code *co = ru->fallbacks[i].pat.code;
				struct fbcache *c;
				uint32_t empty = 1;
				pcre2_pattern_info(co->re, PCRE2_INFO_MATCHEMPTY,
				    &empty);
				c = rules_grow(&e->fb, &e->nfb, sizeof *e->fb);
				c->f = &ru->fallbacks[i];
				c->memo = ru->fallbacks[i].before && !empty &&
				    !memmem(co->src, co->len, "\\G", 2) &&
				    !memmem(co->src, co->len, "(*", 2);
			}
		}
	if (e->nfb > 1)
		qsort(e->fb, e->nfb, sizeof *e->fb, fb_cmp);
	/* Fallbacks of the same code and column (a common used by several
	 * rules) find the same matches: the first one's entry keeps them. */
	for (i = 0; i < e->nfb; i++) {
		const struct fallback *f = e->fb[i].f;
		e->fb[i].share = &e->fb[i];
		for (k = 0; k < i; k++)
			if (e->fb[k].f->pat.code == f->pat.code &&
			    e->fb[k].f->col == f->col &&
			    e->fb[k].f->before == f->before) {
				e->fb[i].share = e->fb[k].share;
				break;
			}
	}
}

/* Does every need literal of rule a (idx: their litset indices) hold
 * one of b's? */
static int
need_within(const struct rule *a, const struct rule *b, const size_t *idx)
{
	size_t i, j;

	for (i = 0; i < a->nneed; i++) {
		for (j = 0; j < b->nneed &&
		    idx[b->need[j].id] != idx[a->need[i].id]; j++)
			;
		if (j == b->nneed)
			return 0;
	}
	return 1;
}

/* The literals n[0..nn), compiled into a litset of their own. */
static struct litset *
litset_of(const struct need *n, size_t nn)
{
	struct litset *ls = litset_new();
	size_t i;

	for (i = 0; i < nn; i++)
		(void)litset_add(ls, n[i].lit, n[i].len);
	litset_compile(ls);
	return ls;
}

/*
 * The need literals of the kept kinds, and each rule's mask (a kind not
 * kept runs no rule: its literals are not looked for).  A bit of the
 * masks is not a literal but a rule's list of them: rules with the same
 * literals share one, and each literal sets the bits of the lists that
 * hold it (litset_map).  The literals are looked for in a group only
 * when a rule its section admits needs them (scope_admits asks nothing
 * else of a rule it turns away): a report is searched for money and
 * percentages, not for the forty words of a count in the minutes.
 */
static void
need_init(struct engine *e)
{
	const struct ruleset *rs = e->rs;
	size_t k, r, i, c, nrules = 0, ncls = 0, nl, sb, o, a, na, *adm;
	const struct rule **rl;	/* every rule, by its index over all */
	size_t *idx = xcalloc(rs->nlits ? rs->nlits : 1, sizeof *idx);
	size_t *rcls;
	const struct rule **cls;
	struct litset *all = litset_new();
	unsigned char *in[4];

	e->rbase = xcalloc(rs->nkinds ? rs->nkinds : 1, sizeof *e->rbase);
	for (k = 0; k < rs->nkinds; k++) {
		e->rbase[k] = nrules;
		nrules += rs->kinds[k].nrules;
		for (r = 0; rs->kinds[k].keep && r < rs->kinds[k].nrules; r++) {
			const struct rule *ru = &rs->kinds[k].rules[r];
			for (i = 0; i < ru->nneed; i++)
				idx[ru->need[i].id] = litset_add(all,
				    ru->need[i].lit, ru->need[i].len);
		}
	}
	rl = xcalloc(nrules ? nrules : 1, sizeof *rl);
	for (k = 0; k < rs->nkinds; k++)
		for (r = 0; r < rs->kinds[k].nrules; r++)
			rl[e->rbase[k] + r] = &rs->kinds[k].rules[r];
	rcls = xcalloc(nrules ? nrules : 1, sizeof *rcls);
	cls = xcalloc(nrules ? nrules : 1, sizeof *cls);
	for (k = 0; k < rs->nkinds; k++)
		for (r = 0; rs->kinds[k].keep && r < rs->kinds[k].nrules; r++) {
			const struct rule *ru = &rs->kinds[k].rules[r];
			if (ru->nneed == 0)
				continue;
			for (c = 0; c < ncls && !(need_within(ru, cls[c], idx) &&
			    need_within(cls[c], ru, idx)); c++)
				;
			if (c == ncls)
				cls[ncls++] = ru;
			rcls[e->rbase[k] + r] = c;
		}
	/* each section's literals (by their index in all), and its litset:
	 * another's when they are the same */
	nl = rs->nlits ? rs->nlits : 1;
	adm = xcalloc(nrules ? nrules : 1, sizeof *adm);
	for (sb = 0; sb < 4; sb++) {
		/* the kept rules the section admits (by index over all) */
		for (k = 0, na = 0; k < rs->nkinds; k++)
			for (r = 0; rs->kinds[k].keep &&
			    r < rs->kinds[k].nrules; r++)
				if (rs->kinds[k].rules[r].sections & 1u << sb)
					adm[na++] = e->rbase[k] + r;
		in[sb] = xcalloc(nl, 1);
		for (a = 0; a < na; a++)
			for (i = 0; i < rl[adm[a]]->nneed; i++)
				in[sb][idx[rl[adm[a]]->need[i].id]] = 1;
		for (o = 0; o < sb && memcmp(in[o], in[sb], nl); o++)
			;
		if (o < sb) {
			e->sls[sb] = e->sls[o];
			continue;
		}
		e->sls[sb] = litset_new();
		litset_bits(e->sls[sb], ncls);
		for (a = 0; a < na; a++) {
			const struct rule *ru = rl[adm[a]];
			for (i = 0; i < ru->nneed; i++)
				litset_map(e->sls[sb], litset_add(e->sls[sb],
				    ru->need[i].lit, ru->need[i].len), rcls[adm[a]]);
		}
		litset_compile(e->sls[sb]);
	}
	free(adm);
	free(rl);
	for (sb = 0; sb < 4; sb++)
		free(in[sb]);
	litset_free(all);
	e->nrules = nrules;
	e->lw = litset_words(e->sls[0]);
	e->rmask = xcalloc((nrules ? nrules : 1) * e->lw, sizeof *e->rmask);
	e->rstart = xcalloc(nrules ? nrules : 1, sizeof *e->rstart);
	for (k = 0; k < rs->nkinds; k++)
		for (r = 0; rs->kinds[k].keep && r < rs->kinds[k].nrules; r++) {
			const struct rule *ru = &rs->kinds[k].rules[r];
			uint64_t *m = e->rmask + (e->rbase[k] + r) * e->lw;
			struct litset **st = &e->rstart[e->rbase[k] + r];
			c = rcls[e->rbase[k] + r];
			if (ru->nneed > 0)
				m[c / 64] |= (uint64_t)1 << (c % 64);
			if (ru->anchor == ANCHOR_WORD)
				*st = litset_of(ru->need, ru->nneed);
			else if (ru->anchor == ANCHOR_LITERAL)
				*st = litset_of(ru->alits, ru->nalits);
		}
	free(rcls);
	free(cls);
	e->gall = xcalloc(e->lw, sizeof *e->gall);
	e->grest = xcalloc(e->lw, sizeof *e->grest);
	free(idx);
	fb_init(e);
	e->textres = xcalloc(rs->ncodes ? rs->ncodes : 1, sizeof *e->textres);
	e->titleres = xcalloc(rs->ncodes ? rs->ncodes : 1,
	    sizeof *e->titleres);
	e->whenres = xcalloc(rs->ncodes ? rs->ncodes : 1,
	    sizeof *e->whenres);
}

static void
engine_init(struct engine *e, struct ruleset *rs, FILE *out,
    const struct extract_opts *opts)
{
	size_t nc = rs->maxcols ? rs->maxcols : 1;

	memset(e, 0, sizeof *e);
	e->rs = rs;
	e->out = out;
	e->opts = opts;
	e->md = pcre2_match_data_create(rs->maxgroups + 1, NULL);
	e->md2 = pcre2_match_data_create(rs->maxgroups + 1, NULL);
	e->md3 = pcre2_match_data_create(rs->maxgroups + 1, NULL);
	e->mctx = pcre2_match_context_create(NULL);
	e->jit = pcre2_jit_stack_create(32 * 1024, 4 * 1024 * 1024, NULL);
	if (!e->md || !e->md2 || !e->md3 || !e->mctx || !e->jit)
		die(EXIT_TROUBLE, "out of memory (PCRE2 match data)");
	pcre2_jit_stack_assign(e->mctx, NULL, e->jit);
	pcre2_set_match_limit(e->mctx, 20000000);
	e->ov = xcalloc(2 * (rs->maxgroups + 1), sizeof *e->ov);
	e->blkov = xcalloc(2 * (rs->maxgroups + 1), sizeof *e->blkov);
	e->nextov = xcalloc(2 * (rs->maxgroups + 1), sizeof *e->nextov);
	e->vals = xcalloc(nc, sizeof *e->vals);
	e->saved = xcalloc(nc, sizeof *e->saved);
	e->pending = xcalloc(nc, sizeof *e->pending);
	e->valpos = xcalloc(nc, sizeof *e->valpos);
	e->savedpos = xcalloc(nc, sizeof *e->savedpos);
	e->pendpos = xcalloc(nc, sizeof *e->pendpos);
	e->pendset = xcalloc(nc, sizeof *e->pendset);
	e->seen = xcalloc(nc, sizeof *e->seen);
	e->kind_recs = xcalloc(rs->nkinds ? rs->nkinds : 1, sizeof *e->kind_recs);
	need_init(e);
#ifdef MM_PROFILE_RULES
	if (getenv("MINUTES_EXTRACT_RULEMAP"))
		for (size_t k = 0; k < rs->nkinds; k++)
			for (size_t r = 0; r < rs->kinds[k].nrules; r++)
				fprintf(stderr, "rule_%02o\t%s:%u %s\n",
				    (unsigned)((e->rbase[k] + r) % 64),
				    rs->kinds[k].file, rs->kinds[k].rules[r].line,
				    rs->kinds[k].rules[r].label ?
				    rs->kinds[k].rules[r].label : "");
#endif
	if (getenv("MINUTES_EXTRACT_PROFILE")) {
		size_t k;
		e->prof = xcalloc(rs->nkinds ? rs->nkinds : 1, sizeof *e->prof);
		for (k = 0; k < rs->nkinds; k++)
			e->prof[k] = xcalloc(rs->kinds[k].nrules + 1,
			    sizeof **e->prof);
	}
}

/* MINUTES_EXTRACT_PROFILE: one line per rule that ran, on stderr. */
static void
print_profile(const struct engine *e)
{
	size_t k, r;

	fprintf(stderr, "ms\tgroups\tunits\tpassed\ttries\tmatches\trule\n");
	for (k = 0; k < e->rs->nkinds; k++)
		for (r = 0; r < e->rs->kinds[k].nrules; r++) {
			const struct rprof *p = &e->prof[k][r];
			const struct rule *ru = &e->rs->kinds[k].rules[r];
			if (!p->groups)
				continue;
			fprintf(stderr, "%.1f\t%llu\t%llu\t%llu\t%llu\t%llu\t"
			    "%s:%u %s\n", p->ns / 1e6, p->groups, p->units,
			    p->passed, p->tries, p->calls, e->rs->kinds[k].file, ru->line,
			    ru->label ? ru->label : "");
		}
}

static void
engine_free(struct engine *e)
{
	size_t c, nc = e->rs->maxcols ? e->rs->maxcols : 1;

	for (c = 0; c < nc; c++) {
		buf_free(&e->vals[c]);
		buf_free(&e->saved[c]);
		buf_free(&e->pending[c]);
	}
	free(e->vals);
	free(e->saved);
	free(e->pending);
	free(e->valpos);
	free(e->savedpos);
	free(e->pendpos);
	free(e->pendset);
	free(e->seen);
	free(e->kind_recs);
	for (c = 0; c < 4; c++) {
		size_t o;
		for (o = 0; o < c && e->sls[o] != e->sls[c]; o++)
			;
		if (o == c)
			litset_free(e->sls[c]);
	}
	for (c = 0; c < e->nfb; c++) {
		free(e->fb[c].m);
		free(e->fb[c].q);
	}
	free(e->fb);
	free(e->textres);
	free(e->titleres);
	for (c = 0; c < e->rs->ncodes; c++)
		buf_free(&e->whenres[c].val);
	free(e->whenres);
	for (c = 0; c < e->nrules; c++)
		litset_free(e->rstart[c]);
	free(e->rstart);
	free(e->rmask);
	free(e->rbase);
	free(e->gall);
	free(e->grest);
	free(e->pbits);
	if (e->prof) {
		print_profile(e);
		for (c = 0; c < e->rs->nkinds; c++)
			free(e->prof[c]);
		free(e->prof);
	}
	free(e->ov);
	free(e->blkov);
	free(e->nextov);
	free(e->paras);
	free(e->lpara);
	free(e->pend);
	free(e->brks);
	free(e->recs);
	free(e->srecs);
	free(e->spans);
	buf_free(&e->src);
	buf_free(&e->srcname);
	buf_free(&e->last_item);
	buf_free(&e->rest);
	buf_free(&e->title);
	buf_free(&e->minute);
	buf_free(&e->text);
	buf_free(&e->lines);
	buf_free(&e->recbuf);
	buf_free(&e->esc_src);
	buf_free(&e->esc_rest);
	buf_free(&e->split);
	buf_free(&e->tmp);
	buf_free(&e->sent.val);
	buf_free(&e->within);
	buf_free(&e->pre);
	pcre2_match_data_free(e->md);
	pcre2_match_data_free(e->md2);
	pcre2_match_data_free(e->md3);
	pcre2_match_context_free(e->mctx);
	pcre2_jit_stack_free(e->jit);
}

/* Column 4 of the split stream: one of the four sections of records.md. */
static int
known_section(const struct field *f)
{
	static const char *const names[] = {"minutes", "agenda", "report",
	    "other"};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (f->len == strlen(names[i]) &&
		    !memcmp(f->p, names[i], f->len))
			return 1;
	return 0;
}

/* Column 5 when set: YYYY-MM-DD, month 01-12, day 01-31 (the shape only:
 * split writes dates it has already checked, this catches a wrong stream). */
static int
iso_date(const struct field *f)
{
	const char *p = f->p;
	int i, m, d;

	if (f->len != 10 || p[4] != '-' || p[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (p[i] < '0' || p[i] > '9'))
			return 0;
	m = (p[5] - '0') * 10 + (p[6] - '0');
	d = (p[8] - '0') * 10 + (p[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/*
 * Worker threads.  Groups are independent once read: what one group
 * carries to the next (the last item begun, so that a resumed item
 * gives no second heading; the next group's first line) is settled by
 * the reader as it reads.  So the reader (extract_stream's thread)
 * reads and checks the stream and gathers whole groups, their text and
 * their locator, into jobs of about JOB_TEXT bytes; workers run the
 * rules over a job's groups in their own engines, each writing what it
 * would print, in order, to the job's sink; the reader prints the jobs'
 * sinks in the order it read them.  The output is the same bytes, and
 * warnings come between the same records, as with no threads.  A ring
 * of 2 jobs per worker bounds what is held: memory grows with the
 * workers and the largest item, not with the input.  Until a first job
 * is full no thread is started: a short stream (a document of
 * minutes-mine) runs in the reader alone.
 */
#define JOB_TEXT (256u << 10)
#define JOB_GROUPS 1024
#define JOB_PAD 64	/* zeros after a job's text: a JIT vector load */

/* A group as the reader gathered it: its locator and paragraphs are
 * copied into the job (so a job's memory is about its text, however
 * many groups it holds), and out again into the worker's engine. */
struct slot {
	size_t loc;		/* in strs: src, rest, title, minute, pre */
	size_t len[5];
	unsigned section;
	int in_item, heading, continued;
	unsigned long next_line;
	size_t text, ntext, lines, nlines;	/* in text, lines */
	size_t para, np;	/* in paras and pend */
	size_t brk, nbrk;	/* in brks */
};

struct job {
	struct slot *slots;
	size_t n, cap;
	struct buf strs, text, lines;
	struct para *paras;
	size_t *pend, npara, pcap;
	size_t *brks, nbrk, bcap;
	struct buf out;		/* the sink of its groups */
	int done;
};

struct pool;
struct worker {
	struct pool *pool;
	struct engine e;
	pthread_t th;
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	struct job *ring;
	size_t nring;
	size_t fill, run, out;	/* sequence numbers: the job being filled,
				 * the next to run, the next to print */
	struct worker *w;
	size_t nw, started;
	int quit;
	struct engine *rd;	/* the reader's engine */
};

/* The reader's group e becomes the next slot of job j; e is left
 * empty, its locator kept (an over-long item goes on in its next
 * piece). */
static void
slot_give(struct engine *e, struct job *j)
{
	struct slot *s;
	const struct buf *str[5] = {&e->src, &e->rest, &e->title, &e->minute,
	    &e->pre};
	size_t i;

	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 64;
		j->slots = xrealloc(j->slots, j->cap * sizeof *j->slots);
	}
	s = &j->slots[j->n++];
	s->loc = j->strs.len;
	for (i = 0; i < 5; i++) {
		s->len[i] = str[i]->len;
		buf_append(&j->strs, str[i]->data, str[i]->len);
	}
	buf_reset(&e->pre);
	s->section = e->section;
	s->in_item = e->in_item;
	s->heading = e->heading;
	s->continued = e->continued;
	s->next_line = e->next_line;
	s->text = j->text.len;
	s->ntext = e->text.len;
	buf_append(&j->text, e->text.data, e->text.len);
	s->lines = j->lines.len;
	s->nlines = e->lines.len;
	buf_append(&j->lines, e->lines.data, e->lines.len);
	if (j->npara + e->np > j->pcap) {
		while (j->npara + e->np > j->pcap)
			j->pcap = j->pcap ? 2 * j->pcap : 256;
		j->paras = xrealloc(j->paras, j->pcap * sizeof *j->paras);
		j->pend = xrealloc(j->pend, j->pcap * sizeof *j->pend);
	}
	s->para = j->npara;
	s->np = e->np;
	memcpy(j->paras + j->npara, e->paras, e->np * sizeof *e->paras);
	memcpy(j->pend + j->npara, e->pend, e->np * sizeof *e->pend);
	j->npara += e->np;
	if (j->nbrk + e->nbrks > j->bcap) {
		while (j->nbrk + e->nbrks > j->bcap)
			j->bcap = j->bcap ? 2 * j->bcap : 64;
		j->brks = xrealloc(j->brks, j->bcap * sizeof *j->brks);
	}
	s->brk = j->nbrk;
	s->nbrk = e->nbrks;
	if (e->nbrks)	/* (brks may be NULL yet) */
		memcpy(j->brks + j->nbrk, e->brks, e->nbrks * sizeof *e->brks);
	j->nbrk += e->nbrks;
	e->np = 0;
	e->nbrks = 0;
	buf_reset(&e->text);
	buf_reset(&e->lines);
}

/* Engine e runs slot s of job j, into the job's sink. */
static void
slot_run(struct engine *e, struct job *j, const struct slot *s)
{
	const char *str = j->strs.data + s->loc;
	const size_t *l = s->len;
	struct buf own;
	size_t own_zeroed;

	buf_append(&j->out, str + l[0] + l[1] + l[2] + l[3], l[4]);
	buf_set(&e->src, str, l[0]);
	buf_set(&e->srcname, str, l[0]);
	buf_set(&e->rest, str + l[0], l[1]);
	buf_set(&e->title, str + l[0] + l[1], l[2]);
	buf_set(&e->minute, str + l[0] + l[1] + l[2], l[3]);
	e->section = s->section;
	e->in_item = s->in_item;
	e->heading = s->heading;
	e->continued = s->continued;
	e->next_line = s->next_line;
	buf_set(&e->lines, j->lines.data + s->lines, s->nlines);
	if (e->pcap < s->np) {
		e->pcap = s->np;
		e->paras = xrealloc(e->paras, e->pcap * sizeof *e->paras);
		e->pend = xrealloc(e->pend, e->pcap * sizeof *e->pend);
	}
	memcpy(e->paras, j->paras + s->para, s->np * sizeof *e->paras);
	memcpy(e->pend, j->pend + s->para, s->np * sizeof *e->pend);
	e->np = s->np;
	if (e->brkcap < s->nbrk) {
		e->brkcap = s->nbrk;
		e->brks = xrealloc(e->brks, e->brkcap * sizeof *e->brks);
	}
	if (s->nbrk)
		memcpy(e->brks, j->brks + s->brk, s->nbrk * sizeof *e->brks);
	e->nbrks = s->nbrk;
	e->sink = &j->out;
	/* The text is read where it is, in the job: the bytes past its end
	 * that the JIT's word loads may reach are the next group's, or the
	 * zeros job_close put after the last (so nothing for zero_tail to
	 * clear; process_group's reset of the text touches only its first
	 * byte, which nothing reads again). */
	own = e->text;
	own_zeroed = e->text_zeroed;
	e->text.data = j->text.data + s->text;
	e->text.len = s->ntext;
	e->text.cap = e->text_zeroed = j->text.len - s->text + JOB_PAD;
	process_group(e);
	e->text = own;
	e->text_zeroed = own_zeroed;
}

static void
job_run(struct engine *e, struct job *j)
{
	size_t i;

	for (i = 0; i < j->n; i++)
		slot_run(e, j, &j->slots[i]);
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;

	engine_init(&w->e, p->rd->rs, p->rd->out, p->rd->opts);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		struct job *j;
		while (!p->quit && p->run == p->fill)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->run == p->fill)
			break;
		j = &p->ring[p->run++ % p->nring];
		pthread_mutex_unlock(&p->mu);
		job_run(&w->e, j);
		pthread_mutex_lock(&p->mu);
		j->done = 1;
		pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void
pool_init(struct pool *p, struct engine *rd, unsigned jobs)
{
	memset(p, 0, sizeof *p);
	p->rd = rd;
	p->nw = jobs;
	p->nring = 2 * (size_t)jobs;
	p->ring = xcalloc(p->nring, sizeof *p->ring);
	p->w = xcalloc(jobs, sizeof *p->w);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	rd->sink = &rd->pre;
}

/* Empty job j for another fill; an item far over a job's size gives
 * its room back. */
static void
job_reset(struct job *j)
{
	struct buf *b[4] = {&j->strs, &j->text, &j->lines, &j->out};
	size_t i;

	for (i = 0; i < 4; i++)
		if (b[i]->cap > 4 * JOB_TEXT)
			buf_free(b[i]);
		else
			buf_reset(b[i]);
	j->n = j->npara = j->nbrk = 0;
}

/* The job is gathered: JOB_PAD zeros after its text (not counted). */
static void
job_close(struct job *j)
{
	buf_reserve(&j->text, JOB_PAD);
	memset(j->text.data + j->text.len, 0, JOB_PAD);
}

/* Print job out (it is done) and free its place for another. */
static void
pool_print(struct pool *p)
{
	struct job *j = &p->ring[p->out % p->nring];

	sink_replay(p->rd, &j->out);
	job_reset(j);
	pthread_mutex_lock(&p->mu);
	j->done = 0;
	p->out++;
	pthread_mutex_unlock(&p->mu);
}

/* Print the jobs done, in order, waiting for the next while more than
 * left are in the workers' hands. */
static void
pool_print_done(struct pool *p, size_t left)
{
	pthread_mutex_lock(&p->mu);
	while (p->out < p->fill && (p->ring[p->out % p->nring].done ||
	    p->fill - p->out > left)) {
		while (!p->ring[p->out % p->nring].done)
			pthread_cond_wait(&p->done, &p->mu);
		pthread_mutex_unlock(&p->mu);
		pool_print(p);
		pthread_mutex_lock(&p->mu);
	}
	pthread_mutex_unlock(&p->mu);
}

/* Job j run by the reader itself, and printed (no worker thread). */
static void
job_inline(struct pool *p, struct job *j)
{
	job_close(j);
	job_run(p->rd, j);
	p->rd->sink = &p->rd->pre;
	sink_replay(p->rd, &j->out);
	job_reset(j);
}

/* The job being filled is complete: hand it to the workers, and print
 * those done in order, waiting while the ring is full. */
static void
pool_submit(struct pool *p)
{
	size_t i;

	if (!p->started) {
		for (i = 0; i < p->nw; i++) {
			p->w[i].pool = p;
			if (pthread_create(&p->w[i].th, NULL, worker_main,
			    &p->w[i]) != 0)
				break;	/* those that started do the work */
		}
		p->nw = i;
		p->started = 1;
	}
	if (p->nw == 0) {	/* no thread would start */
		job_inline(p, &p->ring[p->fill % p->nring]);
		return;
	}
	job_close(&p->ring[p->fill % p->nring]);
	pthread_mutex_lock(&p->mu);
	p->fill++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
	pool_print_done(p, p->nring - 1);
}

/* The reader's group ends: into the job being filled. */
static void
pool_add(struct pool *p)
{
	struct job *j = &p->ring[p->fill % p->nring];

	slot_give(p->rd, j);
	if (j->text.len >= JOB_TEXT || j->n >= JOB_GROUPS)
		pool_submit(p);
}

/* The end of the stream: the last job run, all printed, threads gone.
 * A stream that never filled a job runs in the reader's engine. */
static void
pool_finish(struct pool *p)
{
	struct job *j = &p->ring[p->fill % p->nring];
	size_t i;

	if (!p->started) {
		job_inline(p, j);
	} else {
		if (j->n > 0)
			pool_submit(p);
		pool_print_done(p, 0);
		pthread_mutex_lock(&p->mu);
		p->quit = 1;
		pthread_cond_broadcast(&p->work);
		pthread_mutex_unlock(&p->mu);
		for (i = 0; i < p->nw; i++) {
			pthread_join(p->w[i].th, NULL);
			p->rd->match_errors += p->w[i].e.match_errors;
			engine_free(&p->w[i].e);
		}
	}
	for (j = p->ring; j < p->ring + p->nring; j++) {
		free(j->slots);
		buf_free(&j->strs);
		buf_free(&j->text);
		buf_free(&j->lines);
		buf_free(&j->out);
		free(j->paras);
		free(j->pend);
		free(j->brks);
	}
	free(p->ring);
	free(p->w);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
}

/* The group read is complete: run it, or give it to the workers. */
static void
group_end(struct engine *e, struct pool *p)
{
	if (!p)
		process_group(e);
	else if (e->np > 0)
		pool_add(p);
}

int
extract_stream(struct ruleset *rs, FILE *in, const char *name, FILE *out,
    struct extract_opts *opts, struct rules_error *err)
{
	struct engine e;
	struct line_reader lr;
	struct field fs[10], *f;
	size_t n, max_item = opts->max_item ? opts->max_item : DEFAULT_MAX_ITEM;
	int rc = 0, r;
	struct pool poolbuf, *pool = NULL;

	engine_init(&e, rs, out, opts);
	/* MINUTES_EXTRACT_PROFILE counts in one engine: no threads */
	if (opts->jobs > 1 && !e.prof)
		pool_init(pool = &poolbuf, &e, opts->jobs);
	line_reader_init(&lr, in);
	while ((r = line_reader_split(&lr, fs, 10, &n)) > 0) {
		unsigned long line;
		int same;

		unsigned long page = 0;
		const char *brk = NULL;
		size_t brklen = 0;

		f = fs;
		if (n != 9 && n != 8) {
			snprintf(err->where, sizeof err->where, "%s:%lu", name,
			    lr.lineno);
			snprintf(err->msg, sizeof err->msg,
			    "expected 9 fields, found %zu", n);
			rc = -1;
			break;
		}
		if (n == 9) {
			/* records.md 0.2: the page, then the 0.1 layout. */
			/* "P" or "P,OFF,…" (a paragraph over a page break) */
			if (!tsv_page_field(f[2].p, f[2].len, &page, &brk,
			    &brklen)) {
				snprintf(err->where, sizeof err->where, "%s:%lu",
				    name, lr.lineno);
				snprintf(err->msg, sizeof err->msg,
				    "page '%.*s' is not empty or a positive number",
				    (int)(f[2].len > 40 ? 40 : f[2].len), f[2].p);
				rc = -1;
				break;
			}
			/* the 0.1 layout's fields from fs[1] on: two moved,
			 * not the six after the page */
			fs[2] = fs[1];
			fs[1] = fs[0];
			f = fs + 1;
		}
		/* digits only, 1 to 999999999999 (leading zeros allowed): up
		 * to twelve digits cannot pass the bound, and need no test of
		 * it a digit */
		line = 0;
		if (f[1].len <= 12) {
			for (n = 0; n < f[1].len &&
			    (unsigned char)(f[1].p[n] - '0') <= 9; n++)
				line = line * 10 + (unsigned long)(f[1].p[n] - '0');
		} else {
			for (n = 0; n < f[1].len && f[1].p[n] >= '0' &&
			    f[1].p[n] <= '9' && line <= 999999999999ul; n++)
				line = line * 10 + (unsigned long)(f[1].p[n] - '0');
		}
		if (f[1].len == 0 || n != f[1].len || line == 0 ||
		    line > 999999999999ul) {
			snprintf(err->where, sizeof err->where, "%s:%lu", name,
			    lr.lineno);
			snprintf(err->msg, sizeof err->msg,
			    "line number '%.*s' is not a positive number",
			    (int)(f[1].len > 40 ? 40 : f[1].len), f[1].p);
			rc = -1;
			break;
		}
		/* a line of the group being read has the fields checked
		 * already (the same bytes as its first line's) */
		same = e.np > 0 && same_group(&e, f);
		if (!same && (!known_section(&f[2]) ||
		    (f[3].len && !iso_date(&f[3])))) {
			/* A stray value would pass into every record of the
			 * group unseen: the stream is as malformed as a wrong
			 * column count. */
			int sec = !known_section(&f[2]);
			struct field *bad = sec ? &f[2] : &f[3];
			snprintf(err->where, sizeof err->where, "%s:%lu", name,
			    lr.lineno);
			snprintf(err->msg, sizeof err->msg, "%s '%.*s' is not %s",
			    sec ? "section" : "date",
			    (int)(bad->len > 40 ? 40 : bad->len), bad->p,
			    sec ? "minutes, agenda, report or other" :
			    "an ISO date YYYY-MM-DD");
			rc = -1;
			break;
		}
		if (e.np > 0 && !same) {
			e.next_line = f[0].len == e.src.len &&
			    !memcmp(f[0].p, e.src.data, f[0].len) ? line : 0;
			group_end(&e, pool);
			start_group(&e, f);
		} else if (e.np > 0 && e.text.len > max_item) {
			/* An over-long group is cut: rules see one piece at a
			 * time, the item record comes with the first, -w says so. */
			warn_at(&e, e.np - 1, "warning: item longer than the "
			    "item buffer; cut into pieces");
			e.next_line = line;
			group_end(&e, pool);
			e.continued = 1;
			e.heading = 0;
		} else if (e.np == 0) {
			start_group(&e, f);
		}
		add_para(&e, f, line, page, brk, brklen,
		    lr.spec <= (size_t)(f[7].p - lr.line));
	}
	if (r < 0 && rc == 0) {
		snprintf(err->where, sizeof err->where, "%s", name);
		snprintf(err->msg, sizeof err->msg, "read error: %s",
		    strerror(errno));
		rc = -2;
	}
	if (rc == 0) {
		e.next_line = 0;
		group_end(&e, pool);
	}
	if (pool)	/* the groups before a malformed line are written */
		pool_finish(pool);
	opts->gave_up += e.match_errors;
	line_reader_free(&lr);
	engine_free(&e);
	return rc;
}
