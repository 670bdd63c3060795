/* fetch_get against real servers on 127.0.0.1: every status and fault a
 * venue network or a job board can produce. */
#include "testutil.h"

#include "fetch.h"
#include "httpd.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char BODY[] = "<html><body><h1>Engineer</h1><p>Build things.</p></body></html>";
static char big[6 << 20];

static void handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	(void)ud;
	const char *p = req->path;
	r->body = BODY;
	r->len = sizeof BODY - 1;
	snprintf(r->headers, sizeof r->headers, "Content-Type: text/html\r\n");
	if (!strcmp(p, "/etag")) {
		snprintf(r->headers, sizeof r->headers,
		         "ETag: \"v1\"\r\nCache-Control: public, max-age=600\r\n");
		if (!strcmp(req->if_none_match, "\"v1\"")) {
			r->status = 304;
			r->len = 0;
		}
	} else if (!strcmp(p, "/lm")) {
		snprintf(r->headers, sizeof r->headers,
		         "Last-Modified: Wed, 21 Oct 2026 07:28:00 GMT\r\n");
		if (!strcmp(req->if_modified_since, "Wed, 21 Oct 2026 07:28:00 GMT")) {
			r->status = 304;
			r->len = 0;
		}
	} else if (!strcmp(p, "/404")) {
		r->status = 404;
	} else if (!strcmp(p, "/500")) {
		r->status = 500;
	} else if (!strcmp(p, "/503")) {
		r->status = 503;
		snprintf(r->headers, sizeof r->headers, "Retry-After: 120\r\n");
	} else if (!strcmp(p, "/loop")) {
		r->status = 302;
		snprintf(r->headers, sizeof r->headers, "Location: /loop\r\n");
	} else if (!strcmp(p, "/ftp")) {
		r->status = 302;
		snprintf(r->headers, sizeof r->headers, "Location: ftp://127.0.0.1/x\r\n");
	} else if (!strcmp(p, "/file")) {
		r->status = 301;
		snprintf(r->headers, sizeof r->headers, "Location: file:///etc/passwd\r\n");
	} else if (!strcmp(p, "/hop")) {
		r->status = 302;
		snprintf(r->headers, sizeof r->headers, "Location: /etag\r\n");
	} else if (!strcmp(p, "/reset")) {
		r->mode = HTTPD_RESET_MID_BODY;
	} else if (!strcmp(p, "/drip")) {
		r->mode = HTTPD_DRIP;
		r->drip_ms = 1000;
	} else if (!strcmp(p, "/big")) {
		memset(big, 'x', sizeof big);
		r->body = big;
		r->len = sizeof big;
	} else if (!strcmp(p, "/close")) {
		r->mode = HTTPD_CLOSE_EARLY;
	} else if (!strcmp(p, "/ua")) {
		r->body = req->user_agent;
		r->len = strlen(req->user_agent);
	} else if (!strcmp(p, "/echo")) {
		static char echo[8192];
		snprintf(echo, sizeof echo, "%s|%s|%s|%s|%zu|%s", req->method, req->content_type,
		         req->accept, req->authorization, req->body_len, req->body);
		r->body = echo;
		r->len = strlen(echo);
	} else if (!strcmp(p, "/post-hop")) {
		r->status = 302;
		snprintf(r->headers, sizeof r->headers, "Location: /echo\r\n");
	}
}

static httpd *srv;

static int setup(void **state)
{
	(void)state;
	jk_err err = {0};
	assert_int_equal(fetch_global_init(&err), 0);
	srv = httpd_start(handler, NULL, 200);
	return srv ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	httpd_stop(srv);
	fetch_global_cleanup();
	return 0;
}

static int get(const char *path, fetch_request *req, fetch_response *resp, jk_err *err)
{
	req->url = httpd_url(srv, path);
	if (!req->limits.timeout_ms)
		req->limits.timeout_ms = 10000;
	return fetch_get(req, resp, err);
}

