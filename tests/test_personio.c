/* test_personio.c — Personio's XML positions feed: the documented shape
 * (served by a real HTTP server on 127.0.0.1 and read from a file), and the
 * input a reader must shrug off: empty, truncated, binary, entity bombs,
 * huge, wrongly encoded, not Personio at all. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "fetch.h"
#include "httpd.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What the last import said through its warn callback. */
static tu_warnings warned;

/* import_bytes with source; on failure nothing is appended and err holds
 * one line. */
static int import_src(const char *doc, size_t len, const char *source, posting_list *l, jk_err *err)
{
	warned = (tu_warnings){0};
	return tu_load_checked(doc, len, source, l, err, &warned);
}

static int import_str(const char *doc, posting_list *l, jk_err *err)
{
	return import_src(doc, strlen(doc), "https://acme.jobs.personio.de/xml", l, err);
}

static char *acme(size_t *n)
{
	return tu_read(tu_root("tests/data/personio/acme.xml"), n);
}

/* The documented fields of the first two positions, apply links on site. */
static void check_acme(const posting_list *l, const char *site, const char *company)
{
	char want[300];
	assert_int_equal(l->n, 3);
	const posting *p = l->items[0];
	assert_string_equal(p->title, "Softwareentwickler:in Backend (m/w/d) \xE2\x80\x93 "
	                              "W\xC3\xA4rmepumpen & Speicher");
	assert_string_equal(p->organization, "Nordlicht Energie GmbH"); /* subcompany */
	assert_string_equal(p->location, "Hamburg; Berlin (Remote)");
	assert_string_equal(p->employment, "Full-time, permanent");
	assert_string_equal(p->posted, "2026-03-02");
	assert_string_equal(p->native_id, "1234567");
	snprintf(want, sizeof want, "%s/job/1234567#apply", site);
	assert_string_equal(p->apply, want);
	assert_int_equal(p->ntags, 1);
	assert_string_equal(p->tags[0], "Engineering");
	const posting_section *s = tu_section(p, "Deine Aufgaben");
	assert_non_null(s);
	assert_int_equal(s->nblocks, 2);
	assert_int_equal(s->blocks[1].kind, POSTING_BULLET);
	assert_string_equal(s->blocks[1].text, "Du sorgst f\xC3\xBCr saubere APIs & Tests.");
	assert_non_null(tu_section(p, "Dein Profil"));
	assert_null(tu_section(p, "Was wir bieten")); /* empty: no section */
	assert_false(tu_contains(p, "&nbsp;"));
	assert_false(tu_contains(p, "<p>"));

	p = l->items[1]; /* no subcompany: the company of the host */
	if (company)
		assert_string_equal(p->organization, company);
	else
		assert_null(p->organization);
	assert_string_equal(p->title,
	                    "\xE5\x96\xB6\xE6\xA5\xAD\xE3\x82\xA2\xE3\x82\xB7\xE3\x82\xB9"
	                    "\xE3\x82\xBF\xE3\x83\xB3\xE3\x83\x88\xEF\xBC\x88\xE3\x82\xA4"
	                    "\xE3\x83\xB3\xE3\x82\xBF\xE3\x83\xBC\xE3\x83\xB3\xEF\xBC\x89");
	assert_string_equal(p->location, "\xE6\x9D\xB1\xE4\xBA\xAC");
	assert_string_equal(p->employment, "Part-time, internship");
	assert_string_equal(p->posted, "2026-02-20");
	assert_non_null(tu_section(p, "\xE4\xBB\x95\xE4\xBA\x8B\xE5\x86\x85\xE5\xAE\xB9"));

	p = l->items[2];
	assert_string_equal(p->employment, "Full-time or part-time, working student");
	assert_string_not_equal(l->items[0]->id, l->items[1]->id);
}

