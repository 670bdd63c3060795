/* support.h — layer 0 of src/import/: reader support. Not part of the
 * import contract; nothing outside src/import/ includes it (but tests/ and
 * fuzz/, which test the internals).
 *
 * The layers, each file calling only files of lower layers (see
 * blocks.h, body.h, readers.h; import.c is layer 4):
 *   0a common.c, chrome.c, words.c, lang.c   call nothing in src/import/
 *   0b address.c, deadline.c, titles.c       call 0a (titles.c: the words of
 *                                            titles, with words.c's matcher)
 *   0b roles.c                               calls 0a (the words of
 *                                            headings, with words.c's matcher)
 *   0c apply.c, boiler.c, sections.c         call 0a, 0b
 *   0d support.c, input.c                    call 0a to 0c
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
 * All strings owned by the list; links next to each other may share one
 * context (import_links_add_same): never free or change one alone. */
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
/* The organisation a title names after its last " at " ("Engineer at
 * Acme (Remote)" gives "Acme"): its start in t and its length in *len;
 * NULL when the title names none. */
const char *import_at_org(const char *t, size_t *len);

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

/* words.c (0a) ------------------------------------------------------------ */

/* A word to look for in prose, written in lower case. A whole word must end
 * at a word end; a prefix word may go on ("bewerb" finds "Bewerbung"); a
 * stem ends a word, inside compounds too ("kraft" finds "Reinigungskraft"),
 * with an inflection ending (-s, -es, -e, -en, -in, -innen, -a, -ka: "Mitarbeiterin"),
 * and starts one as well when shorter than five bytes ("lead", not
 * "mislead"); a part matches anywhere, inside words too ("연구원" in
 * "박사후연구원"). Han and kana words match anywhere, as those scripts do
 * not separate words. */
enum { IMPORT_WORD_WHOLE, IMPORT_WORD_PREFIX, IMPORT_WORD_STEM, IMPORT_WORD_PART };
typedef struct import_word {
	const char *w;
	int mode;
} import_word;

/* Where the first of the count words of list occurs in t[0..n) (letters
 * of Latin, Greek and Cyrillic compared case-folded), n when none; *len
 * (may be NULL) gets its length in t. At a position with several
 * matches, the one first in list wins. Linear in n times the words that
 * share a first byte (plus count to index them). */
size_t import_words_find(const char *t, size_t n, const import_word *list, size_t count,
                         size_t *len);
bool import_words_has(const char *t, size_t n, const import_word *list, size_t count);
/* t[0..n) is, all of it, one of the count words of list (case-folded; the
 * words' modes do not matter). */
bool import_words_is(const char *t, size_t n, const import_word *list, size_t count);
/* The bytes of the longest word of list that t[0..n) starts with, 0 when
 * it starts with none. */
size_t import_words_start(const char *t, size_t n, const import_word *list, size_t count);
/* Whether a word may start or end at t[i] (between a letter and a non-letter,
 * or next to Han or kana). */
bool import_word_boundary(const char *t, size_t n, size_t i);
/* t[0..n) says "apply" (a button, a link or its sentence) in one of the
 * languages postings use: apply, bewerben/Bewerbung, postuler/candidature,
 * candidatar/candidatura/aplicar, 応募/エントリー, 지원, 申请/应聘, solicitar,
 * подать/откликнуться, prihlásiť/reagovať... */
bool import_says_apply(const char *t, size_t n);
/* t[0..n) tells the reader to send something to an address (send, email,
 * CV, contact, senden, melden, envoyer, enviar, posielajte, резюме, 发送,
 * メール, 이메일...). */
bool import_says_send(const char *t, size_t n);
/* The letters of the word at t[i] (up to a non-letter), case-folded into
 * out (cap bytes with the NUL): returns the bytes of t it spans, 0 when
 * none or when it does not fit. */
size_t import_fold_word(const char *t, size_t n, size_t i, char *out, size_t cap);
/* Bytes of the sentence end at t[i] ('.', '!', '?' before a space or the end,
 * '。', '！', '？'), 0 when none. "Dr. Huang", "e.g. this" and initials end no
 * sentence. */
size_t import_sentence_end(const char *t, size_t n, size_t i);

/* lang.c (0a) ------------------------------------------------------------- */

/* The language tag s (borrowed, may be NULL) states, normalised into out
 * (posting_lang_norm): true when it names a language. An empty value
 * says nothing and is passed over quietly; a value that is no
 * language tag is ignored with one warning through o that quotes it and
 * names where it stood (what: "<html lang>", "front matter 'lang'"...). */
