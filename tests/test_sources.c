/* Sources: specs, refresh timing, and refreshing real feeds from a server
 * on 127.0.0.1 into the cache — then reading them back with the server
 * gone (the venue Wi-Fi died). */
#include "testutil.h"

#include "httpd.h"
#include "sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void test_specs(void **state)
{
	(void)state;
	source_list l = {0};
	jk_err err = {0};
	assert_int_equal(sources_add(&l, "greenhouse:acme-robotics", &err), 0);
	assert_int_equal(l.v[0].kind, SOURCE_GREENHOUSE);
	assert_string_equal(
	    l.v[0].url,
	    "https://boards-api.greenhouse.io/v1/boards/acme-robotics/jobs?content=true");
	assert_string_equal(l.v[0].org, "Acme-robotics");
	assert_int_equal(sources_add(&l, "lever:northwind", &err), 0);
	assert_string_equal(l.v[1].url, "https://api.lever.co/v0/postings/northwind?mode=json");
	assert_int_equal(sources_add(&l, "https://jobs.example.org/feed.xml", &err), 0);
	assert_int_equal(l.v[2].kind, SOURCE_URL);
	assert_int_equal(sources_add(&l, "/media/usb/postings", &err), 0);
	assert_int_equal(l.v[3].kind, SOURCE_PATH);
	assert_null(l.v[3].url);
	const char *bad[] = {"",
	                     "ftp://example.org/x",
	                     "file:///etc/passwd",
	                     "greenhouse:",
	                     "greenhouse:a/../b",
	                     "lever:x y",
	                     "https://",
	                     "https://exa mple.org/",
	                     "http:///path"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		if (sources_add(&l, bad[i], &err) != JK_EARG)
			fail_msg("'%s' was accepted", bad[i]);
		assert_true(strlen(err.msg) > 5);
	}
	assert_int_equal(l.n, 4);
	sources_free(&l);
	sources_free(NULL);
}

static void test_timing(void **state)
{
	(void)state;
	source s = {0};
	/* Good: the interval with ±10% jitter. */
	assert_int_equal(sources_next_delay_ms(&s, true, -1, -1, 900, 0.5), 900000);
	assert_int_equal(sources_next_delay_ms(&s, true, -1, -1, 900, 0.0), 810000);
	assert_true(sources_next_delay_ms(&s, true, -1, -1, 900, 0.999) <= 990000);
	/* max-age longer than the interval is honoured (capped at a day). */
	assert_int_equal(sources_next_delay_ms(&s, true, 3600, -1, 900, 0.5), 3600000);
	assert_int_equal(sources_next_delay_ms(&s, true, 999999, -1, 900, 0.5), 86400000);
	/* Failures back off 30 s, 60 s, 120 s ... up to the interval. */
	s.failures = 1;
	assert_int_equal(sources_next_delay_ms(&s, false, -1, -1, 900, 0.5), 30000);
	s.failures = 3;
	assert_int_equal(sources_next_delay_ms(&s, false, -1, -1, 900, 0.5), 120000);
	s.failures = 50;
	assert_int_equal(sources_next_delay_ms(&s, false, -1, -1, 900, 0.5), 900000);
	/* Retry-After wins when longer, within reason. */
	s.failures = 1;
	assert_int_equal(sources_next_delay_ms(&s, false, -1, 600, 900, 0.5), 600000);
	assert_int_equal(sources_next_delay_ms(&s, false, -1, 99999999, 900, 0.5), 6 * 3600000L);
}

