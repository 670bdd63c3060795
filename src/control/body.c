/* body.c — the request bodies, parsed without trusting a byte: valid
 * UTF-8, one JSON object (cJSON), known fields once each with the right
 * types and ranges; the announcement's text checked like posting text.
 * Pure functions, so fuzz/control.c can call them directly. */
#include "internal.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The body as one JSON object in *root (caller deletes). */
static int parse_object(const char *body, size_t len, cJSON **root, jk_err *err)
{
	*root = NULL;
	if (!len)
		return jk_fail(err, JK_EFORMAT, "empty body: expected a JSON object");
	if (memchr(body, 0, len))
		return jk_fail(err, JK_EFORMAT, "body holds a NUL byte: expected a JSON object");
	if (!jk_utf8_valid(body, len))
		return jk_fail(err, JK_EFORMAT, "body is not valid UTF-8");
	/* "\u0000" would cut a string short where cJSON stores it: refused. */
	for (size_t i = 0; i + 6 <= len; i++) {
		if (body[i] != '\\')
			continue;
		if (!strncmp(body + i + 1, "u0000", 5))
			return jk_fail(err, JK_EFORMAT, "body holds \\u0000");
		i++; /* the escaped character */
	}
	const char *end = NULL;
	cJSON *j = cJSON_ParseWithLengthOpts(body, len, &end, false);
	if (!j) {
		size_t at = end && end >= body && end <= body + len ? (size_t)(end - body) : 0;
		return jk_fail(err, JK_EFORMAT, "body is not valid JSON (at byte %zu of %zu)", at,
		               len);
	}
	for (const char *p = end; p && p < body + len; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') {
			cJSON_Delete(j);
			return jk_fail(err, JK_EFORMAT,
			               "body has more after its JSON value (at byte %zu)",
			               (size_t)(p - body));
		}
	if (!cJSON_IsObject(j)) {
		cJSON_Delete(j);
		return jk_fail(err, JK_EFORMAT, "body is not a JSON object");
	}
	*root = j;
	return 0;
}

/* Every member of root is one of names[], each at most once; found[i]
 * gets the member named names[i] (NULL absent). */
static int members(const cJSON *root, const char *const *names, size_t n, const cJSON **found,
                   jk_err *err)
{
	for (size_t i = 0; i < n; i++)
		found[i] = NULL;
	for (const cJSON *m = root->child; m; m = m->next) {
		size_t i = 0;
		while (i < n && strcmp(m->string, names[i]))
			i++;
		char name[48];
		snprintf(name, sizeof name, "%s", m->string);
		jk_one_line(name);
		if (i == n)
			return jk_fail(err, JK_EFORMAT, "unknown field \"%s\"", name);
		if (found[i])
			return jk_fail(err, JK_EFORMAT, "field \"%s\" given twice", name);
		found[i] = m;
	}
	return 0;
}

