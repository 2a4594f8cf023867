/*
 * paragraphs — minutes-normalise's output pass: lines tidied, furniture
 * dropped, lines joined into paragraphs, paragraphs written; see
 * paragraphs.h.  The first pass is survey.c; what a line's start and end
 * say is linemarks.c; lists printed in columns are columns.c.
 */
#include "paragraphs.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
/* AVX2 for the ASCII test of long lines, where the CPU has it (checked
 * at run time; MM_NO_AVX2 builds without). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define PARAGRAPHS_AVX2 1
#endif

#include "buf.h"
#include "bytescan.h"
#include "columns.h"
#include "cpu.h"
#include "err.h"
#include "headings.h"
#include "linemarks.h"
#include "markup.h"
#include "pagelines.h"
#include "readahead.h"
#include "survey.h"
#include "textquality.h"
#include "textscan.h"
#include "tsv.h"
#include "utf8.h"

/* The word lists of every part, read from the lexicon before the first
 * document (lexicon.h): a missing list stops the program there. */
static void
lexicon_words(void)
{
	static int ready;

	if (ready)
		return;
	survey_words();
	linemarks_words();
	columns_words();
	ready = 1;
}

void
normalise_prepare(void)
{
	lexicon_words();
	headings_init();
	tq_init();
	utf8_init();
}

#ifdef PARAGRAPHS_AVX2
/* utf8_is_ascii for a line of 32 bytes or more, 32 bytes a step (the
 * last block is the one that ends the line). */
__attribute__((target("avx2"))) static int
ascii_avx2(const char *s, size_t n)
{
	__m256i acc = _mm256_loadu_si256((const __m256i *)(const void *)(s + n - 32));

	for (size_t i = 0; i + 32 < n; i += 32)
		acc = _mm256_or_si256(acc, _mm256_loadu_si256((const __m256i *)(const void *)(s + i)));
	return _mm256_movemask_epi8(acc) == 0;
}

#endif

/* Is s[0..n) ASCII?  utf8_is_ascii's answer. */
static int
line_is_ascii(const char *s, size_t n)
{
#ifdef PARAGRAPHS_AVX2
	if (n >= 32) {
		if (cpu_avx2)
			return ascii_avx2(s, n);
	}
#endif
	return utf8_is_ascii(s, n);
}

/* ---- the output pass ---- */

/* next_line, add_line, decide and emit run for every line (emit every
 * paragraph) and are called from one or two places: forced inline, which
 * spares the register saving of a call each time (about 20 instructions
 * a line). */
#ifdef __GNUC__
#define HOT static inline __attribute__((always_inline))
#else
#define HOT static inline
#endif

struct tline {
	struct buf text;        /* tidied, trimmed */
	unsigned long lineno;
	unsigned long page;     /* 1 + form feeds before the line */
	size_t indent, width;
	unsigned flags;         /* TIDY_* */
	int plain;              /* nothing in text for TSV to escape */
	int page_break, blank, cut, eof;
	uint64_t rkey;          /* survey_line_key of the line as read */
	size_t col2;            /* a two-column line: column of the right entry */
	size_t split;           /* ... and where it starts in text */
	size_t list_col;        /* "In attendance: Name": column of Name */
	size_t off;             /* read ahead: where text starts in its batch */
};

enum { COLS_MAX = 64 };    /* lines of a two-column block held back */

struct colline {
	unsigned long lineno, page;
	size_t off, left, right, indent, col2;  /* into colbuf */
	int plain;
};

/*
 * What reading a line of the output pass changes (next_line_to): kept
 * apart from the rest, as a thread of its own does it when reading ahead.
 */
struct lineread {
	struct survey *sv;      /* the survey, read; its place in its notes */
	struct buf tmp1, tmp2;  /* a line repaired, cleaned */
	struct utf8_cleaner cleaner;
	int md;                 /* read as Markdown */
	unsigned long page;     /* page of the line being read: 1 + form feeds */
	unsigned long lines;    /* the last line number read */
	unsigned long repaired; /* bytes repaired as Windows-1252 */
};

