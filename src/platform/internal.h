/* internal.h — the notify backend behind platform.h: posix.c speaks the
 * protocol directly (no libsystemd); notify.c builds the messages,
 * rate-limits keep-alives and writes the log lines. Prefix plat_. */
#ifndef PLATFORM_INTERNAL_H
#define PLATFORM_INTERNAL_H

#include <stdint.h>

/* Forgets earlier state and reads NOTIFY_SOCKET, WATCHDOG_USEC and
 * WATCHDOG_PID. Returns the watchdog interval in microseconds when one is
 * set for this process, 0 when none is (or it names another process),
 * -EINVAL when WATCHDOG_USEC or WATCHDOG_PID is set but not valid. Main
 * thread. */
int64_t plat_notify_init(void);

/* Sends msg (newline-separated KEY=VALUE lines) as one datagram to the
 * service manager. 0 when sent or when there is no notify socket; -errno
 * when it could not be sent, also for a NOTIFY_SOCKET that is unusable.
 * Never blocks; any thread after plat_notify_init(). */
int plat_notify_send(const char *msg);

#endif
