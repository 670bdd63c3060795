/* remote.c — the fleet file (config_url): settings shared by many screens,
 * fetched with the careful GET of the fetch module, kept in the cache under
 * the URL (a screen that starts offline has its last good copy), fetched
 * again on a thread of its own every refresh_minutes. A changed file that
 * makes good settings reaches the loop exactly as SIGHUP does. */
#include "internal.h"

#include "fetch.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What a config file may be (config_parse_buffer's own cap). */
#define FLEET_MAX_BYTES ((size_t)1 << 20)

struct app_fleet {
	char *url;
	char *ca_file;
	store_cache *cache; /* own handle; NULL: the file is kept in memory only */
	pthread_mutex_t mu; /* the copy in use, and the thread's flags */
	pthread_cond_t cv;
	char *body; /* the copy in use, NULL none */
	size_t len;
	char *etag, *last_modified; /* its validators */
	int64_t fetched_at;
	char failing[640]; /* the failure last logged, "" while good */
	int failures;
	long max_age, retry_after;
	/* The thread. */
	bool running, stop, kicked;
	atomic_bool cancel;
	long interval_s;
	app_fleet_check_fn check;
	app_fleet_changed_fn changed;
	void *ud;
	unsigned rng;
	pthread_t th;
};

int app_fleet_open(const char *url, const char *cache_dir, const char *ca_file, app_fleet **out,
                   jk_err *err)
{
	*out = NULL;
	if (!url || !fetch_is_url(url))
		return jk_fail(err, JK_EARG, "config_url: expected an http:// or https:// URL");
	app_fleet *f = calloc(1, sizeof *f);
	if (!f || !(f->url = strdup(url)) || (ca_file && !(f->ca_file = strdup(ca_file)))) {
		if (f)
			free(f->url);
		free(f);
		return jk_fail(err, JK_ENOMEM, "out of memory");
	}
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&f->cv, &ca);
	pthread_condattr_destroy(&ca);
	pthread_mutex_init(&f->mu, NULL);
	f->max_age = f->retry_after = -1;
	char dir[4096];
	jk_err why = {0};
	int r = cache_dir ? (snprintf(dir, sizeof dir, "%s", cache_dir), 0)
	                  : store_cache_default_dir(dir, sizeof dir, &why);
	if (!r)
		r = store_cache_open(dir, 0, &f->cache, &why);
	if (r)
		jk_log(JK_LOG_WARN, "app", "cache: %s; %s will not be kept offline", why.msg, url);
	store_meta m = {0};
	if (f->cache && !store_cache_get(f->cache, url, &m, &f->body, &f->len, NULL)) {
		f->etag = m.etag, m.etag = NULL;
		f->last_modified = m.last_modified, m.last_modified = NULL;
		f->fetched_at = m.fetched_at;
		store_meta_clear(&m);
	}
	*out = f;
	return JK_OK;
}

const char *app_fleet_url(const app_fleet *f)
{
	return f->url;
}

bool app_fleet_copy(app_fleet *f, app_fleet_doc *out, int64_t *fetched_at)
{
	memset(out, 0, sizeof *out);
	pthread_mutex_lock(&f->mu);
	char *u = f->body ? strdup(f->url) : NULL;
	char *b = u ? jk_strndup(f->body, f->len) : NULL;
	if (b) {
		out->url = u, out->body = b, out->len = f->len;
		if (fetched_at)
			*fetched_at = f->fetched_at;
	} else {
		free(u);
	}
	pthread_mutex_unlock(&f->mu);
	return b != NULL;
}

void app_fleet_doc_free(app_fleet_doc *d)
{
	if (!d)
		return;
	free((char *)d->url);
	free((char *)d->body);
	memset(d, 0, sizeof *d);
}

void app_fleet_last_error(app_fleet *f, char *out, size_t cap)
{
	pthread_mutex_lock(&f->mu);
	snprintf(out, cap, "%s", f->failing);
	pthread_mutex_unlock(&f->mu);
}

/* A captive portal or a server's error page answered: not settings. */
static bool looks_html(const fetch_response *resp)
{
	const char *p = resp->body ? resp->body : "";
	while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
		p++;
	return *p == '<' || (resp->content_type && jk_strcasestr(resp->content_type, "html"));
}

/* New bytes become the copy in use, and the cache's. */
static void take(app_fleet *f, fetch_response *resp)
{
	pthread_mutex_lock(&f->mu);
	free(f->body), free(f->etag), free(f->last_modified);
	f->body = resp->body, f->len = resp->len;
	f->etag = resp->etag, f->last_modified = resp->last_modified;
	resp->body = resp->etag = resp->last_modified = NULL;
	f->fetched_at = (int64_t)time(NULL);
	pthread_mutex_unlock(&f->mu);
	if (!f->cache)
		return;
	store_meta m = {.key = f->url,
	                .etag = f->etag,
	                .last_modified = f->last_modified,
	                .content_type = resp->content_type,
	                .fetched_at = f->fetched_at};
	jk_err err = {0};
	if (store_cache_put(f->cache, &m, f->body, f->len, NULL, &err))
		jk_log(JK_LOG_WARN, "app", "%s: in use, but not kept offline: %s", f->url, err.msg);
}

