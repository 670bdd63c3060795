/* store.h — where postings live on disk. A folder of posting files is a
 * valid store: this is what the offline slideshow reads. Prefix store_. */
#ifndef STORE_H
#define STORE_H

#include "posting.h"

/* True for names the folder scan reads (.md .markdown .html .htm .json
 * .xml .rss .atom .txt .eml .rst). */
bool store_is_posting_name(const char *name);

/* Loads a file, or every posting file in a folder (sorted by name, into
 * sub-folders a few levels deep, hidden entries skipped), appending the
 * postings to out. Each file that fails is reported through warn (may be
 * NULL) and skipped; the others still load. *nfiles and *nfailed (may be
 * NULL) count the files tried and failed. Returns 0 when at least one file
 * was read, or a negative status with err set (the path itself missing or
 * unreadable, or every file in it failing). */
int store_load_path(const char *path, posting_list *out, jk_warn_fn warn, void *ud, size_t *nfiles,
                    size_t *nfailed, jk_err *err);

/* The postings of the first file store_load_path() would read that gives
 * any, appended to out, or nothing; nothing is told (the full read tells
 * what fails). What a deck in listed order shows first, read ahead of the
 * rest. 0, or JK_EEMPTY / JK_ENOTFOUND. */
int store_load_first(const char *path, posting_list *out);

/* A fingerprint of what store_load_path() would read: names, sizes and
 * modification times of the posting files (nothing is read, only stat'ed).
 * It changes when a file is added, removed or rewritten, or a USB stick
 * is swapped; the loop polls it to pick up local changes cheaply. */
uint64_t store_path_stamp(const char *path);

/* The cache: one file per fetched document, named by a hash of its key
 * (the source URL), never by text from a response. Writes are crash-safe
 * (temp file, fsync, rename, fsync of the folder): after a power cut each
 * entry is the old or the new version, never torn. A checksum catches
 * anything else; a corrupt entry is removed and reported, never shown. */
typedef struct store_cache store_cache;

typedef struct store_meta {
	char *key;  /* the source URL */
	char *etag; /* validators for the next conditional GET */
	char *last_modified;
	char *content_type;
	int64_t fetched_at; /* unix seconds of the response stored */
} store_meta;

/* Frees the strings of m (not m). Accepts NULL. */
void store_meta_clear(store_meta *m);

/* The default folder: $XDG_CACHE_HOME/jobkiosk, else ~/.cache/jobkiosk,
 * else (a service user without a home) /var/cache/jobkiosk.
 * Writes into buf (cap bytes). */
int store_cache_default_dir(char *buf, size_t cap, jk_err *err);

/* Opens (creating, mode 0700) the cache folder; max_bytes caps its total
 * size (0: 64 MB). Leftover temp files from a crash are removed. Caller
 * closes with store_cache_close(). */
int store_cache_open(const char *dir, size_t max_bytes, store_cache **out, jk_err *err);
void store_cache_close(store_cache *c);
const char *store_cache_dir(const store_cache *c);
/* The bytes the cache's entries take on disk (reads the folder: not for
 * the render loop). 0 for NULL or an unreadable folder. */
uint64_t store_cache_bytes(const store_cache *c);

/* Stores body and meta under meta->key. When the stored entry already has
 * the same body and validators nothing is written (SD cards wear out) and
 * *written (may be NULL) is false. Oldest entries are evicted beyond the
 * size cap. */
int store_cache_put(store_cache *c, const store_meta *meta, const char *body, size_t len,
                    bool *written, jk_err *err);

/* Reads the entry for key. JK_ENOTFOUND when there is none; JK_EFORMAT when
 * it was corrupt (it is removed). On success *body (NUL-terminated) and the
 * strings in meta are the caller's: free() and store_meta_clear(). */
int store_cache_get(store_cache *c, const char *key, store_meta *meta, char **body, size_t *len,
                    jk_err *err);

/* Removes the entry for key, if any. */
int store_cache_remove(store_cache *c, const char *key, jk_err *err);

/* The entry file name for key ("<32 hex>.jkc"), into buf (>= 40 bytes). */
void store_cache_name(const char *key, char *buf, size_t cap);

#endif
