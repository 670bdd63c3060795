/* test_badges.c — the badges of a posting's slides: which ones the dates
 * give on the local date (the 7- and 21-day edges, midnight, time zones),
 * none while the clock is not trusted, hostile dates; the pills laid out
 * under the meta line (left to right and right to left) passing
 * layout_check; drawn with real fonts, readable in both themes; and the
 * --render action drawing them. */
#include "testutil.h"

#include "deck.h"
#include "layout.h"
#include "render.h"
#include "text.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Local noon of y-m-d (plus sec seconds), in the process's time zone. */
static time_t local_at(int y, int m, int d, int hh, int mm, int ss)
{
	struct tm tm = {.tm_year = y - 1900,
	                .tm_mon = m - 1,
	                .tm_mday = d,
	                .tm_hour = hh,
	                .tm_min = mm,
	                .tm_sec = ss,
	                .tm_isdst = -1};
	return mktime(&tm);
}

/* The local date of t moved by days, as YYYY-MM-DD. */
static void day_str(time_t t, int days, char out[16])
{
	struct tm tm;
	assert_non_null(localtime_r(&t, &tm));
	tm.tm_mday += days;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	time_t u = mktime(&tm);
	assert_non_null(localtime_r(&u, &tm));
	assert_int_equal(strftime(out, 16, "%Y-%m-%d", &tm), 10);
}

static posting *dated(time_t now, int posted, int expires)
{
	posting *p = posting_new();
	assert_non_null(p);
	char b[16];
	if (posted != INT32_MIN) {
		day_str(now, posted, b);
		posting_set(&p->posted, b, (size_t)-1);
	}
	if (expires != INT32_MIN) {
		day_str(now, expires, b);
		posting_set(&p->expires, b, (size_t)-1);
	}
	return p;
}

/* The badges' texts joined with " | ". */
static const char *badges_of(const posting *p, const char *lang, time_t now, bool trusted)
{
	static char out[512];
	layout_badge b[LAYOUT_BADGES_MAX];
	size_t n = layout_badges(p, lang, now, trusted, b);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " | " : "",
		         b[i].text);
	return out;
}

static void test_edges(void **state)
{
	(void)state;
	time_t now = local_at(2026, 1, 12, 10, 0, 0);
	static const struct {
		int posted, expires;
		const char *want;
	} c[] = {
	    {0, INT32_MIN, "New"},
	    {-6, INT32_MIN, "New"},
	    {-7, INT32_MIN, ""},
	    {-8, INT32_MIN, ""},
	    {1, INT32_MIN, ""}, /* posted tomorrow: not new */
	    {INT32_MIN, 0, "Closes today"},
	    {INT32_MIN, -1, ""}, /* expired yesterday */
	    {INT32_MIN, 1, "Apply by 13 Jan"},
	    {INT32_MIN, 20, "Apply by 1 Feb"},
	    {INT32_MIN, 21, "Apply by 2 Feb"},
	    {INT32_MIN, 22, ""},
	    {-2, 10, "New | Apply by 22 Jan"},
	    {-6, 0, "New | Closes today"},
	    {INT32_MIN, INT32_MIN, ""},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(c); i++) {
		posting *p = dated(now, c[i].posted, c[i].expires);
		const char *got = badges_of(p, "en", now, true);
		if (strcmp(got, c[i].want))
			fail_msg("posted %d, expires %d: \"%s\", wanted \"%s\"", c[i].posted,
			         c[i].expires, got, c[i].want);
		/* The clock guard: nothing while the clock is not trusted. */
		assert_string_equal(badges_of(p, "en", now, false), "");
		assert_string_equal(badges_of(p, "en", 0, true), "");
		posting_free(p);
	}
	assert_string_equal(badges_of(NULL, "en", now, true), "");
}

