/* titles.c — layer 0b: the words of titles, and what a posting's title
 * should be when the page's own title says too little or too much. One list
 * each of the words that name a role, of the names of careers pages and of
 * the phrases that hire, in the languages of the postings seen so far (add
 * words, not rules); with them: whether a text names a role or a page, the
 * role a hiring sentence or heading names, and "Company - Title" split into
 * title and organisation when one side is known to be the organisation. */
#include "support.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define ROLE_WORDS 8 /* a role phrase is short */

/* Roles: English, German, Romance, Slavic words (stems take endings:
 * "researchers", "Mitarbeiterin", "Reinigungskraft"), gender markers, then
 * words of scripts that glue words together or inflect them in ways the
 * endings miss. */
#define WORD(w, mode)                                                                              \
	{                                                                                          \
		w, mode                                                                            \
	}
#define S(w) WORD(w, IMPORT_WORD_STEM)
#define P(w) WORD(w, IMPORT_WORD_PART)
#define W(w) WORD(w, IMPORT_WORD_WHOLE)
static const import_word roles[] = {
    S("engineer"), S("developer"), S("programmer"), S("researcher"), S("scientist"), S("postdoc"),
    S("postdoctoral"), S("fellow"), S("fellowship"), S("student"), S("intern"), S("internship"),
    S("trainee"), S("traineeship"), S("apprentice"), S("apprenticeship"), S("assistant"),
    S("manager"), S("director"), S("lead"), S("head"), S("designer"), S("analyst"), S("specialist"),
    S("consultant"), S("architect"), S("administrator"), S("admin"), S("technician"), S("officer"),
    S("coordinator"), S("editor"), S("writer"), S("nurse"), S("physician"), S("teacher"),
    S("lecturer"), S("professor"), S("professorship"), S("librarian"), S("accountant"), S("clerk"),
    S("cleaner"), S("driver"), S("cook"), S("chef"), S("baker"), S("barista"), S("cashier"),
    S("deckhand"), S("operator"), S("mechanic"), S("electrician"), S("welder"), S("translator"),
    S("volunteer"), S("staff"), S("tester"), S("devops"), S("sre"), S("recruiter"),
    S("representative"), S("executive"), S("associate"), S("candidate"), S("phd"), S("doctoral"),
    S("graduate"), S("undergraduate"), S("expert"), S("owner"),
    /* German */
    S("mitarbeiter"), S("entwickler"), S("ingenieur"), S("kraft"), S("kräfte"), S("praktikant"),
    S("werkstudent"), S("doktorand"), S("referent"), S("leiter"), S("berater"), S("techniker"),
    S("sachbearbeiter"), S("assistenz"), S("pfleger"), S("erzieher"), S("fahrer"), S("verkäufer"),
    S("azubi"), S("auszubildende"), S("koch"), S("informatiker"), S("wissenschaftler"),
    S("professur"), S("hilfe"),
    /* French, Spanish, Portuguese */
    S("ingénieur"), S("développeur"), S("chercheur"), S("chercheuse"), S("stagiaire"),
    S("doctorant"), S("technicien"), S("responsable"), S("enseignant"), S("ingeniero"),
    S("desarrollador"), S("investigador"), S("becario"), S("técnico"), S("engenheiro"),
    S("desenvolvedor"), S("pesquisador"), S("estagiário"), S("analista"), S("gerente"),
    S("coordinador"),
    /* Slovak, Czech */
    S("špecialista"), S("vývojár"), S("inžinier"), S("manažér"), S("asistent"), S("analytik"),
    S("konzultant"), S("programátor"),
    /* "(m/w/d)", "(h/f)" follow a German or French job title */
    W("m/w/d"), W("w/m/d"), W("m/f/d"), W("f/m/d"), W("h/f"), W("f/h"),
    /* Chinese, Japanese, Korean, Ukrainian, Russian */
    P("研究员"), P("研究員"), P("博士后"), P("博士後"), P("助理"), P("研究生"), P("工程师"),
    P("工程師"), P("实习"), P("實習"), P("开发"), P("经理"), P("教授"), P("学生"), P("學生"),
    P("エンジニア"), P("スタッフ"), P("研究者"), P("技術者"), P("開発者"), P("アルバイト"),
    P("パート"), P("社員"), P("インターン"), P("ポスドク"), P("職員"), P("助教"), P("연구원"),
    P("박사후"), P("박사 후"), P("대학원생"), P("학생"), P("인턴"), P("개발자"), P("엔지니어"),
    P("연구교수"), P("직원"), P("조교"), P("спеціаліст"), P("розробник"), P("інженер"),
    P("менеджер"), P("специалист"), P("разработчик"), P("инженер")};

