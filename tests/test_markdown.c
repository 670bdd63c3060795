/* test_markdown.c — the Markdown reader with YAML and TOML front matter. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Imports text that must give exactly one posting; caller frees the list. */
static posting *one(const char *text, posting_list *out)
{
	return tu_one(text, "/srv/postings/test.md", out, NULL);
}

/* Imports text that must fail; returns the message (static). */
static const char *fails(const char *text, size_t len)
{
	return tu_fails(text, len, "/srv/postings/bad.md");
}

static void no_markup(const posting *p)
{
	const char *bad[] = {"[", "](", "**", "\\$", "<", "never text"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++)
		if (tu_contains(p, bad[i]))
			fail_msg("posting text contains \"%s\"", bad[i]);
}

static void test_msra_seed(void **state)
{
	(void)state;
	const char *path = tu_fixture("seeds/msra-srg-internship.md");
	size_t len;
	char *data = tu_read(path, &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, path, &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Internship opportunities in Systems Research Group at "
	                              "Microsoft Research Asia");
	assert_string_equal(p->posted, "2024-08-26");
	assert_string_equal(p->organization, "Microsoft Research Asia");
	assert_string_equal(
	    p->apply,
	    "mailto:MSRAih@microsoft.com?subject=Systems%20Research%20Group%20Internship");
	const char *want[] = {"Introduction", "Job Responsibilities", "Qualifications",
	                      "Work Time Requirements"};
	size_t k = 0;
	for (size_t i = 0; i < p->nsections; i++) {
		const char *h = p->sections[i].heading;
		if (!h) {
			assert_int_equal(i, 0); /* only a lead-in may lack a heading */
			continue;
		}
		assert_true(k < JK_ARRAY_LEN(want));
		assert_string_equal(h, want[k++]);
	}
	assert_int_equal(k, 4);
	const posting_section *q = tu_section(p, "Qualifications");
	assert_non_null(q);
	assert_int_equal(q->nblocks, 6);
	for (size_t i = 0; i < q->nblocks; i++)
		assert_int_equal(q->blocks[i].kind, POSTING_BULLET);
	assert_int_equal(tu_section(p, "Job Responsibilities")->blocks[1].kind, POSTING_BULLET);
	no_markup(p);
	assert_false(tu_contains(p, "---"));
	assert_null(p->location);
	posting_list_free(&l);
	free(data);
}

static void test_jekyll_fixture(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/md/jekyll.md"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "https://ferries.example/jobs/platform-engineer.md", &l);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Platform Engineer (Embedded Linux)");
	assert_string_equal(p->organization, "Fictional Ferries Ltd");
	assert_string_equal(p->location, "Bergen, Remote");
	assert_string_equal(p->employment, "Full-time");
	assert_string_equal(p->pay, "NOK 650,000 \xE2\x80\x93 750,000");
	assert_string_equal(p->posted, "2025-03-01");
	assert_string_equal(p->expires, "2025-03-31");
	assert_string_equal(p->apply, "https://ferries.example/jobs/platform-engineer/apply");
	assert_int_equal(p->ntags, 3);
	assert_string_equal(p->tags[0], "embedded");
	assert_string_equal(p->tags[1], "linux");
	assert_string_equal(p->tags[2], "yocto");
	/* the H1 differs from the front matter's title: it stays a section */
	assert_non_null(tu_section(p, "About Fictional Ferries"));
	const posting_section *s = tu_section(p, "What you will do");
	assert_non_null(s);
	assert_int_equal(s->blocks[0].kind, POSTING_NUMBERED);
	assert_int_equal(s->blocks[1].number, 2);
	assert_string_equal(s->blocks[1].text, "Write drivers in C $ for our boards");
	assert_true(tu_contains(p, "Free rides"));
	assert_false(tu_contains(p, "alert"));
	assert_false(tu_contains(p, "color"));
	assert_false(tu_contains(p, "Click me"));
	no_markup(p);
	/* bold and italic survive as spans */
	const posting_block *b = &tu_section(p, "About Fictional Ferries")->blocks[0];
	assert_true(b->nspans >= 2);
	assert_int_equal(b->spans[0].style, POSTING_BOLD);
	assert_memory_equal(b->text + b->spans[0].start, "ferries", 7);
	posting_list_free(&l);
	/* from a local folder the relative apply link cannot resolve: the
	 * address the text says to write to is next */
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/jekyll.md", &l);
	assert_string_equal(l.items[0]->apply, "mailto:jobs@ferries.example");
	/* ids are stable across reloads and tied to the native id */
	posting_list l2;
	posting_list_init(&l2);
	tu_import_ok(data, len, "/srv/postings/jekyll.md", &l2);
	assert_string_equal(l.items[0]->id, l2.items[0]->id);
	posting_list_free(&l2);
	posting_list_free(&l);
	free(data);
}

static void test_hugo_fixture(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/md/hugo.md"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/hugo.md", &l);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Research Software Engineer");
	assert_string_equal(p->posted, "2025-02-10");
	assert_string_equal(p->organization, "Example Climate Lab");
	assert_string_equal(p->location, "Hamburg");
	assert_string_equal(p->pay, "TV-L E13");
	assert_string_equal(p->expires, "2025-04-30");
	assert_string_equal(p->apply, "https://lab.example.org/jobs/rse?ref=kiosk");
	assert_int_equal(p->ntags, 3);
	assert_string_equal(p->tags[2], "simulation");
	assert_non_null(tu_section(p, "About the role"));
	posting_list_free(&l);
	free(data);
}

static void test_draft(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/md/draft.md"), &len);
	posting_list l;
	posting_list_init(&l);
	jk_err err;
	tu_warnings w = {0};
	assert_int_equal(tu_load(data, len, "/srv/postings/draft.md", &l, &err, &w), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.last, "draft"));
	free(data);
	const char *drafts[] = {
	    "---\ndraft: true\ntitle: X\n---\nBody\n", "---\nDraft: \"yes\"\n---\nBody\n",
	    "+++\ndraft = true\n+++\nBody\n", "+++\n[params]\ndraft = true\n+++\nBody\n"};
	for (size_t i = 0; i < JK_ARRAY_LEN(drafts); i++) {
		assert_int_equal(tu_load(drafts[i], (size_t)-1, "d.md", &l, &err, &w), 0);
		assert_int_equal(l.n, 0);
	}
	posting_list_free(&l);
	/* draft: false is shown */
	posting *p = one("---\ndraft: false\ntitle: Shown\n---\nBody\n", &l);
	assert_string_equal(p->title, "Shown");
	posting_list_free(&l);
}

