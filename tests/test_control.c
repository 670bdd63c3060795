/* test_control.c — the control server, real and on 127.0.0.1 port 0,
 * with libcurl as the client: every endpoint without, with a wrong and
 * with the right token; 1,000 wrong tokens block the address (429, the
 * right token included); 5 MiB bodies (413, with and without a length);
 * path tricks (404); wrong methods (405 and Allow); hostile JSON bodies
 * (400, one line); 150 idle connections; refusal beyond loopback; the
 * screenshot decoded back to its pixels; TLS with a self-signed
 * certificate; /metrics through promtool and a line-by-line parse. */
#include "testutil.h"

#include "control.h"
#include "render.h"

#include <SDL_image.h>
#include <arpa/inet.h>
#include <curl/curl.h>
#include <math.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "s3cret-token-0123456789"
#define SHOT_W 64
#define SHOT_H 40

/* ---- the program's side: callbacks and a snapshot ------------------------ */

typedef struct fake_loop {
	pthread_mutex_t lock;
	control_cmd cmds[64];
	int ncmds;
	bool busy;       /* command answers JK_EBUSY */
	bool no_picture; /* screenshot answers JK_EBUSY */
} fake_loop;

static int on_command(void *ud, const control_cmd *cmd)
{
	fake_loop *f = ud;
	pthread_mutex_lock(&f->lock);
	int r = f->busy ? JK_EBUSY : 0;
	if (!r && f->ncmds < (int)JK_ARRAY_LEN(f->cmds))
		f->cmds[f->ncmds++] = *cmd;
	pthread_mutex_unlock(&f->lock);
	return r;
}

static uint32_t shot_pixel(int x, int y)
{
	return (uint32_t)((x * 4) << 16 | (y * 6) << 8 | ((x + y) * 3 & 0xff));
}

static int on_screenshot(void *ud, control_image *out, unsigned timeout_ms)
{
	const fake_loop *f = ud;
	if (f->no_picture)
		return JK_EBUSY;
	out->w = SHOT_W;
	out->h = SHOT_H;
	out->pitch = SHOT_W * 4 + 8; /* rows padded, as a texture's may be */
	out->pixels = calloc((size_t)out->pitch, SHOT_H);
	assert_non_null(out->pixels);
	for (int y = 0; y < SHOT_H; y++)
		for (int x = 0; x < SHOT_W; x++)
			((uint32_t *)((char *)out->pixels + (size_t)y * out->pitch))[x] =
			    shot_pixel(x, y);
	return 0;
}

static char *sdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void publish(control_server *srv)
{
	control_snapshot s = {0};
	s.screen = sdup("booth \"12\"\\\nwest");
	s.started = (int64_t)time(NULL) - 3600;
	s.posting_id = sdup("gh-123");
	s.title = sdup("Data Engineer");
	s.page = 0;
	s.npages = 3;
	s.display_on = true;
	s.npostings = 2;
	s.postings = calloc(2, sizeof *s.postings);
	s.postings[0] = (control_posting){sdup("gh-123"), sdup("Data Engineer")};
	s.postings[1] = (control_posting){sdup("lv-7"), sdup("Nurse (m/w/d)")};
	s.nsources = 3;
	s.sources = calloc(3, sizeof *s.sources);
	s.sources[0] = (control_source){
	    sdup("greenhouse:acme"), sdup("ok"), NULL, 1796232605, {4, 2, 1}, false};
	s.sources[1] = (control_source){sdup("/srv/jobs \"odd\"\\dir"),
	                                sdup("failed"),
	                                sdup("cannot open: No such file"),
	                                0,
	                                {0, 0, 3},
	                                false};
	/* A folder on the screen: in the status, never in the fetch metrics. */
	s.sources[2] = (control_source){
	    .spec = sdup("/media/usb/jobs"), .state = sdup("local"), .local = true};
	s.cache_bytes = 123456;
	s.has_announce = true;
	snprintf(s.announce.text, sizeof s.announce.text, "Talk at 3 pm");
	s.announce.until = (int64_t)time(NULL) + 600;
	s.slides_shown = 1234;
	uint64_t per[CONTROL_FRAME_BUCKETS] = {10, 20, 30, 5, 2, 1, 1, 0, 1};
	uint64_t sum = 0;
	for (int i = 0; i < CONTROL_FRAME_BUCKETS; i++)
		s.frame_buckets[i] = sum += per[i];
	s.frame_count = sum;
	s.frame_ms_sum = 470.5;
	control_publish(srv, &s);
	assert_null(s.postings); /* moved */
}

static fake_loop loop_state;

static control_server *start(const char *token, bool metrics_public)
{
	memset(&loop_state, 0, sizeof loop_state);
	pthread_mutex_init(&loop_state.lock, NULL);
	control_opts o = {.listen = "127.0.0.1:0",
	                  .token = token,
	                  .metrics_public = metrics_public,
	                  .version = "0.14.0",
	                  .command = on_command,
	                  .screenshot = on_screenshot,
	                  .ud = &loop_state};
	control_server *srv = NULL;
	jk_err err = {0};
	assert_int_equal(control_start(&o, &srv, &err), 0);
	assert_true(control_port(srv) > 0);
	publish(srv);
	return srv;
}

/* ---- the client ----------------------------------------------------------------- */

typedef struct resp {
	long code;
	CURLcode rc;
	jk_buf body;
	char allow[64], ctype[64];
	bool www_bearer, no_store, nosniff, csp;
} resp;

static size_t on_body(char *p, size_t size, size_t n, void *ud)
{
	resp *r = ud;
	return jk_buf_append(&r->body, p, size * n) ? 0 : size * n;
}

static void header_value(const char *line, size_t n, const char *name, char *out, size_t cap)
{
	size_t k = strlen(name);
	if (n <= k || strncasecmp(line, name, k))
		return;
	size_t v = k;
	while (v < n && line[v] == ' ')
		v++;
	size_t e = n;
	while (e > v && (line[e - 1] == '\r' || line[e - 1] == '\n'))
		e--;
	snprintf(out, cap, "%.*s", (int)(e - v), line + v);
}

