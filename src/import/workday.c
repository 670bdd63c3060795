/* workday.c — layer 3: Workday's public job-search endpoint, the "cxs"
 * API (cJSON). A page of the list (POST …/wday/cxs/TENANT/SITE/jobs gives
 * {"jobPostings":[...]}) holds titles, places and relative dates without
 * the posting's text: each entry names its detail (GET …/SITE +
 * externalPath) in posting.detail. A detail ({"jobPostingInfo":{...}})
 * holds the description. Values of the wrong type are ignored field by
 * field; entries that are not objects are skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define WD_MAX_DAYS 3650           /* older than this is no date worth showing */
#define WD_MAX_TIME 253402300799LL /* 9999-12-31: later is no fetch time */
#define WD_PLACES 3                /* places named before "+N more" */

/* "Posted Today", "Posted Yesterday", "Posted 3 Days Ago" as the date
 * (UTC) that many days before the fetch (fetched_at; 0: now). "Posted 30+
 * Days Ago" only says the posting is older than a month, so it gives no
 * date rather than a wrong one; so does wording in other languages. */
static int wd_posted_on(char **field, const char *s, int64_t fetched_at)
{
	if (!s || strncasecmp(s, "Posted ", 7) || fetched_at < 0 || fetched_at > WD_MAX_TIME)
		return JK_OK;
	s += 7;
	long days = -1;
	if (!strcasecmp(s, "Today")) {
		days = 0;
	} else if (!strcasecmp(s, "Yesterday")) {
		days = 1;
	} else if (isdigit((unsigned char)*s)) {
		char *end;
		days = strtol(s, &end, 10);
		if (days > WD_MAX_DAYS ||
		    (strcasecmp(end, " Days Ago") && strcasecmp(end, " Day Ago")))
			days = -1;
	}
	if (days < 0)
		return JK_OK;
	int64_t at = fetched_at ? fetched_at : (int64_t)time(NULL);
	time_t t;
	if (!jk_time_from(at - (int64_t)days * 86400, &t))
		return JK_OK; /* JK_TIME_PAST: no date rather than a wrapped one */
	struct tm tm;
	char day[16];
	if (!gmtime_r(&t, &tm) || !strftime(day, sizeof day, "%Y-%m-%d", &tm))
		return JK_OK;
	return posting_set_default(field, day, (size_t)-1);
}

/* "3 Locations": how many places, not which (the detail names them). */
static bool wd_place_count(const char *s)
{
	size_t k = strspn(s, "0123456789");
	return k && s[k] == ' ' && !strchr(s + k + 1, ' ');
}

/* True when the list's URL src ends in /jobs (query dropped); *n gets the
 * length of what comes before "/jobs": …/wday/cxs/TENANT/SITE. */
static bool wd_list_url(const char *src, size_t *n)
{
	size_t k = src ? strcspn(src, "?#") : 0;
	while (k && src[k - 1] == '/')
		k--;
	if (k <= 5 || strncasecmp(src + k - 5, "/jobs", 5))
		return false;
	*n = k - 5;
	return true;
}

/* The page Workday serves for a job (and gives as externalUrl):
 * https://HOST/SITE + externalPath, built only when the list came from
 * https://HOST/wday/cxs/TENANT/SITE on a myworkdayjobs.com host, whose
 * pages have that shape. NULL otherwise. Caller frees. */
static char *wd_page(const char *src, size_t n, const char *path)
{
	const char *auth = strstr(src, "://");
	if (!auth || (size_t)(auth - src) > 5)
		return NULL;
	auth += 3;
	size_t alen = strcspn(auth, "/?#");
	const char *rest = auth + alen, *end = src + n, *host = auth, *at;
	while ((at = memchr(host, '@', (size_t)(rest - host))) != NULL)
		host = at + 1;
	size_t hlen = strcspn(host, ":/?#");
	static const char suffix[] = "myworkdayjobs.com";
	size_t sl = sizeof suffix - 1;
	if (rest > end || hlen < sl || strncasecmp(host + hlen - sl, suffix, sl) ||
	    (hlen > sl && host[hlen - sl - 1] != '.') || (size_t)(end - rest) < 10 ||
	    strncasecmp(rest, "/wday/cxs/", 10))
		return NULL;
	const char *tenant = rest + 10, *slash = memchr(tenant, '/', (size_t)(end - tenant));
	const char *site = slash ? slash + 1 : NULL;
	if (!slash || slash == tenant || site >= end || memchr(site, '/', (size_t)(end - site)))
		return NULL;
	jk_buf b = {.limit = 4096};
	char *out = NULL;
	if (!jk_buf_append(&b, src, (size_t)(rest - src)) && !jk_buf_putc(&b, '/') &&
	    !jk_buf_append(&b, site, (size_t)(end - site)))
		out = import_url_extend(b.data, b.len, path, false);
	jk_buf_free(&b);
	return out;
}

/* A list entry's detail (…/SITE + externalPath) and, until the detail
 * gives externalUrl, its apply target: the public page where it can be
 * built, else the detail's address. Nothing when the list's own URL is
 * unknown (a file): the entry then stays as the list gives it. */