static void test_languages(void **state)
{
	(void)state;
	time_t now = local_at(2026, 1, 12, 10, 0, 0);
	posting *p = dated(now, -2, 10);
	assert_string_equal(badges_of(p, "de", now, true), "Neu | Bewerbung bis 22. Jan.");
	assert_string_equal(badges_of(p, "ja", now, true), "新着 | 応募締切：1月22日");
	assert_string_equal(badges_of(p, "ar", now, true), "جديدة | التقديم حتى ٢٢ يناير");
	assert_string_equal(badges_of(p, NULL, now, true), "New | Apply by 22 Jan");
	assert_string_equal(badges_of(p, "xx-hostile<>", now, true), "New | Apply by 22 Jan");
	layout_badge b[LAYOUT_BADGES_MAX];
	assert_int_equal(layout_badges(p, "en", now, true, b), 2);
	assert_int_equal(b[0].kind, LAYOUT_BADGE_NEW);
	assert_int_equal(b[1].kind, LAYOUT_BADGE_APPLY_BY);
	posting_free(p);
}

/* Days are local calendar days: midnight and the time zone decide. */
static void test_local_days(void **state)
{
	(void)state;
	char *tz = getenv("TZ") ? jk_strndup(getenv("TZ"), (size_t)-1) : NULL;
	posting *p = posting_new();
	posting_set(&p->expires, "2026-01-12", (size_t)-1);
	posting_set(&p->posted, "2026-01-05", (size_t)-1);
	/* The last second of the 11th and the first of the 12th. */
	setenv("TZ", "UTC0", 1);
	tzset();
	/* posted the 5th: new through the 11th, not on the 12th. */
	assert_string_equal(badges_of(p, "en", local_at(2026, 1, 11, 23, 59, 59), true),
	                    "New | Apply by 12 Jan");
	assert_string_equal(badges_of(p, "en", local_at(2026, 1, 12, 0, 0, 0), true),
	                    "Closes today");
	/* 20:00 UTC on the 11th is already the 12th in Tokyo. */
	time_t t = 1768161600; /* 2026-01-11T20:00:00Z */
	assert_string_equal(badges_of(p, "en", t, true), "New | Apply by 12 Jan");
	setenv("TZ", "JST-9", 1);
	tzset();
	assert_string_equal(badges_of(p, "en", t, true), "Closes today");
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
	free(tz);
	posting_free(p);
}

static void test_hostile_dates(void **state)
{
	(void)state;
	time_t now = local_at(2026, 2, 20, 10, 0, 0);
	char huge[4096];
	memset(huge, '9', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	const char *bad[] = {"2026-02-30",
	                     "2026-13-01",
	                     "2026-00-10",
	                     "99999-01-01",
	                     "2026-2-25",
	                     "2026-02-25T00:00:00Z",
	                     "",
	                     "<script>",
	                     "２０２６-02-25",
	                     "2026-02-25\n",
	                     "0000-00-00",
	                     "2026/02/25",
	                     "-026-02-25",
	                     huge,
	                     "2026-02-25\xFF",
	                     "%s%s%n"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		posting p = {.posted = (char *)bad[i], .expires = (char *)bad[i]};
		assert_string_equal(badges_of(&p, "en", now, true), "");
	}
	/* Real dates far away: none, and no overflow. */
	posting far = {.posted = "0001-01-01", .expires = "9999-12-31"};
	assert_string_equal(badges_of(&far, "en", now, true), "");
	/* A clock far in the future or the past. */
	posting p = {.posted = "2026-02-19", .expires = "2026-02-25"};
	assert_string_equal(badges_of(&p, "en", (time_t)253402300799LL, true), "");
	assert_string_equal(badges_of(&p, "en", (time_t)-1, true), "");
	/* 29 February only in a leap year. */
	posting leap = {.expires = "2028-02-29"};
	assert_string_equal(badges_of(&leap, "en", local_at(2028, 2, 20, 9, 0, 0), true),
	                    "Apply by 29 Feb");
}

/* ---- layout ------------------------------------------------------------- */

/* Every code point is 0.55 em wide (bold 0.6 em), CJK 1 em. */
static int fake_width(void *ud, const char *s, size_t n, int px, unsigned style)
{
	(void)ud;
	int w = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		i += jk_utf8_decode(s + i, n - i, &cp);
		w += cp >= 0x2E80 ? px : (style & POSTING_BOLD) ? px * 60 / 100 : px * 55 / 100;
	}
	return w;
}

