/* layout.h — posting + screen size + theme + a text measurer → pages of
 * positioned boxes. Pure C: no SDL, no I/O, no globals. The renderer draws
 * the boxes as they are; tests drive layout with real font metrics or a fake
 * measurer. Prefix layout_. */
#ifndef LAYOUT_H
#define LAYOUT_H

#include "posting.h"
#include "qr.h"

#include <time.h>

/* Measures text for layout. Both callbacks must be pure functions of their
 * arguments (the same text always measures the same) and must agree with how
 * the renderer draws: the renderer draws a text box's run in exactly the
 * width measured here. */
typedef struct layout_measurer {
	/* Width in pixels of n bytes of UTF-8 s drawn at px pixels in style
	 * (POSTING_BOLD | POSTING_ITALIC, and LAYOUT_RTL and LAYOUT_SCRIPT()
	 * to shape it as). s need not be NUL-terminated. */
	int (*width)(void *ud, const char *s, size_t n, int px, unsigned style);
	/* Height in pixels of one line box at px (ascent + descent). */
	int (*height)(void *ud, int px);
	void *ud;
} layout_measurer;

/* Colours are 0xRRGGBB. */
typedef struct layout_theme {
	uint32_t bg;      /* page background */
	uint32_t fg;      /* body text, title */
	uint32_t muted;   /* meta line, footer, continuation header */
	uint32_t accent;  /* headings, bullets, rule */
	uint32_t card;    /* apply panel background (light: the QR needs it) */
	uint32_t card_fg; /* text on the card; also the QR's dark modules */
	uint32_t card_muted;
} layout_theme;

/* Colour a mixed pct% (0-100) of the way towards b, per channel: the
 * quieter shades (hairlines, tracks) derived from a theme. */
uint32_t layout_mix(uint32_t a, uint32_t b, int pct);

/* The default calm dark theme with one amber accent. */
layout_theme layout_theme_default(void);
/* A light theme (dark text on warm white, a burnt-orange accent) for bright
 * halls. The card stays white so the QR keeps its contrast. */
layout_theme layout_theme_light(void);

typedef enum layout_box_kind {
	LAYOUT_TEXT,  /* one run of text in one style on one line */
	LAYOUT_RULE,  /* a filled rectangle (accent rule, bullet) */
	LAYOUT_PANEL, /* a background card; the only box others may lie on */
	LAYOUT_QR,    /* the apply code, quiet zone included in w and h */
	LAYOUT_IMAGE, /* the logo (layout_params.logo_w/h), scaled to w x h */
} layout_box_kind;

/* Bits of a text box's style beyond POSTING_BOLD | POSTING_ITALIC: the
 * run is right to left, and its script (text_para.script's code, 0 for
 * Latin and neutral text) for shaping. */
#define LAYOUT_RTL 0x4u
#define LAYOUT_SCRIPT(s) ((unsigned)(s) << 8)
#define LAYOUT_SCRIPT_OF(style) (((style) >> 8) & 0xFFu)

typedef struct layout_box {
	layout_box_kind kind;
	int x, y, w, h;
	uint32_t color;   /* text or fill colour; for LAYOUT_QR the dark colour */
	unsigned style;   /* LAYOUT_TEXT: POSTING_BOLD | POSTING_ITALIC |
	                   * LAYOUT_RTL | LAYOUT_SCRIPT(s) */
	int px;           /* LAYOUT_TEXT: font size in pixels */
	const char *text; /* TEXT: the run (not NUL-terminated); QR: the exact
	                   * apply target (NUL-terminated). Owned by the doc. */
	size_t len;
	int qr_scale;      /* LAYOUT_QR: pixels per module */
	int qr_modules;    /* LAYOUT_QR: modules per side without quiet zone */
	const qr_code *qr; /* LAYOUT_QR: the code to draw, borrowed from the
	                    * doc (layout_doc.qr): the same on every page */
} layout_box;

typedef struct layout_page {
	layout_box *boxes; /* owned by the doc */
	size_t n, cap;
} layout_page;

/* The pages of one posting (or of the overview). Owns everything it points
 * to; free with layout_doc_free(). */
