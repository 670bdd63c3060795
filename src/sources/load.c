/* load.c — every source's postings read back: paths from disk, network
 * sources from the cache, list entries replaced by their cached detail. */
#include "internal.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A posting that vanishes from its source stays this long, so a board that
 * briefly answers with half its jobs does not empty the screen. */
#define SOURCES_GRACE_S (6 * 3600)

/* The cached document for key, read as postings into out. */
static int read_cached(store_cache *cache, const char *key, const char *from, posting_list *out,
                       import_format *fmt, int64_t *fetched_at, jk_err *err)
{
	store_meta m;
	char *body;
	size_t len;
	int r = store_cache_get(cache, key, &m, &body, &len, err);
	if (r)
		return r;
	import_opts io = {
	    .source = from, .content_type = m.content_type, .fetched_at = m.fetched_at};
	if (fmt)
		*fmt = import_sniff(body, len, &io);
	if (fetched_at)
		*fetched_at = m.fetched_at;
	r = import_bytes(body, len, &io, out, err);
	free(body);
	store_meta_clear(&m);
	return r;
}

/* Adds the postings of the replaced version that the current one lacks,
 * while the replacement is younger than the grace period. Only postings
 * with a reader-given identity are matched; positions prove nothing. */
static void load_previous(const char *url, store_cache *cache, posting_list *out, size_t first)
{
	char pk[SOURCES_MAX_URL + 32];
	snprintf(pk, sizeof pk, "%s#previous", url);
	posting_list prev;
	posting_list_init(&prev);
	int64_t at = 0;
	if (read_cached(cache, pk, url, &prev, NULL, &at, NULL) && at == 0)
		return; /* none cached */
	int64_t age = (int64_t)time(NULL) - at;
	if (age >= 0 && age < SOURCES_GRACE_S) {
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
}

/* The detail's reading in place of the entry; the entry's fields fill
 * what the detail lacks. Takes ownership of p. */
static void replace_entry(posting_list *out, size_t i, posting *p)
{
	posting *item = out->items[i];
	char **from[] = {&item->title,  &item->organization, &item->location,
	                 &item->posted, &item->expires,      &item->employment,
	                 &item->pay,    &item->apply,        &item->language};
	char **to[] = {&p->title,      &p->organization, &p->location, &p->posted,  &p->expires,
	               &p->employment, &p->pay,          &p->apply,    &p->language};
	for (size_t k = 0; k < JK_ARRAY_LEN(from); k++)
		if (!*to[k] && *from[k]) {
			*to[k] = *from[k];
			*from[k] = NULL;
		}
	posting_free(item);
	out->items[i] = p;
}

/* Entries whose text is in a detail document: shown from the cached
 * detail when there is one that reads as one posting. */
static void load_details(store_cache *cache, posting_list *out, size_t first, import_format fmt)
{
	for (size_t i = first; i < out->n; i++) {
		const char *url = sources_detail_of(out->items[i], fmt);
		if (!url)
			continue;
		posting_list page;
		posting_list_init(&page);
		if (read_cached(cache, url, url, &page, NULL, NULL, NULL) == 0 && page.n == 1) {
			replace_entry(out, i, page.items[0]);
			page.n = 0;
		}
		posting_list_free(&page);
	}
}

/* The name the board states for itself (Greenhouse), cleaned; NULL when
 * it is not cached. Caller frees. */
static char *board_org(const source *s, store_cache *cache)
{
	store_meta m;
	char *body, *org = NULL;
	size_t len;
	if (!s->org_url || store_cache_get(cache, s->org_url, &m, &body, &len, NULL))
		return NULL;
	cJSON *d = cJSON_ParseWithLength(body, len);
	const cJSON *n = cJSON_GetObjectItemCaseSensitive(d, "name");
	if (cJSON_IsString(n) && strlen(n->valuestring) <= 200)
		posting_set(&org, n->valuestring, (size_t)-1);
	cJSON_Delete(d);
	free(body);
	store_meta_clear(&m);
	return org;
}

/* Reads the source's cached document, then what it needs around it: the
 * replaced version's vanished postings, details, the board's name. */
static int load_cached(const source *s, store_cache *cache, posting_list *out, jk_err *err)
{
	size_t first = out->n;
	import_format fmt = IMPORT_UNKNOWN;
	int r = read_cached(cache, s->url, s->url, out, &fmt, NULL, err);
	if (r)
		return r;
	load_previous(s->url, cache, out, first);
	load_details(cache, out, first, fmt);
	char *named = board_org(s, cache);
	const char *org = named ? named : s->org;
	for (size_t i = first; org && i < out->n; i++)
		if (!out->items[i]->organization)
			posting_set(&out->items[i]->organization, org, (size_t)-1);
	free(named);
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
			r = load_cached(s, cache, out, &err);
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

void sources_load_first(const source_list *l, store_cache *cache, posting_list *out)
{
	if (!l->n)
		return;
	const source *s = &l->v[0];
	jk_err err = {0};
	if (s->kind == SOURCE_PATH)
		(void)store_load_first(s->spec, out);
	else if (cache)
		(void)load_cached(s, cache, out, &err);
}
