/* internal.h — what the files of src/app share: the command line, the
 * running program's state, and the steps main() strings together. */
#ifndef JK_APP_INTERNAL_H
#define JK_APP_INTERNAL_H

#include "app.h"
#include "control.h"
#include "deck.h"
#include "kiosk.h"
#include "report.h"
#include "store.h"

#include <stdio.h>

typedef enum { ACT_SHOW, ACT_DUMP, ACT_RENDER, ACT_FETCH_ONCE, ACT_CHECK, ACT_REPORT } app_action;

/* One setting given on the command line, applied on top of the file (again
 * after each SIGHUP, so the command line keeps winning). */
typedef struct app_cli_set {
	const char *key, *value, *origin;
} app_cli_set;

/* The command line, parsed once. Strings point into argv or cli.c's
 * option names. */
typedef struct app_cli {
	app_action act;
	const char *config_path; /* --config, NULL: the default search */
	bool no_config;
	const char *render_dir;
	const char *report_path; /* --report FILE (with --render DIR: the chart too) */
	app_cli_set *sets;       /* caller frees with free() */
	size_t nsets;
	char **sources;
	int nsources;
} app_cli;

/* What the actions share. The loop thread owns everything here while the
 * slideshow runs; the signal thread only reads the source list (under a
 * lock) and raises a flag. */
typedef struct app {
	const app_cli *c;
	config cfg;
	uint64_t seed; /* shuffle order, fixed for the process */
	source_list sources;
	store_cache *cache; /* NULL when there are no network sources or no cache */
	char *cache_dir;    /* what the cache was opened with, to see changes */
	char *ca_file;      /* owned copy the worker's fetch limits borrow */
	sources_worker *worker;
	bool fetch_inited;
	bool opts_changed; /* a reload brought new settings for the loop */
	deck_report last;  /* of the latest load */
	bool warned_clock;
	pthread_t sig_thread;
	bool have_signals;       /* sig_thread runs */
	report_log *impressions; /* NULL: no impressions log */
	char *impressions_path;  /* what it was opened with, to see changes */
	char *impressions_screen;
	app_fleet *fleet;        /* NULL: no config_url */
	long fleet_interval_s;   /* what its thread was started with, 0: not started */
	char fleet_said[160];    /* where the fleet settings came from, for --check-config */
	control_server *control; /* NULL: no control server */
	uint64_t control_stamp;  /* its settings when started */
	int64_t started;         /* unix seconds */
} app;

/* cli.c: the command line's own interface. */

/* Parses argv into c. Returns 0, 1 for a usage error (printed to stderr),
 * -1 after --help or --version (printed to stdout). c->sets is the
 * caller's to free, also on failure. */
int app_cli_parse(int argc, char **argv, app_cli *c);
/* Prints "jobkiosk: MSG" and the hint to try --help to stderr: the
 * command line's own reply, not a log line. */
void app_cli_usage_error(const char *msg);

/* settings.c: defaults, then the config file, then the command line, then
 * app_settings_check(). On failure the message is in err and *out is
 * freed; sources (may be NULL) receives the parsed sources on success. */
/* fleet: the fleet file's copy in use, applied between the local file and
 * the command line when it is of the URL they name (NULL: none). */
int app_settings_load(const app_cli *c, const app_fleet_doc *fleet, config *out,
                      source_list *sources, jk_err *err);

/* wiring.c: the modules put together. */

/* Installs the log sink: the journal's format when stderr is the journal
 * (JOURNAL_STREAM names stderr's device and inode), else plain stderr. */
void app_log_init(void);
/* --verbose: the debug lines too (the start-up timeline). */
void app_log_verbose(void);
/* How the slides look; strings borrowed from c. */
render_look app_look(const config *c);
/* Opens the cache when a->sources has a network source. Returns 0, or 1
 * after logging why. */
int app_open(app *a);
void app_free(app *a);
/* Fetches every network source once, one line each to progress (may be
 * NULL). Returns how many failed. */
size_t app_fetch_all(app *a, FILE *progress);
/* Reads every source and lets the deck filter and order them, one log
 * line per failure. Returns the number of sources that could be read. */
size_t app_load_all(app *a, posting_list *out);
/* What a deck in listed order shows first, read ahead of the rest: the
 * first source's first file that gives any, through the deck, nothing
 * told (app_load_all tells it). Empty for another order or when none is
 * kept. */
void app_load_first(app *a, posting_list *out);
/* Fills ko for the slideshow (settings, status, keep-alive, reloads) and
 * starts the refresh worker and the signal thread; app_stop() undoes. */
void app_start(app *a, kiosk_opts *ko);
void app_stop(app *a);
/* reconfig.c: new settings are due, the loop reloads them as after
 * SIGHUP (any thread); the reload takes the flag. */
void app_notify_reconfig(void);
bool app_reconfig_take(void);
/* kiosk_run's reload callback (ud: the app). */
int app_reload(void *ud, posting_list *out, jk_err *err);

/* remote.c: the fleet file in a run. */

/* After the first settings load: with config_url, its cached copy is applied
 * at once (fetch: when there is none, fetched once first, for the actions
 * that do not run the slideshow). Returns 0, or 1 when config_url names a
 * file that cannot be used (logged; the local settings stay). */
int app_fleet_settings(app *a, bool fetch);
/* Starts the fleet thread (the slideshow), or after a reload follows a
 * changed config_url, cache_dir, ca_file or refresh_minutes. */
void app_fleet_follow(app *a);
/* The settings again with the fleet file's copy in use (SIGHUP). */
int app_settings_reload(app *a, config *out, source_list *sources, jk_err *err);

/* impressions.c: the impressions log listening to the loop. */

/* Opens the log the settings ask for (none: nothing) and sets ko's hooks
 * (on_show, on_display, flush; hook_ud must be a). */
void app_impressions_start(app *a, kiosk_opts *ko);
/* SIGHUP: what is kept is written; a changed file or screen name opens
 * the log anew. */
void app_impressions_reload(app *a);
/* Quit: the slide up ends, what is kept is written, the log freed. */
void app_impressions_stop(app *a);

/* control.c: the control server listening to the loop. */

/* The control_* settings make sense together (control_check): a listen
 * address beyond loopback needs a token of 16 characters or more. */
int app_control_check(const config *c, jk_err *err);
/* When control_listen is set: loads the saved announcement into
 * ko->announce, starts the server and sets ko->publish (hook_ud must be
 * a). A server that cannot start is logged; the slides run without it. */
void app_control_start(app *a, kiosk_opts *ko);
/* SIGHUP: a change of the server's settings is logged (it needs a
 * restart). */
void app_control_reload(app *a);
void app_control_stop(app *a);

/* report.c: the --report action. Exit status: 0, 1 when the file cannot
 * be read or the chart not drawn. */
int app_report(const app *a);

#endif
