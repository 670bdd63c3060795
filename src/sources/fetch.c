/* fetch.c — one careful HTTP request (GET, or POST with a body) with libcurl,
 * opened when the first network source needs it (jk_dl_load). */
#include "fetch.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The libcurl functions fetch calls, filled by jk_dl_load. */
static struct curl_fns {
	__typeof__(curl_global_init) *global_init;
	__typeof__(curl_global_cleanup) *global_cleanup;
	__typeof__(curl_easy_init) *easy_init;
	__typeof__(curl_easy_setopt) *easy_setopt;
	__typeof__(curl_easy_perform) *easy_perform;
	__typeof__(curl_easy_getinfo) *easy_getinfo;
	__typeof__(curl_easy_strerror) *easy_strerror;
	__typeof__(curl_easy_cleanup) *easy_cleanup;
	__typeof__(curl_slist_append) *slist_append;
	__typeof__(curl_slist_free_all) *slist_free_all;
} curl;

#define CURL_FN(member) JK_DL_SYM(struct curl_fns, member, "curl_" #member)
static const jk_dl_sym curl_syms[] = {
    CURL_FN(global_init),  CURL_FN(global_cleanup), CURL_FN(easy_init),     CURL_FN(easy_setopt),
    CURL_FN(easy_perform), CURL_FN(easy_getinfo),   CURL_FN(easy_strerror), CURL_FN(easy_cleanup),
    CURL_FN(slist_append), CURL_FN(slist_free_all),
};

static jk_dl curl_lib =
    JK_DL_INIT("libcurl.so.4", "network sources need", "JK_TEST_LIBCURL", curl_syms, &curl, NULL);

typedef struct transfer {
	jk_buf body;
	fetch_response *resp;
	bool over_cap;
	const atomic_bool *cancel;
} transfer;

int fetch_global_init(jk_err *err)
{
	int r = jk_dl_load(&curl_lib, err);
	if (r)
		return r;
	CURLcode c = curl.global_init(CURL_GLOBAL_DEFAULT);
	if (c)
		return jk_fail(err, JK_EIO, "libcurl init failed: %s", curl.easy_strerror(c));
	return JK_OK;
}

void fetch_global_cleanup(void)
{
	if (!jk_dl_load(&curl_lib, NULL))
		curl.global_cleanup();
}

bool fetch_is_url(const char *s)
{
	return s && (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0);
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *ud)
{
	transfer *t = ud;
	size_t n = size * nmemb;
	int r = jk_buf_append(&t->body, ptr, n);
	if (r == JK_ETOOBIG)
		t->over_cap = true;
	return r ? 0 : n; /* returning less than n aborts the transfer */
}

static void set_header(char **field, const char *v, size_t n)
{
	while (n && (v[n - 1] == '\r' || v[n - 1] == '\n' || v[n - 1] == ' '))
		n--;
	while (n && (*v == ' ' || *v == '\t'))
		v++, n--;
	free(*field);
	*field = n && n < 1024 ? jk_strndup(v, n) : NULL;
}

/* Parses a header value as a number of seconds; -1 when it is not one. */
static long seconds_value(const char *v, size_t n)
{
	long s = 0;
	size_t i = 0;
	while (i < n && (v[i] == ' ' || v[i] == '\t'))
		i++;
	if (i == n || v[i] < '0' || v[i] > '9')
		return -1;
	for (; i < n && v[i] >= '0' && v[i] <= '9'; i++)
		if ((s = s * 10 + (v[i] - '0')) > 365L * 86400)
			s = 365L * 86400; /* clamp absurd values */
	return s;
}

static size_t on_header(char *buf, size_t size, size_t nitems, void *ud)
{
	transfer *t = ud;
	fetch_response *r = t->resp;
	size_t n = size * nitems;
	if (n >= 5 && strncmp(buf, "HTTP/", 5) == 0) {
		/* A new response (after a redirect or 100): forget the last one's. */
		set_header(&r->etag, "", 0);
		set_header(&r->last_modified, "", 0);
		set_header(&r->content_type, "", 0);
		r->max_age = r->retry_after = -1;
		return n;
	}
	const char *colon = memchr(buf, ':', n);
	if (!colon)
		return n;
	size_t klen = (size_t)(colon - buf);
	const char *v = colon + 1;
	size_t vlen = n - klen - 1;
	if (klen == 4 && strncasecmp(buf, "ETag", 4) == 0)
		set_header(&r->etag, v, vlen);
	else if (klen == 13 && strncasecmp(buf, "Last-Modified", 13) == 0)
		set_header(&r->last_modified, v, vlen);
	else if (klen == 12 && strncasecmp(buf, "Content-Type", 12) == 0)
		set_header(&r->content_type, v, vlen);
	else if (klen == 13 && strncasecmp(buf, "Cache-Control", 13) == 0) {
		char tmp[256];
		size_t k = vlen < sizeof tmp - 1 ? vlen : sizeof tmp - 1;
		memcpy(tmp, v, k);
		tmp[k] = '\0';
		const char *m = jk_strcasestr(tmp, "max-age=");
		if (m)
			r->max_age = seconds_value(m + 8, strlen(m + 8));
		if (jk_strcasestr(tmp, "no-cache") || jk_strcasestr(tmp, "no-store"))
			r->max_age = 0;
	}
	return n;
}

