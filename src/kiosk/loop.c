/* loop.c — the slideshow loop: kiosk_run(), its timer table, the events.
 *
 * Event driven: the loop sleeps until the nearest deadline of its timer
 * table (slide change, progress tick, next crossfade frame, the waiting
 * screen's poll, the next wall minute, the keep-alive, the end) or the next
 * event. The monotonic clock (SDL_GetTicks64) times slides and fades; the
 * wall clock is read once a wake (KT_WALL). Each page is composed once;
 * postings are laid out lazily, when first shown, so the first slide comes
 * fast. */
#include "internal.h"

#include "platform.h"

#include <string.h>

#define COMMAND_TIMEOUT_S 30

/* Lays everything out again for the current output size. */
static void relayout(kiosk *k)
{
	int w, h;
	if (!kiosk_window_size(k, &w, &h) || w < 160 || h < 160)
		return;
	k->pw = w;
	k->ph = h;
	if (!kiosk_screen_make(k))
		return;
	render_logical_size(w, h, k->cfg.rotate, &k->lp.w, &k->lp.h);
	kiosk_slides_forget(k->sl);
	kiosk_slides_settle(k->sl);
	kiosk_compose(k, false);
}

/* Textures are gone after a device reset: rebuild the screen texture from
 * the page kept in memory (and lay out again if the size changed). */
static void reset_textures(kiosk *k)
{
	k->st->resets++;
	int w, h;
	if (kiosk_window_size(k, &w, &h) && (w != k->pw || h != k->ph))
		relayout(k);
	else
		kiosk_screen_retexture(k);
	k->need_present = true;
	k->whole = true;
}

/* ---- the display schedule ----------------------------------------------- */

static void run_command(const char *what, const char *cmd)
{
	if (!cmd || !*cmd)
		return;
	jk_err err = {0};
	if (platform_spawn(cmd, COMMAND_TIMEOUT_S, &err))
		jk_log(JK_LOG_WARN, "kiosk", "display %s command: %s", what, err.msg);
}

static bool sched_on(const kiosk *k, long long ms)
{
	const schedule *s = k->cfg.schedule;
	struct tm tm;
	if (!s || !s->n || !kiosk_local_tm(ms, &tm))
		return true;
	return schedule_is_on(s, &tm);
}

/* Off: a black screen and the off command; nothing moves until on. */
static void display_off(kiosk *k)
{
	k->off = true;
	k->fading = false;
	kiosk_screen_black(k);
	static const size_t moving[] = {KT_STATUS, KT_SLIDE, KT_FADE, KT_TICK};
	for (size_t i = 0; i < JK_ARRAY_LEN(moving); i++)
		kiosk_timers_stop(&k->timers, moving[i]);
	k->st->display_offs++;
	jk_log(JK_LOG_INFO, "kiosk", "display off by the schedule");
	run_command("off", k->cfg.display_off_command);
}

/* Follows the schedule from wall time ms: off is a black screen and the
 * off command; on again shows the current slide at once (composed fresh:
 * clock and marks are current) and runs the on command. At start the
 * command for the state it starts in runs, when there is a schedule. */
static void follow_schedule(kiosk *k, long long ms)
{
	bool on = sched_on(k, ms), first = !k->sched_known;
	k->sched_known = true;
	if (!first && on == !k->off)
		return;
	if (first && on) {
		if (k->cfg.schedule)
			run_command("on", k->cfg.display_on_command);
		return;
	}
	if (!on) {
		display_off(k);
	} else {
		k->off = false;
		k->st->display_ons++;
		jk_log(JK_LOG_INFO, "kiosk", "display on by the schedule");
		run_command("on", k->cfg.display_on_command);
		if (kiosk_wake_take())
			kiosk_reload_keep(k);
		kiosk_compose(k, false);
		kiosk_started(k);
	}
	k->need_present = true;
	k->display_event = true;
}

/* ---- the timer table ---------------------------------------------------- */

/* A crossfade's frame is out (t: when its present began): its cost
 * steers the pace; the fade's end counts its frames and its time. */
static void fade_frame(kiosk *k, Uint64 t)
{
	/* The first frame only flushes (blend 0): not a frame's cost. */
	if (k->fade_n++)
		kiosk_pace_frame(&k->pace, kiosk_ms_since(t));
	if (k->fading)
		return;
	uint64_t end = SDL_GetTicks64();
	k->st->fades++;
	k->st->fade_wall_ms += (double)(end > k->fade_at ? end - k->fade_at : 0);
	k->st->fade_gaps += k->fade_n - 1;
}

