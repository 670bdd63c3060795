/* Config: every key, defaults, file then command line, the printed
 * settings read back, and hostile files. Real files in a temporary folder. */
#include "testutil.h"

#include "app.h"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A string literal and its length, NUL bytes included. */
#define LIT(s) s, sizeof(s) - 1

static char tmp[64];

static int setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof tmp, "%s", tu_tmpdir());
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tu_rmtree(tmp);
	return 0;
}

/* Writes data into tmp/name; returns the path (static buffer). */
static const char *write_file(const char *name, const char *data, size_t n)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", tmp, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	return path;
}

/* config_print's output. Caller frees. */
static char *printed(const config *c)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	assert_non_null(f);
	config_print(c, f);
	fclose(f);
	return s;
}

static void assert_contains(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("'%s' does not contain '%s'", hay, needle);
}

/* Parses text into a fresh config; returns the status, err filled. */
static int parse(config *c, const char *text, jk_err *err)
{
	config_init(c);
	return config_parse_buffer(c, "t.conf", text, strlen(text), err);
}

static void test_defaults(void **state)
{
	(void)state;
	config c;
	config_init(&c);
	assert_true(c.slide_seconds == 12);
	assert_false(c.cut);
	assert_int_equal(c.rotate, 0);
	assert_true(c.fullscreen);
	assert_int_equal(c.res_w, 0);
	assert_int_equal(c.size_w, 1920);
	assert_int_equal(c.size_h, 1080);
	assert_int_equal(c.theme.bg, layout_theme_default().bg);
	assert_null(c.header);
	assert_null(c.font);
	assert_false(c.clock);
	assert_null(c.language); /* auto */
	assert_true(c.hide_boilerplate);
	assert_int_equal(c.style, 0); /* full */
	assert_null(c.careers_url);
	assert_int_equal(c.burn_in_shift, 4);
	assert_int_equal(c.burn_in_minutes, 5);
	assert_true(c.deck.hide_expired);
	assert_int_equal(c.deck.order, DECK_ORDER_LISTED);
	assert_int_equal(c.refresh_s, 900);
	assert_int_equal(c.schedule.n, 0);
	assert_false(c.verbose);

	/* Every default in the table, set again, changes nothing. */
	char *before = printed(&c);
	size_t nkeys = 0;
	for (const config_key_info *k = config_key_table; k->name; k++, nkeys++) {
		jk_err err = {0};
		assert_non_null(k->arg);
		assert_non_null(k->help);
		assert_true(strlen(k->help) > 5);
		assert_true(k->help[strlen(k->help) - 1] != '.');
		for (const config_key_info *o = config_key_table; o < k; o++)
			assert_string_not_equal(o->name, k->name);
		if (k->repeatable)
			continue; /* "" clears a list: also a no-op on defaults */
		if (config_set(&c, k->name, k->def, "default", &err))
			fail_msg("%s = '%s': %s", k->name, k->def, err.msg);
	}
	assert_int_equal(nkeys, 48);
	char *after = printed(&c);
	assert_string_equal(before, after);
	free(before), free(after);
	config_free(&c);
	config_free(NULL);
}

