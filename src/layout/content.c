/* content.c — what each kind of page says, in order: a posting (title,
 * meta line, badges, rule, sections), the overview of every position, a message.
 * The text is flowed into the column (flow.c); pages.c cuts it into pages. */
#include "internal.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* The meta line: organisation · location · employment · pay, broken only
 * between items (the separator dropped at the break) so no line starts with
 * "·"; an item wider than the column wraps on lines of its own. */
void layout_flow_meta(layout_ctx *c, const posting *p)
{
	static const char sep[] = "  ·  ";
	const char *f[] = {p->organization, p->location, p->employment, p->pay};
	const uint32_t color = c->th->muted;
	int maxw = c->cx1 - c->cx0;
	int gap = layout_pm(c->body, 350);
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
			if (layout_text_w(c, line.data, line.len, c->body, 0) <= maxw)
				continue;
			line.data[keep] = '\0';
			if (layout_flow_plain(c, line.data, c->body, 0, color, c->cx0, c->cx1, gap,
			                      true, LAYOUT_LEFT, 1350))
				gap = 0;
			line.len = 0;
		}
		if (layout_text_w(c, f[i], n, c->body, 0) <= maxw) {
			if (jk_buf_append(&line, f[i], n))
				c->status = JK_ENOMEM;
		} else if (layout_flow_plain(c, f[i], c->body, 0, color, c->cx0, c->cx1, gap, true,
		                             LAYOUT_LEFT, 1350)) {
			gap = 0;
		}
	}
	if (line.len && !c->status)
		layout_flow_plain(c, line.data, c->body, 0, color, c->cx0, c->cx1, gap, true,
		                  LAYOUT_LEFT, 1350);
	jk_buf_free(&line);
}

const char *layout_lang_of(const posting *p)
{
	if (!p)
		return NULL;
	if (p->language)
		return p->language;
	const char *g = p->title ? text_lang_guess(p->title, strlen(p->title)) : NULL;
	for (size_t s = 0; !g && s < p->nsections; s++)
		for (size_t b = 0; b < p->sections[s].nblocks; b++) {
			const posting_block *bk = &p->sections[s].blocks[b];
			if (bk->kind != POSTING_PARAGRAPH || !bk->len)
				continue;
			g = text_lang_guess(bk->text, bk->len);
			s = p->nsections - 1; /* the first paragraph only */
			break;
		}
	return g;
}

const char *layout_lang(const layout_params *lp, const posting *p)
{
	const char *l = lp && lp->language ? lp->language : layout_lang_of(p);
	return l ? l : "en";
}

/* Whether block b of sec is laid out: boilerplate stays off the slides
 * when lp says so. */
static bool block_shown(const layout_ctx *c, const posting_section *sec, size_t b)
{
	return !(c->lp->hide_boilerplate && sec->blocks[b].boilerplate);
}

/* The next block of sec shown from b on; sec->nblocks when none is. */
static size_t next_shown(const layout_ctx *c, const posting_section *sec, size_t b)
{
	while (b < sec->nblocks && !block_shown(c, sec, b))
		b++;
	return b;
}

