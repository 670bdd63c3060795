/* The real binary as systemd runs it: the slideshow under the offscreen
 * driver, a notify socket of the test's own (READY=1, WATCHDOG=1 from the
 * loop, RELOADING=1 on SIGHUP, STOPPING=1), SIGHUP with a broken and then a
 * changed config file, SIGTERM for a clean exit. Also the config file and
 * command line together through --check-config, --dump and --help. */
#include "testutil.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void write_file(const char *path, const char *data)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(data, f);
	fclose(f);
}

static int count(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

/* --help names every key as an option, with its default. */
static void test_help_lists_every_key(void **state)
{
	(void)state;
	tu_run_result r = tu_run("--help");
	assert_int_equal(r.status, 0);
	for (size_t i = 0; config_key_table[i].name; i++) {
		char opt[64];
		snprintf(opt, sizeof opt, "--%s", config_key_table[i].name);
		for (char *p = opt + 2; *p; p++)
			if (*p == '_')
				*p = '-';
		assert_non_null(strstr(r.out, opt));
		if (config_key_table[i].def[0]) {
			char def[96];
			snprintf(def, sizeof def, "(default %s)", config_key_table[i].def);
			/* The default may be wrapped onto the next line. */
			char *flat = strdup(r.out);
			char *w = flat;
			for (const char *p = r.out; *p; p++) {
				if (*p == '\n') {
					while (p[1] == ' ')
						p++;
					*w++ = ' ';
				} else {
					*w++ = *p;
				}
			}
			*w = 0;
			assert_non_null(strstr(flat, def));
			free(flat);
		}
	}
	for (char *p = r.out; *p;) {
		size_t n = strcspn(p, "\n");
		assert_true(n <= 79);
		p += n + (p[n] == '\n');
	}
	tu_run_free(&r);
	r = tu_run("--version");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "jobkiosk "));
	tu_run_free(&r);
}

/* The file's settings, the command line over them; repeatable keys given
 * on the command line replace the file's list. */
static void test_file_and_command_line(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char conf[600], args[2048];
	snprintf(conf, sizeof conf, "%s/jobkiosk.conf", dir);
	char text[1024];
	snprintf(text, sizeof text,
	         "# a booth\n[slides]\nsource = %s\nfilter_employment = intern\norder = newest\n",
	         tu_root("samples"));
	write_file(conf, text);
	snprintf(args, sizeof args, "--config %s --dump", conf);
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	int interns = count(r.out, "\"title\":");
	assert_true(interns >= 1 && interns < 10);
	assert_non_null(strstr(r.err, "filtered out"));
	tu_run_free(&r);

	snprintf(args, sizeof args, "--config %s --filter-employment= --dump", conf);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_true(count(r.out, "\"title\":") > interns);
	assert_string_equal(r.err, "");
	tu_run_free(&r);

	/* --check-config prints settings that read back the same. */
	snprintf(args, sizeof args, "--config %s --slide-seconds 7 --check-config", conf);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "slide_seconds = 7"));
	assert_non_null(strstr(r.out, "order = newest"));
	assert_non_null(strstr(r.err, "valid"));
	char printed[600];
	snprintf(printed, sizeof printed, "%s/printed.conf", dir);
	write_file(printed, r.out);
	tu_run_free(&r);
	snprintf(args, sizeof args, "--config %s --check-config", printed);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "slide_seconds = 7"));
	tu_run_free(&r);
	tu_rmtree(dir);
}

/* A bad file, key or value: one line naming file, line and key, exit 2,
 * nothing drawn or printed. */
