/* import.c — layer 4: the front door of the readers: format sniffing and
 * dispatch. The input checks live in input.c, finishing postings in
 * support.c. */
#include "readers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	import_format f;
	const char *name;
	import_reader read;
} formats[] = {
    {IMPORT_MARKDOWN, "Markdown", import_markdown},
    {IMPORT_HTML, "HTML", import_html},
    {IMPORT_GRID, "scraped grid", import_grid},
    {IMPORT_JSONLD, "JSON-LD", import_jsonld},
    {IMPORT_GREENHOUSE, "Greenhouse JSON", import_greenhouse},
    {IMPORT_LEVER, "Lever JSON", import_lever},
    {IMPORT_ASHBY, "Ashby JSON", import_ashby},
    {IMPORT_WORKABLE, "Workable JSON", import_workable},
    {IMPORT_RECRUITEE, "Recruitee JSON", import_recruitee},
    {IMPORT_JSONFEED, "JSON Feed", import_jsonfeed},
    {IMPORT_RSS, "RSS", import_feed},
    {IMPORT_ATOM, "Atom", import_feed},
    {IMPORT_PERSONIO, "Personio XML", import_personio},
    {IMPORT_TEXT, "plain text", import_text},
    {IMPORT_SMARTRECRUITERS, "SmartRecruiters JSON", import_smartrecruiters},
    {IMPORT_WORKDAY, "Workday JSON", import_workday},
    {IMPORT_BREEZY, "Breezy JSON", import_breezy},
    {IMPORT_MAIL, "mail message", import_mail},
    {IMPORT_RST, "reStructuredText", import_rst},
};

const char *import_format_name(import_format f)
{
	for (size_t i = 0; i < JK_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			return formats[i].name;
	return "unknown";
}

static const char *skip_space(const char *s, const char *end)
{
	while (s < end && strchr(" \t\r\n\f\v", *s) && *s)
		s++;
	return s;
}

/* Bounded substring search over the first part of the data, ASCII
 * case-insensitive. Only where the needle's first byte is (memchr for each
 * of its cases) is the rest compared: the sniffers run a dozen of these
 * over up to 64 KB. */
static bool head_has(const char *data, size_t len, const char *needle, size_t within)
{
	size_t n = len < within ? len : within, k = strlen(needle);
	if (!k || k > n)
		return !k;
	char lo = (char)tolower((unsigned char)needle[0]),
	     up = (char)toupper((unsigned char)needle[0]);
	const char *end = data + n - k + 1; /* the last place a match may start, + 1 */
	for (const char *p = data; p < end; p++) {
		const char *a = memchr(p, lo, (size_t)(end - p));
		const char *b = lo == up ? NULL : memchr(p, up, (size_t)((a ? a : end) - p));
		p = b ? b : a;
		if (!p)
			return false;
		/* (x | 32) equal for x's either case: a cheap first refusal */
		if (k > 1 && (p[1] | 32) != (needle[1] | 32))
			continue;
		if (!strncasecmp(p + 1, needle + 1, k - 1))
			return true;
	}
	return false;
}

/* A line of dashes separated by tabs: the row rule of a scraped grid. */
static bool has_grid_rule(const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		size_t dashes = 0, tabs = 0;
		bool only = true;
		for (const char *c = p; c < eol && only; c++) {
			if (*c == '-')
				dashes++;
			else if (*c == '\t')
				tabs++;
			else if (*c != ' ' && *c != '\r')
				only = false;
		}
		if (only && tabs >= 1 && dashes >= 4)
			return true;
		p = eol + 1;
	}
	return false;
}

/* True when the object at p ('{') opens with a list under key:
 * `{ "offers": [`. */
static bool first_list(const char *p, const char *end, const char *key)
{
	size_t k = strlen(key);
	p = skip_space(p + 1, end);
	if ((size_t)(end - p) < k || strncmp(p, key, k))
		return false;
	p = skip_space(p + k, end);
	if (p == end || *p != ':')
		return false;
	p = skip_space(p + 1, end);
	return p < end && *p == '[';
}

/* The boards whose list has the text, by keys no other format uses; a
 * board with no jobs yet by its envelope. */
