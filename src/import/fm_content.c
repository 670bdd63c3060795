/* fm_content.c — layer 1b: what the front matter holds besides fields:
 * the posting's text when it lives there (description, summary, content,
 * body; page builders' sections and blocks lists), gathered as one
 * Markdown text; the entries of links: lists as apply candidates; a
 * JSON-LD JobPosting kept in a value. */
#include "fm.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Keys whose value is the whole text, then ones that only sum it up; the
 * first rank present is the lead. */
static const char *const full_keys[] = {"content", "body"};
static const char *const short_keys[] = {"description", "summary"};
/* Lists a job board keeps beside the text, shown under their own heading. */
static const struct {
	const char *key, *heading;
} list_keys[] = {
    {"responsibilities", "Responsibilities"},
    {"requirements", "Requirements"},
    {"qualifications", "Qualifications"},
    {"benefits", "Benefits"},
};
/* Keys of a list item (a section of a page builder, a link). */
static const char *const item_title_keys[] = {"title",    "heading", "header",
                                              "headline", "name",    "label"};
static const char *const item_text_keys[] = {"text",    "content", "body", "description",
                                             "details", "html",    "md",   "markdown",
                                             "summary", "copy"};
static const char *const item_bullet_keys[] = {"items", "bullets", "points", "list"};
static const char *const link_name_keys[] = {"name", "title", "text", "label"};
static const char *const link_url_keys[] = {"url", "href", "link"};

static bool in(const char *k, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(k, list[i]))
			return true;
	return false;
}

/* The last component of a key path. */
static const char *leaf(const char *key)
{
	const char *dot = strrchr(key, '.');
	return dot ? dot + 1 : key;
}

/* Lists of mappings that are not the posting's text. */
static const char *const not_text[] = {"authors", "author",     "breadcrumbs", "menu",
                                       "menus",   "navigation", "nav",         "social",
                                       "gallery", "images",     "resources",   "translations"};

static bool is_text_list(const char *key)
{
	const char *bare = fm_key_bare(key);
	size_t n = strcspn(bare, ".");
	for (size_t i = 0; i < JK_ARRAY_LEN(not_text); i++)
		if (strlen(not_text[i]) == n && !strncmp(bare, not_text[i], n))
			return false;
	return true;
}

/* Whether key is list.K for a list named like links ("links",
 * "params.links", "apply_links"). */
static bool is_links_key(const char *key)
{
	const char *bare = fm_key_bare(key), *dot = strchr(bare, '.');
	size_t n = dot ? (size_t)(dot - bare) : strlen(bare);
	return dot && n >= 5 && !strncmp(dot - 5, "links", 5);
}

/* Appends s as Markdown paragraphs: each paragraph's lines lose their
 * leading blanks so text indented in the front matter is not code. */
static int put_text(jk_buf *b, const char *s)
{
	int r = JK_OK;
	bool sol = true;
	for (; *s && !r; s++) {
		if (sol && (*s == ' ' || *s == '\t'))
			continue;
		sol = *s == '\n';
		r = jk_buf_putc(b, *s);
	}
	return r ? r : jk_buf_puts(b, "\n\n");
}

static int put_entry(jk_buf *b, const fm_entry *e, bool bullets)
{
	int r = JK_OK;
	for (size_t i = 0; i < e->n && !r; i++) {
		if (bullets)
			r = jk_buf_puts(b, "- ");
		r = r ? r : put_text(b, e->items[i]);
	}
	return r;
}

static int put_heading(jk_buf *b, const char *h)
{
	char *c = jk_text_clean(h, (size_t)-1);
	if (!c)
		return JK_ENOMEM;
	int r = *c ? jk_buf_printf(b, "## %s\n\n", c) : JK_OK;
	free(c);
	return r;
}

/* The item entries e[a..z) (one mapping of a list) as a section: its
 * title as a heading, its texts and bullets. Items without text (menus,
 * breadcrumbs) give nothing. */
static int put_item(jk_buf *b, const fm_entry *e, size_t a, size_t z)
{
	const char *title = NULL;
	bool text = false;
	for (size_t i = a; i < z; i++) {
		const char *k = leaf(e[i].key);
		if (!title && !e[i].list && e[i].n &&
		    in(k, item_title_keys, JK_ARRAY_LEN(item_title_keys)))
			title = e[i].items[0];
		text |= e[i].n && (in(k, item_text_keys, JK_ARRAY_LEN(item_text_keys)) ||
		                   in(k, item_bullet_keys, JK_ARRAY_LEN(item_bullet_keys)));
	}
	if (!text)
		return JK_OK;
	int r = title ? put_heading(b, title) : JK_OK;
	for (size_t i = a; i < z && !r; i++) {
		const char *k = leaf(e[i].key);
		if (in(k, item_text_keys, JK_ARRAY_LEN(item_text_keys)))
			r = put_entry(b, &e[i], false);
		else if (in(k, item_bullet_keys, JK_ARRAY_LEN(item_bullet_keys)))
			r = put_entry(b, &e[i], true);
	}
	return r;
}

