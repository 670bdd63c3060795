/* refresh.c — bringing a network source into the cache: one conditional
 * request, or a board's list page by page into one document; then the
 * detail documents of its list entries and Greenhouse's board name. */
#include "internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* A document that is not postings (a board's name) says whether it reads. */
typedef bool (*doc_check_fn)(const char *body, size_t len, char *why, size_t cap);

typedef struct fetched {
	refresh_outcome outcome;
	long max_age, retry_after;
	long status;           /* HTTP status of the request that failed, 0 when none */
	bool html;             /* an HTML page came where JSON was due */
	bool capped;           /* paging stopped at the cap with more to come */
	long total;            /* what a paged board says it holds, -1 unknown */
	posting_list postings; /* what the stored (or unchanged) body reads as */
	import_format format;
} fetched;

typedef struct cached {
	store_meta meta;
	char *body;
	size_t len;
} cached;

/* The cache key of the version a document replaced. */
static void previous_key(const char *url, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s#previous", url);
}

static void fetched_init(fetched *f)
{
	memset(f, 0, sizeof *f);
	f->max_age = f->retry_after = f->total = -1;
	posting_list_init(&f->postings);
}

static bool cancelled(const sources_fetch_opts *o)
{
	return o->limits.cancel && atomic_load(o->limits.cancel);
}

/* Whether body reads: as postings (into f->postings), or by check. */
static bool readable(const char *url, const char *body, size_t len, const char *ctype,
                     doc_check_fn check, fetched *f, char *why, size_t whylen)
{
	if (check)
		return check(body, len, why, whylen);
	import_opts io = {.source = url, .content_type = ctype};
	f->format = import_sniff(body, len, &io);
	jk_err ierr = {0};
	if (import_bytes(body, len, &io, &f->postings, &ierr) == 0)
		return true;
	snprintf(why, whylen, "response not readable as postings: %.200s", ierr.msg);
	return false;
}

/* Stores a good new body under url; the version it replaces is kept
 * under url#previous (its vanished postings get a grace period). */
static void keep(const char *url, const fetch_response *resp, const cached *old,
                 const sources_fetch_opts *o, fetched *f, char *why, size_t whylen)
{
	jk_err err = {0};
	store_meta m = {.key = (char *)url,
	                .etag = resp->etag,
	                .last_modified = resp->last_modified,
	                .content_type = resp->content_type,
	                .fetched_at = (int64_t)time(NULL)};
	bool written = false;
	if (old->body && (old->len != resp->len || memcmp(old->body, resp->body, resp->len))) {
		char pk[SOURCES_MAX_URL + 32];
		previous_key(url, pk, sizeof pk);
		store_meta pm = {.key = pk,
		                 .content_type = old->meta.content_type,
		                 .fetched_at = (int64_t)time(NULL)};
		store_cache_put(o->cache, &pm, old->body, old->len, NULL, NULL);
	}
	if (store_cache_put(o->cache, &m, resp->body, resp->len, &written, &err))
		/* Still showable from memory; the cache could not keep it. */
		snprintf(why, whylen, "fetched, but %.200s", err.msg);
	else if (!written)
		f->outcome = REFRESH_UNCHANGED;
}

/* Checks what came (or, on a 304, the cached copy) and keeps it. */
static void settle(const char *url, const fetch_response *resp, const cached *old,
                   const sources_fetch_opts *o, doc_check_fn check, fetched *f, char *why,
                   size_t whylen)
{
	if (resp->not_modified && !old->body) {
		f->outcome = REFRESH_FAILED;
		snprintf(why, whylen, "server said not modified, but nothing is cached");
		return;
	}
	const char *body = resp->not_modified ? old->body : resp->body;
	size_t len = resp->not_modified ? old->len : resp->len;
	const char *ctype = resp->not_modified ? old->meta.content_type : resp->content_type;
	f->outcome = resp->not_modified ? REFRESH_UNCHANGED : REFRESH_OK;
	if (!readable(url, body, len, ctype, check, f, why, whylen))
		f->outcome = REFRESH_FAILED;
	else if (f->outcome == REFRESH_OK)
		keep(url, resp, old, o, f, why, whylen);
}

/* One conditional request into the cache under key=url. The body must read
 * before it may replace the cached copy. */
