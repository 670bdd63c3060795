/* test_window.c — the loop in a real X11 window: a private Xvfb server on a
 * display number it picks itself (-displayfd), started and killed by the
 * test, SDL_VIDEODRIVER=x11. Slides advance and present frames, q quits, and
 * the software path asks SDL for no GL framebuffer. The GPU path, forced
 * onto Mesa's llvmpipe, against the exact blend mid-fade and after, and
 * its QR code read back; renderer = gpu falling back; a 4K Xvfb (a second
 * server) with resolution = auto (laid out at 1920x1080, doubled onto the
 * screen) and native. Skipped only when Xvfb cannot start. */
#include "testutil.h"

#include "kiosk.h"

#include <SDL.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* libdbus (SDL's screensaver inhibit on X11) keeps one buffer for the
 * process's life; that is theirs, not ours. LeakSanitizer's own hook. */
const char *__lsan_default_suppressions(void);
void __lsan_do_leak_check(void) __attribute__((weak));
const char *__lsan_default_suppressions(void)
{
	return "leak:libdbus-1.so\nleak:swrast_dri.so\n";
}

/* Mesa's software GL driver (the GPU tests' stand-in) keeps 128 bytes per
 * context that only its own tables point to, and is unloaded with the
 * context, which leaves them to LeakSanitizer unnamed: kept loaded (it is
 * next to SDL's library, in its dri folder). */
static void pin_gl_driver(void)
{
	Dl_info di;
	char path[512];
	if (!dladdr((void *)SDL_Init, &di) || !di.dli_fname)
		return;
	const char *slash = strrchr(di.dli_fname, '/');
	if (!slash)
		return;
	snprintf(path, sizeof path, "%.*s/dri/swrast_dri.so", (int)(slash - di.dli_fname),
	         di.dli_fname);
	dlopen(path, RTLD_LAZY | RTLD_NODELETE);
}

static pid_t xvfb = -1;
static char display[32];

/* Starts Xvfb with one screen of size (e.g. "1280x720x24"); fills *pid and
 * disp. False when it cannot (no binary, no display within 10 s). */
static bool start_server(const char *size, pid_t *pid_out, char disp[32])
{
	int fd[2];
	if (pipe(fd) != 0)
		return false;
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return false;
	}
	if (pid == 0) {
		close(fd[0]);
		char fds[16];
		snprintf(fds, sizeof fds, "%d", fd[1]);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, 1);
			dup2(null, 2);
		}
		/* -noreset: without it the server resets when the last client
		 * leaves, and the next test's connection can land in the reset. */
		execlp("Xvfb", "Xvfb", "-displayfd", fds, "-nolisten", "tcp", "-noreset", "-screen",
		       "0", size, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	*pid_out = pid;
	/* Xvfb writes the display number it took, then a newline. */
	char buf[16] = {0};
	size_t n = 0;
	struct pollfd p = {.fd = fd[0], .events = POLLIN};
	while (n < sizeof buf - 1 && !memchr(buf, '\n', n) && poll(&p, 1, 10000) > 0) {
		ssize_t r = read(fd[0], buf + n, sizeof buf - 1 - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd[0]);
	if (!n || !memchr(buf, '\n', n))
		return false;
	snprintf(disp, 32, ":%d", atoi(buf));
	return true;
}

static void stop_server(pid_t *pid)
{
	if (*pid <= 0)
		return;
	kill(*pid, SIGTERM);
	for (int i = 0; i < 50; i++) {
		if (waitpid(*pid, NULL, WNOHANG) == *pid) {
			*pid = -1;
			return;
		}
		usleep(100000);
	}
	kill(*pid, SIGKILL);
	waitpid(*pid, NULL, 0);
	*pid = -1;
}

static void stop_xvfb(void)
{
	stop_server(&xvfb);
}

static int setup(void **state)
{
	(void)state;
	pin_gl_driver();
	if (start_server("1280x720x24", &xvfb, display)) {
		setenv("DISPLAY", display, 1);
		setenv("SDL_VIDEODRIVER", "x11", 1);
	} else {
		stop_xvfb();
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	SDL_Quit(); /* releases SDL's D-Bus connection (screensaver) too */
	stop_xvfb();
	return 0;
}

typedef struct seen {
	int shows;
	char driver[32];
	char fbaccel[8];
	int quit_at; /* push q after this show, 0: never */
	bool screensaver;
	char allow[8];
} seen;

static void on_show(void *ud, const kiosk_state *st)
{
	seen *s = ud;
	(void)st;
	if (s->shows++ == 0) {
		const char *d = SDL_GetCurrentVideoDriver();
		const char *h = SDL_GetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION);
		snprintf(s->driver, sizeof s->driver, "%s", d ? d : "");
		snprintf(s->fbaccel, sizeof s->fbaccel, "%s", h ? h : "(unset)");
		const char *a = SDL_GetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER);
		snprintf(s->allow, sizeof s->allow, "%s", a ? a : "(unset)");
		s->screensaver = SDL_IsScreenSaverEnabled();
	}
	if (s->quit_at && s->shows == s->quit_at) {
		SDL_Event e;
		memset(&e, 0, sizeof e);
		e.type = SDL_KEYDOWN;
		e.key.keysym.sym = SDLK_q;
		SDL_PushEvent(&e);
	}
}

