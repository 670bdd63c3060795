/* fm_title.c — layer 1a: which title a posting shows. Pages name themselves
 * ("Careers", "An Lab - Join", "採用情報") where a reader wants the role,
 * and a short title often stands for a heading that says more. The word
 * lists tell a page name from a role in the languages of the postings
 * seen so far; add words, not rules. */
#include "blocks.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Names of a careers page (lower case), whole parts of a title: English,
 * German, Romance, Slavic, then Japanese, Korean and Chinese ones. */
static const char page_names[] =
    "join|join us|join the team|join our team|careers|career|jobs|job|job openings|"
    "openings|open positions|open position|positions|position|vacancies|vacancy|"
    "recruitment|recruiting|hiring|we're hiring|we are hiring|now hiring|work with us|"
    "work for us|opportunities|job opportunities|team|our team|apply|people|"
    "stellenangebote|stellenangebot|stellen|offene stellen|karriere|jobs & karriere|"
    "stellenausschreibungen|mitmachen|carrières|carrière|emplois|emploi|recrutement|"
    "offres d'emploi|nous rejoindre|rejoignez-nous|empleo|empleos|vacantes|"
    "trabaja con nosotros|únete|vagas|carreiras|trabalhe conosco|lavora con noi|kariéra|"
    "voľné pozície|pracovné ponuky|kariera|praca|вакансії|кар'єра|вакансии|карьера|採用情報|"
    "採用|求人|求人情報|募集|募集中|リクルート|채용|채용 "
    "정보|채용정보|채용공고|모집|인재채용|招聘|招募|招聘信息|加入我们|诚聘|職缺|职位|工作机会";

/* Words a careers page name starts with: "Careers at Acme", "Join the An
 * Lab". */
static const char *const page_leads[] = {"join ",   "careers at ",   "jobs at ",  "work at ",
                                         "jobs @ ", "karriere bei ", "jobs bei ", "rejoindre "};

/* Roles, matched at the end of a word with an optional ending ("kraft" in
 * "Reinigungskraft", "researcher" in "researchers", "mitarbeiter" in
 * "Mitarbeiterin"): English, then German, Romance, Slavic ones. */
static const char role_ends[] =
    "engineer|developer|programmer|researcher|scientist|postdoc|postdoctoral|fellow|"
    "student|intern|internship|trainee|apprentice|assistant|manager|director|lead|head|"
    "designer|analyst|specialist|consultant|architect|administrator|admin|technician|"
    "officer|coordinator|editor|writer|nurse|physician|teacher|lecturer|professor|"
    "librarian|accountant|clerk|cleaner|driver|cook|chef|baker|barista|deckhand|operator|"
    "mechanic|electrician|welder|volunteer|staff|tester|devops|sre|recruiter|"
    "representative|associate|candidate|phd|doctoral|graduate|undergraduate|expert|owner|"
    "mitarbeiter|entwickler|ingenieur|kraft|kräfte|praktikant|werkstudent|doktorand|"
    "referent|leiter|berater|techniker|sachbearbeiter|assistenz|pfleger|erzieher|fahrer|"
    "verkäufer|azubi|auszubildende|koch|informatiker|wissenschaftler|professur|hilfe|"
    "ingénieur|développeur|chercheur|chercheuse|stagiaire|doctorant|technicien|"
    "responsable|enseignant|ingeniero|desarrollador|investigador|becario|técnico|"
    "engenheiro|desenvolvedor|pesquisador|estagiário|analista|gerente|coordinador|"
    "špecialista|vývojár|inžinier|manažér|asistent|analytik|konzultant|programátor";
/* Endings a role word may carry. */
static const char *const role_suffixes[] = {"", "s", "es", "in", "innen", "e", "en", "a", "ka"};

/* Roles in scripts written without spaces, or with case forms the ASCII
 * folding above misses: matched anywhere. */
static const char role_parts[] =
    "研究员|研究員|博士后|博士後|助理|研究生|工程师|工程師|实习|實習|开发|经理|教授|学生|學生|"
    "エンジニア|スタッフ|研究者|技術者|開発者|アルバイト|"
    "パート|社員|インターン|ポスドク|職員|助教|연구원|박사후|박사 "
    "후|대학원생|학생|인턴|개발자|엔지니어|연구교수|직원|조교|спеціаліст|"
    "розробник|інженер|менеджер|специалист|разработчик|инженер|Спеціаліст|Розробник|"
    "Інженер|Менеджер|Специалист|Разработчик|Инженер";

