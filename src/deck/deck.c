/* deck.c — which postings are shown and in which order. Pure: the time is
 * passed in, nothing is read or drawn here. */
#include "deck.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Case folding ------------------------------------------------------------ */

/* Simple (one code point to one) lower-case folding for the scripts a booth
 * in Europe meets: ASCII, Latin-1, Latin Extended-A, Latin Extended
 * Additional (Vietnamese), Greek and Cyrillic. No tables, no ICU. */
static uint32_t fold_cp(uint32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c >= 0x100 && c <= 0x17F) {
		if (c == 0x130)
			return 'i';
		if (c == 0x178)
			return 0xFF;
		if (c == 0x17F)
			return 's';
		if (c == 0x131 || c == 0x138 || c == 0x149)
			return c;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
			return c & 1 ? c + 1 : c;
		return c & 1 ? c : c + 1;
	}
	if (c >= 0x386 && c <= 0x3AB) {
		if (c == 0x386)
			return 0x3AC;
		if (c >= 0x388 && c <= 0x38A)
			return c + 37;
		if (c == 0x38C)
			return 0x3CC;
		if (c == 0x38E || c == 0x38F)
			return c + 63;
		if (c >= 0x391 && c != 0x3A2)
			return c + 32;
		return c;
	}
	if (c == 0x3C2) /* final sigma */
		return 0x3C3;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF))
		return c & 1 ? c : c + 1;
	if (c == 0x1E9E) /* capital sharp s */
		return 0xDF;
	if ((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
		return c & 1 ? c : c + 1;
	return c;
}

/* Scripts written without spaces: every character starts a word. */
static bool is_cjk(uint32_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

static bool is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c < 0xC0) /* Latin-1 punctuation and symbols, NBSP */
		return false;
	if (c == 0xD7 || c == 0xF7 || c == 0xFFFD)
		return false;
	if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows */
		return false;
	if (c >= 0x3000 && c <= 0x303F) /* CJK punctuation */
		return false;
	if (c >= 0xFF00 && c <= 0xFF0F) /* full-width punctuation */
		return false;
	return !jk_cp_is_space(c);
}

/* A filter word, folded, with white-space runs made one space and the ends
 * trimmed, as posting text is. */
typedef struct needle {
	uint32_t *cp; /* owned */
	size_t n;
	bool word_start; /* keyword: must start at a word boundary */
} needle;

typedef struct filter {
	needle *v; /* owned; empty words are left out */
	size_t n;
} filter;

static void filter_free(filter *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].cp);
	free(f->v);
	f->v = NULL;
	f->n = 0;
}

static int filter_compile(filter *f, const deck_words *w, bool word_prefix)
{
	f->v = NULL;
	f->n = 0;
	if (!w || !w->n || !w->v)
		return 0;
	f->v = calloc(w->n, sizeof *f->v);
	if (!f->v)
		return JK_ENOMEM;
	for (size_t i = 0; i < w->n; i++) {
		const char *s = w->v[i];
		if (!s)
			continue;
		size_t len = strlen(s);
		uint32_t *cp = malloc((len + 1) * sizeof *cp);
		if (!cp) {
			filter_free(f);
			return JK_ENOMEM;
		}
		size_t n = 0;
		bool space = false;
		for (size_t at = 0; at < len;) {
			uint32_t c;
			at += jk_utf8_decode(s + at, len - at, &c);
			if (jk_cp_is_space(c)) {
				space = n > 0;
				continue;
			}
			if (jk_cp_is_invisible(c))
				continue;
			if (space)
				cp[n++] = ' ';
			space = false;
			cp[n++] = fold_cp(c);
		}
		if (!n) {
			free(cp);
			continue;
		}
		f->v[f->n].cp = cp;
		f->v[f->n].n = n;
		f->v[f->n].word_start = word_prefix && is_word_cp(cp[0]);
		f->n++;
	}
	return 0;
}

/* Does the folded text at s (len bytes) start with the needle? *end gets
 * the byte offset just after the match. */
static bool match_here(const char *s, size_t len, const needle *nd, size_t *end)
{
	size_t at = 0;
	for (size_t j = 0; j < nd->n; j++) {
		if (at >= len)
			return false;
		uint32_t c;
		at += jk_utf8_decode(s + at, len - at, &c);
		if (jk_cp_is_space(c))
			c = ' ';
		/* U+FFFD stands for bytes that were not text: never a match. */
		if (fold_cp(c) != nd->cp[j] || c == 0xFFFD)
			return false;
	}
	*end = at;
	return true;
}

