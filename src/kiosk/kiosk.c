/* kiosk.c — the slideshow loop.
 *
 * Wall-clock things (the clock in the header band, the display schedule,
 * the burn-in shift) are re-read from the wall clock at every wake and at
 * least once a minute; the loop never sleeps on a duration derived from the
 * wall clock beyond the next minute, so a clock that jumps either way is
 * followed within a minute. The monotonic clock (SDL_GetTicks) times
 * slides and fades.
 *
 * Event driven: the loop sleeps until the nearest deadline (slide change,
 * progress tick, next crossfade frame). Each page is composed once
 * (render_page: the same pixels --render writes). On the software path the
 * screen is the window's own surface: a crossfade blends it in place
 * towards the new page (an integer blend, a few ms a frame on a Pi-class
 * CPU, no third copy of the screen), and the once-a-second progress tick
 * redraws and sends only the bar's rows. Postings are laid out lazily, when
 * first shown, so the first slide comes fast. */
#include "kiosk.h"

#include "platform.h"
#include "render.h"

#include <SDL.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TICK_MS 1000 /* progress indicator redraws at most once a second */
#define FRAME_MS 33  /* crossfade at 30 frames a second: smooth, half the CPU of 60 */

#define STATUS_MS 1000 /* the waiting screen asks for news once a second */
#define REAP_MS 1000   /* finished display commands reaped once a second */
#define COMMAND_TIMEOUT_S 30

/* kiosk_notify_reload() may come from any thread at any time: a flag the
 * loop reads at slide changes, and a wake-up event pushed only while the
 * loop's event queue exists (the lock keeps SDL_Quit from racing it). */
static pthread_mutex_t notify_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t notify_cond = PTHREAD_COND_INITIALIZER;
static bool notify_pending;
static unsigned notify_gen; /* counts notifications: wakes wait_event */
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

/* Video drivers whose SDL_WaitEventTimeout really sleeps; the others
 * (offscreen, dummy, kmsdrm in SDL 2.26) poll every millisecond inside it,
 * which alone costs more CPU than the whole slideshow. */
static bool driver_sleeps(void)
{
	const char *d = SDL_GetCurrentVideoDriver();
	return d && (!strcmp(d, "x11") || !strcmp(d, "wayland") || !strcmp(d, "windows") ||
	             !strcmp(d, "cocoa"));
}

/* Waits up to ms for an event. On drivers that cannot sleep in SDL, the
 * loop sleeps on our condition (woken by kiosk_notify_reload) in slices of
 * POLL_MS, so input is still seen within that. */
