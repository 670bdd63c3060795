/* bench_display.c — crossfades on a 1080p and on a 4K screen (a private
 * Xvfb of each size, the x11 driver, full screen, samples/). For each size
 * and each choice of resolution (auto: a screen above 1920x1080 without a
 * GPU gets pages drawn at 1920x1080 and doubled into the window, since
 * Xvfb has no 1920x1080 mode to set; native: the screen's own size) it
 * prints the first slide's time, the crossfade frame time and the CPU per
 * minute of the kiosk and of the X server (which copies each frame to its
 * screen), with 3 s slides and 0.7 s fades. For reference, renderer =
 * software (no GL asked), and the GPU path forced onto Mesa's llvmpipe (a
 * CPU rasteriser: its figures say nothing of a real GPU). Printed, never
 * asserted. JK_BENCH_SECONDS sets each run's length (default 12). */
#include "kiosk.h"
#include "store.h"

#include <SDL.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double self_cpu_s(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec / 1e6 +
	       (double)u.ru_stime.tv_sec + (double)u.ru_stime.tv_usec / 1e6;
}

/* utime + stime of pid from /proc, in seconds; 0 when unreadable. */
static double proc_cpu_s(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	const char *p = strrchr(buf, ')'); /* the name may hold spaces */
	unsigned long ut = 0, st = 0;
	if (!p ||
	    sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
		return 0;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* An X server of w x h on the first free display from :90; its pid, or -1. */
static pid_t xvfb_start(int w, int h, char disp[16])
{
	for (int d = 90; d < 130; d++) {
		char lock[64], sock[64], screen[32];
		snprintf(lock, sizeof lock, "/tmp/.X%d-lock", d);
		snprintf(sock, sizeof sock, "/tmp/.X11-unix/X%d", d);
		if (access(lock, F_OK) == 0)
			continue;
		snprintf(disp, 16, ":%d", d);
		snprintf(screen, sizeof screen, "%dx%dx24", w, h);
		char *argv[] = {"Xvfb",    disp, "-nolisten", "tcp", "-noreset",
		                "-screen", "0",  screen,      NULL};
		posix_spawn_file_actions_t fa;
		posix_spawn_file_actions_init(&fa);
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
		pid_t pid;
		int r = posix_spawnp(&pid, "Xvfb", &fa, NULL, argv, environ);
		posix_spawn_file_actions_destroy(&fa);
		if (r)
			return -1;
		struct stat sb;
		for (int i = 0; i < 100 && stat(sock, &sb) != 0; i++)
			usleep(50000);
		usleep(200000);
		if (waitpid(pid, NULL, WNOHANG) == 0)
			return pid;
	}
	return -1;
}

static void xvfb_stop(pid_t pid)
{
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}

/* CPU of the kiosk and of the X server from the first slide on. */
typedef struct marks {
	pid_t server;
	double cpu, xcpu, wall;
	int frame_w, frame_h;
	bool seen;
} marks;

static void on_show(void *ud, const kiosk_state *st)
{
	marks *m = ud;
	if (m->seen)
		return;
	m->seen = true;
	m->cpu = self_cpu_s();
	m->xcpu = proc_cpu_s(m->server);
	m->wall = now_s();
	m->frame_w = st->frame_w;
	m->frame_h = st->frame_h;
}

typedef struct choice {
	const char *name;
	bool fit_1080;
	int renderer;
} choice;

static void run(posting_list *l, int w, int h, const choice *c, double seconds)
{
	char disp[16];
	pid_t x = xvfb_start(w, h, disp);
	if (x < 0) {
		printf("  %4dx%-4d %-22s no Xvfb\n", w, h, c->name);
		return;
	}
	setenv("DISPLAY", disp, 1);
	marks m = {.server = x};
	kiosk_opts o = {.slide_seconds = 3,
	                .fade_ms = 700,
	                .max_seconds = seconds,
	                .renderer = c->renderer,
	                .fit_1080 = c->fit_1080,
	                .on_show = on_show,
	                .hook_ud = &m};
	kiosk_stats st;
	jk_err err = {0};
	int r = kiosk_run(l, &o, NULL, NULL, &st, &err);
	double wall = now_s() - m.wall, cpu = self_cpu_s() - m.cpu, xcpu = proc_cpu_s(x) - m.xcpu;
	xvfb_stop(x);
	if (r || !m.seen || wall <= 0) {
		printf("  %4dx%-4d %-22s failed: %s\n", w, h, c->name, err.msg);
		return;
	}
	printf("  %4dx%-4d %-22s %4dx%-4d %6.0f ms %8.2f ms %6zu %9.2f s %9.2f s\n", w, h, c->name,
	       m.frame_w, m.frame_h, st.first_slide_ms,
	       st.fade_frames ? st.fade_ms_total / (double)st.fade_frames : 0.0, st.fade_frames,
	       cpu * 60 / wall, xcpu * 60 / wall);
}

int main(void)
{
	const char *root = getenv("JK_ROOT") ? getenv("JK_ROOT") : ".";
	double seconds = getenv("JK_BENCH_SECONDS") ? atof(getenv("JK_BENCH_SECONDS")) : 12;
	char path[1024];
	snprintf(path, sizeof path, "%s/samples", root);
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	if (store_load_path(path, &l, NULL, NULL, NULL, NULL, &err)) {
		fprintf(stderr, "bench_display: %s: %s\n", path, err.msg);
		return 1;
	}
	setenv("SDL_VIDEODRIVER", "x11", 1);
	/* The renderer's line at each run is noise here. */
	jk_log_set_sink(NULL, NULL, JK_LOG_WARN);
	static const choice choices[] = {
	    /* renderer = auto finds llvmpipe and draws in software */
	    {"auto", true, KIOSK_RENDERER_AUTO},
	    {"native", false, KIOSK_RENDERER_AUTO},
	    {"native, software", false, KIOSK_RENDERER_SOFTWARE}, /* no GL probe */
	    {"native, gpu (llvmpipe)", false, KIOSK_RENDERER_GPU},
	};
	static const int sizes[][2] = {{1920, 1080}, {3840, 2160}};
	printf("bench_display: %zu postings from samples/, Xvfb, full screen, 3 s slides, 0.7 s "
	       "fades, %.0f s a run\n",
	       l.n, seconds);
	printf("  screen    resolution / renderer  pages at   1st slide fade frame frames  kiosk "
	       "CPU  X server CPU (per minute)\n");
	setenv("LIBGL_ALWAYS_SOFTWARE", "1", 1);
	for (size_t s = 0; s < JK_ARRAY_LEN(sizes); s++)
		for (size_t c = 0; c < JK_ARRAY_LEN(choices); c++)
			run(&l, sizes[s][0], sizes[s][1], &choices[c], seconds);
	posting_list_free(&l);
	SDL_Quit();
	return 0;
}
