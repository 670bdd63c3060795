/* kiosk.h — the slideshow loop: SDL2 window, one texture per page, event
 * driven (sleeps in SDL_WaitEventTimeout until the next deadline), crossfade
 * or cut, keys and touch, progress indicator, survives render resets.
 * Prefix kiosk_. */
#ifndef KIOSK_H
#define KIOSK_H

#include "posting.h"

/* Re-reads the sources into out (empty on entry, the caller's). Return 0 to
 * replace the deck with out, negative to keep the current one; out is
 * released either way by the loop. */
typedef int (*kiosk_reload_fn)(void *ud, posting_list *out, jk_err *err);

/* What the main program knows about its sources, asked by the loop through
 * kiosk_opts.status. */
typedef struct kiosk_status {
	bool stale;         /* content could not be refreshed lately */
	int64_t updated_at; /* unix seconds of the last good refresh, 0 unknown */
	char waiting[512];  /* with an empty deck: what it is trying to reach and
	                     * why it failed, one line */
} kiosk_status;

typedef struct kiosk_state {
	size_t slide;    /* index in the deck (postings' pages, then overview) */
	size_t nslides;
	size_t posting;  /* posting index, nposting for the overview */
	size_t nposting;
	size_t page, npages; /* within the posting */
	bool paused;
	bool waiting;        /* the waiting screen (no postings) */
	bool stale_mark;     /* the "offline · updated HH:MM" mark is on the page */
	const posting *item; /* the posting shown, NULL for overview/waiting;
	                      * borrowed, valid during the hook only */
	/* The composed page (XRGB8888, physical size), borrowed during the hook. */
	const void *frame;
	int frame_w, frame_h, frame_pitch;
} kiosk_state;

/* Figures the loop keeps, for tests and the benchmark. */
typedef struct kiosk_stats {
	double first_slide_ms;   /* from kiosk_run() entry to the first present */
	size_t frames;           /* presents: fades + ticks + slide changes + exposes */
	size_t fade_frames;      /* presents during crossfades */
	size_t ticks;            /* progress indicator redraws */
	size_t shown;            /* slides shown */
	size_t composes;         /* pages composed into textures */
	double compose_ms_total; /* time composing pages */
	double fade_ms_total;    /* time drawing crossfade frames */
	size_t resets;           /* render device/target resets survived */
	size_t reloads;
	size_t status_calls;     /* calls of opts.status */
	size_t waiting_composes; /* waiting screens composed */
} kiosk_stats;

typedef struct kiosk_opts {
	int win_w, win_h;       /* 0 x 0: full screen (desktop size) */
	int rotate;             /* 0, 90, 180, 270 */
	double slide_seconds;   /* <= 0: 12 */
	bool cut;               /* cut instead of crossfade */
	int fade_ms;            /* <= 0: 700 */
	bool accelerated;       /* a GPU renderer instead of the software one */
	double max_seconds;     /* > 0: quit after this long (tests, bench) */
	/* Called after each slide is first presented (tests push events). */
	void (*on_show)(void *ud, const kiosk_state *st);
	void *hook_ud;
	/* Fills st (zeroed before each call) with the sources' state. May be
	 * NULL. Called on the loop thread, at most about once a second and at
	 * slide changes; must not block (no I/O beyond a snapshot). */
	void (*status)(void *ud, kiosk_status *st);
	void *status_ud;
} kiosk_opts;

/* Thread-safe (any thread, also before or after kiosk_run()): asks the
 * loop to call reload at the next slide change (at once on the waiting
 * screen). Never blocks. */
void kiosk_notify_reload(void);

/* Shows list (borrowed; on reload its contents are replaced with what
 * reload returned and the old postings freed) until q/Esc/window close or
 * max_seconds. An empty list shows the waiting screen until a reload brings
 * postings. A reload keeps the position: the posting with the same id when
 * it still exists, else the one that took its place. stats may be NULL. Returns 0 on a normal quit, negative with
 * err set when no window or renderer could be had. */
int kiosk_run(posting_list *list, const kiosk_opts *o, kiosk_reload_fn reload, void *ud,
              kiosk_stats *stats, jk_err *err);

#endif
