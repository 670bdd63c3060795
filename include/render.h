/* render.h — the only drawing code: layout boxes → pixels with SDL2_ttf on
 * a software surface, the same surface whether it goes to the screen (as one
 * texture per page) or to a PNG. Fonts are found through fontconfig, with
 * per-run glyph fallback (CJK). Prefix render_. */
#ifndef RENDER_H
#define RENDER_H

#include "layout.h"

#include <SDL.h>
#include <stdio.h>

typedef struct render_fonts render_fonts;

/* How the slides look: colours, the header band, the body font. Strings
 * borrowed (only during the call that takes the look). */
typedef struct render_look {
	layout_theme theme;                /* all zero: layout_theme_default() */
	const char *header;                /* text in the header band of every page, NULL none */
	const char *logo;                  /* PNG or JPEG file shown in the band, NULL none */
	const char *font;                  /* fontconfig family name or a font file path; NULL:
	                                    * Inter */
	const char *const *fallback_fonts; /* tried after font for glyphs it
	                                    * lacks, before Noto Sans CJK */
	size_t nfallback;
	bool clock;              /* HH:MM in the band's corner */
	const char *language;    /* the kiosk's own words in this language; NULL:
	                          * each posting's own (layout_params.language) */
	bool hide_boilerplate;   /* layout_params.hide_boilerplate */
	int max_pages;           /* layout_params.max_pages */
	layout_style style;      /* layout_params.style */
	const char *careers_url; /* layout_params.careers_url (the link in the
	                          * code, tracking tags and all), NULL none */
} render_look;

/* The default look: dark theme, Inter, no header, logo or clock,
 * boilerplate hidden. */
render_look render_look_default(void);
/* look's theme, where an all-zero theme (a zeroed look) or look NULL means
 * layout_theme_default(). */
layout_theme render_look_theme(const render_look *look);

/* Initialises SDL2_ttf and finds the faces: Inter (regular, bold, italic,
 * bold italic) and Noto Sans CJK as the first fallback; more fallbacks are
 * looked up through fontconfig for glyphs neither has. On success the caller
 * closes *out with render_fonts_close(). Fails with JK_ENOTFOUND (naming the
 * package to install) when no text face is found. */
int render_fonts_open(render_fonts **out, jk_err *err);
/* render_fonts_open() for a look (NULL: the default look): its font and
 * fallback fonts, and its logo decoded and kept (scaled down to at most
 * 1024x512 at load; files over 16 MB or with a side over 8192 px are
 * refused). A font or logo that cannot be used is logged (jk_log, a
 * warning) in one line naming it and the reason, then Inter / no logo is
 * used: only a missing Inter fails, as in render_fonts_open(). */
int render_fonts_open_look(const render_look *look, render_fonts **out, jk_err *err);
/* Opens look's font(s) and logo as render_fonts_open_look() would and fails
 * with the first reason one cannot be used (JK_ENOTFOUND, JK_EFORMAT,
 * JK_ETOOBIG, JK_EIO) instead of falling back: for --check-config. */
int render_look_check(const render_look *look, jk_err *err);
/* Size of the logo kept by f; false (0 x 0) when there is none. */
bool render_logo_size(const render_fonts *f, int *w, int *h);
/* Fills the look's part of lp for pages f draws: theme (borrowed, must
 * outlive lp), f's measurer, look's header, clock, language and
 * hide_boilerplate and max_pages (look NULL: the default look's) and
 * the logo's size. lp's w and h are left as they are. One function, so the
 * kiosk and --render lay out alike. */
void render_layout_look(render_fonts *f, const render_look *look, const layout_theme *theme,
                        layout_params *lp);
/* Accepts NULL. */
void render_fonts_close(render_fonts *f);

/* A measurer that agrees with render_page() pixel for pixel. Valid while f
 * is open. */
layout_measurer render_measurer(render_fonts *f);
/* Measures a line in the regular and the bold face at two sizes, so the
 * first layout finds what each font sets up once made (HarfBuzz's shaping
 * plan, FreeType's hinter for the face): ~2 ms of a first layout, done
 * beforehand where a thread has the time. Accepts NULL. */
