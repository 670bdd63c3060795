/* test_deck.c — which postings are shown and in which order: filters,
 * expiry with the clock guard, the three orders, the default apply target. */
#include "testutil.h"

#include "deck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A posting with the given fields (NULL leaves one out), a body paragraph
 * and tags from a NULL-terminated list. */
static posting *mk(const char *title, const char *employment, const char *posted,
                   const char *expires, const char *apply)
{
	posting *p = posting_new();
	assert_non_null(p);
	assert_int_equal(posting_set(&p->title, title, (size_t)-1), 0);
	assert_int_equal(posting_set(&p->employment, employment, (size_t)-1), 0);
	assert_int_equal(posting_set(&p->posted, posted, (size_t)-1), 0);
	assert_int_equal(posting_set(&p->expires, expires, (size_t)-1), 0);
	assert_int_equal(posting_set(&p->apply, apply, (size_t)-1), 0);
	return p;
}

static void body(posting *p, const char *heading, const char *text)
{
	posting_section *s = posting_add_section(p, heading);
	assert_non_null(s);
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	assert_non_null(b);
	assert_int_equal(posting_block_append(b, text, (size_t)-1, 0), 0);
}

static void push(posting_list *l, posting *p)
{
	assert_int_equal(posting_list_push(l, p), 0);
}

/* The titles of l joined with '|', for one-line comparisons. */
static const char *titles(const posting_list *l)
{
	static char out[4096];
	size_t o = 0;
	out[0] = '\0';
	for (size_t i = 0; i < l->n && o < sizeof out; i++)
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", i ? "|" : "",
		                      l->items[i]->title ? l->items[i]->title : "-");
	return out;
}

/* Local noon of a date in the zone the test runs in. */
static time_t noon(int y, int m, int d)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	time_t t = mktime(&tm);
	assert_true(t != (time_t)-1);
	return t;
}

static deck_opts opts(void)
{
	deck_opts o = {0};
	o.hide_expired = true;
	return o;
}

/* Runs deck_apply on a fresh copy of a list built by build(), returning the
 * titles shown. */
static const char *run(void (*build)(posting_list *), const deck_opts *o, time_t now,
                       deck_report *rep)
{
	posting_list l;
	posting_list_init(&l);
	build(&l);
	jk_err err = {0};
	assert_int_equal(deck_apply(&l, o, now, rep, &err), 0);
	const char *t = titles(&l);
	posting_list_free(&l);
	return t;
}

/* Filters ----------------------------------------------------------------- */

static void build_jobs(posting_list *l)
{
	posting *p = mk("Senior Rust, Go engineer", "Full-time", NULL, NULL, NULL);
	posting_add_tag(p, "Rust");
	posting_add_tag(p, "backend");
	posting_set(&p->location, "Z\xC3\x9CRICH", (size_t)-1);
	body(p, "About", "Trust us, you will like the team.");
	push(l, p);

	p = mk("Trust officer", "Part-time", NULL, NULL, NULL);
	posting_add_tag(p, "finance");
	posting_set(&p->organization, "Harbor Bank", (size_t)-1);
	body(p, "Duties", "Keep trustworthy records.");
	push(l, p);

	p = mk("Data intern", "Internship (hybrid)", NULL, NULL, NULL);
	posting_add_tag(p, "DATA");
	posting_set(&p->location, "M\xC3\xBCnchen", (size_t)-1);
	body(p, "Machine learning", "Work on pipelines in Python.");
	push(l, p);

	p = mk("\xCE\x9C\xCE\xB7\xCF\x87\xCE\xB1\xCE\xBD\xCE\xB9\xCE\xBA\xCF\x8C\xCF\x82", NULL,
	       NULL, NULL, NULL); /* Μηχανικός */
	posting_set(&p->location, "\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91",
	            (size_t)-1); /* ΑΘΗΝΑ */
	push(l, p);

	p = mk("\xD0\x98\xD0\xBD\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB5\xD1\x80", "Full-time", NULL, NULL,
	       NULL); /* Инженер */
	posting_set(&p->location, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
	            (size_t)-1); /* Москва */
	push(l, p);

	p = mk("\xE8\xBD\xAF\xE4\xBB\xB6\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB8\x88", NULL, NULL, NULL,
	       NULL); /* 软件工程师 */
	posting_set(&p->organization, "C++ Works \xC5\x81\xC3\xB3\x64\xC5\xBA", (size_t)-1);
	push(l, p);
}

