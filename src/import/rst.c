/* rst.c — layer 3: reStructuredText as Sphinx and Pelican sites write
 * posts, read by a small reader of its own (no C library for it is in
 * Debian): section titles (the first is the posting's title), paragraphs,
 * bullet and enumerated lists, field lists (Pelican's :date: and :tags:
 * at the top), links of every form, inline emphasis. Comments and
 * directives are dropped, but for the text of admonitions (note, tip...);
 * substitutions show their text. Line by line, no recursion; lines, links
 * and inline markup are rst_inline.c's. */
#include "readers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RST_NONE ((size_t)-1)

typedef struct rst_doc {
	const char *s;
	size_t n;
	const import_opts *o;
	posting *p;
	import_links *links;
	rst_refs *refs; /* owned */
	jk_buf para;    /* the open block's text, lines joined */
	int kind, number, auto_number;
	size_t para_indent;
	bool has_title, title_field, body_seen, draft, literal;
} rst_doc;

/* Lines ------------------------------------------------------------------------ */

static bool rst_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

static bool rst_next(const rst_doc *d, size_t *pos, rst_line *l)
{
	return rst_next_line(d->s, d->n, pos, l);
}

/* 3+ of one punctuation character: a title's adornment or a transition. */
static char rst_adornment(rst_line l)
{
	if (l.n < 3 || !strchr("=-~^\"'`#*+:._!$%&,;/<>?@\\|", l.s[0]) || l.indent)
		return 0;
	for (size_t i = 1; i < l.n; i++)
		if (l.s[i] != l.s[0])
			return 0;
	return l.s[0];
}

/* A table's border: "+----+----+" or "=====  =====". */
static bool rst_table_rule(rst_line l)
{
	if (l.n < 3 || (l.s[0] != '+' && l.s[0] != '='))
		return false;
	for (size_t i = 0; i < l.n; i++)
		if (!strchr(l.s[0] == '+' ? "+-=" : "= ", l.s[i]))
			return false;
	return l.s[0] == '=' ? memchr(l.s, ' ', l.n) != NULL : l.s[l.n - 1] == '+';
}

/* A list item's marker: its kind, number and the text after it. */
static int rst_item(const rst_doc *d, rst_line l, size_t *skip, int *number)
{
	static const char *const bullets[] = {
	    "- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xE2\x80\xA3 ", "\xE2\x81\x83 "}; /* • ‣ ⁃ */
	for (size_t i = 0; i < JK_ARRAY_LEN(bullets); i++) {
		size_t k = strlen(bullets[i]);
		if (l.n > k && !memcmp(l.s, bullets[i], k)) {
			*skip = k;
			return POSTING_BULLET;
		}
	}
	size_t i = l.s[0] == '(';
	size_t d0 = i;
	int v = 0;
	if (i < l.n && l.s[i] == '#')
		v = d->para.len && d->kind != POSTING_NUMBERED ? 1 : d->auto_number + 1, i++;
	while (i < l.n && i - d0 < 4 && isdigit((unsigned char)l.s[i]))
		v = v * 10 + (l.s[i++] - '0');
	if (i == d0 || i + 1 >= l.n || !rst_space(l.s[i + 1]) ||
	    !(l.s[i] == ')' || (l.s[i] == '.' && !d0)))
		return -1;
	*skip = i + 2;
	*number = v;
	return POSTING_NUMBERED;
}

/* ":name: value" → the name's length (after the first ':'), else 0. */
static size_t rst_field(rst_line l)
{
	if (l.n < 3 || l.s[0] != ':' || l.s[1] == ' ')
		return 0;
	for (size_t i = 1; i < l.n && i < 80; i++)
		if (l.s[i] == ':' && l.s[i - 1] != '\\')
			return i + 1 == l.n || l.s[i + 1] == ' ' ? i - 1 : 0;
	return 0;
}

/* Blocks ------------------------------------------------------------------------ */

static posting_block *rst_block(rst_doc *d, int kind, int number)
{
	posting *p = d->p;
	posting_section *s =
	    p->nsections ? &p->sections[p->nsections - 1] : posting_add_section(p, NULL);
	return s ? posting_add_block(s, (posting_block_kind)kind, number) : NULL;
}

static bool rst_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* Adds a line to the open block: a space between words, none between two
 * CJK characters (those scripts do not separate words). */
static int rst_join(rst_doc *d, const char *s, size_t n)
{
	jk_buf *b = &d->para;
	if (!n)
		return JK_OK;
	if (b->len) {
		size_t i = b->len;
		while (i > 0 && ((unsigned char)b->data[i - 1] & 0xC0) == 0x80)
			i--;
		uint32_t a = 0, z = 0;
		if (i > 0)
			jk_utf8_decode(b->data + i - 1, b->len - i + 1, &a);
		jk_utf8_decode(s, n, &z);
		if (!(rst_cjk(a) && rst_cjk(z)) && jk_buf_putc(b, ' '))
			return JK_ENOMEM;
	}
	return jk_buf_append(b, s, n) == JK_ENOMEM ? JK_ENOMEM : JK_OK;
}