struct normaliser {
	/* Kept from one call to the next, so that a run over many small
	 * documents neither clears nor allocates them each time: scratch
	 * buffers (emptied before use), the survey (zero between calls:
	 * survey_free leaves it so) and the held two-column lines (read
	 * only below ncol). */
	struct buf srcesc;      /* source name, escaped, with its TAB */
	struct buf obuf;
	struct buf para;        /* the paragraph being built */
	struct buf pbreaks;     /* ",OFF" where each later page starts in para */
	struct buf colbuf;      /* text of the held two-column lines */
	struct buf text[2];     /* text of run's two lines */
	struct lineread rd;     /* (its buffers kept; the rest set each call) */
	struct survey sv;
	struct colline cols[COLS_MAX];

	/* From here on, zeroed at each call. */
	const struct normalise_opts *opts;
	const char *source;
	FILE *out;
	size_t cap;
	int md;
	struct normalise_stats st;

	/* the paragraph being built */
	int para_plain;         /* no line of para has a byte TSV escapes */
	unsigned long para_line, para_page;
	unsigned long last_page;   /* page of the paragraph's last line */
	int have;
	size_t last_width, last_indent, last_wrap;
	unsigned last_flags;
	int last_sparse;
	size_t last_off;        /* where the last line's text starts in para */
	int para_bare;          /* the paragraph is only a number: "15." */
	int gap_blank, gap_page;
	int prev_blank;         /* the line before was blank, furniture or none */
	int force_break;        /* the next line starts a paragraph */
	int minute_head;        /* the paragraph is a minute's heading */
	size_t list_col;        /* entries of an attendance list start here */
	int ncol;               /* two-column lines held in cols */
};

static int
flush_out(struct normaliser *nm)
{
	if (nm->obuf.len && fwrite(nm->obuf.data, 1, nm->obuf.len, nm->out) != nm->obuf.len)
		return NM_EWRITE;
	nm->obuf.len = 0;
	return 0;
}

