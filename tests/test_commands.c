/* test_commands.c — the loop's side of the control server, under SDL's
 * offscreen driver with real fonts: a thread posts commands while
 * kiosk_run() runs and follows what happens through the on_show and
 * publish hooks (next, prev, go to an id, an unknown id that moves
 * nothing, pause holding a slide, resume); the queue's bound; info and
 * urgent announcements read back by tesseract from kiosk_screenshot()
 * pictures; their end on a fake wall clock; a saved announcement at
 * start; screenshots equal to the frame the hooks saw; the frame-time
 * histogram adding up to the frames. */
#include "testutil.h"

#include "kiosk.h"
#include "schedule.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WAIT_MS 20000 /* a condition not met by then fails the test */
#define T0 1796232605 /* the fake wall clock's start */

/* What the loop told, shared with the driving thread. */
typedef struct drv {
	SDL_mutex *mu;
	SDL_cond *cv;
	size_t nshow;
	kiosk_state show; /* the last on_show (frame and pointers cleared) */
	void *show_frame; /* a copy of the last on_show frame */
	int fw, fh;
	size_t npub;
	kiosk_state pub; /* the last publish (pointers cleared) */
	kiosk_stats stats;
	int64_t now; /* the fake wall clock */
	const char *ids[8];
	int (*script)(struct drv *d);
	int result; /* the script's: 0 when it ran through */
} drv;

static void on_show(void *ud, const kiosk_state *st)
{
	drv *d = ud;
	SDL_LockMutex(d->mu);
	d->nshow++;
	d->show = *st;
	size_t n = (size_t)st->frame_pitch * (size_t)st->frame_h;
	free(d->show_frame);
	d->show_frame = malloc(n);
	assert_non_null(d->show_frame);
	memcpy(d->show_frame, st->frame, n);
	d->fw = st->frame_w;
	d->fh = st->frame_h;
	d->show.frame = NULL;
	d->show.item = NULL;
	d->show.list = NULL;
	SDL_CondBroadcast(d->cv);
	SDL_UnlockMutex(d->mu);
}

static void on_publish(void *ud, const kiosk_state *st, const kiosk_stats *stats)
{
	drv *d = ud;
	SDL_LockMutex(d->mu);
	d->npub++;
	d->pub = *st;
	d->pub.frame = NULL;
	d->pub.item = NULL;
	assert_non_null(st->list);
	d->pub.list = NULL;
	d->stats = *stats;
	SDL_CondBroadcast(d->cv);
	SDL_UnlockMutex(d->mu);
}

static time_t fake_now(void *ud)
{
	drv *d = ud;
	SDL_LockMutex(d->mu);
	time_t t = (time_t)d->now;
	SDL_UnlockMutex(d->mu);
	return t;
}

/* Waits until pred holds over d (under its lock); false after WAIT_MS. */
typedef bool (*pred_fn)(const drv *d, const void *arg);
static bool wait_for(drv *d, pred_fn pred, const void *arg)
{
	Uint32 t0 = SDL_GetTicks();
	SDL_LockMutex(d->mu);
	bool ok;
	while (!(ok = pred(d, arg)) && SDL_GetTicks() - t0 < WAIT_MS)
		SDL_CondWaitTimeout(d->cv, d->mu, 100);
	SDL_UnlockMutex(d->mu);
	return ok;
}

static bool shows_at_least(const drv *d, const void *arg)
{
	return d->nshow >= *(const size_t *)arg;
}

static bool showing(const drv *d, const void *arg)
{
	const size_t *want = arg; /* nshow at least, posting */
	return d->nshow >= want[0] && d->show.posting == want[1];
}

static bool published_after(const drv *d, const void *arg)
{
	return d->npub > *(const size_t *)arg;
}

static size_t count_of(drv *d, const size_t *field)
{
	SDL_LockMutex(d->mu);
	size_t n = *field;
	SDL_UnlockMutex(d->mu);
	return n;
}

static void post(kiosk_cmd_kind kind, const char *id)
{
	kiosk_cmd c = {.kind = kind};
	if (id)
		snprintf(c.id, sizeof c.id, "%s", id);
	assert_int_equal(kiosk_command(&c), 0);
}

static void quit(void)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_QUIT;
	SDL_PushEvent(&e);
}

