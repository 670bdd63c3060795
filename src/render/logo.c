/* logo.c — the look's logo: the image header checked before decoding (size
 * caps), the picture decoded with SDL2_image and resampled with a tent
 * filter in premultiplied alpha, kept at most 1024 x 512 and scaled once
 * per size drawn. */
#include "internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
int render_logo_load(const char *path, SDL_Surface **out, jk_err *err)
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
	jk_err lib = {0};
	const render_img_fns *im = NULL;
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
	} else if (!(im = render_img(&lib))) {
		r = jk_fail(err, lib.code, "logo %s: %s", path, lib.msg);
	} else {
		SDL_RWops *rw = SDL_RWFromConstMem(buf, (int)st.st_size);
		SDL_Surface *raw = !rw ? NULL : png ? im->LoadPNG_RW(rw) : im->LoadJPG_RW(rw);
		if (rw)
			SDL_RWclose(rw);
		if (raw) {
			img = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
			SDL_FreeSurface(raw);
		}
		if (!raw)
			r = jk_fail(err, JK_EFORMAT, "logo %s: cannot decode: %s", path,
			            SDL_GetError()[0] ? SDL_GetError() : "broken image data");
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
int render_logo_draw(render_fonts *f, SDL_Surface *dst, const layout_box *b)
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
