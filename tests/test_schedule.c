/* test_schedule.c — the display schedule with a fake clock: the parser and
 * its messages, on/off at the exact minute, periods past midnight, and the
 * next change checked against a brute-force walk of the week. */
#include "testutil.h"

#include "schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SUN, MON, TUE, WED, THU, FRI, SAT };
#define WEEK (7 * 24 * 60)

static struct tm at(int wday, int h, int m)
{
	struct tm tm = {0};
	tm.tm_wday = wday;
	tm.tm_hour = h;
	tm.tm_min = m;
	return tm;
}

static bool on(const schedule *s, int wday, int h, int m)
{
	struct tm tm = at(wday, h, m);
	return schedule_is_on(s, &tm);
}

static int to_change(const schedule *s, int wday, int h, int m)
{
	struct tm tm = at(wday, h, m);
	return schedule_minutes_to_change(s, &tm);
}

static void add_ok(schedule *s, const char *text)
{
	jk_err err = {0};
	int r = schedule_add(s, text, &err);
	if (r)
		fail_msg("schedule_add(\"%s\") = %d: %s", text, r, err.msg);
}

static void expect_format(const char *text, const char *want)
{
	schedule s = {0};
	add_ok(&s, text);
	char out[64];
	schedule_rule_format(&s.rules[0], out, sizeof out);
	if (strcmp(out, want))
		fail_msg("format(\"%s\") = \"%s\", wanted \"%s\"", text, out, want);
	/* The canonical form reads back as the same rule. */
	schedule t = {0};
	add_ok(&t, out);
	assert_int_equal(t.rules[0].days, s.rules[0].days);
	assert_int_equal(t.rules[0].on, s.rules[0].on);
	assert_int_equal(t.rules[0].off, s.rules[0].off);
}

static void test_parse_forms(void **state)
{
	(void)state;
	expect_format("mon-fri 08:00-18:00", "mon-fri 08:00-18:00");
	expect_format("weekdays 08:00-18:00", "mon-fri 08:00-18:00");
	expect_format("  MONDAY-Friday\t8:00 - 18:00  ", "mon-fri 08:00-18:00");
	expect_format("daily 07:30-22:15", "daily 07:30-22:15");
	expect_format("weekends 10:00-16:00", "sat-sun 10:00-16:00");
	expect_format("sun 10:00-16:00", "sun 10:00-16:00");
	expect_format("fri 18:00-02:00", "fri 18:00-02:00");
	expect_format("fri-mon 09:00-10:00", "mon,fri-sun 09:00-10:00");
	expect_format("mon,wed,fri-sun 08:00-09:00", "mon,wed,fri-sun 08:00-09:00");
	expect_format("mon, wed , thu 08:00-09:00", "mon,wed-thu 08:00-09:00");
	expect_format("tues,thurs,sat 08:00-09:00", "tue,thu,sat 08:00-09:00");
	expect_format("sun-sat 00:00-24:00", "daily 00:00-24:00");
	expect_format("daily 18:00-00:00", "daily 18:00-24:00");
	expect_format("mon-mon 08:00-09:00", "mon 08:00-09:00");
	expect_format("weekdays,weekends 01:00-02:00", "daily 01:00-02:00");

	schedule s = {0};
	add_ok(&s, "fri-mon 09:00-10:00");
	assert_int_equal(s.rules[0].days, (1u << FRI) | (1u << SAT) | (1u << SUN) | (1u << MON));
	assert_int_equal(s.rules[0].on, 9 * 60);
	assert_int_equal(s.rules[0].off, 10 * 60);
	add_ok(&s, "mon 20:00-24:00");
	assert_int_equal(s.rules[1].off, 0); /* 24:00 is midnight, the end of the day */
	assert_int_equal(s.n, 2);

	/* A small buffer truncates and stays terminated. */
	char small[8];
	schedule_rule_format(&s.rules[0], small, sizeof small);
	assert_string_equal(small, "mon,fri");
	schedule_rule_format(&s.rules[0], small, 0);
	schedule_rule_format(&s.rules[0], NULL, 10);
}

/* Every bad rule fails with JK_EARG, one line naming what was wrong, and
 * leaves the schedule as it was. */
