/*
 * utf8 — turning whatever bytes a PDF-to-text tool wrote into clean UTF-8.
 *
 * Three promises.  Repair: a line that is not valid UTF-8 is made valid by
 * reading each offending byte as Windows-1252 (Latin-1 for the five bytes
 * Windows-1252 leaves undefined), so nothing is ever dropped, and the
 * number of repaired bytes is counted.  Transcoding: a stream in UTF-16
 * (with or without a byte-order mark) or in an encoding named by the user
 * is converted to UTF-8 with iconv, chunk by chunk.  Clean-up: NFC, the
 * Latin ligatures spelled out, every space variant turned into a plain
 * space, soft hyphens, zero-width and direction marks dropped, and the
 * bullet glyphs of symbol fonts turned into "•".
 *
 * Nothing here prints or exits; functions return codes by err.h's
 * convention.  Buffers are
 * reused across calls, so the hot loop does not allocate.
 */
#ifndef MM_UTF8_H
#define MM_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* 1 if s[0..n) holds only bytes below 0x80. */
int utf8_is_ascii(const char *s, size_t n);

/* 1 if s[0..n) is well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF). */
int utf8_valid(const char *s, size_t n);

/*
 * Length (1-4) of the well-formed UTF-8 sequence at p[0..n), n >= 1, or 0
 * when the byte at p starts none (Unicode Table 3-7): the one validator,
 * for callers that walk a string themselves (the fuzz contract, the
 * record writers).  Inline, so that a filter that only writes records
 * (minutes-split, through tsv.c) does not link the Unicode library.
 */
static inline size_t
utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		if (n >= 2 && (p[1] & 0xC0) == 0x80)
			return 2;
		return 0;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && p[1] < 0xA0)
			return 0;
		if (c == 0xED && p[1] > 0x9F)
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && p[1] < 0x90)
			return 0;
		if (c == 0xF4 && p[1] > 0x8F)
			return 0;
		return 4;
	}
	return 0;
}

/*
 * Append s[0..n) to out, replacing every byte that is not part of a
 * well-formed UTF-8 sequence by its Windows-1252 reading.  Returns the
 * number of bytes so replaced.
 */
size_t utf8_repair(const char *s, size_t n, struct buf *out);

/* Read the Windows-1252 table from iconv (utf8_repair does it at its first
 * repair; a program with threads calls this before they start). */
void utf8_init(void);

/* Width of s[0..n) in code points (continuation bytes not counted). */
size_t utf8_width(const char *s, size_t n);

/*
 * Unicode clean-up of one line of valid UTF-8 (see the top of this file),
 * appended to out.  TAB, LF and other ASCII are kept as they are; other C0
 * and C1 controls become spaces.  The cleaner owns reusable scratch space;
 * zero-initialise it, free it with utf8_cleaner_free.
 */
/* 0 if utf8_clean would leave valid UTF-8 s[0..n) as it is (a quick test). */
int utf8_needs_clean(const char *s, size_t n);

/* utf8_valid and utf8_needs_clean in one pass: -1 if s[0..n) is not
 * well-formed UTF-8, else utf8_needs_clean's answer. */
int utf8_check(const char *s, size_t n);

struct utf8_cleaner {
	int32_t *cp;
	size_t cap;
	int32_t *tmp;
	size_t tmpcap;
};
void utf8_clean(struct utf8_cleaner *c, const char *s, size_t n,
                struct buf *out);
void utf8_cleaner_free(struct utf8_cleaner *c);

/* Where a stream's bytes come from, decided from its first bytes. */
enum utf8_enc {
	ENC_UTF8,     /* UTF-8, or anything ASCII-compatible to be repaired */
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_BINARY    /* NUL bytes that are not UTF-16: refuse */
};

/*
 * Guess the encoding from the first n bytes of a stream.  *bom is set to
 * the length of a byte-order mark to skip (UTF-8's included).
 */
enum utf8_enc utf8_sniff(const unsigned char *s, size_t n, size_t *bom);

/* The iconv name of an encoding (for ENC_UTF16LE/BE). */
const char *utf8_enc_name(enum utf8_enc e);

#endif
