/* booth.c — the booth style, for people walking past: one page per posting
 * (title, meta line, a few highlights, a big code) and the overview as a
 * grid of titles. The highlights are the lead of the duties (else of the
 * posting) cut at a sentence end, then the first items of the duties, else
 * of the requirements, as import named the sections (posting_role). */
#include "internal.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A block a booth page may show: text, and never a notice. */
static bool usable(const posting_block *bk)
{
	return bk->text && bk->len && !bk->boilerplate;
}

/* A paragraph that only leads into a list ("In this role you will:") says
 * nothing alone. */
static bool leads_in(const posting_block *bk)
{
	size_t e = text_trim_end(bk->text, 0, bk->len);
	if (e && bk->text[e - 1] == ':')
		return true;
	return e >= 3 && !memcmp(bk->text + e - 3, "：", 3);
}

static bool is_item(const posting_block *bk)
{
	return bk->kind != POSTING_PARAGRAPH;
}

/* The first usable paragraph of the sections with role r (any section
 * when all), NULL when none. */
static const posting_block *first_para(const posting *p, posting_role r, bool all)
{
	for (size_t s = 0; s < p->nsections; s++) {
		const posting_section *sec = &p->sections[s];
		if (!all && sec->role != r)
			continue;
		for (size_t b = 0; b < sec->nblocks; b++) {
			const posting_block *bk = &sec->blocks[b];
			if (usable(bk) && !is_item(bk) && !leads_in(bk) &&
			    !(p->title && strlen(p->title) == bk->len &&
			      !memcmp(p->title, bk->text, bk->len)))
				return bk;
		}
	}
	return NULL;
}

/* Up to max usable items of the sections with role r (any when all) into
 * out; returns how many. */
static size_t items_of(const posting *p, posting_role r, bool all, const posting_block **out,
                       size_t max)
{
	size_t n = 0;
	for (size_t s = 0; s < p->nsections && n < max; s++) {
		const posting_section *sec = &p->sections[s];
		if (!all && sec->role != r)
			continue;
		for (size_t b = 0; b < sec->nblocks && n < max; b++)
			if (usable(&sec->blocks[b]) && is_item(&sec->blocks[b]))
				out[n++] = &sec->blocks[b];
	}
	return n;
}

#define BOOTH_ITEMS 5

/* The highlights of p: *lead (NULL: none) and items[0, return). */
static size_t highlights(const posting *p, const posting_block **lead,
                         const posting_block *items[BOOTH_ITEMS])
{
	static const posting_role roles[] = {POSTING_ROLE_DUTIES, POSTING_ROLE_REQUIREMENTS};
	size_t n = 0;
	posting_role used = POSTING_ROLE_NONE;
	for (size_t k = 0; k < JK_ARRAY_LEN(roles) && !n; k++) {
		n = items_of(p, roles[k], false, items, BOOTH_ITEMS);
		if (n)
			used = roles[k];
	}
	*lead = used == POSTING_ROLE_DUTIES ? first_para(p, used, false) : NULL;
	if (!*lead)
		*lead = first_para(p, POSTING_ROLE_NONE, true);
	/* A posting that is only a list: its first items. */
	if (!*lead && !n)
		n = items_of(p, POSTING_ROLE_NONE, true, items, BOOTH_ITEMS);
	return n;
}

