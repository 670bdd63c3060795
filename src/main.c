/* main.c — command line: parse options once into a read-only struct, load
 * the sources, hand them to the chosen action. Only main() exits. */
#include "fetch.h"
#include "import.h"
#include "kiosk.h"
#include "posting.h"
#include "render.h"
#include "sources.h"
#include "store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum { ACT_SHOW, ACT_DUMP, ACT_RENDER, ACT_FETCH_ONCE } action;

typedef struct options {
	action act;
	bool verbose;
	const char *render_dir;
	int size_w, size_h; /* --render screen size */
	int rotate;
	int win_w, win_h;   /* --windowed */
	double slide_seconds;
	bool cut;
	const char *cache_dir; /* NULL: the default */
	const char *ca_file;
	long refresh_s;
	char **sources;
	int nsources;
} options;

/* What the actions share: the parsed sources and the cache. */
typedef struct app {
	const options *o;
	source_list sources;
	store_cache *cache; /* NULL when there are no network sources or no cache */
	sources_worker *worker;
} app;

static void usage(FILE *f)
{
	fprintf(f,
	        "usage: jobkiosk [OPTION]... SOURCE...\n"
	        "Shows job postings as slides. SOURCE is a posting file or a folder of them\n"
	        "(Markdown, HTML, Greenhouse/Lever/JSON Feed JSON, RSS, Atom, plain text),\n"
	        "an http(s) URL of a posting page, document or feed, greenhouse:BOARD or\n"
	        "lever:COMPANY.\n"
	        "\n"
	        "  --dump         print the postings read from SOURCE as JSON and exit\n"
	        "  --render DIR   write every slide as a PNG into DIR (no display needed)\n"
	        "  --size WxH     screen size for --render (default 1920x1080)\n"
	        "  --rotate DEG   the screen is mounted turned by 0, 90, 180 or 270 degrees\n"
	        "  --windowed WxH show in a window instead of full screen\n"
	        "  --slide-seconds N  how long a slide stays (default 12)\n"
	        "  --transition crossfade|cut  how slides change (default crossfade)\n"
	        "  --fetch-once   fetch every network SOURCE into the cache and exit\n"
	        "  --cache-dir DIR  where fetched postings are kept\n"
	        "                 (default $XDG_CACHE_HOME/jobkiosk or ~/.cache/jobkiosk)\n"
	        "  --refresh-minutes N  how often network sources are fetched again (default 15)\n"
	        "  --ca-file FILE extra CA certificates (PEM) trusted for https\n"
	        "  -v, --verbose  say more about what is read\n"
	        "  -h, --help     show this help and exit\n"
	        "  --version      print the version and exit\n");
}

static void warn_line(void *ud, const char *src, const char *msg)
{
	(void)ud;
	fprintf(stderr, "jobkiosk: %s: %s\n", src, msg);
}

static bool parse_wxh(const char *s, int *w, int *h)
{
	char tail;
	return sscanf(s, "%dx%d%c", w, h, &tail) == 2 && *w >= 160 && *h >= 160 && *w <= 16384 &&
	       *h <= 16384;
}

