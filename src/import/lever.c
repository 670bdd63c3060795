/* lever.c — layer 3: Lever postings (cJSON), a list or one. Values of the
 * wrong type are ignored field by field; entries that are not objects
 * are skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "per-year-salary" → "per year"; "one-time" stays. */
static void lever_interval(const char *iv, char *out, size_t n)
{
	out[0] = '\0';
	if (!iv)
		return;
	if (!strncasecmp(iv, "per-", 4)) {
		size_t k = strcspn(iv + 4, "-");
		if (k && k < 16)
			snprintf(out, n, "per %.*s", (int)k, iv + 4);
	} else if (!strcasecmp(iv, "one-time")) {
		snprintf(out, n, "one-time");
	}
}

static int lever_html_escape(jk_buf *b, const char *s)
{
	int r = JK_OK;
	for (; *s && !r; s++)
		r = *s == '<'   ? jk_buf_puts(b, "&lt;")
		    : *s == '>' ? jk_buf_puts(b, "&gt;")
		    : *s == '&' ? jk_buf_puts(b, "&amp;")
		                : jk_buf_putc(b, *s);
	return r;
}

/* Description, the lists (each a section under its own heading) and the
 * closing text, HTML where Lever gives it, plain text otherwise. */
static int lever_sections(posting *p, const cJSON *j, import_links *links, const char *base,
                          jk_err *err)
{
	jk_buf h = {.limit = IMPORT_MAX_BYTES};
	int r = JK_OK;
	const char *desc = json_str(j, "description"), *plain = json_str(j, "descriptionPlain");
	if (desc)
		r = jk_buf_puts(&h, desc);
	else if (plain)
		r = import_body(p, plain, strlen(plain), BODY_TEXT, 0, links, base, err);
	const cJSON *l;
	cJSON_ArrayForEach(l, json_arr(json_get(j, "lists")))
	{
		const char *head = json_str(l, "text"), *items = json_str(l, "content");
		if (r || !items)
			continue;
		if (head && !(r = jk_buf_puts(&h, "<h3>")) && !(r = lever_html_escape(&h, head)))
			r = jk_buf_puts(&h, "</h3>");
		if (!r)
			r = jk_buf_printf(&h, "<ul>%s</ul>", items);
	}
	if (!r && h.len)
		r = import_body(p, h.data, h.len, BODY_HTML, 0, links, base, err);
	/* The closing text belongs to no list: a section of its own. */
	const char *more = json_str(j, "additional"), *more_plain = json_str(j, "additionalPlain");
	if (!r && (more || more_plain) && !posting_add_section(p, NULL))
		r = JK_ENOMEM;
	if (!r && more)
		r = import_body(p, more, strlen(more), BODY_HTML, 0, links, base, err);
	else if (!r && more_plain)
		r = import_body(p, more_plain, strlen(more_plain), BODY_TEXT, 0, links, base, err);
	jk_buf_free(&h);
	if (r == JK_ETOOBIG)
		r = jk_fail(err, r, "posting text too large");
	return r;
}

static int lever_posting(json_doc *d, const cJSON *j, jk_err *err)
{
	const char *title = json_str(j, "text");
	if (!title && !json_str(j, "description") && !json_str(j, "descriptionPlain"))
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	const cJSON *cat = json_get(j, "categories"), *sal = json_get(j, "salaryRange");
	int r = import_set_text(&p->title, title);
	if (!r)
		r = import_set_text(&p->organization,
		                    json_str(j, "company") ? json_str(j, "company") : d->org);
	if (!r)
		r = import_set_text(&p->location, json_str(cat, "location"));
	const cJSON *loc;
	cJSON_ArrayForEach(loc, json_arr(json_get(cat, "allLocations")))
	{
		if (!r && !p->location && cJSON_IsString(loc))
			r = import_set_text(&p->location, loc->valuestring);
	}
	if (!r)
		r = import_set_text(&p->employment, json_str(cat, "commitment"));
	const char *wt = json_str(j, "workplaceType");
	if (!r && wt && strcasecmp(wt, "unspecified"))
		r = import_employment_add(&p->employment,
		                          !strcasecmp(wt, "remote")   ? "Remote"
		                          : !strcasecmp(wt, "hybrid") ? "Hybrid"
		                          : !strcasecmp(wt, "onsite") ? "On-site"
		                                                      : wt,
		                          true);
	if (!r && cJSON_IsObject(sal)) {
		double lo = NAN, hi = NAN;
		char per[32];
		json_num(json_get(sal, "min"), &lo);
		json_num(json_get(sal, "max"), &hi);
		lever_interval(json_str(sal, "interval"), per, sizeof per);
		r = json_set_pay(&p->pay, json_str(sal, "currency"), lo, hi, per[0] ? per : NULL);
	}
	if (!r)
		r = json_set_apply(
		    p, json_str(j, "applyUrl") ? json_str(j, "applyUrl") : json_str(j, "hostedUrl"),
		    d->base);
	if (!r)
		r = json_set_id(p, json_get(j, "id"));
	const cJSON *created = json_get(j, "createdAt");
	if (!r && cJSON_IsNumber(created) && created->valuedouble > 0 &&
	    created->valuedouble < 1e15) {
		char ms[32];
		snprintf(ms, sizeof ms, "%.0f", created->valuedouble);
		r = import_set_date(&p->posted, ms);
	}
	if (!r)
		r = json_add_tags(p, json_get(cat, "team"));
	if (!r)
		r = json_add_tags(p, json_get(cat, "department"));
	if (!r)
		r = json_add_tags(p, json_get(j, "tags"));
	if (!r)
		r = lever_sections(p, j, &links, d->base, err);
	return import_push(r, p, &links, d->base, d->out);
}

int import_lever(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err)
{
	json_doc d;
	cJSON *root;
	int r = json_doc_begin(&d, data, len, opts, out, &root, err);
	if (r)
		return r;
	/* The public API gives an array; the private one {"data": [...]}; one
	 * posting's endpoint a single object. */
	const cJSON *list = cJSON_IsArray(root) ? root : json_get(root, "data");
	if (cJSON_IsArray(list)) {
		r = json_doc_each(&d, list, lever_posting, err);
	} else if (cJSON_IsObject(root) &&
	           (json_str(root, "text") || json_str(root, "hostedUrl"))) {
		r = lever_posting(&d, root, err);
	} else {
		r = jk_fail(err, JK_EFORMAT, "Lever JSON without a list of postings");
	}
	return json_doc_end(&d, root, r, err);
}
