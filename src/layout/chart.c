/* chart.c — a horizontal bar chart as one page of boxes (the impressions
 * report's picture): a heading, a muted line under it, a hairline, then
 * one row per bar: the label right-aligned against the bar (cleaned,
 * shaped and ordered as every line of layout is, ellipsised to its
 * column), an accent bar scaled to the largest value, its note after it. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add(layout_ctx *c, const layout_box *b, size_t n)
{
	for (size_t i = 0; i < n && !c->status; i++) {
		layout_box *d = layout_page_box(c, &c->doc->pages[0]);
		if (d)
			*d = b[i];
	}
}

/* One line of text from x (left aligned), cut to maxw. */
static void text_at(layout_ctx *c, const char *s, int px, unsigned style, uint32_t color, int x,
                    int y, int maxw)
{
	layout_box t[32];
	add(c, t, layout_fit_line(c, t, JK_ARRAY_LEN(t), s, px, style, color, x, y, maxw, false));
}

typedef struct chart_rows {
	int top, bottom; /* the rows' area */
	int pitch, px, lh;
	size_t shown;
} chart_rows;

/* How many rows fit between top and bottom, and how big. */
static void size_rows(layout_ctx *c, size_t n, chart_rows *r)
{
	int floor_px = layout_body_floor(c->lp->w, c->lp->h);
	int max_px = layout_pm(c->S, 36);
	int avail = r->bottom - r->top;
	r->shown = n;
	r->px = max_px;
	for (;;) {
		/* Rows close up to 1.25 lines before the text gets smaller. */
		r->lh = layout_line_h(c, r->px);
		r->pitch = n ? avail / (int)(n < 1000 ? n : 1000) : 0;
		r->pitch = r->pitch > r->lh * 3 / 2 ? r->lh * 3 / 2 : r->pitch;
		if (n && r->pitch >= r->lh * 5 / 4)
			break;
		r->pitch = r->lh * 5 / 4;
		if (r->px <= floor_px) {
			/* The rest goes to a last line "… and N more". */
			size_t fit = r->pitch > 0 ? (size_t)(avail / r->pitch) : 0;
			r->shown = fit > 1 ? fit - 1 : 0;
			break;
		}
		r->px--;
	}
	/* Few rows spread out, but no further than a calm table would. */
	int roomy = r->lh * 2;
	if (n && r->shown == n && (long)roomy * (long)n <= avail)
		r->pitch = roomy;
}

static void rows(layout_ctx *c, const layout_bar *bars, size_t n, chart_rows *r)
{
	const layout_theme *th = c->th;
	int x0 = c->sx0, x1 = c->sx1, W = x1 - x0;
	int gap = layout_pm(r->px, 700);
	int label_w = layout_pm(W, 340);
	double top = 0;
	int note_w = 0;
	for (size_t i = 0; i < r->shown; i++) {
		const char *note = bars[i].note ? bars[i].note : "";
		int w = layout_text_w(c, note, strlen(note), r->px, 0);
		note_w = w > note_w ? w : note_w;
		top = bars[i].value > top ? bars[i].value : top;
	}
	note_w = note_w < W / 4 ? note_w : W / 4;
	int bx = x0 + label_w + gap;
	int span = x1 - bx - gap - note_w;
	int bh = r->lh * 11 / 20 > 2 ? r->lh * 11 / 20 : 2;
	for (size_t i = 0; i < r->shown && !c->status && span > 0; i++) {
		int y = r->top + (int)i * r->pitch + (r->pitch - r->lh) / 2;
		char *label = jk_text_clean(bars[i].label ? bars[i].label : "", (size_t)-1);
		if (!label) {
			c->status = JK_ENOMEM;
			return;
		}
		layout_box t[32];
		size_t nb = layout_fit_line(c, t, JK_ARRAY_LEN(t), label, r->px, 0, th->fg, x0, y,
		                            label_w, true);
		add(c, t, nb);
		free(label);
		double v = bars[i].value > 0 ? bars[i].value : 0;
		int len = top > 0 ? (int)(span * (v / top) + 0.5) : 0;
		len = len < 2 ? 2 : len;
		layout_box bar = {.kind = LAYOUT_RULE,
		                  .x = bx,
		                  .y = y + (r->lh - bh) / 2,
		                  .w = len,
		                  .h = bh,
		                  .color = th->accent};
		add(c, &bar, 1);
		if (bars[i].note && *bars[i].note)
			text_at(c, bars[i].note, r->px, 0, th->muted, bx + len + gap, y,
			        x1 - (bx + len + gap));
	}
	if (r->shown < n) {
		char more[64];
		snprintf(more, sizeof more, "… and %zu more", n - r->shown);
		int y = r->top + (int)r->shown * r->pitch + (r->pitch - r->lh) / 2;
		text_at(c, more, r->px, POSTING_ITALIC, th->muted, bx, y, x1 - bx);
	}
}

int layout_chart(const char *heading, const char *sub, const layout_bar *bars, size_t n,
                 const layout_params *lp, layout_doc *out, jk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!lp || !lp->theme || !lp->measure.width || !lp->measure.height || lp->w < 160 ||
	    lp->h < 160 || lp->w > 16384 || lp->h > 16384)
		return jk_fail(err, JK_EARG, "layout: screen %dx%d too small or no measurer",
		               lp ? lp->w : 0, lp ? lp->h : 0);
	layout_ctx c = {.lp = lp, .th = lp->theme, .doc = out};
	out->w = lp->w;
	out->h = lp->h;
	out->pages = calloc(1, sizeof *out->pages);
	if (!out->pages)
		return jk_fail(err, JK_ENOMEM, "layout: out of memory");
	out->npages = 1;
	c.S = layout_short_side(lp->w, lp->h);
	layout_safe_area(lp->w, lp->h, &c.sx0, &c.sy0, &c.sx1, &c.sy1);
	int r = text_ctx_open(&c.tx);
	if (r) {
		layout_doc_free(out);
		return jk_fail(err, r, "layout: text analysis failed");
	}
	int hpx = layout_pm(c.S, 58), spx = layout_pm(c.S, 27);
	int y = c.sy0, W = c.sx1 - c.sx0;
	text_at(&c, heading ? heading : "", hpx, POSTING_BOLD, c.th->fg, c.sx0, y, W);
	y += layout_line_h(&c, hpx) + layout_pm(c.S, 8);
	if (sub && *sub) {
		text_at(&c, sub, spx, 0, c.th->muted, c.sx0, y, W);
		y += layout_line_h(&c, spx);
	}
	y += layout_pm(c.S, 22);
	int hair = layout_pm(c.S, 2) > 1 ? layout_pm(c.S, 2) : 1;
	layout_box rule = {.kind = LAYOUT_RULE,
	                   .x = c.sx0,
	                   .y = y,
	                   .w = W,
	                   .h = hair,
	                   .color = layout_mix(c.th->bg, c.th->muted, 30)};
	add(&c, &rule, 1);
	chart_rows cr = {.top = y + hair + layout_pm(c.S, 30), .bottom = c.sy1};
	out->body_y0 = cr.top;
	size_rows(&c, n, &cr);
	out->body_px = cr.px;
	rows(&c, bars, n, &cr);
	text_ctx_free(c.tx);
	layout_ctx_release(&c);
	if (c.status) {
		layout_doc_free(out);
		return jk_fail(err, c.status, "layout: %s",
		               c.status == JK_ENOMEM ? "out of memory" : "text analysis failed");
	}
	return 0;
}
