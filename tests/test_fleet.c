/* The fleet file (config_url): parsed like the local file with the keys a
 * screen keeps to itself refused; local, fleet and command line in that
 * order; fetched from a real server on 127.0.0.1 with validators (304),
 * kept in the cache for an offline start; every bad answer keeps the copy
 * in use with one log line however many refreshes; and the real binary
 * applying a changed file while it runs. */
#include "testutil.h"

#include "app.h"
#include "config.h"
#include "fetch.h"
#include "httpd.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- the server ----------------------------------------------------------- */

typedef enum { GOOD, FAIL_500, TRUNCATED, BINARY, BAD_UTF8, HUGE, HTML_PAGE, FORBIDDEN } answer;

typedef struct site {
	pthread_mutex_t mu;
	char body[4096]; /* the fleet file served when GOOD */
	answer how;
	bool etag; /* send an ETag (and answer If-None-Match with 304) */
	int hits, not_modified;
	char *huge;
} site;

static site S = {.mu = PTHREAD_MUTEX_INITIALIZER};

/* A weak ETag from the body's bytes, so a changed file has another. */
static void etag_of(const char *body, char *out, size_t cap)
{
	snprintf(out, cap, "\"%016llx\"",
	         (unsigned long long)jk_hash64(body, strlen(body), JK_HASH_SEED));
}

static void handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	(void)ud;
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR binary";
	static const char bad_utf8[] = "header = caf\xC3\x28 menu\n";
	static const char html[] =
	    "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>";
	static char body[4096];
	pthread_mutex_lock(&S.mu);
	S.hits++;
	if (strcmp(req->path, "/fleet.conf")) {
		r->status = 404;
	} else if (S.how == GOOD) {
		char tag[40];
		etag_of(S.body, tag, sizeof tag);
		if (S.etag)
			snprintf(r->headers, sizeof r->headers, "ETag: %s\r\n", tag);
		if (S.etag && !strcmp(req->if_none_match, tag)) {
			r->status = 304;
			S.not_modified++;
		} else {
			snprintf(body, sizeof body, "%s", S.body);
			r->body = body, r->len = strlen(body);
		}
	} else if (S.how == FAIL_500) {
		r->status = 500;
		r->body = "oops", r->len = 4;
	} else if (S.how == TRUNCATED) {
		snprintf(body, sizeof body, "%s", S.body);
		r->body = body, r->len = strlen(body);
		r->mode = HTTPD_RESET_MID_BODY;
	} else if (S.how == BINARY) {
		r->body = png, r->len = sizeof png - 1;
	} else if (S.how == BAD_UTF8) {
		r->body = bad_utf8, r->len = sizeof bad_utf8 - 1;
	} else if (S.how == HUGE) {
		r->body = S.huge, r->len = (size_t)2 << 20;
	} else if (S.how == HTML_PAGE) {
		snprintf(r->headers, sizeof r->headers, "Content-Type: text/html\r\n");
		r->body = html, r->len = sizeof html - 1;
	} else {
		static const char forbidden[] = "header = x\ncontrol_listen = 0.0.0.0:80\n";
		r->body = forbidden, r->len = sizeof forbidden - 1;
	}
	pthread_mutex_unlock(&S.mu);
}

static void serve(const char *body, answer how, bool etag)
{
	pthread_mutex_lock(&S.mu);
	snprintf(S.body, sizeof S.body, "%s", body);
	S.how = how;
	S.etag = etag;
	pthread_mutex_unlock(&S.mu);
}

static int hits(void)
{
	pthread_mutex_lock(&S.mu);
	int n = S.hits;
	pthread_mutex_unlock(&S.mu);
	return n;
}

static httpd *start_server(void)
{
	serve("header = From the fleet\n", GOOD, true);
	S.hits = S.not_modified = 0;
	if (!S.huge) {
		S.huge = malloc((size_t)2 << 20);
		assert_non_null(S.huge);
		for (size_t i = 0; i < ((size_t)2 << 20); i++)
			S.huge[i] = i % 64 == 63 ? '\n' : '#';
	}
	httpd *h = httpd_start(handler, NULL, 100000);
	assert_non_null(h);
	return h;
}

/* ---- parsing ------------------------------------------------------------- */

