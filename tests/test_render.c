/* test_render.c — real fonts, real pixels: every slide of samples/ and the
 * seeds laid out without overlaps and drawn, the QR read back by zbar from
 * the pixels, CJK drawn as glyphs (not boxes), rotation, --render output. */
#include "testutil.h"

#include "app.h"
#include "render.h"
#include "store.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static render_fonts *fonts;
static layout_theme theme;

static int setup(void **state)
{
	(void)state;
	jk_err err = {0};
	if (render_fonts_open(&fonts, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	theme = layout_theme_default();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	render_fonts_close(fonts);
	return 0;
}

static size_t slides_checked;

/* Lays out and draws every page of p at w x h turned by rotate; checks the
 * layout invariants and that zbar reads exactly p->apply on every page. */
static void check_posting(const posting *p, int w, int h, int rotate, const char *dump)
{
	int lw, lh;
	render_logical_size(w, h, rotate, &lw, &lh);
	layout_params lp = {.w = lw, .h = lh, .theme = &theme, .measure = render_measurer(fonts)};
	layout_doc d;
	jk_err err = {0};
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	if (layout_check(&d, &err))
		fail_msg("%s (%dx%d): %s", p->source ? p->source : "?", lw, lh, err.msg);
	assert_true(d.body_px >= layout_body_floor(lw, lh));
	for (size_t k = 0; k < d.npages; k++) {
		SDL_Surface *s = render_page(fonts, &d, k, &theme, rotate, &err);
		assert_non_null(s);
		assert_int_equal(s->w, w);
		assert_int_equal(s->h, h);
		if (dump) {
			char path[512];
			snprintf(path, sizeof path, "%s/%zu-%dx%d-r%d-p%zu.png", dump,
			         slides_checked, w, h, rotate, k + 1);
			assert_int_equal(render_save_png(s, path, &err), 0);
		}
		int n = 0;
		char *got = tu_zbar_surface(s, &n);
		if (p->apply) {
			if (!got)
				fail_msg("%s page %zu (%dx%d r%d): zbar read no QR", p->source,
				         k + 1, w, h, rotate);
			assert_int_equal(n, 1);
			assert_string_equal(got, p->apply);
		} else {
			assert_null(got);
		}
		free(got);
		SDL_FreeSurface(s);
		slides_checked++;
	}
	layout_doc_free(&d);
}

/* p on a w x h screen with fonts f: layout_check holds, every page draws
 * and zbar reads the apply target. */
static void check_posting_with(render_fonts *f, const posting *p, int w, int h)
{
	layout_params lp = {.w = w, .h = h, .theme = &theme, .measure = render_measurer(f)};
	layout_doc d;
	jk_err err = {0};
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	if (layout_check(&d, &err))
		fail_msg("%s", err.msg);
	for (size_t k = 0; k < d.npages; k++) {
		SDL_Surface *s = render_page(f, &d, k, &theme, 0, &err);
		assert_non_null(s);
		char *got = tu_zbar_surface(s, NULL);
		assert_non_null(got);
		assert_string_equal(got, p->apply);
		free(got);
		SDL_FreeSurface(s);
	}
	layout_doc_free(&d);
}

static void check_list(const posting_list *l)
{
	static const int shapes[][3] = {{1920, 1080, 0}, {1080, 1920, 0}, {1920, 1080, 90}};
	const char *dump = getenv("JK_RENDER_DUMP"); /* to look at the slides */
	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < JK_ARRAY_LEN(shapes); k++)
			check_posting(l->items[i], shapes[k][0], shapes[k][1], shapes[k][2], dump);
	/* The overview too. */
	layout_params lp = {
	    .w = 1920, .h = 1080, .theme = &theme, .measure = render_measurer(fonts)};
	layout_doc d;
	assert_int_equal(layout_overview((const posting *const *)l->items, l->n, &lp, &d, NULL), 0);
	jk_err err = {0};
	if (layout_check(&d, &err))
		fail_msg("overview: %s", err.msg);
	layout_doc_free(&d);
}

static void test_seeds(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	if (store_load_path(tu_fixture("seeds"), &l, NULL, NULL, NULL, NULL, &err))
		fail_msg("seeds: %s", err.msg);
	assert_int_equal(l.n, 2);
	check_list(&l);
	posting_list_free(&l);
}

static void test_samples(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	if (store_load_path(tu_root("samples"), &l, NULL, NULL, NULL, NULL, &err))
		fail_msg("samples: %s", err.msg);
	assert_true(l.n >= 5);
	check_list(&l);
	posting_list_free(&l);
}

static posting *cjk_posting(const char *word)
{
	posting *p = posting_new();
	posting_set(&p->title, "软件工程师", (size_t)-1);
	posting_set(&p->apply, "https://jobs.example.cn/职位/42", (size_t)-1);
	posting_section *s = posting_add_section(p, "职位描述");
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	posting_block_append(b, word, (size_t)-1, 0);
	posting_finish(p, 0);
	return p;
}

/* The box of the block's first text run on page 1. */
static const layout_box *box_with(const layout_doc *d, const char *text)
{
	for (size_t i = 0; i < d->pages[0].n; i++) {
		const layout_box *b = &d->pages[0].boxes[i];
		if (b->kind == LAYOUT_TEXT && b->len == strlen(text) &&
		    !memcmp(b->text, text, b->len))
			return b;
	}
	return NULL;
}

static void test_cjk_glyphs_not_tofu(void **state)
{
	(void)state;
	/* Tofu boxes look alike for every character; real glyphs differ. */
	const char *words[2] = {"我们", "你好"};
	SDL_Surface *surf[2];
	layout_box where[2];
	for (int i = 0; i < 2; i++) {
		posting *p = cjk_posting(words[i]);
		layout_params lp = {
		    .w = 1920, .h = 1080, .theme = &theme, .measure = render_measurer(fonts)};
		layout_doc d;
		assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
		const layout_box *b = box_with(&d, words[i]);
		assert_non_null(b);
		where[i] = *b;
		/* Two CJK glyphs are about two em wide, not 0 or tofu-narrow. */
		assert_true(b->w > b->px * 3 / 2);
		surf[i] = render_page(fonts, &d, 0, &theme, 0, NULL);
		assert_non_null(surf[i]);
		assert_true(render_count_ink(surf[i], b->x, b->y, b->w, b->h, theme.bg) > 200);
		int n;
		char *got = tu_zbar_surface(surf[i], &n);
		assert_non_null(got);
		assert_string_equal(got, p->apply); /* UTF-8 bytes read back exactly */
		free(got);
		layout_doc_free(&d);
		posting_free(p);
	}
	assert_int_equal(where[0].x, where[1].x);
	size_t diff = 0;
	for (int y = where[0].y; y < where[0].y + where[0].h; y++)
		for (int x = where[0].x; x < where[0].x + where[0].w; x++) {
			Uint32 a = ((Uint32 *)((Uint8 *)surf[0]->pixels + y * surf[0]->pitch))[x];
			Uint32 b = ((Uint32 *)((Uint8 *)surf[1]->pixels + y * surf[1]->pitch))[x];
			diff += a != b;
		}
	assert_true(diff > 200);
	SDL_FreeSurface(surf[0]);
	SDL_FreeSurface(surf[1]);
}

static void test_render_to_dir(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	posting *p = cjk_posting("测试");
	posting_set(&p->title, "Data Engineer / データエンジニア", (size_t)-1);
	posting_list_push(&l, p);
	const char *dir = tu_tmpdir();
	char out[600];
	snprintf(out, sizeof out, "%s/slides", dir);
	char **paths = NULL;
	size_t n = 0;
	jk_err err = {0};
	FILE *progress = tmpfile();
	assert_int_equal(app_render_dir(&l, out, 1080, 1920, 0, NULL, progress, &paths, &n, &err),
	                 0);
	assert_true(n >= 2); /* the posting and the overview */
	for (size_t i = 0; i < n; i++) {
		SDL_Surface *s = IMG_Load(paths[i]);
		assert_non_null(s);
		assert_int_equal(s->w, 1080);
		assert_int_equal(s->h, 1920);
		SDL_FreeSurface(s);
		free(paths[i]);
	}
	free(paths);
	rewind(progress);
	char line[512];
	assert_non_null(fgets(line, sizeof line, progress));
	assert_non_null(strstr(line, "posting 1/1: Data Engineer"));
	fclose(progress);
	/* Bad arguments: one clear line, nothing written. */
	assert_int_equal(app_render_dir(&l, out, 1920, 1080, 45, NULL, NULL, NULL, NULL, &err),
	                 JK_EARG);
	assert_non_null(strstr(err.msg, "45"));
	assert_int_equal(app_render_dir(&l, out, 10, 10, 0, NULL, NULL, NULL, NULL, &err), JK_EARG);
	assert_int_equal(
	    app_render_dir(&l, "/proc/nope/x", 1920, 1080, 0, NULL, NULL, NULL, NULL, &err),
	    JK_EIO);
	assert_non_null(strstr(err.msg, "/proc/nope/x"));
	posting_list_free(&l);
	tu_rmtree(dir);
}

static void test_bad_page(void **state)
{
	(void)state;
	layout_doc d = {0};
	jk_err err = {0};
	assert_null(render_page(fonts, &d, 0, &theme, 0, &err));
	assert_int_equal(err.code, JK_EARG);
}

static void test_hostile_text_renders(void **state)
{
	(void)state;
	posting *p = posting_new();
	/* Invalid UTF-8 goes in cleaned; unassigned, emoji, RTL, combining. */
	posting_set(
	    &p->title,
	    "\xff\xfe Bad \xc3 bytes \xf0\x9f\x98\x80 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d e\xcc\x81",
	    (size_t)-1);
	posting_set(&p->apply, "mailto:jobs@example.org?subject=Systems%20Research", (size_t)-1);
	posting_section *s = posting_add_section(p, NULL);
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	posting_block_append(b, "\xf4\x8f\xbf\xbf \xef\xbf\xbe x", (size_t)-1,
	                     POSTING_BOLD | POSTING_ITALIC);
	posting_finish(p, 0);
	check_posting(p, 1280, 720, 180, NULL);
	check_posting(p, 1080, 1920, 270, NULL);
	posting_free(p);
}

/* ---- the look: header band, logo, clock, fonts ------------------------- */

/* A logo with an alpha channel: an accent disc and a bar on transparency,
 * w x h, written as PNG to path. */
static void make_logo(const char *path, int w, int h)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
	assert_non_null(s);
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			Uint32 *p = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch) + x;
			int dx = x - h / 2, dy = y - h / 2;
			if (dx * dx + dy * dy < (h / 2 - 2) * (h / 2 - 2))
				*p = 0xFF2E8BC0u; /* blue disc */
			else if (x > h && y > h / 3 && y < h * 2 / 3)
				*p = 0xFFF5B342u; /* amber bar */
			else
				*p = 0x00000000u;
		}
	assert_int_equal(IMG_SavePNG(s, path), 0);
	SDL_FreeSurface(s);
}

