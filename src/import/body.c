/* body.c — layer 2a: a body that is HTML or plain text (a feed item, a
 * board's description) → sections of a posting, through the HTML or the
 * text blocks, with a plain-text fallback for HTML the HTML parser refuses. */
#include "body.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A known HTML tag name right after '<' or '</' at s[i]. */
static bool tag_at(const char *s, size_t n, size_t i)
{
	static const char *const tags[] = {
	    "p",  "br",      "div", "ul",         "ol",  "li", "h1",    "h2",   "h3",    "h4",
	    "h5", "h6",      "b",   "strong",     "em",  "i",  "a",     "span", "table", "tr",
	    "td", "section", "hr",  "blockquote", "pre", "u",  "small", "img",  "font",  "article"};
	size_t j = i + 1;
	if (j < n && s[j] == '/')
		j++;
	size_t k = j;
	while (k < n && k - j < 12 &&
	       ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
	        (s[k] >= '0' && s[k] <= '9')))
		k++;
	if (k == j || k >= n || !strchr(" \t\r\n>/", s[k]))
		return false;
	for (size_t t = 0; t < JK_ARRAY_LEN(tags); t++)
		if (strlen(tags[t]) == k - j && !strncasecmp(tags[t], s + j, k - j))
			return true;
	return false;
}

static bool looks_html(const char *s, size_t n)
{
	for (const char *c = memchr(s, '<', n); c; c = memchr(c + 1, '<', n - (size_t)(c + 1 - s)))
		if (tag_at(s, n, (size_t)(c - s)))
			return true;
	return false;
}

static bool name_is(const char *name, size_t nl, const char *x)
{
	return nl == strlen(x) && !strncasecmp(name, x, nl);
}

/* Last resort for HTML the HTML parser refused: block tags become line
 * breaks, list items bullets, headings "Heading:" lines; script and style
 * vanish. Caller frees. */
static char *html_to_text(const char *s, size_t n)
{
	static const char *const blocks[] = {
	    "p", "div", "ul", "ol", "tr", "table", "hr", "pre", "section", "article", "blockquote"};
	jk_buf b = {.limit = IMPORT_MAX_BYTES};
	int r = 0;
	for (size_t i = 0; i < n && !r;) {
		if (s[i] != '<') {
			const char *lt = memchr(s + i, '<', n - i);
			size_t k = lt ? (size_t)(lt - s) - i : n - i;
			r = jk_buf_append(&b, s + i, k);
			i += k;
			continue;
		}
		const char *gt = memchr(s + i, '>', n - i);
		if (!gt)
			break;
		bool close = s + i + 1 < gt && s[i + 1] == '/';
		const char *name = s + i + 1 + close;
		size_t nl = 0, end = (size_t)(gt - s) + 1;
		while (name + nl < gt && ((name[nl] | 0x20) >= 'a' && (name[nl] | 0x20) <= 'z'))
			nl++;
		if (name + nl < gt && nl == 1 && (name[0] | 0x20) == 'h' && name[1] >= '1' &&
		    name[1] <= '6') {
			r = jk_buf_puts(&b, close ? ":\n\n" : "\n\n");
		} else if (!close && (name_is(name, nl, "script") || name_is(name, nl, "style"))) {
			const char *what = nl == 6 ? "</script" : "</style";
			size_t wl = strlen(what), j = end;
			while (j + wl <= n && strncasecmp(s + j, what, wl))
				j++;
			const char *g2 = j + wl <= n ? memchr(s + j, '>', n - j) : NULL;
			end = g2 ? (size_t)(g2 - s) + 1 : n;
		} else if (!close && name_is(name, nl, "li")) {
			r = jk_buf_puts(&b, "\n- ");
		} else if (name_is(name, nl, "br")) {
			r = jk_buf_putc(&b, '\n');
		} else {
			for (size_t t = 0; t < JK_ARRAY_LEN(blocks); t++)
				if (name_is(name, nl, blocks[t])) {
					r = jk_buf_puts(&b, "\n\n");
					break;
				}
		}
		i = end;
	}
	char *text = r ? NULL : import_decode_entities(b.data ? b.data : "", b.len);
	jk_buf_free(&b);
	return text;
}

/* Undoes what a failed HTML read appended after the marks. */
static void roll_back(posting *p, size_t ns, size_t nb, import_links *links, size_t nl)
{
	while (p->nsections > ns)
		posting_remove_section(p, p->nsections - 1);
	if (ns && p->nsections == ns)
		while (p->sections[ns - 1].nblocks > nb)
			posting_remove_block(&p->sections[ns - 1], p->sections[ns - 1].nblocks - 1);
	while (links && links->n > nl)
		import_links_pop(links);
}

int import_body(posting *p, const char *s, size_t n, int kind, unsigned text_flags,
                import_links *links, const char *base, jk_err *err)
{
	if (!s || !n)
		return JK_OK;
	char *dec = NULL;
	int r = JK_OK;
	if (kind == BODY_GUESS) {
		kind = looks_html(s, n) ? BODY_HTML : BODY_TEXT;
		/* A body that may be HTML is HTML even without tags: its
		 * character references are characters (an RSS description's
		 * "&amp;amp;" shows as "&"), and what they spell may be tags
		 * (feeds sometimes escape their HTML twice). */
		if (kind == BODY_TEXT && memchr(s, '&', n)) {
			if (!(dec = import_decode_entities(s, n)))
				return jk_fail(err, JK_ENOMEM, "out of memory");
			s = dec;
			n = strlen(dec);
			if (looks_html(s, n))
				kind = BODY_HTML;
		}
	}
	if (kind == BODY_HTML) {
		size_t ns = p->nsections, nb = ns ? p->sections[ns - 1].nblocks : 0;
		size_t nl = links ? links->n : 0;
		r = import_html_sections(s, n, p, links, err);
		/* A body that opens with "Place · Full-time · $X" lines, as feed
		 * items write what they have no fields for: lead.c's rule for
		 * scraped pages turns them into fields. */
		if (!r && !ns)
			r = html_lead_meta(p);
		if (r && r != JK_ENOMEM) {
			roll_back(p, ns, nb, links, nl);
			char *t = html_to_text(s, n);
			r = t ? import_text_sections(p, t, strlen(t), text_flags, links, base)
			      : JK_ENOMEM;
			free(t);
		}
	} else {
		r = import_text_sections(p, s, n, text_flags, links, base);
	}
	free(dec);
	return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : r;
}
