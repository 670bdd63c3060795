/* internal.h — what the control module's files share: the server's
 * insides, the shared snapshot, the failure table and the steps the files
 * give each other. The files call one another in one direction:
 * server.c -> api.c -> body.c, metrics.c; server.c -> auth.c, listen.c. */
#ifndef CONTROL_INTERNAL_H
#define CONTROL_INTERNAL_H

#include "control.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/socket.h>
#include <time.h>

#define CTL_CONN_MAX 128        /* connections at once */
#define CTL_CONN_PER_IP 32      /* from one address */
#define CTL_TIMEOUT_S 10        /* an idle connection is closed */
#define CTL_CONN_MEMORY 16384   /* a connection's buffer: caps the headers */
#define CTL_THREADS 2           /* MHD's polling threads */
#define CTL_SHOT_MS 2000        /* the loop's time to copy the screen */
#define CTL_DROP_MAX (8u << 20) /* a chunked body dropped up to this */
#define CTL_LOG_PER_MIN 5       /* libmicrohttpd's lines logged a minute */

/* The failure table: FAIL_MAX wrong tokens within FAIL_WINDOW_S seconds
 * block an address for FAIL_BLOCK_S seconds. FAIL_SLOTS addresses are
 * remembered at most. */
#define CTL_FAIL_MAX 10
#define CTL_FAIL_WINDOW_S 60
#define CTL_FAIL_BLOCK_S 60
#define CTL_FAIL_SLOTS 256

typedef struct ctl_addr {
	sa_family_t family;
	unsigned char bytes[16]; /* IPv4 in the first 4 */
} ctl_addr;

typedef struct ctl_fail {
	ctl_addr addr;
	bool used;
	int count;            /* failures since first */
	int64_t first, last;  /* monotonic seconds */
	int64_t blocked_till; /* monotonic seconds, 0 not blocked */
} ctl_fail;

typedef struct ctl_auth {
	pthread_mutex_t lock;
	ctl_fail slots[CTL_FAIL_SLOTS];
} ctl_auth;

/* A published snapshot, shared by reference so the loop's publish only
 * swaps a pointer and a reader renders without holding the lock. */
typedef struct ctl_snap {
	atomic_int refs;
	control_snapshot s;
} ctl_snap;

/* The answers counted by code for jobkiosk_control_requests_total. */
#define CTL_CODES 10
extern const unsigned ctl_codes[CTL_CODES]; /* the last slot: any other */

struct control_server {
	struct MHD_Daemon *daemon;
	char *token; /* owned; NULL or "": no auth */
	size_t token_len;
	bool metrics_public;
	bool tls;
	char *cert_pem, *key_pem; /* owned (the key wiped before free) */
	char *version;            /* owned */
	char where[80];           /* "http(s)://ADDR:PORT" for the log */
	int port;
	int (*command)(void *ud, const control_cmd *cmd);
	int (*screenshot)(void *ud, control_image *out, unsigned timeout_ms);
	void *ud;
	pthread_mutex_t snap_lock;
	ctl_snap *snap;            /* NULL until the first publish */
	pthread_mutex_t shot_lock; /* one screenshot at a time */
	int64_t started;           /* unix seconds the server started */
	atomic_ullong codes[CTL_CODES];
	pthread_mutex_t log_lock; /* guards what follows */
	bool starting;            /* in MHD_start_daemon */
	char mhd_error[200];      /* MHD's first message while starting */
	int64_t log_window;       /* monotonic second the minute began */
	unsigned log_count, log_dropped;
	ctl_auth auth;
};

/* ---- mhd.c: libmicrohttpd, opened when a server first starts ----------- */

typedef struct ctl_mhd_fns {
	__typeof__(MHD_start_daemon) *start_daemon;
	__typeof__(MHD_stop_daemon) *stop_daemon;
	__typeof__(MHD_is_feature_supported) *is_feature_supported;
	__typeof__(MHD_get_connection_info) *get_connection_info;
	__typeof__(MHD_lookup_connection_value) *lookup_connection_value;
	__typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
	__typeof__(MHD_add_response_header) *add_response_header;
	__typeof__(MHD_queue_response) *queue_response;
	__typeof__(MHD_destroy_response) *destroy_response;
} ctl_mhd_fns;

