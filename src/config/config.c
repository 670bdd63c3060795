/* config.c — defaults, config_set() and the typed setters behind it. Every
 * origin (the file, an option, a SOURCE argument) goes through
 * config_set(), so all are checked by the same code. Only the form is
 * checked here: what needs the file system or the sources module is
 * checked after parsing (app), with the origins kept here. */
#include "internal.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A setter returns JK_OK, BAD for a value of the wrong form (config_set
 * writes the message, with why when set) or a negative status with err
 * set. */
enum { BAD = 1 };

typedef struct set_ctx {
	config *c;
	size_t k;
	const config_key_info *key;
	void *slot; /* the member at key->off */
	const char *v;
	const char *origin;
	char why[256];
	jk_err *err;
} set_ctx;

/* Trimmed copy of s (surrounding spaces and tabs removed). Caller frees. */
static char *trimmed(const char *s)
{
	while (config_is_ws(*s))
		s++;
	size_t n = strlen(s);
	while (n && config_is_ws(s[n - 1]))
		n--;
	return jk_strndup(s, n);
}

static bool parse_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static void list_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void words_free(deck_words *w)
{
	list_free(w->v, w->n);
	w->v = NULL, w->n = 0;
}

static void clear_sources(config *c)
{
	list_free(c->sources, c->nsources);
	c->sources = NULL, c->nsources = 0;
}

static void checks_free(config_check *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].value), free(v[i].origin);
	free(v);
}

/* Appends the k strings of add (ownership moves to the list) to the list *v of *n.
 * On failure frees add's strings and leaves the list unchanged. */
static int list_append(char ***v, size_t *n, char **add, size_t k)
{
	char **nv = realloc(*v, (*n + k + 1) * sizeof *nv);
	if (!nv) {
		for (size_t i = 0; i < k; i++)
			free(add[i]);
		return JK_ENOMEM;
	}
	memcpy(nv + *n, add, k * sizeof *add);
	*v = nv;
	*n += k;
	return JK_OK;
}

/* ---- one setter per config_type ----------------------------------------- */

/* Stores v into an integer member of key->size bytes (bool, int or long). */
static void put_int(const config_key_info *key, void *slot, long v)
{
	if (key->size == sizeof(bool))
		*(bool *)slot = v != 0;
	else if (key->size == sizeof(int))
		*(int *)slot = (int)v;
	else
		*(long *)slot = v;
}

static int set_source(set_ctx *x)
{
	config *c = x->c;
	if (!*x->v) {
		clear_sources(c);
		return JK_OK;
	}
	if (c->nsources >= CONFIG_MAX_SOURCES)
		return jk_fail(x->err, JK_ETOOBIG, "%s: key 'source': at most %d sources",
		               x->origin, CONFIG_MAX_SOURCES);
	char *copy = strdup(x->v);
	if (!copy || list_append(&c->sources, &c->nsources, &copy, 1)) /* frees copy */
		return jk_fail(x->err, JK_ENOMEM, "out of memory");
	return JK_OK;
}

static int set_bool(set_ctx *x)
{
	static const char *const yes[] = {"yes", "true", "on", "1"};
	static const char *const no[] = {"no", "false", "off", "0"};
	for (size_t i = 0; i < JK_ARRAY_LEN(yes); i++) {
		if (!strcasecmp(x->v, yes[i]) || !strcasecmp(x->v, no[i])) {
			*(bool *)x->slot = !strcasecmp(x->v, yes[i]);
			return JK_OK;
		}
	}
	return BAD;
}

static int set_int(set_ctx *x)
{
	long l;
	const config_key_info *key = x->key;
	if (!parse_long(x->v, (long)key->lo, (long)key->hi, &l) || (key->step && l % key->step))
		return BAD;
	put_int(key, x->slot, key->scale ? l * key->scale : l);
	return JK_OK;
}