/* Headings that name a part of a posting, never its title. */
static const char section_words[] =
    "about|requirements|qualifications|responsibilities|benefits|tasks|skills|duties|"
    "how to|what you|what we|who you|your |our |über|aufgaben|anforderungen|profil|"
    "wir bieten|ihre |unser|à propos|profil|missions";

/* Phrases a heading may start with before the role: "We are looking for
 * a Barista" (verbs, a space is enough), "Wir suchen: Reinigungskraft"
 * (labels, a ':' or dash follows). */
static const char hiring_verbs[] = "we are looking for|we're looking for|we’re looking for|we are "
                                   "hiring|we're hiring|we’re hiring|"
                                   "now hiring|join us as|wir suchen|nous recrutons|on recrute";
static const char hiring_labels[] =
    "hiring|gesucht|job opening|job|position|vacancy|opening|stellenangebot|"
    "stellenausschreibung|offre d'emploi|募集|急募|채용|招聘|诚聘|招募";
static const char *const articles[] = {"a ", "an ", "eine ", "einen ", "ein ", "un ", "une "};

/* The next word of the '|'-separated list at *l into *w: its length, 0
 * at the end of the list. */
static size_t next_word(const char **l, const char **w)
{
	size_t n = strcspn(*l, "|");
	*w = *l;
	*l += n + ((*l)[n] == '|');
	return n;
}

/* t[0..n) is a word of list (ASCII case folded). */
static bool listed(const char *list, const char *t, size_t n)
{
	const char *w;
	for (size_t k; (k = next_word(&list, &w)) != 0;)
		if (k == n && !strncasecmp(t, w, n))
			return true;
	return false;
}

/* The length of the word of list that t starts with, 0 if none. */
static size_t starts_listed(const char *list, const char *t)
{
	const char *w;
	for (size_t k; (k = next_word(&list, &w)) != 0;)
		if (!strncasecmp(t, w, k))
			return k;
	return 0;
}

static bool word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Whether the word s[a..z) ends with a role word and an ending. */
static bool word_is_role(const char *s, size_t a, size_t z)
{
	const char *l = role_ends, *w;
	for (size_t rl; (rl = next_word(&l, &w)) != 0;)
		for (size_t k = 0; k < JK_ARRAY_LEN(role_suffixes); k++) {
			size_t sl = strlen(role_suffixes[k]);
			if (rl + sl > z - a || strncasecmp(s + z - sl, role_suffixes[k], sl) ||
			    strncasecmp(s + z - sl - rl, w, rl))
				continue;
			/* short words only whole: "lead", not "mislead" */
			if (rl >= 5 || z - sl - rl == a)
				return true;
		}
	return false;
}