static void test_body(void **state)
{
	(void)state;
	posting_list l;
	/* a first H1 is the title and not a section */
	posting *p =
	    one("# Data Engineer at Contoso\n\nIntro text.\n\n## Tasks\n\n- one\n- two\n", &l);
	assert_string_equal(p->title, "Data Engineer at Contoso");
	assert_string_equal(p->organization, "Contoso");
	assert_false(tu_section(p, "Data Engineer at Contoso"));
	assert_int_equal(tu_section(p, "Tasks")->nblocks, 2);
	assert_true(tu_contains(p, "Intro text."));
	posting_list_free(&l);
	/* the same H1 under a front matter title is not repeated */
	p = one("---\ntitle: Data Engineer\n---\n# Data Engineer\n\nText.\n", &l);
	assert_int_equal(p->nsections, 1);
	assert_null(p->sections[0].heading);
	posting_list_free(&l);
	/* emphasis and entities in the H1 */
	p = one("# *Senior* R&amp;D &lt;Lead&gt;\n\nText.\n", &l);
	assert_string_equal(p->title, "Senior R&D <Lead>");
	posting_list_free(&l);
	/* escapes, rules, links, raw HTML */
	p = one("Price \\$5 \\*not bold\\* and a [link](https://example.com/x).\n\n---\n\n"
	        "<div><p>Raw <b>HTML</b> paragraph</p><script>var x = 1;</script></div>\n\n"
	        "Autolink https://example.com/y and ~~struck~~.\n",
	        &l);
	assert_true(tu_contains(p, "Price $5 *not bold* and a link."));
	assert_true(tu_contains(p, "Raw HTML paragraph"));
	assert_false(tu_contains(p, "var x"));
	assert_false(tu_contains(p, "---"));
	posting_list_free(&l);
	/* an apply link, resolved against an http source */
	posting_list_init(&l);
	const char *how = "## How to apply\n\n[Apply here](../apply?job=7)\n";
	tu_import_ok(how, strlen(how), "https://jobs.example.com/eng/post.md", &l);
	assert_string_equal(l.items[0]->apply, "https://jobs.example.com/apply?job=7");
	posting_list_free(&l);
	/* no apply link: the http source itself */
	posting_list_init(&l);
	tu_import_ok("# Title\n\nText.\n", 15, "https://jobs.example.com/eng/post.md", &l);
	assert_string_equal(l.items[0]->apply, "https://jobs.example.com/eng/post.md");
	posting_list_free(&l);
	/* title from the file name when there is no H1 nor front matter */
	p = one("Just **a** paragraph.\n", &l);
	assert_string_equal(p->title, "Test");
	assert_null(p->apply);
	posting_list_free(&l);
}

static void test_yaml_fields(void **state)
{
	(void)state;
	posting_list l;
	posting *p = one("---\n"
	                 "TITLE: Welder\n"
	                 "organisation: Example Works\n"
	                 "hiringOrganization: {name: Ignored Because Later}\n"
	                 "city: Oslo\n"
	                 "jobtype: [Full-time, On-site]\n"
	                 "compensation: 42000\n"
	                 "deadline: 26 Aug 2030\n"
	                 "apply: jobs@example.com\n"
	                 "keywords: [a, b, a]\n"
	                 "slug: welder-1\n"
	                 "permalink: /x/\n"
	                 "inline: true\n"
	                 "---\nBody.\n",
	                 &l);
	assert_string_equal(p->title, "Welder");
	assert_string_equal(p->organization, "Example Works");
	assert_string_equal(p->location, "Oslo");
	assert_string_equal(p->employment, "Full-time (on-site)");
	assert_string_equal(p->pay, "42000");
	assert_string_equal(p->expires, "2030-08-26");
	assert_string_equal(p->apply, "mailto:jobs@example.com");
	assert_int_equal(p->ntags, 2);
	posting_list_free(&l);
	/* schema.org-style objects and Hugo-style params in YAML */
	p = one("---\nhiringOrganization:\n  name: Nested Org\n  sameAs: x\nparams:\n  pay: 10\n"
	        "  location: Paris\n---\nBody\n",
	        &l);
	assert_string_equal(p->organization, "Nested Org");
	assert_string_equal(p->pay, "10");
	assert_string_equal(p->location, "Paris");
	posting_list_free(&l);
	/* wrong types are ignored, not fatal */
	p = one("---\ntitle: [1, 2]\ndate: {a: b}\ncompany: ~\nlocation: {x: {y: z}}\n"
	        "tags: {a: 1}\napply: javascript:alert(1)\nposted: not a date\n---\nBody\n",
	        &l);
	assert_string_equal(p->title, "Test");
	assert_null(p->posted);
	assert_null(p->organization);
	assert_null(p->location);
	assert_null(p->apply);
	assert_int_equal(p->ntags, 0);
	posting_list_free(&l);
	/* anchors: a scalar alias resolves; aliases of lists are ignored */
	p = one("---\ncompany: &org Anchor Inc\norganization: *org\nemployer: *nope\n"
	        "title: *org\nlist: &l [a, b]\ntags: *l\n---\nBody\n",
	        &l);
	assert_string_equal(p->organization, "Anchor Inc");
	assert_string_equal(p->title, "Anchor Inc");
	assert_int_equal(p->ntags, 0);
	posting_list_free(&l);
	/* CRLF line ends, a BOM, blank lines before, "..." as the closer */
	p = one("\xEF\xBB\xBF\r\n---\r\ntitle: Windows\r\ndate: 2024-01-02\r\n...\r\n\r\nBody\r\n",
	        &l);
	assert_string_equal(p->title, "Windows");
	assert_string_equal(p->posted, "2024-01-02");
	assert_true(tu_contains(p, "Body"));
	posting_list_free(&l);
	/* empty front matter */
	p = one("---\n---\nBody\n", &l);
	assert_true(tu_contains(p, "Body"));
	posting_list_free(&l);
	/* a tab after the colon is fine; a lone scalar document is ignored */
	p = one("---\ntitle:\tTabbed\n---\nBody\n", &l);
	assert_string_equal(p->title, "Tabbed");
	posting_list_free(&l);
	p = one("---\njust a line\n---\nBody\n", &l);
	assert_string_equal(p->title, "Test");
	posting_list_free(&l);
}

static void test_yaml_hostile(void **state)
{
	(void)state;
	assert_string_equal(fails("---\ntitle: Never closed\n\nBody text\n", (size_t)-1),
	                    "front matter opened on line 1 never closes");
	assert_string_equal(fails("\n\n---\ntitle: x\n", (size_t)-1),
	                    "front matter opened on line 3 never closes");
	assert_string_equal(fails("+++\ntitle = 'x'\n", (size_t)-1),
	                    "front matter opened on line 1 never closes");
	const char *msg =
	    fails("---\ntitle: \"unclosed\ndate: 2024-01-01\n---\nBody\n", (size_t)-1);
	assert_non_null(strstr(msg, "YAML"));
	assert_non_null(strstr(msg, "line"));
	msg = fails("---\ntitle: ok\n  bad: indent: here\n---\nBody\n", (size_t)-1);
	assert_non_null(strstr(msg, "line 3"));
	msg = fails("---\ntitle: x\n\tindented: with a tab\n---\nBody\n", (size_t)-1);
	assert_non_null(strstr(msg, "line 3"));
	/* 100,000-deep flow sequences and mappings */
	size_t depth = 100000;
	char *deep = malloc(2 * depth + 64);
	assert_non_null(deep);
	const char *open[] = {"[", "{"};
	const char *close[] = {"]", "}"};
	for (int k = 0; k < 2; k++) {
		size_t n = (size_t)sprintf(deep, "---\nx: ");
		for (size_t i = 0; i < depth; i++)
			deep[n++] = open[k][0];
		for (size_t i = 0; i < depth; i++)
			deep[n++] = close[k][0];
		n += (size_t)sprintf(deep + n, "\n---\nBody\n");
		msg = fails(deep, n);
		assert_non_null(strstr(msg, "nested"));
	}
	free(deep);
	/* billion laughs: aliases are never expanded */
	jk_buf b = {0};
	jk_buf_puts(&b, "---\ntitle: Laughs\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (int i = 1; i < 10; i++) {
		jk_buf_printf(&b, "a%d: &a%d [", i, i);
		for (int k = 0; k < 10; k++)
			jk_buf_printf(&b, "%s*a%d", k ? ", " : "", i - 1);
		jk_buf_puts(&b, "]\n");
	}
	jk_buf_puts(&b, "tags: *a9\n---\nBody\n");
	posting_list l;
	posting *p = one(b.data, &l);
	assert_string_equal(p->title, "Laughs");
	assert_int_equal(p->ntags, 0);
	posting_list_free(&l);
	jk_buf_free(&b);
	/* 5 MB of front matter */
	size_t big = 5u << 20;
	char *s = malloc(big + 64);
	assert_non_null(s);
	size_t n = (size_t)sprintf(s, "---\n");
	while (n < big)
		n += (size_t)sprintf(s + n, "key%zu: value value value value\n", n);
	n += (size_t)sprintf(s + n, "---\nBody\n");
	msg = fails(s, n);
	assert_non_null(strstr(msg, "too large"));
	/* a list of 60,000 tags and a comma string of as many */
	n = (size_t)sprintf(s, "---\ntags: [");
	for (size_t i = 0; i < 60000; i++)
		n += (size_t)sprintf(s + n, "%st%zu", i ? "," : "", i);
	n += (size_t)sprintf(s + n, "]\nkeywords: ");
	for (size_t i = 0; i < 60000; i++)
		n += (size_t)sprintf(s + n, "%sk%zu", i ? "," : "", i);
	n += (size_t)sprintf(s + n, "\n---\nBody\n");
	posting_list_init(&l);
	tu_import_ok(s, n, "tags.md", &l);
	assert_true(l.items[0]->ntags > 0 && l.items[0]->ntags <= 64);
	posting_list_free(&l);
	/* binary garbage inside the front matter */
	n = (size_t)sprintf(s, "---\ntitle: x\n");
	for (size_t i = 0; i < 4000; i++)
		s[n++] = (char)(1 + (i * 7919) % 255);
	n += (size_t)sprintf(s + n, "\n---\nBody\n");
	posting_list_init(&l);
	jk_err err;
	tu_warnings w = {0};
	int r = tu_load(s, n, "/srv/postings/garbage.md", &l, &err, &w);
	assert_true(r == 0 || err.msg[0]);
	posting_list_free(&l);
	free(s);
}

