/* kiosk.c — the slideshow loop.
 *
 * Event driven: the loop sleeps in SDL_WaitEventTimeout until the nearest
 * deadline (slide change, progress tick, next crossfade frame). Each page is
 * composed once (render_page: the same pixels --render writes) and uploaded
 * into one opaque texture; a crossfade blends the old and the new page into
 * that texture (an integer blend, several times faster than SDL's software
 * alpha blit, so a frame stays within a few ms on a Pi-class CPU); a static
 * slide costs nothing but the progress tick, once a second. Postings are
 * laid out lazily, when first shown, so the first slide comes fast. */
#include "kiosk.h"

#include "render.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TICK_MS 1000 /* progress indicator redraws at most once a second */
#define FRAME_MS 33  /* crossfade at 30 frames a second: smooth, half the CPU of 60 */

typedef struct deck {
	posting_list *list;
	layout_doc *docs; /* n + 1: the postings, then the overview */
	bool *laid;
	size_t n;
	layout_params lp;
} deck;

typedef struct kiosk {
	const kiosk_opts *o;
	kiosk_stats *st;
	SDL_Window *win;
	SDL_Renderer *ren;
	render_fonts *fonts;
	layout_theme theme;
	deck d;
	int pw, ph;          /* physical output size */
	size_t cur, page;    /* posting index (n = overview), page */
	SDL_Surface *cur_s;  /* the current page, composed once */
	SDL_Surface *prev_s; /* the page fading out, or NULL */
	SDL_Texture *tex;    /* streaming texture holding what is on screen */
	Uint64 t0;           /* kiosk_run() entry */
	Uint32 shown_at;     /* ms: current slide first presented */
	Uint32 fade_at;      /* ms: crossfade start */
	Uint32 paused_at;    /* ms: when paused, 0 when running */
	Uint32 last_tick;
	Uint32 slide_ms, fade_ms;
	bool first_shown;
	bool need_present;
	float touch_x;       /* where the finger went down */
	bool touch_down;
} kiosk;

