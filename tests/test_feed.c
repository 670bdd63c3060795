/* test_feed.c — RSS 2.0, RSS 1.0 and Atom: real-shaped feeds (Teamtailor's
 * teamtailor: elements, a job board's "Company: Title" items), the quirks
 * of real feeds (HTML in descriptions, relative links, apply routes in the
 * text, channel titles that are no name), and the XML attacks a feed reader
 * must shrug off (entity bombs, external entities, deep nesting), plus
 * truncated, huge and binary input. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What the last import said through its warn callback. */
static tu_warnings warned;

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
	warned = (tu_warnings){0};
	return tu_load_checked(doc, (size_t)-1, "feed.xml", l, err, &warned);
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
			assert_true(warned.n > 0);
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
	assert_true(warned.n > 0);
	assert_non_null(strstr(warned.last, "not well-formed"));
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
	assert_int_equal(warned.n, 1);
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

static int import_as(const char *doc, const char *source, posting_list *l, jk_err *err)
{
	warned = (tu_warnings){0};
	return tu_load(doc, (size_t)-1, source, l, err, &warned);
}

static void test_teamtailor(void **state)
{
	(void)state;
	posting_list l;
	load("teamtailor.rss", &l);
	assert_int_equal(l.n, 3);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Backend-utvecklare till G\xC3\xB6teborg");
	assert_string_equal(p->organization, "Fj\xC3\xA4llbacka Fika AB");
	/* city (not the office's name) and country, every location */
	assert_string_equal(p->location, "G\xC3\xB6teborg, Sweden; Malm\xC3\xB6, Sweden");
	assert_string_equal(p->employment, "Hybrid");
	assert_int_equal(p->ntags, 1);
	assert_string_equal(p->tags[0], "Teknik & Produkt");
	assert_string_equal(p->apply, "https://fika.teamtailor.com/jobs/4711-backend-utvecklare");
	assert_true(tu_contains(p, "kaffe & kod"));
	assert_false(tu_contains(p, "Kungsgatan")); /* street addresses stay off */

	p = l.items[1]; /* relative link: against the feed's own address (atom:link) */
	assert_string_equal(p->apply, "https://fika.teamtailor.com/jobs/4712-kundsupport");
	assert_string_equal(p->location, "Tokyo, Japan");
	assert_string_equal(p->employment, "Remote");
	assert_string_equal(p->tags[0], "Support");

	p = l.items[2]; /* a plain teamtailor:location; "none" says nothing */
	assert_string_equal(p->location, "Stockholm, Sverige");
	assert_null(p->employment);
	posting_list_free(&l);

	/* A "place" of over 1 KiB is left out; the posting and the other
	 * place stay (it failed the whole feed with no message before). */
	jk_buf doc = {0};
	assert_int_equal(
	    jk_buf_puts(
	        &doc, "<rss version=\"2.0\" xmlns:teamtailor=\"https://teamtailor.com/locations\">"
	              "<channel><title>Fika AB</title><item><title>Barista</title>"
	              "<link>https://fika.teamtailor.com/jobs/1</link><description>Brew coffee."
	              "</description><teamtailor:locations><teamtailor:location><teamtailor:city>"),
	    0);
	for (int i = 0; i < 300; i++)
		assert_int_equal(jk_buf_puts(&doc, "Lund "), 0);
	assert_int_equal(jk_buf_puts(&doc,
	                             "</teamtailor:city></teamtailor:location><teamtailor:location>"
	                             "<teamtailor:city>Malm\xC3\xB6</teamtailor:city>"
	                             "</teamtailor:location></teamtailor:locations></item>"
	                             "</channel></rss>"),
	                 0);
	p = tu_one(doc.data, "https://fika.teamtailor.com/jobs.rss", &l, NULL);
	assert_string_equal(p->title, "Barista");
	assert_string_equal(p->location, "Malm\xC3\xB6");
	posting_list_free(&l);
	jk_buf_free(&doc);
}

/* An RSS description is HTML even when it has no tags. */
static void test_description_is_html(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	const char *doc = "<rss version=\"2.0\"><channel><title>Acme</title><item><title>Cook"
	                  "</title><description>Tom &amp;amp; Jerry&amp;#8217;s caf\xC3\xA9 "
	                  "&amp;lt;3 &amp;nbsp;kitchen</description></item></channel></rss>";
	assert_int_equal(import_as(doc, "feed.rss", &l, &err), 0);
	assert_true(tu_contains(l.items[0], "Tom & Jerry\xE2\x80\x99s caf\xC3\xA9 <3 kitchen"));
	assert_false(tu_contains(l.items[0], "&amp;"));
	posting_list_free(&l);
}

