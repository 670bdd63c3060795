/* readers.h — layer 3 of src/import/: the readers, one file per format
 * (the formats[] table of import.c names them all). Each calls layers 0 to
 * 2, never another reader. Included by the readers themselves, by import.c
 * (layer 4), and by tests/ and fuzz/; layers 0 to 2 never include it. */
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
int import_ashby(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err); /* posting API job board */
int import_workable(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err); /* widget API with details */
int import_recruitee(const char *data, size_t len, const import_opts *opts, posting_list *out,
                     jk_err *err); /* careers site offers */
int import_jsonfeed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err);
int import_feed(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err); /* RSS and Atom */
int import_personio(const char *data, size_t len, const import_opts *opts, posting_list *out,
                    jk_err *err); /* Personio's XML positions feed */
int import_text(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err);
/* Job boards whose list lacks the posting's text: each list entry names
 * the document that has it in posting.detail; each reader also reads that
 * document when it is the board's own (SmartRecruiters and Workday
 * details; a Breezy posting's detail is its HTML page). */
int import_smartrecruiters(const char *data, size_t len, const import_opts *opts, posting_list *out,
                           jk_err *err);
int import_workday(const char *data, size_t len, const import_opts *opts, posting_list *out,
                   jk_err *err);
int import_breezy(const char *data, size_t len, const import_opts *opts, posting_list *out,
                  jk_err *err);
/* Email: one RFC 5322 message, or an mbox file of them. The one reader
 * import_bytes() gives the bytes unconverted (each MIME part declares its
 * charset), so data may be any bytes. */
int import_mail(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err);
int import_rst(const char *data, size_t len, const import_opts *opts, posting_list *out,
               jk_err *err); /* reStructuredText */

#endif
