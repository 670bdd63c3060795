/* test_layout.c — layout driven by a fake measurer (layout is pure): safe
 * area, no overlaps, size floor, pagination, line breaking, the QR box. */
#include "testutil.h"

#include "layout.h"
#include "qr.h"
#include "text.h"

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
	layout_params lp = {.w = w,
	                    .h = h,
	                    .theme = &theme,
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
		posting_block_append(b, "Experience with C and careful memory handling", (size_t)-1,
		                     0);
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
	posting *p =
	    make_posting("Systems Engineer", "https://jobs.example.com/apply/42?src=kiosk", 0);
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
			if (b->kind == LAYOUT_TEXT && b->len == 8 &&
			    !memcmp(b->text, "reliable", 8))
				assert_int_equal(b->style, POSTING_BOLD);
			if (b->kind == LAYOUT_TEXT && b->len == 9 &&
			    !memcmp(b->text, "Curiosity", 9))
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
	posting *p =
	    make_posting("Research Intern", "mailto:jobs@example.org?subject=Intern", 5000);
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

/* True when text_para_analyse() lets a line start at byte `at` of s. */
static bool may_break(const char *s, const char *lang, size_t at)
{
	text_ctx *cx = NULL;
	text_para tp;
	assert_int_equal(text_ctx_open(&cx), 0);
	assert_int_equal(text_para_analyse(cx, &tp, s, strlen(s), lang, TEXT_DIR_AUTO), 0);
	bool r = tp.brk[at];
	text_para_free(&tp);
	text_ctx_free(cx);
	return r;
}

static void test_break_rules(void **state)
{
	(void)state;
	assert_true(may_break("well-known", NULL, 5));
	assert_true(may_break("a/b", NULL, 2) || may_break("and/or", NULL, 4));
	assert_false(may_break("ab", NULL, 1));
	assert_true(may_break("中文", "zh", 3));
	assert_false(may_break("中。", "zh", 3));   /* no break before 。 */
	assert_false(may_break("「中", "ja", 3));   /* none after 「 */
	assert_true(may_break("one two", NULL, 4)); /* after the space */
	assert_false(may_break("one two", NULL, 3));
	/* Thai has no spaces: the dictionary finds the words. */
	const char *th = "ภาษาไทย"; /* ภาษา|ไทย */
	assert_true(may_break(th, "th", strlen("ภาษา")));
	assert_false(may_break(th, "th", strlen("ภา")));
	/* Korean keeps its words whole: between them only, never between
	 * two syllables of one (UAX #14 alone allows both). */
	const char *ko = "간편 정산";
	assert_false(may_break(ko, "ko", strlen("간")));
	assert_true(may_break(ko, "ko", strlen("간편 ")));
	assert_true(may_break(ko, "ja", strlen("간")));
}

/* Bidi levels and base direction: an RTL paragraph with a Latin word and a
 * number keeps them left to right (even levels) inside. */
static void test_bidi_levels(void **state)
{
	(void)state;
	const char *s = "פיתוח ב-C ו-Linux 3.12";
	text_ctx *cx = NULL;
	text_para tp;
	assert_int_equal(text_ctx_open(&cx), 0);
	assert_int_equal(text_para_analyse(cx, &tp, s, strlen(s), "he", TEXT_DIR_AUTO), 0);
	assert_int_equal(tp.base, 1);
	assert_int_equal(tp.level[0] & 1, 1);
	size_t lx = (size_t)(strstr(s, "Linux") - s), num = (size_t)(strstr(s, "3.12") - s);
	assert_int_equal(tp.level[lx] & 1, 0);
	assert_int_equal(tp.level[num] & 1, 0);
	assert_string_equal(text_script_tag(tp.script[0]), "Hebr");
	assert_int_equal(tp.script[lx], 0);
	text_para_free(&tp);
	/* No strong letter: the fallback decides. */
	assert_int_equal(text_para_analyse(cx, &tp, "2024", 4, NULL, TEXT_DIR_AUTO_RTL), 0);
	assert_int_equal(tp.base, 1);
	text_para_free(&tp);
	assert_int_equal(text_base_dir("(1) مهندس", strlen("(1) مهندس")), TEXT_DIR_RTL);
	assert_int_equal(text_base_dir("12", 2), TEXT_DIR_AUTO);
	/* Runs in visual order: levels 0 1 1 0 -> 0 2 1 3. */
	unsigned char lv[] = {0, 1, 1, 0};
	int order[4];
	text_visual_order(lv, 4, order);
	assert_int_equal(order[1], 2);
	assert_int_equal(order[2], 1);
	text_ctx_free(cx);
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
	posting_block_append(b,
	                     "https://careers.example.com/very/long/path/segments/for/testing/"
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

/* Text lines of a page in a band of y: runs on the same y joined, in x
 * order (boxes of a line are emitted left to right). */
typedef struct tline {
	int y, px;
	char text[512];
} tline;

static size_t page_lines(const layout_page *pg, int y0, int y1, uint32_t color, tline *out,
                         size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const layout_box *b = &pg->boxes[i];
		if (b->kind != LAYOUT_TEXT || b->y < y0 || b->y >= y1 || b->color != color)
			continue;
		size_t k = 0;
		while (k < n && out[k].y != b->y)
			k++;
		if (k == n) {
			assert_true(n < cap);
			out[n].y = b->y;
			out[n].px = b->px;
			out[n].text[0] = '\0';
			n++;
		}
		size_t l = strlen(out[k].text);
		assert_true(l + b->len < sizeof out[k].text);
		memcpy(out[k].text + l, b->text, b->len);
		out[k].text[l + b->len] = '\0';
	}
	return n;
}

static void set_meta(posting *p, const char *org, const char *loc, const char *emp, const char *pay)
{
	posting_set(&p->organization, org, (size_t)-1);
	posting_set(&p->location, loc, (size_t)-1);
	posting_set(&p->employment, emp, (size_t)-1);
	posting_set(&p->pay, pay, (size_t)-1);
}

/* The meta line breaks between items: no line starts with the separator,
 * every item is shown whole and in order, a long item wraps inside. */
static void test_meta_no_separator_at_line_start(void **state)
{
	(void)state;
	static const char *const metas[][4] = {
	    {"Brightwater Robotics", "Eindhoven, NL", "Full-time", "€62,000–€78,000 a year"},
	    {"Northwind Labs International Holdings", "Lisbon, Portugal", "Full-time",
	     "EUR 40,000 to 55,000 per year plus a generous relocation package"},
	    {"A", "B", "C", "D"},
	    {"Very long organisation name that certainly does not fit on one line of the "
	     "meta line at all, not even on a 4K screen, no matter how hard it tries",
	     "Remote · Europe", "Part-time", NULL},
	};
	int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {720, 1280}, {800, 480}};
	size_t multi = 0;
	for (size_t m = 0; m < JK_ARRAY_LEN(metas); m++) {
		posting *p =
		    make_posting("Embedded Firmware Engineer",
		                 "https://robotics.example.net/careers/firmware-engineer", 0);
		set_meta(p, metas[m][0], metas[m][1], metas[m][2], metas[m][3]);
		for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++) {
			layout_params lp = params(sizes[k][0], sizes[k][1]);
			layout_doc d;
			assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
			check_doc(&d);
			/* Meta lines: muted text at body size on page 1, above the
			 * first heading. */
			tline ls[32];
			size_t n =
			    page_lines(&d.pages[0], 0, lp.h, theme.muted, ls, JK_ARRAY_LEN(ls));
			jk_buf all = {0};
			size_t nmeta = 0;
			for (size_t i = 0; i < n; i++) {
				if (ls[i].px != d.body_px)
					continue;
				nmeta++;
				if (!strncmp(ls[i].text, "·", 2) ||
				    strstr(ls[i].text, " · ") == ls[i].text)
					fail_msg("%dx%d: meta line starts with the separator: '%s'",
					         lp.w, lp.h, ls[i].text);
				size_t l = strlen(ls[i].text);
				if (l >= 2 && !strcmp(ls[i].text + l - 2, "·"))
					fail_msg("%dx%d: meta line ends with the separator: '%s'",
					         lp.w, lp.h, ls[i].text);
				jk_buf_puts(&all, ls[i].text);
				jk_buf_putc(&all, ' ');
			}
			multi += nmeta > 1;
			/* Every item there, in order. */
			const char *at = all.data;
			for (size_t f = 0; f < 4; f++) {
				if (!metas[m][f])
					continue;
				/* Compare the first word: a long item may wrap. */
				char w[64];
				size_t wl = strcspn(metas[m][f], " ");
				snprintf(w, sizeof w, "%.*s", (int)wl, metas[m][f]);
				const char *hit = strstr(at, w);
				if (!hit)
					fail_msg("%dx%d: meta item '%s' missing in '%s'", lp.w,
					         lp.h, w, all.data);
				at = hit + wl;
			}
			jk_buf_free(&all);
			layout_doc_free(&d);
		}
		posting_free(p);
	}
	/* The cases above do wrap somewhere, or the test tests nothing. */
	assert_true(multi >= 6);
	/* The reported case: 1080x1920, the pay item moves down whole. */
	posting *p = make_posting("Embedded Firmware Engineer", "https://example.net/a", 0);
	set_meta(p, "Brightwater Robotics", "Eindhoven, NL", "Full-time", "€62,000–€78,000 a year");
	layout_params lp = params(1080, 1920);
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	tline ls[32];
	size_t n = page_lines(&d.pages[0], 0, lp.h, theme.muted, ls, JK_ARRAY_LEN(ls));
	bool pay_whole = false;
	for (size_t i = 0; i < n; i++)
		if (ls[i].px == d.body_px && strstr(ls[i].text, "€62,000–€78,000 a year"))
			pay_whole = true;
	assert_true(pay_whole);
	layout_doc_free(&d);
	posting_free(p);
}

