/* utf8 — decoding, repair and Unicode clean-up; see utf8.h. */
#include "utf8.h"

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "bytescan.h"
#include "err.h"

int
utf8_is_ascii(const char *s, size_t n)
{
	size_t i = 0;

	/* Sixteen bytes at a time, or-ed, tested once: most lines are ASCII.
	 * The last bytes of a line of sixteen or more are the block that
	 * ends it (overlapping), not a byte loop. */
	if (n >= 16) {
		bytes16 acc = bytes16_load(s + n - 16);

		for (; i + 16 <= n; i += 16)
			acc |= bytes16_load(s + i);
		return !mask16_any(acc >= 0x80);
	}
	for (; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	/* ASCII runs are skipped sixteen bytes at a time (bytescan.h). */
	while ((i = skip_ascii(s, i, n)) < n) {
		size_t k = utf8_seq_len(p + i, n - i);
		if (k == 0)
			return 0;
		i += k;
	}
	return 1;
}

/*
 * The UTF-8 spelling of each byte 0x80-0xFF read as Windows-1252, filled
 * once from iconv so that the mapping is the system's, not ours.  The five
 * bytes Windows-1252 leaves undefined, or an iconv without CP1252, fall
 * back to Latin-1 (U+0080-U+00FF): a repair never loses a byte.
 */
static char cp1252[128][4];
static int cp1252_ready;

static void
cp1252_init(void)
{
	iconv_t cd = iconv_open("UTF-8", "CP1252");

	for (int b = 0x80; b <= 0xFF; b++) {
		char in = (char)b, *ip = &in, out[8], *op = out;
		size_t il = 1, ol = sizeof out;
		char *dst = cp1252[b - 0x80];

		if (cd != (iconv_t)-1 &&
		    iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && op > out &&
		    op - out < 4) {
			memcpy(dst, out, (size_t)(op - out));
			dst[op - out] = '\0';
		} else {
			dst[0] = (char)(0xC0 | (b >> 6));
			dst[1] = (char)(0x80 | (b & 0x3F));
			dst[2] = '\0';
		}
		if (cd != (iconv_t)-1)
			iconv(cd, NULL, NULL, NULL, NULL);
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	cp1252_ready = 1;
}

void
utf8_init(void)
{
	if (!cp1252_ready)
		cp1252_init();
}

size_t
utf8_repair(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0, bad = 0;

	buf_reserve(out, n + n / 2);
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_seq_len(p + i, n - i);
		if (k) {
			i += k;
			continue;
		}
		if (!cp1252_ready)
			cp1252_init();
		buf_append(out, s + start, i - start);
		buf_puts(out, cp1252[p[i] - 0x80]);
		bad++;
		i++;
		start = i;
	}
	buf_append(out, s + start, n - start);
	return bad;
}

size_t
utf8_width(const char *s, size_t n)
{
	size_t cont = 0, i = 0;

	/* Most lines are ASCII, their width their length: utf8_is_ascii
	 * tells that for less than the count below and its sums. */
	if (n >= 16 && utf8_is_ascii(s, n))
		return n;

	/*
	 * Count continuation bytes (10xxxxxx) sixteen at a time: a compare
	 * gives -1 in each byte that is one, subtracted from byte counters
	 * that are summed every 255 blocks, before one could overflow.
	 */
	while (i + 16 <= n) {
		bytes16 acc = {0};
		for (size_t k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
			bytes16 v = bytes16_load(s + i);
			acc -= (bytes16)((v & 0xC0) == 0x80);
		}
		cont += bytes16_sum(acc);
	}
	/*
	 * The rest eight at a time: one bit 0x01 in each byte that is one,
	 * summed by a multiply into the top byte (at most 8, so no carry).
	 * Not __builtin_popcountll: without -mpopcnt that is a call into
	 * libgcc per word.
	 */
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		x = (x & ~(x << 1) & 0x8080808080808080ULL) >> 7;
		cont += (size_t)((x * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}

/*
 * What the clean-up does with one code point: -1 drop it, 0 keep it,
 * otherwise the code point to put instead.  Ligatures are spelled out by
 * the caller.
 */
static int32_t
map_cp(int32_t c)
{
	if (c < 0x80)
		return 0;
	switch (c) {
	case 0x00AD:            /* soft hyphen */
	case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
	case 0x180E:
	case 0x200E: case 0x200F: /* direction marks */
	case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
	case 0x2066: case 0x2067: case 0x2068: case 0x2069:
		return -1;
	case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
	case 0x2028: case 0x2029:
		return ' ';
	/* Bullets of every shape that PDFs print before list entries. */
	case 0x25AA: case 0x25AB: case 0x25CF: case 0x25CB: case 0x25E6:
	case 0x2023: case 0x2043: case 0x2219: case 0x25A0: case 0x25A1:
	case 0x27A2: case 0x27A4: case 0x2756: case 0x25C6: case 0x25C7:
	case 0x2666: case 0x25BA: case 0x25B6: case 0x2B9A: case 0x29BF:
		return 0x2022;
	}
	if (c >= 0x2000 && c <= 0x200A)
		return ' ';
	if (c >= 0x80 && c < 0xA0)    /* C1 controls */
		return ' ';
	/*
	 * Symbol fonts (Symbol, Wingdings) map their glyphs into U+F000-F0FF;
	 * what survives extraction there is, in practice, list bullets,
	 * arrows and ticks used as bullets.
	 */
	if (c >= 0xF000 && c <= 0xF0FF)
		return 0x2022;
	return 0;
}

static const char *const ligatures[] = {
	"ff", "fi", "fl", "ffi", "ffl", "st", "st"   /* U+FB00-FB06 */
};

static void
grow32(int32_t **p, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	size_t c = *cap ? *cap : 256;
	while (c < need)
		c *= 2;
	*p = xrealloc(*p, c * sizeof **p);
	*cap = c;
}

/* Code points whose NFC is themselves whatever surrounds them. */
static int
nfc_inert(int32_t c)
{
	return c < 0x300 || (c >= 0x2010 && c <= 0x2064) || c == 0x20AC ||
	       (c >= 0x2190 && c <= 0x21FF);
}

int
utf8_needs_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while ((i = skip_ascii(s, i, n)) < n) {
		unsigned char b = p[i];
		int32_t cp;
		if (b < 0xE0 && i + 1 < n) {
			cp = (int32_t)((b & 0x1F) << 6 | (p[i + 1] & 0x3F));
			i += 2;
		} else if (b < 0xF0 && i + 2 < n) {
			cp = (int32_t)((b & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F));
			i += 3;
		} else {
			return 1;       /* rare enough to take the slow road */
		}
		if ((cp >= 0xFB00 && cp <= 0xFB06) || map_cp(cp) != 0 || !nfc_inert(cp))
			return 1;
	}
	return 0;
}

int
utf8_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int needs = 0;

	/* utf8_valid's walk; at each character, while no answer is yet
	 * known, utf8_needs_clean's look at it (the same lead bytes: the
	 * text is valid up to there). */
	while ((i = skip_ascii(s, i, n)) < n) {
		size_t k = utf8_seq_len(p + i, n - i);
		if (k == 0)
			return -1;
		if (!needs) {
			int32_t cp;
			if (k == 2)
				cp = (int32_t)((p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F));
			else if (k == 3)
				cp = (int32_t)((p[i] & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 |
				               (p[i + 2] & 0x3F));
			else
				cp = -1;
			needs = cp < 0 || (cp >= 0xFB00 && cp <= 0xFB06) || map_cp(cp) != 0 ||
			        !nfc_inert(cp);
		}
		i += k;
	}
	return needs;
}

/*
 * One character of utf8_clean, at p[*i..n) (*i < n): decoded (a bad
 * byte, which the caller promised there would not be, read as U+FFFD),
 * *i moved past it, and mapped by map_cp: the code point to write, -1
 * for one dropped, or -2 - k for the ligature U+FB00 + k, whose letters
 * are written instead.  Inline: both of utf8_clean's loops take each
 * character through it.
 */
static inline int32_t
clean_step(const utf8proc_uint8_t *p, size_t *i, size_t n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate(p + *i, (utf8proc_ssize_t)(n - *i), &c);

	if (k <= 0) {
		c = 0xFFFD;
		k = 1;
	}
	*i += (size_t)k;
	if (c >= 0xFB00 && c <= 0xFB06)
		return -2 - (c - 0xFB00);
	int32_t m = map_cp(c);
	return m != 0 ? m : c;
}

void
utf8_clean(struct utf8_cleaner *c, const char *s, size_t n, struct buf *out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t len = 0, i = 0, start = out->len;
	int inert = 1;

	/*
	 * Most lines that need cleaning are ASCII but for a few characters
	 * (a bullet, a ligature, a no-break space) that NFC leaves as they
	 * are: each is written as it is read, the ASCII runs between them
	 * copied whole, not decoded and encoded again one by one.  A code
	 * point NFC may change sends the line the whole way below.  (At
	 * most three bytes out for each in: U+FFFD for a bad byte.)
	 */
	buf_reserve(out, n * 3);
	while (i < n) {
		size_t j = skip_ascii(s, i, n);
		memcpy(out->data + out->len, s + i, j - i);
		out->len += j - i;
		if ((i = j) == n)
			break;
		int32_t cp = clean_step(p, &i, n);
		if (cp < 0) {
			if (cp < -1)
				for (const char *l = ligatures[-2 - cp]; *l; l++)
					out->data[out->len++] = *l;
			continue;
		}
		if (!nfc_inert(cp)) {
			inert = 0;
			break;
		}
		out->len += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out->data + out->len);
	}
	if (inert) {
		out->data[out->len] = '\0';
		return;
	}
	out->len = start;
	i = 0;
	inert = 1;

	grow32(&c->cp, &c->cap, n * 3 + 1);
	while (i < n) {
		int32_t cp = clean_step(p, &i, n);
		if (cp < 0) {
			if (cp < -1)
				for (const char *l = ligatures[-2 - cp]; *l; l++)
					c->cp[len++] = *l;
			continue;
		}
		if (!nfc_inert(cp))
			inert = 0;
		c->cp[len++] = cp;
	}
	if (!inert) {
		/* NFC: canonical decomposition, then composition, in place. */
		size_t need = 0;
		for (size_t j = 0; j < len; j++) {
			int last = 0;
			grow32(&c->tmp, &c->tmpcap, need + 32);
			utf8proc_ssize_t k = utf8proc_decompose_char(c->cp[j],
			    c->tmp + need, 32, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE, &last);
			if (k < 0 || k > 32) {
				c->tmp[need] = c->cp[j];
				k = 1;
			}
			need += (size_t)k;
		}
		utf8proc_ssize_t r = utf8proc_normalize_utf32(c->tmp,
		    (utf8proc_ssize_t)need, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (r >= 0) {
			grow32(&c->cp, &c->cap, (size_t)r + 1);
			memcpy(c->cp, c->tmp, (size_t)r * sizeof *c->cp);
			len = (size_t)r;
		}
	}
	buf_reserve(out, len * 4);
	for (size_t j = 0; j < len; j++) {
		utf8proc_ssize_t k = utf8proc_encode_char(c->cp[j],
		    (utf8proc_uint8_t *)out->data + out->len);
		out->len += (size_t)k;
	}
	out->data[out->len] = '\0';
}

void
utf8_cleaner_free(struct utf8_cleaner *c)
{
	free(c->cp);
	free(c->tmp);
	c->cp = c->tmp = NULL;
	c->cap = c->tmpcap = 0;
}

enum utf8_enc
utf8_sniff(const unsigned char *s, size_t n, size_t *bom)
{
	*bom = 0;
	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		*bom = 3;
		return memchr(s + 3, 0, n - 3) ? ENC_BINARY : ENC_UTF8;
	}
	if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		*bom = 2;
		return ENC_UTF16LE;
	}
	if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		*bom = 2;
		return ENC_UTF16BE;
	}
	if (!memchr(s, 0, n))
		return ENC_UTF8;
	/*
	 * No mark but NULs: text in UTF-16 has them in every other byte (the
	 * high half of ASCII characters), binary files scatter them.
	 */
	size_t even = 0, odd = 0, pairs = n / 2;
	for (size_t i = 0; i + 1 < n; i += 2) {
		even += s[i] == 0;
		odd += s[i + 1] == 0;
	}
	if (pairs >= 2 && odd * 10 >= pairs * 7 && even * 20 <= pairs)
		return ENC_UTF16LE;
	if (pairs >= 2 && even * 10 >= pairs * 7 && odd * 20 <= pairs)
		return ENC_UTF16BE;
	return ENC_BINARY;
}

const char *
utf8_enc_name(enum utf8_enc e)
{
	switch (e) {
	case ENC_UTF16LE: return "UTF-16LE";
	case ENC_UTF16BE: return "UTF-16BE";
	default: return "UTF-8";
	}
}
