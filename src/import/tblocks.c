/* tblocks.c — layer 1a: plain text → sections of a posting (headings,
 * bullets, numbered items, wrapped paragraphs, "Key: value" lines at the
 * top), and where a text document's postings are separated. */
#include "blocks.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct line {
	const char *s;
	size_t n;
} line;

/* Length of a leading space (ASCII, U+00A0, U+3000) at s, else 0. */
static size_t space_at(const char *s, size_t n)
{
	if (n && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v'))
		return 1;
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	if (n >= 3 && !memcmp(s, "\xE3\x80\x80", 3))
		return 3;
	return 0;
}

static size_t space_before(const char *s, size_t n)
{
	if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\f' || s[n - 1] == '\v'))
		return 1;
	if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
		return 2;
	if (n >= 3 && !memcmp(s + n - 3, "\xE3\x80\x80", 3))
		return 3;
	return 0;
}

static line trim(line l)
{
	size_t k;
	while ((k = space_at(l.s, l.n)))
		l.s += k, l.n -= k;
	while ((k = space_before(l.s, l.n)))
		l.n -= k;
	return l;
}

/* Reads the line at *pos (ended by \n, \r\n or \r), trimmed; advances *pos.
 * False at the end of s. */
static bool next_line(const char *s, size_t n, size_t *pos, line *out)
{
	size_t i = *pos;
	if (i >= n)
		return false;
	const char *nl = memchr(s + i, '\n', n - i);
	size_t e = nl ? (size_t)(nl - s) : n;
	const char *cr = memchr(s + i, '\r', e - i);
	if (cr)
		e = (size_t)(cr - s);
	size_t next = e;
	if (next < n)
		next += (s[next] == '\r' && next + 1 < n && s[next + 1] == '\n') ? 2 : 1;
	*pos = next;
	*out = trim((line){s + i, e - i});
	return true;
}

/* Three or more of one of '=' or '-' and nothing else. */
static char rule_char(line l)
{
	if (l.n < 3 || (l.s[0] != '=' && l.s[0] != '-'))
		return 0;
	for (size_t i = 1; i < l.n; i++)
		if (l.s[i] != l.s[0])
			return 0;
	return l.s[0];
}

/* Bullet and number markers; returns the block kind and the text after the
 * marker in rest, or -1 when the line is not an item. */
static int item_marker(line l, line *rest, int *number)
{
	static const char *const bullets[] = {
	    "- ",           "* ",           "+ ",
	    "\xE2\x80\xA2", "\xC2\xB7 ",    "\xE2\x80\x93 ",
	    "\xE2\x80\xA3", "\xE2\x97\xA6", "\xE2\x97\x8F",
	    "\xE2\x96\xAA", "\xE2\x96\xA0", "\xE3\x83\xBB"}; /* • · – ‣ ◦ ● ▪ ■ ・ */
	for (size_t i = 0; i < JK_ARRAY_LEN(bullets); i++) {
		size_t k = strlen(bullets[i]);
		if (l.n > k && !memcmp(l.s, bullets[i], k)) {
			*rest = trim((line){l.s + k, l.n - k});
			*number = 0;
			return rest->n ? POSTING_BULLET : -1;
		}
	}
	size_t d = 0;
	int v = 0;
	while (d < l.n && d < 3 && l.s[d] >= '0' && l.s[d] <= '9')
		v = v * 10 + (l.s[d++] - '0');
	if (d && d + 1 < l.n && (l.s[d] == '.' || l.s[d] == ')') &&
	    space_at(l.s + d + 1, l.n - d - 1)) {
		*rest = trim((line){l.s + d + 1, l.n - d - 1});
		*number = v;
		return rest->n ? POSTING_NUMBERED : -1;
	}
	return -1;
}

static bool ends_with_colon(line l)
{
	return (l.n >= 1 && l.s[l.n - 1] == ':') ||
	       (l.n >= 3 && !memcmp(l.s + l.n - 3, "\xEF\xBC\x9A", 3)); /* full-width ： */
}

/* A short line that ends in ':' or is written in capitals. */
static bool is_heading(line l)
{
	if (l.n < 2 || l.n > 80)
		return false;
	if (ends_with_colon(l)) {
		size_t words = 1;
		for (size_t i = 0; i < l.n; i++)
			words += l.s[i] == ' ';
		return words <= 8;
	}
	size_t upper = 0;
	for (size_t i = 0; i < l.n; i++) {
		unsigned char c = (unsigned char)l.s[i];
		if (c >= 'a' && c <= 'z')
			return false;
		if (c >= 0x80 || !strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 &-,/'()+", c))
			return false;
		upper += c >= 'A' && c <= 'Z';
	}
	return upper >= 2;
}

enum { K_TITLE, K_ORG, K_LOC, K_PAY, K_APPLY, K_EMP, K_POSTED, K_EXPIRES, K_TAGS };

static const struct {
	const char *key;
	int field;
} keys[] = {
    {"title", K_TITLE},
    {"job title", K_TITLE},
    {"position", K_TITLE},
    {"role", K_TITLE},
    {"company", K_ORG},
    {"organization", K_ORG},
    {"organisation", K_ORG},
    {"employer", K_ORG},
    {"location", K_LOC},
    {"where", K_LOC},
    {"salary", K_PAY},
    {"pay", K_PAY},
    {"compensation", K_PAY},
    {"wage", K_PAY},
    {"apply", K_APPLY},
    {"apply at", K_APPLY},
    {"apply to", K_APPLY},
    {"type", K_EMP},
    {"employment", K_EMP},
    {"employment type", K_EMP},
    {"job type", K_EMP},
    {"contract", K_EMP},
    {"hours", K_EMP},
    {"posted", K_POSTED},
    {"date", K_POSTED},
    {"published", K_POSTED},
    {"expires", K_EXPIRES},
    {"closes", K_EXPIRES},
    {"closing date", K_EXPIRES},
    {"deadline", K_EXPIRES},
    {"valid through", K_EXPIRES},
    {"apply by", K_EXPIRES},
    {"tags", K_TAGS},
    {"keywords", K_TAGS},
    /* Japanese postings: 会社 会社名 勤務地 給与 応募 応募方法 雇用形態 掲載日 締切 応募締切 */
    {"\xE4\xBC\x9A\xE7\xA4\xBE", K_ORG},
    {"\xE4\xBC\x9A\xE7\xA4\xBE\xE5\x90\x8D", K_ORG},
    {"\xE5\x8B\xA4\xE5\x8B\x99\xE5\x9C\xB0", K_LOC},
    {"\xE7\xB5\xA6\xE4\xB8\x8E", K_PAY},
    {"\xE5\xBF\x9C\xE5\x8B\x9F", K_APPLY},
    {"\xE5\xBF\x9C\xE5\x8B\x9F\xE6\x96\xB9\xE6\xB3\x95", K_APPLY},
    {"\xE9\x9B\x87\xE7\x94\xA8\xE5\xBD\xA2\xE6\x85\x8B", K_EMP},
    {"\xE6\x8E\xB2\xE8\xBC\x89\xE6\x97\xA5", K_POSTED},
    {"\xE7\xB7\xA0\xE5\x88\x87", K_EXPIRES},
    {"\xE5\xBF\x9C\xE5\x8B\x9F\xE7\xB7\xA0\xE5\x88\x87", K_EXPIRES},
};

/* "Key: value" with a known key; returns the field and sets value, or -1. */
static int key_of(line l, line *value)
{
	size_t c = 0, clen = 0;
	for (; c < l.n && c < 40; c++) {
		if (l.s[c] == ':') {
			clen = 1;
			break;
		}
		if (c + 3 <= l.n && !memcmp(l.s + c, "\xEF\xBC\x9A", 3)) {
			clen = 3;
			break;
		}
	}
	if (!clen)
		return -1;
	line k = trim((line){l.s, c});
	*value = trim((line){l.s + c + clen, l.n - c - clen});
	if (!value->n)
		return -1;
	for (size_t i = 0; i < JK_ARRAY_LEN(keys); i++)
		if (strlen(keys[i].key) == k.n && !strncasecmp(keys[i].key, k.s, k.n))
			return keys[i].field;
	return -1;
}

/* Local part / domain characters of an email address. */
static bool local_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("._%+-", c) != NULL;
}

static bool domain_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '.' || c == '-';
}

