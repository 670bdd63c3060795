/* test_words.c — the kiosk's own words in the posting's language: every
 * language has every word as valid UTF-8, the formats write the right
 * forms and digits, unknown and regional tags fall back, and the script of
 * a text suggests its language. */
#include "testutil.h"

#include "text.h"

#include <stdio.h>
#include <string.h>

/* The list, and Greek. */
static const char *const required[] = {"en", "de", "fr", "es",      "pt",      "it", "nl", "pl",
                                       "tr", "ru", "uk", "ar",      "he",      "fa", "hi", "bn",
                                       "th", "vi", "id", "zh-Hans", "zh-Hant", "ja", "ko", "el"};

static void test_every_word(void **state)
{
	(void)state;
	for (size_t i = 0; i < JK_ARRAY_LEN(required); i++)
		assert_string_equal(text_lang_known(required[i]), required[i]);
	assert_int_equal(text_lang_count(), JK_ARRAY_LEN(required));
	for (size_t i = 0; i < text_lang_count(); i++) {
		const char *lang = text_lang_at(i);
		for (int w = 0; w < TEXT_W_COUNT; w++) {
			const char *s = text_word_get(lang, (text_word)w);
			assert_non_null(s);
			assert_true(*s);
			assert_true(jk_utf8_valid(s, strlen(s)));
			assert_null(strchr(s, '%')); /* never a printf format */
			/* Short enough for a caption or a headline. */
			if (w == TEXT_W_SCAN_TO_APPLY || w == TEXT_W_EMAIL_TO_APPLY ||
			    w == TEXT_W_ALL_OPENINGS)
				assert_true(strlen(s) <= 64);
			/* Only English says it in English. */
			if (strcmp(lang, "en") && w != TEXT_W_OPEN_POSITION)
				assert_string_not_equal(s, text_word_get("en", (text_word)w));
		}
		char buf[256];
		for (size_t n = 0; n < 30; n++) {
			size_t k = text_word_roles(lang, n, buf, sizeof buf);
			assert_int_equal(k, strlen(buf));
			assert_true(k > 0 && jk_utf8_valid(buf, k));
			assert_null(strchr(buf, '{'));
		}
		size_t k = text_word_offline(lang, 9, 5, buf, sizeof buf);
		assert_true(k > 0 && jk_utf8_valid(buf, k));
		assert_null(strchr(buf, '{'));
		/* The deadline badge has one place for the date; no other word
		 * has any. */
		const char *by = text_word_get(lang, TEXT_W_APPLY_BY);
		const char *at = strstr(by, "{d}");
		assert_non_null(at);
		assert_null(strchr(at + 3, '{'));
		for (int w = 0; w < TEXT_W_COUNT; w++)
			if (w != TEXT_W_APPLY_BY)
				assert_null(strchr(text_word_get(lang, (text_word)w), '{'));
		char date[64];
		assert_true(text_date_short(lang, 2026, 1, 12, date, sizeof date) > 0);
		k = text_word_apply_by(lang, date, buf, sizeof buf);
		assert_int_equal(k, strlen(buf));
		assert_true(jk_utf8_valid(buf, k));
		assert_non_null(strstr(buf, date));
		assert_null(strchr(buf, '{'));
		/* Badges are short: a pill on one line. */
		assert_true(k <= 80);
		assert_true(strlen(text_word_get(lang, TEXT_W_NEW)) <= 24);
		assert_true(strlen(text_word_get(lang, TEXT_W_CLOSES_TODAY)) <= 64);
	}
	assert_string_equal(text_word_get("en", TEXT_W_COUNT), "");
}

