/* remote.c — what the loop tells its listeners and takes from them: the
 * state after a present (on_show, on_display, publish for the control
 * server), commands taken as events (kiosk_command() queues them in
 * wake.c) and the announcement up (a band laid out into every page, or an
 * urgent page of its own). */
#include "internal.h"

#include <string.h>

/* ---- reports to the caller ---------------------------------------------- */

void kiosk_state_of(const kiosk *k, kiosk_state *s)
{
	memset(s, 0, sizeof *s);
	size_t n = kiosk_slides_count(k->sl);
	s->waiting = n == 0;
	s->posting = kiosk_slides_posting(k->sl);
	s->nposting = n;
	s->page = kiosk_slides_page(k->sl);
	s->npages = s->waiting ? 1 : kiosk_slides_pages(k->sl, s->posting);
	s->paused = k->paused;
	s->slide = k->st->shown;
	s->stale_mark = k->stale_mark && !s->waiting;
	s->item = kiosk_slides_item(k->sl);
	s->display_off = k->off;
	s->shift_x = k->shift_x;
	s->shift_y = k->shift_y;
	const SDL_Surface *f = k->off && k->screen ? k->screen : k->cur_s;
	if (f) {
		s->frame = f->pixels; /* when off, what the screen shows: black */
		s->frame_w = f->w;
		s->frame_h = f->h;
		s->frame_pitch = f->pitch;
	}
	s->list = kiosk_slides_list(k->sl);
	const schedule *sc = k->cfg.schedule;
	struct tm tm;
	long long min = k->wms >= 0 ? k->wms / 60000 : -1 - (-1 - k->wms) / 60000;
	int m = sc && sc->n && kiosk_local_tm(min * 60000, &tm)
	            ? schedule_minutes_to_change(sc, &tm)
	            : -1;
	if (m >= 0) {
		s->next_change = (int64_t)(min + m) * 60;
		s->next_on = !schedule_is_on(sc, &tm);
	}
	s->has_announce = k->ann_up;
	if (k->ann_up)
		s->announce = k->ann;
}

/* Reports the state after a present to on_show (a new slide) or
 * on_display (a schedule transition). */
void kiosk_report(kiosk *k)
{
	const kiosk_opts *o = k->o;
	kiosk_state s;
	if (k->display_event) {
		k->display_event = false;
		kiosk_publish_soon(k);
		if (o->on_display) {
			kiosk_state_of(k, &s);
			o->on_display(o->hook_ud, &s);
		}
	}
	/* Slides under an urgent announcement are not shown: not counted. */
	if (!k->first_shown && !k->off && !kiosk_urgent(k)) {
		k->first_shown = true;
		kiosk_publish_soon(k);
		k->st->shown++;
		if (k->st->shown == 1)
			k->st->first_slide_ms = kiosk_ms_since(k->t0);
		kiosk_window_fullscreen(k);
		if (o->on_show) {
			kiosk_state_of(k, &s);
			o->on_show(o->hook_ud, &s);
		}
	}
}

/* ---- announcements ------------------------------------------------------ */

/* ms on the monotonic clock until wall ms `until_ms`, from wall ms wms;
 * at most a week (a wall clock far off is checked again then). */
static uint64_t ms_until(long long wms, long long until_ms)
{
	const long long week = 7LL * 24 * 3600 * 1000;
	long long d = until_ms - wms;
	return (uint64_t)(d < 0 ? 0 : d > week ? week : d);
}

/* Arms KT_ANNOUNCE for the end of the announcement up (stops it when none). */
void kiosk_announce_arm(kiosk *k)
{
	if (!k->ann_up) {
		kiosk_timers_stop(&k->timers, KT_ANNOUNCE);
		return;
	}
	long long until = k->ann.until > 0 && k->ann.until < 1000000000000LL
	                      ? (long long)k->ann.until * 1000
	                      : 1000000000000000LL;
	kiosk_timers_set(&k->timers, KT_ANNOUNCE,
	                 SDL_GetTicks64() + ms_until(kiosk_wall_ms(k), until));
}

