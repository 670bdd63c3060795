/* screen.h — the benchmark's X display: a private Xvfb server and the
 * root window read back with XGetImage, to see when a slide is up and to
 * save screenshots. Prefix bb_x_. */
#ifndef BB_SCREEN_H
#define BB_SCREEN_H

#include "slideshow.h"

#include <sys/types.h>

typedef struct bb_x bb_x;

/* Starts Xvfb on a display number it picks itself (-displayfd) with one
 * w x h x 24 screen and a black root, and connects to it. On success the
 * caller stops it with bb_x_stop(). */
int bb_x_start(int w, int h, bb_x **out, jk_err *err);
/* Closes the connection, kills the server, reaps it. Accepts NULL. */
void bb_x_stop(bb_x *x);
/* ":N", the value for DISPLAY. */
const char *bb_x_display(const bb_x *x);

/* True when the screen shows the first slide the probe describes: the
 * theme's background in the top-left corner, title ink where the title is,
 * a QR pattern (dark and light modules) where the code is. */
bool bb_x_shows_slide(bb_x *x, const bb_html_probe *p);
/* True when the screen is the bare (black) root: nobody draws on it. */
bool bb_x_is_bare(bb_x *x);

/* Saves the whole screen as a PNG. */
int bb_x_screenshot(bb_x *x, const char *path, jk_err *err);

#endif
