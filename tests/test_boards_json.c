/* test_boards_json.c — the Ashby, Workable and Recruitee readers:
 * recorded-shape payloads (tests/data/boards/), Ashby's real-world board,
 * sniffing that neither misses them nor steals other formats, a URL that
 * holds a payload, and hostile input for each tu_reader. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "httpd.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int warnings;
static char last_warning[256];
static void count_warn(void *ud, const char *source, const char *msg)
{
	(void)ud, (void)source;
	warnings++;
	snprintf(last_warning, sizeof last_warning, "%s", msg);
}

/* Reads tests/data/boards/NAME through the front door (sniffing included)
 * with source as the document's address. */
static void load(const char *name, const char *source, posting_list *l)
{
	size_t n;
	char path[256];
	snprintf(path, sizeof path, "tests/data/boards/%s", name);
	char *d = tu_read(tu_root(path), &n);
	posting_list_init(l);
	import_opts o = {.source = source ? source : name, .warn = count_warn};
	jk_err err = {0};
	warnings = 0;
	last_warning[0] = '\0';
	if (import_bytes(d, n, &o, l, &err))
		fail_msg("import of %s failed: %s", name, err.msg);
	free(d);
}

static const posting_block *block(const posting_section *s, size_t i)
{
	assert_non_null(s);
	assert_true(i < s->nblocks);
	return &s->blocks[i];
}

/* The posting with this title; fails the test when there is none. */
static const posting *titled(const posting_list *l, const char *title)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i]->title && !strcmp(l->items[i]->title, title))
			return l->items[i];
	fail_msg("no posting titled %s", title);
	return NULL;
}

static bool has_tag(const posting *p, const char *tag)
{
	for (size_t i = 0; i < p->ntags; i++)
		if (!strcmp(p->tags[i], tag))
			return true;
	return false;
}

static void test_ashby_board(void **state)
{
	(void)state;
	posting_list l;
	load("ashby/board.json", NULL, &l);
	/* unlisted, non-objects and the entry with neither title nor text skipped */
	assert_int_equal(l.n, 5);
	assert_int_equal(warnings, 1);
	assert_non_null(strstr(last_warning, "1 unlisted"));
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Platform Engineer & On-call Lead");
	assert_string_equal(p->organization, "Nordlicht Energie"); /* the board's name */
	assert_string_equal(p->location, "Berlin, Germany; M\xC3\xBCnchen; Wien +2 more");
	assert_string_equal(p->employment, "Full-time (hybrid)");
	assert_string_equal(p->pay, "\xE2\x82\xAC"
	                            "70K \xE2\x80\x93 \xE2\x82\xAC"
	                            "90K \xE2\x80\xA2 Offers Bonus");
	assert_string_equal(p->posted, "2026-05-04");
	assert_string_equal(p->apply, "https://jobs.ashbyhq.com/Nordlicht%20Energie/"
	                              "3f1c9a2e-7b4d-4e8a-9c61-0d2b5e7f8a10/application");
	assert_string_equal(p->native_id, "3f1c9a2e-7b4d-4e8a-9c61-0d2b5e7f8a10");
	assert_int_equal(p->ntags, 2);
	assert_true(has_tag(p, "Engineering") && has_tag(p, "Platform"));
	const posting_block *b = block(tu_section(p, "About the role"), 0);
	assert_string_equal(b->text,
	                    "You keep our grid software running \xE2\x80\x94 day and night. "
	                    "We\xE2\x80\x99re a team of twelve.");
	assert_int_equal(b->nspans, 1);
	const posting_section *s = tu_section(p, "What you'll do");
	assert_int_equal(block(s, 0)->kind, POSTING_BULLET);
	assert_string_equal(block(s, 1)->text, "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x83\x81\xE3\x83\xBC"
	                                       "\xE3\x83\xA0\xE3\x81\xA8\xE5\x8D\x94\xE5\x8A\x9B"
	                                       "\xE3\x81\x99\xE3\x82\x8B");
	assert_false(tu_contains(p, "alert"));
	assert_false(tu_contains(p, "Plain text that must not be used"));
	posting_list_free(&l);

	/* The API address names the board when the document came from it. */
	load("ashby/board.json", "https://api.ashbyhq.com/posting-api/job-board/acme?x=1", &l);
	assert_string_equal(l.items[0]->organization, "acme");
	posting_list_free(&l);
}

