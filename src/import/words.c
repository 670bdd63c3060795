/* words.c — layer 0a: words in prose, in the languages postings are written
 * in: finding one of a list of words (case-folded for Latin, Greek and
 * Cyrillic letters; CJK words anywhere, as those scripts do not separate
 * words) and where sentences end. Every scan is linear in the text. */
#include "support.h"

#include <string.h>
#include <strings.h>

/* Lower case of cp for the scripts whose case matters here. */
static uint32_t fold(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp < 0xC0)
		return cp;
	if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3AB) ||
	    (cp >= 0x410 && cp <= 0x42F))
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	/* Latin Extended-A: upper case letters are the even ones of each pair
	 * (with a shifted run from U+0139 to U+0148 and from U+0179). */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
		return cp | 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
		return (cp & 1) ? cp + 1 : cp;
	return cp;
}

/* A letter or digit of a script that separates its words with spaces. */
static bool wordish(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 32) >= 'a' && (cp | 32) <= 'z');
	return (cp >= 0xC0 && cp < 0x2000 && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x3130 && cp <= 0x318F);
}

/* Han and kana: words in these scripts match anywhere. */
static bool unspaced(uint32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF);
}

/* The character that ends right before t[i] (U+0020 at the start). */
static uint32_t cp_before(const char *t, size_t i)
{
	size_t s = i;
	while (s > 0 && i - s < 4 && ((unsigned char)t[s - 1] & 0xC0) == 0x80)
		s--;
	if (s > 0)
		s--;
	uint32_t cp = ' ';
	if (i > 0)
		jk_utf8_decode(t + s, i - s, &cp);
	return cp;
}

bool import_word_boundary(const char *t, size_t n, size_t i)
{
	uint32_t a = cp_before(t, i), b = ' ';
	if (i < n)
		jk_utf8_decode(t + i, n - i, &b);
	return !wordish(a) || !wordish(b);
}

/* Whether t[i..n) starts with word w (lower case), folding t's letters;
 * *len gets the bytes of t it spans. */
static bool folded_prefix(const char *t, size_t n, size_t i, const char *w, size_t *len)
{
	size_t j = i, k = 0, wl = strlen(w);
	while (k < wl) {
		if (j >= n)
			return false;
		uint32_t a, b;
		size_t da = jk_utf8_decode(t + j, n - j, &a);
		size_t db = jk_utf8_decode(w + k, wl - k, &b);
		if (fold(a) != b)
			return false;
		j += da;
		k += db;
	}
	*len = j - i;
	return true;
}

/* Whether w matches at t[i]: at a word start (any character start for a
 * Han or kana word), ending at a word end unless it is a prefix word. */
static bool word_at(const char *t, size_t n, size_t i, bool start, const import_word *w,
                    size_t *len)
{
	unsigned char c = (unsigned char)t[i], w0 = (unsigned char)w->w[0];
	/* Quick refusals: ASCII folds only to ASCII, and no character of three
	 * bytes or more changes when folded. */
	if ((c < 0x80) != (w0 < 0x80) || (c < 0x80 && (c >= 'A' && c <= 'Z' ? c + 32 : c) != w0) ||
	    (c >= 0xE0 && c != w0))
		return false;
	bool any = false;
	if (w0 >= 0xE3) {
		uint32_t first;
		jk_utf8_decode(w->w, strlen(w->w), &first);
		any = unspaced(first);
	}
	if ((!start && !any) || !folded_prefix(t, n, i, w->w, len))
		return false;
	return any || w->mode == IMPORT_WORD_PREFIX || import_word_boundary(t, n, i + *len);
}

