/* jsonfeed.c — layer 3: JSON Feed (jsonfeed.org, versions 1 and 1.1) with
 * cJSON. Values of the wrong type are ignored field by field; items that
 * are not objects are skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char *author_name(const cJSON *o)
{
	const cJSON *a = json_get(o, "authors");
	if (cJSON_IsArray(a))
		return json_str(cJSON_GetArrayItem(a, 0), "name");
	return json_str(json_get(o, "author"), "name"); /* version 1 */
}

static int feed_item(json_doc *d, const cJSON *it, jk_err *err)
{
	const char *title = json_str(it, "title"), *html = json_str(it, "content_html");
	const char *text = json_str(it, "content_text"), *summary = json_str(it, "summary");
	if (!title && !html && !text && !summary)
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	int r = import_set_text(&p->title, title);
	if (!r)
		r = import_set_text(&p->organization, d->org);
	if (!r)
		r = json_set_apply(p, json_str(it, "url"), d->base);
	if (!r)
		r = json_set_apply(p, json_str(it, "external_url"), d->base);
	if (!r)
		r = json_set_id(p, json_get(it, "id"));
	if (!r)
		r = import_set_date(&p->posted, json_str(it, "date_published")
		                                    ? json_str(it, "date_published")
		                                    : json_str(it, "date_modified"));
	if (!r)
		r = json_add_tags(p, json_get(it, "tags"));
	if (!r && html)
		r = import_body(p, html, strlen(html), BODY_HTML, 0, &links, d->base, err);
	else if (!r && text)
		r = import_body(p, text, strlen(text), BODY_TEXT, TEXT_KEYS, &links, d->base, err);
	else if (!r && summary)
		r = import_body(p, summary, strlen(summary), BODY_GUESS, TEXT_KEYS, &links, d->base,
		                err);
	return import_push(r, p, &links, d->base, d->out);
}

int import_jsonfeed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	json_doc d;
	cJSON *root;
	int r = json_doc_begin(&d, data, len, opts, out, &root, err);
	if (r)
		return r;
	const cJSON *items = json_get(root, "items");
	const char *ft = json_str(root, "title");
	d.org = ft ? import_org_from_title(ft) : jk_strndup(author_name(root), (size_t)-1);
	if ((ft || author_name(root)) && !d.org)
		r = JK_ENOMEM;
	if (!r && !cJSON_IsArray(items))
		r = jk_fail(err, JK_EFORMAT, "JSON Feed without an \"items\" list");
	if (!r)
		r = json_doc_each(&d, items, feed_item, err);
	return json_doc_end(&d, root, r, err);
}
