/* feed.c — layer 3: RSS 2.0, RSS 1.0 (RDF) and Atom feeds (libxml2).
 *
 * Safety: the parser never substitutes entities (no XML_PARSE_NOENT), never
 * loads a DTD or anything else outside the document (no DTDLOAD, NONET),
 * and keeps its depth limit (no XML_PARSE_HUGE). Entity references stay
 * nodes in the tree; this file reads text nodes itself and never follows
 * them (xmlNodeGetContent and xmlGetProp would expand them, which is how a
 * billion-laughs document explodes). */
#include "readers.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

static const int xml_opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                            XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC;

/* Element n is `name` in namespace ns; ns NULL means the feed's own
 * vocabulary: no namespace, RSS 1.0/0.90 or Atom. */
static bool is_el(const xmlNode *n, const char *name, const char *ns)
{
	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
		return false;
	const char *h = n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
	if (!ns)
		return !h || !strcmp(h, NS_RSS1) || !strcmp(h, NS_ATOM) || !strcmp(h, NS_RSS090);
	return h && !strcmp(h, ns);
}

/* An entity reference the document left unexpanded: an HTML name (&nbsp;
 * in a sloppy feed) is written back for the HTML decoding that follows;
 * anything else (its own or external entities) is dropped unread. */
static int entity_ref(jk_buf *b, const char *name)
{
	char ref[64];
	int n = snprintf(ref, sizeof ref, "&%s;", name);
	if (n <= 0 || (size_t)n >= sizeof ref)
		return JK_OK;
	char *d = import_decode_entities(ref, (size_t)n);
	int r = !d ? JK_ENOMEM : strcmp(d, ref) ? jk_buf_append(b, ref, (size_t)n) : JK_OK;
	free(d);
	return r;
}

/* Appends the text under n. An entity reference is written back as
 * "&name;" (HTML decoding turns &nbsp; and friends into text later), never
 * expanded. Depth is bounded by the parser's limit. */
static int text_into(const xmlNode *n, jk_buf *b)
{
	int r = JK_OK;
	for (const xmlNode *c = n->children; c && !r; c = c->next) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			r = jk_buf_puts(b, (const char *)c->content);
		else if (c->type == XML_ENTITY_REF_NODE)
			r = entity_ref(b, (const char *)c->name);
		else if (c->type == XML_ELEMENT_NODE)
			r = text_into(c, b);
	}
	return r;
}

/* The text of n (caller frees), "" when it has none, NULL on OOM. */
static char *text_of(const xmlNode *n)
{
	jk_buf b = {.limit = IMPORT_MAX_BYTES};
	if (text_into(n, &b)) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

/* An attribute's value without following entity references; NULL when
 * absent (or on OOM). Caller frees. */
static char *attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name))
			return text_of((const xmlNode *)a);
	return NULL;
}

static bool has_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (!strcmp((const char *)a->name, name))
			return true;
	return false;
}

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
	char *v = attr(n, name);
	bool yes = v && !strcasecmp(v, value);
	free(v);
	return yes;
}

static bool is_http(const char *s)
{
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8));
}

typedef struct feed {
	const import_opts *o;
	const char *base; /* resolves links: the source URL, else the feed's own */
	char *self;       /* owned: the feed's own URL as it states it */
	char *page;       /* owned: the web page the feed belongs to */
	xmlDoc *doc;
	char *org; /* default organization, owned */
	posting_list *out;
	size_t first, skipped;
	jk_err *err;
} feed;

/* Moves the text of n into *slot when *slot is still empty. */
static int take_text(char **slot, const xmlNode *n)
{
	if (*slot)
		return JK_OK;
	*slot = text_of(n);
	return *slot ? JK_OK : JK_ENOMEM;
}

static int set_link(posting *p, const char *url, const char *base)
{
	if (!url)
		return JK_OK;
	char *t = jk_text_clean(url, (size_t)-1); /* links in feeds come with new lines */
	char *u = t && *t ? import_url_accept(t, base) : NULL;
	int r = t ? (u ? posting_set_default(&p->apply, u, (size_t)-1) : JK_OK) : JK_ENOMEM;
	free(u);
	free(t);
	return r;
}

