/* The scraped-grid reader: reading order, joined sentences, chrome, header
 * lines; the Azure seed read as a person would. */
#include "testutil.h"

#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int import_src(const char *data, size_t len, const char *source, posting_list *l,
                      jk_err *err)
{
	import_opts o = {.source = source};
	posting_list_init(l);
	return import_bytes(data, len, &o, l, err);
}

/* Index of the section with this heading, or -1. */
static int section_at(const posting *p, const char *heading)
{
	for (size_t i = 0; i < p->nsections; i++)
		if (p->sections[i].heading && !strcmp(p->sections[i].heading, heading))
			return (int)i;
	return -1;
}

/* True when one block holds the whole of needle (not split over two). */
static bool in_one_block(const posting *p, const char *needle)
{
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			if (strstr(p->sections[i].blocks[j].text, needle))
				return true;
	return false;
}

static void test_azure_seed(void **state)
{
	(void)state;
	const char *path = tu_fixture("seeds/azure-systems-research-intern.html");
	size_t len;
	char *data = tu_read(path, &len);
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(data, len, path, &l, &err), 0);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Research Intern - Azure Systems Research Architect");
	assert_string_equal(p->organization, "Microsoft");
	assert_string_equal(p->location, "Redmond, WA");
	assert_non_null(strstr(p->pay, "$10,000/yr - $14,000/yr"));
	assert_non_null(strstr(p->employment, "Internship"));
	/* "Internship (hybrid)": a "·" inside would read as the slide's
	 * separator between fields. */
	assert_string_equal(p->employment, "Internship (hybrid)");
	/* Sections in reading order. */
	const char *order[] = {"About the job", "Responsibilities", "Qualifications",
	                       "Preferred Qualifications"};
	int last = -1;
	for (size_t i = 0; i < JK_ARRAY_LEN(order); i++) {
		int at = section_at(p, order[i]);
		if (at <= last)
			fail_msg("section %s missing or out of order", order[i]);
		last = at;
	}
	/* Sentences a row boundary cut read whole. */
	const char *whole[] = {
	    "of our datacenters and has led to publications in top systems "
	    "conferences",
	    "on the planet to achieve more. As employees we come together",
	    "Participate in relevant meetings, and in relevant activities with other "
	    "research interns.",
	    "have at least 1 year of experience in conducting research, evidenced by "
	    "a peer-reviewed",
	    "submit a minimum of two reference letters for this position. After you "
	    "submit",
	    "within the San Francisco Bay area and New York City metropolitan area, "
	    "and the base pay "
	    "range for this role in those locations is USD $8,060 - $13,240 per "
	    "month.",
	    "Show initiative throughout the research internship.",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(whole); i++)
		if (!in_one_block(p, whole[i]))
			fail_msg("not read whole: %s", whole[i]);
	const posting_section *resp = &p->sections[section_at(p, "Responsibilities")];
	bool item = false;
	for (size_t j = 0; j < resp->nblocks; j++)
		if (!strncmp(resp->blocks[j].text, "Participate in relevant meetings", 32))
			item = resp->blocks[j].kind == POSTING_BULLET;
	assert_true(item);
	/* No chrome, no escapes, no markup anywhere. ("employees" alone is real
	 * text here: "As employees we come together"; the chrome is the
	 * "10,001+ employees · Software Development" line.) */
	const char *never[] = {"applicants",
	                       "Premium",
	                       "Show all",
	                       "View verifications",
	                       "verifications",
	                       "alumni",
	                       "hours ago",
	                       "10,001+",
	                       "Actively",
	                       "\\$",
	                       "&amp;",
	                       "<",
	                       ">",
	                       "•",
	                       "Microsoft · Redmond"};
	for (size_t i = 0; i < JK_ARRAY_LEN(never); i++)
		if (tu_contains(p, never[i]))
			fail_msg("found %s", never[i]);
	/* Each block reads as finished text: ends in punctuation, or is a label
	 * line that introduces a list. */
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++) {
			const posting_block *b = &p->sections[i].blocks[j];
			char end = b->text[b->len - 1];
			bool label = b->nspans == 1 && b->spans[0].style == POSTING_BOLD;
			if (!strchr(".!?:)", end) && !label)
				fail_msg("block ends mid-sentence: %s", b->text);
		}
	posting_list_free(&l);
	free(data);
}

