/* The core's log sink: every module's lines go through jk_log() to the one
 * sink the app installed, one valid UTF-8 line each. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct seen {
	int n;
	jk_log_level level;
	char module[32];
	char line[1100];
} seen;

static void keep(void *ud, jk_log_level level, const char *module, const char *line)
{
	seen *s = ud;
	s->n++;
	s->level = level;
	snprintf(s->module, sizeof s->module, "%s", module);
	snprintf(s->line, sizeof s->line, "%s", line);
}

static void test_sink_gets_one_line(void **state)
{
	(void)state;
	seen s = {0};
	jk_log_set_sink(keep, &s, JK_LOG_INFO);
	jk_log(JK_LOG_WARN, "kiosk", "reload: %s", "a\nb\tc");
	assert_int_equal(s.n, 1);
	assert_int_equal(s.level, JK_LOG_WARN);
	assert_string_equal(s.module, "kiosk");
	assert_string_equal(s.line, "reload: a b c");
	/* Below the level set: not passed on. */
	jk_log(JK_LOG_DEBUG, "kiosk", "chatter");
	assert_int_equal(s.n, 1);
	jk_log(JK_LOG_INFO, NULL, "no module");
	assert_int_equal(s.n, 2);
	assert_string_equal(s.module, "");
	jk_log_set_sink(NULL, NULL, JK_LOG_INFO);
}

static void test_long_and_broken_lines(void **state)
{
	(void)state;
	seen s = {0};
	jk_log_set_sink(keep, &s, JK_LOG_DEBUG);
	/* 2000 bytes of 'é' (2 bytes each): cut at 1023 bytes, never inside a
	 * character; a stray byte shows as '?'. */
	char big[2001];
	for (int i = 0; i < 2000; i += 2) {
		big[i] = (char)0xC3;
		big[i + 1] = (char)0xA9;
	}
	big[2000] = '\0';
	jk_log(JK_LOG_ERR, "import", "%s", big);
	assert_true(strlen(s.line) <= 1023);
	assert_int_equal(strlen(s.line) % 2, 0);
	assert_true(jk_utf8_valid(s.line, strlen(s.line)));
	jk_log(JK_LOG_ERR, "import", "x\xFFy");
	assert_string_equal(s.line, "x?y");
	jk_log_set_sink(NULL, NULL, JK_LOG_INFO);
}

static void test_default_and_journal_sinks(void **state)
{
	(void)state;
	tu_capture c;
	tu_capture_start(&c);
	jk_log(JK_LOG_WARN, "sources", "feed.xml: timed out");
	jk_log_set_sink(jk_log_journal, NULL, JK_LOG_INFO);
	jk_log(JK_LOG_ERR, "app", "cannot open the window");
	jk_log(JK_LOG_INFO, "kiosk", "display on by the schedule");
	jk_log_set_sink(NULL, NULL, JK_LOG_INFO);
	char *out = tu_capture_end(&c);
	assert_non_null(out);
	assert_string_equal(out, "jobkiosk: feed.xml: timed out\n"
	                         "<3>jobkiosk: cannot open the window\n"
	                         "<6>jobkiosk: display on by the schedule\n");
	free(out);
}

/* Times past 2038: kept in 64 bits everywhere; only the step to time_t
 * refuses what a 32-bit time_t (armhf) cannot hold. */
static void test_time_past_2038(void **state)
{
	(void)state;
	assert_true(posting_utc_seconds(1970, 1, 1, 0, 0, 0) == 0);
	assert_true(posting_utc_seconds(2038, 1, 19, 3, 14, 7) == INT32_MAX);
	assert_true(posting_utc_seconds(2040, 2, 29, 12, 0, 0) == 2214129600LL);
	assert_true(posting_utc_seconds(1901, 12, 13, 20, 45, 52) == INT32_MIN);
	assert_true(posting_utc_seconds(2106, 2, 7, 6, 28, 16) == 4294967296LL);
	time_t t = 7;
	assert_true(jk_time_from(INT32_MAX, &t) && t == INT32_MAX);
	assert_true(jk_time_from(INT32_MIN, &t) && t == INT32_MIN);
	const int64_t past[] = {(int64_t)INT32_MAX + 1, 2214129600LL, (int64_t)INT32_MIN - 1,
	                        INT64_MAX, INT64_MIN};
	for (size_t i = 0; i < JK_ARRAY_LEN(past); i++) {
		t = 7;
		bool ok = jk_time_from(past[i], &t);
		if (sizeof(time_t) < sizeof(int64_t)) {
			assert_false(ok);
			assert_int_equal(t, 7); /* untouched, not wrapped */
		} else {
			assert_true(ok);
			assert_true((int64_t)t == past[i]);
		}
	}
	/* What a 64-bit time_t does with it: the same day, not 1904. */
	if (jk_time_from(2214129600LL, &t)) {
		struct tm tm;
		assert_non_null(gmtime_r(&t, &tm));
		assert_int_equal(tm.tm_year + 1900, 2040);
		assert_int_equal(tm.tm_mon + 1, 2);
		assert_int_equal(tm.tm_mday, 29);
	}
}

/* jk_dl_load against real libraries: libm's cos through a table; a
 * function the library lacks and a file that is not there each give one
 * line naming the library, every time, and the table stays unfilled. */
typedef struct m_fns {
	double (*cos)(double);
	double (*sin)(double);
} m_fns;

static void test_dl_load(void **state)
{
	(void)state;
	static m_fns m;
	static const jk_dl_sym syms[] = {JK_DL_SYM(m_fns, cos, "cos"),
	                                 JK_DL_SYM(m_fns, sin, "sin")};
	static jk_dl lib = JK_DL_INIT("libm.so.6", "the test needs", NULL, syms, &m, NULL);
	jk_err err = {0};
	assert_int_equal(jk_dl_load(&lib, &err), 0);
	assert_true(m.cos(0.0) == 1.0 && m.sin(0.0) == 0.0);
	assert_int_equal(jk_dl_load(&lib, &err), 0); /* once */

	static m_fns none;
	static const jk_dl_sym odd[] = {JK_DL_SYM(m_fns, cos, "cos"),
	                                JK_DL_SYM(m_fns, sin, "jk_no_such_function")};
	static jk_dl old = JK_DL_INIT("libm.so.6", "the test needs", NULL, odd, &none, NULL);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(jk_dl_load(&old, &err), JK_EUNSUPPORTED);
		tu_expect_str(err.msg,
		              "the test needs libm.so.6: it has no jk_no_such_function (too old?)");
	}
	assert_null(none.sin);

	setenv("JK_TEST_LIBNONE", "libjk-none.so.1", 1);
	static jk_dl missing =
	    JK_DL_INIT("libm.so.6", "the test needs", "JK_TEST_LIBNONE", syms, &none, NULL);
	assert_int_equal(jk_dl_load(&missing, &err), JK_EUNSUPPORTED);
	unsetenv("JK_TEST_LIBNONE");
	tu_expect_str(err.msg, "the test needs libm.so.6: libjk-none.so.1: cannot open shared "
	                       "object file: No such file or directory");
	assert_int_equal(jk_dl_load(&missing, NULL), JK_EUNSUPPORTED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sink_gets_one_line),
	    cmocka_unit_test(test_dl_load),
	    cmocka_unit_test(test_long_and_broken_lines),
	    cmocka_unit_test(test_default_and_journal_sinks),
	    cmocka_unit_test(test_time_past_2038),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
