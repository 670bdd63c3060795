/* jobposting.c — layer 2b: schema.org JobPosting (JSON-LD) → postings, the
 * mapping the HTML page reader uses for its <script
 * type="application/ld+json"> and the JSON-LD reader for bare documents.
 * Nothing is trusted: every field is type-checked, unknown shapes are
 * skipped. */
#include "body.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How far below the document root a JobPosting is looked for. */
#define MAX_SEARCH_DEPTH 8
/* Locations listed before "+N more". */
#define MAX_PLACES 3

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, key) : NULL;
}

/* A non-empty string value, NULL otherwise. */
static const char *str(const cJSON *v)
{
	return cJSON_IsString(v) && v->valuestring && *v->valuestring ? v->valuestring : NULL;
}

static const char *sget(const cJSON *o, const char *key)
{
	return str(get(o, key));
}

/* The first element of an array, or v itself. */
static const cJSON *first(const cJSON *v)
{
	return cJSON_IsArray(v) ? v->child : v;
}

/* "JobPosting", "schema:JobPosting", "http://schema.org/JobPosting". */
static bool type_is(const char *t, const char *want)
{
	if (!t)
		return false;
	const char *c = strrchr(t, '/'), *colon = strrchr(t, ':');
	if (colon && (!c || colon > c))
		c = colon;
	return !strcasecmp(c ? c + 1 : t, want);
}

static bool has_type(const cJSON *o, const char *want)
{
	const cJSON *t = get(o, "@type");
	if (cJSON_IsArray(t)) {
		const cJSON *e;
		cJSON_ArrayForEach(e, t) if (type_is(str(e), want)) return true;
		return false;
	}
	return type_is(str(t), want);
}

/* A number from a JSON number or a numeric string ("120000", "120,000.50"). */
static bool number(const cJSON *v, double *out)
{
	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
	} else if (str(v)) {
		char tmp[64];
		size_t k = 0;
		for (const char *c = v->valuestring; *c && k + 1 < sizeof tmp; c++)
			if (*c != ',' && *c != ' ')
				tmp[k++] = *c;
		tmp[k] = '\0';
		char *end;
		*out = strtod(tmp, &end);
		if (end == tmp || *end)
			return false;
	} else {
		return false;
	}
	return isfinite(*out) && *out > 0 && *out < 1e12;
}

/* Builds ---------------------------------------------------------------- */

/* "$120,000", "EUR 25.50" or "120,000". */
static int put_amount(jk_buf *b, const char *sym, const char *code, double v)
{
	int r = sym ? jk_buf_puts(b, sym) : code ? jk_buf_printf(b, "%s ", code) : JK_OK;
	return r ? r : import_money(b, v, fabs(v - round(v)) >= 0.005);
}

static const char *unit_words(const char *unit)
{
	static const struct {
		const char *unit, *words;
	} units[] = {{"HOUR", "an hour"},  {"DAY", "a day"},   {"WEEK", "a week"},
	             {"MONTH", "a month"}, {"YEAR", "a year"}, {"ANNUAL", "a year"}};
	for (size_t i = 0; unit && i < JK_ARRAY_LEN(units); i++)
		if (!strcasecmp(unit, units[i].unit))
			return units[i].words;
	return NULL;
}

static const char *currency_symbol(const char *code)
{
	static const struct {
		const char *code, *sym;
	} cur[] = {{"USD", "$"},   {"EUR", "€"},  {"GBP", "£"},   {"JPY", "¥"}, {"INR", "₹"},
	           {"CAD", "CA$"}, {"AUD", "A$"}, {"CNY", "CN¥"}, {"KRW", "₩"}, {"NZD", "NZ$"}};
	for (size_t i = 0; code && i < JK_ARRAY_LEN(cur); i++)
		if (!strcasecmp(code, cur[i].code))
			return cur[i].sym;
	return NULL;
}

/* baseSalary: a number, a string, or a MonetaryAmount whose value is a
 * number or a QuantitativeValue → "$120,000–$150,000 a year". */