/* buf_append by copy_small. */
static inline __attribute__((always_inline)) void
append_small(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	copy_small(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Write v in decimal ending just before p; return where it starts.
 * Two digits a step: half the divisions of one. */
static inline char *
put_dec(char *p, unsigned long v)
{
	static const char pairs[201] =
		"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
		"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
		"8081828384858687888990919293949596979899";

	while (v >= 100) {
		unsigned k = (unsigned)(v % 100) * 2;
		v /= 100;
		*--p = pairs[k + 1];
		*--p = pairs[k];
	}
	if (v >= 10) {
		*--p = pairs[v * 2 + 1];
		*--p = pairs[v * 2];
	} else
		*--p = (char)('0' + v);
	return p;
}

HOT int
emit(struct normaliser *nm)
{
	if (!nm->have)
		return 0;
	/* "line TAB page TAB", the page empty when the input has no form
	 * feed (records.md 0.2). */
	char num[48], *p = num + sizeof num;
	*--p = '\t';
	if (nm->sv.ff_seen)
		p = put_dec(p, nm->para_page);
	*--p = '\t';
	p = put_dec(p, nm->para_line);
	if (!nm->pbreaks.len && nm->para_plain) {
		/* The common paragraph, on one page and plain: its four pieces
		 * copied into room made once. */
		size_t hn = (size_t)(num + sizeof num - p);
		buf_reserve(&nm->obuf, nm->srcesc.len + hn + nm->para.len + 1);
		char *o = nm->obuf.data + nm->obuf.len;
		copy_small(o, nm->srcesc.data, nm->srcesc.len);
		o += nm->srcesc.len;
		copy_small(o, p, hn);
		o += hn;
		memcpy(o, nm->para.data, nm->para.len);
		o += nm->para.len;
		*o++ = '\n';
		*o = '\0';
		nm->obuf.len = (size_t)(o - nm->obuf.data);
	} else {
		buf_append(&nm->obuf, nm->srcesc.data, nm->srcesc.len);
		if (nm->pbreaks.len) {
			/* A paragraph that runs on over a page break: "P,OFF…"
			 * (the byte offsets of the text where each next page
			 * starts). */
			size_t k = (size_t)(num + sizeof num - p) - 1;
			buf_append(&nm->obuf, p, k);
			buf_append(&nm->obuf, nm->pbreaks.data, nm->pbreaks.len);
			buf_putc(&nm->obuf, '\t');
			nm->pbreaks.len = 0;
		} else
			buf_append(&nm->obuf, p, (size_t)(num + sizeof num - p));
		/* Tidied text rarely holds a backslash, TAB, LF or CR, but a
		 * Markdown link text or an entity such as &#9; can bring one
		 * in: escaped, or the stream line breaks (found by
		 * fuzz_normalise).  A paragraph of plain lines (markup.h)
		 * holds none: copied. */
		if (nm->para_plain)
			buf_append(&nm->obuf, nm->para.data, nm->para.len);
		else
			tsv_escape(&nm->obuf, nm->para.data, nm->para.len);
		buf_putc(&nm->obuf, '\n');
	}
	nm->st.paragraphs++;
	nm->have = 0;
	nm->para.len = 0;
	if (nm->obuf.len >= 1 << 16)
		return flush_out(nm);
	return 0;
}

static int
first_is_lower(const char *s, size_t n)
{
	return n > 0 && s[0] >= 'a' && s[0] <= 'z';
}

enum join { BREAK, JOIN_SPACE, JOIN_TIGHT, JOIN_DEHYPHEN };

/* Should the hyphen ending the paragraph stay when the next line is joined? */
static enum join
hyphen_join(const struct normaliser *nm, const char *a, size_t an,
            const char *b, size_t bn)
{
	size_t e = an - 1, s = e;

	if (!first_is_lower(b, bn))
		return JOIN_TIGHT;     /* Vice-\nChairman, 0-\n19 */
	while (s > 0 && is_alpha((unsigned char)a[s - 1]))
		s--;
	if (s == e)
		return JOIN_TIGHT;     /* after a digit or a symbol */
	size_t r = 0;
	while (r < bn && is_alpha((unsigned char)b[r]))
		r++;
	if (survey_hyphenated(&nm->sv, a + s, e - s, b, r))
		return JOIN_TIGHT;     /* printed with a hyphen elsewhere */
	if (line_keeps_hyphen(a + s, e - s))
		return JOIN_TIGHT;     /* "non-" / "statutory" */
	return JOIN_DEHYPHEN;
}

/* Join line b, whose start is of kind mk, to the paragraph so far? */
HOT enum join
decide(struct normaliser *nm, const struct tline *b, enum mark_kind mk)
{
	const char *a = nm->para.data, *t = b->text.data;
	size_t an = nm->para.len, tn = b->text.len;
	size_t w = nm->last_wrap;
	enum end_kind ek = line_end(a, an);
	int open = ek == END_WORD || ek == END_COMMA || ek == END_HYPHEN;
	int longline = nm->last_width * 10 >= w * 7;
	int lower = first_is_lower(t, tn);
	enum join ok = ek == END_HYPHEN ? hyphen_join(nm, a, an, t, tn) : JOIN_SPACE;

	if (b->cut)   /* a piece of an over-long line: a space where it was cut */
		return b->indent ? JOIN_SPACE : JOIN_TIGHT;
	/* "In attendance: A (Director)" over "               B (Officer)":
	 * a line lined up under the first entry is the next entry. */
	if (nm->list_col && b->indent + 1 >= nm->list_col && b->indent <= nm->list_col + 1 &&
	    !nm->gap_blank && !nm->gap_page && t[0] >= 'A' && t[0] <= 'Z' &&
	    ek != END_COMMA && ek != END_HYPHEN && !line_ends_open_word(a, an))
		return BREAK;
	/* A minute number on a line of its own, then its title: one heading. */
	if (nm->para_bare && (mk == MARK_NONE || mk == MARK_LABEL) && !nm->gap_page &&
	    nm->gap_blank <= 2 &&
	    !(b->flags & (TIDY_TABLE | TIDY_LIST)) && !lower)
		return JOIN_SPACE;
	if ((nm->last_flags & (TIDY_HEADING | TIDY_TABLE)) ||
	    (b->flags & (TIDY_HEADING | TIDY_TABLE | TIDY_LIST)))
		return BREAK;
	/* "Q2 2016-" then "17) and …": a hyphen at the end binds the lines. */
	if (ek == END_HYPHEN && !nm->gap_blank && !nm->gap_page &&
	    !(t[0] == '-' || (unsigned char)t[0] == 0xE2))
		return ok;
	if (mk == MARK_STRONG)
		return BREAK;
	/* "2023/115 Title" opens an item unless a sentence runs into it
	 * ("… declared an interest in item" / "2023/119 …"). */
	if (mk == MARK_MINUTE)
		return ek == END_COMMA || line_ends_open_word(a, an) || line_ends_ref_word(a, an) ? ok : BREAK;
	/* After a minute's heading line, the text starts a paragraph. */
	if (nm->minute_head && !lower && ek != END_COMMA && ek != END_HYPHEN &&
	    !line_ends_open_word(a, an))
		return BREAK;
	if (nm->gap_blank > 8)
		return BREAK;
	if (nm->gap_page) {
		/* Across a page break only a sentence plainly cut in two joins. */
		if (open && mk == MARK_NONE &&
		    (line_ends_open_word(a, an) || ek == END_HYPHEN || a[an - 1] == ',' ||
		     (longline && (lower || ek != END_WORD))))
			return ok;
		return BREAK;
	}
	if (nm->gap_blank) {
		/* A blank line inside a sentence: a page break lost its form feed. */
		if (open && mk == MARK_NONE &&
		    (lower || ek == END_HYPHEN || a[an - 1] == ',' || line_ends_open_word(a, an)))
			return ok;
		return BREAK;
	}
	if (mk == MARK_BARE)
		return open && longline ? ok : BREAK;
	if (mk == MARK_LABEL)
		return open && (ek != END_WORD || line_ends_open_word(a, an)) ? ok : BREAK;
	if (lower)
		return ek == END_COLON && !longline ? BREAK : ok;
	/* One person a line, as attendance lists print them.  (The line
	 * before is judged last: most lines are no person.) */
	if (nm->last_width * 10 < w * 9 && line_is_person(t, tn) &&
	    line_is_person(a + nm->last_off, an - nm->last_off))
		return BREAK;
	if (open) {
		if (line_ends_open_word(a, an) || ek != END_WORD)
			return ok;
		/* A line in capitals after a complete one is a heading. */
		if (longline && !(line_all_caps(t, tn) && line_end(t, tn) == END_WORD))
			return ok;
		/* A heading in capitals wrapped over two lines. */
		if (line_all_caps(t, tn) && line_all_caps(a + nm->last_off, an - nm->last_off) &&
		    nm->last_width * 10 >= w * 4 && is_alpha((unsigned char)a[an - 1]))
			return ok;
		return BREAK;
	}
	if (ek == END_DOT) {
		size_t need = nm->last_sparse ? w * 70 : w * 90;
		int heading = b->width * 2 < w && !line_all_caps(t, tn) &&
		              line_end(t, tn) == END_WORD;
		if (nm->last_width * 100 >= need && b->indent == nm->last_indent &&
		    !heading && !line_all_caps(t, tn))
			return ok;
	}
	return BREAK;
}

HOT int
add_line(struct normaliser *nm, const struct tline *b)
{
	int r = 0;
	enum mark_kind bmk = line_mark(b->text.data, b->text.len);
	enum join j = nm->have && !nm->force_break ? decide(nm, b, bmk) : BREAK;

	nm->force_break = 0;

	if (j != BREAK && nm->para.len + b->text.len + 1 > nm->cap) {
		if (nm->opts && nm->opts->warn) {
			char msg[96];
			snprintf(msg, sizeof msg, "paragraph longer than %zu bytes cut (see --max-paragraph)",
			         nm->cap);
			nm->opts->warn(nm->opts->ctx, nm->source, nm->para_line, msg);
		}
		nm->st.cut++;
		j = BREAK;
	}
	if (j == BREAK) {
		if ((r = emit(nm)) != 0)
			return r;
		nm->have = 1;
		nm->para_line = b->lineno;
		nm->para_page = nm->last_page = b->page;
		nm->last_off = 0;
		nm->para_plain = b->plain;
		append_small(&nm->para, b->text.data, b->text.len);
	} else {
		if (j == JOIN_DEHYPHEN)
			nm->para.len--;
		else if (j == JOIN_SPACE)
			buf_putc(&nm->para, ' ');
		if (b->page != nm->last_page && nm->sv.ff_seen) {
			/* one entry per page passed (an empty page counts too) */
			char off[24], *p = put_dec(off + sizeof off, nm->para.len);
			*--p = ',';
			for (; nm->last_page < b->page; nm->last_page++)
				buf_append(&nm->pbreaks, p, (size_t)(off + sizeof off - p));
		}
		nm->last_off = nm->para.len;
		nm->para_plain &= b->plain;
		append_small(&nm->para, b->text.data, b->text.len);
	}
	nm->last_width = b->width;
	nm->last_indent = b->indent;
	nm->last_flags = b->flags;
	nm->para_bare = j == BREAK && bmk == MARK_BARE;
	if (j == BREAK)
		nm->minute_head = bmk == MARK_MINUTE;
	if (b->list_col)
		nm->list_col = b->list_col;
	else if (j == BREAK ? !(nm->list_col && b->indent + 1 >= nm->list_col &&
	                        b->indent <= nm->list_col + 1) : b->indent == 0)
		nm->list_col = 0;
	nm->last_wrap = survey_wrap(&nm->sv, b->lineno, &nm->last_sparse);
	nm->gap_blank = nm->gap_page = 0;
	return 0;
}

/* Is there a ':' in the first forty bytes of s[0..n), n > 8?  (Sixteen
 * bytes at a time from 16 on, the last block the one that ends the
 * forty or the text, not a call of memchr.) */
static inline int
colon_in_40(const char *s, size_t n)
{
#ifdef __SSE2__
	if (n >= 16) {
		size_t m = n < 40 ? n : 40;
		const __m128i c = _mm_set1_epi8(':');
		__m128i e = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)s), c);
		if (m > 32)
			e = _mm_or_si128(e, _mm_cmpeq_epi8(
			    _mm_loadu_si128((const __m128i *)(const void *)(s + 16)), c));
		e = _mm_or_si128(e, _mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(const void *)(s + m - 16)), c));
		return _mm_movemask_epi8(e) != 0;
	}