/* What came, judged: why gets the reason when it cannot be used. */
static refresh_outcome judge(app_fleet *f, fetch_response *resp, app_fleet_check_fn check, void *ud,
                             char *why, size_t cap)
{
	if (resp->not_modified) {
		if (f->body)
			return REFRESH_UNCHANGED;
		snprintf(why, cap, "%.300s: the server said not modified, but nothing is cached",
		         f->url);
		return REFRESH_FAILED;
	}
	if (f->body && f->len == resp->len && !memcmp(f->body, resp->body, resp->len))
		return REFRESH_UNCHANGED;
	if (looks_html(resp)) {
		snprintf(why, cap, "%.300s: an HTML page came (%.60s), not settings", f->url,
		         resp->content_type ? resp->content_type : "no Content-Type");
		return REFRESH_FAILED;
	}
	app_fleet_doc doc = {.url = f->url, .body = resp->body, .len = resp->len};
	if (check && !check(ud, &doc, why, cap))
		return REFRESH_FAILED;
	take(f, resp);
	return REFRESH_OK;
}

/* One line when the file starts failing or fails otherwise, one when it
 * is good again: a screen left offline for days logs once. */
static void note(app_fleet *f, refresh_outcome out, const char *why)
{
	pthread_mutex_lock(&f->mu);
	bool was = f->failing[0] != '\0';
	bool same = !strcmp(f->failing, why);
	snprintf(f->failing, sizeof f->failing, "%s", out == REFRESH_FAILED ? why : "");
	f->failures = out == REFRESH_FAILED ? f->failures + 1 : 0;
	pthread_mutex_unlock(&f->mu);
	if (out == REFRESH_FAILED && !same)
		jk_log(JK_LOG_WARN, "app", "%s; keeping the settings in use", why);
	else if (out != REFRESH_FAILED && was)
		jk_log(JK_LOG_INFO, "app", "%s: fetched again; %s", f->url,
		       out == REFRESH_OK ? "applying the new settings"
		                         : "the settings in use stay");
}

refresh_outcome app_fleet_refresh(app_fleet *f, app_fleet_check_fn check, void *ud)
{
	fetch_request req = {
	    .url = f->url,
	    .etag = f->body ? f->etag : NULL,
	    .last_modified = f->body ? f->last_modified : NULL,
	    .limits = {.max_bytes = FLEET_MAX_BYTES, .ca_file = f->ca_file, .cancel = &f->cancel}};
	fetch_response resp;
	jk_err err = {0};
	char why[640] = "";
	refresh_outcome out = REFRESH_FAILED;
	if (fetch_get(&req, &resp, &err))
		snprintf(why, sizeof why, "%.300s: %s", f->url, err.msg);
	else
		out = judge(f, &resp, check, ud, why, sizeof why);
	f->max_age = resp.max_age;
	f->retry_after = resp.retry_after;
	fetch_response_free(&resp);
	if (!atomic_load(&f->cancel))
		note(f, out, why);
	return out;
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The sources' timing: the interval with jitter (a fleet's screens spread
 * their requests), backing off from 30 s after failures. */
static int64_t next_delay(app_fleet *f, bool ok)
{
	source s = {.failures = f->failures};
	f->rng = f->rng * 1103515245u + 12345u;
	double rnd = (double)((f->rng >> 8) & 0xFFFF) / 65536.0;
	return sources_next_delay_ms(&s, ok, f->max_age, f->retry_after, f->interval_s, rnd);
}

static void *run(void *arg)
{
	app_fleet *f = arg;
	int64_t due = now_ms();
	pthread_mutex_lock(&f->mu);
	while (!f->stop) {
		int64_t now = now_ms();
		if (due > now && !f->kicked) {
			struct timespec ts = {.tv_sec = due / 1000,
			                      .tv_nsec = (due % 1000) * 1000000};
			pthread_cond_timedwait(&f->cv, &f->mu, &ts);
			continue;
		}
		f->kicked = false;
		pthread_mutex_unlock(&f->mu);
		refresh_outcome out = app_fleet_refresh(f, f->check, f->ud);
		if (out == REFRESH_OK && f->changed && !atomic_load(&f->cancel))
			f->changed(f->ud);
		pthread_mutex_lock(&f->mu);
		due = now_ms() + next_delay(f, out != REFRESH_FAILED);
	}
	pthread_mutex_unlock(&f->mu);
	return NULL;
}

int app_fleet_start(app_fleet *f, long interval_s, app_fleet_check_fn check,
                    app_fleet_changed_fn changed, void *ud, jk_err *err)
{
	if (f->running)
		return JK_OK;
	f->interval_s = interval_s > 0 ? interval_s : 900;
	f->check = check;
	f->changed = changed;
	f->ud = ud;
	f->rng = (unsigned)time(NULL) ^ (unsigned)(uintptr_t)f;
	if (pthread_create(&f->th, NULL, run, f))
		return jk_fail(err, JK_ENOMEM, "cannot start the thread that fetches %s", f->url);
	f->running = true;
	return JK_OK;
}