/* "A · B" (here in the overview, the same rule holds for any text) breaks
 * after the dot, never before it. */
static void test_separator_not_at_line_start(void **state)
{
	(void)state;
	posting *ps[12];
	for (size_t i = 0; i < 12; i++) {
		char t[96];
		snprintf(t, sizeof t, "Senior Platform Reliability Engineer number %zu", i);
		ps[i] = make_posting(t, NULL, 0);
		posting_set(&ps[i]->organization, "Northwind Laboratories", (size_t)-1);
		posting_set(&ps[i]->location, "Lisbon · Porto · Remote", (size_t)-1);
	}
	int sizes[][2] = {{1920, 1080}, {1080, 1920}, {800, 480}};
	for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++) {
		layout_params lp = params(sizes[k][0], sizes[k][1]);
		layout_doc d;
		assert_int_equal(layout_overview((const posting *const *)ps, 12, &lp, &d, NULL), 0);
		check_doc(&d);
		for (size_t pg = 0; pg < d.npages; pg++) {
			tline ls[64];
			size_t n =
			    page_lines(&d.pages[pg], 0, lp.h, theme.muted, ls, JK_ARRAY_LEN(ls));
			for (size_t i = 0; i < n; i++) {
				const char *t = ls[i].text;
				while (*t == ' ')
					t++;
				/* A muted run at a line start (no bold title before it
				 * on that line) must not open with the dot. */
				bool has_title = false;
				for (size_t j = 0; j < d.pages[pg].n; j++) {
					const layout_box *b = &d.pages[pg].boxes[j];
					if (b->kind == LAYOUT_TEXT && b->y == ls[i].y &&
					    b->color == theme.fg)
						has_title = true;
				}
				if (!has_title && !strncmp(t, "·", 2))
					fail_msg("%dx%d: overview line starts with '·': '%s'", lp.w,
					         lp.h, ls[i].text);
			}
		}
		layout_doc_free(&d);
	}
	for (size_t i = 0; i < 12; i++)
		posting_free(ps[i]);
}

