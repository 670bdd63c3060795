/* test_sections.c — what each section is about: the heading words of the
 * duties and the requirements in every language of the kiosk's words (and
 * the Nordic and West Slavic ones), headings that name neither, hostile
 * headings, labels over lists that become headings, and the sections of
 * the real postings (../shared/fixtures/real-world/, the seeds, every
 * sample) a person would call duties or requirements. */
#include "testutil.h"

#include "../src/import/support.h"
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N POSTING_ROLE_NONE
#define D POSTING_ROLE_DUTIES
#define R POSTING_ROLE_REQUIREMENTS

static const char *role_name(posting_role r)
{
	return r == D ? "duties" : r == R ? "requirements" : "none";
}

typedef struct {
	const char *h;
	int role;
} role_case;

static void expect_roles(const role_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		posting_role got = import_heading_role(cases[i].h, strlen(cases[i].h));
		if ((int)got != cases[i].role)
			fail_msg("'%s' names %s, not %s", cases[i].h, role_name(got),
			         role_name((posting_role)cases[i].role));
	}
}

/* ---- the heading words, language by language ------------------------------ */

static void test_languages(void **state)
{
	(void)state;
	static const role_case cases[] = {
	    /* English, with the marks Markdown and recruiters put around them */
	    {"Responsibilities", D},
	    {"Key Responsibilities", D},
	    {"**What you'll do:**", D},
	    {"What you\xE2\x80\x99ll do\xE2\x80\xA6", D},
	    {"\xF0\x9F\x9A\x80 Your role", D},
	    {"You will:", D},
	    {"As a Data Scientist, you will", D},
	    {"In this role", D},
	    {"Day to day", D},
	    {"Your mission", D},
	    {"Duties", D},
	    {"Tasks", D},
	    {"The role", D},
	    {"1. Responsibilities", D},
	    {"Responsibilities and requirements", D},
	    {"Requirements & Responsibilities", D},
	    {"Job Description", D},
	    {"Requirements", R},
	    {"Qualifications", R},
	    {"Qualifications.", R},
	    {"What you bring", R},
	    {"What we're looking for", R},
	    {"What we\xE2\x80\x99re looking for", R},
	    {"Who you are", R},
	    {"About you", R},
	    {"You have", R},
	    {"You have:", R},
	    {"Skills", R},
	    {"Your profile", R},
	    {"Must have", R},
	    {"Must-haves", R},
	    {"Nice to have", R},
	    {"Nice-to-haves", R},
	    {"What you will need", R},
	    {"What you bring to the role", R},
	    {"Bonus points", R},
	    {"WHO YOU ARE", R},
	    /* German */
	    {"Aufgaben", D},
	    {"Deine Aufgaben", D},
	    {"Ihre Aufgaben:", D},
	    {"Das erwartet dich", D},
	    {"T\xC3\xA4tigkeiten", D},
	    {"Dein Aufgabengebiet", D},
	    {"Anforderungen", R},
	    {"Dein Profil", R},
	    {"Ihr Profil", R},
	    {"Qualifikation", R},
	    {"Das bringst du mit", R},
	    {"Was Sie mitbringen", R},
	    {"Was erwarten wir", R},
	    /* French */
	    {"Vos missions", D},
	    {"Missions principales", D},
	    {"Vos responsabilit\xC3\xA9s", D},
	    {"Description du poste", D},
	    {"Profil recherch\xC3\xA9", R},
	    {"Votre profil", R},
	    {"Comp\xC3\xA9tences requises", R},
	    {"Qui \xC3\xAAtes-vous ?", R},
	    /* Spanish */
	    {"Responsabilidades", D},
	    {"Funciones", D},
	    {"\xC2\xBFQu\xC3\xA9 har\xC3\xA1s?", D},
	    {"Requisitos", R},
	    {"Perfil", R},
	    {"Lo que buscamos", R},
	    {"Se valorar\xC3\xA1", R},
	    /* Portuguese */
	    {"Atividades", D},
	    {"Responsabilidades e atribui\xC3\xA7\xC3\xB5\x65s", D},
	    {"O que voc\xC3\xAA vai fazer", D},
	    {"Requisitos e qualifica\xC3\xA7\xC3\xB5\x65s", R},
	    {"Diferenciais", R},
	    /* Italian */
	    {"Responsabilit\xC3\xA0", D},
	    {"Mansioni", D},
	    {"Cosa farai", D},
	    {"Requisiti", R},
	    {"Profilo ricercato", R},
	    {"Competenze", R},
	    /* Dutch */
	    {"Wat ga je doen?", D},
	    {"Jouw taken", D},
	    {"Werkzaamheden", D},
	    {"Functie-eisen", R},
	    {"Wat vragen wij?", R},
	    {"Jouw profiel", R},
	    /* Polish */
	    {"Zakres obowi\xC4\x85zk\xC3\xB3w", D},
	    {"Twoje zadania", D},
	    {"Wymagania", R},
	    {"Oczekujemy", R},
	    {"Mile widziane", R},
	    /* Swedish, Danish, Norwegian, Finnish */
	    {"Arbetsuppgifter", D},
	    {"Om rollen", D},
	    {"Kvalifikationer", R},
	    {"Vi s\xC3\xB6ker dig som", R},
	    {"Meriterande", R},
	    {"Arbejdsopgaver", D},
	    {"Dine opgaver", D},
	    {"Din profil", R},
	    {"Arbeidsoppgaver", D},
	    {"Kvalifikasjoner", R},
	    {"Teht\xC3\xA4v\xC3\xA4t", D},
	    {"Ty\xC3\xB6teht\xC3\xA4v\xC3\xA4t", D},
	    {"Vaatimukset", R},
	    {"Edellyt\xC3\xA4mme", R},
	    /* Czech, Slovak */
	    {"N\xC3\xA1pl\xC5\x88 pr\xC3\xA1\x63\x65", D},
	    {"Co budete d\xC4\x9blat", D},
	    {"Po\xC5\xBE\x61\x64\x61vky", R},
	    {"Co o\xC4\x8d\x65k\xC3\xA1v\xC3\xA1me", R},
	    {"Po\xC5\xBEiadavky", R},
	    {"Pracovn\xC3\xA1 n\xC3\xA1pl\xC5\x88", D},
	    {"Zodpovednosti", D},
	    {"V\xC3\xBDhodou je", R},
	    /* Ukrainian, Russian */
	    {"\xD0\x9E\xD0\xB1\xD0\xBE\xD0\xB2'\xD1\x8F\xD0\xB7\xD0\xBA\xD0\xB8",
	     D}, /* Обов'язки */
	    {"\xD0\x9E\xD0\xB1\xD0\xBE\xD0\xB2\xE2\x80\x99\xD1\x8F\xD0\xB7\xD0\xBA\xD0\xB8",
	     D},                                                                     /* ’ */
	    {"\xD0\x97\xD0\xB0\xD0\xB2\xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8F", D}, /* Завдання */
	    {"\xD0\x92\xD0\xB8\xD0\xBC\xD0\xBE\xD0\xB3\xD0\xB8", R}, /* Вимоги */
	    {"\xD0\x9E\xD0\xB1\xD1\x8F\xD0\xB7\xD0\xB0\xD0\xBD\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD0"
	     "\xB8",
	     D},
	    {"\xD0\xA7\xD0\xB5\xD0\xBC "
	     "\xD0\xBF\xD1\x80\xD0\xB5\xD0\xB4\xD1\x81\xD1\x82\xD0\xBE\xD0\xB8"
	     "\xD1\x82 "
	     "\xD0\xB7\xD0\xB0\xD0\xBD\xD0\xB8\xD0\xBC\xD0\xB0\xD1\x82\xD1\x8C\xD1\x81\xD1\x8F",
	     D}, /* Чем предстоит заниматься */
	    {"\xD0\xA2\xD1\x80\xD0\xB5\xD0\xB1\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x8F", R},
	    {"\xD0\x91\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82 "
	     "\xD0\xBF\xD0\xBB\xD1\x8E\xD1\x81\xD0\xBE\xD0\xBC",
	     R}, /* Будет плюсом */
	    /* Turkish */
	    {"G\xC3\xB6rev ve Sorumluluklar", D},
	    {"\xC4\xB0\xC5\x9f Tan\xC4\xB1m\xC4\xB1", D}, /* İş Tanımı */
	    {"Aranan Nitelikler", R},
	    {"N\xC4\xB0TEL\xC4\xB0KLER", R}, /* NİTELİKLER */
	    /* Greek */
	    {"\xCE\x91\xCF\x81\xCE\xBC\xCE\xBF\xCE\xB4\xCE\xB9\xCF\x8C\xCF\x84\xCE\xB7\xCF\x84\xCE"
	     "\xB5\xCF"
	     "\x82",
	     D}, /* Αρμοδιότητες */
	    {"\xCE\x91\xCE\xA1\xCE\x9C\xCE\x9F\xCE\x94\xCE\x99\xCE\x9F\xCE\xA4\xCE\x97\xCE\xA4\xCE"
	     "\x95\xCE"
	     "\xA3",
	     D}, /* ΑΡΜΟΔΙΟΤΗΤΕΣ */
	    {"\xCE\x91\xCF\x80\xCE\xB1\xCE\xB9\xCF\x84\xCE\xAE\xCF\x83\xCE\xB5\xCE\xB9\xCF\x82", R},
	    {"\xCE\x95\xCF\x80\xCE\xB9\xCE\xB8\xCF\x85\xCE\xBC\xCE\xB7\xCF\x84\xCE\xAC "
	     "\xCF\x80\xCF\x81\xCE\xBF\xCF\x83\xCF\x8C\xCE\xBD\xCF\x84\xCE\xB1",
	     R}, /* Επιθυμητά προσόντα */
	    /* Arabic, Hebrew, Persian */
	    {"المهام والمسؤوليات", D},
	    {"المسؤوليات", D},
	    {"المتطلبات", R},
	    {"المؤهلات المطلوبة", R},
	    {"תחומי אחריות", D},
	    {"תיאור התפקיד", D},
	    {"דרישות התפקיד", R},
	    {"شرح وظایف", D},
	    {"شرایط احراز", R},
	    {"مهارت‌های مورد نیاز", R},
	    /* Hindi, Bengali, Thai, Vietnamese, Indonesian */
	    {"जिम्मेदारियां", D},
	    {"योग्यता", R},
	    {"आवश्यकताएं", R},
	    {"দায\xE0\xA6\xBCিত্ব", D},
	    {"যোগ্যতা", R},
	    {"หน้าที่ความรับผิดชอบ", D},
	    {"คุณสมบัติผู้สมัคร", R},
	    {"M\xC3\xB4 t\xE1\xBA\xA3 c\xC3\xB4ng vi\xE1\xBB\x87\x63", D},
	    {"Y\xC3\xAAu c\xE1\xBA\xA7u c\xC3\xB4ng vi\xE1\xBB\x87\x63", R},
	    {"Y\xC3\x8AU C\xE1\xBA\xA6U", R}, /* YÊU CẦU */
	    {"Tanggung Jawab", D},
	    {"Deskripsi Pekerjaan", D},
	    {"Persyaratan", R},
	    {"Kualifikasi", R},
	    /* Japanese */
	    {"業務内容", D},
	    {"仕事内容", D},
	    {"【職務内容】", D},
	    {"応募資格", R},
	    {"必須スキル", R},
	    {"歓迎スキル", R},
	    {"求める人物像", R},
	    /* Korean */
	    {"담당업무", D},
	    {"주요 업무", D},
	    {"자격요건", R},
	    {"우대사항", R},
	    {"[자격 요건]", R},
	    /* Chinese, simplified and traditional */
	    {"岗位职责", D},
	    {"工作职责：", D},
	    {"职位描述", D},
	    {"一、岗位职责", D},
	    {"任职要求", R},
	    {"岗位要求", R},
	    {"职位要求", R},
	    {"工作內容", D},
	    {"職責", D},
	    {"應徵條件", R},
	    {"任職資格", R},
	};
	expect_roles(cases, JK_ARRAY_LEN(cases));
}

