/* test_deadline.c — deadlines stated in prose become a posting's expiry:
 * import_deadline() on its own, and through import_bytes() for every
 * reader's finishing step. Unlabelled or doubtful dates never count. */
#include "testutil.h"

#include "../src/import/readers.h"

#include <stdlib.h>
#include <string.h>

static void expect_deadline(const char *text, const char *want)
{
	char got[11] = "";
	bool ok = import_deadline(text, strlen(text), got);
	if (!want && ok)
		fail_msg("\"%s\" gave %s, wanted none", text, got);
	if (want && (!ok || strcmp(got, want)))
		fail_msg("\"%s\" gave %s, wanted %s", text, ok ? got : "none", want);
}

static void test_labelled(void **state)
{
	(void)state;
	expect_deadline("Deadline: 27 November 2024", "2024-11-27");
	expect_deadline("The application deadline is November 27th, 2024.", "2024-11-27");
	expect_deadline("Please apply by 01.02.2019 at the latest.", "2019-02-01");
	expect_deadline("closing date: 7.12.2020", "2020-12-07");
	expect_deadline("Closing date: 7. 12. 2020", "2020-12-07");
	expect_deadline("This position is open until 9/30/2022 applications are read",
	                "2022-09-30");
	expect_deadline("Deadline: Friday, 3 Jan. 2025", "2025-01-03");
	expect_deadline("Deadline 2025-03-01", "2025-03-01");
	expect_deadline("Send your CV no later than 15th of March 2024.", "2024-03-15");
	/* German, French, Spanish, Portuguese, Italian, Slovak, Russian */
	expect_deadline("Bewerbungsschluss: 15. M\xC3\xA4rz 2024", "2024-03-15");
	expect_deadline("Bewerbungsfrist ist der 31.01.2024.", "2024-01-31");
	expect_deadline("Date limite : 1er f\xC3\xA9vrier 2025", "2025-02-01");
	expect_deadline("DATE LIMITE DE CANDIDATURE : 28/02/2025", "2025-02-28");
	expect_deadline("Fecha l\xC3\xADmite: 27 de noviembre de 2024", "2024-11-27");
	expect_deadline("Prazo: 5 de maio de 2025", "2025-05-05");
	expect_deadline("Scadenza: 30 giugno 2024", "2024-06-30");
	expect_deadline("Uz\xC3\xA1vierka: 14. augusta 2023", "2023-08-14");
	expect_deadline("\xD0\x9A\xD1\x80\xD0\xB0\xD0\xB9\xD0\xBD\xD0\xB8\xD0\xB9 \xD1\x81\xD1\x80"
	                "\xD0\xBE\xD0\xBA: 10 \xD0\xBC\xD0\xB0\xD1\x8F 2024",
	                "2024-05-10");
	/* Japanese, Korean, Chinese */
	expect_deadline("\xE5\xBF\x9C\xE5\x8B\x9F\xE7\xB7\xA0\xE5\x88\x87\xEF\xBC\x9A"
	                "2026\xE5\xB9\xB4"
	                "1\xE6\x9C\x88"
	                "12\xE6\x97\xA5",
	                "2026-01-12");
	expect_deadline("\xE5\xBF\x9C\xE5\x8B\x9F\xE3\x81\xAF"
	                "2026\xE5\xB9\xB4"
	                "1\xE6\x9C\x88"
	                "12\xE6\x97\xA5\xEF\xBC\x88\xE6\x9C\x88\xEF\xBC\x89\xE3\x81\xBE\xE3\x81\xA7"
	                "\xE5\x8F\x97\xE3\x81\x91\xE4\xBB\x98\xE3\x81\x91\xE3\x81\xBE\xE3\x81\x99",
	                "2026-01-12");
	expect_deadline("\xEB\xA7\x88\xEA\xB0\x90: 2025-03-01", "2025-03-01");
	expect_deadline(
	    "\xEC\xA7\x80\xEC\x9B\x90 \xEB\xA7\x88\xEA\xB0\x90\xEC\x9D\xBC\xEC\x9D\x80 "
	    "2025\xEB\x85\x84 3\xEC\x9B\x94 1\xEC\x9D\xBC\xEC\x9E\x85\xEB\x8B\x88\xEB\x8B"
	    "\xA4.",
	    "2025-03-01");
	expect_deadline("\xE6\x8A\xA5\xE5\x90\x8D\xE6\x88\xAA\xE6\xAD\xA2\xE6\x97\xA5\xE6\x9C\x9F"
	                "\xEF\xBC\x9A"
	                "2024\xE5\xB9\xB4"
	                "6\xE6\x9C\x88"
	                "30\xE6\x97\xA5",
	                "2024-06-30");
	/* A later label in the text when the first has no date. */
	expect_deadline("Deadline: open until filled. Deadline for the summer: 1 June 2024.",
	                "2024-06-01");
}

