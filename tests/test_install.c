/* `make install` and `make uninstall` into a staging DESTDIR, as a packager
 * or `sudo make install PREFIX=/usr` on a board does: every file in its
 * place, the unit's paths substituted, an edited jobkiosk.conf never
 * touched, nothing left behind; the installed unit passes
 * `systemd-analyze verify` where that command exists. The installed binary
 * is the already built JK_BIN (INSTALL_BIN=), so nothing is compiled. */
#include "testutil.h"

#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

static const char *bin(void)
{
	const char *b = getenv("JK_BIN");
	return b ? b : tu_root("build/asan/jobkiosk");
}

/* Runs cmd with stdout and stderr into out (caller frees); returns the exit
 * status. The test's own make variables must not leak into the inner make. */
static int sh(const char *cmd, char **out)
{
	char file[128], full[8192];
	snprintf(file, sizeof file, "/tmp/jktest-install.%ld", (long)getpid());
	snprintf(full, sizeof full,
	         "unset MAKEFLAGS MFLAGS MAKELEVEL DESTDIR PREFIX BINDIR MANDIR DATADIR "
	         "SYSCONFDIR UNITDIR DOCDIR; (%s) >%s 2>&1 </dev/null",
	         cmd, file);
	int st = system(full);
	char *o = tu_read(file, NULL);
	remove(file);
	if (out)
		*out = o;
	else
		free(o);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int make(const char *target, const char *dest, const char *prefix, char **out)
{
	char cmd[4096];
	snprintf(cmd, sizeof cmd,
	         "make -s -C '%s' %s DESTDIR='%s' PREFIX='%s' B='%s/build' INSTALL_BIN='%s'",
	         tu_root(""), target, dest, prefix, dest, bin());
	return sh(cmd, out);
}

/* Regular files under a tree (paths relative to it), sorted, in one
 * newline-separated string the caller frees. */
static jk_buf found;
static size_t found_skip;

static int collect(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb, (void)ftw;
	if (flag == FTW_F && !strstr(path, "/build/"))
		jk_buf_printf(&found, "%s\n", path + found_skip);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *sorted_lines(char *text)
{
	char *lines[256];
	size_t n = 0;
	for (char *s = strtok(text, "\n"); s && n < 256; s = strtok(NULL, "\n"))
		lines[n++] = s;
	qsort(lines, n, sizeof *lines, cmp_str);
	jk_buf b = {0};
	jk_buf_puts(&b, "");
	for (size_t i = 0; i < n; i++)
		jk_buf_printf(&b, "%s\n", lines[i]);
	return jk_buf_detach(&b);
}

static char *files_under(const char *dir)
{
	jk_buf_free(&found);
	jk_buf_puts(&found, "");
	found_skip = strlen(dir);
	nftw(dir, collect, 16, FTW_PHYS);
	char *raw = jk_buf_detach(&found);
	char *s = sorted_lines(raw);
	free(raw);
	return s;
}

/* What install must lay out under DESTDIR for PREFIX=/usr. */
static char *expected_usr(void)
{
	jk_buf b = {0};
	jk_buf_puts(&b, "/etc/jobkiosk/jobkiosk.conf\n"
	                "/etc/jobkiosk/jobkiosk.conf.example\n"
	                "/usr/bin/jobkiosk\n"
	                "/usr/lib/systemd/system/jobkiosk.service\n"
	                "/usr/share/doc/jobkiosk/jobkiosk.conf.example\n"
	                "/usr/share/jobkiosk/fonts/README.md\n"
	                "/usr/share/man/man1/jobkiosk.1\n");
	DIR *d = opendir(tu_root("samples"));
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d));)
		if (e->d_name[0] != '.')
			jk_buf_printf(&b, "/usr/share/jobkiosk/samples/%s\n", e->d_name);
	closedir(d);
	char *raw = jk_buf_detach(&b);
	char *s = sorted_lines(raw);
	free(raw);
	return s;
}

