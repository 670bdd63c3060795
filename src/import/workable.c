/* workable.c — layer 3: Workable's public widget API with details
 * ({"name": company, "description": ..., "jobs": [...]}) and one job of it
 * (cJSON). Values of the wrong type are ignored field by field; entries
 * that are not objects are skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* city, region (key given), country of o as one place. */
static int wk_place(json_places *pl, const cJSON *o, const char *region)
{
	const char *parts[] = {json_str(o, "city"), json_str(o, region), json_str(o, "country")};
	return json_places_add(pl, parts, JK_ARRAY_LEN(parts));
}

/* The widget's city, state and country, the job's location object (the
 * account API's shape), then the locations not marked hidden. */
static int wk_locations(posting *p, const cJSON *j)
{
	json_places pl = {0};
	const cJSON *loc = json_get(j, "location"), *e;
	int r = JK_OK;
	/* Only beside a city or country is "state" a region: elsewhere
	 * Workable uses it for published/draft. */
	if (json_str(j, "city") || json_str(j, "country"))
		r = wk_place(&pl, j, "state");
	const char *where = cJSON_IsString(loc) ? loc->valuestring : NULL;
	if (!r && where)
		r = json_places_add(&pl, &where, 1);
	else if (!r)
		r = wk_place(&pl, loc, "region");
	cJSON_ArrayForEach(e, json_arr(json_get(j, "locations")))
	{
		if (!r && !cJSON_IsTrue(json_get(e, "hidden")))
			r = wk_place(&pl, e, "region");
	}
	return json_places_set(&pl, &p->location, r);
}

/* "Full-time" and the like as every reader writes them ("Other" says
 * nothing); telecommuting or a workplace type qualifies it. */
static int wk_employment(posting *p, const cJSON *j)
{
	const char *et = json_str(j, "employment_type");
	size_t used = 0;
	const char *kind = et ? import_employment_kind(et, strlen(et), &used) : NULL;
	int r = JK_OK;
	if (et && strcasecmp(et, "other"))
		r = import_employment_add(&p->employment, kind && !et[used] ? kind : et, false);
	const cJSON *loc = json_get(j, "location");
	const char *wt = json_str(j, "workplace_type") ? json_str(j, "workplace_type")
	                                               : json_str(loc, "workplace_type");
	const char *where = !wt                          ? NULL
	                    : !strcasecmp(wt, "remote")  ? "Remote"
	                    : !strcasecmp(wt, "hybrid")  ? "Hybrid"
	                    : !strcasecmp(wt, "on_site") ? "On-site"
	                                                 : NULL;
	if (!where && (cJSON_IsTrue(json_get(j, "telecommuting")) ||
	               cJSON_IsTrue(json_get(loc, "telecommuting"))))
		where = "Remote";
	if (!r && where)
		r = import_employment_add(&p->employment, where, true);
	return r;
}

/* The description, or with the account API the parts it splits it into,
 * each under its heading; the experience and education it asks for. */
static int wk_sections(posting *p, const cJSON *j, import_links *links, const char *base,
                       jk_err *err)
{
	static const struct {
		const char *key, *heading;
		int kind;
	} parts[] = {{"description", NULL, BODY_HTML},
	             {"requirements", "Requirements", BODY_HTML},
	             {"benefits", "Benefits", BODY_HTML},
	             {"experience", "Experience", BODY_TEXT},
	             {"education", "Education", BODY_TEXT}};
	const char *full = json_str(j, "full_description");
	int r = JK_OK;
	for (size_t i = 0; i < JK_ARRAY_LEN(parts) && !r; i++) {
		const char *s = json_str(j, parts[i].key);
		if (full && i < 3) /* it holds description, requirements, benefits */
			s = i == 0 ? full : NULL;
		if (!s)
			continue;
		if (parts[i].heading && !posting_add_section(p, parts[i].heading))
			r = JK_ENOMEM;
		if (!r)
			r = import_body(p, s, strlen(s), parts[i].kind, 0, links, base, err);
	}
	return r;
}

/* The plain fields of a job; the account's name is the organisation. */
static const json_field wk_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"title"}},
    {JSON_ORG, 0, {NULL}},
    {JSON_DATE, JSON_AT(posted), {"published_on"}},
    {JSON_DATE, JSON_AT(posted), {"created_at"}},
    {JSON_APPLY, 0, {"application_url"}},
    {JSON_APPLY, 0, {"url"}},
    {JSON_APPLY, 0, {"shortlink"}},
    {JSON_ID, 0, {"shortcode"}},
    {JSON_ID, 0, {"id"}},
    {JSON_TAGS, 0, {"department"}},
    {JSON_TAGS, 0, {"function"}},
};

/* Places, kinds of work and sections: what the table does not say. */
static int wk_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	int r = wk_locations(p, j);
	if (!r)
		r = wk_employment(p, j);
	if (!r)
		r = wk_sections(p, j, links, d->base, err);
	return r;
}

static int wk_job(json_doc *d, const cJSON *j, jk_err *err)
{
	if (!json_str(j, "title") && !json_str(j, "description") &&
	    !json_str(j, "full_description"))
		return JK_OK;
	return json_posting(d, j, wk_fields, JK_ARRAY_LEN(wk_fields), wk_rest, err);
}

/* The widget's {"name": ..., "jobs": [...]}, a bare list, or one job. */
static int wk_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *jobs = cJSON_IsArray(root) ? root : json_get(root, "jobs");
	if (cJSON_IsArray(jobs)) {
		const char *org = json_str(root, "name");
		if (org && !(d->org = jk_strndup(org, (size_t)-1)))
			return JK_ENOMEM;
		return json_doc_each(d, jobs, wk_job, err);
	}
	if (!jobs && (json_str(root, "shortcode") || json_str(root, "application_url")))
		return wk_job(d, root, err);
	return jk_fail(err, JK_EFORMAT, "Workable JSON without a \"jobs\" list");
}

int import_workable(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	return json_doc_read(data, len, opts, out, wk_root, err);
}
