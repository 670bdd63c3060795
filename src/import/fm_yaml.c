/* fm_yaml.c — layer 1b: YAML front matter (libyaml, event API) → flat
 * entries. Aliases are never expanded and nesting is capped, so alias
 * bombs cost nothing. */
#include "fm.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#define FM_EVENTS 1000000 /* YAML events read before giving up */
#define FM_ANCHORS 64     /* scalar anchors remembered for aliases */

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

static int y_node(yctx *c, const char *path, int depth);

/* A list item that is not a scalar: a mapping is recorded under the list's
 * path as an item of its own ("sections: - title: …"); a nested list is
 * skipped. */
static int y_item(yctx *c, const char *path, int depth)
{
	if (!path || c->ev.type != YAML_MAPPING_START_EVENT)
		return y_node(c, NULL, depth);
	unsigned saved = fm_item_begin(c->out);
	int r = y_node(c, path, depth);
	fm_item_end(c->out, saved);
	return r;
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
			r = fm_entries_add_scalar(c->out, path, v, n);
		return r;
	}
	if (t != YAML_SEQUENCE_START_EVENT && t != YAML_MAPPING_START_EVENT)
		return jk_fail(c->err, JK_EFORMAT, "front matter: unexpected YAML structure");
	if (depth >= FM_DEPTH)
		return jk_fail(c->err, JK_EFORMAT,
		               "front matter nested deeper than %d levels (line %zu)", FM_DEPTH,
		               c->line0 + c->ev.start_mark.line + 1);
	if (t == YAML_SEQUENCE_START_EVENT) {
		fm_strv items = {0};
		while (!(r = y_next(c)) && c->ev.type != YAML_SEQUENCE_END_EVENT) {
			const char *v = y_scalar(c, &n, &null);
			if (v && c->ev.type == YAML_SCALAR_EVENT)
				r = y_remember(c, c->ev.data.scalar.anchor, v, n);
			if (!r && v && path && !null)
				r = fm_strv_push(&items, v, n);
			else if (!r && !v)
				r = y_item(c, path, depth + 1);
			if (r)
				break;
		}
		if (!r && path) {
			r = fm_entries_add(c->out, path, items.v, items.n, true);
			items = (fm_strv){0};
		}
		fm_strv_free(&items);
		return r;
	}
	while (!(r = y_next(c)) && c->ev.type != YAML_MAPPING_END_EVENT) {
		char child[FM_KEY_MAX];
		bool keep = false;
		if (c->ev.type == YAML_SCALAR_EVENT) {
			keep = path &&
			       fm_child_path(child, path, (const char *)c->ev.data.scalar.value,
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

int fm_parse_yaml(const char *s, size_t n, size_t line0, fm_entries *out, jk_err *err)
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
