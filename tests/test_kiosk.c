/* test_kiosk.c — the real loop under SDL's offscreen driver: slides advance
 * on their own, keys and touch move, space pauses, r reloads, a render device
 * reset is survived, q quits. Events are injected with SDL_PushEvent from the
 * loop's own on_show hook, so the script is deterministic. */
#include "testutil.h"

#include "kiosk.h"
#include "layout.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void key(SDL_Keycode k)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_KEYDOWN;
	e.key.state = SDL_PRESSED;
	e.key.keysym.sym = k;
	assert_int_equal(SDL_PushEvent(&e), 1);
}

static void push_type(Uint32 type)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = type;
	assert_int_equal(SDL_PushEvent(&e), 1);
}

static void finger(Uint32 type, float x)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = type;
	e.tfinger.x = x;
	e.tfinger.y = 0.5f;
	assert_int_equal(SDL_PushEvent(&e), 1);
}

typedef struct script {
	kiosk_state seen[32];
	size_t nseen;
	int reloads;
	size_t reload_n;
} script;

/* Step n of the keyboard script: what to press after show n. */
static void on_show_keys(void *ud, const kiosk_state *st)
{
	script *s = ud;
	if (s->nseen < JK_ARRAY_LEN(s->seen))
		s->seen[s->nseen] = *st;
	switch (s->nseen++) {
	case 0:
		key(SDLK_RIGHT); /* -> posting 2 */
		break;
	case 1:
		key(SDLK_LEFT); /* -> posting 1 */
		break;
	case 2:
		key(SDLK_LEFT); /* wraps back to the overview */
		break;
	case 3:
		push_type(SDL_RENDER_DEVICE_RESET); /* textures rebuilt */
		key(SDLK_RIGHT);                    /* -> posting 1 again */
		break;
	case 4:
		finger(SDL_FINGERDOWN, 0.2f); /* swipe right: back */
		finger(SDL_FINGERUP, 0.7f);
		break;
	case 5:
		finger(SDL_FINGERDOWN, 0.5f); /* tap: on */
		finger(SDL_FINGERUP, 0.5f);
		break;
	case 6:
		key(SDLK_r); /* reload: a deck of 5 */
		break;
	case 7:
		key(SDLK_q);
		break;
	default:
		break;
	}
}

static int reload_cb(void *ud, posting_list *out, jk_err *err)
{
	script *s = ud;
	s->reloads++;
	tu_make_list(out, s->reload_n);
	(void)err;
	return 0;
}

static void test_keys_touch_reset_reload_quit(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 3);
	script s = {.reload_n = 5};
	kiosk_opts o = {.win_w = 960, .win_h = 540, .slide_seconds = 100, .fade_ms = 50,
	                .max_seconds = 20, .on_show = on_show_keys, .hook_ud = &s};
	kiosk_stats st;
	jk_err err = {0};
	Uint32 t = SDL_GetTicks();
	if (kiosk_run(&l, &o, reload_cb, &s, &st, &err))
		fail_msg("%s", err.msg);
	assert_true(SDL_GetTicks() - t < 15000); /* q quit, not the time limit */
	assert_int_equal(s.nseen, 8);
	assert_int_equal(s.seen[0].posting, 0);
	assert_int_equal(s.seen[0].nposting, 3);
	assert_int_equal(s.seen[1].posting, 1);
	assert_int_equal(s.seen[2].posting, 0);
	assert_int_equal(s.seen[3].posting, 3); /* the overview */
	assert_int_equal(s.seen[4].posting, 0);
	assert_int_equal(s.seen[5].posting, 3); /* swiped back */
	assert_int_equal(s.seen[6].posting, 0); /* tapped on */
	assert_int_equal(s.reloads, 1);
	assert_int_equal(s.seen[7].nposting, 5);
	assert_int_equal(s.seen[7].posting, 0);
	assert_int_equal(st.resets, 1);
	assert_int_equal(st.reloads, 1);
	assert_true(st.fade_frames > 0);
	assert_true(st.first_slide_ms > 0);
	assert_int_equal(l.n, 5); /* the caller's list now holds the reloaded deck */
	posting_list_free(&l);
}

