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

/* Initialises SDL2_ttf and finds the faces: Inter (regular, bold, italic,
 * bold italic) and Noto Sans CJK as the first fallback; more fallbacks are
 * looked up through fontconfig for glyphs neither has. On success the caller
 * closes *out with render_fonts_close(). Fails with JK_ENOTFOUND (naming the
 * package to install) when no text face is found. */
int render_fonts_open(render_fonts **out, jk_err *err);
/* Accepts NULL. */
void render_fonts_close(render_fonts *f);

/* A measurer that agrees with render_page() pixel for pixel. Valid while f
 * is open. */
layout_measurer render_measurer(render_fonts *f);

/* Size of the screen the layout sees for a physical w x h screen turned by
 * rotate degrees (0, 90, 180, 270): 90 and 270 swap the sides. */
void render_logical_size(int w, int h, int rotate, int *lw, int *lh);
/* True for 0, 90, 180, 270. */
bool render_rotation_ok(int rotate);

/* Composes page `page` of d on a new opaque surface of the physical size
 * (the logical size turned by rotate degrees clockwise). The caller frees it
 * with SDL_FreeSurface(). NULL with err set on failure. */
SDL_Surface *render_page(render_fonts *f, const layout_doc *d, size_t page,
                         const layout_theme *theme, int rotate, jk_err *err);

/* render_page() plus nextra boxes (borrowed) drawn on top in the same
 * logical coordinates: overlays such as the kiosk's offline mark. */
SDL_Surface *render_page_ex(render_fonts *f, const layout_doc *d, size_t page,
                            const layout_box *extra, size_t nextra, const layout_theme *theme,
                            int rotate, jk_err *err);

/* Writes s as a PNG file at path (SDL2_image). */
int render_save_png(SDL_Surface *s, const char *path, jk_err *err);

/* Ink in a rectangle of s: the number of pixels that differ from bg. */
size_t render_count_ink(SDL_Surface *s, int x, int y, int w, int h, uint32_t bg);

/* The --render action: every page of every posting of l, then the overview,
 * as PNG files in dir (created when missing) for a physical w x h screen
 * turned by rotate. One progress line per posting and every path written go
 * to progress (may be NULL). When paths is not NULL it receives the paths
 * (caller frees each and the array) and *npaths their number. */
int render_to_dir(const posting_list *l, const char *dir, int w, int h, int rotate,
                  FILE *progress, char ***paths, size_t *npaths, jk_err *err);

#endif
