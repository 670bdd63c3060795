/* frontmatter.c — layer 1c: the YAML (---) and TOML (+++) front matter of
 * Markdown posts, as Jekyll and Hugo write them: finds the block, has
 * fm_yaml.c or fm_toml.c collect its entries, and maps them onto the posting
 * with one table. */
#include "fm.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Mapping onto the posting -------------------------------------------------------- */

enum fm_field {
	F_TITLE,
	F_POSTED,
	F_ORG,
	F_LOC,
	F_EMP,
	F_TYPE, /* employment only when it says so: Hugo's "type" is the page type */
	F_PAY,
	F_APPLY,
	F_EXPIRES,
	F_TAGS,
	F_ID,
	F_DRAFT,
	F_HOW,     /* how_to_apply: a target, or prose with one inside */
	F_WEAK,    /* a key that may name the apply target (link, url) */
	F_CONTACT, /* an address to write to */
	F_LANG,    /* the language the posting is written in */
};

static const struct {
	const char *key;
	enum fm_field field;
} keymap[] = {
    {"title", F_TITLE},
    {"date", F_POSTED},
    {"posted", F_POSTED},
    {"date_posted", F_POSTED},
    {"dateposted", F_POSTED},
    {"publishdate", F_POSTED},
    {"company", F_ORG},
    {"organization", F_ORG},
    {"organisation", F_ORG},
    {"employer", F_ORG},
    {"hiringorganization", F_ORG},
    {"location", F_LOC},
    {"city", F_LOC},
    {"place", F_LOC},
    {"type", F_TYPE},
    {"employment", F_EMP},
    {"employment_type", F_EMP},
    {"employmenttype", F_EMP},
    {"jobtype", F_EMP},
    {"job_type", F_EMP},
    {"salary", F_PAY},
    {"pay", F_PAY},
    {"compensation", F_PAY},
    {"salary_range", F_PAY},
    {"pay_range", F_PAY},
    {"apply", F_APPLY},
    {"apply_url", F_APPLY},
    {"apply_link", F_APPLY},
    {"url_apply", F_APPLY},
    {"application_url", F_APPLY},
    {"application_link", F_APPLY},
    {"applyurl", F_APPLY},
    {"apply_email", F_APPLY},
    {"application_email", F_APPLY},
    {"how_to_apply", F_HOW},
    {"howtoapply", F_HOW},
    {"application", F_HOW},
    {"link", F_WEAK},
    {"url", F_WEAK},
    {"external_url", F_WEAK},
    {"externalurl", F_WEAK},
    {"external_link", F_WEAK},
    {"source_url", F_WEAK},
    {"job_url", F_WEAK},
    {"posting_url", F_WEAK},
    {"original_url", F_WEAK},
    {"contact_email", F_CONTACT},
    {"contact_mail", F_CONTACT},
    {"email", F_CONTACT},
    {"e_mail", F_CONTACT},
    {"mail", F_CONTACT},
    {"contact", F_CONTACT},
    {"expires", F_EXPIRES},
    {"expiry", F_EXPIRES},
    {"valid_through", F_EXPIRES},
    {"validthrough", F_EXPIRES},
    {"expirydate", F_EXPIRES},
    {"expiry_date", F_EXPIRES},
    {"closing_date", F_EXPIRES},
    {"deadline", F_EXPIRES},
    {"tags", F_TAGS},
    {"categories", F_TAGS},
    {"keywords", F_TAGS},
    {"id", F_ID},
    {"uid", F_ID},
    {"slug", F_ID},
    {"draft", F_DRAFT},
    {"lang", F_LANG},
    {"language", F_LANG},
    {"inlanguage", F_LANG},
};

/* The field a key path stands for, or -1. In the second pass
 * "params.company" is "company"; in either "hiringorganization.name" is
 * "hiringorganization" (schema.org style objects). */
static int field_of(const char *path, bool nested_pass)
{
	const char *k = nested_pass ? fm_key_bare(path) : path;
	if (nested_pass && k == path)
		return -1;
	char key[FM_KEY_MAX];
	const char *dot = strchr(k, '.');
	if (dot && strcmp(dot + 1, "name") != 0)
		return -1;
	snprintf(key, sizeof key, "%.*s", dot ? (int)(dot - k) : (int)strlen(k), k);
	for (char *c = key; *c; c++)
		if (*c == '-' || *c == ' ')
			*c = '_';
	for (size_t i = 0; i < JK_ARRAY_LEN(keymap); i++)
		if (!strcmp(key, keymap[i].key))
			return (int)keymap[i].field;
	return -1;
}

static bool truthy(const char *v)
{
	return !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on") ||
	       !strcmp(v, "1");
}

/* A value as plain text (Markdown, HTML and entities rendered); links in
 * it become apply candidates. Caller frees. */
