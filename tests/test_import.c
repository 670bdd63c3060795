/* The import front door: sniffing, size/binary/encoding checks, finishing. */
#include "testutil.h"

#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	int calls;
	char last[256];
} warns;

static void on_warn(void *ud, const char *source, const char *msg)
{
	warns *w = ud;
	w->calls++;
	snprintf(w->last, sizeof w->last, "%s: %s", source, msg);
}

static import_format sniff(const char *data, const char *source)
{
	import_opts o = {.source = source};
	return import_sniff(data, strlen(data), &o);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(sniff("---\ntitle: x\n---\nbody", "a.txt"), IMPORT_MARKDOWN);
	assert_int_equal(sniff("+++\ntitle = 'x'\n+++\n", NULL), IMPORT_MARKDOWN);
	assert_int_equal(sniff("\n\n<p>hi</p>", "page"), IMPORT_HTML);
	assert_int_equal(sniff("<p>a</p>\t<p>b</p>\n---\t---\n<p>c</p>", "x.html"), IMPORT_GRID);
	assert_int_equal(sniff("<?xml version='1.0'?><rss version='2.0'>", "feed.xml"), IMPORT_RSS);
	assert_int_equal(sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "f.xml"),
	                 IMPORT_ATOM);
	assert_int_equal(sniff("{\"jobs\":[{\"absolute_url\":\"https://x\"}]}", "b.json"),
	                 IMPORT_GREENHOUSE);
	assert_int_equal(sniff("{\"id\":7,\"title\":\"Eng\",\"absolute_url\":\"https://x\"}", NULL),
	                 IMPORT_GREENHOUSE);
	assert_int_equal(sniff("[{\"text\":\"Eng\",\"hostedUrl\":\"https://x\"}]", NULL),
	                 IMPORT_LEVER);
	assert_int_equal(sniff("{\"version\":\"https://jsonfeed.org/version/1.1\"}", NULL),
	                 IMPORT_JSONFEED);
	assert_int_equal(sniff("{\"@type\":\"JobPosting\"}", "x.json"), IMPORT_JSONLD);
	/* Content wins over a misleading extension. */
	assert_int_equal(sniff("{\"@type\":\"JobPosting\"}", "x.md"), IMPORT_JSONLD);
	assert_int_equal(sniff("# Engineer\n\nWe build.", NULL), IMPORT_MARKDOWN);
	assert_int_equal(sniff("Engineer\n\nWe build things.", NULL), IMPORT_TEXT);
	assert_int_equal(sniff("Engineer", "job.txt"), IMPORT_TEXT);
	assert_int_equal(sniff("   ", NULL), IMPORT_UNKNOWN);
	assert_string_equal(import_format_name(IMPORT_GREENHOUSE), "Greenhouse JSON");
}

static int import_err(const char *data, size_t len, jk_err *err)
{
	posting_list l;
	posting_list_init(&l);
	import_opts o = {.source = "in.md"};
	int r = import_bytes(data, len, &o, &l, err);
	assert_int_equal(l.n, 0);
	posting_list_free(&l);
	return r;
}

static void test_rejects(void **state)
{
	(void)state;
	jk_err err = {0};
	assert_int_equal(import_err("", 0, &err), JK_EEMPTY);
	assert_non_null(strstr(err.msg, "empty"));
	assert_int_equal(import_err(" \n\t\r\n", 5, &err), JK_EEMPTY);
	assert_int_equal(import_err("%PDF-1.7\n....", 13, &err), JK_EBINARY);
	assert_non_null(strstr(err.msg, "PDF"));
	assert_int_equal(import_err("PK\3\4abc", 7, &err), JK_EBINARY);
	assert_int_equal(import_err("abc\0def", 7, &err), JK_EBINARY);
	char ctl[200];
	for (size_t i = 0; i < sizeof ctl; i++)
		ctl[i] = (char)(1 + i % 7);
	assert_int_equal(import_err(ctl, sizeof ctl, &err), JK_EBINARY);

	size_t big = IMPORT_MAX_BYTES + 1;
	char *huge = malloc(big);
	memset(huge, 'a', big);
	assert_int_equal(import_err(huge, big, &err), JK_ETOOBIG);
	assert_non_null(strstr(err.msg, "too large"));
	free(huge);
	/* Messages stay on one line whatever the input. */
	assert_null(strchr(err.msg, '\n'));
}

