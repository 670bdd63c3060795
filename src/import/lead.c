/* lead.c — layer 1a: the header lines scraped pages and feed items put
 * before the first real section ("Org · Place · 9 hours ago", "$X/yr -
 * $Y/yr Hybrid Internship"), turned into fields. */
#include "blocks.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Words of a header line besides the kinds of work (import_employment_kind)
 * and how they show; rank 1 says where, rank 2 the level. They qualify the
 * kind of work: "Internship (hybrid, entry level)". */
static const struct {
	const char *words, *show;
	int rank;
} qual_words[] = {
    {"hybrid", "Hybrid", 1},
    {"remote", "Remote", 1},
    {"on-site", "On-site", 1},
    {"onsite", "On-site", 1},
    {"in-office", "On-site", 1},
    {"entry level", "Entry level", 2},
    {"mid-senior level", "Mid-Senior level", 2},
    {"senior level", "Senior level", 2},
    {"associate", "Associate", 2},
    {"director", "Director", 2},
    {"executive", "Executive", 2},
};

/* Currency written before the amount, after it, and words that say the
 * amount is pay ("時給1,300円": hourly wage). */
static const char *const currency_signs[] = {"US$", "CA$", "NZ$", "HK$", "A$", "C$", "R$",
                                             "$",   "€",   "£",   "¥",   "₹",  "₩"};
static const char *const currency_after[] = {"円", "€", "元", "zł", "kr", "Kč"};
static const char *const pay_words[] = {"時給", "日給", "週給", "月給", "年収", "年俸"};
static const char *const currency_codes[] = {"USD", "EUR", "GBP", "CAD", "AUD", "INR", "JPY",
                                             "CHF", "SEK", "NOK", "DKK", "PLN", "CNY", "SGD",
                                             "NZD", "HKD", "KRW", "BRL", "MXN", "ZAR", "CZK"};
static const char *const pay_units[] = {
    "a",     "an",       "per",    "year",    "yr",     "hour",   "hr",    "month", "week", "day",
    "annum", "annually", "hourly", "monthly", "yearly", "weekly", "daily", "h",     "mo",   "wk"};
/* Between the two ends of a range, inside a token or as one. */
static const char *const range_signs[] = {"–", "—", "-", "〜", "～", "~"};
static const char *const connectors[] = {"·", "•", "|", "-", "–", "—", "to", "/", "+", "〜", "~"};

#define MAX_TOKS 32

typedef struct tok {
	const char *s;
	size_t n;
} tok;

static bool tok_eq(tok t, const char *w, size_t n)
{
	return t.n == n && !strncasecmp(t.s, w, n);
}

static bool tok_in(tok t, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tok_eq(t, list[i], strlen(list[i])))
			return true;
	return false;
}

/* The entry of list that s (up to e) starts with, its length in *k. */
static bool starts(const char *s, const char *e, const char *const *list, size_t n, size_t *k)
{
	for (size_t i = 0; i < n; i++) {
		*k = strlen(list[i]);
		if ((size_t)(e - s) >= *k && !memcmp(s, list[i], *k))
			return true;
	}
	return false;
}

/* Splits s at spaces; a trailing ',' or ';' is not part of a token. Returns
 * the count, or MAX_TOKS + 1 when there are too many to be a header line. */
static size_t tokens(const char *s, size_t len, tok *t)
{
	size_t n = 0, i = 0;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		size_t e = i;
		while (e > st && (s[e - 1] == ',' || s[e - 1] == ';'))
			e--;
		if (e == st)
			continue;
		if (n == MAX_TOKS)
			return MAX_TOKS + 1;
		t[n++] = (tok){s + st, e - st};
	}
	return n;
}

/* One amount at s: "$120k", "29,970", "1,300円", "25万円", "€45.000".
 * Returns its end, NULL when s holds none; *cur set when it names a
 * currency. */
static const char *amount(const char *s, const char *e, bool *cur)
{
	size_t k;
	if (starts(s, e, currency_signs, JK_ARRAY_LEN(currency_signs), &k))
		s += k, *cur = true;
	if (s == e || !isdigit((unsigned char)*s))
		return NULL;
	while (s < e && (isdigit((unsigned char)*s) || *s == ',' || *s == '.'))
		s++;
	if (s < e && strchr("kKmM", *s))
		s++;
	else if (e - s >= 3 && !memcmp(s, "万", 3))
		s += 3;
	if (starts(s, e, currency_after, JK_ARRAY_LEN(currency_after), &k))
		s += k, *cur = true;
	return s;
}

