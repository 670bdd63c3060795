/* mdtext.c — layer 1a: Markdown source as site generators leave it. What
 * Jekyll (Liquid, kramdown) and Hugo (shortcodes) would have replaced or
 * hidden is taken out before the Markdown is read, and one-line values
 * written in Markdown or HTML become plain text. */
#include "blocks.h"

#include <ctype.h>
#include <md4c-html.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Shortcodes whose inner text is code or data, never prose. */
static const char *const code_shortcodes[] = {"highlight", "code",   "mermaid", "katex",
                                              "math",      "chart",  "plotly",  "raw",
                                              "gist",      "script", "tweet",   "youtube"};

/* Closers looked for once: when one is missing from some point on, it is
 * missing from every later point too, so after a miss it is not searched
 * for again (the scan stays linear on hostile input). */
enum {
	C_OUT,        /* }} */
	C_TAG,        /* %} */
	C_SC_ANGLE,   /* >}} */
	C_SC_PCT,     /* %}} */
	C_COMMENT,    /* --> */
	C_OPEN_TAG,   /* {% */
	C_OPEN_DBL,   /* {{ */
	C_KD_CLOSE,   /* {:/ */
	C_ENDRAW,     /* {% endraw %} */
	C_ENDCOMMENT, /* {% endcomment %} */
	C_CODE_END,   /* the closer of a code shortcode, by index below */
	C_COUNT = C_CODE_END + 12
};

typedef struct mdc {
	const char *s;
	size_t n;
	bool missing[C_COUNT];
} mdc;

/* The position of needle in s[from..n), or n; remembers a miss. */
static size_t find(mdc *c, size_t from, const char *needle, int kind)
{
	if (c->missing[kind] || from >= c->n)
		return c->n;
	const char *f = memmem(c->s + from, c->n - from, needle, strlen(needle));
	if (!f) {
		c->missing[kind] = true;
		return c->n;
	}
	return (size_t)(f - c->s);
}

/* The name of a template tag starting at s[i] ("{% raw %}" → "raw",
 * "{{< /highlight >}}" → "/highlight"), into out. */
static void tag_name(const char *s, size_t n, size_t i, char out[32])
{
	while (i < n && strchr("{%<-/* \t", s[i]) && s[i] != '/')
		i++;
	size_t k = 0;
	if (i < n && s[i] == '/')
		out[k++] = s[i++];
	while (i < n && k < 31 && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
		out[k++] = (char)tolower((unsigned char)s[i++]);
	while (k > 1 && out[k - 1] == '-')
		k--; /* "{%- endraw -%}" */
	out[k] = '\0';
}

/* The first "{% NAME %}" tag in [from, n) (any white-space control):
 * true with [*a, *z) the tag. kind remembers a miss. */
static bool liquid_end_tag(mdc *c, size_t from, const char *name, int kind, size_t *a, size_t *z)
{
	if (c->missing[kind])
		return false;
	for (size_t i = from;; i += 2) {
		i = find(c, i, "{%", C_OPEN_TAG);
		size_t e = i < c->n ? find(c, i, "%}", C_TAG) : c->n;
		if (e >= c->n)
			break;
		char got[32];
		tag_name(c->s, c->n, i + 2, got);
		if (!strcmp(got, name)) {
			*a = i;
			*z = e + 2;
			return true;
		}
	}
	c->missing[kind] = true;
	return false;
}

/* Liquid at s[i] ("{%" or "{{"): bytes to drop, with [*ka, *kb) kept
 * ({% raw %} blocks keep their text). 0 when it is not closed. */
static size_t liquid(mdc *c, size_t i, size_t *ka, size_t *kb)
{
	bool out = c->s[i + 1] == '{';
	size_t z = out ? find(c, i + 2, "}}", C_OUT) : find(c, i + 2, "%}", C_TAG);
	if (z >= c->n)
		return 0;
	z += 2;
	char name[32];
	tag_name(c->s, c->n, i + 2, name);
	bool raw = !out && !strcmp(name, "raw"), comment = !out && !strcmp(name, "comment");
	size_t a, end;
	if ((raw || comment) && liquid_end_tag(c, z, raw ? "endraw" : "endcomment",
	                                       raw ? C_ENDRAW : C_ENDCOMMENT, &a, &end)) {
		if (raw)
			*ka = z, *kb = a;
		return end - i;
	}
	return z - i;
}

static int code_shortcode(const char *name)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(code_shortcodes); i++)
		if (!strcmp(name, code_shortcodes[i]))
			return (int)i;
	return -1;
}