#define GREEK "\xCE\x9C\xCE\xB7\xCF\x87\xCE\xB1\xCE\xBD\xCE\xB9\xCE\xBA\xCF\x8C\xCF\x82"
#define CYR "\xD0\x98\xD0\xBD\xD0\xB6\xD0\xB5\xD0\xBD\xD0\xB5\xD1\x80"
#define CJK "\xE8\xBD\xAF\xE4\xBB\xB6\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB8\x88"

static const char *filter_run(const char *kind, char **words, size_t n, deck_report *rep)
{
	deck_opts o = opts();
	deck_words w = {words, n};
	if (!strcmp(kind, "tag"))
		o.tags = w;
	else if (!strcmp(kind, "emp"))
		o.employment = w;
	else
		o.keywords = w;
	return run(build_jobs, &o, noon(2025, 6, 10), rep);
}

#define FILTER(kind, want, ...)                                                                    \
	do {                                                                                       \
		char *w_[] = {__VA_ARGS__};                                                        \
		const char *got_ = filter_run(kind, w_, JK_ARRAY_LEN(w_), NULL);                   \
		if (strcmp(got_, want))                                                            \
			fail_msg("%s %s: got \"%s\", wanted \"%s\"", kind, #__VA_ARGS__, got_,     \
			         want);                                                            \
	} while (0)

static void test_tags(void **state)
{
	(void)state;
	FILTER("tag", "Senior Rust, Go engineer", "rust");
	FILTER("tag", "Senior Rust, Go engineer", "RUST");
	FILTER("tag", "Data intern", "data");
	/* Equal, not contained: "back" is not "backend". */
	FILTER("tag", "", "back");
	/* OR within the filter. */
	FILTER("tag", "Senior Rust, Go engineer|Trust officer", "finance", "rust");
	FILTER("tag", "", "nothing-like-it");
	/* Spaces around a word do not matter. */
	FILTER("tag", "Trust officer", "  finance ");
}

static void test_employment(void **state)
{
	(void)state;
	FILTER("emp", "Data intern", "intern");
	FILTER("emp", "Data intern", "INTERNSHIP (Hybrid)");
	FILTER("emp", "Senior Rust, Go engineer|" CYR, "full");
	FILTER("emp", "Senior Rust, Go engineer|Trust officer|" CYR, "time");
	FILTER("emp", "Trust officer|Data intern", "part", "intern");
	FILTER("emp", "", "contract");
}

