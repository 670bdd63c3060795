/* runs.c — text as runs of one face: which face has each glyph (the body
 * font, the fallbacks, then whatever fontconfig finds), the open fonts by
 * size and style, and the measurer layout uses, so layout's widths are the
 * drawn widths. */
#include "internal.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Asks fontconfig for any face with cp; adds it as a fallback. */
static int fc_fallback(render_fonts *f, uint32_t cp)
{
	if (f->nface >= (int)JK_ARRAY_LEN(f->face) || !render_fc_ready(f))
		return -1;
	for (int i = 0; i < f->nmissing; i++)
		if (f->missing[i] == cp)
			return -1;
	int found = -1;
	FcPattern *p = render_fc()->PatternCreate();
	FcCharSet *cs = render_fc()->CharSetCreate();
	if (p && cs && render_fc()->CharSetAddChar(cs, cp) &&
	    render_fc()->PatternAddCharSet(p, FC_CHARSET, cs)) {
		render_fc()->ConfigSubstitute(NULL, p, FcMatchPattern);
		render_fc()->DefaultSubstitute(p);
		FcResult res;
		FcPattern *m = render_fc()->FontMatch(NULL, p, &res);
		FcChar8 *file = NULL;
		int idx = 0;
		if (m && render_fc()->PatternGetString(m, FC_FILE, 0, &file) == FcResultMatch) {
			render_fc()->PatternGetInteger(m, FC_INDEX, 0, &idx);
			bool known = false;
			for (int i = 0; i < f->nface; i++)
				if (!strcmp(f->face[i].path, (const char *)file) &&
				    f->face[i].index == idx)
					known = true;
			char *path = known ? NULL : jk_strndup((const char *)file, (size_t)-1);
			if (path && render_face_add(f, f->nface, path, idx) == 0) {
				if (render_face_has(f, f->nface, cp))
					found = f->nface;
				f->face[f->nface++].synth = 3;
			}
		}
		if (m)
			render_fc()->PatternDestroy(m);
	}
	if (cs)
		render_fc()->CharSetDestroy(cs);
	if (p)
		render_fc()->PatternDestroy(p);
	if (found < 0 && f->nmissing < (int)JK_ARRAY_LEN(f->missing))
		f->missing[f->nmissing++] = cp;
	return found;
}

/* Which face draws cp in style: the body font when it has the glyph, else
 * the look's fallbacks, else the face fontconfig chose for the run's
 * script, else any other face that has it, else the body font (its
 * .notdef box). */
static int face_for(render_fonts *f, uint32_t cp, unsigned style)
{
	unsigned script = LAYOUT_SCRIPT_OF(style);
	style &= 3u;
	if ((cp < 0x250 && f->main_default) || jk_cp_is_space(cp))
		return (int)style; /* Latin: Inter has it, skip the lookups */
	/* The cache tells Han of one language's forms from another's. */
	unsigned key = script | (unsigned)f->han_variant << 8;
	unsigned h = ((cp * 2654435761u) ^ key) % RF_GLYPH_CACHE;
	if (f->glyph[h].face >= 0 && f->glyph[h].cp == cp && f->glyph[h].script == key)
		return f->glyph[h].face == 0 ? (int)style : f->glyph[h].face;
	int face = -1;
	if (render_face_has(f, 0, cp))
		face = 0;
	for (int i = 4; face < 0 && i < f->user_end; i++)
		if (render_face_has(f, i, cp))
			face = i;
	if (face < 0 && script) {
		bool han = !strcmp(text_script_tag(script), "Hani");
		int sf = han ? render_han_face(f) : render_script_face(f, script);
		if (sf >= 0 && render_face_has(f, sf, cp))
			face = sf;
	}
	for (int i = f->user_end; face < 0 && i < f->nface; i++)
		if (render_face_has(f, i, cp))
			face = i;
	if (face < 0)
		face = fc_fallback(f, cp);
	if (face < 0)
		face = 0;
	f->glyph[h].cp = cp;
	f->glyph[h].script = key;
	f->glyph[h].face = face;
	return face == 0 ? (int)style : face;
}

/* The face that draws style in face (its real bold where it has one),
 * into *face, and the style SDL2_ttf synthesises on it (TTF_STYLE_*). */
static int face_style(const render_fonts *f, int *face, unsigned style)
{
	if ((style & POSTING_BOLD) && f->face[*face].bold >= 0) {
		*face = f->face[*face].bold;
		style &= ~(unsigned)POSTING_BOLD;
	}
	unsigned st = style & 3u & f->face[*face].synth;
	return (st & POSTING_BOLD ? TTF_STYLE_BOLD : 0) |
	       (st & POSTING_ITALIC ? TTF_STYLE_ITALIC : 0);
}

