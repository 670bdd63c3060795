/* text.c — where lines may break: a small rule set (spaces, hyphens and
 * slashes, CJK between characters, no break next to closing or opening
 * punctuation). Pure: widths come through a callback. */
#include "text.h"

static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Closing punctuation that must not start a line, opening that must not end
 * one (the common CJK and ASCII cases). */
static bool no_break_before(uint32_t cp)
{
	static const uint32_t set[] = {',',    '.',    ';',    ':',    '!',    '?',    ')',
	                               ']',    '}',    0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A,
	                               0xFF1B, 0xFF01, 0xFF1F, 0xFF09, 0x300D, 0x300F, 0x3011,
	                               0x3009, 0x300B, 0x30FC, 0x3005, 0x2019, 0x201D};
	for (size_t i = 0; i < JK_ARRAY_LEN(set); i++)
		if (set[i] == cp)
			return true;
	return false;
}

static bool no_break_after(uint32_t cp)
{
	static const uint32_t set[] = {'(',    '[',    '{',    0xFF08, 0x300C, 0x300E,
	                               0x3010, 0x3008, 0x300A, 0x2018, 0x201C};
	for (size_t i = 0; i < JK_ARRAY_LEN(set); i++)
		if (set[i] == cp)
			return true;
	return false;
}

bool text_break_between(uint32_t a, uint32_t b)
{
	if (jk_cp_is_space(a) || jk_cp_is_space(b))
		return true;
	if (no_break_before(b) || no_break_after(a))
		return false;
	if (a == '-' || a == '/' || a == 0x2013 || a == 0x2014 || a == 0x2010)
		return true;
	return is_cjk(a) || is_cjk(b);
}

size_t text_next_cp(const char *t, size_t len, size_t i, uint32_t *cp)
{
	return i + jk_utf8_decode(t + i, len - i, cp);
}

size_t text_skip_spaces(const char *t, size_t len, size_t i)
{
	while (i < len) {
		uint32_t cp;
		size_t j = text_next_cp(t, len, i, &cp);
		if (!jk_cp_is_space(cp))
			break;
		i = j;
	}
	return i;
}

size_t text_trim_end(const char *t, size_t a, size_t e)
{
	while (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t'))
		e--;
	return e;
}

size_t text_next_break(const char *t, size_t len, size_t i)
{
	uint32_t a;
	if (i >= len)
		return len;
	size_t j = text_next_cp(t, len, i, &a);
	while (j < len) {
		uint32_t b;
		size_t k = text_next_cp(t, len, j, &b);
		if (jk_cp_is_space(b))
			return j;
		if (text_break_between(a, b))
			return j;
		a = b;
		j = k;
	}
	return len;
}

/* Separators that must not start a line even across spaces: "A · B" breaks
 * after the dot, never before it. */
static bool no_line_start(const char *t, size_t len, size_t i)
{
	uint32_t cp;
	text_next_cp(t, len, i, &cp);
	return cp == 0xB7 || cp == 0x2022 || cp == '|';
}

size_t text_line_end(const char *t, size_t len, size_t p, int maxw, text_width_fn width, void *ud)
{
	size_t fit = 0, forced = 0, q = p;
	while (q < len) {
		size_t e = text_next_break(t, len, q);
		size_t te = text_trim_end(t, p, e);
		if (te > p && width(ud, p, te) > maxw)
			break;
		q = text_skip_spaces(t, len, e);
		if (te > p) {
			if (q > e && q < len && no_line_start(t, len, q))
				forced = forced ? forced : te;
			else
				fit = te;
		}
		if (e == len)
			break;
	}
	if (fit)
		return fit;
	if (forced)
		return forced;
	/* One word wider than the line: break between characters, after the
	 * last dot or underscore or before an '@' in the line's second half
	 * ("crew@harbourlights." / "example.org", not "…exam" / "ple.org"). */
	uint32_t cp, prev;
	size_t end = text_next_cp(t, len, p, &prev), soft = 0;
	while (end < len) {
		size_t n2 = text_next_cp(t, len, end, &cp);
		if (width(ud, p, n2) > maxw)
			break;
		if (prev == '.' || prev == '_' || prev == '=' || prev == '&' || cp == '@')
			soft = end;
		prev = cp;
		end = n2;
	}
	return end < len && soft && soft - p >= (end - p) / 2 ? soft : end;
}