static size_t on_header(char *p, size_t size, size_t n, void *ud)
{
	resp *r = ud;
	size_t len = size * n;
	header_value(p, len, "Allow:", r->allow, sizeof r->allow);
	header_value(p, len, "Content-Type:", r->ctype, sizeof r->ctype);
	if (len > 25 && !strncasecmp(p, "WWW-Authenticate: Bearer", 24))
		r->www_bearer = true;
	if (!strncasecmp(p, "Cache-Control: no-store", 23))
		r->no_store = true;
	if (!strncasecmp(p, "X-Content-Type-Options: nosniff", 31))
		r->nosniff = true;
	if (!strncasecmp(p, "Content-Security-Policy: default-src 'self'", 43))
		r->csp = true;
	return len;
}

typedef struct req {
	const char *method, *path, *token;
	const char *body;
	size_t len;
	bool chunked;
	const char *scheme, *cainfo;
	const char *host;  /* default 127.0.0.1 */
	const char *extra; /* one more header line */
	CURL *reuse;       /* a handle kept between requests (keep-alive) */
} req;

typedef struct upload {
	const char *p;
	size_t left;
} upload;

static size_t on_read(char *buf, size_t size, size_t n, void *ud)
{
	upload *u = ud;
	size_t k = size * n < u->left ? size * n : u->left;
	memcpy(buf, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

static resp do_req(control_server *srv, const req *q)
{
	upload up = {q->body, q->len};
	resp r = {0};
	r.body.limit = 16 << 20;
	CURL *c = q->reuse ? q->reuse : curl_easy_init();
	assert_non_null(c);
	char url[512];
	snprintf(url, sizeof url, "%s://%s:%d%s", q->scheme ? q->scheme : "http",
	         q->cainfo ? "localhost"
	         : q->host ? q->host
	                   : "127.0.0.1",
	         control_port(srv), q->path);
	struct curl_slist *h = NULL, *resolve = NULL;
	char auth[256];
	if (q->token) {
		snprintf(auth, sizeof auth, "Authorization: Bearer %s", q->token);
		h = curl_slist_append(h, auth);
	}
	if (q->chunked)
		h = curl_slist_append(h, "Transfer-Encoding: chunked");
	if (q->extra)
		h = curl_slist_append(h, q->extra);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, q->method ? q->method : "GET");
	if (q->body && q->chunked) { /* no length: read in pieces */
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
		curl_easy_setopt(c, CURLOPT_READDATA, &up);
	} else if (q->body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)q->len);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, q->body);
	} else {
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
		curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, q->method ? q->method : "GET");
	}
	if (q->cainfo) {
		char rs[64];
		snprintf(rs, sizeof rs, "localhost:%d:127.0.0.1", control_port(srv));
		resolve = curl_slist_append(NULL, rs);
		curl_easy_setopt(c, CURLOPT_RESOLVE, resolve);
		curl_easy_setopt(c, CURLOPT_CAINFO, q->cainfo);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &r);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	r.rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.code);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, NULL);
	curl_slist_free_all(h);
	curl_slist_free_all(resolve);
	if (!q->reuse)
		curl_easy_cleanup(c);
	jk_buf_append(&r.body, "", 0);
	return r;
}

static long code_of(control_server *srv, const req *q)
{
	resp r = do_req(srv, q);
	jk_buf_free(&r.body);
	return r.code;
}

/* An error answer: JSON {"error":"one line"}, the headers every answer has. */
static void assert_error(const resp *r, long code)
{
	if (r->code != code)
		fail_msg("want %ld, got %ld: %s", code, r->code, r->body.data);
	assert_string_equal(r->ctype, "application/json");
	assert_true(r->no_store && r->nosniff);
	assert_null(strchr(r->body.data, '\n'));
	assert_int_equal(strncmp(r->body.data, "{\"error\":\"", 10), 0);
	assert_true(r->body.len > 12);
}

/* ---- tests ---------------------------------------------------------------------- */

typedef struct endpoint {
	const char *method, *path, *body;
	control_cmd_kind kind; /* the command it gives, -1 none */
} endpoint;

static const endpoint endpoints[] = {
    {"GET", "/api/status", NULL, -1},
    {"GET", "/api/screenshot.png", NULL, -1},
    {"POST", "/api/next", "", CONTROL_NEXT},
    {"POST", "/api/prev", "{}", CONTROL_PREV},
    {"POST", "/api/pause", "", CONTROL_PAUSE},
    {"POST", "/api/resume", " {} ", CONTROL_RESUME},
    {"POST", "/api/reload", "", CONTROL_RELOAD},
    {"POST", "/api/goto", "{\"id\":\"lv-7\"}", CONTROL_GOTO},
    {"POST", "/api/announce", "{\"text\":\" Talk at 3 pm\\n\\tin room B \",\"minutes\":60}",
     CONTROL_ANNOUNCE},
    {"DELETE", "/api/announce", NULL, CONTROL_UNANNOUNCE},
    {"GET", "/metrics", NULL, -1},
};

