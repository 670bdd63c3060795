/* mail_text.c — layer 1a: the text of mail messages, without GMime: the
 * Subject as a title, the body as its writer wrote it (no quoted reply,
 * signature or list footer), and the words and links the apply target of a
 * mail is chosen by. */
#include "blocks.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct mail_text {
	const char *s;
	size_t n;
} mail_text;

static bool mail_starts(mail_text l, const char *w)
{
	size_t k = strlen(w);
	return l.n >= k && !strncasecmp(l.s, w, k);
}

static bool mail_ends(mail_text l, const char *w)
{
	size_t k = strlen(w);
	return l.n >= k && !strncasecmp(l.s + l.n - k, w, k);
}

static mail_text mail_trim(mail_text l)
{
	while (l.n && (*l.s == ' ' || *l.s == '\t'))
		l.s++, l.n--;
	while (l.n && strchr(" \t\r", l.s[l.n - 1]))
		l.n--;
	return l;
}

/* The line at *pos without its line end; advances *pos. */
static bool mail_line(const char *s, size_t n, size_t *pos, mail_text *l)
{
	if (*pos >= n)
		return false;
	const char *nl = memchr(s + *pos, '\n', n - *pos);
	size_t e = nl ? (size_t)(nl - s) : n;
	*l = (mail_text){s + *pos, e - *pos};
	if (l->n && l->s[l->n - 1] == '\r')
		l->n--;
	*pos = nl ? e + 1 : n;
	return true;
}

/* Subject --------------------------------------------------------------------- */

/* Skips one list tag ("[usrp-users]") or reply/forward marker ("Re:",
 * "AW:", "Fwd[2]:", "回复：") at *s; *fwd is set for a forward. */
static bool mail_strip_marker(const char **s, bool *fwd)
{
	/* Reply markers (回复 and 答复 in Chinese), then forward markers (转发). */
	static const char *const re[] = {"re",
	                                 "aw",
	                                 "sv",
	                                 "vs",
	                                 "antw",
	                                 "odp",
	                                 "res",
	                                 "rif",
	                                 "\xE5\x9B\x9E\xE5\xA4\x8D",
	                                 "\xE7\xAD\x94\xE5\xA4\x8D"};
	static const char *const fw[] = {
	    "fwd", "fw", "wg", "tr", "enc", "rv", "\xE8\xBD\xAC\xE5\x8F\x91"};
	const char *p = *s;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '[') {
		const char *e = strchr(p, ']');
		if (!e || e - p > 80)
			return false;
		*s = e + 1;
		return true;
	}
	for (size_t i = 0; i < JK_ARRAY_LEN(re) + JK_ARRAY_LEN(fw); i++) {
		const char *w = i < JK_ARRAY_LEN(re) ? re[i] : fw[i - JK_ARRAY_LEN(re)];
		size_t k = strlen(w), j = k;
		if (strncasecmp(p, w, k))
			continue;
		if (p[j] == '[' || p[j] == '(') /* "Re[2]:" */
			for (j++; isdigit((unsigned char)p[j]); j++)
				;
		if (j > k && (p[j] == ']' || p[j] == ')'))
			j++;
		while (p[j] == ' ')
			j++;
		size_t colon = p[j] == ':' ? 1 : !strncmp(p + j, "\xEF\xBC\x9A", 3) ? 3 : 0;
		if (!colon)
			continue;
		*fwd = *fwd || i >= JK_ARRAY_LEN(re);
		*s = p + j + colon;
		return true;
	}
	return false;
}

