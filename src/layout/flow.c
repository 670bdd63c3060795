/* flow.c — styled text flowed into lines: the text arena, the box arrays,
 * measuring through the measurer, and breaking runs into lines (where a
 * line may end is text.c's). A line is a few boxes with x fixed and y
 * relative to the line; pages.c places the lines. */
#include "internal.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ------------------------------------------------------------ */

const char *layout_arena_copy(layout_ctx *c, const char *s, size_t n)
{
	layout_chunk *k = c->doc->chunks;
	if (!k || k->cap - k->used < n + 1) {
		size_t cap = n + 1 > 16384 ? n + 1 : 16384;
		layout_chunk *nk = malloc(sizeof *nk + cap);
		if (!nk) {
			c->status = JK_ENOMEM;
			return "";
		}
		nk->used = 0;
		nk->cap = cap;
		nk->next = k;
		c->doc->chunks = nk;
		k = nk;
	}
	char *d = k->data + k->used;
	memcpy(d, s, n);
	d[n] = '\0';
	k->used += n + 1;
	return d;
}

/* ---- box arrays ------------------------------------------------------- */

layout_box *layout_push_box(layout_ctx *c, layout_box **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		layout_box *nv = realloc(*v, nc * sizeof *nv);
		if (!nv) {
			c->status = JK_ENOMEM;
			return NULL;
		}
		*v = nv;
		*cap = nc;
	}
	layout_box *b = &(*v)[(*n)++];
	memset(b, 0, sizeof *b);
	return b;
}

void layout_ctx_release(layout_ctx *c)
{
	free(c->fb);
	free(c->fl);
	free(c->panel);
	free(c->seg);
	free(c->levels);
	free(c->order);
}

layout_box *layout_page_box(layout_ctx *c, layout_page *pg)
{
	return layout_push_box(c, &pg->boxes, &pg->n, &pg->cap);
}

int layout_line_h(layout_ctx *c, int px)
{
	int h = c->lp->measure.height(c->lp->measure.ud, px);
	return h > 0 ? h : px;
}

int layout_text_w(layout_ctx *c, const char *s, size_t n, int px, unsigned style)
{
	if (n == 0)
		return 0;
	int w = c->lp->measure.width(c->lp->measure.ud, s, n, px, style);
	return w > 0 ? w : 0;
}

static unsigned style_at(const layout_tstyle *ts, size_t i)
{
	return ts->styles ? ts->styles[i] : ts->base;
}

/* The style a box of text[i] is drawn in: the span's, its direction and
 * its script (so the renderer shapes it as what it is). */
static unsigned run_style(const layout_tstyle *ts, const text_para *tp, size_t i)
{
	return style_at(ts, i) | (tp->level[i] & 1 ? LAYOUT_RTL : 0) | LAYOUT_SCRIPT(tp->script[i]);
}

/* End of the run that starts at a (< b): one style, level and script. */
static size_t run_end(const layout_tstyle *ts, const text_para *tp, size_t a, size_t b)
{
	unsigned st = style_at(ts, a);
	size_t e = a + 1;
	while (e < b && style_at(ts, e) == st && tp->level[e] == tp->level[a] &&
	       tp->script[e] == tp->script[a])
		e++;
	return e;
}

/* Width of text[a,b) measured run by run, as the boxes will be drawn. */
static int range_w(layout_ctx *c, const char *t, const layout_tstyle *ts, const text_para *tp,
                   size_t a, size_t b)
{
	int w = 0;
	while (a < b) {
		size_t e = run_end(ts, tp, a, b);
		w += layout_text_w(c, t + a, e - a, ts->px, run_style(ts, tp, a));
		a = e;
	}
	return w;
}

/* t analysed for breaking and bidi with the layout's language and
 * fallback direction; false with c->status set on failure. */
static bool analyse(layout_ctx *c, text_para *tp, const char *t, size_t len, text_dir dir)
{
	if (dir == TEXT_DIR_AUTO && c->rtl)
		dir = TEXT_DIR_AUTO_RTL;
	int r = text_para_analyse(c->tx, tp, t, len, c->text_lang, dir);
	if (r)
		c->status = r;
	return r == 0;
}