static void fetch_one(const char *url, const char *const *hdr, const sources_fetch_opts *o,
                      doc_check_fn check, fetched *f, char *why, size_t whylen)
{
	cached old = {0};
	fetched_init(f);
	store_cache_get(o->cache, url, &old.meta, &old.body, &old.len, NULL);
	fetch_request req = {.url = url,
	                     .etag = old.meta.etag,
	                     .last_modified = old.meta.last_modified,
	                     .limits = o->limits,
	                     .headers = hdr};
	fetch_response resp;
	jk_err err = {0};
	int r = fetch_get(&req, &resp, &err);
	f->max_age = resp.max_age;
	f->retry_after = resp.retry_after;
	if (r) {
		f->outcome = REFRESH_FAILED;
		f->status = resp.status;
		snprintf(why, whylen, "%s", err.msg);
	} else {
		settle(url, &resp, &old, o, check, f, why, whylen);
	}
	fetch_response_free(&resp);
	store_meta_clear(&old.meta);
	free(old.body);
}

static bool looks_html(const fetch_response *resp)
{
	const char *p = resp->body ? resp->body : "";
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return *p == '<' || (resp->content_type && jk_strcasestr(resp->content_type, "html"));
}

/* One page of a paged list: the parsed page and its entries' array. */
static int get_page(const char *url, const char *body, const char *const *hdr,
                    const sources_fetch_opts *o, const sources_paging *pg, cJSON **page, fetched *f,
                    jk_err *err)
{
	fetch_request req = {.url = url,
	                     .limits = o->limits,
	                     .body = body,
	                     .body_len = body ? strlen(body) : 0,
	                     .body_type = body ? "application/json" : NULL,
	                     .headers = hdr};
	fetch_response resp;
	int r = fetch_get(&req, &resp, err);
	f->status = resp.status;
	f->max_age = resp.max_age;
	f->retry_after = resp.retry_after;
	*page = NULL;
	if (!r) {
		cJSON *p = cJSON_ParseWithLength(resp.body, resp.len);
		if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(p, pg->items))) {
			*page = p;
		} else {
			f->html = looks_html(&resp);
			if (p)
				r = jk_fail(err, JK_EFORMAT, "no \"%s\" list in the answer",
				            pg->items);
			else
				r = jk_fail(err, JK_EFORMAT, "the answer is not JSON");
			cJSON_Delete(p);
		}
	}
	fetch_response_free(&resp);
	return r;
}

/* The request for page v->offset / v->limit: URL, and body when POSTed. */
static int page_request(const source *s, const sources_paging *pg, const sources_vars *v, char *url,
                        size_t ucap, char *body, size_t bcap)
{
	char q[256] = "";
	if (pg->query && sources_expand(pg->query, v, q, sizeof q))
		return JK_ETOOBIG;
	int n = snprintf(url, ucap, "%s%s%s", s->url,
	                 !q[0]                 ? ""
	                 : strchr(s->url, '?') ? "&"
	                                       : "?",
	                 q);
	if (n < 0 || (size_t)n >= ucap)
		return JK_ETOOBIG;
	body[0] = '\0';
	return pg->body ? sources_expand(pg->body, v, body, bcap) : JK_OK;
}

/* Appends page's entries to all, up to the cap on postings. */
static void take_entries(cJSON *all, cJSON *items)
{
	cJSON *it;
	while ((it = cJSON_DetachItemFromArray(items, 0)) != NULL) {
		if (cJSON_GetArraySize(all) >= SOURCES_MAX_PAGED_POSTINGS)
			cJSON_Delete(it);
		else
			cJSON_AddItemToArray(all, it);
	}
}

static long total_of(const cJSON *page, const char *key)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(page, key);
	return cJSON_IsNumber(t) && t->valuedouble >= 0 && t->valuedouble < 1e9
	           ? (long)t->valuedouble
	           : -1;
}

/* Reads pages until the board's total, a short page, or the cap. The
 * first page's object, holding every page's entries, is *doc. */
