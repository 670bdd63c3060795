/* test_report.c — the impressions log and its report: rows and quoting of
 * hostile text, the header, ISO 8601 times with the offset; a writer
 * SIGKILLed 200 times leaves only whole rows; at most 6 writes in a
 * simulated hour; rotation at the cap; a torn tail cut back; an
 * unwritable path logged while rows stay kept; the reader on torn,
 * hostile, binary, empty and huge files; the real binary with SIGHUP and
 * SIGTERM; --report and --report --render (read back with tesseract). */
#include "testutil.h"

#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *const hostile[] = {
    "Data \"Wizard\", Senior",
    "line one\nline two\r\nthree",
    "=HYPERLINK(\"http://evil.example/\",\"click\")",
    "+1 cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "  =indented formula",
    "\tTabbed\x01\x02\x7f control",
    "bad \xff\xfe utf-8 \xc3",
    "\xe2\x80\xa8separator\xc2\x85next",
    "مهندس بيانات، كبير",
    "調理補助スタッフ（パート）",
    "",
};

static char *slurp(const char *path, size_t *n)
{
	return tu_read(path, n);
}

static void write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	fclose(f);
}

/* Every line of data is one row: ends in '\n', valid UTF-8, no control
 * character, and the reader takes it whole. */
static void assert_whole_rows(const char *data, size_t n, size_t want_rows)
{
	assert_true(n == 0 || data[n - 1] == '\n');
	assert_true(jk_utf8_valid(data, n));
	for (size_t i = 0; i < n; i++)
		assert_true((unsigned char)data[i] >= 0x20 || data[i] == '\n');
	report_totals t;
	assert_int_equal(report_read_buffer("rows", data, n, &t, NULL), 0);
	assert_int_equal(t.bad, 0);
	if (want_rows != (size_t)-1)
		assert_int_equal(t.rows, want_rows);
	report_totals_free(&t);
}

static void test_rows_quoting(void **state)
{
	(void)state;
	jk_buf b = {0};
	for (size_t i = 0; i < JK_ARRAY_LEN(hostile); i++) {
		report_slide s = {.posting_id = hostile[i],
		                  .title = hostile[i],
		                  .link = hostile[i],
		                  .page = 2,
		                  .pages = 5};
		size_t at = b.len;
		assert_int_equal(report_row(&b, &s, hostile[i], 1796232605, 12.04), 0);
		/* One line each, however hostile. */
		const char *nl = memchr(b.data + at, '\n', b.len - at);
		assert_non_null(nl);
		assert_true(nl == b.data + b.len - 1);
		assert_non_null(strstr(b.data + at, ",2,5,12.0\n"));
	}
	assert_whole_rows(b.data, b.len, JK_ARRAY_LEN(hostile));
	/* Quotes doubled, the cell quoted; formulas guarded. */
	assert_non_null(strstr(b.data, "\"Data \"\"Wizard\"\", Senior\""));
	assert_non_null(
	    strstr(b.data, "\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\""));
	assert_non_null(strstr(b.data, "\"'+1 cmd|' /C calc'!A0\""));
	assert_non_null(strstr(b.data, "\"'-2+3\""));
	assert_non_null(strstr(b.data, "\"'@SUM(A1:A9)\""));
	assert_non_null(strstr(b.data, "\"'  =indented formula\""));
	assert_non_null(strstr(b.data, "line one line two  three"));
	assert_non_null(strstr(b.data, "bad \xEF\xBF\xBD\xEF\xBF\xBD utf-8 \xEF\xBF\xBD"));
	/* No cell starts with a formula character: after a ',' comes a digit,
	 * a quote, a letter, an apostrophe inside quotes... never = + - @. */
	for (size_t i = 0; i + 1 < b.len; i++)
		if (b.data[i] == ',' || b.data[i] == '\n')
			assert_null(strchr("=+-@", b.data[i + 1]) && b.data[i + 1] ? "formula"
			                                                           : NULL);
	/* The reader gives the titles back without the guard. */
	report_totals t;
	assert_int_equal(report_read_buffer("rows", b.data, b.len, &t, NULL), 0);
	bool found = false;
	for (size_t i = 0; i < t.n; i++)
		found |=
		    t.v[i].title && !strcmp(t.v[i].title, "=HYPERLINK(\"http://evil.example/\","
		                                          "\"click\")");
	assert_true(found);
	report_totals_free(&t);
	/* The overview: no id, its own title, no link. */
	b.len = 0;
	report_slide ov = {.page = 1, .pages = 1};
	assert_int_equal(report_row(&b, &ov, "booth", 1796232605, 3), 0);
	assert_non_null(strstr(b.data, ",booth,," REPORT_OVERVIEW ",,1,1,3.0\n"));
	jk_buf_free(&b);
}

