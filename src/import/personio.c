/* personio.c — layer 3: Personio's public XML positions feed
 * (https://COMPANY.jobs.personio.de/xml): a <workzag-jobs> root holding one
 * <position> per published job, each of its <jobDescription>s a section
 * under its own <name>. Read through xmldoc.c, which never expands
 * entities. Fields as Personio's developer documentation names them. */
#include "readers.h"

#include <ctype.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct personio {
	const import_opts *o;
	const char *base; /* the source URL, when it is an http(s) one */
	char *site;       /* owned: "https://acme.jobs.personio.de" of base, or NULL */
	char *company;    /* owned: "acme" of a *.jobs.personio.* host, or NULL */
	posting_list *out;
	size_t first, skipped;
	jk_err *err;
} personio;

static bool is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}

/* The first child <name> of n, or NULL. */
static const xmlNode *child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* Sets *field (when n is there) to the text of n, references decoded and
 * white space normalised; none stays NULL. */
static int node_text(char **field, const xmlNode *n)
{
	char *t = n ? import_xml_text(n) : NULL;
	if (n && !t)
		return JK_ENOMEM;
	int r = import_set_text(field, t);
	free(t);
	return r;
}

/* The scheme and host (with its port) of the source URL, where the apply
 * pages are, and the company of a COMPANY.jobs.personio.* host. */
static int site_of(personio *ps)
{
	const char *h = ps->base ? strstr(ps->base, "://") : NULL;
	if (!h)
		return JK_OK;
	h += 3;
	size_t n = strcspn(h, "/?#\\");
	const char *at = memchr(h, '@', n); /* a user name is not carried over */
	if (at)
		n -= (size_t)(at + 1 - h), h = at + 1;
	jk_buf b = {0};
	int r = jk_buf_append(&b, ps->base, (size_t)(strstr(ps->base, "://") + 3 - ps->base));
	if (!r)
		r = jk_buf_append(&b, h, n);
	ps->site = r ? NULL : jk_buf_detach(&b);
	jk_buf_free(&b);
	const char *dot = memchr(h, '.', n), *tail = NULL;
	if (dot && dot > h) {
		char *host = jk_strndup(dot, n - (size_t)(dot - h));
		tail = host && jk_strcasestr(host, ".jobs.personio.") ? dot : NULL;
		free(host);
	}
	if (tail)
		ps->company = jk_strndup(h, (size_t)(dot - h));
	return !ps->site || (tail && !ps->company) ? JK_ENOMEM : JK_OK;
}

/* https://COMPANY.jobs.personio.de/job/ID#apply for an id of letters and
 * digits; nothing without the site (a file read from disk). */
static int set_apply(const personio *ps, posting *p)
{
	const char *id = p->native_id;
	if (!ps->site || !id || strlen(id) > 40)
		return JK_OK;
	for (const char *c = id; *c; c++)
		if (!isalnum((unsigned char)*c) && *c != '-' && *c != '_')
			return JK_OK;
	jk_buf b = {0};
	int r = jk_buf_printf(&b, "%s/job/%s#apply", ps->site, id);
	if (!r)
		p->apply = import_url_accept(b.data, NULL);
	jk_buf_free(&b);
	return r;
}

/* Personio's codes that the common employment words do not cover. */
static const struct {
	const char *code, *show;
} codes[] = {{"full-or-part-time", "Full-time or part-time"},
             {"trainee", "Trainee"},
             {"working_student", "Working student"},
             {"working-student", "Working student"}};

/* An employmentType or schedule code (v, owned) as words: "permanent" →
 * "Permanent", "intern" → "Internship", "working_student" → "Working
 * student", an unknown "side_job" → "Side job". */
static int add_employment(posting *p, char *v)
{
	if (!v || strlen(v) > 60) {
		free(v);
		return JK_OK;
	}
	const char *show = NULL;
	size_t used = 0;
	for (size_t i = 0; i < JK_ARRAY_LEN(codes) && !show; i++)
		if (!strcasecmp(v, codes[i].code))
			show = codes[i].show;
	if (!show && (show = import_employment_kind(v, strlen(v), &used)) && v[used])
		show = NULL;
	if (!show) {
		for (char *c = v; *c; c++)
			*c = *c == '_' || *c == '-' ? ' ' : *c;
		v[0] = (char)toupper((unsigned char)v[0]);
		show = v;
	}
	char word[64];
	snprintf(word, sizeof word, "%s", show);
	/* After another word it reads on: "Part-time, working student". */
	if (p->employment && !isupper((unsigned char)word[1]))
		word[0] = (char)tolower((unsigned char)word[0]);
	int r = import_employment_add(&p->employment, word, false);
	free(v);
	return r;
}

/* The schedule, then the kind of employment: "Full-time, permanent". */
static int employment(posting *p, const xmlNode *pos)
{
	static const char *const keys[] = {"schedule", "employmentType"};
	int r = JK_OK;
	for (size_t i = 0; i < JK_ARRAY_LEN(keys) && !r; i++) {
		char *v = NULL;
		r = node_text(&v, child(pos, keys[i]));
		if (r)
			free(v);
		else
			r = add_employment(p, v);
	}
	return r;
}