/* ---- headings that name neither ----------------------------------------- */

static void test_none(void **state)
{
	(void)state;
	static const role_case cases[] = {
	    {"Benefits", N},
	    {"What we offer", N},
	    {"About us", N},
	    {"About Acme", N},
	    {"How to apply", N},
	    {"What you'll get", N},
	    {"What you will get", N},
	    {"Perks", N},
	    {"Company profile", N},
	    {"Unternehmensprofil", N},
	    {"Was wir bieten", N},
	    {"Wir bieten", N},
	    {"Nous offrons", N},
	    {"Ofrecemos", N},
	    {"福利待遇", N},
	    {"申请方式", N},
	    {"待遇・福利厚生", N},
	    {"복리후생", N},
	    {"About the job", N},
	    {"Location: Global", N},
	    {"You can find the complete job description here", N},
	    {"", N},
	    {":", N},
	    {"**", N},
	    {"\xF0\x9F\x9A\x80\xF0\x9F\x9A\x80", N},
	    /* Body sentences, not headings */
	    {"You will build dashboards. Our team reviews them every week.", N},
	    {"In this role you will own the monthly report for the whole credit union and much "
	     "more "
	     "besides that.",
	     N},
	    {"We expect candidates to have the skills listed below for this position.", N},
	    {"Ihre Aufgaben sind vielf\xC3\xA4ltig. Wir freuen uns auf Sie!", N},
	};
	expect_roles(cases, JK_ARRAY_LEN(cases));
}

