/* webdriver.c — the W3C WebDriver client of tests/webdriver.h. */
#include "webdriver.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WD_ELEMENT "element-6066-11e4-a52e-4f735466cecf"
#define WD_BODY_MAX (64u << 20) /* a full-page screenshot in base64 */

double wd_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void wd_nap(void)
{
	struct timespec t = {0, 100 * 1000 * 1000};
	nanosleep(&t, NULL);
}

typedef struct wd_buf {
	char *data;
	size_t len;
	bool over;
} wd_buf;

static size_t wd_write(char *p, size_t size, size_t n, void *ud)
{
	wd_buf *b = ud;
	size_t add = size * n;
	if (b->len + add > WD_BODY_MAX) {
		b->over = true;
		return 0;
	}
	char *d = realloc(b->data, b->len + add + 1);
	if (!d)
		return 0;
	memcpy(d + b->len, p, add);
	b->data = d;
	b->len += add;
	d[b->len] = '\0';
	return add;
}

/* One HTTP exchange: method, url, one header line (may be NULL), a body
 * to send (NULL: none). The answer's body (caller frees; NULL when
 * empty), its status in *code (0: no answer), curl's result in *rc. */
static char *wd_exchange(const char *method, const char *url, const char *header, const char *send,
                         long timeout_s, long *code, CURLcode *rc)
{
	*code = 0;
	*rc = CURLE_FAILED_INIT;
	CURL *c = curl_easy_init();
	if (!c)
		return NULL;
	wd_buf b = {0};
	struct curl_slist *h = header ? curl_slist_append(NULL, header) : NULL;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_s);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, wd_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	if (send)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, send);
	*rc = curl_easy_perform(c);
	if (*rc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, code);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	if (*rc == CURLE_WRITE_ERROR && b.over)
		*rc = CURLE_FILESIZE_EXCEEDED;
	return b.data;
}

char *wd_get_text(const char *url, const char *header, long *code)
{
	CURLcode rc;
	return wd_exchange("GET", url, header, NULL, 5, code, &rc);
}

/* One exchange with the driver; the parsed JSON answer (caller frees)
 * and its HTTP status, or NULL with w->err. */
static cJSON *wd_http(wd *w, const char *method, const char *url, const cJSON *body, long timeout_s,
                      long *code)
{
	char *text = body ? cJSON_PrintUnformatted(body) : NULL;
	CURLcode rc;
	char *answer = wd_exchange(method, url, "Content-Type: application/json",
	                           text                          ? text
	                           : strcmp(method, "POST") == 0 ? "{}"
	                                                         : NULL,
	                           timeout_s, code, &rc);
	cJSON_free(text);
	cJSON *j = NULL;
	if (rc != CURLE_OK)
		snprintf(w->err, sizeof w->err, "%s %s: %s", method, url, curl_easy_strerror(rc));
	else if (!(j = cJSON_Parse(answer ? answer : "")))
		snprintf(w->err, sizeof w->err, "%s %s: HTTP %ld, not JSON", method, url, *code);
	free(answer);
	return j;
}

/* The "value" of a protocol answer, detached (caller frees), or NULL with
 * the protocol's error and the first line of its message in w->err. */
static cJSON *wd_value(wd *w, const char *method, const char *url, const cJSON *body,
                       long timeout_s)
{
	long code = 0;
	cJSON *j = wd_http(w, method, url, body, timeout_s, &code);
	if (!j)
		return NULL;
	cJSON *v = cJSON_DetachItemFromObject(j, "value");
	if (code != 200) {
		const char *e = cJSON_GetStringValue(cJSON_GetObjectItem(v, "error"));
		const char *m = cJSON_GetStringValue(cJSON_GetObjectItem(v, "message"));
		snprintf(w->err, sizeof w->err, "%s %s: HTTP %ld %s: %.*s", method, url, code,
		         e ? e : "?", m ? (int)strcspn(m, "\n") : 0, m ? m : "");
		cJSON_Delete(v);
		v = NULL;
	} else if (!v) {
		v = cJSON_CreateNull();
	}
	cJSON_Delete(j);
	return v;
}

