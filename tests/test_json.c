/* test_json.c — Greenhouse, Lever and JSON Feed readers: real-shaped
 * documents with many postings, wrong types, and hostile input. */
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

static void load(const char *name, posting_list *l)
{
	size_t n;
	char path[256];
	snprintf(path, sizeof path, "tests/data/json/%s", name);
	char *d = tu_read(tu_root(path), &n);
	posting_list_init(l);
	tu_import_ok(d, n, name, l);
	free(d);
}

static const posting_block *block(const posting_section *s, size_t i)
{
	assert_non_null(s);
	assert_true(i < s->nblocks);
	return &s->blocks[i];
}

static void test_greenhouse_board(void **state)
{
	(void)state;
	posting_list l;
	load("greenhouse-board.json", &l);
	assert_int_equal(l.n, 3); /* non-objects and the job with no title or text skipped */
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Backend Engineer & On-call Lead");
	assert_string_equal(p->location, "Lisbon, Portugal");
	assert_string_equal(p->employment, "Full-time (hybrid)");
	assert_string_equal(p->pay, "EUR 52,000\xE2\x80\x93"
	                            "64,000");
	assert_string_equal(p->posted, "2026-03-28");
	assert_string_equal(p->apply, "https://boards.example.com/brightfield/jobs/4012345");
	assert_null(p->organization);
	assert_string_equal(p->native_id, "4012345");
	assert_int_equal(p->ntags, 1);
	assert_string_equal(p->tags[0], "Engineering");
	const posting_section *s = tu_section(p, "What you will do");
	assert_int_equal(block(s, 0)->kind, POSTING_BULLET);
	assert_string_equal(block(s, 1)->text, "Lead the on-call rotation & write runbooks");
	assert_non_null(tu_section(p, "About the role"));
	assert_true(tu_contains(p, "Caf\xC3\xA9 on site \xE2\x80\x94 bikes welcome."));
	assert_false(tu_contains(p, "alert"));
	assert_false(tu_contains(p, "&lt;"));
	/* bold kept as a span */
	const posting_block *b = block(tu_section(p, "About the role"), 0);
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].style, POSTING_BOLD);

	p = l.items[1];
	assert_string_equal(p->location, "Porto, Portugal"); /* empty location.name: office */
	assert_string_equal(p->employment, "Part-time, Contract");
	assert_string_equal(p->pay, "EUR 18.50\xE2\x80\x93"
	                            "22.00");
	assert_string_equal(p->posted, "2026-04-05");

	p = l.items[2]; /* wrong types everywhere: skipped field by field */
	assert_string_equal(p->title, "Greenhouse board");
	assert_null(p->location);
	assert_string_equal(p->native_id, "x-3");
	assert_true(tu_contains(p, "Wrong types everywhere, text still shown."));

	/* ids: distinct per job, stable across reloads */
	posting_list again;
	load("greenhouse-board.json", &again);
	for (size_t i = 0; i < l.n; i++) {
		assert_string_equal(l.items[i]->id, again.items[i]->id);
		if (i)
			assert_string_not_equal(l.items[i]->id, l.items[i - 1]->id);
	}
	posting_list_free(&again);
	posting_list_free(&l);
}

