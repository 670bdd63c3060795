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
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#define RF_USER 4      /* the look's fallback fonts at most */
#define RF_FALLBACKS 6 /* fallback faces found through fontconfig at most */
#define RF_SIZED 48    /* open (face, size, style) fonts kept */
#define RF_GLYPH_CACHE 512

typedef struct rf_face {
	char *path;
	long index;
	TTF_Font *probe; /* a small instance to ask which glyphs exist */
	unsigned synth;  /* POSTING_ style bits SDL2_ttf synthesises for it */
} rf_face;

typedef struct rf_sized {
	int face, px, style;
	TTF_Font *font;
	unsigned long used;
} rf_sized;

struct render_fonts {
	/* 0-3: the body font (Inter) by POSTING_ style bits, then the look's
	 * fallbacks, Noto Sans CJK, fontconfig's finds. */
	rf_face face[4 + RF_USER + 2 + RF_FALLBACKS];
	int nface;
	bool main_default;         /* faces 0-3 are Inter: Latin needs no lookup */
	SDL_Surface *logo;         /* ARGB8888, at most LOGO_KEEP_W x LOGO_KEEP_H */
	SDL_Surface *logo_fit;     /* logo scaled to the last size drawn */
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
static const char *const inter_file[4] = {"Inter-Regular.otf", "Inter-Bold.otf", "Inter-Italic.otf",
                                          "Inter-BoldItalic.otf"};

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

static void drop_face(render_fonts *f, int i)
{
	TTF_CloseFont(f->face[i].probe);
	free(f->face[i].path);
	memset(&f->face[i], 0, sizeof f->face[i]);
}

/* SDL2_ttf and an empty font set; the caller closes it. */
static int fonts_new(render_fonts **out, jk_err *err)
{
	*out = NULL;
	if (ttf_refs++ == 0 && TTF_Init() != 0) {
		ttf_refs--;
		return jk_fail(err, JK_EIO, "fonts: SDL2_ttf: %s", TTF_GetError());
	}
	render_fonts *f = calloc(1, sizeof *f);
	if (!f) {
		if (--ttf_refs == 0)
			TTF_Quit();
		return jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	for (int i = 0; i < RF_GLYPH_CACHE; i++)
		f->glyph[i].face = -1;
	f->cjk_regular = f->cjk_bold = -1;
	f->fc_ok = FcInit();
	*out = f;
	return 0;
}

/* Inter's four faces into slots 0-3. */
static int open_inter(render_fonts *f, jk_err *err)
{
	for (int s = 0; s < 4; s++) {
		char pat[64];
		long idx = 0;
		snprintf(pat, sizeof pat, "Inter:style=%s", inter_style[s]);
		char *path = f->fc_ok ? fc_find(pat, "Inter", &idx) : NULL;
		if (!path) {
			/* fontconfig missing or its cache stale: the Debian path. */
			char p2[256];
			snprintf(p2, sizeof p2, "/usr/share/fonts/opentype/inter/%s",
			         inter_file[s]);
			path = jk_strndup(p2, (size_t)-1);
			idx = 0;
		}
		if (!path || add_face(f, s, path, idx) != 0) {
			jk_fail(err, JK_ENOTFOUND,
			        "fonts: Inter %s not found (install fonts-inter: "
			        "platform/install-deps.sh)",
			        inter_style[s]);
			while (s-- > 0)
				drop_face(f, s);
			return JK_ENOTFOUND;
		}
	}
	f->nface = 4;
	f->main_default = true;
	return 0;
}

static bool font_is_path(const char *spec)
{
	size_t n = strlen(spec);
	static const char *const ext[] = {".ttf", ".otf", ".ttc", ".otc"};
	if (strchr(spec, '/'))
		return true;
	for (size_t i = 0; i < JK_ARRAY_LEN(ext); i++)
		if (n > 4 && !strcasecmp(spec + n - 4, ext[i]))
			return true;
	return false;
}

/* The file for spec (a font file or a fontconfig family) in style (POSTING_
 * bits): *path (caller frees), *idx, and in *synth the style bits the file
 * lacks. An error names spec and why. */
static int find_font(render_fonts *f, const char *spec, unsigned style, char **path, long *idx,
                     unsigned *synth, jk_err *err)
{
	*path = NULL;
	*idx = 0;
	*synth = style;
	size_t n = strlen(spec);
	if (n > 1024 || !jk_utf8_valid(spec, n))
		return jk_fail(err, JK_EARG, "font: not a font name or file (%zu bytes%s)", n,
		               jk_utf8_valid(spec, n) ? "" : ", not UTF-8");
	if (font_is_path(spec)) {
		struct stat st;
		if (stat(spec, &st) != 0)
			return jk_fail(err, JK_ENOTFOUND, "font %s: %s", spec, strerror(errno));
		if (!S_ISREG(st.st_mode))
			return jk_fail(err, JK_EFORMAT, "font %s: not a regular file", spec);
		if (st.st_size == 0)
			return jk_fail(err, JK_EEMPTY, "font %s: empty file", spec);
		*path = jk_strndup(spec, n);
		return *path ? 0 : jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	if (!f->fc_ok)
		return jk_fail(err, JK_ENOTFOUND, "font '%s': fontconfig is not available", spec);
	FcPattern *p = FcPatternCreate();
	if (!p)
		return jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)spec);
	FcPatternAddInteger(p, FC_WEIGHT,
	                    style & POSTING_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT, style & POSTING_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcConfigSubstitute(NULL, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	FcResult res;
	FcPattern *m = FcFontMatch(NULL, p, &res);
	FcPatternDestroy(p);
	bool named = false;
	FcChar8 *fam = NULL, *file = NULL;
	for (int i = 0; m && FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; i++)
		if (!strcasecmp((const char *)fam, spec))
			named = true;
	int r = 0;
	if (!named || FcPatternGetString(m, FC_FILE, 0, &file) != FcResultMatch) {
		r = jk_fail(err, JK_ENOTFOUND, "font '%s': no such font family installed (fc-list)",
		            spec);
	} else {
		int i = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
		FcPatternGetInteger(m, FC_INDEX, 0, &i);
		FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
		FcPatternGetInteger(m, FC_SLANT, 0, &slant);
		*idx = i;
		*synth = 0;
		if ((style & POSTING_BOLD) && weight < FC_WEIGHT_DEMIBOLD)
			*synth |= POSTING_BOLD;
		if ((style & POSTING_ITALIC) && slant == FC_SLANT_ROMAN)
			*synth |= POSTING_ITALIC;
		*path = jk_strndup((const char *)file, (size_t)-1);
		if (!*path)
			r = jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	if (m)
		FcPatternDestroy(m);
	return r;
}

/* Opens spec in style into face slot. */
static int open_face(render_fonts *f, int slot, const char *spec, unsigned style, jk_err *err)
{
	char *path;
	long idx;
	unsigned synth;
	int r = find_font(f, spec, style, &path, &idx, &synth, err);
	if (r)
		return r;
	char shown[300];
	snprintf(shown, sizeof shown, "%s", path);
	if (add_face(f, slot, path, idx) != 0)
		return jk_fail(err, JK_EFORMAT, "font %s: not a font SDL2_ttf can read: %s", shown,
		               TTF_GetError());
	f->face[slot].synth = synth;
	return 0;
}

/* The look's body font into slots 0-3. */
static int open_main(render_fonts *f, const char *spec, jk_err *err)
{
	for (int s = 0; s < 4; s++) {
		int r = open_face(f, s, spec, (unsigned)s, err);
		if (r) {
			while (s-- > 0)
				drop_face(f, s);
			return r;
		}
	}
	f->nface = 4;
	f->main_default = false;
	return 0;
}

static int logo_load(const char *path, SDL_Surface **out, jk_err *err);

/* Opens look's faces and logo. strict: a font or logo that cannot be used
 * is an error; else it is reported on stderr and left out. */
static int open_look(const render_look *look, bool strict, render_fonts **out, jk_err *err)
{
	render_fonts *f;
	int r = fonts_new(&f, err);
	if (r)
		return r;
	jk_err why = {0};
	bool custom = look && look->font && *look->font;
	if (custom && open_main(f, look->font, &why) != 0) {
		if (strict) {
			render_fonts_close(f);
			return jk_fail(err, why.code, "%s", why.msg);
		}
		fprintf(stderr, "jobkiosk: %s; using Inter\n", why.msg);
		custom = false;
	}
	if (!custom && (r = open_inter(f, err)) != 0) {
		render_fonts_close(f);
		return r;
	}
	size_t nfb = look && look->fallback_fonts ? look->nfallback : 0;
	for (size_t i = 0; i < nfb; i++) {
		const char *spec = look->fallback_fonts[i];
		if (!spec || !*spec)
			continue;
		if (i >= RF_USER) {
			fprintf(stderr,
			        "jobkiosk: font '%s': more than %d fallback fonts; ignored\n", spec,
			        RF_USER);
			continue;
		}
		if (open_face(f, f->nface, spec, 0, &why) != 0) {
			if (strict) {
				render_fonts_close(f);
				return jk_fail(err, why.code, "%s", why.msg);
			}
			fprintf(stderr, "jobkiosk: %s; left out\n", why.msg);
			continue;
		}
		f->face[f->nface++].synth = 3;
	}
	long idx = 0;
	char *cjk = f->fc_ok ? fc_find("Noto Sans CJK SC", "CJK", &idx) : NULL;
	if (cjk && add_face(f, f->nface, cjk, idx) == 0) {
		f->cjk_regular = f->nface;
		f->face[f->nface++].synth = 3;
		/* A real bold face: SDL2_ttf's synthesised bold smears CJK. */
		char *bold = f->fc_ok ? fc_find("Noto Sans CJK SC:style=Bold", "CJK", &idx) : NULL;
		if (bold && !strcmp(bold, f->face[f->cjk_regular].path) &&
		    idx == f->face[f->cjk_regular].index) {
			free(bold); /* no bold installed: fontconfig gave the regular */
			bold = NULL;
		}
		if (bold && add_face(f, f->nface, bold, idx) == 0) {
			f->cjk_bold = f->nface;
			f->face[f->nface++].synth = 3;
		}
	}
	if (look && look->logo && *look->logo && logo_load(look->logo, &f->logo, &why) != 0) {
		if (strict) {
			render_fonts_close(f);
			return jk_fail(err, why.code, "%s", why.msg);
		}
		fprintf(stderr, "jobkiosk: %s; shown without a logo\n", why.msg);
	}
	*out = f;
	return 0;
}

int render_fonts_open(render_fonts **out, jk_err *err)
{
	return open_look(NULL, false, out, err);
}

int render_fonts_open_look(const render_look *look, render_fonts **out, jk_err *err)
{
	return open_look(look, false, out, err);
}

int render_look_check(const render_look *look, jk_err *err)
{
	render_fonts *f = NULL;
	int r = open_look(look, true, &f, err);
	render_fonts_close(f);
	return r;
}

render_look render_look_default(void)
{
	render_look l = {.theme = layout_theme_default()};
	return l;
}

layout_theme render_look_theme(const render_look *look)
{
	static const layout_theme zero;
	if (!look || !memcmp(&look->theme, &zero, sizeof zero))
		return layout_theme_default();
	return look->theme;
}

bool render_logo_size(const render_fonts *f, int *w, int *h)
{
	*w = f && f->logo ? f->logo->w : 0;
	*h = f && f->logo ? f->logo->h : 0;
	return *w > 0;
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
	SDL_FreeSurface(f->logo);
	SDL_FreeSurface(f->logo_fit);
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

/* ---- the logo ---------------------------------------------------------- */

#define LOGO_MAX_BYTES (16L << 20)
#define LOGO_MAX_SIDE 8192u
#define LOGO_KEEP_W 1024
#define LOGO_KEEP_H 512

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

/* Width and height from a PNG or JPEG header, read before decoding so a
 * header promising a huge image costs nothing. *png tells which it is. */
static const char *image_size(const unsigned char *b, size_t n, bool *png, uint32_t *w, uint32_t *h)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	if (n >= 8 && !memcmp(b, sig, 8)) {
		if (n < 24 || memcmp(b + 12, "IHDR", 4))
			return "truncated PNG header";
		*png = true;
		*w = be32(b + 16);
		*h = be32(b + 20);
		return NULL;
	}
	if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
		size_t i = 2;
		while (i + 4 <= n) {
			unsigned m = b[i + 1];
			if (b[i] != 0xFF)
				return "corrupt JPEG (no marker where one belongs)";
			if (m == 0xFF) { /* fill byte */
				i++;
				continue;
			}
			if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
				i += 2;
				continue;
			}
			if (m == 0xD9 || m == 0xDA)
				break; /* image data before any frame header */
			size_t len = be16(b + i + 2);
			if (len < 2)
				break;
			if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
				if (len < 7 || i + 9 > n)
					break;
				*png = false;
				*h = be16(b + i + 5);
				*w = be16(b + i + 7);
				return NULL;
			}
			i += 2 + len;
		}
		return "JPEG without a frame header (truncated?)";
	}
	return "not a PNG or JPEG image";
}

/* Filter taps from a row of sn pixels to dn: a tent as wide as the scale
 * (an area average when shrinking, bilinear when growing). */
typedef struct taps {
	int *i0, *n, maxn;
	float *w;
} taps;

static void taps_free(taps *t)
{
	free(t->i0);
	free(t->n);
	free(t->w);
}

static bool taps_make(taps *t, int sn, int dn)
{
	double scale = (double)sn / dn, r = scale > 1 ? scale : 1;
	t->maxn = (int)ceil(2 * r) + 2;
	t->i0 = malloc((size_t)dn * sizeof *t->i0);
	t->n = malloc((size_t)dn * sizeof *t->n);
	t->w = malloc((size_t)dn * (size_t)t->maxn * sizeof *t->w);
	if (!t->i0 || !t->n || !t->w)
		return false;
	for (int o = 0; o < dn; o++) {
		double c = (o + 0.5) * scale - 0.5;
		int a = (int)floor(c - r) + 1, b = (int)ceil(c + r) - 1;
		a = a < 0 ? 0 : a;
		b = b > sn - 1 ? sn - 1 : b;
		float *w = t->w + (size_t)o * (size_t)t->maxn;
		double sum = 0;
		int k = 0;
		for (int i = a; i <= b && k < t->maxn; i++, k++) {
			double v = 1 - fabs(i - c) / r;
			w[k] = (float)(v > 0 ? v : 0);
			sum += w[k];
		}
		if (sum <= 0) { /* c outside the row: its nearest pixel */
			a = c < 0 ? 0 : sn - 1;
			k = 1;
			w[0] = 1;
			sum = 1;
		}
		for (int i = 0; i < k; i++)
			w[i] = (float)(w[i] / sum);
		t->i0[o] = a;
		t->n[o] = k;
	}
	return true;
}

/* src (ARGB8888) resampled to dw x dh in premultiplied alpha, reading
 * src row by row (the rows in flight are dw wide, not src's width). */
static SDL_Surface *resample(SDL_Surface *src, int dw, int dh)
{
	taps tx = {0}, ty = {0};
	float *acc = NULL, *row = NULL;
	SDL_Surface *d = NULL;
	if (!taps_make(&tx, src->w, dw) || !taps_make(&ty, src->h, dh))
		goto done;
	acc = calloc((size_t)dw * (size_t)dh * 4, sizeof *acc);
	row = malloc((size_t)dw * 4 * sizeof *row);
	d = SDL_CreateRGBSurfaceWithFormat(0, dw, dh, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!acc || !row || !d) {
		SDL_FreeSurface(d);
		d = NULL;
		goto done;
	}
	int ylo = 0;
	for (int j = 0; j < src->h && ylo < dh; j++) {
		while (ylo < dh && ty.i0[ylo] + ty.n[ylo] - 1 < j)
			ylo++;
		if (ylo >= dh || ty.i0[ylo] > j)
			continue;
		const Uint32 *s =
		    (const Uint32 *)((const Uint8 *)src->pixels + (size_t)j * src->pitch);
		for (int x = 0; x < dw; x++) {
			float a = 0, r = 0, g = 0, b = 0;
			const float *w = tx.w + (size_t)x * (size_t)tx.maxn;
			for (int k = 0; k < tx.n[x]; k++) {
				Uint32 p = s[tx.i0[x] + k];
				float pa = (float)(p >> 24) * w[k];
				a += pa;
				r += pa * (float)((p >> 16) & 255);
				g += pa * (float)((p >> 8) & 255);
				b += pa * (float)(p & 255);
			}
			row[x * 4] = a;
			row[x * 4 + 1] = r;
			row[x * 4 + 2] = g;
			row[x * 4 + 3] = b;
		}
		for (int y = ylo; y < dh && ty.i0[y] <= j; y++) {
			int k = j - ty.i0[y];
			if (k >= ty.n[y])
				continue;
			float w = ty.w[(size_t)y * (size_t)ty.maxn + (size_t)k];
			float *o = acc + (size_t)y * (size_t)dw * 4;
			for (int x = 0; x < dw * 4; x++)
				o[x] += w * row[x];
		}
	}
	for (int y = 0; y < dh; y++) {
		Uint32 *o = (Uint32 *)((Uint8 *)d->pixels + (size_t)y * d->pitch);
		const float *v = acc + (size_t)y * (size_t)dw * 4;
		for (int x = 0; x < dw; x++, v += 4) {
			float a = v[0];
			Uint32 c[4] = {0, 0, 0, 0};
			if (a > 0.5f)
				for (int i = 1; i < 4; i++) {
					float u = v[i] / a + 0.5f;
					c[i] = u >= 255 ? 255 : (Uint32)u;
				}
			c[0] = a >= 254.5f ? 255 : (Uint32)(a + 0.5f);
			o[x] = c[0] << 24 | c[1] << 16 | c[2] << 8 | c[3];
		}
	}
	SDL_SetSurfaceBlendMode(d, SDL_BLENDMODE_BLEND);
done:
	taps_free(&tx);
	taps_free(&ty);
	free(acc);
	free(row);
	return d;
}

/* Reads, checks and decodes the logo at path into *out (ARGB8888, fitted
 * into LOGO_KEEP_W x LOGO_KEEP_H). */
static int logo_load(const char *path, SDL_Surface **out, jk_err *err)
{
	*out = NULL;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return jk_fail(err, JK_EIO, "logo %s: %s", path, strerror(errno));
	unsigned char *buf = NULL;
	SDL_Surface *img = NULL;
	struct stat st;
	int r = 0;
	bool png = false;
	uint32_t w = 0, h = 0;
	const char *why;
	if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
		r = jk_fail(err, JK_EIO, "logo %s: not a regular file", path);
	} else if (st.st_size == 0) {
		r = jk_fail(err, JK_EEMPTY, "logo %s: empty file", path);
	} else if (st.st_size > LOGO_MAX_BYTES) {
		r = jk_fail(err, JK_ETOOBIG, "logo %s: %lld bytes, over the 16 MB limit", path,
		            (long long)st.st_size);
	} else if (!(buf = malloc((size_t)st.st_size))) {
		r = jk_fail(err, JK_ENOMEM, "logo %s: out of memory", path);
	} else if (fread(buf, 1, (size_t)st.st_size, fp) != (size_t)st.st_size) {
		r = jk_fail(err, JK_EIO, "logo %s: cannot read it whole", path);
	} else if ((why = image_size(buf, (size_t)st.st_size, &png, &w, &h)) != NULL) {
		r = jk_fail(err, JK_EFORMAT, "logo %s: %s", path, why);
	} else if (w == 0 || h == 0) {
		r = jk_fail(err, JK_EFORMAT, "logo %s: the header says %ux%u pixels", path, w, h);
	} else if (w > LOGO_MAX_SIDE || h > LOGO_MAX_SIDE) {
		r = jk_fail(err, JK_ETOOBIG, "logo %s: %ux%u pixels, over the %u-pixel limit", path,
		            w, h, LOGO_MAX_SIDE);
	} else {
		SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)st.st_size);
		SDL_Surface *raw = !rw ? NULL : png ? IMG_LoadPNG_RW(rw) : IMG_LoadJPG_RW(rw);
		if (rw)
			SDL_RWclose(rw);
		if (raw) {
			img = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
			SDL_FreeSurface(raw);
		}
		if (!raw)
			r = jk_fail(err, JK_EFORMAT, "logo %s: cannot decode: %s", path,
			            IMG_GetError()[0] ? IMG_GetError() : "broken image data");
		else if (!img)
			r = jk_fail(err, JK_ENOMEM, "logo %s: out of memory", path);
	}
	free(buf);
	fclose(fp);
	if (r)
		return r;
	/* Kept no larger than a band can use: a 4K screen's band is ~130 px. */
	if (img->w > LOGO_KEEP_W || img->h > LOGO_KEEP_H) {
		double k = (double)LOGO_KEEP_W / img->w < (double)LOGO_KEEP_H / img->h
		               ? (double)LOGO_KEEP_W / img->w
		               : (double)LOGO_KEEP_H / img->h;
		int dw = (int)(img->w * k + 0.5), dh = (int)(img->h * k + 0.5);
		SDL_Surface *s = resample(img, dw > 0 ? dw : 1, dh > 0 ? dh : 1);
		SDL_FreeSurface(img);
		if (!s)
			return jk_fail(err, JK_ENOMEM, "logo %s: out of memory scaling it", path);
		img = s;
	}
	SDL_SetSurfaceBlendMode(img, SDL_BLENDMODE_BLEND);
	*out = img;
	return 0;
}

