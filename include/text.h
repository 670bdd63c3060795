/* text.h — the pure text module layout calls: where a line of UTF-8 text
 * may break. No SDL, no I/O, no globals; widths come from the caller, so
 * this knows nothing of fonts. Bidi and UAX #14 line breaking belong here
 * too. Prefix text_. */
#ifndef TEXT_H
#define TEXT_H

#include "jk.h"

/* Decodes the code point at byte i of t[0,len) (i < len) into *cp and
 * returns the byte offset after it. */
size_t text_next_cp(const char *t, size_t len, size_t i, uint32_t *cp);

/* True when a line break is allowed between code points a and b, where a
 * ends the line: at spaces, after hyphens, dashes and '/', between CJK
 * characters, never before closing or after opening punctuation. */
bool text_break_between(uint32_t a, uint32_t b);

/* The first byte at or after i that is not a space (len if none). */
size_t text_skip_spaces(const char *t, size_t len, size_t i);

/* e moved back over spaces and tabs, no further than a. */
size_t text_trim_end(const char *t, size_t a, size_t e);

/* Next position after i where a line may end: the start of a space run, a
 * point between two characters that allows a break, or len. */
size_t text_next_break(const char *t, size_t len, size_t i);

/* Width in pixels of bytes [a, b) of the text being broken, as it will be
 * drawn (the caller knows the styles and the fonts). */
typedef int (*text_width_fn)(void *ud, size_t a, size_t b);

/* End of the line of t[0,len) that starts at p (not a space) within maxw
 * pixels: the longest run ending at a break, else a break before a
 * separator (" · ", " • ", " | " never start a line), else as many
 * characters as fit (at least one), preferring a cut after '.', '_', '=',
 * '&' or before '@'. t is borrowed for the call. */
size_t text_line_end(const char *t, size_t len, size_t p, int maxw, text_width_fn width, void *ud);

#endif
