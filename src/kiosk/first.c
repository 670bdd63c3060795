/* first.c — the first page, made while the window opens. SDL's video start
 * (the display connection, the modes, the window: 10-30 ms on X11) needs
 * nothing of ours, and the postings, the fonts, the slides and the first
 * page's layout and compose need nothing of it but the screen's size. So a
 * thread does those at the size the display is expected to give: the root
 * window's size on X11, the connected connector's first mode on KMS. When
 * the window comes out another size, the page is laid out again at the
 * real one, as it was before. */
#include "internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xcb/xcb.h>

#define BACKDROP_BANDS 8

/* libxcb's few calls, through the project's loader: SDL's X11 driver has
 * it in the process already, and it is thread-safe (Xlib is not before
 * XInitThreads). */
typedef struct xcb_fns {
	__typeof__(xcb_connect) *connect;
	__typeof__(xcb_connection_has_error) *connection_has_error;
	__typeof__(xcb_get_setup) *get_setup;
	__typeof__(xcb_setup_roots_iterator) *setup_roots_iterator;
	__typeof__(xcb_screen_next) *screen_next;
	__typeof__(xcb_disconnect) *disconnect;
} xcb_fns;

static xcb_fns xcb;
#define XCB_FN(member) JK_DL_SYM(xcb_fns, member, "xcb_" #member)
static const jk_dl_sym xcb_syms[] = {XCB_FN(connect),     XCB_FN(connection_has_error),
                                     XCB_FN(get_setup),   XCB_FN(setup_roots_iterator),
                                     XCB_FN(screen_next), XCB_FN(disconnect)};
static jk_dl xcb_lib = JK_DL_INIT("libxcb.so.1", "the screen's size before the window needs", NULL,
                                  xcb_syms, &xcb, NULL);

/* The X server's first screen. The connection is left in *held for the
 * caller to close once the window is open: closing the X server's only
 * client makes it reset, and a display reset under SDL's own start fails
 * it ("x11 not available"). NULL held: closed here. */
static bool guess_x11(int *w, int *h, void **held)
{
	if (jk_dl_load(&xcb_lib, NULL))
		return false;
	int screen = 0;
	xcb_connection_t *c = xcb.connect(NULL, &screen);
	bool ok = false;
	if (c && !xcb.connection_has_error(c)) {
		xcb_screen_iterator_t it = xcb.setup_roots_iterator(xcb.get_setup(c));
		for (; it.rem && screen > 0; screen--)
			xcb.screen_next(&it);
		if (it.rem && it.data) {
			*w = it.data->width_in_pixels;
			*h = it.data->height_in_pixels;
			ok = true;
		}
	}
	if (c && held)
		*held = c;
	else if (c)
		xcb.disconnect(c);
	return ok;
}

static void release_x11(void **held)
{
	if (*held)
		xcb.disconnect(*held);
	*held = NULL;
}

static bool read_line(const char *path, char *out, size_t cap)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return false;
	bool ok = fgets(out, (int)cap, f) != NULL;
	fclose(f);
	return ok;
}

/* KMS: the first connected connector's first mode (the preferred one),
 * what SDL's kmsdrm driver takes when nothing is set yet. */
static bool guess_drm(int *w, int *h)
{
	DIR *d = opendir("/sys/class/drm");
	if (!d)
		return false;
	char best[256] = "";
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		char path[320], line[64];
		/* Connectors are cardN-NAME; the first in name order, as SDL
		 * walks them by index. */
		if (strncmp(e->d_name, "card", 4) || !strchr(e->d_name, '-') ||
		    strlen(e->d_name) >= sizeof best || (best[0] && strcmp(e->d_name, best) >= 0))
			continue;
		snprintf(path, sizeof path, "/sys/class/drm/%s/status", e->d_name);
		if (read_line(path, line, sizeof line) && !strncmp(line, "connected", 9))
			snprintf(best, sizeof best, "%s", e->d_name);
	}
	closedir(d);
	char path[320], line[64];
	snprintf(path, sizeof path, "/sys/class/drm/%s/modes", best);
	return best[0] && read_line(path, line, sizeof line) && sscanf(line, "%dx%d", w, h) == 2;
}

static bool window_guess(const kiosk_opts *o, int *w, int *h, void **held)
{
	*w = *h = 0;
	if (o->win_w > 0 && o->win_h > 0) {
		*w = o->win_w;
		*h = o->win_h;
		return true;
	}
	if (o->mode_w > 0 && o->mode_h > 0) {
		*w = o->mode_w;
		*h = o->mode_h;
		return true;
	}
	/* The driver SDL will take (SDL_VIDEODRIVER, else X11 where there is
	 * a display, else KMS). Others: no guess, the size comes with the
	 * window. */
	const char *drv = getenv("SDL_VIDEODRIVER");
	bool x11 = drv && *drv ? !strcmp(drv, "x11") : getenv("DISPLAY") != NULL;
	bool drm =
	    drv && *drv ? !strcmp(drv, "kmsdrm") : !getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY");
	if (!(x11 ? guess_x11(w, h, held) : drm && guess_drm(w, h)) || *w < 160 || *h < 160 ||
	    *w > 16384 || *h > 16384)
		return false;
	/* Above 1920x1080 without a GPU the pages are drawn at that size
	 * (renderer.c); with a GPU at the screen's, so no guess. */
	if (o->fit_1080 && (*w > 1920 || *h > 1920)) {
		if (o->renderer != KIOSK_RENDERER_SOFTWARE && access("/dev/dri", F_OK) == 0)
			return false;
		kiosk_plan p = kiosk_display_plan(*w, *h, NULL, 0, false);
		if (p.draw_w > 0) {
			*w = p.draw_w;
			*h = p.draw_h;
		}
	}
	return true;
}

