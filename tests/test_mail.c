/* test_mail.c — the mail reader (GMime): Subject as title, the body a
 * reader sees (no headers, quotes, signatures, list footers), charsets and
 * transfer encodings, the apply target (job link, stated address, sender
 * when asked to write, never the list), sniffing, and hostile messages. */
#include "testutil.h"

#include "../src/import/readers.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A message (a string) that must give one posting; caller frees out. */
static posting *one(const char *text, posting_list *out, tu_warnings *w)
{
	return tu_one(text, "/srv/mail/message.eml", out, w);
}

/* A file of tests/data/mail/ that must give one posting. */
static posting *data_file(const char *name, posting_list *out, tu_warnings *w)
{
	return tu_data_one("mail", name, out, w);
}

/* Every string of p is valid UTF-8 and nothing of a mail's machinery shows. */
static void clean_text(const posting *p)
{
	static const char *const never[] = {
	    "Return-Path", "Received:", "DKIM", "Content-Type", "mailing list", "unsubscribe",
	    "=?",          "=C3",       "<div", "&#39;",        "Message-ID"};
	for (size_t i = 0; i < JK_ARRAY_LEN(never); i++)
		if (tu_contains(p, never[i]))
			fail_msg("posting shows \"%s\"", never[i]);
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++) {
			const posting_block *b = &p->sections[i].blocks[j];
			assert_true(jk_utf8_valid(b->text, b->len));
		}
}

/* The real-world fixtures ----------------------------------------------------- */

static posting *fixture(const char *name, posting_list *out)
{
	char rel[256];
	snprintf(rel, sizeof rel, "real-world/%s", name);
	size_t len;
	char *data = tu_read(tu_fixture(rel), &len);
	posting_list_init(out);
	tu_import_ok(data, len, tu_fixture(rel), out);
	free(data);
	assert_int_equal(out->n, 1);
	return out->items[0];
}

static void test_real_skysafe(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = fixture("mail-usrp-users-skysafe-sdr-engineer.eml", &l);
	assert_string_equal(p->title, "SDR Engineer");
	assert_string_equal(p->organization, "SkySafe");
	/* The job board link beats the Reply-To the text also asks to write to. */
	assert_string_equal(p->apply, "https://job-boards.greenhouse.io/skysafe/jobs/7801087002");
	assert_string_equal(p->posted, "2025-03-18");
	assert_true(tu_contains(p, "high performance software receivers"));
	assert_false(tu_contains(p, "USRP-users"));
	assert_false(tu_contains(p, "usrp-users-leave"));
	clean_text(p);
	posting_list_free(&l);
}

static void test_real_astranis(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = fixture("mail-usrp-users-astranis-hiring.eml", &l);
	/* The Subject names no role ("Hiring Radio Enthusiasts at Astranis"):
	 * its words are what a reader sees, without the list tag, the
	 * company after "at" going to the organisation. */
	assert_string_equal(p->title, "Radio Enthusiasts");
	assert_string_equal(p->organization, "Astranis");
	/* From was rewritten by the list ("via USRP-users"); the body says
	 * "shoot me an email" and links only the home page. */
	assert_string_equal(p->apply, "mailto:steve@astranis.com");
	assert_string_equal(p->posted, "2019-08-29");
	/* The text part, not the HTML one; Gmail's bold stars gone. */
	assert_true(tu_contains(p, "A few things we're currently using gnuradio for"));
	assert_false(tu_contains(p, "*"));
	assert_false(tu_contains(p, "USRP-users"));
	clean_text(p);
	posting_list_free(&l);
}

/* Test data ------------------------------------------------------------------- */

static void test_list_footer_and_signature(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("plain-list-footer.eml", &l, NULL);
	assert_string_equal(p->title, "Research Software Engineer (Python, HPC)");
	assert_string_equal(p->posted, "2025-02-03");
	/* "reach out to me": Reply-To, as the list rewrote From. */
	assert_string_equal(p->apply, "mailto:jane.roe@fjordlab.example");
	assert_true(tu_contains(p, "port our ocean model to GPUs"));
	/* A wrapped line ending in ':' is not a heading. */
	assert_true(tu_contains(p, "in Bergen. You will:"));
	assert_null(tu_section(p, "climate modelling group in Bergen. You will"));
	assert_false(tu_contains(p, "Secret signature line"));
	assert_false(tu_contains(p, "rse-jobs"));
	clean_text(p);
	posting_list_free(&l);
}