/* The caption under the code: at most two lines, the middle of a long path
 * or address ellipsised, the code itself still the exact target. */
static void test_caption_two_lines(void **state)
{
	(void)state;
	static const struct {
		const char *apply, *want; /* want: a part the caption must keep */
	} cases[] = {
	    {"https://robotics.example.net/careers/firmware-engineer", "firmware-engineer"},
	    {"https://www.msra.cn/zh-cn/jobs/interns/systems-research-group-research-intern",
	     "msra.cn/"},
	    {"https://www.msra.cn/wp-content/uploads/2017/07/internship_application_form.xlsx",
	     "form.xlsx"},
	    {"https://jobs.example.org/careers/europe/engineering/embedded/teams/firmware-engineer"
	     "?utm_source=kiosk",
	     "jobs.example.org/"},
	    {"https://jobs.example.org/"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	     "jobs.ex"},
	    {"https://a-very-long-host-name-for-a-careers-site-of-a-large-company.example.com",
	     "a-very"},
	    {"mailto:crew@harbourlights.example.org?subject=Stage%20Technician%20application",
	     "crew@harbourlights.example.org"},
	    {"mailto:recruitment.office.for.the.northern.region.of.the.company.hospital"
	     "@health-services.example.org",
	     "@health-services.example.org"},
	    {"https://jobs.example.cn/职位/软件工程师/分布式系统/研究/实习生/招聘/申请表格",
	     "jobs.example.cn/"},
	};
	int sizes[][2] = {{1920, 1080}, {1080, 1920}, {1280, 720}, {800, 480}, {3840, 2160}};
	size_t shortened = 0;
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		posting *p = make_posting("Firmware Engineer", cases[i].apply, 0);
		for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++) {
			layout_params lp = params(sizes[k][0], sizes[k][1]);
			layout_doc d;
			assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
			check_doc(&d);
			for (size_t pg = 0; pg < d.npages; pg++) {
				const layout_box *q = find_qr(&d.pages[pg]);
				assert_non_null(q);
				assert_string_equal(q->text, cases[i].apply);
				tline ls[16];
				size_t n = page_lines(&d.pages[pg], 0, lp.h, theme.card_muted, ls,
				                      JK_ARRAY_LEN(ls));
				if (n < 1 || n > 2)
					fail_msg("%s at %dx%d: caption in %zu lines",
					         cases[i].apply, lp.w, lp.h, n);
				char cap[1024] = "";
				for (size_t l = 0; l < n; l++)
					strcat(cap, ls[l].text);
				if (!strstr(cap, cases[i].want))
					fail_msg("%s at %dx%d: caption '%s' lost '%s'",
					         cases[i].apply, lp.w, lp.h, cap, cases[i].want);
				if (strstr(cap, "…")) {
					shortened++;
					/* One ellipsis, in the middle: text on both sides. */
					const char *e = strstr(cap, "…");
					assert_null(strstr(e + 1, "…"));
					assert_true(e > cap && e[3] != '\0');
				}
				/* Nothing of the query or the scheme. */
				assert_null(strstr(cap, "https"));
				assert_null(strstr(cap, "?"));
			}
			layout_doc_free(&d);
		}
		posting_free(p);
	}
	assert_true(shortened >= 8);
	/* A 900-byte target with hundreds of words: still two lines. */
	jk_buf u = {0};
	jk_buf_puts(&u, "https://jobs.example.org");
	while (u.len < 900)
		jk_buf_puts(&u, "/a-b-c-d_e.f");
	posting *big = make_posting("Firmware Engineer", u.data, 0);
	layout_params blp = params(1920, 1080);
	layout_doc bd;
	assert_int_equal(layout_posting(big, &blp, &bd, NULL), 0);
	check_doc(&bd);
	assert_non_null(find_qr(&bd.pages[0]));
	assert_string_equal(find_qr(&bd.pages[0])->text, u.data);
	tline bl[16];
	size_t bn = page_lines(&bd.pages[0], 0, blp.h, theme.card_muted, bl, JK_ARRAY_LEN(bl));
	assert_true(bn >= 1 && bn <= 2);
	assert_int_equal(strncmp(bl[0].text, "jobs.example.org/", 17), 0);
	layout_doc_free(&bd);
	posting_free(big);
	jk_buf_free(&u);
	/* The example from the brief, landscape 1080p: segments dropped, the
	 * host and the last segment kept whole. */
	posting *p = make_posting("Firmware Engineer",
	                          "https://jobs.example.org/careers/europe/engineering/embedded/"
	                          "firmware-engineer",
	                          0);
	layout_params lp = params(1920, 1080);
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	tline ls[16];
	size_t n = page_lines(&d.pages[0], 0, lp.h, theme.card_muted, ls, JK_ARRAY_LEN(ls));
	char cap[1024] = "";
	for (size_t l = 0; l < n; l++)
		strcat(cap, ls[l].text);
	if (strncmp(cap, "jobs.example.org/", 17) || !strstr(cap, "/…/firmware-engineer"))
		fail_msg("caption '%s'", cap);
	layout_doc_free(&d);
	posting_free(p);
	/* An address wider than the card breaks after a dot, not mid-word. */
	p = make_posting("Stage Technician", "mailto:crew@harbourlights.example.org", 0);
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	n = page_lines(&d.pages[0], 0, lp.h, theme.card_muted, ls, JK_ARRAY_LEN(ls));
	assert_int_equal(n, 2);
	assert_string_equal(ls[0].text, "crew@harbourlights.");
	assert_string_equal(ls[1].text, "example.org");
	layout_doc_free(&d);
	posting_free(p);
}

