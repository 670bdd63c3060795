/* json.c — layer 3: Greenhouse job boards, Lever postings and JSON Feed
 * (cJSON). Bare schema.org JobPosting JSON is jsonld.c's. Values of the
 * wrong type are ignored field by field; entries that are not objects are
 * skipped. */
#include "readers.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const cJSON *get(const cJSON *o, const char *k)
{
	return cJSON_IsObject(o) ? cJSON_GetObjectItemCaseSensitive(o, k) : NULL;
}

/* v when it is an array, else NULL (for cJSON_ArrayForEach). */
static const cJSON *arr(const cJSON *v)
{
	return cJSON_IsArray(v) ? v : NULL;
}

/* The string value of o[k] when it is a non-empty string, else NULL. */
static const char *str(const cJSON *o, const char *k)
{
	const cJSON *v = get(o, k);
	return cJSON_IsString(v) && v->valuestring && *v->valuestring ? v->valuestring : NULL;
}

/* A number, or a string holding only a number (Greenhouse writes
 * "100000.0"). */
static bool num(const cJSON *v, double *out)
{
	if (cJSON_IsNumber(v)) {
		*out = v->valuedouble;
		return isfinite(*out);
	}
	if (!cJSON_IsString(v) || !v->valuestring || !*v->valuestring)
		return false;
	char *end;
	*out = strtod(v->valuestring, &end);
	return *end == '\0' && isfinite(*out);
}

/* Ids are strings or whole numbers. */
static int set_id(posting *p, const cJSON *v)
{
	char tmp[32];
	if (cJSON_IsString(v))
		return posting_set(&p->native_id, v->valuestring, (size_t)-1);
	if (cJSON_IsNumber(v) && isfinite(v->valuedouble) && fabs(v->valuedouble) < 1e17) {
		snprintf(tmp, sizeof tmp, "%.0f", v->valuedouble);
		return posting_set(&p->native_id, tmp, (size_t)-1);
	}
	return JK_OK;
}

static int set_apply(posting *p, const char *url, const char *base)
{
	char *u = url ? import_url_accept(url, base) : NULL;
	int r = u ? posting_set_default(&p->apply, u, (size_t)-1) : JK_OK;
	free(u);
	return r;
}

/* Every string of an array (or a lone string) as a tag; objects give their
 * "name" (Greenhouse departments) or "text". */
static int add_tags(posting *p, const cJSON *v)
{
	if (cJSON_IsString(v))
		return posting_add_tag(p, v->valuestring);
	int r = JK_OK;
	const cJSON *e;
	cJSON_ArrayForEach(e, arr(v))
	{
		const char *t = cJSON_IsString(e) ? e->valuestring : str(e, "name");
		if (t && !r)
			r = posting_add_tag(p, t);
	}
	return r;
}

static bool has_cents(double v)
{
	return lround((v - floor(v)) * 100) % 100 != 0;
}

/* "USD 120,000–150,000 per year" into *field when still empty. min or max
 * may be NAN; cur and per may be NULL. */
static int set_pay(char **field, const char *cur, double min, double max, const char *per)
{
	bool lo = isfinite(min) && min > 0 && min < 1e12,
	     hi = isfinite(max) && max > 0 && max < 1e12;
	if (*field || (!lo && !hi))
		return JK_OK;
	jk_buf b = {0};
	bool cents = (lo && has_cents(min)) || (hi && has_cents(max));
	int r = JK_OK;
	if (!lo)
		r = jk_buf_puts(&b, "up to ");
	if (!r && cur)
		r = jk_buf_printf(&b, "%s ", cur);
	if (!r)
		r = import_money(&b, lo ? min : max, cents);
	if (!r && lo && hi && max > min) {
		r = jk_buf_puts(&b, "\xE2\x80\x93"); /* en dash */
		if (!r)
			r = import_money(&b, max, cents);
	} else if (!r && lo && !hi) {
		r = jk_buf_putc(&b, '+');
	}
	if (!r && per)
		r = jk_buf_printf(&b, " %s", per);
	if (!r)
		r = posting_set(field, b.data, b.len);
	jk_buf_free(&b);
	return r;
}

