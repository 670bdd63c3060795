/* qr.c — libqrencode wrapper and the caption's short target. */
#include "qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* text (non-empty) as the smallest symbol at level M, or NULL when it does
 * not fit one (or on OOM). 8-bit mode: the bytes go in untouched (no case
 * folding, no Kanji). Non-ASCII text gets the UTF-8 ECI designator first:
 * without it decoders guess the charset and read a UTF-8 path as
 * Shift-JIS. */
static QRcode *symbol(const char *text, size_t len)
{
	bool ascii = true;
	for (size_t i = 0; i < len && ascii; i++)
		ascii = (unsigned char)text[i] < 0x80;
	QRcode *c = NULL;
	QRinput *in = len <= 8000 ? QRinput_new2(0, QR_ECLEVEL_M) : NULL;
	if (in && (ascii || QRinput_appendECIheader(in, 26) == 0) &&
	    QRinput_append(in, QR_MODE_8, (int)len, (const unsigned char *)text) == 0)
		c = QRcode_encodeInput(in);
	QRinput_free(in);
	return c;
}

int qr_encode(const char *text, qr_code *out, jk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!text || !*text)
		return jk_fail(err, JK_EARG, "qr: nothing to encode");
	QRcode *c = symbol(text, strlen(text));
	if (!c)
		return jk_fail(err, JK_ETOOBIG,
		               "qr: apply target of %zu bytes does not fit a QR code",
		               strlen(text));
	size_t n = (size_t)c->width * (size_t)c->width;
	out->modules = malloc(n);
	if (!out->modules) {
		QRcode_free(c);
		return jk_fail(err, JK_ENOMEM, "qr: out of memory");
	}
	for (size_t i = 0; i < n; i++)
		out->modules[i] = c->data[i] & 1;
	out->size = c->width;
	QRcode_free(c);
	return 0;
}

int qr_version(const char *text)
{
	if (!text || !*text)
		return JK_EARG;
	QRcode *c = symbol(text, strlen(text));
	if (!c)
		return JK_ETOOBIG;
	int v = c->version;
	QRcode_free(c);
	return v;
}

void qr_code_free(qr_code *q)
{
	if (!q)
		return;
	free(q->modules);
	q->modules = NULL;
	q->size = 0;
}

bool qr_dark(const qr_code *q, int x, int y)
{
	if (x < 0 || y < 0 || x >= q->size || y >= q->size)
		return false;
	return q->modules[(size_t)y * (size_t)q->size + (size_t)x] != 0;
}

char *qr_caption_target(const char *apply)
{
	if (!apply)
		return NULL;
	const char *s = apply;
	if (strncasecmp(s, "mailto:", 7) == 0) {
		s += 7;
		return jk_strndup(s, strcspn(s, "?"));
	}
	if (strncasecmp(s, "https://", 8) == 0)
		s += 8;
	else if (strncasecmp(s, "http://", 7) == 0)
		s += 7;
	if (strncasecmp(s, "www.", 4) == 0)
		s += 4;
	size_t n = strcspn(s, "?#");
	while (n > 0 && s[n - 1] == '/')
		n--;
	/* Drop user info: "user@host" would read like an address. */
	const char *at = memchr(s, '@', strcspn(s, "/"));
	if (at && at < s + n) {
		n -= (size_t)(at + 1 - s);
		s = at + 1;
	}
	return jk_strndup(s, n);
}
