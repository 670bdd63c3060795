/* systemd.c — the notify backend through libsystemd: sd_notify(3) for the
 * messages, sd_watchdog_enabled(3) for the interval (it also checks
 * WATCHDOG_PID). libsystemd opens a socket per message and sends without
 * MSG_DONTWAIT: it waits only when the receiving queue is full, i.e. while
 * the service manager itself is stuck (PID 1 drains it at once). posix.c
 * never waits; tests/test_platform.c shows both. */
#include "internal.h"

#include <errno.h>
#include <systemd/sd-daemon.h>

int64_t plat_notify_init(void)
{
	uint64_t usec = 0;
	int r = sd_watchdog_enabled(0, &usec);
	if (r < 0)
		return -EINVAL;
	if (r == 0)
		return 0;
	return usec > (uint64_t)INT64_MAX ? -EINVAL : (int64_t)usec;
}

int plat_notify_send(const char *msg)
{
	int r = sd_notify(0, msg);
	return r < 0 ? r : 0;
}
