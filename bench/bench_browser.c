/* bench_browser.c — jobkiosk against the browser kiosk booths run today:
 * Chromium in kiosk mode showing an HTML slideshow of the same postings.
 * One private Xvfb display (1920x1080x24); each program in turn, full
 * screen, 5 s slides with 0.7 s crossfades. For each: PSS summed over its
 * whole process tree, CPU seconds per minute of the tree (reaped children
 * included), launch to first frame (the root window polled every 5 ms until
 * the first slide is on it), then the ratios and the targets.
 * jobkiosk's crossfade frame time and the CPU it spends between
 * transitions come from an in-process run on the same display.
 *
 * The same run measures the floor, bench/floor.c (the bare SDL program,
 * FLOOR_BIN), launched and polled the same way, and prints jobkiosk's
 * fade frame, first frame and CPU as ratios of it and of Chromium's.
 *
 * Printed, never asserted: a missing or failing Chromium is reported and
 * jobkiosk's figures still printed. `bench_browser --html FILE [SOURCE]`
 * only writes the slideshow.
 *
 * Environment: BENCH_SECONDS (measured window, default 60), BENCH_WARMUP
 * (default 10), BENCH_OUT (screenshots, logs, the HTML; default
 * build/bench-browser), BENCH_CHROMIUM (the browser binary), JK_ROOT,
 * JK_BIN (the jobkiosk binary, default $JK_ROOT/build/jobkiosk). */
#include "browser/proc.h"
#include "browser/screen.h"
#include "browser/slideshow.h"
#include "browser/vsfloor.h"

#include "kiosk.h"
#include "store.h"

#include <SDL.h>
#include <errno.h>
#include <ftw.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SCREEN_W 1920
#define SCREEN_H 1080
#define SLIDE_S 5
#define FADE_MS 700
#define LAUNCHES 15       /* first frame: the median of this many (one moves by ±15 ms) */
#define FIRST_TIMEOUT 60. /* seconds to wait for a first frame */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Sleeps until t (monotonic seconds) or an interrupt. */
static void sleep_until(double t)
{
	while (!interrupted) {
		double d = t - now_s();
		if (d <= 0)
			return;
		struct timespec ts = {(time_t)d, (long)((d - (double)(time_t)d) * 1e9)};
		nanosleep(&ts, NULL);
	}
}