static void test_read_with_address(void **state)
{
	(void)state;
	size_t n;
	char *d = acme(&n);
	posting_list l;
	jk_err err;
	assert_int_equal(
	    import_src(d, n, "https://acme.jobs.personio.de/xml?language=de", &l, &err), 0);
	check_acme(&l, "https://acme.jobs.personio.de", "acme");
	assert_int_equal(warned.n, 0);
	posting_list_free(&l);
	/* The .com host works alike; a user name in the address is not copied. */
	assert_int_equal(import_src(d, n, "https://x@acme.jobs.personio.com/xml", &l, &err), 0);
	check_acme(&l, "https://acme.jobs.personio.com", "acme");
	posting_list_free(&l);
	free(d);
}

static void test_read_from_file(void **state)
{
	(void)state;
	size_t n;
	char *d = acme(&n);
	posting_list l;
	jk_err err;
	/* No address: no apply link is invented, and the reader says why. */
	assert_int_equal(import_src(d, n, "acme.xml", &l, &err), 0);
	assert_int_equal(l.n, 3);
	for (size_t i = 0; i < l.n; i++)
		assert_null(l.items[i]->apply);
	assert_null(l.items[1]->organization);
	assert_int_equal(warned.n, 1);
	assert_non_null(strstr(warned.last, "no apply links"));
	posting_list_free(&l);
	free(d);
}

static void serve(const httpd_req *req, httpd_resp *r, void *ud)
{
	const char *xml = ud;
	if (!strcmp(req->path, "/xml")) {
		snprintf(r->headers, sizeof r->headers,
		         "Content-Type: text/xml; charset=utf-8\r\n");
		r->body = xml;
		r->len = strlen(xml);
	} else if (!strncmp(req->path, "/job/", 5)) {
		snprintf(r->headers, sizeof r->headers, "Content-Type: text/html\r\n");
		r->body = "<html><body><form>apply</form></body></html>";
		r->len = strlen(r->body);
	} else {
		r->status = 404;
	}
}

/* Served from a real server: the apply links point at that server, and
 * each of them answers there. */
static void test_served(void **state)
{
	(void)state;
	size_t n;
	char *d = acme(&n);
	jk_err err = {0};
	assert_int_equal(fetch_global_init(&err), 0);
	httpd *srv = httpd_start(serve, d, 20);
	char url[200], site[200];
	snprintf(url, sizeof url, "%s", httpd_url(srv, "/xml"));
	snprintf(site, sizeof site, "http://127.0.0.1:%d", httpd_port(srv));
	fetch_request req = {.url = url, .limits = {.timeout_ms = 5000}};
	fetch_response resp = {0};
	assert_int_equal(fetch_get(&req, &resp, &err), 0);
	posting_list l;
	import_opts o = {.source = url, .content_type = resp.content_type};
	posting_list_init(&l);
	assert_int_equal(import_bytes(resp.body, resp.len, &o, &l, &err), 0);
	fetch_response_free(&resp);
	check_acme(&l, site, NULL); /* no company in an address of numbers */
	for (size_t i = 0; i < l.n; i++) {
		fetch_request job = {.url = l.items[i]->apply, .limits = {.timeout_ms = 5000}};
		fetch_response jr = {0};
		assert_int_equal(fetch_get(&job, &jr, &err), 0);
		assert_int_equal(jr.status, 200);
		fetch_response_free(&jr);
	}
	posting_list_free(&l);
	httpd_stop(srv);
	fetch_global_cleanup();
	free(d);
}

