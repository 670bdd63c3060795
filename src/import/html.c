/* html.c — HTML pages and fragments (libxml2's HTML parser) → sections, and
 * the page reader that adds JSON-LD, header metadata and a title. */
#include "html.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Deeper elements still give their text but no longer structure it: the
 * builder's stack stays small whatever the nesting. */
#define MAX_FRAMES 512
/* A heading longer than this is a paragraph someone made big. */
#define MAX_HEADING 300
/* A paragraph that is only bold and at most this long reads as a heading. */
#define MAX_BOLD_HEADING 90

/* Parses HTML that is already UTF-8. The caller frees with xmlFreeDoc().
 * A <meta charset> inside must not re-decode it, hence IGNORE_ENC. libxml2
 * stops at 256 levels of nesting; *too_deep (may be NULL) says it did. */
static htmlDocPtr parse(const char *html, size_t len, bool *too_deep)
{
	import_xml_init();
	if (too_deep)
		*too_deep = false;
	if (len > INT_MAX)
		return NULL;
	htmlParserCtxtPtr ctx = htmlNewParserCtxt();
	if (!ctx)
		return NULL;
	htmlDocPtr doc =
	    htmlCtxtReadMemory(ctx, html, (int)len, NULL, "UTF-8",
	                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                           HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
	if (too_deep && ctx->errNo == XML_ERR_INTERNAL_ERROR)
		*too_deep = true;
	htmlFreeParserCtxt(ctx);
	return doc;
}

static bool is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

static bool in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(name, *list))
			return true;
	return false;
}

/* Attribute value as a borrowed string: the text of its single text child
 * (how libxml2 stores parsed HTML attributes), NULL when absent. */
static const char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && !strcasecmp((const char *)a->name, name)) {
			const xmlNode *c = a->children;
			return c && c->content ? (const char *)c->content : "";
		}
	return NULL;
}

static const char *const skipped[] = {
    "script", "style",  "noscript", "template", "head",     "nav",     "footer", "aside",
    "form",   "button", "input",    "select",   "textarea", "img",     "svg",    "iframe",
    "canvas", "video",  "audio",    "object",   "embed",    "title",   "meta",   "link",
    "map",    "dialog", "math",     "option",   "datalist", "picture", "source", NULL};

static const char *const blocks[] = {
    "p",       "div",      "section", "article", "main",       "header",  "blockquote", "pre",
    "dd",      "dt",       "dl",      "table",   "tr",         "td",      "th",         "tbody",
    "thead",   "tfoot",    "caption", "figure",  "figcaption", "address", "center",     "details",
    "summary", "fieldset", "legend",  "hr",      "body",       "html",    "hgroup",     "ul",
    "ol",      "menu",     "dir",     "li",      NULL};

/* Hidden from sighted readers, so not on a slide either. */
static bool hidden(const xmlNode *n)
{
	const char *v;
	if (attr(n, "hidden"))
		return true;
	if ((v = attr(n, "aria-hidden")) && !strcasecmp(v, "true"))
		return true;
	if ((v = attr(n, "style"))) {
		char norm[128];
		size_t k = 0;
		for (; *v && k + 1 < sizeof norm; v++)
			if (!isspace((unsigned char)*v))
				norm[k++] = (char)tolower((unsigned char)*v);
		norm[k] = '\0';
		if (strstr(norm, "display:none") || strstr(norm, "visibility:hidden"))
			return true;
	}
	if ((v = attr(n, "class"))) {
		static const char *const sr[] = {"sr-only", "visually-hidden", "visuallyhidden",
		                                 "screen-reader-text", "a11y-hidden"};
		for (size_t i = 0; i < JK_ARRAY_LEN(sr); i++)
			if (jk_strcasestr(v, sr[i]))
				return true;
	}
	return false;
}

static bool skip_element(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE &&
	       (!n->name || in_list((const char *)n->name, skipped) || hidden(n));
}

/* Text fixes -------------------------------------------------------------- */

/* Scraped text keeps Markdown escapes ("\$10,000") and references escaped
 * twice ("&amp;amp;" arrives as "&amp;"). Both are undone; "&lt;"/"&gt;" stay
 * as written so no tag can appear in text. Returns s when nothing changes,
 * else tmp's data. */
static const char *text_fix(const char *s, jk_buf *tmp, int *r)
{
	if (!strchr(s, '\\') && !strchr(s, '&'))
		return s;
	tmp->len = 0;
	*r = jk_buf_append(tmp, "", 0);
	for (const char *c = s; *c && !*r; c++) {
		if (c[0] == '\\' && c[1] && strchr("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~", c[1])) {
			*r = jk_buf_putc(tmp, *++c);
			continue;
		}
		if (c[0] == '&' && strncmp(c, "&lt;", 4) && strncmp(c, "&gt;", 4)) {
			const char *semi = c + 1;
			while (*semi && semi - c < 12 &&
			       (isalnum((unsigned char)*semi) || *semi == '#'))
				semi++;
			if (*semi == ';' && semi > c + 1) {
				char *d = import_decode_entities(c, (size_t)(semi - c + 1));
				if (!d) {
					*r = JK_ENOMEM;
					break;
				}
				bool tag = !strcmp(d, "<") || !strcmp(d, ">");
				*r = jk_buf_append(tmp, tag ? c : d,
				                   tag ? (size_t)(semi - c + 1) : strlen(d));
				free(d);
				c = semi;
				continue;
			}
		}
		*r = jk_buf_putc(tmp, *c);
	}
	return *r ? s : tmp->data;
}

