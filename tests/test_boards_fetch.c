/* The job boards fetched from a real server on 127.0.0.1 (the boards' base
 * address pointed there with sources_set_board_base): every board's spec and
 * request, paging (and paging that never ends), details (and details that
 * fail), refusals and faults, Recruitee's token and Greenhouse's board name.
 * Payloads are in tests/data/boards/fetch/, in the boards' documented shapes.
 * A test that needs a board's reader says so and skips while import does not
 * recognise the board's payload yet. */
#include "testutil.h"

#include "httpd.h"
#include "import.h"
#include "sources.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { MAX_SEEN = 600, SR_ID0 = 740000 };

static const char TOKEN[] = "s3cr3t-T0ken_9f";

typedef struct seen {
	char method[8], path[300], body[200], auth[200], accept[64], ctype[64];
} seen;

typedef struct site {
	pthread_mutex_t mu;
	httpd *srv;
	char base[64];
	seen req[MAX_SEEN];
	int nreq;
	/* What the boards answer. */
	const char *fault;           /* on the list: "403" "404" "422" "500" "bad" "html" */
	const char *detail_fault[4]; /* on details 1..3: "404" "500" "bad" */
	long sr_total, wd_total;
	bool forever;       /* SmartRecruiters and Workday: full pages, always more */
	bool want_token;    /* Recruitee asks for TOKEN */
	bool no_board_name; /* Greenhouse's board endpoint answers 404 */
	char out[400000];   /* the answer being served (one connection at a time) */
} site;

static site S = {.mu = PTHREAD_MUTEX_INITIALIZER};

static char *payload(const char *name)
{
	char rel[200];
	snprintf(rel, sizeof rel, "tests/data/boards/fetch/%s", name);
	return tu_read(tu_root(rel), NULL);
}

/* tmpl with every {KEY} of kv (key, value, ..., NULL) replaced, appended to
 * out at *o. */
static void fill(char *out, size_t cap, size_t *o, const char *tmpl, const char *const *kv)
{
	for (const char *p = tmpl; *p && *o + 1 < cap;) {
		const char *val = NULL;
		size_t klen = 0;
		for (size_t i = 0; *p == '{' && kv[i]; i += 2) {
			size_t n = strlen(kv[i]);
			if (!strncmp(p + 1, kv[i], n) && p[1 + n] == '}')
				val = kv[i + 1], klen = n + 2;
		}
		size_t n = val ? strlen(val) : 1;
		if (*o + n >= cap)
			break;
		memcpy(out + *o, val ? val : p, n);
		*o += n;
		p += val ? klen : 1;
	}
	out[*o] = '\0';
}

static void serve_file(site *s, httpd_resp *r, const char *name, const char *ctype,
                       const char *const *kv)
{
	char *t = payload(name);
	size_t o = 0;
	fill(s->out, sizeof s->out, &o, t, kv);
	free(t);
	r->body = s->out;
	r->len = o;
	snprintf(r->headers, sizeof r->headers, "Content-Type: %s\r\n", ctype);
}

/* One page of SmartRecruiters' list, as documented: limit, offset,
 * totalFound, content. */
static size_t sr_page(site *s, long offset, long limit, char *out, size_t cap)
{
	long total = s->forever ? 1000000 : s->sr_total;
	size_t o = (size_t)snprintf(out, cap,
	                            "{\"offset\":%ld,\"limit\":%ld,\"totalFound\":%ld,"
	                            "\"content\":[",
	                            offset, limit, total);
	char *entry = payload("smartrecruiters-entry.json");
	for (long i = offset; i < offset + limit && i < total; i++) {
		char id[24], n[24], day[24];
		snprintf(id, sizeof id, "%ld", SR_ID0 + i);
		snprintf(n, sizeof n, "%ld", i + 1);
		snprintf(day, sizeof day, "%02ld", i % 28 + 1);
		const char *kv[] = {"ID", id, "N", n, "DAY", day, "BASE", s->base, NULL};
		if (i > offset)
			out[o++] = ',';
		fill(out, cap, &o, entry, kv);
		while (o && (out[o - 1] == '\n'))
			o--;
	}
	free(entry);
	o += (size_t)snprintf(out + o, cap - o, "]}");
	return o;
}

/* One page of Workday's job search. Like real tenants, only the first page
 * says the total; later ones say 0. */
static size_t wd_page(site *s, long offset, long limit, char *out, size_t cap)
{
	long total = s->forever ? 100000 : s->wd_total;
	size_t o =
	    (size_t)snprintf(out, cap, "{\"total\":%ld,\"jobPostings\":[", offset ? 0 : total);
	char *entry = payload("workday-entry.json");
	for (long i = offset; i < offset + limit && i < total; i++) {
		char n[24];
		snprintf(n, sizeof n, "%ld", i + 1);
		const char *kv[] = {"N", n, NULL};
		if (i > offset)
			out[o++] = ',';
		fill(out, cap, &o, entry, kv);
		while (o && out[o - 1] == '\n')
			o--;
	}
	free(entry);
	o += (size_t)snprintf(out + o, cap - o,
	                      "],\"facets\":[{\"facetParameter\":\"locations\",\"values\":[]}],"
	                      "\"userAuthenticated\":false}");
	return o;
}