static void test_keywords(void **state)
{
	(void)state;
	deck_report rep;
	/* Word prefix: "rust" matches "Rust," but not "Trust" or "trustworthy". */
	FILTER("kw", "Senior Rust, Go engineer", "rust");
	FILTER("kw", "Senior Rust, Go engineer|Trust officer", "trust");
	FILTER("kw", "Senior Rust, Go engineer", "engin");
	FILTER("kw", "", "ngineer");
	/* Organisation, location, section heading, block text. */
	FILTER("kw", "Trust officer", "harbor");
	FILTER("kw", "Trust officer", "records");
	FILTER("kw", "Data intern", "machine learning");
	FILTER("kw", "Data intern", "MACHINE   learning");
	FILTER("kw", "Data intern", "python");
	/* Accented Latin in both cases. */
	FILTER("kw", "Senior Rust, Go engineer", "z\xC3\xBCrich");
	FILTER("kw", "Data intern", "M\xC3\x9CNCHEN");
	FILTER("kw", CJK, "\xC5\x82\xC3\xB3\x64\xC5\xBA"); /* łódź for Łódź */
	/* Greek (with the final sigma) and Cyrillic. */
	FILTER("kw", GREEK, "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"); /* αθηνα */
	FILTER("kw", GREEK,
	       "\xCE\x9C\xCE\x97\xCE\xA7\xCE\x91\xCE\x9D\xCE\x99\xCE\x9A\xCE\x8C\xCE\xA3");
	FILTER("kw", CYR, "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA"); /* моск, a prefix */
	FILTER("kw", CYR, "\xD0\x98\xD0\x9D\xD0\x96\xD0\x95\xD0\x9D\xD0\x95\xD0\xA0");
	/* Scripts without spaces match inside a run; symbols in a keyword. */
	FILTER("kw", CJK, "\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB8\x88");
	FILTER("kw", CJK, "c++");
	/* OR within the filter. */
	FILTER("kw", "Senior Rust, Go engineer|Data intern", "python", "rust");
	/* Empty words are no filter at all. */
	FILTER("kw", "Senior Rust, Go engineer|Trust officer|Data intern|" GREEK "|" CYR "|" CJK,
	       "", "  ");
	/* Invalid UTF-8 in a word matches nothing and breaks nothing. */
	FILTER("kw", "", "\xFF\xFE", "r\xC3");

	char *w[] = {"rust"};
	deck_opts o = opts();
	o.keywords = (deck_words){w, 1};
	run(build_jobs, &o, noon(2025, 6, 10), &rep);
	assert_int_equal(rep.in, 6);
	assert_int_equal(rep.shown, 1);
	assert_int_equal(rep.filtered, 5);
	assert_int_equal(rep.expired, 0);
}

static void test_filters_together(void **state)
{
	(void)state;
	char *tag[] = {"rust", "finance", "data"};
	char *emp[] = {"time"};
	char *kw[] = {"harbor", "z\xC3\xBCrich", "python"};
	deck_opts o = opts();
	o.tags = (deck_words){tag, 3};
	o.employment = (deck_words){emp, 1};
	o.keywords = (deck_words){kw, 3};
	deck_report rep;
	/* Data intern has no "time" in its employment; the others pass all three. */
	assert_string_equal(run(build_jobs, &o, noon(2025, 6, 10), &rep),
	                    "Senior Rust, Go engineer|Trust officer");
	assert_int_equal(rep.filtered, 4);
	o.keywords.n = 1;
	assert_string_equal(run(build_jobs, &o, noon(2025, 6, 10), &rep), "Trust officer");
}

/* Hostile posting text: raw invalid UTF-8 put straight into the fields, a
 * NULL title, a huge body. */
static void build_hostile(posting_list *l)
{
	posting *p = posting_new();
	p->title = strdup("\xFF\xFE rust \xC3");
	p->location = strdup("\xE2\x82");
	p->posted = strdup("\xFF\xFF\xFF\xFF-\xFF\xFF-\xFF\xFF");
	p->expires = strdup("2025-13-01");
	posting_add_tag(p, "\xC3");
	push(l, p);
	p = posting_new(); /* nothing at all */
	push(l, p);
	p = mk("Big", NULL, "9999-12-31x", "0000-00-00", NULL);
	size_t n = 1 << 20;
	char *big = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		big[i] = "trust "[i % 6];
	big[n] = '\0';
	body(p, NULL, big);
	free(big);
	push(l, p);
}

static void test_hostile_postings(void **state)
{
	(void)state;
	char *kw[] = {"rust"};
	deck_opts o = opts();
	o.keywords = (deck_words){kw, 1};
	o.order = DECK_ORDER_NEWEST;
	o.default_apply = "https://example.com/jobs";
	deck_report rep;
	posting_list l;
	posting_list_init(&l);
	build_hostile(&l);
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->apply, "https://example.com/jobs");
	posting_list_free(&l);
	char *tag[] = {"\xC3"};
	o.keywords.n = 0;
	o.tags = (deck_words){tag, 1};
	assert_string_equal(run(build_hostile, &o, noon(2025, 6, 10), &rep), "");
}