/* Leading bullet glyph of an item's text ("• ", "- ", "▪"): bytes to cut. */
static size_t bullet_glyph(const char *s)
{
	static const char *const glyphs[] = {"•", "·", "▪", "◦", "‣", "●", "○", "■",
	                                     "□", "➢", "►", "▸", "✓", "✔", "–", "—"};
	size_t i = 0;
	while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
		i++;
	if ((s[i] == '-' || s[i] == '*') && (s[i + 1] == ' ' || s[i + 1] == '\t'))
		return i + 2;
	for (size_t g = 0; g < JK_ARRAY_LEN(glyphs); g++) {
		size_t n = strlen(glyphs[g]);
		if (!strncmp(s + i, glyphs[g], n))
			return i + n + (s[i + n] == ' ' || s[i + n] == '\t' ? 1 : 0);
	}
	return 0;
}

/* The builder ------------------------------------------------------------- */

enum {
	F_BLOCK = 1u << 0,
	F_BOLD = 1u << 1,
	F_ITALIC = 1u << 2,
	F_LIST = 1u << 3,
	F_LI = 1u << 4,
	F_HEADING = 1u << 5,
	F_LINK = 1u << 6,
	F_PRE = 1u << 7,
};

typedef struct frame {
	const xmlNode *node;
	unsigned what;
	bool ordered;   /* F_LIST */
	int next, step; /* F_LIST: the next item's number */
	int outer_list; /* F_LIST: the enclosing list frame, -1 none */
} frame;

typedef struct pending_link {
	char *href, *text;
} pending_link;

typedef struct hb {
	posting *p;
	import_links *links;
	size_t sec; /* current section, valid once p->nsections > 0 */
	bool open;  /* the last block of the current section takes text */
	posting_block_kind kind;
	int number;
	int bold, italic, pre;
	int heading_level, heading_depth;
	jk_buf heading;
	frame st[MAX_FRAMES];
	int nst, list; /* list: innermost list frame, -1 none */
	/* the link being read and the links of the open block */
	const char *href;
	jk_buf link_text;
	pending_link *pl;
	size_t npl, capl;
	jk_buf fix;
	int r;
} hb;

static posting_block *cur_block(hb *b)
{
	/* Before the first section, sections is NULL: no indexing it. */
	if (!b->open || b->sec >= b->p->nsections)
		return NULL;
	posting_section *s = &b->p->sections[b->sec];
	return s->nblocks ? &s->blocks[s->nblocks - 1] : NULL;
}

static void flush_links(hb *b, const char *context)
{
	for (size_t i = 0; i < b->npl; i++) {
		if (!b->r && b->links)
			b->r = import_links_add(b->links, b->pl[i].href, b->pl[i].text, context);
		free(b->pl[i].href);
		free(b->pl[i].text);
	}
	b->npl = 0;
}

/* True when the whole block is bold and short: "<p><b>Benefits</b></p>". */
static bool bold_heading(const posting_block *k)
{
	if (k->kind != POSTING_PARAGRAPH || k->nspans != 1 || !k->len || k->len > MAX_BOLD_HEADING)
		return false;
	const posting_span *sp = &k->spans[0];
	size_t end = k->len;
	while (end && k->text[end - 1] == ' ')
		end--;
	if (sp->start != 0 || sp->start + sp->len < end || !(sp->style & POSTING_BOLD))
		return false;
	char last = k->text[end - 1];
	return last != '.' && last != '!' && last != '?' && last != ',' && last != ';';
}

/* Opens a section; an empty lead-in section just takes the heading. */
static void new_section(hb *b, const char *heading)
{
	posting *p = b->p;
	posting_section *last = p->nsections ? &p->sections[p->nsections - 1] : NULL;
	if (last && !last->heading && !last->nblocks)
		posting_remove_section(p, p->nsections - 1);
	if (!posting_add_section(p, heading))
		b->r = JK_ENOMEM;
	else
		b->sec = p->nsections - 1;
}

static void close_block(hb *b)
{
	posting_block *k = cur_block(b);
	b->open = false;
	b->kind = POSTING_PARAGRAPH;
	b->number = 0;
	if (!k) {
		flush_links(b, "");
		return;
	}
	flush_links(b, k->text ? k->text : "");
	if (b->r || !bold_heading(k))
		return;
	char *h = jk_strndup(k->text, k->len);
	if (!h) {
		b->r = JK_ENOMEM;
		return;
	}
	posting_section *s = &b->p->sections[b->sec];
	posting_remove_block(s, s->nblocks - 1);
	new_section(b, h);
	free(h);
}

static posting_block *open_block(hb *b)
{
	posting_block *k = cur_block(b);
	if (k)
		return k;
	if (!b->p->nsections) {
		if (!posting_add_section(b->p, NULL)) {
			b->r = JK_ENOMEM;
			return NULL;
		}
		b->sec = 0;
	}
	k = posting_add_block(&b->p->sections[b->sec], b->kind, b->number);
	if (!k) {
		b->r = JK_ENOMEM;
		return NULL;
	}
	b->open = true;
	return k;
}

static unsigned style(const hb *b)
{
	return (b->bold ? POSTING_BOLD : 0u) | (b->italic ? POSTING_ITALIC : 0u);
}

static void add_text(hb *b, const char *s, size_t n)
{
	if (b->href && !b->r && b->link_text.len < 1024)
		b->r = jk_buf_append(&b->link_text, s, n);
	if (b->heading_depth) {
		if (!b->r && b->heading.len < MAX_HEADING * 4)
			b->r = jk_buf_append(&b->heading, s, n);
		return;
	}
	posting_block *k = cur_block(b);
	if (!k) {
		size_t i = 0;
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i == n)
			return;
		s += i, n -= i;
		size_t g = bullet_glyph(s);
		/* "• item" written as a paragraph is an item. */
		if (g && b->kind == POSTING_PARAGRAPH && strncmp(s, "- ", 2) && strncmp(s, "· ", 3))
			b->kind = POSTING_BULLET;
		if (b->kind != POSTING_PARAGRAPH)
			s += g, n -= g;
		if (!(k = open_block(b)))
			return;
	}
	if (!b->r)
		b->r = posting_block_append(k, s, n, style(b));
}

