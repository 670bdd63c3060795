/* test_boiler.c — boilerplate kept off the screen: the phrase table on real
 * postings (../shared/fixtures/real-world/, every sample, the seeds: each
 * file's marked blocks written out, nothing else may be marked), sentences
 * about the work that mention privacy or diversity left alone, hostile
 * blocks, and slides laid out with the real fonts with and without
 * hide_boilerplate. */
#include "testutil.h"

#include "../src/import/support.h"
#include "import.h"
#include "layout.h"
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the phrase table on sentences --------------------------------------- */

static bool is_bp(const char *t)
{
	return import_is_boilerplate(t, strlen(t));
}

static void test_notices(void **state)
{
	(void)state;
	static const char *const yes[] = {
	    "Acme is an equal opportunity employer.",
	    "All qualified applicants will receive consideration for employment without regard to "
	    "race, color, religion, sex, sexual orientation, gender identity, national origin, "
	    "disability or protected veteran status.",
	    "If you need a reasonable accommodation during the application process, please contact "
	    "us.",
	    "Acme participates in E-Verify.",
	    "We are an at-will employer.",
	    "Please read our Applicant Privacy Notice.",
	    "Acme will never ask you for payment during the hiring process.",
	    "Beware of fraudulent job offers made in our name.",
	    "EEO Statement: we welcome everyone.",
	    "Schwerbehinderte Menschen werden bei gleicher Eignung bevorzugt berücksichtigt.",
	    "Wir freuen uns über Bewerbungen unabhängig von Geschlecht, Nationalität und Alter.",
	    "Hinweise zum Datenschutz für Bewerberinnen und Bewerber finden Sie auf unserer "
	    "Website.",
	    "À compétences égales, une attention particulière sera apportée aux candidatures de "
	    "personnes en situation de handicap.",
	    "Nous traitons vos données personnelles conformément au RGPD.",
	    "Promovemos la igualdad de oportunidades en el empleo.",
	    "Consulte nuestra política de privacidad para candidatos.",
	    "Tratamos seus dados pessoais conforme a LGPD.",
	    "L'annuncio è rivolto ad entrambi i sessi (L. 903/77).",
	    "Acquisitie naar aanleiding van deze vacature wordt niet op prijs gesteld.",
	    "Wyrażam zgodę na przetwarzanie moich danych osobowych w procesie rekrutacji.",
	    "KVKK kapsamında aydınlatma metnini okudum.",
	    "Я даю согласие на обработку персональных данных.",
	    "招聘过程中不收取任何费用。",
	    "応募者の個人情報は採用選考のみに使用します。",
	    "보훈대상자 및 장애인은 관련 법령에 의거하여 우대합니다.",
	    "Proses rekrutmen tidak dipungut biaya apapun.",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(yes); i++)
		if (!is_bp(yes[i]))
			fail_msg("not marked: %s", yes[i]);
	/* Work that mentions privacy, diversity, fraud or agencies is work. */
	static const char *const no[] = {
	    "Build privacy-preserving systems for our data platform.",
	    "Care for privacy: you will handle members' financial data",
	    "You will maintain our privacy policy and data protection programme.",
	    "Privacy and/or verifiable computing in the intelligent era",
	    "Dedication to diversity, inclusion, and delivering a seamless candidate experience",
	    "Demonstrated commitment to diversity, equity and inclusion in teaching.",
	    "Investigate fraud in payment flows and build detection models.",
	    "Manage relationships with recruitment agencies across Europe.",
	    "Förderung der Chancengleichheit an der Hochschule",
	    "Sie sorgen für Datenschutz und IT-Sicherheit in unseren Systemen.",
	    "Free staff accommodation for the summer season.",
	    /* One sentence of a notice among the pay and the place: kept. */
	    "We cannot consider applicants without authorization to work in the United States or "
	    "applicants residing outside of the United States. Immunant uses e-Verify to verify "
	    "work "
	    "authorization. The base salary for software engineering positions ranges from $110K "
	    "to "
	    "$150K based on experience and skill set.",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(no); i++)
		if (is_bp(no[i]))
			fail_msg("marked: %s", no[i]);
}

static void test_headings(void **state)
{
	(void)state;
	static const char *const yes[] = {
	    "Equal Opportunity",   "EEO Statement",
	    "Privacy Notice",      "Datenschutz",
	    "Datenschutzhinweise", "Notice of Recruitment Fraud",
	    "Égalité des chances", "Diversity, Equity & Inclusion",
	    "Pay Transparency",    "隐私政策",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(yes); i++)
		if (!import_notice_heading(yes[i], strlen(yes[i])))
			fail_msg("not a notice heading: %s", yes[i]);
	static const char *const no[] = {
	    "Responsibilities", "Privacy Engineer", "Datenschutzbeauftragter (m/w/d)",
	    "What you will do", "Benefits",         "Ihre Aufgaben",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(no); i++)
		if (import_notice_heading(no[i], strlen(no[i])))
			fail_msg("a notice heading: %s", no[i]);
}

