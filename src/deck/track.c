/* track.c — tracking tags on the link a posting's QR code carries, so a
 * recruiter can count the scans a screen brought: utm_* for any analytics,
 * gh_src for Greenhouse, lever-source for Lever. Pure: the settings and the
 * link are passed in; the posting's own apply link is never changed. */
#include "deck.h"
#include "qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool deck_tag_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (!n || n > DECK_TAG_MAX || !jk_utf8_valid(s, n) || s[0] == ' ' || s[n - 1] == ' ')
		return false;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += jk_utf8_decode(s + i, n - i, &c);
		if (jk_cp_is_invisible(c) || (c >= 0x2066 && c <= 0x2069) || c == 0xFFFD)
			return false;
	}
	return true;
}

void deck_track_id(const char *id, char out[9])
{
	out[0] = '\0';
	if (!id || !*id)
		return;
	if (strlen(id) >= 8 && strspn(id, "0123456789abcdef") >= 8) {
		memcpy(out, id, 8);
		out[8] = '\0';
		return;
	}
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 16777619u;
	snprintf(out, 9, "%08x", (unsigned)h);
}

/* The parts of an http(s) link: the host (no user, no port), the query
 * (without '?'; NULL when there is no '?') and where the fragment starts. */
typedef struct link_parts {
	const char *host;
	size_t host_len;
	const char *query;
	size_t query_len;
	size_t frag; /* offset of '#', or the link's length */
} link_parts;

static bool split_link(const char *s, link_parts *lp)
{
	size_t skip = !strncasecmp(s, "https://", 8) ? 8 : !strncasecmp(s, "http://", 7) ? 7 : 0;
	if (!skip || !s[skip])
		return false;
	const char *h = s + skip;
	size_t hl = strcspn(h, "/?#");
	const char *at = NULL;
	for (size_t i = 0; i < hl; i++)
		if (h[i] == '@')
			at = h + i;
	if (at) {
		hl -= (size_t)(at + 1 - h);
		h = at + 1;
	}
	const char *colon = memchr(h, ':', hl);
	lp->host = h;
	lp->host_len = colon ? (size_t)(colon - h) : hl;
	lp->frag = strcspn(s, "#");
	const char *q = memchr(s, '?', lp->frag);
	lp->query = q ? q + 1 : NULL;
	lp->query_len = q ? (size_t)(s + lp->frag - (q + 1)) : 0;
	return true;
}

/* Whether the host is name or (with sub) ends in ".name", any case. */
static bool host_is(const link_parts *lp, const char *name, bool sub)
{
	size_t n = strlen(name), h = lp->host_len;
	if (h == n)
		return !strncasecmp(lp->host, name, n);
	return sub && h > n && lp->host[h - n - 1] == '.' &&
	       !strncasecmp(lp->host + h - n, name, n);
}

/* Whether the query has the key (its name before '=', any case). */
static bool has_key(const link_parts *lp, const char *key)
{
	size_t kl = strlen(key);
	for (size_t i = 0; lp->query && i < lp->query_len;) {
		size_t seg = i;
		while (i < lp->query_len && lp->query[i] != '&' && lp->query[i] != ';')
			i++;
		size_t name = strcspn(lp->query + seg, "=&;#");
		if (name > i - seg)
			name = i - seg;
		if (name == kl && !strncasecmp(lp->query + seg, key, kl))
			return true;
		i++;
	}
	return false;
}

/* v percent-encoded: everything but RFC 3986's unreserved characters. */
static int put_encoded(jk_buf *b, const char *v)
{
	static const char hex[] = "0123456789ABCDEF";
	int r = 0;
	for (const unsigned char *p = (const unsigned char *)v; *p && !r; p++) {
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~') {
			r = jk_buf_putc(b, (char)c);
		} else {
			char e[3] = {'%', hex[c >> 4], hex[c & 15]};
			r = jk_buf_append(b, e, 3);
		}
	}
	return r;
}

typedef struct tag {
	const char *key, *value;
} tag;

/* The link with tags[0,n) put after the query and before the fragment, into
 * *out (caller frees). */
static int tagged(const char *s, const link_parts *lp, const tag *tags, size_t n, char **out)
{
	jk_buf b = {0};
	size_t base = lp->query ? (size_t)(lp->query - s) + lp->query_len : lp->frag;
	int r = jk_buf_append(&b, s, base);
	char sep = !lp->query ? '?' : !lp->query_len || s[base - 1] == '&' ? '\0' : '&';
	for (size_t i = 0; i < n && !r; i++) {
		if (sep)
			r = jk_buf_putc(&b, sep);
		if (!r)
			r = jk_buf_puts(&b, tags[i].key);
		if (!r)
			r = jk_buf_putc(&b, '=');
		if (!r)
			r = put_encoded(&b, tags[i].value);
		sep = '&';
	}
	if (!r)
		r = jk_buf_puts(&b, s + lp->frag);
	*out = r ? NULL : jk_buf_detach(&b);
	jk_buf_free(&b);
	return r ? r : *out ? 0 : JK_ENOMEM;
}

static bool set(const char *s)
{
	return s && *s;
}

int deck_track_link(const char *apply, const char *id, const deck_track *t, char **out, jk_err *err)
{
	*out = NULL;
	link_parts lp;
	if (!t || !apply || !split_link(apply, &lp) || (!set(t->source) && !set(t->greenhouse)))
		return 0;
	tag tags[5];
	size_t n = 0, content = (size_t)-1;
	char sid[9];
	deck_track_id(id, sid);
	bool greenhouse = host_is(&lp, "greenhouse.io", true) || has_key(&lp, "gh_jid");
	if (set(t->greenhouse) && greenhouse)
		tags[n++] = (tag){"gh_src", t->greenhouse};
	if (set(t->source)) {
		if (host_is(&lp, "jobs.lever.co", false) || host_is(&lp, "jobs.eu.lever.co", false))
			tags[n++] = (tag){"lever-source", t->source};
		tags[n++] = (tag){"utm_source", t->source};
		tags[n++] = (tag){"utm_medium", "qr"};
		if (set(t->campaign))
			tags[n++] = (tag){"utm_campaign", t->campaign};
		if (sid[0]) {
			content = n;
			tags[n++] = (tag){"utm_content", sid};
		}
	}
	/* A key the link has already stays as its owner set it. */
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (has_key(&lp, tags[i].key)) {
			if (i == content)
				content = (size_t)-1;
			continue;
		}
		if (i == content)
			content = k;
		tags[k++] = tags[i];
	}
	n = k;
	/* The tags must not make the code too fine to scan: utm_content goes
	 * first (it is last in the list), then all of them. */
	for (int attempt = 0; attempt < 2 && n; attempt++) {
		char *link;
		if (tagged(apply, &lp, tags, n, &link))
			return jk_fail(err, JK_ENOMEM, "deck: out of memory tagging a link");
		int v = qr_version(link);
		if (v > 0 && v <= DECK_TRACK_MAX_VERSION) {
			*out = link;
			return 0;
		}
		free(link);
		if (content != n - 1)
			break;
		n--;
		content = (size_t)-1;
	}
	return 0;
}