static void write_file(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

/* The box of kind k on page pg, or NULL. */
static const layout_box *kind_box(const layout_page *pg, layout_box_kind k)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == k)
			return &pg->boxes[i];
	return NULL;
}

static bool boxes_overlap(const layout_box *a, const layout_box *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Every page of p in the look: layout_check holds, the clock slot is in the
 * safe area and overlaps nothing, the logo, header and clock have ink and
 * zbar reads the apply target. */
static void check_look(render_fonts *f, const render_look *look, const posting *p, int w, int h,
                       int rotate, const char *dump, const char *tag)
{
	layout_theme th = render_look_theme(look);
	int lw, lh;
	render_logical_size(w, h, rotate, &lw, &lh);
	layout_params lp = {.w = lw, .h = lh};
	render_layout_look(f, look, &th, &lp);
	layout_doc d;
	jk_err err = {0};
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	if (layout_check(&d, &err))
		fail_msg("%s %dx%d: %s", tag, w, h, err.msg);
	int x0, y0, x1, y1;
	layout_safe_area(lw, lh, &x0, &y0, &x1, &y1);
	assert_true(d.body_y0 > y0); /* the band took its share */
	layout_measurer m = render_measurer(f);
	layout_box clock;
	assert_true(layout_clock_box(&d, &m, "23:59", &clock));
	assert_true(clock.x >= x0 && clock.x + clock.w <= x1 && clock.y >= y0);
	for (size_t k = 0; k < d.npages; k++) {
		const layout_page *pg = &d.pages[k];
		for (size_t i = 0; i < pg->n; i++)
			if (boxes_overlap(&pg->boxes[i], &d.clock))
				fail_msg("%s: the clock slot overlaps box %zu", tag, i);
		const layout_box *logo = kind_box(pg, LAYOUT_IMAGE);
		assert_non_null(logo);
		assert_true(logo->y + logo->h <= d.body_y0);
		SDL_Surface *s = render_page_ex(f, &d, k, &clock, 1, &th, rotate, &err);
		assert_non_null(s);
		if (rotate == 0) {
			assert_true(render_count_ink(s, logo->x, logo->y, logo->w, logo->h, th.bg) >
			            (size_t)(logo->w * logo->h / 4));
			assert_true(render_count_ink(s, clock.x, clock.y, clock.w, clock.h, th.bg) >
			            50);
			/* The header text between logo and clock. */
			assert_true(render_count_ink(s, logo->x + logo->w, y0,
			                             clock.x - logo->x - logo->w, d.body_y0 - y0,
			                             th.bg) > 200);
		}
		if (dump) {
			char path[600];
			snprintf(path, sizeof path, "%s/look-%s-%dx%d-r%d-p%zu.png", dump, tag, w,
			         h, rotate, k + 1);
			assert_int_equal(render_save_png(s, path, &err), 0);
		}
		int n = 0;
		char *got = tu_zbar_surface(s, &n);
		if (!got)
			fail_msg("%s %dx%d r%d page %zu: zbar read no QR", tag, w, h, rotate,
			         k + 1);
		assert_int_equal(n, 1);
		assert_string_equal(got, p->apply);
		free(got);
		SDL_FreeSurface(s);
	}
	layout_doc_free(&d);
}

static void test_look_header_logo_clock(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char logo[600];
	snprintf(logo, sizeof logo, "%s/logo.png", dir);
	make_logo(logo, 640, 160);
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	if (store_load_path(tu_root("samples"), &l, NULL, NULL, NULL, NULL, &err))
		fail_msg("samples: %s", err.msg);
	assert_true(l.n >= 2);
	const char *dump = getenv("JK_RENDER_DUMP");
	render_look look = render_look_default();
	look.header = "Booth 12 · We're hiring";
	look.logo = logo;
	look.clock = true;
	static const int shapes[][3] = {{1920, 1080, 0}, {1080, 1920, 0}, {1920, 1080, 90}};
	for (int t = 0; t < 2; t++) {
		look.theme = t ? layout_theme_light() : layout_theme_default();
		render_fonts *f;
		assert_int_equal(render_fonts_open_look(&look, &f, &err), 0);
		int lw, lh;
		assert_true(render_logo_size(f, &lw, &lh));
		assert_int_equal(lw, 640);
		assert_int_equal(lh, 160);
		for (size_t i = 0; i < 2; i++)
			for (size_t k = 0; k < JK_ARRAY_LEN(shapes); k++)
				check_look(f, &look, l.items[i], shapes[k][0], shapes[k][1],
				           shapes[k][2], dump, t ? "light" : "dark");
		render_fonts_close(f);
	}
	posting_list_free(&l);
	tu_rmtree(dir);
}

/* The header's text box on page 1 of p laid out with header text. */
static const layout_box *header_box(const layout_doc *d)
{
	const layout_page *pg = &d->pages[0];
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_TEXT && pg->boxes[i].y < d->body_y0)
			return &pg->boxes[i];
	return NULL;
}

