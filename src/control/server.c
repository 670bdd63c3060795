/* server.c — the MHD daemon: its options and limits, one request's life
 * (route, method, auth, body size, body read, answer), the start and
 * stop.
 *
 * Threads: MHD's internal polling threads (CTL_THREADS of them, epoll or
 * poll), not a thread per connection. A slow or idle client costs one
 * socket in the poll set, never a thread, so it cannot starve the others;
 * 128 connections would be 128 threads on a small board otherwise. The
 * one call that waits (the screenshot, up to 2 s for the loop) runs one at
 * a time (shot_lock), so another polling thread always keeps answering. */
#include "internal.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- one request ---------------------------------------------------------- */

/* What a request carries between MHD's calls. */
typedef struct ctl_req {
	const ctl_route *route;
	jk_buf body; /* capped at CONTROL_BODY_MAX */
	size_t seen; /* body bytes received */
	bool too_big;
	bool answered; /* a response was queued at the first call */
} ctl_req;

static bool client_addr(struct MHD_Connection *c, ctl_addr *out)
{
	memset(out, 0, sizeof *out);
	const union MHD_ConnectionInfo *ci =
	    ctl_mhd()->get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return false;
	const struct sockaddr *sa = ci->client_addr;
	out->family = sa->sa_family;
	if (sa->sa_family == AF_INET) {
		memcpy(out->bytes, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
	} else if (sa->sa_family == AF_INET6) {
		memcpy(out->bytes, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16);
	} else {
		return false;
	}
	return true;
}

/* The first call, headers read: everything that can be decided before the
 * body. A response queued here (answered) means the body is never read. */
static enum MHD_Result first_call(control_server *srv, struct MHD_Connection *c, ctl_req *rq,
                                  const char *url, const char *method)
{
	bool known;
	char allow[40];
	rq->route = ctl_route_find(url, method, &known, allow, sizeof allow);
	rq->answered = true;
	if (!rq->route && !known)
		return ctl_error(srv, c, MHD_HTTP_NOT_FOUND, "no such path");
	if (!rq->route) {
		char msg[80];
		snprintf(msg, sizeof msg, "method not allowed here; allowed: %s", allow);
		return ctl_error_allow(srv, c, MHD_HTTP_METHOD_NOT_ALLOWED, msg, allow);
	}
	bool open = rq->route->open || (rq->route->metrics && srv->metrics_public);
	if (!open && srv->token_len) {
		ctl_addr addr;
		bool have = client_addr(c, &addr);
		int64_t now = ctl_mono_s();
		if (have && ctl_auth_blocked(&srv->auth, &addr, now))
			return ctl_error(srv, c, MHD_HTTP_TOO_MANY_REQUESTS,
			                 "too many wrong tokens from this address; try again in a "
			                 "minute");
		const char *hdr = ctl_mhd()->lookup_connection_value(c, MHD_HEADER_KIND,
		                                                     MHD_HTTP_HEADER_AUTHORIZATION);
		if (!ctl_token_ok(hdr, srv->token, srv->token_len)) {
			/* Only a token sent and wrong counts: the page asks before
			 * it has one. */
			if (hdr && have && ctl_auth_fail(&srv->auth, &addr, now)) {
				char a[INET6_ADDRSTRLEN];
				ctl_addr_str(&addr, a, sizeof a);
				jk_log(JK_LOG_WARN, "control",
				       "%s: %d wrong tokens within %d s; refused for %d s", a,
				       CTL_FAIL_MAX, CTL_FAIL_WINDOW_S, CTL_FAIL_BLOCK_S);
			}
			return ctl_error(srv, c, MHD_HTTP_UNAUTHORIZED,
			                 hdr ? "wrong token" : "a bearer token is required");
		}
	}
	const char *cl =
	    ctl_mhd()->lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl) {
		char *end;
		unsigned long long n = strtoull(cl, &end, 10);
		if (end == cl || *end || n > CONTROL_BODY_MAX)
			return ctl_error(srv, c, MHD_HTTP_CONTENT_TOO_LARGE,
			                 "request body over 4096 bytes");
	}
	rq->body.limit = CONTROL_BODY_MAX + 1;
	rq->answered = false;
	return MHD_YES;
}

/* The path is matched as sent: nothing is unescaped, so "/%2e%2e/" or
 * "/api/status%00" can never turn into a route. */
