/* render.c — boxes to pixels. Text is drawn run by run: each run of a box is
 * split where the face that has the glyphs changes (Inter, then Noto Sans
 * CJK, then whatever fontconfig finds), measured and drawn with the same
 * faces, so layout's widths are the drawn widths. */
#include "render.h"

#include "qr.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define RF_FALLBACKS 6   /* fallback faces at most */
#define RF_SIZED 48      /* open (face, size, style) fonts kept */
#define RF_GLYPH_CACHE 512

typedef struct rf_face {
	char *path;
	long index;
	TTF_Font *probe; /* a small instance to ask which glyphs exist */
} rf_face;

typedef struct rf_sized {
	int face, px, style;
	TTF_Font *font;
	unsigned long used;
} rf_sized;

struct render_fonts {
	rf_face face[4 + RF_FALLBACKS]; /* 0-3: Inter by POSTING_ style bits */
	int nface;
	int cjk_regular, cjk_bold; /* faces of Noto Sans CJK, -1 when absent */
	bool fc_ok;
	rf_sized sized[RF_SIZED];
	int nsized;
	unsigned long clock;
	struct {
		uint32_t cp;
		int face; /* -1: empty */
	} glyph[RF_GLYPH_CACHE];
	uint32_t missing[64]; /* code points fontconfig had nothing for */
	int nmissing;
	char *buf;
	size_t bufcap;
};

static const char *const inter_style[4] = {"Regular", "Bold", "Italic", "Bold Italic"};
static const char *const inter_file[4] = {"Inter-Regular.otf", "Inter-Bold.otf",
                                          "Inter-Italic.otf", "Inter-BoldItalic.otf"};

/* fontconfig: the file of the best match for pattern text; NULL unless the
 * matched family contains want (so "Inter" never silently becomes DejaVu). */
static char *fc_find(const char *pat, const char *want, long *index)
{
	FcPattern *p = FcNameParse((const FcChar8 *)pat);
	if (!p)
		return NULL;
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	FcResult res;
	FcPattern *m = FcFontMatch(NULL, p, &res);
	FcPatternDestroy(p);
	if (!m)
		return NULL;
	char *out = NULL;
	FcChar8 *file = NULL, *fam = NULL;
	int idx = 0;
	if (FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
	    FcPatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch &&
	    strstr((const char *)fam, want)) {
		FcPatternGetInteger(m, FC_INDEX, 0, &idx);
		out = jk_strndup((const char *)file, (size_t)-1);
		*index = idx;
	}
	FcPatternDestroy(m);
	return out;
}

static int add_face(render_fonts *f, int slot, char *path, long index)
{
	TTF_Font *probe = TTF_OpenFontIndex(path, 16, index);
	if (!probe) {
		free(path);
		return -1;
	}
	f->face[slot].path = path;
	f->face[slot].index = index;
	f->face[slot].probe = probe;
	return 0;
}

static int ttf_refs;

