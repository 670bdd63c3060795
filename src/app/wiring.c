/* wiring.c — the modules put together for a run: the log sink, the cache
 * and the refresh worker behind the sources, loading through the deck,
 * the slideshow's options, status line and reloads, and the signal thread
 * (SIGHUP reloads; the minute poll of local folders; hourly expiry). */
#include "internal.h"

#include "fetch.h"
#include "platform.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static atomic_bool hangup; /* SIGHUP: the fleet file is fetched again too */
/* The signal thread reads the source list; a reload swaps it under this. */
static pthread_mutex_t src_lock = PTHREAD_MUTEX_INITIALIZER;

/* systemd sets JOURNAL_STREAM to "DEV:INO" of the stream it connected;
 * stderr is the journal only while it still is that stream (a shell
 * started from the service may have redirected it). */
static bool stderr_is_journal(void)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;
	if (!js || sscanf(js, "%llu:%llu", &dev, &ino) != 2 || fstat(STDERR_FILENO, &st) < 0)
		return false;
	return (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void app_log_init(void)
{
	jk_log_set_sink(stderr_is_journal() ? jk_log_journal : jk_log_stderr, NULL, JK_LOG_INFO);
}

void app_log_verbose(void)
{
	jk_log_set_sink(stderr_is_journal() ? jk_log_journal : jk_log_stderr, NULL, JK_LOG_DEBUG);
}

render_look app_look(const config *c)
{
	render_look l = render_look_default();
	l.theme = c->theme;
	l.header = c->header;
	l.logo = c->logo;
	l.font = c->font;
	l.fallback_fonts = (const char *const *)c->fallback_fonts.v;
	l.nfallback = c->fallback_fonts.n;
	l.clock = c->clock;
	l.language = c->language;
	l.hide_boilerplate = c->hide_boilerplate;
	l.max_pages = c->max_pages;
	l.style = c->style;
	l.careers_url = c->careers_qr ? c->careers_qr : c->careers_url;
	return l;
}

static void warn_line(void *ud, const char *src, const char *msg)
{
	(void)ud;
	jk_log(JK_LOG_WARN, "app", "%s: %s", src, msg);
}

static fetch_limits limits(const app *a)
{
	return (fetch_limits){.ca_file = a->ca_file};
}

/* The cache for network sources; a cache that cannot be opened is a
 * warning, the postings are then fetched but not kept. */
static void open_cache(app *a)
{
	char dir[4096];
	jk_err err = {0};
	int r = a->cfg.cache_dir ? (snprintf(dir, sizeof dir, "%s", a->cfg.cache_dir), 0)
	                         : store_cache_default_dir(dir, sizeof dir, &err);
	if (!r)
		r = store_cache_open(dir, 0, &a->cache, &err);
	if (r)
		jk_log(JK_LOG_WARN, "app", "cache: %s; network postings will not be kept offline",
		       err.msg);
	else if (a->cfg.verbose)
		jk_log(JK_LOG_INFO, "app", "cache: %s", dir);
}

int app_open(app *a)
{
	bool network = false;
	for (size_t i = 0; i < a->sources.n; i++)
		network |= a->sources.v[i].kind != SOURCE_PATH;
	free(a->ca_file);
	a->ca_file = a->cfg.ca_file ? jk_strndup(a->cfg.ca_file, (size_t)-1) : NULL;
	free(a->cache_dir);
	a->cache_dir = a->cfg.cache_dir ? jk_strndup(a->cfg.cache_dir, (size_t)-1) : NULL;
	if (!network)
		return 0;
	open_cache(a);
	if (!a->fetch_inited) {
		/* Without libcurl the local sources and the cached copies still
		 * show; each fetch then fails with the same reason. */
		jk_err err = {0};
		if (fetch_global_init(&err))
			jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		else
			a->fetch_inited = true;
	}
	return 0;
}

static void close_sources(app *a)
{
	sources_worker_stop(a->worker);
	a->worker = NULL;
	store_cache_close(a->cache);
	a->cache = NULL;
	sources_free(&a->sources);
	memset(&a->sources, 0, sizeof a->sources);
}

static void refreshed(void *ud)
{
	(void)ud;
	kiosk_notify_reload();
}

static void worker_start(app *a)
{
	if (!a->cache)
		return;
	jk_err err = {0};
	sources_fetch_opts fo = {.cache = a->cache, .limits = limits(a)};
	if (sources_worker_start(&a->sources, &fo, a->cfg.refresh_s, refreshed, NULL, &a->worker,
	                         &err))
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
}

void app_free(app *a)
{
	app_fleet_free(a->fleet);
	a->fleet = NULL;
	close_sources(a);
	if (a->fetch_inited)
		fetch_global_cleanup();
	free(a->ca_file);
	free(a->cache_dir);
	config_free(&a->cfg);
}

static void progress_line(FILE *progress, const source *s, refresh_outcome out, size_t n)
{
	switch (out) {
	case REFRESH_OK:
		fprintf(progress, "%s: ok, %zu posting(s)\n", s->spec, n);
		break;
	case REFRESH_UNCHANGED:
		fprintf(progress, "%s: not modified, %zu posting(s)\n", s->spec, n);
		break;
	case REFRESH_FAILED:
		fprintf(progress, "%s: failed: %s\n", s->spec, s->last_error);
		break;
	case REFRESH_LOCAL:
		fprintf(progress, "%s: local, nothing to fetch\n", s->spec);
		break;
	}
}

size_t app_fetch_all(app *a, FILE *progress)
{
	size_t failed = 0;
	if (!a->cache)
		return 0;
	sources_fetch_opts fo = {.cache = a->cache, .limits = limits(a)};
	for (size_t i = 0; i < a->sources.n; i++) {
		source *s = &a->sources.v[i];
		size_t n = 0;
		refresh_outcome out = sources_refresh(s, &fo, &n);
		if (out == REFRESH_FAILED)
			failed++;
		if (progress)
			progress_line(progress, s, out, n);
	}
	return failed;
}

/* Once per wrong clock: expiry is not trusted while the clock is wrong. */
static void warn_clock(app *a, const deck_report *rep, bool hide_expired, time_t now)
{
	if (rep->clock_untrusted && hide_expired && !a->warned_clock) {
		struct tm tm;
		char day[32] = "?";
		if (localtime_r(&now, &tm))
			strftime(day, sizeof day, "%Y-%m-%d", &tm);
		jk_log(
		    JK_LOG_WARN, "app",
		    "the clock says %s, which cannot be right; expired postings stay shown until "
		    "it is set",
		    day);
		a->warned_clock = true;
	}
	if (rep->clock_untrusted != a->last.clock_untrusted)
		a->warned_clock = false;
}

size_t app_load_all(app *a, posting_list *out)
{
	size_t ok = sources_load(&a->sources, a->cache, out, warn_line, NULL);
	deck_opts d = a->cfg.deck;
	d.seed = a->seed;
	deck_report rep = {0};
	jk_err err = {0};
	time_t now = time(NULL);
	if (deck_apply(out, &d, now, &rep, &err))
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
	warn_clock(a, &rep, d.hide_expired, now);
	bool hid = rep.filtered || rep.expired;
	if (a->cfg.verbose ||
	    (hid && (rep.shown != a->last.shown || rep.filtered != a->last.filtered ||
	             rep.expired != a->last.expired)))
		jk_log(JK_LOG_INFO, "app",
		       "%zu of %zu source(s) read; %zu posting(s) shown of %zu (%zu filtered out, "
		       "%zu expired)",
		       ok, a->sources.n, rep.shown, rep.in, rep.filtered, rep.expired);
	a->last = rep;
	return ok;
}

void app_load_first(app *a, posting_list *out)
{
	if (a->cfg.deck.order != DECK_ORDER_LISTED)
		return;
	sources_load_first(&a->sources, a->cache, out);
	deck_opts d = a->cfg.deck;
	d.seed = a->seed;
	deck_report rep = {0};
	if (deck_apply(out, &d, time(NULL), &rep, NULL))
		posting_list_free(out);
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool same_sources(const config *a, const config *b)
{
	if (a->nsources != b->nsources || !same_str(a->cache_dir, b->cache_dir) ||
	    !same_str(a->ca_file, b->ca_file) || a->refresh_s != b->refresh_s)
		return false;
	for (size_t i = 0; i < a->nsources; i++)
		if (strcmp(a->sources[i], b->sources[i]))
			return false;
	return true;
}

/* SIGHUP: new settings from the same command line. Bad settings keep the
 * current ones. */
static void reload_config(app *a)
{
	config next;
	source_list sources = {0};
	jk_err err = {0};
	platform_reloading();
	report_log_flush(a->impressions); /* SIGHUP writes the rows kept */
	if (app_settings_reload(a, &next, &sources, &err)) {
		jk_log(JK_LOG_ERR, "app", "reload: %s; keeping the current settings", err.msg);
		return;
	}
	bool resource = !same_sources(&a->cfg, &next);
	config_free(&a->cfg);
	a->cfg = next;
	app_impressions_reload(a);
	app_fleet_follow(a);
	app_control_reload(a);
	a->opts_changed = true;
	if (resource) {
		pthread_mutex_lock(&src_lock);
		close_sources(a);
		a->sources = sources;
		if (app_open(a))
			jk_log(JK_LOG_WARN, "app", "reload: some sources could not be used");
		pthread_mutex_unlock(&src_lock);
		worker_start(a);
	} else {
		sources_free(&sources);
		sources_worker_kick(a->worker);
	}
	jk_log(JK_LOG_INFO, "app", "reloaded %s", a->cfg.path ? a->cfg.path : "the settings");
}

/* The loop asks after r, SIGHUP, a refresh that brought news, and hourly
 * (expiry). */
int app_reload(void *ud, posting_list *out, jk_err *err)
{
	app *a = ud;
	bool re = app_reconfig_take();
	if (re)
		reload_config(a);
	if (atomic_exchange(&hangup, false))
		app_fleet_kick(a->fleet);
	size_t ok = app_load_all(a, out);
	char status[160];
	snprintf(status, sizeof status, "showing %zu posting(s) from %zu source(s)", out->n,
	         a->sources.n);
	if (re)
		platform_ready(status);
	else
		platform_status(status);
	if (ok == 0 && a->sources.n)
		return jk_fail(err, JK_EEMPTY, "nothing could be read; keeping the slides shown");
	return 0;
}

static void keepalive(void *ud)
{
	(void)ud;
	platform_keepalive();
}

static void slideshow_opts(app *a, kiosk_opts *ko)
{
	const config *c = &a->cfg;
	ko->rotate = c->rotate;
	ko->slide_seconds = c->slide_seconds;
	ko->cut = c->cut;
	if (c->fullscreen) {
		ko->win_w = ko->win_h = 0;
		ko->mode_w = c->res_w > 0 ? c->res_w : 0;
		ko->mode_h = c->res_h > 0 ? c->res_h : 0;
	} else {
		ko->win_w = c->res_w > 0 ? c->res_w : 1280;
		ko->win_h = c->res_h > 0 ? c->res_h : 720;
		ko->mode_w = ko->mode_h = 0;
	}
	ko->fit_1080 = c->fullscreen && c->res_w == 0;
	static const int renderers[] = {[CONFIG_RENDERER_AUTO] = KIOSK_RENDERER_AUTO,
	                                [CONFIG_RENDERER_SOFTWARE] = KIOSK_RENDERER_SOFTWARE,
	                                [CONFIG_RENDERER_GPU] = KIOSK_RENDERER_GPU};
	ko->renderer = renderers[c->renderer];
	ko->look = app_look(c);
	ko->burn_in_shift = c->burn_in_shift;
	ko->burn_in_minutes = c->burn_in_minutes;
	ko->schedule = &c->schedule;
	ko->display_on_command = c->display_on_command;
	ko->display_off_command = c->display_off_command;
}

static bool reconfigure(void *ud, kiosk_opts *next)
{
	app *a = ud;
	if (!a->opts_changed)
		return false;
	a->opts_changed = false;
	slideshow_opts(a, next);
	return true;
}

/* What the screen says about the network and the deck: stale mark,
 * waiting line. */
static void screen_status(void *ud, kiosk_status *st)
{
	app *a = ud;
	sources_status ss;
	sources_worker_status(a->worker, &ss);
	memset(st, 0, sizeof *st);
	st->stale = ss.failing > 0;
	st->updated_at = ss.oldest_ok;
	if (a->last.in && !a->last.shown)
		snprintf(st->waiting, sizeof st->waiting,
		         "All %zu posting(s) are hidden by the filters or have expired",
		         a->last.in);
	else if (ss.failing)
		snprintf(st->waiting, sizeof st->waiting, "Trying to reach %.400s — retrying",
		         ss.first_failing);
	else if (ss.never_ok)
		snprintf(st->waiting, sizeof st->waiting, "Fetching postings from %zu source(s)…",
		         ss.total);
	else if (a->sources.n)
		snprintf(st->waiting, sizeof st->waiting, "No postings in %s",
		         a->sources.v[0].spec);
	else
		snprintf(st->waiting, sizeof st->waiting, "No sources are configured");
}

/* Local folders and files: a fingerprint taken every minute, so a changed
 * folder or a swapped USB stick shows within a minute without re-reading
 * anything while nothing changes. */
static uint64_t local_stamp(app *a)
{
	uint64_t h = JK_HASH_SEED;
	pthread_mutex_lock(&src_lock);
	for (size_t i = 0; i < a->sources.n; i++)
		if (a->sources.v[i].kind == SOURCE_PATH)
			h = jk_hash64(&(uint64_t){store_path_stamp(a->sources.v[i].spec)}, 8, h);
	pthread_mutex_unlock(&src_lock);
	return h;
}

/* SIGHUP, the minute poll of local sources and the hourly expiry check run
 * here, never in the loop thread (the signals are blocked everywhere
 * else); SIGUSR1 stops it. */
static void *signal_thread(void *arg)
{
	app *a = arg;
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGUSR1);
	uint64_t stamp = local_stamp(a);
	int minutes = 0;
	for (;;) {
		struct timespec minute = {60, 0};
		int sig = sigtimedwait(&set, NULL, &minute);
		if (sig == SIGUSR1)
			break;
		if (sig == SIGHUP) {
			atomic_store(&hangup, true);
			app_notify_reconfig();
		} else if (sig < 0 && errno == EAGAIN) {
			uint64_t now = local_stamp(a);
			if (now != stamp || ++minutes >= 60) {
				minutes = 0;
				kiosk_notify_reload();
			}
			stamp = now;
		}
	}
	return NULL;
}

void app_start(app *a, kiosk_opts *ko)
{
	platform_init();
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGUSR1);
	/* Blocked before any thread starts, so every thread inherits it. */
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	a->have_signals = pthread_create(&a->sig_thread, NULL, signal_thread, a) == 0;
	if (!a->have_signals)
		jk_log(JK_LOG_WARN, "app", "no signal thread; SIGHUP will not reload");
	app_fleet_follow(a); /* before the worker: opening a cache tidies it */
	worker_start(a);
	*ko = (kiosk_opts){.status = screen_status, .status_ud = a, .hook_ud = a};
	slideshow_opts(a, ko);
	unsigned wd = platform_watchdog_ms();
	if (wd) {
		ko->alive = keepalive;
		ko->alive_ms = wd / 2 ? wd / 2 : 1;
	}
	ko->reconfigure = reconfigure;
	app_impressions_start(a, ko);
	app_control_start(a, ko);
}

void app_stop(app *a)
{
	platform_stopping();
	app_control_stop(a);
	if (a->have_signals) {
		pthread_kill(a->sig_thread, SIGUSR1);
		pthread_join(a->sig_thread, NULL);
		a->have_signals = false;
	}
}
