/* internal.h — what the layout module's files share and nothing outside
 * the module sees: the state of one layout run (layout_ctx) and the steps
 * the files give each other. Calls go one way: pages.c -> content.c and
 * panel.c -> flow.c -> text.c and para.c (the text module: line ends,
 * ICU's analysis), with words.c, date.c and script.c (the kiosk's words,
 * dates, a text's language) beside them; badges.c is a step content.c
 * (and any style of page) calls, with flow.c under it; check.c, theme.c, the text module's files
 * and qr.c call no other file of the module. */
#ifndef LAYOUT_INTERNAL_H
#define LAYOUT_INTERNAL_H

#include "layout.h"
#include "text.h"

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

/* One line of the flow. */
typedef struct layout_line {
	size_t b0, nb;  /* boxes in ctx.fb */
	int h;          /* advance */
	int gap;        /* space before, dropped at the top of a page */
	int group;      /* block number: widow/orphan control works per group */
	bool keep_next; /* never the last line on a page (headings, title) */
} layout_line;

/* A run of one line: bytes [a, b) of its text. */
typedef struct layout_seg {
	size_t a, b;
} layout_seg;

/* One layout at one body size. */
typedef struct layout_ctx {
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
	layout_line *fl;
	size_t nfl, cfl;
	layout_box *panel; /* apply card boxes, absolute */
	size_t npanel, cpanel;
	layout_box band[16]; /* header band: logo, text runs, rule (every page) */
	size_t nband;
	layout_box ann[48]; /* announcement band: panel, text runs (every page) */
	size_t nann;
	int group;
	const char *lang;      /* the language of the kiosk's words (text_word_get) */
	const char *text_lang; /* the text's own language (break rules), NULL: none */
	text_ctx *tx;          /* ICU's objects, reused for every paragraph */
	bool rtl;              /* the text's language is written right to left: the
	                        * direction of paragraphs with no strong letter */
	bool mirror;           /* the title is right to left: card on the left */
	text_word caption;     /* the card's words over the target (not mailto) */
	bool big_code;         /* a booth page's code: read from the aisle */
	layout_seg *seg;       /* one line's runs, their levels, their order */
	unsigned char *levels;
	int *order;
	size_t cseg;
	long flowed; /* total flow height, for the cap */
	bool full;   /* cap reached: stop flowing */
	int status;
} layout_ctx;

/* How a run of text is drawn: size, colours, a style per byte. */
typedef struct layout_tstyle {
	int px;
	uint32_t color, bold_color;
	const unsigned char *styles; /* per byte, or NULL: all base */
	unsigned base;
} layout_tstyle;

/* LAYOUT_LEFT is the paragraph's start: the right edge for a right-to-left
 * one. LAYOUT_LTR (or'ed in) fixes the direction left to right, for text
 * such as an address that must read the same in any posting. */
typedef enum layout_align {
	LAYOUT_LEFT = 0,
	LAYOUT_CENTER = 1,
	LAYOUT_RIGHT = 2, /* the right edge whatever the direction */
	LAYOUT_LTR = 4
} layout_align;

/* What to flow into the text column; arg is the entry point's. */
typedef void (*layout_flow_fn)(layout_ctx *c, const void *arg);

static inline int layout_short_side(int w, int h)
{
	return w < h ? w : h;
}

/* v * permille / 1000, rounded. */
static inline int layout_pm(int v, int permille)
{
	return (v * permille + 500) / 1000;
}

/* ---- flow.c: arena, boxes, measuring, flowing text into lines ---------- */

/* Frees the work arrays of one layout run (flow, panel, a line's runs);
 * the doc and tx stay. */
void layout_ctx_release(layout_ctx *c);

/* s[0,n) copied into the doc's arena, NUL-terminated; "" with c->status
 * set on OOM. */
const char *layout_arena_copy(layout_ctx *c, const char *s, size_t n);
/* A zeroed box appended to *v; NULL with c->status set on OOM. */
layout_box *layout_push_box(layout_ctx *c, layout_box **v, size_t *n, size_t *cap);
layout_box *layout_page_box(layout_ctx *c, layout_page *pg);
/* The measurer's line height and width, never negative. */
int layout_line_h(layout_ctx *c, int px);
int layout_text_w(layout_ctx *c, const char *s, size_t n, int px, unsigned style);
/* Lines t would take at maxw, counting no further than cap. */
size_t layout_count_lines(layout_ctx *c, const char *t, size_t len, const layout_tstyle *ts,
                          int maxw, size_t cap);
/* s (borrowed) in one style broken into lines between x0 and x1 and
 * appended to the flow, the first after gap. Returns the number of lines. */