static bool text_has(const char *s, const needle *nd)
{
	if (!s)
		return false;
	size_t len = strlen(s), end;
	uint32_t prev = ' ';
	for (size_t at = 0; at < len;) {
		uint32_t c = (unsigned char)s[at];
		size_t k = c < 0x80 ? 1 : jk_utf8_decode(s + at, len - at, &c);
		/* Cheap first-character test (a needle never starts with a
		 * space): most positions fail here, ASCII without decoding. */
		if (fold_cp(c) != nd->cp[0]) {
			prev = c;
			at += k;
			continue;
		}
		bool boundary = !is_word_cp(prev) || is_cjk(prev) || is_cjk(c);
		if ((!nd->word_start || boundary) && match_here(s + at, len - at, nd, &end))
			return true;
		prev = c;
		at += k;
	}
	return false;
}

static bool text_equals(const char *s, const needle *nd)
{
	size_t end;
	return s && match_here(s, strlen(s), nd, &end) && s[end] == '\0';
}

static bool keyword_in(const posting *p, const needle *nd)
{
	if (text_has(p->title, nd) || text_has(p->organization, nd) || text_has(p->location, nd))
		return true;
	for (size_t i = 0; i < p->nsections; i++) {
		const posting_section *sec = &p->sections[i];
		if (text_has(sec->heading, nd))
			return true;
		for (size_t b = 0; b < sec->nblocks; b++)
			if (text_has(sec->blocks[b].text, nd))
				return true;
	}
	return false;
}

static bool passes(const posting *p, const filter *tags, const filter *emp, const filter *kw)
{
	if (tags->n) {
		bool hit = false;
		for (size_t i = 0; i < tags->n && !hit; i++)
			for (size_t t = 0; t < p->ntags && !hit; t++)
				hit = text_equals(p->tags[t], &tags->v[i]);
		if (!hit)
			return false;
	}
	if (emp->n) {
		bool hit = false;
		for (size_t i = 0; i < emp->n && !hit; i++)
			hit = text_has(p->employment, &emp->v[i]);
		if (!hit)
			return false;
	}
	if (kw->n) {
		bool hit = false;
		for (size_t i = 0; i < kw->n && !hit; i++)
			hit = keyword_in(p, &kw->v[i]);
		if (!hit)
			return false;
	}
	return true;
}

/* Dates ------------------------------------------------------------------- */

/* The local date of now as a day number; false when localtime cannot say. */
static bool today(time_t now, long *days)
{
	struct tm tm;
	if (!localtime_r(&now, &tm))
		return false;
	*days = posting_days((long)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return true;
}

bool deck_clock_trusted(const posting_list *l, time_t now)
{
	long t;
	if (now < DECK_CLOCK_SANE || !today(now, &t))
		return false;
	for (size_t i = 0; l && i < l->n; i++) {
		long d;
		if (l->items[i] && posting_date_parse(l->items[i]->posted, &d, NULL) && d - t > 1)
			return false;
	}
	return true;
}

/* Order ------------------------------------------------------------------- */

typedef struct sort_key {
	long day; /* LONG_MIN: undated */
	size_t idx;
	posting *p;
} sort_key;

static int newest_first(const void *a, const void *b)
{
	const sort_key *x = a, *y = b;
	if (x->day != y->day)
		return x->day > y->day ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static uint64_t splitmix64(uint64_t *s)
{
	uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n), n > 0: rejection removes the modulo bias. */
static uint64_t below(uint64_t *s, uint64_t n)
{
	uint64_t min = (0 - n) % n, x;
	do
		x = splitmix64(s);
	while (x < min);
	return x % n;
}

static void shuffle(posting **v, size_t n, uint64_t seed)
{
	uint64_t s = seed;
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)below(&s, i);
		posting *t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

/* Only targets a phone can open from a QR code: http(s) or mailto, with
 * something after the scheme and no spaces or control characters. */
static bool apply_ok(const char *s)
{
	if (!s)
		return false;
	size_t k;
	if (!strncasecmp(s, "http://", 7))
		k = 7;
	else if (!strncasecmp(s, "https://", 8))
		k = 8;
	else if (!strncasecmp(s, "mailto:", 7))
		k = 7;
	else
		return false;
	if (!s[k])
		return false;
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c <= ' ' || *c == 0x7F)
			return false;
	return jk_utf8_valid(s, strlen(s));
}

/* deck_apply -------------------------------------------------------------- */

/* What deck_apply keeps, chosen before the list is touched. */
typedef struct selection {
	filter tags, emp, kw;
	sort_key *keys; /* the kept postings, in list order */
	char **copies;  /* default apply targets to give, by kept index */
	char **links;   /* tagged QR links to give, by kept index */
	size_t kept;
} selection;

static void selection_free(selection *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s->copies)
			free(s->copies[i]);
		if (s->links)
			free(s->links[i]);
	}
	free(s->copies);
	free(s->links);
	free(s->keys);
	filter_free(&s->tags);
	filter_free(&s->emp);
	filter_free(&s->kw);
}

/* Chooses what to keep without changing l: everything that can fail
 * (allocations only: JK_ENOMEM) happens here. */
