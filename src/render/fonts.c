/* fonts.c — the faces: the body font (Inter, or the look's font through
 * fontconfig or a file), the look's fallback fonts and Noto Sans CJK, found
 * once when the font set opens; the look's logo is loaded with them. */
#include "internal.h"

#include "text.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static const char *const inter_style[4] = {"Regular", "Bold", "Italic", "Bold Italic"};
static const char *const inter_file[4] = {"Inter-Regular.otf", "Inter-Bold.otf", "Inter-Italic.otf",
                                          "Inter-BoldItalic.otf"};

/* fontconfig: the file of the best match for pattern text; NULL unless the
 * matched family contains want (so "Inter" never silently becomes DejaVu). */
static char *fc_find(const char *pat, const char *want, long *index)
{
	FcPattern *p = render_fc()->NameParse((const FcChar8 *)pat);
	if (!p)
		return NULL;
	render_fc()->ConfigSubstitute(NULL, p, FcMatchPattern);
	render_fc()->DefaultSubstitute(p);
	FcResult res;
	FcPattern *m = render_fc()->FontMatch(NULL, p, &res);
	render_fc()->PatternDestroy(p);
	if (!m)
		return NULL;
	char *out = NULL;
	FcChar8 *file = NULL, *fam = NULL;
	int idx = 0;
	if (render_fc()->PatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
	    render_fc()->PatternGetString(m, FC_FAMILY, 0, &fam) == FcResultMatch &&
	    strstr((const char *)fam, want)) {
		render_fc()->PatternGetInteger(m, FC_INDEX, 0, &idx);
		out = jk_strndup((const char *)file, (size_t)-1);
		*index = idx;
	}
	render_fc()->PatternDestroy(m);
	return out;
}

/* The real bold of family for face, when installed: synthesised bold
 * smears complex scripts at title sizes. */
static void add_bold(render_fonts *f, int face, const char *family)
{
	char pat[96];
	long idx = 0;
	snprintf(pat, sizeof pat, "%s:style=Bold", family);
	char *bold = f->nface < (int)JK_ARRAY_LEN(f->face) && render_fc_ready(f)
	                 ? fc_find(pat, family, &idx)
	                 : NULL;
	if (bold && !strcmp(bold, f->face[face].path) && idx == f->face[face].index) {
		free(bold); /* no bold installed: fontconfig gave the regular */
		return;
	}
	if (bold && render_face_add(f, f->nface, bold, idx) == 0) {
		f->face[face].bold = f->nface;
		f->face[f->nface++].synth = POSTING_ITALIC;
	}
}

/* The face for each script the body font lacks, and the Debian package
 * that has it. Scripts not listed are found by their letters alone. */
static const struct script_font {
	const char *tag; /* ISO 15924 */
	const char *family;
	const char *package;
} script_fonts[] = {
    {"Arab", "Noto Sans Arabic", "fonts-noto-core"},
    {"Hebr", "Noto Sans Hebrew", "fonts-noto-core"},
    {"Deva", "Noto Sans Devanagari", "fonts-noto-core"},
    {"Beng", "Noto Sans Bengali", "fonts-noto-core"},
    {"Taml", "Noto Sans Tamil", "fonts-noto-core"},
    {"Telu", "Noto Sans Telugu", "fonts-noto-core"},
    {"Knda", "Noto Sans Kannada", "fonts-noto-core"},
    {"Mlym", "Noto Sans Malayalam", "fonts-noto-core"},
    {"Gujr", "Noto Sans Gujarati", "fonts-noto-core"},
    {"Guru", "Noto Sans Gurmukhi", "fonts-noto-core"},
    {"Orya", "Noto Sans Oriya", "fonts-noto-core"},
    {"Sinh", "Noto Sans Sinhala", "fonts-noto-core"},
    {"Thai", "Noto Sans Thai", "fonts-noto-core"},
    {"Laoo", "Noto Sans Lao", "fonts-noto-core"},
    {"Khmr", "Noto Sans Khmer", "fonts-noto-core"},
    {"Mymr", "Noto Sans Myanmar", "fonts-noto-core"},
    {"Geor", "Noto Sans Georgian", "fonts-noto-core"},
    {"Armn", "Noto Sans Armenian", "fonts-noto-core"},
    {"Ethi", "Noto Sans Ethiopic", "fonts-noto-core"},
    {"Syrc", "Noto Sans Syriac", "fonts-noto-core"},
    {"Thaa", "Noto Sans Thaana", "fonts-noto-core"},
    {"Tibt", "Noto Serif Tibetan", "fonts-noto-core"},
    {"Hani", "Noto Sans CJK SC", "fonts-noto-cjk"},
    {"Hang", "Noto Sans CJK KR", "fonts-noto-cjk"},
};