/* Huge, binary and wrongly encoded headings: no role, no crash, and the
 * scan stays within the heading's first bytes. */
static void test_hostile(void **state)
{
	(void)state;
	size_t n = 8u << 20;
	char *big = malloc(n);
	assert_non_null(big);
	static const char unit[] = "Responsibilities ";
	for (size_t i = 0; i < n; i++)
		big[i] = unit[i % (sizeof unit - 1)];
	assert_int_equal(import_heading_role(big, n), N);
	assert_int_equal(import_heading_role(big, 200), N);
	uint32_t x = 2463534242u;
	for (size_t i = 0; i < n; i++) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		big[i] = (char)(x & 0xFF);
	}
	for (size_t off = 0; off < 4000; off += 37)
		(void)import_heading_role(big + off, 1 + off % 150);
	free(big);
	static const char *const bad[] = {
	    "\xFF\xFE\xFD", "\xC3", "\xE2\x80", "Respon\xFFsibilities", "Anforderun\xC3",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++)
		assert_int_equal(import_heading_role(bad[i], strlen(bad[i])), N);
	/* Through a document: headings with broken UTF-8 (U+FFFD once read). */
	posting_list l;
	posting *p =
	    tu_one("# Engineer\n\n## Respon\xFFsibilities\n\n- a\n\n## \xC3\x28\xE2\n\n- b\n",
	           "bin.md", &l, NULL);
	for (size_t s = 0; s < p->nsections; s++)
		assert_int_equal(p->sections[s].role, N);
	posting_list_free(&l);
}