static void assert_same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *x = tu_read(a, &na), *y = tu_read(b, &nb);
	if (na != nb || memcmp(x, y, na) != 0)
		fail_msg("%s differs from %s", a, b);
	free(x);
	free(y);
}

static mode_t mode_of(const char *path)
{
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

/* The example config is another part's file; it may land after this test
 * is first built. skip() leaves the calling test. */
static void require_example(void)
{
	struct stat st;
	if (stat(tu_root("jobkiosk.conf.example"), &st) != 0) {
		printf("skipped: jobkiosk.conf.example is not written yet\n");
		skip();
	}
}

static void test_install_usr(void **state)
{
	(void)state;
	require_example();
	char dest[64], path[512], *out;
	snprintf(dest, sizeof dest, "%s", tu_tmpdir());
	if (make("install", dest, "/usr", &out) != 0)
		fail_msg("make install failed:\n%s", out);
	free(out);

	char *got = files_under(dest), *want = expected_usr();
	assert_string_equal(got, want);
	free(got);
	free(want);

	snprintf(path, sizeof path, "%s/usr/bin/jobkiosk", dest);
	assert_same_file(path, bin());
	assert_int_equal(mode_of(path), 0755);
	snprintf(path, sizeof path, "%s/usr/share/man/man1/jobkiosk.1", dest);
	assert_same_file(path, tu_root("jobkiosk.1"));
	assert_int_equal(mode_of(path), 0644);
	/* The service's settings: the example, with the installed samples as
	 * the source so it shows the demo until configured. */
	snprintf(path, sizeof path, "%s/etc/jobkiosk/jobkiosk.conf", dest);
	{
		size_t nc, ne;
		char *conf = tu_read(path, &nc),
		     *ex = tu_read(tu_root("jobkiosk.conf.example"), &ne);
		assert_true(nc > ne && memcmp(conf, ex, ne) == 0);
		assert_non_null(strstr(conf + ne, "\nsource = /usr/share/jobkiosk/samples\n"));
		free(conf);
		free(ex);
	}
	snprintf(path, sizeof path, "%s/usr/share/jobkiosk/samples/fernleaf-data-analyst.md", dest);
	assert_same_file(path, tu_root("samples/fernleaf-data-analyst.md"));

	snprintf(path, sizeof path, "%s/usr/lib/systemd/system/jobkiosk.service", dest);
	assert_int_equal(mode_of(path), 0644);
	char *unit = tu_read(path, NULL);
	assert_non_null(
	    strstr(unit, "\nExecStart=/usr/bin/jobkiosk --config /etc/jobkiosk/jobkiosk.conf\n"));
	assert_non_null(strstr(unit, "\nType=notify\n"));
	assert_non_null(strstr(unit, "\nWatchdogSec=30\n"));
	assert_non_null(strstr(unit, "\nRestart=always\n"));
	assert_null(strstr(unit, "@BINDIR@"));
	assert_null(strstr(unit, "@SYSCONFDIR@"));
	free(unit);

	/* systemd-analyze checks the command exists and the man page named in
	 * Documentation= opens: point both at the staged files. */
	if (sh("command -v systemd-analyze", NULL) != 0) {
		printf("systemd-analyze not found: unit not verified\n");
	} else {
		char cmd[4096];
		snprintf(cmd, sizeof cmd,
		         "sed 's|^ExecStart=/usr/bin/|ExecStart=%s/usr/bin/|' "
		         "'%s/usr/lib/systemd/system/jobkiosk.service' > '%s/jobkiosk.service' && "
		         "MANPATH='%s/usr/share/man' systemd-analyze verify '%s/jobkiosk.service'",
		         dest, dest, dest, dest, dest);
		int r = sh(cmd, &out);
		if (r != 0 || out[0])
			fail_msg("systemd-analyze verify: status %d:\n%s", r, out);
		free(out);
		snprintf(path, sizeof path, "%s/jobkiosk.service", dest);
		remove(path);
	}

	/* Installing again over itself is fine. */
	assert_int_equal(make("install", dest, "/usr", NULL), 0);

	if (make("uninstall", dest, "/usr", &out) != 0)
		fail_msg("make uninstall failed:\n%s", out);
	free(out);
	got = files_under(dest);
	assert_string_equal(got, "");
	free(got);
	/* Its own folders are gone too; shared ones (bin, man1) may stay. */
	struct stat st;
	snprintf(path, sizeof path, "%s/usr/share/jobkiosk", dest);
	assert_int_not_equal(stat(path, &st), 0);
	snprintf(path, sizeof path, "%s/etc/jobkiosk", dest);
	assert_int_not_equal(stat(path, &st), 0);
	tu_rmtree(dest);
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A board that already has its settings: install keeps them, uninstall
 * keeps them and says so. */
static void test_install_keeps_config(void **state)
{
	(void)state;
	require_example();
	char dest[64], path[512], *out;
	snprintf(dest, sizeof dest, "%s", tu_tmpdir());
	snprintf(path, sizeof path, "%s/etc", dest);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof path, "%s/etc/jobkiosk", dest);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof path, "%s/etc/jobkiosk/jobkiosk.conf", dest);
	const char *mine = "source = /media/postings\nslide_seconds = 8\n";
	write_text(path, mine);

	assert_int_equal(make("install", dest, "/usr", NULL), 0);
	char *s = tu_read(path, NULL);
	assert_string_equal(s, mine);
	free(s);

	assert_int_equal(make("uninstall", dest, "/usr", &out), 0);
	assert_non_null(strstr(out, "kept"));
	free(out);
	s = tu_read(path, NULL);
	assert_string_equal(s, mine);
	free(s);
	char *got = files_under(dest);
	assert_string_equal(got, "/etc/jobkiosk/jobkiosk.conf\n");
	free(got);
	tu_rmtree(dest);
}

