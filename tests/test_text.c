/* test_text.c — the plain-text reader: fields from "Key: value" lines,
 * headings, lists, wrapped paragraphs, links, several postings per file,
 * and hostile input. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int warnings;
static void count_warn(void *ud, const char *source, const char *msg)
{
	(void)ud, (void)source, (void)msg;
	warnings++;
}

static int import_text_doc(const char *data, size_t len, posting_list *out, jk_err *err)
{
	import_opts o = {.source = "booth/posting.txt", .warn = count_warn};
	return import_bytes(data, len, &o, out, err);
}

static const posting_block *block(const posting_section *s, size_t i)
{
	assert_non_null(s);
	assert_true(i < s->nblocks);
	return &s->blocks[i];
}

static void test_full_posting(void **state)
{
	(void)state;
	const char *doc = "Senior Baker\n"
	                  "============\n"
	                  "\n"
	                  "Company: Crumb & Co. Bakery\n"
	                  "Location: Lyon, France\n"
	                  "Salary: EUR 34,000 per year\n"
	                  "Type: Full-time\n"
	                  "Apply: mailto:jobs@bakery.example.org?subject=Senior%20Baker\n"
	                  "Expires: 2027-03-31\n"
	                  "Tags: bakery, early shifts\n"
	                  "\n"
	                  "We bake two thousand loaves before\n"
	                  "sunrise, six days a week.\r\n"
	                  "\r\n"
	                  "WHAT YOU WILL DO\n"
	                  "- Run the sourdough programme\n"
	                  "  and train two apprentices\n"
	                  "* Plan the morning bake\n"
	                  "\xE2\x80\xA2 Keep the ovens safe\n"
	                  "\n"
	                  "Requirements:\n"
	                  "1. Three years in a bakery\n"
	                  "2) A food hygiene certificate\n"
	                  "\n"
	                  "How we work\n"
	                  "-----------\n"
	                  "Read more at https://bakery.example.org/team. Questions go to\n"
	                  "hello@bakery.example.org.\n";
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	assert_int_equal(import_text_doc(doc, strlen(doc), &l, &err), 0);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Senior Baker");
	assert_string_equal(p->organization, "Crumb & Co. Bakery");
	assert_string_equal(p->location, "Lyon, France");
	assert_string_equal(p->pay, "EUR 34,000 per year");
	assert_string_equal(p->employment, "Full-time");
	assert_string_equal(p->apply, "mailto:jobs@bakery.example.org?subject=Senior%20Baker");
	assert_string_equal(p->expires, "2027-03-31");
	assert_int_equal(p->ntags, 2);
	assert_string_equal(p->tags[1], "early shifts");
	/* lead paragraph: wrapped lines joined, CRLF handled */
	assert_null(p->sections[0].heading);
	assert_string_equal(block(&p->sections[0], 0)->text,
	                    "We bake two thousand loaves before sunrise, six days a week.");
	const posting_section *s = tu_section(p, "WHAT YOU WILL DO");
	assert_int_equal(s->nblocks, 3);
	assert_int_equal(block(s, 0)->kind, POSTING_BULLET);
	assert_string_equal(block(s, 0)->text,
	                    "Run the sourdough programme and train two apprentices");
	assert_string_equal(block(s, 2)->text, "Keep the ovens safe");
	s = tu_section(p, "Requirements");
	assert_int_equal(block(s, 1)->kind, POSTING_NUMBERED);
	assert_int_equal(block(s, 1)->number, 2);
	assert_string_equal(block(s, 1)->text, "A food hygiene certificate");
	s = tu_section(p, "How we work");
	assert_non_null(s);
	assert_true(strstr(block(s, 0)->text, "https://bakery.example.org/team. Questions"));
	assert_false(tu_contains(p, "-----"));
	assert_false(tu_contains(p, "Company:"));
	posting_list_free(&l);
}

static void test_apply_link_from_text(void **state)
{
	(void)state;
	const char *doc = "Gardener\n\nLook after the botanical garden.\n\n"
	                  "Apply online at https://garden.example.org/jobs/gardener.\n";
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	assert_int_equal(import_text_doc(doc, strlen(doc), &l, &err), 0);
	assert_string_equal(l.items[0]->apply, "https://garden.example.org/jobs/gardener");
	posting_list_free(&l);
}

