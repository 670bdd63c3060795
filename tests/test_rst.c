/* test_rst.c — the reStructuredText reader: titles, sections, lists,
 * links of every form and the apply target they give, field lists as
 * Pelican writes them, comments and directives dropped, substitutions,
 * inline emphasis as spans, sniffing, and hostile input. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Text (a .rst document) that must give one posting; caller frees out. */
static posting *one(const char *text, posting_list *out)
{
	return tu_one(text, "/srv/site/content/post.rst", out, NULL);
}

static posting *data_file(const char *name, posting_list *out)
{
	return tu_data_one("rst", name, out, NULL);
}

/* No reStructuredText syntax reaches a slide. */
static void no_markup(const posting *p)
{
	static const char *const bad[] = {"``", "**",  "`_",     ">`",   "|obs|", ".. ", "::",
	                                  "_:", "[#]", "MARKER", "####", "----",  "===="};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++)
		if (tu_contains(p, bad[i]))
			fail_msg("posting text contains \"%s\"", bad[i]);
}

/* The block whose text starts with prefix; fails the test when none. */
static const posting_block *block(const posting *p, const char *prefix)
{
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			if (!strncmp(p->sections[i].blocks[j].text, prefix, strlen(prefix)))
				return &p->sections[i].blocks[j];
	fail_msg("no block starts with \"%s\"", prefix);
	return NULL;
}

/* The style of the span covering the text word of b (0 when plain). */
static unsigned style_of(const posting_block *b, const char *word)
{
	const char *at = strstr(b->text, word);
	assert_non_null(at);
	size_t off = (size_t)(at - b->text);
	for (size_t i = 0; i < b->nspans; i++)
		if (b->spans[i].start <= off &&
		    off + strlen(word) <= b->spans[i].start + b->spans[i].len)
			return b->spans[i].style;
	return 0;
}

static void test_real_antfin(void **state)
{
	(void)state;
	const char *path = tu_fixture("real-world/zh-antfin-sre-referral.rst");
	size_t len;
	char *data = tu_read(path, &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, path, &l);
	free(data);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	/* 【内推】蚂蚁金服-蚂蚁金融云SRE, between two lines of '=' */
	assert_string_equal(p->title,
	                    "\xE3\x80\x90\xE5\x86\x85\xE6\x8E\xA8\xE3\x80\x91\xE8\x9A\x82"
	                    "\xE8\x9A\x81\xE9\x87\x91\xE6\x9C\x8D-\xE8\x9A\x82\xE8\x9A\x81"
	                    "\xE9\x87\x91\xE8\x9E\x8D\xE4\xBA\x91SRE");
	/* The +tag is kept; the address in the leading comment is not read. */
	assert_string_equal(p->apply, "mailto:fasionchan+lnp.antfin-sre@gmail.com");
	assert_int_equal(p->nsections, 4);
	/* 职位描述: four '#.' items numbered 1 to 4 */
	const posting_section *s = &p->sections[0];
	assert_string_equal(s->heading, "\xE8\x81\x8C\xE4\xBD\x8D\xE6\x8F\x8F\xE8\xBF\xB0");
	assert_int_equal(s->nblocks, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(s->blocks[i].kind, POSTING_NUMBERED);
		assert_int_equal(s->blocks[i].number, (int)i + 1);
	}
	/* `Python`_ and `Linux`_ show their names. */
	assert_true(tu_contains(p, "Java \xE3\x80\x81 Python"));
	assert_true(tu_contains(p, "Linux"));
	assert_false(tu_contains(p, "FileName"));
	assert_false(tu_contains(p, "fasionchan@gmail.com"));
	assert_false(tu_contains(p, "keywords"));
	assert_false(tu_contains(p, "_images"));
	no_markup(p);
	posting_list_free(&l);
}