/* The header band: on every page of postings, the overview and the
 * message page, above the body area; the body shrinks by it; logo at the
 * band's height keeping its aspect; the clock slot at the right and clear
 * of everything; a huge or tall logo is held to a third of the width. */
static void test_header_band(void **state)
{
	(void)state;
	posting *p = make_posting("Research Intern", "https://example.org/apply", 2000);
	int sizes[][2] = {{1920, 1080}, {1080, 1920}, {800, 480}, {3840, 2160}};
	int logos[][2] = {{300, 100}, {100, 400}, {8192, 1}, {1, 8192}};
	for (size_t k = 0; k < JK_ARRAY_LEN(sizes); k++)
		for (size_t g = 0; g < JK_ARRAY_LEN(logos); g++) {
			layout_params lp = params(sizes[k][0], sizes[k][1]);
			layout_doc plain;
			assert_int_equal(layout_posting(p, &lp, &plain, NULL), 0);
			lp.header = "Booth 12 · We're hiring";
			lp.logo_w = logos[g][0];
			lp.logo_h = logos[g][1];
			lp.clock = true;
			layout_doc d;
			assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
			check_doc(&d);
			int x0, y0, x1, y1;
			layout_safe_area(lp.w, lp.h, &x0, &y0, &x1, &y1);
			assert_int_equal(plain.body_y0, y0);
			assert_true(d.body_y0 > y0);
			assert_true(d.body_y0 - y0 < (y1 - y0) / 6); /* a band, not a banner */
			assert_true(d.npages >= plain.npages);
			assert_true(d.clock.w > 0 && d.clock.x + d.clock.w == x1);
			for (size_t pg = 0; pg < d.npages; pg++) {
				assert_true(page_has_text(&d.pages[pg], "Booth 12 · We're hiring"));
				const layout_box *logo = NULL;
				for (size_t i = 0; i < d.pages[pg].n; i++) {
					const layout_box *b = &d.pages[pg].boxes[i];
					if (b->kind == LAYOUT_IMAGE)
						logo = b;
					assert_false(b->x < d.clock.x + d.clock.w &&
					             d.clock.x < b->x + b->w &&
					             b->y < d.clock.y + d.clock.h &&
					             d.clock.y < b->y + b->h);
				}
				if (logos[g][0] > 8000 || logos[g][1] > 8000) {
					/* 8192x1 scales to under a pixel high: left out or held */
					if (logo)
						assert_true(logo->w <= (x1 - x0) / 3);
					continue;
				}
				assert_non_null(logo);
				assert_true(logo->x == x0 && logo->y >= y0 &&
				            logo->y + logo->h < d.body_y0);
				/* Aspect kept within a pixel. */
				long a = (long)logo->w * logos[g][1],
				     b = (long)logo->h * logos[g][0];
				assert_true(
				    labs(a - b) <=
				    (long)(logos[g][0] > logos[g][1] ? logos[g][0] : logos[g][1]));
			}
			layout_doc_free(&d);
			layout_doc_free(&plain);
		}
	/* The overview and the waiting screen carry it too. */
	layout_params lp = params(1920, 1080);
	lp.header = "展位 12 · 我们正在招聘";
	lp.clock = true;
	const posting *one[] = {p};
	layout_doc d;
	assert_int_equal(layout_overview(one, 1, &lp, &d, NULL), 0);
	check_doc(&d);
	assert_true(page_has_text(&d.pages[0], "展位 12 · 我们正在招聘"));
	layout_doc_free(&d);
	assert_int_equal(layout_message("Waiting", "a line", "a note", &lp, &d, NULL), 0);
	check_doc(&d);
	assert_true(page_has_text(&d.pages[0], "展位 12 · 我们正在招聘"));
	layout_doc_free(&d);
	/* Clock only: the slot top-right, no header text. */
	lp.header = NULL;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	check_doc(&d);
	layout_measurer m = lp.measure;
	layout_box cb;
	assert_true(layout_clock_box(&d, &m, "09:41", &cb));
	assert_true(cb.x + cb.w == d.clock.x + d.clock.w && cb.w <= d.clock.w);
	assert_false(layout_clock_box(&d, &m, "a far too long clock text", &cb));
	layout_doc_free(&d);
	posting_free(p);
}

