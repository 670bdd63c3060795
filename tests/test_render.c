/* test_render.c — real fonts, real pixels: every slide of samples/ and the
 * seeds laid out without overlaps and drawn, the QR read back by zbar from
 * the pixels, CJK drawn as glyphs (not boxes), rotation, --render output. */
#include "testutil.h"

#include "render.h"
#include "store.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
			snprintf(path, sizeof path, "%s/%zu-%dx%d-r%d-p%zu.png", dump, slides_checked, w,
			         h, rotate, k + 1);
			assert_int_equal(render_save_png(s, path, &err), 0);
		}
		int n = 0;
		char *got = tu_zbar_surface(s, &n);
		if (p->apply) {
			if (!got)
				fail_msg("%s page %zu (%dx%d r%d): zbar read no QR", p->source, k + 1, w, h,
				         rotate);
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

static void check_list(const posting_list *l)
{
	static const int shapes[][3] = {{1920, 1080, 0}, {1080, 1920, 0}, {1920, 1080, 90}};
	const char *dump = getenv("JK_RENDER_DUMP"); /* to look at the slides */
	for (size_t i = 0; i < l->n; i++)
		for (size_t k = 0; k < JK_ARRAY_LEN(shapes); k++)
			check_posting(l->items[i], shapes[k][0], shapes[k][1], shapes[k][2], dump);
	/* The overview too. */
	layout_params lp = {.w = 1920, .h = 1080, .theme = &theme, .measure = render_measurer(fonts)};
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
		if (b->kind == LAYOUT_TEXT && b->len == strlen(text) && !memcmp(b->text, text, b->len))
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
		layout_params lp = {.w = 1920, .h = 1080, .theme = &theme,
		                    .measure = render_measurer(fonts)};
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
	assert_int_equal(render_to_dir(&l, out, 1080, 1920, 0, progress, &paths, &n, &err), 0);
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
	assert_int_equal(render_to_dir(&l, out, 1920, 1080, 45, NULL, NULL, NULL, &err), JK_EARG);
	assert_non_null(strstr(err.msg, "45"));
	assert_int_equal(render_to_dir(&l, out, 10, 10, 0, NULL, NULL, NULL, &err), JK_EARG);
	assert_int_equal(render_to_dir(&l, "/proc/nope/x", 1920, 1080, 0, NULL, NULL, NULL, &err),
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
	posting_set(&p->title, "\xff\xfe Bad \xc3 bytes \xf0\x9f\x98\x80 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d e\xcc\x81",
	            (size_t)-1);
	posting_set(&p->apply, "mailto:jobs@example.org?subject=Systems%20Research", (size_t)-1);
	posting_section *s = posting_add_section(p, NULL);
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	posting_block_append(b, "\xf4\x8f\xbf\xbf \xef\xbf\xbe x", (size_t)-1, POSTING_BOLD | POSTING_ITALIC);
	posting_finish(p, 0);
	check_posting(p, 1280, 720, 180, NULL);
	check_posting(p, 1080, 1920, 270, NULL);
	posting_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cjk_glyphs_not_tofu),
	    cmocka_unit_test(test_render_to_dir),
	    cmocka_unit_test(test_bad_page),
	    cmocka_unit_test(test_hostile_text_renders),
	    cmocka_unit_test(test_seeds),
	    cmocka_unit_test(test_samples),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