/* ---- sections and labels --------------------------------------------------- */

static const posting_section *section(const posting *p, const char *heading)
{
	const posting_section *s = tu_section(p, heading);
	if (!s)
		fail_msg("no section '%s'", heading);
	return s;
}

static void test_labels(void **state)
{
	(void)state;
	posting_list l;
	/* Labels over lists in a lead-in (an HTML <dl>, plain paragraphs). */
	posting *p = tu_one("<html><body><h1>Mitarbeiter (m/w/d)</h1><p>Wir sind ein Institut.</p>"
	                    "<p>Ihre Aufgaben:</p><ul><li>Forschen</li><li>Lehren</li></ul>"
	                    "<p>Ihr Profil:</p><ul><li>Studium</li></ul>"
	                    "<p>Was wir bieten:</p><ul><li>Ein Team</li></ul>"
	                    "<p>Noch Fragen? Schreiben Sie uns.</p></body></html>",
	                    "dl.html", &l, NULL);
	assert_int_equal(section(p, "Ihre Aufgaben")->role, D);
	assert_int_equal(section(p, "Ihre Aufgaben")->nblocks, 2);
	assert_int_equal(section(p, "Ihr Profil")->role, R);
	assert_int_equal(section(p, "Was wir bieten")->role, N);
	assert_int_equal(section(p, "Was wir bieten")->nblocks, 2);
	assert_true(tu_contains(p, "Wir sind ein Institut."));
	posting_list_free(&l);
	/* A label that names no role splits nothing; nor does one no list
	 * follows. */
	p = tu_one("# Engineer\n\n## Details\n\nThe team uses:\n\n- C\n- Go\n\nYou will:\n\nShip "
	           "things every week.\n",
	           "nolabel.md", &l, NULL);
	assert_int_equal(p->nsections, 1);
	assert_int_equal(section(p, "Details")->role, N);
	posting_list_free(&l);
	/* A label right under a heading keeps the heading; the next splits. */
	p = tu_one("# Engineer\n\n## The job\n\nYour tasks:\n\n- build\n\nYou have:\n\n- C\n",
	           "under.md", &l, NULL);
	assert_int_equal(section(p, "The job")->role, N);
	assert_int_equal(section(p, "You have")->role, R);
	assert_int_equal(section(p, "You have")->nblocks, 1);
	posting_list_free(&l);
}

