/* file.c — the config file: read with a cap, checked for what inih cannot
 * see (size, encoding, control characters), then parsed line by line by
 * inih into config_set(). Also where the file is looked for. */
#include "internal.h"

#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* inih reads lines through this reader, which also keeps the line number,
 * the whole current line (for messages and for lines longer than inih's
 * fixed line buffer) and stops the parse at the first error. */
typedef struct parse_ctx {
	config *c;
	const char *name;
	const char *pos, *end; /* after the BOM */
	int lineno;
	const char *line; /* current line, without the newline */
	size_t len;
	bool key_line;     /* inih must call the handler for this line */
	unsigned handled;  /* handler calls for the current line */
	const char *value; /* a long line's value, handed over outside inih */
	size_t vlen;
	int status;
	jk_err *err;
	bool fleet;                 /* config_parse_fleet's rules */
	bool cleared[CONFIG_NKEYS]; /* fleet: repeatable keys whose list was replaced */
} parse_ctx;

/* Mirrors inih: a name ends at '=' or ':'; ';' after white space starts a
 * comment. Returns a pointer to the stop character or the end. */
static const char *find_sep(const char *s, const char *e, bool value)
{
	bool was_space = false;
	for (; s < e; s++) {
		if (!value && (*s == '=' || *s == ':'))
			return s;
		if (was_space && *s == ';')
			return s;
		was_space = config_is_ws(*s);
	}
	return e;
}

static int syntax_error(parse_ctx *x)
{
	char shown[CONFIG_SHOW_MAX + 8];
	char *l = jk_strndup(x->line, x->len);
	if (!l)
		return x->status = jk_fail(x->err, JK_ENOMEM, "out of memory");
	config_quote(l, shown);
	free(l);
	if (x->len && x->line[0] == '[')
		return x->status = jk_fail(x->err, JK_EARG, "%s:%d: expected '[section]', not '%s'",
		                           x->name, x->lineno, shown);
	return x->status = jk_fail(x->err, JK_EARG, "%s:%d: expected 'key = value', not '%s'",
	                           x->name, x->lineno, shown);
}

static char *reader(char *buf, int num, void *stream)
{
	parse_ctx *x = stream;
	/* inih reports a line without '=' only at the end: catch it here. */
	if (!x->status && x->key_line && !x->handled)
		syntax_error(x);
	if (x->status || x->pos >= x->end)
		return NULL;
	const char *nl = memchr(x->pos, '\n', (size_t)(x->end - x->pos));
	const char *e = nl ? nl : x->end;
	const char *s = x->pos;
	x->pos = nl ? nl + 1 : x->end;
	x->lineno++;
	if (e > s && e[-1] == '\r')
		e--;
	/* Leading blanks dropped: inih would read an indented line as the
	 * continuation of the value above, a surprise in a hand-edited file. */
	while (s < e && config_is_ws(*s))
		s++;
	x->line = s, x->len = (size_t)(e - s);
	x->handled = 0;
	x->value = NULL;
	x->key_line = s < e && *s != ';' && *s != '#' && *s != '[';
	if (s < e && *s == '[' && !memchr(s, ']', x->len)) {
		syntax_error(x);
		return NULL;
	}
	size_t room = (size_t)num - 2; /* newline and NUL */
	if (x->len <= room) {
		memcpy(buf, s, x->len);
		buf[x->len] = '\n', buf[x->len + 1] = '\0';
		return buf;
	}
	/* Longer than inih's line buffer: inih gets "name=" and the handler
	 * takes the value from here. */
	if (!x->key_line) {
		snprintf(buf, (size_t)num, "%s\n", *s == '[' ? "[long]" : ";");
		return buf;
	}
	const char *sep = find_sep(s, e, false);
	if (sep == e || *sep == ';') {
		syntax_error(x);
		return NULL;
	}
	const char *ne = sep;
	while (ne > s && config_is_ws(ne[-1]))
		ne--;
	size_t nlen = (size_t)(ne - s);
	if (nlen > room - 1)
		nlen = room - 1; /* a name this long is unknown anyway */
	memcpy(buf, s, nlen);
	buf[nlen] = '=', buf[nlen + 1] = '\0';
	/* As inih: the comment is cut before the blanks are skipped, so
	 * "key = ;x" is empty and "key =;x" is ";x". */
	const char *v = sep + 1;
	const char *ve = find_sep(v, e, true);
	while (v < ve && config_is_ws(*v))
		v++;
	while (ve > v && config_is_ws(ve[-1]))
		ve--;
	x->value = v, x->vlen = (size_t)(ve - v);
	return buf;
}

/* A fleet file may not set a screen's own keys, and its first line of a
 * repeatable key starts the list afresh. Non-zero: the parse stops. */