/* Expiry ------------------------------------------------------------------ */

static void build_dated(posting_list *l)
{
	push(l, mk("today", NULL, "2025-06-01", "2025-06-10", NULL));
	push(l, mk("yesterday", NULL, "2025-06-01", "2025-06-09", NULL));
	push(l, mk("tomorrow", NULL, "2025-06-01", "2025-06-11", NULL));
	push(l, mk("last year", NULL, "2024-01-01", "2024-12-31", NULL));
	push(l, mk("far future", NULL, "2025-06-01", "2099-12-31", NULL));
	push(l, mk("impossible", NULL, "2025-06-01", "2025-02-30", NULL));
	push(l, mk("not leap", NULL, "2025-06-01", "2023-02-29", NULL));
	push(l, mk("garbage", NULL, "2025-06-01", "soon", NULL));
	push(l, mk("with time", NULL, "2025-06-01", "2025-06-01T00:00", NULL));
	push(l, mk("never", NULL, NULL, NULL, NULL));
}

#define ALL_BUT_LAST_YEAR                                                                          \
	"today|yesterday|tomorrow|far future|impossible|not leap|garbage|with time|never"
#define KEPT "today|tomorrow|far future|impossible|not leap|garbage|with time|never"

static void test_expiry(void **state)
{
	(void)state;
	deck_opts o = opts();
	deck_report rep;
	assert_string_equal(run(build_dated, &o, noon(2025, 6, 10), &rep), KEPT);
	assert_int_equal(rep.expired, 2);
	assert_int_equal(rep.shown, 8);
	assert_false(rep.clock_untrusted);
	/* Kept through the whole expiry day, gone the next morning. */
	assert_string_equal(run(build_dated, &o, noon(2025, 6, 10) + 11 * 3600 + 59 * 60, &rep),
	                    KEPT);
	assert_string_equal(run(build_dated, &o, noon(2025, 6, 10) + 12 * 3600, &rep),
	                    "tomorrow|far future|impossible|not leap|garbage|with time|never");
	/* A leap day is a real day. */
	posting_list l;
	posting_list_init(&l);
	push(&l, mk("leap", NULL, NULL, "2024-02-29", NULL));
	assert_int_equal(deck_apply(&l, &o, noon(2024, 2, 29), &rep, NULL), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(deck_apply(&l, &o, noon(2024, 3, 1), &rep, NULL), 0);
	assert_int_equal(l.n, 0);
	posting_list_free(&l);
	/* Hiding switched off. */
	o.hide_expired = false;
	run(build_dated, &o, noon(2025, 6, 10), &rep);
	assert_int_equal(rep.shown, 10);
	assert_int_equal(rep.expired, 0);
}

/* The expiry day is the local date: in Auckland (UTC+12) 2025-06-09T13:00Z
 * is already the 10th. */
static void test_expiry_local_date(void **state)
{
	(void)state;
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	setenv("TZ", "NZST-12", 1);
	tzset();
	time_t t = 1749474000; /* 2025-06-09T13:00:00Z */
	deck_opts o = opts();
	deck_report rep;
	assert_string_equal(run(build_dated, &o, t, &rep), KEPT);
	setenv("TZ", "UTC0", 1);
	tzset();
	assert_string_equal(run(build_dated, &o, t, &rep), ALL_BUT_LAST_YEAR);
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
}

#define ALL                                                                                        \
	"today|yesterday|tomorrow|last year|far future|impossible|not leap|garbage|with "          \
	"time|never"

static void test_clock_guard(void **state)
{
	(void)state;
	deck_opts o = opts();
	deck_report rep;
	/* A board without a real-time clock boots in 1970: everything stays. */
	assert_string_equal(run(build_dated, &o, 0, &rep), ALL);
	assert_true(rep.clock_untrusted);
	assert_int_equal(rep.expired, 0);
	assert_int_equal(rep.shown, 10);
	assert_string_equal(run(build_dated, &o, DECK_CLOCK_SANE - 1, &rep), ALL);
	assert_true(rep.clock_untrusted);
	/* From the sane date on, the clock is believed (given nothing posted
	 * later). */
	assert_false(deck_clock_trusted(NULL, DECK_CLOCK_SANE - 1));
	assert_true(deck_clock_trusted(NULL, DECK_CLOCK_SANE));
	/* Posted in 2025 while the clock says 2024-01-01: behind, not believed. */
	run(build_dated, &o, DECK_CLOCK_SANE, &rep);
	assert_true(rep.clock_untrusted);
	assert_int_equal(rep.expired, 0);

	/* A clock behind the newest posted date by more than a day (a restored
	 * old time) is not believed; one day ahead is time zones, not a bad
	 * clock. */
	posting_list l;
	posting_list_init(&l);
	push(&l, mk("old", NULL, "2025-01-01", "2025-02-01", NULL));
	push(&l, mk("new", NULL, "2025-06-11", NULL, NULL));
	assert_true(deck_clock_trusted(&l, noon(2025, 6, 10)));
	assert_false(deck_clock_trusted(&l, noon(2025, 6, 9)));
	assert_true(deck_clock_trusted(&l, noon(2025, 6, 11)));
	assert_false(deck_clock_trusted(&l, 0));
	assert_true(deck_clock_trusted(NULL, noon(2025, 6, 9)));
	jk_err err = {0};
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 9), &rep, &err), 0);
	assert_true(rep.clock_untrusted);
	assert_string_equal(titles(&l), "old|new");
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, &err), 0);
	assert_false(rep.clock_untrusted);
	assert_string_equal(titles(&l), "new");
	posting_list_free(&l);
	/* Impossible posted dates do not count as newest. */
	posting_list_init(&l);
	push(&l, mk("typo", NULL, "2099-02-30", NULL, NULL));
	assert_true(deck_clock_trusted(&l, noon(2025, 6, 10)));
	posting_list_free(&l);
}

