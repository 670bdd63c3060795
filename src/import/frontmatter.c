/* frontmatter.c — YAML (libyaml, event API) and TOML (a small reader for
 * what Hugo writes) front matter. Both parsers only collect flat entries
 * ("title", "params.company") of scalars or lists of scalars; one table maps
 * them onto the posting. Aliases are never expanded and nesting is capped,
 * so alias bombs and 100,000-deep brackets cost nothing. */
#include "frontmatter.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#define FM_DEPTH 32       /* deeper nesting is an error, not recursion */
#define FM_ENTRIES 4096   /* entries kept; more are ignored */
#define FM_EVENTS 1000000 /* YAML events read before giving up */
#define FM_ANCHORS 64     /* scalar anchors remembered for aliases */
#define FM_KEY_MAX 128

/* Collected entries ------------------------------------------------------------ */

typedef struct fm_entry {
	char *key;    /* lower-case path, '.'-joined: "params.company" */
	char **items; /* the scalar, or the list's scalars */
	size_t n;
	bool list;
} fm_entry;

typedef struct fm_entries {
	fm_entry *v;
	size_t n, cap;
} fm_entries;

static void entries_free(fm_entries *e)
{
	for (size_t i = 0; i < e->n; i++) {
		for (size_t k = 0; k < e->v[i].n; k++)
			free(e->v[i].items[k]);
		free(e->v[i].items);
		free(e->v[i].key);
	}
	free(e->v);
	memset(e, 0, sizeof *e);
}

/* Adds an entry taking ownership of items[0..n) (freed on failure too). */
static int entries_add(fm_entries *e, const char *key, char **items, size_t n, bool list)
{
	int r = JK_OK;
	char *k = NULL;
	if (e->n >= FM_ENTRIES)
		goto drop;
	if (e->n == e->cap) {
		size_t cap = e->cap ? e->cap * 2 : 16;
		fm_entry *v = realloc(e->v, cap * sizeof *v);
		if (!v) {
			r = JK_ENOMEM;
			goto drop;
		}
		e->v = v;
		e->cap = cap;
	}
	k = jk_strndup(key, (size_t)-1);
	if (!k) {
		r = JK_ENOMEM;
		goto drop;
	}
	for (char *c = k; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	e->v[e->n++] = (fm_entry){k, items, n, list};
	return JK_OK;
drop:
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return r;
}

/* Adds a one-scalar entry with a copy of s[0..n). */
static int entries_add_scalar(fm_entries *e, const char *key, const char *s, size_t n)
{
	char **items = malloc(sizeof *items);
	if (!items)
		return JK_ENOMEM;
	items[0] = jk_strndup(s, n);
	if (!items[0]) {
		free(items);
		return JK_ENOMEM;
	}
	return entries_add(e, key, items, 1, false);
}

/* A growable list of strings for list entries. */
typedef struct strv {
	char **v;
	size_t n, cap;
} strv;

static int strv_push(strv *s, const char *p, size_t n)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		char **v = realloc(s->v, cap * sizeof *v);
		if (!v)
			return JK_ENOMEM;
		s->v = v;
		s->cap = cap;
	}
	char *c = jk_strndup(p, n);
	if (!c)
		return JK_ENOMEM;
	s->v[s->n++] = c;
	return JK_OK;
}