#define POLL_MS 50
static int wait_event(SDL_Event *ev, Uint32 ms)
{
	if (driver_sleeps())
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

static bool take_notify(void)
{
	pthread_mutex_lock(&notify_lock);
	bool p = notify_pending;
	notify_pending = false;
	pthread_mutex_unlock(&notify_lock);
	return p;
}

static void set_active(bool on)
{
	pthread_mutex_lock(&notify_lock);
	if (on && !notify_event) {
		Uint32 t = SDL_RegisterEvents(1);
		notify_event = t == (Uint32)-1 ? 0 : t;
	}
	loop_active = on;
	pthread_mutex_unlock(&notify_lock);
}

typedef struct deck {
	posting_list *list;
	layout_doc *docs; /* n + 1: the postings, then the overview */
	bool *laid;
	size_t n;
	layout_params lp;
} deck;

/* What the loop copies out of kiosk_opts: strings and the schedule. */
typedef struct kstore {
	char *header, *logo, *font, **fallback, *on, *off;
	size_t nfallback;
	schedule *sched;
} kstore;

typedef struct kiosk {
	const kiosk_opts *o; /* the caller's: hooks, window, limits */
	kiosk_opts cfg;      /* what reconfigure may change; strings in store */
	kstore store;
	kiosk_stats *st;
	SDL_Window *win;
	SDL_Renderer *ren;
	render_fonts *fonts;
	layout_theme theme;
	deck d;
	int pw, ph;          /* physical output size */
	size_t cur, page;    /* posting index (n = overview), page */
	SDL_Surface *cur_s;  /* the current page, composed once */
	SDL_Surface *screen; /* what is on screen: the window's own surface on the
	                      * software path (borrowed from SDL), else ours */
	SDL_Texture *tex;    /* accelerated path only: screen uploaded here */
	bool fading;         /* screen is being blended towards cur_s */
	unsigned fade_a;     /* how far (0-256) the blend on screen has come */
	Uint64 t0;           /* kiosk_run() entry */
	Uint32 shown_at;     /* ms: current slide first presented */
	Uint32 fade_at;      /* ms: crossfade start */
	Uint32 paused_at;    /* ms: when paused, 0 when running */
	Uint32 last_tick;
	Uint32 slide_ms, fade_ms;
	bool first_shown;
	bool fullscreen_later; /* x11: borderless first, full screen after the
	                        * first frame */
	bool need_present;
	float touch_x; /* where the finger went down */
	bool touch_down;
	kiosk_reload_fn reload;
	void *reload_ud;
	kiosk_status status;   /* the last answer of o->status */
	Uint32 status_at;      /* ms: when it was asked */
	char wait_shown[512];  /* the waiting line on screen */
	bool stale_mark;       /* the page on screen carries the offline mark */
	layout_box clock_slot; /* the band's clock slot (w 0: no clock) */
	char clock_text[8];    /* HH:MM in the page */
	long long clock_min;   /* wall minute the clock shows */
	int shift_x, shift_y;  /* burn-in shift in cur_s, physical px */
	unsigned burn_step;    /* the cycle step cur_s was shifted for */
	bool off;              /* the schedule has the display off */
	bool sched_known;      /* off has been decided once */
	bool display_event;    /* a transition to report after its present */
	Uint32 reap_at, alive_at;
} kiosk;

static double ms_since(Uint64 t)
{
	return (double)(SDL_GetPerformanceCounter() - t) * 1000.0 /
	       (double)SDL_GetPerformanceFrequency();
}

/* ---- wall clock -------------------------------------------------------- */

/* Wall time in ms: the now hook (seconds) or CLOCK_REALTIME. Clamped to
 * +-30,000 years so arithmetic on a wild hook value cannot overflow. */
static long long wall_ms(const kiosk *k)
{
	long long t;
	if (k->o->now) {
		t = (long long)k->o->now(k->o->hook_ud);
		const long long lim = 1000000000000LL;
		t = (t > lim ? lim : t < -lim ? -lim : t) * 1000;
	} else {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		t = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	}
	return t;
}

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Local time of wall ms; false when the C library cannot represent it. */
static bool local_tm(long long ms, struct tm *tm)
{
	time_t t = (time_t)floor_div(ms, 1000);
	return localtime_r(&t, tm) != NULL;
}

/* ms until the next wall-clock minute, at most a minute. */
static Uint32 to_next_minute(long long ms)
{
	long long r = ms - floor_div(ms, 60000) * 60000;
	return (Uint32)(60000 - r + 20); /* just past the boundary */
}

/* ---- settings copied from kiosk_opts ------------------------------------ */

static void store_free(kstore *s)
{
	free(s->header);
	free(s->logo);
	free(s->font);
	for (size_t i = 0; s->fallback && i < s->nfallback; i++)
		free(s->fallback[i]);
	free(s->fallback);
	free(s->on);
	free(s->off);
	free(s->sched);
	memset(s, 0, sizeof *s);
}

static bool dup_into(char **dst, const char *src)
{
	*dst = src ? jk_strndup(src, (size_t)-1) : NULL;
	return !src || *dst;
}

/* *dst = *src with the strings and the schedule copied into st (a fresh
 * store; freed on failure). The theme is made explicit. */
static int cfg_copy(kiosk_opts *dst, kstore *st, const kiosk_opts *src, jk_err *err)
{
	memset(st, 0, sizeof *st);
	*dst = *src;
	bool ok = dup_into(&st->header, src->look.header) && dup_into(&st->logo, src->look.logo) &&
	          dup_into(&st->font, src->look.font) &&
	          dup_into(&st->on, src->display_on_command) &&
	          dup_into(&st->off, src->display_off_command);
	size_t nf = src->look.fallback_fonts ? src->look.nfallback : 0;
	if (ok && nf) {
		st->fallback = calloc(nf, sizeof *st->fallback);
		ok = st->fallback != NULL;
		st->nfallback = ok ? nf : 0;
		for (size_t i = 0; ok && i < nf; i++)
			ok = dup_into(&st->fallback[i], src->look.fallback_fonts[i]);
	}
	if (ok && src->schedule && src->schedule->n) {
		st->sched = malloc(sizeof *st->sched);
		ok = st->sched != NULL;
		if (ok)
			*st->sched = *src->schedule;
	}
	if (!ok) {
		store_free(st);
		return jk_fail(err, JK_ENOMEM, "kiosk: out of memory copying the settings");
	}
	dst->look.header = st->header;
	dst->look.logo = st->logo;
	dst->look.font = st->font;
	dst->look.fallback_fonts = (const char *const *)st->fallback;
	dst->look.nfallback = st->nfallback;
	dst->look.theme = render_look_theme(&src->look);
	dst->display_on_command = st->on;
	dst->display_off_command = st->off;
	dst->schedule = st->sched;
	return 0;
}

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool look_equal(const render_look *a, const render_look *b)
{
	if (memcmp(&a->theme, &b->theme, sizeof a->theme) || !str_eq(a->header, b->header) ||
	    !str_eq(a->logo, b->logo) || !str_eq(a->font, b->font) || a->clock != b->clock ||
	    a->nfallback != b->nfallback)
		return false;
	for (size_t i = 0; i < a->nfallback; i++)
		if (!str_eq(a->fallback_fonts[i], b->fallback_fonts[i]))
			return false;
	return true;
}

/* ---- burn-in ----------------------------------------------------------- */

void kiosk_burn_in_offset(int w, int h, int shift, unsigned step, int *dx, int *dy)
{
	/* A ring around the centre, neighbour to neighbour. */
	static const signed char cyc[KIOSK_BURN_IN_STEPS][2] = {
	    {0, 0}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
	int x0, y0, x1, y1;
	layout_safe_area(w, h, &x0, &y0, &x1, &y1);
	/* The action-safe margin, 3.5% rounded up: what the 5% margin leaves. */
	int mx = x0 - (w * 35 + 999) / 1000, my = y0 - (h * 35 + 999) / 1000;
	int sx = shift < mx ? shift : mx, sy = shift < my ? shift : my;
	sx = sx > 0 ? sx : 0;
	sy = sy > 0 ? sy : 0;
	*dx = cyc[step % KIOSK_BURN_IN_STEPS][0] * sx;
	*dy = cyc[step % KIOSK_BURN_IN_STEPS][1] * sy;
}

/* The cycle step for wall time ms; 0 when burn-in care is off. */
static unsigned burn_step(const kiosk *k, long long ms)
{
	if (k->cfg.burn_in_shift <= 0 || k->cfg.burn_in_minutes <= 0)
		return 0;
	long long n = floor_div(ms, 60000LL * k->cfg.burn_in_minutes);
	long long m = n % KIOSK_BURN_IN_STEPS;
	return (unsigned)(m < 0 ? m + KIOSK_BURN_IN_STEPS : m);
}

/* Moves the picture in s by (dx, dy), filling what it uncovers with bg. */
static void shift_surface(SDL_Surface *s, int dx, int dy, uint32_t bg)
{
	if ((!dx && !dy) || s->format->BytesPerPixel != 4 || abs(dx) >= s->w || abs(dy) >= s->h)
		return;
	Uint32 k = SDL_MapRGB(s->format, (Uint8)(bg >> 16), (Uint8)(bg >> 8), (Uint8)bg);
	int w = s->w;
	for (int i = 0; i < s->h; i++) {
		int y = dy > 0 ? s->h - 1 - i : i; /* rows move away from their source */
		Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + (size_t)y * s->pitch);
		int sy = y - dy;
		if (sy < 0 || sy >= s->h) {
			for (int x = 0; x < w; x++)
				row[x] = k;
			continue;
		}
		const Uint32 *src =
		    (const Uint32 *)((const Uint8 *)s->pixels + (size_t)sy * s->pitch);
		if (dx >= 0) {
			memmove(row + dx, src, (size_t)(w - dx) * 4);
			for (int x = 0; x < dx; x++)
				row[x] = k;
		} else {
			memmove(row, src - dx, (size_t)(w + dx) * 4);
			for (int x = w + dx; x < w; x++)
				row[x] = k;
		}
	}
}

/* ---- deck -------------------------------------------------------------- */

static void deck_clear(deck *d)
{
	for (size_t i = 0; d->docs && i <= d->n; i++)
		layout_doc_free(&d->docs[i]);
	free(d->docs);
	free(d->laid);
	d->docs = NULL;
	d->laid = NULL;
}

/* Sets d up for l (borrowed); on failure d is left as it was. */
static int deck_init(deck *d, posting_list *l, jk_err *err)
{
	layout_doc *docs = calloc(l->n + 1, sizeof *docs);
	bool *laid = calloc(l->n + 1, sizeof *laid);
	if (!docs || !laid) {
		free(docs);
		free(laid);
		return jk_fail(err, JK_ENOMEM, "kiosk: out of memory for %zu postings", l->n);
	}
	deck_clear(d);
	d->list = l;
	d->n = l->n;
	d->docs = docs;
	d->laid = laid;
	return 0;
}

/* Pages of deck entry i (laid out on first use); 0 when it failed. */
static size_t deck_pages(deck *d, size_t i)
{
	if (!d->laid[i]) {
		d->laid[i] = true;
		jk_err err = {0};
		int r = i < d->n ? layout_posting(d->list->items[i], &d->lp, &d->docs[i], &err)
		                 : layout_overview((const posting *const *)d->list->items, d->n,
		                                   &d->lp, &d->docs[i], &err);
		if (r) {
			fprintf(stderr, "jobkiosk: %s\n", err.msg);
			layout_doc_free(&d->docs[i]);
		}
	}
	return d->docs[i].npages;
}

/* ---- drawing ----------------------------------------------------------- */

/* A rectangle of the logical screen in physical coordinates. */
static SDL_Rect turn(const kiosk *k, int x, int y, int w, int h)
{
	return render_turn_rect(k->d.lp.w, k->d.lp.h, k->cfg.rotate, x, y, w, h);
}

static void fill(SDL_Surface *s, SDL_Rect r, uint32_t c)
{
	if (r.w > 0 && r.h > 0)
		SDL_FillRect(s, &r,
		             SDL_MapRGB(s->format, (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c));
}

/* The slim bar along the bottom: the deck so far (muted) and the running
 * slide (accent, growing with its time). Drawn straight onto the screen;
 * *out gets the physical rectangle it covers. */
static void draw_progress(kiosk *k, Uint32 now, SDL_Rect *out)
{
	int lw = k->d.lp.w, lh = k->d.lp.h;
	int S = lw < lh ? lw : lh;
	int bh = S / 270 > 3 ? S / 270 : 3;
	size_t slots = k->d.n + 1;
	size_t np = k->d.docs[k->cur].npages ? k->d.docs[k->cur].npages : 1;
	double seg = (double)lw / (double)slots;
	double x0 = seg * (double)k->cur + seg * (double)k->page / (double)np;
	double sw = seg / (double)np;
	Uint32 end = k->paused_at ? k->paused_at : now;
	Uint32 el = end > k->shown_at ? end - k->shown_at : 0;
	double f = k->slide_ms ? (double)el / (double)k->slide_ms : 0;
	if (f > 1)
		f = 1;
	*out = turn(k, 0, lh - bh, lw, bh);
	fill(k->screen, *out, layout_mix(k->theme.bg, k->theme.muted, 25));
	fill(k->screen, turn(k, 0, lh - bh, (int)x0, bh),
	     layout_mix(k->theme.bg, k->theme.muted, 70));
	fill(k->screen, turn(k, (int)x0, lh - bh, (int)(sw * f) > 0 ? (int)(sw * f) : 1, bh),
	     k->paused_at ? k->theme.muted : k->theme.accent);
}

/* Moves the screen from blend a0 to blend a1 (0-256) of cur_s, in place:
 * out = out + (cur - out) * (a1 - a0) / (256 - a0). No copy of the old
 * page is kept, so a crossfade needs no memory beyond the two pages. */
static void blend_step(kiosk *k, unsigned a0, unsigned a1)
{
	SDL_Surface *o = k->screen;
	const SDL_Surface *c = k->cur_s;
	unsigned b = a1 >= 256 || a0 >= 256 ? 256 : (a1 - a0) * 256 / (256 - a0);
	unsigned nb = 256 - b;
	if (SDL_MUSTLOCK(o) && SDL_LockSurface(o) != 0)
		return;
	for (int y = 0; y < c->h; y++) {
		Uint32 *ro = (Uint32 *)((Uint8 *)o->pixels + (size_t)y * o->pitch);
		const Uint32 *rc =
		    (const Uint32 *)((const Uint8 *)c->pixels + (size_t)y * c->pitch);
		if (b == 256) {
			memcpy(ro, rc, (size_t)c->w * 4);
			continue;
		}
		for (int x = 0; x < c->w; x++) {
			/* Red and blue in one multiply, green in another. */
			Uint32 rb = ((ro[x] & 0xFF00FFu) * nb + (rc[x] & 0xFF00FFu) * b) >> 8;
			Uint32 g = ((ro[x] & 0x00FF00u) * nb + (rc[x] & 0x00FF00u) * b) >> 8;
			ro[x] = (rb & 0xFF00FFu) | (g & 0x00FF00u) | 0xFF000000u;
		}
	}
	if (SDL_MUSTLOCK(o))
		SDL_UnlockSurface(o);
}

/* The screen surface can take cur_s row by row: same size, 32-bit xRGB. */
static bool screen_direct(const kiosk *k)
{
	return k->screen && k->cur_s && k->screen->w == k->cur_s->w &&
	       k->screen->h == k->cur_s->h && k->screen->format->BytesPerPixel == 4 &&
	       k->screen->format->Rmask == 0xFF0000u && k->screen->format->Gmask == 0xFF00u &&
	       k->screen->format->Bmask == 0xFFu;
}

/* Puts the whole current page on the screen surface. */
static void upload(kiosk *k)
{
	k->fading = false;
	if (!k->screen || !k->cur_s)
		return;
	if (screen_direct(k))
		blend_step(k, 0, 256);
	else
		SDL_BlitSurface(k->cur_s, NULL, k->screen, NULL);
}

/* Shows rect r of the screen (NULL: all of it). On the software path only
 * the rectangle goes to the display: a progress tick costs a few rows. */
static void flush(kiosk *k, const SDL_Rect *r)
{
	if (!k->ren) {
		if (r)
			SDL_UpdateWindowSurfaceRects(k->win, r, 1);
		else
			SDL_UpdateWindowSurface(k->win);
		return;
	}
	if (k->tex) {
		const Uint8 *px = (const Uint8 *)k->screen->pixels;
		if (r)
			px += (size_t)r->y * (size_t)k->screen->pitch + (size_t)r->x * 4;
		SDL_UpdateTexture(k->tex, r, px, k->screen->pitch);
		SDL_RenderCopy(k->ren, k->tex, NULL, NULL);
	}
	SDL_RenderPresent(k->ren);
}

/* Draws what changed since the last present: a crossfade step (the whole
 * screen) or, when only the time moved on, the progress bar alone. */
static void present(kiosk *k, Uint32 now, bool full)
{
	Uint64 t = SDL_GetPerformanceCounter();
	bool fading = k->fading;
	if (fading) {
		Uint32 el = now > k->fade_at ? now - k->fade_at : 0;
		unsigned a = el >= k->fade_ms ? 256 : el * 256 / k->fade_ms;
		if (a >= 256)
			upload(k);
		else if (a > k->fade_a)
			blend_step(k, k->fade_a, a);
		k->fade_a = a;
		full = true;
	}
	SDL_Rect bar = {0, 0, 0, 0};
	if (k->d.n)
		draw_progress(k, now, &bar);
	flush(k, full || !k->d.n ? NULL : &bar);
	k->st->frames++;
	if (fading) {
		k->st->fade_frames++;
		k->st->fade_ms_total += ms_since(t);
	}
	k->need_present = false;
}

/* (Re)gets the screen surface for the output size: the window's own on the
 * software path, a surface of ours plus a streaming texture otherwise. */
static bool make_screen(kiosk *k)
{
	if (!k->ren) {
		k->screen = SDL_GetWindowSurface(k->win);
		return k->screen != NULL;
	}
	if (k->tex)
		SDL_DestroyTexture(k->tex);
	SDL_FreeSurface(k->screen);
	k->screen = SDL_CreateRGBSurfaceWithFormat(0, k->pw, k->ph, 32, SDL_PIXELFORMAT_XRGB8888);
	k->tex = SDL_CreateTexture(k->ren, SDL_PIXELFORMAT_XRGB8888, SDL_TEXTUREACCESS_STREAMING,
	                           k->pw, k->ph);
	if (k->tex)
		SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_NONE);
	return k->tex && k->screen;
}

/* Physical output size. */
static bool output_size(kiosk *k, int *w, int *h)
{
	if (k->ren)
		return SDL_GetRendererOutputSize(k->ren, w, h) == 0;
	SDL_GetWindowSizeInPixels(k->win, w, h);
	return true;
}

/* Asks the main program how its sources are doing. An answer younger than
 * a quarter second is still news: a slide change right after the waiting
 * screen's poll does not ask twice. */
static void ask_status(kiosk *k)
{
	Uint32 now = SDL_GetTicks();
	if (k->status_at && now - k->status_at < 250)
		return;
	k->status_at = now ? now : 1;
	if (!k->o->status)
		return;
	memset(&k->status, 0, sizeof k->status);
	k->o->status(k->o->status_ud, &k->status);
	k->status.waiting[sizeof k->status.waiting - 1] = '\0';
	k->st->status_calls++;
}

/* The waiting screen's line: the status text cleaned for display (it may
 * quote the network), cut at a code point to fit out. */
static void waiting_line(const kiosk *k, char *out, size_t cap)
{
	const char *w =
	    k->status.waiting[0] ? k->status.waiting : "No postings yet: reading the sources.";
	char *c = jk_text_clean(w, (size_t)-1);
	const char *src = c && *c ? c : "No postings yet: reading the sources.";
	size_t n = strlen(src);
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--; /* never half a character */
	}
	memcpy(out, src, n);
	out[n] = '\0';
	free(c);
}