static double ms_since(Uint64 t)
{
	return (double)(SDL_GetPerformanceCounter() - t) * 1000.0 /
	       (double)SDL_GetPerformanceFrequency();
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

static int deck_init(deck *d, posting_list *l, jk_err *err)
{
	d->list = l;
	d->n = l->n;
	d->docs = calloc(d->n + 1, sizeof *d->docs);
	d->laid = calloc(d->n + 1, sizeof *d->laid);
	if (!d->docs || !d->laid) {
		deck_clear(d);
		return jk_fail(err, JK_ENOMEM, "kiosk: out of memory");
	}
	return 0;
}

/* Pages of deck entry i (laid out on first use); 0 when it failed. */
static size_t deck_pages(deck *d, size_t i)
{
	if (!d->laid[i]) {
		d->laid[i] = true;
		jk_err err = {0};
		int r = i < d->n ? layout_posting(d->list->items[i], &d->lp, &d->docs[i], &err)
		                 : layout_overview((const posting *const *)d->list->items, d->n, &d->lp,
		                                   &d->docs[i], &err);
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
	int lw = k->d.lp.w, lh = k->d.lp.h;
	switch (k->o->rotate) {
	case 90:
		return (SDL_Rect){lh - y - h, x, h, w};
	case 180:
		return (SDL_Rect){lw - x - w, lh - y - h, w, h};
	case 270:
		return (SDL_Rect){y, lw - x - w, h, w};
	default:
		return (SDL_Rect){x, y, w, h};
	}
}

static void set_color(SDL_Renderer *r, uint32_t c)
{
	SDL_SetRenderDrawColor(r, (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c, 255);
}

static uint32_t mix(uint32_t a, uint32_t b, int pct)
{
	uint32_t o = 0;
	for (int s = 0; s < 24; s += 8) {
		int ca = (int)((a >> s) & 255), cb = (int)((b >> s) & 255);
		o |= (uint32_t)((ca * (100 - pct) + cb * pct) / 100) << s;
	}
	return o;
}

/* The slim bar along the bottom: the deck so far (muted) and the running
 * slide (accent, growing with its time). */
static void draw_progress(kiosk *k, Uint32 now)
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
	SDL_Rect r = turn(k, 0, lh - bh, lw, bh);
	set_color(k->ren, mix(k->theme.bg, k->theme.muted, 25));
	SDL_RenderFillRect(k->ren, &r);
	r = turn(k, 0, lh - bh, (int)x0, bh);
	set_color(k->ren, mix(k->theme.bg, k->theme.muted, 70));
	if (r.w > 0 && r.h > 0)
		SDL_RenderFillRect(k->ren, &r);
	r = turn(k, (int)x0, lh - bh, (int)(sw * f) > 0 ? (int)(sw * f) : 1, bh);
	set_color(k->ren, k->paused_at ? k->theme.muted : k->theme.accent);
	SDL_RenderFillRect(k->ren, &r);
}

/* Writes the blend of prev_s and cur_s at alpha a (0-256) into the texture. */
static void blend_into_texture(kiosk *k, unsigned a)
{
	void *px;
	int pitch;
	if (SDL_LockTexture(k->tex, NULL, &px, &pitch) != 0)
		return;
	const SDL_Surface *p = k->prev_s, *c = k->cur_s;
	unsigned na = 256 - a;
	for (int y = 0; y < c->h; y++) {
		const Uint32 *rp = (const Uint32 *)((const Uint8 *)p->pixels + (size_t)y * p->pitch);
		const Uint32 *rc = (const Uint32 *)((const Uint8 *)c->pixels + (size_t)y * c->pitch);
		Uint32 *ro = (Uint32 *)((Uint8 *)px + (size_t)y * pitch);
		for (int x = 0; x < c->w; x++) {
			/* Red and blue in one multiply, green in another. */
			Uint32 rb = ((rp[x] & 0xFF00FFu) * na + (rc[x] & 0xFF00FFu) * a) >> 8;
			Uint32 g = ((rp[x] & 0x00FF00u) * na + (rc[x] & 0x00FF00u) * a) >> 8;
			ro[x] = (rb & 0xFF00FFu) | (g & 0x00FF00u) | 0xFF000000u;
		}
	}
	SDL_UnlockTexture(k->tex);
}

static void upload(kiosk *k)
{
	if (k->tex && k->cur_s)
		SDL_UpdateTexture(k->tex, NULL, k->cur_s->pixels, k->cur_s->pitch);
}

static void present(kiosk *k, Uint32 now)
{
	Uint64 t = SDL_GetPerformanceCounter();
	bool fading = k->prev_s != NULL;
	if (fading) {
		Uint32 el = now > k->fade_at ? now - k->fade_at : 0;
		if (el >= k->fade_ms) {
			SDL_FreeSurface(k->prev_s);
			k->prev_s = NULL;
			upload(k);
		} else {
			blend_into_texture(k, el * 256 / k->fade_ms);
		}
	}
	if (k->tex) {
		SDL_RenderCopy(k->ren, k->tex, NULL, NULL);
	} else {
		set_color(k->ren, k->theme.bg);
		SDL_RenderClear(k->ren);
	}
	draw_progress(k, now);
	SDL_RenderPresent(k->ren);
	k->st->frames++;
	if (fading) {
		k->st->fade_frames++;
		k->st->fade_ms_total += ms_since(t);
	}
	k->need_present = false;
}

/* (Re)creates the screen texture for the output size. */
static bool make_texture(kiosk *k)
{
	if (k->tex)
		SDL_DestroyTexture(k->tex);
	k->tex = SDL_CreateTexture(k->ren, SDL_PIXELFORMAT_XRGB8888, SDL_TEXTUREACCESS_STREAMING,
	                           k->pw, k->ph);
	if (k->tex)
		SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_NONE);
	return k->tex != NULL;
}

/* Composes the current page into cur_s; keeps the old one as prev_s for a
 * crossfade when fade is set, else shows the new one at once. */
static void compose(kiosk *k, bool fade)
{
	Uint64 t = SDL_GetPerformanceCounter();
	deck_pages(&k->d, k->cur);
	SDL_Surface *ns = NULL;
	if (k->page < k->d.docs[k->cur].npages) {
		jk_err err = {0};
		ns = render_page(k->fonts, &k->d.docs[k->cur], k->page, &k->theme, k->o->rotate, &err);
		if (!ns)
			fprintf(stderr, "jobkiosk: %s\n", err.msg);
	}
	k->st->composes++;
	k->st->compose_ms_total += ms_since(t);
	if (!ns)
		return; /* keep what is shown: never a black screen */
	if (ns->w != k->pw || ns->h != k->ph)
		fade = false;
	if (k->prev_s)
		SDL_FreeSurface(k->prev_s);
	k->prev_s = NULL;
	if (fade && k->cur_s && !k->o->cut && k->cur_s->w == ns->w && k->cur_s->h == ns->h) {
		k->prev_s = k->cur_s;
		k->fade_at = SDL_GetTicks();
	} else {
		SDL_FreeSurface(k->cur_s);
	}
	k->cur_s = ns;
	if (!k->prev_s)
		upload(k);
	k->need_present = true;
}

/* Moves dir (+1/-1) slides, skipping entries that have no pages. */
static void go(kiosk *k, int dir)
{
	size_t slots = k->d.n + 1;
	if (dir > 0) {
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
	compose(k, true);
	k->shown_at = SDL_GetTicks();
	if (k->paused_at)
		k->paused_at = k->shown_at;
	k->first_shown = false;
}

/* Lays everything out again for the current output size. */
static void relayout(kiosk *k)
{
	int w, h;
	if (SDL_GetRendererOutputSize(k->ren, &w, &h) != 0 || w < 160 || h < 160)
		return;
	k->pw = w;
	k->ph = h;
	if (!make_texture(k))
		return;
	render_logical_size(w, h, k->o->rotate, &k->d.lp.w, &k->d.lp.h);
	for (size_t i = 0; i <= k->d.n; i++) {
		layout_doc_free(&k->d.docs[i]);
		k->d.laid[i] = false;
	}
	size_t np = deck_pages(&k->d, k->cur);
	if (k->page >= np)
		k->page = np ? np - 1 : 0;
	compose(k, false);
}

static void reload(kiosk *k, kiosk_reload_fn fn, void *ud)
{
	posting_list nl;
	posting_list_init(&nl);
	jk_err err = {0};
	if (!fn || fn(ud, &nl, &err) != 0) {
		if (fn)
			fprintf(stderr, "jobkiosk: reload: %s\n", err.msg);
		posting_list_free(&nl);
		return;
	}
	deck_clear(&k->d);
	posting_list_free(k->d.list);
	*k->d.list = nl;
	if (deck_init(&k->d, k->d.list, &err)) {
		fprintf(stderr, "jobkiosk: %s\n", err.msg);
		return;
	}
	k->st->reloads++;
	k->cur = 0;
	k->page = 0;
	if (!deck_pages(&k->d, 0))
		k->cur = k->d.n;
	compose(k, true);
	k->shown_at = SDL_GetTicks();
	k->first_shown = false;
}

/* Textures are gone after a device reset: rebuild the screen texture from
 * the page kept in memory (and lay out again if the size changed). */
static void reset_textures(kiosk *k)
{
	k->st->resets++;
	int w, h;
	if (SDL_GetRendererOutputSize(k->ren, &w, &h) == 0 && (w != k->pw || h != k->ph)) {
		relayout(k);
	} else if (make_texture(k)) {
		upload(k);
	}
	k->need_present = true;
}

static void state_of(const kiosk *k, kiosk_state *s)
{
	s->posting = k->cur;
	s->nposting = k->d.n;
	s->page = k->page;
	s->npages = k->d.docs[k->cur].npages;
	s->paused = k->paused_at != 0;
	s->slide = k->st->shown;
	s->nslides = 0;
}

/* ---- the loop ---------------------------------------------------------- */

static int open_window(kiosk *k, jk_err *err)
{
	const kiosk_opts *o = k->o;
	if (!o->accelerated)
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
		return jk_fail(err, JK_EIO, "no display: %s (try --render DIR)", SDL_GetError());
	Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
	int w = o->win_w, h = o->win_h;
	if (w <= 0 || h <= 0) {
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
		w = 1920;
		h = 1080;
	} else {
		flags |= SDL_WINDOW_RESIZABLE;
	}
	k->win = SDL_CreateWindow("jobkiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
	                          flags);
	if (!k->win)
		return jk_fail(err, JK_EIO, "cannot open a window: %s", SDL_GetError());
	k->ren = SDL_CreateRenderer(k->win, -1,
	                            o->accelerated ? SDL_RENDERER_ACCELERATED : SDL_RENDERER_SOFTWARE);
	if (!k->ren)
		return jk_fail(err, JK_EIO, "cannot create a renderer: %s", SDL_GetError());
	if (w > 0 && !(flags & SDL_WINDOW_FULLSCREEN_DESKTOP))
		SDL_ShowCursor(SDL_ENABLE);
	else
		SDL_ShowCursor(SDL_DISABLE);
	return 0;
}

/* Handles one event; returns false to quit. */
static bool handle(kiosk *k, const SDL_Event *ev, kiosk_reload_fn fn, void *ud)
{
	switch (ev->type) {
	case SDL_QUIT:
		return false;
	case SDL_KEYDOWN:
		switch (ev->key.keysym.sym) {
		case SDLK_q:
		case SDLK_ESCAPE:
			return false;
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
			reload(k, fn, ud);
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
		if (k->touch_down) {
			float dx = ev->tfinger.x - k->touch_x;
			/* A swipe right goes back; a tap or a swipe left goes on. */
			go(k, dx > 0.08f ? -1 : +1);
		}
		k->touch_down = false;
		break;
	case SDL_MOUSEBUTTONUP:
		if (ev->button.which != SDL_TOUCH_MOUSEID && ev->button.button == SDL_BUTTON_LEFT)
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

int kiosk_run(posting_list *list, const kiosk_opts *o, kiosk_reload_fn fn, void *ud,
              kiosk_stats *stats, jk_err *err)
{
	kiosk_stats dummy;
	kiosk k = {.o = o, .st = stats ? stats : &dummy, .t0 = SDL_GetPerformanceCounter()};
	memset(k.st, 0, sizeof *k.st);
	if (!render_rotation_ok(o->rotate))
		return jk_fail(err, JK_EARG, "rotation %d: use 0, 90, 180 or 270", o->rotate);
	k.slide_ms = (Uint32)((o->slide_seconds > 0 ? o->slide_seconds : 12) * 1000);
	k.fade_ms = (Uint32)(o->fade_ms > 0 ? o->fade_ms : 700);
	k.theme = layout_theme_default();
	int r = open_window(&k, err);
	if (!r)
		r = render_fonts_open(&k.fonts, err);
	if (!r)
		r = deck_init(&k.d, list, err);
	if (r)
		goto done;
	k.d.lp.theme = &k.theme;
	k.d.lp.measure = render_measurer(k.fonts);
	relayout(&k);
	if (!k.cur_s && k.d.n)
		go(&k, +1); /* the first posting did not lay out: the next that does */
	if (!k.cur_s || !k.tex) {
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
		if (!k.paused_at && now - k.shown_at >= k.slide_ms) {
			go(&k, +1);
			now = SDL_GetTicks(); /* composing took time */
		}
		if (k.need_present || k.prev_s) {
			present(&k, now);
			k.last_tick = now;
		} else if (!k.paused_at && now - k.last_tick >= TICK_MS) {
			present(&k, now);
			k.st->ticks++;
			k.last_tick = now;
		}
		if (!k.first_shown) {
			k.first_shown = true;
			k.st->shown++;
			if (k.st->shown == 1)
				k.st->first_slide_ms = ms_since(k.t0);
			if (o->on_show) {
				kiosk_state s;
				state_of(&k, &s);
				o->on_show(o->hook_ud, &s);
			}
		}
		/* Sleep until the nearest deadline. */
		now = SDL_GetTicks();
		Uint32 wait = TICK_MS - (now - k.last_tick < TICK_MS ? now - k.last_tick : TICK_MS);
		if (k.paused_at)
			wait = 60000; /* nothing moves while paused */
		else {
			Uint32 left = now - k.shown_at < k.slide_ms ? k.slide_ms - (now - k.shown_at) : 0;
			if (left < wait)
				wait = left;
		}
		if (k.prev_s)
			wait = FRAME_MS;
		if (o->max_seconds > 0) {
			Uint32 end = start + (Uint32)(o->max_seconds * 1000);
			Uint32 rest = end > now ? end - now : 0;
			if (rest < wait)
				wait = rest;
		}
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, (int)wait)) {
			do {
				if (!handle(&k, &ev, fn, ud))
					run = false;
			} while (run && SDL_PollEvent(&ev));
		}
	}
done:
	SDL_FreeSurface(k.prev_s);
	SDL_FreeSurface(k.cur_s);
	if (k.tex)
		SDL_DestroyTexture(k.tex);
	deck_clear(&k.d);
	render_fonts_close(k.fonts);
	if (k.ren)
		SDL_DestroyRenderer(k.ren);
	if (k.win)
		SDL_DestroyWindow(k.win);
	SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
	return r;
}
