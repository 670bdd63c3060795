/* panel.c — the apply card: the QR code with "Scan to apply" and the
 * target's short form under it (landscape) or beside it (portrait), at the
 * largest module size that fits, and the caption shortened to fit two
 * lines. */
#include "internal.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void panel_add(layout_ctx *c, const layout_box *b)
{
	layout_box *d = layout_push_box(c, &c->panel, &c->npanel, &c->cpanel);
	if (d)
		*d = *b;
}

/* Moves flow lines [l0, nfl) into the panel at (x, y) and removes them from
 * the flow. Returns their total height. */
static int take_lines(layout_ctx *c, size_t l0, int x_off, int y)
{
	int top = y;
	for (size_t i = l0; i < c->nfl; i++) {
		if (i > l0)
			y += c->fl[i].gap;
		for (size_t k = 0; k < c->fl[i].nb; k++) {
			layout_box b = c->fb[c->fl[i].b0 + k];
			b.x += x_off;
			b.y += y;
			panel_add(c, &b);
		}
		y += c->fl[i].h;
	}
	c->flowed = 0;
	c->full = false;
	if (l0 < c->nfl)
		c->nfb = c->fl[l0].b0;
	c->nfl = l0;
	return y - top;
}

/* Caption target lines: more would crowd the card and be read by no one. */
#define CAPTION_LINES 2
/* No caption of more bytes fits two lines on any screen: candidates longer
 * are not tried (bounds the work for a 2,900-byte target). */
#define CAPTION_SCAN 400

static bool caption_fits(layout_ctx *c, const char *s, size_t n, int px, int maxw)
{
	layout_tstyle ts = {.px = px};
	return layout_count_lines(c, s, n, &ts, maxw, CAPTION_LINES) <= CAPTION_LINES;
}

/* s[0,a) + "…" + s[b,n) into buf (room for n + 4 bytes). */
static size_t join_ellipsis(char *buf, const char *s, size_t n, size_t a, size_t b)
{
	memcpy(buf, s, a);
	memcpy(buf + a, "…", 3);
	memcpy(buf + a + 3, s + b, n - b);
	buf[a + 3 + n - b] = '\0';
	return a + 3 + n - b;
}

/* Byte offset of code point k of s (n if s has fewer). */
static size_t cp_offset(const char *s, size_t n, size_t k)
{
	size_t i = 0;
	uint32_t cp;
	while (k-- && i < n)
		i = text_next_cp(s, n, i, &cp);
	return i;
}

/* The caption target s (host + path, or an address) shortened to at most
 * CAPTION_LINES lines of maxw at px: whole when it fits; else path segments
 * dropped from the middle ("host/careers/…/firmware-engineer"), keeping the
 * last; else the host and the path's end from a word on; else characters
 * from the middle, keeping an address's "@domain" when that still fits.
 * Caller frees; NULL on OOM. */
static char *caption_fit(layout_ctx *c, const char *s, int px, int maxw)
{
	size_t n = strlen(s);
	if (caption_fits(c, s, n, px, maxw))
		return jk_strndup(s, n);
	char *buf = malloc(n + 4);
	if (!buf)
		return NULL;
	const char *last = memchr(s, '/', n) ? strrchr(s, '/') : NULL;
	if (last) {
		/* Keep as many leading segments as fit, then the last one. */
		size_t l = (size_t)(last - s);
		for (size_t k = l < CAPTION_SCAN ? l : CAPTION_SCAN; k-- > 0;) {
			if (s[k] != '/' || k + n - l > CAPTION_SCAN)
				continue;
			size_t m = join_ellipsis(buf, s, n, k + 1, l);
			if (caption_fits(c, buf, m, px, maxw))
				return buf;
		}
		/* The host, then the longest tail of the path that starts at a
		 * word ("host/…nurse-childrens-ward"). */
		size_t h = (size_t)((const char *)memchr(s, '/', n) - s) + 1;
		size_t b0 = n - h > CAPTION_SCAN ? n - CAPTION_SCAN : h + 1;
		for (size_t b = b0; b < n; b++) {
			if (!strchr("-_./", s[b - 1]))
				continue;
			size_t m = join_ellipsis(buf, s, n, h, b);
			if (caption_fits(c, buf, m, px, maxw))
				return buf;
		}
	}
	size_t ncp = 0;
	for (size_t i = 0; i < n; ncp++) {
		uint32_t cp;
		i = text_next_cp(s, n, i, &cp);
	}
	const char *at = last ? NULL : strchr(s, '@');
	/* Keep k code points, searched (the fit grows with fewer; the result
	 * is the largest k that was checked to fit). Mode 0: the local part's
	 * first k + "…@domain"; mode 1: the first and last halves of k. */
	for (int mode = at ? 0 : 1; mode < 2; mode++) {
		size_t tail0 = mode == 0 ? (size_t)(at - s) : n;
		size_t lo = mode == 0 ? 1 : 0, hi = ncp ? ncp - 1 : 0, best = SIZE_MAX;
		while (lo <= hi) {
			size_t k = lo + (hi - lo) / 2;
			size_t a =
			    mode == 0 ? cp_offset(s, tail0, k) : cp_offset(s, n, (k + 1) / 2);
			size_t b = mode == 0 ? tail0 : cp_offset(s, n, ncp - k / 2);
			if (caption_fits(c, buf, join_ellipsis(buf, s, n, a, b), px, maxw)) {
				best = k;
				lo = k + 1;
			} else if (k == 0) {
				break;
			} else {
				hi = k - 1;
			}
		}
		if (best == SIZE_MAX)
			continue;
		size_t a = mode == 0 ? cp_offset(s, tail0, best) : cp_offset(s, n, (best + 1) / 2);
		size_t b = mode == 0 ? tail0 : cp_offset(s, n, ncp - best / 2);
		join_ellipsis(buf, s, n, a, b);
		return buf;
	}
	memcpy(buf, "…", 4);
	return buf;
}