/* Order ------------------------------------------------------------------- */

static void build_posted(posting_list *l)
{
	push(l, mk("undated A", NULL, NULL, NULL, NULL));
	push(l, mk("june 1 A", NULL, "2025-06-01", NULL, NULL));
	push(l, mk("may", NULL, "2025-05-20", NULL, NULL));
	push(l, mk("bad date", NULL, "2025-06-31", NULL, NULL));
	push(l, mk("june 3", NULL, "2025-06-03", NULL, NULL));
	push(l, mk("june 1 B", NULL, "2025-06-01", NULL, NULL));
	push(l, mk("undated B", NULL, NULL, NULL, NULL));
	push(l, mk("last year", NULL, "2024-12-31", NULL, NULL));
	push(l, mk("june 1 C", NULL, "2025-06-01", NULL, NULL));
}

static void test_newest(void **state)
{
	(void)state;
	deck_opts o = opts();
	o.order = DECK_ORDER_NEWEST;
	assert_string_equal(run(build_posted, &o, noon(2025, 6, 10), NULL),
	                    "june 3|june 1 A|june 1 B|june 1 C|may|last year|undated A|bad date|"
	                    "undated B");
	o.order = DECK_ORDER_LISTED;
	assert_string_equal(run(build_posted, &o, noon(2025, 6, 10), NULL),
	                    "undated A|june 1 A|may|bad date|june 3|june 1 B|undated B|last year|"
	                    "june 1 C");
}

static void check_permutation(const posting_list *l, size_t n)
{
	assert_int_equal(l->n, n);
	bool *seen = calloc(n, 1);
	assert_non_null(seen);
	for (size_t i = 0; i < n; i++) {
		unsigned k;
		assert_int_equal(sscanf(l->items[i]->title, "Position %u", &k), 1);
		assert_true(k >= 1 && k <= n);
		assert_false(seen[k - 1]);
		seen[k - 1] = true;
	}
	free(seen);
}

