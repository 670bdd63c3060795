/* blocks.h — layer 1 of src/import/: the building blocks the body helper
 * and the readers put postings together with. Included by the layer 1
 * files (fm.h for the front matter's) and by layers above them (through
 * body.h, readers.h); layer 0 files never include it.
 *   1a dom.c, lead.c, tblocks.c, jsonfield.c, xmldoc.c, fm_entries.c,
 *      mdtext.c, fm_title.c (the words are titles.c's), mail_text.c,
 *      rst_inline.c                                 call layer 0 only
 *   1b hblocks.c (calls dom.c), fm_yaml.c, fm_toml.c, fm_content.c (call
 *      fm_entries.c, mdtext.c)
 *   1c frontmatter.c (calls fm_yaml.c, fm_toml.c, fm_content.c,
 *      fm_entries.c, mdtext.c)
 * The front matter's own parts are declared in fm.h. */
#ifndef IMPORT_BLOCKS_H
#define IMPORT_BLOCKS_H

#include "support.h"

#include <libxml/HTMLparser.h>
#include <stddef.h>

/* dom.c (1a): the HTML tree ------------------------------------------------ */

/* Parses HTML that is already UTF-8. The caller frees with xmlFreeDoc().
 * A <meta charset> inside must not re-decode it. libxml2 stops at 256
 * levels of nesting; *too_deep (may be NULL) says it did. html borrowed. */
htmlDocPtr html_parse(const char *html, size_t len, bool *too_deep);
/* n is the element <name>. */
bool html_is(const xmlNode *n, const char *name);
/* Attribute value as a string borrowed from n (case-insensitive name),
 * NULL when absent. */
const char *html_attr(const xmlNode *n, const char *name);
/* n never reaches a slide: script, style, forms, images, navigation...,
 * or hidden from sighted readers. */
bool html_skipped(const xmlNode *n);
/* name is an element that starts a block (p, div, li, table rows...). */
bool html_is_block(const char *name);
/* First element under root that is <name> (or role=main when name is
 * "main"), not inside skipped parts; with count, counts them all. */
const xmlNode *html_find(const xmlNode *root, const char *name, size_t *count);
/* Where the posting of the page whose root element is top sits: its <main>
 * (or its one <article>) when that holds a fair part of the text, else the
 * body. NULL when top is NULL. */
const xmlNode *html_content_root(const xmlNode *top);

/* The elements of a page that each hold one posting, when the page's
 * structure repeats one block per job: two or more <h1> (else <h2> that
 * name a role), each in an element of its own with text of its own, the
 * elements together holding most of the page's text. units gets them in
 * reading order (at most max), group[i] the posting each belongs to:
 * neighbours in one parent that open with the same sub-heading are one
 * posting written twice (in two languages). Returns how many, 0 when the
 * page is one posting. Borrowed from root's document. */
size_t html_posting_units(const xmlNode *root, const xmlNode **units, size_t *group, size_t max);

/* hblocks.c (1b): HTML → blocks -------------------------------------------- */

/* Flags for html_build and html_sections. */
enum {
	HTML_KEEP_CHROME = 1u << 0, /* leave chrome for the caller (grid joins first) */
};

/* The tree under root (may be NULL) → sections of p. Headings open
 * sections; paragraphs, list items (numbered lists keep numbers), table
 * rows become blocks; bold/italic kept as spans; skipped parts never
 * become text; job site chrome is dropped unless flags say
 * HTML_KEEP_CHROME. Text goes into the last section of p (a lead section
 * is made when p has none). Links are added to links (may be NULL).
 * Fails only with JK_ENOMEM. */
int html_build(const xmlNode *root, posting *p, import_links *links, unsigned flags, jk_err *err);

/* html_build on HTML text, fragment or whole page. html borrowed. Past
 * libxml2's depth limit it fails with JK_EFORMAT and IMPORT_TOO_DEEP in
 * err, leaving in p what it read before the deep part (the caller keeps or
 * drops it). */
