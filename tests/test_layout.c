/* test_layout.c — layout driven by a fake measurer (layout is pure): safe
 * area, no overlaps, size floor, pagination, line breaking, the QR box. */
#include "testutil.h"

#include "layout.h"
#include "qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every code point is 0.55 em wide (bold 0.6 em), CJK 1 em. */
static int fake_width(void *ud, const char *s, size_t n, int px, unsigned style)
{
	(void)ud;
	int w = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		i += jk_utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x2E80)
			w += px;
		else
			w += (style & POSTING_BOLD) ? px * 60 / 100 : px * 55 / 100;
	}
	return w;
}

static int fake_height(void *ud, int px)
{
	(void)ud;
	return px * 12 / 10;
}

static layout_theme theme;

static layout_params params(int w, int h)
{
	theme = layout_theme_default();
	layout_params lp = {.w = w, .h = h, .theme = &theme,
	                    .measure = {.width = fake_width, .height = fake_height}};
	return lp;
}

static posting *make_posting(const char *title, const char *apply, size_t words)
{
	posting *p = posting_new();
	assert_non_null(p);
	posting_set(&p->title, title, (size_t)-1);
	posting_set(&p->organization, "Northwind Labs", (size_t)-1);
	posting_set(&p->location, "Lisbon, Portugal", (size_t)-1);
	posting_set(&p->employment, "Full-time", (size_t)-1);
	if (apply)
		posting_set(&p->apply, apply, (size_t)-1);
	posting_section *s = posting_add_section(p, "About the role");
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	posting_block_append(b, "You will build ", (size_t)-1, 0);
	posting_block_append(b, "reliable", (size_t)-1, POSTING_BOLD);
	posting_block_append(b, " systems with a small, kind team.", (size_t)-1, 0);
	s = posting_add_section(p, "What you bring");
	for (int i = 1; i <= 3; i++) {
		b = posting_add_block(s, POSTING_NUMBERED, i);
		posting_block_append(b, "Experience with C and careful memory handling", (size_t)-1, 0);
	}
	b = posting_add_block(s, POSTING_BULLET, 0);
	posting_block_append(b, "Curiosity", (size_t)-1, POSTING_ITALIC);
	if (words) {
		s = posting_add_section(p, "Details");
		b = posting_add_block(s, POSTING_PARAGRAPH, 0);
		char w[32];
		for (size_t i = 0; i < words; i++) {
			/* A new paragraph every 120 words. */
			if (i && i % 120 == 0)
				b = posting_add_block(s, POSTING_PARAGRAPH, 0);
			snprintf(w, sizeof w, "word%zu ", i);
			posting_block_append(b, w, (size_t)-1, 0);
		}
	}
	assert_int_equal(posting_finish(p, 0), 0);
	return p;
}

static const layout_box *find_qr(const layout_page *pg)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_QR)
			return &pg->boxes[i];
	return NULL;
}

static bool page_has_text(const layout_page *pg, const char *needle)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_TEXT && pg->boxes[i].len == strlen(needle) &&
		    memcmp(pg->boxes[i].text, needle, pg->boxes[i].len) == 0)
			return true;
	return false;
}

static void check_doc(const layout_doc *d)
{
	jk_err err = {0};
	if (layout_check(d, &err))
		fail_msg("%s", err.msg);
}