/* Any other prefix keeps its configuration under the prefix too, and the
 * unit points there. */
static void test_install_opt_prefix(void **state)
{
	(void)state;
	require_example();
	char dest[64], path[512];
	snprintf(dest, sizeof dest, "%s", tu_tmpdir());
	assert_int_equal(make("install", dest, "/opt/jobkiosk", NULL), 0);
	snprintf(path, sizeof path, "%s/opt/jobkiosk/lib/systemd/system/jobkiosk.service", dest);
	char *unit = tu_read(path, NULL);
	assert_non_null(strstr(unit, "\nExecStart=/opt/jobkiosk/bin/jobkiosk --config "
	                             "/opt/jobkiosk/etc/jobkiosk/jobkiosk.conf\n"));
	free(unit);
	snprintf(path, sizeof path, "%s/opt/jobkiosk/etc/jobkiosk/jobkiosk.conf.example", dest);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(make("uninstall", dest, "/opt/jobkiosk", NULL), 0);
	char *got = files_under(dest);
	assert_string_equal(got, "");
	free(got);
	tu_rmtree(dest);
}

/* A binary that is not there: make stops with its own message, nothing is
 * half installed. */
static void test_install_missing_binary(void **state)
{
	(void)state;
	char dest[64], cmd[4096], *out;
	snprintf(dest, sizeof dest, "%s", tu_tmpdir());
	snprintf(cmd, sizeof cmd,
	         "make -s -C '%s' install DESTDIR='%s' PREFIX=/usr B='%s/build' "
	         "INSTALL_BIN='%s/no-such-jobkiosk'",
	         tu_root(""), dest, dest, dest);
	assert_int_not_equal(sh(cmd, &out), 0);
	assert_non_null(strstr(out, "no-such-jobkiosk"));
	free(out);
	char *got = files_under(dest);
	assert_string_equal(got, "");
	free(got);
	tu_rmtree(dest);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_install_usr),
	    cmocka_unit_test(test_install_keeps_config),
	    cmocka_unit_test(test_install_opt_prefix),
	    cmocka_unit_test(test_install_missing_binary),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	jk_buf_free(&found);
	return r;
}
