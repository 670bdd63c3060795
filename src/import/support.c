/* support.c — layer 0b: what every reader shares on top of common.c and
 * apply.c: warnings, the posting cap, pushing, dropping and finishing
 * postings, setting text and dates, the links a document holds, and the base
 * URL. */
#include "support.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool import_full(const import_opts *o, const posting_list *out, size_t first, size_t *skipped)
{
	if (out->n - first < IMPORT_MAX_POSTINGS)
		return false;
	if (!(*skipped)++)
		import_warnf(o, "more than %d postings; the rest is skipped", IMPORT_MAX_POSTINGS);
	return true;
}

int import_push(int r, posting *p, import_links *links, const char *base, posting_list *out)
{
	if (!r)
		r = import_apply_choose(p, links, base);
	import_links_free(links);
	if (r) {
		posting_free(p);
		return r;
	}
	return posting_list_push(out, p);
}

void import_drop_from(posting_list *out, size_t first)
{
	while (out->n > first)
		posting_free(out->items[--out->n]);
}

/* A title from the file name when a document has none: "data-engineer.md"
 * becomes "Data engineer". */
static char *title_from_source(const char *source)
{
	if (!source)
		return NULL;
	const char *base = strrchr(source, '/');
	base = base ? base + 1 : source;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	char *t = jk_strndup(base, n);
	if (!t)
		return NULL;
	for (char *c = t; *c; c++)
		if (*c == '-' || *c == '_')
			*c = ' ';
	if (t[0] >= 'a' && t[0] <= 'z')
		t[0] = (char)(t[0] - 'a' + 'A');
	return t;
}

/* The deadline p's text states: in a block, or in a heading with the
 * start of its section's first block ("Application deadline" over "27
 * November 2024"). */
static int deadline_in_text(posting *p)
{
	char date[11];
	jk_buf b = {0};
	int r = 0;
	bool found = false;
	for (size_t si = 0; si < p->nsections && !found && !r; si++) {
		const posting_section *s = &p->sections[si];
		if (s->heading && s->nblocks && s->blocks[0].text) {
			const char *t = s->blocks[0].text;
			b.len = 0;
			r = jk_buf_puts(&b, s->heading);
			if (!r)
				r = jk_buf_puts(&b, ": ");
			if (!r)
				r = jk_buf_append(&b, t, strnlen(t, 200));
			found = !r && import_deadline(b.data, b.len, date);
		}
		for (size_t bi = 0; bi < s->nblocks && !found && !r; bi++)
			found = s->blocks[bi].text &&
			        import_deadline(s->blocks[bi].text, s->blocks[bi].len, date);
	}
	jk_buf_free(&b);
	if (!r && found)
		r = posting_set(&p->expires, date, (size_t)-1);
	return r;
}

/* A title that names no role ("Jobs", "Jobs :: Acme, Inc") yields to the
 * first heading that does: the role it names after "we're looking for",
 * or the heading itself. The organisation the old title named stays. With
 * no such heading nothing changes: "Hiring: Cook" is a label and a role. */
static int role_title(posting *p)
{
	if (!import_generic_title(p->title, strlen(p->title)))
		return JK_OK;
	const char *h = NULL;
	for (size_t si = 0; !h && si < p->nsections; si++) {
		h = p->sections[si].heading;
		if (h && !import_names_role(h, strlen(h)))
			h = NULL;
	}
	if (!h)
		return JK_OK;
	char *org = import_title_org(p->title, NULL);
	int r = org ? posting_set_default(&p->organization, org, (size_t)-1) : JK_OK;
	free(org);
	char *role = r ? NULL : import_role_phrase(h, strlen(h));
	if (!r)
		r = posting_set(&p->title, role ? role : h, (size_t)-1);
	free(role);
	return r;
}

int import_finish(posting_list *out, size_t first, const char *source)
{
	int r = JK_OK;
	for (size_t i = first; i < out->n && !r; i++) {
		posting *p = out->items[i];
		r = posting_set_default(&p->source, source, (size_t)-1);
		if (!r && !p->expires)
			r = deadline_in_text(p);
		if (!r && p->title)
			r = import_title_split(p, NULL);
		if (!r && p->title)
			r = role_title(p);
		if (!r && !p->title) {
			char *t = title_from_source(source);
			r = posting_set(&p->title, t ? t : "Open position", (size_t)-1);
			free(t);
		}
		if (!r)
			r = posting_finish(p, i - first);
		if (!r)
			r = import_mark_roles(p);
		if (!r)
			import_mark_boilerplate(p);
	}
	return r;
}

