/* jsonfield.c — layer 1a: reading fields of cJSON values for the JSON
 * readers (Greenhouse, Lever, JSON Feed, the boards): typed getters, and
 * ids, apply links, tags, places and pay set from them. Values of the
 * wrong type are ignored. A reader's plain fields are a table of rows
 * (json_field) that json_fields() applies. */
#include "blocks.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const cJSON *json_get(const cJSON *o, const char *k)
{
	return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, k) : NULL;
}

/* v when it is an array, else NULL (for cJSON_ArrayForEach). */
const cJSON *json_arr(const cJSON *v)
{
	return cJSON_IsArray(v) ? v : NULL;
}

/* The string value of o[k] when it is a non-empty string, else NULL. */
const char *json_str(const cJSON *o, const char *k)
{
	const cJSON *v = json_get(o, k);
	return cJSON_IsString(v) && v->valuestring && *v->valuestring ? v->valuestring : NULL;
}

/* A number, or a string holding only a number (Greenhouse writes
 * "100000.0"). */
/* *out is left alone unless the whole value is a finite number: "12abc"
 * is no amount, and callers keep their defaults. */
bool json_num(const cJSON *v, double *out)
{
	double d;
	char *end = "";
	if (cJSON_IsNumber(v))
		d = v->valuedouble;
	else if (cJSON_IsString(v) && v->valuestring && *v->valuestring)
		d = strtod(v->valuestring, &end);
	else
		return false;
	if (*end || !isfinite(d))
		return false;
	*out = d;
	return true;
}

/* Ids are strings or whole numbers. */
int json_set_id(posting *p, const cJSON *v)
{
	char tmp[32];
	if (cJSON_IsString(v))
		return posting_set(&p->native_id, v->valuestring, (size_t)-1);
	if (cJSON_IsNumber(v) && isfinite(v->valuedouble) && fabs(v->valuedouble) < 1e17) {
		snprintf(tmp, sizeof tmp, "%.0f", v->valuedouble);
		return posting_set(&p->native_id, tmp, (size_t)-1);
	}
	return JK_OK;
}

int json_set_apply(posting *p, const char *url, const char *base)
{
	char *u = url ? import_url_accept(url, base) : NULL;
	int r = u ? posting_set_default(&p->apply, u, (size_t)-1) : JK_OK;
	free(u);
	return r;
}

/* Every string of an array (or a lone string) as a tag; objects give their
 * "name" (Greenhouse departments) or "text". */
int json_add_tags(posting *p, const cJSON *v)
{
	if (cJSON_IsString(v))
		return posting_add_tag(p, v->valuestring);
	int r = JK_OK;
	const cJSON *e;
	cJSON_ArrayForEach(e, json_arr(v))
	{
		const char *t = cJSON_IsString(e) ? e->valuestring : json_str(e, "name");
		if (t && !r)
			r = posting_add_tag(p, t);
	}
	return r;
}

static bool has_cents(double v)
{
	return lround((v - floor(v)) * 100) % 100 != 0;
}

/* "USD 120,000–150,000 per year" into *field when still empty. min or max
 * may be NAN; cur and per may be NULL. */
int json_set_pay(char **field, const char *cur, double min, double max, const char *per)
{
	bool lo = isfinite(min) && min > 0 && min < 1e12,
	     hi = isfinite(max) && max > 0 && max < 1e12;
	if (*field || (!lo && !hi))
		return JK_OK;
	jk_buf b = {0};
	bool cents = (lo && has_cents(min)) || (hi && has_cents(max));
	int r = JK_OK;
	if (!lo)
		r = jk_buf_puts(&b, "up to ");
	if (!r && cur)
		r = jk_buf_printf(&b, "%s ", cur);
	if (!r)
		r = import_money(&b, lo ? min : max, cents);
	if (!r && lo && hi && max > min) {
		r = jk_buf_puts(&b, "\xE2\x80\x93"); /* en dash */
		if (!r)
			r = import_money(&b, max, cents);
	} else if (!r && lo && !hi) {
		r = jk_buf_putc(&b, '+');
	}
	if (!r && per)
		r = jk_buf_printf(&b, " %s", per);
	if (!r)
		r = posting_set(field, b.data, b.len);
	jk_buf_free(&b);
	return r;
}

/* The value at path ("a/b": b inside the object a), or NULL. */
static const cJSON *json_path(const cJSON *o, const char *path)
{
	char key[64];
	while (o && path) {
		const char *slash = strchr(path, '/');
		size_t n = slash ? (size_t)(slash - path) : strlen(path);
		if (n >= sizeof key)
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		o = json_get(o, key);
		path = slash ? slash + 1 : NULL;
	}
	return o;
}

