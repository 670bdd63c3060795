/* internal.h — what the readers in src/import/ share. Not part of the
 * import contract; nothing outside src/import/ includes it. */
#ifndef IMPORT_INTERNAL_H
#define IMPORT_INTERNAL_H

#include "import.h"

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

int import_links_add(import_links *l, const char *href, const char *text, const char *context);
void import_links_free(import_links *l);

/* Every reader has this shape: data borrowed and already valid UTF-8 (the
 * dispatcher converts other encodings), postings appended to out unfinished
 * (import_bytes finishes them). Return 0 or a negative status with err set;
 * a reader that fails appends nothing. */
typedef int (*import_reader)(const char *data, size_t len, const import_opts *opts,
                             posting_list *out, jk_err *err);

int import_markdown(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);
int import_html(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);
int import_grid(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);
int import_jsonld(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);
int import_greenhouse(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);
int import_lever(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);
int import_jsonfeed(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);
int import_feed(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err); /* RSS and Atom */
int import_text(const char *data, size_t len, const import_opts *opts, posting_list *out, jk_err *err);

/* HTML body → sections of p. Headings open sections; paragraphs, list items
 * (numbered lists keep numbers), table rows become blocks; bold/italic kept
 * as spans; script/style/images/buttons/forms/nav never become text; job
 * site chrome is dropped (see chrome.c). Links are added to links (may be
 * NULL). Works on fragments and whole pages. */
int import_html_sections(const char *html, size_t len, posting *p, import_links *links, jk_err *err);

/* Job-site chrome ("6 applicants", "Show all", "Try Premium"...): true when
 * the whole text is chrome and must not reach a slide. One table of rules in
 * chrome.c. */
bool import_is_chrome(const char *text);

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

/* Normalises a date in any of ISO 8601, RFC 822/1123 (feeds), "YYYY-MM-DD
 * HH:MM:SS-0400", or epoch milliseconds into "YYYY-MM-DD"; NULL when it is
 * not a date. Caller frees. */
char *import_date(const char *s);
/* Decodes HTML character references (&amp; &#8217; &nbsp; ...) in s.
 * Caller frees. */
char *import_decode_entities(const char *s, size_t n);

#endif
