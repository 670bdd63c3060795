/* control.h — the HTTP control server (GNU libmicrohttpd) on its own
 * thread: status, screenshot, commands, announcements, Prometheus metrics
 * and the control page for phones. It knows nothing of the loop: the
 * program publishes snapshots into it (control_publish) and it hands
 * commands and screenshot requests back through the callbacks of
 * control_opts, which must never block the loop. Prefix control_. */
#ifndef CONTROL_H
#define CONTROL_H

#include "jk.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CONTROL_TOKEN_MIN 16     /* bytes a token needs beyond loopback */
#define CONTROL_BODY_MAX 4096    /* request bodies: larger is 413 */
#define CONTROL_ANNOUNCE_MAX 280 /* bytes of an announcement's text */
#define CONTROL_ANNOUNCE_MINUTES_MAX (7 * 24 * 60)

typedef enum control_level { CONTROL_INFO = 0, CONTROL_URGENT } control_level;

/* An announcement: text checked like any posting text (valid UTF-8, no
 * control, invisible or direction characters, white space folded, 1 to
 * CONTROL_ANNOUNCE_MAX bytes), shown until `until` (unix seconds). */
typedef struct control_announce {
	char text[CONTROL_ANNOUNCE_MAX + 1];
	control_level level;
	int64_t until;
} control_announce;

typedef enum control_cmd_kind {
	CONTROL_NEXT,
	CONTROL_PREV,
	CONTROL_PAUSE,
	CONTROL_RESUME,
	CONTROL_RELOAD,
	CONTROL_GOTO,       /* id */
	CONTROL_ANNOUNCE,   /* announce */
	CONTROL_UNANNOUNCE, /* DELETE /api/announce */
} control_cmd_kind;

#define CONTROL_ID_MAX 128

typedef struct control_cmd {
	control_cmd_kind kind;
	char id[CONTROL_ID_MAX];   /* CONTROL_GOTO: a posting id of the snapshot */
	control_announce announce; /* CONTROL_ANNOUNCE */
} control_cmd;

/* A copy of what the screen shows: XRGB8888 rows, pitch bytes apart. */
typedef struct control_image {
	void *pixels; /* owned: free() */
	int w, h, pitch;
} control_image;

/* Checks an announcement's text (len bytes) as control_parse_announce
 * does and puts it, white space folded, in out->text (out zeroed first).
 * Pure. JK_EFORMAT with a one-line reason ("text is empty", "text is
 * longer than 280 bytes", "text holds a control character (U+0007)"). */
int control_announce_text(const char *text, size_t len, control_announce *out, jk_err *err);
/* The body of POST /api/announce: {"text":"…","minutes":N,"level":"info"|
 * "urgent"} (level optional). The text is checked and its white space
 * folded into out->text; out->until = now + minutes * 60. Pure (no I/O,
 * borrows body, len bytes, need not be NUL-terminated). JK_EFORMAT with
 * a one-line reason for anything else. */
int control_parse_announce(const char *body, size_t len, int64_t now, control_announce *out,
                           jk_err *err);
/* The body of POST /api/goto: {"id":"POSTING-ID"}, into id. Pure, as
 * control_parse_announce. JK_EFORMAT with a one-line reason. */
int control_parse_goto(const char *body, size_t len, char id[CONTROL_ID_MAX], jk_err *err);

/* ---- what the program publishes ---------------------------------------- */

typedef struct control_posting {
	char *id, *title; /* owned by the snapshot */
} control_posting;

typedef struct control_source {
	char *spec;          /* safe to show (tokens masked) */
	char *state;         /* "never", "ok", "not-modified", "failed";
	                      * "local" for a folder or file on the screen */
	char *error;         /* the last failure's reason, or NULL */
	int64_t last_ok;     /* unix seconds, 0 never */
	uint64_t fetches[3]; /* refreshes by outcome: ok, unchanged, failed
	                      * (metrics label outcome="ok|unchanged|failed") */
	bool local;          /* nothing to fetch: no fetch metrics */
} control_source;

/* Frame time histogram buckets, upper bounds in milliseconds (+Inf last). */
#define CONTROL_FRAME_BUCKETS 9
extern const double control_frame_le_ms[CONTROL_FRAME_BUCKETS - 1];

typedef struct control_snapshot {
	char *screen;    /* screen_name or the host name */
	int64_t started; /* unix seconds the kiosk started */
	/* On screen. */
	bool waiting;     /* the waiting screen (no postings) */
	bool overview;    /* the overview page */
	char *posting_id; /* NULL on the overview and waiting screen */
	char *title;
	size_t page, npages; /* page 0-based */
	bool paused;
	bool display_on;
	int64_t next_change; /* unix seconds of the next schedule change, 0 none */
	bool next_on;        /* what it changes to */
	/* The deck. */
	control_posting *postings;
	size_t npostings;
	/* Sources and cache. */
	control_source *sources;
	size_t nsources;
	uint64_t cache_bytes;
	/* The announcement up (has_announce), as shown. */
	bool has_announce;
	control_announce announce;
	/* Counters of the loop. */
	uint64_t slides_shown;
	uint64_t frame_buckets[CONTROL_FRAME_BUCKETS]; /* cumulative, as Prometheus */
	double frame_ms_sum;
	uint64_t frame_count;
} control_snapshot;

/* Frees what s owns and zeroes it. Accepts NULL. */
void control_snapshot_free(control_snapshot *s);

/* ---- the server ---------------------------------------------------------- */

typedef struct control_opts {
	const char *listen;     /* "ADDRESS:PORT", "[v6]:PORT"; port 0: any free */
	const char *token;      /* NULL or "": allowed on loopback only */
	bool metrics_public;    /* /metrics without the token */
	const char *cert, *key; /* PEM files: TLS; both or neither */
	const char *version;
	/* On the server thread; must not block. 0 when taken; JK_EBUSY when
	 * the loop's queue is full (503). */
	int (*command)(void *ud, const control_cmd *cmd);
	/* On the server thread; may wait up to timeout_ms for the loop.
	 * 0 and *out filled, or negative (503). */
	int (*screenshot)(void *ud, control_image *out, unsigned timeout_ms);
	void *ud;
} control_opts;

typedef struct control_server control_server;

/* Parses "ADDRESS:PORT" (IPv4, [IPv6] or localhost; port 0..65535) and
 * says whether it is loopback. JK_EARG with a one-line reason. */
int control_listen_parse(const char *listen, bool *loopback, jk_err *err);

/* Checks o like control_start would, without listening: JK_EARG when
 * the address is beyond loopback and the token is shorter than
 * CONTROL_TOKEN_MIN, when only one of cert and key is set. */
int control_check(const control_opts *o, jk_err *err);

/* Starts listening (strings copied; the files read now). *out: stop with
 * control_stop(). JK_EARG (control_check), JK_EUNSUPPORTED when
 * libmicrohttpd cannot be opened (it is, the first time, here), JK_EIO
 * when it cannot listen or the certificate cannot be used, with the
 * reason. */
int control_start(const control_opts *o, control_server **out, jk_err *err);
/* The port listened on (useful with port 0). */
int control_port(const control_server *s);
/* Replaces the published snapshot with s's contents (moved: s is left
 * zeroed; srv NULL: freed). Thread-safe; called on the loop thread about
 * once a second; it only swaps a pointer under the lock. */
void control_publish(control_server *srv, control_snapshot *s);
/* Stops the thread and frees. Accepts NULL. */
void control_stop(control_server *s);

/* The control page (HTML, CSS and JavaScript in one document, compiled
 * in from src/control/page.html); static. */
const char *control_page(size_t *len);

#endif