static void test_greenhouse_single_job(void **state)
{
	(void)state;
	size_t n;
	char *d = tu_read(tu_root("tests/data/json/greenhouse-job.json"), &n);
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	assert_int_equal(import_greenhouse(d, n, NULL, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Solar Field Technician");
	assert_string_equal(l.items[0]->organization, "Brightfield Logistics");
	assert_string_equal(l.items[0]->location, "\xC3\x89vora, Portugal");
	posting_list_free(&l);
	free(d);
}

static void test_lever(void **state)
{
	(void)state;
	posting_list l;
	load("lever-postings.json", &l);
	assert_int_equal(l.n, 2);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Machine Learning Engineer, Ranking");
	assert_string_equal(p->location, "Toronto, ON");
	assert_string_equal(p->employment, "Full-time (hybrid)");
	assert_string_equal(p->pay, "CAD 120,000\xE2\x80\x93"
	                            "150,000 per year");
	assert_string_equal(p->apply, "https://jobs.example.com/tidewater/5f0e3a2b/apply");
	assert_string_equal(p->posted, "2026-01-01");
	assert_int_equal(p->ntags, 2);
	assert_true(tu_contains(p, "ranks search results for forty grocery chains"));
	const posting_section *s = tu_section(p, "What you'll do");
	assert_int_equal(s->nblocks, 2);
	assert_string_equal(block(s, 1)->text, "Ship them behind A/B tests");
	s = tu_section(p, "What you bring");
	assert_string_equal(block(s, 0)->text, "Python & SQL");
	/* the closing text is not part of the last list */
	for (size_t i = 0; i < s->nblocks; i++)
		assert_null(strstr(s->blocks[i].text, "sponsor"));
	const posting_section *last = &p->sections[p->nsections - 1];
	assert_null(last->heading);
	assert_true(strstr(block(last, 0)->text, "We sponsor visas."));

	p = l.items[1];
	assert_string_equal(p->employment, "Internship (remote)");
	assert_string_equal(p->pay, "USD 28 per hour");
	assert_string_equal(p->apply, "https://jobs.example.com/tidewater/5f0e3a2b-2");
	assert_null(p->posted); /* createdAt was a string */
	s = tu_section(p, "Requirements");
	assert_int_equal(s->nblocks, 2);
	assert_int_equal(block(s, 0)->kind, POSTING_BULLET);
	posting_list_free(&l);
}

static void test_workplace(void **state)
{
	(void)state;
	/* The workplace qualifies the commitment: "·" is the slide's separator. */
	const char *lever = "[{\"text\":\"Buoy Technician\",\"workplaceType\":\"onsite\","
	                    "\"categories\":{\"commitment\":\"Contract (9 months)\"}},"
	                    "{\"text\":\"Analyst\",\"workplaceType\":\"hybrid\"}]";
	/* Greenhouse gives the workplace before the type: order does not matter. */
	const char *gh = "{\"jobs\":[{\"title\":\"Intern\",\"metadata\":["
	                 "{\"name\":\"Workplace type\",\"value\":\"Hybrid\"},"
	                 "{\"name\":\"Employment type\",\"value\":\"Internship\"}]}]}";
	posting_list l;
	jk_err err = {0};
	posting_list_init(&l);
	assert_int_equal(import_lever(lever, strlen(lever), NULL, &l, &err), 0);
	assert_string_equal(l.items[0]->employment, "Contract (9 months, on-site)");
	assert_string_equal(l.items[1]->employment, "Hybrid");
	posting_list_free(&l);
	posting_list_init(&l);
	assert_int_equal(import_greenhouse(gh, strlen(gh), NULL, &l, &err), 0);
	assert_string_equal(l.items[0]->employment, "Internship (hybrid)");
	posting_list_free(&l);
}

static void test_jsonfeed(void **state)
{
	(void)state;
	posting_list l;
	load("feed.json", &l);
	assert_int_equal(l.n, 3);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Copy Editor (Non-fiction)");
	assert_string_equal(p->organization, "Quill & Compass Press");
	assert_string_equal(p->apply, "https://press.example.org/jobs/copy-editor");
	assert_string_equal(p->posted, "2026-03-01");
	assert_int_equal(p->ntags, 2);
	assert_int_equal(tu_section(p, "You have")->nblocks, 2);
	p = l.items[1];
	assert_string_equal(p->apply, "https://press.example.org/jobs/bookseller");
	assert_string_equal(p->location, "Ghent, Belgium");
	assert_string_equal(p->pay, "EUR 15.20 per hour");
	assert_string_equal(p->native_id, "2");
	assert_int_equal(tu_section(p, "WHAT WE OFFER")->nblocks, 2);
	assert_false(tu_contains(p, "Location:"));
	p = l.items[2];
	assert_true(tu_contains(p, "Only a summary with markup."));
	posting_list_free(&l);
}

/* The reader contract (tu_run_reader) on data with source hostile.json. */
static int run(tu_reader rd, const char *data, size_t len, jk_err *err, size_t *n)
{
	return tu_run_reader(rd, data, len, "hostile.json", err, n);
}

static void test_hostile_shapes(void **state)
{
	(void)state;
	const tu_reader rds[] = {import_greenhouse, import_lever, import_jsonfeed};
	const char *docs[] = {"{}",
	                      "[]",
	                      "null",
	                      "\"jobs\"",
	                      "{\"jobs\": {}}",
	                      "{\"jobs\": [1, \"a\", null, [], {\"title\": []}]}",
	                      "{\"items\": {}, \"version\": 1}",
	                      "{\"items\": [{\"title\": 5, \"content_html\": {}, \"tags\": \"x\","
	                      " \"url\": [], \"id\": {}}]}",
	                      "[{\"text\": 5, \"categories\": [], \"lists\": [[]],"
	                      " \"salaryRange\": {\"min\": \"a\", \"max\": -1e308}}]",
	                      "[{\"text\": \"T\", \"salaryRange\": {\"min\": 1e300, \"max\": 1e308,"
	                      " \"currency\": 3}, \"createdAt\": -5, \"id\": 1e300}]",
	                      "{\"jobs\": [{\"title\": \"T\", \"metadata\": [{\"name\": \"Salary\","
	                      " \"value\": {\"min_value\": \"NaN\", \"max_value\": \"inf\"}}]}]}",
	                      "{\"jobs\": [",
	                      "[{\"text\": \"unterminated",
	                      "{\"items\": [{,]}",
	                      "\xFF\xFE"};
	tu_run_each(rds, JK_ARRAY_LEN(rds), docs, JK_ARRAY_LEN(docs), "hostile.json");
	jk_err err;
	assert_int_equal(run(import_greenhouse, "{\"jobs\": {}}", 12, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "jobs"));
	assert_int_equal(run(import_jsonfeed, "{}", 2, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "items"));
	assert_int_equal(run(import_lever, "{}", 2, &err, NULL), JK_EFORMAT);
	size_t n = 9;
	assert_int_equal(run(import_greenhouse, "{\"jobs\": []}", 12, &err, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(run(import_lever, "{\"text\": \"Solo\"}", 16, &err, &n), 0);
	assert_int_equal(n, 1);
}

/* A salary bound that is not wholly a number is no bound: "12abc" must
 * not show as 12. */
static void test_partial_numbers_ignored(void **state)
{
	(void)state;
	const char *doc = "[{\"text\": \"T\", \"hostedUrl\": \"https://jobs.lever.co/x/1\", "
	                  "\"salaryRange\": {\"min\": \"12abc\","
	                  " \"max\": \"90000\", \"currency\": \"EUR\"}}]";
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(doc, strlen(doc), "lever.json", &l);
	assert_int_equal(l.n, 1);
	assert_non_null(l.items[0]->pay);
	assert_null(strstr(l.items[0]->pay, "12"));
	assert_non_null(strstr(l.items[0]->pay, "90"));
	posting_list_free(&l);
}

static void test_truncated_and_deep(void **state)
{
	(void)state;
	size_t n;
	char *d = tu_read(tu_root("tests/data/json/lever-postings.json"), &n);
	jk_err err;
	for (size_t cut = 1; cut < n; cut += 97)
		run(import_lever, d, cut, &err, NULL);
	assert_int_equal(run(import_lever, d, n / 2, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "ends early"));
	free(d);

	/* 100,000-deep nesting: cJSON's limit stops it, with a clear reason. */
	size_t deep = 100000;
	char *doc = malloc(deep * 2 + 64);
	assert_non_null(doc);
	int k = sprintf(doc, "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":");
	memset(doc + k, '[', deep);
	memset(doc + k + deep, ']', deep);
	doc[k + 2 * deep] = '}';
	size_t len = (size_t)k + 2 * deep + 1;
	posting_list l;
	posting_list_init(&l);
	import_opts o = {.source = "deep.json"};
	memset(&err, 0, sizeof err);
	assert_int_equal(import_bytes(doc, len, &o, &l, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "nested"));
	assert_int_equal(run(import_greenhouse, doc, len, &err, NULL), JK_EFORMAT);
	assert_int_equal(run(import_lever, doc + k, 2 * deep, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "nested"));
	memset(doc + k, '{', deep); /* objects: {{{ is invalid before it is deep */
	run(import_jsonfeed, doc, len, &err, NULL);
	free(doc);
}

static void test_big_and_garbage(void **state)
{
	(void)state;
	/* 5 MB board: more jobs than one document may give; the cap holds. */
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "{\"jobs\":["), 0);
	for (int i = 0; b.len < (5u << 20); i++)
		assert_int_equal(
		    jk_buf_printf(
		        &b,
		        "%s{\"id\":%d,\"title\":\"Job %d\",\"absolute_url\":"
		        "\"https://boards.example.com/j/%d\",\"location\":{\"name\":\"Oslo\"},"
		        "\"content\":\"&lt;p&gt;%0400d&lt;/p&gt;&lt;ul&gt;&lt;li&gt;item&lt;/li&gt;"
		        "&lt;/ul&gt;\"}",
		        i ? "," : "", i, i, i, i),
		    0);
	assert_int_equal(jk_buf_puts(&b, "]}"), 0);
	posting_list l;
	posting_list_init(&l);
	import_opts o = {.source = "big.json", .warn = count_warn};
	jk_err err = {0};
	warnings = 0;
	assert_int_equal(import_bytes(b.data, b.len, &o, &l, &err), 0);
	assert_int_equal(l.n, 5000);
	assert_int_equal(warnings, 1);
	assert_string_equal(l.items[4999]->title, "Job 4999");
	posting_list_free(&l);
	jk_buf_free(&b);

	/* Binary garbage that starts like JSON, and invalid UTF-8 inside. */
	char junk[2048] = "{\"jobs\":[{\"title\":\"";
	for (size_t i = 19; i < sizeof junk; i++)
		junk[i] = (char)(0x80 + (i * 31) % 0x7F);
	run(import_greenhouse, junk, sizeof junk, &err, NULL);
	assert_int_equal(import_bytes(junk, sizeof junk, &o, &l, &err), JK_EFORMAT);
	const char *bad = "{\"jobs\":[{\"title\":\"Caf\xE9 \xFF lead\",\"absolute_url\":\"x\"}]}";
	warnings = 0;
	assert_int_equal(import_bytes(bad, strlen(bad), &o, &l, &err), 0);
	assert_true(warnings > 0);
	assert_true(jk_utf8_valid(l.items[0]->title, strlen(l.items[0]->title)));
	assert_non_null(strstr(l.items[0]->title, "Caf\xC3\xA9"));
	assert_null(l.items[0]->apply); /* "x" is no URL */
	posting_list_free(&l);
	const char *esc = "[{\"text\":\"Nul\\u0000byte \\ud800 lone\"}]";
	run(import_lever, esc, strlen(esc), &err, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_greenhouse_board),
	    cmocka_unit_test(test_greenhouse_single_job),
	    cmocka_unit_test(test_lever),
	    cmocka_unit_test(test_workplace),
	    cmocka_unit_test(test_jsonfeed),
	    cmocka_unit_test(test_hostile_shapes),
	    cmocka_unit_test(test_truncated_and_deep),
	    cmocka_unit_test(test_partial_numbers_ignored),
	    cmocka_unit_test(test_big_and_garbage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