int wd_free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return 0;
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	int port = 0;
	if (bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
	    getsockname(fd, (struct sockaddr *)&a, &len) == 0)
		port = ntohs(a.sin_port);
	close(fd);
	return port;
}

/* The driver's own process group: chromium and its helpers go with it. */
static pid_t wd_spawn(const char *driver, int port)
{
	char arg[32];
	snprintf(arg, sizeof arg, "--port=%d", port);
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		execl(driver, driver, arg, "--log-level=SEVERE", (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		setpgid(pid, pid);
	return pid;
}

static cJSON *wd_caps(const char *browser, int width, int height)
{
	char size[64];
	snprintf(size, sizeof size, "--window-size=%d,%d", width, height);
	const char *args[] = {"--headless=new",    "--no-sandbox",
	                      "--disable-gpu",     "--disable-dev-shm-usage",
	                      "--no-first-run",    "--disable-extensions",
	                      "--hide-scrollbars", size};
	cJSON *root = cJSON_CreateObject();
	cJSON *always =
	    cJSON_AddObjectToObject(cJSON_AddObjectToObject(root, "capabilities"), "alwaysMatch");
	cJSON_AddStringToObject(always, "browserName", "chrome");
	cJSON *opts = cJSON_AddObjectToObject(always, "goog:chromeOptions");
	cJSON_AddStringToObject(opts, "binary", browser);
	cJSON_AddItemToObject(opts, "args",
	                      cJSON_CreateStringArray(args, (int)(sizeof args / sizeof *args)));
	return root;
}

int wd_start(wd *w, const char *driver, const char *browser, int width, int height)
{
	memset(w, 0, sizeof *w);
	if (access(driver, X_OK) != 0 || access(browser, X_OK) != 0) {
		snprintf(w->err, sizeof w->err,
		         "%s is missing: the browser test needs chromium and chromedriver "
		         "(Debian packages chromium, chromium-driver; platform/install-deps.sh)",
		         access(driver, X_OK) != 0 ? driver : browser);
		return -1;
	}
	w->port = wd_free_port();
	if (!w->port || (w->driver = wd_spawn(driver, w->port)) <= 0) {
		w->driver = 0;
		snprintf(w->err, sizeof w->err, "could not start %s: %s", driver, strerror(errno));
		return -1;
	}
	char url[128];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/status", w->port);
	bool ready = false;
	for (double end = wd_now() + 30; !ready && wd_now() < end;) {
		int st;
		if (waitpid(w->driver, &st, WNOHANG) == w->driver) {
			w->driver = 0;
			snprintf(w->err, sizeof w->err, "%s exited at start (status %d)", driver,
			         st);
			return -1;
		}
		long code = 0;
		cJSON *j = wd_http(w, "GET", url, NULL, 2, &code);
		ready = cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "value"), "ready"));
		cJSON_Delete(j);
		if (!ready)
			wd_nap();
	}
	if (!ready) {
		snprintf(w->err, sizeof w->err, "%s did not answer on port %d in 30 s", driver,
		         w->port);
		return -1;
	}
	snprintf(url, sizeof url, "http://127.0.0.1:%d/session", w->port);
	cJSON *caps = wd_caps(browser, width, height);
	cJSON *v = wd_value(w, "POST", url, caps, 90);
	cJSON_Delete(caps);
	const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(v, "sessionId"));
	if (id)
		snprintf(w->session, sizeof w->session, "%s", id);
	cJSON_Delete(v);
	return id ? 0 : -1;
}

void wd_quit(wd *w)
{
	if (w->session[0]) {
		cJSON_Delete(wd_call(w, "DELETE", "", NULL));
		w->session[0] = '\0';
	}
	if (w->driver <= 0)
		return;
	kill(-w->driver, SIGTERM);
	int st;
	bool gone = false;
	for (double end = wd_now() + 5; !gone && wd_now() < end;)
		if (!(gone = waitpid(w->driver, &st, WNOHANG) == w->driver))
			wd_nap();
	kill(-w->driver, SIGKILL); /* what is left of the group: chromium's helpers */
	if (!gone)
		waitpid(w->driver, &st, 0);
	w->driver = 0;
}