layout_line *layout_push_line(layout_ctx *c, int h, int gap, bool keep_next)
{
	if (c->nfl == c->cfl) {
		size_t nc = c->cfl ? c->cfl * 2 : 64;
		layout_line *nv = realloc(c->fl, nc * sizeof *nv);
		if (!nv) {
			c->status = JK_ENOMEM;
			return NULL;
		}
		c->fl = nv;
		c->cfl = nc;
	}
	layout_line *l = &c->fl[c->nfl++];
	l->b0 = c->nfb;
	l->nb = 0;
	l->h = h;
	l->gap = gap;
	l->group = c->group;
	l->keep_next = keep_next;
	c->flowed += h + gap;
	if (c->flowed > (long)LAYOUT_FLOW_PAGES * (c->cy1 - c->cy0))
		c->full = true;
	return l;
}

layout_box *layout_line_box(layout_ctx *c, layout_line *l)
{
	layout_box *b = layout_push_box(c, &c->fb, &c->nfb, &c->cfb);
	if (b)
		l->nb++;
	return b;
}

/* Adds one line's runs [a,e) in visual order from x: runs of one style,
 * level and script, reordered by their bidi levels. Returns the width. */
static int emit_runs(layout_ctx *c, layout_line *l, const char *t, const layout_tstyle *ts,
                     const text_para *tp, size_t a, size_t e, int x, int rel_y, int h)
{
	size_t n = 0;
	for (size_t i = a; i < e; i = run_end(ts, tp, i, e))
		n++;
	if (n > c->cseg) {
		layout_seg *v = realloc(c->seg, n * sizeof *v);
		int *o = realloc(c->order, n * sizeof *o);
		unsigned char *lv = realloc(c->levels, n);
		if (v)
			c->seg = v;
		if (o)
			c->order = o;
		if (lv)
			c->levels = lv;
		if (!v || !o || !lv) {
			c->status = JK_ENOMEM;
			return 0;
		}
		c->cseg = n;
	}
	n = 0;
	for (size_t i = a; i < e; n++) {
		size_t r = run_end(ts, tp, i, e);
		c->seg[n] = (layout_seg){i, r};
		c->levels[n] = tp->level[i];
		i = r;
	}
	text_visual_order(c->levels, n, c->order);
	int x0 = x;
	for (size_t k = 0; k < n && !c->status; k++) {
		const layout_seg *g = &c->seg[c->order[k]];
		unsigned st = run_style(ts, tp, g->a);
		int w = layout_text_w(c, t + g->a, g->b - g->a, ts->px, st);
		layout_box *b = layout_line_box(c, l);
		if (!b)
			break;
		b->kind = LAYOUT_TEXT;
		b->x = x;
		b->y = rel_y;
		b->w = w;
		b->h = h;
		b->px = ts->px;
		b->style = st;
		b->color = (st & POSTING_BOLD) ? ts->bold_color : ts->color;
		b->text = layout_arena_copy(c, t + g->a, g->b - g->a);
		b->len = g->b - g->a;
		x += w;
	}
	return x - x0;
}

/* What text_line_end() measures with: the runs of one styled text. */
typedef struct runs_ud {
	layout_ctx *c;
	const char *t;
	const layout_tstyle *ts;
	const text_para *tp;
	size_t a, b; /* the last range measured and its width */
	int w;
} runs_ud;

/* text_line_end() asks for [p, e) with e growing: the width of what was
 * added is added to the last one, so each word of a line is shaped once,
 * not once per break tried after it. The sum can differ from the whole by
 * a kerning pair at a seam; line_end() checks the line it gets whole. */
static int runs_width(void *ud, size_t a, size_t b)
{
	runs_ud *u = ud;
	int w;
	if (a == u->a && b > u->b && u->b > a)
		w = u->w + range_w(u->c, u->t, u->ts, u->tp, u->b, b);
	else
		w = range_w(u->c, u->t, u->ts, u->tp, a, b);
	u->a = a;
	u->b = b;
	u->w = w;
	return w;
}