static int read_pages(const source *s, const sources_board *b, const char *const *hdr,
                      const sources_fetch_opts *o, fetched *f, cJSON **doc, jk_err *err)
{
	const sources_paging *pg = &b->paging;
	sources_vars v;
	int r = sources_board_vars(b, s->spec, &v, err);
	bool more = true;
	size_t got = 0;
	*doc = NULL;
	for (int n = 0; !r && more && n < SOURCES_MAX_PAGES; n++) {
		char url[SOURCES_MAX_URL + 300], body[512];
		cJSON *page;
		v.limit = pg->size;
		v.offset = (long)n * pg->size;
		r = cancelled(o) ? jk_fail(err, JK_EIO, "cancelled")
		                 : page_request(s, pg, &v, url, sizeof url, body, sizeof body);
		r = r ? r : get_page(url, pg->body ? body : NULL, hdr, o, pg, &page, f, err);
		if (r && n) {
			char m[sizeof err->msg];
			snprintf(m, sizeof m, "%s", err->msg);
			jk_fail(err, r, "page %d of the list: %s", n + 1, m);
		}
		if (r)
			break;
		cJSON *items = cJSON_GetObjectItemCaseSensitive(page, pg->items);
		size_t k = (size_t)cJSON_GetArraySize(items);
		got += k;
		if (!*doc)
			*doc = page, f->total = total_of(page, pg->total);
		else
			take_entries(cJSON_GetObjectItemCaseSensitive(*doc, pg->items), items);
		if (page != *doc)
			cJSON_Delete(page);
		more = k >= (size_t)pg->size && (f->total < 0 || got < (size_t)f->total);
		f->capped = more || got > SOURCES_MAX_PAGED_POSTINGS;
		more = more && got < SOURCES_MAX_PAGED_POSTINGS;
	}
	return r;
}

/* A paged board's list into the cache as one document in the list's own
 * shape, read like a single page. Validators mean nothing across pages:
 * an unchanged list is known by its bytes. */
static void fetch_pages(const source *s, const sources_board *b, const char *const *hdr,
                        const sources_fetch_opts *o, fetched *f, char *why, size_t whylen)
{
	cached old = {0};
	cJSON *doc = NULL;
	jk_err err = {0};
	fetched_init(f);
	int r = read_pages(s, b, hdr, o, f, &doc, &err);
	cJSON *items = cJSON_GetObjectItemCaseSensitive(doc, b->paging.items);
	while (!r && cJSON_GetArraySize(items) > SOURCES_MAX_PAGED_POSTINGS)
		cJSON_DeleteItemFromArray(items, cJSON_GetArraySize(items) - 1);
	fetch_response all = {.max_age = f->max_age, .retry_after = f->retry_after};
	all.body = r ? NULL : cJSON_PrintUnformatted(doc);
	all.content_type = r ? NULL : strdup("application/json");
	if (!r && (!all.body || !all.content_type))
		r = jk_fail(&err, JK_ENOMEM, "out of memory");
	all.len = all.body ? strlen(all.body) : 0;
	if (!r && all.len > IMPORT_MAX_BYTES)
		r = jk_fail(&err, JK_ETOOBIG, "the list is over %zu MB", IMPORT_MAX_BYTES >> 20);
	if (r) {
		f->outcome = REFRESH_FAILED;
		snprintf(why, whylen, "%s", err.msg);
	} else {
		f->status = 0;
		store_cache_get(o->cache, s->url, &old.meta, &old.body, &old.len, NULL);
		settle(s->url, &all, &old, o, NULL, f, why, whylen);
	}
	cJSON_Delete(doc);
	fetch_response_free(&all);
	store_meta_clear(&old.meta);
	free(old.body);
}

static bool is_cached(store_cache *cache, const char *url)
{
	store_meta m;
	char *body;
	size_t len;
	if (store_cache_get(cache, url, &m, &body, &len, NULL))
		return false;
	free(body);
	store_meta_clear(&m);
	return true;
}

static void fetch_detail(const source *s, const sources_board *b, const char *url, fetched *f,
                         const sources_fetch_opts *o)
{
	fetched d;
	char why[256] = "";
	fetch_one(url, b ? b->headers : NULL, o, NULL, &d, why, sizeof why);
	if (d.outcome == REFRESH_OK)
		f->outcome = REFRESH_OK;
	else if (d.outcome == REFRESH_FAILED)
		jk_log(JK_LOG_DEBUG, "sources", "%s: detail %s: %s", s->spec, url, why);
	posting_list_free(&d.postings);
}

/* The detail documents of the list's entries, those not cached before
 * this refresh first; one that fails leaves its entry as it is. */
static void fetch_details(const source *s, const sources_board *b, fetched *f,
                          const sources_fetch_opts *o)
{
	size_t max = o->max_linked ? o->max_linked : 50, done = 0, n = f->postings.n;
	bool *had = calloc(n ? n : 1, sizeof *had);
	if (!had)
		return;
	for (size_t i = 0; i < n; i++) {
		const char *url = sources_detail_of(f->postings.items[i], f->format);
		had[i] = url && is_cached(o->cache, url);
	}
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < n && done < max && !cancelled(o); i++) {
			const char *url = sources_detail_of(f->postings.items[i], f->format);
			if (url && had[i] == (pass == 1)) {
				fetch_detail(s, b, url, f, o);
				done++;
			}
		}
	}
	free(had);
}

