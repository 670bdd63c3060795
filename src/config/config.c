/* config.c — defaults, the INI file (inih) and the command line, all through
 * config_set() so every origin is checked by the same code. */
#include "config.h"

#include "sources.h"
#include "store.h"

#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define CONFIG_MAX_FILE (1u << 20)
#define CONFIG_MAX_LINE 4096
#define CONFIG_MAX_VALUE 4096
#define CONFIG_MAX_SOURCES 256
#define CONFIG_MAX_WORDS 64 /* per filter and for fallback_fonts */
#define CONFIG_MAX_HEADER 120
#define SHOW_MAX 60 /* bytes of a bad value quoted in a message */

/* The order of this enum is the order of config_key_table. */
enum {
	K_SOURCE,
	K_SLIDE_SECONDS,
	K_TRANSITION,
	K_ROTATE,
	K_FULLSCREEN,
	K_RESOLUTION,
	K_SIZE,
	K_THEME,
	K_BACKGROUND_COLOR,
	K_TEXT_COLOR,
	K_ACCENT_COLOR,
	K_HEADER,
	K_LOGO,
	K_FONT,
	K_FALLBACK_FONTS,
	K_CLOCK,
	K_BURN_IN_SHIFT,
	K_BURN_IN_MINUTES,
	K_ORDER,
	K_FILTER_TAG,
	K_FILTER_EMPLOYMENT,
	K_FILTER_KEYWORD,
	K_HIDE_EXPIRED,
	K_DEFAULT_APPLY,
	K_CACHE_DIR,
	K_CA_FILE,
	K_REFRESH_MINUTES,
	K_SCHEDULE,
	K_DISPLAY_ON_COMMAND,
	K_DISPLAY_OFF_COMMAND,
	K_VERBOSE,
	K_COUNT
};

const config_key_info config_key_table[] = {
    [K_SOURCE] = {"source", "SOURCE",
                  "a posting file or folder, an http(s) URL, greenhouse:BOARD or lever:COMPANY", "",
                  false, true},
    [K_SLIDE_SECONDS] = {"slide_seconds", "N", "how long a slide stays, 1 to 3600 seconds", "12",
                         false, false},
    [K_TRANSITION] = {"transition", "crossfade|cut", "how slides change", "crossfade", false,
                      false},
    [K_ROTATE] = {"rotate", "0|90|180|270", "the screen is mounted turned by this many degrees",
                  "0", false, false},
    [K_FULLSCREEN] = {"fullscreen", "yes|no", "fill the screen (no: a window)", "yes", true, false},
    [K_RESOLUTION] = {"resolution", "auto|WxH",
                      "display mode to set, or the window size (auto: the desktop, 1280x720 "
                      "windowed)",
                      "auto", false, false},
    [K_SIZE] = {"size", "WxH", "slide size for --render", "1920x1080", false, false},
    [K_THEME] = {"theme", "dark|light",
                 "colour scheme; resets the colours, so set colours after it", "dark", false,
                 false},
    [K_BACKGROUND_COLOR] = {"background_color", "#RRGGBB", "page background", "#101826", false,
                            false},
    [K_TEXT_COLOR] = {"text_color", "#RRGGBB", "title and body text", "#F3F5F8", false, false},
    [K_ACCENT_COLOR] = {"accent_color", "#RRGGBB", "headings, bullets and rules", "#F5B342", false,
                        false},
    [K_HEADER] = {"header", "TEXT", "text on every slide, at most 120 bytes", "", false, false},
    [K_LOGO] = {"logo", "FILE", "PNG or JPEG shown in the header", "", false, false},
    [K_FONT] = {"font", "FAMILY|FILE",
                "body font: a fontconfig family or a font file (none: Inter)", "", false, false},
    [K_FALLBACK_FONTS] = {"fallback_fonts", "FAMILY,...",
                          "fonts tried for characters the font lacks (Noto CJK is built in)", "",
                          false, true},
    [K_CLOCK] = {"clock", "yes|no", "show the time (HH:MM) in a corner", "no", true, false},
    [K_BURN_IN_SHIFT] = {"burn_in_shift", "PIXELS",
                         "move the picture up to this many pixels against burn-in, 0 to 32 (0 off)",
                         "4", false, false},
    [K_BURN_IN_MINUTES] = {"burn_in_minutes", "N", "minutes between burn-in shifts, 1 to 120", "5",
                           false, false},
    [K_ORDER] = {"order", "listed|newest|shuffle", "the order postings are shown in", "listed",
                 false, false},
    [K_FILTER_TAG] = {"filter_tag", "WORD,...", "show only postings with one of these tags", "",
                      false, true},
    [K_FILTER_EMPLOYMENT] = {"filter_employment", "WORD,...",
                             "show only postings whose employment type contains one of these", "",
                             false, true},
    [K_FILTER_KEYWORD] = {"filter_keyword", "WORD,...",
                          "show only postings that mention one of these words", "", false, true},
    [K_HIDE_EXPIRED] = {"hide_expired", "yes|no",
                        "hide postings past their expiry date (kept when the clock is wrong)",
                        "yes", true, false},
    [K_DEFAULT_APPLY] = {"default_apply", "URL",
                         "apply link (http, https or mailto) for postings without one", "", false,
                         false},
    [K_CACHE_DIR] = {"cache_dir", "DIR",
                     "where fetched postings are kept (none: $XDG_CACHE_HOME/jobkiosk, "
                     "~/.cache/jobkiosk or /var/cache/jobkiosk)",
                     "", false, false},
    [K_CA_FILE] = {"ca_file", "FILE", "extra CA certificates (PEM) trusted for https", "", false,
                   false},
    [K_REFRESH_MINUTES] = {"refresh_minutes", "N",
                           "how often network sources are fetched again, 1 to 1440", "15", false,
                           false},
    [K_SCHEDULE] = {"schedule", "DAYS HH:MM-HH:MM",
                    "when the display is on, e.g. mon-fri 08:00-18:00 (none: always)", "", false,
                    true},
    [K_DISPLAY_ON_COMMAND] = {"display_on_command", "COMMAND",
                              "run when the schedule turns the display on", "", false, false},
    [K_DISPLAY_OFF_COMMAND] = {"display_off_command", "COMMAND",
                               "run when the schedule turns the display off", "", false, false},
    [K_VERBOSE] = {"verbose", "yes|no", "log more about what is read and fetched", "no", true,
                   false},
    [K_COUNT] = {NULL, NULL, NULL, NULL, false, false},
};

