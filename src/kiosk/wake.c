/* wake.c — waking the loop: kiosk_notify_reload() from any thread, and the
 * loop's wait for the next event or deadline. The only globals of the
 * kiosk module live here. */
#include "internal.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

/* kiosk_notify_reload() may come from any thread at any time: a flag the
 * loop reads at slide changes, and a wake-up event pushed only while the
 * loop's event queue exists (the lock keeps SDL_Quit from racing it). */
static pthread_mutex_t notify_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t notify_cond = PTHREAD_COND_INITIALIZER;
static bool notify_pending;
static unsigned notify_gen; /* counts notifications: wakes kiosk_wake_wait */
static bool loop_active;
static Uint32 notify_event; /* SDL user event type; 0 before the first run */

void kiosk_notify_reload(void)
{
	pthread_mutex_lock(&notify_lock);
	notify_pending = true;
	notify_gen++;
	pthread_cond_broadcast(&notify_cond);
	if (loop_active && notify_event) {
		SDL_Event e;
		memset(&e, 0, sizeof e);
		e.type = notify_event;
		SDL_PushEvent(&e);
	}
	pthread_mutex_unlock(&notify_lock);
}

bool kiosk_wake_take(void)
{
	pthread_mutex_lock(&notify_lock);
	bool p = notify_pending;
	notify_pending = false;
	pthread_mutex_unlock(&notify_lock);
	return p;
}

void kiosk_wake_active(bool on)
{
	pthread_mutex_lock(&notify_lock);
	if (on && !notify_event) {
		Uint32 t = SDL_RegisterEvents(1);
		notify_event = t == (Uint32)-1 ? 0 : t;
	}
	loop_active = on;
	pthread_mutex_unlock(&notify_lock);
}

bool kiosk_wake_is(const SDL_Event *ev)
{
	pthread_mutex_lock(&notify_lock);
	bool is = notify_event && ev->type == notify_event;
	pthread_mutex_unlock(&notify_lock);
	return is;
}

/* Waits up to ms for an event. On drivers that cannot sleep in SDL, the
 * loop sleeps on our condition (woken by kiosk_notify_reload) in slices of
 * POLL_MS, so input is still seen within that. */
#define POLL_MS 50
int kiosk_wake_wait(SDL_Event *ev, Uint32 ms)
{
	if (kiosk_window_sleeps())
		return SDL_WaitEventTimeout(ev, (int)ms);
	Uint32 t0 = SDL_GetTicks();
	for (;;) {
		if (SDL_PollEvent(ev))
			return 1;
		Uint32 el = SDL_GetTicks() - t0;
		if (el >= ms)
			return 0;
		Uint32 slice = ms - el < POLL_MS ? ms - el : POLL_MS;
		/* Monotonic: a wall clock stepped back (NTP after an offline boot)
		 * must not stretch the sleep by the size of the step. */
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += (long)slice * 1000000L;
		ts.tv_sec += ts.tv_nsec / 1000000000L;
		ts.tv_nsec %= 1000000000L;
		pthread_mutex_lock(&notify_lock);
		unsigned gen = notify_gen;
		pthread_cond_clockwait(&notify_cond, &notify_lock, CLOCK_MONOTONIC, &ts);
		bool woke = notify_gen != gen;
		pthread_mutex_unlock(&notify_lock);
		if (woke)
			return SDL_PollEvent(ev);
	}
}
