/* test_remote.c — the control server in the real program: the jobkiosk
 * binary under SDL's offscreen driver with control_listen on 127.0.0.1,
 * driven over HTTP with libcurl. Commands move the real slides, the
 * screenshot is what the loop drew (zbar reads the posting's code from it,
 * tesseract the announcement), an announcement outlasts a restart, /metrics
 * passes promtool with the program's own figures, an address beyond
 * loopback without a token stops the program, and 100 held connections
 * from one client leave the slides on time (measured from the impressions
 * log, printed) and a phone on another address served. */
#include "app.h"
#include "testutil.h"

#include <SDL.h>
#include <SDL_image.h>
#include <arpa/inet.h>
#include <cjson/cJSON.h>
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "k3y-for-the-booth-2026-xyz"

typedef struct kiosk_proc {
	pid_t pid;
	int port;
	char dir[512]; /* XDG_STATE_HOME and the log */
	char err[600];
} kiosk_proc;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

static long get_code(const kiosk_proc *k, const char *path);

/* Starts the binary with args (NULL-terminated) after the common ones;
 * waits (20 s at most) for the control server's line and its port. */
static void start(kiosk_proc *k, const char *const *extra)
{
	snprintf(k->err, sizeof k->err, "%s/err", k->dir);
	close(open(k->err, O_WRONLY | O_CREAT | O_TRUNC, 0644)); /* this run's lines only */
	k->pid = fork();
	assert_true(k->pid >= 0);
	if (k->pid == 0) {
		int e = open(k->err, O_WRONLY | O_CREAT | O_APPEND, 0644);
		dup2(e, 2);
		int nul = open("/dev/null", O_RDWR);
		dup2(nul, 0), dup2(nul, 1);
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
		setenv("XDG_STATE_HOME", k->dir, 1);
		const char *argv[40] = {tu_bin(),       "--no-config",     "--fullscreen=no",
		                        "--resolution", "960x540",         "--control-listen",
		                        "127.0.0.1:0",  "--control-token", TOKEN};
		int n = 9;
		for (int i = 0; extra && extra[i] && n < 38; i++)
			argv[n++] = extra[i];
		argv[n++] = tu_root("samples");
		execv(tu_bin(), (char *const *)argv);
		_exit(127);
	}
	k->port = 0;
	for (double end = now_s() + 20; !k->port && now_s() < end; sleep_ms(50)) {
		char *log = tu_read(k->err, NULL);
		const char *p = strstr(log, "control server on http://127.0.0.1:");
		if (p)
			k->port = atoi(p + strlen("control server on http://127.0.0.1:"));
		free(log);
	}
	assert_true(k->port > 0);
	/* The status answers 503 until the loop has published once. */
	long code = 0;
	for (double end = now_s() + 20; code != 200 && now_s() < end; sleep_ms(50))
		code = get_code(k, "/api/status");
	assert_int_equal(code, 200);
}

/* SIGTERM and a clean exit; nothing the sanitizers saw. */
static void stop(kiosk_proc *k)
{
	kill(k->pid, SIGTERM);
	int st = 0;
	for (double end = now_s() + 20; now_s() < end; sleep_ms(20))
		if (waitpid(k->pid, &st, WNOHANG) == k->pid)
			break;
	if (waitpid(k->pid, &st, WNOHANG) == 0) {
		kill(k->pid, SIGKILL);
		waitpid(k->pid, &st, 0);
		fail_msg("jobkiosk did not stop on SIGTERM");
	}
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	char *e = tu_read(k->err, NULL);
	assert_null(strstr(e, "AddressSanitizer"));
	assert_null(strstr(e, "runtime error"));
	free(e);
}

/* ---- an HTTP client --------------------------------------------------------- */

typedef struct resp {
	long code;
	char *body;
	size_t len;
} resp;

static size_t on_data(char *p, size_t sz, size_t n, void *ud)
{
	resp *r = ud;
	char *b = realloc(r->body, r->len + sz * n + 1);
	assert_non_null(b);
	memcpy(b + r->len, p, sz * n);
	r->len += sz * n;
	b[r->len] = 0;
	r->body = b;
	return sz * n;
}

/* method path [body]; token NULL: none; from: the client's own address
 * (another loopback address is another client), NULL: 127.0.0.1. */