static long num_after(const char *s, const char *key)
{
	const char *p = strstr(s, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

/* A detail's fault: true when it was answered with one. */
static bool detail_fault(site *s, long n, httpd_resp *r)
{
	const char *f = n >= 1 && n <= 3 ? s->detail_fault[n] : NULL;
	if (!f)
		return false;
	if (!strcmp(f, "bad")) {
		snprintf(s->out, sizeof s->out, "{\"jobPostingInfo\":{\"title\":\"Half");
		r->body = s->out;
		r->len = strlen(s->out);
		snprintf(r->headers, sizeof r->headers, "Content-Type: application/json\r\n");
	} else {
		r->status = atoi(f);
	}
	return true;
}

static const char *const LISTS[] = {"/v1/boards/acme/jobs",
                                    "/v0/postings/",
                                    "/posting-api/",
                                    "/v1/companies/acme/postings?",
                                    "/api/v1/widget/",
                                    "/api/offers/",
                                    "/xml",
                                    "/jobs.rss",
                                    "/wday/cxs/acme/External/jobs",
                                    "/json"};

static bool is_list(const char *path)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(LISTS); i++)
		if (!strncmp(path, LISTS[i], strlen(LISTS[i])))
			return true;
	return false;
}

/* The list's fault: refused, missing, broken, an HTML page, half a body. */
static bool list_fault(site *s, const char *path, httpd_resp *r)
{
	const char *f = s->fault;
	if (!f || !is_list(path))
		return false;
	if (!strcmp(f, "html")) {
		snprintf(s->out, sizeof s->out,
		         "<!DOCTYPE html><html><body><h1>Sign in</h1></body></html>");
		snprintf(r->headers, sizeof r->headers, "Content-Type: text/html\r\n");
	} else if (!strcmp(f, "bad")) {
		snprintf(s->out, sizeof s->out, "%s",
		         path[1] == 'x' || (path[1] == 'j' && path[2] == 'o')
		             ? "<?xml version=\"1.0\"?>\n\x01\x02 garbage <<<<"
		             : "{\"jobs\":[{\"title\":\"Half");
	} else {
		r->status = atoi(f);
		snprintf(s->out, sizeof s->out, "refused");
	}
	r->body = s->out;
	r->len = strlen(s->out);
	return true;
}

static void copy_str(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src, cap - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

static void record(site *s, const httpd_req *q)
{
	pthread_mutex_lock(&s->mu);
	if (s->nreq < MAX_SEEN) {
		seen *e = &s->req[s->nreq++];
		copy_str(e->method, sizeof e->method, q->method);
		copy_str(e->path, sizeof e->path, q->path);
		copy_str(e->body, sizeof e->body, q->body);
		copy_str(e->auth, sizeof e->auth, q->authorization);
		copy_str(e->accept, sizeof e->accept, q->accept);
		copy_str(e->ctype, sizeof e->ctype, q->content_type);
	}
	pthread_mutex_unlock(&s->mu);
}

static void serve_paged(site *s, const httpd_req *q, httpd_resp *r)
{
	bool sr = q->path[1] == 'v';
	long off = num_after(sr ? q->path : q->body, sr ? "offset=" : "\"offset\":");
	long lim = num_after(sr ? q->path : q->body, sr ? "limit=" : "\"limit\":");
	if (off < 0 || lim <= 0 || lim > 100) {
		r->status = 400;
		return;
	}
	r->len = sr ? sr_page(s, off, lim, s->out, sizeof s->out)
	            : wd_page(s, off, lim, s->out, sizeof s->out);
	r->body = s->out;
	snprintf(r->headers, sizeof r->headers, "Content-Type: application/json\r\n");
}

static void serve_detail(site *s, const httpd_req *q, httpd_resp *r)
{
	char n[24], id[24], day[24], title[64], page[1200];
	const char *p = q->path;
	long k = p[1] == 'v'                ? strtol(p + 28, NULL, 10) - SR_ID0 + 1
	         : p[1] == 'w'              ? num_after(p, "_R")
	         : strstr(p, "dock-worker") ? 1
	                                    : 2;
	if (detail_fault(s, k, r))
		return;
	snprintf(n, sizeof n, "%ld", k);
	snprintf(id, sizeof id, "%ld", SR_ID0 + k - 1);
	snprintf(day, sizeof day, "%02ld", (k - 1) % 28 + 1);
	snprintf(title, sizeof title, "%s", k == 1 ? "Dock Worker" : "Forklift Driver");
	snprintf(page, sizeof page, "%s%s", s->base, p);
	const char *kv[] = {"ID", id, "N", n, "DAY", day, "TITLE", title, "PAGE", page, NULL};
	if (p[1] == 'v')
		serve_file(s, r, "smartrecruiters-detail.json", "application/json", kv);
	else if (p[1] == 'w')
		serve_file(s, r, "workday-detail.json", "application/json", kv);
	else
		serve_file(s, r, "breezy-page.html", "text/html; charset=utf-8", kv);
}

static void handler(const httpd_req *q, httpd_resp *r, void *ud)
{
	site *s = ud;
	const char *p = q->path;
	const char *kv[] = {"BASE", s->base, NULL};
	record(s, q);
	if (list_fault(s, p, r))
		return;
	if (!strcmp(p, "/v1/boards/acme/jobs?content=true"))
		serve_file(s, r, "greenhouse.json", "application/json", kv);
	else if (!strcmp(p, "/v1/boards/acme") && !s->no_board_name)
		serve_file(s, r, "greenhouse-board.json", "application/json", kv);
	else if (!strcmp(p, "/v0/postings/acme?mode=json"))
		serve_file(s, r, "lever.json", "application/json", kv);
	else if (!strcmp(p, "/posting-api/job-board/acme?includeCompensation=true"))
		serve_file(s, r, "ashby.json", "application/json", kv);
	else if (!strncmp(p, "/v1/companies/acme/postings?", 28) ||
	         (!strcmp(p, "/wday/cxs/acme/External/jobs") && !strcmp(q->method, "POST")))
		serve_paged(s, q, r);
	else if (!strncmp(p, "/v1/companies/acme/postings/", 28) ||
	         !strncmp(p, "/wday/cxs/acme/External/job/", 28) || !strncmp(p, "/p/", 3))
		serve_detail(s, q, r);
	else if (!strcmp(p, "/api/v1/widget/accounts/acme?details=true"))
		serve_file(s, r, "workable.json", "application/json", kv);
	else if (!strcmp(p, "/api/offers/") && s->want_token &&
	         strcmp(q->authorization, "Bearer s3cr3t-T0ken_9f"))
		r->status = 401;
	else if (!strcmp(p, "/api/offers/"))
		serve_file(s, r, "recruitee.json", "application/json", kv);
	else if (!strcmp(p, "/xml"))
		serve_file(s, r, "personio.xml", "text/xml; charset=UTF-8", kv);
	else if (!strcmp(p, "/jobs.rss"))
		serve_file(s, r, "teamtailor.rss", "application/rss+xml", kv);
	else if (!strcmp(p, "/json"))
		serve_file(s, r, "breezy.json", "application/json", kv);
	else
		r->status = 404;
}

/* ---- each test's server, cache and list ------------------------------ */

typedef struct fixture {
	const char *dir;
	store_cache *cache;
	source_list l;
	sources_fetch_opts o;
} fixture;

static void site_reset(void)
{
	pthread_mutex_lock(&S.mu);
	S.nreq = 0;
	S.fault = NULL;
	memset(S.detail_fault, 0, sizeof S.detail_fault);
	S.sr_total = S.wd_total = 3;
	S.forever = S.want_token = S.no_board_name = false;
	pthread_mutex_unlock(&S.mu);
}

static void start(fixture *f)
{
	site_reset();
	S.srv = httpd_start(handler, &S, 100000);
	assert_non_null(S.srv);
	snprintf(S.base, sizeof S.base, "http://127.0.0.1:%d", httpd_port(S.srv));
	f->dir = tu_tmpdir();
	assert_int_equal(store_cache_open(f->dir, 256u << 20, &f->cache, NULL), 0);
	memset(&f->l, 0, sizeof f->l);
	assert_int_equal(sources_set_board_base(&f->l, S.base, NULL), 0);
	f->o = (sources_fetch_opts){.cache = f->cache, .limits = {.timeout_ms = 10000}};
}

static void stop(fixture *f)
{
	httpd_stop(S.srv);
	S.srv = NULL;
	sources_free(&f->l);
	store_cache_close(f->cache);
	tu_rmtree(f->dir);
}

static source *add(fixture *f, const char *spec)
{
	jk_err err = {0};
	if (sources_add(&f->l, spec, &err))
		fail_msg("%s: %s", spec, err.msg);
	return &f->l.v[f->l.n - 1];
}

static int count_paths(const char *prefix)
{
	int n = 0;
	pthread_mutex_lock(&S.mu);
	for (int i = 0; i < S.nreq; i++)
		n += !strncmp(S.req[i].path, prefix, strlen(prefix));
	pthread_mutex_unlock(&S.mu);
	return n;
}

static void forget_requests(void)
{
	pthread_mutex_lock(&S.mu);
	S.nreq = 0;
	pthread_mutex_unlock(&S.mu);
}

/* Loads only source s (the others of the list stay out). */
static void load_one(fixture *f, const source *s, posting_list *out)
{
	source_list one = {.v = (source *)s, .n = 1, .cap = 1};
	posting_list_init(out);
	sources_load(&one, f->cache, out, NULL, NULL);
}

static const posting *find_title(const posting_list *l, const char *needle)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i]->title && strstr(l->items[i]->title, needle))
			return l->items[i];
	return NULL;
}