static int fake_height(void *ud, int px)
{
	(void)ud;
	return px * 12 / 10;
}

static layout_theme theme;

static layout_params params(int w, int h, time_t now, bool trusted)
{
	theme = layout_theme_default();
	return (layout_params){.w = w,
	                       .h = h,
	                       .theme = &theme,
	                       .measure = {.width = fake_width, .height = fake_height},
	                       .now = now,
	                       .clock_trusted = trusted};
}

static posting *job(time_t now, const char *lang, const char *title, const char *org,
                    const char *body)
{
	posting *p = dated(now, -2, 10);
	posting_set(&p->title, title, (size_t)-1);
	posting_set(&p->organization, org, (size_t)-1);
	posting_set(&p->location, lang && !strcmp(lang, "ar") ? "دبي" : "Lisbon", (size_t)-1);
	posting_set(&p->apply, "https://jobs.example.com/apply/42", (size_t)-1);
	if (lang)
		posting_set(&p->language, lang, (size_t)-1);
	posting_section *s = posting_add_section(p, NULL);
	for (int i = 0; i < 6; i++)
		posting_block_append(posting_add_block(s, POSTING_PARAGRAPH, 0), body, (size_t)-1,
		                     0);
	assert_int_equal(posting_finish(p, 0), 0);
	return p;
}

/* The box holding exactly text on page pg, NULL when none. */
static const layout_box *text_box(const layout_page *pg, const char *text)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_TEXT && pg->boxes[i].len == strlen(text) &&
		    !memcmp(pg->boxes[i].text, text, pg->boxes[i].len))
			return &pg->boxes[i];
	return NULL;
}

/* The panel under box t. */
static const layout_box *panel_under(const layout_page *pg, const layout_box *t)
{
	for (size_t i = 0; i < pg->n; i++) {
		const layout_box *b = &pg->boxes[i];
		if (b->kind == LAYOUT_PANEL && t->x >= b->x && t->y >= b->y &&
		    t->x + t->w <= b->x + b->w && t->y + t->h <= b->y + b->h && b->h < 200)
			return b;
	}
	return NULL;
}

static void check_doc(const layout_doc *d)
{
	jk_err err = {0};
	if (layout_check(d, &err))
		fail_msg("%s", err.msg);
}

static void test_pills(void **state)
{
	(void)state;
	time_t now = local_at(2026, 1, 12, 10, 0, 0);
	posting *p = job(now, "en", "Systems Engineer", "Northwind Labs",
	                 "You will build reliable systems with a small, kind team.");
	int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {800, 480}};
	for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++) {
		layout_params lp = params(sizes[k][0], sizes[k][1], now, true);
		layout_doc d;
		jk_err err = {0};
		assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
		check_doc(&d);
		const layout_page *pg = &d.pages[0];
		const layout_box *fresh = text_box(pg, "New");
		const layout_box *by = text_box(pg, "Apply by 22 Jan");
		const layout_box *org = text_box(pg, "Northwind Labs  ·  Lisbon");
		const layout_box *title = text_box(pg, "Systems Engineer");
		assert_non_null(fresh);
		assert_non_null(by);
		assert_non_null(org);
		assert_non_null(title);
		/* On their pills, on one line under the meta line, in order. */
		const layout_box *a = panel_under(pg, fresh), *b = panel_under(pg, by);
		assert_non_null(a);
		assert_non_null(b);
		assert_true(a->y >= org->y + org->h);
		assert_int_equal(a->y, b->y);
		assert_int_equal(a->x, title->x);
		assert_true(a->x + a->w < b->x);
		assert_int_equal(a->color, theme.accent);
		assert_int_equal(fresh->color, theme.bg);
		assert_int_equal(by->color, theme.fg);
		assert_true(fresh->px >= layout_body_floor(lp.w, lp.h));
		/* Text centred in its pill's height. */
		assert_int_equal(fresh->y - a->y, a->y + a->h - fresh->y - fresh->h);
		/* Only on the first page. */
		for (size_t i = 1; i < d.npages; i++)
			assert_null(text_box(&d.pages[i], "New"));
		layout_doc_free(&d);
		/* No badges while the clock is not trusted, or without a time. */
		for (int u = 0; u < 2; u++) {
			lp = params(sizes[k][0], sizes[k][1], u ? 0 : now, u ? true : false);
			assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
			check_doc(&d);
			for (size_t i = 0; i < d.npages; i++) {
				assert_null(text_box(&d.pages[i], "New"));
				assert_null(text_box(&d.pages[i], "Apply by 22 Jan"));
			}
			layout_doc_free(&d);
		}
	}
	posting_free(p);
}

