/* kiosk.h — the slideshow loop: SDL2 window, one texture per page, event
 * driven (sleeps in SDL_WaitEventTimeout until the next deadline of its
 * timer table), crossfade or cut, keys and touch, progress indicator,
 * survives render resets. Also its two SDL-free parts, for tests and for
 * --render: the slide model (kiosk_slides_) and the timer table
 * (kiosk_timers_). Prefix kiosk_. */
#ifndef KIOSK_H
#define KIOSK_H

#include "layout.h"
#include "posting.h"
#include "render.h"
#include "schedule.h"

#include <stdint.h>
#include <time.h>

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

/* An announcement from the control server: a band on every slide
 * (info), or the whole screen (urgent), until `until`. */
#define KIOSK_ANNOUNCE_MAX 280
typedef struct kiosk_announce {
	char text[KIOSK_ANNOUNCE_MAX + 1]; /* checked: valid UTF-8, one line */
	bool urgent;
	int64_t until; /* unix seconds (wall clock) */
} kiosk_announce;

typedef struct kiosk_state {
	size_t slide; /* index in the deck (postings' pages, then overview) */
	size_t nslides;
	size_t posting; /* posting index, nposting for the overview */
	size_t nposting;
	size_t page, npages; /* within the posting */
	bool paused;
	bool waiting;         /* the waiting screen (no postings) */
	bool stale_mark;      /* the "offline · updated HH:MM" mark is on the page */
	const posting *item;  /* the posting shown, NULL for overview/waiting;
	                       * borrowed, valid during the hook only */
	bool display_off;     /* the schedule has the display off (on_display) */
	int shift_x, shift_y; /* the burn-in shift of the picture, physical px */
	/* The composed page (XRGB8888, physical size), borrowed during the hook. */
	const void *frame;
	int frame_w, frame_h, frame_pitch;
	const posting_list *list; /* the deck, borrowed during the hook */
	int64_t next_change;      /* unix seconds of the next schedule change, 0 none */
	bool next_on;             /* what it changes to */
	bool has_announce;        /* announce is up (not expired) */
	kiosk_announce announce;
} kiosk_state;

#define KIOSK_FRAME_BUCKETS 9
#define KIOSK_LATE_KEEP 256
extern const double kiosk_frame_le_ms[KIOSK_FRAME_BUCKETS - 1];

/* Figures the loop keeps, for tests and the benchmark. */
typedef struct kiosk_stats {
	double first_slide_ms;   /* from kiosk_run() entry to the first present */
	bool first_early;        /* the first page was made while the window opened
	                          * (the window came out the size guessed) */
	size_t frames;           /* presents: fades + ticks + slide changes + exposes */
	size_t fade_frames;      /* presents during crossfades */
	size_t ticks;            /* progress indicator redraws */
	size_t shown;            /* slides shown */
	size_t composes;         /* pages composed into textures */
	double compose_ms_total; /* time composing pages */
	double fade_ms_total;    /* time drawing crossfade frames */
	size_t fades_begun;      /* crossfades started */
	size_t fade_rows;        /* rows that differed, summed over those: only
	                          * these are blended and sent */
	size_t resets;           /* render device/target resets survived */
	size_t reloads;
	size_t status_calls;              /* calls of opts.status */
	size_t waiting_composes;          /* waiting screens composed */
	size_t clock_ticks;               /* clock redraws (once a minute, partial) */
	size_t display_offs, display_ons; /* schedule transitions */
	size_t alive_calls;               /* calls of opts.alive */
	size_t reconfigures;              /* reconfigure calls that changed something */
	size_t shifts;                    /* burn-in shift changes */
	size_t new_days;                  /* layouts redone for a new local date
	                                   * (the badges) */
	/* Frame times (compose and present of one frame, ms) by bucket:
	 * frame_hist[i] counts frames <= kiosk_frame_le_ms[i] and above the
	 * bucket before; the last counts the rest. */
	uint64_t frame_hist[KIOSK_FRAME_BUCKETS];
	double frame_ms_sum;
	size_t commands; /* commands taken from kiosk_command() */
	size_t screenshots;
	/* Slide changes by the slide timer, and how late each one's first
	 * frame came out (ms after it was due, early is 0): the last
	 * KIOSK_LATE_KEEP of them, oldest overwritten first. */
	size_t changes;
	double late_ms[KIOSK_LATE_KEEP];
	double late_ms_max;
	size_t fades;        /* crossfades that ran to their end */
	double fade_wall_ms; /* their time from first frame to last */
	size_t fade_gaps;    /* frame-to-frame steps in them: fps = gaps / wall */
	size_t fade_cuts;    /* changes cut, and fades ended early, for the CPU (kiosk_pace) */
	size_t fade_slowed;  /* fade frames followed by more than KIOSK_PACE_GAP_MS */
} kiosk_stats;