static void test_alternative_quoted_printable(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("alternative-qp.eml", &l, NULL);
	/* Encoded word, list tag and Fwd: */
	assert_string_equal(p->title, "D\xC3\xA9veloppeur\xC2\xB7se backend (Z\xC3\xBCrich)");
	assert_true(tu_contains(p, "office in Z\xC3\xBCrich. The team builds the timetable"));
	assert_false(tu_contains(p, "HTML PART MARKER"));
	assert_string_equal(p->apply, "https://boards.greenhouse.io/alpenbahn/jobs/4242");
	clean_text(p);
	posting_list_free(&l);
}

static void test_html_only_base64(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("html-only-base64.eml", &l, NULL);
	assert_string_equal(p->title, "Lab technician (part time)");
	assert_string_equal(p->apply, "https://eastbrook.example.edu/careers/lab-technician-2025");
	assert_true(tu_contains(p, "Order and track supplies"));
	size_t bullets = 0;
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			bullets += p->sections[i].blocks[j].kind == POSTING_BULLET;
	assert_int_equal(bullets, 2);
	/* The bold of the HTML part is a span. */
	bool bold = false;
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			bold = bold || p->sections[i].blocks[j].nspans > 0;
	assert_true(bold);
	assert_false(tu_contains(p, "SIGNATURE MARKER"));
	assert_false(tu_contains(p, "QUOTED MARKER"));
	assert_false(tu_contains(p, "wrote:"));
	clean_text(p);
	posting_list_free(&l);
}

static void test_latin1_8bit(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("latin1.eml", &l, NULL);
	assert_string_equal(p->title, "Entwickler (m/w/d) f\xC3\xBCr K\xC3\xB6ln");
	assert_true(tu_contains(p, "Gr\xC3\xB6\xC3\x9F"
	                           "ere Erfahrung"));
	assert_string_equal(p->apply, "mailto:karriere@rheinwerk.example.de");
	clean_text(p);
	posting_list_free(&l);
}

static void test_shift_jis(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("shift-jis.eml", &l, NULL);
	/* 【求人】バックエンドエンジニア, from ISO-2022-JP */
	assert_string_equal(p->title,
	                    "\xE3\x80\x90\xE6\xB1\x82\xE4\xBA\xBA\xE3\x80\x91\xE3\x83\x90"
	                    "\xE3\x83\x83\xE3\x82\xAF\xE3\x82\xA8\xE3\x83\xB3\xE3\x83\x89"
	                    "\xE3\x82\xA8\xE3\x83\xB3\xE3\x82\xB8\xE3\x83\x8B\xE3\x82\xA2");
	/* 株式会社さくらデータ, from Shift_JIS */
	assert_true(tu_contains(p, "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE\xE3\x81\x95"
	                           "\xE3\x81\x8F\xE3\x82\x89\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF"));
	assert_string_equal(p->apply, "mailto:jobs@sakura-data.example.jp");
	clean_text(p);
	posting_list_free(&l);
}

static void test_quoted_reply(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("quoted-reply.eml", &l, NULL);
	assert_string_equal(p->title, "Postdoc in machine learning for tides");
	assert_true(tu_contains(p, "closes on 31 January"));
	assert_false(tu_contains(p, "QUOTED MARKER"));
	assert_false(tu_contains(p, "wrote:"));
	/* "Email me", From is the writer's own. */
	assert_string_equal(p->apply, "mailto:priya@tidepool.example");
	posting_list_free(&l);
	/* A line of the posting that ends in "wrote:" is no attribution. */
	p = one("From: a@b.example\nSubject: Editor\n\nAs our founder once wrote:\n"
	        "Every word counts.\n",
	        &l, NULL);
	assert_true(tu_contains(p, "As our founder once wrote"));
	posting_list_free(&l);
}