static int runs_width_whole(void *ud, size_t a, size_t b)
{
	const runs_ud *u = ud;
	return range_w(u->c, u->t, u->ts, u->tp, a, b);
}

static size_t line_end(layout_ctx *c, const char *t, size_t len, const layout_tstyle *ts,
                       const text_para *tp, size_t p, int maxw)
{
	runs_ud u = {c, t, ts, tp, 0, 0, 0};
	size_t e = text_line_end(t, len, tp, p, maxw, runs_width, &u);
	/* The line measured whole (as it is drawn) must fit: where the sum
	 * misjudged it, try again with less room. */
	for (int room = maxw, tries = 0; e > p; tries++) {
		int over = range_w(c, t, ts, tp, p, text_trim_end(t, p, e)) - maxw;
		if (over <= 0)
			break;
		if (tries == 3) {
			/* Still over: measure every candidate whole, as drawn. */
			e = text_line_end(t, len, tp, p, maxw, runs_width_whole, &u);
			break;
		}
		room -= over;
		u = (runs_ud){c, t, ts, tp, 0, 0, 0};
		e = text_line_end(t, len, tp, p, room, runs_width, &u);
	}
	return e;
}

size_t layout_count_lines(layout_ctx *c, const char *t, size_t len, const layout_tstyle *ts,
                          int maxw, size_t cap)
{
	text_para tp;
	if (!analyse(c, &tp, t, len, TEXT_DIR_AUTO))
		return cap + 1;
	size_t n = 0;
	size_t p = text_skip_spaces(t, len, 0);
	while (p < len && n <= cap) {
		p = text_skip_spaces(t, len, line_end(c, t, len, ts, &tp, p, maxw));
		n++;
	}
	text_para_free(&tp);
	return n;
}

size_t layout_first_line(layout_ctx *c, const char *t, size_t len, int px, unsigned style, int maxw)
{
	layout_tstyle ts = {.px = px, .base = style};
	text_para tp;
	if (!analyse(c, &tp, t, len, TEXT_DIR_AUTO))
		return len;
	size_t e = line_end(c, t, len, &ts, &tp, text_skip_spaces(t, len, 0), maxw);
	text_para_free(&tp);
	return e;
}

/* Breaks text into lines between x0 and x1 and appends them to the flow;
 * a right-to-left paragraph is aligned right, its marker on the right.
 * The first line gets gap and, when marker is given, that box (x: its
 * offset from the paragraph's start edge; y relative); the text starts
 * indent after that edge. Returns the number of lines. */
static size_t flow_text(layout_ctx *c, const char *t, size_t len, const layout_tstyle *ts, int x0,
                        int x1, int indent, int gap, bool keep_next, layout_align al,
                        const layout_box *marker, int leading_permille)
{
	text_para tp;
	if (!analyse(c, &tp, t, len, al & LAYOUT_LTR ? TEXT_DIR_LTR : TEXT_DIR_AUTO))
		return 0;
	bool rtl = tp.base == 1;
	if (rtl)
		x1 -= indent;
	else
		x0 += indent;
	int maxw = x1 - x0;
	int h = layout_line_h(c, ts->px);
	int adv = layout_pm(ts->px, leading_permille);
	if (adv < h)
		adv = h;
	int rel_y = (adv - h) / 2;
	size_t nlines = 0;
	size_t p = text_skip_spaces(t, len, 0);
	while (p < len && !c->status && !c->full) {
		size_t end = line_end(c, t, len, ts, &tp, p, maxw);
		layout_line *l = layout_push_line(c, adv, nlines ? 0 : gap, keep_next);
		if (!l)
			break;
		if (nlines == 0 && marker) {
			layout_box *b = layout_line_box(c, l);
			if (!b)
				break;
			*b = *marker;
			b->x = rtl ? x1 + indent - marker->x - marker->w : x0 - indent + marker->x;
			b->y += rel_y;
		}
		int lw = range_w(c, t, ts, &tp, p, end);
		int x = x0;
		if ((al & 3) == LAYOUT_CENTER)
			x += (maxw - lw) / 2;
		else if (rtl || (al & 3) == LAYOUT_RIGHT)
			x = x1 - lw;
		emit_runs(c, l, t, ts, &tp, p, end, x, rel_y, h);
		nlines++;
		p = text_skip_spaces(t, len, end);
	}
	text_para_free(&tp);
	return nlines;
}