static void test_slides_in_x11_window(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	posting_list l;
	tu_make_list(&l, 3);
	seen s = {0};
	kiosk_opts o = {.win_w = 960,
	                .win_h = 540,
	                .slide_seconds = 0.3,
	                .fade_ms = 100,
	                .max_seconds = 1.6,
	                .on_show = on_show,
	                .hook_ud = &s};
	kiosk_stats st;
	jk_err err = {0};
	if (kiosk_run(&l, &o, NULL, NULL, &st, &err))
		fail_msg("%s", err.msg);
	assert_string_equal(s.driver, "x11");
	assert_string_equal(s.fbaccel, "0"); /* XShm, not a GL texture */
	/* The X server's screen saver is held off while the slides run. */
	assert_false(s.screensaver);
	assert_string_equal(s.allow, "0");
	assert_true(st.shown >= 4); /* 1.6 s of 0.3 s slides */
	assert_true(st.frames >= st.shown);
	assert_true(st.fade_frames > 0);
	posting_list_free(&l);
}

static void test_q_quits_window(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	posting_list l;
	tu_make_list(&l, 2);
	seen s = {.quit_at = 2};
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.2,
	                .cut = true,
	                .max_seconds = 10,
	                .on_show = on_show,
	                .hook_ud = &s};
	Uint32 t0 = SDL_GetTicks();
	jk_err err = {0};
	if (kiosk_run(&l, &o, NULL, NULL, NULL, &err))
		fail_msg("%s", err.msg);
	assert_true(SDL_GetTicks() - t0 < 5000); /* q, not the time limit */
	assert_int_equal(s.shows, 2);
	posting_list_free(&l);
}

/* Full screen: the first slide comes up in a borderless window over the
 * whole screen, which then becomes a real full-screen window; slides keep
 * going through the switch and the page fills the screen. */
typedef struct full_seen {
	int shows;
	int first_w, first_h;
	Uint32 later_flags;
	int later_w, later_h;
	int frame_w, frame_h;
	SDL_Rect bounds;
} full_seen;

static void on_show_full(void *ud, const kiosk_state *st)
{
	full_seen *s = ud;
	SDL_Window *w = SDL_GetKeyboardFocus();
	if (!w)
		w = SDL_GetWindowFromID(1);
	if (s->shows++ == 0 && w) {
		SDL_GetWindowSize(w, &s->first_w, &s->first_h);
		SDL_GetDisplayBounds(0, &s->bounds);
	} else if (w) {
		s->later_flags = SDL_GetWindowFlags(w);
		SDL_GetWindowSize(w, &s->later_w, &s->later_h);
	}
	s->frame_w = st->frame_w;
	s->frame_h = st->frame_h;
}

/* A full-screen run of n postings with o (on_show and hook_ud set here). */
static void run_full(size_t n, kiosk_opts *o, full_seen *s, kiosk_stats *st)
{
	posting_list l;
	tu_make_list(&l, n);
	o->on_show = on_show_full;
	o->hook_ud = s;
	jk_err err = {0};
	int r = kiosk_run(&l, o, NULL, NULL, st, &err);
	posting_list_free(&l);
	if (r)
		fail_msg("%s", err.msg);
}