/* The office, then the additional offices, as "Berlin; Munich". */
static int offices(posting *p, const xmlNode *pos)
{
	jk_buf b = {.limit = 4096};
	const xmlNode *more = child(pos, "additionalOffices");
	const xmlNode *first = child(pos, "office");
	int r = JK_OK;
	for (const xmlNode *c = more ? more->children : NULL; !r && (first || c);) {
		const xmlNode *n = first ? first : is(c, "office") ? c : NULL;
		if (first)
			first = NULL;
		else
			c = c->next;
		char *t = NULL;
		r = node_text(&t, n);
		if (!r && t && !(b.len && jk_strcasestr(b.data, t)))
			r = jk_buf_printf(&b, "%s%s", b.len ? "; " : "", t);
		free(t);
	}
	if (r == JK_ETOOBIG) /* enough places */
		r = JK_OK;
	if (!r && b.len)
		r = posting_set(&p->location, b.data, b.len);
	jk_buf_free(&b);
	return r;
}

/* Each <jobDescription> a section headed by its <name>, its <value> HTML. */
static int descriptions(const personio *ps, posting *p, const xmlNode *pos, import_links *links)
{
	int r = JK_OK;
	const xmlNode *all = child(pos, "jobDescriptions");
	for (const xmlNode *d = all ? all->children : NULL; d && !r; d = d->next) {
		const xmlNode *v = is(d, "jobDescription") ? child(d, "value") : NULL;
		char *heading = NULL, *html = v ? import_xml_text(v) : NULL;
		r = v && !html ? JK_ENOMEM : node_text(&heading, child(d, "name"));
		if (!r && html && *html) {
			r = posting_add_section(p, heading) ? JK_OK : JK_ENOMEM;
			if (!r)
				r = import_body(p, html, strlen(html), BODY_HTML, 0, links,
				                ps->base, ps->err);
		}
		free(heading);
		free(html);
	}
	return r;
}

static int position(personio *ps, const xmlNode *pos)
{
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	char *dept = NULL;
	int r = node_text(&p->title, child(pos, "name"));
	if (!r)
		r = node_text(&p->native_id, child(pos, "id"));
	if (!r)
		r = node_text(&p->organization, child(pos, "subcompany"));
	if (!r && !p->organization)
		r = posting_set(&p->organization, ps->company, (size_t)-1);
	if (!r)
		r = offices(p, pos);
	if (!r)
		r = employment(p, pos);
	if (!r)
		r = node_text(&dept, child(pos, "department"));
	if (!r && dept)
		r = posting_add_tag(p, dept);
	free(dept);
	char *created = NULL;
	if (!r)
		r = node_text(&created, child(pos, "createdAt"));
	if (!r)
		r = import_set_date(&p->posted, created);
	free(created);
	if (!r)
		r = set_apply(ps, p);
	if (!r)
		r = descriptions(ps, p, pos, &links);
	if (!r && !p->title && !p->nsections) { /* nothing to show */
		import_links_free(&links);
		posting_free(p);
		return JK_OK;
	}
	return import_push(r, p, &links, NULL, ps->out);
}

static int read_positions(personio *ps, const xmlNode *root)
{
	int r = site_of(ps);
	size_t seen = 0;
	for (const xmlNode *c = root->children; c && !r; c = c->next) {
		if (!is(c, "position"))
			continue;
		seen++;
		if (!import_full(ps->o, ps->out, ps->first, &ps->skipped))
			r = position(ps, c);
	}
	if (!r && seen && !ps->site)
		import_warnf(ps->o, "Personio positions without the board's address: no apply "
		                    "links (they need https://COMPANY.jobs.personio.de/xml)");
	return r;
}

int import_personio(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err)
{
	char why[200] = "";
	bool recovered = false;
	xmlDoc *doc = NULL;
	int r = import_xml_read(data, len, opts ? opts->source : NULL, &doc, &recovered, why,
	                        sizeof why);
	if (r == JK_ENOMEM || r == JK_ETOOBIG)
		return jk_fail(err, r,
		               r == JK_ENOMEM ? "out of memory" : "Personio feed too large");
	const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (!root || strcmp((const char *)root->name, "workzag-jobs")) {
		r = root ? jk_fail(err, JK_EFORMAT,
		                   "XML but not a Personio positions feed (root <%.40s>)",
		                   (const char *)root->name)
		         : jk_fail(err, JK_EFORMAT, "not a readable Personio feed (%s)", why);
		xmlFreeDoc(doc);
		return r;
	}
	personio ps = {.o = opts, .base = html_base(opts), .out = out, .first = out->n, .err = err};
	r = read_positions(&ps, root);
	free(ps.site);
	free(ps.company);
	xmlFreeDoc(doc);
	if (!r && recovered && out->n == ps.first)
		r = jk_fail(err, JK_EFORMAT, "not a readable Personio feed (%s)", why);
	if (r) {
		import_drop_from(out, ps.first);
		return r == JK_ENOMEM ? jk_fail(err, r, "out of memory") : r;
	}
	if (recovered)
		import_warnf(opts, "not well-formed XML (%s); read what could be recovered", why);
	return JK_OK;
}