static void text_node(hb *b, const char *s)
{
	s = text_fix(s, &b->fix, &b->r);
	if (b->r)
		return;
	if (!b->pre || b->heading_depth) {
		add_text(b, s, strlen(s));
		return;
	}
	/* Preformatted text keeps its lines. */
	for (;;) {
		const char *nl = strchr(s, '\n');
		add_text(b, s, nl ? (size_t)(nl - s) : strlen(s));
		if (!nl)
			break;
		close_block(b);
		s = nl + 1;
	}
}

static int parse_int(const char *s, int dflt)
{
	if (!s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s || v < -1000000 || v > 1000000)
		return dflt;
	return (int)v;
}

static void start_heading(hb *b, int level)
{
	close_block(b);
	if (!b->heading_depth++) {
		b->heading.len = 0;
		b->heading_level = level;
	}
}

static void end_heading(hb *b)
{
	if (--b->heading_depth || b->r)
		return;
	b->r = jk_buf_append(&b->heading, "", 0);
	if (b->r)
		return;
	char *h = jk_text_clean(b->heading.data, b->heading.len);
	if (!h) {
		b->r = JK_ENOMEM;
		return;
	}
	if (*h && strlen(h) > MAX_HEADING) {
		/* Too long for a heading: keep it as a bold paragraph. */
		b->kind = POSTING_PARAGRAPH;
		posting_block *k = open_block(b);
		if (k && !b->r)
			b->r = posting_block_append(k, h, (size_t)-1, POSTING_BOLD);
		b->open = false;
	} else if (*h && b->heading_level == 1 && !b->p->title) {
		b->r = posting_set(&b->p->title, h, (size_t)-1);
	} else if (*h) {
		new_section(b, h);
	}
	free(h);
	flush_links(b, b->heading.data ? b->heading.data : "");
}

static void end_link(hb *b)
{
	const char *href = b->href;
	b->href = NULL;
	if (b->r || !href || !*href || *href == '#' || !strncasecmp(href, "javascript:", 11))
		return;
	if (b->npl == b->capl) {
		size_t cap = b->capl ? b->capl * 2 : 4;
		pending_link *v = realloc(b->pl, cap * sizeof *v);
		if (!v) {
			b->r = JK_ENOMEM;
			return;
		}
		b->pl = v;
		b->capl = cap;
	}
	b->r = jk_buf_append(&b->link_text, "", 0);
	char *h = jk_strndup(href, (size_t)-1),
	     *t = b->r ? NULL : jk_strndup(b->link_text.data, b->link_text.len);
	if (!h || !t) {
		free(h), free(t);
		b->r = JK_ENOMEM;
		return;
	}
	b->pl[b->npl++] = (pending_link){h, t};
	/* A link outside any block (an image link) has no sentence around it. */
	if (!cur_block(b) && !b->heading_depth)
		flush_links(b, "");
}

/* Returns whether to descend into n. */
static bool enter(hb *b, const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			text_node(b, (const char *)n->content);
		return false;
	}
	if (n->type != XML_ELEMENT_NODE || skip_element(n))
		return false;
	const char *name = (const char *)n->name;
	if (!strcmp(name, "br")) {
		if (b->heading_depth)
			add_text(b, " ", 1);
		else
			close_block(b);
		return false;
	}
	if (b->nst == MAX_FRAMES)
		return true; /* too deep to structure; text still flows */
	frame f = {.node = n, .outer_list = -1};
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2]) {
		start_heading(b, name[1] - '0');
		f.what |= F_HEADING;
	} else if (in_list(name, blocks)) {
		if (!b->heading_depth) {
			posting_block_kind keep = b->kind;
			int num = b->number;
			bool fresh = !cur_block(b);
			close_block(b);
			/* "<li><p>text": the paragraph is still the item. */
			if (fresh) {
				b->kind = keep;
				b->number = num;
			}
			f.what |= F_BLOCK;
		}
		if (!strcmp(name, "ul") || !strcmp(name, "ol") || !strcmp(name, "menu") ||
		    !strcmp(name, "dir")) {
			f.what |= F_LIST;
			f.ordered = name[0] == 'o';
			f.step = attr(n, "reversed") ? -1 : 1;
			f.next = parse_int(attr(n, "start"), 1);
			f.outer_list = b->list;
			b->list = b->nst;
		} else if (!strcmp(name, "li") && !b->heading_depth) {
			frame *l = b->list >= 0 ? &b->st[b->list] : NULL;
			if (l && l->ordered) {
				b->number = parse_int(attr(n, "value"), l->next);
				l->next = b->number + l->step;
				b->kind = POSTING_NUMBERED;
			} else {
				b->kind = POSTING_BULLET;
				b->number = 0;
			}
			f.what |= F_LI;
		} else if (!strcmp(name, "pre")) {
			b->pre++;
			f.what |= F_PRE;
		}
	} else if (!strcmp(name, "b") || !strcmp(name, "strong")) {
		b->bold++;
		f.what |= F_BOLD;
	} else if (!strcmp(name, "i") || !strcmp(name, "em")) {
		b->italic++;
		f.what |= F_ITALIC;
	} else if (!strcmp(name, "a") && !b->href && attr(n, "href")) {
		b->href = attr(n, "href");
		b->link_text.len = 0;
		f.what |= F_LINK;
	}
	if (f.what)
		b->st[b->nst++] = f;
	return true;
}

