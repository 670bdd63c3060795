/* bench_render.c — the slideshow's figures at 1920x1080 on the software
 * renderer with 100 postings: time to first slide, compose time per
 * crossfade frame, CPU per minute with 10 s slides, frames drawn between
 * transitions, peak RSS. Printed, never asserted. */
#include "kiosk.h"
#include "layout.h"
#include "render.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static const char *words[] = {"systems", "reliable",  "team",     "build",    "design",   "with",
                              "and",     "customers", "embedded", "software", "the",      "of",
                              "measure", "careful",   "data",     "research", "hardware", "to"};

static void make_list(posting_list *l, size_t n)
{
	posting_list_init(l);
	unsigned seed = 7;
	for (size_t i = 0; i < n; i++) {
		posting *p = posting_new();
		char t[96];
		snprintf(t, sizeof t, "Senior Engineer %zu, Platform", i + 1);
		posting_set(&p->title, t, (size_t)-1);
		posting_set(&p->organization, "Harbor Robotics", (size_t)-1);
		posting_set(&p->location, "Lisbon, Portugal", (size_t)-1);
		posting_set(&p->employment, "Full-time", (size_t)-1);
		snprintf(t, sizeof t, "https://careers.example.com/jobs/%zu", i + 1);
		posting_set(&p->apply, t, (size_t)-1);
		for (int s = 0; s < 3; s++) {
			posting_section *sec =
			    posting_add_section(p, s ? "What you bring" : "About");
			for (int b = 0; b < 3; b++) {
				posting_block *bk = posting_add_block(
				    sec, s ? POSTING_BULLET : POSTING_PARAGRAPH, 0);
				int nw = s ? 10 : 40;
				for (int w = 0; w < nw; w++) {
					seed = seed * 1103515245u + 12345u;
					posting_block_append(
					    bk, words[(seed >> 16) % JK_ARRAY_LEN(words)],
					    (size_t)-1, 0);
					posting_block_space(bk);
				}
			}
		}
		posting_finish(p, i);
		posting_list_push(l, p);
	}
}

static double cpu_s(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec / 1e6 +
	       (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec / 1e6;
}

static double wall_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU and wall clock when the first slide is up: start-up ends there. */
typedef struct marks {
	double cpu_first, wall_first;
	long rss_first_kib;
	bool seen;
} marks;

static void on_show(void *ud, const kiosk_state *st)
{
	marks *m = ud;
	(void)st;
	if (m->seen)
		return;
	m->seen = true;
	m->cpu_first = cpu_s();
	m->wall_first = wall_s();
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	m->rss_first_kib = u.ru_maxrss;
}

int main(void)
{
	if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
		setenv("SDL_VIDEODRIVER", "offscreen", 0);
	double seconds = getenv("JK_BENCH_SECONDS") ? atof(getenv("JK_BENCH_SECONDS")) : 60;
	posting_list l;
	make_list(&l, 100);
	marks m = {0};
	kiosk_opts o = {.win_w = 1920,
	                .win_h = 1080,
	                .slide_seconds = 10,
	                .max_seconds = seconds,
	                .on_show = on_show,
	                .hook_ud = &m};
	kiosk_stats st;
	jk_err err = {0};
	double c0 = cpu_s(), w0 = wall_s();
	if (kiosk_run(&l, &o, NULL, NULL, &st, &err)) {
		fprintf(stderr, "bench_render: %s\n", err.msg);
		posting_list_free(&l);
		return 1;
	}
	double cpu = cpu_s() - c0, wall = wall_s() - w0;
	double steady_cpu = cpu_s() - m.cpu_first, steady_wall = wall_s() - m.wall_first;
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	printf("bench_render: 100 postings, 1920x1080, software renderer, video driver %s\n",
	       getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "(default)");
	printf("  time to first slide        %8.1f ms   (target <= 150)\n", st.first_slide_ms);
	printf("  compose per crossfade frame %7.2f ms   (target <= 4; %zu frames)\n",
	       st.fade_frames ? st.fade_ms_total / (double)st.fade_frames : 0.0, st.fade_frames);
	printf("  page composition (once/page) %6.1f ms   (%zu pages)\n",
	       st.composes ? st.compose_ms_total / (double)st.composes : 0.0, st.composes);
	printf("  start-up CPU (to 1st slide) %7.3f s\n", m.cpu_first - c0);
	printf("  CPU per minute, 10 s slides %7.2f s    (target <= 0.5; steady state: %.2f s "
	       "over %.1f s after the first slide)\n",
	       steady_wall > 0 ? steady_cpu * 60.0 / steady_wall : 0.0, steady_cpu, steady_wall);
	printf("  CPU per minute incl. start  %7.2f s    (%.2f s over %.1f s)\n",
	       wall > 0 ? cpu * 60.0 / wall : 0.0, cpu, wall);
	size_t extra = st.frames - st.fade_frames - st.ticks - st.shown;
	printf(
	    "  frames between transitions  %7zu      (target 0; plus %zu progress ticks at 1 Hz)\n",
	    st.frames > st.fade_frames + st.ticks + st.shown ? extra : 0, st.ticks);
	printf("  peak RSS                    %7.1f MiB  (target <= 50; %.1f MiB at the first "
	       "slide)\n",
	       (double)u.ru_maxrss / 1024.0, (double)m.rss_first_kib / 1024.0);
	posting_list_free(&l);
	return 0;
}