bool import_names_role(const char *s, size_t n)
{
	return import_words_has(s, n, roles, JK_ARRAY_LEN(roles));
}

/* Names of a careers page, whole parts of a title: English, German, Dutch,
 * Nordic, Romance, Slavic, then Japanese, Korean and Chinese ones. */
static const import_word page_names[] = {
    /* English */
    W("join"), W("join us"), W("join the team"), W("join our team"), W("careers"), W("career"),
    W("career opportunities"), W("jobs"), W("job"), W("job openings"), W("job offers"),
    W("job listings"), W("job board"), W("jobs feed"), W("openings"), W("current openings"),
    W("open positions"), W("open position"), W("open roles"), W("positions"), W("position"),
    W("vacancies"), W("vacancy"), W("recruitment"), W("recruiting"), W("hiring"), W("we're hiring"),
    W("we’re hiring"), W("we are hiring"), W("now hiring"), W("work with us"), W("work for us"),
    W("opportunities"), W("job opportunities"), W("employment"), W("team"), W("our team"),
    W("apply"), W("people"),
    /* German, Dutch, Nordic */
    W("stellenangebote"), W("stellenangebot"), W("stellenanzeigen"), W("stellen"),
    W("offene stellen"), W("stellenausschreibungen"), W("karriere"), W("jobs & karriere"),
    W("jobbörse"), W("mitmachen"), W("vacatures"), W("werken bij"), W("lediga jobb"), W("karriär"),
    W("jobb"),
    /* French, Spanish, Italian, Portuguese */
    W("carrières"), W("carrière"), W("emplois"), W("emploi"), W("recrutement"),
    W("offres d'emploi"), W("offres d’emploi"), W("nous rejoindre"), W("rejoignez-nous"),
    W("empleo"), W("empleos"), W("ofertas de empleo"), W("vacantes"), W("trabaja con nosotros"),
    W("únete"), W("lavora con noi"), W("offerte di lavoro"), W("posizioni aperte"), W("vagas"),
    W("carreiras"), W("trabalhe conosco"),
    /* Slovak, Polish, Ukrainian, Russian */
    W("kariéra"), W("voľné pozície"), W("pracovné ponuky"), W("kariera"), W("praca"), W("вакансії"),
    W("кар'єра"), W("вакансии"), W("карьера"),
    /* Japanese, Korean, Chinese */
    W("採用情報"), W("採用"), W("求人"), W("求人情報"), W("募集"), W("募集中"), W("リクルート"),
    W("채용"), W("채용 정보"), W("채용정보"), W("채용공고"), W("모집"), W("인재채용"), W("招聘"),
    W("招募"), W("招聘信息"), W("加入我们"), W("诚聘"), W("職缺"), W("职位"), W("工作机会")};

/* What a careers page's name starts with before the organisation's:
 * "Careers at Acme", "Join the An Lab", "Karriere bei Nordlicht". */
static const import_word page_leads[] = {
    /* English */
    W("join"), W("jobs at"), W("careers at"), W("work at"), W("working at"), W("open positions at"),
    W("job openings at"), W("jobs @"), W("jobs on"), W("jobs with"), W("jobs from"),
    W("careers with"),
    /* German, French, Spanish, Italian, Dutch, Nordic, Portuguese */
    W("rejoindre"), W("jobs bei"), W("karriere bei"), W("stellenangebote bei"),
    W("stellenangebote der"), W("stellenangebote von"), W("jobs chez"), W("emplois chez"),
    W("offres d'emploi chez"), W("carrières chez"), W("empleos en"), W("trabaja en"),
    W("trabajar en"), W("lavora con"), W("werken bij"), W("vacatures bij"), W("jobb hos"),
    W("vagas na"), W("vagas no")};

/* s[0..n) without the blanks and closing marks around it ("Join us!",
 * "募集中！"). */
