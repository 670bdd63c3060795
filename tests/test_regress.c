/* test_regress.c — every input the fuzzers in fuzz/ found that crashed,
 * leaked or broke a contract, fed back byte for byte through the same door
 * it came in by. Each case says what went wrong and where it was mended. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "config.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Imports data as source; asserts the contract either way: on success every
 * posting has an id, a title and valid UTF-8; on failure nothing is appended
 * and the message is one line. Returns the status; *out keeps the list. */
static int import_as(const char *data, size_t len, const char *source, posting_list *out,
                     jk_err *err)
{
	posting_list_init(out);
	import_opts o = {.source = source};
	memset(err, 0, sizeof *err);
	int r = import_bytes(data, len, &o, out, err);
	if (r) {
		assert_int_equal(out->n, 0);
		assert_true(err->msg[0] != '\0');
		assert_null(strchr(err->msg, '\n'));
	}
	for (size_t i = 0; i < out->n; i++) {
		const posting *p = out->items[i];
		assert_non_null(p->id);
		assert_non_null(p->title);
		assert_true(jk_utf8_valid(p->title, strlen(p->title)));
		if (p->apply)
			assert_true(!strncmp(p->apply, "http", 4) ||
			            !strncmp(p->apply, "mailto:", 7));
	}
	char *json = posting_list_to_json(out);
	assert_non_null(json);
	free(json);
	return r;
}

/* HTML whose first element opens a block before any section: cur_block()
 * indexed a NULL sections array (UBSan: zero offset applied to a null
 * pointer). Every reader with an HTML body reached it. hblocks.c. */