typedef struct kiosk_opts {
	int win_w, win_h;     /* 0 x 0: full screen (desktop size) */
	int rotate;           /* 0, 90, 180, 270 */
	double slide_seconds; /* <= 0: 12 */
	bool cut;             /* cut instead of crossfade */
	int fade_ms;          /* <= 0: 700 */
	bool accelerated;     /* an SDL renderer (SDL's choice) instead of the
	                       * window's surface; renderer below picks a GPU */
	double max_seconds;   /* > 0: quit after this long (tests, bench) */
	/* Called after each slide is first presented (tests push events). */
	void (*on_show)(void *ud, const kiosk_state *st);
	void *hook_ud;
	/* Fills st (zeroed before each call) with the sources' state. May be
	 * NULL. Called on the loop thread (the first time on the thread that
	 * makes the first page while the window opens), at most about once a
	 * second and at slide changes; must not block (no I/O beyond a
	 * snapshot). */
	void (*status)(void *ud, kiosk_status *st);
	void *status_ud;

	/* Everything below: zero keeps the behaviour of before. Strings and
	 * the schedule are copied at kiosk_run() start and after reconfigure,
	 * so the caller's storage need only live during those calls. */
	render_look look;   /* zeroed: the default look (an all-zero theme
	                     * is layout_theme_default()) */
	int mode_w, mode_h; /* full screen at this display mode (the closest
	                     * the display has); 0: the desktop's mode */
	/* Burn-in care: the whole picture moves by up to burn_in_shift px
	 * every burn_in_minutes along a fixed cycle (kiosk_burn_in_offset);
	 * 0: off. */
	int burn_in_shift;
	int burn_in_minutes;
	/* When the display is on (NULL or empty: always). Off: a black screen,
	 * nothing drawn, no slide changes; on again: the current slide. */
	const schedule *schedule;
	/* Run with platform_spawn() at the transitions (and at start, when a
	 * schedule is set, the one for the state it starts in). NULL: none. */
	const char *display_on_command, *display_off_command;
	/* Called with hook_ud from the loop at least every alive_ms while the
	 * loop is healthy (a watchdog keep-alive); alive_ms 0: about every
	 * second. */
	void (*alive)(void *ud);
	unsigned alive_ms;
	/* Wall clock (unix seconds) for the clock, the schedule and the stale
	 * mark, called with hook_ud; NULL: time(). May jump either way. */
	time_t (*now)(void *ud);
	/* Called with hook_ud on the loop thread right after each successful
	 * reload, with next holding the settings in force. It may change
	 * next's look, slide_seconds, cut, fade_ms, burn-in, schedule and
	 * display commands (other fields: rotate and the mode need a restart,
	 * logged and ignored) and returns true when it did. */
	bool (*reconfigure)(void *ud, struct kiosk_opts *next);
	/* Called with hook_ud after each schedule transition was presented;
	 * st->frame is then what the screen shows (black when off). */
	void (*on_display)(void *ud, const kiosk_state *st);
	/* A periodic job of a listener (the impressions log's write,
	 * report_log_tick), called with hook_ud from the loop's timer table:
	 * first flush_ms after the start, then after the ms it returns (0:
	 * flush_ms; at least a second). NULL: none. */
	unsigned (*flush)(void *ud);
	unsigned flush_ms;
	/* Called with hook_ud on the loop thread about every publish_ms (0:
	 * 1000) and right after each change (slide, pause, display, deck,
	 * announcement): what is up and the loop's figures, for the control
	 * server. NULL: none. */
	void (*publish)(void *ud, const kiosk_state *st, const kiosk_stats *stats);
	unsigned publish_ms;
	/* The announcement to start with (a saved one): text empty or until
	 * past: none. */
	kiosk_announce announce;
	/* Fills list (empty then) with the postings, called once with hook_ud
	 * on the thread that makes the first page while the window opens, so
	 * reading them costs the screen no time of its own. NULL: list holds
	 * them already. */
	void (*load)(void *ud, posting_list *list);
	/* May be NULL. Fills list (empty then) with what the deck shows first
	 * when that is known before all is read (listed order: the first
	 * file's): its first page is made and shown while load reads the
	 * rest. The first posting load gives must be the same, or the page is
	 * made again. */
	void (*load_first)(void *ud, posting_list *list);
	/* Which renderer draws (KIOSK_RENDERER_*); zero: software, as before. */
	int renderer;
	/* Full screen at the desktop's mode (mode_w 0) above 1920x1080 without
	 * a GPU renderer: the display's 1920x1080 mode when it has one, else
	 * pages drawn at 1920x1080 at most and scaled up by SDL (resolution =
	 * auto); false keeps the desktop's size (resolution = native). */
	bool fit_1080;
} kiosk_opts;

