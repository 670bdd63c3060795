/* test_timers.c — the kiosk loop's timer table with a fake clock: which
 * handlers run in which order, and what wait comes back, with rows due
 * together, rows disarmed, lazy and every-run rows, and a clock that
 * jumps forward and back. No SDL. */
#include "testutil.h"

#include "kiosk.h"

#include <string.h>

enum { A, B, C, D, NROWS };

/* What ran: row letters in order, and the now each got. */
typedef struct trace {
	kiosk_timers *t;
	char ran[64];
	size_t n;
	uint64_t at[64];
	uint64_t period[NROWS]; /* > 0: the handler arms its row again */
	int stop_row;           /* the row whose handler ends the run; -1 none */
	int arm_row;            /* row A arms this row at now when it runs; -1 none */
} trace;

static bool note(trace *tr, int row, uint64_t now)
{
	if (tr->n < sizeof tr->ran - 1) {
		tr->at[tr->n] = now;
		tr->ran[tr->n++] = (char)('a' + row);
	}
	if (tr->period[row])
		kiosk_timers_set(tr->t, (size_t)row, now + tr->period[row]);
	return row != tr->stop_row;
}

static bool on_a(void *ud, uint64_t now)
{
	trace *tr = ud;
	if (tr->arm_row >= 0)
		kiosk_timers_set(tr->t, (size_t)tr->arm_row, now);
	return note(ud, A, now);
}

static bool on_b(void *ud, uint64_t now)
{
	return note(ud, B, now);
}

static bool on_c(void *ud, uint64_t now)
{
	return note(ud, C, now);
}

static bool on_d(void *ud, uint64_t now)
{
	return note(ud, D, now);
}

static void setup(kiosk_timers *t, trace *tr, const unsigned flags[NROWS])
{
	kiosk_timer rows[NROWS] = {
	    {"a", on_a, flags ? flags[A] : 0, false, 0},
	    {"b", on_b, flags ? flags[B] : 0, false, 0},
	    {"c", on_c, flags ? flags[C] : 0, false, 0},
	    {"d", on_d, flags ? flags[D] : 0, false, 0},
	};
	memset(tr, 0, sizeof *tr);
	tr->t = t;
	tr->stop_row = -1;
	tr->arm_row = -1;
	kiosk_timers_init(t, rows, NROWS, tr);
}

/* Runs at now; checks the handlers that ran since the last check and the
 * wait. */
static void step(kiosk_timers *t, trace *tr, uint64_t now, const char *ran, unsigned wait)
{
	tr->n = 0;
	memset(tr->ran, 0, sizeof tr->ran);
	unsigned w = kiosk_timers_run(t, now, NULL);
	assert_string_equal(tr->ran, ran);
	assert_int_equal(w, wait);
}

static void test_nothing_armed_waits_idle(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	step(&t, &tr, 1000, "", KIOSK_TIMERS_IDLE_MS);
	/* Far deadlines are capped too. */
	kiosk_timers_set(&t, B, 1000 + 10 * KIOSK_TIMERS_IDLE_MS);
	step(&t, &tr, 1000, "", KIOSK_TIMERS_IDLE_MS);
}

static void test_one_shot_and_periodic(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	tr.period[A] = 100; /* re-armed by its handler */
	kiosk_timers_set(&t, A, 100);
	kiosk_timers_set(&t, C, 250); /* one-shot */
	step(&t, &tr, 0, "", 100);
	step(&t, &tr, 99, "", 1);
	step(&t, &tr, 100, "a", 100);
	assert_int_equal(tr.at[0], 100);
	step(&t, &tr, 150, "", 50);
	step(&t, &tr, 200, "a", 50);
	step(&t, &tr, 250, "c", 50);
	step(&t, &tr, 300, "a", 100);
	step(&t, &tr, 350, "", 50); /* c does not come back by itself */
}

static void test_several_due_run_in_row_order(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	/* Armed in another order, due at different times, all past. */
	kiosk_timers_set(&t, D, 10);
	kiosk_timers_set(&t, B, 30);
	kiosk_timers_set(&t, A, 20);
	kiosk_timers_set(&t, C, 500);
	step(&t, &tr, 40, "abd", 460);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(tr.at[i], 40);
}