static void test_forward(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("forward.eml", &l, NULL);
	assert_string_equal(p->title, "Data Engineer at Nordlys Energi AB");
	assert_string_equal(p->organization, "Nordlys Energi AB");
	assert_true(tu_contains(p, "pipelines behind our wind forecasts"));
	assert_false(tu_contains(p, "Nordlys HR"));
	assert_false(tu_contains(p, "Forwarded message"));
	assert_string_equal(p->apply, "https://nordlys.example.se/jobs/data-engineer");
	posting_list_free(&l);
}

static void test_google_groups(void **state)
{
	(void)state;
	posting_list l;
	const posting *p = data_file("google-groups.eml", &l, NULL);
	assert_string_equal(p->title, "Embedded firmware engineer");
	/* From is the group's; the group kept the sender in X-Original-Sender. */
	assert_string_equal(p->apply, "mailto:bob.stone@quarry.example.com");
	assert_false(tu_contains(p, "You received this message"));
	assert_false(tu_contains(p, "googlegroups"));
	posting_list_free(&l);
}

/* Rules on small messages ----------------------------------------------------- */

static const char *apply_of(const char *msg, posting_list *l)
{
	return one(msg, l, NULL)->apply;
}

static void test_sender_rules(void **state)
{
	(void)state;
	posting_list l;
	/* The list rewrote From and kept nothing of the writer: no target. */
	assert_null(apply_of("From: Ann via jobs <jobs@lists.example.org>\n"
	                     "List-Post: <mailto:jobs@lists.example.org>\n"
	                     "Subject: Welder\n\nEmail me if interested.\n",
	                     &l));
	posting_list_free(&l);
	/* Reply-To is the list itself: From is the writer. */
	assert_string_equal(apply_of("From: Ann Lee <ann@welds.example>\n"
	                             "Reply-To: jobs@lists.example.org\n"
	                             "List-Id: <jobs.lists.example.org>\n"
	                             "Subject: Welder\n\nEmail me if interested.\n",
	                             &l),
	                    "mailto:ann@welds.example");
	posting_list_free(&l);
	/* The list named only by a header that ends with its address. */
	assert_string_equal(apply_of("From: Ann Lee <ann@welds.example>\n"
	                             "Reply-To: jobs@lists.example.org\n"
	                             "X-BeenThere: jobs@lists.example.org\n"
	                             "Subject: Welder\n\nEmail me if interested.\n",
	                             &l),
	                    "mailto:ann@welds.example");
	posting_list_free(&l);
	/* Nothing says to write: the sender is not an apply target. */
	assert_null(apply_of("From: Ann Lee <ann@welds.example>\nSubject: Welder\n\n"
	                     "We need a welder in Hull.\n",
	                     &l));
	posting_list_free(&l);
	/* An address the text gives beats the sender. */
	assert_string_equal(apply_of("From: Ann Lee <ann@welds.example>\nSubject: Welder\n\n"
	                             "Send your CV to hr@welds.example please.\n",
	                             &l),
	                    "mailto:hr@welds.example");
	posting_list_free(&l);
	/* The list's address in the text is never the target. */
	assert_string_equal(
	    apply_of("From: Ann Lee <ann@welds.example>\n"
	             "List-Post: <mailto:jobs@lists.example.org>\nSubject: Welder\n\n"
	             "Send questions to jobs@lists.example.org, or email me.\n",
	             &l),
	    "mailto:ann@welds.example");
	posting_list_free(&l);
	/* A front page is where one applies only when no one is named. */
	assert_string_equal(apply_of("From: Ann Lee <ann@welds.example>\nSubject: Welder\n\n"
	                             "Apply online at https://welds.example/ now.\n",
	                             &l),
	                    "https://welds.example/");
	posting_list_free(&l);
}