static void test_relative_links(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	const char *doc =
	    "<rss version=\"2.0\"><channel><title>Acme</title><link>https://acme.example/careers/"
	    "</link><item><title>A</title><link>jobs/7</link><description>&lt;p&gt;Read &lt;a "
	    "href=\"apply\"&gt;how to apply&lt;/a&gt;.&lt;/p&gt;</description></item>"
	    "<item><title>B</title><link>/jobs/8</link></item></channel></rss>";
	/* Against the feed's own address when it was fetched... */
	assert_int_equal(import_as(doc, "https://feeds.acme.example/x/all.rss", &l, &err), 0);
	assert_string_equal(l.items[0]->apply, "https://feeds.acme.example/x/jobs/apply");
	assert_string_equal(l.items[1]->apply, "https://feeds.acme.example/jobs/8");
	posting_list_free(&l);
	/* ...else against the channel's link; links in the text against the
	 * item's own page. */
	assert_int_equal(import_as(doc, "all.rss", &l, &err), 0);
	assert_string_equal(l.items[0]->apply, "https://acme.example/careers/jobs/apply");
	assert_string_equal(l.items[1]->apply, "https://acme.example/jobs/8");
	posting_list_free(&l);
}

static void test_apply_in_text(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	const char *doc =
	    "<rss version=\"2.0\"><channel><title>Remote Board</title>"
	    "<item><title>Ops</title><link>https://board.example/jobs/1</link><description>"
	    "&lt;p&gt;We run servers.&lt;/p&gt;&lt;p&gt;To apply, email your CV to "
	    "ops-jobs@globex.example.&lt;/p&gt;</description></item>"
	    "<item><title>Dev</title><link>https://board.example/jobs/2</link><description>"
	    "&lt;p&gt;&lt;a href=\"https://globex.example/apply/2\"&gt;Apply now&lt;/a&gt;"
	    "&lt;/p&gt;</description></item>"
	    "<item><title>QA</title><link>https://www.globex.example/jobs/3</link><description>"
	    "Questions? Email hr@globex.example.</description></item>"
	    "<item><title>Docs</title><link>https://board.example/jobs/4</link><description>"
	    "Nothing about applying here.</description></item></channel></rss>";
	assert_int_equal(import_as(doc, "board.rss", &l, &err), 0);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.items[0]->apply, "mailto:ops-jobs@globex.example");
	assert_string_equal(l.items[1]->apply, "https://globex.example/apply/2");
	/* An address on the page's own site: the page, which states it too. */
	assert_string_equal(l.items[2]->apply, "https://www.globex.example/jobs/3");
	assert_string_equal(l.items[3]->apply, "https://board.example/jobs/4");
	posting_list_free(&l);
}

static void org_is(const char *title, const char *want)
{
	char *o = import_org_from_title(title);
	assert_non_null(o);
	if (strcmp(o, want))
		fail_msg("\"%s\" gave \"%s\", not \"%s\"", title, o, want);
	free(o);
}

static void test_org_from_title(void **state)
{
	(void)state;
	org_is("Jobs at Larkspur Community Hospital", "Larkspur Community Hospital");
	org_is("Emberline Games | Careers", "Emberline Games");
	org_is("Careers \xE2\x80\x93 Kestrel Labs", "Kestrel Labs");
	org_is("Jobs on Hacker Guild", "Hacker Guild");
	org_is("Acme Jobs", "Acme");
	org_is("Acme: Jobs", "Acme");
	org_is("Stellenangebote - Stadtwerke M\xC3\xBCnchen", "Stadtwerke M\xC3\xBCnchen");
	org_is("Karriere bei Nordlicht Energie", "Nordlicht Energie");
	org_is("Offres d'emploi - Ville de Paris", "Ville de Paris");
	org_is("Empleos | Universidad de Sevilla", "Universidad de Sevilla");
	org_is(
	    "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE\xE3\x82\xB5\xE3\x82\xAF\xE3\x83\xA9"
	    " \xE6\x8E\xA1\xE7\x94\xA8\xE6\x83\x85\xE5\xA0\xB1",
	    "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE\xE3\x82\xB5\xE3\x82\xAF\xE3\x83\xA9");
	org_is("\xEC\x95\x88\xEB\x9E\xA9 \xEC\xB1\x84\xEC\x9A\xA9", "\xEC\x95\x88\xEB\x9E\xA9");
	org_is("\xE8\x9A\x82\xE8\x9A\x81\xE9\x9B\x86\xE5\x9B\xA2\xE6\x8B\x9B\xE8\x81\x98",
	       "\xE8\x9A\x82\xE8\x9A\x81\xE9\x9B\x86\xE5\x9B\xA2");
	org_is("Acme \xE2\x80\x94 Find your next dream job", "Acme");
	org_is("Kestrel Valley Hospital", "Kestrel Valley Hospital");
	org_is("Universit\xC3\xA9 de Montr\xC3\xA9"
	       "al",
	       "Universit\xC3\xA9 de Montr\xC3\xA9"
	       "al");
	/* No name left: empty, never the listing or the slogan. */
	org_is("Recent Programming Jobs", "");
	org_is("Latest Remote Jobs", "");
	org_is("Careers", "");
	org_is("Find your next remote job", "");
	org_is("Stellenangebote", "");
	org_is("\xE6\x8E\xA1\xE7\x94\xA8\xE6\x83\x85\xE5\xA0\xB1", "");
	assert_null(import_org_from_title(NULL));
}