static void expect_bad(const char *text, const char *want_in_msg)
{
	schedule s = {0};
	add_ok(&s, "daily 01:00-02:00");
	schedule before = s;
	jk_err err = {0};
	int r = schedule_add(&s, text, &err);
	if (r != JK_EARG)
		fail_msg("schedule_add(\"%.40s\") = %d, wanted JK_EARG", text ? text : "(null)", r);
	assert_memory_equal(&s, &before, sizeof s);
	assert_non_null(strstr(err.msg, "expected DAYS HH:MM-HH:MM"));
	assert_null(strchr(err.msg, '\n'));
	assert_true(jk_utf8_valid(err.msg, strlen(err.msg)));
	for (const char *c = err.msg; *c; c++)
		assert_true((unsigned char)*c >= 0x20);
	if (want_in_msg && !strstr(err.msg, want_in_msg))
		fail_msg("message for \"%.40s\" lacks \"%s\": %s", text, want_in_msg, err.msg);
}

static void test_hostile(void **state)
{
	(void)state;
	expect_bad(NULL, "empty");
	expect_bad("", "empty");
	expect_bad("   \t ", "empty");
	expect_bad("mon", "no times");
	expect_bad("mon 8-18", "'8-18' is not a time");
	expect_bad("mon 25:00-26:00", "'25:00-26:00' is not a time between");
	expect_bad("mon 08:60-09:00", "'08:60-09:00'");
	expect_bad("mon 08:00-24:01", "'24:01'");
	expect_bad("mon 24:00-08:00", "24:00 is only an off time");
	expect_bad("mon 008:00-09:00", "'008:00-09:00'");
	expect_bad("mon 08:000-09:00", "'08:000-09:00'");
	expect_bad("mon 08:00", "expected '-'");
	expect_bad("mon 08:00-", "(end of text) is not a time");
	expect_bad("mon 08:00 09:00", "expected '-'");
	expect_bad("mon 08:00-09:00 extra", "unexpected 'extra'");
	expect_bad("mon 08:00-08:00", "on and off are the same");
	expect_bad("funday 08:00-09:00", "'funday' is not a day");
	expect_bad("mo 08:00-09:00", "'mo' is not a day");
	expect_bad("08:00-09:00", "is not a day");
	expect_bad("mon, 08:00-09:00", "'08:00-09:00' is not a day");
	expect_bad("mon-daily 08:00-09:00", "is not a day to end a range");
	expect_bad("weekdays-sun 08:00-09:00", "'weekdays-sun': a range joins two single days");
	expect_bad("mon- 08:00-09:00", "to end a range");
	expect_bad("mon -08:00-09:00", "to end a range");
	expect_bad("mon 08:00-09:00,", "unexpected");
	expect_bad("mon 08.00-09.00", "is not a time");
	expect_bad("mon 0x8:00-09:00", "is not a time");
	expect_bad("mon -1:00-09:00", NULL);
	expect_bad("mon\n08:00-09:00", NULL);
	expect_bad("m\xC3\xB6n 08:00-09:00", "is not a day");
	expect_bad("mon \xFF\xFE\x80 08:00-09:00", "'\?\?\?' is not a time");
	expect_bad("\xE2\x82 08:00-09:00", "is not a day");
	expect_bad("mon \xEF\xBC\x90\xEF\xBC\x98:00-09:00",
	           "is not a time"); /* full-width digits */

	/* Very long text: the message quotes a shortened token. */
	size_t n = 100000;
	char *big = malloc(n + 1);
	assert_non_null(big);
	memset(big, 'x', n);
	big[n] = '\0';
	expect_bad(big, "...' is not a day");
	memcpy(big, "mon ", 4);
	expect_bad(big, "...' is not a time");
	/* A long but valid list of days parses. */
	size_t k = 0;
	while (k + 4 < n - 20) {
		memcpy(big + k, "mon,", 4);
		k += 4;
	}
	memcpy(big + k, "tue 08:00-09:00", 16);
	schedule s = {0};
	add_ok(&s, big);
	assert_int_equal(s.rules[0].days, (1u << MON) | (1u << TUE));
	free(big);

	/* NUL-free binary from a fixed seed: never accepted by accident, never
	 * crashes; one bad byte makes a rule fail. */
	uint64_t x = 0x9E3779B97F4A7C15ULL;
	char bin[257];
	for (int round = 0; round < 2000; round++) {
		size_t len = 1 + round % 256;
		for (size_t i = 0; i < len; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			bin[i] = (char)(1 + x % 255);
		}
		bin[len] = '\0';
		schedule b = {0};
		jk_err err = {0};
		int r = schedule_add(&b, bin, &err);
		assert_true(r == 0 || r == JK_EARG);
		if (r) {
			assert_int_equal(b.n, 0);
			assert_true(strlen(err.msg) > 0 && strlen(err.msg) < sizeof err.msg - 1);
		}
	}
}

