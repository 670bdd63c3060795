/* url.c — layer 0a: the links a QR code may carry (http, https, mailto),
 * resolved and checked. A plain absolute http(s) URL, the common case, is
 * checked here as libcurl's URL parser would leave it unchanged, and so is
 * a path from the root against a plain base; any other is resolved by
 * that parser, opened when first needed (jk_dl_load), so a
 * deck of plain links never loads libcurl. Nothing touches the network. */
#include "support.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libcurl's URL parser, filled by jk_dl_load. */
static struct curlu_fns {
	__typeof__(curl_url) *url;
	__typeof__(curl_url_set) *url_set;
	__typeof__(curl_url_get) *url_get;
	__typeof__(curl_url_cleanup) *url_cleanup;
	__typeof__(curl_free) *free;
} curlu;

#define CURLU_FN(member) JK_DL_SYM(struct curlu_fns, member, "curl_" #member)
static const jk_dl_sym curlu_syms[] = {
    CURLU_FN(url), CURLU_FN(url_set), CURLU_FN(url_get), CURLU_FN(url_cleanup), CURLU_FN(free),
};

static jk_dl curlu_lib = JK_DL_INIT("libcurl.so.4", "http(s) apply links need", "JK_TEST_LIBCURL",
                                    curlu_syms, &curlu, NULL);

/* The parser, or false after one log line saying why there is none: the
 * postings still show, without their http(s) apply links. */
static bool curlu_ready(void)
{
	static atomic_bool said;
	jk_err err = {0};
	if (!jk_dl_load(&curlu_lib, &err))
		return true;
	if (!atomic_exchange(&said, true))
		jk_log(JK_LOG_ERR, "import", "%s", err.msg);
	return false;
}

#define URL_MAX IMPORT_URL_MAX

/* URLs ---------------------------------------------------------------------- */

/* Length of the scheme at s ("https" in "https://…"), 0 when s has none. */
size_t import_url_scheme(const char *s)
{
	if (!isalpha((unsigned char)s[0]))
		return 0;
	size_t i = 1;
	while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	return s[i] == ':' ? i : 0;
}

bool import_url_is_http(const char *s, size_t n)
{
	return (n == 4 && !strncasecmp(s, "http", 4)) || (n == 5 && !strncasecmp(s, "https", 5));
}

/* The address part of a mailto: with percent-encoded letters, digits and
 * "@.-_+" decoded ("%6a%6f%62%73@…", an anti-spam habit); other escapes
 * stay. */
static int put_address(jk_buf *b, const char *s, size_t n)
{
	int r = JK_OK;
	for (size_t i = 0; i < n && !r; i++) {
		char hex[3] = {0};
		unsigned long c = 0;
		if (s[i] == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			memcpy(hex, s + i + 1, 2);
			c = strtoul(hex, NULL, 16);
		}
		if (c && (isalnum((int)c) || strchr("@.-_+", (int)c))) {
			r = jk_buf_putc(b, (char)c);
			i += 2;
		} else {
			r = jk_buf_putc(b, s[i]);
		}
	}
	return r;
}

/* "mailto:" + the rest, when the rest names at least one plausible address;
 * spaces and non-ASCII bytes in the headers part get percent-encoded. */
