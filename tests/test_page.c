/* test_page.c — the control page (src/control/page.html) in a real
 * browser: the real kiosk (JK_BIN, SDL offscreen) with its control server
 * on a free loopback port, Debian's chromium driven headless through
 * chromedriver (tests/webdriver.c). Each step acts on the page as a phone
 * user would and checks the result both on the page and in /api/status.
 * Everything has a deadline; the kiosk and the driver run in their own
 * process groups, killed and reaped at the end (or by the watchdog). */
#include "testutil.h"
#include "webdriver.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TOKEN "Pg7Hq2Lx9Vb4Nc8Rt3Kw6Zy1" /* 24 characters */
#define SCREEN "page-test"
#define HOSTILE "Night Porter <img src=x onerror=window.jkPwned=1>"
#define ANNOUNCE "Coffee at 3 pm in room B <b>now</b> \u2615"
#define DEADLINE_S 300 /* the whole program */
#define STEP_MS 15000  /* one step's wait */

static struct {
	pid_t kiosk; /* leader of its own process group; 0 none */
	int port;
	char dir[256]; /* temp folder: the hostile source and the kiosk's log */
	wd w;
} T;

static volatile pid_t watch_kiosk, watch_driver;

/* The overall deadline: kill both process groups and leave. */
static void on_alarm(int sig)
{
	static const char msg[] = "test_page: overall deadline passed; killing the kiosk and the "
	                          "browser\n";
	(void)sig;
	if (watch_kiosk > 0)
		kill(-watch_kiosk, SIGKILL);
	if (watch_driver > 0)
		kill(-watch_driver, SIGKILL);
	(void)!write(2, msg, sizeof msg - 1);
	_exit(1);
}

static const char *url(const char *path)
{
	static char buf[256];
	snprintf(buf, sizeof buf, "http://127.0.0.1:%d%s", T.port, path);
	return buf;
}

/* GET /api/status with the token: the parsed answer (caller frees) or
 * NULL when it did not answer 200 with JSON. */
static cJSON *status(void)
{
	long code;
	char *body = wd_get_text(url("/api/status"), "Authorization: Bearer " TOKEN, &code);
	cJSON *j = code == 200 && body ? cJSON_Parse(body) : NULL;
	free(body);
	return j;
}

static cJSON *showing(const cJSON *s)
{
	return cJSON_GetObjectItem(s, "showing");
}

static const char *showing_str(const cJSON *s, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItem(showing(s), key));
}

/* What the page's #title says for a status: the title, or its words for
 * the overview and the waiting screen (as page.html writes them). */
static void expected_title(const cJSON *s, char *out, size_t n)
{
	const char *kind = showing_str(s, "kind"), *title = showing_str(s, "title");
	if (kind && strcmp(kind, "posting") == 0)
		snprintf(out, n, "%s", title ? title : "");
	else
		snprintf(out, n, "%s",
		         kind && strcmp(kind, "overview") == 0 ? "Overview"
		                                               : "Waiting for postings");
}

/* A JavaScript string literal of s (JSON is one). Caller frees. */
static char *js_string(const char *s)
{
	cJSON *j = cJSON_CreateString(s);
	char *out = cJSON_PrintUnformatted(j);
	cJSON_Delete(j);
	return out;
}

static bool wait_js(const char *script)
{
	if (!wd_wait(&T.w, script, STEP_MS)) {
		print_error("waited %d ms for: %s (%s)\n", STEP_MS, script, T.w.err);
		return false;
	}
	return true;
}

/* Polls /api/status until pred holds (STEP_MS); the status that held
 * (caller frees) or NULL. */
static cJSON *wait_status(bool (*pred)(const cJSON *s, const void *ud), const void *ud)
{
	for (double end = wd_now() + STEP_MS / 1000.0; wd_now() < end; wd_nap()) {
		cJSON *s = status();
		if (s && pred(s, ud))
			return s;
		cJSON_Delete(s);
	}
	return NULL;
}

/* The page's #title shows what /api/status says is on screen (both
 * change with the slideshow, so they are compared until they agree). */
static bool page_agrees(void)
{
	for (double end = wd_now() + STEP_MS / 1000.0; wd_now() < end; wd_nap()) {
		cJSON *s = status();
		char want[512], script[1024];
		expected_title(s, want, sizeof want);
		cJSON_Delete(s);
		char *lit = js_string(want);
		snprintf(script, sizeof script,
		         "return document.getElementById('title').textContent === %s;", lit);
		free(lit);
		if (wd_js_true(&T.w, script))
			return true;
	}
	return false;
}

