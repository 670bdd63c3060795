/* test_boards_list.c — the readers of job boards whose list lacks the
 * posting's text (SmartRecruiters, Workday, Breezy): every mapped field, the
 * detail each list entry names, dates relative to the fetch, the real
 * Workday list, sniffing that steals no other format, and hostile input. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FETCHED 1775822400 /* 2026-04-10T12:00:00Z */
#define SR_LIST "https://api.smartrecruiters.com/v1/companies/BrightfieldLogistics/postings"
#define WD_LIST "https://acme.wd3.myworkdayjobs.com/wday/cxs/acme/Careers/jobs"
#define WD_REAL "real-world/ats-workday-salesforce-cxs.json"

static int warnings;
static void count_warn(void *ud, const char *source, const char *msg)
{
	(void)ud, (void)source;
	assert_null(strchr(msg, '\n'));
	warnings++;
}

/* Reads tests/data/boards/<rel> through import_bytes as if fetched from
 * source at FETCHED; fails the test unless it reads. */
static void load(const char *rel, const char *source, posting_list *l)
{
	char path[256];
	size_t n;
	snprintf(path, sizeof path, "tests/data/boards/%s", rel);
	char *d = tu_read(tu_root(path), &n);
	import_opts o = {.source = source ? source : path, .fetched_at = FETCHED};
	jk_err err = {0};
	posting_list_init(l);
	int r = import_bytes(d, n, &o, l, &err);
	if (r)
		fail_msg("%s: %s", rel, err.msg);
	free(d);
}

static import_format sniffed(const char *path)
{
	size_t n;
	char *d = tu_read(path, &n);
	import_opts o = {.source = "board.json"};
	import_format f = import_sniff(d, n, &o);
	free(d);
	return f;
}

/* The reader contract (tu_run_reader) on data from a board's list URL. */
static int run(tu_reader rd, const char *data, size_t len, jk_err *err, size_t *n)
{
	return tu_run_reader(rd, data, len, "https://boards.example.com/x/postings", err, n);
}

static void test_sr_list(void **state)
{
	(void)state;
	posting_list l;
	load("smartrecruiters/list-page1.json", SR_LIST "?limit=100&offset=0", &l);
	assert_int_equal(l.n, 4); /* non-objects and the entry without a name skipped */
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Senior Backend Engineer & Mentor");
	assert_string_equal(p->organization, "Brightfield Logistics");
	assert_string_equal(p->location, "Lisbon, Lisboa, Portugal");
	assert_string_equal(p->employment, "Full-time (hybrid)");
	assert_string_equal(p->posted, "2026-03-28");
	assert_string_equal(p->native_id, "744000012345678");
	assert_int_equal(p->ntags, 1);
	assert_string_equal(p->tags[0], "Engineering");
	assert_int_equal(p->nsections, 0);
	assert_string_equal(p->language, "en"); /* language.code */
	/* The detail is the list's own URL + id (query dropped), not "ref". */
	assert_string_equal(p->detail, SR_LIST "/744000012345678");
	assert_string_equal(
	    p->apply, "https://jobs.smartrecruiters.com/BrightfieldLogistics/744000012345678");

	p = l.items[1]; /* numeric id, no fullLocation, remote, non-Latin */
	assert_string_equal(p->title,
	                    "\xE3\x82\xBD\xE3\x83\x95\xE3\x83\x88\xE3\x82\xA6\xE3\x82\xA7"
	                    "\xE3\x82\xA2\xE3\x82\xA8\xE3\x83\xB3\xE3\x82\xB8\xE3\x83\x8B"
	                    "\xE3\x82\xA2\xEF\xBC\x88\xE6\x9D\xB1\xE4\xBA\xAC\xEF\xBC\x89");
	assert_string_equal(p->location, "\xE6\x9D\xB1\xE4\xBA\xAC, Tokyo, JP");
	assert_string_equal(p->employment, "Part-time (remote)");
	assert_string_equal(p->native_id, "744000099");
	assert_int_equal(p->ntags, 0); /* department {} */
	assert_string_equal(p->detail, SR_LIST "/744000099");
	assert_string_equal(p->apply,
	                    "https://jobs.smartrecruiters.com/Brightfield%20Logistics/744000099");

	p = l.items[2]; /* wrong types: skipped field by field; the id encoded */
	assert_string_equal(p->title, "Warehouse Lead");
	assert_null(p->organization);
	assert_null(p->location);
	assert_null(p->employment);
	assert_null(p->posted);
	assert_int_equal(p->ntags, 0);
	assert_string_equal(p->detail, SR_LIST "/x%203%2F..");

	p = l.items[3]; /* an entry that has its job ad needs no detail */
	assert_string_equal(p->title, "Forklift Driver");
	assert_string_equal(p->location, "Porto, PT");
	assert_string_equal(p->employment, "Seasonal work");
	assert_null(p->detail);
	assert_true(tu_contains(p, "Drive forklifts."));
	posting_list_free(&l);

	/* A trailing slash on the list URL changes nothing. */
	load("smartrecruiters/list-page1.json", SR_LIST "/", &l);
	assert_string_equal(l.items[0]->detail, SR_LIST "/744000012345678");
	posting_list_free(&l);

	load("smartrecruiters/list-empty.json", SR_LIST "?offset=100", &l);
	assert_int_equal(l.n, 0);
	posting_list_free(&l);
}

