/* config.h — every setting of the kiosk in one read-only struct: defaults,
 * then the INI file (inih), then the command line on top. The file's keys
 * are the long options with dashes turned into underscores; sections are
 * optional and ignored. Each setting is set through config_set(), so the
 * file and the command line are checked by the same code and name their
 * origin in errors. Parsing checks the form only and does no I/O but
 * reading the file: whether sources and files are usable is checked after
 * parsing (app_settings_check in app.h). Prefix config_. */
#ifndef CONFIG_H
#define CONFIG_H

#include "deck.h"
#include "layout.h"
#include "schedule.h"

#include <stdio.h>

/* How many keys the file knows (config_key_table has one row more, the
 * end mark). */
#define CONFIG_NKEYS 48

/* renderer = …, the choices in order. */
enum { CONFIG_RENDERER_AUTO, CONFIG_RENDERER_SOFTWARE, CONFIG_RENDERER_GPU };

/* A value whose check needs more than its text: a source (the sources
 * module parses it) or a file that must be readable. Kept with where it
 * came from, for the check after parsing (app). */
typedef struct config_check {
	size_t key;   /* index in config_key_table */
	char *value;  /* as set, trimmed */
	char *origin; /* "FILE:LINE", "--logo", "command line" */
} config_check;

typedef struct config {
	/* Sources, in order. `source = …` lines accumulate; SOURCE arguments on
	 * the command line replace the file's list (config_set_sources()). */
	char **sources;
	size_t nsources;

	double slide_seconds; /* slide_seconds: 1..3600, default 12 */
	bool cut;             /* transition: crossfade (default) | cut */
	int rotate;           /* rotate: 0 90 180 270 */
	bool fullscreen;      /* fullscreen: yes (default) | no */
	int res_w, res_h;     /* resolution: auto (0x0, default: the desktop
	                       * mode, above 1920x1080 without a GPU shown at
	                       * 1920x1080) | native (-1x-1: the desktop mode as
	                       * it is) | WxH (full screen: the display mode to
	                       * set; windowed: the window size, auto 1280x720) */
	int renderer;         /* renderer: auto (0, default) | software | gpu,
	                       * in the order of CONFIG_RENDERER_* */
	int size_w, size_h;   /* size: WxH for --render, default 1920x1080 */

	/* Look. */
	layout_theme theme;        /* theme: dark (default) | light, then
	                            * background_color, text_color, accent_color
	                            * (#RRGGBB) override single colours */
	char *header;              /* header: text on every slide, e.g.
	                            * "Booth 12 · We're hiring"; NULL none */
	char *logo;                /* logo: path of a PNG/JPEG shown in the header */
	char *font;                /* font: fontconfig family or a font file path;
	                            * NULL = Inter */
	deck_words fallback_fonts; /* fallback_fonts: comma list, tried after
	                            * font for missing glyphs (Noto CJK built in) */
	bool clock;                /* clock: show HH:MM in the corner, default no */
	char *language;            /* language: auto (NULL, default: each posting
	                            * its own) | a tag of the words table,
	                            * normalised ("pt-BR" is "pt") */
	int max_pages;             /* max_pages: 0 (every page) .. 100 */
	layout_style style;        /* style: full (default) | booth, in the
	                            * order of layout_style */
	char *careers_url;         /* careers_url: "all openings", the overview's
	                            * code; NULL none */
	char *careers_qr;          /* careers_url with the tracking tags
	                            * (app_settings_load; NULL: as it is) */
	bool hide_boilerplate;     /* hide_boilerplate: keep equal-opportunity,
	                            * privacy, anti-fraud and such notices off
	                            * the slides, default yes */
	int burn_in_shift;         /* burn_in_shift: pixels 0..32 (0 off), default 4 */
	int burn_in_minutes;       /* burn_in_minutes: 1..120, default 5 */

	/* Postings. */
	deck_opts deck;      /* order, filter_tag, filter_employment,
	                      * filter_keyword (repeatable or comma lists),
	                      * hide_expired (default yes), default_apply,
	                      * track (borrows the strings below) */
	char *default_apply; /* owns the string deck.default_apply borrows */
	/* Tracking tags on the links in the QR codes (deck_track_link); each
	 * owns the string deck.track borrows, NULL when unset. */
	char *track_source;      /* track_source: utm_source, lever-source */
	char *track_campaign;    /* track_campaign: utm_campaign */
	char *greenhouse_source; /* greenhouse_source: gh_src */

	/* Network and cache. */
	char *cache_dir; /* cache_dir: NULL = the default */
	char *ca_file;   /* ca_file */
	long refresh_s;  /* refresh_minutes: 1..1440, default 15 */

	/* Display schedule. */
	schedule schedule;         /* schedule = DAYS HH:MM-HH:MM (repeatable); none:
	                            * always on */
	char *display_on_command;  /* display_on_command: run when the schedule
	                            * turns the screen on */
	char *display_off_command; /* display_off_command */

	/* What the screen did (report.h). */
	char *impressions_log; /* impressions_log: the CSV file; NULL: the
	                        * default under $XDG_STATE_HOME, "none": off */
	char *screen_name;     /* screen_name: NULL = the host name */

	/* Control server and fleet (control.h). */
	char *control_listen; /* control_listen: ADDRESS:PORT; NULL: off */
	char *control_token;  /* control_token: the bearer token; NULL none */
	char *control_cert;   /* control_cert, control_key: PEM files for TLS */
	char *control_key;
	bool metrics_public; /* metrics_public: /metrics without the token */
	char *config_url;    /* config_url: settings fetched from http(s) */

	bool verbose; /* verbose: yes | no */

	char *path; /* the file read, NULL when none */

	/* Every source and file path set, in the order set, also those a
	 * later line or the command line replaced: checked after parsing
	 * (app_settings_check), so the first bad one is named as a parse that
	 * stopped at it would have named it. */
	config_check *checks;
	size_t nchecks;
} config;

