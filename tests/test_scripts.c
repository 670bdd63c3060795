/* test_scripts.c — every script shown right (issue 12). The postings of
 * tests/data/scripts/ (Arabic, Hebrew, Persian, Hindi, Bengali, Tamil, Thai,
 * Korean, Japanese, Chinese, Russian, Greek) are laid out at 1920x1080 with
 * the real fonts and drawn with SDL's offscreen driver, then:
 * - geometry: a right-to-left title is right-aligned and its ink ends at the
 *   safe area's right edge, with the QR card in the left half; a
 *   left-to-right title starts at the left edge, the card in the right half;
 * - line breaks: in Thai, Japanese, Chinese and Korean every break the
 *   layout made is one ICU's line break iterator allows, and Japanese and
 *   Chinese lines keep the kinsoku rules;
 * - OCR: tesseract reads each title back from the pixels in its language,
 *   close enough by a code point edit distance (OCR_MIN says why), and the
 *   same measure rejects each title drawn with its code points reversed.
 * Each check goes through every posting first and prints what it found,
 * then fails naming every posting that did not hold. */
#include "testutil.h"

#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#define SCREEN_W 1920
#define SCREEN_H 1080

typedef struct script_case {
	const char *file; /* in tests/data/scripts */
	const char *tess; /* tesseract language */
	const char *icu;  /* ICU locale of its line breaks; NULL: not checked */
	bool rtl;         /* the title is right to left */
	bool kinsoku;     /* CJK line rules apply */
} script_case;

static const script_case cases[] = {
    {"ar-software-engineer.md", "ara", NULL, true, false},
    {"he-embedded-engineer.md", "heb", NULL, true, false},
    {"fa-data-analyst.md", "fas", NULL, true, false},
    {"hi-data-engineer.md", "hin", NULL, false, false},
    {"bn-software-developer.md", "ben", NULL, false, false},
    {"ta-software-engineer.md", "tam", NULL, false, false},
    {"th-software-engineer.md", "tha", "th", false, false},
    {"ko-frontend-developer.md", "kor", "ko", false, false},
    {"ja-backend-engineer.md", "jpn", "ja", false, true},
    {"zh-hans-embedded-engineer.md", "chi_sim", "zh", false, true},
    {"ru-sysadmin.md", "rus", NULL, false, false},
    {"el-python-developer.md", "ell", NULL, false, false},
};

static render_fonts *fonts;
static render_look look;
static layout_theme theme;

static int setup(void **state)
{
	(void)state;
	jk_err err = {0};
	look = render_look_default();
	if (render_fonts_open_look(&look, &fonts, &err)) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	theme = render_look_theme(&look);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	render_fonts_close(fonts);
	return 0;
}

/* Failures gathered over all postings, reported at the end of a test. */
typedef struct report {
	char text[8192];
	int bad;
} report;

static void note(report *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(report *r, const char *fmt, ...)
{
	size_t used = strlen(r->text);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->text + used, sizeof r->text - used, fmt, ap);
	va_end(ap);
	used = strlen(r->text);
	if (used + 1 < sizeof r->text)
		r->text[used] = '\n', r->text[used + 1] = '\0';
	r->bad++;
}

static void report_end(const report *r, const char *what)
{
	if (r->bad)
		fail_msg("%s: %d problem(s):\n%s", what, r->bad, r->text);
}

/* ---- laying out and drawing ------------------------------------------ */

/* The code points of s in reverse order (caller frees). */
static char *reversed(const char *s)
{
	size_t n = strlen(s);
	char *r = malloc(n + 1);
	assert_non_null(r);
	size_t o = n;
	for (size_t i = 0; i < n;) {
		size_t k = 1;
		while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k++;
		o -= k;
		memcpy(r + o, s + i, k);
		i += k;
	}
	r[n] = '\0';
	return r;
}

/* One posting laid out and its first page drawn. */
typedef struct slide {
	posting_list l;
	posting *p;
	char *title; /* the posting's own title (p->title may be changed) */
	layout_doc d;
	SDL_Surface *s;
} slide;

/* c's posting on a slide; with reverse, its title is drawn with its code
 * points in reverse order (a deliberately wrong rendering). */
