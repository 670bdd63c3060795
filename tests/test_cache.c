/* The cache: round trips, no rewrite when unchanged, corruption, hostile
 * keys, the size cap, and kill -9 at random moments while it writes. */
#include "testutil.h"

#include "store.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static store_cache *open_cache(const char *dir, size_t cap)
{
	store_cache *c = NULL;
	jk_err err = {0};
	if (store_cache_open(dir, cap, &c, &err))
		fail_msg("open %s: %s", dir, err.msg);
	return c;
}

static void put(store_cache *c, const char *key, const char *etag, const char *body, bool *written)
{
	store_meta m = {.key = (char *)key, .etag = (char *)etag, .fetched_at = 1700000000};
	jk_err err = {0};
	if (store_cache_put(c, &m, body, strlen(body), written, &err))
		fail_msg("put %s: %s", key, err.msg);
}

static int count_files(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void test_default_dir(void **state)
{
	(void)state;
	char buf[512];
	setenv("XDG_CACHE_HOME", "/x/cache", 1);
	assert_int_equal(store_cache_default_dir(buf, sizeof buf, NULL), 0);
	assert_string_equal(buf, "/x/cache/jobkiosk");
	setenv("XDG_CACHE_HOME", "relative", 1); /* not absolute: ignored */
	setenv("HOME", "/home/booth", 1);
	assert_int_equal(store_cache_default_dir(buf, sizeof buf, NULL), 0);
	assert_string_equal(buf, "/home/booth/.cache/jobkiosk");
	unsetenv("XDG_CACHE_HOME");
	unsetenv("HOME");
	assert_int_equal(store_cache_default_dir(buf, sizeof buf, NULL), 0);
	assert_string_equal(buf, "/var/cache/jobkiosk");
}

static void test_round_trip_and_no_rewrite(void **state)
{
	(void)state;
	char dir[300];
	snprintf(dir, sizeof dir, "%s/a/b", tu_tmpdir());
	store_cache *c = open_cache(dir, 0);
	bool written;
	put(c, "https://jobs.example.org/feed.xml", "\"v1\"", "<rss>one</rss>", &written);
	assert_true(written);
	store_meta m;
	char *body;
	size_t len;
	jk_err err = {0};
	assert_int_equal(
	    store_cache_get(c, "https://jobs.example.org/feed.xml", &m, &body, &len, &err), 0);
	assert_string_equal(body, "<rss>one</rss>");
	assert_int_equal(len, 14);
	assert_string_equal(m.etag, "\"v1\"");
	assert_int_equal(m.fetched_at, 1700000000);
	assert_null(m.last_modified);
	free(body);
	store_meta_clear(&m);

	char path[600], name[48];
	store_cache_name("https://jobs.example.org/feed.xml", name, sizeof name);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	struct stat st1, st2;
	assert_int_equal(stat(path, &st1), 0);
	put(c, "https://jobs.example.org/feed.xml", "\"v1\"", "<rss>one</rss>", &written);
	assert_false(written); /* unchanged: nothing written */
	assert_int_equal(stat(path, &st2), 0);
	assert_int_equal(st1.st_ino, st2.st_ino);
	put(c, "https://jobs.example.org/feed.xml", "\"v2\"", "<rss>two</rss>", &written);
	assert_true(written);
	assert_int_equal(store_cache_get(c, "https://x.example/none", &m, &body, &len, &err),
	                 JK_ENOTFOUND);
	assert_int_equal(store_cache_remove(c, "https://jobs.example.org/feed.xml", &err), 0);
	assert_int_equal(count_files(dir), 0);
	store_cache_close(c);
	store_cache_close(NULL);
	char top[300];
	snprintf(top, sizeof top, "%.*s", (int)(strlen(dir) - 4), dir);
	tu_rmtree(top);
}

static void test_corrupt_entries(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	store_cache *c = open_cache(dir, 0);
	put(c, "k1", NULL, "hello world, a posting document", NULL);
	char path[600], name[48];
	store_cache_name("k1", name, sizeof name);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	size_t n;
	char *data = tu_read(path, &n);
	/* Flip one byte of the body. */
	data[n - 3] ^= 0x20;
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
	store_meta m;
	char *body;
	size_t len;
	jk_err err = {0};
	assert_int_equal(store_cache_get(c, "k1", &m, &body, &len, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "corrupt"));
	assert_int_equal(access(path, F_OK), -1); /* removed, refetched later */
	/* Truncated, empty, garbage. */
	const char *bad[] = {"", "JKC1", "JKC1 zz 5\nabc",
	                     "\x7f"
	                     "ELF\0\0",
	                     "JKC1 0000000000000000 99999999999999999999\n"};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		f = fopen(path, "wb");
		fwrite(bad[i], 1, strlen(bad[i]) + (i == 3), f);
		fclose(f);
		assert_int_equal(store_cache_get(c, "k1", &m, &body, &len, &err), JK_EFORMAT);
		assert_null(body);
	}
	/* A truncated real entry. */
	put(c, "k1", NULL, "hello world, a posting document", NULL);
	assert_int_equal(truncate(path, (off_t)n - 5), 0);
	assert_int_equal(store_cache_get(c, "k1", &m, &body, &len, &err), JK_EFORMAT);
	free(data);
	store_cache_close(c);
	tu_rmtree(dir);
}