cJSON *wd_call(wd *w, const char *method, const char *path, const cJSON *body)
{
	char url[512];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/session/%s%s", w->port, w->session, path);
	return wd_value(w, method, url, body, 60);
}

int wd_go(wd *w, const char *url)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "url", url);
	cJSON *v = wd_call(w, "POST", "/url", b);
	cJSON_Delete(b);
	cJSON_Delete(v);
	return v ? 0 : -1;
}

int wd_find(wd *w, const char *css, char *id, size_t n)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "using", "css selector");
	cJSON_AddStringToObject(b, "value", css);
	cJSON *v = wd_call(w, "POST", "/element", b);
	cJSON_Delete(b);
	const char *e = cJSON_GetStringValue(cJSON_GetObjectItem(v, WD_ELEMENT));
	if (e)
		snprintf(id, n, "%s", e);
	cJSON_Delete(v);
	return e ? 0 : -1;
}

/* POST /element/ID/what with body on the first match of css. */
static int wd_element(wd *w, const char *css, const char *what, const cJSON *body)
{
	char id[128], path[256];
	if (wd_find(w, css, id, sizeof id))
		return -1;
	snprintf(path, sizeof path, "/element/%s/%s", id, what);
	cJSON *v = wd_call(w, "POST", path, body);
	cJSON_Delete(v);
	return v ? 0 : -1;
}

int wd_click(wd *w, const char *css)
{
	cJSON *b = cJSON_CreateObject();
	int rc = wd_element(w, css, "click", b);
	cJSON_Delete(b);
	return rc;
}

int wd_type(wd *w, const char *css, const char *text)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "text", text);
	int rc = wd_element(w, css, "value", b);
	cJSON_Delete(b);
	return rc;
}

cJSON *wd_js(wd *w, const char *script)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "script", script);
	cJSON_AddArrayToObject(b, "args");
	cJSON *v = wd_call(w, "POST", "/execute/sync", b);
	cJSON_Delete(b);
	return v;
}

bool wd_js_true(wd *w, const char *script)
{
	cJSON *v = wd_js(w, script);
	bool t = cJSON_IsTrue(v);
	cJSON_Delete(v);
	return t;
}

char *wd_js_str(wd *w, const char *script)
{
	cJSON *v = wd_js(w, script);
	const char *s = cJSON_GetStringValue(v);
	char *copy = s ? strdup(s) : NULL;
	cJSON_Delete(v);
	return copy;
}

bool wd_wait(wd *w, const char *script, int timeout_ms)
{
	w->err[0] = '\0';
	for (double end = wd_now() + timeout_ms / 1000.0; wd_now() < end; wd_nap())
		if (wd_js_true(w, script))
			return true;
	return wd_js_true(w, script);
}

int wd_cdp(wd *w, const char *cmd, const cJSON *params)
{
	cJSON *b = cJSON_CreateObject();
	cJSON_AddStringToObject(b, "cmd", cmd);
	cJSON_AddItemReferenceToObject(b, "params", (cJSON *)params);
	cJSON *v = wd_call(w, "POST", "/goog/cdp/execute", b);
	cJSON_Delete(b);
	cJSON_Delete(v);
	return v ? 0 : -1;
}

static int wd_b64(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

int wd_screenshot(wd *w, unsigned char **png, size_t *len)
{
	cJSON *v = wd_call(w, "GET", "/screenshot", NULL);
	const char *s = cJSON_GetStringValue(v);
	*png = NULL;
	*len = 0;
	unsigned char *out = s ? malloc(strlen(s) / 4 * 3 + 3) : NULL;
	size_t n = 0;
	unsigned acc = 0;
	int bits = 0;
	for (const char *p = s; out && *p && *p != '='; p++) {
		int d = wd_b64((unsigned char)*p);
		if (d < 0)
			continue; /* line breaks */
		acc = acc << 6 | (unsigned)d;
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[n++] = (unsigned char)(acc >> bits);
		}
	}
	cJSON_Delete(v);
	if (!out)
		return -1;
	*png = out;
	*len = n;
	return 0;
}
