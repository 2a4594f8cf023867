/* Unit tests for utf8: validation, Windows-1252 repair, clean-up, sniffing. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

static int failed;

static void
check_str(const char *what, const char *got, size_t gotn, const char *want)
{
	if (gotn != strlen(want) || memcmp(got, want, gotn) != 0) {
		printf("FAIL %s: got \"%.*s\", want \"%s\"\n", what, (int)gotn, got, want);
		failed++;
	}
}

static void
check_int(const char *what, long got, long want)
{
	if (got != want) {
		printf("FAIL %s: got %ld, want %ld\n", what, got, want);
		failed++;
	}
}

static void
repair(const char *in, const char *want, size_t want_bad)
{
	struct buf b = {0};
	size_t bad = utf8_repair(in, strlen(in), &b);
	check_str(in, b.data, b.len, want);
	check_int("repaired count", (long)bad, (long)want_bad);
	check_int("repaired output valid", utf8_valid(b.data, b.len), 1);
	buf_free(&b);
}

static void
clean(const char *in, const char *want)
{
	static struct utf8_cleaner c;
	struct buf b = {0};
	utf8_clean(&c, in, strlen(in), &b);
	check_str(in, b.data, b.len, want);
	buf_free(&b);
}

int
main(void)
{
	/* Validation: overlongs, surrogates, truncation and > U+10FFFF fail. */
	check_int("ascii", utf8_valid("abc", 3), 1);
	check_int("pound", utf8_valid("\xC2\xA3", 2), 1);
	check_int("overlong", utf8_valid("\xC0\xAF", 2), 0);
	check_int("surrogate", utf8_valid("\xED\xA0\x80", 3), 0);
	check_int("truncated", utf8_valid("\xE2\x80", 2), 0);
	check_int("too big", utf8_valid("\xF4\x90\x80\x80", 4), 0);
	check_int("4-byte", utf8_valid("\xF0\x9F\x98\x80", 4), 1);
	check_int("is_ascii", utf8_is_ascii("plain text, long enough", 23), 1);
	check_int("not ascii", utf8_is_ascii("plain text, long \xC2\xA3", 19), 0);

	/* utf8_check: -1 when not valid (wherever the bad byte is), else
	 * utf8_needs_clean's answer. */
	check_int("check plain", utf8_check("caf\xC3\xA9 \xE2\x80\x93 \xC2\xA3", 12), 0);
	check_int("check nbsp", utf8_check("a\xC2\xA0" "b", 4), 1);
	check_int("check ligature", utf8_check("\xEF\xAC\x81" "ne", 5), 1);
	check_int("check 4-byte", utf8_check("\xF0\x9F\x98\x80", 4), 1);
	check_int("check combining", utf8_check("e\xCC\x81", 3), 1);
	check_int("check bad", utf8_check("ok \xC0\xAF", 5), -1);
	check_int("check bad after nbsp", utf8_check("\xC2\xA0 \xE2\x80", 5), -1);
	check_int("check cut", utf8_check("\xC3\xA9\xE2\x80", 4), -1);

	/* Repair: each bad byte read as Windows-1252; good UTF-8 untouched. */
	repair("plain", "plain", 0);
	repair("\xA3" "5", "\xC2\xA3" "5", 1);
	repair("\x93quoted\x94", "\xE2\x80\x9Cquoted\xE2\x80\x9D", 2);
	repair("\x80", "\xE2\x82\xAC", 1);                 /* euro */
	repair("caf\xE9 \xE2\x80\x99", "caf\xC3\xA9 \xE2\x80\x99", 1);
	repair("\x81", "\xC2\x81", 1);                     /* undefined: Latin-1 */
	repair("\xE2\x80", "\xC3\xA2\xE2\x82\xAC", 2);      /* cut sequence */

	/* Clean-up. */
	clean("\xEF\xAC\x81nal \xEF\xAC\x82" "at o\xEF\xAC\x83" "ce", "final flat office");
	clean("a\xC2\xA0" "b\xE2\x80\x83" "c\xE2\x80\xAF" "d\xE3\x80\x80" "e", "a b c d e");
	clean("per\xC2\xADson\xE2\x80\x8B!\xEF\xBB\xBF", "person!");
	clean("\xEF\x82\xB7 x", "\xE2\x80\xA2 x");
	clean("\xE2\x96\xAA y \xE2\x97\x8F z", "\xE2\x80\xA2 y \xE2\x80\xA2 z");
	clean("e\xCC\x81", "\xC3\xA9");                     /* NFC */
	clean("\xE2\x84\xAB", "\xC3\x85");                  /* angstrom sign */
	clean("\xE2\x80\x9Cq\xE2\x80\x9D \xC2\xA3 \xE2\x80\x93", "\xE2\x80\x9Cq\xE2\x80\x9D \xC2\xA3 \xE2\x80\x93");
	/* A line cleaned as it is read until a character NFC may change,
	 * last or not: then cleaned the whole way, from its start. */
	clean("\xEF\xAC\x81 a\xC2\xA0" "e\xCC\x81", "fi a \xC3\xA9");
	clean("\xC2\xA0" "e\xCC\x81 \xEF\xAC\x82 b", " \xC3\xA9 fl b");
	clean("x\xE2\x80\xA2 \xEF\x82\xB7 and on past sixteen bytes \xC2\xAD.", "x\xE2\x80\xA2 \xE2\x80\xA2 and on past sixteen bytes .");
	{
		static struct utf8_cleaner c;
		struct buf b = {0};
		buf_append(&b, "kept ", 5);
		utf8_clean(&c, "A\xCC\x8A \xC2\xA0", 6, &b);
		check_str("appended", b.data, b.len, "kept \xC3\x85  ");
		b.len = 5;
		utf8_clean(&c, "\xEF\xAC\x80!", 4, &b);
		check_str("appended inert", b.data, b.len, "kept ff!");
		buf_free(&b);
	}

	/* Width: a two- and a three-byte character at every offset of the
	 * eight-byte words utf8_width counts by, and in its byte-wise tail. */
	for (size_t at = 0; at < 20; at++) {
		char w[40];
		memset(w, 'a', sizeof w);
		memcpy(w + at, "\xC3\xA9\xE2\x80\x94", 5);
		for (size_t n = 0; n <= sizeof w; n++) {
			size_t want = 0;
			for (size_t i = 0; i < n; i++)
				want += ((unsigned char)w[i] & 0xC0) != 0x80;
			check_int("width", (long)utf8_width(w, n), (long)want);
		}
	}

	/* ... and over more blocks than its byte counters hold (255). */
	{
		static char big[10007];
		size_t want = 0;
		for (size_t i = 0; i < sizeof big; i++)
			big[i] = i % 3 ? (char)0x80 : (char)0xC3;  /* "\xC3\x80\x80" */
		for (size_t i = 0; i < sizeof big; i++)
			want += ((unsigned char)big[i] & 0xC0) != 0x80;
		check_int("width long", (long)utf8_width(big, sizeof big), (long)want);
	}

	/* ASCII runs are skipped sixteen bytes at a time: a non-ASCII byte,
	 * a bad sequence and a character the clean-up changes at every offset
	 * of those blocks and of the byte-wise tail. */
	for (size_t at = 0; at < 40; at++) {
		char w[48];
		memset(w, 'a', sizeof w);
		memcpy(w + at, "\xC2\xA3", 2);                  /* £: kept */
		check_int("is_ascii at", utf8_is_ascii(w, sizeof w), 0);
		check_int("is_ascii before", utf8_is_ascii(w, at), 1);
		check_int("valid at", utf8_valid(w, sizeof w), 1);
		check_int("needs_clean at", utf8_needs_clean(w, sizeof w), 0);
		memcpy(w + at, "\xC2\xA0", 2);                  /* no-break space */
		check_int("needs_clean nbsp at", utf8_needs_clean(w, sizeof w), 1);
		w[at + 1] = 'a';                                /* a lone lead byte */
		check_int("invalid at", utf8_valid(w, sizeof w), 0);
		check_int("valid before", utf8_valid(w, at), 1);
	}

	/* Sniffing. */
	size_t bom;
	check_int("utf8", utf8_sniff((const unsigned char *)"abc", 3, &bom), ENC_UTF8);
	check_int("utf8 bom", utf8_sniff((const unsigned char *)"\xEF\xBB\xBFx", 4, &bom), ENC_UTF8);
	check_int("utf8 bom len", (long)bom, 3);
	check_int("le bom", utf8_sniff((const unsigned char *)"\xFF\xFEx\0", 4, &bom), ENC_UTF16LE);
	check_int("be bom", utf8_sniff((const unsigned char *)"\xFE\xFF\0x", 4, &bom), ENC_UTF16BE);
	check_int("le no bom", utf8_sniff((const unsigned char *)"a\0b\0c\0d\0", 8, &bom), ENC_UTF16LE);
	check_int("be no bom", utf8_sniff((const unsigned char *)"\0a\0b\0c\0d", 8, &bom), ENC_UTF16BE);
	check_int("binary", utf8_sniff((const unsigned char *)"ab\0\0\0\0cd\x01\0", 10, &bom), ENC_BINARY);

	if (failed) {
		printf("%d failed\n", failed);
		return 1;
	}
	return 0;
}