static resp call_from(const kiosk_proc *k, const char *from, const char *method, const char *path,
                      const char *token, const char *body)
{
	resp r = {0};
	CURL *c = curl_easy_init();
	assert_non_null(c);
	char url[256], auth[256];
	snprintf(url, sizeof url, "http://127.0.0.1:%d%s", k->port, path);
	struct curl_slist *h = NULL;
	if (token) {
		snprintf(auth, sizeof auth, "Authorization: Bearer %s", token);
		h = curl_slist_append(h, auth);
	}
	if (body)
		h = curl_slist_append(h, "Content-Type: application/json");
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (body)
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	else if (!strcmp(method, "POST"))
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, "");
	if (from)
		curl_easy_setopt(c, CURLOPT_INTERFACE, from);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		r.code = -1;
	else
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.code);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	return r;
}

static resp call(const kiosk_proc *k, const char *method, const char *path, const char *body)
{
	return call_from(k, NULL, method, path, TOKEN, body);
}

static long get_code(const kiosk_proc *k, const char *path)
{
	resp r = call(k, "GET", path, NULL);
	free(r.body);
	return r.code;
}

static void ok(const kiosk_proc *k, const char *method, const char *path, const char *body)
{
	resp r = call(k, method, path, body);
	if (r.code != 200)
		fail_msg("%s %s: %ld %s", method, path, r.code, r.body ? r.body : "");
	free(r.body);
}

static cJSON *status(const kiosk_proc *k)
{
	resp r = call(k, "GET", "/api/status", NULL);
	assert_int_equal(r.code, 200);
	cJSON *j = cJSON_Parse(r.body);
	assert_non_null(j);
	free(r.body);
	return j;
}

/* "ID#PAGE" of the slide up (ID "" on the overview or waiting screen;
 * caller frees). */
static char *showing_id(const kiosk_proc *k)
{
	cJSON *j = status(k);
	const cJSON *sh = cJSON_GetObjectItem(j, "showing");
	const cJSON *id = cJSON_GetObjectItem(sh, "id"), *pg = cJSON_GetObjectItem(sh, "page");
	char buf[256];
	snprintf(buf, sizeof buf, "%s#%d", cJSON_IsString(id) ? id->valuestring : "",
	         cJSON_IsNumber(pg) ? pg->valueint : 0);
	cJSON_Delete(j);
	return strdup(buf);
}

/* Polls (10 s at most) until showing.id equals want (want_eq) or differs
 * from it. */
static bool wait_showing(const kiosk_proc *k, const char *id, bool want_eq)
{
	for (double end = now_s() + 10; now_s() < end; sleep_ms(50)) {
		char *s = showing_id(k);
		bool eq = !strcmp(s, id);
		free(s);
		if (eq == want_eq)
			return true;
	}
	return false;
}

/* The apply link --dump gives the posting id (caller frees). */
static char *apply_of(const char *id)
{
	char args[1024];
	snprintf(args, sizeof args, "--no-config --dump %s", tu_root("samples"));
	tu_run_result r = tu_run(args);
	assert_int_equal(r.status, 0);
	cJSON *j = cJSON_Parse(r.out);
	assert_non_null(j);
	char *out = NULL;
	const cJSON *p;
	cJSON_ArrayForEach(p, j)
	{
		const cJSON *i = cJSON_GetObjectItem(p, "id"), *a = cJSON_GetObjectItem(p, "apply");
		if (cJSON_IsString(i) && !strcmp(i->valuestring, id) && cJSON_IsString(a))
			out = strdup(a->valuestring);
	}
	cJSON_Delete(j);
	tu_run_free(&r);
	assert_non_null(out);
	return out;
}

/* Polls (10 s at most) until the status's announcement text is want
 * (NULL: none). */
static bool wait_announce(const kiosk_proc *k, const char *want)
{
	for (double end = now_s() + 10; now_s() < end; sleep_ms(50)) {
		cJSON *j = status(k);
		const cJSON *t =
		    cJSON_GetObjectItem(cJSON_GetObjectItem(j, "announcement"), "text");
		bool ok = want ? cJSON_IsString(t) && !strcmp(t->valuestring, want) : !t;
		cJSON_Delete(j);
		if (ok)
			return true;
	}
	return false;
}

static SDL_Surface *screenshot(const kiosk_proc *k)
{
	resp r = call(k, "GET", "/api/screenshot.png", NULL);
	assert_int_equal(r.code, 200);
	SDL_Surface *s = IMG_Load_RW(SDL_RWFromConstMem(r.body, (int)r.len), 1);
	assert_non_null(s);
	free(r.body);
	return s;
}