/* A header too long for the band ends in "…" inside it; a CJK header is
 * drawn as glyphs; a header of control bytes and invalid UTF-8 is cleaned. */
static void test_header_long_cjk_hostile(void **state)
{
	(void)state;
	posting *p = cjk_posting("你好");
	char longh[3000];
	memset(longh, 0, sizeof longh);
	for (size_t i = 0; i + 30 < sizeof longh; i += 26)
		memcpy(longh + i, "Booth 12 · We're hiring · ", 27);
	const char *headers[] = {longh, "展位 12 · 我们正在招聘",
	                         "\x01\xff\xfe Booth\t\x1b[31m 7 \xc3"};
	int sizes[][2] = {{1920, 1080}, {1080, 1920}, {800, 480}};
	for (size_t h = 0; h < JK_ARRAY_LEN(headers); h++)
		for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++) {
			layout_params lp = {.w = sizes[z][0],
			                    .h = sizes[z][1],
			                    .theme = &theme,
			                    .measure = render_measurer(fonts),
			                    .header = headers[h],
			                    .clock = true};
			layout_doc d;
			jk_err err = {0};
			assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
			if (layout_check(&d, &err))
				fail_msg("header %zu %dx%d: %s", h, lp.w, lp.h, err.msg);
			const layout_box *b = header_box(&d);
			assert_non_null(b);
			assert_true(b->x + b->w <= d.clock.x);
			assert_true(jk_utf8_valid(b->text, b->len));
			for (size_t i = 0; i < b->len; i++)
				assert_true((unsigned char)b->text[i] >= 0x20);
			if (h == 0)
				assert_memory_equal(b->text + b->len - 3, "…", 3);
			SDL_Surface *s = render_page(fonts, &d, 0, &theme, 0, NULL);
			assert_non_null(s);
			assert_true(render_count_ink(s, b->x, b->y, b->w, b->h, theme.bg) > 100);
			SDL_FreeSurface(s);
			layout_doc_free(&d);
		}
	posting_free(p);
}

