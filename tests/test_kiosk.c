/* test_kiosk.c — the real loop under SDL's offscreen driver: slides advance
 * on their own, keys and touch move, space pauses, r reloads, a render device
 * reset is survived, q quits. Events are injected with SDL_PushEvent from the
 * loop's own on_show hook, so the script is deterministic. */
#include "testutil.h"

#include "kiosk.h"
#include "layout.h"
#include "platform.h"
#include "schedule.h"

#include <SDL.h>
#include <signal.h>
#include <stdatomic.h>
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
	kiosk_opts o = {.win_w = 960,
	                .win_h = 540,
	                .slide_seconds = 100,
	                .fade_ms = 50,
	                .max_seconds = 20,
	                .on_show = on_show_keys,
	                .hook_ud = &s};
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
	kiosk_opts o = {.win_w = 540,
	                .win_h = 960,
	                .rotate = 90,
	                .slide_seconds = 0.25,
	                .cut = true,
	                .max_seconds = 1.6,
	                .on_show = on_show_count,
	                .hook_ud = &s};
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
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.2,
	                .max_seconds = 1.0,
	                .on_show = on_show_pause,
	                .hook_ud = &s};
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
		w->mark_ink[w->nseen] =
		    ink(st, 0, st->frame_h * 95 / 100, st->frame_w / 3, st->frame_h * 5 / 100);
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
	kiosk_opts o = {.win_w = 960,
	                .win_h = 540,
	                .slide_seconds = 0.2,
	                .max_seconds = 1.3,
	                .on_show = on_show_wait,
	                .hook_ud = &w,
	                .status = status_cb,
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
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .max_seconds = 0.4,
	                .on_show = on_show_wait,
	                .hook_ud = &w,
	                .status = status_garbage};
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
	waitcase w = {
	    .line = "Trying to reach 127.0.0.1", .notify_after_first = true, .reload_n = 2};
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 100,
	                .fade_ms = 50,
	                .max_seconds = 1.5,
	                .on_show = on_show_wait,
	                .hook_ud = &w,
	                .status = status_cb,
	                .status_ud = &w};
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
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.4,
	                .cut = true,
	                .max_seconds = 1.0,
	                .on_show = on_show_wait,
	                .hook_ud = &w,
	                .status = status_cb,
	                .status_ud = &w};
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
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.25,
	                .cut = true,
	                .max_seconds = 0.9,
	                .on_show = on_show_drop,
	                .hook_ud = &w};
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
	kiosk_opts o = {.win_w = 960,
	                .win_h = 540,
	                .slide_seconds = 100,
	                .max_seconds = 0.3,
	                .on_show = on_show_wait,
	                .hook_ud = &w,
	                .status = status_cb,
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
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.2,
	                .fade_ms = 60,
	                .max_seconds = 2.0,
	                .on_show = on_show_count,
	                .hook_ud = &s};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	/* The first slide plus one change every 200 ms, minus one for slack. */
	assert_true(st.shown >= 10 - 1);
	assert_true(st.shown <= 12);
	posting_list_free(&l);
}

/* Three postings at 640x360 with these slide and fade times, for max s. */
static void run_fading(double slide, int fade_ms, double max, kiosk_stats *st)
{
	posting_list l;
	tu_make_list(&l, 3);
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = slide,
	                .fade_ms = fade_ms,
	                .max_seconds = max};
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, st, NULL), 0);
	posting_list_free(&l);
}

/* A crossfade is drawn frame by frame (about 25 a second, the fade row of
 * the timer table), not in one jump at the next keep-alive wake. The
 * slide leaves the fade room before the next change (kiosk_pace). */
static void test_fade_frames(void **state)
{
	(void)state;
	kiosk_stats st;
	run_fading(0.6, 330, 1.9, &st);
	size_t fades = st.shown - 1; /* the first slide comes without one */
	assert_true(fades >= 2);
	/* About ten frames each; a loaded machine may drop a few. */
	assert_true(st.fade_frames >= fades * 4);
	/* The pace's figures: timed changes, whole fades and their steps. */
	assert_int_equal(st.changes, fades);
	assert_true(st.fades >= 1);
	assert_true(st.fade_gaps >= st.fades * 3);
	assert_true(st.fade_wall_ms > 0);
}

/* A crossfade that could not end before the next change is due is a cut:
 * the slide changes keep their time, the fades go (kiosk_pace). */