#endif
	return memchr(s, ':', n < 40 ? n : 40) != NULL;
}

/* t after the last line: no text, blank, the end. */
static void
tline_end(struct tline *t)
{
	t->flags = 0;
	t->plain = 0;
	t->indent = t->width = 0;
	t->eof = 1;
	t->blank = 1;
	t->page_break = 0;
}

/* Read and tidy the next line into *t. Returns 1, 0 at end, or PL_E*. */
HOT int
next_line_to(struct lineread *rd, struct pagelines *pl, struct tline *t,
             struct buf *out)
{
	struct pline l;
	int ascii, plain;
	int r = survey_next_line(rd->sv, pl, &l, &ascii, &plain);
	size_t start = out->len;

	if (r != 1) {
		tline_end(t);
		return r;
	}
	t->eof = 0;
	t->lineno = l.lineno;
	t->page_break = l.page_break;
	if (l.page_break)
		rd->page++;
	t->page = rd->page;
	t->cut = l.cut;
	if (l.lineno > rd->lines)
		rd->lines = l.lineno;
	const char *s = l.s;
	size_t n = l.n;
	t->col2 = t->split = t->list_col = 0;
	t->rkey = survey_line_key(rd->sv, s, n);
	if (ascii < 0)
		ascii = line_is_ascii(s, n);
	if (!ascii) {
		int check = utf8_check(s, n);
		if (check < 0) {
			rd->tmp1.len = 0;
			rd->repaired += utf8_repair(s, n, &rd->tmp1);
			s = rd->tmp1.data;
			n = rd->tmp1.len;
			check = utf8_needs_clean(s, n);
		}
		if (check) {
			rd->tmp2.len = 0;
			utf8_clean(&rd->cleaner, s, n, &rd->tmp2);
			s = rd->tmp2.data;
			n = rd->tmp2.len;
		}
	}
	struct tidy_info ti;
	markup_tidy_known(s, n, rd->md, plain, out, &ti);
	const char *tx = out->data + start;
	size_t tn = out->len - start;
	t->flags = ti.flags;
	t->plain = ti.plain;
	t->indent = ti.indent;
	t->blank = tn == 0;
	/* A plain text of an ASCII line is ASCII: its width its length. */
	t->width = t->blank ? 0 : ti.indent + (ascii && ti.plain ? tn : utf8_width(tx, tn));
	/* Column gaps and attendance labels, judged on the line as printed
	 * (columns count), only where tidying saw a gap or a colon may be. */
	if ((ti.flags & TIDY_GAP) && tn <= 100)
		t->col2 = columns_two(s, rtrim_len(s, n));
	if (!t->col2 && tn > 8 && columns_label_first((unsigned char)tx[0]) &&
	    colon_in_40(tx, tn))
		t->list_col = columns_label(s, rtrim_len(s, n));
	if (t->col2) {
		/* markup_tidy made the gap two spaces: that is where to cut. */
		const char *g = t->blank ? NULL : memmem(tx, tn, "  ", 2);
		if (g && !memmem(g + 2, tn - (size_t)(g + 2 - tx), "  ", 2))
			t->split = (size_t)(g - tx) + 2;
		else
			t->col2 = 0;
	}
	return 1;
}