static bool one_line(const char *s)
{
	return s[0] && !strchr(s, '\n') && !strchr(s, '\r');
}

/* ---- which readers import has -------------------------------------- */

typedef struct board_case {
	const char *spec;
	const char *list_path; /* the first request */
	const char *method;
	import_format fmt;  /* what import must make of the payload */
	const char *sample; /* the payload file; NULL: a generated page */
	const char *title;  /* in one of the good list's titles */
	size_t count;       /* postings the good list gives */
} board_case;

static const board_case BOARDS[] = {
    {"greenhouse:acme", "/v1/boards/acme/jobs?content=true", "GET", IMPORT_GREENHOUSE,
     "greenhouse.json", "Crane Operator", 2},
    {"lever:acme", "/v0/postings/acme?mode=json", "GET", IMPORT_LEVER, "lever.json", "Rigger", 1},
    {"ashby:acme", "/posting-api/job-board/acme?includeCompensation=true", "GET", IMPORT_ASHBY,
     "ashby.json", "Ferry Engineer", 2},
    {"smartrecruiters:acme", "/v1/companies/acme/postings?limit=100&offset=0", "GET",
     IMPORT_SMARTRECRUITERS, NULL, "Container Planner 2", 3},
    {"workable:acme", "/api/v1/widget/accounts/acme?details=true", "GET", IMPORT_WORKABLE,
     "workable.json", "Welder", 1},
    {"recruitee:acme", "/api/offers/", "GET", IMPORT_RECRUITEE, "recruitee.json", "Harbour Pilot",
     1},
    {"personio:acme", "/xml", "GET", IMPORT_PERSONIO, "personio.xml", "Lagerlogistik", 1},
    {"teamtailor:acme", "/jobs.rss", "GET", IMPORT_RSS, "teamtailor.rss", "Cook", 1},
    {"workday:acme.wd3.myworkdayjobs.com/acme/External", "/wday/cxs/acme/External/jobs", "POST",
     IMPORT_WORKDAY, NULL, "Terminal Operator 2", 3},
    {"breezy:acme", "/json", "GET", IMPORT_BREEZY, "breezy.json", "Dock Worker", 2},
};