static bool is_direction(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* s (n bytes) checked and folded into out (cap bytes with the NUL):
 * what names the field in the messages. */
static int clean_text(const char *what, const char *s, size_t n, char *out, size_t cap, jk_err *err)
{
	size_t o = 0;
	bool space = false;
	if (memchr(s, 0, n))
		return jk_fail(err, JK_EFORMAT, "%s holds a NUL byte", what);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = jk_utf8_decode(s + i, n - i, &cp);
		if (cp == 0xFFFD && k == 1)
			return jk_fail(err, JK_EFORMAT, "%s is not valid UTF-8", what);
		if (jk_cp_is_space(cp)) {
			space = o > 0;
			i += k;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
			return jk_fail(err, JK_EFORMAT, "%s holds a control character (U+%04X)",
			               what, (unsigned)cp);
		if (is_direction(cp))
			return jk_fail(err, JK_EFORMAT, "%s holds a direction character (U+%04X)",
			               what, (unsigned)cp);
		/* ZWNJ and ZWJ stay: Persian words and Indic conjuncts need them. */
		if (jk_cp_is_invisible(cp) && cp != 0x200C && cp != 0x200D)
			return jk_fail(err, JK_EFORMAT, "%s holds an invisible character (U+%04X)",
			               what, (unsigned)cp);
		if (o + space + k >= cap)
			return jk_fail(err, JK_EFORMAT, "%s is longer than %zu bytes", what,
			               cap - 1);
		if (space)
			out[o++] = ' ';
		space = false;
		memcpy(out + o, s + i, k);
		o += k;
		i += k;
	}
	out[o] = 0;
	if (!o)
		return jk_fail(err, JK_EFORMAT, "%s is empty", what);
	return 0;
}

int control_parse_announce(const char *body, size_t len, int64_t now, control_announce *out,
                           jk_err *err)
{
	static const char *const names[] = {"text", "minutes", "level"};
	const cJSON *f[3];
	memset(out, 0, sizeof *out);
	cJSON *root;
	int r = parse_object(body, len, &root, err);
	if (!r)
		r = members(root, names, 3, f, err);
	if (r)
		goto out;
	r = JK_EFORMAT;
	if (!f[0]) {
		jk_fail(err, r, "field \"text\" is missing");
		goto out;
	}
	if (!cJSON_IsString(f[0])) {
		jk_fail(err, r, "field \"text\" is not a string");
		goto out;
	}
	if (!f[1]) {
		jk_fail(err, r, "field \"minutes\" is missing");
		goto out;
	}
	double m = cJSON_IsNumber(f[1]) ? f[1]->valuedouble : NAN;
	if (!cJSON_IsNumber(f[1]) || !isfinite(m) || m != floor(m) || m < 1 ||
	    m > CONTROL_ANNOUNCE_MINUTES_MAX) {
		jk_fail(err, r, "field \"minutes\" must be a whole number from 1 to %d",
		        CONTROL_ANNOUNCE_MINUTES_MAX);
		goto out;
	}
	out->level = CONTROL_INFO;
	if (f[2] && cJSON_IsString(f[2]) && !strcmp(f[2]->valuestring, "urgent"))
		out->level = CONTROL_URGENT;
	else if (f[2] && (!cJSON_IsString(f[2]) || strcmp(f[2]->valuestring, "info"))) {
		jk_fail(err, r, "field \"level\" must be \"info\" or \"urgent\"");
		goto out;
	}
	r = clean_text("text", f[0]->valuestring, strlen(f[0]->valuestring), out->text,
	               sizeof out->text, err);
	if (!r)
		out->until = now + (int64_t)m * 60;
out:
	cJSON_Delete(root);
	if (r)
		memset(out, 0, sizeof *out);
	return r;
}

int control_announce_text(const char *text, size_t len, control_announce *out, jk_err *err)
{
	memset(out, 0, sizeof *out);
	int r =
	    clean_text("text", text ? text : "", text ? len : 0, out->text, sizeof out->text, err);
	if (r)
		out->text[0] = 0;
	return r;
}

int control_parse_goto(const char *body, size_t len, char id[CONTROL_ID_MAX], jk_err *err)
{
	static const char *const names[] = {"id"};
	const cJSON *f[1];
	id[0] = 0;
	cJSON *root;
	int r = parse_object(body, len, &root, err);
	if (!r)
		r = members(root, names, 1, f, err);
	if (!r && !f[0])
		r = jk_fail(err, JK_EFORMAT, "field \"id\" is missing");
	if (!r && !cJSON_IsString(f[0]))
		r = jk_fail(err, JK_EFORMAT, "field \"id\" is not a string");
	if (!r) {
		const char *s = f[0]->valuestring;
		size_t n = strlen(s);
		if (!n || n >= CONTROL_ID_MAX)
			r = jk_fail(err, JK_EFORMAT, "field \"id\" must be 1 to %d bytes",
			            CONTROL_ID_MAX - 1);
		for (size_t i = 0; !r && i < n; i++)
			if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
				r = jk_fail(err, JK_EFORMAT,
				            "field \"id\" holds a control character");
		if (!r)
			memcpy(id, s, n + 1);
	}
	cJSON_Delete(root);
	return r;
}

int ctl_parse_empty(const char *body, size_t len, jk_err *err)
{
	size_t i = 0;
	while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n'))
		i++;
	if (i == len)
		return 0;
	cJSON *root;
	int r = parse_object(body, len, &root, err);
	if (!r && root->child)
		r = jk_fail(err, JK_EFORMAT, "expected an empty body or {}");
	cJSON_Delete(root);
	return r;
}