static void test_basic_landscape_portrait(void **state)
{
	(void)state;
	posting *p = make_posting("Systems Engineer", "https://jobs.example.com/apply/42?src=kiosk", 0);
	int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}, {800, 480}};
	for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++) {
		layout_params lp = params(sizes[k][0], sizes[k][1]);
		layout_doc d;
		jk_err err = {0};
		assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
		assert_int_equal(d.npages, 1);
		check_doc(&d);
		assert_true(d.body_px >= layout_body_floor(lp.w, lp.h));
		/* A short posting gets more than the floor. */
		assert_true(d.body_px > layout_body_floor(lp.w, lp.h));
		const layout_box *q = find_qr(&d.pages[0]);
		assert_non_null(q);
		assert_string_equal(q->text, "https://jobs.example.com/apply/42?src=kiosk");
		assert_int_equal(q->w, (q->qr_modules + 2 * QR_QUIET) * q->qr_scale);
		int s = lp.w < lp.h ? lp.w : lp.h;
		assert_true(q->qr_scale * 1080 >= 6 * s);
		assert_true(page_has_text(&d.pages[0], "Scan to apply"));
		assert_true(page_has_text(&d.pages[0], "1.") && page_has_text(&d.pages[0], "3."));
		assert_true(page_has_text(&d.pages[0], "reliable"));
		/* Bold run kept as a bold box. */
		for (size_t i = 0; i < d.pages[0].n; i++) {
			const layout_box *b = &d.pages[0].boxes[i];
			if (b->kind == LAYOUT_TEXT && b->len == 8 && !memcmp(b->text, "reliable", 8))
				assert_int_equal(b->style, POSTING_BOLD);
			if (b->kind == LAYOUT_TEXT && b->len == 9 && !memcmp(b->text, "Curiosity", 9))
				assert_int_equal(b->style, POSTING_ITALIC);
		}
		layout_doc_free(&d);
	}
	posting_free(p);
}

static void test_no_apply_no_qr(void **state)
{
	(void)state;
	posting *p = make_posting("Barista", NULL, 0);
	layout_params lp = params(1920, 1080);
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	check_doc(&d);
	for (size_t i = 0; i < d.npages; i++) {
		assert_null(find_qr(&d.pages[i]));
		assert_false(page_has_text(&d.pages[i], "Scan to apply"));
	}
	layout_doc_free(&d);
	posting_free(p);
}

/* Body text of all pages joined with spaces, skipping the chrome (title,
 * header, footer, caption): boxes whose px is the body size. */
static char *body_text(const layout_doc *d)
{
	jk_buf b = {0};
	for (size_t p = 0; p < d->npages; p++)
		for (size_t i = 0; i < d->pages[p].n; i++) {
			const layout_box *x = &d->pages[p].boxes[i];
			if (x->kind != LAYOUT_TEXT || x->px != d->body_px ||
			    strncmp(x->text, "word", 4) != 0)
				continue;
			jk_buf_append(&b, x->text, x->len);
			jk_buf_putc(&b, ' ');
		}
	return jk_buf_detach(&b);
}

static void test_5000_words_paginate(void **state)
{
	(void)state;
	posting *p = make_posting("Research Intern", "mailto:jobs@example.org?subject=Intern", 5000);
	int sizes[][2] = {{1920, 1080}, {1080, 1920}};
	for (size_t k = 0; k < 2; k++) {
		layout_params lp = params(sizes[k][0], sizes[k][1]);
		layout_doc d;
		assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
		check_doc(&d);
		assert_true(d.npages > 5);
		assert_true(d.body_px >= 38);
		for (size_t i = 0; i < d.npages; i++) {
			assert_non_null(find_qr(&d.pages[i]));
			char num[32];
			snprintf(num, sizeof num, "%zu / %zu", i + 1, d.npages);
			assert_true(page_has_text(&d.pages[i], num));
			if (i > 0)
				assert_true(page_has_text(&d.pages[i], "Research Intern"));
		}
		/* Nothing lost, nothing reordered. */
		char *t = body_text(&d);
		char w[32];
		const char *at = t;
		for (size_t i = 0; i < 5000; i++) {
			snprintf(w, sizeof w, "word%zu ", i);
			const char *f = strstr(at, w);
			if (!f)
				fail_msg("word%zu missing or out of order", i);
			at = f + strlen(w);
		}
		free(t);
		layout_doc_free(&d);
	}
	posting_free(p);
}

static void test_break_rules(void **state)
{
	(void)state;
	assert_true(layout_break_between('-', 'a'));
	assert_true(layout_break_between('/', 'b'));
	assert_false(layout_break_between('a', 'b'));
	assert_true(layout_break_between(0x4E2D, 0x6587)); /* 中文 */
	assert_true(layout_break_between('a', 0x6587));
	assert_false(layout_break_between(0x4E2D, 0x3002)); /* no break before 。 */
	assert_false(layout_break_between(0x300C, 0x4E2D)); /* none after 「 */
}