/* The font for face at px; fallback faces get the style synthesised. */
TTF_Font *render_font_at(render_fonts *f, int face, int px, unsigned style)
{
	int st = face_style(f, &face, style);
	f->clock++;
	int lru = 0, same = -1;
	for (int i = 0; i < f->nsized; i++) {
		rf_sized *s = &f->sized[i];
		if (s->face == face && s->style == st) {
			if (s->px == px) {
				s->used = f->clock;
				return s->font;
			}
			if (same < 0 || s->used < f->sized[same].used)
				same = i;
		}
		if (s->used < f->sized[lru].used)
			lru = i;
	}
	/* Full: an open font of the same face and style takes the new size
	 * (no file read: the body-size search tries more sizes than fit). */
	if (f->nsized == RF_SIZED && same >= 0 && TTF_SetFontSize(f->sized[same].font, px) == 0) {
		f->sized[same].px = px;
		f->sized[same].used = f->clock;
		return f->sized[same].font;
	}
	TTF_Font *font = render_face_open(f, face, px);
	if (!font)
		return NULL;
	TTF_SetFontStyle(font, st);
	TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
	int slot = f->nsized;
	if (f->nsized == RF_SIZED) {
		slot = lru;
		TTF_CloseFont(f->sized[slot].font);
	} else {
		f->nsized++;
	}
	f->sized[slot] = (rf_sized){face, px, st, font, f->clock};
	return font;
}

/* Copies s[0,n) NUL-terminated into f->buf. */
const char *render_cstr(render_fonts *f, const char *s, size_t n)
{
	if (n + 1 > f->bufcap) {
		size_t c = n + 1 < 256 ? 256 : n + 1;
		char *b = realloc(f->buf, c);
		if (!b)
			return NULL;
		f->buf = b;
		f->bufcap = c;
	}
	memcpy(f->buf, s, n);
	f->buf[n] = '\0';
	return f->buf;
}

/* Punctuation, digits and marks between letters: they stay in the run
 * they are in when its face has them, so a run is shaped whole. */
