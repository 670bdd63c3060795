/* spec.c — source specs (paths, URLs, job boards with their settings),
 * copies of sources, and when to look again. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MIN_RETRY_S = 30, MAX_RETRY_AFTER_S = 6 * 3600, MAX_TOKEN = 512 };

static bool url_ok(const char *u)
{
	size_t n = strlen(u);
	if (n > SOURCES_MAX_URL)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)u[i] <= ' ' || u[i] == 0x7f)
			return false;
	/* Something after the scheme's slashes. */
	const char *host = strstr(u, "://") + 3;
	return *host && *host != '/';
}

static int push(source_list *l, source *s)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		source *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return JK_ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *s;
	return JK_OK;
}

static void wipe(char *secret)
{
	if (secret)
		explicit_bzero(secret, strlen(secret));
	free(secret);
}

static void source_clear(source *s)
{
	free(s->spec), free(s->url), free(s->org), free(s->org_url);
	wipe(s->token);
	memset(s, 0, sizeof *s);
}

/* A token: one printable word without '&' (the settings' separator). */
static bool token_ok(const char *t, size_t n)
{
	if (!n || n > MAX_TOKEN)
		return false;
	for (size_t i = 0; i < n; i++)
		if (t[i] <= ' ' || t[i] > '~' || t[i] == '&')
			return false;
	return true;
}

/* The spec's settings after '?': "token=T" where the board takes one.
 * Messages never quote a value. */
static int parse_settings(const sources_board *b, const char *q, source *s, jk_err *err)
{
	for (const char *p = q; p;) {
		const char *amp = strchr(p, '&'), *end = amp ? amp : p + strlen(p);
		const char *eq = memchr(p, '=', (size_t)(end - p));
		if (!b->takes_token)
			return jk_fail(err, JK_EARG, "%s: takes no settings after '?'", b->prefix);
		if (!eq || eq - p != 5 || strncmp(p, "token", 5))
			return jk_fail(err, JK_EARG, "%s: the only setting is token=TOKEN",
			               b->prefix);
		if (s->token)
			return jk_fail(err, JK_EARG, "%s: token given twice", b->prefix);
		if (!token_ok(eq + 1, (size_t)(end - eq - 1)))
			return jk_fail(err, JK_EARG,
			               "%s: the token must be one word of printable characters "
			               "(no '&'), at most %d",
			               b->prefix, MAX_TOKEN);
		s->token = jk_strndup(eq + 1, (size_t)(end - eq - 1));
		if (!s->token)
			return jk_fail(err, JK_ENOMEM, "out of memory");
		p = amp ? amp + 1 : NULL;
	}
	return JK_OK;
}

/* "Acme-robotics" from "acme-robotics": the name a posting shows when the
 * board states none. */
static char *org_of(const char *name)
{
	char *o = jk_strndup(name, (size_t)-1);
	if (o && o[0] >= 'a' && o[0] <= 'z')
		o[0] = (char)(o[0] - 'a' + 'A');
	return o;
}

static int board_source(const source_list *l, const sources_board *b, const char *spec, source *s,
                        jk_err *err)
{
	sources_vars v;
	char url[SOURCES_MAX_URL + 200];
	int r = sources_board_vars(b, spec, &v, err);
	const char *q = strchr(spec, '?');
	if (!r && q)
		r = parse_settings(b, q + 1, s, err);
	if (r)
		return r;
	s->kind = b->kind;
	if (sources_board_url(b, b->path, &v, l->board_base, url, sizeof url))
		return jk_fail(err, JK_EARG, "%s name is too long", b->noun);
	s->url = strdup(url);
	if (b->org_path && !sources_board_url(b, b->org_path, &v, l->board_base, url, sizeof url))
		s->org_url = strdup(url);
	s->org = org_of(b->host_tenant_site ? v.tenant : v.name);
	/* Shown and logged: the token's value never is. */
	char shown[1400];
	s->spec = strdup(jk_mask_secrets(spec, shown, sizeof shown));
	if (!s->url || !s->org || !s->spec || (b->org_path && !s->org_url))
		return jk_fail(err, JK_ENOMEM, "out of memory");
	return JK_OK;
}

