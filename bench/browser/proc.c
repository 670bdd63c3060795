/* proc.c — start a program under a subreaper keeper, sample its process
 * tree from /proc, stop it. Linux only, like the benchmark. */
#include "proc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* What the keeper tells the benchmark once the program is exec'd. */
typedef struct report {
	pid_t pid;
	int exec_errno; /* 0: exec'd */
	int no_net;
} report;

static void sleep_ms(int ms)
{
	struct timespec t = {ms / 1000, (long)(ms % 1000) * 1000000L};
	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}

/* The program itself: environment, output, exec. Never returns. */
static void child(char *const argv[], char *const env[], const char *log, int efd)
{
	for (size_t i = 0; env && env[i]; i++)
		putenv(env[i]);
	int in = open("/dev/null", O_RDONLY);
	int out = open(log ? log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0644);
	if (in >= 0)
		dup2(in, 0);
	if (out >= 0) {
		dup2(out, 1);
		dup2(out, 2);
	}
	execvp(argv[0], argv);
	int e = errno;
	if (write(efd, &e, sizeof e) < 0)
		_exit(126);
	_exit(127);
}

/* The keeper: subreaper, optional network namespace, the program as its
 * child, then reaps until nothing is left. Never returns. */
static void keeper(char *const argv[], char *const env[], const char *log, bool isolate, int sfd)
{
	/* Nothing of the benchmark's (the X connection) leaks into the tree. */
	if (sfd > 3)
		close_range(3, (unsigned)sfd - 1, 0);
	close_range((unsigned)sfd + 1, ~0U, 0);
	signal(SIGINT, SIG_IGN);
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	report rep = {0};
	rep.no_net = isolate && unshare(CLONE_NEWNET) == 0;
	int ep[2];
	if (pipe2(ep, O_CLOEXEC) != 0) {
		rep.exec_errno = errno;
		if (write(sfd, &rep, sizeof rep) < 0)
			_exit(1);
		_exit(1);
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(ep[0]);
		close(sfd);
		child(argv, env, log, ep[1]);
	}
	close(ep[1]);
	rep.pid = pid;
	if (pid < 0) {
		rep.exec_errno = errno;
	} else if (read(ep[0], &rep.exec_errno, sizeof rep.exec_errno) <= 0) {
		rep.exec_errno = 0; /* closed by exec: the program runs */
	}
	close(ep[0]);
	if (write(sfd, &rep, sizeof rep) < 0)
		_exit(1);
	close(sfd);
	for (;;) {
		if (waitpid(-1, NULL, 0) < 0 && errno != EINTR)
			break;
	}
	_exit(0);
}

int bb_proc_start(bb_proc *p, char *const argv[], char *const env[], const char *log, bool isolate,
                  jk_err *err)
{
	memset(p, 0, sizeof *p);
	int sp[2];
	if (pipe2(sp, O_CLOEXEC) != 0)
		return jk_fail(err, JK_EIO, "pipe: %s", strerror(errno));
	fflush(NULL);
	pid_t k = fork();
	if (k < 0) {
		close(sp[0]);
		close(sp[1]);
		return jk_fail(err, JK_EIO, "fork: %s", strerror(errno));
	}
	if (k == 0) {
		close(sp[0]);
		keeper(argv, env, log, isolate, sp[1]);
	}
	close(sp[1]);
	report rep = {0};
	struct pollfd pf = {.fd = sp[0], .events = POLLIN};
	ssize_t n = poll(&pf, 1, 10000) > 0 ? read(sp[0], &rep, sizeof rep) : -1;
	close(sp[0]);
	p->keeper = k;
	if (n != (ssize_t)sizeof rep || rep.exec_errno || rep.pid <= 0) {
		int e = rep.exec_errno;
		bb_proc_stop(p, 0);
		return jk_fail(err, JK_EIO, "%s: cannot start: %s", argv[0],
		               e ? strerror(e) : "no word from the keeper process");
	}
	p->pid = rep.pid;
	p->no_net = rep.no_net != 0;
	return 0;
}

bool bb_proc_alive(bb_proc *p)
{
	if (!p->keeper)
		return false;
	if (waitpid(p->keeper, NULL, WNOHANG) == 0)
		return true;
	p->keeper = 0;
	return false;
}

/* ---- /proc ------------------------------------------------------------ */

typedef struct pinfo {
	pid_t pid, ppid;
	unsigned long long ticks; /* utime + stime + cutime + cstime */
	bool in;                  /* in the tree */
} pinfo;