static void test_full_screen_window(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	full_seen s = {0};
	kiosk_opts o = {.slide_seconds = 0.3, .cut = true, .max_seconds = 1.5};
	kiosk_stats st;
	run_full(3, &o, &s, &st);
	/* The first page was made while the window opened, at the size the
	 * X server's screen gave away. */
	assert_true(st.first_early);
	SDL_Rect b = s.bounds;
	assert_true(b.w >= 640 && b.h >= 360);
	assert_true(st.shown >= 3);
	assert_int_equal(s.first_w, b.w);
	assert_int_equal(s.first_h, b.h);
	assert_true(s.later_flags & SDL_WINDOW_FULLSCREEN_DESKTOP);
	assert_int_equal(s.later_w, b.w);
	assert_int_equal(s.later_h, b.h);
	assert_int_equal(s.frame_w, b.w);
	assert_int_equal(s.frame_h, b.h);
}

/* The first page is made while the window opens, at the size the display
 * is expected to give; a window of another size gets it made again at its
 * own. */
static void test_first_page_while_window_opens(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	int w = 0, h = 0;
	kiosk_opts g = {0};
	assert_true(kiosk_window_guess(&g, &w, &h)); /* the X server's screen */
	assert_int_equal(w, 1280);
	assert_int_equal(h, 720);
	g.win_w = 960;
	g.win_h = 540;
	assert_true(kiosk_window_guess(&g, &w, &h));
	assert_int_equal(w, 960);
	assert_int_equal(h, 540);
	g = (kiosk_opts){.mode_w = 1024, .mode_h = 768};
	assert_true(kiosk_window_guess(&g, &w, &h));
	assert_int_equal(w, 1024);
	g = (kiosk_opts){0};
	setenv("DISPLAY", ":9876", 1); /* no server there */
	assert_false(kiosk_window_guess(&g, &w, &h));
	setenv("DISPLAY", display, 1);
	setenv("SDL_VIDEODRIVER", "offscreen", 1); /* its size comes with the window */
	assert_false(kiosk_window_guess(&g, &w, &h));
	setenv("SDL_VIDEODRIVER", "x11", 1);
	/* No compose table for Xlib to read (the kiosk takes no typed text),
	 * unless one is set. */
	setenv("XCOMPOSEFILE", "/tmp/mine", 1);
	kiosk_prepare();
	assert_string_equal(getenv("XCOMPOSEFILE"), "/tmp/mine");
	unsetenv("XCOMPOSEFILE");
	kiosk_prepare();
	assert_string_equal(getenv("XCOMPOSEFILE"), "/dev/null");

	/* A mode the server does not have (Xvfb offers one): the window is
	 * 1280x720, not the 1024x768 expected; the page is laid out again. */
	full_seen m = {0};
	kiosk_opts o = {
	    .slide_seconds = 0.3, .cut = true, .max_seconds = 0.8, .mode_w = 1024, .mode_h = 768};
	kiosk_stats st;
	run_full(2, &o, &m, &st);
	assert_false(st.first_early);
	assert_true(st.shown >= 2);
	assert_int_equal(m.frame_w, 1280);
	assert_int_equal(m.frame_h, 720);
}

/* The first file's page: shown while the rest is read (load_first), then
 * the deck of all of them in its place; a first posting that turns out
 * another once all is read gets its page made again. */
typedef struct early_run {
	const char *early_title; /* load_first's posting */
	int shows;
	char first_title[64];
	size_t first_nposting;
	bool saw_second;
} early_run;

static void early_first(void *ud, posting_list *l)
{
	const early_run *e = ud;
	tu_make_list(l, 1);
	posting_set(&l->items[0]->title, e->early_title, (size_t)-1);
}

static void early_all(void *ud, posting_list *l)
{
	(void)ud;
	tu_make_list(l, 3);
}

static void early_show(void *ud, const kiosk_state *st)
{
	early_run *e = ud;
	if (!st->item)
		return;
	if (e->shows++ == 0) {
		snprintf(e->first_title, sizeof e->first_title, "%s", st->item->title);
		e->first_nposting = st->nposting;
	} else if (!strcmp(st->item->title, "Position 2")) {
		e->saw_second = true;
	}
}