/* A notice section loses all its blocks; a section about the work none. */
static void test_section(void **state)
{
	(void)state;
	posting_list l;
	posting *p = tu_one("# Data Engineer\n\n## What you will do\n\n"
	                    "- Build privacy-preserving pipelines\n- Review our privacy policy "
	                    "tooling\n\n## Notice of Recruitment Fraud\n\n"
	                    "Please be careful.\n\nContact us when in doubt.\n",
	                    "s.md", &l, NULL);
	const posting_section *work = tu_section(p, "What you will do");
	const posting_section *fraud = tu_section(p, "Notice of Recruitment Fraud");
	assert_non_null(work);
	assert_non_null(fraud);
	for (size_t b = 0; b < work->nblocks; b++)
		assert_false(work->blocks[b].boilerplate);
	assert_int_equal(fraud->nblocks, 2);
	for (size_t b = 0; b < fraud->nblocks; b++)
		assert_true(fraud->blocks[b].boilerplate);
	char *json = posting_list_to_json(&l);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"boilerplate\":\ttrue"));
	/* Only marked blocks say so. */
	const char *first = strstr(json, "\"boilerplate\"");
	assert_true(first > strstr(json, "Notice of Recruitment Fraud"));
	free(json);
	posting_list_free(&l);
}

/* ---- real postings -------------------------------------------------------- */

/* What a person calls boilerplate in each file: the start of every marked
 * block, in order, over all of the file's postings. A file not listed
 * here must have none. */
static const struct {
	const char *file;
	const char *const marked[10];
} expected[] = {
    {"real-world/ats-greenhouse-amplitude.json",
     {"Amplitude\xE2\x80\x99s Commitment to Diversity Equity & Inclusion",
      "By applying for this job, you acknowledge that Amplitude processes your personal data",
      "Staying Safe - Protect Yourself From Recruitment Fraud",
      "We are aware of individuals and entities fraudulently representing",
      "Amplitude\xE2\x80\x99s Commitment to Diversity Equity & Inclusion",
      "By applying for this job, you acknowledge that Amplitude processes your personal data",
      "Staying Safe - Protect Yourself From Recruitment Fraud",
      "We are aware of individuals and entities fraudulently representing"}},
    {"real-world/ats-lever-idealistconsulting.json",
     {"Idealist Consulting is an equal opportunity employer.",
      "Idealist Consulting is an equal opportunity employer."}},
    {"real-world/de-unibw-wiss-mitarbeiter.md",
     {"Die Universit\xC3\xA4t der Bundeswehr M\xC3\xBCnchen strebt eine Erh\xC3\xB6hung des "
      "Anteils von Wissenschaftlerinnen"}},
    {"real-world/feed-weworkremotely-programming-2014.rss",
     {"Open mHealth is an \"at-will\", equal opportunity employer",
      "THE TAPROOT FOUNDATION IS AN EQUAL OPPORTUNITY EMPLOYER.",
      "We do not wish to be contacted by outsourcing firms and recruitment agencies."}},
};

static size_t files_checked, blocks_marked;

/* Checks the marked blocks of the postings read from path (rel names it
 * in expected[]). */
static void check_file(const char *path, const char *rel)
{
	size_t len;
	char *data = tu_read(path, &len);
	posting_list l;
	jk_err err;
	if (tu_load(data, len, path, &l, &err, NULL)) {
		free(data);
		return; /* a file no reader takes has no blocks to mark */
	}
	const char *const *want = NULL;
	for (size_t i = 0; i < JK_ARRAY_LEN(expected); i++)
		if (!strcmp(expected[i].file, rel))
			want = expected[i].marked;
	size_t k = 0;
	for (size_t i = 0; i < l.n; i++)
		for (size_t s = 0; s < l.items[i]->nsections; s++)
			for (size_t b = 0; b < l.items[i]->sections[s].nblocks; b++) {
				const posting_block *bk = &l.items[i]->sections[s].blocks[b];
				if (!bk->boilerplate)
					continue;
				if (!want || k >= 10 || !want[k])
					fail_msg("%s: marked but is no notice: %s", rel, bk->text);
				if (strncmp(bk->text, want[k], strlen(want[k])))
					fail_msg("%s: marked block %zu is '%.80s', not '%s'", rel,
					         k, bk->text, want[k]);
				k++;
			}
	if (want && k < 10 && want[k])
		fail_msg("%s: not marked: %s", rel, want[k]);
	printf("%-55s %zu marked\n", rel, k);
	files_checked++;
	blocks_marked += k;
	posting_list_free(&l);
	free(data);
}

