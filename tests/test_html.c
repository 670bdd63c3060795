/* The HTML reader: sections, spans, skipped parts, entities, JSON-LD, job
 * site chrome, header lines, site generators' content files (front matter,
 * then the page), and hostile input. */
#include "testutil.h"

#include "../src/import/readers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sections of an HTML fragment; the caller frees with posting_free(). */
static posting *frag(const char *html, import_links *links)
{
	posting *p = posting_new();
	jk_err err = {0};
	assert_non_null(p);
	assert_int_equal(import_html_sections(html, strlen(html), p, links, &err), 0);
	return p;
}

static const posting_block *block(const posting *p, size_t s, size_t b)
{
	assert_true(s < p->nsections);
	assert_true(b < p->sections[s].nblocks);
	return &p->sections[s].blocks[b];
}

/* Imports through the front door; returns the status, list filled. */
static int import_src(const char *data, size_t len, const char *source, posting_list *l,
                      jk_err *err)
{
	import_opts o = {.source = source};
	posting_list_init(l);
	return import_bytes(data, len, &o, l, err);
}

static void test_structure(void **state)
{
	(void)state;
	import_links links = {0};
	posting *p = frag("<h1>Plumber</h1><p>We fix <b>pipes</b> and <em>drains</em>.</p>"
	                  "<h2>Duties</h2><ul><li>Fix</li><li><p>Plan <a href='/apply'>apply "
	                  "here</a></p>"
	                  "</li></ul><ol start='3'><li>three</li><li>four</li></ol>"
	                  "<ol><li value='7'>seven</li><li>eight</li></ol><p>one<br>two</p>",
	                  &links);
	assert_string_equal(p->title, "Plumber");
	assert_int_equal(p->nsections, 2);
	assert_null(p->sections[0].heading);
	const posting_block *b = block(p, 0, 0);
	assert_string_equal(b->text, "We fix pipes and drains.");
	assert_int_equal(b->nspans, 2);
	assert_int_equal(b->spans[0].start, 7);
	assert_int_equal(b->spans[0].len, 5);
	assert_int_equal(b->spans[0].style, POSTING_BOLD);
	assert_int_equal(b->spans[1].start, 17);
	assert_int_equal(b->spans[1].style, POSTING_ITALIC);
	assert_string_equal(p->sections[1].heading, "Duties");
	const char *want[] = {"Fix",   "Plan apply here", "three", "four",
	                      "seven", "eight",           "one",   "two"};
	int kinds[] = {POSTING_BULLET,   POSTING_BULLET,   POSTING_NUMBERED,  POSTING_NUMBERED,
	               POSTING_NUMBERED, POSTING_NUMBERED, POSTING_PARAGRAPH, POSTING_PARAGRAPH};
	int nums[] = {0, 0, 3, 4, 7, 8, 0, 0};
	assert_int_equal(p->sections[1].nblocks, 8);
	for (size_t i = 0; i < 8; i++) {
		assert_string_equal(block(p, 1, i)->text, want[i]);
		assert_int_equal(block(p, 1, i)->kind, kinds[i]);
		assert_int_equal(block(p, 1, i)->number, nums[i]);
	}
	assert_int_equal(links.n, 1);
	assert_string_equal(links.v[0].href, "/apply");
	assert_string_equal(links.v[0].text, "apply here");
	assert_string_equal(links.v[0].context, "Plan apply here");
	import_links_free(&links);
	posting_free(p);
}

static void test_bold_heading_and_glyphs(void **state)
{
	(void)state;
	posting *p = frag("<p><b>Responsibilities</b></p><ul><li>• Lead</li><li>- Ship</li>"
	                  "<li>▪Test</li></ul><p><strong>Note:</strong> bold lead-in stays.</p>"
	                  "<p>• pseudo item</p><p><b>A bold sentence that ends.</b></p>",
	                  NULL);
	assert_int_equal(p->nsections, 1);
	assert_string_equal(p->sections[0].heading, "Responsibilities");
	assert_string_equal(block(p, 0, 0)->text, "Lead");
	assert_string_equal(block(p, 0, 1)->text, "Ship");
	assert_string_equal(block(p, 0, 2)->text, "Test");
	assert_string_equal(block(p, 0, 3)->text, "Note: bold lead-in stays.");
	assert_int_equal(block(p, 0, 4)->kind, POSTING_BULLET);
	assert_string_equal(block(p, 0, 4)->text, "pseudo item");
	assert_string_equal(block(p, 0, 5)->text, "A bold sentence that ends.");
	posting_free(p);
}

static void test_never_text(void **state)
{
	(void)state;
	posting *p = frag("<html><head><title>T</title><style>.x{color:red}</style><script>var "
	                  "s=1;</script></head>"
	                  "<body><nav>Home Jobs</nav><noscript>enable "
	                  "js</noscript><template>tpl</template>"
	                  "<p>Keep <img alt='photo' "
	                  "src='x.png'>this</p><button>Click</button><form><input "
	                  "value='v'><select><option>opt</option></select><textarea>ta</textarea></"
	                  "form>"
	                  "<svg><text>svgtext</text></svg><iframe>ifr</iframe><aside>side</aside>"
	                  "<div hidden>h1</div><div style='DISPLAY: none'>h2</div><span "
	                  "aria-hidden='true'>h3</span>"
	                  "<span "
	                  "class='sr-only'>h4</span><video>vid</video><footer>foot</footer></"
	                  "body></html>",
	                  NULL);
	const char *bad[] = {"color", "var s", "Home", "enable",  "tpl", "photo",
	                     "Click", "opt",   "ta",   "svgtext", "ifr", "side",
	                     "h1",    "h2",    "h3",   "h4",      "vid", "foot"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++)
		assert_false(tu_contains(p, bad[i]));
	assert_string_equal(block(p, 0, 0)->text, "Keep this");
	assert_int_equal(p->sections[0].nblocks, 1);
	posting_free(p);
}

static void test_entities_and_leftovers(void **state)
{
	(void)state;
	posting *p = frag("<p>R&amp;D&nbsp;team &#8217;s caf&eacute; &#x2014; "
	                  "AT&amp;amp;T \\$5 \\*x\\_ "
	                  "\\#1 C:\\Users &amp;lt;p&amp;gt;</p>",
	                  NULL);
	assert_string_equal(block(p, 0, 0)->text,
	                    "R&D team ’s café — AT&T $5 *x_ #1 C:\\Users &lt;p&gt;");
	posting_free(p);
}

