/* sources.c — parsing source specs, refreshing them into the cache, and
 * reading every source's postings back (from disk or the cache). */
#include "sources.h"

#include "import.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

enum { SOURCE_MAX_URL = 2000, MIN_RETRY_S = 30, MAX_RETRY_AFTER_S = 6 * 3600 };

/* A posting that vanishes from its source stays this long, so a board that
 * briefly answers with half its jobs does not empty the screen. */
#define SOURCES_GRACE_S (6 * 3600)

/* The cache key of the version a document replaced. */
static void previous_key(const char *url, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s#previous", url);
}

static bool token_ok(const char *t)
{
	if (!*t || strlen(t) > 100)
		return false;
	for (; *t; t++)
		if (!isalnum((unsigned char)*t) && *t != '-' && *t != '_' && *t != '.')
			return false;
	return true;
}

static bool url_ok(const char *u)
{
	size_t n = strlen(u);
	if (n > SOURCE_MAX_URL)
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

int sources_add(source_list *l, const char *spec, jk_err *err)
{
	source s = {0};
	char url[SOURCE_MAX_URL + 200];
	const char *board = NULL;
	if (!spec || !*spec)
		return jk_fail(err, JK_EARG, "empty source");
	if (strncasecmp(spec, "greenhouse:", 11) == 0) {
		board = spec + 11;
		s.kind = SOURCE_GREENHOUSE;
		snprintf(url, sizeof url,
		         "https://boards-api.greenhouse.io/v1/boards/%s/jobs?content=true", board);
	} else if (strncasecmp(spec, "lever:", 6) == 0) {
		board = spec + 6;
		s.kind = SOURCE_LEVER;
		snprintf(url, sizeof url, "https://api.lever.co/v0/postings/%s?mode=json", board);
	} else if (fetch_is_url(spec)) {
		if (!url_ok(spec))
			return jk_fail(err, JK_EARG,
			               "not a usable URL (spaces, no host or too long)");
		s.kind = SOURCE_URL;
		snprintf(url, sizeof url, "%s", spec);
	} else if (strstr(spec, "://")) {
		return jk_fail(err, JK_EARG, "only http and https URLs can be fetched");
	} else {
		s.kind = SOURCE_PATH;
	}
	if (board && !token_ok(board))
		return jk_fail(err, JK_EARG, "board name must be letters, digits, '-', '_' or '.'");
	s.spec = strdup(spec);
	if (s.kind != SOURCE_PATH)
		s.url = strdup(url);
	if (board) {
		s.org = strdup(board);
		if (s.org && s.org[0] >= 'a' && s.org[0] <= 'z')
			s.org[0] = (char)(s.org[0] - 'a' + 'A');
	}
	if (!s.spec || (s.kind != SOURCE_PATH && !s.url) || (board && !s.org) || push(l, &s)) {
		free(s.spec), free(s.url), free(s.org);
		return jk_fail(err, JK_ENOMEM, "out of memory");
	}
	return JK_OK;
}

void sources_free(source_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].spec), free(l->v[i].url), free(l->v[i].org);
	free(l->v);
	memset(l, 0, sizeof *l);
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

typedef struct fetched {
	refresh_outcome outcome;
	long max_age, retry_after;
	size_t npostings;
	posting_list postings; /* what the stored (or unchanged) body reads as */
	import_format format;
} fetched;

/* One conditional GET into the cache for key=url. The body must read as
 * postings before it may replace the cached copy. */