/* An email address starting at s[i]; returns its length or 0. */
static size_t email_at(const char *s, size_t n, size_t i)
{
	size_t j = i;
	while (j < n && local_char(s[j]))
		j++;
	if (j == i || j >= n || s[j] != '@')
		return 0;
	size_t d = ++j;
	while (j < n && domain_char(s[j]))
		j++;
	while (j > d && (s[j - 1] == '.' || s[j - 1] == '-'))
		j--;
	const char *dot = memchr(s + d, '.', j - d);
	if (!dot || dot == s + d || (size_t)(s + j - dot) < 3)
		return 0;
	return j - i;
}

/* A URL starting at s[i] (http://, https://, www.); returns its length. */
static size_t url_at(const char *s, size_t n, size_t i)
{
	if (!(n - i >= 7 && !strncasecmp(s + i, "http://", 7)) &&
	    !(n - i >= 8 && !strncasecmp(s + i, "https://", 8)) &&
	    !(n - i >= 4 && !strncasecmp(s + i, "www.", 4) && (i == 0 || !domain_char(s[i - 1]))))
		return 0;
	size_t j = i, open = 0;
	while (j < n && (unsigned char)s[j] > ' ' && !strchr("<>\"'", s[j])) {
		open += s[j] == '(';
		if (s[j] == ')' && !open)
			break;
		open -= s[j] == ')';
		j++;
	}
	while (j > i && strchr(".,;:!?", s[j - 1]))
		j--;
	return j - i > 8 ? j - i : 0;
}

