/* para.c — one paragraph analysed for layout with ICU: where a line may
 * break (UAX #14, with dictionary breaks for Thai, Lao, Khmer and Myanmar),
 * each byte's bidi level (UAX #9, base direction from the first strong
 * character) and its script. Pure: no SDL, no I/O; the ICU objects live in
 * a text_ctx the caller owns and reuses. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

/* Paragraphs analysed before, by content: layout lays the same text out
 * at every body size it tries. */
#define PARA_SLOTS 1024
#define PARA_KEEP_BYTES (4u << 20)

typedef struct para_slot {
	uint64_t key; /* 0: empty */
	char *text;   /* a copy, to tell equal text from a hash collision */
	text_para tp; /* owned by the cache */
	text_dir dir;
	char lang[16];
} para_slot;

struct text_ctx {
	UBreakIterator *brk;
	char locale[16]; /* brk's locale */
	UBiDi *bidi;
	UChar *u16; /* the paragraph in UTF-16, for ubidi */
	size_t u16cap;
	para_slot *slots; /* PARA_SLOTS, allocated on first use */
	size_t kept;      /* bytes of text the slots hold */
};

int text_ctx_open(text_ctx **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : JK_ENOMEM;
}

void text_ctx_free(text_ctx *cx)
{
	if (!cx)
		return;
	for (size_t i = 0; cx->slots && i < PARA_SLOTS; i++) {
		free(cx->slots[i].text);
		free(cx->slots[i].tp.level);
	}
	free(cx->slots);
	if (cx->brk)
		ubrk_close(cx->brk);
	if (cx->bidi)
		ubidi_close(cx->bidi);
	free(cx->u16);
	free(cx);
}

void text_para_free(text_para *tp)
{
	if (!tp)
		return;
	if (!tp->kept)
		free(tp->level);
	memset(tp, 0, sizeof *tp);
}

/* Code points whose presence needs the bidi algorithm: right-to-left
 * letters and the explicit controls. */
