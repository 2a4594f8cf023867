/*
 * fuzz_normalise — libFuzzer harness for the minutes-normalise core
 * (paragraphs.h).
 *
 * The first input byte chooses the options, so they are fuzzed too:
 * bit 4 set gives a small paragraph cap (64 + 16 × the low four bits),
 * bits 5–6 the Markdown mode (guess, yes, no).  The other bytes are the
 * document, read through a seekable memory stream as from a file.
 * Checks, whatever the bytes (contract.h and below): every output line is
 * "source TAB line TAB text", valid UTF-8 with only the four escapes; line
 * numbers never go backwards and never pass the input's line count; no
 * paragraph is longer than 4 × the cap (the cut is made on input bytes,
 * which clean-up may lengthen: a TAB becomes spaces, a Windows-1252 byte
 * up to three; -DFUZZ_STRICT_CAP holds it to the cap itself); a refused
 * (binary) document writes nothing.  Inputs over FUZZ_MAX bytes are skipped.
 * The word lists are read once, from $MM_RULES/lexicon or the project's
 * rules/ (compiled in as FUZZ_RULES).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "lexicon.h"
#include "paragraphs.h"

#define FUZZ_MAX (1u << 20)
#ifndef FUZZ_RULES
#define FUZZ_RULES "rules"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
on_warning(void *ctx, const char *source, unsigned long line, const char *msg)
{
	(void)ctx;
	if (!source || line == 0 || !msg || !*msg)
		abort();
}

/* Bytes of text[0..n) once the four escapes are decoded. */
static size_t
unescaped_len(const char *s, size_t n)
{
	size_t i, len = 0;

	for (i = 0; i < n; i++, len++)
		if (s[i] == '\\')
			i++;
	return len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct normalise_opts opts = { .markdown = -1, .warn = on_warning, .any_text = 1 };
	struct normalise_stats st;
	FILE *in, *out;
	char *obuf = NULL;
	size_t olen = 0, lines = 1, i;
	unsigned char cfg;
	int r;
	static int lexicon_loaded;

	if (size == 0 || size > FUZZ_MAX)
		return 0;
	if (!lexicon_loaded) {
		const char *dir = getenv("MM_RULES");
		lexicon_open(dir ? dir : FUZZ_RULES);
		lexicon_loaded = 1;
	}
	cfg = data[0];
	data++, size--;
	if (cfg & 0x10)
		opts.cap = 64 + 16 * (size_t)(cfg & 0x0f);
	opts.markdown = (cfg >> 5 & 3) == 1 ? 1 : (cfg >> 5 & 3) == 2 ? 0 : -1;
	for (i = 0; i < size; i++)	/* LF, CRLF and a lone CR each end a line */
		if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
			lines++;

	in = size ? fmemopen((void *)data, size, "r") : fopen("/dev/null", "r");
	out = open_memstream(&obuf, &olen);
	if (!in || !out)
		abort();
	r = normalise_stream(in, "fuzz", out, &opts, &st);
	fclose(in);
	if (fclose(out) != 0)
		abort();
	if ((r == NM_EBINARY || r == NM_EENC) && olen != 0) {
		fprintf(stderr, "contract: refused input (%d) but output written\n", r);
		abort();
	}
	contract_check(CONTRACT_NORMALISE, obuf, olen, CONTRACT_CLEAN);

	/* Line numbers in order and in range; paragraphs within the cap. */
	{
		const char *p = obuf, *end = obuf + olen;
		unsigned long last = 0;
		size_t cap = opts.cap ? opts.cap : 1048576;
#ifndef FUZZ_STRICT_CAP
		cap *= 4;
#endif

		while (p < end) {
			const char *lf = memchr(p, '\n', (size_t)(end - p));
			const char *t1 = memchr(p, '\t', (size_t)(lf - p));
			const char *t2 = memchr(t1 + 1, '\t', (size_t)(lf - t1 - 1));
			unsigned long ln = strtoul(t1 + 1, NULL, 10);

			if (ln < last || ln > lines) {
				fprintf(stderr, "contract: line %lu after %lu (input has %zu lines)\n",
				    ln, last, lines);
				abort();
			}
			if (unescaped_len(t2 + 1, (size_t)(lf - t2 - 1)) > cap) {
				fprintf(stderr, "contract: paragraph at line %lu longer than the cap %zu\n",
				    ln, cap);
				abort();
			}
			last = ln;
			p = lf + 1;
		}
	}
	free(obuf);
	return 0;
}
