/* httpd.h — a real HTTP/1.1 server on 127.0.0.1 for tests. It runs on its
 * own thread, serves one connection at a time, and is bounded: it stops
 * after max_requests or 120 s, whichever comes first. */
#ifndef HTTPD_H
#define HTTPD_H

#include <stdbool.h>
#include <stddef.h>

typedef struct httpd_req {
	char method[16];
	char path[1024];
	char if_none_match[256];
	char if_modified_since[128];
	char user_agent[128];
	char authorization[512];
	char content_type[128];
	char accept[128];
	char body[4096]; /* the request body (Content-Length), NUL-terminated */
	size_t body_len;
} httpd_req;

typedef enum httpd_mode {
	HTTPD_NORMAL = 0,
	HTTPD_RESET_MID_BODY, /* headers and half the body, then a TCP reset */
	HTTPD_DRIP,           /* the body one byte every drip_ms */
	HTTPD_CLOSE_EARLY,    /* close before any response */
} httpd_mode;

typedef struct httpd_resp {
	int status;
	char headers[2048]; /* extra header lines, each ending in \r\n */
	const char *body;   /* borrowed until the response is written */
	size_t len;
	httpd_mode mode;
	int drip_ms;
} httpd_resp;

typedef void (*httpd_handler)(const httpd_req *req, httpd_resp *resp, void *ud);

typedef struct httpd httpd;

httpd *httpd_start(httpd_handler h, void *ud, int max_requests);
int httpd_port(const httpd *s);
/* Requests answered so far. */
int httpd_count(const httpd *s);
void httpd_stop(httpd *s);
/* "http://127.0.0.1:PORT/path" in a static buffer. */
const char *httpd_url(const httpd *s, const char *path);

#endif