static const char FEED[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Northwind Labs</title>"
    "<item><title>Robotics Engineer</title><link>%s</link><guid>job-1</guid></item>"
    "<item><title>Lab Manager</title><link>%s</link><guid>job-2</guid>"
    "<description>&lt;p&gt;Run the lab day to day: ordering, safety, scheduling, and "
    "onboarding new researchers. You keep twelve benches and three clean rooms working, plan "
    "maintenance with vendors, and make sure every experiment has what it needs on time. "
    "Three years of lab operations experience.&lt;/p&gt;</description></item>"
    "</channel></rss>";
static const char PAGE[] =
    "<html><head><title>Robotics Engineer</title></head><body><h1>Robotics Engineer</h1>"
    "<h2>What you will do</h2><ul><li>Build arms that sort parcels.</li><li>Write the "
    "motion planner.</li></ul><p><a href=\"/apply/1\">Apply now</a></p></body></html>";

typedef struct {
	char feed[4096];
	bool broken;
	int page_hits;
} site;

static void handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	site *s = ud;
	if (!strcmp(req->path, "/feed.xml")) {
		if (s->broken) {
			static const char png[] = "\x89PNG\r\n\x1a\n garbage";
			r->body = png;
			r->len = sizeof png - 1;
			return;
		}
		snprintf(r->headers, sizeof r->headers,
		         "ETag: \"f1\"\r\nContent-Type: application/rss+xml\r\n");
		if (!strcmp(req->if_none_match, "\"f1\"")) {
			r->status = 304;
			return;
		}
		r->body = s->feed;
		r->len = strlen(s->feed);
	} else if (!strcmp(req->path, "/jobs/1")) {
		s->page_hits++;
		snprintf(r->headers, sizeof r->headers, "Content-Type: text/html\r\n");
		r->body = PAGE;
		r->len = sizeof PAGE - 1;
	} else {
		r->status = 404;
	}
}

static void test_refresh_then_offline(void **state)
{
	(void)state;
	site st = {0};
	httpd *srv = httpd_start(handler, &st, 100);
	char link1[200], link2[200];
	snprintf(link1, sizeof link1, "%s", httpd_url(srv, "/jobs/1"));
	snprintf(link2, sizeof link2, "%s", httpd_url(srv, "/jobs/2"));
	snprintf(st.feed, sizeof st.feed, FEED, link1, link2);

	const char *dir = tu_tmpdir();
	store_cache *cache = NULL;
	jk_err err = {0};
	assert_int_equal(store_cache_open(dir, 0, &cache, &err), 0);
	source_list l = {0};
	assert_int_equal(sources_add(&l, httpd_url(srv, "/feed.xml"), &err), 0);
	sources_fetch_opts o = {.cache = cache, .limits = {.timeout_ms = 5000}};
	size_t n = 0;
	assert_int_equal(sources_refresh(&l.v[0], &o, &n), REFRESH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(l.v[0].state, SOURCE_OK);
	assert_int_equal(st.page_hits, 1); /* the thin item's page, not the full one */

	/* A second refresh: 304, nothing rewritten. */
	assert_int_equal(sources_refresh(&l.v[0], &o, &n), REFRESH_UNCHANGED);

	/* A broken response never replaces the good copy. */
	st.broken = true;
	assert_int_equal(sources_refresh(&l.v[0], &o, &n), REFRESH_FAILED);
	assert_int_equal(l.v[0].state, SOURCE_FAILED);
	assert_non_null(strstr(l.v[0].last_error, "not readable"));
	httpd_stop(srv);

	/* The network is gone: refresh fails, the postings still load. */
	assert_int_equal(sources_refresh(&l.v[0], &o, &n), REFRESH_FAILED);
	assert_int_equal(l.v[0].failures, 2);
	posting_list out;
	posting_list_init(&out);
	assert_int_equal(sources_load(&l, cache, &out, NULL, NULL), 1);
	assert_int_equal(out.n, 2);
	const posting *robot = out.items[0];
	assert_string_equal(robot->title, "Robotics Engineer");
	assert_string_equal(robot->organization, "Northwind Labs");
	assert_true(tu_contains(robot, "motion planner")); /* from the linked page */
	assert_non_null(strstr(robot->apply, "/apply/1"));
	assert_true(tu_contains(out.items[1], "twelve benches"));
	posting_list_free(&out);
	sources_free(&l);
	store_cache_close(cache);
	tu_rmtree(dir);
}

typedef struct {
	int n;
	char last[300];
} warns;

static void on_warn(void *ud, const char *src, const char *msg)
{
	warns *w = ud;
	w->n++;
	snprintf(w->last, sizeof w->last, "%s: %s", src, msg);
}

static void test_never_fetched(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	store_cache *cache = NULL;
	assert_int_equal(store_cache_open(dir, 0, &cache, NULL), 0);
	source_list l = {0};
	sources_add(&l, "lever:northwind", NULL);
	snprintf(l.v[0].last_error, sizeof l.v[0].last_error, "Could not resolve host");
	posting_list out;
	posting_list_init(&out);
	warns w = {0};
	assert_int_equal(sources_load(&l, cache, &out, on_warn, &w), 0);
	assert_int_equal(w.n, 1);
	assert_non_null(
	    strstr(w.last, "lever:northwind: not fetched yet; last try: Could not resolve"));
	posting_list_free(&out);
	sources_free(&l);
	store_cache_close(cache);
	tu_rmtree(dir);
}

typedef struct {
	pthread_mutex_t mu;
	int notified;
} notes;

static void on_notify(void *ud)
{
	notes *n = ud;
	pthread_mutex_lock(&n->mu);
	n->notified++;
	pthread_mutex_unlock(&n->mu);
}

static int notified(notes *n)
{
	pthread_mutex_lock(&n->mu);
	int v = n->notified;
	pthread_mutex_unlock(&n->mu);
	return v;
}

static atomic_bool dripping;

static void drip_handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	static const char body[] =
	    "<html><body><h1>Slow</h1><p>Dripping one byte a second.</p></body></html>";
	(void)ud;
	r->body = body;
	r->len = sizeof body - 1;
	if (!strcmp(req->path, "/slow") && atomic_load(&dripping)) {
		r->mode = HTTPD_DRIP;
		r->drip_ms = 1000;
	}
}

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The worker refreshes in the background, reports, and stops promptly even
 * while a transfer hangs. */
