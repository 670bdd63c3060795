#include "httpd.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct httpd {
	int fd, port, max;
	atomic_int count;
	atomic_bool stop;
	httpd_handler h;
	void *ud;
	pthread_t th;
};

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void header_value(const char *req, const char *name, char *out, size_t cap)
{
	out[0] = '\0';
	size_t nl = strlen(name);
	for (const char *p = strstr(req, "\r\n"); p; p = strstr(p + 2, "\r\n")) {
		if (strncasecmp(p + 2, name, nl) == 0 && p[2 + nl] == ':') {
			const char *v = p + 3 + nl;
			while (*v == ' ')
				v++;
			size_t n = strcspn(v, "\r\n");
			if (n >= cap)
				n = cap - 1;
			memcpy(out, v, n);
			out[n] = '\0';
			return;
		}
	}
}

static bool send_all(httpd *s, int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0 || atomic_load(&s->stop))
			return false;
		p += k;
		n -= (size_t)k;
	}
	return true;
}

static const char *reason(int status)
{
	switch (status) {
	case 200:
		return "OK";
	case 301:
		return "Moved Permanently";
	case 302:
		return "Found";
	case 304:
		return "Not Modified";
	case 401:
		return "Unauthorized";
	case 403:
		return "Forbidden";
	case 404:
		return "Not Found";
	case 429:
		return "Too Many Requests";
	case 500:
		return "Internal Server Error";
	case 503:
		return "Service Unavailable";
	default:
		return "Status";
	}
}

/* Reads the request head, then as much of the body as Content-Length
 * says (up to the buffer). Returns the bytes read, 0 on a dead client. */
static size_t read_request(int fd, char *req, size_t cap)
{
	size_t got = 0, want = 0;
	double deadline = now_s() + 3;
	req[0] = '\0';
	for (;;) {
		char *end = strstr(req, "\r\n\r\n");
		if (end && !want) {
			char cl[32];
			header_value(req, "Content-Length", cl, sizeof cl);
			want = (size_t)(end + 4 - req) + (size_t)strtoul(cl, NULL, 10);
			if (want > cap - 1)
				want = cap - 1;
		}
		if ((want && got >= want) || got >= cap - 1)
			return got;
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (now_s() > deadline || poll(&p, 1, 100) < 0)
			return 0;
		if (!(p.revents & POLLIN))
			continue;
		ssize_t k = recv(fd, req + got, cap - 1 - got, 0);
		if (k <= 0)
			return 0;
		got += (size_t)k;
		req[got] = '\0';
	}
}

static void parse_request(const char *req, size_t got, httpd_req *r)
{
	sscanf(req, "%15s %1023s", r->method, r->path);
	header_value(req, "If-None-Match", r->if_none_match, sizeof r->if_none_match);
	header_value(req, "If-Modified-Since", r->if_modified_since, sizeof r->if_modified_since);
	header_value(req, "User-Agent", r->user_agent, sizeof r->user_agent);
	header_value(req, "Authorization", r->authorization, sizeof r->authorization);
	header_value(req, "Content-Type", r->content_type, sizeof r->content_type);
	header_value(req, "Accept", r->accept, sizeof r->accept);
	const char *end = strstr(req, "\r\n\r\n");
	if (end) {
		size_t off = (size_t)(end + 4 - req), n = got - off;
		if (n > sizeof r->body - 1)
			n = sizeof r->body - 1;
		memcpy(r->body, req + off, n);
		r->body[n] = '\0';
		r->body_len = n;
	}
}

static void serve(httpd *s, int fd)
{
	char req[16384];
	size_t got = read_request(fd, req, sizeof req);
	if (!got)
		return;
	httpd_req r = {0};
	parse_request(req, got, &r);
	httpd_resp resp = {.status = 200};
	s->h(&r, &resp, s->ud);
	atomic_fetch_add(&s->count, 1);
	if (resp.mode == HTTPD_CLOSE_EARLY)
		return;
	char head[4096];
	int hn = snprintf(head, sizeof head,
	                  "HTTP/1.1 %d %s\r\nContent-Length: %zu\r\nConnection: close\r\n%s\r\n",
	                  resp.status, reason(resp.status), resp.len, resp.headers);
	if (!send_all(s, fd, head, (size_t)hn))
		return;
	if (resp.mode == HTTPD_RESET_MID_BODY) {
		send_all(s, fd, resp.body, resp.len / 2);
		struct linger lg = {1, 0};
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
		return;
	}
	if (resp.mode == HTTPD_DRIP) {
		for (size_t i = 0; i < resp.len && !atomic_load(&s->stop); i++) {
			if (!send_all(s, fd, resp.body + i, 1))
				return;
			/* Wait between bytes, but notice at once when the client gives up. */
			struct pollfd p = {.fd = fd, .events = POLLIN | POLLRDHUP};
			char c;
			if (poll(&p, 1, resp.drip_ms) > 0 && recv(fd, &c, 1, MSG_DONTWAIT) <= 0)
				return;
		}
		return;
	}
	if (resp.body && resp.len)
		send_all(s, fd, resp.body, resp.len);
}

static void *loop(void *arg)
{
	httpd *s = arg;
	double end = now_s() + 120;
	while (!atomic_load(&s->stop) && atomic_load(&s->count) < s->max && now_s() < end) {
		struct pollfd p = {.fd = s->fd, .events = POLLIN};
		if (poll(&p, 1, 50) <= 0)
			continue;
		int c = accept(s->fd, NULL, NULL);
		if (c < 0)
			continue;
		serve(s, c);
		close(c);
	}
	return NULL;
}

httpd *httpd_start(httpd_handler h, void *ud, int max_requests)
{
	httpd *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->h = h;
	s->ud = ud;
	s->max = max_requests;
	s->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	setsockopt(s->fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t al = sizeof a;
	if (s->fd < 0 || bind(s->fd, (struct sockaddr *)&a, sizeof a) < 0 ||
	    listen(s->fd, 16) < 0 || getsockname(s->fd, (struct sockaddr *)&a, &al) < 0) {
		if (s->fd >= 0)
			close(s->fd);
		free(s);
		return NULL;
	}
	s->port = ntohs(a.sin_port);
	if (pthread_create(&s->th, NULL, loop, s)) {
		close(s->fd);
		free(s);
		return NULL;
	}
	return s;
}

int httpd_port(const httpd *s)
{
	return s->port;
}

int httpd_count(const httpd *s)
{
	return atomic_load(&((httpd *)s)->count);
}

void httpd_stop(httpd *s)
{
	if (!s)
		return;
	atomic_store(&s->stop, true);
	pthread_join(s->th, NULL);
	close(s->fd);
	free(s);
}

const char *httpd_url(const httpd *s, const char *path)
{
	static char url[1200];
	snprintf(url, sizeof url, "http://127.0.0.1:%d%s", s->port, path);
	return url;
}