int import_set_date(char **field, const char *s)
{
	char *d = s ? import_date(s) : NULL;
	int r = d ? posting_set_default(field, d, (size_t)-1) : JK_OK;
	free(d);
	return r;
}

int import_set_text(char **field, const char *s)
{
	if (!s)
		return JK_OK;
	if (!strchr(s, '&'))
		return posting_set(field, s, (size_t)-1);
	char *d = import_decode_entities(s, strlen(s));
	int r = d ? posting_set(field, d, (size_t)-1) : JK_ENOMEM;
	free(d);
	return r;
}

/* Organisation names from titles ------------------------------------------- */

/* First words of a listing ("Recent Programming Jobs"), not of a name. */
static const char *const listing_words[] = {"recent",
                                            "latest",
                                            "newest",
                                            "all",
                                            "current",
                                            "featured",
                                            "top",
                                            "remote",
                                            "alle",
                                            "neueste",
                                            "aktuelle",
                                            "offene",
                                            "derni\xC3\xA8res",
                                            "\xC3\xBAltimas",
                                            "ultime",
                                            "\xE6\x9C\x80\xE6\x96\xB0"};

/* Lower-case words a name may hold ("Université de Montréal"). */
static const char *const name_links[] = {
    "de",  "du",         "des", "la",  "le",  "les", "of", "and", "the", "for",
    "und", "f\xC3\xBCr", "der", "die", "das", "y",   "e",  "et",  "del", "da",
    "van", "von",        "zu",  "am",  "an",  "in",  "on", "at",  "&"};

static bool word_in(const char *s, size_t n, const char *const *list, size_t nl)
{
	for (size_t i = 0; i < nl; i++)
		if (strlen(list[i]) == n && !strncasecmp(s, list[i], n))
			return true;
	return false;
}

/* Cuts a careers page's name at the end of t[0..*n): "Acme Careers",
 * "Acme 採用情報", "Acme採用" (glued in scripts without spaces). True
 * when one was cut. */
static bool cut_job_suffix(const char *t, size_t *n)
{
	/* A page's name is short: look only near the end. */
	for (size_t i = *n > 64 ? *n - 64 : 1; i < *n; i++) {
		bool cjk = (unsigned char)t[i] >= 0xE3; /* CJK scripts start at U+3000 */
		if ((t[i - 1] != ' ' && !cjk) || !import_page_name(t + i, *n - i))
			continue;
		size_t m = i;
		while (m && t[m - 1] == ' ')
			m--;
		if (m) {
			*n = m;
			return true;
		}
	}
	return false;
}

/* t[0..n) reads as a name: short, not a sentence or a slogan ("Find your
 * next remote job"), not a listing ("Recent Programming"). */
static bool name_like(const char *t, size_t n)
{
	size_t words = 0, lower = 0;
	if (!n || n > 80)
		return false;
	for (size_t i = 0; i < n;) {
		size_t k = strcspn(t + i, " ");
		k = k > n - i ? n - i : k;
		if (k && !words && word_in(t + i, k, listing_words, JK_ARRAY_LEN(listing_words)))
			return false;
		if (k && t[i] >= 'a' && t[i] <= 'z' &&
		    !word_in(t + i, k, name_links, JK_ARRAY_LEN(name_links)))
			lower++;
		if (k && strchr("!?", t[i + k - 1]))
			return false;
		words += k > 0;
		i += k + 1;
	}
	return words <= 8 && lower < 2 && !memchr(t, '|', n);
}

/* The organisation one title part names, as [*a, *a + *n); false when it
 * names none. */
static bool part_org(const char *t, size_t n, size_t *a, size_t *len)
{
	while (n && *t == ' ')
		t++, (*a)++, n--;
	while (n && t[n - 1] == ' ')
		n--;
	if (import_page_name(t, n))
		return false;
	/* "Careers at Acme", not "Join now" */
	size_t k = import_page_lead(t, n);
	if (k && !(t[k] >= 'a' && t[k] <= 'z') && name_like(t + k, n - k)) {
		*a += k;
		*len = n - k;
		return true;
	}
	cut_job_suffix(t, &n);
	*len = n;
	return name_like(t, n);
}