static void test_fade_longer_than_slide_cuts(void **state)
{
	(void)state;
	kiosk_stats st;
	run_fading(0.3, 290, 1.7, &st);
	assert_true(st.changes >= 3);
	assert_int_equal(st.shown, st.changes + 1);
	assert_int_equal(st.fade_cuts, st.changes);
	assert_int_equal(st.fades, 0);
	assert_int_equal(st.fade_frames, 0);
}

/* A fade blends and sends only the rows that differ, and still ends on
 * the new page exactly: between fades (sampled by the keep-alive hook,
 * well after a fade's end) the window shows the page on_show gave, every
 * row above the progress bar bit for bit. */
typedef struct fade_check {
	Uint32 *page; /* copy of the last shown page */
	int w, h;
	Uint64 shown_at;
	int compared, mismatched;
} fade_check;

static void fade_check_show(void *ud, const kiosk_state *st)
{
	fade_check *c = ud;
	c->w = st->frame_w;
	c->h = st->frame_h;
	free(c->page);
	c->page = malloc((size_t)st->frame_w * (size_t)st->frame_h * 4);
	assert_non_null(c->page);
	for (int y = 0; y < st->frame_h; y++)
		memcpy(c->page + (size_t)y * (size_t)st->frame_w,
		       (const Uint8 *)st->frame + (size_t)y * (size_t)st->frame_pitch,
		       (size_t)st->frame_w * 4);
	c->shown_at = SDL_GetTicks64();
}

static void fade_check_alive(void *ud)
{
	fade_check *c = ud;
	Uint64 el = SDL_GetTicks64() - c->shown_at;
	if (!c->page || el < 250 || el > 420) /* 100 ms fades, 500 ms slides */
		return;
	SDL_Window *win = NULL; /* the loop's window: the only one */
	for (Uint32 id = 1; id < 10000 && !win; id++)
		win = SDL_GetWindowFromID(id);
	SDL_Surface *s = win ? SDL_GetWindowSurface(win) : NULL;
	assert_non_null(s);
	assert_int_equal(s->w, c->w);
	for (int y = 0; y < c->h - 8; y++) /* the bar: 3 rows at 360 */
		for (int x = 0; x < c->w; x++) {
			Uint32 p = ((const Uint32 *)((const Uint8 *)s->pixels +
			                             (size_t)y * (size_t)s->pitch))[x];
			if ((p & 0xFFFFFFu) != (c->page[(size_t)y * (size_t)c->w + x] & 0xFFFFFFu))
				c->mismatched++;
		}
	c->compared++;
}

static void test_fade_changed_rows(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 4);
	fade_check c = {0};
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.5,
	                .fade_ms = 100,
	                .max_seconds = 2.4,
	                .on_show = fade_check_show,
	                .alive = fade_check_alive,
	                .alive_ms = 60,
	                .hook_ud = &c};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	free(c.page);
	assert_true(st.fades_begun >= 2);
	/* Something changed, and not every row: the band, the margins and
	 * the background stay. */
	assert_true(st.fade_rows > 0);
	assert_true(st.fade_rows < st.fades_begun * 360);
	assert_true(c.compared >= 1);
	assert_int_equal(c.mismatched, 0);
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

/* ---- operations: keep-alive, burn-in, schedule, reconfigure, signals ---- */

static void count_alive(void *ud)
{
	(*(int *)ud)++;
}

/* Static slides: the keep-alive still comes at least every alive_ms. */
static void test_keepalive_while_static(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	int calls = 0;
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 100,
	                .max_seconds = 2.0,
	                .alive = count_alive,
	                .alive_ms = 100,
	                .hook_ud = &calls};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_true(calls >= 2000 / 100 - 1);
	assert_int_equal((size_t)calls, st.alive_calls);
	assert_int_equal(st.shown, 1); /* nothing else happened */
	assert_true(st.frames <= 1 + st.ticks + 1);
	posting_list_free(&l);
}

/* Every step of the cycle keeps every box of a page (header band, card,
 * footer) inside the 3.5% action-safe area, at any requested shift. */
static int fake_w(void *ud, const char *s, size_t n, int px, unsigned style)
{
	(void)ud;
	(void)s;
	(void)style;
	return (int)n * px / 2;
}

static int fake_h(void *ud, int px)
{
	(void)ud;
	return px * 6 / 5;
}