static void test_every_key_valid(void **state)
{
	(void)state;
	config c;
	jk_err err = {0};
	config_init(&c);
	const char *logo = write_file("logo.png", "\x89PNG\r\n", 6);
	char logo_path[256];
	snprintf(logo_path, sizeof logo_path, "%s", logo);
	static const char *const kv[][2] = {
	    {"source", "samples/"},
	    {"source", "https://jobs.example.org/feed.xml"},
	    {"source", "greenhouse:acme"},
	    {"slide_seconds", "7.5"},
	    {"transition", "cut"},
	    {"rotate", "270"},
	    {"fullscreen", "off"},
	    {"resolution", "1280x720"},
	    {"renderer", "GPU"},
	    {"size", "1080x1920"},
	    {"theme", "light"},
	    {"background_color", "#FFFFFF"},
	    {"text_color", "102030"},
	    {"accent_color", "#aabbcc"},
	    {"header", "  Booth 12 \xC2\xB7   We're hiring  "},
	    {"font", "DejaVu Sans"},
	    {"fallback_fonts", "Noto Sans Arabic, Noto Sans Hebrew,,"},
	    {"fallback_fonts", "Noto Sans Thai"},
	    {"clock", "TRUE"},
	    {"language", "ZH-tw"},
	    {"hide_boilerplate", "no"},
	    {"style", "Booth"},
	    {"careers_url", "https://jobs.example.org/all?team=lab#open"},
	    {"burn_in_shift", "0"},
	    {"burn_in_minutes", "120"},
	    {"order", "newest"},
	    {"filter_tag", "ml, robotics"},
	    {"filter_employment", "intern"},
	    {"filter_keyword", "rust"},
	    {"filter_keyword", "embedded , fpga"},
	    {"hide_expired", "0"},
	    {"default_apply", "mailto:jobs@example.org"},
	    {"cache_dir", "/var/cache/booth"},
	    {"refresh_minutes", "1440"},
	    {"schedule", "mon-fri 08:00-18:00"},
	    {"schedule", "sat 10:00-14:00"},
	    {"display_on_command", "vcgencmd display_power 1"},
	    {"display_off_command", "echo 'standby 0' | cec-client -s -d 1"},
	    {"verbose", "yes"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(kv); i++)
		if (config_set(&c, kv[i][0], kv[i][1], "test", &err))
			fail_msg("%s = %s: %s", kv[i][0], kv[i][1], err.msg);
	assert_int_equal(config_set(&c, "logo", logo_path, "test", &err), 0);
	assert_int_equal(config_set(&c, "ca_file", logo_path, "test", &err), 0);

	assert_int_equal(c.nsources, 3);
	assert_string_equal(c.sources[1], "https://jobs.example.org/feed.xml");
	assert_true(c.slide_seconds == 7.5);
	assert_true(c.cut);
	assert_int_equal(c.rotate, 270);
	assert_false(c.fullscreen);
	assert_int_equal(c.res_w, 1280);
	assert_int_equal(c.res_h, 720);
	assert_int_equal(c.renderer, CONFIG_RENDERER_GPU);
	assert_int_equal(c.size_w, 1080);
	assert_int_equal(c.size_h, 1920);
	assert_int_equal(c.theme.bg, 0xFFFFFF);
	assert_int_equal(c.theme.fg, 0x102030);
	assert_int_equal(c.theme.accent, 0xAABBCC);
	assert_int_equal(c.theme.muted, layout_theme_light().muted);
	assert_string_equal(c.header, "Booth 12 \xC2\xB7 We're hiring");
	assert_string_equal(c.logo, logo_path);
	assert_string_equal(c.ca_file, logo_path);
	assert_string_equal(c.font, "DejaVu Sans");
	assert_int_equal(c.fallback_fonts.n, 3);
	assert_string_equal(c.fallback_fonts.v[1], "Noto Sans Hebrew");
	assert_string_equal(c.fallback_fonts.v[2], "Noto Sans Thai");
	assert_true(c.clock);
	assert_string_equal(c.language, "zh-Hant");
	assert_int_equal(config_set(&c, "language", "Auto", "test", &err), 0);
	assert_null(c.language);
	assert_int_equal(config_set(&c, "language", "ja", "test", &err), 0);
	assert_int_equal(config_set(&c, "language", "", "test", &err), 0);
	assert_null(c.language);
	assert_int_equal(config_set(&c, "language", "zh-Hant", "test", &err), 0);
	assert_false(c.hide_boilerplate);
	assert_int_equal(c.style, 1); /* booth */
	assert_string_equal(c.careers_url, "https://jobs.example.org/all?team=lab#open");
	assert_int_equal(c.burn_in_shift, 0);
	assert_int_equal(c.burn_in_minutes, 120);
	assert_int_equal(c.deck.order, DECK_ORDER_NEWEST);
	assert_int_equal(c.deck.tags.n, 2);
	assert_string_equal(c.deck.tags.v[1], "robotics");
	assert_string_equal(c.deck.employment.v[0], "intern");
	assert_int_equal(c.deck.keywords.n, 3);
	assert_string_equal(c.deck.keywords.v[1], "embedded");
	assert_false(c.deck.hide_expired);
	assert_string_equal(c.default_apply, "mailto:jobs@example.org");
	assert_ptr_equal(c.deck.default_apply, c.default_apply);
	assert_string_equal(c.cache_dir, "/var/cache/booth");
	assert_int_equal(c.refresh_s, 1440 * 60);
	assert_int_equal(c.schedule.n, 2);
	assert_int_equal(c.schedule.rules[0].on, 8 * 60);
	assert_string_equal(c.display_off_command, "echo 'standby 0' | cec-client -s -d 1");
	assert_true(c.verbose);

	/* Empty values: none for optional strings, cleared lists. */
	static const char *const cleared[] = {"header",
	                                      "logo",
	                                      "font",
	                                      "default_apply",
	                                      "cache_dir",
	                                      "ca_file",
	                                      "display_on_command",
	                                      "display_off_command",
	                                      "filter_tag",
	                                      "schedule",
	                                      "fallback_fonts",
	                                      "source"};
	for (size_t i = 0; i < JK_ARRAY_LEN(cleared); i++)
		assert_int_equal(config_set(&c, cleared[i], "", "test", &err), 0);
	assert_null(c.header);
	assert_null(c.logo);
	assert_null(c.default_apply);
	assert_null(c.deck.default_apply);
	assert_null(c.display_off_command);
	assert_int_equal(c.deck.tags.n, 0);
	assert_int_equal(c.schedule.n, 0);
	assert_int_equal(c.fallback_fonts.n, 0);
	assert_int_equal(c.nsources, 0);

	/* A bare boolean option means yes; dashes and case do not matter. */
	assert_int_equal(config_set(&c, "clock", "no", "test", &err), 0);
	assert_int_equal(config_set(&c, "clock", NULL, "--clock", &err), 0);
	assert_true(c.clock);
	assert_int_equal(config_set(&c, "slide-seconds", "3", "--slide-seconds", &err), 0);
	assert_int_equal(config_set(&c, "Slide_Seconds", "4", "test", &err), 0);
	assert_true(c.slide_seconds == 4);
	assert_int_equal(config_set(&c, "resolution", "auto", "test", &err), 0);
	assert_int_equal(c.res_w, 0);
	/* native: the desktop's mode kept even above 1920x1080, and printed
	 * back as it was given. */
	assert_int_equal(config_set(&c, "resolution", "Native", "test", &err), 0);
	assert_true(c.res_w < 0 && c.res_h < 0);
	char *out = printed(&c);
	assert_contains(out, "resolution = native\n");
	assert_contains(out, "renderer = gpu\n");
	free(out);
	assert_int_equal(config_set(&c, "order", "random", "test", &err), 0);
	assert_int_equal(c.deck.order, DECK_ORDER_SHUFFLE);
	config_free(&c);
}

static void test_every_key_invalid(void **state)
{
	(void)state;
	static const char *const kv[][3] = {
	    /* key, value, what the message says is expected */
	    {"slide_seconds", "abc", "a number of seconds from 1 to 3600"},
	    {"max_pages", "101", "from 0 (no cap) to 100"},
	    {"max_pages", "-1", "from 0 (no cap) to 100"},
	    {"style", "kiosk", "full or booth"},
	    {"style", "", "full or booth"},
	    {"careers_url", "javascript:alert(1)", "an http://, https:// or mailto: link"},
	    {"careers_url", "https://exa mple.org/\x01", "an http://, https:// or mailto: link"},
	    {"slide_seconds", "0.5", "from 1 to 3600"},
	    {"slide_seconds", "3601", "from 1 to 3600"},
	    {"slide_seconds", "nan", "from 1 to 3600"},
	    {"slide_seconds", "12s", "from 1 to 3600"},
	    {"slide_seconds", "", "from 1 to 3600"},
	    {"transition", "wipe", "crossfade or cut"},
	    {"rotate", "45", "0, 90, 180 or 270"},
	    {"rotate", "-90", "0, 90, 180 or 270"},
	    {"rotate", "99999999999999999999", "0, 90, 180 or 270"},
	    {"fullscreen", "maybe", "yes or no"},
	    {"fullscreen", "", "yes or no"},
	    {"resolution", "1920", "auto, native or a size"},
	    {"resolution", "100x100", "auto, native or a size"},
	    {"resolution", "nativex", "auto, native or a size"},
	    {"renderer", "vulkan", "auto, software or gpu"},
	    {"renderer", "", "auto, software or gpu"},
	    {"renderer", "gpu\xff", "auto, software or gpu"},
	    {"size", "1920x99999", "a size like 1920x1080"},
	    {"size", "x1080", "a size like 1920x1080"},
	    {"size", "1920x1080x3", "a size like 1920x1080"},
	    {"theme", "solarized", "dark or light"},
	    {"background_color", "red", "a colour like #1A2B3C"},
	    {"text_color", "#12345", "a colour like #1A2B3C"},
	    {"accent_color", "#1234567", "a colour like #1A2B3C"},
	    {"header",
	     "0123456789012345678901234567890123456789012345678901234567890123456789"
	     "01234567890123456789012345678901234567890123456789X",
	     "at most 120 bytes"},
	    {"clock", "2", "yes or no"},
	    {"clock", "ye\xe2\x80\xaes", "yes or no"}, /* a right-to-left override */
	    {"language", "klingon", "auto or a language code"},
	    {"language", "sw", "the kiosk's words are in en, de"},
	    {"language", "<b>de</b>", "auto or a language code"},
	    {"burn_in_shift", "33", "a number of pixels from 0 to 32"},
	    {"burn_in_shift", "-1", "a number of pixels from 0 to 32"},
	    {"burn_in_minutes", "0", "a number of minutes from 1 to 120"},
	    {"burn_in_minutes", "1.5", "a number of minutes from 1 to 120"},
	    {"order", "alphabetical", "listed, newest or shuffle"},
	    {"hide_expired", "sometimes", "yes or no"},
	    {"default_apply", "ftp://example.org", "an http://, https:// or mailto: link"},
	    {"default_apply", "https://", "an http://, https:// or mailto: link"},
	    {"default_apply", "https://a b", "an http://, https:// or mailto: link"},
	    {"refresh_minutes", "0", "a number of minutes from 1 to 1440"},
	    {"refresh_minutes", "1441", "a number of minutes from 1 to 1440"},
	    {"refresh_minutes", "", "a number of minutes from 1 to 1440"},
	    {"schedule", "someday 8-6", "DAYS HH:MM-HH:MM"},
	    {"schedule", "mon 25:00-26:00", "DAYS HH:MM-HH:MM"},
	    {"verbose", "loud", "yes or no"},
	    /* Any key: what a file could not hold. */
	    {"display_on_command", "a\x1b[31mb", "control character"},
	    {"display_off_command", "tvservice -o ; echo off", "starts a comment"},
	    {"cache_dir", "\xff\xfe", "invalid UTF-8"},
	};
	config c;
	config_init(&c);
	char *before = printed(&c);
	for (size_t i = 0; i < JK_ARRAY_LEN(kv); i++) {
		jk_err err = {0};
		char want[128];
		int r = config_set(&c, kv[i][0], kv[i][1], "x.conf:7", &err);
		if (r != JK_EARG)
			fail_msg("%s = '%s' gave %d", kv[i][0], kv[i][1], r);
		snprintf(want, sizeof want, "x.conf:7: key '%s': expected ", kv[i][0]);
		assert_ptr_equal(strstr(err.msg, want), err.msg);
		assert_contains(err.msg, kv[i][2]);
		assert_contains(err.msg, ", not '");
		assert_null(strchr(err.msg, '\x1b'));
		assert_null(strchr(err.msg, '\n'));
		assert_null(strstr(err.msg, "\xe2\x80\xae")); /* shown as '?' */
	}
	/* The brief's example, exactly. */
	jk_err err = {0};
	assert_int_equal(
	    config_set(&c, "slide_seconds", "abc", "/etc/jobkiosk/jobkiosk.conf:12", &err),
	    JK_EARG);
	assert_string_equal(err.msg,
	                    "/etc/jobkiosk/jobkiosk.conf:12: key 'slide_seconds': expected "
	                    "a number of seconds from 1 to 3600, not 'abc'");
	/* Nothing above changed the settings. */
	char *after = printed(&c);
	assert_string_equal(before, after);
	free(before), free(after);
	config_free(&c);
}

static void test_messages(void **state)
{
	(void)state;
	config c;
	jk_err err = {0};
	config_init(&c);
	assert_int_equal(config_set(&c, "slide_second", "5", "a.conf:3", &err), JK_EARG);
	assert_string_equal(err.msg, "a.conf:3: unknown key 'slide_second' (did you mean "
	                             "'slide_seconds'?)");
	assert_int_equal(config_set(&c, "rotation", "90", "a.conf:4", &err), JK_EARG);
	assert_string_equal(err.msg, "a.conf:4: unknown key 'rotation' (did you mean 'rotate'?)");
	assert_int_equal(config_set(&c, "backround-color", "#000000", "--backround-color", &err),
	                 JK_EARG);
	assert_contains(err.msg, "did you mean 'background_color'?");
	assert_int_equal(config_set(&c, "wallpaper", "x", "a.conf:5", &err), JK_EARG);
	assert_string_equal(err.msg, "a.conf:5: unknown key 'wallpaper'");
	assert_int_equal(config_set(&c, "", "x", "a.conf:6", &err), JK_EARG);
	assert_int_equal(config_set(&c, NULL, "x", NULL, &err), JK_EARG);

	/* Long and odd values are shortened in the message. */
	char big[300];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(config_set(&c, "rotate", big, "a.conf:9", &err), JK_EARG);
	assert_contains(err.msg, "\xE2\x80\xA6'");
	assert_true(strlen(err.msg) < 160);
	char key[300];
	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	assert_int_equal(config_set(&c, key, "1", "a.conf:10", &err), JK_EARG);
	assert_true(strlen(err.msg) < 120);
	/* A multibyte character is never cut in half. */
	char euros[200] = "";
	for (int i = 0; i < 40; i++)
		strcat(euros, "\xE2\x82\xAC");
	assert_int_equal(config_set(&c, "rotate", euros, "a.conf:11", &err), JK_EARG);
	assert_true(jk_utf8_valid(err.msg, strlen(err.msg)));

	/* Theme order: a theme resets the colours set before it. */
	assert_int_equal(config_set(&c, "accent_color", "#010203", "t", &err), 0);
	assert_int_equal(config_set(&c, "theme", "light", "t", &err), 0);
	assert_int_equal(c.theme.accent, layout_theme_light().accent);
	assert_int_equal(config_set(&c, "accent_color", "#010203", "t", &err), 0);
	assert_int_equal(c.theme.accent, 0x010203);
	assert_int_equal(c.theme.bg, layout_theme_light().bg);
	config_free(&c);
}

/* What needs the file system or the sources module is checked after
 * parsing (app_settings_check), with the message config_set() would give,
 * naming where the value came from; the first set is the first named. */
static void test_checked_after_parsing(void **state)
{
	(void)state;
	static const char *const kv[][3] = {
	    /* key, value, what the message says is expected and why */
	    {"source", "ftp://example.org/jobs", "a folder, a file"},
	    {"source", "greenhouse:", "greenhouse:BOARD"},
	    {"logo", "/nonexistent/logo.png",
	     "a readable PNG or JPEG file, not "
	     "'/nonexistent/logo.png' (No such file"},
	    {"logo", "/", "a readable PNG or JPEG file, not '/' (is a folder)"},
	    {"font", "/nonexistent/font.ttf", "a font family name or a readable font file"},
	    {"ca_file", "/nonexistent.pem", "a readable PEM file"},
	    {"ca_file", "/dev/null", "(not a regular file)"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(kv); i++) {
		config c;
		config_init(&c);
		jk_err err = {0};
		char want[128];
		assert_int_equal(config_set(&c, kv[i][0], kv[i][1], "x.conf:7", &err), 0);
		source_list l = {0};
		if (app_settings_check(&c, &l, &err) != JK_EARG)
			fail_msg("%s = '%s' passed the check", kv[i][0], kv[i][1]);
		snprintf(want, sizeof want, "x.conf:7: key '%s': expected ", kv[i][0]);
		assert_ptr_equal(strstr(err.msg, want), err.msg);
		assert_contains(err.msg, kv[i][2]);
		assert_int_equal(l.n, 0);
		config_free(&c);
	}
	/* Good values pass and give the sources in order; a font family is
	 * fontconfig's to match. */
	config c;
	jk_err err = {0};
	config_init(&c);
	const char *logo = write_file("logo.png", "\x89PNG\r\n", 6);
	assert_int_equal(config_set(&c, "logo", logo, "a.conf:1", &err), 0);
	assert_int_equal(config_set(&c, "font", "DejaVu Sans", "a.conf:2", &err), 0);
	assert_int_equal(config_set(&c, "source", "greenhouse:acme", "a.conf:3", &err), 0);
	assert_int_equal(config_set(&c, "source", "samples/", "a.conf:4", &err), 0);
	source_list l = {0};
	assert_int_equal(app_settings_check(&c, &l, &err), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].kind, SOURCE_GREENHOUSE);
	assert_int_equal(l.v[1].kind, SOURCE_PATH);
	sources_free(&l);
	assert_int_equal(app_settings_check(&c, NULL, &err), 0);
	/* Two bad values: the one set first is named, as a parse stopping at
	 * the first bad line would, also when a later value replaced it. */
	assert_int_equal(config_set(&c, "ca_file", "/nonexistent.pem", "a.conf:5", &err), 0);
	assert_int_equal(config_set(&c, "source", "ftp://x", "a.conf:6", &err), 0);
	assert_int_equal(config_set(&c, "ca_file", "", "a.conf:7", &err), 0);
	char *args[] = {"samples/"};
	assert_int_equal(config_set_sources(&c, args, 1, &err), 0);
	assert_int_equal(app_settings_check(&c, NULL, &err), JK_EARG);
	assert_ptr_equal(strstr(err.msg, "a.conf:5: key 'ca_file'"), err.msg);
	assert_int_equal(c.nchecks, 6);
	assert_string_equal(c.checks[5].origin, "command line");
	config_free(&c);
}

static void test_file_then_command_line(void **state)
{
	(void)state;
	const char *text = "# booth\n"
	                   "[display]\n"
	                   "slide_seconds = 20\n"
	                   "rotate: 90\n"
	                   "  transition = cut\n"
	                   "source = samples/\n"
	                   "source = lever:acme\n"
	                   "header = Booth 12 ; the rest is a comment\n"
	                   "; comment\n"
	                   "\n"
	                   "[postings]\n"
	                   "filter-tag = ml\n";
	const char *path = write_file("k.conf", text, strlen(text));
	config c;
	jk_err err = {0};
	config_init(&c);
	assert_int_equal(config_load_file(&c, path, &err), 0);
	assert_string_equal(c.path, path);
	assert_true(c.slide_seconds == 20);
	assert_int_equal(c.rotate, 90);
	assert_true(c.cut);
	assert_int_equal(c.nsources, 2);
	assert_string_equal(c.header, "Booth 12");
	assert_string_equal(c.deck.tags.v[0], "ml");

	/* The command line on top: it wins, and its SOURCEs replace the file's. */
	assert_int_equal(config_set(&c, "slide-seconds", "5", "--slide-seconds", &err), 0);
	assert_true(c.slide_seconds == 5);
	char *args[] = {"greenhouse:other", "/media/usb/postings"};
	assert_int_equal(config_set_sources(&c, args, 2, &err), 0);
	assert_int_equal(c.nsources, 2);
	assert_string_equal(c.sources[0], "greenhouse:other");
	/* A bad SOURCE is taken as written; the check after parsing names it
	 * and where it came from. */
	char *bad[] = {"samples/", "ftp://x.example/"};
	assert_int_equal(config_set_sources(&c, bad, 2, &err), 0);
	assert_int_equal(app_settings_check(&c, NULL, &err), JK_EARG);
	assert_ptr_equal(strstr(err.msg, "command line: key 'source': expected a folder"), err.msg);
	assert_contains(err.msg, "not 'ftp://x.example/' (only http and https");
	assert_int_equal(config_set_sources(&c, args, 2, &err), 0);
	assert_int_equal(c.nsources, 2);
	assert_string_equal(c.sources[1], "/media/usb/postings");
	char *many[300];
	for (int i = 0; i < 300; i++)
		many[i] = "samples/";
	assert_int_equal(config_set_sources(&c, many, 300, &err), JK_ETOOBIG);
	assert_contains(err.msg, "at most 256 sources");
	char *odd[] = {"samples/\nrotate = 90", "a ; b"};
	assert_int_equal(config_set_sources(&c, odd, 1, &err), JK_EARG);
	assert_contains(err.msg, "(control character)");
	assert_int_equal(config_set_sources(&c, odd + 1, 1, &err), JK_EARG);
	assert_int_equal(c.nsources, 2);
	assert_int_equal(config_set_sources(&c, NULL, 0, &err), 0);
	assert_int_equal(c.nsources, 0);
	/* Loading a file again replaces the path. */
	assert_int_equal(config_load_file(&c, path, &err), 0);
	config_free(&c);
}

static void test_round_trip(void **state)
{
	(void)state;
	const char *logo = write_file("logo.jpg", "\xFF\xD8\xFF", 3);
	char text[2048];
	snprintf(text, sizeof text,
	         "source = samples/\n"
	         "source = https://jobs.example.org/feed.xml?tag=a&b=c\n"
	         "source = greenhouse:acme\n"
	         "slide_seconds = 1.0000001\n"
	         "transition = cut\n"
	         "rotate = 180\n"
	         "fullscreen = no\n"
	         "resolution = 1366x768\n"
	         "size = 1080x1920\n"
	         "accent_color = #123456\n"
	         "theme = light\n"
	         "text_color = #222222\n"
	         "header = \xE5\x90\x88\xE5\x90\x8C Booth 12 \xC2\xB7 We're hiring #1; yes\n"
	         "logo = %s\n"
	         "font = /usr/share/fonts/x.ttf\n"
	         "fallback_fonts = A, B\n"
	         "clock = yes\n"
	         "language = pt-BR\n"
	         "burn_in_shift = 32\n"
	         "burn_in_minutes = 1\n"
	         "order = shuffle\n"
	         "filter_tag = ml\n"
	         "filter_employment = full-time, intern\n"
	         "filter_keyword = c\n"
	         "hide_expired = no\n"
	         "default_apply = https://example.org/apply?x=1;y=2\n"
	         "cache_dir = /tmp/c d\n"
	         "refresh_minutes = 2\n"
	         "schedule = weekdays 07:30-19:00\n"
	         "schedule = fri-mon 18:00-02:00\n"
	         "display_on_command = echo 'on 0' | cec-client -s -d 1\n"
	         "display_off_command = vcgencmd display_power 0\n"
	         "verbose = yes\n",
	         logo);
	/* The font path must exist: take one the tests can read. */
	const char *font = write_file("x.ttf", "\0\1\0\0", 4);
	char *p = strstr(text, "/usr/share/fonts/x.ttf");
	char rest[2048];
	snprintf(rest, sizeof rest, "%s", p + strlen("/usr/share/fonts/x.ttf"));
	snprintf(p, sizeof text - (size_t)(p - text), "%s%s", font, rest);

	config a, b;
	jk_err err = {0};
	if (parse(&a, text, &err))
		fail_msg("%s", err.msg);
	char *one = printed(&a);
	if (parse(&b, one, &err))
		fail_msg("%s\n%s", err.msg, one);
	char *two = printed(&b);
	assert_string_equal(one, two);
	assert_true(b.slide_seconds == 1.0000001);
	assert_int_equal(b.theme.accent, layout_theme_light().accent);
	assert_int_equal(b.theme.fg, 0x222222);
	assert_int_equal(b.schedule.n, 2);
	assert_int_equal(b.schedule.rules[1].days, a.schedule.rules[1].days);
	assert_string_equal(b.default_apply, "https://example.org/apply?x=1;y=2");
	assert_string_equal(b.cache_dir, "/tmp/c d");
	assert_string_equal(b.language, "pt"); /* the words table's tag */
	assert_contains(one, "\nlanguage = pt\n");
	assert_int_equal(b.deck.employment.n, 2);
	assert_contains(one, "\nsource = greenhouse:acme\n");
	assert_contains(one, "\nfilter_employment = intern\n");
	free(one), free(two);
	config_free(&a);
	config_free(&b);

	/* Defaults print every key; unset ones as comments; and read back. */
	config_init(&a);
	one = printed(&a);
	for (const config_key_info *k = config_key_table; k->name; k++) {
		char line[64];
		snprintf(line, sizeof line, "\n%s = ", k->name);
		if (!strstr(one, line)) {
			snprintf(line, sizeof line, "\n# %s =\n", k->name);
			assert_contains(one, line);
		}
	}
	assert_int_equal(parse(&b, one, &err), 0);
	two = printed(&b);
	assert_string_equal(one, two);
	free(one), free(two);
	config_free(&a);
	config_free(&b);
}

static void test_syntax(void **state)
{
	(void)state;
	config c;
	jk_err err = {0};
	assert_int_equal(parse(&c, "rotate = 90\n\nthis is not a setting\nrotate = 180\n", &err),
	                 JK_EARG);
	assert_string_equal(err.msg,
	                    "t.conf:3: expected 'key = value', not 'this is not a setting'");
	assert_int_equal(c.rotate, 90); /* stopped at the bad line */
	config_free(&c);

	assert_int_equal(parse(&c, "[display\nrotate = 90\n", &err), JK_EARG);
	assert_string_equal(err.msg, "t.conf:1: expected '[section]', not '[display'");
	config_free(&c);

	assert_int_equal(parse(&c, "https://jobs.example.org/feed.xml\n", &err), JK_EARG);
	assert_contains(err.msg, "t.conf:1: expected 'key = value'");
	config_free(&c);

	assert_int_equal(parse(&c, "= 5\n", &err), JK_EARG);
	assert_contains(err.msg, "t.conf:1: expected 'key = value', not '= 5'");
	config_free(&c);

	assert_int_equal(parse(&c, "# ok\nslide_secs = 4\n", &err), JK_EARG);
	assert_string_equal(err.msg, "t.conf:2: unknown key 'slide_secs' (did you mean "
	                             "'slide_seconds'?)");
	config_free(&c);

	assert_int_equal(parse(&c, "rotate = 90\nrotate = 91\n", &err), JK_EARG);
	assert_contains(err.msg, "t.conf:2: key 'rotate': expected 0, 90, 180 or 270, not '91'");
	config_free(&c);

	/* A ';' right after '=' is text; after a blank it starts a comment,
	 * and config_print keeps the difference. */
	assert_int_equal(parse(&c, "header = ;comment\ndisplay_on_command =;x\n", &err), 0);
	assert_null(c.header);
	assert_string_equal(c.display_on_command, ";x");
	char *out = printed(&c);
	assert_contains(out, "\ndisplay_on_command =;x\n");
	config_free(&c);
	assert_int_equal(parse(&c, out, &err), 0);
	assert_string_equal(c.display_on_command, ";x");
	free(out);
	config_free(&c);

	/* An indented line is a line of its own, not a continuation. */
	assert_int_equal(parse(&c, "source = samples/\n    slide_seconds = 30\n", &err), 0);
	assert_int_equal(c.nsources, 1);
	assert_true(c.slide_seconds == 30);
	config_free(&c);

	/* Lines longer than inih's own buffer still read whole. */
	char line[4200];
	int n = snprintf(line, sizeof line, "display_off_command = echo ");
	memset(line + n, 'o', 4000 - (size_t)n);
	snprintf(line + 4000, sizeof line - 4000, " ; a comment\nrotate = 90\n");
	assert_int_equal(parse(&c, line, &err), 0);
	assert_int_equal(strlen(c.display_off_command), 4000 - strlen("display_off_command = "));
	assert_int_equal(c.rotate, 90);
	config_free(&c);
	memset(line, ' ', 300);
	snprintf(line + 300, sizeof line - 300, "rotate = 90 ; %0300d\n# %0300d\n[%0300d]\n", 0, 0,
	         0);
	assert_int_equal(parse(&c, line, &err), 0);
	assert_int_equal(c.rotate, 90);
	config_free(&c);
	memset(line, 'k', 400);
	snprintf(line + 400, sizeof line - 400, " = 1\n");
	assert_int_equal(parse(&c, line, &err), JK_EARG);
	assert_contains(err.msg, "t.conf:1: unknown key 'kkkk");
	config_free(&c);
	memset(line, 'w', 400);
	snprintf(line + 400, sizeof line - 400, " no equals sign\n");
	assert_int_equal(parse(&c, line, &err), JK_EARG);
	assert_contains(err.msg, "t.conf:1: expected 'key = value', not 'wwww");
	config_free(&c);
}

static void test_hostile_files(void **state)
{
	(void)state;
	config c;
	jk_err err = {0};
	const char *path;

	/* Nothing at all, and no name. */
	config_init(&c);
	assert_int_equal(config_parse_buffer(&c, NULL, NULL, 0, &err), 0);
	config_free(&c);

	/* Empty: every default. */
	path = write_file("empty.conf", "", 0);
	config_init(&c);
	assert_int_equal(config_load_file(&c, path, &err), 0);
	assert_true(c.slide_seconds == 12);
	config_free(&c);

	/* 1 MiB + 1 byte of comments. */
	size_t big = (1u << 20) + 1;
	char *data = malloc(big);
	assert_non_null(data);
	for (size_t i = 0; i < big; i++)
		data[i] = i % 64 == 63 ? '\n' : '#';
	path = write_file("big.conf", data, big);
	config_init(&c);
	assert_int_equal(config_load_file(&c, path, &err), JK_ETOOBIG);
	assert_contains(err.msg, "big.conf: larger than 1 MiB");
	assert_int_equal(config_parse_buffer(&c, "buf", data, big, &err), JK_ETOOBIG);
	/* Exactly 1 MiB is fine. */
	assert_int_equal(config_parse_buffer(&c, "buf", data, big - 1, &err), 0);
	config_free(&c);

	/* A 5000-byte line. */
	memset(data, 'a', 6000);
	memcpy(data, "rotate = 90\nheader = ", 21);
	data[5021] = '\n';
	path = write_file("long.conf", data, 5022);
	config_init(&c);
	assert_int_equal(config_load_file(&c, path, &err), JK_ETOOBIG);
	assert_contains(err.msg, "long.conf:2: line longer than 4096 bytes");
	assert_int_equal(c.rotate, 0); /* refused before any line was applied */
	config_free(&c);

	/* NUL bytes, invalid UTF-8, control characters, naming the line. */
	config_init(&c);
	assert_int_equal(
	    config_parse_buffer(&c, "n.conf", LIT("rotate = 90\nheader = a\0b\n"), &err),
	    JK_EBINARY);
	assert_string_equal(err.msg, "n.conf:2: NUL byte: not a text file");
	assert_int_equal(config_parse_buffer(&c, "u.conf", LIT("# ok\n\nheader = caf\xe9\n"), &err),
	                 JK_EBINARY);
	assert_contains(err.msg, "u.conf:3: invalid UTF-8");
	assert_int_equal(config_parse_buffer(&c, "u.conf", LIT("header = \xE2\x82"), &err),
	                 JK_EBINARY);
	assert_contains(err.msg, "u.conf:1: invalid UTF-8");
	assert_int_equal(config_parse_buffer(&c, "c.conf", LIT("header = a\x1b[2Jb\n"), &err),
	                 JK_EBINARY);
	assert_contains(err.msg, "c.conf:1: control character 0x1B");
	assert_int_equal(config_parse_buffer(&c, "r.conf", LIT("rotate = 90\rclock = yes\n"), &err),
	                 JK_EBINARY);
	assert_int_equal(c.rotate, 0);
	config_free(&c);

	/* A BOM and CRLF line ends are what Notepad writes: fine. */
	const char *win = "\xEF\xBB\xBFrotate = 90\r\n[x]\r\nheader = Booth\r\nclock = yes";
	config_init(&c);
	assert_int_equal(config_parse_buffer(&c, "w.conf", win, strlen(win), &err), 0);
	assert_int_equal(c.rotate, 90);
	assert_string_equal(c.header, "Booth");
	assert_true(c.clock);
	config_free(&c);

	/* Paths that are not readable files. */
	config_init(&c);
	assert_int_equal(config_load_file(&c, tmp, &err), JK_EIO);
	assert_contains(err.msg, ": cannot read: is a folder");
	assert_null(c.path);
	char missing[256];
	snprintf(missing, sizeof missing, "%s/missing.conf", tmp);
	assert_int_equal(config_load_file(&c, missing, &err), JK_EIO);
	assert_contains(err.msg, "missing.conf: cannot read: No such file or directory");
	char notdir[300];
	snprintf(notdir, sizeof notdir, "%s/x/y.conf", write_file("x", "a", 1));
	assert_int_equal(config_load_file(&c, notdir, &err), JK_EIO);
	assert_contains(err.msg, "cannot read: Not a directory");
	assert_int_equal(config_load_file(&c, "/dev/null", &err), JK_EIO);
	assert_contains(err.msg, "/dev/null: cannot read: not a regular file");
	path = write_file("secret.conf", "rotate = 90\n", 12);
	chmod(path, 0);
	if (geteuid() != 0) { /* root reads it anyway */
		assert_int_equal(config_load_file(&c, path, &err), JK_EIO);
		assert_contains(err.msg, "secret.conf: cannot read: Permission denied");
	}
	config_free(&c);

	/* Binary garbage: refused, never a crash. */
	uint32_t x = 12345;
	for (int round = 0; round < 50; round++) {
		size_t len = 1 + (size_t)round * 97;
		for (size_t i = 0; i < len; i++) {
			x = x * 1103515245u + 12345u;
			data[i] = (char)(x >> 16);
		}
		config_init(&c);
		int r = config_parse_buffer(&c, "g.conf", data, len, &err);
		assert_true(r == JK_EBINARY || r == JK_EARG || r == 0);
		if (r)
			assert_ptr_equal(strstr(err.msg, "g.conf:"), err.msg);
		config_free(&c);
	}
	/* Printable garbage gets as far as the line parser. */
	for (int round = 0; round < 50; round++) {
		size_t len = 1 + (size_t)round * 131;
		for (size_t i = 0; i < len; i++) {
			x = x * 1103515245u + 12345u;
			data[i] = " =:;#[]\nab-_1\t"[(x >> 16) % 14];
		}
		config_init(&c);
		int r = config_parse_buffer(&c, "p.conf", data, len, &err);
		if (r)
			assert_ptr_equal(strstr(err.msg, "p.conf:"), err.msg);
		config_free(&c);
	}
	free(data);
}

static void test_caps(void **state)
{
	(void)state;
	config c;
	jk_err err = {0};
	jk_buf b = {0};
	for (int i = 0; i < 10000; i++)
		assert_int_equal(jk_buf_printf(&b, "source = samples/%d\n", i), 0);
	config_init(&c);
	assert_int_equal(config_parse_buffer(&c, "s.conf", b.data, b.len, &err), JK_ETOOBIG);
	assert_string_equal(err.msg, "s.conf:257: key 'source': at most 256 sources");
	config_free(&c);
	jk_buf_free(&b);

	for (int i = 0; i < 33; i++)
		assert_int_equal(
		    jk_buf_printf(&b, "schedule = daily %02d:00-%02d:30\n", i % 24, i % 24), 0);
	config_init(&c);
	assert_int_equal(config_parse_buffer(&c, "s.conf", b.data, b.len, &err), JK_ETOOBIG);
	assert_string_equal(err.msg, "s.conf:33: key 'schedule': at most 32 rules");
	assert_int_equal(c.schedule.n, 32);
	config_free(&c);
	jk_buf_free(&b);

	config_init(&c);
	for (int i = 0; i < 64; i++)
		assert_int_equal(config_set(&c, "filter_tag", "t", "t", &err), 0);
	assert_int_equal(config_set(&c, "filter_tag", "one, more", "x:9", &err), JK_ETOOBIG);
	assert_string_equal(err.msg, "x:9: key 'filter_tag': at most 64 words");
	assert_int_equal(c.deck.tags.n, 64);
	config_free(&c);
}

/* True when line (up to its newline) is "# KEY =..." for a known key. */
static bool is_default_line(const char *line)
{
	for (const config_key_info *k = config_key_table; k->name; k++) {
		size_t n = strlen(k->name);
		if (!strncmp(line, "# ", 2) && !strncmp(line + 2, k->name, n) &&
		    !strncmp(line + 2 + n, " =", 2))
			return true;
	}
	return false;
}

static void test_example_file(void **state)
{
	(void)state;
	config c;
	jk_err err = {0};
	const char *path = tu_root("jobkiosk.conf.example");
	config_init(&c);
	if (config_load_file(&c, path, &err))
		fail_msg("%s", err.msg);
	config_free(&c);

	/* Every key is there with its default, commented out. */
	size_t len;
	char *text = tu_read(path, &len);
	for (const config_key_info *k = config_key_table; k->name; k++) {
		char want[80];
		snprintf(want, sizeof want, "\n# %s =%s%s\n", k->name, *k->def ? " " : "", k->def);
		if (!strstr(text, want))
			fail_msg("jobkiosk.conf.example lacks '%s'", want + 1);
	}
	/* Uncommented, the defaults read back as the defaults. */
	jk_buf b = {0};
	for (char *line = text; *line;) {
		char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
		size_t skip = is_default_line(line) ? 2 : 0;
		assert_int_equal(jk_buf_append(&b, line + skip, n - skip), 0);
		line += n;
	}
	config d;
	config_init(&c);
	config_init(&d);
	if (config_parse_buffer(&c, "uncommented", b.data, b.len, &err))
		fail_msg("%s", err.msg);
	char *one = printed(&c), *two = printed(&d);
	assert_string_equal(one, two);
	free(one), free(two);
	config_free(&c);
	config_free(&d);
	jk_buf_free(&b);
	free(text);
}

static void test_find_default(void **state)
{
	(void)state;
	char out[512], want[512], dir[300];
	char *old_xdg = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	bool etc = access("/etc/jobkiosk/jobkiosk.conf", F_OK) == 0;

	snprintf(dir, sizeof dir, "%s/xdg", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(dir, sizeof dir, "%s/xdg/jobkiosk", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(want, sizeof want, "%s/jobkiosk.conf", dir);
	write_file("xdg/jobkiosk/jobkiosk.conf", "", 0);
	snprintf(dir, sizeof dir, "%s/xdg", tmp);
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_true(config_find_default(out, sizeof out));
	assert_string_equal(out, want);
	/* Too small a buffer: not a truncated path. */
	char tiny[8];
	bool found = config_find_default(tiny, sizeof tiny);
	assert_true(!found || !strcmp(tiny, "") || etc);

	/* No XDG_CONFIG_HOME: ~/.config. */
	unsetenv("XDG_CONFIG_HOME");
	snprintf(dir, sizeof dir, "%s/home", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	setenv("HOME", dir, 1);
	snprintf(dir, sizeof dir, "%s/home/.config", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(dir, sizeof dir, "%s/home/.config/jobkiosk", tmp);
	assert_int_equal(mkdir(dir, 0700), 0);
	write_file("home/.config/jobkiosk/jobkiosk.conf", "", 0);
	snprintf(want, sizeof want, "%s/jobkiosk.conf", dir);
	assert_true(config_find_default(out, sizeof out));
	assert_string_equal(out, want);

	/* Neither: /etc or nothing. */
	snprintf(dir, sizeof dir, "%s/nohome", tmp);
	setenv("HOME", dir, 1);
	setenv("XDG_CONFIG_HOME", "relative/ignored", 1);
	if (etc) {
		assert_true(config_find_default(out, sizeof out));
		assert_string_equal(out, "/etc/jobkiosk/jobkiosk.conf");
	} else {
		assert_false(config_find_default(out, sizeof out));
	}

	if (old_xdg)
		setenv("XDG_CONFIG_HOME", old_xdg, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	if (old_home)
		setenv("HOME", old_home, 1);
	free(old_xdg), free(old_home);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_every_key_valid, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_every_key_invalid, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_messages, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_checked_after_parsing, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_file_then_command_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_syntax, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_hostile_files, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_caps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_example_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_find_default, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
