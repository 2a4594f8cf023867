/*
 * Unit tests for pagelines: line numbers for LF, CRLF and lone CR (also
 * when a CR ends a read chunk), form feeds, pieces of over-long lines,
 * UTF-16, NUL bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pagelines.h"

static int failed;

struct want {
	const char *text;
	unsigned long lineno;
	int page_break, cut;
};

/* Read pl to its end, holding its lines to w and its end code to
 * want_rc ("again": the second reading, pagelines_again). */
static void
check(struct pagelines *pl, const char *name, const char *pass,
      const struct want *w, int want_rc)
{
	struct pline l;
	int r, i = 0;

	while ((r = pagelines_next(pl, &l)) == 1) {
		if (!w[i].text) {
			printf("FAIL %s%s: extra line %lu \"%.*s\"\n", name, pass, l.lineno,
			       (int)l.n, l.s);
			failed++;
			break;
		}
		if (l.n != strlen(w[i].text) || memcmp(l.s, w[i].text, l.n) != 0 ||
		    l.lineno != w[i].lineno || l.page_break != w[i].page_break ||
		    l.cut != w[i].cut) {
			printf("FAIL %s%s: line %d: got %lu \"%.*s\" pb=%d cut=%d, want %lu \"%s\" pb=%d cut=%d\n",
			       name, pass, i, l.lineno, (int)l.n, l.s, l.page_break, l.cut,
			       w[i].lineno, w[i].text, w[i].page_break, w[i].cut);
			failed++;
		}
		i++;
	}
	if (r <= 0 && r != want_rc) {
		printf("FAIL %s%s: end code %d, want %d\n", name, pass, r, want_rc);
		failed++;
	}
	if (r == 0 && w[i].text) {
		printf("FAIL %s%s: missing line \"%s\"\n", name, pass, w[i].text);
		failed++;
	}
}

/* The lines of data read once, and (a whole reading) once again. */
static void
run(const char *name, const char *data, size_t n, size_t cap,
    const struct want *w, int want_rc)
{
	FILE *f = fmemopen((void *)data, n, "r");
	struct pagelines pl;

	if (!f) {
		printf("FAIL %s: fmemopen\n", name);
		failed++;
		return;
	}
	pagelines_open(&pl, f, NULL, cap);
	check(&pl, name, "", w, want_rc);
	if (want_rc == 0) {
		rewind(f);
		clearerr(f);
		if (pagelines_again(&pl, NULL) != 0) {
			printf("FAIL %s: pagelines_again\n", name);
			failed++;
		} else {
			check(&pl, name, " (again)", w, want_rc);
		}
	}
	pagelines_close(&pl);
	fclose(f);
}