static void test_first_file_page_while_rest_is_read(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	const char *titles[] = {"Position 1", "Not in the deck"};
	for (size_t i = 0; i < 2; i++) {
		early_run e = {.early_title = titles[i]};
		kiosk_opts o = {.slide_seconds = 0.3,
		                .cut = true,
		                .max_seconds = 1.2,
		                .load = early_all,
		                .load_first = early_first,
		                .on_show = early_show,
		                .hook_ud = &e};
		posting_list l;
		posting_list_init(&l);
		kiosk_stats st;
		jk_err err = {0};
		int r = kiosk_run(&l, &o, NULL, NULL, &st, &err);
		posting_list_free(&l);
		if (r)
			fail_msg("%s", err.msg);
		/* The deck is all of them from the first report on. */
		assert_string_equal(e.first_title, "Position 1");
		assert_int_equal(e.first_nposting, 3);
		assert_true(e.saw_second);
		assert_true(st.first_slide_ms > 0);
		/* The same first posting: its page stood; another: made again. */
		assert_int_equal(st.first_early, i == 0);
	}
}

/* ---- the display plan (no display needed) ------------------------------ */

static void test_display_plan(void **state)
{
	(void)state;
	static const int tv[][2] = {{3840, 2160}, {2560, 1440}, {1920, 1080}, {1280, 720}};
	static const int monitor[][2] = {{3840, 2160}};
	kiosk_plan p = kiosk_display_plan(3840, 2160, tv, 4, false);
	assert_int_equal(p.mode_w, 1920); /* a TV's own mode, scaled by the TV */
	assert_int_equal(p.mode_h, 1080);
	assert_int_equal(p.draw_w, 0);
	p = kiosk_display_plan(3840, 2160, monitor, 1, false);
	assert_int_equal(p.mode_w, 0); /* no such mode: half size, scaled by SDL */
	assert_int_equal(p.draw_w, 1920);
	assert_int_equal(p.draw_h, 1080);
	p = kiosk_display_plan(3840, 2160, tv, 4, true); /* a GPU keeps 4K */
	assert_int_equal(p.mode_w + p.draw_w, 0);
	p = kiosk_display_plan(1920, 1080, tv, 4, false);
	assert_int_equal(p.mode_w + p.draw_w, 0);
	p = kiosk_display_plan(2560, 1440, NULL, 0, false);
	assert_int_equal(p.draw_w, 1920);
	assert_int_equal(p.draw_h, 1080);
	p = kiosk_display_plan(2160, 3840, NULL, 0, false); /* portrait */
	assert_int_equal(p.draw_w, 1080);
	assert_int_equal(p.draw_h, 1920);
	p = kiosk_display_plan(5120, 2160, NULL, 0, false); /* 21:9 */
	assert_int_equal(p.draw_w, 1920);
	assert_int_equal(p.draw_h, 810);
	p = kiosk_display_plan(0, 0, NULL, 0, false);
	assert_int_equal(p.mode_w + p.draw_w, 0);
	/* GL_RENDERER strings: Mesa's CPU rasterisers, then GPUs. */
	assert_true(kiosk_gl_software("llvmpipe (LLVM 15.0.6, 256 bits)"));
	assert_true(kiosk_gl_software("softpipe"));
	assert_true(kiosk_gl_software("Software Rasterizer"));
	assert_true(kiosk_gl_software("swrast"));
	assert_false(kiosk_gl_software("V3D 4.2"));
	assert_false(kiosk_gl_software("V3D 7.1"));
	assert_false(kiosk_gl_software("VC4 V3D 2.1"));
	assert_false(kiosk_gl_software("Mesa Intel(R) UHD Graphics 620 (KBL GT2)"));
	assert_false(kiosk_gl_software(""));
}

/* ---- the GPU path against the software path ---------------------------- */

/* A crossfade caught mid-way and after it, by screenshots from another
 * thread (as the control server takes them), and the two pages from
 * on_show. */
typedef struct fade_run {
	SDL_atomic_t shows;
	kiosk_frame page[2];
	kiosk_frame mid, after;
	char renderer[32]; /* SDL's renderer of the window, "" none */
} fade_run;

static void copy_frame(kiosk_frame *out, const kiosk_state *st)
{
	out->w = st->frame_w;
	out->h = st->frame_h;
	out->pitch = st->frame_w * 4;
	out->pixels = malloc((size_t)out->pitch * (size_t)out->h);
	assert_non_null(out->pixels);
	for (int y = 0; y < out->h; y++)
		memcpy((char *)out->pixels + (size_t)y * out->pitch,
		       (const char *)st->frame + (size_t)y * st->frame_pitch, (size_t)out->pitch);
}

