/* renderer.c — which renderer draws, and at what size. The GPU only where
 * it is hardware: Mesa's llvmpipe or softpipe is a CPU rasteriser, slower
 * at a crossfade than our own blend. Without a GPU a desktop above
 * 1920x1080 is shown at 1920x1080 (its own mode when the display has one,
 * else drawn at that size and scaled up, scale.c): a 4K crossfade is four times
 * the pixels. Each choice is logged in one line, with its reason. */
#include "internal.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MODES_MAX 64
#define FIT_W 1920
#define FIT_H 1080

kiosk_plan kiosk_display_plan(int dw, int dh, const int (*modes)[2], size_t n, bool gpu)
{
	kiosk_plan p = {0, 0, 0, 0};
	/* A portrait desktop fits 1080x1920. */
	int tw = dw >= dh ? FIT_W : FIT_H, th = dw >= dh ? FIT_H : FIT_W;
	if (gpu || dw <= 0 || dh <= 0 || (dw <= tw && dh <= th))
		return p;
	for (size_t i = 0; i < n; i++)
		if (modes[i][0] == tw && modes[i][1] == th) {
			p.mode_w = tw;
			p.mode_h = th;
			return p;
		}
	/* The desktop's aspect within tw x th: half of 4K. */
	if ((long long)tw * dh <= (long long)th * dw) {
		p.draw_w = tw;
		p.draw_h = (int)((long long)dh * tw / dw);
	} else {
		p.draw_h = th;
		p.draw_w = (int)((long long)dw * th / dh);
	}
	return p;
}

/* Whether a GPU may be behind the video driver; why says why not. Not on
 * offscreen or dummy; on the Unix drivers not without a DRM device, where
 * any GL is a CPU rasteriser: asking it costs a GL context (~70 ms of the
 * first slide) to learn nothing. */
static bool driver_may_have_gpu(char *why, size_t cap)
{
	const char *d = SDL_GetCurrentVideoDriver();
	if (d && (!strcmp(d, "x11") || !strcmp(d, "wayland") || !strcmp(d, "kmsdrm"))) {
		if (access("/dev/dri", F_OK) == 0)
			return true;
		snprintf(why, cap, "auto: no GPU device (no /dev/dri)");
		return false;
	}
	if (d && (!strcmp(d, "windows") || !strcmp(d, "cocoa")))
		return true;
	snprintf(why, cap, "auto: the %s video driver has no GPU", d ? d : "current");
	return false;
}

/* GL_RENDERER of the context the renderer just made current: Mesa names
 * its CPU rasterisers there. Empty when it cannot be read. */
typedef const unsigned char *(*gl_string_fn)(unsigned int);
static void gl_renderer_name(char *out, size_t cap)
{
	gl_string_fn f = (gl_string_fn)SDL_GL_GetProcAddress("glGetString");
	const unsigned char *s = f ? f(0x1F01 /* GL_RENDERER */) : NULL;
	snprintf(out, cap, "%s", s ? (const char *)s : "");
}

bool kiosk_gl_software(const char *gl)
{
	return strstr(gl, "llvmpipe") || strstr(gl, "softpipe") || strstr(gl, "swrast") ||
	       strstr(gl, "Software Rasterizer");
}

/* Tries SDL's GPU renderer; true with k->ren and k->gpu set. why gets the
 * reason when it is not taken (or how it was, when it is). */