static void test_parse_fleet(void **state)
{
	(void)state;
	const char *url = "https://fleet.example.org/jobkiosk.conf";
	config c;
	jk_err err = {0};
	config_init(&c);
	const char local[] = "source = /srv/a\nsource = /srv/b\nfilter_tag = robotics\n"
	                     "header = Local\nslide_seconds = 5\ncache_dir = /var/cache/x\n";
	assert_int_equal(config_parse_buffer(&c, "local.conf", local, sizeof local - 1, &err), 0);
	/* The fleet's sources replace the local list; its header wins; what it
	 * leaves alone stays local. */
	const char fleet[] = "source = /srv/c\nsource = /srv/d\nheader = Fleet\n";
	assert_int_equal(config_parse_fleet(&c, url, fleet, sizeof fleet - 1, &err), 0);
	assert_int_equal(c.nsources, 2);
	assert_string_equal(c.sources[0], "/srv/c");
	assert_string_equal(c.sources[1], "/srv/d");
	assert_string_equal(c.header, "Fleet");
	assert_int_equal(c.deck.tags.n, 1);
	assert_true(c.slide_seconds == 5);
	assert_string_equal(c.cache_dir, "/var/cache/x");
	config_free(&c);

	/* Keys a screen keeps to itself: one clear line naming URL and line. */
	const char *own[] = {"config_url = https://elsewhere.example/x",
	                     "cache_dir = /tmp",
	                     "control_listen = 0.0.0.0:8080",
	                     "control_token = abcdefghijklmnopqr",
	                     "control_cert = /etc/ssl/c.pem",
	                     "control_key = /etc/ssl/k.pem",
	                     "metrics_public = yes",
	                     "Control-Listen = [::]:80"};
	for (size_t i = 0; i < JK_ARRAY_LEN(own); i++) {
		char text[200], want[200];
		snprintf(text, sizeof text, "header = x\n%s\n", own[i]);
		config_init(&c);
		assert_int_equal(config_parse_fleet(&c, url, text, strlen(text), &err), JK_EARG);
		size_t klen = strcspn(own[i], " ");
		char key[40];
		snprintf(key, sizeof key, "%.*s", (int)klen, own[i]);
		for (char *p = key; *p; p++)
			*p = *p == '-' ? '_' : *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		snprintf(want, sizeof want, "%s:2: key '%s' cannot be set from config_url", url,
		         key);
		assert_string_equal(err.msg, want);
		/* The secret never shows. */
		assert_null(strstr(err.msg, "abcdefghijklmnopqr"));
		config_free(&c);
		/* The local file may set them. */
		config_init(&c);
		assert_int_equal(config_parse_buffer(&c, "local.conf", text, strlen(text), &err),
		                 0);
		config_free(&c);
	}

	/* The local file's checks, with the URL in the message. */
	const struct {
		const char *text;
		const char *want;
	} bad[] = {
	    {"slide_seconds = 0\n", ":1: key 'slide_seconds': expected"},
	    {"\n\nrotation = 90\n", ":3: unknown key 'rotation'"},
	    {"header = caf\xC3\x28\n", ":1: invalid UTF-8"},
	    {"header = a\0b\n", ":1: NUL byte"},
	    {"<html><body>Not found</body></html>\n", ":1: expected"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		config_init(&c);
		size_t n = strlen(bad[i].text) + (i == 3 ? 4 : 0);
		assert_int_not_equal(config_parse_fleet(&c, url, bad[i].text, n, &err), 0);
		if (strncmp(err.msg, url, strlen(url)) || !strstr(err.msg, bad[i].want))
			fail_msg("%zu: %s", i, err.msg);
		assert_null(strchr(err.msg, '\n'));
		config_free(&c);
	}
	/* Over 1 MiB: not a config file. */
	config_init(&c);
	char *big = malloc((size_t)2 << 20);
	assert_non_null(big);
	memset(big, '#', (size_t)2 << 20);
	assert_int_equal(config_parse_fleet(&c, url, big, (size_t)2 << 20, &err), JK_ETOOBIG);
	assert_non_null(strstr(err.msg, url));
	free(big);
	config_free(&c);
}

/* config_url itself: http(s) only, named with its key and value. */
static void test_url_key(void **state)
{
	(void)state;
	config c;
	jk_err err = {0};
	config_init(&c);
	assert_int_equal(
	    config_set(&c, "config_url", "HTTPS://fleet.example.org/a.conf", "x:1", &err), 0);
	assert_string_equal(c.config_url, "HTTPS://fleet.example.org/a.conf");
	const char *bad[] = {"ftp://fleet.example.org/a.conf",
	                     "file:///etc/jobkiosk.conf",
	                     "/etc/jobkiosk/fleet.conf",
	                     "mailto:ops@example.org",
	                     "https://",
	                     "https://exa mple.org/"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		assert_int_equal(config_set(&c, "config_url", bad[i], "local.conf:3", &err),
		                 JK_EARG);
		if (!strstr(err.msg,
		            "local.conf:3: key 'config_url': expected an http:// or https:// URL"))
			fail_msg("%s", err.msg);
	}
	/* Unchanged on failure; empty is none. */
	assert_string_equal(c.config_url, "HTTPS://fleet.example.org/a.conf");
	assert_int_equal(config_set(&c, "config_url", "", "x:2", &err), 0);
	assert_null(c.config_url);
	config_free(&c);
	app_fleet *f = NULL;
	assert_int_equal(app_fleet_open("ftp://x/y", "/tmp", NULL, &f, &err), JK_EARG);
	assert_null(f);
}

/* ---- fetching ------------------------------------------------------------ */

/* The parse a screen makes of a fetched file (the app adds its local file
 * and command line). */
static bool check_doc(void *ud, const app_fleet_doc *doc, char *why, size_t cap)
{
	(void)ud;
	config c;
	jk_err err = {0};
	config_init(&c);
	int r = config_parse_fleet(&c, doc->url, doc->body, doc->len, &err);
	config_free(&c);
	if (r)
		snprintf(why, cap, "%s", err.msg);
	return r == 0;
}

static char *copy_in_use(app_fleet *f)
{
	app_fleet_doc d;
	if (!app_fleet_copy(f, &d, NULL))
		return NULL;
	char *s = jk_strndup(d.body, d.len);
	app_fleet_doc_free(&d);
	return s;
}

/* libcurl, the server, a cache folder, the fleet file's URL and *f. */
static httpd *setup(char *dir, char *url, size_t cap, app_fleet **f)
{
	jk_err err = {0};
	assert_int_equal(fetch_global_init(&err), 0);
	httpd *h = start_server();
	snprintf(dir, cap, "%s", tu_tmpdir());
	snprintf(url, cap, "%s", httpd_url(h, "/fleet.conf"));
	assert_int_equal(app_fleet_open(url, dir, NULL, f, &err), 0);
	assert_string_equal(app_fleet_url(*f), url);
	return h;
}

static void test_fetch_304_and_offline(void **state)
{
	(void)state;
	jk_err err = {0};
	char dir[256], url[256];
	app_fleet *f;
	httpd *h = setup(dir, url, sizeof dir, &f);
	assert_null(copy_in_use(f)); /* nothing cached yet */
	assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_OK);
	char *got = copy_in_use(f);
	assert_string_equal(got, "header = From the fleet\n");
	free(got);
	/* The second fetch sends the ETag and gets a 304. */
	assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_UNCHANGED);
	assert_int_equal(S.not_modified, 1);
	/* The same bytes without validators: nothing happens either. */
	serve("header = From the fleet\n", GOOD, false);
	assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_UNCHANGED);
	/* A changed file is taken. */
	serve("header = Second\n", GOOD, true);
	assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_OK);
	assert_int_equal(hits(), 4);
	app_fleet_free(f);
	httpd_stop(h);

	/* Offline: a new start has the last good copy at once. */
	assert_int_equal(app_fleet_open(url, dir, NULL, &f, &err), 0);
	int64_t at = 0;
	app_fleet_doc d;
	assert_true(app_fleet_copy(f, &d, &at));
	assert_string_equal(d.url, url);
	assert_memory_equal(d.body, "header = Second\n", d.len);
	assert_true(at > 0);
	app_fleet_doc_free(&d);
	/* The fetch fails (nobody listens): the copy stays, one line. */
	tu_capture cap;
	tu_capture_start(&cap);
	for (int i = 0; i < 3; i++)
		assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_FAILED);
	char *log = tu_capture_end(&cap);
	if (tu_count(log, url) != 1 || tu_count(log, "keeping the settings in use") != 1)
		fail_msg("log: %s", log);
	free(log);
	got = copy_in_use(f);
	assert_string_equal(got, "header = Second\n");
	free(got);
	app_fleet_free(f);
	app_fleet_free(NULL);
	tu_rmtree(dir);
	fetch_global_cleanup();
}