/* Ends the open block. A paragraph ending in "::" introduces a literal
 * block: the colons go ("Example::" shows "Example:") and *literal gets
 * the indentation the literal lines exceed. */
static int rst_flush(rst_doc *d, size_t *literal)
{
	jk_buf *b = &d->para;
	if (!b->len)
		return JK_OK;
	if (!d->literal && b->len >= 2 && !memcmp(b->data + b->len - 2, "::", 2)) {
		b->len -= b->len > 2 && rst_space(b->data[b->len - 3]) ? 3 : 1;
		if (b->len == 1 && b->data[0] == ':')
			b->len = 0;
		*literal = d->para_indent;
	}
	int r = JK_OK;
	if (b->len) {
		posting_block *k = rst_block(d, d->kind, d->number);
		r = k ? rst_render(d->refs, k, b->data, b->len, !d->literal, d->links) : JK_ENOMEM;
		d->body_seen = true;
	}
	if (d->kind != POSTING_NUMBERED)
		d->auto_number = 0;
	b->len = 0;
	d->kind = POSTING_PARAGRAPH;
	d->number = 0;
	d->literal = false;
	return r;
}

/* A section title: the first is the posting's (unless :title: set it),
 * the others open sections. */
static int rst_title(rst_doc *d, const char *s, size_t n)
{
	posting_block tmp = {0};
	int r = rst_render(d->refs, &tmp, s, n, true, d->links);
	if (!r && tmp.text && tmp.text[0]) {
		if (d->has_title) {
			r = posting_add_section(d->p, tmp.text) ? JK_OK : JK_ENOMEM;
			d->auto_number = 0; /* "#." lists count afresh under each title */
		} else if (!d->title_field)
			r = posting_set(&d->p->title, tmp.text, (size_t)-1);
		d->has_title = true;
	}
	posting_block_clear(&tmp);
	return r;
}

/* Fields and directives --------------------------------------------------------- */

static bool rst_key(const char *k, size_t n, const char *const *v, size_t nv)
{
	for (size_t i = 0; i < nv; i++)
		if (strlen(v[i]) == n && !strncasecmp(k, v[i], n))
			return true;
	return false;
}

/* A field of the document's head (Pelican's metadata, docinfo) into p. */
static int rst_meta(rst_doc *d, const char *k, size_t kn, const char *v)
{
	static const char *const title[] = {"title"},
	                         *const date[] = {"date", "published", "posted"},
	                         *const tags[] = {"tags", "keywords", "category", "categories"},
	                         *const loc[] = {"location", "place", "city"},
	                         *const org[] = {"company", "organization", "organisation",
	                                         "employer"},
	                         *const pay[] = {"salary", "pay", "compensation"},
	                         *const emp[] = {"employment", "employment_type", "job_type",
	                                         "type"},
	                         *const exp[] = {"expires", "deadline", "closing", "closing_date",
	                                         "valid_through"},
	                         *const apply[] = {"apply", "apply_url", "application_url",
	                                           "apply_link", "how_to_apply"};
	posting *p = d->p;
	if (rst_key(k, kn, title, 1)) {
		d->title_field = true;
		return posting_set(&p->title, v, (size_t)-1);
	}
	if (rst_key(k, kn, date, JK_ARRAY_LEN(date)))
		return import_set_date(&p->posted, v);
	if (rst_key(k, kn, exp, JK_ARRAY_LEN(exp)))
		return import_set_date(&p->expires, v);
	if (rst_key(k, kn, loc, JK_ARRAY_LEN(loc)))
		return posting_set_default(&p->location, v, (size_t)-1);
	if (rst_key(k, kn, org, JK_ARRAY_LEN(org)))
		return posting_set_default(&p->organization, v, (size_t)-1);
	if (rst_key(k, kn, pay, JK_ARRAY_LEN(pay)))
		return posting_set_default(&p->pay, v, (size_t)-1);
	if (rst_key(k, kn, emp, JK_ARRAY_LEN(emp)))
		return posting_set_default(&p->employment, v, (size_t)-1);
	if (kn == 6 && !strncasecmp(k, "status", 6))
		d->draft = d->draft || !strcasecmp(v, "draft");
	if (rst_key(k, kn, apply, JK_ARRAY_LEN(apply)) && !p->apply)
		p->apply = import_url_accept(v, html_base(d->o));
	int r = JK_OK;
	for (const char *t = v; !r && *t && rst_key(k, kn, tags, JK_ARRAY_LEN(tags));) {
		size_t e = strcspn(t, ",;");
		char *one = jk_strndup(t, e);
		r = one ? posting_add_tag(p, one) : JK_ENOMEM;
		free(one);
		t += e + (t[e] != '\0');
	}
	return r;
}

