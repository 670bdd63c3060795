/* internal.h — what the render module's files share and nothing outside
 * it sees: the font set's insides and the steps the files give each other.
 * The files call one another in one direction: draw.c -> runs.c ->
 * fonts.c -> logo.c (and draw.c -> logo.c). */
#ifndef RENDER_INTERNAL_H
#define RENDER_INTERNAL_H

#include "render.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>

#define RF_USER 4      /* the look's fallback fonts at most */
#define RF_FALLBACKS 6 /* fallback faces found through fontconfig at most */
#define RF_SCRIPTS                                                                                 \
	16          /* faces chosen for scripts (Arabic, Thai, ... and                             \
	             * their bold faces) at most */
#define RF_SIZED 48 /* open (face, size, style) fonts kept */
#define RF_GLYPH_CACHE 512
#define RF_WIDTHS 65536 /* measured widths kept (512 KiB), four ways */

/* One measured width: the top 48 bits of a hash of the text, size, style
 * and Han forms, the width in the low 16 (a zeroed slot is empty: the
 * hash is never 0 there). */
typedef uint64_t rf_width;

typedef struct rf_face {
	char *path;
	long index;
	void *data; /* the file mapped (packaged fonts), NULL: read from path */
	size_t size;
	TTF_Font *probe; /* asks which glyphs exist; layout measures with it,
	                  * its size switched (probe_px) */
	int probe_px;
	TTF_Font *probe2; /* a second to measure with, at another size */
	int probe2_px;
	bool last2;       /* probe2 measured last */
	bool deferred;    /* probe not opened yet (render_face_has opens it) */
	const char *want; /* a deferred face's family must name this (static) */
	unsigned synth;   /* POSTING_ style bits SDL2_ttf synthesises for it */
	int bold;         /* the face drawing its bold, -1: synthesised */
} rf_face;

typedef struct rf_sized {
	int face, px, style;
	TTF_Font *font;
	unsigned long used;
} rf_sized;

struct render_fonts {
	/* 0-3: the body font (Inter) by POSTING_ style bits, then the look's
	 * fallbacks, Noto Sans CJK, fontconfig's finds. */
	rf_face face[4 + RF_USER + 2 + RF_FALLBACKS + RF_SCRIPTS];
	int nface;
	int user_end; /* faces [4, user_end) are the look's fallbacks */
	/* The face fontconfig chose for each script (text_script_of's codes):
	 * -2 not asked yet, -1 none installed (logged once). */
	signed char script_face[256];
	bool main_default;         /* faces 0-3 are Inter: Latin needs no lookup */
	SDL_Surface *logo;         /* ARGB8888, at most LOGO_KEEP_W x LOGO_KEEP_H */
	SDL_Surface *logo_fit;     /* logo scaled to the last size drawn */
	int cjk_regular, cjk_bold; /* faces of Noto Sans CJK, -1 when absent */
	/* Han glyph forms of the page being drawn (its doc's language): 0
	 * Simplified Chinese, 1 Japanese, 2 Korean, 3 Traditional Chinese;
	 * their faces (-2: not looked up yet, -1: none). */
	int han_variant;
	int han_face[4];
	bool fc_ok, fc_tried; /* fontconfig started (render_fc_ready) */
	rf_sized sized[RF_SIZED];
	int nsized;
	unsigned long clock;
	struct {
		uint32_t cp;
		unsigned script;
		int face; /* -1: empty */
	} glyph[RF_GLYPH_CACHE];
	uint32_t missing[64]; /* code points fontconfig had nothing for */
	int nmissing;
	char *buf;
	size_t bufcap;
	rf_width *widths; /* RF_WIDTHS slots, direct-mapped */
};

/* ---- libs.c: fontconfig and SDL2_image, opened when first needed ------- */

