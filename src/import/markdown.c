/* markdown.c — layer 3: Markdown postings: front matter (frontmatter.c),
 * then md4c turns the body into HTML and the HTML blocks (hblocks.c) make
 * the sections, so raw HTML inside Markdown is treated exactly like a web
 * page's. */
#include "readers.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The first <h1> element md4c wrote: it starts a line. [*a, *b) is the
 * element with its newline, [*ia, *ib) its content. */
static bool first_h1(const char *html, size_t n, size_t *a, size_t *b, size_t *ia, size_t *ib)
{
	for (size_t i = 0; i + 4 <= n; i++) {
		if ((i && html[i - 1] != '\n') || memcmp(html + i, "<h1>", 4) != 0)
			continue;
		const char *end = memmem(html + i + 4, n - i - 4, "</h1>", 5);
		if (!end)
			return false;
		*a = i;
		*ia = i + 4;
		*ib = (size_t)(end - html);
		*b = *ib + 5;
		if (*b < n && html[*b] == '\n')
			(*b)++;
		return true;
	}
	return false;
}

/* A heading's inner HTML as text: tags dropped, references decoded.
 * Caller frees. */
static char *heading_text(const char *s, size_t n)
{
	jk_buf b = {0};
	int r = jk_buf_append(&b, "", 0);
	for (size_t i = 0; !r && i < n; i++) {
		if (s[i] == '<') {
			const char *gt = memchr(s + i, '>', n - i);
			if (!gt)
				break;
			i = (size_t)(gt - s);
			continue;
		}
		r = jk_buf_putc(&b, s[i]);
	}
	char *t = r ? NULL : import_decode_entities(b.data, b.len);
	jk_buf_free(&b);
	return t;
}

/* A first "# Title" is the posting's title when the front matter gave none,
 * and never also a section; it is cut from html. */
static int take_h1(jk_buf *html, posting *p)
{
	size_t a, b, ia, ib;
	if (!first_h1(html->data, html->len, &a, &b, &ia, &ib))
		return JK_OK;
	char *t = heading_text(html->data + ia, ib - ia);
	char *c = t ? jk_text_clean(t, (size_t)-1) : NULL;
	free(t);
	if (!c)
		return JK_ENOMEM;
	bool cut = !p->title || !strcasecmp(p->title, c);
	int r = *c ? posting_set_default(&p->title, c, (size_t)-1) : JK_OK;
	free(c);
	if (!r && cut) {
		memmove(html->data + a, html->data + b, html->len - b + 1);
		html->len -= b - a;
	}
	return r;
}

/* One Markdown document being read. */
typedef struct md_doc {
	const import_opts *opts;
	const char *base;
	posting *p;
	import_fm fm;
	import_links links;
	posting_list ld; /* JobPostings of the page's JSON-LD */
	jk_err *err;
} md_doc;

/* Markdown → HTML in html (emptied first), what site generators would
 * have replaced taken out. */
static int md_to_html(const char *s, size_t n, jk_buf *html, jk_err *err)
{
	return import_md_html(s, n, html, err);
}

/* HTML → sections of p, links to links. Past libxml2's depth limit the
 * blocks before the deep part are kept with a warning when the posting
 * has text; one without fails for that reason. */
static int md_sections(md_doc *d, const jk_buf *html, import_links *links)
{
	if (!html->len)
		return JK_OK;
	jk_err e = {0};
	int r = import_html_sections(html->data, html->len, d->p, links, &e);
	if (r && r != JK_ENOMEM && (d->p->title || posting_has_text(d->p))) {
		import_warnf(d->opts, "%s; the rest was skipped", e.msg);
		r = JK_OK;
	} else if (r) {
		jk_fail(d->err, r, "%s", e.msg);
	}
	return r;
}

/* JobPostings of one JSON-LD text into d->ld; one that cannot be read
 * is skipped with a warning. */
static int md_jsonld_read(md_doc *d, const char *json, size_t n)
{
	size_t found;
	jk_err e = {0};
	/* No base: the source's own address is not the posting's target. */
	int r = jsonld_read(json, n, NULL, d->opts, &d->ld, &found, &e);
	if (r && r != JK_ENOMEM) {
		import_warnf(d->opts, "JSON-LD script skipped: %s", e.msg);
		r = JK_OK;
	}
	return r;
}

/* The <script type="application/ld+json"> md4c passed through (raw HTML
 * blocks; in code they are escaped), read as JobPostings. */
static int md_jsonld(md_doc *d, const char *html, size_t n)
{
	int r = JK_OK;
	for (const char *s = html, *end = html + n; !r && s < end;) {
		const char *tag = memmem(s, (size_t)(end - s), "<script", 7);
		const char *gt = tag ? memchr(tag, '>', (size_t)(end - tag)) : NULL;
		const char *close = gt ? memmem(gt, (size_t)(end - gt), "</script>", 9) : NULL;
		if (!close)
			break;
		char *t = jk_strndup(tag, (size_t)(gt - tag));
		if (!t)
			return JK_ENOMEM;
		if (jk_strcasestr(t, "ld+json"))
			r = md_jsonld_read(d, gt + 1, (size_t)(close - gt - 1));
		free(t);
		s = close + 9;
	}
	return r;
}

/* Gives a the sections of b and b those of a. */
static void swap_sections(posting *a, posting *b)
{
	posting_section *s = a->sections;
	size_t n = a->nsections, cap = a->sections_cap;
	a->sections = b->sections, a->nsections = b->nsections, a->sections_cap = b->sections_cap;
	b->sections = s, b->nsections = n, b->sections_cap = cap;
}

/* The page's own text: the body after the front matter, then what the
 * front matter holds, or the JSON-LD's description, when the body has
 * none; then how to apply. */