/* The next line into t, its text in t->text. */
HOT int
next_line(struct normaliser *nm, struct pagelines *pl, struct tline *t)
{
	t->text.len = 0;
	if (t->text.data)
		t->text.data[0] = '\0';
	return next_line_to(&nm->rd, pl, t, &t->text);
}

static int
near(size_t a, size_t b)
{
	return a + 2 >= b && a <= b + 2;
}

static void
hold_col(struct normaliser *nm, const struct tline *t)
{
	struct colline *c = &nm->cols[nm->ncol++];

	c->lineno = t->lineno;
	c->page = t->page;
	c->off = nm->colbuf.len;
	c->left = t->split - 2;
	c->right = t->text.len - t->split;
	c->indent = t->indent;
	c->col2 = t->col2;
	c->plain = t->plain;
	buf_append(&nm->colbuf, t->text.data, t->text.len);
}

/*
 * Write the held two-column lines: every left entry, then every right one,
 * each a paragraph of its own.  A left entry keeps its line; a right one
 * takes the block's last line, as the stream's lines never go back.
 */
static int
flush_cols(struct normaliser *nm)
{
	int r = 0;

	for (int side = 0; side < 2 && r == 0; side++)
		for (int i = 0; i < nm->ncol && r == 0; i++) {
			const struct colline *c = &nm->cols[i];
			struct tline t = {0};
			t.text.data = nm->colbuf.data + c->off + (side ? c->left + 2 : 0);
			t.text.len = side ? c->right : c->left;
			t.lineno = side ? nm->cols[nm->ncol - 1].lineno : c->lineno;
			t.page = side ? nm->cols[nm->ncol - 1].page : c->page;
			t.indent = side ? c->col2 : c->indent;
			t.plain = c->plain;
			t.width = t.indent + utf8_width(t.text.data, t.text.len);
			nm->force_break = 1;
			r = add_line(nm, &t);
		}
	nm->force_break = 1;
	nm->ncol = 0;
	nm->colbuf.len = 0;
	return r;
}