/* The reader called directly with bytes the front door would convert. */
static void test_direct_hostile(void **state)
{
	(void)state;
	const char *inputs[] = {
	    "---\ntitle: \xff\xfe invalid\n---\nBody\n",
	    "---\ntitle: \"\xc3\x28\"\n---\n",
	    "---\n",
	    "---",
	    "+++\n+++",
	    "",
	    "---\n---\n",
	    "---\nlayout: post\n---\n",
	    "+++\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n+++\n",
	    "+++\nx = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\ntitle = 'after'\n+++\nB\n",
	    "+++\nx = {a = {b = {c = {d = {e = {f = {g = {h = 1}}}}}}}}\n+++\nB\n",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(inputs) + 4; i++) {
		/* the last four: binary garbage (no NULs) inside YAML and TOML */
		char garbage[8192];
		const char *in = i < JK_ARRAY_LEN(inputs) ? inputs[i] : garbage;
		if (in == garbage) {
			size_t k = i - JK_ARRAY_LEN(inputs), n = 0;
			n += (size_t)sprintf(garbage, "%s\n", k % 2 ? "+++" : "---");
			uint32_t x = 2463534242u + (uint32_t)k;
			while (n < sizeof garbage - 16) {
				x ^= x << 13, x ^= x >> 17, x ^= x << 5;
				char c = (char)(x % 255 + 1);
				garbage[n++] = k < 2 || c != '\n' ? c : ' ';
			}
			sprintf(garbage + n, "\n%s\nB\n", k % 2 ? "+++" : "---");
		}
		posting_list l;
		posting_list_init(&l);
		jk_err err = {0};
		import_opts o = {.source = "x.md"};
		int r = import_markdown(in, strlen(in), &o, &l, &err);
		if (r)
			assert_true(err.msg[0] != '\0');
		else
			assert_int_equal(l.n, 1);
		posting_list_free(&l);
	}
}

static void test_toml(void **state)
{
	(void)state;
	posting_list l;
	posting *p = one("+++\n"
	                 "# a comment\n"
	                 "title = \"Caf\\u00e9 \\\"Barista\\\"\" # trailing comment\n"
	                 "company = 'C:\\literal\\path'\n"
	                 "pay = 3_000\n"
	                 "draft = false\n"
	                 "date = 1979-05-27 07:32:00Z\n"
	                 "+++\nBody\n",
	                 &l);
	assert_string_equal(p->title, "Caf\xC3\xA9 \"Barista\"");
	assert_string_equal(p->organization, "C:\\literal\\path");
	assert_string_equal(p->pay, "3_000");
	assert_string_equal(p->posted, "1979-05-27");
	posting_list_free(&l);
	p = one("+++\ndate = 2024-08-26T12:11:00-04:00\nlocation = \"\"\"\nMulti\nline\"\"\"\n"
	        "type = ['''Part-time''', \"Evening\"]\n"
	        "tags = [\n  \"a\", # one\n  \"b\",\n  [\"nested\"], {x = 1}, 3,\n]\n"
	        "hiringOrganization = { name = \"Inline Org\" }\n"
	        "params.apply = \"https://example.com/a\"\n"
	        "[params.deeper]\ntitle = \"no\"\n[other]\ncompany = \"no\"\n+++\nBody\n",
	        &l);
	assert_string_equal(p->posted, "2024-08-26");
	assert_string_equal(p->location, "Multi line");
	assert_string_equal(p->employment, "Part-time, Evening");
	assert_int_equal(p->ntags, 3);
	assert_string_equal(p->tags[2], "3");
	assert_string_equal(p->organization, "Inline Org");
	assert_string_equal(p->apply, "https://example.com/a");
	assert_string_equal(p->title, "Test");
	posting_list_free(&l);
}

static void test_toml_hostile(void **state)
{
	(void)state;
	posting_list l;
	/* unterminated strings lose their value, not the rest */
	posting *p = one("+++\ntitle = \"unterminated\ncompany = 'Kept'\nlocation = 'open\n"
	                 "pay = \"\"\"never closed\n+++\nBody\n",
	                 &l);
	assert_string_equal(p->title, "Test");
	assert_string_equal(p->organization, "Kept");
	assert_null(p->location);
	posting_list_free(&l);
	/* garbage lines are skipped */
	p = one("+++\n= no key\n\"unclosed key = 1\n[unclosed table\ntitle = \"Still here\"\n"
	        "[]\n]]]\n{{{\nkey without value\n+++\nBody\n",
	        &l);
	assert_true(p->title != NULL);
	posting_list_free(&l);
	/* 100,000-deep arrays and inline tables */
	size_t depth = 100000;
	char *s = malloc(2 * depth + 64);
	assert_non_null(s);
	for (int k = 0; k < 2; k++) {
		size_t n = (size_t)sprintf(s, "+++\nx = ");
		for (size_t i = 0; i < depth; i++)
			s[n++] = k ? '{' : '[';
		n += (size_t)sprintf(s + n, "\n+++\nBody\n");
		posting_list_init(&l);
		jk_err err;
		tu_warnings w = {0};
		assert_int_equal(tu_load(s, n, "deep.md", &l, &err, &w), 0);
		posting_list_free(&l);
	}
	free(s);
	/* bad escapes are kept as written */
	p = one("+++\ntitle = \"a\\qb \\uZZZZ \\U0011FFFF\"\n+++\nBody\n", &l);
	assert_string_equal(p->title, "a\\qb \xEF\xBF\xBDZZZZ \xEF\xBF\xBD");
	posting_list_free(&l);
}