/* The first entry at the top (or under [params]) named one of keys. */
static const fm_entry *top(const fm_entries *e, const char *const *keys, size_t nk)
{
	for (size_t k = 0; k < nk; k++)
		for (size_t i = 0; i < e->n; i++)
			if (!e->v[i].item && e->v[i].n &&
			    !strcmp(fm_key_bare(e->v[i].key), keys[k]))
				return &e->v[i];
	return NULL;
}

static int gather_text(const fm_entries *e, jk_buf *b)
{
	const fm_entry *lead = top(e, full_keys, JK_ARRAY_LEN(full_keys));
	if (!lead)
		lead = top(e, short_keys, JK_ARRAY_LEN(short_keys));
	int r = lead ? put_entry(b, lead, false) : JK_OK;
	/* Items of lists of mappings, in document order. */
	for (size_t i = 0; i < e->n && !r;) {
		size_t z = i + 1;
		if (!e->v[i].item || is_links_key(e->v[i].key) || !is_text_list(e->v[i].key)) {
			i = z;
			continue;
		}
		while (z < e->n && e->v[z].item == e->v[i].item)
			z++;
		r = put_item(b, e->v, i, z);
		i = z;
	}
	for (size_t k = 0; k < JK_ARRAY_LEN(list_keys) && !r; k++) {
		const fm_entry *l = top(e, &list_keys[k].key, 1);
		if (l && l->list && (r = put_heading(b, list_keys[k].heading)) == JK_OK)
			r = put_entry(b, l, true);
	}
	return r;
}

/* The name beside the url entry u: an entry of the same mapping (same
 * list item, same parent) called name, title, text or label. */
static const char *link_name(const fm_entries *e, const fm_entry *u)
{
	size_t parent = (size_t)(leaf(u->key) - u->key);
	for (size_t j = 0; j < e->n; j++) {
		const fm_entry *v = &e->v[j];
		if (v->item == u->item && !v->list && v->n == 1 &&
		    !strncmp(v->key, u->key, parent) && !strchr(v->key + parent, '.') &&
		    in(leaf(v->key), link_name_keys, JK_ARRAY_LEN(link_name_keys)))
			return v->items[0];
	}
	return "";
}

/* links: [{name: Apply, url: …}], links: {name: …, url: …} and links:
 * {apply: …, website: …}, the name as the link's text. */
static int gather_links(const fm_entries *e, import_links *out)
{
	int r = JK_OK;
	for (size_t i = 0; i < e->n && !r; i++) {
		const fm_entry *u = &e->v[i];
		if (!is_links_key(u->key) || u->list || u->n != 1)
			continue;
		const char *k = leaf(u->key), *name = k;
		if (in(k, link_name_keys, JK_ARRAY_LEN(link_name_keys)))
			continue;
		if (in(k, link_url_keys, JK_ARRAY_LEN(link_url_keys)))
			name = link_name(e, u);
		else if (u->item)
			continue; /* another field of a link: its icon, its order */
		r = import_links_add(out, u->items[0], name, name);
	}
	return r;
}

/* A value that holds a JSON-LD JobPosting ("{ "@type": "JobPosting" … }",
 * maybe inside a <script>): its JSON, from the first '{' to the last '}'. */
static int gather_jsonld(const fm_entries *e, char **out)
{
	for (size_t i = 0; i < e->n && !*out; i++) {
		if (e->v[i].list || e->v[i].n != 1)
			continue;
		const char *v = e->v[i].items[0], *a = strchr(v, '{'), *z = strrchr(v, '}');
		if (!a || !z || z < a || !strstr(v, "JobPosting") || !strstr(v, "\"@type\""))
			continue;
		*out = jk_strndup(a, (size_t)(z - a + 1));
		if (!*out)
			return JK_ENOMEM;
	}
	return JK_OK;
}

int fm_content(const fm_entries *e, import_fm *fm)
{
	jk_buf b = {0};
	int r = gather_text(e, &b);
	if (!r && b.len) {
		fm->text = jk_buf_detach(&b);
		r = fm->text ? JK_OK : JK_ENOMEM;
	}
	jk_buf_free(&b);
	if (!r)
		r = gather_links(e, &fm->links);
	if (!r)
		r = gather_jsonld(e, &fm->jsonld);
	return r;
}
