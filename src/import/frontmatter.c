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
	F_DRAFT
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
    {"apply", F_APPLY},
    {"apply_url", F_APPLY},
    {"apply_link", F_APPLY},
    {"url_apply", F_APPLY},
    {"application_url", F_APPLY},
    {"applyurl", F_APPLY},
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
};

/* Tables whose keys count as top-level ones (Hugo's [params]). */
static const char *const nests[] = {"params", "extra", "job", "jobposting", "posting"};

/* The field a key path stands for, or -1. "params.company" is "company";
 * "hiringorganization.name" is "hiringorganization". */
static int field_of(const char *path, bool nested_pass)
{
	char k[FM_KEY_MAX];
	const char *dot = strchr(path, '.');
	if (dot && !nested_pass) {
		/* "X.name" stands for X (schema.org style objects). */
		if (strcmp(dot + 1, "name") != 0)
			return -1;
		snprintf(k, sizeof k, "%.*s", (int)(dot - path), path);
	} else if (dot) {
		bool nest = false;
		for (size_t i = 0; i < JK_ARRAY_LEN(nests); i++)
			nest |= strlen(nests[i]) == (size_t)(dot - path) &&
			        !strncmp(path, nests[i], (size_t)(dot - path));
		if (!nest)
			return -1;
		snprintf(k, sizeof k, "%s", dot + 1);
	} else if (nested_pass) {
		return -1;
	} else {
		snprintf(k, sizeof k, "%s", path);
	}
	for (char *c = k; *c; c++)
		if (*c == '-' || *c == ' ')
			*c = '_';
	for (size_t i = 0; i < JK_ARRAY_LEN(keymap); i++)
		if (!strcmp(k, keymap[i].key))
			return (int)keymap[i].field;
	return -1;
}

static bool truthy(const char *v)
{
	return !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on") ||
	       !strcmp(v, "1");
}