/* Fails the script (the loop is told to quit; the test reports it). */
#define EXPECT(d, cond)                                                                            \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: not so: %s\n", __FILE__, __LINE__, #cond);         \
			quit();                                                                    \
			return (d)->result = -__LINE__;                                            \
		}                                                                                  \
	} while (0)

static int run_script(void *ud)
{
	drv *d = ud;
	d->result = d->script(d);
	quit();
	return 0;
}

/* Runs list under the loop with o (hooks set here) while d->script runs
 * on a thread of its own; the script's result must be 0. */
static void run(drv *d, posting_list *list, kiosk_opts *o, kiosk_stats *st)
{
	d->mu = SDL_CreateMutex();
	d->cv = SDL_CreateCond();
	o->on_show = on_show;
	o->publish = on_publish;
	o->publish_ms = 200;
	o->hook_ud = d;
	o->now = fake_now;
	if (!o->max_seconds)
		o->max_seconds = 60;
	for (size_t i = 0; i < list->n && i < JK_ARRAY_LEN(d->ids); i++)
		d->ids[i] = list->items[i]->id;
	SDL_Thread *t = SDL_CreateThread(run_script, "script", d);
	assert_non_null(t);
	jk_err err = {0};
	int r = kiosk_run(list, o, NULL, NULL, st, &err);
	SDL_WaitThread(t, NULL);
	if (r)
		fail_msg("kiosk_run: %s", err.msg);
	if (d->result)
		fail_msg("the script stopped at line %d", -d->result);
	/* Every frame went into one bucket of the histogram. */
	uint64_t sum = 0;
	for (size_t i = 0; i < KIOSK_FRAME_BUCKETS; i++)
		sum += st->frame_hist[i];
	assert_int_equal(sum, st->frames);
	assert_true(st->frame_ms_sum > 0);
	free(d->show_frame);
	SDL_DestroyCond(d->cv);
	SDL_DestroyMutex(d->mu);
}

/* ---- moving ----------------------------------------------------------------- */

static int script_moves(drv *d)
{
	size_t want[2] = {1, 0};
	EXPECT(d, wait_for(d, showing, want)); /* posting 0 */
	post(KIOSK_CMD_NEXT, NULL);
	want[0] = 2, want[1] = 1;
	EXPECT(d, wait_for(d, showing, want));
	post(KIOSK_CMD_PREV, NULL);
	want[0] = 3, want[1] = 0;
	EXPECT(d, wait_for(d, showing, want));
	post(KIOSK_CMD_GOTO, d->ids[2]);
	want[0] = 4, want[1] = 2;
	EXPECT(d, wait_for(d, showing, want));
	EXPECT(d, d->show.page == 0);
	/* An unknown id moves nothing; pause holds the slide past its time
	 * (twice slide_seconds); pausing twice is still paused. */
	size_t pubs = count_of(d, &d->npub);
	post(KIOSK_CMD_GOTO, "no-such-posting");
	post(KIOSK_CMD_PAUSE, NULL);
	post(KIOSK_CMD_PAUSE, NULL);
	EXPECT(d, wait_for(d, published_after, &pubs));
	size_t shows = count_of(d, &d->nshow);
	SDL_Delay(1200);
	SDL_LockMutex(d->mu);
	bool held = d->nshow == shows && d->pub.paused && d->pub.posting == 2;
	SDL_UnlockMutex(d->mu);
	EXPECT(d, held);
	/* Resume: the slides go on by themselves, to the overview. */
	post(KIOSK_CMD_RESUME, NULL);
	post(KIOSK_CMD_RESUME, NULL);
	want[0] = shows + 1, want[1] = 3;
	EXPECT(d, wait_for(d, showing, want));
	EXPECT(d, !d->show.paused);
	return 0;
}

static void test_moves(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 3);
	drv d = {.now = T0};
	d.script = script_moves;
	kiosk_opts o = {.win_w = 480, .win_h = 270, .slide_seconds = 0.5, .cut = true};
	kiosk_stats st;
	run(&d, &l, &o, &st);
	assert_int_equal(st.commands, 8);
	posting_list_free(&l);
}

/* ---- the queue -------------------------------------------------------------- */