/*
 * Reading ahead (readahead.h).  With opts->read_ahead, the lines of a
 * long document are read, decoded and tidied (next_line_to) in a second
 * thread while this one joins them into paragraphs and writes them.  The
 * reader has the lineread (moved out of the normaliser for the while), a
 * copy of the survey (for its place in its notes) and pl; the joiner the
 * rest.  The lines come in the same order with the same fields as from
 * next_line, so the output is the same bytes.
 */
struct reading {
	_Alignas(64) struct lineread rd;
	struct survey sv;
	struct pagelines *pl;
};

/* The reading thread's work: lines, their text into the batch. */
static int
fill_lines(void *ctx, struct ra_batch *b)
{
	struct reading *g = ctx;
	struct tline *t;

	while ((t = ra_room(b, sizeof *t))) {
		t->off = b->text.len;
		int r = next_line_to(&g->rd, g->pl, t, &b->text);
		if (r != 1) {
			ra_unroom(b);	/* (no line to put there) */
			return r;
		}
		t->text.len = b->text.len - t->off;
		buf_putc(&b->text, '\0');
	}
	return 1;
}

/* next_line, from the lines read ahead: t's text is a view into its
 * batch. */
static int
ra_line(struct readahead *a, struct tline *t)
{
	static char none[1];
	const void *rec;
	const char *text;
	int r = ra_next(a, &rec, &text);

	if (r != 1) {
		tline_end(t);
		t->text.data = none;
		t->text.len = t->text.cap = 0;
		return r;
	}
	*t = *(const struct tline *)rec;
	t->text.data = (char *)text + t->off;
	t->text.cap = 0;
	return 1;
}