/* The offline mark's text when the status asks for one. */
static bool mark_text(const kiosk *k, char *out, size_t cap)
{
	if (!k->status.stale || k->status.updated_at <= 0)
		return false;
	time_t t = (time_t)k->status.updated_at;
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return false;
	snprintf(out, cap, "offline · updated %02d:%02d", tm.tm_hour, tm.tm_min);
	return true;
}

/* The offline mark as one small muted text box in the bottom-left margin,
 * under the safe area and above the progress bar: part of the page, so it
 * costs no redraw of its own. */
static bool mark_box(kiosk *k, const char *text, layout_box *b)
{
	int lw = k->d.lp.w, lh = k->d.lp.h, S = lw < lh ? lw : lh;
	int x0, y0, x1, y1;
	layout_safe_area(lw, lh, &x0, &y0, &x1, &y1);
	int px = (S * 2 + 50) / 100;
	if (px < 10)
		px = 10;
	layout_measurer m = k->d.lp.measure;
	int h = m.height(m.ud, px), bh = S / 270 > 3 ? S / 270 : 3;
	int room = lh - y1 - bh;
	if (h <= 0 || h > room)
		return false;
	size_t n = strlen(text);
	*b = (layout_box){.kind = LAYOUT_TEXT,
	                  .x = x0,
	                  .y = y1 + (room - h) / 2,
	                  .h = h,
	                  .w = m.width(m.ud, text, n, px, 0),
	                  .px = px,
	                  .color = layout_mix(k->theme.bg, k->theme.muted, 80),
	                  .text = text,
	                  .len = n};
	return b->w > 0 && b->w <= x1 - x0;
}