bool kiosk_window_guess(const kiosk_opts *o, int *w, int *h)
{
	return window_guess(o, w, h, NULL);
}

/* The screen's size guessed, then the fonts opened and warmed: on a
 * thread of their own while the postings are read (none needs the
 * other). */
static int fonts_thread(void *ud)
{
	kiosk_first *j = ud;
	j->guessed = j->guess && window_guess(&j->k->cfg, &j->w, &j->h, &j->xconn);
	j->fonts_r = render_fonts_open_look(&j->k->cfg.look, &j->fonts, &j->fonts_err);
	if (!j->fonts_r)
		render_fonts_warm(j->fonts);
	return 0;
}

/* The slides of list, and the first page laid out and composed at the
 * size the display is expected to give. */
static void first_page(kiosk_first *j, posting_list *list)
{
	kiosk *k = j->k;
	kiosk_settings_use_fonts(k, j->fonts);
	j->fonts = NULL;
	j->r = kiosk_slides_new(list, &k->lp, &k->sl, &j->err);
	if (j->r)
		return;
	kiosk_badge_clock(k, kiosk_wall_ms(k));
	kiosk_announce_set(k, &k->o->announce); /* a saved one, still valid */
	if (j->guessed) {
		render_logical_size(j->w, j->h, k->cfg.rotate, &k->lp.w, &k->lp.h);
		kiosk_slides_forget(k->sl);
		kiosk_slides_settle(k->sl);
		j->composed = kiosk_compose_page(k);
	}
	SDL_AtomicSet(&j->made, 1);
}

static void first_work(kiosk_first *j)
{
	kiosk *k = j->k;
	SDL_Thread *ft = j->guess && SDL_GetCPUCount() > 1
	                     ? SDL_CreateThread(fonts_thread, "jk-fonts", j)
	                     : NULL;
	/* What the deck shows first, when that is known from the first file:
	 * its page is made and shown while the rest is read. */
	if (j->guess && k->o->load_first)
		k->o->load_first(k->o->hook_ud, &j->early);
	if (!j->early.n && k->o->load)
		k->o->load(k->o->hook_ud, j->list);
	if (ft)
		SDL_WaitThread(ft, NULL);
	else
		fonts_thread(j);
	if (j->fonts_r) {
		j->r = j->fonts_r;
		j->err = j->fonts_err;
		return;
	}
	first_page(j, j->early.n ? &j->early : j->list);
	if (!j->early.n || j->r)
		return;
	/* The page is the main thread's from here: k is not touched. The
	 * rest is read once it is on the screen (the display's copy needs
	 * the CPU more). */
	if (j->ready) {
		SDL_SemPost(j->ready);
		SDL_SemWait(j->shown_sem);
	}
	if (k->o->load)
		k->o->load(k->o->hook_ud, j->list);
	j->r = kiosk_slides_new(j->list, &k->lp, &j->full, &j->err);
}

static int first_thread(void *ud)
{
	kiosk_first *j = ud;
	first_work(j);
	SDL_AtomicSet(&j->made, 1);
	if (j->ready)
		SDL_SemPost(j->ready);
	return 0;
}

/* Maps s's pixels now (MADV_POPULATE_WRITE, Linux 5.14); a kernel
 * without it maps them as they are written. */
static void populate(SDL_Surface *s)
{
#ifdef MADV_POPULATE_WRITE
	long pg = sysconf(_SC_PAGESIZE);
	if (!s || !s->pixels || pg <= 0)
		return;
	uintptr_t a = (uintptr_t)s->pixels & ~(uintptr_t)(pg - 1);
	size_t n = (size_t)s->pitch * (size_t)s->h + ((uintptr_t)s->pixels - a);
	(void)madvise((void *)a, n, MADV_POPULATE_WRITE);
#else
	(void)s;
#endif
}

/* While the page is still being made: the window shows the page's
 * background. The display's first copy of a window costs what the next
 * ones do several times over (on X11 the server maps the shared pixels
 * and its own, ~8 ms at 1080p on Xvfb); paid here, beside the thread,
 * the first page then goes up at the cost of any other. In bands, so a
 * page made meanwhile waits for one band at most. */