static int wd_list_links(posting *p, const json_doc *d, const char *path)
{
	size_t n;
	if (!d->base || path[0] != '/' || !wd_list_url(d->base, &n))
		return JK_OK;
	char *detail = import_url_extend(d->base, n, path, false);
	char *page = detail ? wd_page(d->base, n, path) : NULL;
	int r = detail ? posting_set(&p->detail, detail, (size_t)-1) : JK_OK;
	if (!r && detail)
		r = posting_set(&p->apply, page ? page : detail, (size_t)-1);
	free(detail);
	free(page);
	return r;
}

static int64_t wd_fetched_at(const json_doc *d)
{
	return d->o ? d->o->fetched_at : 0;
}

/* A list entry's title; the rest says the place, the date, the key and
 * the links. */
static const json_field wd_entry_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"title"}},
};

/* The place (unless "3 Locations"), the date and, from the path, the key
 * (the one every entry has and no two share) and the links. */
static int wd_entry_rest(json_doc *d, posting *p, const cJSON *j, import_links *links, jk_err *err)
{
	(void)links, (void)err;
	const char *where = json_str(j, "locationsText"), *path = json_str(j, "externalPath");
	int r = where && !wd_place_count(where) ? import_set_text(&p->location, where) : JK_OK;
	if (!r)
		r = wd_posted_on(&p->posted, json_str(j, "postedOn"), wd_fetched_at(d));
	if (!r && path)
		r = posting_set(&p->native_id, path, (size_t)-1);
	if (!r && path)
		r = wd_list_links(p, d, path);
	return r;
}

static int wd_entry(json_doc *d, const cJSON *j, jk_err *err)
{
	if (!json_str(j, "title") && !json_str(j, "externalPath"))
		return JK_OK;
	return json_posting(d, j, wd_entry_fields, JK_ARRAY_LEN(wd_entry_fields), wd_entry_rest,
	                    err);
}

/* "location" and "additionalLocations": "Hobart; Sydney; Perth +2 more". */
static int wd_locations(posting *p, const cJSON *info)
{
	jk_buf b = {.limit = 2048};
	const char *first = json_str(info, "location");
	size_t places = 0, more = 0;
	int r = first ? jk_buf_puts(&b, first) : JK_OK;
	places += first != NULL;
	const cJSON *e;
	cJSON_ArrayForEach(e, json_arr(json_get(info, "additionalLocations")))
	{
		if (r || !cJSON_IsString(e) || !*e->valuestring ||
		    (first && !strcmp(first, e->valuestring)))
			continue;
		if (places++ >= WD_PLACES)
			more++;
		else
			r = jk_buf_printf(&b, "%s%s", b.len ? "; " : "", e->valuestring);
	}
	if (!r && more)
		r = jk_buf_printf(&b, " +%zu more", more);
	if (!r && b.len)
		r = import_set_text(&p->location, b.data);
	jk_buf_free(&b);
	return r == JK_ETOOBIG ? JK_OK : r;
}

/* The plain fields of a detail: startDate is the day the posting went
 * up (postedOn only says how long ago that was), endDate the last day. */
static const json_field wd_detail_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"jobPostingInfo/title"}},
    {JSON_TEXT, JSON_AT(organization), {"hiringOrganization/name"}},
    {JSON_KIND, 0, {"jobPostingInfo/timeType"}},
    {JSON_WHERE, 0, {"jobPostingInfo/remoteType"}},
    {JSON_DATE, JSON_AT(posted), {"jobPostingInfo/startDate"}},
    {JSON_DATE, JSON_AT(expires), {"jobPostingInfo/endDate"}},
    {JSON_APPLY, 0, {"jobPostingInfo/externalUrl"}},
    {JSON_ID, 0, {"jobPostingInfo/id"}},
    {JSON_ID, 0, {"jobPostingInfo/jobReqId"}},
};

/* Places, the relative date and the description: what the table does not
 * say. */
static int wd_detail_rest(json_doc *d, posting *p, const cJSON *root, import_links *links,
                          jk_err *err)
{
	const cJSON *j = json_get(root, "jobPostingInfo");
	const char *html = json_str(j, "jobDescription");
	int r = wd_locations(p, j);
	if (!r)
		r = wd_posted_on(&p->posted, json_str(j, "postedOn"), wd_fetched_at(d));
	if (!r && html)
		r = import_body(p, html, strlen(html), BODY_HTML, 0, links, d->base, err);
	return r;
}

static int wd_detail(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *j = json_get(root, "jobPostingInfo");
	if (!json_str(j, "title") && !json_str(j, "jobDescription"))
		return JK_OK;
	return json_posting(d, root, wd_detail_fields, JK_ARRAY_LEN(wd_detail_fields),
	                    wd_detail_rest, err);
}

/* A detail ({"jobPostingInfo": ...}) or a page of the list. */
static int wd_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *list = json_get(root, "jobPostings");
	if (cJSON_IsObject(json_get(root, "jobPostingInfo")))
		return wd_detail(d, root, err);
	if (cJSON_IsArray(list))
		return json_doc_each(d, list, wd_entry, err);
	return jk_fail(err, JK_EFORMAT,
	               "Workday JSON without a \"jobPostings\" list or \"jobPostingInfo\"");
}

int import_workday(const char *data, size_t len, const import_opts *opts, posting_list *out,
                   jk_err *err)
{
	return json_doc_read(data, len, opts, out, wd_root, err);
}
