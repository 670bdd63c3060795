/* test_track.c — counting the scans: the tracking tags on the link in the
 * QR code (Greenhouse, Lever, Ashby, plain links; queries, fragments,
 * percent-encoding, keys already there, the QR version cap), the settings
 * that refuse hostile values, and a real slide whose code zbar reads
 * tagged while --dump keeps the posting's own link. */
#include "testutil.h"

#include "app.h"
#include "config.h"
#include "deck.h"
#include "qr.h"
#include "render.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The id every link below is tagged for: utm_content is its first 8. */
#define ID "3f9a61c2d4e5b708"

static const deck_track booth = {"booth-12", "fall-fair-2026", NULL};

/* deck_track_link(apply, ID, t) must give want (NULL: nothing added). */
static void expect(const char *apply, const deck_track *t, const char *want)
{
	char *got = (char *)1;
	jk_err err = {0};
	assert_int_equal(deck_track_link(apply, ID, t, &got, &err), 0);
	if (!want && got)
		fail_msg("%s: tagged as %s, expected nothing", apply, got);
	if (want && (!got || strcmp(got, want)))
		fail_msg("%s:\n got  %s\n want %s", apply, got ? got : "(nothing)", want);
	free(got);
}

#define UTM "utm_source=booth-12&utm_medium=qr&utm_campaign=fall-fair-2026&utm_content=3f9a61c2"

static void test_plain_and_ashby(void **state)
{
	(void)state;
	expect("https://careers.example.org/jobs/42", &booth,
	       "https://careers.example.org/jobs/42?" UTM);
	expect("http://example.org", &booth, "http://example.org?" UTM);
	/* Ashby reads utm_source itself: the plain tags, nothing else. */
	expect(
	    "https://jobs.ashbyhq.com/acme/5b7c2e9f-1a2b-4c3d-8e9f-0a1b2c3d4e5f/application",
	    &booth,
	    "https://jobs.ashbyhq.com/acme/5b7c2e9f-1a2b-4c3d-8e9f-0a1b2c3d4e5f/application?" UTM);
	/* The existing query is kept, the fragment stays after the query. */
	expect("https://example.org/apply?job=42&lang=de#form", &booth,
	       "https://example.org/apply?job=42&lang=de&" UTM "#form");
	expect("https://example.org/apply#form", &booth, "https://example.org/apply?" UTM "#form");
	expect("https://example.org/apply?#x", &booth, "https://example.org/apply?" UTM "#x");
	expect("https://example.org/apply?a=1&", &booth, "https://example.org/apply?a=1&" UTM);
	/* A '?' inside the fragment is the fragment's. */
	expect("https://example.org/#/jobs?id=7", &booth,
	       "https://example.org/?" UTM "#/jobs?id=7");
	/* Scheme in any case. */
	expect("HTTPS://Example.org/x", &booth, "HTTPS://Example.org/x?" UTM);
	/* Without a campaign there is no utm_campaign. */
	deck_track nocamp = {"booth-12", NULL, NULL};
	expect("https://example.org/", &nocamp,
	       "https://example.org/?utm_source=booth-12&utm_medium=qr&utm_content=3f9a61c2");
}