/* No loop: 32 commands wait, the 33rd is refused; a screenshot has no one
 * to answer. The next run takes the 32. */
static void test_queue_full(void **state)
{
	(void)state;
	kiosk_cmd c = {.kind = KIOSK_CMD_PAUSE};
	for (int i = 0; i < 32; i++)
		assert_int_equal(kiosk_command(&c), 0);
	assert_int_equal(kiosk_command(&c), JK_EBUSY);
	kiosk_frame f;
	jk_err err = {0};
	assert_int_equal(kiosk_screenshot(&f, 200, &err), JK_EBUSY);
	assert_null(f.pixels);
	assert_non_null(strstr(err.msg, "screenshot"));
	posting_list l;
	tu_make_list(&l, 2);
	kiosk_opts o = {.win_w = 320, .win_h = 180, .max_seconds = 0.5, .cut = true};
	kiosk_stats st;
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_int_equal(st.commands, 32);
	/* The queue is empty again: 32 fit, among them hostile ones: an id
	 * and a text with no end, bytes that are not UTF-8, bidi overrides. */
	for (int i = 0; i < 30; i++)
		assert_int_equal(kiosk_command(&c), 0);
	kiosk_cmd h = {.kind = KIOSK_CMD_GOTO};
	memset(h.id, 'x', sizeof h.id);
	assert_int_equal(kiosk_command(&h), 0);
	h.kind = KIOSK_CMD_ANNOUNCE;
	memset(h.announce.text, 'A', sizeof h.announce.text);
	memcpy(h.announce.text + 40, "\xE2\x80\xAE\xFF\xFE\xC0\x80", 7);
	h.announce.until = (int64_t)time(NULL) + 600;
	assert_int_equal(kiosk_command(&h), 0);
	assert_int_equal(kiosk_run(&l, &o, NULL, NULL, &st, NULL), 0);
	assert_int_equal(st.commands, 32);
	posting_list_free(&l);
}

/* ---- screenshots ------------------------------------------------------------ */

/* The screenshot against the on_show frame: equal above the progress bar
 * (drawn on the screen only), and everywhere when there is none. */
static bool same_picture(drv *d, const kiosk_frame *f, int skip_bottom)
{
	SDL_LockMutex(d->mu);
	bool ok = f->w == d->fw && f->h == d->fh && d->show_frame;
	for (int y = 0; ok && y < f->h - skip_bottom; y++)
		ok = !memcmp((const char *)f->pixels + (size_t)y * (size_t)f->pitch,
		             (const char *)d->show_frame + (size_t)y * (size_t)d->show.frame_pitch,
		             (size_t)f->w * 4);
	SDL_UnlockMutex(d->mu);
	return ok;
}

static int script_shots(drv *d)
{
	size_t one = 1;
	EXPECT(d, wait_for(d, shows_at_least, &one));
	/* Waiting for the first present's publish: the screen is out. */
	size_t pubs = count_of(d, &d->npub);
	EXPECT(d, wait_for(d, published_after, &pubs));
	kiosk_frame f;
	jk_err err = {0};
	EXPECT(d, kiosk_screenshot(&f, 5000, &err) == 0);
	EXPECT(d, f.pitch == f.w * 4);
	int bar = (f.h < f.w ? f.h : f.w) / 270 > 3 ? (f.h < f.w ? f.h : f.w) / 270 : 3;
	bool waiting = d->show.waiting;
	bool same = same_picture(d, &f, waiting ? 0 : bar);
	free(f.pixels);
	EXPECT(d, same);
	return 0;
}

static void test_screenshot(void **state)
{
	(void)state;
	for (size_t n = 0; n < 2; n++) {
		posting_list l;
		tu_make_list(&l, n ? 2 : 0);
		drv d = {.now = T0};
		d.script = script_shots;
		kiosk_opts o = {.win_w = 640, .win_h = 360, .slide_seconds = 30, .cut = true};
		kiosk_stats st;
		run(&d, &l, &o, &st);
		assert_int_equal(st.screenshots, 1);
		posting_list_free(&l);
	}
	/* No loop any more. */
	kiosk_frame f;
	assert_int_equal(kiosk_screenshot(&f, 100, NULL), JK_EBUSY);
}

/* ---- announcements ---------------------------------------------------------- */