char *import_org_from_title(const char *title)
{
	if (!title)
		return NULL;
	char *t = jk_text_clean(title, (size_t)-1);
	if (!t)
		return NULL;
	/* The parts between separators, left to right: the first that names
	 * someone is the organisation. */
	for (size_t a = 0, n = strlen(t); a <= n;) {
		size_t b = n, sl = 0, at;
		if (import_title_sep(t + a, &at, &sl))
			b = a + at;
		size_t from = a, len = 0;
		if (part_org(t + a, b - a, &from, &len)) {
			memmove(t, t + from, len);
			t[len] = '\0';
			return t;
		}
		a = b + (sl ? sl : 1);
	}
	t[0] = '\0';
	return t;
}

/* Job boards ---------------------------------------------------------------- */

/* Labels a single company puts before its titles ("Hiring: ..."). */
static const char *const title_labels[] = {
    "hiring",     "urgent",   "new",    "remote", "job",    "wanted", "position", "vacancy",
    "internship", "featured", "update", "closed", "filled", "re",     "fwd"};

/* The length of the "Company" of a "Company: Title" title, 0 when t has
 * no such shape. */
static size_t company_prefix(const char *t)
{
	const char *colon = t ? strstr(t, ": ") : NULL;
	if (!colon || colon == t || strlen(colon + 2) < 2)
		return 0;
	size_t n = (size_t)(colon - t);
	if (n > 60 || memmem(t, n, ". ", 2) ||
	    word_in(t, n, title_labels, JK_ARRAY_LEN(title_labels)))
		return 0;
	size_t words = 1;
	for (size_t i = 0; i < n; i++)
		words += t[i] == ' ';
	return words <= 6 ? n : 0;
}

int import_board_split(posting_list *out, size_t first)
{
	size_t titled = 0, shaped = 0, one_n = 0;
	const char *one = NULL;
	bool differ = false;
	for (size_t i = first; i < out->n; i++) {
		const posting *p = out->items[i];
		if (p->organization)
			return JK_OK;
		size_t k = company_prefix(p->title);
		titled += p->title != NULL;
		shaped += k > 0;
		if (k && one && (k != one_n || strncmp(one, p->title, k)))
			differ = true;
		if (k && !one)
			one = p->title, one_n = k;
	}
	/* Two companies at least, and the shape is the board's rule. */
	if (shaped < 2 || !differ || shaped * 3 < titled * 2)
		return JK_OK;
	int r = JK_OK;
	for (size_t i = first; i < out->n && !r; i++) {
		posting *p = out->items[i];
		size_t k = company_prefix(p->title);
		if (!k)
			continue;
		r = posting_set(&p->organization, p->title, k);
		char *rest = r ? NULL : jk_strndup(p->title + k + 2, (size_t)-1);
		r = r ? r : rest ? posting_set(&p->title, rest, (size_t)-1) : JK_ENOMEM;
		free(rest);
	}
	return r;
}

/* The host of an http(s) URL, without "www.", as [*h, *h + *n). */
static bool url_host(const char *url, const char **h, size_t *n)
{
	const char *s = url ? strstr(url, "://") : NULL;
	if (!s)
		return false;
	s += 3;
	size_t k = strcspn(s, "/?#");
	const char *at = memchr(s, '@', k);
	if (at)
		k -= (size_t)(at + 1 - s), s = at + 1;
	const char *colon = memchr(s, ':', k);
	if (colon)
		k = (size_t)(colon - s);
	if (k > 4 && !strncasecmp(s, "www.", 4))
		s += 4, k -= 4;
	*h = s;
	*n = k;
	return k > 0;
}

/* mailto's domain and the page's host are one site: equal, or one under
 * the other (jobs@acme.com and careers.acme.com). */
static bool same_site(const char *mailto, const char *page)
{
	const char *h, *at = strchr(mailto, '@');
	size_t hn;
	if (!at || !url_host(page, &h, &hn))
		return false;
	at++;
	size_t dn = strcspn(at, "?&");
	const char *lo = dn < hn ? at : h, *hi = dn < hn ? h : at;
	size_t ln = dn < hn ? dn : hn, hn2 = dn < hn ? hn : dn;
	return !strncasecmp(hi + hn2 - ln, lo, ln) && (hn2 == ln || hi[hn2 - ln - 1] == '.');
}