static void test_pelican_post(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("pelican-post.rst", &l);
	assert_string_equal(p->title, "Night Telescope Operator");
	assert_string_equal(p->posted, "2025-02-10");
	assert_int_equal(p->ntags, 4);
	assert_string_equal(p->tags[0], "astronomy");
	assert_string_equal(p->tags[2], "night shifts");
	assert_string_equal(p->tags[3], "jobs");
	/* The link whose text says apply, not the handbook or wiki links. */
	assert_string_equal(p->apply, "https://osprey.example.org/jobs/night-operator/apply");
	/* |obs| replaced, |telescope| (never defined) shown as its name. */
	const posting_block *b = block(p, "Osprey Ridge Observatory runs a 2.4 m telescope");
	assert_non_null(strstr(b->text, "described in the handbook and our telescope on the "
	                                "instrument page."));
	assert_int_equal(style_of(b, "night operator"), POSTING_BOLD);
	assert_int_equal(style_of(b, "quiet"), POSTING_ITALIC);
	assert_int_equal(style_of(b, "checklists"), 0);
	/* The note's text stays; the image and its options go. */
	assert_true(tu_contains(p, "Night shifts are paid at 1.25 times the day rate."));
	assert_true(tu_contains(p, "Transport from the town is provided."));
	assert_false(tu_contains(p, "dome at dusk"));
	/* Bullets of both markers, a wrapped item, '#.' numbering. */
	const posting_section *s = tu_section(p, "What you will do");
	assert_non_null(s);
	assert_int_equal(s->nblocks, 6);
	assert_int_equal(s->blocks[2].kind, POSTING_BULLET);
	assert_string_equal(s->blocks[1].text,
	                    "Keep the observing log, see the Operations wiki for the template");
	assert_int_equal(s->blocks[5].kind, POSTING_NUMBERED);
	assert_int_equal(s->blocks[5].number, 3);
	s = tu_section(p, "Requirements");
	assert_non_null(s);
	assert_int_equal(s->blocks[1].number, 2);
	assert_string_equal(s->blocks[1].text, "A driving licence");
	/* A field list after the text is shown; a literal block as text. */
	assert_true(tu_contains(p, "Location: Osprey Ridge, New Mexico"));
	assert_true(tu_contains(p, "Example of a log line:"));
	assert_true(tu_contains(p, "2025-02-10T22:00 dome open"));
	assert_non_null(tu_section(p, "How to apply"));
	assert_false(tu_contains(p, "SUMMARY"));
	assert_false(tu_contains(p, "nobody sees this"));
	assert_false(tu_contains(p, "40 km"));
	assert_false(tu_contains(p, "Kim Ortega"));
	posting_list_free(&l);
}

static void test_sphinx_page(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("sphinx-page.rst", &l);
	assert_string_equal(p->title, "Data Steward (Research Software)");
	assert_string_equal(p->apply, "mailto:ines.moreau+steward@saltmarsh.example");
	assert_non_null(tu_section(p, "Tasks"));
	assert_true(tu_contains(p, "Send your CV to Dr. Ines Moreau."));
	assert_false(tu_contains(p, "print("));
	assert_false(tu_contains(p, "web team"));
	no_markup(p);
	posting_list_free(&l);
}

static void test_title_field(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("title-field.rst", &l);
	/* :title: beats the first section title, which is then not shown. */
	assert_string_equal(p->title, "Senior Mechanical Engineer");
	assert_null(tu_section(p, "Overview"));
	assert_string_equal(p->posted, "2024-11-05");
	assert_string_equal(p->location, "Aberdeen, UK");
	assert_string_equal(p->organization, "Granite Wind Ltd");
	assert_string_equal(p->apply,
	                    "https://granitewind.example.co.uk/careers/senior-mechanical");
	assert_true(tu_contains(p, "Apply by the end of the month."));
	no_markup(p);
	posting_list_free(&l);
}

static void test_draft(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/rst/draft.rst"), &len);
	posting_list l;
	jk_err err;
	tu_warnings w = {0};
	assert_int_equal(tu_load(data, len, "draft.rst", &l, &err, &w), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.last, "draft"));
	posting_list_free(&l);
	free(data);
}

