/* notify.c — the platform_ notify calls on top of the notify protocol
 * (posix.c): message text, the keep-alive rate limit and the log lines. */
#include "platform.h"

#include "internal.h"

#include <errno.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STATUS_MAX 200 /* bytes of STATUS= text; systemctl shows one line */

static uint64_t watchdog_us; /* 0: no keep-alives wanted */
static uint64_t last_keepalive_us;
static bool keepalive_sent;
static atomic_bool send_failure_logged;

static uint64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* An environment value for a log line: at most 40 bytes, controls as '?'. */
static void shown(const char *value, char out[48])
{
	size_t i = 0;
	for (; value && value[i] && i < 40; i++)
		out[i] = (unsigned char)value[i] < 0x20 || value[i] == 0x7f ? '?' : value[i];
	out[i] = '\0';
	if (value && value[i])
		strcpy(out + i, "...");
}

static void send_msg(const char *msg)
{
	int r = plat_notify_send(msg);
	if (r < 0 && !atomic_exchange(&send_failure_logged, true)) {
		char s[48];
		shown(getenv("NOTIFY_SOCKET"), s);
		jk_log(JK_LOG_WARN, "platform",
		       "cannot notify the service manager at NOTIFY_SOCKET='%s': %s", s,
		       strerror(-r));
	}
}

void platform_init(void)
{
	int64_t wd = plat_notify_init();
	watchdog_us = wd > 0 ? (uint64_t)wd : 0;
	keepalive_sent = false;
	last_keepalive_us = 0;
	atomic_store(&send_failure_logged, false);
	if (wd < 0) {
		char us[48], pid[48];
		shown(getenv("WATCHDOG_USEC"), us);
		shown(getenv("WATCHDOG_PID"), pid);
		jk_log(JK_LOG_WARN, "platform",
		       "WATCHDOG_USEC='%s' WATCHDOG_PID='%s' ignored: expected "
		       "microseconds (1 or more) and a process id; no watchdog",
		       us, pid);
	}
}

/* prefix + "STATUS=" + status as one line: controls become spaces, cut at
 * STATUS_MAX bytes on a character boundary. */
static void send_with_status(const char *prefix, const char *status)
{
	char msg[64 + STATUS_MAX];
	size_t n = (size_t)snprintf(msg, sizeof msg, "%s%sSTATUS=", prefix, *prefix ? "\n" : "");
	size_t len = strlen(status);
	if (len > STATUS_MAX) {
		len = STATUS_MAX;
		while (len > 0 && ((unsigned char)status[len] & 0xc0) == 0x80)
			len--;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)status[i];
		msg[n++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
	}
	msg[n] = '\0';
	send_msg(msg);
}

void platform_ready(const char *status)
{
	if (status)
		send_with_status("READY=1", status);
	else
		send_msg("READY=1");
}

void platform_status(const char *status)
{
	if (status)
		send_with_status("", status);
}

void platform_reloading(void)
{
	/* MONOTONIC_USEC lets Type=notify-reload (systemd 253) match the
	 * reload to its request; older managers ignore it. */
	char msg[64];
	snprintf(msg, sizeof msg, "RELOADING=1\nMONOTONIC_USEC=%llu", (unsigned long long)now_us());
	send_msg(msg);
}

void platform_stopping(void)
{
	send_msg("STOPPING=1");
}

unsigned platform_watchdog_ms(void)
{
	uint64_t ms = (watchdog_us + 999) / 1000; /* 500 µs is 1 ms, not "off" */
	return ms > UINT_MAX ? UINT_MAX : (unsigned)ms;
}

void platform_keepalive(void)
{
	if (!watchdog_us)
		return;
	uint64_t now = now_us();
	if (keepalive_sent && now - last_keepalive_us < watchdog_us / 4)
		return;
	send_msg("WATCHDOG=1");
	keepalive_sent = true;
	last_keepalive_us = now;
}