static int pay_text(const cJSON *sal, jk_buf *b)
{
	sal = first(sal);
	double lo = 0, hi = 0, one = 0;
	if (str(sal))
		return jk_buf_puts(b, sal->valuestring);
	if (number(sal, &one))
		return put_amount(b, NULL, NULL, one);
	if (!cJSON_IsObject(sal))
		return JK_OK;
	const char *code = sget(sal, "currency");
	if (code && (strlen(code) != 3 || !isalpha((unsigned char)code[0])))
		code = NULL;
	const char *sym = currency_symbol(code);
	const cJSON *v = get(sal, "value");
	const cJSON *q = cJSON_IsObject(v) ? v : sal;
	const char *unit = sget(q, "unitText");
	if (!unit)
		unit = sget(sal, "unitText");
	bool has_lo = number(get(q, "minValue"), &lo), has_hi = number(get(q, "maxValue"), &hi);
	bool has_one = number(cJSON_IsObject(v) ? get(v, "value") : v, &one);
	int r = JK_OK;
	if (has_lo && has_hi && hi > lo) {
		r = put_amount(b, sym, code, lo);
		if (!r)
			r = jk_buf_puts(b, "–");
		if (!r)
			r = put_amount(b, sym, NULL, hi);
	} else if (has_lo || has_hi || has_one) {
		r = put_amount(b, sym, code, has_one ? one : has_lo ? lo : hi);
	} else {
		return JK_OK;
	}
	const char *w = unit_words(unit);
	if (!r && w)
		r = jk_buf_printf(b, " %s", w);
	return r;
}

/* One employmentType value: a kind of work ("FULL_TIME" → "Full-time"),
 * a workplace ("HYBRID" qualifies it), or another word as written
 * ("SEASONAL" reads "Seasonal"); "OTHER" says nothing. */
static int add_employment(char **field, const char *v, size_t n, bool qualifiers)
{
	while (n && isspace((unsigned char)*v))
		v++, n--;
	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	if (!n || n > 60 || (n == 5 && !strncasecmp(v, "OTHER", 5)))
		return JK_OK;
	char word[64];
	size_t used = 0;
	const char *kind = import_employment_kind(v, n, &used);
	bool upper = true;
	for (size_t i = 0; i < n; i++) {
		word[i] = v[i] == '_' ? ' ' : v[i];
		upper &= !islower((unsigned char)v[i]);
	}
	word[n] = '\0';
	for (size_t i = 1; upper && i < n; i++)
		word[i] = (char)tolower((unsigned char)word[i]);
	if (kind && used == n)
		snprintf(word, sizeof word, "%s", kind);
	bool place = !kind && (!strcasecmp(word, "remote") || !strcasecmp(word, "hybrid") ||
	                       !strcasecmp(word, "on site") || !strcasecmp(word, "onsite") ||
	                       !strcasecmp(word, "telecommute"));
	if (place != qualifiers)
		return JK_OK;
	if (!strcasecmp(word, "onsite") || !strcasecmp(word, "on site"))
		snprintf(word, sizeof word, "On-site");
	return import_employment_add(field, word, place);
}

/* employmentType: a string, a list, or "FULL_TIME, PART_TIME"; kinds of
 * work first, then the workplace that qualifies them. */
static int employment_text(const cJSON *v, char **field)
{
	int r = JK_OK;
	for (int pass = 0; pass < 2 && !r; pass++) {
		const cJSON *e = cJSON_IsArray(v) ? v->child : v;
		for (; e && !r; e = cJSON_IsArray(v) ? e->next : NULL) {
			const char *s = str(e);
			while (s && !r) {
				const char *comma = strchr(s, ',');
				r = add_employment(
				    field, s, comma ? (size_t)(comma - s) : strlen(s), pass == 1);
				s = comma ? comma + 1 : NULL;
			}
		}
	}
	return r;
}

static bool is_us(const char *c)
{
	return c && (!strcasecmp(c, "US") || !strcasecmp(c, "USA") ||
	             !strcasecmp(c, "United States") || !strcasecmp(c, "United States of America"));
}