/* Returns 0 on success, 1 for a usage error (message printed). */
static int parse_options(int argc, char **argv, options *o)
{
	enum {
		OPT_DUMP = 256,
		OPT_VERSION,
		OPT_RENDER,
		OPT_SIZE,
		OPT_ROTATE,
		OPT_WINDOWED,
		OPT_SECONDS,
		OPT_TRANSITION,
		OPT_FETCH_ONCE,
		OPT_CACHE_DIR,
		OPT_CA_FILE,
		OPT_REFRESH
	};
	static const struct option longopts[] = {
	    {"dump", no_argument, NULL, OPT_DUMP},
	    {"render", required_argument, NULL, OPT_RENDER},
	    {"size", required_argument, NULL, OPT_SIZE},
	    {"rotate", required_argument, NULL, OPT_ROTATE},
	    {"windowed", required_argument, NULL, OPT_WINDOWED},
	    {"slide-seconds", required_argument, NULL, OPT_SECONDS},
	    {"transition", required_argument, NULL, OPT_TRANSITION},
	    {"fetch-once", no_argument, NULL, OPT_FETCH_ONCE},
	    {"cache-dir", required_argument, NULL, OPT_CACHE_DIR},
	    {"ca-file", required_argument, NULL, OPT_CA_FILE},
	    {"refresh-minutes", required_argument, NULL, OPT_REFRESH},
	    {"verbose", no_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, OPT_VERSION},
	    {NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	o->size_w = 1920;
	o->size_h = 1080;
	o->slide_seconds = 12;
	o->refresh_s = 900;
	int c;
	char *end;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "vh", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DUMP:
			o->act = ACT_DUMP;
			break;
		case OPT_RENDER:
			o->act = ACT_RENDER;
			o->render_dir = optarg;
			break;
		case OPT_SIZE:
		case OPT_WINDOWED:
			if (!parse_wxh(optarg, c == OPT_SIZE ? &o->size_w : &o->win_w,
			               c == OPT_SIZE ? &o->size_h : &o->win_h)) {
				fprintf(stderr, "jobkiosk: '%s' is not a size like 1920x1080\n", optarg);
				return 1;
			}
			break;
		case OPT_ROTATE:
			o->rotate = (int)strtol(optarg, &end, 10);
			if (*end || !render_rotation_ok(o->rotate)) {
				fprintf(stderr, "jobkiosk: --rotate takes 0, 90, 180 or 270, not '%s'\n",
				        optarg);
				return 1;
			}
			break;
		case OPT_SECONDS:
			o->slide_seconds = strtod(optarg, &end);
			if (*end || !(o->slide_seconds >= 1 && o->slide_seconds <= 3600)) {
				fprintf(stderr, "jobkiosk: --slide-seconds takes 1 to 3600, not '%s'\n",
				        optarg);
				return 1;
			}
			break;
		case OPT_TRANSITION:
			if (!strcmp(optarg, "cut") || !strcmp(optarg, "crossfade")) {
				o->cut = !strcmp(optarg, "cut");
			} else {
				fprintf(stderr, "jobkiosk: --transition is crossfade or cut, not '%s'\n",
				        optarg);
				return 1;
			}
			break;
		case OPT_FETCH_ONCE:
			o->act = ACT_FETCH_ONCE;
			break;
		case OPT_CACHE_DIR:
			o->cache_dir = optarg;
			break;
		case OPT_CA_FILE:
			o->ca_file = optarg;
			break;
		case OPT_REFRESH: {
			double m = strtod(optarg, &end);
			if (*end || !(m >= 1 && m <= 24 * 60)) {
				fprintf(stderr, "jobkiosk: --refresh-minutes takes 1 to 1440, not '%s'\n",
				        optarg);
				return 1;
			}
			o->refresh_s = (long)(m * 60);
			break;
		}
		case 'v':
			o->verbose = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		case OPT_VERSION:
			printf("jobkiosk %s\n", JOBKIOSK_VERSION);
			exit(0);
		default:
			if (optopt)
				fprintf(stderr, "jobkiosk: option '-%c' is unknown or needs a value\n",
				        optopt);
			else
				fprintf(stderr, "jobkiosk: option '%s' is unknown or needs a value\n",
				        argv[optind - 1]);
			fprintf(stderr, "Try 'jobkiosk --help'.\n");
			return 1;
		}
	}
	o->sources = argv + optind;
	o->nsources = argc - optind;
	return 0;
}

static fetch_limits limits(const options *o)
{
	return (fetch_limits){.ca_file = o->ca_file};
}

/* Parses the sources and opens the cache when a network source needs it.
 * Returns 0, or 2 after printing a usage error. */
static int app_init(app *a, const options *o)
{
	memset(a, 0, sizeof *a);
	a->o = o;
	bool network = false;
	for (int i = 0; i < o->nsources; i++) {
		jk_err err = {0};
		if (sources_add(&a->sources, o->sources[i], &err)) {
			fprintf(stderr, "jobkiosk: %s: %s\n", o->sources[i], err.msg);
			return 2;
		}
		network |= a->sources.v[a->sources.n - 1].kind != SOURCE_PATH;
	}
	if (!network)
		return 0;
	char dir[4096];
	jk_err err = {0};
	int r = o->cache_dir ? (snprintf(dir, sizeof dir, "%s", o->cache_dir), 0)
	                     : store_cache_default_dir(dir, sizeof dir, &err);
	if (!r)
		r = store_cache_open(dir, 0, &a->cache, &err);
	if (r)
		fprintf(stderr, "jobkiosk: cache: %s; network postings will not be kept offline\n",
		        err.msg);
	else if (o->verbose)
		fprintf(stderr, "jobkiosk: cache: %s\n", dir);
	if (fetch_global_init(&err)) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		return 1;
	}
	return 0;
}