static int set_double(set_ctx *x)
{
	char *end;
	errno = 0;
	double v = strtod(x->v, &end);
	if (end == x->v || *end || errno || !(v >= x->key->lo && v <= x->key->hi))
		return BAD;
	*(double *)x->slot = v;
	return JK_OK;
}

/* The index of v among arg's '|' separated names (any case), or -1. */
static int choice_index(const char *arg, const char *v)
{
	size_t n = strlen(v);
	int i = 0;
	for (const char *p = arg;; i++) {
		size_t len = strcspn(p, "|");
		if (len == n && !strncasecmp(p, v, n))
			return i;
		if (!p[len])
			return -1;
		p += len + 1;
	}
}

static int set_choice(set_ctx *x)
{
	int i = choice_index(x->key->arg, x->v);
	if (i < 0)
		return BAD;
	put_int(x->key, x->slot, i);
	return JK_OK;
}

static int set_order(set_ctx *x)
{
	return deck_order_parse(x->v, x->slot) ? JK_OK : BAD;
}

/* "1920x1080": each side lo..hi. */
static int set_wxh(set_ctx *x)
{
	int *w = x->slot, *h = (int *)(void *)((char *)x->c + x->key->off2);
	if (x->key->type == CONFIG_WXH_AUTO && !strcasecmp(x->v, "auto")) {
		*w = *h = 0;
		return JK_OK;
	}
	if (x->key->type == CONFIG_WXH_AUTO && !strcasecmp(x->v, "native")) {
		*w = *h = -1;
		return JK_OK;
	}
	const char *s = x->v, *cross = strpbrk(s, "xX");
	long a, b;
	if (!cross || cross == s || cross - s > 6)
		return BAD;
	char first[8];
	memcpy(first, s, (size_t)(cross - s));
	first[cross - s] = '\0';
	long lo = (long)x->key->lo, hi = (long)x->key->hi;
	if (!parse_long(first, lo, hi, &a) || !parse_long(cross + 1, lo, hi, &b))
		return BAD;
	*w = (int)a, *h = (int)b;
	return JK_OK;
}

/* A theme sets every colour: colour keys after it override. */
static int set_theme(set_ctx *x)
{
	int i = choice_index(x->key->arg, x->v);
	if (i < 0)
		return BAD;
	*(layout_theme *)x->slot = i ? layout_theme_light() : layout_theme_default();
	return JK_OK;
}

static int set_color(set_ctx *x)
{
	const char *s = x->v + (*x->v == '#');
	if (strlen(s) != 6 || strspn(s, "0123456789abcdefABCDEF") != 6)
		return BAD;
	*(uint32_t *)x->slot = (uint32_t)strtoul(s, NULL, 16);
	return JK_OK;
}

/* Replaces the string at the slot with a copy of v (NULL when v is empty). */
static int set_string(set_ctx *x)
{
	char *copy = NULL;
	if (*x->v && !(copy = strdup(x->v)))
		return jk_fail(x->err, JK_ENOMEM, "out of memory");
	free(*(char **)x->slot);
	*(char **)x->slot = copy;
	return JK_OK;
}

static int set_text(set_ctx *x)
{
	char *t = jk_text_clean(x->v, (size_t)-1);
	if (!t)
		return jk_fail(x->err, JK_ENOMEM, "out of memory");
	if (strlen(t) > (size_t)x->key->hi) {
		free(t);
		return BAD;
	}
	if (!*t)
		free(t), t = NULL;
	free(*(char **)x->slot);
	*(char **)x->slot = t;
	return JK_OK;
}

static bool link_ok(const char *s, bool mailto)
{
	size_t skip = !strncasecmp(s, "http://", 7)             ? 7
	              : !strncasecmp(s, "https://", 8)          ? 8
	              : mailto && !strncasecmp(s, "mailto:", 7) ? 7
	                                                        : 0;
	if (!skip || !s[skip] || strlen(s) > 2048)
		return false;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p <= ' ')
			return false;
	return true;
}