static void leave(hb *b, const xmlNode *n)
{
	if (!b->nst || b->st[b->nst - 1].node != n)
		return;
	frame f = b->st[--b->nst];
	if (f.what & F_BOLD)
		b->bold--;
	if (f.what & F_ITALIC)
		b->italic--;
	if (f.what & F_LINK)
		end_link(b);
	if (f.what & F_HEADING)
		end_heading(b);
	if (f.what & F_LIST)
		b->list = f.outer_list;
	if (f.what & F_PRE)
		b->pre--;
	if (f.what & (F_LI | F_BLOCK))
		close_block(b);
}

/* Visits root and everything under it without recursion: 100,000-deep
 * nesting costs no stack. */
static int walk(hb *b, const xmlNode *root)
{
	const xmlNode *n = root;
	bool down = enter(b, n);
	while (!b->r) {
		if (down && n->children) {
			n = n->children;
			down = enter(b, n);
			continue;
		}
		for (;;) {
			leave(b, n);
			if (n == root)
				return b->r;
			if (n->next) {
				n = n->next;
				down = enter(b, n);
				break;
			}
			n = n->parent;
		}
	}
	return b->r;
}

/* Text bytes under root that would reach a slide (capped at stop). */
static size_t text_size(const xmlNode *root, size_t stop)
{
	size_t total = 0;
	const xmlNode *n = root;
	while (total < stop) {
		if (n->type == XML_TEXT_NODE && n->content)
			total += strlen((const char *)n->content);
		if (n->children && n->type == XML_ELEMENT_NODE && !skip_element(n)) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	return total;
}

/* First element under root that is <name> (or role=main when name is
 * "main"), not inside skipped parts; counts articles into *count. */
static const xmlNode *find(const xmlNode *root, const char *name, size_t *count)
{
	const xmlNode *n = root, *first = NULL;
	for (;;) {
		bool hit = false;
		if (n->type == XML_ELEMENT_NODE) {
			const char *role = attr(n, "role");
			hit = is(n, name) ||
			      (!strcmp(name, "main") && role && !strcasecmp(role, "main"));
		}
		if (hit) {
			if (!first)
				first = n;
			if (count)
				++*count;
			else
				return first;
		}
		if (!hit && n->children && n->type == XML_ELEMENT_NODE && !skip_element(n)) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next)
			n = n->parent;
		if (n == root)
			return first;
		n = n->next;
	}
}

/* On a whole page the posting is in <main> (or the one <article>) when the
 * page has one that holds a fair part of the text; else the whole body. */
static const xmlNode *content_root(const xmlNode *top)
{
	size_t articles = 0;
	const xmlNode *c = find(top, "main", NULL);
	if (!c) {
		c = find(top, "article", &articles);
		if (articles != 1)
			c = NULL;
	}
	if (!c)
		return top;
	size_t all = text_size(top, (size_t)-1), part = text_size(c, (size_t)-1);
	return part >= 200 || part * 2 >= all ? c : top;
}

static void hb_free(hb *b)
{
	flush_links(b, "");
	free(b->pl);
	jk_buf_free(&b->heading);
	jk_buf_free(&b->link_text);
	jk_buf_free(&b->fix);
}

static int build(const xmlNode *root, posting *p, import_links *links, unsigned flags, jk_err *err)
{
	hb *b = calloc(1, sizeof *b);
	if (!b)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	b->p = p;
	b->links = links;
	b->list = -1;
	b->sec = p->nsections ? p->nsections - 1 : 0;
	int r = root ? walk(b, root) : 0;
	if (!r)
		close_block(b);
	r = r ? r : b->r;
	hb_free(b);
	free(b);
	if (r)
		return jk_fail(err, r, "out of memory");
	if (!(flags & HTML_KEEP_CHROME))
		html_tidy(p);
	return JK_OK;
}

static const xmlNode *doc_root(htmlDocPtr doc)
{
	const xmlNode *top = xmlDocGetRootElement(doc);
	if (!top)
		return NULL;
	const xmlNode *body = find(top, "body", NULL);
	return content_root(body ? body : top);
}

int html_sections(const char *html, size_t len, posting *p, import_links *links, unsigned flags,
                  jk_err *err)
{
	if (!len)
		return JK_OK;
	bool too_deep;
	htmlDocPtr doc = parse(html, len, &too_deep);
	if (!doc)
		return jk_fail(err, JK_EFORMAT, "HTML that cannot be parsed");
	int r = build(doc_root(doc), p, links, flags, err);
	xmlFreeDoc(doc);
	if (!r && too_deep)
		r = jk_fail(err, JK_EFORMAT, IMPORT_TOO_DEEP);
	return r;
}

int import_html_sections(const char *html, size_t len, posting *p, import_links *links, jk_err *err)
{
	return html_sections(html, len, p, links, 0, err);
}

/* "Required Qualifications" over a list: a label in Title Case, short,
 * without closing punctuation. Made bold so it reads as the list's title. */
static bool label_line(const posting_block *k, const posting_block *next)
{
	if (k->kind != POSTING_PARAGRAPH || k->nspans || k->len < 4 || k->len > 60 ||
	    next->kind == POSTING_PARAGRAPH || !isalpha((unsigned char)k->text[k->len - 1]))
		return false;
	size_t words = 0;
	for (size_t i = 0; i < k->len; i++) {
		bool start = i == 0 || k->text[i - 1] == ' ';
		if (!start)
			continue;
		words++;
		if (!isupper((unsigned char)k->text[i]) && !isdigit((unsigned char)k->text[i]))
			return false;
	}
	return words >= 2;
}