static bool has_name(const char *body, size_t len, char *why, size_t cap)
{
	cJSON *d = cJSON_ParseWithLength(body, len);
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(d, "name");
	bool ok = cJSON_IsString(n) && n->valuestring[0];
	if (!ok)
		snprintf(why, cap, "no board name in the answer");
	cJSON_Delete(d);
	return ok;
}

/* The board's own name (Greenhouse): a failure keeps the spec's name. */
static void fetch_org(const source *s, fetched *f, const sources_fetch_opts *o)
{
	fetched g;
	char why[256] = "";
	fetch_one(s->org_url, NULL, o, has_name, &g, why, sizeof why);
	if (g.outcome == REFRESH_OK)
		f->outcome = REFRESH_OK;
	posting_list_free(&g.postings);
}

/* The board's headers, and the source's token as a bearer token. The
 * token's line lives in auth, which the caller wipes. */
static void request_headers(const source *s, const sources_board *b, char *auth, size_t cap,
                            const char **hdr, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; b && b->headers && b->headers[i] && k + 2 < n; i++)
		hdr[k++] = b->headers[i];
	if (s->token) {
		snprintf(auth, cap, "Authorization: Bearer %s", s->token);
		hdr[k++] = auth;
	}
	hdr[k] = NULL;
}

/* A refusal in the board's words, a 404 naming what was not found. */
static void board_words(const source *s, const sources_board *b, const fetched *f, char *why,
                        size_t cap)
{
	sources_vars v;
	if (!b || sources_board_vars(b, s->spec, &v, NULL))
		return;
	if (b->refused && (f->html || (f->status >= 400 && f->status <= 499)) &&
	    b->refused(s, &v, f->html ? 0 : f->status, f->html, why, cap))
		return;
	if (f->status == 404)
		snprintf(why, cap, "HTTP 404 (not found): is there a %s %s '%.120s'?", b->label,
		         b->noun, v.name);
}

static void failed(source *s, const sources_board *b, const fetched *f, const char *why)
{
	s->state = SOURCE_FAILED;
	s->failures++;
	snprintf(s->last_error, sizeof s->last_error, "%s", why);
	board_words(s, b, f, s->last_error, sizeof s->last_error);
}

static void note_capped(source *s, const fetched *f)
{
	if (f->capped && !s->capped) {
		char total[48] = "more than that";
		if (f->total > 0)
			snprintf(total, sizeof total, "%ld", f->total);
		jk_log(JK_LOG_WARN, "sources",
		       "%s: the board lists %s postings; showing the first %zu (at most %d pages "
		       "or %d postings are read a refresh)",
		       s->spec, total, f->postings.n, SOURCES_MAX_PAGES,
		       SOURCES_MAX_PAGED_POSTINGS);
	}
	s->capped = f->capped;
}

refresh_outcome sources_refresh(source *s, const sources_fetch_opts *o, size_t *npostings)
{
	if (npostings)
		*npostings = 0;
	if (s->kind == SOURCE_PATH)
		return REFRESH_LOCAL;
	const sources_board *b = sources_board_of(s->kind);
	const char *hdr[8];
	char auth[1024] = "", why[256] = "";
	request_headers(s, b, auth, sizeof auth, hdr, JK_ARRAY_LEN(hdr));
	fetched f;
	if (b && b->paging.items)
		fetch_pages(s, b, hdr, o, &f, why, sizeof why);
	else
		fetch_one(s->url, hdr, o, NULL, &f, why, sizeof why);
	explicit_bzero(auth, sizeof auth);
	s->max_age = f.max_age;
	s->retry_after = f.retry_after;
	if (f.outcome == REFRESH_FAILED) {
		failed(s, b, &f, why);
		posting_list_free(&f.postings);
		return REFRESH_FAILED;
	}
	s->state = f.outcome == REFRESH_OK ? SOURCE_OK : SOURCE_NOT_MODIFIED;
	s->failures = 0;
	s->last_ok = (int64_t)time(NULL);
	snprintf(s->last_error, sizeof s->last_error, "%s", why);
	note_capped(s, &f);
	if (s->org_url)
		fetch_org(s, &f, o);
	fetch_details(s, b, &f, o);
	size_t count = f.postings.n;
	posting_list_free(&f.postings);
	if (npostings)
		*npostings = count;
	return f.outcome;
}
