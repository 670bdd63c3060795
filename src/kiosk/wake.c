/* wake.c — waking the loop: kiosk_notify_reload() from any thread, and the
 * loop's wait for the next event or deadline. The only globals of the
 * kiosk module live here. */
#include "internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
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

/* Commands from kiosk_command(), oldest first, under notify_lock. */
#define QUEUE_MAX 32
static kiosk_cmd queue[QUEUE_MAX];
static size_t queue_head, queue_n;

/* A screenshot asked for: the asker's request (on its stack), answered by
 * the loop or withdrawn by the asker, both under notify_lock, so a late
 * answer never writes into a request that is gone. */
typedef struct shot {
	kiosk_frame f;
	bool done;
} shot;
static shot *shot_asked;
static pthread_cond_t shot_cond = PTHREAD_COND_INITIALIZER;

/* Wakes the loop: its condition (drivers that cannot sleep in SDL) and an
 * event while its queue exists. Called with notify_lock held. */
static void wake_locked(void)
{
	notify_gen++;
	pthread_cond_broadcast(&notify_cond);
	if (loop_active && notify_event) {
		SDL_Event e;
		memset(&e, 0, sizeof e);
		e.type = notify_event;
		SDL_PushEvent(&e);
	}
}

void kiosk_notify_reload(void)
{
	pthread_mutex_lock(&notify_lock);
	notify_pending = true;
	wake_locked();
	pthread_mutex_unlock(&notify_lock);
}

int kiosk_command(const kiosk_cmd *c)
{
	pthread_mutex_lock(&notify_lock);
	if (queue_n == QUEUE_MAX) {
		pthread_mutex_unlock(&notify_lock);
		return JK_EBUSY;
	}
	kiosk_cmd *q = &queue[(queue_head + queue_n++) % QUEUE_MAX];
	*q = *c;
	q->id[sizeof q->id - 1] = '\0';
	q->announce.text[KIOSK_ANNOUNCE_MAX] = '\0';
	wake_locked();
	pthread_mutex_unlock(&notify_lock);
	return 0;
}

bool kiosk_wake_command(kiosk_cmd *out)
{
	pthread_mutex_lock(&notify_lock);
	bool any = queue_n > 0;
	if (any) {
		*out = queue[queue_head];
		queue_head = (queue_head + 1) % QUEUE_MAX;
		queue_n--;
	}
	pthread_mutex_unlock(&notify_lock);
	return any;
}

/* The deadline timeout_ms from now on the monotonic clock. */
static struct timespec deadline(unsigned ms)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (long)(ms % 1000) * 1000000L;
	ts.tv_sec += ts.tv_nsec / 1000000000L;
	ts.tv_nsec %= 1000000000L;
	return ts;
}

int kiosk_screenshot(kiosk_frame *out, unsigned timeout_ms, jk_err *err)
{
	memset(out, 0, sizeof *out);
	struct timespec until = deadline(timeout_ms);
	shot req = {0};
	int r = 0;
	pthread_mutex_lock(&notify_lock);
	/* One at a time: a second asker waits its turn (within its time). */
	while (loop_active && shot_asked && r != ETIMEDOUT)
		r = pthread_cond_clockwait(&shot_cond, &notify_lock, CLOCK_MONOTONIC, &until);
	if (loop_active && !shot_asked) {
		shot_asked = &req;
		wake_locked();
		while (loop_active && !req.done && r != ETIMEDOUT)
			r = pthread_cond_clockwait(&shot_cond, &notify_lock, CLOCK_MONOTONIC,
			                           &until);
		if (shot_asked == &req)
			shot_asked = NULL; /* withdrawn: the loop will not see it */
		pthread_cond_broadcast(&shot_cond);
	}
	pthread_mutex_unlock(&notify_lock);
	if (!req.done || !req.f.pixels)
		return jk_fail(err, JK_EBUSY, "screenshot: %s",
		               req.done ? "out of memory" : "the display loop did not answer");
	*out = req.f;
	return 0;
}

/* The screen surface as XRGB8888 into f. */
static bool copy_screen(const kiosk *k, kiosk_frame *f)
{
	const SDL_Surface *s = k->screen;
	size_t pitch = s ? (size_t)s->w * 4 : 0;
	f->pixels = s ? malloc(pitch * (size_t)s->h) : NULL;
	if (f->pixels && SDL_ConvertPixels(s->w, s->h, s->format->format, s->pixels, s->pitch,
	                                   SDL_PIXELFORMAT_XRGB8888, f->pixels, (int)pitch) != 0) {
		free(f->pixels);
		f->pixels = NULL;
	}
	if (!f->pixels)
		return false;
	f->w = s->w;
	f->h = s->h;
	f->pitch = (int)pitch;
	return true;
}

/* Copies what the last present put out as XRGB8888 into the request
 * waiting, if any. */
void kiosk_wake_serve(const kiosk *k)
{
	pthread_mutex_lock(&notify_lock);
	shot *q = shot_asked;
	if (q) {
		q->done = true;
		shot_asked = NULL;
		if (k->gpu ? kiosk_gpu_read(k, &q->f) : copy_screen(k, &q->f)) {
			q->f.fade = k->fading ? (int)k->fade_a : 256;
			k->st->screenshots++;
		}
		pthread_cond_broadcast(&shot_cond);
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
	if (on && queue_n) {
		wake_locked(); /* commands queued before the run */
	} else if (!on) {
		/* Askers still waiting give up now (their request is theirs);
		 * what the run left untaken meant that run. */
		shot_asked = NULL;
		pthread_cond_broadcast(&shot_cond);
		queue_head = queue_n = 0;
	}
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