/* What tesseract reads in s (caller frees). */
static char *ocr(SDL_Surface *s, const char *dir)
{
	char png[700], cmd[1600];
	snprintf(png, sizeof png, "%s/shot.png", dir);
	assert_int_equal(IMG_SavePNG(s, png), 0);
	snprintf(cmd, sizeof cmd, "tesseract %s - 2>/dev/null", png);
	FILE *f = popen(cmd, "r");
	assert_non_null(f);
	char *out = calloc(1, 65536);
	size_t n = fread(out, 1, 65535, f);
	out[n] = 0;
	pclose(f);
	return out;
}

/* ---- the tests ----------------------------------------------------------------- */

static void test_drive(void **state)
{
	(void)state;
	kiosk_proc k = {0};
	snprintf(k.dir, sizeof k.dir, "%s", tu_tmpdir());
	static const char *const args[] = {"--slide-seconds", "3", NULL};
	start(&k, args);

	/* The token guards the API; the page itself holds no data. */
	resp r = call_from(&k, NULL, "GET", "/api/status", NULL, NULL);
	assert_int_equal(r.code, 401);
	free(r.body);
	r = call_from(&k, NULL, "GET", "/api/status", "not-the-token-at-all", NULL);
	assert_int_equal(r.code, 401);
	free(r.body);
	r = call_from(&k, NULL, "GET", "/", NULL, NULL);
	assert_int_equal(r.code, 200);
	assert_non_null(strstr(r.body, "<html"));
	free(r.body);

	cJSON *j = status(&k);
	const cJSON *deck = cJSON_GetObjectItem(j, "deck");
	int size = cJSON_GetObjectItem(deck, "size")->valueint;
	assert_true(size >= 10);
	const cJSON *list = cJSON_GetObjectItem(deck, "postings");
	assert_int_equal(cJSON_GetArraySize(list), size);
	char *last =
	    strdup(cJSON_GetObjectItem(cJSON_GetArrayItem(list, size - 1), "id")->valuestring);
	cJSON_Delete(j);

	/* Paused, the slide stays past its time; resumed, it moves on. */
	ok(&k, "POST", "/api/pause", NULL);
	char *held = showing_id(&k);
	j = status(&k);
	assert_true(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "showing"), "paused")));
	cJSON_Delete(j);
	sleep_ms(3500);
	char *still = showing_id(&k);
	assert_string_equal(held, still);
	free(still);
	ok(&k, "POST", "/api/next", NULL);
	assert_true(wait_showing(&k, held, false));
	ok(&k, "POST", "/api/resume", NULL);

	/* goto: the last posting; its code on the screenshot is its link. */
	free(held);
	char body[512];
	snprintf(body, sizeof body, "{\"id\":\"%s\"}", last);
	ok(&k, "POST", "/api/pause", NULL);
	ok(&k, "POST", "/api/goto", body);
	char first[300];
	snprintf(first, sizeof first, "%s#1", last); /* its first page */
	assert_true(wait_showing(&k, first, true));
	r = call(&k, "POST", "/api/goto", "{\"id\":\"no-such-posting\"}");
	assert_int_equal(r.code, 404);
	free(r.body);
	sleep_ms(1500); /* the crossfade to it is over */
	SDL_Surface *shot = screenshot(&k);
	assert_int_equal(shot->w, 960);
	assert_int_equal(shot->h, 540);
	int nsyms = 0;
	char *code = tu_zbar_surface(shot, &nsyms);
	char *apply = apply_of(last);
	assert_non_null(code);
	assert_string_equal(code, apply);
	free(code), free(apply);
	SDL_FreeSurface(shot);

	/* An announcement: on the screen, in the status, kept over a
	 * restart; gone for good once deleted. */
	ok(&k, "POST", "/api/announce",
	   "{\"text\":\"Talk at 3 pm in room B\",\"minutes\":30,\"level\":\"info\"}");
	assert_true(wait_announce(&k, "Talk at 3 pm in room B"));
	sleep_ms(1500);
	shot = screenshot(&k);
	char *text = ocr(shot, k.dir);
	assert_non_null(strstr(text, "room B"));
	free(text);
	SDL_FreeSurface(shot);

	/* /metrics with the program's own figures passes promtool. */
	r = call(&k, "GET", "/metrics", NULL);
	assert_int_equal(r.code, 200);
	assert_non_null(strstr(r.body, "jobkiosk_slides_shown_total"));
	assert_non_null(strstr(r.body, "jobkiosk_frame_seconds_count"));
	assert_non_null(strstr(r.body, "jobkiosk_announcement_active 1"));
	/* The samples folder is local: nothing fetched, no series to go stale. */
	assert_null(strstr(r.body, "source=\"/"));
	char mpath[700], cmd[1600];
	snprintf(mpath, sizeof mpath, "%s/metrics.txt", k.dir);
	FILE *f = fopen(mpath, "w");
	assert_non_null(f);
	fwrite(r.body, 1, r.len, f);
	fclose(f);
	free(r.body);
	snprintf(cmd, sizeof cmd, "promtool check metrics < %s > %s/promtool.out 2>&1", mpath,
	         k.dir);
	int rc = system(cmd);
	if (rc != 0) {
		snprintf(mpath, sizeof mpath, "%s/promtool.out", k.dir);
		char *o = tu_read(mpath, NULL);
		fail_msg("promtool check metrics: %s", o);
	}
	stop(&k);

	start(&k, args);
	assert_true(wait_announce(&k, "Talk at 3 pm in room B"));
	ok(&k, "DELETE", "/api/announce", NULL);
	assert_true(wait_announce(&k, NULL));
	stop(&k);
	start(&k, args);
	assert_true(wait_announce(&k, NULL));
	sleep_ms(1000); /* and it stays away */
	assert_true(wait_announce(&k, NULL));
	stop(&k);
	free(last);
	tu_rmtree(k.dir);
}