/* HH:MM of wall ms into out; "" when the time cannot be had. */
static void clock_format(long long ms, char out[8])
{
	struct tm tm;
	out[0] = '\0';
	if (local_tm(ms, &tm))
		snprintf(out, 8, "%02d:%02d", (tm.tm_hour % 24 + 24) % 24,
		         (tm.tm_min % 60 + 60) % 60);
}

/* Page `page` of d with the page's overlays (offline mark, clock), shifted
 * for burn-in care. */
static SDL_Surface *compose_doc(kiosk *k, const layout_doc *d, size_t page, bool mark, jk_err *err)
{
	long long ms = wall_ms(k);
	layout_box extra[2];
	size_t n = 0;
	char text[64];
	bool marked = mark && mark_text(k, text, sizeof text) && mark_box(k, text, &extra[n]);
	n += marked;
	k->clock_slot = d->clock;
	k->clock_min = floor_div(ms, 60000);
	clock_format(ms, k->clock_text);
	layout_measurer m = k->d.lp.measure;
	if (k->cfg.look.clock && layout_clock_box(d, &m, k->clock_text, &extra[n]))
		n++;
	SDL_Surface *s =
	    render_page_ex(k->fonts, d, page, n ? extra : NULL, n, &k->theme, k->cfg.rotate, err);
	if (!s)
		return NULL;
	k->stale_mark = marked;
	k->burn_step = burn_step(k, ms);
	kiosk_burn_in_offset(s->w, s->h, k->cfg.burn_in_shift, k->burn_step, &k->shift_x,
	                     &k->shift_y);
	shift_surface(s, k->shift_x, k->shift_y, k->theme.bg);
	return s;
}

static SDL_Surface *compose_waiting(kiosk *k, jk_err *err)
{
	char line[sizeof k->status.waiting];
	waiting_line(k, line, sizeof line);
	layout_doc d;
	SDL_Surface *s = NULL;
	if (layout_message("Waiting for job postings", line,
	                   "The slideshow starts by itself as soon as postings arrive.", &k->d.lp,
	                   &d, err) == 0)
		s = compose_doc(k, &d, 0, false, err);
	layout_doc_free(&d);
	if (s) {
		memcpy(k->wait_shown, line, sizeof line);
		k->st->waiting_composes++;
	}
	return s;
}

static SDL_Surface *compose_page(kiosk *k, jk_err *err)
{
	deck_pages(&k->d, k->cur);
	if (k->page >= k->d.docs[k->cur].npages)
		return NULL;
	return compose_doc(k, &k->d.docs[k->cur], k->page, true, err);
}

