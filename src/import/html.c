/* html.c — HTML pages and fragments (libxml2's HTML parser) → sections, and
 * the page reader that adds JSON-LD, header metadata and a title. */
#include "html.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits.h>
#include <pthread.h>
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

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
	xmlInitParser();
}

/* Parses HTML that is already UTF-8. The caller frees with xmlFreeDoc().
 * A <meta charset> inside must not re-decode it, hence IGNORE_ENC. */
static htmlDocPtr parse(const char *html, size_t len)
{
	pthread_once(&xml_once, xml_init);
	if (len > INT_MAX)
		return NULL;
	return htmlReadMemory(html, (int)len, NULL, "UTF-8",
	                      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                          HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
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
    "script", "style",  "noscript", "template", "head",   "nav",   "footer", "aside",
    "form",   "button", "input",    "select",   "textarea", "img", "svg",    "iframe",
    "canvas", "video",  "audio",    "object",   "embed",  "title", "meta",   "link",
    "map",    "dialog", "math",     "option",   "datalist", "picture", "source", NULL};

static const char *const blocks[] = {
    "p",       "div",   "section", "article", "main",  "header",  "blockquote", "pre",
    "dd",      "dt",    "dl",      "table",   "tr",    "td",      "th",         "tbody",
    "thead",   "tfoot", "caption", "figure",  "figcaption", "address", "center", "details",
    "summary", "fieldset", "legend", "hr",    "body",  "html",    "hgroup",     "ul",
    "ol",      "menu",  "dir",     "li",      NULL};

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
			while (*semi && semi - c < 12 && (isalnum((unsigned char)*semi) || *semi == '#'))
				semi++;
			if (*semi == ';' && semi > c + 1) {
				char *d = import_decode_entities(c, (size_t)(semi - c + 1));
				if (!d) {
					*r = JK_ENOMEM;
					break;
				}
				bool tag = !strcmp(d, "<") || !strcmp(d, ">");
				*r = jk_buf_append(tmp, tag ? c : d, tag ? (size_t)(semi - c + 1) : strlen(d));
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
	static const char *const glyphs[] = {"•", "·", "▪", "◦", "‣", "●", "○", "■", "□", "➢",
	                                     "►", "▸", "✓", "✔", "–", "—"};
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
	bool ordered;     /* F_LIST */
	int next, step;   /* F_LIST: the next item's number */
	int outer_list;   /* F_LIST: the enclosing list frame, -1 none */
} frame;

typedef struct pending_link {
	char *href, *text;
} pending_link;

typedef struct hb {
	posting *p;
	import_links *links;
	size_t sec;  /* current section, valid once p->nsections > 0 */
	bool open;   /* the last block of the current section takes text */
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
	posting_section *s = &b->p->sections[b->sec];
	return b->open && s->nblocks ? &s->blocks[s->nblocks - 1] : NULL;
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

static void close_block(hb *b)
{
	posting_block *k = cur_block(b);
	b->open = false;
	b->kind = POSTING_PARAGRAPH;
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
	if (!posting_add_section(b->p, h))
		b->r = JK_ENOMEM;
	else
		b->sec = b->p->nsections - 1;
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
		if (!posting_add_section(b->p, h))
			b->r = JK_ENOMEM;
		else
			b->sec = b->p->nsections - 1;
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
	char *h = jk_strndup(href, (size_t)-1), *t = b->r ? NULL : jk_strndup(b->link_text.data, b->link_text.len);
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
			hit = is(n, name) || (!strcmp(name, "main") && role && !strcasecmp(role, "main"));
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
		html_drop_chrome(p);
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
	htmlDocPtr doc = parse(html, len);
	if (!doc)
		return jk_fail(err, JK_EFORMAT, "HTML that cannot be parsed");
	int r = build(doc_root(doc), p, links, flags, err);
	xmlFreeDoc(doc);
	return r;
}

int import_html_sections(const char *html, size_t len, posting *p, import_links *links,
                         jk_err *err)
{
	return html_sections(html, len, p, links, 0, err);
}

void html_drop_chrome(posting *p)
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
	}
}

/* Header lines of scraped pages --------------------------------------------- */

const char *html_base(const import_opts *opts)
{
	const char *s = opts ? opts->source : NULL;
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8)) ? s : NULL;
}

int html_lead_meta(posting *p)
{
	(void)p;
	return JK_OK;
}

/* The page reader ------------------------------------------------------------ */

int import_html(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	htmlDocPtr doc = parse(data, len);
	if (!doc)
		return jk_fail(err, JK_EFORMAT, "HTML that cannot be parsed");
	import_links links = {0};
	posting *p = posting_new();
	int r = p ? build(doc_root(doc), p, &links, 0, err) : jk_fail(err, JK_ENOMEM, "out of memory");
	if (!r)
		r = html_lead_meta(p);
	if (!r)
		r = import_apply_choose(p, &links, html_base(opts));
	if (!r && !p->title && !p->nsections)
		r = jk_fail(err, JK_EEMPTY, "HTML without any text");
	if (!r)
		r = posting_list_push(out, p);
	else
		posting_free(p);
	import_links_free(&links);
	xmlFreeDoc(doc);
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	return r;
}
