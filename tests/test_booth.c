/* test_booth.c — the booth style: one page per posting that holds its
 * title, meta line, highlights and a code of at least 40% of the shorter
 * side, for every seed and sample at 1920x1080 and 1080x1920 (real fonts,
 * layout_check); the highlights chosen from the duties, else the
 * requirements; the overview's grid and its code to all openings; and the
 * tracked link read back by zbar from the rendered slides scaled as a
 * phone's preview sees them from the aisle (ImageMagick: 25% and a
 * 1-pixel blur in booth style, 33% in the full style). */
#include "deck.h"
#include "layout.h"
#include "render.h"
#include "testutil.h"
#include "text.h"

#include <SDL2/SDL.h>
#include <SDL2/SDL_image.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static render_fonts *fonts;
static layout_theme theme;

static int setup(void **state)
{
	(void)state;
	return tu_fonts_default(&fonts, &theme);
}

static int teardown(void **state)
{
	(void)state;
	render_fonts_close(fonts);
	return 0;
}

static layout_params params(int w, int h, layout_style style)
{
	render_look look = render_look_default();
	look.style = style;
	layout_params lp = {.w = w, .h = h};
	render_layout_look(fonts, &look, &theme, &lp);
	return lp;
}

static const deck_track track = {.source = "booth-12", .campaign = "fall-fair-2026"};

/* Every posting of the seeds and samples, tracked as the kiosk tags them;
 * lists[0, *n) (caller frees each). */
static void load_all(posting_list *lists, size_t cap, size_t *n)
{
	const char *dirs[] = {tu_fixture("seeds"), tu_root("samples")};
	*n = 0;
	for (size_t d = 0; d < JK_ARRAY_LEN(dirs); d++) {
		char dir[1024];
		snprintf(dir, sizeof dir, "%s", dirs[d]);
		DIR *dh = opendir(dir);
		assert_non_null(dh);
		struct dirent *e;
		while ((e = readdir(dh))) {
			if (e->d_name[0] == '.')
				continue;
			assert_true(*n < cap);
			char path[2400];
			snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
			size_t len;
			char *data = tu_read(path, &len);
			jk_err err;
			if (tu_load(data, len, path, &lists[*n], &err, NULL))
				fail_msg("%s: %s", path, err.msg);
			free(data);
			deck_opts o = {.track = track, .hide_expired = false};
			if (deck_apply(&lists[*n], &o, 0, NULL, &err))
				fail_msg("%s", err.msg);
			(*n)++;
		}
		closedir(dh);
	}
	assert_true(*n >= 14);
}

/* All text of page pg joined with spaces. Caller frees. */
static char *page_text(const layout_page *pg)
{
	jk_buf out = {0};
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_TEXT && pg->boxes[i].len) {
			assert_int_equal(jk_buf_append(&out, pg->boxes[i].text, pg->boxes[i].len),
			                 0);
			assert_int_equal(jk_buf_putc(&out, ' '), 0);
		}
	char *s = jk_buf_detach(&out);
	return s ? s : jk_strndup("", 0);
}

static const layout_box *qr_box(const layout_page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_QR)
			return &pg->boxes[i];
	return NULL;
}

/* ---- one page each ---------------------------------------------------------- */

static void check_booth(const posting *p, int w, int h)
{
	layout_params lp = params(w, h, LAYOUT_BOOTH);
	layout_doc d;
	jk_err err = {0};
	if (layout_posting(p, &lp, &d, &err))
		fail_msg("%s", err.msg);
	if (d.npages != 1)
		fail_msg("%s at %dx%d: %zu pages", p->source, w, h, d.npages);
	if (layout_check(&d, &err))
		fail_msg("%s at %dx%d: %s", p->source, w, h, err.msg);
	int S = w < h ? w : h;
	const layout_box *q = qr_box(&d.pages[0]);
	if (p->apply) {
		assert_non_null(q);
		int side = q->qr_modules * q->qr_scale;
		if (side * 10 < S * 4)
			fail_msg("%s at %dx%d: code %d px, under 40%% of %d", p->source, w, h, side,
			         S);
		assert_string_equal(q->text, p->qr_link ? p->qr_link : p->apply);
	}
	/* The title is on the page, whole or cut with "…". */
	char *t = page_text(&d.pages[0]);
	if (p->title && strlen(p->title) < 60) {
		char head[24];
		snprintf(head, sizeof head, "%.12s", p->title);
		if (!strstr(t, head))
			fail_msg("%s: title '%s' not on the page: %s", p->source, p->title, t);
	}
	free(t);
	layout_doc_free(&d);
}