/* Each bad answer keeps the copy in use, with one line naming the URL and
 * the reason over several refreshes, and a line when it recovers. */
static void test_bad_answers(void **state)
{
	(void)state;
	jk_err err = {0};
	char dir[256], url[256];
	app_fleet *f;
	httpd *h = setup(dir, url, sizeof dir, &f);
	const struct {
		answer how;
		const char *why;
	} bad[] = {
	    {FAIL_500, "HTTP 500"},
	    {TRUNCATED, ""},
	    {BINARY, ":1: invalid UTF-8"},
	    {BAD_UTF8, ":1: invalid UTF-8"},
	    {HUGE, "limit"},
	    {HTML_PAGE, "an HTML page came (text/html), not settings"},
	    {FORBIDDEN, ":2: key 'control_listen' cannot be set from config_url"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		char good[64];
		snprintf(good, sizeof good, "header = Good %zu\n", i);
		serve(good, GOOD, true);
		assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_OK);
		serve(good, bad[i].how, true);
		tu_capture cap;
		tu_capture_start(&cap);
		for (int k = 0; k < 4; k++)
			assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_FAILED);
		char *log = tu_capture_end(&cap);
		char last[700];
		app_fleet_last_error(f, last, sizeof last);
		print_message("%zu: %s", i, log);
		if (tu_count(log, "\n") != 1 || tu_count(log, "keeping the settings in use") != 1 ||
		    !strstr(log, url) || !strstr(log, bad[i].why) || !strstr(last, bad[i].why))
			fail_msg("%zu: log: %s", i, log);
		free(log);
		char *got = copy_in_use(f);
		assert_string_equal(got, good);
		free(got);
		/* Good again, changed: taken, and said once. */
		snprintf(good, sizeof good, "header = Better %zu\n", i);
		serve(good, GOOD, true);
		tu_capture_start(&cap);
		assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_OK);
		assert_int_equal(app_fleet_refresh(f, check_doc, NULL), REFRESH_UNCHANGED);
		log = tu_capture_end(&cap);
		if (tu_count(log, "\n") != 1 || !strstr(log, "fetched again"))
			fail_msg("%zu: recovery: %s", i, log);
		free(log);
		app_fleet_last_error(f, last, sizeof last);
		assert_string_equal(last, "");
	}
	app_fleet_free(f);
	/* The cache holds the last good copy only. */
	assert_int_equal(app_fleet_open(url, dir, NULL, &f, &err), 0);
	char *got = copy_in_use(f);
	char want[64];
	snprintf(want, sizeof want, "header = Better %zu\n", JK_ARRAY_LEN(bad) - 1);
	assert_string_equal(got, want);
	free(got);
	app_fleet_free(f);
	httpd_stop(h);
	tu_rmtree(dir);
	fetch_global_cleanup();
}

