/* The posting model and the shared core: text cleaning, the block builder's
 * spans, ids, JSON. */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static void test_text_clean(void **state)
{
	(void)state;
	char *s = jk_text_clean("  a\t\tb \n c\xC2\xA0 d\xE2\x80\x8B"
	                        "e  ",
	                        (size_t)-1);
	assert_string_equal(s, "a b c de");
	free(s);
	/* Invalid UTF-8 becomes U+FFFD; controls are dropped. */
	s = jk_text_clean("x\xFFy\x01z\xC0\xAF", (size_t)-1);
	assert_string_equal(s, "x\xEF\xBF\xBDyz\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
	s = jk_text_clean(NULL, 0);
	assert_string_equal(s, "");
	free(s);
	/* ZWNJ, ZWJ and the direction marks stay (Persian "می‌کنید" joins
	 * wrong without its ZWNJ); zero-width space and bidi overrides go. */
	s = jk_text_clean("\xD9\x85\xDB\x8C\xE2\x80\x8C\xDA\xA9 a\xE2\x80\x8F\xE2\x80\x8D"
	                  "b\xE2\x80\xAE"
	                  "c",
	                  (size_t)-1);
	assert_string_equal(s, "\xD9\x85\xDB\x8C\xE2\x80\x8C\xDA\xA9 a\xE2\x80\x8F\xE2\x80\x8D"
	                       "bc");
	free(s);
	/* A truncated sequence at the end. */
	s = jk_text_clean("ab\xE2\x82", 4);
	assert_string_equal(s, "ab\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
}

static void test_utf8(void **state)
{
	(void)state;
	assert_true(jk_utf8_valid("h\xC3\xA9llo \xE4\xB8\xAD", 10));
	assert_false(jk_utf8_valid("\xED\xA0\x80", 3));     /* surrogate */
	assert_false(jk_utf8_valid("\xF4\x90\x80\x80", 4)); /* > U+10FFFF */
	assert_false(jk_utf8_valid("\xE0\x80\xAF", 3));     /* overlong */
	char *s = jk_cp1252_to_utf8("caf\xE9 \x93q\x94 \x80", 10);
	assert_string_equal(s, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC");
	free(s);
}

static void test_buf_cap(void **state)
{
	(void)state;
	jk_buf b = {.limit = 8};
	assert_int_equal(jk_buf_puts(&b, "12345678"), 0);
	assert_int_equal(jk_buf_putc(&b, '9'), JK_ETOOBIG);
	assert_string_equal(b.data, "12345678");
	char *d = jk_buf_detach(&b);
	assert_string_equal(d, "12345678");
	free(d);
	jk_buf_free(NULL);
	jk_buf e = {0};
	d = jk_buf_detach(&e);
	assert_string_equal(d, "");
	free(d);
}

static void test_block_spans(void **state)
{
	(void)state;
	posting *p = posting_new();
	posting_section *s = posting_add_section(p, "  Duties:  ");
	assert_string_equal(s->heading, "Duties");
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	assert_int_equal(posting_block_append(b, "  Build ", (size_t)-1, 0), 0);
	assert_int_equal(posting_block_append(b, "fast\n things", (size_t)-1, POSTING_BOLD), 0);
	assert_int_equal(posting_block_append(b, " and ", (size_t)-1, 0), 0);
	assert_int_equal(posting_block_append(b, "ship", (size_t)-1, POSTING_ITALIC), 0);
	assert_int_equal(posting_block_append(b, "  ", (size_t)-1, 0), 0);
	assert_int_equal(posting_finish(p, 0), 0);
	b = &p->sections[0].blocks[0];
	assert_string_equal(b->text, "Build fast things and ship");
	assert_int_equal(b->nspans, 2);
	assert_int_equal(b->spans[0].start, 6);
	assert_int_equal(b->spans[0].len, strlen("fast things"));
	assert_int_equal(b->spans[0].style, POSTING_BOLD);
	assert_int_equal(b->spans[1].start, strlen("Build fast things and "));
	assert_int_equal(b->spans[1].len, 4);
	posting_free(p);
}

static void test_block_join(void **state)
{
	(void)state;
	posting *p = posting_new();
	posting_section *s = posting_add_section(p, NULL);
	assert_null(s->heading);
	posting_block *a = posting_add_block(s, POSTING_BULLET, 0);
	posting_block_append(a, "Participate in relevant meetings,", (size_t)-1, 0);
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	posting_block_append(b, "and in ", (size_t)-1, 0);
	posting_block_append(b, "relevant", (size_t)-1, POSTING_BOLD);
	posting_block_append(b, " activities.", (size_t)-1, 0);
	a = &s->blocks[0];
	assert_int_equal(posting_block_join(a, &s->blocks[1]), 0);
	posting_remove_block(s, 1);
	assert_int_equal(s->nblocks, 1);
	posting_finish(p, 0);
	assert_string_equal(s->blocks[0].text,
	                    "Participate in relevant meetings, and in relevant activities.");
	assert_int_equal(s->blocks[0].nspans, 1);
	assert_int_equal(s->blocks[0].spans[0].start,
	                 strlen("Participate in relevant meetings, and in "));
	posting_free(p);
}

static void test_finish_drops_empty_and_ids(void **state)
{
	(void)state;
	posting *p = posting_new();
	posting_set(&p->source, "/x/a.md", (size_t)-1);
	posting_set(&p->title, "   ", (size_t)-1);
	assert_null(p->title);
	posting_section *s = posting_add_section(p, "Empty");
	posting_add_block(s, POSTING_PARAGRAPH, 0);
	s = posting_add_section(p, "Full");
	posting_block_append(posting_add_block(s, POSTING_NUMBERED, 3), "x", 1, 0);
	assert_int_equal(posting_finish(p, 0), 0);
	assert_int_equal(p->nsections, 1);
	assert_string_equal(p->sections[0].heading, "Full");
	assert_int_equal(strlen(p->id), 16);

	/* Same source and index give the same id; another index another id. */
	posting *q = posting_new();
	posting_set(&q->source, "/x/a.md", (size_t)-1);
	posting_finish(q, 0);
	assert_string_equal(p->id, q->id);
	posting *r = posting_new();
	posting_set(&r->source, "/x/a.md", (size_t)-1);
	posting_finish(r, 1);
	assert_string_not_equal(p->id, r->id);
	/* A native id wins over the position. */
	posting *n = posting_new();
	posting_set(&n->source, "/x/a.md", (size_t)-1);
	posting_set(&n->native_id, "42", 2);
	posting_finish(n, 7);
	assert_string_not_equal(n->id, r->id);
	posting_free(p);
	posting_free(q);
	posting_free(r);
	posting_free(n);
	posting_free(NULL);
}

static void test_tags_dedupe(void **state)
{
	(void)state;
	posting *p = posting_new();
	posting_add_tag(p, "Rust");
	posting_add_tag(p, " rust ");
	posting_add_tag(p, "");
	posting_add_tag(p, "C");
	assert_int_equal(p->ntags, 2);
	posting_free(p);
}

static void test_json(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	posting *p = posting_new();
	posting_set(&p->title, "Engineer \"Q\" \xE4\xB8\xAD", (size_t)-1);
	posting_add_tag(p, "x");
	posting_section *s = posting_add_section(p, "Do");
	posting_block_append(posting_add_block(s, POSTING_NUMBERED, 2), "two", 3, 0);
	posting_finish(p, 0);
	posting_list_push(&l, p);
	char *json = posting_list_to_json(&l);
	cJSON *a = cJSON_Parse(json);
	assert_non_null(a);
	cJSON *o = cJSON_GetArrayItem(a, 0);
	assert_string_equal(cJSON_GetObjectItem(o, "title")->valuestring,
	                    "Engineer \"Q\" \xE4\xB8\xAD");
	assert_true(cJSON_IsNull(cJSON_GetObjectItem(o, "apply")));
	cJSON *b = cJSON_GetArrayItem(
	    cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(o, "sections"), 0),
	                        "blocks"),
	    0);
	assert_string_equal(cJSON_GetObjectItem(b, "kind")->valuestring, "numbered");
	assert_int_equal(cJSON_GetObjectItem(b, "number")->valueint, 2);
	cJSON_Delete(a);
	free(json);
	posting_list_free(&l);
	posting_list_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_text_clean),  cmocka_unit_test(test_utf8),
	    cmocka_unit_test(test_buf_cap),     cmocka_unit_test(test_block_spans),
	    cmocka_unit_test(test_block_join),  cmocka_unit_test(test_finish_drops_empty_and_ids),
	    cmocka_unit_test(test_tags_dedupe), cmocka_unit_test(test_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