static int set_link(set_ctx *x)
{
	if (*x->v && !link_ok(x->v, true))
		return BAD;
	int r = set_string(x);
	*(const char **)(void *)((char *)x->c + x->key->off2) = *(char **)x->slot;
	return r;
}

/* Where settings are fetched from: http(s) only, no file:// or ftp://. */
static int set_url(set_ctx *x)
{
	if (*x->v && !link_ok(x->v, false))
		return BAD;
	return set_string(x);
}

/* A tracking tag: deck_tag_ok, or empty for none. */
static int set_tag(set_ctx *x)
{
	if (*x->v && !deck_tag_ok(x->v)) {
		snprintf(x->why, sizeof x->why, "%s",
		         strlen(x->v) > DECK_TAG_MAX ? "too long"
		                                     : "a character a link cannot carry");
		return BAD;
	}
	int r = set_string(x);
	*(const char **)(void *)((char *)x->c + x->key->off2) = *(char **)x->slot;
	return r;
}

/* Splits a comma list into trimmed, non-empty words appended to the list,
 * at most CONFIG_MAX_WORDS in all; an empty value clears it. The list is
 * unchanged on failure. */
static int set_words(set_ctx *x)
{
	deck_words *w = x->slot;
	char *add[CONFIG_MAX_WORDS];
	size_t n = 0;
	int r = JK_OK;
	if (!*x->v) {
		words_free(w);
		return JK_OK;
	}
	for (const char *p = x->v; p;) {
		const char *comma = strchr(p, ',');
		char *piece = jk_strndup(p, comma ? (size_t)(comma - p) : strlen(p));
		char *word = piece ? trimmed(piece) : NULL;
		free(piece);
		p = comma ? comma + 1 : NULL;
		if (!word) {
			r = jk_fail(x->err, JK_ENOMEM, "out of memory");
			break;
		}
		if (*word && w->n + n >= CONFIG_MAX_WORDS) {
			free(word);
			r = jk_fail(x->err, JK_ETOOBIG, "%s: key '%s': at most %d words", x->origin,
			            x->key->name, CONFIG_MAX_WORDS);
			break;
		}
		if (*word)
			add[n++] = word;
		else
			free(word);
	}
	if (r) {
		for (size_t i = 0; i < n; i++)
			free(add[i]);
		return r;
	}
	if (list_append(&w->v, &w->n, add, n))
		return jk_fail(x->err, JK_ENOMEM, "out of memory");
	return JK_OK;
}

static int set_schedule(set_ctx *x)
{
	schedule *s = x->slot;
	if (!*x->v) {
		s->n = 0;
		return JK_OK;
	}
	jk_err se = {0};
	int r = schedule_add(s, x->v, &se);
	if (r == JK_ETOOBIG)
		return jk_fail(x->err, r, "%s: key 'schedule': at most %d rules", x->origin,
		               SCHEDULE_MAX_RULES);
	if (r == JK_EARG) { /* keep the reason, not schedule's own "expected" */
		char *cut = strstr(se.msg, "; expected");
		if (cut)
			*cut = '\0';
		if (cut != se.msg)
			snprintf(x->why, sizeof x->why, "%s", se.msg);
		return BAD;
	}
	if (r)
		return jk_fail(x->err, r, "%s: key 'schedule': %s", x->origin, se.msg);
	return JK_OK;
}

/* auto (or nothing): each posting's own language; else a tag the words
 * table has, kept in its normal form. */
static int set_lang(set_ctx *x)
{
	char tag[POSTING_LANG_MAX];
	const char *known = NULL;
	if (*x->v && strcasecmp(x->v, "auto")) {
		known = posting_lang_norm(x->v, (size_t)-1, tag) > 0 ? text_lang_known(tag) : NULL;
		if (!known) {
			size_t n =
			    (size_t)snprintf(x->why, sizeof x->why, "the kiosk's words are in");
			for (size_t i = 0; i < text_lang_count() && n < sizeof x->why; i++)
				n += (size_t)snprintf(x->why + n, sizeof x->why - n, "%s %s",
				                      i ? "," : "", text_lang_at(i));
			return BAD;
		}
	}
	char *copy = known ? strdup(known) : NULL;
	if (known && !copy)
		return jk_fail(x->err, JK_ENOMEM, "out of memory");
	free(*(char **)x->slot);
	*(char **)x->slot = copy;
	return JK_OK;
}