static import_format sniff_full_board(const char *data, size_t len)
{
	const size_t w = 1 << 16;
	if (head_has(data, len, "\"jobUrl\"", w) ||
	    head_has(data, len, "\"shouldDisplayCompensationOnJobPostings\"", w) ||
	    (head_has(data, len, "\"apiVersion\"", w) && head_has(data, len, "\"jobs\"", w)))
		return IMPORT_ASHBY;
	if (head_has(data, len, "\"shortcode\"", w) &&
	    (head_has(data, len, "\"application_url\"", w) ||
	     head_has(data, len, "\"shortlink\"", w) ||
	     head_has(data, len, "\"telecommuting\"", w)))
		return IMPORT_WORKABLE;
	if (head_has(data, len, "\"careers_apply_url\"", w) ||
	    head_has(data, len, "\"careers_url\"", w) ||
	    (*data == '{' && first_list(data, data + len, "\"offers\"")))
		return IMPORT_RECRUITEE;
	return IMPORT_UNKNOWN;
}

/* key used as an object key ("key" then ':') in the first part of the
 * data, not merely quoted inside a string value (where its quotes are
 * escaped). */
static bool head_key(const char *data, size_t len, const char *key, size_t within)
{
	size_t n = len < within ? len : within, k = strlen(key);
	for (const char *p = data, *end = data + n; (p = memchr(p, '"', (size_t)(end - p)));) {
		const char *q = p + 1;
		p = q;
		if ((size_t)(end - q) <= k || strncmp(q, key, k) || q[k] != '"' ||
		    (q - 1 > data && q[-2] == '\\'))
			continue;
		const char *c = skip_space(q + k + 1, end);
		if (c < end && *c == ':')
			return true;
	}
	return false;
}

/* The boards whose list lacks the text, by keys only they use. */
static import_format sniff_board(const char *data, size_t len)
{
	size_t w = 1 << 16;
	/* An empty Workday page has no externalPath; a page of schema.org
	 * postings under that name has @type. */
	if (head_key(data, len, "jobPostingInfo", w) ||
	    (head_key(data, len, "jobPostings", w) &&
	     (head_key(data, len, "externalPath", w) || !head_key(data, len, "@type", w))))
		return IMPORT_WORKDAY;
	if (head_key(data, len, "releasedDate", w) || head_key(data, len, "typeOfEmployment", w) ||
	    (head_key(data, len, "totalFound", w) && head_key(data, len, "content", w)))
		return IMPORT_SMARTRECRUITERS;
	if (head_key(data, len, "friendly_id", w) && head_key(data, len, "published_date", w))
		return IMPORT_BREEZY;
	return sniff_full_board(data, len);
}

static import_format sniff_json(const char *data, size_t len)
{
	if (head_has(data, len, "jsonfeed.org/version", 4096))
		return IMPORT_JSONFEED;
	/* A board ({"jobs":[...]}) or one job of it: both carry absolute_url. */
	if (head_has(data, len, "\"absolute_url\"", 1 << 16))
		return IMPORT_GREENHOUSE;
	if (head_has(data, len, "\"hostedUrl\"", 1 << 16))
		return IMPORT_LEVER;
	import_format f = sniff_board(data, len);
	if (f != IMPORT_UNKNOWN)
		return f;
	if (head_has(data, len, "\"categories\"", 1 << 16) &&
	    head_has(data, len, "\"text\"", 1 << 16))
		return IMPORT_LEVER;
	return IMPORT_JSONLD;
}

