/* titles.c — layer 0b: what a posting's title should be when the page's
 * own title says too little or too much: a generic page title ("Jobs",
 * "Careers") yields to the heading that names the role, the role a sentence
 * names ("we're looking for a Node.js engineer"), and "Company - Title"
 * split into title and organisation when one side is known to be the
 * organisation. */
#include "support.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROLE_WORDS 8 /* a role phrase is short */

/* Nouns that name a role (their plurals too). */
static const import_word roles[] = {
    {"engineer", IMPORT_WORD_PREFIX},
    {"developer", IMPORT_WORD_PREFIX},
    {"programmer", IMPORT_WORD_PREFIX},
    {"designer", IMPORT_WORD_PREFIX},
    {"manager", IMPORT_WORD_PREFIX},
    {"scientist", IMPORT_WORD_PREFIX},
    {"researcher", IMPORT_WORD_PREFIX},
    {"analyst", IMPORT_WORD_PREFIX},
    {"specialist", IMPORT_WORD_PREFIX},
    {"consultant", IMPORT_WORD_PREFIX},
    {"architect", IMPORT_WORD_PREFIX},
    {"administrator", IMPORT_WORD_PREFIX},
    {"intern", IMPORT_WORD_PREFIX},
    {"postdoc", IMPORT_WORD_PREFIX},
    {"fellow", IMPORT_WORD_PREFIX},
    {"technician", IMPORT_WORD_PREFIX},
    {"assistant", IMPORT_WORD_PREFIX},
    {"writer", IMPORT_WORD_PREFIX},
    {"editor", IMPORT_WORD_PREFIX},
    {"director", IMPORT_WORD_PREFIX},
    {"officer", IMPORT_WORD_PREFIX},
    {"coordinator", IMPORT_WORD_PREFIX},
    {"representative", IMPORT_WORD_PREFIX},
    {"executive", IMPORT_WORD_PREFIX},
    {"recruiter", IMPORT_WORD_PREFIX},
    {"accountant", IMPORT_WORD_PREFIX},
    {"teacher", IMPORT_WORD_PREFIX},
    {"lecturer", IMPORT_WORD_PREFIX},
    {"professor", IMPORT_WORD_PREFIX},
    {"nurse", IMPORT_WORD_PREFIX},
    {"driver", IMPORT_WORD_PREFIX},
    {"cook", IMPORT_WORD_WHOLE},
    {"chef", IMPORT_WORD_PREFIX},
    {"barista", IMPORT_WORD_PREFIX},
    {"cashier", IMPORT_WORD_PREFIX},
    {"operator", IMPORT_WORD_PREFIX},
    {"mechanic", IMPORT_WORD_PREFIX},
    {"electrician", IMPORT_WORD_PREFIX},
    {"translator", IMPORT_WORD_PREFIX},
    {"tester", IMPORT_WORD_PREFIX},
    {"lead", IMPORT_WORD_WHOLE},
    {"head of", IMPORT_WORD_WHOLE},
    {"trainee", IMPORT_WORD_PREFIX},
    {"apprentice", IMPORT_WORD_PREFIX},
    {"volunteer", IMPORT_WORD_PREFIX},
    {"sre", IMPORT_WORD_WHOLE},
    {"devops", IMPORT_WORD_WHOLE},
    {"m/w/d", IMPORT_WORD_WHOLE},
    {"w/m/d", IMPORT_WORD_WHOLE},
    {"m/f/d", IMPORT_WORD_WHOLE},
    {"f/m/d", IMPORT_WORD_WHOLE},
    {"h/f", IMPORT_WORD_WHOLE},
    {"f/h", IMPORT_WORD_WHOLE},
    {"entwickler", IMPORT_WORD_PREFIX},
    {"ingenieur", IMPORT_WORD_PREFIX},
    {"ing\xC3\xA9nieur", IMPORT_WORD_PREFIX},
    {"d\xC3\xA9veloppeur", IMPORT_WORD_PREFIX},
    {"desarrollador", IMPORT_WORD_PREFIX},
    {"ingeniero", IMPORT_WORD_PREFIX},
};

bool import_names_role(const char *s, size_t n)
{
	return import_words_has(s, n, roles, JK_ARRAY_LEN(roles));
}