static char *accept_mailto(const char *rest)
{
	while (*rest == ' ')
		rest++;
	size_t addr = strcspn(rest, "?");
	jk_buf b = {0};
	int r = jk_buf_puts(&b, "mailto:");
	if (!r)
		r = put_address(&b, rest, addr);
	const char *a = r ? NULL : b.data + 7, *at = a ? strchr(a, '@') : NULL;
	bool ok = at && at != a && at[1];
	for (const char *c = a; ok && *c; c++)
		ok = !strchr(" <>\"\\()[];:", *c);
	if (!ok) {
		jk_buf_free(&b);
		return NULL;
	}
	for (const unsigned char *c = (const unsigned char *)rest + addr; !r && *c; c++) {
		if (*c == ' ' || *c >= 0x80 || *c == '"' || *c == '<' || *c == '>')
			r = jk_buf_printf(&b, "%%%02X", *c);
		else
			r = jk_buf_putc(&b, (char)*c);
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

/* Copies s with spaces and non-ASCII bytes after the host percent-encoded
 * (as browsers do), leaving the host for curl to judge. */
static char *encode_path(const char *s)
{
	const char *from = s;
	const char *sl = strstr(s, "//");
	if (sl && (size_t)(sl - s) <= import_url_scheme(s) + 1) {
		from = sl + 2;
		from += strcspn(from, "/?#");
	}
	jk_buf b = {0};
	int r = jk_buf_append(&b, s, (size_t)(from - s));
	for (const char *c = from; !r && *c; c++) {
		unsigned char u = (unsigned char)*c;
		if (u == ' ' || u >= 0x80)
			r = jk_buf_printf(&b, "%%%02X", u);
		else
			r = jk_buf_putc(&b, *c);
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

/* A URL with no space, control or invisible character, also beyond ASCII
 * (a host or user name curl left as written): a no-break space would
 * become a plain one once the target is cleaned for a posting. */
static bool url_clean(const char *url)
{
	size_t n = strlen(url);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = jk_utf8_decode(url + i, n - i, &cp);
		if (cp <= ' ' || cp == 0x7F || cp == 0xFFFD || jk_cp_is_space(cp) ||
		    jk_cp_is_invisible(cp))
			return false;
		i += k;
	}
	return true;
}

/* Characters the parser leaves as they are in a path, query or fragment. */
static bool plain_char(char c)
{
	return (isalnum((unsigned char)c) && (unsigned char)c < 0x80) ||
	       (c && strchr("-._~!$&'()*+,;=:@/%", c));
}

/* True when libcurl's parser would give the absolute URL s back as it is
 * (or with "/" added when nothing follows the host): "http://" or
 * "https://" in lower case; a host of letters, digits and '-' in labels
 * joined by single dots, the last label starting with a letter (so no
 * IPv4 address the parser would rewrite: "0x7f.1" is 127.0.0.1); no port
 * or user; a path without "." or ".." segments; only plain_char() after
 * it (and '?' in the query and fragment). Any other URL goes to the
 * parser. test_apply compares both on many URLs. */
static bool plain_url(const char *s)
{
	size_t i = !strncmp(s, "http://", 7) ? 7 : !strncmp(s, "https://", 8) ? 8 : 0;
	size_t label = i;
	if (!i)
		return false;
	for (; isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '.'; i++) {
		if (s[i] != '.')
			continue;
		if (i == label)
			return false; /* an empty label */
		label = i + 1;
	}
	if (!isalpha((unsigned char)s[label]) || (s[i] && s[i] != '/'))
		return false;
	size_t end = i + strcspn(s + i, "?#"); /* the path is s[i..end) */
	for (size_t k = i; k < end; k++) {
		const char *d = s + k + 1; /* what follows a '/' */
		if (!plain_char(s[k]) ||
		    (s[k] == '%' && d[0] == '2' && (d[1] == 'e' || d[1] == 'E')))
			return false;
		if (s[k] == '/' && d[0] == '.' &&
		    (d + 1 == s + end || d[1] == '/' ||
		     (d[1] == '.' && (d + 2 == s + end || d[2] == '/'))))
			return false; /* "." or "..": the parser removes them */
	}
	const char *hash = strchr(s, '#'); /* the fragment's start */
	for (size_t k = end; s[k]; k++)
		if (!plain_char(s[k]) && s[k] != '?' && s + k != hash)
			return false;
	/* The parser drops an empty query or fragment. */
	return !(s[end] == '?' && (!s[end + 1] || s[end + 1] == '#')) && !(hash && !hash[1]);
}

/* enc resolved without the parser where plain_url() says it may be: an
 * absolute URL as it is, a path from the root ("/jobs/7") after a plain
 * base's scheme and host. False when the parser must decide; else true
 * with *out (caller frees; NULL when over URL_MAX or out of memory). */
static bool plain_resolve(const char *enc, const char *base, char **out)
{
	jk_buf b = {0};
	int r;
	if (!base && plain_url(enc))
		r = jk_buf_puts(&b, enc);
	else if (base && enc[0] == '/' && enc[1] != '/' && plain_url(base))
		r = jk_buf_printf(&b, "%.*s%s", (int)(strcspn(base + 8, "/") + 8), base, enc);
	else
		return false;
	if (!r && !plain_url(b.data)) {
		jk_buf_free(&b);
		return false;
	}
	if (!r && !strchr(b.data + 8, '/'))
		r = jk_buf_putc(&b, '/'); /* nothing after the host */
	*out = !r && b.len <= URL_MAX ? jk_buf_detach(&b) : NULL;
	jk_buf_free(&b);
	return true;
}

/* href resolved against base (an http(s) URL or NULL) by libcurl's URL
 * parser; NULL unless the result is http(s) with a host, and clean.
 * Caller frees. */
static char *resolve(const char *href, const char *base)
{
	char *enc = encode_path(href), *out = NULL, *url = NULL, *scheme = NULL, *host = NULL;
	if (enc && plain_resolve(enc, base, &out)) {
		free(enc);
		return out;
	}
	CURLU *u = enc && curlu_ready() ? curlu.url() : NULL;
	if (!u)
		goto done;
	if (base && curlu.url_set(u, CURLUPART_URL, base, 0) != CURLUE_OK)
		goto done;
	if (enc[0] == '#') {
		/* curl drops the last path segment for a bare fragment. */
		if (!base || curlu.url_set(u, CURLUPART_FRAGMENT, enc + 1, 0) != CURLUE_OK)
			goto done;
	} else if (curlu.url_set(u, CURLUPART_URL, enc, 0) != CURLUE_OK) {
		goto done;
	}
	if (curlu.url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    !import_url_is_http(scheme, strlen(scheme)))
		goto done;
	if (curlu.url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host[0])
		goto done;
	if (curlu.url_get(u, CURLUPART_URL, &url, 0) != CURLUE_OK || strlen(url) > URL_MAX ||
	    !url_clean(url))
		goto done;
	out = jk_strndup(url, (size_t)-1);
done:
	if (u) {
		curlu.free(url);
		curlu.free(scheme);
		curlu.free(host);
		curlu.url_cleanup(u);
	}
	free(enc);
	return out;
}

char *import_url_accept(const char *href, const char *base)
{
	if (!href)
		return NULL;
	while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r' || *href == '\f')
		href++;
	size_t n = strlen(href);
	while (n && strchr(" \t\n\r\f", href[n - 1]))
		n--;
	if (n == 0 || n > URL_MAX)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)href[i] < 0x20 || href[i] == 0x7F)
			return NULL;
	char *h = jk_strndup(href, n);
	if (!h)
		return NULL;
	char *out = NULL;
	size_t sl = import_url_scheme(h);
	if (sl == 6 && !strncasecmp(h, "mailto", 6)) {
		out = accept_mailto(h + 7);
	} else if (sl) {
		/* Absolute: http(s) only, and with a real authority part. */
		if (import_url_is_http(h, sl) && !strncmp(h + sl + 1, "//", 2) && h[sl + 3] != '/')
			out = resolve(h, NULL);
	} else if (base && import_url_is_http(base, import_url_scheme(base))) {
		out = resolve(h, base);
	}
	free(h);
	/* A base with stray bytes in its host gives a target no phone opens. */
	if (out && (strlen(out) > URL_MAX || !jk_utf8_valid(out, strlen(out)))) {
		free(out);
		out = NULL;
	}
	return out;
}