static import_format sniff_ext(const char *source)
{
	static const struct {
		const char *ext;
		import_format f;
	} ext[] = {{".md", IMPORT_MARKDOWN}, {".markdown", IMPORT_MARKDOWN}, {".html", IMPORT_HTML},
	           {".htm", IMPORT_HTML},    {".rss", IMPORT_RSS},           {".atom", IMPORT_ATOM},
	           {".txt", IMPORT_TEXT},    {".eml", IMPORT_MAIL},          {".mbox", IMPORT_MAIL},
	           {".rst", IMPORT_RST},     {".rest", IMPORT_RST}};
	const char *dot = source ? strrchr(source, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return IMPORT_UNKNOWN;
	for (size_t i = 0; i < JK_ARRAY_LEN(ext); i++)
		if (strcasecmp(dot, ext[i].ext) == 0)
			return ext[i].f;
	return IMPORT_UNKNOWN;
}

bool import_is_mail_name(const char *name)
{
	return sniff_ext(name) == IMPORT_MAIL;
}

/* Length of the header field name that starts line l (n bytes) when the
 * line is "Name: value", else 0. */
static size_t field_name(const char *l, size_t n)
{
	size_t i = 0;
	while (i < n && i < 80 && l[i] > ' ' && l[i] < 0x7F && l[i] != ':')
		i++;
	return i < n && l[i] == ':' ? i : 0;
}

static bool name_in(const char *name, size_t n, const char *const *v, size_t nv)
{
	for (size_t i = 0; i < nv; i++)
		if (strlen(v[i]) == n && !strncasecmp(name, v[i], n))
			return true;
	return false;
}

/* A mail message (or an mbox file) starts here: a header block of
 * "Name: value" lines (folded lines indented), the first a mail header,
 * at least one that only mail has. Pelican's "Title:"/"Date:" lines in
 * Markdown do not qualify. */
static bool sniff_mail(const char *data, size_t len)
{
	static const char *const mail[] = {"return-path",   "received",
	                                   "from",          "message-id",
	                                   "delivered-to",  "mime-version",
	                                   "x-original-to", "dkim-signature",
	                                   "arc-seal",      "authentication-results",
	                                   "in-reply-to",   "references",
	                                   "x-received"};
	static const char *const also[] = {"date",       "subject", "to",           "cc",
	                                   "reply-to",   "sender",  "content-type", "x-mailer",
	                                   "user-agent", "list-id", "thread-topic", "thread-index"};
	const char *p = data, *end = data + (len < 65536 ? len : 65536);
	size_t fields = 0;
	bool strong = false;
	if (end - p > 5 && !strncmp(p, "From ", 5)) { /* mbox */
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		p = eol ? eol + 1 : end;
	}
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = (size_t)((eol ? eol : end) - p);
		if (n && p[n - 1] == '\r')
			n--;
		if (!n)
			break;
		size_t k = field_name(p, n);
		if (*p == ' ' || *p == '\t') {
			if (!fields)
				return false;
		} else if (!k) {
			return false;
		} else {
			bool m = name_in(p, k, mail, JK_ARRAY_LEN(mail));
			if (!fields && !m && !name_in(p, k, also, JK_ARRAY_LEN(also)))
				return false;
			strong = strong || m;
			fields++;
		}
		p = eol ? eol + 1 : end;
	}
	return fields >= 2 && strong;
}

/* Display width of a title line: East Asian wide characters count two
 * columns, as reStructuredText counts them against the underline. */
static size_t text_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += jk_utf8_decode(s + i, n - i, &cp);
		w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
		             (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
		             (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
		             (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)
		         ? 2
		         : 1;
	}
	return w;
}

/* The character of a reStructuredText adornment line (3+ of one
 * punctuation character), else 0. */