static void slide_open(slide *sl, const script_case *c, bool reverse)
{
	memset(sl, 0, sizeof *sl);
	sl->p = tu_data_one("scripts", c->file, &sl->l, NULL);
	assert_non_null(sl->p->title);
	sl->title = jk_strndup(sl->p->title, strlen(sl->p->title));
	assert_non_null(sl->title);
	if (reverse) {
		free(sl->p->title);
		sl->p->title = reversed(sl->title);
	}
	layout_params lp = {.w = SCREEN_W, .h = SCREEN_H};
	render_layout_look(fonts, &look, &theme, &lp);
	jk_err err = {0};
	if (layout_posting(sl->p, &lp, &sl->d, &err))
		fail_msg("%s: %s", c->file, err.msg);
	if (layout_check(&sl->d, &err))
		fail_msg("%s: %s", c->file, err.msg);
	sl->s = render_page(fonts, &sl->d, 0, &theme, 0, &err);
	if (!sl->s)
		fail_msg("%s: %s", c->file, err.msg);
	const char *dump = getenv("JK_RENDER_DUMP"); /* to look at the slides */
	if (dump) {
		char path[600];
		snprintf(path, sizeof path, "%s/scripts-%s%s.png", dump, c->file,
		         reverse ? "-reversed" : "");
		assert_int_equal(render_save_png(sl->s, path, &err), 0);
	}
}

static void slide_close(slide *sl)
{
	SDL_FreeSurface(sl->s);
	layout_doc_free(&sl->d);
	posting_list_free(&sl->l);
	free(sl->title);
}

static bool on_panel(const layout_page *pg, const layout_box *b)
{
	for (size_t i = 0; i < pg->n; i++) {
		const layout_box *q = &pg->boxes[i];
		if (q->kind == LAYOUT_PANEL && b->x >= q->x && b->x + b->w <= q->x + q->w &&
		    b->y >= q->y && b->y + b->h <= q->y + q->h)
			return true;
	}
	return false;
}

static const layout_box *find_kind(const layout_page *pg, layout_box_kind k)
{
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == k)
			return &pg->boxes[i];
	return NULL;
}

/* The title's boxes are the text boxes of page 1 in the largest size. */
static int title_px(const layout_page *pg)
{
	int px = 0;
	for (size_t i = 0; i < pg->n; i++)
		if (pg->boxes[i].kind == LAYOUT_TEXT && pg->boxes[i].len &&
		    !on_panel(pg, &pg->boxes[i]) && pg->boxes[i].px > px)
			px = pg->boxes[i].px;
	return px;
}

static bool is_title_box(const layout_page *pg, const layout_box *b, int px)
{
	return b->kind == LAYOUT_TEXT && b->len && b->px == px && !on_panel(pg, b);
}

