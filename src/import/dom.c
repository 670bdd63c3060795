/* dom.c — layer 1a: the HTML tree as the other HTML files see it:
 * parsing (libxml2's HTML parser), element tests, attributes, the parts
 * that never reach a slide, and where a page's posting sits. */
#include "blocks.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Parses HTML that is already UTF-8. The caller frees with xmlFreeDoc().
 * A <meta charset> inside must not re-decode it, hence IGNORE_ENC. libxml2
 * stops at 256 levels of nesting; *too_deep (may be NULL) says it did. */
htmlDocPtr html_parse(const char *html, size_t len, bool *too_deep)
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

bool html_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

static bool in_list(const char *name, const char *const *list)
{
	for (; *list; list++) /* the first letter first: called for every element */
		if (name[0] == (*list)[0] && !strcmp(name, *list))
			return true;
	return false;
}

/* Attribute value as a borrowed string: the text of its single text child
 * (how libxml2 stores parsed HTML attributes), NULL when absent. */
const char *html_attr(const xmlNode *n, const char *name)
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
	if (html_attr(n, "hidden"))
		return true;
	if ((v = html_attr(n, "aria-hidden")) && !strcasecmp(v, "true"))
		return true;
	if ((v = html_attr(n, "style"))) {
		char norm[128];
		size_t k = 0;
		for (; *v && k + 1 < sizeof norm; v++)
			if (!isspace((unsigned char)*v))
				norm[k++] = (char)tolower((unsigned char)*v);
		norm[k] = '\0';
		if (strstr(norm, "display:none") || strstr(norm, "visibility:hidden"))
			return true;
	}
	if ((v = html_attr(n, "class"))) {
		static const char *const sr[] = {"sr-only", "visually-hidden", "visuallyhidden",
		                                 "screen-reader-text", "a11y-hidden"};
		for (size_t i = 0; i < JK_ARRAY_LEN(sr); i++)
			if (jk_strcasestr(v, sr[i]))
				return true;
	}
	return false;
}

bool html_is_block(const char *name)
{
	return in_list(name, blocks);
}

bool html_skipped(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE &&
	       (!n->name || in_list((const char *)n->name, skipped) || hidden(n));
}

/* Text bytes under root that would reach a slide (capped at stop). */
static size_t text_size(const xmlNode *root, size_t stop)
{
	size_t total = 0;
	const xmlNode *n = root;
	while (total < stop) {
		if (n->type == XML_TEXT_NODE && n->content)
			total += strlen((const char *)n->content);
		if (n->children && n->type == XML_ELEMENT_NODE && !html_skipped(n)) {
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
const xmlNode *html_find(const xmlNode *root, const char *name, size_t *count)
{
	const xmlNode *n = root, *first = NULL;
	for (;;) {
		bool hit = false;
		if (n->type == XML_ELEMENT_NODE) {
			const char *role = html_attr(n, "role");
			hit = html_is(n, name) ||
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
		if (!hit && n->children && n->type == XML_ELEMENT_NODE && !html_skipped(n)) {
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
	const xmlNode *c = html_find(top, "main", NULL);
	if (!c) {
		c = html_find(top, "article", &articles);
		if (articles != 1)
			c = NULL;
	}
	if (!c)
		return top;
	size_t all = text_size(top, (size_t)-1), part = text_size(c, (size_t)-1);
	return part >= 200 || part * 2 >= all ? c : top;
}

const xmlNode *html_content_root(const xmlNode *top)
{
	if (!top)
		return NULL;
	const xmlNode *body = html_find(top, "body", NULL);
	return content_root(body ? body : top);
}

/* Postings side by side --------------------------------------------------- */

#define PATH_MAX_DEPTH 512

/* The child of the lowest common ancestor of a and b on a's side (below
 * root): the largest element holding a but not b. */
static const xmlNode *apart(const xmlNode *root, const xmlNode *a, const xmlNode *b)
{
	const xmlNode *path[PATH_MAX_DEPTH];
	size_t n = 0;
	for (const xmlNode *x = a; x && x != root && n < PATH_MAX_DEPTH; x = x->parent)
		path[n++] = x;
	for (const xmlNode *y = b; y && y != root; y = y->parent)
		for (size_t i = 1; i < n; i++)
			if (path[i] == y)
				return path[i - 1];
	return n ? path[n - 1] : a;
}

/* Text of the first heading <name> under n (borrowed into buf). */
static const char *first_heading(const xmlNode *n, const char *name, char *buf, size_t cap)
{
	const xmlNode *h = html_find(n, name, NULL);
	buf[0] = '\0';
	if (!h)
		return buf;
	xmlChar *t = xmlNodeGetContent(h);
	char *c = t ? jk_text_clean((const char *)t, (size_t)-1) : NULL;
	if (c)
		snprintf(buf, cap, "%s", c);
	free(c);
	xmlFree(t);
	return buf;
}

/* The headings of level name under root in reading order, into hs. */
static size_t collect_headings(const xmlNode *root, const char *name, bool roles,
                               const xmlNode **hs, size_t max)
{
	size_t k = 0;
	const xmlNode *n = root;
	while (n && k < max) {
		bool hit = html_is(n, name);
		if (hit && roles) {
			xmlChar *t = xmlNodeGetContent(n);
			hit = t && import_names_role((const char *)t, strlen((const char *)t));
			xmlFree(t);
		}
		if (hit)
			hs[k++] = n;
		if (!hit && n->children && n->type == XML_ELEMENT_NODE && !html_skipped(n)) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next)
			n = n->parent;
		n = n == root ? NULL : n->next;
	}
	return k;
}

/* Puts units that sit side by side in one parent and open with the same
 * sub-heading (one posting in two languages) into one group. */
static void group_units(const xmlNode **units, size_t *group, size_t n, const char *sub)
{
	char a[256], b[256];
	size_t g = 0;
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && units[i]->parent == units[i - 1]->parent &&
		            *first_heading(units[i], sub, a, sizeof a) &&
		            !strcmp(a, first_heading(units[i - 1], sub, b, sizeof b));
		group[i] = same ? group[i - 1] : g++;
	}
}

size_t html_posting_units(const xmlNode *root, const xmlNode **units, size_t *group, size_t max)
{
	if (!root || max < 2)
		return 0;
	const char *name = "h1", *sub = "h2";
	size_t n = collect_headings(root, name, false, units, max);
	if (n < 2) { /* h2 headings that each name a role */
		name = "h2", sub = "h3";
		n = collect_headings(root, name, true, units, max);
	}
	if (n < 2)
		return 0;
	const xmlNode **u = malloc(n * sizeof *u);
	size_t covered = 0;
	if (!u)
		return 0;
	for (size_t i = 0; i < n; i++) {
		const xmlNode *h = units[i], *x = apart(root, h, units[i ? i - 1 : 1]);
		if (i + 1 < n) {
			const xmlNode *y = apart(root, h, units[i + 1]);
			/* the smaller of the two: it holds neither neighbour */
			for (const xmlNode *z = x; z && z != root; z = z->parent)
				if (z == y) {
					y = x;
					break;
				}
			x = y;
		}
		size_t size = text_size(x, (size_t)-1);
		/* A heading with no element of its own around it, or a unit
		 * with hardly any text: the page is one posting. */
		if (x == h || x->type != XML_ELEMENT_NODE || size < 80) {
			free(u);
			return 0;
		}
		u[i] = x;
		covered += size;
	}
	bool most = covered * 2 >= text_size(root, (size_t)-1);
	if (most) {
		memcpy(units, u, n * sizeof *u);
		group_units(units, group, n, sub);
	}
	free(u);
	return most ? n : 0;
}
