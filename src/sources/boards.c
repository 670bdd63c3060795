/* boards.c — the job boards: one row each (where the list is, how it
 * pages, what it needs sent), and the few words a board needs of its own. */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static bool recruitee_refused(const source *s, const sources_vars *v, long status, bool html,
                              char *why, size_t cap)
{
	(void)html;
	if (status != 401 && status != 403)
		return false;
	if (!s->token)
		snprintf(why, cap,
		         "Recruitee asks for a token for this careers API (HTTP %ld): give it "
		         "in the source as recruitee:%s?token=TOKEN",
		         status, v->name);
	else
		snprintf(why, cap,
		         "Recruitee refused the token given in recruitee:%s?token=... (HTTP %ld): "
		         "check it",
		         v->name, status);
	return true;
}

static bool workday_refused(const source *s, const sources_vars *v, long status, bool html,
                            char *why, size_t cap)
{
	(void)s;
	if (!html && (status < 400 || status > 499))
		return false;
	char what[32];
	if (html)
		snprintf(what, sizeof what, "an HTML page, not JSON");
	else
		snprintf(what, sizeof what, "HTTP %ld", status);
	snprintf(why, cap,
	         "the Workday tenant '%s' (site '%s' on %s) refused the job search (%s): check "
	         "HOST/TENANT/SITE in workday:%s",
	         v->tenant, v->site, v->host, what, v->name);
	return true;
}

static const char *const JSON_ONLY[] = {"Accept: application/json", NULL};

static const sources_board boards[] = {
    {"greenhouse", SOURCE_GREENHOUSE, "Greenhouse", "board", .host = "boards-api.greenhouse.io",
     .path = "/v1/boards/{name}/jobs?content=true", .org_path = "/v1/boards/{name}"},
    {"lever", SOURCE_LEVER, "Lever", "board", .host = "api.lever.co",
     .path = "/v0/postings/{name}?mode=json"},
    {"ashby", SOURCE_ASHBY, "Ashby", "board", .host = "api.ashbyhq.com",
     .path = "/posting-api/job-board/{name}?includeCompensation=true"},
    {"smartrecruiters", SOURCE_SMARTRECRUITERS, "SmartRecruiters", "company",
     .host = "api.smartrecruiters.com", .path = "/v1/companies/{name}/postings",
     .paging = {.items = "content",
                .total = "totalFound",
                .size = 100,
                .query = "limit={limit}&offset={offset}"}},
    {"workable", SOURCE_WORKABLE, "Workable", "account", .host = "apply.workable.com",
     .path = "/api/v1/widget/accounts/{name}?details=true"},
    {"recruitee", SOURCE_RECRUITEE, "Recruitee", "company", .takes_token = true,
     .host = "{name}.recruitee.com", .path = "/api/offers/", .refused = recruitee_refused},
    {"personio", SOURCE_PERSONIO, "Personio", "company", .host = "{name}.jobs.personio.de",
     .path = "/xml"},
    {"teamtailor", SOURCE_TEAMTAILOR, "Teamtailor", "company", .host = "{name}.teamtailor.com",
     .path = "/jobs.rss"},
    {"workday", SOURCE_WORKDAY, "Workday", "site", .host_tenant_site = true, .host = "{host}",
     .path = "/wday/cxs/{tenant}/{site}/jobs", .headers = JSON_ONLY,
     .paging = {.items = "jobPostings",
                .total = "total",
                .size = 20,
                .body = "{\"appliedFacets\":{},\"limit\":{limit},\"offset\":{offset},"
                        "\"searchText\":\"\"}"},
     .refused = workday_refused},
    {"breezy", SOURCE_BREEZY, "Breezy", "company", .host = "{name}.breezy.hr", .path = "/json"},
};

const sources_board *sources_board_of(source_kind kind)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(boards); i++)
		if (boards[i].kind == kind)
			return &boards[i];
	return NULL;
}

const sources_board *sources_board_for_spec(const char *spec)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(boards); i++) {
		size_t n = strlen(boards[i].prefix);
		if (strncasecmp(spec, boards[i].prefix, n) == 0 && spec[n] == ':')
			return &boards[i];
	}
	return NULL;
}

/* Letters, digits, '-', '_', '.'; at least one letter or digit (".."
 * would climb out of the board's path). */
static bool word_ok(const char *t, size_t n)
{
	bool alnum = false;
	if (!n || n > 100)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (!isalnum(c) && c != '-' && c != '_' && c != '.')
			return false;
		alnum |= isalnum(c) != 0;
	}
	return alnum;
}

