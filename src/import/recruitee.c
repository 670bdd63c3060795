/* recruitee.c — layer 3: Recruitee's careers site offers
 * ({"offers": [...]}, {"offer": {...}} or one offer) with cJSON. Offers
 * whose status says they are not published are skipped. Values of the
 * wrong type are ignored field by field; entries that are not objects are
 * skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An offer that says it is anything but published. */
static bool rt_hidden(const cJSON *o)
{
	const char *st = json_str(o, "status");
	return st && strcasecmp(st, "published");
}

/* "fulltime_fixed_term" → "Full-time (fixed-term)", "parttime_permanent"
 * → "Part-time, permanent"; a word it does not know shows as written.
 * Four words at most: a code is short. */
static int rt_employment(posting *p, const char *code)
{
	int r = JK_OK;
	for (int k = 0; code && *code && !r && k < 4; k++) {
		size_t n = strcspn(code, "_"), used = 0;
		const char *kind = import_employment_kind(code, n, &used);
		bool fixed = !strncasecmp(code, "fixed_term", 10);
		char word[32];
		if (fixed)
			n = 10;
		snprintf(word, sizeof word, "%.*s", (int)(n < 31 ? n : 31), code);
		if (kind && used == n)
			snprintf(word, sizeof word, "%s", kind);
		else if (fixed)
			snprintf(word, sizeof word, "fixed-term");
		else if (!p->employment)
			word[0] = (char)toupper((unsigned char)word[0]);
		r = import_employment_add(&p->employment, word, !(kind && used == n));
		code += n;
		code += *code == '_';
	}
	return r;
}

/* The remote, hybrid and on_site flags qualify the kind of work. */
static int rt_workplace(posting *p, const cJSON *o)
{
	static const struct {
		const char *key, *word;
	} flags[] = {{"remote", "Remote"}, {"hybrid", "Hybrid"}, {"on_site", "On-site"}};
	int r = JK_OK;
	for (size_t i = 0; i < JK_ARRAY_LEN(flags) && !r; i++)
		if (cJSON_IsTrue(json_get(o, flags[i].key)))
			r = import_employment_add(&p->employment, flags[i].word, true);
	return r;
}

/* location as written, then each of locations; city, state_name and
 * country when there is neither. */
static int rt_locations(posting *p, const cJSON *o)
{
	json_places pl = {0};
	const char *loc = json_str(o, "location");
	int r = loc ? json_places_add(&pl, &loc, 1) : JK_OK;
	const cJSON *e;
	cJSON_ArrayForEach(e, json_arr(json_get(o, "locations")))
	{
		const char *one[] = {json_str(e, "city"), json_str(e, "state"),
		                     json_str(e, "country")};
		if (!r)
			r = json_places_add(&pl, one, JK_ARRAY_LEN(one));
	}
	const char *parts[] = {json_str(o, "city"), json_str(o, "state_name"),
	                       json_str(o, "country")};
	if (!r && !pl.n)
		r = json_places_add(&pl, parts, JK_ARRAY_LEN(parts));
	return json_places_set(&pl, &p->location, r);
}

/* {"min": "18.50", "max": "22", "currency": "EUR", "period": "month"}. */
static int rt_salary(posting *p, const cJSON *s)
{
	double lo = NAN, hi = NAN;
	if (!json_num(json_get(s, "min"), &lo))
		lo = NAN;
	if (!json_num(json_get(s, "max"), &hi))
		hi = NAN;
	const char *period = json_str(s, "period");
	char per[32] = "";
	if (period && strlen(period) < 16 &&
	    strspn(period, "abcdefghijklmnopqrstuvwxyz") == strlen(period))
		snprintf(per, sizeof per, "per %s", period);
	return json_set_pay(&p->pay, json_str(s, "currency"), lo, hi, per[0] ? per : NULL);
}