/* The first frame of a timed change is out: how late against its due
 * time, and what the change cost (the lead of the next one). */
static void change_out(kiosk *k)
{
	k->change_pending = false;
	uint64_t out = SDL_GetTicks64();
	double late = out > k->change_due ? (double)(out - k->change_due) : 0;
	kiosk_stats *st = k->st;
	st->late_ms[st->changes % KIOSK_LATE_KEEP] = late;
	st->changes++;
	if (late > st->late_ms_max)
		st->late_ms_max = late;
	kiosk_pace_change(&k->pace, kiosk_ms_since(k->change_t));
}

/* A present, and the deadlines it sets: the next progress tick while a
 * slide runs, the next crossfade frame while one is under way. */
static void show(kiosk *k, uint64_t now, bool full)
{
	bool fading = k->fading;
	Uint64 t = SDL_GetPerformanceCounter();
	kiosk_screen_present(k, now, full);
	if (fading)
		fade_frame(k, t);
	if (k->change_pending)
		change_out(k);
	if (kiosk_running(k))
		kiosk_timers_set(&k->timers, KT_TICK, now + TICK_MS);
	else
		kiosk_timers_stop(&k->timers, KT_TICK);
	/* The next frame a gap after this one is out, so a slow CPU draws
	 * fewer frames rather than queueing them; the pace widens the gap
	 * when frames cost more. */
	if (k->fading && !k->off) {
		unsigned gap = kiosk_pace_gap(&k->pace);
		if (gap > KIOSK_PACE_GAP_MS)
			k->st->fade_slowed++;
		kiosk_timers_set(&k->timers, KT_FADE, SDL_GetTicks64() + gap);
	} else {
		kiosk_timers_stop(&k->timers, KT_FADE);
	}
}

static bool on_end(void *ud, uint64_t now)
{
	(void)ud, (void)now;
	return false;
}

/* The keep-alive: at least every alive_ms while the loop runs. */
static bool on_alive(void *ud, uint64_t now)
{
	kiosk *k = ud;
	if (k->o->alive) {
		k->o->alive(k->o->hook_ud);
		k->st->alive_calls++;
	}
	unsigned half = k->o->alive_ms ? (k->o->alive_ms / 2 ? k->o->alive_ms / 2 : 1) : 500;
	kiosk_timers_set(&k->timers, KT_ALIVE, now + half);
	return true;
}

static bool on_reap(void *ud, uint64_t now)
{
	kiosk *k = ud;
	platform_reap();
	kiosk_timers_set(&k->timers, KT_REAP, now + REAP_MS);
	return true;
}

/* Every wake: the wall clock read for this wake, the schedule followed,
 * the badges' day checked. */
static bool on_wall(void *ud, uint64_t now)
{
	kiosk *k = ud;
	k->wms = kiosk_wall_ms(k);
	follow_schedule(k, k->wms);
	kiosk_announce_check(k, k->wms);
	/* A new day (midnight, or the clock set): badges counted again, the
	 * page up crossfades to its new self. Asked once a wall minute, not
	 * at every fade frame; a reload asks itself. */
	long long min = k->wms >= 0 ? k->wms / 60000 : -1 - (-1 - k->wms) / 60000;
	bool asked = min != k->badge_min;
	k->badge_min = min;
	if (asked && kiosk_badge_clock(k, k->wms) && kiosk_slides_count(k->sl)) {
		k->st->new_days++;
		kiosk_slides_forget(k->sl);
		kiosk_slides_settle(k->sl);
		kiosk_compose(k, true);
	}
	if (k->cfg.schedule)
		kiosk_timers_set(&k->timers, KT_WALL, now + kiosk_to_next_minute(k->wms));
	return true;
}

/* The waiting screen: news once a second, a new page only when the line
 * changed; a notified reload at once. */
static bool on_status(void *ud, uint64_t now)
{
	kiosk *k = ud;
	(void)now;
	if (kiosk_slides_count(k->sl) || k->off)
		return true;
	if (kiosk_wake_take()) {
		kiosk_reload_now(k);
	} else {
		kiosk_ask_status(k);
		char line[sizeof k->wait_shown];
		kiosk_waiting_line(k, line, sizeof line);
		if (strcmp(line, k->wait_shown))
			kiosk_compose(k, false);
	}
	if (!kiosk_slides_count(k->sl) && !k->off)
		kiosk_timers_set(&k->timers, KT_STATUS, k->status_at + STATUS_MS);
	return true;
}