/* Words that only announce a job ("Job opening: …", "We're hiring: …"). */
static bool mail_label(const char *s, size_t n)
{
	static const char *const w[] = {"job",
	                                "jobs",
	                                "job opening",
	                                "job offer",
	                                "job posting",
	                                "job ad",
	                                "job announcement",
	                                "job opportunity",
	                                "opening",
	                                "position",
	                                "open position",
	                                "position available",
	                                "vacancy",
	                                "hiring",
	                                "now hiring",
	                                "we're hiring",
	                                "we are hiring",
	                                "opportunity",
	                                "career opportunity",
	                                "stellenangebot",
	                                "stellenausschreibung",
	                                "offre d'emploi",
	                                "oferta de empleo",
	                                "\xE6\x8B\x9B\xE8\x81\x98",  /* 招聘 */
	                                "\xE6\xB1\x82\xE4\xBA\xBA",  /* 求人 */
	                                "\xE5\x8B\x9F\xE9\x9B\x86",  /* 募集 */
	                                "\xEC\xB1\x84\xEC\x9A\xA9"}; /* 채용 */
	while (n && s[n - 1] == ' ')
		n--;
	for (size_t i = 0; i < JK_ARRAY_LEN(w); i++)
		if (strlen(w[i]) == n && !strncasecmp(s, w[i], n))
			return true;
	return false;
}

/* "Senior sdr engineer" → "Senior Sdr Engineer": a role taken out of a
 * sentence reads as a title. Small words and words with capitals or
 * digits stay as written. */
static void mail_title_case(char *t)
{
	static const char *const small[] = {"a",  "an", "and", "or",  "of",   "for", "in",
	                                    "on", "at", "to",  "the", "with", "de",  "und"};
	for (char *w = t; *w;) {
		size_t k = strcspn(w, " /-(");
		bool lower = k > 0;
		for (size_t i = 0; i < k; i++)
			lower = lower && islower((unsigned char)w[i]);
		for (size_t i = 0; lower && w != t && i < JK_ARRAY_LEN(small); i++)
			lower = !(strlen(small[i]) == k && !strncmp(w, small[i], k));
		if (lower)
			*w = (char)toupper((unsigned char)*w);
		w += k;
		while (*w && strchr(" /-(", *w))
			w++;
	}
}

/* s past an article ("a ", "an "). */
static const char *mail_article(const char *s)
{
	if (!strncasecmp(s, "a ", 2))
		return s + 2;
	return strncasecmp(s, "an ", 3) ? s : s + 3;
}

/* "SkySafe is hiring an SDR engineer" → organisation SkySafe, title "SDR
 * Engineer". Returns the role's start in s (NULL when the subject is not
 * such a sentence) and the organisation's length in *org_len (0: none). */
static const char *mail_hiring_role(const char *s, size_t *org_len)
{
	static const char *const verbs[] = {" is hiring ",       " are hiring ", " is looking for ",
	                                    " are looking for ", " is seeking ", " seeks ",
	                                    " is recruiting ",   " hiring "};
	for (size_t i = 0; i < JK_ARRAY_LEN(verbs); i++) {
		const char *v = jk_strcasestr(s, verbs[i]);
		if (!v)
			continue;
		const char *role = v + strlen(verbs[i]);
		size_t words = 1;
		for (const char *c = s; c < v; c++)
			words += *c == ' ';
		bool we = !strncasecmp(s, "we", 2) || !strncasecmp(s, "i ", 2) || v == s;
		*org_len = we || words > 6 ? 0 : (size_t)(v - s);
		role = mail_article(role);
		return *role ? role : NULL;
	}
	*org_len = 0;
	return NULL;
}

/* Removes the encoded words GMime could not decode ("=?bogus?x?zz?=")
 * from t, in place: they are never text. */
static void mail_drop_encoded(char *t)
{
	char *o = t;
	for (char *c = t; *c;) {
		size_t rest = strnlen(c, 1024), off = 0; /* RFC 2047 words are short */
		char *q1 = c[0] == '=' && c[1] == '?' ? memchr(c + 2, '?', rest - 2) : NULL;
		if (q1 && q1[1] && q1[2] == '?')
			off = (size_t)(q1 - c) + 3;
		char *q2 = off && off < rest ? memmem(c + off, rest - off, "?=", 2) : NULL;
		if (q2 && !memchr(c, ' ', (size_t)(q2 - c))) {
			c = q2 + 2;
			continue;
		}
		*o++ = *c++;
	}
	*o = '\0';
}