/* Hostile logo files: refused with one line naming the file and the
 * reason; the slides are then drawn without a logo. */
static void test_hostile_logos(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char good[600], path[600];
	snprintf(good, sizeof good, "%s/good.png", dir);
	make_logo(good, 300, 100);
	size_t n = 0;
	char *png = tu_read(good, &n);
	struct {
		const char *name;
		const char *why;
	} cases[] = {
	    {"empty.png", "empty"},
	    {"text.png", "not a PNG or JPEG"},
	    {"trunc.png", "decode"},
	    {"huge.png", "over the 8192"},
	    {"zero.png", "header says"},
	    {"huge.jpg", "over the 8192"},
	    {"nosof.jpg", "frame header"},
	    {"big.png", "over the 16 MB"},
	    {"missing.png", "No such file"},
	    {".", "not a regular file"},
	    {"hdr.png", "truncated PNG header"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, cases[i].name);
		const char *c = cases[i].name;
		if (!strcmp(c, "empty.png")) {
			write_file(path, "", 0);
		} else if (!strcmp(c, "text.png")) {
			write_file(path, "just some text, not an image\n", 29);
		} else if (!strcmp(c, "trunc.png")) {
			write_file(path, png, n / 2);
		} else if (!strcmp(c, "huge.png") || !strcmp(c, "zero.png")) {
			unsigned char b[64];
			memcpy(b, png, sizeof b);
			uint32_t v = !strcmp(c, "huge.png") ? 100000 : 0;
			for (int k = 0; k < 4; k++)
				b[16 + k] = b[20 + k] = (unsigned char)(v >> (24 - 8 * k));
			write_file(path, b, sizeof b);
		} else if (!strcmp(c, "huge.jpg")) {
			static const unsigned char j[] = {0xFF, 0xD8, 0xFF, 0xE0, 0,  4,    0,
			                                  0,    0xFF, 0xC0, 0,    11, 8,    0xFF,
			                                  0xFF, 0xFF, 0xFF, 1,    1,  0x11, 0};
			write_file(path, j, sizeof j);
		} else if (!strcmp(c, "nosof.jpg")) {
			static const unsigned char j[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 40, 1, 2};
			write_file(path, j, sizeof j);
		} else if (!strcmp(c, "big.png")) {
			write_file(path, png, n);
			assert_int_equal(truncate(path, 17L << 20),
			                 0); /* sparse: no 17 MB written */
		} else if (!strcmp(c, "hdr.png")) {
			write_file(path, png, 12);
		} else if (!strcmp(c, ".")) {
			snprintf(path, sizeof path, "%s", dir);
		}
		render_look look = render_look_default();
		look.logo = path;
		jk_err err = {0};
		assert_true(render_look_check(&look, &err) < 0);
		if (!strstr(err.msg, cases[i].why) || !strstr(err.msg, path))
			fail_msg("%s: '%s'", c, err.msg);
		assert_null(strchr(err.msg, '\n'));
		render_fonts *f;
		assert_int_equal(render_fonts_open_look(&look, &f, &err), 0);
		int w, h;
		assert_false(render_logo_size(f, &w, &h));
		/* A page with the band still lays out and draws. */
		posting *p = cjk_posting("好");
		layout_params lp = {.w = 1280,
		                    .h = 720,
		                    .theme = &theme,
		                    .measure = render_measurer(f),
		                    .header = "Booth 3"};
		layout_doc d;
		assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
		assert_null(kind_box(&d.pages[0], LAYOUT_IMAGE));
		SDL_Surface *s = render_page(f, &d, 0, &theme, 0, &err);
		assert_non_null(s);
		SDL_FreeSurface(s);
		layout_doc_free(&d);
		posting_free(p);
		render_fonts_close(f);
	}
	/* The good one passes, a large one is kept small. */
	render_look look = render_look_default();
	look.logo = good;
	assert_int_equal(render_look_check(&look, NULL), 0);
	snprintf(path, sizeof path, "%s/wide.png", dir);
	make_logo(path, 4000, 600);
	look.logo = path;
	render_fonts *f;
	assert_int_equal(render_fonts_open_look(&look, &f, NULL), 0);
	int w, h;
	assert_true(render_logo_size(f, &w, &h));
	assert_int_equal(w, 1024);
	assert_int_equal(h, 154);
	render_fonts_close(f);
	free(png);
	tu_rmtree(dir);
}