static void test_burn_in_offsets_stay_safe(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 1);
	layout_theme th = layout_theme_default();
	static const int sizes[][2] = {
	    {1920, 1080}, {1080, 1920}, {1280, 720}, {3840, 2160}, {800, 480}};
	static const int shifts[] = {1, 8, 20, 1000};
	for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++) {
		int w = sizes[z][0], h = sizes[z][1];
		layout_params lp = {.w = w,
		                    .h = h,
		                    .theme = &th,
		                    .measure = {fake_w, fake_h, NULL},
		                    .header = "Booth 12",
		                    .clock = true,
		                    .logo_w = 300,
		                    .logo_h = 100};
		layout_doc d;
		assert_int_equal(layout_posting(l.items[0], &lp, &d, NULL), 0);
		int ax = (w * 35 + 999) / 1000, ay = (h * 35 + 999) / 1000;
		for (size_t s = 0; s < JK_ARRAY_LEN(shifts); s++) {
			int moved = 0;
			for (unsigned k = 0; k < KIOSK_BURN_IN_STEPS; k++) {
				int dx, dy;
				kiosk_burn_in_offset(w, h, shifts[s], k, &dx, &dy);
				if (k == 0)
					assert_true(dx == 0 && dy == 0);
				moved += dx != 0 || dy != 0;
				assert_true(abs(dx) <= shifts[s] && abs(dy) <= shifts[s]);
				for (size_t p = 0; p < d.npages; p++)
					for (size_t i = 0; i < d.pages[p].n; i++) {
						const layout_box *b = &d.pages[p].boxes[i];
						if (b->x + dx < ax || b->y + dy < ay ||
						    b->x + b->w + dx > w - ax ||
						    b->y + b->h + dy > h - ay)
							fail_msg("%dx%d shift %d step %u: box %zu "
							         "leaves the "
							         "action-safe area",
							         w, h, shifts[s], k, i);
					}
			}
			assert_int_equal(moved, KIOSK_BURN_IN_STEPS - 1);
		}
		layout_doc_free(&d);
	}
	posting_list_free(&l);
}

/* The loop shifts the picture: with a fake clock one burn-in minute per
 * slide, the same posting three steps later is the same picture moved by
 * the step's offset. */
typedef struct burn {
	size_t nseen;
	int sx[16], sy[16];
	size_t posting[16];
	uint32_t *frame[16];
	int fw, fh;
} burn;

static time_t burn_now(void *ud)
{
	burn *b = ud;
	return (time_t)1704067200 + (time_t)b->nseen * 60;
}

static void burn_show(void *ud, const kiosk_state *st)
{
	burn *b = ud;
	size_t i = b->nseen++;
	if (i >= 16)
		return;
	b->sx[i] = st->shift_x;
	b->sy[i] = st->shift_y;
	b->posting[i] = st->posting;
	b->fw = st->frame_w;
	b->fh = st->frame_h;
	b->frame[i] = malloc((size_t)st->frame_w * (size_t)st->frame_h * 4);
	assert_non_null(b->frame[i]);
	for (int y = 0; y < st->frame_h; y++)
		memcpy(b->frame[i] + (size_t)y * (size_t)st->frame_w,
		       (const char *)st->frame + (size_t)y * (size_t)st->frame_pitch,
		       (size_t)st->frame_w * 4);
}

static void test_burn_in_shifts_picture(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	burn b = {0};
	kiosk_opts o = {.win_w = 960,
	                .win_h = 540,
	                .slide_seconds = 0.2,
	                .cut = true,
	                .max_seconds = 1.5,
	                .on_show = burn_show,
	                .hook_ud = &b,
	                .now = burn_now,
	                .burn_in_shift = 6,
	                .burn_in_minutes = 1};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_true(b.nseen >= 5);
	for (size_t i = 0; i < 5; i++) {
		int dx, dy;
		kiosk_burn_in_offset(960, 540, 6, (unsigned)i, &dx, &dy);
		assert_int_equal(b.sx[i], dx);
		assert_int_equal(b.sy[i], dy);
	}
	assert_true(st.shifts >= 3);
	/* Slides 0 and 3 show posting 1 at steps 0 and 3: (0,0) and (0,6). */
	assert_int_equal(b.posting[0], b.posting[3]);
	int dy = b.sy[3] - b.sy[0];
	assert_true(dy != 0);
	size_t same = 0, diff = 0;
	for (int y = 10; y < b.fh - 20; y++)
		for (int x = 0; x < b.fw; x++) {
			uint32_t a = b.frame[0][(size_t)y * (size_t)b.fw + (size_t)x];
			uint32_t c = b.frame[3][(size_t)(y + dy) * (size_t)b.fw + (size_t)x];
			uint32_t u = b.frame[3][(size_t)y * (size_t)b.fw + (size_t)x];
			same += (a & 0xFFFFFF) == (c & 0xFFFFFF);
			diff += (a & 0xFFFFFF) != (u & 0xFFFFFF);
		}
	size_t all = (size_t)(b.fh - 30) * (size_t)b.fw;
	assert_true(same == all); /* the same picture, moved */
	assert_true(diff > 1000); /* and so it is not where it was */
	for (size_t i = 0; i < 16; i++)
		free(b.frame[i]);
	posting_list_free(&l);
}