/* Beyond loopback without a token (or with a short one): the program
 * refuses to start, with one line naming the setting. */
static void test_refuse_open_bind(void **state)
{
	(void)state;
	char args[1024];
	snprintf(args, sizeof args, "--no-config --control-listen 0.0.0.0:0 --check-config %s",
	         tu_root("samples"));
	tu_run_result r = tu_run(args);
	assert_int_not_equal(r.status, 0);
	assert_non_null(strstr(r.err, "0.0.0.0"));
	assert_non_null(strstr(r.err, "token"));
	tu_run_free(&r);
	snprintf(args, sizeof args,
	         "--no-config --control-listen 0.0.0.0:0 --control-token short-token-15c "
	         "--fullscreen=no %s",
	         tu_root("samples"));
	r = tu_run(args);
	assert_int_not_equal(r.status, 0);
	assert_non_null(strstr(r.err, "token"));
	tu_run_free(&r);
	/* The token is never printed. */
	snprintf(args, sizeof args,
	         "--no-config --control-listen 127.0.0.1:8080 --control-token %s --check-config",
	         TOKEN);
	r = tu_run(args);
	assert_int_equal(r.status, 0);
	assert_null(strstr(r.out, TOKEN));
	assert_null(strstr(r.err, TOKEN));
	assert_non_null(strstr(r.out, "# control_token = (set, not shown)"));
	tu_run_free(&r);
}

