/* layout.c — pages of positioned boxes from a posting. Pure C.
 *
 * How: the text column is filled with a flow of lines (title, meta line,
 * rule, headings, paragraphs, list items), each line a few boxes with x fixed
 * and y relative to the line. Pagination then cuts the flow into pages
 * (keeping headings with what follows, avoiding widows and orphans) and the
 * apply card, continuation header and page number are added to every page.
 * The body size is searched: the largest that gives the fewest pages. */
#include "layout.h"

#include "qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A flow of text this long is cut (with a note): no kiosk shows a 100-page
 * posting, and it bounds the work a hostile 16 MB document can cause. */
#define LAYOUT_MAX_PAGES 100
#define LAYOUT_FLOW_PAGES (LAYOUT_MAX_PAGES - 10)

/* Text arena: chunks that never move, so boxes can point into them. */
typedef struct layout_chunk {
	struct layout_chunk *next;
	size_t used, cap;
	char data[];
} layout_chunk;

typedef struct fline {
	size_t b0, nb;  /* boxes in ctx.fb */
	int h;          /* advance */
	int gap;        /* space before, dropped at the top of a page */
	int group;      /* block number: widow/orphan control works per group */
	bool keep_next; /* never the last line on a page (headings, title) */
} fline;

typedef struct ctx {
	const layout_params *lp;
	const layout_theme *th;
	layout_doc *doc;
	int S;                  /* shorter screen side */
	int sx0, sy0, sx1, sy1; /* safe area */
	int cx0, cx1, cy0, cy1; /* text column, footer excluded */
	int foot_y;             /* top of the footer line */
	int body, title_px, head_px, small_px;
	layout_box *fb; /* flow boxes, y relative to the line */
	size_t nfb, cfb;
	fline *fl;
	size_t nfl, cfl;
	layout_box *panel; /* apply card boxes, absolute */
	size_t npanel, cpanel;
	layout_box band[4]; /* header band: logo, text, rule (every page) */
	size_t nband;
	int group;
	long flowed; /* total flow height, for the cap */
	bool full;   /* cap reached: stop flowing */
	int status;
} ctx;

layout_theme layout_theme_default(void)
{
	layout_theme t = {
	    .bg = 0x101826,
	    .fg = 0xF3F5F8,
	    .muted = 0xA7B1C2,
	    .accent = 0xF5B342,
	    .card = 0xFFFFFF,
	    .card_fg = 0x101826,
	    .card_muted = 0x4A5568,
	};
	return t;
}

layout_theme layout_theme_light(void)
{
	layout_theme t = {
	    .bg = 0xF7F5F0,
	    .fg = 0x17202E,
	    .muted = 0x5A6577,
	    .accent = 0xB5520B,
	    .card = 0xFFFFFF,
	    .card_fg = 0x101826,
	    .card_muted = 0x4A5568,
	};
	return t;
}

void layout_safe_area(int w, int h, int *x0, int *y0, int *x1, int *y1)
{
	*x0 = (w * 5 + 50) / 100;
	*y0 = (h * 5 + 50) / 100;
	*x1 = w - *x0;
	*y1 = h - *y0;
}

static int short_side(int w, int h)
{
	return w < h ? w : h;
}

int layout_body_floor(int w, int h)
{
	/* 3.5% rounded up: 37.8 becomes 38 on a 1080p screen. */
	return (short_side(w, h) * 35 + 999) / 1000;
}

/* v * permille / 1000, rounded. */
static int pm(int v, int permille)
{
	return (v * permille + 500) / 1000;
}

/* ---- arena ------------------------------------------------------------ */

static const char *arena_copy(ctx *c, const char *s, size_t n)
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

static layout_box *push_box(ctx *c, layout_box **v, size_t *n, size_t *cap)
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

static layout_box *page_box(ctx *c, layout_page *pg)
{
	return push_box(c, &pg->boxes, &pg->n, &pg->cap);
}

static int line_h(ctx *c, int px)
{
	int h = c->lp->measure.height(c->lp->measure.ud, px);
	return h > 0 ? h : px;
}

static int text_w(ctx *c, const char *s, size_t n, int px, unsigned style)
{
	if (n == 0)
		return 0;
	int w = c->lp->measure.width(c->lp->measure.ud, s, n, px, style);
	return w > 0 ? w : 0;
}

/* ---- line breaking ---------------------------------------------------- */

static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Closing punctuation that must not start a line, opening that must not end
 * one (the common CJK and ASCII cases). */
static bool no_break_before(uint32_t cp)
{
	static const uint32_t set[] = {',',    '.',    ';',    ':',    '!',    '?',    ')',
	                               ']',    '}',    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A,
	                               0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x300D, 0x300F, 0x3011,
	                               0x3009, 0x300B, 0x30FC, 0x3005, 0x2019, 0x201D};
	for (size_t i = 0; i < JK_ARRAY_LEN(set); i++)
		if (set[i] == cp)
			return true;
	return false;
}

