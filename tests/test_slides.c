/* test_slides.c — the kiosk's slide model without SDL: walking every page
 * of every posting and then the overview, back and forth; the waiting
 * state; reloads that keep the posting by id; postings that do not lay
 * out. Layout runs with a fake text measurer. */
#include "testutil.h"

#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fake_w(void *ud, const char *s, size_t n, int px, unsigned style)
{
	(void)ud, (void)s, (void)style;
	return (int)n * px / 2;
}

static int fake_h(void *ud, int px)
{
	(void)ud;
	return px * 6 / 5;
}

static layout_theme theme;

static layout_params params(int w, int h)
{
	theme = layout_theme_default();
	return (layout_params){.w = w, .h = h, .theme = &theme, .measure = {fake_w, fake_h, NULL}};
}

/* Postings named by the letters of names; the id follows the name, so the
 * same letter is the same posting in another list. A capital letter gets a
 * body long enough for several pages. */
static void make(posting_list *l, const char *names)
{
	posting_list_init(l);
	for (size_t i = 0; names[i]; i++) {
		posting *p = posting_new();
		char t[32];
		snprintf(t, sizeof t, "Position %c", names[i]);
		posting_set(&p->title, t, (size_t)-1);
		posting_set(&p->source, "test", (size_t)-1);
		posting_set(&p->native_id, t, (size_t)-1);
		posting_set(&p->apply, "https://example.com/jobs/1", (size_t)-1);
		posting_section *s = posting_add_section(p, "About");
		int paras = names[i] >= 'A' && names[i] <= 'Z' ? 40 : 1;
		for (int k = 0; k < paras; k++) {
			posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
			posting_block_append(b,
			                     "A description of the role, long enough to fill a "
			                     "line or two of the page at the body size.",
			                     (size_t)-1, 0);
		}
		posting_finish(p, i);
		posting_list_push(l, p);
	}
}

/* The position as "<letter><page>", "o<page>" on the overview, "w" when
 * waiting. */
static const char *at(const kiosk_slides *s)
{
	static char buf[16];
	const posting *p = kiosk_slides_item(s);
	if (!kiosk_slides_count(s))
		return "w";
	if (p)
		snprintf(buf, sizeof buf, "%c%zu", p->title[9], kiosk_slides_page(s));
	else
		snprintf(buf, sizeof buf, "o%zu", kiosk_slides_page(s));
	return buf;
}

static void test_walk_postings_then_overview(void **state)
{
	(void)state;
	posting_list l;
	make(&l, "abc");
	layout_params lp = params(960, 540);
	kiosk_slides *s;
	assert_int_equal(kiosk_slides_new(&l, &lp, &s, NULL), 0);
	kiosk_slides_settle(s);
	assert_int_equal(kiosk_slides_count(s), 3);
	assert_string_equal(at(s), "a0");
	const char *fwd[] = {"b0", "c0", "o0", "a0", "b0"};
	for (size_t i = 0; i < JK_ARRAY_LEN(fwd); i++) {
		kiosk_slides_step(s, +1);
		assert_string_equal(at(s), fwd[i]);
	}
	const char *back[] = {"a0", "o0", "c0"};
	for (size_t i = 0; i < JK_ARRAY_LEN(back); i++) {
		kiosk_slides_step(s, -1);
		assert_string_equal(at(s), back[i]);
	}
	assert_int_equal(kiosk_slides_posting(s), 2);
	kiosk_slides_step(s, +1);
	assert_int_equal(kiosk_slides_posting(s), 3); /* the overview is entry count */
	kiosk_slides_free(s);
	posting_list_free(&l);
}