bool import_lang(const char *s, const char *what, const import_opts *o, char out[POSTING_LANG_MAX]);
/* import_lang into p->language when that is still empty. Returns 0 or
 * JK_ENOMEM. */
int import_set_lang(posting *p, const char *s, const char *what, const import_opts *o);

/* address.c (0b) ----------------------------------------------------------- */

/* The next e-mail address in t[0..n) at or after *pos, in any way postings
 * write one: name@host.org (also with a full-width ＠), "name [at] host
 * [dot] org", "name(at)host.org", "name {at} host . org", "name atmark
 * host.org", and in running text "name at host dot org" (only when both
 * sides look like an address: "look at the code" is prose). Writes the
 * plain address to addr (emptied first), its span in t to [*a, *b) (never
 * before the *pos given: addresses found one after another never overlap), and
 * moves *pos past it; *plain (may be NULL) says it was written plainly
 * (name@host.org). False when there is none. Linear in n. */
bool import_address_next(const char *t, size_t n, size_t *pos, jk_buf *addr, size_t *a, size_t *b,
                         bool *plain);
/* Whether t[0..n) holds an at-mark of any address import_address_next
 * knows ("@", "＠", "[at]", " at "...): without one, no part of t holds an
 * address, so a caller may skip t. Linear in n. */
bool import_address_may(const char *t, size_t n);

/* deadline.c (0b) ---------------------------------------------------------- */

/* The deadline t[0..n) states plainly, as "YYYY-MM-DD" in out: a date that
 * a deadline word labels ("Deadline: 27 November 2024", "apply by
 * 01.02.2019", "closing date: 7.12.2020", "Bewerbungsschluss", "date
 * limite", "fecha límite", "마감: 2025-03-01", "締切") or that "まで"/"까지"
 * follows in a text about applying ("2026年1月12日まで"). The date must
 * name its year and leave no doubt about the order of day and month
 * ("3/4/2025" does not count); a date no deadline word labels never counts.
 * False when there is none. Linear in n. */
bool import_deadline(const char *t, size_t n, char out[11]);

/* titles.c (0b) ------------------------------------------------------------ */

/* s[0..n) names a role: a word such as engineer, Mitarbeiterin,
 * Reinigungskraft, développeur, 연구원, エンジニア (plurals and feminine forms
 * too; not "Engineering"), or a gender marker such as "(m/w/d)". */
bool import_names_role(const char *s, size_t n);
/* s[0..n), all of it (blanks and "!" around it aside), names a careers
 * page: "Jobs", "Join us!", "Stellenangebote", "採用情報"... */
bool import_page_name(const char *s, size_t n);
/* The bytes before the organisation's name when s[0..n) is a careers
 * page's name that starts with one ("Careers at Acme", "Join the An Lab",
 * "Karriere bei Nordlicht"): up to the name, 0 when none or no name follows. */
size_t import_page_lead(const char *s, size_t n);
/* s[0..n) is a title that names a page, not a job: it names no role and
 * one of its parts (between " - ", "|", ":", "/", ","...) is a page name or
 * starts with a page lead: "Careers", "An Lab - Join", "Careers at Acme",
 * "Jobs :: Immunant, Inc", "招募/Position". */
bool import_generic_title(const char *s, size_t n);
/* The first separator between a title and a site or organisation name in
 * s (" - ", " | ", " — ", ": ", " :: ", " » ", "｜"...): its position and
 * length; false when there is none. */
bool import_title_sep(const char *s, size_t *at, size_t *len);
/* "Company - Title", "Title | Company", "Jobs :: Company": when one side is
 * the organisation (p->organization, hint (may be NULL, e.g. the page's
 * og:site_name) or a name with a legal form such as "s.r.o." or "Inc"),
 * p->title becomes the other side and p->organization (when empty) that
 * one. Nothing changes without such evidence. */
int import_title_split(posting *p, const char *hint);
/* The organisation a page title names beside a generic part or the site
 * name hint (may be NULL): "Jobs :: Immunant, Inc" gives "Immunant, Inc",
 * "Zeppelin - Jobs: Software Engineer" with hint "Zeppelin" gives
 * "Zeppelin". NULL when it names none, or only a role ("Jobs: Software
 * Engineer"). Caller frees. */
char *import_title_org(const char *title, const char *hint);
/* The role a sentence of s[0..n) names after a phrase that hires ("we're
 * looking for a Node.js engineer to join" gives "Node.js engineer";
 * plurals become one: "software engineers" gives "Software engineer"; "wir
 * suchen", "nous recrutons" too). NULL when none. Caller frees. */