static void test_too_many(void **state)
{
	(void)state;
	schedule s = {0};
	char rule[64];
	for (int i = 0; i < SCHEDULE_MAX_RULES; i++) {
		snprintf(rule, sizeof rule, "daily %02d:%02d-%02d:%02d", i / 2, (i % 2) * 30, i / 2,
		         (i % 2) * 30 + 10);
		add_ok(&s, rule);
	}
	assert_int_equal(s.n, SCHEDULE_MAX_RULES);
	schedule before = s;
	jk_err err = {0};
	assert_int_equal(schedule_add(&s, "mon 08:00-09:00", &err), JK_ETOOBIG);
	assert_non_null(strstr(err.msg, "32"));
	assert_memory_equal(&s, &before, sizeof s);
	/* A bad rule is still reported as bad, not as one too many. */
	assert_int_equal(schedule_add(&s, "mon", &err), JK_EARG);
	assert_int_equal(schedule_add(NULL, "mon 08:00-09:00", &err), JK_EARG);
	assert_int_equal(schedule_add(&s, "mon 08:00-09:00", NULL), JK_ETOOBIG);
}

static void test_office_hours(void **state)
{
	(void)state;
	schedule s = {0};
	add_ok(&s, "mon-fri 08:00-18:00");
	assert_false(on(&s, MON, 7, 59));
	assert_true(on(&s, MON, 8, 0));
	assert_true(on(&s, MON, 17, 59));
	assert_false(on(&s, MON, 18, 0));
	assert_true(on(&s, FRI, 12, 0));
	assert_false(on(&s, SAT, 12, 0));
	assert_false(on(&s, SUN, 12, 0));
	assert_false(on(&s, TUE, 0, 0));
	assert_int_equal(to_change(&s, MON, 7, 59), 1);
	assert_int_equal(to_change(&s, MON, 8, 0), 600);
	assert_int_equal(to_change(&s, MON, 17, 59), 1);
	assert_int_equal(to_change(&s, MON, 18, 0), 14 * 60);
	/* Friday evening to Monday morning. */
	assert_int_equal(to_change(&s, FRI, 18, 0), (6 + 48 + 8) * 60);
	assert_int_equal(to_change(&s, SUN, 23, 59), 8 * 60 + 1);
	/* Seconds do not count: the minute's start is what matters. */
	struct tm tm = at(MON, 7, 59);
	tm.tm_sec = 59;
	assert_false(schedule_is_on(&s, &tm));
	assert_int_equal(schedule_minutes_to_change(&s, &tm), 1);
}

static void test_past_midnight(void **state)
{
	(void)state;
	schedule s = {0};
	add_ok(&s, "fri 18:00-02:00");
	assert_false(on(&s, FRI, 17, 59));
	assert_true(on(&s, FRI, 18, 0));
	assert_true(on(&s, FRI, 23, 59));
	assert_true(on(&s, SAT, 0, 0));
	assert_true(on(&s, SAT, 1, 59));
	assert_false(on(&s, SAT, 2, 0));
	/* The small hours of Friday belong to Thursday, which has no rule. */
	assert_false(on(&s, FRI, 1, 0));
	assert_false(on(&s, SAT, 18, 0));
	assert_int_equal(to_change(&s, FRI, 18, 0), 8 * 60);
	assert_int_equal(to_change(&s, SAT, 1, 59), 1);
	assert_int_equal(to_change(&s, SAT, 2, 0), (6 * 24 + 16) * 60);

	/* Saturday night runs into Sunday, across the week's end. */
	schedule w = {0};
	add_ok(&w, "sat 22:00-03:00");
	assert_true(on(&w, SUN, 2, 59));
	assert_false(on(&w, SUN, 3, 0));
	assert_false(on(&w, SAT, 2, 0));
	assert_int_equal(to_change(&w, SAT, 23, 0), 4 * 60);

	/* 24:00 is the end of the day: off at midnight. */
	schedule m = {0};
	add_ok(&m, "daily 20:00-24:00");
	assert_true(on(&m, TUE, 23, 59));
	assert_false(on(&m, WED, 0, 0));
	assert_int_equal(to_change(&m, TUE, 23, 59), 1);
	assert_int_equal(to_change(&m, WED, 0, 0), 20 * 60);
}