int render_fonts_open(render_fonts **out, jk_err *err)
{
	*out = NULL;
	if (ttf_refs++ == 0 && TTF_Init() != 0) {
		ttf_refs--;
		return jk_fail(err, JK_EIO, "fonts: SDL2_ttf: %s", TTF_GetError());
	}
	render_fonts *f = calloc(1, sizeof *f);
	if (!f) {
		render_fonts_close(NULL);
		if (--ttf_refs == 0)
			TTF_Quit();
		return jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	for (int i = 0; i < RF_GLYPH_CACHE; i++)
		f->glyph[i].face = -1;
	f->cjk_regular = f->cjk_bold = -1;
	f->fc_ok = FcInit();
	for (int s = 0; s < 4; s++) {
		char pat[64];
		long idx = 0;
		snprintf(pat, sizeof pat, "Inter:style=%s", inter_style[s]);
		char *path = f->fc_ok ? fc_find(pat, "Inter", &idx) : NULL;
		if (!path) {
			/* fontconfig missing or its cache stale: the Debian path. */
			char p2[256];
			snprintf(p2, sizeof p2, "/usr/share/fonts/opentype/inter/%s", inter_file[s]);
			path = jk_strndup(p2, (size_t)-1);
			idx = 0;
		}
		if (!path || add_face(f, s, path, idx) != 0) {
			render_fonts_close(f);
			return jk_fail(err, JK_ENOTFOUND,
			               "fonts: Inter %s not found (install fonts-inter: "
			               "platform/install-deps.sh)",
			               inter_style[s]);
		}
	}
	f->nface = 4;
	long idx = 0;
	char *cjk = f->fc_ok ? fc_find("Noto Sans CJK SC", "CJK", &idx) : NULL;
	if (cjk && add_face(f, 4, cjk, idx) == 0) {
		f->cjk_regular = 4;
		f->nface = 5;
		/* A real bold face: SDL2_ttf's synthesised bold smears CJK. */
		char *bold = f->fc_ok ? fc_find("Noto Sans CJK SC:style=Bold", "CJK", &idx) : NULL;
		if (bold && !strcmp(bold, f->face[4].path) && idx == f->face[4].index) {
			free(bold); /* no bold installed: fontconfig gave the regular */
			bold = NULL;
		}
		if (bold && add_face(f, 5, bold, idx) == 0) {
			f->cjk_bold = 5;
			f->nface = 6;
		}
	}
	*out = f;
	return 0;
}

void render_fonts_close(render_fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nsized; i++)
		TTF_CloseFont(f->sized[i].font);
	for (int i = 0; i < f->nface; i++) {
		TTF_CloseFont(f->face[i].probe);
		free(f->face[i].path);
	}
	free(f->buf);
	bool fc = f->fc_ok;
	free(f);
	if (ttf_refs > 0 && --ttf_refs == 0) {
		TTF_Quit();
		/* Releases fontconfig's caches: nothing else here uses it. */
		if (fc)
			FcFini();
	}
}

/* Asks fontconfig for any face with cp; adds it as a fallback. */
static int fc_fallback(render_fonts *f, uint32_t cp)
{
	if (!f->fc_ok || f->nface >= 4 + RF_FALLBACKS)
		return -1;
	for (int i = 0; i < f->nmissing; i++)
		if (f->missing[i] == cp)
			return -1;
	int found = -1;
	FcPattern *p = FcPatternCreate();
	FcCharSet *cs = FcCharSetCreate();
	if (p && cs && FcCharSetAddChar(cs, cp) && FcPatternAddCharSet(p, FC_CHARSET, cs)) {
		FcConfigSubstitute(NULL, p, FcMatchPattern);
		FcDefaultSubstitute(p);
		FcResult res;
		FcPattern *m = FcFontMatch(NULL, p, &res);
		FcChar8 *file = NULL;
		int idx = 0;
		if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
			FcPatternGetInteger(m, FC_INDEX, 0, &idx);
			bool known = false;
			for (int i = 0; i < f->nface; i++)
				if (!strcmp(f->face[i].path, (const char *)file) && f->face[i].index == idx)
					known = true;
			char *path = known ? NULL : jk_strndup((const char *)file, (size_t)-1);
			if (path && add_face(f, f->nface, path, idx) == 0) {
				if (TTF_GlyphIsProvided32(f->face[f->nface].probe, cp))
					found = f->nface;
				f->nface++;
			}
		}
		if (m)
			FcPatternDestroy(m);
	}
	if (cs)
		FcCharSetDestroy(cs);
	if (p)
		FcPatternDestroy(p);
	if (found < 0 && f->nmissing < (int)JK_ARRAY_LEN(f->missing))
		f->missing[f->nmissing++] = cp;
	return found;
}

/* Which face draws cp in style: Inter when it has the glyph, else the first
 * fallback that has it, else Inter (its .notdef box). */
static int face_for(render_fonts *f, uint32_t cp, unsigned style)
{
	style &= 3u;
	if (cp < 0x250 || jk_cp_is_space(cp))
		return (int)style; /* Latin: Inter has it, skip the lookups */
	unsigned h = (cp * 2654435761u) % RF_GLYPH_CACHE;
	if (f->glyph[h].face >= 0 && f->glyph[h].cp == cp)
		return f->glyph[h].face == 0 ? (int)style : f->glyph[h].face;
	int face = -1;
	if (TTF_GlyphIsProvided32(f->face[0].probe, cp))
		face = 0;
	for (int i = 4; face < 0 && i < f->nface; i++)
		if (TTF_GlyphIsProvided32(f->face[i].probe, cp))
			face = i;
	if (face < 0)
		face = fc_fallback(f, cp);
	if (face < 0)
		face = 0;
	f->glyph[h].cp = cp;
	f->glyph[h].face = face;
	return face == 0 ? (int)style : face;
}

