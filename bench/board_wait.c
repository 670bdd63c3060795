/* board_wait.c — for bench/board.sh: waits until something is drawn on
 * the X screen (DISPLAY) and prints that moment as CLOCK_REALTIME
 * nanoseconds, so the script can subtract its launch time (date +%s%N).
 * "Drawn": a pixel other than black in the top-left corner or the centre
 * of the root window (Xvfb starts black; a kiosk's page never is there).
 * Usage: board_wait TIMEOUT_SECONDS. Exit status 1 on a timeout. */
#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static bool drawn(Display *d, Window root, int x, int y)
{
	XImage *im = XGetImage(d, root, x, y, 32, 32, AllPlanes, ZPixmap);
	if (!im)
		return false;
	bool any = false;
	for (int j = 0; j < 32 && !any; j++)
		for (int i = 0; i < 32 && !any; i++)
			any = (XGetPixel(im, i, j) & 0xFFFFFFu) != 0;
	XDestroyImage(im);
	return any;
}

static double mono_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	double timeout = argc > 1 ? atof(argv[1]) : 30;
	Display *d = XOpenDisplay(NULL);
	if (!d) {
		fprintf(stderr, "board_wait: cannot open the display (DISPLAY=%s)\n",
		        getenv("DISPLAY") ? getenv("DISPLAY") : "");
		return 2;
	}
	Window root = DefaultRootWindow(d);
	int w = DisplayWidth(d, DefaultScreen(d)), h = DisplayHeight(d, DefaultScreen(d));
	double end = mono_s() + timeout;
	int status = 1;
	while (mono_s() < end) {
		if (drawn(d, root, 0, 0) || drawn(d, root, w / 2 - 16, h / 2 - 16)) {
			struct timespec ts;
			clock_gettime(CLOCK_REALTIME, &ts);
			printf("%lld%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
			status = 0;
			break;
		}
		struct timespec nap = {0, 2000000}; /* 2 ms */
		nanosleep(&nap, NULL);
	}
	XCloseDisplay(d);
	return status;
}