/* Composes the current page (or the waiting screen when the deck is empty)
 * into cur_s; the screen then crossfades to it when fade is set, else shows
 * it at once. */
static void compose(kiosk *k, bool fade)
{
	Uint64 t = SDL_GetPerformanceCounter();
	ask_status(k);
	/* The screen holds the old page: its own copy can go before the new
	 * one is drawn, so never three full-screen buffers at once. */
	SDL_FreeSurface(k->cur_s);
	k->cur_s = NULL;
	jk_err err = {0};
	int sx = k->shift_x, sy = k->shift_y;
	SDL_Surface *ns = k->d.n ? compose_page(k, &err) : compose_waiting(k, &err);
	if (!ns && err.msg[0])
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
	k->st->composes++;
	k->st->compose_ms_total += ms_since(t);
	if (!ns) {
		k->fading = false; /* the screen keeps what it shows: never black */
		return;
	}
	if (k->st->composes > 1 && (sx != k->shift_x || sy != k->shift_y))
		k->st->shifts++;
	k->cur_s = ns;
	/* The screen still shows the old page: the fade starts from there.
	 * While the display is off the screen stays black. */
	if (k->off) {
		k->fading = false;
	} else if (fade && k->st->composes > 1 && !k->cfg.cut && screen_direct(k)) {
		k->fading = true;
		k->fade_a = 0;
		k->fade_at = SDL_GetTicks();
	} else {
		upload(k);
	}
	k->need_present = true;
}

/* Redraws the clock in cur_s and on the screen when the wall minute moved
 * on: a few hundred pixels, sent alone like the progress bar. */
static void clock_tick(kiosk *k, long long ms)
{
	long long min = floor_div(ms, 60000);
	if (!k->cfg.look.clock || k->clock_slot.w <= 0 || min == k->clock_min || k->fading ||
	    k->off || !k->cur_s || !k->screen)
		return;
	k->clock_min = min;
	char text[8];
	clock_format(ms, text);
	if (!strcmp(text, k->clock_text))
		return;
	memcpy(k->clock_text, text, sizeof text);
	layout_doc slot = {.clock = k->clock_slot};
	layout_box tb;
	SDL_Rect r = {0, 0, 0, 0}, r2;
	int lw = k->d.lp.w, lh = k->d.lp.h;
	/* The slot blank, then the time right-aligned in it. */
	render_box_update(k->fonts, k->cur_s, lw, lh, &k->clock_slot, &k->theme, k->cfg.rotate,
	                  k->shift_x, k->shift_y, &r, NULL);
	layout_measurer m = k->d.lp.measure;
	if (layout_clock_box(&slot, &m, k->clock_text, &tb))
		render_box_update(k->fonts, k->cur_s, lw, lh, &tb, &k->theme, k->cfg.rotate,
		                  k->shift_x, k->shift_y, &r2, NULL);
	if (r.w <= 0 || r.h <= 0)
		return;
	SDL_Rect d = r;
	SDL_BlitSurface(k->cur_s, &r, k->screen, &d);
	if (!k->off)
		flush(k, &r);
	k->st->frames++;
	k->st->clock_ticks++;
}

/* Puts the position on an entry that has pages, at a page it has. */
static void settle(kiosk *k)
{
	if (!k->d.n) {
		k->cur = k->page = 0;
		return;
	}
	size_t slots = k->d.n + 1;
	for (size_t t = 0; t < slots && !deck_pages(&k->d, k->cur); t++) {
		k->cur = (k->cur + 1) % slots;
		k->page = 0;
	}
	size_t np = deck_pages(&k->d, k->cur);
	if (k->page >= np)
		k->page = np ? np - 1 : 0;
}

/* Slide and fade times from the settings. */
static void timings(kiosk *k)
{
	k->slide_ms = (Uint32)((k->cfg.slide_seconds > 0 ? k->cfg.slide_seconds : 12) * 1000);
	k->fade_ms = (Uint32)(k->cfg.fade_ms > 0 ? k->cfg.fade_ms : 700);
}

/* Opens the fonts and logo of cfg.look and lays out for them from now on
 * (pages are laid out again when next shown). On failure the fonts in
 * force stay. */
static int apply_look(kiosk *k, jk_err *err)
{
	render_fonts *f;
	int r = render_fonts_open_look(&k->cfg.look, &f, err);
	if (r)
		return r;
	render_fonts_close(k->fonts);
	k->fonts = f;
	k->theme = k->cfg.look.theme;
	k->d.lp.theme = &k->theme;
	k->d.lp.measure = render_measurer(f);
	k->d.lp.header = k->cfg.look.header;
	k->d.lp.clock = k->cfg.look.clock;
	render_logo_size(f, &k->d.lp.logo_w, &k->d.lp.logo_h);
	for (size_t i = 0; k->d.docs && i <= k->d.n; i++) {
		layout_doc_free(&k->d.docs[i]);
		k->d.laid[i] = false;
	}
	return 0;
}

/* Lets the caller change the settings after a reload (SIGHUP read the
 * configuration again). What needs a new window is kept. */
static void reconfigure(kiosk *k)
{
	if (!k->o->reconfigure)
		return;
	kiosk_opts next = k->cfg;
	if (!k->o->reconfigure(k->o->hook_ud, &next))
		return;
	if (next.rotate != k->cfg.rotate || next.mode_w != k->cfg.mode_w ||
	    next.mode_h != k->cfg.mode_h || next.win_w != k->cfg.win_w ||
	    next.win_h != k->cfg.win_h || next.accelerated != k->cfg.accelerated)
		fprintf(stderr, "jobkiosk: a new rotation, window size or display mode needs a "
		                "restart; keeping the current one\n");
	kiosk_opts nc;
	kstore ns;
	jk_err err = {0};
	if (cfg_copy(&nc, &ns, &next, &err)) {
		fprintf(stderr, "jobkiosk: reconfigure: %s\n", err.msg);
		return;
	}
	nc.rotate = k->cfg.rotate;
	nc.mode_w = k->cfg.mode_w;
	nc.mode_h = k->cfg.mode_h;
	nc.win_w = k->cfg.win_w;
	nc.win_h = k->cfg.win_h;
	nc.accelerated = k->cfg.accelerated;
	bool look = !look_equal(&k->cfg.look, &nc.look);
	store_free(&k->store);
	k->store = ns;
	k->cfg = nc;
	k->d.lp.header = k->cfg.look.header; /* the old copy is gone */
	timings(k);
	if (look && apply_look(k, &err))
		fprintf(stderr, "jobkiosk: reconfigure: %s\n", err.msg);
	k->st->reconfigures++;
}

/* Replaces the deck with what reload returns, keeping the position: the
 * posting at cur by id when it is still there, else the one now at its
 * index (the next one), the overview stays the overview. False when
 * nothing changed. */