/* A name from a string or an object's "name". */
static const char *name_of(const cJSON *v)
{
	v = first(v);
	return str(v) ? v->valuestring : sget(v, "name");
}

/* One Place → "Redmond, WA" / "Berlin, Germany" into b. */
static int place_text(const cJSON *place, jk_buf *b)
{
	const cJSON *a = get(place, "address");
	if (str(place))
		return jk_buf_puts(b, place->valuestring);
	if (str(first(a)))
		return jk_buf_puts(b, first(a)->valuestring);
	a = first(a);
	const char *parts[3] = {name_of(get(a, "addressLocality")),
	                        name_of(get(a, "addressRegion")),
	                        name_of(get(a, "addressCountry"))};
	if (parts[1] && is_us(parts[2]))
		parts[2] = NULL;
	int r = JK_OK;
	size_t start = b->len;
	for (size_t i = 0; i < 3 && !r; i++)
		if (parts[i] &&
		    !(b->data && b->len > start && jk_strcasestr(b->data + start, parts[i])))
			r = jk_buf_printf(b, "%s%s", b->len > start ? ", " : "", parts[i]);
	if (!r && b->len == start && sget(place, "name"))
		r = jk_buf_puts(b, sget(place, "name"));
	return r;
}

static int location_text(const cJSON *o, jk_buf *b)
{
	const cJSON *loc = get(o, "jobLocation"), *e;
	const char *type = sget(o, "jobLocationType");
	int r = JK_OK;
	if (!type && cJSON_IsArray(get(o, "jobLocationType")))
		type = str(get(o, "jobLocationType")->child);
	if (type && !strcasecmp(type, "TELECOMMUTE")) {
		const char *where = name_of(get(o, "applicantLocationRequirements"));
		r = where ? jk_buf_printf(b, "Remote (%s)", where) : jk_buf_puts(b, "Remote");
	}
	size_t places = 0, more = 0;
	jk_buf one = {0};
	const cJSON *list = cJSON_IsArray(loc) ? loc : NULL;
	cJSON_ArrayForEach(e, list)
	{
		if (r)
			break;
		one.len = 0;
		r = jk_buf_append(&one, "", 0);
		if (!r)
			r = place_text(e, &one);
		if (r || !one.len || (b->data && jk_strcasestr(b->data, one.data)))
			continue;
		if (places++ >= MAX_PLACES) {
			more++;
			continue;
		}
		r = jk_buf_printf(b, "%s%s", b->len ? (places == 1 ? " or " : "; ") : "", one.data);
	}
	if (!r && !cJSON_IsArray(loc) && loc) {
		one.len = 0;
		r = jk_buf_append(&one, "", 0);
		if (!r)
			r = place_text(loc, &one);
		if (!r && one.len)
			r = jk_buf_printf(b, "%s%s", b->len ? " or " : "", one.data);
	}
	if (!r && more)
		r = jk_buf_printf(b, " +%zu more", more);
	jk_buf_free(&one);
	return r;
}

/* Fields some sites give apart from the description. */
static const struct {
	const char *key, *heading;
} extra_fields[] = {{"responsibilities", "Responsibilities"},
                    {"qualifications", "Qualifications"},
                    {"skills", "Skills"},
                    {"educationRequirements", "Education"},
                    {"experienceRequirements", "Experience"},
                    {"jobBenefits", "Benefits"}};

/* True when the posting's text already holds the start of s. */
static bool already_has(const posting *p, const char *s)
{
	char probe[48];
	char *c = jk_text_clean(s, strlen(s) < 40 ? strlen(s) : 40);
	if (!c)
		return false;
	snprintf(probe, sizeof probe, "%.*s", 30, c);
	free(c);
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			if (p->sections[i].blocks[j].text &&
			    strstr(p->sections[i].blocks[j].text, probe))
				return true;
	return false;
}

static int set_from_buf(char **field, jk_buf *b)
{
	int r = b->len ? posting_set_default(field, b->data, b->len) : JK_OK;
	jk_buf_free(b);
	return r;
}