static void test_subjects(void **state)
{
	(void)state;
	static const struct {
		const char *subject, *title, *org;
	} cases[] = {
	    {"Re: AW: WG: Fw: [a] [b-list] Title Here", "Title Here", NULL},
	    {"RE[2]: Fwd: Job opening: Welding Inspector", "Welding Inspector", NULL},
	    {"[jobs] Acme Robotics is looking for a senior welder!", "Senior Welder",
	     "Acme Robotics"},
	    {"We're hiring a data scientist", "Data Scientist", NULL},
	    {"Hiring radio engineers at Acme Space", "Radio Engineers", "Acme Space"},
	    {"=?UTF-8?Q?=5Bliste=5D_Re=3A_Ing=C3=A9nieur_syst=C3=A8mes?=",
	     "Ing\xC3\xA9nieur syst\xC3\xA8mes", NULL},
	    {"\xE5\x9B\x9E\xE5\xA4\x8D\xEF\xBC\x9A[x] Engineer in Kyoto", "Engineer in Kyoto",
	     NULL},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		char msg[512];
		snprintf(msg, sizeof msg, "From: a@b.example\nSubject: %s\n\nSome text.\n",
		         cases[i].subject);
		posting_list l;
		const posting *p = one(msg, &l, NULL);
		assert_string_equal(p->title, cases[i].title);
		if (cases[i].org)
			assert_string_equal(p->organization, cases[i].org);
		else
			assert_null(p->organization);
		posting_list_free(&l);
	}
	/* No Subject: the file name, as for every reader. */
	posting_list l;
	const posting *p =
	    one("From: a@b.example\nTo: c@d.example\n\nWe need a baker.\n", &l, NULL);
	assert_string_equal(p->title, "Message");
	posting_list_free(&l);
}

static void test_mbox(void **state)
{
	(void)state;
	const char *mbox = "From a@b.example Mon Jan  6 09:00:00 2025\n"
	                   "From: a@b.example\nSubject: Baker\nMessage-ID: <1@b.example>\n\n"
	                   "We need a baker.\n>From the oven, with love.\n\n"
	                   "From c@d.example Tue Jan  7 09:00:00 2025\n"
	                   "From: c@d.example\nSubject: Butcher\nMessage-ID: <2@d.example>\n\n"
	                   "We need a butcher.\n";
	posting_list l;
	jk_err err;
	tu_warnings w = {0};
	assert_int_equal(tu_load(mbox, (size_t)-1, "/srv/mail/jobs.mbox", &l, &err, &w), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0]->title, "Baker");
	assert_string_equal(l.items[1]->title, "Butcher");
	assert_string_not_equal(l.items[0]->id, l.items[1]->id);
	posting_list_free(&l);
}

static void test_sniff(void **state)
{
	(void)state;
	size_t len;
	char *data =
	    tu_read(tu_fixture("real-world/mail-usrp-users-skysafe-sdr-engineer.eml"), &len);
	import_opts none = {0}, txt = {.source = "notes.txt"}, eml = {.source = "x.eml"},
	            rfc = {.content_type = "message/rfc822"};
	/* By content, whatever the name. */
	assert_int_equal(import_sniff(data, len, &none), IMPORT_MAIL);
	assert_int_equal(import_sniff(data, len, &txt), IMPORT_MAIL);
	free(data);
	const char *mail = "From: Ann <ann@x.example>\nSubject: Baker\n\nText.\n";
	assert_int_equal(import_sniff(mail, strlen(mail), &none), IMPORT_MAIL);
	const char *mbox = "From ann@x.example Mon Jan  6 09:00:00 2025\nFrom: ann@x.example\n"
	                   "Subject: Baker\n\nText.\n";
	assert_int_equal(import_sniff(mbox, strlen(mbox), &none), IMPORT_MAIL);
	/* Pelican's Markdown metadata and text with one "From:" line are not. */
	const char *pelican = "Title: Baker\nDate: 2025-01-01\nAuthor: Ann\n\nWe need a baker.\n";
	assert_int_not_equal(import_sniff(pelican, strlen(pelican), &none), IMPORT_MAIL);
	const char *from = "From: the bakery team\n\nWe need a baker.\n";
	assert_int_not_equal(import_sniff(from, strlen(from), &none), IMPORT_MAIL);
	const char *keys = "Date: 2025-01-01\nLocation: Hull\nSalary: 30k\n\nWe need a welder.\n";
	assert_int_not_equal(import_sniff(keys, strlen(keys), &none), IMPORT_MAIL);
	/* By name and content type. */
	const char *plain = "We need a baker.\n";
	assert_int_equal(import_sniff(plain, strlen(plain), &eml), IMPORT_MAIL);
	assert_int_equal(import_sniff(plain, strlen(plain), &rfc), IMPORT_MAIL);
	assert_string_equal(import_format_name(IMPORT_MAIL), "mail message");
}