/* The font for face at px; fallback faces get the style synthesised. */
static TTF_Font *font_at(render_fonts *f, int face, int px, unsigned style)
{
	if (face == f->cjk_regular && (style & POSTING_BOLD) && f->cjk_bold >= 0) {
		face = f->cjk_bold;
		style &= ~(unsigned)POSTING_BOLD;
	}
	int st = face < 4 ? 0 : (int)(style & 3u);
	f->clock++;
	int lru = 0;
	for (int i = 0; i < f->nsized; i++) {
		rf_sized *s = &f->sized[i];
		if (s->face == face && s->px == px && s->style == st) {
			s->used = f->clock;
			return s->font;
		}
		if (s->used < f->sized[lru].used)
			lru = i;
	}
	TTF_Font *font = TTF_OpenFontIndex(f->face[face].path, px, f->face[face].index);
	if (!font)
		return NULL;
	int ts = TTF_STYLE_NORMAL;
	if (st & POSTING_BOLD)
		ts |= TTF_STYLE_BOLD;
	if (st & POSTING_ITALIC)
		ts |= TTF_STYLE_ITALIC;
	TTF_SetFontStyle(font, ts);
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	int slot = f->nsized;
	if (f->nsized == RF_SIZED) {
		slot = lru;
		TTF_CloseFont(f->sized[slot].font);
	} else {
		f->nsized++;
	}
	f->sized[slot] = (rf_sized){face, px, st, font, f->clock};
	return font;
}

/* Copies s[0,n) NUL-terminated into f->buf. */
static const char *cstr(render_fonts *f, const char *s, size_t n)
{
	if (n + 1 > f->bufcap) {
		size_t c = n + 1 < 256 ? 256 : n + 1;
		char *b = realloc(f->buf, c);
		if (!b)
			return NULL;
		f->buf = b;
		f->bufcap = c;
	}
	memcpy(f->buf, s, n);
	f->buf[n] = '\0';
	return f->buf;
}

/* Calls fn for each run of s[0,n) drawn by one face. */
typedef void (*run_fn)(render_fonts *f, void *ud, TTF_Font *font, const char *s, size_t n);

static void each_run(render_fonts *f, const char *s, size_t n, int px, unsigned style,
                     run_fn fn, void *ud)
{
	size_t a = 0;
	while (a < n) {
		uint32_t cp;
		size_t e = a + jk_utf8_decode(s + a, n - a, &cp);
		int face = face_for(f, cp, style);
		while (e < n) {
			size_t k = e + jk_utf8_decode(s + e, n - e, &cp);
			/* Spaces stay with the run they are in. */
			if (!jk_cp_is_space(cp) && face_for(f, cp, style) != face)
				break;
			e = k;
		}
		TTF_Font *font = font_at(f, face, px, style);
		if (font)
			fn(f, ud, font, s + a, e - a);
		a = e;
	}
}

static void width_run(render_fonts *f, void *ud, TTF_Font *font, const char *s, size_t n)
{
	int w = 0, h = 0;
	const char *c = cstr(f, s, n);
	if (c && TTF_SizeUTF8(font, c, &w, &h) == 0)
		*(int *)ud += w;
}

static int m_width(void *ud, const char *s, size_t n, int px, unsigned style)
{
	int w = 0;
	each_run(ud, s, n, px, style, width_run, &w);
	return w;
}

static int m_height(void *ud, int px)
{
	render_fonts *f = ud;
	TTF_Font *font = font_at(f, 0, px, 0);
	return font ? TTF_FontHeight(font) : px;
}

layout_measurer render_measurer(render_fonts *f)
{
	layout_measurer m = {.width = m_width, .height = m_height, .ud = f};
	return m;
}