/* "/yr" after an amount: the end of the unit, s when there is none,
 * NULL when what follows the slash is not a unit. */
static const char *per_unit(const char *s, const char *e)
{
	if (s == e || *s != '/')
		return s;
	const char *u = ++s;
	while (u < e && isalpha((unsigned char)*u))
		u++;
	return tok_in((tok){s, (size_t)(u - s)}, pay_units, JK_ARRAY_LEN(pay_units)) ? u : NULL;
}

/* A token that is pay: "$10,000/yr", "120k", "$120k–$150k", "¥1,300/hour",
 * "時給1,300円〜1,500円". *cur set when it names a currency. */
static bool money(tok t, bool *cur)
{
	const char *s = t.s, *e = t.s + t.n;
	size_t k;
	*cur = false;
	if (starts(s, e, pay_words, JK_ARRAY_LEN(pay_words), &k))
		s += k, *cur = true;
	if (!(s = amount(s, e, cur)) || !(s = per_unit(s, e)))
		return false;
	if (s < e && starts(s, e, range_signs, JK_ARRAY_LEN(range_signs), &k))
		if (!(s = amount(s + k, e, cur)) || !(s = per_unit(s, e)))
			return false;
	if (s < e && *s == '+')
		s++;
	return s == e;
}

/* A word of a header line about the work, and how it shows. */
typedef struct work {
	const char *show;
	int rank; /* 0 kind of work, 1 where, 2 level */
} work;

/* Tokens the work phrase at t[i] spans (0: none; end: the line's end). */
static size_t work_phrase(const tok *t, size_t i, size_t n, const char *end, work *w)
{
	size_t used = 0;
	const char *kind = import_employment_kind(t[i].s, (size_t)(end - t[i].s), &used);
	if (kind) {
		/* Whole tokens only: "Full-time/Part-time" is not one phrase. */
		size_t j = i;
		while (j < n && t[j].s + t[j].n <= t[i].s + used)
			j++;
		if (j > i && t[j - 1].s + t[j - 1].n == t[i].s + used) {
			*w = (work){kind, 0};
			return j - i;
		}
	}
	for (size_t k = 0; k < JK_ARRAY_LEN(qual_words); k++) {
		const char *ws = qual_words[k].words;
		size_t m = 0;
		while (i + m < n) {
			size_t len = strcspn(ws, " ");
			if (!tok_eq(t[i + m], ws, len))
				break;
			m++;
			ws += len;
			if (!*ws) {
				*w = (work){qual_words[k].show, qual_words[k].rank};
				return m;
			}
			ws++;
		}
	}
	return 0;
}

/* What a header line says: pay (a span of the text) and work words. */
typedef struct facts {
	const char *pay;
	size_t pay_len;
	work work[8];
	size_t nwork;
} facts;

/* True when all of s is pay and employment words ("$10,000/yr - $14,000/yr
 * Hybrid Internship", "Full-time · Remote", "EUR 15.20 an hour", "USD
 * 5,090 - 10,120 per month"), filling f. Pay is kept whole, currency and
 * unit included, and must name its currency. */
static bool pay_work_line(const char *s, size_t len, facts *f)
{
	tok t[MAX_TOKS];
	size_t n = tokens(s, len, t), a = 0, b = 0;
	bool cur = false, any = false, started = false;
	memset(f, 0, sizeof *f);
	if (!n || n > MAX_TOKS)
		return false;
	for (size_t i = 0; i < n;) {
		work w;
		size_t used = work_phrase(t, i, n, s + len, &w);
		bool c;
		if (used) {
			if (f->nwork < JK_ARRAY_LEN(f->work))
				f->work[f->nwork++] = w;
			i += used;
			continue;
		}
		bool m = money(t[i], &c);
		bool code = tok_in(t[i], currency_codes, JK_ARRAY_LEN(currency_codes)) ||
		            tok_in(t[i], currency_after, JK_ARRAY_LEN(currency_after)) ||
		            tok_in(t[i], pay_words, JK_ARRAY_LEN(pay_words));
		bool unit = any && tok_in(t[i], pay_units, JK_ARRAY_LEN(pay_units));
		bool link = started && tok_in(t[i], connectors, JK_ARRAY_LEN(connectors));
		if (m || code || unit) {
			if (!started)
				a = i, started = true;
			any |= m;
			cur |= c || code;
			b = i;
		} else if (!link && !tok_in(t[i], connectors, JK_ARRAY_LEN(connectors))) {
			return false;
		}
		i++;
	}
	if (started && (!any || !cur))
		return false;
	if (any) {
		f->pay = t[a].s;
		f->pay_len = (size_t)(t[b].s + t[b].n - t[a].s);
	}
	return any || f->nwork;
}