static void test_disarmed_rows_do_not_run(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	kiosk_timers_set(&t, A, 10);
	kiosk_timers_set(&t, B, 20);
	kiosk_timers_stop(&t, A);
	step(&t, &tr, 15, "", 5);
	step(&t, &tr, 20, "b", KIOSK_TIMERS_IDLE_MS);
	/* Stopping a stopped row or an unknown one is harmless. */
	kiosk_timers_stop(&t, A);
	kiosk_timers_stop(&t, 99);
	kiosk_timers_set(&t, 99, 0);
	step(&t, &tr, 30, "", KIOSK_TIMERS_IDLE_MS);
}

static void test_clock_jumps_forward(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	tr.period[A] = 1000;
	tr.period[B] = 33;
	kiosk_timers_set(&t, A, 1000);
	kiosk_timers_set(&t, B, 33);
	step(&t, &tr, 0, "", 33);
	/* An hour later: each overdue row runs once, not once per period
	 * missed, and the next deadlines count from now. */
	step(&t, &tr, 3600000, "ab", 33);
	step(&t, &tr, 3600033, "b", 33);
}

static void test_clock_steps_back(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	kiosk_timers_set(&t, A, 5000);
	kiosk_timers_set(&t, B, 5100);
	step(&t, &tr, 4000, "", 1000);
	/* Three seconds back: still 1000 ms to go, not 4000. */
	step(&t, &tr, 1000, "", 1000);
	step(&t, &tr, 2000, "a", 100);
	step(&t, &tr, 2100, "b", KIOSK_TIMERS_IDLE_MS);
	/* A row already overdue stays due across the step. */
	kiosk_timers_set(&t, C, 1500);
	step(&t, &tr, 0, "c", KIOSK_TIMERS_IDLE_MS);
}

static void test_each_run_and_lazy_rows(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	const unsigned flags[NROWS] = {0, KIOSK_TIMER_EACH_RUN, KIOSK_TIMER_LAZY, 0};
	setup(&t, &tr, flags);
	/* b runs at every run, armed or not; its deadline bounds the wait. */
	step(&t, &tr, 0, "b", KIOSK_TIMERS_IDLE_MS);
	kiosk_timers_set(&t, B, 700);
	step(&t, &tr, 10, "b", KIOSK_TIMERS_IDLE_MS); /* disarmed by running */
	tr.period[B] = 700;
	step(&t, &tr, 20, "b", 700);
	/* c (lazy) never shortens the wait, and runs when a run comes by. */
	kiosk_timers_set(&t, C, 100);
	kiosk_timers_set(&t, D, 300);
	step(&t, &tr, 50, "b", 250);
	step(&t, &tr, 300, "bcd", 700);
}

static void test_handler_ends_run(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	tr.stop_row = B;
	kiosk_timers_set(&t, A, 10);
	kiosk_timers_set(&t, B, 10);
	kiosk_timers_set(&t, C, 10);
	bool stop = false;
	assert_int_equal(kiosk_timers_run(&t, 10, &stop), 0);
	assert_true(stop);
	assert_string_equal(tr.ran, "ab"); /* c did not run */
	assert_true(t.rows[C].armed);
	tr.stop_row = -1;
	memset(tr.ran, 0, sizeof tr.ran);
	tr.n = 0;
	assert_int_equal(kiosk_timers_run(&t, 11, &stop), KIOSK_TIMERS_IDLE_MS);
	assert_false(stop);
	assert_string_equal(tr.ran, "c");
}

static void test_handler_arms_other_rows(void **state)
{
	(void)state;
	kiosk_timers t;
	trace tr;
	setup(&t, &tr, NULL);
	/* A row after the one running, armed due now: it runs in this run. */
	tr.arm_row = C;
	kiosk_timers_set(&t, A, 5);
	step(&t, &tr, 5, "ac", KIOSK_TIMERS_IDLE_MS);
	/* A row before it (a itself here) due now: the next run, at once. */
	tr.arm_row = A;
	kiosk_timers_set(&t, A, 6);
	step(&t, &tr, 6, "a", 0);
	tr.arm_row = -1;
	step(&t, &tr, 6, "a", KIOSK_TIMERS_IDLE_MS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_nothing_armed_waits_idle),
	    cmocka_unit_test(test_one_shot_and_periodic),
	    cmocka_unit_test(test_several_due_run_in_row_order),
	    cmocka_unit_test(test_disarmed_rows_do_not_run),
	    cmocka_unit_test(test_clock_jumps_forward),
	    cmocka_unit_test(test_clock_steps_back),
	    cmocka_unit_test(test_each_run_and_lazy_rows),
	    cmocka_unit_test(test_handler_ends_run),
	    cmocka_unit_test(test_handler_arms_other_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