static void test_links(void **state)
{
	(void)state;
	posting_list l;
	/* An anonymous reference takes the anonymous targets in order. */
	const posting *p = one("Welder\n======\n\nRead `the terms`__ first, then `apply`__.\n\n"
	                       "__ https://weld.example/terms\n"
	                       ".. __: https://weld.example/jobs/welder/apply\n",
	                       &l);
	assert_string_equal(p->apply, "https://weld.example/jobs/welder/apply");
	assert_string_equal(p->sections[0].blocks[0].text, "Read the terms first, then apply.");
	posting_list_free(&l);
	/* A simple reference name, an indirect target, a wrapped URL. */
	p = one("Welder\n======\n\nTo apply see form_.\n\n.. _form: `Application form`_\n"
	        ".. _Application form: https://weld.example/\n   jobs/welder/form\n",
	        &l);
	assert_string_equal(p->apply, "https://weld.example/jobs/welder/form");
	assert_string_equal(p->sections[0].blocks[0].text, "To apply see form.");
	posting_list_free(&l);
	/* A bare URL in a sentence that says apply; snake_case stays. */
	p = one("Welder\n======\n\nApply at https://weld.example/apply. Our some_tool_ is old.\n",
	        &l);
	assert_string_equal(p->apply, "https://weld.example/apply");
	assert_true(tu_contains(p, "some_tool_ is old"));
	posting_list_free(&l);
	/* Roles and escapes. */
	p = one("Welder\n======\n\nUse :strong:`care`, see :ref:`the rules <rules>` and "
	        ":code:`weld()`; \\*not italic\\*.\n",
	        &l);
	assert_string_equal(p->sections[0].blocks[0].text,
	                    "Use care, see the rules and weld(); *not italic*.");
	assert_int_equal(style_of(&p->sections[0].blocks[0], "care"), POSTING_BOLD);
	posting_list_free(&l);
}

static void test_structure(void **state)
{
	(void)state;
	posting_list l;
	/* Only an underline: the title; sections of other adornments. */
	const posting *p =
	    one("Baker\n~~~~~\n\nIntro.\n\nDuties\n^^^^^^\n\n+ bake\n+ sell\n\n"
	        "----\n\nLast words with a definition list:\n\nterm\n    its meaning\n"
	        "\n| line one\n| line two\n",
	        &l);
	assert_string_equal(p->title, "Baker");
	assert_string_equal(p->sections[0].blocks[0].text, "Intro.");
	const posting_section *s = tu_section(p, "Duties");
	assert_non_null(s);
	assert_int_equal(s->blocks[0].kind, POSTING_BULLET);
	assert_true(tu_contains(p, "term its meaning"));
	assert_true(tu_contains(p, "line one"));
	no_markup(p);
	posting_list_free(&l);
	/* "#." counts on over blank lines and starts again after a paragraph. */
	p = one("Baker\n=====\n\n#. one\n\n#. two\n\nBetween.\n\n#. again\n", &l);
	assert_int_equal(p->sections[0].blocks[0].number, 1);
	assert_int_equal(p->sections[0].blocks[1].number, 2);
	assert_int_equal(p->sections[0].blocks[3].number, 1);
	posting_list_free(&l);
	/* ... and under each new title, even right after a list. */
	p = one("Baker\n=====\n\nDuties\n------\n\n#. bake\n#. sell\n\nNeeds\n-----\n\n"
	        "#. a degree\n",
	        &l);
	assert_int_equal(tu_section(p, "Needs")->blocks[0].number, 1);
	posting_list_free(&l);
	/* Admonitions keep their text, other directives vanish whole. */
	p = one("Baker\n=====\n\n.. warning::\n   :class: big\n\n   Starts at 4 am.\n\n"
	        ".. admonition:: Perks\n\n   Free bread.\n\n.. raw:: html\n\n   <b>RAW</b>\n\n"
	        ".. toctree::\n   :maxdepth: 2\n\n   index\n\n"
	        ".. rubric:: Hours\n\nMonday to Friday.\n",
	        &l);
	assert_true(tu_contains(p, "Starts at 4 am."));
	assert_true(tu_contains(p, "Perks"));
	assert_true(tu_contains(p, "Free bread."));
	assert_false(tu_contains(p, "RAW"));
	assert_false(tu_contains(p, "maxdepth"));
	assert_false(tu_contains(p, "index"));
	assert_false(tu_contains(p, "class"));
	assert_non_null(tu_section(p, "Hours"));
	assert_string_equal(p->title, "Baker");
	posting_list_free(&l);
	/* A grid table's cells as text, its borders gone. */
	p = one("Baker\n=====\n\n+------+-------+\n| Pay  | 30k   |\n+------+-------+\n", &l);
	assert_true(tu_contains(p, "Pay 30k"));
	no_markup(p);
	posting_list_free(&l);
}