static void test_pages_within_a_posting(void **state)
{
	(void)state;
	posting_list l;
	make(&l, "aBc");
	layout_params lp = params(640, 360);
	kiosk_slides *s;
	assert_int_equal(kiosk_slides_new(&l, &lp, &s, NULL), 0);
	size_t np = kiosk_slides_pages(s, 1);
	assert_true(np >= 2);
	kiosk_slides_step(s, +1);
	for (size_t k = 0; k < np; k++) {
		assert_int_equal(kiosk_slides_posting(s), 1);
		assert_int_equal(kiosk_slides_page(s), k);
		kiosk_slides_step(s, +1);
	}
	assert_string_equal(at(s), "c0");
	/* Back from c: the last page of B. */
	kiosk_slides_step(s, -1);
	assert_int_equal(kiosk_slides_posting(s), 1);
	assert_int_equal(kiosk_slides_page(s), np - 1);
	/* The layout is the model's, the same the walk used. */
	const layout_doc *d;
	assert_int_equal(kiosk_slides_doc(s, 1, &d, NULL), 0);
	assert_int_equal(d->npages, np);
	assert_int_equal(d->w, 640);
	/* New params: laid out again when next used. */
	lp = params(1920, 1080);
	kiosk_slides_forget(s);
	assert_int_equal(kiosk_slides_doc(s, 1, &d, NULL), 0);
	assert_int_equal(d->w, 1920);
	kiosk_slides_drop(s, 1);
	assert_int_equal(kiosk_slides_doc(s, 3, &d, NULL), 0); /* the overview */
	assert_true(d->npages >= 1);
	kiosk_slides_settle(s); /* the page past the new count comes back in */
	assert_int_equal(kiosk_slides_posting(s), 1);
	assert_true(kiosk_slides_page(s) < kiosk_slides_pages(s, 1));
	kiosk_slides_free(s);
	posting_list_free(&l);
}

static void test_waiting_state(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	layout_params lp = params(960, 540);
	kiosk_slides *s;
	assert_int_equal(kiosk_slides_new(&l, &lp, &s, NULL), 0);
	kiosk_slides_settle(s);
	assert_string_equal(at(s), "w");
	kiosk_slides_step(s, +1);
	kiosk_slides_step(s, -1);
	assert_string_equal(at(s), "w");
	assert_null(kiosk_slides_item(s));
	const layout_doc *d;
	jk_err err = {0};
	assert_int_equal(kiosk_slides_doc(s, 0, &d, &err), JK_EARG);
	assert_null(d);
	/* Postings arrive: the first one. */
	posting_list nl;
	make(&nl, "ab");
	assert_int_equal(kiosk_slides_reload(s, &nl, NULL), 0);
	assert_int_equal(nl.n, 0);
	kiosk_slides_settle(s);
	assert_string_equal(at(s), "a0");
	assert_int_equal(l.n, 2); /* the caller's list holds them */
	/* And go again. */
	posting_list_init(&nl);
	assert_int_equal(kiosk_slides_reload(s, &nl, NULL), 0);
	kiosk_slides_settle(s);
	assert_string_equal(at(s), "w");
	assert_int_equal(l.n, 0);
	kiosk_slides_free(s);
	posting_list_free(&l);
}

/* Reloads from position `from` (steps from the start) of `before` to
 * `after`; returns where it landed. */
static const char *reload_at(const char *before, int from, const char *after)
{
	static char got[16];
	posting_list l, nl;
	make(&l, before);
	make(&nl, after);
	layout_params lp = params(640, 360);
	kiosk_slides *s;
	assert_int_equal(kiosk_slides_new(&l, &lp, &s, NULL), 0);
	kiosk_slides_settle(s);
	for (int i = 0; i < from; i++)
		kiosk_slides_step(s, +1);
	assert_int_equal(kiosk_slides_reload(s, &nl, NULL), 0);
	kiosk_slides_settle(s);
	snprintf(got, sizeof got, "%s", at(s));
	kiosk_slides_free(s);
	posting_list_free(&l);
	posting_list_free(&nl);
	return got;
}

static void test_reload_keeps_posting_by_id(void **state)
{
	(void)state;
	/* c moved to the front: still c. */
	assert_string_equal(reload_at("abc", 2, "cab"), "c0");
	/* b is gone: the one now at its index. */
	assert_string_equal(reload_at("abc", 1, "acd"), "c0");
	/* The last one gone: the overview. */
	assert_string_equal(reload_at("abc", 2, "ab"), "o0");
	/* The overview stays the overview. */
	assert_string_equal(reload_at("abc", 3, "abcd"), "o0");
	/* The page is kept when the posting is found (B has pages). */
	assert_string_equal(reload_at("aB", 3, "xaB"), "B2");
	/* Not found: the first page of the one in its place. */
	assert_string_equal(reload_at("aB", 3, "aC"), "C0");
}