static void test_iso_offset(void **state)
{
	(void)state;
	char *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
	char out[32];
	struct tm tm = {
	    .tm_year = 126, .tm_mon = 11, .tm_mday = 2, .tm_hour = 17, .tm_min = 30, .tm_sec = 5};
	time_t t = timegm(&tm);
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	assert_true(report_iso_time(t, out));
	assert_string_equal(out, "2026-12-02T18:30:05+01:00");
	setenv("TZ", "America/St_Johns", 1); /* -03:30 in winter */
	tzset();
	assert_true(report_iso_time(t, out));
	assert_string_equal(out, "2026-12-02T14:00:05-03:30");
	setenv("TZ", "UTC", 1);
	tzset();
	assert_true(report_iso_time(t, out));
	assert_string_equal(out, "2026-12-02T17:30:05+00:00");
	if (old)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
}

static report_slide slide_n(size_t i, char *id, size_t cap)
{
	snprintf(id, cap, "p%zu", i % 7);
	return (report_slide){.posting_id = id,
	                      .title = hostile[i % JK_ARRAY_LEN(hostile)],
	                      .link = "https://jobs.example.org/apply?utm_source=booth",
	                      .page = 1 + i % 3,
	                      .pages = 3};
}

/* A header and rows; a second log on the same file adds no header. */
static void test_header(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char path[512];
	snprintf(path, sizeof path, "%s/imp.csv", dir);
	for (int round = 0; round < 2; round++) {
		report_log *l;
		report_log_opts o = {.path = path, .screen = "booth-12"};
		assert_int_equal(report_log_open(&o, &l, NULL), 0);
		char id[16];
		for (size_t i = 0; i < 5; i++) {
			report_slide s = slide_n(i, id, sizeof id);
			report_log_show(l, &s, 1796232605 + (time_t)i * 12, i * 12000);
		}
		report_log_close(l, 60000);
	}
	size_t n;
	char *d = slurp(path, &n);
	assert_memory_equal(d, REPORT_HEADER, strlen(REPORT_HEADER));
	assert_null(strstr(d + 1, "start,screen"));
	assert_non_null(strstr(d, ",booth-12,p0,"));
	assert_whole_rows(d, n, 10);
	free(d);
	tu_rmtree(dir);
}

/* The child: one row written for sure, then the parent is told (ready),
 * then rows as fast as it can, flushed every few fake ms. */
static _Noreturn void kill_child(const char *path, unsigned seed, int ready)
{
	int nul = open("/dev/null", O_WRONLY);
	dup2(nul, 2);
	report_log *l;
	report_log_opts o = {.path = path, .screen = "kill", .flush_ms = 3, .file_max = 1 << 20};
	if (report_log_open(&o, &l, NULL))
		_exit(1);
	char id[16];
	for (uint64_t ms = 0;; ms++) {
		report_slide s = slide_n(ms + seed, id, sizeof id);
		report_log_show(l, &s, 1796232605 + (time_t)ms, ms);
		if (ms == 1) {
			if (report_log_flush(l) || write(ready, "r", 1) != 1)
				_exit(1);
			close(ready);
		}
		report_log_tick(l, ms);
	}
}