/* The text of page pg's boxes in order, joined by spaces, has needle
 * (a caption wrapped on two lines still reads as one). */
static bool page_reads(const layout_page *pg, const char *needle)
{
	jk_buf b = {0};
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_TEXT && pg->boxes[i].len) {
			assert_int_equal(jk_buf_append(&b, pg->boxes[i].text, pg->boxes[i].len), 0);
			assert_int_equal(jk_buf_putc(&b, ' '), 0);
		}
	bool yes = b.data && strstr(b.data, needle);
	jk_buf_free(&b);
	return yes;
}

/* The kiosk's words come in the posting's language (stated, else guessed
 * from its script), in the setting's when it is fixed; the overview and
 * messages in the setting's (English when auto). */
static void test_words_language(void **state)
{
	(void)state;
	layout_params lp = params(1920, 1080);
	posting *p = make_posting("Koch (m/w/d)", "https://example.org/jobs/koch", 2000);
	posting_set(&p->language, "de", (size_t)-1);
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	check_doc(&d);
	assert_true(d.npages > 1);
	assert_true(page_reads(&d.pages[0], "Scannen und bewerben"));
	assert_false(page_reads(&d.pages[0], "Scan to apply"));
	assert_string_equal(layout_lang(&lp, p), "de");
	layout_doc_free(&d);

	/* The setting makes every slide French, the overview too. */
	lp.language = "fr";
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	assert_true(page_reads(&d.pages[0], "Scannez pour postuler"));
	layout_doc_free(&d);
	const posting *one[] = {p};
	assert_int_equal(layout_overview(one, 1, &lp, &d, NULL), 0);
	assert_true(page_reads(&d.pages[0], "Postes ouverts"));
	assert_true(page_reads(&d.pages[0], "1 poste"));
	layout_doc_free(&d);
	lp.language = NULL;
	assert_int_equal(layout_overview(one, 1, &lp, &d, NULL), 0);
	assert_true(page_reads(&d.pages[0], "Open positions"));
	assert_true(page_reads(&d.pages[0], "1 role"));
	layout_doc_free(&d);
	posting_free(p);

	/* No language stated: the title's script says Japanese; Arabic counts
	 * its pages in its own digits; a mailto: target is emailed to. */
	p = make_posting("ソフトウェアエンジニア", "mailto:jobs@example.org", 0);
	assert_null(p->language);
	assert_string_equal(layout_lang(&lp, p), "ja");
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	assert_true(page_reads(&d.pages[0], "メールで応募"));
	layout_doc_free(&d);
	posting_free(p);
	p = make_posting("مهندس برمجيات", "https://example.org/jobs/1", 3000);
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	assert_true(d.npages > 1);
	assert_true(page_reads(&d.pages[0], "امسح للتقديم"));
	/* "١ / ٣" read right to left: the page's own number stands right of
	 * the count, each number a run of its own. */
	char nk[8], all[8];
	text_word_page("ar", 1, 1, nk, sizeof nk);
	text_word_page("ar", d.npages, d.npages, all, sizeof all);
	*strchr(nk, ' ') = '\0';
	*strchr(all, ' ') = '\0';
	int x_one = -1, x_all = -1;
	for (size_t i = 0; i < d.pages[0].n; i++) {
		const layout_box *b = &d.pages[0].boxes[i];
		if (b->kind != LAYOUT_TEXT || b->y < d.h / 2)
			continue;
		if (b->len == strlen(nk) && !memcmp(b->text, nk, b->len))
			x_one = b->x;
		if (b->len == strlen(all) && !memcmp(b->text, all, b->len))
			x_all = b->x;
	}
	assert_true(x_one >= 0 && x_all >= 0);
	assert_true(x_all < x_one);
	layout_doc_free(&d);
	posting_free(p);
	/* Latin text states nothing: English. */
	p = make_posting(NULL, "https://example.org/jobs/2", 0);
	assert_null(layout_lang_of(p));
	assert_string_equal(layout_lang(&lp, p), "en");
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	assert_true(page_reads(&d.pages[0], "Open position"));
	layout_doc_free(&d);
	posting_free(p);
	assert_int_equal(layout_message("x", NULL, NULL, &lp, &d, NULL), 0);
	layout_doc_free(&d);
}