int
main(void)
{
	static const char ends[] = "one\r\ntwo\rthree\n\nfour";
	static const struct want ends_w[] = {
		{"one", 1, 0, 0}, {"two", 2, 0, 0}, {"three", 3, 0, 0}, {"", 4, 0, 0},
		{"four", 5, 0, 0}, {NULL, 0, 0, 0}
	};
	run("line ends", ends, sizeof ends - 1, 1 << 20, ends_w, 0);

	static const char ff[] = "a\n\fTop\nb\fc\n\f\n";
	static const struct want ff_w[] = {
		{"a", 1, 0, 0}, {"Top", 2, 1, 0}, {"b", 3, 0, 0}, {"c", 3, 1, 0},
		{"", 4, 1, 0}, {NULL, 0, 0, 0}
	};
	run("form feeds", ff, sizeof ff - 1, 1 << 20, ff_w, 0);

	static const char longl[] = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq\nx\n";
	static const struct want long_w[] = {
		{"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll", 1, 0, 1},
		{" mmmm nnnn oooo pppp qqqq", 1, 0, 1}, {"x", 2, 0, 0}, {NULL, 0, 0, 0}
	};
	run("cut at cap", longl, sizeof longl - 1, 64, long_w, 0);

	/* A CR as the last byte of the first 256 KiB chunk, LF the first of the next. */
	size_t big = 256 * 1024;
	char *buf = malloc(big + 16);
	memset(buf, 'A', big - 1);
	memcpy(buf + big - 1, "\r\nB\rC\n", 6);
	struct want big_w[] = {
		{NULL, 1, 0, 0}, {"B", 2, 0, 0}, {"C", 3, 0, 0}, {NULL, 0, 0, 0}
	};
	char *first = malloc(big);
	memset(first, 'A', big - 1);
	first[big - 1] = '\0';
	big_w[0].text = first;
	run("CR at chunk end", buf, big + 5, 1 << 20, big_w, 0);
	free(buf);
	free(first);

	static const char u16[] = "\xFF\xFEO\0k\0\r\0\n\0\xA3\0" "5\0";
	static const struct want u16_w[] = {
		{"Ok", 1, 0, 0}, {"\xC2\xA3" "5", 2, 0, 0}, {NULL, 0, 0, 0}
	};
	run("utf-16", u16, sizeof u16 - 1, 1 << 20, u16_w, 0);

	/* A UTF-8 byte-order mark: read past, the first time and again. */
	static const char bom[] = "\xEF\xBB\xBFone\ntwo\f3\n";
	static const struct want bom_w[] = {
		{"one", 1, 0, 0}, {"two", 2, 0, 0}, {"3", 2, 1, 0}, {NULL, 0, 0, 0}
	};
	run("utf-8 mark", bom, sizeof bom - 1, 1 << 20, bom_w, 0);

	/* Two chunks and no CR: a line across them, and a CR-less reading
	 * again (pagelines_again looks for none). */
	buf = malloc(big + 16);
	memset(buf, 'y', big + 16);
	buf[5] = '\n';
	buf[big + 15] = '\n';
	first = malloc(big + 16);
	memset(first, 'y', big + 9);
	first[big + 9] = '\0';
	struct want two_w[] = { {"yyyyy", 1, 0, 0}, {first, 2, 0, 0}, {NULL, 0, 0, 0} };
	run("two chunks", buf, big + 16, 1 << 20, two_w, 0);
	free(buf);
	free(first);

	/* NUL bytes: refused when sniffed in the first chunk, or met later. */
	static const char nul[] = "text\nmore\0text\n";
	static const struct want none[] = { {NULL, 0, 0, 0} };
	run("nul", nul, sizeof nul - 1, 1 << 20, none, PL_EBINARY);
	buf = malloc(big + 16);
	memset(buf, 'x', big + 16);
	buf[10] = '\n';
	buf[big + 4] = '\0';
	static const struct want late_w[] = { {"xxxxxxxxxx", 1, 0, 0}, {NULL, 0, 0, 0} };
	run("late nul", buf, big + 16, 1 << 20, late_w, PL_EBINARY);
	free(buf);

	/* A form feed in the second chunk only, and in the first only: read
	 * again, each is looked for where the first reading saw one (and no
	 * NUL after that reading's end). */
	buf = malloc(big + 16);
	memset(buf, 'z', big + 16);
	buf[3] = '\n';
	buf[big + 8] = '\f';
	buf[big + 15] = '\n';
	first = malloc(big + 16);
	memset(first, 'z', big + 4);
	first[big + 4] = '\0';
	struct want ff2_w[] = { {"zzz", 1, 0, 0}, {first, 2, 0, 0}, {"zzzzzz", 2, 1, 0},
		{NULL, 0, 0, 0} };
	run("form feed in the second chunk", buf, big + 16, 1 << 20, ff2_w, 0);
	buf[big + 8] = 'z';
	buf[2] = '\f';
	memset(first, 'z', big + 11);
	first[big + 11] = '\0';
	struct want ff1_w[] = { {"zz", 1, 0, 0}, {"", 1, 1, 0}, {first, 2, 0, 0},
		{NULL, 0, 0, 0} };
	run("form feed in the first chunk", buf, big + 16, 1 << 20, ff1_w, 0);
	free(buf);
	free(first);

	/* More form feeds and CRs than a first reading notes (PL_FACTS), in
	 * three chunks: read again, those past the notes are searched. */
	{
		size_t lines = 60000, len = 0;
		char *text = malloc(lines * 24);
		struct want *fw = calloc(lines * 2 + 1, sizeof *fw);
		char (*names)[16] = malloc(lines * sizeof *names);
		size_t k = 0;
		for (size_t i = 0; i < lines; i++) {
			snprintf(names[i], sizeof names[i], "p%zu", i);
			len += (size_t)sprintf(text + len, "%s%s", names[i],
			                       i % 3 == 0 ? "\fq\n" : i % 3 == 1 ? "\r\n" : "\n");
			fw[k++] = (struct want){ names[i], i + 1, 0, 0 };
			if (i % 3 == 0)
				fw[k++] = (struct want){ "q", i + 1, 1, 0 };
		}
		fw[k] = (struct want){ NULL, 0, 0, 0 };
		run("many form feeds and CRs", text, len, 1 << 20, fw, 0);
		free(text);
		free(fw);
		free(names);
	}

	/*
	 * A CR or a form feed at every offset of the sixteen-byte blocks the
	 * common-line scan reads, and lines of exactly the cap and one more.
	 */
	for (size_t at = 0; at < 40; at++) {
		char in[64], a[64];
		memset(a, 'a', at);
		a[at] = '\0';
		memcpy(in, a, at);
		memcpy(in + at, "\rbc\nnext\n", 9);
		struct want cr_w[] = {
			{a, 1, 0, 0}, {"bc", 2, 0, 0}, {"next", 3, 0, 0}, {NULL, 0, 0, 0}
		};
		run("cr at offset", in, at + 9, 1 << 20, cr_w, 0);
		in[at] = '\f';
		struct want ff_at[] = {
			{a, 1, 0, 0}, {"bc", 1, 1, 0}, {"next", 2, 0, 0}, {NULL, 0, 0, 0}
		};
		run("ff at offset", in, at + 9, 1 << 20, at ? ff_at : ff_at + 1, 0);
	}
	{
		char in[80], a[80];
		memset(in, 'a', 66);
		memset(a, 'a', 64);
		a[64] = '\0';
		in[64] = '\n';
		struct want cap_w[] = { {a, 1, 0, 0}, {"a", 2, 0, 0}, {NULL, 0, 0, 0} };
		run("line of the cap", in, 66, 64, cap_w, 0);   /* no final LF */
		in[65] = '\n';
		in[64] = 'a';
		struct want over_w[] = { {a, 1, 0, 1}, {"a", 1, 0, 1}, {NULL, 0, 0, 0} };
		run("line of the cap + 1", in, 66, 64, over_w, 0);
	}

	/* pagelines_next_at: the line when it ends k bytes on, else 0 and
	 * nothing read (pagelines_next gives it after). */
	{
		static const char at[] = "first\nsecond\n\nlast\n";
		FILE *f = fmemopen((void *)at, sizeof at - 1, "r");
		struct pagelines pl;
		struct pline l;
		pagelines_open(&pl, f, NULL, 1 << 20);
		if (pagelines_next(&pl, &l) != 1 || l.n != 5 ||
		    pagelines_next_at(&pl, &l, 5) != 0 || pagelines_next_at(&pl, &l, 8) != 0 ||
		    pagelines_next_at(&pl, &l, 6) != 1 || l.n != 6 || memcmp(l.s, "second", 6) ||
		    l.lineno != 2 || pagelines_next_at(&pl, &l, 0) != 1 || l.n != 0 ||
		    l.lineno != 3 || pagelines_next_at(&pl, &l, 40) != 0 ||
		    pagelines_next(&pl, &l) != 1 || l.n != 4 || l.lineno != 4 ||
		    pagelines_next(&pl, &l) != 0) {
			printf("FAIL pagelines_next_at\n");
			failed++;
		}
		pagelines_close(&pl);
		fclose(f);
	}

	if (failed) {
		printf("%d failed\n", failed);
		return 1;
	}
	return 0;
}