static void test_kill9(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char path[512];
	snprintf(path, sizeof path, "%s/imp.csv", dir);
	srand(12345);
	for (unsigned i = 0; i < 200; i++) {
		int fd[2];
		assert_int_equal(pipe(fd), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fd[0]);
			kill_child(path, i, fd[1]);
		}
		close(fd[1]);
		/* The kill lands at a random moment after the child's first
		 * row is on disk, so every child leaves at least one row. */
		char c;
		assert_int_equal(read(fd[0], &c, 1), 1);
		close(fd[0]);
		struct timespec ts = {0, (long)(rand() % 8000) * 1000L};
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		int st;
		assert_int_equal(waitpid(pid, &st, 0), pid);
		assert_true(WIFSIGNALED(st));
	}
	/* The next start (here: one more log) cuts a torn tail back. */
	report_log *l;
	report_log_opts o = {.path = path, .screen = "kill"};
	assert_int_equal(report_log_open(&o, &l, NULL), 0);
	char id[16];
	report_slide s = slide_n(0, id, sizeof id);
	report_log_show(l, &s, 1796232605, 0);
	report_log_close(l, 1000);
	size_t n;
	char *d = slurp(path, &n);
	assert_memory_equal(d, REPORT_HEADER, strlen(REPORT_HEADER));
	assert_whole_rows(d, n, (size_t)-1);
	report_totals t;
	assert_int_equal(report_read(path, &t, NULL), 0);
	assert_int_equal(t.bad, 0);
	assert_true(t.rows > 200);
	print_message("kill -9 x200: %zu rows, %zu bytes, all whole\n", t.rows, n);
	report_totals_free(&t);
	free(d);
	tu_rmtree(dir);
}

/* One slide every 12 s for an hour on a fake clock: at most 6 writes. */
static void test_hour_writes(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char path[512];
	snprintf(path, sizeof path, "%s/imp.csv", dir);
	report_log *l;
	report_log_opts o = {.path = path, .screen = "hour"};
	assert_int_equal(report_log_open(&o, &l, NULL), 0);
	char id[16];
	size_t shown = 0;
	for (uint64_t ms = 0; ms < 3600u * 1000u; ms += 12000) {
		report_slide s = slide_n(shown++, id, sizeof id);
		report_log_show(l, &s, 1796232605 + (time_t)(ms / 1000), ms);
		report_log_tick(l, ms);
	}
	/* Quit: the slide up ends, the rest is written. */
	report_log_end(l, 3600u * 1000u);
	assert_int_equal(report_log_flush(l), 0);
	report_log_stats st;
	report_log_stats_get(l, &st);
	report_log_close(l, 3600u * 1000u);
	size_t n;
	char *d = slurp(path, &n);
	assert_whole_rows(d, n, shown);
	free(d);
	print_message("an hour, %zu slides: %zu write() calls, quit's included\n", shown,
	              st.writes);
	assert_int_equal(shown, 300);
	assert_int_equal(st.rows, 300);
	assert_true(st.writes <= 6);
	assert_true(st.writes >= 1);
	tu_rmtree(dir);
}

static size_t file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (size_t)st.st_size : 0;
}

static void test_rotation(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char path[512], old[520];
	snprintf(path, sizeof path, "%s/imp.csv", dir);
	snprintf(old, sizeof old, "%s.1", path);
	report_log *l;
	report_log_opts o = {.path = path, .screen = "rot", .flush_ms = 1000, .file_max = 8192};
	assert_int_equal(report_log_open(&o, &l, NULL), 0);
	char id[16];
	for (uint64_t i = 0; i < 400; i++) {
		report_slide s = slide_n(i, id, sizeof id);
		report_log_show(l, &s, 1796232605 + (time_t)i, i * 500);
		report_log_tick(l, i * 500);
	}
	report_log_stats st;
	report_log_stats_get(l, &st);
	report_log_close(l, 400 * 500);
	assert_true(st.rotations >= 2); /* FILE.1 replaced at least once */
	assert_true(file_size(path) <= 8192);
	assert_true(file_size(old) <= 8192);
	assert_true(file_size(old) > 4096);
	size_t n;
	char *d = slurp(old, &n);
	assert_memory_equal(d, REPORT_HEADER, strlen(REPORT_HEADER));
	assert_whole_rows(d, n, (size_t)-1);
	free(d);
	d = slurp(path, &n);
	assert_memory_equal(d, REPORT_HEADER, strlen(REPORT_HEADER));
	assert_whole_rows(d, n, (size_t)-1);
	free(d);
	tu_rmtree(dir);
}