/* Hostile input ----------------------------------------------------------------- */

/* A message whose MIME parts nest depth levels deep (multipart, or
 * message/rfc822 when rfc822). Caller frees. */
static char *nested(int depth, bool rfc822)
{
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, "From: a@b.example\nSubject: Deep\nMIME-Version: 1.0\n"),
	                 0);
	for (int i = 0; i < depth; i++) {
		int r = rfc822
		            ? jk_buf_printf(&b, "Content-Type: message/rfc822\n\nSubject: %d\n", i)
		            : jk_buf_printf(&b,
		                            "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n"
		                            "--b%d\n",
		                            i, i);
		assert_int_equal(r, 0);
	}
	assert_int_equal(jk_buf_puts(&b, "Content-Type: text/plain\n\nDEEP TEXT\n"), 0);
	return jk_buf_detach(&b);
}

static void test_hostile_structure(void **state)
{
	(void)state;
	const char *m = tu_fails("", 0, "x.eml");
	assert_non_null(strstr(m, "empty"));
	/* Headers only: with a Subject the title is shown (and said so)... */
	tu_warnings w = {0};
	posting_list l;
	const posting *p = one("From: a@b.example\nSubject: Baker\n", &l, &w);
	assert_string_equal(p->title, "Baker");
	assert_int_equal(p->nsections, 0);
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.last, "without text"));
	posting_list_free(&l);
	/* ...without one there is nothing. */
	m = tu_fails("From: a@b.example\nTo: c@d.example\n", (size_t)-1, "x.eml");
	assert_non_null(strstr(m, "without a Subject or text"));
	/* Not a message at all, named .eml. */
	m = tu_fails("just some words, no header lines\n", (size_t)-1, "x.eml");
	assert_non_null(strstr(m, "not a mail message"));
	m = tu_fails("PK\x03\x04zipzipzip", 13, "x.eml");
	assert_non_null(strstr(m, "ZIP"));
	char bin[64] = "From: a@b.example\nSubject: x\n\n";
	bin[40] = 0;
	m = tu_fails(bin, sizeof bin, "x.eml");
	assert_non_null(strstr(m, "binary"));
	/* Truncated MIME: a boundary that never closes, base64 cut short. */
	p = one("From: a@b.example\nSubject: Cut\nMIME-Version: 1.0\n"
	        "Content-Type: multipart/mixed; boundary=\"zz\"\n\n--zz\n"
	        "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nV2UgbmVlZCBh",
	        &l, NULL);
	assert_string_equal(p->title, "Cut");
	assert_true(tu_contains(p, "We need a"));
	posting_list_free(&l);
	/* 1000 levels of multiparts and of attached messages. */
	for (int rfc = 0; rfc < 2; rfc++) {
		char *deep = nested(1000, rfc);
		memset(&w, 0, sizeof w);
		p = one(deep, &l, &w);
		assert_string_equal(p->title, "Deep");
		assert_false(tu_contains(p, "DEEP TEXT"));
		assert_int_equal(w.n, 2); /* too deep; only the Subject shown */
		posting_list_free(&l);
		free(deep);
	}
}