static bool on_slide(void *ud, uint64_t now)
{
	kiosk *k = ud;
	(void)now;
	if (!kiosk_running(k))
		return true;
	k->change_pending = true;
	k->change_due = k->slide_due;
	k->change_t = SDL_GetPerformanceCounter();
	kiosk_go(k, +1);
	/* Nothing to present (the page did not compose): nothing to time. */
	k->change_pending = k->need_present;
	return true;
}

/* Every wake: the clock's minute, and a still page (paused, waiting) moves
 * on to the next burn-in step; running slides take it at their change. */
static bool on_minute(void *ud, uint64_t now)
{
	kiosk *k = ud;
	if (!k->off) {
		bool still = k->paused || !kiosk_slides_count(k->sl) || kiosk_urgent(k);
		if (still && !k->fading && kiosk_burn_step(k, k->wms) != k->burn_step)
			kiosk_compose(k, false);
		kiosk_clock_tick(k, k->wms);
	}
	if (k->cfg.look.clock || (k->cfg.burn_in_shift > 0 && k->cfg.burn_in_minutes > 0))
		kiosk_timers_set(&k->timers, KT_MINUTE, now + kiosk_to_next_minute(k->wms));
	return true;
}

static bool on_fade(void *ud, uint64_t now)
{
	kiosk *k = ud;
	if (!k->fading || k->off)
		return true;
	/* Frames of this fade (not only of the ones before) are too dear:
	 * the rest is one cut. */
	if (k->fade_n > 1 && kiosk_pace_period(&k->pace) > KIOSK_PACE_FLOOR_MS) {
		kiosk_screen_upload(k);
		k->st->fade_cuts++;
	}
	show(k, now, true);
	return true;
}

/* Only the bar moves: it alone is drawn and sent. A page waiting to be
 * presented goes whole after the run (and sets the next tick). */
static bool on_tick(void *ud, uint64_t now)
{
	kiosk *k = ud;
	if (k->need_present || k->fading || !kiosk_running(k))
		return true;
	show(k, now, false);
	k->st->ticks++;
	return true;
}

/* Draws what waits to be drawn: the page (or, with the display off,
 * black: also after an expose). */
static void present_pending(kiosk *k)
{
	if (!k->need_present)
		return;
	if (!k->off) {
		show(k, SDL_GetTicks64(), true);
		return;
	}
	Uint64 t = SDL_GetPerformanceCounter();
	kiosk_screen_black(k);
	kiosk_screen_flush(k, NULL);
	kiosk_screen_count(k, t);
	k->need_present = false;
}

/* Last at every run: what changed goes to the screen, then to the hooks. */
static bool on_present(void *ud, uint64_t now)
{
	kiosk *k = ud;
	(void)now;
	present_pending(k);
	kiosk_report(k);
	kiosk_wake_serve(k); /* a screenshot: what was just presented */
	return true;
}

/* The announcement's end at its second (the wall clock may have moved:
 * checked again, armed again for what is left). */
static bool on_announce(void *ud, uint64_t now)
{
	kiosk *k = ud;
	(void)now;
	kiosk_announce_check(k, kiosk_wall_ms(k));
	return true;
}

static bool on_publish(void *ud, uint64_t now)
{
	kiosk *k = ud;
	kiosk_publish(k);
	if (k->o->publish)
		kiosk_timers_set(&k->timers, KT_PUBLISH,
		                 now + (k->o->publish_ms ? k->o->publish_ms : 1000));
	return true;
}

/* After the hooks heard of what is on screen: the impressions log's write
 * (or another listener's periodic job), when it asks to be called. */
static bool on_flush(void *ud, uint64_t now)
{
	kiosk *k = ud;
	if (!k->o->flush)
		return true;
	unsigned ms = k->o->flush(k->o->hook_ud);
	ms = ms ? ms : k->o->flush_ms;
	kiosk_timers_set(&k->timers, KT_FLUSH, now + (ms < 1000 ? 1000 : ms));
	return true;
}

/* Every deadline of the loop, in the order they run when several are
 * due: the end first; the schedule before the slide change it may stop;
 * the clock after it (a new page brings the time with it); presents last,
 * then the hooks hear of what is on screen. */