static void test_tokens(void **state)
{
	control_server *srv = start(TOKEN, false);
	control_server *wrong = NULL; /* a fresh one every 9: 10 would block */
	for (size_t i = 0; i < JK_ARRAY_LEN(endpoints); i++) {
		const endpoint *e = &endpoints[i];
		req q = {.method = e->method,
		         .path = e->path,
		         .body = e->body,
		         .len = e->body ? strlen(e->body) : 0};
		resp r = do_req(srv, &q);
		assert_error(&r, 401);
		assert_true(r.www_bearer);
		jk_buf_free(&r.body);
		if (i % 9 == 0) {
			control_stop(wrong);
			wrong = start(TOKEN, false);
		}
		q.token = "s3cret-token-0123456788"; /* one byte off */
		r = do_req(wrong, &q);
		assert_error(&r, 401);
		assert_true(r.www_bearer);
		jk_buf_free(&r.body);
	}
	control_stop(wrong);
	for (size_t i = 0; i < JK_ARRAY_LEN(endpoints); i++) {
		const endpoint *e = &endpoints[i];
		req q = {.method = e->method,
		         .path = e->path,
		         .token = TOKEN,
		         .body = e->body,
		         .len = e->body ? strlen(e->body) : 0};
		resp r = do_req(srv, &q);
		if (r.code != 200)
			fail_msg("%s %s: %ld %s", e->method, e->path, r.code, r.body.data);
		assert_true(r.no_store && r.nosniff);
		if (e->kind != (control_cmd_kind)-1)
			assert_int_equal(loop_state.cmds[loop_state.ncmds - 1].kind, e->kind);
		jk_buf_free(&r.body);
	}
	assert_int_equal(loop_state.ncmds, 8);
	assert_string_equal(loop_state.cmds[5].id, "lv-7");
	const control_announce *a = &loop_state.cmds[6].announce;
	assert_string_equal(a->text, "Talk at 3 pm in room B");
	assert_int_equal(a->level, CONTROL_INFO);
	assert_true(llabs(a->until - ((int64_t)time(NULL) + 3600)) < 5);
	/* The page needs no token; it carries the policy. */
	req q = {.method = "GET", .path = "/"};
	resp r = do_req(srv, &q);
	assert_int_equal(r.code, 200);
	assert_true(r.csp && r.no_store);
	assert_int_equal(strncmp(r.ctype, "text/html", 9), 0);
	jk_buf_free(&r.body);
	/* The loop's queue full: 503. */
	loop_state.busy = true;
	q = (req){.method = "POST", .path = "/api/next", .token = TOKEN, .body = "", .len = 0};
	r = do_req(srv, &q);
	assert_error(&r, 503);
	jk_buf_free(&r.body);
	loop_state.busy = false;
	loop_state.no_picture = true;
	q = (req){.method = "GET", .path = "/api/screenshot.png", .token = TOKEN};
	r = do_req(srv, &q);
	assert_error(&r, 503);
	jk_buf_free(&r.body);
	control_stop(srv);
}

static void test_status(void **state)
{
	control_server *srv = start(NULL, false); /* loopback, no token: open */
	req q = {.method = "GET", .path = "/api/status"};
	resp r = do_req(srv, &q);
	assert_int_equal(r.code, 200);
	assert_string_equal(r.ctype, "application/json");
	const char *want[] = {
	    "\"version\":\"0.14.0\"",
	    "\"screen\":\"booth \\\"12\\\"\\\\\\nwest\"",
	    "\"uptime_s\":3600",
	    "\"showing\":{\"kind\":\"posting\",\"id\":\"gh-123\",\"title\":\"Data "
	    "Engineer\",\"page\":1,\"pages\":3,\"paused\":false}",
	    "\"deck\":{\"size\":2,\"postings\":[{\"id\":\"gh-123\",\"title\":\"Data Engineer\"},"
	    "{\"id\":\"lv-7\",\"title\":\"Nurse (m/w/d)\"}]}",
	    "\"display\":{\"on\":true,\"next_change\":null,\"next_on\":false}",
	    "{\"spec\":\"greenhouse:acme\",\"state\":\"ok\",\"last_ok\":1796232605,\"error\":null}",
	    "\"state\":\"failed\",\"last_ok\":null,\"error\":\"cannot open: No such file\"",
	    "\"cache_bytes\":123456",
	    "\"announcement\":{\"text\":\"Talk at 3 pm\",\"level\":\"info\",\"until\":",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(want); i++)
		if (!strstr(r.body.data, want[i]))
			fail_msg("missing %s in %s", want[i], r.body.data);
	jk_buf_free(&r.body);
	/* goto an id not in the deck: 404. */
	q = (req){.method = "POST",
	          .path = "/api/goto",
	          .token = NULL,
	          .body = "{\"id\":\"nope\"}",
	          .len = 13};
	r = do_req(srv, &q);
	assert_error(&r, 404);
	jk_buf_free(&r.body);
	control_stop(srv);
}

static void test_block(void **state)
{
	control_server *srv = start(TOKEN, false);
	CURL *c = curl_easy_init();
	int n401 = 0, n429 = 0;
	for (int i = 0; i < 1000; i++) {
		char wrong[64];
		snprintf(wrong, sizeof wrong, "guess-%04d-0123456789", i);
		req q = {.method = "GET", .path = "/api/status", .token = wrong, .reuse = c};
		long code = code_of(srv, &q);
		n401 += code == 401;
		n429 += code == 429;
	}
	assert_int_equal(n401, 10);
	assert_int_equal(n429, 990);
	/* The right token from the blocked address waits out the minute too:
	 * guessing would otherwise go on between the blocks. */
	req q = {.method = "GET", .path = "/api/status", .token = TOKEN, .reuse = c};
	resp r = do_req(srv, &q);
	assert_error(&r, 429);
	jk_buf_free(&r.body);
	/* The page still loads; it holds no data. */
	q = (req){.method = "GET", .path = "/", .reuse = c};
	assert_int_equal(code_of(srv, &q), 200);
	curl_easy_cleanup(c);
	control_stop(srv);
}