static void test_one_page_each(void **state)
{
	(void)state;
	posting_list lists[64];
	size_t n, total = 0;
	load_all(lists, JK_ARRAY_LEN(lists), &n);
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < lists[i].n; k++) {
			check_booth(lists[i].items[k], 1920, 1080);
			check_booth(lists[i].items[k], 1080, 1920);
			total++;
		}
		posting_list_free(&lists[i]);
	}
	printf("%zu postings, one page each at 1920x1080 and 1080x1920\n", total);
	assert_true(total >= 20);
}

/* ---- the highlights --------------------------------------------------------- */

static posting *make_posting(posting_list *l)
{
	posting_list_init(l);
	posting *p = posting_new();
	assert_non_null(p);
	posting_set(&p->title, "Field Engineer", (size_t)-1);
	posting_set(&p->organization, "Osprey Ridge", (size_t)-1);
	posting_set(&p->apply, "https://jobs.example.org/field-engineer", (size_t)-1);
	posting_finish(p, 0);
	assert_int_equal(posting_list_push(l, p), 0);
	return p;
}

static void add_block(posting_section *s, posting_block_kind k, const char *text, bool boiler)
{
	posting_block *b = posting_add_block(s, k, k == POSTING_NUMBERED ? 1 : 0);
	assert_non_null(b);
	assert_int_equal(posting_block_append(b, text, (size_t)-1, 0), 0);
	b->boilerplate = boiler;
}