static bool try_gpu(kiosk *k, bool forced, char *why, size_t cap)
{
	if (!forced && !driver_may_have_gpu(why, cap))
		return false;
	SDL_Renderer *r =
	    SDL_CreateRenderer(k->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
	if (!r) {
		snprintf(why, cap, "no GPU renderer: %s", SDL_GetError());
		return false;
	}
	SDL_RendererInfo ri;
	char gl[128] = "";
	if (SDL_GetRendererInfo(r, &ri) != 0 || !strcmp(ri.name, "software")) {
		SDL_DestroyRenderer(r);
		snprintf(why, cap, "SDL offers only its software renderer");
		return false;
	}
	gl_renderer_name(gl, sizeof gl);
	if (!forced && (kiosk_gl_software(gl) || !gl[0])) {
		SDL_DestroyRenderer(r);
		if (gl[0])
			snprintf(why, cap, "auto: %s draws with %s, a CPU rasteriser", ri.name, gl);
		else
			snprintf(why, cap, "auto: %s does not name its GL_RENDERER", ri.name);
		return false;
	}
	k->ren = r;
	k->gpu = true;
	snprintf(why, cap, "%s on %s%s%s", ri.name, gl[0] ? gl : "an unnamed GL driver",
	         ri.flags & SDL_RENDERER_PRESENTVSYNC ? ", vsync" : ", no vsync",
	         forced ? ", renderer = gpu" : "");
	return true;
}

/* resolution = auto on a desktop above 1920x1080 without a GPU: the
 * display's 1920x1080 mode, else pages drawn at 1920x1080 at most and
 * scaled up into the window (scale.c). */
static void fit_display(kiosk *k)
{
	const kiosk_opts *o = &k->cfg;
	int d = SDL_GetWindowDisplayIndex(k->win);
	SDL_DisplayMode dm;
	if (k->gpu || !o->fit_1080 || o->win_w > 0 || o->mode_w > 0 || d < 0 ||
	    SDL_GetDesktopDisplayMode(d, &dm) != 0)
		return;
	int modes[MODES_MAX][2], n = SDL_GetNumDisplayModes(d);
	n = n < 0 ? 0 : n > MODES_MAX ? MODES_MAX : n;
	SDL_DisplayMode ms[MODES_MAX];
	for (int i = 0; i < n; i++) {
		if (SDL_GetDisplayMode(d, i, &ms[i]) != 0)
			ms[i].w = ms[i].h = 0;
		modes[i][0] = ms[i].w;
		modes[i][1] = ms[i].h;
	}
	kiosk_plan p = kiosk_display_plan(dm.w, dm.h, (const int(*)[2])modes, (size_t)n, false);
	for (int i = 0; p.mode_w && i < n; i++) {
		/* The list is sorted by refresh rate within a size: the first. */
		if (ms[i].w != p.mode_w || ms[i].h != p.mode_h)
			continue;
		if (SDL_SetWindowDisplayMode(k->win, &ms[i]) == 0 &&
		    SDL_SetWindowFullscreen(k->win, SDL_WINDOW_FULLSCREEN) == 0) {
			k->fullscreen_later = false;
			jk_log(
			    JK_LOG_INFO, "kiosk",
			    "display: the %dx%d desktop set to its %dx%d mode (resolution = auto "
			    "without a GPU; native keeps %dx%d)",
			    dm.w, dm.h, p.mode_w, p.mode_h, dm.w, dm.h);
			return;
		}
		jk_log(JK_LOG_WARN, "kiosk", "display: mode %dx%d: %s; drawing scaled instead",
		       p.mode_w, p.mode_h, SDL_GetError());
		p = kiosk_display_plan(dm.w, dm.h, NULL, 0, false);
		break;
	}
	if (!p.draw_w)
		return;
	k->draw_w = p.draw_w;
	k->draw_h = p.draw_h;
	jk_log(JK_LOG_INFO, "kiosk",
	       "display: the %dx%d desktop has no %dx%d mode; pages drawn at %dx%d and scaled "
	       "up (resolution = auto without a GPU; native keeps %dx%d)",
	       dm.w, dm.h, FIT_W, FIT_H, p.draw_w, p.draw_h, dm.w, dm.h);
}

int kiosk_renderer_open(kiosk *k, jk_err *err)
{
	const kiosk_opts *o = &k->cfg;
	char why[256] = "renderer = software";
	bool gpu = false;
	if (o->renderer == KIOSK_RENDERER_AUTO || o->renderer == KIOSK_RENDERER_GPU)
		gpu = try_gpu(k, o->renderer == KIOSK_RENDERER_GPU, why, sizeof why);
	if (gpu)
		jk_log(JK_LOG_INFO, "kiosk", "renderer: gpu (%s)", why);
	else
		jk_log(o->renderer == KIOSK_RENDERER_GPU ? JK_LOG_WARN : JK_LOG_INFO, "kiosk",
		       "renderer: software (%s%s)", why,
		       o->renderer == KIOSK_RENDERER_GPU ? "; renderer = gpu cannot be had" : "");
	/* The software path draws into the window's own surface (one copy of
	 * the screen in memory, partial updates for the progress bar); SDL's
	 * own renderer only when asked for (accelerated). */
	if (!gpu && o->accelerated) {
		k->ren = SDL_CreateRenderer(k->win, -1, SDL_RENDERER_ACCELERATED);
		if (!k->ren)
			return jk_fail(err, JK_EIO, "cannot create a renderer: %s", SDL_GetError());
	}
	if (!k->ren)
		fit_display(k);
	return 0;
}