static bool joins_run(uint32_t cp)
{
	return jk_cp_is_space(cp) || (text_script_of(cp) == 0 &&
	                              !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') && cp < 0x2E80);
}

/* One face run of a box: bytes [a, b) drawn with face. */
typedef struct face_run {
	size_t a, b;
	int face;
} face_run;

/* The font layout measures face with at px in style: the face's probe,
 * its size and style switched, so a size that is only measured opens no
 * font (opening one parses the face and compiles HarfBuzz's shaping plan,
 * ~0.7 ms). Switched, it shapes and measures as a font opened at px. */
static TTF_Font *measure_font(render_fonts *f, int face, int px, unsigned style)
{
	int ts = face_style(f, &face, style);
	rf_face *fc = &f->face[face];
	if (fc->deferred)
		(void)render_face_has(f, face, ' '); /* opens its probe */
	if (!fc->probe)
		return NULL;
	/* Two fonts, each at its size: a new size drops SDL2_ttf's and
	 * HarfBuzz's glyph caches, and layout goes back and forth between
	 * the title's and the body's. */
	bool two = fc->probe2 && fc->probe2_px == px;
	if (!two && fc->probe_px != px && !fc->probe2) {
		fc->probe2 = render_face_open(f, face, px);
		if (fc->probe2) {
			TTF_SetFontHinting(fc->probe2, TTF_HINTING_LIGHT);
			fc->probe2_px = px;
			two = true;
		}
	} else if (!two && fc->probe_px != px) {
		two = !fc->last2; /* the one used longest ago takes px */
	}
	TTF_Font *font = two ? fc->probe2 : fc->probe;
	int *at = two ? &fc->probe2_px : &fc->probe_px;
	fc->last2 = two;
	if (TTF_GetFontStyle(font) != ts)
		TTF_SetFontStyle(font, ts);
	if (*at != px) {
		if (TTF_SetFontSize(font, px) != 0)
			return NULL;
		*at = px;
	}
	return font;
}

/* The font for face at px (to measure with, or to draw with), told how to
 * shape the box's text: its script and direction (HarfBuzz, through
 * SDL2_ttf). */
static TTF_Font *shaped_font(render_fonts *f, int face, int px, unsigned style, bool measuring)
{
	TTF_Font *font =
	    measuring ? measure_font(f, face, px, style) : render_font_at(f, face, px, style);
	if (font) {
		TTF_SetFontDirection(font,
		                     (style & LAYOUT_RTL) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
		TTF_SetFontScriptName(font, text_script_tag(LAYOUT_SCRIPT_OF(style)));
	}
	return font;
}

void render_each_run(render_fonts *f, const char *s, size_t n, int px, unsigned style,
                     bool measuring, render_run_fn fn, void *ud)
{
	face_run runs[32];
	size_t nr = 0;
	size_t a = 0;
	bool rtl = style & LAYOUT_RTL;
	/* CJK faces draw Latin punctuation full-width: never borrow it. */
	unsigned script = LAYOUT_SCRIPT_OF(style);
	bool join = script != 0 && strcmp(text_script_tag(script), "Hani") &&
	            strcmp(text_script_tag(script), "Hang");
	while (a < n) {
		uint32_t cp;
		size_t e = a + jk_utf8_decode(s + a, n - a, &cp);
		int face = face_for(f, cp, style);
		while (e < n) {
			size_t k = e + jk_utf8_decode(s + e, n - e, &cp);
			if (face_for(f, cp, style) != face &&
			    !(join && joins_run(cp) && render_face_has(f, face, cp)))
				break;
			e = k;
		}
		/* Left to right, each run is drawn as it comes; right to left,
		 * the runs are kept and drawn last first. */
		if (!rtl || nr == JK_ARRAY_LEN(runs)) {
			TTF_Font *font = shaped_font(f, face, px, style, measuring);
			if (font)
				fn(f, ud, font, s + a, e - a);
		} else {
			runs[nr++] = (face_run){a, e, face};
		}
		a = e;
	}
	while (nr-- > 0) {
		TTF_Font *font = shaped_font(f, runs[nr].face, px, style, measuring);
		if (font)
			fn(f, ud, font, s + runs[nr].a, runs[nr].b - runs[nr].a);
	}
}

static void width_run(render_fonts *f, void *ud, TTF_Font *font, const char *s, size_t n)
{
	int w = 0, h = 0;
	const char *c = render_cstr(f, s, n);
	if (c && TTF_SizeUTF8(font, c, &w, &h) == 0)
		*(int *)ud += w;
}

void render_fonts_warm(render_fonts *f)
{
	static const char text[] = "Engineer (m/w/d), Berlin - 2026: apply now!";
	static const int sizes[] = {32, 48}; /* the probe and the second */
	for (size_t i = 0; f && i < JK_ARRAY_LEN(sizes); i++)
		for (unsigned style = 0; style <= POSTING_BOLD; style += POSTING_BOLD) {
			int w = 0;
			render_each_run(f, text, sizeof text - 1, sizes[i], style, true, width_run,
			                &w);
		}
}

/* Widths are pure functions of the text, size, style and the Han forms,
 * and shaping is dear (HarfBuzz takes about 15 us for 40 characters of
 * Inter): layout measures the same words at the same size again and
 * again, across the sizes it tries and the postings it lays out again. */
static int m_width(void *ud, const char *s, size_t n, int px, unsigned style)
{
	render_fonts *f = ud;
	uint64_t key = jk_hash64(s, n,
	                         ((uint64_t)(unsigned)px << 32) ^ style ^
	                             ((uint64_t)(unsigned)f->han_variant << 24)) |
	               1;
	/* FNV's low bits ignore the seed's high ones: mix before indexing.
	 * Four ways, the last used first: words a posting measures at every
	 * size share sets without pushing each other out. */
	uint64_t h = (key ^ (key >> 31)) * 0x7fb5d329728ea185ULL;
	h ^= h >> 27;
	uint64_t tag = ((h >> 16) | 1) << 16; /* the bits the index does not use */
	rf_width *e = &f->widths[(h % RF_WIDTHS) & ~(uint64_t)3];
	for (int i = 0; i < 4; i++)
		if ((e[i] & ~0xFFFFull) == tag) {
			rf_width hit = e[i];
			memmove(e + 1, e, (size_t)i * sizeof *e);
			e[0] = hit;
			return (int)(hit & 0xFFFF);
		}
	int w = 0;
	render_each_run(f, s, n, px, style, true, width_run, &w);
	if (w < 0 || w > 0xFFFF)
		return w; /* wider than any screen: not kept */
	memmove(e + 1, e, 3 * sizeof *e);
	e[0] = tag | (uint64_t)w;
	return w;
}

static int m_height(void *ud, int px)
{
	render_fonts *f = ud;
	TTF_Font *font = measure_font(f, 0, px, 0);
	return font ? TTF_FontHeight(font) : px;
}

layout_measurer render_measurer(render_fonts *f)
{
	layout_measurer m = {.width = m_width, .height = m_height, .ud = f};
	return m;
}

void render_layout_look(render_fonts *f, const render_look *look, const layout_theme *theme,
                        layout_params *lp)
{
	lp->theme = theme;
	lp->measure = render_measurer(f);
	lp->header = look ? look->header : NULL;
	lp->clock = look && look->clock;
	lp->language = look ? look->language : NULL;
	lp->hide_boilerplate =
	    look ? look->hide_boilerplate : render_look_default().hide_boilerplate;
	lp->max_pages = look ? look->max_pages : 0;
	lp->style = look ? look->style : LAYOUT_FULL;
	lp->careers_url = look ? look->careers_url : NULL;
	render_logo_size(f, &lp->logo_w, &lp->logo_h);
}