static void test_main_preferred(void **state)
{
	(void)state;
	char html[4096];
	snprintf(html, sizeof html,
	         "<body><div>Site banner with menu "
	         "text</div><main><h1>Welder</h1><p>%s</p></main>"
	         "<div>Related jobs: Painter, Roofer</div></body>",
	         "We weld steel frames for bridges and need a careful person who "
	         "likes the work and "
	         "the team, with a good eye for detail and safety, every day of the "
	         "week, all year, "
	         "in all weathers and in the workshop too.");
	posting *p = frag(html, NULL);
	assert_string_equal(p->title, "Welder");
	assert_false(tu_contains(p, "banner"));
	assert_false(tu_contains(p, "Related"));
	posting_free(p);
}

static void test_appends_to_last_section(void **state)
{
	(void)state;
	posting *p = posting_new();
	jk_err err = {0};
	assert_non_null(posting_add_section(p, "Requirements"));
	p->title = strdup("Given");
	const char *h = "<ul><li>C</li></ul><h1>Second h1</h1>";
	assert_int_equal(import_html_sections(h, strlen(h), p, NULL, &err), 0);
	assert_int_equal(p->nsections, 2);
	assert_string_equal(p->sections[0].heading, "Requirements");
	assert_string_equal(block(p, 0, 0)->text, "C");
	assert_string_equal(p->sections[1].heading, "Second h1");
	posting_free(p);
}

static void test_chrome(void **state)
{
	(void)state;
	const char *yes[] = {"6 applicants",
	                     "Over 200 applicants",
	                     "See how you compare to 6 applicants.",
	                     "Try Premium for ₹0",
	                     "See how you compare to 6 applicants. Try Premium for ₹0",
	                     "Show all",
	                     "Show more",
	                     "See more",
	                     "View",
	                     "View verifications related to this job post.",
	                     "5 school alumni work here",
	                     "12 connections work here",
	                     "9 hours ago",
	                     "Reposted 2 weeks ago",
	                     "Actively recruiting",
	                     "10,001+ employees · Software Development",
	                     "Easy Apply",
	                     "Save",
	                     "Share",
	                     "Report this job",
	                     "Promoted",
	                     "Responses managed off LinkedIn",
	                     "Skip to main content",
	                     "Sign in",
	                     "Join now",
	                     "We use cookies to improve your experience.",
	                     "•"};
	const char *no[] = {"About the job",
	                    "Show initiative throughout the research internship.",
	                    "View our benefits page for details on insurance and leave.",
	                    "Applicants must hold a degree.",
	                    "Save the world with us",
	                    "6 applicants were hired last year and we want more people to join.",
	                    "Microsoft · Redmond, WA · 9 hours ago · 6 applicants",
	                    "",
	                    NULL};
	for (size_t i = 0; i < JK_ARRAY_LEN(yes); i++)
		if (!import_is_chrome(yes[i]))
			fail_msg("not chrome: %s", yes[i]);
	for (size_t i = 0; i < JK_ARRAY_LEN(no); i++)
		if (import_is_chrome(no[i]))
			fail_msg("chrome: %s", no[i] ? no[i] : "(null)");
	posting *p = frag("<ul><li>Easy Apply</li><li>Real item</li></ul><p>Show all</p>", NULL);
	assert_int_equal(p->sections[0].nblocks, 1);
	assert_string_equal(block(p, 0, 0)->text, "Real item");
	posting_free(p);
}

static void test_header_lines(void **state)
{
	(void)state;
	const char *page = "<html><body><p><b>Line Cook</b></p>"
	                   "<p>Fabrikam Foods · Austin, TX · 2 days ago · Over 100 applicants</p>"
	                   "<p>€30K/yr - €35K/yr Full-time On-site</p><p>1,001-5,000 employees</p>"
	                   "<h2>About the role</h2><p>Cook things.</p>"
	                   "<p>Python · Go · Rust</p></body></html>";
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(page, strlen(page), "cook.html", &l, &err), 0);
	posting *p = l.items[0];
	assert_string_equal(p->title, "Line Cook");
	assert_string_equal(p->organization, "Fabrikam Foods");
	assert_string_equal(p->location, "Austin, TX");
	assert_string_equal(p->pay, "€30K/yr - €35K/yr");
	assert_string_equal(p->employment, "Full-time (on-site)");
	assert_int_equal(p->nsections, 1);
	assert_string_equal(p->sections[0].heading, "About the role");
	assert_true(tu_contains(p, "Python · Go · Rust"));
	assert_false(tu_contains(p, "applicants"));
	assert_false(tu_contains(p, "employees"));
	posting_list_free(&l);
}

/* The posting a page with one header line under its title makes. */
static posting *lead_page(const char *line, posting_list *l)
{
	char page[512];
	jk_err err = {0};
	snprintf(page, sizeof page, "<h1>Job</h1><p>%s</p><p>Body text.</p>", line);
	assert_int_equal(import_src(page, strlen(page), "lead.html", l, &err), 0);
	assert_int_equal(l->n, 1);
	return l->items[0];
}