static double env_num(const char *name, double def, double lo, double hi)
{
	const char *s = getenv(name);
	char *end;
	double v = s && *s ? strtod(s, &end) : def;
	if (s && *s && (*end || v < lo || v > hi)) {
		fprintf(stderr, "bench_browser: %s=%s: want a number from %g to %g; using %g\n",
		        name, s, lo, hi, def);
		v = def;
	}
	return v;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* ---- one program under test ------------------------------------------- */

typedef struct subject {
	const char *name;
	char *argv[32];
	char *env[8];
	char log[4096];
	char shot[4096];
	/* results */
	bool ok;
	char why[512];
	double first_ms[LAUNCHES];
	int nfirst;
	double cpu_s, window_s;
	double pss_avg_mib, pss_max_mib;
	int nproc_max;
	bool no_net;
	bool any_frame; /* the floor: anything drawn counts as its first frame */
	char t0env[64]; /* FLOOR_T0=the launch time, for the floor's own figure */
} subject;

typedef struct bench {
	bb_x *x;
	bb_html_probe probe;
	double seconds, warmup;
} bench;

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median_first(const subject *s)
{
	double v[LAUNCHES];
	memcpy(v, s->first_ms, sizeof v);
	qsort(v, (size_t)s->nfirst, sizeof v[0], cmp_double);
	return s->nfirst ? v[s->nfirst / 2] : 0;
}

/* Waits until nothing is drawn on the screen any more, so the next launch
 * cannot be credited with the last one's frame. */
static void wait_bare(bench *b)
{
	double end = now_s() + 5;
	while (!interrupted && now_s() < end && !bb_x_is_bare(b->x))
		sleep_until(now_s() + 0.02);
}

/* Launches s and polls the screen until its first slide is up. Returns
 * the launch time (monotonic) or a negative value with s->why set. */
static double launch(bench *b, subject *s, bb_proc *p)
{
	wait_bare(b);
	jk_err err = {0};
	double t0 = now_s();
	snprintf(s->t0env, sizeof s->t0env, "FLOOR_T0=%.6f", t0);
	if (bb_proc_start(p, s->argv, s->env, s->log, true, &err)) {
		snprintf(s->why, sizeof s->why, "%s", err.msg);
		return -1;
	}
	s->no_net = p->no_net;
	while (!interrupted && now_s() - t0 < FIRST_TIMEOUT) {
		if (s->any_frame ? !bb_x_is_bare(b->x) : bb_x_shows_slide(b->x, &b->probe)) {
			s->first_ms[s->nfirst++] = (now_s() - t0) * 1000.0;
			return t0;
		}
		if (!bb_proc_alive(p)) {
			snprintf(s->why, sizeof s->why,
			         "exited before showing a slide (see %.400s)", s->log);
			return -1;
		}
		sleep_until(now_s() + 0.005);
	}
	snprintf(s->why, sizeof s->why, "%s",
	         interrupted ? "interrupted" : "no slide on screen within 60 s (see the log)");
	bb_proc_stop(p, 3000);
	return -1;
}

/* All launches but the last of jobkiosk and the floor, taking turns, so
 * the machine's moods fall on both alike; the last of each is made by
 * run_subject and run_floor. */
static void paired_launches(bench *b, subject *jk, subject *fl)
{
	subject *both[] = {jk, fl};
	for (int i = 0; i + 1 < LAUNCHES && !interrupted; i++)
		for (size_t k = 0; k < 2; k++) {
			bb_proc p = {0};
			if (both[k]->nfirst == i && launch(b, both[k], &p) < 0)
				fprintf(stderr, "bench_browser: %s: %s\n", both[k]->name,
				        both[k]->why);
			bb_proc_stop(&p, 3000);
		}
}

static void run_subject(bench *b, subject *s)
{
	bb_proc p = {0};
	double t0 = -1;
	for (int i = s->nfirst; i < LAUNCHES; i++) {
		t0 = launch(b, s, &p);
		if (t0 < 0) {
			bb_proc_stop(&p, 3000);
			return;
		}
		if (i + 1 < LAUNCHES)
			bb_proc_stop(&p, 3000);
	}
	/* The last launch stays up: a screenshot on its first slide, then the
	 * measured window after the warm-up. */
	double first = t0 + s->first_ms[s->nfirst - 1] / 1000.0;
	sleep_until(first + 2.0);
	jk_err err = {0};
	if (bb_x_screenshot(b->x, s->shot, &err)) {
		fprintf(stderr, "bench_browser: %s: %s\n", s->shot, err.msg);
		s->shot[0] = '\0';
	}
	double start = t0 + b->warmup > first + 1 ? t0 + b->warmup : first + 1;
	sleep_until(start);
	bb_tree a, z;
	if (bb_proc_sample(&p, false, &a, &err)) {
		snprintf(s->why, sizeof s->why, "%s", err.msg);
		bb_proc_stop(&p, 3000);
		return;
	}
	double ta = now_s(), pss_sum = 0;
	int npss = 0;
	for (double t = ta + 2; !interrupted; t += 2) {
		bool last = t >= ta + b->seconds;
		sleep_until(last ? ta + b->seconds : t);
		if (bb_proc_sample(&p, true, &z, &err) || !bb_proc_alive(&p)) {
			snprintf(s->why, sizeof s->why,
			         "stopped during the measurement (see %.400s)", s->log);
			bb_proc_stop(&p, 3000);
			return;
		}
		double mib = (double)z.pss_kib / 1024.0;
		pss_sum += mib;
		npss++;
		if (mib > s->pss_max_mib)
			s->pss_max_mib = mib;
		if (z.nproc > s->nproc_max)
			s->nproc_max = z.nproc;
		if (last)
			break;
	}
	double tz = now_s();
	bb_proc_stop(&p, 3000);
	if (interrupted) {
		snprintf(s->why, sizeof s->why, "interrupted");
		return;
	}
	s->window_s = tz - ta;
	s->cpu_s = (double)(z.cpu_ticks - a.cpu_ticks) / (double)bb_proc_hz();
	s->pss_avg_mib = npss ? pss_sum / npss : 0;
	s->ok = true;
}

/* The floor: launched and polled like the others; the last launch runs
 * its fade frames to the end and its line is read from the log. */
static void run_floor(bench *b, subject *s, bb_floor *out)
{
	bb_proc p = {0};
	for (int i = s->nfirst; i < LAUNCHES && !interrupted; i++) {
		if (launch(b, s, &p) < 0) {
			bb_proc_stop(&p, 3000);
			return;
		}
		if (i + 1 < LAUNCHES)
			bb_proc_stop(&p, 3000);
	}
	double end = now_s() + FIRST_TIMEOUT;
	while (!interrupted && bb_proc_alive(&p) && now_s() < end)
		sleep_until(now_s() + 0.05);
	bb_proc_stop(&p, 3000);
	s->ok = bb_floor_read(s->log, out);
	if (!s->ok)
		snprintf(s->why, sizeof s->why, "no figures from it (see %.400s)", s->log);
}

/* ---- jobkiosk's own figures (in process, same display) ----------------- */

#define MAX_SAMPLES 4096
#define MAX_SHOWS 256

typedef struct inproc {
	pthread_mutex_t lock;
	bool done;
	double wall[MAX_SAMPLES], cpu[MAX_SAMPLES];
	size_t n;
	double shown[MAX_SHOWS];
	size_t nshown;
} inproc;

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void *sampler(void *ud)
{
	inproc *q = ud;
	for (;;) {
		pthread_mutex_lock(&q->lock);
		bool done = q->done;
		if (!done && q->n < MAX_SAMPLES) {
			q->wall[q->n] = now_s();
			q->cpu[q->n] = cpu_now();
			q->n++;
		}
		pthread_mutex_unlock(&q->lock);
		if (done)
			return NULL;
		struct timespec ts = {0, 50 * 1000000L};
		nanosleep(&ts, NULL);
	}
}

static void on_show(void *ud, const kiosk_state *st)
{
	(void)st;
	inproc *q = ud;
	pthread_mutex_lock(&q->lock);
	if (q->nshown < MAX_SHOWS)
		q->shown[q->nshown++] = now_s();
	pthread_mutex_unlock(&q->lock);
}

/* CPU per second while slides stand still: from 0.3 s after each fade
 * ends to 0.1 s before the next change. */
static double static_cpu_ms_per_s(const inproc *q, double *covered)
{
	double cpu = 0, wall = 0;
	for (size_t i = 0; i + 1 < q->nshown; i++) {
		double a = q->shown[i] + FADE_MS / 1000.0 + 0.3, z = q->shown[i + 1] - 0.1;
		size_t ia = q->n, iz = q->n;
		for (size_t k = 0; k < q->n; k++) {
			if (ia == q->n && q->wall[k] >= a)
				ia = k;
			if (q->wall[k] <= z)
				iz = k;
		}
		if (ia < q->n && iz < q->n && iz > ia) {
			cpu += q->cpu[iz] - q->cpu[ia];
			wall += q->wall[iz] - q->wall[ia];
		}
	}
	*covered = wall;
	return wall > 0 ? cpu * 1000.0 / wall : 0;
}

static void run_inproc(bench *b, posting_list *l, double seconds, bb_vsfloor *vs)
{
	setenv("DISPLAY", bb_x_display(b->x), 1);
	setenv("SDL_VIDEODRIVER", "x11", 1);
	static inproc q;
	memset(&q, 0, sizeof q);
	pthread_mutex_init(&q.lock, NULL);
	pthread_t th;
	bool sampling = pthread_create(&th, NULL, sampler, &q) == 0;
	kiosk_opts o = {.slide_seconds = SLIDE_S,
	                .fade_ms = FADE_MS,
	                .max_seconds = seconds,
	                .on_show = on_show,
	                .hook_ud = &q};
	kiosk_stats st;
	jk_err err = {0};
	wait_bare(b);
	int r = kiosk_run(l, &o, NULL, NULL, &st, &err);
	pthread_mutex_lock(&q.lock);
	q.done = true;
	pthread_mutex_unlock(&q.lock);
	if (sampling)
		pthread_join(th, NULL);
	pthread_mutex_destroy(&q.lock);
	SDL_Quit();
	if (r) {
		printf("  jobkiosk in process: %s\n", err.msg);
		return;
	}
	vs->jk_fade_ms = st.fade_frames ? st.fade_ms_total / (double)st.fade_frames : 0.0;
	vs->jk_rows =
	    st.fades_begun ? (double)st.fade_rows / (double)st.fades_begun / SCREEN_H : 0.0;
	double covered = 0, ms = static_cpu_ms_per_s(&q, &covered);
	size_t between = st.frames > st.fade_frames + st.ticks + st.shown
	                     ? st.frames - st.fade_frames - st.ticks - st.shown
	                     : 0;
	printf("jobkiosk in process on the same display (%.0f s, %zu slides shown):\n", seconds,
	       st.shown);
	printf("  first slide, in process     %7.1f ms   (from kiosk_run(): window, fonts, layout, "
	       "compose, present)\n",
	       st.first_slide_ms);
	printf("  crossfade frame             %7.2f ms   (%zu frames at 30 a second; target <= 4 "
	       "on a Pi-class CPU)\n",
	       st.fade_frames ? st.fade_ms_total / (double)st.fade_frames : 0.0, st.fade_frames);
	printf("  frames between transitions  %7zu      (target 0; plus %zu progress-bar ticks "
	       "of a few rows at 1 Hz)\n",
	       between, st.ticks);
	printf("  CPU while a slide stands    %7.2f ms/s (over %.1f s between fades: the "
	       "progress tick and nothing else)\n",
	       ms, covered);
}

/* ---- Chromium ------------------------------------------------------------ */

static bool executable(const char *p)
{
	return access(p, X_OK) == 0;
}

/* The browser binary itself, not a distribution wrapper script that adds
 * flags of its own: every flag it runs with is one listed here. */
static const char *find_chromium(char *buf, size_t cap)
{
	const char *env = getenv("BENCH_CHROMIUM");
	if (env && *env)
		return executable(env) ? env : NULL;
	static const char *const direct[] = {"/usr/lib/chromium/chromium",
	                                     "/usr/lib/chromium-browser/chromium-browser"};
	for (size_t i = 0; i < JK_ARRAY_LEN(direct); i++)
		if (executable(direct[i]))
			return direct[i];
	static const char *const names[] = {"chromium", "chromium-browser", "google-chrome"};
	const char *path = getenv("PATH");
	for (size_t i = 0; path && i < JK_ARRAY_LEN(names); i++) {
		for (const char *d = path; *d;) {
			const char *e = strchr(d, ':');
			size_t n = e ? (size_t)(e - d) : strlen(d);
			snprintf(buf, cap, "%.*s/%s", (int)n, d, names[i]);
			if (n && executable(buf))
				return buf;
			d += n + (e != NULL);
		}
	}
	return NULL;
}

static void chromium_version(const char *bin, char *out, size_t cap)
{
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "'%s' --version 2>/dev/null", bin);
	out[0] = '\0';
	FILE *f = popen(cmd, "r");
	if (!f)
		return;
	if (fgets(out, (int)cap, f))
		out[strcspn(out, "\n")] = '\0';
	pclose(f);
}