static int select_postings(const posting_list *l, const deck_opts *o, time_t now, selection *s,
                           deck_report *rep)
{
	size_t n = l->n;
	int r = filter_compile(&s->tags, &o->tags, false);
	if (!r)
		r = filter_compile(&s->emp, &o->employment, false);
	if (!r)
		r = filter_compile(&s->kw, &o->keywords, true);
	if (r)
		return r;
	if (n) {
		s->keys = calloc(n, sizeof *s->keys);
		s->copies = calloc(n, sizeof *s->copies);
		s->links = calloc(n, sizeof *s->links);
		if (!s->keys || !s->copies || !s->links)
			return JK_ENOMEM;
	}
	long t = 0;
	bool expiry = o->hide_expired && !rep->clock_untrusted && today(now, &t);
	bool give = apply_ok(o->default_apply);
	for (size_t i = 0; i < n; i++) {
		posting *p = l->items[i];
		long d;
		if (!p)
			continue;
		if (!passes(p, &s->tags, &s->emp, &s->kw)) {
			rep->filtered++;
			continue;
		}
		if (expiry && posting_date_parse(p->expires, &d, NULL) && d < t) {
			rep->expired++;
			continue;
		}
		if (give && (!p->apply || !p->apply[0])) {
			s->copies[s->kept] = jk_strndup(o->default_apply, (size_t)-1);
			if (!s->copies[s->kept])
				return JK_ENOMEM;
		}
		const char *apply = s->copies[s->kept] ? s->copies[s->kept] : p->apply;
		if (deck_track_link(apply, p->id, &o->track, &s->links[s->kept], NULL))
			return JK_ENOMEM;
		s->keys[s->kept] =
		    (sort_key){posting_date_parse(p->posted, &d, NULL) ? d : LONG_MIN, i, p};
		s->kept++;
	}
	return 0;
}

/* Applies the selection to l; nothing here can fail. */
static void commit(posting_list *l, const deck_opts *o, selection *s, deck_report *rep)
{
	size_t k = 0, kept = s->kept;
	for (size_t i = 0; i < l->n; i++) {
		if (k < kept && s->keys[k].idx == i) {
			k++;
			continue;
		}
		posting_free(l->items[i]);
		l->items[i] = NULL;
	}
	for (size_t i = 0; i < kept; i++) {
		if (s->copies[i]) {
			free(s->keys[i].p->apply);
			s->keys[i].p->apply = s->copies[i];
			s->copies[i] = NULL;
			rep->defaulted++;
		}
		posting *p = s->keys[i].p;
		free(p->qr_link); /* made from apply with the settings of now */
		p->qr_link = s->links[i];
		s->links[i] = NULL;
		rep->tracked += p->qr_link != NULL;
	}
	if (o->order == DECK_ORDER_NEWEST && kept > 1)
		qsort(s->keys, kept, sizeof *s->keys, newest_first);
	for (size_t i = 0; i < kept; i++)
		l->items[i] = s->keys[i].p;
	l->n = kept;
	if (o->order == DECK_ORDER_SHUFFLE)
		shuffle(l->items, kept, o->seed);
	rep->shown = kept;
}

int deck_apply(posting_list *l, const deck_opts *o, time_t now, deck_report *report, jk_err *err)
{
	static const deck_opts defaults = {.hide_expired = true};
	if (!o)
		o = &defaults;
	deck_report rep = {0};
	rep.clock_untrusted = !deck_clock_trusted(l, now);
	if (!l) {
		if (report)
			*report = rep;
		return 0;
	}
	rep.in = l->n;
	size_t n = l->n;
	selection s = {0};
	int r = select_postings(l, o, now, &s, &rep);
	if (r) {
		selection_free(&s, n);
		/* Every failure there is an allocation. */
		return jk_fail(err, r, "out of memory choosing the postings to show");
	}
	commit(l, o, &s, &rep);
	selection_free(&s, n);
	if (report)
		*report = rep;
	return 0;
}

/* Names ------------------------------------------------------------------- */

static const struct {
	const char *name;
	deck_order order;
} order_names[] = {
    {"listed", DECK_ORDER_LISTED},   {"as-listed", DECK_ORDER_LISTED},
    {"newest", DECK_ORDER_NEWEST},   {"newest-first", DECK_ORDER_NEWEST},
    {"shuffle", DECK_ORDER_SHUFFLE}, {"random", DECK_ORDER_SHUFFLE},
};

bool deck_order_parse(const char *s, deck_order *out)
{
	if (!s)
		return false;
	for (size_t i = 0; i < JK_ARRAY_LEN(order_names); i++) {
		if (!strcasecmp(s, order_names[i].name)) {
			if (out)
				*out = order_names[i].order;
			return true;
		}
	}
	return false;
}

const char *deck_order_name(deck_order o)
{
	switch (o) {
	case DECK_ORDER_LISTED:
		return "listed";
	case DECK_ORDER_NEWEST:
		return "newest";
	case DECK_ORDER_SHUFFLE:
		return "shuffle";
	}
	return "listed";
}
