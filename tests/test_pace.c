/* test_pace.c — the kiosk's pacing of slide changes (kiosk_pace_) fed
 * with frame and change costs: frames become fewer as they get dearer,
 * then changes cut; the lead covers what a change costs; and a slideshow
 * driven by a fake clock with slow frames cuts instead of being late.
 * No SDL, no real time: counts and decisions only. */
#include "testutil.h"

#include "kiosk.h"

#include <math.h>
#include <string.h>

static kiosk_pace fed_frames(double ms, int n)
{
	kiosk_pace p;
	memset(&p, 0, sizeof p);
	for (int i = 0; i < n; i++)
		kiosk_pace_frame(&p, ms);
	return p;
}

/* Cheap frames: the fixed gap after each, about 25 frames a second. */
static void test_cheap_frames(void **state)
{
	(void)state;
	kiosk_pace p;
	memset(&p, 0, sizeof p);
	assert_int_equal(kiosk_pace_period(&p), KIOSK_PACE_GAP_MS); /* nothing known yet */
	assert_true(kiosk_pace_fades(&p, 700, 4000));
	p = fed_frames(6, 10);
	assert_int_equal(kiosk_pace_gap(&p), KIOSK_PACE_GAP_MS);
	assert_int_equal(kiosk_pace_period(&p), KIOSK_PACE_GAP_MS + 6);
	assert_true(kiosk_pace_fades(&p, 700, 4000));
	assert_int_equal(p.cuts, 0);
}

/* Dearer frames: the period grows with the cost (fewer frames), never
 * shrinks; past the floor the change cuts. */
static void test_fewer_frames_then_cut(void **state)
{
	(void)state;
	unsigned last = 0;
	bool cut_seen = false;
	for (int ms = 1; ms <= 120; ms++) {
		kiosk_pace p = fed_frames(ms, 20);
		unsigned period = kiosk_pace_period(&p);
		assert_true(period >= last);
		assert_true(kiosk_pace_gap(&p) >= KIOSK_PACE_GAP_MS);
		assert_true(kiosk_pace_gap(&p) >= (unsigned)ms); /* half the time at most */
		last = period;
		bool fades = kiosk_pace_fades(&p, 700, 4000);
		if (period <= KIOSK_PACE_FLOOR_MS) {
			assert_false(cut_seen); /* no fade comes back once frames are too dear */
			assert_true(fades);
		} else {
			cut_seen = true;
			assert_false(fades);
		}
	}
	assert_true(cut_seen);
	kiosk_pace p = fed_frames(15, 20);
	assert_int_equal(kiosk_pace_period(&p), 48); /* 21 a second: still above 20 */
	assert_int_equal(kiosk_pace_gap(&p), KIOSK_PACE_GAP_MS);
	p = fed_frames(40, 20);
	assert_int_equal(kiosk_pace_gap(&p), 40); /* 12.5 a second: fewer frames */
	assert_int_equal(kiosk_pace_period(&p), 80);
	p = fed_frames(45, 20);
	assert_int_equal(kiosk_pace_period(&p), 90);
	assert_true(kiosk_pace_fades(&p, 700, 4000));
	p = fed_frames(60, 20);
	assert_false(kiosk_pace_fades(&p, 700, 4000));
}

/* One dear frame among cheap ones moves the average a quarter of the way. */
static void test_average_follows(void **state)
{
	(void)state;
	kiosk_pace p = fed_frames(8, 10);
	kiosk_pace_frame(&p, 200);
	assert_true(fabs(p.frame_ms - 56) < 0.01); /* a 112 ms period: below the floor */
	assert_false(kiosk_pace_fades(&p, 700, 4000));
	assert_true(kiosk_pace_fades(&p, 700, 4000)); /* the second cut probes already */
	kiosk_pace_frame(&p, 8);                      /* a hiccup: fades come back */
	assert_true(kiosk_pace_fades(&p, 700, 4000));
	p = fed_frames(8, 10);
	kiosk_pace_frame(&p, 100);
	assert_true(fabs(p.frame_ms - 31) < 0.01);
	assert_true(kiosk_pace_fades(&p, 700, 4000));
	/* Load that stays: within a few frames the fades go. */
	int n = 0;
	while (kiosk_pace_period(&p) <= KIOSK_PACE_FLOOR_MS && n < 50) {
		kiosk_pace_frame(&p, 150);
		n++;
	}
	assert_true(n > 0 && n <= 5);
}