static void test_fallbacks(void **state)
{
	(void)state;
	const char *de = text_word_get("de", TEXT_W_SCAN_TO_APPLY);
	assert_string_equal(de, "Scannen und bewerben");
	assert_string_equal(text_word_get("de-AT", TEXT_W_SCAN_TO_APPLY), de);
	assert_string_equal(text_word_get("DE_ch", TEXT_W_SCAN_TO_APPLY), de);
	assert_string_equal(text_word_get("pt-BR", TEXT_W_OPEN_POSITIONS),
	                    text_word_get("pt", TEXT_W_OPEN_POSITIONS));
	assert_string_equal(text_word_get("zh", TEXT_W_SCAN_TO_APPLY), "扫码申请");
	assert_string_equal(text_word_get("zh-CN", TEXT_W_SCAN_TO_APPLY), "扫码申请");
	assert_string_equal(text_word_get("zh-TW", TEXT_W_SCAN_TO_APPLY), "掃碼應徵");
	assert_string_equal(text_word_get("ja", TEXT_W_SCAN_TO_APPLY), "スキャンして応募");
	assert_string_equal(text_word_get("ar", TEXT_W_SCAN_TO_APPLY), "امسح للتقديم");
	assert_string_equal(text_word_get("iw", TEXT_W_OPEN_POSITIONS), "משרות פתוחות");
	const char *en = text_word_get("en", TEXT_W_SCAN_TO_APPLY);
	assert_string_equal(en, "Scan to apply");
	const char *unknown[] = {NULL, "", "sw", "xx-YY", "<b>", "und", "english", "x-klingon"};
	for (size_t i = 0; i < JK_ARRAY_LEN(unknown); i++)
		assert_string_equal(text_word_get(unknown[i], TEXT_W_SCAN_TO_APPLY), en);
	assert_null(text_lang_known("sw"));
	assert_null(text_lang_known(NULL));
	assert_string_equal(text_lang_known("en-GB"), "en");
	assert_string_equal(text_lang_known("ru-RU"), "ru");
}

