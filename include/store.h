/* store.h — where postings live on disk. A folder of posting files is a
 * valid store: this is what the offline slideshow reads. Prefix store_. */
#ifndef STORE_H
#define STORE_H

#include "posting.h"

/* Called once per file that could not be read, with a one-line reason. */
typedef void (*store_warn_fn)(void *ud, const char *source, const char *msg);

/* Reads the whole file into a NUL-terminated buffer the caller frees.
 * Fails with JK_ETOOBIG beyond cap bytes without reading it all. */
int store_read_file(const char *path, size_t cap, char **data, size_t *len, jk_err *err);

/* True for names the folder scan reads (.md .markdown .html .htm .json
 * .xml .rss .atom .txt). */
bool store_is_posting_name(const char *name);

/* Loads a file, or every posting file in a folder (sorted by name, into
 * sub-folders a few levels deep, hidden entries skipped), appending the
 * postings to out. Each file that fails is reported through warn (may be
 * NULL) and skipped; the others still load. *nfiles and *nfailed (may be
 * NULL) count the files tried and failed. Returns 0 when at least one file
 * was read, or a negative status with err set (the path itself missing or
 * unreadable, or every file in it failing). */
int store_load_path(const char *path, posting_list *out, store_warn_fn warn, void *ud,
                    size_t *nfiles, size_t *nfailed, jk_err *err);

#endif
