/* chrome.c — layer 0a: job-site chrome: the buttons, counters and upsells
 * that job sites print around a posting. One table of rules, and the
 * bytes each rule may start with, read from it to spare most regexecs. */
#include "support.h"

#include <pthread.h>
#include <regex.h>
#include <string.h>

/* Each rule matches the whole text (case-insensitive POSIX ERE) and applies
 * only up to max bytes, so a real paragraph that happens to start like
 * chrome is never dropped. */
static const struct {
	const char *re;
	size_t max;
} rules[] = {
    /* applicant counts and comparisons */
    {"(over |more than )?[0-9][0-9,]*\\+? (applicants?|people clicked apply)", 40},
    {"see how you compare to (over |more than )?[0-9][0-9,]*\\+? (other "
     ")?applicants?",
     80},
    {"be among the first [0-9,]+ applicants?", 60},
    {"(re)?try premium( for .{0,24})?", 60},
    {"(get|access) (exclusive )?(applicant|job search|hiring) insights.{0,60}", 100},
    {"(show|see|view|load|read) (all|more|less)( "
     "(jobs|details|results|options))?",
     40},
    {"(view|show)( more)?|more|[.…]+ ?more|see less", 16},
    {"(view )?verifications? related to this job( post(ing)?)?", 70},
    {"[0-9][0-9,]* (school )?alumni works? here", 40},
    {"[0-9][0-9,]* (connections?|employees|people you know) works? here", 50},
    {"(posted |reposted |updated |active )?(about |over )?([0-9]+\\+?|an?|one) "
     "(second|minute|min|hour|hr|day|week|month|year)s? ago",
     48},
    {"(posted |reposted )?(just now|today|yesterday)", 24},
    {"actively (recruiting|hiring|reviewing applicants)", 40},
    {"[0-9][0-9,]*(\\+|( ?[-–] ?[0-9][0-9,]*)) employees( · .{0,80})?", 120},
    {"[0-9][0-9,.]*[km]?\\+? (followers|employees)( on linkedin)?", 50},
    {"(easy apply|apply now|apply|save|saved|save job|unsave|share|share "
     "job|report( this)? "
     "job|promoted|sponsored|follow|following|message|dismiss|close|copy "
     "link|set alert|"
     "create job alert|job alert|back to (search|jobs|results)|more options)",
     24},
    {"(promoted|sponsored) by .{1,60}", 80},
    {"responses managed off [a-z]+", 40},
    {"skip to (main )?content|skip to search|skip navigation", 30},
    {"sign in|sign in to (apply|view more|save)|join now|log in|sign "
     "up|register",
     30},
    {"(we|this (web)?site) uses? cookies.{0,300}", 320},
    {"(accept|reject|decline|allow)( all)?( cookies)?|cookie "
     "(settings|preferences|policy)|"
     "manage (cookies|preferences)",
     30},
    {"meet the hiring team|show match details|how you match|tailor my resume|"
     "is this information helpful\\??",
     40},
    {"(matches|match) your job preferences.{0,60}", 80},
    {"no longer accepting applications", 40},
    {"[•·▪◦‣*-]+", 8},
};

/* The ASCII bytes a text matching a rule may start with (letters in both
 * cases), read from the rule's pattern, so that most pieces of a posting
 * are refused without a regexec; a piece that starts with another byte, or
 * a rule whose start this does not work out (open), is always tried. */
typedef struct first_set {
	bool open, byte[128];
} first_set;

static regex_t compiled[JK_ARRAY_LEN(rules)];
static bool usable[JK_ARRAY_LEN(rules)];
static first_set firsts[JK_ARRAY_LEN(rules)];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void first_add(first_set *f, unsigned char c)
{
	if (c >= 0x80)
		return; /* pieces that start outside ASCII are always tried */
	f->byte[c] = true;
	if ((c | 32) >= 'a' && (c | 32) <= 'z')
		f->byte[c ^ 32] = true;
}

/* A bracket expression at *p ('[' read): its bytes into f. False for
 * what this does not read (negation, ranges outside ASCII). */
static bool first_bracket(const char **p, first_set *f)
{
	const char *c = *p;
	if (*c == '^')
		return false;
	for (bool lead = true; *c && (*c != ']' || lead); lead = false, c++) {
		unsigned char lo = (unsigned char)*c, hi = (unsigned char)c[1 + (c[1] == '-')];
		if (c[1] == '-' && c[2] && c[2] != ']') { /* a range */
			if (lo >= 0x80 || hi >= 0x80 || hi < lo)
				return false;
			for (unsigned k = lo; k <= hi; k++)
				first_add(f, (unsigned char)k);
			c += 2;
		} else {
			first_add(f, lo);
		}
	}
	if (*c != ']')
		return false;
	*p = c + 1;
	return true;
}

static bool first_alt(const char **p, first_set *f, bool *null);