static void test_japanese(void **state)
{
	(void)state;
	/* 調理スタッフ / 勤務地：京都 / 給与：時給1,300円 / wrapped CJK lines join
	 * without a space. */
	const char *doc =
	    "\xE8\xAA\xBF\xE7\x90\x86\xE3\x82\xB9\xE3\x82\xBF\xE3\x83\x83\xE3\x83\x95\n"
	    "\xE5\x8B\xA4\xE5\x8B\x99\xE5\x9C\xB0\xEF\xBC\x9A\xE4\xBA\xAC\xE9\x83\xBD\n"
	    "\xE7\xB5\xA6\xE4\xB8\x8E\xEF\xBC\x9A\xE6\x99\x82\xE7\xB5\xA6"
	    "1,300\xE5\x86\x86\n"
	    "\n"
	    "\xE6\x96\x99\xE7\x90\x86\xE3\x82\x92\n"
	    "\xE4\xBD\x9C\xE3\x82\x8B\xE3\x80\x82\n"
	    "\xE3\x83\xBB\xE9\x87\x8E\xE8\x8F\x9C\n";
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	assert_int_equal(import_text_doc(doc, strlen(doc), &l, &err), 0);
	const posting *p = l.items[0];
	assert_string_equal(
	    p->title, "\xE8\xAA\xBF\xE7\x90\x86\xE3\x82\xB9\xE3\x82\xBF\xE3\x83\x83\xE3\x83\x95");
	assert_string_equal(p->location, "\xE4\xBA\xAC\xE9\x83\xBD");
	assert_string_equal(p->pay, "\xE6\x99\x82\xE7\xB5\xA6"
	                            "1,300\xE5\x86\x86");
	assert_string_equal(
	    block(&p->sections[0], 0)->text,
	    "\xE6\x96\x99\xE7\x90\x86\xE3\x82\x92\xE4\xBD\x9C\xE3\x82\x8B\xE3\x80\x82");
	assert_int_equal(block(&p->sections[0], 1)->kind, POSTING_BULLET);
	posting_list_free(&l);
}

static void test_many_postings(void **state)
{
	(void)state;
	const char *doc =
	    "Cook\nLocation: Bristol\n\nMake soup.\n\n=====\n\nWaiter\nLocation: Bath\n\n"
	    "Serve soup.\n\n==========\n\nDishwasher\n\nWash bowls.\n";
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	assert_int_equal(import_text_doc(doc, strlen(doc), &l, &err), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[0]->title, "Cook");
	assert_string_equal(l.items[1]->title, "Waiter");
	assert_string_equal(l.items[1]->location, "Bath");
	assert_string_equal(l.items[2]->title, "Dishwasher");
	assert_string_not_equal(l.items[0]->id, l.items[1]->id);
	posting_list_free(&l);
}

static void expect_fail(const char *data, size_t len, int code)
{
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	assert_int_equal(import_text_doc(data, len, &l, &err), code);
	assert_int_equal(l.n, 0);
	assert_true(strlen(err.msg) > 0);
	assert_null(strchr(err.msg, '\n'));
	posting_list_free(&l);
}