static void test_days(void **state)
{
	(void)state;
	schedule s = {0};
	add_ok(&s, "fri-mon 09:00-17:00");
	const bool want[7] = {[SUN] = true, [MON] = true, [FRI] = true, [SAT] = true};
	for (int d = 0; d < 7; d++) {
		assert_int_equal(on(&s, d, 12, 0), want[d]);
		assert_false(on(&s, d, 8, 59));
		assert_false(on(&s, d, 17, 0));
	}
	schedule we = {0};
	add_ok(&we, "weekends 10:00-16:00");
	for (int d = 0; d < 7; d++)
		assert_int_equal(on(&we, d, 10, 0), d == SAT || d == SUN);
	schedule wd = {0};
	add_ok(&wd, "weekdays 10:00-16:00");
	for (int d = 0; d < 7; d++)
		assert_int_equal(on(&wd, d, 10, 0), d != SAT && d != SUN);
	schedule dl = {0};
	add_ok(&dl, "daily 06:00-23:00");
	for (int d = 0; d < 7; d++) {
		assert_true(on(&dl, d, 6, 0));
		assert_false(on(&dl, d, 5, 59));
		assert_int_equal(to_change(&dl, d, 23, 0), 7 * 60);
	}
	schedule cl = {0};
	add_ok(&cl, "mon,wed,sat-sun 09:00-10:00");
	const bool want_cl[7] = {[SUN] = true, [MON] = true, [WED] = true, [SAT] = true};
	for (int d = 0; d < 7; d++)
		assert_int_equal(on(&cl, d, 9, 30), want_cl[d]);
}

static void test_overlap_and_edges(void **state)
{
	(void)state;
	schedule s = {0};
	add_ok(&s, "mon 08:00-12:00");
	add_ok(&s, "mon 10:00-14:00");
	assert_true(on(&s, MON, 11, 0));
	assert_true(on(&s, MON, 13, 59));
	assert_false(on(&s, MON, 14, 0));
	assert_int_equal(to_change(&s, MON, 9, 0), 5 * 60); /* not 12:00 */

	schedule a = {0};
	add_ok(&a, "mon 08:00-12:00");
	add_ok(&a, "mon 12:00-14:00"); /* adjacent: no gap at noon */
	assert_true(on(&a, MON, 12, 0));
	assert_int_equal(to_change(&a, MON, 11, 59), 2 * 60 + 1);

	/* Always on, always off (a rule nobody reaches is impossible; a rule
	 * covering everything is not) and empty: no change ever. */
	schedule all = {0};
	add_ok(&all, "daily 00:00-24:00");
	for (int d = 0; d < 7; d++)
		assert_true(on(&all, d, 0, 0));
	assert_int_equal(to_change(&all, WED, 3, 3), -1);
	schedule night = {0};
	add_ok(&night, "daily 12:00-12:01");
	add_ok(&night, "daily 12:01-12:00");
	assert_int_equal(to_change(&night, WED, 3, 3), -1);
	assert_true(on(&night, WED, 12, 0));
	schedule empty = {0};
	assert_true(on(&empty, MON, 3, 0));
	assert_int_equal(to_change(&empty, MON, 3, 0), -1);
	assert_true(schedule_is_on(NULL, NULL));
	assert_int_equal(schedule_minutes_to_change(NULL, NULL), -1);

	/* Once a week: the longest possible wait is a week less a minute. */
	schedule once = {0};
	add_ok(&once, "tue 10:00-10:01");
	assert_int_equal(to_change(&once, TUE, 10, 1), WEEK - 1);
	assert_int_equal(to_change(&once, TUE, 10, 0), 1);

	/* Out-of-range fields of a hand-made tm are wrapped, not trusted. */
	struct tm odd = at(9, 25, -1);
	(void)schedule_is_on(&s, &odd);
	int m = schedule_minutes_to_change(&s, &odd);
	assert_true(m >= -1 && m <= WEEK);
}

/* Random rule sets against a model ---------------------------------------- */