static void test_hostile_body(void **state)
{
	(void)state;
	/* deeply nested Markdown containers */
	size_t depth = 100000;
	char *s = malloc(2 * depth + 64);
	assert_non_null(s);
	const char *marks[] = {">", "*", "["};
	for (int k = 0; k < 3; k++) {
		size_t n = 0;
		for (size_t i = 0; i < depth; i++) {
			s[n++] = marks[k][0];
			if (k == 1)
				s[n++] = ' ';
		}
		n += (size_t)sprintf(s + n, " deep\n");
		posting_list l;
		posting_list_init(&l);
		jk_err err;
		tu_warnings w = {0};
		int r = tu_load(s, n, "deep.md", &l, &err, &w);
		if (r)
			assert_true(err.msg[0] != '\0');
		posting_list_free(&l);
	}
	free(s);
	/* A 100,000-deep blockquote: the reason is said, not "no posting text". */
	jk_buf b = {0};
	for (size_t i = 0; i < depth; i++)
		assert_int_equal(jk_buf_putc(&b, '>'), 0);
	assert_int_equal(jk_buf_puts(&b, " deep\n"), 0);
	const char *msg = fails(b.data, b.len);
	assert_non_null(strstr(msg, "nested more than 256 levels deep"));
	/* Text before the deep part is kept, with a warning that says so. */
	b.len = 0;
	assert_int_equal(jk_buf_puts(&b, "# Kept\n\nBefore the quote.\n\n"), 0);
	for (size_t i = 0; i < depth; i++)
		assert_int_equal(jk_buf_putc(&b, '>'), 0);
	assert_int_equal(jk_buf_puts(&b, " deep\n"), 0);
	posting_list l;
	posting_list_init(&l);
	jk_err err;
	tu_warnings w = {0};
	assert_int_equal(tu_load(b.data, b.len, "deep.md", &l, &err, &w), 0);
	assert_string_equal(l.items[0]->title, "Kept");
	assert_true(tu_contains(l.items[0], "Before the quote."));
	assert_non_null(strstr(w.last, "nested more than 256 levels deep"));
	posting_list_free(&l);
	jk_buf_free(&b);
	fails("", 0);
	fails("   \n\n\t\n", (size_t)-1);
	fails("\x89PNG\r\n\x1a\n\0\0\0", 11);
	fails("---\nlayout: post\n---\n", (size_t)-1);
	/* invalid UTF-8 through the front door is converted, not fatal */
	posting *p = one("---\ntitle: Caf\xe9\n---\nCr\xe8me\n", &l);
	assert_string_equal(p->title, "Caf\xC3\xA9");
	posting_list_free(&l);
}

static void test_hugo_type(void **state)
{
	(void)state;
	posting_list l;
	/* Hugo's "type" is the page type: not an employment type. */
	posting *p = one("---\ntitle: Baker\ntype: posts\n---\nBake.\n", &l);
	assert_null(p->employment);
	posting_list_free(&l);
	p = one("+++\ntitle = \"Baker\"\ntype = \"job\"\n+++\nBake.\n", &l);
	assert_null(p->employment);
	posting_list_free(&l);
	/* ...unless it reads as one. */
	p = one("---\ntitle: Baker\ntype: Part-time\n---\nBake.\n", &l);
	assert_string_equal(p->employment, "Part-time");
	posting_list_free(&l);
	p = one("+++\ntitle = \"Baker\"\ntype = \"FULL_TIME\"\n+++\nBake.\n", &l);
	assert_string_equal(p->employment, "FULL_TIME");
	posting_list_free(&l);
	p = one("---\ntitle: Baker\ntype: [internship, remote]\n---\nBake.\n", &l);
	assert_string_equal(p->employment, "internship (remote)");
	posting_list_free(&l);
	/* An explicit employment key wins over a page type either way. */
	p = one("---\ntitle: Baker\ntype: posts\nemployment: [Full-time, Hybrid]\n---\nBake.\n",
	        &l);
	assert_string_equal(p->employment, "Full-time (hybrid)");
	posting_list_free(&l);
}

/* The posting's own text when it lives in the front matter. */
static void test_fm_content(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/md/fm-content.md"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/fm-content.md", &l);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Boat Builder & Rigger");
	assert_string_equal(p->organization, "Harbour Craft Co.");
	assert_string_equal(p->location, "Troms\xC3\xB8, Norway");
	assert_string_equal(p->apply, "mailto:yard@harbour.example");
	assert_true(tu_contains(p, "We build wooden boats by hand."));
	assert_true(tu_contains(p, "You will shape hulls, fit masts and rig sails."));
	assert_true(tu_contains(p, "Write to the yard with photos of your work."));
	assert_false(tu_contains(p, "Never shown"));
	const posting_block *b = &p->sections[0].blocks[0];
	assert_int_equal(b->nspans, 1);
	assert_int_equal(b->spans[0].style, POSTING_BOLD);
	assert_memory_equal(b->text + b->spans[0].start, "wooden", 6);
	no_markup(p);
	posting_list_free(&l);
	free(data);
	/* content and body as strings; a body of left-over keys only */
	p = one("---\ntitle: Potter\ncontent: \"Throw *bowls* &amp; cups.\"\n---\n", &l);
	assert_true(tu_contains(p, "Throw bowls & cups."));
	posting_list_free(&l);
	p = one("+++\ntitle = 'Potter'\nbody = '''\n<p>Glaze <em>pots</em>.</p>\n'''\n+++\n\n\n",
	        &l);
	assert_true(tu_contains(p, "Glaze pots."));
	posting_list_free(&l);
	p = one(
	    "---\ntitle: Potter\nsummary: Fire the kiln.\n---\nlayout: job\npermalink: /x/\n---\n",
	    &l);
	assert_true(tu_contains(p, "Fire the kiln."));
	assert_false(tu_contains(p, "layout"));
	posting_list_free(&l);
	/* key lines left after the closing fence are front matter */
	data = tu_read(tu_root("tests/data/md/leftover.md"), &len);
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/leftover.md", &l);
	p = l.items[0];
	assert_string_equal(p->title, "Gardener");
	assert_int_equal(p->ntags, 2);
	assert_true(tu_contains(p, "Tend the rose beds and the orchard."));
	assert_false(tu_contains(p, "permalink"));
	assert_false(tu_contains(p, "---"));
	posting_list_free(&l);
	free(data);
	/* a body with text keeps it; the description is not repeated */
	p = one("---\ntitle: Potter\ndescription: Short blurb.\n---\nThe real text.\n", &l);
	assert_true(tu_contains(p, "The real text."));
	assert_false(tu_contains(p, "Short blurb."));
	posting_list_free(&l);
}

/* Page builders' sections and blocks; links: lists. */
static void test_fm_sections(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/md/fm-sections.md"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/fm-sections.md", &l);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Deckhand (seasonal)");
	assert_string_equal(p->apply, "https://ferry.example/apply/deckhand");
	const posting_section *s = tu_section(p, "Deckhand (seasonal)");
	assert_non_null(s);
	assert_int_equal(s->nblocks, 3);
	assert_int_equal(s->blocks[1].kind, POSTING_BULLET);
	assert_string_equal(s->blocks[2].text, "Swim well");
	assert_non_null(tu_section(p, "Work on the river"));
	assert_non_null(tu_section(p, "Hours"));
	assert_false(tu_contains(p, "Home"));
	assert_false(tu_contains(p, "#123"));
	no_markup(p);
	posting_list_free(&l);
	free(data);
	data = tu_read(tu_root("tests/data/md/fm-sections-toml.md"), &len);
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/fm-sections-toml.md", &l);
	p = l.items[0];
	assert_string_equal(p->title, "Night Baker");
	assert_string_equal(p->apply, "https://bakery.example/bewerbung");
	assert_int_equal(tu_section(p, "Requirements")->nblocks, 2);
	assert_true(tu_contains(p, "Bake bread from 2 am"));
	posting_list_free(&l);
	free(data);
}

