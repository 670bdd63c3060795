/* body.h — layer 2 of src/import/: a description body → sections, and the
 * schema.org JobPosting mapping built on it. Included by body.c and
 * jobposting.c and, through readers.h, by layers 3 and 4; layers 0 and 1
 * never include it.
 *   2a body.c        calls layers 0 and 1
 *   2b jobposting.c  calls body.c and layer 0
 *   2c fmpage.c      calls jobposting.c and layers 0 and 1 */
#ifndef IMPORT_BODY_H
#define IMPORT_BODY_H

#include "blocks.h"

/* body.c (2a) -------------------------------------------------------------- */

enum { BODY_GUESS, BODY_HTML, BODY_TEXT };

/* A body that is HTML (BODY_HTML), plain text (BODY_TEXT) or either
 * (BODY_GUESS) → sections of p. HTML the HTML parser refuses is read as
 * text with its tags dropped. text_flags as for import_text_sections.
 * s and base borrowed; links may be NULL. */
int import_body(posting *p, const char *s, size_t n, int kind, unsigned text_flags,
                import_links *links, const char *base, jk_err *err);

/* jobposting.c (2b) -------------------------------------------------------- */

/* Every schema.org JobPosting in one JSON-LD text (an object, an array, an
 * @graph, a page's mainEntity) appended to out as new postings, apply
 * targets chosen against base (may be NULL); remarks (an inLanguage that
 * is no language tag) go to o (may be NULL). *found counts them. Fails
 * with JK_EFORMAT on JSON that does not parse (also when nested too deep),
 * appending nothing. json borrowed. */
int jsonld_read(const char *json, size_t len, const char *base, const import_opts *o,
                posting_list *out, size_t *found, jk_err *err);

/* fmpage.c (2c): a content file's front matter as its page's metadata ---- */

/* Site generators (Hugo, Jekyll) keep pages as front matter, then the
 * page itself. What the front matter says about the page: */
typedef struct import_page_fm {
	posting *meta; /* its fields (title, dates, organisation, apply, tags,
	                * id); NULL when data has no front matter; owned */
	import_fm fm;  /* the rest; fm.body is where the page starts */
} import_page_fm;

/* Reads the front matter at the start of data, if any, into pf (apply
 * keys resolved against base, may be NULL; a language that is no tag
 * warned about through opts). Returns 0 or a negative status with a
 * one-line reason in err, as import_frontmatter(). The caller frees pf
 * with import_page_fm_free(), also on failure. */
int import_page_fm_read(const char *data, size_t len, const char *base, const import_opts *opts,
                        import_page_fm *pf, jk_err *err);
void import_page_fm_free(import_page_fm *pf);

/* Gives p the fields of pf's front matter that p lacks, tags when p has
 * none; the id only when p is the whole page (whole), since each of many
 * postings on a page needs its own. Call it before reading the page when
 * p is the page (the front matter's fields win), after when p is one of
 * its postings (the posting's own win). No-op without front matter. */
int import_page_fm_fill(posting *p, const import_page_fm *pf, bool whole);

/* For the page read as one posting p, after its text and before its apply
 * target is chosen: the front matter's text when the page has none, its
 * how_to_apply prose as a section (a target named there becomes p's), its
 * links: lists added to links; a title the front matter gave settled
 * against the headings (import_title_settle). Warns through opts. */
int import_page_fm_text(posting *p, const import_page_fm *pf, import_links *links, const char *base,
                        const import_opts *opts, jk_err *err);

/* After p's apply target was chosen: when p has none, or only the page's
 * own address own (may be NULL), the front matter's first of: an apply
 * key, a key that may name one (link, url), its links: list's first
 * entry, a contact address. */
int import_page_fm_apply(posting *p, const import_page_fm *pf, const char *own);

/* A JSON-LD JobPosting the front matter keeps in a value, appended to out
 * as jsonld_read() does; one that cannot be read is skipped with a
 * warning through opts. */
int import_page_fm_jsonld(const import_page_fm *pf, const import_opts *opts, const char *base,
                          posting_list *out);

#endif