static void test_shuffle(void **state)
{
	(void)state;
	deck_opts o = opts();
	o.order = DECK_ORDER_SHUFFLE;
	o.seed = 42;
	char first[4096], again[4096], other[4096];
	posting_list l;
	tu_make_list(&l, 40);
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), NULL, NULL), 0);
	check_permutation(&l, 40);
	snprintf(first, sizeof first, "%s", titles(&l));
	size_t fixed = 0;
	for (size_t i = 0; i < l.n; i++) {
		char want[32];
		snprintf(want, sizeof want, "Position %zu", i + 1);
		fixed += !strcmp(l.items[i]->title, want);
	}
	assert_true(fixed < 10); /* a shuffle, not the list as it was */
	posting_list_free(&l);

	tu_make_list(&l, 40);
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), NULL, NULL), 0);
	snprintf(again, sizeof again, "%s", titles(&l));
	assert_string_equal(first, again); /* same seed, same order */
	posting_list_free(&l);

	o.seed = 43;
	tu_make_list(&l, 40);
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), NULL, NULL), 0);
	check_permutation(&l, 40);
	snprintf(other, sizeof other, "%s", titles(&l));
	assert_string_not_equal(first, other);
	posting_list_free(&l);

	/* Every position is reached: over many seeds, item 1 lands everywhere. */
	bool where[8] = {0};
	for (uint64_t seed = 0; seed < 200; seed++) {
		o.seed = seed;
		tu_make_list(&l, 8);
		assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), NULL, NULL), 0);
		check_permutation(&l, 8);
		for (size_t i = 0; i < 8; i++)
			if (!strcmp(l.items[i]->title, "Position 1"))
				where[i] = true;
		posting_list_free(&l);
	}
	for (size_t i = 0; i < 8; i++)
		assert_true(where[i]);
	/* One and none. */
	tu_make_list(&l, 1);
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), NULL, NULL), 0);
	assert_string_equal(titles(&l), "Position 1");
	posting_list_free(&l);
}

static void test_order_names(void **state)
{
	(void)state;
	deck_order d;
	const struct {
		const char *s;
		deck_order o;
	} ok[] = {{"listed", DECK_ORDER_LISTED},   {"as-listed", DECK_ORDER_LISTED},
	          {"newest", DECK_ORDER_NEWEST},   {"Newest-First", DECK_ORDER_NEWEST},
	          {"shuffle", DECK_ORDER_SHUFFLE}, {"RANDOM", DECK_ORDER_SHUFFLE}};
	for (size_t i = 0; i < JK_ARRAY_LEN(ok); i++) {
		d = (deck_order)-1;
		assert_true(deck_order_parse(ok[i].s, &d));
		assert_int_equal(d, ok[i].o);
		assert_true(deck_order_parse(deck_order_name(d), &d));
		assert_int_equal(d, ok[i].o);
	}
	assert_string_equal(deck_order_name(DECK_ORDER_LISTED), "listed");
	assert_string_equal(deck_order_name(DECK_ORDER_NEWEST), "newest");
	assert_string_equal(deck_order_name(DECK_ORDER_SHUFFLE), "shuffle");
	assert_string_equal(deck_order_name((deck_order)99), "listed");
	const char *bad[] = {"", "new", "newest ", " listed", "shuffled", "listed\xFF", "oldest"};
	d = DECK_ORDER_NEWEST;
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++)
		assert_false(deck_order_parse(bad[i], &d));
	assert_false(deck_order_parse(NULL, &d));
	assert_int_equal(d, DECK_ORDER_NEWEST); /* untouched on failure */
}

/* Default apply ----------------------------------------------------------- */

static void build_apply(posting_list *l)
{
	push(l, mk("has url", NULL, NULL, NULL, "https://example.com/a"));
	push(l, mk("has mail", NULL, NULL, NULL, "mailto:jobs@example.com"));
	push(l, mk("none", NULL, NULL, NULL, NULL));
	push(l, mk("none either", NULL, NULL, NULL, NULL));
}