static void test_torn_tail(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char path[512];
	snprintf(path, sizeof path, "%s/imp.csv", dir);
	const char *torn =
	    REPORT_HEADER "2026-12-02T18:30:05+01:00,b,p1,Nurse,https://x.example/,1,1,12.0\n"
	                  "2026-12-02T18:30:17+01:00,b,p2,Por";
	write_file(path, torn, strlen(torn));
	report_log *l;
	report_log_opts o = {.path = path, .screen = "b"};
	assert_int_equal(report_log_open(&o, &l, NULL), 0);
	char id[16];
	report_slide s = slide_n(1, id, sizeof id);
	report_log_show(l, &s, 1796232605, 0);
	report_log_end(l, 12000);
	tu_capture cap;
	tu_capture_start(&cap);
	assert_int_equal(report_log_flush(l), 0);
	char *said = tu_capture_end(&cap);
	report_log_stats st;
	report_log_stats_get(l, &st);
	report_log_close(l, 12000);
	assert_int_equal(st.torn_cut, strlen("2026-12-02T18:30:17+01:00,b,p2,Por"));
	assert_non_null(strstr(said, "torn"));
	assert_non_null(strstr(said, path));
	assert_null(strchr(strchr(said, '\n') + 1, '\n')); /* one line */
	free(said);
	size_t n;
	char *d = slurp(path, &n);
	assert_whole_rows(d, n, 2);
	free(d);
	/* A file of one torn line without any '\n': cut to nothing, then a
	 * header. */
	write_file(path, "garbage without end", 19);
	assert_int_equal(report_log_open(&o, &l, NULL), 0);
	report_log_show(l, &s, 1796232605, 0);
	tu_capture_start(&cap);
	report_log_close(l, 5000);
	free(tu_capture_end(&cap));
	d = slurp(path, &n);
	assert_memory_equal(d, REPORT_HEADER, strlen(REPORT_HEADER));
	assert_whole_rows(d, n, 1);
	free(d);
	tu_rmtree(dir);
}

static void test_unwritable(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char sub[512], path[600];
	snprintf(sub, sizeof sub, "%s/missing", dir);
	snprintf(path, sizeof path, "%s/imp.csv", sub);
	report_log *l;
	report_log_opts o = {.path = path, .screen = "u", .buffer_max = 2048};
	assert_int_equal(report_log_open(&o, &l, NULL), 0);
	char id[16];
	tu_capture cap;
	tu_capture_start(&cap);
	for (uint64_t i = 0; i < 40; i++) {
		report_slide s = slide_n(i, id, sizeof id);
		report_log_show(l, &s, 1796232605 + (time_t)i, i * 1000);
	}
	int r1 = report_log_flush(l);
	int r2 = report_log_flush(l);
	char *said = tu_capture_end(&cap);
	assert_int_equal(r1, JK_EIO);
	assert_int_equal(r2, JK_EIO);
	/* One line for the failure naming the file and why, one for the
	 * early write, one for the rows dropped at the cap. */
	assert_non_null(strstr(said, path));
	assert_non_null(strstr(said, "No such file or directory"));
	size_t lines = 0;
	for (const char *p = said; (p = strchr(p, '\n')); p++)
		lines++;
	assert_true(lines <= 3);
	free(said);
	report_log_stats st;
	report_log_stats_get(l, &st);
	assert_true(st.dropped > 0);
	assert_true(st.failures >= 2);
	/* The folder comes: the rows kept are written. */
	assert_int_equal(mkdir(sub, 0700), 0);
	tu_capture_start(&cap);
	assert_int_equal(report_log_flush(l), 0);
	said = tu_capture_end(&cap);
	assert_non_null(strstr(said, "written again"));
	free(said);
	report_log_close(l, 50000);
	size_t n;
	char *d = slurp(path, &n);
	assert_whole_rows(d, n, 40 - st.dropped);
	free(d);
	/* A folder where the file should be. */
	o.path = sub;
	assert_int_equal(report_log_open(&o, &l, NULL), 0);
	report_slide s = slide_n(0, id, sizeof id);
	report_log_show(l, &s, 1796232605, 0);
	report_log_end(l, 1000);
	tu_capture_start(&cap);
	assert_int_equal(report_log_flush(l), JK_EIO);
	said = tu_capture_end(&cap);
	assert_non_null(strstr(said, "Is a directory"));
	free(said);
	tu_capture_start(&cap);
	report_log_close(l, 1000);
	free(tu_capture_end(&cap));
	assert_int_equal(report_log_open(&(report_log_opts){0}, &l, NULL), JK_EARG);
	tu_rmtree(dir);
}