/* Opens libmicrohttpd the first time (thread-safe): 0, or JK_EUNSUPPORTED
 * with "the control server needs libmicrohttpd.so.12: why" in err. */
int ctl_mhd_load(jk_err *err);
/* The table; only after ctl_mhd_load() succeeded (a running server). */
const ctl_mhd_fns *ctl_mhd(void);

/* ---- listen.c: addresses and the listening socket ---------------------- */

/* Parses "ADDRESS:PORT" as control_listen_parse does, into sa. */
int ctl_addr_parse(const char *listen, struct sockaddr_storage *sa, socklen_t *salen,
                   bool *loopback, jk_err *err);
/* A socket bound to listen and listening (SO_REUSEADDR; [::] takes IPv4
 * too). *fd: caller closes (or MHD does, once handed over). JK_EIO with
 * the reason. */
int ctl_listen_socket(const char *listen, int *fd, int *port, bool *v6, jk_err *err);

/* ---- auth.c: the bearer token and the failure table --------------------- */

void ctl_auth_init(ctl_auth *a);
void ctl_auth_destroy(ctl_auth *a);
/* True when the Authorization header value hdr (may be NULL) is "Bearer
 * TOKEN" with token's bytes; compared in time independent of where they
 * differ. */
bool ctl_token_ok(const char *hdr, const char *token, size_t token_len);
/* True while addr is blocked (at monotonic second now). */
bool ctl_auth_blocked(ctl_auth *a, const ctl_addr *addr, int64_t now);
/* Counts a wrong token from addr; true when this one blocks it. */
bool ctl_auth_fail(ctl_auth *a, const ctl_addr *addr, int64_t now);
/* "127.0.0.1", "::1" (for the log). */
void ctl_addr_str(const ctl_addr *addr, char *out, size_t cap);
int64_t ctl_mono_s(void);

/* ---- api.c: the routes --------------------------------------------------- */

/* A route's handler: answers with the request's body (NUL-terminated,
 * may be empty). Returns MHD_YES or MHD_NO as MHD_queue_response does. */
typedef enum MHD_Result (*ctl_handler)(control_server *srv, struct MHD_Connection *c,
                                       const char *body, size_t len);

typedef struct ctl_route {
	const char *path;
	const char *method;
	ctl_handler handler;
	bool open;    /* answers without the token (the page) */
	bool metrics; /* open when metrics_public */
} ctl_route;

/* The route for path and method; NULL. *path_known tells a wrong method
 * (405) from an unknown path (404); allow gets the methods of the path
 * ("GET", "POST, DELETE"). */
const ctl_route *ctl_route_find(const char *path, const char *method, bool *path_known, char *allow,
                                size_t cap);

/* Queues a response: status, content type, body (copied), the headers
 * every answer carries. Counts the code. */
enum MHD_Result ctl_reply(control_server *srv, struct MHD_Connection *c, unsigned status,
                          const char *ctype, const void *body, size_t len);
/* {"error":"MSG"} with status (msg one line). */
enum MHD_Result ctl_error(control_server *srv, struct MHD_Connection *c, unsigned status,
                          const char *msg);
/* ctl_error with an Allow header (405). */
enum MHD_Result ctl_error_allow(control_server *srv, struct MHD_Connection *c, unsigned status,
                                const char *msg, const char *allow);

/* ---- the snapshot ------------------------------------------------------- */

/* A reference to the published snapshot (NULL before the first); release
 * with ctl_snap_put. */
ctl_snap *ctl_snap_get(control_server *srv);
void ctl_snap_put(ctl_snap *sn);

/* ---- body.c: pure parsers (control.h's control_parse_*) ---------------- */

/* Accepts an empty body, white space or "{}": the plain commands. */
int ctl_parse_empty(const char *body, size_t len, jk_err *err);

/* ---- metrics.c ----------------------------------------------------------- */

/* The Prometheus text of s (may be NULL: the loop's families at zero),
 * the server's counters and the process. Caller frees with free(). */
char *ctl_metrics_text(control_server *srv, const control_snapshot *s, size_t *len);
/* The status JSON of s (not NULL). Caller frees with free(). */
char *ctl_status_json(const control_server *srv, const control_snapshot *s, int64_t now);

#endif
