/* hblocks.c — layer 1b: an HTML tree (a fragment or a whole page) → posting
 * blocks: headings open sections, paragraphs, list items and table rows
 * become blocks, bold and italic stay spans, links are collected. */
#include "blocks.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
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
			b->r =
			    i ? import_links_add_same(b->links, b->pl[i].href, b->pl[i].text)
			      : import_links_add(b->links, b->pl[i].href, b->pl[i].text, context);
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

/* Adds a link the page shows no text for: an embedded form (an <iframe>
 * whose src is a form, which a person opens by itself) or an address that
 * an image's alt text spells out. It joins the links of the open block. */
static void media_link(hb *b, const xmlNode *n)
{
	char *href = NULL;
	const char *text = "";
	jk_buf addr = {0};
	if (html_is(n, "iframe") && html_attr(n, "src")) {
		href = import_form_url(html_attr(n, "src"), NULL);
	} else if (html_is(n, "img") && (text = html_attr(n, "alt")) != NULL) {
		size_t pos = 0, a, e, len = strlen(text);
		if (len <= 300 && import_address_next(text, len, &pos, &addr, &a, &e, NULL)) {
			jk_buf m = {0};
			b->r = jk_buf_puts(&m, "mailto:");
			if (!b->r)
				b->r = jk_buf_append(&m, addr.data, addr.len);
			href = b->r ? NULL : jk_buf_detach(&m);
			jk_buf_free(&m);
		}
	}
	jk_buf_free(&addr);
	if (!href || b->r) {
		free(href);
		return;
	}
	b->href = href;
	b->link_text.len = 0;
	b->r = jk_buf_puts(&b->link_text, text ? text : "");
	end_link(b);
	b->link_text.len = 0;
	free(href);
}

/* Returns whether to descend into n. */
static bool enter(hb *b, const xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content)
			text_node(b, (const char *)n->content);
		return false;
	}
	if (!b->href && n->type == XML_ELEMENT_NODE && (html_is(n, "iframe") || html_is(n, "img")))
		media_link(b, n);
	if (n->type != XML_ELEMENT_NODE || html_skipped(n))
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
	} else if (html_is_block(name)) {
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
			f.step = html_attr(n, "reversed") ? -1 : 1;
			f.next = parse_int(html_attr(n, "start"), 1);
			f.outer_list = b->list;
			b->list = b->nst;
		} else if (!strcmp(name, "li") && !b->heading_depth) {
			frame *l = b->list >= 0 ? &b->st[b->list] : NULL;
			if (l && l->ordered) {
				b->number = parse_int(html_attr(n, "value"), l->next);
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
	} else if (!strcmp(name, "a") && !b->href && html_attr(n, "href")) {
		b->href = html_attr(n, "href");
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

static void hb_free(hb *b)
{
	flush_links(b, "");
	free(b->pl);
	jk_buf_free(&b->heading);
	jk_buf_free(&b->link_text);
	jk_buf_free(&b->fix);
}

int html_build(const xmlNode *root, posting *p, import_links *links, unsigned flags, jk_err *err)
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

int html_sections(const char *html, size_t len, posting *p, import_links *links, unsigned flags,
                  jk_err *err)
{
	if (!len)
		return JK_OK;
	bool too_deep;
	htmlDocPtr doc = html_parse(html, len, &too_deep);
	if (!doc)
		return jk_fail(err, JK_EFORMAT, "HTML that cannot be parsed");
	int r = html_build(html_content_root(xmlDocGetRootElement(doc)), p, links, flags, err);
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