static void on_show_fade(void *ud, const kiosk_state *st)
{
	fade_run *f = ud;
	int i = SDL_AtomicGet(&f->shows);
	if (i == 0) {
		SDL_Renderer *r = SDL_GetRenderer(SDL_GetWindowFromID(1));
		SDL_RendererInfo ri;
		snprintf(f->renderer, sizeof f->renderer, "%s",
		         r && SDL_GetRendererInfo(r, &ri) == 0 ? ri.name : "");
	}
	if (i < 2 && st->frame)
		copy_frame(&f->page[i], st);
	SDL_AtomicIncRef(&f->shows);
}

static bool wait_shows(fade_run *f, int n)
{
	for (int i = 0; i < 1000 && SDL_AtomicGet(&f->shows) < n; i++)
		SDL_Delay(10);
	return SDL_AtomicGet(&f->shows) >= n;
}

static int shooter(void *ud)
{
	fade_run *f = ud;
	jk_err err = {0};
	if (wait_shows(f, 1)) {
		kiosk_cmd c = {.kind = KIOSK_CMD_NEXT};
		kiosk_command(&c);
		if (wait_shows(f, 2)) {
			SDL_Delay(500); /* a third of the way into the 1.5 s fade */
			kiosk_screenshot(&f->mid, 5000, &err);
			SDL_Delay(1600);
			kiosk_screenshot(&f->after, 5000, &err);
		}
	}
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_QUIT;
	SDL_PushEvent(&e);
	return 0;
}

static void fade_run_free(fade_run *f)
{
	free(f->page[0].pixels);
	free(f->page[1].pixels);
	free(f->mid.pixels);
	free(f->after.pixels);
}

static void run_fade(int renderer, fade_run *f)
{
	posting_list l;
	tu_make_list(&l, 3);
	memset(f, 0, sizeof *f);
	kiosk_opts o = {.win_w = 960,
	                .win_h = 540,
	                .slide_seconds = 5,
	                .fade_ms = 1500,
	                .max_seconds = 20,
	                .renderer = renderer,
	                .on_show = on_show_fade,
	                .hook_ud = f};
	SDL_Thread *t = SDL_CreateThread(shooter, "shooter", f);
	assert_non_null(t);
	jk_err err = {0};
	int r = kiosk_run(&l, &o, NULL, NULL, NULL, &err);
	SDL_WaitThread(t, NULL);
	if (r)
		fail_msg("%s", err.msg);
	posting_list_free(&l);
	assert_true(SDL_AtomicGet(&f->shows) >= 2);
	assert_non_null(f->mid.pixels);
	assert_non_null(f->after.pixels);
	assert_int_equal(f->mid.w, 960);
	assert_int_equal(f->mid.h, 540);
}

/* How far shot is from the exact blend of a and b at its fade position,
 * over the rows above the progress bar: the largest channel difference
 * and the share of pixels with one above 2. */
typedef struct diff {
	int max;
	double share;
} diff;

static diff blend_diff(const kiosk_frame *shot, const kiosk_frame *a, const kiosk_frame *b)
{
	diff d = {0, 0};
	int rows = shot->h - shot->h / 50, f = shot->fade, off = 0;
	size_t n = 0;
	for (int y = 0; y < rows; y++)
		for (int x = 0; x < shot->w; x++) {
			uint32_t ps = ((const uint32_t *)((const char *)shot->pixels +
			                                  (size_t)y * shot->pitch))[x];
			uint32_t pa =
			    ((const uint32_t *)((const char *)a->pixels + (size_t)y * a->pitch))[x];
			uint32_t pb =
			    ((const uint32_t *)((const char *)b->pixels + (size_t)y * b->pitch))[x];
			int worst = 0;
			for (int sh = 0; sh < 24; sh += 8) {
				int ca = (int)(pa >> sh & 255), cb = (int)(pb >> sh & 255);
				int want = (ca * (256 - f) + cb * f) >> 8;
				int e = abs((int)(ps >> sh & 255) - want);
				worst = e > worst ? e : worst;
			}
			d.max = worst > d.max ? worst : d.max;
			off += worst > 2;
			n++;
		}
	d.share = n ? (double)off / (double)n : 1;
	return d;
}