size_t layout_flow_plain(layout_ctx *c, const char *s, int px, unsigned style, uint32_t color,
                         int x0, int x1, int gap, bool keep_next, layout_align al, int leading);
/* s[0,n) (borrowed) as one line of boxes in visual order from x0 (or
 * ending at x1 when right), at y, into out[0,cap); *nout boxes. The text
 * is copied into the doc's arena. Returns c->status. */
int layout_line_runs(layout_ctx *c, const char *s, size_t n, int px, unsigned style, uint32_t color,
                     int x0, int x1, bool right, int y, layout_box *out, size_t cap, size_t *nout);
/* A line of height h appended to the flow, gap before it; NULL with
 * c->status set on OOM. Boxes go on it with layout_line_box (y relative to
 * the line), and only until the next line is pushed. */
layout_line *layout_push_line(layout_ctx *c, int h, int gap, bool keep_next);
layout_box *layout_line_box(layout_ctx *c, layout_line *l);
/* s (borrowed) fitted to maxw on one line from x (ending at x + maxw when
 * right), cut with "…" if needed, as boxes in out[0,cap) in visual order
 * (text in the arena); returns how many, 0 when not even "…" fits. */
size_t layout_fit_line(layout_ctx *c, layout_box *out, size_t cap, const char *s, int px,
                       unsigned style, uint32_t color, int x, int y, int maxw, bool right);
/* The end (a byte offset) of the first line of t[0,len) broken at maxw
 * in one style, as the flow would break it; len when it all fits. */
size_t layout_first_line(layout_ctx *c, const char *t, size_t len, int px, unsigned style,
                         int maxw);
/* A block (paragraph or list item with its marker) as a group of lines. */
void layout_flow_block(layout_ctx *c, const posting_block *bk, int gap, uint32_t color,
                       uint32_t bold_color);
/* An accent rule of w x h at the column's start (the right edge of a
 * mirrored page), as a line of its own. */
void layout_add_rule(layout_ctx *c, int gap_before, int h, int w);
/* The short accent rule under a page's title and meta line. */
void layout_add_title_rule(layout_ctx *c);

/* ---- panel.c: the apply card ------------------------------------------- */

/* Fixes the text column and, when q (borrowed; NULL: none) is the code of
 * apply, lays out the card (QR + caption) beside or under it; the QR box
 * points to q. */
void layout_build_panel(layout_ctx *c, const char *apply, const qr_code *q);

/* ---- badges.c: "New", "Apply by 12 Jan", "Closes today" ----------------- */

/* p's badges (layout_badges, from c->lp's now and clock_trusted, in
 * c->lang) as pills on a line of the flow under the meta line, text a
 * little smaller than the body on a filled panel, from the column's start
 * (its right edge when the words or the page are right to left); pills
 * that do not fit the line go on the next. Nothing when there are none. */
void layout_flow_badges(layout_ctx *c, const posting *p);

/* ---- content.c: what a page says --------------------------------------- */

typedef struct layout_overview_arg {
	const posting *const *items;
	size_t n;
} layout_overview_arg;

typedef struct layout_message_arg {
	const char *headline, *line, *note;
} layout_message_arg;

/* The meta line, organisation · location · employment · pay, at the body
 * size, broken only between items. */
void layout_flow_meta(layout_ctx *c, const posting *p);
/* The overview's heading and its count of n roles. */
void layout_flow_overview_head(layout_ctx *c, size_t n);

/* arg: a posting, a layout_overview_arg, a layout_message_arg. */
void layout_flow_posting(layout_ctx *c, const void *arg);
void layout_flow_overview(layout_ctx *c, const void *arg);
void layout_flow_message(layout_ctx *c, const void *arg);

/* ---- announce.c: the control server's announcements ------------------- */

/* lp->announce as a band along the bottom of the safe area into c->ann,
 * the safe area's bottom (sy1) moved above it. Nothing when none. */
void layout_announce_band(layout_ctx *c);
/* arg: the text (a cleaned string): the urgent page's flow. */
void layout_flow_announce(layout_ctx *c, const void *arg);

/* ---- booth.c: the booth style ------------------------------------------ */

/* How much of a posting its booth page shows: the lead's sentences and
 * the highlighted items; fewer of both until the page holds it. */
typedef struct layout_booth_arg {
	const posting *p;
	size_t sentences, items;
	size_t title_max; /* bytes of the title shown (0: all) */
} layout_booth_arg;

/* arg: a layout_booth_arg; a layout_overview_arg (the grid of titles). */
void layout_flow_booth(layout_ctx *c, const void *arg);
void layout_flow_grid(layout_ctx *c, const void *arg);

#endif
