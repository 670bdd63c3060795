/* import.c — the front door of the readers: size and encoding checks,
 * format sniffing, dispatch, and finishing the postings a reader made. */
#include "internal.h"

#include <ctype.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	import_format f;
	const char *name;
	import_reader read;
} formats[] = {
    {IMPORT_MARKDOWN, "Markdown", import_markdown},
    {IMPORT_HTML, "HTML", import_html},
    {IMPORT_GRID, "scraped grid", import_grid},
    {IMPORT_JSONLD, "JSON-LD", import_jsonld},
    {IMPORT_GREENHOUSE, "Greenhouse JSON", import_greenhouse},
    {IMPORT_LEVER, "Lever JSON", import_lever},
    {IMPORT_JSONFEED, "JSON Feed", import_jsonfeed},
    {IMPORT_RSS, "RSS", import_feed},
    {IMPORT_ATOM, "Atom", import_feed},
    {IMPORT_TEXT, "plain text", import_text},
};

const char *import_format_name(import_format f)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "unknown";
}

/* Files people mistake for postings, named so the message helps. */
static const struct {
	const char *magic;
	size_t len;
	const char *what;
} magics[] = {
    {"%PDF-", 5, "a PDF document"},
    {"PK\3\4", 4, "a ZIP archive (a .docx or .xlsx?)"},
    {"\x89PNG", 4, "a PNG image"},
    {"\xFF\xD8\xFF", 3, "a JPEG image"},
    {"GIF8", 4, "a GIF image"},
    {"\xD0\xCF\x11\xE0", 4, "an old Office document"},
    {"\x7F"
     "ELF",
     4, "a program"},
    {"\x1F\x8B", 2, "a gzip archive"},
};

static bool is_blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr(" \t\r\n\f\v", s[i]))
			return false;
	return true;
}

static const char *skip_space(const char *s, const char *end)
{
	while (s < end && strchr(" \t\r\n\f\v", *s) && *s)
		s++;
	return s;
}

/* Bounded substring search over the first part of the data. */
static bool head_has(const char *data, size_t len, const char *needle, size_t within)
{
	size_t n = len < within ? len : within, k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(data + i, needle, k) == 0)
			return true;
	return false;
}

/* A line of dashes separated by tabs: the row rule of a scraped grid. */
static bool has_grid_rule(const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t dashes = 0, tabs = 0;
		bool only = true;
		for (const char *c = p; c < eol && only; c++) {
			if (*c == '-')
				dashes++;
			else if (*c == '\t')
				tabs++;
			else if (*c != ' ' && *c != '\r')
				only = false;
		}
		if (only && tabs >= 1 && dashes >= 4)
			return true;
		p = eol + 1;
	}
	return false;
}

static import_format sniff_json(const char *data, size_t len)
{
	if (head_has(data, len, "jsonfeed.org/version", 4096))
		return IMPORT_JSONFEED;
	/* A board ({"jobs":[...]}) or one job of it: both carry absolute_url. */
	if (head_has(data, len, "\"absolute_url\"", 1 << 16))
		return IMPORT_GREENHOUSE;
	if (head_has(data, len, "\"hostedUrl\"", 1 << 16) ||
	    (head_has(data, len, "\"categories\"", 1 << 16) &&
	     head_has(data, len, "\"text\"", 1 << 16)))
		return IMPORT_LEVER;
	return IMPORT_JSONLD;
}

