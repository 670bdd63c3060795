/* fetch.h — HTTP(S) with libcurl, careful by default. Prefix fetch_.
 *
 * fetch_get() (a GET, or a POST when the request has a body) is blocking
 * and is only ever called off the render loop: from the refresh thread
 * (sources_worker_*) or from --fetch-once. Nothing from the network is
 * trusted: the body has a hard cap (also after decompression), redirects
 * are limited and stay on http/https, TLS is always verified. */
#ifndef FETCH_H
#define FETCH_H

#include "jk.h"

#include <stdatomic.h>

#define FETCH_USER_AGENT "jobkiosk/" JOBKIOSK_VERSION

#define FETCH_DEFAULT_MAX_BYTES ((size_t)5 << 20)

typedef struct fetch_limits {
	size_t max_bytes;          /* body cap; 0: FETCH_DEFAULT_MAX_BYTES */
	long connect_timeout_ms;   /* 0: 10 s */
	long timeout_ms;           /* whole transfer; 0: 60 s */
	long low_speed_bytes;      /* abort below this rate ... 0: 64 B/s */
	long low_speed_seconds;    /* ... for this long; 0: 20 s */
	const char *ca_file;       /* extra CA certificates (PEM) or NULL */
	const atomic_bool *cancel; /* set to abort a running transfer; may be NULL */
} fetch_limits;

typedef struct fetch_request {
	const char *url;           /* http:// or https:// only */
	const char *etag;          /* from the last good response, or NULL */
	const char *last_modified; /* likewise */
	fetch_limits limits;
	/* A POST of body_len bytes of body, typed body_type (e.g.
	 * "application/json"), when body is not NULL; else a GET. Borrowed. A
	 * redirect turns the POST into a GET, as browsers do. */
	const char *body;
	size_t body_len;
	const char *body_type;
	/* Extra request header lines ("Accept: application/json",
	 * "Authorization: Bearer ..."), NULL-terminated, or NULL. Borrowed,
	 * never logged. A line without a colon, with a CR, LF or other control
	 * character, or over 4 KB is refused (JK_EARG) before anything is sent.
	 * libcurl drops a custom Authorization line on a redirect to another
	 * host. */
	const char *const *headers;
} fetch_request;

typedef struct fetch_response {
	long status;       /* final HTTP status; 0 when no response */
	bool not_modified; /* 304: body empty, the cached copy stays */
	char *body;        /* NUL-terminated; owned, freed by fetch_response_free */
	size_t len;
	char *content_type;  /* owned or NULL */
	char *etag;          /* owned or NULL */
	char *last_modified; /* owned or NULL */
	char *final_url;     /* after redirects; owned or NULL */
	long max_age;        /* Cache-Control max-age in seconds, -1 when absent */
	long retry_after;    /* seconds from Retry-After on 429/503, -1 when absent */
} fetch_response;

/* Opens libcurl (jk_dl_load, the first time) and initialises it; call once
 * before threads start. Fails with "network sources need libcurl.so.4:
 * why" when it cannot be opened; fetch_get() then fails the same way. */
int fetch_global_init(jk_err *err);
void fetch_global_cleanup(void);

/* Performs the request (a GET, or a POST when req->body is set). Returns 0 for a 2xx or 304 (resp
 * filled), else a negative status with a one-line reason ("HTTP 404", "timed out after 20 s", "body
 * over the 5 MB limit", "certificate not trusted: ...") and resp->status / retry_after still set
 * where known. resp is always safe to pass to fetch_response_free afterwards. */
int fetch_get(const fetch_request *req, fetch_response *resp, jk_err *err);
void fetch_response_free(fetch_response *resp);

/* True for http:// and https:// URLs (case-insensitive scheme). */
bool fetch_is_url(const char *s);

#endif
