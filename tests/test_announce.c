/* test_announce.c — the announcements' layout with real fonts: the info
 * band keeps its room at the bottom of every page (postings of the seeds
 * and samples, the overview, the waiting message) so nothing overlaps or
 * leaves the safe area (layout_check) at 1920x1080, 1080x1920 and 800x480,
 * for Latin, Arabic, CJK and hostile text (bidi overrides, one 280-byte
 * word, emoji); the urgent page holds the text on one page; tesseract
 * reads the band and the urgent page back from rendered pixels. With
 * JK_SHOTS=DIR the pictures are also written there (docs/screenshots). */
#include "layout.h"
#include "render.h"
#include "testutil.h"

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

static layout_params params(int w, int h, const char *announce)
{
	render_look look = render_look_default();
	layout_params lp = {.w = w, .h = h};
	render_layout_look(fonts, &look, &theme, &lp);
	lp.header = "Booth 12 · We're hiring";
	lp.announce = announce;
	return lp;
}

static const int sizes[][2] = {{1920, 1080}, {1080, 1920}, {800, 480}};

#define LONG_WORD                                                                                  \
	"Supercalifragilisticexpialidocious"                                                       \
	"Supercalifragilisticexpialidocious"                                                       \
	"Supercalifragilisticexpialidocious"                                                       \
	"Supercalifragilisticexpialidocious"                                                       \
	"Supercalifragilisticexpialidocious"                                                       \
	"Supercalifragilisticexpialidocious"                                                       \
	"Supercalifragilisticexpialidocious"                                                       \
	"Supercalifragilisticexpialidocious"                                                       \
	"Superca"

static const char *const texts[] = {
    "Talk at 3 pm in room B",
    "Career talk at 3 pm in room B: meet the engineering team, bring your questions and your "
    "CV, coffee and cake for everyone who comes along",
    "محاضرة عن الوظائف الساعة الثالثة في القاعة ب",
    "下午三点在B室举行职业讲座，欢迎大家参加并提出问题",
    "\xE2\x80\xAE"
    "Talk at 3 pm\xE2\x80\xAC in \xE2\x80\xAB"
    "room B\xE2\x80\xAC\xE2\x80\x8F",
    LONG_WORD,
    "🎉 Party at the booth 🍰 at 5 pm 🎉",
    "Talk 3 pm · محاضرة الساعة ٣ · 讲座下午三点 · 🎤",
};

/* The band's boxes on page pg: those at or below d->announce_y. Every
 * other box ends above it. Returns how many text boxes the band has. */
static size_t band_text(const layout_doc *d, const layout_page *pg)
{
	size_t n = 0;
	assert_true(d->announce_y > 0);
	for (size_t i = 0; i < pg->n; i++) {
		const layout_box *b = &pg->boxes[i];
		if (b->y >= d->announce_y) {
			n += b->kind == LAYOUT_TEXT && b->len;
			continue;
		}
		if (b->y + b->h > d->announce_y)
			fail_msg("box (%d,%d %dx%d) reaches into the band at %d", b->x, b->y, b->w,
			         b->h, d->announce_y);
	}
	return n;
}

static void check_doc(const layout_doc *d, const char *what, int w, int h, const char *text)
{
	jk_err err = {0};
	if (layout_check(d, &err))
		fail_msg("%s at %dx%d with \"%.40s\": %s", what, w, h, text, err.msg);
	for (size_t p = 0; p < d->npages; p++)
		if (!band_text(d, &d->pages[p]))
			fail_msg("%s at %dx%d page %zu: no band text for \"%.40s\"", what, w, h,
			         p + 1, text);
}

/* Every posting of the seeds and samples, the overview and the waiting
 * message, with every text in the band, at every size. */