_Static_assert(JK_ARRAY_LEN(config_key_table) == K_COUNT + 1, "one table row per key");

/* ---- small helpers ------------------------------------------------------ */

/* A value as quoted in a message: at most SHOW_MAX bytes, cut on a UTF-8
 * boundary, control characters and invalid bytes shown as '?'. out holds
 * SHOW_MAX + 8 bytes. */
static void show(const char *s, char out[SHOW_MAX + 8])
{
	size_t o = 0, n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = jk_utf8_decode(s + i, n - i, &cp);
		if (o + k > SHOW_MAX) {
			memcpy(out + o, "\xE2\x80\xA6", 3); /* … */
			o += 3;
			break;
		}
		if (cp < 0x20 || cp == 0x7F || (cp == 0xFFFD && k == 1)) {
			out[o++] = '?';
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
}

static bool is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/* Trimmed copy of s (surrounding spaces and tabs removed). Caller frees. */
static char *trimmed(const char *s)
{
	while (is_ws(*s))
		s++;
	size_t n = strlen(s);
	while (n && is_ws(s[n - 1]))
		n--;
	return jk_strndup(s, n);
}

static bool parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = {"yes", "true", "on", "1"};
	static const char *const no[] = {"no", "false", "off", "0"};
	for (size_t i = 0; i < JK_ARRAY_LEN(yes); i++) {
		if (!strcasecmp(s, yes[i]))
			return *out = true, true;
		if (!strcasecmp(s, no[i]))
			return *out = false, true;
	}
	return false;
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool parse_double(const char *s, double lo, double hi, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno || !(v >= lo && v <= hi))
		return false;
	*out = v;
	return true;
}

/* "1920x1080": each side 160..16384. */
static bool parse_wxh(const char *s, int *w, int *h)
{
	const char *x = strpbrk(s, "xX");
	long a, b;
	if (!x || x == s || x - s > 6)
		return false;
	char first[8];
	memcpy(first, s, (size_t)(x - s));
	first[x - s] = '\0';
	if (!parse_long(first, 160, 16384, &a) || !parse_long(x + 1, 160, 16384, &b))
		return false;
	*w = (int)a, *h = (int)b;
	return true;
}

static bool parse_color(const char *s, uint32_t *out)
{
	if (*s == '#')
		s++;
	if (strlen(s) != 6 || strspn(s, "0123456789abcdefABCDEF") != 6)
		return false;
	*out = (uint32_t)strtoul(s, NULL, 16);
	return true;
}

/* A path that names a readable regular file; reason gets why not. */
static bool readable_file(const char *path, const char **reason)
{
	struct stat st;
	if (stat(path, &st) < 0) {
		*reason = strerror(errno);
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		*reason = "is a folder";
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		*reason = "not a regular file";
		return false;
	}
	if (access(path, R_OK) < 0) {
		*reason = strerror(errno);
		return false;
	}
	return true;
}

static bool apply_target_ok(const char *s)
{
	size_t skip = !strncasecmp(s, "http://", 7)    ? 7
	              : !strncasecmp(s, "https://", 8) ? 8
	              : !strncasecmp(s, "mailto:", 7)  ? 7
	                                               : 0;
	if (!skip || !s[skip] || strlen(s) > 2048)
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ')
			return false;
	return true;
}

static void list_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Appends the k strings of add (ownership moves to the list) to the list *v of *n.
 * On failure frees add's strings and leaves the list unchanged. */
static int list_append(char ***v, size_t *n, char **add, size_t k)
{
	char **nv = realloc(*v, (*n + k + 1) * sizeof *nv);
	if (!nv) {
		for (size_t i = 0; i < k; i++)
			free(add[i]);
		return JK_ENOMEM;
	}
	memcpy(nv + *n, add, k * sizeof *add);
	*v = nv;
	*n += k;
	return JK_OK;
}

