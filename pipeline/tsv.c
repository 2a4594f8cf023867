/* tsv — COPY-text escaping, field splitting, a line reader; see tsv.h. */
#define _POSIX_C_SOURCE 200809L
#include "tsv.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
/* AVX2 for line_reader_split, where the CPU has it (asked at run time;
 * MM_NO_AVX2 builds without, as a test does). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(MM_NO_AVX2)
#include <immintrin.h>
#define TSV_AVX2 1
#endif

#include "bytescan.h"
#include "cpu.h"
#include "err.h"
#include "utf8.h"

/*
 * The bytes the writer must look at: bit 1 for the four it escapes, bit
 * 2 for those TSV_REPAIR adds (below 0x20, above 0x7F) and the backslash.
 */
static const unsigned char special[256] = {
	[0] = 2, 2, 2, 2, 2, 2, 2, 2, 2, ['\t'] = 3, ['\n'] = 3, 2, 2,
	['\r'] = 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	['\\'] = 3,
	[0x80] = 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

static inline __attribute__((always_inline)) mask16
special16(const char *p, unsigned opts)
{
	bytes16 v = bytes16_load(p);

	if (opts & TSV_REPAIR)
		return (v < 0x20) | (v >= 0x80) | (v == '\\');
	return (v == '\\') | (v == '\t') | (v == '\n') | (v == '\r');
}

/*
 * Offset of the first byte of s[i..n) that the writer must look at, or n:
 * one of the four escaped bytes, or with TSV_REPAIR any byte below 0x20 or
 * above 0x7F (one compare each, where NUL and a bad sequence are not; the
 * well-formed ones are then stepped over).  Most fields (a paragraph) have
 * none: sixteen bytes are tested at a time, the last of them a block that
 * ends at n (its bytes before i masked off); a field shorter than a block
 * a byte at a time, each by one look in a table (most of a record's
 * fields are names and numbers of a few bytes).
 */
static inline __attribute__((always_inline)) size_t
next_special(const char *s, size_t i, size_t n, unsigned opts)
{
	for (; i + 16 <= n; i += 16) {
		mask16 m = special16(s + i, opts);
		if (mask16_any(m))
			return i + mask16_first(m);
	}
	if (i < n && n >= 16) {
		uint32_t bits = mask16_bits(special16(s + n - 16, opts)) >>
		    (i - (n - 16)) << (i - (n - 16));

		return bits ? n - 16 + (size_t)__builtin_ctz(bits) : n;
	}
	for (; i < n; i++)
		if (special[(unsigned char)s[i]] & (opts & TSV_REPAIR ? 2 : 1))
			break;
	return i;
}

/*
 * The one writer: a special byte at a time, the runs between them copied
 * whole.  Always inline (GCC would keep one copy testing the options at
 * run time), so that each caller below gets it with its options known and
 * the tests of those it lacks compiled away: tsv_escape costs what it did
 * before the options were added.
 */
static inline __attribute__((always_inline)) void
escape_field(struct buf *b, const char *s, size_t n, unsigned opts)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i, start = 0, skip;

	if (n == 0) {	/* s may be NULL then (an empty buf): s + 0 is UB */
		buf_reserve(b, 0);
		return;
	}
	i = next_special(s, 0, n, opts);
	while (i < n) {
		unsigned char c = u[i];
		const char *rep;
		size_t rl = 2;

		skip = 1;
		switch (c) {
		case '\\':
			if ((opts & TSV_ESCAPED) && i + 1 < n &&
			    (s[i + 1] == '\\' || s[i + 1] == 't' ||
			    s[i + 1] == 'n' || s[i + 1] == 'r')) {
				i = next_special(s, i + 2, n, opts);
				continue;
			}
			rep = "\\\\";
			break;
		case '\t':
			if (opts & TSV_ESCAPED) {
				i = next_special(s, i + 1, n, opts);
				continue;
			}
			rep = "\\t";
			break;
		case '\n': rep = "\\n"; break;
		case '\r': rep = "\\r"; break;
		case '\0': rep = "", rl = 0; break;	/* TSV_REPAIR's only */
		default:
			/* TSV_REPAIR's only: another control byte is kept, a
			 * well-formed sequence skipped, a bad byte replaced */
			if (c >= 0x80 && (skip = utf8_seq_len(u + i, n - i)) == 0) {
				skip = 1;
				rep = "\xEF\xBF\xBD", rl = 3;
				break;
			}
			i = next_special(s, i + skip, n, opts);
			continue;
		}
		buf_append(b, s + start, i - start);
		buf_append(b, rep, rl);
		start = i + skip;
		i = next_special(s, start, n, opts);
	}
	buf_append(b, s + start, n - start);
}