/* Page titles that say "jobs" rather than name a role. */
static const char *const generic[] = {
    "jobs",
    "job",
    "careers",
    "career",
    "open positions",
    "open roles",
    "positions",
    "job openings",
    "openings",
    "vacancies",
    "vacancy",
    "we're hiring",
    "we are hiring",
    "we\xE2\x80\x99re hiring",
    "hiring",
    "join us",
    "join our team",
    "work with us",
    "current openings",
    "job board",
    "jobs feed",
    "opportunities",
    "stellenangebote",
    "karriere",
    "jobs & karriere",
    "offres d'emploi",
    "emplois",
    "carri\xC3\xA8res",
    "empleo",
    "empleos",
    "trabaja con nosotros",
    "vagas",
    "vacatures",
    "lavora con noi",
    "kari\xC3\xA9ra",
    "\xE6\x8E\xA1\xE7\x94\xA8\xE6\x83\x85\xE5\xA0\xB1", /* 採用情報 */
    "\xEC\xB1\x84\xEC\x9A\xA9",                         /* 채용 */
    "\xE6\x8B\x9B\xE8\x81\x98"};                        /* 招聘 */

bool import_generic_title(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '!'))
		n--;
	while (n && *s == ' ')
		s++, n--;
	for (size_t i = 0; i < JK_ARRAY_LEN(generic); i++)
		if (strlen(generic[i]) == n && !strncasecmp(s, generic[i], n))
			return true;
	return false;
}

/* Separators between a title and a site or organisation name. */
static const char *const seps[] = {
    " :: ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", " | ", " - ", " \xC2\xB7 ", ": "};

/* The first separator in s: its position and length, false when none. */
static bool find_sep(const char *s, size_t *at, size_t *len)
{
	const char *best = NULL;
	for (size_t i = 0; i < JK_ARRAY_LEN(seps); i++) {
		const char *f = strstr(s, seps[i]);
		if (f && (!best || f < best)) {
			best = f;
			*len = strlen(seps[i]);
		}
	}
	if (best)
		*at = (size_t)(best - s);
	return best != NULL;
}

