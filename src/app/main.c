/* main.c — command line and config file into one read-only config, the
 * sources loaded and passed through the deck, handed to the chosen action.
 * Signals: SIGHUP reloads config and sources (a thread waits for it), SDL
 * turns SIGTERM/SIGINT into a clean quit. Only main() exits. */
#include "app.h"
#include "config.h"
#include "deck.h"
#include "fetch.h"
#include "import.h"
#include "kiosk.h"
#include "platform.h"
#include "posting.h"
#include "render.h"
#include "sources.h"
#include "store.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

typedef enum { ACT_SHOW, ACT_DUMP, ACT_RENDER, ACT_FETCH_ONCE, ACT_CHECK } action;

/* One setting given on the command line, applied on top of the file (again
 * after each SIGHUP, so the command line keeps winning). */
typedef struct cli_set {
	const char *key, *value, *origin;
} cli_set;

/* The command line, parsed once. Strings point into argv or the option
 * table. */
typedef struct cli {
	action act;
	const char *config_path; /* --config, NULL: the default search */
	bool no_config;
	const char *render_dir;
	cli_set *sets;
	size_t nsets;
	char **sources;
	int nsources;
} cli;

/* What the actions share. The loop thread owns everything here while the
 * slideshow runs; the signal thread only sets `reconfig`. */
typedef struct app {
	const cli *c;
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
} app;

static atomic_bool reconfig;
/* The signal thread reads the source list; a reload swaps it under this. */
static pthread_mutex_t src_lock = PTHREAD_MUTEX_INITIALIZER;

/* Long option name of a config key: slide_seconds → slide-seconds. */
static char option_names[64][32];

enum {
	OPT_DUMP = 256,
	OPT_VERSION,
	OPT_RENDER,
	OPT_WINDOWED,
	OPT_FETCH_ONCE,
	OPT_CONFIG,
	OPT_NO_CONFIG,
	OPT_CHECK,
	OPT_KEY = 1000, /* + index in config_key_table */
};

/* One option of --help: the option in a 26-column field (its own line
 * when longer), its text wrapped at 79 columns under itself. */
static void help_item(FILE *f, const char *opt, const char *text)
{
	int col = fprintf(f, "  %-26s", opt);
	if (strlen(opt) > 25) {
		fputc('\n', f);
		col = fprintf(f, "%28s", "");
	}
	bool first = true;
	for (const char *p = text; *p;) {
		int w = (int)strcspn(p, " ");
		if (!first && col + 1 + w > 79)
			col = fprintf(f, "\n%28s", "") - 1;
		else if (!first)
			col += fprintf(f, " ");
		col += fprintf(f, "%.*s", w, p);
		first = false;
		p += w;
		while (*p == ' ')
			p++;
	}
	fputc('\n', f);
}

static void usage(FILE *f)
{
	fprintf(f,
	        "usage: jobkiosk [OPTION]... [SOURCE]...\n"
	        "Shows job postings as slides. SOURCE is a posting file or a folder of them\n"
	        "(Markdown, HTML, Greenhouse/Lever/JSON Feed JSON, RSS, Atom, plain text),\n"
	        "an http(s) URL of a posting page, document or feed, greenhouse:BOARD or\n"
	        "lever:COMPANY. SOURCEs given here replace the config file's `source` lines.\n"
	        "\n"
	        "Actions (default: the slideshow, full screen):\n"
	        "  --dump                print the postings read from the sources as JSON\n"
	        "  --render DIR          write every slide as a PNG into DIR (no display needed)\n"
	        "  --fetch-once          fetch every network source into the cache and exit\n"
	        "  --check-config        check the configuration, print the effective settings\n"
	        "  -h, --help            show this help\n"
	        "  --version             print the version\n"
	        "\n"
	        "Configuration:\n"
	        "  --config FILE         read settings from FILE (default: the first of\n"
	        "                        $XDG_CONFIG_HOME/jobkiosk/jobkiosk.conf,\n"
	        "                        /etc/jobkiosk/jobkiosk.conf that exists)\n"
	        "  --no-config           read no config file\n"
	        "  --windowed WxH        same as --fullscreen=no --resolution WxH\n"
	        "  -v                    same as --verbose\n"
	        "\n"
	        "Settings: every key of the config file is also an option, with dashes for\n"
	        "underscores (slide_seconds = 12 is --slide-seconds 12). Yes/no settings\n"
	        "take --NAME or --NAME=no.\n");
	for (size_t i = 0; config_key_table[i].name; i++) {
		const config_key_info *k = &config_key_table[i];
		char opt[96];
		if (k->is_bool)
			snprintf(opt, sizeof opt, "--%.31s[=%.40s]", option_names[i], k->arg);
		else
			snprintf(opt, sizeof opt, "--%.31s %.40s", option_names[i], k->arg);
		char text[400];
		int n = snprintf(text, sizeof text, "%s", k->help);
		if (k->def && k->def[0] && n >= 0 && (size_t)n < sizeof text)
			n += snprintf(text + n, sizeof text - (size_t)n, " (default %s)", k->def);
		if (k->repeatable && n >= 0 && (size_t)n < sizeof text)
			snprintf(text + n, sizeof text - (size_t)n, "; repeatable");
		help_item(f, opt, text);
	}
	fprintf(f, "\nSignals: SIGHUP reloads the config file and the sources; SIGTERM and\n"
	           "SIGINT quit. See jobkiosk(1).\n");
}