/* One atom at *p into f; *null when it may match nothing. */
static bool first_atom(const char **p, first_set *f, bool *null)
{
	unsigned char c = (unsigned char)*(*p)++;
	*null = false;
	if (c == '(') {
		if (!first_alt(p, f, null) || **p != ')')
			return false;
		++*p;
		return true;
	}
	if (c == '[')
		return first_bracket(p, f);
	if (c == '.') {
		for (unsigned k = 0; k < 128; k++)
			f->byte[k] = true;
		return true;
	}
	if (c == '\\' && **p)
		c = (unsigned char)*(*p)++;
	else if (!c || strchr("^$|)*+?{", c))
		return false; /* anchors, or a stray operator */
	while (c >= 0xC0 && (**p & 0xC0) == 0x80)
		++*p; /* a character of several bytes is one atom */
	first_add(f, c);
	return true;
}

/* Alternatives up to ')' or the end: their first bytes into f; *null when
 * one of them may match nothing. */
static bool first_alt(const char **p, first_set *f, bool *null)
{
	*null = false;
	for (;;) {
		bool seq_null = true;
		while (**p && **p != '|' && **p != ')') {
			first_set a = {0};
			bool a_null;
			if (!first_atom(p, &a, &a_null))
				return false;
			char q = **p;
			bool q_null = q == '?' || q == '*' || (q == '{' && (*p)[1] == '0');
			if (q == '{' && !strchr(*p, '}'))
				return false;
			if (q == '{')
				*p = strchr(*p, '}') + 1;
			else if (q == '?' || q == '*' || q == '+')
				++*p;
			for (size_t k = 0; seq_null && k < 128; k++)
				f->byte[k] = f->byte[k] || a.byte[k];
			seq_null = seq_null && (a_null || q_null);
		}
		*null = *null || seq_null;
		if (**p != '|')
			return true;
		++*p;
	}
}

/* The first bytes of a rule; open when not worked out or when it may
 * match nothing. */
static void first_of(const char *re, first_set *f)
{
	const char *p = re;
	bool null;
	*f = (first_set){0};
	f->open = !first_alt(&p, f, &null) || *p || null;
}

/* Compiled once for the process and kept in static storage for its whole
 * life (never freed: the table is needed until exit). A rule that does not
 * compile is skipped rather than taking the reader down. */
static void compile(void)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(rules); i++) {
		char pat[512];
		size_t n = strlen(rules[i].re);
		if (n + 8 > sizeof pat)
			continue;
		pat[0] = '^', pat[1] = '(';
		memcpy(pat + 2, rules[i].re, n);
		memcpy(pat + 2 + n, ")[.!]?$", 8);
		usable[i] = regcomp(&compiled[i], pat, REG_EXTENDED | REG_ICASE | REG_NOSUB) == 0;
		first_of(rules[i].re, &firsts[i]);
	}
}

static bool piece_is_chrome(const char *s, size_t n)
{
	char buf[400];
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n || n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	unsigned char c = (unsigned char)buf[0];
	for (size_t i = 0; i < JK_ARRAY_LEN(rules); i++)
		if (usable[i] && n <= rules[i].max + 1 &&
		    (c >= 0x80 || firsts[i].open || firsts[i].byte[c]) &&
		    !regexec(&compiled[i], buf, 0, NULL, 0))
			return true;
	return false;
}

/* Length of a piece separator at s (". " between sentences, " · ", " | "),
 * 0 when there is none. */
static size_t separator(const char *s)
{
	if ((s[0] == '.' || s[0] == '!') && s[1] == ' ')
		return 2;
	if (s[0] != ' ' || (s[1] != '|' && s[1] != '\xc2' && s[1] != '\xe2'))
		return 0; /* most bytes, and most spaces: no strncmp calls */
	if (!strncmp(s, " · ", 4) || !strncmp(s, " • ", 5) || !strncmp(s, " | ", 3))
		return s[1] == '|' ? 3 : (s[1] == '\xc2' ? 4 : 5);
	return 0;
}

bool import_is_chrome(const char *text)
{
	if (!text)
		return false;
	size_t len = strlen(text);
	if (!len || len > 400)
		return false;
	pthread_once(&once, compile);
	if (piece_is_chrome(text, len))
		return true;
	/* Sites glue chrome together ("See how you compare to 6 applicants.
	 * Try Premium for ₹0"): the text is chrome when every piece is. */
	const char *start = text;
	size_t pieces = 0;
	for (const char *c = text;; c++) {
		size_t sep = *c ? separator(c) : 0;
		if (!*c || sep) {
			if (!*c && start == text)
				return false; /* one piece, the whole text: refused above */
			size_t n = (size_t)(c - start) + (sep == 2 ? 1 : 0);
			if (!piece_is_chrome(start, n))
				return false;
			pieces++;
			if (!*c)
				break;
			c += sep - 1;
			start = c + 1;
		}
	}
	return pieces > 1;
}