static void test_ashby_board_kinds(void **state)
{
	(void)state;
	posting_list l;
	load("ashby/board.json", NULL, &l);
	const posting *p = titled(&l, "Data Analyst"); /* the board does not display its pay */
	assert_null(p->pay);
	assert_string_equal(p->employment, "Contract (remote)");
	assert_string_equal(p->location, "Remote (EU)");
	assert_int_equal(p->ntags, 1);

	p = titled(&l, "Werkstudent*in Kundenservice"); /* a salary without a summary */
	assert_string_equal(p->pay, "EUR 15.00\xE2\x80\x93"
	                            "17.50 per hour");
	assert_string_equal(p->location, "Hamburg, Germany"); /* from the postal address */
	assert_string_equal(p->employment, "Part-time (on-site)");
	assert_string_equal(p->apply, "https://jobs.ashbyhq.com/Nordlicht%20Energie/"
	                              "b7d1c0de-0000-4000-8000-000000000004");
	assert_true(tu_contains(p, "Deutsch auf Muttersprachniveau")); /* descriptionPlain */

	p = titled(&l, "Praktikum Netzplanung");
	assert_string_equal(p->employment, "Internship (remote)"); /* isRemote alone */
	assert_string_equal(p->apply, "mailto:jobs@nordlicht.example?subject=Praktikum");

	p = titled(&l, "Wrong Types Everywhere"); /* ignored field by field */
	assert_null(p->location);
	assert_null(p->employment);
	assert_null(p->pay);
	assert_null(p->posted);
	assert_null(p->apply);
	assert_null(p->native_id);
	assert_true(has_tag(p, "Ops"));
	assert_true(tu_contains(p, "Still shown."));
	posting_list_free(&l);
}

static void test_ashby_real_world(void **state)
{
	(void)state;
	size_t n;
	char *d = tu_read(tu_fixture("real-world/ats-ashby-highlightta.json"), &n);
	posting_list l;
	posting_list_init(&l);
	import_opts o = {.source = "ats-ashby-highlightta.json"};
	assert_int_equal(import_sniff(d, n, &o), IMPORT_ASHBY);
	tu_import_ok(d, n, "ats-ashby-highlightta.json", &l);
	assert_int_equal(l.n, 2);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Senior Technical Recruiter");
	assert_string_equal(p->apply, "https://jobs.ashbyhq.com/HighlightTA/"
	                              "90fb3621-899e-4b59-925d-25080ec91e18/application");
	assert_string_equal(p->organization, "HighlightTA");
	assert_string_equal(p->location, "Canada");
	assert_string_equal(p->employment, "Full-time (remote)");
	assert_null(p->pay); /* not to be displayed, and no summary anyway */
	assert_string_equal(p->posted, "2026-04-20");
	assert_non_null(tu_section(p, "What You\xE2\x80\x99ll Bring"));
	p = l.items[1];
	assert_string_equal(p->title, "Senior Site Reliability Engineer");
	assert_string_equal(p->pay, "CA$102.8K \xE2\x80\x93 CA$137K");
	assert_string_equal(p->employment, "Full-time (hybrid)");
	assert_string_equal(p->location, "Toronto, Ontario");
	assert_string_not_equal(l.items[0]->id, l.items[1]->id);
	posting_list_free(&l);
	free(d);
}

