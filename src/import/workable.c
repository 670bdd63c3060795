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

static int wk_fields(json_doc *d, posting *p, const cJSON *j)
{
	int r = import_set_text(&p->title, json_str(j, "title"));
	if (!r)
		r = import_set_text(&p->organization, d->org);
	if (!r)
		r = wk_locations(p, j);
	if (!r)
		r = wk_employment(p, j);
	if (!r)
		r = import_set_date(&p->posted, json_str(j, "published_on"));
	if (!r)
		r = import_set_date(&p->posted, json_str(j, "created_at"));
	if (!r)
		r = json_set_apply(p, json_str(j, "application_url"), d->base);
	if (!r)
		r = json_set_apply(p, json_str(j, "url"), d->base);
	if (!r)
		r = json_set_apply(p, json_str(j, "shortlink"), d->base);
	if (!r)
		r = json_set_id(p, json_get(j, "shortcode"));
	if (!r && !p->native_id)
		r = json_set_id(p, json_get(j, "id"));
	if (!r)
		r = json_add_tags(p, json_get(j, "department"));
	if (!r)
		r = json_add_tags(p, json_get(j, "function"));
	return r;
}

static int wk_job(json_doc *d, const cJSON *j, jk_err *err)
{
	if (!json_str(j, "title") && !json_str(j, "description") &&
	    !json_str(j, "full_description"))
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	int r = wk_fields(d, p, j);
	if (!r)
		r = wk_sections(p, j, &links, d->base, err);
	return import_push(r, p, &links, d->base, d->out);
}

int import_workable(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	json_doc d;
	cJSON *root;
	int r = json_doc_begin(&d, data, len, opts, out, &root, err);
	if (r)
		return r;
	const cJSON *jobs = cJSON_IsArray(root) ? root : json_get(root, "jobs");
	if (cJSON_IsArray(jobs)) {
		const char *org = json_str(root, "name");
		if (org && !(d.org = jk_strndup(org, (size_t)-1)))
			r = JK_ENOMEM;
		if (!r)
			r = json_doc_each(&d, jobs, wk_job, err);
	} else if (!jobs && (json_str(root, "shortcode") || json_str(root, "application_url"))) {
		r = wk_job(&d, root, err);
	} else {
		r = jk_fail(err, JK_EFORMAT, "Workable JSON without a \"jobs\" list");
	}
	return json_doc_end(&d, root, r, err);
}
