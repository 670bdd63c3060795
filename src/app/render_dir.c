/* render_dir.c — the --render action: every page of every posting, then the
 * overview, written as PNG files. The pages come from the kiosk's slide
 * model, so --render writes the slides the kiosk shows. */
#include "app.h"

#include "deck.h"
#include "kiosk.h"
#include "layout.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

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

/* What every page of --render shares. */
typedef struct out_dir {
	render_fonts *f;
	const layout_theme *th;
	int rotate;
	const char *dir;
	const char *clock; /* HH:MM, NULL without the clock */
	FILE *progress;
	char ***paths;
	size_t *npaths, cap;
} out_dir;

static int write_doc(out_dir *o, const layout_doc *d, const char *stem, jk_err *err)
{
	layout_measurer m = render_measurer(o->f);
	layout_box clock;
	bool on = o->clock && layout_clock_box(d, &m, o->clock, &clock);
	for (size_t k = 0; k < d->npages; k++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s-p%zu.png", o->dir, stem, k + 1);
		SDL_Surface *s = render_page_ex(o->f, d, k, on ? &clock : NULL, on ? 1 : 0, o->th,
		                                o->rotate, err);
		if (!s)
			return err ? err->code : JK_EIO;
		int r = render_save_png(s, path, err);
		SDL_FreeSurface(s);
		if (r)
			return r;
		if (o->progress)
			fprintf(o->progress, "  %s\n", path);
		if (o->paths) {
			if (*o->npaths == o->cap) {
				size_t nc = o->cap ? o->cap * 2 : 16;
				char **nv = realloc(*o->paths, nc * sizeof *nv);
				if (!nv)
					return jk_fail(err, JK_ENOMEM, "render: out of memory");
				*o->paths = nv;
				o->cap = nc;
			}
			char *p = jk_strndup(path, (size_t)-1);
			if (!p)
				return jk_fail(err, JK_ENOMEM, "render: out of memory");
			(*o->paths)[(*o->npaths)++] = p;
		}
	}
	return 0;
}

/* The progress line and the file stem of entry i of s (laid out as d). */
static void describe(const kiosk_slides *s, const posting_list *l, size_t i, const layout_doc *d,
                     FILE *progress, char *stem, size_t cap)
{
	if (i == kiosk_slides_count(s)) {
		snprintf(stem, cap, "overview");
		if (progress)
			fprintf(progress, "overview: %zu position(s), %zu page(s)\n", l->n,
			        d->npages);
		return;
	}
	char sl[48];
	slug(l->items[i]->title, sl, sizeof sl);
	snprintf(stem, cap, "%03zu-%s", i + 1, sl);
	if (progress)
		fprintf(progress, "posting %zu/%zu: %s — %zu page(s), body %d px\n", i + 1, l->n,
		        l->items[i]->title ? l->items[i]->title : "(untitled)", d->npages,
		        d->body_px);
}

/* Every slide of l: each posting's pages, then the overview's. */
static int write_slides(out_dir *o, const posting_list *l, const layout_params *lp, jk_err *err)
{
	/* The model only reads the list (no reload here): a view of it. */
	posting_list view = *l;
	kiosk_slides *s;
	int r = kiosk_slides_new(&view, lp, &s, err);
	size_t n = r ? 0 : kiosk_slides_count(s);
	for (size_t i = 0; n && i <= n && !r; i++) {
		const layout_doc *d;
		r = kiosk_slides_doc(s, i, &d, err);
		if (r)
			break;
		char stem[80];
		describe(s, l, i, d, o->progress, stem, sizeof stem);
		r = write_doc(o, d, stem, err);
		kiosk_slides_drop(s, i); /* one posting's layout in memory at a time */
	}
	kiosk_slides_free(s);
	return r;
}

int app_render_dir(const posting_list *l, const char *dir, int w, int h, int rotate,
                   const render_look *look, FILE *progress, char ***paths, size_t *npaths,
                   jk_err *err)
{
	if (paths)
		*paths = NULL;
	if (npaths)
		*npaths = 0;
	if (!render_rotation_ok(rotate))
		return jk_fail(err, JK_EARG, "rotation %d: use 0, 90, 180 or 270", rotate);
	if (w < 160 || h < 160 || w > 16384 || h > 16384)
		return jk_fail(err, JK_EARG, "size %dx%d: use between 160x160 and 16384x16384", w,
		               h);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		return jk_fail(err, JK_EIO, "%s: cannot create: %s", dir, strerror(errno));
	render_fonts *f;
	int r = render_fonts_open_look(look, &f, err);
	if (r)
		return r;
	layout_theme th = render_look_theme(look);
	int lw, lh;
	render_logical_size(w, h, rotate, &lw, &lh);
	time_t now = time(NULL);
	/* Badges as the kiosk would show them now, with the same clock guard. */
	layout_params lp = {
	    .w = lw, .h = lh, .now = now, .clock_trusted = deck_clock_trusted(l, now)};
	render_layout_look(f, look, &th, &lp);
	size_t dummy = 0;
	if (!npaths)
		npaths = &dummy;
	char hhmm[8] = "";
	struct tm tm;
	if (lp.clock && localtime_r(&now, &tm))
		snprintf(hhmm, sizeof hhmm, "%02d:%02d", tm.tm_hour % 24, tm.tm_min % 60);
	out_dir o = {.f = f,
	             .th = &th,
	             .rotate = rotate,
	             .dir = dir,
	             .progress = progress,
	             .paths = paths,
	             .npaths = npaths,
	             .clock = lp.clock ? hhmm : NULL};
	r = write_slides(&o, l, &lp, err);
	render_fonts_close(f);
	return r;
}