static int fleet_rules(parse_ctx *x, const char *name, const char *origin)
{
	int k = config_key_find(name);
	if (k < 0)
		return 0; /* config_set names the unknown key */
	if (config_key_local_only((size_t)k))
		return x->status =
		           jk_fail(x->err, JK_EARG, "%s: key '%s' cannot be set from config_url",
		                   origin, config_key_table[k].name);
	if (config_key_table[k].repeatable && !x->cleared[k]) {
		x->cleared[k] = true;
		x->status = config_set(x->c, name, "", origin, x->err);
	}
	return x->status;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
	parse_ctx *x = user;
	char origin[300];
	x->handled++;
	if (x->status)
		return 0;
	if (!*name) {
		syntax_error(x);
		return 0;
	}
	/* "https://host/feed" alone on a line: inih splits it at ':'. */
	char norm[72];
	if (!memchr(x->line, '=', x->len) && config_key_index(name, norm, sizeof norm) < 0) {
		syntax_error(x);
		return 0;
	}
	char *own = NULL;
	if (x->value) {
		own = jk_strndup(x->value, x->vlen);
		if (!own) {
			x->status = jk_fail(x->err, JK_ENOMEM, "out of memory");
			return 0;
		}
		value = own;
	}
	snprintf(origin, sizeof origin, "%s:%d", x->name, x->lineno);
	if (x->fleet && fleet_rules(x, name, origin)) {
		free(own);
		return 0;
	}
	x->status = config_set(x->c, name, value, origin, x->err);
	free(own);
	return !x->status;
}

/* Checks what inih cannot: size, NUL bytes, encoding, control characters
 * and line length, naming the line. */
static int prescan(const char *name, const char *s, size_t n, jk_err *err)
{
	int lineno = 1;
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '\n') {
			size_t len = i - start;
			if (len > CONFIG_MAX_LINE)
				return jk_fail(err, JK_ETOOBIG, "%s:%d: line longer than %d bytes",
				               name, lineno, CONFIG_MAX_LINE);
			if (!jk_utf8_valid(s + start, len))
				return jk_fail(err, JK_EBINARY,
				               "%s:%d: invalid UTF-8 (save the file as UTF-8 text)",
				               name, lineno);
			lineno++;
			start = i + 1;
			continue;
		}
		unsigned char ch = (unsigned char)s[i];
		if (!ch)
			return jk_fail(err, JK_EBINARY, "%s:%d: NUL byte: not a text file", name,
			               lineno);
		bool crlf = ch == '\r' && (i + 1 == n || s[i + 1] == '\n');
		if ((ch < 0x20 && ch != '\t' && !crlf) || ch == 0x7F)
			return jk_fail(err, JK_EBINARY,
			               "%s:%d: control character 0x%02X: not a text file", name,
			               lineno, ch);
	}
	return JK_OK;
}

static int parse(config *c, const char *name, const char *text, size_t n, bool fleet, jk_err *err)
{
	if (!name)
		name = "config";
	if (!text)
		text = "", n = 0;
	if (n > CONFIG_MAX_FILE)
		return jk_fail(err, JK_ETOOBIG, "%s: larger than 1 MiB; not a config file", name);
	if (n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		text += 3, n -= 3;
	int r = prescan(name, text, n, err);
	if (r)
		return r;
	parse_ctx x = {
	    .c = c, .name = name, .pos = text, .end = text + n, .err = err, .fleet = fleet};
	int line = ini_parse_stream(reader, &x, handler, &x);
	if (x.status)
		return x.status;
	if (line == -2)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	if (line) /* a syntax error the reader did not catch */
		return jk_fail(err, JK_EARG, "%s:%d: expected '[section]' or 'key = value'", name,
		               line);
	return JK_OK;
}

int config_parse_buffer(config *c, const char *name, const char *text, size_t n, jk_err *err)
{
	return parse(c, name, text, n, false, err);
}

int config_parse_fleet(config *c, const char *url, const char *text, size_t n, jk_err *err)
{
	return parse(c, url, text, n, true, err);
}

int config_load_file(config *c, const char *path, jk_err *err)
{
	char *data;
	size_t len;
	jk_err why = {0};
	int r = jk_read_file(path, CONFIG_MAX_FILE, &data, &len, &why);
	if (r == JK_ETOOBIG)
		return jk_fail(err, r, "%s: larger than 1 MiB; not a config file", path);
	if (r) {
		const char *m = why.msg;
		if (!strncmp(m, "cannot open: ", 13))
			m += 13;
		return jk_fail(err, r == JK_ENOMEM ? r : JK_EIO, "%s: cannot read: %s", path, m);
	}
	char *p = strdup(path);
	if (!p) {
		free(data);
		return jk_fail(err, JK_ENOMEM, "out of memory");
	}
	free(c->path);
	c->path = p;
	r = config_parse_buffer(c, path, data, len, err);
	free(data);
	return r;
}

static bool try_path(char *out, size_t cap, const char *a, const char *b)
{
	int n = snprintf(out, cap, "%s%s", a, b);
	if (n < 0 || (size_t)n >= cap)
		return false;
	return access(out, F_OK) == 0;
}

bool config_find_default(char *out, size_t cap)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	bool found;
	/* XDG: a relative XDG_CONFIG_HOME is invalid and ignored. */
	if (xdg && xdg[0] == '/')
		found = try_path(out, cap, xdg, "/jobkiosk/jobkiosk.conf");
	else
		found =
		    home && *home && try_path(out, cap, home, "/.config/jobkiosk/jobkiosk.conf");
	if (found || try_path(out, cap, "/etc/jobkiosk/jobkiosk.conf", ""))
		return true;
	if (cap)
		out[0] = '\0';
	return false;
}