void html_tidy(posting *p)
{
	for (size_t si = 0; si < p->nsections; si++) {
		posting_section *s = &p->sections[si];
		for (size_t bi = s->nblocks; bi-- > 0;)
			if (s->blocks[bi].text && import_is_chrome(s->blocks[bi].text))
				posting_remove_block(s, bi);
		if (s->heading && import_is_chrome(s->heading)) {
			free(s->heading);
			s->heading = NULL;
		}
		for (size_t bi = 0; bi + 1 < s->nblocks; bi++) {
			posting_block *k = &s->blocks[bi];
			if (!label_line(k, &s->blocks[bi + 1]))
				continue;
			posting_span *sp = k->spans_cap ? k->spans : realloc(k->spans, sizeof *sp);
			if (!sp)
				continue; /* out of memory: it just stays plain */
			k->spans = sp;
			k->spans_cap = k->spans_cap ? k->spans_cap : 1;
			sp[0] = (posting_span){0, (uint32_t)k->len, POSTING_BOLD};
			k->nspans = 1;
		}
	}
}

/* Header lines of scraped pages ---------------------------------------------
 */

const char *html_base(const import_opts *opts)
{
	const char *s = opts ? opts->source : NULL;
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8)) ? s : NULL;
}

/* Words of a header line besides the kinds of work (import_employment_kind)
 * and how they show; rank 1 says where, rank 2 the level. They qualify the
 * kind of work: "Internship (hybrid, entry level)". */
static const struct {
	const char *words, *show;
	int rank;
} qual_words[] = {
    {"hybrid", "Hybrid", 1},
    {"remote", "Remote", 1},
    {"on-site", "On-site", 1},
    {"onsite", "On-site", 1},
    {"in-office", "On-site", 1},
    {"entry level", "Entry level", 2},
    {"mid-senior level", "Mid-Senior level", 2},
    {"senior level", "Senior level", 2},
    {"associate", "Associate", 2},
    {"director", "Director", 2},
    {"executive", "Executive", 2},
};

/* Currency written before the amount, after it, and words that say the
 * amount is pay ("時給1,300円": hourly wage). */
static const char *const currency_signs[] = {"US$", "CA$", "NZ$", "HK$", "A$", "C$", "R$",
                                             "$",   "€",   "£",   "¥",   "₹",  "₩"};
static const char *const currency_after[] = {"円", "€", "元", "zł", "kr", "Kč"};
static const char *const pay_words[] = {"時給", "日給", "週給", "月給", "年収", "年俸"};
static const char *const currency_codes[] = {"USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY",
                                             "CHF", "SEK", "NOK", "DKK", "PLN", "CNY", "SGD",
                                             "NZD", "HKD", "KRW", "BRL", "MXN", "ZAR", "CZK"};
static const char *const pay_units[] = {
    "a",     "an",       "per",    "year",    "yr",     "hour",   "hr",    "month", "week", "day",
    "annum", "annually", "hourly", "monthly", "yearly", "weekly", "daily", "h",     "mo",   "wk"};
/* Between the two ends of a range, inside a token or as one. */
static const char *const range_signs[] = {"–", "—", "-", "〜", "～", "~"};
static const char *const connectors[] = {"·", "•", "|", "-", "–", "—", "to", "/", "+", "〜", "~"};

#define MAX_TOKS 32

typedef struct tok {
	const char *s;
	size_t n;
} tok;

static bool tok_eq(tok t, const char *w, size_t n)
{
	return t.n == n && !strncasecmp(t.s, w, n);
}

static bool tok_in(tok t, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tok_eq(t, list[i], strlen(list[i])))
			return true;
	return false;
}

/* The entry of list that s (up to e) starts with, its length in *k. */
static bool starts(const char *s, const char *e, const char *const *list, size_t n, size_t *k)
{
	for (size_t i = 0; i < n; i++) {
		*k = strlen(list[i]);
		if ((size_t)(e - s) >= *k && !memcmp(s, list[i], *k))
			return true;
	}
	return false;
}

/* Splits s at spaces; a trailing ',' or ';' is not part of a token. Returns
 * the count, or MAX_TOKS + 1 when there are too many to be a header line. */
static size_t tokens(const char *s, size_t len, tok *t)
{
	size_t n = 0, i = 0;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		size_t e = i;
		while (e > st && (s[e - 1] == ',' || s[e - 1] == ';'))
			e--;
		if (e == st)
			continue;
		if (n == MAX_TOKS)
			return MAX_TOKS + 1;
		t[n++] = (tok){s + st, e - st};
	}
	return n;
}

/* One amount at s: "$120k", "29,970", "1,300円", "25万円", "€45.000".
 * Returns its end, NULL when s holds none; *cur set when it names a
 * currency. */
static const char *amount(const char *s, const char *e, bool *cur)
{
	size_t k;
	if (starts(s, e, currency_signs, JK_ARRAY_LEN(currency_signs), &k))
		s += k, *cur = true;
	if (s == e || !isdigit((unsigned char)*s))
		return NULL;
	while (s < e && (isdigit((unsigned char)*s) || *s == ',' || *s == '.'))
		s++;
	if (s < e && strchr("kKmM", *s))
		s++;
	else if (e - s >= 3 && !memcmp(s, "万", 3))
		s += 3;
	if (starts(s, e, currency_after, JK_ARRAY_LEN(currency_after), &k))
		s += k, *cur = true;
	return s;
}

/* "/yr" after an amount: the end of the unit, s when there is none,
 * NULL when what follows the slash is not a unit. */
