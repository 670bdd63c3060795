/* support.c — layer 0b: what every reader shares on top of common.c and
 * apply.c: warnings, the posting cap, pushing, dropping and finishing
 * postings, setting text and dates, the links a document holds, and the base
 * URL. */
#include "support.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool import_full(const import_opts *o, const posting_list *out, size_t first, size_t *skipped)
{
	if (out->n - first < IMPORT_MAX_POSTINGS)
		return false;
	if (!(*skipped)++)
		import_warnf(o, "more than %d postings; the rest is skipped", IMPORT_MAX_POSTINGS);
	return true;
}

int import_push(int r, posting *p, import_links *links, const char *base, posting_list *out)
{
	if (!r)
		r = import_apply_choose(p, links, base);
	import_links_free(links);
	if (r) {
		posting_free(p);
		return r;
	}
	return posting_list_push(out, p);
}

void import_drop_from(posting_list *out, size_t first)
{
	while (out->n > first)
		posting_free(out->items[--out->n]);
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

/* The deadline p's text states: in a block, or in a heading with the
 * start of its section's first block ("Application deadline" over "27
 * November 2024"). */
static int deadline_in_text(posting *p)
{
	char date[11];
	jk_buf b = {0};
	int r = 0;
	bool found = false;
	for (size_t si = 0; si < p->nsections && !found && !r; si++) {
		const posting_section *s = &p->sections[si];
		if (s->heading && s->nblocks && s->blocks[0].text) {
			b.len = 0;
			r = jk_buf_printf(&b, "%s: %.200s", s->heading, s->blocks[0].text);
			found = !r && import_deadline(b.data, b.len, date);
		}
		for (size_t bi = 0; bi < s->nblocks && !found && !r; bi++)
			found = s->blocks[bi].text &&
			        import_deadline(s->blocks[bi].text, s->blocks[bi].len, date);
	}
	jk_buf_free(&b);
	if (!r && found)
		r = posting_set(&p->expires, date, (size_t)-1);
	return r;
}

/* A title that names no role ("Jobs", "Jobs :: Acme, Inc") yields to the
 * first heading that does: the role it names after "we're looking for",
 * or the heading itself. The organisation the old title named stays. */
static int role_title(posting *p)
{
	size_t at = strcspn(p->title, ":|-\xE2"), n = strlen(p->title);
	bool whole = import_generic_title(p->title, n);
	if (!whole && !(at < n && at > 0 && import_generic_title(p->title, at)))
		return JK_OK;
	int r = JK_OK;
	if (!whole) { /* "Jobs :: Acme, Inc": the rest names the organisation */
		const char *rest = p->title + at;
		while (*rest && strchr(":|- \xE2\x80\x93\x94", *rest))
			rest++;
		if (*rest && !import_generic_title(rest, strlen(rest)))
			r = posting_set_default(&p->organization, rest, (size_t)-1);
	}
	for (size_t si = 0; !r && si < p->nsections; si++) {
		const char *h = p->sections[si].heading;
		if (!h || !import_names_role(h, strlen(h)))
			continue;
		char *role = import_role_phrase(h, strlen(h));
		r = posting_set(&p->title, role ? role : h, (size_t)-1);
		free(role);
		break;
	}
	return r;
}

int import_finish(posting_list *out, size_t first, const char *source)
{
	int r = JK_OK;
	for (size_t i = first; i < out->n && !r; i++) {
		posting *p = out->items[i];
		r = posting_set_default(&p->source, source, (size_t)-1);
		if (!r && !p->expires)
			r = deadline_in_text(p);
		if (!r && p->title)
			r = import_title_split(p, NULL);
		if (!r && p->title)
			r = role_title(p);
		if (!r && !p->title) {
			char *t = title_from_source(source);
			r = posting_set(&p->title, t ? t : "Open position", (size_t)-1);
			free(t);
		}
		if (!r)
			r = posting_finish(p, i - first);
	}
	return r;
}

int import_set_date(char **field, const char *s)
{
	char *d = s ? import_date(s) : NULL;
	int r = d ? posting_set_default(field, d, (size_t)-1) : JK_OK;
	free(d);
	return r;
}

int import_set_text(char **field, const char *s)
{
	if (!s)
		return JK_OK;
	if (!strchr(s, '&'))
		return posting_set(field, s, (size_t)-1);
	char *d = import_decode_entities(s, strlen(s));
	int r = d ? posting_set(field, d, (size_t)-1) : JK_ENOMEM;
	free(d);
	return r;
}

/* Words that make a title part say "jobs" rather than name someone. */
static bool job_words(const char *s, size_t n)
{
	static const char *const w[] = {
	    "jobs",         "careers",   "career",       "open positions", "open roles",
	    "job openings", "vacancies", "we're hiring", "we are hiring",  "job board",
	    "openings",     "join us",   "work with us", "jobs feed",      "current openings"};
	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ')
		s++, n--;
	for (size_t i = 0; i < JK_ARRAY_LEN(w); i++)
		if (strlen(w[i]) == n && !strncasecmp(s, w[i], n))
			return true;
	return false;
}

char *import_org_from_title(const char *title)
{
	if (!title)
		return NULL;
	char *t = jk_text_clean(title, (size_t)-1);
	if (!t)
		return NULL;
	static const char *const prefix[] = {"Jobs at ", "Careers at ", "Work at ",
	                                     "Open positions at ", "Job openings at "};
	for (size_t i = 0; i < JK_ARRAY_LEN(prefix); i++) {
		size_t k = strlen(prefix[i]);
		if (!strncasecmp(t, prefix[i], k) && t[k]) {
			memmove(t, t + k, strlen(t + k) + 1);
			return t;
		}
	}
	static const char *const seps[] = {" \xE2\x80\x94 ", " \xE2\x80\x93 ", " - ", " | ", ": "};
	for (size_t i = 0; i < JK_ARRAY_LEN(seps); i++) {
		char *at = strstr(t, seps[i]);
		if (!at)
			continue;
		char *right = at + strlen(seps[i]);
		if (job_words(right, strlen(right))) {
			*at = '\0';
			return t;
		}
		if (job_words(t, (size_t)(at - t))) {
			memmove(t, right, strlen(right) + 1);
			return t;
		}
	}
	static const char *const suffix[] = {" Careers", " Jobs"};
	for (size_t i = 0; i < JK_ARRAY_LEN(suffix); i++) {
		size_t n = strlen(t), k = strlen(suffix[i]);
		if (n > k && !strcasecmp(t + n - k, suffix[i]))
			t[n - k] = '\0';
	}
	return t;
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

const char *html_base(const import_opts *opts)
{
	const char *s = opts ? opts->source : NULL;
	return s && (!strncasecmp(s, "http://", 7) || !strncasecmp(s, "https://", 8)) ? s : NULL;
}