/* ---- the reader ------------------------------------------------------------ */

static char *read_said(const char *data, size_t n, report_totals *t)
{
	tu_capture cap;
	tu_capture_start(&cap);
	int r = report_read_buffer("log.csv", data, n, t, NULL);
	char *said = tu_capture_end(&cap);
	assert_int_equal(r, 0);
	return said;
}

static void test_reader_bad_lines(void **state)
{
	(void)state;
	static const char doc[] = REPORT_HEADER
	    "2026-12-02T09:00:05+01:00,b,p1,Nurse,https://x.example/,1,2,12.0\n"         /* 2 */
	    "2026-12-02T09:00:17+01:00,b,p1,Nurse,https://x.example/,2,2,12.0\n"         /* 3 */
	    "2026-12-02T09:00:29+01:00,b,p2,\"Porter, \"\"night\"\"\",,1,1,30.5\n"       /* 4 */
	    "2026-12-02T09:01:00+01:00,b,p3,Too,many,fields,1,1,12.0\n"                  /* 5 */
	    "2026-12-02T09:01:12+01:00,b,p3,\"open quote,,1,1,12.0\n"                    /* 6 */
	    "yesterday,b,p3,Bad time,,1,1,12.0\n"                                        /* 7 */
	    "2026-12-02T09:01:24+01:00,b,p3,Bad page,,3,2,12.0\n"                        /* 8 */
	    "2026-12-02T09:01:36+01:00,b,p3,Bad seconds,,1,1,nan\n"                      /* 9 */
	    "2026-12-02T09:01:48+01:00,b,p3,Latin-1 caf\xe9,,1,1,12.0\n"                 /* 10 */
	    "2026-12-02T09:02:00+01:00,b,p3,ctl\x1b[31m,,1,1,12.0\n"                     /* 11 */
	    "\n"                                                                         /* 12 */
	    "2026-12-02T09:02:12+01:00,b,,(overview),,1,1,12.0\r\n"                      /* 13 */
	    "2026-12-02T08:59:00+01:00,b,p1,Nurse (edited),https://x.example/,1,1,6.0\n" /* 14 */
	    "2026-12-02T09:02:24+01:00,b,p2,Porter";                                     /* 15 */
	report_totals t;
	char *said = read_said(doc, sizeof doc - 1, &t);
	assert_int_equal(t.rows, 5);
	assert_int_equal(t.bad, 8);
	assert_int_equal(t.n, 3);
	/* Most minutes first: p2 (30.5 s), p1 (30 s), the overview (12 s). */
	assert_string_equal(t.v[0].id, "p2");
	assert_string_equal(t.v[0].title, "Porter, \"night\"");
	assert_string_equal(t.v[1].id, "p1");
	assert_int_equal(t.v[1].shown, 3);
	assert_string_equal(t.v[1].title, "Nurse (edited)");
	assert_string_equal(t.v[1].first, "2026-12-02T08:59:00+01:00");
	assert_string_equal(t.v[1].last, "2026-12-02T09:00:17+01:00");
	assert_string_equal(t.v[2].id, "");
	static const int lines[] = {5, 6, 7, 8, 9, 10, 11, 15};
	for (size_t i = 0; i < JK_ARRAY_LEN(lines); i++) {
		char want[64];
		snprintf(want, sizeof want, "report: log.csv line %d: ", lines[i]);
		if (!strstr(said, want))
			fail_msg("no '%s' in:\n%s", want, said);
	}
	assert_non_null(strstr(said, "line 15: not ended by a line break (torn)"));
	assert_non_null(strstr(said, "line 10: not valid UTF-8"));
	assert_true(jk_utf8_valid(said, strlen(said)));
	free(said);
	report_totals_free(&t);
}