static int
run(struct normaliser *nm, struct pagelines *pl)
{
	struct tline a = {0}, b = {0};
	struct tline *cur = &a, *nxt = &b;
	struct readahead *ra = NULL;
	struct reading *g = NULL;

	if (nm->opts && nm->opts->read_ahead && nm->sv.lines >= RA_MIN_LINES &&
	    (g = aligned_alloc(64, sizeof *g))) {
		memset(g, 0, sizeof *g);
		g->rd = nm->rd;		/* moved there, and back below */
		g->sv = nm->sv;
		g->rd.sv = &g->sv;
		g->pl = pl;
		if (!(ra = ra_start(sizeof(struct tline), fill_lines, g))) {
			free(g);
			g = NULL;
		}
	}
	if (!ra) {
		a.text = nm->text[0];
		b.text = nm->text[1];
	}
	int r = ra ? ra_line(ra, nxt) : next_line(nm, pl, nxt);

	nm->prev_blank = 1;
	while (r >= 0 && !nxt->eof) {
		struct tline *t = cur;
		cur = nxt;
		nxt = t;
		r = ra ? ra_line(ra, nxt) : next_line(nm, pl, nxt);
		if (r < 0)
			break;
		if (cur->page_break)
			nm->gap_page = nm->have;
		if (cur->flags & TIDY_DROP) {
			nm->gap_blank++;
			nm->prev_blank = 1;
			continue;
		}
		if (cur->blank) {
			nm->gap_blank++;
			nm->prev_blank = 1;
			continue;
		}
		if (survey_furniture(&nm->sv, cur->lineno, cur->rkey, cur->text.data,
		                     cur->text.len, cur->page_break || nxt->page_break || nxt->eof,
		                     nm->prev_blank && nxt->blank)) {
			nm->st.dropped++;
			nm->gap_page = nm->have;
			nm->prev_blank = 1;
			continue;
		}
		nm->prev_blank = 0;
		/* A two-column list: hold its lines back, then write the left
		 * column's entries and the right column's. */
		if (nm->ncol && (!cur->col2 || cur->lineno != nm->cols[nm->ncol - 1].lineno + 1 ||
		                 !near(cur->col2, nm->cols[0].col2) || nm->ncol == COLS_MAX))
			if ((r = flush_cols(nm)) != 0)
				break;
		if (cur->col2 && (nm->ncol ||
		    (nxt->col2 && nxt->lineno == cur->lineno + 1 && near(nxt->col2, cur->col2)))) {
			hold_col(nm, cur);
			continue;
		}
		if ((r = add_line(nm, cur)) != 0)
			break;
	}
	if (r >= 0 && nm->ncol)
		r = flush_cols(nm);
	if (ra) {
		/* (a and b's texts were views into the batches) */
		ra_stop(ra);
		nm->rd = g->rd;
		nm->rd.sv = &nm->sv;
		nm->sv.notei = g->sv.notei;
		free(g);
	} else {
		nm->text[0] = a.text;
		nm->text[1] = b.text;
	}
	if (r < 0)
		return r;
	if ((r = emit(nm)) != 0)
		return r;
	return flush_out(nm);
}

const char *
normalise_strerror(int code)
{
	switch (code) {
	case NM_OK: return "success";
	case NM_EREAD: return "read error";
	case NM_EBINARY: return "binary file (NUL bytes), not text";
	case NM_EENC: return "unknown encoding";
	case NM_EWRITE: return "write error";
	case NM_ETMP: return "cannot make a temporary copy of the input";
	}
	return "unknown error";
}

static int
pl_code(int r)
{
	switch (r) {
	case PL_EREAD: return NM_EREAD;
	case PL_EBINARY: return NM_EBINARY;
	case PL_EENC: return NM_EENC;
	}
	return r;
}

/* Copy an unseekable stream to a temporary file so it can be read twice. */
static FILE *
spool(FILE *in)
{
	FILE *t = tmpfile();
	char *chunk;
	size_t n;

	if (!t)
		return NULL;
	chunk = xmalloc(1 << 16);
	while ((n = fread(chunk, 1, 1 << 16, in)) > 0)
		if (fwrite(chunk, 1, n, t) != n) {
			free(chunk);
			fclose(t);
			return NULL;
		}
	free(chunk);
	if (ferror(in)) {
		int e = errno;
		fclose(t);
		errno = e;
		return NULL;
	}
	rewind(t);
	return t;
}