/* Chinese sentences asking for a résumé by mail: apply.c's sentence test
 * now knows them, so the address (with its +tag) is the target. */
static void test_cjk_send_sentence(void **state)
{
	(void)state;
	posting_list l;
	/* 请将简历投递至邮箱： */
	const posting *p =
	    one("SRE\n===\n\n\xE8\xAF\xB7\xE5\xB0\x86\xE7\xAE\x80\xE5\x8E\x86\xE6\x8A"
	        "\x95\xE9\x80\x92\xE8\x87\xB3\xE9\x82\xAE\xE7\xAE\xB1\xEF\xBC\x9A"
	        "ops+sre.2025@example.cn\n",
	        &l);
	assert_string_equal(p->apply, "mailto:ops+sre.2025@example.cn");
	posting_list_free(&l);
	/* An address in a sentence that asks for nothing is not a target. */
	p = one("SRE\n===\n\nOur office: ops@example.cn\n", &l);
	assert_null(p->apply);
	posting_list_free(&l);
}

static void test_sniff(void **state)
{
	(void)state;
	import_opts none = {0}, rst = {.source = "job.rst"}, md = {.source = "job.md"},
	            txt = {.source = "job.txt"};
	static const char *const yes[] = {
	    "=======\n Baker \n=======\n\nText.\n",
	    "Baker\n=====\n\nText.\n",
	    "Baker\n#####\n\n:date: 2025-01-01\n",
	    ":title: Baker\n:date: 2025-01-01\n\nText.\n",
	    "Some text.\n\n.. image:: x.png\n",
	    /* 2 columns per CJK character: 面包师 is 6 wide */
	    "\xE9\x9D\xA2\xE5\x8C\x85\xE5\xB8\x88\n======\n\nText.\n",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(yes); i++)
		assert_int_equal(import_sniff(yes[i], strlen(yes[i]), &none), IMPORT_RST);
	static const char *const no[] = {
	    "Baker\n=========\n\nText with a [link](https://x.example).\n",
	    "# Baker\n\nText.\n",
	    "Baker\n==\n\nText.\n",
	    "Baker\n=========\n\n- item\n",
	    "We need a baker.\n",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(no); i++)
		assert_int_not_equal(import_sniff(no[i], strlen(no[i]), &none), IMPORT_RST);
	/* The name decides for .rst, and keeps Markdown and text theirs. */
	const char *t = "Baker\n=====\n\nText.\n";
	assert_int_equal(import_sniff("x\n", 2, &rst), IMPORT_RST);
	assert_int_equal(import_sniff(t, strlen(t), &md), IMPORT_MARKDOWN);
	assert_int_equal(import_sniff(t, strlen(t), &txt), IMPORT_TEXT);
	import_opts ct = {.content_type = "text/x-rst"};
	assert_int_equal(import_sniff("x\n", 2, &ct), IMPORT_RST);
	assert_string_equal(import_format_name(IMPORT_RST), "reStructuredText");
}