static void test_hostile(void **state)
{
	(void)state;
	expect_fail("", 0, JK_EEMPTY);
	expect_fail("\n\n  \r\n\t", 6, JK_EEMPTY);
	expect_fail("=====\n\n=====\n", 13, JK_EEMPTY);
	char bin[4096];
	for (size_t i = 0; i < sizeof bin; i++)
		bin[i] = (char)((i * 7919u) & 0xFF);
	expect_fail(bin, sizeof bin, JK_EBINARY);

	/* Invalid UTF-8 comes out valid (read as Windows-1252, with a warning). */
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	const char *bad = "Caf\xE9 manager\n\nRun the caf\xE9. \xFF\xFE\x80\n";
	warnings = 0;
	assert_int_equal(import_text_doc(bad, strlen(bad), &l, &err), 0);
	assert_true(warnings > 0);
	assert_string_equal(l.items[0]->title, "Caf\xC3\xA9 manager");
	assert_true(jk_utf8_valid(l.items[0]->sections[0].blocks[0].text,
	                          l.items[0]->sections[0].blocks[0].len));
	posting_list_free(&l);

	/* Lone CR line ends, a title-only file, a file that is one long line. */
	const char *cr = "Porter\rLocation: Hull\r\rCarry things.\r";
	assert_int_equal(import_text_doc(cr, strlen(cr), &l, &err), 0);
	assert_string_equal(l.items[0]->location, "Hull");
	posting_list_free(&l);

	/* 5 MB: many short lines and one long line; bounded time, no crash. */
	size_t n = 5u << 20;
	char *big = malloc(n);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		big[i] = i % 40 == 39  ? '\n'
		         : i % 80 < 2  ? '-'
		         : i % 80 == 2 ? ' '
		                       : 'a' + (char)(i % 26);
	assert_int_equal(import_text_doc(big, n, &l, &err), 0);
	assert_int_equal(l.n, 1);
	posting_list_free(&l);
	memset(big, 'x', n);
	for (size_t i = 100; i < n; i += 100)
		big[i] = ' ';
	assert_int_equal(import_text_doc(big, n, &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Posting"); /* too long: from the file name */
	posting_list_free(&l);
	/* Many separators: the postings cap holds. */
	for (size_t i = 0; i + 10 <= n; i += 10)
		memcpy(big + i, "T\n\n=====\n\n", 10);
	warnings = 0;
	assert_int_equal(import_text_doc(big, n, &l, &err), 0);
	assert_int_equal(l.n, 5000);
	assert_true(warnings > 0);
	posting_list_free(&l);
	free(big);
}

/* Where the reader splits a document: a '=' rule after a blank line or at
 * the start, not one right under a line (an underline). */
static void test_separator(void **state)
{
	(void)state;
	const char *s = "=====\nA\nB\n=====\n\n=====\nC";
	size_t pos = 0, end = 99, second = strlen("=====\nA\nB\n=====\n\n");
	assert_true(import_text_separator(s, strlen(s), &pos, &end));
	assert_int_equal(end, 0);
	assert_int_equal(pos, 6);
	assert_true(import_text_separator(s, strlen(s), &pos, &end));
	assert_int_equal(end, second);
	assert_int_equal(pos, second + 6);
	assert_false(import_text_separator(s, strlen(s), &pos, &end));
}

/* A title line is a title; a label, a greeting or prose is not, and a text
 * without one takes the role its hiring sentence names, else the file's
 * name (never a guess). */
static void test_title_line(void **state)
{
	(void)state;
	struct {
		const char *text, *want;
	} cases[] = {
	    {"Barista\n\nWe make coffee.\n", "Barista"},
	    {"Quick facts:\n1. We use Node.js\n2. We are in SF\n\nEmail me - a@example.com\n",
	     "Posting"},
	    {"Hi all!\n\nWe are looking for a Node.js engineer to join our team in SF.\n",
	     "Node.js engineer"},
	    {"Hello,\n\nOur lab is hiring two postdoctoral researchers in genomics.\n",
	     "Postdoctoral researcher"},
	    {"We're hiring!\n\nWe need a barista who loves mornings.\n", "Barista"},
	    {"Our cafe opened in 2011 and we have served coffee ever since then.\n\nIt is nice.\n",
	     "Posting"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		posting_list l;
		posting_list_init(&l);
		jk_err err = {0};
		assert_int_equal(import_text_doc(cases[i].text, strlen(cases[i].text), &l, &err),
		                 0);
		if (strcmp(l.items[0]->title, cases[i].want))
			fail_msg("case %zu: title %s, wanted %s", i, l.items[0]->title,
			         cases[i].want);
		posting_list_free(&l);
	}
	/* The real one: no title line and no role named. */
	size_t len;
	char *data = tu_read(tu_fixture("real-world/txt-yahoo-node-hiring.txt"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "txt-yahoo-node-hiring.txt", &l);
	assert_string_equal(l.items[0]->title, "Txt yahoo node hiring");
	assert_string_equal(l.items[0]->apply, "mailto:mdp@yahoo-inc.com");
	assert_non_null(tu_section(l.items[0], "Quick facts"));
	posting_list_free(&l);
	free(data);
}

/* One paragraph of a megabyte of addresses and links: every link used to
 * keep its own copy of the whole paragraph, so this ran out of memory.
 * It reads now, and the first address is the target. */
static void test_paragraph_of_links(void **state)
{
	(void)state;
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "Mechanic\n\nSend your CV to"), 0);
	for (int i = 0; b.len < (1u << 20); i++)
		assert_int_equal(
		    jk_buf_printf(&b, " p%d@works.example.org https://w.example/%d", i, i), 0);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(b.data, b.len, "links.txt", &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->apply, "mailto:p0@works.example.org");
	posting_list_free(&l);
	jk_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_full_posting),
	    cmocka_unit_test(test_paragraph_of_links),
	    cmocka_unit_test(test_apply_link_from_text),
	    cmocka_unit_test(test_japanese),
	    cmocka_unit_test(test_many_postings),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_separator),
	    cmocka_unit_test(test_title_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
