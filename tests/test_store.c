/* Reading posting files and folders: caps, odd files, partial failures. */
#include "testutil.h"

#include "store.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void write_file(const char *dir, const char *name, const char *data, size_t n)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
}

typedef struct {
	int n;
	char lines[16][300];
} warns;

static void on_warn(void *ud, const char *source, const char *msg)
{
	warns *w = ud;
	if (w->n < 16)
		snprintf(w->lines[w->n], sizeof w->lines[0], "%s: %s", source, msg);
	w->n++;
}

static bool warned_about(const warns *w, const char *needle)
{
	for (int i = 0; i < w->n && i < 16; i++)
		if (strstr(w->lines[i], needle))
			return true;
	return false;
}

static void test_read_file_limits(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char path[512];
	char *data;
	size_t len;
	jk_err err = {0};
	snprintf(path, sizeof path, "%s/missing.md", dir);
	assert_int_equal(jk_read_file(path, 100, &data, &len, &err), JK_EIO);
	assert_non_null(strstr(err.msg, "No such file"));
	assert_null(data);
	assert_int_equal(jk_read_file(dir, 100, &data, &len, &err), JK_EIO);
	assert_non_null(strstr(err.msg, "folder"));
	assert_int_equal(jk_read_file("/dev/null", 100, &data, &len, &err), JK_EIO);
	assert_non_null(strstr(err.msg, "regular"));

	/* 50 MB (sparse): refused by size before reading. */
	snprintf(path, sizeof path, "%s/huge.md", dir);
	int fd = open(path, O_CREAT | O_WRONLY, 0644);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 50 * 1000 * 1000), 0);
	close(fd);
	assert_int_equal(jk_read_file(path, 16 << 20, &data, &len, &err), JK_ETOOBIG);
	assert_non_null(strstr(err.msg, "50.0 MB"));

	write_file(dir, "ok.md", "# Hi\n", 5);
	snprintf(path, sizeof path, "%s/ok.md", dir);
	assert_int_equal(jk_read_file(path, 100, &data, &len, &err), 0);
	assert_int_equal(len, 5);
	assert_string_equal(data, "# Hi\n");
	free(data);
	tu_rmtree(dir);
}

static void test_folder_partial_failures(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	const char good[] = "Research engineer\n\nWe build kiosks.\n";
	write_file(dir, "a-good.txt", good, sizeof good - 1);
	write_file(dir, "b-empty.md", "", 0);
	write_file(dir, "c-binary.html",
	           "\x7f"
	           "ELF\0\0\0",
	           7);
	write_file(dir, "d-broken.json", "{\"jobs\": [", 10);
	write_file(dir, "e-notes.png", "\x89PNG", 4);   /* not a posting name: skipped */
	write_file(dir, ".hidden.md", "# secret\n", 9); /* hidden: skipped */
	char sub[512];
	snprintf(sub, sizeof sub, "%s/more", dir);
	mkdir(sub, 0755);
	write_file(sub, "z-good.txt", good, sizeof good - 1);
	char link[512];
	snprintf(link, sizeof link, "%s/loop", dir);
	assert_int_equal(symlink(".", link), 0); /* a link loop is not followed */

	posting_list l;
	posting_list_init(&l);
	warns w = {0};
	size_t files = 0, failed = 0;
	jk_err err = {0};
	int r = store_load_path(dir, &l, on_warn, &w, &files, &failed, &err);
	assert_int_equal(r, 0);
	assert_int_equal(files, 5);
	assert_int_equal(failed, 3);
	assert_int_equal(w.n, 3);
	assert_true(warned_about(&w, "b-empty.md: empty"));
	assert_true(warned_about(&w, "c-binary.html: is a program"));
	assert_true(warned_about(&w, "d-broken.json"));
	assert_int_equal(l.n, 2);
	assert_non_null(strstr(l.items[0]->source, "a-good.txt"));
	assert_non_null(strstr(l.items[1]->source, "more/z-good.txt"));
	posting_list_free(&l);
	tu_rmtree(dir);
}

/* store_load_first: the first file in store_load_path's order that gives
 * any postings, past empty, broken and binary ones, telling nothing. */
