/* ashby.c — layer 3: Ashby's public job board (the posting API,
 * {"apiVersion": ..., "jobs": [...]}) and one job of it (cJSON). Unlisted
 * jobs are skipped, and pay shows only where the board says to display it.
 * Values of the wrong type are ignored field by field; entries that are
 * not objects are skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int ashby_hex(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* The board's name, which is the company's: from the API address
 * (.../posting-api/job-board/NAME) or a job's page
 * (jobs.ashbyhq.com/NAME/...), percent-escapes decoded. Caller frees. */
static char *ashby_board(const char *url)
{
	static const char *const marks[] = {"/posting-api/job-board/", "://jobs.ashbyhq.com/"};
	const char *s = NULL;
	for (size_t i = 0; url && !s && i < JK_ARRAY_LEN(marks); i++)
		if ((s = strstr(url, marks[i])))
			s += strlen(marks[i]);
	size_t n = s ? strcspn(s, "/?#") : 0;
	char *name = n && n <= 80 ? jk_strndup(s, n) : NULL, *w = name;
	for (const char *c = name; c && *c; c++) {
		int hi = *c == '%' ? ashby_hex(c[1]) : -1, lo = hi >= 0 ? ashby_hex(c[2]) : -1;
		*w++ = lo >= 0 ? (char)(hi * 16 + lo) : *c;
		c += lo >= 0 ? 2 : 0;
	}
	if (name)
		*w = '\0';
	return name;
}

/* The board's name from where the document came from, else from the
 * first job's page (jobs is a list or one job). Caller frees. */
static char *ashby_org(const import_opts *o, const cJSON *jobs)
{
	char *org = ashby_board(o ? o->source : NULL);
	bool list = cJSON_IsArray(jobs);
	for (const cJSON *j = list ? jobs->child : jobs; !org && j; j = list ? j->next : NULL)
		org = ashby_board(json_str(j, "jobUrl"));
	return org;
}

/* FullTime, PartTime, Intern, Contract, Temporary; then the workplace
 * (Remote, Hybrid, OnSite, or isRemote when there is none). */
static int ashby_employment(posting *p, const cJSON *j)
{
	const char *et = json_str(j, "employmentType"), *wt = json_str(j, "workplaceType");
	size_t used = 0;
	const char *kind = et ? import_employment_kind(et, strlen(et), &used) : NULL;
	int r = kind && !et[used] ? import_employment_add(&p->employment, kind, false) : JK_OK;
	const char *where = !wt                          ? NULL
	                    : !strcasecmp(wt, "Remote")  ? "Remote"
	                    : !strcasecmp(wt, "Hybrid")  ? "Hybrid"
	                    : !strcasecmp(wt, "OnSite")  ? "On-site"
	                    : !strcasecmp(wt, "On-site") ? "On-site"
	                                                 : NULL;
	if (!wt && cJSON_IsTrue(json_get(j, "isRemote")))
		where = "Remote";
	if (!r && where)
		r = import_employment_add(&p->employment, where, true);
	return r;
}

/* A schema.org PostalAddress as one place. */
static int ashby_address(json_places *pl, const cJSON *a)
{
	const char *parts[] = {json_str(a, "addressLocality"), json_str(a, "addressRegion"),
	                       json_str(a, "addressCountry")};
	return json_places_add(pl, parts, JK_ARRAY_LEN(parts));
}

/* location (else address.postalAddress), then secondaryLocations. */
static int ashby_locations(posting *p, const cJSON *j)
{
	json_places pl = {0};
	const char *loc = json_str(j, "location");
	int r = loc ? json_places_add(&pl, &loc, 1)
	            : ashby_address(&pl, json_get(json_get(j, "address"), "postalAddress"));
	const cJSON *e;
	cJSON_ArrayForEach(e, json_arr(json_get(j, "secondaryLocations")))
	{
		const char *s = cJSON_IsString(e) ? e->valuestring : json_str(e, "location");
		if (!r)
			r = s ? json_places_add(&pl, &s, 1)
			      : ashby_address(&pl, json_get(e, "address"));
	}
	return json_places_set(&pl, &p->location, r);
}

