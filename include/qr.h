/* qr.h — the apply QR code: libqrencode behind a tiny pure-C contract (no
 * SDL). Prefix qr_. */
#ifndef QR_H
#define QR_H

#include "jk.h"

/* Light modules around the symbol, as the QR standard asks. */
#define QR_QUIET 4

typedef struct qr_code {
	int size;               /* modules per side, quiet zone excluded */
	unsigned char *modules; /* size*size bytes, row-major, 1 = dark; owned */
} qr_code;

/* Encodes text (borrowed, NUL-terminated) byte for byte in 8-bit mode with
 * error correction M, so a decoder reads back exactly text (non-ASCII text
 * is marked UTF-8 with an ECI header). On success the
 * caller frees out with qr_code_free(). Fails with JK_EARG for empty text,
 * JK_ETOOBIG when it does not fit a QR symbol. */
int qr_encode(const char *text, qr_code *out, jk_err *err);
/* The version (1 to 40: 17 + 4 * version modules a side) of the symbol
 * qr_encode() makes of text (borrowed), without keeping its modules.
 * JK_EARG for empty text, JK_ETOOBIG when it does not fit (or on OOM). */
int qr_version(const char *text);
/* Frees the modules; accepts NULL and a zeroed code. */
void qr_code_free(qr_code *q);
/* True when module (x, y) is dark; false outside the symbol (quiet zone). */
bool qr_dark(const qr_code *q, int x, int y);

/* The short form of an apply target for the caption under the code: host +
 * path for http(s) (no scheme, no "www.", no query or fragment, no trailing
 * '/'), the address for mailto: (no query). Caller frees. NULL on OOM or
 * when apply is NULL. */
char *qr_caption_target(const char *apply);

#endif