static void announce(const char *text, bool urgent, int64_t until)
{
	kiosk_cmd c = {.kind = KIOSK_CMD_ANNOUNCE};
	snprintf(c.announce.text, sizeof c.announce.text, "%s", text);
	c.announce.urgent = urgent;
	c.announce.until = until;
	assert_int_equal(kiosk_command(&c), 0);
}

/* What tesseract reads in a screenshot, lower-case letters and digits
 * only (caller frees). */
static char *read_screen(const kiosk_frame *f)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(f->pixels, f->w, f->h, 32, f->pitch,
	                                                    SDL_PIXELFORMAT_XRGB8888);
	assert_non_null(s);
	char path[1024];
	static int n;
	snprintf(path, sizeof path, "%s/shot-%d.png", tu_tmpdir(), n++);
	assert_int_equal(IMG_SavePNG(s, path), 0);
	SDL_FreeSurface(s);
	char *t = tu_tesseract(path, "eng", 3);
	size_t k = 0;
	for (const char *p = t; *p; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			t[k++] = *p;
		else if (*p >= 'A' && *p <= 'Z')
			t[k++] = (char)(*p + 32);
	t[k] = '\0';
	return t;
}

static bool pub_announce(const drv *d, const void *arg)
{
	int want = *(const int *)arg; /* 0 none, 1 info, 2 urgent */
	int has = d->pub.has_announce ? (d->pub.announce.urgent ? 2 : 1) : 0;
	return has == want;
}

/* Screenshot read back once the last publish matches `want`; must
 * contain needle. */
static bool screen_says(drv *d, const char *needle)
{
	kiosk_frame f;
	if (kiosk_screenshot(&f, 5000, NULL))
		return false;
	char *t = read_screen(&f);
	free(f.pixels);
	bool ok = strstr(t, needle) != NULL;
	if (!ok)
		fprintf(stderr, "read: %s\nwanted: %s\n", t, needle);
	free(t);
	return ok;
}

static int script_announce(drv *d)
{
	size_t one = 1;
	EXPECT(d, wait_for(d, shows_at_least, &one));
	/* Info: a band on the slide; the slide's own title still there. */
	announce("Career talk at 3 pm in room B", false, T0 + 600);
	int want = 1;
	EXPECT(d, wait_for(d, pub_announce, &want));
	SDL_Delay(300); /* the crossfade's end */
	EXPECT(d, screen_says(d, "careertalkat3pminroomb"));
	EXPECT(d, screen_says(d, "position"));
	/* Urgent: the whole screen, the slides stand still and are not told. */
	announce("Fire drill at 2 pm: please leave the hall", true, T0 + 600);
	want = 2;
	EXPECT(d, wait_for(d, pub_announce, &want));
	SDL_Delay(300);
	EXPECT(d, screen_says(d, "firedrillat2pmpleaseleavethehall"));
	size_t shows = count_of(d, &d->nshow);
	SDL_Delay(1000); /* twice slide_seconds */
	EXPECT(d, count_of(d, &d->nshow) == shows);
	/* Its end on the wall clock: the slides are back. */
	SDL_LockMutex(d->mu);
	d->now = T0 + 601;
	SDL_UnlockMutex(d->mu);
	want = 0;
	EXPECT(d, wait_for(d, pub_announce, &want));
	size_t more = shows + 1;
	EXPECT(d, wait_for(d, shows_at_least, &more));
	/* Unannounce takes a band away. */
	announce("Lunch at noon", false, T0 + 900);
	want = 1;
	EXPECT(d, wait_for(d, pub_announce, &want));
	post(KIOSK_CMD_UNANNOUNCE, NULL);
	want = 0;
	EXPECT(d, wait_for(d, pub_announce, &want));
	/* One already over is none. */
	size_t pubs = count_of(d, &d->npub);
	announce("Over already", true, T0 + 10);
	EXPECT(d, wait_for(d, published_after, &pubs));
	EXPECT(d, wait_for(d, pub_announce, &want));
	return 0;
}

static void test_announcements(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 2);
	drv d = {.now = T0};
	d.script = script_announce;
	kiosk_opts o = {.win_w = 1280, .win_h = 720, .slide_seconds = 0.5, .cut = true};
	kiosk_stats st;
	run(&d, &l, &o, &st);
	posting_list_free(&l);
}