/* ":name: value" and the lines indented under it: metadata while no body
 * text was seen, else a "Name: value" paragraph. *pos moves past it. */
static int rst_field_block(rst_doc *d, rst_line l, size_t kn, size_t *pos)
{
	jk_buf v = {.limit = IMPORT_MAX_BYTES};
	int r = jk_buf_append(&v, "", 0);
	size_t vs = kn + 2 < l.n ? kn + 3 : l.n;
	if (!r)
		r = jk_buf_append(&v, l.s + vs, l.n - vs);
	rst_line c;
	for (size_t next = *pos; !r && rst_next(d, &next, &c) && c.n && c.indent > l.indent;) {
		r = jk_buf_putc(&v, ' ');
		if (!r)
			r = jk_buf_append(&v, c.s, c.n);
		*pos = next;
	}
	if (!r && !d->body_seen) {
		r = rst_meta(d, l.s + 1, kn, v.data);
	} else if (!r) {
		posting_block *b = rst_block(d, POSTING_PARAGRAPH, 0);
		r = b ? posting_block_append(b, l.s + 1, kn, POSTING_BOLD) : JK_ENOMEM;
		if (!r)
			r = posting_block_append(b, ":", 1, POSTING_BOLD);
		if (!r) {
			posting_block_space(b);
			r = rst_render(d->refs, b, v.data, v.len, true, d->links);
		}
	}
	jk_buf_free(&v);
	return r == JK_ETOOBIG ? JK_OK : r;
}

/* ".. …": a directive whose text may show (admonitions, containers) goes
 * on with its content; every other directive, comment, target, footnote
 * and substitution definition is skipped with what is indented under it. */
static int rst_explicit(rst_doc *d, rst_line l, size_t *skip, bool *options)
{
	static const char *const text[] = {"note",    "tip",     "hint",   "important", "attention",
	                                   "caution", "warning", "danger", "error",     "seealso"};
	static const char *const titled[] = {"admonition", "topic", "sidebar"};
	static const char *const body[] = {"container",  "compound",       "epigraph",
	                                   "highlights", "pull-quote",     "only",
	                                   "line-block", "parsed-literal", "rubric"};
	const char *t = l.s + 2;
	size_t tn = l.n - 2;
	while (tn && *t == ' ')
		t++, tn--;
	*skip = l.indent;
	size_t m = 0;
	while (m < tn && (isalnum((unsigned char)t[m]) || strchr("-_:.", t[m])) &&
	       !(t[m] == ':' && m + 1 < tn && t[m + 1] == ':'))
		m++;
	if (!m || m + 2 > tn || strncmp(t + m, "::", 2) || (m + 2 < tn && t[m + 2] != ' '))
		return JK_OK;
	const char *args = t + m + 2;
	size_t an = tn - m - 2;
	while (an && *args == ' ')
		args++, an--;
	bool says = rst_key(t, m, text, JK_ARRAY_LEN(text));
	bool head = rst_key(t, m, titled, JK_ARRAY_LEN(titled));
	if (!says && !head && !rst_key(t, m, body, JK_ARRAY_LEN(body)))
		return JK_OK;
	*skip = RST_NONE;
	*options = true;
	if (!an || (m == 4 && !strncmp(t, "only", 4)))
		return JK_OK;
	if (m == 6 && !strncmp(t, "rubric", 6)) { /* a heading, never the title */
		bool had = d->has_title;
		d->has_title = true;
		int r = rst_title(d, args, an);
		d->has_title = had;
		return r;
	}
	if (says) { /* the text opens a paragraph its indented lines go on */
		d->para_indent = l.indent + 1;
		return jk_buf_append(&d->para, args, an) == JK_ENOMEM ? JK_ENOMEM : JK_OK;
	}
	if (!head) /* a container's arguments are class names */
		return JK_OK;
	posting_block *b = rst_block(d, POSTING_PARAGRAPH, 0);
	d->body_seen = true;
	return b ? posting_block_append(b, args, an, POSTING_BOLD) : JK_ENOMEM;
}

/* The reader -------------------------------------------------------------------- */

/* A title at l: over- and underlined (*pos moves past both) or underlined
 * (*pos moves past the underline). */
