/* fmpage.c — layer 2c: the front matter of a site generator's content
 * file (Hugo, Jekyll: front matter, then the page itself) as the page's
 * own metadata, for a reader that reads the page: the fields it gives,
 * the text it keeps when the page has none, how to apply, the apply
 * candidates and a JSON-LD JobPosting kept in a value. */
#include "body.h"

#include <stdlib.h>
#include <string.h>

int import_page_fm_read(const char *data, size_t len, const char *base, const import_opts *opts,
                        import_page_fm *pf, jk_err *err)
{
	memset(pf, 0, sizeof *pf);
	posting *meta = posting_new();
	if (!meta)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	int r = import_frontmatter(data, len, base, meta, &pf->fm, err);
	if (!r)
		r = import_set_lang(meta, pf->fm.lang, "front matter language", opts);
	if (!r && pf->fm.present)
		pf->meta = meta;
	else
		posting_free(meta);
	return r;
}

void import_page_fm_free(import_page_fm *pf)
{
	if (!pf)
		return;
	posting_free(pf->meta);
	pf->meta = NULL;
	import_fm_free(&pf->fm);
}

int import_page_fm_fill(posting *p, const import_page_fm *pf, bool whole)
{
	const posting *m = pf ? pf->meta : NULL;
	if (!m)
		return JK_OK;
	char **mine[] = {&p->title,  &p->organization, &p->location, &p->employment, &p->pay,
	                 &p->posted, &p->expires,      &p->apply,    &p->language,   &p->native_id};
	char *const theirs[] = {m->title,    m->organization, m->location, m->employment,
	                        m->pay,      m->posted,       m->expires,  m->apply,
	                        m->language, m->native_id};
	/* The id names the page: one of many postings on it has its own. */
	size_t n = JK_ARRAY_LEN(mine) - (whole ? 0 : 1);
	int r = JK_OK;
	for (size_t i = 0; i < n && !r; i++)
		if (theirs[i])
			r = posting_set_default(mine[i], theirs[i], (size_t)-1);
	size_t own_tags = p->ntags;
	for (size_t i = 0; !r && !own_tags && i < m->ntags; i++)
		r = posting_add_tag(p, m->tags[i]);
	return r;
}

/* Markdown → sections of p, links to links. Past libxml2's depth limit
 * what came before is kept with a warning when p has text. */
static int md_sections(posting *p, const char *md, import_links *links, const import_opts *opts,
                       jk_err *err)
{
	jk_buf html = {0};
	jk_err e = {0};
	int r = import_md_html(md, strlen(md), &html, &e);
	if (!r && html.len)
		r = import_html_sections(html.data, html.len, p, links, &e);
	jk_buf_free(&html);
	if (r && r != JK_ENOMEM && (p->title || posting_has_text(p))) {
		import_warnf(opts, "front matter text: %s; the rest was skipped", e.msg);
		r = JK_OK;
	} else if (r) {
		jk_fail(err, r, "%s", e.msg);
	}
	return r;
}

/* how_to_apply prose as a section; a target it names is the one. */
static int how_section(posting *p, const char *how, import_links *links, const char *base,
                       const import_opts *opts, jk_err *err)
{
	import_links named = {0};
	int r = posting_add_section(p, "How to apply") ? JK_OK : JK_ENOMEM;
	if (!r)
		r = md_sections(p, how, &named, opts, err);
	for (size_t i = 0; !r && i < named.n && !p->apply; i++)
		p->apply = import_url_accept(named.v[i].href, base);
	for (size_t i = 0; !r && i < named.n; i++)
		r = import_links_add(links, named.v[i].href, named.v[i].text, named.v[i].context);
	import_links_free(&named);
	return r;
}

int import_page_fm_text(posting *p, const import_page_fm *pf, import_links *links, const char *base,
                        const import_opts *opts, jk_err *err)
{
	if (!pf || !pf->meta)
		return JK_OK;
	const import_fm *fm = &pf->fm;
	int r = JK_OK;
	if (!posting_has_text(p) && fm->text)
		r = md_sections(p, fm->text, links, opts, err);
	if (!r && fm->how)
		r = how_section(p, fm->how, links, base, opts, err);
	for (size_t i = 0; !r && i < fm->links.n; i++)
		r = import_links_add(links, fm->links.v[i].href, fm->links.v[i].text,
		                     fm->links.v[i].context);
	/* A title the front matter gave yields as a Markdown page's does. */
	if (!r && p->title && pf->meta->title && !strcmp(p->title, pf->meta->title))
		r = import_title_settle(p);
	return r;
}

int import_page_fm_apply(posting *p, const import_page_fm *pf, const char *own)
{
	if (!pf || !pf->meta)
		return JK_OK;
	const import_fm *fm = &pf->fm;
	char *page = own ? import_url_accept(own, NULL) : NULL;
	bool weak = !p->apply || (page && !strcmp(page, p->apply));
	free(page);
	char *first = fm->links.n ? import_url_accept(fm->links.v[0].href, own) : NULL;
	const char *const cands[] = {pf->meta->apply, fm->weak, first, fm->contact};
	int r = JK_OK;
	for (size_t i = 0; weak && i < JK_ARRAY_LEN(cands); i++) {
		if (!cands[i])
			continue;
		r = posting_set(&p->apply, cands[i], (size_t)-1);
		break;
	}
	free(first);
	return r;
}

int import_page_fm_jsonld(const import_page_fm *pf, const import_opts *opts, const char *base,
                          posting_list *out)
{
	if (!pf || !pf->meta || !pf->fm.jsonld)
		return JK_OK;
	size_t found = 0;
	jk_err e = {0};
	const char *j = pf->fm.jsonld;
	int r = jsonld_read(j, strlen(j), base, opts, out, &found, &e);
	if (r && r != JK_ENOMEM) {
		import_warnf(opts, "JSON-LD in the front matter skipped: %s", e.msg);
		r = JK_OK;
	}
	return r;
}