static void test_big_body(void **state)
{
	control_server *srv = start(TOKEN, false);
	size_t n = 5 << 20;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, '{', n);
	for (int chunked = 0; chunked < 2; chunked++) {
		req q = {.method = "POST",
		         .path = "/api/announce",
		         .token = TOKEN,
		         .body = big,
		         .len = n,
		         .chunked = chunked};
		resp r = do_req(srv, &q);
		assert_error(&r, 413);
		jk_buf_free(&r.body);
		/* Still fine afterwards. */
		q = (req){.method = "GET", .path = "/api/status", .token = TOKEN};
		assert_int_equal(code_of(srv, &q), 200);
	}
	/* A chunked body past 8 MiB is not read to its end: closed. */
	free(big);
	n = 9 << 20;
	big = malloc(n);
	assert_non_null(big);
	memset(big, 'x', n);
	req c = {.method = "POST",
	         .path = "/api/next",
	         .token = TOKEN,
	         .body = big,
	         .len = n,
	         .chunked = true};
	resp r = do_req(srv, &c);
	assert_true(r.rc != CURLE_OK || r.code == 413);
	jk_buf_free(&r.body);
	c = (req){.method = "GET", .path = "/api/status", .token = TOKEN};
	assert_int_equal(code_of(srv, &c), 200);
	/* 4096 bytes is the most that is read: 4097 is too many. */
	req q = {.method = "POST", .path = "/api/goto", .token = TOKEN, .body = big, .len = 4097};
	assert_int_equal(code_of(srv, &q), 413);
	q.len = 4096;
	assert_int_equal(code_of(srv, &q), 400);
	free(big);
	assert_int_equal(loop_state.ncmds, 0);
	control_stop(srv);
}

static void test_paths(void **state)
{
	control_server *srv = start(TOKEN, false);
	static const char *const paths[] = {
	    "/../api/status",
	    "/%2e%2e/api/status",
	    "//api/status",
	    "/api/status/",
	    "/api/./status",
	    "/api/../api/status",
	    "/API/STATUS",
	    "/api/status%00",
	    "/api/st%61tus",
	    "/api/status/..",
	    "/metrics/../api/status",
	    "/%2F",
	    "/index.html",
	    "/api",
	    "/api/screenshot.png/../../etc/passwd",
	    "/.%2e/.%2e/etc/passwd",
	    "/api/status;x",
	    "/api\\status",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(paths); i++) {
		req q = {.method = "GET", .path = paths[i], .token = TOKEN};
		resp r = do_req(srv, &q);
		if (r.code != 404)
			fail_msg("%s: %ld", paths[i], r.code);
		assert_error(&r, 404);
		jk_buf_free(&r.body);
	}
	/* A query string is not part of the path. */
	req q = {.method = "GET", .path = "/api/status?x=1", .token = TOKEN};
	assert_int_equal(code_of(srv, &q), 200);
	control_stop(srv);
}

static void test_methods(void **state)
{
	control_server *srv = start(TOKEN, false);
	static const struct {
		const char *method, *path, *allow;
	} cases[] = {
	    {"PUT", "/api/status", "GET"},
	    {"POST", "/api/status", "GET"},
	    {"GET", "/api/next", "POST"},
	    {"DELETE", "/api/goto", "POST"},
	    {"FOO", "/api/announce", "POST, DELETE"},
	    {"GET", "/api/announce", "POST, DELETE"},
	    {"POST", "/metrics", "GET"},
	    {"OPTIONS", "/", "GET"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		req q = {.method = cases[i].method, .path = cases[i].path, .token = TOKEN};
		resp r = do_req(srv, &q);
		assert_error(&r, 405);
		assert_string_equal(r.allow, cases[i].allow);
		jk_buf_free(&r.body);
	}
	req q = {.method = "PATCH", .path = "/nowhere", .token = TOKEN};
	assert_int_equal(code_of(srv, &q), 404);
	control_stop(srv);
}

static void test_hostile_bodies(void **state)
{
	control_server *srv = start(TOKEN, false);
	char deep[4001];
	memset(deep, '[', 2000);
	memset(deep + 2000, ']', 2000);
	deep[4000] = 0;
	char longtext[400];
	snprintf(longtext, sizeof longtext, "{\"text\":\"%0281d\",\"minutes\":5}", 0);
	static const char bin[] = "\x00\x01\x02\xff\xfe{\"text\"";
	const struct {
		const char *path, *body;
		size_t len; /* 0: strlen */
	} cases[] = {
	    {"/api/announce", "", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":", 0},
	    {"/api/announce", bin, sizeof bin - 1},
	    {"/api/announce", "{\"text\":\"caf\xe9\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":1e999}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":-1e308}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":99999999999999999999999}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":0}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":10081}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":1.5}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":\"5\"}", 0},
	    {"/api/announce", "{\"text\":5,\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":[\"hi\"],\"minutes\":5}", 0},
	    {"/api/announce", "{\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"hi\"}", 0},
	    {"/api/announce", "{\"text\":\"   \",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"bell\\u0007\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"cut\\u0000here\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"evil \xe2\x80\xae txt\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"zero\xe2\x80\x8bwidth\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"hi\\ud800\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":5,\"level\":\"loud\"}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":5,\"level\":null}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":5,\"colour\":\"red\"}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"text\":\"ho\",\"minutes\":5}", 0},
	    {"/api/announce", "{\"text\":\"hi\",\"minutes\":5} trailing", 0},
	    {"/api/announce", "[\"text\",\"hi\"]", 0},
	    {"/api/announce", "null", 0},
	    {"/api/announce", deep, 0},
	    {"/api/announce", longtext, 0},
	    {"/api/goto", "", 0},
	    {"/api/goto", "{\"id\":", 0},
	    {"/api/goto", "{\"id\":7}", 0},
	    {"/api/goto", "{\"id\":\"\"}", 0},
	    {"/api/goto", "{\"id\":\"a\\nb\"}", 0},
	    {"/api/goto", bin, sizeof bin - 1},
	    {"/api/goto", deep, 0},
	    {"/api/next", "{\"x\":1}", 0},
	    {"/api/next", "garbage", 0},
	    {"/api/reload", bin, sizeof bin - 1},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		size_t n = cases[i].len ? cases[i].len : strlen(cases[i].body);
		req q = {.method = "POST",
		         .path = cases[i].path,
		         .token = TOKEN,
		         .body = cases[i].body,
		         .len = n};
		resp r = do_req(srv, &q);
		if (r.code != 400)
			fail_msg("case %zu: %ld %s", i, r.code, r.body.data);
		assert_error(&r, 400);
		assert_true(jk_utf8_valid(r.body.data, r.body.len));
		jk_buf_free(&r.body);
	}
	assert_int_equal(loop_state.ncmds, 0);
	/* The limits themselves pass: 280 bytes, 10080 minutes, urgent. */
	snprintf(longtext, sizeof longtext,
	         "{\"text\":\"%0280d\",\"minutes\":10080,\"level\":\"urgent\"}", 0);
	req q = {.method = "POST",
	         .path = "/api/announce",
	         .token = TOKEN,
	         .body = longtext,
	         .len = strlen(longtext)};
	resp r = do_req(srv, &q);
	assert_int_equal(r.code, 200);
	assert_non_null(strstr(r.body.data, "{\"ok\":true,\"until\":"));
	jk_buf_free(&r.body);
	assert_int_equal(loop_state.ncmds, 1);
	assert_int_equal(strlen(loop_state.cmds[0].announce.text), 280);
	assert_int_equal(loop_state.cmds[0].announce.level, CONTROL_URGENT);
	control_stop(srv);
}