static void name_options(void)
{
	for (size_t i = 0; config_key_table[i].name && i < JK_ARRAY_LEN(option_names); i++) {
		snprintf(option_names[i], sizeof option_names[i], "%s", config_key_table[i].name);
		for (char *p = option_names[i]; *p; p++)
			if (*p == '_')
				*p = '-';
	}
}

/* Returns 0, 1 for a usage error (message printed), -1 for --help/--version
 * (printed). c->sets is the caller's to free. */
static int parse_cli(int argc, char **argv, cli *c)
{
	static const struct option fixed[] = {
	    {"dump", no_argument, NULL, OPT_DUMP},
	    {"render", required_argument, NULL, OPT_RENDER},
	    {"windowed", required_argument, NULL, OPT_WINDOWED},
	    {"fetch-once", no_argument, NULL, OPT_FETCH_ONCE},
	    {"config", required_argument, NULL, OPT_CONFIG},
	    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
	    {"check-config", no_argument, NULL, OPT_CHECK},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, OPT_VERSION},
	};
	struct option opts[JK_ARRAY_LEN(fixed) + JK_ARRAY_LEN(option_names) + 1];
	size_t n = 0;
	for (size_t i = 0; i < JK_ARRAY_LEN(fixed); i++)
		opts[n++] = fixed[i];
	for (size_t i = 0; config_key_table[i].name && i < JK_ARRAY_LEN(option_names); i++)
		opts[n++] = (struct option){option_names[i],
		                            config_key_table[i].is_bool ? optional_argument
		                                                        : required_argument,
		                            NULL, OPT_KEY + (int)i};
	opts[n] = (struct option){NULL, 0, NULL, 0};

	memset(c, 0, sizeof *c);
	/* Every option is at most one setting (--windowed two). */
	c->sets = calloc((size_t)argc * 2 + 1, sizeof *c->sets);
	if (!c->sets) {
		fprintf(stderr, "jobkiosk: out of memory\n");
		return 1;
	}
	int ch, idx;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":vh", opts, &idx)) != -1) {
		switch (ch) {
		case OPT_DUMP:
			c->act = ACT_DUMP;
			break;
		case OPT_RENDER:
			c->act = ACT_RENDER;
			c->render_dir = optarg;
			break;
		case OPT_FETCH_ONCE:
			c->act = ACT_FETCH_ONCE;
			break;
		case OPT_CHECK:
			c->act = ACT_CHECK;
			break;
		case OPT_CONFIG:
			c->config_path = optarg;
			break;
		case OPT_NO_CONFIG:
			c->no_config = true;
			break;
		case OPT_WINDOWED:
			c->sets[c->nsets++] = (cli_set){"fullscreen", "no", "--windowed"};
			c->sets[c->nsets++] = (cli_set){"resolution", optarg, "--windowed"};
			break;
		case 'v':
			c->sets[c->nsets++] = (cli_set){"verbose", "yes", "-v"};
			break;
		case 'h':
			usage(stdout);
			return -1;
		case OPT_VERSION:
			printf("jobkiosk %s\n", JOBKIOSK_VERSION);
			return -1;
		case ':':
			fprintf(stderr,
			        "jobkiosk: option '%s' needs a value\nTry 'jobkiosk --help'.\n",
			        argv[optind - 1]);
			return 1;
		case '?':
			if (optopt)
				fprintf(stderr, "jobkiosk: option '-%c' is unknown\n", optopt);
			else
				fprintf(stderr, "jobkiosk: option '%.200s' is unknown\n",
				        argv[optind - 1]);
			fprintf(stderr, "Try 'jobkiosk --help'.\n");
			return 1;
		default: {
			size_t k = (size_t)(ch - OPT_KEY);
			c->sets[c->nsets++] = (cli_set){config_key_table[k].name,
			                                optarg ? optarg : "yes", option_names[k]};
			break;
		}
		}
	}
	c->sources = argv + optind;
	c->nsources = argc - optind;
	return 0;
}