/* The thread: a refresh at once, changed() after a changed file, a kick
 * for SIGHUP; stopped in the middle of its wait. */
static atomic_int changes;
static void on_change(void *ud)
{
	(void)ud;
	atomic_fetch_add(&changes, 1);
}

static bool wait_for(atomic_int *v, int want)
{
	for (int i = 0; i < 300 && atomic_load(v) < want; i++)
		usleep(100000);
	return atomic_load(v) >= want;
}

static void test_thread(void **state)
{
	(void)state;
	jk_err err = {0};
	char dir[256], url[256];
	app_fleet *f;
	httpd *h = setup(dir, url, sizeof dir, &f);
	atomic_store(&changes, 0);
	assert_int_equal(app_fleet_start(f, 3600, check_doc, on_change, NULL, &err), 0);
	assert_true(wait_for(&changes, 1));
	serve("header = Kicked\n", GOOD, true);
	app_fleet_kick(f);
	assert_true(wait_for(&changes, 2));
	char *got = copy_in_use(f);
	assert_string_equal(got, "header = Kicked\n");
	free(got);
	app_fleet_free(f); /* joins a thread waiting for an hour */
	httpd_stop(h);
	tu_rmtree(dir);
	fetch_global_cleanup();
}

/* ---- the binary ---------------------------------------------------------- */

typedef struct files {
	char dir[256], local[320], cache[320], err[320];
} files;

/* The local file; url NULL: without config_url. */
static void write_local(const files *fs, const char *url, const char *extra)
{
	char text[2048];
	snprintf(text, sizeof text,
	         "cache_dir = %s\n%s%s\nsource = %s\nfilter_tag = robotics\n"
	         "header = Local\nslide_seconds = 5\n%s",
	         fs->cache, url ? "config_url = " : "# no config_url", url ? url : "",
	         tu_root("samples"), extra);
	tu_write(fs->local, text);
}

