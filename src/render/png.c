/* png.c — XRGB8888 pixels to PNG bytes in memory (SDL2_image), for the
 * control server's screenshot: a memory SDL_RWops that grows as SDL_image
 * writes, capped so a broken size cannot eat the memory. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define PNG_CAP ((size_t)256 << 20) /* far above any screen's PNG */

typedef struct png_mem {
	unsigned char *data; /* realloc'd: handed to the caller, who free()s it */
	size_t len, cap, pos;
} png_mem;

static size_t SDLCALL mem_write(SDL_RWops *rw, const void *p, size_t size, size_t num)
{
	png_mem *m = rw->hidden.unknown.data1;
	if (!size || !num)
		return 0;
	if (num > PNG_CAP / size || m->pos + size * num > PNG_CAP)
		return 0;
	size_t n = size * num, end = m->pos + n;
	if (end > m->cap) {
		size_t cap = m->cap ? m->cap : 65536;
		while (cap < end)
			cap *= 2;
		unsigned char *d = realloc(m->data, cap);
		if (!d)
			return 0;
		m->data = d;
		m->cap = cap;
	}
	memcpy(m->data + m->pos, p, n);
	m->pos = end;
	if (end > m->len)
		m->len = end;
	return num;
}

static Sint64 SDLCALL mem_seek(SDL_RWops *rw, Sint64 off, int whence)
{
	png_mem *m = rw->hidden.unknown.data1;
	Sint64 base = whence == RW_SEEK_SET   ? 0
	              : whence == RW_SEEK_CUR ? (Sint64)m->pos
	                                      : (Sint64)m->len;
	Sint64 at = base + off;
	if (at < 0 || (size_t)at > m->len)
		return -1;
	m->pos = (size_t)at;
	return at;
}

static Sint64 SDLCALL mem_size(SDL_RWops *rw)
{
	const png_mem *m = rw->hidden.unknown.data1;
	return (Sint64)m->len;
}

static size_t SDLCALL mem_read(SDL_RWops *rw, void *p, size_t size, size_t num)
{
	(void)rw;
	(void)p;
	(void)size;
	(void)num;
	return 0; /* write only */
}

static int SDLCALL mem_close(SDL_RWops *rw)
{
	SDL_FreeRW(rw);
	return 0;
}

/* SDL_image's first use initialises its PNG support; one encode at a time
 * keeps that and libpng's setup off two threads at once. */
static SDL_mutex *png_lock(void)
{
	static SDL_SpinLock spin;
	static SDL_mutex *lock;
	SDL_AtomicLock(&spin);
	if (!lock)
		lock = SDL_CreateMutex();
	SDL_AtomicUnlock(&spin);
	return lock;
}

int render_png_encode(const void *xrgb, int w, int h, int pitch, unsigned char **out, size_t *len,
                      jk_err *err)
{
	*out = NULL;
	*len = 0;
	if (!xrgb || w <= 0 || h <= 0 || w > 16384 || h > 16384 || pitch < w * 4)
		return jk_fail(err, JK_EARG,
		               "render: cannot encode a %dx%d picture (pitch %d) as PNG", w, h,
		               pitch);
	jk_err e = {0};
	const render_img_fns *im = render_img(&e);
	if (!im)
		return jk_fail(err, e.code, "render: cannot encode PNG: %s", e.msg);
	SDL_mutex *lock = png_lock();
	if (!lock)
		return jk_fail(err, JK_ENOMEM, "render: no mutex for the PNG encoder: %s",
		               SDL_GetError());
	/* The surface only borrows the pixels: SDL_image reads, never writes. */
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormatFrom((void *)xrgb, w, h, 32, pitch,
	                                                    SDL_PIXELFORMAT_XRGB8888);
	SDL_RWops *rw = SDL_AllocRW();
	if (!s || !rw) {
		SDL_FreeSurface(s);
		if (rw)
			SDL_FreeRW(rw);
		return jk_fail(err, JK_ENOMEM, "render: out of memory for a PNG");
	}
	png_mem m = {0};
	rw->type = SDL_RWOPS_UNKNOWN;
	rw->size = mem_size;
	rw->seek = mem_seek;
	rw->read = mem_read;
	rw->write = mem_write;
	rw->close = mem_close;
	rw->hidden.unknown.data1 = &m;
	SDL_LockMutex(lock);
	int r = im->SavePNG_RW(s, rw, 1); /* closes rw */
	const char *why = r ? SDL_GetError() : "";
	char reason[200];
	SDL_strlcpy(reason, why && *why ? why : "unknown reason", sizeof reason);
	SDL_UnlockMutex(lock);
	SDL_FreeSurface(s);
	if (r || !m.len) {
		free(m.data);
		return jk_fail(err, JK_EIO, "render: cannot encode PNG: %s", reason);
	}
	*out = m.data;
	*len = m.len;
	return 0;
}