size_t layout_flow_plain(layout_ctx *c, const char *s, int px, unsigned style, uint32_t color,
                         int x0, int x1, int gap, bool keep_next, layout_align al, int leading)
{
	layout_tstyle ts = {.px = px, .color = color, .bold_color = color, .base = style};
	return flow_text(c, s, strlen(s), &ts, x0, x1, 0, gap, keep_next, al, NULL, leading);
}

size_t layout_text_line(const layout_measurer *m, const char *s, size_t n, int px, unsigned style,
                        uint32_t color, int x, int y, layout_box *out, size_t cap)
{
	text_ctx *cx = NULL;
	text_para tp;
	if (!cap || text_ctx_open(&cx) || text_para_analyse(cx, &tp, s, n, NULL, TEXT_DIR_AUTO)) {
		text_ctx_free(cx);
		return 0;
	}
	layout_tstyle ts = {.px = px, .base = style};
	size_t nr = 0;
	unsigned char lv[64];
	int order[64];
	size_t at[65];
	for (size_t i = 0; i < n && nr < JK_ARRAY_LEN(lv); nr++) {
		at[nr] = i;
		lv[nr] = tp.level[i];
		i = run_end(&ts, &tp, i, n);
		at[nr + 1] = i;
	}
	text_visual_order(lv, nr, order);
	int h = m->height(m->ud, px);
	size_t k = 0;
	for (; k < nr && k < cap; k++) {
		size_t a = at[order[k]], b = at[order[k] + 1];
		unsigned st = run_style(&ts, &tp, a);
		int w = m->width(m->ud, s + a, b - a, px, st);
		out[k] = (layout_box){.kind = LAYOUT_TEXT,
		                      .x = x,
		                      .y = y,
		                      .w = w > 0 ? w : 0,
		                      .h = h > 0 ? h : px,
		                      .px = px,
		                      .style = st,
		                      .color = color,
		                      .text = s + a,
		                      .len = b - a};
		x += out[k].w;
	}
	text_para_free(&tp);
	text_ctx_free(cx);
	return k;
}

int layout_line_runs(layout_ctx *c, const char *s, size_t n, int px, unsigned style, uint32_t color,
                     int x0, int x1, bool right, int y, layout_box *out, size_t cap, size_t *nout)
{
	*nout = 0;
	text_para tp;
	if (!analyse(c, &tp, s, n, TEXT_DIR_AUTO))
		return c->status;
	layout_tstyle ts = {.px = px, .color = color, .bold_color = color, .base = style};
	int h = layout_line_h(c, px);
	layout_line l = {.b0 = c->nfb};
	size_t nfb = c->nfb;
	int w = range_w(c, s, &ts, &tp, 0, n);
	emit_runs(c, &l, s, &ts, &tp, 0, n, right ? x1 - w : x0, y, h);
	for (size_t i = 0; i < l.nb && i < cap; i++)
		out[(*nout)++] = c->fb[nfb + i];
	c->nfb = nfb; /* the boxes were borrowed from the flow's array */
	text_para_free(&tp);
	return c->status;
}

void layout_add_rule(layout_ctx *c, int gap_before, int h, int w)
{
	layout_line *l = layout_push_line(c, h, gap_before, true);
	if (!l)
		return;
	layout_box *b = layout_line_box(c, l);
	if (!b)
		return;
	b->kind = LAYOUT_RULE;
	b->x = c->mirror ? c->cx1 - w : c->cx0;
	b->y = 0;
	b->w = w;
	b->h = h;
	b->color = c->th->accent;
}

