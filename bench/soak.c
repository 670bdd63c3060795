/* soak.c — the real slideshow loop, accelerated: millisecond slides over the
 * samples at 480x270 (offscreen driver), SOAK_CHANGES slide changes
 * (default 100,000), the sources read again from disk every SOAK_RELOAD
 * changes (default 500) through kiosk_notify_reload and the real
 * sources/store path. Prints resident memory and open descriptors after a
 * warm-up and at the end; a booth that runs for days must show no growth.
 * Prints figures, never fails on them. */
#include "kiosk.h"
#include "sources.h"

#include <SDL.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WARMUP 1000 /* changes before the first measurement */
#define SAMPLES 10  /* RSS samples printed across the run */

typedef struct soak {
	source_list sources;
	size_t target, every;
	size_t changes, reloads_asked, reload_calls, reload_failed, warnings;
	long rss0_kib, fd0, rss1_kib, fd1;
	long rss_kib[SAMPLES + 1];
	size_t at[SAMPLES + 1];
	size_t nsamples;
	double t0, t_warm;
} soak;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A field of /proc/self/status in KiB ("VmRSS:", "VmHWM:"); -1 if absent. */
static long status_kib(const char *field)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;
	size_t n = strlen(field);
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, field, n)) {
			v = strtol(line + n, NULL, 10);
			break;
		}
	if (f)
		fclose(f);
	return v;
}

/* Open descriptors, not counting the one opendir() itself holds. */
static long open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	if (!d)
		return -1;
	long n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n - 1;
}

static void warn(void *ud, const char *src, const char *msg)
{
	soak *s = ud;
	if (s->warnings++ < 5)
		fprintf(stderr, "soak: %s: %s\n", src, msg);
}

/* The same path the kiosk's reload takes: sources read from disk. */
static int reload(void *ud, posting_list *out, jk_err *err)
{
	soak *s = ud;
	s->reload_calls++;
	if (sources_load(&s->sources, NULL, out, warn, s) == 0 || out->n == 0) {
		s->reload_failed++;
		return jk_fail(err, JK_EEMPTY, "samples unreadable");
	}
	return 0;
}

static void on_show(void *ud, const kiosk_state *st)
{
	soak *s = ud;
	(void)st;
	s->changes++;
	if (s->changes == WARMUP) {
		s->rss0_kib = status_kib("VmRSS:");
		s->fd0 = open_fds();
		s->t_warm = now_s();
	}
	size_t span = s->target > WARMUP ? (s->target - WARMUP) / SAMPLES : 1;
	if (s->changes >= WARMUP && span && (s->changes - WARMUP) % span == 0 &&
	    s->nsamples <= SAMPLES) {
		s->at[s->nsamples] = s->changes;
		s->rss_kib[s->nsamples++] = status_kib("VmRSS:");
	}
	if (s->every && s->changes % s->every == 0) {
		kiosk_notify_reload();
		s->reloads_asked++;
	}
	if (s->changes == s->target) {
		/* Measured inside the loop: after it returns the window and
		 * the fonts are gone, which would flatter the figures. */
		s->rss1_kib = status_kib("VmRSS:");
		s->fd1 = open_fds();
	}
	if (s->changes >= s->target) {
		SDL_Event e;
		memset(&e, 0, sizeof e);
		e.type = SDL_QUIT;
		SDL_PushEvent(&e);
	}
}

static size_t env_size(const char *name, size_t def)
{
	const char *v = getenv(name);
	char *end;
	unsigned long long n = v && *v ? strtoull(v, &end, 10) : 0;
	return v && *v && !*end && n > 0 ? (size_t)n : def;
}

int main(void)
{
	const char *root = getenv("JK_ROOT") ? getenv("JK_ROOT") : ".";
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/samples", root);
	soak s = {.target = env_size("SOAK_CHANGES", 100000),
	          .every = env_size("SOAK_RELOAD", 500)};
	double slide_ms = (double)env_size("SOAK_SLIDE_MS", 1);
	if (s.target < WARMUP + SAMPLES)
		s.target = WARMUP + SAMPLES;
	jk_err err = {0};
	if (sources_add(&s.sources, dir, &err)) {
		fprintf(stderr, "soak: %s: %s\n", dir, err.msg);
		return 1;
	}
	posting_list list;
	posting_list_init(&list);
	sources_load(&s.sources, NULL, &list, warn, &s);
	if (!list.n) {
		fprintf(stderr, "soak: no postings in %s\n", dir);
		sources_free(&s.sources);
		return 1;
	}
	size_t nposting = list.n;
	/* Cut: a crossfade waits 33 ms a frame, which would be most of the
	 * run; the blend code is exercised by the tests and the benchmark. */
	kiosk_opts o = {.win_w = 480,
	                .win_h = 270,
	                .slide_seconds = slide_ms / 1000.0,
	                .cut = true,
	                .on_show = on_show,
	                .hook_ud = &s};
	kiosk_stats st;
	printf("soak: %zu postings from %s, %zu slide changes of %.0f ms at 480x270, "
	       "reload every %zu\n",
	       nposting, dir, s.target, slide_ms, s.every);
	fflush(stdout);
	s.t0 = now_s();
	int r = kiosk_run(&list, &o, reload, &s, &st, &err);
	double t1 = now_s();
	long rss1 = s.rss1_kib, fd1 = s.fd1, hwm = status_kib("VmHWM:");
	if (r) {
		fprintf(stderr, "soak: %s\n", err.msg);
	} else {
		printf("  changes          %zu in %.1f s (%.0f a second)\n", s.changes, t1 - s.t0,
		       (double)s.changes / (t1 - s.t0));
		printf("  pages composed   %zu, %.2f ms each\n", st.composes,
		       st.composes ? st.compose_ms_total / (double)st.composes : 0);
		printf("  reloads          %zu asked, %zu done by the loop, %zu read, %zu failed\n",
		       s.reloads_asked, st.reloads, s.reload_calls, s.reload_failed);
		printf("  RSS over the run");
		for (size_t i = 0; i < s.nsamples; i++)
			printf(" %zuk:%ld", s.at[i] / 1000, s.rss_kib[i]);
		printf(" (KiB)\n");
		printf("  RSS              %ld KiB after %d changes, %ld KiB at the end: %+ld KiB "
		       "(target <= 1024)\n",
		       s.rss0_kib, WARMUP, rss1, rss1 - s.rss0_kib);
		printf("  peak RSS         %ld KiB\n", hwm);
		printf("  open fds         %ld after %d changes, %ld at the end: %+ld (target 0)\n",
		       s.fd0, WARMUP, fd1, fd1 - s.fd0);
	}
	posting_list_free(&list);
	sources_free(&s.sources);
	return r ? 1 : 0;
}