static bool reload_keep(kiosk *k)
{
	if (!k->reload)
		return false;
	posting_list nl;
	posting_list_init(&nl);
	jk_err err = {0};
	if (k->reload(k->reload_ud, &nl, &err) != 0) {
		fprintf(stderr, "jobkiosk: reload: %s\n", err.msg[0] ? err.msg : "failed");
		posting_list_free(&nl);
		return false;
	}
	bool over = k->d.n && k->cur >= k->d.n; /* the overview (not the waiting screen) */
	size_t idx = k->d.n ? k->cur : 0, page = k->d.n ? k->page : 0;
	const posting *was = idx < k->d.n ? k->d.list->items[idx] : NULL;
	char *id = was && was->id ? jk_strndup(was->id, (size_t)-1) : NULL;
	posting_list old = *k->d.list;
	*k->d.list = nl;
	if (deck_init(&k->d, k->d.list, &err)) {
		*k->d.list = old; /* keep showing what we have */
		posting_list_free(&nl);
		free(id);
		fprintf(stderr, "jobkiosk: reload: %s\n", err.msg);
		return false;
	}
	posting_list_free(&old);
	reconfigure(k);
	size_t n = k->d.n, cur = over || idx > n ? n : idx;
	bool found = false;
	for (size_t i = 0; id && i < n && !found; i++)
		if (k->d.list->items[i]->id && !strcmp(k->d.list->items[i]->id, id)) {
			cur = i;
			found = true;
		}
	free(id);
	k->cur = cur;
	k->page = found || over ? page : 0;
	settle(k);
	k->st->reloads++;
	return true;
}

/* A new slide is up: its time starts now. */
static void started(kiosk *k)
{
	k->shown_at = SDL_GetTicks();
	if (k->paused_at)
		k->paused_at = k->shown_at;
	k->first_shown = false;
}

/* Moves dir (+1/-1) slides, skipping entries that have no pages. */
static void go(kiosk *k, int dir)
{
	size_t slots = k->d.n + 1;
	if (!k->d.n) {
		/* The waiting screen has nowhere to go. */
	} else if (dir > 0) {
		if (k->page + 1 < deck_pages(&k->d, k->cur)) {
			k->page++;
		} else {
			for (size_t t = 0; t < slots; t++) {
				k->cur = (k->cur + 1) % slots;
				if (deck_pages(&k->d, k->cur))
					break;
			}
			k->page = 0;
		}
	} else {
		if (k->page > 0) {
			k->page--;
		} else {
			for (size_t t = 0; t < slots; t++) {
				k->cur = (k->cur + slots - 1) % slots;
				if (deck_pages(&k->d, k->cur))
					break;
			}
			size_t np = deck_pages(&k->d, k->cur);
			k->page = np ? np - 1 : 0;
		}
	}
	/* Updates swap in here, right before the next page is composed, so a
	 * slide is never cut short and a crossfade never waits on a reload. */
	if (take_notify())
		reload_keep(k);
	compose(k, true);
	started(k);
}

/* Lays everything out again for the current output size. */
static void relayout(kiosk *k)
{
	int w, h;
	if (!output_size(k, &w, &h) || w < 160 || h < 160)
		return;
	k->pw = w;
	k->ph = h;
	if (!make_screen(k))
		return;
	render_logical_size(w, h, k->cfg.rotate, &k->d.lp.w, &k->d.lp.h);
	for (size_t i = 0; i <= k->d.n; i++) {
		layout_doc_free(&k->d.docs[i]);
		k->d.laid[i] = false;
	}
	settle(k);
	compose(k, false);
}

static void reload_now(kiosk *k)
{
	if (reload_keep(k)) {
		compose(k, true);
		started(k);
	}
}

/* Textures are gone after a device reset: rebuild the screen texture from
 * the page kept in memory (and lay out again if the size changed). */
static void reset_textures(kiosk *k)
{
	k->st->resets++;
	int w, h;
	if (output_size(k, &w, &h) && (w != k->pw || h != k->ph)) {
		relayout(k);
	} else if (k->ren && k->screen && k->tex) {
		/* Our screen surface survived; only the texture is new. */
		SDL_DestroyTexture(k->tex);
		k->tex = SDL_CreateTexture(k->ren, SDL_PIXELFORMAT_XRGB8888,
		                           SDL_TEXTUREACCESS_STREAMING, k->pw, k->ph);
		if (k->tex)
			SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_NONE);
	}
	k->need_present = true;
}

static void state_of(const kiosk *k, kiosk_state *s)
{
	memset(s, 0, sizeof *s);
	s->waiting = k->d.n == 0;
	s->posting = s->waiting ? 0 : k->cur;
	s->nposting = k->d.n;
	s->page = k->page;
	s->npages = s->waiting ? 1 : k->d.docs[k->cur].npages;
	s->paused = k->paused_at != 0;
	s->slide = k->st->shown;
	s->stale_mark = k->stale_mark && !s->waiting;
	s->item = k->cur < k->d.n ? k->d.list->items[k->cur] : NULL;
	s->display_off = k->off;
	s->shift_x = k->shift_x;
	s->shift_y = k->shift_y;
	if (k->off && k->screen) {
		s->frame = k->screen->pixels; /* what the screen shows: black */
		s->frame_w = k->screen->w;
		s->frame_h = k->screen->h;
		s->frame_pitch = k->screen->pitch;
	} else if (k->cur_s) {
		s->frame = k->cur_s->pixels;
		s->frame_w = k->cur_s->w;
		s->frame_h = k->cur_s->h;
		s->frame_pitch = k->cur_s->pitch;
	}
}

static void run_command(const char *what, const char *cmd)
{
	if (!cmd || !*cmd)
		return;
	jk_err err = {0};
	if (platform_spawn(cmd, COMMAND_TIMEOUT_S, &err))
		fprintf(stderr, "jobkiosk: display %s command: %s\n", what, err.msg);
}

static bool sched_on(const kiosk *k, long long ms)
{
	const schedule *s = k->cfg.schedule;
	struct tm tm;
	if (!s || !s->n || !local_tm(ms, &tm))
		return true;
	return schedule_is_on(s, &tm);
}

/* Follows the schedule from wall time ms: off is a black screen and the
 * off command; on again shows the current slide at once (composed fresh:
 * clock and marks are current) and runs the on command. At start the
 * command for the state it starts in runs, when there is a schedule. */
