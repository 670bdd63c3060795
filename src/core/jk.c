/* jk.c — shared core: errors, buffers, UTF-8, text cleaning. */
#include "jk.h"
#include "posting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Messages are one line, whatever the input put into them. A long message
 * is cut at a byte count, and "%.40s" cuts a name the same way: drop a
 * character cut at the end, show any other broken byte as '?'. Messages
 * stay valid UTF-8. */
void jk_one_line(char *s)
{
	for (char *c = s; *c; c++)
		if (*c == '\n' || *c == '\r' || *c == '\t')
			*c = ' ';
	size_t n = strlen(s), i = n;
	while (i > 0 && n - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	unsigned char lead = i ? (unsigned char)s[i - 1] : 0;
	size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (lead >= 0xC0 && n - (i - 1) < want)
		s[n = i - 1] = '\0';
	for (size_t k = 0; k < n;) {
		uint32_t cp;
		size_t used = jk_utf8_decode(s + k, n - k, &cp);
		if (cp == 0xFFFD && used == 1)
			s[k] = '?';
		k += used;
	}
}

int jk_fail(jk_err *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		err->code = code;
		jk_one_line(err->msg);
	}
	return code;
}

static int buf_reserve(jk_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return JK_ETOOBIG;
	size_t need = b->len + extra + 1;
	if (b->limit && need > b->limit + 1)
		return JK_ETOOBIG;
	if (need <= b->cap)
		return JK_OK;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *d = realloc(b->data, cap);
	if (!d)
		return JK_ENOMEM;
	b->data = d;
	b->cap = cap;
	return JK_OK;
}

int jk_buf_append(jk_buf *b, const void *p, size_t n)
{
	int r = buf_reserve(b, n);
	if (r)
		return r;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return JK_OK;
}

int jk_buf_puts(jk_buf *b, const char *s)
{
	return jk_buf_append(b, s, strlen(s));
}

int jk_buf_putc(jk_buf *b, char c)
{
	return jk_buf_append(b, &c, 1);
}

int jk_buf_printf(jk_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return JK_EFORMAT;
	int r = buf_reserve(b, (size_t)n);
	if (r)
		return r;
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return JK_OK;
}

char *jk_buf_detach(jk_buf *b)
{
	char *d = b->data;
	if (!d)
		d = calloc(1, 1);
	b->data = NULL;
	b->len = b->cap = 0;
	return d;
}

void jk_buf_free(jk_buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

size_t jk_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0];
	size_t len;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	if (n < len) {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return len;
}

size_t jk_utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool jk_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = jk_utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1)
			return false;
		i += k;
	}
	return true;
}

/* 0x80..0x9F of Windows-1252; the rest of the high half is Latin-1. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

char *jk_cp1252_to_utf8(const char *s, size_t n)
{
	jk_buf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned c = (unsigned char)s[i];
		uint32_t cp = c < 0x80 ? c : c < 0xA0 ? cp1252_high[c - 0x80] : c;
		char tmp[4];
		if (jk_buf_append(&b, tmp, jk_utf8_encode(cp, tmp))) {
			jk_buf_free(&b);
			return NULL;
		}
	}
	return jk_buf_detach(&b);
}

bool jk_cp_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool jk_cp_is_invisible(uint32_t cp)
{
	/* C0/C1 controls (white space handled before), zero-width characters,
	 * BOM, bidi controls, soft hyphen, object replacement. */
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xAD ||
	       (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0xFFFC;
}

bool jk_cp_shapes(uint32_t cp)
{
	/* ZWNJ, ZWJ, LRM, RLM, ALM: invisible, yet they change how a word is
	 * joined (Persian "می‌کنید", Indic conjuncts) or which way it runs. */
	return (cp >= 0x200C && cp <= 0x200F) || cp == 0x061C;
}

char *jk_text_clean(const char *s, size_t n)
{
	if (!s)
		return calloc(1, 1);
	if (n == (size_t)-1)
		n = strlen(s);
	jk_buf b = {0};
	bool space = false;
	size_t i = 0;
	int r = jk_buf_append(&b, "", 0);
	while (!r && i < n) {
		uint32_t cp;
		i += jk_utf8_decode(s + i, n - i, &cp);
		if (jk_cp_is_space(cp)) {
			space = b.len > 0;
			continue;
		}
		if (jk_cp_is_invisible(cp) && !jk_cp_shapes(cp))
			continue;
		if (space)
			r = jk_buf_putc(&b, ' ');
		space = false;
		char tmp[4];
		if (!r)
			r = jk_buf_append(&b, tmp, jk_utf8_encode(cp, tmp));
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

char *jk_strndup(const char *s, size_t n)
{
	if (!s)
		return NULL;
	if (n == (size_t)-1)
		n = strlen(s);
	char *d = malloc(n + 1);
	if (!d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

const char *jk_strcasestr(const char *hay, const char *needle)
{
	if (!hay || !needle)
		return NULL;
	size_t nl = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, nl) == 0)
			return hay;
	return nl == 0 ? hay : NULL;
}

char *jk_mask_secrets(const char *s, char *out, size_t cap)
{
	size_t o = 0;
	for (size_t i = 0; s[i] && o + 1 < cap;) {
		bool setting = i > 0 && (s[i - 1] == '?' || s[i - 1] == '&');
		if (setting && strncasecmp(s + i, "token=", 6) == 0) {
			o += (size_t)snprintf(out + o, cap - o, "%.*s***", 6, s + i);
			o = o < cap ? o : cap - 1;
			i += 6 + strcspn(s + i + 6, "&");
		} else {
			out[o++] = s[i++];
		}
	}
	if (cap)
		out[o < cap ? o : cap - 1] = '\0';
	return out;
}

uint64_t jk_hash64(const void *p, size_t n, uint64_t h)
{
	const unsigned char *c = p;
	for (size_t i = 0; i < n; i++) {
		h ^= c[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

bool jk_time_from(int64_t secs, time_t *out)
{
	/* time_t is signed and 32 or 64 bits on every target. */
	const int64_t max = sizeof(time_t) >= sizeof(int64_t) ? INT64_MAX : INT32_MAX;
	const int64_t min = sizeof(time_t) >= sizeof(int64_t) ? INT64_MIN : INT32_MIN;
	if (secs > max || secs < min)
		return false;
	*out = (time_t)secs;
	return true;
}
