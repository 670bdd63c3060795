/* test_qr.c — the apply QR on its own: error correction M or better read
 * from the symbol's format bits, the 4-module quiet zone and >= 6 px modules
 * at 1080p in the drawn page, exact text read back by zbar from the pixels
 * (query strings, mailto with subject, UTF-8 in a path), no code without an
 * apply target, long targets encoded or refused cleanly, and the one code
 * per posting that layout encodes and render draws. */
#include "testutil.h"

#include "qr.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The error correction level from the format bits next to the top-left
 * finder (ISO 18004 7.9): 1 = L, 0 = M, 3 = Q, 2 = H. */
static int ec_level(const qr_code *q)
{
	unsigned bits = 0;
	for (int i = 0; i <= 5; i++)
		bits |= (unsigned)qr_dark(q, 8, i) << i;
	bits |= (unsigned)qr_dark(q, 8, 7) << 6;
	bits |= (unsigned)qr_dark(q, 8, 8) << 7;
	bits |= (unsigned)qr_dark(q, 7, 8) << 8;
	for (int i = 9; i < 15; i++)
		bits |= (unsigned)qr_dark(q, 14 - i, 8) << i;
	bits ^= 0x5412;
	return (int)(bits >> 13);
}

static void test_ec_level_m_or_better(void **state)
{
	(void)state;
	const char *t[] = {"https://example.com/a", "mailto:jobs@example.org?subject=Hi",
	                   "https://careers.example.com/jobs/1234?utm_source=kiosk&ref=fair"};
	for (size_t i = 0; i < JK_ARRAY_LEN(t); i++) {
		qr_code q;
		assert_int_equal(qr_encode(t[i], &q, NULL), 0);
		assert_true(q.size >= 21 && (q.size - 17) % 4 == 0);
		int ec = ec_level(&q);
		assert_int_not_equal(ec, 1); /* never L */
		assert_int_equal(ec, 0);     /* M: what qr.h promises */
		qr_code_free(&q);
	}
}

static posting *with_apply(const char *apply)
{
	posting *p = posting_new();
	posting_set(&p->title, "Firmware Engineer", (size_t)-1);
	posting_set(&p->organization, "Harbor Robotics", (size_t)-1);
	if (apply)
		p->apply = jk_strndup(apply, (size_t)-1); /* byte for byte, as import keeps it */
	posting_section *s = posting_add_section(p, "About");
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	posting_block_append(b, "Write the code that keeps the robots moving.", (size_t)-1, 0);
	posting_finish(p, 0);
	return p;
}

static const layout_box *find_qr(const layout_doc *d)
{
	for (size_t i = 0; d->npages && i < d->pages[0].n; i++)
		if (d->pages[0].boxes[i].kind == LAYOUT_QR)
			return &d->pages[0].boxes[i];
	return NULL;
}

/* Lays out and draws p at w x h; returns the first page (caller frees) and
 * the QR box in *qb (copied) when there is one. */
static SDL_Surface *draw(const posting *p, int w, int h, layout_box *qb, bool *has_qr)
{
	layout_params lp = {.w = w, .h = h, .theme = &theme, .measure = render_measurer(fonts)};
	layout_doc d;
	jk_err err = {0};
	if (layout_posting(p, &lp, &d, &err))
		fail_msg("%s", err.msg);
	const layout_box *b = find_qr(&d);
	*has_qr = b != NULL;
	if (b) {
		*qb = *b;
		assert_string_equal(b->text, p->apply); /* exactly the target */
		qb->text = NULL;                        /* the doc's, freed below */
	}
	SDL_Surface *s = render_page(fonts, &d, 0, &theme, 0, &err);
	layout_doc_free(&d);
	if (!s)
		fail_msg("%s", err.msg);
	return s;
}

static Uint32 pixel(SDL_Surface *s, int x, int y)
{
	return *(Uint32 *)((Uint8 *)s->pixels + (size_t)y * s->pitch + (size_t)x * 4) & 0xFFFFFFu;
}