/* A host name: dot-separated labels of letters, digits and '-'. */
static bool host_ok(const char *h, size_t n)
{
	if (!n || n > 253 || h[0] == '.' || h[n - 1] == '.' || h[0] == '-')
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)h[i];
		if (!isalnum(c) && c != '-' && c != '.')
			return false;
		if (c == '.' && h[i + 1] == '.')
			return false;
	}
	return true;
}

static int copy_part(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		return JK_ETOOBIG;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return JK_OK;
}

static int split_host_tenant_site(const sources_board *b, sources_vars *v, jk_err *err)
{
	const char *n = v->name, *s1 = strchr(n, '/'), *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
	if (!s1 || !s2 || strchr(s2 + 1, '/'))
		return jk_fail(err, JK_EARG, "%s spec must be %s:HOST/TENANT/SITE", b->label,
		               b->prefix);
	if (!host_ok(n, (size_t)(s1 - n)))
		return jk_fail(err, JK_EARG,
		               "%s HOST must be a host name (letters, digits, '-', '.')", b->label);
	if (!word_ok(s1 + 1, (size_t)(s2 - s1 - 1)) || !word_ok(s2 + 1, strlen(s2 + 1)))
		return jk_fail(err, JK_EARG,
		               "%s TENANT and SITE must be letters, digits, '-', '_' or '.'",
		               b->label);
	copy_part(v->host, sizeof v->host, n, (size_t)(s1 - n));
	copy_part(v->tenant, sizeof v->tenant, s1 + 1, (size_t)(s2 - s1 - 1));
	copy_part(v->site, sizeof v->site, s2 + 1, strlen(s2 + 1));
	return JK_OK;
}

int sources_board_vars(const sources_board *b, const char *spec, sources_vars *v, jk_err *err)
{
	memset(v, 0, sizeof *v);
	const char *name = strchr(spec, ':') + 1;
	size_t n = strcspn(name, "?");
	if (!n)
		return jk_fail(err, JK_EARG, "%s: needs a %s name after the ':'", b->prefix,
		               b->noun);
	if (copy_part(v->name, sizeof v->name, name, n))
		return jk_fail(err, JK_EARG, "%s name is too long", b->noun);
	if (b->host_tenant_site)
		return split_host_tenant_site(b, v, err);
	if (!word_ok(name, n))
		return jk_fail(err, JK_EARG, "%s name must be letters, digits, '-', '_' or '.'",
		               b->noun);
	return JK_OK;
}

static const char *field(const char *key, size_t n, const sources_vars *v, char *num, size_t cap)
{
	static const char *const names[] = {"name", "host", "tenant", "site"};
	const char *vals[] = {v->name, v->host, v->tenant, v->site};
	for (size_t i = 0; i < JK_ARRAY_LEN(names); i++)
		if (strlen(names[i]) == n && !memcmp(key, names[i], n))
			return vals[i];
	if (n == 5 && !memcmp(key, "limit", 5))
		return snprintf(num, cap, "%ld", v->limit), num;
	if (n == 6 && !memcmp(key, "offset", 6))
		return snprintf(num, cap, "%ld", v->offset), num;
	return NULL;
}

int sources_expand(const char *tmpl, const sources_vars *v, char *out, size_t cap)
{
	size_t o = 0;
	for (const char *p = tmpl; *p;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		char num[32];
		const char *val =
		    close ? field(p + 1, (size_t)(close - p - 1), v, num, sizeof num) : NULL;
		size_t n = val ? strlen(val) : 1;
		if (o + n >= cap)
			return JK_ETOOBIG;
		memcpy(out + o, val ? val : p, n);
		o += n;
		p = val ? close + 1 : p + 1;
	}
	out[o] = '\0';
	return JK_OK;
}

int sources_board_url(const sources_board *b, const char *path_tmpl, const sources_vars *v,
                      const char *base, char *out, size_t cap)
{
	char host[300], path[SOURCES_MAX_URL];
	if (sources_expand(b->host, v, host, sizeof host) ||
	    sources_expand(path_tmpl, v, path, sizeof path))
		return JK_ETOOBIG;
	int n = base ? snprintf(out, cap, "%s%s", base, path)
	             : snprintf(out, cap, "https://%s%s", host, path);
	return n < 0 || (size_t)n >= cap ? JK_ETOOBIG : JK_OK;
}