/* --dump says the role on a section that has one, and only there. */
static void test_dump(void **state)
{
	(void)state;
	posting_list l;
	tu_one("# Analyst\n\nIntro.\n\n## **What you'll do:**\n\n- SQL\n\n## Who you are\n\n- "
	       "curious\n\n"
	       "## Benefits\n\n- cake\n",
	       "dump.md", &l, NULL);
	char *json = posting_list_to_json(&l);
	assert_non_null(json);
	const char *d = strstr(json, "\"role\":\t\"duties\"");
	const char *r = strstr(json, "\"role\":\t\"requirements\"");
	assert_non_null(d);
	assert_non_null(r);
	assert_true(d > strstr(json, "What you'll do") && r > strstr(json, "Who you are"));
	assert_null(strstr(r + 1, "\"role\""));
	const char *first = strstr(json, "\"role\"");
	assert_ptr_equal(first, d);
	free(json);
	posting_list_free(&l);
}

/* ---- real postings --------------------------------------------------------- */

/* The sections a person calls duties or requirements, by heading, in each
 * of these files; every other section of the listed files has no role. */
static const struct {
	const char *file;
	const char *const duties[6], *const requirements[8];
} expected[] = {
    {"samples/fernleaf-data-analyst.md", {"The role", "You will"}, {"You have"}},
    {"samples/brightwater-firmware-engineer.html",
     {"What you will work on"},
     {"What you bring", "Nice to have"}},
    {"samples/harbour-lights-stage-technician.md", {"What you will do"}, {"What you bring"}},
    {"samples/kestrel-valley-hospital.rss", {"What you will do"}, {"What you need"}},
    {"samples/larkspur-energy-greenhouse.json", {"You will"}, {"You have"}},
    {"samples/marlin-bay-sdr-engineer.eml", {"What you will do"}, {"What we hope you bring"}},
    {"samples/osprey-ridge-telescope-operator.rst",
     {"What you will do"},
     {"What we are looking for"}},
    {"samples/ridgeway-bike-cooperative.txt", {"WHAT YOU WILL DO"}, {"What we are looking for"}},
    {"samples/cedar-hollow-library-assistant.html", {NULL}, {"You are"}},
    {"samples/emberline-games.atom", {NULL}, {"You know"}},
    {"samples/sakura-do-bakery-kitchen-ja.txt", {"仕事内容"}, {NULL}},
    {"samples/tidewater-analytics-lever.json", {"What you'll do", "You will"}, {"What you bring"}},
    {"seeds/azure-systems-research-intern.html",
     {"Responsibilities"},
     {"Qualifications", "Preferred Qualifications"}},
    {"seeds/msra-srg-internship.md",
     {"Job Responsibilities"},
     {"Qualifications", "Work Time Requirements"}},
    {"real-world/de-unibw-wiss-mitarbeiter.md",
     {"Ihre Aufgaben"},
     {"Qualifikationserfordernisse", "Was erwarten wir"}},
    {"real-world/zh-antfin-sre-referral.rst", {"职位描述"}, {"任职要求"}},
    {"real-world/ja-comitech-staff.md", {NULL}, {NULL}},
    {"real-world/ko-anlab-recruitment.md", {NULL}, {NULL}},
    {"real-world/sk-pracujucemamy-zooza-success-specialist.html",
     {"N\xC3\xA1pl\xC5\x88 pr\xC3\xA1\x63\x65"},
     {"Aké zručnosti očakávame", "Po\xC5\xBEiadavky"}},
    {"real-world/sk-uk-pracujucemamy-ua-bilingual.html",
     {NULL},
     {"Po\xC5\xBEiadavky", "\xD0\x92\xD0\xB8\xD0\xBC\xD0\xBE\xD0\xB3\xD0\xB8"}},
    {"real-world/ats-ashby-highlightta.json",
     {"What You\xE2\x80\x99ll Do", "Role Overview", "What You'll Be Doing"},
     {"Who We're Looking For", "What You\xE2\x80\x99ll Bring", "What You Bring"}},
    {"real-world/ats-lever-idealistconsulting.json",
     {"How You'll Contribute"},
     {"Your Background Includes"}},
    {"real-world/en-2i2c-technical-content-specialist.md",
     {"What you\xE2\x80\x99ll do\xE2\x80\xA6"},
     {"About you\xE2\x80\xA6", "Necessary qualities", "Useful qualities"}},
};