/* Title (and organisation) from the Subject; *fwd says it is a forward. */
int mail_subject(posting *p, const char *subject, bool *fwd)
{
	if (!subject)
		return JK_OK;
	char *t = jk_text_clean(subject, (size_t)-1);
	if (!t)
		return JK_ENOMEM;
	mail_drop_encoded(t);
	const char *s = t;
	for (int i = 0; i < 32 && mail_strip_marker(&s, fwd); i++)
		;
	while (*s == ' ')
		s++;
	const char *colon = strchr(s, ':');
	if (colon && colon[1] && mail_label(s, (size_t)(colon - s)))
		for (s = colon + 1; *s == ' ';)
			s++;
	static const char *const lead[] = {"we're hiring ", "we are hiring ", "now hiring ",
	                                   "hiring "};
	size_t org = 0;
	const char *role = NULL;
	for (size_t i = 0; i < JK_ARRAY_LEN(lead) && !role; i++)
		if (!strncasecmp(s, lead[i], strlen(lead[i])) && s[strlen(lead[i])])
			role = mail_article(s + strlen(lead[i]));
	if (!role)
		role = mail_hiring_role(s, &org);
	int r = JK_OK;
	if (role) {
		char *c = jk_strndup(role, strcspn(role, "!?"));
		size_t on = 0;
		/* "Hiring radio engineers at Astranis": the organisation, and
		 * the role without it (before title case makes "at our plant"
		 * look like a name). */
		const char *at = c && !org ? import_at_org(c, &on) : NULL;
		if (c)
			mail_title_case(c);
		if (at)
			r = posting_set(&p->organization, at, on);
		if (!r && at)
			c[at - 4 - c] = '\0';
		if (!r)
			r = c ? posting_set(&p->title, c, (size_t)-1) : JK_ENOMEM;
		if (!r && org)
			r = posting_set(&p->organization, s, org);
		free(c);
	} else {
		r = posting_set(&p->title, s, (size_t)-1);
	}
	free(t);
	return r;
}

/* Body text ------------------------------------------------------------------- */

/* "On Tue, … Jane <jane@x.org> wrote:" and its translations. */
static bool mail_attribution(mail_text l)
{
	static const char *const ends[] = {"wrote:",
	                                   "writes:",
	                                   "schrieb:",
	                                   "a \xC3\xA9"
	                                   "crit :",
	                                   "a \xC3\xA9"
	                                   "crit:",
	                                   "escribi\xC3\xB3:",
	                                   "ha scritto:",
	                                   "schreef:",
	                                   "skrev:",
	                                   "napisa\xC5\x82:",
	                                   "\xE5\x86\x99\xE9\x81\x93\xEF\xBC\x9A"}; /* 写道： */
	for (size_t i = 0; i < JK_ARRAY_LEN(ends); i++)
		if (mail_ends(l, ends[i]))
			return true;
	return false;
}

/* The words an attribution line opens with ("On …", "Am …", "Le …"). */
static bool mail_intro(mail_text l)
{
	static const char *const w[] = {"On ", "Am ", "Le ",  "El ",     "Il ",
	                                "Op ", "Em ", "Den ", "W dniu ", "\xE5\x9C\xA8"}; /* 在 */
	for (size_t i = 0; i < JK_ARRAY_LEN(w); i++)
		if (mail_starts(l, w[i]))
			return true;
	return false;
}

/* A line of ten or more underscores and nothing else. */
static bool mail_rule(mail_text l)
{
	size_t u = 0;
	while (u < l.n && l.s[u] == '_')
		u++;
	return u >= 10 && u == l.n;
}

/* A line that opens a forwarded message's header block. */
static bool mail_forward_mark(mail_text l)
{
	return mail_starts(l, "---------- Forwarded message") ||
	       mail_starts(l, "-------- Forwarded Message") ||
	       mail_starts(l, "Begin forwarded message") ||
	       mail_starts(l, "-----Original Message-----") ||
	       mail_starts(l, "----- Original Message -----") ||
	       mail_starts(l, "-------- Original-Nachricht") ||
	       mail_starts(l, "-------- Message original");
}