/* Fills c with the defaults (everything above). The caller frees with
 * config_free(). */
void config_init(config *c);
/* Frees what c owns and zeroes it. Accepts NULL. */
void config_free(config *c);

/* Sets one key from text, checking its form only: a source, a logo, font
 * or CA file is taken as written; whether it exists or names a usable
 * source is checked after parsing (app_settings_check), from c->checks.
 * origin names where the value
 * came from for the error message ("/etc/jobkiosk/jobkiosk.conf:12" or
 * "--slide-seconds").
 * Booleans take yes/no, true/false, on/off, 1/0; a NULL value is "yes" for
 * a boolean and empty otherwise. Keys ignore case and take '-' for '_'.
 * An empty value means none for optional text and paths, clears a
 * repeatable key's list, and is an error for numbers and choices.
 * Fails with JK_EARG and a message
 * "ORIGIN: key 'KEY': expected WHAT, not 'VALUE'" (value shortened to 60
 * bytes, control, invisible and direction characters shown as '?'), or
 * "ORIGIN: unknown key 'KEY'" with the nearest known key suggested when
 * one is close; JK_ETOOBIG past a cap (256 sources, SCHEDULE_MAX_RULES
 * rules, 64 words in a list). c unchanged on failure. */
int config_set(config *c, const char *key, const char *value, const char *origin, jk_err *err);

/* Replaces the sources with n copies of v (the command line's SOURCEs),
 * each taken like `source` with the origin "command line"; JK_ETOOBIG
 * over 256; c unchanged on failure. */
int config_set_sources(config *c, char *const *v, size_t n, jk_err *err);

/* Parses INI text (name, used in messages; text of n bytes, need not be
 * NUL-terminated, may hold anything) into c on top of what c holds.
 * Stops at the first error: JK_EARG "NAME:LINE: …" for a bad line, unknown
 * key or bad value; JK_ETOOBIG over 1 MiB or a line over 4096 bytes;
 * JK_EBINARY for NUL bytes, invalid UTF-8 or control characters (naming
 * the line); a UTF-8 BOM and CRLF line ends are fine. Comments start a line
 * with '#' or ';', or are ';' after white space (inih); an indented line
 * is a line of its own, not a continuation. On failure
 * c may hold the settings of the lines before the bad one: callers parse
 * into a fresh config and throw it away on failure. */
int config_parse_buffer(config *c, const char *name, const char *text, size_t n, jk_err *err);

/* Parses the fleet's shared file (config_url), fetched from url, on top of
 * the local file's settings in c, as config_parse_buffer does (messages
 * name "URL:LINE"), with two differences: a key of the screen's own
 * (config_key_local_only) fails the whole file with JK_EARG
 * "URL:LINE: key 'KEY' cannot be set from config_url"; and the first line
 * of a repeatable key (source, schedule, filter_*) replaces the list the
 * local file gave, as the command line does: a fleet file that lists
 * sources means these sources. The same caveat on failure. */
int config_parse_fleet(config *c, const char *url, const char *text, size_t n, jk_err *err);