static void follow_schedule(kiosk *k, long long ms)
{
	bool on = sched_on(k, ms), first = !k->sched_known;
	k->sched_known = true;
	if (!first && on == !k->off)
		return;
	if (first && on) {
		if (k->cfg.schedule)
			run_command("on", k->cfg.display_on_command);
		return;
	}
	if (!on) {
		k->off = true;
		k->fading = false;
		if (k->screen)
			fill(k->screen, (SDL_Rect){0, 0, k->screen->w, k->screen->h}, 0);
		k->st->display_offs++;
		fprintf(stderr, "jobkiosk: display off by the schedule\n");
		run_command("off", k->cfg.display_off_command);
	} else {
		k->off = false;
		k->st->display_ons++;
		fprintf(stderr, "jobkiosk: display on by the schedule\n");
		run_command("on", k->cfg.display_on_command);
		if (take_notify())
			reload_keep(k);
		compose(k, false);
		started(k);
	}
	k->need_present = true;
	k->display_event = true;
}

/* The keep-alive: at least every alive_ms while the loop runs. */
static Uint32 alive_half(const kiosk *k)
{
	return k->o->alive_ms ? (k->o->alive_ms / 2 ? k->o->alive_ms / 2 : 1) : 500;
}

static void keep_alive(kiosk *k, Uint32 now)
{
	if (now - k->alive_at >= alive_half(k) || !k->st->alive_calls) {
		k->alive_at = now;
		if (k->o->alive) {
			k->o->alive(k->o->hook_ud);
			k->st->alive_calls++;
		}
	}
	if (now - k->reap_at >= REAP_MS) {
		k->reap_at = now;
		platform_reap();
	}
}

/* ---- the loop ---------------------------------------------------------- */

static int open_window(kiosk *k, jk_err *err)
{
	const kiosk_opts *o = &k->cfg;
	if (!o->accelerated)
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	/* A booth screen never blanks by itself; only the schedule turns it
	 * off. (Console blanking and the X server's own DPMS are set outside
	 * the program: see platform/.) */
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
	if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
		return jk_fail(err, JK_EIO, "no display: %s (try --render DIR)", SDL_GetError());
	SDL_DisableScreenSaver();
	Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
	int w = o->win_w, h = o->win_h;
	bool windowed = w > 0 && h > 0;
	if (windowed) {
		flags |= SDL_WINDOW_RESIZABLE;
	} else if (o->mode_w > 0 && o->mode_h > 0) {
		/* Real full screen: SDL picks the display mode closest to the
		 * window's size. */
		w = o->mode_w;
		h = o->mode_h;
		k->win =
		    SDL_CreateWindow("jobkiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
		                     h, flags | SDL_WINDOW_FULLSCREEN);
		SDL_DisplayMode m;
		if (k->win && SDL_GetWindowDisplayMode(k->win, &m) == 0 &&
		    (m.w != o->mode_w || m.h != o->mode_h))
			fprintf(stderr, "jobkiosk: display mode %dx%d not offered; using %dx%d\n",
			        o->mode_w, o->mode_h, m.w, m.h);
		if (!k->win)
			fprintf(stderr, "jobkiosk: display mode %dx%d: %s; using the desktop's\n",
			        o->mode_w, o->mode_h, SDL_GetError());
	}
	const char *drv = SDL_GetCurrentVideoDriver();
	SDL_Rect b;
	if (!k->win && !windowed && drv && !strcmp(drv, "x11") &&
	    SDL_GetDisplayBounds(0, &b) == 0) {
		/* Going full screen on X11 waits up to ~100 ms for the window
		 * manager; a borderless window over the whole screen shows the
		 * first slide at once, and becomes full screen right after. */
		k->win =
		    SDL_CreateWindow("jobkiosk", b.x, b.y, b.w, b.h, flags | SDL_WINDOW_BORDERLESS);
		k->fullscreen_later = k->win != NULL;
	}
	if (!k->win && !windowed) {
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
		w = 1920;
		h = 1080;
	}
	if (!k->win)
		k->win = SDL_CreateWindow("jobkiosk", SDL_WINDOWPOS_CENTERED,
		                          SDL_WINDOWPOS_CENTERED, w, h, flags);
	if (!k->win)
		return jk_fail(err, JK_EIO, "cannot open a window: %s", SDL_GetError());
	/* The software path draws into the window's own surface (one copy of
	 * the screen in memory, partial updates for the progress bar); a GPU
	 * renderer only when asked for. */
	if (o->accelerated) {
		k->ren = SDL_CreateRenderer(k->win, -1, SDL_RENDERER_ACCELERATED);
		if (!k->ren)
			return jk_fail(err, JK_EIO, "cannot create a renderer: %s", SDL_GetError());
	}
	SDL_ShowCursor(windowed ? SDL_ENABLE : SDL_DISABLE);
	return 0;
}

/* Handles one event; returns false to quit. While the schedule has the
 * display off, only quitting and the window's own events count. */
static bool handle(kiosk *k, const SDL_Event *ev)
{
	if (notify_event && ev->type == notify_event) {
		/* On the waiting screen there is no slide to finish. */
		if (!k->d.n && !k->off && take_notify())
			reload_now(k);
		return true;
	}
	switch (ev->type) {
	case SDL_QUIT: /* also SIGINT and SIGTERM, through SDL's handlers */
		return false;
	case SDL_KEYDOWN:
		if (ev->key.keysym.sym == SDLK_q || ev->key.keysym.sym == SDLK_ESCAPE)
			return false;
		if (k->off)
			break;
		switch (ev->key.keysym.sym) {
		case SDLK_RIGHT:
		case SDLK_PAGEDOWN:
			go(k, +1);
			break;
		case SDLK_LEFT:
		case SDLK_PAGEUP:
			go(k, -1);
			break;
		case SDLK_SPACE:
			if (k->paused_at) {
				/* Resume with the time that was left. */
				k->shown_at += SDL_GetTicks() - k->paused_at;
				k->paused_at = 0;
			} else {
				k->paused_at = SDL_GetTicks();
			}
			k->need_present = true;
			break;
		case SDLK_r:
			reload_now(k);
			break;
		default:
			break;
		}
		break;
	case SDL_FINGERDOWN:
		k->touch_down = true;
		k->touch_x = ev->tfinger.x;
		break;
	case SDL_FINGERUP:
		if (k->touch_down && !k->off) {
			float dx = ev->tfinger.x - k->touch_x;
			/* A swipe right goes back; a tap or a swipe left goes on. */
			go(k, dx > 0.08f ? -1 : +1);
		}
		k->touch_down = false;
		break;
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT &&
		    !k->off)
			go(k, +1);
		break;
	case SDL_WINDOWEVENT:
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			if (ev->window.data1 != k->pw || ev->window.data2 != k->ph)
				relayout(k);
			k->need_present = true;
		} else if (ev->window.event == SDL_WINDOWEVENT_EXPOSED) {
			k->need_present = true;
		}
		break;
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET:
		reset_textures(k);
		break;
	default:
		break;
	}
	return true;
}

/* Reports the state after a present to on_show (a new slide) or
 * on_display (a schedule transition). */