/* ---- the kiosk ------------------------------------------------------------ */

static pid_t start_kiosk(const char *log)
{
	char listen[64], samples[1024];
	snprintf(listen, sizeof listen, "127.0.0.1:%d", T.port);
	snprintf(samples, sizeof samples, "%s", tu_root("samples"));
	char cache[300];
	snprintf(cache, sizeof cache, "%s/cache", T.dir);
	const char *argv[] = {tu_bin(),
	                      "--no-config",
	                      "--control-listen",
	                      listen,
	                      "--control-token",
	                      TOKEN,
	                      "--slide-seconds",
	                      "5",
	                      "--windowed",
	                      "960x540",
	                      "--screen-name",
	                      SCREEN,
	                      "--cache-dir",
	                      cache,
	                      samples,
	                      T.dir,
	                      NULL};
	pid_t pid = fork();
	if (pid == 0) {
		setpgid(0, 0);
		int in = open("/dev/null", O_RDONLY),
		    out = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (in >= 0)
			dup2(in, 0);
		if (out >= 0) {
			dup2(out, 1);
			dup2(out, 2);
		}
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	if (pid > 0)
		setpgid(pid, pid);
	return pid;
}

/* SIGTERM, then SIGKILL after grace_s; the exit status (-1: killed). */
static int stop_group(pid_t pid, double grace_s)
{
	int st = 0;
	kill(pid, SIGTERM);
	for (double end = wd_now() + grace_s; wd_now() < end; wd_nap())
		if (waitpid(pid, &st, WNOHANG) == pid) {
			kill(-pid, SIGKILL);
			return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
		}
	kill(-pid, SIGKILL);
	waitpid(pid, &st, 0);
	return -1;
}

static void print_log(void)
{
	char log[300];
	snprintf(log, sizeof log, "%s/kiosk.log", T.dir);
	FILE *f = fopen(log, "r");
	char line[512];
	for (int n = 0; f && n < 40 && fgets(line, sizeof line, f); n++)
		print_error("kiosk: %s", line);
	if (f)
		fclose(f);
}

static int setup(void **state)
{
	(void)state;
	signal(SIGALRM, on_alarm);
	alarm(DEADLINE_S);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	snprintf(T.dir, sizeof T.dir, "%s", tu_tmpdir());
	/* A source whose title is markup: it must show as text. */
	char path[400], log[300];
	snprintf(path, sizeof path, "%s/hostile.md", T.dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("# " HOSTILE
	      "\n\nWork nights at the front desk.\n\nApply: https://example.org/apply\n",
	      f);
	fclose(f);

	const char *driver =
	    getenv("JK_CHROMEDRIVER") ? getenv("JK_CHROMEDRIVER") : "/usr/bin/chromedriver";
	const char *browser = getenv("JK_CHROMIUM") ? getenv("JK_CHROMIUM") : "/usr/bin/chromium";
	if (wd_start(&T.w, driver, browser, 390, 844)) {
		print_error("test_page: %s\n", T.w.err);
		return -1;
	}
	watch_driver = T.w.driver;

	T.port = wd_free_port();
	snprintf(log, sizeof log, "%s/kiosk.log", T.dir);
	T.kiosk = start_kiosk(log);
	watch_kiosk = T.kiosk;
	if (T.kiosk <= 0 || !T.port) {
		print_error("test_page: could not start %s\n", tu_bin());
		return -1;
	}
	/* Up when the control server answers with the deck read. */
	for (double end = wd_now() + 90; wd_now() < end; wd_nap()) {
		int st;
		if (waitpid(T.kiosk, &st, WNOHANG) == T.kiosk) {
			T.kiosk = watch_kiosk = 0;
			print_error("test_page: %s %s %d at start\n", tu_bin(),
			            WIFEXITED(st) ? "exited with status" : "was killed by signal",
			            WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
			print_log();
			return -1;
		}
		cJSON *s = status();
		double size = cJSON_GetNumberValue(
		    cJSON_GetObjectItem(cJSON_GetObjectItem(s, "deck"), "size"));
		cJSON_Delete(s);
		if (size > 1)
			return 0;
	}
	print_error("test_page: the kiosk did not answer GET %s with a deck in 90 s\n",
	            url("/api/status"));
	print_log();
	return -1;
}

static int teardown(void **state)
{
	(void)state;
	wd_quit(&T.w);
	watch_driver = 0;
	if (T.kiosk > 0)
		stop_group(T.kiosk, 20);
	T.kiosk = watch_kiosk = 0;
	tu_rmtree(T.dir);
	curl_global_cleanup();
	alarm(0);
	return 0;
}

/* ---- the steps, in order ---------------------------------------------------- */

#define SHOT_READY                                                                                 \
	"const i = document.getElementById('shot'), t = document.getElementById('title');"         \
	"return !document.getElementById('app').hidden && i.complete && i.naturalWidth > 0 && "    \
	"i.src.startsWith('blob:') && t.textContent.length > 0;"

/* The form asks for the token; a wrong one is refused and asked again;
 * the right one shows the screen and what is on it. */
static void test_token(void **state)
{
	(void)state;
	assert_int_equal(wd_go(&T.w, url("/")), 0);
	assert_true(wait_js("return !document.getElementById('login').hidden && "
	                    "document.getElementById('app').hidden;"));
	assert_int_equal(wd_type(&T.w, "#token", "not-the-token-at-all-000"), 0);
	assert_int_equal(wd_click(&T.w, "#login-go"), 0);
	assert_true(
	    wait_js("return !document.getElementById('login').hidden && "
	            "document.getElementById('msg').textContent.includes('not accepted');"));

	assert_int_equal(wd_type(&T.w, "#token", TOKEN), 0);
	assert_int_equal(wd_click(&T.w, "#login-go"), 0);
	assert_true(wait_js(SHOT_READY));
	assert_true(
	    wait_js("return document.getElementById('screen').textContent === '" SCREEN "';"));
	assert_true(wd_js_true(&T.w, "return sessionStorage.getItem('jobkiosk-token') === '" TOKEN
	                             "' && document.getElementById('token').value === '';"));
	assert_true(page_agrees());
	/* Nothing came from anywhere but the kiosk. */
	assert_true(wd_js_true(&T.w, "return performance.getEntriesByType('resource').every("
	                             "e => e.name.startsWith(location.origin) || "
	                             "e.name.startsWith('blob:'));"));
}

/* A token in the fragment is taken and removed from the address bar. */
static void test_fragment(void **state)
{
	(void)state;
	assert_true(wd_js_true(&T.w, "sessionStorage.clear(); return true;"));
	assert_int_equal(wd_go(&T.w, "about:blank"), 0);
	assert_int_equal(wd_go(&T.w, url("/#token=" TOKEN)), 0);
	assert_true(wait_js(SHOT_READY));
	assert_true(wd_js_true(&T.w, "return location.hash === '' && "
	                             "sessionStorage.getItem('jobkiosk-token') === '" TOKEN "';"));
}

static bool moved(const cJSON *s, const void *ud)
{
	const cJSON *before = showing(ud), *now = showing(s);
	return !cJSON_Compare(cJSON_GetObjectItem(before, "id"), cJSON_GetObjectItem(now, "id"),
	                      1) ||
	       !cJSON_Compare(cJSON_GetObjectItem(before, "page"), cJSON_GetObjectItem(now, "page"),
	                      1) ||
	       !cJSON_Compare(cJSON_GetObjectItem(before, "kind"), cJSON_GetObjectItem(now, "kind"),
	                      1);
}

/* Next moves on (a page or a posting at a time) until the title changes. */
static void test_next(void **state)
{
	(void)state;
	cJSON *s0 = status();
	assert_non_null(s0);
	char first[512], cur[512];
	expected_title(s0, first, sizeof first);
	snprintf(cur, sizeof cur, "%s", first);
	for (int i = 0; i < 12 && strcmp(cur, first) == 0; i++) {
		cJSON *before = status();
		assert_non_null(before);
		assert_int_equal(wd_click(&T.w, "#next"), 0);
		cJSON *after = wait_status(moved, before);
		cJSON_Delete(before);
		assert_non_null(after);
		expected_title(after, cur, sizeof cur);
		cJSON_Delete(after);
	}
	cJSON_Delete(s0);
	assert_string_not_equal(cur, first);
	assert_true(page_agrees());

	cJSON *before = status();
	assert_non_null(before);
	assert_int_equal(wd_click(&T.w, "#prev"), 0);
	cJSON *after = wait_status(moved, before);
	cJSON_Delete(before);
	assert_non_null(after);
	cJSON_Delete(after);
	assert_true(page_agrees());
}

static bool is_paused(const cJSON *s, const void *ud)
{
	(void)ud;
	return cJSON_IsTrue(cJSON_GetObjectItem(showing(s), "paused"));
}

static void test_pause(void **state)
{
	(void)state;
	assert_true(wd_js_true(&T.w, "return document.getElementById('pause')"
	                             ".getAttribute('aria-pressed') === 'false';"));
	assert_int_equal(wd_click(&T.w, "#pause"), 0);
	assert_true(wait_js("return document.getElementById('pause')"
	                    ".getAttribute('aria-pressed') === 'true';"));
	cJSON *s = wait_status(is_paused, NULL);
	assert_non_null(s);
	cJSON_Delete(s);
	assert_true(
	    wait_js("return document.getElementById('where').textContent.includes('paused') "
	            "&& document.getElementById('pause').getAttribute('aria-pressed') === "
	            "'true';"));
}

static bool shows_id(const cJSON *s, const void *ud)
{
	const char *id = showing_str(s, "id");
	return id && strcmp(id, ud) == 0;
}

/* Clicks the list's button of posting id and sees it on screen. */
static void jump_to(const char *id, const char *title)
{
	char css[200], script[1024];
	snprintf(css, sizeof css, "#postings button[data-id=\"%s\"]", id);
	assert_int_equal(wd_click(&T.w, css), 0);
	cJSON *s = wait_status(shows_id, id);
	assert_non_null(s);
	assert_true(is_paused(s, NULL)); /* a jump keeps the pause */
	cJSON_Delete(s);
	char *lit = js_string(title);
	snprintf(script, sizeof script,
	         "return document.getElementById('title').textContent === %s && "
	         "document.querySelector('#postings button[data-id=\"%s\"]')"
	         ".getAttribute('aria-current') === 'true';",
	         lit, id);
	free(lit);
	assert_true(wait_js(script));
}

/* The list is the deck's; a posting picked from it goes on screen. */
static void test_goto(void **state)
{
	(void)state;
	cJSON *s = status();
	assert_non_null(s);
	const cJSON *list = cJSON_GetObjectItem(cJSON_GetObjectItem(s, "deck"), "postings");
	int n = cJSON_GetArraySize(list);
	assert_true(n > 1);
	char script[200];
	snprintf(script, sizeof script,
	         "return document.querySelectorAll('#postings button[data-id]').length === %d;", n);
	assert_true(wait_js(script));
	/* The last posting that is not on screen (ids are the deck's, hex). */
	const char *cur = showing_str(s, "id");
	const cJSON *pick = NULL;
	for (int i = n - 1; i >= 0 && !pick; i--) {
		const cJSON *p = cJSON_GetArrayItem(list, i);
		const char *id = cJSON_GetStringValue(cJSON_GetObjectItem(p, "id"));
		if (id && (!cur || strcmp(id, cur) != 0) && !strchr(id, '"'))
			pick = p;
	}
	assert_non_null(pick);
	jump_to(cJSON_GetStringValue(cJSON_GetObjectItem(pick, "id")),
	        cJSON_GetStringValue(cJSON_GetObjectItem(pick, "title")));
	cJSON_Delete(s);
}

static bool announced(const cJSON *s, const void *ud)
{
	const cJSON *a = cJSON_GetObjectItem(s, "announcement");
	if (!ud)
		return cJSON_IsNull(a);
	const char *text = cJSON_GetStringValue(cJSON_GetObjectItem(a, "text"));
	const char *level = cJSON_GetStringValue(cJSON_GetObjectItem(a, "level"));
	return text && level && strcmp(text, ud) == 0 && strcmp(level, "info") == 0;
}

static void test_announce(void **state)
{
	(void)state;
	/* 141 two-byte letters are 282 bytes: counted in bytes, not sent. */
	char long_text[300] = "";
	for (int i = 0; i < 141; i++)
		strcat(long_text, "\xc3\xa9");
	assert_int_equal(wd_type(&T.w, "#ann-text", long_text), 0);
	assert_true(wait_js("return document.getElementById('ann-send').disabled && "
	                    "document.getElementById('count').textContent.startsWith('282 ');"));
	assert_true(wd_js_true(&T.w,
	                       "const t = document.getElementById('ann-text'); t.value = '';"
	                       "t.dispatchEvent(new Event('input')); "
	                       "const m = document.getElementById('ann-minutes'); m.value = '';"
	                       "return true;"));
	assert_int_equal(wd_type(&T.w, "#ann-text", ANNOUNCE), 0);
	assert_int_equal(wd_type(&T.w, "#ann-minutes", "5"), 0);
	assert_true(
	    wd_js_true(&T.w, "return document.getElementById('ann-level').value === 'info';"));
	assert_int_equal(wd_click(&T.w, "#ann-send"), 0);
	cJSON *s = wait_status(announced, ANNOUNCE);
	assert_non_null(s);
	const cJSON *a = cJSON_GetObjectItem(s, "announcement");
	double until = cJSON_GetNumberValue(cJSON_GetObjectItem(a, "until"));
	double started = cJSON_GetNumberValue(cJSON_GetObjectItem(s, "started"));
	double uptime = cJSON_GetNumberValue(cJSON_GetObjectItem(s, "uptime_s"));
	/* Five minutes from the kiosk's now (its clock; a few seconds of slack: the snapshot is up
	 * to a second old). */
	assert_true(until >= started + uptime + 5 * 60 - 5 &&
	            until <= started + uptime + 5 * 60 + 5);
	cJSON_Delete(s);
	char *lit = js_string(ANNOUNCE);
	char script[512];
	snprintf(script, sizeof script,
	         "return document.getElementById('ann-current').textContent.includes(%s) && "
	         "!document.querySelector('#ann-current b');",
	         lit);
	free(lit);
	assert_true(wait_js(script));

	assert_int_equal(wd_click(&T.w, "#ann-remove"), 0);
	s = wait_status(announced, NULL);
	assert_non_null(s);
	cJSON_Delete(s);
	assert_true(wait_js(
	    "return document.getElementById('ann-current').textContent === 'No announcement.';"));
}

/* The sources as the status has them, the display's state, and a
 * reload that is taken. */
static void test_sources(void **state)
{
	(void)state;
	cJSON *s = status();
	assert_non_null(s);
	const cJSON *src = cJSON_GetObjectItem(s, "sources");
	int n = cJSON_GetArraySize(src);
	assert_true(n >= 2);
	char script[1400];
	for (int i = 0; i < n; i++) {
		const cJSON *one = cJSON_GetArrayItem(src, i);
		char *lit = js_string(cJSON_GetStringValue(cJSON_GetObjectItem(one, "spec")));
		/* A folder on the screen is never fetched: no "last good". */
		const char *st = cJSON_GetStringValue(cJSON_GetObjectItem(one, "state"));
		bool local = st && !strcmp(st, "local");
		snprintf(script, sizeof script,
		         "const li = document.querySelectorAll('#sources li');"
		         "return li.length === %d && li[%d].querySelector('.spec').textContent === "
		         "%s && "
		         "li[%d].textContent.includes('%s');",
		         n, i, lit, i, local ? "on this screen" : "last good");
		free(lit);
		assert_true(wait_js(script));
	}
	snprintf(script, sizeof script,
	         "return document.getElementById('display').textContent.startsWith('Screen %s');",
	         cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(s, "display"), "on"))
	             ? "on"
	             : "off");
	cJSON_Delete(s);
	assert_true(wait_js(script));

	assert_int_equal(wd_click(&T.w, "#reload"), 0);
	assert_true(
	    wait_js("return document.getElementById('msg').textContent.includes('Reloading');"));
	assert_true(page_agrees());
}

/* A title with markup shows as text: no element made, no script run. */
static void test_hostile(void **state)
{
	(void)state;
	char *id = wd_js_str(&T.w, "const b = [...document.querySelectorAll('#postings button')]"
	                           ".find(b => b.textContent === '" HOSTILE "');"
	                           "return b ? b.dataset.id : null;");
	assert_non_null(id);
	jump_to(id, HOSTILE);
	free(id);
	assert_true(wd_js_true(&T.w, "return document.querySelectorAll('main img').length === 1 && "
	                             "window.jkPwned === undefined;"));
}

static void save_png(const char *name)
{
	unsigned char *png;
	size_t len;
	assert_int_equal(wd_screenshot(&T.w, &png, &len), 0);
	assert_true(len > 8 && memcmp(png, "\x89PNG", 4) == 0);
	char rel[128];
	snprintf(rel, sizeof rel, "build/%s", name);
	FILE *f = fopen(tu_root(rel), "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(png, 1, len, f), len);
	fclose(f);
	free(png);
}

/* Emulates a screen (CSS pixels; a phone's under 800 wide) through DevTools. */
static void phone(int width, int height, bool dark)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddNumberToObject(p, "width", width);
	cJSON_AddNumberToObject(p, "height", height);
	cJSON_AddNumberToObject(p, "deviceScaleFactor", 1);
	cJSON_AddBoolToObject(p, "mobile", width < 800);
	assert_int_equal(wd_cdp(&T.w, "Emulation.setDeviceMetricsOverride", p), 0);
	cJSON_Delete(p);
	p = cJSON_Parse(
	    dark ? "{\"features\":[{\"name\":\"prefers-color-scheme\",\"value\":\"dark\"}]}"
	         : "{\"features\":[{\"name\":\"prefers-color-scheme\",\"value\":\"light\"}]}");
	assert_int_equal(wd_cdp(&T.w, "Emulation.setEmulatedMedia", p), 0);
	cJSON_Delete(p);
}

#define TARGETS_SMALL                                                                              \
	"const bad = [];"                                                                          \
	"for (const e of document.querySelectorAll('button, input, select, textarea')) {"          \
	"  const r = e.getBoundingClientRect();"                                                   \
	"  if (r.width && r.height && (r.width < 48 || r.height < 48))"                            \
	"    bad.push((e.id || e.textContent).slice(0, 30) + ' ' + Math.round(r.width) + 'x' +"    \
	"             Math.round(r.height));"                                                      \
	"}"                                                                                        \
	"return bad.join('; ');"

/* At 390x844 and 360x740 (and dark, and a desktop's 1280x800): no
 * horizontal scrolling, every touch target at least 48 px; the page saved
 * as PNGs in build/ for people to see. */
static void test_phone(void **state)
{
	(void)state;
	static const struct {
		int w, h;
		bool dark;
	} sizes[] = {{390, 844, false}, {360, 740, false}, {390, 844, true}, {1280, 800, false}};
	for (size_t i = 0; i < JK_ARRAY_LEN(sizes); i++) {
		phone(sizes[i].w, sizes[i].h, sizes[i].dark);
		char script[200];
		snprintf(script, sizeof script, "window.scrollTo(0, 0); return innerWidth === %d;",
		         sizes[i].w);
		assert_true(wait_js(script));
		assert_true(wait_js(SHOT_READY));
		assert_true(
		    wd_js_true(&T.w, "return document.documentElement.scrollWidth <= innerWidth && "
		                     "document.body.scrollWidth <= innerWidth;"));
		char *small = wd_js_str(&T.w, TARGETS_SMALL);
		assert_non_null(small);
		if (small[0])
			print_error("touch targets under 48 px at %dx%d: %s\n", sizes[i].w,
			            sizes[i].h, small);
		assert_string_equal(small, "");
		free(small);
		char name[64];
		snprintf(name, sizeof name, "control-page-%dx%d%s.png", sizes[i].w, sizes[i].h,
		         sizes[i].dark ? "-dark" : "");
		save_png(name);
	}
	/* The whole phone page, top to bottom, in one picture. */
	phone(390, 844, false);
	cJSON *h = wd_js(&T.w, "return document.documentElement.scrollHeight;");
	int full = (int)cJSON_GetNumberValue(h);
	cJSON_Delete(h);
	assert_true(full >= 844 && full < 20000);
	phone(390, full, false);
	save_png("control-page-390-full.png");
	phone(390, 844, false);
}

/* The kiosk quits cleanly on SIGTERM (and, under ASan, without leaks);
 * the page, still polling, says the kiosk cannot be reached. */
static void test_quit(void **state)
{
	(void)state;
	int st = stop_group(T.kiosk, 30);
	T.kiosk = watch_kiosk = 0;
	if (st != 0)
		print_log();
	assert_int_equal(st, 0);
	/* The page says so in one line. */
	assert_true(wait_js("return document.getElementById('msg').textContent === 'No connection "
	                    "to the kiosk.';"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_token),   cmocka_unit_test(test_fragment),
	    cmocka_unit_test(test_next),    cmocka_unit_test(test_pause),
	    cmocka_unit_test(test_goto),    cmocka_unit_test(test_announce),
	    cmocka_unit_test(test_sources), cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_phone),   cmocka_unit_test(test_quit),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