static void test_hostile_encodings(void **state)
{
	(void)state;
	posting_list l;
	tu_warnings w = {0};
	/* Declared UTF-8, written in Latin-1: U+FFFD, never invalid text. */
	const posting *p = one("From: a@b.example\nSubject: caf\xE9\n"
	                       "Content-Type: text/plain; charset=utf-8\n\nna\xEFve caf\xE9 job\n",
	                       &l, &w);
	assert_true(jk_utf8_valid(p->title, strlen(p->title)));
	assert_true(tu_contains(p, "\xEF\xBF\xBD"));
	clean_text(p);
	posting_list_free(&l);
	/* A charset nobody knows: Windows-1252, said so. */
	memset(&w, 0, sizeof w);
	p = one("From: a@b.example\nSubject: x\n"
	        "Content-Type: text/plain; charset=klingon-8\n\nna\xEFve caf\xE9 job\n",
	        &l, &w);
	assert_true(tu_contains(p, "na\xC3\xAFve caf\xC3\xA9 job"));
	assert_int_equal(w.n, 1);
	assert_non_null(strstr(w.last, "Windows-1252"));
	posting_list_free(&l);
	/* Broken base64 and encoded words. */
	p = one("From: a@b.example\nSubject: =?utf-8?B?!!!notbase64?= =?bogus?Q?x=ZZ?=\n"
	        "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n@@@@====####\n",
	        &l, NULL);
	assert_true(jk_utf8_valid(p->title, strlen(p->title)));
	posting_list_free(&l);
	/* NULs decoded from base64 do not cut the text. */
	p = one("From: a@b.example\nSubject: x\nContent-Transfer-Encoding: base64\n\n"
	        "b25lAHR3bwB0aHJlZQ==\n",
	        &l, NULL);
	assert_true(tu_contains(p, "one two three"));
	posting_list_free(&l);
}

static void test_hostile_size(void **state)
{
	(void)state;
	/* Over the cap: one line. */
	size_t n = IMPORT_MAX_BYTES + 1;
	char *big = malloc(n);
	assert_non_null(big);
	memset(big, 'a', n);
	memcpy(big, "From: a@b.example\nSubject: Big\n\n", 32);
	assert_non_null(strstr(tu_fails(big, n, "big.eml"), "too large"));
	/* Large (4 MB, as the other readers' tests), as many lines: read. */
	n = (size_t)4 << 20;
	for (size_t i = 100; i < n; i += 80)
		big[i] = '\n';
	posting_list l;
	jk_err err;
	tu_warnings w = {0};
	assert_int_equal(tu_load(big, n, "big.eml", &l, &err, &w), 0);
	assert_int_equal(l.n, 1);
	posting_list_free(&l);
	/* One line of stars: the bold stars' search stays linear. */
	memset(big + 32, '*', n - 32);
	for (size_t i = 33; i < n; i += 2)
		big[i] = i % 3 ? 'a' : ' ';
	assert_int_equal(tu_load(big, n, "big.eml", &l, &err, &w), 0);
	posting_list_free(&l);
	free(big);
}

/* The reader called directly, as the fuzzer does, on any bytes. */
static void test_direct(void **state)
{
	(void)state;
	static const char *const inputs[] = {"",
	                                     "\n\n\n",
	                                     "From ",
	                                     "From x\n",
	                                     ":\n:\n",
	                                     "a: b\n\n",
	                                     "Content-Type: multipart/mixed; boundary=\n\n--\n"};
	for (size_t i = 0; i < JK_ARRAY_LEN(inputs); i++) {
		posting_list l;
		posting_list_init(&l);
		jk_err err = {0};
		import_opts o = {.source = "x.eml"};
		int r = import_mail(inputs[i], strlen(inputs[i]), &o, &l, &err);
		if (r) {
			assert_int_equal(l.n, 0);
			assert_true(err.msg[0] && !strchr(err.msg, '\n'));
		}
		posting_list_free(&l);
	}
}

/* A salutation alone on the first line is the letter's, not the
 * posting's; a first paragraph that merely starts with one stays. */
static void test_greeting(void **state)
{
	(void)state;
	posting_list l;
	posting *p = one("From: a@b.example\nSubject: Welder\n\nHello all,\n\n"
	                 "Our yard needs a welder.\n",
	                 &l, NULL);
	assert_false(tu_contains(p, "Hello all"));
	assert_true(tu_contains(p, "Our yard needs a welder."));
	posting_list_free(&l);
	p = one("From: a@b.example\nSubject: Welder\n\nHello, our yard needs a welder who "
	        "can also drive the crane.\n",
	        &l, NULL);
	assert_true(tu_contains(p, "Hello, our yard needs a welder"));
	posting_list_free(&l);
}