static void test_header_line_pay(void **state)
{
	(void)state;
	/* Pay is kept whole: both ends of a range, currency codes, units. */
	static const struct {
		const char *line, *pay, *employment, *org, *place;
	} cases[] = {
	    {"Kendal · Full-time · £29,970–£36,483 per year", "£29,970–£36,483 per year",
	     "Full-time", "Kendal", NULL},
	    {"Ghent, Belgium · Part-time · EUR 15.20 an hour", "EUR 15.20 an hour", "Part-time",
	     NULL, "Ghent, Belgium"},
	    {"$120k–$150k Remote", "$120k–$150k", "Remote", NULL, NULL},
	    {"Contoso · USD 5,090 - 10,120 per month · Full-time", "USD 5,090 - 10,120 per month",
	     "Full-time", "Contoso", NULL},
	    {"¥1,300/hour · Part-time", "¥1,300/hour", "Part-time", NULL, NULL},
	    {"時給1,300円〜1,500円", "時給1,300円〜1,500円", NULL, NULL, NULL},
	    {"$10,000/yr - $14,000/yr Hybrid Internship Entry level", "$10,000/yr - $14,000/yr",
	     "Internship (hybrid, entry level)", NULL, NULL},
	    {"Cedar Hollow Library · Cedar Hollow, VT · Part-time, 8 hours a week · $19.50 per "
	     "hour",
	     "$19.50 per hour", "Part-time, 8 hours a week", "Cedar Hollow Library",
	     "Cedar Hollow, VT"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		posting_list l;
		posting *p = lead_page(cases[i].line, &l);
		assert_string_equal(p->pay, cases[i].pay);
		if (cases[i].employment)
			assert_string_equal(p->employment, cases[i].employment);
		else
			assert_null(p->employment);
		if (cases[i].org)
			assert_string_equal(p->organization, cases[i].org);
		if (cases[i].place)
			assert_string_equal(p->location, cases[i].place);
		/* Every part was used, so the line is gone. */
		assert_int_equal(p->nsections, 1);
		assert_int_equal(p->sections[0].nblocks, 1);
		assert_string_equal(p->sections[0].blocks[0].text, "Body text.");
		posting_list_free(&l);
	}
	/* A line with a part that has no use stays text, and sets nothing. */
	static const char *const kept[] = {
	    "Acme · Berlin, Germany · Night shifts · Team of five · $50k",
	    "Acme · $50k a year · $60k a year",
	    "Python · Go · Rust",
	    "2,000 · Full-time",
	};
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		posting_list l;
		posting *p = lead_page(kept[i], &l);
		assert_true(tu_contains(p, kept[i]));
		assert_null(p->pay);
		assert_null(p->organization);
		posting_list_free(&l);
	}
}

static void test_page_title(void **state)
{
	(void)state;
	const char *page = "<html><head><title>Baker | Contoso Careers</title></head>"
	                   "<body><p>Bake bread.</p></body></html>";
	const char *og = "<html><head><meta property='og:title' content='OG Baker'>"
	                 "<title>T</title></head><body><p>Bake.</p></body></html>";
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(page, strlen(page), "b.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Baker");
	posting_list_free(&l);
	assert_int_equal(import_src(og, strlen(og), "b.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "OG Baker");
	posting_list_free(&l);
}

static const char jsonld_page[] =
    "<html><head><script "
    "type='application/ld+json'>{\"@context\":\"https://schema.org\","
    "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},{\"@type\":"
    "\"JobPosting\","
    "\"title\":\"Data "
    "Engineer\",\"hiringOrganization\":{\"@type\":\"Organization\",\"name\":"
    "\"Contoso\"},\"jobLocation\":[{\"@type\":\"Place\",\"address\":{"
    "\"addressLocality\":"
    "\"Redmond\",\"addressRegion\":\"WA\",\"addressCountry\":\"US\"}},{"
    "\"address\":{"
    "\"addressLocality\":\"Berlin\",\"addressCountry\":{\"name\":\"Germany\"}}}"
    "],"
    "\"baseSalary\":{\"@type\":\"MonetaryAmount\",\"currency\":\"USD\","
    "\"value\":{\"@type\":"
    "\"QuantitativeValue\",\"minValue\":120000,\"maxValue\":150000,"
    "\"unitText\":\"YEAR\"}},"
    "\"datePosted\":\"2024-05-01\",\"validThrough\":\"2024-06-30T00:00\","
    "\"employmentType\":"
    "[\"FULL_TIME\",\"CONTRACTOR\"],\"identifier\":{\"value\":\"JR-1\"},"
    "\"url\":"
    "\"https://contoso.example/jobs/1\",\"description\":\"&lt;p&gt;We build "
    "&lt;b&gt;pipelines&lt;/b&gt;.&lt;/p&gt;&lt;h2&gt;You&lt;/"
    "h2&gt;&lt;ul&gt;&lt;li&gt;Spark"
    "&lt;/li&gt;&lt;/ul&gt;\"}]}</script></head><body><p>Page text not "
    "shown</p></body></html>";

static void test_jsonld_page(void **state)
{
	(void)state;
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(jsonld_page, strlen(jsonld_page), "j.html", &l, &err), 0);
	assert_int_equal(l.n, 1);
	posting *p = l.items[0];
	assert_string_equal(p->title, "Data Engineer");
	assert_string_equal(p->organization, "Contoso");
	assert_string_equal(p->location, "Redmond, WA; Berlin, Germany");
	assert_string_equal(p->pay, "$120,000–$150,000 a year");
	assert_string_equal(p->employment, "Full-time, contract");
	assert_string_equal(p->posted, "2024-05-01");
	assert_string_equal(p->expires, "2024-06-30");
	assert_string_equal(p->apply, "https://contoso.example/jobs/1");
	assert_string_equal(block(p, 0, 0)->text, "We build pipelines.");
	assert_string_equal(p->sections[1].heading, "You");
	assert_false(tu_contains(p, "Page text"));
	posting_list_free(&l);
}

static void test_jsonld_variants(void **state)
{
	(void)state;
	/* Several postings, wrong types, missing fields: no crash, sane fields. */
	const char *doc = "[{\"@type\":\"JobPosting\",\"title\":5,\"name\":\"Named\","
	                  "\"hiringOrganization\":"
	                  "\"Fabrikam\",\"jobLocation\":\"x\",\"jobLocationType\":\"TELECOMMUTE\","
	                  "\"applicantLocationRequirements\":{\"@type\":\"Country\",\"name\":"
	                  "\"Canada\"},"
	                  "\"baseSalary\":{\"currency\":\"EUR\",\"value\":{\"value\":\"45.5\","
	                  "\"unitText\":\"HOUR\"}},"
	                  "\"employmentType\":\"INTERN, PART_TIME\",\"description\":\"Line one\\n- "
	                  "item a\"},"
	                  "{\"@type\":[\"Thing\",\"JobPosting\"],\"title\":\"Second\","
	                  "\"baseSalary\":{\"currency\":"
	                  "\"SEK\",\"value\":{\"minValue\":\"40,000\",\"maxValue\":50000,"
	                  "\"unitText\":\"MONTH\"}}},"
	                  "{\"@type\":\"JobPosting\",\"title\":{\"a\":1},\"jobLocation\":[1,null,{"
	                  "\"address\":5}],"
	                  "\"baseSalary\":[],\"employmentType\":7,\"identifier\":[],"
	                  "\"description\":7,"
	                  "\"hiringOrganization\":[],\"datePosted\":3},"
	                  "{\"@type\":\"JobPosting\",\"title\":\"Third\",\"baseSalary\":-5,"
	                  "\"jobLocation\":{},"
	                  "\"datePosted\":\"not a "
	                  "date\",\"employmentType\":[\"OTHER\",\"SEASONAL\"]}]";
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(doc, strlen(doc), "jobs.json", &l, &err), 0);
	assert_int_equal(l.n, 3);
	posting *p = l.items[0];
	assert_string_equal(p->title, "Named");
	assert_string_equal(p->organization, "Fabrikam");
	assert_string_equal(p->location, "Remote (Canada) or x");
	assert_string_equal(p->pay, "€45.50 an hour");
	assert_string_equal(p->employment, "Internship, part-time");
	assert_string_equal(block(p, 0, 0)->text, "Line one");
	assert_string_equal(l.items[1]->pay, "SEK 40,000–50,000 a month");
	p = l.items[2];
	assert_string_equal(p->title, "Third");
	assert_null(p->pay);
	assert_null(p->location);
	assert_null(p->posted);
	assert_string_equal(p->employment, "Seasonal");
	/* Ids differ between postings of one document. */
	assert_string_not_equal(l.items[0]->id, l.items[1]->id);
	posting_list_free(&l);

	const char *none = "{\"@type\":\"Organization\",\"name\":\"x\"}";
	assert_int_not_equal(import_src(none, strlen(none), "o.json", &l, &err), 0);
	assert_non_null(strstr(err.msg, "JobPosting"));
	posting_list_free(&l);
}