static void test_bad_config(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char conf[600], args[1400];
	snprintf(conf, sizeof conf, "%s/bad.conf", dir);
	static const struct {
		const char *text, *want;
	} cases[] = {
	    {"slide_seconds = 12\nrotate = 45\n", "bad.conf:2: key 'rotate'"},
	    {"slide_second = 12\n", "did you mean 'slide_seconds'"},
	    {"just words\n", "bad.conf:1:"},
	    {"logo = /nonexistent/logo.png\n", "key 'logo'"},
	    {"schedule = mon 25:00-26:00\n", "key 'schedule'"},
	    {"source = ftp://example.org/x\n", "only http and https"},
	    {"clock = \xff\xfe\n", "bad.conf:1:"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_file(conf, cases[i].text);
		snprintf(args, sizeof args, "--config %s --dump %s", conf, tu_root("samples"));
		tu_run_result r = tu_run(args);
		assert_int_equal(r.status, 2);
		assert_string_equal(r.out, "");
		assert_non_null(strstr(r.err, cases[i].want));
		assert_int_equal(count(r.err, "\n"), 1);
		tu_run_free(&r);
	}
	/* Unreadable: a folder, a missing file, binary bytes. */
	snprintf(args, sizeof args, "--config %s --dump %s", dir, tu_root("samples"));
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, dir));
	tu_run_free(&r);
	r = tu_run("--config /nonexistent/jobkiosk.conf --check-config");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "/nonexistent/jobkiosk.conf"));
	tu_run_free(&r);
	FILE *f = fopen(conf, "wb");
	for (int i = 0; i < 4096; i++)
		fputc((i * 131) & 0xff, f);
	fclose(f);
	snprintf(args, sizeof args, "--config %s --check-config", conf);
	r = tu_run(args);
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "bad.conf"));
	tu_run_free(&r);
	/* Options: bad values name the option. */
	r = tu_run("--no-config --slide-seconds abc --dump x");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--slide-seconds"));
	tu_run_free(&r);
	r = tu_run("--no-config --clock=perhaps --dump x");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--clock"));
	tu_run_free(&r);
	r = tu_run("--no-config --dump");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no SOURCE"));
	tu_run_free(&r);
	tu_rmtree(dir);
}

/* A datagram socket standing in for systemd's notify socket. */
static int notify_socket(const char *path)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	assert_true(fd >= 0);
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	assert_true(strlen(path) < sizeof a.sun_path);
	memcpy(a.sun_path, path, strlen(path) + 1);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
	return fd;
}

/* Appends datagrams arriving within ms to log; true when one contains
 * want (checked on the whole log). */
static bool wait_for(int fd, char *log, size_t cap, const char *want, int ms)
{
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		if (strstr(log, want))
			return true;
		clock_gettime(CLOCK_MONOTONIC, &t);
		int left =
		    ms - (int)((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000);
		if (left <= 0)
			return false;
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (poll(&p, 1, left) <= 0)
			continue;
		char buf[512];
		ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
		if (n > 0) {
			buf[n] = 0;
			size_t len = strlen(log);
			snprintf(log + len, cap - len, "%s\n", buf);
		}
	}
}

/* Waits for want in the file at path, reading the notify socket meanwhile:
 * a service manager always reads it (a full queue drops messages). */
static bool file_has(const char *path, const char *want, int ms, int fd, char *log, size_t cap)
{
	for (int t = 0; t < ms; t += 50) {
		char *s = tu_read(path, NULL);
		bool ok = strstr(s, want) != NULL;
		free(s);
		if (ok)
			return true;
		wait_for(fd, log, cap, "\x01", 50);
	}
	return false;
}

static void test_service_signals(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char conf[600], sock[600], err[600], text[1024];
	snprintf(conf, sizeof conf, "%s/jobkiosk.conf", dir);
	snprintf(sock, sizeof sock, "%s/notify", dir);
	snprintf(err, sizeof err, "%s/err", dir);
	snprintf(text, sizeof text,
	         "source = %s\nslide_seconds = 1\nfullscreen = no\nresolution = 640x360\n",
	         tu_root("samples"));
	write_file(conf, text);
	int fd = notify_socket(sock);

	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(e, 2);
		int nul = open("/dev/null", O_RDWR);
		dup2(nul, 0);
		dup2(nul, 1);
		char wd[32];
		snprintf(wd, sizeof wd, "%d", (int)getpid());
		setenv("NOTIFY_SOCKET", sock, 1);
		setenv("WATCHDOG_USEC", "400000", 1);
		setenv("WATCHDOG_PID", wd, 1);
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
		execl(tu_bin(), tu_bin(), "--config", conf, (char *)NULL);
		_exit(127);
	}
	static char log[65536];
	log[0] = 0;
	assert_true(wait_for(fd, log, sizeof log, "READY=1", 20000));
	/* Keep-alives from the loop while slides are static: several within
	 * two watchdog intervals... */
	wait_for(fd, log, sizeof log, "never", 1500);
	assert_true(count(log, "WATCHDOG=1") >= 3);

	/* A broken config on SIGHUP keeps the current settings. */
	write_file(conf, "slide_seconds = soon\n");
	kill(pid, SIGHUP);
	assert_true(file_has(err, "keeping the current settings", 20000, fd, log, sizeof log));
	/* A good one is applied: the log says so and systemd hears RELOADING=1
	 * then READY=1 again. */
	snprintf(text, sizeof text,
	         "source = %s\nslide_seconds = 2\ntheme = light\nfullscreen = no\n"
	         "resolution = 640x360\nheader = Booth 12\n",
	         tu_root("samples"));
	write_file(conf, text);
	log[0] = 0;
	kill(pid, SIGHUP);
	assert_true(file_has(err, "reloaded", 20000, fd, log, sizeof log));
	assert_true(wait_for(fd, log, sizeof log, "READY=1", 20000));
	assert_non_null(strstr(log, "RELOADING=1"));
	int st = 0;
	assert_int_equal(waitpid(pid, &st, WNOHANG), 0);

	/* SIGTERM: a clean exit, STOPPING=1 first. */
	kill(pid, SIGTERM);
	assert_true(wait_for(fd, log, sizeof log, "STOPPING=1", 20000));
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	char *e = tu_read(err, NULL);
	assert_null(strstr(e, "ERROR: AddressSanitizer"));
	assert_null(strstr(e, "LeakSanitizer"));
	free(e);
	close(fd);
	tu_rmtree(dir);
}