/* Fonts: a family and a file work; a missing family, a missing file and a
 * file that is no font are refused by the check with the reason, and the
 * slides fall back to Inter. */
static void test_look_fonts(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char notfont[600];
	snprintf(notfont, sizeof notfont, "%s/fake.ttf", dir);
	write_file(notfont, "this is not a font file at all, just text\n", 42);
	struct {
		const char *font, *fallback, *why;
	} cases[] = {
	    {"DejaVu Sans", NULL, NULL},
	    {"/usr/share/fonts/opentype/inter/Inter-Regular.otf", NULL, NULL},
	    {"No Such Family 4711", NULL, "no such font family"},
	    {"/nonexistent/font.ttf", NULL, "No such file"},
	    {notfont, NULL, "not a font"},
	    {NULL, "No Such Fallback", "No Such Fallback"},
	    {"\xff\xfe", NULL, "not a font name"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		render_look look = render_look_default();
		look.font = cases[i].font;
		const char *fb[1] = {cases[i].fallback};
		if (cases[i].fallback) {
			look.fallback_fonts = fb;
			look.nfallback = 1;
		}
		jk_err err = {0};
		int r = render_look_check(&look, &err);
		if (cases[i].why) {
			assert_true(r < 0);
			if (!strstr(err.msg, cases[i].why))
				fail_msg("case %zu: '%s'", i, err.msg);
		} else if (r) {
			fail_msg("case %zu: %s", i, err.msg);
		}
		render_fonts *f;
		assert_int_equal(render_fonts_open_look(&look, &f, &err), 0);
		layout_measurer m = render_measurer(f);
		int wi = m.width(m.ud, "Hiring now 你好", strlen("Hiring now 你好"), 40, 0);
		assert_true(wi > 200);
		posting *p = cjk_posting("招聘");
		check_posting_with(f, p, 1280, 720);
		posting_free(p);
		render_fonts_close(f);
	}
	/* DejaVu Sans measures differently from Inter: the font is used. */
	render_look a = render_look_default(), b = render_look_default();
	b.font = "DejaVu Sans";
	render_fonts *fa, *fb2;
	assert_int_equal(render_fonts_open_look(&a, &fa, NULL), 0);
	assert_int_equal(render_fonts_open_look(&b, &fb2, NULL), 0);
	layout_measurer ma = render_measurer(fa), mb = render_measurer(fb2);
	const char *t = "Systems engineer";
	assert_int_not_equal(ma.width(ma.ud, t, strlen(t), 40, 0),
	                     mb.width(mb.ud, t, strlen(t), 40, 0));
	render_fonts_close(fa);
	render_fonts_close(fb2);
	tu_rmtree(dir);
}

/* render_box_update: the box's rectangle (turned and shifted) changes,
 * nothing else. */
static void test_box_update(void **state)
{
	(void)state;
	posting *p = cjk_posting("你好");
	layout_params lp = {.w = 1080,
	                    .h = 1920,
	                    .theme = &theme,
	                    .measure = render_measurer(fonts),
	                    .clock = true};
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	SDL_Surface *s = render_page(fonts, &d, 0, &theme, 90, NULL);
	assert_non_null(s);
	SDL_Surface *before = SDL_ConvertSurface(s, s->format, 0);
	layout_measurer m = render_measurer(fonts);
	layout_box b;
	assert_true(layout_clock_box(&d, &m, "12:34", &b));
	SDL_Rect r;
	jk_err err = {0};
	assert_int_equal(render_box_update(fonts, s, d.w, d.h, &b, &theme, 90, 3, -2, &r, &err), 0);
	SDL_Rect want = render_turn_rect(d.w, d.h, 90, b.x, b.y, b.w, b.h);
	assert_int_equal(r.x, want.x + 3);
	assert_int_equal(r.y, want.y - 2);
	size_t in = 0, out = 0;
	for (int y = 0; y < s->h; y++)
		for (int x = 0; x < s->w; x++) {
			Uint32 a = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
			Uint32 c = ((Uint32 *)((Uint8 *)before->pixels + y * before->pitch))[x];
			bool inside = x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
			if (a != c && inside)
				in++;
			else if (a != c)
				out++;
		}
	assert_true(in > 50);
	assert_int_equal(out, 0);
	SDL_FreeSurface(before);
	SDL_FreeSurface(s);
	layout_doc_free(&d);
	posting_free(p);
}

/* --render in a look writes the band into every PNG. */
static void test_render_to_dir_look(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	posting_list_push(&l, cjk_posting("测试"));
	const char *dir = tu_tmpdir();
	char logo[600], out[600];
	snprintf(logo, sizeof logo, "%s/logo.png", dir);
	snprintf(out, sizeof out, "%s/slides", dir);
	make_logo(logo, 200, 200);
	render_look look = render_look_default();
	look.theme = layout_theme_light();
	look.header = "Lab lobby";
	look.logo = logo;
	look.clock = true;
	char **paths = NULL;
	size_t n = 0;
	jk_err err = {0};
	assert_int_equal(app_render_dir(&l, out, 1280, 720, 0, &look, NULL, &paths, &n, &err), 0);
	assert_true(n >= 2);
	for (size_t i = 0; i < n; i++) {
		SDL_Surface *s = IMG_Load(paths[i]);
		assert_non_null(s);
		SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_XRGB8888, 0);
		/* The band's top-left (the logo) has ink on the light page. */
		assert_true(render_count_ink(c, 64, 36, 60, 60, look.theme.bg) > 500);
		SDL_FreeSurface(c);
		SDL_FreeSurface(s);
		free(paths[i]);
	}
	free(paths);
	posting_list_free(&l);
	tu_rmtree(dir);
}