static void on_show_count(void *ud, const kiosk_state *st)
{
	script *s = ud;
	if (s->nseen < JK_ARRAY_LEN(s->seen))
		s->seen[s->nseen] = *st;
	s->nseen++;
}

/* Slides change on their own; with cut there is no fade frame. */
static void test_auto_advance_cut_rotated(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	script s = {0};
	kiosk_opts o = {.win_w = 540, .win_h = 960, .rotate = 90, .slide_seconds = 0.25,
	                .cut = true, .max_seconds = 1.6, .on_show = on_show_count, .hook_ud = &s};
	kiosk_stats st;
	jk_err err = {0};
	if (kiosk_run(&l, &o, NULL, NULL, &st, &err))
		fail_msg("%s", err.msg);
	assert_true(s.nseen >= 4);
	/* The order: posting 1, posting 2, overview, posting 1... */
	assert_int_equal(s.seen[0].posting, 0);
	assert_int_equal(s.seen[1].posting, 1);
	assert_int_equal(s.seen[2].posting, 2);
	assert_int_equal(s.seen[3].posting, 0);
	assert_int_equal(st.fade_frames, 0);
	/* Nothing drawn between changes but the ticks. */
	assert_true(st.frames <= st.shown + st.ticks + 2);
	posting_list_free(&l);
}

static void on_show_pause(void *ud, const kiosk_state *st)
{
	script *s = ud;
	s->nseen++;
	(void)st;
	if (s->nseen == 1)
		key(SDLK_SPACE);
}

/* Paused: the slide stays past its time. */
static void test_pause(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	script s = {0};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 0.2, .max_seconds = 1.0,
	                .on_show = on_show_pause, .hook_ud = &s};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_int_equal(s.nseen, 1);
	posting_list_free(&l);
}

/* Pixels of a frame that differ from the theme's background. */
static size_t ink(const kiosk_state *st, int x, int y, int w, int h)
{
	uint32_t bg = layout_theme_default().bg;
	size_t n = 0;
	assert_non_null(st->frame);
	for (int j = y; j < y + h && j < st->frame_h; j++)
		for (int i = x; i < x + w && i < st->frame_w; i++) {
			uint32_t px = *(const uint32_t *)((const char *)st->frame +
			                                  (size_t)j * (size_t)st->frame_pitch +
			                                  (size_t)i * 4);
			if ((px & 0xFFFFFFu) != bg)
				n++;
		}
	return n;
}

typedef struct waitcase {
	const char *line; /* what status says */
	int status_calls;
	int show_calls;
	size_t full_ink, left_ink;
	bool waiting;
	int reloads;
	size_t reload_n;
	bool stale;
	int64_t updated_at;
	kiosk_state seen[64];
	size_t nseen;
	size_t mark_ink[64];
	bool notify_after_first; /* from another thread */
} waitcase;

static void status_cb(void *ud, kiosk_status *st)
{
	waitcase *w = ud;
	w->status_calls++;
	if (w->line)
		snprintf(st->waiting, sizeof st->waiting, "%s", w->line);
	st->stale = w->stale;
	st->updated_at = w->updated_at;
}

static int notify_thread(void *ud)
{
	(void)ud;
	SDL_Delay(30);
	kiosk_notify_reload();
	return 0;
}

static void on_show_wait(void *ud, const kiosk_state *st)
{
	waitcase *w = ud;
	if (w->nseen < JK_ARRAY_LEN(w->seen)) {
		w->seen[w->nseen] = *st;
		w->seen[w->nseen].frame = NULL;
		/* The offline mark's corner: bottom-left, under the safe area. */
		w->mark_ink[w->nseen] = ink(st, 0, st->frame_h * 95 / 100, st->frame_w / 3,
		                            st->frame_h * 5 / 100);
	}
	if (w->nseen++ == 0) {
		w->waiting = st->waiting;
		w->full_ink = ink(st, 0, 0, st->frame_w, st->frame_h);
		w->left_ink = ink(st, 0, 0, st->frame_w / 2, st->frame_h);
		if (w->notify_after_first) {
			SDL_Thread *t = SDL_CreateThread(notify_thread, "notify", NULL);
			assert_non_null(t);
			SDL_DetachThread(t);
		}
	}
}