static void test_parsers(void **state)
{
	control_announce a;
	jk_err err = {0};
	const char *b =
	    "{\"level\":\"info\",\"text\":\"Caf\xc3\xa9\xe2\x80\x83\xe2\x80\x83ouvert "
	    "\xd9\x85\xdb\x8c\xe2\x80\x8c\xda\xa9\xd9\x86\xdb\x8c\xd8\xaf\",\"minutes\":2}";
	assert_int_equal(control_parse_announce(b, strlen(b), 1000, &a, &err), 0);
	assert_string_equal(a.text,
	                    "Caf\xc3\xa9 ouvert \xd9\x85\xdb\x8c\xe2\x80\x8c\xda\xa9\xd9\x86"
	                    "\xdb\x8c\xd8\xaf"); /* ZWNJ kept for Persian */
	assert_int_equal(a.until, 1120);
	/* Not NUL-terminated: only len bytes are read. */
	char buf[32];
	memcpy(buf, "{\"id\":\"gh-1\"}XXXXXXXXXXXXXXXXXXX", sizeof buf);
	char id[CONTROL_ID_MAX];
	assert_int_equal(control_parse_goto(buf, 13, id, &err), 0);
	assert_string_equal(id, "gh-1");
	assert_int_equal(control_parse_goto(buf, 14, id, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "more after"));
	assert_int_equal(control_parse_announce("{\"text\":\"hi\",\"minutes\":5}", 25, 0, &a, &err),
	                 0);
	/* The text alone, as a saved announcement is read back. */
	assert_int_equal(control_announce_text("  two\n\nlines ", 13, &a, &err), 0);
	assert_string_equal(a.text, "two lines");
	assert_int_equal(control_announce_text("a\0b", 3, &a, &err), JK_EFORMAT);
	assert_int_equal(control_announce_text("\t \n", 3, &a, &err), JK_EFORMAT);
	assert_string_equal(err.msg, "text is empty");
	assert_int_equal(control_announce_text("bad \xc3(", 6, &a, &err), JK_EFORMAT);
	assert_string_equal(err.msg, "text is not valid UTF-8");
	assert_int_equal(control_announce_text("\xe2\x81\xa6isolate", 10, &a, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "direction character (U+2066)"));
	assert_int_equal(control_announce_text(NULL, 5, &a, &err), JK_EFORMAT);
	char huge[300];
	snprintf(huge, sizeof huge, "{\"id\":\"%0128d\"}", 0);
	assert_int_equal(control_parse_goto(huge, strlen(huge), id, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "1 to 127 bytes"));
}

static void test_many_connections(void **state)
{
	control_server *srv = start(TOKEN, false);
	int fds[150];
	struct sockaddr_in sa = {.sin_family = AF_INET,
	                         .sin_port = htons((uint16_t)control_port(srv))};
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	for (int i = 0; i < 150; i++) {
		fds[i] = socket(AF_INET, SOCK_STREAM, 0);
		assert_true(fds[i] >= 0);
		/* Refused ones are accepted and closed by the server: connect
		 * itself succeeds. */
		assert_int_equal(connect(fds[i], (struct sockaddr *)&sa, sizeof sa), 0);
	}
	/* The server keeps CTL_CONN_PER_IP (32) from one address and closes
	 * the rest at once. */
	int open = 150;
	for (int pass = 0; pass < 100 && open > 32; pass++) {
		usleep(50000);
		open = 0;
		for (int i = 0; i < 150; i++) {
			char ch;
			open += recv(fds[i], &ch, 1, MSG_DONTWAIT) < 0;
		}
	}
	assert_int_equal(open, 32);
	/* A fresh client gets an answer or a clean refusal, never a hang. */
	req q = {.method = "GET", .path = "/api/status", .token = TOKEN};
	resp r = do_req(srv, &q);
	assert_true(r.rc == CURLE_OK || r.rc == CURLE_GOT_NOTHING || r.rc == CURLE_RECV_ERROR ||
	            r.rc == CURLE_SEND_ERROR);
	if (r.rc == CURLE_OK)
		assert_int_equal(r.code, 200);
	jk_buf_free(&r.body);
	for (int i = 0; i < 150; i++)
		close(fds[i]);
	/* The server notices the closes at its next poll. */
	long code = 0;
	for (int i = 0; i < 100 && code != 200; i++) {
		code = code_of(srv, &q);
		if (code != 200)
			usleep(50000);
	}
	assert_int_equal(code, 200);
	control_stop(srv);
}