static void test_nothing_lays_out(void **state)
{
	(void)state;
	posting_list l;
	make(&l, "ab");
	layout_params lp = params(8, 8); /* too small for anything */
	kiosk_slides *s;
	assert_int_equal(kiosk_slides_new(&l, &lp, &s, NULL), 0);
	tu_capture cap;
	tu_capture_start(&cap);
	kiosk_slides_settle(s);
	kiosk_slides_step(s, +1);
	kiosk_slides_step(s, -1);
	char *log = tu_capture_end(&cap);
	/* No page anywhere: nothing moves, each failure logged once. */
	assert_int_equal(kiosk_slides_posting(s), 0);
	assert_int_equal(kiosk_slides_pages(s, 0), 0);
	const layout_doc *d;
	jk_err err = {0};
	assert_int_equal(kiosk_slides_doc(s, 1, &d, &err), JK_EFORMAT);
	assert_non_null(log);
	size_t lines = 0;
	for (const char *p = log; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 3); /* a, b, the overview */
	free(log);
	/* Room again: everything lays out after a forget. */
	lp = params(640, 360);
	kiosk_slides_forget(s);
	kiosk_slides_settle(s);
	assert_string_equal(at(s), "a0");
	kiosk_slides_free(s);
	posting_list_free(&l);
}

/* The language of screens that belong to no posting: the setting, else
 * the deck's most common language, else the locale, else English; the
 * overview speaks it, each posting its own. */
static void test_screen_language(void **state)
{
	(void)state;
	layout_params lp = params(1280, 720);
	char tag[POSTING_LANG_MAX];
	setenv("LC_ALL", "", 1);
	setenv("LC_MESSAGES", "", 1);
	setenv("LANG", "C.UTF-8", 1);
	assert_string_equal(kiosk_screen_lang(&lp, NULL, 0, tag), "en");
	setenv("LANG", "de_DE.UTF-8", 1);
	assert_string_equal(kiosk_screen_lang(&lp, NULL, 0, tag), "de");
	setenv("LC_MESSAGES", "pt_BR@x", 1);
	assert_string_equal(kiosk_screen_lang(&lp, NULL, 0, tag), "pt");
	setenv("LC_ALL", "<hostile locale with spaces and more than thirty-five bytes>", 1);
	assert_string_equal(kiosk_screen_lang(&lp, NULL, 0, tag), "en");
	setenv("LC_ALL", "", 1);

	posting_list l;
	make(&l, "abcd");
	posting_set(&l.items[0]->language, "ja", (size_t)-1);
	posting_set(&l.items[1]->language, "ko", (size_t)-1);
	posting_set(&l.items[2]->language, "ko", (size_t)-1);
	const posting *const *items = (const posting *const *)l.items;
	assert_string_equal(kiosk_screen_lang(&lp, items, l.n, tag), "ko");
	lp.language = "fr";
	assert_string_equal(kiosk_screen_lang(&lp, items, l.n, tag), "fr");
	lp.language = NULL;

	kiosk_slides *s;
	assert_int_equal(kiosk_slides_new(&l, &lp, &s, NULL), 0);
	kiosk_slides_settle(s);
	assert_string_equal(kiosk_slides_lang(s, tag), "ja");
	const layout_doc *d;
	assert_int_equal(kiosk_slides_doc(s, l.n, &d, NULL), 0);
	bool korean = false;
	for (size_t i = 0; i < d->pages[0].n; i++)
		korean |=
		    d->pages[0].boxes[i].len &&
		    !strncmp(d->pages[0].boxes[i].text, "채용 중인 직무", d->pages[0].boxes[i].len);
	assert_true(korean);
	while (kiosk_slides_posting(s) < l.n)
		kiosk_slides_step(s, 1);
	assert_string_equal(kiosk_slides_lang(s, tag), "ko");
	kiosk_slides_free(s);
	posting_list_free(&l);
	setenv("LANG", "C.UTF-8", 1);
	setenv("LC_MESSAGES", "", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_walk_postings_then_overview),
	    cmocka_unit_test(test_pages_within_a_posting),
	    cmocka_unit_test(test_waiting_state),
	    cmocka_unit_test(test_reload_keeps_posting_by_id),
	    cmocka_unit_test(test_nothing_lays_out),
	    cmocka_unit_test(test_screen_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