/* Apply targets in custom keys, weakest last. */
static void test_fm_apply_keys(void **state)
{
	(void)state;
	static const struct {
		const char *in, *apply;
	} cases[] = {
	    {"---\ntitle: A\nlink: https://a.example/x\n---\nText.\n", "https://a.example/x"},
	    {"---\ntitle: A\nurl: https://a.example/u\n---\nText.\n", "https://a.example/u"},
	    {"---\ntitle: A\nexternal_url: https://a.example/e\n---\nText.\n",
	     "https://a.example/e"},
	    {"---\ntitle: A\nsource_url: https://a.example/s?a=1&b=2\n---\nText.\n",
	     "https://a.example/s?a=1&b=2"},
	    {"---\ntitle: A\napplication_url: "
	     "https://a.example/p\n---\n[Apply](https://x.example)\n",
	     "https://a.example/p"},
	    {"---\ntitle: A\napply_link: https://a.example/l\n---\nText.\n", "https://a.example/l"},
	    {"---\ntitle: A\ncontact-email: jobs@b.example\n---\nText.\n", "mailto:jobs@b.example"},
	    {"---\ntitle: A\ncontact_email: jobs@b.example\n---\nText.\n", "mailto:jobs@b.example"},
	    {"---\ntitle: A\nemail: \"Jane Doe <jane@b.example>\"\n---\nText.\n",
	     "mailto:jane@b.example"},
	    {"---\ntitle: A\nhow_to_apply: Send your CV to hr@c.example by May.\n---\nText.\n",
	     "mailto:hr@c.example"},
	    {"---\ntitle: A\nhow_to_apply: https://c.example/apply\n---\nText.\n",
	     "https://c.example/apply"},
	    {"---\ntitle: A\nhow_to_apply: Use [our form](https://c.example/f) please.\n---\nT.\n",
	     "https://c.example/f"},
	    {"---\ntitle: A\nlinks:\n  - title: Website\n    href: https://d.example\n"
	     "  - text: Apply online\n    link: https://d.example/apply\n---\nText.\n",
	     "https://d.example/apply"},
	    {"---\ntitle: A\nlinks: {apply: https://e.example/apply}\n---\nText.\n",
	     "https://e.example/apply"},
	    {"+++\ntitle = 'A'\n[params]\napply_url = 'https://f.example/a'\n+++\nText.\n",
	     "https://f.example/a"},
	    {"+++\ntitle = 'A'\nlinks = [{name = 'Apply', url = 'https://g.example/a'}]\n+++\nT.\n",
	     "https://g.example/a"},
	    /* a link in the text that says apply beats a key that only may */
	    {"---\ntitle: A\nurl: https://a.example/page\n---\n[Apply here](https://h.example/a)\n",
	     "https://h.example/a"},
	    /* a key that names the target beats the text and the JSON-LD */
	    {"---\ntitle: A\napply_url: https://i.example/a\n---\n<script "
	     "type=\"application/ld+json\">"
	     "{\"@type\":\"JobPosting\",\"title\":\"A\",\"url\":\"https://j.example/\"}</"
	     "script>\n\nT.\n",
	     "https://i.example/a"},
	    /* a target with spaces is still a target, not prose */
	    {"---\ntitle: A\napply: \"mailto:crew@h.example?subject=Stage tech\"\n---\nT.\n",
	     "mailto:crew@h.example?subject=Stage%20tech"},
	    /* wrong schemes are never targets */
	    {"---\ntitle: A\nlink: javascript:alert(1)\nemail: not an address\n---\nText.\n", NULL},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		posting_list l;
		posting *p = one(cases[i].in, &l);
		if (cases[i].apply && (!p->apply || strcmp(p->apply, cases[i].apply)))
			fail_msg("case %zu: apply %s, not %s", i, p->apply ? p->apply : "none",
			         cases[i].apply);
		if (!cases[i].apply)
			assert_null(p->apply);
		no_markup(p);
		if (!strstr(cases[i].in, "how_to_apply"))
			assert_null(tu_section(p, "How to apply"));
		posting_list_free(&l);
	}
	/* from an http source: a key beats the source's own address */
	posting_list l;
	posting_list_init(&l);
	const char *t = "---\ntitle: A\nlink: https://k.example/job\n---\nText.\n";
	tu_import_ok(t, strlen(t), "https://site.example/jobs/a.md", &l);
	assert_string_equal(l.items[0]->apply, "https://k.example/job");
	posting_list_free(&l);
	/* how to apply is shown */
	posting *p = one("---\ntitle: A\nhow_to_apply: Send your CV to hr@c.example by May.\n---\n"
	                 "Text.\n",
	                 &l);
	assert_true(tu_contains(p, "Send your CV to hr@c.example by May."));
	posting_list_free(&l);
}

/* JSON-LD in the body or in a front matter value. */
static void test_jsonld(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/md/jsonld-body.md"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/jsonld-body.md", &l);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Glassblower");
	assert_string_equal(p->organization, "Clearwater Glass");
	assert_string_equal(p->apply, "https://glass.example/jobs/glassblower");
	assert_string_equal(p->posted, "2024-03-01");
	assert_true(tu_contains(p, "We are a small studio by the sea."));
	assert_false(tu_contains(p, "@type"));
	posting_list_free(&l);
	free(data);
	data = tu_read(tu_root("tests/data/md/jsonld-fm.md"), &len);
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/jsonld-fm.md", &l);
	p = l.items[0];
	assert_string_equal(p->title, "Beekeeper");
	assert_string_equal(p->apply, "https://hives.example/apply");
	assert_true(tu_contains(p, "Tend forty hives."));
	posting_list_free(&l);
	free(data);
	/* its description stands in for a missing text, beside how to apply */
	p = one("---\ntitle: Join us\nhow_to_apply: Write to bees@h.example please\nschema: "
	        "'{\"@type\": \"JobPosting\", \"title\": \"Beekeeper\", \"description\": "
	        "\"<p>Tend hives.</p>\"}'\n---\n",
	        &l);
	assert_string_equal(p->title, "Beekeeper");
	assert_true(tu_contains(p, "Tend hives."));
	assert_true(tu_contains(p, "Write to bees@h.example please"));
	assert_string_equal(p->apply, "mailto:bees@h.example");
	posting_list_free(&l);
	/* The real posting: its JSON-LD is not valid JSON and still wins. */
	const char *path = tu_fixture("real-world/en-usda-ars-lsh-postdoc-jsonld.md");
	data = tu_read(path, &len);
	posting_list_init(&l);
	tu_import_ok(data, len, path, &l);
	p = l.items[0];
	assert_string_equal(p->title, "Postdoctoral Fellow in locality sensitive hashing for "
	                              "petabyte-scale metagenomic search");
	assert_string_equal(p->apply,
	                    "https://www.zintellect.com/Opportunity/Details/USDA-ARS-2022-0131");
	assert_false(tu_contains(p, "{%"));
	assert_false(tu_contains(p, "{:"));
	assert_true(tu_contains(p, "This position is open until 9/30/2022"));
	no_markup(p);
	posting_list_free(&l);
	free(data);
	/* JSON-LD that cannot be read is skipped with a warning */
	jk_err err;
	tu_warnings w = {0};
	posting_list_init(&l);
	const char *bad =
	    "# Title\n\n<script type=\"application/ld+json\">{\"@type\": [</script>\n\nText.\n";
	assert_int_equal(tu_load(bad, (size_t)-1, "x.md", &l, &err, &w), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Title");
	assert_non_null(strstr(w.last, "JSON-LD"));
	posting_list_free(&l);
}

