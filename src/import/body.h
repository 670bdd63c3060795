/* body.h — layer 2 of src/import/: a description body → sections, and the
 * schema.org JobPosting mapping built on it. Included by body.c and
 * jobposting.c and, through readers.h, by layers 3 and 4; layers 0 and 1
 * never include it.
 *   2a body.c        calls layers 0 and 1
 *   2b jobposting.c  calls body.c and layer 0 */
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
 * targets chosen against base (may be NULL). *found counts them. Fails
 * with JK_EFORMAT on JSON that does not parse (also when nested too deep),
 * appending nothing. json borrowed. */
int jsonld_read(const char *json, size_t len, const char *base, posting_list *out, size_t *found,
                jk_err *err);

#endif