int import_apply_item(posting *p, const import_links *links, const char *item_url, const char *base)
{
	char *page = item_url ? jk_text_clean(item_url, (size_t)-1) : NULL;
	char *u = page && *page ? import_url_accept(page, base) : NULL;
	free(page);
	int r = import_apply_choose(p, links, u ? u : base);
	if (!r && u && p->apply && !strncmp(p->apply, "mailto:", 7) && same_site(p->apply, u)) {
		/* An address on the page's own site: the page states the route
		 * too, and the address may be for questions. */
		free(p->apply);
		p->apply = u;
		u = NULL;
	}
	free(u);
	return r;
}

/* A new link at the end of l, its href and text copied; NULL when out of
 * memory. Its context is the caller's to set. */
static import_link *link_new(import_links *l, const char *href, const char *text)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		import_link *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return NULL;
		l->v = v;
		l->cap = cap;
	}
	import_link *k = &l->v[l->n];
	k->href = jk_strndup(href ? href : "", (size_t)-1);
	k->text = jk_text_clean(text, (size_t)-1);
	if (!k->href || !k->text) {
		free(k->href), free(k->text);
		return NULL;
	}
	return k;
}

int import_links_add(import_links *l, const char *href, const char *text, const char *context)
{
	import_link *k = link_new(l, href, text);
	if (k && !(k->context = jk_text_clean(context, (size_t)-1)))
		free(k->href), free(k->text), k = NULL;
	l->n += k != NULL;
	return k ? JK_OK : JK_ENOMEM;
}

int import_links_add_same(import_links *l, const char *href, const char *text)
{
	import_link *k = l->n ? link_new(l, href, text) : NULL;
	if (k)
		k->context = l->v[l->n++ - 1].context;
	return k ? JK_OK : l->n ? JK_ENOMEM : JK_EARG;
}

void import_links_pop(import_links *l)
{
	if (!l || !l->n)
		return;
	import_link *k = &l->v[--l->n];
	if (!l->n || l->v[l->n - 1].context != k->context)
		free(k->context); /* the last holder of a shared context */
	free(k->href), free(k->text);
}

void import_links_free(import_links *l)
{
	if (!l)
		return;
	while (l->n)
		import_links_pop(l);
	free(l->v);
	memset(l, 0, sizeof *l);
}

const char *html_base(const import_opts *opts)
{
	const char *s = opts ? opts->source : NULL;
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8)) ? s : NULL;
}

int import_set_detail(posting *p, const char *url, const char *base)
{
	char *u = url ? import_url_accept(url, base) : NULL;
	int r = JK_OK;
	if (u && !strncasecmp(u, "http", 4))
		r = posting_set_default(&p->detail, u, (size_t)-1);
	free(u);
	return r;
}

/* A path segment of n bytes that is "." or ".." (also written %2E). */
static bool dot_segment(const char *s, size_t n)
{
	size_t dots = 0;
	for (size_t i = 0; i < n; dots++) {
		if (s[i] == '.')
			i++;
		else if (n - i >= 3 && s[i] == '%' && s[i + 1] == '2' && (s[i + 2] | 0x20) == 'e')
			i += 3;
		else
			return false;
	}
	return dots == 1 || dots == 2;
}

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

char *import_url_extend(const char *prefix, size_t n, const char *tail, bool segment)
{
	if (!prefix || !tail)
		return NULL;
	for (const char *s = tail;; s++) {
		size_t k = segment ? strlen(s) : strcspn(s, "/");
		if (dot_segment(s, k))
			return NULL;
		s += k;
		if (!*s)
			break;
	}
	jk_buf b = {.limit = 4096};
	int r = jk_buf_append(&b, prefix, n);
	for (const char *c = tail; !r && *c; c++) {
		unsigned char u = (unsigned char)*c;
		bool keep = (u < 0x80 && (isalnum(u) || strchr("-._~!$&'()*+,;=:@", u))) ||
		            (u == '/' && !segment) || (u == '%' && is_hex(c[1]) && is_hex(c[2]));
		r = keep ? jk_buf_putc(&b, *c) : jk_buf_printf(&b, "%%%02X", u);
	}
	char *out = r ? NULL : import_url_accept(b.data, NULL);
	jk_buf_free(&b);
	if (out && strncasecmp(out, "http", 4)) {
		free(out);
		out = NULL;
	}
	return out;
}

int import_employment_word(char **field, const char *s, bool qualifier)
{
	if (!s)
		return JK_OK;
	while (*s == ' ')
		s++;
	size_t n = strlen(s), used = 0;
	while (n && s[n - 1] == ' ')
		n--;
	const char *kind = import_employment_kind(s, n, &used);
	return import_employment_add(field, kind && used == n ? kind : s, qualifier);
}