static char *text_of(const char *v, import_fm *fm)
{
	return import_md_inline(v, (size_t)-1, &fm->links);
}

static int set_text(char **field, const char *v, import_fm *fm)
{
	if (*field)
		return JK_OK;
	char *t = text_of(v, fm);
	int r = t ? posting_set(field, t, (size_t)-1) : JK_ENOMEM;
	free(t);
	return r;
}

/* Joins a list value with sep ("Berlin, Remote"). Caller frees. */
static char *join(const fm_entry *e, const char *sep, import_fm *fm)
{
	jk_buf b = {0};
	int r = jk_buf_append(&b, "", 0);
	for (size_t i = 0; !r && i < e->n; i++) {
		char *c = text_of(e->items[i], fm);
		if (!c) {
			r = JK_ENOMEM;
			break;
		}
		if (*c && b.len)
			r = jk_buf_puts(&b, sep);
		if (!r)
			r = jk_buf_puts(&b, c);
		free(c);
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

static int set_date(char **field, const char *v)
{
	char *d = import_date(v);
	if (!d)
		return JK_OK; /* not a date: ignored, like any wrong type */
	int r = posting_set_default(field, d, (size_t)-1);
	free(d);
	return r;
}

static bool addr_char(char c, bool domain)
{
	return isalnum((unsigned char)c) || c == '.' || c == '-' ||
	       (!domain && (c == '_' || c == '+' || c == '%'));
}

/* The first email address written in v ("Jane <jane@example.org>") as a
 * mailto: target; NULL when there is none. Caller frees. */
static char *address_in(const char *v)
{
	for (const char *at = strchr(v, '@'); at; at = strchr(at + 1, '@')) {
		const char *a = at, *z = at + 1;
		while (a > v && addr_char(a[-1], false))
			a--;
		while (addr_char(*z, true))
			z++;
		while (z > at + 1 && (z[-1] == '.' || z[-1] == '-'))
			z--;
		if (a == at || !memchr(at + 1, '.', (size_t)(z - at - 1)))
			continue;
		jk_buf b = {0};
		char *url = NULL;
		if (!jk_buf_puts(&b, "mailto:") && !jk_buf_append(&b, a, (size_t)(z - a)))
			url = import_url_accept(b.data, NULL);
		jk_buf_free(&b);
		if (url)
			return url;
	}
	return NULL;
}

/* v as an apply target: a URL (resolved against base), a mailto:, or a
 * bare address. NULL when it is none of them. Caller frees. */
static char *target_of(const char *v, const char *base)
{
	char *c = jk_text_clean(v, (size_t)-1);
	if (!c)
		return NULL;
	char *url = NULL;
	bool word = !strchr(c, ' ');
	if (word && strchr(c, '@') && !strchr(c, ':') && !strchr(c, '/'))
		url = address_in(c);
	else if (word || !strncasecmp(c, "mailto:", 7) || !strncasecmp(c, "http", 4))
		url = import_url_accept(c, base); /* "mailto:a@b?subject=Stage tech" */
	free(c);
	return url;
}

/* apply, how_to_apply: a target is the apply target; prose (with a link
 * or an address inside) is kept for the caller to show and search. */
static int set_how(posting *p, const char *v, const char *base, import_fm *fm)
{
	char *url = target_of(v, base);
	int r = JK_OK;
	if (url && !p->apply)
		r = posting_set_default(&p->apply, url, (size_t)-1);
	else if (!url && !fm->how && strchr(v, ' ') && !(fm->how = jk_strndup(v, (size_t)-1)))
		r = JK_ENOMEM;
	free(url);
	return r;
}

/* A slide shows a handful of tags; the cap also keeps posting_add_tag's
 * duplicate check cheap. */
#define FM_TAGS_MAX 64

static int add_tag(posting *p, const char *s, size_t n, import_fm *fm)
{
	char *t = import_md_inline(s, n, &fm->links);
	int r = t ? posting_add_tag(p, t) : JK_ENOMEM;
	free(t);
	return r;
}

static int set_tags(posting *p, const fm_entry *e, import_fm *fm)
{
	int r = JK_OK;
	for (size_t i = 0; !r && i < e->n && p->ntags < FM_TAGS_MAX; i++) {
		if (e->list) {
			r = add_tag(p, e->items[i], (size_t)-1, fm);
			continue;
		}
		const char *s = e->items[i];
		while (!r && *s && p->ntags < FM_TAGS_MAX) {
			size_t k = strcspn(s, ",");
			r = add_tag(p, s, k, fm);
			s += k + (s[k] == ',');
		}
	}
	return r;
}

static int set_employment(posting *p, const fm_entry *e, import_fm *fm)
{
	int r = JK_OK;
	for (size_t i = 0; i < e->n && !r; i++) {
		char *t = text_of(e->items[i], fm);
		r = t ? import_employment_add(&p->employment, t, false) : JK_ENOMEM;
		free(t);
	}
	return r;
}

/* Keys that may name a target or an address: the first usable one. */
static int set_candidate(char **slot, const char *v, const char *base, bool address)
{
	if (*slot)
		return JK_OK;
	*slot = address ? (strstr(v, "mailto:") ? target_of(v, base) : address_in(v))
	                : target_of(v, base);
	return JK_OK;
}

static int apply_entry(posting *p, const fm_entry *e, int field, const char *base, import_fm *fm)
{
	const char *v = e->n ? e->items[0] : "";
	bool scalar = !e->list && e->n == 1;
	char *joined = NULL;
	int r = JK_OK;
	switch ((enum fm_field)field) {
	case F_TITLE:
		return scalar ? set_text(&p->title, v, fm) : JK_OK;
	case F_POSTED:
		return scalar ? set_date(&p->posted, v) : JK_OK;
	case F_EXPIRES:
		return scalar ? set_date(&p->expires, v) : JK_OK;
	case F_ORG:
		return scalar ? set_text(&p->organization, v, fm) : JK_OK;
	case F_PAY:
		return scalar ? set_text(&p->pay, v, fm) : JK_OK;
	case F_ID:
		return scalar ? posting_set_default(&p->native_id, v, (size_t)-1) : JK_OK;
	case F_APPLY:
	case F_HOW:
		return scalar ? set_how(p, v, base, fm) : JK_OK;
	case F_WEAK:
		return scalar ? set_candidate(&fm->weak, v, base, false) : JK_OK;
	case F_CONTACT:
		return scalar ? set_candidate(&fm->contact, v, base, true) : JK_OK;
	case F_TAGS:
		return set_tags(p, e, fm);
	case F_LANG:
		if (scalar && !fm->lang && !(fm->lang = jk_strndup(v, (size_t)-1)))
			return JK_ENOMEM;
		return JK_OK;
	case F_DRAFT:
		if (scalar && truthy(v))
			fm->draft = true;
		return JK_OK;
	case F_LOC:
		if (p->location)
			return JK_OK;
		joined = join(e, ", ", fm);
		r = joined ? posting_set_default(&p->location, joined, (size_t)-1) : JK_ENOMEM;
		free(joined);
		return r;
	case F_TYPE:
		/* "type: posts" names a Hugo layout; "type: Full-time" a job. */
		if (!e->n || !import_employment_kind(v, strlen(v), NULL))
			return JK_OK;
		/* fall through */
	case F_EMP:
		return p->employment ? JK_OK : set_employment(p, e, fm);
	}
	return JK_OK;
}

static int map_entries(posting *p, const fm_entries *e, const char *base, import_fm *fm)
{
	int r = JK_OK;
	/* Top-level keys first, then those of [params] and the like; the
	 * mappings of lists (sections, links) are fm_content's. */
	for (int pass = 0; pass < 2 && !r; pass++)
		for (size_t i = 0; i < e->n && !r; i++) {
			int f = e->v[i].item ? -1 : field_of(e->v[i].key, pass == 1);
			if (f >= 0)
				r = apply_entry(p, &e->v[i], f, base, fm);
		}
	return r;
}

void import_fm_free(import_fm *fm)
{
	if (!fm)
		return;
	free(fm->text);
	free(fm->how);
	free(fm->weak);
	free(fm->contact);
	free(fm->jsonld);
	free(fm->lang);
	import_links_free(&fm->links);
	fm->text = fm->how = fm->weak = fm->contact = fm->jsonld = fm->lang = NULL;
}

/* Finding the block ------------------------------------------------------------- */

/* Whether the line [s, eol) is the delimiter d, trailing blanks allowed. */
static bool is_delim(const char *s, const char *eol, const char *d)
{
	size_t n = strlen(d);
	if ((size_t)(eol - s) < n || memcmp(s, d, n) != 0)
		return false;
	for (s += n; s < eol; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return false;
	return true;
}

/* Keys besides the mapped ones that mark lines as front matter. */
static const char *const page_keys[] = {
    "layout",  "permalink", "author", "authors", "excerpt",      "description", "summary",
    "sitemap", "published", "weight", "share",   "comments",     "header",      "image",
    "aliases", "menu",      "toc",    "slug",    "redirect_from"};

/* "key: value" (YAML) or "key = value" (TOML) with a lower-case key as
 * generators write them; *known when front matter has such a key. */
static bool key_line(const char *s, const char *eol, bool yaml, bool *known)
{
	const char *k = s;
	while (k < eol &&
	       (islower((unsigned char)*k) || isdigit((unsigned char)*k) || *k == '_' || *k == '-'))
		k++;
	const char *v = k;
	while (!yaml && v < eol && *v == ' ')
		v++;
	if (k == s || !islower((unsigned char)*s) || v >= eol || *v != (yaml ? ':' : '=') ||
	    (yaml && v + 1 < eol && !strchr(" \t\r", v[1])) || k - s >= FM_KEY_MAX)
		return false;
	char key[FM_KEY_MAX];
	snprintf(key, sizeof key, "%.*s", (int)(k - s), s);
	*known = *known || field_of(key, false) >= 0;
	for (size_t i = 0; i < JK_ARRAY_LEN(page_keys) && !*known; i++)
		*known = !strcmp(key, page_keys[i]);
	return true;
}

/* Key lines right after the closing delimiter are still front matter: a
 * run of them (with list items and indented lines under them) that a
 * second delimiter closes, or that holds a key front matter has and ends
 * at a blank line. Returns where the body starts, from when there are
 * none. */
static size_t leftover(const char *data, size_t len, size_t from, bool yaml)
{
	const char *q = data + from, *end = data + len;
	bool keys = false, known = false;
	while (q < end) {
		const char *e = memchr(q, '\n', (size_t)(end - q));
		e = e ? e : end;
		const char *next = e < end ? e + 1 : end;
		if (keys && (yaml ? is_delim(q, e, "---") : is_delim(q, e, "+++")))
			return (size_t)(next - data);
		if (is_delim(q, e, ""))
			break;
		bool item = keys && (*q == ' ' || *q == '\t' || (yaml && *q == '-'));
		if (!item && !key_line(q, e, yaml, &known))
			return from;
		keys = true;
		q = next;
	}
	return keys && known ? (size_t)(q - data) : from;
}

/* Finds the block: *inner and *n its text, fm->body after it. Returns
 * 0 (no front matter: *inner NULL) or a failure with err set. */
static int find_block(const char *data, size_t len, import_fm *fm, const char **inner, size_t *n,
                      size_t *open_line, bool *yaml, jk_err *err)
{
	const char *s = data, *end = data + len;
	size_t line = 1;
	*inner = NULL;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	/* Blank lines before the opening delimiter are allowed. */
	for (;;) {
		const char *q = s;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q >= end || *q != '\n')
			break;
		s = q + 1;
		line++;
	}
	const char *eol = memchr(s, '\n', (size_t)(end - s));
	if (!eol)
		eol = end;
	*yaml = is_delim(s, eol, "---");
	if (!*yaml && !is_delim(s, eol, "+++"))
		return JK_OK;
	*open_line = line;
	const char *in = eol < end ? eol + 1 : end, *q = in;
	while (q < end) {
		const char *e = memchr(q, '\n', (size_t)(end - q));
		if (!e)
			e = end;
		if (*yaml ? is_delim(q, e, "---") || is_delim(q, e, "...")
		          : is_delim(q, e, "+++")) {
			fm->body = (size_t)((e < end ? e + 1 : end) - data);
			*inner = in;
			*n = (size_t)(q - in);
			return *n > IMPORT_FM_MAX
			           ? jk_fail(err, JK_ETOOBIG,
			                     "front matter too large (%zu KB, limit %zu KB)",
			                     *n >> 10, IMPORT_FM_MAX >> 10)
			           : JK_OK;
		}
		q = e < end ? e + 1 : end;
	}
	return jk_fail(err, JK_EFORMAT, "front matter opened on line %zu never closes", line);
}

int import_frontmatter(const char *data, size_t len, const char *base, posting *p, import_fm *fm,
                       jk_err *err)
{
	memset(fm, 0, sizeof *fm);
	const char *inner;
	size_t n = 0, open_line = 1;
	bool yaml;
	int r = find_block(data, len, fm, &inner, &n, &open_line, &yaml, err);
	if (r || !inner)
		return r;
	fm->present = true;
	fm_entries e = {0};
	r = yaml ? fm_parse_yaml(inner, n, open_line, &e, err) : fm_parse_toml(inner, n, &e);
	size_t body = leftover(data, len, fm->body, yaml);
	if (!r && body > fm->body && body - fm->body <= IMPORT_FM_MAX) {
		/* Read like the block, but a mistake there costs only the lines. */
		jk_err ignored = {0};
		const char *left = data + fm->body;
		r = yaml ? fm_parse_yaml(left, body - fm->body, 0, &e, &ignored)
		         : fm_parse_toml(left, body - fm->body, &e);
		r = r == JK_ENOMEM ? r : JK_OK;
	}
	fm->body = body;
	if (!r)
		r = map_entries(p, &e, base, fm);
	if (!r)
		r = fm_content(&e, fm);
	fm_entries_free(&e);
	if (r == JK_ENOMEM)
		jk_fail(err, r, "out of memory");
	return r;
}
