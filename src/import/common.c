/* common.c — layer 0a: what every reader shares: dates, character references,
 * organisation inference, employment wording, amounts, and the libxml2
 * and cJSON front doors. Pure: no locale, no time zone, no I/O. */
#include "support.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Dates ------------------------------------------------------------------ */

static bool is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(long y, long m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* "YYYY-MM-DD" when the parts make a real date in the range we accept. */
static char *ymd(long y, long m, long d)
{
	if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return NULL;
	char out[40];
	snprintf(out, sizeof out, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
	return jk_strndup(out, (size_t)-1);
}

/* Days since 1970-01-01 to a civil date (H. Hinnant's algorithm), so epoch
 * times never depend on gmtime or the time zone. */
static char *from_days(long long z)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	long long d = doy - (153 * mp + 2) / 5 + 1;
	long long m = mp < 10 ? mp + 3 : mp - 9;
	long long y = yoe + era * 400 + (m <= 2);
	return ymd((long)y, (long)m, (long)d);
}

/* Reads min..max digits at *s into *v, advancing *s. */
static bool read_num(const char **s, int min, int max, long *v)
{
	const char *p = *s;
	long x = 0;
	int k = 0;
	while (k < max && isdigit((unsigned char)p[k]))
		x = x * 10 + (p[k++] - '0');
	if (k < min || isdigit((unsigned char)p[k]))
		return false;
	*v = x;
	*s = p + k;
	return true;
}

/* Length of the run of ASCII letters at s. */
static size_t letters(const char *s)
{
	size_t n = 0;
	while (isalpha((unsigned char)s[n]))
		n++;
	return n;
}

/* A word that abbreviates one of names (at least 3 letters, a prefix of the
 * full name): returns its 1-based index, 0 when none. */
static int match_name(const char *s, size_t n, const char *const *names, int count)
{
	if (n < 3)
		return 0;
	for (int i = 0; i < count; i++)
		if (n <= strlen(names[i]) && strncasecmp(s, names[i], n) == 0)
			return i + 1;
	return 0;
}

static const char *const month_names[] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};
static const char *const day_names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};

/* Month name at *s ("Aug", "Aug.", "August", "Sept"), advancing past it. */
static long read_month(const char **s)
{
	size_t n = letters(*s);
	int m = match_name(*s, n, month_names, 12);
	if (m) {
		*s += n;
		if (**s == '.')
			(*s)++;
	}
	return m;
}

static const char *skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* What may follow a date: nothing, or a time after 'T' or a space. */
static bool date_tail_ok(const char *s)
{
	if (!*s)
		return true;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return false;
	s = skip_blank(s + 1);
	long h, mi;
	return read_num(&s, 1, 2, &h) && *s == ':' && (s++, read_num(&s, 2, 2, &mi)) && h < 25 &&
	       mi < 60;
}