static void test_band_everywhere(void **state)
{
	(void)state;
	const char *dirs[] = {tu_fixture("seeds"), tu_root("samples")};
	posting_list all;
	posting_list_init(&all);
	for (size_t k = 0; k < JK_ARRAY_LEN(dirs); k++) {
		DIR *dh = opendir(dirs[k]);
		assert_non_null(dh);
		struct dirent *e;
		while ((e = readdir(dh))) {
			if (e->d_name[0] == '.' || strstr(e->d_name, ".md") == NULL)
				continue; /* one format is enough here: the band is the same */
			char path[2400];
			snprintf(path, sizeof path, "%s/%s", dirs[k], e->d_name);
			size_t len;
			char *data = tu_read(path, &len);
			posting_list l;
			jk_err err;
			if (tu_load(data, len, path, &l, &err, NULL))
				fail_msg("%s: %s", path, err.msg);
			free(data);
			for (size_t i = 0; i < l.n; i++)
				posting_list_push(&all, l.items[i]);
			l.n = 0;
			posting_list_free(&l);
		}
		closedir(dh);
	}
	assert_true(all.n >= 3);
	for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++)
		for (size_t t = 0; t < JK_ARRAY_LEN(texts); t++) {
			int w = sizes[z][0], h = sizes[z][1];
			layout_params lp = params(w, h, texts[t]);
			jk_err err = {0};
			layout_doc d;
			for (size_t i = 0; i < all.n; i++) {
				if (layout_posting(all.items[i], &lp, &d, &err))
					fail_msg("%s: %s", all.items[i]->source, err.msg);
				check_doc(&d, all.items[i]->source, w, h, texts[t]);
				layout_doc_free(&d);
			}
			assert_int_equal(layout_overview((const posting *const *)all.items, all.n,
			                                 &lp, &d, &err),
			                 0);
			check_doc(&d, "overview", w, h, texts[t]);
			layout_doc_free(&d);
			assert_int_equal(layout_message("Waiting for postings",
			                                "Trying greenhouse:acme", "Checking again",
			                                &lp, &d, &err),
			                 0);
			check_doc(&d, "waiting", w, h, texts[t]);
			layout_doc_free(&d);
		}
	/* No announcement: no band, the pages as before. */
	layout_params lp = params(1920, 1080, NULL);
	layout_doc d;
	assert_int_equal(layout_posting(all.items[0], &lp, &d, NULL), 0);
	assert_int_equal(d.announce_y, 0);
	layout_doc_free(&d);
	lp.announce = "";
	assert_int_equal(layout_posting(all.items[0], &lp, &d, NULL), 0);
	assert_int_equal(d.announce_y, 0);
	layout_doc_free(&d);
	posting_list_free(&all);
}

/* The urgent page: one page, every box safe, the text's boxes there. */
static void test_urgent_page(void **state)
{
	(void)state;
	for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++)
		for (size_t t = 0; t < JK_ARRAY_LEN(texts); t++) {
			int w = sizes[z][0], h = sizes[z][1];
			layout_params lp = params(w, h, "ignored: the page is the announcement");
			layout_doc d;
			jk_err err = {0};
			if (layout_announce_page(texts[t], &lp, &d, &err))
				fail_msg("%dx%d: %s", w, h, err.msg);
			assert_int_equal(d.npages, 1);
			assert_int_equal(d.announce_y, 0);
			if (layout_check(&d, &err))
				fail_msg("urgent at %dx%d with \"%.40s\": %s", w, h, texts[t],
				         err.msg);
			size_t n = 0;
			int px = 0;
			for (size_t i = 0; i < d.pages[0].n; i++)
				if (d.pages[0].boxes[i].kind == LAYOUT_TEXT &&
				    d.pages[0].boxes[i].px > px) {
					px = d.pages[0].boxes[i].px;
					n++;
				}
			assert_true(n > 0);
			/* Bigger than any body text: read from across the hall. */
			assert_true(px >= layout_body_floor(w, h) * 3 / 2);
			layout_doc_free(&d);
		}
	layout_doc d;
	assert_int_equal(layout_announce_page("x", NULL, &d, NULL), JK_EARG);
}

/* ---- pixels read back -------------------------------------------------------- */

/* s with everything but ASCII letters and digits dropped, lower case. */
static void squash(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	for (; *s && n + 1 < cap; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			out[n++] = *s;
		else if (*s >= 'A' && *s <= 'Z')
			out[n++] = (char)(*s + 32);
	out[n] = '\0';
}

static void save(SDL_Surface *s, const char *name, char *path, size_t cap)
{
	snprintf(path, cap, "%s/%s", tu_tmpdir(), name);
	assert_int_equal(IMG_SavePNG(s, path), 0);
	const char *dir = getenv("JK_SHOTS");
	if (dir && *dir) {
		char p2[1024];
		snprintf(p2, sizeof p2, "%s/%s", dir, name);
		assert_int_equal(IMG_SavePNG(s, p2), 0);
	}
}

/* Rectangle r of s written as a PNG at path. */
static void save_part(SDL_Surface *s, SDL_Rect r, const char *path)
{
	SDL_Surface *part =
	    SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 32, SDL_PIXELFORMAT_XRGB8888);
	assert_non_null(part);
	assert_int_equal(SDL_BlitSurface(s, &r, part, NULL), 0);
	assert_int_equal(IMG_SavePNG(part, path), 0);
	SDL_FreeSurface(part);
}

static const posting *sample(posting_list *l)
{
	size_t len;
	const char *path = tu_root("samples/fernleaf-data-analyst.md");
	char *data = tu_read(path, &len);
	jk_err err;
	if (tu_load(data, len, path, l, &err, NULL))
		fail_msg("%s", err.msg);
	free(data);
	assert_true(l->n >= 1);
	return l->items[0];
}

/* The band on a posting's page, rendered: tesseract reads the band's
 * words from the band alone, and the page's own title from the rest. */
