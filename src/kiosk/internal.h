/* internal.h — what the parts of the kiosk loop share: the loop's state,
 * the rows of its timer table, and each part's functions. Not a contract
 * for other modules (that is include/kiosk.h). */
#ifndef KIOSK_INTERNAL_H
#define KIOSK_INTERNAL_H

#include "kiosk.h"

#include <SDL.h>

#define TICK_MS 1000   /* progress indicator redraws at most once a second */
#define STATUS_MS 1000 /* the waiting screen asks for news once a second */
#define REAP_MS 1000   /* finished display commands reaped once a second */
#define KIOSK_BANDS 32 /* a fade's changed rows in at most this many bands */

/* The rows of the loop's timer table, in the order they run when several
 * are due (loop.c has the table). */
enum kiosk_row {
	KT_END,      /* max_seconds: the loop ends */
	KT_ALIVE,    /* the keep-alive hook, every alive_ms / 2 */
	KT_REAP,     /* finished display commands reaped (lazy) */
	KT_WALL,     /* every wake: the wall clock read, the display schedule */
	KT_ANNOUNCE, /* the announcement's end, at its exact second */
	KT_STATUS,   /* the waiting screen's news */
	KT_SLIDE,    /* the next slide */
	KT_MINUTE,   /* every wake: the clock, the burn-in step of a still page */
	KT_FADE,     /* the next crossfade frame */
	KT_TICK,     /* the progress bar */
	KT_PRESENT,  /* every wake: what changed presented, the hooks told */
	KT_PUBLISH,  /* the publish hook: every publish_ms and after changes */
	KT_FLUSH,    /* the listener's periodic job (the impressions log) */
	KT_COUNT
};

/* What the loop copies out of kiosk_opts: strings and the schedule. */
typedef struct kiosk_store {
	char *header, *logo, *font, **fallback, *on, *off, *language, *careers;
	size_t nfallback;
	schedule *sched;
} kiosk_store;

typedef struct kiosk {
	const kiosk_opts *o; /* the caller's: hooks, window, limits */
	kiosk_opts cfg;      /* what reconfigure may change; strings in store */
	kiosk_store store;
	kiosk_stats *st;
	kiosk_timers timers; /* every deadline of the loop */
	SDL_Window *win;
	SDL_Renderer *ren;
	render_fonts *fonts;
	layout_theme theme;
	layout_params lp;    /* how the slides are laid out */
	kiosk_slides *sl;    /* which page is up */
	int pw, ph;          /* physical output size */
	SDL_Surface *cur_s;  /* the current page, composed once */
	SDL_Surface *screen; /* what is on screen: the window's own surface on the
	                      * software path (borrowed from SDL), else ours */
	SDL_Texture *tex;    /* accelerated path only: screen uploaded here */
	bool gpu;            /* the GPU path (gpu.c): tex is the new page, old_tex
	                      * the old one, a crossfade is tex's alpha */
	SDL_Texture *old_tex;
	SDL_Rect gpu_bar;           /* the progress bar's rectangle drawn over a fade */
	int draw_w, draw_h;         /* pages drawn at this size, scaled up into the window
	                             * (4K without a GPU, scale.c); 0: the window's */
	bool fading;                /* screen is being blended towards cur_s */
	unsigned fade_a;            /* how far (0-256) the blend on screen has come */
	unsigned fade_n;            /* frames of this crossfade out so far */
	kiosk_pace pace;            /* what frames and changes cost on this board */
	uint64_t slide_due;         /* ms: the running slide's change is due */
	uint64_t change_due;        /* ms: when change_pending, the change was due then */
	Uint64 change_t;            /* when change_pending: the change started (counter) */
	bool change_pending;        /* a timed change waits for its first frame out */
	SDL_Rect band[KIOSK_BANDS]; /* the rows the fade changes (screen.c) */
	size_t nband;
	bool whole;         /* the next present sends the whole screen (an expose) */
	Uint64 t0;          /* kiosk_run() entry (performance counter) */
	uint64_t shown_at;  /* ms: current slide first presented */
	uint64_t fade_at;   /* ms: crossfade start */
	uint64_t paused_at; /* ms: when paused */
	bool paused;
	Uint32 slide_ms, fade_ms;
	bool first_shown;
	bool first_marked;     /* the first frame's time taken (first.c) */
	bool fullscreen_later; /* x11: borderless first, full screen after the
	                        * first frame */
	bool need_present;
	float touch_x; /* where the finger went down */
	bool touch_down;
	kiosk_reload_fn reload;
	void *reload_ud;
	kiosk_status status;   /* the last answer of o->status */
	uint64_t status_at;    /* ms: when it was asked */
	bool status_asked;     /* status_at is set */
	char wait_shown[512];  /* the waiting line on screen */
	bool stale_mark;       /* the page on screen carries the offline mark */
	layout_box clock_slot; /* the band's clock slot (w 0: no clock) */
	char clock_text[8];    /* HH:MM in the page */
	long long clock_min;   /* wall minute the clock shows */
	int shift_x, shift_y;  /* burn-in shift in cur_s, physical px */
	unsigned burn_step;    /* the cycle step cur_s was shifted for */
	long long wms;         /* wall ms, read once a wake (KT_WALL) */
	long badge_day;        /* local date (posting_days) the badges are of */
	long long badge_min;   /* wall minute the badges' day was last checked in */
	bool off;              /* the schedule has the display off */
	bool sched_known;      /* off has been decided once */
	bool display_event;    /* a transition to report after its present */
	kiosk_announce ann;    /* the announcement up, when ann_up */
	bool ann_up;
} kiosk;

