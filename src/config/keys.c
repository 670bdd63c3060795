/* keys.c — the one table of keys: per key its help, default, how it is
 * read and stored (config_type, offsetof), its limits and what a bad value
 * is told it expected. Adding a key is one row here. */
#include "internal.h"

#include <stddef.h>
#include <string.h>

/* The member m of config: where it is and how wide. */
#define AT(m) .off = offsetof(config, m), .size = sizeof(((config *)0)->m)
#define AT2(m) .off2 = offsetof(config, m)
#define YES_NO .is_bool = true, .type = CONFIG_BOOL, .expects = "yes or no"
#define LIST .repeatable = true

const config_key_info config_key_table[] = {
    {"source", "SOURCE",
     "a posting file or folder, an http(s) URL, or a job board such as greenhouse:acme", "", LIST,
     .type = CONFIG_SOURCE, AT(sources),
     .expects = "a folder, a file, an http(s) URL or a job board spec such as greenhouse:BOARD"},
    {"slide_seconds", "N", "how long a slide stays, 1 to 3600 seconds", "12", .type = CONFIG_DOUBLE,
     AT(slide_seconds), .lo = 1, .hi = 3600, .expects = "a number of seconds from 1 to 3600"},
    {"transition", "crossfade|cut", "how slides change", "crossfade", .type = CONFIG_CHOICE,
     AT(cut), .expects = "crossfade or cut"},
    {"rotate", "0|90|180|270", "the screen is mounted turned by this many degrees", "0",
     .type = CONFIG_INT, AT(rotate), .lo = 0, .hi = 270, .step = 90,
     .expects = "0, 90, 180 or 270"},
    {"fullscreen", "yes|no", "fill the screen (no: a window)", "yes", YES_NO, AT(fullscreen)},
    {"resolution", "auto|native|WxH",
     "display mode to set, or the window size (auto: the desktop, but a desktop above 1920x1080 "
     "without a GPU renderer is shown at 1920x1080, its own mode or scaled; native: the desktop "
     "as it is; 1280x720 windowed)",
     "auto", .type = CONFIG_WXH_AUTO, AT(res_w), AT2(res_h), .lo = 160, .hi = 16384,
     .expects = "auto, native or a size like 1920x1080 (160 to 16384 a side)"},
    {"renderer", "auto|software|gpu",
     "how the screen is drawn: auto uses the GPU (OpenGL ES 2 / OpenGL) only when it is real "
     "hardware, not llvmpipe or softpipe; gpu forces it; software never",
     "auto", .type = CONFIG_CHOICE, AT(renderer), .expects = "auto, software or gpu"},
    {"size", "WxH", "slide size for --render", "1920x1080", .type = CONFIG_WXH, AT(size_w),
     AT2(size_h), .lo = 160, .hi = 16384, .expects = "a size like 1920x1080 (160 to 16384 a side)"},
    {"theme", "dark|light", "colour scheme; resets the colours, so set colours after it", "dark",
     .type = CONFIG_THEME, AT(theme), .expects = "dark or light"},
    {"background_color", "#RRGGBB", "page background", "#101826", .type = CONFIG_COLOR,
     AT(theme.bg), .expects = "a colour like #1A2B3C"},
    {"text_color", "#RRGGBB", "title and body text", "#F3F5F8", .type = CONFIG_COLOR, AT(theme.fg),
     .expects = "a colour like #1A2B3C"},
    {"accent_color", "#RRGGBB", "headings, bullets and rules", "#F5B342", .type = CONFIG_COLOR,
     AT(theme.accent), .expects = "a colour like #1A2B3C"},
    {"header", "TEXT", "text on every slide, at most 120 bytes", "", .type = CONFIG_TEXT,
     AT(header), .hi = 120, .expects = "text of at most 120 bytes"},
    {"logo", "FILE", "PNG or JPEG shown in the header", "", .type = CONFIG_FILE, AT(logo),
     .expects = "a readable PNG or JPEG file"},
    {"font", "FAMILY|FILE", "body font: a fontconfig family or a font file (none: Inter)", "",
     .type = CONFIG_FONT, AT(font), .expects = "a font family name or a readable font file"},
    {"fallback_fonts", "FAMILY,...",
     "fonts tried first for characters the font lacks (then the Noto face of the text's script)",
     "", LIST, .type = CONFIG_WORDS, AT(fallback_fonts),
     .expects = "a comma list of font family names"},
    {"clock", "yes|no", "show the time (HH:MM) in a corner", "no", YES_NO, AT(clock)},
    {"language", "auto|CODE",
     "language of the kiosk's own words, such as \"Scan to apply\" (auto: each posting's own)",
     "auto", .type = CONFIG_LANG, AT(language),
     .expects = "auto or a language code such as de, pt-BR or zh-Hant"},
    {"hide_boilerplate", "yes|no",
     "keep equal-opportunity, privacy, anti-fraud and similar notices off the slides "
     "(--dump marks them)",
     "yes", YES_NO, AT(hide_boilerplate)},
    {"max_pages", "N",
     "show at most N pages of a posting, the last saying the rest is behind the code "
     "(0: every page)",
     "0", .type = CONFIG_INT, AT(max_pages), .lo = 0, .hi = 100,
     .expects = "a number of pages from 0 (no cap) to 100"},
    {"style", "full|booth",
     "full: every posting whole, over as many pages as it takes; booth: one page each, read "
     "at a glance, with a big code, and the overview as a grid of titles",
     "full", .type = CONFIG_CHOICE, AT(style), .expects = "full or booth"},
    {"careers_url", "URL", "where all openings are: the overview's code (http, https or mailto)",
     "", .type = CONFIG_LINK, AT(careers_url), AT2(careers_url),
     .expects = "an http://, https:// or mailto: link"},
    {"burn_in_shift", "PIXELS",
     "move the picture up to this many pixels against burn-in, 0 to 32 (0 off)", "4",
     .type = CONFIG_INT, AT(burn_in_shift), .lo = 0, .hi = 32,
     .expects = "a number of pixels from 0 to 32"},
    {"burn_in_minutes", "N", "minutes between burn-in shifts, 1 to 120", "5", .type = CONFIG_INT,
     AT(burn_in_minutes), .lo = 1, .hi = 120, .expects = "a number of minutes from 1 to 120"},
    {"order", "listed|newest|shuffle", "the order postings are shown in", "listed",
     .type = CONFIG_ORDER, AT(deck.order), .expects = "listed, newest or shuffle"},
    {"filter_tag", "WORD,...", "show only postings with one of these tags", "", LIST,
     .type = CONFIG_WORDS, AT(deck.tags), .expects = "a comma list of words"},
    {"filter_employment", "WORD,...",
     "show only postings whose employment type contains one of these", "", LIST,
     .type = CONFIG_WORDS, AT(deck.employment), .expects = "a comma list of words"},
    {"filter_keyword", "WORD,...", "show only postings that mention one of these words", "", LIST,
     .type = CONFIG_WORDS, AT(deck.keywords), .expects = "a comma list of words"},
    {"hide_expired", "yes|no",
     "hide postings past their expiry date (kept when the clock is wrong)", "yes", YES_NO,
     AT(deck.hide_expired)},
    {"default_apply", "URL", "apply link (http, https or mailto) for postings without one", "",
     .type = CONFIG_LINK, AT(default_apply), AT2(deck.default_apply),
     .expects = "an http://, https:// or mailto: link"},
    {"track_source", "NAME",
     "utm_source (and Lever's lever-source) added to http(s) links in the QR code, e.g. booth-12; "
     "turns tracking on",
     "", .type = CONFIG_TAG, AT(track_source), AT2(deck.track.source),
     .expects = "a tag of at most 64 bytes without control or invisible characters"},
    {"track_campaign", "NAME", "utm_campaign added with track_source, e.g. fall-fair-2026", "",
     .type = CONFIG_TAG, AT(track_campaign), AT2(deck.track.campaign),
     .expects = "a tag of at most 64 bytes without control or invisible characters"},
    {"greenhouse_source", "TOKEN", "gh_src added to Greenhouse job links in the QR code", "",
     .type = CONFIG_TAG, AT(greenhouse_source), AT2(deck.track.greenhouse),
     .expects = "a tag of at most 64 bytes without control or invisible characters"},
    {"cache_dir", "DIR",
     "where fetched postings are kept (none: $XDG_CACHE_HOME/jobkiosk, ~/.cache/jobkiosk or "
     "/var/cache/jobkiosk)",
     "", .type = CONFIG_STRING, AT(cache_dir), .expects = "text"},
    {"ca_file", "FILE", "extra CA certificates (PEM) trusted for https", "", .type = CONFIG_FILE,
     AT(ca_file), .expects = "a readable PEM file"},
    {"refresh_minutes", "N", "how often network sources are fetched again, 1 to 1440", "15",
     .type = CONFIG_INT, AT(refresh_s), .lo = 1, .hi = 1440, .scale = 60,
     .expects = "a number of minutes from 1 to 1440"},
    {"schedule", "DAYS HH:MM-HH:MM",
     "when the display is on, e.g. mon-fri 08:00-18:00 (none: always)", "", LIST,
     .type = CONFIG_SCHEDULE, AT(schedule),
     .expects = "DAYS HH:MM-HH:MM, e.g. mon-fri 08:00-18:00"},
    {"display_on_command", "COMMAND", "run when the schedule turns the display on", "",
     .type = CONFIG_STRING, AT(display_on_command), .expects = "text"},
    {"display_off_command", "COMMAND", "run when the schedule turns the display off", "",
     .type = CONFIG_STRING, AT(display_off_command), .expects = "text"},
    {"impressions_log", "FILE|none",
     "append one CSV row per slide shown to FILE, written every 10 minutes (default: "
     "$XDG_STATE_HOME/jobkiosk/impressions.csv when XDG_STATE_HOME is set, as the service "
     "does; none: no log)",
     "", .type = CONFIG_STRING, AT(impressions_log), .expects = "a file path or none"},
    {"screen_name", "NAME", "this screen's name in the impressions log (none: the host name)", "",
     .type = CONFIG_TEXT, AT(screen_name), .hi = 64, .expects = "text of at most 64 bytes"},
    {"control_listen", "ADDRESS:PORT",
     "serve the control page, status, commands and metrics here, e.g. 127.0.0.1:8080 (none: "
     "off)",
     "", .type = CONFIG_STRING, AT(control_listen),
     .expects = "an address and port such as 127.0.0.1:8080 or [::]:8080"},
    {"control_token", "TOKEN",
     "the control server's bearer token; required, at least 16 characters, beyond loopback", "",
     .type = CONFIG_STRING, .secret = true, AT(control_token), .expects = "text"},
    {"control_cert", "FILE", "PEM certificate: the control server speaks HTTPS (with control_key)",
     "", .type = CONFIG_FILE, AT(control_cert), .expects = "a readable PEM file"},
    {"control_key", "FILE", "PEM private key of control_cert", "", .type = CONFIG_FILE,
     AT(control_key), .expects = "a readable PEM file"},
    {"metrics_public", "yes|no", "serve /metrics without the token (the rest still needs it)", "no",
     YES_NO, AT(metrics_public)},
    {"config_url", "URL",
     "a fleet's shared settings, fetched from this http(s) URL (cached for offline starts, "
     "fetched again every refresh_minutes) and applied over the config file, under the "
     "command line; it may not set config_url, cache_dir, control_* or metrics_public",
     "", .type = CONFIG_URL, AT(config_url), .expects = "an http:// or https:// URL"},
    {"verbose", "yes|no",
     "log more about what is read and fetched, and where the start-up time goes", "no", YES_NO,
     AT(verbose)},
    {.name = NULL},
};