static char *date_digits(const char *s, size_t n)
{
	const char *frac = memchr(s, '.', n);
	size_t k = frac ? (size_t)(frac - s) : n;
	for (size_t i = frac ? k + 1 : n; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return NULL;
	for (size_t i = 0; i < k; i++)
		if (!isdigit((unsigned char)s[i]))
			return NULL;
	long long v = 0;
	for (size_t i = 0; i < k && i < 15; i++)
		v = v * 10 + (s[i] - '0');
	if (k == 8 && !frac) /* ISO 8601 basic: 20240826 */
		return ymd((long)(v / 10000), (long)(v / 100 % 100), (long)(v % 100));
	if (k >= 9 && k <= 10) /* epoch seconds */
		return from_days(v / 86400);
	if (k >= 11 && k <= 14) /* epoch milliseconds (Lever createdAt) */
		return from_days(v / 86400000);
	return NULL;
}

/* A date that starts with a digit; s is n bytes, trimmed. */
static char *date_numeric(const char *s, size_t n)
{
	size_t k = strspn(s, "0123456789");
	if (k == n || (s[k] == '.' && k > 8))
		return date_digits(s, n);
	long y, m, d;
	const char *p = s;
	if (k == 4 && (s[4] == '-' || s[4] == '/')) { /* ISO 8601, 2024/08/26 */
		char sep = s[4];
		p = s + 5;
		if (!read_num(&p, 1, 2, &m) || *p++ != sep || !read_num(&p, 1, 2, &d))
			return NULL;
		y = atol(s);
		return date_tail_ok(p) ? ymd(y, m, d) : NULL;
	}
	/* "26 Aug 2024", "26-Aug-2024", RFC 822 without the weekday. */
	if (!read_num(&p, 1, 2, &d))
		return NULL;
	p = skip_blank(p);
	if (*p == '-')
		p++;
	if (!(m = read_month(&p)))
		return NULL;
	p = skip_blank(p);
	if (*p == '-' || *p == ',')
		p = skip_blank(p + 1);
	const char *ys = p;
	if (!read_num(&p, 2, 4, &y) || p - ys == 3)
		return NULL;
	if (p - ys == 2) /* RFC 822 two-digit years */
		y += y < 70 ? 2000 : 1900;
	return *p == '\0' || *p == ' ' ? ymd(y, m, d) : NULL;
}

/* "Mon, 26 Aug 2024", "Monday, August 26, 2024", "Aug 26th, 2024". */
static char *date_words(const char *s)
{
	/* An optional weekday. */
	const char *p = s;
	size_t w = letters(p);
	if (match_name(p, w, day_names, 7) && !match_name(p, w, month_names, 12)) {
		p += w;
		if (*p == '.')
			p++;
		if (*p == ',')
			p++;
		p = skip_blank(p);
		if (isdigit((unsigned char)*p))
			return import_date(p);
	}
	long y, m, d;
	if (!(m = read_month(&p)))
		return NULL;
	p = skip_blank(p);
	if (!read_num(&p, 1, 2, &d))
		return NULL;
	size_t suf = letters(p);
	if (suf == 2 && (!strncasecmp(p, "st", 2) || !strncasecmp(p, "nd", 2) ||
	                 !strncasecmp(p, "rd", 2) || !strncasecmp(p, "th", 2)))
		p += 2;
	if (*p == ',')
		p++;
	p = skip_blank(p);
	if (!read_num(&p, 4, 4, &y))
		return NULL;
	if (*p == ',')
		p++;
	return *p == '\0' || *p == ' ' ? ymd(y, m, d) : NULL;
}

char *import_date(const char *in)
{
	if (!in)
		return NULL;
	char buf[96];
	const char *s = skip_blank(in);
	while (*s == '\n' || *s == '\r' || *s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || n >= sizeof buf)
		return NULL;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return isdigit((unsigned char)buf[0]) ? date_numeric(buf, n) : date_words(buf);
}

/* Character references ----------------------------------------------------- */

static int put_cp(jk_buf *b, uint32_t cp)
{
	char tmp[4];
	if (cp >= 0x80 && cp <= 0x9F) {
		/* HTML maps these to Windows-1252, as browsers do (&#146; is ’). */
		char c = (char)cp;
		char *u = jk_cp1252_to_utf8(&c, 1);
		if (!u)
			return JK_ENOMEM;
		int r = jk_buf_puts(b, u);
		free(u);
		return r;
	}
	return jk_buf_append(b, tmp, jk_utf8_encode(cp, tmp));
}

/* "&#8217;" / "&#x2019;" at s (s[0] == '&', s[1] == '#'): bytes used, 0 when
 * it is not a reference. */
static size_t numeric_ref(const char *s, size_t n, uint32_t *cp)
{
	size_t j = 2;
	bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
	if (hex)
		j++;
	size_t start = j;
	uint32_t v = 0;
	bool big = false;
	for (; j < n; j++) {
		int c = (unsigned char)s[j], dv;
		if (isdigit(c))
			dv = c - '0';
		else if (hex && isxdigit(c))
			dv = tolower(c) - 'a' + 10;
		else
			break;
		if (v > 0x10FFFF)
			big = true;
		else
			v = v * (hex ? 16 : 10) + (uint32_t)dv;
	}
	if (j == start)
		return 0;
	if (j < n && s[j] == ';')
		j++;
	if (big || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		v = 0xFFFD;
	*cp = v;
	return j;
}

/* The value of a named reference (case-sensitive, as HTML says), or NULL. */
static const char *entity_value(const char *name, size_t n, uint32_t *cp)
{
	char tmp[40];
	if (n == 0 || n >= sizeof tmp)
		return NULL;
	memcpy(tmp, name, n);
	tmp[n] = '\0';
	if (strcmp(tmp, "apos") == 0) {
		*cp = '\'';
		return name;
	}
	const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)tmp);
	if (!e)
		return NULL;
	*cp = e->value;
	return name;
}

