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

/* The plain fields of a posting. */
static const json_field lever_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"text"}},
    {JSON_ORG, 0, {"company"}},
    {JSON_TEXT, JSON_AT(location), {"categories/location"}},
    {JSON_TEXT, JSON_AT(employment), {"categories/commitment"}},
    {JSON_APPLY, 0, {"applyUrl", "hostedUrl"}},
    {JSON_ID, 0, {"id"}},
    {JSON_TAGS, 0, {"categories/team"}},
    {JSON_TAGS, 0, {"categories/department"}},
    {JSON_TAGS, 0, {"tags"}},
};

/* The first of allLocations when categories name no location. */
static int lever_locations(posting *p, const cJSON *all)
{
	int r = JK_OK;
	const cJSON *loc;
	cJSON_ArrayForEach(loc, json_arr(all))
	{
		if (!r && !p->location && cJSON_IsString(loc))
			r = import_set_text(&p->location, loc->valuestring);
	}
	return r;
}

/* The workplace qualifies the commitment. */
static int lever_workplace(posting *p, const char *wt)
{
	if (!wt || !strcasecmp(wt, "unspecified"))
		return JK_OK;
	return import_employment_add(&p->employment,
	                             !strcasecmp(wt, "remote")   ? "Remote"
	                             : !strcasecmp(wt, "hybrid") ? "Hybrid"
	                             : !strcasecmp(wt, "onsite") ? "On-site"
	                                                         : wt,
	                             true);
}

static int lever_salary(posting *p, const cJSON *sal)
{
	if (!cJSON_IsObject(sal))
		return JK_OK;
	double lo = NAN, hi = NAN;
	char per[32];
	json_num(json_get(sal, "min"), &lo);
	json_num(json_get(sal, "max"), &hi);
	lever_interval(json_str(sal, "interval"), per, sizeof per);
	return json_set_pay(&p->pay, json_str(sal, "currency"), lo, hi, per[0] ? per : NULL);
}

/* createdAt is milliseconds since 1970, a number. */
static int lever_created(posting *p, const cJSON *created)
{
	if (!(cJSON_IsNumber(created) && created->valuedouble > 0 && created->valuedouble < 1e15))
		return JK_OK;
	char ms[32];
	snprintf(ms, sizeof ms, "%.0f", created->valuedouble);
	return import_set_date(&p->posted, ms);
}

/* Places, workplace, pay, date and sections: what the table does not say. */
static int lever_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	int r = lever_locations(p, json_get(json_get(j, "categories"), "allLocations"));
	if (!r)
		r = lever_workplace(p, json_str(j, "workplaceType"));
	if (!r)
		r = lever_salary(p, json_get(j, "salaryRange"));
	if (!r)
		r = lever_created(p, json_get(j, "createdAt"));
	if (!r)
		r = lever_sections(p, j, links, d->base, err);
	return r;
}

static int lever_posting(json_doc *d, const cJSON *j, jk_err *err)
{
	if (!json_str(j, "text") && !json_str(j, "description") && !json_str(j, "descriptionPlain"))
		return JK_OK;
	return json_posting(d, j, lever_fields, JK_ARRAY_LEN(lever_fields), lever_rest, err);
}

/* The public API gives an array; the private one {"data": [...]}; one
 * posting's endpoint a single object. */
static int lever_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *list = cJSON_IsArray(root) ? root : json_get(root, "data");
	if (cJSON_IsArray(list))
		return json_doc_each(d, list, lever_posting, err);
	if (cJSON_IsObject(root) && (json_str(root, "text") || json_str(root, "hostedUrl")))
		return lever_posting(d, root, err);
	return jk_fail(err, JK_EFORMAT, "Lever JSON without a list of postings");
}

int import_lever(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err)
{
	return json_doc_read(data, len, opts, out, lever_root, err);
}
