/* remote.c — what the loop takes from the control server: commands taken
 * as events (kiosk_command() queues them in wake.c) and the announcement
 * up (a band laid out into every page, or an urgent page of its own). */
#include "internal.h"

#include <string.h>

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
