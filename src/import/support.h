/* support.h — layer 0 of src/import/: reader support. Not part of the
 * import contract; nothing outside src/import/ includes it (but tests/ and
 * fuzz/, which test the internals).
 *
 * The layers, each file calling only files of lower layers (see
 * blocks.h, body.h, readers.h; import.c is layer 4):
 *   0a common.c, chrome.c, apply.c           call nothing in src/import/
 *   0b support.c, input.c                    call 0a
 * Every file of src/import/ may include this header. */
#ifndef IMPORT_SUPPORT_H
#define IMPORT_SUPPORT_H

#include "import.h"

/* One document never yields more postings than this (the rest is skipped
 * with a warning): a kiosk shows dozens, not millions. */
#define IMPORT_MAX_POSTINGS 5000

/* What libxml2 (2.9) allows without XML_PARSE_HUGE, which we never set; the
 * HTML, Markdown and feed readers all say so in these words. */
#define IMPORT_XML_DEPTH 256
#define IMPORT_TOO_DEEP "nested more than 256 levels deep"

/* A link seen in a document: the apply-target chooser looks at these.
 * All strings owned by the list. */
typedef struct import_link {
	char *href;    /* as written (unresolved) */
	char *text;    /* the link's text, cleaned */
	char *context; /* the text of the block the link sits in, cleaned */
} import_link;

typedef struct import_links {
	import_link *v;
	size_t n, cap;
} import_links;

/* common.c (0a) ------------------------------------------------------------ */

/* Passes a formatted remark to o's warn callback (when there is one) as one
 * valid UTF-8 line, naming o's source. */
void import_warnf(const import_opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Normalises a date in any of ISO 8601, RFC 822/1123 (feeds), "YYYY-MM-DD
 * HH:MM:SS-0400", or epoch milliseconds into "YYYY-MM-DD"; NULL when it is
 * not a date. Caller frees. */
char *import_date(const char *s);
/* Decodes HTML character references (&amp; &#8217; &nbsp; ...) in s.
 * Caller frees. */
char *import_decode_entities(const char *s, size_t n);

/* When p has no organization and its title reads "… at ORG" ("Research
 * Intern at Contoso Labs (Remote)"), sets p->organization to ORG. ORG must
 * start with a capital letter or a digit and be short; a trailing
 * " (…)", " - …", " | …" or ", …" is cut. Returns 0 or JK_ENOMEM. */
int import_infer_organization(posting *p);

/* The kind of work a phrase at the start of s (n bytes) names, as it
 * shows ("full_time", "FULL-TIME", "fulltime" → "Full-time"; "intern" →
 * "Internship"); NULL when it names none. *used (may be NULL) gets the
 * bytes the phrase spans. Matches whole words only. */
const char *import_employment_kind(const char *s, size_t n, size_t *used);

/* Adds word (borrowed) to the employment field. A workplace ("Hybrid",
 * "Remote", "On-site"), or any word when qualifier is true, qualifies what
 * is there: "Internship (hybrid)", "Contract (9 months, on-site)"; another
 * kind of work joins with ", ". Never " · ", which a slide puts between
 * fields. Words already there are not repeated. */
int import_employment_add(char **field, const char *word, bool qualifier);

/* Appends an amount with thousands separators: 120000 → "120,000";
 * cents ("45.50") when cents is true. */
int import_money(jk_buf *b, double v, bool cents);

/* Initialises libxml2 once per process (thread-safe); every reader calls
 * it before it parses. */
void import_xml_init(void);

/* Initialises GMime once per process (thread-safe); the mail reader calls
 * it before it parses. */
void import_mime_init(void);

/* Parses JSON (cJSON) into *root, which the caller frees with
 * cJSON_Delete(). A failure says why in err: nested too deep, cut off, or
 * the line and column. data borrowed. */
struct cJSON;
int import_json_parse(const char *data, size_t len, struct cJSON **root, jk_err *err);

/* chrome.c (0a) ------------------------------------------------------------ */

/* Job-site chrome ("6 applicants", "Show all", "Try Premium"...): true when
 * the whole text is chrome and must not reach a slide. One table of rules in
 * chrome.c. */
bool import_is_chrome(const char *text);

/* apply.c (0a) ------------------------------------------------------------- */

/* Chooses p->apply when not set, in the order: explicit field (already in
 * p->apply), JSON-LD url (the caller puts it in p->apply), a link whose text
 * or sentence says apply, an email address the text says to send
 * applications to (as mailto: with the subject the posting asks for), an
 * obfuscated address, the source URL, none. Relative links resolve against
 * base (may be NULL). Only http, https and mailto survive. */
int import_apply_choose(posting *p, const import_links *links, const char *base);
/* Resolves href against base and returns a new string when the result is an
 * acceptable apply target (http, https, mailto), NULL otherwise. */
char *import_url_accept(const char *href, const char *base);

/* input.c (0b) ------------------------------------------------------------- */

/* Refuses what no reader should see: empty or blank input, more than
 * IMPORT_MAX_BYTES, known binary formats (named in the message), binary
 * data. Returns 0 or a negative status with err set. data borrowed. */
int import_check_input(const char *data, size_t len, jk_err *err);

/* Gives the readers valid UTF-8: drops a UTF-8 BOM, converts UTF-16 (by
 * BOM), a declared charset, or else Windows-1252, saying so through o's
 * warn callback. *data and *len then describe the text to read; *owned is
 * set (caller frees) when a copy was made, else NULL. */
int import_to_utf8(const char **data, size_t *len, char **owned, const import_opts *o, jk_err *err);

/* support.c (0b) ----------------------------------------------------------- */

/* True (and warns once, counting in *skipped) when out holds
 * IMPORT_MAX_POSTINGS postings since index first. */
bool import_full(const import_opts *o, const posting_list *out, size_t first, size_t *skipped);

/* Ends a reader's work on p: when r (the reader's status so far) is an
 * error, frees p and links and returns r; otherwise chooses p's apply target
 * from links, frees links, and appends p to out (out owns p afterwards,
 * also on failure). */
int import_push(int r, posting *p, import_links *links, const char *base, posting_list *out);

/* Frees the postings appended to out since index first. */
void import_drop_from(posting_list *out, size_t first);

/* Finishes the postings a reader appended to out since index first: source
 * (borrowed, may be NULL) where unset, a title from the file name (or "Open
 * position") where there is none, then posting_finish(). Returns 0 or
 * JK_ENOMEM. */
int import_finish(posting_list *out, size_t first, const char *source);

/* posting_set after decoding HTML character references (titles in feeds
 * and boards are often escaped once too often). s borrowed, may be NULL. */
int import_set_text(char **field, const char *s);

/* Sets *field (when empty) to s as YYYY-MM-DD if s is a date. s borrowed,
 * may be NULL. */
int import_set_date(char **field, const char *s);

/* An organisation name from a feed or board title: "Jobs at Acme" and
 * "Acme — Careers" give "Acme". Caller frees; NULL when s is NULL. */
char *import_org_from_title(const char *s);

/* Adds a link (strings copied; text and context cleaned). Returns 0 or
 * JK_ENOMEM. */
int import_links_add(import_links *l, const char *href, const char *text, const char *context);
/* Frees what l holds and empties it; l may be NULL. */
void import_links_free(import_links *l);

/* opts->source when it is an http(s) URL (the base for relative links),
 * else NULL. Borrowed from opts. */
const char *html_base(const import_opts *opts);

#endif