static void test_formats(void **state)
{
	(void)state;
	char b[256];
	static const struct {
		const char *lang;
		size_t n;
		const char *want;
	} roles[] = {
	    {"en", 1, "1 role — scan a slide's code to apply"},
	    {"en", 0, "0 roles — scan a slide's code to apply"},
	    {"en", 12, "12 roles — scan a slide's code to apply"},
	    {"fr", 0, "0 poste — scannez le code d'une diapositive pour postuler"},
	    {"fr", 2, "2 postes — scannez le code d'une diapositive pour postuler"},
	    {"ru", 21, "21 вакансия — отсканируйте код на слайде, чтобы откликнуться"},
	    {"ru", 3, "3 вакансии — отсканируйте код на слайде, чтобы откликнуться"},
	    {"ru", 12, "12 вакансий — отсканируйте код на слайде, чтобы откликнуться"},
	    {"pl", 22, "22 oferty — zeskanuj kod ze slajdu, aby aplikować"},
	    {"pl", 25, "25 ofert — zeskanuj kod ze slajdu, aby aplikować"},
	    {"pl", 21, "21 ofert — zeskanuj kod ze slajdu, aby aplikować"},
	    {"uk", 1, "1 вакансія — відскануйте код на слайді, щоб відгукнутися"},
	    {"he", 1, "משרה אחת — סרקו את הקוד בשקופית כדי להגיש מועמדות"},
	    {"ja", 7, "求人7件 — スライドのコードをスキャンして応募"},
	    {"ar", 12, "عدد الوظائف: ١٢ — امسح رمز أي شريحة للتقديم"},
	    {"bn", 40, "৪০টি পদ — আবেদন করতে যেকোনো স্লাইডের কোড স্ক্যান করুন"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(roles); i++) {
		text_word_roles(roles[i].lang, roles[i].n, b, sizeof b);
		assert_string_equal(b, roles[i].want);
	}
	static const struct {
		const char *lang, *page, *offline;
	} f[] = {
	    {"en", "3 / 10", "offline · updated 09:05"},
	    {"de", "3 / 10", "offline · Stand 09:05"},
	    {"ar", "٣ / ١٠", "غير متصل · آخر تحديث ٠٩:٠٥"},
	    {"fa", "۳ / ۱۰", "آفلاین · به‌روزرسانی ۰۹:۰۵"},
	    {"bn", "৩ / ১০", "অফলাইন · হালনাগাদ ০৯:০৫"},
	    {"hi", "3 / 10", "ऑफ़लाइन · 09:05 बजे अपडेट"},
	    {"ja", "3 / 10", "オフライン · 09:05 更新"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(f); i++) {
		assert_int_equal(text_word_page(f[i].lang, 3, 10, b, sizeof b), strlen(f[i].page));
		assert_string_equal(b, f[i].page);
		text_word_offline(f[i].lang, 9, 5, b, sizeof b);
		assert_string_equal(b, f[i].offline);
	}
	text_word_offline("en", 99, -1, b, sizeof b);
	assert_string_equal(b, "offline · updated 00:00");
	text_word_page("ar", 123456789, SIZE_MAX, b, sizeof b);
	assert_true(jk_utf8_valid(b, strlen(b)));
	/* Small buffers: cut at a character, always terminated. */
	for (size_t cap = 0; cap < 24; cap++) {
		char s[24];
		memset(s, 'x', sizeof s);
		size_t k = text_word_offline("ar", 23, 59, s, cap);
		if (!cap) {
			assert_int_equal(k, 0);
			assert_int_equal(s[0], 'x');
			continue;
		}
		assert_true(k < cap);
		assert_int_equal(s[k], '\0');
		assert_true(jk_utf8_valid(s, k));
		k = text_word_roles("ja", 5, s, cap);
		assert_true(k < cap && jk_utf8_valid(s, k));
	}
}

static void test_badge_words(void **state)
{
	(void)state;
	char b[160];
	static const struct {
		const char *lang, *fresh, *by, *today;
	} w[] = {
	    {"en", "New", "Apply by 12 Jan", "Closes today"},
	    {"de", "Neu", "Bewerbung bis 12. Jan.", "Bewerbungsschluss heute"},
	    {"ja", "新着", "応募締切：1月12日", "本日締切"},
	    {"ar", "جديدة", "التقديم حتى ١٢ يناير", "آخر يوم للتقديم"},
	    {"ko", "신규", "1월 12일까지 지원", "오늘 마감"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(w); i++) {
		char date[64];
		text_date_short(w[i].lang, 2026, 1, 12, date, sizeof date);
		text_word_apply_by(w[i].lang, date, b, sizeof b);
		assert_string_equal(b, w[i].by);
		assert_string_equal(text_word_get(w[i].lang, TEXT_W_NEW), w[i].fresh);
		assert_string_equal(text_word_get(w[i].lang, TEXT_W_CLOSES_TODAY), w[i].today);
	}
	/* A NULL date leaves its place empty; a small buffer cuts at a
	 * character. */
	text_word_apply_by("en", NULL, b, sizeof b);
	assert_string_equal(b, "Apply by ");
	for (size_t cap = 1; cap < 12; cap++) {
		char s[12];
		size_t k = text_word_apply_by("ja", "1月12日", s, cap);
		assert_true(k < cap && s[k] == '\0' && jk_utf8_valid(s, k));
	}
	/* A date holding "{d}" or "%s" is written as it is, not expanded. */
	text_word_apply_by("en", "{d} %s", b, sizeof b);
	assert_string_equal(b, "Apply by {d} %s");
}

/* Dates as ICU writes them in the language (checked against ICU 72's
 * CLDR data, the one Debian 12 has). */
static void test_dates(void **state)
{
	(void)state;
	char b[64];
	static const struct {
		const char *lang;
		int y, m, d;
		const char *want;
	} g[] = {
	    {"en", 2026, 1, 12, "12 Jan"},
	    {"en-US", 2026, 1, 12, "12 Jan"}, /* the table's English: day first */
	    {"de", 2026, 1, 12, "12. Jan."},
	    {"fr", 2026, 3, 5, "5 mars"},
	    {"pt-BR", 2026, 1, 12, "12 de jan."},
	    {"ru", 2026, 1, 12, "12 янв."},
	    {"ja", 2026, 1, 12, "1月12日"},
	    {"zh-TW", 2026, 12, 31, "12月31日"},
	    {"ko", 2026, 1, 12, "1월 12일"},
	    {"ar", 2026, 1, 12, "١٢ يناير"},
	    {"he", 2026, 1, 12, "12 בינו׳"},
	    {"bn", 2026, 1, 12, "১২ জানু"},
	    {"th", 2026, 1, 12, "12 ม.ค."},
	    {"sw", 2026, 1, 12, "12 Jan"}, /* not in the table: English */
	    {NULL, 2024, 2, 29, "29 Feb"},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(g); i++) {
		size_t k = text_date_short(g[i].lang, g[i].y, g[i].m, g[i].d, b, sizeof b);
		if (strcmp(b, g[i].want))
			fail_msg("%s %d-%d-%d: \"%s\", wanted \"%s\"",
			         g[i].lang ? g[i].lang : "NULL", g[i].y, g[i].m, g[i].d, b,
			         g[i].want);
		assert_int_equal(k, strlen(b));
	}
	/* Persian dates are in the Persian calendar, as ICU has it for fa. */
	assert_true(text_date_short("fa", 2026, 1, 12, b, sizeof b) > 0);
	assert_true(jk_utf8_valid(b, strlen(b)));
	/* Days that do not exist, years outside the Gregorian range. */
	static const int bad[][3] = {
	    {2026, 13, 1}, {2026, 0, 1}, {2026, 2, 29}, {2026, 4, 31}, {2026, 1, 0},
	    {2026, 1, 32}, {1500, 1, 1}, {10000, 1, 1}, {-1, 1, 1},    {2147483647, 12, 31}};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		memset(b, 'x', sizeof b);
		assert_int_equal(
		    text_date_short("en", bad[i][0], bad[i][1], bad[i][2], b, sizeof b), 0);
		assert_string_equal(b, "");
	}
	/* Too small a buffer: nothing rather than a date cut short. */
	for (size_t cap = 1; cap <= 6; cap++) {
		memset(b, 'x', sizeof b);
		assert_int_equal(text_date_short("en", 2026, 1, 12, b, cap), 0);
		assert_int_equal(b[0], '\0');
	}
	assert_int_equal(text_date_short("en", 2026, 1, 12, b, 7), 6);
	b[0] = 'x';
	assert_int_equal(text_date_short("en", 2026, 1, 12, b, 0), 0);
	assert_int_equal(b[0], 'x');
	assert_int_equal(text_date_short("en", 2026, 1, 12, NULL, 64), 0);
}

static void test_rtl(void **state)
{
	(void)state;
	const char *rtl[] = {"ar", "he", "fa", "ur", "yi", "ps", "dv", "ar-EG", "HE", "iw"};
	for (size_t i = 0; i < JK_ARRAY_LEN(rtl); i++)
		assert_true(text_lang_rtl(rtl[i]));
	const char *ltr[] = {NULL, "", "en", "de", "ja", "hi", "zh-Hant", "arz-x", "<ar>"};
	for (size_t i = 0; i < JK_ARRAY_LEN(ltr); i++)
		assert_false(text_lang_rtl(ltr[i]));
}

static const char *guess(const char *s)
{
	return text_lang_guess(s, strlen(s));
}

static void test_guess(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} g[] = {
	    {"مهندس برمجيات أول في فريق المنصة", "ar"},
	    {"نبحث عن مطوّر يعرف C و Linux", "ar"},
	    {"کارشناس پشتیبانی فنی برای گروه ما", "fa"},
	    {"מהנדס/ת תוכנה בכיר/ה עם ניסיון ב-C ו-Linux", "he"},
	    {"सॉफ़्टवेयर इंजीनियर (बैकएंड)", "hi"},
	    {"সফটওয়্যার প্রকৌশলী", "bn"},
	    {"วิศวกรซอฟต์แวร์อาวุโส", "th"},
	    {"박사후연구원 모집 (AI 연구실)", "ko"},
	    {"ソフトウェアエンジニア（東京）", "ja"},
	    {"正社員募集：製造スタッフ", "ja"},
	    {"我们正在招聘软件工程师，需要三年经验", "zh-Hans"},
	    {"我們正在招募軟體工程師，需要三年經驗", "zh-Hant"},
	    {"深圳大学招聘", "zh-Hans"},
	    {"Старший инженер-программист", "ru"},
	    {"Інженер з тестування програмного забезпечення", "uk"},
	    {"Μηχανικός λογισμικού", "el"},
	    {"Senior Software Engineer", NULL},
	    {"Ingénieur logiciel (H/F)", NULL},
	    {"Senior Rails engineer — 東京", NULL},
	    {"", NULL},
	    {"12345 !!! ---", NULL},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(g); i++) {
		const char *got = guess(g[i].text);
		if (!g[i].want && got)
			fail_msg("\"%s\": guessed %s, wanted none", g[i].text, got);
		if (g[i].want && (!got || strcmp(got, g[i].want)))
			fail_msg("\"%s\": guessed %s, wanted %s", g[i].text, got ? got : "none",
			         g[i].want);
	}
	assert_null(text_lang_guess(NULL, 0));
	/* Broken bytes and a cut character are read, never past n. */
	assert_null(text_lang_guess("\xFF\xFE\x80", 3));
	assert_string_equal(text_lang_guess("Инженер\xD0", 15), "ru");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_every_word), cmocka_unit_test(test_fallbacks),
	    cmocka_unit_test(test_formats),    cmocka_unit_test(test_rtl),
	    cmocka_unit_test(test_guess),      cmocka_unit_test(test_badge_words),
	    cmocka_unit_test(test_dates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