bool render_rotation_ok(int rotate)
{
	return rotate == 0 || rotate == 90 || rotate == 180 || rotate == 270;
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
	const char *c = cstr(f, s, n);
	int w = 0, h = 0;
	if (!c || TTF_SizeUTF8(font, c, &w, &h) != 0)
		return;
	SDL_Surface *t = TTF_RenderUTF8_Blended(font, c, d->color);
	if (t) {
		/* Baselines line up across faces of different ascent. */
		SDL_Rect r = {d->x, d->y + d->ascent - TTF_FontAscent(font), t->w, t->h};
		SDL_BlitSurface(t, NULL, d->dst, &r);
		SDL_FreeSurface(t);
	} else if (w > 0) {
		d->status = JK_ENOMEM;
	}
	d->x += w;
}

static int draw_text(render_fonts *f, SDL_Surface *dst, const layout_box *b)
{
	TTF_Font *main = font_at(f, (int)(b->style & 3u), b->px, b->style);
	if (!main)
		return JK_EIO;
	draw_ud d = {.dst = dst, .x = b->x, .y = b->y, .ascent = TTF_FontAscent(main),
	             .color = rgb(b->color)};
	each_run(f, b->text, b->len, b->px, b->style, draw_run, &d);
	return d.status;
}

static int draw_qr(SDL_Surface *dst, const layout_box *b, uint32_t light)
{
	qr_code q;
	if (qr_encode(b->text, &q, NULL))
		return JK_EFORMAT;
	fill(dst, b->x, b->y, b->w, b->h, light);
	int s = b->qr_scale, o = QR_QUIET * s;
	for (int y = 0; y < q.size; y++)
		for (int x = 0; x < q.size; x++) {
			/* Runs of dark modules in a row as one rectangle. */
			if (!qr_dark(&q, x, y))
				continue;
			int e = x;
			while (e + 1 < q.size && qr_dark(&q, e + 1, y))
				e++;
			fill(dst, b->x + o + x * s, b->y + o + y * s, (e - x + 1) * s, s, b->color);
			x = e;
		}
	qr_code_free(&q);
	return 0;
}

static SDL_Surface *rotate_surface(SDL_Surface *s, int rotate)
{
	if (rotate == 0)
		return s;
	bool swap = rotate == 90 || rotate == 270;
	int W = swap ? s->h : s->w, H = swap ? s->w : s->h;
	SDL_Surface *d = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, s->format->format);
	if (!d) {
		SDL_FreeSurface(s);
		return NULL;
	}
	for (int y = 0; y < s->h; y++) {
		const Uint32 *row = (const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * s->pitch);
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
			*(Uint32 *)((Uint8 *)d->pixels + (size_t)dy * d->pitch + (size_t)dx * 4) = row[x];
		}
	}
	SDL_FreeSurface(s);
	return d;
}

static int draw_box(render_fonts *f, SDL_Surface *s, const layout_box *b,
                    const layout_theme *theme)
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
		jk_fail(err, JK_EARG, "render: no page %zu (or rotation %d not 0/90/180/270)", page + 1,
		        rotate);
		return NULL;
	}
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, d->w, d->h, 32, SDL_PIXELFORMAT_XRGB8888);
	if (!s) {
		jk_fail(err, JK_ENOMEM, "render: %dx%d surface: %s", d->w, d->h, SDL_GetError());
		return NULL;
	}
	fill(s, 0, 0, d->w, d->h, theme->bg);
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

int render_save_png(SDL_Surface *s, const char *path, jk_err *err)
{
	if (IMG_SavePNG(s, path) != 0)
		return jk_fail(err, JK_EIO, "%s: cannot write PNG: %s", path, IMG_GetError());
	return 0;
}

size_t render_count_ink(SDL_Surface *s, int x, int y, int w, int h, uint32_t bg)
{
	size_t n = 0;
	Uint32 k = SDL_MapRGB(s->format, (Uint8)(bg >> 16), (Uint8)(bg >> 8), (Uint8)bg);
	for (int j = y < 0 ? 0 : y; j < y + h && j < s->h; j++)
		for (int i = x < 0 ? 0 : x; i < x + w && i < s->w; i++) {
			Uint32 px = *(const Uint32 *)((const Uint8 *)s->pixels + (size_t)j * s->pitch +
			                              (size_t)i * 4);
			if ((px & 0xFFFFFF) != (k & 0xFFFFFF))
				n++;
		}
	return n;
}

