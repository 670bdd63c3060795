/* screen.c — the picture on the display. On the software path the screen
 * is the window's own surface: a crossfade blends it in place towards the
 * new page (an integer blend, a few ms a frame on a Pi-class CPU, no third
 * copy of the screen), and the once-a-second progress tick redraws and
 * sends only the bar's rows. The burn-in shift of a page is done here too. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

double kiosk_ms_since(Uint64 t)
{
	return (double)(SDL_GetPerformanceCounter() - t) * 1000.0 /
	       (double)SDL_GetPerformanceFrequency();
}

const double kiosk_frame_le_ms[KIOSK_FRAME_BUCKETS - 1] = {2, 5, 10, 16, 33, 50, 100, 250};

/* One frame out: counted, and its time since t0 into its bucket. */
void kiosk_screen_count(kiosk *k, Uint64 t0)
{
	double ms = kiosk_ms_since(t0);
	size_t b = 0;
	while (b < KIOSK_FRAME_BUCKETS - 1 && ms > kiosk_frame_le_ms[b])
		b++;
	k->st->frame_hist[b]++;
	k->st->frame_ms_sum += ms;
	k->st->frames++;
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

/* Moves the picture in s by (dx, dy), filling what it uncovers with bg. */
void kiosk_screen_shift(SDL_Surface *s, int dx, int dy, uint32_t bg)
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

/* ---- drawing ----------------------------------------------------------- */

/* A rectangle of the logical screen in physical coordinates. */
static SDL_Rect turn(const kiosk *k, int x, int y, int w, int h)
{
	return render_turn_rect(k->lp.w, k->lp.h, k->cfg.rotate, x, y, w, h);
}

static void fill(SDL_Surface *s, SDL_Rect r, uint32_t c)
{
	if (r.w > 0 && r.h > 0)
		SDL_FillRect(s, &r,
		             SDL_MapRGB(s->format, (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c));
}

void kiosk_screen_black(kiosk *k)
{
	if (k->screen)
		fill(k->screen, (SDL_Rect){0, 0, k->screen->w, k->screen->h}, 0);
}

/* The slim bar along the bottom: the deck so far (muted) and the running
 * slide (accent, growing with its time). Drawn straight onto the screen;
 * *out gets the physical rectangle it covers. */
static void draw_progress(kiosk *k, uint64_t now, SDL_Rect *out)
{
	int lw = k->lp.w, lh = k->lp.h;
	int S = lw < lh ? lw : lh;
	int bh = S / 270 > 3 ? S / 270 : 3;
	size_t cur = kiosk_slides_posting(k->sl), page = kiosk_slides_page(k->sl);
	size_t slots = kiosk_slides_count(k->sl) + 1;
	size_t np = kiosk_slides_pages(k->sl, cur) ? kiosk_slides_pages(k->sl, cur) : 1;
	double seg = (double)lw / (double)slots;
	double x0 = seg * (double)cur + seg * (double)page / (double)np;
	double sw = seg / (double)np;
	uint64_t end = k->paused ? k->paused_at : now;
	uint64_t el = end > k->shown_at ? end - k->shown_at : 0;
	double f = k->slide_ms ? (double)el / (double)k->slide_ms : 0;
	if (f > 1)
		f = 1;
	*out = turn(k, 0, lh - bh, lw, bh);
	fill(k->screen, *out, layout_mix(k->theme.bg, k->theme.muted, 25));
	fill(k->screen, turn(k, 0, lh - bh, (int)x0, bh),
	     layout_mix(k->theme.bg, k->theme.muted, 70));
	fill(k->screen, turn(k, (int)x0, lh - bh, (int)(sw * f) > 0 ? (int)(sw * f) : 1, bh),
	     k->paused ? k->theme.muted : k->theme.accent);
}

/* Moves the changed rows of the screen from blend a0 to blend a1 (0-256)
 * of cur_s, in place: out = out + (cur - out) * (a1 - a0) / (256 - a0).
 * No copy of the old page is kept, so a crossfade needs no memory beyond
 * the two pages; rows outside the bands are already cur_s's. */
static void blend_step(kiosk *k, unsigned a0, unsigned a1)
{
	SDL_Surface *o = k->screen;
	const SDL_Surface *c = k->cur_s;
	unsigned b = a1 >= 256 || a0 >= 256 ? 256 : (a1 - a0) * 256 / (256 - a0);
	if (SDL_MUSTLOCK(o) && SDL_LockSurface(o) != 0)
		return;
	for (size_t i = 0; i < k->nband; i++)
		for (int y = k->band[i].y; y < k->band[i].y + k->band[i].h; y++)
			render_blend_row(
			    (Uint32 *)((Uint8 *)o->pixels + (size_t)y * o->pitch),
			    (const Uint32 *)((const Uint8 *)c->pixels + (size_t)y * c->pitch),
			    (size_t)c->w, b);
	if (SDL_MUSTLOCK(o))
		SDL_UnlockSurface(o);
}

/* The bands of rows where the screen differs from cur_s, found once at a
 * fade's start: the fade blends and sends only these (a new posting often
 * keeps the band, the bar and the background of whole stretches). Rows
 * less than BAND_GAP apart join one band; past KIOSK_BANDS bands the last
 * one grows. */
#define BAND_GAP 8
void kiosk_screen_fade_begin(kiosk *k)
{
	k->nband = 0;
	SDL_Surface *o = k->screen;
	const SDL_Surface *c = k->cur_s;
	if (!kiosk_screen_direct(k) || (SDL_MUSTLOCK(o) && SDL_LockSurface(o) != 0))
		return;
	for (int y = 0; y < c->h; y++) {
		if (!memcmp((const Uint8 *)o->pixels + (size_t)y * o->pitch,
		            (const Uint8 *)c->pixels + (size_t)y * c->pitch, (size_t)c->w * 4))
			continue;
		SDL_Rect *last = k->nband ? &k->band[k->nband - 1] : NULL;
		if (last && (y - (last->y + last->h) < BAND_GAP || k->nband == KIOSK_BANDS))
			last->h = y + 1 - last->y;
		else
			k->band[k->nband++] = (SDL_Rect){0, y, c->w, 1};
	}
	if (SDL_MUSTLOCK(o))
		SDL_UnlockSurface(o);
	k->st->fades_begun++;
	for (size_t i = 0; i < k->nband; i++)
		k->st->fade_rows += (size_t)k->band[i].h;
}

/* The screen surface can take cur_s row by row: same size, 32-bit xRGB. */
bool kiosk_screen_direct(const kiosk *k)
{
	return k->screen && k->cur_s && k->screen->w == k->cur_s->w &&
	       k->screen->h == k->cur_s->h && k->screen->format->BytesPerPixel == 4 &&
	       k->screen->format->Rmask == 0xFF0000u && k->screen->format->Gmask == 0xFF00u &&
	       k->screen->format->Bmask == 0xFFu;
}

/* Puts the whole current page on the screen surface. */
void kiosk_screen_upload(kiosk *k)
{
	k->fading = false;
	if (!k->screen || !k->cur_s)
		return;
	if (kiosk_screen_direct(k)) {
		k->band[0] = (SDL_Rect){0, 0, k->cur_s->w, k->cur_s->h};
		k->nband = 1;
		blend_step(k, 0, 256);
	} else
		SDL_BlitSurface(k->cur_s, NULL, k->screen, NULL);
}

/* Sends n rectangles of the screen (r NULL: all of it) to the display.
 * On the software path only the rectangles go: a progress tick costs a
 * few rows, a fade frame the rows that change; the streaming texture takes
 * the same rows. */
static void flush_rects(kiosk *k, const SDL_Rect *r, int n)
{
	if (k->gpu) {
		kiosk_gpu_flush(k, r, n);
		return;
	}
	if (!k->ren && k->draw_w) {
		kiosk_scaled_flush(k, r, n);
		return;
	}
	if (!k->ren) {
		if (r)
			SDL_UpdateWindowSurfaceRects(k->win, r, n);
		else
			SDL_UpdateWindowSurface(k->win);
		return;
	}
	if (k->tex) {
		for (int i = 0; i < (r ? n : 1); i++) {
			const Uint8 *px = (const Uint8 *)k->screen->pixels;
			if (r)
				px +=
				    (size_t)r[i].y * (size_t)k->screen->pitch + (size_t)r[i].x * 4;
			SDL_UpdateTexture(k->tex, r ? &r[i] : NULL, px, k->screen->pitch);
		}
		SDL_RenderCopy(k->ren, k->tex, NULL, NULL);
	}
	SDL_RenderPresent(k->ren);
}

/* Shows rect r of the screen (NULL: all of it). */
void kiosk_screen_flush(kiosk *k, const SDL_Rect *r)
{
	flush_rects(k, r, 1);
}

/* Draws what changed since the last present: a crossfade step (the rows
 * that differ, and the bar) or, when only the time moved on, the bar
 * alone. A whole present (the first page, an expose) sends everything. */
void kiosk_screen_present(kiosk *k, uint64_t now, bool full)
{
	Uint64 t = SDL_GetPerformanceCounter();
	bool fading = k->fading, bands = fading && !k->whole;
	if (fading) {
		uint64_t el = now > k->fade_at ? now - k->fade_at : 0;
		unsigned a = el >= k->fade_ms ? 256 : (unsigned)(el * 256 / k->fade_ms);
		if (a > k->fade_a)
			blend_step(k, k->fade_a, a);
		k->fading = a < 256;
		k->fade_a = a;
		full = true;
	}
	SDL_Rect r[KIOSK_BANDS + 1];
	int n = 0;
	if (bands)
		for (size_t i = 0; i < k->nband; i++)
			r[n++] = k->band[i];
	bool deck = kiosk_slides_count(k->sl) > 0 && !kiosk_urgent(k);
	if (deck)
		draw_progress(k, now, &r[n++]);
	if (bands || (!full && deck))
		flush_rects(k, n ? r : NULL, n);
	else
		flush_rects(k, NULL, 0);
	k->whole = false;
	kiosk_screen_count(k, t);
	if (fading) {
		k->st->fade_frames++;
		k->st->fade_ms_total += kiosk_ms_since(t);
	}
	k->need_present = false;
}

static void new_texture(kiosk *k)
{
	if (k->tex)
		SDL_DestroyTexture(k->tex);
	kiosk_gpu_free(k);
	/* Static on the GPU: no CPU copy of the page kept by SDL. */
	k->tex = SDL_CreateTexture(k->ren, SDL_PIXELFORMAT_XRGB8888,
	                           k->gpu ? SDL_TEXTUREACCESS_STATIC : SDL_TEXTUREACCESS_STREAMING,
	                           k->pw, k->ph);
	if (k->tex)
		SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_NONE);
}

/* (Re)gets the screen surface for the output size: the window's own on the
 * software path, a surface of ours plus a streaming texture otherwise. */
bool kiosk_screen_make(kiosk *k)
{
	if (!k->ren && k->draw_w)
		return kiosk_scaled_make(k);
	if (!k->ren) {
		k->screen = SDL_GetWindowSurface(k->win);
		return k->screen != NULL;
	}
	if (k->tex)
		SDL_DestroyTexture(k->tex);
	k->tex = NULL;
	SDL_FreeSurface(k->screen);
	k->screen = SDL_CreateRGBSurfaceWithFormat(0, k->pw, k->ph, 32, SDL_PIXELFORMAT_XRGB8888);
	new_texture(k);
	return k->tex && k->screen;
}

/* After a device reset on the accelerated path: our screen surface
 * survived, only the texture is new. */
void kiosk_screen_retexture(kiosk *k)
{
	if (k->ren && k->screen && k->tex)
		new_texture(k);
	if (k->gpu)
		kiosk_gpu_flush(k, NULL, 0); /* the page back in its texture */
}

void kiosk_screen_free(kiosk *k)
{
	SDL_FreeSurface(k->cur_s);
	kiosk_gpu_free(k);
	if (k->tex)
		SDL_DestroyTexture(k->tex);
	if (k->ren || k->draw_w)
		SDL_FreeSurface(k->screen); /* else it is the window's */
	k->cur_s = NULL;
	k->tex = NULL;
	k->screen = NULL;
}