static void test_greenhouse(void **state)
{
	(void)state;
	deck_track t = booth;
	t.greenhouse = "1a2b3c4d1";
	expect("https://boards.greenhouse.io/acme/jobs/4012345", &t,
	       "https://boards.greenhouse.io/acme/jobs/4012345?gh_src=1a2b3c4d1&" UTM);
	expect("https://job-boards.greenhouse.io/acme/jobs/4012345?gh_jid=4012345#app", &t,
	       "https://job-boards.greenhouse.io/acme/jobs/"
	       "4012345?gh_jid=4012345&gh_src=1a2b3c4d1&" UTM "#app");
	expect("https://job-boards.eu.greenhouse.io/acme/jobs/1", &t,
	       "https://job-boards.eu.greenhouse.io/acme/jobs/1?gh_src=1a2b3c4d1&" UTM);
	/* A company's own careers page with Greenhouse's embed. */
	expect("https://www.acme.example/careers?gh_jid=4012345", &t,
	       "https://www.acme.example/careers?gh_jid=4012345&gh_src=1a2b3c4d1&" UTM);
	/* Not Greenhouse: a look-alike host and a path that merely names it. */
	expect("https://greenhouse.io.evil.example/jobs/1", &t,
	       "https://greenhouse.io.evil.example/jobs/1?" UTM);
	expect("https://notgreenhouse.io/jobs/1", &t, "https://notgreenhouse.io/jobs/1?" UTM);
	expect("https://example.org/greenhouse.io/1", &t,
	       "https://example.org/greenhouse.io/1?" UTM);
	/* User info and port do not hide the host. */
	expect("https://u@boards.greenhouse.io:443/acme/jobs/1", &t,
	       "https://u@boards.greenhouse.io:443/acme/jobs/1?gh_src=1a2b3c4d1&" UTM);
	/* gh_src alone: the Greenhouse token without track_source. */
	deck_track gh = {NULL, NULL, "1a2b3c4d1"};
	expect("https://boards.greenhouse.io/acme/jobs/1", &gh,
	       "https://boards.greenhouse.io/acme/jobs/1?gh_src=1a2b3c4d1");
	expect("https://example.org/jobs/1", &gh, NULL);
	/* Without the token Greenhouse links get the utm tags only. */
	expect("https://boards.greenhouse.io/acme/jobs/1", &booth,
	       "https://boards.greenhouse.io/acme/jobs/1?" UTM);
}

static void test_lever(void **state)
{
	(void)state;
	expect("https://jobs.lever.co/acme/0b6f4f7e-1c2d-4e3f-9a8b-7c6d5e4f3a2b/apply", &booth,
	       "https://jobs.lever.co/acme/0b6f4f7e-1c2d-4e3f-9a8b-7c6d5e4f3a2b/apply?lever-source="
	       "booth-12&" UTM);
	expect("https://jobs.eu.lever.co/acme/1?team=eng#top", &booth,
	       "https://jobs.eu.lever.co/acme/1?team=eng&lever-source=booth-12&" UTM "#top");
	/* Only Lever's own job host. */
	expect("https://lever.co/acme/1", &booth, "https://lever.co/acme/1?" UTM);
	/* greenhouse_source does nothing for Lever. */
	deck_track t = booth;
	t.greenhouse = "1a2b3c4d1";
	expect("https://jobs.lever.co/acme/1", &t,
	       "https://jobs.lever.co/acme/1?lever-source=booth-12&" UTM);
}

static void test_encoding(void **state)
{
	(void)state;
	deck_track t = {"Booth 12 & Co", "fall/fair=2026?#", NULL};
	expect("https://example.org/j", &t,
	       "https://example.org/j?utm_source=Booth%2012%20%26%20Co&utm_medium=qr&utm_campaign="
	       "fall%2Ffair%3D2026%3F%23&utm_content=3f9a61c2");
	deck_track u = {"Messe München", "秋", NULL};
	expect("https://example.org/j", &u,
	       "https://example.org/j?utm_source=Messe%20M%C3%BCnchen&utm_medium=qr&utm_campaign="
	       "%E7%A7%8B&utm_content=3f9a61c2");
	deck_track v = {"a-b.c_d~e", NULL, NULL};
	expect("https://example.org/j", &v,
	       "https://example.org/j?utm_source=a-b.c_d~e&utm_medium=qr&utm_content=3f9a61c2");
}

static void test_untouched(void **state)
{
	(void)state;
	deck_track t = booth;
	t.greenhouse = "1a2b3c4d1";
	expect("mailto:jobs@example.org", &t, NULL);
	expect("mailto:jobs@example.org?subject=Career%20fair", &t, NULL);
	expect("MAILTO:jobs@boards.greenhouse.io", &t, NULL);
	expect("ftp://example.org/x", &t, NULL);
	expect("https://", &t, NULL);
	expect(NULL, &t, NULL);
	/* No settings, no tags. */
	deck_track none = {0};
	expect("https://example.org/", &none, NULL);
	expect("https://example.org/", NULL, NULL);
	deck_track empty = {"", "", ""};
	expect("https://example.org/", &empty, NULL);
	/* A campaign without a source adds nothing. */
	deck_track camp = {NULL, "fall-fair-2026", NULL};
	expect("https://example.org/", &camp, NULL);
}

