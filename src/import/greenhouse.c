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

static int gh_job(json_doc *d, const cJSON *j, jk_err *err)
{
	const char *title = json_str(j, "title"), *content = json_str(j, "content");
	if (!title && !content)
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	const cJSON *loc = json_get(j, "location");
	const char *org =
	    json_str(j, "company_name") ? json_str(j, "company_name") : json_str(j, "company");
	int r = import_set_text(&p->title, title);
	if (!r)
		r = import_set_text(&p->organization, org ? org : d->org);
	if (!r)
		r = import_set_text(&p->location,
		                    cJSON_IsString(loc) ? loc->valuestring : json_str(loc, "name"));
	const cJSON *office;
	cJSON_ArrayForEach(office, json_arr(json_get(j, "offices")))
	{
		if (!r && !p->location)
			r = import_set_text(&p->location, json_str(office, "location")
			                                      ? json_str(office, "location")
			                                      : json_str(office, "name"));
	}
	if (!r)
		r = import_set_date(&p->posted, json_str(j, "first_published")
		                                    ? json_str(j, "first_published")
		                                    : json_str(j, "updated_at"));
	if (!r)
		r = json_set_apply(p, json_str(j, "absolute_url"), d->base);
	if (!r)
		r = json_set_id(p, json_get(j, "id"));
	if (!r)
		r = json_add_tags(p, json_get(j, "departments"));
	if (!r)
		r = gh_metadata(p, json_get(j, "metadata"));
	const cJSON *pr;
	cJSON_ArrayForEach(pr, json_arr(json_get(j, "pay_input_ranges")))
	{
		double lo = NAN, hi = NAN;
		/* Both read, so a range with only a maximum still shows. */
		bool has_lo = json_num(json_get(pr, "min_cents"), &lo),
		     has_hi = json_num(json_get(pr, "max_cents"), &hi);
		if (!r && (has_lo || has_hi))
			r = json_set_pay(&p->pay, json_str(pr, "currency_type"), lo / 100, hi / 100,
			                 NULL);
	}
	if (!r && content) {
		/* content is HTML escaped once more: &lt;p&gt; */
		char *html = import_decode_entities(content, strlen(content));
		r = html ? import_body(p, html, strlen(html), BODY_HTML, 0, &links, d->base, err)
		         : JK_ENOMEM;
		free(html);
	}
	return import_push(r, p, &links, d->base, d->out);
}

int import_greenhouse(const char *data, size_t len, const import_opts *opts, posting_list *out,
                      jk_err *err)
{
	json_doc d;
	cJSON *root;
	int r = json_doc_begin(&d, data, len, opts, out, &root, err);
	if (r)
		return r;
	const cJSON *jobs = json_get(root, "jobs");
	if (!jobs && cJSON_IsArray(root))
		jobs = root;
	if (cJSON_IsArray(jobs)) {
		r = json_doc_each(&d, jobs, gh_job, err);
	} else if (!jobs && (json_str(root, "absolute_url") || json_str(root, "content"))) {
		r = gh_job(&d, root, err);
	} else {
		r = jk_fail(err, JK_EFORMAT, "Greenhouse JSON without a \"jobs\" list");
	}
	return json_doc_end(&d, root, r, err);
}