static const char *per_unit(const char *s, const char *e)
{
	if (s == e || *s != '/')
		return s;
	const char *u = ++s;
	while (u < e && isalpha((unsigned char)*u))
		u++;
	return tok_in((tok){s, (size_t)(u - s)}, pay_units, JK_ARRAY_LEN(pay_units)) ? u : NULL;
}

/* A token that is pay: "$10,000/yr", "120k", "$120k–$150k", "¥1,300/hour",
 * "時給1,300円〜1,500円". *cur set when it names a currency. */
static bool money(tok t, bool *cur)
{
	const char *s = t.s, *e = t.s + t.n;
	size_t k;
	*cur = false;
	if (starts(s, e, pay_words, JK_ARRAY_LEN(pay_words), &k))
		s += k, *cur = true;
	if (!(s = amount(s, e, cur)) || !(s = per_unit(s, e)))
		return false;
	if (s < e && starts(s, e, range_signs, JK_ARRAY_LEN(range_signs), &k))
		if (!(s = amount(s + k, e, cur)) || !(s = per_unit(s, e)))
			return false;
	if (s < e && *s == '+')
		s++;
	return s == e;
}

/* A word of a header line about the work, and how it shows. */
typedef struct work {
	const char *show;
	int rank; /* 0 kind of work, 1 where, 2 level */
} work;

/* Tokens the work phrase at t[i] spans (0: none; end: the line's end). */
static size_t work_phrase(const tok *t, size_t i, size_t n, const char *end, work *w)
{
	size_t used = 0;
	const char *kind = import_employment_kind(t[i].s, (size_t)(end - t[i].s), &used);
	if (kind) {
		/* Whole tokens only: "Full-time/Part-time" is not one phrase. */
		size_t j = i;
		while (j < n && t[j].s + t[j].n <= t[i].s + used)
			j++;
		if (j > i && t[j - 1].s + t[j - 1].n == t[i].s + used) {
			*w = (work){kind, 0};
			return j - i;
		}
	}
	for (size_t k = 0; k < JK_ARRAY_LEN(qual_words); k++) {
		const char *ws = qual_words[k].words;
		size_t m = 0;
		while (i + m < n) {
			size_t len = strcspn(ws, " ");
			if (!tok_eq(t[i + m], ws, len))
				break;
			m++;
			ws += len;
			if (!*ws) {
				*w = (work){qual_words[k].show, qual_words[k].rank};
				return m;
			}
			ws++;
		}
	}
	return 0;
}

/* What a header line says: pay (a span of the text) and work words. */
typedef struct facts {
	const char *pay;
	size_t pay_len;
	work work[8];
	size_t nwork;
} facts;

/* True when all of s is pay and employment words ("$10,000/yr - $14,000/yr
 * Hybrid Internship", "Full-time · Remote", "EUR 15.20 an hour", "USD
 * 5,090 - 10,120 per month"), filling f. Pay is kept whole, currency and
 * unit included, and must name its currency. */
static bool pay_work_line(const char *s, size_t len, facts *f)
{
	tok t[MAX_TOKS];
	size_t n = tokens(s, len, t), a = 0, b = 0;
	bool cur = false, any = false, started = false;
	memset(f, 0, sizeof *f);
	if (!n || n > MAX_TOKS)
		return false;
	for (size_t i = 0; i < n;) {
		work w;
		size_t used = work_phrase(t, i, n, s + len, &w);
		bool c;
		if (used) {
			if (f->nwork < JK_ARRAY_LEN(f->work))
				f->work[f->nwork++] = w;
			i += used;
			continue;
		}
		bool m = money(t[i], &c);
		bool code = tok_in(t[i], currency_codes, JK_ARRAY_LEN(currency_codes)) ||
		            tok_in(t[i], currency_after, JK_ARRAY_LEN(currency_after)) ||
		            tok_in(t[i], pay_words, JK_ARRAY_LEN(pay_words));
		bool unit = any && tok_in(t[i], pay_units, JK_ARRAY_LEN(pay_units));
		bool link = started && tok_in(t[i], connectors, JK_ARRAY_LEN(connectors));
		if (m || code || unit) {
			if (!started)
				a = i, started = true;
			any |= m;
			cur |= c || code;
			b = i;
		} else if (!link && !tok_in(t[i], connectors, JK_ARRAY_LEN(connectors))) {
			return false;
		}
		i++;
	}
	if (started && (!any || !cur))
		return false;
	if (any) {
		f->pay = t[a].s;
		f->pay_len = (size_t)(t[b].s + t[b].n - t[a].s);
	}
	return any || f->nwork;
}

/* "Redmond, WA", "Berlin, Germany", "Remote", "Greater Seattle Area". */
static bool place_like(const char *s, size_t n)
{
	const char *comma = memchr(s, ',', n);
	if (n >= 6 && !strncasecmp(s, "remote", 6) && (n == 6 || s[6] == ' '))
		return true;
	if (n > 5 && !strncmp(s + n - 5, " Area", 5))
		return true;
	if (!comma || n > 60 || comma == s || (size_t)(comma - s) + 2 >= n || comma[1] != ' ')
		return false;
	for (const char *c = s; c < s + n; c++)
		if (isdigit((unsigned char)*c))
			return false;
	return isupper((unsigned char)s[0]) && isupper((unsigned char)comma[2]);
}

/* What the header lines said, until it goes into the posting. */
typedef struct lead {
	char *org, *place, *pay;
	char *kind_text; /* "Part-time, 8 hours a week": a kind of work as written */
	work work[8];
	size_t nwork;
} lead;

static void lead_add_work(lead *l, const facts *f)
{
	for (size_t i = 0; i < f->nwork; i++) {
		bool dup = false;
		for (size_t j = 0; j < l->nwork; j++)
			dup |= !strcmp(l->work[j].show, f->work[i].show);
		if (!dup && l->nwork < JK_ARRAY_LEN(l->work))
			l->work[l->nwork++] = f->work[i];
	}
}