/* The tolerances against the exact blend at the frame's fade position,
 * over the rows above the bar. The GPU rounds the alpha to 255ths: no
 * channel more than 3 levels off, none more than 2. The software path
 * blends in place frame by frame and rounds down at each step, up to a
 * level a frame: at most 20 levels off after the ~0.5 s (16 frames at 30
 * a second) the shot is taken at, at most 1% of the pixels more than 2.
 * After the fade both are exact. */
#define GPU_MAX_DIFF 3
#define SOFT_MAX_DIFF 20
#define SOFT_SHARE 0.01

static void test_gpu_fade_matches_software(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	/* Mesa's llvmpipe stands in for a GPU: forced, as a Pi's V3D would be
	 * chosen by auto. */
	setenv("LIBGL_ALWAYS_SOFTWARE", "1", 1);
	fade_run sw, gpu;
	run_fade(KIOSK_RENDERER_SOFTWARE, &sw);
	run_fade(KIOSK_RENDERER_GPU, &gpu);
	unsetenv("LIBGL_ALWAYS_SOFTWARE");
	assert_string_equal(sw.renderer, "");
	if (strcmp(gpu.renderer, "opengl") && strcmp(gpu.renderer, "opengles2"))
		fail_msg("renderer = gpu drew with '%s'", gpu.renderer);
	/* The pages themselves are the same pixels on both paths. */
	assert_memory_equal(sw.page[1].pixels, gpu.page[1].pixels, (size_t)960 * 4 * 540);
	diff ds = blend_diff(&sw.mid, &sw.page[0], &sw.page[1]);
	diff dg = blend_diff(&gpu.mid, &gpu.page[0], &gpu.page[1]);
	print_message("mid-fade: software at %d/256 max %d, %.4f%% over 2; gpu at %d/256 max %d, "
	              "%.4f%% over 2\n",
	              sw.mid.fade, ds.max, ds.share * 100, gpu.mid.fade, dg.max, dg.share * 100);
	/* Mid-way, really: neither the old page nor the new. */
	assert_true(sw.mid.fade > 16 && sw.mid.fade < 240);
	assert_true(gpu.mid.fade > 16 && gpu.mid.fade < 240);
	assert_true(ds.max <= SOFT_MAX_DIFF && ds.share <= SOFT_SHARE);
	assert_true(dg.max <= GPU_MAX_DIFF && dg.share == 0);
	assert_int_equal(sw.after.fade, 256);
	assert_int_equal(gpu.after.fade, 256);
	diff as = blend_diff(&sw.after, &sw.page[0], &sw.page[1]);
	diff ag = blend_diff(&gpu.after, &gpu.page[0], &gpu.page[1]);
	assert_int_equal(as.max, 0);
	assert_int_equal(ag.max, 0);
	/* The QR code read from the GPU's frame. */
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormatFrom(gpu.after.pixels, gpu.after.w, gpu.after.h, 32,
	                                       gpu.after.pitch, SDL_PIXELFORMAT_XRGB8888);
	assert_non_null(s);
	int nsyms = 0;
	char *text = tu_zbar_surface(s, &nsyms);
	assert_non_null(text);
	assert_non_null(strstr(text, "https://example.com/jobs/1"));
	free(text);
	SDL_FreeSurface(s);
	fade_run_free(&sw);
	fade_run_free(&gpu);
}

/* renderer = gpu where SDL has only its software renderer: the kiosk
 * falls back to its own software path (the window's surface) and runs. */
static void test_gpu_falls_back(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
	posting_list l;
	tu_make_list(&l, 2);
	fade_run f;
	memset(&f, 0, sizeof f);
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.3,
	                .cut = true,
	                .max_seconds = 0.8,
	                .renderer = KIOSK_RENDERER_GPU,
	                .on_show = on_show_fade,
	                .hook_ud = &f};
	jk_err err = {0};
	int r = kiosk_run(&l, &o, NULL, NULL, NULL, &err);
	SDL_ResetHint(SDL_HINT_RENDER_DRIVER);
	if (r)
		fail_msg("%s", err.msg);
	assert_true(SDL_AtomicGet(&f.shows) >= 2);
	assert_string_equal(f.renderer, ""); /* no SDL renderer: the window's surface */
	fade_run_free(&f);
	posting_list_free(&l);
}

/* ---- 4K ------------------------------------------------------------------ */

