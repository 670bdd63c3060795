/* impressions.c — the impressions log (report.h) listening to the loop:
 * its file from the settings, a row per slide through the on_show and
 * on_display hooks, the periodic write as the loop's flush row, and the
 * writes at SIGHUP and quit. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static uint64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* The file: the setting; none: no log; unset: impressions.csv in
 * $XDG_STATE_HOME/jobkiosk (the service sets XDG_STATE_HOME to its
 * StateDirectory), else no log. */
static bool log_path(const config *c, char *out, size_t cap)
{
	const char *v = c->impressions_log;
	if (v && !strcmp(v, "none"))
		return false;
	if (v)
		return (size_t)snprintf(out, cap, "%s", v) < cap;
	const char *st = getenv("XDG_STATE_HOME");
	if (!st || st[0] != '/')
		return false;
	if ((size_t)snprintf(out, cap, "%s/jobkiosk", st) >= cap)
		return false;
	if (mkdir(out, 0700) != 0 && errno != EEXIST)
		jk_log(JK_LOG_WARN, "app", "impressions log: cannot create %s: %s", out,
		       strerror(errno));
	return (size_t)snprintf(out, cap, "%s/jobkiosk/impressions.csv", st) < cap;
}

static void open_log(app *a)
{
	char path[4096];
	if (!log_path(&a->cfg, path, sizeof path))
		return;
	report_log_opts o = {.path = path, .screen = a->cfg.screen_name};
	jk_err err = {0};
	if (report_log_open(&o, &a->impressions, &err)) {
		jk_log(JK_LOG_WARN, "app", "%s", err.msg);
		return;
	}
	a->impressions_path = jk_strndup(path, (size_t)-1);
	a->impressions_screen =
	    a->cfg.screen_name ? jk_strndup(a->cfg.screen_name, (size_t)-1) : NULL;
	jk_log(JK_LOG_INFO, "app", "impressions log: %s (written every %u minutes)", path,
	       REPORT_FLUSH_MS / 60000u);
}

static void close_log(app *a)
{
	report_log_close(a->impressions, mono_ms());
	a->impressions = NULL;
	free(a->impressions_path);
	free(a->impressions_screen);
	a->impressions_path = a->impressions_screen = NULL;
}

/* A slide is up: a posting's page, the overview, or the waiting screen
 * (no slide: the one before ends). */
static void shown(void *ud, const kiosk_state *st)
{
	app *a = ud;
	if (!a->impressions)
		return;
	uint64_t now = mono_ms();
	if (st->waiting || st->display_off || !st->npages) {
		report_log_end(a->impressions, now);
		return;
	}
	const posting *p = st->item;
	report_slide s = {.page = st->page + 1, .pages = st->npages};
	if (p) {
		s.posting_id = p->id ? p->id : "";
		s.title = p->title;
		s.link = p->qr_link ? p->qr_link : p->apply;
	}
	report_log_show(a->impressions, &s, time(NULL), now);
}

/* The schedule turned the display off: nothing is on screen. (On again,
 * on_show hears of the slide.) */
static void display(void *ud, const kiosk_state *st)
{
	app *a = ud;
	if (st->display_off && a->impressions)
		report_log_end(a->impressions, mono_ms());
}

static unsigned flush(void *ud)
{
	app *a = ud;
	return report_log_tick(a->impressions, mono_ms());
}

void app_impressions_start(app *a, kiosk_opts *ko)
{
	open_log(a);
	/* Set also without a log: a SIGHUP may bring one. */
	ko->on_show = shown;
	ko->on_display = display;
	ko->flush = flush;
	ko->flush_ms = REPORT_FLUSH_MS;
	ko->hook_ud = a;
}

static bool same(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

void app_impressions_reload(app *a)
{
	report_log_flush(a->impressions);
	char path[4096];
	bool want = log_path(&a->cfg, path, sizeof path);
	if (want && a->impressions && !strcmp(path, a->impressions_path) &&
	    same(a->cfg.screen_name, a->impressions_screen))
		return;
	close_log(a);
	if (want)
		open_log(a);
}

void app_impressions_stop(app *a)
{
	close_log(a);
}