/* kiosk_opts.renderer. AUTO: a GPU renderer only when the OpenGL (ES)
 * driver is hardware, not llvmpipe, softpipe or swrast; GPU: that renderer
 * even on a software rasteriser (software when none can be had). */
enum { KIOSK_RENDERER_SOFTWARE, KIOSK_RENDERER_AUTO, KIOSK_RENDERER_GPU };

/* How a full-screen kiosk with fit_1080 fills a display: what
 * kiosk_display_plan() decides. */
typedef struct kiosk_plan {
	int mode_w, mode_h; /* a display mode to set; 0: keep the desktop's */
	int draw_w, draw_h; /* pages drawn at this size and scaled to the
	                     * screen by SDL; 0: drawn at the screen's size */
} kiosk_plan;

/* The plan for a desktop of dw x dh whose display offers the modes
 * modes[0..n) (w, h pairs; borrowed): nothing when it is at most
 * 1920x1080 or gpu is set; else its 1920x1080 mode when listed; else the
 * largest size of the desktop's aspect within 1920x1080 (half of 4K). */
kiosk_plan kiosk_display_plan(int dw, int dh, const int (*modes)[2], size_t n, bool gpu);

/* Call once, before any thread starts, in a program that will run the
 * slideshow: the kiosk takes no typed text, so Xlib is told there is no
 * compose table to read (XCOMPOSEFILE=/dev/null, unless one is set).
 * Reading the locale's table, some 6,000 lines, is the largest part of
 * SDL's X11 start: ~11 ms of CPU. */
void kiosk_prepare(void);

/* The size kiosk_run() expects its drawing to have with o, before the
 * video driver starts: the window's or the mode's asked for, else the X
 * server's first screen (SDL_VIDEODRIVER x11, or unset with DISPLAY) or
 * the first connected KMS connector's first mode (kmsdrm, or unset with
 * no display), after o->fit_1080's plan. False when it cannot be known
 * (other drivers, no server): the first page then waits for the window. */
bool kiosk_window_guess(const kiosk_opts *o, int *w, int *h);

/* True when gl (a GL_RENDERER string, borrowed) names one of Mesa's CPU
 * rasterisers (llvmpipe, softpipe, swrast), which renderer = auto
 * refuses. */
bool kiosk_gl_software(const char *gl);

/* The burn-in offset of step `step` of the cycle for a physical w x h
 * screen and a shift of up to `shift` px: clamped so every box inside the
 * layout's 5% safe area stays inside the 3.5% action-safe area. The cycle
 * has KIOSK_BURN_IN_STEPS steps; step 0 is (0, 0). */