/* Rows past 2038 (a 32-bit time_t's end, armhf) and across the 1970 and
 * 2038 edges sort by their real times on every architecture. */
static void test_reader_past_2038(void **state)
{
	(void)state;
	static const char doc[] = REPORT_HEADER "2041-03-01T09:00:00+01:00,b,p1,Nurse,,1,1,10.0\n"
	                                        "2040-01-01T00:30:00+01:00,b,p1,Nurse,,1,1,10.0\n"
	                                        "2038-01-19T03:14:08+00:00,b,p1,Nurse,,1,1,10.0\n"
	                                        "2038-01-19T04:14:07+01:00,b,p1,Nurse,,1,1,10.0\n"
	                                        "2106-02-07T06:28:16+00:00,b,p2,Porter,,1,1,10.0\n"
	                                        "1970-01-01T00:59:59+01:00,b,p2,Porter,,1,1,10.0\n";
	report_totals t;
	char *said = read_said(doc, sizeof doc - 1, &t);
	assert_string_equal(said, "");
	assert_int_equal(t.rows, 6);
	assert_int_equal(t.bad, 0);
	assert_int_equal(t.n, 2);
	const report_total *p1 = strcmp(t.v[0].id, "p1") ? &t.v[1] : &t.v[0];
	const report_total *p2 = p1 == &t.v[0] ? &t.v[1] : &t.v[0];
	/* 04:14:07+01:00 is one second before 03:14:08 UTC, the first second
	 * a 32-bit time_t cannot hold. */
	assert_string_equal(p1->first, "2038-01-19T04:14:07+01:00");
	assert_string_equal(p1->last, "2041-03-01T09:00:00+01:00");
	assert_string_equal(p2->first, "1970-01-01T00:59:59+01:00");
	assert_string_equal(p2->last, "2106-02-07T06:28:16+00:00");
	assert_string_equal(t.first, "1970-01-01T00:59:59+01:00");
	assert_string_equal(t.last, "2106-02-07T06:28:16+00:00");
	free(said);
	report_totals_free(&t);
}

static void test_reader_empty_binary_huge(void **state)
{
	(void)state;
	report_totals t;
	/* Empty, and a header alone. */
	char *said = read_said("", 0, &t);
	assert_int_equal(t.rows + t.bad + t.n, 0);
	assert_string_equal(said, "");
	free(said);
	report_totals_free(&t);
	said = read_said(REPORT_HEADER, strlen(REPORT_HEADER), &t);
	assert_int_equal(t.rows + t.bad, 0);
	free(said);
	report_totals_free(&t);
	/* Binary: random bytes, NULs; the lines named are capped, then a
	 * count. */
	size_t bn = 1 << 18;
	char *bin = malloc(bn);
	srand(7);
	for (size_t i = 0; i < bn; i++)
		bin[i] = (char)(rand() & 0xFF);
	said = read_said(bin, bn, &t);
	assert_int_equal(t.rows, 0);
	assert_true(t.bad > REPORT_BAD_SHOWN);
	size_t lines = 0;
	for (const char *p = said; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, REPORT_BAD_SHOWN + 1);
	assert_non_null(strstr(said, "line(s) skipped in all"));
	assert_true(jk_utf8_valid(said, strlen(said)));
	free(said);
	report_totals_free(&t);
	free(bin);
	/* Huge: 200000 rows of 3000 postings and a 3 MiB line without an
	 * end; memory stays the postings', the long line is one bad line. */
	jk_buf b = {0};
	assert_int_equal(jk_buf_puts(&b, REPORT_HEADER), 0);
	for (size_t i = 0; i < 200000; i++)
		assert_int_equal(jk_buf_printf(&b,
		                               "2026-12-02T09:%02zu:%02zu+01:00,b,id%zu,Title %zu,"
		                               "https://x.example/%zu,1,1,12.0\n",
		                               i / 60 % 60, i % 60, i % 3000, i % 3000, i % 3000),
		                 0);
	size_t at = b.len;
	for (size_t i = 0; i < (3u << 20); i++)
		assert_int_equal(jk_buf_putc(&b, 'x'), 0);
	said = read_said(b.data, b.len, &t);
	assert_int_equal(t.rows, 200000);
	assert_int_equal(t.n, 3000);
	assert_int_equal(t.bad, 1);
	assert_non_null(strstr(said, "longer than 16384 bytes, and not ended (torn)"));
	free(said);
	report_totals_free(&t);
	/* The same long line ended, then a good row: the row counts. */
	b.len = at;
	for (size_t i = 0; i < 20000; i++)
		jk_buf_putc(&b, 'y');
	jk_buf_puts(&b, "\n2026-12-02T10:00:00+01:00,b,id1,T,,1,1,1.0\n");
	said = read_said(b.data, b.len, &t);
	assert_int_equal(t.rows, 200001);
	assert_int_equal(t.bad, 1);
	free(said);
	report_totals_free(&t);
	jk_buf_free(&b);
}

