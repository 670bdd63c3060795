/* webdriver.h — a small W3C WebDriver client for tests: starts
 * chromedriver on a free loopback port, opens one headless Chromium
 * session and speaks the protocol's JSON over HTTP with libcurl and cJSON.
 * Every call is bounded (curl timeouts, polls with deadlines); wd_quit
 * ends the session and kills and reaps the driver's process group. */
#ifndef WEBDRIVER_H
#define WEBDRIVER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct wd {
	pid_t driver; /* chromedriver, leader of its own process group; 0 none */
	int port;
	char session[128];
	char err[512]; /* the last failure, one line */
} wd;

/* Starts `driver` (chromedriver) for `browser` (chromium) and opens a
 * headless session whose window is w x h CSS pixels. 0, or -1 with w->err
 * filled (the caller still calls wd_quit). */
int wd_start(wd *w, const char *driver, const char *browser, int width, int height);
/* Deletes the session, stops the driver and reaps it. Accepts a wd that
 * never started. */
void wd_quit(wd *w);

/* One protocol call: method, path under /session/ID (e.g. "/url"; "" for
 * the session itself), body (borrowed, NULL: none). Returns the answer's
 * "value" (caller frees with cJSON_Delete) or NULL with w->err filled. */
cJSON *wd_call(wd *w, const char *method, const char *path, const cJSON *body);

int wd_go(wd *w, const char *url);
/* The element id of the first match of a CSS selector, into id (size n).
 * 0, or -1 when none. */
int wd_find(wd *w, const char *css, char *id, size_t n);
/* Real input: clicks, or types text into, the first match of css. */
int wd_click(wd *w, const char *css);
int wd_type(wd *w, const char *css, const char *text);
/* Runs a script body (`return ...;`) with no arguments; returns its value
 * (caller frees) or NULL with w->err filled. */
cJSON *wd_js(wd *w, const char *script);
/* wd_js's value as a bool (false on failure) or as a string (caller frees;
 * NULL when it is not a string). */
bool wd_js_true(wd *w, const char *script);
char *wd_js_str(wd *w, const char *script);
/* Polls the script every 100 ms until it returns true or timeout_ms has
 * passed. true when it did. */
bool wd_wait(wd *w, const char *script, int timeout_ms);
/* Chromium's DevTools command through chromedriver (goog/cdp/execute);
 * params borrowed. 0 or -1. */
int wd_cdp(wd *w, const char *cmd, const cJSON *params);
/* The viewport as a PNG, decoded from the protocol's base64 into *png
 * (caller frees). 0 or -1. */
int wd_screenshot(wd *w, unsigned char **png, size_t *len);

/* A free TCP port on 127.0.0.1 (bound and released; 0 on failure). */
int wd_free_port(void);
/* A plain GET of url with one extra header line (may be NULL), 5 s at
 * most: the body (caller frees; NULL when none) and the HTTP status in
 * *code (0 when it did not answer). */
char *wd_get_text(const char *url, const char *header, long *code);
/* Seconds of the monotonic clock; a 100 ms pause for deadline loops. */
double wd_now(void);
void wd_nap(void);

#endif
