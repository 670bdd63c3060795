/* html.c — layer 3: the HTML page reader: the page's JSON-LD JobPostings
 * when it has any, else (or for a missing description) the page's own text,
 * header lines and title; one posting per block on a page that repeats one
 * block per job. The head gives the base for links (<base>, the page's
 * address, its canonical address) and the organisation. A site
 * generator's content file (front matter, then the page) has the front
 * matter as the page's own metadata (fmpage.c). */
#include "readers.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Every JobPosting in the page's JSON-LD scripts, appended to out. */
static int page_jsonld(const xmlNode *top, const import_opts *opts, const char *base,
                       posting_list *out)
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
			r = jsonld_read(j, strlen(j), base, opts, out, &found, &e);
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

/* What a page's head says about the page. */
typedef struct page_meta {
	char *base;                  /* where relative links resolve, owned; may be NULL */
	const char *site;            /* og:site_name, borrowed */
	char *org;                   /* the organisation its <title> names, owned */
	char lang[POSTING_LANG_MAX]; /* <html lang> (or xml:lang), "" none */
} page_meta;

/* The content of <meta property|name=key> in head, borrowed. */
static const char *meta_content(const xmlNode *head, const char *key)
{
	for (const xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		const char *k = html_is(n, "meta") ? html_attr(n, "property") : NULL;
		if (!k && html_is(n, "meta"))
			k = html_attr(n, "name");
		if (k && !strcasecmp(k, key) && html_attr(n, "content"))
			return html_attr(n, "content");
	}
	return NULL;
}

/* The href of <name rel=rel> in head ("link", "canonical"), borrowed. */
static const char *head_href(const xmlNode *head, const char *name, const char *rel)
{
	for (const xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		const char *r = html_is(n, name) ? html_attr(n, "rel") : NULL;
		if (html_is(n, name) && (!rel || (r && !strcasecmp(r, rel))) &&
		    html_attr(n, "href"))
			return html_attr(n, "href");
	}
	return NULL;
}

/* The page's <title> text, cleaned; NULL when none. Caller frees. */
static char *head_title(const xmlNode *head)
{
	for (const xmlNode *n = head ? head->children : NULL; n; n = n->next) {
		if (!html_is(n, "title"))
			continue;
		xmlChar *t = xmlNodeGetContent(n);
		char *c = t ? jk_text_clean((const char *)t, (size_t)-1) : NULL;
		xmlFree(t);
		return c;
	}
	return NULL;
}

/* Relative links resolve against <base href>, else the address the page
 * was read from, else the page's own address (canonical, og:url). */
static int page_meta_read(const xmlNode *top, const import_opts *opts, page_meta *m)
{
	const xmlNode *head = html_find(top, "head", NULL);
	const char *src = html_base(opts), *bh = head_href(head, "base", NULL);
	const char *own[] = {head_href(head, "link", "canonical"), meta_content(head, "og:url")};
	memset(m, 0, sizeof *m);
	m->base = bh ? import_url_accept(bh, src) : NULL;
	if (m->base && strncmp(m->base, "http", 4)) {
		free(m->base);
		m->base = NULL;
	}
	if (!m->base && src)
		m->base = jk_strndup(src, (size_t)-1);
	for (size_t i = 0; !m->base && i < JK_ARRAY_LEN(own); i++) {
		m->base = own[i] ? import_url_accept(own[i], NULL) : NULL;
		if (m->base && strncmp(m->base, "http", 4)) {
			free(m->base);
			m->base = NULL;
		}
	}
	m->site = meta_content(head, "og:site_name");
	const char *lang = html_attr(top, "lang");
	import_lang(lang ? lang : html_attr(top, "xml:lang"), "<html lang>", opts, m->lang);
	char *t = head_title(head);
	m->org = import_title_org(t, m->site);
	free(t);
	return JK_OK;
}