static void test_keys_present(void **state)
{
	(void)state;
	/* The link's own value wins; the others still go on. */
	expect(
	    "https://example.org/a?utm_source=newsletter&x=1", &booth,
	    "https://example.org/a?utm_source=newsletter&x=1&utm_medium=qr&utm_campaign=fall-fair-"
	    "2026&utm_content=3f9a61c2");
	expect("https://example.org/a?UTM_MEDIUM=print;utm_campaign=spring", &booth,
	       "https://example.org/a?UTM_MEDIUM=print;utm_campaign=spring&utm_source=booth-12&utm_"
	       "content=3f9a61c2");
	expect(
	    "https://example.org/a?utm_content&utm_source=x", &booth,
	    "https://example.org/a?utm_content&utm_source=x&utm_medium=qr&utm_campaign=fall-fair-"
	    "2026");
	deck_track t = booth;
	t.greenhouse = "1a2b3c4d1";
	expect("https://boards.greenhouse.io/a/jobs/1?gh_src=theirs", &t,
	       "https://boards.greenhouse.io/a/jobs/1?gh_src=theirs&" UTM);
	expect("https://jobs.lever.co/a/1?lever-source=careers-page", &booth,
	       "https://jobs.lever.co/a/1?lever-source=careers-page&" UTM);
	/* Every key there already: nothing to add. */
	expect("https://example.org/a?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d",
	       &booth, NULL);
	/* A key that only starts like one is another key. */
	expect("https://example.org/a?utm_sourced=1", &booth,
	       "https://example.org/a?utm_sourced=1&" UTM);
}

/* "https://example.org/" and a path of n letters. */
static char *long_link(size_t n)
{
	char *s = malloc(32 + n);
	assert_non_null(s);
	size_t o = (size_t)sprintf(s, "https://example.org/");
	for (size_t i = 0; i < n; i++)
		s[o++] = (char)('a' + i % 26);
	s[o] = '\0';
	return s;
}

static void test_version_cap(void **state)
{
	(void)state;
	/* Version 10 at level M holds 213 bytes; the tags without
	 * utm_content take 62 and utm_content 21 more. */
	char *base = long_link(213 - 20 - 62 - 5);
	char with_all[512], without_content[512];
	snprintf(with_all, sizeof with_all, "%s?" UTM, base);
	snprintf(without_content, sizeof without_content,
	         "%s?utm_source=booth-12&utm_medium=qr&utm_campaign=fall-fair-2026", base);
	assert_true(qr_version(with_all) > DECK_TRACK_MAX_VERSION);
	assert_int_equal(qr_version(without_content), DECK_TRACK_MAX_VERSION);
	expect(base, &booth, without_content);
	free(base);

	/* Fits untagged, but no tag fits: the link as it is. */
	base = long_link(213 - 20 - 10);
	assert_int_equal(qr_version(base), DECK_TRACK_MAX_VERSION);
	expect(base, &booth, NULL);
	free(base);

	/* Above version 10 already: nothing added. */
	base = long_link(400);
	assert_true(qr_version(base) > DECK_TRACK_MAX_VERSION);
	expect(base, &booth, NULL);
	free(base);

	/* Short links keep every tag. */
	assert_true(qr_version("https://example.org/?" UTM) <= DECK_TRACK_MAX_VERSION);
	assert_int_equal(qr_version(""), JK_EARG);
	assert_int_equal(qr_version("x"), 1);
}

static void test_short_id(void **state)
{
	(void)state;
	char s[9];
	deck_track_id(ID, s);
	assert_string_equal(s, "3f9a61c2");
	/* Not a posting id: hashed, stable, 8 hex digits. */
	deck_track_id("Senior Engineer", s);
	assert_int_equal(strlen(s), 8);
	assert_int_equal(strspn(s, "0123456789abcdef"), 8);
	char t[9];
	deck_track_id("Senior Engineer", t);
	assert_string_equal(s, t);
	deck_track_id("Senior Engineer!", t);
	assert_string_not_equal(s, t);
	deck_track_id("", s);
	assert_string_equal(s, "");
	deck_track_id(NULL, s);
	assert_string_equal(s, "");
	/* Without an id there is no utm_content. */
	char *got;
	assert_int_equal(deck_track_link("https://example.org/", NULL, &booth, &got, NULL), 0);
	assert_string_equal(got, "https://example.org/?utm_source=booth-12&utm_medium=qr&utm_"
	                         "campaign=fall-fair-2026");
	free(got);
}