static void backdrop(kiosk *k, kiosk_first *j)
{
	SDL_Surface *s = k->screen;
	if (!s || k->ren || k->draw_w)
		return;
	uint32_t c = k->cfg.look.theme.bg; /* k->theme is the thread's */
	Uint32 px = SDL_MapRGB(s->format, (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c);
	int band = (s->h + BACKDROP_BANDS - 1) / BACKDROP_BANDS, y = 0;
	for (; y < s->h && !SDL_AtomicGet(&j->made); y += band) {
		SDL_Rect r = {0, y, s->w, s->h - y < band ? s->h - y : band};
		SDL_FillRect(s, &r, px);
		SDL_UpdateWindowSurfaceRects(k->win, &r, 1);
	}
	if (y > 0)
		jk_mark("kiosk", "the page's background shown");
}

/* The page composed on the thread onto the screen, when the window is the
 * size it was made for. */
static bool take_page(kiosk *k, kiosk_first *j)
{
	int w, h;
	if (!j->composed || !kiosk_window_size(k, &w, &h) || w != j->w || h != j->h)
		return false;
	k->pw = w;
	k->ph = h;
	if (!kiosk_screen_make(k))
		return false;
	kiosk_screen_upload(k);
	return true;
}

/* The first file's page, on the screen while the thread reads the rest
 * (the window the size guessed). */
static void show_early(kiosk *k, kiosk_first *j)
{
	if (!j->early.n || !take_page(k, j))
		return;
	kiosk_screen_present(k, SDL_GetTicks64(), true);
	k->st->first_slide_ms = kiosk_ms_since(k->t0);
	k->first_marked = true;
	jk_mark("kiosk", "the first frame presented (the first file's page)");
	j->early_shown = true;
}

static bool same_first(const posting_list *a, const posting_list *b)
{
	if (!a->n || !b->n)
		return false;
	posting_list one_a = {.items = a->items, .n = 1}, one_b = {.items = b->items, .n = 1};
	char *ja = posting_list_to_json(&one_a), *jb = posting_list_to_json(&one_b);
	bool same = ja && jb && !strcmp(ja, jb);
	free(ja);
	free(jb);
	return same;
}

/* The slides of all the postings in place of the first file's. The page
 * made stands when the deck's first posting is the one it shows (it is
 * in listed order, unless a file changed between the reads). */
static void take_all(kiosk *k, kiosk_first *j)
{
	bool same = same_first(&j->early, j->list);
	kiosk_slides_free(k->sl);
	k->sl = j->full;
	j->full = NULL;
	posting_list_free(&j->early);
	/* The badges ("New") believe the clock as all the dates allow. */
	if (kiosk_badge_clock(k, kiosk_wall_ms(k)))
		same = false;
	if (!same) {
		j->composed = false;
		j->early_shown = false;
	}
}

void kiosk_first_begin(kiosk *k, posting_list *list, kiosk_first *j)
{
	*j = (kiosk_first){.k = k, .list = list, .guess = true};
	/* libxcb is in the process already (SDL's X11 needs it): opened here,
	 * before SDL's own dlopen calls hold the loader's lock. */
	(void)jk_dl_load(&xcb_lib, NULL);
	j->ready = SDL_CreateSemaphore(0);
	j->shown_sem = j->ready ? SDL_CreateSemaphore(0) : NULL;
	if (j->ready && !j->shown_sem) {
		SDL_DestroySemaphore(j->ready);
		j->ready = NULL;
	}
	j->th = SDL_CreateThread(first_thread, "jk-first", j);
}

int kiosk_first_end(kiosk *k, kiosk_first *j, bool window, jk_err *err)
{
	if (j->th) {
		/* While the page is made: the window's own surface (memory shared
		 * with the X server) made and its pages mapped in one call, not
		 * faulted in one by one by the page's copy. */
		if (window && !k->ren && !k->draw_w)
			populate(k->screen = SDL_GetWindowSurface(k->win));
		backdrop(k, j);
		if (window && j->ready && SDL_SemWait(j->ready) == 0)
			show_early(k, j);
		if (j->ready)
			SDL_SemPost(j->shown_sem);
		SDL_WaitThread(j->th, NULL);
	} else {
		j->guess = false; /* no thread: here, after the window, at its size */
		first_work(j);
	}
	j->th = NULL;
	SDL_DestroySemaphore(j->ready);
	SDL_DestroySemaphore(j->shown_sem);
	j->ready = j->shown_sem = NULL;
	release_x11(&j->xconn);       /* SDL has its own connection now */
	render_fonts_close(j->fonts); /* opened, not taken: a failure before */
	j->fonts = NULL;
	if (j->full) {
		take_all(k, j);
	} else if (k->sl && kiosk_slides_list(k->sl) == &j->early) {
		kiosk_slides_free(k->sl); /* a failure after the first file's page */
		k->sl = NULL;
	}
	posting_list_free(&j->early);
	if (j->r)
		return jk_fail(err, j->r, "%s", j->err.msg);
	/* On the screen already (the loop shows it again), or ready for it. */
	if (j->early_shown || (window && take_page(k, j))) {
		k->need_present = true;
		j->shown = true;
		k->st->first_early = true;
	}
	return 0;
}
