/* testutil.h — small helpers every test program links. */
#ifndef TESTUTIL_H
#define TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
/* cmocka needs the includes above first. */
#include <cmocka.h>

#include "import.h"
#include "posting.h"

/* Path of a file under ../shared/fixtures (env JK_FIXTURES). Static buffer. */
const char *tu_fixture(const char *rel);
/* Path of a file under the repo root (env JK_ROOT, else "."). Static buffer. */
const char *tu_root(const char *rel);
/* Reads a whole file; fails the test if it cannot. Caller frees. */
char *tu_read(const char *path, size_t *len);
/* Imports bytes with the given source name; fails the test on error. */
void tu_import_ok(const char *data, size_t len, const char *source, posting_list *out);
/* What a reader said through import_opts.warn: how many lines, the last. */
typedef struct tu_warnings {
	int n;
	char last[256];
} tu_warnings;
/* An import_opts.warn callback; ud is a tu_warnings. Fails the test when a
 * warning names no source or spans more than one line. */
void tu_on_warn(void *ud, const char *source, const char *msg);
/* import_bytes(data) with source and tu_on_warn into w (NULL: not kept);
 * len (size_t)-1 means strlen(data). Initialises out and err. */
int tu_load(const char *data, size_t len, const char *source, posting_list *out, jk_err *err,
            tu_warnings *w);
/* tu_load that also checks the failure contract: a failure appends
 * nothing and err is one non-empty line. Returns the status. */
int tu_load_checked(const char *data, size_t len, const char *source, posting_list *out,
                    jk_err *err, tu_warnings *w);
/* A document (a string) that must give exactly one posting; caller frees out. */
posting *tu_one(const char *text, const char *source, posting_list *out, tu_warnings *w);
/* tests/data/DIR/NAME read with tu_load (source "tests/data/DIR/NAME"); it
 * must give exactly one posting. Caller frees out. */
posting *tu_data_one(const char *dir, const char *name, posting_list *out, tu_warnings *w);
/* Input that must fail through import_bytes: nothing read and err one
 * non-empty line. Returns that line (static buffer). */
const char *tu_fails(const char *data, size_t len, const char *source);

/* A reader called directly (import_greenhouse, import_ashby, ...). */
typedef int (*tu_reader)(const char *, size_t, const import_opts *, posting_list *, jk_err *);
/* Runs rd on data with source and checks the reader contract: a failure
 * appends nothing and says why in one non-empty line; every posting read
 * passes posting_finish and its detail, if any, is an http(s) URL.
 * Returns the status; *n (may be NULL) gets the postings read. */
int tu_run_reader(tu_reader rd, const char *data, size_t len, const char *source, jk_err *err,
                  size_t *n);
/* tu_run_reader for every reader over every document (strings). */
void tu_run_each(const tu_reader *rds, size_t nrds, const char *const *docs, size_t ndocs,
                 const char *source);
/* Fails the test unless got and want are the same string or both NULL. */
void tu_expect_str(const char *got, const char *want);
/* Finds a section by heading; NULL when absent. */
const posting_section *tu_section(const posting *p, const char *heading);
/* True when any block or heading of p contains needle. */
bool tu_contains(const posting *p, const char *needle);
/* Calls fn on every posting file of the test corpus: the real-world
 * fixtures, the seeds and the samples (README.md and SOURCES.tsv aside),
 * with its path and its name relative to the corpus ("real-world/x.md",
 * "seeds/y.html", "samples/z.txt"). */
void tu_each_corpus_file(void (*fn)(const char *path, const char *rel));
/* Writes text to path (created or truncated); fails the test if it cannot. */
void tu_write(const char *path, const char *text);
/* How many times needle occurs in hay. */
int tu_count(const char *hay, const char *needle);
/* A fresh directory under /tmp, removed by tu_rmtree. Static buffer. */
const char *tu_tmpdir(void);
void tu_rmtree(const char *dir);

/* Reads QR codes with zbar. From 8-bit grey pixels, or from any SDL surface
 * (converted to grey here). Returns the first symbol's text (caller frees)
 * or NULL; *nsyms (may be NULL) gets the number of symbols found. */
struct SDL_Surface;
char *tu_zbar_grey(unsigned char *grey, int w, int h, int *nsyms);
char *tu_zbar_surface(struct SDL_Surface *s, int *nsyms);

/* The default look's fonts (caller closes with render_fonts_close()) and
 * theme, for a test group's setup: 0, or -1 with the reason printed. */
struct render_fonts;
struct layout_theme;
int tu_fonts_default(struct render_fonts **fonts, struct layout_theme *theme);

/* What tesseract reads in the PNG at path with language lang and page
 * segmentation mode psm (caller frees); the test fails when it cannot run. */
char *tu_tesseract(const char *path, const char *lang, int psm);

/* n small postings "Position 1".."Position n" with an apply target, in a
 * list initialised here; the caller frees it with posting_list_free(). */
void tu_make_list(posting_list *l, size_t n);

/* The binary under test (env JK_BIN, else build/asan/jobkiosk). */
const char *tu_bin(void);
/* Runs `tu_bin() ARGS` through the shell with stdin from /dev/null;
 * out and err hold what it printed (free with tu_run_free()). status is the
 * exit status, -1 when it did not exit. */
typedef struct tu_run_result {
	int status;
	char *out, *err;
} tu_run_result;
tu_run_result tu_run(const char *args);
/* `tu_bin() --dump SAMPLE1 SAMPLE2 EXTRA` (under samples/ in JK_ROOT
 * unless an absolute path; extra may be "") with the environment variable name set to value: a
 * library the binary opens when first needed named as a file that is not there. */
tu_run_result tu_run_without(const char *name, const char *value, const char *sample1,
                             const char *sample2, const char *extra);
void tu_run_free(tu_run_result *r);

/* Captures what this process writes to stderr (fd 2) between start and
 * end, e.g. to count log lines. end restores stderr and returns the text
 * (caller frees). */
typedef struct tu_capture {
	int saved;
	char path[64];
} tu_capture;
void tu_capture_start(tu_capture *c);
char *tu_capture_end(tu_capture *c);

#endif