static void test_ashby_single_job(void **state)
{
	(void)state;
	posting_list l;
	load("ashby/job.json", NULL, &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Ing\xC3\xA9nieur\xC2\xB7"
	                              "e logiciel embarqu\xC3\xA9");
	assert_string_equal(p->organization, "capteurs");
	assert_string_equal(p->location, "Lyon, France; Grenoble");
	assert_string_equal(p->employment, "Temporary (on-site)");
	assert_string_equal(p->pay, "45 k\xE2\x82\xAC \xE2\x80\x93 55 k\xE2\x82\xAC");
	assert_true(has_tag(p, "R&D") && has_tag(p, "Firmware"));
	posting_list_free(&l);

	/* An unlisted job alone: nothing to show, said in one line. */
	const char *one =
	    "{\"title\":\"Hidden\",\"isListed\":false,\"jobUrl\":\"https://x.example/j\"}";
	posting_list_init(&l);
	import_opts o = {.source = "one.json", .warn = count_warn};
	jk_err err = {0};
	warnings = 0;
	assert_int_equal(import_bytes(one, strlen(one), &o, &l, &err), 0);
	assert_int_equal(l.n, 0);
	assert_int_equal(warnings, 1);
	posting_list_free(&l);
}

static void test_workable_account(void **state)
{
	(void)state;
	posting_list l;
	load("workable/account.json",
	     "https://apply.workable.com/api/v1/widget/accounts/kyma?details=true", &l);
	assert_int_equal(l.n, 5);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Backend Engineer (Go) & SRE");
	assert_string_equal(p->organization, "Kyma Robotics & Co.");
	/* the hidden location is not shown */
	assert_string_equal(p->location, "Athens, Attica, Greece; \xCE\x9B\xCE\xB5\xCE\xBC\xCE\xB5"
	                                 "\xCF\x83\xCF\x8C\xCF\x82, Limassol, Cyprus");
	assert_string_equal(p->employment, "Full-time");
	assert_string_equal(p->posted, "2026-03-02");
	assert_string_equal(p->apply, "https://apply.workable.com/j/3A7F9C21B4/apply");
	assert_string_equal(p->native_id, "3A7F9C21B4");
	assert_true(has_tag(p, "Engineering") && has_tag(p, "Information Technology"));
	assert_int_equal(p->ntags, 2);
	assert_true(tu_contains(p, "Our drones map the seabed \xE2\x80\x94 you keep"));
	assert_string_equal(block(tu_section(p, "Requirements"), 0)->text, "Go & PostgreSQL");
	assert_string_equal(block(tu_section(p, "Experience"), 0)->text, "Mid-Senior level");
	assert_string_equal(block(tu_section(p, "Education"), 0)->text, "Bachelor's Degree");
	assert_false(tu_contains(p, "steal"));
	assert_false(tu_contains(p, "underwater drones")); /* the account's text is not a job's */

	p = l.items[1];
	assert_string_equal(p->employment, "Contract (remote)"); /* telecommuting */
	assert_string_equal(p->location, "Germany");
	assert_string_equal(p->apply, "https://apply.workable.com/j/5D2E8B6A10"); /* url */
	assert_string_equal(p->posted, "2026-01-19");                             /* created_at */
	assert_null(tu_section(p, "Experience"));

	p = l.items[2];
	assert_string_equal(p->location, "\xE6\x9D\xB1\xE4\xBA\xAC, \xE6\x9D\xB1\xE4\xBA\xAC"
	                                 "\xE9\x83\xBD, Japan");
	assert_string_equal(p->employment, "Part-time");
	assert_string_equal(p->apply, "https://apply.workable.com/j/7C1D0E9F22"); /* shortlink */

	p = titled(&l, "Generalist"); /* "Other" says nothing; a relative link resolves */
	assert_null(p->employment);
	assert_string_equal(p->apply, "https://apply.workable.com/j/9E0F1A2B3C/apply");

	p = titled(&l, "Wrong Types");
	assert_null(p->location);
	assert_null(p->employment);
	assert_null(p->posted);
	assert_string_equal(p->native_id, "9");
	assert_string_equal(p->apply, "https://apply.workable.com/api/v1/widget/accounts/"
	                              "kyma?details=true"); /* the source, last resort */
	assert_true(tu_contains(p, "Still shown."));
	posting_list_free(&l);
}