static void make_files(files *fs, const char *url, const char *extra)
{
	snprintf(fs->dir, sizeof fs->dir, "%s", tu_tmpdir());
	snprintf(fs->local, sizeof fs->local, "%s/local.conf", fs->dir);
	snprintf(fs->cache, sizeof fs->cache, "%s/cache", fs->dir);
	snprintf(fs->err, sizeof fs->err, "%s/err", fs->dir);
	write_local(fs, url, extra);
}

/* Local, then the fleet, then the command line; --check-config says where
 * the fleet settings came from, and uses the cache once it has a copy. */
static void test_order_check_config(void **state)
{
	(void)state;
	httpd *h = start_server();
	char url[256];
	snprintf(url, sizeof url, "%s", httpd_url(h, "/fleet.conf"));
	files fs;
	make_files(&fs, url, "");
	char fleet[1024];
	snprintf(fleet, sizeof fleet, "header = Fleet\nslide_seconds = 20\nsource = %s\n",
	         tu_root("samples/fernleaf-data-analyst.md"));
	serve(fleet, GOOD, true);
	char args[1200];
	snprintf(args, sizeof args, "--config %s --check-config --slide-seconds 7", fs.local);
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\nheader = Fleet\n"));
	assert_non_null(strstr(r.out, "\nslide_seconds = 7\n"));
	assert_non_null(strstr(r.out, "filter_tag = robotics\n"));
	assert_int_equal(tu_count(r.out, "\nsource = "), 1);
	assert_non_null(strstr(r.out, "fernleaf-data-analyst.md\n"));
	if (!strstr(r.err, "nothing was cached, fetched "))
		fail_msg("%s", r.err);
	tu_run_free(&r);
	assert_int_equal(hits(), 1);
	/* Again: the cached copy, nothing fetched. */
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.err, "the cached copy, fetched "));
	assert_non_null(strstr(r.out, "\nheader = Fleet\n"));
	tu_run_free(&r);
	assert_int_equal(hits(), 1);
	tu_rmtree(fs.dir);

	/* A fleet file that sets a screen's own key: nothing of it applies,
	 * one line, exit 2. */
	make_files(&fs, url, "");
	serve("", FORBIDDEN, true);
	snprintf(args, sizeof args, "--config %s --check-config", fs.local);
	r = tu_run(args);
	assert_int_equal(r.status, 2);
	char want[512];
	snprintf(want, sizeof want, "%s:2: key 'control_listen' cannot be set from config_url",
	         url);
	if (tu_count(r.err, "\n") != 1 || !strstr(r.err, want))
		fail_msg("%s", r.err);
	tu_run_free(&r);
	/* Unreachable and nothing cached. */
	httpd_stop(h);
	r = tu_run(args);
	assert_int_equal(r.status, 2);
	assert_int_equal(tu_count(r.err, "\n"), 1);
	assert_non_null(strstr(r.err, "/fleet.conf: "));
	tu_run_free(&r);
	tu_rmtree(fs.dir);
	/* A bad config_url is the local file's error. */
	make_files(&fs, url, "config_url = ftp://x/y\n");
	snprintf(args, sizeof args, "--config %s --check-config", fs.local);
	r = tu_run(args);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "local.conf:7: key 'config_url': expected an http:// or "
	                              "https:// URL, not 'ftp://x/y'"));
	tu_run_free(&r);
	tu_rmtree(fs.dir);
}

/* The file's text, "" while it does not exist yet. Caller frees. */
static char *slurp(const char *path)
{
	char *s = NULL;
	size_t n;
	jk_err err = {0};
	if (jk_read_file(path, (size_t)64 << 20, &s, &n, &err))
		s = strdup("");
	assert_non_null(s);
	return s;
}

/* Waits until the binary's log holds want at least n times. */
static bool wait_log(const char *path, const char *want, int n)
{
	for (int i = 0; i < 900; i++) {
		char *s = slurp(path);
		int k = tu_count(s, want);
		free(s);
		if (k >= n)
			return true;
		usleep(100000);
	}
	return false;
}

/* The kiosk under test, stopped by the teardown when a check failed. */
static pid_t child;

static int stop_child(void **state)
{
	(void)state;
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	child = 0;
	return 0;
}

