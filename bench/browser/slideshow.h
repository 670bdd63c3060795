/* slideshow.h — the browser kiosk's side of the benchmark: the same
 * postings as one self-contained HTML slideshow (inline CSS, a few lines of
 * JS, QR codes as inline SVG, no external resources). Prefix bb_html_. */
#ifndef BB_SLIDESHOW_H
#define BB_SLIDESHOW_H

#include "layout.h"
#include "posting.h"

/* Where the benchmark looks for the first slide on screen: boxes of the
 * first page in screen pixels (w = 0 when the page has none). */
typedef struct bb_html_probe {
	layout_theme theme;
	int title_x, title_y, title_w, title_h; /* the largest text run */
	int qr_x, qr_y, qr_w, qr_h;             /* the QR code, quiet zone included */
} bb_html_probe;

/* Writes the slideshow of l (borrowed) for a w x h screen into path: every
 * page the kiosk shows, in the kiosk's order (each posting's pages, then
 * the overview), laid out by layout_ with the renderer's font metrics, so
 * both show the same lines, sizes, colours and QR codes. Each slide stays
 * slide_ms, then crossfades in fade_ms (CSS opacity transition); a bottom
 * progress bar steps once a second like the kiosk's. *nslides and *probe
 * (both may be NULL) get the slide count and the first page's probe
 * boxes. Returns 0 or a negative status with err set. */
int bb_html_write(const posting_list *l, int w, int h, int slide_ms, int fade_ms, const char *path,
                  size_t *nslides, bb_html_probe *probe, jk_err *err);

#endif