static char *identifier(const cJSON *v)
{
	char tmp[32];
	v = first(v);
	if (cJSON_IsObject(v))
		v = get(v, "value");
	if (str(v))
		return jk_strndup(v->valuestring, strlen(v->valuestring) < 200 ? (size_t)-1 : 200);
	if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
		snprintf(tmp, sizeof tmp, "%.0f", v->valuedouble);
		return jk_strndup(tmp, (size_t)-1);
	}
	return NULL;
}

/* inLanguage: a tag ("de-DE"), or a Language with the tag as its
 * alternateName or name (a name that is a word, "German", says nothing
 * we can use: no warning); of a list, the first. */
static int set_language(posting *p, const cJSON *v, const import_opts *opts)
{
	v = first(v);
	const char *tag = str(v);
	if (!tag && cJSON_IsObject(v)) {
		char t[POSTING_LANG_MAX];
		const char *name = sget(v, "name");
		tag = sget(v, "alternateName");
		if (!tag && name && posting_lang_norm(name, (size_t)-1, t) > 0)
			tag = name;
	}
	return import_set_lang(p, tag, "JSON-LD inLanguage", opts);
}

/* A JobPosting object → p (fields, description sections, apply target
 * chosen against base, which may be NULL). o borrowed. */
static int jsonld_to_posting(const cJSON *o, posting *p, const char *base, const import_opts *opts,
                             jk_err *err)
{
	const char *title = sget(o, "title") ? sget(o, "title") : sget(o, "name");
	const char *org = name_of(get(o, "hiringOrganization"));
	int r = p->title ? JK_OK : import_set_text(&p->title, title);
	if (!r && !p->organization)
		r = import_set_text(&p->organization, org);
	jk_buf b = {0};
	if (!r && !(r = location_text(o, &b)))
		r = set_from_buf(&p->location, &b);
	if (!r &&
	    !(r = pay_text(get(o, "baseSalary") ? get(o, "baseSalary") : get(o, "estimatedSalary"),
	                   &b)))
		r = set_from_buf(&p->pay, &b);
	if (!r && !p->employment) {
		r = employment_text(get(o, "employmentType"), &p->employment);
		/* Not schema.org, but sites write it: "HYBRID" qualifies the kind
		 * of work. TELECOMMUTE is in the location already. */
		const cJSON *lt = first(get(o, "jobLocationType"));
		if (!r && str(lt) && strcasecmp(lt->valuestring, "TELECOMMUTE"))
			r = add_employment(&p->employment, lt->valuestring, strlen(lt->valuestring),
			                   true);
	}
	jk_buf_free(&b);
	if (!r)
		r = import_set_date(&p->posted, sget(o, "datePosted"));
	if (!r)
		r = import_set_date(&p->expires, sget(o, "validThrough"));
	if (!r && !p->native_id)
		p->native_id = identifier(get(o, "identifier"));
	if (!r)
		r = set_language(p, get(o, "inLanguage"), opts);
	if (r)
		return jk_fail(err, r, "out of memory");
	const cJSON *contact = first(get(o, "applicationContact"));
	const char *targets[3] = {sget(o, "url"), sget(contact, "url"), sget(contact, "email")};
	for (size_t i = 0; i < 3 && !p->apply; i++) {
		if (!targets[i])
			continue;
		char mail[320];
		const char *t = targets[i];
		if (i == 2 && strncasecmp(t, "mailto:", 7) && strlen(t) < 300) {
			snprintf(mail, sizeof mail, "mailto:%s", t);
			t = mail;
		}
		p->apply = import_url_accept(t, base);
	}
	import_links links = {0};
	const char *d = sget(o, "description");
	r = d ? import_body(p, d, strlen(d), BODY_GUESS, 0, &links, base, err) : JK_OK;
	for (size_t i = 0; !r && i < JK_ARRAY_LEN(extra_fields); i++) {
		const char *s = sget(o, extra_fields[i].key);
		if (!s || already_has(p, s))
			continue;
		if (!posting_add_section(p, extra_fields[i].heading))
			r = jk_fail(err, JK_ENOMEM, "out of memory");
		else
			r = import_body(p, s, strlen(s), BODY_GUESS, 0, &links, base, err);
	}
	if (!r && (r = import_apply_choose(p, &links, base)))
		jk_fail(err, r, "could not choose the apply target");
	import_links_free(&links);
	return r;
}