/* ---- the display schedule with a fake clock ---- */

typedef struct sched_case {
	_Atomic long long now;
	_Atomic size_t nseen;
	size_t posting[64];
	int ndisp;
	bool disp_off[8];
	bool disp_black[8];
	size_t disp_ink[8];
	size_t seen_at_disp[8];
	bool quit;
} sched_case;

static time_t sched_now(void *ud)
{
	sched_case *c = ud;
	return (time_t)c->now;
}

static void sched_show(void *ud, const kiosk_state *st)
{
	sched_case *c = ud;
	size_t i = c->nseen++;
	if (i < JK_ARRAY_LEN(c->posting))
		c->posting[i] = st->posting;
}

static void sched_display(void *ud, const kiosk_state *st)
{
	sched_case *c = ud;
	int i = c->ndisp++;
	if (i >= 8)
		return;
	c->disp_off[i] = st->display_off;
	c->seen_at_disp[i] = c->nseen;
	size_t ink = 0, black = 0;
	for (int y = 0; y < st->frame_h; y++)
		for (int x = 0; x < st->frame_w; x++) {
			uint32_t px = *(const uint32_t *)((const char *)st->frame +
			                                  (size_t)y * (size_t)st->frame_pitch +
			                                  (size_t)x * 4);
			black += (px & 0xFFFFFF) == 0;
			ink += (px & 0xFFFFFF) != layout_theme_default().bg;
		}
	c->disp_black[i] = black == (size_t)st->frame_w * (size_t)st->frame_h;
	c->disp_ink[i] = ink;
}

static void wake(void)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_USEREVENT;
	SDL_PushEvent(&e);
}

/* Mon 2024-01-08 00:00 UTC plus minutes. */
#define MON(m) (1704672000LL + (long long)(m)*60)

static int sched_script(void *ud)
{
	sched_case *c = ud;
	static const struct {
		int ms;
		long long t;
	} steps[] = {
	    {500, MON(18 * 60) + 5},           /* Monday 18:00:05: off */
	    {900, MON(24 * 60 + 7 * 60 + 59)}, /* Tuesday 07:59: still off */
	    {1300, MON(24 * 60 + 8 * 60)},     /* Tuesday 08:00: on */
	    {1800, 0},                         /* back to 1970 (a Thursday night): off */
	    {2100, -1000000000000000LL},       /* wild values: no crash */
	    {2200, 1000000000000000LL},
	    {2300, MON(2 * 24 * 60 + 10 * 60)}, /* Wednesday 10:00: on */
	};
	/* The timeline starts once slides run (start-up time varies). */
	for (int i = 0; i < 2000 && c->nseen < 2; i++)
		SDL_Delay(5);
	Uint32 t0 = SDL_GetTicks();
	for (size_t i = 0; i < JK_ARRAY_LEN(steps); i++) {
		while (SDL_GetTicks() - t0 < (Uint32)steps[i].ms)
			SDL_Delay(10);
		c->now = steps[i].t;
		wake();
	}
	SDL_Delay(500);
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_QUIT;
	SDL_PushEvent(&e);
	return 0;
}