void layout_add_title_rule(layout_ctx *c)
{
	int h = layout_pm(c->S, 6);
	layout_add_rule(c, layout_pm(c->body, 550), h > 2 ? h : 2, layout_pm(c->S, 110));
}

void layout_flow_block(layout_ctx *c, const posting_block *bk, int gap, uint32_t color,
                       uint32_t bold_color)
{
	if (!bk->text || !bk->len)
		return;
	unsigned char *st = NULL;
	if (bk->nspans) {
		st = calloc(bk->len, 1);
		if (!st) {
			c->status = JK_ENOMEM;
			return;
		}
		for (size_t i = 0; i < bk->nspans; i++) {
			size_t a = bk->spans[i].start, n = bk->spans[i].len;
			if (a >= bk->len)
				continue;
			if (n > bk->len - a)
				n = bk->len - a;
			for (size_t k = 0; k < n; k++)
				st[a + k] |= (unsigned char)(bk->spans[i].style & 3u);
		}
	}
	layout_tstyle ts = {.px = c->body, .color = color, .bold_color = bold_color, .styles = st};
	c->group++;
	if (bk->kind == POSTING_PARAGRAPH) {
		flow_text(c, bk->text, bk->len, &ts, c->cx0, c->cx1, 0, gap, false, LAYOUT_LEFT,
		          NULL, 1350);
	} else {
		char num[24];
		layout_box m = {.kind = LAYOUT_TEXT,
		                .px = c->body,
		                .h = layout_line_h(c, c->body),
		                .color = c->th->accent};
		int indent;
		if (bk->kind == POSTING_NUMBERED) {
			int n = snprintf(num, sizeof num, "%d.", bk->number);
			m.style = POSTING_BOLD;
			m.w = layout_text_w(c, num, (size_t)n, c->body, POSTING_BOLD);
			int slot = layout_text_w(c, "00.", 3, c->body, POSTING_BOLD);
			indent = (m.w > slot ? m.w : slot) + layout_pm(c->body, 450);
			m.x = indent - layout_pm(c->body, 450) - m.w;
			m.text = layout_arena_copy(c, num, (size_t)n);
			m.len = (size_t)n;
		} else {
			m.style = POSTING_BOLD;
			m.w = layout_text_w(c, "•", 3, c->body, POSTING_BOLD);
			indent = layout_pm(c->body, 1000);
			m.x = layout_pm(c->body, 150);
			m.text = layout_arena_copy(c, "•", 3);
			m.len = 3;
		}
		flow_text(c, bk->text, bk->len, &ts, c->cx0, c->cx1, indent, gap, false,
		          LAYOUT_LEFT, &m, 1350);
	}
	free(st);
}

/* Text fitted to maxw on one line, cut with an ellipsis if needed, as
 * boxes in out[0,cap) in visual order (text in the arena); returns how
 * many, 0 when not even "…" fits. */
size_t layout_fit_line(layout_ctx *c, layout_box *out, size_t cap, const char *s, int px,
                       unsigned style, uint32_t color, int x, int y, int maxw, bool right)
{
	size_t n = strlen(s);
	char buf[512];
	int w = layout_text_w(c, s, n, px, style);
	if (w > maxw) {
		/* Longest prefix (whole code points) that fits with "…". */
		size_t lo = 0, i = 0;
		while (i < n && i < sizeof buf - 4) {
			uint32_t cp;
			size_t j = text_next_cp(s, n, i, &cp);
			if (j > sizeof buf - 4)
				break;
			memcpy(buf, s, j);
			memcpy(buf + j, "…", 3);
			if (layout_text_w(c, buf, j + 3, px, style) > maxw)
				break;
			lo = j;
			i = j;
		}
		lo = text_trim_end(s, 0, lo);
		memcpy(buf, s, lo);
		memcpy(buf + lo, "…", 3);
		n = lo + 3;
		s = buf;
		w = layout_text_w(c, s, n, px, style);
		if (w > maxw)
			return 0;
	}
	size_t nb = 0;
	layout_line_runs(c, s, n, px, style, color, x, x + maxw, right, y, out, cap, &nb);
	return nb;
}