/* Levenshtein distance, for suggesting a key; both strings are short. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[65];
	if (la > 64 || lb > 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* Key as users type it: case and '-' for '_' do not matter. -1 unknown. */
static int key_index(const char *key, char *norm, size_t cap)
{
	size_t n = 0;
	for (; key[n] && n + 1 < cap; n++) {
		char ch = key[n];
		norm[n] = ch == '-' ? '_' : (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
	}
	norm[n] = '\0';
	if (key[n])
		return -1;
	for (int i = 0; i < K_COUNT; i++)
		if (!strcmp(norm, config_key_table[i].name))
			return i;
	return -1;
}

static const char *suggest(const char *norm)
{
	const char *best = NULL;
	size_t len = strlen(norm);
	/* Two edits, or a third in a long key ("rotation" for "rotate"). */
	size_t bestd = (len + 1) / 3 > 2 ? 4 : 3;
	if (len < 3)
		return NULL;
	for (int i = 0; i < K_COUNT; i++) {
		size_t d = edit_distance(norm, config_key_table[i].name);
		if (d < bestd)
			bestd = d, best = config_key_table[i].name;
	}
	return best;
}

/* ---- init / free -------------------------------------------------------- */

void config_init(config *c)
{
	memset(c, 0, sizeof *c);
	c->slide_seconds = 12;
	c->fullscreen = true;
	c->size_w = 1920, c->size_h = 1080;
	c->theme = layout_theme_default();
	c->burn_in_shift = 4;
	c->burn_in_minutes = 5;
	c->deck.hide_expired = true;
	c->deck.order = DECK_ORDER_LISTED;
	c->refresh_s = 15 * 60;
}

static void words_free(deck_words *w)
{
	list_free(w->v, w->n);
	w->v = NULL, w->n = 0;
}

void config_free(config *c)
{
	if (!c)
		return;
	list_free(c->sources, c->nsources);
	free(c->header), free(c->logo), free(c->font);
	words_free(&c->fallback_fonts);
	words_free(&c->deck.tags), words_free(&c->deck.employment), words_free(&c->deck.keywords);
	free(c->default_apply), free(c->cache_dir), free(c->ca_file);
	free(c->display_on_command), free(c->display_off_command);
	free(c->path);
	memset(c, 0, sizeof *c);
}

/* ---- config_set --------------------------------------------------------- */

/* What each key expects, for "expected WHAT, not 'VALUE'". */
static const char *expects(int k)
{
	switch (k) {
	case K_SOURCE:
		return "a folder, a file, an http(s) URL, greenhouse:BOARD or lever:COMPANY";
	case K_SLIDE_SECONDS:
		return "a number of seconds from 1 to 3600";
	case K_TRANSITION:
		return "crossfade or cut";
	case K_ROTATE:
		return "0, 90, 180 or 270";
	case K_FULLSCREEN:
	case K_CLOCK:
	case K_HIDE_EXPIRED:
	case K_VERBOSE:
		return "yes or no";
	case K_RESOLUTION:
		return "auto or a size like 1920x1080 (160 to 16384 a side)";
	case K_SIZE:
		return "a size like 1920x1080 (160 to 16384 a side)";
	case K_THEME:
		return "dark or light";
	case K_BACKGROUND_COLOR:
	case K_TEXT_COLOR:
	case K_ACCENT_COLOR:
		return "a colour like #1A2B3C";
	case K_HEADER:
		return "text of at most 120 bytes";
	case K_LOGO:
		return "a readable PNG or JPEG file";
	case K_FONT:
		return "a font family name or a readable font file";
	case K_FALLBACK_FONTS:
		return "a comma list of font family names";
	case K_BURN_IN_SHIFT:
		return "a number of pixels from 0 to 32";
	case K_BURN_IN_MINUTES:
		return "a number of minutes from 1 to 120";
	case K_ORDER:
		return "listed, newest or shuffle";
	case K_FILTER_TAG:
	case K_FILTER_EMPLOYMENT:
	case K_FILTER_KEYWORD:
		return "a comma list of words";
	case K_DEFAULT_APPLY:
		return "an http://, https:// or mailto: link";
	case K_CA_FILE:
		return "a readable PEM file";
	case K_REFRESH_MINUTES:
		return "a number of minutes from 1 to 1440";
	case K_SCHEDULE:
		return "DAYS HH:MM-HH:MM, e.g. mon-fri 08:00-18:00";
	default:
		return "text";
	}
}

/* Fails with the standard message; why (may be NULL) is appended in
 * parentheses. */
static int bad_value(jk_err *err, const char *origin, int k, const char *value, const char *why)
{
	char shown[SHOW_MAX + 8];
	show(value, shown);
	return jk_fail(err, JK_EARG, "%s: key '%s': expected %s, not '%s'%s%s%s", origin,
	               config_key_table[k].name, expects(k), shown, why ? " (" : "", why ? why : "",
	               why ? ")" : "");
}

/* Splits a comma list into trimmed, non-empty words appended to *w, at most
 * CONFIG_MAX_WORDS in all. *w unchanged on failure. */
static int set_words(deck_words *w, int k, const char *value, const char *origin, jk_err *err)
{
	char *add[CONFIG_MAX_WORDS];
	size_t k_add = 0;
	int r = JK_OK;
	const char *p = value;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *piece = jk_strndup(p, len);
		char *word = piece ? trimmed(piece) : NULL;
		free(piece);
		if (!word) {
			r = jk_fail(err, JK_ENOMEM, "out of memory");
			goto fail;
		}
		if (!*word) {
			free(word);
		} else if (w->n + k_add >= CONFIG_MAX_WORDS) {
			free(word);
			r = jk_fail(err, JK_ETOOBIG, "%s: key '%s': at most %d words", origin,
			            config_key_table[k].name, CONFIG_MAX_WORDS);
			goto fail;
		} else {
			add[k_add++] = word;
		}
		if (!comma)
			break;
		p = comma + 1;
	}
	r = list_append(&w->v, &w->n, add, k_add);
	if (r)
		return jk_fail(err, r, "out of memory");
	return JK_OK;
fail:
	for (size_t i = 0; i < k_add; i++)
		free(add[i]);
	return r;
}

