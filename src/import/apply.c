/* apply.c — layer 0a: where a passer-by applies: choosing the apply target of a
 * posting and accepting only links a QR code may carry (http, https,
 * mailto). URL resolution uses libcurl's URL parser; nothing touches the
 * network. */
#include "support.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define URL_MAX 2000 /* longer targets make unreadable QR codes */
#define ADDR_MAX 254 /* RFC 5321 path limit */
#define SUBJECT_MAX 200
#define SENTENCE_MAX 1000 /* bytes looked at on each side: keeps scans linear */
#define LINKS_MAX 256     /* links whose sentences are looked at */

/* URLs ---------------------------------------------------------------------- */

/* Length of the scheme at s ("https" in "https://…"), 0 when s has none. */
static size_t scheme_len(const char *s)
{
	if (!isalpha((unsigned char)s[0]))
		return 0;
	size_t i = 1;
	while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	return s[i] == ':' ? i : 0;
}

static bool is_http_scheme(const char *s, size_t n)
{
	return (n == 4 && !strncasecmp(s, "http", 4)) || (n == 5 && !strncasecmp(s, "https", 5));
}

/* "mailto:" + the rest, when the rest names at least one plausible address;
 * spaces and non-ASCII bytes in the headers part get percent-encoded. */
static char *accept_mailto(const char *rest)
{
	while (*rest == ' ')
		rest++;
	size_t addr = strcspn(rest, "?");
	const char *at = memchr(rest, '@', addr);
	if (!at || at == rest || at + 1 == rest + addr)
		return NULL;
	for (size_t i = 0; i < addr; i++)
		if (strchr(" <>\"\\()[];:", rest[i]))
			return NULL;
	jk_buf b = {0};
	int r = jk_buf_puts(&b, "mailto:");
	if (!r)
		r = jk_buf_append(&b, rest, addr);
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
	if (sl && (size_t)(sl - s) <= scheme_len(s) + 1) {
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

/* href resolved against base (an http(s) URL or NULL) by libcurl's URL
 * parser; NULL unless the result is http(s) with a clean host. Caller frees. */
static char *resolve(const char *href, const char *base)
{
	char *enc = encode_path(href), *out = NULL, *url = NULL, *scheme = NULL, *host = NULL;
	CURLU *u = curl_url();
	if (!enc || !u)
		goto done;
	if (base && curl_url_set(u, CURLUPART_URL, base, 0) != CURLUE_OK)
		goto done;
	if (enc[0] == '#') {
		/* curl drops the last path segment for a bare fragment. */
		if (!base || curl_url_set(u, CURLUPART_FRAGMENT, enc + 1, 0) != CURLUE_OK)
			goto done;
	} else if (curl_url_set(u, CURLUPART_URL, enc, 0) != CURLUE_OK) {
		goto done;
	}
	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    !is_http_scheme(scheme, strlen(scheme)))
		goto done;
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK || !host[0])
		goto done;
	for (const unsigned char *c = (const unsigned char *)host; *c; c++)
		if (*c <= ' ' || *c == 0x7F)
			goto done;
	if (curl_url_get(u, CURLUPART_URL, &url, 0) != CURLUE_OK || strlen(url) > URL_MAX)
		goto done;
	out = jk_strndup(url, (size_t)-1);
done:
	curl_free(url);
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
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
	size_t sl = scheme_len(h);
	if (sl == 6 && !strncasecmp(h, "mailto", 6)) {
		out = accept_mailto(h + 7);
	} else if (sl) {
		/* Absolute: http(s) only, and with a real authority part. */
		if (is_http_scheme(h, sl) && !strncmp(h + sl + 1, "//", 2) && h[sl + 3] != '/')
			out = resolve(h, NULL);
	} else if (base && is_http_scheme(base, scheme_len(base))) {
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

/* Words and sentences ----------------------------------------------------- */

static bool is_word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Whether t[0..n) holds word as a whole word, ASCII case-insensitively. */
static bool has_word(const char *t, size_t n, const char *word)
{
	size_t k = strlen(word);
	for (size_t i = 0; i + k <= n; i++) {
		if (strncasecmp(t + i, word, k) != 0)
			continue;
		bool before = i == 0 || !is_word_char((unsigned char)t[i - 1]);
		bool after = i + k == n || !is_word_char((unsigned char)t[i + k]);
		if (before && after)
			return true;
	}
	return false;
}

/* A sentence end: '.', '!' or '?' followed by a space or the end. */
static bool ends_sentence(const char *t, size_t n, size_t i)
{
	return (t[i] == '.' || t[i] == '!' || t[i] == '?') && (i + 1 == n || t[i + 1] == ' ');
}

/* The sentence of t[0..n) around position pos, as [*a, *b); at most
 * SENTENCE_MAX bytes on each side. */
static void sentence_at(const char *t, size_t n, size_t pos, size_t *a, size_t *b)
{
	size_t s = pos;
	while (s > 0 && pos - s < SENTENCE_MAX &&
	       !(s >= 2 && t[s - 1] == ' ' && ends_sentence(t, n, s - 2)))
		s--;
	size_t e = pos;
	while (e < n && e - pos < SENTENCE_MAX && !ends_sentence(t, n, e))
		e++;
	*a = s;
	*b = e < n ? e + 1 : n;
}

static bool says_apply(const char *t, size_t n)
{
	return has_word(t, n, "apply");
}

/* The sentence tells the reader to send something to an address. */
static bool says_send(const char *t, size_t n)
{
	static const char *const words[] = {"send",         "submit",
	                                    "email",        "e-mail",
	                                    "mail",         "contact",
	                                    "resume",       "resumes",
	                                    "cv",           "cvs",
	                                    "apply",        "application",
	                                    "applications", "r\xC3\xA9sum\xC3\xA9",
	                                    "write"};
	/* Chinese, Japanese and Korean put no spaces between words, so
	 * has_word never matches inside their sentences: résumé, send,
	 * deliver, mail, mailbox, contact. */
	static const char *const cjk[] = {"\xE7\xAE\x80\xE5\x8E\x86",
	                                  "\xE7\xB0\xA1\xE6\xAD\xB7",
	                                  "\xE6\x8A\x95\xE9\x80\x92",
	                                  "\xE6\x8A\x95\xE9\x81\x9E",
	                                  "\xE5\x8F\x91\xE9\x80\x81",
	                                  "\xE7\x99\xBC\xE9\x80\x81",
	                                  "\xE9\x82\xAE\xE4\xBB\xB6",
	                                  "\xE9\x83\xB5\xE4\xBB\xB6",
	                                  "\xE9\x82\xAE\xE7\xAE\xB1",
	                                  "\xE9\x83\xB5\xE7\xAE\xB1",
	                                  "\xE8\x81\x94\xE7\xB3\xBB",
	                                  "\xE8\x81\xAF\xE7\xB9\xAB",
	                                  "\xE5\xB1\xA5\xE6\xAD\xB4\xE6\x9B\xB8",
	                                  "\xE9\x80\x81\xE4\xBB\x98",
	                                  "\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB",
	                                  "\xE9\x80\xA3\xE7\xB5\xA1",
	                                  "\xEC\x9D\xB4\xEB\xA0\xA5\xEC\x84\x9C",
	                                  "\xEB\xB3\xB4\xEB\x82\xB4",
	                                  "\xEB\xA9\x94\xEC\x9D\xBC",
	                                  "\xEC\x97\xB0\xEB\x9D\xBD"};
	for (size_t i = 0; i < JK_ARRAY_LEN(words); i++)
		if (has_word(t, n, words[i]))
			return true;
	for (size_t i = 0; i < JK_ARRAY_LEN(cjk); i++)
		if (memmem(t, n, cjk[i], strlen(cjk[i])))
			return true;
	return false;
}

/* Subjects -------------------------------------------------------------------- */

/* Quote characters: returns the byte length of an opening (open = true) or
 * closing quote at t[i], 0 when none. kind tells pairs apart. */
static size_t quote_at(const char *t, size_t n, size_t i, bool open, int *kind)
{
	const unsigned char *u = (const unsigned char *)t + i;
	if (u[0] == '"') {
		*kind = 1;
		return 1;
	}
	if (i + 3 <= n && u[0] == 0xE2 && u[1] == 0x80) {
		if (u[2] == (open ? 0x9C : 0x9D)) { /* “ ” */
			*kind = 1;
			return 3;
		}
		if (u[2] == (open ? 0x98 : 0x99)) { /* ‘ ’ */
			*kind = 2;
			return 3;
		}
	}
	if (i + 2 <= n && u[0] == 0xC2 && u[1] == (open ? 0xAB : 0xBB)) { /* « » */
		*kind = 3;
		return 2;
	}
	return 0;
}

/* The quoted text opening at or within a few bytes after t[i] (only spaces,
 * ':' and short linking words in between), as [*qa, *qb). */
static bool quoted_after(const char *t, size_t n, size_t i, size_t *qa, size_t *qb)
{
	for (size_t j = i; j < n && j < i + 24; j++) {
		int kind = 0, k2 = 0;
		size_t ql = quote_at(t, n, j, true, &kind);
		if (!ql && t[j] == '\'') /* subject: 'X' */
			ql = 1, kind = 4;
		if (!ql) {
			unsigned char c = (unsigned char)t[j];
			if (!(isalpha(c) || c == ' ' || c == ':' || c == '-'))
				return false;
			continue;
		}
		for (size_t e = j + ql; e < n && e < j + ql + SUBJECT_MAX; e++) {
			size_t cl = quote_at(t, n, e, false, &k2);
			if (!cl && t[e] == '\'')
				cl = 1, k2 = 4;
			if (cl && k2 == kind) {
				*qa = j + ql;
				*qb = e;
				return e > j + ql;
			}
		}
		return false;
	}
	return false;
}

/* The quoted text that ends a few linking words before t[i] ("…" in the
 * email subject), as [*qa, *qb). */
static bool quoted_before(const char *t, size_t n, size_t i, size_t *qa, size_t *qb)
{
	size_t lim = i > 32 ? i - 32 : 0;
	for (size_t j = i; j-- > lim;) {
		int kind = 0, k2 = 0;
		size_t cl = 0;
		/* Closing quotes are 1 to 3 bytes long; find one ending at j. */
		for (size_t back = 0; back < 3 && back <= j && !cl; back++) {
			size_t len = quote_at(t, n, j - back, false, &kind);
			if (len == back + 1)
				cl = len;
		}
		if (!cl) {
			unsigned char c = (unsigned char)t[j];
			if (!(isalpha(c) || c == ' ' || c == ','))
				return false;
			continue;
		}
		size_t qend = j + 1 - cl;
		for (size_t s = qend; s-- > 0 && qend - s < SUBJECT_MAX;) {
			size_t ol = quote_at(t, n, s, true, &k2);
			if (ol && k2 == kind && s + ol <= qend) {
				*qa = s + ol;
				*qb = qend;
				return qend > s + ol;
			}
		}
		return false;
	}
	return false;
}

/* The subject line t[a..b) asks for, cleaned; NULL when none. Caller frees. */
static char *find_subject(const char *t, size_t a, size_t b)
{
	const char *s = t + a;
	size_t n = b - a;
	for (size_t i = 0; i + 7 <= n; i++) {
		if (strncasecmp(s + i, "subject", 7) != 0 ||
		    (i && is_word_char((unsigned char)s[i - 1])))
			continue;
		size_t qa, qb;
		if (quoted_after(s, n, i + 7, &qa, &qb) || quoted_before(s, n, i, &qa, &qb)) {
			char *sub = jk_text_clean(s + qa, qb - qa);
			if (sub && *sub)
				return sub;
			free(sub);
		}
	}
	return NULL;
}

/* Email addresses ------------------------------------------------------------- */

static bool is_local_char(unsigned char c)
{
	return isalnum(c) || c == '.' || c == '_' || c == '+' || c == '-';
}

static bool is_label_char(unsigned char c)
{
	return isalnum(c) || c == '-';
}

/* Whether the domain labels end in a plausible top-level domain. */
static bool tld_ok(const char *d, size_t n)
{
	size_t k = 0;
	while (k < n && d[n - 1 - k] != '.')
		k++;
	if (k < 2 || k == n)
		return false;
	for (size_t i = n - k; i < n; i++)
		if (!isalpha((unsigned char)d[i]))
			return false;
	return true;
}

/* A plain address around the '@' at t[at]: [*a, *b) when valid. */
static bool plain_address(const char *t, size_t n, size_t at, size_t *a, size_t *b)
{
	size_t s = at;
	while (s > 0 && is_local_char((unsigned char)t[s - 1]))
		s--;
	while (s < at && t[s] == '.')
		s++;
	size_t e = at + 1;
	while (e < n && (is_label_char((unsigned char)t[e]) || t[e] == '.'))
		e++;
	while (e > at + 1 && (t[e - 1] == '.' || t[e - 1] == '-'))
		e--;
	if (s == at || e - s > ADDR_MAX || !tld_ok(t + at + 1, e - at - 1))
		return false;
	for (size_t i = at + 1; i + 1 < e; i++)
		if (t[i] == '.' && t[i + 1] == '.')
			return false;
	*a = s;
	*b = e;
	return true;
}

/* Matches one of words at t[i] (case-insensitive): its length, 0 if none. */
static size_t match_any(const char *t, size_t n, size_t i, const char *const *words, size_t nw)
{
	for (size_t k = 0; k < nw; k++) {
		size_t l = strlen(words[k]);
		if (i + l <= n && strncasecmp(t + i, words[k], l) == 0)
			return l;
	}
	return 0;
}

static const char *const at_marks[] = {" [at] ", " (at) ", " {at} ", " <at> ", "[at]",
                                       "(at)",   "{at}",   "<at>",   " at "};
static const char *const dot_marks[] = {" [dot] ", " (dot) ", " {dot} ", "[dot]",
                                        "(dot)",   "{dot}",   " dot "};

/* An obfuscated address ("name AT host dot com", "name [at] host [dot] com")
 * whose at-mark starts at t[i]: writes the plain address to out and the
 * span to [*a, *b). A bare lowercase " at " needs a spelled-out dot, so
 * "apply at careers.example.com" is not mistaken for an address. */
static bool obfuscated_address(const char *t, size_t n, size_t i, jk_buf *out, size_t *a, size_t *b)
{
	size_t ml = match_any(t, n, i, at_marks, JK_ARRAY_LEN(at_marks));
	if (!ml)
		return false;
	bool bare =
	    t[i] == ' ' && t[i + 1] != '[' && t[i + 1] != '(' && t[i + 1] != '{' && t[i + 1] != '<';
	bool upper = bare && t[i + 1] == 'A' && t[i + 2] == 'T';
	size_t s = i;
	while (s > 0 && is_local_char((unsigned char)t[s - 1]))
		s--;
	if (s == i)
		return false;
	out->len = 0;
	if (jk_buf_append(out, t + s, i - s) || jk_buf_putc(out, '@'))
		return false;
	size_t dom = out->len, e = i + ml, dots = 0;
	bool spelled = false;
	for (;;) {
		size_t l = e;
		while (l < n && is_label_char((unsigned char)t[l]))
			l++;
		if (l == e || jk_buf_append(out, t + e, l - e))
			return false;
		e = l;
		size_t dl = match_any(t, n, e, dot_marks, JK_ARRAY_LEN(dot_marks));
		if (dl)
			spelled = true;
		else if (e + 1 < n && t[e] == '.' && is_label_char((unsigned char)t[e + 1]))
			dl = 1;
		if (!dl || e + dl >= n || !is_label_char((unsigned char)t[e + dl]))
			break;
		if (jk_buf_putc(out, '.'))
			return false;
		dots++;
		e += dl;
	}
	if (!dots || (bare && !upper && !spelled) || out->len > ADDR_MAX ||
	    !tld_ok(out->data + dom, out->len - dom))
		return false;
	*a = s;
	*b = e;
	return true;
}

/* Percent-encodes s for a mailto: header value (RFC 6068). */
static int put_encoded(jk_buf *b, const char *s)
{
	int r = 0;
	for (const unsigned char *c = (const unsigned char *)s; !r && *c; c++) {
		if (isalnum(*c) || *c == '-' || *c == '.' || *c == '_' || *c == '~')
			r = jk_buf_putc(b, (char)*c);
		else
			r = jk_buf_printf(b, "%%%02X", *c);
	}
	return r;
}

/* Sets p->apply to mailto:addr with the subject t[a..b) (or the rest of
 * the block, t[a..n)) asks for. */
static int set_mailto(posting *p, const char *addr, size_t alen, const char *t, size_t a, size_t b,
                      size_t n)
{
	char *sub = find_subject(t, a, b);
	if (!sub && b < n)
		sub = find_subject(t, b, n);
	jk_buf m = {0};
	int r = jk_buf_puts(&m, "mailto:");
	if (!r)
		r = jk_buf_append(&m, addr, alen);
	if (!r && sub)
		r = jk_buf_puts(&m, strchr(m.data, '?') ? "&subject=" : "?subject=");
	if (!r && sub)
		r = put_encoded(&m, sub);
	free(sub);
	if (!r && m.len <= URL_MAX) {
		free(p->apply);
		p->apply = jk_buf_detach(&m);
		return p->apply ? JK_OK : JK_ENOMEM;
	}
	jk_buf_free(&m);
	return r;
}

/* End of the sentence starting at t[a]: past its '.', '!' or '?', or
 * after 2 * SENTENCE_MAX bytes (at a space when there is one). */
static size_t sentence_end(const char *t, size_t n, size_t a)
{
	size_t e = a, cap = a + 2 * SENTENCE_MAX;
	while (e < n && e < cap && !ends_sentence(t, n, e))
		e++;
	if (e < n && e < cap)
		return e + 1;
	if (e >= n)
		return n;
	while (e > a + SENTENCE_MAX && t[e] != ' ')
		e--;
	return e;
}

/* Looks for an address in a sentence of t that says to send something to
 * it; obfuscated addresses only when want_obfuscated. One pass over the
 * sentences, so the work stays linear in the text. 1 when p->apply was
 * set, 0 when none, negative on error. */
static int email_in_text(posting *p, const char *t, bool want_obfuscated)
{
	size_t n = strlen(t);
	jk_buf addr = {0};
	int found = 0;
	for (size_t sa = 0, sb; sa < n && !found; sa = sb) {
		sb = sentence_end(t, n, sa);
		if (!says_send(t + sa, sb - sa))
			continue;
		for (size_t i = sa; i < sb && !found; i++) {
			size_t a, b;
			if (!want_obfuscated && t[i] == '@' && plain_address(t, n, i, &a, &b)) {
				int r = set_mailto(p, t + a, b - a, t, sa, sb, n);
				found = r ? r : 1;
			} else if (want_obfuscated && obfuscated_address(t, n, i, &addr, &a, &b)) {
				int r = set_mailto(p, addr.data, addr.len, t, sa, sb, n);
				found = r ? r : 1;
			}
		}
	}
	jk_buf_free(&addr);
	return found;
}

/* Runs email_in_text over every block of p in reading order. */
static int email_in_blocks(posting *p, bool want_obfuscated)
{
	for (size_t si = 0; si < p->nsections; si++) {
		const posting_section *s = &p->sections[si];
		for (size_t bi = 0; bi < s->nblocks; bi++) {
			if (!s->blocks[bi].text)
				continue;
			int r = email_in_text(p, s->blocks[bi].text, want_obfuscated);
			if (r)
				return r;
		}
	}
	return 0;
}

/* Links ----------------------------------------------------------------------- */

/* The sentence of the link's context that holds its text, as [*a, *b). */
static bool link_sentence(const import_link *k, size_t *a, size_t *b)
{
	if (!k->text[0] || !k->context[0])
		return false;
	const char *at = strstr(k->context, k->text);
	if (!at)
		return false;
	size_t n = strlen(k->context), pos = (size_t)(at - k->context);
	size_t a2, b2;
	sentence_at(k->context, n, pos, a, b);
	sentence_at(k->context, n, pos + strlen(k->text) - 1, &a2, &b2);
	*b = b2;
	return true;
}

/* A download (a form to fill in) is not where one applies. */
static bool is_document(const char *href)
{
	static const char *const ext[] = {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".zip", ".odt"};
	size_t n = strcspn(href, "?#");
	for (size_t i = 0; i < JK_ARRAY_LEN(ext); i++) {
		size_t l = strlen(ext[i]);
		if (n >= l && !strncasecmp(href + n - l, ext[i], l))
			return true;
	}
	return false;
}

/* Takes the link k as the apply target: resolved, and a mailto: link gets
 * the subject its context asks for. 1 when taken, 0 when unacceptable. */
static int take_link(posting *p, const import_link *k, const char *base)
{
	char *url = import_url_accept(k->href, base);
	if (!url)
		return 0;
	if (!strncmp(url, "mailto:", 7) && !strchr(url, '?')) {
		const char *ctx = k->context;
		size_t n = strlen(ctx), a = 0, b = n;
		link_sentence(k, &a, &b);
		int r = set_mailto(p, url + 7, strlen(url + 7), ctx, a, b, n);
		free(url);
		return r ? r : 1;
	}
	free(p->apply);
	p->apply = url;
	return 1;
}

int import_apply_choose(posting *p, const import_links *links, const char *base)
{
	if (!p)
		return JK_EARG;
	if (base && !is_http_scheme(base, scheme_len(base)))
		base = NULL;
	if (p->apply) {
		/* An explicit field still has to be a target a QR code may carry. */
		char *ok = import_url_accept(p->apply, base);
		free(p->apply);
		p->apply = ok;
		if (ok)
			return JK_OK;
	}
	size_t nl = links ? links->n : 0;
	/* A link whose own text says apply, then one whose sentence does. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < nl; i++) {
			const import_link *k = &links->v[i];
			size_t a, b;
			bool yes = pass == 0 ? says_apply(k->text, strlen(k->text))
			                     : i < LINKS_MAX && !is_document(k->href) &&
			                           link_sentence(k, &a, &b) &&
			                           says_apply(k->context + a, b - a);
			int r = yes ? take_link(p, k, base) : 0;
			if (r)
				return r < 0 ? r : JK_OK;
		}
	}
	/* An address the text says to send applications to, then a mailto:
	 * link in such a sentence, then an obfuscated address. */
	int r = email_in_blocks(p, false);
	for (size_t i = 0; !r && i < nl && i < LINKS_MAX; i++) {
		const import_link *k = &links->v[i];
		size_t a = 0, b = 0;
		if (!strncasecmp(k->href, "mailto:", 7) &&
		    (says_send(k->text, strlen(k->text)) ||
		     (link_sentence(k, &a, &b) && says_send(k->context + a, b - a))))
			r = take_link(p, k, base);
	}
	if (!r)
		r = email_in_blocks(p, true);
	if (r)
		return r < 0 ? r : JK_OK;
	if (base)
		p->apply = import_url_accept(base, NULL);
	return JK_OK;
}