/* An Arabic posting: its pills from the right edge, right to left; a
 * Japanese one in its own words and date. */
static void test_rtl_and_cjk(void **state)
{
	(void)state;
	time_t now = local_at(2026, 1, 12, 10, 0, 0);
	posting *ar = job(now, "ar", "مهندس برمجيات أول", "شركة الواحة",
	                  "نبحث عن مهندس برمجيات يحب العمل في فريق صغير.");
	posting *ja = job(now, "ja", "ソフトウェアエンジニア", "北風ラボ",
	                  "小さなチームで信頼できるシステムを作ります。");
	int sizes[][2] = {{1920, 1080}, {1080, 1920}};
	for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++) {
		layout_params lp = params(sizes[k][0], sizes[k][1], now, true);
		layout_doc d;
		jk_err err = {0};
		assert_int_equal(layout_posting(ar, &lp, &d, &err), 0);
		check_doc(&d);
		const layout_page *pg = &d.pages[0];
		const layout_box *fresh = text_box(pg, "جديدة");
		const layout_box *title = text_box(pg, "مهندس برمجيات أول");
		assert_non_null(fresh);
		assert_non_null(title);
		assert_true(fresh->style & LAYOUT_RTL);
		const layout_box *a = panel_under(pg, fresh);
		assert_non_null(a);
		/* The first pill ends where the title ends: the right edge. */
		assert_int_equal(a->x + a->w, title->x + title->w);
		/* The deadline pill to its left. */
		const layout_box *by = NULL;
		for (size_t i = 0; i < pg->n && !by; i++)
			if (pg->boxes[i].kind == LAYOUT_PANEL && pg->boxes[i].y == a->y &&
			    pg->boxes[i].x + pg->boxes[i].w < a->x)
				by = &pg->boxes[i];
		assert_non_null(by);
		layout_doc_free(&d);

		assert_int_equal(layout_posting(ja, &lp, &d, &err), 0);
		check_doc(&d);
		assert_non_null(panel_under(&d.pages[0], text_box(&d.pages[0], "新着")));
		/* 応募締切：1月22日 in runs (the digits are their own script run). */
		bool found = false;
		for (size_t i = 0; i < d.pages[0].n; i++)
			found |= d.pages[0].boxes[i].kind == LAYOUT_TEXT &&
			         d.pages[0].boxes[i].len >= 9 &&
			         !memcmp(d.pages[0].boxes[i].text, "応募締切", 12);
		assert_true(found);
		layout_doc_free(&d);
	}
	posting_free(ar);
	posting_free(ja);
}

/* ---- drawn with real fonts ---------------------------------------------- */