void layout_flow_posting(layout_ctx *c, const void *arg)
{
	const posting *p = arg;
	const layout_theme *th = c->th;
	c->group = 0;
	const char *title = p->title ? p->title : text_word_get(c->lang, TEXT_W_OPEN_POSITION);
	layout_flow_plain(c, title, c->title_px, POSTING_BOLD, th->fg, c->cx0, c->cx1, 0, true,
	                  LAYOUT_LEFT, 1180);
	layout_flow_meta(c, p);
	layout_flow_badges(c, p);
	layout_add_title_rule(c);
	int gap = layout_pm(c->body, 900);
	for (size_t s = 0; s < p->nsections && !c->full; s++) {
		const posting_section *sec = &p->sections[s];
		size_t b = next_shown(c, sec, 0);
		if (b == sec->nblocks && sec->nblocks)
			continue; /* all of it hidden: its heading too */
		if (sec->heading) {
			c->group++;
			layout_flow_plain(
			    c, sec->heading, c->head_px, POSTING_BOLD, th->accent, c->cx0, c->cx1,
			    s == 0 && gap == layout_pm(c->body, 900) ? gap
			                                             : layout_pm(c->body, 1100),
			    true, LAYOUT_LEFT, 1300);
			gap = layout_pm(c->body, 250);
		}
		for (; b < sec->nblocks && !c->full; b = next_shown(c, sec, b + 1)) {
			const posting_block *bk = &sec->blocks[b];
			layout_flow_block(c, bk, gap, th->fg, th->fg);
			size_t nb = next_shown(c, sec, b + 1);
			bool list = bk->kind != POSTING_PARAGRAPH;
			bool next_list =
			    nb < sec->nblocks && sec->blocks[nb].kind != POSTING_PARAGRAPH;
			gap = list && next_list ? layout_pm(c->body, 300) : layout_pm(c->body, 600);
		}
	}
	if (c->full) {
		c->full = false;
		c->group++;
		layout_flow_plain(c, text_word_get(c->lang, TEXT_W_LONGER), c->body, POSTING_ITALIC,
		                  th->muted, c->cx0, c->cx1, layout_pm(c->body, 900), false,
		                  LAYOUT_LEFT, 1400);
	}
}

void layout_flow_overview_head(layout_ctx *c, size_t n)
{
	layout_flow_plain(c, text_word_get(c->lang, TEXT_W_OPEN_POSITIONS), c->title_px,
	                  POSTING_BOLD, c->th->fg, c->cx0, c->cx1, 0, true, LAYOUT_LEFT, 1180);
	char cnt[256];
	text_word_roles(c->lang, n, cnt, sizeof cnt);
	layout_flow_plain(c, cnt, c->body, 0, c->th->muted, c->cx0, c->cx1, layout_pm(c->body, 350),
	                  true, LAYOUT_LEFT, 1350);
}

void layout_flow_overview(layout_ctx *c, const void *arg)
{
	const layout_overview_arg *o = arg;
	const layout_theme *th = c->th;
	layout_flow_overview_head(c, o->n);
	layout_add_title_rule(c);
	for (size_t i = 0; i < o->n && !c->full && !c->status; i++) {
		const posting *p = o->items[i];
		if (!p)
			continue;
		posting_block bk = {.kind = POSTING_BULLET};
		/* Each posting's fallback in its own language. */
		const char *t = p->title
		                    ? p->title
		                    : text_word_get(layout_lang(c->lp, p), TEXT_W_OPEN_POSITION);
		posting_block_append(&bk, t, (size_t)-1, POSTING_BOLD);
		const char *rest[] = {p->organization, p->location};
		for (size_t k = 0; k < JK_ARRAY_LEN(rest); k++)
			if (rest[k]) {
				posting_block_append(&bk, " · ", (size_t)-1, 0);
				posting_block_append(&bk, rest[k], (size_t)-1, 0);
			}
		/* Title bold in the text colour, the rest muted. */
		layout_flow_block(c, &bk, i ? layout_pm(c->body, 450) : layout_pm(c->body, 900),
		                  th->muted, th->fg);
		posting_block_clear(&bk);
	}
}

void layout_flow_message(layout_ctx *c, const void *arg)
{
	const layout_message_arg *m = arg;
	const layout_theme *th = c->th;
	layout_flow_plain(c, m->headline, c->title_px, POSTING_BOLD, th->fg, c->cx0, c->cx1, 0,
	                  true, LAYOUT_LEFT, 1180);
	layout_add_title_rule(c);
	if (m->line && *m->line)
		layout_flow_plain(c, m->line, c->body, 0, th->fg, c->cx0, c->cx1,
		                  layout_pm(c->body, 900), false, LAYOUT_LEFT, 1350);
	if (m->note && *m->note)
		layout_flow_plain(c, m->note, c->small_px, 0, th->muted, c->cx0, c->cx1,
		                  layout_pm(c->body, 900), false, LAYOUT_LEFT, 1350);
}
