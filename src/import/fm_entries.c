/* fm_entries.c — layer 1a: the flat entries ("title", "params.company")
 * of scalars or lists of scalars that the YAML and TOML front matter
 * parsers collect and frontmatter.c maps onto a posting. */
#include "fm.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void fm_entries_free(fm_entries *e)
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
int fm_entries_add(fm_entries *e, const char *key, char **items, size_t n, bool list)
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
	e->v[e->n++] = (fm_entry){k, items, n, list, e->item};
	return JK_OK;
drop:
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
	return r;
}

/* Adds a one-scalar entry with a copy of s[0..n). */
int fm_entries_add_scalar(fm_entries *e, const char *key, const char *s, size_t n)
{
	char **items = malloc(sizeof *items);
	if (!items)
		return JK_ENOMEM;
	items[0] = jk_strndup(s, n);
	if (!items[0]) {
		free(items);
		return JK_ENOMEM;
	}
	return fm_entries_add(e, key, items, 1, false);
}

int fm_strv_push(fm_strv *s, const char *p, size_t n)
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

void fm_strv_free(fm_strv *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	memset(s, 0, sizeof *s);
}

unsigned fm_item_begin(fm_entries *e)
{
	unsigned saved = e->item;
	e->item = ++e->items;
	return saved;
}

void fm_item_end(fm_entries *e, unsigned saved)
{
	e->item = saved;
}

/* "parent.key", or key at the top; false (skip) past three levels or when
 * the key is too long to be one we map. */
bool fm_child_path(char *out, const char *parent, const char *key, size_t keylen)
{
	size_t pl = strlen(parent);
	if (keylen == 0 || pl + keylen + 2 > FM_KEY_MAX || memchr(key, '.', keylen) != NULL)
		return false;
	if (pl) {
		const char *dot = memchr(parent, '.', pl);
		if (dot && memchr(dot + 1, '.', pl - (size_t)(dot + 1 - parent)))
			return false;
		memcpy(out, parent, pl);
		out[pl++] = '.';
	}
	memcpy(out + pl, key, keylen);
	out[pl + keylen] = '\0';
	return true;
}

/* Tables whose keys count as top-level ones (Hugo's [params]). */
static const char *const nests[] = {"params", "extra", "job", "jobposting", "posting"};

const char *fm_key_bare(const char *key)
{
	size_t n = strcspn(key, ".");
	if (!key[n])
		return key;
	for (size_t i = 0; i < JK_ARRAY_LEN(nests); i++)
		if (strlen(nests[i]) == n && !strncmp(key, nests[i], n))
			return key + n + 1;
	return key;
}