static void test_worker(void **state)
{
	(void)state;
	httpd *srv = httpd_start(drip_handler, NULL, 20);
	const char *dir = tu_tmpdir();
	store_cache *cache = NULL;
	assert_int_equal(store_cache_open(dir, 0, &cache, NULL), 0);
	source_list l = {0};
	sources_add(&l, httpd_url(srv, "/fast"), NULL);
	sources_add(&l, httpd_url(srv, "/slow"), NULL);
	sources_add(&l, "/some/local/folder", NULL);
	notes n = {.mu = PTHREAD_MUTEX_INITIALIZER};
	sources_fetch_opts o = {.cache = cache, .limits = {.timeout_ms = 60000}};
	sources_worker *w = NULL;
	double t0 = mono();
	assert_int_equal(sources_worker_start(&l, &o, 900, on_notify, &n, &w, NULL), 0);
	assert_non_null(w);
	assert_true(mono() - t0 < 0.5); /* starting never waits on the network */
	sources_status st;
	sources_worker_status(w, &st);
	assert_int_equal(st.total, 2); /* the folder needs no refreshing */
	for (int i = 0; i < 100 && notified(&n) < 2; i++)
		usleep(100000);
	assert_int_equal(notified(&n), 2);
	/* What the control server shows: each network source with its
	 * state and counts, tokens left out; the cache's size. */
	source_list shown;
	assert_int_equal(sources_worker_sources(w, &shown, NULL), 0);
	assert_int_equal(shown.n, 2);
	for (size_t i = 0; i < shown.n; i++) {
		assert_int_equal(shown.v[i].state, SOURCE_OK);
		assert_int_equal(shown.v[i].refreshes[REFRESH_OK], 1);
		assert_int_equal(shown.v[i].refreshes[REFRESH_FAILED], 0);
		assert_true(shown.v[i].last_ok > 0);
		assert_null(shown.v[i].token);
	}
	assert_non_null(strstr(shown.v[0].spec, "/fast"));
	sources_free(&shown);
	for (int i = 0; i < 50 && !st.cache_bytes; i++) {
		usleep(20000);
		sources_worker_status(w, &st);
	}
	assert_int_equal(st.cache_bytes, store_cache_bytes(cache));
	assert_true(st.cache_bytes > 0);
	assert_int_equal(sources_worker_sources(NULL, &shown, NULL), 0);
	assert_int_equal(shown.n, 0);
	/* Now one source drips a byte a second; stopping must not wait for it. */
	atomic_store(&dripping, true);
	sources_worker_kick(w);
	usleep(300000);
	t0 = mono();
	sources_worker_stop(w);
	assert_true(mono() - t0 < 3.0);
	posting_list out;
	posting_list_init(&out);
	sources_load(&l, cache, &out, NULL, NULL);
	assert_true(out.n >= 1);
	assert_string_equal(out.items[0]->title, "Slow");
	posting_list_free(&out);
	sources_worker_stop(NULL);
	httpd_stop(srv);
	sources_free(&l);
	store_cache_close(cache);
	tu_rmtree(dir);
}

