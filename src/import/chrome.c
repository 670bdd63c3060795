/* chrome.c — layer 0a: job-site chrome: the buttons, counters and upsells
 * that job sites print around a posting. One table of rules, nothing else. */
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

static regex_t compiled[JK_ARRAY_LEN(rules)];
static bool usable[JK_ARRAY_LEN(rules)];
static pthread_once_t once = PTHREAD_ONCE_INIT;

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
	for (size_t i = 0; i < JK_ARRAY_LEN(rules); i++)
		if (usable[i] && n <= rules[i].max + 1 && !regexec(&compiled[i], buf, 0, NULL, 0))
			return true;
	return false;
}

/* Length of a piece separator at s (". " between sentences, " · ", " | "),
 * 0 when there is none. */
static size_t separator(const char *s)
{
	if ((s[0] == '.' || s[0] == '!') && s[1] == ' ')
		return 2;
	if (s[0] != ' ')
		return 0; /* most bytes: no strncmp calls */
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