static import_format sniff_ext(const char *source)
{
	static const struct {
		const char *ext;
		import_format f;
	} ext[] = {{".md", IMPORT_MARKDOWN}, {".markdown", IMPORT_MARKDOWN}, {".html", IMPORT_HTML},
	           {".htm", IMPORT_HTML},    {".rss", IMPORT_RSS},           {".atom", IMPORT_ATOM},
	           {".txt", IMPORT_TEXT}};
	const char *dot = source ? strrchr(source, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return IMPORT_UNKNOWN;
	for (size_t i = 0; i < JK_ARRAY_LEN(ext); i++)
		if (strcasecmp(dot, ext[i].ext) == 0)
			return ext[i].f;
	return IMPORT_UNKNOWN;
}

import_format import_sniff(const char *data, size_t len, const import_opts *opts)
{
	const char *end = data + len, *p = skip_space(data, end);
	const char *source = opts ? opts->source : NULL;
	const char *ctype = opts ? opts->content_type : NULL;
	if (p == end)
		return IMPORT_UNKNOWN;
	if ((size_t)(end - p) >= 4 && (!strncmp(p, "---\n", 4) || !strncmp(p, "+++\n", 4) ||
	                               !strncmp(p, "---\r", 4) || !strncmp(p, "+++\r", 4)))
		return IMPORT_MARKDOWN;
	if (*p == '{' || *p == '[')
		return sniff_json(p, (size_t)(end - p));
	if (*p == '<') {
		size_t n = (size_t)(end - p);
		if (head_has(p, n, "<rss", 2048) || head_has(p, n, "<rdf:RDF", 2048))
			return IMPORT_RSS;
		if (head_has(p, n, "<feed", 2048) &&
		    head_has(p, n, "http://www.w3.org/2005/Atom", 4096))
			return IMPORT_ATOM;
		if (has_grid_rule(p, n))
			return IMPORT_GRID;
		if (sniff_ext(source) != IMPORT_MARKDOWN)
			return IMPORT_HTML;
	}
	import_format f = sniff_ext(source);
	if (f == IMPORT_HTML && has_grid_rule(p, (size_t)(end - p)))
		return IMPORT_GRID;
	if (f != IMPORT_UNKNOWN)
		return f;
	if (ctype) {
		if (jk_strcasestr(ctype, "html"))
			return IMPORT_HTML;
		if (jk_strcasestr(ctype, "rss"))
			return IMPORT_RSS;
		if (jk_strcasestr(ctype, "atom"))
			return IMPORT_ATOM;
		if (jk_strcasestr(ctype, "markdown"))
			return IMPORT_MARKDOWN;
	}
	/* Markdown markers at a line start say Markdown; anything else is text. */
	if (*p == '#' || head_has(p, (size_t)(end - p), "\n# ", 4096) ||
	    head_has(p, (size_t)(end - p), "\n## ", 4096) ||
	    head_has(p, (size_t)(end - p), "\n- ", 4096) ||
	    head_has(p, (size_t)(end - p), "\n* ", 4096) ||
	    head_has(p, (size_t)(end - p), "**", 4096))
		return IMPORT_MARKDOWN;
	return IMPORT_TEXT;
}

/* The charset a document declares in its first bytes, or NULL. */
static char *declared_charset(const char *data, size_t len)
{
	size_t n = len < 2048 ? len : 2048;
	static const char *const keys[] = {"charset=", "encoding="};
	for (size_t k = 0; k < JK_ARRAY_LEN(keys); k++) {
		size_t kl = strlen(keys[k]);
		for (size_t i = 0; i + kl < n; i++) {
			if (strncasecmp(data + i, keys[k], kl) != 0)
				continue;
			size_t j = i + kl;
			while (j < n && (data[j] == '"' || data[j] == '\''))
				j++;
			size_t s = j;
			while (j < n && (isalnum((unsigned char)data[j]) || data[j] == '-' ||
			                 data[j] == '_'))
				j++;
			if (j > s && j - s < 40)
				return jk_strndup(data + s, j - s);
		}
	}
	return NULL;
}

/* Converts with iconv; NULL when the bytes do not fit the charset. */
static char *convert(const char *from, const char *data, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 4 + 16;
	char *out = malloc(cap), *o = out, *in = (char *)data;
	size_t il = len, ol = cap - 1;
	if (out && iconv(cd, &in, &il, &o, &ol) != (size_t)-1) {
		*o = '\0';
		*outlen = (size_t)(o - out);
	} else {
		free(out);
		out = NULL;
	}
	iconv_close(cd);
	return out;
}

static void warn(const import_opts *o, const char *msg)
{
	if (o && o->warn)
		o->warn(o->ud, o->source ? o->source : "input", msg);
}

/* Gives the readers valid UTF-8: converts UTF-16 (by BOM), a declared
 * charset, or else Windows-1252, saying so. *owned is set when a copy was
 * made. */
static int to_utf8(const char **data, size_t *len, char **owned, const import_opts *o, jk_err *err)
{
	const unsigned char *u = (const unsigned char *)*data;
	*owned = NULL;
	if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*data += 3;
		*len -= 3;
		u += 3;
	}
	const char *from = NULL;
	if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		from = "UTF-16";
	if (!from && jk_utf8_valid(*data, *len))
		return JK_OK;
	char *declared = from ? NULL : declared_charset(*data, *len);
	size_t n = 0;
	char *conv = NULL;
	if (from) {
		conv = convert(from, *data, *len, &n);
		if (!conv)
			return jk_fail(err, JK_EFORMAT, "UTF-16 text with invalid characters");
	} else {
		if (declared && strcasecmp(declared, "utf-8") && strcasecmp(declared, "utf8"))
			conv = convert(declared, *data, *len, &n);
		if (conv) {
			char msg[96];
			snprintf(msg, sizeof msg, "read as %s, as the file declares", declared);
			warn(o, msg);
		} else {
			conv = jk_cp1252_to_utf8(*data, *len);
			if (!conv) {
				free(declared);
				return jk_fail(err, JK_ENOMEM, "out of memory");
			}
			n = strlen(conv);
			warn(o, "not valid UTF-8; read as Windows-1252");
		}
	}
	free(declared);
	*owned = conv;
	*data = conv;
	*len = n;
	return JK_OK;
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

static int check_input(const char *data, size_t len, jk_err *err)
{
	if (len == 0 || is_blank(data, len))
		return jk_fail(err, JK_EEMPTY, "empty, nothing to read");
	if (len > IMPORT_MAX_BYTES)
		return jk_fail(err, JK_ETOOBIG, "too large (%.1f MB, limit %.0f MB)",
		               (double)len / 1e6, (double)IMPORT_MAX_BYTES / 1e6);
	for (size_t i = 0; i < JK_ARRAY_LEN(magics); i++)
		if (len >= magics[i].len && !memcmp(data, magics[i].magic, magics[i].len))
			return jk_fail(err, JK_EBINARY, "is %s, not a posting file",
			               magics[i].what);
	/* UTF-16 legitimately holds NULs; its BOM is checked later. */
	const unsigned char *u = (const unsigned char *)data;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
		return JK_OK;
	size_t n = len < 8192 ? len : 8192, ctl = 0;
	for (size_t i = 0; i < n; i++) {
		if (u[i] == 0)
			return jk_fail(err, JK_EBINARY, "binary data, not a posting file");
		if (u[i] < 0x20 && !strchr("\t\r\n\f\v\x1b", u[i]))
			ctl++;
	}
	if (ctl * 20 > n)
		return jk_fail(err, JK_EBINARY, "binary data, not a posting file");
	return JK_OK;
}

int import_bytes(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err)
{
	import_opts o = opts ? *opts : (import_opts){0};
	char *owned = NULL;
	int r = check_input(data, len, err);
	if (!r)
		r = to_utf8(&data, &len, &owned, &o, err);
	if (r)
		return r;
	import_format f = import_sniff(data, len, &o);
	import_reader read = NULL;
	for (size_t i = 0; i < JK_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			read = formats[i].read;
	if (!read) {
		free(owned);
		return jk_fail(err, JK_EUNSUPPORTED, "not a format jobkiosk reads");
	}
	size_t first = out->n;
	r = read(data, len, &o, out, err);
	free(owned);
	if (r) {
		import_drop_from(out, first);
		return r;
	}
	for (size_t i = first; i < out->n && !r; i++) {
		posting *p = out->items[i];
		r = posting_set_default(&p->source, o.source, (size_t)-1);
		if (!r && !p->title) {
			char *t = title_from_source(o.source);
			r = posting_set(&p->title, t ? t : "Open position", (size_t)-1);
			free(t);
		}
		if (!r)
			r = posting_finish(p, i - first);
	}
	if (r) {
		import_drop_from(out, first);
		return jk_fail(err, r, "out of memory");
	}
	return JK_OK;
}

int import_links_add(import_links *l, const char *href, const char *text, const char *context)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		import_link *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return JK_ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	import_link *k = &l->v[l->n];
	k->href = jk_strndup(href ? href : "", (size_t)-1);
	k->text = jk_text_clean(text, (size_t)-1);
	k->context = jk_text_clean(context, (size_t)-1);
	if (!k->href || !k->text || !k->context) {
		free(k->href), free(k->text), free(k->context);
		return JK_ENOMEM;
	}
	l->n++;
	return JK_OK;
}

void import_links_free(import_links *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].href), free(l->v[i].text), free(l->v[i].context);
	free(l->v);
	memset(l, 0, sizeof *l);
}