static void test_ok_and_etag(void **state)
{
	(void)state;
	fetch_request req = {0};
	fetch_response resp;
	jk_err err = {0};
	assert_int_equal(get("/etag", &req, &resp, &err), 0);
	assert_int_equal(resp.status, 200);
	assert_false(resp.not_modified);
	assert_string_equal(resp.body, BODY);
	assert_string_equal(resp.etag, "\"v1\"");
	assert_int_equal(resp.max_age, 600);
	/* Conditional GET: 304 costs nothing but headers. */
	fetch_request again = {.etag = "\"v1\""};
	fetch_response r2;
	assert_int_equal(get("/etag", &again, &r2, &err), 0);
	assert_true(r2.not_modified);
	assert_int_equal(r2.len, 0);
	fetch_response_free(&resp);
	fetch_response_free(&r2);
}

static void test_last_modified(void **state)
{
	(void)state;
	fetch_request req = {0};
	fetch_response resp;
	jk_err err = {0};
	assert_int_equal(get("/lm", &req, &resp, &err), 0);
	assert_string_equal(resp.last_modified, "Wed, 21 Oct 2026 07:28:00 GMT");
	fetch_request again = {.last_modified = resp.last_modified};
	fetch_response r2;
	assert_int_equal(get("/lm", &again, &r2, &err), 0);
	assert_true(r2.not_modified);
	fetch_response_free(&resp);
	fetch_response_free(&r2);
}

static void expect_fail(const char *path, const char *why, long status)
{
	fetch_request req = {.limits = {.low_speed_bytes = 100, .low_speed_seconds = 2}};
	fetch_response resp;
	jk_err err = {0};
	int r = get(path, &req, &resp, &err);
	if (r == 0)
		fail_msg("%s: expected failure, got status %ld", path, resp.status);
	if (!strstr(err.msg, why))
		fail_msg("%s: message '%s' lacks '%s'", path, err.msg, why);
	assert_null(strchr(err.msg, '\n'));
	if (status >= 0)
		assert_int_equal(resp.status, status);
	assert_null(resp.body);
	fetch_response_free(&resp);
}

static void test_http_errors(void **state)
{
	(void)state;
	expect_fail("/404", "HTTP 404", 404);
	expect_fail("/500", "HTTP 500", 500);
	fetch_request req = {0};
	fetch_response resp;
	jk_err err = {0};
	assert_true(get("/503", &req, &resp, &err) < 0);
	assert_int_equal(resp.retry_after, 120);
	assert_non_null(strstr(err.msg, "HTTP 503"));
	fetch_response_free(&resp);
}

static void test_redirects(void **state)
{
	(void)state;
	expect_fail("/loop", "too many redirects", -1);
	expect_fail("/ftp", "scheme", -1);
	expect_fail("/file", "scheme", -1);
	fetch_request req = {0};
	fetch_response resp;
	jk_err err = {0};
	assert_int_equal(get("/hop", &req, &resp, &err), 0);
	assert_non_null(strstr(resp.final_url, "/etag"));
	assert_string_equal(resp.etag, "\"v1\"");
	fetch_response_free(&resp);
}

static void test_broken_transfers(void **state)
{
	(void)state;
	expect_fail("/reset", "", -1);
	expect_fail("/close", "", -1);
	expect_fail("/big", "limit", -1);
	/* 1 byte per second: aborted by the low-speed rule, not hung. */
	time_t t0 = time(NULL);
	expect_fail("/drip", "timed out", -1);
	assert_true(time(NULL) - t0 < 8);
}