/* A connection that sends half a request line and then nothing. */
static int slow_conn(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	assert_true(fd >= 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close(fd);
		return -1;
	}
	static const char part[] = "GET /api/status HTTP/1.1\r\nHost: x\r\nAuthor";
	if (write(fd, part, sizeof part - 1) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The impressions log's seconds column (slides that ran their full time,
 * not the first or last). */
static size_t durations(const char *path, double *out, size_t cap)
{
	if (access(path, R_OK) != 0)
		return 0;
	char *d = tu_read(path, NULL);
	size_t n = 0, line = 0;
	for (char *p = d, *nl; p && *p && n < cap; p = nl ? nl + 1 : NULL, line++) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = 0;
		const char *c = strrchr(p, ',');
		if (line > 1 && c) /* not the header, nor the first (its start was the start-up) */
			out[n++] = atof(c + 1);
	}
	free(d);
	return n;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void test_slow_clients(void **state)
{
	(void)state;
	kiosk_proc k = {0};
	snprintf(k.dir, sizeof k.dir, "%s", tu_tmpdir());
	char logp[700];
	snprintf(logp, sizeof logp, "%s/imp.csv", k.dir);
	const char *const args[] = {
	    "--slide-seconds", "1", "--transition", "cut", "--impressions-log", logp, NULL};
	start(&k, args);
	int fds[100], held = 0;
	for (int i = 0; i < 100; i++) {
		fds[i] = slow_conn(k.port);
		held += fds[i] >= 0;
	}
	/* A phone on another address is still served while they hang. */
	double t0 = now_s();
	resp r = call_from(&k, "127.0.0.2", "GET", "/api/status", TOKEN, NULL);
	double answer_ms = (now_s() - t0) * 1000;
	assert_int_equal(r.code, 200);
	free(r.body);
	sleep_ms(8000);
	/* How many the server kept (the rest it closed: its per-address
	 * limit). */
	int kept = 0;
	for (int i = 0; i < 100; i++) {
		char c;
		if (fds[i] >= 0 && recv(fds[i], &c, 1, MSG_DONTWAIT | MSG_PEEK) < 0 &&
		    (errno == EAGAIN || errno == EWOULDBLOCK))
			kept++;
	}
	/* The kiosk writes its rows at SIGHUP. */
	kill(k.pid, SIGHUP);
	double d[64];
	size_t n = 0;
	for (double end = now_s() + 10; n < 5 && now_s() < end; sleep_ms(100))
		n = durations(logp, d, 64);
	sleep_ms(300); /* the whole write */
	n = durations(logp, d, 64);
	for (int i = 0; i < 100; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	assert_true(n >= 5); /* slides kept changing */
	qsort(d, n, sizeof *d, cmp_d);
	print_message("100 slow connections (%d connected, %d still held by the server after 8 s): "
	              "another client answered in %.0f ms; %zu slides of 1 s: median %.1f s, "
	              "longest %.1f s on screen\n",
	              held, kept, answer_ms, n, d[n / 2], d[n - 1]);
	stop(&k);
	tu_rmtree(k.dir);
}

/* The saved announcement is outside data: each bad file is one line
 * naming it, and no announcement. */
static void test_saved_file(void **state)
{
	(void)state;
	const time_t now = 1796232605;
	kiosk_announce an;
	jk_err err = {0};
	static const char good[] = "{\"text\":\"Talk at 3 pm\",\"level\":\"urgent\","
	                           "\"until\":1796236205}";
	assert_int_equal(app_announce_read("a.json", good, sizeof good - 1, now, &an, &err), 0);
	assert_string_equal(an.text, "Talk at 3 pm");
	assert_true(an.urgent);
	assert_int_equal(an.until, 1796236205);
	/* Ended: nothing, quietly. */
	assert_int_equal(app_announce_read("a.json", good, sizeof good - 1, 1796236205, &an, &err),
	                 JK_ENOTFOUND);
	static const struct {
		const char *data;
		size_t n;
	} bad[] = {
	    {"", 0},
	    {"{\"text\":\"Talk", 0},
	    {"\x89PNG\r\n\x1a\n\0\0", 10},
	    {"{\"text\":\"caf\xe9\",\"level\":\"info\",\"until\":1796236205}", 0},
	    {"{\"text\":\"\",\"level\":\"info\",\"until\":1796236205}", 0},
	    {"{\"text\":\"a\\u202eb\",\"level\":\"info\",\"until\":1796236205}", 0},
	    {"{\"text\":\"x\",\"level\":\"loud\",\"until\":1796236205}", 0},
	    {"{\"text\":1,\"level\":\"info\",\"until\":1796236205}", 0},
	    {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 0},
	};
	for (size_t i = 0; i < JK_ARRAY_LEN(bad); i++) {
		memset(&err, 0, sizeof err);
		size_t n = bad[i].n ? bad[i].n : strlen(bad[i].data); /* 0: a string */
		int r =
		    app_announce_read("state/announcement.json", bad[i].data, n, now, &an, &err);
		assert_int_equal(r, JK_EFORMAT);
		assert_non_null(strstr(err.msg, "state/announcement.json"));
		assert_null(strchr(err.msg, '\n'));
		assert_string_equal(an.text, "");
	}
	/* Huge: refused before parsing. */
	size_t big = 1u << 20;
	char *h = malloc(big);
	assert_non_null(h);
	memset(h, ' ', big);
	assert_int_equal(app_announce_read("big.json", h, big, now, &an, &err), JK_EFORMAT);
	assert_non_null(strstr(err.msg, "too big"));
	free(h);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_saved_file),
	    cmocka_unit_test(test_refuse_open_bind),
	    cmocka_unit_test(test_drive),
	    cmocka_unit_test(test_slow_clients),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	curl_global_cleanup();
	return r;
}