/* "Redmond, WA", "Berlin, Germany", "Remote", "Greater Seattle Area". */
static bool place_like(const char *s, size_t n)
{
	const char *comma = memchr(s, ',', n);
	if (n >= 6 && !strncasecmp(s, "remote", 6) && (n == 6 || s[6] == ' '))
		return true;
	if (n > 5 && !strncmp(s + n - 5, " Area", 5))
		return true;
	if (!comma || n > 60 || comma == s || (size_t)(comma - s) + 2 >= n || comma[1] != ' ')
		return false;
	for (const char *c = s; c < s + n; c++)
		if (isdigit((unsigned char)*c))
			return false;
	return isupper((unsigned char)s[0]) && isupper((unsigned char)comma[2]);
}

/* What the header lines said, until it goes into the posting. */
typedef struct lead {
	char *org, *place, *pay;
	char *kind_text; /* "Part-time, 8 hours a week": a kind of work as written */
	work work[8];
	size_t nwork;
} lead;

static void lead_add_work(lead *l, const facts *f)
{
	for (size_t i = 0; i < f->nwork; i++) {
		bool dup = false;
		for (size_t j = 0; j < l->nwork; j++)
			dup |= !strcmp(l->work[j].show, f->work[i].show);
		if (!dup && l->nwork < JK_ARRAY_LEN(l->work))
			l->work[l->nwork++] = f->work[i];
	}
}

static int take(char **slot, const char *s, size_t n)
{
	if (*slot || !s)
		return JK_OK;
	*slot = jk_strndup(s, n);
	return *slot ? JK_OK : JK_ENOMEM;
}

/* A line of parts ("Microsoft · Redmond, WA · 9 hours ago · 6 applicants").
 * It counts as a header line only when a part is a place, pay or chrome
 * ("Python · Go · Rust" stays text), and only when every part has a use: a
 * line with a part that would be lost stays text. Parts that are none of
 * these name the organisation (unless p has one: then the one equal to it
 * is that, another the place) and the place. p may be NULL. */
static int dot_line(const char *s, const posting *p, lead *l, bool apply, bool *yes)
{
	static const char *const seps[] = {" · ", " • ", " | "};
	const char *part = s, *unk[2] = {0}, *place = NULL, *org = NULL, *kind = NULL;
	size_t unk_n[2] = {0}, nunk = 0, place_n = 0, org_n = 0, kind_n = 0, parts = 0, signals = 0;
	facts pay = {0}, fw[4];
	size_t works = 0;
	*yes = false;
	while (part) {
		const char *next = NULL, *end = part + strlen(part);
		for (size_t i = 0; i < JK_ARRAY_LEN(seps); i++) {
			const char *hit = strstr(part, seps[i]);
			if (hit && hit < end)
				end = hit, next = hit + strlen(seps[i]);
		}
		size_t n = (size_t)(end - part), used = 0;
		char piece[128];
		facts f;
		parts++;
		if (n >= sizeof piece)
			return JK_OK;
		memcpy(piece, part, n);
		piece[n] = '\0';
		if (!n || import_is_chrome(piece)) {
			signals += n > 0;
		} else if (pay_work_line(part, n, &f)) {
			signals++;
			if (f.pay && pay.pay)
				return JK_OK; /* two amounts: which one is the pay? */
			if (f.pay)
				pay = f;
			if (works < JK_ARRAY_LEN(fw))
				fw[works++] = f;
		} else if (!kind && n <= 60 && import_employment_kind(part, n, &used)) {
			signals++;
			kind = part, kind_n = n;
		} else if (place_like(part, n) && !place) {
			signals++;
			place = part, place_n = n;
		} else if (nunk < 2 && !isdigit((unsigned char)*part)) {
			unk[nunk] = part, unk_n[nunk++] = n;
		} else {
			return JK_OK;
		}
		part = next;
	}
	const char *have = p ? p->organization : NULL;
	for (size_t k = 0; k < nunk; k++) {
		if (have && strlen(have) == unk_n[k] && !strncasecmp(have, unk[k], unk_n[k]))
			org = unk[k], org_n = unk_n[k];
		else if (!org && !have)
			org = unk[k], org_n = unk_n[k];
		else if (!place)
			place = unk[k], place_n = unk_n[k];
		else
			return JK_OK;
	}
	if (parts < 2 || !signals || !(org || place || pay.pay || works || kind))
		return JK_OK;
	*yes = true;
	if (!apply)
		return JK_OK;
	int r = take(&l->org, org, org_n);
	if (!r)
		r = take(&l->place, place, place_n);
	if (!r)
		r = take(&l->pay, pay.pay, pay.pay_len);
	if (!r)
		r = take(&l->kind_text, kind, kind_n);
	for (size_t i = 0; i < works; i++)
		lead_add_work(l, &fw[i]);
	return r;
}