/* The logo drawn into box b: scaled once per size and kept. */
static int draw_logo(render_fonts *f, SDL_Surface *dst, const layout_box *b)
{
	if (!f->logo || b->w <= 0 || b->h <= 0)
		return 0;
	if (!f->logo_fit || f->logo_fit->w != b->w || f->logo_fit->h != b->h) {
		SDL_FreeSurface(f->logo_fit);
		f->logo_fit = resample(f->logo, b->w, b->h);
		if (!f->logo_fit)
			return JK_ENOMEM;
	}
	SDL_Rect r = {b->x, b->y, b->w, b->h};
	return SDL_BlitSurface(f->logo_fit, NULL, dst, &r) == 0 ? 0 : JK_EIO;
}

/* Asks fontconfig for any face with cp; adds it as a fallback. */
static int fc_fallback(render_fonts *f, uint32_t cp)
{
	if (!f->fc_ok || f->nface >= (int)JK_ARRAY_LEN(f->face))
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
				if (!strcmp(f->face[i].path, (const char *)file) &&
				    f->face[i].index == idx)
					known = true;
			char *path = known ? NULL : jk_strndup((const char *)file, (size_t)-1);
			if (path && add_face(f, f->nface, path, idx) == 0) {
				if (TTF_GlyphIsProvided32(f->face[f->nface].probe, cp))
					found = f->nface;
				f->face[f->nface++].synth = 3;
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
	if ((cp < 0x250 && f->main_default) || jk_cp_is_space(cp))
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
	int st = (int)(style & 3u & f->face[face].synth);
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

static void each_run(render_fonts *f, const char *s, size_t n, int px, unsigned style, run_fn fn,
                     void *ud)
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
	draw_ud d = {.dst = dst,
	             .x = b->x,
	             .y = b->y,
	             .ascent = TTF_FontAscent(main),
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
		return draw_logo(f, s, b);
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
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormat(0, d->w, d->h, 32, SDL_PIXELFORMAT_XRGB8888);
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
			Uint32 px = *(const Uint32 *)((const Uint8 *)s->pixels +
			                              (size_t)j * s->pitch + (size_t)i * 4);
			if ((px & 0xFFFFFF) != (k & 0xFFFFFF))
				n++;
		}
	return n;
}