_Static_assert(JK_ARRAY_LEN(config_key_table) == CONFIG_NKEYS + 1, "CONFIG_NKEYS keys");
_Static_assert(LAYOUT_FULL == 0 && LAYOUT_BOOTH == 1, "style: the choices in layout_style order");

void config_quote(const char *value, char out[CONFIG_SHOW_MAX + 8])
{
	char s[CONFIG_SHOW_MAX * 2 + 16];
	jk_mask_secrets(value, s, sizeof s); /* a source's token is never shown */
	size_t o = 0, n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = jk_utf8_decode(s + i, n - i, &cp);
		if (o + k > CONFIG_SHOW_MAX) {
			memcpy(out + o, "\xE2\x80\xA6", 3); /* … */
			o += 3;
			break;
		}
		/* Invisible and direction characters too: a hostile value must
		 * not reorder or hide the message that names it. */
		if (jk_cp_is_invisible(cp) || (cp >= 0x2066 && cp <= 0x2069) ||
		    (cp == 0xFFFD && k == 1)) {
			out[o++] = '?';
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
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

int config_key_index(const char *key, char *norm, size_t cap)
{
	size_t n = 0;
	for (; key[n] && n + 1 < cap; n++) {
		char ch = key[n];
		norm[n] = ch == '-' ? '_' : (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
	}
	norm[n] = '\0';
	if (key[n])
		return -1;
	for (int i = 0; i < CONFIG_NKEYS; i++)
		if (!strcmp(norm, config_key_table[i].name))
			return i;
	return -1;
}

int config_key_find(const char *key)
{
	char norm[72];
	return key ? config_key_index(key, norm, sizeof norm) : -1;
}

const char *config_key_suggest(const char *norm)
{
	const char *best = NULL;
	size_t len = strlen(norm);
	/* Two edits, or a third in a long key ("rotation" for "rotate"). */
	size_t bestd = (len + 1) / 3 > 2 ? 4 : 3;
	if (len < 3)
		return NULL;
	for (int i = 0; i < CONFIG_NKEYS; i++) {
		size_t d = edit_distance(norm, config_key_table[i].name);
		if (d < bestd)
			bestd = d, best = config_key_table[i].name;
	}
	return best;
}

bool config_key_local_only(size_t k)
{
	const char *n = k < CONFIG_NKEYS ? config_key_table[k].name : "";
	return !strncmp(n, "control_", 8) || !strcmp(n, "metrics_public") ||
	       !strcmp(n, "config_url") || !strcmp(n, "cache_dir");
}

int config_fail_value(jk_err *err, const char *origin, size_t k, const char *value, const char *why)
{
	char shown[CONFIG_SHOW_MAX + 8];
	config_quote(value ? value : "", shown);
	return jk_fail(err, JK_EARG, "%s: key '%s': expected %s, not '%s'%s%s%s", origin,
	               config_key_table[k].name, config_key_table[k].expects, shown,
	               why ? " (" : "", why ? why : "", why ? ")" : "");
}