/* The first of the row's keys present in o: any value when any is true,
 * else a non-empty string. */
static const cJSON *json_field_value(const json_field *f, const cJSON *o, bool any)
{
	for (size_t i = 0; i < JSON_FIELD_KEYS && f->keys[i]; i++) {
		const cJSON *v = json_path(o, f->keys[i]);
		if (any ? v != NULL : cJSON_IsString(v) && v->valuestring && *v->valuestring)
			return v;
	}
	return NULL;
}

static int json_field_set(const json_doc *d, posting *p, const json_field *f, const cJSON *v)
{
	const char *s = cJSON_IsString(v) ? v->valuestring : NULL;
	char **at = (char **)(void *)((char *)p + f->at);
	switch (f->set) {
	case JSON_TEXT:
		return *at ? JK_OK : import_set_text(at, s);
	case JSON_DATE:
		return import_set_date(at, s);
	case JSON_ORG:
		return p->organization ? JK_OK : import_set_text(&p->organization, s ? s : d->org);
	case JSON_KIND:
	case JSON_WHERE:
		return import_employment_word(&p->employment, s, f->set == JSON_WHERE);
	case JSON_APPLY:
		return json_set_apply(p, s, d->base);
	case JSON_ID:
		return p->native_id ? JK_OK : json_set_id(p, v);
	case JSON_TAG:
		return s ? posting_add_tag(p, s) : JK_OK;
	case JSON_TAGS:
		return json_add_tags(p, v);
	case JSON_LANG: {
		int r = import_set_lang(p, s, "language", d->o);
		return r || p->language || !d->lang[0]
		           ? r
		           : posting_set(&p->language, d->lang, (size_t)-1);
	}
	}
	return JK_OK;
}

int json_fields(const json_doc *d, posting *p, const cJSON *o, const json_field *map, size_t n)
{
	int r = JK_OK;
	for (size_t i = 0; i < n && !r; i++) {
		bool any = map[i].set == JSON_ID || map[i].set == JSON_TAGS;
		r = json_field_set(d, p, &map[i], json_field_value(&map[i], o, any));
	}
	return r;
}

int json_posting(json_doc *d, const cJSON *o, const json_field *map, size_t n, json_rest_fn rest,
                 jk_err *err)
{
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	int r = json_fields(d, p, o, map, n);
	if (!r && rest)
		r = rest(d, p, o, &links, err);
	return import_push(r, p, &links, d->base, d->out);
}

enum { JSON_MAX_PLACES = 3 };

int json_places_add(json_places *pl, const char *const *parts, size_t nparts)
{
	jk_buf one = {0};
	int r = JK_OK;
	for (size_t i = 0; i < nparts && !r; i++)
		if (parts[i] && *parts[i] && !(one.len && jk_strcasestr(one.data, parts[i])))
			r = jk_buf_printf(&one, "%s%s", one.len ? ", " : "", parts[i]);
	if (!r && one.len && !(pl->b.len && jk_strcasestr(pl->b.data, one.data))) {
		if (pl->n++ < JSON_MAX_PLACES)
			r = jk_buf_printf(&pl->b, "%s%s", pl->b.len ? "; " : "", one.data);
		else
			pl->more++;
	}
	jk_buf_free(&one);
	return r;
}

int json_places_set(json_places *pl, char **field, int r)
{
	if (!r && pl->more)
		r = jk_buf_printf(&pl->b, " +%zu more", pl->more);
	if (!r && pl->b.len && !*field)
		r = import_set_text(field, pl->b.data);
	jk_buf_free(&pl->b);
	*pl = (json_places){0};
	return r;
}

int json_doc_read(const char *data, size_t len, const import_opts *opts, posting_list *out,
                  json_root_fn fn, jk_err *err)
{
	json_doc d = {.o = opts, .base = html_base(opts), .out = out, .first = out->n};
	cJSON *root;
	int r = import_json_parse(data, len, &root, err);
	if (r)
		return r;
	r = fn(&d, root, err);
	cJSON_Delete(root);
	free(d.org);
	if (r) {
		import_drop_from(out, d.first);
		return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : r;
	}
	return JK_OK;
}

int json_doc_each(json_doc *d, const cJSON *arr, json_item_fn fn, jk_err *err)
{
	int r = 0;
	const cJSON *it;
	cJSON_ArrayForEach(it, json_arr(arr))
	{
		if (!r && cJSON_IsObject(it) && !json_doc_full(d))
			r = fn(d, it, err);
	}
	return r;
}

bool json_doc_full(json_doc *d)
{
	return import_full(d->o, d->out, d->first, &d->skipped);
}