static int take(char **slot, const char *s, size_t n)
{
	if (*slot || !s)
		return JK_OK;
	*slot = jk_strndup(s, n);
	return *slot ? JK_OK : JK_ENOMEM;
}

/* A line of parts ("Microsoft · Redmond, WA · 9 hours ago · 6 applicants").
 * It counts as a header line only when a part is a place, pay or chrome
 * ("Python · Go · Rust" stays text), and only when every part has a use: a
 * line with a part that would be lost stays text. Parts that are none of
 * these name the organisation (unless p has one: then the one equal to it
 * is that, another the place) and the place. p may be NULL. */
static int dot_line(const char *s, const posting *p, lead *l, bool apply, bool *yes)
{
	static const char *const seps[] = {" · ", " • ", " | "};
	const char *part = s, *unk[2] = {0}, *place = NULL, *org = NULL, *kind = NULL;
	size_t unk_n[2] = {0}, nunk = 0, place_n = 0, org_n = 0, kind_n = 0, parts = 0, signals = 0;
	facts pay = {0}, fw[4];
	size_t works = 0;
	*yes = false;
	while (part) {
		const char *next = NULL, *end = part + strlen(part);
		for (size_t i = 0; i < JK_ARRAY_LEN(seps); i++) {
			const char *hit = strstr(part, seps[i]);
			if (hit && hit < end)
				end = hit, next = hit + strlen(seps[i]);
		}
		size_t n = (size_t)(end - part), used = 0;
		char piece[128];
		facts f;
		parts++;
		if (n >= sizeof piece)
			return JK_OK;
		memcpy(piece, part, n);
		piece[n] = '\0';
		if (!n || import_is_chrome(piece)) {
			signals += n > 0;
		} else if (pay_work_line(part, n, &f)) {
			signals++;
			if (f.pay && pay.pay)
				return JK_OK; /* two amounts: which one is the pay? */
			if (f.pay)
				pay = f;
			if (works < JK_ARRAY_LEN(fw))
				fw[works++] = f;
		} else if (!kind && n <= 60 && import_employment_kind(part, n, &used)) {
			signals++;
			kind = part, kind_n = n;
		} else if (place_like(part, n) && !place) {
			signals++;
			place = part, place_n = n;
		} else if (nunk < 2 && !isdigit((unsigned char)*part)) {
			unk[nunk] = part, unk_n[nunk++] = n;
		} else {
			return JK_OK;
		}
		part = next;
	}
	const char *have = p ? p->organization : NULL;
	for (size_t k = 0; k < nunk; k++) {
		if (have && strlen(have) == unk_n[k] && !strncasecmp(have, unk[k], unk_n[k]))
			org = unk[k], org_n = unk_n[k];
		else if (!org && !have)
			org = unk[k], org_n = unk_n[k];
		else if (!place)
			place = unk[k], place_n = unk_n[k];
		else
			return JK_OK;
	}
	if (parts < 2 || !signals || !(org || place || pay.pay || works || kind))
		return JK_OK;
	*yes = true;
	if (!apply)
		return JK_OK;
	int r = take(&l->org, org, org_n);
	if (!r)
		r = take(&l->place, place, place_n);
	if (!r)
		r = take(&l->pay, pay.pay, pay.pay_len);
	if (!r)
		r = take(&l->kind_text, kind, kind_n);
	for (size_t i = 0; i < works; i++)
		lead_add_work(l, &fw[i]);
	return r;
}

/* Whether text is a header line (*yes); with apply, its facts go into l. */
static int header_line(const char *text, const posting *p, lead *l, bool apply, bool *yes)
{
	facts f;
	size_t n = strlen(text);
	*yes = false;
	if (n > 200)
		return JK_OK;
	if (!pay_work_line(text, n, &f))
		return dot_line(text, p, l, apply, yes);
	*yes = true;
	lead_add_work(l, &f);
	return apply ? take(&l->pay, f.pay, f.pay_len) : JK_OK;
}

/* Fills p's empty fields from l. Employment reads "Internship (hybrid)":
 * the kind of work, then where and the level as qualifiers. */
static int lead_apply(posting *p, lead *l)
{
	char *emp = NULL;
	int r = l->kind_text ? posting_set(&emp, l->kind_text, (size_t)-1) : JK_OK;
	for (int rank = 0; rank < 3 && !r; rank++)
		for (size_t i = 0; i < l->nwork && !r; i++)
			if (l->work[i].rank == rank)
				r = import_employment_add(&emp, l->work[i].show, rank > 0);
	if (!r && emp)
		r = posting_set_default(&p->employment, emp, (size_t)-1);
	free(emp);
	if (!r && l->org)
		r = posting_set_default(&p->organization, l->org, (size_t)-1);
	if (!r && l->place)
		r = posting_set_default(&p->location, l->place, (size_t)-1);
	if (!r && l->pay)
		r = posting_set_default(&p->pay, l->pay, (size_t)-1);
	return r;
}

/* How many lead blocks are looked at for header lines. */
#define LEAD_BLOCKS 6