static int reload_wait(void *ud, posting_list *out, jk_err *err)
{
	waitcase *w = ud;
	w->reloads++;
	tu_make_list(out, w->reload_n);
	(void)err;
	return 0;
}

/* No postings: the waiting screen says what it is trying to reach, in
 * readable text (ink across the page), never a black frame. */
static void test_waiting_screen(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	waitcase w = {.line = "Trying to reach https://jobs.example.org/feed.xml — connection "
	                      "refused; retrying"};
	kiosk_opts o = {.win_w = 960, .win_h = 540, .slide_seconds = 0.2, .max_seconds = 1.3,
	                .on_show = on_show_wait, .hook_ud = &w, .status = status_cb,
	                .status_ud = &w};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_int_equal(w.nseen, 1); /* no slides to advance */
	assert_true(w.waiting);
	/* Text, not a blank or black page: a real share of the page is ink. */
	assert_true(w.full_ink > 960 * 540 / 100);
	assert_true(w.full_ink < 960 * 540 / 2);
	assert_true(w.left_ink > 0);
	/* Asked about once a second, composed once: the line did not change. */
	assert_true(w.status_calls >= 2 && w.status_calls <= 4);
	assert_int_equal(st.waiting_composes, 1);
	assert_int_equal(st.ticks, 0);
	assert_int_equal(l.n, 0);
	posting_list_free(&l);
}

/* A hostile status line: invalid UTF-8, control bytes, no terminator
 * within the buffer. Cleaned, drawn, no crash. */
static void status_garbage(void *ud, kiosk_status *st)
{
	(void)ud;
	memset(st->waiting, 0xC3, sizeof st->waiting); /* lead bytes, no NUL */
	st->waiting[3] = '\n';
	st->waiting[7] = '\x1b';
}

static void test_waiting_hostile_status(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	waitcase w = {0};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .max_seconds = 0.4, .on_show = on_show_wait,
	                .hook_ud = &w, .status = status_garbage};
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(w.nseen, 1);
	assert_true(w.full_ink > 0);
	posting_list_free(&l);
}

/* Waiting, then a notification from another thread: reload at once and the
 * slideshow starts with the new postings. */
static void test_waiting_then_notify(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	waitcase w = {.line = "Trying to reach 127.0.0.1", .notify_after_first = true,
	              .reload_n = 2};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 100, .fade_ms = 50,
	                .max_seconds = 1.5, .on_show = on_show_wait, .hook_ud = &w,
	                .status = status_cb, .status_ud = &w};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, reload_wait, &w, &st, NULL), 0);
	assert_int_equal(w.reloads, 1);
	assert_int_equal(w.nseen, 2);
	assert_true(w.seen[0].waiting);
	assert_false(w.seen[1].waiting);
	assert_int_equal(w.seen[1].nposting, 2);
	assert_non_null(w.seen[1].item);
	assert_string_equal(w.seen[1].item->title, "Position 1");
	assert_int_equal(l.n, 2);
	posting_list_free(&l);
}

/* Showing postings, notified mid-slide: the reload waits for the slide
 * change, then the new deck is shown, keeping the position by id. */
static void test_notify_reload_at_slide_change(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 3);
	waitcase w = {.notify_after_first = true, .reload_n = 4};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 0.4, .cut = true,
	                .max_seconds = 1.0, .on_show = on_show_wait, .hook_ud = &w,
	                .status = status_cb, .status_ud = &w};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, reload_wait, &w, &st, NULL), 0);
	assert_true(w.nseen >= 2);
	assert_int_equal(w.reloads, 1);
	assert_int_equal(w.seen[0].nposting, 3);
	assert_int_equal(w.seen[0].posting, 0);
	/* The second slide is the first of the new deck: posting 2 by id. */
	assert_int_equal(w.seen[1].nposting, 4);
	assert_int_equal(w.seen[1].posting, 1);
	assert_string_equal(w.seen[1].item->title, "Position 2");
	assert_int_equal(l.n, 4);
	posting_list_free(&l);
}

/* Reload drops the posting about to be shown: the next one takes its place;
 * a failing reload keeps the deck. */