static void test_refusal(void **state)
{
	jk_err err = {0};
	control_opts o = {.listen = "0.0.0.0:8080"};
	control_server *srv = NULL;
	assert_int_equal(control_check(&o, &err), JK_EARG);
	assert_non_null(strstr(err.msg, "0.0.0.0:8080"));
	assert_non_null(strstr(err.msg, "beyond loopback"));
	assert_int_equal(control_start(&o, &srv, &err), JK_EARG);
	assert_null(srv);
	o.token = "fifteen-bytes!!";
	assert_int_equal(strlen(o.token), 15);
	assert_int_equal(control_start(&o, &srv, &err), JK_EARG);
	assert_non_null(strstr(err.msg, "15 characters"));
	assert_null(strstr(err.msg, o.token)); /* never shown */
	o.listen = "[::]:8080";
	assert_int_equal(control_check(&o, &err), JK_EARG);
	o.token = "sixteen-bytes!!!";
	assert_int_equal(control_check(&o, &err), 0);
	o.token = "has space in it, long enough";
	assert_int_equal(control_check(&o, &err), JK_EARG);
	o = (control_opts){.listen = "127.0.0.1:0", .cert = "/x.pem"};
	assert_int_equal(control_check(&o, &err), JK_EARG);
	assert_non_null(strstr(err.msg, "control_key"));

	static const struct {
		const char *in;
		bool loopback;
	} good[] = {{"127.0.0.1:8080", true},     {"[::1]:8080", true},     {"0.0.0.0:8080", false},
	            {"[::]:8080", false},         {"localhost:8080", true}, {"127.9.9.9:0", true},
	            {"192.168.1.20:65535", false}};
	for (size_t i = 0; i < JK_ARRAY_LEN(good); i++) {
		bool lo = !good[i].loopback;
		assert_int_equal(control_listen_parse(good[i].in, &lo, &err), 0);
		assert_int_equal(lo, good[i].loopback);
	}
	static const char *const bad[] = {
	    "",
	    "8080",
	    "127.0.0.1",
	    "127.0.0.1:",
	    "127.0.0.1:65536",
	    "127.0.0.1:80x",
	    "127.0.0.1:-1",
	    "::1:8080",
	    "[::1]8080",
	    "[::1",
	    "example.com:80",
	    "256.1.1.1:80",
	    "[zz]:80",
	    ":8080",
	    "127.0.0.1:99999999999999999999",
	    "a\nb:80",
	    "[127.0.0.1]:80",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		bool lo;
		err.msg[0] = 0;
		assert_int_equal(control_listen_parse(bad[i], &lo, &err), JK_EARG);
		assert_true(err.msg[0] && !strchr(err.msg, '\n'));
	}
	/* A port in use: the address and the reason. */
	srv = start(NULL, false);
	char spec[32];
	snprintf(spec, sizeof spec, "127.0.0.1:%d", control_port(srv));
	o = (control_opts){.listen = spec};
	control_server *two = NULL;
	assert_int_equal(control_start(&o, &two, &err), JK_EIO);
	assert_non_null(strstr(err.msg, spec));
	assert_non_null(strstr(err.msg, "in use"));
	control_stop(srv);
}

static void test_screenshot(void **state)
{
	control_server *srv = start(TOKEN, false);
	req q = {.method = "GET", .path = "/api/screenshot.png", .token = TOKEN};
	resp r = do_req(srv, &q);
	assert_int_equal(r.code, 200);
	assert_string_equal(r.ctype, "image/png");
	SDL_Surface *img = IMG_Load_RW(SDL_RWFromConstMem(r.body.data, (int)r.body.len), 1);
	assert_non_null(img);
	SDL_Surface *x = SDL_ConvertSurfaceFormat(img, SDL_PIXELFORMAT_XRGB8888, 0);
	assert_non_null(x);
	assert_int_equal(x->w, SHOT_W);
	assert_int_equal(x->h, SHOT_H);
	for (int y = 0; y < SHOT_H; y++)
		for (int xx = 0; xx < SHOT_W; xx++) {
			uint32_t got = ((uint32_t *)((char *)x->pixels + (size_t)y * x->pitch))[xx];
			assert_int_equal(got & 0xffffff, shot_pixel(xx, y));
		}
	SDL_FreeSurface(x);
	SDL_FreeSurface(img);
	jk_buf_free(&r.body);
	/* The encoder refuses what is not a picture. */
	unsigned char *png;
	size_t n;
	jk_err err = {0};
	assert_int_equal(render_png_encode(NULL, 10, 10, 40, &png, &n, &err), JK_EARG);
	uint32_t px[4] = {0};
	assert_int_equal(render_png_encode(px, 2, 2, 4, &png, &n, &err), JK_EARG);
	assert_null(png);
	control_stop(srv);
}

static void test_tls(void **state)
{
	const char *dir = tu_tmpdir();
	char cmd[1024], cert[300], key[300];
	snprintf(cert, sizeof cert, "%s/cert.pem", dir);
	snprintf(key, sizeof key, "%s/key.pem", dir);
	snprintf(
	    cmd, sizeof cmd,
	    "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
	    "-subj /CN=localhost -keyout '%s' -out '%s' 2>/dev/null",
	    key, cert);
	assert_int_equal(system(cmd), 0);
	fake_loop f = {0};
	pthread_mutex_init(&f.lock, NULL);
	control_opts o = {
	    .listen = "127.0.0.1:0", .token = TOKEN, .cert = cert, .key = key, .ud = &f};
	control_server *srv = NULL;
	jk_err err = {0};
	assert_int_equal(control_start(&o, &srv, &err), 0);
	publish(srv);
	req q = {.method = "GET",
	         .path = "/api/status",
	         .token = TOKEN,
	         .scheme = "https",
	         .cainfo = cert};
	resp r = do_req(srv, &q);
	if (r.rc)
		fail_msg("curl: %s", curl_easy_strerror(r.rc));
	assert_int_equal(r.code, 200);
	assert_non_null(strstr(r.body.data, "\"version\":"));
	jk_buf_free(&r.body);
	/* Plain HTTP to the TLS port gets no answer. */
	q = (req){.method = "GET", .path = "/api/status", .token = TOKEN};
	r = do_req(srv, &q);
	assert_true(r.code != 200);
	jk_buf_free(&r.body);
	control_stop(srv);
	/* A key that is not one: named, with the reason. */
	o.key = cert;
	assert_int_equal(control_start(&o, &srv, &err), JK_EIO);
	assert_non_null(strstr(err.msg, "cannot be used"));
	snprintf(cmd, sizeof cmd, "%s/none.pem", dir);
	o.key = cmd;
	assert_int_equal(control_start(&o, &srv, &err), JK_EIO);
	assert_non_null(strstr(err.msg, "none.pem"));
	o.key = "/dev/null";
	assert_true(control_start(&o, &srv, &err) < 0);
	tu_rmtree(dir);
}