static int on_progress(void *ud, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
	transfer *t = ud;
	return t->cancel && atomic_load(t->cancel) ? 1 : 0;
}

static int http_error(long status, jk_err *err)
{
	const char *why = status == 404   ? "not found"
	                  : status == 401 ? "needs a login"
	                  : status == 403 ? "forbidden"
	                  : status == 410 ? "gone"
	                  : status == 429 ? "too many requests"
	                  : status == 503 ? "service unavailable"
	                  : status >= 500 ? "server error"
	                                  : "refused";
	return jk_fail(err, JK_EIO, "HTTP %ld (%s)", status, why);
}

enum { FETCH_MAX_HEADER = 4096 };

/* A header line we may send: "Name: value", printable, one line. */
static bool header_ok(const char *h)
{
	size_t n = strlen(h);
	const char *colon = strchr(h, ':');
	if (!n || n > FETCH_MAX_HEADER || !colon || colon == h)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)h[i] < ' ' && h[i] != '\t')
			return false;
	return true;
}

static struct curl_slist *add_header(struct curl_slist *hdr, const char *line, bool *oom)
{
	struct curl_slist *n = curl.slist_append(hdr, line);
	if (!n)
		*oom = true;
	return n ? n : hdr;
}

/* The request's headers: the validators of what is cached, the body's
 * type and the caller's lines. *out (may stay NULL) is freed with
 * curl.slist_free_all(), also on failure. */
static int request_headers(const fetch_request *req, struct curl_slist **out, jk_err *err)
{
	struct curl_slist *hdr = NULL;
	char line[1200];
	bool oom = false;
	if (req->etag && strlen(req->etag) < 1000) {
		snprintf(line, sizeof line, "If-None-Match: %s", req->etag);
		hdr = add_header(hdr, line, &oom);
	}
	if (req->last_modified && strlen(req->last_modified) < 1000) {
		snprintf(line, sizeof line, "If-Modified-Since: %s", req->last_modified);
		hdr = add_header(hdr, line, &oom);
	}
	if (req->body) {
		const char *t = req->body_type ? req->body_type : "application/octet-stream";
		snprintf(line, sizeof line, "Content-Type: %.200s", t);
		hdr = add_header(hdr, line, &oom);
		/* Small bodies go at once: no waiting for a 100 Continue. */
		hdr = add_header(hdr, "Expect:", &oom);
	}
	int r = JK_OK;
	for (size_t i = 0; req->headers && req->headers[i] && !r; i++) {
		if (!header_ok(req->headers[i]))
			r = jk_fail(err, JK_EARG, "request header %zu is not one printable line",
			            i + 1);
		else
			hdr = add_header(hdr, req->headers[i], &oom);
	}
	*out = hdr;
	if (!r && oom)
		r = jk_fail(err, JK_ENOMEM, "out of memory");
	return r;
}

/* Every limit and check of a careful request: http(s) only, also on redirects,
 * time and size caps, certificates verified. */
static void set_options(CURL *c, const fetch_request *req, size_t cap, transfer *t,
                        struct curl_slist *hdr, char *errbuf)
{
	const fetch_limits *l = &req->limits;
	curl.easy_setopt(c, CURLOPT_URL, req->url);
	curl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS,
	                 l->connect_timeout_ms ? l->connect_timeout_ms : 10000L);
	curl.easy_setopt(c, CURLOPT_TIMEOUT_MS, l->timeout_ms ? l->timeout_ms : 60000L);
	curl.easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, l->low_speed_bytes ? l->low_speed_bytes : 64L);
	curl.easy_setopt(c, CURLOPT_LOW_SPEED_TIME,
	                 l->low_speed_seconds ? l->low_speed_seconds : 20L);
	curl.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)cap);
	curl.easy_setopt(c, CURLOPT_USERAGENT, FETCH_USER_AGENT);
	curl.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl.easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl.easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (l->ca_file) {
		/* Added to the system's CAs, not instead of them. */
		curl.easy_setopt(c, CURLOPT_CAINFO, l->ca_file);
		curl.easy_setopt(c, CURLOPT_CAPATH, "/etc/ssl/certs");
	}
	curl.easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	if (req->body) {
		curl.easy_setopt(c, CURLOPT_POSTFIELDS, req->body);
		curl.easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
	}
	curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl.easy_setopt(c, CURLOPT_WRITEDATA, t);
	curl.easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl.easy_setopt(c, CURLOPT_HEADERDATA, t);
	curl.easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl.easy_setopt(c, CURLOPT_XFERINFODATA, t);
	curl.easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl.easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
}