/* "From: …", "Sent: …" lines of a forwarded header block. */
static bool mail_header_line(mail_text l)
{
	static const char *const h[] = {
	    "from:",    "date:", "sent:", "subject:", "to:",     "cc:",   "von:",     "datum:",
	    "betreff:", "an:",   "de :",  "de:",      "objet :", "envoy", "reply-to:"};
	for (size_t i = 0; i < JK_ARRAY_LEN(h); i++)
		if (mail_starts(l, h[i]))
			return true;
	return false;
}

/* A list footer starts at l: underscores over "… mailing list", Google
 * Groups' notice, an unsubscribe line. next is the text after l. */
static bool mail_footer(mail_text l, const char *next, size_t nn)
{
	if (mail_starts(l, "You received this message because you are subscribed") ||
	    mail_starts(l, "To unsubscribe") || mail_starts(l, "To view this discussion"))
		return true;
	if (!mail_rule(l))
		return false;
	size_t look = nn < 400 ? nn : 400;
	char *tail = jk_strndup(next, look);
	bool list = tail && (jk_strcasestr(tail, "mailing list") ||
	                     jk_strcasestr(tail, "listinfo") || jk_strcasestr(tail, "unsubscribe"));
	free(tail);
	return list;
}

/* Appends line s to out without the stars mail programs write bold with
 * in the text part ("*bold*", Gmail's "*currently *using"). Past
 * nofind[k - 1] no closing run of k stars is left: long lines stay
 * linear. */
static int mail_put_line(jk_buf *out, const char *s, size_t n)
{
	size_t nofind[2] = {n, n};
	int r = 0;
	for (size_t i = 0; i < n && !r;) {
		size_t k = s[i] == '*' ? 1 + (i + 1 < n && s[i + 1] == '*') : 0, close = 0;
		bool open = k && (i == 0 || strchr(" \t([\"'", s[i - 1])) && i + k < n &&
		            !strchr(" \t*", s[i + k]);
		for (size_t j = i + k + 1; open && !close && j < nofind[k - 1]; j++)
			if (j + k <= n && !memcmp(s + j, "**", k) && s[j - 1] != '*' &&
			    (j + k == n || strchr(" \t.,;:!?)]\"'", s[j + k]) || s[j - 1] == ' '))
				close = j;
		if (open && !close)
			nofind[k - 1] = i;
		if (close) {
			r = jk_buf_append(out, s + i + k, close - i - k);
			i = close + k;
		} else {
			r = jk_buf_putc(out, s[i++]);
		}
	}
	return r ? r : jk_buf_putc(out, '\n');
}

/* The text a reader of the message sees as its own: no quoted lines, no
 * attributions, nothing from a signature or list footer on, and in a
 * forward the forwarded header block dropped (the rest kept). */
int mail_clean_text(const char *s, size_t n, bool fwd, jk_buf *out)
{
	size_t pos = 0;
	mail_text raw, l, nx;
	bool headers = false;
	int r = 0;
	while (!r && mail_line(s, n, &pos, &raw)) {
		l = mail_trim(raw);
		size_t after = pos;
		bool has_next = mail_line(s, n, &after, &nx);
		if ((raw.n == 3 && !memcmp(raw.s, "-- ", 3)) || (l.n == 2 && !memcmp(l.s, "--", 2)))
			break; /* signature */
		if (mail_footer(l, s + pos, n - pos))
			break;
		if (headers && (mail_header_line(l) || (l.n && (*l.s == ' ' || *l.s == '\t'))))
			continue;
		headers = false;
		if (mail_forward_mark(l) ||
		    (mail_rule(l) && has_next && mail_starts(nx, "From:"))) {
			if (!fwd && !mail_starts(l, "---------- Forwarded") &&
			    !mail_starts(l, "-------- Forwarded") &&
			    !mail_starts(l, "Begin forwarded"))
				break; /* what follows is the message replied to */
			headers = true;
			continue;
		}
		/* Quoted lines, and the attribution over them (on one line or
		 * two): it names its writer, or a quote follows. */
		bool quoted = l.n && l.s[0] == '>';
		bool next_quoted = has_next && nx.n && nx.s[0] == '>';
		bool two = !quoted && has_next && mail_intro(l) && !mail_attribution(l) &&
		           mail_attribution(mail_trim(nx));
		if (quoted || two ||
		    (mail_attribution(l) &&
		     (mail_intro(l) || next_quoted || memchr(l.s, '@', l.n)))) {
			if (two)
				pos = after;
			continue;
		}
		if (mail_starts(l, "Sent from my ") && l.n < 40)
			continue;
		r = mail_put_line(out, raw.s, raw.n);
	}
	return r;
}