static void fetch_one(const char *url, const sources_fetch_opts *o, fetched *f, char *why,
                      size_t whylen)
{
	store_meta old = {0};
	char *obody = NULL;
	size_t olen = 0;
	posting_list_init(&f->postings);
	f->npostings = 0;
	store_cache_get(o->cache, url, &old, &obody, &olen, NULL);
	fetch_request req = {
	    .url = url, .etag = old.etag, .last_modified = old.last_modified, .limits = o->limits};
	fetch_response resp;
	jk_err err = {0};
	int r = fetch_get(&req, &resp, &err);
	f->max_age = resp.max_age;
	f->retry_after = resp.retry_after;
	const char *body = NULL, *ctype = NULL;
	size_t blen = 0;
	if (r) {
		f->outcome = REFRESH_FAILED;
		snprintf(why, whylen, "%s", err.msg);
	} else if (resp.not_modified) {
		f->outcome = obody ? REFRESH_UNCHANGED : REFRESH_FAILED;
		if (!obody)
			snprintf(why, whylen, "server said not modified, but nothing is cached");
		body = obody, blen = olen, ctype = old.content_type;
	} else {
		body = resp.body, blen = resp.len, ctype = resp.content_type;
		f->outcome = REFRESH_OK;
	}
	if (body) {
		import_opts io = {.source = url, .content_type = ctype};
		f->format = import_sniff(body, blen, &io);
		jk_err ierr = {0};
		if (import_bytes(body, blen, &io, &f->postings, &ierr)) {
			f->outcome = REFRESH_FAILED;
			snprintf(why, whylen, "response not readable as postings: %.200s",
			         ierr.msg);
		}
		f->npostings = f->postings.n;
	}
	if (f->outcome == REFRESH_OK) {
		store_meta m = {.key = (char *)url,
		                .etag = resp.etag,
		                .last_modified = resp.last_modified,
		                .content_type = resp.content_type,
		                .fetched_at = (int64_t)time(NULL)};
		bool written = false;
		if (obody && (olen != blen || memcmp(obody, body, blen))) {
			/* Keep what is replaced; its vanished postings get a grace
			 * period (see load_previous). */
			char pk[SOURCE_MAX_URL + 32];
			previous_key(url, pk, sizeof pk);
			store_meta pm = {.key = pk,
			                 .content_type = old.content_type,
			                 .fetched_at = (int64_t)time(NULL)};
			store_cache_put(o->cache, &pm, obody, olen, NULL, NULL);
		}
		if (store_cache_put(o->cache, &m, body, blen, &written, &err)) {
			/* Still showable from memory; the cache could not keep it. */
			snprintf(why, whylen, "fetched, but %.200s", err.msg);
		} else if (!written) {
			f->outcome = REFRESH_UNCHANGED;
		}
	}
	fetch_response_free(&resp);
	store_meta_clear(&old);
	free(obody);
}

refresh_outcome sources_refresh(source *s, const sources_fetch_opts *o, size_t *npostings)
{
	if (npostings)
		*npostings = 0;
	if (s->kind == SOURCE_PATH)
		return REFRESH_LOCAL;
	fetched f;
	char why[256] = "";
	fetch_one(s->url, o, &f, why, sizeof why);
	s->max_age = f.max_age;
	s->retry_after = f.retry_after;
	if (f.outcome == REFRESH_FAILED) {
		s->state = SOURCE_FAILED;
		s->failures++;
		snprintf(s->last_error, sizeof s->last_error, "%s", why);
		posting_list_free(&f.postings);
		return REFRESH_FAILED;
	}
	s->state = f.outcome == REFRESH_OK ? SOURCE_OK : SOURCE_NOT_MODIFIED;
	s->failures = 0;
	s->last_ok = (int64_t)time(NULL);
	s->last_error[0] = '\0';
	if (why[0])
		snprintf(s->last_error, sizeof s->last_error, "%s", why);
	size_t count = f.npostings;
	/* Feed items that only link to their posting: fetch the pages too. */
	if (is_feed(f.format)) {
		size_t max = o->max_linked ? o->max_linked : 50, done = 0;
		for (size_t i = 0; i < f.postings.n && done < max; i++) {
			if (!is_thin(f.postings.items[i]))
				continue;
			fetched page;
			char pwhy[256];
			fetch_one(f.postings.items[i]->apply, o, &page, pwhy, sizeof pwhy);
			if (page.outcome == REFRESH_OK && f.outcome != REFRESH_OK)
				f.outcome = REFRESH_OK;
			posting_list_free(&page.postings);
			done++;
		}
	}
	posting_list_free(&f.postings);
	if (npostings)
		*npostings = count;
	return f.outcome;
}

/* Adds the postings of the replaced version that the current one lacks,
 * while the replacement is younger than the grace period. Only postings
 * with a reader-given identity are matched; positions prove nothing. */