static const char BOARD2[] =
    "{\"jobs\":[{\"id\":1,\"title\":\"Welder\",\"absolute_url\":\"https://b.example.org/1\","
    "\"content\":\"&lt;p&gt;Weld ship hulls in the dry dock.&lt;/p&gt;\"},"
    "{\"id\":2,\"title\":\"Rigger\",\"absolute_url\":\"https://b.example.org/2\","
    "\"content\":\"&lt;p&gt;Rig the cranes for heavy lifts.&lt;/p&gt;\"}]}";
static const char BOARD1[] =
    "{\"jobs\":[{\"id\":1,\"title\":\"Welder\",\"absolute_url\":\"https://b.example.org/1\","
    "\"content\":\"&lt;p&gt;Weld ship hulls in the dry dock.&lt;/p&gt;\"}]}";

static void board_handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	const char **body = ud;
	(void)req;
	r->body = *body;
	r->len = strlen(*body);
}

/* A posting that vanishes stays for the grace period, then goes. */
static void test_grace_period(void **state)
{
	(void)state;
	const char *body = BOARD2;
	httpd *srv = httpd_start(board_handler, &body, 20);
	const char *dir = tu_tmpdir();
	store_cache *cache = NULL;
	assert_int_equal(store_cache_open(dir, 0, &cache, NULL), 0);
	source_list l = {0};
	char url[200];
	snprintf(url, sizeof url, "%s", httpd_url(srv, "/board"));
	sources_add(&l, url, NULL);
	sources_fetch_opts o = {.cache = cache, .limits = {.timeout_ms = 5000}};
	assert_int_equal(sources_refresh(&l.v[0], &o, NULL), REFRESH_OK);
	body = BOARD1;
	assert_int_equal(sources_refresh(&l.v[0], &o, NULL), REFRESH_OK);
	httpd_stop(srv);
	posting_list out;
	posting_list_init(&out);
	sources_load(&l, cache, &out, NULL, NULL);
	assert_int_equal(out.n, 2);
	assert_string_equal(out.items[1]->title, "Rigger");
	posting_list_free(&out);

	/* Seven hours later the rigger is gone for good. */
	char pk[300];
	snprintf(pk, sizeof pk, "%s#previous", url);
	store_meta pm = {.key = pk, .fetched_at = (int64_t)time(NULL) - 7 * 3600};
	assert_int_equal(store_cache_remove(cache, pk, NULL), 0);
	assert_int_equal(store_cache_put(cache, &pm, BOARD2, strlen(BOARD2), NULL, NULL), 0);
	posting_list_init(&out);
	sources_load(&l, cache, &out, NULL, NULL);
	assert_int_equal(out.n, 1);
	assert_string_equal(out.items[0]->title, "Welder");
	posting_list_free(&out);
	store_meta m;
	char *b;
	size_t len;
	assert_int_equal(store_cache_get(cache, pk, &m, &b, &len, NULL), JK_ENOTFOUND);
	sources_free(&l);
	store_cache_close(cache);
	tu_rmtree(dir);
}

/* The fault matrix: after a good refresh, each fault keeps the last good
 * postings, and a healthy server brings refreshes back. */
typedef struct {
	const char *fault; /* NULL: healthy */
	int feed_version;
} faulty;

static const char GOOD_HTML[] = "<html><body><h1>Boat Builder v%d</h1><p>Build wooden boats by "
                                "hand in our yard.</p></body></html>";
static char served[512];