static const char *trim_marks(const char *s, size_t *n)
{
	while (*n && strchr(" \t!.?", *s))
		s++, (*n)--;
	while (*n && strchr(" \t!.?", s[*n - 1]))
		(*n)--;
	while (*n >= 3 && (!memcmp(s + *n - 3, "！", 3) || !memcmp(s + *n - 3, "…", 3)))
		*n -= 3;
	return s;
}

bool import_page_name(const char *s, size_t n)
{
	s = trim_marks(s, &n);
	return n && import_words_is(s, n, page_names, JK_ARRAY_LEN(page_names));
}

size_t import_page_lead(const char *s, size_t n)
{
	size_t l = import_words_start(s, n, page_leads, JK_ARRAY_LEN(page_leads));
	if (!l || l >= n || s[l] != ' ')
		return 0;
	while (l < n && s[l] == ' ')
		l++;
	return l < n ? l : 0;
}

/* The length of a separator between parts of a title at t[0..n), 0 if
 * none: looser than a site's separator ("招募/Position", "Team - Join"). */
static size_t part_sep(const char *t, size_t n)
{
	static const char *const seps[] = {" - ", " – ", " — ", " | ", "|",  ":", "：", "/", "／",
	                                   "·",   "»",   "•",   ",",   "、", "(", ")",  "｜"};
	for (size_t i = 0; i < JK_ARRAY_LEN(seps); i++) {
		size_t l = strlen(seps[i]);
		if (l <= n && !memcmp(t, seps[i], l))
			return l;
	}
	return 0;
}

bool import_generic_title(const char *s, size_t n)
{
	if (!s || import_names_role(s, n))
		return false;
	for (size_t a = 0, c = 0; c <= n; c++) {
		size_t k = c < n ? part_sep(s + c, n - c) : 1;
		if (!k)
			continue;
		size_t pn = c - a;
		const char *part = trim_marks(s + a, &pn);
		if (import_page_name(part, pn) || import_page_lead(part, pn))
			return true;
		a = c + k;
		c = a - 1;
	}
	return false;
}

/* Separators between a title and a site or organisation name. */
static const char *const seps[] = {" :: ", " — ", " – ", " | ", " - ",
                                   " · ",  ": ",  " » ", "｜",  "："};

bool import_title_sep(const char *s, size_t *at, size_t *len)
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
	if (!p->title || !import_title_sep(p->title, &at, &sl))
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
	if (!title || !import_title_sep(title, &at, &sl))
		return NULL;
	const char *right = title + at + sl;
	size_t rl = strlen(right);
	/* "Jobs: Software Engineer" after the site name is no organisation. */
	size_t rgen = strcspn(right, ":|");
	bool left = (hint && strlen(hint) == at && !strncasecmp(title, hint, at)) ||
	            import_generic_title(right, rl) || import_generic_title(right, rgen);
	bool rightside = (hint && !strcasecmp(right, hint)) || import_generic_title(title, at);
	/* The side that names a role is the job, never the organisation. */
	if (left == rightside || import_names_role(left ? title : right, left ? at : rl))
		return NULL;
	return left ? jk_strndup(title, at) : jk_strndup(right, rl);
}

/* Phrases that hire, in a sentence or leading a heading ("We are looking
 * for a Barista", "Wir suchen: Reinigungskraft"), the role after them. */
static const import_word hiring[] = {
    /* English */
    W("looking for"), W("we are looking for"), W("we're looking for"), W("we’re looking for"),
    W("searching for"), W("seeking"), W("hiring"), W("we are hiring"), W("we're hiring"),
    W("we’re hiring"), W("now hiring"), W("join us as"), W("join our team as"), W("to hire"),
    W("wanted:"), W("need"),
    /* German, French */
    W("wir suchen"), W("nous recrutons"), W("on recrute")};

/* Labels a heading may start with before the role and a ':' or dash
 * ("Position: Barista", "募集：エンジニア"): in a sentence they hire no one. */
static const import_word labels[] = {
    /* English, German, French */
    W("gesucht"), W("job opening"), W("job"), W("position"), W("vacancy"), W("opening"),
    W("stellenangebot"), W("stellenausschreibung"), W("offre d'emploi"),
    /* Japanese, Korean, Chinese */
    W("募集"), W("急募"), W("채용"), W("招聘"), W("诚聘"), W("招募")};