/* Appends link i of src to dst (called for i in order, nothing added to
 * dst between): a context shared in src is shared in dst too. */
static int links_copy(import_links *dst, const import_links *src, size_t i)
{
	const import_link *l = &src->v[i];
	if (i && l->context == src->v[i - 1].context)
		return import_links_add_same(dst, l->href, l->text);
	return import_links_add(dst, l->href, l->text, l->context);
}

static int md_text(md_doc *d, const char *body, size_t blen, jk_buf *html)
{
	import_links how = {0};
	int r = md_to_html(body, blen, html, d->err);
	if (!r)
		r = md_jsonld(d, html->data, html->len);
	if (!r && d->fm.jsonld)
		r = md_jsonld_read(d, d->fm.jsonld, strlen(d->fm.jsonld));
	if (!r)
		r = take_h1(html, d->p);
	if (!r)
		r = md_sections(d, html, &d->links);
	if (!r && !posting_has_text(d->p) && d->fm.text) {
		r = md_to_html(d->fm.text, strlen(d->fm.text), html, d->err);
		if (!r && !d->p->title)
			r = take_h1(html, d->p);
		if (!r)
			r = md_sections(d, html, &d->links);
	}
	if (!r && !posting_has_text(d->p) && d->ld.n)
		swap_sections(d->p, d->ld.items[0]);
	if (!r && d->fm.how && posting_add_section(d->p, "How to apply") == NULL)
		r = JK_ENOMEM;
	if (!r && d->fm.how && !(r = md_to_html(d->fm.how, strlen(d->fm.how), html, d->err)))
		r = md_sections(d, html, &how);
	/* A target named in how to apply is the one. */
	for (size_t i = 0; !r && i < how.n && !d->p->apply; i++)
		d->p->apply = import_url_accept(how.v[i].href, d->base);
	for (size_t i = 0; !r && i < how.n; i++)
		r = links_copy(&d->links, &how, i);
	import_links_free(&how);
	return r;
}

/* A JobPosting in the page's JSON-LD says what the posting is: its title
 * wins, its apply target beats all but an apply key of the front matter,
 * its fields fill gaps (its description did in md_text). */
static int md_merge_jsonld(md_doc *d)
{
	if (!d->ld.n)
		return JK_OK;
	posting *p = d->p, *j = d->ld.items[0];
	int r = j->title ? posting_set(&p->title, j->title, (size_t)-1) : JK_OK;
	char **mine[] = {&p->apply, &p->organization, &p->location, &p->employment,
	                 &p->pay,   &p->posted,       &p->expires,  &p->language};
	char **theirs[] = {&j->apply, &j->organization, &j->location, &j->employment,
	                   &j->pay,   &j->posted,       &j->expires,  &j->language};
	for (size_t i = 0; i < JK_ARRAY_LEN(mine); i++)
		if (!*mine[i]) {
			*mine[i] = *theirs[i];
			*theirs[i] = NULL;
		}
	return r;
}

/* The apply target: a key of the front matter naming it (already set),
 * the JSON-LD's, a link or address in the text (links: lists of the front
 * matter first); then a key that may name it (link, url), the first entry
 * of a links: list, a contact address; the source's own address last. */
static int md_apply(md_doc *d)
{
	import_links all = {0};
	int r = JK_OK;
	const import_links *parts[] = {&d->fm.links, &d->links};
	for (size_t k = 0; k < 2; k++)
		for (size_t i = 0; !r && i < parts[k]->n; i++)
			r = links_copy(&all, parts[k], i);
	if (!r)
		r = import_apply_choose(d->p, &all, d->base);
	import_links_free(&all);
	/* The chooser's last resort is the source's own address. */
	char *own = d->p->apply ? import_url_accept(d->base, NULL) : NULL;
	if (own && !strcmp(own, d->p->apply) && (d->fm.weak || d->fm.links.n || d->fm.contact)) {
		free(d->p->apply);
		d->p->apply = NULL;
	}
	free(own);
	if (!d->fm.weak && d->fm.links.n)
		d->fm.weak = import_url_accept(d->fm.links.v[0].href, d->base);
	char **last[] = {&d->fm.weak, &d->fm.contact};
	for (size_t i = 0; !r && !d->p->apply && i < JK_ARRAY_LEN(last); i++) {
		d->p->apply = *last[i];
		*last[i] = NULL;
	}
	return r;
}

int import_markdown(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	md_doc d = {.opts = opts, .base = opts ? opts->source : NULL, .err = err};
	jk_buf html = {0};
	posting_list_init(&d.ld);
	d.p = posting_new();
	if (!d.p)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	int r = import_frontmatter(data, len, d.base, d.p, &d.fm, err);
	if (!r)
		r = import_set_lang(d.p, d.fm.lang, "front matter language", opts);
	if (r)
		goto done;
	if (d.fm.draft) {
		import_warnf(opts, "skipped: marked as a draft");
		goto done;
	}
	r = md_text(&d, data + d.fm.body, len - d.fm.body, &html);
	if (!r)
		r = import_title_settle(d.p);
	if (!r)
		r = md_merge_jsonld(&d);
	if (!r)
		r = import_infer_organization(d.p);
	if (!r)
		r = md_apply(&d);
	if (!r && !d.p->title && !posting_has_text(d.p))
		r = jk_fail(err, JK_EEMPTY,
		            d.fm.present ? "front matter only, no posting text"
		                         : "no posting text");
	if (!r) {
		r = posting_list_push(out, d.p);
		d.p = NULL;
	}
done:
	if (r == JK_ENOMEM && err && !err->code)
		jk_fail(err, r, "out of memory");
	posting_free(d.p);
	import_fm_free(&d.fm);
	import_links_free(&d.links);
	posting_list_free(&d.ld);
	jk_buf_free(&html);
	return r;
}