void layout_flow_booth(layout_ctx *c, const void *arg)
{
	const layout_booth_arg *a = arg;
	const posting *p = a->p;
	const layout_theme *th = c->th;
	c->group = 0;
	const char *title = p->title ? p->title : text_word_get(c->lang, TEXT_W_OPEN_POSITION);
	char *cut = NULL;
	if (a->title_max && strlen(title) > a->title_max) {
		/* Whole code points, then "…". */
		size_t e = a->title_max;
		while (e > 0 && ((unsigned char)title[e] & 0xC0) == 0x80)
			e--;
		e = text_trim_end(title, 0, e);
		cut = malloc(e + 4);
		if (!cut) {
			c->status = JK_ENOMEM;
			return;
		}
		memcpy(cut, title, e);
		memcpy(cut + e, "…", 4);
		title = cut;
	}
	layout_flow_plain(c, title, c->title_px, POSTING_BOLD, th->fg, c->cx0, c->cx1, 0, true,
	                  LAYOUT_LEFT, 1150);
	free(cut);
	layout_flow_meta(c, p);
	layout_flow_badges(c, p);
	layout_add_title_rule(c);
	const posting_block *lead, *items[BOOTH_ITEMS];
	size_t n = highlights(p, &lead, items);
	if (n > a->items)
		n = a->items;
	int gap = layout_pm(c->body, 900);
	if (lead && a->sentences) {
		posting_block bk = *lead;
		bk.len = text_sentences(lead->text, lead->len, c->text_lang, a->sentences);
		layout_flow_block(c, &bk, gap, th->fg, th->fg);
		gap = layout_pm(c->body, 700);
	}
	for (size_t i = 0; i < n && !c->status; i++) {
		/* Items read as bullets at a glance; a long one keeps its
		 * first sentence. */
		posting_block bk = *items[i];
		bk.kind = POSTING_BULLET;
		bk.len = text_sentences(bk.text, bk.len, c->text_lang, 1);
		layout_flow_block(c, &bk, gap, th->fg, th->fg);
		gap = layout_pm(c->body, 350);
	}
}

/* ---- the overview's grid ------------------------------------------------- */

/* Lines [l0, nfl) of the flow stacked from the top of their cell: their
 * boxes moved down by where each line starts, plus top. Returns the height
 * they take. */
static int stack_lines(layout_ctx *c, size_t l0, int top)
{
	int y = top;
	for (size_t i = l0; i < c->nfl; i++) {
		if (i > l0)
			y += c->fl[i].gap;
		for (size_t k = 0; k < c->fl[i].nb; k++)
			c->fb[c->fl[i].b0 + k].y += y;
		y += c->fl[i].h;
	}
	return y - top;
}

/* A title in a tile takes at most this many lines: rows stay even. */
#define GRID_TITLE_LINES 3
#define GRID_SCAN 600

/* s, or its longest start of whole words that fits max lines of maxw with
 * "…" after it. Caller frees; NULL on OOM. */
static char *at_most_lines(layout_ctx *c, const char *s, int px, unsigned style, int maxw,
                           size_t max)
{
	layout_tstyle ts = {.px = px, .base = style};
	size_t n = strlen(s);
	if (layout_count_lines(c, s, n, &ts, maxw, max + 1) <= max)
		return jk_strndup(s, n);
	char *buf = malloc(n + 4);
	if (!buf)
		return NULL;
	/* Word ends from the longest: the first that fits wins. No tile's
	 * lines hold more than GRID_SCAN bytes (bounds a hostile title). */
	size_t best = 0;
	/* Pass 0: word ends; pass 1 (a script without spaces): any
	 * character's end. */
	for (int pass = 0; pass < 2 && !best; pass++)
		for (size_t e = n < GRID_SCAN ? n : GRID_SCAN; e > 0 && !best; e--) {
			if (e != n && (pass ? ((unsigned char)s[e] & 0xC0) == 0x80 : s[e] != ' '))
				continue;
			size_t k = text_trim_end(s, 0, e);
			memcpy(buf, s, k);
			memcpy(buf + k, "…", 4);
			if (k && layout_count_lines(c, buf, k + 3, &ts, maxw, max + 1) <= max)
				best = k;
		}
	if (!best)
		memcpy(buf, "…", 4);
	return buf;
}

/* One row of cells: the tiles, then each posting's title and its
 * organisation · location, as one line of the flow (so a page never cuts
 * a row). */