bool import_title_role(const char *t)
{
	if (!t)
		return false;
	const char *l = role_parts, *w;
	for (size_t k; (k = next_word(&l, &w)) != 0;)
		if (memmem(t, strlen(t), w, k))
			return true;
	for (size_t i = 0; t[i];) {
		if (!word_byte((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t z = i;
		while (t[z] && word_byte((unsigned char)t[z]))
			z++;
		if (word_is_role(t, i, z))
			return true;
		i = z;
	}
	return false;
}

/* Whether t[0..n), trimmed of blanks and closing marks, is a page name. */
static bool part_generic(const char *t, size_t n)
{
	while (n && strchr(" \t!.?", *t))
		t++, n--;
	while (n && strchr(" \t!.?", t[n - 1]))
		n--;
	while (n >= 3 && (!memcmp(t + n - 3, "！", 3) || !memcmp(t + n - 3, "…", 3)))
		n -= 3;
	if (!n)
		return false;
	if (listed(page_names, t, n))
		return true;
	for (size_t i = 0; i < JK_ARRAY_LEN(page_leads); i++)
		if (n > strlen(page_leads[i]) &&
		    !strncasecmp(t, page_leads[i], strlen(page_leads[i])))
			return true;
	return false;
}

/* The length of a separator between parts of a title at t, 0 if none. */
static size_t separator(const char *t)
{
	static const char *const seps[] = {" - ", " – ", " — ", " | ", "|",  ":", "：", "/",
	                                   "／",  "·",   "•",   ",",   "、", "(", ")",  "｜"};
	for (size_t i = 0; i < JK_ARRAY_LEN(seps); i++)
		if (!strncmp(t, seps[i], strlen(seps[i])))
			return strlen(seps[i]);
	return 0;
}

bool import_title_generic(const char *t)
{
	if (!t || import_title_role(t))
		return false;
	for (const char *a = t, *c = t;; c++) {
		size_t k = *c ? separator(c) : 1;
		if (!k)
			continue;
		if (part_generic(a, (size_t)(c - a)))
			return true;
		if (!*c)
			return false;
		a = c + k;
		c = a - 1;
	}
}

/* The text after a phrase of leads at the start of t: after a separator,
 * or (verbs) a space; NULL when t does not start so. */
static const char *lead_end(const char *t, const char *leads, bool verb)
{
	size_t l = starts_listed(leads, t);
	if (!l)
		return NULL;
	const char *s = t + l;
	bool space = *s == ' ';
	while (*s == ' ')
		s++;
	size_t k = *s == '(' ? 0 : *s == '!' ? 1 : separator(s);
	return k || (verb && space) ? s + k : NULL;
}

/* t after a hiring lead-in ("Wir suchen: X", "We are looking for a X"),
 * or t itself. Borrowed from t. */
static const char *after_lead(const char *t)
{
	const char *s = lead_end(t, hiring_verbs, true);
	if (!s)
		s = lead_end(t, hiring_labels, false);
	if (!s)
		return t;
	while (*s == ' ')
		s++;
	for (size_t a = 0; a < JK_ARRAY_LEN(articles); a++)
		if (!strncasecmp(s, articles[a], strlen(articles[a])))
			s += strlen(articles[a]);
	return *s ? s : t;
}

/* A heading short and plain enough to be a title, not a section's name. */
static bool title_like(const char *h)
{
	size_t n = strlen(h);
	if (!n || n > 120 || h[n - 1] == '.' || (n >= 3 && !strcmp(h + n - 3, "。")))
		return false;
	return !starts_listed(section_words, h);
}

static bool word_edge(const char *s)
{
	return !*s || !word_byte((unsigned char)*s);
}

/* Whether heading h says what title t says, and more: it starts with t,
 * or ends with it once a "(…)", ", …" or " - …" tail is cut. */
static bool extends(const char *h, const char *t)
{
	size_t hn = strlen(h), tn = strlen(t);
	if (tn >= hn)
		return false;
	if (!strncasecmp(h, t, tn) && word_edge(h + tn))
		return true;
	size_t cut = strcspn(h, "(,");
	const char *dash = strstr(h, " - ");
	if (dash && (size_t)(dash - h) < cut)
		cut = (size_t)(dash - h);
	while (cut && h[cut - 1] == ' ')
		cut--;
	return cut > tn && !strncasecmp(h + cut - tn, t, tn) &&
	       !word_byte((unsigned char)h[cut - tn - 1]);
}

/* Makes the heading of section i the title, dropping it from the section
 * when it is the first heading. */
static int take_heading(posting *p, size_t i, const char *text, bool first)
{
	int r = posting_set(&p->title, text, (size_t)-1);
	if (!r && first) {
		free(p->sections[i].heading);
		p->sections[i].heading = NULL;
	}
	return r;
}

int import_title_settle(posting *p)
{
	size_t first = 0;
	while (first < p->nsections && !p->sections[first].heading)
		first++;
	if (first == p->nsections)
		return JK_OK;
	const char *h = after_lead(p->sections[first].heading);
	int r = JK_OK;
	if (p->title && title_like(h) && extends(h, p->title))
		r = take_heading(p, first, h, true);
	if (r || (p->title && !import_title_generic(p->title)))
		return r;
	/* No title, or a page's name: the first heading that names a role
	 * (with no title at all only the first heading is asked). */
	for (size_t i = first; i < p->nsections && (p->title || i == first); i++) {
		const char *g = p->sections[i].heading;
		const char *role = g ? after_lead(g) : NULL;
		if (role && title_like(role) && import_title_role(role) &&
		    !import_title_generic(role))
			return take_heading(p, i, role, i == first);
	}
	return JK_OK;
}