static void page_meta_free(page_meta *m)
{
	free(m->base);
	free(m->org);
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
	const char *og = meta_content(head, "og:title");
	if (og)
		return posting_set(&p->title, og, (size_t)-1);
	char *s = head_title(head);
	if (!s)
		return JK_OK;
	const char *bar = strstr(s, " | ");
	int r = posting_set(&p->title, s, bar && bar > s ? (size_t)(bar - s) : (size_t)-1);
	free(s);
	return r;
}

/* The fields a page's head gives every posting on it. */
static int page_fields(posting *p, const page_meta *m)
{
	int r = m->org ? posting_set_default(&p->organization, m->org, (size_t)-1) : JK_OK;
	return r ? r : import_title_split(p, m->site);
}

/* The page as one posting from its text: sections, header lines, title. */
static int page_posting(const xmlNode *top, const page_meta *m, posting *p, import_links *links,
                        jk_err *err)
{
	int r = html_build(html_content_root(top), p, links, 0, err);
	if (!r)
		r = html_lead_meta(p);
	if (!r && !p->title)
		r = page_title(top, p);
	if (!r)
		r = page_fields(p, m);
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	return r;
}

#define UNITS_MAX 256

/* The title of a posting written in several units: their first headings
 * joined ("Kaderníčka / Перукар"). */
static int units_title(posting *p, const xmlNode *const *u, size_t n, const char *name)
{
	jk_buf b = {0};
	int r = 0;
	for (size_t i = 0; i < n && !r; i++) {
		const xmlNode *h = html_find(u[i], name, NULL);
		xmlChar *t = h ? xmlNodeGetContent(h) : NULL;
		char *c = t ? jk_text_clean((const char *)t, (size_t)-1) : NULL;
		if (c && *c && !(b.len && jk_strcasestr(b.data, c)))
			r = jk_buf_printf(&b, "%s%s", b.len ? " / " : "", c);
		free(c);
		xmlFree(t);
	}
	if (!r && b.len)
		r = posting_set(&p->title, b.data, b.len);
	jk_buf_free(&b);
	return r;
}

/* A page that repeats one block per job: one posting per block (a block
 * written in two languages side by side is one posting). Appends to found;
 * *done says the page was read this way. */
static int page_postings(const xmlNode *top, const page_meta *m, posting_list *found, bool *done,
                         jk_err *err)
{
	const xmlNode *units[UNITS_MAX];
	size_t group[UNITS_MAX];
	const xmlNode *root = html_content_root(top);
	size_t n = html_posting_units(root, units, group, UNITS_MAX);
	*done = n > 0;
	const char *name = n && html_find(units[0], "h1", NULL) ? "h1" : "h2";
	int r = JK_OK;
	for (size_t i = 0; i < n && !r;) {
		size_t j = i;
		while (j < n && group[j] == group[i])
			j++;
		posting *p = posting_new();
		import_links links = {0};
		r = p ? units_title(p, units + i, j - i, name) : JK_ENOMEM;
		for (size_t k = i; k < j && !r; k++)
			r = html_build(units[k], p, &links, 0, err);
		if (!r)
			r = html_lead_meta(p);
		if (!r)
			r = page_fields(p, m);
		r = import_push(r, p, &links, m->base, found);
		i = j;
	}
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	return r;
}

/* The page as one posting, appended to found; the front matter's fields
 * first, its text only where the page has none. */
static int page_one(const xmlNode *top, const page_meta *m, const import_page_fm *pf,
                    const import_opts *opts, posting_list *found, import_links *links, jk_err *err)
{
	posting *p = posting_new();
	int r = p ? posting_list_push(found, p) : JK_ENOMEM;
	if (!r)
		r = import_page_fm_fill(p, pf, true);
	if (!r)
		r = page_posting(top, m, p, links, err);
	if (!r)
		r = import_page_fm_text(p, pf, links, m->base, opts, err);
	if (!r)
		r = import_apply_choose(p, links, m->base);
	return r;
}