static void test_html_block_before_section(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	assert_int_equal(import_as("<li>x", 5, "x.html", &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->sections[0].blocks[0].text, "x");
	posting_list_free(&l);
	/* An empty JSON-LD script in a page: the fuzzer's first input. */
	static const char page[] = "<html><head><script type=\"application/ld+json\"></script>"
	                           "</head><body><p>Body</p></body></html>";
	assert_int_equal(import_as(page, sizeof page - 1, "job.html", &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_true(tu_contains(l.items[0], "Body"));
	posting_list_free(&l);
}

/* An Atom feed-level <link> with a rel other than "alternate": the test for
 * rel leaked the attribute's value (LeakSanitizer, 64 bytes per link).
 * feed.c. The first input is the fuzzer's, minimised; the second the same
 * shape in a well-formed feed. */
static void test_atom_link_rel_leak(void **state)
{
	(void)state;
	posting_list l;
	jk_err err;
	static const char cut[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"";
	assert_int_equal(import_as(cut, sizeof cut - 1, "feed.atom", &l, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "not a readable feed"));
	posting_list_free(&l);
	static const char feed[] =
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Jobs at Acme</title>"
	    "<link rel=\"enclosure\" href=\"https://acme.example/logo.png\"/>"
	    "<link rel=\"hub\" href=\"https://hub.example/\"/>"
	    "<link href=\"https://acme.example/jobs\"/>"
	    "<entry><title>Welder</title><id>w1</id><content>Join us.</content></entry></feed>";
	assert_int_equal(import_as(feed, sizeof feed - 1, "feed.atom", &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->title, "Welder");
	assert_string_equal(l.items[0]->apply, "https://acme.example/jobs");
	posting_list_free(&l);
}

/* A base URL with stray Latin-1 bytes in its host resolved to an "apply
 * target" that was not valid UTF-8 (fuzz/apply.c contract check). Such a
 * target opens on no phone: it is refused. apply.c. */
static void test_apply_base_invalid_utf8(void **state)
{
	(void)state;
	static const char base[] = "https://j\xe7\xe7\xe7obs.example.org/careers/data-engineer";
	assert_null(import_url_accept("/Click?job=42", base));
	assert_null(import_url_accept(base, NULL));
	char *ok = import_url_accept("/Click?job=42", "https://jobs.example.org/careers/x");
	assert_string_equal(ok, "https://jobs.example.org/Click?job=42");
	free(ok);
	/* Through a reader: the posting keeps no unusable target. */
	posting_list l;
	jk_err err;
	static const char text[] = "Data Engineer\n\nApply here: /Click?job=42\n";
	assert_int_equal(import_as(text, sizeof text - 1, base, &l, &err), 0);
	assert_int_equal(l.n, 1);
	posting_list_free(&l);
}

/* A host with a no-break space (here a Windows-1252 0xA0 in a Breezy
 * position's url) passed the host check, which looked at bytes only; the
 * posting's cleaning then made it a plain space, and the apply target held
 * one (fuzz/breezy.c contract check). apply.c now refuses any URL with a
 * space, control or invisible character, also beyond ASCII. */
static void test_apply_host_nbsp(void **state)
{
	(void)state;
	assert_null(import_url_accept("https://acme.bree\xC2\xA0zy.hr/p/1", NULL));
	assert_null(import_url_accept("https://acme\xE2\x80\x8B.example/p/1", NULL));
	assert_null(import_url_accept("https://us\xC2\xA0"
	                              "er@acme.example/p/1",
	                              NULL));
	char *ok = import_url_accept("https://b\xC3\xBC"
	                             "cher.example/p/1",
	                             NULL);
	assert_non_null(ok); /* a name beyond ASCII is still a name */
	free(ok);
	static const char doc[] = "[{\"id\":\"1\",\"friendly_id\":\"1-a\",\"name\":\"A\","
	                          "\"published_date\":\"2026-01-01\","
	                          "\"url\":\"https://a%me.breez\xCD\xCD\xA0\xCDy.hr/p/1-a\"}]";
	posting_list l;
	jk_err err;
	assert_int_equal(import_as(doc, sizeof doc - 1, "board.json", &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_null(l.items[0]->apply);
	assert_null(l.items[0]->detail);
	posting_list_free(&l);
}

/* An XML root name cut by "%.40s" in the middle of a character made the
 * error message invalid UTF-8 (fuzz contract check). jk_fail() now keeps
 * every message valid UTF-8. jk.c. First the front door's input (name
 * byte 0x80: an https URL; then Windows-1252 bytes read as text), then the
 * feed reader's (the harness reads it as Windows-1252 too). */
static void assert_msg_utf8(const jk_err *err)
{
	assert_true(err->msg[0] != '\0');
	assert_true(jk_utf8_valid(err->msg, strlen(err->msg)));
	assert_null(strchr(err->msg, '\n'));
}

static void test_error_message_cut_in_a_character(void **state)
{
	(void)state;
	static const char in[] = "<rss\x80\x80\xff\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80";
	posting_list l;
	jk_err err;
	assert_int_equal(
	    import_as(in, sizeof in - 1, "https://jobs.example.org/careers/engineer", &l, &err),
	    JK_EFORMAT);
	assert_non_null(strstr(err.msg, "not an RSS or Atom feed"));
	assert_msg_utf8(&err);
	posting_list_free(&l);

	static const char feed[] = "<\xfe\xff\xed\xed\xed\x80\xed\xed\x80\xed\xed\xed\xed\x80"
	                           "\xed\xed\xed\xed\xed";
	char *u = jk_cp1252_to_utf8(feed, sizeof feed - 1);
	assert_non_null(u);
	posting_list_init(&l);
	import_opts o = {.source = "https://jobs.example.org/feed.xml"};
	memset(&err, 0, sizeof err);
	assert_true(import_feed(u, strlen(u), &o, &l, &err) < 0);
	assert_int_equal(l.n, 0);
	assert_msg_utf8(&err);
	free(u);

	/* A message cut at its 255th byte inside a character. */
	char name[300];
	memset(name, 'a', sizeof name);
	for (size_t i = 0; i + 2 < sizeof name; i += 2)
		memcpy(name + i, "\xc3\xa9", 2);
	for (int shift = 0; shift < 4; shift++) {
		jk_fail(&err, JK_EFORMAT, "%.*s%.*s", shift, "xyz", 290, name);
		assert_msg_utf8(&err);
		assert_true(strlen(err.msg) >= sizeof err.msg - 4);
	}
}

/* A header whose blank before ';' is a Unicode space (U+2009) is cleaned
 * to an ASCII blank; config_print wrote "We ; x", which reads back as "We"
 * and a comment (fuzz/config.c round-trip check). The blank is now written
 * as U+00A0, which the header's cleaning reads back as the same setting.
 * config.c. The fuzzer's bytes, then the shortest case. */
static void assert_config_round_trip(const char *text, size_t n, const char *want_header)
{
	config a, b;
	config_init(&a);
	config_init(&b);
	jk_err err = {0};
	assert_int_equal(config_parse_buffer(&a, "in.conf", text, n, &err), 0);
	if (want_header)
		assert_string_equal(a.header, want_header);
	char *p = NULL;
	size_t pn = 0;
	FILE *f = open_memstream(&p, &pn);
	assert_non_null(f);
	config_print(&a, f);
	fclose(f);
	assert_int_equal(config_parse_buffer(&b, "printed.conf", p, pn, &err), 0);
	assert_non_null(b.header);
	assert_string_equal(a.header, b.header);
	free(p);
	config_free(&a);
	config_free(&b);
}

static void test_config_header_semicolon_round_trip(void **state)
{
	(void)state;
	static const char fuzzed[] =
	    "# j:.tes\n# mce A eeneen = off\naccent_color = #FF8798\nheader = filter_em"
	    "\xc2\xb7 We\xef\xbb\xbf\xe2\x80\x99re hirinulls:creen = off\naccent_color = "
	    "#FF8800\nheader = filter_em\xc2\xb7 lor = #Fer = filter_em\xc2\xb7 We\xef"
	    "\xbb\xbf\xe2\x80\x89; expectedre hiri hirinr b+iosk= 5";
	assert_config_round_trip(fuzzed, sizeof fuzzed - 1, NULL);
	static const char shortest[] = "header = We\xe2\x80\x89; hire\n";
	assert_config_round_trip(shortest, sizeof shortest - 1, "We ; hire");
}

static void keep_warning(void *ud, const char *source, const char *msg)
{
	(void)source;
	snprintf(ud, 300, "%s", msg);
	assert_null(strchr(msg, '\n'));
	assert_true(jk_utf8_valid(msg, strlen(msg)));
}

/* A feed (a mutated samples/ feed) with a comment left open: libxml2's
 * error quotes the comment, line breaks and all, and the "read what could
 * be recovered" warning passed it on as more than one line. support.c
 * (import_warnf makes every warning one line). */
static void test_feed_warning_one_line(void **state)
{
	(void)state;
	size_t n;
	char *feed = tu_read(tu_root("tests/data/regress/feed-comment-open-warning.xml"), &n);
	char seen[300] = "";
	posting_list l;
	posting_list_init(&l);
	import_opts o = {.source = "feed.xml", .warn = keep_warning, .ud = seen};
	jk_err err = {0};
	assert_int_equal(import_bytes(feed, n, &o, &l, &err), 0);
	assert_non_null(strstr(seen, "Comment not terminated"));
	posting_list_free(&l);
	free(feed);
}

/* reStructuredText that ends in the middle of a construct, read from a
 * buffer with no NUL after it: the substitution definition's " replace::"
 * was searched for with a string function and read past the end (ASan:
 * heap-buffer-overflow in rst_collect); a closing "``" compared two bytes
 * where one was left. rst_inline.c, and the directive names of import.c's
 * sniffing, now stay inside the length they are given. */
static void test_rst_end_of_buffer(void **state)
{
	(void)state;
	static const char *const tails[] = {"Title\n=====\n\n.. |x|", "Title\n=====\n\nx `",
	                                    "Title\n=====\n\nx *", "x\n\n.. note"};
	for (size_t i = 0; i < JK_ARRAY_LEN(tails); i++) {
		size_t n = strlen(tails[i]);
		char *exact = malloc(n);
		assert_non_null(exact);
		memcpy(exact, tails[i], n);
		posting_list l;
		jk_err err;
		import_as(exact, n, "post.rst", &l, &err);
		posting_list_free(&l);
		import_as(exact, n, NULL, &l, &err);
		posting_list_free(&l);
		free(exact);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_html_block_before_section),
	    cmocka_unit_test(test_atom_link_rel_leak),
	    cmocka_unit_test(test_apply_base_invalid_utf8),
	    cmocka_unit_test(test_apply_host_nbsp),
	    cmocka_unit_test(test_error_message_cut_in_a_character),
	    cmocka_unit_test(test_config_header_semicolon_round_trip),
	    cmocka_unit_test(test_feed_warning_one_line),
	    cmocka_unit_test(test_rst_end_of_buffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