typedef struct layout_doc {
	layout_page *pages;
	size_t npages;
	int body_px; /* the body size chosen */
	int w, h;    /* the logical screen the boxes are laid out for */
	int body_y0; /* top of the body area: below the header band if any */
	/* The language the text was laid out in ("": none stated): its line
	 * break rules here, its glyph forms (Japanese, Chinese) in render. */
	char lang[16];
	/* The clock's slot in the header band when layout_params.clock: a
	 * LAYOUT_TEXT box without text (len 0), the same on every page, wide
	 * enough for any HH:MM; w = 0 when there is none. layout_clock_box()
	 * makes the box to draw in it. */
	layout_box clock;
	/* The apply target's code, encoded once per layout_posting() call;
	 * NULL without a target. Owned: freed by layout_doc_free(). */
	qr_code *qr;
	/* Top of the announcement band (layout_params.announce), 0: none. */
	int announce_y;
	struct layout_chunk *chunks; /* private: text of the boxes (never moves) */
} layout_doc;

/* How much of a posting a page shows. */
typedef enum layout_style {
	LAYOUT_FULL = 0, /* every section, over as many pages as it takes */
	LAYOUT_BOOTH,    /* one page: title, meta, highlights, a big code */
} layout_style;

typedef struct layout_params {
	int w, h;                  /* logical screen (after rotation) */
	const layout_theme *theme; /* borrowed */
	layout_measurer measure;
	/* The header band along the top of every page, below the safe area's
	 * top edge; the body area shrinks by its height. All zero: no band. */
	const char *header; /* text, e.g. "Booth 12 · We're hiring"
	                     * (borrowed, cleaned, ellipsised to fit) */
	int logo_w, logo_h; /* the logo's size in pixels (0: none): a
	                     * LAYOUT_IMAGE box at the band's height */
	bool clock;         /* reserve layout_doc.clock in the band */
	/* The language of the kiosk's own words ("Scan to apply", the page
	 * counter, the overview's heading; a tag, borrowed): NULL is auto,
	 * each posting in its own (layout_lang); the overview and messages,
	 * which belong to no posting, are in English then. */
	const char *language;
	/* Leave out the blocks import marked boilerplate (posting_block), and
	 * the heading of a section they all are. */
	bool hide_boilerplate;
	/* At most this many pages of a posting that has a code to scan (0:
	 * every page); the last one shown then says the full posting is
	 * behind the code. */
	int max_pages;
	/* LAYOUT_FULL shows every posting whole; LAYOUT_BOOTH gives each one
	 * page read at a glance (layout_posting) and the overview as a grid
	 * of titles (layout_overview). */
	layout_style style;
	/* Where "all openings" are (an http(s) link, borrowed; NULL: none):
	 * the overview's code. */
	const char *careers_url;
	/* The wall time whose local date the badges count from ("New",
	 * "Apply by 12 Jan", "Closes today"), and whether that clock can be
	 * believed (deck_clock_trusted). 0 or false: no badges. */
	time_t now;
	bool clock_trusted;
	/* An announcement shown as a band along the bottom of the safe area
	 * on every page (borrowed, cleaned, one or two lines, cut with "…"):
	 * the body area ends above it, so it never covers content. NULL or
	 * empty: none. */
	const char *announce;
} layout_params;

/* The language a posting is written in: the one it states, else the one
 * the script of its title (then of its first paragraph) suggests
 * (text_lang_guess); NULL when neither says. Borrowed from p or static. */
const char *layout_lang_of(const posting *p);
/* The language of the kiosk's words on p's slides: lp->language when set,
 * else layout_lang_of(p), else "en". Never NULL. */
const char *layout_lang(const layout_params *lp, const posting *p);

/* A badge on a posting's slides, in the kiosk's words (text_word_get). */
typedef enum layout_badge_kind {
	LAYOUT_BADGE_NEW,          /* posted in the last 7 days, today included */
	LAYOUT_BADGE_CLOSES_TODAY, /* expires today */
	LAYOUT_BADGE_APPLY_BY,     /* expires in 1 to 21 days: the date said */
} layout_badge_kind;

#define LAYOUT_BADGES_MAX 2
typedef struct layout_badge {
	layout_badge_kind kind;
	char text[128]; /* in lang, NUL-terminated */
} layout_badge;

