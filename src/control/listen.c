/* listen.c — control_listen: "ADDRESS:PORT" parsed (IPv4, [IPv6] or
 * localhost, nothing looked up), whether it stays on this machine, the
 * check every start makes, and the socket bound here so a failure names
 * the address and the reason. */
#include "internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool v6_loopback(const struct in6_addr *a)
{
	if (IN6_IS_ADDR_LOOPBACK(a))
		return true;
	/* ::ffff:127.x.y.z */
	return IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127;
}

static int addr_parse(const char *spec, struct sockaddr_storage *sa, socklen_t *salen,
                      bool *loopback, jk_err *err)
{
	memset(sa, 0, sizeof *sa);
	*salen = 0;
	*loopback = false;
	if (!spec || !*spec)
		return jk_fail(err, JK_EARG,
		               "control_listen: empty; write ADDRESS:PORT such as "
		               "127.0.0.1:8080");
	size_t n = strlen(spec);
	if (n > 64)
		return jk_fail(err, JK_EARG,
		               "control_listen: %zu bytes is too long for ADDRESS:PORT", n);
	char host[65];
	const char *colon;
	const char *shown = spec;
	if (spec[0] == '[') {
		const char *close = strchr(spec, ']');
		if (!close)
			return jk_fail(err, JK_EARG, "control_listen %s: '[' without ']'", shown);
		if (close[1] != ':')
			return jk_fail(
			    err, JK_EARG,
			    "control_listen %s: no port after ']' (write [ADDRESS]:PORT)", shown);
		memcpy(host, spec + 1, (size_t)(close - spec - 1));
		host[close - spec - 1] = 0;
		colon = close + 1;
	} else {
		colon = strrchr(spec, ':');
		if (!colon)
			return jk_fail(err, JK_EARG,
			               "control_listen %s: no port (write ADDRESS:PORT)", shown);
		if (memchr(spec, ':', (size_t)(colon - spec)))
			return jk_fail(
			    err, JK_EARG,
			    "control_listen %s: write an IPv6 address in brackets, as [::1]:8080",
			    shown);
		memcpy(host, spec, (size_t)(colon - spec));
		host[colon - spec] = 0;
	}
	const char *p = colon + 1;
	if (!*p)
		return jk_fail(err, JK_EARG, "control_listen %s: no port after ':'", shown);
	long port = 0;
	for (const char *q = p; *q; q++) {
		if (*q < '0' || *q > '9')
			return jk_fail(err, JK_EARG, "control_listen %s: port is not a number",
			               shown);
		port = port * 10 + (*q - '0');
		if (port > 65535)
			return jk_fail(err, JK_EARG, "control_listen %s: port above 65535", shown);
	}
	if (!*host)
		return jk_fail(err, JK_EARG, "control_listen %s: no address before the port",
		               shown);
	if (spec[0] == '[') {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)sa;
		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			return jk_fail(err, JK_EARG, "control_listen %s: not an IPv6 address",
			               shown);
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		*salen = sizeof *s6;
		*loopback = v6_loopback(&s6->sin6_addr);
		return 0;
	}
	struct sockaddr_in *s4 = (struct sockaddr_in *)sa;
	if (!strcmp(host, "localhost")) {
		s4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	} else if (inet_pton(AF_INET, host, &s4->sin_addr) != 1) {
		return jk_fail(err, JK_EARG,
		               "control_listen %s: not an IPv4 address, [IPv6] or localhost (host "
		               "names are not looked up)",
		               shown);
	}
	s4->sin_family = AF_INET;
	s4->sin_port = htons((uint16_t)port);
	*salen = sizeof *s4;
	*loopback = (ntohl(s4->sin_addr.s_addr) >> 24) == 127;
	return 0;
}

int ctl_addr_parse(const char *spec, struct sockaddr_storage *sa, socklen_t *salen, bool *loopback,
                   jk_err *err)
{
	int r = addr_parse(spec, sa, salen, loopback, err);
	if (r && err)
		jk_one_line(err->msg); /* the address as written may hold anything */
	return r;
}

int control_listen_parse(const char *spec, bool *loopback, jk_err *err)
{
	struct sockaddr_storage sa;
	socklen_t len;
	return ctl_addr_parse(spec, &sa, &len, loopback, err);
}

int control_check(const control_opts *o, jk_err *err)
{
	bool loopback;
	int r = control_listen_parse(o->listen, &loopback, err);
	if (r)
		return r;
	size_t tlen = o->token ? strlen(o->token) : 0;
	for (size_t i = 0; i < tlen; i++) {
		unsigned char ch = (unsigned char)o->token[i];
		if (ch <= 0x20 || ch >= 0x7F)
			return jk_fail(
			    err, JK_EARG,
			    "control_token: only visible ASCII characters (no spaces) can "
			    "be sent as a bearer token");
	}
	if (!loopback && tlen < CONTROL_TOKEN_MIN) {
		if (!tlen)
			return jk_fail(err, JK_EARG,
			               "control_listen %s is beyond loopback: refused without "
			               "control_token (at least %d characters)",
			               o->listen, CONTROL_TOKEN_MIN);
		return jk_fail(err, JK_EARG,
		               "control_listen %s is beyond loopback: refused with a control_token "
		               "of %zu characters (at least %d needed)",
		               o->listen, tlen, CONTROL_TOKEN_MIN);
	}
	bool cert = o->cert && *o->cert, key = o->key && *o->key;
	if (cert != key)
		return jk_fail(
		    err, JK_EARG, "control server: %s is set without %s (TLS needs both)",
		    cert ? "control_cert" : "control_key", cert ? "control_key" : "control_cert");
	return 0;
}

int ctl_listen_socket(const char *spec, int *fd, int *port, bool *v6, jk_err *err)
{
	struct sockaddr_storage sa;
	socklen_t len;
	bool loopback;
	*fd = -1;
	int r = ctl_addr_parse(spec, &sa, &len, &loopback, err);
	if (r)
		return r;
	*v6 = sa.ss_family == AF_INET6;
	int s = socket(sa.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s < 0)
		return jk_fail(err, JK_EIO, "control server: cannot listen on %s: %s", spec,
		               strerror(errno));
	int one = 1, zero = 0;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (*v6) /* [::] takes IPv4 clients too, as people expect of it */
		setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
	if (bind(s, (struct sockaddr *)&sa, len) || listen(s, 64)) {
		int e = errno;
		close(s);
		return jk_fail(err, JK_EIO, "control server: cannot listen on %s: %s", spec,
		               strerror(e));
	}
	struct sockaddr_storage got;
	socklen_t glen = sizeof got;
	if (getsockname(s, (struct sockaddr *)&got, &glen) == 0)
		*port = ntohs(*v6 ? ((struct sockaddr_in6 *)&got)->sin6_port
		                  : ((struct sockaddr_in *)&got)->sin_port);
	*fd = s;
	return 0;
}
