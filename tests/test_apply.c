/* test_apply.c — the apply-target chooser and the URL gate. */
#include "testutil.h"

#include "../src/import/readers.h"

#include <stdlib.h>
#include <string.h>

static void expect_url(const char *href, const char *base, const char *want)
{
	char *got = import_url_accept(href, base);
	if (want == NULL && got != NULL)
		fail_msg("accept(\"%s\", %s) gave %s, wanted NULL", href, base ? base : "NULL",
		         got);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("accept(\"%s\", %s) gave %s, wanted %s", href, base ? base : "NULL",
		         got ? got : "NULL", want);
	free(got);
}

static void test_url_accept(void **state)
{
	(void)state;
	const char *base = "https://jobs.example.com/team/intern.html?x=1#top";
	expect_url("https://example.com/apply", NULL, "https://example.com/apply");
	expect_url("  HTTP://Example.com/a?b=c#d \n", NULL, "http://Example.com/a?b=c#d");
	expect_url("apply.html", base, "https://jobs.example.com/team/apply.html");
	expect_url("../apply?id=7", base, "https://jobs.example.com/apply?id=7");
	expect_url("/careers", base, "https://jobs.example.com/careers");
	expect_url("//other.example.org/p", base, "https://other.example.org/p");
	expect_url("#apply", base, "https://jobs.example.com/team/intern.html?x=1#apply");
	expect_url("my form.html", base, "https://jobs.example.com/team/my%20form.html");
	expect_url("mailto:jobs@example.com", NULL, "mailto:jobs@example.com");
	expect_url("MAILTO:jobs@example.com?subject=Hi there", base,
	           "mailto:jobs@example.com?subject=Hi%20there");
}

static void test_url_reject(void **state)
{
	(void)state;
	const char *base = "https://jobs.example.com/team/intern.html";
	const char *bad[] = {"javascript:alert(1)",
	                     "  JavaScript:alert(1)",
	                     "data:text/html,<b>x</b>",
	                     "file:///etc/passwd",
	                     "ftp://example.com/x",
	                     "vbscript:msgbox",
	                     "tel:+15555550100",
	                     "https://exa mple.com/",
	                     "https://exa\x01mple.com/",
	                     "https://example.com/\x7f",
	                     "java\tscript:alert(1)",
	                     "https:///path",
	                     "https:foo",
	                     "https://",
	                     "mailto:",
	                     "mailto:nobody",
	                     "mailto:@example.com",
	                     "mailto:a b@example.com",
	                     "",
	                     "   "};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		expect_url(bad[i], base, NULL);
		expect_url(bad[i], NULL, NULL);
	}
	/* Relative links need an http(s) base. */
	expect_url("apply.html", NULL, NULL);
	expect_url("apply.html", "/home/kiosk/postings/a.md", NULL);
	expect_url("//other.example.org/p", NULL, NULL);
	expect_url(NULL, base, NULL);
	/* Over-long targets make unreadable QR codes. */
	char *big = malloc(2101);
	assert_non_null(big);
	memcpy(big, "https://example.com/", 20);
	memset(big + 20, 'a', 2080);
	big[2100] = '\0';
	expect_url(big, NULL, NULL);
	big[1990] = '\0';
	expect_url(big, NULL, big);
	free(big);
}

/* A posting whose lead-in holds the given paragraphs. */
static posting *make_posting(const char *const *paras, size_t n)
{
	posting *p = posting_new();
	assert_non_null(p);
	posting_section *s = posting_add_section(p, NULL);
	assert_non_null(s);
	for (size_t i = 0; i < n; i++) {
		posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
		assert_non_null(b);
		assert_int_equal(posting_block_append(b, paras[i], (size_t)-1, 0), 0);
	}
	return p;
}

static void add_link(import_links *l, const char *href, const char *text, const char *ctx)
{
	assert_int_equal(import_links_add(l, href, text, ctx), 0);
}

/* Chooses for a posting made of paras and links; checks the result. */
static void expect_apply(const char *const *paras, size_t n, import_links *links, const char *base,
                         const char *preset, const char *want)
{
	posting *p = make_posting(paras, n);
	if (preset)
		p->apply = jk_strndup(preset, (size_t)-1);
	assert_int_equal(import_apply_choose(p, links, base), 0);
	if (want == NULL && p->apply != NULL)
		fail_msg("chose %s, wanted none", p->apply);
	if (want != NULL && (p->apply == NULL || strcmp(p->apply, want) != 0))
		fail_msg("chose %s, wanted %s", p->apply ? p->apply : "NULL", want);
	posting_free(p);
}