/* Cuts for the cost: the 2nd, 4th, 8th and then every KIOSK_PACE_PROBE-th
 * change fades once more, to measure again. Cuts for time (the fade would
 * not end before the next change) do not probe. */
static void test_probe(void **state)
{
	(void)state;
	kiosk_pace p = fed_frames(80, 10);
	int fades = 0;
	for (int i = 1; i <= 4 * KIOSK_PACE_PROBE; i++)
		if (kiosk_pace_fades(&p, 700, 4000)) {
			fades++;
			assert_true(i == 2 || i == 4 || i % KIOSK_PACE_PROBE == 0);
		}
	assert_int_equal(fades, 2 + 4);
	/* The probe's frames were cheap again: fades come back. */
	kiosk_pace_frame(&p, 5);
	kiosk_pace_frame(&p, 5);
	kiosk_pace_frame(&p, 5);
	assert_true(kiosk_pace_fades(&p, 700, 4000));
	assert_int_equal(p.cuts, 0);
	kiosk_pace q = fed_frames(5, 10);
	kiosk_pace_change(&q, 50);
	for (int i = 0; i < 3 * KIOSK_PACE_PROBE; i++)
		assert_false(kiosk_pace_fades(&q, 700, 700));
	assert_false(kiosk_pace_fades(&q, 950, 1000)); /* 950 + 33 + a lead of 50 */
	assert_true(kiosk_pace_fades(&q, 900, 1000));
	assert_true(kiosk_pace_fades(&q, 300, 1000));
}

/* The lead: a change's cost, at once when it rises, slowly when it falls,
 * at most a quarter of the slide. */
static void test_lead(void **state)
{
	(void)state;
	kiosk_pace p;
	memset(&p, 0, sizeof p);
	assert_int_equal(kiosk_pace_lead(&p, 4000), 0);
	kiosk_pace_change(&p, 40);
	assert_int_equal(kiosk_pace_lead(&p, 4000), 40);
	kiosk_pace_change(&p, 150);
	assert_int_equal(kiosk_pace_lead(&p, 4000), 150);
	kiosk_pace_change(&p, 30);
	unsigned l = kiosk_pace_lead(&p, 4000);
	assert_true(l < 150 && l > 120); /* one cheap change: an eighth down */
	for (int i = 0; i < 60; i++)
		kiosk_pace_change(&p, 30);
	assert_int_equal(kiosk_pace_lead(&p, 4000), 30);
	kiosk_pace_change(&p, 5000);
	assert_int_equal(kiosk_pace_lead(&p, 4000), 1000);
	assert_int_equal(kiosk_pace_lead(&p, 200), 50);
}

/* Samples that make no sense steer within bounds. */
static void test_wild_samples(void **state)
{
	(void)state;
	kiosk_pace p;
	memset(&p, 0, sizeof p);
	kiosk_pace_frame(&p, -5);
	assert_true(p.frame_ms == 0);
	kiosk_pace_frame(&p, NAN);
	assert_true(p.frame_ms == 0);
	kiosk_pace_frame(&p, 1e300);
	assert_true(p.frame_ms <= 10000);
	assert_false(kiosk_pace_fades(&p, 700, 4000));
	kiosk_pace_change(&p, INFINITY);
	assert_int_equal(kiosk_pace_lead(&p, 4000), 1000);
	kiosk_pace_change(&p, -1);
	assert_true(kiosk_pace_lead(&p, 4000) <= 1000);
	assert_int_equal(kiosk_pace_lead(&p, 0), 0);
}

static void test_median(void **state)
{
	(void)state;
	double none[1] = {7};
	assert_true(kiosk_pace_median(none, 0) == 0);
	double odd[] = {30, 0, 10, 90, 20};
	assert_true(kiosk_pace_median(odd, 5) == 20);
	double even[] = {4, 1, 3, 2};
	assert_true(kiosk_pace_median(even, 4) == 2.5);
}

/* ---- a slideshow on a fake clock ----------------------------------------
 *
 * The loop's use of the pace, step by step on a fake millisecond clock:
 * a change starts `lead` before it is due and costs change_ms until its
 * first frame is out; a fade then draws frames costing frame_ms each, a
 * gap apart, until fade_ms is over or a frame shows it too dear (the rest
 * is one cut). Counts what happened. */
typedef struct sim {
	unsigned slide_ms, fade_ms;
	double change_ms, frame_ms;
	int changes, late, fades, cuts, frames, slowed;
	double worst_late;
} sim;

