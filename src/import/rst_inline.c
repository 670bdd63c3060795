/* rst_inline.c — layer 1a: the parts of reStructuredText below its block
 * structure: lines with their indentation, the document's link targets
 * and substitutions (read in a first pass, as references may come before
 * their targets), and inline markup (emphasis, literals, every link form,
 * roles, substitutions, footnote references) rendered into a block. */
#include "blocks.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define RST_TARGETS 256 /* named and anonymous link targets kept */
#define RST_NAME 64     /* longest simple reference name ("word_") */
#define RST_NONE ((size_t)-1)

typedef struct rst_pair {
	char *name, *value;
} rst_pair;

typedef struct rst_pairs {
	rst_pair v[RST_TARGETS];
	size_t n;
} rst_pairs;

struct rst_refs {
	rst_pairs targets, anon, subst; /* anon in document order, names unused */
	size_t anon_used;               /* anonymous references seen so far */
	size_t expanded;                /* bytes substitutions added: capped */
};

/* Lines ------------------------------------------------------------------------ */

static bool rst_space(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r';
}

bool rst_next_line(const char *text, size_t len, size_t *pos, rst_line *l)
{
	if (*pos >= len)
		return false;
	const char *s = text + *pos, *nl = memchr(s, '\n', len - *pos);
	size_t n = nl ? (size_t)(nl - s) : len - *pos, i = 0;
	*pos += n + (nl != NULL);
	l->indent = 0;
	for (; i < n && rst_space(s[i]); i++)
		l->indent = s[i] == '\t' ? (l->indent / 8 + 1) * 8 : l->indent + 1;
	while (n > i && rst_space(s[n - 1]))
		n--;
	l->s = s + i;
	l->n = n - i;
	return true;
}

/* Targets and substitutions ---------------------------------------------------- */

/* A reference name as docutils compares them: case and runs of white
 * space do not matter. Caller frees. */