/* Postings of one document, counted against IMPORT_MAX_POSTINGS. */
typedef struct doc {
	const import_opts *o;
	const char *base;
	char *org; /* default organization, owned */
	posting_list *out;
	size_t first, skipped;
} doc;

static bool doc_full(doc *d)
{
	return import_full(d->o, d->out, d->first, &d->skipped);
}

/* --- Greenhouse ------------------------------------------------------------ */

/* A metadata value as text: strings, numbers, lists of strings. */
static char *meta_text(const cJSON *v)
{
	char tmp[32];
	if (cJSON_IsString(v))
		return jk_strndup(v->valuestring, (size_t)-1);
	if (cJSON_IsNumber(v) && isfinite(v->valuedouble)) {
		snprintf(tmp, sizeof tmp, "%g", v->valuedouble);
		return jk_strndup(tmp, (size_t)-1);
	}
	if (!cJSON_IsArray(v))
		return NULL;
	jk_buf b = {0};
	const cJSON *e;
	int r = JK_OK;
	cJSON_ArrayForEach(e, v)
	{
		if (cJSON_IsString(e) && !r)
			r = jk_buf_printf(&b, "%s%s", b.len ? ", " : "", e->valuestring);
	}
	if (r || !b.len) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

static int gh_metadata(posting *p, const cJSON *meta)
{
	int r = JK_OK;
	const cJSON *m;
	/* The workplace qualifies the employment type, so it comes second. */
	for (int pass = 0; pass < 2; pass++)
		cJSON_ArrayForEach(m, arr(meta))
		{
			const char *name = str(m, "name");
			const cJSON *v = get(m, "value");
			if (!name || r)
				continue;
			bool where = jk_strcasestr(name, "workplace") ||
			             jk_strcasestr(name, "remote") ||
			             jk_strcasestr(name, "location type");
			if (where != (pass == 1))
				continue;
			bool pay = jk_strcasestr(name, "salary") || jk_strcasestr(name, "pay") ||
			           jk_strcasestr(name, "compensation") ||
			           jk_strcasestr(name, "wage");
			if (pay && cJSON_IsObject(v)) { /* currency_range */
				double lo = NAN, hi = NAN;
				num(get(v, "min_value"), &lo);
				num(get(v, "max_value"), &hi);
				r = set_pay(&p->pay, str(v, "unit"), lo, hi, NULL);
				continue;
			}
			char *t = meta_text(v);
			if (!t)
				continue;
			if (where)
				r = import_employment_add(&p->employment, t, true);
			else if (pay)
				r = posting_set_default(&p->pay, t, (size_t)-1);
			else if (jk_strcasestr(name, "employment") ||
			         jk_strcasestr(name, "job type") ||
			         jk_strcasestr(name, "commitment") ||
			         jk_strcasestr(name, "schedule"))
				r = posting_set_default(&p->employment, t, (size_t)-1);
			else if (jk_strcasestr(name, "expir") || jk_strcasestr(name, "closing") ||
			         jk_strcasestr(name, "deadline"))
				r = import_set_date(&p->expires, t);
			else if (jk_strcasestr(name, "location"))
				r = posting_set_default(&p->location, t, (size_t)-1);
			free(t);
		}
	return r;
}

static int gh_job(doc *d, const cJSON *j, jk_err *err)
{
	const char *title = str(j, "title"), *content = str(j, "content");
	if (!title && !content)
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	const cJSON *loc = get(j, "location");
	const char *org = str(j, "company_name") ? str(j, "company_name") : str(j, "company");
	int r = import_set_text(&p->title, title);
	if (!r)
		r = import_set_text(&p->organization, org ? org : d->org);
	if (!r)
		r = import_set_text(&p->location,
		                    cJSON_IsString(loc) ? loc->valuestring : str(loc, "name"));
	const cJSON *office;
	cJSON_ArrayForEach(office, arr(get(j, "offices")))
	{
		if (!r && !p->location)
			r = import_set_text(&p->location, str(office, "location")
			                                      ? str(office, "location")
			                                      : str(office, "name"));
	}
	if (!r)
		r = import_set_date(&p->posted, str(j, "first_published")
		                                    ? str(j, "first_published")
		                                    : str(j, "updated_at"));
	if (!r)
		r = set_apply(p, str(j, "absolute_url"), d->base);
	if (!r)
		r = set_id(p, get(j, "id"));
	if (!r)
		r = add_tags(p, get(j, "departments"));
	if (!r)
		r = gh_metadata(p, get(j, "metadata"));
	const cJSON *pr;
	cJSON_ArrayForEach(pr, arr(get(j, "pay_input_ranges")))
	{
		double lo = NAN, hi = NAN;
		/* Both read, so a range with only a maximum still shows. */
		bool has_lo = num(get(pr, "min_cents"), &lo),
		     has_hi = num(get(pr, "max_cents"), &hi);
		if (!r && (has_lo || has_hi))
			r = set_pay(&p->pay, str(pr, "currency_type"), lo / 100, hi / 100, NULL);
	}
	if (!r && content) {
		/* content is HTML escaped once more: &lt;p&gt; */
		char *html = import_decode_entities(content, strlen(content));
		r = html ? import_body(p, html, strlen(html), BODY_HTML, 0, &links, d->base, err)
		         : JK_ENOMEM;
		free(html);
	}
	return import_push(r, p, &links, d->base, d->out);
}

int import_greenhouse(const char *data, size_t len, const import_opts *opts, posting_list *out,
                      jk_err *err)
{
	cJSON *root;
	int r = import_json_parse(data, len, &root, err);
	if (r)
		return r;
	doc d = {.o = opts, .base = html_base(opts), .out = out, .first = out->n};
	const cJSON *jobs = get(root, "jobs"), *j;
	if (!jobs && cJSON_IsArray(root))
		jobs = root;
	if (cJSON_IsArray(jobs)) {
		cJSON_ArrayForEach(j, jobs)
		{
			if (!r && cJSON_IsObject(j) && !doc_full(&d))
				r = gh_job(&d, j, err);
		}
	} else if (!jobs && (str(root, "absolute_url") || str(root, "content"))) {
		r = gh_job(&d, root, err);
	} else {
		r = jk_fail(err, JK_EFORMAT, "Greenhouse JSON without a \"jobs\" list");
	}
	cJSON_Delete(root);
	if (r) {
		import_drop_from(out, d.first);
		return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : r;
	}
	return JK_OK;
}

/* --- Lever ----------------------------------------------------------------- */

/* "per-year-salary" → "per year"; "one-time" stays. */
static void lever_interval(const char *iv, char *out, size_t n)
{
	out[0] = '\0';
	if (!iv)
		return;
	if (!strncasecmp(iv, "per-", 4)) {
		size_t k = strcspn(iv + 4, "-");
		if (k && k < 16)
			snprintf(out, n, "per %.*s", (int)k, iv + 4);
	} else if (!strcasecmp(iv, "one-time")) {
		snprintf(out, n, "one-time");
	}
}

static int lever_html_escape(jk_buf *b, const char *s)
{
	int r = JK_OK;
	for (; *s && !r; s++)
		r = *s == '<'   ? jk_buf_puts(b, "&lt;")
		    : *s == '>' ? jk_buf_puts(b, "&gt;")
		    : *s == '&' ? jk_buf_puts(b, "&amp;")
		                : jk_buf_putc(b, *s);
	return r;
}

/* Description, the lists (each a section under its own heading) and the
 * closing text, HTML where Lever gives it, plain text otherwise. */
static int lever_sections(posting *p, const cJSON *j, import_links *links, const char *base,
                          jk_err *err)
{
	jk_buf h = {.limit = IMPORT_MAX_BYTES};
	int r = JK_OK;
	const char *desc = str(j, "description"), *plain = str(j, "descriptionPlain");
	if (desc)
		r = jk_buf_puts(&h, desc);
	else if (plain)
		r = import_body(p, plain, strlen(plain), BODY_TEXT, 0, links, base, err);
	const cJSON *l;
	cJSON_ArrayForEach(l, arr(get(j, "lists")))
	{
		const char *head = str(l, "text"), *items = str(l, "content");
		if (r || !items)
			continue;
		if (head && !(r = jk_buf_puts(&h, "<h3>")) && !(r = lever_html_escape(&h, head)))
			r = jk_buf_puts(&h, "</h3>");
		if (!r)
			r = jk_buf_printf(&h, "<ul>%s</ul>", items);
	}
	if (!r && h.len)
		r = import_body(p, h.data, h.len, BODY_HTML, 0, links, base, err);
	/* The closing text belongs to no list: a section of its own. */
	const char *more = str(j, "additional"), *more_plain = str(j, "additionalPlain");
	if (!r && (more || more_plain) && !posting_add_section(p, NULL))
		r = JK_ENOMEM;
	if (!r && more)
		r = import_body(p, more, strlen(more), BODY_HTML, 0, links, base, err);
	else if (!r && more_plain)
		r = import_body(p, more_plain, strlen(more_plain), BODY_TEXT, 0, links, base, err);
	jk_buf_free(&h);
	if (r == JK_ETOOBIG)
		r = jk_fail(err, r, "posting text too large");
	return r;
}

static int lever_posting(doc *d, const cJSON *j, jk_err *err)
{
	const char *title = str(j, "text");
	if (!title && !str(j, "description") && !str(j, "descriptionPlain"))
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	const cJSON *cat = get(j, "categories"), *sal = get(j, "salaryRange");
	int r = import_set_text(&p->title, title);
	if (!r)
		r = import_set_text(&p->organization,
		                    str(j, "company") ? str(j, "company") : d->org);
	if (!r)
		r = import_set_text(&p->location, str(cat, "location"));
	const cJSON *loc;
	cJSON_ArrayForEach(loc, arr(get(cat, "allLocations")))
	{
		if (!r && !p->location && cJSON_IsString(loc))
			r = import_set_text(&p->location, loc->valuestring);
	}
	if (!r)
		r = import_set_text(&p->employment, str(cat, "commitment"));
	const char *wt = str(j, "workplaceType");
	if (!r && wt && strcasecmp(wt, "unspecified"))
		r = import_employment_add(&p->employment,
		                          !strcasecmp(wt, "remote")   ? "Remote"
		                          : !strcasecmp(wt, "hybrid") ? "Hybrid"
		                          : !strcasecmp(wt, "onsite") ? "On-site"
		                                                      : wt,
		                          true);
	if (!r && cJSON_IsObject(sal)) {
		double lo = NAN, hi = NAN;
		char per[32];
		num(get(sal, "min"), &lo);
		num(get(sal, "max"), &hi);
		lever_interval(str(sal, "interval"), per, sizeof per);
		r = set_pay(&p->pay, str(sal, "currency"), lo, hi, per[0] ? per : NULL);
	}
	if (!r)
		r = set_apply(p, str(j, "applyUrl") ? str(j, "applyUrl") : str(j, "hostedUrl"),
		              d->base);
	if (!r)
		r = set_id(p, get(j, "id"));
	const cJSON *created = get(j, "createdAt");
	if (!r && cJSON_IsNumber(created) && created->valuedouble > 0 &&
	    created->valuedouble < 1e15) {
		char ms[32];
		snprintf(ms, sizeof ms, "%.0f", created->valuedouble);
		r = import_set_date(&p->posted, ms);
	}
	if (!r)
		r = add_tags(p, get(cat, "team"));
	if (!r)
		r = add_tags(p, get(cat, "department"));
	if (!r)
		r = add_tags(p, get(j, "tags"));
	if (!r)
		r = lever_sections(p, j, &links, d->base, err);
	return import_push(r, p, &links, d->base, d->out);
}

int import_lever(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err)
{
	cJSON *root;
	int r = import_json_parse(data, len, &root, err);
	if (r)
		return r;
	doc d = {.o = opts, .base = html_base(opts), .out = out, .first = out->n};
	/* The public API gives an array; the private one {"data": [...]}; one
	 * posting's endpoint a single object. */
	const cJSON *list = cJSON_IsArray(root) ? root : get(root, "data"), *j;
	if (cJSON_IsArray(list)) {
		cJSON_ArrayForEach(j, list)
		{
			if (!r && cJSON_IsObject(j) && !doc_full(&d))
				r = lever_posting(&d, j, err);
		}
	} else if (cJSON_IsObject(root) && (str(root, "text") || str(root, "hostedUrl"))) {
		r = lever_posting(&d, root, err);
	} else {
		r = jk_fail(err, JK_EFORMAT, "Lever JSON without a list of postings");
	}
	cJSON_Delete(root);
	if (r) {
		import_drop_from(out, d.first);
		return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : r;
	}
	return JK_OK;
}

/* --- JSON Feed ------------------------------------------------------------- */

static const char *author_name(const cJSON *o)
{
	const cJSON *a = get(o, "authors");
	if (cJSON_IsArray(a))
		return str(cJSON_GetArrayItem(a, 0), "name");
	return str(get(o, "author"), "name"); /* version 1 */
}

static int feed_item(doc *d, const cJSON *it, jk_err *err)
{
	const char *title = str(it, "title"), *html = str(it, "content_html");
	const char *text = str(it, "content_text"), *summary = str(it, "summary");
	if (!title && !html && !text && !summary)
		return JK_OK;
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	int r = import_set_text(&p->title, title);
	if (!r)
		r = import_set_text(&p->organization, d->org);
	if (!r)
		r = set_apply(p, str(it, "url"), d->base);
	if (!r)
		r = set_apply(p, str(it, "external_url"), d->base);
	if (!r)
		r = set_id(p, get(it, "id"));
	if (!r)
		r = import_set_date(&p->posted, str(it, "date_published")
		                                    ? str(it, "date_published")
		                                    : str(it, "date_modified"));
	if (!r)
		r = add_tags(p, get(it, "tags"));
	if (!r && html)
		r = import_body(p, html, strlen(html), BODY_HTML, 0, &links, d->base, err);
	else if (!r && text)
		r = import_body(p, text, strlen(text), BODY_TEXT, TEXT_KEYS, &links, d->base, err);
	else if (!r && summary)
		r = import_body(p, summary, strlen(summary), BODY_GUESS, TEXT_KEYS, &links, d->base,
		                err);
	return import_push(r, p, &links, d->base, d->out);
}

int import_jsonfeed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	cJSON *root;
	int r = import_json_parse(data, len, &root, err);
	if (r)
		return r;
	doc d = {.o = opts, .base = html_base(opts), .out = out, .first = out->n};
	const cJSON *items = get(root, "items"), *it;
	const char *ft = str(root, "title");
	d.org = ft ? import_org_from_title(ft) : jk_strndup(author_name(root), (size_t)-1);
	if ((ft || author_name(root)) && !d.org)
		r = JK_ENOMEM;
	if (!r && !cJSON_IsArray(items))
		r = jk_fail(err, JK_EFORMAT, "JSON Feed without an \"items\" list");
	cJSON_ArrayForEach(it, arr(r ? NULL : items))
	{
		if (!r && cJSON_IsObject(it) && !doc_full(&d))
			r = feed_item(&d, it, err);
	}
	cJSON_Delete(root);
	free(d.org);
	if (r) {
		import_drop_from(out, d.first);
		return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : r;
	}
	return JK_OK;
}