typedef struct big_seen {
	int shows;
	int frame_w, frame_h;
	int out_w, out_h;  /* the window's surface */
	size_t mismatches; /* screen pixels not the page's (each doubled) */
	char *qr;          /* read from the screen */
	bool scaled;       /* the page is ours: the window's surface may be
	                    * asked for (else it is the loop's screen) */
} big_seen;

/* The second slide (the first came before the switch to full screen,
 * which gives the window a new surface): the window's pixels (the page
 * scaled up into them) against the page. */
static void on_show_big(void *ud, const kiosk_state *st)
{
	big_seen *s = ud;
	if (++s->shows != 2)
		return;
	s->frame_w = st->frame_w;
	s->frame_h = st->frame_h;
	SDL_Window *w = SDL_GetWindowFromID(1);
	SDL_Surface *o = w && s->scaled ? SDL_GetWindowSurface(w) : NULL;
	if (!o)
		return;
	s->out_w = o->w;
	s->out_h = o->h;
	int rows = st->frame_h - st->frame_h / 50; /* above the progress bar */
	for (int y = 0; y < rows && o->w == 2 * st->frame_w; y++)
		for (int x = 0; x < st->frame_w; x++) {
			uint32_t pf = ((const uint32_t *)((const char *)st->frame +
			                                  (size_t)y * st->frame_pitch))[x];
			uint32_t po =
			    ((const uint32_t *)((const char *)o->pixels +
			                        (size_t)(2 * y + 1) * o->pitch))[2 * x + 1];
			s->mismatches += (pf & 0xFFFFFFu) != (po & 0xFFFFFFu);
		}
	int n = 0;
	s->qr = tu_zbar_surface(o, &n);
}

static void test_4k_scaled_and_native(void **state)
{
	(void)state;
	pid_t big = -1;
	char disp[32];
	if (xvfb <= 0 || !start_server("3840x2160x24", &big, disp))
		skip();
	setenv("DISPLAY", disp, 1);
	posting_list l;
	tu_make_list(&l, 2);
	big_seen s = {.scaled = true};
	kiosk_opts o = {.slide_seconds = 0.5,
	                .cut = true,
	                .max_seconds = 1.2,
	                .renderer = KIOSK_RENDERER_AUTO,
	                .fit_1080 = true,
	                .on_show = on_show_big,
	                .hook_ud = &s};
	jk_err err = {0};
	int r = kiosk_run(&l, &o, NULL, NULL, NULL, &err);
	/* resolution = native: the pages at the desktop's 4K. */
	big_seen n = {0};
	o.fit_1080 = false;
	o.hook_ud = &n;
	int rn = r ? r : kiosk_run(&l, &o, NULL, NULL, NULL, &err);
	setenv("DISPLAY", display, 1);
	stop_server(&big);
	if (r || rn)
		fail_msg("%s", err.msg);
	/* Laid out at 1920x1080, shown on the whole 3840x2160 screen. */
	assert_int_equal(s.frame_w, 1920);
	assert_int_equal(s.frame_h, 1080);
	assert_int_equal(s.out_w, 3840);
	assert_int_equal(s.out_h, 2160);
	assert_int_equal(s.mismatches, 0);
	assert_non_null(s.qr);
	assert_non_null(strstr(s.qr, "https://example.com/jobs/1"));
	free(s.qr);
	assert_int_equal(n.frame_w, 3840);
	assert_int_equal(n.frame_h, 2160);
	free(n.qr);
	posting_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_slides_in_x11_window),
	    cmocka_unit_test(test_q_quits_window),
	    cmocka_unit_test(test_full_screen_window),
	    cmocka_unit_test(test_display_plan),
	    cmocka_unit_test(test_first_page_while_window_opens),
	    cmocka_unit_test(test_first_file_page_while_rest_is_read),
	    cmocka_unit_test(test_gpu_fade_matches_software),
	    cmocka_unit_test(test_gpu_falls_back),
	    cmocka_unit_test(test_4k_scaled_and_native),
	};
	int r = cmocka_run_group_tests(tests, setup, teardown);
	/* The leak check now, every thread of ours joined: at exit it raced
	 * the GL driver's and SDL's own teardown once (LeakSanitizer's thread
	 * stop crashed after every test had passed). */
	if (__lsan_do_leak_check)
		__lsan_do_leak_check();
	return r;
}
