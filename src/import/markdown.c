/* markdown.c — layer 3: Markdown postings: front matter (frontmatter.c),
 * then md4c turns the body into HTML and the HTML blocks (hblocks.c) make
 * the sections, so raw HTML inside Markdown is treated exactly like a web
 * page's. */
#include "readers.h"

#include <md4c-html.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MD_PARSE_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)
/* md4c's HTML is a few times the Markdown; past this it is not a posting. */
#define MD_HTML_MAX ((size_t)64 << 20)

typedef struct md_out {
	jk_buf html;
	int r; /* first failure; md4c has no way to stop early */
} md_out;

static void md_sink(const MD_CHAR *s, MD_SIZE n, void *ud)
{
	md_out *o = ud;
	if (!o->r)
		o->r = jk_buf_append(&o->html, s, n);
}

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

static bool has_text(const posting *p)
{
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			if (p->sections[i].blocks[j].len)
				return true;
	return false;
}

int import_markdown(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	const char *base = opts ? opts->source : NULL;
	import_links links = {0};
	md_out md = {.html = {.limit = MD_HTML_MAX}};
	jk_buf *html = &md.html;
	import_fm fm;
	posting *p = posting_new();
	if (!p)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	int r = import_frontmatter(data, len, base, p, &fm, err);
	if (r)
		goto done;
	if (fm.draft) {
		import_warnf(opts, "skipped: marked as a draft");
		goto done;
	}
	const char *body = data + fm.body;
	size_t blen = len - fm.body;
	r = jk_buf_append(html, "", 0);
	if (!r && md_html(body, (MD_SIZE)blen, md_sink, &md, MD_PARSE_FLAGS,
	                  MD_HTML_FLAG_SKIP_UTF8_BOM) != 0)
		r = md.r ? md.r : JK_ENOMEM;
	if (!r && md.r == JK_ETOOBIG)
		r = jk_fail(err, JK_ETOOBIG, "Markdown too large once converted to HTML");
	else if (!r)
		r = md.r;
	if (!r)
		r = take_h1(html, p);
	if (!r && html->len) {
		/* Past libxml2's depth limit the HTML blocks keep what came
		 * before and says so: a posting with text is kept, with a
		 * warning; one without fails for that reason. */
		jk_err e = {0};
		r = import_html_sections(html->data, html->len, p, &links, &e);
		if (r && r != JK_ENOMEM && (p->title || has_text(p))) {
			import_warnf(opts, "%s; the rest was skipped", e.msg);
			r = JK_OK;
		} else if (r) {
			jk_fail(err, r, "%s", e.msg);
		}
	}
	if (!r)
		r = import_infer_organization(p);
	if (!r)
		r = import_apply_choose(p, &links, base);
	if (!r && !p->title && !has_text(p))
		r = jk_fail(err, JK_EEMPTY,
		            fm.present ? "front matter only, no posting text" : "no posting text");
	if (!r) {
		r = posting_list_push(out, p);
		p = NULL;
	}
done:
	if (r == JK_ENOMEM && err && !err->code)
		jk_fail(err, r, "out of memory");
	posting_free(p);
	import_links_free(&links);
	jk_buf_free(html);
	return r;
}