int render_script_face(render_fonts *f, unsigned script)
{
	if (script == 0 || script >= JK_ARRAY_LEN(f->script_face))
		return -1;
	if (f->script_face[script] != -2)
		return f->script_face[script];
	const char *tag = text_script_tag(script);
	const struct script_font *sf = NULL;
	for (size_t i = 0; i < JK_ARRAY_LEN(script_fonts); i++)
		if (!strcmp(script_fonts[i].tag, tag))
			sf = &script_fonts[i];
	int face = -1;
	if (sf && !strcmp(tag, "Hani") && f->cjk_regular >= 0) {
		face = f->cjk_regular;
	} else if (sf && f->nface < (int)JK_ARRAY_LEN(f->face) && render_fc_ready(f)) {
		long idx = 0;
		char *path = fc_find(sf->family, sf->family, &idx);
		for (int i = 0; path && i < f->nface; i++)
			if (!strcmp(f->face[i].path, path) && f->face[i].index == idx) {
				face = i;
				free(path);
				path = NULL;
			}
		if (path && render_face_add(f, f->nface, path, idx) == 0) {
			face = f->nface;
			f->face[f->nface++].synth = 3;
			add_bold(f, face, sf->family);
		}
	}
	if (face < 0 && sf)
		jk_log(JK_LOG_WARN, "render", "no %s font for %s text (%s); install %s", sf->family,
		       text_script_name(script), tag, sf->package);
	f->script_face[script] = (signed char)face;
	return face;
}

int render_han_variant(const char *lang)
{
	if (!lang || strncmp(lang, "zh", 2) == 0) {
		bool hant =
		    lang && (strstr(lang, "Hant") || strstr(lang, "hant") || strstr(lang, "TW") ||
		             strstr(lang, "HK") || strstr(lang, "MO"));
		return hant ? 3 : 0;
	}
	if (!strncmp(lang, "ja", 2) && (!lang[2] || lang[2] == '-' || lang[2] == '_'))
		return 1;
	if (!strncmp(lang, "ko", 2) && (!lang[2] || lang[2] == '-' || lang[2] == '_'))
		return 2;
	return 0;
}

int render_han_face(render_fonts *f)
{
	static const char *const family[] = {"Noto Sans CJK SC", "Noto Sans CJK JP",
	                                     "Noto Sans CJK KR", "Noto Sans CJK TC"};
	int v = f->han_variant >= 0 && f->han_variant < 4 ? f->han_variant : 0;
	if (v == 0 || f->cjk_regular < 0)
		return f->cjk_regular;
	if (f->han_face[v] != -2)
		return f->han_face[v];
	int face = f->cjk_regular; /* the variant not installed: SC's forms */
	long idx = 0;
	char *path = f->nface < (int)JK_ARRAY_LEN(f->face) && render_fc_ready(f)
	                 ? fc_find(family[v], family[v], &idx)
	                 : NULL;
	if (path && render_face_add(f, f->nface, path, idx) == 0) {
		face = f->nface;
		f->face[f->nface++].synth = 3;
		add_bold(f, face, family[v]);
	}
	f->han_face[v] = face;
	return face;
}

/* Maps a packaged font file into memory: every size of it is then opened
 * from the same pages, and loading a glyph reads no file (FreeType reads
 * a file glyph by glyph, a seek and a read each). The pages are the page
 * cache's, shared and clean. Only files under /usr/share/fonts, which
 * dpkg replaces whole and never truncates in place, and of 8 MiB at most. */