/* A Hugo shortcode at s[i] ("{{<" or "{{%"): bytes to drop. A paired one
 * keeps its inner text (the caller goes on reading it) unless it holds
 * code, which goes with it. 0 when it is not closed. */
static size_t shortcode(mdc *c, size_t i)
{
	bool pct = c->s[i + 2] == '%';
	size_t z = find(c, i + 3, pct ? "%}}" : ">}}", pct ? C_SC_PCT : C_SC_ANGLE);
	if (z >= c->n)
		return 0;
	z += 3;
	char name[32];
	tag_name(c->s, c->n, i + 3, name);
	int code = code_shortcode(name);
	if (code < 0 || c->missing[C_CODE_END + code])
		return z - i;
	for (size_t j = z;; j += 2) {
		j = find(c, j, "{{", C_OPEN_DBL);
		if (j + 3 >= c->n)
			break;
		bool jp = c->s[j + 2] == '%';
		size_t e = find(c, j + 3, jp ? "%}}" : ">}}", jp ? C_SC_PCT : C_SC_ANGLE);
		char got[32];
		tag_name(c->s, c->n, j + 3, got);
		if (e < c->n && got[0] == '/' && !strcmp(got + 1, name))
			return e + 3 - i;
	}
	c->missing[C_CODE_END + code] = true;
	return z - i;
}

/* kramdown at s[i] ("{:"): an attribute list or an extension. Bytes to
 * drop, with [*ka, *kb) kept ({::nomarkdown} keeps its HTML); 0 when it is
 * not one. Attribute lists end on their line. */
static size_t kramdown(mdc *c, size_t i, size_t *ka, size_t *kb)
{
	const char *s = c->s;
	size_t j = i + 2;
	while (j < c->n && s[j] != '}' && s[j] != '\n' && s[j] != '{')
		j++;
	if (j >= c->n || s[j] != '}')
		return 0;
	j++;
	static const char *const blocks[] = {"{::comment}", "{::nomarkdown}"};
	for (size_t k = 0; k < 2; k++) {
		size_t l = strlen(blocks[k]);
		if (j - i != l || memcmp(s + i, blocks[k], l))
			continue;
		size_t end = find(c, j, "{:/", C_KD_CLOSE);
		const char *close = end < c->n ? memchr(s + end, '}', c->n - end) : NULL;
		if (!close)
			return j - i;
		if (k == 1)
			*ka = j, *kb = end;
		return (size_t)(close + 1 - s) - i;
	}
	return j - i;
}

/* Attributes at the end of a line, as Pandoc and Markdown Extra write
 * them on headings ("## Duties {#duties .wide}"): their length, 0 when
 * "{#…}" or "{.…}" at s[i] is not the last thing on its line. */
static size_t line_attributes(const char *s, size_t n, size_t i)
{
	size_t j = i + 2;
	while (j < n && s[j] != '}' && s[j] != '\n' && s[j] != '{')
		j++;
	if (j >= n || s[j] != '}')
		return 0;
	size_t k = j + 1;
	while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
		k++;
	return k >= n || s[k] == '\n' ? j + 1 - i : 0;
}

/* The fence a line opens or closes (``` or ~~~, up to three spaces in). */
static void fence_line(const char *s, size_t n, size_t i, char *fence, size_t *flen)
{
	size_t k = 0;
	while (k < 3 && i < n && s[i] == ' ')
		i++, k++;
	if (i >= n || (s[i] != '`' && s[i] != '~'))
		return;
	char ch = s[i];
	size_t run = 0;
	while (i < n && s[i] == ch)
		i++, run++;
	if (run < 3)
		return;
	if (!*fence) {
		*fence = ch;
		*flen = run;
	} else if (*fence == ch && run >= *flen) {
		*fence = 0;
	}
}

/* What to drop at s[i] (0: nothing); [*ka, *kb) is kept from it. */
static size_t drop_at(mdc *c, size_t i, bool code, size_t *ka, size_t *kb)
{
	const char *s = c->s;
	size_t left = c->n - i;
	*ka = *kb = 0;
	if (s[i] == '<') {
		if (code || left < 4 || memcmp(s + i, "<!--", 4))
			return 0;
		size_t z = find(c, i + 4, "-->", C_COMMENT);
		return z < c->n ? z + 3 - i : 0;
	}
	if (left < 3)
		return 0;
	if (s[i + 1] == '{' && (s[i + 2] == '<' || s[i + 2] == '%'))
		return shortcode(c, i);
	if (s[i + 1] == '{' || s[i + 1] == '%')
		return liquid(c, i, ka, kb);
	if (s[i + 1] == ':' && !code)
		return kramdown(c, i, ka, kb);
	if ((s[i + 1] == '#' || s[i + 1] == '.') && !code)
		return line_attributes(s, c->n, i);
	return 0;
}

