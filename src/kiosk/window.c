/* window.c — the window and the video drivers' quirks: which drivers can
 * sleep, a display mode that may not exist, borderless first on X11. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void kiosk_prepare(void)
{
	setenv("XCOMPOSEFILE", "/dev/null", 0);
}

/* Video drivers whose SDL_WaitEventTimeout really sleeps; the others
 * (offscreen, dummy, kmsdrm in SDL 2.26) poll every millisecond inside it,
 * which alone costs more CPU than the whole slideshow. */
bool kiosk_window_sleeps(void)
{
	const char *d = SDL_GetCurrentVideoDriver();
	return d && (!strcmp(d, "x11") || !strcmp(d, "wayland") || !strcmp(d, "windows") ||
	             !strcmp(d, "cocoa"));
}

/* Real full screen at the asked display mode: SDL picks the mode closest
 * to the window's size. NULL (logged) when that fails. */
static SDL_Window *open_mode(const kiosk_opts *o, Uint32 flags)
{
	SDL_Window *w = SDL_CreateWindow("jobkiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
	                                 o->mode_w, o->mode_h, flags | SDL_WINDOW_FULLSCREEN);
	SDL_DisplayMode m;
	if (w && SDL_GetWindowDisplayMode(w, &m) == 0 && (m.w != o->mode_w || m.h != o->mode_h))
		jk_log(JK_LOG_WARN, "kiosk", "display mode %dx%d not offered; using %dx%d",
		       o->mode_w, o->mode_h, m.w, m.h);
	if (!w)
		jk_log(JK_LOG_WARN, "kiosk", "display mode %dx%d: %s; using the desktop's",
		       o->mode_w, o->mode_h, SDL_GetError());
	return w;
}

/* Going full screen on X11 waits up to ~100 ms for the window manager; a
 * borderless window over the whole screen shows the first slide at once,
 * and becomes full screen right after (kiosk_window_fullscreen). */
static SDL_Window *open_borderless(Uint32 flags)
{
	const char *drv = SDL_GetCurrentVideoDriver();
	SDL_Rect b;
	if (!drv || strcmp(drv, "x11") || SDL_GetDisplayBounds(0, &b) != 0)
		return NULL;
	return SDL_CreateWindow("jobkiosk", b.x, b.y, b.w, b.h, flags | SDL_WINDOW_BORDERLESS);
}

/* The hints and the video subsystem. */
static int video_init(const kiosk_opts *o, jk_err *err)
{
	/* The window's surface is always plain memory: a GPU renderer, when
	 * chosen, is made separately (renderer.c). */
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	/* A booth screen never blanks by itself; only the schedule turns it
	 * off. (Console blanking and the X server's own DPMS are set outside
	 * the program: see platform/.) */
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
	if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
		return jk_fail(err, JK_EIO, "no display: %s (try --render DIR)", SDL_GetError());
	SDL_DisableScreenSaver();
	return 0;
}

int kiosk_window_open(kiosk *k, jk_err *err)
{
	const kiosk_opts *o = &k->cfg;
	int r = video_init(o, err);
	if (r)
		return r;
	Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
	int w = o->win_w, h = o->win_h;
	bool windowed = w > 0 && h > 0;
	if (windowed)
		flags |= SDL_WINDOW_RESIZABLE;
	else if (o->mode_w > 0 && o->mode_h > 0)
		k->win = open_mode(o, flags);
	if (!k->win && !windowed) {
		k->win = open_borderless(flags);
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
	r = kiosk_renderer_open(k, err);
	if (r)
		return r;
	SDL_ShowCursor(windowed ? SDL_ENABLE : SDL_DISABLE);
	return 0;
}

bool kiosk_window_size(const kiosk *k, int *w, int *h)
{
	if (k->draw_w > 0) {
		*w = k->draw_w;
		*h = k->draw_h;
		return true;
	}
	if (k->ren)
		return SDL_GetRendererOutputSize(k->ren, w, h) == 0;
	SDL_GetWindowSizeInPixels(k->win, w, h);
	return true;
}

/* The borderless window of X11 goes full screen once the first frame is
 * up. */
void kiosk_window_fullscreen(kiosk *k)
{
	if (!k->fullscreen_later)
		return;
	k->fullscreen_later = false;
	if (SDL_SetWindowFullscreen(k->win, SDL_WINDOW_FULLSCREEN_DESKTOP) != 0)
		jk_log(JK_LOG_WARN, "kiosk", "full screen: %s; staying a borderless window",
		       SDL_GetError());
	/* SDL drops the window's surface at the switch, even at the same
	 * size, and refuses to show the old one: without a new one the screen
	 * would stay on the first slide. The page goes onto the new one. */
	if (!k->ren && !k->draw_w) {
		k->screen = SDL_GetWindowSurface(k->win);
		kiosk_screen_upload(k);
		k->need_present = true;
		k->whole = true;
	}
}

void kiosk_window_close(kiosk *k)
{
	if (k->ren)
		SDL_DestroyRenderer(k->ren);
	if (k->win)
		SDL_DestroyWindow(k->win);
	k->ren = NULL;
	k->win = NULL;
	k->gpu = false;
	k->draw_w = k->draw_h = 0;
	SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}
