/* timers.c — the loop's timer table: rows of (deadline, handler), run in
 * row order when due. No SDL and no clock of its own: the caller passes
 * monotonic ms, so tests drive it with a fake clock. */
#include "kiosk.h"

#include <string.h>

void kiosk_timers_init(kiosk_timers *t, const kiosk_timer *rows, size_t n, void *ud)
{
	memset(t, 0, sizeof *t);
	t->n = n < KIOSK_TIMERS_MAX ? n : KIOSK_TIMERS_MAX;
	if (t->n)
		memcpy(t->rows, rows, t->n * sizeof *rows);
	t->ud = ud;
}

void kiosk_timers_set(kiosk_timers *t, size_t i, uint64_t due)
{
	if (i < t->n) {
		t->rows[i].armed = true;
		t->rows[i].due = due;
	}
}

void kiosk_timers_stop(kiosk_timers *t, size_t i)
{
	if (i < t->n)
		t->rows[i].armed = false;
}

/* A clock stepped back by `back` ms: every deadline moves back as much, so
 * what was due in 10 ms is still due in 10 ms. */
static void rebase(kiosk_timers *t, uint64_t back)
{
	for (size_t i = 0; i < t->n; i++)
		t->rows[i].due = t->rows[i].due > back ? t->rows[i].due - back : 0;
}

static unsigned next_wait(const kiosk_timers *t, uint64_t now)
{
	uint64_t wait = KIOSK_TIMERS_IDLE_MS;
	for (size_t i = 0; i < t->n; i++) {
		const kiosk_timer *r = &t->rows[i];
		if (!r->armed || (r->flags & KIOSK_TIMER_LAZY))
			continue;
		uint64_t w = r->due > now ? r->due - now : 0;
		if (w < wait)
			wait = w;
	}
	return (unsigned)wait;
}

unsigned kiosk_timers_run(kiosk_timers *t, uint64_t now, bool *stop)
{
	if (stop)
		*stop = false;
	if (t->ran && now < t->last)
		rebase(t, t->last - now);
	t->last = now;
	t->ran = true;
	for (size_t i = 0; i < t->n; i++) {
		kiosk_timer *r = &t->rows[i];
		bool due = r->armed && r->due <= now;
		if (!due && !(r->flags & KIOSK_TIMER_EACH_RUN))
			continue;
		r->armed = false;
		if (r->fn && !r->fn(t->ud, now)) {
			if (stop)
				*stop = true;
			return 0;
		}
	}
	return next_wait(t, now);
}