static int
has_md_suffix(const char *s)
{
	size_t n = strlen(s);
	return (n > 3 && strcmp(s + n - 3, ".md") == 0) ||
	       (n > 9 && strcmp(s + n - 9, ".markdown") == 0);
}

/* Each thread's normaliser: its buffers kept from one call to the next. */
static _Thread_local struct normaliser keep;

void
normalise_release(void)
{
	struct normaliser *nm = &keep;

	buf_free(&nm->srcesc);
	buf_free(&nm->obuf);
	buf_free(&nm->para);
	buf_free(&nm->pbreaks);
	buf_free(&nm->colbuf);
	buf_free(&nm->text[0]);
	buf_free(&nm->text[1]);
	buf_free(&nm->rd.tmp1);
	buf_free(&nm->rd.tmp2);
	utf8_cleaner_free(&nm->rd.cleaner);
	survey_free(&nm->sv);
	survey_release();
}

int
normalise_stream(FILE *in, const char *source, FILE *out,
                 const struct normalise_opts *opts,
                 struct normalise_stats *stats)
{
	struct normaliser *nm = &keep;
	struct pagelines pl;
	FILE *f = in, *tmp = NULL;
	off_t start;
	int r;

	lexicon_words();
	memset(&nm->opts, 0, sizeof *nm - offsetof(struct normaliser, opts));
	buf_reset(&nm->srcesc);
	buf_reset(&nm->obuf);
	buf_reset(&nm->para);
	buf_reset(&nm->pbreaks);
	buf_reset(&nm->colbuf);
	nm->rd.sv = &nm->sv;
	nm->rd.page = 1;
	nm->rd.lines = nm->rd.repaired = 0;
	nm->opts = opts;
	nm->source = source;
	nm->out = out;
	nm->cap = opts && opts->cap ? opts->cap : 1 << 20;
	start = ftello(in);
	if (start < 0 || fseeko(in, start, SEEK_SET) != 0) {
		tmp = spool(in);
		if (!tmp)
			return NM_ETMP;
		f = tmp;
		start = 0;
	}
	r = pagelines_open(&pl, f, opts ? opts->from : NULL, nm->cap);
	if (r == 0)
		r = survey_run(&pl, &nm->sv, opts && opts->read_ahead);
	nm->st.encoding = utf8_enc_name(pl.enc);
	if (r < 0)
		goto done;
	survey_finish(&nm->sv);
	nm->st.quality = tq_judge(&nm->sv.tq, &nm->st.letter_cosine, &nm->st.function_share);
	nm->st.words = nm->sv.tq.words;
	if (nm->st.quality == TQ_GARBAGE && !(opts && opts->any_text)) {
		/* Letters that do not read as language: write nothing (the
		 * caller says why).  An empty text goes on: it has little to
		 * write, and nothing of it is invented. */
		nm->st.lines = nm->sv.lines;
		r = 0;
		goto done;
	}
	if (opts && opts->markdown >= 0)
		nm->md = opts->markdown;
	else
		nm->md = has_md_suffix(source) || nm->sv.mdlines >= 3;
	nm->st.markdown = nm->md;
	nm->rd.md = nm->md;
	if (fseeko(f, start, SEEK_SET) != 0) {
		r = PL_EREAD;
		goto done;
	}
	clearerr(f);
	tsv_escape(&nm->srcesc, source, strlen(source));
	buf_putc(&nm->srcesc, '\t');
	/* (what the first reading learnt of the stream is kept) */
	r = pagelines_again(&pl, opts ? opts->from : NULL);
	if (r == 0)
		r = run(nm, &pl);
	nm->st.lines = nm->rd.lines;
	nm->st.repaired = nm->rd.repaired;
	nm->st.undecodable = pl.decode_errors;
done:
	pagelines_close(&pl);
	if (stats)
		*stats = nm->st;
	survey_free(&nm->sv);
	if (tmp)
		fclose(tmp);
	return r < 0 ? pl_code(r) : r;
}