void app_fleet_kick(app_fleet *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->mu);
	f->kicked = true;
	pthread_cond_signal(&f->cv);
	pthread_mutex_unlock(&f->mu);
}

void app_fleet_free(app_fleet *f)
{
	if (!f)
		return;
	if (f->running) {
		pthread_mutex_lock(&f->mu);
		f->stop = true;
		atomic_store(&f->cancel, true);
		pthread_cond_signal(&f->cv);
		pthread_mutex_unlock(&f->mu);
		pthread_join(f->th, NULL);
	}
	pthread_cond_destroy(&f->cv);
	pthread_mutex_destroy(&f->mu);
	store_cache_close(f->cache);
	free(f->url), free(f->ca_file), free(f->body), free(f->etag), free(f->last_modified);
	free(f);
}

/* ---- the fleet file in a run ------------------------------------------- */

/* The settings a fetched file would make on this screen, with its local
 * file and command line: only such a file replaces the copy in use. */
static bool check_settings(void *ud, const app_fleet_doc *doc, char *why, size_t cap)
{
	app *a = ud;
	config c;
	jk_err err = {0};
	if (app_settings_load(a->c, doc, &c, NULL, &err)) {
		snprintf(why, cap, "%s", err.msg);
		return false;
	}
	config_free(&c);
	return true;
}

int app_settings_reload(app *a, config *out, source_list *sources, jk_err *err)
{
	app_fleet_doc doc = {0};
	if (a->fleet)
		app_fleet_copy(a->fleet, &doc, NULL);
	int r = app_settings_load(a->c, &doc, out, sources, err);
	app_fleet_doc_free(&doc);
	return r;
}

/* Settings with the copy in use; a copy that no longer makes good settings
 * with this screen's file (the local file changed) leaves the local ones. */
static int apply_copy(app *a, const char *how)
{
	app_fleet_doc doc = {0};
	int64_t at = 0;
	if (!app_fleet_copy(a->fleet, &doc, &at))
		return 1;
	config next;
	source_list sources = {0};
	jk_err err = {0};
	int r = app_settings_load(a->c, &doc, &next, &sources, &err);
	app_fleet_doc_free(&doc);
	if (r) {
		jk_log(JK_LOG_ERR, "app", "%s; using the settings without it", err.msg);
		return 1;
	}
	config_free(&a->cfg);
	sources_free(&a->sources);
	a->cfg = next;
	a->sources = sources;
	char day[40] = "?";
	time_t t;
	struct tm tm;
	if (jk_time_from(at, &t) && gmtime_r(&t, &tm))
		strftime(day, sizeof day, "%Y-%m-%d %H:%M UTC", &tm);
	snprintf(a->fleet_said, sizeof a->fleet_said, "%s, fetched %s", how, day);
	return 0;
}

int app_fleet_settings(app *a, bool fetch)
{
	const config *c = &a->cfg;
	if (!c->config_url)
		return 0;
	jk_err err = {0};
	if (app_fleet_open(c->config_url, c->cache_dir, c->ca_file, &a->fleet, &err)) {
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		return 1;
	}
	/* The cached copy: a screen starts at once, offline too. */
	app_fleet_doc d = {0};
	bool cached = app_fleet_copy(a->fleet, &d, NULL);
	app_fleet_doc_free(&d);
	if (cached)
		return apply_copy(a, "the cached copy");
	if (!fetch)
		return 0;
	if (!a->fetch_inited) {
		if (fetch_global_init(&err)) {
			jk_log(JK_LOG_ERR, "app", "%s", err.msg);
			return 1;
		}
		a->fetch_inited = true;
	}
	refresh_outcome out = app_fleet_refresh(a->fleet, check_settings, a);
	if (out == REFRESH_FAILED)
		return 1;
	return apply_copy(a, "nothing was cached");
}

static void fleet_changed(void *ud)
{
	(void)ud;
	app_notify_reconfig();
}

static bool same_str(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

void app_fleet_follow(app *a)
{
	const config *c = &a->cfg;
	app_fleet *f = a->fleet;
	if (f && same_str(f->url, c->config_url) && same_str(f->ca_file, c->ca_file) &&
	    a->fleet_interval_s == c->refresh_s)
		return;
	/* A new URL's cached copy, if any, applies at once (at start it already
	 * did: app_fleet_settings). */
	bool moved = !f || !same_str(f->url, c->config_url);
	app_fleet_free(f);
	a->fleet = NULL;
	a->fleet_interval_s = 0;
	jk_err err = {0};
	if (!c->config_url)
		return;
	if (app_fleet_open(c->config_url, c->cache_dir, c->ca_file, &a->fleet, &err)) {
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		return;
	}
	if (!a->fetch_inited && !fetch_global_init(&err))
		a->fetch_inited = true;
	if (app_fleet_start(a->fleet, c->refresh_s, check_settings, fleet_changed, a, &err))
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
	else
		a->fleet_interval_s = c->refresh_s;
	app_fleet_doc d = {0};
	if (moved && app_fleet_copy(a->fleet, &d, NULL))
		app_notify_reconfig();
	app_fleet_doc_free(&d);
}