static int script_saved(drv *d)
{
	size_t one = 1;
	EXPECT(d, wait_for(d, shows_at_least, &one));
	int want = 1;
	EXPECT(d, wait_for(d, pub_announce, &want));
	EXPECT(d, d->pub.announce.until == T0 + 60);
	EXPECT(d, screen_says(d, "welcometoboothtwelve"));
	return 0;
}

static int script_saved_over(drv *d)
{
	size_t one = 1;
	EXPECT(d, wait_for(d, shows_at_least, &one));
	size_t pubs = count_of(d, &d->npub);
	EXPECT(d, wait_for(d, published_after, &pubs));
	int want = 0;
	EXPECT(d, pub_announce(d, &want));
	return 0;
}

/* A saved announcement shows from the start; one over already does not. */
static void test_saved_announcement(void **state)
{
	(void)state;
	for (int over = 0; over < 2; over++) {
		posting_list l;
		tu_make_list(&l, 2);
		drv d = {.now = T0};
		d.script = over ? script_saved_over : script_saved;
		kiosk_opts o = {.win_w = 1280, .win_h = 720, .slide_seconds = 30, .cut = true};
		snprintf(o.announce.text, sizeof o.announce.text, "Welcome to booth twelve");
		o.announce.until = over ? T0 - 1 : T0 + 60;
		kiosk_stats st;
		run(&d, &l, &o, &st);
		posting_list_free(&l);
	}
}

/* ---- with the display off ------------------------------------------------ */

static bool pub_off(const drv *d, const void *arg)
{
	return d->npub && d->pub.display_off == *(const bool *)arg;
}

static int script_off(drv *d)
{
	bool off = true;
	EXPECT(d, wait_for(d, pub_off, &off));
	/* The schedule's next change: 09:00 the next day (UTC), to on. */
	int64_t next = T0 - T0 % 86400 + 86400 + 9 * 3600;
	EXPECT(d, d->pub.next_change == next && d->pub.next_on);
	/* Moves go into the model, the announcement is kept; nothing drawn. */
	size_t pubs = count_of(d, &d->npub);
	post(KIOSK_CMD_NEXT, NULL);
	announce("Doors open at nine", false, T0 + 86400);
	EXPECT(d, wait_for(d, published_after, &pubs));
	int want = 1;
	EXPECT(d, wait_for(d, pub_announce, &want));
	EXPECT(d, d->pub.posting == 1 && d->pub.display_off);
	kiosk_frame f;
	EXPECT(d, kiosk_screenshot(&f, 5000, NULL) == 0);
	bool black = true;
	for (int y = 0; y < f.h && black; y++)
		for (int x = 0; x < f.w && black; x++)
			black = !(((const uint32_t *)((const char *)f.pixels +
			                              (size_t)y * (size_t)f.pitch))[x] &
			          0xFFFFFFu);
	free(f.pixels);
	EXPECT(d, black);
	EXPECT(d, count_of(d, &d->nshow) == 0);
	/* On: the posting moved to, with the band. */
	SDL_LockMutex(d->mu);
	d->now = next + 60;
	SDL_UnlockMutex(d->mu);
	size_t want_show[2] = {1, 1};
	EXPECT(d, wait_for(d, showing, want_show));
	EXPECT(d, screen_says(d, "doorsopenatnine"));
	return 0;
}

static void test_display_off(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	schedule sch = {0};
	assert_int_equal(schedule_add(&sch, "daily 09:00-17:00", NULL), 0);
	posting_list l;
	tu_make_list(&l, 3);
	drv d = {.now = T0};
	d.script = script_off;
	kiosk_opts o = {
	    .win_w = 1280, .win_h = 720, .slide_seconds = 30, .cut = true, .schedule = &sch};
	kiosk_stats st;
	run(&d, &l, &o, &st);
	assert_int_equal(st.display_offs, 1);
	assert_int_equal(st.display_ons, 1);
	posting_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_queue_full),         cmocka_unit_test(test_moves),
	    cmocka_unit_test(test_screenshot),         cmocka_unit_test(test_announcements),
	    cmocka_unit_test(test_saved_announcement), cmocka_unit_test(test_display_off),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