/* The text format, line by line: every sample `name{labels} value`
 * with a float, every family with HELP and TYPE before its samples,
 * histogram buckets cumulative with +Inf equal to the count. */
static void check_metrics_text(const char *text)
{
	char help[64][96], type[64][96];
	int nhelp = 0, ntype = 0;
	double last_bucket = -1, inf = -1, count = -2;
	char *copy = strdup(text), *save = NULL;
	int samples = 0;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "# HELP ", 7)) {
			assert_int_equal(sscanf(line + 7, "%95s", help[nhelp++]), 1);
			continue;
		}
		if (!strncmp(line, "# TYPE ", 7)) {
			char kind[32];
			assert_int_equal(sscanf(line + 7, "%95s %31s", type[ntype++], kind), 2);
			assert_true(!strcmp(kind, "counter") || !strcmp(kind, "gauge") ||
			            !strcmp(kind, "histogram"));
			continue;
		}
		assert_true(line[0] != '#');
		char name[128];
		size_t k = strspn(
		    line, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_:0123456789");
		assert_true(k > 0 && k < sizeof name);
		memcpy(name, line, k);
		name[k] = 0;
		const char *p = line + k;
		if (*p == '{') { /* labels: name="value" with \\ \" \n escapes */
			p++;
			while (*p != '}') {
				while (*p != '=')
					assert_true(*p++ != 0);
				assert_int_equal(*++p, '"');
				for (p++; *p != '"'; p++) {
					assert_true(*p != 0 && *p != '\n');
					if (*p == '\\') {
						p++;
						assert_true(*p == '\\' || *p == '"' || *p == 'n');
					}
				}
				p++;
				if (*p == ',')
					p++;
			}
			p++;
		}
		assert_int_equal(*p++, ' ');
		char *end;
		double v = strtod(p, &end);
		assert_true(end != p && *end == 0 && !isnan(v));
		samples++;
		/* Its family was declared. */
		char fam[128];
		snprintf(fam, sizeof fam, "%s", name);
		bool found = false;
		for (int pass = 0; pass < 2 && !found; pass++) {
			for (int i = 0; i < ntype && !found; i++)
				found = !strcmp(type[i], fam) && !strcmp(help[i], fam);
			char *suf = strrchr(fam, '_');
			if (!found && suf &&
			    (!strcmp(suf, "_bucket") || !strcmp(suf, "_sum") ||
			     !strcmp(suf, "_count")))
				*suf = 0;
		}
		if (!found)
			fail_msg("no HELP and TYPE for %s", name);
		if (!strcmp(name, "jobkiosk_frame_seconds_bucket")) {
			assert_true(v >= last_bucket);
			last_bucket = v;
			if (strstr(line, "le=\"+Inf\""))
				inf = v;
		}
		if (!strcmp(name, "jobkiosk_frame_seconds_count"))
			count = v;
	}
	assert_true(nhelp == ntype && samples > 20);
	assert_true(inf == count && count == 70);
	free(copy);
}

