/* announce.c — the control server's announcements: the info band every
 * page keeps free at its bottom, and the urgent page's flow. The band is
 * part of the page (the body area ends above it), so it can never cover
 * what the page says. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Boxes of one band line, text fitted to maxw ("…" when cut), appended to
 * c->ann. */
static void band_line(layout_ctx *c, const char *s, size_t n, int px, uint32_t color, int x, int y,
                      int maxw, bool right)
{
	char *t = jk_strndup(s, n);
	if (!t) {
		c->status = JK_ENOMEM;
		return;
	}
	c->nann += layout_fit_line(c, &c->ann[c->nann], JK_ARRAY_LEN(c->ann) - c->nann, t, px,
	                           POSTING_BOLD, color, x, y, maxw, right);
	free(t);
}

void layout_announce_band(layout_ctx *c)
{
	const layout_params *lp = c->lp;
	c->nann = 0;
	if (!lp->announce || !*lp->announce)
		return;
	char *t = jk_text_clean(lp->announce, (size_t)-1);
	if (!t) {
		c->status = JK_ENOMEM;
		return;
	}
	size_t len = strlen(t);
	/* Read from three metres: well above the body floor (49 px at 1080p). */
	int px = layout_pm(c->S, 45), pad = layout_pm(c->S, 14);
	int lh = layout_line_h(c, px), w = c->sx1 - c->sx0, maxw = w - 4 * pad;
	if (!len || lh <= 0 || maxw < px) {
		free(t);
		return;
	}
	/* A second line where the text needs it and the screen has room: the
	 * band takes at most a quarter of the safe area's height. */
	size_t e = layout_first_line(c, t, len, px, POSTING_BOLD, maxw);
	size_t rest = text_skip_spaces(t, len, e);
	int lines = rest < len && 2 * pad + 2 * lh <= (c->sy1 - c->sy0) / 4 ? 2 : 1;
	int bh = 2 * pad + lines * lh;
	int y = c->sy1 - bh;
	bool right = text_base_dir(t, len) == TEXT_DIR_RTL;
	c->ann[c->nann++] = (layout_box){
	    .kind = LAYOUT_PANEL, .x = c->sx0, .y = y, .w = w, .h = bh, .color = c->th->accent};
	/* The page's background colour on the accent: the theme's own
	 * contrast pair, dark on amber or light on burnt orange. */
	uint32_t fg = c->th->bg;
	int x = c->sx0 + 2 * pad;
	if (lines == 1) {
		band_line(c, t, len, px, fg, x, y + pad, maxw, right);
	} else {
		band_line(c, t, text_trim_end(t, 0, e), px, fg, x, y + pad, maxw, right);
		band_line(c, t + rest, len - rest, px, fg, x, y + pad + lh, maxw, right);
	}
	free(t);
	c->doc->announce_y = y;
	c->sy1 = y - layout_pm(c->S, 25);
}

void layout_flow_announce(layout_ctx *c, const void *arg)
{
	const char *text = arg;
	int px = layout_pm(c->body, 1800);
	int rule = layout_pm(c->S, 12) > 2 ? layout_pm(c->S, 12) : 2;
	int rw = layout_pm(c->cx1 - c->cx0, 250);
	layout_add_rule(c, 0, rule, rw);
	/* The rule centred over the text. */
	if (c->nfb)
		c->fb[c->nfb - 1].x = c->cx0 + (c->cx1 - c->cx0 - rw) / 2;
	layout_flow_plain(c, text, px, POSTING_BOLD, c->th->fg, c->cx0, c->cx1, layout_pm(px, 600),
	                  false, LAYOUT_CENTER, 1250);
}