static char *booth_text(const posting *p, int w, int h)
{
	layout_params lp = params(w, h, LAYOUT_BOOTH);
	layout_doc d;
	jk_err err = {0};
	if (layout_posting(p, &lp, &d, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(d.npages, 1);
	if (layout_check(&d, &err))
		fail_msg("%s", err.msg);
	char *t = page_text(&d.pages[0]);
	layout_doc_free(&d);
	return t;
}

static void test_highlights(void **state)
{
	(void)state;
	posting_list l;
	posting *p = make_posting(&l);
	posting_section *intro = posting_add_section(p, NULL);
	add_block(intro, POSTING_PARAGRAPH,
	          "Osprey Ridge runs the valley's radio telescope. We observe every clear night. "
	          "Visitors come on Sundays.",
	          false);
	posting_section *req = posting_add_section(p, "Requirements");
	req->role = POSTING_ROLE_REQUIREMENTS;
	add_block(req, POSTING_BULLET, "A driving licence", false);
	posting_section *duty = posting_add_section(p, "What you will do");
	duty->role = POSTING_ROLE_DUTIES;
	add_block(duty, POSTING_PARAGRAPH, "In this role you will:", false);
	for (int i = 1; i <= 7; i++) {
		char b[64];
		snprintf(b, sizeof b, "Duty number %d", i);
		add_block(duty, POSTING_NUMBERED, b, false);
	}
	posting_section *eeo = posting_add_section(p, "Equal opportunity");
	add_block(eeo, POSTING_PARAGRAPH, "We are an equal opportunity employer.", true);

	char *t = booth_text(p, 1920, 1080);
	/* The lead: no duties paragraph says more than a lead-in, so the
	 * posting's first, cut after two sentences. */
	assert_non_null(strstr(t, "telescope."));
	assert_non_null(strstr(t, "night."));
	assert_null(strstr(t, "Sundays"));
	assert_null(strstr(t, "In this role"));
	/* The first five duties, not the requirements or the notice. */
	for (int i = 1; i <= 5; i++) {
		char b[64];
		snprintf(b, sizeof b, "Duty number %d", i);
		if (!strstr(t, b))
			fail_msg("'%s' missing: %s", b, t);
	}
	assert_null(strstr(t, "number 6"));
	assert_null(strstr(t, "driving"));
	assert_null(strstr(t, "equal opportunity"));
	/* Items read as bullets: no "1." markers. */
	assert_null(strstr(t, "1. "));
	free(t);

	/* Without duties: the requirements. */
	duty->role = POSTING_ROLE_NONE;
	t = booth_text(p, 1080, 1920);
	assert_non_null(strstr(t, "driving licence"));
	assert_null(strstr(t, "Duty number"));
	free(t);

	/* Neither: the first paragraph alone. */
	req->role = POSTING_ROLE_NONE;
	t = booth_text(p, 1920, 1080);
	assert_non_null(strstr(t, "telescope."));
	assert_null(strstr(t, "driving"));
	assert_null(strstr(t, "Duty number"));
	free(t);
	posting_list_free(&l);
}

/* A posting no page could hold whole still gets one page, checked, with
 * its code at full size. */
static void test_hostile_posting(void **state)
{
	(void)state;
	posting_list l;
	posting *p = make_posting(&l);
	size_t n = 1u << 20;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : 'w';
	big[n] = '\0';
	posting_set(&p->title, big, 50000);
	posting_section *s = posting_add_section(p, "Duties");
	s->role = POSTING_ROLE_DUTIES;
	add_block(s, POSTING_PARAGRAPH, big, false);
	for (int i = 0; i < 2000; i++)
		add_block(s, POSTING_BULLET, big + i, false);
	free(big);
	check_booth(p, 1920, 1080);
	check_booth(p, 1080, 1920);
	check_booth(p, 640, 480);
	posting_list_free(&l);
}

/* A right-to-left posting: the card on the left in landscape, under the
 * text in portrait. */
static void test_rtl(void **state)
{
	(void)state;
	posting_list l;
	posting *p = tu_data_one("scripts", "ar-software-engineer.md", &l, NULL);
	check_booth(p, 1920, 1080);
	check_booth(p, 1080, 1920);
	layout_params lp = params(1920, 1080, LAYOUT_BOOTH);
	layout_doc d;
	jk_err err = {0};
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	const layout_box *q = qr_box(&d.pages[0]);
	assert_non_null(q);
	assert_true(q->x + q->w < 1920 / 2);
	layout_doc_free(&d);
	lp = params(1080, 1920, LAYOUT_BOOTH);
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	q = qr_box(&d.pages[0]);
	assert_non_null(q);
	assert_true(q->y + q->h > 1920 * 3 / 4);
	layout_doc_free(&d);
	posting_list_free(&l);
}

/* ---- the overview's grid ---------------------------------------------------- */

static void test_grid(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 30);
	/* One title no tile holds: cut to three lines. */
	char *big = malloc(20001);
	assert_non_null(big);
	for (size_t i = 0; i < 20000; i++)
		big[i] = i % 9 == 8 ? ' ' : 'g';
	big[20000] = '\0';
	posting_set(&l.items[3]->title, big, (size_t)-1);
	free(big);
	const int sizes[][2] = {{1920, 1080}, {1080, 1920}};
	for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++)
		for (int careers = 0; careers < 2; careers++) {
			layout_params lp = params(sizes[z][0], sizes[z][1], LAYOUT_BOOTH);
			lp.careers_url =
			    careers ? "https://jobs.example.org/all?utm_source=b" : NULL;
			layout_doc d;
			jk_err err = {0};
			assert_int_equal(
			    layout_overview((const posting *const *)l.items, l.n, &lp, &d, &err),
			    0);
			if (layout_check(&d, &err))
				fail_msg("%s", err.msg);
			assert_true(d.npages >= 1 && d.npages <= 10);
			size_t seen[30] = {0}, tiles = 0;
			for (size_t pg = 0; pg < d.npages; pg++) {
				const layout_box *q = qr_box(&d.pages[pg]);
				if (careers) {
					assert_non_null(q);
					assert_string_equal(q->text, lp.careers_url);
					char *t = page_text(&d.pages[pg]);
					assert_non_null(strstr(t, "All openings"));
					free(t);
				} else {
					assert_null(q);
				}
				for (size_t i = 0; i < d.pages[pg].n; i++) {
					const layout_box *b = &d.pages[pg].boxes[i];
					tiles += b->kind == LAYOUT_PANEL && b->color != theme.card;
					for (size_t k = 0; k < l.n; k++)
						if (k != 3 && b->kind == LAYOUT_TEXT &&
						    b->len == strlen(l.items[k]->title) &&
						    !memcmp(b->text, l.items[k]->title, b->len))
							seen[k]++;
				}
			}
			assert_int_equal(tiles, 30);
			for (size_t k = 0; k < l.n; k++)
				if (k != 3 && seen[k] != 1)
					fail_msg("'%s' shown %zu times", l.items[k]->title,
					         seen[k]);
			layout_doc_free(&d);
		}
	/* No postings: the heading alone. */
	layout_params lp = params(1920, 1080, LAYOUT_BOOTH);
	layout_doc d;
	jk_err err = {0};
	assert_int_equal(layout_overview(NULL, 0, &lp, &d, &err), 0);
	assert_int_equal(layout_check(&d, &err), 0);
	layout_doc_free(&d);
	posting_list_free(&l);
}