/* Adds every URL and email address in text to links, with text as context. */
static int scan_links(import_links *links, const char *text, size_t n)
{
	char *tmp = NULL;
	int r = 0;
	size_t added = 0;
	for (size_t i = 0; i < n && !r;) {
		size_t k = url_at(text, n, i);
		bool mail = false;
		if (!k && (i == 0 || !local_char(text[i - 1])) && local_char(text[i]))
			mail = (k = email_at(text, n, i)) > 0;
		if (!k) {
			i++;
			continue;
		}
		jk_buf h = {0};
		r = jk_buf_puts(&h, mail                                ? "mailto:"
		                    : !strncasecmp(text + i, "www.", 4) ? "https://"
		                                                        : "");
		if (!r)
			r = jk_buf_append(&h, text + i, k);
		if (!r && (tmp = jk_strndup(text + i, k)) == NULL)
			r = JK_ENOMEM;
		if (!r) /* the links of one text share its context */
			r = added++ ? import_links_add_same(links, h.data, tmp)
			            : import_links_add(links, h.data, tmp, text);
		free(tmp);
		tmp = NULL;
		jk_buf_free(&h);
		i += k;
	}
	return r;
}

/* The first URL or email address in value as an apply target, or NULL. */
static char *apply_from(line v, const char *base)
{
	for (size_t i = 0; i < v.n; i++) {
		size_t k = 0;
		jk_buf h = {0};
		int r = 0;
		if (v.n - i > 7 && !strncasecmp(v.s + i, "mailto:", 7)) {
			k = 7;
			while (i + k < v.n && (unsigned char)v.s[i + k] > ' ')
				k++;
			r = jk_buf_append(&h, v.s + i, k);
		} else if ((k = url_at(v.s, v.n, i))) {
			r = jk_buf_puts(&h, !strncasecmp(v.s + i, "www.", 4) ? "https://" : "");
			if (!r)
				r = jk_buf_append(&h, v.s + i, k);
		} else if ((i == 0 || !local_char(v.s[i - 1])) && (k = email_at(v.s, v.n, i))) {
			r = jk_buf_puts(&h, "mailto:");
			if (!r)
				r = jk_buf_append(&h, v.s + i, k);
		}
		if (!k)
			continue;
		char *u = r ? NULL : import_url_accept(h.data, base);
		jk_buf_free(&h);
		return u;
	}
	return NULL;
}

