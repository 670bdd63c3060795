/* test_feed.c — RSS 2.0, RSS 1.0 and Atom: real-shaped feeds, and the XML
 * attacks a feed reader must shrug off (entity bombs, external entities,
 * deep nesting), plus truncated, huge and binary input. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int warnings;
static char last_warning[256];
static void count_warn(void *ud, const char *source, const char *msg)
{
	(void)ud, (void)source;
	warnings++;
	snprintf(last_warning, sizeof last_warning, "%s", msg);
}

static void load(const char *name, posting_list *l)
{
	size_t n;
	char path[256];
	snprintf(path, sizeof path, "tests/data/feed/%s", name);
	char *d = tu_read(tu_root(path), &n);
	posting_list_init(l);
	tu_import_ok(d, n, name, l);
	free(d);
}

static int import_str(const char *doc, posting_list *l, jk_err *err)
{
	import_opts o = {.source = "feed.xml", .warn = count_warn};
	posting_list_init(l);
	memset(err, 0, sizeof *err);
	warnings = 0;
	int r = import_bytes(doc, strlen(doc), &o, l, err);
	if (r) {
		assert_int_equal(l->n, 0);
		assert_true(strlen(err->msg) > 0);
		assert_null(strchr(err->msg, '\n'));
	}
	return r;
}

static void test_rss(void **state)
{
	(void)state;
	posting_list l;
	load("rss.xml", &l);
	assert_int_equal(l.n, 3); /* the empty item is skipped */
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Night Nurse, Paediatrics");
	assert_string_equal(p->organization, "Larkspur Community Hospital");
	assert_string_equal(p->apply, "https://hospital.example.org/jobs/night-nurse");
	assert_string_equal(p->posted, "2026-03-02");
	assert_string_equal(p->native_id, "job-1001");
	assert_int_equal(p->ntags, 2);
	assert_string_equal(p->tags[1], "Night shift");
	/* content:encoded (CDATA) wins over the short description */
	const posting_section *s = tu_section(p, "The ward");
	assert_non_null(s);
	assert_int_equal(s->nblocks, 3);
	assert_false(tu_contains(p, "Short summary only"));
	assert_false(tu_contains(p, "not the title"));

	p = l.items[1];
	assert_string_equal(p->title, "Hospital Porter & Driver"); /* escaped twice */
	assert_string_equal(p->apply,
	                    "https://hospital.example.org/jobs/porter"); /* permalink guid */
	assert_string_equal(p->posted, "2026-03-05");                    /* dc:date */
	assert_true(tu_contains(p, "Move patients and supplies safely."));
	assert_false(tu_contains(p, "<p>"));

	p = l.items[2];
	assert_string_equal(p->apply, "https://hospital.example.org/jobs/volunteers");
	assert_true(tu_contains(p, "Organise two hundred volunteers across three sites."));
	assert_string_not_equal(l.items[0]->id, l.items[1]->id);
	posting_list_free(&l);
}

static void test_atom(void **state)
{
	(void)state;
	posting_list l;
	load("atom.xml", &l);
	assert_int_equal(l.n, 3);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Gameplay Programmer (C++)");
	assert_string_equal(p->organization, "Emberline Games");
	assert_string_equal(p->apply,
	                    "https://games.example.net/jobs/gameplay"); /* rel=alternate */
	assert_string_equal(p->posted, "2026-03-09");                   /* published */
	assert_string_equal(p->native_id, "tag:games.example.net,2026:job-17");
	assert_int_equal(p->ntags, 2);
	assert_string_equal(p->tags[0], "Engineering");
	assert_int_equal(tu_section(p, "You know")->nblocks, 2);
	assert_false(tu_contains(p, "Build combat systems.")); /* content wins over summary */

	p = l.items[1]; /* xhtml content; relative link against the feed's own URL */
	assert_string_equal(p->apply, "https://games.example.net/jobs/community");
	assert_string_equal(p->posted, "2026-03-08");
	assert_true(tu_contains(p, "Run our Discord and forums."));
	assert_true(tu_contains(p, "Write patch notes"));

	p = l.items[2]; /* no link: never the feed document itself */
	assert_null(p->apply);
	posting_list_free(&l);
}