/* Replaces *slot with a copy of v (NULL when v is empty). */
static int set_string(char **slot, const char *v, jk_err *err)
{
	char *copy = NULL;
	if (*v && !(copy = strdup(v)))
		return jk_fail(err, JK_ENOMEM, "out of memory");
	free(*slot);
	*slot = copy;
	return JK_OK;
}

static int set_source(config *c, const char *v, const char *origin, jk_err *err)
{
	if (!*v) {
		list_free(c->sources, c->nsources);
		c->sources = NULL, c->nsources = 0;
		return JK_OK;
	}
	if (c->nsources >= CONFIG_MAX_SOURCES)
		return jk_fail(err, JK_ETOOBIG, "%s: key 'source': at most %d sources", origin,
		               CONFIG_MAX_SOURCES);
	source_list scratch = {0};
	jk_err why = {0};
	int r = sources_add(&scratch, v, &why);
	sources_free(&scratch);
	if (r == JK_EARG)
		return bad_value(err, origin, K_SOURCE, v, why.msg);
	if (r)
		return jk_fail(err, r, "%s", why.msg);
	char *copy = strdup(v);
	if (!copy || list_append(&c->sources, &c->nsources, &copy, 1))
		return jk_fail(err, JK_ENOMEM, "out of memory");
	return JK_OK;
}