/* ---- the real binary -------------------------------------------------------- */

static bool wait_file_rows(const char *path, size_t min_rows, int ms)
{
	for (int waited = 0; waited < ms; waited += 100) {
		report_totals t;
		if (file_size(path) && report_read(path, &t, NULL) == 0) {
			size_t rows = t.rows;
			report_totals_free(&t);
			if (rows >= min_rows)
				return true;
		}
		usleep(100000);
	}
	return false;
}

/* Whether the file at path holds s. */
static bool log_says(const char *path, const char *s)
{
	size_t n;
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	fclose(f);
	char *d = slurp(path, &n);
	bool yes = strstr(d, s) != NULL;
	free(d);
	return yes;
}

static void test_kiosk_sighup_sigterm(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char conf[600], csv[600], err[600], text[1200];
	snprintf(conf, sizeof conf, "%s/jobkiosk.conf", dir);
	snprintf(csv, sizeof csv, "%s/impressions.csv", dir);
	snprintf(err, sizeof err, "%s/err", dir);
	snprintf(text, sizeof text,
	         "source = %s\nslide_seconds = 1\ntransition = cut\nfullscreen = no\n"
	         "resolution = 480x270\nimpressions_log = %s\nscreen_name = =booth 12\n",
	         tu_root("samples"), csv);
	write_file(conf, text, strlen(text));
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int e = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		dup2(e, 2);
		int nul = open("/dev/null", O_RDWR);
		dup2(nul, 0);
		dup2(nul, 1);
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
		execl(tu_bin(), tu_bin(), "--config", conf, (char *)NULL);
		_exit(127);
	}
	/* Started (slow under emulation: make test-cross), then slides go by;
	 * nothing is written before the 10 minutes... */
	for (int waited = 0; waited < 60000 && !log_says(err, "impressions log:"); waited += 100)
		usleep(100000);
	usleep(3500000);
	assert_int_equal(file_size(csv), 0);
	/* ...but SIGHUP writes what is kept, and the kiosk goes on. */
	kill(pid, SIGHUP);
	assert_true(wait_file_rows(csv, 2, 30000));
	int st = 0;
	assert_int_equal(waitpid(pid, &st, WNOHANG), 0);
	report_totals t;
	assert_int_equal(report_read(csv, &t, NULL), 0);
	size_t after_hup = t.rows;
	report_totals_free(&t);
	usleep(2500000);
	kill(pid, SIGTERM);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	size_t n;
	char *d = slurp(csv, &n);
	assert_memory_equal(d, REPORT_HEADER, strlen(REPORT_HEADER));
	assert_whole_rows(d, n, (size_t)-1);
	/* The screen's name guarded like any cell. */
	assert_non_null(strstr(d, ",\"'=booth 12\","));
	assert_non_null(strstr(d, "https://"));
	assert_int_equal(report_read(csv, &t, NULL), 0);
	print_message("kiosk: %zu rows after SIGHUP, %zu after SIGTERM\n", after_hup, t.rows);
	assert_true(t.rows > after_hup);
	report_totals_free(&t);
	free(d);
	char *e = slurp(err, NULL);
	assert_null(strstr(e, "AddressSanitizer"));
	assert_null(strstr(e, "LeakSanitizer"));
	free(e);
	tu_rmtree(dir);
}