int html_sections(const char *html, size_t len, posting *p, import_links *links, unsigned flags,
                  jk_err *err);
/* html_sections without flags. */
int import_html_sections(const char *html, size_t len, posting *p, import_links *links,
                         jk_err *err);

/* Drops every block (and section heading) import_is_chrome() flags and
 * makes Title Case label lines over a list bold. */
void html_tidy(posting *p);

/* lead.c (1a): header lines ------------------------------------------------ */

/* Header lines scraped pages put before the first real section: a title
 * heading followed by "Org · Place · 9 hours ago" and "$X/yr - $Y/yr Hybrid
 * Internship" lines. Fills empty fields from them (pay kept whole, with its
 * currency and unit; employment as "Internship (hybrid)") and removes a
 * line only when every part of it found a use. */
int html_lead_meta(posting *p);

/* tblocks.c (1a): text → blocks -------------------------------------------- */

enum {
	TEXT_TITLE = 1u << 0, /* the first line is the title */
	TEXT_KEYS = 1u << 1,  /* "Location: ..." lines at the top fill empty fields */
};

/* Plain text → sections appended to p: headings (underlined, ALL CAPS or
 * ending in ':'), bullets, numbered items, paragraphs (wrapped lines
 * joined). URLs and email addresses seen go into links (may be NULL).
 * base (may be NULL) resolves an "Apply:" value. s borrowed. */
int import_text_sections(posting *p, const char *s, size_t n, unsigned flags, import_links *links,
                         const char *base);

/* The next line of three or more '=' after a blank line (or at the start)
 * in s, reading from *pos: true with *end at the start of that line and
 * *pos after it; false when there is none. Start with *pos = 0. */
bool import_text_separator(const char *s, size_t n, size_t *pos, size_t *end);

/* mdtext.c (1a): Markdown as site generators leave it --------------------- */

/* Appends to out the Markdown s[0..n) without what a site generator would
 * have replaced or hidden: Liquid ({% … %}, {{ … }}; {% raw %} keeps its
 * text, {% comment %} goes whole), Hugo shortcodes ({{< … >}}, {{% … %}};
 * a paired one keeps its inner text unless it is code), and, outside
 * fenced code, kramdown attribute lists and extensions ({: .class},
 * {::comment}) and closed HTML comments. Returns 0 or JK_ENOMEM. */
int import_md_clean(const char *s, size_t n, jk_buf *out);

/* Markdown s[0..n), cleaned as import_md_clean does, → HTML in html
 * (emptied first; NUL-terminated; capped at a few times any posting).
 * Returns 0, JK_ETOOBIG with err saying so, or JK_ENOMEM. html stays the
 * caller's to free. */
int import_md_html(const char *s, size_t n, jk_buf *html, jk_err *err);

/* A one-line value written in Markdown or HTML ("**Senior** R&amp;D
 * [Engineer](url)<br>") as clean plain text; the targets of its links go
 * to links (may be NULL) with their text. n = (size_t)-1: strlen. Caller
 * frees; NULL when out of memory. */
char *import_md_inline(const char *s, size_t n, import_links *links);

/* fm_title.c (1a): a title and the headings below it ------------------- */

/* Settles p's title against its section headings: a title that is the
 * start (or end) of the first heading yields to it ("Reinigungskraft" to
 * "Wir suchen: Reinigungskraft (m/w/d) …", the lead-in dropped); a
 * generic title (import_generic_title), or none, yields to the first
 * heading that names a role. A heading that became the title and is the
 * first one is dropped from its section. Returns 0 or JK_ENOMEM. */
int import_title_settle(posting *p);
/* mail_text.c (1a): the text of mail messages ------------------------------ */

/* The Subject as p's title: list tags ("[list]") and reply or forward
 * markers ("Re:", "AW:", "Fwd:", "回复：") removed, over and over, and a
 * "Job opening:" label dropped; "Acme is hiring an SDR engineer" gives
 * the title "SDR Engineer" and the organisation Acme. *fwd is set when a
 * marker says the message forwards another. subject borrowed, may be
 * NULL. Returns 0 or JK_ENOMEM. */
