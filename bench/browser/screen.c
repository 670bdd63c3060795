/* screen.c — Xvfb for the benchmark and what its root window shows. Only
 * small rectangles are read while polling for the first frame, so the
 * poller costs the programs under test little. */
#include "screen.h"

#include "render.h"

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct bb_x {
	pid_t pid;
	Display *dpy;
	Window root;
	int w, h;
	char display[32];
};

static void sleep_ms(int ms)
{
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

/* Xvfb's complaints would only garble the figures. */
static int quiet_x_error(Display *d, XErrorEvent *e)
{
	(void)d;
	(void)e;
	return 0;
}

int bb_x_start(int w, int h, bb_x **out, jk_err *err)
{
	*out = NULL;
	bb_x *x = calloc(1, sizeof *x);
	if (!x)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	x->w = w;
	x->h = h;
	int fd[2];
	if (pipe2(fd, O_CLOEXEC) != 0) {
		free(x);
		return jk_fail(err, JK_EIO, "pipe: %s", strerror(errno));
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		free(x);
		return jk_fail(err, JK_EIO, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		/* Dies with the benchmark, whatever ends it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		close(fd[0]);
		fcntl(fd[1], F_SETFD, 0);
		char fds[16], scr[48];
		snprintf(fds, sizeof fds, "%d", fd[1]);
		snprintf(scr, sizeof scr, "%dx%dx24", w, h);
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		execlp("Xvfb", "Xvfb", "-displayfd", fds, "-nolisten", "tcp", "-screen", "0", scr,
		       "-br", "-nocursor", "-noreset", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	x->pid = pid;
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
	if (!n || !memchr(buf, '\n', n)) {
		bb_x_stop(x);
		return jk_fail(err, JK_EIO, "Xvfb did not start (is the xvfb package installed?)");
	}
	snprintf(x->display, sizeof x->display, ":%d", atoi(buf));
	XSetErrorHandler(quiet_x_error);
	x->dpy = XOpenDisplay(x->display);
	if (!x->dpy) {
		bb_x_stop(x);
		return jk_fail(err, JK_EIO, "cannot connect to the Xvfb display");
	}
	x->root = DefaultRootWindow(x->dpy);
	*out = x;
	return 0;
}

void bb_x_stop(bb_x *x)
{
	if (!x)
		return;
	if (x->dpy)
		XCloseDisplay(x->dpy);
	if (x->pid > 0) {
		kill(x->pid, SIGTERM);
		int i = 0;
		while (waitpid(x->pid, NULL, WNOHANG) != x->pid && i++ < 100)
			sleep_ms(20);
		if (i > 100) {
			kill(x->pid, SIGKILL);
			waitpid(x->pid, NULL, 0);
		}
	}
	free(x);
}

const char *bb_x_display(const bb_x *x)
{
	return x->display;
}

/* ---- reading pixels ----------------------------------------------------- */

static XImage *grab(bb_x *x, int rx, int ry, int rw, int rh)
{
	if (rx < 0)
		rx = 0;
	if (ry < 0)
		ry = 0;
	if (rx + rw > x->w)
		rw = x->w - rx;
	if (ry + rh > x->h)
		rh = x->h - ry;
	if (rw <= 0 || rh <= 0)
		return NULL;
	return XGetImage(x->dpy, x->root, rx, ry, (unsigned)rw, (unsigned)rh, AllPlanes, ZPixmap);
}

static bool direct(const XImage *im)
{
	return im->bits_per_pixel == 32 && im->byte_order == LSBFirst && im->red_mask == 0xFF0000 &&
	       im->green_mask == 0xFF00 && im->blue_mask == 0xFF;
}

static uint32_t pixel(XImage *im, int x, int y)
{
	if (direct(im))
		return *(const uint32_t *)(const void *)(im->data +
		                                         (size_t)y * (size_t)im->bytes_per_line +
		                                         (size_t)x * 4) &
		       0xFFFFFFu;
	return (uint32_t)XGetPixel(im, x, y) & 0xFFFFFFu;
}

static int lum(uint32_t c)
{
	return (int)(((c >> 16) & 255) * 3 + ((c >> 8) & 255) * 6 + (c & 255)) / 10;
}

static bool near(uint32_t a, uint32_t b, int tol)
{
	for (int s = 0; s < 24; s += 8) {
		int d = (int)((a >> s) & 255) - (int)((b >> s) & 255);
		if (d > tol || d < -tol)
			return false;
	}
	return true;
}

/* Share of pixels in the rectangle brighter (bright) or darker than cut. */
static double share(bb_x *x, int rx, int ry, int rw, int rh, int cut, bool bright)
{
	XImage *im = grab(x, rx, ry, rw, rh);
	if (!im)
		return -1;
	size_t hit = 0, all = (size_t)im->width * (size_t)im->height;
	for (int j = 0; j < im->height; j++)
		for (int i = 0; i < im->width; i++) {
			int l = lum(pixel(im, i, j));
			hit += bright ? l > cut : l < cut;
		}
	XDestroyImage(im);
	return all ? (double)hit / (double)all : -1;
}

bool bb_x_shows_slide(bb_x *x, const bb_html_probe *p)
{
	XImage *im = grab(x, 4, 4, 16, 16);
	if (!im)
		return false;
	bool bg = true;
	for (int j = 0; j < im->height && bg; j++)
		for (int i = 0; i < im->width && bg; i++)
			bg = near(pixel(im, i, j), p->theme.bg, 12);
	XDestroyImage(im);
	if (!bg)
		return false;
	/* The title's first 320 pixels and the QR code's middle: read through
	 * the X socket every 5 ms, the whole boxes (~640 KB) cost the X
	 * server, on the same cores, as much as the program it waits for. */
	if (p->title_w > 0) {
		int cut = (lum(p->theme.bg) + lum(p->theme.fg)) / 2;
		int w = p->title_w < 320 ? p->title_w : 320;
		if (share(x, p->title_x, p->title_y, w, p->title_h, cut, true) < 0.05)
			return false;
	}
	if (p->qr_w > 0) {
		int cut = (lum(p->theme.card) + lum(p->theme.card_fg)) / 2;
		double d = share(x, p->qr_x + p->qr_w / 4, p->qr_y + p->qr_h / 4, p->qr_w / 2,
		                 p->qr_h / 2, cut, false);
		if (d < 0.15 || d > 0.7)
			return false;
	}
	return true;
}

bool bb_x_is_bare(bb_x *x)
{
	/* Corners and the middle: where any slide has background or ink. */
	const int pts[5][2] = {
	    {8, 8}, {x->w - 24, 8}, {8, x->h - 24}, {x->w - 24, x->h - 24}, {x->w / 2, x->h / 2}};
	for (size_t k = 0; k < 5; k++) {
		XImage *im = grab(x, pts[k][0], pts[k][1], 16, 16);
		if (!im)
			return false;
		bool black = true;
		for (int j = 0; j < im->height && black; j++)
			for (int i = 0; i < im->width && black; i++)
				black = pixel(im, i, j) == 0;
		XDestroyImage(im);
		if (!black)
			return false;
	}
	return true;
}

int bb_x_screenshot(bb_x *x, const char *path, jk_err *err)
{
	XImage *im = grab(x, 0, 0, x->w, x->h);
	if (!im)
		return jk_fail(err, JK_EIO, "could not read the screen back");
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormat(0, im->width, im->height, 32, SDL_PIXELFORMAT_XRGB8888);
	if (!s) {
		XDestroyImage(im);
		return jk_fail(err, JK_ENOMEM, "screenshot surface: %s", SDL_GetError());
	}
	for (int j = 0; j < im->height; j++) {
		uint32_t *row =
		    (uint32_t *)(void *)((uint8_t *)s->pixels + (size_t)j * (size_t)s->pitch);
		for (int i = 0; i < im->width; i++)
			row[i] = pixel(im, i, j) | 0xFF000000u;
	}
	XDestroyImage(im);
	int r = render_save_png(s, path, err);
	SDL_FreeSurface(s);
	return r;
}