static bool listed(const char *const *names, size_t n, const char *h)
{
	for (size_t i = 0; i < n && names[i]; i++)
		if (!strcmp(names[i], h))
			return true;
	return false;
}

static size_t files_checked, with_role[3], files_listed;

/* Counts the roles of the sections read from path; for a file of
 * expected[], checks them. */
static void check_file(const char *path, const char *rel)
{
	size_t len;
	char *data = tu_read(path, &len);
	posting_list l;
	jk_err err;
	if (tu_load(data, len, path, &l, &err, NULL)) {
		free(data);
		return;
	}
	int want = -1;
	for (size_t i = 0; i < JK_ARRAY_LEN(expected); i++)
		if (!strcmp(expected[i].file, rel))
			want = (int)i;
	size_t seen[2][8] = {{0}};
	for (size_t i = 0; i < l.n; i++)
		for (size_t s = 0; s < l.items[i]->nsections; s++) {
			const posting_section *sec = &l.items[i]->sections[s];
			with_role[sec->role]++;
			if (want < 0)
				continue;
			const char *h = sec->heading ? sec->heading : "";
			const char *const *d = expected[want].duties, *const *r = expected[want]
			                                                              .requirements;
			int role = listed(d, 6, h) ? D : listed(r, 8, h) ? R : N;
			if ((int)sec->role != role)
				fail_msg("%s: '%s' is %s, not %s", rel, h, role_name(sec->role),
				         role_name((posting_role)role));
			for (size_t k = 0; k < 6 && d[k]; k++)
				seen[0][k] += !strcmp(d[k], h);
			for (size_t k = 0; k < 8 && r[k]; k++)
				seen[1][k] += !strcmp(r[k], h);
		}
	for (size_t k = 0; want >= 0 && k < 6 && expected[want].duties[k]; k++)
		if (!seen[0][k])
			fail_msg("%s: no section '%s'", rel, expected[want].duties[k]);
	for (size_t k = 0; want >= 0 && k < 8 && expected[want].requirements[k]; k++)
		if (!seen[1][k])
			fail_msg("%s: no section '%s'", rel, expected[want].requirements[k]);
	files_listed += want >= 0;
	files_checked++;
	posting_list_free(&l);
	free(data);
}

static void test_real_postings(void **state)
{
	(void)state;
	files_checked = files_listed = 0;
	memset(with_role, 0, sizeof with_role);
	tu_each_corpus_file(check_file);
	printf("%zu files (%zu checked section by section): %zu sections duties, %zu "
	       "requirements, %zu none\n",
	       files_checked, files_listed, with_role[D], with_role[R], with_role[N]);
	assert_int_equal(files_listed, JK_ARRAY_LEN(expected));
	assert_true(with_role[D] >= 30 && with_role[R] >= 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_languages), cmocka_unit_test(test_none),
	    cmocka_unit_test(test_hostile),   cmocka_unit_test(test_labels),
	    cmocka_unit_test(test_dump),      cmocka_unit_test(test_real_postings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