/* A right-to-left title mirrors the page: the card on the left (under the
 * text, its code at the right, in portrait), the accent rule and a Hebrew
 * bullet's marker on the right, the text ending at the right edge; Latin
 * words inside keep their boxes left to right; a Latin posting is not
 * mirrored. */
static void test_rtl_mirrors_page(void **state)
{
	(void)state;
	posting *p = posting_new();
	posting_set(&p->title, "מהנדס/ת תוכנה", (size_t)-1);
	posting_set(&p->apply, "https://example.org/jobs/he", (size_t)-1);
	posting_section *s = posting_add_section(p, "דרישות");
	posting_block *b = posting_add_block(s, POSTING_BULLET, 0);
	posting_block_append(b, "ניסיון בפיתוח ב-C ו-Linux", (size_t)-1, 0);
	const int sizes[][2] = {{1920, 1080}, {1080, 1920}};
	for (size_t k = 0; k < 2; k++) {
		layout_params lp = params(sizes[k][0], sizes[k][1]);
		int x0, y0, x1, y1;
		layout_safe_area(lp.w, lp.h, &x0, &y0, &x1, &y1);
		layout_doc d;
		assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
		check_doc(&d);
		const layout_page *pg = &d.pages[0];
		int qr_x = -1, panel_x = -1, panel_w = 0, title_right = 0, rule_x = -1,
		    bullet_x = -1;
		int lin = -1, c_x = -1;
		for (size_t i = 0; i < pg->n; i++) {
			const layout_box *x = &pg->boxes[i];
			if (x->kind == LAYOUT_QR)
				qr_x = x->x;
			if (x->kind == LAYOUT_PANEL)
				panel_x = x->x, panel_w = x->w;
			if (x->kind == LAYOUT_RULE && x->w < lp.w / 4 && x->y > y0)
				rule_x = x->x;
			if (x->kind != LAYOUT_TEXT)
				continue;
			if (x->len == 3 && !memcmp(x->text, "•", 3))
				bullet_x = x->x;
			if ((x->style & LAYOUT_RTL) && x->x + x->w > title_right)
				title_right = x->x + x->w;
			if (x->len == 5 && !memcmp(x->text, "Linux", 5))
				lin = x->x;
			if (x->len == 1 && x->text[0] == 'C')
				c_x = x->x;
		}
		if (k == 0) {
			assert_true(panel_x == x0); /* the card on the left */
		} else {
			assert_true(qr_x > panel_x + panel_w / 2); /* the code at the right */
		}
		assert_true(rule_x > lp.w / 2); /* the accent rule on the right */
		assert_true(bullet_x > lp.w / 2);
		assert_true(lin >= 0 && c_x >= 0 && lin < c_x); /* "C ו-Linux": Linux left of C */
		assert_int_equal(title_right, x1); /* right-to-left text ends at the edge */
		layout_doc_free(&d);
	}
	posting_free(p);
}