/* Bounding box of the title's boxes. */
static SDL_Rect title_rect(const layout_page *pg)
{
	int px = title_px(pg);
	int x0 = INT32_MAX, y0 = INT32_MAX, x1 = 0, y1 = 0;
	for (size_t i = 0; i < pg->n; i++) {
		const layout_box *b = &pg->boxes[i];
		if (!is_title_box(pg, b, px))
			continue;
		x0 = b->x < x0 ? b->x : x0;
		y0 = b->y < y0 ? b->y : y0;
		x1 = b->x + b->w > x1 ? b->x + b->w : x1;
		y1 = b->y + b->h > y1 ? b->y + b->h : y1;
	}
	assert_true(x1 > x0 && y1 > y0);
	return (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

/* ---- geometry ---------------------------------------------------------- */

/* Leftmost (dir < 0) or rightmost (dir > 0) column of r holding ink. */
static int ink_edge(SDL_Surface *s, SDL_Rect r, int dir)
{
	for (int k = 0; k < r.w; k++) {
		int x = dir < 0 ? r.x + k : r.x + r.w - 1 - k;
		if (render_count_ink(s, x, r.y, 1, r.h, theme.bg))
			return x;
	}
	return -1;
}

/* Glyphs keep a side bearing of a few pixels at the title's size (Inter
 * Bold at 81 px: 3-6 px), so ink starts or ends that close to the edge. */
#define INK_SLACK 8

static void check_geometry(const script_case *c, report *r)
{
	slide sl;
	slide_open(&sl, c, false);
	const layout_page *pg = &sl.d.pages[0];
	int x0, y0, x1, y1;
	layout_safe_area(SCREEN_W, SCREEN_H, &x0, &y0, &x1, &y1);
	SDL_Rect t = title_rect(pg);
	const layout_box *qr = find_kind(pg, LAYOUT_QR);
	assert_non_null(qr);
	/* Search the title's rows across the whole safe area: ink beyond the
	 * boxes is a drawing that does not match the layout. */
	SDL_Rect rows = {x0 - INK_SLACK, t.y, x1 - x0 + 2 * INK_SLACK, t.h};
	int ink_l = ink_edge(sl.s, rows, -1), ink_r = ink_edge(sl.s, rows, 1);
	int px = title_px(pg);
	printf("%-30s title boxes x %d..%d, ink x %d..%d, safe x %d..%d, QR x %d..%d\n", c->file,
	       t.x, t.x + t.w, ink_l, ink_r + 1, x0, x1, qr->x, qr->x + qr->w);
	if (c->rtl) {
		if (qr->x + qr->w > SCREEN_W / 2)
			note(
			    r,
			    "%s: right-to-left, but the QR card (x %d..%d) is not in the left half",
			    c->file, qr->x, qr->x + qr->w);
		/* Every line of the title ends at the column's right edge, which
		 * is the safe area's with the card on the left. */
		for (size_t i = 0; i < pg->n; i++) {
			const layout_box *b = &pg->boxes[i];
			if (!is_title_box(pg, b, px))
				continue;
			int right = 0;
			for (size_t k = 0; k < pg->n; k++)
				if (is_title_box(pg, &pg->boxes[k], px) && pg->boxes[k].y == b->y &&
				    pg->boxes[k].x + pg->boxes[k].w > right)
					right = pg->boxes[k].x + pg->boxes[k].w;
			if (right != x1) {
				note(r,
				     "%s: title line at y %d ends at x %d, not right-aligned at %d",
				     c->file, b->y, right, x1);
				break;
			}
		}
		if (ink_r < 0 || ink_r + 1 < x1 - INK_SLACK || ink_r + 1 > x1 + INK_SLACK)
			note(r,
			     "%s: the title's ink ends at x %d, not at the right margin %d (±%d)",
			     c->file, ink_r + 1, x1, INK_SLACK);
	} else {
		if (qr->x < SCREEN_W / 2)
			note(r,
			     "%s: left-to-right, but the QR card (x %d..%d) is not in the right "
			     "half",
			     c->file, qr->x, qr->x + qr->w);
		if (t.x != x0)
			note(r, "%s: the title starts at x %d, not at the left margin %d", c->file,
			     t.x, x0);
		if (ink_l < x0 - INK_SLACK || ink_l > x0 + INK_SLACK)
			note(r,
			     "%s: the title's ink starts at x %d, not at the left margin %d (±%d)",
			     c->file, ink_l, x0, INK_SLACK);
	}
	slide_close(&sl);
}

static void test_geometry(void **state)
{
	(void)state;
	report r = {0};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++)
		check_geometry(&cases[i], &r);
	report_end(&r, "title and QR placement");
}

/* ---- line breaks ------------------------------------------------------- */

/* One laid-out line: its text boxes (not the card's) in x order. */
typedef struct text_line {
	const layout_box *b[64];
	size_t nb;
} text_line;

typedef struct line_set {
	text_line v[512];
	size_t n;
} line_set;

static int box_order(const void *a, const void *b)
{
	const layout_box *x = *(const layout_box *const *)a, *y = *(const layout_box *const *)b;
	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return x->x < y->x ? -1 : x->x > y->x;
}

/* Every page's text boxes grouped into lines (a line's boxes share y). */
static void collect_lines(const layout_doc *d, line_set *ls)
{
	ls->n = 0;
	for (size_t k = 0; k < d->npages; k++) {
		const layout_page *pg = &d->pages[k];
		const layout_box **v = calloc(pg->n + 1, sizeof *v);
		assert_non_null(v);
		size_t n = 0;
		for (size_t i = 0; i < pg->n; i++)
			if (pg->boxes[i].kind == LAYOUT_TEXT && pg->boxes[i].len &&
			    !on_panel(pg, &pg->boxes[i]))
				v[n++] = &pg->boxes[i];
		qsort(v, n, sizeof *v, box_order);
		for (size_t i = 0; i < n; i++) {
			if (i == 0 || v[i]->y != v[i - 1]->y) {
				assert_true(ls->n < JK_ARRAY_LEN(ls->v));
				ls->v[ls->n++].nb = 0;
			}
			text_line *l = &ls->v[ls->n - 1];
			assert_true(l->nb < JK_ARRAY_LEN(l->b));
			l->b[l->nb++] = v[i];
		}
		free(v);
	}
}

/* Whether t[p..) starts with the text of l's boxes from box b0 on;
 * *end gets the offset after it. Spaces at the line's end are ignored. */
static bool line_matches(const char *t, size_t len, size_t p, const text_line *l, size_t b0,
                         size_t *end)
{
	if (b0 >= l->nb)
		return false;
	for (size_t i = b0; i < l->nb; i++) {
		size_t n = l->b[i]->len;
		if (i + 1 == l->nb)
			while (n && l->b[i]->text[n - 1] == ' ')
				n--;
		if (n > len - p || memcmp(t + p, l->b[i]->text, n))
			return false;
		p += n;
	}
	*end = p;
	return true;
}

static size_t skip_spaces(const char *t, size_t len, size_t p)
{
	while (p < len && t[p] == ' ')
		p++;
	return p;
}

/* Finds the consecutive lines that show t[0,len) (spaces at a break
 * dropped, a marker box before the first line allowed) and puts the byte
 * offset where each line starts into starts. Returns the number of lines,
 * 0 when no run of lines shows t. */
static size_t find_block_lines(const line_set *ls, const char *t, size_t len, size_t *starts,
                               size_t cap)
{
	while (len && t[len - 1] == ' ')
		len--;
	size_t p0 = skip_spaces(t, len, 0);
	for (size_t j = 0; j < ls->n; j++)
		for (size_t b0 = 0; b0 < 2; b0++) {
			size_t end, n = 0;
			if (!line_matches(t, len, p0, &ls->v[j], b0, &end))
				continue;
			starts[n++] = p0;
			size_t k = j + 1;
			while (end < len && k < ls->n && n < cap) {
				size_t p = skip_spaces(t, len, end);
				if (!line_matches(t, len, p, &ls->v[k], 0, &end))
					break;
				starts[n++] = p;
				k++;
			}
			if (end == len)
				return n;
		}
	return 0;
}

/* Code points that must not start (end) a line in Japanese and Chinese. */
static const char *const no_start[] = {"、", "。", "，", "．", "」", "』", "）",
                                       "】", "〕", "〉", "》", "！", "？", ")"};
static const char *const no_end[] = {"「", "『", "（", "【", "〔", "〈", "《", "("};
static const char *const full_stops[] = {"。", "．", "！", "？"};

static bool starts_with_any(const char *s, size_t n, const char *const *set, size_t nset)
{
	for (size_t i = 0; i < nset; i++) {
		size_t k = strlen(set[i]);
		if (k <= n && !memcmp(s, set[i], k))
			return true;
	}
	return false;
}

static bool ends_with_any(const char *s, size_t n, const char *const *set, size_t nset)
{
	for (size_t i = 0; i < nset; i++) {
		size_t k = strlen(set[i]);
		if (k <= n && !memcmp(s + n - k, set[i], k))
			return true;
	}
	return false;
}

static size_t count_cps(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* The offset k code points before p, not before lo. */
static size_t cp_back(const char *t, size_t p, size_t lo, int k)
{
	while (p > lo && k > 0) {
		p--;
		if (((unsigned char)t[p] & 0xC0) != 0x80)
			k--;
	}
	return p;
}

/* The offset k code points after p, not after hi. */
static size_t cp_ahead(const char *t, size_t hi, size_t p, int k)
{
	while (p < hi && k-- > 0)
		do
			p++;
		while (p < hi && ((unsigned char)t[p] & 0xC0) == 0x80);
	return p;
}

/* UTF-16 offset of byte p of t. */
static int32_t u16_offset(const char *t, size_t p)
{
	int32_t k = 0;
	for (size_t i = 0; i < p; i++) {
		unsigned char ch = (unsigned char)t[i];
		if ((ch & 0xC0) != 0x80)
			k += ch >= 0xF0 ? 2 : 1;
	}
	return k;
}

/* The lines of one text of the posting: every break where ICU allows one,
 * and (kinsoku) the CJK rules. Returns the number of breaks checked. */
static size_t check_block(const script_case *c, const line_set *ls, const char *what, const char *t,
                          size_t len, report *r)
{
	size_t starts[256];
	size_t n = find_block_lines(ls, t, len, starts, JK_ARRAY_LEN(starts));
	if (!n) {
		note(r, "%s: no lines on the slides show the %s \"%.40s…\"", c->file, what, t);
		return 0;
	}
	UErrorCode st = U_ZERO_ERROR;
	UChar *u = malloc((len + 1) * sizeof *u);
	assert_non_null(u);
	int32_t nu = 0;
	u_strFromUTF8(u, (int32_t)len + 1, &nu, t, (int32_t)len, &st);
	assert_true(U_SUCCESS(st));
	UBreakIterator *bi = ubrk_open(UBRK_LINE, c->icu, u, nu, &st);
	assert_true(U_SUCCESS(st));
	while (len && t[len - 1] == ' ')
		len--;
	for (size_t i = 0; i < n; i++) {
		size_t a = starts[i], e = i + 1 < n ? starts[i + 1] : len;
		while (e > a && t[e - 1] == ' ')
			e--;
		if (i > 0 && !ubrk_isBoundary(bi, u16_offset(t, a))) {
			size_t b = cp_back(t, a, starts[i - 1], 8), f = cp_ahead(t, e, a, 8);
			note(r, "%s: the %s breaks where ICU (%s) allows no break: \"%.*s|%.*s\"",
			     c->file, what, c->icu, (int)(a - b), t + b, (int)(f - a), t + a);
		}
		if (!c->kinsoku)
			continue;
		if (i > 0 && starts_with_any(t + a, e - a, no_start, JK_ARRAY_LEN(no_start)))
			note(r, "%s: a line of the %s starts with closing punctuation: \"%.*s\"",
			     c->file, what, (int)(e - a), t + a);
		if (i + 1 < n && ends_with_any(t + a, e - a, no_end, JK_ARRAY_LEN(no_end)))
			note(r, "%s: a line of the %s ends with opening punctuation: \"%.*s\"",
			     c->file, what, (int)(e - a), t + a);
		if (i > 0 && i + 1 == n && count_cps(t + a, e - a) == 2 &&
		    ends_with_any(t + a, e - a, full_stops, JK_ARRAY_LEN(full_stops)))
			note(r, "%s: the %s's last line is one character and a full stop: \"%.*s\"",
			     c->file, what, (int)(e - a), t + a);
	}
	ubrk_close(bi);
	free(u);
	return n - 1;
}

static void check_breaks(const script_case *c, report *r)
{
	slide sl;
	slide_open(&sl, c, false);
	static line_set ls;
	collect_lines(&sl.d, &ls);
	const posting *p = sl.p;
	size_t breaks = check_block(c, &ls, "title", p->title, strlen(p->title), r);
	size_t blocks = 1;
	for (size_t s = 0; s < p->nsections; s++) {
		const posting_section *sec = &p->sections[s];
		if (sec->heading) {
			breaks +=
			    check_block(c, &ls, "heading", sec->heading, strlen(sec->heading), r);
			blocks++;
		}
		for (size_t b = 0; b < sec->nblocks; b++, blocks++)
			breaks += check_block(c, &ls, "paragraph", sec->blocks[b].text,
			                      sec->blocks[b].len, r);
	}
	printf("%-30s %zu texts, %zu line breaks checked against ICU (%s)\n", c->file, blocks,
	       breaks, c->icu);
	slide_close(&sl);
}

static void test_line_breaks(void **state)
{
	(void)state;
	report r = {0};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++)
		if (cases[i].icu)
			check_breaks(&cases[i], &r);
	report_end(&r, "line breaks");
}

/* ---- OCR ---------------------------------------------------------------- */

/* The languages tesseract has, one per line ("" when tesseract is not
 * installed), asked once. */
static const char *tess_langs(void)
{
	static char langs[4096];
	static bool asked;
	if (asked)
		return langs;
	asked = true;
	FILE *f = popen("tesseract --list-langs 2>&1", "r");
	if (!f)
		return langs;
	size_t n = fread(langs, 1, sizeof langs - 1, f);
	langs[n] = '\0';
	if (pclose(f) != 0)
		langs[0] = '\0';
	return langs;
}

static bool tess_has(const char *lang)
{
	const char *l = tess_langs();
	size_t n = strlen(lang);
	for (const char *p = strstr(l, lang); p; p = strstr(p + 1, lang))
		if ((p == l || p[-1] == '\n') && (p[n] == '\n' || p[n] == '\0'))
			return true;
	return false;
}

/* Text as compared: NFC, white space and default-ignorable code points
 * (bidi marks tesseract may add) removed, ASCII letters in lower case.
 * Fills v (cap code points) and returns how many. */
static size_t ocr_norm(const char *s, UChar32 *v, size_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t n16 = 0;
	UChar u[1024], nfc[2048];
	u_strFromUTF8(u, JK_ARRAY_LEN(u), &n16, s, -1, &st);
	assert_true(U_SUCCESS(st));
	const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
	int32_t nn = unorm2_normalize(norm, u, n16, nfc, JK_ARRAY_LEN(nfc), &st);
	assert_true(U_SUCCESS(st));
	size_t k = 0;
	for (int32_t i = 0; i < nn && k < cap;) {
		UChar32 cp;
		U16_NEXT(nfc, i, nn, cp);
		if (u_isUWhiteSpace(cp) ||
		    u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
			continue;
		v[k++] = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
	}
	return k;
}

/* 1 - (code point edit distance) / (the longer length), after ocr_norm. */
static double ocr_similarity(const char *want, const char *got)
{
	UChar32 a[512], b[512];
	size_t na = ocr_norm(want, a, JK_ARRAY_LEN(a)), nb = ocr_norm(got, b, JK_ARRAY_LEN(b));
	size_t row[513], prev[513];
	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t d = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = row[j - 1] + 1;
			row[j] = d < del ? (d < ins ? d : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, row, (nb + 1) * sizeof *row);
	}
	size_t m = na > nb ? na : nb;
	return m ? 1.0 - (double)prev[nb] / (double)m : 1.0;
}

/* How close the OCR text must be to the title to count as read, measured
 * with tesseract 5.3 and Debian 12's language packs on these titles:
 * - drawn right, they read at 0.88-1.00: Korean, Japanese, Thai, Russian
 *   1.00, Greek 0.96, Chinese 0.88 (嵌 read as 能, one of eight); the
 *   Arabic, Persian, Hindi, Bengali and Tamil titles shaped by HarfBuzz
 *   (SDL2_ttf with script and direction set, Noto Sans Bold) read 1.00 and
 *   the Hebrew one 0.89 (its '/' read as '!!');
 * - drawn wrong, they score at most 0.83: Hindi with its vowel signs after
 *   the consonant and its conjunct broken 0.72-0.78, Bengali 0.67-0.83,
 *   Tamil 0.63-0.68 (at full, half and a third of the size), right-to-left
 *   titles in left-to-right order 0.07-0.12, any left-to-right title with
 *   its code points reversed 0.00-0.17.
 * 0.85 lies between the two: a title drawn right may have one or two
 * characters misread, and one whose vowel signs are misplaced fails. */
#define OCR_MIN 0.85

/* The title's rectangle of sl cut out with a margin, turned into dark
 * text on white grey (what tesseract reads best) and written to path.
 * Returns the number of lines the title has. */
static int write_title_png(const slide *sl, const char *path)
{
	const layout_page *pg = &sl->d.pages[0];
	SDL_Rect t = title_rect(pg);
	int m = title_px(pg) / 3;
	SDL_Rect r = {t.x - m, t.y - m, t.w + 2 * m, t.h + 2 * m};
	if (r.x < 0)
		r.w += r.x, r.x = 0;
	if (r.y < 0)
		r.h += r.y, r.y = 0;
	if (r.x + r.w > sl->s->w)
		r.w = sl->s->w - r.x;
	if (r.y + r.h > sl->s->h)
		r.h = sl->s->h - r.y;
	SDL_Surface *c = SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 24, SDL_PIXELFORMAT_RGB24);
	assert_non_null(c);
	assert_int_equal(SDL_BlitSurface(sl->s, &r, c, NULL), 0);
	for (int y = 0; y < c->h; y++) {
		Uint8 *px = (Uint8 *)c->pixels + y * c->pitch;
		for (int x = 0; x < c->w; x++, px += 3) {
			int lum = (px[0] * 299 + px[1] * 587 + px[2] * 114) / 1000;
			px[0] = px[1] = px[2] = (Uint8)(255 - lum);
		}
	}
	jk_err err = {0};
	assert_int_equal(render_save_png(c, path, &err), 0);
	SDL_FreeSurface(c);
	int lines = 0, px = title_px(pg), last_y = -1;
	for (size_t i = 0; i < pg->n; i++)
		if (is_title_box(pg, &pg->boxes[i], px) && pg->boxes[i].y != last_y)
			lines++, last_y = pg->boxes[i].y;
	return lines;
}

