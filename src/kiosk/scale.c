/* scale.c — pages drawn smaller than the window (a 4K desktop without a
 * GPU, renderer.c) and scaled up into the window's surface at each flush.
 * Exactly twice the size (4K from 1080p), each pixel is doubled by a plain
 * loop the compiler vectorises: a quarter of the blend's work plus one
 * write of the screen, where SDL's generic stretch cost more than the 4K
 * blend it saves. Other ratios go through SDL's linear stretch. */
#include "internal.h"

#include <string.h>

bool kiosk_scaled_make(kiosk *k)
{
	SDL_FreeSurface(k->screen);
	k->screen = SDL_CreateRGBSurfaceWithFormat(0, k->pw, k->ph, 32, SDL_PIXELFORMAT_XRGB8888);
	return k->screen != NULL;
}

/* Rows y0..y0+h and columns x0..x0+w of s, each pixel twice across (one
 * 8-byte store) and each row twice down (a memcpy) into d. */
static void double_rect(const SDL_Surface *s, SDL_Surface *d, int x0, int y0, int w, int h)
{
	for (int y = y0; y < y0 + h; y++) {
		const Uint32 *src =
		    (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch) + x0;
		Uint8 *a = (Uint8 *)d->pixels + (size_t)(2 * y) * d->pitch + (size_t)x0 * 8;
		Uint8 *b = (Uint8 *)d->pixels + (size_t)(2 * y + 1) * d->pitch + (size_t)x0 * 8;
		for (int x = 0; x < w; x++) {
			Uint64 v = (Uint64)src[x] * 0x100000001ull;
			memcpy(a + (size_t)x * 8, &v, 8);
		}
		memcpy(b, a, (size_t)w * 8);
	}
}

/* Rectangle r of the page in window pixels. */
static SDL_Rect up(const SDL_Surface *s, const SDL_Surface *win, SDL_Rect r)
{
	return (SDL_Rect){
	    (int)((long long)r.x * win->w / s->w), (int)((long long)r.y * win->h / s->h),
	    (int)((long long)r.w * win->w / s->w), (int)((long long)r.h * win->h / s->h)};
}

void kiosk_scaled_flush(kiosk *k, const SDL_Rect *r, int n)
{
	SDL_Surface *win = SDL_GetWindowSurface(k->win), *s = k->screen;
	SDL_Rect all = {0, 0, s ? s->w : 0, s ? s->h : 0}, dst[KIOSK_BANDS + 1];
	if (!win || !s)
		return;
	if (!r || n <= 0 || n > KIOSK_BANDS + 1) {
		r = &all;
		n = 1;
	}
	bool twice = win->w == 2 * s->w && win->h == 2 * s->h && win->format->BytesPerPixel == 4 &&
	             win->format->Rmask == 0xFF0000u && win->format->Gmask == 0xFF00u &&
	             win->format->Bmask == 0xFFu;
	if (SDL_MUSTLOCK(win) && SDL_LockSurface(win) != 0)
		return;
	for (int i = 0; twice && i < n; i++)
		double_rect(s, win, r[i].x, r[i].y, r[i].w, r[i].h);
	if (SDL_MUSTLOCK(win))
		SDL_UnlockSurface(win);
	for (int i = 0; i < n; i++) {
		SDL_Rect src = r[i];
		dst[i] = up(s, win, src);
		if (!twice && SDL_SoftStretchLinear(s, &src, win, &dst[i]) != 0)
			SDL_BlitScaled(s, &src, win, &dst[i]); /* another pixel format */
	}
	SDL_UpdateWindowSurfaceRects(k->win, dst, n);
}