size_t import_words_find(const char *t, size_t n, const import_word *list, size_t count,
                         size_t *len)
{
	/* The bytes a match may start with: most positions are refused at once. */
	bool lead[256] = {false};
	for (size_t k = 0; k < count; k++) {
		unsigned char w0 = (unsigned char)list[k].w[0];
		lead[w0] = true;
		if (w0 >= 'a' && w0 <= 'z')
			lead[w0 - 32] = true;
		for (unsigned c = 0xC0; w0 >= 0xC0 && w0 < 0xE0 && c < 0xE0; c++)
			lead[c] = true; /* folding may change a two-byte lead */
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (!lead[c])
			continue;
		uint32_t cp;
		jk_utf8_decode(t + i, n - i, &cp);
		bool start = wordish(cp) && !wordish(cp_before(t, i));
		if (!start && !unspaced(cp))
			continue;
		unsigned char fc = c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
		for (size_t k = 0; k < count; k++) {
			size_t l = 0;
			unsigned char w0 = (unsigned char)list[k].w[0];
			if ((fc < 0x80 || fc >= 0xE0) && w0 != fc)
				continue;
			if (word_at(t, n, i, start, &list[k], &l)) {
				if (len)
					*len = l;
				return i;
			}
		}
	}
	return n;
}

bool import_words_has(const char *t, size_t n, const import_word *list, size_t count)
{
	return import_words_find(t, n, list, count, NULL) < n;
}

/* Titles and abbreviations that end in '.' but end no sentence. */
static bool abbreviation(const char *t, size_t dot)
{
	static const char *const abbr[] = {"dr",  "mr",   "mrs", "ms",  "mgr",    "ing", "prof",
	                                   "bc",  "jr",   "sr",  "st",  "no",     "nr",  "tel",
	                                   "mag", "dipl", "vs",  "etc", "approx", "ca",  "resp"};
	size_t s = dot;
	while (s > 0 && dot - s < 8 && (unsigned char)t[s - 1] < 0x80 &&
	       wordish((unsigned char)t[s - 1]))
		s--;
	if (s == dot ||
	    (s > 0 && ((unsigned char)t[s - 1] >= 0x80 || wordish((unsigned char)t[s - 1]))))
		return false;
	if (dot - s == 1 && t[s] >= 'A' && t[s] <= 'Z')
		return true; /* an initial: "J. Smith" */
	for (size_t i = 0; i < JK_ARRAY_LEN(abbr); i++)
		if (strlen(abbr[i]) == dot - s && !strncasecmp(t + s, abbr[i], dot - s))
			return true;
	return false;
}

size_t import_sentence_end(const char *t, size_t n, size_t i)
{
	const unsigned char *u = (const unsigned char *)t + i;
	if (i + 3 <= n && u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) { /* 。 */
		/* "（件名は…。）" goes on after the bracket. */
		bool closes = (i + 6 <= n && u[3] == 0xEF && u[4] == 0xBC && u[5] == 0x89) ||
		              (i + 6 <= n && u[3] == 0xE3 && u[4] == 0x80 &&
		               (u[5] == 0x8D || u[5] == 0x8F)) ||
		              (i + 3 < n && u[3] == ')');
		return closes ? 0 : 3;
	}
	if (i + 3 <= n && u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F))
		return 3; /* ！ ？ */
	if (t[i] != '.' && t[i] != '!' && t[i] != '?')
		return 0;
	if (i + 1 < n && t[i + 1] != ' ')
		return 0;
	if (t[i] == '.') {
		/* "e.g. send", "Dr. Huang": no end before a lower-case word or
		 * after a title. */
		if (i + 2 < n && t[i + 2] >= 'a' && t[i + 2] <= 'z')
			return 0;
		if (abbreviation(t, i))
			return 0;
	}
	return 1;
}

size_t import_fold_word(const char *t, size_t n, size_t i, char *out, size_t cap)
{
	size_t j = i, k = 0;
	while (j < n) {
		uint32_t cp;
		size_t d = jk_utf8_decode(t + j, n - j, &cp);
		if (!wordish(cp) || (cp >= '0' && cp <= '9'))
			break;
		char tmp[4];
		size_t l = jk_utf8_encode(fold(cp), tmp);
		if (k + l + 1 > cap)
			return 0;
		memcpy(out + k, tmp, l);
		k += l;
		j += d;
	}
	out[k] = '\0';
	return j - i;
}