/* Defaults, then the config file, then the command line. On failure the
 * message is in err and *out is freed. */
static int build_config(const cli *c, config *out, jk_err *err)
{
	config_init(out);
	int r = 0;
	char found[4096];
	if (c->config_path)
		r = config_load_file(out, c->config_path, err);
	else if (!c->no_config && config_find_default(found, sizeof found))
		r = config_load_file(out, found, err);
	/* A repeatable key given on the command line replaces the file's list
	 * (an empty value clears it), as SOURCE arguments replace `source`. */
	bool cleared[JK_ARRAY_LEN(option_names)] = {0};
	for (size_t i = 0; !r && i < c->nsets; i++) {
		const char *o = c->sets[i].origin;
		char origin[64];
		snprintf(origin, sizeof origin, "%s%s", o[0] == '-' ? "" : "--", o);
		for (size_t k = 0; config_key_table[k].name && k < JK_ARRAY_LEN(cleared); k++)
			if (config_key_table[k].name == c->sets[i].key &&
			    config_key_table[k].repeatable && !cleared[k]) {
				cleared[k] = true;
				r = config_set(out, c->sets[i].key, "", origin, err);
			}
		if (!r)
			r = config_set(out, c->sets[i].key, c->sets[i].value, origin, err);
	}
	if (!r && c->nsources)
		r = config_set_sources(out, c->sources, (size_t)c->nsources, err);
	if (r)
		config_free(out);
	return r;
}

static void warn_line(void *ud, const char *src, const char *msg)
{
	(void)ud;
	fprintf(stderr, "jobkiosk: %s: %s\n", src, msg);
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

static fetch_limits limits(const app *a)
{
	return (fetch_limits){.ca_file = a->ca_file};
}

/* Parses the configured sources and opens the cache when a network source
 * needs it. Returns 0, or 2 after printing why. */
static int sources_open(app *a)
{
	bool network = false;
	for (size_t i = 0; i < a->cfg.nsources; i++) {
		jk_err err = {0};
		if (sources_add(&a->sources, a->cfg.sources[i], &err)) {
			fprintf(stderr, "jobkiosk: %s: %s\n", a->cfg.sources[i], err.msg);
			return 2;
		}
		network |= a->sources.v[a->sources.n - 1].kind != SOURCE_PATH;
	}
	free(a->ca_file);
	a->ca_file = a->cfg.ca_file ? jk_strndup(a->cfg.ca_file, (size_t)-1) : NULL;
	free(a->cache_dir);
	a->cache_dir = a->cfg.cache_dir ? jk_strndup(a->cfg.cache_dir, (size_t)-1) : NULL;
	if (!network)
		return 0;
	char dir[4096];
	jk_err err = {0};
	int r = a->cfg.cache_dir ? (snprintf(dir, sizeof dir, "%s", a->cfg.cache_dir), 0)
	                         : store_cache_default_dir(dir, sizeof dir, &err);
	if (!r)
		r = store_cache_open(dir, 0, &a->cache, &err);
	if (r)
		fprintf(stderr, "jobkiosk: cache: %s; network postings will not be kept offline\n",
		        err.msg);
	else if (a->cfg.verbose)
		fprintf(stderr, "jobkiosk: cache: %s\n", dir);
	if (!a->fetch_inited) {
		if (fetch_global_init(&err)) {
			fprintf(stderr, "jobkiosk: %s\n", err.msg);
			return 1;
		}
		a->fetch_inited = true;
	}
	return 0;
}

static void sources_close(app *a)
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
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
}