/* The page in data, its front matter (if any) read into pf, → out. */
static int html_page(const char *data, size_t len, const import_opts *opts,
                     const import_page_fm *pf, posting_list *out, jk_err *err)
{
	bool too_deep, multi = false;
	htmlDocPtr doc = html_parse(data, len, &too_deep);
	const xmlNode *top = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!top) {
		xmlFreeDoc(doc);
		return jk_fail(err, JK_EEMPTY, "HTML without any text");
	}
	import_links links = {0};
	posting_list found;
	posting_list_init(&found);
	page_meta m;
	int r = page_meta_read(top, opts, &m);
	if (!r)
		r = page_jsonld(top, opts, m.base, &found);
	if (!r)
		r = import_page_fm_jsonld(pf, opts, m.base, &found);
	if (r) {
		jk_fail(err, r, "out of memory");
	} else if (found.n) {
		/* JSON-LD wins; the page's text stands in for a missing description
		 * only when the page is about one posting. */
		posting *p = found.items[0];
		if (found.n == 1 && !p->nsections)
			r = page_posting(top, &m, p, &links, err);
		if (!r && found.n == 1)
			r = import_page_fm_text(p, pf, &links, m.base, opts, err);
		if (!r)
			r = import_apply_choose(p, &links, m.base);
	} else if (!(r = page_postings(top, &m, &found, &multi, err)) && !multi) {
		r = page_one(top, &m, pf, opts, &found, &links, err);
		const posting *p = r ? NULL : found.items[0];
		if (p && !p->title && !p->nsections)
			r = too_deep ? jk_fail(err, JK_EFORMAT, "HTML " IMPORT_TOO_DEEP)
			             : jk_fail(err, JK_EEMPTY, "HTML without any text");
	}
	if (!r && too_deep)
		import_warnf(opts, "HTML " IMPORT_TOO_DEEP "; the rest was skipped");
	/* The front matter fills what each posting of the page lacks. */
	for (size_t i = 0; !r && i < found.n; i++) {
		r = import_page_fm_fill(found.items[i], pf, found.n == 1);
		if (!r && m.lang[0])
			r = posting_set_default(&found.items[i]->language, m.lang, (size_t)-1);
		if (!r)
			r = import_page_fm_apply(found.items[i], pf, m.base);
	}
	for (size_t i = 0; !r && i < found.n; i++) {
		r = posting_list_push(out, found.items[i]);
		found.items[i] = NULL;
	}
	for (size_t i = 0; i < found.n; i++)
		posting_free(found.items[i]);
	free(found.items);
	import_links_free(&links);
	page_meta_free(&m);
	xmlFreeDoc(doc);
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	return r;
}

/* The page of a site generator's content file: what the generator would
 * have replaced (shortcodes, Liquid) taken out. One whose text lives in
 * its front matter is an empty page. */
static int page_body(const char *s, size_t n, jk_buf *out)
{
	int r = import_md_clean(s, n, out);
	size_t i = 0;
	while (!r && i < out->len && strchr(" \t\r\n\f\v", out->data[i]))
		i++;
	if (!r && i == out->len)
		r = jk_buf_puts(out, "<body></body>");
	return r;
}

int import_html(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	import_page_fm pf;
	jk_buf body = {0};
	int r = import_page_fm_read(data, len, html_base(opts), opts, &pf, err);
	if (!r && pf.fm.draft) {
		import_warnf(opts, "skipped: marked as a draft");
	} else if (!r && pf.meta) {
		r = page_body(data + pf.fm.body, len - pf.fm.body, &body);
		if (!r)
			r = html_page(body.data, body.len, opts, &pf, out, err);
	} else if (!r) {
		r = html_page(data, len, opts, &pf, out, err);
	}
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	import_page_fm_free(&pf);
	jk_buf_free(&body);
	return r;
}