static size_t keep_escaped(void *cls, struct MHD_Connection *c, char *s)
{
	return strlen(s);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	control_server *srv = cls;
	ctl_req *rq = *con_cls;
	if (!rq) {
		rq = calloc(1, sizeof *rq);
		if (!rq)
			return MHD_NO;
		*con_cls = rq;
		return first_call(srv, c, rq, url, method);
	}
	if (rq->answered) { /* the rest of a refused body is dropped */
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		/* Counted while read: a body sent in chunks has no length to
		 * refuse up front. MHD cannot answer before the body ends, so the
		 * rest is read and dropped, up to CTL_DROP_MAX; beyond that the
		 * connection is closed without an answer. */
		rq->seen += *upload_data_size;
		if (!rq->too_big && jk_buf_append(&rq->body, upload_data, *upload_data_size))
			rq->too_big = true;
		*upload_data_size = 0;
		return rq->seen > CTL_DROP_MAX ? MHD_NO : MHD_YES;
	}
	rq->answered = true;
	if (rq->too_big)
		return ctl_error(srv, c, MHD_HTTP_CONTENT_TOO_LARGE,
		                 "request body over 4096 bytes");
	return rq->route->handler(srv, c, rq->body.data ? rq->body.data : "", rq->body.len);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	ctl_req *rq = *con_cls;
	if (!rq)
		return;
	jk_buf_free(&rq->body);
	free(rq);
	*con_cls = NULL;
}

/* MHD's own messages (a bad TLS key, the connection limit reached) go to
 * the log, at most CTL_LOG_PER_MIN a minute: a flood of connections must
 * not become a flood of lines. The last one while starting is kept for
 * the error. */
__attribute__((format(printf, 2, 0))) static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	control_server *srv = cls;
	char line[200];
	vsnprintf(line, sizeof line, fmt, ap);
	size_t n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == ' '))
		line[--n] = 0;
	jk_one_line(line);
	int64_t now = ctl_mono_s();
	pthread_mutex_lock(&srv->log_lock);
	if (srv->starting && !srv->mhd_error[0]) /* the first says most */
		snprintf(srv->mhd_error, sizeof srv->mhd_error, "%s", line);
	unsigned dropped = 0;
	if (now - srv->log_window >= 60) {
		dropped = srv->log_dropped;
		srv->log_window = now;
		srv->log_count = 0;
		srv->log_dropped = 0;
	}
	bool show = srv->log_count < CTL_LOG_PER_MIN;
	if (show)
		srv->log_count++;
	else
		srv->log_dropped++;
	pthread_mutex_unlock(&srv->log_lock);
	if (dropped)
		jk_log(JK_LOG_WARN, "control", "libmicrohttpd: %u more messages not shown",
		       dropped);
	if (show)
		jk_log(JK_LOG_WARN, "control", "libmicrohttpd: %s", line);
}

/* ---- start and stop ---------------------------------------------------------- */

static int read_pem(const char *what, const char *path, char **out, jk_err *err)
{
	size_t len;
	jk_err e = {0};
	int r = jk_read_file(path, 1 << 20, out, &len, &e);
	if (r)
		return jk_fail(err, r, "%s %s: %s", what, path, e.msg);
	if (!strstr(*out, "-----BEGIN "))
		return jk_fail(err, JK_EFORMAT, "%s %s: not a PEM file (no -----BEGIN line)", what,
		               path);
	return 0;
}

static void wipe_free(char *s)
{
	if (s)
		explicit_bzero(s, strlen(s));
	free(s);
}

static void server_free(control_server *s)
{
	if (!s)
		return;
	wipe_free(s->token);
	free(s->cert_pem);
	wipe_free(s->key_pem);
	free(s->version);
	ctl_snap_put(s->snap);
	pthread_mutex_destroy(&s->snap_lock);
	pthread_mutex_destroy(&s->shot_lock);
	pthread_mutex_destroy(&s->log_lock);
	ctl_auth_destroy(&s->auth);
	free(s);
}

static int start(const control_opts *o, control_server **out, jk_err *err);

int control_start(const control_opts *o, control_server **out, jk_err *err)
{
	jk_err e = {0};
	int r = start(o, out, &e);
	if (r) {
		jk_log(JK_LOG_ERR, "control", "%s", e.msg);
		if (err)
			*err = e;
	}
	return r;
}