/* Module size, quiet zone and exact read-back at 1080p, both shapes. */
static void test_scale_quiet_zone_exact(void **state)
{
	(void)state;
	const char *t[] = {
	    "https://careers.example.com/jobs/1234?utm_source=kiosk&ref=fair#apply",
	    "mailto:jobs@example.org?subject=Application%20for%20Firmware%20Engineer",
	    "https://example.jp/求人/エンジニア?lang=ja",
	    "http://example.com/a%20b/c?x=1&y=%C3%A9",
	};
	int sizes[][2] = {{1920, 1080}, {1080, 1920}};
	for (size_t i = 0; i < JK_ARRAY_LEN(t); i++)
		for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++) {
			posting *p = with_apply(t[i]);
			layout_box qb;
			bool has;
			SDL_Surface *s = draw(p, sizes[z][0], sizes[z][1], &qb, &has);
			assert_true(has);
			assert_true(qb.qr_scale >= 6);
			assert_int_equal(qb.w, (qb.qr_modules + 2 * QR_QUIET) * qb.qr_scale);
			assert_int_equal(qb.h, qb.w);
			/* The quiet zone: every pixel of the 4-module ring is light. */
			Uint32 light = theme.card & 0xFFFFFFu;
			int qz = QR_QUIET * qb.qr_scale;
			for (int y = qb.y; y < qb.y + qb.h; y++)
				for (int x = qb.x; x < qb.x + qb.w; x++) {
					bool ring = x < qb.x + qz || x >= qb.x + qb.w - qz ||
					            y < qb.y + qz || y >= qb.y + qb.h - qz;
					if (ring && pixel(s, x, y) != light)
						fail_msg(
						    "quiet zone pixel (%d,%d) not light for %s", x,
						    y, t[i]);
				}
			/* The top-left finder's corner module is dark, right after it. */
			assert_int_equal(pixel(s, qb.x + qz, qb.y + qz), theme.card_fg & 0xFFFFFFu);
			char *got = tu_zbar_surface(s, NULL);
			if (!got || strcmp(got, t[i]))
				fail_msg("zbar read '%s', want '%s' (%dx%d)",
				         got ? got : "(nothing)", t[i], sizes[z][0], sizes[z][1]);
			free(got);
			SDL_FreeSurface(s);
			posting_free(p);
		}
}

static void test_no_apply_no_qr(void **state)
{
	(void)state;
	posting *p = with_apply(NULL);
	layout_box qb;
	bool has = true;
	SDL_Surface *s = draw(p, 1920, 1080, &qb, &has);
	assert_false(has);
	char *got = tu_zbar_surface(s, NULL);
	assert_null(got);
	SDL_FreeSurface(s);
	posting_free(p);
	qr_code q;
	jk_err err = {0};
	assert_int_equal(qr_encode("", &q, &err), JK_EARG);
	assert_int_equal(qr_encode(NULL, &q, &err), JK_EARG);
	qr_code_free(&q);
	qr_code_free(NULL);
}

/* 2,000 bytes still encode (and read back at 6 px a module); too long to
 * scan from a booth at 1080p, the page goes without a code rather than with
 * one of tiny modules. 3,000 bytes are refused with a clear message. */
static void test_long_targets(void **state)
{
	(void)state;
	char *t = malloc(3001);
	assert_non_null(t);
	int n = snprintf(t, 3001, "https://example.com/apply?token=");
	while (n < 2000) {
		t[n] = (char)('a' + n % 26);
		n++;
	}
	t[n] = '\0';
	qr_code q;
	jk_err err = {0};
	assert_int_equal(qr_encode(t, &q, &err), 0);
	assert_true(q.size <= 177);
	assert_int_equal(ec_level(&q), 0);
	int sc = 6, side = (q.size + 2 * QR_QUIET) * sc;
	unsigned char *grey = malloc((size_t)side * (size_t)side);
	assert_non_null(grey);
	for (int y = 0; y < side; y++)
		for (int x = 0; x < side; x++)
			grey[(size_t)y * side + x] =
			    qr_dark(&q, x / sc - QR_QUIET, y / sc - QR_QUIET) ? 0 : 255;
	char *got = tu_zbar_grey(grey, side, side, NULL);
	assert_non_null(got);
	assert_string_equal(got, t);
	free(got);
	free(grey);
	qr_code_free(&q);

	posting *p = with_apply(t);
	layout_box qb;
	bool has;
	SDL_Surface *s = draw(p, 1920, 1080, &qb, &has);
	if (has)
		assert_true(qb.qr_scale >= 6); /* never a code too fine to scan */
	SDL_FreeSurface(s);
	posting_free(p);

	while (n < 3000) {
		t[n] = (char)('a' + n % 26);
		n++;
	}
	t[n] = '\0';
	assert_int_equal(qr_encode(t, &q, &err), JK_ETOOBIG);
	assert_non_null(strstr(err.msg, "3000 bytes"));
	assert_null(q.modules);
	free(t);
}

