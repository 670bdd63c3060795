/* check.c — the rules every page obeys: the safe area, the smallest body
 * size, no overlaps (layout_check), and the clock's box in its slot. */
#include "internal.h"

#include <string.h>

void layout_safe_area(int w, int h, int *x0, int *y0, int *x1, int *y1)
{
	*x0 = (w * 5 + 50) / 100;
	*y0 = (h * 5 + 50) / 100;
	*x1 = w - *x0;
	*y1 = h - *y0;
}

int layout_body_floor(int w, int h)
{
	/* 3.5% rounded up: 37.8 becomes 38 on a 1080p screen. */
	return (layout_short_side(w, h) * 35 + 999) / 1000;
}

bool layout_clock_box(const layout_doc *d, const layout_measurer *m, const char *hhmm,
                      layout_box *out)
{
	if (!d || !m || !hhmm || d->clock.w <= 0)
		return false;
	size_t n = strlen(hhmm);
	int w = n ? m->width(m->ud, hhmm, n, d->clock.px, 0) : 0;
	if (w <= 0 || w > d->clock.w)
		return false;
	*out = d->clock;
	out->x += d->clock.w - w;
	out->w = w;
	out->text = hhmm;
	out->len = n;
	return true;
}

static bool overlaps(const layout_box *a, const layout_box *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static bool inside(const layout_box *a, const layout_box *o)
{
	return a->x >= o->x && a->y >= o->y && a->x + a->w <= o->x + o->w &&
	       a->y + a->h <= o->y + o->h;
}

int layout_check(const layout_doc *d, jk_err *err)
{
	int x0, y0, x1, y1;
	layout_safe_area(d->w, d->h, &x0, &y0, &x1, &y1);
	layout_box safe = {.x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0};
	for (size_t p = 0; p < d->npages; p++) {
		const layout_page *pg = &d->pages[p];
		for (size_t i = 0; i < pg->n; i++) {
			const layout_box *a = &pg->boxes[i];
			if (!inside(a, &safe))
				return jk_fail(
				    err, JK_EFORMAT,
				    "page %zu: box %zu (%d,%d %dx%d) leaves the safe area", p + 1,
				    i, a->x, a->y, a->w, a->h);
			for (size_t j = i + 1; j < pg->n; j++) {
				const layout_box *b = &pg->boxes[j];
				if (!overlaps(a, b))
					continue;
				if ((a->kind == LAYOUT_PANEL && inside(b, a)) ||
				    (b->kind == LAYOUT_PANEL && inside(a, b)))
					continue;
				return jk_fail(
				    err, JK_EFORMAT,
				    "page %zu: box %zu (%d,%d %dx%d '%.*s') overlaps box %zu "
				    "(%d,%d %dx%d '%.*s')",
				    p + 1, i, a->x, a->y, a->w, a->h,
				    a->kind == LAYOUT_TEXT ? (int)(a->len < 20 ? a->len : 20) : 0,
				    a->text ? a->text : "", j, b->x, b->y, b->w, b->h,
				    b->kind == LAYOUT_TEXT ? (int)(b->len < 20 ? b->len : 20) : 0,
				    b->text ? b->text : "");
			}
		}
	}
	return 0;
}
