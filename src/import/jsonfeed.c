/* jsonfeed.c — layer 3: JSON Feed (jsonfeed.org, versions 1 and 1.1) with
 * cJSON. Values of the wrong type are ignored field by field; items that
 * are not objects are skipped. A schema.org JobPosting in an item's
 * extension key (Teamtailor's "_jobposting") fills what the item lacks. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *author_name(const cJSON *o)
{
	const cJSON *a = json_get(o, "authors");
	if (cJSON_IsArray(a))
		return json_str(cJSON_GetArrayItem(a, 0), "name");
	return json_str(json_get(o, "author"), "name"); /* version 1 */
}

/* Fields of q that p lacks move to p; q's organisation, the posting's own
 * statement, beats the feed's. */
static int take_fields(posting *p, posting *q)
{
	char **from[] = {&q->location, &q->employment, &q->pay, &q->expires, &q->posted, &q->title};
	char **to[] = {&p->location, &p->employment, &p->pay, &p->expires, &p->posted, &p->title};
	for (size_t i = 0; i < JK_ARRAY_LEN(from); i++)
		if (!*to[i])
			*to[i] = *from[i], *from[i] = NULL;
	if (q->organization) {
		free(p->organization);
		p->organization = q->organization, q->organization = NULL;
	}
	if (!p->nsections) {
		p->sections = q->sections, p->nsections = q->nsections;
		p->sections_cap = q->sections_cap;
		q->sections = NULL, q->nsections = q->sections_cap = 0;
	}
	int r = JK_OK;
	for (size_t i = 0; i < q->ntags && !r; i++)
		r = posting_add_tag(p, q->tags[i]);
	return r;
}

/* The first extension key ("_name") of the item that holds a JobPosting. */
static int item_jobposting(const json_doc *d, posting *p, const cJSON *it)
{
	const cJSON *e;
	cJSON_ArrayForEach(e, it)
	{
		if (!e->string || e->string[0] != '_' || !cJSON_IsObject(e))
			continue;
		char *json = cJSON_PrintUnformatted(e);
		if (!json)
			return JK_ENOMEM;
		posting_list l;
		posting_list_init(&l);
		size_t found = 0;
		jk_err ignore = {0};
		int r = jsonld_read(json, strlen(json), d->base, d->o, &l, &found, &ignore);
		cJSON_free(json);
		r = r == JK_ENOMEM ? r : l.n ? take_fields(p, l.items[0]) : JK_OK;
		bool done = l.n > 0;
		posting_list_free(&l);
		if (r || done)
			return r;
	}
	return JK_OK;
}

/* The plain fields of an item; the feed names the organisation. */
static const json_field feed_fields[] = {
    {JSON_TEXT, JSON_AT(title), {"title"}},
    {JSON_ORG, 0, {NULL}},
    {JSON_ID, 0, {"id"}},
    {JSON_DATE, JSON_AT(posted), {"date_published", "date_modified"}},
    {JSON_TAGS, 0, {"tags"}},
    {JSON_LANG, 0, {NULL}},
};

static int feed_item(json_doc *d, const cJSON *it, jk_err *err)
{
	const char *html = json_str(it, "content_html");
	const char *text = json_str(it, "content_text"), *summary = json_str(it, "summary");
	const char *url = json_str(it, "url") ? json_str(it, "url") : json_str(it, "external_url");
	char *page = url ? import_url_accept(url, d->base) : NULL;
	const char *base = page ? page : d->base;
	posting *p = posting_new();
	if (!p) {
		free(page);
		return JK_ENOMEM;
	}
	import_links links = {0};
	int r = json_fields(d, p, it, feed_fields, JK_ARRAY_LEN(feed_fields));
	if (!r && html)
		r = import_body(p, html, strlen(html), BODY_HTML, 0, &links, base, err);
	else if (!r && text)
		r = import_body(p, text, strlen(text), BODY_TEXT, TEXT_KEYS, &links, base, err);
	else if (!r && summary)
		r = import_body(p, summary, strlen(summary), BODY_GUESS, TEXT_KEYS, &links, base,
		                err);
	if (!r)
		r = item_jobposting(d, p, it);
	if (!r && !p->title && !p->nsections) { /* nothing to show */
		posting_free(p), free(page);
		return JK_OK;
	}
	/* The item's own page is where one applies unless its text says
	 * otherwise (a board's feed links to the board). */
	if (!r)
		r = import_apply_item(p, &links, page, d->base);
	free(page);
	return import_push(r, p, &links, d->base, d->out);
}

/* The organisation the feed speaks for: what its title names, else its
 * author. */
static int feed_org(json_doc *d, const cJSON *root)
{
	const char *from[] = {json_str(root, "title"), author_name(root)};
	for (size_t i = 0; i < JK_ARRAY_LEN(from) && (!d->org || !*d->org); i++) {
		if (!from[i])
			continue;
		char *t = import_decode_entities(from[i], strlen(from[i]));
		free(d->org);
		d->org = t ? import_org_from_title(t) : NULL;
		free(t);
		if (!d->org)
			return JK_ENOMEM;
	}
	return JK_OK;
}

static bool is_http(const char *s)
{
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8));
}

/* Relative item links resolve against the feed's own address, else its
 * home page. A job board's "Company: Title" items are split after. */
static int feed_root(json_doc *d, const cJSON *root, jk_err *err)
{
	const cJSON *items = json_get(root, "items");
	const char *own[] = {json_str(root, "feed_url"), json_str(root, "home_page_url")};
	for (size_t i = 0; i < JK_ARRAY_LEN(own) && !d->base; i++)
		d->base = is_http(own[i]) ? own[i] : NULL;
	import_lang(json_str(root, "language"), "JSON Feed language", d->o, d->lang);
	int r = feed_org(d, root);
	if (!r && !cJSON_IsArray(items))
		r = jk_fail(err, JK_EFORMAT, "JSON Feed without an \"items\" list");
	if (!r)
		r = json_doc_each(d, items, feed_item, err);
	if (!r)
		r = import_board_split(d->out, d->first);
	return r;
}

int import_jsonfeed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	return json_doc_read(data, len, opts, out, feed_root, err);
}
