/* text.c — where a line ends: at the longest fit among the breaks a
 * paragraph's analysis allows (para.c), with the few rules of our own a
 * slide needs on top (separators, an over-long word, a lone last
 * character). Pure: widths come through a callback. */
#include "text.h"

#include <unicode/uchar.h>

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

size_t text_next_break(const text_para *tp, size_t i)
{
	size_t j = i + 1;
	while (j < tp->len && !tp->brk[j])
		j++;
	return j < tp->len ? j : tp->len;
}

/* Separators that must not start a line even across spaces: "A · B" breaks
 * after the dot, never before it. */
static bool no_line_start(const char *t, size_t len, size_t i)
{
	uint32_t cp;
	text_next_cp(t, len, i, &cp);
	return cp == 0xB7 || cp == 0x2022 || cp == '|';
}

/* True when t[q, len) is one character and punctuation at most: a last
 * line no one should be left with ("す。"). */
static bool lone_tail(const char *t, size_t len, size_t q)
{
	int letters = 0, n = 0;
	while (q < len && n < 4) {
		uint32_t cp;
		q = text_next_cp(t, len, q, &cp);
		n++;
		if (!u_ispunct((UChar32)cp) && !jk_cp_is_space(cp))
			letters++;
	}
	return q >= len && letters == 1;
}

size_t text_line_end(const char *t, size_t len, const text_para *tp, size_t p, int maxw,
                     text_width_fn width, void *ud)
{
	size_t fit = 0, before = 0, forced = 0, q = p;
	while (q < len) {
		size_t e = text_next_break(tp, q);
		size_t te = text_trim_end(t, p, e);
		if (te > p && width(ud, p, te) > maxw)
			break;
		q = text_skip_spaces(t, len, e);
		if (te > p) {
			if (te < q && q < len && no_line_start(t, len, q)) {
				forced = forced ? forced : te;
			} else if (te != fit) {
				before = fit;
				fit = te;
			}
		}
		if (e == len)
			break;
	}
	if (fit && fit < len && before > p && lone_tail(t, len, text_skip_spaces(t, len, fit)))
		return before;
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