static void test_hostile_keys_stay_inside(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	store_cache *c = open_cache(dir, 0);
	const char *keys[] = {"../../etc/passwd", "/etc/passwd", "a\nb", "..", "x/../../y", ""};
	for (size_t i = 0; i < JK_ARRAY_LEN(keys); i++) {
		store_meta m = {.key = (char *)keys[i], .etag = "\"e\nX-Injected: 1\""};
		jk_err err = {0};
		int r = store_cache_put(c, &m, "body", 4, NULL, &err);
		if (!keys[i][0] || strchr(keys[i], '\n')) {
			assert_int_equal(r, JK_EARG);
			continue;
		}
		assert_int_equal(r, 0);
		char name[48];
		store_cache_name(keys[i], name, sizeof name);
		assert_int_equal(strspn(name, "0123456789abcdef"), 32);
	}
	assert_int_equal(count_files(dir), 4);
	/* The injected header line did not become a field of its own. */
	store_meta m;
	char *b;
	size_t len;
	assert_int_equal(store_cache_get(c, "/etc/passwd", &m, &b, &len, NULL), 0);
	assert_string_equal(m.etag, "\"e");
	free(b);
	store_meta_clear(&m);
	store_cache_close(c);
	tu_rmtree(dir);
}

static void test_size_cap_and_temp_cleanup(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	store_cache *c = open_cache(dir, 4000);
	char body[1500];
	memset(body, 'x', sizeof body - 1);
	body[sizeof body - 1] = '\0';
	char key[32];
	for (int i = 0; i < 6; i++) {
		snprintf(key, sizeof key, "key-%d", i);
		body[0] = (char)('a' + i);
		put(c, key, NULL, body, NULL);
		sleep(i == 2 ? 1 : 0); /* distinct mtimes for the oldest-first order */
	}
	assert_true(count_files(dir) <= 2);
	/* Its size is what the entries take, at most the cap. */
	uint64_t bytes = store_cache_bytes(c);
	assert_true(bytes > 2 * 1500 && bytes <= 4000);
	assert_int_equal(store_cache_bytes(NULL), 0);
	store_meta m;
	char *b;
	size_t len;
	assert_int_equal(store_cache_get(c, "key-5", &m, &b, &len, NULL), 0);
	free(b);
	store_meta_clear(&m);
	assert_int_equal(store_cache_get(c, "key-0", &m, &b, &len, NULL), JK_ENOTFOUND);
	store_cache_close(c);

	char tmp[600];
	snprintf(tmp, sizeof tmp, "%s/.tmp-leftover", dir);
	FILE *f = fopen(tmp, "w");
	fputs("half", f);
	fclose(f);
	c = open_cache(dir, 4000);
	assert_int_equal(access(tmp, F_OK), -1);
	store_cache_close(c);
	tu_rmtree(dir);
}