static bool no_break_after(uint32_t cp)
{
	static const uint32_t set[] = {'(',    '[',    '{',    0xFF08, 0x300C, 0x300E,
	                               0x3010, 0x3008, 0x300A, 0x2018, 0x201C};
	for (size_t i = 0; i < JK_ARRAY_LEN(set); i++)
		if (set[i] == cp)
			return true;
	return false;
}

bool layout_break_between(uint32_t a, uint32_t b)
{
	if (jk_cp_is_space(a) || jk_cp_is_space(b))
		return true;
	if (no_break_before(b) || no_break_after(a))
		return false;
	if (a == '-' || a == '/' || a == 0x2013 || a == 0x2014 || a == 0x2010)
		return true;
	return is_cjk(a) || is_cjk(b);
}

typedef struct tstyle {
	int px;
	uint32_t color, bold_color;
	const unsigned char *styles; /* per byte, or NULL: all base */
	unsigned base;
} tstyle;

static unsigned style_at(const tstyle *ts, size_t i)
{
	return ts->styles ? ts->styles[i] : ts->base;
}

/* Width of text[a,b) measured run by run, as the boxes will be drawn. */
static int range_w(ctx *c, const char *t, const tstyle *ts, size_t a, size_t b)
{
	int w = 0;
	while (a < b) {
		unsigned st = style_at(ts, a);
		size_t e = a + 1;
		while (e < b && style_at(ts, e) == st)
			e++;
		w += text_w(c, t + a, e - a, ts->px, st);
		a = e;
	}
	return w;
}

static size_t next_cp(const char *t, size_t len, size_t i, uint32_t *cp)
{
	return i + jk_utf8_decode(t + i, len - i, cp);
}

static size_t skip_spaces(const char *t, size_t len, size_t i)
{
	while (i < len) {
		uint32_t cp;
		size_t j = next_cp(t, len, i, &cp);
		if (!jk_cp_is_space(cp))
			break;
		i = j;
	}
	return i;
}

static size_t trim_end(const char *t, size_t a, size_t e)
{
	while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t'))
		e--;
	return e;
}

/* Next position after i where a line may end: the start of a space run, a
 * point between two characters that allows a break, or len. */
static size_t next_break(const char *t, size_t len, size_t i)
{
	uint32_t a;
	if (i >= len)
		return len;
	size_t j = next_cp(t, len, i, &a);
	while (j < len) {
		uint32_t b;
		size_t k = next_cp(t, len, j, &b);
		if (jk_cp_is_space(b))
			return j;
		if (layout_break_between(a, b))
			return j;
		a = b;
		j = k;
	}
	return len;
}

