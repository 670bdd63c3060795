/* main.c — command line: parse options once into a read-only struct, load
 * the sources, hand them to the chosen action. Only main() exits. */
#include "import.h"
#include "kiosk.h"
#include "posting.h"
#include "render.h"
#include "store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JOBKIOSK_VERSION "0.1.0"

typedef enum { ACT_SHOW, ACT_DUMP, ACT_RENDER } action;

typedef struct options {
	action act;
	bool verbose;
	const char *render_dir;
	int size_w, size_h; /* --render screen size */
	int rotate;
	int win_w, win_h;   /* --windowed */
	double slide_seconds;
	bool cut;
	char **sources;
	int nsources;
} options;

static void usage(FILE *f)
{
	fprintf(f,
	        "usage: jobkiosk [OPTION]... SOURCE...\n"
	        "Shows job postings as slides. SOURCE is a posting file or a folder of them\n"
	        "(Markdown, HTML, Greenhouse/Lever/JSON Feed JSON, RSS, Atom, plain text).\n"
	        "\n"
	        "  --dump         print the postings read from SOURCE as JSON and exit\n"
	        "  --render DIR   write every slide as a PNG into DIR (no display needed)\n"
	        "  --size WxH     screen size for --render (default 1920x1080)\n"
	        "  --rotate DEG   the screen is mounted turned by 0, 90, 180 or 270 degrees\n"
	        "  --windowed WxH show in a window instead of full screen\n"
	        "  --slide-seconds N  how long a slide stays (default 12)\n"
	        "  --transition crossfade|cut  how slides change (default crossfade)\n"
	        "  -v, --verbose  say more about what is read\n"
	        "  -h, --help     show this help and exit\n"
	        "  --version      print the version and exit\n");
}

static void warn_line(void *ud, const char *source, const char *msg)
{
	(void)ud;
	fprintf(stderr, "jobkiosk: %s: %s\n", source, msg);
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
		OPT_TRANSITION
	};
	static const struct option longopts[] = {
	    {"dump", no_argument, NULL, OPT_DUMP},
	    {"render", required_argument, NULL, OPT_RENDER},
	    {"size", required_argument, NULL, OPT_SIZE},
	    {"rotate", required_argument, NULL, OPT_ROTATE},
	    {"windowed", required_argument, NULL, OPT_WINDOWED},
	    {"slide-seconds", required_argument, NULL, OPT_SECONDS},
	    {"transition", required_argument, NULL, OPT_TRANSITION},
	    {"verbose", no_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, OPT_VERSION},
	    {NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	o->size_w = 1920;
	o->size_h = 1080;
	o->slide_seconds = 12;
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

/* Loads every source; prints one line per failure. Returns the number of
 * sources that could be read. */
static int load_sources(const options *o, posting_list *out)
{
	int ok = 0;
	for (int i = 0; i < o->nsources; i++) {
		jk_err err = {0};
		size_t files = 0, failed = 0;
		int r = store_load_path(o->sources[i], out, warn_line, NULL, &files, &failed, &err);
		if (r)
			fprintf(stderr, "jobkiosk: %s: %s\n", o->sources[i], err.msg);
		else
			ok++;
		if (o->verbose)
			fprintf(stderr, "jobkiosk: %s: %zu file(s), %zu failed, %zu posting(s) so far\n",
			        o->sources[i], files, failed, out->n);
	}
	return ok;
}

/* The r key: read every source again. */
static int reload_sources(void *ud, posting_list *out, jk_err *err)
{
	if (load_sources(ud, out) == 0 || out->n == 0)
		return jk_fail(err, JK_EEMPTY, "nothing could be read; keeping the slides shown");
	return 0;
}

static int show(options *o, posting_list *list)
{
	kiosk_opts ko = {.win_w = o->win_w, .win_h = o->win_h, .rotate = o->rotate,
	                 .slide_seconds = o->slide_seconds, .cut = o->cut};
	jk_err err = {0};
	if (kiosk_run(list, &ko, reload_sources, o, NULL, &err)) {
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
	posting_list list;
	posting_list_init(&list);
	int status = 0;
	int ok = load_sources(&o, &list);
	if (ok == 0) {
		fprintf(stderr, "jobkiosk: nothing could be read\n");
		status = 1;
	}
	if (o.act == ACT_SHOW && ok > 0) {
		status = show(&o, &list);
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
	return status;
}
