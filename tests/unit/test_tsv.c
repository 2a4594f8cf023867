/* Unit test: TSV escape/unescape round trip and field splitting. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tsv.h"
#include "randtext.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static void
round_trip_n(const char *s, size_t n, const char *want_escaped, size_t wn)
{
	struct buf b = {0};
	size_t bad = 0, len;

	tsv_escape(&b, s, n);
	CHECK(b.len == wn);
	CHECK(memcmp(b.data, want_escaped, wn) == 0);
	len = tsv_unescape(b.data, b.len, &bad);
	CHECK(bad == 0);
	CHECK(len == n && memcmp(b.data, s, n) == 0);
	buf_free(&b);
}

#define round_trip(s, n, w) round_trip_n(s, n, w, sizeof(w) - 1)

/* tsv_escape_opt(in, opts) writes want; in and want are string literals. */
static void
escape_opt_n(const char *s, size_t n, unsigned opts, const char *want,
    size_t wn)
{
	struct buf b = {0};

	tsv_escape_opt(&b, s, n, opts);
	CHECK(b.len == wn);
	CHECK(memcmp(b.data, want, wn) == 0);
	buf_free(&b);
}

#define escape_opt(s, o, w) \
	escape_opt_n(s, sizeof(s) - 1, o, w, sizeof(w) - 1)

