/* html.h — what html.c, jsonld.c and grid.c share. Internal to src/import/. */
#ifndef IMPORT_HTML_H
#define IMPORT_HTML_H

#include "internal.h"

#include <cjson/cJSON.h>

/* Flags for html_sections. */
enum {
	HTML_KEEP_CHROME = 1u << 0, /* leave chrome for the caller (grid joins first) */
};

/* import_html_sections with flags. html borrowed; text goes into the last
 * section of p (a lead section is made when p has none). */
int html_sections(const char *html, size_t len, posting *p, import_links *links, unsigned flags,
                  jk_err *err);

/* Drops every block (and section heading) import_is_chrome() flags and
 * makes Title Case label lines over a list bold. */
void html_tidy(posting *p);

/* Header lines scraped pages put before the first real section: a title
 * heading followed by "Org · Place · 9 hours ago" and "$X/yr - $Y/yr Hybrid
 * Internship" lines. Fills empty fields from them (pay kept whole, with its
 * currency and unit; employment as "Internship (hybrid)") and removes a
 * line only when every part of it found a use. */
int html_lead_meta(posting *p);

/* A schema.org JobPosting object → p (fields, description sections, apply
 * target chosen against base, which may be NULL). o borrowed. */
int jsonld_to_posting(const cJSON *o, posting *p, const char *base, jk_err *err);

/* Every JobPosting in one JSON-LD text (an object, an array, an @graph, a
 * page's mainEntity) appended to out as new postings. *found counts them.
 * Fails with JK_EFORMAT on JSON that does not parse (also when nested too
 * deep), appending nothing. */
int jsonld_read(const char *json, size_t len, const char *base, posting_list *out, size_t *found,
                jk_err *err);

#endif
