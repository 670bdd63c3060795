/* main.c — main() and the actions: the command line and the config file
 * into one read-only config, the sources loaded and passed through the
 * deck, handed to the chosen action. Signals: SIGHUP reloads config and
 * sources (wiring.c), SDL turns SIGTERM/SIGINT into a clean quit. Only
 * main() exits. */
#include "internal.h"

#include "platform.h"

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* The postings, read on the kiosk's start-up thread while the window
 * opens. */
static void load_postings(void *ud, posting_list *list)
{
	app_load_all(ud, list);
	jk_mark("app", "the postings read");
}

static void load_first_postings(void *ud, posting_list *list)
{
	app_load_first(ud, list);
	jk_mark("app", "the first file read");
}

static int action_show(app *a, posting_list *list)
{
	jk_err err = {0};
	kiosk_opts ko;
	app_start(a, &ko);
	ko.load = load_postings;
	ko.load_first = load_first_postings;
	jk_mark("app", "the worker and servers started");
	char status[160];
	snprintf(status, sizeof status, "showing the postings of %zu source(s)", a->sources.n);
	platform_ready(status);
	int r = kiosk_run(list, &ko, app_reload, a, NULL, &err);
	app_impressions_stop(a);
	app_stop(a);
	if (r) {
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		return 1;
	}
	return 0;
}

static int action_render(app *a, const posting_list *list)
{
	jk_err err = {0};
	render_look look = app_look(&a->cfg);
	if (app_render_dir(list, a->c->render_dir, a->cfg.size_w, a->cfg.size_h, a->cfg.rotate,
	                   &look, stdout, NULL, NULL, &err)) {
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		return 1;
	}
	return 0;
}

/* --check-config: everything that can be checked without drawing. */
static int action_check(app *a)
{
	render_look look = app_look(&a->cfg);
	jk_err err = {0};
	if (render_look_check(&look, &err)) {
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		return 2;
	}
	if (a->cfg.config_url)
		jk_log(JK_LOG_INFO, "app", "the configuration is valid (%s; %s: %s)",
		       a->cfg.path ? a->cfg.path : "no config file", a->cfg.config_url,
		       a->fleet_said);
	else
		jk_log(JK_LOG_INFO, "app", "the configuration is valid (%s)",
		       a->cfg.path ? a->cfg.path : "no config file");
	config_print(&a->cfg, stdout);
	return 0;
}

static int action_dump(const posting_list *list)
{
	char *json = posting_list_to_json(list);
	if (!json) {
		jk_log(JK_LOG_ERR, "app", "out of memory");
		return 1;
	}
	puts(json);
	free(json);
	return 0;
}

/* The actions that show or write postings: read them (--dump and --render
 * try the network once and the cache answers when it cannot be reached;
 * the screen starts from the cache at once, reading it while its window
 * opens), then act. */
static int action_postings(app *a)
{
	app_action act = a->c->act;
	if (act != ACT_SHOW)
		app_fetch_all(a, NULL);
	posting_list list;
	posting_list_init(&list);
	if (act == ACT_SHOW) {
		int status = action_show(a, &list);
		posting_list_free(&list);
		return status;
	}
	size_t ok = app_load_all(a, &list);
	int status = 0;
	if (ok == 0) {
		jk_log(JK_LOG_ERR, "app", "nothing could be read");
		status = 1;
	}
	if (act == ACT_RENDER && ok > 0)
		status = action_render(a, &list);
	else if (act == ACT_DUMP && action_dump(&list))
		status = 1;
	posting_list_free(&list);
	return status;
}

static uint64_t random_seed(void)
{
	uint64_t s = 0;
	if (getrandom(&s, sizeof s, GRND_NONBLOCK) != (ssize_t)sizeof s)
		s = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	return s;
}

static double main_ms; /* when main() began, for the start-up timeline */

/* Exit status: 0 done, 1 the action failed, 2 a usage or settings error. */
static int run(const app_cli *c)
{
	if (c->act == ACT_SHOW)
		kiosk_prepare(); /* before any thread */
	app a;
	memset(&a, 0, sizeof a);
	a.c = c;
	a.seed = random_seed();
	jk_err err = {0};
	if (app_settings_load(c, NULL, &a.cfg, &a.sources, &err)) {
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		return 2;
	}
	if (a.cfg.verbose)
		app_log_verbose();
	jk_log(JK_LOG_DEBUG, "app", "start-up: main() at %.1f ms", main_ms);
	jk_mark("app", "the settings read");
	/* The slideshow starts from the fleet file's cached copy and fetches it
	 * in the background; the other actions fetch it once when nothing is
	 * cached. */
	int fleet = app_fleet_settings(&a, c->act != ACT_SHOW);
	/* A screen of a fleet may wait for the fleet file's sources. */
	bool fleet_waits = c->act == ACT_SHOW && a.cfg.config_url;
	int status;
	if (c->act == ACT_CHECK && fleet) {
		status = 2;
	} else if (c->act == ACT_REPORT) {
		status = app_report(&a);
	} else if (c->act == ACT_CHECK) {
		status = app_open(&a);
		if (!status)
			status = action_check(&a);
	} else if (a.cfg.nsources == 0 && !fleet_waits) {
		app_cli_usage_error("no SOURCE given (on the command line or as `source = …` in "
		                    "the config file)");
		status = 2;
	} else {
		status = app_open(&a);
		if (!status && c->act == ACT_FETCH_ONCE)
			status = app_fetch_all(&a, stdout) ? 1 : 0;
		else if (!status)
			status = action_postings(&a);
	}
	app_free(&a);
	return status;
}

int main(int argc, char **argv)
{
	main_ms = jk_process_ms(); /* exec, the dynamic linker, constructors */
	app_log_init();
	app_cli c;
	int status = app_cli_parse(argc, argv, &c);
	if (status) {
		free(c.sets);
		return status < 0 ? 0 : 2;
	}
	status = run(&c);
	free(c.sets);
	return status;
}
