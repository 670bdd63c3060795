/* breezy.c — layer 3: Breezy HR's public list of positions
 * (GET https://COMPANY.breezy.hr/json, cJSON): an array of positions
 * without their description. Each position's page ("url") is where a
 * person applies and the document that has the text, so it is both the
 * apply target and posting.detail (the HTML reader reads that page).
 * Values of the wrong type are ignored field by field; entries that are
 * not objects are skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A value that is a string or an object with a "name" ({"id":"NY",
 * "name":"New York"}). */
static const char *bz_name(const cJSON *v)
{
	if (cJSON_IsString(v) && *v->valuestring)
		return v->valuestring;
	return json_str(v, "name");
}

/* One location: its "name" ("Lisbon, PT"), else city, state and country. */
static int bz_place(posting *p, const cJSON *loc)
{
	if (bz_name(loc))
		return import_set_text(&p->location, bz_name(loc));
	const char *parts[] = {json_str(loc, "city"), bz_name(json_get(loc, "state")),
	                       bz_name(json_get(loc, "country"))};
	jk_buf b = {.limit = 1024};
	int r = JK_OK;
	for (size_t i = 0; i < JK_ARRAY_LEN(parts) && !r; i++)
		if (parts[i])
			r = jk_buf_printf(&b, "%s%s", b.len ? ", " : "", parts[i]);
	if (!r && b.len)
		r = import_set_text(&p->location, b.data);
	jk_buf_free(&b);
	return r == JK_ETOOBIG ? JK_OK : r;
}

/* "location", or the first of "locations" that names a place; a remote
 * flag on either qualifies the kind of work. */
static int bz_location(posting *p, const cJSON *j)
{
	const cJSON *loc = json_get(j, "location"), *e;
	bool remote = cJSON_IsTrue(json_get(loc, "is_remote"));
	int r = cJSON_IsObject(loc) ? bz_place(p, loc) : JK_OK;
	cJSON_ArrayForEach(e, json_arr(json_get(j, "locations")))
	{
		remote |= cJSON_IsTrue(json_get(e, "is_remote"));
		if (!r && !p->location && cJSON_IsObject(e))
			r = bz_place(p, e);
	}
	if (!r && remote)
		r = import_employment_add(&p->employment, "Remote", true);
	return r;
}

/* "salary" is the text the company typed ("$60,000 - $80,000"); a bare
 * number is an amount. */
static int bz_salary(posting *p, const cJSON *v)
{
	double amount;
	if (cJSON_IsString(v))
		return import_set_text(&p->pay, v->valuestring);
	if (!cJSON_IsNumber(v) || !json_num(v, &amount) || amount <= 0 || amount >= 1e12)
		return JK_OK;
	jk_buf b = {0};
	int r = import_money(&b, amount, amount != floor(amount));
	if (!r)
		r = posting_set(&p->pay, b.data, b.len);
	jk_buf_free(&b);
	return r;
}

/* The plain fields of a position. Its page ("url") is also where one
 * applies. Type, state, country and department are strings or objects with
 * a "name". */
static const json_field bz_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"name"}},
    {JSON_TEXT, JSON_AT(organization), {"company/name"}},
    {JSON_KIND, 0, {"type", "type/name"}},
    {JSON_DATE, JSON_AT(posted), {"published_date"}},
    {JSON_ID, 0, {"id"}},
    {JSON_ID, 0, {"friendly_id"}},
    {JSON_TAG, 0, {"department", "department/name"}},
    {JSON_APPLY, 0, {"url"}},
};

/* Places, pay and the page that has the text: what the table does not
 * say. */
static int bz_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	(void)links, (void)err;
	int r = bz_location(p, j);
	if (!r)
		r = bz_salary(p, json_get(j, "salary"));
	if (!r)
		r = import_set_detail(p, json_str(j, "url"), d->base);
	return r;
}

static int bz_position(json_doc *d, const cJSON *j, jk_err *err)
{
	if (!json_str(j, "name") && !json_str(j, "url"))
		return JK_OK;
	return json_posting(d, j, bz_fields, JK_ARRAY_LEN(bz_fields), bz_rest, err);
}

/* The list of positions, or one. */
static int bz_root(json_doc *d, const cJSON *root, jk_err *err)
{
	if (cJSON_IsArray(root))
		return json_doc_each(d, root, bz_position, err);
	if (cJSON_IsObject(root) && (json_str(root, "friendly_id") || json_str(root, "url")))
		return bz_position(d, root, err);
	return jk_fail(err, JK_EFORMAT, "Breezy JSON that is not a list of positions");
}

int import_breezy(const char *data, size_t len, const import_opts *opts, posting_list *out,
                  jk_err *err)
{
	return json_doc_read(data, len, opts, out, bz_root, err);
}
