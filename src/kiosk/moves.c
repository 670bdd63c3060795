/* moves.c — the slide model moving under the loop: the next or previous
 * slide, a reload swapped in, pause and resume, each starting the slide's
 * time. Called by the loop's events and by the control server's commands
 * (remote.c); it calls neither. */
#include "internal.h"

/* Slides move on by themselves: there are some, not paused, display on,
 * no urgent announcement over them. */
bool kiosk_running(const kiosk *k)
{
	return kiosk_slides_count(k->sl) && !k->paused && !k->off && !kiosk_urgent(k);
}

/* A new slide is up: its time starts now. */
void kiosk_started(kiosk *k)
{
	k->shown_at = SDL_GetTicks64();
	if (k->paused)
		k->paused_at = k->shown_at;
	k->first_shown = false;
	if (kiosk_running(k))
		kiosk_slide_arm(k);
	else
		kiosk_timers_stop(&k->timers, KT_SLIDE);
}

/* The change is due slide_ms after the slide started (after the last
 * one was due, when that was a timed change: no drift, however early it
 * started); it starts earlier by what changes cost here, so its first
 * frame is out when due. A change far behind starts the count afresh. */
void kiosk_slide_arm(kiosk *k)
{
	uint64_t due = k->change_pending ? k->change_due + k->slide_ms : 0;
	k->slide_due = due >= k->shown_at + k->slide_ms / 2 ? due : k->shown_at + k->slide_ms;
	kiosk_timers_set(&k->timers, KT_SLIDE,
	                 k->slide_due - kiosk_pace_lead(&k->pace, k->slide_ms));
}

/* Replaces the deck with what reload returns, keeping the position (the
 * slide model's reload). False when nothing changed. */
bool kiosk_reload_keep(kiosk *k)
{
	if (!k->reload)
		return false;
	posting_list nl;
	posting_list_init(&nl);
	jk_err err = {0};
	if (k->reload(k->reload_ud, &nl, &err) != 0) {
		jk_log(JK_LOG_WARN, "kiosk", "reload: %s", err.msg[0] ? err.msg : "failed");
		posting_list_free(&nl);
		return false;
	}
	if (kiosk_slides_reload(k->sl, &nl, &err)) {
		posting_list_free(&nl); /* keep showing what we have */
		jk_log(JK_LOG_WARN, "kiosk", "reload: %s", err.msg);
		return false;
	}
	kiosk_badge_clock(k, kiosk_wall_ms(k)); /* new dates: trusted again? */
	kiosk_settings_reconfigure(k);
	kiosk_slides_settle(k->sl);
	k->st->reloads++;
	kiosk_publish_soon(k);
	return true;
}

void kiosk_reload_now(kiosk *k)
{
	if (kiosk_reload_keep(k)) {
		kiosk_compose(k, true);
		kiosk_started(k);
	}
}

/* The position moved: the new page crossfades in and its time starts.
 * Hidden (display off, urgent announcement): the model moved, nothing is
 * drawn; the page comes when the screen is back. */
void kiosk_moved(kiosk *k)
{
	if (k->off || kiosk_urgent(k))
		return;
	kiosk_compose(k, true);
	kiosk_started(k);
}

/* Moves dir (+1/-1) slides. */
void kiosk_go(kiosk *k, int dir)
{
	kiosk_slides_step(k->sl, dir);
	/* Updates swap in here, right before the next page is composed, so a
	 * slide is never cut short and a crossfade never waits on a reload. */
	if (kiosk_wake_take())
		kiosk_reload_keep(k);
	kiosk_moved(k);
}

void kiosk_pause_toggle(kiosk *k)
{
	uint64_t now = SDL_GetTicks64();
	if (k->paused) {
		/* Resume with the time that was left. */
		k->shown_at += now - k->paused_at;
		k->paused = false;
		if (kiosk_running(k))
			kiosk_slide_arm(k);
	} else {
		k->paused = true;
		k->paused_at = now;
		kiosk_timers_stop(&k->timers, KT_SLIDE);
	}
	k->need_present = true;
	kiosk_publish_soon(k);
}

/* Pause or resume; already so: nothing changes. */
void kiosk_pause_set(kiosk *k, bool on)
{
	if (k->paused != on)
		kiosk_pause_toggle(k);
}