/* Liquid, shortcodes, kramdown, comments: never on screen. */
static void test_templates(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_root("tests/data/md/templates.md"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "/srv/postings/templates.md", &l);
	const posting *p = l.items[0];
	assert_string_equal(p->apply, "https://lighthouse.example/apply");
	assert_true(tu_contains(p, "Keep the light burning every night."));
	assert_true(tu_contains(p, "Raw braces stay: {x}"));
	assert_true(tu_contains(p, "Storm watches are paid double."));
	assert_true(tu_contains(p, "{: this stays, it is code }"));
	assert_non_null(tu_section(p, "Duties"));
	assert_true(tu_contains(p, "Log the weather"));
	static const char *const never[] = {"{%",     "{{",     "figure", "lamp",
	                                    "secret", "Hidden", "editor", "kramdown",
	                                    "notice", "{: .",   "{#",     "site.url"};
	for (size_t i = 0; i < JK_ARRAY_LEN(never); i++)
		if (tu_contains(p, never[i]))
			fail_msg("\"%s\" reached the posting", never[i]);
	posting_list_free(&l);
	free(data);
	/* unclosed ones are text, and cost linear time */
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "# Unclosed\n\n"), 0);
	for (int i = 0; i < 40000; i++)
		assert_int_equal(jk_buf_puts(&b, "{{ {% {{< {{% {: <!-- {::comment} "), 0);
	assert_int_equal(jk_buf_puts(&b, "\n\nEnd.\n"), 0);
	posting_list_init(&l);
	tu_import_ok(b.data, b.len, "/srv/postings/unclosed.md", &l);
	assert_true(tu_contains(l.items[0], "End."));
	posting_list_free(&l);
	jk_buf_free(&b);
	/* the Liquid in an image's address leaves no text (the real page) */
	const char *path = tu_fixture("real-world/ko-anlab-recruitment.md");
	data = tu_read(path, &len);
	posting_list_init(&l);
	tu_import_ok(data, len, path, &l);
	assert_false(tu_contains(l.items[0], "site.url"));
	assert_false(tu_contains(l.items[0], "{{"));
	no_markup(l.items[0]);
	posting_list_free(&l);
	free(data);
}

/* Markdown, HTML and entities inside front matter values. */
static void test_fm_value_markup(void **state)
{
	(void)state;
	posting_list l;
	posting *p = one("---\ntitle: \"**Senior** R&amp;D<br>Engineer\"\n"
	                 "company: \"[Acme](https://acme.example) &#x26; Sons\"\n"
	                 "location: [\"<i>Oslo</i>\", \"_Remote_\"]\n"
	                 "salary: \"`NOK 600k`\"\n"
	                 "tags: [\"**hot**\", \"snake_case\"]\n---\nText.\n",
	                 &l);
	assert_string_equal(p->title, "Senior R&D Engineer");
	assert_string_equal(p->organization, "Acme & Sons");
	assert_string_equal(p->location, "Oslo, Remote");
	assert_string_equal(p->pay, "NOK 600k");
	assert_string_equal(p->tags[0], "hot");
	assert_string_equal(p->tags[1], "snake_case");
	posting_list_free(&l);
	/* what is not markup stays */
	p = one("---\ntitle: \"5 * 3 = 15 Analyst_v2 \\\\ C:\\\\dir\"\n---\nText.\n", &l);
	assert_string_equal(p->title, "5 * 3 = 15 Analyst_v2 \\ C:\\dir");
	posting_list_free(&l);
	p = one("---\ntitle: \"Clerk {{ site.title }}{% if x %}\"\n---\nText.\n", &l);
	assert_string_equal(p->title, "Clerk");
	posting_list_free(&l);
}

static bool role(const char *t)
{
	return import_names_role(t, strlen(t));
}