typedef struct render_fc_fns {
	__typeof__(FcInit) *Init;
	__typeof__(FcFini) *Fini;
	__typeof__(FcNameParse) *NameParse;
	__typeof__(FcConfigSubstitute) *ConfigSubstitute;
	__typeof__(FcDefaultSubstitute) *DefaultSubstitute;
	__typeof__(FcFontMatch) *FontMatch;
	__typeof__(FcPatternCreate) *PatternCreate;
	__typeof__(FcPatternDestroy) *PatternDestroy;
	__typeof__(FcPatternGetString) *PatternGetString;
	__typeof__(FcPatternGetInteger) *PatternGetInteger;
	__typeof__(FcPatternAddString) *PatternAddString;
	__typeof__(FcPatternAddInteger) *PatternAddInteger;
	__typeof__(FcPatternAddCharSet) *PatternAddCharSet;
	__typeof__(FcCharSetCreate) *CharSetCreate;
	__typeof__(FcCharSetAddChar) *CharSetAddChar;
	__typeof__(FcCharSetDestroy) *CharSetDestroy;
} render_fc_fns;

typedef struct render_img_fns {
	__typeof__(IMG_LoadPNG_RW) *LoadPNG_RW;
	__typeof__(IMG_LoadJPG_RW) *LoadJPG_RW;
	__typeof__(IMG_SavePNG) *SavePNG;
	__typeof__(IMG_SavePNG_RW) *SavePNG_RW;
} render_img_fns;

/* Opens fontconfig the first time (thread-safe): 0, or JK_EUNSUPPORTED
 * with "WHO NEEDS SONAME: why" in err, the same every time. */
int render_fc_load(jk_err *err);
/* Its table; only after render_fc_load() succeeded (render_fc_ready). */
const render_fc_fns *render_fc(void);
/* SDL2_image's table, opened the first time; NULL with the reason in err
 * as render_fc_load() gives it. */
const render_img_fns *render_img(jk_err *err);

/* ---- fonts.c ------------------------------------------------------------ */

/* Starts fontconfig the first time a font must be looked up (its
 * configuration and caches: ~6 ms); false when it cannot start. */
bool render_fc_ready(render_fonts *f);
/* Whether face i has a glyph for cp; a deferred face is opened here, the
 * first time it is asked (one that cannot be opened has none). */
bool render_face_has(render_fonts *f, int i, uint32_t cp);
/* Opens path (taken: freed on failure) at index as face slot; -1 when
 * SDL2_ttf cannot read it. */
int render_face_add(render_fonts *f, int slot, char *path, long index);
/* A new font of face at px (from its mapped file when it has one); the
 * caller closes it with TTF_CloseFont(). NULL on failure. */
TTF_Font *render_face_open(const render_fonts *f, int face, int px);

/* The face chosen for script (text_script_of's codes) through fontconfig:
 * the Noto face made for it; -1 when none is installed, which is logged
 * once, naming the script and the Debian package. */
int render_script_face(render_fonts *f, unsigned script);

/* The Noto Sans CJK face for Han in f->han_variant's forms (the SC face
 * when that variant is not installed); -1 when none. */
int render_han_face(render_fonts *f);
/* The Han variant for a language tag (NULL or "": 0). */
int render_han_variant(const char *lang);

/* ---- logo.c ------------------------------------------------------------- */

/* Reads, checks and decodes the logo at path into *out (ARGB8888, fitted
 * into 1024 x 512; the caller frees it with SDL_FreeSurface()). */
int render_logo_load(const char *path, SDL_Surface **out, jk_err *err);
/* f's logo drawn into box b of dst: scaled once per size and kept. */
int render_logo_draw(render_fonts *f, SDL_Surface *dst, const layout_box *b);

/* ---- runs.c ------------------------------------------------------------- */

/* The font for face at px; fallback faces get the style synthesised.
 * Borrowed from f's cache: valid until the next call. NULL on failure. */
TTF_Font *render_font_at(render_fonts *f, int face, int px, unsigned style);
/* s[0,n) NUL-terminated in f's scratch buffer (valid until the next call);
 * NULL on OOM. */
const char *render_cstr(render_fonts *f, const char *s, size_t n);
/* Calls fn for each run of s[0,n) drawn by one face. */
typedef void (*render_run_fn)(render_fonts *f, void *ud, TTF_Font *font, const char *s, size_t n);
void render_each_run(render_fonts *f, const char *s, size_t n, int px, unsigned style,
                     bool measuring, render_run_fn fn, void *ud);

#endif