void
tsv_escape(struct buf *b, const char *s, size_t n)
{
	escape_field(b, s, n, 0);
}

void
tsv_escape_opt(struct buf *b, const char *s, size_t n, unsigned opts)
{
	/* each set of options its own copy of the loop (see escape_field) */
	switch (opts) {
	case TSV_REPAIR:
		escape_field(b, s, n, TSV_REPAIR);
		break;
	case TSV_REPAIR | TSV_ESCAPED:
		escape_field(b, s, n, TSV_REPAIR | TSV_ESCAPED);
		break;
	default:
		escape_field(b, s, n, opts);
		break;
	}
}

size_t
tsv_unescape(char *s, size_t n, size_t *bad)
{
	size_t i, o;
	char *bs = n ? memchr(s, '\\', n) : NULL;

	/* Most fields hold no backslash: memchr finds that at SIMD speed,
	 * and nothing before the first one moves. */
	if (!bs)
		return n;
	i = o = (size_t)(bs - s);
	for (; i < n; i++) {
		if (s[i] != '\\') {
			s[o++] = s[i];
			continue;
		}
		if (i + 1 == n) {
			if (bad)
				(*bad)++;
			s[o++] = '\\';
			break;
		}
		switch (s[i + 1]) {
		case '\\': s[o++] = '\\'; i++; break;
		case 't':  s[o++] = '\t'; i++; break;
		case 'n':  s[o++] = '\n'; i++; break;
		case 'r':  s[o++] = '\r'; i++; break;
		default:
			if (bad)
				(*bad)++;
			s[o++] = '\\';
			break;
		}
	}
	if (o < n)
		s[o] = '\0';
	return o;
}

/* One more field, [start, stop) of line. */
static inline void
field_add(char *line, size_t start, size_t stop, struct field *fields, size_t max,
    size_t *count)
{
	if (*count < max) {
		fields[*count].p = line + start;
		fields[*count].len = stop - start;
	}
	(*count)++;
}

size_t
tsv_split(char *line, size_t len, struct field *fields, size_t max)
{
	size_t count = 0, start = 0, i = 0;

#ifdef __SSE2__
	/*
	 * One pass over the line, sixteen bytes at a time, each TAB taken
	 * from the block's mask: the first fields (source, line, page) are
	 * short, the last (a paragraph) long and without a TAB, and a call
	 * to memchr for each field cost more than the whole scan.  The last
	 * bytes are a block that ends the line, its bytes already seen
	 * masked off.
	 */
	const __m128i tab = _mm_set1_epi8('\t');

	for (; i + 16 <= len; i += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const void *)(line + i)), tab));

		for (; m; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			field_add(line, start, at, fields, max, &count);
			start = at + 1;
		}
	}
	if (i < len && len >= 16) {
		size_t b = len - 16;
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const void *)(line + b)), tab)) >> (i - b) << (i - b);

		for (; m; m &= m - 1) {
			size_t at = b + (size_t)__builtin_ctz(m);

			field_add(line, start, at, fields, max, &count);
			start = at + 1;
		}
		i = len;
	}
#endif
	for (; i < len; i++)
		if (line[i] == '\t') {
			field_add(line, start, i, fields, max, &count);
			start = i + 1;
		}
	field_add(line, start, len, fields, max, &count);
	return count;
}

void
line_reader_init(struct line_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
#ifdef TSV_AVX2
	r->avx2 = cpu_avx2;
#endif
}

enum { LR_CHUNK = 1 << 16 };

/*
 * buf[start..end) holds no LF: the part line to the front, room for a
 * chunk after it, read.  Returns 0 (r->eof set at the end of the file),
 * or -1 on a read error.
 */