int html_lead_meta(posting *p)
{
	size_t si = 0;
	while (si < p->nsections && !p->sections[si].heading && !p->sections[si].nblocks)
		si++;
	if (si == p->nsections)
		return JK_OK;
	posting_section *s = &p->sections[si];
	lead l = {0};
	bool header = false;
	int r = JK_OK;
	for (size_t i = 0; i < s->nblocks && i < 3 && !header && !r; i++)
		if (s->blocks[i].text)
			r = header_line(s->blocks[i].text, p, &l, false, &header);
	if (!r && s->heading) {
		/* "<p><b>Research Intern</b></p><p>Microsoft · Redmond, WA</p>":
		 * the heading is the posting's title, not a section. */
		if (!p->title && header) {
			p->title = s->heading;
			s->heading = NULL;
		} else if (p->title && !strcmp(p->title, s->heading)) {
			free(s->heading);
			s->heading = NULL;
		} else {
			return JK_OK;
		}
	}
	memset(&l, 0, sizeof l);
	for (size_t i = 0, seen = 0; !r && i < s->nblocks && seen < LEAD_BLOCKS; seen++) {
		const char *t = s->blocks[i].text;
		bool yes = false;
		if (t && strlen(t) > 200)
			break;
		if (t && !(r = header_line(t, p, &l, true, &yes)) && yes)
			posting_remove_block(s, i);
		else
			i++;
	}
	if (!r)
		r = lead_apply(p, &l);
	free(l.org), free(l.place), free(l.pay), free(l.kind_text);
	return r;
}

/* The page reader ------------------------------------------------------------
 */

/* Every JobPosting in the page's JSON-LD scripts, appended to out. */
static int page_jsonld(const xmlNode *top, const import_opts *opts, posting_list *out)
{
	const xmlNode *n = top;
	int r = JK_OK;
	while (n && !r) {
		const char *type = is(n, "script") ? attr(n, "type") : NULL;
		if (type && jk_strcasestr(type, "ld+json")) {
			xmlChar *json = xmlNodeGetContent(n);
			const char *j = json ? (const char *)json : "";
			while (isspace((unsigned char)*j))
				j++;
			if (!strncmp(j, "<!--", 4) || !strncmp(j, "<![CDATA[", 9))
				j += j[2] == '-' ? 4 : 9;
			size_t found = 0;
			jk_err e = {0};
			r = jsonld_read(j, strlen(j), html_base(opts), out, &found, &e);
			if (r && r != JK_ENOMEM) {
				import_warnf(opts, "JSON-LD script skipped: %s", e.msg);
				r = JK_OK;
			}
			xmlFree(json);
		}
		if (n->children && n->type == XML_ELEMENT_NODE && !is(n, "script")) {
			n = n->children;
			continue;
		}
		while (n != top && !n->next)
			n = n->parent;
		n = n == top ? NULL : n->next;
	}
	return r;
}

/* Title when the body gave none: the first <h1> anywhere, og:title, then
 * <title> without its " | Site" tail. */
static int page_title(const xmlNode *top, posting *p)
{
	const xmlNode *h1 = find(top, "h1", NULL), *head = find(top, "head", NULL);
	if (h1) {
		xmlChar *t = xmlNodeGetContent(h1);
		int r = t ? posting_set(&p->title, (const char *)t, (size_t)-1) : JK_OK;
		xmlFree(t);
		if (r || p->title)
			return r;
	}
	for (const xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		const char *prop = is(n, "meta") ? attr(n, "property") : NULL;
		if (prop && !strcasecmp(prop, "og:title") && attr(n, "content"))
			return posting_set(&p->title, attr(n, "content"), (size_t)-1);
	}
	for (const xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		if (!is(n, "title"))
			continue;
		xmlChar *t = xmlNodeGetContent(n);
		const char *s = t ? (const char *)t : "";
		const char *bar = strstr(s, " | ");
		int r = posting_set(&p->title, s, bar && bar > s ? (size_t)(bar - s) : (size_t)-1);
		xmlFree(t);
		return r;
	}
	return JK_OK;
}

/* The page as one posting from its text: sections, header lines, title. */
static int page_posting(const xmlNode *top, posting *p, import_links *links, jk_err *err)
{
	const xmlNode *body = find(top, "body", NULL);
	int r = build(content_root(body ? body : top), p, links, 0, err);
	if (!r)
		r = html_lead_meta(p);
	if (!r && !p->title)
		r = page_title(top, p);
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	return r;
}

int import_html(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	bool too_deep;
	htmlDocPtr doc = parse(data, len, &too_deep);
	const xmlNode *top = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!top) {
		xmlFreeDoc(doc);
		return jk_fail(err, JK_EEMPTY, "HTML without any text");
	}
	import_links links = {0};
	posting_list found;
	posting_list_init(&found);
	int r = page_jsonld(top, opts, &found);
	if (r) {
		jk_fail(err, r, "out of memory");
	} else if (found.n) {
		/* JSON-LD wins; the page's text stands in for a missing description
		 * only when the page is about one posting. */
		posting *p = found.items[0];
		if (found.n == 1 && !p->nsections)
			r = page_posting(top, p, &links, err);
		if (!r)
			r = import_apply_choose(p, &links, html_base(opts));
	} else {
		posting *p = posting_new();
		r = p ? posting_list_push(&found, p) : JK_ENOMEM;
		if (!r)
			r = page_posting(top, p, &links, err);
		if (!r)
			r = import_apply_choose(p, &links, html_base(opts));
		if (!r && !p->title && !p->nsections)
			r = too_deep ? jk_fail(err, JK_EFORMAT, "HTML " IMPORT_TOO_DEEP)
			             : jk_fail(err, JK_EEMPTY, "HTML without any text");
	}
	if (!r && too_deep)
		import_warnf(opts, "HTML " IMPORT_TOO_DEEP "; the rest was skipped");
	for (size_t i = 0; !r && i < found.n; i++) {
		r = posting_list_push(out, found.items[i]);
		found.items[i] = NULL;
	}
	for (size_t i = 0; i < found.n; i++)
		posting_free(found.items[i]);
	free(found.items);
	import_links_free(&links);
	xmlFreeDoc(doc);
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	return r;
}