char *import_decode_entities(const char *s, size_t n)
{
	if (!s)
		return jk_strndup("", 0);
	if (n == (size_t)-1)
		n = strlen(s);
	jk_buf b = {0};
	int r = jk_buf_append(&b, "", 0);
	size_t i = 0;
	while (!r && i < n) {
		const char *amp = memchr(s + i, '&', n - i);
		size_t run = amp ? (size_t)(amp - (s + i)) : n - i;
		r = jk_buf_append(&b, s + i, run);
		i += run;
		if (r || i >= n)
			break;
		uint32_t cp = 0;
		size_t used = 0;
		if (i + 1 < n && s[i + 1] == '#') {
			used = numeric_ref(s + i, n - i, &cp);
		} else {
			size_t j = i + 1;
			while (j < n && j - i <= 33 && isalnum((unsigned char)s[j]))
				j++;
			bool semi = j < n && s[j] == ';';
			/* Without ';' only before a non-alphanumeric other than '=',
			 * so "?a=1&lang=en" in a URL stays as written. */
			bool bare_ok = j == n || (!isalnum((unsigned char)s[j]) && s[j] != '=');
			if ((semi || bare_ok) && entity_value(s + i + 1, j - i - 1, &cp))
				used = j - i + (semi ? 1 : 0);
		}
		if (used) {
			r = put_cp(&b, cp);
			i += used;
		} else {
			r = jk_buf_putc(&b, '&');
			i++;
		}
	}
	if (r) {
		jk_buf_free(&b);
		return NULL;
	}
	return jk_buf_detach(&b);
}

/* Organisation from the title ------------------------------------------------ */

const char *import_at_org(const char *t, size_t *len)
{
	const char *at = NULL;
	for (const char *c = t; (c = strstr(c, " at ")) != NULL; c++)
		at = c;
	if (!at)
		return NULL;
	const char *org = at + 4;
	unsigned char c0 = (unsigned char)*org;
	if (!(isupper(c0) || isdigit(c0) || c0 >= 0x80))
		return NULL;
	size_t n = strlen(org);
	static const char *const cuts[] = {" (", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ",
	                                   ", ", " / ", " \xC2\xB7 "};
	for (size_t i = 0; i < JK_ARRAY_LEN(cuts); i++) {
		const char *cut = strstr(org, cuts[i]);
		if (cut && (size_t)(cut - org) < n)
			n = (size_t)(cut - org);
	}
	while (n && strchr(" .;:!", org[n - 1]))
		n--;
	size_t words = 1;
	for (size_t i = 0; i < n; i++)
		words += org[i] == ' ';
	if (n == 0 || n > 80 || words > 8)
		return NULL;
	*len = n;
	return org;
}

int import_infer_organization(posting *p)
{
	size_t n;
	const char *org = p && !p->organization && p->title ? import_at_org(p->title, &n) : NULL;
	return org ? posting_set(&p->organization, org, n) : JK_OK;
}

/* Employment wording ----------------------------------------------------------- */

/* Length of phrase ph (lower case, words split by ' ') at the start of s,
 * the input's words split by ' ', '-', '_' or nothing ("full-time",
 * "FULL_TIME", "fulltime"); 0 when it is not there as whole words. */
static size_t phrase_at(const char *s, size_t n, const char *ph)
{
	size_t i = 0;
	for (const char *w = ph; *w; w++) {
		if (*w == ' ') {
			if (i < n && (s[i] == ' ' || s[i] == '-' || s[i] == '_'))
				i++;
			continue;
		}
		if (i >= n || tolower((unsigned char)s[i]) != *w)
			return 0;
		i++;
	}
	return i < n && isalnum((unsigned char)s[i]) ? 0 : i;
}

static const struct {
	const char *phrase, *show;
} kinds[] = {
    {"full time", "Full-time"},   {"part time", "Part-time"},
    {"internship", "Internship"}, {"intern", "Internship"},
    {"contractor", "Contract"},   {"contract", "Contract"},
    {"freelancer", "Freelance"},  {"freelance", "Freelance"},
    {"temporary", "Temporary"},   {"temp", "Temporary"},
    {"seasonal", "Seasonal"},     {"permanent", "Permanent"},
    {"volunteer", "Volunteer"},   {"apprenticeship", "Apprenticeship"},
    {"per diem", "Per diem"},
};

static const char *const workplaces[] = {"remote",    "hybrid",      "on site",
                                         "in office", "telecommute", "work from home"};

const char *import_employment_kind(const char *s, size_t n, size_t *used)
{
	for (size_t i = 0; s && i < JK_ARRAY_LEN(kinds); i++) {
		size_t k = phrase_at(s, n, kinds[i].phrase);
		if (k) {
			if (used)
				*used = k;
			return kinds[i].show;
		}
	}
	return NULL;
}