/* An urgent announcement has the screen: the slides stand still. */
static inline bool kiosk_urgent(const kiosk *k)
{
	return k->ann_up && k->ann.urgent;
}

/* moves.c: moving between slides, for the events and the commands. */
bool kiosk_running(const kiosk *k);
void kiosk_slide_arm(kiosk *k);
void kiosk_started(kiosk *k);
void kiosk_moved(kiosk *k);
void kiosk_go(kiosk *k, int dir);
bool kiosk_reload_keep(kiosk *k);
void kiosk_reload_now(kiosk *k);
void kiosk_pause_toggle(kiosk *k);
void kiosk_pause_set(kiosk *k, bool on);

/* report.c: what the listeners are told. */
void kiosk_state_of(const kiosk *k, kiosk_state *s);
void kiosk_report(kiosk *k);
void kiosk_publish_soon(kiosk *k);
void kiosk_publish(kiosk *k);

/* remote.c: what the control server asks. */
void kiosk_remote_command(kiosk *k, const kiosk_cmd *c);
void kiosk_announce_set(kiosk *k, const kiosk_announce *a);
void kiosk_announce_check(kiosk *k, long long wms);
void kiosk_announce_arm(kiosk *k);

/* wake.c: kiosk_notify_reload()'s other side. */
bool kiosk_wake_take(void); /* a reload was asked for (and is now taken) */
void kiosk_wake_active(bool on);
bool kiosk_wake_is(const SDL_Event *ev); /* the notify event */
int kiosk_wake_wait(SDL_Event *ev, Uint32 ms);
bool kiosk_wake_command(kiosk_cmd *out); /* the oldest queued command, taken */
void kiosk_wake_serve(const kiosk *k);   /* answers a screenshot asked for */

/* window.c: the window and the video drivers' quirks. */
bool kiosk_window_sleeps(void);
int kiosk_window_open(kiosk *k, jk_err *err);
bool kiosk_window_size(const kiosk *k, int *w, int *h);
void kiosk_window_fullscreen(kiosk *k);
void kiosk_window_close(kiosk *k);

/* renderer.c: the renderer and the drawing size, chosen once the window
 * is open (logged in one line each). */
int kiosk_renderer_open(kiosk *k, jk_err *err);

/* scale.c: pages drawn at draw_w x draw_h, scaled up into the window. */
bool kiosk_scaled_make(kiosk *k);                            /* screen: ours at that size */
void kiosk_scaled_flush(kiosk *k, const SDL_Rect *r, int n); /* r NULL: all */