static void grid_row(layout_ctx *c, const posting *const *row, size_t n, int ncol, int cellw,
                     int gutter, int gap)
{
	const layout_theme *th = c->th;
	int pad = layout_pm(c->body, 550);
	size_t l0 = c->nfl, b0 = c->nfb;
	long flowed = c->flowed;
	int inner = 0;
	for (size_t k = 0; k < n && !c->status; k++) {
		int col = c->mirror ? ncol - 1 - (int)k : (int)k;
		int x0 = c->cx0 + col * (cellw + gutter) + pad, x1 = x0 + cellw - 2 * pad;
		const posting *p = row[k];
		const char *t = p->title
		                    ? p->title
		                    : text_word_get(layout_lang(c->lp, p), TEXT_W_OPEN_POSITION);
		size_t cl0 = c->nfl;
		char *fit = at_most_lines(c, t, c->body, POSTING_BOLD, x1 - x0, GRID_TITLE_LINES);
		if (!fit) {
			c->status = JK_ENOMEM;
			return;
		}
		layout_flow_plain(c, fit, c->body, POSTING_BOLD, th->fg, x0, x1, 0, false,
		                  LAYOUT_LEFT, 1200);
		free(fit);
		jk_buf more = {0};
		const char *rest[] = {p->organization, p->location};
		for (size_t r = 0; r < JK_ARRAY_LEN(rest); r++)
			if (rest[r] && *rest[r] &&
			    ((more.len && jk_buf_puts(&more, " · ")) ||
			     jk_buf_puts(&more, rest[r])))
				c->status = JK_ENOMEM;
		if (more.len && !c->status)
			layout_flow_plain(c, more.data, c->small_px, 0, th->muted, x0, x1,
			                  layout_pm(c->small_px, 400), false, LAYOUT_LEFT, 1300);
		jk_buf_free(&more);
		int h = stack_lines(c, cl0, pad);
		inner = h > inner ? h : inner;
	}
	if (c->status)
		return;
	/* The tiles go first: text lies on them. */
	size_t nb = c->nfb - b0;
	for (size_t k = 0; k < n; k++)
		if (!layout_push_box(c, &c->fb, &c->nfb, &c->cfb))
			return;
	memmove(&c->fb[b0 + n], &c->fb[b0], nb * sizeof *c->fb);
	for (size_t k = 0; k < n; k++) {
		int col = c->mirror ? ncol - 1 - (int)k : (int)k;
		c->fb[b0 + k] = (layout_box){.kind = LAYOUT_PANEL,
		                             .x = c->cx0 + col * (cellw + gutter),
		                             .y = 0,
		                             .w = cellw,
		                             .h = inner + 2 * pad,
		                             .color = layout_mix(th->bg, th->fg, 9)};
	}
	c->nfl = l0;
	c->flowed = flowed;
	c->group++;
	layout_line *l = layout_push_line(c, inner + 2 * pad, gap, false);
	if (l) {
		l->b0 = b0;
		l->nb = n + nb;
	}
}

void layout_flow_grid(layout_ctx *c, const void *arg)
{
	const layout_overview_arg *o = arg;
	layout_flow_overview_head(c, o->n);
	int gutter = layout_pm(c->S, 22);
	int colw = c->cx1 - c->cx0;
	int ncol = (colw + gutter) / (layout_pm(c->S, 360) + gutter);
	if (ncol < 1)
		ncol = 1;
	if (ncol > 16)
		ncol = 16;
	if ((size_t)ncol > o->n && o->n)
		ncol = (int)o->n;
	int cellw = (colw - (ncol - 1) * gutter) / ncol;
	const posting *row[16];
	size_t n = 0;
	int gap = layout_pm(c->body, 900);
	for (size_t i = 0; i <= o->n && !c->full && !c->status; i++) {
		if (i < o->n && o->items[i])
			row[n++] = o->items[i];
		if (n && (n == (size_t)ncol || n == JK_ARRAY_LEN(row) || i == o->n)) {
			grid_row(c, row, n, ncol, cellw, gutter, gap);
			gap = gutter;
			n = 0;
		}
	}
}