/* x->v is trimmed, valid UTF-8 without control characters. */
static int set_value(set_ctx *x)
{
	switch (x->key->type) {
	case CONFIG_SOURCE:
		return set_source(x);
	case CONFIG_BOOL:
		return set_bool(x);
	case CONFIG_INT:
		return set_int(x);
	case CONFIG_DOUBLE:
		return set_double(x);
	case CONFIG_CHOICE:
		return set_choice(x);
	case CONFIG_ORDER:
		return set_order(x);
	case CONFIG_WXH:
	case CONFIG_WXH_AUTO:
		return set_wxh(x);
	case CONFIG_THEME:
		return set_theme(x);
	case CONFIG_COLOR:
		return set_color(x);
	case CONFIG_TEXT:
		return set_text(x);
	case CONFIG_STRING:
	case CONFIG_FILE: /* that it exists is checked after parsing */
	case CONFIG_FONT:
		return set_string(x);
	case CONFIG_LINK:
		return set_link(x);
	case CONFIG_URL:
		return set_url(x);
	case CONFIG_WORDS:
		return set_words(x);
	case CONFIG_SCHEDULE:
		return set_schedule(x);
	case CONFIG_LANG:
		return set_lang(x);
	case CONFIG_TAG:
		return set_tag(x);
	}
	return BAD;
}

/* ---- init / free -------------------------------------------------------- */

static bool is_text(config_type t)
{
	return t == CONFIG_STRING || t == CONFIG_TEXT || t == CONFIG_FILE || t == CONFIG_FONT ||
	       t == CONFIG_LINK || t == CONFIG_URL || t == CONFIG_LANG || t == CONFIG_TAG;
}

/* The defaults are the table's: each key set from its `def` text, so
 * --help and the settings cannot disagree. */
void config_init(config *c)
{
	memset(c, 0, sizeof *c);
	for (size_t k = 0; k < CONFIG_NKEYS; k++) {
		const config_key_info *key = &config_key_table[k];
		if (!key->def[0])
			continue;
		set_ctx x = {
		    .c = c, .k = k, .key = key, .slot = (char *)c + key->off, .v = key->def};
		set_value(&x); /* the defaults allocate nothing and are valid */
	}
}

void config_free(config *c)
{
	if (!c)
		return;
	clear_sources(c);
	checks_free(c->checks, c->nchecks);
	for (size_t k = 0; k < CONFIG_NKEYS; k++) {
		const config_key_info *key = &config_key_table[k];
		void *slot = (char *)c + key->off;
		if (key->type == CONFIG_WORDS)
			words_free(slot);
		else if (is_text(key->type))
			free(*(char **)slot);
	}
	free(c->path);
	free(c->careers_qr);
	memset(c, 0, sizeof *c);
}

/* ---- config_set --------------------------------------------------------- */

static int unknown_key(const char *key, const char *norm, const char *origin, jk_err *err)
{
	char shown[CONFIG_SHOW_MAX + 8];
	config_quote(key, shown);
	const char *near = config_key_suggest(norm);
	if (near)
		return jk_fail(err, JK_EARG, "%s: unknown key '%s' (did you mean '%s'?)", origin,
		               shown, near);
	return jk_fail(err, JK_EARG, "%s: unknown key '%s'", origin, shown);
}