static bool rst_is_title(const rst_doc *d, rst_line l, size_t *pos, rst_line *title)
{
	size_t p2 = *pos, p3;
	rst_line nx, nn;
	if (!rst_next(d, &p2, &nx))
		return false;
	char a = rst_adornment(l);
	p3 = p2;
	if (a && nx.n && !rst_adornment(nx) && rst_next(d, &p3, &nn) && rst_adornment(nn) == a) {
		*title = nx;
		*pos = p3;
		return true;
	}
	if (!a && !l.indent && l.n <= 200 && rst_adornment(nx)) {
		*title = l;
		*pos = p2;
		return true;
	}
	return false;
}

/* One line of body text: list items open blocks, other lines join the
 * open block or open a paragraph. */
static int rst_text_line(rst_doc *d, rst_line l, size_t *literal)
{
	size_t k = 0;
	int num = 0, kind = rst_item(d, l, &k, &num), r = JK_OK;
	bool line_block = l.s[0] == '|' && (l.n == 1 || l.s[1] == ' ') && l.s[l.n - 1] != '|';
	if (kind >= 0 || line_block) {
		if ((r = rst_flush(d, literal)))
			return r;
		d->kind = kind >= 0 ? kind : POSTING_PARAGRAPH;
		d->number = num;
		d->auto_number = num;
		d->para_indent = l.indent;
		l.s += line_block ? (l.n > 1 ? 2 : 1) : k;
		l.n -= line_block ? (l.n > 1 ? 2 : 1) : k;
		while (l.n && rst_space(*l.s))
			l.s++, l.n--;
	} else if (!d->para.len) {
		d->para_indent = l.indent;
	}
	if (l.n && l.s[0] == '|' && l.s[l.n - 1] == '|') { /* a grid table's row */
		size_t at = d->para.len;
		r = rst_join(d, l.s, l.n);
		for (size_t i = at; !r && i < d->para.len; i++)
			if (d->para.data[i] == '|')
				d->para.data[i] = ' ';
		return r;
	}
	return rst_join(d, l.s, l.n);
}

static int rst_blocks(rst_doc *d)
{
	size_t pos = 0, skip = RST_NONE, literal = RST_NONE;
	bool options = false;
	rst_line l, t;
	int r = 0;
	while (!r && rst_next(d, &pos, &l)) {
		if (!l.n) {
			options = false;
			r = rst_flush(d, &literal);
			continue;
		}
		if (skip != RST_NONE && l.indent > skip)
			continue;
		skip = RST_NONE;
		if (literal != RST_NONE && l.indent > literal) {
			d->literal = true;
			r = rst_join(d, l.s, l.n);
			continue;
		}
		if (literal != RST_NONE && (r = rst_flush(d, &literal)))
			break;
		literal = RST_NONE;
		if (options && l.s[0] == ':')
			continue;
		options = false;
		size_t fl = rst_field(l);
		bool dots =
		    l.n >= 2 && l.s[0] == '.' && l.s[1] == '.' && (l.n == 2 || l.s[2] == ' ');
		if (!d->para.len && !dots && !fl && rst_is_title(d, l, &pos, &t)) {
			r = rst_title(d, t.s, t.n);
		} else if ((rst_adornment(l) && l.n >= 4 && !d->para.len) || rst_table_rule(l)) {
			r = rst_flush(d, &literal); /* a transition or a table's border */
		} else if (dots || (l.n > 3 && !memcmp(l.s, "__ ", 3))) {
			r = rst_flush(d, &literal);
			if (!r && dots)
				r = rst_explicit(d, l, &skip, &options);
			else
				skip = l.indent;
		} else if (fl) {
			r = rst_flush(d, &literal);
			if (!r)
				r = rst_field_block(d, l, fl, &pos);
		} else {
			r = rst_text_line(d, l, &literal);
		}
	}
	if (!r)
		r = rst_flush(d, &literal);
	return r;
}

int import_rst(const char *data, size_t len, const import_opts *opts, posting_list *out,
               jk_err *err)
{
	import_links links = {0};
	rst_doc d = {.s = data,
	             .n = len,
	             .o = opts,
	             .p = posting_new(),
	             .links = &links,
	             .refs = rst_refs_read(data, len),
	             .para = {.limit = IMPORT_MAX_BYTES}};
	int r = d.p && d.refs ? rst_blocks(&d) : JK_ENOMEM;
	if (!r)
		r = import_infer_organization(d.p);
	if (!r && d.draft) {
		import_warnf(opts, "skipped: marked as a draft");
		posting_free(d.p);
		import_links_free(&links);
	} else if (!r && !d.p->title && !d.p->nsections) {
		posting_free(d.p);
		import_links_free(&links);
		r = jk_fail(err, JK_EEMPTY, "reStructuredText without any text");
	} else {
		r = import_push(r, d.p, &links, html_base(opts), out);
		if (r)
			jk_fail(err, r,
			        r == JK_ETOOBIG ? "a paragraph too large" : "out of memory");
	}
	jk_buf_free(&d.para);
	rst_refs_free(d.refs);
	return r;
}