static void test_real_postings(void **state)
{
	(void)state;
	files_checked = blocks_marked = 0;
	tu_each_corpus_file(check_file);
	printf("%zu files, %zu blocks marked\n", files_checked, blocks_marked);
	assert_true(files_checked >= 35);
	assert_int_equal(blocks_marked, 14);
}

/* ---- hostile blocks -------------------------------------------------------- */

static void test_hostile(void **state)
{
	(void)state;
	/* Huge: a page of notices is not one notice, and the scan stays short. */
	size_t n = 8u << 20;
	char *big = malloc(n + 1);
	assert_non_null(big);
	static const char unit[] = "We are an equal opportunity employer. ";
	for (size_t i = 0; i < n; i++)
		big[i] = unit[i % (sizeof unit - 1)];
	big[n] = '\0';
	assert_false(import_is_boilerplate(big, n));
	assert_true(import_is_boilerplate(big, 4000 - 4000 % (sizeof unit - 1)));
	/* Sentence ends only: many sentences, none a notice. */
	memset(big, '.', 3999);
	big[3999] = '\0';
	assert_false(import_is_boilerplate(big, 3999));
	/* Binary bytes and broken UTF-8 straight into the matcher. */
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < 4000; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		big[i] = (char)(x & 0xFF);
	}
	(void)import_is_boilerplate(big, 4000);
	(void)import_notice_heading(big, 100);
	static const char cut[] = "equal opportunity employ\xE2\x80";
	(void)import_is_boilerplate(cut, sizeof cut - 1);
	/* The same through a posting: blocks hold what posting_block_append
	 * makes of binary (U+FFFD), and marking them crashes nothing. */
	posting *p = posting_new();
	assert_non_null(p);
	posting_section *s = posting_add_section(p, "\xFF\xFE Datenschutz \xC3");
	assert_non_null(s);
	posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
	assert_int_equal(posting_block_append(b, big, 4000, 0), 0);
	posting_block *b2 = posting_add_block(s, POSTING_PARAGRAPH, 0);
	assert_int_equal(posting_block_append(b2, big, n, 0), 0);
	import_mark_boilerplate(p);
	assert_true(p->sections[0].blocks[0].boilerplate); /* its heading names one */
	posting_free(p);
	free(big);
	/* Wrongly encoded: Windows-1252 German is converted, then recognised. */
	static const char latin1[] = "Stelle\n\nSchwerbehinderte Menschen werden bei gleicher "
	                             "Eignung bevorzugt. Bewerbungen unabh\xE4ngig von Geschlecht "
	                             "sind willkommen.\n";
	posting_list l;
	jk_err err;
	tu_warnings w = {0};
	assert_int_equal(tu_load(latin1, sizeof latin1 - 1, "latin1.txt", &l, &err, &w), 0);
	assert_int_equal(l.n, 1);
	bool any = false;
	for (size_t si = 0; si < l.items[0]->nsections; si++)
		for (size_t bi = 0; bi < l.items[0]->sections[si].nblocks; bi++)
			any = any || l.items[0]->sections[si].blocks[bi].boilerplate;
	assert_true(any);
	posting_list_free(&l);
	/* Binary input never reaches the matcher: the reader refuses it. */
	static const char bin[] = "\x7F"
	                          "ELF\x02\x01\x01\0\0\0equal opportunity employer";
	assert_non_null(tu_fails(bin, sizeof bin - 1, "a.bin"));
}

/* ---- slides --------------------------------------------------------------- */

/* Every text box of every page of p laid out at 1920x1080 with the real
 * fonts, joined with spaces. Caller frees. */