/* What every value must be before its type looks at it; NULL when fine. */
static const char *value_trouble(const char *value)
{
	size_t n = strlen(value);
	if (n > CONFIG_MAX_VALUE)
		return "longer than 4096 bytes";
	if (!jk_utf8_valid(value, n))
		return "invalid UTF-8";
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)value[i];
		if ((ch < 0x20 && ch != '\t') || ch == 0x7F)
			return "control character";
		/* In a file, ';' after a space starts a comment, so such a value
		 * could not be written back (config_print). */
		if (ch == ';' && i > 0 && config_is_ws(value[i - 1]))
			return "';' after a space starts a comment; drop the space";
	}
	return NULL;
}

/* Whether v, set for key, must be checked after parsing: a source, a
 * file, a font given as a path (a family name is fontconfig's to match). */
static bool needs_check(const config_key_info *key, const char *v)
{
	return *v && (key->type == CONFIG_SOURCE || key->type == CONFIG_FILE ||
	              (key->type == CONFIG_FONT && strchr(v, '/')));
}

/* Sets the key and keeps what must be checked after parsing. */
static int set_and_note(set_ctx *x)
{
	config *c = x->c;
	config_check chk = {0};
	if (needs_check(x->key, x->v)) {
		config_check *nv = realloc(c->checks, (c->nchecks + 1) * sizeof *nv);
		if (nv)
			c->checks = nv;
		chk = (config_check){x->k, strdup(x->v), strdup(x->origin)};
		if (!nv || !chk.value || !chk.origin) {
			free(chk.value), free(chk.origin);
			return jk_fail(x->err, JK_ENOMEM, "out of memory");
		}
	}
	int r = set_value(x);
	if (r) {
		free(chk.value), free(chk.origin);
		if (r == BAD)
			return config_fail_value(x->err, x->origin, x->k, x->v,
			                         x->why[0] ? x->why : NULL);
		return r;
	}
	if (chk.value)
		c->checks[c->nchecks++] = chk;
	return JK_OK;
}

/* Keys with a list or free text accept an empty value; numbers and choices
 * do not (their parsers refuse ""). */
int config_set(config *c, const char *key, const char *value, const char *origin, jk_err *err)
{
	char norm[72];
	if (!origin)
		origin = "config";
	int k = config_key_index(key ? key : "", norm, sizeof norm);
	if (k < 0)
		return unknown_key(key ? key : "", norm, origin, err);
	if (!value) /* a bare --clock means yes */
		value = config_key_table[k].is_bool ? "yes" : "";
	const char *trouble = value_trouble(value);
	if (trouble)
		return config_fail_value(err, origin, (size_t)k, value, trouble);
	char *v = trimmed(value);
	if (!v)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	set_ctx x = {.c = c,
	             .k = (size_t)k,
	             .key = &config_key_table[k],
	             .slot = (char *)c + config_key_table[k].off,
	             .v = v,
	             .origin = origin,
	             .err = err};
	int r = set_and_note(&x);
	free(v);
	return r;
}

/* Each SOURCE goes through config_set, so the command line is taken
 * exactly like `source =` lines; the list is swapped in only when all pass. */
int config_set_sources(config *c, char *const *v, size_t n, jk_err *err)
{
	config scratch = {0};
	if (n > CONFIG_MAX_SOURCES)
		return jk_fail(err, JK_ETOOBIG, "command line: at most %d sources, not %zu",
		               CONFIG_MAX_SOURCES, n);
	config_check *nv = realloc(c->checks, (c->nchecks + n + 1) * sizeof *nv);
	if (!nv)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	c->checks = nv;
	for (size_t i = 0; i < n; i++) {
		int r = config_set(&scratch, "source", v[i] ? v[i] : "", "command line", err);
		if (r) {
			config_free(&scratch);
			return r;
		}
	}
	clear_sources(c);
	c->sources = scratch.sources, c->nsources = scratch.nsources;
	scratch.sources = NULL, scratch.nsources = 0;
	if (scratch.nchecks)
		memcpy(c->checks + c->nchecks, scratch.checks, scratch.nchecks * sizeof *nv);
	c->nchecks += scratch.nchecks;
	scratch.nchecks = 0;
	config_free(&scratch);
	return JK_OK;
}