static void test_caption_target(void **state)
{
	(void)state;
	struct {
		const char *in, *want;
	} c[] = {
	    {"https://www.example.com/jobs/12/?utm=1#x", "example.com/jobs/12"},
	    {"mailto:jobs@example.org?subject=Hello", "jobs@example.org"},
	    {"http://user:pw@example.com/a", "example.com/a"},
	    {"https://example.com/", "example.com"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(c); i++) {
		char *got = qr_caption_target(c[i].in);
		assert_non_null(got);
		assert_string_equal(got, c[i].want);
		free(got);
	}
	assert_null(qr_caption_target(NULL));
}

/* The code is encoded once per layout_posting() call: every page's QR box
 * points to the one code the doc owns, and render draws that code's
 * modules (swapping in another target's modules changes what zbar reads),
 * never a code of its own. */
static void test_render_draws_the_docs_code(void **state)
{
	(void)state;
	const char *a = "https://example.com/jobs/apply-aaaa";
	const char *b = "https://example.com/jobs/apply-bbbb";
	posting *p = with_apply(a);
	posting_section *s = posting_add_section(p, "More");
	for (int i = 0; i < 40; i++) {
		posting_block *bk = posting_add_block(s, POSTING_PARAGRAPH, 0);
		posting_block_append(bk,
		                     "A paragraph long enough to push the posting onto a second "
		                     "and a third page, so the code is on several pages.",
		                     (size_t)-1, 0);
	}
	layout_params lp = {
	    .w = 1920, .h = 1080, .theme = &theme, .measure = render_measurer(fonts)};
	layout_doc d;
	jk_err err = {0};
	if (layout_posting(p, &lp, &d, &err))
		fail_msg("%s", err.msg);
	assert_true(d.npages >= 2);
	assert_non_null(d.qr);
	for (size_t k = 0; k < d.npages; k++) {
		size_t nq = 0;
		for (size_t i = 0; i < d.pages[k].n; i++) {
			const layout_box *q = &d.pages[k].boxes[i];
			if (q->kind != LAYOUT_QR)
				continue;
			nq++;
			assert_ptr_equal(q->qr, d.qr); /* the doc's one code */
			assert_int_equal(q->qr_modules, d.qr->size);
		}
		assert_int_equal(nq, 1);
	}
	SDL_Surface *sf = render_page(fonts, &d, 1, &theme, 0, &err);
	assert_non_null(sf);
	char *got = tu_zbar_surface(sf, NULL);
	assert_non_null(got);
	assert_string_equal(got, a);
	free(got);
	SDL_FreeSurface(sf);
	/* Another target's modules in the doc's code: render draws them. */
	qr_code other;
	assert_int_equal(qr_encode(b, &other, NULL), 0);
	assert_int_equal(other.size, d.qr->size);
	memcpy(d.qr->modules, other.modules, (size_t)other.size * (size_t)other.size);
	qr_code_free(&other);
	sf = render_page(fonts, &d, 0, &theme, 0, &err);
	assert_non_null(sf);
	got = tu_zbar_surface(sf, NULL);
	assert_non_null(got);
	assert_string_equal(got, b);
	free(got);
	SDL_FreeSurface(sf);
	layout_doc_free(&d);
	posting_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ec_level_m_or_better),
	    cmocka_unit_test(test_scale_quiet_zone_exact),
	    cmocka_unit_test(test_no_apply_no_qr),
	    cmocka_unit_test(test_long_targets),
	    cmocka_unit_test(test_caption_target),
	    cmocka_unit_test(test_render_draws_the_docs_code),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
