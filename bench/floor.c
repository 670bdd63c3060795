/* floor.c — the bare SDL2 program the kiosk's screen is measured against:
 * a 1920x1080 window on SDL's software renderer, two full-screen textures,
 * the second faded in over the first with SDL_SetTextureAlphaMod. What a
 * kiosk costs with nothing of its own: no fonts, no layout, no files.
 *
 * Prints one line: launch to first frame (from FLOOR_T0, the launcher's
 * CLOCK_MONOTONIC seconds at fork, else from main()), and the median fade
 * frame split into compose (two copies, one with alpha) and present.
 * bench_browser runs it on its Xvfb and prints jobkiosk's figures as
 * ratios of these. Usage: floor [FRAMES] (default 90, back to back). */
#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define W 1920
#define H 1080

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof v[0], cmp_double);
	return n ? v[n / 2] : 0;
}

/* A page-like picture: a background, a band, blocks of "text" rows. */
static SDL_Texture *page(SDL_Renderer *r, Uint32 bg, Uint32 fg, int seed)
{
	SDL_Texture *t =
	    SDL_CreateTexture(r, SDL_PIXELFORMAT_XRGB8888, SDL_TEXTUREACCESS_STREAMING, W, H);
	void *px;
	int pitch;
	if (!t || SDL_LockTexture(t, NULL, &px, &pitch) != 0)
		return t;
	for (int y = 0; y < H; y++) {
		Uint32 *row = (Uint32 *)(void *)((Uint8 *)px + (size_t)y * (size_t)pitch);
		bool band = y < H / 9, text = (y / 24 + seed) % 3 != 0 && y > H / 5;
		for (int x = 0; x < W; x++)
			row[x] =
			    band || (text && x > 96 && (x / 14 + y / 24 + seed) % 7 != 0) ? fg : bg;
	}
	SDL_UnlockTexture(t);
	return t;
}

int main(int argc, char **argv)
{
	const char *t0s = getenv("FLOOR_T0");
	double t0 = t0s && *t0s ? atof(t0s) * 1000.0 : now_ms();
	int frames = argc > 1 ? atoi(argv[1]) : 90;
	if (frames < 2 || frames > 100000) {
		fprintf(stderr, "usage: floor [FRAMES 2-100000]\n");
		return 2;
	}
	/* The window's framebuffer straight to X (shared memory), as the kiosk
	 * has it: without this hint SDL puts it in an OpenGL texture, which on
	 * a board without a GPU (and on Xvfb) is llvmpipe, several times slower. */
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "floor: %s\n", SDL_GetError());
		return 1;
	}
	SDL_Window *win =
	    SDL_CreateWindow("floor", 0, 0, W, H, SDL_WINDOW_SHOWN | SDL_WINDOW_BORDERLESS);
	SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
	SDL_Texture *a = ren ? page(ren, 0x1E2430, 0xE8E8E8, 0) : NULL;
	if (a) { /* the first page up before the second is made, as the kiosk does */
		SDL_SetTextureBlendMode(a, SDL_BLENDMODE_NONE);
		SDL_RenderCopy(ren, a, NULL, NULL);
		SDL_RenderPresent(ren);
	}
	double first = now_ms() - t0;
	SDL_Texture *b = a ? page(ren, 0xF4F1EA, 0x202020, 1) : NULL;
	if (!b) {
		fprintf(stderr, "floor: %s\n", SDL_GetError());
		SDL_Quit();
		return 1;
	}
	SDL_SetTextureBlendMode(b, SDL_BLENDMODE_BLEND);

	double *compose = malloc(sizeof(double) * (size_t)frames * 2), *present = compose + frames;
	if (!compose) {
		SDL_Quit();
		return 1;
	}
	for (int i = 0; i < frames; i++) {
		SDL_Event ev;
		while (SDL_PollEvent(&ev))
			;
		double f0 = now_ms();
		SDL_RenderCopy(ren, a, NULL, NULL);
		SDL_SetTextureAlphaMod(b, (Uint8)(1 + i % 254)); /* never 0 or 255: a real blend */
		SDL_RenderCopy(ren, b, NULL, NULL);
		SDL_RenderFlush(ren); /* the copies run now, not batched into the present */
		double f1 = now_ms();
		SDL_RenderPresent(ren);
		compose[i] = f1 - f0;
		present[i] = now_ms() - f1;
	}
	double c = median(compose, frames), p = median(present, frames);
	printf("floor: first_frame_ms=%.1f fade_frame_ms=%.2f compose_ms=%.2f present_ms=%.2f "
	       "frames=%d renderer=software size=%dx%d\n",
	       first, c + p, c, p, frames, W, H);
	fflush(stdout);
	free(compose);
	SDL_DestroyTexture(a);
	SDL_DestroyTexture(b);
	SDL_DestroyRenderer(ren);
	SDL_DestroyWindow(win);
	SDL_Quit();
	return 0;
}