static uint64_t rng(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static const char *const day_name[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

/* A random rule as text (comma list of days, random minutes, sometimes
 * 24:00), appended to s; the model marks its minutes of the week. */
static void random_rule(uint64_t *seed, schedule *s, bool model[WEEK])
{
	unsigned days = 0;
	while (!days)
		days = (unsigned)(rng(seed) & 0x7F);
	int on_min = (int)(rng(seed) % 1440), off_min;
	bool midnight = rng(seed) % 8 == 0;
	do
		off_min = midnight ? 1440 : (int)(rng(seed) % 1440);
	while (off_min == on_min);
	if (rng(seed) % 3 == 0) { /* round times, so edges coincide more often */
		on_min -= on_min % 60;
		if (off_min != 1440)
			off_min -= off_min % 60;
		if (off_min == on_min)
			off_min = (on_min + 60) % 1440;
	}
	char text[128];
	size_t o = 0;
	for (int d = 0; d < 7; d++)
		if (days & (1u << d))
			o += (size_t)snprintf(text + o, sizeof text - o, "%s%s", o ? "," : "",
			                      day_name[d]);
	snprintf(text + o, sizeof text - o, " %02d:%02d-%02d:%02d", on_min / 60, on_min % 60,
	         off_min / 60, off_min % 60);
	add_ok(s, text);
	int len = off_min > on_min ? off_min - on_min : 1440 - on_min + off_min;
	for (int d = 0; d < 7; d++)
		if (days & (1u << d))
			for (int k = 0; k < len; k++)
				model[(d * 1440 + on_min + k) % WEEK] = true;
}

static void test_random_against_walk(void **state)
{
	(void)state;
	uint64_t seed = 20240601;
	static bool model[WEEK];
	for (int round = 0; round < 60; round++) {
		schedule s = {0};
		memset(model, 0, sizeof model);
		int nrules = 1 + (int)(rng(&seed) % 6);
		for (int i = 0; i < nrules; i++)
			random_rule(&seed, &s, model);
		/* is_on agrees with the model at every minute of the week. */
		for (int t = 0; t < WEEK; t++)
			if (on(&s, t / 1440, t % 1440 / 60, t % 60) != model[t])
				fail_msg("round %d: is_on at minute %d of the week is wrong", round,
				         t);
		/* minutes_to_change agrees with walking minute by minute, from
		 * every 7th minute and from both sides of every change. */
		for (int t = 0; t < WEEK; t++) {
			bool edge = model[t] != model[(t + WEEK - 1) % WEEK] ||
			            model[t] != model[(t + 1) % WEEK];
			if (t % 7 && !edge)
				continue;
			int want = -1;
			for (int k = 1; k <= WEEK; k++)
				if (model[(t + k) % WEEK] != model[t]) {
					want = k;
					break;
				}
			int got = to_change(&s, t / 1440, t % 1440 / 60, t % 60);
			if (got != want)
				fail_msg("round %d minute %d: to_change %d, walk %d", round, t, got,
				         want);
		}
		/* Every rule reads back from its canonical form. */
		for (size_t i = 0; i < s.n; i++) {
			char txt[64];
			schedule_rule_format(&s.rules[i], txt, sizeof txt);
			schedule t = {0};
			add_ok(&t, txt);
			assert_memory_equal(&t.rules[0], &s.rules[i], sizeof t.rules[0]);
		}
	}
}

/* A real clock walk: mktime steps a calendar week minute by minute; the
 * state flips exactly when minutes_to_change said it would. */
static void test_mktime_walk(void **state)
{
	(void)state;
	schedule s = {0};
	add_ok(&s, "mon-fri 08:00-18:00");
	add_ok(&s, "fri 20:00-02:00");
	add_ok(&s, "sun 11:30-11:45");
	struct tm tm = {0};
	tm.tm_year = 2025 - 1900;
	tm.tm_mon = 11; /* 2025-12-29 is a Monday; the walk crosses New Year */
	tm.tm_mday = 29;
	tm.tm_isdst = -1;
	assert_true(mktime(&tm) != (time_t)-1);
	assert_int_equal(tm.tm_wday, MON);
	bool was = schedule_is_on(&s, &tm);
	int left = schedule_minutes_to_change(&s, &tm);
	int flips = 0;
	for (int i = 0; i < WEEK + 60; i++) {
		tm.tm_min++;
		tm.tm_isdst = -1;
		assert_true(mktime(&tm) != (time_t)-1);
		bool now = schedule_is_on(&s, &tm);
		left--;
		if (now != was) {
			assert_int_equal(left, 0);
			left = schedule_minutes_to_change(&s, &tm);
			flips++;
		} else {
			assert_true(left > 0);
		}
		was = now;
	}
	/* 5 office days, a Friday night, a Sunday slot: 7 periods, 14 flips
	 * (the extra hour ends at Monday 01:00, before the office opens). */
	assert_int_equal(flips, 14);
}

int main(void)
{
	/* A zone without daylight saving keeps the calendar walk at 1440
	 * wall minutes per day. */
	setenv("TZ", "UTC0", 1);
	tzset();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_forms),       cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_too_many),          cmocka_unit_test(test_office_hours),
	    cmocka_unit_test(test_past_midnight),     cmocka_unit_test(test_days),
	    cmocka_unit_test(test_overlap_and_edges), cmocka_unit_test(test_random_against_walk),
	    cmocka_unit_test(test_mktime_walk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