/* Without the Noto faces, text in a script the body font lacks is still
 * drawn (as boxes), and the log says once per script which Debian package
 * has its face. fontconfig is given a configuration with Inter alone. */
static void test_missing_script_face(void **state)
{
	(void)state;
	char dir[256], path[400], cmd[1400];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	snprintf(path, sizeof path, "%s/fonts.conf", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f,
	        "<?xml version=\"1.0\"?>\n<fontconfig><dir>/usr/share/fonts/opentype/inter</dir>"
	        "<cachedir>%s/cache</cachedir></fontconfig>\n",
	        dir);
	fclose(f);
	const char *docs[][2] = {
	    {"a.md", "---\ntitle: مهندس برمجيات\n---\nنبحث عن مهندس.\n\n- مراجعة الشيفرة\n"},
	    {"b.md", "---\ntitle: วิศวกรซอฟต์แวร์\n---\nเรากำลังมองหาวิศวกร\n"},
	};
	char in[300], out[300];
	snprintf(in, sizeof in, "%s/in", dir);
	snprintf(out, sizeof out, "%s/out", dir);
	assert_int_equal(mkdir(in, 0700), 0);
	assert_int_equal(mkdir(out, 0700), 0);
	for (size_t i = 0; i < JK_ARRAY_LEN(docs); i++) {
		snprintf(path, sizeof path, "%s/%s", in, docs[i][0]);
		f = fopen(path, "w");
		assert_non_null(f);
		fputs(docs[i][1], f);
		fclose(f);
	}
	snprintf(cmd, sizeof cmd, "--no-config --render %s %s", out, in);
	snprintf(path, sizeof path, "%s/fonts.conf", dir);
	setenv("FONTCONFIG_FILE", path, 1);
	tu_run_result r = tu_run(cmd);
	unsetenv("FONTCONFIG_FILE");
	assert_int_equal(r.status, 0);
	int arabic = 0, thai = 0;
	for (const char *l = r.err; l && *l;) {
		const char *e = strchr(l, '\n');
		size_t n = e ? (size_t)(e - l) : strlen(l);
		char line[512];
		snprintf(line, sizeof line, "%.*s", (int)(n < 511 ? n : 511), l);
		if (strstr(line, "Arabic") && strstr(line, "fonts-noto-core"))
			arabic++;
		if (strstr(line, "Thai") && strstr(line, "fonts-noto-core"))
			thai++;
		l = e ? e + 1 : l + n;
	}
	if (arabic != 1 || thai != 1)
		fprintf(stderr, "stderr was:\n%s\n", r.err ? r.err : "");
	assert_int_equal(arabic, 1);
	assert_int_equal(thai, 1);
	snprintf(path, sizeof path, "%s/001-posting-p1.png", out);
	assert_int_equal(access(path, R_OK), 0);
	tu_run_free(&r);
	tu_rmtree(dir);
}

/* The caption's text boxes of page pg joined by spaces. */
static void caption_text(const layout_page *pg, uint32_t color, char *out, size_t cap)
{
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < pg->n; i++) {
		const layout_box *b = &pg->boxes[i];
		if (b->kind == LAYOUT_TEXT && b->color == color &&
		    (b->style & 3u) == POSTING_BOLD && n + b->len + 2 < cap) {
			n += (size_t)snprintf(out + n, cap - n, "%s%.*s", n ? " " : "", (int)b->len,
			                      b->text);
		}
	}
}

/* The look's language (the setting) reaches the layout through
 * render_layout_look: a German posting's caption is French, and drawn;
 * without it the posting speaks German, and a Japanese one Japanese. */