static char adornment(const char *l, size_t n)
{
	if (n < 3 || !strchr("=-~^\"'`#*+:._!$%&,;/<>?@\\|", l[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (l[i] != l[0])
			return 0;
	return l[0];
}

/* reStructuredText, as a title under (or between) adornment lines the
 * title's width, Pelican ":date:" fields at the top, or a directive shows
 * it; never when Markdown's own marks ("](", fenced code, "# ") are there. */
static bool sniff_rst(const char *p, size_t n)
{
	size_t head = n < 4096 ? n : 4096;
	if (head_has(p, head, "](", head) || head_has(p, head, "```", head) || *p == '#' ||
	    head_has(p, head, "\n# ", head) || head_has(p, head, "\n## ", head))
		return false;
	const char *l[3] = {p, p, p};
	size_t ln[3] = {0}, k = 0;
	for (const char *c = p; k < 3 && c < p + n; k++) {
		const char *eol = memchr(c, '\n', (size_t)(p + n - c));
		l[k] = c;
		ln[k] = (size_t)((eol ? eol : p + n) - c);
		while (ln[k] && (l[k][ln[k] - 1] == '\r' || l[k][ln[k] - 1] == ' '))
			ln[k]--;
		c = eol ? eol + 1 : p + n;
	}
	char a0 = k > 0 ? adornment(l[0], ln[0]) : 0, a1 = k > 1 ? adornment(l[1], ln[1]) : 0;
	if (a0 && k == 3 && adornment(l[2], ln[2]) == a0 && ln[2] == ln[0])
		return true;
	if (!a0 && a1 && ln[1] >= 3 && text_width(l[0], ln[0]) == ln[1])
		return true;
	if (ln[0] > 2 && l[0][0] == ':' && field_name(l[0] + 1, ln[0] - 1))
		return true;
	for (const char *c = p; (c = memmem(c, (size_t)(p + head - c), "\n.. ", 4)) != NULL;
	     c += 4) {
		size_t m = 0;
		while (c + 4 + m < p + n && (islower((unsigned char)c[4 + m]) || c[4 + m] == '-'))
			m++;
		if (m && c + 4 + m + 2 <= p + n && !strncmp(c + 4 + m, "::", 2))
			return true;
	}
	return false;
}

import_format import_sniff(const char *data, size_t len, const import_opts *opts)
{
	const char *end = data + len, *p = skip_space(data, end);
	const char *source = opts ? opts->source : NULL;
	const char *ctype = opts ? opts->content_type : NULL;
	if (p == end)
		return IMPORT_UNKNOWN;
	if ((size_t)(end - p) >= 4 && (!strncmp(p, "---\n", 4) || !strncmp(p, "+++\n", 4) ||
	                               !strncmp(p, "---\r", 4) || !strncmp(p, "+++\r", 4)))
		/* A site generator's .html content file is a page under its
		 * front matter. */
		return sniff_ext(source) == IMPORT_HTML ? IMPORT_HTML : IMPORT_MARKDOWN;
	if (*p == '{' || *p == '[')
		return sniff_json(p, (size_t)(end - p));
	if (*p == '<') {
		size_t n = (size_t)(end - p);
		if (head_has(p, n, "<workzag-jobs", 2048))
			return IMPORT_PERSONIO;
		if (head_has(p, n, "<rss", 2048) || head_has(p, n, "<rdf:RDF", 2048))
			return IMPORT_RSS;
		if (head_has(p, n, "<feed", 2048) &&
		    head_has(p, n, "http://www.w3.org/2005/Atom", 4096))
			return IMPORT_ATOM;
		if (has_grid_rule(p, n))
			return IMPORT_GRID;
		if (sniff_ext(source) != IMPORT_MARKDOWN)
			return IMPORT_HTML;
	}
	if (sniff_mail(p, (size_t)(end - p)))
		return IMPORT_MAIL;
	import_format f = sniff_ext(source);
	if (f == IMPORT_HTML && has_grid_rule(p, (size_t)(end - p)))
		return IMPORT_GRID;
	if (f != IMPORT_UNKNOWN)
		return f;
	if (ctype) {
		if (jk_strcasestr(ctype, "html"))
			return IMPORT_HTML;
		if (jk_strcasestr(ctype, "rss"))
			return IMPORT_RSS;
		if (jk_strcasestr(ctype, "atom"))
			return IMPORT_ATOM;
		if (jk_strcasestr(ctype, "markdown"))
			return IMPORT_MARKDOWN;
		if (jk_strcasestr(ctype, "message/rfc822") || jk_strcasestr(ctype, "mbox"))
			return IMPORT_MAIL;
		if (jk_strcasestr(ctype, "x-rst") || jk_strcasestr(ctype, "fallenstein.rst"))
			return IMPORT_RST;
	}
	if (sniff_rst(p, (size_t)(end - p)))
		return IMPORT_RST;
	/* Markdown markers at a line start say Markdown; anything else is text. */
	if (*p == '#' || head_has(p, (size_t)(end - p), "\n# ", 4096) ||
	    head_has(p, (size_t)(end - p), "\n## ", 4096) ||
	    head_has(p, (size_t)(end - p), "\n- ", 4096) ||
	    head_has(p, (size_t)(end - p), "\n* ", 4096) ||
	    head_has(p, (size_t)(end - p), "**", 4096))
		return IMPORT_MARKDOWN;
	return IMPORT_TEXT;
}

int import_bytes(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err)
{
	import_opts o = opts ? *opts : (import_opts){0};
	char *owned = NULL;
	int r = import_check_input(data, len, err);
	if (r)
		return r;
	/* A mail message keeps its bytes: each MIME part declares a charset. */
	import_format f = import_sniff(data, len, &o);
	if (f != IMPORT_MAIL) {
		if ((r = import_to_utf8(&data, &len, &owned, &o, err)))
			return r;
		f = import_sniff(data, len, &o);
	}
	import_reader read = NULL;
	for (size_t i = 0; i < JK_ARRAY_LEN(formats); i++)
		if (formats[i].f == f)
			read = formats[i].read;
	if (!read) {
		free(owned);
		return jk_fail(err, JK_EUNSUPPORTED, "not a format jobkiosk reads");
	}
	size_t first = out->n;
	r = read(data, len, &o, out, err);
	free(owned);
	if (r) {
		import_drop_from(out, first);
		return r;
	}
	if ((r = import_finish(out, first, o.source))) {
		import_drop_from(out, first);
		return jk_fail(err, r, "out of memory");
	}
	return JK_OK;
}