/* A full disk (here: a file size limit) or a read-only folder: the write
 * fails with a message and the old entry stays whole. */
static void test_write_failures_keep_old_entry(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	store_cache *c = open_cache(dir, 0);
	put(c, "k", NULL, "old version", NULL);
	char big[5000];
	memset(big, 'n', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGXFSZ, SIG_IGN);
		struct rlimit rl = {1000, 1000};
		setrlimit(RLIMIT_FSIZE, &rl);
		store_meta m = {.key = "k"};
		jk_err err = {0};
		int r = store_cache_put(c, &m, big, strlen(big), NULL, &err);
		_exit(r == JK_EIO && strstr(err.msg, "cache write failed") ? 0 : 1);
	}
	int st;
	waitpid(pid, &st, 0);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	if (geteuid() != 0) { /* root ignores folder permissions */
		chmod(dir, 0500);
		store_meta m = {.key = "k"};
		jk_err err = {0};
		assert_int_equal(store_cache_put(c, &m, big, strlen(big), NULL, &err), JK_EIO);
		assert_non_null(strstr(err.msg, dir));
		chmod(dir, 0700);
	}
	store_meta m;
	char *b;
	size_t len;
	assert_int_equal(store_cache_get(c, "k", &m, &b, &len, NULL), 0);
	assert_string_equal(b, "old version");
	free(b);
	store_meta_clear(&m);
	assert_int_equal(count_files(dir), 1); /* no temp file left behind */
	store_cache_close(c);
	tu_rmtree(dir);
}

/* kill -9 at random moments while entries are rewritten: afterwards every
 * entry is a whole version, never torn. */
static void test_power_cut(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char bodies[4][2][3000];
	for (int k = 0; k < 4; k++)
		for (int v = 0; v < 2; v++) {
			memset(bodies[k][v], 'a' + k * 2 + v, sizeof bodies[k][v] - 1);
			bodies[k][v][sizeof bodies[k][v] - 1] = '\0';
		}
	srand(42);
	int kills = 0;
	for (int round = 0; round < 300; round++) {
		pid_t pid = fork();
		if (pid == 0) {
			store_cache *c = NULL;
			if (store_cache_open(dir, 0, &c, NULL))
				_exit(1);
			for (int i = 0;; i++) {
				char key[16];
				snprintf(key, sizeof key, "k%d", i % 4);
				store_meta m = {.key = key};
				store_cache_put(c, &m, bodies[i % 4][(i / 4) % 2], 2999, NULL,
				                NULL);
			}
		}
		usleep((useconds_t)(rand() % 3000));
		kill(pid, SIGKILL);
		int st;
		waitpid(pid, &st, 0);
		kills += WIFSIGNALED(st);
	}
	assert_true(kills >= 290);
	store_cache *c = open_cache(dir, 0);
	int found = 0;
	for (int k = 0; k < 4; k++) {
		char key[16];
		snprintf(key, sizeof key, "k%d", k);
		store_meta m;
		char *b;
		size_t len;
		jk_err err = {0};
		int r = store_cache_get(c, key, &m, &b, &len, &err);
		if (r == JK_ENOTFOUND)
			continue;
		if (r)
			fail_msg("entry %s after power cuts: %s", key, err.msg);
		assert_int_equal(len, 2999);
		assert_true(!strcmp(b, bodies[k][0]) || !strcmp(b, bodies[k][1]));
		found++;
		free(b);
		store_meta_clear(&m);
	}
	assert_true(found >= 1);
	store_cache_close(c);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default_dir),
	    cmocka_unit_test(test_round_trip_and_no_rewrite),
	    cmocka_unit_test(test_corrupt_entries),
	    cmocka_unit_test(test_hostile_keys_stay_inside),
	    cmocka_unit_test(test_size_cap_and_temp_cleanup),
	    cmocka_unit_test(test_write_failures_keep_old_entry),
	    cmocka_unit_test(test_power_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