static void test_rdf(void **state)
{
	(void)state;
	posting_list l;
	load("rdf.xml", &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Postdoctoral Researcher in Ornithology");
	assert_string_equal(p->organization, "Kestrel Research Lab");
	assert_string_equal(p->apply, "https://lab.example.org/jobs/postdoc");
	assert_string_equal(p->posted, "2026-02-20");
	assert_string_equal(p->tags[0], "Research");
	posting_list_free(&l);
}

static const char *bomb =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n"
    "<rss version=\"2.0\"><channel><title>Bomb</title><item><title>Item &lol9;</title>"
    "<link>https://example.org/a</link><description>&lol9;</description></item>";

static void test_entity_bomb(void **state)
{
	(void)state;
	char doc[4096];
	posting_list l;
	jk_err err;
	/* In element text, and in an attribute a careless reader would expand. */
	const char *tails[] = {"",
	                       "<item><title>Attr</title><link href=\"&lol9;\">x</link></item>"};
	for (size_t i = 0; i < JK_ARRAY_LEN(tails); i++) {
		snprintf(doc, sizeof doc, "%s%s</channel></rss>", bomb, tails[i]);
		clock_t t0 = clock();
		int r = import_str(doc, &l, &err);
		assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
		if (r == 0) /* if a parser lets it through, nothing is expanded */
			for (size_t k = 0; k < l.n; k++)
				assert_false(tu_contains(l.items[k], "lollol"));
		else
			assert_non_null(strstr(err.msg, "entity"));
		posting_list_free(&l);
	}
	/* The same bomb in an Atom attribute, read by the reader directly. */
	const char *atom =
	    "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&c;</title>"
	    "<entry><title type=\"&c;\">T &c;</title><link href=\"&c;\"/></entry></feed>";
	import_opts o = {.source = "a.atom"};
	posting_list_init(&l);
	if (import_feed(atom, strlen(atom), &o, &l, &err) == 0)
		for (size_t k = 0; k < l.n; k++)
			assert_false(tu_contains(l.items[k], "aaaaaaaaaaaaaaaaaaaa"));
	posting_list_free(&l);
}

static void test_external_entity(void **state)
{
	(void)state;
	const char *docs[] = {
	    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
	    "<rss version=\"2.0\"><channel><title>X</title><item><title>Leak &xxe;</title>"
	    "<description>&xxe;</description></item></channel></rss>",
	    "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"file:///etc/passwd\">"
	    "<rss version=\"2.0\"><channel><title>X</title><item><title>Leak</title>"
	    "<description>&passwd;</description></item></channel></rss>",
	    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> "
	    "%p;]>"
	    "<rss version=\"2.0\"><channel><item><title>Leak</title></item></channel></rss>",
	    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY net SYSTEM \"http://127.0.0.1:9/x\">]>"
	    "<rss version=\"2.0\"><channel><item><title>Net &net;</title></item></channel></rss>",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(docs); i++) {
		posting_list l;
		jk_err err;
		if (import_str(docs[i], &l, &err) == 0) {
			for (size_t k = 0; k < l.n; k++) {
				assert_false(tu_contains(l.items[k], "root:"));
				assert_false(tu_contains(l.items[k], "&xxe;"));
				assert_true(strncmp(l.items[k]->title, "Leak", 4) == 0 ||
				            strncmp(l.items[k]->title, "Net", 3) == 0);
			}
		}
		posting_list_free(&l);
	}
}

static void test_deep_truncated_sloppy(void **state)
{
	(void)state;
	/* 100,000-deep nesting: libxml2's depth limit, a clear reason. */
	size_t deep = 100000;
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "<rss version=\"2.0\"><channel><item><title>x</title>"),
	                 0);
	for (size_t i = 0; i < deep; i++)
		assert_int_equal(jk_buf_puts(&b, "<a>"), 0);
	for (size_t i = 0; i < deep; i++)
		assert_int_equal(jk_buf_puts(&b, "</a>"), 0);
	assert_int_equal(jk_buf_puts(&b, "</item></channel></rss>"), 0);
	posting_list l;
	jk_err err;
	assert_int_equal(import_str(b.data, &l, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "nested more than 256 levels deep"));
	posting_list_free(&l);
	/* HTML nested too deep inside an item is read as text: nothing lost. */
	b.len = 0;
	assert_int_equal(jk_buf_puts(&b, "<rss version=\"2.0\"><channel><item><title>x</title>"
	                                 "<description>"),
	                 0);
	for (size_t i = 0; i < deep; i++)
		assert_int_equal(jk_buf_puts(&b, "&lt;div&gt;"), 0);
	assert_int_equal(jk_buf_puts(&b, "inner words</description></item></channel></rss>"), 0);
	assert_int_equal(import_str(b.data, &l, &err), 0);
	assert_true(tu_contains(l.items[0], "inner words"));
	posting_list_free(&l);
	jk_buf_free(&b);

	/* Truncated anywhere: an error or the items that survived, with a
	 * warning; never a crash. */
	size_t n;
	char *d = tu_read(tu_root("tests/data/feed/atom.xml"), &n);
	for (size_t cut = 1; cut < n; cut += 53) {
		char *t = jk_strndup(d, cut);
		int r = import_str(t, &l, &err);
		if (r == 0 && cut < n - 20)
			assert_true(warnings > 0);
		posting_list_free(&l);
		free(t);
	}
	free(d);

	/* A feed with an HTML entity and a bare '&': read, with a warning. */
	const char *sloppy =
	    "<rss version=\"2.0\"><channel><title>Tom & Co</title><item>"
	    "<title>Cook&nbsp;wanted</title><link>https://example.org/c?a=1&b=2</link>"
	    "</item></channel></rss>";
	assert_int_equal(import_str(sloppy, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_true(warnings > 0);
	assert_non_null(strstr(last_warning, "not well-formed"));
	assert_string_equal(l.items[0]->title, "Cook wanted");
	posting_list_free(&l);

	/* Not a feed at all. */
	import_opts o = {.source = "x.xml"};
	posting_list_init(&l);
	assert_int_equal(import_feed("<html><body>hi</body></html>", 28, &o, &l, &err), JK_EFORMAT);
	assert_int_equal(import_feed("<?xml version=\"1.0\"?>", 21, &o, &l, &err), JK_EFORMAT);
	assert_int_equal(import_feed("<rss", 4, &o, &l, &err), JK_EFORMAT);
	assert_int_equal(import_feed("<rss/>", 6, &o, &l, &err), JK_OK); /* validly empty */
	assert_int_equal(l.n, 0);
}

static void test_big_binary_encoding(void **state)
{
	(void)state;
	/* 5 MB feed: the postings cap holds, one warning. */
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "<rss version=\"2.0\"><channel><title>Big</title>"), 0);
	for (int i = 0; b.len < (5u << 20); i++)
		assert_int_equal(
		    jk_buf_printf(&b,
		                  "<item><title>Job %d</title><link>https://example.org/%d"
		                  "</link><description>&lt;p&gt;%0600d&lt;/p&gt;"
		                  "</description></item>\n",
		                  i, i, i),
		    0);
	assert_int_equal(jk_buf_puts(&b, "</channel></rss>"), 0);
	posting_list l;
	jk_err err;
	assert_int_equal(import_str(b.data, &l, &err), 0);
	assert_int_equal(l.n, 5000);
	assert_int_equal(warnings, 1);
	posting_list_free(&l);
	jk_buf_free(&b);

	/* Latin-1 bytes in a feed that says UTF-8: valid UTF-8 out. */
	const char *latin =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
	    "<item><title>Caf\xE9 \xFF manager</title></item></channel></rss>";
	assert_int_equal(import_str(latin, &l, &err), 0);
	assert_true(jk_utf8_valid(l.items[0]->title, strlen(l.items[0]->title)));
	assert_non_null(strstr(l.items[0]->title, "Caf\xC3\xA9"));
	posting_list_free(&l);
	/* A declared Latin-1 feed is converted once, not twice. */
	const char *decl = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\">"
	                   "<channel><item><title>Caf\xE9</title></item></channel></rss>";
	assert_int_equal(import_str(decl, &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Caf\xC3\xA9");
	posting_list_free(&l);

	/* Binary garbage after an RSS start. */
	char junk[4096] = "<rss version=\"2.0\"><channel><item><title>";
	for (size_t i = 40; i < sizeof junk - 1; i++)
		junk[i] = (char)(1 + (i * 131) % 254);
	junk[sizeof junk - 1] = '\0';
	import_str(junk, &l, &err);
	posting_list_free(&l);
}

static void test_lead_line(void **state)
{
	(void)state;
	/* The organisation comes from the feed, so the other part is the
	 * place; the pay is kept whole and the line leaves the text. */
	const char *doc =
	    "<rss version=\"2.0\"><channel><title>Kestrel Valley Hospital</title><item>"
	    "<title>Staff Nurse</title><description>&lt;p&gt;Kendal \xC2\xB7 Full-time \xC2\xB7 "
	    "\xC2\xA3"
	    "29,970\xE2\x80\x93\xC2\xA3"
	    "36,483 per year &lt;/p&gt;&lt;p&gt;Care for "
	    "children.&lt;/p&gt;</description></item><item><title>Porter</title><description>"
	    "&lt;p&gt;Kestrel Valley Hospital \xC2\xB7 Kendal \xC2\xB7 Part-time \xC2\xB7 Hybrid"
	    "&lt;/p&gt;&lt;p&gt;Move things.&lt;/p&gt;</description></item></channel></rss>";
	posting_list l;
	jk_err err;
	assert_int_equal(import_str(doc, &l, &err), 0);
	assert_int_equal(l.n, 2);
	const posting *p = l.items[0];
	assert_string_equal(p->organization, "Kestrel Valley Hospital");
	assert_string_equal(p->location, "Kendal");
	assert_string_equal(p->employment, "Full-time");
	assert_string_equal(p->pay, "\xC2\xA3"
	                            "29,970\xE2\x80\x93\xC2\xA3"
	                            "36,483 per year");
	assert_false(tu_contains(p, "Kendal \xC2\xB7"));
	assert_true(tu_contains(p, "Care for children."));
	p = l.items[1];
	assert_string_equal(p->location, "Kendal");
	assert_string_equal(p->employment, "Part-time (hybrid)");
	assert_int_equal(p->sections[0].nblocks, 1);
	posting_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rss),
	    cmocka_unit_test(test_atom),
	    cmocka_unit_test(test_rdf),
	    cmocka_unit_test(test_entity_bomb),
	    cmocka_unit_test(test_external_entity),
	    cmocka_unit_test(test_deep_truncated_sloppy),
	    cmocka_unit_test(test_lead_line),
	    cmocka_unit_test(test_big_binary_encoding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