static void test_workable_job(void **state)
{
	(void)state;
	posting_list l;
	load("workable/job.json", NULL, &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Sales Intern");
	assert_null(p->organization);
	assert_string_equal(p->location, "Portland, Oregon, United States"); /* not "published" */
	assert_string_equal(p->employment, "Internship (hybrid)");
	assert_string_equal(p->posted, "2015-06-06");
	assert_string_equal(p->apply,
	                    "https://groove-tech.workable.com/jobs/102268944/candidates/new");
	/* full_description already holds requirements and benefits: once only */
	assert_int_equal(tu_section(p, "Requirements")->nblocks, 1);
	assert_int_equal(tu_section(p, "Benefits")->nblocks, 1);
	size_t heads = 0;
	for (size_t i = 0; i < p->nsections; i++)
		heads += p->sections[i].heading && !strcmp(p->sections[i].heading, "Requirements");
	assert_int_equal(heads, 1);
	posting_list_free(&l);
}

static void test_recruitee_offers(void **state)
{
	(void)state;
	posting_list l;
	load("recruitee/offers.json", NULL, &l);
	assert_int_equal(l.n, 4); /* the draft and the non-objects skipped */
	assert_int_equal(warnings, 1);
	assert_non_null(strstr(last_warning, "1 unpublished"));
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Medewerker klantenservice \xE2\x80\x93 Nederlands & Duits");
	assert_string_equal(p->organization, "Tulp & Molen B.V.");
	assert_string_equal(p->location, "Utrecht, Utrecht, Netherlands");
	assert_string_equal(p->employment, "Full-time (fixed-term, hybrid)");
	assert_string_equal(p->pay, "EUR 2,800\xE2\x80\x93"
	                            "3,400 per month");
	assert_string_equal(p->posted, "2026-03-10");
	assert_string_equal(p->expires, "2036-04-30");
	assert_string_equal(
	    p->apply, "https://tulpmolen.recruitee.com/o/medewerker-klantenservice-nl-de/c/new");
	assert_string_equal(p->native_id, "2695896");
	assert_int_equal(p->ntags, 3);
	assert_true(has_tag(p, "Customer Care") && has_tag(p, "Duits"));
	assert_true(tu_contains(p, "Je helpt klanten in Nederland & Duitsland"));
	const posting_section *s = tu_section(p, "Requirements");
	assert_int_equal(s->nblocks, 2);
	assert_string_equal(block(s, 1)->text, "Ervaring met Zendesk is een pr\xC3\xA9");

	p = l.items[1];
	assert_string_equal(p->employment, "Part-time, permanent (remote)");
	assert_string_equal(p->pay, "up to PLN 45 per hour");
	assert_string_equal(p->location, "Poland");
	assert_null(p->expires);
	assert_string_equal(p->apply, "https://tulpmolen.recruitee.com/o/specjalista-ds-wsparcia");
	/* requirements with their own heading get no second one */
	assert_non_null(tu_section(p, "Wymagania"));
	assert_null(tu_section(p, "Requirements"));

	p = l.items[2];
	assert_string_equal(p->location,
	                    "\xE4\xB8\x8A\xE6\xB5\xB7, \xE4\xB8\x8A\xE6\xB5\xB7\xE5\xB8"
	                    "\x82, China; \xE6\xB7\xB1\xE5\x9C\xB3, \xE5\xB9\xBF\xE4\xB8"
	                    "\x9C\xE7\x9C\x81, China");
	assert_string_equal(p->employment, "Internship");
	assert_null(p->pay); /* salary without amounts */
	assert_string_equal(p->native_id, "sh-3");

	p = titled(&l, "Wrong Types");
	assert_null(p->location);
	assert_null(p->employment);
	assert_null(p->pay);
	assert_null(p->posted);
	assert_null(p->expires);
	assert_string_equal(p->native_id, "wrong-types"); /* id of the wrong type: the slug */
	assert_string_equal(block(tu_section(p, "Requirements"), 0)->text, "Still shown.");
	posting_list_free(&l);
}

static void test_recruitee_single(void **state)
{
	(void)state;
	posting_list l;
	load("recruitee/offer.json", NULL, &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Senior Fullstack Engineer");
	assert_string_equal(p->organization, "Hygraph");
	assert_string_equal(p->employment, "Full-time (remote)");
	assert_string_equal(p->pay, "EUR 80,000\xE2\x80\x93"
	                            "95,000 per year");
	assert_string_equal(p->posted, "2026-08-05");
	assert_string_equal(block(tu_section(p, "Requirements"), 0)->text,
	                    "5+ years of TypeScript");
	posting_list_free(&l);
}

static import_format sniff_file(const char *path)
{
	size_t n;
	char *d = tu_read(path, &n);
	import_opts o = {.source = "x.json"};
	import_format f = import_sniff(d, n, &o);
	free(d);
	return f;
}

static import_format sniff(const char *s)
{
	return import_sniff(s, strlen(s), NULL);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(sniff_file(tu_root("tests/data/boards/ashby/board.json")), IMPORT_ASHBY);
	assert_int_equal(sniff_file(tu_root("tests/data/boards/ashby/job.json")), IMPORT_ASHBY);
	assert_int_equal(sniff_file(tu_root("tests/data/boards/workable/account.json")),
	                 IMPORT_WORKABLE);
	assert_int_equal(sniff_file(tu_root("tests/data/boards/workable/job.json")),
	                 IMPORT_WORKABLE);
	assert_int_equal(sniff_file(tu_root("tests/data/boards/recruitee/offers.json")),
	                 IMPORT_RECRUITEE);
	assert_int_equal(sniff_file(tu_root("tests/data/boards/recruitee/offer.json")),
	                 IMPORT_RECRUITEE);
	/* Boards with no jobs yet, by their envelopes. */
	assert_int_equal(sniff("{\"apiVersion\":\"1\",\"jobs\":[]}"), IMPORT_ASHBY);
	assert_int_equal(sniff(" { \"offers\" : [ ] }"), IMPORT_RECRUITEE);
	/* The other formats keep theirs. */
	assert_int_equal(sniff_file(tu_root("tests/data/json/greenhouse-board.json")),
	                 IMPORT_GREENHOUSE);
	assert_int_equal(sniff_file(tu_root("tests/data/json/lever-postings.json")), IMPORT_LEVER);
	assert_int_equal(sniff_file(tu_root("tests/data/json/feed.json")), IMPORT_JSONFEED);
	assert_int_equal(sniff_file(tu_fixture("real-world/ats-greenhouse-amplitude.json")),
	                 IMPORT_GREENHOUSE);
	assert_int_equal(sniff_file(tu_fixture("real-world/ats-lever-idealistconsulting.json")),
	                 IMPORT_LEVER);
	assert_int_equal(sniff_file(tu_fixture("real-world/feed-teamtailor-jsonfeed.json")),
	                 IMPORT_JSONFEED);
	assert_int_equal(sniff("{\"@type\":\"JobPosting\",\"title\":\"x\"}"), IMPORT_JSONLD);
	/* schema.org offers are not Recruitee's, even first */
	assert_int_equal(sniff("{\"offers\":{\"@type\":\"Offer\"},\"@type\":\"Product\"}"),
	                 IMPORT_JSONLD);
	/* a key's name inside a text is not the key */
	assert_int_equal(sniff("{\"@type\":\"JobPosting\",\"description\":\"send \\\"jobUrl\\\" "
	                       "and \\\"careers_url\\\"\"}"),
	                 IMPORT_JSONLD);
	assert_string_equal(import_format_name(IMPORT_ASHBY), "Ashby JSON");
	assert_string_equal(import_format_name(IMPORT_WORKABLE), "Workable JSON");
	assert_string_equal(import_format_name(IMPORT_RECRUITEE), "Recruitee JSON");
}

/* Each board's payload at a URL: fetched, sniffed by content, read. */
static void url_handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	(void)ud;
	static const struct {
		const char *path, *file;
	} files[] = {{"/posting-api/job-board/nordlicht", "ashby/board.json"},
	             {"/api/v1/widget/accounts/kyma", "workable/account.json"},
	             {"/api/offers/", "recruitee/offers.json"}};
	static char *bodies[3];
	static size_t lens[3];
	r->status = 404;
	for (size_t i = 0; i < 3; i++) {
		if (strncmp(req->path, files[i].path, strlen(files[i].path)))
			continue;
		char path[256];
		snprintf(path, sizeof path, "tests/data/boards/%s", files[i].file);
		if (!bodies[i])
			bodies[i] = tu_read(tu_root(path), &lens[i]); /* kept until exit */
		r->status = 200;
		r->body = bodies[i];
		r->len = lens[i];
		snprintf(r->headers, sizeof r->headers, "Content-Type: application/json\r\n");
	}
}

static void test_urls(void **state)
{
	(void)state;
	httpd *srv = httpd_start(url_handler, NULL, 10);
	assert_non_null(srv);
	const char *cache = tu_tmpdir();
	char u[3][256], args[1200];
	snprintf(u[0], sizeof u[0], "%s",
	         httpd_url(srv, "/posting-api/job-board/nordlicht?includeCompensation=true"));
	snprintf(u[1], sizeof u[1], "%s",
	         httpd_url(srv, "/api/v1/widget/accounts/kyma?details=true"));
	snprintf(u[2], sizeof u[2], "%s", httpd_url(srv, "/api/offers/"));
	snprintf(args, sizeof args, "--dump --cache-dir %s '%s' '%s' '%s'", cache, u[0], u[1],
	         u[2]);
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\"title\":\t\"Platform Engineer & On-call Lead\""));
	assert_non_null(strstr(r.out, "\"organization\":\t\"nordlicht\""));
	assert_non_null(strstr(r.out, "\"title\":\t\"Backend Engineer (Go) & SRE\""));
	assert_non_null(strstr(r.out, "/j/9E0F1A2B3C/apply\"")); /* relative, resolved */
	assert_non_null(strstr(r.out, "\"expires\":\t\"2036-04-30\""));
	assert_null(strstr(r.out, "Internal Transfer Only"));
	assert_null(strstr(r.out, "Concept vacature"));
	tu_run_free(&r);
	httpd_stop(srv);
	tu_rmtree(cache);
}