static void test_refused_and_bad_urls(void **state)
{
	(void)state;
	/* A port nothing listens on. */
	httpd *tmp = httpd_start(handler, NULL, 0);
	int port = httpd_port(tmp);
	httpd_stop(tmp);
	char url[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/", port);
	fetch_request req = {.url = url};
	fetch_response resp;
	jk_err err = {0};
	assert_true(fetch_get(&req, &resp, &err) < 0);
	assert_non_null(strstr(err.msg, "onnect"));
	fetch_response_free(&resp);
	const char *bad[] = {"ftp://127.0.0.1/", "file:///etc/passwd", "javascript:alert(1)", "",
	                     "127.0.0.1"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		fetch_request b = {.url = bad[i]};
		assert_int_equal(fetch_get(&b, &resp, &err), JK_EARG);
		fetch_response_free(&resp);
	}
}

static void test_user_agent(void **state)
{
	(void)state;
	fetch_request req = {0};
	fetch_response resp;
	jk_err err = {0};
	assert_int_equal(get("/ua", &req, &resp, &err), 0);
	assert_true(strncmp(resp.body, "jobkiosk/", 9) == 0);
	fetch_response_free(&resp);
}

/* A TLS server with a self-signed certificate: must be refused, and
 * accepted once its certificate is added as a CA file. */
static void test_tls_untrusted(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char cmd[1024], cert[300], key[300];
	snprintf(cert, sizeof cert, "%s/cert.pem", dir);
	snprintf(key, sizeof key, "%s/key.pem", dir);
	snprintf(cmd, sizeof cmd,
	         "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
	         "-addext subjectAltName=IP:127.0.0.1 -keyout %s -out %s >/dev/null 2>&1",
	         key, cert);
	if (system(cmd) != 0) {
		tu_rmtree(dir);
		skip();
	}
	httpd *tmp = httpd_start(handler, NULL, 0);
	int port = httpd_port(tmp);
	httpd_stop(tmp);
	pid_t pid = fork();
	if (pid == 0) {
		char acc[32];
		snprintf(acc, sizeof acc, "127.0.0.1:%d", port);
		freopen("/dev/null", "w", stdout);
		freopen("/dev/null", "w", stderr);
		freopen("/dev/null", "r", stdin);
		alarm(30); /* bounded even if the test dies */
		execlp("openssl", "openssl", "s_server", "-accept", acc, "-cert", cert, "-key", key,
		       "-www", "-quiet", (char *)NULL);
		_exit(127);
	}
	char url[64];
	snprintf(url, sizeof url, "https://127.0.0.1:%d/", port);
	fetch_request req = {.url = url, .limits = {.timeout_ms = 5000}};
	fetch_response resp;
	jk_err err = {0};
	int r = -1;
	for (int i = 0; i < 50; i++) { /* wait for the server to listen */
		r = fetch_get(&req, &resp, &err);
		fetch_response_free(&resp);
		if (!strstr(err.msg, "onnect"))
			break;
		usleep(100000);
	}
	assert_true(r < 0);
	assert_non_null(strstr(err.msg, "certificate"));
	req.limits.ca_file = cert;
	r = fetch_get(&req, &resp, &err);
	if (r)
		fail_msg("with the CA file: %s", err.msg);
	assert_int_equal(resp.status, 200);
	fetch_response_free(&resp);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	tu_rmtree(dir);
}

/* A POST with a JSON body and extra headers, as Workday's job search and a
 * board's token need; the limits and cancel still hold. */
static void test_post_and_headers(void **state)
{
	(void)state;
	static const char body[] = "{\"limit\":20,\"offset\":40}";
	const char *hdr[] = {"Accept: application/json", "Authorization: Bearer s3cret", NULL};
	fetch_request req = {.body = body,
	                     .body_len = sizeof body - 1,
	                     .body_type = "application/json",
	                     .headers = hdr};
	fetch_response resp;
	jk_err err = {0};
	assert_int_equal(get("/echo", &req, &resp, &err), 0);
	assert_string_equal(resp.body, "POST|application/json|application/json|Bearer s3cret|24|"
	                               "{\"limit\":20,\"offset\":40}");
	fetch_response_free(&resp);
	/* No body: a GET, and only the headers asked for. */
	fetch_request plain = {0};
	assert_int_equal(get("/echo", &plain, &resp, &err), 0);
	assert_string_equal(resp.body, "GET||*/*||0|");
	fetch_response_free(&resp);
	/* A redirect after a POST is followed with a GET, as browsers do. */
	assert_int_equal(get("/post-hop", &req, &resp, &err), 0);
	assert_true(strncmp(resp.body, "GET|", 4) == 0);
	fetch_response_free(&resp);
	/* The body cap holds for a POST's answer. */
	assert_int_equal(get("/big", &req, &resp, &err), JK_ETOOBIG);
	fetch_response_free(&resp);
	/* Cancelled before it starts: nothing waits. */
	atomic_bool stop = true;
	fetch_request c = req;
	c.limits.cancel = &stop;
	assert_true(get("/echo", &c, &resp, &err) < 0);
	assert_non_null(strstr(err.msg, "cancelled"));
	fetch_response_free(&resp);
}

/* Header lines that would split the request are refused before anything
 * is sent. */
static void test_bad_headers(void **state)
{
	(void)state;
	const char *bad[][2] = {{"X-A: 1\r\nX-B: 2", NULL},
	                        {"no colon here", NULL},
	                        {": empty name", NULL},
	                        {"X-Nul: a\x01b", NULL}};
	int before = httpd_count(srv);
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		fetch_request req = {.headers = bad[i]};
		fetch_response resp;
		jk_err err = {0};
		assert_int_equal(get("/echo", &req, &resp, &err), JK_EARG);
		assert_non_null(strstr(err.msg, "header"));
		fetch_response_free(&resp);
	}
	static char longline[5000];
	memset(longline, 'a', sizeof longline - 1);
	longline[0] = 'X', longline[1] = ':';
	const char *toolong[] = {longline, NULL};
	fetch_request req = {.headers = toolong};
	fetch_response resp;
	assert_int_equal(get("/echo", &req, &resp, NULL), JK_EARG);
	fetch_response_free(&resp);
	assert_int_equal(httpd_count(srv), before);
}