static void test_schedule_fake_clock(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	const char *dir = tu_tmpdir();
	char on[700], off[700], log[600];
	snprintf(log, sizeof log, "%s/display.log", dir);
	snprintf(on, sizeof on, "echo on >> '%s'", log);
	snprintf(off, sizeof off, "echo off >> '%s'", log);
	schedule sch = {0};
	assert_int_equal(schedule_add(&sch, "mon-fri 08:00-18:00", NULL), 0);
	posting_list l;
	tu_make_list(&l, 2);
	sched_case c = {.now = MON(17 * 60 + 59) + 30};
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.15,
	                .cut = true,
	                .max_seconds = 6.0,
	                .on_show = sched_show,
	                .hook_ud = &c,
	                .now = sched_now,
	                .schedule = &sch,
	                .display_on_command = on,
	                .display_off_command = off,
	                .on_display = sched_display,
	                .look = {.clock = true}};
	SDL_Thread *t = SDL_CreateThread(sched_script, "clock", &c);
	assert_non_null(t);
	kiosk_stats st;
	int r = kiosk_run(&l, &o, NULL, NULL, &st, NULL);
	SDL_WaitThread(t, NULL);
	assert_int_equal(r, 0);
	assert_int_equal(st.display_offs, 2);
	assert_int_equal(st.display_ons, 2);
	assert_int_equal(c.ndisp, 4);
	/* Off: a black frame, and no slide shown until on again. */
	assert_true(c.disp_off[0]);
	assert_true(c.disp_black[0]);
	assert_false(c.disp_off[1]);
	assert_false(c.disp_black[1]);
	assert_true(c.disp_ink[1] > 1000);
	assert_int_equal(c.seen_at_disp[1], c.seen_at_disp[0]);
	assert_true(c.disp_off[2] && c.disp_black[2]);
	assert_false(c.disp_off[3]);
	/* On again: the slide that was up when it went off comes back. */
	size_t before = c.seen_at_disp[0] - 1, after = c.seen_at_disp[1];
	assert_true(after < c.nseen);
	assert_int_equal(c.posting[after], c.posting[before]);
	/* Slides ran while on (before, between and after). */
	assert_true(c.seen_at_disp[0] >= 2);
	assert_true(c.nseen > c.seen_at_disp[3]);
	/* The commands ran in order: on at start, then off, on, off, on. */
	char *got = NULL;
	for (int i = 0; i < 500; i++) {
		free(got);
		size_t n;
		FILE *f = fopen(log, "rb");
		got = NULL;
		if (f) {
			fclose(f);
			got = tu_read(log, &n);
			if (!strcmp(got, "on\noff\non\noff\non\n"))
				break;
		}
		platform_reap();
		SDL_Delay(10);
	}
	assert_non_null(got);
	assert_string_equal(got, "on\noff\non\noff\non\n");
	free(got);
	posting_list_free(&l);
	tu_rmtree(dir);
}

/* Starting inside the off time: black at once, the off command, no slide. */
static void test_schedule_starts_off(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	schedule sch = {0};
	assert_int_equal(schedule_add(&sch, "daily 09:00-17:00", NULL), 0);
	posting_list l;
	tu_make_list(&l, 2);
	sched_case c = {.now = MON(3 * 60)};
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.1,
	                .max_seconds = 0.8,
	                .on_show = sched_show,
	                .hook_ud = &c,
	                .now = sched_now,
	                .schedule = &sch,
	                .on_display = sched_display};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_int_equal(c.nseen, 0);
	assert_int_equal(c.ndisp, 1);
	assert_true(c.disp_off[0] && c.disp_black[0]);
	assert_int_equal(st.display_offs, 1);
	assert_int_equal(st.ticks, 0);
	posting_list_free(&l);
}

/* ---- reconfigure after a reload ---- */

typedef struct reconf {
	size_t nseen;
	uint32_t corner[16];
	int frame_w[16];
	bool black_seen;
	int calls;
	SDL_Window *win;
	char *header; /* freed right after the call: the loop must copy it */
} reconf;

/* Sampled at every loop turn (the wall-clock hook): the screen's corner. */
static time_t reconf_now(void *ud)
{
	reconf *r = ud;
	if (!r->win)
		for (Uint32 id = 1; id < 1000 && !r->win; id++)
			r->win = SDL_GetWindowFromID(id);
	/* From the first present on (before it the window is not drawn). */
	SDL_Surface *s = r->win && r->nseen ? SDL_GetWindowSurface(r->win) : NULL;
	if (s && s->pixels) {
		uint32_t px = *(const uint32_t *)((const char *)s->pixels + 5 * s->pitch + 5 * 4);
		if ((px & 0xFFFFFF) == 0)
			r->black_seen = true;
	}
	return time(NULL);
}