/* Which title a posting shows. */
static void test_titles(void **state)
{
	(void)state;
	static const char *const generic[] = {
	    "An Lab - Join", "Team - Join", "Careers at Acme", "Jobs", "Open positions",
	    "Recruitment", "Vacancies", "Stellenangebote", "Join us!",
	    "\xE6\x8E\xA1\xE7\x94\xA8\xE6\x83\x85\xE5\xA0\xB1", /* 採用情報 */
	    "\xEC\xB1\x84\xEC\x9A\xA9",                         /* 채용 */
	    "\xE6\x8B\x9B\xE8\x81\x98",                         /* 招聘 */
	    "\xE6\x8B\x9B\xE5\x8B\x9F/Position",
	    /* what only one of the earlier lists knew, in any case */
	    "Open roles", "Jobs feed", "Vacatures", "Carreiras", "Stellenanzeigen",
	    "Jobb\xC3\xB6rse", "Lediga jobb", "CARRI\xC3\x88RES", "Jobs on Hacker Guild",
	    "Acme \xC2\xBB Careers",
	    "\xD0\x92\xD0\x90\xD0\x9A\xD0\x90\xD0\x9D\xD0\xA1\xD0\x86\xD0\x87", /* ВАКАНСІЇ */
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(generic); i++)
		if (!import_generic_title(generic[i], strlen(generic[i])))
			fail_msg("\"%s\" is a page name", generic[i]);
	static const char *const specific[] = {"Join us as a Data Engineer", "Senior Engineer",
	                                       "Reinigungskraft", "Team Lead", "Journey"};
	for (size_t i = 0; i < JK_ARRAY_LEN(specific); i++)
		if (import_generic_title(specific[i], strlen(specific[i])))
			fail_msg("\"%s\" is not a page name", specific[i]);
	assert_true(role("Postdoctoral researchers"));
	assert_true(role("Reinigungskraft (m/w/d)"));
	assert_true(role("Graduate students"));
	assert_true(role("Wissenschaftliche Mitarbeiterin"));
	/* 박사후 연구원 */
	assert_true(role("\xEB\xB0\x95\xEC\x82\xAC\xED\x9B\x84 "
	                 "\xEC\x97\xB0\xEA\xB5\xAC\xEC\x9B\x90"));
	assert_false(role("Open positions"));
	assert_false(role("Mislead"));
	assert_false(role("Engineering culture"));
	posting_list l;
	/* a generic title yields to the first heading that names a role */
	posting *p = one("---\ntitle: Jobs\n---\n## Open positions\n\nWe grow.\n\n"
	                 "## Senior Bakers\n\nBake.\n\n## Students\n\nLearn.\n",
	                 &l);
	assert_string_equal(p->title, "Senior Bakers");
	assert_non_null(tu_section(p, "Open positions"));
	posting_list_free(&l);
	/* ...and stays when none does */
	p = one("---\ntitle: Careers\n---\n## About us\n\nWe bake.\n", &l);
	assert_string_equal(p->title, "Careers");
	posting_list_free(&l);
	/* a short title yields to the heading that says more, lead-in cut */
	p = one("---\ntitle: Barista\n---\n## We are looking for a Barista (part-time)\n\nBrew.\n",
	        &l);
	assert_string_equal(p->title, "Barista (part-time)");
	assert_null(p->sections[0].heading);
	posting_list_free(&l);
	p = one("---\ntitle: Engineer\n---\n## Senior Engineer (Backend), Oslo\n\nCode.\n", &l);
	assert_string_equal(p->title, "Senior Engineer (Backend), Oslo");
	posting_list_free(&l);
	/* ...but not to a heading that is about something else */
	p = one("---\ntitle: Engineer\n---\n## About the Engineer team\n\nCode.\n", &l);
	assert_string_equal(p->title, "Engineer");
	posting_list_free(&l);
	p = one("---\ntitle: Cook\n---\n## Cooking classes for the team\n\nCode.\n", &l);
	assert_string_equal(p->title, "Cook");
	posting_list_free(&l);
	/* the real pages */
	static const struct {
		const char *file, *title;
	} real[] = {
	    {"real-world/de-tierklinik-reinigungskraft.md",
	     "Reinigungskraft (m/w/d) auf geringf\xC3\xBCgiger Basis"},
	    {"real-world/ko-anlab-recruitment.md", "Postdoctoral researchers"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(real); i++) {
		const char *path = tu_fixture(real[i].file);
		size_t len;
		char *data = tu_read(path, &len);
		posting_list_init(&l);
		tu_import_ok(data, len, path, &l);
		assert_string_equal(l.items[0]->title, real[i].title);
		/* the heading that became the title is shown again only when
		 * the page has several roles (the second) */
		assert_int_equal(tu_section(l.items[0], real[i].title) != NULL, i == 1);
		posting_list_free(&l);
		free(data);
	}
}

/* The role text names after a phrase that hires: want, or none (NULL). */
static void phrase_is(const char *text, const char *want)
{
	char *r = import_role_phrase(text, strlen(text));
	if (want ? !r || strcmp(r, want) : r != NULL)
		fail_msg("\"%s\" gave \"%s\"", text, r ? r : "(none)");
	free(r);
}

/* The one list of each kind of title word: what any of the earlier lists
 * knew is still known, in any case, and near misses are not. */
static void test_title_words(void **state)
{
	(void)state;
	/* the last ones: ИНЖЕНЕР, 박사후연구원 */
	static const char *const roles[] = {
	    "Account Executive",
	    "Cashier",
	    "Backend Developer (m/w/d)",
	    "Ing\xC3\xA9nieur (h/f)",
	    "Reinigungskraft",
	    "Softwareentwicklerinnen",
	    "Sysadmin",
	    "Research Fellowship",
	    "ING\xC3\xA9NIEURE",
	    "\xD0\x98\xD0\x9D\xD0\x96\xD0\x95\xD0\x9D\xD0\x95\xD0\xA0",
	    "\xEB\xB0\x95\xEC\x82\xAC\xED\x9B\x84\xEC\x97\xB0\xEA\xB5\xAC\xEC\x9B\x90"};
	static const char *const no_roles[] = {"Engineering", "Internal tools", "International",
	                                       "Directory",   "Leadership",     "Cooking"};
	for (size_t i = 0; i < JK_ARRAY_LEN(roles) + JK_ARRAY_LEN(no_roles); i++) {
		bool want = i < JK_ARRAY_LEN(roles);
		const char *t = want ? roles[i] : no_roles[i - JK_ARRAY_LEN(roles)];
		if (role(t) != want)
			fail_msg("\"%s\" %s", t, want ? "names a role" : "names no role");
	}
	/* only the n bytes given are read */
	assert_true(import_generic_title("Jobs at Acme: Baker", 12));
	assert_false(import_generic_title("Baker: Jobs", 5));
	/* the role a sentence or a heading names after a phrase that hires */
	phrase_is("Wir suchen eine Reinigungskraft (m/w/d) in Teilzeit.", "Reinigungskraft");
	phrase_is("Nous recrutons un d\xC3\xA9veloppeur pour notre \xC3\xA9quipe.",
	          "D\xC3\xA9veloppeur");
	phrase_is("We're looking for a Head of Engineering to lead us.", "Head of Engineering");
	phrase_is("Wir suchen zum 1. Mai eine Reinigungskraft.", NULL);
	assert_string_equal(import_role_heading("Now hiring: Baker"), "Baker");
	assert_string_equal(import_role_heading("Wir suchen einen Koch"), "Koch");
	assert_string_equal(import_role_heading("About us"), "About us");
	/* a page title's organisation is never the role beside the page name */
	assert_null(import_title_org("Jobs: Software Engineer", NULL));
	char *org = import_title_org("Careers \xC2\xBB Acme", NULL);
	assert_string_equal(org, "Acme");
	free(org);
}

/* A BOM, Windows line ends, decomposed letters, no final newline. */
static void test_encodings(void **state)
{
	(void)state;
	/* "Café" and "Müller" written with combining marks */
	const char *nfd =
	    "\xEF\xBB\xBF---\r\ntitle: Cafe\xCC\x81 Cook\r\ncompany: Mu\xCC\x88ller\r\n"
	    "---\r\n\r\n## Die Ku\xCC\x88"
	    "che\r\n\r\n- Suppe\r\n- Brot";
	posting_list l;
	posting *p = one(nfd, &l);
	assert_string_equal(p->title, "Caf\xC3\xA9 Cook");
	assert_string_equal(p->organization, "M\xC3\xBCller");
	const posting_section *s = tu_section(p, "Die K\xC3\xBC"
	                                         "che");
	assert_non_null(s);
	assert_int_equal(s->nblocks, 2);
	assert_string_equal(s->blocks[1].text, "Brot");
	assert_false(tu_contains(p, "\r"));
	posting_list_free(&l);
	p = one("+++\r\ntitle = \"\"\"\r\nNight\r\nPorter\"\"\"\r\n+++\r\nDoors.", &l);
	assert_string_equal(p->title, "Night Porter");
	assert_true(tu_contains(p, "Doors."));
	posting_list_free(&l);
	/* every text reader composes: plain text too */
	posting_list_init(&l);
	const char *txt = "Sous-chef\n\nCre\xCC\x80me bru\xCC\x82le\xCC\x81"
	                  "e daily.\n";
	tu_import_ok(txt, strlen(txt), "/srv/postings/chef.txt", &l);
	assert_true(tu_contains(l.items[0], "Cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
	                                    "e daily."));
	posting_list_free(&l);
	/* UTF-16 front matter is converted */
	static const char u16[] =
	    "\xFF\xFE-\0-\0-\0\n\0t\0i\0t\0l\0e\0:\0 \0G\0\xE4\0r\0t\0n\0e\0r\0"
	    "\n\0-\0-\0-\0\n\0B\0o\0d\0y\0\n\0";
	jk_err err;
	tu_warnings w = {0};
	posting_list_init(&l);
	assert_int_equal(tu_load(u16, sizeof u16 - 1, "/srv/postings/u16.md", &l, &err, &w), 0);
	assert_string_equal(l.items[0]->title, "G\xC3\xA4rtner");
	posting_list_free(&l);
}

/* Front matter that is empty, broken, huge, binary, deep: one clear line
 * or a posting, never a crash. */
static void test_fm_hostile(void **state)
{
	(void)state;
	posting_list l;
	/* key lines after the fence that are not front matter stay text */
	posting *p = one("---\ntitle: X\n---\nnote: keep me\n\nBody\n", &l);
	assert_true(tu_contains(p, "note: keep me"));
	posting_list_free(&l);
	p = one("---\ntitle: X\n---\nLocation: Berlin\nlayout: post\n\nBody\n", &l);
	assert_true(tu_contains(p, "Location: Berlin"));
	posting_list_free(&l);
	/* left-over lines that do not parse cost only themselves */
	p = one("---\ntitle: X\n---\nlayout: [unclosed\n---\nBody\n", &l);
	assert_string_equal(p->title, "X");
	assert_true(tu_contains(p, "Body"));
	assert_false(tu_contains(p, "layout"));
	posting_list_free(&l);
	assert_string_equal(fails("---\n---\n", (size_t)-1), "front matter only, no posting text");
	assert_string_equal(
	    fails("---\nsections:\n  - design: {x: 1}\nlinks: []\n---\n", (size_t)-1),
	    "front matter only, no posting text");
	assert_string_equal(fails("+++\n[[sections]]\ntitle = 'x'\n", (size_t)-1),
	                    "front matter opened on line 1 never closes");
	/* deep lists of mappings */
	size_t depth = 50000;
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "---\nsections:\n"), 0);
	for (size_t i = 0; i < depth; i++)
		assert_int_equal(jk_buf_puts(&b, "- a: "), 0);
	assert_int_equal(jk_buf_puts(&b, "x\n---\nBody\n"), 0);
	const char *msg = fails(b.data, b.len);
	assert_non_null(strstr(msg, "front matter"));
	b.len = 0;
	assert_int_equal(jk_buf_puts(&b, "+++\nlinks = "), 0);
	for (size_t i = 0; i < depth; i++)
		assert_int_equal(jk_buf_puts(&b, "[{a = "), 0);
	assert_int_equal(jk_buf_puts(&b, "1\ntitle = 'T'\n+++\nBody\n"), 0);
	posting_list_init(&l);
	tu_import_ok(b.data, b.len, "/srv/postings/deep.md", &l);
	posting_list_free(&l);
	/* many sections, more than the entries kept */
	b.len = 0;
	assert_int_equal(jk_buf_puts(&b, "---\ntitle: Many\nsections:\n"), 0);
	for (size_t i = 0; i < 6000; i++)
		assert_int_equal(jk_buf_printf(&b, "  - title: S%zu\n    text: T%zu\n", i, i), 0);
	assert_int_equal(jk_buf_puts(&b, "---\n"), 0);
	posting_list_init(&l);
	tu_import_ok(b.data, b.len, "/srv/postings/many.md", &l);
	assert_true(tu_contains(l.items[0], "T1"));
	posting_list_free(&l);
	/* a huge description value */
	b.len = 0;
	assert_int_equal(jk_buf_puts(&b, "---\ntitle: Huge\ndescription: \""), 0);
	for (size_t i = 0; i < 90000; i++)
		assert_int_equal(jk_buf_puts(&b, "word *x* "), 0);
	assert_int_equal(jk_buf_puts(&b, "\"\n---\n"), 0);
	posting_list_init(&l);
	tu_import_ok(b.data, b.len, "/srv/postings/huge.md", &l);
	assert_true(tu_contains(l.items[0], "word x word"));
	posting_list_free(&l);
	/* binary bytes (no NULs) in values, through the reader directly */
	b.len = 0;
	assert_int_equal(jk_buf_puts(&b, "---\ntitle: \"\x01\x02\xff\xfe\"\nsections:\n"
	                                 "  - text: \"\x80\x81<\xff>&#0;&#xD800;\"\n---\n"),
	                 0);
	jk_err err;
	tu_run_reader(import_markdown, b.data, b.len, "bin.md", &err, NULL);
	jk_buf_free(&b);
}