static void load_previous(const char *url, store_cache *cache, posting_list *out, size_t first)
{
	char pk[SOURCE_MAX_URL + 32];
	previous_key(url, pk, sizeof pk);
	store_meta m;
	char *body;
	size_t len;
	if (store_cache_get(cache, pk, &m, &body, &len, NULL))
		return;
	int64_t age = (int64_t)time(NULL) - m.fetched_at;
	posting_list prev;
	posting_list_init(&prev);
	import_opts io = {.source = url, .content_type = m.content_type};
	if (age >= 0 && age < SOURCES_GRACE_S && import_bytes(body, len, &io, &prev, NULL) == 0) {
		size_t n = out->n;
		for (size_t i = 0; i < prev.n; i++) {
			posting *p = prev.items[i];
			bool present = !p->native_id;
			for (size_t k = first; k < n && !present; k++)
				present = !strcmp(out->items[k]->id, p->id);
			if (!present && posting_list_push(out, p) == JK_OK)
				prev.items[i] = NULL;
		}
	} else if (age >= SOURCES_GRACE_S) {
		store_cache_remove(cache, pk, NULL);
	}
	posting_list_free(&prev);
	free(body);
	store_meta_clear(&m);
}

/* Reads the cached document for url into out; for feeds, thin items are
 * replaced by their cached posting page. */
static int load_cached(const source *s, const char *url, store_cache *cache, posting_list *out,
                       int depth, jk_err *err)
{
	store_meta m;
	char *body;
	size_t len;
	int r = store_cache_get(cache, url, &m, &body, &len, err);
	if (r)
		return r;
	import_opts io = {.source = url, .content_type = m.content_type};
	import_format fmt = import_sniff(body, len, &io);
	size_t first = out->n;
	r = import_bytes(body, len, &io, out, err);
	free(body);
	store_meta_clear(&m);
	if (r)
		return r;
	if (depth == 0)
		load_previous(url, cache, out, first);
	if (depth == 0 && is_feed(fmt)) {
		for (size_t i = first; i < out->n; i++) {
			posting *item = out->items[i];
			if (!is_thin(item))
				continue;
			posting_list page;
			posting_list_init(&page);
			if (load_cached(s, item->apply, cache, &page, 1, NULL) == 0 &&
			    page.n == 1) {
				posting *p = page.items[0];
				/* The feed's fields fill what the page lacks. */
				char **from[] = {&item->title,    &item->organization,
				                 &item->location, &item->posted,
				                 &item->expires,  &item->employment,
				                 &item->pay};
				char **to[] = {&p->title,  &p->organization, &p->location,
				               &p->posted, &p->expires,      &p->employment,
				               &p->pay};
				for (size_t k = 0; k < JK_ARRAY_LEN(from); k++)
					if (!*to[k] && *from[k]) {
						*to[k] = *from[k];
						*from[k] = NULL;
					}
				page.n = 0;
				posting_free(item);
				out->items[i] = p;
			}
			posting_list_free(&page);
		}
	}
	for (size_t i = first; s->org && i < out->n; i++)
		if (!out->items[i]->organization)
			posting_set(&out->items[i]->organization, s->org, (size_t)-1);
	return JK_OK;
}

size_t sources_load(const source_list *l, store_cache *cache, posting_list *out, jk_warn_fn warn,
                    void *ud)
{
	size_t ok = 0;
	for (size_t i = 0; i < l->n; i++) {
		const source *s = &l->v[i];
		jk_err err = {0};
		int r;
		if (s->kind == SOURCE_PATH) {
			r = store_load_path(s->spec, out, warn, ud, NULL, NULL, &err);
		} else if (!cache) {
			r = jk_fail(&err, JK_EARG, "no cache folder for network sources");
		} else {
			r = load_cached(s, s->url, cache, out, 0, &err);
			if (r == JK_ENOTFOUND)
				jk_fail(&err, r, "not fetched yet%s%s",
				        s->last_error[0] ? "; last try: " : "", s->last_error);
		}
		if (r && warn)
			warn(ud, s->spec, err.msg);
		else if (!r)
			ok++;
	}
	return ok;
}