/* v is trimmed, valid UTF-8 without control characters. */
static int set_key(config *c, int k, const char *v, const char *origin, jk_err *err)
{
	bool b;
	long l;
	double d;
	int w, h;
	uint32_t rgb;
	const char *why = NULL;
	switch (k) {
	case K_SOURCE:
		return set_source(c, v, origin, err);
	case K_SLIDE_SECONDS:
		if (!parse_double(v, 1, 3600, &d))
			break;
		c->slide_seconds = d;
		return JK_OK;
	case K_TRANSITION:
		if (strcasecmp(v, "cut") && strcasecmp(v, "crossfade"))
			break;
		c->cut = !strcasecmp(v, "cut");
		return JK_OK;
	case K_ROTATE:
		if (!parse_long(v, 0, 270, &l) || l % 90)
			break;
		c->rotate = (int)l;
		return JK_OK;
	case K_FULLSCREEN:
	case K_CLOCK:
	case K_HIDE_EXPIRED:
	case K_VERBOSE:
		if (!parse_bool(v, &b))
			break;
		*(k == K_FULLSCREEN ? &c->fullscreen
		  : k == K_CLOCK    ? &c->clock
		  : k == K_VERBOSE  ? &c->verbose
		                    : &c->deck.hide_expired) = b;
		return JK_OK;
	case K_RESOLUTION:
		if (!strcasecmp(v, "auto")) {
			c->res_w = c->res_h = 0;
			return JK_OK;
		}
		if (!parse_wxh(v, &w, &h))
			break;
		c->res_w = w, c->res_h = h;
		return JK_OK;
	case K_SIZE:
		if (!parse_wxh(v, &w, &h))
			break;
		c->size_w = w, c->size_h = h;
		return JK_OK;
	case K_THEME:
		/* A theme sets every colour: colour keys after it override. */
		if (!strcasecmp(v, "dark"))
			c->theme = layout_theme_default();
		else if (!strcasecmp(v, "light"))
			c->theme = layout_theme_light();
		else
			break;
		return JK_OK;
	case K_BACKGROUND_COLOR:
	case K_TEXT_COLOR:
	case K_ACCENT_COLOR:
		if (!parse_color(v, &rgb))
			break;
		*(k == K_BACKGROUND_COLOR ? &c->theme.bg
		  : k == K_TEXT_COLOR     ? &c->theme.fg
		                          : &c->theme.accent) = rgb;
		return JK_OK;
	case K_HEADER: {
		char *t = jk_text_clean(v, (size_t)-1);
		if (!t)
			return jk_fail(err, JK_ENOMEM, "out of memory");
		if (strlen(t) > CONFIG_MAX_HEADER) {
			free(t);
			break;
		}
		if (!*t)
			free(t), t = NULL;
		free(c->header);
		c->header = t;
		return JK_OK;
	}
	case K_LOGO:
	case K_CA_FILE:
		if (*v && !readable_file(v, &why))
			break;
		return set_string(k == K_LOGO ? &c->logo : &c->ca_file, v, err);
	case K_FONT:
		/* A path is checked now; a family name is fontconfig's to match. */
		if (strchr(v, '/') && !readable_file(v, &why))
			break;
		return set_string(&c->font, v, err);
	case K_FALLBACK_FONTS:
	case K_FILTER_TAG:
	case K_FILTER_EMPLOYMENT:
	case K_FILTER_KEYWORD: {
		deck_words *dw = k == K_FALLBACK_FONTS   ? &c->fallback_fonts
		                 : k == K_FILTER_TAG     ? &c->deck.tags
		                 : k == K_FILTER_KEYWORD ? &c->deck.keywords
		                                         : &c->deck.employment;
		if (!*v) { /* an empty value clears the list */
			words_free(dw);
			return JK_OK;
		}
		return set_words(dw, k, v, origin, err);
	}
	case K_BURN_IN_SHIFT:
		if (!parse_long(v, 0, 32, &l))
			break;
		c->burn_in_shift = (int)l;
		return JK_OK;
	case K_BURN_IN_MINUTES:
		if (!parse_long(v, 1, 120, &l))
			break;
		c->burn_in_minutes = (int)l;
		return JK_OK;
	case K_ORDER: {
		deck_order o;
		if (!deck_order_parse(v, &o))
			break;
		c->deck.order = o;
		return JK_OK;
	}
	case K_DEFAULT_APPLY: {
		if (*v && !apply_target_ok(v))
			break;
		int r = set_string(&c->default_apply, v, err);
		c->deck.default_apply = c->default_apply;
		return r;
	}
	case K_CACHE_DIR:
		return set_string(&c->cache_dir, v, err);
	case K_REFRESH_MINUTES:
		if (!parse_long(v, 1, 1440, &l))
			break;
		c->refresh_s = l * 60;
		return JK_OK;
	case K_SCHEDULE: {
		if (!*v) {
			c->schedule.n = 0;
			return JK_OK;
		}
		jk_err se = {0};
		int r = schedule_add(&c->schedule, v, &se);
		if (r == JK_ETOOBIG)
			return jk_fail(err, r, "%s: key 'schedule': at most %d rules", origin,
			               SCHEDULE_MAX_RULES);
		if (r == JK_EARG) { /* keep the reason, not schedule's own "expected" */
			char *cut = strstr(se.msg, "; expected");
			if (cut)
				*cut = '\0';
			return bad_value(err, origin, k, v, cut != se.msg ? se.msg : NULL);
		}
		if (r)
			return jk_fail(err, r, "%s: key 'schedule': %s", origin, se.msg);
		return JK_OK;
	}
	case K_DISPLAY_ON_COMMAND:
		return set_string(&c->display_on_command, v, err);
	case K_DISPLAY_OFF_COMMAND:
		return set_string(&c->display_off_command, v, err);
	}
	return bad_value(err, origin, k, v, why);
}

/* Keys with a list or free text accept an empty value; numbers and choices
 * do not (their parsers refuse ""). */
int config_set(config *c, const char *key, const char *value, const char *origin, jk_err *err)
{
	char norm[72], shown[SHOW_MAX + 8];
	if (!origin)
		origin = "config";
	int k = key_index(key ? key : "", norm, sizeof norm);
	if (k < 0) {
		show(key ? key : "", shown);
		const char *near = suggest(norm);
		if (near)
			return jk_fail(err, JK_EARG, "%s: unknown key '%s' (did you mean '%s'?)",
			               origin, shown, near);
		return jk_fail(err, JK_EARG, "%s: unknown key '%s'", origin, shown);
	}
	if (!value) /* a bare --clock means yes */
		value = config_key_table[k].is_bool ? "yes" : "";
	size_t n = strlen(value);
	if (n > CONFIG_MAX_VALUE || !jk_utf8_valid(value, n))
		return bad_value(err, origin, k, value,
		                 n > CONFIG_MAX_VALUE ? "longer than 4096 bytes" : "invalid UTF-8");
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)value[i];
		if ((ch < 0x20 && ch != '\t') || ch == 0x7F)
			return bad_value(err, origin, k, value, "control character");
		/* In a file, ';' after a space starts a comment, so such a value
		 * could not be written back (config_print). */
		if (ch == ';' && i > 0 && is_ws(value[i - 1]))
			return bad_value(err, origin, k, value,
			                 "';' after a space starts a comment; drop the space");
	}
	char *v = trimmed(value);
	if (!v)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	int r = set_key(c, k, v, origin, err);
	free(v);
	return r;
}

/* Each SOURCE goes through config_set, so the command line is checked
 * exactly like `source =` lines; the list is swapped in only when all pass. */