static bool needs_bidi(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
	       (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x10800 && cp <= 0x10FFF) ||
	       (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* The script a run is shaped as (Latin and the neutral scripts are 0,
 * Japanese kana go with Han: one font, one run); *neutral (may be NULL)
 * says whether cp takes the script of the text around it. */
static unsigned script_of(uint32_t cp, bool *neutral)
{
	if (cp < 0x80) {
		if (neutral)
			*neutral = !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
		return 0;
	}
	UErrorCode e = U_ZERO_ERROR;
	UScriptCode s = uscript_getScript((UChar32)cp, &e);
	if (neutral)
		*neutral = U_FAILURE(e) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED;
	if (U_FAILURE(e))
		return 0;
	switch (s) {
	case USCRIPT_COMMON:
	case USCRIPT_INHERITED:
	case USCRIPT_LATIN:
	case USCRIPT_UNKNOWN:
		return 0;
	case USCRIPT_HIRAGANA:
	case USCRIPT_KATAKANA:
	case USCRIPT_KATAKANA_OR_HIRAGANA:
	case USCRIPT_BOPOMOFO:
		return USCRIPT_HAN;
	default:
		return s > 0 && s < 256 ? (unsigned)s : 0;
	}
}

/* Scripts per byte: neutrals (spaces, digits, punctuation, marks) join the
 * script before them, or the first one after them at the start. */
static void fill_scripts(text_para *tp, const char *t, size_t len)
{
	unsigned cur = 0;
	bool seen = false;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t j = text_next_cp(t, len, i, &cp);
		bool neutral;
		unsigned s = script_of(cp, &neutral);
		if (neutral) {
			s = cur;
		} else {
			if (!seen) {
				memset(tp->script, (int)s, i); /* the leading neutrals */
				seen = true;
			}
			cur = s;
		}
		memset(tp->script + i, (int)s, j - i);
		i = j;
	}
}

static bool is_hangul(uint32_t cp)
{
	return (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
	       (cp >= 0x3130 && cp <= 0x318F);
}

/* Korean is written with spaces between words: a line breaks there, not
 * between two syllables of a word (CSS word-break: keep-all, which Korean
 * readers expect; UAX #14 alone allows both). */
static void keep_korean_words(text_para *tp, const char *t, size_t len)
{
	uint32_t prev = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t j = text_next_cp(t, len, i, &cp);
		if (tp->brk[i] && is_hangul(prev) && is_hangul(cp))
			tp->brk[i] = 0;
		prev = cp;
		i = j;
	}
}

static int fill_breaks(text_ctx *cx, text_para *tp, const char *t, size_t len, const char *lang)
{
	char loc[16] = "";
	if (lang) {
		size_t k = 0;
		for (; k < sizeof loc - 1 && lang[k]; k++)
			loc[k] = lang[k] == '-' ? '_' : lang[k];
		loc[k] = '\0';
	}
	UErrorCode e = U_ZERO_ERROR;
	if (!cx->brk || strcmp(cx->locale, loc)) {
		if (cx->brk)
			ubrk_close(cx->brk);
		cx->brk = ubrk_open(UBRK_LINE, loc, NULL, 0, &e);
		if (U_FAILURE(e)) {
			cx->brk = NULL;
			return JK_EIO;
		}
		memcpy(cx->locale, loc, sizeof loc);
	}
	UText ut = UTEXT_INITIALIZER;
	utext_openUTF8(&ut, t, (int64_t)len, &e);
	if (U_FAILURE(e))
		return JK_EIO;
	ubrk_setUText(cx->brk, &ut, &e);
	if (U_SUCCESS(e)) {
		for (int32_t p = ubrk_first(cx->brk); p != UBRK_DONE; p = ubrk_next(cx->brk))
			if (p > 0 && (size_t)p < len)
				tp->brk[p] = 1;
	}
	/* The iterator must not keep pointing at the caller's text. */
	UErrorCode e2 = U_ZERO_ERROR;
	ubrk_setText(cx->brk, NULL, 0, &e2);
	utext_close(&ut);
	if (U_SUCCESS(e) && lang && !strncmp(lang, "ko", 2) && (!lang[2] || lang[2] == '-'))
		keep_korean_words(tp, t, len);
	return U_FAILURE(e) ? JK_EIO : 0;
}

/* Runs UAX #9 over t; levels per byte into tp. */
static int fill_levels(text_ctx *cx, text_para *tp, const char *t, size_t len, text_dir dir)
{
	if (len > INT32_MAX / 2)
		return JK_ETOOBIG;
	if (cx->u16cap < len + 1) {
		UChar *n = realloc(cx->u16, (len + 1) * sizeof *n);
		if (!n)
			return JK_ENOMEM;
		cx->u16 = n;
		cx->u16cap = len + 1;
	}
	/* Our own conversion keeps invalid bytes as U+FFFD, one per byte, the
	 * way jk_utf8_decode reads them. */
	int32_t n16 = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t j = text_next_cp(t, len, i, &cp);
		if (cp >= 0x10000) {
			cx->u16[n16++] = (UChar)(0xD7C0 + (cp >> 10));
			cx->u16[n16++] = (UChar)(0xDC00 | (cp & 0x3FF));
		} else {
			cx->u16[n16++] = (UChar)cp;
		}
		i = j;
	}
	UErrorCode e = U_ZERO_ERROR;
	if (!cx->bidi) {
		cx->bidi = ubidi_open();
		if (!cx->bidi)
			return JK_ENOMEM;
	}
	UBiDiLevel para = dir == TEXT_DIR_LTR        ? 0
	                  : dir == TEXT_DIR_RTL      ? 1
	                  : dir == TEXT_DIR_AUTO_RTL ? UBIDI_DEFAULT_RTL
	                                             : UBIDI_DEFAULT_LTR;
	ubidi_setPara(cx->bidi, cx->u16, n16, para, NULL, &e);
	if (U_FAILURE(e))
		return JK_EIO;
	const UBiDiLevel *lv = ubidi_getLevels(cx->bidi, &e);
	if (U_FAILURE(e) || !lv)
		return JK_EIO;
	tp->base = ubidi_getParaLevel(cx->bidi) & 1;
	int32_t u = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t j = text_next_cp(t, len, i, &cp);
		memset(tp->level + i, lv[u], j - i);
		u += cp >= 0x10000 ? 2 : 1;
		i = j;
	}
	ubidi_setPara(cx->bidi, NULL, 0, 0, NULL, &e); /* forget the text */
	return 0;
}