static int reload_drop(void *ud, posting_list *out, jk_err *err)
{
	waitcase *w = ud;
	if (w->reloads++ == 1)
		return jk_fail(err, JK_EIO, "cache unreadable");
	posting_list full;
	tu_make_list(&full, 3);
	for (size_t i = 0; i < full.n; i++)
		if (i != 1) {
			posting_list_push(out, full.items[i]);
			full.items[i] = NULL;
		}
	posting_list_free(&full);
	return 0;
}

static void on_show_drop(void *ud, const kiosk_state *st)
{
	waitcase *w = ud;
	if (w->nseen < JK_ARRAY_LEN(w->seen)) {
		w->seen[w->nseen] = *st;
		w->seen[w->nseen].frame = NULL;
	}
	w->nseen++;
	if (w->nseen <= 2)
		kiosk_notify_reload(); /* same thread is fine too */
}

static void test_reload_drops_current(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 3);
	waitcase w = {0};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 0.25, .cut = true,
	                .max_seconds = 0.9, .on_show = on_show_drop, .hook_ud = &w};
	assert_int_equal(kiosk_run(&l, &o, reload_drop, &w, NULL, NULL), 0);
	assert_true(w.nseen >= 3);
	assert_int_equal(w.reloads, 2);
	/* Slide 2 was to be "Position 2", which is gone: "Position 3" instead. */
	assert_int_equal(w.seen[1].nposting, 2);
	assert_string_equal(w.seen[1].item->title, "Position 3");
	/* The failed reload kept the deck; on to the overview. */
	assert_int_equal(w.seen[2].nposting, 2);
	assert_null(w.seen[2].item);
	posting_list_free(&l);
}

/* Stale with a known time: a small mark in the bottom-left corner; fresh:
 * nothing there. */
static void run_stale(bool stale, size_t *mark, bool *flag)
{
	posting_list l;
	tu_make_list(&l, 2);
	waitcase w = {.stale = stale, .updated_at = 1700000000};
	kiosk_opts o = {.win_w = 960, .win_h = 540, .slide_seconds = 100, .max_seconds = 0.3,
	                .on_show = on_show_wait, .hook_ud = &w, .status = status_cb,
	                .status_ud = &w};
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, NULL, NULL), 0);
	assert_true(w.nseen >= 1);
	*mark = w.mark_ink[0];
	*flag = w.seen[0].stale_mark;
	posting_list_free(&l);
}

static void test_stale_mark(void **state)
{
	(void)state;
	size_t fresh, stale;
	bool ffresh, fstale;
	run_stale(false, &fresh, &ffresh);
	run_stale(true, &stale, &fstale);
	assert_false(ffresh);
	assert_true(fstale);
	assert_int_equal(fresh, 0);
	assert_true(stale > 50);
	assert_true(stale < 960 * 540 / 200); /* unobtrusive: a few hundred pixels */
}

/* Deadlines: 200 ms slides over 2 s advance about ten times. */
static void test_deadlines(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 4);
	script s = {0};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 0.2, .fade_ms = 60,
	                .max_seconds = 2.0, .on_show = on_show_count, .hook_ud = &s};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	/* The first slide plus one change every 200 ms, minus one for slack. */
	assert_true(st.shown >= 10 - 1);
	assert_true(st.shown <= 12);
	posting_list_free(&l);
}

static void test_bad_rotation(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	kiosk_opts o = {.win_w = 640, .win_h = 360, .rotate = 45};
	jk_err err = {0};
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, NULL, &err), JK_EARG);
	assert_non_null(strstr(err.msg, "45"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_keys_touch_reset_reload_quit),
	    cmocka_unit_test(test_auto_advance_cut_rotated),
	    cmocka_unit_test(test_pause),
	    cmocka_unit_test(test_waiting_screen),
	    cmocka_unit_test(test_waiting_hostile_status),
	    cmocka_unit_test(test_waiting_then_notify),
	    cmocka_unit_test(test_notify_reload_at_slide_change),
	    cmocka_unit_test(test_reload_drops_current),
	    cmocka_unit_test(test_stale_mark),
	    cmocka_unit_test(test_deadlines),
	    cmocka_unit_test(test_bad_rotation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