/* The language the front matter states (lang, language; YAML or TOML),
 * normalised; a value that is no tag is ignored with one warning. */
static void test_language(void **state)
{
	(void)state;
	static const struct {
		const char *doc, *want;
	} cases[] = {
	    {"---\ntitle: Koch\nlang: de-DE\n---\nWir kochen.\n", "de"},
	    {"---\ntitle: X\nlanguage: zh-TW\n---\n\xE6\x88\x91\xE5\x80\x91\n", "zh-Hant"},
	    {"---\ntitle: X\nlanguage: zh_CN\n---\nText\n", "zh-Hans"},
	    {"+++\ntitle = \"X\"\nlang = \"pt_BR\"\n+++\nTexto\n", "pt"},
	    {"---\ntitle: X\nparams:\n  lang: FR\n---\nTexte\n", "fr"},
	    {"---\ntitle: X\nlang: iw\n---\nText\n", "he"},
	    {"---\ntitle: X\n---\nText\n", NULL},
	    {"---\ntitle: X\nlang: und\n---\nText\n", NULL},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		posting_list l;
		tu_warnings w = {0};
		const posting *p = tu_one(cases[i].doc, "/srv/postings/lang.md", &l, &w);
		tu_expect_str(p->language, cases[i].want);
		assert_int_equal(w.n, 0);
		char *json = posting_list_to_json(&l);
		assert_non_null(json);
		assert_int_equal(strstr(json, "\"language\"") != NULL, cases[i].want != NULL);
		free(json);
		posting_list_free(&l);
	}
	/* Hostile values: markup, a word, too long, control characters, a
	 * list. Each is ignored; a scalar that is no tag is named once. */
	static const char *const bad[] = {
	    "---\ntitle: X\nlang: \"<script>alert(1)</script>\"\n---\nText\n",
	    "---\ntitle: X\nlang: English\n---\nText\n",
	    "---\ntitle: X\nlang: "
	    "aa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee-ffffffff-gggggggg-hhhhhhhh-iiiiiiii-"
	    "jjjjjjjj-kkkkkkkk\n---\nText\n",
	    "---\ntitle: X\nlang: \"de\\u0001\"\n---\nText\n",
	    "---\ntitle: X\nlang: \"d\xC3\xA9\"\n---\nText\n",
	    "---\ntitle: X\nlang: de--DE\n---\nText\n",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		posting_list l;
		tu_warnings w = {0};
		const posting *p = tu_one(bad[i], "/srv/postings/lang.md", &l, &w);
		assert_null(p->language);
		assert_int_equal(w.n, 1);
		assert_non_null(strstr(w.last, "is not a language tag"));
		assert_true(strlen(w.last) < 120);
		posting_list_free(&l);
	}
	posting_list l;
	tu_warnings w = {0};
	const posting *p =
	    tu_one("---\ntitle: X\nlang: [de, en]\n---\nText\n", "/srv/x.md", &l, &w);
	assert_null(p->language);
	posting_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_msra_seed),     cmocka_unit_test(test_jekyll_fixture),
	    cmocka_unit_test(test_hugo_fixture),  cmocka_unit_test(test_draft),
	    cmocka_unit_test(test_body),          cmocka_unit_test(test_yaml_fields),
	    cmocka_unit_test(test_yaml_hostile),  cmocka_unit_test(test_direct_hostile),
	    cmocka_unit_test(test_toml),          cmocka_unit_test(test_toml_hostile),
	    cmocka_unit_test(test_hostile_body),  cmocka_unit_test(test_hugo_type),
	    cmocka_unit_test(test_fm_content),    cmocka_unit_test(test_fm_sections),
	    cmocka_unit_test(test_fm_apply_keys), cmocka_unit_test(test_jsonld),
	    cmocka_unit_test(test_templates),     cmocka_unit_test(test_fm_value_markup),
	    cmocka_unit_test(test_titles),        cmocka_unit_test(test_title_words),
	    cmocka_unit_test(test_encodings),     cmocka_unit_test(test_fm_hostile),
	    cmocka_unit_test(test_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