static posting *mk(const char *title, const char *apply)
{
	posting *p = posting_new();
	assert_non_null(p);
	assert_int_equal(posting_set(&p->title, title, (size_t)-1), 0);
	assert_int_equal(posting_set(&p->apply, apply, (size_t)-1), 0);
	assert_int_equal(posting_finish(p, 0), 0);
	return p;
}

/* deck_apply gives each posting its tagged qr_link; apply is untouched. */
static void test_deck_apply(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	assert_int_equal(posting_list_push(&l, mk("A", "https://jobs.lever.co/acme/1")), 0);
	assert_int_equal(posting_list_push(&l, mk("B", "mailto:jobs@example.org")), 0);
	assert_int_equal(posting_list_push(&l, mk("C", NULL)), 0);
	deck_opts o = {.track = booth, .default_apply = "https://example.org/apply#now"};
	deck_report rep;
	assert_int_equal(deck_apply(&l, &o, DECK_CLOCK_SANE, &rep, NULL), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(rep.tracked, 2);
	char sid[9], want[256];
	assert_string_equal(l.items[0]->apply, "https://jobs.lever.co/acme/1");
	deck_track_id(l.items[0]->id, sid);
	snprintf(want, sizeof want,
	         "https://jobs.lever.co/acme/1?lever-source=booth-12&utm_source=booth-12&utm_"
	         "medium=qr&utm_campaign=fall-fair-2026&utm_content=%s",
	         sid);
	assert_string_equal(l.items[0]->qr_link, want);
	assert_string_equal(l.items[1]->apply, "mailto:jobs@example.org");
	assert_null(l.items[1]->qr_link);
	/* The default apply target is tagged like any other link. */
	assert_string_equal(l.items[2]->apply, "https://example.org/apply#now");
	assert_non_null(strstr(l.items[2]->qr_link, "?utm_source=booth-12&"));
	assert_non_null(strstr(l.items[2]->qr_link, "#now"));
	/* --dump shows the posting's own link only. */
	char *json = posting_list_to_json(&l);
	assert_non_null(json);
	assert_null(strstr(json, "utm_"));
	free(json);
	/* Settings gone (a reload after SIGHUP): the tags go too. */
	deck_opts none = {0};
	assert_int_equal(deck_apply(&l, &none, DECK_CLOCK_SANE, &rep, NULL), 0);
	assert_int_equal(rep.tracked, 0);
	assert_null(l.items[0]->qr_link);
	posting_list_free(&l);
}

static void test_settings(void **state)
{
	(void)state;
	config c;
	config_init(&c);
	jk_err err = {0};
	assert_null(c.deck.track.source);
	assert_int_equal(config_set(&c, "track_source", " booth-12 ", "x.conf:3", &err), 0);
	assert_int_equal(
	    config_set(&c, "track-campaign", "fall-fair-2026", "--track-campaign", &err), 0);
	assert_int_equal(config_set(&c, "greenhouse_source", "1a2b3c4d1", "x.conf:5", &err), 0);
	assert_string_equal(c.track_source, "booth-12");
	assert_ptr_equal(c.deck.track.source, c.track_source);
	assert_ptr_equal(c.deck.track.campaign, c.track_campaign);
	assert_ptr_equal(c.deck.track.greenhouse, c.greenhouse_source);
	assert_string_equal(c.deck.track.greenhouse, "1a2b3c4d1");
	/* UTF-8 and punctuation are fine: they are percent-encoded. */
	assert_int_equal(config_set(&c, "track_campaign", "Messe München #3", "x", &err), 0);

	/* --check-config prints them so that they read back. */
	tu_run_result r = tu_run("--no-config --track-source booth-12 --track-campaign "
	                         "'Messe München #3' --greenhouse-source 1a2b3c4d1 --check-config");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "\ntrack_source = booth-12\n"));
	assert_non_null(strstr(r.out, "\ntrack_campaign = Messe München #3\n"));
	assert_non_null(strstr(r.out, "\ngreenhouse_source = 1a2b3c4d1\n"));
	config back;
	config_init(&back);
	assert_int_equal(config_parse_buffer(&back, "printed", r.out, strlen(r.out), &err), 0);
	assert_string_equal(back.track_campaign, "Messe München #3");
	assert_ptr_equal(back.deck.track.campaign, back.track_campaign);
	config_free(&back);
	tu_run_free(&r);
	/* And a hostile value on the command line is one line naming it. */
	r = tu_run("--no-config --track-source \"$(printf 'a\\033[2Jb')\" --check-config");
	assert_int_not_equal(r.status, 0);
	assert_non_null(strstr(r.err, "--track-source: key 'track_source': expected a tag"));
	assert_null(strchr(r.err, '\x1b'));
	tu_run_free(&r);

	static const char *const bad[][2] = {
	    {"track_source", "booth\x01-12"},
	    {"track_source", "a\x1b[31mred"},
	    {"track_campaign", "fall\tfair"},
	    {"greenhouse_source", "abc\xc2\x85"}, /* NEL (C1) */
	    {"track_source", "booth\xe2\x80\xae"
	                     "21-htoob"}, /* right-to-left override */
	    {"track_source", "a\xe2\x81\xa7"
	                     "b"}, /* right-to-left isolate */
	    {"track_source", "bo\xe2\x80\x8b"
	                     "oth"}, /* zero-width space */
	    {"track_campaign", "\xef\xbb\xbf"
	                       "fall"},        /* BOM */
	    {"greenhouse_source", "\xff\xfe"}, /* not UTF-8 */
	    {"track_source", "0123456789012345678901234567890123456789012345678901234567890123X"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		jk_err e = {0};
		char want[128];
		if (config_set(&c, bad[i][0], bad[i][1], "x.conf:9", &e) != JK_EARG)
			fail_msg("%s accepted", bad[i][0]);
		snprintf(want, sizeof want,
		         "x.conf:9: key '%s': expected a tag of at most 64 bytes", bad[i][0]);
		if (strncmp(e.msg, want, strlen(want)))
			fail_msg("%s", e.msg);
		/* The message shows no control or direction character. */
		assert_null(strchr(e.msg, '\x1b'));
		assert_null(strchr(e.msg, '\n'));
		assert_null(strstr(e.msg, "\xe2\x80\xae"));
		assert_null(strstr(e.msg, "\xc2\x85"));
	}
	/* Refused values leave the settings as they were. */
	assert_string_equal(c.track_source, "booth-12");
	/* Empty: none. */
	assert_int_equal(config_set(&c, "track_source", "", "x", &err), 0);
	assert_null(c.track_source);
	assert_null(c.deck.track.source);
	config_free(&c);
}