char *import_role_phrase(const char *s, size_t n);
/* Heading h after a lead-in that hires, and an article: "We are looking
 * for a Barista (part-time)" gives "Barista (part-time)", "Wir suchen:
 * Reinigungskraft" and "募集：エンジニア" the role; h itself when it has no
 * lead-in. Borrowed from h. */
const char *import_role_heading(const char *h);

/* roles.c (0b) ------------------------------------------------------------ */

/* The role heading h[0..n) names, from one table of heading words in the
 * languages of the kiosk's words and more: the duties ("Responsibilities",
 * "What you'll do", "Ihre Aufgaben", "Vos missions", "仕事内容", "담당업무",
 * "岗位职责"), else the requirements ("Qualifications", "You have", "Dein
 * Profil", "応募資格", "자격요건", "任职要求"); a heading that names both
 * names the duties. Emoji, '*', curly quotes and the punctuation around
 * its words do not matter. A heading over 100 bytes or 12 words, or one
 * that reads as a sentence, names none. Linear in n. */
posting_role import_heading_role(const char *h, size_t n);

/* apply.c (0c) ------------------------------------------------------------- */

/* Chooses p->apply when not set, in the order: explicit field (already in
 * p->apply), JSON-LD url (the caller puts it in p->apply), a link whose text
 * says apply in any of the languages postings use or that opens an online
 * form, a link whose sentence says apply, an email address the text says
 * to send applications to (as mailto: with the subject the posting asks
 * for; of addresses joined by "or", the first), a mailto: link in such a
 * sentence, an address written to keep robots away, the source URL, none.
 * A link whose text is an address while it goes elsewhere gives that
 * address. Relative links resolve against
 * base (may be NULL). Only http, https and mailto survive. */
int import_apply_choose(posting *p, const import_links *links, const char *base);
/* url.c (0a) ---------------------------------------------------------------- */

#define IMPORT_URL_MAX 2000 /* longer targets make unreadable QR codes */

/* Resolves href against base and returns a new string when the result is an
 * acceptable apply target (http, https, mailto), NULL otherwise. */
char *import_url_accept(const char *href, const char *base);
/* Length of the scheme at s ("https" in "https://…"), 0 when s has none. */
size_t import_url_scheme(const char *s);
/* True when s[0..n) is "http" or "https", in any case. */
bool import_url_is_http(const char *s, size_t n);
/* import_url_accept for a link to an online form (Google Forms, Typeform,
 * Microsoft Forms, ...), without an embedded form's "embedded=true"; NULL
 * when href is no form. Caller frees. */
char *import_form_url(const char *href, const char *base);

/* boiler.c (0c) ------------------------------------------------------------ */

/* t[0..n) is, most of it, a notice a passer-by does not read: an
 * equal-opportunity statement, an accommodation request, a privacy notice,
 * an anti-fraud warning, E-Verify, at-will or pay-transparency notices,
 * agencies turned away (one phrase table in boiler.c, in the languages of
 * the kiosk's words); or it starts with a lead before ':' that names one.
 * More than half of its bytes must be sentences of a notice, so a sentence
 * about the work that mentions privacy never counts. Texts over 4000 bytes
 * never are. */
bool import_is_boilerplate(const char *t, size_t n);
/* h[0..n) (at most 100 bytes, naming no role) names a notice: "Equal
 * Opportunity", "EEO Statement", "Privacy Notice", "Datenschutz",
 * "Notice of Recruitment Fraud"... */
bool import_notice_heading(const char *h, size_t n);
/* Sets posting_block.boilerplate on every block of p: all blocks of a
 * section whose heading names a notice, a short paragraph that reads as
 * such a heading, and blocks import_is_boilerplate() accepts. */
void import_mark_boilerplate(posting *p);

/* sections.c (0c) --------------------------------------------------------- */

/* Sets every section's role from its heading (import_heading_role). First
 * a short paragraph that ends in ':' over a list and names a role ("Ihre
 * Aufgaben:") becomes a heading: it starts a section, and so do the labels
 * after it in the same section ("Was bieten wir:"). Returns 0 or
 * JK_ENOMEM. */
int import_mark_roles(posting *p);

/* input.c (0d) ------------------------------------------------------------- */

/* Refuses what no reader should see: empty or blank input, more than
 * IMPORT_MAX_BYTES, known binary formats (named in the message), binary
 * data. Returns 0 or a negative status with err set. data borrowed. */
int import_check_input(const char *data, size_t len, jk_err *err);