void render_fonts_warm(render_fonts *f);

/* Size of the screen the layout sees for a physical w x h screen turned by
 * rotate degrees (0, 90, 180, 270): 90 and 270 swap the sides. */
void render_logical_size(int w, int h, int rotate, int *lw, int *lh);
/* True for 0, 90, 180, 270. */
bool render_rotation_ok(int rotate);
/* The physical rectangle of logical rectangle (x, y, w, h) on an lw x lh
 * logical screen turned by rotate degrees clockwise. */
SDL_Rect render_turn_rect(int lw, int lh, int rotate, int x, int y, int w, int h);

/* Composes page `page` of d on a new opaque surface of the physical size
 * (the logical size turned by rotate degrees clockwise). The caller frees it
 * with SDL_FreeSurface(). NULL with err set on failure. */
SDL_Surface *render_page(render_fonts *f, const layout_doc *d, size_t page,
                         const layout_theme *theme, int rotate, jk_err *err);

/* A w x h surface of format (32 bits a pixel) for a whole page or
 * screen, its pixels not cleared. Pixels of 2 MiB and more are advised
 * as huge pages where the kernel offers them (transparent huge pages,
 * madvise): a fresh 1080p page faults in a few huge pages and some small
 * ones instead of 2,025 small ones (~4 ms on a 2-core x86, more on a
 * board). NULL on failure (SDL_GetError). Freed with SDL_FreeSurface. */
SDL_Surface *render_surface_new(int w, int h, Uint32 format);

/* render_page() plus nextra boxes (borrowed) drawn on top in the same
 * logical coordinates: overlays such as the kiosk's offline mark. */
SDL_Surface *render_page_ex(render_fonts *f, const layout_doc *d, size_t page,
                            const layout_box *extra, size_t nextra, const layout_theme *theme,
                            int rotate, jk_err *err);

/* Redraws box b (logical coordinates of an lw x lh page) into page, a
 * physical surface as render_page() made it (turned by rotate), moved by
 * (dx, dy) physical pixels: the box's rectangle is filled with theme->bg,
 * then b is drawn. *out (may be NULL) gets the physical rectangle that
 * changed, clipped to page. For small updates such as the clock. */
int render_box_update(render_fonts *f, SDL_Surface *page, int lw, int lh, const layout_box *b,
                      const layout_theme *theme, int rotate, int dx, int dy, SDL_Rect *out,
                      jk_err *err);

/* Writes s as a PNG file at path (SDL2_image). */
int render_save_png(SDL_Surface *s, const char *path, jk_err *err);

/* Encodes w x h XRGB8888 pixels (rows pitch bytes apart, borrowed) as a
 * PNG in memory: *out (caller frees with free()) and *len. Thread-safe
 * (encodes are serialised). JK_EARG for a bad size, JK_EIO/JK_ENOMEM when
 * the encoder fails; *out NULL then. */
int render_png_encode(const void *xrgb, int w, int h, int pitch, unsigned char **out, size_t *len,
                      jk_err *err);

/* One row of a crossfade, in place: n xRGB8888 pixels of dst moved
 * towards src (both borrowed, any 4-byte alignment, may not overlap) by
 * w out of 256. Each colour byte becomes (d * (256 - w) + s * w) >> 8 and
 * the top byte 0xFF; w >= 256 copies src as it is. Vectorised (SSE2,
 * NEON) where the build has it; render_blend_row_scalar() is the plain
 * loop and gives the same bytes. */
void render_blend_row(uint32_t *dst, const uint32_t *src, size_t n, unsigned w);
void render_blend_row_scalar(uint32_t *dst, const uint32_t *src, size_t n, unsigned w);
/* True when render_blend_row() has a vector path in this build. */
bool render_blend_vector(void);

/* Ink in a rectangle of s: the number of pixels that differ from bg. */
size_t render_count_ink(SDL_Surface *s, int x, int y, int w, int h, uint32_t bg);

#endif