#define KIOSK_BURN_IN_STEPS 9
void kiosk_burn_in_offset(int w, int h, int shift, unsigned step, int *dx, int *dy);

/* Thread-safe (any thread, also before or after kiosk_run()): asks the
 * loop to call reload at the next slide change (at once on the waiting
 * screen). Never blocks. */
void kiosk_notify_reload(void);

/* Commands from another thread (the control server). Thread-safe, never
 * blocks; they reach the loop as events, like kiosk_notify_reload. */
typedef enum kiosk_cmd_kind {
	KIOSK_CMD_NEXT,
	KIOSK_CMD_PREV,
	KIOSK_CMD_PAUSE,
	KIOSK_CMD_RESUME,
	KIOSK_CMD_RELOAD,
	KIOSK_CMD_GOTO,       /* id: the posting's first page (unknown: logged) */
	KIOSK_CMD_ANNOUNCE,   /* announce replaces the one up */
	KIOSK_CMD_UNANNOUNCE, /* the one up goes */
} kiosk_cmd_kind;

typedef struct kiosk_cmd {
	kiosk_cmd_kind kind;
	char id[128];
	kiosk_announce announce;
} kiosk_cmd;

/* Queues c for the loop (copied). 0, or JK_EBUSY when the queue (32
 * commands) is full. */
int kiosk_command(const kiosk_cmd *c);

/* A copy of what the screen shows now, overlays included (XRGB8888, the
 * size pages are drawn at; on the GPU path read back from the renderer;
 * out->pixels caller frees with free()). Asks the loop and waits up to
 * timeout_ms for it to copy the picture. Thread-safe (not from the loop
 * thread). JK_EBUSY when no loop runs or it did not answer in time. */
typedef struct kiosk_frame {
	void *pixels;
	int w, h, pitch;
	int fade; /* how far (0-256) the crossfade shown has come; 256: none */
} kiosk_frame;
int kiosk_screenshot(kiosk_frame *out, unsigned timeout_ms, jk_err *err);

/* Shows list (borrowed; on reload its contents are replaced with what
 * reload returned and the old postings freed) until q/Esc/window close or
 * max_seconds. An empty list shows the waiting screen until a reload brings
 * postings. A reload keeps the position: the posting with the same id when
 * it still exists, else the one that took its place. stats may be NULL. Returns 0 on a normal quit,
 * negative with err set when no window or renderer could be had. */
int kiosk_run(posting_list *list, const kiosk_opts *o, kiosk_reload_fn reload, void *ud,
              kiosk_stats *stats, jk_err *err);

/* ---- the slide model (no SDL) ------------------------------------------
 *
 * Which posting and page is up. The slides are every page of every posting,
 * then the overview's pages; an empty list is the waiting state (no
 * slides). Postings are laid out lazily, when first asked for, through the
 * caller's layout_params; the model owns the layout_docs. */
typedef struct kiosk_slides kiosk_slides;

/* A model over list (borrowed: it must outlive the model; only
 * kiosk_slides_reload() changes its contents) laid out with lp (borrowed,
 * read at each layout: after changing it call kiosk_slides_forget()). The
 * position starts at the first page of the first posting. *out: free with
 * kiosk_slides_free(). JK_ENOMEM. */
int kiosk_slides_new(posting_list *list, const layout_params *lp, kiosk_slides **out, jk_err *err);
/* Frees the model and its layouts, not the list. Accepts NULL. */
void kiosk_slides_free(kiosk_slides *s);

/* Postings in the deck; 0 is the waiting state. Entry i < count is posting
 * i, entry count the overview (only when count > 0). */
size_t kiosk_slides_count(const kiosk_slides *s);
/* The layout of entry i (i <= count, count > 0), laid out on first use;
 * *out is borrowed until the entry is laid out again. A failed layout
 * fails again with JK_EFORMAT on later calls (no second try until
 * kiosk_slides_forget()). */
