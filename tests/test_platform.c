/* Platform code against real parts: notify datagrams read from AF_UNIX
 * sockets the test binds (a path and an abstract name), the watchdog from
 * the environment, hostile environment values, and real /bin/sh children.
 *
 * The notify protocol (posix.c, no libsystemd) is tested through the public
 * API and once more below, compiled in a second time under posix_ names,
 * where its state can be reset between cases. */
#include "testutil.h"

#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

/* posix.c again, renamed so it sits beside the library's backend. */
#define plat_notify_init posix_notify_init
#define plat_notify_send posix_notify_send
#include "../src/platform/posix.c"
#undef plat_notify_init
#undef plat_notify_send

/* --- helpers ------------------------------------------------------------ */

static void clear_env(void)
{
	unsetenv("NOTIFY_SOCKET");
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
}

static void set_pid_env(void)
{
	char pid[32];
	snprintf(pid, sizeof pid, "%ld", (long)getpid());
	setenv("WATCHDOG_PID", pid, 1);
}

/* A bound datagram socket at path, or at an abstract name when path starts
 * with '@'. Nonblocking: reads never hang the test. */
static int bind_dgram(const char *path)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	assert_true(fd >= 0);
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	size_t n = strlen(path);
	assert_true(n < sizeof a.sun_path);
	memcpy(a.sun_path, path, n);
	socklen_t len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
	if (path[0] == '@')
		a.sun_path[0] = '\0';
	else
		len++;
	assert_int_equal(bind(fd, (struct sockaddr *)&a, len), 0);
	return fd;
}

/* The next datagram as a string (static buffer), NULL when none arrives
 * within 1 s. */