static const kiosk_timer rows[KT_COUNT] = {
    [KT_END] = {"end", on_end, 0, false, 0},
    [KT_ALIVE] = {"keep-alive", on_alive, 0, false, 0},
    [KT_REAP] = {"reap", on_reap, KIOSK_TIMER_LAZY, false, 0},
    [KT_WALL] = {"wall clock", on_wall, KIOSK_TIMER_EACH_RUN, false, 0},
    [KT_ANNOUNCE] = {"announcement", on_announce, 0, false, 0},
    [KT_STATUS] = {"status", on_status, 0, false, 0},
    [KT_SLIDE] = {"slide", on_slide, 0, false, 0},
    [KT_MINUTE] = {"minute", on_minute, KIOSK_TIMER_EACH_RUN, false, 0},
    [KT_FADE] = {"fade", on_fade, 0, false, 0},
    [KT_TICK] = {"tick", on_tick, 0, false, 0},
    [KT_PRESENT] = {"present", on_present, KIOSK_TIMER_EACH_RUN, false, 0},
    [KT_PUBLISH] = {"publish", on_publish, 0, false, 0},
    [KT_FLUSH] = {"flush", on_flush, 0, false, 0},
};

/* ---- events ------------------------------------------------------------- */

static void handle_key(kiosk *k, SDL_Keycode sym)
{
	switch (sym) {
	case SDLK_RIGHT:
	case SDLK_PAGEDOWN:
		kiosk_go(k, +1);
		break;
	case SDLK_LEFT:
	case SDLK_PAGEUP:
		kiosk_go(k, -1);
		break;
	case SDLK_SPACE:
		kiosk_pause_toggle(k);
		break;
	case SDLK_r:
		kiosk_reload_now(k);
		break;
	default:
		break;
	}
}

static void handle_window(kiosk *k, const SDL_WindowEvent *w)
{
	if (w->event == SDL_WINDOWEVENT_SIZE_CHANGED) {
		if (w->data1 != k->pw || w->data2 != k->ph)
			relayout(k);
		k->need_present = true;
		k->whole = true;
	} else if (w->event == SDL_WINDOWEVENT_EXPOSED) {
		k->need_present = true;
		k->whole = true;
	}
}

/* Handles one event; returns false to quit. While the schedule has the
 * display off, only quitting and the window's own events count. */
static bool handle(kiosk *k, const SDL_Event *ev)
{
	if (kiosk_wake_is(ev)) {
		kiosk_cmd c;
		while (kiosk_wake_command(&c))
			kiosk_remote_command(k, &c);
		/* On the waiting screen there is no slide to finish. */
		if (!kiosk_slides_count(k->sl) && !k->off && kiosk_wake_take())
			kiosk_reload_now(k);
		return true;
	}
	switch (ev->type) {
	case SDL_QUIT: /* also SIGINT and SIGTERM, through SDL's handlers */
		return false;
	case SDL_KEYDOWN:
		if (ev->key.keysym.sym == SDLK_q || ev->key.keysym.sym == SDLK_ESCAPE)
			return false;
		if (!k->off)
			handle_key(k, ev->key.keysym.sym);
		break;
	case SDL_FINGERDOWN:
		k->touch_down = true;
		k->touch_x = ev->tfinger.x;
		break;
	case SDL_FINGERUP:
		/* A swipe right goes back; a tap or a swipe left goes on. */
		if (k->touch_down && !k->off)
			kiosk_go(k, ev->tfinger.x - k->touch_x > 0.08f ? -1 : +1);
		k->touch_down = false;
		break;
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT &&
		    !k->off)
			kiosk_go(k, +1);
		break;
	case SDL_WINDOWEVENT:
		handle_window(k, &ev->window);
		break;
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET:
		reset_textures(k);
		break;
	default:
		break;
	}
	return true;
}

/* ---- kiosk_run ---------------------------------------------------------- */

/* The window, the look, the slides, the first page: all but the window
 * on a thread while it opens (first.c). */
static int start(kiosk *k, posting_list *list, jk_err *err)
{
	kiosk_settings_timings(k);
	k->theme = k->cfg.look.theme;
	kiosk_first first;
	kiosk_first_begin(k, list, &first);
	int r = kiosk_window_open(k, err);
	jk_mark("kiosk", "the window open");
	int rf = kiosk_first_end(k, &first, r == 0, r ? NULL : err);
	if (!r)
		r = rf;
	jk_mark("kiosk", "the fonts, the slides and the first page (on a thread since the start)");
	if (r)
		return r;
	kiosk_wake_active(true);
	if (!first.shown)
		relayout(k); /* another size than guessed, or no guess */
	if (!k->cur_s && kiosk_slides_count(k->sl))
		kiosk_go(k, +1); /* the first posting did not lay out: the next that does */
	/* The first page's cost is the first guess of a change's: the first
	 * timed change starts early enough too. */
	kiosk_pace_change(&k->pace, k->st->compose_ms_total);
	jk_mark("kiosk", "the first page laid out and composed");
	if (!k->cur_s || !k->screen)
		return jk_fail(err, JK_EIO, "cannot draw on this display (%dx%d)", k->pw, k->ph);
	return 0;
}