int
main(void)
{
	struct field f[4];
	char line[] = "a\tbc\t\td";
	char dangling[] = "ab\\";
	char unknown[] = "a\\xb";
	size_t bad = 0, n;

	round_trip("plain text", 10, "plain text");
	round_trip("tab\there", 8, "tab\\there");
	round_trip("a\\b", 3, "a\\\\b");
	round_trip("l1\nl2\r", 6, "l1\\nl2\\r");
	round_trip("\xc2\xa3" "5", 3, "\xc2\xa3" "5");
	round_trip("nul\0in", 6, "nul\0in");
	round_trip("", 0, "");

	/* Each escaped byte at every offset of fields of every length to 40:
	 * the sixteen-byte scan, the block that ends the field and the byte
	 * loop of a short one must agree. */
	{
		static const char esc[] = "\\\t\n\r", letter[] = "\\tnr";
		char in[40], want[42];

		for (size_t e = 0; e < 4; e++)
			for (size_t len = 1; len <= sizeof in; len++)
			for (size_t at = 0; at < len; at++) {
				memset(in, 'a', sizeof in);
				in[at] = esc[e];
				memcpy(want, in, at);
				want[at] = '\\';
				want[at + 1] = letter[e];
				memcpy(want + at + 2, in + at + 1, len - at - 1);
				round_trip_n(in, len, want, len + 1);
			}
	}

	/* The options of extract's records: U+FFFD for a bad byte, no NUL;
	 * escaped text kept, a lone backslash doubled, its TABs kept. */
	escape_opt("caf\xe9 \xc2\xa3" "5\x01", TSV_REPAIR,
	    "caf\xef\xbf\xbd \xc2\xa3" "5\x01");
	escape_opt("a\0b\tc\\d\ne", TSV_REPAIR, "ab\\tc\\\\d\\ne");
	escape_opt("\xed\xa0\x80\xf4\x90\x80\x80\xe2\x82", TSV_REPAIR,
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	escape_opt("a\\tb\\qc\td\\", TSV_REPAIR | TSV_ESCAPED,
	    "a\\tb\\\\qc\td\\\\");
	escape_opt("x\\\0y\nz\r\xff", TSV_REPAIR | TSV_ESCAPED,
	    "x\\\\y\\nz\\r\xef\xbf\xbd");
	/* every special byte at every offset, every length, as above */
	{
		static const char spec[] = "\\\t\n\x01\xff\0";
		static const char *const rep[] = {
			"\\\\", "\\t", "\\n", "\x01", "\xef\xbf\xbd", ""
		};
		char in[40], want[44];

		for (size_t e = 0; e < 6; e++)
			for (size_t len = 1; len <= sizeof in; len++)
			for (size_t at = 0; at < len; at++) {
				size_t rl = strlen(rep[e]);
				memset(in, 'a', sizeof in);
				in[at] = spec[e];
				memcpy(want, in, at);
				memcpy(want + at, rep[e], rl);
				memcpy(want + at + rl, in + at + 1, len - at - 1);
				escape_opt_n(in, len, TSV_REPAIR, want,
				    len - 1 + rl);
			}
	}

	CHECK(tsv_split(line, strlen(line), f, 4) == 4);
	CHECK(f[0].len == 1 && f[1].len == 2 && f[2].len == 0 && f[3].len == 1);
	CHECK(tsv_split(line, strlen(line), f, 2) == 4);
	CHECK(tsv_split(line, 0, f, 4) == 1);

	n = tsv_unescape(dangling, 3, &bad);
	CHECK(n == 3 && bad == 1);
	bad = 0;
	n = tsv_unescape(unknown, 4, &bad);
	CHECK(n == 4 && bad == 1 && memcmp(unknown, "a\\xb", 4) == 0);

	/* Lines longer than a block, TABs in the last bytes (the block that
	 * ends the line overlaps the one before), and more fields than max. */
	{
		char l2[200];
		size_t k;

		for (k = 0; k < 199; k++)
			l2[k] = (char)('a' + k % 26);
		l2[199] = '\0';
		l2[3] = l2[17] = l2[190] = l2[198] = '\t';
		CHECK(tsv_split(l2, 199, f, 4) == 5);
		CHECK(f[0].len == 3 && f[1].p == l2 + 4 && f[1].len == 13 &&
		    f[2].len == 172 && f[3].len == 7);
		CHECK(tsv_split(l2, 20, f, 4) == 3 && f[2].p == l2 + 18 && f[2].len == 2);
		CHECK(tsv_split(l2, 16, f, 4) == 2 && f[1].len == 12);
	}

	/* Every length up to 300 with TABs at the edges of the vector
	 * blocks and of the first 64 bytes (where memchr takes over), and
	 * at the line's ends: the fields a byte loop finds. */
	{
		static const size_t at[] = {0, 1, 15, 16, 17, 47, 48, 62, 63, 64,
		    65, 79, 80, 127, 128, 200, 298, 299};
		char l3[301];
		struct field g[40];
		size_t len, a, k, nf, want, st;

		for (len = 0; len <= 300; len++)
			for (a = 0; a < sizeof at / sizeof *at; a++) {
				for (k = 0; k < len; k++)
					l3[k] = (char)('a' + k % 26);
				for (k = a; k < sizeof at / sizeof *at; k += 3)
					if (at[k] < len)
						l3[at[k]] = '\t';
				if (len > 0)
					l3[len - 1] = a % 2 ? '\t' : 'z';
				l3[len] = '\0';
				nf = tsv_split(l3, len, g, 40);
				want = 0;
				st = 0;
				for (k = 0; k <= len; k++)
					if (k == len || l3[k] == '\t') {
						CHECK(g[want].p == l3 + st &&
						    g[want].len == k - st);
						want++;
						st = k + 1;
					}
				CHECK(nf == want);
			}
	}

	/* The line reader across chunks: a line longer than a chunk, an
	 * empty line, NUL bytes, a last line without its LF. */
	{
		FILE *t = tmpfile();
		struct line_reader r;
		size_t k, big = 200000;

		CHECK(t != NULL);
		for (k = 0; k < big; k++)
			putc('x', t);
		fwrite("\n\nab\0c\nlast", 1, 11, t);
		rewind(t);
		line_reader_init(&r, t);
		CHECK(line_reader_next(&r) == 1 && r.len == big && r.line[big] == '\0' &&
		    r.line[big - 1] == 'x' && r.lineno == 1);
		CHECK(line_reader_next(&r) == 1 && r.len == 0);
		CHECK(line_reader_next(&r) == 1 && r.len == 4 && memcmp(r.line, "ab\0c", 4) == 0);
		CHECK(line_reader_next(&r) == 1 && r.len == 4 && strcmp(r.line, "last") == 0 &&
		    r.lineno == 4);
		CHECK(line_reader_next(&r) == 0);
		line_reader_free(&r);
		fclose(t);
	}

	/* line_reader_split against line_reader_next and tsv_split, and its
	 * spec against a byte loop: made-up lines of every length to 300
	 * and some over a chunk, TABs, backslashes, bytes >= 0x80 and NULs
	 * at every place of a block, read twice from one file; max from 0
	 * to 12 (fewer fields than the line has, and more); a last line
	 * with and without its LF. */
	for (int lastlf = 0; lastlf < 2; lastlf++) {
		static const char alpha[] = "abcdefgh\t\t\\\x80\xc3\xa9 \0";
		FILE *t = tmpfile(), *t2 = tmpfile();
		struct line_reader a, b;
		struct field fa[16], fb[16];
		unsigned long seed = 777;
		size_t len, k, na, nb, lines = 310;

		CHECK(t != NULL && t2 != NULL);
		for (len = 0; len < lines; len++) {
			size_t bytes = len <= 300 ? len : 70000 + len;
			for (k = 0; k < bytes; k++) {
				rt_step(&seed);
				unsigned r = (unsigned)(seed >> 33);
				int c = r % 4 ? "abcdefgh"[r % 8] :
				    alpha[r % (sizeof alpha - 1)];
				putc(c, t);
				putc(c, t2);
			}
			if (lastlf || len + 1 < lines) {
				putc('\n', t);
				putc('\n', t2);
			}
		}
		rewind(t);
		rewind(t2);
		line_reader_init(&a, t);
		line_reader_init(&b, t2);
		for (k = 0; ; k++) {
			size_t max = k % 13, spec = 0, i;
			int ra = line_reader_split(&a, fa, max, &na);
			int rb = line_reader_next(&b);

			CHECK(ra == rb);
			if (ra != 1 || rb != 1) {
				CHECK(ra == 0 && k == lines);
				break;
			}
			CHECK(a.len == b.len && memcmp(a.line, b.line, a.len) == 0 &&
			    a.line[a.len] == '\0' && a.lineno == k + 1);
			for (i = 0; i < a.len; i++)
				if (a.line[i] == '\\' || (unsigned char)a.line[i] >= 0x80)
					spec = i + 1;
			CHECK(a.spec == spec);
			/* the same line, split by tsv_split */
			nb = tsv_split(b.line, b.len, fb, max);
			CHECK(na == nb);
			for (i = 0; i < max && i < na; i++)
				CHECK(fa[i].p - a.line == fb[i].p - b.line &&
				    fa[i].len == fb[i].len);
		}
		line_reader_free(&a);
		line_reader_free(&b);
		fclose(t);
		fclose(t2);
	}

	/* Page fields of the streams: "", "12", "12,340,911". */
	{
		unsigned long pg;
		const char *brk;
		size_t bl;
		CHECK(tsv_page_field("", 0, &pg, &brk, &bl) && pg == 0 && bl == 0);
		CHECK(tsv_page_field("12", 2, &pg, &brk, &bl) && pg == 12 && bl == 0);
		CHECK(tsv_page_field("2,89,120", 8, &pg, &brk, &bl) && pg == 2 &&
		    bl == 7 && memcmp(brk, ",89,120", 7) == 0);
		CHECK(tsv_page_field("999999999999", 12, &pg, &brk, &bl));
		CHECK(!tsv_page_field("1000000000000", 13, &pg, &brk, &bl));
		CHECK(!tsv_page_field("0", 1, &pg, &brk, &bl));
		CHECK(!tsv_page_field("ok", 2, &pg, &brk, &bl));
		CHECK(!tsv_page_field("2,", 2, &pg, &brk, &bl));
		CHECK(!tsv_page_field("2,,5", 4, &pg, &brk, &bl));
		CHECK(!tsv_page_field(",5", 2, &pg, &brk, &bl));
		CHECK(!tsv_page_field("2,5x", 4, &pg, &brk, &bl));
	}

	if (failures)
		printf("%d failures\n", failures);
	return failures != 0;
}