static const board_case *board(const char *prefix)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(BOARDS); i++)
		if (!strncmp(BOARDS[i].spec, prefix, strlen(prefix)))
			return &BOARDS[i];
	fail_msg("no board %s", prefix);
	return NULL;
}

/* Whether import recognises the board's payload (its reader is in). */
static bool have_reader(const board_case *b)
{
	static char page[200000];
	char *data = NULL;
	size_t len;
	long saved_sr = S.sr_total, saved_wd = S.wd_total;
	S.sr_total = S.wd_total = 3;
	if (b->sample) {
		data = payload(b->sample);
		len = strlen(data);
	} else {
		len = b->fmt == IMPORT_WORKDAY ? wd_page(&S, 0, 20, page, sizeof page)
		                               : sr_page(&S, 0, 100, page, sizeof page);
	}
	S.sr_total = saved_sr, S.wd_total = saved_wd;
	import_opts io = {.source = "http://127.0.0.1/list"};
	bool ok = import_sniff(data ? data : page, len, &io) == b->fmt;
	free(data);
	return ok;
}

#define NEED_READER(b)                                                                             \
	do {                                                                                       \
		if (!have_reader(b)) {                                                             \
			print_message("[ WAITING  ] the %s reader (%s)\n",                         \
			              import_format_name((b)->fmt), (b)->spec);                    \
			skip();                                                                    \
		}                                                                                  \
	} while (0)

/* ---- specs ------------------------------------------------------------ */

static void test_specs(void **state)
{
	(void)state;
	static const struct {
		const char *spec, *url, *org;
		source_kind kind;
	} good[] = {
	    {"ashby:acme-labs",
	     "https://api.ashbyhq.com/posting-api/job-board/acme-labs?includeCompensation=true",
	     "Acme-labs", SOURCE_ASHBY},
	    {"smartrecruiters:AcmeTerminals",
	     "https://api.smartrecruiters.com/v1/companies/AcmeTerminals/postings", "AcmeTerminals",
	     SOURCE_SMARTRECRUITERS},
	    {"workable:acme", "https://apply.workable.com/api/v1/widget/accounts/acme?details=true",
	     "Acme", SOURCE_WORKABLE},
	    {"recruitee:acme", "https://acme.recruitee.com/api/offers/", "Acme", SOURCE_RECRUITEE},
	    {"personio:acme-gmbh", "https://acme-gmbh.jobs.personio.de/xml", "Acme-gmbh",
	     SOURCE_PERSONIO},
	    {"teamtailor:acme", "https://acme.teamtailor.com/jobs.rss", "Acme", SOURCE_TEAMTAILOR},
	    {"workday:acme.wd5.myworkdayjobs.com/acme/External_Careers",
	     "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External_Careers/jobs", "Acme",
	     SOURCE_WORKDAY},
	    {"breezy:acme", "https://acme.breezy.hr/json", "Acme", SOURCE_BREEZY},
	    {"Ashby:x_1.y",
	     "https://api.ashbyhq.com/posting-api/job-board/x_1.y?includeCompensation=true",
	     "X_1.y", SOURCE_ASHBY},
	};
	source_list l = {0};
	jk_err err = {0};
	for (size_t i = 0; i < JK_ARRAY_LEN(good); i++) {
		if (sources_add(&l, good[i].spec, &err))
			fail_msg("%s: %s", good[i].spec, err.msg);
		const source *s = &l.v[l.n - 1];
		assert_int_equal(s->kind, good[i].kind);
		assert_string_equal(s->url, good[i].url);
		assert_string_equal(s->org, good[i].org);
		assert_string_equal(s->spec, good[i].spec);
		assert_null(s->token);
	}
	sources_add(&l, "greenhouse:acme", &err);
	assert_string_equal(l.v[l.n - 1].org_url,
	                    "https://boards-api.greenhouse.io/v1/boards/acme");
	assert_null(l.v[0].org_url);
	sources_free(&l);
}