int mail_subject(posting *p, const char *subject, bool *fwd);
/* Appends to out (lines, each ending in '\n') the part of the text body
 * s its writer wrote: no quoted lines ("> …") or attributions ("On … wrote:"),
 * nothing from a signature ("-- ") or list footer on, no bold stars. A
 * forward (fwd) keeps what it forwards, without its header lines; a reply
 * ends where the message it quotes begins. */
int mail_clean_text(const char *s, size_t n, bool fwd, jk_buf *out);
/* Where an HTML body's own text ends: the quoted message or signature
 * mail programs mark (a forward keeps its quoted part). */
size_t mail_html_cut(const char *s, size_t n, bool fwd);
/* Removes from p the first block that starts a signature or list footer
 * and all after it, and attribution blocks. */
void mail_trim_blocks(posting *p);
/* p's text asks the reader to write to its sender (write, email, send,
 * contact, reach out, let me know; German, French, Spanish, CJK). */
bool mail_says_write(const posting *p);
/* url (an accepted http(s) URL) is a posting's own page: an
 * applicant-tracking system's, or a path naming jobs or applying. */
bool mail_job_link(const char *url);
/* href is a site's front page ("https://example.com/"). */
bool mail_home_page(const char *href);

/* rst_inline.c (1a): reStructuredText below its blocks ---------------------- */

typedef struct rst_line {
	const char *s; /* after the indentation, trailing white space cut */
	size_t n, indent;
} rst_line;

/* The line of text (len bytes) at *pos, advancing *pos; tabs indent to
 * the next multiple of 8. False at the end. */
bool rst_next_line(const char *text, size_t len, size_t *pos, rst_line *l);

/* A document's link targets (".. _name: url", anonymous ".. __: url") and
 * "replace::" substitutions, read in a first pass (references may come
 * first). At most 256 of each kind are kept. NULL on OOM; free with
 * rst_refs_free() (accepts NULL). s borrowed. */
typedef struct rst_refs rst_refs;
rst_refs *rst_refs_read(const char *s, size_t n);
void rst_refs_free(rst_refs *refs);

/* Renders s (n bytes) into b: with markup, **bold** and *italic* as
 * spans, ``literals``, `interpreted` text and roles as text, links
 * (`text <url>`_, `text`_, `text`__, name_, bare URLs) shown as their text
 * and added to links with b's whole text as context, |substitutions| as
 * their replacement or name, footnote references dropped; without
 * markup, as written. Anonymous references take refs' targets in order.
 * Returns 0 or JK_ENOMEM. */
int rst_render(rst_refs *refs, posting_block *b, const char *s, size_t n, bool markup,
               import_links *links);

/* jsonfield.c (1a): fields of cJSON values --------------------------------- */

struct cJSON;

/* o[k] when o is an object, else NULL. Borrowed from o. */
const struct cJSON *json_get(const struct cJSON *o, const char *k);
/* v when it is an array, else NULL (for cJSON_ArrayForEach). */
const struct cJSON *json_arr(const struct cJSON *v);
/* The string value of o[k] when it is a non-empty string, else NULL. */
const char *json_str(const struct cJSON *o, const char *k);
/* A finite number, or a string holding only one ("100000.0"), into *out. */
bool json_num(const struct cJSON *v, double *out);
/* Sets p->native_id from a string or a whole number; others are ignored. */
int json_set_id(posting *p, const struct cJSON *v);
/* Sets p->apply (when empty) to url resolved against base, when that is an
 * acceptable apply target. url and base borrowed, may be NULL. */
int json_set_apply(posting *p, const char *url, const char *base);
/* Every string of an array (or a lone string) as a tag; objects give their
 * "name" or "text". */