int import_md_clean(const char *s, size_t n, jk_buf *out)
{
	mdc c = {.s = s, .n = n};
	char fence = 0;
	size_t flen = 0, i = 0;
	int r = jk_buf_append(out, "", 0);
	while (i < n && !r) {
		if (i == 0 || s[i - 1] == '\n')
			fence_line(s, n, i, &fence, &flen);
		size_t j = i;
		while (j < n && s[j] != '{' && s[j] != '<' && s[j] != '\n')
			j++;
		if (j > i || s[i] == '\n') {
			j += j == i;
			r = jk_buf_append(out, s + i, j - i);
			i = j;
			continue;
		}
		size_t ka, kb, k = drop_at(&c, i, fence != 0, &ka, &kb);
		if (k && kb > ka)
			r = jk_buf_append(out, s + ka, kb - ka);
		else if (!k)
			r = jk_buf_putc(out, s[i]);
		i += k ? k : 1;
	}
	return r;
}

/* One-line values ---------------------------------------------------------- */

typedef struct inl {
	const char *s;
	size_t n;
	jk_buf out;
	import_links *links;
	char *href;       /* of the link being read, owned */
	size_t href_text; /* where its text starts in out */
	size_t text_end;  /* a Markdown link: where its text ends in s ... */
	size_t skip_to;   /* ... and where the link ends */
} inl;

static bool punct(char c)
{
	return c && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c);
}

static bool blank_or_edge(const char *s, size_t n, size_t i)
{
	return i >= n || isspace((unsigned char)s[i]) || punct(s[i]);
}

/* An emphasis run of '*' or '_' (or "~~") at s[i] that opens or closes:
 * flanked by text on one side only, or '*' between letters. Its length,
 * 0 when it is text ("5 * 3", "snake_case"). */
static size_t emphasis_at(const char *s, size_t n, size_t i)
{
	char ch = s[i];
	size_t k = 1;
	while (i + k < n && s[i + k] == ch)
		k++;
	if (ch == '~' && k != 2)
		return 0;
	bool before = i == 0 || blank_or_edge(s, n, i - 1), after = blank_or_edge(s, n, i + k);
	if (before != after)
		return k;
	if (!before && ch == '*')
		return k; /* intraword emphasis: "un*frigging*believable" */
	return 0;
}

/* Ends the link being read: its target with the text read since. */
static int end_link(inl *c)
{
	int r = JK_OK;
	if (c->links && c->href && *c->href) {
		char *t = jk_strndup(c->out.data + c->href_text, c->out.len - c->href_text);
		r = t ? import_links_add(c->links, c->href, t, c->s) : JK_ENOMEM;
		free(t);
	}
	free(c->href);
	c->href = NULL;
	return r;
}

static int start_link(inl *c, const char *href, size_t n)
{
	free(c->href);
	c->href = jk_strndup(href, n);
	c->href_text = c->out.len;
	return c->href ? JK_OK : JK_ENOMEM;
}

/* [text](url "title") or ![alt](src) at s[i]: the end of its text (the
 * ']'), its target, and the byte after it; false when it is not one. */
static bool md_link(const char *s, size_t n, size_t i, size_t *tb, size_t *ua, size_t *ub,
                    size_t *end)
{
	size_t j = i + (s[i] == '!') + 1;
	int depth = 1;
	for (; j < n && depth; j++)
		depth += s[j] == '[' ? 1 : s[j] == ']' ? -1 : 0;
	if (depth || j >= n || s[j] != '(')
		return false;
	*tb = j - 1;
	const char *close = memchr(s + j, ')', n - j);
	if (!close)
		return false;
	*ua = j + 1;
	*ub = *ua;
	while (*ub < (size_t)(close - s) && s[*ub] != ' ')
		(*ub)++;
	*end = (size_t)(close - s) + 1;
	return true;
}

/* Tags after which words do not run on: "Engineer<br>Berlin". */
static bool breaks_words(const char *s, size_t n)
{
	static const char *const tags[] = {"br", "p",  "div", "li", "tr", "td", "th", "h1", "h2",
	                                   "h3", "h4", "h5",  "h6", "ul", "ol", "dd", "dt", "hr"};
	size_t k = 0;
	while (k < n && isalnum((unsigned char)s[k]))
		k++;
	for (size_t i = 0; i < JK_ARRAY_LEN(tags); i++)
		if (strlen(tags[i]) == k && !strncasecmp(s, tags[i], k))
			return true;
	return false;
}