/* A salary component without a summary: "1 YEAR" reads "per year". */
static int ashby_salary(posting *p, const cJSON *comps)
{
	const cJSON *c;
	cJSON_ArrayForEach(c, json_arr(comps))
	{
		const char *type = json_str(c, "compensationType"), *iv = json_str(c, "interval");
		double lo = NAN, hi = NAN;
		char per[32] = "";
		if (!type || strcasecmp(type, "Salary"))
			continue;
		if (!json_num(json_get(c, "minValue"), &lo))
			lo = NAN;
		if (!json_num(json_get(c, "maxValue"), &hi))
			hi = NAN;
		if (iv && !strncmp(iv, "1 ", 2) && strlen(iv) < 16)
			snprintf(per, sizeof per, "per %s", iv + 2);
		for (char *s = per; *s; s++)
			*s = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
		return json_set_pay(&p->pay, json_str(c, "currencyCode"), lo, hi,
		                    per[0] ? per : NULL);
	}
	return JK_OK;
}

/* Only where the board shows pay on its own postings. */
static int ashby_pay(posting *p, const cJSON *j)
{
	if (!cJSON_IsTrue(json_get(j, "shouldDisplayCompensationOnJobPostings")))
		return JK_OK;
	const cJSON *c = json_get(j, "compensation");
	const char *s = json_str(c, "compensationTierSummary");
	if (!s)
		s = json_str(c, "scrapeableCompensationSalarySummary");
	return s ? import_set_text(&p->pay, s) : ashby_salary(p, json_get(c, "summaryComponents"));
}

/* The plain fields of a job: the board's own page when it gives no
 * apply address. */
static const json_field ashby_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"title"}},
    {JSON_ORG, 0, {"organizationName"}},
    {JSON_DATE, JSON_AT(posted), {"publishedAt"}},
    {JSON_APPLY, 0, {"applyUrl"}},
    {JSON_APPLY, 0, {"jobUrl"}},
    {JSON_ID, 0, {"id"}},
    {JSON_TAGS, 0, {"department"}},
    {JSON_TAGS, 0, {"team"}},
};

/* Places, kinds of work, pay and the description: what the table does
 * not say. */
static int ashby_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	const char *html = json_str(j, "descriptionHtml"), *plain = json_str(j, "descriptionPlain");
	int r = ashby_locations(p, j);
	if (!r)
		r = ashby_employment(p, j);
	if (!r)
		r = ashby_pay(p, j);
	if (!r && html)
		r = import_body(p, html, strlen(html), BODY_HTML, 0, links, d->base, err);
	else if (!r && plain)
		r = import_body(p, plain, strlen(plain), BODY_TEXT, 0, links, d->base, err);
	return r;
}

static int ashby_job(json_doc *d, const cJSON *j, jk_err *err)
{
	if (cJSON_IsFalse(json_get(j, "isListed")) ||
	    (!json_str(j, "title") && !json_str(j, "descriptionHtml") &&
	     !json_str(j, "descriptionPlain")))
		return JK_OK;
	return json_posting(d, j, ashby_fields, JK_ARRAY_LEN(ashby_fields), ashby_rest, err);
}

/* Says how many of the jobs (a list, or one job) are unlisted: they are
 * not shown. */
static void ashby_unlisted(const json_doc *d, const cJSON *v)
{
	size_t n = cJSON_IsFalse(json_get(v, "isListed"));
	const cJSON *j;
	cJSON_ArrayForEach(j, json_arr(v)) n += cJSON_IsFalse(json_get(j, "isListed"));
	if (n)
		import_warnf(d->o, "skipped %zu unlisted Ashby job%s", n, n == 1 ? "" : "s");
}

/* A board ({"jobs": [...]}), a bare list, or one job; the organisation
 * is the board's name. */
static int ashby_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *jobs = cJSON_IsArray(root) ? root : json_get(root, "jobs");
	d->org = ashby_org(d->o, cJSON_IsArray(jobs) ? jobs : root);
	if (cJSON_IsArray(jobs)) {
		ashby_unlisted(d, jobs);
		return json_doc_each(d, jobs, ashby_job, err);
	}
	if (!jobs && (json_str(root, "jobUrl") || json_str(root, "applyUrl") ||
	              json_str(root, "descriptionHtml"))) {
		ashby_unlisted(d, root);
		return ashby_job(d, root, err);
	}
	return jk_fail(err, JK_EFORMAT, "Ashby JSON without a \"jobs\" list");
}

int import_ashby(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err)
{
	return json_doc_read(data, len, opts, out, ashby_root, err);
}