static void test_order(void **state)
{
	(void)state;
	const char *base = "https://example.com/jobs/1";
	const char *paras[] = {"Read about us on the [blog]. Send your CV to jobs@example.com.",
	                       "To apply, fill in the application page."};
	import_links l = {0};
	add_link(&l, "/blog", "blog", paras[0]);
	add_link(&l, "/apply-page", "application page", paras[1]);
	add_link(&l, "/go", "Apply now", "Apply now");
	/* 1. an explicit field wins */
	expect_apply(paras, 2, &l, base, "https://ats.example.net/job/9",
	             "https://ats.example.net/job/9");
	/* ...unless it is not a target a QR code may carry */
	expect_apply(paras, 2, &l, base, "javascript:apply()", "https://example.com/go");
	/* 2. a link whose text says apply, before one whose sentence does */
	expect_apply(paras, 2, &l, base, NULL, "https://example.com/go");
	import_links_free(&l);
	/* 3. a link whose sentence says apply, before an address */
	add_link(&l, "/blog", "blog", paras[0]);
	add_link(&l, "/apply-page", "application page", paras[1]);
	expect_apply(paras, 2, &l, base, NULL, "https://example.com/apply-page");
	import_links_free(&l);
	/* 4. then an address the text says to send applications to */
	add_link(&l, "/blog", "blog", paras[0]);
	expect_apply(paras, 2, &l, base, NULL, "mailto:jobs@example.com");
	/* 5. the source URL, when it is http(s) */
	const char *quiet[] = {"We build boats. Questions go to info@example.com."};
	expect_apply(quiet, 1, &l, base, NULL, base);
	/* 6. none */
	expect_apply(quiet, 1, &l, "/srv/postings/boats.md", NULL, NULL);
	expect_apply(quiet, 1, NULL, NULL, NULL, NULL);
	import_links_free(&l);
}

static void test_apply_words(void **state)
{
	(void)state;
	const char *paras[] = {"Download the application form and read our applications guide.",
	                       "Applications are reviewed weekly. Email hr@example.org."};
	import_links l = {0};
	add_link(&l, "https://example.org/form.xlsx", "application form", paras[0]);
	add_link(&l, "https://example.org/guide", "applications guide", paras[0]);
	/* "application form" and "applications" alone are not "apply" */
	expect_apply(paras, 2, &l, NULL, NULL, "mailto:hr@example.org");
	import_links_free(&l);
	/* "how to apply" is; a download in an apply sentence is not */
	const char *p2[] = {"See how to apply: fill in the form and then the portal."};
	add_link(&l, "/form.pdf", "form", p2[0]);
	add_link(&l, "/portal", "portal", p2[0]);
	expect_apply(p2, 1, &l, "https://example.org/x", NULL, "https://example.org/portal");
	import_links_free(&l);
	add_link(&l, "/how", "How to apply", "How to apply");
	expect_apply(p2, 1, &l, "https://example.org/x", NULL, "https://example.org/how");
	import_links_free(&l);
	/* scheme rejection inside the chooser */
	add_link(&l, "javascript:void(0)", "Apply", "Apply");
	add_link(&l, "data:text/html,x", "Apply here", "Apply here");
	add_link(&l, "file:///etc/passwd", "Apply now", "Apply now");
	expect_apply(p2, 1, &l, NULL, NULL, NULL);
	import_links_free(&l);
}

