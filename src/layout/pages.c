/* pages.c — the layout's entry points. One build: the header band, the
 * apply card, the flow of text, then the flow cut into pages (headings kept
 * with what follows, no widows or orphans) with the band, the card, the
 * continuation header and the page number on every page. The body size is
 * searched: the largest that gives the fewest pages. The apply target is
 * encoded once per call and the doc keeps the code. */
#include "internal.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct range {
	size_t a, b;
} range;

/* Cuts the flow into pages; *pages (caller frees) gets [a,b) per page. */
static size_t paginate(layout_ctx *c, int avail0, int availn, range **pages)
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
			layout_line *L = c->fl;
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

static void one_line(layout_ctx *c, layout_page *pg, const char *s, int px, unsigned style,
                     uint32_t color, int x, int y, int maxw, bool right)
{
	layout_box t[16];
	size_t n = layout_fit_line(c, t, JK_ARRAY_LEN(t), s, px, style, color, x, y, maxw, right);
	for (size_t i = 0; i < n; i++) {
		layout_box *b = layout_page_box(c, pg);
		if (b)
			*b = t[i];
	}
}

static int emit_pages(layout_ctx *c, const char *header)
{
	int hh = header ? layout_line_h(c, c->small_px) + layout_pm(c->body, 600) : 0;
	range *pr = NULL;
	size_t np = paginate(c, c->cy1 - c->cy0, c->cy1 - c->cy0 - hh, &pr);
	if (c->status) {
		free(pr);
		return c->status;
	}
	/* max_pages: only where a code leads to the rest. */
	bool has_code = false;
	for (size_t i = 0; i < c->npanel; i++)
		has_code |= c->panel[i].kind == LAYOUT_QR;
	bool cut = has_code && c->lp->max_pages > 0 && np > (size_t)c->lp->max_pages;
	if (cut)
		np = (size_t)c->lp->max_pages;
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
			layout_box *b = layout_page_box(c, pg);
			if (b)
				*b = c->band[i];
		}
		for (size_t i = 0; i < c->npanel; i++) {
			layout_box *b = layout_page_box(c, pg);
			if (b)
				*b = c->panel[i];
		}
		for (size_t i = 0; i < c->nann; i++) {
			layout_box *b = layout_page_box(c, pg);
			if (b)
				*b = c->ann[i];
		}
		int top = c->cy0;
		if (k > 0 && header) {
			one_line(c, pg, header, c->small_px, POSTING_BOLD, c->th->muted, c->cx0,
			         top, c->cx1 - c->cx0, c->mirror);
			top += hh;
		}
		int y = 0;
		for (size_t i = pr[k].a; i < pr[k].b; i++) {
			if (i > pr[k].a)
				y += c->fl[i].gap;
			for (size_t j = 0; j < c->fl[i].nb; j++) {
				layout_box *b = layout_page_box(c, pg);
				if (!b)
					break;
				*b = c->fb[c->fl[i].b0 + j];
				b->y += top + y;
			}
			y += c->fl[i].h;
		}
		int num_w = 0;
		if (np > 1) {
			char num[48];
			text_word_page(c->lang, k + 1, np, num, sizeof num);
			num_w = layout_text_w(c, num, strlen(num), c->small_px, 0);
			one_line(c, pg, num, c->small_px, 0, c->th->muted, c->cx0, c->foot_y,
			         c->cx1 - c->cx0, !c->mirror);
		}
		/* The last page shown of a cut posting says where the rest is,
		 * on the footer line, at the start side (the number at the end). */
		if (cut && k + 1 == np) {
			int room =
			    c->cx1 - c->cx0 - (num_w ? num_w + layout_pm(c->small_px, 1500) : 0);
			const char *note = text_word_get(c->lang, TEXT_W_LONGER);
			if (room > c->small_px)
				one_line(c, pg, note, c->small_px, POSTING_ITALIC, c->th->muted,
				         c->mirror ? c->cx1 - room : c->cx0, c->foot_y, room,
				         c->mirror);
		}
	}
	free(pr);
	return c->status;
}