static int push(feed *f, posting *p, import_links *links)
{
	if (import_full(f->o, f->out, f->first, &f->skipped)) {
		import_links_free(links);
		posting_free(p);
		return JK_OK;
	}
	int r = import_apply_choose(p, links, f->base);
	import_links_free(links);
	char *feed_url = r || !p->apply || !f->base ? NULL : import_url_accept(f->base, NULL);
	if (feed_url && !strcmp(feed_url, p->apply) && f->base != f->page) {
		/* The chooser's last resort, the source, is the feed itself here. */
		free(p->apply);
		p->apply = is_http(f->page) ? import_url_accept(f->page, NULL) : NULL;
	}
	free(feed_url);
	if (r) {
		posting_free(p);
		return r;
	}
	return posting_list_push(f->out, p);
}

/* Fields an item or entry gives, as text until the posting is built. */
typedef struct item {
	char *title, *link, *guid, *date, *body, *summary;
	int body_kind, summary_kind;
	bool guid_link;
} item;

static void item_free(item *it)
{
	free(it->title), free(it->link), free(it->guid), free(it->date), free(it->body),
	    free(it->summary);
}

static bool blank(const char *s)
{
	while (s && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++;
	return !s || !*s;
}

/* Drops markup from an HTML title ("Programmer <em>(C++)</em>"). */
static void strip_tags(char *s)
{
	char *o = s;
	for (bool in = false; s && *s; s++) {
		if (*s == '<')
			in = true;
		else if (*s == '>' && in)
			in = false;
		else if (!in)
			*o++ = *s;
	}
	if (o)
		*o = '\0';
}

static int build(feed *f, item *it, const xmlNode *node, bool atom)
{
	if (blank(it->title) && blank(it->body) && blank(it->summary))
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	int r = import_set_text(&p->title, it->title);
	if (!r)
		r = import_set_text(&p->organization, f->org);
	if (!r)
		r = set_link(p, it->link, f->base);
	if (!r && it->guid_link)
		r = set_link(p, it->guid, f->base);
	if (!r && it->guid)
		r = posting_set(&p->native_id, it->guid, (size_t)-1);
	if (!r)
		r = import_set_date(&p->posted, it->date);
	/* Categories: RSS text, Atom term/label; dc:subject too. */
	for (const xmlNode *c = node->children; c && !r; c = c->next) {
		char *t = NULL;
		if (is_el(c, "category", NULL))
			t = atom ? attr(c, "label") : text_of(c);
		if (atom && is_el(c, "category", NULL) && (!t || !*t)) {
			free(t);
			t = attr(c, "term");
		}
		if (is_el(c, "subject", NS_DC))
			t = text_of(c);
		if (t && *t && strlen(t) < 200) {
			char *d = import_decode_entities(t, strlen(t));
			r = d ? posting_add_tag(p, d) : JK_ENOMEM;
			free(d);
		}
		free(t);
	}
	const char *body = it->body ? it->body : it->summary;
	int kind = it->body ? it->body_kind : it->summary_kind;
	if (!r && body)
		r = import_body(p, body, strlen(body), kind, TEXT_KEYS, &links, f->base, f->err);
	if (r) {
		import_links_free(&links);
		posting_free(p);
		return r;
	}
	return push(f, p, &links);
}

static int rss_item(feed *f, const xmlNode *n)
{
	item it = {.body_kind = BODY_GUESS, .summary_kind = BODY_GUESS};
	int r = JK_OK;
	for (const xmlNode *c = n->children; c && !r; c = c->next) {
		if (is_el(c, "title", NULL))
			r = take_text(&it.title, c);
		else if (is_el(c, "link", NULL))
			r = take_text(&it.link, c);
		else if (is_el(c, "guid", NULL)) {
			r = take_text(&it.guid, c);
			it.guid_link = !attr_is(c, "isPermaLink", "false");
		} else if (is_el(c, "pubDate", NULL) || is_el(c, "date", NS_DC))
			r = take_text(&it.date, c);
		else if (is_el(c, "encoded", NS_CONTENT))
			r = take_text(&it.body, c);
		else if (is_el(c, "description", NULL))
			r = take_text(&it.summary, c);
	}
	if (!r && !it.link) /* RSS 1.0 rdf:about */
		it.link = attr(n, "about");
	if (!r)
		r = build(f, &it, n, false);
	item_free(&it);
	return r;
}

/* Atom text constructs: type text (default), html, or xhtml (markup kept
 * as a string for the body helper). */
static int atom_text(feed *f, char **slot, int *kind, const xmlNode *n)
{
	if (*slot)
		return JK_OK;
	char *type = attr(n, "type");
	int r = JK_OK;
	*kind = BODY_TEXT;
	if (type && !strcasecmp(type, "xhtml")) {
		xmlBuffer *xb = xmlBufferCreate();
		for (xmlNode *c = n->children; xb && c; c = c->next)
			if (xmlNodeDump(xb, f->doc, c, 0, 0) < 0)
				break;
		*slot =
		    xb ? jk_strndup((const char *)xmlBufferContent(xb), xmlBufferLength(xb)) : NULL;
		xmlBufferFree(xb);
		*kind = BODY_HTML;
	} else {
		*slot = text_of(n);
		if (type && (!strcasecmp(type, "html") || !strcasecmp(type, "text/html")))
			*kind = BODY_HTML;
	}
	if (!*slot)
		r = JK_ENOMEM;
	free(type);
	return r;
}

static int atom_entry(feed *f, const xmlNode *n)
{
	item it = {.body_kind = BODY_TEXT, .summary_kind = BODY_TEXT};
	char *published = NULL, *updated = NULL;
	int r = JK_OK, title_kind = BODY_TEXT;
	for (const xmlNode *c = n->children; c && !r; c = c->next) {
		if (is_el(c, "title", NULL)) {
			r = atom_text(f, &it.title, &title_kind, c);
		} else if (is_el(c, "link", NULL) && !it.link) {
			char *rel = attr(c, "rel");
			if (!rel || !strcasecmp(rel, "alternate"))
				it.link = attr(c, "href");
			free(rel);
		} else if (is_el(c, "id", NULL)) {
			r = take_text(&it.guid, c);
		} else if (is_el(c, "published", NULL)) {
			r = take_text(&published, c);
		} else if (is_el(c, "updated", NULL)) {
			r = take_text(&updated, c);
		} else if (is_el(c, "content", NULL)) {
			r = atom_text(f, &it.body, &it.body_kind, c);
		} else if (is_el(c, "summary", NULL)) {
			r = atom_text(f, &it.summary, &it.summary_kind, c);
		}
	}
	if (it.title && title_kind == BODY_HTML) {
		char *d = import_decode_entities(it.title, strlen(it.title));
		free(it.title);
		strip_tags(it.title = d);
	}
	it.date = published ? published : updated;
	if (published)
		free(updated);
	if (!r)
		r = build(f, &it, n, true);
	item_free(&it);
	return r;
}

/* The organization a feed speaks for: its title, or its author. */
static int feed_org(feed *f, const xmlNode *chan)
{
	char *t = NULL;
	for (const xmlNode *c = chan ? chan->children : NULL; c && !t; c = c->next)
		if (is_el(c, "title", NULL) && !(t = text_of(c)))
			return JK_ENOMEM;
	for (const xmlNode *c = chan ? chan->children : NULL; c && (!t || !*t); c = c->next)
		if (is_el(c, "author", NULL))
			for (const xmlNode *a = c->children; a; a = a->next)
				if (is_el(a, "name", NULL)) {
					free(t);
					if (!(t = text_of(a)))
						return JK_ENOMEM;
				}
	if (t && strchr(t, '&')) {
		char *d = import_decode_entities(t, strlen(t));
		free(t);
		if (!(t = d))
			return JK_ENOMEM;
	}
	f->org = t ? import_org_from_title(t) : NULL;
	int r = t && !f->org ? JK_ENOMEM : JK_OK;
	free(t);
	return r;
}

/* The children of the element that describes the feed. */
static const xmlNode *holders0(bool atom, const xmlNode *root, const xmlNode *chan)
{
	const xmlNode *h = atom ? root : chan;
	return h ? h->children : NULL;
}

static int read_doc(feed *f, const xmlNode *root)
{
	const char *name = (const char *)root->name;
	const xmlNode *chan = NULL;
	bool atom = !strcmp(name, "feed");
	if (!atom && strcmp(name, "rss") && strcmp(name, "RDF"))
		return jk_fail(f->err, JK_EFORMAT, "XML but not an RSS or Atom feed (root <%.40s>)",
		               name);
	for (const xmlNode *c = root->children; c && !chan; c = c->next)
		if (is_el(c, "channel", NULL))
			chan = c;
	int r = feed_org(f, atom ? root : chan);
	/* The feed's web page (RSS channel link, Atom alternate) and its own
	 * URL (Atom self): a feed read from a file still resolves relative
	 * links, and an item without a link falls back to the page, never to
	 * the feed document itself. */
	for (const xmlNode *c = holders0(atom, root, chan); c && !r; c = c->next) {
		char **slot = NULL, *v = NULL;
		if (atom && is_el(c, "link", NULL))
			slot = attr_is(c, "rel", "self") ? &f->self : &f->page;
		else if (!atom && is_el(c, "link", NULL))
			slot = &f->page;
		if (!slot || *slot)
			continue;
		if (atom && slot == &f->page && !attr_is(c, "rel", "alternate") &&
		    has_attr(c, "rel"))
			continue;
		v = atom ? attr(c, "href") : text_of(c);
		*slot = v ? jk_text_clean(v, (size_t)-1) : NULL;
		free(v);
	}
	if (!f->base)
		f->base = is_http(f->self) ? f->self : is_http(f->page) ? f->page : NULL;
	/* RSS 2.0 items sit in the channel, RSS 1.0 items next to it. */
	const xmlNode *holders[] = {atom ? root : chan, atom ? NULL : root};
	for (size_t h = 0; h < 2 && !r; h++)
		for (const xmlNode *c = holders[h] ? holders[h]->children : NULL; c && !r;
		     c = c->next) {
			if (atom && is_el(c, "entry", NULL))
				r = atom_entry(f, c);
			else if (!atom && is_el(c, "item", NULL))
				r = rss_item(f, c);
		}
	return r;
}

/* Parses data; on failure fills why with the parser's reason and *fatal when
 * the reason is one that recovery must not work around (depth, entities). */
static xmlDoc *parse(const char *data, size_t len, const char *url, int extra, char *why,
                     size_t whyn, bool *fatal)
{
	import_xml_init();
	xmlParserCtxt *ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		snprintf(why, whyn, "out of memory");
		return NULL;
	}
	xmlDoc *doc = xmlCtxtReadMemory(ctxt, data, (int)len, url, "UTF-8", xml_opts | extra);
	const xmlError *e = xmlCtxtGetLastError(ctxt);
	if (doc && !extra && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && e && e->message) {
		const char *m = e->message;
		*fatal = e->code == XML_ERR_ENTITY_LOOP || strstr(m, "depth") ||
		         strstr(m, "mplification");
		if (strstr(m, "depth"))
			snprintf(why, whyn, IMPORT_TOO_DEEP);
		else
			snprintf(why, whyn, "line %d: %s", e->line, m);
		size_t n = strlen(why);
		while (n && (why[n - 1] == '\n' || why[n - 1] == ' '))
			why[--n] = '\0';
	} else if (!doc) {
		snprintf(why, whyn, "not XML");
	}
	xmlFreeParserCtxt(ctxt);
	return doc;
}

