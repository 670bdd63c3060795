/* main.c — command line: parse options once into a read-only struct, load
 * the sources, hand them to the chosen action. Only main() exits. */
#include "import.h"
#include "posting.h"
#include "store.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JOBKIOSK_VERSION "0.1.0"

typedef enum { ACT_SHOW, ACT_DUMP } action;

typedef struct options {
	action act;
	bool verbose;
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
	        "  -v, --verbose  say more about what is read\n"
	        "  -h, --help     show this help and exit\n"
	        "  --version      print the version and exit\n");
}

static void warn_line(void *ud, const char *source, const char *msg)
{
	(void)ud;
	fprintf(stderr, "jobkiosk: %s: %s\n", source, msg);
}

/* Returns 0 on success, 1 for a usage error (message printed). */
static int parse_options(int argc, char **argv, options *o)
{
	enum { OPT_DUMP = 256, OPT_VERSION };
	static const struct option longopts[] = {
	    {"dump", no_argument, NULL, OPT_DUMP},
	    {"verbose", no_argument, NULL, 'v'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, OPT_VERSION},
	    {NULL, 0, NULL, 0},
	};
	memset(o, 0, sizeof *o);
	int c;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "vh", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DUMP:
			o->act = ACT_DUMP;
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
	if (o.act == ACT_DUMP || o.act == ACT_SHOW) {
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