static const tu_reader board_readers[] = {import_ashby, import_workable, import_recruitee};

/* The reader contract (tu_run_reader) on data with source hostile.json. */
static int run(tu_reader rd, const char *data, size_t len, jk_err *err, size_t *n)
{
	return tu_run_reader(rd, data, len, "hostile.json", err, n);
}

static void test_hostile_shapes(void **state)
{
	(void)state;
	const char *docs[] = {
	    "{}",
	    "[]",
	    "null",
	    "42",
	    "\"jobs\"",
	    "{\"jobs\": {}}",
	    "{\"offers\": \"x\"}",
	    "{\"offer\": []}",
	    "{\"jobs\": [1, \"a\", null, [], {\"title\": []}, {\"title\": {}}]}",
	    "{\"offers\": [true, {\"title\": 5, \"status\": []}]}",
	    "{\"jobs\": [{\"title\": \"T\", \"secondaryLocations\": [1, null, {\"location\": 3,"
	    " \"address\": []}], \"compensation\": {\"summaryComponents\": [{\"compensationType\":"
	    " \"Salary\", \"minValue\": \"NaN\", \"maxValue\": 1e308, \"interval\": 7}]},"
	    " \"shouldDisplayCompensationOnJobPostings\": true}]}",
	    "{\"jobs\": [{\"title\": \"T\", \"locations\": [{\"hidden\": \"no\", \"city\": []}],"
	    " \"location\": 5, \"employment_type\": \"\", \"full_description\": 3}]}",
	    "{\"offers\": [{\"title\": \"T\", \"salary\": {\"min\": -5, \"max\": \"1e999\","
	    " \"period\": \"per_annum_with_a_very_long_name\", \"currency\": 9},"
	    " \"employment_type_code\": \"___\", \"locations\": [[], {\"city\": {}}]}]}",
	    "{\"offers\": [{\"title\": \"T\", \"employment_type_code\":"
	    " \"a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s_t_u_v_w_x_y_z\"}]}",
	    "{\"jobs\": [",
	    "{\"offers\": [{\"title\": \"unterminated",
	    "{\"jobs\": [{,]}",
	    "\xEF\xBB\xBF{}",
	};
	tu_run_each(board_readers, JK_ARRAY_LEN(board_readers), docs, JK_ARRAY_LEN(docs),
	            "hostile.json");
	jk_err err;
	assert_int_equal(run(import_ashby, "{}", 2, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "Ashby"));
	assert_int_equal(run(import_workable, "{\"jobs\": {}}", 12, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "Workable"));
	assert_int_equal(run(import_recruitee, "{\"offers\": \"x\"}", 15, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "Recruitee"));
	size_t n = 9;
	assert_int_equal(run(import_ashby, "{\"apiVersion\":\"1\",\"jobs\":[]}", 28, &err, &n), 0);
	assert_int_equal(n, 0);
	const char *codes = "{\"offers\": [{\"title\": \"T\", \"employment_type_code\":"
	                    " \"a_b_c_d_e_f_g\"}]}";
	posting_list l;
	posting_list_init(&l);
	assert_int_equal(import_recruitee(codes, strlen(codes), NULL, &l, &err), 0);
	assert_non_null(l.items[0]->employment); /* capped at four words */
	assert_null(strstr(l.items[0]->employment, "e"));
	posting_list_free(&l);
}