/* A posting file with a Greenhouse link that has a query and a fragment. */
static const char *write_posting(const char *dir)
{
	static char path[512];
	snprintf(path, sizeof path, "%s/robotics.md", dir);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs("---\ntitle: Robotics Intern\ncompany: Acme Robotics\nlocation: Leeds\n"
	      "apply: https://job-boards.greenhouse.io/acme/jobs/4012345?gh_jid=4012345#app\n"
	      "---\n\nBuild the arm that sorts parcels. You will write firmware, test it on the "
	      "line and show the team what you found.\n",
	      f);
	fclose(f);
	return path;
}

#define TAGGED                                                                                     \
	"https://job-boards.greenhouse.io/acme/jobs/4012345?gh_jid=4012345&gh_src=1a2b3c4d1&utm_"  \
	"source=booth-12&utm_medium=qr&utm_campaign=fall-fair-2026&utm_content="
#define TRACK_ARGS                                                                                 \
	"--no-config --track-source booth-12 --track-campaign fall-fair-2026 --greenhouse-source " \
	"1a2b3c4d1"

/* The slides the kiosk shows (the slide model, real fonts, SDL offscreen):
 * zbar reads the tagged link; --dump, run as a user runs it, prints the
 * posting's own. */
static void test_slide_and_dump(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char posting_path[512], out[600], args[2048];
	snprintf(posting_path, sizeof posting_path, "%s", write_posting(dir));
	snprintf(out, sizeof out, "%s/png", dir);

	/* --dump: the posting's own link, no tag anywhere. */
	snprintf(args, sizeof args, TRACK_ARGS " --dump %s", posting_path);
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(
	    r.out, "\"https://job-boards.greenhouse.io/acme/jobs/4012345?gh_jid=4012345#app\""));
	assert_null(strstr(r.out, "utm_"));
	assert_null(strstr(r.out, "gh_src"));
	/* The id the short id is made from, as --dump shows it. */
	const char *idp = strstr(r.out, "\"id\":");
	assert_non_null(idp);
	idp = strchr(idp + 5, '"');
	assert_non_null(idp);
	char want[512];
	snprintf(want, sizeof want, "%s%.8s#app", TAGGED, idp + 1);
	tu_run_free(&r);

	/* --render: the slides the kiosk shows, read back by zbar. */
	snprintf(args, sizeof args, TRACK_ARGS " --render %s --size 1920x1080 %s", out,
	         posting_path);
	r = tu_run(args);
	if (r.status != 0)
		fail_msg("--render: %s", r.err);
	tu_run_free(&r);
	char png[700];
	snprintf(png, sizeof png, "%s/001-robotics-intern-p1.png", out);
	SDL_Surface *s = IMG_Load(png);
	if (!s)
		fail_msg("%s: %s", png, IMG_GetError());
	int n = 0;
	char *got = tu_zbar_surface(s, &n);
	assert_int_equal(n, 1);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	SDL_FreeSurface(s);

	/* In process, the way the kiosk lays out its slides: the list after
	 * deck_apply through the slide model; the card's caption keeps the
	 * short untagged form. */
	posting_list l;
	posting_list_init(&l);
	size_t len;
	char *text = tu_read(posting_path, &len);
	tu_import_ok(text, len, posting_path, &l);
	free(text);
	config c;
	config_init(&c);
	jk_err err = {0};
	assert_int_equal(config_set(&c, "track_source", "booth-12", "t", &err), 0);
	assert_int_equal(config_set(&c, "track_campaign", "fall-fair-2026", "t", &err), 0);
	assert_int_equal(config_set(&c, "greenhouse_source", "1a2b3c4d1", "t", &err), 0);
	assert_int_equal(deck_apply(&l, &c.deck, DECK_CLOCK_SANE, NULL, &err), 0);
	config_free(&c);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.items[0]->qr_link, want);
	render_fonts *f;
	if (render_fonts_open(&f, &err))
		fail_msg("%s", err.msg);
	layout_theme th = layout_theme_light();
	layout_params lp = {.w = 1080, .h = 1920, .theme = &th, .measure = render_measurer(f)};
	layout_doc d;
	assert_int_equal(layout_posting(l.items[0], &lp, &d, &err), 0);
	assert_int_equal(layout_check(&d, &err), 0);
	bool caption = false;
	for (size_t i = 0; i < d.pages[0].n; i++) {
		const layout_box *b = &d.pages[0].boxes[i];
		if (b->kind == LAYOUT_TEXT && b->len >= 20 &&
		    !strncmp(b->text, "job-boards.greenhouse.io", 24))
			caption = true;
		if (b->kind == LAYOUT_TEXT)
			assert_null(memmem(b->text, b->len, "utm_", 4));
	}
	assert_true(caption);
	s = render_page(f, &d, 0, &th, 0, &err);
	assert_non_null(s);
	got = tu_zbar_surface(s, &n);
	assert_int_equal(n, 1);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
	SDL_FreeSurface(s);
	layout_doc_free(&d);
	render_fonts_close(f);
	posting_list_free(&l);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_plain_and_ashby), cmocka_unit_test(test_greenhouse),
	    cmocka_unit_test(test_lever),           cmocka_unit_test(test_encoding),
	    cmocka_unit_test(test_untouched),       cmocka_unit_test(test_keys_present),
	    cmocka_unit_test(test_version_cap),     cmocka_unit_test(test_short_id),
	    cmocka_unit_test(test_deck_apply),      cmocka_unit_test(test_settings),
	    cmocka_unit_test(test_slide_and_dump),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