static void test_hostile(void **state)
{
	(void)state;
	assert_non_null(strstr(tu_fails("", 0, "x.rst"), "empty"));
	assert_non_null(strstr(tu_fails(".. only a comment\n   and more\n", (size_t)-1, "x.rst"),
	                       "without any text"));
	assert_non_null(strstr(tu_fails("\x7F"
	                                "ELF\x02\x01",
	                                6, "x.rst"),
	                       "program"));
	/* Unclosed markup of every kind, stray adornments, lone markers. */
	posting_list l;
	const posting *p = one("**bold *it ``lit `ref <x`_ |sub :role:`x [1]_ _ __ `\n"
	                       "====\n-\n#.\n(\n::\n..\n.. _:\n.. |x|\n:\n:a:\n",
	                       &l);
	assert_true(jk_utf8_valid(p->title ? p->title : "", p->title ? strlen(p->title) : 0));
	posting_list_free(&l);
	/* Wrongly encoded: Latin-1 bytes become text, said once. */
	tu_warnings w = {0};
	jk_err err;
	assert_int_equal(tu_load("Caf\xE9\n====\n\nNa\xEFve.\n", (size_t)-1, "x.rst", &l, &err, &w),
	                 0);
	assert_string_equal(l.items[0]->title, "Caf\xC3\xA9");
	assert_int_equal(w.n, 1);
	posting_list_free(&l);
	/* Huge: many paragraphs, and one line of unclosed openers (each
	 * search for a closer is remembered, so it stays linear). */
	size_t n = (size_t)4 << 20;
	char *big = malloc(n + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = "(`(*(|(**(``:x:`"[i % 16];
	memcpy(big, "Big\n===\n\n", 9);
	big[n] = '\0';
	assert_int_equal(tu_load(big, n, "big.rst", &l, &err, &w), 0);
	assert_int_equal(l.n, 1);
	posting_list_free(&l);
	for (size_t i = 9; i < n; i++)
		big[i] = i % 61 == 0 ? '\n' : i % 7 == 0 ? ' ' : 'a';
	assert_int_equal(tu_load(big, n, "big.rst", &l, &err, &w), 0);
	posting_list_free(&l);
	free(big);
	/* Thousands of targets and references: the targets kept are capped. */
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "Refs\n====\n\n"), 0);
	for (int i = 0; i < 3000; i++)
		assert_int_equal(jk_buf_printf(&b, "`t%d`_ x%d_ `a`__\n", i, i), 0);
	for (int i = 0; i < 3000; i++)
		assert_int_equal(jk_buf_printf(&b,
		                               "\n.. _t%d: https://x.example/%d\n.. __: "
		                               "https://y.example/%d\n",
		                               i, i, i),
		                 0);
	assert_int_equal(tu_load(b.data, b.len, "refs.rst", &l, &err, &w), 0);
	posting_list_free(&l);
	jk_buf_free(&b);
}

/* The reader called directly, as the fuzzer does. */
static void test_direct(void **state)
{
	(void)state;
	static const char *const inputs[] = {
	    "",   "\n\n", "..", "====\n====\n====\n", ":a: b",      "`",
	    "\\", "a_",   "|",  "#. x\n#. y\n",       "::\n\n  x\n"};
	const tu_reader rd = import_rst;
	tu_run_each(&rd, 1, inputs, JK_ARRAY_LEN(inputs), "x.rst");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_real_antfin), cmocka_unit_test(test_pelican_post),
	    cmocka_unit_test(test_sphinx_page), cmocka_unit_test(test_title_field),
	    cmocka_unit_test(test_draft),       cmocka_unit_test(test_links),
	    cmocka_unit_test(test_structure),   cmocka_unit_test(test_cjk_send_sentence),
	    cmocka_unit_test(test_sniff),       cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_direct),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