/* max_pages caps a posting that has a code to scan; the last page shown
 * says, in the posting's language, that the rest is behind the code. A
 * posting without a code is shown whole. */
static void test_max_pages(void **state)
{
	(void)state;
	layout_params lp = params(1920, 1080);
	posting *p = make_posting("Koch (m/w/d)", "https://example.org/jobs/koch", 4000);
	layout_doc d;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	size_t all = d.npages;
	assert_true(all > 2);
	assert_false(page_reads(&d.pages[all - 1], "The full posting is longer"));
	layout_doc_free(&d);
	lp.max_pages = 2;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	check_doc(&d);
	assert_int_equal(d.npages, 2);
	assert_true(page_reads(&d.pages[1], "The full posting is longer"));
	assert_false(page_reads(&d.pages[0], "The full posting is longer"));
	layout_doc_free(&d);
	posting_set(&p->language, "de", (size_t)-1);
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	assert_false(page_reads(&d.pages[1], "The full posting is longer"));
	assert_true(page_reads(&d.pages[1], text_word_get("de", TEXT_W_LONGER)));
	layout_doc_free(&d);
	lp.max_pages = 100;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	assert_int_equal(d.npages, all);
	layout_doc_free(&d);
	posting_free(p);
	/* No code to scan: nothing is cut. */
	p = make_posting("Koch (m/w/d)", NULL, 4000);
	lp.max_pages = 1;
	assert_int_equal(layout_posting(p, &lp, &d, NULL), 0);
	check_doc(&d);
	assert_true(d.npages > 1);
	layout_doc_free(&d);
	posting_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_basic_landscape_portrait),
	    cmocka_unit_test(test_no_apply_no_qr),
	    cmocka_unit_test(test_5000_words_paginate),
	    cmocka_unit_test(test_break_rules),
	    cmocka_unit_test(test_bidi_levels),
	    cmocka_unit_test(test_rtl_mirrors_page),
	    cmocka_unit_test(test_max_pages),
	    cmocka_unit_test(test_long_word_and_cjk),
	    cmocka_unit_test(test_no_widows),
	    cmocka_unit_test(test_overview),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_checker_catches_overlap),
	    cmocka_unit_test(test_qr_caption),
	    cmocka_unit_test(test_meta_no_separator_at_line_start),
	    cmocka_unit_test(test_separator_not_at_line_start),
	    cmocka_unit_test(test_caption_two_lines),
	    cmocka_unit_test(test_header_band),
	    cmocka_unit_test(test_words_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