static void test_report_cli(void **state)
{
	(void)state;
	char dir[256];
	snprintf(dir, sizeof dir, "%s", tu_tmpdir());
	char csv[600], args[2000];
	snprintf(csv, sizeof csv, "%s/imp.csv", dir);
	jk_buf b = {0};
	jk_buf_puts(&b, REPORT_HEADER);
	static const char *const titles[] = {
	    "Embedded Firmware Engineer",
	    "مهندس بيانات أول",
	    "調理補助スタッフ（パート）",
	    "Senior Principal Staff Distinguished Site Reliability Engineer for Planetary Scale "
	    "Observability Platforms and Everything Else",
	    "=cmd|' /C calc'!A0",
	    "Library Assistant (Saturdays)",
	};
	for (size_t i = 0; i < 60; i++) {
		report_slide s = {.posting_id = titles[i % 6],
		                  .title = titles[i % 6],
		                  .link = "https://x.example/",
		                  .page = 1,
		                  .pages = 1};
		report_row(&b, &s, "booth", 1796232605 + (time_t)i * 12,
		           12.0 * (double)(1 + i % 6));
	}
	static const char tail[] = "torn,row\n\x00\x01binary\n2026-12-02T09:00:05+01:00,b,x,T";
	jk_buf_append(&b, tail, sizeof tail - 1);
	write_file(csv, b.data, b.len);
	jk_buf_free(&b);
	snprintf(args, sizeof args, "--no-config --report '%s' --render '%s/out'", csv, dir);
	tu_run_result r = tu_run(args);
	if (r.status != 0)
		fail_msg("status %d: %s", r.status, r.err);
	assert_non_null(strstr(r.out, "60 slide(s) shown"));
	assert_non_null(strstr(r.out, "مهندس بيانات أول"));
	assert_non_null(strstr(r.out, "=cmd|' /C calc'!A0"));
	assert_non_null(strstr(r.err, "report: "));
	assert_non_null(strstr(r.err, "imp.csv line 62: 2 field(s)"));
	assert_non_null(strstr(r.err, "imp.csv line 63: binary data"));
	assert_non_null(strstr(r.err, "imp.csv line 64: not ended by a line break (torn)"));
	tu_run_free(&r);
	char png[700];
	snprintf(png, sizeof png, "%s/out/report.png", dir);
	assert_true(file_size(png) > 10000);
	if (access("/usr/bin/tesseract", X_OK) == 0) {
		char cmd[900];
		snprintf(cmd, sizeof cmd, "tesseract '%s' stdout -l eng --psm 3 2>/dev/null", png);
		FILE *p = popen(cmd, "r");
		char ocr[8192] = "";
		size_t got = p ? fread(ocr, 1, sizeof ocr - 1, p) : 0;
		ocr[got] = '\0';
		if (p)
			pclose(p);
		print_message("tesseract read: %.60s...\n", ocr);
		assert_non_null(strstr(ocr, "What the screen did"));
		assert_non_null(strstr(ocr, "Library Assistant"));
	}
	/* Empty, missing, a folder. */
	write_file(csv, "", 0);
	snprintf(args, sizeof args, "--no-config --report '%s'", csv);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "0 slide(s) shown"));
	tu_run_free(&r);
	snprintf(args, sizeof args, "--no-config --report '%s/none.csv'", dir);
	r = tu_run(args);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "none.csv: cannot open: No such file or directory"));
	tu_run_free(&r);
	snprintf(args, sizeof args, "--no-config --report '%s'", dir);
	r = tu_run(args);
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.err, "cannot read: Is a directory"));
	tu_run_free(&r);
	tu_rmtree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rows_quoting),
	    cmocka_unit_test(test_iso_offset),
	    cmocka_unit_test(test_header),
	    cmocka_unit_test(test_kill9),
	    cmocka_unit_test(test_hour_writes),
	    cmocka_unit_test(test_rotation),
	    cmocka_unit_test(test_torn_tail),
	    cmocka_unit_test(test_unwritable),
	    cmocka_unit_test(test_reader_bad_lines),
	    cmocka_unit_test(test_reader_past_2038),
	    cmocka_unit_test(test_reader_empty_binary_huge),
	    cmocka_unit_test(test_kiosk_sighup_sigterm),
	    cmocka_unit_test(test_report_cli),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