static void strv_free(strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* "parent.key", or key at the top; NULL (skip) past two levels or when the
 * key is too long to be one we map. */
static bool child_path(char *out, const char *parent, const char *key, size_t keylen)
{
	size_t pl = strlen(parent);
	if (keylen == 0 || pl + keylen + 2 > FM_KEY_MAX || memchr(key, '.', keylen) != NULL)
		return false;
	if (pl) {
		if (memchr(parent, '.', pl))
			return false;
		memcpy(out, parent, pl);
		out[pl++] = '.';
	}
	memcpy(out + pl, key, keylen);
	out[pl + keylen] = '\0';
	return true;
}

/* YAML -------------------------------------------------------------------------- */

typedef struct yanchor {
	char *name, *value;
} yanchor;

typedef struct yctx {
	yaml_parser_t parser;
	yaml_event_t ev;
	bool have_ev;
	size_t events;
	size_t line0; /* file line of the front matter's first line, minus 1 */
	yanchor anchors[FM_ANCHORS];
	size_t nanchors;
	fm_entries *out;
	jk_err *err;
} yctx;

static int y_next(yctx *c)
{
	if (c->have_ev)
		yaml_event_delete(&c->ev);
	c->have_ev = false;
	if (++c->events > FM_EVENTS)
		return jk_fail(c->err, JK_EFORMAT, "front matter too complex (over %d items)",
		               FM_EVENTS);
	if (!yaml_parser_parse(&c->parser, &c->ev)) {
		if (c->parser.error == YAML_MEMORY_ERROR)
			return jk_fail(c->err, JK_ENOMEM, "out of memory");
		const yaml_parser_t *y = &c->parser;
		const char *problem = y->problem ? y->problem : "syntax error";
		if (y->context)
			return jk_fail(
			    c->err, JK_EFORMAT,
			    "front matter: YAML error on line %zu: %s (%s from line %zu)",
			    c->line0 + y->problem_mark.line + 1, problem, y->context,
			    c->line0 + y->context_mark.line + 1);
		return jk_fail(c->err, JK_EFORMAT, "front matter: YAML error on line %zu: %s",
		               c->line0 + y->problem_mark.line + 1, problem);
	}
	c->have_ev = true;
	return JK_OK;
}

static bool y_plain_null(const yaml_event_t *ev)
{
	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *v = (const char *)ev->data.scalar.value;
	return !*v || !strcmp(v, "~") || !strcasecmp(v, "null");
}

static int y_remember(yctx *c, const yaml_char_t *anchor, const char *value, size_t n)
{
	if (!anchor || c->nanchors >= FM_ANCHORS)
		return JK_OK;
	yanchor *a = &c->anchors[c->nanchors];
	a->name = jk_strndup((const char *)anchor, (size_t)-1);
	a->value = jk_strndup(value, n);
	if (!a->name || !a->value) {
		free(a->name), free(a->value);
		return JK_ENOMEM;
	}
	c->nanchors++;
	return JK_OK;
}

/* The scalar an alias names, or NULL (unknown, or not a scalar). The last
 * definition of a name wins, as in YAML. */
static const char *y_alias(const yctx *c, const yaml_char_t *name)
{
	for (size_t i = c->nanchors; i-- > 0;)
		if (!strcmp(c->anchors[i].name, (const char *)name))
			return c->anchors[i].value;
	return NULL;
}

/* The scalar of the current event (alias resolved), or NULL. */
static const char *y_scalar(yctx *c, size_t *n, bool *null)
{
	*null = false;
	if (c->ev.type == YAML_SCALAR_EVENT) {
		*n = c->ev.data.scalar.length;
		*null = y_plain_null(&c->ev);
		return (const char *)c->ev.data.scalar.value;
	}
	if (c->ev.type == YAML_ALIAS_EVENT) {
		const char *v = y_alias(c, c->ev.data.alias.anchor);
		*n = v ? strlen(v) : 0;
		return v;
	}
	return NULL;
}

/* Consumes the node that starts with the current event; records it under
 * path (NULL: just skip it). */
static int y_node(yctx *c, const char *path, int depth)
{
	int r = JK_OK;
	size_t n;
	bool null;
	yaml_event_type_t t = c->ev.type;
	if (t == YAML_SCALAR_EVENT || t == YAML_ALIAS_EVENT) {
		const char *v = y_scalar(c, &n, &null);
		if (v && t == YAML_SCALAR_EVENT)
			r = y_remember(c, c->ev.data.scalar.anchor, v, n);
		if (!r && v && path && !null)
			r = entries_add_scalar(c->out, path, v, n);
		return r;
	}
	if (t != YAML_SEQUENCE_START_EVENT && t != YAML_MAPPING_START_EVENT)
		return jk_fail(c->err, JK_EFORMAT, "front matter: unexpected YAML structure");
	if (depth >= FM_DEPTH)
		return jk_fail(c->err, JK_EFORMAT,
		               "front matter nested deeper than %d levels (line %zu)", FM_DEPTH,
		               c->line0 + c->ev.start_mark.line + 1);
	if (t == YAML_SEQUENCE_START_EVENT) {
		strv items = {0};
		while (!(r = y_next(c)) && c->ev.type != YAML_SEQUENCE_END_EVENT) {
			const char *v = y_scalar(c, &n, &null);
			if (v && c->ev.type == YAML_SCALAR_EVENT)
				r = y_remember(c, c->ev.data.scalar.anchor, v, n);
			if (!r && v && path && !null)
				r = strv_push(&items, v, n);
			else if (!r && !v)
				r = y_node(c, NULL, depth + 1);
			if (r)
				break;
		}
		if (!r && path) {
			r = entries_add(c->out, path, items.v, items.n, true);
			items = (strv){0};
		}
		strv_free(&items);
		return r;
	}
	while (!(r = y_next(c)) && c->ev.type != YAML_MAPPING_END_EVENT) {
		char child[FM_KEY_MAX];
		bool keep = false;
		if (c->ev.type == YAML_SCALAR_EVENT) {
			keep =
			    path && child_path(child, path, (const char *)c->ev.data.scalar.value,
			                       c->ev.data.scalar.length);
			r = y_remember(c, c->ev.data.scalar.anchor,
			               (const char *)c->ev.data.scalar.value,
			               c->ev.data.scalar.length);
		} else if (c->ev.type != YAML_ALIAS_EVENT) {
			r = y_node(c, NULL, depth + 1); /* a complex key */
		}
		if (!r)
			r = y_next(c);
		if (!r)
			r = y_node(c, keep ? child : NULL, depth + 1);
		if (r)
			break;
	}
	return r;
}

static int parse_yaml(const char *s, size_t n, size_t line0, fm_entries *out, jk_err *err)
{
	yctx c = {.line0 = line0, .out = out, .err = err};
	if (!yaml_parser_initialize(&c.parser))
		return jk_fail(err, JK_ENOMEM, "out of memory");
	yaml_parser_set_input_string(&c.parser, (const unsigned char *)s, n);
	yaml_parser_set_encoding(&c.parser, YAML_UTF8_ENCODING);
	int r = y_next(&c); /* stream start */
	if (!r)
		r = y_next(&c);
	if (!r && c.ev.type == YAML_DOCUMENT_START_EVENT) {
		r = y_next(&c);
		/* Only a mapping holds fields; a lone scalar or list is ignored. */
		if (!r)
			r = y_node(&c, c.ev.type == YAML_MAPPING_START_EVENT ? "" : NULL, 0);
		if (!r)
			r = y_next(&c); /* document end, or the error after the node */
	}
	if (c.have_ev)
		yaml_event_delete(&c.ev);
	for (size_t i = 0; i < c.nanchors; i++)
		free(c.anchors[i].name), free(c.anchors[i].value);
	yaml_parser_delete(&c.parser);
	return r;
}

/* TOML ------------------------------------------------------------------------- */

typedef struct tctx {
	const char *p, *end;
	fm_entries *out;
	char table[FM_KEY_MAX]; /* current [table] path, "" at the top */
	bool skip;              /* inside an [[array of tables]] */
} tctx;

static void t_ws(tctx *t)
{
	while (t->p < t->end && (*t->p == ' ' || *t->p == '\t'))
		t->p++;
}

static void t_eol(tctx *t)
{
	while (t->p < t->end && *t->p != '\n')
		t->p++;
	if (t->p < t->end)
		t->p++;
}

/* White space, newlines and comments (inside arrays and between lines). */
static void t_ws_nl(tctx *t)
{
	for (;;) {
		t_ws(t);
		if (t->p < t->end && (*t->p == '\n' || *t->p == '\r'))
			t->p++;
		else if (t->p < t->end && *t->p == '#')
			while (t->p < t->end && *t->p != '\n')
				t->p++;
		else
			return;
	}
}

static bool t_starts(const tctx *t, const char *s)
{
	size_t n = strlen(s);
	return (size_t)(t->end - t->p) >= n && !memcmp(t->p, s, n);
}

static int t_hex(tctx *t, int digits, uint32_t *cp)
{
	uint32_t v = 0;
	for (int i = 0; i < digits; i++) {
		if (t->p >= t->end || !isxdigit((unsigned char)*t->p))
			return -1;
		int c = tolower((unsigned char)*t->p++);
		v = v * 16 + (uint32_t)(isdigit(c) ? c - '0' : c - 'a' + 10);
	}
	*cp = v;
	return 0;
}

/* A string at t->p (quote not yet consumed) into b. Returns 1 when read, 0
 * when it is not terminated (t->p then at the end of the line or input),
 * negative on error. */
static int t_string(tctx *t, jk_buf *b)
{
	bool literal = *t->p == '\'';
	const char *q = literal ? "'''" : "\"\"\"";
	bool multi = t_starts(t, q);
	t->p += multi ? 3 : 1;
	if (multi && t->p < t->end && *t->p == '\n')
		t->p++; /* a newline right after the opening quotes is trimmed */
	else if (multi && t_starts(t, "\r\n"))
		t->p += 2;
	int r = jk_buf_append(b, "", 0);
	while (!r && t->p < t->end) {
		char c = *t->p;
		if (multi ? t_starts(t, q) : c == q[0]) {
			t->p += multi ? 3 : 1;
			return 1;
		}
		if (!multi && (c == '\n' || c == '\r'))
			return 0;
		t->p++;
		if (c != '\\' || literal) {
			r = jk_buf_putc(b, c);
			continue;
		}
		if (t->p >= t->end)
			return 0;
		char e = *t->p++;
		uint32_t cp = 0;
		const char *map = strchr("btnfr\"\\", e);
		if (map && e) {
			r = jk_buf_putc(b, "\b\t\n\f\r\"\\"[map - "btnfr\"\\"]);
		} else if (e == 'u' || e == 'U') {
			if (t_hex(t, e == 'u' ? 4 : 8, &cp))
				cp = 0xFFFD;
			char tmp[4];
			r = jk_buf_append(b, tmp, jk_utf8_encode(cp, tmp));
		} else if (multi && (e == '\n' || e == ' ' || e == '\t' || e == '\r')) {
			/* line-ending backslash: trims the white space that follows */
			while (t->p < t->end && strchr(" \t\r\n", *t->p))
				t->p++;
		} else {
			r = jk_buf_putc(b, '\\');
			if (!r)
				r = jk_buf_putc(b, e);
		}
	}
	return r ? r : 0;
}

/* A bare value (number, boolean, date, date-time) into b. */
static int t_bare(tctx *t, jk_buf *b)
{
	const char *s = t->p;
	while (t->p < t->end && !strchr(" \t\r\n,]}#", *t->p))
		t->p++;
	/* "1979-05-27 07:32:00Z": a date-time may use a space. */
	if (t->p - s == 10 && s[4] == '-' && t->end - t->p > 2 && t->p[0] == ' ' &&
	    isdigit((unsigned char)t->p[1])) {
		t->p++;
		while (t->p < t->end && !strchr(" \t\r\n,]}#", *t->p))
			t->p++;
	}
	return jk_buf_append(b, s, (size_t)(t->p - s));
}

static int t_value(tctx *t, const char *path, int depth);

/* [a, "b", 3]: strings and other scalars become the list; nested arrays
 * and tables are skipped. */
static int t_array(tctx *t, const char *path, int depth)
{
	strv items = {0};
	jk_buf b = {0};
	int r = JK_OK;
	t->p++;
	for (;;) {
		t_ws_nl(t);
		if (t->p >= t->end)
			break;
		if (*t->p == ']') {
			t->p++;
			break;
		}
		if (*t->p == ',') {
			t->p++;
			continue;
		}
		b.len = 0;
		if (*t->p == '"' || *t->p == '\'') {
			int k = t_string(t, &b);
			if (k < 0) {
				r = k;
				break;
			}
			if (k == 0) { /* unterminated: the array is lost */
				strv_free(&items);
				break;
			}
			r = strv_push(&items, b.data, b.len);
		} else if (*t->p == '[' || *t->p == '{') {
			r = t_value(t, NULL, depth + 1);
		} else {
			const char *before = t->p;
			r = t_bare(t, &b);
			if (!r && b.len)
				r = strv_push(&items, b.data, b.len);
			if (t->p == before) /* a stray character: skip it */
				t->p++;
		}
		if (r)
			break;
	}
	jk_buf_free(&b);
	if (!r && path && items.n) {
		r = entries_add(t->out, path, items.v, items.n, true);
		items = (strv){0};
	}
	strv_free(&items);
	return r;
}

static int t_key(tctx *t, char *out);

/* { a = "x", b = 1 }: entries "path.a", "path.b" one level down. */
static int t_inline_table(tctx *t, const char *path, int depth)
{
	int r = JK_OK;
	t->p++;
	while (!r) {
		t_ws(t);
		if (t->p >= t->end || *t->p == '\n' || *t->p == '}') {
			if (t->p < t->end && *t->p == '}')
				t->p++;
			break;
		}
		if (*t->p == ',') {
			t->p++;
			continue;
		}
		char key[FM_KEY_MAX], child[FM_KEY_MAX];
		const char *before = t->p;
		if (t_key(t, key) != 0) {
			if (t->p == before)
				t->p++;
			continue;
		}
		t_ws(t);
		if (t->p >= t->end || *t->p != '=')
			continue;
		t->p++;
		t_ws(t);
		bool keep = path && child_path(child, path, key, strlen(key));
		r = t_value(t, keep ? child : NULL, depth + 1);
	}
	return r;
}

/* Any value at t->p, recorded under path (NULL: skipped). */
static int t_value(tctx *t, const char *path, int depth)
{
	if (t->p >= t->end)
		return JK_OK;
	if (depth >= FM_DEPTH) {
		/* Too deep to be front matter: the rest is not read. */
		t->p = t->end;
		return JK_OK;
	}
	if (*t->p == '[')
		return t_array(t, path, depth);
	if (*t->p == '{')
		return t_inline_table(t, path, depth);
	jk_buf b = {0};
	int r;
	if (*t->p == '"' || *t->p == '\'') {
		r = t_string(t, &b);
		if (r == 0)
			path = NULL; /* unterminated */
		r = r < 0 ? r : JK_OK;
	} else {
		r = t_bare(t, &b);
	}
	if (!r && path && b.len)
		r = entries_add_scalar(t->out, path, b.data, b.len);
	jk_buf_free(&b);
	return r;
}

/* A dotted key (bare or quoted parts) into out, lower-cased later. Returns
 * 0 when read, -1 when there is no usable key. */
static int t_key(tctx *t, char *out)
{
	size_t n = 0;
	for (;;) {
		t_ws(t);
		if (t->p >= t->end)
			return -1;
		const char *s = t->p;
		size_t len;
		if (*t->p == '"' || *t->p == '\'') {
			char q = *t->p++;
			while (t->p < t->end && *t->p != q && *t->p != '\n')
				t->p++;
			if (t->p >= t->end || *t->p != q)
				return -1;
			s++;
			len = (size_t)(t->p - s);
			t->p++;
		} else {
			while (t->p < t->end &&
			       (isalnum((unsigned char)*t->p) || *t->p == '_' || *t->p == '-'))
				t->p++;
			len = (size_t)(t->p - s);
			if (!len)
				return -1;
		}
		if (n + len + 2 > FM_KEY_MAX)
			return -1;
		memcpy(out + n, s, len);
		n += len;
		out[n] = '\0';
		t_ws(t);
		if (t->p < t->end && *t->p == '.') {
			t->p++;
			out[n++] = '.';
			continue;
		}
		return 0;
	}
}

static int parse_toml(const char *s, size_t n, fm_entries *out)
{
	tctx t = {.p = s, .end = s + n, .out = out};
	int r = JK_OK;
	while (!r && t.p < t.end) {
		t_ws(&t);
		if (t.p >= t.end)
			break;
		if (*t.p == '\n' || *t.p == '\r' || *t.p == '#') {
			t_eol(&t);
			continue;
		}
		if (*t.p == '[') {
			t.skip = t_starts(&t, "[[");
			t.p += t.skip ? 2 : 1;
			if (t_key(&t, t.table) != 0 || t.p >= t.end || *t.p != ']')
				t.skip = true; /* a header we cannot read: skip its keys */
			t_eol(&t);
			continue;
		}
		char key[FM_KEY_MAX], path[FM_KEY_MAX];
		if (t_key(&t, key) != 0) {
			t_eol(&t);
			continue;
		}
		t_ws(&t);
		if (t.p >= t.end || *t.p != '=') {
			t_eol(&t);
			continue;
		}
		t.p++;
		t_ws(&t);
		bool keep = !t.skip && (t.table[0] ? child_path(path, t.table, key, strlen(key))
		                                   : child_path(path, "", key, strlen(key)));
		if (!keep && !t.skip && !t.table[0] && strlen(key) < FM_KEY_MAX) {
			memcpy(path, key, strlen(key) + 1); /* "params.company = …" */
			keep = true;
		}
		r = t_value(&t, keep ? path : NULL, 0);
		t_ws(&t);
		if (t.p < t.end && *t.p != '\n')
			t_eol(&t); /* a comment or trailing junk */
	}
	return r;
}

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
	int r = yaml ? parse_yaml(inner, n, open_line, &e, err) : parse_toml(inner, n, &e);
	if (!r)
		r = map_entries(p, &e, base, fm);
	entries_free(&e);
	if (r == JK_ENOMEM)
		jk_fail(err, r, "out of memory");
	return r;
}
