/* report.c — what the loop tells its listeners: the state after a present
 * (on_show, on_display) and, for the control server, the publish hook. */
#include "internal.h"

#include <string.h>

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
		if (k->st->shown == 1 && !k->first_marked) {
			k->st->first_slide_ms = kiosk_ms_since(k->t0);
			jk_mark("kiosk", "the first frame presented");
		}
		kiosk_window_fullscreen(k);
		if (o->on_show) {
			kiosk_state_of(k, &s);
			o->on_show(o->hook_ud, &s);
		}
	}
}

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
