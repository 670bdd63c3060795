/* address.c — layer 0b: e-mail addresses in prose, written every way people
 * write them to keep robots away: "name [at] host [dot] org", "name(at)host",
 * "name atmark host", a full-width ＠, "name at host dot org". Each look at
 * a position reads a bounded number of bytes, so a scan is linear. */
#include "support.h"

#include <string.h>
#include <strings.h>

#define LOCAL_MAX 64 /* RFC 5321 */
#define LABEL_MAX 63
#define ADDR_MAX 254

enum { AT_PLAIN, AT_BRACKET, AT_MARK, AT_WORD };

static bool local_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '.' ||
	       c == '_' || c == '+' || c == '-';
}

static bool label_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c == '-';
}

/* Spaces at t[i], at most max of them. */
static size_t spaces(const char *t, size_t n, size_t i, size_t max)
{
	size_t k = 0;
	while (i + k < n && k < max && (t[i + k] == ' ' || t[i + k] == '\t'))
		k++;
	return k;
}

/* A bracketed mark at t[i]: "[at]", "( at )", "[@]", "{dot}", "[.]" (word is
 * "at" or "dot"). Returns its length, 0 when none. */
static size_t bracketed(const char *t, size_t n, size_t i, const char *word)
{
	static const char opens[] = "[({<", closes[] = "])}>";
	const char *o = i < n && t[i] ? strchr(opens, t[i]) : NULL;
	if (!o)
		return 0;
	size_t j = i + 1 + spaces(t, n, i + 1, 2), wl = strlen(word);
	if (j + wl <= n && !strncasecmp(t + j, word, wl))
		j += wl;
	else if (j < n && t[j] == (word[0] == 'a' ? '@' : '.'))
		j++;
	else
		return 0;
	j += spaces(t, n, j, 2);
	return j < n && t[j] == closes[o - opens] ? j + 1 - i : 0;
}

/* A spelled mark " at ", " atmark ", " dot " at t[i] (the space before
 * it): its length with both spaces. *upper says it was written in
 * capitals ("AT"). */
static size_t spelled(const char *t, size_t n, size_t i, const char *word, bool *upper)
{
	size_t wl = strlen(word);
	if (i + wl + 2 > n || t[i] != ' ' || strncasecmp(t + i + 1, word, wl) ||
	    t[i + 1 + wl] != ' ')
		return 0;
	*upper = t[i + 1] >= 'A' && t[i + 1] <= 'Z' && t[i + 2] >= 'A' && t[i + 2] <= 'Z';
	return wl + 2;
}

/* The at-mark at t[i]: its length and kind, 0 when none. */
static size_t at_mark(const char *t, size_t n, size_t i, int *kind, bool *upper)
{
	const unsigned char *u = (const unsigned char *)t + i;
	size_t l;
	*upper = false;
	*kind = AT_PLAIN;
	if (u[0] == '@')
		return 1;
	if (i + 3 <= n && u[0] == 0xEF && u[1] == 0xBC && u[2] == 0xA0) /* ＠ */
		return 3;
	*kind = AT_BRACKET;
	if (i + 3 <= n && u[0] == ' ' && u[1] == '@' && u[2] == ' ')
		return 3;
	if ((l = bracketed(t, n, i, "at")))
		return l;
	*kind = AT_MARK;
	if ((l = spelled(t, n, i, "atmark", upper)))
		return l;
	*kind = AT_WORD;
	return spelled(t, n, i, "at", upper);
}

/* The dot between two labels at t[i]: its length, 0 when none; *word says
 * it was spelled out. */
static size_t dot_mark(const char *t, size_t n, size_t i, bool *word)
{
	const unsigned char *u = (const unsigned char *)t + i;
	bool up;
	if (i < n && u[0] == '.')
		return 1;
	if (i + 3 <= n && u[0] == 0xEF && u[1] == 0xBC && u[2] == 0x8E) /* ． */
		return 3;
	size_t s = spaces(t, n, i, 1), l = bracketed(t, n, i + s, "dot");
	if (l)
		return s + l + spaces(t, n, i + s + l, 1);
	l = spelled(t, n, i, "dot", &up);
	*word = *word || l;
	return l;
}

static bool in_list(const char *s, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && !strncasecmp(s, list[i], n))
			return true;
	return false;
}

/* "name at host dot org" in running text: both sides must look like an
 * address, not like "look at the dot com era". */
