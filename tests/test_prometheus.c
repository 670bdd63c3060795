/* platform/prometheus/: the example scrape config, the alert rules and
 * their unit tests, checked by the real promtool (Debian's prometheus
 * package, from platform/install-deps.sh); the rules use only the metric
 * names of the control API's /metrics. */
#include "testutil.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *promtool(void)
{
	static const char *const where[] = {"/usr/bin/promtool", "/usr/local/bin/promtool"};
	for (size_t i = 0; i < JK_ARRAY_LEN(where); i++)
		if (access(where[i], X_OK) == 0)
			return where[i];
	fail_msg("promtool is not installed (platform/install-deps.sh installs prometheus)");
	return NULL;
}

/* Runs `promtool ARGS`; fails the test with what it said unless it exits
 * 0 and says SUCCESS. */
static void promtool_ok(const char *args)
{
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "%s %s 2>&1 </dev/null", promtool(), args);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	jk_buf out = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		assert_int_equal(jk_buf_append(&out, chunk, n), 0);
	int st = pclose(p);
	jk_buf_putc(&out, '\0');
	const char *said = out.data ? out.data : "";
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0 || !strstr(said, "SUCCESS"))
		fail_msg("promtool %s:\n%s", args, said);
	print_message("promtool %s: ok\n", args);
	jk_buf_free(&out);
}

static void copy_file(const char *from, const char *to)
{
	size_t len;
	char *text = tu_read(from, &len);
	tu_write(to, text);
	free(text);
}

static void test_scrape_config(void **state)
{
	(void)state;
	char args[1200];
	snprintf(args, sizeof args, "check config --syntax-only %s",
	         tu_root("platform/prometheus/prometheus.yml"));
	promtool_ok(args);
	/* In full, rule files and token file too: where it is installed, the
	 * token file lies beside it. */
	char dir[256], path[400];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	snprintf(path, sizeof path, "%s/prometheus.yml", dir);
	copy_file(tu_root("platform/prometheus/prometheus.yml"), path);
	snprintf(path, sizeof path, "%s/jobkiosk-alerts.yml", dir);
	copy_file(tu_root("platform/prometheus/jobkiosk-alerts.yml"), path);
	snprintf(path, sizeof path, "%s/jobkiosk.token", dir);
	tu_write(path, "0123456789abcdef0123456789abcdef\n");
	snprintf(args, sizeof args, "check config %s/prometheus.yml", dir);
	promtool_ok(args);
	tu_rmtree(dir);
}

static void test_rules(void **state)
{
	(void)state;
	char args[1200];
	snprintf(args, sizeof args, "check rules %s",
	         tu_root("platform/prometheus/jobkiosk-alerts.yml"));
	promtool_ok(args);
	snprintf(args, sizeof args, "test rules %s",
	         tu_root("platform/prometheus/jobkiosk-alerts.test.yml"));
	promtool_ok(args);
}

/* Every alert is tested firing and quiet; every jobkiosk_ metric the rules
 * read is one /metrics serves (the names are fixed by the control API). */
static void test_names(void **state)
{
	(void)state;
	static const char *const alerts[] = {"JobkioskScreenDown", "JobkioskSlidesStuck",
	                                     "JobkioskSourceStale"};
	static const char *const metrics[] = {
	    "jobkiosk_build_info",
	    "jobkiosk_slides_shown_total",
	    "jobkiosk_postings",
	    "jobkiosk_source_fetches_total",
	    "jobkiosk_source_last_success_timestamp_seconds",
	    "jobkiosk_cache_bytes",
	    "jobkiosk_display_on",
	    "jobkiosk_announcement_active",
	    "jobkiosk_frame_seconds_bucket",
	    "jobkiosk_frame_seconds_sum",
	    "jobkiosk_frame_seconds_count",
	    "jobkiosk_control_requests_total",
	};
	size_t len;
	char *rules = tu_read(tu_root("platform/prometheus/jobkiosk-alerts.yml"), &len);
	char *tests = tu_read(tu_root("platform/prometheus/jobkiosk-alerts.test.yml"), &len);
	for (size_t i = 0; i < JK_ARRAY_LEN(alerts); i++) {
		char want[80];
		snprintf(want, sizeof want, "alert: %s\n", alerts[i]);
		if (!strstr(rules, want))
			fail_msg("no rule %s", alerts[i]);
		snprintf(want, sizeof want, "alertname: %s\n", alerts[i]);
		if (tu_count(tests, want) < 2)
			fail_msg("%s is not tested both firing and quiet", alerts[i]);
	}
	assert_int_equal(tu_count(rules, "- alert: "), JK_ARRAY_LEN(alerts));
	for (const char *p = rules; (p = strstr(p, "jobkiosk_")) != NULL;) {
		size_t n = 0;
		while (isalnum((unsigned char)p[n]) || p[n] == '_')
			n++;
		bool known = false;
		for (size_t i = 0; i < JK_ARRAY_LEN(metrics); i++)
			known |= strlen(metrics[i]) == n && !strncmp(p, metrics[i], n);
		if (!known)
			fail_msg("unknown metric %.*s in jobkiosk-alerts.yml", (int)n, p);
		p += n;
	}
	free(rules);
	free(tests);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scrape_config),
	    cmocka_unit_test(test_rules),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