/* c's title (reverse: drawn reversed) read back by tesseract from its
 * slide into got; returns the similarity to the title. */
static double ocr_title(const script_case *c, bool reverse, const char *dir, char *got,
                        size_t got_cap)
{
	slide sl;
	slide_open(&sl, c, reverse);
	char path[600];
	snprintf(path, sizeof path, "%s/%s%s-title.png", dir, c->file, reverse ? "-reversed" : "");
	int lines = write_title_png(&sl, path);
	char *text = tu_tesseract(path, c->tess, lines > 1 ? 6 : 7);
	double sim = ocr_similarity(sl.title, text);
	size_t n = strlen(text);
	while (n && (text[n - 1] == '\n' || text[n - 1] == ' ' || text[n - 1] == '\f'))
		text[--n] = '\0';
	for (char *q = text; *q; q++)
		if (*q == '\n')
			*q = ' ';
	snprintf(got, got_cap, "%s", text);
	free(text);
	slide_close(&sl);
	return sim;
}

/* Skips (never passes) a test when tesseract or a language pack it needs
 * is missing; platform/install-deps.sh installs them. */
static void need_tesseract(void)
{
	if (!*tess_langs()) {
		printf("SKIPPED: tesseract is not installed (sh platform/install-deps.sh)\n");
		skip();
	}
	char missing[256] = "";
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++)
		if (!tess_has(cases[i].tess)) {
			size_t u = strlen(missing);
			snprintf(missing + u, sizeof missing - u, " %s", cases[i].tess);
		}
	if (*missing) {
		printf("SKIPPED: tesseract lacks the language pack(s)%s "
		       "(sh platform/install-deps.sh)\n",
		       missing);
		skip();
	}
}

