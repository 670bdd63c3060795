/* body.h — what text.c shares with json.c and feed.c: plain-text bodies,
 * "HTML or text" bodies, links found in text, and finishing a posting.
 * Only these three readers include it. */
#ifndef IMPORT_BODY_H
#define IMPORT_BODY_H

#include "html.h" /* html_base(): the base URL for relative links */
#include "internal.h"

/* One document never yields more postings than this (the rest is skipped
 * with a warning): a kiosk shows dozens, not millions. */
#define IMPORT_MAX_POSTINGS 5000

enum { BODY_GUESS, BODY_HTML, BODY_TEXT };
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

/* A body that is HTML (BODY_HTML), plain text (BODY_TEXT) or either
 * (BODY_GUESS) → sections of p. HTML the HTML reader refuses is read as text
 * with its tags dropped. text_flags as for import_text_sections. */
int import_body(posting *p, const char *s, size_t n, int kind, unsigned text_flags,
                import_links *links, const char *base, jk_err *err);

/* posting_set after decoding HTML character references (titles in feeds
 * and boards are often escaped once too often). s borrowed, may be NULL. */
int import_set_text(char **field, const char *s);

/* Sets *field (when empty) to s as YYYY-MM-DD if s is a date. s borrowed,
 * may be NULL. */
int import_set_date(char **field, const char *s);

/* An organisation name from a feed or board title: "Jobs at Acme" and
 * "Acme — Careers" give "Acme". Caller frees; NULL when s is NULL. */
char *import_org_from_title(const char *s);

void import_warnf(const import_opts *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Chooses p's apply target from links, frees links, and appends p to out
 * (out owns p afterwards, also on failure). */
int import_push(posting *p, import_links *links, const char *base, posting_list *out);

/* Frees the postings appended to out since index first. */
void import_drop_from(posting_list *out, size_t first);

#endif