static void test_subject(void **state)
{
	(void)state;
	struct {
		const char *text, *want;
	} cases[] = {
	    {"Send it to: a@example.com, with \"Systems Research Group Internship\" in the email "
	     "subject.",
	     "mailto:a@example.com?subject=Systems%20Research%20Group%20Internship"},
	    {"Send your CV to a@example.com with \xE2\x80\x9C"
	     "Intern 2025\xE2\x80\x9D in the subject "
	     "line.",
	     "mailto:a@example.com?subject=Intern%202025"},
	    {"Email a@example.com, subject: \"Job #12 & more\".",
	     "mailto:a@example.com?subject=Job%20%2312%20%26%20more"},
	    {"Please email a@example.com using the subject line \xE2\x80\x98Praktikum "
	     "M\xC3\xBCnchen"
	     "\xE2\x80\x99.",
	     "mailto:a@example.com?subject=Praktikum%20M%C3%BCnchen"},
	    {"Send applications to a@example.com. Use the subject 'Research Intern'.",
	     "mailto:a@example.com?subject=Research%20Intern"},
	    {"Contact a@example.com for details.", "mailto:a@example.com"},
	    {"Send it to a@example.com. The subject \"\" is empty.", "mailto:a@example.com"},
	    {"Send to a@example.com with \"unterminated subject", "mailto:a@example.com"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		const char *paras[] = {cases[i].text};
		expect_apply(paras, 1, NULL, NULL, NULL, cases[i].want);
	}
	/* a mailto: link with its own text ("Email us") gets the subject too */
	const char *paras[] = {"Questions? Email us with \"Intern\" in the subject."};
	import_links l = {0};
	add_link(&l, "mailto:hire@example.com", "Email us", paras[0]);
	expect_apply(paras, 1, &l, NULL, NULL, "mailto:hire@example.com?subject=Intern");
	import_links_free(&l);
}

static void test_obfuscated(void **state)
{
	(void)state;
	struct {
		const char *text, *want;
	} cases[] = {
	    {"Send your CV to jane AT example dot com.", "mailto:jane@example.com"},
	    {"Send your CV to jane.doe [at] mail [dot] example [dot] org.",
	     "mailto:jane.doe@mail.example.org"},
	    {"Contact: jane (at) example (dot) org", "mailto:jane@example.org"},
	    {"Email jane at example dot com please.", "mailto:jane@example.com"},
	    {"Email jane AT example.com please.", "mailto:jane@example.com"},
	    {"Email jane[at]example[dot]com with \"Intern\" in the subject.",
	     "mailto:jane@example.com?subject=Intern"},
	    /* a lowercase "at" with a real dot is a sentence, not an address */
	    {"Apply at careers.example.com today and send nothing.", NULL},
	    {"Send us a note at example dot c", NULL},
	    {"Meet us at the fair. Send [at] nothing.", NULL},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		const char *paras[] = {cases[i].text};
		expect_apply(paras, 1, NULL, NULL, NULL, cases[i].want);
	}
	/* a plain address wins over an obfuscated one, wherever it stands */
	const char *both[] = {"Send your resume to hr AT example dot com.",
	                      "Or send it to jobs@example.com."};
	expect_apply(both, 2, NULL, NULL, NULL, "mailto:jobs@example.com");
	/* no sending word: not an apply address */
	const char *none[] = {"Our office is at hr AT example dot com."};
	expect_apply(none, 1, NULL, NULL, NULL, NULL);
}

static void test_hostile(void **state)
{
	(void)state;
	/* Huge blocks full of '@', quotes and at-marks: no crash, no hang. */
	size_t n = 1 << 20;
	char *t = malloc(n + 1);
	assert_non_null(t);
	const char pat[] = "@ [at] \" subject \xE2\x80\x9C send a@b. ";
	for (size_t i = 0; i < n; i++)
		t[i] = pat[i % (sizeof pat - 1)];
	t[n] = '\0';
	const char *paras[] = {t};
	posting *p = make_posting(paras, 1);
	assert_int_equal(import_apply_choose(p, NULL, NULL), 0);
	posting_free(p);
	/* Many addresses in one endless sentence that never says send. */
	const char pat2[] = "x@example.com and ";
	for (size_t i = 0; i < n; i++)
		t[i] = pat2[i % (sizeof pat2 - 1)];
	p = make_posting(paras, 1);
	assert_int_equal(import_apply_choose(p, NULL, NULL), 0);
	assert_null(p->apply);
	posting_free(p);
	/* ...and many links into one big context */
	import_links l = {0};
	t[100000] = '\0';
	for (int i = 0; i < 1000; i++)
		add_link(&l, "/x", "not here", t);
	p = make_posting(paras, 1);
	assert_int_equal(import_apply_choose(p, &l, "https://example.com/"), 0);
	assert_string_equal(p->apply, "https://example.com/");
	posting_free(p);
	import_links_free(&l);
	/* invalid UTF-8 and lone quote bytes */
	const char *bad[] = {"Send to a@example.com \xE2\x80 subject \xE2", "\xff@\xfe send"};
	expect_apply(bad, 1, NULL, NULL, NULL, "mailto:a@example.com");
	expect_apply(bad + 1, 1, NULL, NULL, NULL, NULL);
	free(t);
	assert_int_equal(import_apply_choose(NULL, NULL, NULL), JK_EARG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_url_accept), cmocka_unit_test(test_url_reject),
	    cmocka_unit_test(test_order),      cmocka_unit_test(test_apply_words),
	    cmocka_unit_test(test_subject),    cmocka_unit_test(test_obfuscated),
	    cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
