/* jk.h — the small shared core every module uses: status codes, the error
 * message carrier, a size-capped growable buffer and UTF-8 helpers.
 * Prefix jk_. No I/O but the log sink and jk_read_file(). */
#ifndef JK_H
#define JK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define JOBKIOSK_VERSION "0.1.0"

/* Status: 0 ok, negative error. Fallible functions return one of these and
 * leave a one-line reason in a jk_err the caller passed (may be NULL). */
enum {
	JK_OK = 0,
	JK_ENOMEM = -1,
	JK_EIO = -2,
	JK_ETOOBIG = -3,
	JK_EFORMAT = -4,
	JK_EEMPTY = -5,
	JK_EBINARY = -6,
	JK_EUNSUPPORTED = -7,
	JK_EARG = -8,
	JK_ENOTFOUND = -9,
	JK_EBUSY = -10, /* try again later: a queue full, no answer in time */
};

typedef struct jk_err {
	int code;
	char msg[256]; /* one line, no trailing newline */
} jk_err;

/* Sets err (if not NULL) to code and the formatted message; returns code so
 * callers can write `return jk_fail(err, JK_EFORMAT, "...")`. */
int jk_fail(jk_err *err, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Makes s (NUL-terminated, edited in place) one valid UTF-8 line, as every
 * message must be: line breaks and tabs become spaces, a character cut at
 * the end is dropped, any other broken byte shows as '?'. */
void jk_one_line(char *s);

/* Growable byte buffer, always NUL-terminated once anything was appended.
 * limit = 0 means no cap; appending past the cap fails with JK_ETOOBIG so
 * buffers filled from outside data cannot grow without bound. */
typedef struct jk_buf {
	char *data;
	size_t len, cap, limit;
} jk_buf;

int jk_buf_append(jk_buf *b, const void *p, size_t n);
int jk_buf_puts(jk_buf *b, const char *s);
int jk_buf_putc(jk_buf *b, char c);
int jk_buf_printf(jk_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the data (caller frees with free()), leaves b empty. Never NULL:
 * an empty buffer yields "". NULL only on allocation failure. */
char *jk_buf_detach(jk_buf *b);
void jk_buf_free(jk_buf *b);

/* Decodes one UTF-8 sequence at s (n bytes available, n >= 1). Returns the
 * bytes consumed (>= 1). Invalid, overlong, surrogate or truncated sequences
 * consume 1 byte and yield U+FFFD. */
size_t jk_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Writes cp as UTF-8 into out (4 bytes room); returns the length. */
size_t jk_utf8_encode(uint32_t cp, char out[4]);
bool jk_utf8_valid(const char *s, size_t n);
/* Windows-1252 (a superset of Latin-1 for text) to UTF-8. Caller frees. */
char *jk_cp1252_to_utf8(const char *s, size_t n);

/* Clean text for display: invalid UTF-8 becomes U+FFFD, control and
 * zero-width characters are dropped, every run of white space (including
 * no-break and other Unicode spaces) becomes one space, ends are trimmed.
 * n = (size_t)-1 means strlen(s). Returns a new string the caller frees,
 * NULL on allocation failure; s NULL gives "". */
char *jk_text_clean(const char *s, size_t n);
/* Classifies a code point for jk_text_clean and the block builder. */
bool jk_cp_is_space(uint32_t cp);
bool jk_cp_is_invisible(uint32_t cp);
/* The invisible characters text keeps because shaping or bidi needs them:
 * the zero-width (non-)joiner and the direction marks. */
bool jk_cp_shapes(uint32_t cp);

/* strdup of n bytes (n = (size_t)-1: strlen). Caller frees. */
char *jk_strndup(const char *s, size_t n);
/* ASCII case-insensitive search; returns pointer into hay or NULL. */
const char *jk_strcasestr(const char *hay, const char *needle);
/* Copies s into out (cap bytes, always NUL-terminated) with the value of
 * every "token=" setting after a '?' or '&' shown as "***", so a source
 * spec such as "recruitee:acme?token=T" can be logged and printed.
 * Returns out. */
char *jk_mask_secrets(const char *s, char *out, size_t cap);

/* Reads the whole file at path into a NUL-terminated buffer the caller
 * frees with free(); *len gets its length. Only regular files: JK_EIO
 * "cannot open: REASON", "is a folder", "not a regular file"; JK_ETOOBIG
 * beyond cap bytes, without reading it all. *data NULL on failure. */
int jk_read_file(const char *path, size_t cap, char **data, size_t *len, jk_err *err);

/* ---- time past 2038 --------------------------------------------------------
 * 32-bit ARM Debian / Raspberry Pi OS has a 32-bit time_t: it ends at
 * 2038-01-19 03:14:07 UTC, inside the range of expiry dates, schedules and
 * logs. Times are kept in int64_t seconds; these are the one place where
 * they become time_t (for localtime/gmtime), so a time this system cannot
 * hold is refused, never wrapped into 1901. */

/* secs (since the epoch) in *out: true; false (*out untouched) when this
 * system's time_t cannot hold it. */
bool jk_time_from(int64_t secs, time_t *out);
/* Why jk_time_from said no, for messages: "past 2038-01-19, the last
 * time this system's 32-bit clock can hold". */
#define JK_TIME_PAST "past 2038-01-19, the last time this system's 32-bit clock can hold"

/* 64-bit FNV-1a, for stable ids and cache names. */
uint64_t jk_hash64(const void *p, size_t n, uint64_t seed);
#define JK_HASH_SEED 0xcbf29ce484222325ULL

/* ---- the one log sink ----------------------------------------------------
 * Library code never writes to stderr itself: it calls jk_log(), which hands
 * one line (no newline) to the sink the app installed. The default sink
 * writes "jobkiosk: LINE" to stderr. */
typedef enum jk_log_level {
	JK_LOG_ERR = 3, /* the values are syslog's, so a journal sink can use them */
	JK_LOG_WARN = 4,
	JK_LOG_INFO = 6,
	JK_LOG_DEBUG = 7,
} jk_log_level;

/* A sink: called with every line at or above the level set (any thread;
 * the sink serialises if it needs to). module is the caller's prefix
 * ("kiosk", "sources", ...); line is valid during the call only. */
typedef void (*jk_log_fn)(void *ud, jk_log_level level, const char *module, const char *line);

/* Installs fn (NULL: the default stderr sink) and the lowest level passed on.
 * Not thread-safe: call before starting threads. */
void jk_log_set_sink(jk_log_fn fn, void *ud, jk_log_level max_level);
/* The default sink; journal = true prefixes each line with "<N>", the
 * priority systemd reads from a service's stderr. */
void jk_log_stderr(void *ud, jk_log_level level, const char *module, const char *line);
void jk_log_journal(void *ud, jk_log_level level, const char *module, const char *line);
/* Formats one line and hands it to the sink. A line is cut at 1023 bytes
 * (never inside a UTF-8 character); newlines in it become spaces. */
/* Milliseconds since this process started (its start time from
 * /proc/self/stat, 10 ms steps; where that cannot be read, since the first
 * call). For the start-up timeline in the debug log. */
double jk_process_ms(void);
/* Logs "start-up: WHAT at N ms" at debug level (--verbose), N from
 * jk_process_ms(): where the time to the first frame goes. */
void jk_mark(const char *module, const char *what);

void jk_log(jk_log_level level, const char *module, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Libraries opened when first needed ------------------------------------- */

/* libcurl, GMime and libmicrohttpd serve only some runs (network sources,
 * mail input, the control server), so they are not linked: each is opened
 * with dlopen(RTLD_NOW | RTLD_LOCAL) the first time a caller needs it and
 * its functions are looked up into that caller's table of pointers. A run
 * that never needs one never pays for loading it. The library's own header
 * still gives the types (declare a member __typeof__(curl_easy_init) *). */
typedef struct jk_dl_sym {
	const char *name; /* "curl_easy_init" */
	size_t offset;    /* of its pointer in the table */
} jk_dl_sym;
#define JK_DL_SYM(table_type, member, name)                                                        \
	{                                                                                          \
		name, offsetof(table_type, member)                                                 \
	}

typedef struct jk_dl {
	const char *soname; /* "libcurl.so.4" */
	const char *need;   /* who needs it, for the message: "network sources need" */
	/* For tests only: an environment variable that, when set, names the
	 * file opened instead of soname (a missing library, for real). */
	const char *env;
	const jk_dl_sym *syms;
	size_t nsyms;
	void *table;                  /* borrowed; filled once loaded */
	void (*ready)(const void *t); /* run once after loading, or NULL */
	/* jk_dl_load's: start zeroed. */
	_Atomic int done;
	int status;
	char msg[256];
} jk_dl;

/* A jk_dl's static initializer; syms an array, ready may be NULL. */
#define JK_DL_INIT(soname_, need_, env_, syms_, table_, ready_)                                    \
	{                                                                                          \
		.soname = (soname_), .need = (need_), .env = (env_), .syms = (syms_),              \
		.nsyms = JK_ARRAY_LEN(syms_), .table = (table_), .ready = (ready_)                 \
	}

/* Opens lib and fills its table the first time any thread calls it (the
 * others wait on one lock; loads are rare); later calls only read the
 * outcome. 0 when every symbol
 * was found, else JK_EUNSUPPORTED with "NEED SONAME: why" in err, the
 * same every time. The library stays open for the life of the process. */
int jk_dl_load(jk_dl *lib, jk_err *err);

/* The one callback type for non-fatal remarks about an input, used by every
 * module that reads outside data (import, store, sources): source names the
 * input (path, URL or spec), msg the reason; both valid during the call. */
typedef void (*jk_warn_fn)(void *ud, const char *source, const char *msg);

#define JK_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