/* Cuts an HTML body where mail programs put the quoted message or the
 * signature (a forward keeps its quoted part: it is the posting). */
size_t mail_html_cut(const char *s, size_t n, bool fwd)
{
	static const char *const marks[] = {"class=\"gmail_quote",     "<blockquote type=\"cite\"",
	                                    "class=\"moz-cite-prefix", "id=\"divRplyFwdMsg\"",
	                                    "class=\"gmail_signature", "class=\"moz-signature"};
	size_t cut = n;
	for (size_t i = fwd ? 4 : 0; i < JK_ARRAY_LEN(marks); i++) {
		const char *m = memmem(s, n, marks[i], strlen(marks[i]));
		if (!m)
			continue;
		while (m > s && *m != '<')
			m--;
		if ((size_t)(m - s) < cut)
			cut = (size_t)(m - s);
	}
	return cut;
}

/* Drops from the first block that starts a signature or footer to the end,
 * and attribution blocks (an HTML body's equivalent of the line rules). */
/* A salutation alone on its line ("Hello all,", "Hi everyone!", "Dear
 * colleagues,", "Hallo zusammen,"): the letter's, not the posting's. */
static bool mail_greeting(mail_text l)
{
	static const char *const w[] = {
	    "hi ",    "hi,",     "hello", "hey ",  "dear ",        "greetings",     "hallo ",
	    "liebe ", "bonjour", "hola ", "ciao ", "good morning", "good afternoon"};
	if (!l.n || l.n > 40 || (l.s[l.n - 1] != ',' && l.s[l.n - 1] != '!'))
		return false;
	for (size_t i = 0; i < JK_ARRAY_LEN(w); i++)
		if (mail_starts(l, w[i]))
			return true;
	return false;
}

void mail_trim_blocks(posting *p)
{
	if (p->nsections && p->sections[0].nblocks && p->sections[0].blocks[0].text) {
		const char *t = p->sections[0].blocks[0].text;
		if (mail_greeting((mail_text){t, strlen(t)}))
			posting_remove_block(&p->sections[0], 0);
	}
	for (size_t si = 0; si < p->nsections; si++) {
		posting_section *sec = &p->sections[si];
		for (size_t bi = 0; bi < sec->nblocks; bi++) {
			const char *t = sec->blocks[bi].text ? sec->blocks[bi].text : "";
			mail_text l = {t, strlen(t)};
			if (!strcmp(t, "--") || !strncmp(t, "-- ", 3) || mail_footer(l, "", 0) ||
			    strspn(t, "_") >= 10) {
				while (sec->nblocks > bi)
					posting_remove_block(sec, sec->nblocks - 1);
				while (p->nsections > si + 1)
					posting_remove_section(p, p->nsections - 1);
				return;
			}
			if (mail_attribution(l) && mail_intro(l))
				posting_remove_block(sec, bi--);
		}
	}
}

/* Whether t (n bytes) holds one of words: whole words, compared at word
 * starts only, so a long text costs one pass; words that do not start
 * with an ASCII letter (other scripts, which need no spaces) anywhere. */
static bool mail_has_words(const char *t, size_t n, const char *const *words, size_t nw)
{
	for (size_t k = 0; k < nw; k++)
		if (!isalpha((unsigned char)words[k][0]) &&
		    memmem(t, n, words[k], strlen(words[k])))
			return true;
	for (size_t i = 0; i < n; i++) {
		if (!isalpha((unsigned char)t[i]) || (i && isalnum((unsigned char)t[i - 1])))
			continue;
		for (size_t k = 0; k < nw; k++) {
			size_t l = strlen(words[k]);
			if (tolower((unsigned char)t[i]) == words[k][0] && i + l <= n &&
			    !strncasecmp(t + i, words[k], l) &&
			    (i + l == n || !isalnum((unsigned char)t[i + l])))
				return true;
		}
	}
	return false;
}