static void test_jsonld_several_scripts(void **state)
{
	(void)state;
	const char *page = "<html><head>"
	                   "<script type='application/ld+json'>{\"@type\":\"JobPosting\",\"title\":"
	                   "\"A\",\"description\":\"<p>a text</p>\"}</script>"
	                   "<script type='application/ld+json'>{\"@type\":\"JobPosting\",\"title\":"
	                   "\"B\",\"description\":\"<p>b text</p>\"}</script>"
	                   "<script type='application/ld+json'>{broken</script>"
	                   "</head><body><p>x</p></body></html>";
	posting_list l;
	jk_err err = {0};
	assert_int_equal(import_src(page, strlen(page), "two.html", &l, &err), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->title, "A");
	assert_string_equal(l.items[1]->title, "B");
	assert_true(tu_contains(l.items[1], "b text"));
	assert_false(tu_contains(l.items[0], "b text"));
	posting_list_free(&l);
}

/* Hostile input ---------------------------------------------------------- */

static char *repeat(const char *a, size_t n, const char *mid, const char *b, size_t m)
{
	size_t la = strlen(a), lm = strlen(mid), lb = strlen(b);
	char *s = malloc(la * n + lm + lb * m + 1), *o = s;
	assert_non_null(s);
	for (size_t i = 0; i < n; i++, o += la)
		memcpy(o, a, la);
	memcpy(o, mid, lm);
	o += lm;
	for (size_t i = 0; i < m; i++, o += lb)
		memcpy(o, b, lb);
	*o = '\0';
	return s;
}

static void test_hostile(void **state)
{
	(void)state;
	posting_list l;
	jk_err err = {0};
	/* Empty and tag-only documents fail with a reason. */
	assert_int_equal(import_src("", 0, "e.html", &l, &err), JK_EEMPTY);
	posting_list_free(&l);
	const char *tags = "<html><body><div><span></span></div></body></html>";
	assert_int_equal(import_src(tags, strlen(tags), "t.html", &l, &err), JK_EEMPTY);
	assert_non_null(strstr(err.msg, "HTML"));
	posting_list_free(&l);
	/* Truncated mid-tag keeps what came before. */
	const char *cut = "<h1>Cut</h1><p>Some text</p><p class=\"x";
	assert_int_equal(import_src(cut, strlen(cut), "c.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Cut");
	assert_true(tu_contains(l.items[0], "Some text"));
	posting_list_free(&l);
	/* 100,000-deep nesting: a clear failure, no crash, no stack overflow. */
	char *deep = repeat("<div>", 100000, "deep", "</div>", 100000);
	assert_int_not_equal(import_src(deep, strlen(deep), "d.html", &l, &err), 0);
	assert_non_null(strstr(err.msg, "deep"));
	posting_list_free(&l);
	free(deep);
	/* Text before the deep part survives. */
	deep = repeat("<p>kept</p><b>", 1, "", "<i>", 100000);
	assert_int_equal(import_src(deep, strlen(deep), "d2.html", &l, &err), 0);
	assert_true(tu_contains(l.items[0], "kept"));
	posting_list_free(&l);
	free(deep);
	/* The sections reader on its own copes too, keeps what came before
	 * the deep part and says what happened. */
	deep = repeat("<ul><li>", 100000, "x", "</li></ul>", 100000);
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "<p>before</p>"), 0);
	assert_int_equal(jk_buf_puts(&b, deep), 0);
	posting *p = posting_new();
	assert_int_equal(import_html_sections(b.data, b.len, p, NULL, &err), JK_EFORMAT);
	assert_string_equal(err.msg, "nested more than 256 levels deep");
	assert_true(tu_contains(p, "before"));
	posting_free(p);
	jk_buf_free(&b);
	free(deep);
	/* 5 MB of paragraphs. */
	char *big = repeat("<p>A paragraph of a long posting, with <b>bold</b> words.</p>\n", 90000,
	                   "", "", 0);
	assert_true(strlen(big) > 5000000);
	assert_int_equal(import_src(big, strlen(big), "big.html", &l, &err), 0);
	assert_int_equal(l.items[0]->sections[0].nblocks, 90000);
	posting_list_free(&l);
	free(big);
	/* Invalid UTF-8 arrives as Windows-1252 text, valid in the model. */
	const char bad[] = "<h1>Caf\xe9</h1><p>na\xefve \xff\xfe text</p>";
	assert_int_equal(import_src(bad, sizeof bad - 1, "u.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Café");
	assert_true(jk_utf8_valid(l.items[0]->sections[0].blocks[0].text,
	                          strlen(l.items[0]->sections[0].blocks[0].text)));
	posting_list_free(&l);
	/* Binary garbage. */
	char garbage[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof garbage; i++)
		garbage[i] = (char)((x = x * 1103515245u + 12345u) >> 16);
	garbage[0] = '<';
	assert_int_not_equal(import_src(garbage, sizeof garbage, "g.html", &l, &err), 0);
	posting_list_free(&l);
	/* Garbage without NULs through the sections reader directly. */
	for (size_t i = 0; i < sizeof garbage; i++)
		if (!garbage[i])
			garbage[i] = '<';
	p = posting_new();
	assert_int_equal(import_html_sections(garbage, sizeof garbage, p, NULL, &err), 0);
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			assert_non_null(p->sections[i].blocks[j].text);
	posting_free(p);
}