/* ---- --render ---------------------------------------------------------- */

/* File name part from a title: lower-case ASCII letters, digits, '-'. */
static void slug(const char *t, char *out, size_t cap)
{
	size_t n = 0;
	bool dash = false;
	for (const char *p = t ? t : ""; *p && n + 1 < cap; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n)
				out[n++] = '-';
			dash = false;
			if (n + 1 < cap)
				out[n++] = c;
		} else {
			dash = true;
		}
	}
	if (!n)
		n = (size_t)snprintf(out, cap, "posting");
	out[n] = '\0';
}

static int write_doc(render_fonts *f, const layout_doc *d, const layout_theme *th, int rotate,
                     const char *dir, const char *stem, FILE *progress, char ***paths,
                     size_t *npaths, size_t *cap, jk_err *err)
{
	for (size_t k = 0; k < d->npages; k++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s-p%zu.png", dir, stem, k + 1);
		SDL_Surface *s = render_page(f, d, k, th, rotate, err);
		if (!s)
			return err ? err->code : JK_EIO;
		int r = render_save_png(s, path, err);
		SDL_FreeSurface(s);
		if (r)
			return r;
		if (progress)
			fprintf(progress, "  %s\n", path);
		if (paths) {
			if (*npaths == *cap) {
				size_t nc = *cap ? *cap * 2 : 16;
				char **nv = realloc(*paths, nc * sizeof *nv);
				if (!nv)
					return jk_fail(err, JK_ENOMEM, "render: out of memory");
				*paths = nv;
				*cap = nc;
			}
			char *p = jk_strndup(path, (size_t)-1);
			if (!p)
				return jk_fail(err, JK_ENOMEM, "render: out of memory");
			(*paths)[(*npaths)++] = p;
		}
	}
	return 0;
}

int render_to_dir(const posting_list *l, const char *dir, int w, int h, int rotate,
                  FILE *progress, char ***paths, size_t *npaths, jk_err *err)
{
	if (paths)
		*paths = NULL;
	if (npaths)
		*npaths = 0;
	if (!render_rotation_ok(rotate))
		return jk_fail(err, JK_EARG, "rotation %d: use 0, 90, 180 or 270", rotate);
	if (w < 160 || h < 160 || w > 16384 || h > 16384)
		return jk_fail(err, JK_EARG, "size %dx%d: use between 160x160 and 16384x16384", w, h);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return jk_fail(err, JK_EIO, "%s: cannot create: %s", dir, strerror(errno));
	render_fonts *f;
	int r = render_fonts_open(&f, err);
	if (r)
		return r;
	layout_theme th = layout_theme_default();
	int lw, lh;
	render_logical_size(w, h, rotate, &lw, &lh);
	layout_params lp = {.w = lw, .h = lh, .theme = &th, .measure = render_measurer(f)};
	size_t dummy = 0, cap = 0;
	if (!npaths)
		npaths = &dummy;
	for (size_t i = 0; i < l->n && !r; i++) {
		layout_doc d;
		r = layout_posting(l->items[i], &lp, &d, err);
		if (!r) {
			char stem[80], sl[48];
			slug(l->items[i]->title, sl, sizeof sl);
			snprintf(stem, sizeof stem, "%03zu-%s", i + 1, sl);
			if (progress)
				fprintf(progress, "posting %zu/%zu: %s — %zu page(s), body %d px\n", i + 1,
				        l->n, l->items[i]->title ? l->items[i]->title : "(untitled)",
				        d.npages, d.body_px);
			r = write_doc(f, &d, &th, rotate, dir, stem, progress, paths, npaths, &cap, err);
		}
		layout_doc_free(&d);
	}
	if (!r && l->n) {
		layout_doc d;
		r = layout_overview((const posting *const *)l->items, l->n, &lp, &d, err);
		if (!r) {
			if (progress)
				fprintf(progress, "overview: %zu position(s), %zu page(s)\n", l->n, d.npages);
			r = write_doc(f, &d, &th, rotate, dir, "overview", progress, paths, npaths, &cap,
			              err);
		}
		layout_doc_free(&d);
	}
	render_fonts_close(f);
	return r;
}