static char *slide_text(const posting *p, bool hide)
{
	jk_err err = {0};
	render_fonts *f;
	if (render_fonts_open(&f, &err))
		fail_msg("%s", err.msg);
	render_look look = render_look_default();
	assert_true(look.hide_boilerplate);
	look.hide_boilerplate = hide;
	layout_theme th = layout_theme_default();
	layout_params lp = {.w = 1920, .h = 1080};
	render_layout_look(f, &look, &th, &lp);
	assert_true(lp.hide_boilerplate == hide);
	layout_doc d;
	if (layout_posting(p, &lp, &d, &err))
		fail_msg("%s", err.msg);
	jk_buf out = {0};
	for (size_t pg = 0; pg < d.npages; pg++)
		for (size_t i = 0; i < d.pages[pg].n; i++) {
			const layout_box *bx = &d.pages[pg].boxes[i];
			if (bx->kind == LAYOUT_TEXT && bx->len) {
				assert_int_equal(jk_buf_append(&out, bx->text, bx->len), 0);
				assert_int_equal(jk_buf_putc(&out, ' '), 0);
			}
		}
	layout_doc_free(&d);
	render_fonts_close(f);
	char *s = jk_buf_detach(&out);
	assert_non_null(s);
	return s;
}

/* With hide_boilerplate the words gone[] are on no page of p, without it
 * they are; the words kept[] are there both ways. */
static void expect_hidden(const posting *p, const char *const gone[2], const char *const kept[2])
{
	char *hidden = slide_text(p, true), *shown = slide_text(p, false);
	for (size_t i = 0; i < 2; i++) {
		if (strstr(hidden, gone[i]) || !strstr(shown, gone[i]))
			fail_msg("'%s' is shown with hide_boilerplate or hidden without", gone[i]);
		if (!strstr(hidden, kept[i]) || !strstr(shown, kept[i]))
			fail_msg("'%s' is not shown", kept[i]);
	}
	free(hidden), free(shown);
}

static void test_slides(void **state)
{
	(void)state;
	size_t len;
	char *data = tu_read(tu_fixture("real-world/ats-lever-idealistconsulting.json"), &len);
	posting_list l;
	posting_list_init(&l);
	tu_import_ok(data, len, "ats-lever-idealistconsulting.json", &l);
	/* The notice is on no page; the paragraph beside it and their
	 * heading stay. */
	expect_hidden(l.items[0], (const char *const[]){"discriminate", "Interdependence"},
	              (const char *const[]){"Peace", "Little"});
	posting_list_free(&l);
	free(data);

	/* A section all of notices loses its heading. */
	posting *q = tu_one("# Data Engineer\n\n## What you will do\n\n- Build pipelines\n\n"
	                    "## Notice of Recruitment Fraud\n\nPlease be careful.\n",
	                    "s.md", &l, NULL);
	expect_hidden(q, (const char *const[]){"Fraud", "careful"},
	              (const char *const[]){"pipelines", "Engineer"});
	posting_list_free(&l);
}

/* The setting reaches --render: tesseract reads the notice from the slide
 * only with hide_boilerplate = no. */
static char *render_ocr(const char *dir, const char *file, const char *flag)
{
	char args[1024], cmd[1200];
	snprintf(args, sizeof args, "--render %s/%s --size 1280x720 %s %s", dir, flag, flag, file);
	tu_run_result r = tu_run(args);
	if (r.status != 0)
		fail_msg("%s: %s", args, r.err);
	tu_run_free(&r);
	snprintf(cmd, sizeof cmd, "tesseract %s/%s/001-data-engineer-p1.png stdout 2>/dev/null",
	         dir, flag);
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	jk_buf out = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		assert_int_equal(jk_buf_append(&out, buf, n), 0);
	assert_int_equal(pclose(f), 0);
	char *s = jk_buf_detach(&out);
	assert_non_null(s);
	return s;
}

static void test_render(void **state)
{
	(void)state;
	const char *tmp = tu_tmpdir();
	char dir[512], file[600];
	snprintf(dir, sizeof dir, "%s", tmp);
	snprintf(file, sizeof file, "%s/fraud.md", dir);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("# Data Engineer\n\n## What you will do\n\n- Build reliable pipelines\n\n"
	      "## Notice of Recruitment Fraud\n\nWe will never ask you for payment.\n",
	      f);
	assert_int_equal(fclose(f), 0);
	char *hidden = render_ocr(dir, file, "--hide-boilerplate=yes");
	char *shown = render_ocr(dir, file, "--hide-boilerplate=no");
	assert_non_null(strstr(hidden, "pipelines"));
	assert_null(strstr(hidden, "Fraud"));
	assert_null(strstr(hidden, "payment"));
	assert_non_null(strstr(shown, "pipelines"));
	assert_non_null(strstr(shown, "Fraud"));
	assert_non_null(strstr(shown, "payment"));
	free(hidden), free(shown);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_notices), cmocka_unit_test(test_headings),
	    cmocka_unit_test(test_section), cmocka_unit_test(test_real_postings),
	    cmocka_unit_test(test_hostile), cmocka_unit_test(test_slides),
	    cmocka_unit_test(test_render),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