static void fault_handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	faulty *f = ud;
	static char big[6 << 20];
	static const char latin1[] =
	    "<html><body><h1>Caf\xE9 Cook</h1><p>Cr\xEApes all day.</p></body></html>";
	snprintf(served, sizeof served, GOOD_HTML, f->feed_version);
	r->body = served;
	r->len = strlen(served);
	snprintf(r->headers, sizeof r->headers, "Content-Type: text/html\r\n");
	const char *x = f->fault;
	if (!x || !strcmp(req->path, "/elsewhere"))
		return;
	if (!strcmp(x, "404"))
		r->status = 404;
	else if (!strcmp(x, "500"))
		r->status = 500;
	else if (!strcmp(x, "503")) {
		r->status = 503;
		snprintf(r->headers, sizeof r->headers, "Retry-After: 300\r\n");
	} else if (!strcmp(x, "loop")) {
		r->status = 302;
		snprintf(r->headers, sizeof r->headers, "Location: /page\r\n");
	} else if (!strcmp(x, "ftp")) {
		r->status = 302;
		snprintf(r->headers, sizeof r->headers, "Location: ftp://127.0.0.1/page\r\n");
	} else if (!strcmp(x, "reset"))
		r->mode = HTTPD_RESET_MID_BODY;
	else if (!strcmp(x, "close"))
		r->mode = HTTPD_CLOSE_EARLY;
	else if (!strcmp(x, "drip")) {
		r->mode = HTTPD_DRIP;
		r->drip_ms = 1000;
	} else if (!strcmp(x, "big")) {
		memset(big, '<', sizeof big);
		r->body = big;
		r->len = sizeof big;
	} else if (!strcmp(x, "type")) {
		snprintf(r->headers, sizeof r->headers, "Content-Type: image/png\r\n");
	} else if (!strcmp(x, "garbage")) {
		static const char bin[] = "\x7f"
		                          "ELF\x02\x01\x01\0\0\0\0";
		r->body = bin;
		r->len = sizeof bin - 1;
	} else if (!strcmp(x, "latin1")) {
		r->body = latin1;
		r->len = sizeof latin1 - 1;
	}
}

static void test_fault_matrix(void **state)
{
	(void)state;
	static const struct {
		const char *fault;
		bool fails; /* else: read fine despite the oddity */
	} faults[] = {
	    {"404", true}, {"500", true},     {"503", true},   {"loop", true},
	    {"ftp", true}, {"reset", true},   {"close", true}, {"drip", true},
	    {"big", true}, {"garbage", true}, {"type", false}, {"latin1", false},
	};
	faulty f = {0};
	httpd *srv = httpd_start(fault_handler, &f, 200);
	const char *dir = tu_tmpdir();
	store_cache *cache = NULL;
	assert_int_equal(store_cache_open(dir, 0, &cache, NULL), 0);
	source_list l = {0};
	sources_add(&l, httpd_url(srv, "/page"), NULL);
	sources_fetch_opts o = {
	    .cache = cache,
	    .limits = {.timeout_ms = 8000, .low_speed_bytes = 100, .low_speed_seconds = 2}};
	for (size_t i = 0; i < JK_ARRAY_LEN(faults); i++) {
		f.fault = NULL;
		f.feed_version = (int)i;
		refresh_outcome out = sources_refresh(&l.v[0], &o, NULL);
		if (out != REFRESH_OK && out != REFRESH_UNCHANGED)
			fail_msg("healthy before %s: %s", faults[i].fault, l.v[0].last_error);
		f.fault = faults[i].fault;
		out = sources_refresh(&l.v[0], &o, NULL);
		if (faults[i].fails != (out == REFRESH_FAILED))
			fail_msg("fault %s: outcome %d, last error '%s'", faults[i].fault, out,
			         l.v[0].last_error);
		if (faults[i].fails) {
			assert_int_equal(l.v[0].state, SOURCE_FAILED);
			assert_true(strlen(l.v[0].last_error) > 3);
		}
		if (!strcmp(faults[i].fault, "503"))
			assert_int_equal(l.v[0].retry_after, 300);
		posting_list out_list;
		posting_list_init(&out_list);
		assert_int_equal(sources_load(&l, cache, &out_list, NULL, NULL), 1);
		assert_true(out_list.n >= 1);
		char want[64];
		snprintf(want, sizeof want, "Boat Builder v%zu", i);
		if (faults[i].fails)
			assert_string_equal(out_list.items[0]->title, want);
		else if (!strcmp(faults[i].fault, "latin1"))
			assert_string_equal(out_list.items[0]->title, "Caf\xC3\xA9 Cook");
		posting_list_free(&out_list);
	}
	/* Healthy again: it recovers. */
	f.fault = NULL;
	f.feed_version = 99;
	assert_int_equal(sources_refresh(&l.v[0], &o, NULL), REFRESH_OK);
	assert_int_equal(l.v[0].failures, 0);
	httpd_stop(srv);
	sources_free(&l);
	store_cache_close(cache);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_specs),
	    cmocka_unit_test(test_timing),
	    cmocka_unit_test(test_refresh_then_offline),
	    cmocka_unit_test(test_never_fetched),
	    cmocka_unit_test(test_worker),
	    cmocka_unit_test(test_grace_period),
	    cmocka_unit_test(test_fault_matrix),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