/* An HTML tag at s[i]: its length (0 when it is not one); <a href>
 * starts a link and </a> ends it. */
static size_t html_tag(inl *c, size_t i, int *r)
{
	const char *s = c->s;
	if (i + 1 >= c->n ||
	    !(isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!'))
		return 0;
	const char *gt = memchr(s + i, '>', c->n - i);
	if (!gt)
		return 0;
	size_t len = (size_t)(gt - s) + 1 - i;
	const char *h = jk_strcasestr(s + i, "href=");
	if (!strncasecmp(s + i, "<a ", 3) && h && h < gt) {
		h += 5;
		char q = *h == '"' || *h == '\'' ? *h++ : ' ';
		*r = start_link(c, h, strcspn(h, q == ' ' ? " >" : q == '"' ? "\"" : "'"));
	} else if (!strncasecmp(s + i, "</a", 3)) {
		*r = end_link(c);
	} else {
		size_t at = i + 1 + (s[i + 1] == '/');
		if (breaks_words(s + at, c->n - at))
			*r = jk_buf_putc(&c->out, ' ');
	}
	return len;
}

static size_t inline_step(inl *c, size_t i, int *r)
{
	const char *s = c->s;
	size_t tb, ua, ub, end;
	if (c->skip_to && i >= c->text_end) {
		/* the "](url)" after a link's text */
		size_t k = c->skip_to > i ? c->skip_to - i : 0;
		c->skip_to = 0;
		*r = end_link(c);
		if (k || *r)
			return k ? k : 1;
	}
	if (s[i] == '\\' && i + 1 < c->n && punct(s[i + 1])) {
		*r = jk_buf_putc(&c->out, s[i + 1]);
		return 2;
	}
	if (!c->skip_to && (s[i] == '[' || (s[i] == '!' && i + 1 < c->n && s[i + 1] == '[')) &&
	    md_link(s, c->n, i, &tb, &ua, &ub, &end)) {
		if (s[i] == '!')
			return end - i; /* an image says nothing on a slide */
		c->text_end = tb;
		c->skip_to = end;
		*r = start_link(c, s + ua, ub - ua);
		return 1;
	}
	size_t k;
	if (s[i] == '<' && (k = html_tag(c, i, r)) != 0)
		return k;
	if ((s[i] == '*' || s[i] == '_' || s[i] == '~') && (k = emphasis_at(s, c->n, i)) != 0)
		return k;
	if (s[i] == '`')
		return 1;
	*r = jk_buf_putc(&c->out, s[i]);
	return 1;
}

char *import_md_inline(const char *s, size_t n, import_links *links)
{
	jk_buf clean = {0};
	int r = import_md_clean(s, n == (size_t)-1 ? strlen(s) : n, &clean);
	inl c = {.s = clean.data, .n = clean.len, .links = links};
	if (!r)
		r = jk_buf_append(&c.out, "", 0);
	for (size_t i = 0; !r && i < c.n;)
		i += inline_step(&c, i, &r);
	char *t = r ? NULL : import_decode_entities(c.out.data, c.out.len);
	char *out = t ? jk_text_clean(t, (size_t)-1) : NULL;
	free(t);
	free(c.href);
	jk_buf_free(&c.out);
	jk_buf_free(&clean);
	return out;
}

#define MD_PARSE_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)
/* md4c's HTML is a few times the Markdown; past this it is not a posting. */
#define MD_HTML_MAX ((size_t)64 << 20)

typedef struct md_out {
	jk_buf html;
	int r; /* first failure; md4c has no way to stop early */
} md_out;

static void md_sink(const MD_CHAR *s, MD_SIZE n, void *ud)
{
	md_out *o = ud;
	if (!o->r)
		o->r = jk_buf_append(&o->html, s, n);
}

int import_md_html(const char *s, size_t n, jk_buf *html, jk_err *err)
{
	jk_buf src = {.limit = MD_HTML_MAX};
	md_out md = {.html = *html};
	md.html.len = 0;
	md.html.limit = MD_HTML_MAX;
	int r = import_md_clean(s, n, &src);
	if (!r)
		r = jk_buf_append(&md.html, "", 0);
	if (!r && md_html(src.data, (MD_SIZE)src.len, md_sink, &md, MD_PARSE_FLAGS,
	                  MD_HTML_FLAG_SKIP_UTF8_BOM) != 0)
		r = md.r ? md.r : JK_ENOMEM;
	if (!r)
		r = md.r;
	*html = md.html;
	jk_buf_free(&src);
	if (r == JK_ETOOBIG)
		return jk_fail(err, r, "Markdown too large once converted to HTML");
	return r;
}