static int set_date(char **field, line v)
{
	char *s = jk_strndup(v.s, v.n);
	if (!s)
		return JK_ENOMEM;
	int r = import_set_date(field, s);
	free(s);
	return r;
}

/* Fills the field of a "Key: value" line when it is empty. *used is false
 * when the line should rather be shown (an Apply: that is no address). */
static int set_key(posting *p, int k, line v, const char *base, bool *used)
{
	*used = true;
	switch (k) {
	case K_TITLE:
		return posting_set_default(&p->title, v.s, v.n);
	case K_ORG:
		return posting_set_default(&p->organization, v.s, v.n);
	case K_LOC:
		return posting_set_default(&p->location, v.s, v.n);
	case K_PAY:
		return posting_set_default(&p->pay, v.s, v.n);
	case K_EMP:
		return posting_set_default(&p->employment, v.s, v.n);
	case K_POSTED:
		return set_date(&p->posted, v);
	case K_EXPIRES:
		return set_date(&p->expires, v);
	case K_APPLY: {
		char *u = apply_from(v, base);
		*used = u != NULL;
		int r = u ? posting_set_default(&p->apply, u, (size_t)-1) : 0;
		free(u);
		return r;
	}
	default: { /* K_TAGS */
		int r = 0;
		for (size_t i = 0; i < v.n && !r;) {
			size_t e = i;
			while (e < v.n && v.s[e] != ',')
				e++;
			char *t = jk_strndup(v.s + i, e - i);
			r = t ? posting_add_tag(p, t) : JK_ENOMEM;
			free(t);
			i = e + 1;
		}
		return r;
	}
	}
}

static bool is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x2FFFF);
}

/* Appends a wrapped line to a block: a space between words, none between
 * two CJK characters (those scripts do not separate words). */
static int join_line(posting_block *b, line l)
{
	if (b->len) {
		size_t i = b->len;
		while (i > 0 && ((unsigned char)b->text[i - 1] & 0xC0) == 0x80)
			i--;
		uint32_t a = 0, z = 0;
		if (i > 0)
			jk_utf8_decode(b->text + i - 1, b->len - i + 1, &a);
		jk_utf8_decode(l.s, l.n, &z);
		if (!(is_cjk(a) && is_cjk(z)))
			posting_block_space(b);
	}
	return posting_block_append(b, l.s, l.n, 0);
}

/* A first line that can be a title: not a label ("Quick facts:"), a
 * greeting ("Hi all!", "Hello,"), a generic "We're hiring!" or a sentence
 * of prose. */
static bool title_line(line l)
{
	char last = l.s[l.n - 1];
	if (ends_with_colon(l) || last == '!' || last == '?' || last == ',' ||
	    import_generic_title(l.s, l.n))
		return false;
	if (last != '.')
		return true;
	size_t words = 1;
	for (size_t i = 0; i < l.n; i++)
		words += l.s[i] == ' ';
	return words < 8;
}

/* A wrapped line ending in ':' ("… in Bergen. You will:") that goes on
 * with the sentence the open paragraph's last line left unfinished. */
static bool continues(const posting *p, line l)
{
	const posting_section *s = p->nsections ? &p->sections[p->nsections - 1] : NULL;
	const posting_block *b = s && s->nblocks ? &s->blocks[s->nblocks - 1] : NULL;
	if (!b || b->kind != POSTING_PARAGRAPH || !b->len || !ends_with_colon(l))
		return false;
	unsigned char c = (unsigned char)b->text[b->len - 1];
	return isalnum(c) || c == ',';
}