static bool read_stat(pid_t pid, pinfo *out)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	/* The command name may hold spaces and parentheses: fields start
	 * after the last ')'. */
	char *e = strrchr(buf, ')');
	if (!e)
		return false;
	char state;
	int ppid;
	unsigned long long ut, st;
	long long cut, cst;
	if (sscanf(e + 1, " %c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %lld %lld", &state,
	           &ppid, &ut, &st, &cut, &cst) != 6)
		return false;
	out->pid = pid;
	out->ppid = ppid;
	out->ticks = ut + st + (unsigned long long)(cut > 0 ? cut : 0) +
	             (unsigned long long)(cst > 0 ? cst : 0);
	out->in = false;
	return true;
}

static long long read_pss(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	FILE *f = fopen(path, "re");
	if (!f)
		return 0;
	long long kib = 0;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "Pss: %lld kB", &kib) == 1)
			break;
	fclose(f);
	return kib;
}

static int snapshot(pinfo **out, size_t *n, jk_err *err)
{
	*out = NULL;
	*n = 0;
	DIR *d = opendir("/proc");
	if (!d)
		return jk_fail(err, JK_EIO, "/proc: %s", strerror(errno));
	size_t cap = 0;
	struct dirent *de;
	int r = 0;
	while ((de = readdir(d)) && !r) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);
		if (*end || pid <= 0)
			continue;
		pinfo pi;
		if (!read_stat((pid_t)pid, &pi))
			continue; /* gone meanwhile */
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 256;
			pinfo *nv = realloc(*out, nc * sizeof *nv);
			if (!nv) {
				r = jk_fail(err, JK_ENOMEM, "out of memory reading /proc");
				break;
			}
			*out = nv;
			cap = nc;
		}
		(*out)[(*n)++] = pi;
	}
	closedir(d);
	if (r) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return r;
}

/* Marks the keeper's descendants; returns the keeper's index or -1. */
static long mark_tree(pinfo *v, size_t n, pid_t root)
{
	long ri = -1;
	for (size_t i = 0; i < n; i++)
		if (v[i].pid == root) {
			v[i].in = true;
			ri = (long)i;
		}
	if (ri < 0)
		return -1;
	for (bool grew = true; grew;) {
		grew = false;
		for (size_t i = 0; i < n; i++) {
			if (v[i].in)
				continue;
			for (size_t j = 0; j < n; j++)
				if (v[j].in && v[j].pid == v[i].ppid) {
					v[i].in = grew = true;
					break;
				}
		}
	}
	return ri;
}

int bb_proc_sample(const bb_proc *p, bool with_pss, bb_tree *out, jk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!p->keeper)
		return 0;
	pinfo *v;
	size_t n;
	int r = snapshot(&v, &n, err);
	if (r)
		return r;
	long ri = mark_tree(v, n, p->keeper);
	for (size_t i = 0; ri >= 0 && i < n; i++) {
		if (!v[i].in)
			continue;
		out->cpu_ticks += v[i].ticks;
		if ((long)i == ri)
			continue;
		out->nproc++;
		if (with_pss)
			out->pss_kib += read_pss(v[i].pid);
	}
	free(v);
	return 0;
}

long bb_proc_hz(void)
{
	long hz = sysconf(_SC_CLK_TCK);
	return hz > 0 ? hz : 100;
}

void bb_proc_stop(bb_proc *p, int grace_ms)
{
	if (!p->keeper)
		return;
	if (p->pid > 0)
		kill(p->pid, SIGTERM);
	for (int waited = 0; waited < grace_ms; waited += 20) {
		if (waitpid(p->keeper, NULL, WNOHANG) == p->keeper) {
			p->keeper = 0;
			return;
		}
		sleep_ms(20);
	}
	/* Whatever is left of the tree, by pid, then the keeper reaps it. */
	pinfo *v;
	size_t n;
	if (!snapshot(&v, &n, NULL)) {
		long ri = mark_tree(v, n, p->keeper);
		for (size_t i = 0; ri >= 0 && i < n; i++)
			if (v[i].in && (long)i != ri)
				kill(v[i].pid, SIGKILL);
		free(v);
	}
	for (int waited = 0; waited < 5000; waited += 20) {
		if (waitpid(p->keeper, NULL, WNOHANG) == p->keeper) {
			p->keeper = 0;
			return;
		}
		sleep_ms(20);
	}
	kill(p->keeper, SIGKILL);
	waitpid(p->keeper, NULL, 0);
	p->keeper = 0;
}