static void test_reading_order(void **state)
{
	(void)state;
	/* Three columns, a ragged second row, an empty cell, two rules of
	 * different widths; each column flows on from row to row. */
	const char *g = "<p><b>Left</b></p><p>Alpha starts here and</p>\t"
	                "<p><b>Middle</b></p><ul><li>Item one is cut</li></ul>\t"
	                "<p><b>Right</b></p><p>Gamma.</p>\n"
	                "---\t---\t---\n"
	                "<p>goes on in row two.</p>\t<p>off and continues.</p>\n"
	                "--\t--\t--\t--\n"
	                "\t<p>Beta closes.</p>\t<p>Delta.</p>\t<p>Stray fourth column.</p>\n";
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(g, strlen(g), "grid.html", &l, &err), 0);
	const posting *p = l.items[0];
	int left = section_at(p, "Left"), mid = section_at(p, "Middle"),
	    right = section_at(p, "Right");
	assert_true(left >= 0 && mid > left && right > mid);
	assert_string_equal(p->sections[left].blocks[0].text,
	                    "Alpha starts here and goes on in row two.");
	assert_int_equal(p->sections[mid].blocks[0].kind, POSTING_BULLET);
	assert_string_equal(p->sections[mid].blocks[0].text, "Item one is cut off and continues.");
	assert_string_equal(p->sections[mid].blocks[1].text, "Beta closes.");
	assert_string_equal(p->sections[right].blocks[0].text, "Gamma.");
	assert_string_equal(p->sections[right].blocks[1].text, "Delta.");
	assert_string_equal(p->sections[right].blocks[2].text, "Stray fourth column.");
	posting_list_free(&l);
}

static void test_no_false_joins(void **state)
{
	(void)state;
	/* A label without punctuation followed by a capitalised paragraph in the
	 * next row stays apart; so does a finished sentence. */
	const char *g = "<p>Required Skills</p>\t<p>Done here.</p>\n---\t---\n"
	                "<p>Python and Go.</p>\t<p>Next one.</p>\n";
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(g, strlen(g), "g2.html", &l, &err), 0);
	const posting *p = l.items[0];
	assert_true(in_one_block(p, "Required Skills"));
	assert_false(in_one_block(p, "Required Skills Python"));
	assert_false(in_one_block(p, "Done here. Next"));
	posting_list_free(&l);
}

static void test_hostile(void **state)
{
	(void)state;
	posting_list l;
	jk_err err = {0};
	/* Only rules and tabs: nothing to read, a clear reason. */
	const char *rules = "<p></p>\t\t\n---\t---\n\t\t\t\n---\t---\n";
	assert_int_not_equal(import_src(rules, strlen(rules), "r.html", &l, &err), 0);
	assert_non_null(strstr(err.msg, "without any text"));
	posting_list_free(&l);
	/* Cells cut mid-tag and unbalanced markup stay inside their cell. */
	const char *cut = "<ul><li>open list\t<p class=\"x\n---\t---\n<b>bold never "
	                  "closed\t<p>ok.</p>\n";
	assert_int_equal(import_src(cut, strlen(cut), "c.html", &l, &err), 0);
	assert_true(in_one_block(l.items[0], "ok."));
	posting_list_free(&l);
	/* Many rows and columns. */
	size_t cap = 4 << 20, n = 0;
	char *big = malloc(cap);
	assert_non_null(big);
	for (int r = 0; r < 2000; r++) {
		for (int c = 0; c < 20; c++)
			n += (size_t)snprintf(big + n, cap - n, "<p>cell %d %d</p>\t", r, c);
		n += (size_t)snprintf(big + n, cap - n, "\n---\t---\n");
	}
	assert_int_equal(import_src(big, n, "big.html", &l, &err), 0);
	assert_true(in_one_block(l.items[0], "cell 1999 19"));
	posting_list_free(&l);
	free(big);
	/* 100,000 tabs in one row. */
	big = malloc(200016);
	assert_non_null(big);
	memset(big, '\t', 100000);
	memcpy(big + 100000, "<p>x</p>\n---\t---\n", 17);
	assert_int_equal(import_src(big, 100017, "tabs.html", &l, &err), 0);
	posting_list_free(&l);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_azure_seed),
	    cmocka_unit_test(test_reading_order),
	    cmocka_unit_test(test_no_false_joins),
	    cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
