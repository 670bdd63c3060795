/* dom.c — layer 1a: the HTML tree as the other HTML files see it:
 * parsing (libxml2's HTML parser), element tests, attributes, the parts
 * that never reach a slide, and where a page's posting sits. */
#include "blocks.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <limits.h>
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
	for (; *list; list++)
		if (!strcmp(name, *list))
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