/* The length of an XML reference (&amp; &#38; &#x26; ...) at s, else 0. */
static size_t xml_ref(const char *s, size_t n)
{
	static const char *const named[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
	for (size_t i = 0; i < JK_ARRAY_LEN(named); i++)
		if (n >= strlen(named[i]) && !memcmp(s, named[i], strlen(named[i])))
			return strlen(named[i]);
	if (n < 4 || s[1] != '#')
		return 0;
	bool hex = s[2] == 'x';
	size_t i = 2 + hex, start = i;
	while (i < n && i < 12 &&
	       ((s[i] >= '0' && s[i] <= '9') ||
	        (hex && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'f'))))
		i++;
	return i > start && i < n && s[i] == ';' ? i + 1 : 0;
}

/* Feeds in the wild put HTML entities (&nbsp;) and bare '&' in XML. Every
 * '&' that starts no XML reference becomes "&amp;", so the text keeps
 * "&nbsp;" for the HTML decoding that follows. CDATA and comments are
 * left alone. Caller frees. */
static char *fix_amps(const char *s, size_t n, size_t *outlen)
{
	jk_buf b = {.limit = IMPORT_MAX_BYTES + IMPORT_MAX_BYTES / 2};
	int r = JK_OK;
	size_t i = 0;
	while (i < n && !r) {
		const char *amp = memchr(s + i, '&', n - i), *lt = memchr(s + i, '<', n - i);
		const char *stop = amp && (!lt || amp < lt) ? amp : lt;
		if (!stop) {
			r = jk_buf_append(&b, s + i, n - i);
			break;
		}
		r = jk_buf_append(&b, s + i, (size_t)(stop - s) - i);
		i = (size_t)(stop - s);
		const char *end = NULL;
		size_t skip = 1;
		if (*stop == '<' && n - i >= 9 && !memcmp(stop, "<![CDATA[", 9))
			end = memmem(stop, n - i, "]]>", 3), skip = 3;
		else if (*stop == '<' && n - i >= 4 && !memcmp(stop, "<!--", 4))
			end = memmem(stop, n - i, "-->", 3), skip = 3;
		if (*stop == '<') {
			size_t k = end ? (size_t)(end - stop) + skip : 1;
			if (!r)
				r = jk_buf_append(&b, stop, k);
			i += k;
		} else if ((skip = xml_ref(stop, n - i))) {
			if (!r)
				r = jk_buf_append(&b, stop, skip);
			i += skip;
		} else {
			if (!r)
				r = jk_buf_puts(&b, "&amp;");
			i++;
		}
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	*outlen = b.len;
	return jk_buf_detach(&b);
}

int import_feed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	char why[200] = "";
	bool fatal = false, recovered = false;
	const char *url = opts ? opts->source : NULL;
	if (len > IMPORT_MAX_BYTES)
		return jk_fail(err, JK_ETOOBIG, "feed too large");
	xmlDoc *doc = parse(data, len, url, 0, why, sizeof why, &fatal);
	if (!doc && !fatal) {
		/* Feeds in the wild are often not quite XML (a bare '&', an HTML
		 * entity): mend the ampersands, else keep what a forgiving parse
		 * finds, and say so. */
		char ignore[8];
		bool f2 = false;
		size_t flen = 0;
		char *fixed = fix_amps(data, len, &flen);
		if (!fixed)
			return jk_fail(err, JK_ENOMEM, "out of memory");
		doc = parse(fixed, flen, url, 0, ignore, sizeof ignore, &f2);
		if (!doc && !f2)
			doc =
			    parse(fixed, flen, url, XML_PARSE_RECOVER, ignore, sizeof ignore, &f2);
		free(fixed);
		recovered = doc != NULL;
	}
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root) {
		xmlFreeDoc(doc);
		return jk_fail(err, JK_EFORMAT, "not a readable feed (%s)", why);
	}
	feed f = {.o = opts,
	          .base = html_base(opts),
	          .doc = doc,
	          .out = out,
	          .first = out->n,
	          .err = err};
	int r = read_doc(&f, root);
	free(f.org);
	free(f.self);
	free(f.page);
	xmlFreeDoc(doc);
	if (!r && recovered && out->n == f.first)
		r = jk_fail(err, JK_EFORMAT, "not a readable feed (%s)", why);
	if (r) {
		import_drop_from(out, f.first);
		return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : r;
	}
	if (recovered)
		import_warnf(opts, "not well-formed XML (%s); read what could be recovered", why);
	return JK_OK;
}