static char *rst_norm(const char *s, size_t n)
{
	char *t = jk_text_clean(s, n);
	for (char *c = t; c && *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return t;
}

static int rst_pair_add(rst_pairs *v, const char *name, size_t nn, const char *val, size_t vn)
{
	if (v->n == RST_TARGETS)
		return JK_OK;
	rst_pair *e = &v->v[v->n];
	e->name = rst_norm(name, nn);
	e->value = jk_strndup(val, vn);
	if (!e->name || !e->value) {
		free(e->name), free(e->value);
		return JK_ENOMEM;
	}
	v->n++;
	return JK_OK;
}

static const char *rst_lookup(const rst_pairs *v, const char *name, size_t n)
{
	char *k = rst_norm(name, n);
	const char *found = NULL;
	for (size_t i = 0; k && i < v->n && !found; i++)
		if (!strcmp(v->v[i].name, k))
			found = v->v[i].value;
	free(k);
	return found;
}

static void rst_pairs_clear(rst_pairs *v)
{
	for (size_t i = 0; i < v->n; i++)
		free(v->v[i].name), free(v->v[i].value);
}

void rst_refs_free(rst_refs *refs)
{
	if (!refs)
		return;
	rst_pairs_clear(&refs->targets);
	rst_pairs_clear(&refs->anon);
	rst_pairs_clear(&refs->subst);
	free(refs);
}

/* The value of an explicit target: the rest of the line and the indented
 * lines under it, white space removed (URLs may wrap). */
static int rst_target_value(const char *s, size_t n, rst_line l, size_t from, size_t pos, jk_buf *b)
{
	int r = jk_buf_append(b, "", 0);
	rst_line c = l;
	size_t start = from;
	while (start < l.n && rst_space(l.s[start]))
		start++;
	bool ref = start < l.n && l.s[start] == '`'; /* `Another name`_ keeps its spaces */
	for (;;) {
		if (ref && b->len && !r)
			r = jk_buf_putc(b, ' ');
		for (size_t i = start; i < c.n && !r; i++)
			if (ref || !rst_space(c.s[i]))
				r = jk_buf_putc(b, c.s[i]);
		size_t next = pos;
		if (r || !rst_next_line(s, n, &next, &c) || c.indent <= l.indent || !c.n)
			return r;
		pos = next;
		start = 0;
	}
}

/* First pass: ".. _name: url", ".. __: url", "__ url" and
 * ".. |name| replace:: text" anywhere in the document. */
static int rst_collect(rst_refs *d, const char *s, size_t n)
{
	size_t pos = 0;
	rst_line l;
	int r = 0;
	while (!r && rst_next_line(s, n, &pos, &l)) {
		jk_buf v = {.limit = 8192};
		bool dots = l.n > 3 && !memcmp(l.s, ".. ", 3);
		const char *t = dots ? l.s + 3 : l.s;
		size_t tn = dots ? l.n - 3 : l.n;
		if (dots && tn > 1 && t[0] == '_' && t[1] != '_') {
			const char *name = t + 1;
			size_t nn = 0;
			bool quoted = *name == '`';
			const char *end =
			    quoted ? memchr(name + 1, '`', tn - 2) : memchr(name, ':', tn - 1);
			if (end) {
				nn = (size_t)(end - name) - quoted;
				name += quoted;
				size_t colon = (size_t)(end - l.s) + quoted + 1;
				r = rst_target_value(s, n, l, colon, pos, &v);
				if (!r && v.len)
					r = rst_pair_add(&d->targets, name, nn, v.data, v.len);
			}
		} else if ((dots && tn > 3 && !memcmp(t, "__:", 3)) ||
		           (!dots && l.n > 3 && !memcmp(l.s, "__ ", 3))) {
			r = rst_target_value(s, n, l, (size_t)(t - l.s) + 3, pos, &v);
			if (!r && v.len)
				r = rst_pair_add(&d->anon, "", 0, v.data, v.len);
		} else if (dots && tn > 2 && t[0] == '|') {
			const char *bar = memchr(t + 1, '|', tn - 1);
			const char *rep =
			    bar ? memmem(bar, (size_t)(t + tn - bar), " replace::", 10) : NULL;
			if (rep)
				r = rst_pair_add(&d->subst, t + 1, (size_t)(bar - t - 1), rep + 10,
				                 (size_t)(t + tn - rep - 10));
		}
		if (r == JK_ETOOBIG)
			r = 0;
		jk_buf_free(&v);
	}
	return r;
}

rst_refs *rst_refs_read(const char *s, size_t n)
{
	rst_refs *refs = calloc(1, sizeof *refs);
	if (refs && rst_collect(refs, s, n)) {
		rst_refs_free(refs);
		refs = NULL;
	}
	return refs;
}

/* Inline markup ---------------------------------------------------------------- */

/* What inline markup a block's text produced: links wait for the block's
 * whole text, their context. */
typedef struct rst_inl {
	rst_refs *refs;
	posting_block *b;
	import_links pending; /* context unset */
	size_t nofind[5];     /* past these a closing "``" "**" "*" "`" "|" is known absent */
	int depth;            /* 1 inside a substitution's replacement */
} rst_inl;

static bool rst_start_ok(const char *s, size_t n, size_t i, size_t k)
{
	unsigned char prev = i ? (unsigned char)s[i - 1] : ' ';
	return i + k < n && !rst_space(s[i + k]) &&
	       (rst_space((char)prev) || prev >= 0x80 || strchr("'\"([{<-/:", prev));
}

static bool rst_end_ok(const char *s, size_t n, size_t j)
{
	return j >= n || rst_space(s[j]) || (unsigned char)s[j] >= 0x80 ||
	       strchr("'\")]}>-/:.,;!?\\_", s[j]);
}

/* The closing delim after s[from]: not after a space, followed by what may
 * end inline markup. RST_NONE when absent (remembered in *nofind). */
static size_t rst_close(const char *s, size_t n, size_t from, const char *delim, size_t *nofind)
{
	size_t k = strlen(delim);
	if (from >= *nofind)
		return RST_NONE;
	for (size_t j = from; j + k <= n; j++) {
		const char *c = memchr(s + j, delim[0], n - j);
		if (!c)
			break;
		j = (size_t)(c - s);
		if (j + k <= n && !memcmp(s + j, delim, k) && !rst_space(s[j - 1]) &&
		    s[j - 1] != '\\' &&
		    (delim[0] != '`' || rst_end_ok(s, n, j + k + strspn(s + j + k, "_"))))
			if (delim[0] == '`' || rst_end_ok(s, n, j + k))
				return j;
	}
	*nofind = from;
	return RST_NONE;
}

static int rst_emit(rst_inl *in, const char *s, size_t n, unsigned style)
{
	return n ? posting_block_append(in->b, s, n, style) : JK_OK;
}

static int rst_link(rst_inl *in, const char *href, size_t hn, const char *text, size_t tn)
{
	char *h = jk_strndup(href, hn), *t = jk_strndup(text, tn);
	int r = h && t ? import_links_add(&in->pending, h, t, "") : JK_ENOMEM;
	free(h), free(t);
	return r;
}

/* The URL the reference name (n bytes; "name_" and "`a name`_" as in
 * an indirect target) refers to, following one indirect target. */
static const char *rst_resolve(const rst_refs *refs, const char *name, size_t n)
{
	for (int step = 0; step < 2 && name; step++) {
		if (n && name[n - 1] == '_')
			n--;
		if (n >= 2 && name[0] == '`' && name[n - 1] == '`')
			name++, n -= 2;
		const char *v = rst_lookup(&refs->targets, name, n);
		size_t vn = v ? strlen(v) : 0;
		if (!vn || v[vn - 1] != '_')
			return v;
		name = v;
		n = vn;
	}
	return NULL;
}

/* `text <url>`_, `text`_, `text`__, `text` and the :role:`text` forms;
 * [a, b) is the text between the backquotes, after the text the suffix
 * ("_", "__" or ":role:"), role the prefix role (may be NULL). */
static int rst_interpreted(rst_inl *in, const char *a, size_t n, const char *suffix, size_t sn,
                           const char *role, size_t rn)
{
	size_t un = 0;
	const char *lt = NULL;
	for (size_t i = n && a[n - 1] == '>' ? n - 1 : 0; i-- > 0;)
		if (a[i] == '<' && (i == 0 || rst_space(a[i - 1]))) {
			lt = a + i;
			break;
		}
	size_t tn = lt ? (size_t)(lt - a) : n;
	while (tn && rst_space(a[tn - 1]))
		tn--;
	const char *url = lt ? lt + 1 : NULL;
	un = lt ? (size_t)(a + n - 1 - url) : 0;
	if (!tn && url)
		a = url, tn = un; /* `<url>`_ shows the address */
	if (!role && sn && suffix[0] == ':')
		role = suffix + 1, rn = sn - 2;
	unsigned style = 0;
	if (role && rn == 6 && !strncmp(role, "strong", 6))
		style = POSTING_BOLD;
	else if (role && rn == 8 && !strncmp(role, "emphasis", 8))
		style = POSTING_ITALIC;
	int r = rst_emit(in, a, tn, style);
	if (r || !sn || suffix[0] != '_')
		return r;
	const char *href = NULL;
	if (url && !(un && url[un - 1] == '_'))
		href = url;
	else if (url)
		href = rst_resolve(in->refs, url, un);
	else if (sn == 2 && in->refs->anon_used < in->refs->anon.n)
		href = in->refs->anon.v[in->refs->anon_used++].value;
	else if (sn == 1)
		href = rst_resolve(in->refs, a, tn);
	if (href && href != url)
		un = strlen(href);
	return href ? rst_link(in, href, un, a, tn) : JK_OK;
}

/* A "name_" reference ending at the '_' at s[i]: adds its link when name
 * is a target. The name was already shown as text. */
static int rst_word_ref(rst_inl *in, const char *s, size_t i)
{
	size_t j = i;
	while (j > 0 && i - j < RST_NAME &&
	       (isalnum((unsigned char)s[j - 1]) || strchr("-_.+", s[j - 1])))
		j--;
	if (j == i || (j > 0 && !rst_start_ok(s, i + 1, j, 0)))
		return JK_OK;
	const char *href = rst_resolve(in->refs, s + j, i - j);
	return href ? rst_link(in, href, strlen(href), s + j, i - j) : JK_OK;
}

/* An http(s)/mailto URL standing in text at s[i]: its length, 0 if none. */
static size_t rst_url(const char *s, size_t n, size_t i)
{
	if (strncasecmp(s + i, "http://", n - i < 7 ? n - i : 7) &&
	    strncasecmp(s + i, "https://", n - i < 8 ? n - i : 8) &&
	    strncasecmp(s + i, "mailto:", n - i < 7 ? n - i : 7))
		return 0;
	if (n - i < 8)
		return 0;
	size_t j = i;
	while (j < n && !rst_space(s[j]) && !strchr("<>\"`", s[j]) && (unsigned char)s[j] >= 0x21)
		j++;
	while (j > i && strchr(".,;:!?)'", s[j - 1]))
		j--;
	return j - i > 8 ? j - i : 0;
}

/* ":role:" at s[i] followed by '`': the role's length with its colons. */
static size_t rst_role(const char *s, size_t n, size_t i, bool prefix)
{
	size_t j = i + 1;
	while (j < n && j - i < 32 && (isalnum((unsigned char)s[j]) || strchr("-_.+", s[j])))
		j++;
	if (j == i + 1 || j >= n || s[j] != ':')
		return 0;
	return !prefix || (j + 1 < n && s[j + 1] == '`') ? j + 1 - i : 0;
}

static int rst_inline(rst_inl *in, const char *s, size_t n);

/* A substitution's replacement, itself inline markup (but for further
 * substitutions, which show their names). */
static int rst_replace(rst_inl *in, const char *rep)
{
	rst_inl sub = {.refs = in->refs, .b = in->b, .depth = 1};
	for (size_t k = 0; k < JK_ARRAY_LEN(sub.nofind); k++)
		sub.nofind[k] = RST_NONE;
	int r = rst_inline(&sub, rep, strlen(rep));
	for (size_t i = 0; !r && i < sub.pending.n; i++)
		r = import_links_add(&in->pending, sub.pending.v[i].href, sub.pending.v[i].text,
		                     "");
	import_links_free(&sub.pending);
	return r;
}

/* The markup that opens at s[i] (start-string checked): emits it and
 * returns where the text goes on, or i when nothing opens there. */
static size_t rst_markup(rst_inl *in, const char *s, size_t n, size_t i, int *r)
{
	static const char *const delims[] = {"``", "**", "*", "`", "|"};
	size_t rl = s[i] == ':' ? rst_role(s, n, i, true) : 0;
	size_t at = i + rl;
	for (size_t k = 0; k < JK_ARRAY_LEN(delims); k++) {
		size_t dl = strlen(delims[k]);
		if (at + dl > n || memcmp(s + at, delims[k], dl) || (rl && k != 3) ||
		    !rst_start_ok(s, n, at, dl))
			continue;
		size_t j = rst_close(s, n, at + dl, delims[k], &in->nofind[k]);
		if (j == RST_NONE)
			return i;
		const char *a = s + at + dl;
		size_t an = j - at - dl, e = j + dl;
		size_t sn = e < n && s[e] == '_' ? (e + 1 < n && s[e + 1] == '_' ? 2 : 1) : 0;
		if (k == 3 && !sn && !rl && e < n && s[e] == ':')
			sn = rst_role(s, n, e, false);
		if (k == 0)
			*r = rst_emit(in, a, an, 0);
		else if (k == 1 || k == 2)
			*r = rst_emit(in, a, an, k == 1 ? POSTING_BOLD : POSTING_ITALIC);
		else if (k == 3)
			*r = rst_interpreted(in, a, an, s + e, sn, rl ? s + i + 1 : NULL,
			                     rl ? rl - 2 : 0);
		else {
			const char *rep = in->depth ? NULL : rst_lookup(&in->refs->subst, a, an);
			/* A document cannot grow past the input cap by substituting. */
			if (rep && (in->refs->expanded += strlen(rep)) > IMPORT_MAX_BYTES)
				rep = NULL;
			*r = rep ? rst_replace(in, rep) : rst_emit(in, a, an, 0);
			const char *href = sn == 1 ? rst_resolve(in->refs, a, an) : NULL;
			if (!*r && href)
				*r = rst_link(in, href, strlen(href), a, an);
		}
		return e + sn;
	}
	if (s[i] == '[') { /* footnote and citation references vanish */
		const char *c = memchr(s + i, ']', n - i < 40 ? n - i : 40);
		size_t e = c ? (size_t)(c - s) + 1 : 0;
		if (c && e < n && s[e] == '_' && rst_end_ok(s, n, e + 1))
			return e + 1;
	}
	return i;
}

/* Renders the inline markup of s into the block, links to in->pending. */
static int rst_inline(rst_inl *in, const char *s, size_t n)
{
	size_t plain = 0;
	int r = 0;
	for (size_t i = 0; i < n && !r;) {
		if (s[i] == '\\') { /* the next character is text; "\ " is nothing */
			r = rst_emit(in, s + plain, i - plain, 0);
			plain = i + 1 < n && rst_space(s[i + 1]) ? i + 2 : i + 1;
			i += 2;
			continue;
		}
		bool start = i == 0 || rst_start_ok(s, n, i, 0);
		size_t u = start ? rst_url(s, n, i) : 0;
		if (u) {
			r = rst_link(in, s + i, u, s + i, u);
			i += u;
			continue;
		}
		if (s[i] == '_' && i && !rst_space(s[i - 1])) {
			size_t k = i + 1 < n && s[i + 1] == '_' ? 2 : 1;
			size_t links = in->pending.n;
			if (rst_end_ok(s, n, i + k) && s[i - 1] != '_' &&
			    !(r = rst_word_ref(in, s, i)) && in->pending.n > links) {
				r = rst_emit(in, s + plain, i - plain, 0);
				plain = i + k;
				i += k;
				continue;
			}
		}
		if (!start || !strchr("`*|:[", s[i])) {
			i++;
			continue;
		}
		/* The text before a possible markup goes first. */
		r = rst_emit(in, s + plain, i - plain, 0);
		plain = i;
		size_t e = r ? i : rst_markup(in, s, n, i, &r);
		plain = e;
		i = e > i ? e : i + 1;
	}
	if (!r)
		r = rst_emit(in, s + plain, n - plain, 0);
	return r;
}

/* Renders s into b (inline markup unless literal) and adds the links it
 * holds with b's whole text as their context. */
int rst_render(rst_refs *refs, posting_block *b, const char *s, size_t n, bool markup,
               import_links *links)
{
	rst_inl in = {
	    .refs = refs, .b = b, .nofind = {RST_NONE, RST_NONE, RST_NONE, RST_NONE, RST_NONE}};
	int r = markup ? rst_inline(&in, s, n) : rst_emit(&in, s, n, 0);
	for (size_t i = 0; !r && i < in.pending.n; i++)
		r = import_links_add(links, in.pending.v[i].href, in.pending.v[i].text,
		                     b->text ? b->text : "");
	import_links_free(&in.pending);
	return r;
}