static void test_not_a_deadline(void **state)
{
	(void)state;
	const char *none[] = {
	    "Posted: 27 November 2024",
	    "Start date: 01.03.2024",
	    "We were founded on 7.12.2020 in Vienna.",
	    "Deadline: as soon as possible",
	    "Deadline: 30 June",          /* no year: never guessed */
	    "Apply by 3/4/2025",          /* day and month in doubt */
	    "Deadline: 31.02.2024",       /* no such day */
	    "Deadline: 27 November 1812", /* not of our era */
	    "Deadlines are a fact of life. In 2024 we shipped 12 releases.",
	    "Deadline. The project started 27 November 2024.", /* another sentence */
	    "Kündigungsfrist: 3 Monate",
	    "\xE5\x8B\xA4\xE5\x8B\x99\xE6\x9C\x9F\xE9\x96\x93\xE3\x81\xAF"
	    "2026\xE5\xB9\xB4"
	    "3\xE6\x9C\x88"
	    "31\xE6\x97\xA5\xE3\x81\xBE\xE3\x81\xA7", /* work period, nothing about applying */
	    "",
	    "Deadline:",
	    "2024-01-01",
	    "apply by 99.99.9999",
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(none); i++)
		expect_deadline(none[i], NULL);
}

/* Through a reader: the finishing step sets expires, and never overrides
 * what the posting says in a field. */
static void test_readers(void **state)
{
	(void)state;
	const char md[] = "# Data Engineer\n\nWe build boats.\n\n## How to apply\n\nSend your CV "
	                  "to jobs@example.com. Deadline: 27 November 2024.\n";
	posting_list l;
	assert_string_equal(tu_one(md, "boats.md", &l, NULL)->expires, "2024-11-27");
	posting_list_free(&l);

	const char html[] = "<html><body><h1>Praktikum</h1><h2>Bewerbungsschluss</h2>"
	                    "<p>31.01.2025</p><p>Founded 01.02.2010.</p></body></html>";
	assert_string_equal(tu_one(html, "p.html", &l, NULL)->expires, "2025-01-31");
	posting_list_free(&l);

	const char txt[] = "Barista\n\nDate limite : 1er mars 2025\n";
	assert_string_equal(tu_one(txt, "b.txt", &l, NULL)->expires, "2025-03-01");
	posting_list_free(&l);

	const char fm[] = "---\ntitle: Cook\nexpires: 2030-01-01\n---\n\nDeadline: 1 June 2024.\n";
	assert_string_equal(tu_one(fm, "c.md", &l, NULL)->expires, "2030-01-01");
	posting_list_free(&l);

	const char plain[] = "# Cook\n\nPosted 1 June 2024. Start date: 01.07.2024.\n";
	assert_null(tu_one(plain, "d.md", &l, NULL)->expires);
	posting_list_free(&l);
}

/* Hostile text: many labels, digits and month names; it stays linear. */
static void test_hostile(void **state)
{
	(void)state;
	size_t n = 1 << 20;
	char *t = malloc(n + 1);
	assert_non_null(t);
	const char *pats[] = {"Deadline: 12.12.",
	                      "apply by 2024-1",
	                      "27 November 20",
	                      "\xE5\xB9\xB4",
	                      "1\xE6\x9C\x88\xE3\x81\xBE\xE3\x81\xA7\xE5\xBF\x9C\xE5\x8B\x9F",
	                      "\xff\xfe"};
	for (size_t k = 0; k < JK_ARRAY_LEN(pats); k++) {
		size_t pl = strlen(pats[k]);
		for (size_t i = 0; i < n; i++)
			t[i] = pats[k][i % pl];
		t[n] = '\0';
		char out[11];
		(void)import_deadline(t, n, out);
	}
	free(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_labelled),
	    cmocka_unit_test(test_not_a_deadline),
	    cmocka_unit_test(test_readers),
	    cmocka_unit_test(test_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