int kiosk_slides_doc(kiosk_slides *s, size_t i, const layout_doc **out, jk_err *err);
/* Pages of entry i; 0 when its layout failed (logged once). */
size_t kiosk_slides_pages(kiosk_slides *s, size_t i);
/* Drops the layout of entry i (laid out again when next used). */
void kiosk_slides_drop(kiosk_slides *s, size_t i);
/* Drops every layout: the layout_params changed (size, look). */
void kiosk_slides_forget(kiosk_slides *s);

/* The position: the entry (posting index, count for the overview; 0 when
 * waiting) and the page in it. */
size_t kiosk_slides_posting(const kiosk_slides *s);
size_t kiosk_slides_page(const kiosk_slides *s);
/* The list the slides show (borrowed). */
const posting_list *kiosk_slides_list(const kiosk_slides *s);
/* The posting up, NULL on the overview or when waiting; borrowed. */
const posting *kiosk_slides_item(const kiosk_slides *s);
/* The language of the kiosk's words on the entry up: its posting's
 * (layout_lang), else the overview's or the waiting screen's
 * (kiosk_screen_lang over the deck). Borrowed, static or in tag. */
const char *kiosk_slides_lang(const kiosk_slides *s, char tag[POSTING_LANG_MAX]);
/* Puts the position on an entry that has pages, at a page it has (lays
 * out what it needs). Nothing moves when no entry lays out. */
void kiosk_slides_settle(kiosk_slides *s);
/* Moves dir (+1 or -1) pages, wrapping around after the overview and
 * skipping entries that do not lay out. The waiting state stays. */
void kiosk_slides_step(kiosk_slides *s, int dir);
/* Puts the position on the first page of the posting whose id is id
 * (borrowed). False, nothing moved, when no posting has it or it does
 * not lay out. */
bool kiosk_slides_goto_id(kiosk_slides *s, const char *id);
/* Replaces the list's contents with next's (next is left empty, the old
 * postings freed) keeping the position: the posting up by id when it is
 * still there, else the one now at its index; the overview stays the
 * overview. Call kiosk_slides_settle() after. On failure (JK_ENOMEM)
 * nothing changed and next is the caller's still. */
int kiosk_slides_reload(kiosk_slides *s, posting_list *next, jk_err *err);

/* The language of the kiosk's words on a screen that belongs to no posting
 * (the waiting screen, the overview of items[0..n)): lp->language when the
 * setting fixes it, else the language most of the postings are in
 * (layout_lang_of; the first seen of equals), else the environment's
 * locale (LC_ALL, LC_MESSAGES, LANG), else "en". The one place that
 * choice is made. Borrowed from lp or items, static, or written into
 * out. */
const char *kiosk_screen_lang(const layout_params *lp, const posting *const *items, size_t n,
                              char out[POSTING_LANG_MAX]);

/* ---- pacing the fades (no SDL) -----------------------------------------
 *
 * A board's CPU decides how a slide change looks, not a setting: the loop
 * feeds what each crossfade frame and each slide change cost (wall ms,
 * throttling included), and asks how long to wait between fade frames,
 * whether a change may fade at all, and how early to start a change so
 * its first frame is out on time. Frames become fewer first, then the
 * change cuts; a slide is never late for a fade. */

#define KIOSK_PACE_GAP_MS 33    /* rest after a cheap fade frame: about 25 a second */
#define KIOSK_PACE_FLOOR_MS 100 /* a fade slower than 10 frames a second is a cut */
#define KIOSK_PACE_PROBE 8      /* cuts for the cost between fades that try again */

typedef struct kiosk_pace {
	double frame_ms;          /* a fade frame's cost, moving average; 0 before the first */
	double change_ms;         /* a slide change's cost (timer to first frame out): rises at
	                           * once, decays slowly, so it covers the worst of late */
	unsigned nframe, nchange; /* samples fed */
	unsigned cuts;            /* changes cut in a row for the frames' cost */
} kiosk_pace;

/* Feeds the cost of one fade frame (blend and present), ms. */
void kiosk_pace_frame(kiosk_pace *p, double ms);
/* Feeds the cost of one slide change, from its start to its first frame out, ms. */
void kiosk_pace_change(kiosk_pace *p, double ms);
/* ms to wait after a fade frame is out before the next one:
 * KIOSK_PACE_GAP_MS, or a frame's cost when that is more (fades take at
 * most half the CPU; a slow board draws fewer frames, never queues them). */