static void reconf_show(void *ud, const kiosk_state *st)
{
	reconf *r = ud;
	if (r->nseen < 16) {
		r->corner[r->nseen] =
		    *(const uint32_t *)((const char *)st->frame + 2 * st->frame_pitch + 2 * 4) &
		    0xFFFFFF;
		r->frame_w[r->nseen] = st->frame_w;
	}
	if (r->nseen++ == 0)
		kiosk_notify_reload();
}

static bool reconf_cb(void *ud, kiosk_opts *next)
{
	reconf *r = ud;
	r->calls++;
	r->header = jk_strndup("Booth 12 · We're hiring", (size_t)-1);
	next->look.theme = layout_theme_light();
	next->look.header = r->header;
	next->look.clock = true;
	next->rotate = 90; /* needs a restart: ignored */
	next->slide_seconds = 0.25;
	return true;
}

static int reconf_reload(void *ud, posting_list *out, jk_err *err)
{
	(void)ud;
	(void)err;
	tu_make_list(out, 2);
	return 0;
}

static void after_call_free(reconf *r)
{
	free(r->header);
	r->header = NULL;
}

static void test_reconfigure_theme(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	reconf r = {0};
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.3,
	                .fade_ms = 120,
	                .max_seconds = 1.6,
	                .on_show = reconf_show,
	                .hook_ud = &r,
	                .now = reconf_now,
	                .reconfigure = reconf_cb};
	kiosk_stats st;
	/* The header string dies as soon as reconf_cb returns: wrap it. */
	assert_int_equal(kiosk_run(&l, &o, reconf_reload, &r, &st, NULL), 0);
	after_call_free(&r);
	assert_int_equal(r.calls, 1);
	assert_int_equal(st.reconfigures, 1);
	assert_true(r.nseen >= 3);
	assert_int_equal(r.corner[0], layout_theme_default().bg);
	assert_int_equal(r.corner[1], layout_theme_light().bg);
	assert_int_equal(r.frame_w[1], 640); /* the rotation was not taken */
	assert_false(r.black_seen);
	assert_true(st.fade_frames > 0); /* faded from dark to light */
	posting_list_free(&l);
}

/* SIGTERM (and SIGINT) reach the loop as SDL_QUIT: kiosk_run returns 0. */
static void term_show(void *ud, const kiosk_state *st)
{
	(void)st;
	if ((*(int *)ud)++ == 0)
		raise(SIGTERM);
}

static void test_sigterm_quits(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	int n = 0;
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 100,
	                .max_seconds = 20,
	                .on_show = term_show,
	                .hook_ud = &n};
	Uint32 t = SDL_GetTicks();
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, NULL, NULL), 0);
	assert_true(SDL_GetTicks() - t < 15000);
	assert_int_equal(n, 1);
	posting_list_free(&l);
}

/* The clock: one partial redraw per wall minute, nothing else drawn. */
typedef struct clockcase {
	Uint32 t0;
	bool screensaver;
} clockcase;

static time_t fast_now(void *ud)
{
	clockcase *c = ud;
	if (!c->t0)
		c->t0 = SDL_GetTicks();
	/* A minute every 300 ms. */
	return (time_t)1704067200 + (time_t)((SDL_GetTicks() - c->t0) / 5);
}

static void clock_show(void *ud, const kiosk_state *st)
{
	clockcase *c = ud;
	(void)st;
	c->screensaver = SDL_IsScreenSaverEnabled();
}

static void test_clock_ticks_and_no_screensaver(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	clockcase c = {0};
	kiosk_opts o = {.win_w = 800,
	                .win_h = 450,
	                .rotate = 180,
	                .slide_seconds = 100,
	                .max_seconds = 1.7,
	                .on_show = clock_show,
	                .hook_ud = &c,
	                .now = fast_now,
	                .alive_ms = 40,
	                .look = {.clock = true, .header = "Lab lobby"}};
	kiosk_stats st;
	c.screensaver = true;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_false(c.screensaver);
	assert_true(st.clock_ticks >= 3);
	assert_true(st.clock_ticks <= 7);
	assert_int_equal(st.shown, 1);
	assert_int_equal(st.composes, 1); /* the clock is not a new page */
	posting_list_free(&l);
}

/* Badges follow the local date: a posting that closes tomorrow says
 * "Apply by" before midnight and "Closes today" after it, also on a page
 * laid out before midnight (the layouts are redone, once). */
