/* jsonfield.c — layer 1a: reading fields of cJSON values for the JSON
 * readers (Greenhouse, Lever, JSON Feed, the boards): typed getters, and
 * ids, apply links, tags, places and pay set from them. Values of the
 * wrong type are ignored. */
#include "blocks.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

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
bool json_num(const cJSON *v, double *out)
{
	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
		return isfinite(*out);
	}
	if (!cJSON_IsString(v) || !v->valuestring || !*v->valuestring)
		return false;
	char *end;
	*out = strtod(v->valuestring, &end);
	return *end == '\0' && isfinite(*out);
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

int json_doc_begin(json_doc *d, const char *data, size_t len, const import_opts *opts,
                   posting_list *out, cJSON **root, jk_err *err)
{
	*d = (json_doc){.o = opts, .base = html_base(opts), .out = out, .first = out->n};
	return import_json_parse(data, len, root, err);
}

int json_doc_end(json_doc *d, cJSON *root, int r, jk_err *err)
{
	cJSON_Delete(root);
	free(d->org);
	d->org = NULL;
	if (r) {
		import_drop_from(d->out, d->first);
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