static void test_sr_list_elsewhere(void **state)
{
	(void)state;
	/* From a file, or a URL not ending in /postings: the entry's "ref". */
	const char *sources[] = {NULL, "http://127.0.0.1:8080/cache/sr-page-1.json"};
	for (size_t i = 0; i < JK_ARRAY_LEN(sources); i++) {
		posting_list l;
		load("smartrecruiters/list-page1.json", sources[i], &l);
		assert_int_equal(l.n, 4);
		assert_string_equal(l.items[0]->detail,
		                    "https://api.smartrecruiters.com/v1/companies/"
		                    "BrightfieldLogistics/postings/744000012345678");
		assert_null(l.items[2]->detail); /* ref "javascript:…" is no address */
		posting_list_free(&l);
	}
}

static void test_sr_detail(void **state)
{
	(void)state;
	posting_list l;
	load("smartrecruiters/detail.json", SR_LIST "/744000012345678", &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Senior Backend Engineer & Mentor");
	assert_string_equal(p->organization, "Brightfield Logistics");
	assert_string_equal(p->location, "Lisbon, Lisboa, Portugal");
	assert_string_equal(p->employment, "Full-time (hybrid)");
	assert_string_equal(p->posted, "2026-03-28");
	assert_string_equal(p->native_id, "744000012345678");
	/* applyUrl beats postingUrl; a detail names no further detail. */
	assert_string_equal(p->apply, "https://jobs.smartrecruiters.com/BrightfieldLogistics/"
	                              "744000012345678-senior-backend-engineer-mentor?oga=true");
	assert_null(p->detail);
	/* The four sections in the order SmartRecruiters shows them. */
	assert_int_equal(p->nsections, 4);
	assert_string_equal(p->sections[0].heading, "Company Description");
	assert_string_equal(p->sections[1].heading, "Job Description");
	assert_string_equal(p->sections[2].heading, "Qualifications");
	assert_string_equal(p->sections[3].heading, "Additional Information");
	const posting_section *s = tu_section(p, "Job Description");
	assert_int_equal(s->nblocks, 3);
	assert_string_equal(s->blocks[0].text,
	                    "You will own the routing service & mentor two engineers.");
	assert_int_equal(s->blocks[0].nspans, 1);
	assert_int_equal(s->blocks[1].kind, POSTING_BULLET);
	assert_string_equal(s->blocks[2].text, "Review code daily");
	assert_true(tu_contains(p, "Portugu\xC3\xAAs \xC3\xA9 um plus"));
	assert_true(tu_contains(p, "Caf\xC3\xA9 on site."));
	assert_false(tu_contains(p, "alert"));
	assert_false(tu_contains(p, "Videos"));
	posting_list_free(&l);

	/* Sections without a title, a title or text of the wrong type, no
	 * applyUrl (a number): postingUrl; country code upper-cased. */
	load("smartrecruiters/detail-sparse.json", SR_LIST "/744000077777777", &l);
	assert_int_equal(l.n, 1);
	p = l.items[0];
	assert_string_equal(p->title,
	                    "\xD0\x97\xD0\xB0\xD0\xB2\xD0\xB5\xD0\xB4\xD1\x83\xD1\x8E\xD1\x89"
	                    "\xD0\xB8\xD0\xB9 \xD1\x81\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xB4\xD0\xBE"
	                    "\xD0\xBC");
	assert_null(p->organization);
	assert_string_equal(p->location, "Riga, LV");
	assert_string_equal(p->employment, "Contract");
	assert_string_equal(
	    p->apply, "https://jobs.smartrecruiters.com/BrightfieldLogistics/744000077777777");
	assert_null(p->detail);
	assert_int_equal(p->nsections, 2);
	assert_null(p->sections[0].heading);
	assert_null(p->sections[1].heading);
	assert_false(tu_contains(p, "Extra"));
	posting_list_free(&l);
}

static void test_wd_list(void **state)
{
	(void)state;
	posting_list l;
	load("workday/list-page1.json", WD_LIST, &l);
	assert_int_equal(l.n, 6); /* the entry of wrong types and the string skipped */
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Platform Engineer");
	assert_string_equal(p->location, "Berlin, Germany");
	assert_string_equal(p->posted, "2026-04-10"); /* Posted Today */
	assert_string_equal(p->native_id, "/job/Berlin-Germany/Platform-Engineer_R-1001");
	assert_int_equal(p->nsections, 0);
	assert_string_equal(p->detail, "https://acme.wd3.myworkdayjobs.com/wday/cxs/acme/Careers"
	                               "/job/Berlin-Germany/Platform-Engineer_R-1001");
	assert_string_equal(p->apply, "https://acme.wd3.myworkdayjobs.com/Careers"
	                              "/job/Berlin-Germany/Platform-Engineer_R-1001");
	assert_null(p->organization);

	p = l.items[1]; /* entities, non-ASCII path, "2 Locations" is no place */
	assert_string_equal(p->title, "Ing\xC3\xA9nieure logiciel & donn\xC3\xA9"
	                              "es \xE2\x80\x93 Montr\xC3\xA9"
	                              "al");
	assert_null(p->location);
	assert_string_equal(p->posted, "2026-04-09"); /* Posted Yesterday */
	assert_string_equal(p->detail, "https://acme.wd3.myworkdayjobs.com/wday/cxs/acme/Careers"
	                               "/job/Montr%C3%A9al/Ing%C3%A9nieure-logiciel_R-1002");
	assert_string_equal(p->apply, "https://acme.wd3.myworkdayjobs.com/Careers"
	                              "/job/Montr%C3%A9al/Ing%C3%A9nieure-logiciel_R-1002");

	p = l.items[2];
	assert_string_equal(p->location, "\xE6\x9D\xB1\xE4\xBA\xAC");
	assert_string_equal(p->posted, "2026-04-07"); /* Posted 3 Days Ago */

	p = l.items[3];
	assert_string_equal(p->title, "Warehouse Associate");
	assert_null(p->posted); /* Posted 30+ Days Ago: older, but not when */

	p = l.items[4]; /* a path climbing out of the site: no detail, no page */
	assert_string_equal(p->title, "Climbing Path");
	assert_string_equal(p->posted, "2026-04-09");
	assert_null(p->detail);
	assert_string_equal(p->apply, WD_LIST); /* the last resort: the source */

	p = l.items[5]; /* no path; wording in another language gives no date */
	assert_string_equal(p->title, "No Path Here");
	assert_null(p->posted);
	assert_null(p->detail);
	assert_null(p->native_id);
	posting_list_free(&l);

	load("workday/list-empty.json", WD_LIST "?offset=40", &l);
	assert_int_equal(l.n, 0);
	posting_list_free(&l);
}

static void test_wd_list_elsewhere(void **state)
{
	(void)state;
	/* Not a myworkdayjobs.com host: the public page's shape is unknown, so
	 * the apply target is the detail's address. */
	posting_list l;
	load("workday/list-page1.json", "http://127.0.0.1:8080/wday/cxs/acme/Careers/jobs?x=1#f",
	     &l);
	const posting *p = l.items[0];
	assert_string_equal(p->detail, "http://127.0.0.1:8080/wday/cxs/acme/Careers"
	                               "/job/Berlin-Germany/Platform-Engineer_R-1001");
	assert_string_equal(p->apply, p->detail);
	posting_list_free(&l);

	/* A look-alike host is not Workday's. */
	load("workday/list-page1.json", "https://evil-myworkdayjobs.com/wday/cxs/a/B/jobs", &l);
	assert_string_equal(l.items[0]->apply, l.items[0]->detail);
	posting_list_free(&l);

	/* Not a …/jobs URL, or a file: nothing to resolve the paths against. */
	const char *sources[] = {"https://acme.wd3.myworkdayjobs.com/wday/cxs/acme/Careers/x",
	                         NULL};
	for (size_t i = 0; i < JK_ARRAY_LEN(sources); i++) {
		load("workday/list-page1.json", sources[i], &l);
		assert_null(l.items[0]->detail);
		assert_true(!l.items[0]->apply || !strcmp(l.items[0]->apply, sources[i]));
		posting_list_free(&l);
	}
}

static void test_wd_real_world(void **state)
{
	(void)state;
	size_t n;
	char *d = tu_read(tu_fixture(WD_REAL), &n);
	/* The file alone: titles and relative dates, but no host, tenant or
	 * site, so no detail and no apply target. */
	import_opts o = {.source = tu_fixture(WD_REAL), .fetched_at = FETCHED};
	assert_int_equal(import_sniff(d, n, &o), IMPORT_WORKDAY);
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	assert_int_equal(import_bytes(d, n, &o, &l, &err), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->title,
	                    "Solution Architect / Senior Solution Architect - PubSec - SLED/NGO");
	assert_string_equal(l.items[0]->posted, "2026-04-09");
	assert_null(l.items[0]->location); /* "3 Locations" */
	assert_null(l.items[0]->apply);
	assert_null(l.items[0]->detail);
	assert_string_equal(l.items[1]->posted, "2026-04-07");
	posting_list_free(&l);

	/* Read as fetched from the endpoint it was cached from. */
	o.source = "https://salesforce.wd12.myworkdayjobs.com/wday/cxs/salesforce/"
	           "External_Career_Site/jobs";
	posting_list_init(&l);
	assert_int_equal(import_bytes(d, n, &o, &l, &err), 0);
	assert_string_equal(l.items[0]->apply,
	                    "https://salesforce.wd12.myworkdayjobs.com/External_Career_Site/job/"
	                    "Virginia---Washington-DC-Metro---Remote/Solution-Architect---Senior-"
	                    "Solution-Architect---PubSec---SLED-NGO_JR354232");
	assert_string_equal(l.items[0]->detail,
	                    "https://salesforce.wd12.myworkdayjobs.com/wday/cxs/salesforce/"
	                    "External_Career_Site/job/Virginia---Washington-DC-Metro---Remote/"
	                    "Solution-Architect---Senior-Solution-Architect---PubSec---SLED-NGO_"
	                    "JR354232");
	assert_string_equal(l.items[1]->title, "Customer Success Manager - Global Public Sector "
	                                       "(State, Local Government and Education)");
	posting_list_free(&l);
	free(d);
}

static void test_wd_detail(void **state)
{
	(void)state;
	posting_list l;
	load("workday/detail.json",
	     "https://acme.wd3.myworkdayjobs.com/wday/cxs/acme/Careers/job/Berlin-Germany/"
	     "Platform-Engineer_R-1001",
	     &l);
	assert_int_equal(l.n, 1);
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Platform Engineer");
	assert_string_equal(p->organization, "Acme Tooling GmbH");
	/* Three places, the rest counted; the repeated one left out. */
	assert_string_equal(p->location, "Berlin, Germany; Munich, Germany; Hamburg, Germany "
	                                 "+2 more");
	assert_string_equal(p->employment, "Full-time (hybrid)");
	assert_string_equal(p->posted, "2026-04-08"); /* startDate, not postedOn */
	assert_string_equal(p->expires, "2026-05-31");
	assert_string_equal(p->apply, "https://acme.wd3.myworkdayjobs.com/Careers/job/"
	                              "Berlin-Germany/Platform-Engineer_R-1001");
	assert_string_equal(p->native_id, "59f1d09e17f91000864b0ea19f7f0000");
	assert_null(p->detail);
	assert_true(tu_contains(p, "Keep our build farm fast & green."));
	assert_true(tu_contains(p, "Linux internals"));
	assert_true(tu_contains(p, "Equal opportunity employer."));
	posting_list_free(&l);

	/* Wrong types skipped; postedOn gives the date; jobReqId the id. */
	load("workday/detail-sparse.json", NULL, &l);
	assert_int_equal(l.n, 1);
	p = l.items[0];
	assert_string_equal(p->title, "T\xC3\xA9"
	                              "cnico de mantenimiento");
	assert_null(p->organization);
	assert_null(p->location);
	assert_null(p->employment);
	assert_string_equal(p->posted, "2026-04-08");
	assert_null(p->apply);
	assert_string_equal(p->native_id, "4711");
	assert_true(tu_contains(p, "Mantenimiento preventivo & correctivo."));
	posting_list_free(&l);
}

/* postedOn of a one-entry list read at fetched; NULL or the date (static). */
static const char *posted_on(const char *text, int64_t fetched)
{
	static char out[16];
	char doc[256];
	snprintf(doc, sizeof doc, "{\"jobPostings\":[{\"title\":\"T\",\"postedOn\":\"%s\"}]}",
	         text);
	posting_list l;
	posting_list_init(&l);
	import_opts o = {.source = WD_LIST, .fetched_at = fetched};
	jk_err err = {0};
	assert_int_equal(import_workday(doc, strlen(doc), &o, &l, &err), 0);
	assert_int_equal(l.n, 1);
	const char *d = l.items[0]->posted;
	snprintf(out, sizeof out, "%s", d ? d : "");
	posting_list_free(&l);
	return out[0] ? out : NULL;
}

static void test_wd_relative_dates(void **state)
{
	(void)state;
	assert_string_equal(posted_on("Posted 1 Day Ago", FETCHED), "2026-04-09");
	assert_string_equal(posted_on("posted today", FETCHED), "2026-04-10");
	assert_string_equal(posted_on("Posted 10 Days Ago", FETCHED), "2026-03-31");
	assert_string_equal(posted_on("Posted 400 Days Ago", FETCHED), "2025-03-06");
	/* Just after midnight UTC the day before is yesterday. */
	assert_string_equal(posted_on("Posted Yesterday", 1775779200 + 1), "2026-04-09");
	const char *none[] = {"Posted 30+ Days Ago",
	                      "Posted 99999 Days Ago",
	                      "Posted -3 Days Ago",
	                      "Posted 3 Days",
	                      "Posted",
	                      "Posted Tomorrow",
	                      "3 Days Ago",
	                      "Vor 3 Tagen",
	                      "Posted 3 Days Ago!",
	                      ""};
	for (size_t i = 0; i < JK_ARRAY_LEN(none); i++)
		assert_null(posted_on(none[i], FETCHED));
	assert_null(posted_on("Posted Today", -5));
	assert_null(posted_on("Posted Today", INT64_MAX));
	/* 0: the fetch is now. */
	char before[16], after[16];
	time_t t0 = time(NULL);
	strftime(before, sizeof before, "%Y-%m-%d", gmtime(&t0));
	const char *d = posted_on("Posted Today", 0);
	time_t t1 = time(NULL);
	strftime(after, sizeof after, "%Y-%m-%d", gmtime(&t1));
	assert_non_null(d);
	assert_true(!strcmp(d, before) || !strcmp(d, after));
}

static void test_breezy(void **state)
{
	(void)state;
	posting_list l;
	load("breezy/positions.json", "https://acme.breezy.hr/json", &l);
	assert_int_equal(l.n, 5); /* 42 and the entry with neither name nor url skipped */
	const posting *p = l.items[0];
	assert_string_equal(p->title, "Customer Success Manager (m/w/d)");
	assert_string_equal(p->organization, "Acme GmbH");
	assert_string_equal(p->location, "Berlin, DE");
	assert_string_equal(p->employment, "Full-time");
	assert_string_equal(p->pay, "\xE2\x82\xAC"
	                            "50,000 - \xE2\x82\xAC"
	                            "60,000");
	assert_string_equal(p->posted, "2026-03-02");
	assert_string_equal(p->native_id, "9fdd4744af8f01");
	assert_int_equal(p->ntags, 1);
	assert_string_equal(p->tags[0], "Customer Success");
	assert_string_equal(p->apply,
	                    "https://acme.breezy.hr/p/9fdd4744af8f-customer-success-manager-m-w-d");
	assert_string_equal(p->detail, p->apply);
	assert_int_equal(p->nsections, 0);

	p = l.items[1]; /* no location name; remote; salary as a number */
	assert_string_equal(p->title,
	                    "\xD9\x85\xD9\x87\xD9\x86\xD8\xAF\xD8\xB3 \xD8\xA8\xD8\xB1\xD9\x85"
	                    "\xD8\xAC\xD9\x8A\xD8\xA7\xD8\xAA");
	assert_string_equal(p->location, "Dubai, United Arab Emirates");
	assert_string_equal(p->employment, "Contract (remote)");
	assert_string_equal(p->pay, "85,000");
	assert_int_equal(p->ntags, 0);

	p = l.items[2]; /* wrong types everywhere */
	assert_null(p->organization);
	assert_null(p->location);
	assert_null(p->employment);
	assert_null(p->pay);
	assert_null(p->posted);
	assert_int_equal(p->ntags, 0);
	assert_string_equal(p->native_id, "12345");
	assert_string_equal(p->detail, "https://acme.breezy.hr/p/3-wrong-types");

	p = l.items[3]; /* entity in the name; relative url; "locations" list */
	assert_string_equal(p->title, "R&D Engineer");
	assert_string_equal(p->location, "Lyon, France");
	assert_string_equal(p->employment, "Internship");
	assert_string_equal(p->posted, "2026-01-20");
	assert_string_equal(p->apply, "https://acme.breezy.hr/p/abc04-r-d-engineer");
	assert_string_equal(p->detail, p->apply);

	p = l.items[4]; /* an ftp page is neither target nor detail */
	assert_string_equal(p->employment, "Part-time");
	assert_null(p->detail);
	assert_string_equal(p->apply, "https://acme.breezy.hr/json");
	posting_list_free(&l);

	/* From a file a relative url resolves against nothing. */
	load("breezy/positions.json", NULL, &l);
	assert_null(l.items[3]->detail);
	assert_null(l.items[3]->apply);
	assert_string_equal(l.items[0]->detail, l.items[0]->apply);
	posting_list_free(&l);
}

static void test_sniff(void **state)
{
	(void)state;
	static const struct {
		const char *path;
		import_format f;
	} files[] = {
	    {"tests/data/boards/smartrecruiters/list-page1.json", IMPORT_SMARTRECRUITERS},
	    {"tests/data/boards/smartrecruiters/list-empty.json", IMPORT_SMARTRECRUITERS},
	    {"tests/data/boards/smartrecruiters/detail.json", IMPORT_SMARTRECRUITERS},
	    {"tests/data/boards/smartrecruiters/detail-sparse.json", IMPORT_SMARTRECRUITERS},
	    {"tests/data/boards/workday/list-page1.json", IMPORT_WORKDAY},
	    {"tests/data/boards/workday/list-empty.json", IMPORT_WORKDAY},
	    {"tests/data/boards/workday/detail.json", IMPORT_WORKDAY},
	    {"tests/data/boards/workday/detail-sparse.json", IMPORT_WORKDAY},
	    {"tests/data/boards/breezy/positions.json", IMPORT_BREEZY},
	    {"tests/data/json/greenhouse-board.json", IMPORT_GREENHOUSE},
	    {"tests/data/json/greenhouse-job.json", IMPORT_GREENHOUSE},
	    {"tests/data/json/lever-postings.json", IMPORT_LEVER},
	    {"tests/data/json/feed.json", IMPORT_JSONFEED},
	    {"samples/larkspur-energy-greenhouse.json", IMPORT_GREENHOUSE},
	    {"samples/tidewater-analytics-lever.json", IMPORT_LEVER},
	    {"samples/quill-compass-press.json", IMPORT_JSONFEED},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(files); i++)
		if (sniffed(tu_root(files[i].path)) != files[i].f)
			fail_msg("%s read as %s", files[i].path,
			         import_format_name(sniffed(tu_root(files[i].path))));
	assert_int_equal(sniffed(tu_fixture("real-world/ats-greenhouse-amplitude.json")),
	                 IMPORT_GREENHOUSE);
	assert_int_equal(sniffed(tu_fixture("real-world/ats-lever-idealistconsulting.json")),
	                 IMPORT_LEVER);
	assert_int_equal(sniffed(tu_fixture("real-world/feed-teamtailor-jsonfeed.json")),
	                 IMPORT_JSONFEED);

	/* The keys inside a string value, or as values, steal nothing. */
	static const struct {
		const char *doc;
		import_format f;
	} docs[] = {
	    {"{\"jobs\":[{\"title\":\"T\",\"absolute_url\":\"https://x.example/1\",\"content\":"
	     "\"{\\\"jobPostingInfo\\\": {}, \\\"releasedDate\\\": 1, \\\"friendly_id\\\": 2,"
	     " \\\"published_date\\\": 3}\"}]}",
	     IMPORT_GREENHOUSE},
	    {"{\"@context\":\"https://schema.org\",\"@type\":\"JobPosting\",\"title\":\"T\","
	     "\"hiringOrganization\":{\"name\":\"releasedDate\"},\"description\":\"typeOfEmployment"
	     "\"}",
	     IMPORT_JSONLD},
	    {"{\"@context\":\"https://schema.org\",\"jobPostings\":[{\"@type\":\"JobPosting\","
	     "\"title\":\"T\"}]}",
	     IMPORT_JSONLD},
	    {"[{\"text\":\"T\",\"hostedUrl\":\"https://x.example/1\",\"categories\":{}}]",
	     IMPORT_LEVER},
	    {"{\"content\": [], \"totalFound\" : 0}", IMPORT_SMARTRECRUITERS},
	    {"{\"jobPostings\": []}", IMPORT_WORKDAY},
	    {"[{\"friendly_id\":\"a\",\"published_date\":\"2026-01-01\"}]", IMPORT_BREEZY},
	    {"[{\"friendly_id\":\"a\"}]", IMPORT_JSONLD},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(docs); i++)
		if (import_sniff(docs[i].doc, strlen(docs[i].doc), NULL) != docs[i].f)
			fail_msg("%s read as %s", docs[i].doc,
			         import_format_name(
			             import_sniff(docs[i].doc, strlen(docs[i].doc), NULL)));
	assert_string_equal(import_format_name(IMPORT_SMARTRECRUITERS), "SmartRecruiters JSON");
	assert_string_equal(import_format_name(IMPORT_WORKDAY), "Workday JSON");
	assert_string_equal(import_format_name(IMPORT_BREEZY), "Breezy JSON");
}

static void test_url_extend(void **state)
{
	(void)state;
	const char *base = "https://h.example/a/postings";
	char *u = import_url_extend(base, strlen(base) - 9, "/p q/\xC3\xA9%41%zz?#", false);
	assert_string_equal(u, "https://h.example/a/p%20q/%C3%A9%41%25zz%3F%23");
	free(u);
	u = import_url_extend("https://h.example/", 18, "a/b", true);
	assert_string_equal(u, "https://h.example/a%2Fb");
	free(u);
	const char *climbs[] = {"/..", "/../x", "/a/./b", "/%2e%2E/x", "/a/.", "..", "."};
	for (size_t i = 0; i < JK_ARRAY_LEN(climbs); i++)
		assert_null(import_url_extend("https://h.example/s", 19, climbs[i], false));
	assert_null(import_url_extend("https://h.example/s/", 20, "..", true));
	u = import_url_extend("https://h.example/s/", 20, "...", true);
	assert_string_equal(u, "https://h.example/s/...");
	free(u);
	assert_null(import_url_extend("ftp://h.example/", 16, "x", true));
	assert_null(import_url_extend("mailto:", 7, "a@b.example", true));
	assert_null(import_url_extend(NULL, 0, "x", true));
}

static void test_hostile_shapes(void **state)
{
	(void)state;
	const tu_reader rds[] = {import_smartrecruiters, import_workday, import_breezy};
	const char *docs[] = {
	    "{}",
	    "[]",
	    "null",
	    "\"content\"",
	    "{\"content\": {}}",
	    "{\"content\": [1, \"a\", null, [], {\"name\": []}, {\"jobAd\": 5}]}",
	    "{\"content\": [{\"name\": \"T\", \"id\": {}, \"ref\": [], \"company\": []}]}",
	    "{\"name\": \"T\", \"jobAd\": {\"sections\": [1, 2]}, \"location\": \"x\"}",
	    "{\"name\": \"T\", \"jobAd\": {\"sections\": {\"jobDescription\": {\"text\": {}}}}}",
	    "{\"jobPostings\": {}}",
	    "{\"jobPostings\": [{\"title\": \"T\", \"externalPath\": \"job\"}]}",
	    "{\"jobPostings\": [{\"title\": \"T\", \"externalPath\": \"/" /* long path */
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "a\"}]}",
	    "{\"jobPostingInfo\": []}",
	    "{\"jobPostingInfo\": {\"title\": {}, \"jobDescription\": 1}}",
	    "{\"jobPostingInfo\": {\"title\": \"T\", \"additionalLocations\": [1, null, \"\", "
	    "\"x\"]},"
	    " \"hiringOrganization\": []}",
	    "[{\"name\": \"T\", \"url\": \"https://\", \"location\": {\"state\": 1, \"country\": "
	    "[]}}]",
	    "[{\"name\": \"T\", \"salary\": -5, \"locations\": {}}, {\"name\": \"U\", \"salary\": "
	    "1e300}]",
	    "{\"name\": \"T\", \"url\": \"javascript:alert(1)\"}",
	    "{\"content\": [",
	    "[{\"name\": \"unterminated",
	    "{\"jobPostings\": [{,]}",
	    "\xFF\xFE"};
	tu_run_each(rds, JK_ARRAY_LEN(rds), docs, JK_ARRAY_LEN(docs),
	            "https://boards.example.com/x/postings");
	jk_err err;
	assert_int_equal(run(import_smartrecruiters, "{\"content\": {}}", 15, &err, NULL),
	                 JK_EFORMAT);
	assert_non_null(strstr(err.msg, "SmartRecruiters"));
	assert_int_equal(run(import_workday, "{}", 2, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "jobPostings"));
	assert_int_equal(run(import_breezy, "{}", 2, &err, NULL), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "Breezy"));
	assert_int_equal(run(import_workday, "{\"jobPostings\": {}}", 19, &err, NULL), JK_EFORMAT);
	size_t n = 9;
	assert_int_equal(run(import_breezy, "[]", 2, &err, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(run(import_smartrecruiters, "{\"name\": \"Solo\"}", 16, &err, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(run(import_workday, "{\"jobPostingInfo\": {}}", 22, &err, &n), 0);
	assert_int_equal(n, 0);
	/* language.code of the wrong type, or no tag: no language, one
	 * warning for the one that is no tag. */
	static const char *const langs[] = {
	    "{\"name\": \"T\", \"language\": {\"code\": 7}}",
	    "{\"name\": \"T\", \"language\": \"en\"}",
	    "{\"name\": \"T\", \"language\": {\"code\": \"<img src=x onerror=alert(1)>\"}}",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(langs); i++) {
		posting_list l;
		posting_list_init(&l);
		tu_warnings w = {0};
		import_opts o = {.source =
		                     "https://api.smartrecruiters.com/v1/companies/Acme/postings/1",
		                 .warn = tu_on_warn,
		                 .ud = &w};
		assert_int_equal(import_smartrecruiters(langs[i], strlen(langs[i]), &o, &l, &err),
		                 0);
		assert_int_equal(l.n, 1);
		assert_null(l.items[0]->language);
		assert_int_equal(w.n, i == 2);
		posting_list_free(&l);
	}
}

/* Every cut of a payload: an error with one line, or what was read. */
static void test_truncated_binary_empty(void **state)
{
	(void)state;
	static const struct {
		tu_reader rd;
		const char *path;
	} files[] = {
	    {import_smartrecruiters, "tests/data/boards/smartrecruiters/detail.json"},
	    {import_workday, "tests/data/boards/workday/list-page1.json"},
	    {import_breezy, "tests/data/boards/breezy/positions.json"},
	};
	jk_err err;
	for (size_t f = 0; f < JK_ARRAY_LEN(files); f++) {
		size_t n;
		char *d = tu_read(tu_root(files[f].path), &n);
		for (size_t cut = 1; cut < n; cut += 53)
			run(files[f].rd, d, cut, &err, NULL);
		assert_int_equal(run(files[f].rd, d, n / 2, &err, NULL), JK_EFORMAT);
		assert_non_null(strstr(err.msg, "ends early"));
		/* Binary bytes after a board's opening: refused at the door. */
		char junk[1024];
		memcpy(junk, d, 64);
		for (size_t i = 64; i < sizeof junk; i++)
			junk[i] = (char)((i * 131) % 256);
		posting_list l;
		posting_list_init(&l);
		import_opts o = {.source = files[f].path};
		memset(&err, 0, sizeof err);
		assert_true(import_bytes(junk, sizeof junk, &o, &l, &err) < 0);
		assert_int_equal(l.n, 0);
		assert_null(strchr(err.msg, '\n'));
		run(files[f].rd, junk, sizeof junk, &err, NULL);
		memset(&err, 0, sizeof err);
		assert_int_equal(import_bytes(d, 0, &o, &l, &err), JK_EEMPTY);
		assert_int_equal(import_bytes(" \n\t", 3, &o, &l, &err), JK_EEMPTY);
		assert_non_null(strstr(err.msg, "empty"));
		free(d);
	}
}

static void test_deep(void **state)
{
	(void)state;
	const char *heads[] = {"{\"totalFound\":0,\"content\":", "{\"jobPostings\":",
	                       "[{\"friendly_id\":\"a\",\"published_date\":\"b\",\"x\":"};
	const tu_reader rds[] = {import_smartrecruiters, import_workday, import_breezy};
	size_t deep = 100000;
	char *doc = malloc(deep * 2 + 128);
	assert_non_null(doc);
	for (size_t h = 0; h < JK_ARRAY_LEN(heads); h++) {
		int k = sprintf(doc, "%s", heads[h]);
		memset(doc + k, '[', deep);
		memset(doc + k + deep, ']', deep);
		size_t len = (size_t)k + 2 * deep;
		len += (size_t)sprintf(doc + len, "%s", h == 2 ? "}]" : "}");
		posting_list l;
		posting_list_init(&l);
		import_opts o = {.source = "deep.json"};
		jk_err err = {0};
		assert_int_equal(import_bytes(doc, len, &o, &l, &err), JK_EFORMAT);
		assert_non_null(strstr(err.msg, "nested"));
		assert_int_equal(run(rds[h], doc, len, &err, NULL), JK_EFORMAT);
	}
	free(doc);
}

/* Entry i of a board of format f (0 SmartRecruiters, 1 Workday, 2 Breezy). */
static int huge_entry(jk_buf *b, size_t f, int i)
{
	const char *sep = i ? "," : "";
	if (f == 0)
		return jk_buf_printf(b,
		                     "%s{\"id\":\"%d\",\"name\":\"Job %d\",\"releasedDate\":"
		                     "\"2026-01-01\"}",
		                     sep, i, i);
	if (f == 1)
		return jk_buf_printf(b,
		                     "%s{\"title\":\"Job %d\",\"externalPath\":\"/job/x/J_%d\","
		                     "\"postedOn\":\"Posted Today\"}",
		                     sep, i, i);
	return jk_buf_printf(
	    b,
	    "%s{\"id\":\"%d\",\"friendly_id\":\"f\",\"published_date\":"
	    "\"2026-01-01\",\"name\":\"Job %d\",\"url\":\"https://a.breezy.hr/p/x\"}",
	    sep, i, i);
}

/* More entries than one document may give: the cap holds, with one
 * warning; the last kept is the 5000th. */
static void test_huge(void **state)
{
	(void)state;
	static const char *const open[] = {"{\"totalFound\":9,\"content\":[", "{\"jobPostings\":[",
	                                   "["};
	static const char *const close[] = {"]}", "]}", "]"};
	for (size_t f = 0; f < JK_ARRAY_LEN(open); f++) {
		jk_buf b = {0};
		assert_int_equal(jk_buf_puts(&b, open[f]), 0);
		for (int i = 0; i < 7000; i++)
			assert_int_equal(huge_entry(&b, f, i), 0);
		assert_int_equal(jk_buf_puts(&b, close[f]), 0);
		posting_list l;
		posting_list_init(&l);
		import_opts o = {.source = "https://x.example/wday/cxs/t/s/jobs",
		                 .warn = count_warn};
		jk_err err = {0};
		warnings = 0;
		assert_int_equal(import_bytes(b.data, b.len, &o, &l, &err), 0);
		assert_int_equal(l.n, 5000);
		assert_int_equal(warnings, 1);
		assert_string_equal(l.items[4999]->title, "Job 4999");
		posting_list_free(&l);
		jk_buf_free(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sr_list),
	    cmocka_unit_test(test_sr_list_elsewhere),
	    cmocka_unit_test(test_sr_detail),
	    cmocka_unit_test(test_wd_list),
	    cmocka_unit_test(test_wd_list_elsewhere),
	    cmocka_unit_test(test_wd_real_world),
	    cmocka_unit_test(test_wd_detail),
	    cmocka_unit_test(test_wd_relative_dates),
	    cmocka_unit_test(test_breezy),
	    cmocka_unit_test(test_sniff),
	    cmocka_unit_test(test_url_extend),
	    cmocka_unit_test(test_hostile_shapes),
	    cmocka_unit_test(test_truncated_binary_empty),
	    cmocka_unit_test(test_deep),
	    cmocka_unit_test(test_huge),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
