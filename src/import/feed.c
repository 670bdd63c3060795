/* feed.c — layer 3: RSS 2.0, RSS 1.0 (RDF) and Atom feeds (libxml2, read
 * through xmldoc.c, which never expands entities), with Teamtailor's
 * teamtailor: elements and job boards' "Company: Title" items. */
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

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
	char *v = import_xml_attr(n, name);
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
	char *lang;       /* owned: the channel's <language> as written */
	bool lang_warned; /* one warning per feed for a value that is no tag */
} feed;

/* Moves the text of n into *slot when *slot is still empty. */
static int take_text(char **slot, const xmlNode *n)
{
	if (*slot)
		return JK_OK;
	*slot = import_xml_text(n);
	return *slot ? JK_OK : JK_ENOMEM;
}

/* After the chooser: an item without a page of its own falls back to the
 * feed's web page, never to the feed document itself. */
static int push(feed *f, posting *p, import_links *links, const char *page)
{
	if (import_full(f->o, f->out, f->first, &f->skipped)) {
		import_links_free(links);
		posting_free(p);
		return JK_OK;
	}
	int r = import_apply_item(p, links, page, f->base);
	import_links_free(links);
	char *feed_url =
	    r || page || !p->apply || !f->base ? NULL : import_url_accept(f->base, NULL);
	if (feed_url && !strcmp(feed_url, p->apply) && f->base != f->page) {
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
	char *lang; /* its own language (RSS dc:language, Atom xml:lang) */
	int body_kind, summary_kind;
	bool guid_link;
} item;

static void item_free(item *it)
{
	free(it->title), free(it->link), free(it->guid), free(it->date), free(it->body),
	    free(it->summary), free(it->lang);
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

/* The item's own page: its link, else a permalink guid, resolved against
 * the feed's base (links in feeds come with line breaks). Caller frees;
 * NULL when there is none. */
static char *item_page(const feed *f, const item *it)
{
	const char *cand[] = {it->link, it->guid_link ? it->guid : NULL};
	for (size_t i = 0; i < JK_ARRAY_LEN(cand); i++) {
		char *t = cand[i] ? jk_text_clean(cand[i], (size_t)-1) : NULL;
		char *u = t && *t ? import_url_accept(t, f->base) : NULL;
		free(t);
		if (u)
			return u;
	}
	return NULL;
}

/* A tag from element text, decoded; long texts are not tags. */
static int add_tag(posting *p, char *t)
{
	int r = JK_OK;
	if (t && *t && strlen(t) < 200) {
		char *d = import_decode_entities(t, strlen(t));
		r = d ? posting_add_tag(p, d) : JK_ENOMEM;
		free(d);
	}
	free(t);
	return r;
}

/* Categories: RSS text, Atom term/label; dc:subject too. */
static int categories(posting *p, const xmlNode *node, bool atom)
{
	int r = JK_OK;
	for (const xmlNode *c = node->children; c && !r; c = c->next) {
		char *t = NULL;
		if (is_el(c, "category", NULL))
			t = atom ? import_xml_attr(c, "label") : import_xml_text(c);
		if (atom && is_el(c, "category", NULL) && (!t || !*t)) {
			free(t);
			t = import_xml_attr(c, "term");
		}
		if (is_el(c, "subject", NS_DC))
			t = import_xml_text(c);
		r = add_tag(p, t);
	}
	return r;
}

/* Teamtailor's elements: the namespace URI differs between its feeds and
 * the tests of those who read them, the prefix does not. */
static bool is_tt(const xmlNode *n, const char *name)
{
	if (n->type != XML_ELEMENT_NODE || strcasecmp((const char *)n->name, name))
		return false;
	const xmlNs *ns = n->ns;
	return ns && ((ns->href && jk_strcasestr((const char *)ns->href, "teamtailor")) ||
	              (ns->prefix && !strcmp((const char *)ns->prefix, "teamtailor")));
}

/* The text of n with white space normalised. Caller frees; NULL on OOM. */
static char *clean_text(const xmlNode *n)
{
	char *t = import_xml_text(n);
	char *c = t ? jk_text_clean(t, (size_t)-1) : NULL;
	free(t);
	return c;
}

/* One teamtailor:location → "Stockholm, Sweden" (its city, else its name,
 * and its country) appended to b, or its text when it has no parts. */
static int tt_place(const xmlNode *loc, jk_buf *b)
{
	static const char *const keys[] = {"city", "name", "country"};
	char *v[3] = {NULL, NULL, NULL};
	bool parts = false;
	int r = JK_OK;
	for (const xmlNode *c = loc->children; c && !r; c = c->next) {
		parts |= c->type == XML_ELEMENT_NODE;
		for (size_t k = 0; k < 3 && !r; k++)
			if (is_tt(c, keys[k]) && !v[k] && !(v[k] = clean_text(c)))
				r = JK_ENOMEM;
	}
	char *whole = parts || r ? NULL : clean_text(loc);
	const char *place = whole ? whole : v[0] && *v[0] ? v[0] : v[1];
	if (!r && place && *place)
		r = jk_buf_puts(b, place);
	if (!r && v[2] && *v[2] && !(place && jk_strcasestr(place, v[2])))
		r = jk_buf_printf(b, "%s%s", place && *place ? ", " : "", v[2]);
	free(whole), free(v[0]), free(v[1]), free(v[2]);
	return r;
}
/* Teamtailor's remote status (none, hybrid, temporary, fully) as the
 * workplace that qualifies the employment; "none" says nothing. */
static int tt_remote(posting *p, const xmlNode *n)
{
	static const struct {
		const char *value, *show;
	} map[] = {{"none", NULL},       {"false", NULL},      {"no", NULL},
	           {"hybrid", "Hybrid"}, {"fully", "Remote"},  {"true", "Remote"},
	           {"yes", "Remote"},    {"remote", "Remote"}, {"temporary", "Temporarily remote"}};
	char *v = clean_text(n);
	if (!v)
		return JK_ENOMEM;
	const char *show = v;
	for (size_t i = 0; i < JK_ARRAY_LEN(map); i++)
		if (!strcasecmp(v, map[i].value))
			show = map[i].show;
	int r = show && *show && strlen(show) < 60
	            ? import_employment_add(&p->employment, show, true)
	            : JK_OK;
	free(v);
	return r;
}

/* At most this many places are named; the rest are counted. */
#define TT_PLACES 4

/* Adds one place to the list in b, unless it is there already; counts it. */
static int tt_location(const xmlNode *l, jk_buf *b, size_t *places)
{
	jk_buf one = {.limit = 1024};
	int r = tt_place(l, &one);
	if (r == JK_ETOOBIG) { /* a place of over 1 KiB is no place name: left out */
		jk_buf_free(&one);
		return JK_OK;
	}
	if (!r && one.len && !(b->len && jk_strcasestr(b->data, one.data)) &&
	    (*places)++ < TT_PLACES)
		r = jk_buf_printf(b, "%s%s", b->len ? "; " : "", one.data);
	jk_buf_free(&one);
	return r;
}

/* A Teamtailor item's locations, department (a tag) and remote status. */
static int teamtailor(posting *p, const xmlNode *node)
{
	jk_buf b = {.limit = 8192};
	size_t places = 0;
	int r = JK_OK;
	for (const xmlNode *c = node->children; c && !r; c = c->next) {
		if (is_tt(c, "locations")) {
			for (const xmlNode *l = c->children; l && !r; l = l->next)
				if (is_tt(l, "location"))
					r = tt_location(l, &b, &places);
		} else if (is_tt(c, "location")) {
			r = tt_location(c, &b, &places);
		} else if (is_tt(c, "department")) {
			r = add_tag(p, import_xml_text(c));
		} else if (c->type == XML_ELEMENT_NODE &&
		           (!strcmp((const char *)c->name, "remoteStatus") || is_tt(c, "remote"))) {
			r = tt_remote(p, c);
		}
	}
	if (!r && places > TT_PLACES)
		r = jk_buf_printf(&b, " +%zu more", places - TT_PLACES);
	if (!r && b.len)
		r = import_set_text(&p->location, b.data);
	jk_buf_free(&b);
	return r;
}

/* The item's language: its own, else the channel's. A feed repeats a
 * bad value on every item: it is warned about once. */
static int item_lang(feed *f, posting *p, const item *it)
{
	const char *v[] = {it->lang, f->lang};
	int r = JK_OK;
	for (size_t i = 0; i < 2 && !r && !p->language; i++) {
		char tag[POSTING_LANG_MAX];
		bool bad = v[i] && posting_lang_norm(v[i], (size_t)-1, tag) < 0;
		r = import_set_lang(p, v[i], "feed language", f->lang_warned ? NULL : f->o);
		f->lang_warned |= bad && v[i][strspn(v[i], " \t\r\n")];
	}
	return r;
}

static int build(feed *f, item *it, const xmlNode *node, bool atom)
{
	if (blank(it->title) && blank(it->body) && blank(it->summary))
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	char *page = item_page(f, it);
	int r = import_set_text(&p->title, it->title);
	if (!r)
		r = import_set_text(&p->organization, f->org);
	if (!r && it->guid)
		r = posting_set(&p->native_id, it->guid, (size_t)-1);
	if (!r)
		r = import_set_date(&p->posted, it->date);
	if (!r)
		r = item_lang(f, p, it);
	if (!r)
		r = categories(p, node, atom);
	if (!r && !atom)
		r = teamtailor(p, node);
	const char *body = it->body ? it->body : it->summary;
	int kind = it->body ? it->body_kind : it->summary_kind;
	if (!r && body)
		r = import_body(p, body, strlen(body), kind, TEXT_KEYS, &links,
		                page ? page : f->base, f->err);
	if (r) {
		import_links_free(&links);
		posting_free(p);
	} else {
		r = push(f, p, &links, page);
	}
	free(page);
	return r;
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
		else if (is_el(c, "language", NS_DC) && !it.lang)
			it.lang = import_xml_text(c);
	}
	if (!r && !it.link) /* RSS 1.0 rdf:about */
		it.link = import_xml_attr(n, "about");
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
	char *type = import_xml_attr(n, "type");
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
		*slot = import_xml_text(n);
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
			char *rel = import_xml_attr(c, "rel");
			if (!rel || !strcasecmp(rel, "alternate"))
				it.link = import_xml_attr(c, "href");
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
	xmlChar *lang = xmlNodeGetLang(n); /* its own xml:lang, else the feed's */
	it.lang = lang ? jk_strndup((const char *)lang, (size_t)-1) : NULL;
	xmlFree(lang);
	if (published)
		free(updated);
	if (!r)
		r = build(f, &it, n, true);
	item_free(&it);
	return r;
}

/* The organization a feed speaks for: what its title names, else its
 * author; "" when neither names anyone (a board's "Recent Jobs"). */
static int feed_org(feed *f, const xmlNode *chan)
{
	const xmlNode *from[2] = {NULL, NULL};
	for (const xmlNode *c = chan ? chan->children : NULL; c; c = c->next) {
		if (!from[0] && is_el(c, "title", NULL))
			from[0] = c;
		for (const xmlNode *a = c->children; !from[1] && is_el(c, "author", NULL) && a;
		     a = a->next)
			if (is_el(a, "name", NULL))
				from[1] = a;
	}
	for (size_t i = 0; i < 2 && (!f->org || !*f->org); i++) {
		if (!from[i])
			continue;
		char *t = import_xml_text(from[i]);
		char *d = t ? import_decode_entities(t, strlen(t)) : NULL;
		free(t);
		free(f->org);
		f->org = d ? import_org_from_title(d) : NULL;
		free(d);
		if (!f->org)
			return JK_ENOMEM;
	}
	return JK_OK;
}

/* The feed's web page (RSS channel link, Atom alternate) and its own URL
 * (Atom self, also as atom:link in RSS): a feed read from a file still
 * resolves relative links, and an item without a link falls back to the
 * page, never to the feed document itself. */
static void feed_links(feed *f, const xmlNode *holder)
{
	for (const xmlNode *c = holder ? holder->children : NULL; c; c = c->next) {
		if (!is_el(c, "link", NULL))
			continue;
		bool atomish = import_xml_has_attr(c, "href");
		char **slot = !atomish                    ? &f->page
		              : attr_is(c, "rel", "self") ? &f->self
		              : !import_xml_has_attr(c, "rel") || attr_is(c, "rel", "alternate")
		                  ? &f->page
		                  : NULL;
		if (!slot || *slot)
			continue;
		char *v = atomish ? import_xml_attr(c, "href") : import_xml_text(c);
		char *t = v ? jk_text_clean(v, (size_t)-1) : NULL;
		free(v);
		if (t && !*t) /* leaves the slot to a later link */
			free(t), t = NULL;
		*slot = t;
	}
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
	for (const xmlNode *c = chan ? chan->children : NULL; c && !f->lang; c = c->next)
		if (is_el(c, "language", NULL) || is_el(c, "language", NS_DC))
			f->lang = import_xml_text(c);
	int r = feed_org(f, atom ? root : chan);
	feed_links(f, atom ? root : chan);
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
	return r ? r : import_board_split(f->out, f->first);
}

int import_feed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	char why[200] = "";
	bool recovered = false;
	xmlDoc *doc = NULL;
	if (len > IMPORT_MAX_BYTES)
		return jk_fail(err, JK_ETOOBIG, "feed too large");
	/* Feeds in the wild are often not quite XML: what a mended or
	 * forgiving parse finds is kept, with a warning. */
	int r = import_xml_read(data, len, opts ? opts->source : NULL, &doc, &recovered, why,
	                        sizeof why);
	if (r == JK_ENOMEM)
		return jk_fail(err, r, "out of memory");
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
	r = read_doc(&f, root);
	free(f.org);
	free(f.lang);
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
