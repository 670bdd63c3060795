/* The command line as an organiser uses it: `jobkiosk --dump SOURCE...`,
 * exit statuses, one-line messages naming the input. Runs the real binary
 * (JK_BIN, the sanitizer build). */
#include "testutil.h"

#include "httpd.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void write_file(const char *dir, const char *name, const char *data)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	fputs(data, f);
	fclose(f);
}

static void test_dump_samples(void **state)
{
	(void)state;
	char args[1024];
	snprintf(args, sizeof args, "--dump %s", tu_root("samples"));
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	/* The project's own samples read without a single complaint. */
	assert_string_equal(r.err, "");
	cJSON *a = cJSON_Parse(r.out);
	assert_non_null(a);
	assert_true(cJSON_IsArray(a));
	assert_true(cJSON_GetArraySize(a) >= 10);
	cJSON *p;
	cJSON_ArrayForEach(p, a)
	{
		assert_true(cJSON_IsString(cJSON_GetObjectItem(p, "title")));
		assert_true(cJSON_IsString(cJSON_GetObjectItem(p, "id")));
		assert_true(cJSON_GetArraySize(cJSON_GetObjectItem(p, "sections")) >= 1);
	}
	cJSON_Delete(a);
	tu_run_free(&r);
}

static void test_dump_seeds(void **state)
{
	(void)state;
	char args[1024];
	snprintf(args, sizeof args, "--dump %s", tu_fixture("seeds"));
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	cJSON *a = cJSON_Parse(r.out);
	assert_non_null(a);
	assert_int_equal(cJSON_GetArraySize(a), 2);
	cJSON_Delete(a);
	tu_run_free(&r);
}

static void test_bad_sources_keep_others(void **state)
{
	(void)state;
	const char *tmp = tu_tmpdir();
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tmp);
	write_file(dir, "good.txt", "Lab technician\n\nKeep the lab running.\n");
	write_file(dir, "empty.md", "");
	write_file(dir, "open.md", "---\ntitle: never closed\n\nbody\n");
	write_file(dir, "trunc.json", "{\"jobs\":[{\"title\":\"x\",");
	char args[1024];
	snprintf(args, sizeof args, "--dump %s /nonexistent/postings", dir);
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	cJSON *a = cJSON_Parse(r.out);
	assert_non_null(a);
	assert_int_equal(cJSON_GetArraySize(a), 1);
	cJSON_Delete(a);
	/* One line per bad input, each naming it. */
	assert_int_equal(count_lines(r.err), 4);
	assert_non_null(strstr(r.err, "empty.md: empty"));
	assert_non_null(strstr(r.err, "open.md: "));
	assert_non_null(strstr(r.err, "trunc.json: "));
	assert_non_null(strstr(r.err, "/nonexistent/postings: No such file"));
	tu_run_free(&r);
	tu_rmtree(dir);
}

static void test_nothing_readable_fails(void **state)
{
	(void)state;
	tu_run_result r = tu_run("--dump /nonexistent/a /nonexistent/b");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "nothing could be read"));
	assert_string_equal(r.out, "[]\n");
	tu_run_free(&r);
}

static void test_usage_errors(void **state)
{
	(void)state;
	tu_run_result r = tu_run("--no-such-option x");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "--no-such-option"));
	assert_int_equal(count_lines(r.err), 2);
	tu_run_free(&r);
	r = tu_run("--dump");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no SOURCE"));
	tu_run_free(&r);
	r = tu_run("--help");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "--dump"));
	tu_run_free(&r);
	r = tu_run("--version");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "jobkiosk "));
	tu_run_free(&r);
}

static const char BOARD[] =
    "{\"jobs\":[{\"id\":11,\"title\":\"Field Engineer\",\"location\":{\"name\":\"Tromsø\"},"
    "\"absolute_url\":\"https://boards.example.org/acme/jobs/"
    "11\",\"updated_at\":\"2026-10-01T10:00:00Z\","
    "\"content\":\"&lt;h2&gt;What you do&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;Keep turbines "
    "turning.&lt;/li&gt;&lt;/ul&gt;\"}]}";

static void board_handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	(void)ud;
	snprintf(r->headers, sizeof r->headers,
	         "ETag: \"b1\"\r\nContent-Type: application/json\r\n");
	if (!strcmp(req->if_none_match, "\"b1\"")) {
		r->status = 304;
		return;
	}
	r->body = BOARD;
	r->len = sizeof BOARD - 1;
}

/* The organiser's preload before the fair, then the venue network dies. */
static void test_fetch_once_then_offline(void **state)
{
	(void)state;
	httpd *srv = httpd_start(board_handler, NULL, 20);
	const char *tmp = tu_tmpdir();
	char cache[256], url[256], args[1024];
	snprintf(cache, sizeof cache, "%s", tmp);
	snprintf(url, sizeof url, "%s", httpd_url(srv, "/board.json"));
	snprintf(args, sizeof args, "--fetch-once --cache-dir %s %s %s", cache, url,
	         tu_root("samples"));
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "board.json: ok, 1 posting(s)"));
	assert_non_null(strstr(r.out, "samples: local, nothing to fetch"));
	tu_run_free(&r);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "board.json: not modified"));
	tu_run_free(&r);
	httpd_stop(srv);

	/* Offline: --fetch-once says so; --dump reads the cached copy. */
	r = tu_run(args);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "board.json: failed: "));
	tu_run_free(&r);
	snprintf(args, sizeof args, "--dump --cache-dir %s %s", cache, url);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	cJSON *a = cJSON_Parse(r.out);
	assert_int_equal(cJSON_GetArraySize(a), 1);
	assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(a, 0), "title")->valuestring,
	                    "Field Engineer");
	cJSON_Delete(a);
	tu_run_free(&r);
	tu_rmtree(cache);
}

static void test_bad_source_specs(void **state)
{
	(void)state;
	tu_run_result r = tu_run("--dump ftp://example.org/jobs.xml");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "'ftp://example.org/jobs.xml'"));
	assert_non_null(strstr(r.err, "only http and https"));
	tu_run_free(&r);
	r = tu_run("--dump greenhouse:../../etc");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "board name"));
	tu_run_free(&r);
	r = tu_run("--refresh-minutes 0 x");
	assert_int_equal(r.status, 2);
	tu_run_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dump_samples),
	    cmocka_unit_test(test_dump_seeds),
	    cmocka_unit_test(test_bad_sources_keep_others),
	    cmocka_unit_test(test_nothing_readable_fails),
	    cmocka_unit_test(test_usage_errors),
	    cmocka_unit_test(test_fetch_once_then_offline),
	    cmocka_unit_test(test_bad_source_specs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