static void test_hostile_jsonld(void **state)
{
	(void)state;
	posting_list l;
	jk_err err = {0};
	/* A JSON-LD script nested 100,000 deep is skipped; the page still reads. */
	char *arr = repeat("[", 100000, "", "]", 100000);
	size_t n = strlen(arr) + 200;
	char *page = malloc(n);
	assert_non_null(page);
	snprintf(page, n,
	         "<html><head><script type='application/ld+json'>%s</script></head>"
	         "<body><h1>Still here</h1></body></html>",
	         arr);
	assert_int_equal(import_src(page, strlen(page), "deep.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Still here");
	posting_list_free(&l);
	/* As a bare document it fails cleanly, naming the reason. */
	assert_int_equal(import_src(arr, strlen(arr), "deep.json", &l, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "deep"));
	posting_list_free(&l);
	free(page);
	free(arr);
	const char *trunc = "{\"@type\":\"JobPosting\",\"title\":\"Cut";
	assert_int_equal(import_src(trunc, strlen(trunc), "t.json", &l, &err), JK_EFORMAT);
	posting_list_free(&l);
	const char *types =
	    "{\"@type\":5,\"@graph\":{\"@type\":\"JobPosting\"},\"mainEntity\":[[[[[["
	    "[[[["
	    "{\"@type\":\"JobPosting\",\"title\":\"Too deep to look\"}]]]]]]]]]]}";
	assert_int_not_equal(import_src(types, strlen(types), "w.json", &l, &err), 0);
	posting_list_free(&l);
}

/* Reads a real-world fixture through the front door. */
static void real_world(const char *file, posting_list *l)
{
	char rel[200];
	snprintf(rel, sizeof rel, "real-world/%s", file);
	size_t len;
	char *data = tu_read(tu_fixture(rel), &len);
	posting_list_init(l);
	tu_import_ok(data, len, file, l);
	free(data);
}

/* A generic page title yields to the heading that names the role; the
 * organisation comes from the <title> or the site name. */
static void test_generic_title(void **state)
{
	(void)state;
	posting_list l;
	real_world("html-immunant-jobs.html", &l);
	assert_string_equal(l.items[0]->title, "Software engineer");
	assert_string_equal(l.items[0]->organization, "Immunant, Inc");
	posting_list_free(&l);
	real_world("html-zeppelin-software-engineer.html", &l);
	assert_string_equal(l.items[0]->title, "Software Engineer");
	assert_string_equal(l.items[0]->organization, "Zeppelin");
	posting_list_free(&l);

	const char a[] =
	    "<html><head><title>Careers | Acme</title></head><body><h1>Careers</h1>"
	    "<h2>Backend Developer (m/w/d)</h2><p>We build things in Go.</p></body></html>";
	jk_err err = {0};
	assert_int_equal(import_src(a, sizeof a - 1, "a.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Backend Developer (m/w/d)");
	assert_string_equal(l.items[0]->organization, "Acme");
	posting_list_free(&l);
	/* No heading names a role: the generic title stays, honestly. */
	const char b[] = "<html><body><h1>Jobs</h1><h2>About us</h2><p>We build things.</p>"
	                 "</body></html>";
	assert_int_equal(import_src(b, sizeof b - 1, "b.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Jobs");
	posting_list_free(&l);
}

/* "Company - Title" splits only when one side is known to be the company. */
static void test_title_split(void **state)
{
	(void)state;
	jk_err err = {0};
	posting_list l;
	const char a[] = "<html><head><meta property='og:site_name' content='Acme'>"
	                 "<title>x</title></head><body><h1>Acme - Data Analyst</h1>"
	                 "<p>Numbers all day.</p></body></html>";
	assert_int_equal(import_src(a, sizeof a - 1, "a.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Data Analyst");
	assert_string_equal(l.items[0]->organization, "Acme");
	posting_list_free(&l);
	const char b[] = "<html><body><h1>Barista | Kaffee Rösterei GmbH</h1><p>Coffee.</p>"
	                 "</body></html>";
	assert_int_equal(import_src(b, sizeof b - 1, "b.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Barista");
	assert_string_equal(l.items[0]->organization, "Kaffee Rösterei GmbH");
	posting_list_free(&l);
	/* No evidence: the title stays whole. */
	const char c[] = "<html><body><h1>Senior Engineer - Backend</h1><p>Go.</p></body></html>";
	assert_int_equal(import_src(c, sizeof c - 1, "c.html", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Senior Engineer - Backend");
	assert_null(l.items[0]->organization);
	posting_list_free(&l);
	/* The same rule for every reader: a front-matter title too. */
	real_world("sk-pracujucemamy-zooza-success-specialist.html", &l);
	assert_string_equal(l.items[0]->title, "Success Specialist");
	assert_string_equal(l.items[0]->organization, "Zooza s.r.o.");
	posting_list_free(&l);
}

/* A page that repeats one block per job gives one posting per block. */
static void test_several_postings(void **state)
{
	(void)state;
	/* The bilingual page's body (its front matter cut off): each block holds
	 * one posting in Slovak and in Ukrainian side by side. */
	size_t len;
	char *data = tu_read(tu_fixture("real-world/sk-uk-pracujucemamy-ua-bilingual.html"), &len);
	const char *body = strstr(data + 3, "+++\n");
	assert_non_null(body);
	body += 4;
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(body, len - (size_t)(body - data), "ua.html", &l);
	assert_true(l.n >= 5);
	assert_string_equal(l.items[0]->title, "Kadern\xC3\xAD\xC4\x8Dka / \xD0\x9F\xD0\xB5\xD1\x80"
	                                       "\xD1\x83\xD0\xBA\xD0\xB0\xD1\x80");
	assert_string_equal(l.items[0]->apply, "mailto:oroszovaivana@gmail.com");
	assert_string_equal(l.items[2]->apply, "mailto:sedovapeta@gmail.com");
	assert_true(tu_contains(l.items[0], "Ju\xC5\xBEn\xC3\xA1 trieda 17"));
	assert_false(tu_contains(l.items[0], "sedovapeta@gmail.com"));
	posting_list_free(&l);
	free(data);

	/* Job cards, each with its own contact. */
	const char cards[] =
	    "<html><body><h1>Open roles</h1><div class='jobs'>"
	    "<div class='job'><h2>Line Cook</h2><p>Cook our menu six nights a week in a small "
	    "kitchen. Send your CV to cook@example.org.</p></div>"
	    "<div class='job'><h2>Pastry Chef</h2><p>Bake bread and cakes from four in the "
	    "morning. Send your CV to pastry@example.org.</p></div></div></body></html>";
	jk_err err = {0};
	assert_int_equal(import_src(cards, sizeof cards - 1, "c.html", &l, &err), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->title, "Line Cook");
	assert_string_equal(l.items[0]->apply, "mailto:cook@example.org");
	assert_string_equal(l.items[1]->title, "Pastry Chef");
	assert_string_equal(l.items[1]->apply, "mailto:pastry@example.org");
	posting_list_free(&l);

	/* One posting whose sections are wrapped alike stays one posting. */
	const char one[] =
	    "<html><body><h1>Line Cook</h1>"
	    "<section><h2>What you do</h2><p>Cook our menu six nights a week in a small kitchen "
	    "with three others.</p></section>"
	    "<section><h2>What you bring</h2><p>Two years on a line, calm hands, a clean "
	    "station and a sense of humour.</p></section></body></html>";
	assert_int_equal(import_src(one, sizeof one - 1, "o.html", &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Line Cook");
	posting_list_free(&l);

	/* Two h1 with no element of their own around them: one posting. */
	const char flat[] = "<html><body><h1>Cook</h1><p>Cook our menu six nights a week in a "
	                    "small kitchen.</p><h1>Baker</h1><p>Bake bread from four in the "
	                    "morning in a small bakery.</p></body></html>";
	assert_int_equal(import_src(flat, sizeof flat - 1, "f.html", &l, &err), 0);
	assert_int_equal(l.n, 1);
	posting_list_free(&l);
}

/* A site generator's .html content file: front matter, then HTML whose
 * indented tags are markup, not Markdown code blocks. The same body in a
 * .md file is Markdown. */
static void test_html_content_file(void **state)
{
	(void)state;
	const char *doc =
	    "+++\ntitle = \"Success Specialist\"\n+++\n\n"
	    "<div class=\"row\">\n    <h2>Success Specialist</h2>\n\n"
	    "        <p>\n            <strong>Miesto: </strong>online<br/>\n"
	    "            <strong>Plat: </strong>5 EUR &amp; viac<br/>\n        </p>\n"
	    "        <p>Posielajte na <a href=\"mailto:katka@example.sk\">katka</a>.</p>\n"
	    "</div>\n";
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(doc, strlen(doc), "/site/content/jobs/83.html", &l);
	assert_int_equal(l.n, 1);
	assert_true(tu_contains(l.items[0], "Miesto: online"));
	assert_true(tu_contains(l.items[0], "5 EUR & viac"));
	assert_false(tu_contains(l.items[0], "<strong>"));
	assert_false(tu_contains(l.items[0], "<br"));
	posting_list_free(&l);
}

/* Warnings a read gave: how many, and the last. */
typedef struct warnings {
	int n;
	char last[256];
} warnings;

static void on_warn(void *ud, const char *source, const char *msg)
{
	warnings *w = ud;
	(void)source;
	w->n++;
	snprintf(w->last, sizeof w->last, "%s", msg);
}

/* Reads a file of tests/data/html/ under its own name. */
static void html_data(const char *file, posting_list *l)
{
	char rel[200];
	snprintf(rel, sizeof rel, "tests/data/html/%s", file);
	size_t len;
	char *data = tu_read(tu_root(rel), &len);
	posting_list_init(l);
	tu_import_ok(data, len, file, l);
	free(data);
}

/* Nothing of the front matter or of the generator's templates shows. */
static void no_front_matter_text(const posting *p)
{
	const char *bad[] = {"+++", "---", "title =", "title:", "layout", "{{", "{%", "<"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++)
		if (tu_contains(p, bad[i]))
			fail_msg("posting text contains \"%s\"", bad[i]);
}

/* A Hugo content file: TOML front matter (with a [params] table), then
 * HTML with shortcodes. The front matter's fields are the page's. */
static void test_fm_hugo_toml(void **state)
{
	(void)state;
	posting_list l;
	html_data("hugo-toml.html", &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Senior Firmware Engineer");
	assert_string_equal(p->organization, "Brightwater Instruments");
	assert_string_equal(p->location, "Rotterdam");
	assert_string_equal(p->posted, "2025-03-01");
	assert_string_equal(p->apply, "https://brightwater.example/jobs/42/apply");
	assert_int_equal(p->ntags, 2);
	assert_string_equal(p->tags[1], "C");
	assert_int_equal(tu_section(p, "What you bring")->nblocks, 2);
	assert_true(tu_contains(p, "C on small microcontrollers"));
	no_front_matter_text(p);
	posting_list_free(&l);
}

/* A Jekyll page: YAML front matter whose title names the page, Liquid in
 * the HTML. The heading that names the role is the title; the contact
 * address is the apply target when the page names none. */
static void test_fm_jekyll_yaml(void **state)
{
	(void)state;
	posting_list l;
	html_data("jekyll-yaml.html", &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Backend Developer (m/w/d)");
	assert_false(tu_section(p, "Backend Developer (m/w/d)"));
	assert_string_equal(p->organization, "Northwind Labs");
	assert_string_equal(p->location, "Berlin, Remote");
	assert_string_equal(p->apply, "mailto:jobs@northwind.example");
	assert_true(tu_contains(p, "booking system behind our clinics."));
	assert_int_equal(tu_section(p, "Your tasks")->nblocks, 2);
	no_front_matter_text(p);
	posting_list_free(&l);
}

/* A page of several postings under front matter: each block is a posting
 * titled by its own heading; the front matter fills only what a block
 * lacks (its apply key only where the block names no target). */
static void test_fm_several_postings(void **state)
{
	(void)state;
	posting_list l;
	html_data("fm-several.html", &l);
	assert_int_equal(l.n, 3);
	const char *titles[] = {"Line Cook", "Pastry Chef", "Delivery Driver"};
	for (size_t i = 0; i < l.n; i++) {
		const posting *p = l.items[i];
		assert_string_equal(p->title, titles[i]);
		assert_string_equal(p->organization, "Riverbend Bakery");
		assert_string_equal(p->location, "Ljubljana");
		assert_string_equal(p->posted, "2025-05-12");
		assert_int_equal(p->ntags, 2);
		assert_null(p->native_id);
		no_front_matter_text(p);
		assert_false(tu_contains(p, "Open positions"));
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(p->id, l.items[j]->id);
	}
	assert_string_equal(l.items[0]->apply, "mailto:cook@riverbend.example");
	assert_string_equal(l.items[1]->apply, "https://riverbend.example/apply");
	assert_false(tu_contains(l.items[1], "wood oven"));
	posting_list_free(&l);

	/* The real page: one posting per bilingual block, not one titled by
	 * the front matter's page name. */
	real_world("sk-uk-pracujucemamy-ua-bilingual.html", &l);
	assert_true(l.n >= 5);
	assert_string_equal(l.items[0]->title, "Kadern\xC3\xAD\xC4\x8Dka / \xD0\x9F\xD0\xB5\xD1\x80"
	                                       "\xD1\x83\xD0\xBA\xD0\xB0\xD1\x80");
	assert_string_equal(l.items[0]->apply, "mailto:oroszovaivana@gmail.com");
	for (size_t i = 0; i < l.n; i++) {
		assert_false(tu_contains(l.items[i], "Pracovn\xC3\xA9 ponuky"));
		no_front_matter_text(l.items[i]);
	}
	posting_list_free(&l);
}

/* Reads text as a .html file; returns the status, err and w filled. */
static int load_html(const char *text, size_t len, posting_list *l, jk_err *err, warnings *w)
{
	import_opts o = {.source = "/site/content/jobs/x.html", .warn = on_warn, .ud = w};
	memset(err, 0, sizeof *err);
	posting_list_init(l);
	return import_bytes(text, len == (size_t)-1 ? strlen(text) : len, &o, l, err);
}

/* A draft is skipped, saying so; draft = false is shown. */
static void test_fm_draft(void **state)
{
	(void)state;
	const char *drafts[] = {"---\ndraft: true\ntitle: Cook\n---\n<p>We cook.</p>\n",
	                        "+++\n[params]\ndraft = true\n+++\n<h1>Cook</h1><p>We cook.</p>\n"};
	posting_list l;
	jk_err err;
	for (size_t i = 0; i < JK_ARRAY_LEN(drafts); i++) {
		warnings w = {0};
		assert_int_equal(load_html(drafts[i], (size_t)-1, &l, &err, &w), 0);
		assert_int_equal(l.n, 0);
		assert_int_equal(w.n, 1);
		assert_non_null(strstr(w.last, "draft"));
	}
	warnings w = {0};
	assert_int_equal(load_html("---\ndraft: false\ntitle: Cook\n---\n<p>We cook.</p>\n",
	                           (size_t)-1, &l, &err, &w),
	                 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Cook");
	posting_list_free(&l);
}

/* Reads text as a .html file that must fail; returns the message. */
static const char *fm_fails(const char *text, size_t len)
{
	static jk_err err;
	warnings w = {0};
	posting_list l;
	if (load_html(text, len, &l, &err, &w) == 0)
		fail_msg("hostile front matter read (%zu postings)", l.n);
	assert_int_equal(l.n, 0);
	assert_null(strchr(err.msg, '\n'));
	return err.msg;
}

/* Front matter that is broken, huge or binary fails with its reason; the
 * page's text only when there is some. Never a crash, never its text. */
static void test_fm_hostile(void **state)
{
	(void)state;
	assert_string_equal(fm_fails("+++\ntitle = 'Cook'\n<p>We cook.</p>\n", (size_t)-1),
	                    "front matter opened on line 1 never closes");
	assert_non_null(strstr(fm_fails("---\ntitle: [Cook\n---\n<p>We cook.</p>\n", (size_t)-1),
	                       "YAML error on line"));
	assert_string_equal(fm_fails("---\n---\n", (size_t)-1), "HTML without any text");
	assert_non_null(strstr(
	    fm_fails("---\ntitle: \x01 Cook\n---\n<p>We cook.</p>\n", (size_t)-1), "front matter"));
	/* binary bytes (NUL) inside the block: refused as binary */
	const char nul[] = "---\ntitle: Cook\nx: \0\0\0\0\0\0\xff\xfe\0\0\n---\n<p>We cook.</p>\n";
	assert_non_null(strstr(fm_fails(nul, sizeof nul - 1), "binary"));
	/* huge */
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "---\ndescription: "), 0);
	for (size_t i = 0; i < (2u << 20) / 8; i++)
		assert_int_equal(jk_buf_puts(&b, "aaaaaaa "), 0);
	assert_int_equal(jk_buf_puts(&b, "\n---\n<p>We cook.</p>\n"), 0);
	assert_non_null(strstr(fm_fails(b.data, b.len), "front matter too large"));
	/* many keys, deep nesting: read or refused, quietly */
	b.len = 0;
	assert_int_equal(jk_buf_puts(&b, "+++\ntitle = 'Cook'\nlinks = "), 0);
	for (size_t i = 0; i < 50000; i++)
		assert_int_equal(jk_buf_puts(&b, "[{a = "), 0);
	assert_int_equal(jk_buf_puts(&b, "1\n+++\n<p>We cook for forty guests.</p>\n"), 0);
	posting_list l;
	jk_err err;
	warnings w = {0};
	assert_int_equal(load_html(b.data, b.len, &l, &err, &w), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Cook");
	no_front_matter_text(l.items[0]);
	posting_list_free(&l);
	jk_buf_free(&b);
	/* a page whose text lives in its front matter shows that text */
	const char *only = "---\ntitle: Cook\ndescription: Cook **our** lunch menu.\n---\n\n";
	assert_int_equal(load_html(only, (size_t)-1, &l, &err, &w), 0);
	assert_true(tu_contains(l.items[0], "Cook our lunch menu."));
	no_front_matter_text(l.items[0]);
	posting_list_free(&l);
}

/* Front matter with a .html/.htm name is a page; with any other name it is
 * Markdown's. */
static void test_fm_sniff(void **state)
{
	(void)state;
	const char *docs[] = {"---\ntitle: x\n---\n<p>x</p>\n", "+++\r\ntitle = 'x'\r\n+++\r\n"};
	const struct {
		const char *name;
		import_format f;
	} cases[] = {
	    {"a.html", IMPORT_HTML},    {"/site/b.HTM", IMPORT_HTML},
	    {"c.md", IMPORT_MARKDOWN},  {"https://x.example/jobs/d.html", IMPORT_HTML},
	    {"e.txt", IMPORT_MARKDOWN}, {"site.html/f", IMPORT_MARKDOWN},
	    {NULL, IMPORT_MARKDOWN},
	};
	for (size_t d = 0; d < JK_ARRAY_LEN(docs); d++)
		for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
			import_opts o = {.source = cases[i].name};
			assert_int_equal(import_sniff(docs[d], strlen(docs[d]), &o), cases[i].f);
		}
}

/* The page's language: <html lang> or xml:lang, JSON-LD inLanguage
 * (which wins for its posting), the front matter's lang (which wins over
 * the page's); lang="" says nothing, a value that is no tag is named in
 * one warning. */
static void test_language(void **state)
{
	(void)state;
	static const struct {
		const char *doc, *want;
		int warnings;
	} cases[] = {
	    {"<html lang=\"ja-JP\"><body><h1>Staff</h1><p>Text.</p></body></html>", "ja", 0},
	    {"<html xml:lang=\"ko\"><body><h1>Staff</h1><p>Text.</p></body></html>", "ko", 0},
	    {"<html lang=\"zh-HK\"><body><h1>Staff</h1><p>Text.</p></body></html>", "zh-Hant", 0},
	    {"<html lang=\"\"><body><h1>Staff</h1><p>Text.</p></body></html>", NULL, 0},
	    {"<html><body><h1>Staff</h1><p>Text.</p></body></html>", NULL, 0},
	    {"<html lang=\"en-US\"><head><script type=\"application/ld+json\">"
	     "{\"@type\":\"JobPosting\",\"title\":\"Koch\",\"inLanguage\":\"de-AT\"}"
	     "</script></head><body><p>x</p></body></html>",
	     "de", 0},
	    {"<html lang=\"en\"><head><script type=\"application/ld+json\">"
	     "{\"@type\":\"JobPosting\",\"title\":\"Koch\",\"inLanguage\":"
	     "{\"@type\":\"Language\",\"name\":\"German\",\"alternateName\":\"de\"}}"
	     "</script></head><body><p>x</p></body></html>",
	     "de", 0},
	    {"<html lang=\"fr\"><head><script type=\"application/ld+json\">"
	     "{\"@type\":\"JobPosting\",\"title\":\"Koch\",\"inLanguage\":"
	     "{\"name\":\"German\"}}</script></head><body><p>x</p></body></html>",
	     "fr", 0},
	    {"<html><head><script type=\"application/ld+json\">"
	     "{\"@type\":\"JobPosting\",\"title\":\"Koch\",\"inLanguage\":[\"it\",\"en\"]}"
	     "</script></head><body><p>x</p></body></html>",
	     "it", 0},
	    {"---\ntitle: Koch\nlang: nl\n---\n<html lang=\"en\"><body><p>Tekst.</p></body>"
	     "</html>",
	     "nl", 0},
	    {"<html lang=\"english please\"><body><h1>Staff</h1><p>Text.</p></body></html>", NULL,
	     1},
	    /* not UTF-8: read as Windows-1252 (one warning), then no tag */
	    {"<html lang=\"\xFF\xFE\"><body><h1>Staff</h1><p>Text.</p></body></html>", NULL, 2},
	    {"<html><head><script type=\"application/ld+json\">"
	     "{\"@type\":\"JobPosting\",\"title\":\"Koch\",\"inLanguage\":\"12\"}"
	     "</script></head><body><p>x</p></body></html>",
	     NULL, 1},
	    {"<html><head><script type=\"application/ld+json\">"
	     "{\"@type\":\"JobPosting\",\"title\":\"Koch\",\"inLanguage\":42}"
	     "</script></head><body><p>x</p></body></html>",
	     NULL, 0},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		posting_list l;
		tu_warnings w = {0};
		const posting *p = tu_one(cases[i].doc, "https://jobs.example.org/p.html", &l, &w);
		tu_expect_str(p->language, cases[i].want);
		if (w.n != cases[i].warnings)
			fail_msg("case %zu: %d warnings, last: %s", i, w.n, w.last);
		if (w.n)
			assert_non_null(strstr(w.last, "is not a language tag"));
		posting_list_free(&l);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_structure),
	    cmocka_unit_test(test_language),
	    cmocka_unit_test(test_bold_heading_and_glyphs),
	    cmocka_unit_test(test_never_text),
	    cmocka_unit_test(test_entities_and_leftovers),
	    cmocka_unit_test(test_main_preferred),
	    cmocka_unit_test(test_appends_to_last_section),
	    cmocka_unit_test(test_chrome),
	    cmocka_unit_test(test_header_lines),
	    cmocka_unit_test(test_header_line_pay),
	    cmocka_unit_test(test_page_title),
	    cmocka_unit_test(test_jsonld_page),
	    cmocka_unit_test(test_jsonld_variants),
	    cmocka_unit_test(test_jsonld_several_scripts),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_hostile_jsonld),
	    cmocka_unit_test(test_generic_title),
	    cmocka_unit_test(test_title_split),
	    cmocka_unit_test(test_several_postings),
	    cmocka_unit_test(test_html_content_file),
	    cmocka_unit_test(test_fm_hugo_toml),
	    cmocka_unit_test(test_fm_jekyll_yaml),
	    cmocka_unit_test(test_fm_several_postings),
	    cmocka_unit_test(test_fm_draft),
	    cmocka_unit_test(test_fm_hostile),
	    cmocka_unit_test(test_fm_sniff),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