int json_add_tags(posting *p, const struct cJSON *v);
/* "USD 120,000–150,000 per year" into *field when still empty. min or max
 * may be NAN; cur and per may be NULL. */
int json_set_pay(char **field, const char *cur, double min, double max, const char *per);

/* The places of one posting as a slide shows them: "Lisbon, Portugal;
 * Porto, Portugal +2 more". Start with {0}. */
typedef struct json_places {
	jk_buf b;
	size_t n, more;
} json_places;
/* Adds one place made of parts (city, region, country...; NULL parts and
 * parts already in it are skipped). A place already listed is skipped;
 * places past the third are only counted. parts borrowed. */
int json_places_add(json_places *pl, const char *const *parts, size_t nparts);
/* Sets *field (when still empty) to the places, entities decoded, and
 * frees pl. r is the caller's status so far, returned when it is an
 * error. */
int json_places_set(json_places *pl, char **field, int r);

/* Postings of one JSON document, counted against IMPORT_MAX_POSTINGS. */
typedef struct json_doc {
	const import_opts *o;
	const char *base;
	char *org;                   /* default organization, owned */
	char lang[POSTING_LANG_MAX]; /* the document's language, "" none */
	posting_list *out;
	size_t first, skipped;
} json_doc;

/* Finds the postings of a document in its root and appends them to d. */
typedef int (*json_root_fn)(json_doc *d, const struct cJSON *root, jk_err *err);
/* Parses data as JSON and calls fn on its root with a json_doc that
 * appends to out (borrowed); frees the document and d->org after. When fn
 * fails, what it appended is dropped and its status returned (out of
 * memory with its message). */
int json_doc_read(const char *data, size_t len, const import_opts *opts, posting_list *out,
                  json_root_fn fn, jk_err *err);
/* Reads one entry of a list into a posting of d. */
typedef int (*json_item_fn)(json_doc *d, const struct cJSON *item, jk_err *err);
/* Calls fn on each object of the array arr (anything else in it is
 * skipped; arr not an array: none) until a failure or the posting cap. */
int json_doc_each(json_doc *d, const struct cJSON *arr, json_item_fn fn, jk_err *err);
/* True (warning once) when d's document has given IMPORT_MAX_POSTINGS. */
bool json_doc_full(json_doc *d);

/* What a row of a field map sets. TEXT and DATE rows name their posting
 * field by offset; the others know theirs. */
typedef enum json_set {
	JSON_TEXT,  /* text (entities decoded) into the field at `at` */
	JSON_DATE,  /* a date into the field at `at` */
	JSON_ORG,   /* organization, else the document's (json_doc.org) */
	JSON_KIND,  /* a kind of work ("Full-time") added to employment */
	JSON_WHERE, /* a workplace ("Remote") qualifying employment */
	JSON_APPLY, /* apply, resolved against the document's base */
	JSON_ID,    /* native_id from a string or a whole number */
	JSON_TAG,   /* one tag from a string */
	JSON_TAGS,  /* tags from a string, or an array of strings or names */
	JSON_LANG,  /* the language from a tag, else the document's (json_doc.lang) */
} json_set;

enum { JSON_FIELD_KEYS = 3 };

/* One row of a reader's field map: the first of keys present in the item
 * (a non-empty string; for ID and TAGS any value) gives the value. A key
 * "a/b" is b inside the object a. Text, date, apply and id rows fill a
 * field that is still empty, so a later row for the same field is a
 * fallback; kind, workplace and tag rows add. */
typedef struct json_field {
	json_set set;
	size_t at; /* JSON_AT(field) for JSON_TEXT and JSON_DATE */
	const char *keys[JSON_FIELD_KEYS];
} json_field;

#define JSON_AT(field) offsetof(posting, field)

/* Applies the n rows of map, in order, to p from the object o of d's
 * document. map, o and d borrowed. Returns 0 or JK_ENOMEM. */
int json_fields(const json_doc *d, posting *p, const struct cJSON *o, const json_field *map,
                size_t n);