/* What every try of a card size shares. */
typedef struct card_try {
	const char *apply;   /* the exact target */
	const char *short_t; /* its short form for the caption (NULL: none) */
	const qr_code *q;    /* its code (the doc's) */
	bool portrait;
	bool big; /* a booth's code: the caption under it in portrait too */
	int pad, cap_px, tgt_px;
} card_try;

/* "Scan to apply" and the fitted target flowed from line l0 between tx0 and
 * tx1; returns the caption's height. */
static int flow_caption(layout_ctx *c, const card_try *t, size_t l0, int tx0, int tx1)
{
	bool beside = t->portrait && !t->big;
	layout_align al = beside ? LAYOUT_LEFT : LAYOUT_CENTER;
	bool mail = !strncasecmp(t->apply, "mailto:", 7);
	layout_flow_plain(c, text_word_get(c->lang, mail ? TEXT_W_EMAIL_TO_APPLY : c->caption),
	                  t->cap_px, POSTING_BOLD, c->th->card_fg, tx0, tx1, 0, false, al, 1250);
	char *fit = t->short_t ? caption_fit(c, t->short_t, t->tgt_px, tx1 - tx0) : NULL;
	if (t->short_t && !fit)
		c->status = JK_ENOMEM;
	/* The target reads left to right in every posting; beside the code of
	 * a mirrored page it ends at the code, as the words above it do. */
	layout_align tal = beside && c->mirror ? LAYOUT_RIGHT : al;
	if (fit)
		layout_flow_plain(c, fit, t->tgt_px, 0, c->th->card_muted, tx0, tx1,
		                  layout_pm(t->tgt_px, 150), false, tal | LAYOUT_LTR, 1250);
	free(fit);
	int cap_h = 0;
	for (size_t i = l0; i < c->nfl; i++)
		cap_h += c->fl[i].h + (i > l0 ? c->fl[i].gap : 0);
	return cap_h;
}

/* The card with modules of scale pixels into c->panel: true when it fits
 * (the column then gives way: c->cx1 or *col_bottom), else false with
 * nothing kept. */