static fline *push_line(ctx *c, int h, int gap, bool keep_next)
{
	if (c->nfl == c->cfl) {
		size_t nc = c->cfl ? c->cfl * 2 : 64;
		fline *nv = realloc(c->fl, nc * sizeof *nv);
		if (!nv) {
			c->status = JK_ENOMEM;
			return NULL;
		}
		c->fl = nv;
		c->cfl = nc;
	}
	fline *l = &c->fl[c->nfl++];
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

static layout_box *line_box(ctx *c, fline *l)
{
	layout_box *b = push_box(c, &c->fb, &c->nfb, &c->cfb);
	if (b)
		l->nb++;
	return b;
}

/* Adds one line's runs [a,e) starting at x. */
static void emit_runs(ctx *c, fline *l, const char *t, const tstyle *ts, size_t a, size_t e, int x,
                      int rel_y, int h)
{
	while (a < e && !c->status) {
		unsigned st = style_at(ts, a);
		size_t r = a + 1;
		while (r < e && style_at(ts, r) == st)
			r++;
		int w = text_w(c, t + a, r - a, ts->px, st);
		layout_box *b = line_box(c, l);
		if (!b)
			return;
		b->kind = LAYOUT_TEXT;
		b->x = x;
		b->y = rel_y;
		b->w = w;
		b->h = h;
		b->px = ts->px;
		b->style = st;
		b->color = (st & POSTING_BOLD) ? ts->bold_color : ts->color;
		b->text = arena_copy(c, t + a, r - a);
		b->len = r - a;
		x += w;
		a = r;
	}
}

typedef enum { AL_LEFT, AL_CENTER } align;

/* Separators that must not start a line even across spaces: "A · B" breaks
 * after the dot, never before it. */
static bool no_line_start(const char *t, size_t len, size_t i)
{
	uint32_t cp;
	next_cp(t, len, i, &cp);
	return cp == 0xB7 || cp == 0x2022 || cp == '|';
}

/* End of the line that starts at p (not a space) within maxw: the longest
 * run ending at a break, else a break before a separator, else as many
 * characters as fit (at least one). */
static size_t line_end(ctx *c, const char *t, size_t len, const tstyle *ts, size_t p, int maxw)
{
	size_t fit = 0, forced = 0, q = p;
	while (q < len) {
		size_t e = next_break(t, len, q);
		size_t te = trim_end(t, p, e);
		if (te > p && range_w(c, t, ts, p, te) > maxw)
			break;
		q = skip_spaces(t, len, e);
		if (te > p) {
			if (q > e && q < len && no_line_start(t, len, q))
				forced = forced ? forced : te;
			else
				fit = te;
		}
		if (e == len)
			break;
	}
	if (fit)
		return fit;
	if (forced)
		return forced;
	/* One word wider than the line: break between characters, after the
	 * last dot or underscore or before an '@' in the line's second half
	 * ("crew@harbourlights." / "example.org", not "…exam" / "ple.org"). */
	uint32_t cp, prev;
	size_t end = next_cp(t, len, p, &prev), soft = 0;
	while (end < len) {
		size_t n2 = next_cp(t, len, end, &cp);
		if (range_w(c, t, ts, p, n2) > maxw)
			break;
		if (prev == '.' || prev == '_' || prev == '=' || prev == '&' || cp == '@')
			soft = end;
		prev = cp;
		end = n2;
	}
	return end < len && soft && soft - p >= (end - p) / 2 ? soft : end;
}

/* Lines text would take at maxw, counting no further than cap. */
static size_t count_lines(ctx *c, const char *t, size_t len, const tstyle *ts, int maxw, size_t cap)
{
	size_t n = 0;
	size_t p = skip_spaces(t, len, 0);
	while (p < len && n <= cap) {
		p = skip_spaces(t, len, line_end(c, t, len, ts, p, maxw));
		n++;
	}
	return n;
}

/* Breaks text into lines between x0 and x1 and appends them to the flow.
 * The first line gets gap and, when marker is given, that box (x absolute,
 * y relative). Returns the number of lines. */
static size_t flow_text(ctx *c, const char *t, size_t len, const tstyle *ts, int x0, int x1,
                        int gap, bool keep_next, align al, const layout_box *marker,
                        int leading_permille)
{
	int maxw = x1 - x0;
	int h = line_h(c, ts->px);
	int adv = pm(ts->px, leading_permille);
	if (adv < h)
		adv = h;
	int rel_y = (adv - h) / 2;
	size_t nlines = 0;
	size_t p = skip_spaces(t, len, 0);
	while (p < len && !c->status && !c->full) {
		size_t end = line_end(c, t, len, ts, p, maxw);
		fline *l = push_line(c, adv, nlines ? 0 : gap, keep_next);
		if (!l)
			return nlines;
		if (nlines == 0 && marker) {
			layout_box *b = line_box(c, l);
			if (!b)
				return nlines;
			*b = *marker;
			b->y += rel_y;
		}
		int x = x0;
		if (al == AL_CENTER)
			x += (maxw - range_w(c, t, ts, p, end)) / 2;
		emit_runs(c, l, t, ts, p, end, x, rel_y, h);
		nlines++;
		p = skip_spaces(t, len, end);
	}
	return nlines;
}

static size_t flow_plain(ctx *c, const char *s, int px, unsigned style, uint32_t color, int x0,
                         int x1, int gap, bool keep_next, align al, int leading)
{
	tstyle ts = {.px = px, .color = color, .bold_color = color, .base = style};
	return flow_text(c, s, strlen(s), &ts, x0, x1, gap, keep_next, al, NULL, leading);
}

static void add_rule(ctx *c, int gap_before, int h, int w)
{
	fline *l = push_line(c, h, gap_before, true);
	if (!l)
		return;
	layout_box *b = line_box(c, l);
	if (!b)
		return;
	b->kind = LAYOUT_RULE;
	b->x = c->cx0;
	b->y = 0;
	b->w = w;
	b->h = h;
	b->color = c->th->accent;
}

/* ---- the apply card ---------------------------------------------------- */

static void panel_add(ctx *c, const layout_box *b)
{
	layout_box *d = push_box(c, &c->panel, &c->npanel, &c->cpanel);
	if (d)
		*d = *b;
}

/* Moves flow lines [l0, nfl) into the panel at (x, y) and removes them from
 * the flow. Returns their total height. */
static int take_lines(ctx *c, size_t l0, int x_off, int y)
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

static bool caption_fits(ctx *c, const char *s, size_t n, int px, int maxw)
{
	tstyle ts = {.px = px};
	return count_lines(c, s, n, &ts, maxw, CAPTION_LINES) <= CAPTION_LINES;
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
		i = next_cp(s, n, i, &cp);
	return i;
}

/* The caption target s (host + path, or an address) shortened to at most
 * CAPTION_LINES lines of maxw at px: whole when it fits; else path segments
 * dropped from the middle ("host/careers/…/firmware-engineer"), keeping the
 * last; else the host and the path's end from a word on; else characters
 * from the middle, keeping an address's "@domain" when that still fits.
 * Caller frees; NULL on OOM. */
static char *caption_fit(ctx *c, const char *s, int px, int maxw)
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
		i = next_cp(s, n, i, &cp);
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

/* Lays out the card (QR + caption) for apply, fixes the text column. */
static void build_panel(ctx *c, const char *apply)
{
	int gutter = pm(c->S, 50);
	c->cx0 = c->sx0;
	c->cx1 = c->sx1;
	c->cy0 = c->sy0;
	c->cy1 = c->sy1;
	int col_bottom = c->sy1;
	c->npanel = 0;
	qr_code q = {0};
	if (apply && qr_encode(apply, &q, NULL) == 0) {
		bool portrait = c->lp->h > c->lp->w;
		int mq = q.size + 2 * QR_QUIET;
		int smin = (6 * c->S + 1079) / 1080;
		int scale = pm(c->S, 370) / mq;
		if (scale < smin)
			scale = smin;
		int pad = pm(c->S, 22);
		int cap_px = layout_body_floor(c->lp->w, c->lp->h);
		int tgt_px = pm(c->S, 27);
		char *short_t = qr_caption_target(apply);
		/* Never below smin: a code too fine to scan from the aisle is
		 * worse than none (the caption would promise what fails). */
		for (; scale >= smin && !c->status; scale--) {
			int side = mq * scale;
			/* The quiet zone is light already: the card's padding can
			 * be small on the QR's sides. */
			int card_w, card_h, card_x, card_y;
			int qx, qy, tx0, tx1, ty;
			c->npanel = 0;
			size_t l0 = c->nfl;
			if (!portrait) {
				card_w = side + 2 * pad;
				tx0 = pad;
				tx1 = card_w - pad;
				qx = pad;
				qy = pad;
				ty = qy + side + pad / 2;
			} else {
				card_w = c->sx1 - c->sx0;
				qx = pad;
				qy = pad;
				tx0 = qx + side + pad;
				tx1 = card_w - pad;
				ty = 0;
				if (tx1 - tx0 < 6 * cap_px)
					continue;
			}
			flow_plain(c, "Scan to apply", cap_px, POSTING_BOLD, c->th->card_fg, tx0,
			           tx1, 0, false, portrait ? AL_LEFT : AL_CENTER, 1250);
			char *fit = short_t ? caption_fit(c, short_t, tgt_px, tx1 - tx0) : NULL;
			if (short_t && !fit)
				c->status = JK_ENOMEM;
			if (fit)
				flow_plain(c, fit, tgt_px, 0, c->th->card_muted, tx0, tx1,
				           pm(tgt_px, 150), false, portrait ? AL_LEFT : AL_CENTER,
				           1250);
			free(fit);
			/* Measure the caption, then place it. */
			int cap_h = 0;
			for (size_t i = l0; i < c->nfl; i++)
				cap_h += c->fl[i].h + (i > l0 ? c->fl[i].gap : 0);
			if (!portrait) {
				card_h = ty + cap_h + pad;
				card_x = c->sx1 - card_w;
				card_y = c->sy0 + (c->sy1 - c->sy0 - card_h) / 2;
				if (card_h > c->sy1 - c->sy0 ||
				    card_w > (c->sx1 - c->sx0) * 45 / 100) {
					take_lines(c, l0, 0, 0);
					c->npanel = 0;
					continue;
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
					continue;
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
			                 .qr_modules = q.size};
			qb.text = arena_copy(c, apply, strlen(apply));
			qb.len = strlen(apply);
			panel_add(c, &qb);
			take_lines(c, l0, card_x, card_y + ty);
			if (!portrait)
				c->cx1 = card_x - gutter;
			else
				col_bottom = card_y - gutter;
			break;
		}
		free(short_t);
		qr_code_free(&q);
	}
	c->foot_y = col_bottom - line_h(c, c->small_px);
	c->cy1 = c->foot_y - pm(c->small_px, 500);
}

/* ---- flow of a posting ------------------------------------------------- */

/* The meta line: organisation · location · employment · pay, broken only
 * between items (the separator dropped at the break) so no line starts with
 * "·"; an item wider than the column wraps on lines of its own. */
static void flow_meta(ctx *c, const posting *p)
{
	static const char sep[] = "  ·  ";
	const char *f[] = {p->organization, p->location, p->employment, p->pay};
	const uint32_t color = c->th->muted;
	int maxw = c->cx1 - c->cx0;
	int gap = pm(c->body, 350);
	jk_buf line = {0};
	for (size_t i = 0; i < JK_ARRAY_LEN(f) && !c->status; i++) {
		if (!f[i] || !*f[i])
			continue;
		size_t n = strlen(f[i]);
		if (line.len) {
			size_t keep = line.len;
			if (jk_buf_puts(&line, sep) || jk_buf_append(&line, f[i], n)) {
				c->status = JK_ENOMEM;
				break;
			}
			if (text_w(c, line.data, line.len, c->body, 0) <= maxw)
				continue;
			line.data[keep] = '\0';
			if (flow_plain(c, line.data, c->body, 0, color, c->cx0, c->cx1, gap, true,
			               AL_LEFT, 1350))
				gap = 0;
			line.len = 0;
		}
		if (text_w(c, f[i], n, c->body, 0) <= maxw) {
			if (jk_buf_append(&line, f[i], n))
				c->status = JK_ENOMEM;
		} else if (flow_plain(c, f[i], c->body, 0, color, c->cx0, c->cx1, gap, true,
		                      AL_LEFT, 1350)) {
			gap = 0;
		}
	}
	if (line.len && !c->status)
		flow_plain(c, line.data, c->body, 0, color, c->cx0, c->cx1, gap, true, AL_LEFT,
		           1350);
	jk_buf_free(&line);
}

static void flow_block(ctx *c, const posting_block *bk, int gap, uint32_t color,
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
	tstyle ts = {.px = c->body, .color = color, .bold_color = bold_color, .styles = st};
	c->group++;
	if (bk->kind == POSTING_PARAGRAPH) {
		flow_text(c, bk->text, bk->len, &ts, c->cx0, c->cx1, gap, false, AL_LEFT, NULL,
		          1350);
	} else {
		char num[24];
		layout_box m = {.kind = LAYOUT_TEXT,
		                .px = c->body,
		                .h = line_h(c, c->body),
		                .color = c->th->accent};
		int indent;
		if (bk->kind == POSTING_NUMBERED) {
			int n = snprintf(num, sizeof num, "%d.", bk->number);
			m.style = POSTING_BOLD;
			m.w = text_w(c, num, (size_t)n, c->body, POSTING_BOLD);
			int slot = text_w(c, "00.", 3, c->body, POSTING_BOLD);
			indent = (m.w > slot ? m.w : slot) + pm(c->body, 450);
			m.x = c->cx0 + indent - pm(c->body, 450) - m.w;
			m.text = arena_copy(c, num, (size_t)n);
			m.len = (size_t)n;
		} else {
			m.style = POSTING_BOLD;
			m.w = text_w(c, "•", 3, c->body, POSTING_BOLD);
			indent = pm(c->body, 1000);
			m.x = c->cx0 + pm(c->body, 150);
			m.text = arena_copy(c, "•", 3);
			m.len = 3;
		}
		flow_text(c, bk->text, bk->len, &ts, c->cx0 + indent, c->cx1, gap, false, AL_LEFT,
		          &m, 1350);
	}
	free(st);
}

static void flow_posting(ctx *c, const posting *p)
{
	const layout_theme *th = c->th;
	c->group = 0;
	flow_plain(c, p->title ? p->title : "Open position", c->title_px, POSTING_BOLD, th->fg,
	           c->cx0, c->cx1, 0, true, AL_LEFT, 1180);
	flow_meta(c, p);
	add_rule(c, pm(c->body, 550), pm(c->S, 6) > 2 ? pm(c->S, 6) : 2, pm(c->S, 110));
	int gap = pm(c->body, 900);
	for (size_t s = 0; s < p->nsections && !c->full; s++) {
		const posting_section *sec = &p->sections[s];
		if (sec->heading) {
			c->group++;
			flow_plain(c, sec->heading, c->head_px, POSTING_BOLD, th->accent, c->cx0,
			           c->cx1,
			           s == 0 && gap == pm(c->body, 900) ? gap : pm(c->body, 1100),
			           true, AL_LEFT, 1300);
			gap = pm(c->body, 250);
		}
		for (size_t b = 0; b < sec->nblocks && !c->full; b++) {
			const posting_block *bk = &sec->blocks[b];
			flow_block(c, bk, gap, th->fg, th->fg);
			bool list = bk->kind != POSTING_PARAGRAPH;
			bool next_list =
			    b + 1 < sec->nblocks && sec->blocks[b + 1].kind != POSTING_PARAGRAPH;
			gap = list && next_list ? pm(c->body, 300) : pm(c->body, 600);
		}
	}
	if (c->full) {
		c->full = false;
		c->group++;
		flow_plain(c, "The full posting is longer: scan the code to read it all.", c->body,
		           POSTING_ITALIC, th->muted, c->cx0, c->cx1, pm(c->body, 900), false,
		           AL_LEFT, 1400);
	}
}

/* ---- pagination -------------------------------------------------------- */

typedef struct range {
	size_t a, b;
} range;

/* Cuts the flow into pages; *pages (caller frees) gets [a,b) per page. */
static size_t paginate(ctx *c, int avail0, int availn, range **pages)
{
	size_t n = c->nfl, np = 0, cap = 0;
	*pages = NULL;
	size_t start = 0;
	while (start < n && np < LAYOUT_MAX_PAGES) {
		int avail = np == 0 ? avail0 : availn;
		int y = 0;
		size_t i = start;
		while (i < n) {
			int g = i == start ? 0 : c->fl[i].gap;
			if (y + g + c->fl[i].h > avail)
				break;
			y += g + c->fl[i].h;
			i++;
		}
		if (i == start)
			i = start + 1; /* taller than a page: cannot happen for text */
		size_t b = i;
		if (b < n) {
			fline *L = c->fl;
			bool last = b + 1 >= n || L[b + 1].group != L[b].group;
			/* Widow: the last line of a block alone on the next page. */
			if (last && b - 1 > start && L[b - 1].group == L[b].group)
				b--;
			/* Orphan: the first line of a block alone at the bottom. */
			if (b - 1 > start && L[b - 1].group == L[b].group &&
			    (b - 1 == 0 || L[b - 2].group != L[b - 1].group))
				b--;
			while (b - 1 > start && L[b - 1].keep_next)
				b--;
		}
		if (np == cap) {
			cap = cap ? cap * 2 : 8;
			range *nv = realloc(*pages, cap * sizeof *nv);
			if (!nv) {
				c->status = JK_ENOMEM;
				return np;
			}
			*pages = nv;
		}
		(*pages)[np++] = (range){start, b};
		start = b;
	}
	return np;
}

/* Text fitted to maxw on one line, cut with an ellipsis if needed, as *b
 * (text in the arena). False when not even "…" fits. */
static bool fit_line(ctx *c, layout_box *b, const char *s, int px, unsigned style, uint32_t color,
                     int x, int y, int maxw, bool right)
{
	size_t n = strlen(s);
	char buf[512];
	int w = text_w(c, s, n, px, style);
	if (w > maxw) {
		/* Longest prefix (whole code points) that fits with "…". */
		size_t lo = 0, i = 0;
		while (i < n && i < sizeof buf - 4) {
			uint32_t cp;
			size_t j = next_cp(s, n, i, &cp);
			if (j > sizeof buf - 4)
				break;
			memcpy(buf, s, j);
			memcpy(buf + j, "…", 3);
			if (text_w(c, buf, j + 3, px, style) > maxw)
				break;
			lo = j;
			i = j;
		}
		lo = trim_end(s, 0, lo);
		memcpy(buf, s, lo);
		memcpy(buf + lo, "…", 3);
		n = lo + 3;
		s = buf;
		w = text_w(c, s, n, px, style);
		if (w > maxw)
			return false;
	}
	memset(b, 0, sizeof *b);
	b->kind = LAYOUT_TEXT;
	b->x = right ? x + maxw - w : x;
	b->y = y;
	b->w = w;
	b->h = line_h(c, px);
	b->px = px;
	b->style = style;
	b->color = color;
	b->text = arena_copy(c, s, n);
	b->len = n;
	return true;
}

static void one_line(ctx *c, layout_page *pg, const char *s, int px, unsigned style, uint32_t color,
                     int x, int y, int maxw, bool right)
{
	layout_box t;
	if (!fit_line(c, &t, s, px, style, color, x, y, maxw, right))
		return;
	layout_box *b = page_box(c, pg);
	if (b)
		*b = t;
}

static int emit_pages(ctx *c, const char *header)
{
	int hh = header ? line_h(c, c->small_px) + pm(c->body, 600) : 0;
	range *pr = NULL;
	size_t np = paginate(c, c->cy1 - c->cy0, c->cy1 - c->cy0 - hh, &pr);
	if (c->status) {
		free(pr);
		return c->status;
	}
	layout_doc *d = c->doc;
	d->pages = calloc(np ? np : 1, sizeof *d->pages);
	if (!d->pages) {
		free(pr);
		return c->status = JK_ENOMEM;
	}
	d->npages = np;
	for (size_t k = 0; k < np && !c->status; k++) {
		layout_page *pg = &d->pages[k];
		for (size_t i = 0; i < c->nband; i++) {
			layout_box *b = page_box(c, pg);
			if (b)
				*b = c->band[i];
		}
		for (size_t i = 0; i < c->npanel; i++) {
			layout_box *b = page_box(c, pg);
			if (b)
				*b = c->panel[i];
		}
		int top = c->cy0;
		if (k > 0 && header) {
			one_line(c, pg, header, c->small_px, POSTING_BOLD, c->th->muted, c->cx0,
			         top, c->cx1 - c->cx0, false);
			top += hh;
		}
		int y = 0;
		for (size_t i = pr[k].a; i < pr[k].b; i++) {
			if (i > pr[k].a)
				y += c->fl[i].gap;
			for (size_t j = 0; j < c->fl[i].nb; j++) {
				layout_box *b = page_box(c, pg);
				if (!b)
					break;
				*b = c->fb[c->fl[i].b0 + j];
				b->y += top + y;
			}
			y += c->fl[i].h;
		}
		if (np > 1) {
			char num[48];
			snprintf(num, sizeof num, "%zu / %zu", k + 1, np);
			one_line(c, pg, num, c->small_px, 0, c->th->muted, c->cx0, c->foot_y,
			         c->cx1 - c->cx0, true);
		}
	}
	free(pr);
	return c->status;
}

/* ---- entry points ------------------------------------------------------ */

typedef void (*flow_fn)(ctx *c, const void *arg);

static void doc_reset(layout_doc *d)
{
	for (size_t i = 0; i < d->npages; i++)
		free(d->pages[i].boxes);
	free(d->pages);
	layout_chunk *k = d->chunks;
	while (k) {
		layout_chunk *n = k->next;
		free(k);
		k = n;
	}
	memset(d, 0, sizeof *d);
}

void layout_doc_free(layout_doc *d)
{
	if (d)
		doc_reset(d);
}

uint32_t layout_mix(uint32_t a, uint32_t b, int pct)
{
	uint32_t o = 0;
	for (int s = 0; s < 24; s += 8) {
		int ca = (int)((a >> s) & 255), cb = (int)((b >> s) & 255);
		o |= (uint32_t)((ca * (100 - pct) + cb * pct) / 100) << s;
	}
	return o;
}

/* The header band along the top of the safe area: logo at the left, the
 * header text after it, the clock's slot at the right, a hairline under
 * it. The body area (sy0) starts below. The same for every body size, so
 * the band does not move between postings. */
static void build_band(ctx *c)
{
	const layout_params *lp = c->lp;
	bool logo = lp->logo_w > 0 && lp->logo_h > 0;
	char *head = lp->header && *lp->header ? jk_text_clean(lp->header, (size_t)-1) : NULL;
	if (lp->header && *lp->header && !head) {
		c->status = JK_ENOMEM;
		return;
	}
	if (!logo && !(head && *head) && !lp->clock) {
		free(head);
		return;
	}
	int px = layout_body_floor(lp->w, lp->h);
	int th = line_h(c, px);
	int band = pm(c->S, 62) > th ? pm(c->S, 62) : th;
	int x = c->sx0, right = c->sx1, y = c->sy0;
	int gap = pm(c->S, 25);
	if (lp->clock) {
		/* Wide enough for any time: digits differ in width. */
		int cw = 0;
		for (char d = '0'; d <= '9'; d++) {
			char t[6] = {d, d, ':', d, d, 0};
			int w = text_w(c, t, 5, px, 0);
			cw = w > cw ? w : cw;
		}
		if (cw > 0 && cw < (c->sx1 - c->sx0) / 3) {
			c->doc->clock = (layout_box){.kind = LAYOUT_TEXT,
			                             .x = right - cw,
			                             .y = y + (band - th) / 2,
			                             .w = cw,
			                             .h = th,
			                             .px = px,
			                             .color = c->th->muted};
			right -= cw + 2 * gap;
		}
	}
	if (logo) {
		/* The band's height, at most a third of its width. */
		long lw = (long)lp->logo_w * band / lp->logo_h, lh = band;
		long maxw = (c->sx1 - c->sx0) / 3;
		if (lw > maxw) {
			lw = maxw;
			lh = (long)lp->logo_h * maxw / lp->logo_w;
		}
		if (lw >= 1 && lh >= 1 && lw <= right - x) {
			c->band[c->nband++] = (layout_box){.kind = LAYOUT_IMAGE,
			                                   .x = x,
			                                   .y = y + (band - (int)lh) / 2,
			                                   .w = (int)lw,
			                                   .h = (int)lh};
			x += (int)lw + gap * 3 / 2;
		}
	}
	if (head && *head && right - x > px &&
	    fit_line(c, &c->band[c->nband], head, px, POSTING_BOLD,
	             layout_mix(c->th->bg, c->th->muted, 85), x, y + (band - th) / 2, right - x,
	             false))
		c->nband++;
	free(head);
	int hair = pm(c->S, 2) > 1 ? pm(c->S, 2) : 1;
	int below = pm(c->S, 22);
	c->band[c->nband++] = (layout_box){.kind = LAYOUT_RULE,
	                                   .x = c->sx0,
	                                   .y = y + band + below,
	                                   .w = c->sx1 - c->sx0,
	                                   .h = hair,
	                                   .color = layout_mix(c->th->bg, c->th->muted, 30)};
	c->sy0 = y + band + below + hair + pm(c->S, 40);
}

/* One complete layout at body size px into d. */
static int build(const layout_params *lp, int px, const char *apply, const char *header, flow_fn fn,
                 const void *arg, layout_doc *d)
{
	doc_reset(d);
	ctx c = {.lp = lp, .th = lp->theme, .doc = d};
	d->w = lp->w;
	d->h = lp->h;
	d->body_px = px;
	c.S = short_side(lp->w, lp->h);
	layout_safe_area(lp->w, lp->h, &c.sx0, &c.sy0, &c.sx1, &c.sy1);
	c.body = px;
	c.title_px = pm(px, 1500);
	c.head_px = pm(px, 1150);
	c.small_px = pm(c.S, 26);
	build_band(&c);
	d->body_y0 = c.sy0;
	build_panel(&c, apply);
	if (!c.status)
		fn(&c, arg);
	if (!c.status)
		emit_pages(&c, header);
	free(c.fb);
	free(c.fl);
	free(c.panel);
	return c.status;
}

static int search(const layout_params *lp, const char *apply, const char *header, flow_fn fn,
                  const void *arg, layout_doc *out, jk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!lp || !lp->theme || !lp->measure.width || !lp->measure.height || lp->w < 160 ||
	    lp->h < 160 || lp->w > 16384 || lp->h > 16384)
		return jk_fail(err, JK_EARG, "layout: screen %dx%d too small or no measurer",
		               lp ? lp->w : 0, lp ? lp->h : 0);
	int lo = layout_body_floor(lp->w, lp->h);
	int hi = pm(short_side(lp->w, lp->h), 55);
	int r = build(lp, lo, apply, header, fn, arg, out);
	if (r)
		return jk_fail(err, r, "layout: out of memory");
	size_t best_pages = out->npages;
	int best = lo;
	/* Pages grow with the size: find the largest size still giving
	 * best_pages (binary search, checked, never trusted blindly). */
	layout_doc t = {0};
	int a = lo + 1, b = hi;
	while (a <= b) {
		int mid = (a + b) / 2;
		r = build(lp, mid, apply, header, fn, arg, &t);
		if (r)
			break;
		if (t.npages <= best_pages) {
			best = mid;
			a = mid + 1;
		} else {
			b = mid - 1;
		}
	}
	doc_reset(&t);
	if (r)
		return jk_fail(err, r, "layout: out of memory");
	if (best != lo) {
		r = build(lp, best, apply, header, fn, arg, out);
		if (r)
			return jk_fail(err, r, "layout: out of memory");
	}
	return 0;
}

static void flow_posting_fn(ctx *c, const void *arg)
{
	flow_posting(c, arg);
}

int layout_posting(const posting *p, const layout_params *lp, layout_doc *out, jk_err *err)
{
	if (!p) {
		memset(out, 0, sizeof *out);
		return jk_fail(err, JK_EARG, "layout: no posting");
	}
	return search(lp, p->apply, p->title ? p->title : "Open position", flow_posting_fn, p, out,
	              err);
}

typedef struct overview_arg {
	const posting *const *items;
	size_t n;
} overview_arg;

static void flow_overview(ctx *c, const void *arg)
{
	const overview_arg *o = arg;
	const layout_theme *th = c->th;
	flow_plain(c, "Open positions", c->title_px, POSTING_BOLD, th->fg, c->cx0, c->cx1, 0, true,
	           AL_LEFT, 1180);
	char cnt[64];
	snprintf(cnt, sizeof cnt, "%zu role%s — scan a slide's code to apply", o->n,
	         o->n == 1 ? "" : "s");
	flow_plain(c, cnt, c->body, 0, th->muted, c->cx0, c->cx1, pm(c->body, 350), true, AL_LEFT,
	           1350);
	add_rule(c, pm(c->body, 550), pm(c->S, 6) > 2 ? pm(c->S, 6) : 2, pm(c->S, 110));
	for (size_t i = 0; i < o->n && !c->full && !c->status; i++) {
		const posting *p = o->items[i];
		if (!p)
			continue;
		posting_block bk = {.kind = POSTING_BULLET};
		const char *t = p->title ? p->title : "Open position";
		posting_block_append(&bk, t, (size_t)-1, POSTING_BOLD);
		const char *rest[] = {p->organization, p->location};
		for (size_t k = 0; k < JK_ARRAY_LEN(rest); k++)
			if (rest[k]) {
				posting_block_append(&bk, " · ", (size_t)-1, 0);
				posting_block_append(&bk, rest[k], (size_t)-1, 0);
			}
		/* Title bold in the text colour, the rest muted. */
		flow_block(c, &bk, i ? pm(c->body, 450) : pm(c->body, 900), th->muted, th->fg);
		posting_block_clear(&bk);
	}
}

int layout_overview(const posting *const *items, size_t n, const layout_params *lp, layout_doc *out,
                    jk_err *err)
{
	overview_arg a = {items, n};
	return search(lp, NULL, "Open positions", flow_overview, &a, out, err);
}

typedef struct message_arg {
	const char *headline, *line, *note;
} message_arg;

static void flow_message(ctx *c, const void *arg)
{
	const message_arg *m = arg;
	const layout_theme *th = c->th;
	flow_plain(c, m->headline, c->title_px, POSTING_BOLD, th->fg, c->cx0, c->cx1, 0, true,
	           AL_LEFT, 1180);
	add_rule(c, pm(c->body, 550), pm(c->S, 6) > 2 ? pm(c->S, 6) : 2, pm(c->S, 110));
	if (m->line && *m->line)
		flow_plain(c, m->line, c->body, 0, th->fg, c->cx0, c->cx1, pm(c->body, 900), false,
		           AL_LEFT, 1350);
	if (m->note && *m->note)
		flow_plain(c, m->note, c->small_px, 0, th->muted, c->cx0, c->cx1, pm(c->body, 900),
		           false, AL_LEFT, 1350);
}

int layout_message(const char *headline, const char *line, const char *note,
                   const layout_params *lp, layout_doc *out, jk_err *err)
{
	message_arg a = {headline && *headline ? headline : " ", line, note};
	int r = search(lp, NULL, NULL, flow_message, &a, out, err);
	if (r || !out->npages)
		return r;
	/* Centred in the safe area: a calm page, not a document. */
	layout_page *pg = &out->pages[0];
	int x0, y0, x1, y1, top = INT32_MAX, bot = 0;
	layout_safe_area(lp->w, lp->h, &x0, &y0, &x1, &y1);
	y0 = out->body_y0; /* below the header band */
	for (size_t i = 0; i < pg->n; i++) {
		if (pg->boxes[i].y < y0)
			continue; /* the band stays */
		if (pg->boxes[i].y < top)
			top = pg->boxes[i].y;
		if (pg->boxes[i].y + pg->boxes[i].h > bot)
			bot = pg->boxes[i].y + pg->boxes[i].h;
	}
	int dy = (y0 + y1) / 2 - (top + bot) / 2;
	if (pg->n && dy > 0 && bot + dy <= y1)
		for (size_t i = 0; i < pg->n; i++)
			if (pg->boxes[i].y >= y0)
				pg->boxes[i].y += dy;
	return 0;
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