static void test_load_first(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	const char good[] = "Research engineer\n\nWe build kiosks.\n";
	const char other[] = "Lab technician\n\nWe keep the lab running.\n";
	write_file(dir, "a-empty.md", "", 0);
	write_file(dir, "b-binary.html",
	           "\x7f"
	           "ELF\0\0\0",
	           7);
	char sub[512];
	snprintf(sub, sizeof sub, "%s/c-more", dir);
	mkdir(sub, 0755);
	write_file(sub, "a-broken.json", "{\"jobs\": [", 10);
	write_file(sub, "b-good.txt", good, sizeof good - 1);
	write_file(dir, "d-other.txt", other, sizeof other - 1);
	posting_list l;
	posting_list_init(&l);
	assert_int_equal(store_load_first(dir, &l), 0);
	assert_int_equal(l.n, 1);
	assert_non_null(strstr(l.items[0]->source, "c-more/b-good.txt"));
	assert_string_equal(l.items[0]->title, "Research engineer");
	posting_list_free(&l);
	/* The same first posting as the whole read. */
	assert_int_equal(store_load_path(dir, &l, NULL, NULL, NULL, NULL, NULL), 0);
	assert_int_equal(l.n, 2);
	assert_non_null(strstr(l.items[0]->source, "c-more/b-good.txt"));
	posting_list_free(&l);
	char path[600];
	snprintf(path, sizeof path, "%s/d-other.txt", dir);
	assert_int_equal(store_load_first(path, &l), 0); /* a file */
	assert_int_equal(l.n, 1);
	posting_list_free(&l);
	snprintf(path, sizeof path, "%s/a-empty.md", dir);
	assert_int_equal(store_load_first(path, &l), JK_EEMPTY);
	assert_int_equal(store_load_first("/nonexistent/x", &l), JK_ENOTFOUND);
	snprintf(path, sizeof path, "%s/c-more/a-broken.json", dir);
	assert_int_equal(store_load_first(path, &l), JK_EEMPTY);
	assert_int_equal(l.n, 0);
	tu_rmtree(dir);
}

static void test_single_file_and_all_failing(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	write_file(dir, "x.md", "", 0);
	char path[512];
	snprintf(path, sizeof path, "%s/x.md", dir);
	posting_list l;
	posting_list_init(&l);
	warns w = {0};
	jk_err err = {0};
	/* A single file reports through err, not warn. */
	assert_int_equal(store_load_path(path, &l, on_warn, &w, NULL, NULL, &err), JK_EEMPTY);
	assert_int_equal(w.n, 0);
	assert_non_null(strstr(err.msg, "empty"));
	/* A folder whose every file fails is an error too. */
	assert_true(store_load_path(dir, &l, on_warn, &w, NULL, NULL, &err) < 0);
	assert_non_null(strstr(err.msg, "none of its 1 files"));
	/* An empty folder says so. */
	char empty[512];
	snprintf(empty, sizeof empty, "%s/empty", dir);
	mkdir(empty, 0755);
	assert_int_equal(store_load_path(empty, &l, on_warn, &w, NULL, NULL, &err), JK_EEMPTY);
	assert_non_null(strstr(err.msg, "no posting files"));
	assert_int_equal(store_load_path("/nonexistent/x", &l, NULL, NULL, NULL, NULL, &err),
	                 JK_ENOTFOUND);
	assert_int_equal(l.n, 0);
	posting_list_free(&l);
	tu_rmtree(dir);
}

static void test_posting_names(void **state)
{
	(void)state;
	assert_true(store_is_posting_name("a.MD"));
	assert_true(store_is_posting_name("feed.atom"));
	assert_true(store_is_posting_name("forwarded-ad.eml"));
	assert_true(store_is_posting_name("sre.rst"));
	assert_true(store_is_posting_name("list-archive.mbox"));
	assert_true(store_is_posting_name("post.rest"));
	assert_false(store_is_posting_name("logo.png"));
	assert_false(store_is_posting_name("README"));
}

/* The folder fingerprint the loop polls: changes exactly when what would be
 * read changes. */
static void test_path_stamp(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	char sub[600], path[700];
	uint64_t empty = store_path_stamp(dir);
	assert_int_equal(store_path_stamp(dir), empty);
	write_file(dir, "a.md", "# A\n", 4);
	uint64_t one = store_path_stamp(dir);
	assert_true(one != empty);
	assert_int_equal(store_path_stamp(dir), one);
	/* Files the scan ignores leave it alone. */
	write_file(dir, "notes.pdf", "%PDF", 4);
	write_file(dir, ".hidden.md", "# H\n", 4);
	assert_int_equal(store_path_stamp(dir), one);
	/* A sub-folder's posting counts; a rewrite with another size counts. */
	snprintf(sub, sizeof sub, "%s/more", dir);
	assert_int_equal(mkdir(sub, 0755), 0);
	write_file(sub, "b.txt", "B\n", 2);
	uint64_t two = store_path_stamp(dir);
	assert_true(two != one);
	write_file(dir, "a.md", "# A longer\n", 11);
	uint64_t three = store_path_stamp(dir);
	assert_true(three != two);
	snprintf(path, sizeof path, "%s/b.txt", sub);
	assert_int_equal(unlink(path), 0);
	assert_true(store_path_stamp(dir) != three);
	/* A single file, and a path that is gone (a USB stick pulled out). */
	snprintf(path, sizeof path, "%s/a.md", dir);
	uint64_t file = store_path_stamp(path);
	assert_int_equal(store_path_stamp(path), file);
	tu_rmtree(dir);
	assert_true(store_path_stamp(dir) != file);
	assert_int_equal(store_path_stamp(dir), store_path_stamp(dir));
	assert_int_equal(store_path_stamp(""), store_path_stamp(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_file_limits),
	    cmocka_unit_test(test_folder_partial_failures),
	    cmocka_unit_test(test_load_first),
	    cmocka_unit_test(test_single_file_and_all_failing),
	    cmocka_unit_test(test_posting_names),
	    cmocka_unit_test(test_path_stamp),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