/* "Company: Title" items split on a board of many companies, never in one
 * company's feed. */
static void test_board_titles(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	const char *board = "<rss version=\"2.0\"><channel><title>Latest Remote Jobs</title>"
	                    "<item><title>Acme Corp: Backend Developer</title></item>"
	                    "<item><title>Globex: Site Reliability Engineer: Storage</title></item>"
	                    "<item><title>Acme Corp: QA Lead</title></item></channel></rss>";
	assert_int_equal(import_as(board, "board.rss", &l, &err), 0);
	assert_string_equal(l.items[0]->organization, "Acme Corp");
	assert_string_equal(l.items[0]->title, "Backend Developer");
	assert_string_equal(l.items[1]->organization, "Globex");
	assert_string_equal(l.items[1]->title, "Site Reliability Engineer: Storage");
	posting_list_free(&l);
	const char *company =
	    "<rss version=\"2.0\"><channel><title>Idealist Consulting Careers</title>"
	    "<item><title>Nonprofit Salesforce Consultant: Enterprise Project Manager</title>"
	    "</item><item><title>Salesforce for Nonprofits: Solution Architect</title></item>"
	    "</channel></rss>";
	assert_int_equal(import_as(company, "c.rss", &l, &err), 0);
	assert_string_equal(l.items[0]->organization, "Idealist Consulting");
	assert_string_equal(l.items[0]->title,
	                    "Nonprofit Salesforce Consultant: Enterprise Project Manager");
	posting_list_free(&l);
	/* One prefix only, or a label: no evidence of many companies. */
	const char *labels = "<rss version=\"2.0\"><channel><title>Latest Jobs</title>"
	                     "<item><title>Hiring: Cook</title></item>"
	                     "<item><title>Urgent: Driver</title></item></channel></rss>";
	assert_int_equal(import_as(labels, "l.rss", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Hiring: Cook");
	assert_null(l.items[0]->organization);
	posting_list_free(&l);
}

/* We Work Remotely's programming feed of November 2014, byte-exact. */
static void test_weworkremotely(void **state)
{
	(void)state;
	size_t n;
	char *d = tu_read(tu_fixture("real-world/feed-weworkremotely-programming-2014.rss"), &n);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(d, n, "feed-weworkremotely-programming-2014.rss", &l);
	free(d);
	assert_int_equal(l.n, 25);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Senior Software Engineer");
	assert_string_equal(p->organization, "Kaleo Software");
	/* "To apply: Please send a resume to <a href=mailto:%6a%6f…>" */
	assert_string_equal(p->apply, "mailto:jobs@kaleosoftware.com");
	assert_true(tu_contains(p, "Great health, dental, & vision insurance"));
	assert_string_equal(l.items[1]->apply,
	                    "https://hire.jobvite.com/j?aj=o18RZfwJ&s=weworkremotely");
	for (size_t i = 0; i < l.n; i++) {
		p = l.items[i];
		assert_non_null(p->organization);
		assert_null(strstr(p->organization, "Recent"));
		assert_null(strstr(p->title, p->organization));
		assert_false(tu_contains(p, "&amp;"));
		assert_false(tu_contains(p, "&nbsp;"));
	}
	posting_list_free(&l);
}

/* JSON Feed follows the same rules; Teamtailor's _jobposting fills in. */
static void test_jsonfeed_rules(void **state)
{
	(void)state;
	size_t n;
	char *d = tu_read(tu_fixture("real-world/feed-teamtailor-jsonfeed.json"), &n);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(d, n, "teamtailor.json", &l);
	free(d);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->organization, "Teamtailor");
	assert_string_equal(l.items[0]->apply, "https://career.teamtailor.com/jobs/"
	                                       "7167985-account-executive-italy-madrid-based");
	assert_non_null(strstr(l.items[0]->location, "Madrid"));
	assert_non_null(strstr(l.items[1]->location, "K\xC3\xB8"
	                                             "benhavn"));
	posting_list_free(&l);

	jk_err err;
	const char *doc =
	    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Recent Design Jobs\","
	    "\"feed_url\":\"https://board.example/feeds/design.json\",\"items\":["
	    "{\"id\":\"1\",\"title\":\"Initech: Designer\",\"url\":\"/jobs/1\","
	    "\"content_text\":\"Great role. To apply, send your portfolio to "
	    "art@initech.example.\"},"
	    "{\"id\":\"2\",\"title\":\"Hooli: Illustrator\",\"url\":\"/jobs/2\","
	    "\"summary\":\"Pens &amp; ink\"}]}";
	assert_int_equal(import_as(doc, "design.json", &l, &err), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->organization, "Initech");
	assert_string_equal(l.items[0]->title, "Designer");
	assert_string_equal(l.items[0]->apply, "mailto:art@initech.example");
	assert_string_equal(l.items[1]->apply, "https://board.example/jobs/2");
	assert_true(tu_contains(l.items[1], "Pens & ink"));
	posting_list_free(&l);
}

/* A feed's language: RSS <language> (an item's dc:language first), Atom
 * xml:lang (inherited, an entry's own first), JSON Feed's language. A
 * bad value is named once per feed. */
static void test_language(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	assert_int_equal(
	    import_str("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
	               "<channel><title>Jobs at Acme</title><language>en-us</language>"
	               "<item><title>Nurse</title><description>Care.</description></item>"
	               "<item><title>Koch</title><dc:language>de</dc:language>"
	               "<description>Kochen.</description></item></channel></rss>",
	               &l, &err),
	    0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->language, "en");
	assert_string_equal(l.items[1]->language, "de");
	assert_int_equal(warned.n, 0);
	posting_list_free(&l);

	assert_int_equal(import_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"
	                            "<title>Acme</title><entry><title>Cuisinier</title>"
	                            "<content>Cuisine.</content></entry>"
	                            "<entry xml:lang=\"es-ES\"><title>Cocinero</title>"
	                            "<content>Cocina.</content></entry></feed>",
	                            &l, &err),
	                 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->language, "fr");
	assert_string_equal(l.items[1]->language, "es");
	posting_list_free(&l);

	/* Hostile: no tag in the channel, markup in an item's. */
	assert_int_equal(
	    import_str("<rss version=\"2.0\"><channel><title>Acme</title>"
	               "<language>&lt;b&gt;English&lt;/b&gt; (United States of America)</language>"
	               "<item><title>A</title><description>a</description></item>"
	               "<item><title>B</title><description>b</description></item>"
	               "<item><title>C</title><description>c</description></item>"
	               "</channel></rss>",
	               &l, &err),
	    0);
	assert_int_equal(l.n, 3);
	for (size_t i = 0; i < l.n; i++)
		assert_null(l.items[i]->language);
	assert_int_equal(warned.n, 1);
	assert_non_null(strstr(warned.last, "feed language"));
	posting_list_free(&l);

	/* JSON Feed: a tag, a list (not a tag: ignored quietly), a word. */
	static const struct {
		const char *lang, *want;
		int warnings;
	} jf[] = {{"\"pt-BR\"", "pt", 0}, {"[\"pt\"]", NULL, 0}, {"\"portugu\xC3\xAAs\"", NULL, 1}};
	for (size_t i = 0; i < JK_ARRAY_LEN(jf); i++) {
		char doc[512];
		snprintf(doc, sizeof doc,
		         "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Acme "
		         "jobs\",\"language\":%s,\"items\":[{\"id\":\"1\",\"title\":"
		         "\"Cozinheiro\",\"content_text\":\"Cozinha.\"}]}",
		         jf[i].lang);
		warned = (tu_warnings){0};
		tu_expect_str(tu_one(doc, "feed.json", &l, &warned)->language, jf[i].want);
		assert_int_equal(warned.n, jf[i].warnings);
		posting_list_free(&l);
	}
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
	    cmocka_unit_test(test_teamtailor),
	    cmocka_unit_test(test_description_is_html),
	    cmocka_unit_test(test_relative_links),
	    cmocka_unit_test(test_apply_in_text),
	    cmocka_unit_test(test_org_from_title),
	    cmocka_unit_test(test_board_titles),
	    cmocka_unit_test(test_weworkremotely),
	    cmocka_unit_test(test_jsonfeed_rules),
	    cmocka_unit_test(test_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