static void test_default_apply(void **state)
{
	(void)state;
	deck_opts o = opts();
	deck_report rep;
	char target[] = "https://booth.example.org/apply?fair=2025";
	o.default_apply = target;
	posting_list l;
	posting_list_init(&l);
	build_apply(&l);
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
	assert_int_equal(rep.defaulted, 2);
	assert_string_equal(l.items[0]->apply, "https://example.com/a");
	assert_string_equal(l.items[1]->apply, "mailto:jobs@example.com");
	assert_string_equal(l.items[2]->apply, target);
	assert_string_equal(l.items[3]->apply, target);
	assert_ptr_not_equal(l.items[2]->apply, target); /* a copy, not borrowed */
	assert_ptr_not_equal(l.items[2]->apply, l.items[3]->apply);
	target[0] = 'X';
	assert_string_equal(l.items[2]->apply, "https://booth.example.org/apply?fair=2025");
	posting_list_free(&l);

	const char *good[] = {"http://example.org/", "HTTPS://example.org/x",
	                      "mailto:hr@example.org"};
	for (size_t i = 0; i < JK_ARRAY_LEN(good); i++) {
		o.default_apply = good[i];
		posting_list_init(&l);
		build_apply(&l);
		assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
		assert_int_equal(rep.defaulted, 2);
		assert_string_equal(l.items[3]->apply, good[i]);
		posting_list_free(&l);
	}
	const char *bad[] = {"javascript:alert(1)",
	                     "ftp://example.org/apply",
	                     "file:///etc/passwd",
	                     "data:text/html,hi",
	                     "http://",
	                     "mailto:",
	                     "https://exa mple.org/",
	                     "https://example.org/\x01",
	                     "https://example.org/\xFF",
	                     " https://example.org/",
	                     "example.org/apply",
	                     ""};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		o.default_apply = bad[i];
		posting_list_init(&l);
		build_apply(&l);
		assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
		assert_int_equal(rep.defaulted, 0);
		assert_null(l.items[2]->apply);
		assert_null(l.items[3]->apply);
		posting_list_free(&l);
	}
	/* Only postings that are shown are counted. */
	char *kw[] = {"none"};
	o.keywords = (deck_words){kw, 1};
	o.default_apply = "https://booth.example.org/";
	run(build_apply, &o, noon(2025, 6, 10), &rep);
	assert_int_equal(rep.shown, 2);
	assert_int_equal(rep.defaulted, 2);
}

/* Edges and size ---------------------------------------------------------- */

static void test_empty(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	deck_report rep;
	memset(&rep, 0xAA, sizeof rep);
	deck_opts o = opts();
	o.order = DECK_ORDER_NEWEST;
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(rep.in, 0);
	assert_int_equal(rep.shown, 0);
	assert_int_equal(rep.filtered, 0);
	assert_false(rep.clock_untrusted);
	assert_int_equal(deck_apply(NULL, &o, noon(2025, 6, 10), &rep, NULL), 0);
	assert_int_equal(rep.in, 0);
	posting_list_free(&l);
	/* No options: as listed, expired hidden. */
	posting_list_init(&l);
	build_dated(&l);
	assert_int_equal(deck_apply(&l, NULL, noon(2025, 6, 10), NULL, NULL), 0);
	assert_string_equal(titles(&l), KEPT);
	/* Everything filtered out: an empty list, not an error. */
	char *kw[] = {"zzz"};
	o.keywords = (deck_words){kw, 1};
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(rep.filtered, 8);
	posting_list_free(&l);
}