static bool valid(const kiosk_announce *a, long long wms)
{
	return a && a->text[0] && (long long)a->until * 1000 > wms;
}

/* Puts a (copied; NULL: none) up in place of the one up: the pages are
 * laid out again (the band, or the urgent page) and crossfade in. An
 * empty or expired one is none. Before the window is up (the saved one at
 * start) only the model changes. */
void kiosk_announce_set(kiosk *k, const kiosk_announce *a)
{
	bool was = k->ann_up, was_urgent = kiosk_urgent(k);
	k->ann_up = valid(a, kiosk_wall_ms(k));
	if (k->ann_up) {
		k->ann = *a;
		k->ann.text[KIOSK_ANNOUNCE_MAX] = '\0';
		jk_log(JK_LOG_INFO, "kiosk", "announcement (%s) until %lld",
		       k->ann.urgent ? "urgent" : "info", (long long)k->ann.until);
	} else if (was) {
		jk_log(JK_LOG_INFO, "kiosk", "announcement ended");
	} else if (a && a->text[0]) {
		jk_log(JK_LOG_INFO, "kiosk", "announcement until %lld: over already, not shown",
		       (long long)a->until);
	}
	if (!was && !k->ann_up)
		return;
	k->lp.announce = k->ann_up && !k->ann.urgent ? k->ann.text : NULL;
	kiosk_announce_arm(k);
	kiosk_publish_soon(k);
	if (!k->screen)
		return; /* kiosk_run() is starting: the first page brings it */
	kiosk_slides_forget(k->sl);
	kiosk_slides_settle(k->sl);
	/* Off: the page is composed fresh when the display comes on. */
	if (!k->off)
		kiosk_compose(k, true);
	/* Urgent up: the slides stop; gone: the slide under it starts over
	 * (and is reported as shown). */
	if (was_urgent != kiosk_urgent(k))
		kiosk_started(k);
}

/* The announcement's end, from wall ms wms. */
void kiosk_announce_check(kiosk *k, long long wms)
{
	if (!k->ann_up)
		return;
	if (!valid(&k->ann, wms))
		kiosk_announce_set(k, NULL);
	else
		kiosk_announce_arm(k);
}

/* ---- commands ----------------------------------------------------------- */

void kiosk_remote_command(kiosk *k, const kiosk_cmd *c)
{
	k->st->commands++;
	switch (c->kind) {
	case KIOSK_CMD_NEXT:
		kiosk_go(k, +1);
		break;
	case KIOSK_CMD_PREV:
		kiosk_go(k, -1);
		break;
	case KIOSK_CMD_PAUSE:
		kiosk_pause_set(k, true);
		break;
	case KIOSK_CMD_RESUME:
		kiosk_pause_set(k, false);
		break;
	case KIOSK_CMD_RELOAD:
		kiosk_reload_now(k);
		break;
	case KIOSK_CMD_GOTO: {
		char id[sizeof c->id];
		memcpy(id, c->id, sizeof id);
		id[sizeof id - 1] = '\0';
		if (kiosk_slides_goto_id(k->sl, id))
			kiosk_moved(k);
		else
			jk_log(JK_LOG_WARN, "kiosk", "go to %s: no such posting (nothing moved)",
			       id);
		break;
	}
	case KIOSK_CMD_ANNOUNCE:
		kiosk_announce_set(k, &c->announce);
		break;
	case KIOSK_CMD_UNANNOUNCE:
		kiosk_announce_set(k, NULL);
		break;
	}
	kiosk_publish_soon(k);
}

/* ---- publish ------------------------------------------------------------ */

/* The publish hook runs after this run's present (its row is after
 * KT_PRESENT): the state it gets is what is on screen. */
void kiosk_publish_soon(kiosk *k)
{
	if (k->o->publish)
		kiosk_timers_set(&k->timers, KT_PUBLISH, SDL_GetTicks64());
}

void kiosk_publish(kiosk *k)
{
	if (!k->o->publish)
		return;
	kiosk_state s;
	kiosk_state_of(k, &s);
	k->o->publish(k->o->hook_ud, &s, k->st);
}
