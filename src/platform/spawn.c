/* spawn.c — display on/off commands, the same POSIX code for every
 * backend: /bin/sh -c in its own session (so a timeout kills the whole
 * pipeline, e.g. "echo standby 0 | cec-client -s"), stdin /dev/null, no
 * inherited descriptors, no service-manager variables. A small fixed table
 * remembers each child until platform_reap() collects it. Used from one
 * thread (the loop). */
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define KILL_GRACE_MS 2000 /* SIGTERM, then SIGKILL this much later */

extern char **environ;

typedef struct child {
	pid_t pid;      /* 0: free slot */
	bool timed_out; /* SIGTERM sent; its death is not news */
	unsigned timeout_s;
	uint64_t deadline_ms; /* SIGTERM at */
	uint64_t kill_ms;     /* SIGKILL at, once timed out */
	char shown[72];       /* the command for log lines */
} child;

static child children[PLATFORM_SPAWN_MAX];

static uint64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

/* At most 60 bytes of the command, controls as '?'. */
static void show(const char *cmd, char *out, size_t cap)
{
	size_t i = 0;
	for (; i < 60 && i + 4 < cap && cmd[i]; i++)
		out[i] = (unsigned char)cmd[i] < 0x20 || cmd[i] == 0x7f ? '?' : cmd[i];
	out[i] = '\0';
	if (i + 4 <= cap && cmd[i])
		strcpy(out + i, "...");
}

/* The environment without what tells a process it is the service's main
 * process (a child must not answer for it). Caller frees the array only. */
static char **child_env(void)
{
	size_t n = 0;
	while (environ && environ[n])
		n++;
	char **env = malloc((n + 1) * sizeof *env);
	if (!env)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "NOTIFY_SOCKET=", 14) &&
		    strncmp(environ[i], "WATCHDOG_", 9))
			env[k++] = environ[i];
	env[k] = NULL;
	return env;
}

/* In the child of fork(): only async-signal-safe calls from here on, as
 * other threads (SDL, the refresh worker) may hold locks. */
static void __attribute__((noreturn)) child_exec(char *const *argv, char *const *env, int maxfd)
{
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* Ignored signals stay ignored across exec; a pipeline needs SIGPIPE. */
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	const int sigs[] = {SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGCHLD};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &dfl, NULL);
	setsid();
	int fd = open("/dev/null", O_RDONLY);
	if (fd < 0)
		_exit(126);
	if (fd != 0) {
		dup2(fd, 0);
		close(fd);
	}
	int closed = -1;
#ifdef SYS_close_range
	closed = (int)syscall(SYS_close_range, 3u, ~0u, 0u);
#endif
	if (closed < 0) /* kernels before 5.9 */
		for (int i = 3; i < maxfd; i++)
			close(i);
	execve("/bin/sh", argv, env);
	_exit(127);
}

int platform_spawn(const char *command, unsigned timeout_s, jk_err *err)
{
	if (!command || !command[strspn(command, " \t\r\n")])
		return jk_fail(err, JK_EARG, "display command is empty");
	char shown[sizeof children[0].shown];
	show(command, shown, sizeof shown);

	platform_reap();
	child *c = NULL;
	for (size_t i = 0; i < PLATFORM_SPAWN_MAX && !c; i++)
		if (!children[i].pid)
			c = &children[i];
	if (!c)
		return jk_fail(err, JK_EIO,
		               "cannot run display command '%s': %d commands still running", shown,
		               PLATFORM_SPAWN_MAX);

	struct rlimit rl;
	int maxfd = 1024;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		maxfd = rl.rlim_cur < 65536 ? (int)rl.rlim_cur : 65536;
	char **env = child_env();
	if (!env)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	char *argv[] = {"sh", "-c", (char *)command, NULL};
	pid_t pid = fork();
	if (pid == 0)
		child_exec(argv, env, maxfd);
	int e = errno;
	free(env);
	if (pid < 0)
		return jk_fail(err, JK_EIO, "cannot run display command '%s': %s", shown,
		               strerror(e));

	c->pid = pid;
	c->timed_out = false;
	c->timeout_s = timeout_s ? timeout_s : 1;
	c->deadline_ms = now_ms() + 1000u * (uint64_t)c->timeout_s;
	c->kill_ms = 0;
	memcpy(c->shown, shown, sizeof shown);
	return JK_OK;
}

static void report(const child *c, int status)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		jk_log(JK_LOG_WARN, "platform", "display command '%s' exited with status %d",
		       c->shown, WEXITSTATUS(status));
	else if (WIFSIGNALED(status) && !c->timed_out)
		jk_log(JK_LOG_WARN, "platform", "display command '%s' was killed by signal %d",
		       c->shown, WTERMSIG(status));
}

void platform_reap(void)
{
	uint64_t now = now_ms();
	for (size_t i = 0; i < PLATFORM_SPAWN_MAX; i++) {
		child *c = &children[i];
		if (!c->pid)
			continue;
		int status;
		pid_t r = waitpid(c->pid, &status, WNOHANG);
		if (r == c->pid) {
			report(c, status);
			c->pid = 0;
			continue;
		}
		if (r < 0 && errno != EINTR) {
			c->pid = 0; /* ECHILD: reaped elsewhere, e.g. SIGCHLD ignored */
			continue;
		}
		/* Not reaped, so the group id cannot have been reused. */
		if (!c->timed_out && now >= c->deadline_ms) {
			jk_log(JK_LOG_WARN, "platform",
			       "display command '%s' still running after %u s; stopping "
			       "it",
			       c->shown, c->timeout_s);
			kill(-c->pid, SIGTERM);
			c->timed_out = true;
			c->kill_ms = now + KILL_GRACE_MS;
		} else if (c->timed_out && now >= c->kill_ms) {
			kill(-c->pid, SIGKILL);
			c->kill_ms = UINT64_MAX;
		}
	}
}

unsigned platform_running(void)
{
	unsigned n = 0;
	for (size_t i = 0; i < PLATFORM_SPAWN_MAX; i++)
		n += children[i].pid != 0;
	return n;
}