static bool is_workplace(const char *s)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(workplaces); i++)
		if (phrase_at(s, strlen(s), workplaces[i]) == strlen(s))
			return true;
	return false;
}

int import_employment_add(char **field, const char *word, bool qualifier)
{
	char *w = word ? jk_text_clean(word, (size_t)-1) : NULL;
	if (word && !w)
		return JK_ENOMEM;
	if (!w || !*w || (*field && jk_strcasestr(*field, w))) {
		free(w);
		return JK_OK;
	}
	if (!*field) {
		int r = posting_set(field, w, (size_t)-1);
		free(w);
		return r;
	}
	const char *f = *field;
	size_t n = strlen(f);
	bool q = qualifier || is_workplace(w);
	size_t used = 0;
	/* Inside a phrase a known word reads in lower case: "(hybrid)",
	 * "Full-time, permanent"; "USA" or a name stays as written. */
	if ((q || (import_employment_kind(w, strlen(w), &used) && !w[used])) &&
	    isupper((unsigned char)w[0]) && !isupper((unsigned char)w[1]))
		w[0] = (char)tolower((unsigned char)w[0]);
	/* The qualifiers already there: "Contract (9 months)". */
	const char *paren = NULL;
	for (const char *c = f; f[n - 1] == ')' && (c = strstr(c, " (")); c++)
		paren = c;
	jk_buf b = {0};
	int r;
	if (q && paren)
		r = jk_buf_printf(&b, "%.*s, %s)", (int)(n - 1), f, w);
	else if (q)
		r = jk_buf_printf(&b, "%s (%s)", f, w);
	else if (paren)
		r = jk_buf_printf(&b, "%.*s, %s%s", (int)(paren - f), f, w, paren);
	else
		r = jk_buf_printf(&b, "%s, %s", f, w);
	if (!r)
		r = posting_set(field, b.data, b.len);
	jk_buf_free(&b);
	free(w);
	return r;
}

/* Amounts --------------------------------------------------------------------- */

int import_money(jk_buf *b, double v, bool cents)
{
	double whole = floor(v);
	int c = (int)lround((v - whole) * 100);
	if (c == 100)
		whole += 1, c = 0;
	char d[32];
	int n = snprintf(d, sizeof d, "%.0f", whole), r = JK_OK;
	for (int i = 0; i < n && !r; i++) {
		r = jk_buf_putc(b, d[i]);
		if (!r && (n - i - 1) % 3 == 0 && i < n - 1)
			r = jk_buf_putc(b, ',');
	}
	return r || !cents ? r : jk_buf_printf(b, ".%02d", c);
}

/* libxml2 and cJSON ------------------------------------------------------------- */

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init_once(void)
{
	xmlInitParser();
}

void import_xml_init(void)
{
	pthread_once(&xml_once, xml_init_once);
}

int import_json_parse(const char *data, size_t len, cJSON **root, jk_err *err)
{
	const char *end = NULL;
	*root = cJSON_ParseWithLengthOpts(data, len, &end, false);
	if (*root)
		return JK_OK;
	/* cJSON says only where it stopped; the text says why. */
	size_t at = end && end >= data && end <= data + len ? (size_t)(end - data) : 0;
	size_t depth = 0, maxdepth = 0, lineno = 1, col = 1;
	bool in_str = false;
	for (size_t i = 0; i < len; i++) {
		char c = data[i];
		if (i < at) {
			col = c == '\n' ? 1 : col + 1;
			lineno += c == '\n';
		}
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '{' || c == '[') {
			if (++depth > maxdepth)
				maxdepth = depth;
		} else if ((c == '}' || c == ']') && depth) {
			depth--;
		}
	}
	if (maxdepth > CJSON_NESTING_LIMIT)
		return jk_fail(err, JK_EFORMAT, "JSON nested more than %d levels deep",
		               CJSON_NESTING_LIMIT);
	if (in_str || depth)
		return jk_fail(err, JK_EFORMAT, "JSON ends early (cut off?)");
	return jk_fail(err, JK_EFORMAT, "not valid JSON (line %zu, column %zu)", lineno, col);
}

/* Every warning goes out here, as one line. */
void import_warnf(const import_opts *o, const char *fmt, ...)
{
	if (!o || !o->warn)
		return;
	char msg[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* What a library says about the input (libxml2's errors quote it) may
	 * hold line breaks or cut a character. */
	jk_one_line(msg);
	o->warn(o->ud, o->source ? o->source : "input", msg);
}