static void test_metrics(void **state)
{
	control_server *srv = start(TOKEN, false);
	/* A few answers to count. */
	req q = {.method = "GET", .path = "/nope", .token = TOKEN};
	code_of(srv, &q);
	q = (req){.method = "GET", .path = "/api/status", .token = "wrong-token-but-long"};
	code_of(srv, &q);
	q = (req){.method = "GET", .path = "/metrics", .token = TOKEN};
	resp r = do_req(srv, &q);
	assert_int_equal(r.code, 200);
	assert_int_equal(strncmp(r.ctype, "text/plain; version=0.0.4", 25), 0);
	check_metrics_text(r.body.data);
	static const char *const want[] = {
	    "jobkiosk_build_info{version=\"0.14.0\",screen=\"booth \\\"12\\\"\\\\\\nwest\"} 1\n",
	    "jobkiosk_slides_shown_total 1234\n",
	    "jobkiosk_postings 2\n",
	    "jobkiosk_source_fetches_total{source=\"greenhouse:acme\",outcome=\"unchanged\"} 2\n",
	    "jobkiosk_source_fetches_total{source=\"/srv/jobs "
	    "\\\"odd\\\"\\\\dir\",outcome=\"failed\"} "
	    "3\n",
	    "jobkiosk_source_last_success_timestamp_seconds{source=\"greenhouse:acme\"} "
	    "1796232605\n",
	    "jobkiosk_cache_bytes 123456\n",
	    "jobkiosk_display_on 1\n",
	    "jobkiosk_announcement_active 1\n",
	    "jobkiosk_frame_seconds_bucket{le=\"0.002\"} 10\n",
	    "jobkiosk_frame_seconds_bucket{le=\"0.016\"} 65\n",
	    "jobkiosk_frame_seconds_bucket{le=\"0.25\"} 69\n",
	    "jobkiosk_frame_seconds_bucket{le=\"+Inf\"} 70\n",
	    "jobkiosk_frame_seconds_sum 0.470500\n",
	    "jobkiosk_control_requests_total{code=\"401\"} 1\n",
	    "jobkiosk_control_requests_total{code=\"404\"} 1\n",
	    "process_resident_memory_bytes ",
	    "process_open_fds ",
	    "process_max_fds ",
	    "process_cpu_seconds_total ",
	    "process_start_time_seconds ",
	    "process_virtual_memory_bytes ",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(want); i++)
		if (!strstr(r.body.data, want[i]))
			fail_msg("missing %s in\n%s", want[i], r.body.data);
	assert_null(strstr(r.body.data, "/media/usb/jobs")); /* local: nothing to go stale */
	/* promtool reads it from stdin and has nothing to say. */
	const char *dir = tu_tmpdir();
	char path[300], cmd[700];
	snprintf(path, sizeof path, "%s/metrics.txt", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(r.body.data, 1, r.body.len, f);
	fclose(f);
	snprintf(cmd, sizeof cmd, "promtool check metrics < '%s' > '%s.out' 2>&1", path, path);
	int st = system(cmd);
	snprintf(cmd, sizeof cmd, "%s.out", path);
	size_t n;
	char *out = tu_read(cmd, &n);
	if (st != 0 || n)
		fail_msg("promtool (%d): %s", st, out);
	free(out);
	tu_rmtree(dir);
	jk_buf_free(&r.body);
	/* Before anything was published the loop's families read zero. */
	control_stop(srv);
	control_opts o = {.listen = "127.0.0.1:0", .token = TOKEN};
	assert_int_equal(control_start(&o, &srv, NULL), 0);
	r = do_req(srv, &q);
	assert_int_equal(r.code, 200);
	assert_non_null(strstr(r.body.data, "jobkiosk_build_info{version=\"" JOBKIOSK_VERSION
	                                    "\",screen=\"\"} 1\n"));
	assert_non_null(strstr(r.body.data, "jobkiosk_frame_seconds_count 0\n"));
	jk_buf_free(&r.body);
	q.path = "/api/status";
	r = do_req(srv, &q);
	assert_error(&r, 503);
	jk_buf_free(&r.body);
	control_stop(srv);
}

static void test_metrics_public(void **state)
{
	control_server *srv = start(TOKEN, true);
	req q = {.method = "GET", .path = "/metrics"};
	assert_int_equal(code_of(srv, &q), 200);
	for (size_t i = 0; i < JK_ARRAY_LEN(endpoints); i++) {
		if (!strcmp(endpoints[i].path, "/metrics"))
			continue;
		q = (req){.method = endpoints[i].method,
		          .path = endpoints[i].path,
		          .token = NULL,
		          .body = endpoints[i].body,
		          .len = endpoints[i].body ? strlen(endpoints[i].body) : 0};
		assert_int_equal(code_of(srv, &q), 401);
	}
	control_stop(srv);
}

/* IPv6 loopback, where the machine has it. */
static void test_ipv6(void **state)
{
	fake_loop f = {0};
	control_opts o = {.listen = "[::1]:0", .ud = &f};
	control_server *srv = NULL;
	jk_err err = {0};
	int r = control_start(&o, &srv, &err);
	if (r == JK_EIO)
		skip(); /* no IPv6 here: the line says why */
	assert_int_equal(r, 0);
	publish(srv);
	req q = {.method = "GET", .path = "/api/status", .host = "[::1]"};
	assert_int_equal(code_of(srv, &q), 200);
	control_stop(srv);
}

/* Headers beyond the connection's memory are refused by the server
 * itself, which goes on answering. */
static void test_big_headers(void **state)
{
	control_server *srv = start(TOKEN, false);
	size_t n = 64 << 10;
	char *h = malloc(n + 16);
	assert_non_null(h);
	memcpy(h, "X-Big: ", 7);
	memset(h + 7, 'a', n);
	h[7 + n] = 0;
	req q = {.method = "GET", .path = "/api/status", .token = TOKEN, .extra = h};
	resp r = do_req(srv, &q);
	assert_true(r.rc != CURLE_OK || r.code == 431 || r.code == 413);
	jk_buf_free(&r.body);
	free(h);
	q.extra = NULL;
	assert_int_equal(code_of(srv, &q), 200);
	control_stop(srv);
}

static void test_stop_null(void **state)
{
	control_stop(NULL);
	control_snapshot_free(NULL);
	control_publish(NULL, NULL);
	control_snapshot s = {.screen = strdup("x")};
	control_publish(NULL, &s); /* freed */
	assert_null(s.screen);
	size_t n = 0;
	assert_non_null(control_page(&n));
	assert_true(n > 0);
	assert_true(control_frame_le_ms[0] == 2 && control_frame_le_ms[7] == 250);
}

/* Without libmicrohttpd (a file name that is not there, opened for real):
 * control_start fails with one line naming the library and nothing
 * listens. Runs first, in a child: the library loads once per process and
 * the other tests load it (a child process keeps working under qemu-user,
 * where running this program again would need binfmt_misc). */
static void test_without_libmicrohttpd(void **state)
{
	(void)state;
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		setenv("JK_TEST_LIBMICROHTTPD", "libmicrohttpd-missing.so.12", 1);
		control_opts o = {.listen = "127.0.0.1:0"};
		control_server *srv = NULL;
		jk_err err = {0};
		int r = control_start(&o, &srv, &err);
		dprintf(fds[1], "%d %s", r, err.msg);
		_exit(srv ? 1 : 0);
	}
	close(fds[1]);
	char line[600] = "";
	size_t n = 0;
	ssize_t k;
	while (n < sizeof line - 1 && (k = read(fds[0], line + n, sizeof line - 1 - n)) > 0)
		n += (size_t)k;
	close(fds[0]);
	int st = 0;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	tu_expect_str(line, "-7 the control server needs libmicrohttpd.so.12: "
	                    "libmicrohttpd-missing.so.12: cannot open shared object file: No such "
	                    "file or directory");
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_without_libmicrohttpd), /* first: see there */
	    cmocka_unit_test(test_tokens),
	    cmocka_unit_test(test_status),
	    cmocka_unit_test(test_block),
	    cmocka_unit_test(test_big_body),
	    cmocka_unit_test(test_paths),
	    cmocka_unit_test(test_methods),
	    cmocka_unit_test(test_hostile_bodies),
	    cmocka_unit_test(test_parsers),
	    cmocka_unit_test(test_many_connections),
	    cmocka_unit_test(test_refusal),
	    cmocka_unit_test(test_screenshot),
	    cmocka_unit_test(test_tls),
	    cmocka_unit_test(test_metrics),
	    cmocka_unit_test(test_metrics_public),
	    cmocka_unit_test(test_ipv6),
	    cmocka_unit_test(test_big_headers),
	    cmocka_unit_test(test_stop_null),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	return r;
}
