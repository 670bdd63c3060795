/* fuzz.h — what every libFuzzer harness in fuzz/ shares.
 *
 * Each fuzz/<name>.c defines LLVMFuzzerTestOneInput for one reader (or the
 * config parser, or the apply-target logic) and is linked with fuzz.c
 * and the library compiled with clang, -fsanitize=fuzzer-no-link,address,
 * undefined (see the fuzz block of the Makefile and fuzz/run.sh).
 *
 * A finding is anything that stops the process: a sanitizer report, a leak
 * (every harness frees all it made), a timeout, or abort() from the contract
 * checks below, which hold the readers to include/import.h and posting.h. */
#ifndef FUZZ_H
#define FUZZ_H

#include "readers.h"

#include <stddef.h>
#include <stdint.h>

/* Inputs above this are skipped: the readers' own cap (16 MB) is tested in
 * test_import; the fuzzer's time is better spent on small inputs. */
#define FZ_MAX_INPUT ((size_t)1 << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* import_bytes() with source and content_type (both may be NULL), then the
 * contract checks, posting_list_to_json() and freeing everything. */
void fz_import(const uint8_t *data, size_t size, const char *source, const char *ctype);

/* Calls one reader directly, after giving it what import_bytes() promises
 * its readers (non-empty, no NUL in the first 8 KiB, valid UTF-8: other
 * bytes are read as Windows-1252); then posting_finish() on each posting,
 * the contract checks, posting_list_to_json() and freeing everything. */
void fz_reader(import_reader read, const uint8_t *data, size_t size, const char *source);

/* Aborts unless every posting in l[first..] holds to posting.h (ids set,
 * strings valid UTF-8 and never "", apply only http(s)/mailto, spans inside
 * their text) and posting_list_to_json() gives valid JSON. */
void fz_check_list(const posting_list *l, size_t first, bool titled);

/* Aborts unless err holds a one-line, non-empty, valid UTF-8 message. */
void fz_check_err(const jk_err *err, int r);

/* Aborts unless s is NULL or an acceptable apply target. */
void fz_check_apply(const char *s);

/* Aborts with what failed; the fuzzer saves the input. */
void fz_fail(const char *what, const char *detail) __attribute__((noreturn));

#endif
