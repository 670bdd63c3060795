/* input.c — layer 0b: what the front door checks before any reader sees the
 * bytes: not empty, not too big, not binary, and valid UTF-8 (other
 * encodings are converted with iconv), composed (NFC, with ICU). */
#include "support.h"

#include <ctype.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Files people mistake for postings, named so the message helps. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} magics[] = {
    {"%PDF-", 5, "a PDF document"},
    {"PK\3\4", 4, "a ZIP archive (a .docx or .xlsx?)"},
    {"\x89PNG", 4, "a PNG image"},
    {"\xFF\xD8\xFF", 3, "a JPEG image"},
    {"GIF8", 4, "a GIF image"},
    {"\xD0\xCF\x11\xE0", 4, "an old Office document"},
    {"\x7F"
     "ELF",
     4, "a program"},
    {"\x1F\x8B", 2, "a gzip archive"},
};

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n\f\v", s[i]))
			return false;
	return true;
}

/* The charset a document declares in its first bytes, or NULL. */
static char *declared_charset(const char *data, size_t len)
{
	size_t n = len < 2048 ? len : 2048;
	static const char *const keys[] = {"charset=", "encoding="};
	for (size_t k = 0; k < JK_ARRAY_LEN(keys); k++) {
		size_t kl = strlen(keys[k]);
		for (size_t i = 0; i + kl < n; i++) {
			if (strncasecmp(data + i, keys[k], kl) != 0)
				continue;
			size_t j = i + kl;
			while (j < n && (data[j] == '"' || data[j] == '\''))
				j++;
			size_t s = j;
			while (j < n && (isalnum((unsigned char)data[j]) || data[j] == '-' ||
			                 data[j] == '_'))
				j++;
			if (j > s && j - s < 40)
				return jk_strndup(data + s, j - s);
		}
	}
	return NULL;
}

/* Converts with iconv; NULL when the bytes do not fit the charset. */
static char *convert(const char *from, const char *data, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 4 + 16;
	char *out = malloc(cap), *o = out, *in = (char *)data;
	size_t il = len, ol = cap - 1;
	if (out && iconv(cd, &in, &il, &o, &ol) != (size_t)-1) {
		*o = '\0';
		*outlen = (size_t)(o - out);
	} else {
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	return out;
}

/* s[0..n) as UTF-16 (ICU's text), *out allocated; its length in *m. */
static int to_utf16(const char *s, size_t n, UChar **out, int32_t *m)
{
	UErrorCode st = U_ZERO_ERROR;
	*out = NULL;
	u_strFromUTF8WithSub(NULL, 0, m, s, (int32_t)n, 0xFFFD, NULL, &st);
	if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
		return JK_EFORMAT;
	*out = malloc(((size_t)*m + 1) * sizeof **out);
	if (!*out)
		return JK_ENOMEM;
	st = U_ZERO_ERROR;
	u_strFromUTF8WithSub(*out, *m + 1, m, s, (int32_t)n, 0xFFFD, NULL, &st);
	return U_FAILURE(st) ? JK_EFORMAT : JK_OK;
}

/* u[0..m) normalised to NFC, as UTF-8 (caller frees); NULL on failure. */
static char *nfc_utf8(const UNormalizer2 *nfc, const UChar *u, int32_t m, size_t *len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t k = unorm2_normalize(nfc, u, m, NULL, 0, &st), n8 = 0;
	UChar *v = st == U_BUFFER_OVERFLOW_ERROR ? malloc(((size_t)k + 1) * sizeof *v) : NULL;
	char *out = NULL;
	st = U_ZERO_ERROR;
	if (v)
		k = unorm2_normalize(nfc, u, m, v, k + 1, &st);
	if (v && U_SUCCESS(st)) {
		u_strToUTF8(NULL, 0, &n8, v, k, &st);
		st = U_ZERO_ERROR;
		out = malloc((size_t)n8 + 1);
	}
	if (out)
		u_strToUTF8(out, n8 + 1, &n8, v, k, &st);
	if (out && U_FAILURE(st)) {
		free(out);
		out = NULL;
	}
	*len = (size_t)n8;
	free(v);
	return out;
}

/* Whether UTF-8 s[0..n) passes NFC's quick check with "yes" (then it is
 * NFC as it is): every character may stay as it is and combining marks
 * are in canonical order. Read in place: most text needs no UTF-16 copy. */
static bool nfc_quick_yes(const char *s, size_t n)
{
	uint8_t last = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = (unsigned char)s[i];
		i += cp < 0x80 ? 1 : jk_utf8_decode(s + i, n - i, &cp);
		uint8_t cc = cp < 0x80 ? 0 : u_getCombiningClass((UChar32)cp);
		if ((cc && cc < last) ||
		    (cp >= 0x80 &&
		     u_getIntPropertyValue((UChar32)cp, UCHAR_NFC_QUICK_CHECK) != UNORM_YES))
			return false;
		last = cc;
	}
	return true;
}