/* True when the HTML opens with a heading of its own. */
static bool rt_headed(const char *html)
{
	while (isspace((unsigned char)*html))
		html++;
	return html[0] == '<' && (html[1] == 'h' || html[1] == 'H') && html[2] >= '1' &&
	       html[2] <= '6';
}

/* description, then requirements under a heading. */
static int rt_sections(posting *p, const cJSON *o, import_links *links, const char *base,
                       jk_err *err)
{
	const char *desc = json_str(o, "description"), *req = json_str(o, "requirements");
	int r = desc ? import_body(p, desc, strlen(desc), BODY_HTML, 0, links, base, err) : JK_OK;
	if (!r && req && !rt_headed(req) && !posting_add_section(p, "Requirements"))
		r = JK_ENOMEM;
	if (!r && req)
		r = import_body(p, req, strlen(req), BODY_HTML, 0, links, base, err);
	return r;
}

/* The plain fields of an offer: close_at is when it stops taking
 * applications. */
static const json_field rt_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"title"}},
    {JSON_TEXT, JSON_AT(organization), {"company_name"}},
    {JSON_DATE, JSON_AT(posted), {"published_at"}},
    {JSON_DATE, JSON_AT(posted), {"created_at"}},
    {JSON_DATE, JSON_AT(expires), {"close_at"}},
    {JSON_APPLY, 0, {"careers_apply_url"}},
    {JSON_APPLY, 0, {"careers_url"}},
    {JSON_ID, 0, {"id"}},
    {JSON_ID, 0, {"slug"}},
    {JSON_TAGS, 0, {"department"}},
    {JSON_TAGS, 0, {"tags"}},
};

/* Places, kinds of work, pay and sections: what the table does not say. */
static int rt_rest(json_doc *d, posting *p, const cJSON *o, import_links *links, jk_err *err)
{
	int r = rt_locations(p, o);
	if (!r)
		r = rt_employment(p, json_str(o, "employment_type_code"));
	if (!r)
		r = rt_workplace(p, o);
	if (!r)
		r = rt_salary(p, json_get(o, "salary"));
	if (!r)
		r = rt_sections(p, o, links, d->base, err);
	return r;
}

static int rt_offer(json_doc *d, const cJSON *o, jk_err *err)
{
	if (rt_hidden(o) ||
	    (!json_str(o, "title") && !json_str(o, "description") && !json_str(o, "requirements")))
		return JK_OK;
	return json_posting(d, o, rt_fields, JK_ARRAY_LEN(rt_fields), rt_rest, err);
}

/* Says how many offers (of a list, or one) are not published. */
static void rt_unpublished(const json_doc *d, const cJSON *v)
{
	size_t n = rt_hidden(v);
	const cJSON *o;
	cJSON_ArrayForEach(o, json_arr(v)) n += rt_hidden(o);
	if (n)
		import_warnf(d->o, "skipped %zu unpublished Recruitee offer%s", n,
		             n == 1 ? "" : "s");
}

/* {"offers": [...]}, a bare list, {"offer": {...}} or one offer. */
static int rt_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *offers = cJSON_IsArray(root) ? root : json_get(root, "offers");
	const cJSON *one = cJSON_IsObject(json_get(root, "offer")) ? json_get(root, "offer") : root;
	if (cJSON_IsArray(offers)) {
		rt_unpublished(d, offers);
		return json_doc_each(d, offers, rt_offer, err);
	}
	if (!offers && (json_str(one, "careers_url") || json_str(one, "careers_apply_url") ||
	                (one != root && json_str(one, "title")))) {
		rt_unpublished(d, one);
		return rt_offer(d, one, err);
	}
	return jk_fail(err, JK_EFORMAT, "Recruitee JSON without an \"offers\" list");
}

int import_recruitee(const char *data, size_t len, const import_opts *opts, posting_list *out,
                     jk_err *err)
{
	return json_doc_read(data, len, opts, out, rt_root, err);
}