static int
lr_fill(struct line_reader *r)
{
	if (r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	r->scanned = r->end;
	if (r->cap - r->end < LR_CHUNK + 1) {
		size_t cap = r->cap ? r->cap : LR_CHUNK + 1;

		while (cap - r->end < LR_CHUNK + 1)
			cap *= 2;
		r->buf = xrealloc(r->buf, cap);
		r->cap = cap;
	}
	size_t got = fread(r->buf + r->end, 1, r->cap - r->end - 1, r->f);
	if (got == 0) {
		if (ferror(r->f))
			return -1;
		r->eof = 1;
	}
	r->end += got;
	return 0;
}

int
line_reader_next(struct line_reader *r)
{
	errno = 0;
	for (;;) {
		char *nl = r->scanned < r->end ?
		    memchr(r->buf + r->scanned, '\n', r->end - r->scanned) : NULL;

		if (nl) {
			r->line = r->buf + r->start;
			r->len = (size_t)(nl - r->line);
			*nl = '\0';
			r->start = r->scanned = (size_t)(nl - r->buf) + 1;
			r->lineno++;
			return 1;
		}
		r->scanned = r->end;
		if (r->eof) {
			if (r->start == r->end)
				return 0;
			/* a last line without its LF (fill keeps a byte for the NUL) */
			r->line = r->buf + r->start;
			r->len = r->end - r->start;
			r->line[r->len] = '\0';
			r->start = r->scanned = r->end;
			r->lineno++;
			return 1;
		}
		if (lr_fill(r) < 0)
			return -1;
	}
}

/*
 * line_reader_split's scan.  A block of the buffer is first asked one
 * question (a TAB, an LF, a backslash or a byte >= 0x80 in it?); most
 * blocks of a paragraph say no.  One that says yes is read as masks,
 * bit k for its byte k.  Offsets are in the reader's buf.
 */
struct lr_bits {
	uint32_t tab, lf, spec;
};

struct lr_scan {
	size_t count;	/* fields ended so far */
	size_t fstart;	/* where the field being read starts */
	size_t spec;	/* 1 + the last backslash or byte >= 0x80, or 0 */
	size_t lf;	/* the LF that ends the line, once found */
};

static inline uint32_t
lr_any16(const char *p)
{
	bytes16 v = bytes16_load(p);

	return mask16_bits((v == '\t') | (v == '\n') | (v == '\\') |
	    ((mask16)v < 0));
}

static inline struct lr_bits
lr_bits16(const char *p)
{
	bytes16 v = bytes16_load(p);
	struct lr_bits m;

	m.tab = mask16_bits(v == '\t');
	m.lf = mask16_bits(v == '\n');
	m.spec = mask16_bits((v == '\\') | ((mask16)v < 0));
	return m;
}

#ifdef TSV_AVX2
/* Not always_inline: only lr_scan_avx2 calls them (lr_scan's w is 32
 * there alone), and that has AVX2 to inline them with. */
__attribute__((target("avx2"))) static inline uint32_t
lr_any32(const char *p)
{
	__m256i v = _mm256_loadu_si256((const void *)p);
	__m256i m = _mm256_or_si256(
	    _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t')),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\n'))),
	    _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\')), v));

	return (uint32_t)_mm256_movemask_epi8(m);
}

__attribute__((target("avx2"))) static inline struct lr_bits
lr_bits32(const char *p)
{
	__m256i v = _mm256_loadu_si256((const void *)p);
	struct lr_bits m;

	m.tab = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8('\t')));
	m.lf = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8('\n')));
	m.spec = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(v,
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\'))));
	return m;
}
#endif

/*
 * The block at pos of b, with its masks m: its fields ended, and 1 when
 * it ends the line.  What the scan keeps is lr_scan's locals, in
 * registers (in *st, each store into f would make them be read again).
 */
static inline __attribute__((always_inline)) int
lr_take(char *b, size_t pos, struct lr_bits m, struct field *f, size_t max,
    size_t *count, size_t *fstart, size_t *spec)
{
	uint32_t tab = m.tab, sp = m.spec;

	if (m.lf) {
		uint32_t before = (m.lf & (0u - m.lf)) - 1;

		tab &= before;
		sp &= before;
	}
	for (; tab; tab &= tab - 1) {
		size_t at = pos + (size_t)__builtin_ctz(tab);

		field_add(b, *fstart, at, f, max, count);
		*fstart = at + 1;
	}
	if (sp)
		*spec = pos + 32 - (size_t)__builtin_clz(sp);
	return m.lf != 0;
}