/* Lines of a single-block posting: runs on the same y joined. */
static void test_long_word_and_cjk(void **state)
{
	(void)state;
	posting *p = posting_new();
	posting_set(&p->title, "Ingénieur·e logiciel embarqué", (size_t)-1);
	posting_section *s = posting_add_section(p, NULL);
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	char big[2001];
	memset(big, 'x', 2000);
	big[2000] = '\0';
	posting_block_append(b, big, 2000, 0);
	b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	const char *cjk = "我们正在寻找一位热爱技术的软件工程师，负责设计和实现高性能的分布式系统。"
	                  "你将与世界一流的研究人员合作，推动云计算基础设施的创新。";
	posting_block_append(b, cjk, (size_t)-1, 0);
	b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	posting_block_append(b, "https://careers.example.com/very/long/path/segments/for/testing/"
	                        "the/slash/breaking/rule/in/layout/engine",
	                     (size_t)-1, 0);
	posting_finish(p, 0);
	layout_params lp = params(1920, 1080);
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	check_doc(&d);
	int x0, y0, x1, y1;
	layout_safe_area(1920, 1080, &x0, &y0, &x1, &y1);
	size_t xs = 0, cjk_lines = 0;
	for (size_t pg = 0; pg < d.npages; pg++)
		for (size_t i = 0; i < d.pages[pg].n; i++) {
			const layout_box *x = &d.pages[pg].boxes[i];
			if (x->kind != LAYOUT_TEXT)
				continue;
			assert_true(x->x + x->w <= x1);
			if (x->text[0] == 'x')
				xs += x->len;
			if (!strncmp(x->text, "我", 3) || !strncmp(x->text + x->len - 3, "。", 3))
				cjk_lines++;
		}
	assert_int_equal(xs, 2000); /* the long word split, every character kept */
	assert_true(cjk_lines >= 2);
	layout_doc_free(&d);
	posting_free(p);
}

/* A paragraph's last line never starts a page alone. */
static void test_no_widows(void **state)
{
	(void)state;
	for (size_t words = 300; words < 1400; words += 97) {
		posting *p = make_posting("Analyst", "https://example.com/a", words);
		layout_params lp = params(1920, 1080);
		layout_doc d;
		assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
		check_doc(&d);
		for (size_t pg = 1; pg < d.npages; pg++) {
			/* First body line of the page: the lowest y among "word" boxes. */
			int top = 1 << 30, second = 1 << 30;
			for (size_t i = 0; i < d.pages[pg].n; i++) {
				const layout_box *x = &d.pages[pg].boxes[i];
				if (x->kind == LAYOUT_TEXT && x->px == d.body_px && x->y < top)
					top = x->y;
			}
			for (size_t i = 0; i < d.pages[pg].n; i++) {
				const layout_box *x = &d.pages[pg].boxes[i];
				if (x->kind == LAYOUT_TEXT && x->px == d.body_px && x->y > top &&
				    x->y < second)
					second = x->y;
			}
			/* The line after the top one is part of the same paragraph
			 * (less than a paragraph gap below) or there is none. */
			if (second != 1 << 30)
				assert_true(second - top < d.body_px * 2);
		}
		layout_doc_free(&d);
		posting_free(p);
	}
}

static void test_overview(void **state)
{
	(void)state;
	posting *ps[30];
	for (size_t i = 0; i < 30; i++) {
		char t[64];
		snprintf(t, sizeof t, "Position number %zu", i);
		ps[i] = make_posting(t, "https://example.com", 0);
	}
	int sizes[][2] = {{1920, 1080}, {1080, 1920}};
	for (size_t k = 0; k < 2; k++) {
		layout_params lp = params(sizes[k][0], sizes[k][1]);
		layout_doc d;
		assert_int_equal(layout_overview((const posting *const *)ps, 30, &lp, &d, NULL), 0);
		check_doc(&d);
		assert_true(d.npages >= 1);
		assert_true(page_has_text(&d.pages[0], "Open positions"));
		assert_null(find_qr(&d.pages[0]));
		size_t found = 0;
		for (size_t pg = 0; pg < d.npages; pg++)
			for (size_t i = 0; i < 30; i++) {
				char t[64];
				snprintf(t, sizeof t, "Position number %zu", i);
				if (page_has_text(&d.pages[pg], t))
					found++;
			}
		assert_int_equal(found, 30);
		layout_doc_free(&d);
	}
	for (size_t i = 0; i < 30; i++)
		posting_free(ps[i]);
}