static void test_words_language(void **state)
{
	(void)state;
	posting_list l;
	posting *p = tu_one("---\ntitle: Koch (m/w/d)\nlang: de\napply: https://example.org/k\n"
	                    "---\nWir kochen jeden Tag frisch.\n",
	                    "koch.md", &l, NULL);
	render_look look = render_look_default();
	layout_theme th = render_look_theme(&look);
	static const struct {
		const char *setting, *want;
	} cases[] = {{"fr", "Scannez pour postuler"}, {NULL, "Scannen und bewerben"}};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		look.language = cases[i].setting;
		layout_params lp = {.w = 1920, .h = 1080};
		render_layout_look(fonts, &look, &th, &lp);
		assert_true(lp.language == cases[i].setting);
		layout_doc d;
		jk_err err = {0};
		assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
		char cap[256];
		caption_text(&d.pages[0], th.card_fg, cap, sizeof cap);
		assert_string_equal(cap, cases[i].want);
		const layout_box *q = kind_box(&d.pages[0], LAYOUT_QR);
		assert_non_null(q);
		SDL_Surface *s = render_page(fonts, &d, 0, &th, 0, &err);
		assert_non_null(s);
		/* Ink under the code: the caption is drawn, not only laid out. */
		assert_true(render_count_ink(s, q->x, q->y + q->h, q->w, 80, th.card) > 100);
		SDL_FreeSurface(s);
		layout_doc_free(&d);
	}
	posting_list_free(&l);
	p = tu_one("調理補助スタッフ募集\n\nパンづくりを手伝ってください。\n"
	           "応募: https://bakery.example.com/apply\n",
	           "bakery.txt", &l, NULL);
	layout_params lp = {.w = 1920, .h = 1080};
	look.language = NULL;
	render_layout_look(fonts, &look, &th, &lp);
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	char cap[256];
	caption_text(&d.pages[0], th.card_fg, cap, sizeof cap);
	assert_string_equal(cap, "スキャンして応募");
	layout_doc_free(&d);
	posting_list_free(&l);
}

/* The crossfade's row blend: the vector path (SSE2/NEON, when the build
 * has one) against the scalar reference, bit for bit, over random rows of
 * every length up to 70 pixels, every start alignment within 16 bytes and
 * weights 0-256 (0, 1, 255 and 256 included); the scalar path against the
 * per-channel formula. */
static uint32_t blend_ref(uint32_t d, uint32_t s, unsigned w)
{
	if (w >= 256)
		return s;
	uint32_t o = 0xFF000000u;
	for (int sh = 0; sh < 24; sh += 8) {
		uint32_t a = (d >> sh) & 0xFF, b = (s >> sh) & 0xFF;
		o |= ((a * (256 - w) + b * w) >> 8) << sh;
	}
	return o;
}

static void test_blend_row(void **state)
{
	(void)state;
	enum { MAXN = 70, PAD = 4 };
	uint32_t src[MAXN + PAD], dst[MAXN + PAD], vec[MAXN + PAD], sca[MAXN + PAD];
	unsigned seed = 15;
	static const unsigned edge[] = {0, 1, 2, 127, 128, 129, 254, 255, 256, 300};
	for (int round = 0; round < 40; round++) {
		for (size_t i = 0; i < MAXN + PAD; i++) {
			src[i] = (uint32_t)rand_r(&seed) ^ ((uint32_t)rand_r(&seed) << 16);
			dst[i] = (uint32_t)rand_r(&seed) ^ ((uint32_t)rand_r(&seed) << 16);
		}
		if (round == 0) /* the extremes: every byte 0 against every byte 255 */
			for (size_t i = 0; i < MAXN + PAD; i++) {
				src[i] = i % 2 ? 0xFFFFFFFFu : 0;
				dst[i] = ~src[i];
			}
		unsigned w =
		    round < (int)JK_ARRAY_LEN(edge) ? edge[round] : (unsigned)rand_r(&seed) % 257;
		for (size_t off = 0; off < PAD; off++) {
			for (size_t n = 0; n <= MAXN; n++) {
				memcpy(vec, dst, sizeof dst);
				memcpy(sca, dst, sizeof dst);
				/* dst and src at different alignments */
				size_t so = (off + 1 + n) % PAD;
				render_blend_row(vec + off, src + so, n, w);
				render_blend_row_scalar(sca + off, src + so, n, w);
				assert_memory_equal(vec, sca, sizeof vec);
				for (size_t i = 0; i < n; i++)
					assert_int_equal(sca[off + i],
					                 blend_ref(dst[off + i], src[so + i], w));
			}
		}
	}
	if (!render_blend_vector())
		fprintf(stderr, "test_blend_row: no vector path in this build: scalar only\n");
}

/* Page-sized surfaces: their pixels on 2 MiB boundaries (huge pages
 * where the kernel gives them), written whole and freed by SDL; small
 * ones as SDL makes them. */
static void test_surface_new(void **state)
{
	(void)state;
	SDL_Surface *s = render_surface_new(1920, 1080, SDL_PIXELFORMAT_XRGB8888);
	assert_non_null(s);
	assert_int_equal(s->w, 1920);
	assert_int_equal(s->h, 1080);
	assert_int_equal(s->pitch, 1920 * 4);
	assert_int_equal(s->format->format, SDL_PIXELFORMAT_XRGB8888);
	/* SDL's own aligned block, freed by SDL_FreeSurface (valgrind and
	 * ASan would see a leak or a bad free). */
	assert_true(s->flags & SDL_SIMD_ALIGNED);
	assert_false(s->flags & SDL_PREALLOC);
	assert_int_equal((uintptr_t)s->pixels % SDL_SIMDGetAlignment(), 0);
	assert_int_equal(SDL_FillRect(s, NULL, 0x123456), 0);
	const Uint32 *px = s->pixels;
	assert_int_equal(px[0] & 0xFFFFFF, 0x123456);
	assert_int_equal(px[1920 * 1080 - 1] & 0xFFFFFF, 0x123456);
	SDL_FreeSurface(s);
	s = render_surface_new(64, 32, SDL_PIXELFORMAT_ARGB8888);
	assert_non_null(s);
	assert_int_equal(s->w, 64);
	SDL_FreeSurface(s);
	s = render_surface_new(-5, 100000, SDL_PIXELFORMAT_XRGB8888); /* refused by SDL */
	assert_null(s);
}

