/* gpu.c — the screen on the GPU path. The old and the new page are two
 * static textures; a crossfade draws the new one over the old with its
 * alpha and presents with vsync, so no page is blended or sent again
 * while it fades. The screen surface (ours) still takes the new page,
 * the progress bar and the clock, and only their rectangles go to the
 * texture. A screenshot draws the frame again and reads it back. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static SDL_Texture *page_texture(kiosk *k)
{
	SDL_Texture *t = SDL_CreateTexture(k->ren, SDL_PIXELFORMAT_XRGB8888,
	                                   SDL_TEXTUREACCESS_STATIC, k->pw, k->ph);
	if (t)
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_NONE);
	return t;
}

bool kiosk_gpu_begin(kiosk *k)
{
	if (!k->gpu || !k->tex || !k->screen || !k->cur_s)
		return true;
	if (!k->old_tex)
		k->old_tex = page_texture(k);
	if (!k->old_tex)
		return false; /* no room for two pages */
	/* What is shown becomes the old page (a fade under way: the page that
	 * was coming in). */
	SDL_Texture *t = k->old_tex;
	k->old_tex = k->tex;
	k->tex = t;
	const SDL_Surface *c = k->cur_s;
	SDL_Surface *s = k->screen;
	for (int y = 0; y < c->h; y++)
		memcpy((Uint8 *)s->pixels + (size_t)y * s->pitch,
		       (const Uint8 *)c->pixels + (size_t)y * c->pitch, (size_t)c->w * 4);
	SDL_UpdateTexture(k->tex, NULL, s->pixels, s->pitch);
	k->gpu_bar = (SDL_Rect){0, 0, 0, 0};
	k->nband = 0; /* no rows to blend or send: the pages are textures */
	return true;
}

/* The frame into the renderer's back buffer: the page, or during a fade
 * the old page, the new one at the fade's alpha and the bar on top. */
static void draw(const kiosk *k)
{
	SDL_Renderer *r = k->ren;
	if (!k->fading || !k->old_tex) {
		SDL_RenderCopy(r, k->tex, NULL, NULL);
		return;
	}
	unsigned a = k->fade_a >= 256 ? 255 : (k->fade_a * 255 + 128) / 256;
	SDL_RenderCopy(r, k->old_tex, NULL, NULL);
	SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_BLEND);
	SDL_SetTextureAlphaMod(k->tex, (Uint8)a);
	SDL_RenderCopy(r, k->tex, NULL, NULL);
	SDL_SetTextureBlendMode(k->tex, SDL_BLENDMODE_NONE);
	SDL_SetTextureAlphaMod(k->tex, 255);
	if (k->gpu_bar.w > 0 && k->gpu_bar.h > 0)
		SDL_RenderCopy(r, k->tex, &k->gpu_bar, &k->gpu_bar);
}

/* Sends rectangles r[0..n) of the screen (NULL: all of it) to tex and
 * presents. During a fade the screen is the new page since it began, but
 * for the bar (the one rectangle sent then): nothing else is sent. */
void kiosk_gpu_flush(kiosk *k, const SDL_Rect *r, int n)
{
	if (!k->tex || !k->screen)
		return;
	bool mix = k->fading && k->old_tex;
	if (!r && !mix)
		SDL_UpdateTexture(k->tex, NULL, k->screen->pixels, k->screen->pitch);
	for (int i = 0; r && i < n; i++) {
		if (r[i].w <= 0 || r[i].h <= 0)
			continue;
		const Uint8 *px = (const Uint8 *)k->screen->pixels +
		                  (size_t)r[i].y * k->screen->pitch + (size_t)r[i].x * 4;
		SDL_UpdateTexture(k->tex, &r[i], px, k->screen->pitch);
		if (mix)
			k->gpu_bar = r[i];
	}
	draw(k);
	SDL_RenderPresent(k->ren); /* waits for vsync where the driver has it */
}

bool kiosk_gpu_read(const kiosk *k, kiosk_frame *out)
{
	int w = k->pw, h = k->ph;
	if (!k->tex || w <= 0 || h <= 0)
		return false;
	out->pixels = malloc((size_t)w * 4 * (size_t)h);
	if (!out->pixels)
		return false;
	/* The back buffer after a present is undefined: drawn again, not
	 * presented. */
	draw(k);
	if (SDL_RenderReadPixels(k->ren, NULL, SDL_PIXELFORMAT_XRGB8888, out->pixels, w * 4) != 0) {
		jk_log(JK_LOG_WARN, "kiosk", "screenshot: %s", SDL_GetError());
		free(out->pixels);
		out->pixels = NULL;
		return false;
	}
	out->w = w;
	out->h = h;
	out->pitch = w * 4;
	return true;
}

void kiosk_gpu_free(kiosk *k)
{
	if (k->old_tex)
		SDL_DestroyTexture(k->old_tex);
	k->old_tex = NULL;
}