/* ---- the sentences ------------------------------------------------------------ */

static void test_sentences(void **state)
{
	(void)state;
	const char *en = "We build robots, e.g. for harbours. We test them. Third one.";
	size_t n = strlen(en);
	assert_int_equal(text_sentences(en, n, "en", 1),
	                 strlen("We build robots, e.g. for harbours."));
	assert_int_equal(text_sentences(en, n, "en", 2),
	                 strlen("We build robots, e.g. for harbours. We test them."));
	assert_int_equal(text_sentences(en, n, "en", 3), n);
	assert_int_equal(text_sentences(en, n, "en", 9), n);
	assert_int_equal(text_sentences(en, n, NULL, 0), n);
	const char *ja = "私たちは開発します。テストもします。";
	assert_int_equal(text_sentences(ja, strlen(ja), "ja", 1), strlen("私たちは開発します。"));
	const char *de = "Wir bauen z. B. Roboter, d. h. Maschinen. Wir testen sie.";
	assert_int_equal(text_sentences(de, strlen(de), "de", 1),
	                 strlen("Wir bauen z. B. Roboter, d. h. Maschinen."));
	assert_int_equal(text_sentences("", 0, "en", 1), 0);
	assert_int_equal(text_sentences(NULL, 0, "en", 1), 0);
	/* Bytes that are no UTF-8, a hostile tag: no crash, a length within. */
	const char bad[] = "Ab\xff\xfe. C\xc3. D.";
	size_t k = text_sentences(bad, sizeof bad - 1, "zz-\x01\xff-very-long-tag-indeed", 1);
	assert_true(k > 0 && k <= sizeof bad - 1);
	/* Huge and without an end: all of it. */
	size_t hn = 4u << 20;
	char *h = malloc(hn);
	assert_non_null(h);
	memset(h, 'a', hn);
	assert_int_equal(text_sentences(h, hn, "en", 2), hn);
	free(h);
}

/* ---- the code read back from the slides ------------------------------------ */

static bool have_tools(void)
{
	return system("command -v convert >/dev/null 2>&1") == 0;
}

/* The code of the PNG at path scaled (ImageMagick's -resize and -blur
 * arguments in how), read by zbar; NULL when none is read. */