static bool place_card(layout_ctx *c, const card_try *t, int scale, int gutter, int *col_bottom)
{
	int side = (t->q->size + 2 * QR_QUIET) * scale;
	/* The quiet zone is light already: the card's padding can be small on
	 * the QR's sides. */
	int pad = t->pad, card_w, card_h, card_x, card_y, qx = pad, qy = pad, tx0, tx1, ty;
	c->npanel = 0;
	size_t l0 = c->nfl;
	bool beside = t->portrait && !t->big;
	if (!beside) {
		card_w = side + 2 * pad;
		tx0 = pad;
		tx1 = card_w - pad;
		ty = qy + side + pad / 2;
	} else {
		card_w = c->sx1 - c->sx0;
		tx0 = qx + side + pad;
		tx1 = card_w - pad;
		if (c->mirror) {
			/* The code at the card's right, the caption before it. */
			qx = card_w - pad - side;
			tx0 = pad;
			tx1 = qx - pad;
		}
		ty = 0;
		if (tx1 - tx0 < 6 * t->cap_px)
			return false;
	}
	int cap_h = flow_caption(c, t, l0, tx0, tx1);
	if (t->portrait && t->big) {
		/* Under the column, centred: a booth's code as wide as the
		 * screen allows. */
		card_h = ty + cap_h + pad;
		card_x = c->sx0 + (c->sx1 - c->sx0 - card_w) / 2;
		card_y = c->sy1 - card_h;
		if (card_w > c->sx1 - c->sx0 || card_h > (c->sy1 - c->sy0) * 62 / 100) {
			take_lines(c, l0, 0, 0);
			c->npanel = 0;
			return false;
		}
	} else if (!t->portrait) {
		card_h = ty + cap_h + pad;
		card_x = c->mirror ? c->sx0 : c->sx1 - card_w;
		card_y = c->sy0 + (c->sy1 - c->sy0 - card_h) / 2;
		if (card_h > c->sy1 - c->sy0 ||
		    card_w > (c->sx1 - c->sx0) * (t->big ? 52 : 45) / 100) {
			take_lines(c, l0, 0, 0);
			c->npanel = 0;
			return false;
		}
	} else {
		int inner = side > cap_h ? side : cap_h;
		card_h = inner + 2 * pad;
		ty = pad + (inner - cap_h) / 2;
		qy = pad + (inner - side) / 2;
		card_x = c->sx0;
		card_y = c->sy1 - card_h;
		if (card_h > (c->sy1 - c->sy0) * 45 / 100) {
			take_lines(c, l0, 0, 0);
			c->npanel = 0;
			return false;
		}
	}
	layout_box card = {.kind = LAYOUT_PANEL,
	                   .x = card_x,
	                   .y = card_y,
	                   .w = card_w,
	                   .h = card_h,
	                   .color = c->th->card};
	panel_add(c, &card);
	layout_box qb = {.kind = LAYOUT_QR,
	                 .x = card_x + qx,
	                 .y = card_y + qy,
	                 .w = side,
	                 .h = side,
	                 .color = c->th->card_fg,
	                 .qr_scale = scale,
	                 .qr_modules = t->q->size,
	                 .qr = t->q};
	qb.text = layout_arena_copy(c, t->apply, strlen(t->apply));
	qb.len = strlen(t->apply);
	panel_add(c, &qb);
	take_lines(c, l0, card_x, card_y + ty);
	if (!t->portrait && c->mirror)
		c->cx0 = card_x + card_w + gutter;
	else if (!t->portrait)
		c->cx1 = card_x - gutter;
	else
		*col_bottom = card_y - gutter;
	return true;
}

void layout_build_panel(layout_ctx *c, const char *apply, const qr_code *q)
{
	int gutter = layout_pm(c->S, 50);
	c->cx0 = c->sx0;
	c->cx1 = c->sx1;
	c->cy0 = c->sy0;
	c->cy1 = c->sy1;
	int col_bottom = c->sy1;
	c->npanel = 0;
	if (apply && q) {
		card_try t = {.apply = apply,
		              .q = q,
		              .portrait = c->lp->h > c->lp->w,
		              .big = c->big_code,
		              .pad = layout_pm(c->S, 22),
		              .cap_px = layout_body_floor(c->lp->w, c->lp->h),
		              .tgt_px = layout_pm(c->S, 27)};
		int mq = q->size + 2 * QR_QUIET;
		int smin = (6 * c->S + 1079) / 1080;
		/* A booth's code is read from the aisle, where a phone's preview
		 * sees it small and soft: at least 40% of the shorter side
		 * without the quiet zone, and modules of at least 1.2% of it
		 * (13 px at 1080p) however many the link needs, where the
		 * screen has the room (else the largest that fits). */
		int scale = layout_pm(c->S, 370) / mq;
		if (c->big_code) {
			int by_side = (layout_pm(c->S, 400) + q->size - 1) / q->size;
			int by_module = (c->S * 13 + 1079) / 1080;
			scale = by_side > by_module ? by_side : by_module;
		}
		if (scale < smin)
			scale = smin;
		char *short_t = qr_caption_target(apply);
		t.short_t = short_t;
		/* Never below smin: a code too fine to scan from the aisle is
		 * worse than none (the caption would promise what fails). */
		for (; scale >= smin && !c->status; scale--)
			if (place_card(c, &t, scale, gutter, &col_bottom))
				break;
		free(short_t);
	}
	c->foot_y = col_bottom - layout_line_h(c, c->small_px);
	c->cy1 = c->foot_y - layout_pm(c->small_px, 500);
}