static void test_ten_thousand(void **state)
{
	(void)state;
	enum { N = 10000 };
	posting_list l;
	posting_list_init(&l);
	for (int i = 0; i < N; i++) {
		char title[64], posted[16], expires[16];
		snprintf(title, sizeof title, "%s engineer %d", i % 3 ? "Rust" : "Go", i);
		snprintf(posted, sizeof posted, "2025-%02d-%02d", 1 + i % 5, 1 + i % 28);
		snprintf(expires, sizeof expires, "2025-%02d-01", 1 + i % 12);
		posting *p = mk(title, i % 2 ? "Full-time" : "Internship", posted, expires, NULL);
		body(p, "About", "We build trustworthy embedded systems for harbours and ferries.");
		push(&l, p);
	}
	char *kw[] = {"rust"};
	deck_opts o = opts();
	o.keywords = (deck_words){kw, 1};
	o.order = DECK_ORDER_NEWEST;
	o.default_apply = "https://example.org/apply";
	deck_report rep;
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
	assert_int_equal(rep.in, N);
	assert_int_equal(rep.filtered, (N + 2) / 3);
	/* Expires the first of months 1..12: months 7..12 are still ahead. */
	size_t want = 0;
	for (int i = 0; i < N; i++)
		want += i % 3 && 1 + i % 12 >= 7;
	assert_int_equal(rep.shown, want);
	assert_int_equal(rep.expired, N - rep.filtered - want);
	assert_int_equal(rep.defaulted, want);
	for (size_t i = 1; i < l.n; i++)
		assert_true(strcmp(l.items[i - 1]->posted, l.items[i]->posted) >= 0);
	o.order = DECK_ORDER_SHUFFLE;
	o.keywords.n = 0;
	assert_int_equal(deck_apply(&l, &o, noon(2025, 6, 10), &rep, NULL), 0);
	assert_int_equal(rep.shown, want);
	posting_list_free(&l);
}

/* The project's own samples through the real readers. */
static void test_samples(void **state)
{
	(void)state;
	const char *files[] = {
	    "samples/fernleaf-data-analyst.md", "samples/harbour-lights-stage-technician.md",
	    "samples/larkspur-energy-greenhouse.json", "samples/kestrel-valley-hospital.rss"};
	posting_list l;
	posting_list_init(&l);
	for (size_t i = 0; i < JK_ARRAY_LEN(files); i++) {
		size_t len;
		char *data = tu_read(tu_root(files[i]), &len);
		tu_import_ok(data, len, files[i], &l);
		free(data);
	}
	size_t in = l.n;
	assert_true(in >= 4);
	char *tag[] = {"sql", "LIGHTING"};
	deck_opts o = opts();
	o.tags = (deck_words){tag, 2};
	o.order = DECK_ORDER_NEWEST;
	deck_report rep;
	assert_int_equal(deck_apply(&l, &o, noon(2026, 6, 1), &rep, NULL), 0);
	assert_int_equal(rep.in, in);
	assert_int_equal(l.n, 2);
	bool fern = false, harbour = false;
	for (size_t i = 0; i < l.n; i++) {
		fern |= tu_contains(l.items[i], "SQL") ||
		        (l.items[i]->organization && strstr(l.items[i]->organization, "Fernleaf"));
		harbour |= l.items[i]->organization && strstr(l.items[i]->organization, "Harbour");
	}
	assert_true(fern && harbour);
	/* In 2027-03 both have expired (2027-01-31, 2027-02-28). */
	assert_int_equal(deck_apply(&l, &o, noon(2027, 3, 1), &rep, NULL), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(rep.expired, 2);
	posting_list_free(&l);
}

int main(void)
{
	/* A fixed zone, so "local noon" and the expiry day are the same on
	 * every machine (one test switches zones itself). */
	setenv("TZ", "UTC0", 1);
	tzset();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tags),
	    cmocka_unit_test(test_employment),
	    cmocka_unit_test(test_keywords),
	    cmocka_unit_test(test_filters_together),
	    cmocka_unit_test(test_hostile_postings),
	    cmocka_unit_test(test_expiry),
	    cmocka_unit_test(test_expiry_local_date),
	    cmocka_unit_test(test_clock_guard),
	    cmocka_unit_test(test_newest),
	    cmocka_unit_test(test_shuffle),
	    cmocka_unit_test(test_order_names),
	    cmocka_unit_test(test_default_apply),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_ten_thousand),
	    cmocka_unit_test(test_samples),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