static void test_bad_specs(void **state)
{
	(void)state;
	source_list l = {0};
	static const struct {
		const char *spec, *says;
	} bad[] = {
	    {"ashby:", "board name"},
	    {"smartrecruiters:a/../b", "company name"},
	    {"workable:x y", "account name"},
	    {"recruitee:..", "company name"},
	    {"personio:acme.jobs.personio.de/xml", "company name"},
	    {"teamtailor:", "company name"},
	    {"breezy:a?b", "takes no settings"},
	    {"workday:acme", "HOST/TENANT/SITE"},
	    {"workday:acme.wd5.myworkdayjobs.com/acme", "HOST/TENANT/SITE"},
	    {"workday:acme.wd5.myworkdayjobs.com/acme/Ext/more", "HOST/TENANT/SITE"},
	    {"workday:a..b/acme/Ext", "HOST"},
	    {"workday:https://acme/acme/Ext", "HOST"},
	    {"workday:acme.wd5.myworkdayjobs.com/ac me/Ext", "TENANT and SITE"},
	    {"ashby:acme?token=abc", "takes no settings"},
	    {"recruitee:acme?key=abc", "only setting is token"},
	    {"recruitee:acme?token=", "token must be"},
	    {"recruitee:acme?token=a b", "token must be"},
	    {"recruitee:acme?token=abc&token=def", "twice"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		jk_err e = {0};
		if (sources_add(&l, bad[i].spec, &e) != JK_EARG)
			fail_msg("'%s' was accepted", bad[i].spec);
		if (!strstr(e.msg, bad[i].says))
			fail_msg("'%s': '%s' does not say '%s'", bad[i].spec, e.msg, bad[i].says);
		assert_true(one_line(e.msg));
	}
	assert_int_equal(l.n, 0);
	sources_free(&l);
}

/* The token is kept apart: never in the spec shown, the URL, a message. */
static void test_token_spec(void **state)
{
	(void)state;
	source_list l = {0};
	jk_err err = {0};
	assert_int_equal(sources_add(&l, "recruitee:acme?token=s3cr3t-T0ken_9f", &err), 0);
	assert_string_equal(l.v[0].token, TOKEN);
	assert_string_equal(l.v[0].spec, "recruitee:acme?token=***");
	assert_string_equal(l.v[0].url, "https://acme.recruitee.com/api/offers/");
	assert_int_equal(sources_add(&l, "recruitee:acme?token=s3cr3t-T0ken_9f&x=1", &err),
	                 JK_EARG);
	assert_null(strstr(err.msg, TOKEN));
	assert_int_equal(sources_add(&l, "recruitee:a b?token=s3cr3t-T0ken_9f", &err), JK_EARG);
	assert_null(strstr(err.msg, TOKEN));
	char shown[200];
	assert_string_equal(
	    jk_mask_secrets("recruitee:acme?x=1&token=abc&y=2", shown, sizeof shown),
	    "recruitee:acme?x=1&token=***&y=2");
	assert_string_equal(jk_mask_secrets("https://x.org/feed?Token=abc", shown, sizeof shown),
	                    "https://x.org/feed?Token=***");
	assert_string_equal(jk_mask_secrets("/media/token=1", shown, sizeof shown),
	                    "/media/token=1");
	assert_string_equal(jk_mask_secrets("recruitee:a?token=abcdef", shown, 16),
	                    "recruitee:a?tok");
	sources_free(&l);
}

/* The test-only base: only scheme and host change; a bad one is refused. */
static void test_board_base(void **state)
{
	(void)state;
	source_list l = {0};
	assert_int_equal(sources_set_board_base(&l, "http://127.0.0.1:8080/", NULL), 0);
	sources_add(&l, "recruitee:acme", NULL);
	sources_add(&l, "workday:acme.wd5.myworkdayjobs.com/acme/Ext", NULL);
	sources_add(&l, "greenhouse:acme", NULL);
	assert_string_equal(l.v[0].url, "http://127.0.0.1:8080/api/offers/");
	assert_string_equal(l.v[1].url, "http://127.0.0.1:8080/wday/cxs/acme/Ext/jobs");
	assert_string_equal(l.v[2].org_url, "http://127.0.0.1:8080/v1/boards/acme");
	jk_err err = {0};
	assert_int_equal(sources_set_board_base(&l, "ftp://127.0.0.1", &err), JK_EARG);
	assert_int_equal(sources_set_board_base(&l, NULL, NULL), 0);
	sources_add(&l, "recruitee:acme", NULL);
	assert_string_equal(l.v[3].url, "https://acme.recruitee.com/api/offers/");
	sources_free(&l);
}

/* ---- requests ------------------------------------------------------------ */

/* Each board asks for its list where and how its API says. */
static void test_requests(void **state)
{
	(void)state;
	fixture f;
	start(&f);
	for (size_t i = 0; i < JK_ARRAY_LEN(BOARDS); i++) {
		const board_case *b = &BOARDS[i];
		source *s = add(&f, b->spec);
		forget_requests();
		sources_refresh(s, &f.o, NULL);
		pthread_mutex_lock(&S.mu);
		assert_true(S.nreq >= 1);
		seen first = S.req[0];
		pthread_mutex_unlock(&S.mu);
		if (strcmp(first.path, b->list_path) || strcmp(first.method, b->method))
			fail_msg("%s asked %s %s", b->spec, first.method, first.path);
		assert_string_equal(first.auth, "");
		if (b->fmt == IMPORT_WORKDAY) {
			assert_string_equal(first.body,
			                    "{\"appliedFacets\":{},\"limit\":20,\"offset\":0,"
			                    "\"searchText\":\"\"}");
			assert_string_equal(first.ctype, "application/json");
			assert_string_equal(first.accept, "application/json");
		} else {
			assert_string_equal(first.body, "");
		}
	}
	/* Greenhouse's board endpoint is asked for the board's name. */
	forget_requests();
	sources_refresh(&f.l.v[0], &f.o, NULL);
	assert_int_equal(count_paths("/v1/boards/acme/jobs?content=true"), 1);
	assert_int_equal(count_paths("/v1/boards/acme"), 2);
	stop(&f);
}

/* ---- every board reads, and faults keep the cached copy ---------------- */

static void check_good(fixture *f, const board_case *b, const source *s)
{
	posting_list out;
	load_one(f, s, &out);
	if (out.n != b->count || !find_title(&out, b->title))
		fail_msg("%s: %zu posting(s), '%s' %s", b->spec, out.n, b->title,
		         find_title(&out, b->title) ? "found" : "missing");
	for (size_t i = 0; i < out.n; i++)
		assert_non_null(out.items[i]->organization);
	posting_list_free(&out);
}

static void board_faults(const board_case *b)
{
	static const char *const faults[] = {"403", "404", "500", "bad"};
	fixture f;
	start(&f);
	source *s = add(&f, b->spec);
	for (size_t i = 0; i < JK_ARRAY_LEN(faults); i++) {
		S.fault = NULL;
		refresh_outcome out = sources_refresh(s, &f.o, NULL);
		if (out == REFRESH_FAILED)
			fail_msg("%s, healthy: %s", b->spec, s->last_error);
		check_good(&f, b, s);
		S.fault = faults[i];
		assert_int_equal(sources_refresh(s, &f.o, NULL), REFRESH_FAILED);
		assert_int_equal(s->state, SOURCE_FAILED);
		if (!one_line(s->last_error) || strlen(s->last_error) < 8)
			fail_msg("%s, %s: '%s'", b->spec, faults[i], s->last_error);
		if (!strcmp(faults[i], "404") && b->fmt != IMPORT_WORKDAY)
			assert_non_null(strstr(s->last_error, "is there a"));
		check_good(&f, b, s); /* the cached copy stays */
	}
	stop(&f);
}

#define BOARD_TEST(fn, prefix)                                                                     \
	static void fn(void **state)                                                               \
	{                                                                                          \
		(void)state;                                                                       \
		NEED_READER(board(prefix));                                                        \
		board_faults(board(prefix));                                                       \
	}

BOARD_TEST(test_greenhouse_faults, "greenhouse")
BOARD_TEST(test_lever_faults, "lever")
BOARD_TEST(test_ashby_faults, "ashby")
BOARD_TEST(test_smartrecruiters_faults, "smartrecruiters")
BOARD_TEST(test_workable_faults, "workable")
BOARD_TEST(test_recruitee_faults, "recruitee")
BOARD_TEST(test_personio_faults, "personio")
BOARD_TEST(test_teamtailor_faults, "teamtailor")
BOARD_TEST(test_workday_faults, "workday")
BOARD_TEST(test_breezy_faults, "breezy")

/* ---- Greenhouse's board name ------------------------------------------ */

static void test_greenhouse_name(void **state)
{
	(void)state;
	fixture f;
	start(&f);
	source *s = add(&f, "greenhouse:acme");
	assert_int_not_equal(sources_refresh(s, &f.o, NULL), REFRESH_FAILED);
	posting_list out;
	load_one(&f, s, &out);
	assert_int_equal(out.n, 2);
	assert_string_equal(out.items[0]->organization, "Acme Robotics B.V.");
	posting_list_free(&out);
	stop(&f);
	/* No board endpoint: the spec's name. */
	start(&f);
	S.no_board_name = true;
	s = add(&f, "greenhouse:acme");
	assert_int_not_equal(sources_refresh(s, &f.o, NULL), REFRESH_FAILED);
	assert_int_equal(s->state, SOURCE_OK);
	load_one(&f, s, &out);
	assert_string_equal(out.items[0]->organization, "Acme");
	posting_list_free(&out);
	stop(&f);
}

/* ---- paging ---------------------------------------------------------- */

static cJSON *cached_json(fixture *f, const char *key)
{
	store_meta m;
	char *body;
	size_t len;
	assert_int_equal(store_cache_get(f->cache, key, &m, &body, &len, NULL), 0);
	cJSON *j = cJSON_ParseWithLength(body, len);
	assert_non_null(j);
	free(body);
	store_meta_clear(&m);
	return j;
}

static size_t with_text(const posting_list *l, const char *needle)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++)
		n += tu_contains(l->items[i], needle);
	return n;
}