/* Search ------------------------------------------------------------------ */

typedef struct search {
	posting_list *out;
	const char *base;
	const import_opts *o;
	size_t found;
	jk_err *err;
} search;

static int visit(search *s, const cJSON *v, int depth)
{
	if (!v || depth > MAX_SEARCH_DEPTH)
		return JK_OK;
	const cJSON *e;
	if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(e, v)
		{
			int r = visit(s, e, depth + 1);
			if (r)
				return r;
		}
		return JK_OK;
	}
	if (!cJSON_IsObject(v))
		return JK_OK;
	if (has_type(v, "JobPosting")) {
		posting *p = posting_new();
		if (!p)
			return jk_fail(s->err, JK_ENOMEM, "out of memory");
		int r = jsonld_to_posting(v, p, s->base, s->o, s->err);
		if (r || (!p->title && !p->nsections)) {
			/* Nothing to show: no title, no description. */
			posting_free(p);
			return r;
		}
		if ((r = posting_list_push(s->out, p)))
			return jk_fail(s->err, r, "out of memory");
		s->found++;
		return JK_OK;
	}
	static const char *const inner[] = {"@graph", "mainEntity", "itemListElement",
	                                    "item",   "hasPart",    "about"};
	for (size_t i = 0; i < JK_ARRAY_LEN(inner); i++) {
		int r = visit(s, get(v, inner[i]), depth + 1);
		if (r)
			return r;
	}
	return JK_OK;
}

/* Whether the quote at s[i] ends a string: what follows (after blanks)
 * is what may follow a JSON string. */
static bool closes_string(const char *s, size_t n, size_t i)
{
	for (i++; i < n && strchr(" \t\r\n", s[i]); i++)
		;
	return i >= n || strchr(",:}]", s[i]);
}

/* JSON as people write it into pages by hand: line breaks and tabs
 * inside strings, and quotes inside them left unescaped (`"<h1
 * id="x">"`), escaped. NULL when nothing needed mending or out of
 * memory. Caller frees. */
static char *json_mend(const char *s, size_t n)
{
	jk_buf b = {0};
	bool in = false, changed = false;
	int r = jk_buf_append(&b, "", 0);
	for (size_t i = 0; i < n && !r; i++) {
		char c = s[i];
		const char *esc = NULL;
		if (in && c == '\\' && i + 1 < n) {
			r = jk_buf_append(&b, s + i, 2);
			i++;
			continue;
		}
		if (c == '"' && in && !closes_string(s, n, i))
			esc = "\\\"";
		else if (c == '"')
			in = !in;
		else if (in && (c == '\n' || c == '\r' || c == '\t'))
			esc = c == '\n' ? "\\n" : c == '\t' ? "\\t" : "";
		changed |= esc != NULL;
		r = esc ? jk_buf_puts(&b, esc) : jk_buf_putc(&b, c);
	}
	if (r || !changed) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

int jsonld_read(const char *json, size_t len, const char *base, const import_opts *o,
                posting_list *out, size_t *found, jk_err *err)
{
	cJSON *root;
	*found = 0;
	int r = import_json_parse(json, len, &root, err);
	if (r == JK_EFORMAT) {
		char *mended = json_mend(json, len);
		if (mended && !import_json_parse(mended, strlen(mended), &root, NULL))
			r = JK_OK;
		free(mended);
	}
	if (r)
		return r;
	size_t before = out->n;
	search s = {out, base, o, 0, err};
	r = visit(&s, root, 0);
	cJSON_Delete(root);
	if (r) {
		import_drop_from(out, before);
		return r;
	}
	*found = s.found;
	return JK_OK;
}
