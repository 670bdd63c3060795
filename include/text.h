/* text.h — the pure text module layout calls: a paragraph analysed with
 * ICU (UAX #14 line breaks with dictionary breaks for Thai, Lao, Khmer and
 * Myanmar; UAX #9 bidi levels; scripts), where a line ends, and the order
 * its runs are shown in. No SDL, no I/O, no globals; widths come from the
 * caller, so this knows nothing of fonts. Prefix text_. */
#ifndef TEXT_H
#define TEXT_H

#include "jk.h"

/* Decodes the code point at byte i of t[0,len) (i < len) into *cp and
 * returns the byte offset after it. */
size_t text_next_cp(const char *t, size_t len, size_t i, uint32_t *cp);

/* ICU's break iterator and bidi object, reused from paragraph to
 * paragraph. Caller frees with text_ctx_free() (accepts NULL). */
typedef struct text_ctx text_ctx;
int text_ctx_open(text_ctx **out);
void text_ctx_free(text_ctx *cx);

/* A paragraph's base direction: from its first strong character, with
 * the fallback for text that has none (digits, punctuation); or fixed. */
typedef enum text_dir {
	TEXT_DIR_AUTO,     /* first strong character, else left to right */
	TEXT_DIR_AUTO_RTL, /* first strong character, else right to left */
	TEXT_DIR_LTR,
	TEXT_DIR_RTL,
} text_dir;

/* One paragraph analysed, per byte of its text. */
typedef struct text_para {
	size_t len;
	unsigned char *level;  /* bidi embedding level (odd: right to left) */
	unsigned char *script; /* script of the run it belongs to (0: Latin or
	                        * neutral; else an ICU UScriptCode) */
	unsigned char *brk;    /* 1: a line may start at this byte (UAX #14) */
	int base;              /* the paragraph's level: 0 LTR, 1 RTL */
	bool kept;             /* the arrays belong to the text_ctx's cache */
} text_para;

/* Analyses t[0,len) (borrowed for the call) for language lang (a BCP 47
 * tag or NULL; it picks the break rules, e.g. "ja", "th") into *tp, which
 * the caller frees with text_para_free() on success. The same text
 * analysed again through cx is answered from cx's cache (up to 4 MiB of
 * text): such a *tp is valid until text_ctx_free(cx). Where ICU cannot
 * analyse the text, it is kept in logical order and breaks after spaces.
 * JK_ENOMEM leaves *tp empty. */
int text_para_analyse(text_ctx *cx, text_para *tp, const char *t, size_t len, const char *lang,
                      text_dir dir);
/* Accepts NULL and an empty para. */
void text_para_free(text_para *tp);

/* The direction of t's first strong character: TEXT_DIR_LTR or
 * TEXT_DIR_RTL, or TEXT_DIR_AUTO when it has none. */
text_dir text_base_dir(const char *t, size_t len);

/* ISO 15924 tag ("Arab") and English name ("Arabic") of a script code of
 * text_para.script; 0 is "Latn". Static strings. */
const char *text_script_tag(unsigned script);
const char *text_script_name(unsigned script);
/* The script code of one code point (0: Latin or neutral). */
unsigned text_script_of(uint32_t cp);

/* The bytes of t[0,len) (borrowed) its first k sentences take, spaces
 * after them left out: UAX #29 sentence breaks for language lang (NULL:
 * root), with ICU's list of abbreviations ("e.g.", "Dr.") that end no
 * sentence. len when t has at most k sentences or ICU cannot tell. */
size_t text_sentences(const char *t, size_t len, const char *lang, size_t k);

/* Visual order of n runs with the given bidi levels: order[k] is the run
 * shown k-th from the left (UAX #9 rule L2). */
void text_visual_order(const unsigned char *levels, size_t n, int *order);

/* The first byte at or after i that is not a space (len if none). */
size_t text_skip_spaces(const char *t, size_t len, size_t i);

/* e moved back over spaces and tabs, no further than a. */
size_t text_trim_end(const char *t, size_t a, size_t e);

/* Next position after i where a line may end: a break tp allows, or len. */
size_t text_next_break(const text_para *tp, size_t i);

/* Width in pixels of bytes [a, b) of the text being broken, as it will be
 * drawn (the caller knows the styles and the fonts). */
typedef int (*text_width_fn)(void *ud, size_t a, size_t b);

/* End of the line of t[0,len) (analysed as tp) that starts at p (not a
 * space) within maxw pixels: the longest run ending at a break tp allows,
 * else a break before a separator (" · ", " • ", " | " never start a
 * line), else as many characters as fit (at least one), preferring a cut
 * after '.', '_', '=', '&' or before '@'. A break that would leave the
 * paragraph's last line one character and its punctuation ("す。") moves
 * one break back. t and tp are borrowed for the call. */