static void test_empty_truncated_binary(void **state)
{
	(void)state;
	static const char *const files[] = {"ashby/board.json", "workable/account.json",
	                                    "recruitee/offers.json"};
	jk_err err;
	for (size_t i = 0; i < JK_ARRAY_LEN(files); i++) {
		char path[256];
		size_t n;
		snprintf(path, sizeof path, "tests/data/boards/%s", files[i]);
		char *d = tu_read(tu_root(path), &n);
		for (size_t cut = 0; cut < n; cut += 61)
			run(board_readers[i], d, cut, &err, NULL);
		assert_int_equal(run(board_readers[i], d, n / 2, &err, NULL), JK_EFORMAT);
		assert_non_null(strstr(err.msg, "ends early"));
		assert_int_equal(run(board_readers[i], "", 0, &err, NULL), JK_EFORMAT);
		/* Binary that starts like the board: refused at the door. */
		memset(d + 20, 0, 64);
		posting_list l;
		posting_list_init(&l);
		import_opts o = {.source = files[i]};
		memset(&err, 0, sizeof err);
		assert_true(import_bytes(d, n, &o, &l, &err) < 0);
		assert_int_equal(l.n, 0);
		assert_null(strchr(err.msg, '\n'));
		run(board_readers[i], d, n, &err, NULL); /* and called directly: no crash */
		free(d);
	}
	/* Bytes that are not UTF-8 inside a value: read as Windows-1252. */
	const char *bad = "{\"offers\":[{\"title\":\"Caf\xE9 \xFF lead\","
	                  "\"careers_url\":\"https://x.example/o/1\"}]}";
	posting_list l;
	posting_list_init(&l);
	import_opts o = {.source = "bad.json", .warn = count_warn};
	assert_int_equal(import_bytes(bad, strlen(bad), &o, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_true(jk_utf8_valid(l.items[0]->title, strlen(l.items[0]->title)));
	posting_list_free(&l);
}

/* A board of about 5 MB in the shape of tu_reader which (0 Ashby, 1 Workable,
 * 2 Recruitee): more jobs than one document may give. */
static void big_board(jk_buf *b, int which)
{
	static const char *const heads[] = {"{\"apiVersion\":\"1\",\"jobs\":[",
	                                    "{\"name\":\"Big\",\"jobs\":[", "{\"offers\":["};
	assert_int_equal(jk_buf_puts(b, heads[which]), 0);
	for (int i = 0; b->len < (5u << 20); i++) {
		int r = i ? jk_buf_putc(b, ',') : 0;
		if (!r && which == 0)
			r = jk_buf_printf(
			    b,
			    "{\"id\":\"j%d\",\"title\":\"Job %d\",\"isListed\":true,"
			    "\"jobUrl\":\"https://jobs.ashbyhq.com/big/%d\","
			    "\"descriptionHtml\":\"<p>%0300d</p><ul><li>item</li></ul>\"}",
			    i, i, i, i);
		else if (!r && which == 1)
			r = jk_buf_printf(
			    b,
			    "{\"shortcode\":\"S%d\",\"title\":\"Job %d\",\"application_url\":"
			    "\"https://apply.workable.com/j/%d\",\"description\":\"<p>%0300d</"
			    "p>\"}",
			    i, i, i, i);
		else if (!r)
			r = jk_buf_printf(
			    b,
			    "{\"id\":%d,\"title\":\"Job %d\",\"status\":\"published\","
			    "\"careers_url\":\"https://big.recruitee.com/o/%d\","
			    "\"description\":\"<p>%0300d</p>\"}",
			    i, i, i, i);
		assert_int_equal(r, 0);
	}
	assert_int_equal(jk_buf_puts(b, "]}"), 0);
}

static void test_huge_and_deep(void **state)
{
	(void)state;
	for (int w = 0; w < 3; w++) {
		jk_buf b = {0};
		big_board(&b, w);
		posting_list l;
		posting_list_init(&l);
		import_opts o = {.source = "big.json", .warn = count_warn};
		jk_err err = {0};
		warnings = 0;
		assert_int_equal(import_bytes(b.data, b.len, &o, &l, &err), 0);
		assert_int_equal(l.n, 5000); /* the cap, said once */
		assert_int_equal(warnings, 1);
		assert_string_equal(l.items[4999]->title, "Job 4999");
		posting_list_free(&l);
		jk_buf_free(&b);
	}
	/* 100,000 levels deep inside the list: cJSON's limit, a clear reason. */
	static const char *const heads[] = {
	    "{\"jobs\":", "{\"name\":\"x\",\"jobs\":", "{\"offers\":"};
	size_t deep = 100000;
	char *doc = malloc(deep * 2 + 64);
	assert_non_null(doc);
	for (int w = 0; w < 3; w++) {
		int k = sprintf(doc, "%s", heads[w]);
		memset(doc + k, '[', deep);
		memset(doc + k + deep, ']', deep);
		doc[k + 2 * deep] = '}';
		jk_err err;
		assert_int_equal(run(board_readers[w], doc, (size_t)k + 2 * deep + 1, &err, NULL),
		                 JK_EFORMAT);
		assert_non_null(strstr(err.msg, "nested"));
	}
	free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_ashby_board),
	    cmocka_unit_test(test_ashby_board_kinds),
	    cmocka_unit_test(test_ashby_real_world),
	    cmocka_unit_test(test_ashby_single_job),
	    cmocka_unit_test(test_workable_account),
	    cmocka_unit_test(test_workable_job),
	    cmocka_unit_test(test_recruitee_offers),
	    cmocka_unit_test(test_recruitee_single),
	    cmocka_unit_test(test_sniff),
	    cmocka_unit_test(test_urls),
	    cmocka_unit_test(test_hostile_shapes),
	    cmocka_unit_test(test_empty_truncated_binary),
	    cmocka_unit_test(test_huge_and_deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
