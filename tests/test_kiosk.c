/* test_kiosk.c — the real loop under SDL's offscreen driver: slides advance
 * on their own, keys and touch move, space pauses, r reloads, a render device
 * reset is survived, q quits. Events are injected with SDL_PushEvent from the
 * loop's own on_show hook, so the script is deterministic. */
#include "testutil.h"

#include "kiosk.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void make_list(posting_list *l, size_t n)
{
	posting_list_init(l);
	for (size_t i = 0; i < n; i++) {
		posting *p = posting_new();
		char t[64];
		snprintf(t, sizeof t, "Position %zu", i + 1);
		posting_set(&p->title, t, (size_t)-1);
		posting_set(&p->organization, "Harbor Robotics", (size_t)-1);
		posting_set(&p->apply, "https://example.com/jobs/1", (size_t)-1);
		posting_section *s = posting_add_section(p, "About");
		posting_block *b = posting_add_block(s, POSTING_PARAGRAPH, 0);
		posting_block_append(b, "A short description of the role.", (size_t)-1, 0);
		posting_finish(p, i);
		posting_list_push(l, p);
	}
}

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
	make_list(out, s->reload_n);
	(void)err;
	return 0;
}

static void test_keys_touch_reset_reload_quit(void **state)
{
	(void)state;
	posting_list l;
	make_list(&l, 3);
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
	make_list(&l, 2);
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
	make_list(&l, 2);
	script s = {0};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 0.2, .max_seconds = 1.0,
	                .on_show = on_show_pause, .hook_ud = &s};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_int_equal(s.nseen, 1);
	posting_list_free(&l);
}

/* No postings at all: still a slide (the overview), never a black screen. */
static void test_empty_deck(void **state)
{
	(void)state;
	posting_list l;
	posting_list_init(&l);
	script s = {0};
	kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 0.2, .max_seconds = 0.5,
	                .on_show = on_show_count, .hook_ud = &s};
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, NULL, NULL), 0);
	assert_true(s.nseen >= 1);
	assert_int_equal(s.seen[0].npages, 1);
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
	    cmocka_unit_test(test_empty_deck),
	    cmocka_unit_test(test_bad_rotation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
