/* draw.c — boxes to pixels: a page composed on a software surface (fills,
 * text runs, the QR's modules from the doc's code, the logo), turned for
 * the screen's rotation; box updates, PNG output, ink counts. */
#include "internal.h"

#include "qr.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#define HUGE_PAGE ((size_t)2 << 20)

SDL_Surface *render_surface_new(int w, int h, Uint32 format)
{
	size_t size = (size_t)(w > 0 ? w : 0) * 4 * (size_t)(h > 0 ? h : 0);
	long pg = sysconf(_SC_PAGESIZE);
	if (size < HUGE_PAGE || w > 65536 || h > 65536 || pg <= 0)
		return SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, format);
	/* SDL's own aligned block, as SDL_CreateRGBSurface takes, but not
	 * cleared: clearing faults in every small page before the page's
	 * fill writes it again. */
	void *px = SDL_SIMDAlloc(size);
	if (!px) {
		SDL_OutOfMemory();
		return NULL;
	}
	uintptr_t a = ((uintptr_t)px + (uintptr_t)pg - 1) & ~(uintptr_t)(pg - 1);
	uintptr_t e = ((uintptr_t)px + size) & ~(uintptr_t)(pg - 1);
	if (e > a)
		(void)madvise((void *)a, e - a, MADV_HUGEPAGE);
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom(px, w, h, 32, w * 4, format);
	if (!s) {
		SDL_SIMDFree(px);
		return NULL;
	}
	/* SDL_FreeSurface frees px as it frees its own surfaces' pixels. */
	s->flags = (s->flags & ~(Uint32)SDL_PREALLOC) | SDL_SIMD_ALIGNED;
	return s;
}

bool render_rotation_ok(int rotate)
{
	return rotate == 0 || rotate == 90 || rotate == 180 || rotate == 270;
}

SDL_Rect render_turn_rect(int lw, int lh, int rotate, int x, int y, int w, int h)
{
	switch (rotate) {
	case 90:
		return (SDL_Rect){lh - y - h, x, h, w};
	case 180:
		return (SDL_Rect){lw - x - w, lh - y - h, w, h};
	case 270:
		return (SDL_Rect){y, lw - x - w, h, w};
	default:
		return (SDL_Rect){x, y, w, h};
	}
}

void render_logical_size(int w, int h, int rotate, int *lw, int *lh)
{
	bool swap = rotate == 90 || rotate == 270;
	*lw = swap ? h : w;
	*lh = swap ? w : h;
}

/* ---- drawing ----------------------------------------------------------- */