/* The name ends in a legal form: "Zooza s.r.o.", "Immunant, Inc". */
static bool legal_form(const char *s, size_t n)
{
	static const char *const forms[] = {
	    "s.r.o.", "s.r.o",       "spol. s r.o.", "a.s.",   "gmbh",    "ag",   "inc",
	    "inc.",   "llc",         "ltd",          "ltd.",   "limited", "s.a.", "sa",
	    "sas",    "sarl",        "b.v.",         "bv",     "oy",      "ab",   "as",
	    "aps",    "sp. z o.o.",  "s.l.",         "s.p.a.", "srl",     "k.k.", "corp",
	    "corp.",  "corporation", "plc",          "e.v.",   "ggmbh",   "kg",   "co.",
	    "gbr",    "ug"};
	while (n && s[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < JK_ARRAY_LEN(forms); i++) {
		size_t l = strlen(forms[i]);
		if (n > l && !strncasecmp(s + n - l, forms[i], l) &&
		    (s[n - l - 1] == ' ' || s[n - l - 1] == ','))
			return true;
	}
	return false;
}

/* Whether s[0..n) is the organisation: the one the posting names (org,
 * hint), or a name with a legal form. */
static bool is_org(const char *s, size_t n, const char *org, const char *hint)
{
	while (n && s[n - 1] == ' ')
		n--;
	if (!n)
		return false;
	if ((org && strlen(org) == n && !strncasecmp(s, org, n)) ||
	    (hint && strlen(hint) == n && !strncasecmp(s, hint, n)))
		return true;
	return legal_form(s, n) && !import_names_role(s, n);
}

int import_title_split(posting *p, const char *hint)
{
	size_t at, sl;
	if (!p->title || !find_sep(p->title, &at, &sl))
		return JK_OK;
	const char *t = p->title, *right = t + at + sl;
	size_t rl = strlen(right);
	bool left_org = is_org(t, at, p->organization, hint);
	bool right_org = !left_org && is_org(right, rl, p->organization, hint);
	if (!left_org && !right_org)
		return JK_OK;
	/* What stays must be a title: not empty, not "Jobs". */
	const char *keep = left_org ? right : t;
	size_t kl = left_org ? rl : at;
	if (!kl || import_generic_title(keep, kl))
		return JK_OK;
	char *title = jk_strndup(keep, kl),
	     *org = jk_strndup(left_org ? t : right, left_org ? at : rl);
	int r = title && org ? posting_set_default(&p->organization, org, (size_t)-1) : JK_ENOMEM;
	if (!r)
		r = posting_set(&p->title, title, (size_t)-1);
	free(title);
	free(org);
	return r;
}

char *import_title_org(const char *title, const char *hint)
{
	size_t at, sl;
	if (!title || !find_sep(title, &at, &sl))
		return NULL;
	const char *right = title + at + sl;
	size_t rl = strlen(right);
	/* "Jobs: Software Engineer" after the site name is no organisation. */
	size_t rgen = strcspn(right, ":|");
	bool left = (hint && strlen(hint) == at && !strncasecmp(title, hint, at)) ||
	            import_generic_title(right, rl) || import_generic_title(right, rgen);
	bool rightside = (hint && !strcasecmp(right, hint)) || import_generic_title(title, at);
	if (left == rightside)
		return NULL;
	return left ? jk_strndup(title, at) : jk_strndup(right, rl);
}

/* Phrases after which a sentence names the role it hires for. */
static const import_word hiring[] = {
    {"looking for", IMPORT_WORD_WHOLE}, {"searching for", IMPORT_WORD_WHOLE},
    {"seeking", IMPORT_WORD_WHOLE},     {"hiring", IMPORT_WORD_WHOLE},
    {"join us as", IMPORT_WORD_WHOLE},  {"join our team as", IMPORT_WORD_WHOLE},
    {"to hire", IMPORT_WORD_WHOLE},     {"wanted:", IMPORT_WORD_WHOLE},
    {"need", IMPORT_WORD_WHOLE}};

/* Words that end a role phrase ("a Node.js engineer to join us"). */
static bool stop_word(const char *w, size_t l)
{
	static const char *const stop[] = {
	    "to", "who", "with",  "that",    "for",        "in",   "at",
	    "on", "and", "or",    "from",    "which",      "if",   "as",
	    "of", "you", "based", "located", "interested", "able", "willing"};
	for (size_t i = 0; i < JK_ARRAY_LEN(stop); i++)
		if (strlen(stop[i]) == l && !strncasecmp(w, stop[i], l))
			return true;
	return false;
}

/* The role a text names after a hiring phrase, up to its last role noun,
 * into out: "We're looking for software engineers" gives "Software
 * engineer". */
static bool role_after(const char *s, size_t n, size_t i, jk_buf *out)
{
	static const char *const skip[] = {"a ",        "an ",  "the ", "some ", "several ",
	                                   "multiple ", "two ", "one ", "new ",  "talented "};
	while (i < n && s[i] == ' ')
		i++;
	for (size_t k = 0; k < JK_ARRAY_LEN(skip); k++)
		if (i + strlen(skip[k]) <= n && !strncasecmp(s + i, skip[k], strlen(skip[k])))
			i += strlen(skip[k]);
	size_t end = i, words = 0, role_end = 0;
	while (end < n && words < ROLE_WORDS) {
		size_t w = end;
		while (w < n && s[w] != ' ' && !strchr(",;:!?()", s[w]))
			w++;
		size_t wl = w - end;
		if (!wl || stop_word(s + end, wl))
			break;
		words++;
		if (import_names_role(s + end, wl))
			role_end = end + wl;
		if (w >= n || s[w] != ' ')
			break;
		end = w + 1;
	}
	if (!role_end)
		return false;
	out->len = 0;
	if (jk_buf_append(out, s + i, role_end - i) || jk_buf_append(out, "", 0))
		return false;
	/* One of them: "engineers" names the role "engineer". */
	if (out->len > 3 && out->data[out->len - 1] == 's' && out->data[out->len - 2] != 's')
		out->data[--out->len] = '\0';
	if (out->data[0] >= 'a' && out->data[0] <= 'z')
		out->data[0] = (char)(out->data[0] - 'a' + 'A');
	return true;
}

char *import_role_phrase(const char *s, size_t n)
{
	size_t pos = 0, len = 0;
	jk_buf b = {0};
	while (pos < n) {
		size_t at = import_words_find(s + pos, n - pos, hiring, JK_ARRAY_LEN(hiring), &len);
		if (at >= n - pos)
			break;
		size_t e = pos + at + len, stop = e;
		while (stop < n && stop - e < 200 && !import_sentence_end(s, n, stop))
			stop++;
		if (role_after(s, stop, e, &b))
			return jk_buf_detach(&b);
		pos = e;
	}
	jk_buf_free(&b);
	return NULL;
}