/* Without libcurl (a file name that is not there, opened for real by the
 * binary): one line says network sources need it, one that the apply
 * links only its parser resolves do (a port, "..": dropped), the URL
 * fails with the same reason; the local files still show, with their
 * plain https:// and mailto: targets. */
static void test_without_libcurl(void **state)
{
	(void)state;
	char dir[300], md[400];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	snprintf(md, sizeof md, "%s/odd-link.md", dir);
	tu_write(md,
	         "---\ntitle: Odd link\napply: https://jobs.example.com:8443/a/../apply\n---\n\n"
	         "Apply through the link.\n");
	tu_run_result r =
	    tu_run_without("JK_TEST_LIBCURL", "libcurl-missing.so.4", "fernleaf-data-analyst.md",
	                   md, "http://127.0.0.1:9/jobs.rss");
	tu_rmtree(dir);
	assert_int_equal(r.status, 0);
	const char *why = "libcurl.so.4: libcurl-missing.so.4: cannot open shared object file";
	char want[200];
	snprintf(want, sizeof want, "network sources need %s", why);
	assert_int_equal(tu_count(r.err, want), 2); /* at start, and for the URL */
	snprintf(want, sizeof want, "http(s) apply links need %s", why);
	assert_int_equal(tu_count(r.err, want), 1);
	assert_int_equal(tu_count(r.err, "\n"), 3);
	assert_int_equal(tu_count(r.out, "\"title\":"), 2);
	assert_non_null(strstr(
	    r.out, "\"apply\":\t\"https://careers.fernleaf.example.com/jobs/data-analyst\""));
	assert_null(strstr(r.out, "8443"));
	tu_run_free(&r);

	/* A plain link and a mailto: need no libcurl at all. */
	r = tu_run_without("JK_TEST_LIBCURL", "libcurl-missing.so.4", "fernleaf-data-analyst.md",
	                   "harbour-lights-stage-technician.md", "");
	assert_int_equal(r.status, 0);
	tu_expect_str(r.err, "");
	assert_non_null(strstr(r.out, "\"apply\":\t\"mailto:crew@harbourlights.example.org"));
	tu_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ok_and_etag),      cmocka_unit_test(test_last_modified),
	    cmocka_unit_test(test_http_errors),      cmocka_unit_test(test_redirects),
	    cmocka_unit_test(test_broken_transfers), cmocka_unit_test(test_refused_and_bad_urls),
	    cmocka_unit_test(test_user_agent),       cmocka_unit_test(test_tls_untrusted),
	    cmocka_unit_test(test_post_and_headers), cmocka_unit_test(test_bad_headers),
	    cmocka_unit_test(test_without_libcurl),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