/* The outcome of curl.easy_perform() as one status and one line. */
static int outcome(CURLcode cc, const fetch_response *resp, const transfer *t, size_t cap,
                   const char *errbuf, jk_err *err)
{
	if (cc == CURLE_OK) {
		if (resp->status == 304 || (resp->status >= 200 && resp->status <= 299))
			return JK_OK;
		return http_error(resp->status, err);
	}
	if (t->over_cap || cc == CURLE_FILESIZE_EXCEEDED)
		return jk_fail(err, JK_ETOOBIG, "body over the %.1f MB limit", (double)cap / 1e6);
	if (cc == CURLE_OPERATION_TIMEDOUT)
		return jk_fail(err, JK_EIO, "timed out (%s)", errbuf[0] ? errbuf : "too slow");
	if (cc == CURLE_TOO_MANY_REDIRECTS)
		return jk_fail(err, JK_EIO, "too many redirects (more than 5)");
	if (cc == CURLE_UNSUPPORTED_PROTOCOL)
		return jk_fail(err, JK_EIO, "redirected to a scheme other than http/https");
	if (cc == CURLE_PEER_FAILED_VERIFICATION || cc == CURLE_SSL_CACERT_BADFILE ||
	    cc == CURLE_SSL_CONNECT_ERROR)
		return jk_fail(err, JK_EIO, "TLS certificate not trusted or handshake failed: %s",
		               errbuf[0] ? errbuf : curl.easy_strerror(cc));
	if (cc == CURLE_ABORTED_BY_CALLBACK)
		return jk_fail(err, JK_EIO, "cancelled");
	return jk_fail(err, JK_EIO, "%s", errbuf[0] ? errbuf : curl.easy_strerror(cc));
}

int fetch_get(const fetch_request *req, fetch_response *resp, jk_err *err)
{
	memset(resp, 0, sizeof *resp);
	resp->max_age = resp->retry_after = -1;
	if (!fetch_is_url(req->url))
		return jk_fail(err, JK_EARG, "not an http or https URL");
	int lr = jk_dl_load(&curl_lib, err);
	if (lr)
		return lr;
	const fetch_limits *l = &req->limits;
	size_t cap = l->max_bytes ? l->max_bytes : FETCH_DEFAULT_MAX_BYTES;
	transfer t = {.body = {.limit = cap}, .resp = resp, .cancel = l->cancel};
	CURL *c = curl.easy_init();
	if (!c)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	struct curl_slist *hdr = NULL;
	int hr = request_headers(req, &hdr, err);
	if (hr) {
		curl.slist_free_all(hdr);
		curl.easy_cleanup(c);
		return hr;
	}
	char errbuf[CURL_ERROR_SIZE] = "";
	set_options(c, req, cap, &t, hdr, errbuf);

	CURLcode cc = curl.easy_perform(c);
	curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
	char *eff = NULL;
	if (curl.easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff)
		resp->final_url = strdup(eff);
	curl_off_t ra = -1;
	if (curl.easy_getinfo(c, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
		resp->retry_after = ra > 365L * 86400 ? 365L * 86400 : (long)ra;
	int r = outcome(cc, resp, &t, cap, errbuf, err);
	if (!r && resp->status == 304)
		resp->not_modified = true;
	if (!r) {
		resp->len = t.body.len;
		resp->body = jk_buf_detach(&t.body);
		if (!resp->body)
			r = jk_fail(err, JK_ENOMEM, "out of memory");
	}
	jk_buf_free(&t.body);
	curl.slist_free_all(hdr);
	curl.easy_cleanup(c);
	return r;
}

void fetch_response_free(fetch_response *resp)
{
	if (!resp)
		return;
	free(resp->body);
	free(resp->content_type);
	free(resp->etag);
	free(resp->last_modified);
	free(resp->final_url);
	memset(resp, 0, sizeof *resp);
}