/* Letters written decomposed ("e" + U+0301, as macOS and some editors
 * save them) composed, so fonts and word matching see one character.
 * *data is replaced (and *owned with it) only when something changed. */
static int to_nfc(const char **data, size_t *len, char **owned, jk_err *err)
{
	size_t i = 0;
	while (i < *len && (unsigned char)(*data)[i] < 0x80)
		i++;
	if (i == *len || *len > (size_t)INT32_MAX / 2 || nfc_quick_yes(*data + i, *len - i))
		return JK_OK; /* composed already; too long for ICU: as it is */
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	UChar *u = NULL;
	int32_t m = 0;
	int r = U_FAILURE(st) ? JK_OK : to_utf16(*data, *len, &u, &m);
	if (!r && u && unorm2_spanQuickCheckYes(nfc, u, m, &st) < m && U_SUCCESS(st)) {
		size_t n = 0;
		char *c = nfc_utf8(nfc, u, m, &n);
		if (c) {
			free(*owned);
			*owned = c;
			*data = c;
			*len = n;
		}
	}
	free(u);
	return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : JK_OK;
}

/* Gives the readers valid UTF-8: converts UTF-16 (by BOM), a declared
 * charset, or else Windows-1252, saying so. *owned is set when a copy was
 * made. */
int import_to_utf8(const char **data, size_t *len, char **owned, const import_opts *o, jk_err *err)
{
	const unsigned char *u = (const unsigned char *)*data;
	*owned = NULL;
	if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*data += 3;
		*len -= 3;
		u += 3;
	}
	const char *from = NULL;
	if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		from = "UTF-16";
	if (!from && jk_utf8_valid(*data, *len))
		return to_nfc(data, len, owned, err);
	char *declared = from ? NULL : declared_charset(*data, *len);
	size_t n = 0;
	char *conv = NULL;
	if (from) {
		conv = convert(from, *data, *len, &n);
		if (!conv)
			return jk_fail(err, JK_EFORMAT, "UTF-16 text with invalid characters");
	} else {
		if (declared && strcasecmp(declared, "utf-8") && strcasecmp(declared, "utf8"))
			conv = convert(declared, *data, *len, &n);
		if (conv) {
			import_warnf(o, "read as %s, as the file declares", declared);
		} else {
			conv = jk_cp1252_to_utf8(*data, *len);
			if (!conv) {
				free(declared);
				return jk_fail(err, JK_ENOMEM, "out of memory");
			}
			n = strlen(conv);
			import_warnf(o, "not valid UTF-8; read as Windows-1252");
		}
	}
	free(declared);
	*owned = conv;
	*data = conv;
	*len = n;
	return to_nfc(data, len, owned, err);
}

int import_check_input(const char *data, size_t len, jk_err *err)
{
	if (len == 0 || is_blank(data, len))
		return jk_fail(err, JK_EEMPTY, "empty, nothing to read");
	if (len > IMPORT_MAX_BYTES)
		return jk_fail(err, JK_ETOOBIG, "too large (%.1f MB, limit %.0f MB)",
		               (double)len / 1e6, (double)IMPORT_MAX_BYTES / 1e6);
	for (size_t i = 0; i < JK_ARRAY_LEN(magics); i++)
		if (len >= magics[i].len && !memcmp(data, magics[i].magic, magics[i].len))
			return jk_fail(err, JK_EBINARY, "is %s, not a posting file",
			               magics[i].what);
	/* UTF-16 legitimately holds NULs; its BOM is checked later. */
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return JK_OK;
	size_t n = len < 8192 ? len : 8192, ctl = 0;
	for (size_t i = 0; i < n; i++) {
		if (u[i] == 0)
			return jk_fail(err, JK_EBINARY, "binary data, not a posting file");
		if (u[i] < 0x20 && !strchr("\t\r\n\f\v\x1b", u[i]))
			ctl++;
	}
	if (ctl * 20 > n)
		return jk_fail(err, JK_EBINARY, "binary data, not a posting file");
	return JK_OK;
}