/* 230 postings in three pages, one document; details fill in over
 * refreshes, those not cached yet first. */
static void test_smartrecruiters_paging(void **state)
{
	(void)state;
	NEED_READER(board("smartrecruiters"));
	fixture f;
	start(&f);
	S.sr_total = 230;
	source *s = add(&f, "smartrecruiters:acme");
	size_t n = 0;
	assert_int_equal(sources_refresh(s, &f.o, &n), REFRESH_OK);
	assert_int_equal(n, 230);
	assert_int_equal(count_paths("/v1/companies/acme/postings?limit=100&offset=0"), 1);
	assert_int_equal(count_paths("/v1/companies/acme/postings?limit=100&offset=100"), 1);
	assert_int_equal(count_paths("/v1/companies/acme/postings?limit=100&offset=200"), 1);
	assert_int_equal(count_paths("/v1/companies/acme/postings?"), 3);
	assert_int_equal(count_paths("/v1/companies/acme/postings/"), 50);
	assert_false(s->capped);
	cJSON *doc = cached_json(&f, s->url);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "content")), 230);
	assert_int_equal(cJSON_GetObjectItem(doc, "totalFound")->valueint, 230);
	cJSON_Delete(doc);
	posting_list out;
	load_one(&f, s, &out);
	assert_int_equal(out.n, 230);
	assert_int_equal(with_text(&out, "Plan the stowage"), 50);
	assert_non_null(find_title(&out, "Container Planner 230"));
	posting_list_free(&out);
	/* The next refresh fetches fifty details it did not have. */
	forget_requests();
	assert_int_equal(sources_refresh(s, &f.o, NULL), REFRESH_OK);
	assert_int_equal(count_paths("/v1/companies/acme/postings/740050"), 1);
	assert_int_equal(count_paths("/v1/companies/acme/postings/740000"), 0);
	load_one(&f, s, &out);
	assert_int_equal(with_text(&out, "Plan the stowage"), 100);
	posting_list_free(&out);
	stop(&f);
}

/* Workday: POSTed pages by offset (the total said on the first page only),
 * each job's detail GET, and "Posted 3 Days Ago" read against the fetch. */