size_t text_line_end(const char *t, size_t len, const text_para *tp, size_t p, int maxw,
                     text_width_fn width, void *ud);

/* ---- words.c, script.c: the kiosk's own words in the posting's language --
 * A language is a tag as posting.language holds it ("de", "zh-Hant"); any
 * tag posting_lang_norm reads is taken ("pt-BR" is "pt", a bare "zh" is
 * Simplified Chinese); NULL or a language the table lacks is English. */

typedef enum text_word {
	TEXT_W_SCAN_TO_APPLY,  /* the apply card's caption: "Scan to apply" */
	TEXT_W_EMAIL_TO_APPLY, /* the caption for a mailto: target */
	TEXT_W_OPEN_POSITIONS, /* the overview's heading */
	TEXT_W_OPEN_POSITION,  /* the title of a posting without one */
	TEXT_W_LONGER,         /* the note under a posting cut short */
	TEXT_W_WAITING,        /* the waiting screen's headline */
	TEXT_W_WAITING_NOTE,   /* its note: the slideshow starts by itself */
	TEXT_W_WAITING_LINE,   /* its line while the sources say nothing */
	TEXT_W_NEW,            /* the badge of a posting posted lately: "New" */
	TEXT_W_APPLY_BY,       /* the deadline badge: "Apply by {d}" ({d}: the
	                        * date; text_word_apply_by puts it in) */
	TEXT_W_CLOSES_TODAY,   /* the badge on the posting's last day */
	TEXT_W_ALL_OPENINGS,   /* the caption of the overview's code (careers_url) */
	TEXT_W_COUNT
} text_word;

/* Word w in lang (valid UTF-8, never NULL; "" for a w out of range). */
const char *text_word_get(const char *lang, text_word w);
/* The overview's count line for n postings ("3 roles — scan a slide's code
 * to apply"), in the form the language gives that number, into out (cap
 * bytes, NUL-terminated, cut at a character). Returns its bytes. */
size_t text_word_roles(const char *lang, size_t n, char *out, size_t cap);
/* The deadline badge "Apply by <date>" with date (borrowed, written as it
 * is: text_date_short's) in the language's sentence, into out as
 * text_word_roles. The template is never a printf format. */
size_t text_word_apply_by(const char *lang, const char *date, char *out, size_t cap);
/* Day d of month m of year y, short, as lang writes it (date.c, ICU's
 * pattern for "dMMM" in the table's language, in its digits and
 * calendar): "12 Jan" (English is day first), "12. Jan." (de), "1月12日"
 * (ja), "١٢ يناير" (ar). "YYYY-MM-DD" when ICU cannot. Into out (cap
 * bytes, NUL-terminated). Returns its bytes; 0 and "" for a day that does
 * not exist, a year outside 1583-9999, or a date that does not fit (never
 * cut). */
size_t text_date_short(const char *lang, int y, int m, int d, char *out, size_t cap);
/* The page counter "k / n" into out, as text_word_roles. */
size_t text_word_page(const char *lang, size_t k, size_t n, char *out, size_t cap);
/* The offline mark "offline · updated HH:MM" into out, as text_word_roles;
 * hh and mm out of range show as 00. */
size_t text_word_offline(const char *lang, int hh, int mm, char *out, size_t cap);
/* Numbers are written in the digits the language's readers expect: Arabic
 * (ar) ٠-٩, Persian (fa) ۰-۹, Bengali (bn) ০-৯; the others 0-9. */

/* The table's tag for lang ("pt-BR" gives "pt"), NULL when the table does
 * not have it (English then stands in). Static. */
const char *text_lang_known(const char *lang);
/* The table's languages: i from 0 to text_lang_count() - 1. Static. */
size_t text_lang_count(void);
const char *text_lang_at(size_t i);

/* lang is written right to left (ar, he, fa, ur, yi, ps, dv...). */
bool text_lang_rtl(const char *lang);
/* The language the script of s[0..n) suggests, for text that states none:
 * Arabic script is "fa" when letters only Persian uses (پ چ ژ گ ک ی)
 * outnumber those only Arabic uses, else "ar"; Hebrew "he"; Devanagari
 * "hi"; Bengali "bn"; Thai "th"; Hangul "ko"; Han with any kana "ja", Han
 * alone "zh-Hant" when more of its characters are Traditional-only than
 * Simplified-only, else "zh-Hans"; Cyrillic "uk" with any of і ї є ґ, else
 * "ru"; Greek "el". NULL when Latin letters (or none) are most: Latin
 * script names no language. Linear in n; a static string. */
const char *text_lang_guess(const char *s, size_t n);

#endif
