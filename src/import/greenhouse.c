/* greenhouse.c — layer 3: Greenhouse job boards ({"jobs":[...]}) and
 * single jobs (cJSON). Values of the wrong type are ignored field by
 * field; entries that are not objects are skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A metadata value as text: strings, numbers, lists of strings. */
static char *meta_text(const cJSON *v)
{
	char tmp[32];
	if (cJSON_IsString(v))
		return jk_strndup(v->valuestring, (size_t)-1);
	if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
		snprintf(tmp, sizeof tmp, "%g", v->valuedouble);
		return jk_strndup(tmp, (size_t)-1);
	}
	if (!cJSON_IsArray(v))
		return NULL;
	jk_buf b = {0};
	const cJSON *e;
	int r = JK_OK;
	cJSON_ArrayForEach(e, v)
	{
		if (cJSON_IsString(e) && !r)
			r = jk_buf_printf(&b, "%s%s", b.len ? ", " : "", e->valuestring);
	}
	if (r || !b.len) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

static int gh_metadata(posting *p, const cJSON *meta)
{
	int r = JK_OK;
	const cJSON *m;
	/* The workplace qualifies the employment type, so it comes second. */
	for (int pass = 0; pass < 2; pass++)
		cJSON_ArrayForEach(m, json_arr(meta))
		{
			const char *name = json_str(m, "name");
			const cJSON *v = json_get(m, "value");
			if (!name || r)
				continue;
			bool where = jk_strcasestr(name, "workplace") ||
			             jk_strcasestr(name, "remote") ||
			             jk_strcasestr(name, "location type");
			if (where != (pass == 1))
				continue;
			bool pay = jk_strcasestr(name, "salary") || jk_strcasestr(name, "pay") ||
			           jk_strcasestr(name, "compensation") ||
			           jk_strcasestr(name, "wage");
			if (pay && cJSON_IsObject(v)) { /* currency_range */
				double lo = NAN, hi = NAN;
				json_num(json_get(v, "min_value"), &lo);
				json_num(json_get(v, "max_value"), &hi);
				r = json_set_pay(&p->pay, json_str(v, "unit"), lo, hi, NULL);
				continue;
			}
			char *t = meta_text(v);
			if (!t)
				continue;
			if (where)
				r = import_employment_add(&p->employment, t, true);
			else if (pay)
				r = posting_set_default(&p->pay, t, (size_t)-1);
			else if (jk_strcasestr(name, "employment") ||
			         jk_strcasestr(name, "job type") ||
			         jk_strcasestr(name, "commitment") ||
			         jk_strcasestr(name, "schedule"))
				r = posting_set_default(&p->employment, t, (size_t)-1);
			else if (jk_strcasestr(name, "expir") || jk_strcasestr(name, "closing") ||
			         jk_strcasestr(name, "deadline"))
				r = import_set_date(&p->expires, t);
			else if (jk_strcasestr(name, "location"))
				r = posting_set_default(&p->location, t, (size_t)-1);
			free(t);
		}
	return r;
}

/* The plain fields of a job. */
static const json_field gh_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"title"}},
    {JSON_ORG, 0, {"company_name", "company"}},
    {JSON_TEXT, JSON_AT(location), {"location", "location/name"}},
    {JSON_DATE, JSON_AT(posted), {"first_published", "updated_at"}},
    {JSON_APPLY, 0, {"absolute_url"}},
    {JSON_ID, 0, {"id"}},
    {JSON_TAGS, 0, {"departments"}},
};

/* An office names the place when the job's own location does not. */
static int gh_offices(posting *p, const cJSON *offices)
{
	int r = JK_OK;
	const cJSON *office;
	cJSON_ArrayForEach(office, json_arr(offices))
	{
		if (!r && !p->location)
			r = import_set_text(&p->location, json_str(office, "location")
			                                      ? json_str(office, "location")
			                                      : json_str(office, "name"));
	}
	return r;
}

/* Pay ranges in cents, when the metadata gave no pay. */
static int gh_pay(posting *p, const cJSON *ranges)
{
	int r = JK_OK;
	const cJSON *pr;
	cJSON_ArrayForEach(pr, json_arr(ranges))
	{
		double lo = NAN, hi = NAN;
		/* Both read, so a range with only a maximum still shows. */
		bool has_lo = json_num(json_get(pr, "min_cents"), &lo),
		     has_hi = json_num(json_get(pr, "max_cents"), &hi);
		if (!r && (has_lo || has_hi))
			r = json_set_pay(&p->pay, json_str(pr, "currency_type"), lo / 100, hi / 100,
			                 NULL);
	}
	return r;
}

/* Offices, metadata, pay ranges and the content: what the table does not
 * say. */
static int gh_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	const char *content = json_str(j, "content");
	int r = gh_offices(p, json_get(j, "offices"));
	if (!r)
		r = gh_metadata(p, json_get(j, "metadata"));
	if (!r)
		r = gh_pay(p, json_get(j, "pay_input_ranges"));
	if (!r && content) {
		/* content is HTML escaped once more: &lt;p&gt; */
		char *html = import_decode_entities(content, strlen(content));
		r = html ? import_body(p, html, strlen(html), BODY_HTML, 0, links, d->base, err)
		         : JK_ENOMEM;
		free(html);
	}
	return r;
}

static int gh_job(json_doc *d, const cJSON *j, jk_err *err)
{
	if (!json_str(j, "title") && !json_str(j, "content"))
		return JK_OK;
	return json_posting(d, j, gh_fields, JK_ARRAY_LEN(gh_fields), gh_rest, err);
}

/* A board ({"jobs": [...]}), a bare list, or one job. */
static int gh_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *jobs = json_get(root, "jobs");
	if (!jobs && cJSON_IsArray(root))
		jobs = root;
	if (cJSON_IsArray(jobs))
		return json_doc_each(d, jobs, gh_job, err);
	if (!jobs && (json_str(root, "absolute_url") || json_str(root, "content")))
		return gh_job(d, root, err);
	return jk_fail(err, JK_EFORMAT, "Greenhouse JSON without a \"jobs\" list");
}

int import_greenhouse(const char *data, size_t len, const import_opts *opts, posting_list *out,
                      jk_err *err)
{
	return json_doc_read(data, len, opts, out, gh_root, err);
}