static void app_free(app *a)
{
	sources_close(a);
	if (a->fetch_inited)
		fetch_global_cleanup();
	free(a->ca_file);
	free(a->cache_dir);
	config_free(&a->cfg);
}

/* Fetches every network source once, one line each. Returns how many
 * failed. */
static size_t fetch_all(app *a, FILE *progress)
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
		if (!progress)
			continue;
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
	return failed;
}

/* Reads every source (paths from disk, network sources from the cache),
 * one line per failure, then lets the deck filter and order them. Returns
 * the number of sources that could be read. */
static size_t load_all(app *a, posting_list *out)
{
	size_t ok = sources_load(&a->sources, a->cache, out, warn_line, NULL);
	deck_opts d = a->cfg.deck;
	d.seed = a->seed;
	deck_report rep = {0};
	jk_err err = {0};
	time_t now = time(NULL);
	if (deck_apply(out, &d, now, &rep, &err))
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
	if (rep.clock_untrusted && d.hide_expired && !a->warned_clock) {
		struct tm tm;
		char day[32] = "?";
		if (localtime_r(&now, &tm))
			strftime(day, sizeof day, "%Y-%m-%d", &tm);
		fprintf(stderr,
		        "jobkiosk: the clock says %s, which cannot be right; expired postings stay "
		        "shown until it is set\n",
		        day);
		a->warned_clock = true;
	}
	if (rep.clock_untrusted != a->last.clock_untrusted)
		a->warned_clock = false;
	bool hid = rep.filtered || rep.expired;
	if (a->cfg.verbose ||
	    (hid && (rep.shown != a->last.shown || rep.filtered != a->last.filtered ||
	             rep.expired != a->last.expired)))
		fprintf(stderr,
		        "jobkiosk: %zu of %zu source(s) read; %zu posting(s) shown of %zu "
		        "(%zu filtered out, %zu expired)\n",
		        ok, a->sources.n, rep.shown, rep.in, rep.filtered, rep.expired);
	a->last = rep;
	return ok;
}

/* SIGHUP: a new config from the same command line. A bad file keeps the
 * current settings. */
static void reload_config(app *a)
{
	config next;
	jk_err err = {0};
	platform_reloading();
	if (build_config(a->c, &next, &err)) {
		fprintf(stderr, "jobkiosk: reload: %s; keeping the current settings\n", err.msg);
		return;
	}
	bool resource = !same_sources(&a->cfg, &next);
	config_free(&a->cfg);
	a->cfg = next;
	a->opts_changed = true;
	if (resource) {
		pthread_mutex_lock(&src_lock);
		sources_close(a);
		if (sources_open(a))
			fprintf(stderr, "jobkiosk: reload: some sources could not be used\n");
		pthread_mutex_unlock(&src_lock);
		worker_start(a);
	} else {
		sources_worker_kick(a->worker);
	}
	fprintf(stderr, "jobkiosk: reloaded %s\n", a->cfg.path ? a->cfg.path : "the settings");
}

/* The loop asks after r, SIGHUP, a refresh that brought news, and hourly
 * (expiry). */
static int reload_sources(void *ud, posting_list *out, jk_err *err)
{
	app *a = ud;
	bool re = atomic_exchange(&reconfig, false);
	if (re)
		reload_config(a);
	size_t ok = load_all(a, out);
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

/* How the slides look; strings borrowed from c. */
static render_look look_of(const config *c)
{
	render_look l = render_look_default();
	l.theme = c->theme;
	l.header = c->header;
	l.logo = c->logo;
	l.font = c->font;
	l.fallback_fonts = (const char *const *)c->fallback_fonts.v;
	l.nfallback = c->fallback_fonts.n;
	l.clock = c->clock;
	return l;
}

static void kiosk_opts_of(app *a, kiosk_opts *ko)
{
	const config *c = &a->cfg;
	ko->rotate = c->rotate;
	ko->slide_seconds = c->slide_seconds;
	ko->cut = c->cut;
	if (c->fullscreen) {
		ko->win_w = ko->win_h = 0;
		ko->mode_w = c->res_w;
		ko->mode_h = c->res_h;
	} else {
		ko->win_w = c->res_w ? c->res_w : 1280;
		ko->win_h = c->res_h ? c->res_h : 720;
		ko->mode_w = ko->mode_h = 0;
	}
	ko->look = look_of(c);
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
	kiosk_opts_of(a, next);
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
			atomic_store(&reconfig, true);
			kiosk_notify_reload();
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

static int show(app *a, posting_list *list)
{
	jk_err err = {0};
	platform_init();
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGUSR1);
	/* Blocked before any thread starts, so every thread inherits it. */
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	pthread_t sig_thread;
	bool have_sig = pthread_create(&sig_thread, NULL, signal_thread, a) == 0;
	if (!have_sig)
		fprintf(stderr, "jobkiosk: no signal thread; SIGHUP will not reload\n");
	worker_start(a);
	kiosk_opts ko = {.status = screen_status, .status_ud = a, .hook_ud = a};
	kiosk_opts_of(a, &ko);
	unsigned wd = platform_watchdog_ms();
	if (wd) {
		ko.alive = keepalive;
		ko.alive_ms = wd / 2 ? wd / 2 : 1;
	}
	ko.reconfigure = reconfigure;
	char status[160];
	snprintf(status, sizeof status, "showing %zu posting(s) from %zu source(s)", list->n,
	         a->sources.n);
	platform_ready(status);
	int r = kiosk_run(list, &ko, reload_sources, a, NULL, &err);
	platform_stopping();
	if (have_sig) {
		pthread_kill(sig_thread, SIGUSR1);
		pthread_join(sig_thread, NULL);
	}
	if (r) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		return 1;
	}
	return 0;
}