int config_set_sources(config *c, char *const *v, size_t n, jk_err *err)
{
	config scratch = {0};
	if (n > CONFIG_MAX_SOURCES)
		return jk_fail(err, JK_ETOOBIG, "command line: at most %d sources, not %zu",
		               CONFIG_MAX_SOURCES, n);
	for (size_t i = 0; i < n; i++) {
		int r = config_set(&scratch, "source", v[i] ? v[i] : "", "command line", err);
		if (r) {
			list_free(scratch.sources, scratch.nsources);
			return r;
		}
	}
	list_free(c->sources, c->nsources);
	c->sources = scratch.sources;
	c->nsources = scratch.nsources;
	return JK_OK;
}

/* ---- the file ----------------------------------------------------------- */

/* inih reads lines through this reader, which also keeps the line number,
 * the whole current line (for messages and for lines longer than inih's
 * fixed line buffer) and stops the parse at the first error. */
typedef struct parse_ctx {
	config *c;
	const char *name;
	const char *text, *end; /* after the BOM */
	const char *pos;
	int lineno;
	const char *line; /* current line, without the newline */
	size_t len;
	bool key_line;     /* inih must call the handler for this line */
	unsigned handled;  /* handler calls for the current line */
	const char *value; /* a long line's value, handed over outside inih */
	size_t vlen;
	int status;
	jk_err *err;
} parse_ctx;

/* Mirrors inih: a name ends at '=' or ':'; ';' after white space starts a
 * comment. Returns a pointer to the stop character or the end. */
static const char *find_sep(const char *s, const char *e, bool value)
{
	bool was_space = false;
	for (; s < e; s++) {
		if (!value && (*s == '=' || *s == ':'))
			return s;
		if (was_space && *s == ';')
			return s;
		was_space = is_ws(*s);
	}
	return e;
}

static int syntax_error(parse_ctx *x)
{
	char shown[SHOW_MAX + 8];
	char *l = jk_strndup(x->line, x->len);
	if (!l)
		return x->status = jk_fail(x->err, JK_ENOMEM, "out of memory");
	show(l, shown);
	free(l);
	if (x->len && x->line[0] == '[')
		return x->status = jk_fail(x->err, JK_EARG, "%s:%d: expected '[section]', not '%s'",
		                           x->name, x->lineno, shown);
	return x->status = jk_fail(x->err, JK_EARG, "%s:%d: expected 'key = value', not '%s'",
	                           x->name, x->lineno, shown);
}

static char *reader(char *buf, int num, void *stream)
{
	parse_ctx *x = stream;
	/* inih reports a line without '=' only at the end: catch it here. */
	if (!x->status && x->key_line && !x->handled)
		syntax_error(x);
	if (x->status || x->pos >= x->end)
		return NULL;
	const char *nl = memchr(x->pos, '\n', (size_t)(x->end - x->pos));
	const char *e = nl ? nl : x->end;
	const char *s = x->pos;
	x->pos = nl ? nl + 1 : x->end;
	x->lineno++;
	if (e > s && e[-1] == '\r')
		e--;
	/* Leading blanks dropped: inih would read an indented line as the
	 * continuation of the value above, a surprise in a hand-edited file. */
	while (s < e && is_ws(*s))
		s++;
	x->line = s, x->len = (size_t)(e - s);
	x->handled = 0;
	x->value = NULL;
	x->key_line = s < e && *s != ';' && *s != '#' && *s != '[';
	if (s < e && *s == '[' && !memchr(s, ']', x->len)) {
		syntax_error(x);
		return NULL;
	}
	size_t room = (size_t)num - 2; /* newline and NUL */
	if (x->len <= room) {
		memcpy(buf, s, x->len);
		buf[x->len] = '\n', buf[x->len + 1] = '\0';
		return buf;
	}
	/* Longer than inih's line buffer: inih gets "name=" and the handler
	 * takes the value from here. */
	if (!x->key_line) {
		snprintf(buf, (size_t)num, "%s\n", *s == '[' ? "[long]" : ";");
		return buf;
	}
	const char *sep = find_sep(s, e, false);
	if (sep == e || *sep == ';') {
		syntax_error(x);
		return NULL;
	}
	const char *ne = sep;
	while (ne > s && is_ws(ne[-1]))
		ne--;
	size_t nlen = (size_t)(ne - s);
	if (nlen > room - 1)
		nlen = room - 1; /* a name this long is unknown anyway */
	memcpy(buf, s, nlen);
	buf[nlen] = '=', buf[nlen + 1] = '\0';
	/* As inih: the comment is cut before the blanks are skipped, so
	 * "key = ;x" is empty and "key =;x" is ";x". */
	const char *v = sep + 1;
	const char *ve = find_sep(v, e, true);
	while (v < ve && is_ws(*v))
		v++;
	while (ve > v && is_ws(ve[-1]))
		ve--;
	x->value = v, x->vlen = (size_t)(ve - v);
	return buf;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	parse_ctx *x = user;
	char origin[300];
	x->handled++;
	if (x->status)
		return 0;
	if (!*name) {
		syntax_error(x);
		return 0;
	}
	/* "https://host/feed" alone on a line: inih splits it at ':'. */
	char norm[72];
	if (!memchr(x->line, '=', x->len) && key_index(name, norm, sizeof norm) < 0) {
		syntax_error(x);
		return 0;
	}
	char *own = NULL;
	if (x->value) {
		own = jk_strndup(x->value, x->vlen);
		if (!own) {
			x->status = jk_fail(x->err, JK_ENOMEM, "out of memory");
			return 0;
		}
		value = own;
	}
	snprintf(origin, sizeof origin, "%s:%d", x->name, x->lineno);
	x->status = config_set(x->c, name, value, origin, x->err);
	free(own);
	return !x->status;
}

