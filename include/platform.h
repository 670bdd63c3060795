/* platform.h — what differs per OS or service manager, behind one small
 * interface under src/platform/; the service manager's notify protocol is
 * spoken directly (posix.c, no libsystemd: one library fewer to load at
 * start). The core has no platform #ifdefs. Prefix platform_. All functions are safe to call when
 * not run by a service manager (they then do nothing) and never block. */
#ifndef PLATFORM_H
#define PLATFORM_H

#include "jk.h"

/* Reads the service manager's environment (NOTIFY_SOCKET, WATCHDOG_USEC,
 * WATCHDOG_PID). Call once at start, on the main thread. */
void platform_init(void);

/* The service is up (READY=1) and what it shows (STATUS=…, one line). */
void platform_ready(const char *status);
/* STATUS=… only. */
void platform_status(const char *status);
/* RELOADING=1 … then platform_ready() again when done. */
void platform_reloading(void);
/* STOPPING=1. */
void platform_stopping(void);

/* The watchdog interval in milliseconds when the service manager asked for
 * keep-alives (WatchdogSec=), else 0. The loop must call
 * platform_keepalive() at least every half of it. */
unsigned platform_watchdog_ms(void);
/* WATCHDOG=1; rate-limited internally to at most one message per quarter
 * interval, so calling it every loop iteration is cheap. Call it only from
 * the render loop: a hung loop must stop the keep-alives. */
void platform_keepalive(void);

/* Runs a shell command (display on/off, e.g. "vcgencmd display_power 0" or
 * "echo 'standby 0' | cec-client -s -d 1") without waiting for it: /bin/sh
 * -c, stdin from /dev/null, stdout/stderr inherited, process killed after
 * timeout_s seconds if still running. Finished children are reaped by
 * platform_reap() (call it from the loop now and then). Returns 0 when
 * started, negative with err set when it could not be. */
int platform_spawn(const char *command, unsigned timeout_s, jk_err *err);
/* Reaps finished spawned commands and kills overdue ones; logs a non-zero
 * exit status once per command to stderr. Never blocks. */
void platform_reap(void);

/* At most this many spawned commands run at once; platform_spawn() fails
 * with JK_EIO "…still running" beyond it. timeout_s 0 is taken as 1. An
 * overdue command's process group gets SIGTERM, then SIGKILL 2 s later. */
#define PLATFORM_SPAWN_MAX 4
/* Spawned commands not reaped yet (after a platform_reap()): lets a caller
 * or a test wait, in a bounded loop, for them to finish. */
unsigned platform_running(void);

#endif