/* What a reader reads of o beyond its field map: places, kinds of work,
 * pay, sections (whose links go to links). */
typedef int (*json_rest_fn)(json_doc *d, posting *p, const struct cJSON *o, import_links *links,
                            jk_err *err);
/* Reads o into a new posting: the n rows of map, then rest (NULL: none);
 * then chooses its apply target and appends it to d->out. Returns 0 or a
 * failure (the posting is then freed). */
int json_posting(json_doc *d, const struct cJSON *o, const json_field *map, size_t n,
                 json_rest_fn rest, jk_err *err);

/* xmldoc.c (1a): XML documents (feeds, Personio) --------------------------- */

/* Parses an XML document into *doc (caller frees with xmlFreeDoc()) without
 * expanding entities, loading anything from outside or lifting the depth
 * limit. A document that is not quite XML (a bare '&', an HTML entity) is
 * mended, else recovered as far as it goes: *recovered says so and why
 * keeps the first parse's reason for the warning. On failure *doc is NULL,
 * why holds the reason (IMPORT_TOO_DEEP, "line N: ...", "not XML") and the
 * status is JK_EFORMAT, JK_ETOOBIG or JK_ENOMEM. data and url borrowed. */
int import_xml_read(const char *data, size_t len, const char *url, xmlDoc **doc, bool *recovered,
                    char *why, size_t whyn);
/* The text under n: text and CDATA, an HTML entity reference written back
 * as "&name;" for HTML decoding, other references dropped, never expanded.
 * Caller frees; "" when there is none, NULL on OOM. */
char *import_xml_text(const xmlNode *n);
/* An attribute's value read the same way; NULL when absent (or on OOM).
 * Caller frees. */
char *import_xml_attr(const xmlNode *n, const char *name);
bool import_xml_has_attr(const xmlNode *n, const char *name);

/* frontmatter.c (1c): front matter ----------------------------------------- */

/* Largest front matter read; real ones are a few hundred bytes. */
#define IMPORT_FM_MAX ((size_t)1 << 20)

typedef struct import_fm {
	size_t body;  /* offset of the body in data (0 when no front matter) */
	bool draft;   /* draft: true / yes: the posting is not shown */
	bool present; /* a front matter block was there */
	/* What the caller may use beyond fields; owned, import_fm_free(): */
	char *text;         /* the posting's text kept there, as Markdown */
	char *how;          /* how_to_apply prose, as Markdown */
	char *weak;         /* a target a key may name (link, url, source_url) */
	char *contact;      /* mailto: from a contact address (contact_email) */
	char *jsonld;       /* the JSON of a JobPosting kept in a value */
	char *lang;         /* lang / language as written (the reader
	                     * checks it: import_set_lang) */
	import_links links; /* links: lists, their names as text */
} import_fm;

/* Frees what fm holds; fm may be NULL. */
void import_fm_free(import_fm *fm);

/* Reads the front matter at the start of data (after an optional BOM and
 * blank lines), if any, into p with posting_set_default: title, posted,
 * organization, location, employment, pay, apply (resolved against base,
 * which may be NULL; only http, https and mailto kept), expires, tags,
 * native_id; values written in Markdown or HTML become plain text. Keys
 * are case-insensitive; unknown keys, layout keys and values of the wrong
 * type are ignored. The rest goes to fm (see import_fm): the text, apply
 * candidates, JSON-LD. Key lines left after the closing delimiter
 * ("layout: post" and a second "---") are part of the block, not of the
 * body. data and base are borrowed; p is the caller's. Returns 0, or a
 * negative status with a one-line reason in err: a block that never
 * closes, a YAML syntax error (naming the line), a block over
 * IMPORT_FM_MAX or nested too deeply. Either way the caller frees fm with
 * import_fm_free(); on error p may hold some fields. */
int import_frontmatter(const char *data, size_t len, const char *base, posting *p, import_fm *fm,
                       jk_err *err);

#endif