static double lum(uint32_t c)
{
	double v[3];
	for (int i = 0; i < 3; i++) {
		double s = ((c >> (16 - 8 * i)) & 255) / 255.0;
		v[i] = s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double contrast(uint32_t a, uint32_t b)
{
	double x = lum(a), y = lum(b);
	return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

static uint32_t pixel(SDL_Surface *s, int x, int y)
{
	uint32_t v = ((uint32_t *)((uint8_t *)s->pixels + (size_t)y * (size_t)s->pitch))[x];
	uint8_t r, g, b;
	SDL_GetRGB(v, s->format, &r, &g, &b);
	return (uint32_t)r << 16 | (uint32_t)g << 8 | b;
}

static void test_drawn(void **state)
{
	(void)state;
	render_fonts *f;
	jk_err err = {0};
	assert_int_equal(render_fonts_open(&f, &err), 0);
	time_t now = local_at(2026, 1, 12, 10, 0, 0);
	posting *p = job(now, "de", "Systemingenieurin", "Nordwind Labore",
	                 "Sie bauen verlässliche Systeme in einem kleinen Team.");
	layout_theme themes[] = {layout_theme_default(), layout_theme_light()};
	for (size_t t = 0; t < JK_ARRAY_LEN(themes); t++) {
		layout_params lp = {.w = 1920,
		                    .h = 1080,
		                    .theme = &themes[t],
		                    .measure = render_measurer(f),
		                    .now = now,
		                    .clock_trusted = true};
		layout_doc d;
		assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
		check_doc(&d);
		const layout_page *pg = &d.pages[0];
		SDL_Surface *s = render_page(f, &d, 0, &themes[t], 0, &err);
		assert_non_null(s);
		const char *words[] = {"Neu", "Bewerbung bis 22. Jan."};
		for (size_t w = 0; w < JK_ARRAY_LEN(words); w++) {
			const layout_box *tb = text_box(pg, words[w]);
			assert_non_null(tb);
			const layout_box *pb = panel_under(pg, tb);
			assert_non_null(pb);
			/* The pill is drawn (its padding shows its colour) and its
			 * text reads from across the aisle: 4.5:1 at least. */
			assert_int_equal(pixel(s, pb->x + 2, pb->y + 2), pb->color);
			assert_int_equal(pixel(s, pb->x + pb->w - 3, pb->y + pb->h - 3), pb->color);
			assert_true(contrast(pb->color, tb->color) >= 4.5);
			assert_true(contrast(pb->color, themes[t].bg) >= 1.1);
			/* Ink on the pill: some pixel inside the text is not the fill. */
			bool ink = false;
			for (int x = tb->x; x < tb->x + tb->w && !ink; x++)
				ink |= pixel(s, x, tb->y + tb->h / 2) != pb->color;
			assert_true(ink);
		}
		SDL_FreeSurface(s);
		layout_doc_free(&d);
	}
	posting_free(p);
	render_fonts_close(f);
}

/* --render: a posting file with dates relative to today gets its badges
 * (the real clock, the same guard); the slide's pill colour is in the PNG. */
static void test_render_action(void **state)
{
	(void)state;
	char dir[64]; /* tu_run() makes a tmpdir of its own */
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	time_t now = time(NULL);
	char posted[16], expires[16], path[512], cmd[2048];
	day_str(now, -2, posted);
	day_str(now, 10, expires);
	snprintf(path, sizeof path, "%s/job.md", dir);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fprintf(fp,
	        "---\ntitle: Systems Engineer\ncompany: Northwind Labs\nlocation: Lisbon\n"
	        "date: %s\nexpires: %s\napply: https://jobs.example.com/apply/42\n---\n\n"
	        "You will build reliable systems with a small, kind team.\n",
	        posted, expires);
	fclose(fp);
	snprintf(cmd, sizeof cmd, "--no-config --render %s/png --size 1920x1080 %s", dir, path);
	tu_run_result r = tu_run(cmd);
	if (r.status)
		fail_msg("%s", r.err);
	tu_run_free(&r);
	snprintf(path, sizeof path, "%s/png/001-systems-engineer-p1.png", dir);
	SDL_Surface *s = IMG_Load(path);
	assert_non_null(s);
	/* The accent pill "New" is under the title: the accent fills a run of
	 * pixels in the column's start. */
	layout_theme th = layout_theme_default();
	SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_XRGB8888, 0);
	assert_non_null(c);
	size_t accent = 0;
	for (int y = 0; y < c->h / 2; y++)
		for (int x = 0; x < c->w / 2; x++)
			accent += pixel(c, x, y) == th.accent;
	assert_true(accent > 2000); /* the pill, not just the rule under it */
	SDL_FreeSurface(c);
	SDL_FreeSurface(s);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_edges),      cmocka_unit_test(test_languages),
	    cmocka_unit_test(test_local_days), cmocka_unit_test(test_hostile_dates),
	    cmocka_unit_test(test_pills),      cmocka_unit_test(test_rtl_and_cjk),
	    cmocka_unit_test(test_drawn),      cmocka_unit_test(test_render_action),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