static void *map_font(const char *path, size_t *size)
{
	if (strncmp(path, "/usr/share/fonts/", 17) != 0)
		return NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	struct stat st;
	void *p = NULL;
	/* Not the CJK collections (20 MB and more): a slide touches pages
	 * all over them, and they would weigh on the resident size. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    st.st_size <= 8L * 1024 * 1024) {
		p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED)
			p = NULL;
		else
			*size = (size_t)st.st_size;
	}
	close(fd);
	return p;
}

TTF_Font *render_face_open(const render_fonts *f, int face, int px)
{
	const rf_face *fc = &f->face[face];
	if (!fc->data)
		return TTF_OpenFontIndex(fc->path, px, fc->index);
	SDL_RWops *rw = SDL_RWFromConstMem(fc->data, (int)fc->size);
	return rw ? TTF_OpenFontIndexRW(rw, 1, px, fc->index) : NULL;
}

/* Face slot known by its file but opened when first asked for a glyph
 * (render_face_has): a CJK collection's face reads megabytes of tables,
 * and most decks never need it. */
static void face_defer(render_fonts *f, int slot, char *path, long index, const char *want)
{
	rf_face *fc = &f->face[slot];
	memset(fc, 0, sizeof *fc);
	fc->path = path;
	fc->index = index;
	fc->bold = -1;
	fc->deferred = true;
	fc->want = want;
}

/* Maps face i's file and opens its probe, hinted as drawn; false when
 * SDL2_ttf cannot read it. */
static bool open_probe(render_fonts *f, int i)
{
	rf_face *fc = &f->face[i];
	fc->deferred = false;
	fc->data = map_font(fc->path, &fc->size);
	if (fc->size > INT_MAX && fc->data) {
		munmap(fc->data, fc->size);
		fc->data = NULL;
	}
	fc->probe = render_face_open(f, i, 16);
	fc->probe_px = 16;
	if (fc->probe)
		TTF_SetFontHinting(fc->probe, TTF_HINTING_LIGHT);
	return fc->probe != NULL;
}

int render_face_add(render_fonts *f, int slot, char *path, long index)
{
	face_defer(f, slot, path, index, NULL);
	if (open_probe(f, slot))
		return 0;
	rf_face *fc = &f->face[slot];
	if (fc->data)
		munmap(fc->data, fc->size);
	free(path);
	memset(fc, 0, sizeof *fc);
	return -1;
}

static int ttf_refs;

static void drop_face(render_fonts *f, int i)
{
	TTF_CloseFont(f->face[i].probe);
	TTF_CloseFont(f->face[i].probe2);
	if (f->face[i].data)
		munmap(f->face[i].data, f->face[i].size);
	free(f->face[i].path);
	memset(&f->face[i], 0, sizeof f->face[i]);
}

/* SDL2_ttf and an empty font set; the caller closes it. */
static int fonts_new(render_fonts **out, jk_err *err)
{
	*out = NULL;
	if (ttf_refs++ == 0 && TTF_Init() != 0) {
		ttf_refs--;
		return jk_fail(err, JK_EIO, "fonts: SDL2_ttf: %s", TTF_GetError());
	}
	render_fonts *f = calloc(1, sizeof *f);
	if (!f) {
		if (--ttf_refs == 0)
			TTF_Quit();
		return jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	for (int i = 0; i < RF_GLYPH_CACHE; i++)
		f->glyph[i].face = -1;
	f->cjk_regular = f->cjk_bold = -1;
	memset(f->script_face, -2, sizeof f->script_face);
	f->widths = calloc(RF_WIDTHS, sizeof *f->widths);
	if (!f->widths) {
		free(f);
		if (--ttf_refs == 0)
			TTF_Quit();
		return jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	for (size_t i = 0; i < JK_ARRAY_LEN(f->han_face); i++)
		f->han_face[i] = -2;
	*out = f;
	return 0;
}

bool render_fc_ready(render_fonts *f)
{
	if (!f->fc_tried) {
		f->fc_tried = true;
		jk_err e = {0};
		if (!render_fc_load(&e)) {
			f->fc_ok = render_fc()->Init();
		} else {
			/* Once a process: the fonts in Debian's places still draw. */
			static _Atomic bool told;
			if (!told) {
				told = true;
				jk_log(JK_LOG_WARN, "render", "%s", e.msg);
			}
		}
	}
	return f->fc_ok;
}

/* Inter's four faces into slots 0-3: Debian's files (fonts-inter) when
 * there, without starting fontconfig; else whatever it finds. */
static int open_inter(render_fonts *f, jk_err *err)
{
	for (int s = 0; s < 4; s++) {
		char pat[64], deb[256];
		long idx = 0;
		snprintf(deb, sizeof deb, "/usr/share/fonts/opentype/inter/%s", inter_file[s]);
		snprintf(pat, sizeof pat, "Inter:style=%s", inter_style[s]);
		char *path = access(deb, R_OK) == 0 ? jk_strndup(deb, (size_t)-1)
		             : render_fc_ready(f)   ? fc_find(pat, "Inter", &idx)
		                                    : NULL;
		if (!path || render_face_add(f, s, path, idx) != 0) {
			jk_fail(err, JK_ENOTFOUND,
			        "fonts: Inter %s not found (install fonts-inter: "
			        "platform/install-deps.sh)",
			        inter_style[s]);
			while (s-- > 0)
				drop_face(f, s);
			return JK_ENOTFOUND;
		}
	}
	f->nface = 4;
	f->main_default = true;
	return 0;
}

bool render_face_has(render_fonts *f, int i, uint32_t cp)
{
	rf_face *fc = &f->face[i];
	if (fc->deferred) {
		bool open = open_probe(f, i);
		const char *fam = open ? TTF_FontFaceFamilyName(fc->probe) : NULL;
		if (!open || (fc->want && !(fam && strstr(fam, fc->want)))) {
			jk_log(JK_LOG_WARN, "render", "font %s (face %ld): %s; left out", fc->path,
			       fc->index, fc->probe ? "not the face expected" : TTF_GetError());
			TTF_CloseFont(fc->probe);
			fc->probe = NULL;
		}
	}
	return fc->probe && TTF_GlyphIsProvided32(fc->probe, cp);
}

/* Noto Sans CJK SC (bold: its Bold) as face slot, opened when first
 * needed: Debian's collection (fonts-noto-cjk, SC at index 2, checked by
 * name then) without starting fontconfig, else what fontconfig finds. -1
 * when neither has it. */
static int open_cjk(render_fonts *f, int slot, bool bold)
{
	const char *deb = bold ? "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
	                       : "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
	char *path = NULL;
	long idx = 2;
	const char *want = "CJK SC";
	if (access(deb, R_OK) == 0) {
		path = jk_strndup(deb, (size_t)-1);
	} else if (render_fc_ready(f)) {
		path =
		    fc_find(bold ? "Noto Sans CJK SC:style=Bold" : "Noto Sans CJK SC", "CJK", &idx);
		want = NULL;
	}
	if (!path)
		return -1;
	/* No bold installed: fontconfig gives the regular. */
	if (bold && f->cjk_regular >= 0 && !strcmp(path, f->face[f->cjk_regular].path) &&
	    idx == f->face[f->cjk_regular].index) {
		free(path);
		return -1;
	}
	face_defer(f, slot, path, idx, want);
	return 0;
}

static bool font_is_path(const char *spec)
{
	size_t n = strlen(spec);
	static const char *const ext[] = {".ttf", ".otf", ".ttc", ".otc"};
	if (strchr(spec, '/'))
		return true;
	for (size_t i = 0; i < JK_ARRAY_LEN(ext); i++)
		if (n > 4 && !strcasecmp(spec + n - 4, ext[i]))
			return true;
	return false;
}

/* The file for spec (a font file or a fontconfig family) in style (POSTING_
 * bits): *path (caller frees), *idx, and in *synth the style bits the file
 * lacks. An error names spec and why. */
static int find_font(render_fonts *f, const char *spec, unsigned style, char **path, long *idx,
                     unsigned *synth, jk_err *err)
{
	*path = NULL;
	*idx = 0;
	*synth = style;
	size_t n = strlen(spec);
	if (n > 1024 || !jk_utf8_valid(spec, n))
		return jk_fail(err, JK_EARG, "font: not a font name or file (%zu bytes%s)", n,
		               jk_utf8_valid(spec, n) ? "" : ", not UTF-8");
	if (font_is_path(spec)) {
		struct stat st;
		if (stat(spec, &st) != 0)
			return jk_fail(err, JK_ENOTFOUND, "font %s: %s", spec, strerror(errno));
		if (!S_ISREG(st.st_mode))
			return jk_fail(err, JK_EFORMAT, "font %s: not a regular file", spec);
		if (st.st_size == 0)
			return jk_fail(err, JK_EEMPTY, "font %s: empty file", spec);
		*path = jk_strndup(spec, n);
		return *path ? 0 : jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	if (!render_fc_ready(f))
		return jk_fail(err, JK_ENOTFOUND, "font '%s': fontconfig is not available", spec);
	FcPattern *p = render_fc()->PatternCreate();
	if (!p)
		return jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	render_fc()->PatternAddString(p, FC_FAMILY, (const FcChar8 *)spec);
	render_fc()->PatternAddInteger(p, FC_WEIGHT,
	                               style & POSTING_BOLD ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	render_fc()->PatternAddInteger(p, FC_SLANT,
	                               style & POSTING_ITALIC ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	render_fc()->ConfigSubstitute(NULL, p, FcMatchPattern);
	render_fc()->DefaultSubstitute(p);
	FcResult res;
	FcPattern *m = render_fc()->FontMatch(NULL, p, &res);
	render_fc()->PatternDestroy(p);
	bool named = false;
	FcChar8 *fam = NULL, *file = NULL;
	for (int i = 0; m && render_fc()->PatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch;
	     i++)
		if (!strcasecmp((const char *)fam, spec))
			named = true;
	int r = 0;
	if (!named || render_fc()->PatternGetString(m, FC_FILE, 0, &file) != FcResultMatch) {
		r = jk_fail(err, JK_ENOTFOUND, "font '%s': no such font family installed (fc-list)",
		            spec);
	} else {
		int i = 0, weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
		render_fc()->PatternGetInteger(m, FC_INDEX, 0, &i);
		render_fc()->PatternGetInteger(m, FC_WEIGHT, 0, &weight);
		render_fc()->PatternGetInteger(m, FC_SLANT, 0, &slant);
		*idx = i;
		*synth = 0;
		if ((style & POSTING_BOLD) && weight < FC_WEIGHT_DEMIBOLD)
			*synth |= POSTING_BOLD;
		if ((style & POSTING_ITALIC) && slant == FC_SLANT_ROMAN)
			*synth |= POSTING_ITALIC;
		*path = jk_strndup((const char *)file, (size_t)-1);
		if (!*path)
			r = jk_fail(err, JK_ENOMEM, "fonts: out of memory");
	}
	if (m)
		render_fc()->PatternDestroy(m);
	return r;
}

/* Opens spec in style into face slot. */
static int open_face(render_fonts *f, int slot, const char *spec, unsigned style, jk_err *err)
{
	char *path;
	long idx;
	unsigned synth;
	int r = find_font(f, spec, style, &path, &idx, &synth, err);
	if (r)
		return r;
	char shown[300];
	snprintf(shown, sizeof shown, "%s", path);
	if (render_face_add(f, slot, path, idx) != 0)
		return jk_fail(err, JK_EFORMAT, "font %s: not a font SDL2_ttf can read: %s", shown,
		               TTF_GetError());
	f->face[slot].synth = synth;
	return 0;
}

/* The look's body font into slots 0-3. */
static int open_main(render_fonts *f, const char *spec, jk_err *err)
{
	for (int s = 0; s < 4; s++) {
		int r = open_face(f, s, spec, (unsigned)s, err);
		if (r) {
			while (s-- > 0)
				drop_face(f, s);
			return r;
		}
	}
	f->nface = 4;
	f->main_default = false;
	return 0;
}

/* Opens look's faces and logo. strict: a font or logo that cannot be used
 * is an error; else it is reported on stderr and left out. */
static int open_look(const render_look *look, bool strict, render_fonts **out, jk_err *err)
{
	render_fonts *f;
	int r = fonts_new(&f, err);
	if (r)
		return r;
	jk_err why = {0};
	bool custom = look && look->font && *look->font;
	if (custom && open_main(f, look->font, &why) != 0) {
		if (strict) {
			render_fonts_close(f);
			return jk_fail(err, why.code, "%s", why.msg);
		}
		jk_log(JK_LOG_WARN, "render", "%s; using Inter", why.msg);
		custom = false;
	}
	if (!custom && (r = open_inter(f, err)) != 0) {
		render_fonts_close(f);
		return r;
	}
	size_t nfb = look && look->fallback_fonts ? look->nfallback : 0;
	for (size_t i = 0; i < nfb; i++) {
		const char *spec = look->fallback_fonts[i];
		if (!spec || !*spec)
			continue;
		if (i >= RF_USER) {
			jk_log(JK_LOG_WARN, "render",
			       "font '%s': more than %d fallback fonts; ignored", spec, RF_USER);
			continue;
		}
		if (open_face(f, f->nface, spec, 0, &why) != 0) {
			if (strict) {
				render_fonts_close(f);
				return jk_fail(err, why.code, "%s", why.msg);
			}
			jk_log(JK_LOG_WARN, "render", "%s; left out", why.msg);
			continue;
		}
		f->face[f->nface++].synth = 3;
	}
	f->user_end = f->nface;
	if (open_cjk(f, f->nface, false) == 0) {
		f->cjk_regular = f->nface;
		f->face[f->nface++].synth = 3;
		/* A real bold face: SDL2_ttf's synthesised bold smears CJK. */
		if (open_cjk(f, f->nface, true) == 0) {
			f->cjk_bold = f->nface;
			f->face[f->cjk_regular].bold = f->cjk_bold;
			f->face[f->nface++].synth = 3;
		}
	}
	if (look && look->logo && *look->logo &&
	    render_logo_load(look->logo, &f->logo, &why) != 0) {
		if (strict) {
			render_fonts_close(f);
			return jk_fail(err, why.code, "%s", why.msg);
		}
		jk_log(JK_LOG_WARN, "render", "%s; shown without a logo", why.msg);
	}
	*out = f;
	return 0;
}

int render_fonts_open(render_fonts **out, jk_err *err)
{
	return open_look(NULL, false, out, err);
}

int render_fonts_open_look(const render_look *look, render_fonts **out, jk_err *err)
{
	return open_look(look, false, out, err);
}

int render_look_check(const render_look *look, jk_err *err)
{
	render_fonts *f = NULL;
	int r = open_look(look, true, &f, err);
	render_fonts_close(f);
	return r;
}

render_look render_look_default(void)
{
	render_look l = {.theme = layout_theme_default(), .hide_boilerplate = true};
	return l;
}

layout_theme render_look_theme(const render_look *look)
{
	static const layout_theme zero;
	if (!look || !memcmp(&look->theme, &zero, sizeof zero))
		return layout_theme_default();
	return look->theme;
}

bool render_logo_size(const render_fonts *f, int *w, int *h)
{
	*w = f && f->logo ? f->logo->w : 0;
	*h = f && f->logo ? f->logo->h : 0;
	return *w > 0;
}

void render_fonts_close(render_fonts *f)
{
	if (!f)
		return;
	for (int i = 0; i < f->nsized; i++)
		TTF_CloseFont(f->sized[i].font);
	for (int i = 0; i < f->nface; i++)
		drop_face(f, i);
	SDL_FreeSurface(f->logo);
	SDL_FreeSurface(f->logo_fit);
	free(f->buf);
	free(f->widths);
	bool fc = f->fc_ok;
	free(f);
	if (ttf_refs > 0 && --ttf_refs == 0) {
		TTF_Quit();
		/* Releases fontconfig's caches: nothing else here uses it. */
		if (fc)
			render_fc()->Fini();
	}
}
