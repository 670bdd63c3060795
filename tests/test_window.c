/* test_window.c — the loop in a real X11 window: a private Xvfb server on a
 * display number it picks itself (-displayfd), started and killed by the
 * test, SDL_VIDEODRIVER=x11. Slides advance and present frames, q quits, and
 * the software path asks SDL for no GL framebuffer. Skipped only when Xvfb
 * cannot start. */
#include "testutil.h"

#include "kiosk.h"

#include <SDL.h>
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
const char *__lsan_default_suppressions(void)
{
	return "leak:libdbus-1.so\n";
}

static pid_t xvfb = -1;
static char display[32];

/* Starts Xvfb; fills display. False when it cannot (no binary, no display
 * within 10 s). */
static bool start_xvfb(void)
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
		       "0", "1280x720x24", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	xvfb = pid;
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
	snprintf(display, sizeof display, ":%d", atoi(buf));
	return true;
}

static void stop_xvfb(void)
{
	if (xvfb <= 0)
		return;
	kill(xvfb, SIGTERM);
	for (int i = 0; i < 50; i++) {
		if (waitpid(xvfb, NULL, WNOHANG) == xvfb) {
			xvfb = -1;
			return;
		}
		usleep(100000);
	}
	kill(xvfb, SIGKILL);
	waitpid(xvfb, NULL, 0);
	xvfb = -1;
}

static int setup(void **state)
{
	(void)state;
	if (start_xvfb()) {
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

static void test_full_screen_window(void **state)
{
	(void)state;
	if (xvfb <= 0)
		skip();
	posting_list l;
	tu_make_list(&l, 3);
	full_seen s = {0};
	kiosk_opts o = {.slide_seconds = 0.3,
	                .cut = true,
	                .max_seconds = 1.5,
	                .on_show = on_show_full,
	                .hook_ud = &s};
	kiosk_stats st;
	jk_err err = {0};
	if (kiosk_run(&l, &o, NULL, NULL, &st, &err))
		fail_msg("%s", err.msg);
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
	posting_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_slides_in_x11_window),
	    cmocka_unit_test(test_q_quits_window),
	    cmocka_unit_test(test_full_screen_window),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