typedef struct midnight {
	time_t t0;
	_Atomic size_t nseen;
	size_t posting[8];
	size_t chip[8]; /* pixels of the "Apply by" chip's colour */
	bool pause;
	Uint64 paused_at;
} midnight;

/* 23:59, then 00:01: after two slides, or 300 ms into a pause. */
static time_t midnight_now(void *ud)
{
	midnight *m = ud;
	if (m->pause)
		return m->t0 + (m->paused_at && SDL_GetTicks64() - m->paused_at > 300 ? 120 : 0);
	return m->t0 + (m->nseen >= 2 ? 120 : 0);
}

static void midnight_show(void *ud, const kiosk_state *st)
{
	midnight *m = ud;
	size_t i = m->nseen;
	layout_theme th = layout_theme_default();
	uint32_t chip = layout_mix(th.bg, th.fg, 16);
	if (i < JK_ARRAY_LEN(m->chip)) {
		m->posting[i] = st->posting;
		for (int y = 0; y < st->frame_h; y++)
			for (int x = 0; x < st->frame_w; x++) {
				const uint32_t *row =
				    (const uint32_t *)((const char *)st->frame +
				                       (size_t)y * (size_t)st->frame_pitch);
				m->chip[i] += (row[x] & 0xFFFFFF) == chip;
			}
	}
	if (m->pause && i == 0) {
		key(SDLK_SPACE);
		m->paused_at = SDL_GetTicks64();
	}
	m->nseen++;
}

static void test_badges_at_midnight(void **state)
{
	(void)state;
	for (int pause = 0; pause < 2; pause++) {
		posting_list l;
		tu_make_list(&l, 2);
		struct tm tm = {.tm_year = 126,
		                .tm_mon = 0,
		                .tm_mday = 12,
		                .tm_hour = 23,
		                .tm_min = 59,
		                .tm_isdst = -1};
		midnight m = {.t0 = mktime(&tm), .pause = pause};
		posting_set(&l.items[0]->expires, "2026-01-13", (size_t)-1);
		kiosk_opts o = {.win_w = 960,
		                .win_h = 540,
		                .slide_seconds = 0.25,
		                .cut = true,
		                .max_seconds = pause ? 0.8 : 1.6,
		                .on_show = midnight_show,
		                .hook_ud = &m,
		                .now = midnight_now,
		                .alive_ms = 40};
		kiosk_stats st;
		assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
		assert_int_equal(st.new_days, 1);
		if (pause) {
			/* The page up composed again at midnight, not moved on. */
			assert_int_equal(m.nseen, 1);
			assert_int_equal(st.composes, 2);
		} else {
			assert_true(m.nseen >= 4);
			assert_int_equal(m.posting[0], 0);
			assert_int_equal(m.posting[3], 0);
			assert_true(m.chip[0] > 2000); /* Apply by 13 Jan */
			assert_true(m.chip[3] < 100);  /* Closes today: an accent pill */
			assert_true(m.chip[1] < 100);  /* the other posting has none */
		}
		posting_list_free(&l);
	}
}

/* A display mode: full screen at the closest mode, never a failure. */
static void test_display_mode(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 1);
	kiosk_opts o = {.mode_w = 1024, .mode_h = 768, .max_seconds = 0.3};
	kiosk_stats st;
	jk_err err = {0};
	if (kiosk_run(&l, &o, NULL, NULL, &st, &err))
		fail_msg("%s", err.msg);
	assert_true(st.shown >= 1);
	posting_list_free(&l);
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
	    cmocka_unit_test(test_fade_frames),
	    cmocka_unit_test(test_fade_changed_rows),
	    cmocka_unit_test(test_fade_longer_than_slide_cuts),
	    cmocka_unit_test(test_bad_rotation),
	    cmocka_unit_test(test_keepalive_while_static),
	    cmocka_unit_test(test_burn_in_offsets_stay_safe),
	    cmocka_unit_test(test_burn_in_shifts_picture),
	    cmocka_unit_test(test_schedule_fake_clock),
	    cmocka_unit_test(test_schedule_starts_off),
	    cmocka_unit_test(test_reconfigure_theme),
	    cmocka_unit_test(test_sigterm_quits),
	    cmocka_unit_test(test_clock_ticks_and_no_screensaver),
	    cmocka_unit_test(test_display_mode),
	    cmocka_unit_test(test_badges_at_midnight),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