/* Runs the binary with args as systemd runs a service whose stderr is the
 * journal: stderr a pipe (a socket under systemd, but any stream will do)
 * and JOURNAL_STREAM its "DEV:INO". js: NULL for the pipe's own, "" for
 * none, else the value to set. Returns what it wrote to stderr. */
static char *run_journal(const char *js, const char *const *args, int *status)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct stat st;
		char val[64];
		fstat(fds[1], &st);
		snprintf(val, sizeof val, "%llu:%llu", (unsigned long long)st.st_dev,
		         (unsigned long long)st.st_ino);
		if (js && !*js)
			unsetenv("JOURNAL_STREAM");
		else
			setenv("JOURNAL_STREAM", js ? js : val, 1);
		dup2(fds[1], 2);
		close(fds[0]), close(fds[1]);
		int nul = open("/dev/null", O_RDWR);
		dup2(nul, 0), dup2(nul, 1);
		const char *argv[16] = {tu_bin()};
		for (int i = 0; args[i] && i < 14; i++)
			argv[i + 1] = args[i];
		execv(tu_bin(), (char *const *)argv);
		_exit(127);
	}
	close(fds[1]);
	size_t cap = 65536, len = 0;
	char *out = calloc(cap, 1);
	assert_non_null(out);
	ssize_t n;
	while ((n = read(fds[0], out + len, cap - 1 - len)) > 0)
		len += (size_t)n;
	close(fds[0]);
	assert_int_equal(waitpid(pid, status, 0), pid);
	return out;
}

/* Lines in the journal's format ("<N>" the syslog priority) only when
 * stderr is the stream JOURNAL_STREAM names; the command line's own usage
 * replies stay plain. */
static void test_journal_format(void **state)
{
	(void)state;
	static const char *const valid[] = {"--no-config", "--check-config", NULL};
	static const char *const bad[] = {"--no-config", "--rotate", "45", "--check-config", NULL};
	static const char *const usage[] = {"--no-config", "--bogus", NULL};
	int st;
	char *e = run_journal(NULL, (const char *const *)valid, &st);
	assert_string_equal(e, "<6>jobkiosk: the configuration is valid (no config file)\n");
	assert_int_equal(WEXITSTATUS(st), 0);
	free(e);
	e = run_journal(NULL, (const char *const *)bad, &st);
	assert_string_equal(e, "<3>jobkiosk: --rotate: key 'rotate': expected 0, 90, 180 or "
	                       "270, not '45'\n");
	assert_int_equal(WEXITSTATUS(st), 2);
	free(e);
	e = run_journal(NULL, (const char *const *)usage, &st);
	assert_string_equal(e, "jobkiosk: option '--bogus' is unknown\nTry 'jobkiosk --help'.\n");
	assert_int_equal(WEXITSTATUS(st), 2);
	free(e);
	/* Another stream (stderr redirected after systemd started us), a
	 * malformed value, or none: plain lines. */
	static const char *const other[] = {"1:2", "journal", ""};
	for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
		e = run_journal(other[i], (const char *const *)valid, &st);
		assert_string_equal(e, "jobkiosk: the configuration is valid (no config file)\n");
		free(e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_help_lists_every_key),
	    cmocka_unit_test(test_file_and_command_line),
	    cmocka_unit_test(test_bad_config),
	    cmocka_unit_test(test_service_signals),
	    cmocka_unit_test(test_journal_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