static void test_workday_paging(void **state)
{
	(void)state;
	NEED_READER(board("workday"));
	fixture f;
	start(&f);
	S.wd_total = 45;
	S.detail_fault[1] = "404";
	f.o.max_linked = 100;
	source *s = add(&f, "workday:acme.wd3.myworkdayjobs.com/acme/External");
	assert_int_equal(sources_refresh(s, &f.o, NULL), REFRESH_OK);
	pthread_mutex_lock(&S.mu);
	int pages = 0;
	for (int i = 0; i < S.nreq; i++) {
		if (strcmp(S.req[i].path, "/wday/cxs/acme/External/jobs"))
			continue;
		char want[120];
		snprintf(want, sizeof want,
		         "{\"appliedFacets\":{},\"limit\":20,\"offset\":%d,\"searchText\":\"\"}",
		         pages * 20);
		assert_string_equal(S.req[i].method, "POST");
		assert_string_equal(S.req[i].body, want);
		pages++;
	}
	int details = 0;
	for (int i = 0; i < S.nreq; i++)
		if (!strncmp(S.req[i].path, "/wday/cxs/acme/External/job/", 28)) {
			assert_string_equal(S.req[i].method, "GET");
			assert_string_equal(S.req[i].accept, "application/json");
			details++;
		}
	pthread_mutex_unlock(&S.mu);
	assert_int_equal(pages, 3);
	assert_int_equal(details, 45);
	/* The list as fetched a week ago, then read now: dates count from then. */
	store_meta m;
	char *body;
	size_t len;
	assert_int_equal(store_cache_get(f.cache, s->url, &m, &body, &len, NULL), 0);
	int64_t then = 1790000000; /* 2026-09-21 14:13 UTC */
	m.fetched_at = then;
	store_cache_remove(f.cache, s->url, NULL);
	assert_int_equal(store_cache_put(f.cache, &m, body, len, NULL, NULL), 0);
	free(body);
	store_meta_clear(&m);
	posting_list out;
	load_one(&f, s, &out);
	assert_int_equal(out.n, 45);
	assert_int_equal(with_text(&out, "Drive straddle carriers"), 44);
	const posting *p7 = find_title(&out, "Terminal Operator 7");
	assert_non_null(p7);
	assert_true(tu_contains(p7, "quay 7"));
	const posting *p1 = find_title(&out, "Terminal Operator 1");
	assert_non_null(p1); /* its detail failed: the entry, dated from the fetch */
	assert_false(tu_contains(p1, "Drive straddle carriers"));
	assert_non_null(p1->posted);
	assert_string_equal(p1->posted, "2026-09-18");
	posting_list_free(&out);
	stop(&f);
}

/* A board that pages forever: capped at 50 pages or 2,000 postings, one
 * warning line however many refreshes. */
static void capped(const char *prefix, const char *list, int want_pages, size_t want_n)
{
	fixture f;
	start(&f);
	S.forever = true;
	f.o.max_linked = 5;
	source *s = add(&f, board(prefix)->spec);
	tu_capture cap;
	tu_capture_start(&cap);
	size_t n = 0;
	refresh_outcome out = sources_refresh(s, &f.o, &n);
	refresh_outcome again = sources_refresh(s, &f.o, NULL);
	char *log = tu_capture_end(&cap);
	assert_int_not_equal(out, REFRESH_FAILED);
	assert_int_not_equal(again, REFRESH_FAILED);
	assert_int_equal(count_paths(list), 2 * want_pages);
	assert_int_equal(n, want_n);
	assert_true(s->capped);
	int lines = 0;
	for (const char *p = log; (p = strstr(p, "showing the first")) != NULL; p++)
		lines++;
	if (lines != 1 || !strstr(log, board(prefix)->spec))
		fail_msg("log: %s", log);
	free(log);
	stop(&f);
}

static void test_paging_forever(void **state)
{
	(void)state;
	NEED_READER(board("smartrecruiters"));
	capped("smartrecruiters", "/v1/companies/acme/postings?", 20, 2000);
	NEED_READER(board("workday"));
	capped("workday", "/wday/cxs/acme/External/jobs", 50, 1000);
}

/* ---- details that fail ------------------------------------------------- */

static void details_fail(const char *prefix, const char *text, const char *title1)
{
	fixture f;
	start(&f);
	S.detail_fault[1] = "404";
	S.detail_fault[2] = "500";
	S.detail_fault[3] = "bad";
	source *s = add(&f, board(prefix)->spec);
	assert_int_equal(sources_refresh(s, &f.o, NULL), REFRESH_OK);
	posting_list out;
	load_one(&f, s, &out);
	assert_int_equal(out.n, board(prefix)->count);
	assert_non_null(find_title(&out, title1)); /* shown without its detail */
	assert_int_equal(with_text(&out, text), 0);
	posting_list_free(&out);
	/* The details come back: shown in place of the entries. */
	memset(S.detail_fault, 0, sizeof S.detail_fault);
	assert_int_equal(sources_refresh(s, &f.o, NULL), REFRESH_OK);
	load_one(&f, s, &out);
	assert_int_equal(out.n, board(prefix)->count);
	assert_int_equal(with_text(&out, text), board(prefix)->count);
	posting_list_free(&out);
	stop(&f);
}

static void test_smartrecruiters_details_fail(void **state)
{
	(void)state;
	NEED_READER(board("smartrecruiters"));
	details_fail("smartrecruiters", "Plan the stowage", "Container Planner 1");
}

static void test_workday_details_fail(void **state)
{
	(void)state;
	NEED_READER(board("workday"));
	details_fail("workday", "Drive straddle carriers", "Terminal Operator 1");
}

static void test_breezy_details(void **state)
{
	(void)state;
	NEED_READER(board("breezy"));
	details_fail("breezy", "unload the ferries", "Dock Worker");
}

/* ---- refusals ---------------------------------------------------------- */

static void test_workday_refused(void **state)
{
	(void)state;
	static const struct {
		const char *fault, *says;
	} cases[] = {
	    {"422", "HTTP 422"}, {"403", "HTTP 403"}, {"404", "HTTP 404"}, {"html", "HTML page"}};
	fixture f;
	start(&f);
	source *s = add(&f, "workday:acme.wd3.myworkdayjobs.com/acme/External");
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		S.fault = cases[i].fault;
		assert_int_equal(sources_refresh(s, &f.o, NULL), REFRESH_FAILED);
		const char *e = s->last_error;
		if (!strstr(e, "Workday tenant 'acme'") || !strstr(e, "site 'External'") ||
		    !strstr(e, cases[i].says) || !strstr(e, "refused") || !one_line(e))
			fail_msg("%s: '%s'", cases[i].fault, e);
	}
	/* A server error is not a refusal. */
	S.fault = "500";
	assert_int_equal(sources_refresh(s, &f.o, NULL), REFRESH_FAILED);
	assert_non_null(strstr(s->last_error, "HTTP 500"));
	assert_null(strstr(s->last_error, "refused"));
	stop(&f);
}