/* ---- report ------------------------------------------------------------ */

static const char *verdict(bool ok)
{
	return ok ? "met" : "missed";
}

static void report(const subject *jk, const subject *ch)
{
	printf("                                 jobkiosk        chromium     ratio   target\n");
	if (!jk->ok)
		printf("  jobkiosk: %s\n", jk->why);
	if (!ch->ok)
		printf("  chromium: %s\n", ch->why);
	char a[32], c[32];
	double jp = jk->pss_avg_mib, cp = ch->pss_avg_mib;
	snprintf(a, sizeof a, jk->ok ? "%.1f MiB" : "-", jp);
	snprintf(c, sizeof c, ch->ok ? "%.1f MiB" : "-", cp);
	if (jk->ok && ch->ok)
		printf("  PSS, whole process tree   %12s  %14s   %6.3f   <= 0.125 (1/8)  %s\n", a,
		       c, jp / cp, verdict(jp / cp <= 0.125));
	else
		printf("  PSS, whole process tree   %12s  %14s\n", a, c);
	snprintf(a, sizeof a, jk->ok ? "%.1f MiB" : "-", jk->pss_max_mib);
	snprintf(c, sizeof c, ch->ok ? "%.1f MiB" : "-", ch->pss_max_mib);
	printf("    peak of the samples     %12s  %14s\n", a, c);
	snprintf(a, sizeof a, jk->ok ? "%d" : "-", jk->nproc_max);
	snprintf(c, sizeof c, ch->ok ? "%d" : "-", ch->nproc_max);
	printf("    processes               %12s  %14s\n", a, c);
	double jc = jk->window_s > 0 ? jk->cpu_s * 60 / jk->window_s : 0;
	double cc = ch->window_s > 0 ? ch->cpu_s * 60 / ch->window_s : 0;
	snprintf(a, sizeof a, jk->ok ? "%.2f s" : "-", jc);
	snprintf(c, sizeof c, ch->ok ? "%.2f s" : "-", cc);
	if (jk->ok && ch->ok && cc > 0)
		printf("  CPU seconds per minute    %12s  %14s   %6.3f   <= 0.167 (1/6)  %s\n", a,
		       c, jc / cc, verdict(jc / cc <= 1.0 / 6.0));
	else
		printf("  CPU seconds per minute    %12s  %14s\n", a, c);
	double jf = median_first(jk), cf = median_first(ch);
	snprintf(a, sizeof a, jk->nfirst ? "%.0f ms" : "-", jf);
	snprintf(c, sizeof c, ch->nfirst ? "%.0f ms" : "-", cf);
	if (jk->nfirst && ch->nfirst)
		printf("  launch to first frame     %12s  %14s   %6.3f   jobkiosk <= 150 ms  %s\n",
		       a, c, jf / cf, verdict(jf <= 150));
	else if (jk->nfirst)
		printf("  launch to first frame     %12s  %14s            jobkiosk <= 150 ms  %s\n",
		       a, c, verdict(jf <= 150));
	else
		printf("  launch to first frame     %12s  %14s\n", a, c);
	for (int k = 0; k < 2; k++) {
		const subject *s = k ? ch : jk;
		if (!s->nfirst)
			continue;
		printf("    %-8s launches:", s->name);
		for (int i = 0; i < s->nfirst; i++)
			printf(" %.0f", s->first_ms[i]);
		printf(" ms%s\n", s->no_net ? "  (own network namespace: no network at all)" : "");
	}
	for (int k = 0; k < 2; k++) {
		const subject *s = k ? ch : jk;
		if (s->ok && s->shot[0])
			printf("  screenshot %-8s %s\n", s->name, s->shot);
	}
}