/* control_start with err not NULL. */
static int start(const control_opts *o, control_server **out, jk_err *err)
{
	*out = NULL;
	int r = control_check(o, err);
	if (!r)
		r = ctl_mhd_load(err);
	if (r)
		return r;
	control_server *s = calloc(1, sizeof *s);
	if (!s)
		return jk_fail(err, JK_ENOMEM, "control server: out of memory");
	pthread_mutex_init(&s->snap_lock, NULL);
	pthread_mutex_init(&s->shot_lock, NULL);
	pthread_mutex_init(&s->log_lock, NULL);
	s->log_window = ctl_mono_s();
	ctl_auth_init(&s->auth);
	for (size_t i = 0; i < CTL_CODES; i++)
		atomic_init(&s->codes[i], 0);
	s->token = o->token && *o->token ? strdup(o->token) : NULL;
	s->token_len = s->token ? strlen(s->token) : 0;
	s->metrics_public = o->metrics_public;
	s->version = strdup(o->version ? o->version : JOBKIOSK_VERSION);
	s->command = o->command;
	s->screenshot = o->screenshot;
	s->ud = o->ud;
	s->started = (int64_t)time(NULL);
	int fd = -1;
	if ((o->token && *o->token && !s->token) || !s->version) {
		r = jk_fail(err, JK_ENOMEM, "control server: out of memory");
		goto fail;
	}
	s->tls = o->cert && *o->cert;
	if (s->tls) {
		if (!ctl_mhd()->is_feature_supported(MHD_FEATURE_TLS)) {
			r = jk_fail(
			    err, JK_EUNSUPPORTED,
			    "control server: this libmicrohttpd has no TLS; unset control_cert");
			goto fail;
		}
		r = read_pem("control_cert", o->cert, &s->cert_pem, err);
		if (!r)
			r = read_pem("control_key", o->key, &s->key_pem, err);
		if (r)
			goto fail;
	}
	bool v6 = false;
	r = ctl_listen_socket(o->listen, &fd, &s->port, &v6, err);
	if (r)
		goto fail;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG |
	                 (v6 ? MHD_USE_IPv6 : 0) | (s->tls ? MHD_USE_TLS : 0);
	struct MHD_OptionItem tls_opts[] = {
	    {s->tls ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, s->cert_pem},
	    {MHD_OPTION_HTTPS_MEM_KEY, 0, s->key_pem},
	    {MHD_OPTION_END, 0, NULL},
	};
	s->starting = true; /* MHD's threads may log before it returns */
	s->daemon = ctl_mhd()->start_daemon(
	    flags, 0, NULL, NULL, on_request, s, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, s,
	    MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
	    MHD_OPTION_UNESCAPE_CALLBACK, keep_escaped, NULL, MHD_OPTION_THREAD_POOL_SIZE,
	    (unsigned)CTL_THREADS, MHD_OPTION_CONNECTION_LIMIT, (unsigned)CTL_CONN_MAX,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)CTL_CONN_PER_IP,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CTL_TIMEOUT_S,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CTL_CONN_MEMORY, MHD_OPTION_ARRAY, tls_opts,
	    MHD_OPTION_END);
	pthread_mutex_lock(&s->log_lock);
	s->starting = false;
	char why[sizeof s->mhd_error];
	snprintf(why, sizeof why, "%s",
	         s->mhd_error[0] ? s->mhd_error : "libmicrohttpd did not start");
	pthread_mutex_unlock(&s->log_lock);
	if (!s->daemon) {
		close(fd);
		if (s->tls)
			r = jk_fail(
			    err, JK_EIO,
			    "control server: control_cert %s / control_key %s cannot be used: %s",
			    o->cert, o->key, why);
		else
			r = jk_fail(err, JK_EIO, "control server: cannot serve on %s: %s",
			            o->listen, why);
		goto fail;
	}
	const char *host = o->listen;
	const char *colon = strrchr(host, ':');
	snprintf(s->where, sizeof s->where, "%s://%.*s:%d", s->tls ? "https" : "http",
	         (int)(colon - host), host, s->port);
	jk_log(JK_LOG_INFO, "control", "control server on %s%s", s->where,
	       s->token ? "" : " (no token: loopback only)");
	*out = s;
	return 0;
fail:
	server_free(s);
	return r;
}

int control_port(const control_server *s)
{
	return s ? s->port : 0;
}

void control_stop(control_server *s)
{
	if (!s)
		return;
	ctl_mhd()->stop_daemon(s->daemon); /* s exists: the library is loaded */
	server_free(s);
}