static int analyse(text_ctx *cx, text_para *tp, const char *t, size_t len, const char *lang,
                   text_dir dir);

/* The slot for t's analysis: the one holding it, else an empty one (key
 * 0), else NULL (full). */
static para_slot *para_find(text_ctx *cx, uint64_t key, const char *t, size_t len, const char *lang,
                            text_dir dir)
{
	for (size_t k = 0; k < 8; k++) {
		para_slot *sl = &cx->slots[(key + k) % PARA_SLOTS];
		if (!sl->key)
			return sl;
		if (sl->key == key && sl->tp.len == len && sl->dir == dir &&
		    !strncmp(sl->lang, lang ? lang : "", sizeof sl->lang) &&
		    !memcmp(sl->text, t, len))
			return sl;
	}
	return NULL;
}

int text_para_analyse(text_ctx *cx, text_para *tp, const char *t, size_t len, const char *lang,
                      text_dir dir)
{
	if (!cx->slots)
		cx->slots = calloc(PARA_SLOTS, sizeof *cx->slots);
	if (!cx->slots || len == 0 || cx->kept + len > PARA_KEEP_BYTES ||
	    (lang && strlen(lang) >= sizeof cx->slots->lang))
		return analyse(cx, tp, t, len, lang, dir);
	uint64_t key = jk_hash64(t, len, 0x9e3779b97f4a7c15ULL ^ (uint64_t)dir) | 1;
	para_slot *sl = para_find(cx, key, t, len, lang, dir);
	if (sl && sl->key) {
		*tp = sl->tp; /* borrowed from the cache */
		return 0;
	}
	int r = analyse(cx, tp, t, len, lang, dir);
	if (r || !sl)
		return r;
	sl->text = malloc(len);
	if (!sl->text)
		return 0; /* not kept: the caller owns *tp */
	memcpy(sl->text, t, len);
	sl->key = key;
	sl->dir = dir;
	snprintf(sl->lang, sizeof sl->lang, "%s", lang ? lang : "");
	tp->kept = true;
	sl->tp = *tp;
	cx->kept += len;
	return 0;
}