static void run_sim(sim *s, int nchanges)
{
	kiosk_pace p;
	memset(&p, 0, sizeof p);
	kiosk_pace_change(&p, s->change_ms); /* the first page's cost */
	double due = s->slide_ms;
	for (int c = 0; c < nchanges; c++) {
		double start = due - kiosk_pace_lead(&p, s->slide_ms);
		double out = start + s->change_ms;
		kiosk_pace_change(&p, out - start);
		s->changes++;
		if (out > due) {
			s->late++;
			if (out - due > s->worst_late)
				s->worst_late = out - due;
		}
		if (!kiosk_pace_fades(&p, s->fade_ms, s->slide_ms)) {
			s->cuts++;
		} else {
			/* The first frame (blend 0) went out with the change. */
			double t = out, fade_at = out;
			int n = 1;
			bool cut = false;
			while (t - fade_at < s->fade_ms) {
				if (kiosk_pace_gap(&p) > KIOSK_PACE_GAP_MS)
					s->slowed++;
				t += kiosk_pace_gap(&p);
				if (n > 1 && kiosk_pace_period(&p) > KIOSK_PACE_FLOOR_MS) {
					cut = true;
					break;
				}
				t += s->frame_ms;
				kiosk_pace_frame(&p, s->frame_ms);
				n++;
				s->frames++;
			}
			if (cut)
				s->cuts++;
			else
				s->fades++;
			/* The fade's frames never run into the next change's start. */
			double next_start = due + s->slide_ms - kiosk_pace_lead(&p, s->slide_ms);
			assert_true(t <= next_start);
		}
		due += s->slide_ms;
	}
}

/* Runs n changes of s; every one on time, fades and cuts as given. */
static sim run_checked(sim s, int n, int fades, int cuts)
{
	run_sim(&s, n);
	assert_int_equal(s.changes, n);
	assert_int_equal(s.late, 0);
	assert_int_equal(s.fades, fades);
	assert_int_equal(s.cuts, cuts);
	return s;
}

/* Cheap frames and changes: every change fades at 25 a second, on time. */
static void test_sim_cheap(void **state)
{
	(void)state;
	sim s = run_checked((sim){.slide_ms = 4000, .fade_ms = 700, .change_ms = 20, .frame_ms = 6},
	                    50, 50, 0);
	assert_int_equal(s.slowed, 0);
	assert_true(s.frames >= 50 * (700 / (KIOSK_PACE_GAP_MS + 6) - 1));
}

/* Slow frames (40 ms: 12.5 a second): fewer frames, still fades, on time. */
static void test_sim_slower(void **state)
{
	(void)state;
	sim s = run_checked(
	    (sim){.slide_ms = 4000, .fade_ms = 700, .change_ms = 150, .frame_ms = 40}, 50, 50, 0);
	assert_true(s.slowed > 0);
	assert_true(s.frames <= 50 * (700 / 80 + 2));
}

/* Artificially slow frames (120 ms) and dear changes (400 ms): the kiosk
 * cuts instead of being late. The first fade finds out (one measured
 * frame), then every change cuts but the probes, which end after their
 * first measured frame: after cuts 2, 4, 8, 16, 24, 32, 40 and 48. */
static void test_sim_slow_frames_cut(void **state)
{
	(void)state;
	sim s = run_checked(
	    (sim){.slide_ms = 4000, .fade_ms = 700, .change_ms = 400, .frame_ms = 120}, 50, 0, 50);
	assert_int_equal(s.frames, 1 + 8);
}

/* Short slides: a fade that would run into the next change cuts. */
static void test_sim_short_slides(void **state)
{
	(void)state;
	sim s = run_checked((sim){.slide_ms = 1000, .fade_ms = 950, .change_ms = 50, .frame_ms = 6},
	                    30, 0, 30);
	assert_int_equal(s.frames, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cheap_frames),
	    cmocka_unit_test(test_fewer_frames_then_cut),
	    cmocka_unit_test(test_average_follows),
	    cmocka_unit_test(test_probe),
	    cmocka_unit_test(test_lead),
	    cmocka_unit_test(test_wild_samples),
	    cmocka_unit_test(test_median),
	    cmocka_unit_test(test_sim_cheap),
	    cmocka_unit_test(test_sim_slower),
	    cmocka_unit_test(test_sim_slow_frames_cut),
	    cmocka_unit_test(test_sim_short_slides),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
