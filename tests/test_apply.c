/* test_apply.c — the apply-target chooser and the URL gate. */
#include "testutil.h"

#include "../src/import/readers.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void expect_url(const char *href, const char *base, const char *want)
{
	char *got = import_url_accept(href, base);
	if (want == NULL && got != NULL)
		fail_msg("accept(\"%s\", %s) gave %s, wanted NULL", href ? href : "NULL",
		         base ? base : "NULL", got);
	if (want != NULL && (got == NULL || strcmp(got, want) != 0))
		fail_msg("accept(\"%s\", %s) gave %s, wanted %s", href ? href : "NULL",
		         base ? base : "NULL", got ? got : "NULL", want);
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

/* Every way postings write an address so that robots miss it. */
static void test_written_every_way(void **state)
{
	(void)state;
	struct {
		const char *text, *want;
	} cases[] = {
	    {"Send your CV to jane [at] example [dot] org.", "mailto:jane@example.org"},
	    {"Send your CV to jane [ at ] example [ dot ] org.", "mailto:jane@example.org"},
	    {"Contact: jane (at) example.org", "mailto:jane@example.org"},
	    {"Contact: jane{at}example{dot}org", "mailto:jane@example.org"},
	    {"Contact: jane <at> example <dot> org", "mailto:jane@example.org"},
	    {"Contact: jane[@]example[.]org", "mailto:jane@example.org"},
	    {"Contact: jane @ example.org", "mailto:jane@example.org"},
	    {"\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB: jane atmark example.co.jp",
	     "mailto:jane@example.co.jp"},
	    {"\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB\xEF\xBC\x9A"
	     "jane\xEF\xBC\xA0"
	     "example.jp",
	     "mailto:jane@example.jp"}, /* full-width ＠ */
	    {"\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB\xEF\xBC\x9A"
	     "jane[\xE2\x80\x8B"
	     "a\xE2\x80\x8Bt\xE2\x80\x8B]gmail.com",
	     "mailto:jane@gmail.com"}, /* zero-width spaces inside [at] */
	    {"Mail jane\xEF\xBC\xA0"
	     "example\xEF\xBC\x8E"
	     "com",
	     "mailto:jane@example.com"}, /* full-width ＠ and ． */
	    {"If interested, email joonanlab at gmail dot com.", "mailto:joonanlab@gmail.com"},
	    {"Please send a CV to fasionchan+lnp.antfin-sre@gmail.com",
	     "mailto:fasionchan+lnp.antfin-sre@gmail.com"},
	    {"\xE6\x9C\x89\xE6\x84\x8F\xE8\x80\x85\xE8\xAF\xB7\xE5\xB0\x86"
	     "CV\xE5\x8F\x91\xE9\x80\x81\xE7\x94\xB5\xE9\x82\xAE\xE8\x87\xB3\xEF\xBC\x88"
	     "huanggan@szu.edu.cn\xEF\xBC\x89\xE3\x80\x82",
	     "mailto:huanggan@szu.edu.cn"},
	    {"Contact Dr. Huang if you are interested (huanggan@szu.edu.cn).",
	     "mailto:huanggan@szu.edu.cn"},
	    {"Bei Interesse bitte unter 02843/280038 oder patrick@example.at melden.",
	     "mailto:patrick@example.at"},
	    {"Kontaktn\xC3\xA1 osoba: Mgr. Ivana Nov\xC3\xA1, 0911, ivana@example.sk",
	     "mailto:ivana@example.sk"},
	    {"\xD0\x9D\xD0\xB0\xD0\xB4\xD1\x81\xD0\xB8\xD0\xBB\xD0\xB0\xD0\xB9\xD1\x82\xD0\xB5 "
	     "\xD1\x80\xD0\xB5\xD0\xB7\xD1\x8E\xD0\xBC\xD0\xB5: hr@example.ua",
	     "mailto:hr@example.ua"},
	    {"\xEC\x9D\xB4\xEB\xA0\xA5\xEC\x84\x9C\xEB\xA5\xBC hr@example.kr \xEB\xA1\x9C "
	     "\xEB\xB3\xB4\xEB\x82\xB4\xEC\xA3\xBC\xEC\x84\xB8\xEC\x9A\x94.",
	     "mailto:hr@example.kr"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		const char *paras[] = {cases[i].text};
		expect_apply(paras, 1, NULL, NULL, NULL, cases[i].want);
	}
	/* An address written only in bold is still an address. */
	posting *p = posting_new();
	posting_block *b = posting_add_block(posting_add_section(p, NULL), POSTING_PARAGRAPH, 0);
	assert_int_equal(posting_block_append(b, "Contact Dr. Huang (", (size_t)-1, 0), 0);
	assert_int_equal(posting_block_append(b, "huanggan@szu.edu.cn", (size_t)-1, POSTING_BOLD),
	                 0);
	assert_int_equal(posting_block_append(b, ").", (size_t)-1, 0), 0);
	assert_int_equal(import_apply_choose(p, NULL, NULL), 0);
	assert_string_equal(p->apply, "mailto:huanggan@szu.edu.cn");
	posting_free(p);
}

/* Prose that only looks like "name at host dot org". */
static void test_not_an_address(void **state)
{
	(void)state;
	const char *prose[] = {
	    "Email us, and look at the code dot com style of our site.",
	    "Send a patch; we review them at the same time.",
	    "Contact us at the office dot com era is over.",
	    "Send your CV. We are at home dot in the evenings.",
	    "Apply at careers.example.com and send nothing else.",
	    "Write to jane at example, dot and comma.",
	    "Send it to jane [at] example.",
	    "Email me at twitter dot com slash jane.",
	    "Send mail to @example.com or to jane@.com or to jane@example.c.",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(prose); i++) {
		const char *paras[] = {prose[i]};
		expect_apply(paras, 1, NULL, NULL, NULL, NULL);
	}
}

/* Two addresses joined by "or" in any language: the first. */
static void test_or_join(void **state)
{
	(void)state;
	const char *joins[] = {" or ",
	                       " oder ",
	                       " ou ",
	                       " o ",
	                       "\xE6\x88\x96",
	                       " \xE3\x81\xBE\xE3\x81\x9F\xE3\x81\xAF ",
	                       " \xEB\x98\x90\xEB\x8A\x94 "};
	for (size_t i = 0; i < JK_ARRAY_LEN(joins); i++) {
		char text[200];
		snprintf(text, sizeof text,
		         "Send your CV to first@example.com%ssecond@example.org.", joins[i]);
		const char *paras[] = {text};
		expect_apply(paras, 1, NULL, NULL, NULL, "mailto:first@example.com");
		snprintf(text, sizeof text,
		         "Send your CV to first [at] example [dot] com%ssecond@example.org.",
		         joins[i]);
		expect_apply(paras, 1, NULL, NULL, NULL, "mailto:first@example.com");
	}
}

/* A button or link that says apply, in the languages of postings, beats
 * a contact link and an address; so does a link to an online form. */
static void test_apply_text_wins(void **state)
{
	(void)state;
	const char *says[] = {
	    "Apply now",
	    "Jetzt bewerben",
	    "Zur Bewerbung",
	    "Postuler",
	    "Envoyer ma candidature",
	    "Candidatar-se",
	    "Candidatura",
	    "Aplicar",
	    "\xE5\xBF\x9C\xE5\x8B\x9F\xE3\x81\x99\xE3\x82\x8B",
	    "\xE3\x82\xA8\xE3\x83\xB3\xE3\x83\x88\xE3\x83\xAA\xE3\x83\xBC",
	    "\xEC\xA7\x80\xEC\x9B\x90\xED\x95\x98\xEA\xB8\xB0",
	    "\xE7\x94\xB3\xE8\xAF\xB7\xE8\x81\x8C\xE4\xBD\x8D",
	    "\xE5\xBA\x94\xE8\x81\x98",
	    "Solicitar",
	    "\xD0\x9F\xD0\xBE\xD0\xB4\xD0\xB0\xD1\x82\xD1\x8C "
	    "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xBA\xD1\x83",
	    "\xD0\x9E\xD1\x82\xD0\xBA\xD0\xBB\xD0\xB8\xD0\xBA\xD0\xBD\xD1\x83\xD1\x82"
	    "\xD1\x8C\xD1\x81\xD1\x8F",
	    "Prihl\xC3\xA1si\xC5\xA5 sa",
	    "Reagova\xC5\xA5 na ponuku"};
	const char *paras[] = {"Questions? Contact us at hr@example.com."};
	for (size_t i = 0; i < JK_ARRAY_LEN(says); i++) {
		import_links l = {0};
		add_link(&l, "mailto:hr@example.com", "Contact", paras[0]);
		add_link(&l, "/jobs/7/form", says[i], says[i]);
		expect_apply(paras, 1, &l, "https://example.com/jobs/7", NULL,
		             "https://example.com/jobs/7/form");
		import_links_free(&l);
	}
	/* A word that only contains one of them does not count. */
	import_links l = {0};
	add_link(&l, "/support", "\xEA\xB3\xA0\xEA\xB0\x9D\xEC\xA7\x80\xEC\x9B\x90",
	         ""); /* 고객지원 */
	add_link(&l, "/reapply", "Reapplying", "");
	expect_apply(paras, 1, &l, NULL, NULL, "mailto:hr@example.com");
	import_links_free(&l);
	/* Online forms count as apply links. */
	const char *forms[] = {
	    "https://docs.google.com/forms/d/e/X/viewform", "https://forms.gle/H43CsVUoF7e2C2Nm8",
	    "https://acme.typeform.com/to/abc123", "https://forms.office.com/r/xyz"};
	for (size_t i = 0; i < JK_ARRAY_LEN(forms); i++) {
		add_link(&l, forms[i], "here", "Fill in the survey here.");
		expect_apply(paras, 1, &l, NULL, NULL, forms[i]);
		import_links_free(&l);
	}
	/* ...but not a look-alike host, nor a form that is a download. */
	add_link(&l, "https://notforms.gle/x", "here", "x");
	add_link(&l, "https://docs.google.com/document/d/1", "here", "x");
	add_link(&l, "https://example.com/Bewerbungsformular.pdf", "Bewerbungsformular", "x");
	expect_apply(paras, 1, &l, NULL, NULL, "mailto:hr@example.com");
	import_links_free(&l);
}

static void test_form_url(void **state)
{
	(void)state;
	char *u = import_form_url("https://docs.google.com/forms/d/e/1FAIpQ/viewform?embedded=true",
	                          NULL);
	assert_string_equal(u, "https://docs.google.com/forms/d/e/1FAIpQ/viewform");
	free(u);
	u = import_form_url("https://forms.office.com/r/x?embed=true&lang=de#top", NULL);
	assert_string_equal(u, "https://forms.office.com/r/x?lang=de#top");
	free(u);
	u = import_form_url("/forms/d/x?usp=sf_link&embedded=true", "https://docs.google.com/");
	assert_string_equal(u, "https://docs.google.com/forms/d/x?usp=sf_link");
	free(u);
	assert_null(import_form_url("https://www.youtube.com/embed/x?embedded=true", NULL));
	assert_null(import_form_url("javascript:alert(1)", NULL));
	assert_null(import_form_url("", NULL));
}

/* An address in a link's text while the link goes elsewhere, and one in
 * an image's alt text, are taken as written. */
static void test_address_in_link_text(void **state)
{
	(void)state;
	const char *paras[] = {"To apply, write to jobs@example.com today."};
	import_links l = {0};
	add_link(&l, "https://example.com/contact", "jobs@example.com", paras[0]);
	expect_apply(paras, 1, &l, NULL, NULL, "mailto:jobs@example.com");
	import_links_free(&l);

	const char html[] = "<html><body><h1>Baker</h1><p>We bake bread.</p>"
	                    "<figure><img src='mail.png' alt='Send your CV to jobs [at] bakery "
	                    "[dot] example'></figure></body></html>";
	posting_list out;
	assert_string_equal(tu_one(html, "baker.html", &out, NULL)->apply,
	                    "mailto:jobs@bakery.example");
	posting_list_free(&out);
}

/* The page's own address is the base for its links and the apply target
 * when nothing better is stated. */
static void test_canonical(void **state)
{
	(void)state;
	const char a[] = "<html><head><link rel='canonical' href='https://example.org/jobs/7'>"
	                 "</head><body><h1>Baker</h1><p>We bake. <a href='apply'>Apply</a></p>"
	                 "</body></html>";
	posting_list out;
	assert_string_equal(tu_one(a, "/srv/baker.html", &out, NULL)->apply,
	                    "https://example.org/jobs/apply");
	posting_list_free(&out);
	const char b[] = "<html><head><meta property='og:url' content='https://example.org/jobs/8'>"
	                 "</head><body><h1>Baker</h1><p>We bake.</p></body></html>";
	assert_string_equal(tu_one(b, "/srv/baker.html", &out, NULL)->apply,
	                    "https://example.org/jobs/8");
	posting_list_free(&out);
	/* A relative canonical has nothing to resolve against in a file. */
	const char c[] = "<html><head><link rel='canonical' href='/jobs/'></head><body><h1>Baker"
	                 "</h1><p>We bake.</p></body></html>";
	assert_null(tu_one(c, "/srv/baker.html", &out, NULL)->apply);
	posting_list_free(&out);
	/* <base href> resolves the links; the page's address stays the source. */
	const char d[] = "<html><head><base href='https://cdn.example.org/x/'></head><body>"
	                 "<h1>Baker</h1><p><a href='go'>Apply here</a></p></body></html>";
	assert_string_equal(tu_one(d, "https://example.org/jobs/9", &out, NULL)->apply,
	                    "https://cdn.example.org/x/go");
	posting_list_free(&out);
}

/* The real-world postings whose apply target this chooser finds. */
static void test_real_world(void **state)
{
	(void)state;
	struct {
		const char *file, *want;
	} cases[] = {
	    {"ja-comitech-staff.md",
	     "https://docs.google.com/forms/d/e/"
	     "1FAIpQLScwAMwVO9JSDfqsJnCJtsLv4eB8bjJGFOyOkgFG5VK8IcBvrA/viewform"},
	    {"zh-szu-huanggan-positions.md", "mailto:huanggan@szu.edu.cn"},
	    {"de-tierklinik-reinigungskraft.md", "mailto:patrick@tierklinikdobersberg.at"},
	    {"ko-anlab-recruitment.md", "mailto:joonanlab@gmail.com"},
	    {"txt-yahoo-node-hiring.txt", "mailto:mdp@yahoo-inc.com"},
	    {"html-immunant-jobs.html", "mailto:team@immunant.com"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		char rel[200];
		snprintf(rel, sizeof rel, "real-world/%s", cases[i].file);
		size_t len;
		char *data = tu_read(tu_fixture(rel), &len);
		posting_list out;
		posting_list_init(&out);
		tu_import_ok(data, len, cases[i].file, &out);
		if (!out.items[0]->apply || strcmp(out.items[0]->apply, cases[i].want))
			fail_msg("%s: chose %s, wanted %s", cases[i].file,
			         out.items[0]->apply ? out.items[0]->apply : "NULL", cases[i].want);
		posting_list_free(&out);
		free(data);
	}
}

/* The address scanner on hostile text: many at-marks and dots, binary,
 * endless labels. It must stay linear: a megabyte reads in one pass. */
static void test_scanner_hostile(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	char *t = malloc(n + 1);
	assert_non_null(t);
	const char *pats[] = {" at ",      " at x dot ",  "a [at] b [dot] ", "x@",
	                      "@a.",       "a.",          "\xEF\xBC\xA0",    " atmark a",
	                      "(at)(dot)", "\xff\xfe\x80"};
	for (size_t k = 0; k < JK_ARRAY_LEN(pats); k++) {
		size_t pl = strlen(pats[k]);
		for (size_t i = 0; i < n; i++)
			t[i] = pats[k][i % pl];
		t[n] = '\0';
		jk_buf addr = {0};
		size_t pos = 0, a, b, found = 0;
		while (import_address_next(t, n, &pos, &addr, &a, &b, NULL)) {
			assert_true(b > a && b <= n);
			assert_true(addr.len <= 254);
			found++;
		}
		jk_buf_free(&addr);
		assert_int_equal(pos, n);
		/* The same through the chooser (on a quarter of it), in a sentence
		 * that says send. */
		memcpy(t, "Send ", 5);
		char keep = t[n / 4];
		t[n / 4] = '\0';
		const char *paras[] = {t};
		posting *p = make_posting(paras, 1);
		assert_int_equal(import_apply_choose(p, NULL, NULL), 0);
		posting_free(p);
		t[n / 4] = keep;
	}
	/* One endless host name: a label may be 63 bytes, an address 254. */
	memset(t, 'a', n);
	t[10] = '@';
	for (size_t i = 20; i < n; i += 30)
		t[i] = '.';
	jk_buf addr = {0};
	size_t pos = 0, a, b;
	assert_false(import_address_next(t, n, &pos, &addr, &a, &b, NULL));
	jk_buf_free(&addr);
	free(t);
}

/* What the URL gate gave before url.c took plain URLs itself: libcurl's
 * parser for every absolute http(s) URL (s printable ASCII, no spaces, so
 * nothing to encode). Caller frees. */
static char *parser_says(const char *s, const char *base)
{
	size_t sl = import_url_scheme(s);
	if (!base &&
	    (!import_url_is_http(s, sl) || strncmp(s + sl + 1, "//", 2) || s[sl + 3] == '/'))
		return NULL;
	CURLU *u = curl_url();
	char *url = NULL, *scheme = NULL, *host = NULL, *out = NULL;
	if ((!base || !curl_url_set(u, CURLUPART_URL, base, 0)) &&
	    !curl_url_set(u, CURLUPART_URL, s, 0) &&
	    !curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) &&
	    import_url_is_http(scheme, strlen(scheme)) &&
	    !curl_url_get(u, CURLUPART_HOST, &host, 0) && host[0] &&
	    !curl_url_get(u, CURLUPART_URL, &url, 0) && strlen(url) <= IMPORT_URL_MAX)
		out = strdup(url);
	/* The gate refuses control and invisible characters, and broken
	 * UTF-8 (a host's %91 the parser decoded). */
	for (const char *c = out; c && *c; c++)
		if ((unsigned char)*c <= ' ' || (unsigned char)*c >= 0x7F) {
			free(out);
			out = NULL;
			break;
		}
	curl_free(url);
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	return out;
}

static void same_as_parser(const char *s, const char *base)
{
	char *want = parser_says(s, base);
	expect_url(s, base, want);
	free(want);
}

/* A plain URL, or a path from the root against a plain base, is taken
 * without the parser (so a deck of plain links never loads libcurl): the
 * same answers as the parser's, on edge cases, on 200,000 random URLs
 * made of the characters that matter to it and on 100,000 random paths
 * against plain and other bases. */
static void test_plain_urls(void **state)
{
	(void)state;
	static const char *const edge[] = {
	    "https://Example.COM/a",
	    "HTTPS://example.com",
	    "https://example.com",
	    "http://a",
	    "https://example.com?x=1",
	    "https://example.com#f",
	    "https://example.com:443/a",
	    "https://example.com/a/./b/../c",
	    "https://example.com/a/.",
	    "https://example.com/a/..",
	    "https://example.com/.hidden/..x/x..",
	    "https://example.com/%2e/a",
	    "https://example.com/a%2fb%7e",
	    "https://example.com/%zz",
	    "https://example.com/a//b",
	    "https://u:p@example.com/",
	    "https://0x7f.1/",
	    "https://127.1/",
	    "https://2130706433/",
	    "https://1.2.3.4/x",
	    "https://1.2.3.a/x",
	    "https://example.com./x",
	    "https://.example.com/",
	    "https://ex..ample.com/",
	    "https://ex_ample.com/x",
	    "https://-a-.b-/x",
	    "https://a.-b/",
	    "https://example.com/;a=b,c!$'()*+~",
	    "https://example.com/a?x=/../#y/../z?#",
	    "https://example.com/a#b#c",
	    "https://example.com/a{b}|^`",
	    "https://example.com/a\\b",
	    "https://example.com/a?q=[1]",
	    "https://example.com:/a",
	    "https://[::1]/a",
	    "https://%41.com/",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(edge); i++)
		same_as_parser(edge[i], NULL);
	static const char *const schemes[] = {"http://", "https://", "HTTP://", "hTtPs://"};
	static const char host[] = "abzXZ0189-.._@:%[]";
	static const char rest[] = "/////....??##%2eEaZ09-_~!$&'()*+,;=:@[]{}|^`\\\"<>";
	unsigned seed = 15;
	char s[64];
	for (int i = 0; i < 200000; i++) {
		size_t n = (size_t)snprintf(s, sizeof s, "%s", schemes[rand_r(&seed) % 4]);
		for (int k = rand_r(&seed) % 12; k > 0; k--)
			s[n++] = host[rand_r(&seed) % (sizeof host - 1)];
		for (int k = rand_r(&seed) % 16; k > 0; k--)
			s[n++] = rest[rand_r(&seed) % (sizeof rest - 1)];
		s[n] = '\0';
		same_as_parser(s, NULL);
	}
	/* Paths from the root against a base, plain or not. */
	static const char *const bases[] = {"https://games.example.net/jobs.atom",
	                                    "http://a.b/x/y?q#f",
	                                    "https://Example.com",
	                                    "https://ex.com:8080/a",
	                                    "https://1.2.3.4/a",
	                                    "https://x.y",
	                                    "HTTPS://x.y/",
	                                    "https://u@x.y/a/b/"};
	for (int i = 0; i < 100000; i++) {
		size_t n = 0;
		s[n++] = '/';
		for (int k = rand_r(&seed) % 16; k > 0; k--)
			s[n++] = rest[rand_r(&seed) % (sizeof rest - 1)];
		s[n] = '\0';
		same_as_parser(s, bases[rand_r(&seed) % JK_ARRAY_LEN(bases)]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_url_accept),        cmocka_unit_test(test_url_reject),
	    cmocka_unit_test(test_plain_urls),        cmocka_unit_test(test_order),
	    cmocka_unit_test(test_apply_words),       cmocka_unit_test(test_subject),
	    cmocka_unit_test(test_obfuscated),        cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_written_every_way), cmocka_unit_test(test_not_an_address),
	    cmocka_unit_test(test_or_join),           cmocka_unit_test(test_apply_text_wins),
	    cmocka_unit_test(test_form_url),          cmocka_unit_test(test_address_in_link_text),
	    cmocka_unit_test(test_canonical),         cmocka_unit_test(test_real_world),
	    cmocka_unit_test(test_scanner_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