static int analyse(text_ctx *cx, text_para *tp, const char *t, size_t len, const char *lang,
                   text_dir dir)
{
	memset(tp, 0, sizeof *tp);
	tp->len = len;
	/* One allocation: levels, scripts, breaks. */
	tp->level = calloc(3, len ? len : 1);
	if (!tp->level)
		return JK_ENOMEM;
	tp->script = tp->level + len;
	tp->brk = tp->script + len;
	bool bidi = dir == TEXT_DIR_RTL || dir == TEXT_DIR_AUTO_RTL;
	bool plain = true;
	for (size_t i = 0; i < len;) {
		if ((unsigned char)t[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		i = text_next_cp(t, len, i, &cp);
		plain = false;
		if (needs_bidi(cp)) {
			bidi = true;
			break;
		}
	}
	int r = 0;
	if (bidi)
		r = fill_levels(cx, tp, t, len, dir);
	if (r && r != JK_ENOMEM) {
		/* ICU refused the text: shown in logical order, never lost. */
		memset(tp->level, 0, len);
		bidi = false;
		r = 0;
	}
	if (!bidi)
		tp->base = dir == TEXT_DIR_RTL;
	if (!r && !plain)
		fill_scripts(tp, t, len);
	if (!r)
		r = fill_breaks(cx, tp, t, len, lang);
	if (r && r != JK_ENOMEM) {
		/* No break iterator: lines break after spaces. */
		memset(tp->brk, 0, len);
		for (size_t i = 1; i < len; i++)
			tp->brk[i] =
			    (t[i - 1] == ' ' || t[i - 1] == '\t') && t[i] != ' ' && t[i] != '\t';
		r = 0;
	}
	if (r)
		text_para_free(tp);
	return r;
}

const char *text_script_tag(unsigned script)
{
	if (!script || script >= USCRIPT_CODE_LIMIT)
		return "Latn";
	const char *s = uscript_getShortName((UScriptCode)script);
	return s && strlen(s) == 4 ? s : "Zyyy";
}

const char *text_script_name(unsigned script)
{
	if (!script || script >= USCRIPT_CODE_LIMIT)
		return "Latin";
	const char *s = uscript_getName((UScriptCode)script);
	return s ? s : "Unknown";
}

unsigned text_script_of(uint32_t cp)
{
	return script_of(cp, NULL);
}

/* Lays runs [0, n) out in visual order (UAX #9 rule L2) into order. */
void text_visual_order(const unsigned char *levels, size_t n, int *order)
{
	if (n == 0)
		return;
	if (n > INT32_MAX) {
		for (size_t i = 0; i < n; i++)
			order[i] = (int)i;
		return;
	}
	ubidi_reorderVisual((const UBiDiLevel *)levels, (int32_t)n, order);
}

text_dir text_base_dir(const char *t, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i = text_next_cp(t, len, i, &cp);
		switch (u_charDirection((UChar32)cp)) {
		case U_LEFT_TO_RIGHT:
			return TEXT_DIR_LTR;
		case U_RIGHT_TO_LEFT:
		case U_RIGHT_TO_LEFT_ARABIC:
			return TEXT_DIR_RTL;
		default:
			break;
		}
	}
	return TEXT_DIR_AUTO;
}

/* The sentence ICU ends at p ends in a letter or two and a dot ("z. B.",
 * "d. h.", "e. g."): an abbreviation ICU's lists lack, not an end. */
static bool initial_dot(const char *t, size_t p)
{
	size_t e = p;
	while (e > 0 && strchr(" \t\r\n", t[e - 1]))
		e--;
	if (e < 2 || t[e - 1] != '.')
		return false;
	size_t w = e - 1, letters = 0;
	while (w > 0 && letters < 3 &&
	       (((unsigned char)t[w - 1] | 32) >= 'a' && ((unsigned char)t[w - 1] | 32) <= 'z')) {
		w--;
		letters++;
	}
	return letters >= 1 && letters <= 2 && (w == 0 || t[w - 1] == ' ' || t[w - 1] == '.');
}

size_t text_sentences(const char *t, size_t len, const char *lang, size_t k)
{
	if (!t || !len || !k || len > INT32_MAX)
		return len;
	char loc[48] = "";
	size_t n = 0;
	for (; lang && n < 15 && lang[n]; n++)
		loc[n] = lang[n] == '-' ? '_' : lang[n];
	snprintf(loc + n, sizeof loc - n, "@ss=standard");
	UErrorCode e = U_ZERO_ERROR;
	UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, loc, NULL, 0, &e);
	if (U_FAILURE(e))
		return len;
	UText ut = UTEXT_INITIALIZER;
	utext_openUTF8(&ut, t, (int64_t)len, &e);
	size_t end = len;
	if (U_SUCCESS(e)) {
		ubrk_setUText(bi, &ut, &e);
		int32_t p = U_SUCCESS(e) ? ubrk_first(bi) : UBRK_DONE;
		for (size_t i = 0; i < k && p != UBRK_DONE;) {
			p = ubrk_next(bi);
			i += p == UBRK_DONE || !initial_dot(t, (size_t)p);
		}
		if (p != UBRK_DONE && (size_t)p < len)
			end = (size_t)p;
	}
	ubrk_close(bi);
	utext_close(&ut);
	/* The spaces and line ends ICU counts as the sentence's. */
	while (end > 0 && end < len && strchr(" \t\r\n", t[end - 1]))
		end--;
	return end ? end : len;
}