/* gpu.c: the GPU path of the screen. */
bool kiosk_gpu_begin(kiosk *k); /* a crossfade starts: the page shown becomes
                                 * old_tex, cur_s goes to tex; false: no room
                                 * for two pages, the caller cuts */
void kiosk_gpu_flush(kiosk *k, const SDL_Rect *r, int n); /* r NULL: all */
bool kiosk_gpu_read(const kiosk *k, kiosk_frame *out);    /* what is shown */
void kiosk_gpu_free(kiosk *k);                            /* old_tex */

/* screen.c: the picture on the display. */
double kiosk_ms_since(Uint64 t);
void kiosk_screen_shift(SDL_Surface *s, int dx, int dy, uint32_t bg);
bool kiosk_screen_direct(const kiosk *k);
bool kiosk_screen_make(kiosk *k);
void kiosk_screen_retexture(kiosk *k);
void kiosk_screen_upload(kiosk *k);
void kiosk_screen_fade_begin(kiosk *k); /* finds the rows the fade changes */
void kiosk_screen_black(kiosk *k);
void kiosk_screen_flush(kiosk *k, const SDL_Rect *r);
void kiosk_screen_present(kiosk *k, uint64_t now, bool full);
void kiosk_screen_count(kiosk *k, Uint64 t0); /* a frame out, timed from t0 */
void kiosk_screen_free(kiosk *k);

/* compose.c: pages into cur_s, the wall clock, the sources' status. */
long long kiosk_wall_ms(const kiosk *k);
bool kiosk_local_tm(long long ms, struct tm *tm);
Uint32 kiosk_to_next_minute(long long ms);
unsigned kiosk_burn_step(const kiosk *k, long long ms);
void kiosk_ask_status(kiosk *k);
void kiosk_waiting_line(const kiosk *k, char *out, size_t cap);
void kiosk_compose(kiosk *k, bool fade);
/* The current page (or the waiting screen) into cur_s only, nothing on
 * the screen; false when nothing could be composed (cur_s NULL). */
bool kiosk_compose_page(kiosk *k);
void kiosk_clock_tick(kiosk *k, long long ms);
bool kiosk_badge_clock(kiosk *k, long long ms);

/* settings.c: kiosk_opts copied, the look applied, reconfigure. */
int kiosk_settings_copy(kiosk_opts *dst, kiosk_store *st, const kiosk_opts *src, jk_err *err);
void kiosk_settings_free(kiosk_store *s);
void kiosk_settings_timings(kiosk *k);
int kiosk_settings_look(kiosk *k, jk_err *err);
/* The fonts, the slides and the first page made on a thread while the
 * window opens (first.c), at the size kiosk_window_guess() expects.
 * _end waits for them; when the window is that size the page is on the
 * screen (shown), else the caller lays it out at the window's. Every
 * _begin needs its _end. */
typedef struct kiosk_first {
	SDL_Thread *th;
	kiosk *k;
	posting_list *list;  /* borrowed */
	bool guess;          /* lay out at a guessed size (on the thread) */
	int w, h;            /* the size guessed */
	bool guessed;        /* w x h was guessed (beside the postings' read) */
	void *xconn;         /* the guess's X connection, held until the window is */
	bool composed;       /* cur_s holds the first page at w x h */
	bool shown;          /* ... and it is on the screen */
	SDL_atomic_t made;   /* the first page is made (or will not be) */
	render_fonts *fonts; /* opened beside the postings' read */
	int fonts_r;
	jk_err fonts_err;
	posting_list early; /* what the deck shows first (load_first) */
	kiosk_slides *full; /* the slides of all of them, made after */
	SDL_sem *ready;     /* posted when early's page is made, and at the end */
	SDL_sem *shown_sem; /* posted by the main thread once it is shown */
	bool early_shown;   /* ... and on the screen */
	int r;
	jk_err err;
} kiosk_first;
void kiosk_first_begin(kiosk *k, posting_list *list, kiosk_first *j);
int kiosk_first_end(kiosk *k, kiosk_first *j, bool window, jk_err *err);
/* Takes f (owned) as the kiosk's fonts. */
void kiosk_settings_use_fonts(kiosk *k, render_fonts *f);
void kiosk_settings_reconfigure(kiosk *k);

#endif