static void app_free(app *a)
{
	sources_worker_stop(a->worker);
	if (a->cache) {
		store_cache_close(a->cache);
		fetch_global_cleanup();
	}
	sources_free(&a->sources);
}

/* Fetches every network source once, one line each. Returns how many
 * failed. */
static size_t fetch_all(app *a, FILE *progress)
{
	size_t failed = 0;
	if (!a->cache)
		return 0;
	sources_fetch_opts fo = {.cache = a->cache, .limits = limits(a->o)};
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

/* Reads every source (paths from disk, network sources from the cache);
 * one line per failure. Returns the number of sources that could be read. */
static size_t load_all(app *a, posting_list *out)
{
	size_t ok = sources_load(&a->sources, a->cache, out, warn_line, NULL);
	if (a->o->verbose)
		fprintf(stderr, "jobkiosk: %zu of %zu source(s) read, %zu posting(s)\n", ok,
		        a->sources.n, out->n);
	return ok;
}

/* The loop asks again after r, SIGHUP or a refresh that brought news. */
static int reload_sources(void *ud, posting_list *out, jk_err *err)
{
	app *a = ud;
	if (load_all(a, out) == 0 || out->n == 0)
		return jk_fail(err, JK_EEMPTY, "nothing could be read; keeping the slides shown");
	return 0;
}

static void refreshed(void *ud)
{
	(void)ud;
	kiosk_notify_reload();
}

/* What the screen says about the network: stale mark, waiting line. */
static void screen_status(void *ud, kiosk_status *st)
{
	app *a = ud;
	sources_status ss;
	sources_worker_status(a->worker, &ss);
	memset(st, 0, sizeof *st);
	st->stale = ss.failing > 0;
	st->updated_at = ss.oldest_ok;
	if (ss.failing)
		snprintf(st->waiting, sizeof st->waiting, "Trying to reach %.400s — retrying",
		         ss.first_failing);
	else if (ss.never_ok)
		snprintf(st->waiting, sizeof st->waiting, "Fetching postings from %zu source(s)…",
		         ss.total);
	else if (a->sources.n)
		snprintf(st->waiting, sizeof st->waiting, "No postings in %s", a->sources.v[0].spec);
}

static int show(app *a, posting_list *list)
{
	const options *o = a->o;
	jk_err err = {0};
	if (a->cache) {
		sources_fetch_opts fo = {.cache = a->cache, .limits = limits(o)};
		if (sources_worker_start(&a->sources, &fo, o->refresh_s, refreshed, NULL, &a->worker,
		                         &err))
			fprintf(stderr, "jobkiosk: %s\n", err.msg);
	}
	kiosk_opts ko = {.win_w = o->win_w,
	                 .win_h = o->win_h,
	                 .rotate = o->rotate,
	                 .slide_seconds = o->slide_seconds,
	                 .cut = o->cut,
	                 .status = screen_status,
	                 .status_ud = a};
	if (kiosk_run(list, &ko, reload_sources, a, NULL, &err)) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		return 1;
	}
	return 0;
}

static int render_action(const options *o, const posting_list *list)
{
	jk_err err = {0};
	if (render_to_dir(list, o->render_dir, o->size_w, o->size_h, o->rotate, stdout, NULL, NULL,
	                  &err)) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	options o;
	if (parse_options(argc, argv, &o))
		return 2;
	if (o.nsources == 0) {
		fprintf(stderr, "jobkiosk: no SOURCE given\nTry 'jobkiosk --help'.\n");
		return 2;
	}
	app a;
	int status = app_init(&a, &o);
	if (status) {
		app_free(&a);
		return status;
	}
	if (o.act == ACT_FETCH_ONCE) {
		status = fetch_all(&a, stdout) ? 1 : 0;
		app_free(&a);
		return status;
	}
	/* --dump and --render try the network once; the cache answers when it
	 * cannot be reached. The screen starts from the cache at once. */
	if (o.act != ACT_SHOW)
		fetch_all(&a, NULL);
	posting_list list;
	posting_list_init(&list);
	size_t ok = load_all(&a, &list);
	if (ok == 0 && o.act != ACT_SHOW) {
		fprintf(stderr, "jobkiosk: nothing could be read\n");
		status = 1;
	}
	if (o.act == ACT_SHOW) {
		status = show(&a, &list);
	} else if (o.act == ACT_RENDER && ok > 0) {
		status = render_action(&o, &list);
	} else if (o.act == ACT_DUMP) {
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
	app_free(&a);
	return status;
}