/*
 * Scan b[pos..end) w bytes a block, the last bytes one at a time, until
 * an LF: 1 when one ends the line (st->lf), 0 when end came first.
 */
static inline __attribute__((always_inline)) int
lr_scan(char *b, size_t pos, size_t end, struct field *f, size_t max,
    struct lr_scan *st, size_t w)
{
	size_t count = st->count, fstart = st->fstart, spec = st->spec;
	int found = 0;

	for (; pos + w <= end; pos += w) {
		struct lr_bits m;
#ifdef TSV_AVX2
		if (w == 32) {
			if (!lr_any32(b + pos))
				continue;
			m = lr_bits32(b + pos);
		} else
#endif
		{
			if (!lr_any16(b + pos))
				continue;
			m = lr_bits16(b + pos);
		}
		if (lr_take(b, pos, m, f, max, &count, &fstart, &spec)) {
			st->lf = pos + (size_t)__builtin_ctz(m.lf);
			found = 1;
			goto out;
		}
	}
	for (; pos < end; pos++) {
		unsigned char c = (unsigned char)b[pos];

		if (c == '\t') {
			field_add(b, fstart, pos, f, max, &count);
			fstart = pos + 1;
		} else if (c == '\n') {
			st->lf = pos;
			found = 1;
			break;
		} else if (c == '\\' || c >= 0x80) {
			spec = pos + 1;
		}
	}
out:
	st->count = count;
	st->fstart = fstart;
	st->spec = spec;
	return found;
}

static int
lr_scan16(char *b, size_t pos, size_t end, struct field *f, size_t max,
    struct lr_scan *st)
{
	return lr_scan(b, pos, end, f, max, st, 16);
}

#ifdef TSV_AVX2
__attribute__((target("avx2"))) static int
lr_scan_avx2(char *b, size_t pos, size_t end, struct field *f, size_t max,
    struct lr_scan *st)
{
	return lr_scan(b, pos, end, f, max, st, 32);
}
#endif

int
line_reader_split(struct line_reader *r, struct field *f, size_t max,
    size_t *nf)
{
	struct lr_scan st;
	int found;

	errno = 0;
	for (;;) {
		/* the line from its start again after a fill moved it */
		st.count = 0;
		st.fstart = r->start;
		st.spec = 0;
#ifdef TSV_AVX2
		if (r->avx2)
			found = lr_scan_avx2(r->buf, r->start, r->end, f, max, &st);
		else
#endif
			found = lr_scan16(r->buf, r->start, r->end, f, max, &st);
		if (found)
			break;
		if (r->eof) {
			if (r->start == r->end)
				return 0;
			/* a last line without its LF (fill keeps a byte for the NUL) */
			st.lf = r->end;
			break;
		}
		if (lr_fill(r) < 0)
			return -1;
	}
	field_add(r->buf, st.fstart, st.lf, f, max, &st.count);
	*nf = st.count;
	r->line = r->buf + r->start;
	r->len = st.lf - r->start;
	r->line[r->len] = '\0';
	r->spec = st.spec ? st.spec - r->start : 0;
	r->start = r->scanned = found ? st.lf + 1 : r->end;
	r->lineno++;
	return 1;
}

void
line_reader_free(struct line_reader *r)
{
	free(r->buf);
	r->buf = r->line = NULL;
	r->cap = r->start = r->end = r->scanned = 0;
}

int
tsv_page_field(const char *p, size_t n, unsigned long *page,
    const char **brk, size_t *brklen)
{
	size_t k = 0;
	unsigned long v = 0;

	*page = 0;
	*brk = p + n;
	*brklen = 0;
	if (n == 0)
		return 1;
	if (p[0] < '1' || p[0] > '9')
		return 0;
	for (; k < n && p[k] >= '0' && p[k] <= '9'; k++) {
		if (k == 12)
			return 0;
		v = v * 10 + (unsigned long)(p[k] - '0');
	}
	*page = v;
	*brk = p + k;
	*brklen = n - k;
	while (k < n) {		/* ",OFF" again and again, each OFF digits */
		if (p[k++] != ',' || k == n || p[k] < '0' || p[k] > '9')
			return 0;
		while (k < n && p[k] >= '0' && p[k] <= '9')
			k++;
	}
	return 1;
}