/* Whether any file under dir holds needle. */
static bool dir_holds(const char *dir, const char *needle)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool found = false;
	while (d && !found && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[1200];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t len;
		char *data = tu_read(path, &len);
		found = memmem(data, len, needle, strlen(needle)) != NULL;
		free(data);
	}
	if (d)
		closedir(d);
	return found;
}

static void test_recruitee_token(void **state)
{
	(void)state;
	fixture f;
	start(&f);
	S.want_token = true;
	/* No token: Recruitee asks for one, and the message says how. */
	source *none = add(&f, "recruitee:acme");
	assert_int_equal(sources_refresh(none, &f.o, NULL), REFRESH_FAILED);
	assert_non_null(strstr(none->last_error, "Recruitee asks for a token"));
	assert_non_null(strstr(none->last_error, "recruitee:acme?token=TOKEN"));
	assert_true(one_line(none->last_error));
	/* A wrong token: refused, and said so without showing it. */
	source *wrong = add(&f, "recruitee:acme?token=not-the-one");
	forget_requests();
	assert_int_equal(sources_refresh(wrong, &f.o, NULL), REFRESH_FAILED);
	assert_string_equal(S.req[0].auth, "Bearer not-the-one");
	assert_non_null(strstr(wrong->last_error, "Recruitee refused the token"));
	assert_null(strstr(wrong->last_error, "not-the-one"));
	/* The right one is sent as a bearer token. */
	source *right = add(&f, "recruitee:acme?token=s3cr3t-T0ken_9f");
	forget_requests();
	refresh_outcome out = sources_refresh(right, &f.o, NULL);
	assert_string_equal(S.req[0].auth, "Bearer s3cr3t-T0ken_9f");
	if (have_reader(board("recruitee"))) {
		assert_int_equal(out, REFRESH_OK);
		check_good(&f, board("recruitee"), right);
	}
	assert_null(strstr(right->spec, TOKEN));
	assert_null(strstr(right->url, TOKEN));
	assert_null(strstr(right->last_error, TOKEN));
	assert_false(dir_holds(f.dir, TOKEN)); /* nor in the cache */
	stop(&f);
}

/* The refresh thread logs a refusal with the spec as shown, never the token;
 * --check-config prints the source with the token masked. */
static void test_token_never_shown(void **state)
{
	(void)state;
	fixture f;
	start(&f);
	S.want_token = true;
	add(&f, "recruitee:acme?token=not-the-one-Xq7");
	tu_capture cap;
	tu_capture_start(&cap);
	sources_worker *w = NULL;
	assert_int_equal(sources_worker_start(&f.l, &f.o, 900, NULL, NULL, &w, NULL), 0);
	for (int i = 0; i < 100; i++) {
		sources_status st;
		sources_worker_status(w, &st);
		if (st.failing)
			break;
		usleep(100000);
	}
	sources_status st;
	sources_worker_status(w, &st);
	sources_worker_stop(w);
	char *log = tu_capture_end(&cap);
	assert_int_equal(st.failing, 1);
	assert_non_null(strstr(st.first_failing, "recruitee:acme?token=***"));
	assert_null(strstr(st.first_failing, "not-the-one-Xq7"));
	if (!strstr(log, "Recruitee refused the token") || strstr(log, "not-the-one-Xq7"))
		fail_msg("log: %s", log);
	free(log);
	stop(&f);
	tu_run_result r =
	    tu_run("--no-config --check-config 'recruitee:acme?token=not-the-one-Xq7'");
	assert_non_null(strstr(r.out, "recruitee:acme?token=***"));
	assert_null(strstr(r.out, "not-the-one-Xq7"));
	assert_null(strstr(r.err, "not-the-one-Xq7"));
	tu_run_free(&r);
	r = tu_run("--no-config --dump 'recruitee:acme?token=not-the-one-Xq7&oops'");
	assert_int_equal(r.status, 2);
	assert_null(strstr(r.err, "not-the-one-Xq7"));
	tu_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_specs),
	    cmocka_unit_test(test_bad_specs),
	    cmocka_unit_test(test_token_spec),
	    cmocka_unit_test(test_board_base),
	    cmocka_unit_test(test_requests),
	    cmocka_unit_test(test_greenhouse_faults),
	    cmocka_unit_test(test_lever_faults),
	    cmocka_unit_test(test_ashby_faults),
	    cmocka_unit_test(test_smartrecruiters_faults),
	    cmocka_unit_test(test_workable_faults),
	    cmocka_unit_test(test_recruitee_faults),
	    cmocka_unit_test(test_personio_faults),
	    cmocka_unit_test(test_teamtailor_faults),
	    cmocka_unit_test(test_workday_faults),
	    cmocka_unit_test(test_breezy_faults),
	    cmocka_unit_test(test_greenhouse_name),
	    cmocka_unit_test(test_smartrecruiters_paging),
	    cmocka_unit_test(test_workday_paging),
	    cmocka_unit_test(test_paging_forever),
	    cmocka_unit_test(test_smartrecruiters_details_fail),
	    cmocka_unit_test(test_workday_details_fail),
	    cmocka_unit_test(test_breezy_details),
	    cmocka_unit_test(test_workday_refused),
	    cmocka_unit_test(test_recruitee_token),
	    cmocka_unit_test(test_token_never_shown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