static void test_sniff(void **state)
{
	(void)state;
	const char *doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs/>";
	import_opts o = {.source = "positions"};
	assert_int_equal(import_sniff(doc, strlen(doc), &o), IMPORT_PERSONIO);
	assert_string_equal(import_format_name(IMPORT_PERSONIO), "Personio XML");
	posting_list l;
	jk_err err;
	assert_int_equal(import_str(doc, &l, &err), 0); /* validly empty */
	assert_int_equal(l.n, 0);
	posting_list_free(&l);
	/* A position without a name or text is nothing to show. */
	assert_int_equal(import_str("<workzag-jobs><position><id>1</id></position>"
	                            "<position><id>2</id><name>Koch</name></position>"
	                            "</workzag-jobs>",
	                            &l, &err),
	                 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Koch");
	assert_string_equal(l.items[0]->apply, "https://acme.jobs.personio.de/job/2#apply");
	posting_list_free(&l);
	/* An id that is not a plain word gives no apply link. */
	assert_int_equal(import_str("<workzag-jobs><position><id>1/../../x?y</id><name>A</name>"
	                            "</position></workzag-jobs>",
	                            &l, &err),
	                 0);
	assert_null(l.items[0]->apply);
	posting_list_free(&l);
}

static const char *bomb =
    "<?xml version=\"1.0\"?>\n<!DOCTYPE workzag-jobs [\n <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n]>\n"
    "<workzag-jobs><position><id>1</id><name>Job &lol9;</name><office>&lol9;</office>"
    "<jobDescriptions><jobDescription><name>&lol9;</name><value>&lol9;</value>"
    "</jobDescription></jobDescriptions></position></workzag-jobs>";

static void test_hostile_entities(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	clock_t t0 = clock();
	int r = import_str(bomb, &l, &err);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
	if (r == 0)
		for (size_t k = 0; k < l.n; k++)
			assert_false(tu_contains(l.items[k], "lollol"));
	else
		assert_non_null(strstr(err.msg, "entity"));
	posting_list_free(&l);
	/* External entities and DTDs are never loaded. */
	const char *xxe =
	    "<?xml version=\"1.0\"?><!DOCTYPE workzag-jobs [<!ENTITY x SYSTEM "
	    "\"file:///etc/passwd\">]><workzag-jobs><position><id>1</id><name>Leak &x;</name>"
	    "</position></workzag-jobs>";
	if (import_str(xxe, &l, &err) == 0) {
		assert_int_equal(l.n, 1);
		assert_false(tu_contains(l.items[0], "root:"));
	}
	posting_list_free(&l);
	/* HTML entities in element text (a sloppy feed) are text, not errors. */
	assert_int_equal(import_str("<workzag-jobs><position><id>3</id><name>Koch&nbsp;&amp;"
	                            "&nbsp;K\xC3\xBC"
	                            "chenhilfe</name></position></workzag-jobs>",
	                            &l, &err),
	                 0);
	assert_string_equal(l.items[0]->title, "Koch & K\xC3\xBC"
	                                       "chenhilfe");
	posting_list_free(&l);
}

static void test_empty_truncated_binary(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	assert_int_equal(import_src("", 0, "acme.xml", &l, &err) < 0, true);
	assert_int_equal(import_src("  \n ", 4, "acme.xml", &l, &err) < 0, true);
	/* Not Personio: one line naming what it is. */
	import_opts o = {.source = "x.xml"};
	posting_list_init(&l);
	assert_int_equal(import_personio("<rss version=\"2.0\"/>", 20, &o, &l, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "not a Personio positions feed (root <rss>)"));
	assert_int_equal(import_personio("<workzag-jobs", 13, &o, &l, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "not a readable Personio feed"));
	assert_int_equal(import_personio("no xml here", 11, &o, &l, &err), JK_EFORMAT);
	posting_list_free(&l);

	/* Cut anywhere: an error, or the positions that survived with a
	 * warning; never a crash. */
	size_t n;
	char *d = acme(&n);
	for (size_t cut = 1; cut < n; cut += 37) {
		char *t = jk_strndup(d, cut);
		if (import_src(t, cut, "https://acme.jobs.personio.de/xml", &l, &err) == 0 &&
		    cut < n - 20 && l.n)
			assert_non_null(strstr(warned.last, "not well-formed"));
		posting_list_free(&l);
		free(t);
	}
	free(d);

	/* Binary after a Personio start, and a PNG. */
	char junk[4096] = "<workzag-jobs><position><name>";
	for (size_t i = 30; i < sizeof junk - 1; i++)
		junk[i] = (char)(1 + (i * 131) % 254);
	junk[sizeof junk - 1] = '\0';
	import_str(junk, &l, &err);
	posting_list_free(&l);
	const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR<workzag-jobs>";
	assert_true(import_src(png, sizeof png - 1, "x.xml", &l, &err) < 0);
	posting_list_free(&l);
}

static void test_huge_deep_encoding(void **state)
{
	(void)state;
	/* 6 MB of positions: read up to the postings cap, one warning. */
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "<workzag-jobs>"), 0);
	for (int i = 0; b.len < (6u << 20); i++)
		assert_int_equal(
		    jk_buf_printf(&b,
		                  "<position><id>%d</id><name>Job %d</name>"
		                  "<jobDescriptions><jobDescription><name>A</name><value>"
		                  "<![CDATA[<p>%0700d</p>]]></value></jobDescription>"
		                  "</jobDescriptions></position>\n",
		                  i, i, i),
		    0);
	assert_int_equal(jk_buf_puts(&b, "</workzag-jobs>"), 0);
	posting_list l;
	jk_err err;
	assert_int_equal(import_str(b.data, &l, &err), 0);
	assert_int_equal(l.n, 5000);
	assert_int_equal(warned.n, 1);
	posting_list_free(&l);
	/* Over the readers' 16 MB cap: refused in one line. */
	char *pad = malloc(1 << 20);
	memset(pad, ' ', 1 << 20);
	while (b.len <= IMPORT_MAX_BYTES)
		assert_int_equal(jk_buf_append(&b, pad, 1 << 20), 0);
	free(pad);
	assert_true(import_src(b.data, b.len, "x.xml", &l, &err) < 0);
	assert_non_null(strstr(err.msg, "large"));
	jk_buf_free(&b);

	/* Nested 100,000 deep: libxml2's limit, a clear reason. */
	assert_int_equal(jk_buf_puts(&b, "<workzag-jobs><position><name>x</name>"), 0);
	for (int i = 0; i < 100000; i++)
		assert_int_equal(jk_buf_puts(&b, "<a>"), 0);
	assert_int_equal(import_str(b.data, &l, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "nested more than 256 levels deep"));
	jk_buf_free(&b);

	/* Latin-1 bytes in a feed that says UTF-8: valid UTF-8 out. */
	const char *latin = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workzag-jobs><position>"
	                    "<id>1</id><name>K\xFC"
	                    "chenhilfe \xFF</name></position></workzag-jobs>";
	assert_int_equal(import_str(latin, &l, &err), 0);
	assert_true(jk_utf8_valid(l.items[0]->title, strlen(l.items[0]->title)));
	assert_non_null(strstr(l.items[0]->title, "K\xC3\xBC"));
	posting_list_free(&l);
	/* A declared Latin-1 feed is converted once. */
	const char *decl = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><workzag-jobs>"
	                   "<position><id>1</id><name>B\xE4"
	                   "cker</name></position></workzag-jobs>";
	assert_int_equal(import_str(decl, &l, &err), 0);
	assert_string_equal(l.items[0]->title, "B\xC3\xA4"
	                                       "cker");
	posting_list_free(&l);
	/* UTF-16 with a BOM. */
	const char *u8 = "<workzag-jobs><position><id>1</id><name>Koch</name></position>"
	                 "</workzag-jobs>";
	size_t k = strlen(u8);
	char *u16 = malloc(2 * k + 2);
	u16[0] = '\xFF', u16[1] = '\xFE';
	for (size_t i = 0; i < k; i++)
		u16[2 + 2 * i] = u8[i], u16[3 + 2 * i] = 0;
	assert_int_equal(import_src(u16, 2 * k + 2, "x.xml", &l, &err), 0);
	assert_string_equal(l.items[0]->title, "Koch");
	posting_list_free(&l);
	free(u16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_with_address),
	    cmocka_unit_test(test_read_from_file),
	    cmocka_unit_test(test_served),
	    cmocka_unit_test(test_sniff),
	    cmocka_unit_test(test_hostile_entities),
	    cmocka_unit_test(test_empty_truncated_binary),
	    cmocka_unit_test(test_huge_deep_encoding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