/* Widths do not depend on what was measured before: layout goes back
 * and forth between sizes and styles (two fonts a face, each switched to
 * the size asked), and a warmed font set measures as a fresh one. */
static void test_measure_sizes_interleaved(void **state)
{
	(void)state;
	static const char *const words[] = {"Firmware", "engineer", "Eindhoven,",  "harbour",
	                                    "Zephyr)",  "62,000",   "Robotics  ·", "written",
	                                    "WAVE",     "Tj",       "fi ff ffl",   "été"};
	static const int sizes[] = {38, 57, 28, 43, 38, 65, 29, 44};
	render_fonts *mixed, *warm;
	jk_err err = {0};
	assert_int_equal(render_fonts_open(&mixed, &err), 0);
	assert_int_equal(render_fonts_open(&warm, &err), 0);
	render_fonts_warm(warm);
	render_fonts_warm(NULL);
	layout_measurer mm = render_measurer(mixed), mw = render_measurer(warm);
	for (size_t i = 0; i < JK_ARRAY_LEN(words); i++)
		for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++) {
			unsigned style = (i + k) % 3 == 0 ? POSTING_BOLD : 0;
			const char *w = words[i];
			/* One size only, in a font set of its own: the reference. */
			render_fonts *one;
			assert_int_equal(render_fonts_open(&one, &err), 0);
			layout_measurer m1 = render_measurer(one);
			int want = m1.width(m1.ud, w, strlen(w), sizes[k], style);
			render_fonts_close(one);
			assert_true(want > 0);
			assert_int_equal(mm.width(mm.ud, w, strlen(w), sizes[k], style), want);
			assert_int_equal(mw.width(mw.ud, w, strlen(w), sizes[k], style), want);
		}
	render_fonts_close(mixed);
	render_fonts_close(warm);
}

/* fontconfig and SDL2_image are opened when first needed: without
 * SDL2_image the PNGs cannot be written (one line, exit 1) while --dump
 * still reads; without fontconfig Inter still draws from Debian's files,
 * and a script whose face must be looked up says so once. */
static void test_without_image_or_fontconfig(void **state)
{
	(void)state;
	const char *root = getenv("JK_ROOT") ? getenv("JK_ROOT") : ".";
	char dir[512], args[2048];
	snprintf(dir, sizeof dir, "%s/lazy", tu_tmpdir());
	snprintf(args, sizeof args, "--render %s %s/samples/fernleaf-data-analyst.md", dir, root);
	setenv("JK_TEST_LIBSDL2_IMAGE", "libSDL2_image-missing.so.0", 1);
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 1);
	assert_int_equal(tu_count(r.err, "\n"), 1);
	assert_non_null(strstr(r.err,
	                       "cannot write PNG: logos and PNG pictures need "
	                       "libSDL2_image-2.0.so.0: libSDL2_image-missing.so.0: cannot open"));
	tu_run_free(&r);
	snprintf(args, sizeof args, "--dump %s/samples/fernleaf-data-analyst.md", root);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_int_equal(tu_count(r.out, "\"title\":"), 1);
	tu_run_free(&r);
	unsetenv("JK_TEST_LIBSDL2_IMAGE");

	setenv("JK_TEST_LIBFONTCONFIG", "libfontconfig-missing.so.1", 1);
	snprintf(args, sizeof args, "--render %s/latin %s/samples/fernleaf-data-analyst.md", dir,
	         root);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	assert_true(strstr(r.out, ".png") != NULL);
	tu_run_free(&r);
	snprintf(args, sizeof args,
	         "--render %s/arabic %s/tests/data/scripts/ar-software-engineer.md", dir, root);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_int_equal(tu_count(r.err, "libfontconfig-missing.so.1"), 1);
	assert_non_null(strstr(r.err, "looking fonts up needs libfontconfig.so.1: "
	                              "libfontconfig-missing.so.1: cannot open"));
	tu_run_free(&r);
	unsetenv("JK_TEST_LIBFONTCONFIG");
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_blend_row),
	    cmocka_unit_test(test_cjk_glyphs_not_tofu),
	    cmocka_unit_test(test_render_to_dir),
	    cmocka_unit_test(test_bad_page),
	    cmocka_unit_test(test_hostile_text_renders),
	    cmocka_unit_test(test_look_header_logo_clock),
	    cmocka_unit_test(test_header_long_cjk_hostile),
	    cmocka_unit_test(test_hostile_logos),
	    cmocka_unit_test(test_look_fonts),
	    cmocka_unit_test(test_box_update),
	    cmocka_unit_test(test_render_to_dir_look),
	    cmocka_unit_test(test_seeds),
	    cmocka_unit_test(test_samples),
	    cmocka_unit_test(test_missing_script_face),
	    cmocka_unit_test(test_words_language),
	    cmocka_unit_test(test_surface_new),
	    cmocka_unit_test(test_measure_sizes_interleaved),
	    cmocka_unit_test(test_without_image_or_fontconfig),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