static int plain_source(const char *spec, source *s, jk_err *err)
{
	if (fetch_is_url(spec)) {
		if (!url_ok(spec))
			return jk_fail(err, JK_EARG,
			               "not a usable URL (spaces, no host or too long)");
		s->kind = SOURCE_URL;
		s->url = strdup(spec);
	} else if (strstr(spec, "://")) {
		return jk_fail(err, JK_EARG, "only http and https URLs can be fetched");
	} else {
		s->kind = SOURCE_PATH;
	}
	s->spec = strdup(spec);
	if (!s->spec || (s->kind == SOURCE_URL && !s->url))
		return jk_fail(err, JK_ENOMEM, "out of memory");
	return JK_OK;
}

int sources_add(source_list *l, const char *spec, jk_err *err)
{
	source s = {0};
	if (!spec || !*spec)
		return jk_fail(err, JK_EARG, "empty source");
	const sources_board *b = sources_board_for_spec(spec);
	int r = b ? board_source(l, b, spec, &s, err) : plain_source(spec, &s, err);
	if (!r && push(l, &s))
		r = jk_fail(err, JK_ENOMEM, "out of memory");
	if (r)
		source_clear(&s);
	return r;
}

static int dup_field(char **dst, const char *src)
{
	*dst = src ? strdup(src) : NULL;
	return src && !*dst ? JK_ENOMEM : JK_OK;
}

int sources_push_copy(source_list *l, const source *s)
{
	source c = {.kind = s->kind};
	int r = dup_field(&c.spec, s->spec);
	r = r ? r : dup_field(&c.url, s->url);
	r = r ? r : dup_field(&c.org, s->org);
	r = r ? r : dup_field(&c.org_url, s->org_url);
	r = r ? r : dup_field(&c.token, s->token);
	r = r ? r : push(l, &c);
	if (r)
		source_clear(&c);
	return r;
}

void sources_free(source_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		source_clear(&l->v[i]);
	free(l->v);
	free(l->board_base);
	memset(l, 0, sizeof *l);
}

int sources_set_board_base(source_list *l, const char *base, jk_err *err)
{
	char *copy = NULL;
	if (base) {
		size_t n = strlen(base);
		while (n && base[n - 1] == '/')
			n--;
		copy = jk_strndup(base, n);
		if (!copy)
			return jk_fail(err, JK_ENOMEM, "out of memory");
		if (!fetch_is_url(copy) || !url_ok(copy)) {
			free(copy);
			return jk_fail(err, JK_EARG, "the board base must be an http(s) URL");
		}
	}
	free(l->board_base);
	l->board_base = copy;
	return JK_OK;
}

int64_t sources_next_delay_ms(const source *s, bool ok, long max_age, long retry_after,
                              long interval_s, double rnd)
{
	if (interval_s <= 0)
		interval_s = 900;
	double base;
	if (ok) {
		base = (double)interval_s;
		if (max_age > base)
			base = max_age > 86400 ? 86400 : (double)max_age;
	} else {
		int f = s->failures < 1 ? 1 : s->failures > 20 ? 20 : s->failures;
		base = (double)MIN_RETRY_S * (double)(1L << (f - 1));
		if (base > interval_s)
			base = (double)interval_s;
		if (retry_after > base)
			base = retry_after > MAX_RETRY_AFTER_S ? MAX_RETRY_AFTER_S
			                                       : (double)retry_after;
	}
	/* ±10% so many screens on one feed do not ask at the same second. */
	double j = base * (0.9 + 0.2 * rnd);
	return (int64_t)(j * 1000.0);
}

/* A feed item that only points at the posting page: too little text to
 * show, and an http(s) link to fetch. */
static bool is_thin(const posting *p)
{
	size_t text = 0;
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			text += p->sections[i].blocks[j].len;
	return text < 280 && p->apply && fetch_is_url(p->apply);
}

static bool is_feed(import_format f)
{
	return f == IMPORT_RSS || f == IMPORT_ATOM || f == IMPORT_JSONFEED;
}

const char *sources_detail_of(const posting *p, import_format fmt)
{
	if (p->detail && fetch_is_url(p->detail))
		return p->detail;
	return is_feed(fmt) && is_thin(p) ? p->apply : NULL;
}