bool mail_says_write(const posting *p)
{
	static const char *const w[] = {"write",
	                                "email",
	                                "e-mail",
	                                "mail",
	                                "send",
	                                "contact",
	                                "reply",
	                                "reach out",
	                                "get in touch",
	                                "let me know",
	                                "let us know",
	                                "drop me a line",
	                                "message me",
	                                "dm me",
	                                "ping me",
	                                "schreib",
	                                "schreiben",
	                                "schicken",
	                                "senden",
	                                "melde",
	                                "melden",
	                                "contactez",
	                                "envoyez",
	                                "escribe",
	                                "contacta",
	                                "env\xC3\xAD"
	                                "a",
	                                "\xC3\xA9"
	                                "crivez",                               /* écrivez */
	                                "\xE3\x83\xA1\xE3\x83\xBC\xE3\x83\xAB", /* メール */
	                                "\xE9\x80\xA3\xE7\xB5\xA1",             /* 連絡 */
	                                "\xE9\x82\xAE\xE4\xBB\xB6",             /* 邮件 */
	                                "\xE8\x81\x94\xE7\xB3\xBB",             /* 联系 */
	                                "\xEB\xA9\x94\xEC\x9D\xBC",             /* 메일 */
	                                "\xEC\x97\xB0\xEB\x9D\xBD"};            /* 연락 */
	for (size_t si = 0; si < p->nsections; si++)
		for (size_t bi = 0; bi < p->sections[si].nblocks; bi++) {
			const posting_block *b = &p->sections[si].blocks[bi];
			if (b->text && mail_has_words(b->text, b->len, w, JK_ARRAY_LEN(w)))
				return true;
		}
	return false;
}

/* A link to a posting's own page: an applicant-tracking system's, or a
 * path that names jobs or applying. url is an accepted http(s) URL. */
bool mail_job_link(const char *url)
{
	static const char *const hosts[] = {
	    "greenhouse.io",       "lever.co",           "ashbyhq.com",      "workable.com",
	    "smartrecruiters.com", "recruitee.com",      "personio.de",      "personio.com",
	    "breezy.hr",           "myworkdayjobs.com",  "bamboohr.com",     "jobvite.com",
	    "icims.com",           "teamtailor.com",     "join.com",         "applytojob.com",
	    "taleo.net",           "successfactors.com", "recruiterbox.com", "wellfound.com"};
	static const char *const words[] = {"job",       "jobs",     "career",    "careers",
	                                    "apply",     "position", "positions", "vacancy",
	                                    "vacancies", "opening",  "openings",  "stellen",
	                                    "karriere",  "emploi",   "empleo",    "recruitment"};
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	size_t hn = strcspn(h, "/?#:");
	const char *path = h + strcspn(h, "/?#");
	if (!*path || !strcmp(path, "/"))
		return false;
	for (size_t i = 0; i < JK_ARRAY_LEN(hosts); i++) {
		size_t k = strlen(hosts[i]);
		if (hn >= k && !strncasecmp(h + hn - k, hosts[i], k) &&
		    (hn == k || h[hn - k - 1] == '.'))
			return true;
	}
	for (const char *s = path; *s == '/';) {
		size_t k = strcspn(s + 1, "/?#");
		for (size_t i = 0; i < JK_ARRAY_LEN(words); i++)
			if (strlen(words[i]) == k && !strncasecmp(s + 1, words[i], k))
				return true;
		s += 1 + k;
	}
	return false;
}

/* A site's front page ("https://www.example.com/"): not where one applies
 * when the body names a person to write to. */
bool mail_home_page(const char *href)
{
	const char *h = strstr(href, "://");
	if (!h || strncasecmp(href, "http", 4))
		return false;
	const char *path = h + 3 + strcspn(h + 3, "/?#");
	return !*path || !strcmp(path, "/");
}