static char *read_scaled(const char *path, const char *how, const char *tmp)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "convert '%s' %s '%s'", path, how, tmp);
	if (system(cmd) != 0)
		fail_msg("convert failed: %s", cmd);
	SDL_Surface *s = IMG_Load(tmp);
	if (!s)
		fail_msg("%s: %s", tmp, IMG_GetError());
	char *got = tu_zbar_surface(s, NULL);
	SDL_FreeSurface(s);
	return got;
}

/* Renders the seeds and samples in style at size, and reads every
 * posting's first page back at scale (how): each read must be the link
 * its full-size slide carries, tracked. Returns how many were read. */
static size_t scan_slides(const char *style, const char *size, const char *how)
{
	char dir[64];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char args[2048];
	snprintf(args, sizeof args,
	         "--no-config --style %s --size %s --track-source booth-12 --track-campaign "
	         "fall-fair-2026 --render %s %s %s",
	         style, size, dir, tu_fixture("seeds"), tu_root("samples"));
	tu_run_result r = tu_run(args);
	if (r.status != 0)
		fail_msg("render failed: %s", r.err);
	tu_run_free(&r);
	DIR *dh = opendir(dir);
	assert_non_null(dh);
	struct dirent *e;
	size_t read = 0, slides = 0;
	char tmp[1200];
	snprintf(tmp, sizeof tmp, "%s/scaled.png", dir);
	while ((e = readdir(dh))) {
		size_t n = strlen(e->d_name);
		if (n < 7 || strcmp(e->d_name + n - 7, "-p1.png") ||
		    !strncmp(e->d_name, "overview", 8))
			continue;
		slides++;
		char path[1200];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		SDL_Surface *s = IMG_Load(path);
		assert_non_null(s);
		char *full = tu_zbar_surface(s, NULL);
		SDL_FreeSurface(s);
		if (!full)
			continue; /* a posting without an apply target */
		char *small = read_scaled(path, how, tmp);
		if (!small || strcmp(small, full))
			fail_msg("%s %s: %s read '%s', full size '%s'", style, size, e->d_name,
			         small ? small : "(nothing)", full);
		if (!strncmp(full, "http", 4) && !strstr(full, "utm_source=booth-12"))
			fail_msg("%s: not tracked: %s", e->d_name, full);
		read++;
		free(small);
		free(full);
	}
	closedir(dh);
	tu_rmtree(dir);
	printf("%s %s, %s: %zu of %zu slides read\n", style, size, how, read, slides);
	assert_true(slides >= 20);
	/* Every posting with an apply target has a code, and it was read. */
	snprintf(args, sizeof args, "--no-config --dump %s %s", tu_fixture("seeds"),
	         tu_root("samples"));
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	size_t targets = 0;
	for (const char *q = r.out; (q = strstr(q, "\"apply\":\t\"")); q++)
		targets++;
	tu_run_free(&r);
	assert_int_equal(read, targets);
	return read;
}

static void test_scan_booth(void **state)
{
	(void)state;
	if (!have_tools())
		fail_msg("ImageMagick's convert is missing: sh platform/install-deps.sh");
	scan_slides("booth", "1920x1080", "-resize 25% -blur 0x1");
	scan_slides("booth", "1080x1920", "-resize 25% -blur 0x1");
}

static void test_scan_full(void **state)
{
	(void)state;
	if (!have_tools())
		fail_msg("ImageMagick's convert is missing: sh platform/install-deps.sh");
	scan_slides("full", "1920x1080", "-resize 33%");
	scan_slides("full", "1080x1920", "-resize 33%");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sentences),  cmocka_unit_test(test_one_page_each),
	    cmocka_unit_test(test_highlights), cmocka_unit_test(test_hostile_posting),
	    cmocka_unit_test(test_rtl),        cmocka_unit_test(test_grid),
	    cmocka_unit_test(test_scan_booth), cmocka_unit_test(test_scan_full),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
