/* smartrecruiters.c — layer 3: SmartRecruiters' public Posting API (cJSON).
 * A page of the list ({"content":[...]}) holds postings without their job
 * ad: each names the document that has it in posting.detail. One posting's
 * detail (GET …/postings/{id}) holds the job ad's sections. Values of the
 * wrong type are ignored field by field; entries that are not objects are
 * skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* The job ad's sections, in the order SmartRecruiters' own pages show
 * them. Each has a title and HTML text. */
static const char *const sr_sections[] = {"companyDescription", "jobDescription", "qualifications",
                                          "additionalInformation"};

static int sr_job_ad(posting *p, const cJSON *j, import_links *links, const char *base, jk_err *err)
{
	const cJSON *secs = json_get(json_get(j, "jobAd"), "sections");
	int r = JK_OK;
	for (size_t i = 0; i < JK_ARRAY_LEN(sr_sections) && !r; i++) {
		const cJSON *s = json_get(secs, sr_sections[i]);
		const char *html = json_str(s, "text"), *title = json_str(s, "title");
		if (!html)
			continue;
		char *head = title ? import_decode_entities(title, strlen(title)) : NULL;
		if ((title && !head) || !posting_add_section(p, head))
			r = JK_ENOMEM;
		free(head);
		if (!r)
			r = import_body(p, html, strlen(html), BODY_HTML, 0, links, base, err);
	}
	return r;
}

/* fullLocation ("St. Louis, MO, United States"), else city, region and
 * the country code. */
static int sr_location(posting *p, const cJSON *loc)
{
	if (json_str(loc, "fullLocation"))
		return import_set_text(&p->location, json_str(loc, "fullLocation"));
	const char *parts[] = {json_str(loc, "city"), json_str(loc, "region"),
	                       json_str(loc, "country")};
	jk_buf b = {.limit = 1024};
	int r = JK_OK;
	for (size_t i = 0; i < JK_ARRAY_LEN(parts) && !r; i++) {
		if (!parts[i])
			continue;
		r = jk_buf_printf(&b, "%s%s", b.len ? ", " : "", parts[i]);
		if (!r && i == 2 && strlen(parts[i]) == 2) /* "us" */
			for (size_t k = b.len - 2; k < b.len; k++)
				b.data[k] = (char)toupper((unsigned char)b.data[k]);
	}
	if (!r && b.len)
		r = import_set_text(&p->location, b.data);
	jk_buf_free(&b);
	return r == JK_ETOOBIG ? JK_OK : r;
}

/* The location's remote and hybrid flags qualify the kind of work. */
static int sr_workplace(posting *p, const cJSON *loc)
{
	int r = JK_OK;
	if (cJSON_IsTrue(json_get(loc, "remote")))
		r = import_employment_add(&p->employment, "Remote", true);
	if (!r && cJSON_IsTrue(json_get(loc, "hybrid")))
		r = import_employment_add(&p->employment, "Hybrid", true);
	return r;
}

/* The first n bytes of url + "/" + seg as one path segment, or NULL.
 * Caller frees. */
static char *sr_join(const char *url, size_t n, const char *seg)
{
	jk_buf b = {.limit = 4096};
	char *out = NULL;
	if (!jk_buf_append(&b, url, n) && !jk_buf_putc(&b, '/'))
		out = import_url_extend(b.data, b.len, seg, true);
	jk_buf_free(&b);
	return out;
}

/* Where a list entry's detail is: the list's own URL (query dropped) +
 * "/" + id when that URL ends in /postings, as the API's does; otherwise
 * the entry's "ref". Its public page, until the detail gives applyUrl:
 * jobs.smartrecruiters.com/COMPANY/ID, where SmartRecruiters serves every
 * published posting. A URL that cannot be made is left out. */
static int sr_list_links(posting *p, const json_doc *d, const cJSON *j)
{
	const char *src = d->base, *company = json_str(json_get(j, "company"), "identifier");
	int r = JK_OK;
	size_t n = src ? strcspn(src, "?#") : 0;
	while (n && src[n - 1] == '/')
		n--;
	if (p->native_id && n > 9 && !memcmp(src + n - 9, "/postings", 9)) {
		char *u = sr_join(src, n, p->native_id);
		r = u ? posting_set(&p->detail, u, (size_t)-1) : JK_OK;
		free(u);
	}
	if (!r)
		r = import_set_detail(p, json_str(j, "ref"), d->base);
	if (!r && !p->apply && company && p->native_id) {
		const char *host = "https://jobs.smartrecruiters.com";
		char *c = sr_join(host, strlen(host), company);
		char *page = c ? sr_join(c, strlen(c), p->native_id) : NULL;
		if (page)
			r = posting_set(&p->apply, page, (size_t)-1);
		free(c), free(page);
	}
	return r;
}

/* The plain fields of a posting, in a list entry or a detail. */
static const json_field sr_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"name"}},
    {JSON_TEXT, JSON_AT(organization), {"company/name"}},
    {JSON_KIND, 0, {"typeOfEmployment/label"}},
    {JSON_DATE, JSON_AT(posted), {"releasedDate"}},
    {JSON_APPLY, 0, {"applyUrl"}},
    {JSON_APPLY, 0, {"postingUrl"}},
    {JSON_ID, 0, {"id"}},
    {JSON_TAG, 0, {"department/label"}},
    {JSON_LANG, 0, {"language/code"}},
};

/* Places, workplace and the job ad: what the table does not say. */
static int sr_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	int r = sr_location(p, json_get(j, "location"));
	if (!r)
		r = sr_workplace(p, json_get(j, "location"));
	if (!r)
		r = sr_job_ad(p, j, links, d->base, err);
	return r;
}

/* A list entry: its text, when it has none, is in its detail. */
static int sr_entry_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	int r = sr_rest(d, p, j, links, err);
	if (!r && !p->nsections)
		r = sr_list_links(p, d, j);
	return r;
}

/* One posting, read with rest. */
static int sr_posting(json_doc *d, const cJSON *j, json_rest_fn rest, jk_err *err)
{
	if (!json_str(j, "name") && !json_get(j, "jobAd"))
		return JK_OK;
	return json_posting(d, j, sr_fields, JK_ARRAY_LEN(sr_fields), rest, err);
}

static int sr_entry(json_doc *d, const cJSON *j, jk_err *err)
{
	return sr_posting(d, j, sr_entry_rest, err);
}

/* A page of the list ({"content": [...]}) or one posting's detail. */
static int sr_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *list = json_get(root, "content");
	if (cJSON_IsArray(list))
		return json_doc_each(d, list, sr_entry, err);
	if (!list && (json_str(root, "name") || json_get(root, "jobAd")))
		return sr_posting(d, root, sr_rest, err);
	return jk_fail(err, JK_EFORMAT,
	               "SmartRecruiters JSON without a \"content\" list or a posting");
}

int import_smartrecruiters(const char *data, size_t len, const import_opts *opts, posting_list *out,
                           jk_err *err)
{
	return json_doc_read(data, len, opts, out, sr_root, err);
}