/* Every title read back; with reverse, every title drawn reversed must not
 * be (the measure tells wrong from right). Prints each score. */
static void ocr_each(bool reverse)
{
	need_tesseract();
	const char *dump = getenv("JK_RENDER_DUMP");
	const char *dir = dump ? dump : tu_tmpdir();
	report r = {0};
	for (size_t i = 0; i < JK_ARRAY_LEN(cases); i++) {
		const script_case *c = &cases[i];
		char got[512];
		double sim = ocr_title(c, reverse, dir, got, sizeof got);
		printf("ocr %-8s %.2f  %sread \"%s\"\n", c->tess, sim,
		       reverse ? "drawn reversed, " : "", got);
		if (!reverse && sim < OCR_MIN)
			note(&r, "%s: tesseract (%s) read \"%s\": %.2f < %.2f", c->file, c->tess,
			     got, sim, OCR_MIN);
		else if (reverse && sim >= OCR_MIN)
			note(&r, "%s: the title drawn reversed still reads as the title (%.2f)",
			     c->file, sim);
	}
	if (!dump)
		tu_rmtree(dir);
	report_end(&r, reverse ? "titles drawn reversed" : "titles read back");
}

static void test_ocr_titles(void **state)
{
	(void)state;
	ocr_each(false);
}

static void test_ocr_rejects_reversed(void **state)
{
	(void)state;
	ocr_each(true);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_geometry),
	    cmocka_unit_test(test_line_breaks),
	    cmocka_unit_test(test_ocr_titles),
	    cmocka_unit_test(test_ocr_rejects_reversed),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