/* Checks what inih cannot: size, NUL bytes, encoding, control characters
 * and line length, naming the line. */
static int prescan(const char *name, const char *s, size_t n, jk_err *err)
{
	int lineno = 1;
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '\n') {
			size_t len = i - start;
			if (len > CONFIG_MAX_LINE)
				return jk_fail(err, JK_ETOOBIG, "%s:%d: line longer than %d bytes",
				               name, lineno, CONFIG_MAX_LINE);
			if (!jk_utf8_valid(s + start, len))
				return jk_fail(err, JK_EBINARY,
				               "%s:%d: invalid UTF-8 (save the file as UTF-8 text)",
				               name, lineno);
			lineno++;
			start = i + 1;
			continue;
		}
		unsigned char ch = (unsigned char)s[i];
		if (!ch)
			return jk_fail(err, JK_EBINARY, "%s:%d: NUL byte: not a text file", name,
			               lineno);
		bool crlf = ch == '\r' && (i + 1 == n || s[i + 1] == '\n');
		if ((ch < 0x20 && ch != '\t' && !crlf) || ch == 0x7F)
			return jk_fail(err, JK_EBINARY,
			               "%s:%d: control character 0x%02X: not a text file", name,
			               lineno, ch);
	}
	return JK_OK;
}

int config_parse_buffer(config *c, const char *name, const char *text, size_t n, jk_err *err)
{
	if (!name)
		name = "config";
	if (!text)
		text = "", n = 0;
	if (n > CONFIG_MAX_FILE)
		return jk_fail(err, JK_ETOOBIG, "%s: larger than 1 MiB; not a config file", name);
	if (n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, n -= 3;
	int r = prescan(name, text, n, err);
	if (r)
		return r;
	parse_ctx x = {
	    .c = c, .name = name, .text = text, .end = text + n, .pos = text, .err = err};
	int line = ini_parse_stream(reader, &x, handler, &x);
	if (x.status)
		return x.status;
	if (line == -2)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	if (line) /* a syntax error the reader did not catch */
		return jk_fail(err, JK_EARG, "%s:%d: expected '[section]' or 'key = value'", name,
		               line);
	return JK_OK;
}

int config_load_file(config *c, const char *path, jk_err *err)
{
	char *data;
	size_t len;
	jk_err why = {0};
	int r = store_read_file(path, CONFIG_MAX_FILE, &data, &len, &why);
	if (r == JK_ETOOBIG)
		return jk_fail(err, r, "%s: larger than 1 MiB; not a config file", path);
	if (r) {
		const char *m = why.msg;
		if (!strncmp(m, "cannot open: ", 13))
			m += 13;
		return jk_fail(err, r == JK_ENOMEM ? r : JK_EIO, "%s: cannot read: %s", path, m);
	}
	char *p = strdup(path);
	if (!p) {
		free(data);
		return jk_fail(err, JK_ENOMEM, "out of memory");
	}
	free(c->path);
	c->path = p;
	r = config_parse_buffer(c, path, data, len, err);
	free(data);
	return r;
}

static bool try_path(char *out, size_t cap, const char *a, const char *b)
{
	int n = snprintf(out, cap, "%s%s", a, b);
	if (n < 0 || (size_t)n >= cap)
		return false;
	return access(out, F_OK) == 0;
}

bool config_find_default(char *out, size_t cap)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	bool found;
	/* XDG: a relative XDG_CONFIG_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		found = try_path(out, cap, xdg, "/jobkiosk/jobkiosk.conf");
	else
		found =
		    home && *home && try_path(out, cap, home, "/.config/jobkiosk/jobkiosk.conf");
	if (found || try_path(out, cap, "/etc/jobkiosk/jobkiosk.conf", ""))
		return true;
	if (cap)
		out[0] = '\0';
	return false;
}

/* ---- printing ----------------------------------------------------------- */

/* "key = ;x" would read back as a comment: no blank before a leading ';'.
 * Inside a value a blank before ';' starts a comment too (a header cleaned
 * from "a\u2009;b" holds one): it is written as a no-break space, which the
 * header's cleaning turns back into a space. */
static void print_kv(FILE *f, const char *key, const char *v)
{
	fprintf(f, "%s =%s", key, *v == ';' ? "" : " ");
	for (const char *c = v; *c; c++) {
		if (is_ws(*c) && c[1] == ';')
			fputs("\xc2\xa0", f); /* U+00A0 */
		else
			fputc(*c, f);
	}
	fputc('\n', f);
}

static void print_str(FILE *f, const char *key, const char *v)
{
	if (v && *v)
		print_kv(f, key, v);
	else
		fprintf(f, "# %s =\n", key);
}

static void print_list(FILE *f, const char *key, char *const *v, size_t n)
{
	if (!n)
		fprintf(f, "# %s =\n", key);
	for (size_t i = 0; i < n; i++)
		print_kv(f, key, v[i]);
}

static void print_bool(FILE *f, const char *key, bool b)
{
	fprintf(f, "%s = %s\n", key, b ? "yes" : "no");
}

static void print_wxh(FILE *f, const char *key, int w, int h)
{
	if (w > 0 && h > 0)
		fprintf(f, "%s = %dx%d\n", key, w, h);
	else
		fprintf(f, "%s = auto\n", key);
}

void config_print(const config *c, FILE *f)
{
	const config_key_info *t = config_key_table;
	char num[40];
	fprintf(f, "# jobkiosk %s settings", JOBKIOSK_VERSION);
	if (c->path) { /* a name from the command line: keep it one comment line */
		fputs(" from ", f);
		for (const char *p = c->path; *p; p++)
			fputc((unsigned char)*p < 0x20 || *p == 0x7F ? '?' : *p, f);
	}
	fputc('\n', f);
	print_list(f, t[K_SOURCE].name, c->sources, c->nsources);
	/* The shortest text that reads back as the same number. */
	snprintf(num, sizeof num, "%.15g", c->slide_seconds);
	if (strtod(num, NULL) != c->slide_seconds)
		snprintf(num, sizeof num, "%.17g", c->slide_seconds);
	fprintf(f, "%s = %s\n", t[K_SLIDE_SECONDS].name, num);
	fprintf(f, "%s = %s\n", t[K_TRANSITION].name, c->cut ? "cut" : "crossfade");
	fprintf(f, "%s = %d\n", t[K_ROTATE].name, c->rotate);
	print_bool(f, t[K_FULLSCREEN].name, c->fullscreen);
	print_wxh(f, t[K_RESOLUTION].name, c->res_w, c->res_h);
	print_wxh(f, t[K_SIZE].name, c->size_w, c->size_h);
	/* The colours no key sets tell which theme the others started from. */
	layout_theme light = layout_theme_light();
	bool is_light = c->theme.muted == light.muted && c->theme.card == light.card &&
	                c->theme.card_fg == light.card_fg &&
	                c->theme.card_muted == light.card_muted;
	fprintf(f, "%s = %s\n", t[K_THEME].name, is_light ? "light" : "dark");
	fprintf(f, "%s = #%06X\n", t[K_BACKGROUND_COLOR].name, (unsigned)c->theme.bg);
	fprintf(f, "%s = #%06X\n", t[K_TEXT_COLOR].name, (unsigned)c->theme.fg);
	fprintf(f, "%s = #%06X\n", t[K_ACCENT_COLOR].name, (unsigned)c->theme.accent);
	print_str(f, t[K_HEADER].name, c->header);
	print_str(f, t[K_LOGO].name, c->logo);
	print_str(f, t[K_FONT].name, c->font);
	print_list(f, t[K_FALLBACK_FONTS].name, c->fallback_fonts.v, c->fallback_fonts.n);
	print_bool(f, t[K_CLOCK].name, c->clock);
	fprintf(f, "%s = %d\n", t[K_BURN_IN_SHIFT].name, c->burn_in_shift);
	fprintf(f, "%s = %d\n", t[K_BURN_IN_MINUTES].name, c->burn_in_minutes);
	fprintf(f, "%s = %s\n", t[K_ORDER].name, deck_order_name(c->deck.order));
	print_list(f, t[K_FILTER_TAG].name, c->deck.tags.v, c->deck.tags.n);
	print_list(f, t[K_FILTER_EMPLOYMENT].name, c->deck.employment.v, c->deck.employment.n);
	print_list(f, t[K_FILTER_KEYWORD].name, c->deck.keywords.v, c->deck.keywords.n);
	print_bool(f, t[K_HIDE_EXPIRED].name, c->deck.hide_expired);
	print_str(f, t[K_DEFAULT_APPLY].name, c->default_apply);
	print_str(f, t[K_CACHE_DIR].name, c->cache_dir);
	print_str(f, t[K_CA_FILE].name, c->ca_file);
	fprintf(f, "%s = %ld\n", t[K_REFRESH_MINUTES].name, c->refresh_s / 60);
	if (!c->schedule.n)
		fprintf(f, "# %s =\n", t[K_SCHEDULE].name);
	for (size_t i = 0; i < c->schedule.n; i++) {
		char rule[96];
		schedule_rule_format(&c->schedule.rules[i], rule, sizeof rule);
		fprintf(f, "%s = %s\n", t[K_SCHEDULE].name, rule);
	}
	print_str(f, t[K_DISPLAY_ON_COMMAND].name, c->display_on_command);
	print_str(f, t[K_DISPLAY_OFF_COMMAND].name, c->display_off_command);
	print_bool(f, t[K_VERBOSE].name, c->verbose);
}
