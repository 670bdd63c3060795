/* html.c — layer 3: the HTML page reader: the page's JSON-LD JobPostings
 * when it has any, else (or for a missing description) the page's own text,
 * header lines and title. */
#include "readers.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Every JobPosting in the page's JSON-LD scripts, appended to out. */
static int page_jsonld(const xmlNode *top, const import_opts *opts, posting_list *out)
{
	const xmlNode *n = top;
	int r = JK_OK;
	while (n && !r) {
		const char *type = html_is(n, "script") ? html_attr(n, "type") : NULL;
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
		if (n->children && n->type == XML_ELEMENT_NODE && !html_is(n, "script")) {
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
	const xmlNode *h1 = html_find(top, "h1", NULL), *head = html_find(top, "head", NULL);
	if (h1) {
		xmlChar *t = xmlNodeGetContent(h1);
		int r = t ? posting_set(&p->title, (const char *)t, (size_t)-1) : JK_OK;
		xmlFree(t);
		if (r || p->title)
			return r;
	}
	for (const xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		const char *prop = html_is(n, "meta") ? html_attr(n, "property") : NULL;
		if (prop && !strcasecmp(prop, "og:title") && html_attr(n, "content"))
			return posting_set(&p->title, html_attr(n, "content"), (size_t)-1);
	}
	for (const xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		if (!html_is(n, "title"))
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
	int r = html_build(html_content_root(top), p, links, 0, err);
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
	htmlDocPtr doc = html_parse(data, len, &too_deep);
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