/* Joins a list value with sep ("Berlin, Remote"). Caller frees. */
static char *join(const fm_entry *e, const char *sep)
{
	jk_buf b = {0};
	int r = jk_buf_append(&b, "", 0);
	for (size_t i = 0; !r && i < e->n; i++) {
		char *c = jk_text_clean(e->items[i], (size_t)-1);
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

static int set_apply(posting *p, const char *v, const char *base)
{
	char *c = jk_text_clean(v, (size_t)-1);
	if (!c)
		return JK_ENOMEM;
	char *url = NULL;
	if (strchr(c, '@') && !strchr(c, ':') && !strchr(c, '/')) {
		jk_buf b = {0};
		if (!jk_buf_puts(&b, "mailto:") && !jk_buf_puts(&b, c))
			url = import_url_accept(b.data, NULL);
		jk_buf_free(&b);
	} else {
		url = import_url_accept(c, base);
	}
	free(c);
	int r = url ? posting_set_default(&p->apply, url, (size_t)-1) : JK_OK;
	free(url);
	return r;
}

/* A slide shows a handful of tags; the cap also keeps posting_add_tag's
 * duplicate check cheap. */
#define FM_TAGS_MAX 64

static int set_tags(posting *p, const fm_entry *e)
{
	int r = JK_OK;
	for (size_t i = 0; !r && i < e->n && p->ntags < FM_TAGS_MAX; i++) {
		if (e->list) {
			r = posting_add_tag(p, e->items[i]);
			continue;
		}
		char *s = e->items[i];
		while (!r && *s && p->ntags < FM_TAGS_MAX) {
			size_t k = strcspn(s, ",");
			char *tag = jk_strndup(s, k);
			r = tag ? posting_add_tag(p, tag) : JK_ENOMEM;
			free(tag);
			s += k + (s[k] == ',');
		}
	}
	return r;
}

static int apply_entry(posting *p, const fm_entry *e, int field, const char *base, import_fm *fm)
{
	const char *v = e->n ? e->items[0] : "";
	bool scalar = !e->list && e->n == 1;
	char *joined = NULL;
	int r = JK_OK;
	switch ((enum fm_field)field) {
	case F_TITLE:
		return scalar ? posting_set_default(&p->title, v, (size_t)-1) : JK_OK;
	case F_POSTED:
		return scalar ? set_date(&p->posted, v) : JK_OK;
	case F_EXPIRES:
		return scalar ? set_date(&p->expires, v) : JK_OK;
	case F_ORG:
		return scalar ? posting_set_default(&p->organization, v, (size_t)-1) : JK_OK;
	case F_PAY:
		return scalar ? posting_set_default(&p->pay, v, (size_t)-1) : JK_OK;
	case F_ID:
		return scalar ? posting_set_default(&p->native_id, v, (size_t)-1) : JK_OK;
	case F_APPLY:
		return scalar ? set_apply(p, v, base) : JK_OK;
	case F_TAGS:
		return set_tags(p, e);
	case F_DRAFT:
		if (scalar && truthy(v))
			fm->draft = true;
		return JK_OK;
	case F_LOC:
		joined = join(e, ", ");
		r = joined ? posting_set_default(&p->location, joined, (size_t)-1) : JK_ENOMEM;
		free(joined);
		return r;
	case F_TYPE:
		/* "type: posts" names a Hugo layout; "type: Full-time" a job. */
		if (!e->n || !import_employment_kind(v, strlen(v), NULL))
			return JK_OK;
		/* fall through */
	case F_EMP:
		if (p->employment)
			return JK_OK;
		for (size_t i = 0; i < e->n && !r; i++)
			r = import_employment_add(&p->employment, e->items[i], false);
		return r;
	}
	return JK_OK;
}

static int map_entries(posting *p, const fm_entries *e, const char *base, import_fm *fm)
{
	int r = JK_OK;
	/* Top-level keys first, then those of [params] and the like. */
	for (int pass = 0; pass < 2 && !r; pass++)
		for (size_t i = 0; i < e->n && !r; i++) {
			int f = field_of(e->v[i].key, pass == 1);
			if (f >= 0)
				r = apply_entry(p, &e->v[i], f, base, fm);
		}
	return r;
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

int import_frontmatter(const char *data, size_t len, const char *base, posting *p, import_fm *fm,
                       jk_err *err)
{
	memset(fm, 0, sizeof *fm);
	const char *s = data, *end = data + len;
	size_t line = 1;
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
	bool yaml = is_delim(s, eol, "---"), toml = is_delim(s, eol, "+++");
	if (!yaml && !toml)
		return JK_OK;
	size_t open_line = line;
	const char *inner = eol < end ? eol + 1 : end, *close = NULL, *q = inner;
	while (q < end) {
		line++;
		const char *e = memchr(q, '\n', (size_t)(end - q));
		if (!e)
			e = end;
		if (yaml ? is_delim(q, e, "---") || is_delim(q, e, "...") : is_delim(q, e, "+++")) {
			close = q;
			fm->body = (size_t)((e < end ? e + 1 : end) - data);
			break;
		}
		q = e < end ? e + 1 : end;
	}
	if (!close)
		return jk_fail(err, JK_EFORMAT, "front matter opened on line %zu never closes",
		               open_line);
	size_t n = (size_t)(close - inner);
	if (n > IMPORT_FM_MAX)
		return jk_fail(err, JK_ETOOBIG, "front matter too large (%zu KB, limit %zu KB)",
		               n >> 10, IMPORT_FM_MAX >> 10);
	fm->present = true;
	fm_entries e = {0};
	int r = yaml ? fm_parse_yaml(inner, n, open_line, &e, err) : fm_parse_toml(inner, n, &e);
	if (!r)
		r = map_entries(p, &e, base, fm);
	fm_entries_free(&e);
	if (r == JK_ENOMEM)
		jk_fail(err, r, "out of memory");
	return r;
}
