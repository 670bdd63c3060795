/* readers.h — layer 3 of src/import/: the readers, one file per format
 * (markdown.c, html.c, jsonld.c, greenhouse.c, lever.c, jsonfeed.c, feed.c,
 * text.c, grid.c, mail.c, rst.c). Each calls layers 0 to 2, never another reader. Included
 * by the readers themselves, by import.c (layer 4), and by tests/ and
 * fuzz/; layers 0 to 2 never include it. */
#ifndef IMPORT_READERS_H
#define IMPORT_READERS_H

#include "body.h"

/* Every reader has this shape: data borrowed and already valid UTF-8 (the
 * dispatcher converts other encodings), postings appended to out unfinished
 * (import_bytes finishes them). Return 0 or a negative status with err set;
 * a reader that fails appends nothing. */
typedef int (*import_reader)(const char *data, size_t len, const import_opts *opts,
                             posting_list *out, jk_err *err);

int import_markdown(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err);
int import_html(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err);
int import_grid(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err);
int import_jsonld(const char *data, size_t len, const import_opts *opts, posting_list *out,
                  jk_err *err);
int import_greenhouse(const char *data, size_t len, const import_opts *opts, posting_list *out,
                      jk_err *err);
int import_lever(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err);
int import_jsonfeed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err);
int import_feed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err); /* RSS and Atom */
int import_text(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err);
/* Email: one RFC 5322 message, or an mbox file of them. The one reader
 * import_bytes() gives the bytes unconverted (each MIME part declares its
 * charset), so data may be any bytes. */
int import_mail(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err);
int import_rst(const char *data, size_t len, const import_opts *opts, posting_list *out,
               jk_err *err); /* reStructuredText */

#endif
