/* posix.c — the service manager's notify protocol without libsystemd
 * (sd_notify(3), "NOTIFY_SOCKET"): one AF_UNIX datagram per message to the
 * path in $NOTIFY_SOCKET, or to the abstract socket when it starts with
 * '@'. The socket is nonblocking and MSG_NOSIGNAL is set: a busy or gone
 * service manager costs one failed send, never a stall or a SIGPIPE. */
#include "internal.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int notify_fd = -1;
static struct sockaddr_un notify_addr;
static socklen_t notify_len; /* 0: no notify socket */
static int notify_bad;       /* -errno: NOTIFY_SOCKET set but unusable */

/* Strict unsigned decimal: digits only, no sign, no spaces, no overflow. */
static int parse_u64(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		unsigned d = (unsigned)(*s - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

static int open_socket(const char *s)
{
	size_t n = strlen(s);
	if (s[0] != '/' && s[0] != '@')
		return -EAFNOSUPPORT;
	if (n >= sizeof notify_addr.sun_path)
		return -ENAMETOOLONG;
	notify_addr.sun_family = AF_UNIX;
	memcpy(notify_addr.sun_path, s, n);
	notify_len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
	if (s[0] == '@')
		notify_addr.sun_path[0] = '\0'; /* abstract: no terminator counted */
	else
		notify_len++;
	notify_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (notify_fd < 0) {
		notify_len = 0;
		return -errno;
	}
	return 0;
}

static int64_t read_watchdog(void)
{
	const char *us = getenv("WATCHDOG_USEC");
	const char *pid = getenv("WATCHDOG_PID");
	uint64_t usec, p;
	if (!us)
		return 0;
	if (pid) {
		if (parse_u64(pid, &p) || p == 0)
			return -EINVAL;
		/* The interval belongs to the process named, not to a child
		 * that inherited the environment. */
		if (p != (uint64_t)getpid())
			return 0;
	}
	if (parse_u64(us, &usec) || usec == 0 || usec > (uint64_t)INT64_MAX)
		return -EINVAL;
	return (int64_t)usec;
}

int64_t plat_notify_init(void)
{
	if (notify_fd >= 0)
		close(notify_fd);
	notify_fd = -1;
	memset(&notify_addr, 0, sizeof notify_addr);
	notify_len = 0;
	notify_bad = 0;
	const char *s = getenv("NOTIFY_SOCKET");
	if (s && *s)
		notify_bad = open_socket(s);
	return read_watchdog();
}

int plat_notify_send(const char *msg)
{
	if (notify_bad)
		return notify_bad;
	if (!notify_len)
		return 0;
	ssize_t r = sendto(notify_fd, msg, strlen(msg), MSG_NOSIGNAL | MSG_DONTWAIT,
	                   (const struct sockaddr *)&notify_addr, notify_len);
	return r < 0 ? -errno : 0;
}