/* Arms the rows that run from the start. */
static void arm(kiosk *k)
{
	uint64_t now = SDL_GetTicks64();
	kiosk_timers_init(&k->timers, rows, KT_COUNT, k);
	if (k->o->max_seconds > 0)
		kiosk_timers_set(&k->timers, KT_END, now + (uint64_t)(k->o->max_seconds * 1000));
	kiosk_timers_set(&k->timers, KT_ALIVE, now);
	kiosk_timers_set(&k->timers, KT_REAP, now);
	if (k->o->flush)
		kiosk_timers_set(&k->timers, KT_FLUSH,
		                 now + (k->o->flush_ms ? k->o->flush_ms : KIOSK_TIMERS_IDLE_MS));
	if (!kiosk_slides_count(k->sl))
		kiosk_timers_set(&k->timers, KT_STATUS, now); /* a reload asked before */
	if (k->o->publish)
		kiosk_timers_set(&k->timers, KT_PUBLISH, now);
	kiosk_announce_arm(k);
	kiosk_started(k);
}

/* At the end, one line of how slide changes kept time on this board. */
static void pace_summary(const kiosk *k)
{
	const kiosk_stats *st = k->st;
	if (!st->changes && !st->fades && !st->fade_cuts)
		return;
	size_t n = st->changes < KIOSK_LATE_KEEP ? st->changes : KIOSK_LATE_KEEP;
	double late[KIOSK_LATE_KEEP];
	memcpy(late, st->late_ms, n * sizeof *late);
	double fps = st->fade_wall_ms > 0 ? (double)st->fade_gaps * 1000.0 / st->fade_wall_ms : 0;
	jk_log(JK_LOG_INFO, "kiosk",
	       "pace: %zu timed slide changes, late by median %.0f ms, worst %.0f ms (started "
	       "%u ms early); %zu crossfades at %.1f frames/s, %zu frames slowed, %zu cut for "
	       "the CPU; first slide after %.0f ms",
	       st->changes, kiosk_pace_median(late, n), st->late_ms_max,
	       kiosk_pace_lead(&k->pace, k->slide_ms), st->fades, fps, st->fade_slowed,
	       st->fade_cuts, st->first_slide_ms);
}

int kiosk_run(posting_list *list, const kiosk_opts *o, kiosk_reload_fn fn, void *ud,
              kiosk_stats *stats, jk_err *err)
{
	kiosk_stats dummy = {0};
	kiosk k = {.o = o,
	           .st = stats ? stats : &dummy,
	           .t0 = SDL_GetPerformanceCounter(),
	           .reload = fn,
	           .reload_ud = ud};
	memset(k.st, 0, sizeof *k.st);
	if (!render_rotation_ok(o->rotate))
		return jk_fail(err, JK_EARG, "rotation %d: use 0, 90, 180 or 270", o->rotate);
	int r = kiosk_settings_copy(&k.cfg, &k.store, o, err);
	if (r)
		return r;
	r = start(&k, list, err);
	if (!r)
		arm(&k);
	for (bool run = !r; run;) {
		uint64_t now = SDL_GetTicks64();
		bool stop;
		unsigned wait = kiosk_timers_run(&k.timers, now, &stop);
		if (stop)
			break;
		/* The handlers took time: the deadlines did not move. */
		uint64_t el = SDL_GetTicks64() - now;
		SDL_Event ev;
		if (kiosk_wake_wait(&ev, el < wait ? (Uint32)(wait - el) : 0)) {
			do {
				if (!handle(&k, &ev))
					run = false;
			} while (run && SDL_PollEvent(&ev));
		}
	}
	pace_summary(&k);
	kiosk_screen_free(&k);
	kiosk_slides_free(k.sl);
	render_fonts_close(k.fonts);
	kiosk_wake_active(false);
	kiosk_window_close(&k);
	kiosk_settings_free(&k.store);
	return r;
}