static const char *recv_msg(int fd)
{
	static char buf[4096];
	struct pollfd p = {.fd = fd, .events = POLLIN};
	if (poll(&p, 1, 1000) <= 0)
		return NULL;
	ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static bool queue_empty(int fd)
{
	char c;
	return recv(fd, &c, 1, MSG_DONTWAIT | MSG_PEEK) < 0 && errno == EAGAIN;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static int lines(const char *s)
{
	return count(s, "\n");
}

/* --- notify through the public API ---------------------------------------- */

static void check_session(const char *sockname, int fd)
{
	setenv("NOTIFY_SOCKET", sockname, 1);
	setenv("WATCHDOG_USEC", "2000000", 1);
	set_pid_env();
	platform_init();
	assert_int_equal(platform_watchdog_ms(), 2000);

	platform_ready("Showing 11 postings\nfrom 3 sources\t(offline)");
	const char *m = recv_msg(fd);
	assert_non_null(m);
	assert_string_equal(m, "READY=1\nSTATUS=Showing 11 postings from 3 sources (offline)");

	/* Twice in a row: the second is inside the quarter interval. */
	platform_keepalive();
	platform_keepalive();
	m = recv_msg(fd);
	assert_non_null(m);
	assert_string_equal(m, "WATCHDOG=1");

	platform_status("Display off until 08:00");
	m = recv_msg(fd);
	assert_non_null(m);
	assert_string_equal(m, "STATUS=Display off until 08:00");

	platform_reloading();
	m = recv_msg(fd);
	assert_non_null(m);
	assert_true(strncmp(m, "RELOADING=1\nMONOTONIC_USEC=", 27) == 0);
	assert_true(strspn(m + 27, "0123456789") == strlen(m + 27) && m[27]);

	platform_ready(NULL);
	m = recv_msg(fd);
	assert_non_null(m);
	assert_string_equal(m, "READY=1");

	platform_stopping();
	m = recv_msg(fd);
	assert_non_null(m);
	assert_string_equal(m, "STOPPING=1");
	assert_true(queue_empty(fd));
	clear_env();
	platform_init();
}

static void test_notify_path(void **state)
{
	(void)state;
	char dir[64], path[128];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	snprintf(path, sizeof path, "%s/notify", dir);
	int fd = bind_dgram(path);
	check_session(path, fd);
	close(fd);
	tu_rmtree(dir);
}

static void test_notify_abstract(void **state)
{
	(void)state;
	char name[64];
	snprintf(name, sizeof name, "@jobkiosk-test-%ld", (long)getpid());
	int fd = bind_dgram(name);
	check_session(name, fd);
	close(fd);
}

static void test_keepalive_rate(void **state)
{
	(void)state;
	char name[64];
	snprintf(name, sizeof name, "@jobkiosk-rate-%ld", (long)getpid());
	int fd = bind_dgram(name);
	setenv("NOTIFY_SOCKET", name, 1);
	setenv("WATCHDOG_USEC", "40000", 1); /* 40 ms: a keep-alive every 10 ms at most */
	unsetenv("WATCHDOG_PID");            /* no PID: applies to whoever reads it */
	platform_init();
	assert_int_equal(platform_watchdog_ms(), 40);
	platform_keepalive();
	assert_string_equal(recv_msg(fd), "WATCHDOG=1");
	/* Past a quarter interval, the next call sends again. */
	struct timespec ts = {0, 15 * 1000000L};
	nanosleep(&ts, NULL);
	platform_keepalive();
	assert_string_equal(recv_msg(fd), "WATCHDOG=1");
	clear_env();
	platform_init();
	close(fd);
}

/* A status longer than one line's worth is cut on a character boundary. */
static void test_status_long(void **state)
{
	(void)state;
	char name[64];
	snprintf(name, sizeof name, "@jobkiosk-long-%ld", (long)getpid());
	int fd = bind_dgram(name);
	setenv("NOTIFY_SOCKET", name, 1);
	platform_init();
	char big[3000] = "";
	while (strlen(big) + 4 < sizeof big)
		strcat(big, "é\x01"); /* two-byte characters and a control byte */
	platform_status(big);
	const char *m = recv_msg(fd);
	assert_non_null(m);
	assert_true(strncmp(m, "STATUS=", 7) == 0);
	assert_true(strlen(m) <= 7 + 200);
	assert_true(jk_utf8_valid(m, strlen(m)));
	for (const char *p = m; *p; p++)
		assert_true((unsigned char)*p >= 0x20);
	clear_env();
	platform_init();
	close(fd);
}

static void test_no_notify_socket(void **state)
{
	(void)state;
	clear_env();
	tu_capture c;
	tu_capture_start(&c);
	platform_init();
	platform_ready("up");
	platform_status("x");
	platform_reloading();
	platform_keepalive();
	platform_stopping();
	unsigned ms = platform_watchdog_ms();
	char *err = tu_capture_end(&c);
	assert_int_equal(ms, 0);
	assert_string_equal(err, "");
	free(err);
}

typedef struct env_case {
	const char *notify, *usec, *pid;
	unsigned want_ms;
	const char *want_log; /* substring of the one log line, NULL: silent */
} env_case;

static void test_hostile_env(void **state)
{
	(void)state;
	char longpath[300] = "/tmp/";
	memset(longpath + 5, 'a', 250);
	longpath[255] = '\0';
	char mypid[32];
	snprintf(mypid, sizeof mypid, "%ld", (long)getpid());
	const env_case cases[] = {
	    {NULL, "abc", NULL, 0, "WATCHDOG_USEC='abc'"},
	    {NULL, "", NULL, 0, "WATCHDOG_USEC=''"},
	    {NULL, "-5", NULL, 0, "WATCHDOG_USEC='-5'"},
	    {NULL, "0", NULL, 0, "WATCHDOG_USEC='0'"},
	    {NULL, "12abc", NULL, 0, "WATCHDOG_USEC='12abc'"},
	    {NULL, "99999999999999999999999999", NULL, 0, "WATCHDOG_USEC='9999"},
	    {NULL, "18446744073709551615", NULL, 0, "WATCHDOG_USEC='1844"},
	    {NULL, "1\n2\x1b[31m", NULL, 0, "WATCHDOG_USEC='1?2?[31m'"},
	    /* Valid but beyond what fits: clamped, not wrapped. */
	    {NULL, "9000000000000000000", mypid, UINT_MAX, NULL},
	    {NULL, "500", mypid, 1, NULL},
	    {NULL, "30000000", "1", 0, NULL}, /* another process's watchdog */
	    {NULL, "30000000", "abc", 0, "WATCHDOG_PID='abc'"},
	    {NULL, "30000000", "-1", 0, "WATCHDOG_PID='-1'"},
	    {NULL, "30000000", "0", 0, "WATCHDOG_PID='0'"},
	    {longpath, "30000000", mypid, 30000, "cannot notify the service manager"},
	    {"/nonexistent/jobkiosk/notify", NULL, NULL, 0, "cannot notify the service manager"},
	    {"relative/notify", NULL, NULL, 0, "cannot notify the service manager"},
	    {"@", NULL, NULL, 0, "cannot notify the service manager"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const env_case *k = &cases[i];
		clear_env();
		if (k->notify)
			setenv("NOTIFY_SOCKET", k->notify, 1);
		if (k->usec)
			setenv("WATCHDOG_USEC", k->usec, 1);
		if (k->pid)
			setenv("WATCHDOG_PID", k->pid, 1);
		tu_capture c;
		tu_capture_start(&c);
		platform_init();
		unsigned ms = platform_watchdog_ms();
		platform_ready("up");
		platform_keepalive();
		platform_status("twice");
		platform_stopping();
		char *err = tu_capture_end(&c);
		if (ms != k->want_ms ||
		    (k->want_log ? !strstr(err, k->want_log) || lines(err) != 1 : err[0] != '\0'))
			fail_msg("case %zu (usec '%s'): watchdog %u ms, want %u; log '%s'", i,
			         k->usec ? k->usec : "-", ms, k->want_ms, err);
		free(err);
	}
	clear_env();
	platform_init();
}

/* --- posix.c directly ------------------------------------------------- */

static void test_posix_protocol(void **state)
{
	(void)state;
	char dir[64], path[128], name[64];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	snprintf(path, sizeof path, "%s/notify", dir);
	snprintf(name, sizeof name, "@jobkiosk-posix-%ld", (long)getpid());
	int pfd = bind_dgram(path), afd = bind_dgram(name);

	clear_env();
	assert_int_equal(posix_notify_init(), 0);
	assert_int_equal(posix_notify_send("READY=1"), 0); /* no socket: nothing */

	setenv("NOTIFY_SOCKET", path, 1);
	setenv("WATCHDOG_USEC", "30000000", 1);
	set_pid_env();
	assert_int_equal(posix_notify_init(), 30000000);
	assert_int_equal(posix_notify_send("READY=1\nSTATUS=path"), 0);
	assert_string_equal(recv_msg(pfd), "READY=1\nSTATUS=path");

	setenv("NOTIFY_SOCKET", name, 1);
	assert_int_equal(posix_notify_init(), 30000000);
	assert_int_equal(posix_notify_send("WATCHDOG=1"), 0);
	assert_string_equal(recv_msg(afd), "WATCHDOG=1");
	assert_true(queue_empty(pfd));

	/* A receiver that never reads: EAGAIN, not a blocked loop. */
	int r = 0;
	for (int i = 0; i < 5000 && r == 0; i++)
		r = posix_notify_send("STATUS=flood");
	assert_int_equal(r, -EAGAIN);

	/* The socket file is there but nobody listens any more. */
	close(pfd);
	setenv("NOTIFY_SOCKET", path, 1);
	posix_notify_init();
	assert_int_equal(posix_notify_send("READY=1"), -ECONNREFUSED);
	unlink(path);
	posix_notify_init();
	assert_int_equal(posix_notify_send("READY=1"), -ENOENT);

	char longpath[200] = "/";
	memset(longpath + 1, 'x', 150);
	longpath[151] = '\0';
	setenv("NOTIFY_SOCKET", longpath, 1);
	posix_notify_init();
	assert_int_equal(posix_notify_send("READY=1"), -ENAMETOOLONG);
	setenv("NOTIFY_SOCKET", "vsock:2:1234", 1);
	posix_notify_init();
	assert_int_equal(posix_notify_send("READY=1"), -EAFNOSUPPORT);

	const struct {
		const char *usec, *pid;
		int64_t want;
	} wd[] = {
	    {"abc", NULL, -EINVAL},
	    {"", NULL, -EINVAL},
	    {"-1", NULL, -EINVAL},
	    {"+5", NULL, -EINVAL},
	    {" 5", NULL, -EINVAL},
	    {"5 ", NULL, -EINVAL},
	    {"0", NULL, -EINVAL},
	    {"18446744073709551616", NULL, -EINVAL},
	    {"9223372036854775808", NULL, -EINVAL},
	    {"9223372036854775807", NULL, INT64_MAX},
	    {"1", NULL, 1},
	    {"5000000", "1", 0},
	    {"5000000", "x", -EINVAL},
	    {"5000000", "", -EINVAL},
	};
	for (size_t i = 0; i < sizeof wd / sizeof *wd; i++) {
		clear_env();
		setenv("WATCHDOG_USEC", wd[i].usec, 1);
		if (wd[i].pid)
			setenv("WATCHDOG_PID", wd[i].pid, 1);
		int64_t got = posix_notify_init();
		if (got != wd[i].want)
			fail_msg("WATCHDOG_USEC '%s': got %lld, want %lld", wd[i].usec,
			         (long long)got, (long long)wd[i].want);
	}
	clear_env();
	posix_notify_init();
	close(afd);
	tu_rmtree(dir);
}

/* --- spawning display commands -------------------------------------------- */

/* Reaps until nothing runs; false when that takes over max_ms (bounded). */
static bool wait_all(int max_ms)
{
	for (int waited = 0; waited <= max_ms; waited += 20) {
		platform_reap();
		if (platform_running() == 0)
			return true;
		struct timespec ts = {0, 20 * 1000000L};
		nanosleep(&ts, NULL);
	}
	return false;
}

static void test_spawn_runs(void **state)
{
	(void)state;
	char dir[64], cmd[1024], path[128];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	/* A descriptor without close-on-exec that the child must not get. */
	int leak = open("/dev/null", O_RDONLY);
	assert_true(leak > 2);
	setenv("NOTIFY_SOCKET", "@jobkiosk-not-for-children", 1);
	snprintf(cmd, sizeof cmd,
	         "echo display on > %s/out; cat > %s/stdin; "
	         "if [ -e /proc/$$/fd/%d ]; then echo open; else echo closed; fi > %s/fd; "
	         "echo \"${NOTIFY_SOCKET-unset}\" > %s/env; "
	         "echo \"$(cut -d' ' -f6 /proc/$$/stat) $$\" > %s/sid",
	         dir, dir, leak, dir, dir, dir);
	jk_err err = {0};
	assert_int_equal(platform_spawn(cmd, 10, &err), 0);
	assert_int_equal(platform_running(), 1);
	assert_true(wait_all(10000));
	close(leak);
	unsetenv("NOTIFY_SOCKET");

	snprintf(path, sizeof path, "%s/out", dir);
	char *s = tu_read(path, NULL);
	assert_string_equal(s, "display on\n");
	free(s);
	snprintf(path, sizeof path, "%s/stdin", dir);
	s = tu_read(path, NULL);
	assert_string_equal(s, ""); /* stdin is /dev/null */
	free(s);
	snprintf(path, sizeof path, "%s/fd", dir);
	s = tu_read(path, NULL);
	assert_string_equal(s, "closed\n");
	free(s);
	snprintf(path, sizeof path, "%s/env", dir);
	s = tu_read(path, NULL);
	assert_string_equal(s, "unset\n");
	free(s);
	snprintf(path, sizeof path, "%s/sid", dir);
	s = tu_read(path, NULL);
	char a[32], b[32];
	assert_int_equal(sscanf(s, "%31s %31s", a, b), 2);
	assert_string_equal(a, b); /* its own session */
	free(s);
	tu_rmtree(dir);
}

static char proc_state(long pid)
{
	char path[64], buf[512];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *p = strrchr(buf, ')');
	return p && p[1] ? p[2] : 0;
}

static void test_spawn_timeout(void **state)
{
	(void)state;
	char dir[64], cmd[256], path[128];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	/* A child of the shell as well: the whole group must go. */
	snprintf(cmd, sizeof cmd, "sleep 30 & echo $! > %s/bg; sleep 30", dir);
	tu_capture c;
	tu_capture_start(&c);
	jk_err err = {0};
	assert_int_equal(platform_spawn(cmd, 1, &err), 0);
	bool done = wait_all(10000); /* SIGTERM after 1 s, far below 30 s */
	char *log = tu_capture_end(&c);
	assert_true(done);
	assert_int_equal(count(log, "still running after 1 s; stopping it"), 1);
	assert_int_equal(count(log, "exited with status"), 0);
	assert_int_equal(count(log, "killed by signal"), 0);
	assert_int_equal(lines(log), 1);
	free(log);

	snprintf(path, sizeof path, "%s/bg", dir);
	char *s = tu_read(path, NULL);
	long bg = atol(s);
	free(s);
	assert_true(bg > 0);
	/* Gone, or a zombie waiting for whoever inherited it. */
	char st = 'R';
	for (int i = 0; i < 250 && (st = proc_state(bg)) != 0 && st != 'Z'; i++) {
		struct timespec ts = {0, 20 * 1000000L};
		nanosleep(&ts, NULL);
	}
	assert_true(st == 0 || st == 'Z');
	tu_rmtree(dir);
}

static void test_spawn_failure_logged_once(void **state)
{
	(void)state;
	tu_capture c;
	tu_capture_start(&c);
	jk_err err = {0};
	assert_int_equal(platform_spawn("exit 3", 5, &err), 0);
	bool done = wait_all(10000);
	for (int i = 0; i < 5; i++)
		platform_reap();
	assert_int_equal(platform_spawn("true", 5, &err), 0);
	done = done && wait_all(10000);
	char *log = tu_capture_end(&c);
	assert_true(done);
	assert_string_equal(log, "jobkiosk: display command 'exit 3' exited with status 3\n");
	free(log);
}

static void test_spawn_hostile_command(void **state)
{
	(void)state;
	/* Long, with control bytes: the log line stays one short line. */
	char cmd[12000] = "exit 4 # \x01\x1b[2J";
	size_t n = strlen(cmd);
	memset(cmd + n, 'x', 10000);
	cmd[n + 10000] = '\0';
	tu_capture c;
	tu_capture_start(&c);
	jk_err err = {0};
	assert_int_equal(platform_spawn(cmd, 5, &err), 0);
	bool done = wait_all(10000);
	char *log = tu_capture_end(&c);
	assert_true(done);
	assert_int_equal(lines(log), 1);
	assert_non_null(strstr(log, "'exit 4 # ??[2Jxxx"));
	assert_non_null(strstr(log, "...' exited with status 4"));
	assert_true(strlen(log) < 200);
	free(log);
}

static void test_spawn_bad_args(void **state)
{
	(void)state;
	jk_err err = {0};
	assert_int_equal(platform_spawn(NULL, 5, &err), JK_EARG);
	assert_string_equal(err.msg, "display command is empty");
	assert_int_equal(platform_spawn("", 5, &err), JK_EARG);
	assert_int_equal(platform_spawn(" \t\n", 5, &err), JK_EARG);
	assert_int_equal(platform_spawn(NULL, 5, NULL), JK_EARG); /* err may be NULL */
	assert_int_equal(platform_running(), 0);
}

static void test_spawn_table_full(void **state)
{
	(void)state;
	jk_err err = {0};
	tu_capture c;
	tu_capture_start(&c);
	for (int i = 0; i < PLATFORM_SPAWN_MAX; i++)
		assert_int_equal(platform_spawn("sleep 30", 1, &err), 0);
	assert_int_equal(platform_running(), PLATFORM_SPAWN_MAX);
	int r = platform_spawn("echo one too many", 1, &err);
	bool done = wait_all(10000);
	/* Slots free again once the overdue ones are reaped. */
	int again = platform_spawn("true", 1, NULL);
	done = done && wait_all(10000);
	char *log = tu_capture_end(&c);
	assert_int_equal(r, JK_EIO);
	assert_string_equal(err.msg, "cannot run display command 'echo one too many': 4 commands "
	                             "still running");
	assert_true(done);
	assert_int_equal(again, 0);
	assert_int_equal(count(log, "stopping it"), PLATFORM_SPAWN_MAX);
	free(log);
}

int main(void)
{
	/* A SIGPIPE must never end the test (nor the kiosk). */
	signal(SIGPIPE, SIG_IGN);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_notify_path),
	    cmocka_unit_test(test_notify_abstract),
	    cmocka_unit_test(test_keepalive_rate),
	    cmocka_unit_test(test_status_long),
	    cmocka_unit_test(test_no_notify_socket),
	    cmocka_unit_test(test_hostile_env),
	    cmocka_unit_test(test_posix_protocol),
	    cmocka_unit_test(test_spawn_runs),
	    cmocka_unit_test(test_spawn_timeout),
	    cmocka_unit_test(test_spawn_failure_logged_once),
	    cmocka_unit_test(test_spawn_hostile_command),
	    cmocka_unit_test(test_spawn_bad_args),
	    cmocka_unit_test(test_spawn_table_full),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