static bool word_form_ok(const char *local, size_t ll, const char *dom, size_t dl)
{
	static const char *const stop[] = {
	    "look",  "looking", "looked", "me",     "us",      "you",   "him",  "her",   "them",
	    "it",    "this",    "that",   "the",    "a",       "an",    "our",  "your",  "my",
	    "his",   "their",   "its",    "least",  "most",    "all",   "any",  "same",  "home",
	    "work",  "once",    "first",  "last",   "times",   "time",  "one",  "based", "good",
	    "great", "best",    "aim",    "arrive", "arrived", "night", "hand", "heart", "large",
	    "scale", "risk",    "ease",   "some",   "every"};
	static const char *const tlds[] = {"com", "org",  "net", "edu",  "gov", "mil",
	                                   "int", "info", "biz", "name", "pro", "dev",
	                                   "app", "tech", "io",  "ai"};
	size_t first = strcspn(dom, ".");
	const char *tld = strrchr(dom, '.') + 1;
	size_t tl = dl - (size_t)(tld - dom);
	if (in_list(local, ll, stop, JK_ARRAY_LEN(stop)) ||
	    in_list(dom, first, stop, JK_ARRAY_LEN(stop)))
		return false;
	/* A country code, unless it is a short English word. */
	static const char *const words2[] = {"am", "an", "as", "at", "be", "by", "do", "go",
	                                     "he", "if", "in", "is", "it", "me", "my", "no",
	                                     "of", "on", "or", "so", "to", "up", "us", "we"};
	return in_list(tld, tl, tlds, JK_ARRAY_LEN(tlds)) ||
	       (tl == 2 && !in_list(tld, tl, words2, JK_ARRAY_LEN(words2)));
}

/* The host after an at-mark, from t[e], appended to out: labels joined by
 * dots however written. *end gets where it ends; *dots how many dots. */
static bool read_host(const char *t, size_t n, size_t e, jk_buf *out, size_t *end, size_t *dots,
                      bool *word_dot)
{
	*dots = 0;
	for (;;) {
		size_t l = e;
		while (l < n && l - e <= LABEL_MAX && label_char((unsigned char)t[l]))
			l++;
		if (l == e || l - e > LABEL_MAX || t[e] == '-' || t[l - 1] == '-' ||
		    jk_buf_append(out, t + e, l - e) || out->len > ADDR_MAX)
			return false;
		e = l;
		size_t dl = dot_mark(t, n, e, word_dot);
		if (!dl || e + dl >= n || !label_char((unsigned char)t[e + dl]) || t[e + dl] == '-')
			break;
		if (jk_buf_putc(out, '.'))
			return false;
		++*dots;
		e += dl;
	}
	*end = e;
	return true;
}

/* An address whose at-mark starts at t[i]. */
static bool address_at(const char *t, size_t n, size_t from, size_t i, jk_buf *out, size_t *a,
                       size_t *b, bool *plain)
{
	int kind;
	bool upper, word_dot = false;
	size_t ml = at_mark(t, n, i, &kind, &upper);
	if (!ml)
		return false;
	size_t le = i;
	if (kind == AT_BRACKET && le > from && t[le - 1] == ' ')
		le--;
	size_t ls = le;
	while (ls > from && le - ls <= LOCAL_MAX && local_char((unsigned char)t[ls - 1]))
		ls--;
	while (ls < le && t[ls] == '.')
		ls++;
	if (ls == le || le - ls > LOCAL_MAX || t[le - 1] == '.')
		return false;
	size_t d = i + ml + (kind == AT_BRACKET ? spaces(t, n, i + ml, 1) : 0), e, dots;
	out->len = 0;
	if (jk_buf_append(out, t + ls, le - ls) || jk_buf_putc(out, '@'))
		return false;
	size_t host = out->len;
	if (!read_host(t, n, d, out, &e, &dots, &word_dot) || !dots)
		return false;
	const char *dom = out->data + host, *tld = strrchr(dom, '.') + 1;
	for (const char *c = tld; *c; c++)
		if (!((*c | 32) >= 'a' && (*c | 32) <= 'z'))
			return false;
	if (strlen(tld) < 2)
		return false;
	if (kind == AT_WORD &&
	    (!(word_dot || upper) || !word_form_ok(t + ls, le - ls, dom, strlen(dom))))
		return false;
	*a = ls;
	*b = e;
	if (plain)
		*plain = kind == AT_PLAIN && ml == 1;
	return true;
}

/* Whether an at-mark may start at t[i]: a space only before '@' or an 'a'
 * (" @ ", " at ", " atmark "), as most spaces start none. */
static bool mark_start(const char *t, size_t n, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == ' ')
		return i + 1 < n && (t[i + 1] == '@' || (t[i + 1] | 32) == 'a');
	return c == '@' || c == 0xEF || c == '[' || c == '(' || c == '{' || c == '<';
}

bool import_address_may(const char *t, size_t n)
{
	int kind;
	bool upper;
	for (size_t i = 0; i < n; i++)
		if (mark_start(t, n, i) && at_mark(t, n, i, &kind, &upper))
			return true;
	return false;
}

bool import_address_next(const char *t, size_t n, size_t *pos, jk_buf *addr, size_t *a, size_t *b,
                         bool *plain)
{
	/* An address never begins inside the one before it. */
	size_t from = *pos;
	for (size_t i = *pos; i < n; i++) {
		if (!mark_start(t, n, i))
			continue;
		if (address_at(t, n, from, i, addr, a, b, plain)) {
			*pos = *b;
			return true;
		}
	}
	*pos = n;
	return false;
}