static void report(kiosk *k)
{
	const kiosk_opts *o = k->o;
	if (k->display_event) {
		k->display_event = false;
		if (o->on_display) {
			kiosk_state s;
			state_of(k, &s);
			o->on_display(o->hook_ud, &s);
		}
	}
	if (!k->first_shown && !k->off) {
		k->first_shown = true;
		k->st->shown++;
		if (k->st->shown == 1)
			k->st->first_slide_ms = ms_since(k->t0);
		if (k->fullscreen_later) {
			k->fullscreen_later = false;
			if (SDL_SetWindowFullscreen(k->win, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
				fprintf(stderr,
				        "jobkiosk: full screen: %s; staying a borderless window\n",
				        SDL_GetError());
		}
		if (o->on_show) {
			kiosk_state s;
			state_of(k, &s);
			o->on_show(o->hook_ud, &s);
		}
	}
}

/* One turn of the loop with the display on: slide changes, the waiting
 * screen's news, burn-in steps on a still page, the clock, presents. */
static void step_on(kiosk *k, long long wms)
{
	Uint32 now = SDL_GetTicks();
	if (!k->d.n) {
		/* The waiting screen: news once a second, a new page only
		 * when the line changed; a notified reload at once. */
		if (take_notify()) {
			reload_now(k);
		} else if (now - k->status_at >= STATUS_MS) {
			ask_status(k);
			char line[sizeof k->wait_shown];
			waiting_line(k, line, sizeof line);
			if (strcmp(line, k->wait_shown))
				compose(k, false);
		}
		now = SDL_GetTicks();
	} else if (!k->paused_at && now - k->shown_at >= k->slide_ms) {
		go(k, +1);
		now = SDL_GetTicks(); /* composing took time */
	}
	/* A still page (paused, waiting) moves on to the next burn-in step
	 * too; running slides take it at their next change. */
	if ((k->paused_at || !k->d.n) && !k->fading && burn_step(k, wms) != k->burn_step)
		compose(k, false);
	clock_tick(k, wms);
	if (k->need_present || k->fading) {
		present(k, now, true);
		k->last_tick = now;
	} else if (k->d.n && !k->paused_at && now - k->last_tick >= TICK_MS) {
		present(k, now, false);
		k->st->ticks++;
		k->last_tick = now;
	}
}

/* How long the loop may sleep: the nearest of the slide change, the
 * progress tick, the next fade frame, the waiting screen's poll, the next
 * wall minute (clock, schedule, burn-in), the keep-alive, the end. */
static Uint32 next_wait(const kiosk *k, long long wms, Uint32 start)
{
	Uint32 now = SDL_GetTicks();
	Uint32 wait = TICK_MS - (now - k->last_tick < TICK_MS ? now - k->last_tick : TICK_MS);
	if (k->off) {
		wait = 60000;
	} else if (!k->d.n) {
		Uint32 el = now - k->status_at;
		wait = el < STATUS_MS ? STATUS_MS - el : 0;
	} else if (k->paused_at) {
		wait = 60000; /* nothing moves while paused */
	} else {
		Uint32 left =
		    now - k->shown_at < k->slide_ms ? k->slide_ms - (now - k->shown_at) : 0;
		if (left < wait)
			wait = left;
	}
	if (k->fading && !k->off)
		wait = FRAME_MS;
	bool minutely = k->cfg.look.clock || k->cfg.schedule ||
	                (k->cfg.burn_in_shift > 0 && k->cfg.burn_in_minutes > 0);
	if (minutely && to_next_minute(wms) < wait)
		wait = to_next_minute(wms);
	Uint32 el = now - k->alive_at, half = alive_half(k);
	Uint32 alive = el < half ? half - el : 0;
	if (alive < wait)
		wait = alive;
	if (k->o->max_seconds > 0) {
		Uint32 end = start + (Uint32)(k->o->max_seconds * 1000);
		Uint32 rest = end > now ? end - now : 0;
		if (rest < wait)
			wait = rest;
	}
	return wait;
}

int kiosk_run(posting_list *list, const kiosk_opts *o, kiosk_reload_fn fn, void *ud,
              kiosk_stats *stats, jk_err *err)
{
	kiosk_stats dummy;
	kiosk k = {.o = o,
	           .st = stats ? stats : &dummy,
	           .t0 = SDL_GetPerformanceCounter(),
	           .reload = fn,
	           .reload_ud = ud};
	memset(k.st, 0, sizeof *k.st);
	if (!render_rotation_ok(o->rotate))
		return jk_fail(err, JK_EARG, "rotation %d: use 0, 90, 180 or 270", o->rotate);
	int r = cfg_copy(&k.cfg, &k.store, o, err);
	if (r)
		return r;
	timings(&k);
	k.theme = k.cfg.look.theme;
	r = open_window(&k, err);
	if (!r)
		r = apply_look(&k, err);
	if (!r)
		r = deck_init(&k.d, list, err);
	if (r)
		goto done;
	set_active(true);
	relayout(&k);
	if (!k.cur_s && k.d.n)
		go(&k, +1); /* the first posting did not lay out: the next that does */
	if (!k.cur_s || !k.screen) {
		r = jk_fail(err, JK_EIO, "cannot draw on this display (%dx%d)", k.pw, k.ph);
		goto done;
	}
	k.shown_at = SDL_GetTicks();
	k.last_tick = k.shown_at;
	Uint32 start = k.shown_at;
	bool run = true;
	while (run) {
		Uint32 now = SDL_GetTicks();
		if (o->max_seconds > 0 && now - start >= (Uint32)(o->max_seconds * 1000))
			break;
		keep_alive(&k, now);
		long long wms = wall_ms(&k);
		follow_schedule(&k, wms);
		if (!k.off) {
			step_on(&k, wms);
		} else if (k.need_present) {
			/* Off: black, nothing else drawn (also after an expose). */
			if (k.screen)
				fill(k.screen, (SDL_Rect){0, 0, k.screen->w, k.screen->h}, 0);
			flush(&k, NULL);
			k.st->frames++;
			k.need_present = false;
		}
		report(&k);
		SDL_Event ev;
		if (wait_event(&ev, next_wait(&k, wms, start))) {
			do {
				if (!handle(&k, &ev))
					run = false;
			} while (run && SDL_PollEvent(&ev));
		}
	}
done:
	SDL_FreeSurface(k.cur_s);
	if (k.tex)
		SDL_DestroyTexture(k.tex);
	if (k.ren)
		SDL_FreeSurface(k.screen); /* else it is the window's */
	deck_clear(&k.d);
	render_fonts_close(k.fonts);
	set_active(false);
	if (k.ren)
		SDL_DestroyRenderer(k.ren);
	if (k.win)
		SDL_DestroyWindow(k.win);
	SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
	store_free(&k.store);
	return r;
}