/* Without GMime (a file name that is not there, opened for real by the
 * binary): the message fails with one line naming the library, the other
 * file still reads. */
static void test_without_gmime(void **state)
{
	(void)state;
	tu_run_result r =
	    tu_run_without("JK_TEST_LIBGMIME", "libgmime-missing.so.0",
	                   "marlin-bay-sdr-engineer.eml", "fernleaf-data-analyst.md", "");
	assert_int_equal(r.status, 0);
	assert_int_equal(tu_count(r.err, "\n"), 1);
	assert_non_null(strstr(r.err, "marlin-bay-sdr-engineer.eml: mail input (.eml, .mbox) needs "
	                              "libgmime-3.0.so.0: libgmime-missing.so.0: cannot open"));
	assert_int_equal(tu_count(r.out, "\"title\":"), 1);
	assert_non_null(strstr(r.out, "Data Analyst, Member Insights"));
	tu_run_free(&r);
}

/* A folder holding mail opens GMime on a thread of its own while its other
 * files are read: the same postings, and without GMime the same one line. */
static void test_folder_with_mail(void **state)
{
	(void)state;
	assert_true(import_is_mail_name("a.eml"));
	assert_true(import_is_mail_name("Inbox.MBOX"));
	assert_false(import_is_mail_name("a.eml.txt"));
	assert_false(import_is_mail_name("eml"));
	assert_false(import_is_mail_name(""));
	char dir[512], cmd[2048];
	snprintf(dir, sizeof dir, "%s/mailfolder", tu_tmpdir());
	const char *root = getenv("JK_ROOT") ? getenv("JK_ROOT") : ".";
	snprintf(cmd, sizeof cmd,
	         "rm -rf '%s' && mkdir -p '%s' && cp '%s/samples/marlin-bay-sdr-engineer.eml' "
	         "'%s/samples/fernleaf-data-analyst.md' '%s/'",
	         dir, dir, root, root, dir);
	assert_int_equal(system(cmd), 0);
	char other[512];
	snprintf(other, sizeof other, "%s/samples/ridgeway-bike-cooperative.txt", root);
	tu_run_result r = tu_run_without("JK_TEST_UNUSED", "", dir, other, "");
	assert_int_equal(r.status, 0);
	assert_int_equal(tu_count(r.out, "\"title\":"), 3);
	tu_run_free(&r);
	r = tu_run_without("JK_TEST_LIBGMIME", "libgmime-missing.so.0", dir, other, "");
	assert_int_equal(r.status, 0);
	assert_int_equal(tu_count(r.err, "\n"), 1);
	assert_non_null(strstr(r.err, "marlin-bay-sdr-engineer.eml: mail input (.eml, .mbox) needs "
	                              "libgmime-3.0.so.0: libgmime-missing.so.0: cannot open"));
	assert_int_equal(tu_count(r.out, "\"title\":"), 2);
	tu_run_free(&r);
	jk_err err = {0};
	assert_int_equal(import_mail_prepare(&err), 0); /* GMime is installed here */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_real_skysafe),
	    cmocka_unit_test(test_real_astranis),
	    cmocka_unit_test(test_list_footer_and_signature),
	    cmocka_unit_test(test_alternative_quoted_printable),
	    cmocka_unit_test(test_html_only_base64),
	    cmocka_unit_test(test_latin1_8bit),
	    cmocka_unit_test(test_shift_jis),
	    cmocka_unit_test(test_quoted_reply),
	    cmocka_unit_test(test_forward),
	    cmocka_unit_test(test_google_groups),
	    cmocka_unit_test(test_sender_rules),
	    cmocka_unit_test(test_subjects),
	    cmocka_unit_test(test_greeting),
	    cmocka_unit_test(test_mbox),
	    cmocka_unit_test(test_sniff),
	    cmocka_unit_test(test_hostile_structure),
	    cmocka_unit_test(test_hostile_encodings),
	    cmocka_unit_test(test_hostile_size),
	    cmocka_unit_test(test_direct),
	    cmocka_unit_test(test_without_gmime),
	    cmocka_unit_test(test_folder_with_mail),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