/* True for the keys a fleet file may not set: where the fleet file and
 * the cache are (config_url, cache_dir) and the control server's access
 * (control_*, metrics_public) stay each screen's own. */
bool config_key_local_only(size_t k);

/* Reads path (at most 1 MiB, jk_read_file) and parses it as above; sets
 * c->path. JK_EIO "PATH: cannot read: REASON" when it cannot be read. */
int config_load_file(config *c, const char *path, jk_err *err);

/* Where the config file is looked for when --config is not given:
 * $XDG_CONFIG_HOME/jobkiosk/jobkiosk.conf (or ~/.config/…), then
 * /etc/jobkiosk/jobkiosk.conf. Writes the first that exists into out and
 * returns true; false when none exists. */
bool config_find_default(char *out, size_t cap);

/* Prints the effective settings as a valid config file (every key, one per
 * line, `key = value`, repeatable keys repeated), so that parsing the output
 * gives the same settings, secrets aside: a secret key that is set prints
 * as the comment "# KEY = (set, not shown)". */
void config_print(const config *c, FILE *f);

/* How a key's value is read, stored and printed. */
typedef enum config_type {
	CONFIG_SOURCE,   /* appends to sources; checked after parsing (app) */
	CONFIG_BOOL,     /* yes/no, true/false, on/off, 1/0 into a bool */
	CONFIG_INT,      /* lo..hi, a multiple of step; stored times scale */
	CONFIG_DOUBLE,   /* lo..hi */
	CONFIG_CHOICE,   /* one of arg's '|' names, stored as its index */
	CONFIG_WXH,      /* WxH, lo..hi a side, w at off and h at off2 */
	CONFIG_WXH_AUTO, /* the same, "auto" (0x0) or "native" (-1x-1) */
	CONFIG_ORDER,    /* a deck_order, by deck's names (aliases too) */
	CONFIG_THEME,    /* arg's names: the default theme, the light theme */
	CONFIG_COLOR,    /* #RRGGBB */
	CONFIG_TEXT,     /* cleaned for display, at most hi bytes; NULL empty */
	CONFIG_STRING,   /* free text; NULL when empty */
	CONFIG_FILE,     /* a path, a readable file (checked after parsing) */
	CONFIG_FONT,     /* a family name, or a path (with '/') as CONFIG_FILE */
	CONFIG_LINK,     /* http(s) or mailto link; also borrowed at off2 */
	CONFIG_URL,      /* an http(s) URL to fetch from; NULL when empty */
	CONFIG_WORDS,    /* a comma list into a deck_words, accumulating */
	CONFIG_SCHEDULE, /* DAYS HH:MM-HH:MM rules into a schedule */
	CONFIG_LANG,     /* auto (NULL) or a language the words table has */
	CONFIG_TAG,      /* a tracking tag (deck_tag_ok); also borrowed at off2 */
} config_type;

/* Every key, for --help (each key is also a long option, --slide-seconds
 * for slide_seconds), for main's option table and for tests; one row per
 * key says how it is read, stored, checked and printed. The table ends
 * with an entry whose name is NULL. */
typedef struct config_key_info {
	const char *name; /* file key, e.g. "slide_seconds" */
	const char *arg;  /* value shape for --help: "N", "WxH", "yes|no", "DAYS HH:MM-HH:MM" */
	const char *help; /* one line, no trailing period */
	const char *def;  /* the default as a file would write it; "" none */
	bool is_bool;     /* yes/no: the long option may be given without a value */
	bool repeatable;  /* may appear many times; values accumulate */
	bool secret;      /* never printed: config_print writes a comment */
	config_type type;
	size_t off, off2;    /* where in config the value lives (offsetof) */
	size_t size;         /* sizeof the member at off (int, long or bool) */
	double lo, hi;       /* limits of numbers and sides; hi: bytes of text */
	int step, scale;     /* CONFIG_INT: multiple of step (0: any), stored * scale */
	const char *expects; /* "expected WHAT" in messages */
} config_key_info;
extern const config_key_info config_key_table[];

/* The index of key in config_key_table (case and '-' for '_' ignored), or
 * -1. */
int config_key_find(const char *key);

/* For checks made after parsing: fails with JK_EARG and the message
 * config_set() gives for a bad value of key k, "ORIGIN: key 'KEY':
 * expected WHAT, not 'VALUE' (WHY)" (why may be NULL). */
int config_fail_value(jk_err *err, const char *origin, size_t k, const char *value,
                      const char *why);

#endif