static void doc_reset(layout_doc *d)
{
	for (size_t i = 0; i < d->npages; i++)
		free(d->pages[i].boxes);
	free(d->pages);
	if (d->qr) {
		qr_code_free(d->qr);
		free(d->qr);
	}
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

/* The header band along the top of the safe area: logo at the left, the
 * header text after it, the clock's slot at the right, a hairline under
 * it. The body area (sy0) starts below. The same for every body size, so
 * the band does not move between postings. */
static void build_band(layout_ctx *c)
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
	int th = layout_line_h(c, px);
	int band = layout_pm(c->S, 62) > th ? layout_pm(c->S, 62) : th;
	int x = c->sx0, right = c->sx1, y = c->sy0;
	int gap = layout_pm(c->S, 25);
	if (lp->clock) {
		/* Wide enough for any time: digits differ in width. */
		int cw = 0;
		for (char d = '0'; d <= '9'; d++) {
			char t[6] = {d, d, ':', d, d, 0};
			int w = layout_text_w(c, t, 5, px, 0);
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
	if (head && *head && right - x > px)
		c->nband +=
		    layout_fit_line(c, &c->band[c->nband], JK_ARRAY_LEN(c->band) - c->nband - 1,
		                    head, px, POSTING_BOLD, layout_mix(c->th->bg, c->th->muted, 85),
		                    x, y + (band - th) / 2, right - x, false);
	free(head);
	int hair = layout_pm(c->S, 2) > 1 ? layout_pm(c->S, 2) : 1;
	int below = layout_pm(c->S, 22);
	c->band[c->nband++] = (layout_box){.kind = LAYOUT_RULE,
	                                   .x = c->sx0,
	                                   .y = y + band + below,
	                                   .w = c->sx1 - c->sx0,
	                                   .h = hair,
	                                   .color = layout_mix(c->th->bg, c->th->muted, 30)};
	c->sy0 = y + band + below + hair + layout_pm(c->S, 40);
}

/* What one entry point lays out, the same at every body size. */
typedef struct layout_job {
	const layout_params *lp;
	const char *apply;       /* the apply target, NULL: no card */
	const qr_code *qr;       /* its code, NULL: none (not encodable) */
	const char *header;      /* continuation header of pages 2 on, NULL: none */
	const char *lang;        /* the language of the kiosk's words */
	const char *text_lang;   /* the text's own language, NULL: none */
	bool mirror;             /* right-to-left title: the card on the left */
	text_word caption;       /* the card's words over the target */
	layout_booth_arg *booth; /* a booth page: arg, cut until one page holds it */
	int built_px;            /* out holds a build at this size already (0: none),
	                          * the smallest the size search tries */
	text_ctx *tx;
	layout_flow_fn fn;
	const void *arg;
} layout_job;

/* One complete layout at body size px into d. */
static int build(const layout_job *j, int px, layout_doc *d)
{
	const layout_params *lp = j->lp;
	doc_reset(d);
	layout_ctx c = {.lp = lp,
	                .th = lp->theme,
	                .doc = d,
	                .lang = j->lang,
	                .text_lang = j->text_lang,
	                .tx = j->tx,
	                .rtl = text_lang_rtl(j->text_lang) || j->mirror,
	                .mirror = j->mirror,
	                .caption = j->caption,
	                .big_code = j->booth != NULL};
	d->w = lp->w;
	d->h = lp->h;
	d->body_px = px;
	c.S = layout_short_side(lp->w, lp->h);
	layout_safe_area(lp->w, lp->h, &c.sx0, &c.sy0, &c.sx1, &c.sy1);
	c.body = px;
	c.title_px = layout_pm(px, 1500);
	c.head_px = layout_pm(px, 1150);
	c.small_px = layout_pm(c.S, 26);
	build_band(&c);
	d->body_y0 = c.sy0;
	if (!c.status)
		layout_announce_band(&c);
	layout_build_panel(&c, j->apply, j->qr);
	if (!c.status)
		j->fn(&c, j->arg);
	if (!c.status)
		emit_pages(&c, j->header);
	layout_ctx_release(&c);
	return c.status;
}

/* The size search's probes measure nothing new: each run is measured as
 * the exact build at the floor size measured it (the title at that
 * build's title size, the body at its body size), and scaled. Shaping is
 * most of a build, and a probe only asks how many pages a size gives. The
 * size chosen is then built exactly. */
#define PROBE_SIZES 16
typedef struct probe_measure {
	layout_measurer exact;
	int ref;  /* the floor size, the exact build's body size */
	int body; /* the body size of the probe being built */
	int seen[PROBE_SIZES];
	int nseen; /* the sizes the exact build measured at */
} probe_measure;

static void probe_saw(probe_measure *p, int px)
{
	for (int i = 0; i < p->nseen; i++)
		if (p->seen[i] == px)
			return;
	if (p->nseen < PROBE_SIZES)
		p->seen[p->nseen++] = px;
}

/* The size the exact build measured what a probe asks for at px: the
 * one seen nearest px scaled to the floor size (within a pixel), else px
 * itself when seen (a size that does not follow the body), else px
 * scaled; the floor size when nothing was recorded. */
static int probe_size(const probe_measure *p, int px)
{
	if (!p->nseen)
		return p->ref; /* nothing recorded (a booth page's build) */
	int want = (int)(((long long)px * p->ref + p->body / 2) / p->body);
	int best = 0;
	for (int i = 0; i < p->nseen; i++) {
		int d = abs(p->seen[i] - want);
		if (d <= 1 && (!best || d < abs(best - want)))
			best = p->seen[i];
	}
	for (int i = 0; !best && i < p->nseen; i++)
		if (p->seen[i] == px)
			best = px;
	return best ? best : want > 0 ? want : px;
}

static int record_width(void *ud, const char *s, size_t n, int px, unsigned style)
{
	probe_measure *p = ud;
	probe_saw(p, px);
	return p->exact.width(p->exact.ud, s, n, px, style);
}

static int record_height(void *ud, int px)
{
	probe_measure *p = ud;
	probe_saw(p, px);
	return p->exact.height(p->exact.ud, px);
}

static int scaled(int v, int px, int at)
{
	return v <= 0 || at <= 0 ? v : (int)(((long long)v * px + at / 2) / at);
}

static int probe_width(void *ud, const char *s, size_t n, int px, unsigned style)
{
	const probe_measure *p = ud;
	int at = probe_size(p, px);
	return scaled(p->exact.width(p->exact.ud, s, n, at, style), px, at);
}

static int probe_height(void *ud, int px)
{
	const probe_measure *p = ud;
	int at = probe_size(p, px);
	return scaled(p->exact.height(p->exact.ud, at), px, at);
}

/* The largest size in [a, b] whose build gives at most pages pages, by
 * binary search (pages grow with the size); 0 when none does. The best
 * build is left in best when exact (its size in *best_px). */
static int largest_fitting(const layout_job *j, probe_measure *pm, int a, int b, size_t pages,
                           layout_doc *best, int *best_px)
{
	layout_doc t = {0};
	int found = 0, r = 0;
	while (a <= b) {
		int mid = (a + b) / 2;
		if (pm)
			pm->body = mid;
		r = build(j, mid, &t);
		if (r)
			break;
		if (t.npages <= pages) {
			found = mid;
			if (best) { /* keep it rather than build it again */
				layout_doc k = *best;
				*best = t;
				t = k;
				*best_px = mid;
			}
			a = mid + 1;
		} else {
			b = mid - 1;
		}
	}
	doc_reset(&t);
	return r ? -r : found;
}

/* The largest body size that gives the fewest pages, laid out into out:
 * the fewest pages from an exact build at the floor size, the largest
 * size giving them from probes, then that size built exactly. A probe
 * that was too hopeful costs an exact search below it: the result is
 * always an exact build, checked, never the probes' word. */
static int search_sizes(const layout_job *j, layout_doc *out)
{
	const layout_params *lp = j->lp;
	int lo = j->built_px ? j->built_px : layout_body_floor(lp->w, lp->h);
	int hi = layout_pm(layout_short_side(lp->w, lp->h), 55);
	probe_measure pm = {.exact = lp->measure, .ref = lo, .body = lo};
	layout_params plp = *lp;
	layout_job pj = *j;
	pj.lp = &plp;
	int r = 0;
	if (!j->built_px) { /* the sizes it measures at are recorded */
		plp.measure =
		    (layout_measurer){.width = record_width, .height = record_height, .ud = &pm};
		r = build(&pj, lo, out);
	}
	if (r || lo >= hi)
		return r;
	size_t best_pages = out->npages;
	plp.measure = (layout_measurer){.width = probe_width, .height = probe_height, .ud = &pm};
	int guess = largest_fitting(&pj, &pm, lo + 1, hi, best_pages, NULL, NULL);
	if (guess < 0)
		return -guess;
	int px = lo;
	if (guess > lo) {
		layout_doc t = {0};
		r = build(j, guess, &t);
		if (!r && t.npages <= best_pages) {
			layout_doc k = *out;
			*out = t;
			t = k;
			px = guess;
		}
		doc_reset(&t);
		if (r)
			return r;
	}
	/* Too hopeful: the exact search below the guess. */
	if (px == lo && guess > lo + 1) {
		int got = largest_fitting(j, NULL, lo + 1, guess - 1, best_pages, out, &px);
		if (got < 0)
			return -got;
	}
	return 0;
}

/* A booth page shows what one page holds: the lead's two sentences and
 * five items, then fewer, then a shorter title.
 * Leaves j->booth at the first that fits (the last when none does). */
static int booth_fit(layout_job *j, layout_doc *out)
{
	static const struct {
		unsigned char sentences, items;
		unsigned short title_max;
	} steps[] = {{2, 5, 0}, {2, 4, 0}, {2, 3, 0}, {1, 3, 0},   {1, 2, 0},
	             {1, 1, 0}, {1, 0, 0}, {0, 0, 0}, {0, 0, 160}, {0, 0, 60}};
	/* Fewer highlights at a size read from the aisle (4.2% of the
	 * shorter side, 45 px at 1080p) before more at the floor. */
	int lo = layout_body_floor(j->lp->w, j->lp->h);
	int glance = layout_pm(layout_short_side(j->lp->w, j->lp->h), 42);
	const int sizes[] = {glance > lo ? glance : lo, lo};
	for (size_t z = 0; z < JK_ARRAY_LEN(sizes); z++)
		for (size_t i = 0; i < JK_ARRAY_LEN(steps); i++) {
			/* At the glance size, keep at least the lead and two items
			 * (the title's cuts are for the floor). */
			if (z == 0 && (steps[i].title_max || steps[i].items < 2))
				continue;
			j->booth->sentences = steps[i].sentences;
			j->booth->items = steps[i].items;
			j->booth->title_max = steps[i].title_max;
			int r = build(j, sizes[z], out);
			if (!r && out->npages <= 1)
				j->built_px = sizes[z];
			if (r || out->npages <= 1)
				return r;
		}
	return 0;
}

/* Lays j out (j->lp, fn, arg, header, lang, mirror set; apply may be)
 * at the best body size into out. */
static int search(layout_job *j, layout_doc *out, jk_err *err)
{
	const layout_params *lp = j->lp;
	memset(out, 0, sizeof *out);
	if (!lp || !lp->theme || !lp->measure.width || !lp->measure.height || lp->w < 160 ||
	    lp->h < 160 || lp->w > 16384 || lp->h > 16384)
		return jk_fail(err, JK_EARG, "layout: screen %dx%d too small or no measurer",
		               lp ? lp->w : 0, lp ? lp->h : 0);
	/* Encoded once for every size tried; a target that does not fit a
	 * code gets no card. */
	qr_code *q = NULL;
	if (j->apply) {
		q = calloc(1, sizeof *q);
		if (!q)
			return jk_fail(err, JK_ENOMEM, "layout: out of memory");
		if (qr_encode(j->apply, q, NULL) != 0) {
			free(q);
			q = NULL;
		}
	}
	j->qr = q;
	int r = text_ctx_open(&j->tx);
	if (!r && j->booth)
		r = booth_fit(j, out);
	if (!r)
		r = search_sizes(j, out);
	text_ctx_free(j->tx);
	j->tx = NULL;
	out->qr = q; /* the QR box points to it; freed with the doc */
	if (!r && j->text_lang)
		snprintf(out->lang, sizeof out->lang, "%s", j->text_lang);
	if (r)
		return jk_fail(err, r, "layout: %s",
		               r == JK_ENOMEM ? "out of memory" : "text analysis failed");
	return 0;
}

int layout_posting(const posting *p, const layout_params *lp, layout_doc *out, jk_err *err)
{
	if (!p) {
		memset(out, 0, sizeof *out);
		return jk_fail(err, JK_EARG, "layout: no posting");
	}
	const char *lang = layout_lang(lp, p);
	const char *title = p->title ? p->title : text_word_get(lang, TEXT_W_OPEN_POSITION);
	layout_booth_arg ba = {.p = p};
	bool booth = lp && lp->style == LAYOUT_BOOTH;
	layout_job j = {.lp = lp,
	                .apply = p->qr_link ? p->qr_link : p->apply,
	                .header = booth ? NULL : title,
	                .fn = booth ? layout_flow_booth : layout_flow_posting,
	                .arg = booth ? (const void *)&ba : p,
	                .booth = booth ? &ba : NULL,
	                .caption = TEXT_W_SCAN_TO_APPLY,
	                .lang = lang,
	                .text_lang = layout_lang_of(p),
	                .mirror = text_base_dir(title, strlen(title)) == TEXT_DIR_RTL};
	int r = search(&j, out, err);
	/* What no step made fit (a title of thousands of words) is cut at
	 * the page's end: a booth shows one page. */
	if (!r && booth && out->npages > 1) {
		for (size_t i = 1; i < out->npages; i++)
			free(out->pages[i].boxes);
		out->npages = 1;
	}
	return r;
}

int layout_overview(const posting *const *items, size_t n, const layout_params *lp, layout_doc *out,
                    jk_err *err)
{
	layout_overview_arg a = {items, n};
	const char *lang = layout_lang(lp, NULL);
	bool booth = lp && lp->style == LAYOUT_BOOTH;
	const char *careers = lp && lp->careers_url && *lp->careers_url ? lp->careers_url : NULL;
	layout_job j = {.lp = lp,
	                .apply = careers,
	                .caption = TEXT_W_ALL_OPENINGS,
	                .header = text_word_get(lang, TEXT_W_OPEN_POSITIONS),
	                .fn = booth ? layout_flow_grid : layout_flow_overview,
	                .arg = &a,
	                .lang = lang};
	/* A heading in a right-to-left language mirrors the page; each
	 * posting's line keeps its own direction. */
	j.mirror = text_base_dir(j.header, strlen(j.header)) == TEXT_DIR_RTL;
	return search(&j, out, err);
}

/* Centres page 0's body (below the header band, above the announcement
 * band) in the room between them: a calm page, not a document. */
static void centre_body(layout_doc *out, const layout_params *lp)
{
	layout_page *pg = &out->pages[0];
	int x0, y0, x1, y1, top = INT32_MAX, bot = 0;
	layout_safe_area(lp->w, lp->h, &x0, &y0, &x1, &y1);
	y0 = out->body_y0;
	if (out->announce_y)
		y1 = out->announce_y - layout_pm(layout_short_side(lp->w, lp->h), 25);
	for (size_t i = 0; i < pg->n; i++) {
		if (pg->boxes[i].y < y0 || pg->boxes[i].y >= y1)
			continue; /* the bands stay */
		if (pg->boxes[i].y < top)
			top = pg->boxes[i].y;
		if (pg->boxes[i].y + pg->boxes[i].h > bot)
			bot = pg->boxes[i].y + pg->boxes[i].h;
	}
	int dy = (y0 + y1) / 2 - (top + bot) / 2;
	if (pg->n && top < bot && dy > 0 && bot + dy <= y1)
		for (size_t i = 0; i < pg->n; i++)
			if (pg->boxes[i].y >= y0 && pg->boxes[i].y < y1)
				pg->boxes[i].y += dy;
}

int layout_message(const char *headline, const char *line, const char *note,
                   const layout_params *lp, layout_doc *out, jk_err *err)
{
	layout_message_arg a = {headline && *headline ? headline : " ", line, note};
	layout_job j = {.lp = lp,
	                .fn = layout_flow_message,
	                .arg = &a,
	                .lang = layout_lang(lp, NULL),
	                .mirror = text_base_dir(a.headline, strlen(a.headline)) == TEXT_DIR_RTL};
	int r = search(&j, out, err);
	if (!r && out->npages)
		centre_body(out, lp);
	return r;
}

int layout_announce_page(const char *text, const layout_params *lp, layout_doc *out, jk_err *err)
{
	if (!lp) {
		memset(out, 0, sizeof *out);
		return jk_fail(err, JK_EARG, "layout: no parameters");
	}
	char *t = jk_text_clean(text, (size_t)-1);
	if (!t) {
		memset(out, 0, sizeof *out);
		return jk_fail(err, JK_ENOMEM, "layout: out of memory");
	}
	layout_params p = *lp;
	p.announce = NULL; /* the page is the announcement */
	layout_job j = {.lp = &p,
	                .fn = layout_flow_announce,
	                .arg = *t ? t : " ",
	                .lang = layout_lang(&p, NULL),
	                .text_lang = NULL};
	int r = search(&j, out, err);
	free(t);
	if (r || !out->npages)
		return r;
	/* One page: the largest size that held it on one; the rest cut. */
	for (size_t i = 1; i < out->npages; i++)
		free(out->pages[i].boxes);
	out->npages = 1;
	centre_body(out, &p);
	return 0;
}