/* ---- main ---------------------------------------------------------------- */

static void warn_file(void *ud, const char *src, const char *msg)
{
	(void)ud;
	fprintf(stderr, "bench_browser: %s: %s\n", src, msg);
}

static int load(const char *src, posting_list *l)
{
	posting_list_init(l);
	jk_err err = {0};
	if (store_load_path(src, l, warn_file, NULL, NULL, NULL, &err)) {
		fprintf(stderr, "bench_browser: %s: %s\n", src, err.msg);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *root = getenv("JK_ROOT") && *getenv("JK_ROOT") ? getenv("JK_ROOT") : ".";
	char samples[4096], outdir[2048], jkbin[4096], html[4200];
	snprintf(samples, sizeof samples, "%s/samples", root);
	if (argc >= 3 && !strcmp(argv[1], "--html")) {
		posting_list l;
		if (load(argc >= 4 ? argv[3] : samples, &l))
			return 1;
		jk_err err = {0};
		size_t ns = 0;
		int r = bb_html_write(&l, SCREEN_W, SCREEN_H, SLIDE_S * 1000, FADE_MS, argv[2], &ns,
		                      NULL, &err);
		posting_list_free(&l);
		if (r) {
			fprintf(stderr, "bench_browser: %s\n", err.msg);
			return 1;
		}
		printf("%s: %zu slides\n", argv[2], ns);
		return 0;
	}
	if (argc > 1) {
		fprintf(stderr, "usage: bench_browser [--html FILE [SOURCE]]\n");
		return 2;
	}
	struct sigaction sa = {.sa_handler = on_signal};
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	bench b = {.seconds = env_num("BENCH_SECONDS", 60, 5, 3600),
	           .warmup = env_num("BENCH_WARMUP", 10, 3, 600)};
	snprintf(outdir, sizeof outdir, "%s",
	         getenv("BENCH_OUT") && *getenv("BENCH_OUT") ? getenv("BENCH_OUT")
	                                                     : "build/bench-browser");
	snprintf(jkbin, sizeof jkbin, "%s",
	         getenv("JK_BIN") && *getenv("JK_BIN") ? getenv("JK_BIN") : "build/jobkiosk");
	if (snprintf(html, sizeof html, "%s/slideshow.html", outdir) >= (int)sizeof html ||
	    (mkdir(outdir, 0777) != 0 && errno != EEXIST)) {
		fprintf(stderr, "bench_browser: %s: cannot create: %s\n", outdir, strerror(errno));
		return 1;
	}
	char tmp[] = "/tmp/jk-bench-browser-XXXXXX";
	if (!mkdtemp(tmp)) {
		fprintf(stderr, "bench_browser: temporary folder: %s\n", strerror(errno));
		return 1;
	}
	posting_list l;
	if (load(samples, &l)) {
		rmdir(tmp);
		return 1;
	}
	jk_err err = {0};
	size_t nslides = 0;
	int status = 0;
	bb_x *x = NULL;
	if (bb_html_write(&l, SCREEN_W, SCREEN_H, SLIDE_S * 1000, FADE_MS, html, &nslides, &b.probe,
	                  &err) ||
	    bb_x_start(SCREEN_W, SCREEN_H, &x, &err)) {
		fprintf(stderr, "bench_browser: %s\n", err.msg);
		status = 1;
		goto out;
	}
	b.x = x;
	char *abs_html = realpath(html, NULL);
	char display[64], url[4300], udd[4200], home[4200], cache[4200], config[4200];
	snprintf(display, sizeof display, "DISPLAY=%s", bb_x_display(x));
	snprintf(url, sizeof url, "file://%s", abs_html ? abs_html : html);
	free(abs_html);
	snprintf(udd, sizeof udd, "--user-data-dir=%s/profile", tmp);
	snprintf(home, sizeof home, "HOME=%s", tmp);
	snprintf(cache, sizeof cache, "XDG_CACHE_HOME=%s/cache", tmp);
	snprintf(config, sizeof config, "XDG_CONFIG_HOME=%s/config", tmp);

	subject jk = {
	    .name = "jobkiosk",
	    .argv = {jkbin, "--slide-seconds", "5", "--transition", "crossfade", "-v", samples},
	    .env = {display, "SDL_VIDEODRIVER=x11", cache, config}};
	snprintf(jk.log, sizeof jk.log, "%s/jobkiosk.log", outdir);
	snprintf(jk.shot, sizeof jk.shot, "%s/jobkiosk.png", outdir);
	subject ch = {.name = "chromium", .env = {display, home, cache, config}};
	snprintf(ch.log, sizeof ch.log, "%s/chromium.log", outdir);
	snprintf(ch.shot, sizeof ch.shot, "%s/chromium.png", outdir);
	char flbin[4096];
	snprintf(flbin, sizeof flbin, "%s",
	         getenv("FLOOR_BIN") && *getenv("FLOOR_BIN") ? getenv("FLOOR_BIN")
	                                                     : "build/rel/bench/floor");
	subject fl = {.name = "floor",
	              .argv = {flbin},
	              .env = {display, "SDL_VIDEODRIVER=x11"},
	              .any_frame = true};
	fl.env[2] = fl.t0env;
	snprintf(fl.log, sizeof fl.log, "%s/floor.log", outdir);
	unlink(jk.log); /* the logs hold this run only */
	unlink(ch.log);
	unlink(fl.log);
	char chbuf[4096], version[256] = "";
	const char *chbin = find_chromium(chbuf, sizeof chbuf);
	/* The flags a booth's kiosk setup uses, on a board without a GPU, with
	 * nothing fetched from the network. docs/performance.md says why for
	 * each. */
	size_t k = 0;
	ch.argv[k++] = (char *)(chbin ? chbin : "chromium");
	ch.argv[k++] = "--kiosk";
	ch.argv[k++] = "--no-first-run";
	ch.argv[k++] = "--noerrdialogs";
	ch.argv[k++] = "--disable-infobars";
	ch.argv[k++] = "--disable-session-crashed-bubble";
	ch.argv[k++] = udd;
	ch.argv[k++] = "--disable-gpu";
	ch.argv[k++] = "--no-proxy-server";
	ch.argv[k++] = "--disable-background-networking";
	ch.argv[k++] = "--disable-component-update";
	ch.argv[k++] = "--disable-sync";
	ch.argv[k++] = "--no-default-browser-check";
	ch.argv[k++] = "--password-store=basic";
	ch.argv[k++] = "--window-position=0,0";
	ch.argv[k++] = "--window-size=1920,1080";
	if (geteuid() == 0)
		ch.argv[k++] = "--no-sandbox"; /* Chromium refuses to run as root otherwise */
	ch.argv[k++] = url;
	ch.argv[k] = NULL;
	if (chbin)
		chromium_version(chbin, version, sizeof version);

	printf("bench_browser: jobkiosk against a Chromium kiosk on Xvfb %s %dx%dx24\n",
	       bb_x_display(x), SCREEN_W, SCREEN_H);
	printf("  %zu postings from %s as %zu slides, %d s each, %d ms crossfade; %.0f s measured "
	       "after %.0f s warm-up; first frame: median of %d launches (jobkiosk and the floor "
	       "taking turns)\n",
	       l.n, samples, nslides, SLIDE_S, FADE_MS, b.seconds, b.warmup, LAUNCHES);
	printf("  chromium: %s%s%s\n", chbin ? chbin : "not found", version[0] ? ", " : "",
	       version);
	fflush(stdout);

	paired_launches(&b, &jk, &fl);
	run_subject(&b, &jk);
	if (!chbin)
		snprintf(ch.why, sizeof ch.why,
		         "not installed (sh platform/install-deps.sh --bench installs it); "
		         "jobkiosk's figures alone");
	else if (!interrupted)
		run_subject(&b, &ch);
	report(&jk, &ch);
	fflush(stdout);
	bb_vsfloor vs = {.jk_first_ms = median_first(&jk)};
	if (jk.ok && ch.ok && jk.window_s > 0 && ch.window_s > 0) {
		vs.jk_cpu = jk.cpu_s * 60 / jk.window_s;
		vs.ch_cpu = ch.cpu_s * 60 / ch.window_s;
	}
	if (!interrupted) {
		double s = b.seconds / 2 < 12 ? 12 : b.seconds / 2 > 30 ? 30 : b.seconds / 2;
		run_inproc(&b, &l, s, &vs);
		fflush(stdout);
	}
	if (!interrupted) {
		run_floor(&b, &fl, &vs.floor);
		vs.floor_first_ms = median_first(&fl);
		if (!fl.ok)
			printf("  floor: %s\n", fl.why);
		bb_floor_print(&vs);
		printf("    floor launches:");
		for (int i = 0; i < fl.nfirst; i++)
			printf(" %.0f", fl.first_ms[i]);
		printf(" ms\n");
		bb_floor_timeline(jk.log);
		fflush(stdout);
	}
out:
	bb_x_stop(x);
	posting_list_free(&l);
	nftw(tmp, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return interrupted ? 130 : status;
}