/* Words between a hiring phrase and the role: articles, numbers, praise. */
static const char *const fillers[] = {"a ",        "an ",    "the ", "some ", "several ",
                                      "multiple ", "two ",   "one ", "new ",  "talented ",
                                      "eine ",     "einen ", "ein ", "un ",   "une "};

/* s after the fillers at its start (each once, in the list's order). */
static size_t skip_fillers(const char *s, size_t n, size_t i)
{
	for (size_t k = 0; k < JK_ARRAY_LEN(fillers); k++)
		if (i + strlen(fillers[k]) <= n &&
		    !strncasecmp(s + i, fillers[k], strlen(fillers[k])))
			i += strlen(fillers[k]);
	return i;
}

/* Words that end a role phrase ("a Node.js engineer to join us", "Wir
 * suchen zum 1. März eine Köchin"). */
static bool stop_word(const char *w, size_t l)
{
	static const char *const stop[] = {
	    "to",    "who",     "with",       "that",  "for",     "in",  "at",   "on",
	    "and",   "or",      "from",       "which", "if",      "as",  "of",   "you",
	    "based", "located", "interested", "able",  "willing", "zum", "zur",  "ab",
	    "für",   "mit",     "im",         "bei",   "als",     "und", "oder", "pour",
	    "avec",  "dans",    "dès",        "et",    "ou",      "qui"};
	for (size_t i = 0; i < JK_ARRAY_LEN(stop); i++)
		if (strlen(stop[i]) == l && !strncasecmp(w, stop[i], l))
			return true;
	return false;
}

/* The end of the capitalised words after "of" at s[at] ("Head of
 * Engineering"), or end when none follows. */
static size_t of_words(const char *s, size_t n, size_t at, size_t end)
{
	for (size_t i = at; i + 1 < n && s[i] == ' ' && s[i + 1] >= 'A' && s[i + 1] <= 'Z';) {
		size_t w = i + 1;
		while (w < n && s[w] != ' ' && !strchr(",;:!?()", s[w]))
			w++;
		end = i = w;
	}
	return end;
}

/* The role a text names after a hiring phrase, up to its last role noun
 * (and what "of" adds to it), into out: "We're looking for software
 * engineers" gives "Software engineer". */
static bool role_after(const char *s, size_t n, size_t i, jk_buf *out)
{
	while (i < n && s[i] == ' ')
		i++;
	i = skip_fillers(s, n, i);
	size_t end = i, words = 0, role_end = 0, noun_end = 0;
	while (end < n && words < ROLE_WORDS) {
		size_t w = end;
		while (w < n && s[w] != ' ' && !strchr(",;:!?()", s[w]))
			w++;
		size_t wl = w - end;
		if (wl == 2 && role_end && role_end + 1 == end && !strncasecmp(s + end, "of", 2))
			role_end = of_words(s, n, w, role_end);
		if (!wl || stop_word(s + end, wl))
			break;
		words++;
		if (import_names_role(s + end, wl))
			role_end = noun_end = end + wl;
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
	if (role_end == noun_end && out->len > 3 && out->data[out->len - 1] == 's' &&
	    out->data[out->len - 2] != 's')
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

/* The text after a phrase of list at the start of t: after a separator,
 * or (phrases that hire) a space; NULL when t does not start so. */
static const char *lead_end(const char *t, const import_word *list, size_t count, bool verb)
{
	size_t l = import_words_start(t, strlen(t), list, count);
	if (!l)
		return NULL;
	const char *s = t + l;
	bool space = *s == ' ';
	while (*s == ' ')
		s++;
	size_t k = *s == '(' ? 0 : *s == '!' ? 1 : part_sep(s, strlen(s));
	return k || (verb && space) ? s + k : NULL;
}

const char *import_role_heading(const char *h)
{
	const char *s = lead_end(h, hiring, JK_ARRAY_LEN(hiring), true);
	if (!s)
		s = lead_end(h, labels, JK_ARRAY_LEN(labels), false);
	if (!s)
		return h;
	while (*s == ' ')
		s++;
	s += skip_fillers(s, strlen(s), 0);
	return *s ? s : h;
}