/* Gives the readers valid UTF-8: drops a UTF-8 BOM, converts UTF-16 (by
 * BOM), a declared charset, or else Windows-1252, saying so through o's
 * warn callback, and composes decomposed letters (NFC). *data and *len
 * then describe the text to read; *owned is set (caller frees) when a copy
 * was made, else NULL. */
int import_to_utf8(const char **data, size_t *len, char **owned, const import_opts *o, jk_err *err);

/* support.c (0d) ----------------------------------------------------------- */

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
 * (borrowed, may be NULL) where unset, expires from a deadline the text
 * states (import_deadline) where unset; a generic title ("Jobs") yields to
 * the first heading that names a role, and "Company - Title" is split
 * (import_title_split); a title from the file name (or "Open position")
 * where there is none, then posting_finish(), then the sections' roles
 * (import_mark_roles), then boilerplate marked
 * (import_mark_boilerplate). Returns 0
 * or JK_ENOMEM. */
int import_finish(posting_list *out, size_t first, const char *source);

/* posting_set after decoding HTML character references (titles in feeds
 * and boards are often escaped once too often). s borrowed, may be NULL. */
int import_set_text(char **field, const char *s);

/* Sets *field (when empty) to s as YYYY-MM-DD if s is a date. s borrowed,
 * may be NULL. */
int import_set_date(char **field, const char *s);

/* An organisation name from a feed or board title, in the languages job
 * sites use: "Jobs at Acme", "Acme — Careers", "Acme | Karriere", "Careers
 * – Acme", "Acme 採用情報" give "Acme". "" when the title names no one: a
 * listing ("Recent Programming Jobs"), a slogan ("Find your next job"), job
 * words only. Caller frees; NULL when s is NULL (or on OOM). */
char *import_org_from_title(const char *s);

/* Job boards title their entries "Company: Title" (We Work Remotely). When
 * none of the postings out[first..] has an organisation, at least two
 * companies appear and two thirds of the titles have that shape, each such
 * title is split into organization and title. A single company's titles
 * ("Salesforce for Nonprofits: Solution Architect") are left whole: call
 * this only when the document names no organisation. Returns 0 or
 * JK_ENOMEM. */
int import_board_split(posting_list *out, size_t first);

/* Chooses p->apply (empty on entry) for an entry that comes with the link
 * of its own page, item_url (a feed item's link; borrowed, may be NULL,
 * resolved against base): a route the entry's text states (an apply link,
 * an address to send applications to) beats the page, which often is a job
 * board's; but an address on the page's own site does not (the page states
 * it too, and it may be for questions). Without a stated route, the page;
 * without a page, import_apply_choose's last resort, base. */
int import_apply_item(posting *p, const import_links *links, const char *item_url,
                      const char *base);

/* Adds a link (strings copied; text and context cleaned). Returns 0 or
 * JK_ENOMEM. */
int import_links_add(import_links *l, const char *href, const char *text, const char *context);
/* Adds a link of the same block as the link added last: the two share
 * its cleaned context, so a block with many links is cleaned and kept
 * once (each link its own copy made time and memory grow with links times
 * block). Returns 0, JK_ENOMEM, or JK_EARG when l is empty. */
int import_links_add_same(import_links *l, const char *href, const char *text);
/* Frees the last link of l (a shared context with its last holder). */
void import_links_pop(import_links *l);
/* Frees what l holds and empties it; l may be NULL. */
void import_links_free(import_links *l);

/* opts->source when it is an http(s) URL (the base for relative links),
 * else NULL. Borrowed from opts. */
const char *html_base(const import_opts *opts);

/* Sets p->detail (when empty) to url resolved against base (may be NULL)
 * when that is an http(s) URL a fetch may follow. url borrowed, may be
 * NULL. Returns 0 or JK_ENOMEM. */
int import_set_detail(posting *p, const char *url, const char *base);

/* The first n bytes of prefix (an http(s) URL, no query or fragment) with
 * tail appended as path text: bytes that may not stand in a URL path are
 * percent-encoded, and with segment '/' too, so tail stays one segment.
 * NULL when tail has a "." or ".." segment (it would climb out of
 * prefix), when the result is no http(s) URL, or on OOM. Caller frees. */
char *import_url_extend(const char *prefix, size_t n, const char *tail, bool segment);

/* Adds a board's word for the kind of work to *field (with qualifier: the
 * workplace, "Remote"): a whole phrase import_employment_kind knows shows
 * its usual form ("FULL_TIME", "fullTime" give "Full-time"); another word
 * shows as written. s borrowed, may be NULL. */
int import_employment_word(char **field, const char *s, bool qualifier);

#endif