/* Whether text is a header line (*yes); with apply, its facts go into l. */
static int header_line(const char *text, const posting *p, lead *l, bool apply, bool *yes)
{
	facts f;
	size_t n = strlen(text);
	*yes = false;
	if (n > 200)
		return JK_OK;
	if (!pay_work_line(text, n, &f))
		return dot_line(text, p, l, apply, yes);
	*yes = true;
	lead_add_work(l, &f);
	return apply ? take(&l->pay, f.pay, f.pay_len) : JK_OK;
}

/* Fills p's empty fields from l. Employment reads "Internship (hybrid)":
 * the kind of work, then where and the level as qualifiers. */
static int lead_apply(posting *p, lead *l)
{
	char *emp = NULL;
	int r = l->kind_text ? posting_set(&emp, l->kind_text, (size_t)-1) : JK_OK;
	for (int rank = 0; rank < 3 && !r; rank++)
		for (size_t i = 0; i < l->nwork && !r; i++)
			if (l->work[i].rank == rank)
				r = import_employment_add(&emp, l->work[i].show, rank > 0);
	if (!r && emp)
		r = posting_set_default(&p->employment, emp, (size_t)-1);
	free(emp);
	if (!r && l->org)
		r = posting_set_default(&p->organization, l->org, (size_t)-1);
	if (!r && l->place)
		r = posting_set_default(&p->location, l->place, (size_t)-1);
	if (!r && l->pay)
		r = posting_set_default(&p->pay, l->pay, (size_t)-1);
	return r;
}

/* How many lead blocks are looked at for header lines. */
#define LEAD_BLOCKS 6

int html_lead_meta(posting *p)
{
	size_t si = 0;
	while (si < p->nsections && !p->sections[si].heading && !p->sections[si].nblocks)
		si++;
	if (si == p->nsections)
		return JK_OK;
	posting_section *s = &p->sections[si];
	lead l = {0};
	bool header = false;
	int r = JK_OK;
	for (size_t i = 0; i < s->nblocks && i < 3 && !header && !r; i++)
		if (s->blocks[i].text)
			r = header_line(s->blocks[i].text, p, &l, false, &header);
	if (!r && s->heading) {
		/* "<p><b>Research Intern</b></p><p>Microsoft · Redmond, WA</p>":
		 * the heading is the posting's title, not a section. */
		if (!p->title && header) {
			p->title = s->heading;
			s->heading = NULL;
		} else if (p->title && !strcmp(p->title, s->heading)) {
			free(s->heading);
			s->heading = NULL;
		} else {
			return JK_OK;
		}
	}
	memset(&l, 0, sizeof l);
	for (size_t i = 0, seen = 0; !r && i < s->nblocks && seen < LEAD_BLOCKS; seen++) {
		const char *t = s->blocks[i].text;
		bool yes = false;
		if (t && strlen(t) > 200)
			break;
		if (t && !(r = header_line(t, p, &l, true, &yes)) && yes)
			posting_remove_block(s, i);
		else
			i++;
	}
	if (!r)
		r = lead_apply(p, &l);
	free(l.org), free(l.place), free(l.pay), free(l.kind_text);
	return r;
}
