/* test_common.c — dates, character references, organisation inference. */
#include "testutil.h"

#include "../src/import/readers.h"

#include <cjson/cJSON.h>

#include <stdlib.h>
#include <string.h>

static void expect_date(const char *in, const char *want)
{
	char *got = import_date(in);
	if (want == NULL && got != NULL)
		fail_msg("import_date(\"%s\") gave %s, wanted NULL", in ? in : "NULL", got);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("import_date(\"%s\") gave %s, wanted %s", in ? in : "NULL",
		         got ? got : "NULL", want);
	free(got);
}

static void test_date_iso(void **state)
{
	(void)state;
	expect_date("2024-08-26", "2024-08-26");
	expect_date("  2024-08-26\n", "2024-08-26");
	expect_date("2024-08-26T12:11:00Z", "2024-08-26");
	expect_date("2024-08-26T23:59:59.123+09:00", "2024-08-26");
	expect_date("2024-08-26 12:11:00-0400", "2024-08-26");
	expect_date("2024-8-6", "2024-08-06");
	expect_date("2024/08/26", "2024-08-26");
	expect_date("20240826", "2024-08-26");
	expect_date("2024-02-29", "2024-02-29");
	expect_date("2000-02-29", "2000-02-29");
}

static void test_date_rfc822(void **state)
{
	(void)state;
	expect_date("Mon, 26 Aug 2024 12:11:00 GMT", "2024-08-26");
	expect_date("Mon, 26 Aug 2024 12:11:00 +0200", "2024-08-26");
	expect_date("26 Aug 2024", "2024-08-26");
	expect_date("6 August 2024", "2024-08-06");
	expect_date("26-Aug-2024", "2024-08-26");
	expect_date("Tue, 01 Jan 99 00:00:00 GMT", "1999-01-01");
	expect_date("Tue, 01 Jan 24 00:00:00 GMT", "2024-01-01");
}

static void test_date_words(void **state)
{
	(void)state;
	expect_date("August 26, 2024", "2024-08-26");
	expect_date("Aug 26 2024", "2024-08-26");
	expect_date("Aug. 26, 2024", "2024-08-26");
	expect_date("Sept 3rd, 2024", "2024-09-03");
	expect_date("Monday, August 26, 2024", "2024-08-26");
	expect_date("march 1, 2025", "2025-03-01");
}

static void test_date_epoch(void **state)
{
	(void)state;
	expect_date("1724688660000", "2024-08-26"); /* Lever createdAt, ms */
	expect_date("1724688660000.0", "2024-08-26");
	expect_date("1724688660", "2024-08-26"); /* seconds */
	/* Past a 32-bit time_t's end (armhf): the same date on every board. */
	expect_date("2214129600", "2040-02-29");
	expect_date("2214129600000", "2040-02-29");
	expect_date("4294967296", "2106-02-07");
	expect_date("0000000000000", "1970-01-01");
}

