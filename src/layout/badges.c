/* badges.c — the badges of a posting's slides ("New", "Apply by 12 Jan",
 * "Closes today"): which ones the dates give on the local date of the
 * wall clock, and the pills that show them under the meta line. */
#include "internal.h"

#include "text.h"

#include <stdio.h>
#include <string.h>

/* The local date of now as a day number; false when it cannot be had. */
static bool local_day(time_t now, long *day)
{
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return false;
	*day = posting_days((long)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return true;
}

static void put_word(layout_badge *b, layout_badge_kind kind, const char *lang, text_word w)
{
	b->kind = kind;
	snprintf(b->text, sizeof b->text, "%s", text_word_get(lang, w));
}

size_t layout_badges(const posting *p, const char *lang, time_t now, bool trusted,
                     layout_badge out[LAYOUT_BADGES_MAX])
{
	long today, d;
	int ymd[3];
	size_t n = 0;
	if (!p || !trusted || now == 0 || !local_day(now, &today))
		return 0;
	if (posting_date_parse(p->posted, &d, NULL) && d <= today && today - d < 7)
		put_word(&out[n++], LAYOUT_BADGE_NEW, lang, TEXT_W_NEW);
	if (!posting_date_parse(p->expires, &d, ymd) || d < today || d - today > 21)
		return n;
	if (d == today) {
		put_word(&out[n++], LAYOUT_BADGE_CLOSES_TODAY, lang, TEXT_W_CLOSES_TODAY);
		return n;
	}
	char date[64];
	if (!text_date_short(lang, ymd[0], ymd[1], ymd[2], date, sizeof date))
		return n;
	out[n].kind = LAYOUT_BADGE_APPLY_BY;
	text_word_apply_by(lang, date, out[n].text, sizeof out[n].text);
	return n + 1;
}

/* Fill and text colour of a pill: the urgent ones (new, last day) in the
 * accent with the page's background on it, the date in a quiet chip. */
static void pill_colors(const layout_theme *th, layout_badge_kind k, uint32_t *fill, uint32_t *ink)
{
	if (k == LAYOUT_BADGE_APPLY_BY) {
		*fill = layout_mix(th->bg, th->fg, 16);
		*ink = th->fg;
	} else {
		*fill = th->accent;
		*ink = th->bg;
	}
}

void layout_flow_badges(layout_ctx *c, const posting *p)
{
	/* A little smaller than the body, never under the floor. */
	int px = layout_pm(c->body, 850), least = layout_body_floor(c->lp->w, c->lp->h);
	px = px > least ? px : least;
	int gap = layout_pm(c->body, 500);
	layout_badge b[LAYOUT_BADGES_MAX];
	size_t n = layout_badges(p, c->lang, c->lp->now, c->lp->clock_trusted, b);
	if (!n)
		return;
	bool rtl = c->mirror || text_lang_rtl(c->lang);
	int padx = layout_pm(px, 550), pady = layout_pm(px, 200), space = layout_pm(px, 450);
	int th = layout_line_h(c, px), h = th + 2 * pady;
	int col = c->cx1 - c->cx0;
	/* Each pill's text as boxes, measured, before any line is pushed:
	 * layout_line_runs borrows the flow's box array. */
	layout_box runs[LAYOUT_BADGES_MAX][8];
	size_t nr[LAYOUT_BADGES_MAX];
	int w[LAYOUT_BADGES_MAX];
	for (size_t i = 0; i < n; i++) {
		uint32_t fill, ink;
		pill_colors(c->th, b[i].kind, &fill, &ink);
		if (layout_line_runs(c, b[i].text, strlen(b[i].text), px, POSTING_BOLD, ink, 0, 0,
		                     false, pady, runs[i], JK_ARRAY_LEN(runs[i]), &nr[i]))
			return;
		w[i] = 2 * padx;
		for (size_t k = 0; k < nr[i]; k++)
			w[i] += runs[i][k].w;
	}
	layout_line *l = NULL;
	int x = 0; /* from the start edge */
	for (size_t i = 0; i < n && !c->status; i++) {
		if (!nr[i] || w[i] > col)
			continue; /* a pill wider than the column is left out */
		if (!l || x + space + w[i] > col) {
			l = layout_push_line(c, h, l ? layout_pm(px, 300) : gap, true);
			if (!l)
				return;
			x = 0;
		} else {
			x += space;
		}
		int x0 = rtl ? c->cx1 - x - w[i] : c->cx0 + x;
		layout_box *pb = layout_line_box(c, l);
		if (!pb)
			return;
		uint32_t ink;
		*pb = (layout_box){.kind = LAYOUT_PANEL, .x = x0, .y = 0, .w = w[i], .h = h};
		pill_colors(c->th, b[i].kind, &pb->color, &ink);
		int tx = x0 + padx;
		for (size_t k = 0; k < nr[i]; k++) {
			layout_box *tb = layout_line_box(c, l);
			if (!tb)
				return;
			*tb = runs[i][k];
			tb->x = tx;
			tx += tb->w;
		}
		x += w[i];
	}
}