static void test_band_ocr(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = sample(&l);
	const char *text = "Career talk at 3 pm in room B, all welcome";
	for (size_t z = 0; z < 2; z++) {
		int w = sizes[z][0], h = sizes[z][1];
		layout_params lp = params(w, h, text);
		layout_doc d;
		jk_err err = {0};
		assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
		assert_int_equal(layout_check(&d, &err), 0);
		SDL_Surface *s = render_page(fonts, &d, 0, &theme, 0, &err);
		assert_non_null(s);
		char path[1024], name[64];
		snprintf(name, sizeof name, "announce-band-%dx%d.png", w, h);
		save(s, name, path, sizeof path);
		/* The band alone. */
		snprintf(path, sizeof path, "%s/band-only-%dx%d.png", tu_tmpdir(), w, h);
		save_part(s, (SDL_Rect){0, d.announce_y, w, h - d.announce_y}, path);
		char *got = tu_tesseract(path, "eng", 6), sq[1024], want[256];
		squash(got, sq, sizeof sq);
		squash(text, want, sizeof want);
		printf("band %dx%d read: %s\n", w, h, sq);
		assert_non_null(strstr(sq, "careertalk"));
		assert_non_null(strstr(sq, "room"));
		free(got);
		/* The page above the band: its title still there. */
		snprintf(path, sizeof path, "%s/page-%dx%d.png", tu_tmpdir(), w, h);
		save_part(s, (SDL_Rect){0, 0, w, d.announce_y}, path);
		got = tu_tesseract(path, "eng", 3);
		squash(got, sq, sizeof sq);
		squash(p->title, want, sizeof want);
		want[12] = '\0';
		if (!strstr(sq, want))
			fail_msg("title \"%s\" not read above the band: %s", want, sq);
		free(got);
		SDL_FreeSurface(s);
		layout_doc_free(&d);
	}
	posting_list_free(&l);
}

/* The urgent page, rendered: tesseract reads the whole text. */
static void test_urgent_ocr(void **state)
{
	(void)state;
	const char *text = "Fire drill at 2 pm: please leave the hall by the north doors";
	for (size_t z = 0; z < 2; z++) {
		int w = sizes[z][0], h = sizes[z][1];
		layout_params lp = params(w, h, NULL);
		layout_doc d;
		jk_err err = {0};
		assert_int_equal(layout_announce_page(text, &lp, &d, &err), 0);
		SDL_Surface *s = render_page(fonts, &d, 0, &theme, 0, &err);
		assert_non_null(s);
		char path[1024], name[64];
		snprintf(name, sizeof name, "announce-urgent-%dx%d.png", w, h);
		save(s, name, path, sizeof path);
		char *got = tu_tesseract(path, "eng", 3), sq[1024], want[256];
		squash(got, sq, sizeof sq);
		squash(text, want, sizeof want);
		printf("urgent %dx%d read: %s\n", w, h, sq);
		if (!strstr(sq, want))
			fail_msg("urgent text not read whole: %s", sq);
		free(got);
		SDL_FreeSurface(s);
		layout_doc_free(&d);
	}
}

/* Every text's band under the overview, rendered at every size: the
 * band holds its text's ink (no empty band), pictures for a person's eye
 * under JK_SHOTS. */
static void test_band_pictures(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = sample(&l);
	for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++)
		for (size_t t = 0; t < JK_ARRAY_LEN(texts); t++) {
			int w = sizes[z][0], h = sizes[z][1];
			layout_params lp = params(w, h, texts[t]);
			layout_doc d;
			jk_err err = {0};
			assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
			SDL_Surface *s = render_page(fonts, &d, 0, &theme, 0, &err);
			assert_non_null(s);
			/* Ink of the text colour (the theme's background) inside the
			 * band's panel: the text is drawn. */
			size_t ink = 0;
			for (int y = d.announce_y; y < h * 95 / 100; y++)
				for (int x = w * 5 / 100; x < w * 95 / 100; x++)
					ink +=
					    (((const uint32_t *)((const char *)s->pixels +
					                         (size_t)y * (size_t)s->pitch))[x] &
					     0xFFFFFFu) == theme.bg;
			if (ink < (size_t)(w / 10))
				fail_msg("%dx%d \"%.30s\": band with no text", w, h, texts[t]);
			char path[1024], name[64];
			snprintf(name, sizeof name, "band-%zu-%dx%d.png", t, w, h);
			save(s, name, path, sizeof path);
			SDL_FreeSurface(s);
			layout_doc_free(&d);
		}
	posting_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_band_everywhere), cmocka_unit_test(test_urgent_page),
	    cmocka_unit_test(test_band_ocr),        cmocka_unit_test(test_urgent_ocr),
	    cmocka_unit_test(test_band_pictures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