unsigned kiosk_pace_gap(const kiosk_pace *p);
/* The period between fade frames' starts: the gap plus a frame's cost. */
unsigned kiosk_pace_period(const kiosk_pace *p);
/* How early (ms) to start a slide change before it is due: its cost, at
 * most a quarter of slide_ms. */
unsigned kiosk_pace_lead(const kiosk_pace *p, unsigned slide_ms);
/* Decides whether a change crossfades for fade_ms when the next change is
 * due next_ms after it starts: false (cut) when frames would come slower
 * than KIOSK_PACE_FLOOR_MS, or when the fade would not be over before the
 * next change must start. The 2nd, the 4th and then every
 * KIOSK_PACE_PROBE-th cut in a row for the cost lets one fade through:
 * its frames measure the board again (a hiccup passes, load goes), and
 * the loop ends it early when they are still too dear. */
bool kiosk_pace_fades(kiosk_pace *p, unsigned fade_ms, unsigned next_ms);
/* The median of v[0..n) (0 for n == 0); sorts v in place. */
double kiosk_pace_median(double *v, size_t n);

/* ---- the timer table (no SDL) -------------------------------------------
 *
 * The loop's deadlines, as nsxiv keeps them: rows of (deadline, handler).
 * kiosk_timers_run() runs every row that is due, in row order, and returns
 * how long the loop may sleep. Times are monotonic milliseconds the caller
 * passes in, so a test can drive the table with a fake clock. A row is
 * one-shot: it is disarmed just before its handler runs, and the handler
 * (or anything else) arms it again with kiosk_timers_set(). */

/* A row's handler: ud is the table's; now what kiosk_timers_run() got.
 * Returns false to end the run at once (the loop ends). */
typedef bool (*kiosk_timer_fn)(void *ud, uint64_t now);

enum {
	/* Runs at every kiosk_timers_run(), due or not: wall-clock work,
	 * since the wall clock may have jumped while the loop slept. Its
	 * deadline only says when at the latest. */
	KIOSK_TIMER_EACH_RUN = 1u << 0,
	/* Its deadline never shortens the wait: it runs when due at a run
	 * that happens for something else. */
	KIOSK_TIMER_LAZY = 1u << 1,
};

typedef struct kiosk_timer {
	const char *name; /* static: for tests and logs */
	kiosk_timer_fn fn;
	unsigned flags; /* KIOSK_TIMER_* */
	bool armed;
	uint64_t due; /* when armed: monotonic ms */
} kiosk_timer;

#define KIOSK_TIMERS_MAX 16
/* The longest wait returned, also when nothing is armed. */
#define KIOSK_TIMERS_IDLE_MS 60000u

typedef struct kiosk_timers {
	kiosk_timer rows[KIOSK_TIMERS_MAX];
	size_t n;
	void *ud;      /* passed to every handler */
	uint64_t last; /* now of the last run */
	bool ran;
} kiosk_timers;

/* Copies rows[0..n) (n <= KIOSK_TIMERS_MAX; armed and due as given) into
 * t; handlers get ud. */
void kiosk_timers_init(kiosk_timers *t, const kiosk_timer *rows, size_t n, void *ud);
/* Arms row i for due (any time; one already past runs at the next run). */
void kiosk_timers_set(kiosk_timers *t, size_t i, uint64_t due);
/* Disarms row i. */
void kiosk_timers_stop(kiosk_timers *t, size_t i);
/* Runs the rows that are due at now (and the EACH_RUN rows), in row order,
 * each at most once, and returns the ms until the nearest armed non-lazy
 * deadline (0 when one is already due, at most KIOSK_TIMERS_IDLE_MS). A
 * clock that went back since the last run moves every deadline back by as
 * much, so no wait grows by the step. *stop (may be NULL) becomes true when
 * a handler ended the run; the wait is then 0. */
unsigned kiosk_timers_run(kiosk_timers *t, uint64_t now, bool *stop);

#endif