static void test_date_garbage(void **state)
{
	(void)state;
	const char *bad[] = {"",
	                     "   ",
	                     "soon",
	                     "2024-13-01",
	                     "2024-00-10",
	                     "2023-02-29",
	                     "2024-04-31",
	                     "1969-12-31",
	                     "2201-01-01",
	                     "2024-08-26garbage",
	                     "2024-08",
	                     "32 Aug 2024",
	                     "26 Foo 2024",
	                     "Aug 26",
	                     "Mon, ",
	                     "Mo 26 Aug 2024",
	                     "99999999999999999999999",
	                     "123",
	                     "-1724688660000",
	                     "2024-08-26T99:00",
	                     "\xff\xfe\x00",
	                     "Ju 4, 2024",
	                     "August 26, 24"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++)
		expect_date(bad[i], NULL);
	expect_date(NULL, NULL);
	char big[4096];
	memset(big, '9', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	expect_date(big, NULL);
}

static void expect_dec(const char *in, const char *want)
{
	char *got = import_decode_entities(in, (size_t)-1);
	assert_non_null(got);
	if (strcmp(got, want) != 0)
		fail_msg("decode(\"%s\") gave \"%s\", wanted \"%s\"", in, got, want);
	free(got);
}

static void test_entities(void **state)
{
	(void)state;
	expect_dec("Tom &amp; Jerry", "Tom & Jerry");
	expect_dec("&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'");
	expect_dec("a&nbsp;b", "a\xC2\xA0"
	                       "b");
	expect_dec("caf&eacute; &Eacute;", "caf\xC3\xA9 \xC3\x89");
	expect_dec("it&#8217;s &#x2019; &#X2019;", "it\xE2\x80\x99s \xE2\x80\x99 \xE2\x80\x99");
	expect_dec("&#128512;", "\xF0\x9F\x98\x80");
	expect_dec("&#146;", "\xE2\x80\x99"); /* Windows-1252 range, as browsers */
	expect_dec("&#39 ok", "' ok");
	expect_dec("plain text", "plain text");
	expect_dec("", "");
}

static void test_entities_hostile(void **state)
{
	(void)state;
	expect_dec("&#0;", "\xEF\xBF\xBD");
	expect_dec("&#xD800;", "\xEF\xBF\xBD");
	expect_dec("&#x110000;", "\xEF\xBF\xBD");
	expect_dec("&#99999999999999999999999999;", "\xEF\xBF\xBD");
	expect_dec("&#xFFFFFFFFFFFFFFFFFFFF;", "\xEF\xBF\xBD");
	expect_dec("&#;", "&#;");
	expect_dec("&#x;", "&#x;");
	expect_dec("&", "&");
	expect_dec("&&&", "&&&");
	expect_dec("&nosuchentity;", "&nosuchentity;");
	expect_dec("&amp", "&");
	expect_dec("&amp rest", "& rest");
	expect_dec("&ampx", "&ampx");
	expect_dec("AT&T R&D", "AT&T R&D");
	expect_dec("?a=1&lang=en", "?a=1&lang=en");
	expect_dec("&AMP;", "&AMP;"); /* names are case-sensitive */
	char name[200];
	memset(name, 'a', sizeof name);
	name[0] = '&';
	name[sizeof name - 2] = ';';
	name[sizeof name - 1] = '\0';
	expect_dec(name, name);
	/* Counted input stops at n, even mid-reference. */
	char *got = import_decode_entities("&amp;&amp;", 3);
	assert_string_equal(got, "&am");
	free(got);
	got = import_decode_entities(NULL, 0);
	assert_string_equal(got, "");
	free(got);
	/* Invalid UTF-8 passes through untouched (cleaning is the model's job). */
	expect_dec("\xff&amp;\xfe", "\xff&\xfe");
}

static void expect_org(const char *title, const char *want)
{
	posting *p = posting_new();
	assert_non_null(p);
	if (title)
		assert_int_equal(posting_set(&p->title, title, (size_t)-1), 0);
	assert_int_equal(import_infer_organization(p), 0);
	if (want == NULL && p->organization != NULL)
		fail_msg("\"%s\" gave organization \"%s\"", title, p->organization);
	if (want != NULL && (!p->organization || strcmp(p->organization, want) != 0))
		fail_msg("\"%s\" gave organization \"%s\", wanted \"%s\"", title,
		         p->organization ? p->organization : "NULL", want);
	posting_free(p);
}

static void test_org(void **state)
{
	(void)state;
	expect_org("Internship opportunities in Systems Research Group at Microsoft Research Asia",
	           "Microsoft Research Asia");
	expect_org("Research Intern at Contoso Labs (Remote)", "Contoso Labs");
	expect_org("Engineer at Fabrikam - Berlin", "Fabrikam");
	expect_org("Lead at scale at Northwind | Careers", "Northwind");
	expect_org("Engineer at 3M.", "3M");
	expect_org("Engineering at scale", NULL);
	expect_org("Engineer at", NULL);
	expect_org("Data Engineer", NULL);
	expect_org(NULL, NULL);
	expect_org("Engineer at A B C D E F G H I J", NULL);
	/* An organization already set is kept. */
	posting *p = posting_new();
	posting_set(&p->title, "Intern at Contoso", (size_t)-1);
	posting_set(&p->organization, "Fabrikam", (size_t)-1);
	assert_int_equal(import_infer_organization(p), 0);
	assert_string_equal(p->organization, "Fabrikam");
	posting_free(p);
	assert_int_equal(import_infer_organization(NULL), 0);
}

/* Adds words in turn to an empty field and checks the result. */
static void expect_emp(const char *const *words, size_t n, const char *want)
{
	char *f = NULL;
	for (size_t i = 0; i < n; i++)
		assert_int_equal(import_employment_add(&f, words[i], false), 0);
	assert_string_equal(f, want);
	free(f);
}

static void test_employment(void **state)
{
	(void)state;
	/* A workplace qualifies the kind of work; never the slide's "·". */
	expect_emp((const char *const[]){"Internship", "Hybrid"}, 2, "Internship (hybrid)");
	expect_emp((const char *const[]){"Contract (9 months)", "On-site"}, 2,
	           "Contract (9 months, on-site)");
	expect_emp((const char *const[]){"Full-time", "Contract", "Remote"}, 3,
	           "Full-time, contract (remote)");
	expect_emp((const char *const[]){"Full-time", "remote", "Remote", "full-time"}, 4,
	           "Full-time (remote)");
	expect_emp((const char *const[]){"Part-time", "Evenings"}, 2, "Part-time, Evenings");
	expect_emp((const char *const[]){"", "  ", "Seasonal"}, 3, "Seasonal");
	char *f = NULL;
	assert_int_equal(import_employment_add(&f, "Full-time", false), 0);
	assert_int_equal(import_employment_add(&f, "USA", true), 0);
	assert_int_equal(import_employment_add(&f, NULL, true), 0);
	assert_string_equal(f, "Full-time (USA)");
	free(f);
	/* Kinds of work, written every way sites write them. */
	size_t used;
	assert_string_equal(import_employment_kind("FULL_TIME", 9, &used), "Full-time");
	assert_int_equal(used, 9);
	assert_string_equal(import_employment_kind("fulltime", 8, NULL), "Full-time");
	assert_string_equal(import_employment_kind("Part-time, 8 hours", 18, &used), "Part-time");
	assert_int_equal(used, 9);
	assert_string_equal(import_employment_kind("intern", 6, NULL), "Internship");
	assert_null(import_employment_kind("posts", 5, NULL));
	assert_null(import_employment_kind("internal", 8, NULL));
	assert_null(import_employment_kind("Contractual", 11, NULL));
	assert_null(import_employment_kind("", 0, NULL));
}

static void test_money_and_json(void **state)
{
	(void)state;
	jk_buf b = {0};
	assert_int_equal(import_money(&b, 1234567, false), 0);
	assert_int_equal(jk_buf_puts(&b, " "), 0);
	assert_int_equal(import_money(&b, 45.5, true), 0);
	assert_int_equal(jk_buf_puts(&b, " "), 0);
	assert_int_equal(import_money(&b, 999.999, true), 0);
	assert_string_equal(b.data, "1,234,567 45.50 1,000.00");
	jk_buf_free(&b);
	/* One JSON front door for every reader, saying why it failed. */
	cJSON *root = NULL;
	jk_err err = {0};
	assert_int_equal(import_json_parse("{\"a\": [1]}", 10, &root, &err), 0);
	assert_non_null(root);
	cJSON_Delete(root);
	assert_int_equal(import_json_parse("{\"a\": [1", 8, &root, &err), JK_EFORMAT);
	assert_null(root);
	assert_string_equal(err.msg, "JSON ends early (cut off?)");
	assert_int_equal(import_json_parse("{\n \"a\": x}", 11, &root, &err), JK_EFORMAT);
	assert_string_equal(err.msg, "not valid JSON (line 2, column 7)");
	char deep[3000];
	memset(deep, '[', 1500);
	memset(deep + 1500, ']', 1500);
	assert_int_equal(import_json_parse(deep, sizeof deep, &root, &err), JK_EFORMAT);
	assert_string_equal(err.msg, "JSON nested more than 1000 levels deep");
	assert_int_equal(import_json_parse("", 0, &root, &err), JK_EFORMAT);
	/* Any thread may call it, any number of times. */
	import_xml_init();
	import_xml_init();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_date_iso),         cmocka_unit_test(test_date_rfc822),
	    cmocka_unit_test(test_date_words),       cmocka_unit_test(test_date_epoch),
	    cmocka_unit_test(test_date_garbage),     cmocka_unit_test(test_entities),
	    cmocka_unit_test(test_entities_hostile), cmocka_unit_test(test_org),
	    cmocka_unit_test(test_employment),       cmocka_unit_test(test_money_and_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