/* The running kiosk: the fleet file fetched in the background is applied
 * as SIGHUP applies the local file (its sources too); a bad one keeps the
 * settings in use with one line. */
static void test_kiosk_applies(void **state)
{
	(void)state;
	httpd *h = start_server();
	files fs;
	char url[256];
	snprintf(url, sizeof url, "%s", httpd_url(h, "/fleet.conf"));
	make_files(&fs, url, "fullscreen = no\nresolution = 320x180\nverbose = yes\n");
	char fleet[1024];
	snprintf(fleet, sizeof fleet, "slide_seconds = 2\nsource = %s\nfilter_tag =\n",
	         tu_root("samples/fernleaf-data-analyst.md"));
	serve(fleet, GOOD, true);
	pid_t pid = child = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int e = open(fs.err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(e, 2);
		int nul = open("/dev/null", O_RDWR);
		dup2(nul, 0);
		dup2(nul, 1);
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
		execl(tu_bin(), tu_bin(), "--config", fs.local, (char *)NULL);
		_exit(127);
	}
	/* Nothing cached: it starts on the local file, then the fetched file
	 * brings one posting. */
	assert_true(wait_log(fs.err, "reloaded", 1));
	assert_true(wait_log(fs.err, "1 of 1 source(s) read; 1 posting(s) shown", 1));
	/* A changed file: other sources. */
	char second[512]; /* tu_root's buffer is static */
	snprintf(second, sizeof second, "%s",
	         tu_root("samples/harbour-lights-stage-technician.md"));
	snprintf(fleet, sizeof fleet, "slide_seconds = 2\nsource = %s\nsource = %s\nfilter_tag =\n",
	         tu_root("samples/fernleaf-data-analyst.md"), second);
	serve(fleet, GOOD, true);
	kill(pid, SIGHUP);
	assert_true(wait_log(fs.err, "2 of 2 source(s) read; 2 posting(s) shown", 1));
	/* A bad file: one line over several SIGHUPs, the kiosk goes on. */
	serve("", FORBIDDEN, true);
	for (int i = 0; i < 3; i++) {
		int before = hits();
		kill(pid, SIGHUP);
		for (int k = 0; k < 600 && hits() == before; k++)
			usleep(100000);
	}
	assert_true(wait_log(fs.err, "cannot be set from config_url", 1));
	/* config_url taken out of the local file, then put back: its cached
	 * copy applies at once (the server has nothing new: a 304). */
	char *log = slurp(fs.err);
	int fleet_loads = tu_count(log, "2 of 2 source(s) read");
	int local_loads = tu_count(log, "0 posting(s) shown of 19");
	free(log);
	serve(fleet, GOOD, true);
	const char *extra = "fullscreen = no\nresolution = 320x180\nverbose = yes\n";
	write_local(&fs, NULL, extra);
	kill(pid, SIGHUP);
	assert_true(wait_log(fs.err, "0 posting(s) shown of 19", local_loads + 1));
	write_local(&fs, url, extra);
	kill(pid, SIGHUP);
	assert_true(wait_log(fs.err, "2 of 2 source(s) read", fleet_loads + 1));
	int st = 0;
	assert_int_equal(waitpid(pid, &st, WNOHANG), 0);
	kill(pid, SIGTERM);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	child = 0;
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	log = slurp(fs.err);
	print_message("%zu bytes of log:\n", strlen(log));
	fputs(log, stdout);
	assert_int_equal(tu_count(log, "cannot be set from config_url"), 1);
	assert_null(strstr(log, "AddressSanitizer"));
	assert_null(strstr(log, "LeakSanitizer"));
	free(log);
	httpd_stop(h);
	/* Offline afterwards: the cache has the last good copy. */
	char args[600];
	snprintf(args, sizeof args, "--config %s --check-config", fs.local);
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	if (!strstr(r.err, "the cached copy"))
		fail_msg("%s", r.err);
	if (!strstr(r.out, "harbour-lights-stage-technician.md\n"))
		fail_msg("%s", r.out);
	tu_run_free(&r);
	tu_rmtree(fs.dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_fleet),
	    cmocka_unit_test(test_url_key),
	    cmocka_unit_test(test_fetch_304_and_offline),
	    cmocka_unit_test(test_bad_answers),
	    cmocka_unit_test(test_thread),
	    cmocka_unit_test(test_order_check_config),
	    cmocka_unit_test_teardown(test_kiosk_applies, stop_child),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	free(S.huge);
	return r;
}