static SDL_Color rgb(uint32_t c)
{
	SDL_Color k = {(Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c, 255};
	return k;
}

static void fill(SDL_Surface *s, int x, int y, int w, int h, uint32_t c)
{
	SDL_Rect r = {x, y, w, h};
	SDL_FillRect(s, &r, SDL_MapRGB(s->format, (Uint8)(c >> 16), (Uint8)(c >> 8), (Uint8)c));
}

typedef struct draw_ud {
	SDL_Surface *dst;
	int x, y, ascent;
	SDL_Color color;
	int status;
} draw_ud;

static void draw_run(render_fonts *f, void *ud, TTF_Font *font, const char *s, size_t n)
{
	draw_ud *d = ud;
	const char *c = render_cstr(f, s, n);
	if (!c)
		return;
	/* The run's surface is as wide as the text measures: it is shaped
	 * once. Measured only when there is none (no width, or no memory). */
	SDL_Surface *t = TTF_RenderUTF8_Blended(font, c, d->color);
	int w = 0, h = 0;
	if (t) {
		/* Baselines line up across faces of different ascent. */
		SDL_Rect r = {d->x, d->y + d->ascent - TTF_FontAscent(font), t->w, t->h};
		SDL_BlitSurface(t, NULL, d->dst, &r);
		w = t->w;
		SDL_FreeSurface(t);
	} else if (TTF_SizeUTF8(font, c, &w, &h) != 0) {
		return;
	} else if (w > 0) {
		d->status = JK_ENOMEM;
	}
	d->x += w;
}

static int draw_text(render_fonts *f, SDL_Surface *dst, const layout_box *b)
{
	TTF_Font *main = render_font_at(f, (int)(b->style & 3u), b->px, b->style);
	if (!main)
		return JK_EIO;
	draw_ud d = {.dst = dst,
	             .x = b->x,
	             .y = b->y,
	             .ascent = TTF_FontAscent(main),
	             .color = rgb(b->color)};
	render_each_run(f, b->text, b->len, b->px, b->style, false, draw_run, &d);
	return d.status;
}

/* The modules of the doc's code (b->qr, encoded once by layout), with the
 * quiet zone in the light colour. */
static int draw_qr(SDL_Surface *dst, const layout_box *b, uint32_t light)
{
	const qr_code *q = b->qr;
	if (!q || !q->modules)
		return JK_EFORMAT;
	fill(dst, b->x, b->y, b->w, b->h, light);
	int s = b->qr_scale, o = QR_QUIET * s;
	for (int y = 0; y < q->size; y++)
		for (int x = 0; x < q->size; x++) {
			/* Runs of dark modules in a row as one rectangle. */
			if (!qr_dark(q, x, y))
				continue;
			int e = x;
			while (e + 1 < q->size && qr_dark(q, e + 1, y))
				e++;
			fill(dst, b->x + o + x * s, b->y + o + y * s, (e - x + 1) * s, s, b->color);
			x = e;
		}
	return 0;
}

static SDL_Surface *rotate_surface(SDL_Surface *s, int rotate)
{
	if (rotate == 0)
		return s;
	bool swap = rotate == 90 || rotate == 270;
	int W = swap ? s->h : s->w, H = swap ? s->w : s->h;
	SDL_Surface *d = render_surface_new(W, H, s->format->format);
	if (!d) {
		SDL_FreeSurface(s);
		return NULL;
	}
	for (int y = 0; y < s->h; y++) {
		const Uint32 *row =
		    (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch);
		for (int x = 0; x < s->w; x++) {
			int dx, dy;
			if (rotate == 90) { /* clockwise */
				dx = s->h - 1 - y;
				dy = x;
			} else if (rotate == 180) {
				dx = s->w - 1 - x;
				dy = s->h - 1 - y;
			} else {
				dx = y;
				dy = s->w - 1 - x;
			}
			*(Uint32 *)((Uint8 *)d->pixels + (size_t)dy * d->pitch + (size_t)dx * 4) =
			    row[x];
		}
	}
	SDL_FreeSurface(s);
	return d;
}

static int draw_box(render_fonts *f, SDL_Surface *s, const layout_box *b, const layout_theme *theme)
{
	switch (b->kind) {
	case LAYOUT_PANEL:
	case LAYOUT_RULE:
		fill(s, b->x, b->y, b->w, b->h, b->color);
		return 0;
	case LAYOUT_QR:
		return draw_qr(s, b, theme->card);
	case LAYOUT_TEXT:
		return draw_text(f, s, b);
	case LAYOUT_IMAGE:
		return render_logo_draw(f, s, b);
	}
	return 0;
}

SDL_Surface *render_page(render_fonts *f, const layout_doc *d, size_t page,
                         const layout_theme *theme, int rotate, jk_err *err)
{
	return render_page_ex(f, d, page, NULL, 0, theme, rotate, err);
}

SDL_Surface *render_page_ex(render_fonts *f, const layout_doc *d, size_t page,
                            const layout_box *extra, size_t nextra, const layout_theme *theme,
                            int rotate, jk_err *err)
{
	if (!f || !d || page >= d->npages || !render_rotation_ok(rotate)) {
		jk_fail(err, JK_EARG, "render: no page %zu (or rotation %d not 0/90/180/270)",
		        page + 1, rotate);
		return NULL;
	}
	SDL_Surface *s = render_surface_new(d->w, d->h, SDL_PIXELFORMAT_XRGB8888);
	if (!s) {
		jk_fail(err, JK_ENOMEM, "render: %dx%d surface: %s", d->w, d->h, SDL_GetError());
		return NULL;
	}
	fill(s, 0, 0, d->w, d->h, theme->bg);
	f->han_variant = render_han_variant(d->lang);
	const layout_page *pg = &d->pages[page];
	int status = 0;
	for (size_t i = 0; i < pg->n && !status; i++)
		status = draw_box(f, s, &pg->boxes[i], theme);
	for (size_t i = 0; i < nextra && !status; i++)
		status = draw_box(f, s, &extra[i], theme);
	if (status) {
		SDL_FreeSurface(s);
		jk_fail(err, status, "render: page %zu could not be drawn", page + 1);
		return NULL;
	}
	s = rotate_surface(s, rotate);
	if (!s)
		jk_fail(err, JK_ENOMEM, "render: out of memory rotating the page");
	return s;
}

int render_box_update(render_fonts *f, SDL_Surface *page, int lw, int lh, const layout_box *b,
                      const layout_theme *theme, int rotate, int dx, int dy, SDL_Rect *out,
                      jk_err *err)
{
	if (out)
		*out = (SDL_Rect){0, 0, 0, 0};
	if (!f || !page || !b || !render_rotation_ok(rotate))
		return jk_fail(err, JK_EARG, "render: nothing to update");
	if (b->w <= 0 || b->h <= 0)
		return 0;
	SDL_Surface *t =
	    SDL_CreateRGBSurfaceWithFormat(0, b->w, b->h, 32, SDL_PIXELFORMAT_XRGB8888);
	if (!t)
		return jk_fail(err, JK_ENOMEM, "render: %dx%d surface: %s", b->w, b->h,
		               SDL_GetError());
	fill(t, 0, 0, b->w, b->h, theme->bg);
	layout_box c = *b;
	c.x = c.y = 0;
	int r = draw_box(f, t, &c, theme);
	if (!r && !(t = rotate_surface(t, rotate)))
		r = JK_ENOMEM;
	if (r) {
		SDL_FreeSurface(t);
		return jk_fail(err, r, "render: a box could not be drawn");
	}
	SDL_Rect d = render_turn_rect(lw, lh, rotate, b->x, b->y, b->w, b->h);
	d.x += dx;
	d.y += dy;
	/* SDL clips d to page and leaves the rectangle it drew in it. */
	if (SDL_BlitSurface(t, NULL, page, &d) == 0 && out)
		*out = d;
	SDL_FreeSurface(t);
	return 0;
}

int render_save_png(SDL_Surface *s, const char *path, jk_err *err)
{
	jk_err e = {0};
	const render_img_fns *im = render_img(&e);
	if (!im)
		return jk_fail(err, e.code, "%s: cannot write PNG: %s", path, e.msg);
	if (im->SavePNG(s, path) != 0)
		return jk_fail(err, JK_EIO, "%s: cannot write PNG: %s", path, SDL_GetError());
	return 0;
}

size_t render_count_ink(SDL_Surface *s, int x, int y, int w, int h, uint32_t bg)
{
	size_t n = 0;
	Uint32 k = SDL_MapRGB(s->format, (Uint8)(bg >> 16), (Uint8)(bg >> 8), (Uint8)bg);
	for (int j = y < 0 ? 0 : y; j < y + h && j < s->h; j++)
		for (int i = x < 0 ? 0 : x; i < x + w && i < s->w; i++) {
			Uint32 px = *(const Uint32 *)((const Uint8 *)s->pixels +
			                              (size_t)j * s->pitch + (size_t)i * 4);
			if ((px & 0xFFFFFF) != (k & 0xFFFFFF))
				n++;
		}
	return n;
}
