/* apply.c — layer 0a: where a passer-by applies: choosing the apply target of a
 * posting, from the links url.c accepts. */
#include "support.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define URL_MAX IMPORT_URL_MAX
#define SUBJECT_MAX 200
#define SENTENCE_MAX 1000 /* bytes looked at on each side: keeps scans linear */
#define LINKS_MAX 256     /* links whose sentences are looked at */

/* Words and sentences ----------------------------------------------------- */

static bool is_word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Whether a sentence ends right before t[s]. */
static bool sentence_starts(const char *t, size_t n, size_t s)
{
	return (s >= 2 && t[s - 1] == ' ' && import_sentence_end(t, n, s - 2) == 1) ||
	       (s >= 3 && import_sentence_end(t, n, s - 3) == 3);
}

/* The sentence of t[0..n) around position pos, as [*a, *b); at most
 * SENTENCE_MAX bytes on each side. */
static void sentence_at(const char *t, size_t n, size_t pos, size_t *a, size_t *b)
{
	size_t s = pos;
	while (s > 0 && pos - s < SENTENCE_MAX && !sentence_starts(t, n, s))
		s--;
	size_t e = pos, k = 0;
	while (e < n && e - pos < SENTENCE_MAX && !(k = import_sentence_end(t, n, e)))
		e++;
	*a = s;
	*b = e < n ? e + (k ? k : 1) : n;
	if (*b > n)
		*b = n;
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

/* Email addresses in the text ---------------------------------------------- */

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

/* End of the sentence starting at t[a]: past its end mark, or after
 * 2 * SENTENCE_MAX bytes (at a space when there is one). */
static size_t sentence_end(const char *t, size_t n, size_t a)
{
	size_t e = a, cap = a + 2 * SENTENCE_MAX, k = 0;
	while (e < n && e < cap && !(k = import_sentence_end(t, n, e)))
		e++;
	if (e < n && e < cap)
		return e + k;
	if (e >= n)
		return n;
	while (e > a + SENTENCE_MAX && t[e] != ' ')
		e--;
	return e;
}

/* The first address of the first sentence of t that says to send something
 * to it. With plain_only, only a sentence that holds a plainly written
 * address counts; its first address still wins ("name [at] host [dot] org
 * or name@host.org"). One pass over the sentences: linear in the text. 1
 * when p->apply was set, 0 when none, negative on error. */
static int email_in_text(posting *p, const char *t, bool plain_only)
{
	size_t n = strlen(t);
	if (!import_address_may(t, n))
		return 0; /* most blocks: no sentence to look at */
	jk_buf addr = {0}, first = {0};
	int found = 0;
	for (size_t sa = 0, sb; sa < n && !found; sa = sb) {
		sb = sentence_end(t, n, sa);
		/* Most sentences hold no address: look for one before asking
		 * whether the sentence says to send something. */
		size_t pos = sa, a, b;
		bool plain, any_plain = false, have = false;
		if (!import_address_next(t, sb, &pos, &addr, &a, &b, &plain) ||
		    !import_says_send(t + sa, sb - sa))
			continue;
		pos = sa;
		while (!found && import_address_next(t, sb, &pos, &addr, &a, &b, &plain)) {
			if (!have && (found = jk_buf_append(&first, addr.data, addr.len)))
				break;
			have = true;
			any_plain = any_plain || plain;
			if (any_plain || !plain_only) {
				int r = set_mailto(p, first.data, first.len, t, sa, sb, n);
				found = r ? r : 1;
			}
		}
		first.len = 0;
	}
	jk_buf_free(&addr);
	jk_buf_free(&first);
	return found;
}

/* Runs email_in_text over every block of p in reading order. */
static int email_in_blocks(posting *p, bool plain_only)
{
	for (size_t si = 0; si < p->nsections; si++) {
		const posting_section *s = &p->sections[si];
		for (size_t bi = 0; bi < s->nblocks; bi++) {
			if (!s->blocks[bi].text)
				continue;
			int r = email_in_text(p, s->blocks[bi].text, plain_only);
			if (r)
				return r;
		}
	}
	return 0;
}

/* Forms --------------------------------------------------------------------- */

/* Hosts (and path starts) of online forms: a link to one is where to apply. */
static bool is_form_url(const char *url)
{
	static const char *const forms[] = {
	    "docs.google.com/forms/", "forms.gle/",        "goo.gl/forms/",
	    "typeform.com/to/",       "forms.office.com/", "forms.microsoft.com/",
	    "jotform.com/",           "tally.so/r/",       "wufoo.com/forms/",
	    "formstack.com/forms/",   "cognitoforms.com/", "forms.yandex.ru/"};
	size_t sl = import_url_scheme(url);
	if (!import_url_is_http(url, sl) || strncmp(url + sl, "://", 3))
		return false;
	const char *h = url + sl + 3;
	size_t hl = strcspn(h, "/?#");
	for (size_t i = 0; i < JK_ARRAY_LEN(forms); i++) {
		const char *f = forms[i], *path = strchr(f, '/');
		size_t fh = (size_t)(path - f);
		/* The form's host or a subdomain of it, then the form's path. */
		bool host = hl >= fh && !strncasecmp(h + hl - fh, f, fh) &&
		            (hl == fh || h[hl - fh - 1] == '.');
		if (host && !strncmp(h + hl, path, strlen(path)))
			return true;
	}
	return false;
}

char *import_form_url(const char *href, const char *base)
{
	char *u = import_url_accept(href, base);
	if (!u || !is_form_url(u)) {
		free(u);
		return NULL;
	}
	/* An embedded form's own marker: a person opens the form itself. */
	char *q = strchr(u, '?');
	if (!q)
		return u;
	char *hash = strchr(q, '#'), *w = q + 1;
	size_t end = hash ? (size_t)(hash - u) : strlen(u);
	jk_buf b = {0};
	int r = jk_buf_append(&b, u, (size_t)(q - u));
	char sep = '?';
	while (!r && w < u + end) {
		size_t l = strcspn(w, "&#");
		if (w + l > u + end)
			l = (size_t)(u + end - w);
		bool drop = (l >= 9 && !strncasecmp(w, "embedded=", 9)) ||
		            (l >= 6 && !strncasecmp(w, "embed=", 6)) || l == 0;
		if (!drop && !(r = jk_buf_putc(&b, sep)))
			r = jk_buf_append(&b, w, l), sep = '&';
		w += l + 1;
	}
	if (!r && hash)
		r = jk_buf_puts(&b, hash);
	free(u);
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

/* Links ----------------------------------------------------------------------- */

/* The sentence of the link's context that holds its text, as [*a, *b); a
 * short context whole when the text is not in it (an image's address). */
static bool link_sentence(const import_link *k, size_t *a, size_t *b)
{
	if (!k->context[0])
		return false;
	const char *at = k->text[0] ? strstr(k->context, k->text) : NULL;
	size_t n = strlen(k->context);
	if (!at) {
		*a = 0;
		*b = n;
		return n <= 2 * SENTENCE_MAX;
	}
	size_t pos = (size_t)(at - k->context), a2, b2;
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

/* The address a link's own text spells out while the link goes elsewhere
 * ("<a href=/contact>jobs@example.com</a>"), into addr. */
static bool address_in_text(const import_link *k, jk_buf *addr)
{
	size_t pos = 0, a, b, n = strlen(k->text);
	return strncasecmp(k->href, "mailto:", 7) && n <= 300 &&
	       import_address_next(k->text, n, &pos, addr, &a, &b, NULL);
}

/* Takes the link k as the apply target: resolved, and a mailto: link gets
 * the subject its context asks for. 1 when taken, 0 when unacceptable. */
static int take_link(posting *p, const import_link *k, const char *base)
{
	jk_buf addr = {0};
	char *url = NULL;
	if (address_in_text(k, &addr)) {
		jk_buf m = {0};
		if (jk_buf_puts(&m, "mailto:") || jk_buf_append(&m, addr.data, addr.len) ||
		    !(url = jk_buf_detach(&m))) {
			jk_buf_free(&m);
			jk_buf_free(&addr);
			return JK_ENOMEM;
		}
	} else {
		url = import_form_url(k->href, base);
		if (!url)
			url = import_url_accept(k->href, base);
	}
	jk_buf_free(&addr);
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

/* A link is where to apply: its text says apply, or it opens a form. */
static bool apply_link(const import_link *k, const char *base)
{
	if (is_document(k->href))
		return false;
	if (import_says_apply(k->text, strlen(k->text)))
		return true;
	char *u = import_url_accept(k->href, base);
	bool form = u && is_form_url(u);
	free(u);
	return form;
}

/* The links of the chooser's order before any address: one that says
 * apply or opens a form, then one whose sentence says apply. */
static int apply_links(posting *p, const import_links *links, const char *base)
{
	size_t nl = links ? links->n : 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < nl; i++) {
			const import_link *k = &links->v[i];
			size_t a, b;
			bool yes = pass == 0 ? apply_link(k, base)
			                     : i < LINKS_MAX && !is_document(k->href) &&
			                           link_sentence(k, &a, &b) &&
			                           import_says_apply(k->context + a, b - a);
			int r = yes ? take_link(p, k, base) : 0;
			if (r)
				return r;
		}
	}
	return 0;
}

int import_apply_choose(posting *p, const import_links *links, const char *base)
{
	if (!p)
		return JK_EARG;
	if (base && !import_url_is_http(base, import_url_scheme(base)))
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
	/* Links that say apply; then an address the text says to send
	 * applications to (a sentence with a plainly written one first), then
	 * a mailto: link in such a sentence, then an address written to keep
	 * robots away. */
	int r = apply_links(p, links, base);
	if (!r)
		r = email_in_blocks(p, true);
	for (size_t i = 0; !r && i < nl && i < LINKS_MAX; i++) {
		const import_link *k = &links->v[i];
		size_t a = 0, b = 0;
		if (!strncasecmp(k->href, "mailto:", 7) &&
		    (import_says_send(k->text, strlen(k->text)) ||
		     (link_sentence(k, &a, &b) && import_says_send(k->context + a, b - a))))
			r = take_link(p, k, base);
	}
	if (!r)
		r = email_in_blocks(p, false);
	if (r)
		return r < 0 ? r : JK_OK;
	if (base)
		p->apply = import_url_accept(base, NULL);
	return JK_OK;
}