static posting_section *last_section(posting *p)
{
	if (!p->nsections)
		return posting_add_section(p, NULL);
	return &p->sections[p->nsections - 1];
}

static int add_heading(posting *p, line l)
{
	if (l.n >= 3 && !memcmp(l.s + l.n - 3, "\xEF\xBC\x9A", 3))
		l.n -= 3;
	char *h = jk_strndup(l.s, l.n);
	int r = h && posting_add_section(p, h) ? 0 : JK_ENOMEM;
	free(h);
	return r;
}

static int add_block(posting *p, int kind, int number, line l)
{
	posting_section *s = last_section(p);
	posting_block *b = s ? posting_add_block(s, (posting_block_kind)kind, number) : NULL;
	return b ? posting_block_append(b, l.s, l.n, 0) : JK_ENOMEM;
}

int import_text_sections(posting *p, const char *s, size_t n, unsigned flags, import_links *links,
                         const char *base)
{
	size_t s0 = p->nsections ? p->nsections - 1 : 0;
	size_t b0 = p->nsections ? p->sections[s0].nblocks : 0;
	bool head = flags & (TEXT_TITLE | TEXT_KEYS), open = false;
	size_t pos = 0;
	line l, nx;
	int r = 0;
	while (!r && next_line(s, n, &pos, &l)) {
		if (!l.n) {
			open = false;
			continue;
		}
		size_t after = pos;
		bool has_next = next_line(s, n, &after, &nx);
		bool underlined = has_next && rule_char(nx) && !rule_char(l) && l.n <= 120;
		if (head) {
			line v;
			int k = (flags & TEXT_KEYS) ? key_of(l, &v) : -1;
			bool used = false;
			if (k >= 0 && ((r = set_key(p, k, v, base, &used)) || used))
				continue;
			if (k < 0 && (flags & TEXT_TITLE) && !p->title && l.n <= 200 &&
			    title_line(l)) {
				r = posting_set(&p->title, l.s, l.n);
				if (underlined)
					pos = after;
				continue;
			}
			head = false;
		}
		if (rule_char(l)) { /* a horizontal rule ends what was open */
			open = false;
			continue;
		}
		if (underlined) {
			r = add_heading(p, l);
			pos = after;
			open = false;
			continue;
		}
		line rest, dummy;
		int num, kind = item_marker(l, &rest, &num);
		if (kind >= 0) {
			r = add_block(p, kind, num, rest);
			open = true;
			continue;
		}
		bool alone = !has_next || !nx.n || item_marker(nx, &dummy, &num) >= 0;
		if ((!open || alone) && is_heading(l) && !(open && continues(p, l))) {
			r = add_heading(p, l);
			open = false;
			continue;
		}
		if (open) {
			posting_section *sec = last_section(p);
			r = sec && sec->nblocks ? join_line(&sec->blocks[sec->nblocks - 1], l)
			                        : JK_ENOMEM;
			continue;
		}
		r = add_block(p, POSTING_PARAGRAPH, 0, l);
		open = true;
	}
	for (size_t si = s0; links && !r && si < p->nsections; si++) {
		const posting_section *sec = &p->sections[si];
		for (size_t bi = si == s0 ? b0 : 0; !r && bi < sec->nblocks; bi++)
			if (sec->blocks[bi].text)
				r = scan_links(links, sec->blocks[bi].text, sec->blocks[bi].len);
	}
	return r;
}

bool import_text_separator(const char *s, size_t n, size_t *pos, size_t *end)
{
	/* Only a separator's own line ends a call, and it is never blank. */
	bool prev_blank = *pos == 0;
	size_t at = *pos;
	line l;
	while (next_line(s, n, pos, &l)) {
		if (prev_blank && rule_char(l) == '=') {
			*end = at;
			return true;
		}
		prev_blank = l.n == 0;
		at = *pos;
	}
	return false;
}