static void test_hostile(void **state)
{
	(void)state;
	layout_params lp = params(1920, 1080);
	layout_doc d;
	jk_err err = {0};
	/* Empty posting. */
	posting *p = posting_new();
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	check_doc(&d);
	assert_true(page_has_text(&d.pages[0], "Open position"));
	layout_doc_free(&d);
	/* Huge title, spans pointing past the text. */
	char *t = malloc(20001);
	for (int i = 0; i < 20000; i++)
		t[i] = (i % 7) ? 'a' : ' ';
	t[20000] = '\0';
	posting_set(&p->title, t, (size_t)-1);
	posting_section *s = posting_add_section(p, "H");
	posting_block *b = posting_add_block(s, POSTING_BULLET, 0);
	posting_block_append(b, "x", 1, 0);
	b->spans = realloc(b->spans, sizeof *b->spans);
	b->spans[0] = (posting_span){.start = 0, .len = 999999, .style = 0xff};
	b->nspans = 1;
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	check_doc(&d);
	assert_true(d.npages <= 100);
	layout_doc_free(&d);
	free(t);
	/* Apply target too long for any QR: no code, still a layout. */
	char *u = malloc(8001);
	memcpy(u, "https://", 8);
	memset(u + 8, 'a', 7992);
	u[8000] = '\0';
	p->apply = u;
	assert_int_equal(layout_posting(p, &lp, &d, &err), 0);
	check_doc(&d);
	layout_doc_free(&d);
	posting_free(p);
	/* Bad parameters. */
	lp = params(10, 10);
	assert_int_equal(layout_posting(NULL, &lp, &d, &err), JK_EARG);
	p = posting_new();
	assert_int_equal(layout_posting(p, &lp, &d, &err), JK_EARG);
	assert_non_null(strstr(err.msg, "10x10"));
	layout_doc_free(&d);
	layout_doc_free(NULL);
	posting_free(p);
}

static void test_checker_catches_overlap(void **state)
{
	(void)state;
	layout_box boxes[2] = {{.kind = LAYOUT_TEXT, .x = 200, .y = 200, .w = 100, .h = 40},
	                       {.kind = LAYOUT_TEXT, .x = 250, .y = 220, .w = 100, .h = 40}};
	layout_page pg = {.boxes = boxes, .n = 2};
	layout_doc d = {.pages = &pg, .npages = 1, .w = 1920, .h = 1080};
	jk_err err = {0};
	assert_int_equal(layout_check(&d, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "overlaps"));
	boxes[1].x = 1900;
	assert_int_equal(layout_check(&d, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "safe area"));
}

static void test_qr_caption(void **state)
{
	(void)state;
	char *s = qr_caption_target("https://www.example.com/jobs/42/?utm=x#top");
	assert_string_equal(s, "example.com/jobs/42");
	free(s);
	s = qr_caption_target("mailto:jobs@example.org?subject=Hello");
	assert_string_equal(s, "jobs@example.org");
	free(s);
	s = qr_caption_target("http://user@host.example/path");
	assert_string_equal(s, "host.example/path");
	free(s);
	assert_null(qr_caption_target(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_basic_landscape_portrait),
	    cmocka_unit_test(test_no_apply_no_qr),
	    cmocka_unit_test(test_5000_words_paginate),
	    cmocka_unit_test(test_break_rules),
	    cmocka_unit_test(test_long_word_and_cjk),
	    cmocka_unit_test(test_no_widows),
	    cmocka_unit_test(test_overview),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_checker_catches_overlap),
	    cmocka_unit_test(test_qr_caption),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