/* p's badges (borrowed) in lang (a tag; NULL: English) on the local date
 * of now, into out in the order they are shown: "New" when posted is
 * today or up to 6 days before (a date still to come is not new); then
 * "Closes today" when expires is today, or "Apply by <date>"
 * (text_date_short) when it is 1 to 21 days ahead. None when !trusted,
 * now is 0 or its local date cannot be had; a date that is not a strict
 * YYYY-MM-DD of a real day gives none of its own. Returns how many. */
size_t layout_badges(const posting *p, const char *lang, time_t now, bool trusted,
                     layout_badge out[LAYOUT_BADGES_MAX]);

/* The safe area every box lies in: 5% margins on each side. */
void layout_safe_area(int w, int h, int *x0, int *y0, int *x1, int *y1);
/* Smallest body size allowed on a w x h screen: 3.5% of the shorter side. */
int layout_body_floor(int w, int h);

/* Lays out p (borrowed; may be read again only during the call) into out,
 * which the caller frees with layout_doc_free() on success and failure.
 * The code carries p->qr_link when set (the tracked link), else p->apply;
 * the caption's short form (qr_caption_target) is the same for both.
 * The largest body size that gives the fewest pages is chosen; nothing is
 * ever smaller than layout_body_floor(). Fails with JK_EARG for a screen
 * too small to lay anything out, JK_ENOMEM. */
int layout_posting(const posting *p, const layout_params *lp, layout_doc *out, jk_err *err);

/* The overview page(s): every position as "title · organisation ·
 * location". items borrowed. Same ownership as layout_posting(). */
int layout_overview(const posting *const *items, size_t n, const layout_params *lp, layout_doc *out,
                    jk_err *err);

/* A message page (the kiosk's waiting screen): headline, an accent rule,
 * line and a small muted note (line and note may be NULL), centred in the
 * safe area when it fits one page. Strings borrowed. Same ownership as
 * layout_posting(). */
int layout_message(const char *headline, const char *line, const char *note,
                   const layout_params *lp, layout_doc *out, jk_err *err);

/* An urgent announcement as a page of its own: text (borrowed, cleaned)
 * large, bold and centred, wrapped over as many lines as it needs, under
 * an accent rule; lp->announce is ignored (no band on this page). One
 * page: what does not fit the largest size that holds it is cut. Same
 * ownership as layout_posting(). */
int layout_announce_page(const char *text, const layout_params *lp, layout_doc *out, jk_err *err);

/* The clock text hhmm (borrowed, must outlive *out) as a box right-aligned
 * in d's clock slot, measured with m. False when d has no slot or the text
 * does not fit it. */
bool layout_clock_box(const layout_doc *d, const layout_measurer *m, const char *hhmm,
                      layout_box *out);

/* s[0,n) (borrowed: the boxes point into it) as one line of text boxes in
 * visual order from (x, y), analysed and measured as layout does (bidi,
 * scripts), for overlays drawn outside a doc such as the offline mark.
 * Fills out[0,cap) and returns how many; 0 when nothing could be laid
 * out. Their widths add up to the line's. */
size_t layout_text_line(const layout_measurer *m, const char *s, size_t n, int px, unsigned style,
                        uint32_t color, int x, int y, layout_box *out, size_t cap);

/* One bar of layout_chart(). Strings borrowed during the call. */
typedef struct layout_bar {
	const char *label; /* cleaned, ellipsised to its column (any script) */
	double value;      /* the bar's length against the largest; < 0 is 0 */
	const char *note;  /* after the bar, e.g. "42.5 min · 18 times"; may be NULL */
} layout_bar;

/* A horizontal bar chart on one page (the impressions report's picture):
 * heading (bold, large), sub (muted, may be NULL), a hairline, then one
 * row per bar in the order given, labels right-aligned against their
 * bars, bars scaled to the largest value; rows that do not fit at the
 * smallest body size are left out and counted on a last line ("… and N
 * more"). Strings borrowed. Same ownership as layout_posting(); the page
 * passes layout_check(). */
int layout_chart(const char *heading, const char *sub, const layout_bar *bars, size_t n,
                 const layout_params *lp, layout_doc *out, jk_err *err);

/* Frees what the doc owns; the struct itself is the caller's. Accepts NULL. */
void layout_doc_free(layout_doc *d);

/* Checks what every page must hold: every box inside the safe area, no two
 * boxes overlapping except boxes lying wholly on a panel. Returns 0, or
 * JK_EFORMAT with the first violation described in err. */
int layout_check(const layout_doc *d, jk_err *err);

#endif
