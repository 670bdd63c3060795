/* cli.c — the command line: the getopt table (the fixed options and one
 * long option per config key), --help, and the usage errors, which are
 * the command line's own replies on stderr rather than log lines. */
#include "internal.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Long option name of a config key: slide_seconds → slide-seconds. */
static char option_names[CONFIG_NKEYS][32];

enum {
	OPT_DUMP = 256,
	OPT_VERSION,
	OPT_RENDER,
	OPT_WINDOWED,
	OPT_FETCH_ONCE,
	OPT_CONFIG,
	OPT_NO_CONFIG,
	OPT_CHECK,
	OPT_REPORT,
	OPT_KEY = 1000, /* + index in config_key_table */
};

static const struct option fixed[] = {
    {"dump", no_argument, NULL, OPT_DUMP},
    {"render", required_argument, NULL, OPT_RENDER},
    {"windowed", required_argument, NULL, OPT_WINDOWED},
    {"fetch-once", no_argument, NULL, OPT_FETCH_ONCE},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"check-config", no_argument, NULL, OPT_CHECK},
    {"report", required_argument, NULL, OPT_REPORT},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
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

/* The settings part of --help: one item per key. */
static void help_keys(FILE *f)
{
	for (size_t i = 0; i < CONFIG_NKEYS; i++) {
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
}

static void usage(FILE *f)
{
	fprintf(f,
	        "usage: jobkiosk [OPTION]... [SOURCE]...\n"
	        "Shows job postings as slides. SOURCEs given here replace the config file's\n"
	        "`source` lines. A SOURCE is one of (an example each):\n"
	        "  PATH (a file or folder)   /media/usb/postings\n"
	        "  URL (page, doc or feed)   https://jobs.example.org/feed.xml\n"
	        "  greenhouse:BOARD          greenhouse:acme\n"
	        "  lever:COMPANY             lever:acme\n"
	        "  ashby:BOARD               ashby:acme\n"
	        "  smartrecruiters:COMPANY   smartrecruiters:AcmeCorp\n"
	        "  workable:ACCOUNT          workable:acme\n"
	        "  recruitee:COMPANY         recruitee:acme (recruitee:acme?token=TOKEN\n"
	        "                            when Recruitee asks for a token)\n"
	        "  personio:COMPANY          personio:acme\n"
	        "  teamtailor:COMPANY        teamtailor:acme\n"
	        "  workday:HOST/TENANT/SITE  workday:acme.wd5.myworkdayjobs.com/acme/External\n"
	        "  breezy:COMPANY            breezy:acme\n"
	        "Files are read as Markdown, HTML, reStructuredText (.rst), email (.eml),\n"
	        "plain text, JSON Feed, RSS, Atom, Greenhouse, Lever, Ashby, SmartRecruiters,\n"
	        "Workable, Recruitee, Workday or Breezy JSON, Personio XML or Teamtailor RSS.\n"
	        "\n"
	        "Actions (default: the slideshow, full screen):\n"
	        "  --dump                print the postings read from the sources as JSON\n"
	        "  --render DIR          write every slide as a PNG into DIR (no display needed)\n"
	        "  --fetch-once          fetch every network source into the cache and exit\n"
	        "  --check-config        check the configuration, print the effective settings\n"
	        "  --report FILE         print per-posting totals of the impressions log FILE;\n"
	        "                        with --render DIR also draw them as DIR/report.png\n"
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
	        "take --NAME or --NAME=no. Settings apply in this order: defaults, the config\n"
	        "file, the fleet file of config_url, the command line; a repeatable key given\n"
	        "by a later one replaces the list before it.\n");
	help_keys(f);
	fprintf(f,
	        "\nSignals: SIGHUP reloads the config file, config_url and the sources (and\n"
	        "writes the impressions log's rows); SIGTERM and SIGINT quit. See jobkiosk(1).\n");
}

/* Fills option_names and opts: the fixed options, then one per key. */
static void build_options(struct option *opts)
{
	size_t n = 0;
	for (size_t i = 0; i < JK_ARRAY_LEN(fixed); i++)
		opts[n++] = fixed[i];
	for (size_t i = 0; i < CONFIG_NKEYS; i++) {
		snprintf(option_names[i], sizeof option_names[i], "%s", config_key_table[i].name);
		for (char *p = option_names[i]; *p; p++)
			if (*p == '_')
				*p = '-';
		opts[n++] = (struct option){option_names[i],
		                            config_key_table[i].is_bool ? optional_argument
		                                                        : required_argument,
		                            NULL, OPT_KEY + (int)i};
	}
	opts[n] = (struct option){NULL, 0, NULL, 0};
}

void app_cli_usage_error(const char *msg)
{
	fprintf(stderr, "jobkiosk: %s\nTry 'jobkiosk --help'.\n", msg);
}

/* A usage error from getopt: an option without its value, or unknown. */
static void option_error(int ch, char **argv)
{
	if (ch == ':')
		fprintf(stderr, "jobkiosk: option '%s' needs a value\n", argv[optind - 1]);
	else if (optopt)
		fprintf(stderr, "jobkiosk: option '-%c' is unknown\n", optopt);
	else
		fprintf(stderr, "jobkiosk: option '%.200s' is unknown\n", argv[optind - 1]);
	fprintf(stderr, "Try 'jobkiosk --help'.\n");
}

/* Applies one option to c. Returns 0, 1 for a usage error (printed), -1
 * after --help or --version. */
static int one_option(int ch, char **argv, app_cli *c)
{
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
	case OPT_REPORT:
		c->report_path = optarg;
		break;
	case OPT_CONFIG:
		c->config_path = optarg;
		break;
	case OPT_NO_CONFIG:
		c->no_config = true;
		break;
	case OPT_WINDOWED:
		c->sets[c->nsets++] = (app_cli_set){"fullscreen", "no", "--windowed"};
		c->sets[c->nsets++] = (app_cli_set){"resolution", optarg, "--windowed"};
		break;
	case 'v':
		c->sets[c->nsets++] = (app_cli_set){"verbose", "yes", "-v"};
		break;
	case 'h':
		usage(stdout);
		return -1;
	case OPT_VERSION:
		printf("jobkiosk %s\n", JOBKIOSK_VERSION);
		return -1;
	case ':':
	case '?':
		option_error(ch, argv);
		return 1;
	default: {
		size_t k = (size_t)(ch - OPT_KEY);
		c->sets[c->nsets++] = (app_cli_set){config_key_table[k].name,
		                                    optarg ? optarg : "yes", option_names[k]};
		break;
	}
	}
	return 0;
}

int app_cli_parse(int argc, char **argv, app_cli *c)
{
	struct option opts[JK_ARRAY_LEN(fixed) + CONFIG_NKEYS + 1];
	build_options(opts);
	memset(c, 0, sizeof *c);
	/* Every option is at most one setting (--windowed two). */
	c->sets = calloc((size_t)argc * 2 + 1, sizeof *c->sets);
	if (!c->sets) {
		jk_log(JK_LOG_ERR, "app", "out of memory");
		return 1;
	}
	int ch, idx, r = 0;
	opterr = 0;
	while (!r && (ch = getopt_long(argc, argv, ":vh", opts, &idx)) != -1)
		r = one_option(ch, argv, c);
	c->sources = argv + optind;
	c->nsources = argc - optind;
	if (c->report_path)
		c->act = ACT_REPORT; /* --render DIR then names where the chart goes */
	return r;
}