static int render_action(app *a, const posting_list *list)
{
	jk_err err = {0};
	render_look look = look_of(&a->cfg);
	if (app_render_dir(list, a->c->render_dir, a->cfg.size_w, a->cfg.size_h, a->cfg.rotate,
	                   &look, stdout, NULL, NULL, &err)) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		return 1;
	}
	return 0;
}

/* --check-config: everything that can be checked without drawing. */
static int check_action(app *a)
{
	render_look look = look_of(&a->cfg);
	jk_err err = {0};
	if (render_look_check(&look, &err)) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		return 2;
	}
	fprintf(stderr, "jobkiosk: the configuration is valid (%s)\n",
	        a->cfg.path ? a->cfg.path : "no config file");
	config_print(&a->cfg, stdout);
	return 0;
}

static uint64_t random_seed(void)
{
	uint64_t s = 0;
	if (getrandom(&s, sizeof s, GRND_NONBLOCK) != (ssize_t)sizeof s)
		s = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	return s;
}

int main(int argc, char **argv)
{
	name_options();
	cli c;
	int status = parse_cli(argc, argv, &c);
	if (status) {
		free(c.sets);
		return status < 0 ? 0 : 2;
	}
	app a;
	memset(&a, 0, sizeof a);
	a.c = &c;
	a.seed = random_seed();
	jk_err err = {0};
	if (build_config(&c, &a.cfg, &err)) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		free(c.sets);
		return 2;
	}
	if (c.act == ACT_CHECK) {
		status = sources_open(&a);
		if (!status)
			status = check_action(&a);
		goto out;
	}
	if (a.cfg.nsources == 0) {
		fprintf(stderr, "jobkiosk: no SOURCE given (on the command line or as `source = …` "
		                "in the config file)\nTry 'jobkiosk --help'.\n");
		status = 2;
		goto out;
	}
	status = sources_open(&a);
	if (status)
		goto out;
	if (c.act == ACT_FETCH_ONCE) {
		status = fetch_all(&a, stdout) ? 1 : 0;
		goto out;
	}
	/* --dump and --render try the network once; the cache answers when it
	 * cannot be reached. The screen starts from the cache at once. */
	if (c.act != ACT_SHOW)
		fetch_all(&a, NULL);
	posting_list list;
	posting_list_init(&list);
	size_t ok = load_all(&a, &list);
	if (ok == 0 && c.act != ACT_SHOW) {
		fprintf(stderr, "jobkiosk: nothing could be read\n");
		status = 1;
	}
	if (c.act == ACT_SHOW) {
		status = show(&a, &list);
	} else if (c.act == ACT_RENDER && ok > 0) {
		status = render_action(&a, &list);
	} else if (c.act == ACT_DUMP) {
		char *json = posting_list_to_json(&list);
		if (json) {
			puts(json);
			free(json);
		} else {
			fprintf(stderr, "jobkiosk: out of memory\n");
			status = 1;
		}
	}
	posting_list_free(&list);
out:
	app_free(&a);
	free(c.sets);
	return status;
}
