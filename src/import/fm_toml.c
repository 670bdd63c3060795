/* fm_toml.c — layer 1b: TOML front matter (a small reader for what Hugo
 * writes) → flat entries. Nesting is capped, so 100,000-deep brackets cost
 * nothing. */
#include "fm.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct tctx {
	const char *p, *end;
	fm_entries *out;
	char table[FM_KEY_MAX]; /* current [table] path, "" at the top */
	char array[FM_KEY_MAX]; /* the last [[array of tables]], "" when none */
	bool skip;              /* under a header that cannot be read */
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
	fm_strv items = {0};
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
				fm_strv_free(&items);
				break;
			}
			r = fm_strv_push(&items, b.data, b.len);
		} else if (*t->p == '{' && path) {
			/* an inline table is an item of its own: links = [{…}, {…}] */
			unsigned saved = fm_item_begin(t->out);
			r = t_value(t, path, depth + 1);
			fm_item_end(t->out, saved);
		} else if (*t->p == '[' || *t->p == '{') {
			r = t_value(t, NULL, depth + 1);
		} else {
			const char *before = t->p;
			r = t_bare(t, &b);
			if (!r && b.len)
				r = fm_strv_push(&items, b.data, b.len);
			if (t->p == before) /* a stray character: skip it */
				t->p++;
		}
		if (r)
			break;
	}
	jk_buf_free(&b);
	if (!r && path && items.n) {
		r = fm_entries_add(t->out, path, items.v, items.n, true);
		items = (fm_strv){0};
	}
	fm_strv_free(&items);
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
		bool keep = path && fm_child_path(child, path, key, strlen(key));
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
		r = fm_entries_add_scalar(t->out, path, b.data, b.len);
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

/* A [table] or [[array of tables]] header line. Each [[X]] starts a new
 * item of the list X; [X.sub] right after it still belongs to that item. */
static void t_header(tctx *t)
{
	bool array = t_starts(t, "[[");
	t->p += array ? 2 : 1;
	t->skip = t_key(t, t->table) != 0 || t->p >= t->end || *t->p != ']';
	t_eol(t);
	size_t al = strlen(t->array);
	bool within = al && !strncmp(t->table, t->array, al) && t->table[al] == '.';
	if (t->skip || (!array && !within)) {
		t->array[0] = '\0';
		fm_item_end(t->out, 0);
	} else if (array) {
		memcpy(t->array, t->table, sizeof t->array);
		fm_item_end(t->out, 0);
		fm_item_begin(t->out);
	}
}

int fm_parse_toml(const char *s, size_t n, fm_entries *out)
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
			t_header(&t);
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
		bool keep = !t.skip && (t.table[0] ? fm_child_path(path, t.table, key, strlen(key))
		                                   : fm_child_path(path, "", key, strlen(key)));
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