static void test_random_bytes_never_crash(void **state)
{
	(void)state;
	/* Every format's sniff prefix followed by noise, through the dispatcher. */
	static const char *const heads[] = {"---\n", "+++\n",
	                                    "{",     "[",
	                                    "<rss>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
	                                    "<p>",   "# ",
	                                    "",      "<p>a</p>\t<p>b</p>\n--\t--\n"};
	unsigned seed = 12345;
	for (size_t h = 0; h < JK_ARRAY_LEN(heads); h++) {
		for (int round = 0; round < 30; round++) {
			char buf[600];
			size_t hl = strlen(heads[h]);
			memcpy(buf, heads[h], hl);
			size_t n = hl + (size_t)(round * 17 % 500);
			for (size_t i = hl; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				/* Printable-heavy noise with structure characters. */
				static const char alphabet[] =
				    "abc<>/\"'{}[]:,-#*\n\t &;=\\\xC3\xA9\xFF";
				buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
			}
			posting_list l;
			posting_list_init(&l);
			jk_err err = {0};
			import_opts o = {.source = "noise"};
			(void)import_bytes(buf, n, &o, &l, &err);
			for (size_t i = 0; i < l.n; i++) {
				assert_non_null(l.items[i]->title);
				assert_non_null(l.items[i]->id);
			}
			posting_list_free(&l);
		}
	}
}

static void test_encodings(void **state)
{
	(void)state;
	/* Windows-1252 text: converted, with a warning naming the source. */
	const char latin[] = "Caf\xE9 manager\n\nRun the caf\xE9 \x96 \x93"
	                     "daily\x94.\n";
	warns w = {0};
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	import_opts o = {.source = "latin.txt", .warn = on_warn, .ud = &w};
	int r = import_bytes(latin, sizeof latin - 1, &o, &l, &err);
	assert_int_equal(w.calls, 1);
	assert_non_null(strstr(w.last, "latin.txt"));
	assert_non_null(strstr(w.last, "Windows-1252"));
	assert_int_equal(r, 0);
	assert_int_equal(l.n, 1);
	assert_true(jk_utf8_valid(l.items[0]->title, strlen(l.items[0]->title)));
	assert_non_null(strstr(l.items[0]->title, "Caf\xC3\xA9"));
	posting_list_free(&l);

	/* A declared charset is honoured. */
	const char decl[] =
	    "<html><head><meta charset=\"iso-8859-15\"><title>Ing\xE9nieur \xA4</title></head>"
	    "<body><h1>Ing\xE9nieur \xA4</h1><p>Paris</p></body></html>";
	w.calls = 0;
	posting_list_init(&l);
	o.source = "decl.html";
	r = import_bytes(decl, sizeof decl - 1, &o, &l, &err);
	assert_int_equal(w.calls, 1);
	assert_non_null(strstr(w.last, "iso-8859-15"));
	assert_int_equal(r, 0);
	assert_int_equal(l.n, 1);
	assert_non_null(strstr(l.items[0]->title, "Ing\xC3\xA9nieur \xE2\x82\xAC"));
	posting_list_free(&l);

	/* UTF-16 with a BOM (Notepad's "Unicode"). */
	const char *ascii = "Data engineer\n\nWe move data.\n";
	size_t n = strlen(ascii);
	char *u16 = malloc(2 + 2 * n);
	u16[0] = (char)0xFF, u16[1] = (char)0xFE;
	for (size_t i = 0; i < n; i++)
		u16[2 + 2 * i] = ascii[i], u16[3 + 2 * i] = 0;
	posting_list_init(&l);
	o.source = "u16.txt";
	w.calls = 0;
	r = import_bytes(u16, 2 + 2 * n, &o, &l, &err);
	assert_int_equal(r, 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Data engineer");
	posting_list_free(&l);
	free(u16);
}

static void test_finish_sets_source_title_id(void **state)
{
	(void)state;
	const char doc[] = "Lab technician\n\nKeep the lab running.\n";
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(doc, sizeof doc - 1, "/media/usb/lab-tech.txt", &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->source, "/media/usb/lab-tech.txt");
	assert_non_null(l.items[0]->id);
	assert_non_null(l.items[0]->title);
	/* The same bytes from the same source give the same id. */
	posting_list m;
	posting_list_init(&m);
	tu_import_ok(doc, sizeof doc - 1, "/media/usb/lab-tech.txt", &m);
	assert_string_equal(l.items[0]->id, m.items[0]->id);
	posting_list_free(&l);
	posting_list_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sniff),
	    cmocka_unit_test(test_rejects),
	    cmocka_unit_test(test_random_bytes_never_crash),
	    cmocka_unit_test(test_encodings),
	    cmocka_unit_test(test_finish_sets_source_title_id),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
