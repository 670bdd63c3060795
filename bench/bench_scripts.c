/* bench_scripts.c — what every script costs (issue 12): the layout of 1,000
 * postings of mixed scripts (tests/data/scripts and samples/, cycled) at
 * 1920x1080 with the real fonts, against the same number of samples/ alone;
 * the first slide of each script's posting with the fonts just opened; and
 * the process's PSS before and after, so the memory shaping, the faces per
 * script and ICU take can be read off. Printed, never asserted. */
#include "layout.h"
#include "render.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#define NLAYOUTS 1000

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* CPU time of the process (all threads), seconds. */
static double cpu_s(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/* This process's proportional set size in KiB (-1 when the kernel has no
 * smaps_rollup). */
static long pss_self_kib(void)
{
	FILE *f = fopen("/proc/self/smaps_rollup", "r");
	if (!f)
		return -1;
	char line[256];
	long kib = -1;
	while (kib < 0 && fgets(line, sizeof line, f))
		if (!strncmp(line, "Pss:", 4))
			kib = strtol(line + 4, NULL, 10);
	fclose(f);
	return kib;
}

static void print_pss(const char *when, long base)
{
	long k = pss_self_kib();
	if (base >= 0 && k >= 0)
		printf("  PSS %-34s %7.1f MiB  (+%.1f MiB)\n", when, k / 1024.0,
		       (k - base) / 1024.0);
	else
		printf("  PSS %-34s %7.1f MiB\n", when, k / 1024.0);
}

static const char *root_path(const char *rel, char *buf, size_t cap)
{
	const char *r = getenv("JK_ROOT");
	snprintf(buf, cap, "%s/%s", r ? r : ".", rel);
	return buf;
}

static int load(const char *rel, posting_list *l)
{
	char path[4096];
	jk_err err = {0};
	if (store_load_path(root_path(rel, path, sizeof path), l, NULL, NULL, NULL, NULL, &err)) {
		fprintf(stderr, "bench_scripts: %s: %s\n", path, err.msg);
		return -1;
	}
	return 0;
}

/* NLAYOUTS layouts of items (cycled) at 1920x1080: seconds of wall and
 * CPU time, pages made, the slowest single layout and its posting. */
static int lay_out_all(render_fonts *f, const posting *const *items, size_t n, double *wall,
                       double *cpu, size_t *pages, double *slowest, const char **slowest_src)
{
	*slowest = 0;
	*slowest_src = "";
	layout_theme th = layout_theme_default();
	render_look look = render_look_default();
	layout_params lp = {.w = 1920, .h = 1080};
	render_layout_look(f, &look, &th, &lp);
	*pages = 0;
	double w0 = now_s(), c0 = cpu_s();
	for (size_t i = 0; i < NLAYOUTS; i++) {
		layout_doc d;
		jk_err err = {0};
		double t = now_s();
		int r = layout_posting(items[i % n], &lp, &d, &err);
		t = now_s() - t;
		if (t > *slowest)
			*slowest = t, *slowest_src = items[i % n]->source;
		*pages += d.npages;
		layout_doc_free(&d);
		if (r) {
			fprintf(stderr, "bench_scripts: layout: %s\n", err.msg);
			return r;
		}
	}
	*wall = now_s() - w0;
	*cpu = cpu_s() - c0;
	return 0;
}

/* p laid out and its first page drawn with f: what the kiosk does before
 * a posting's first slide is up. Milliseconds, or -1. */
static double slide_ms(render_fonts *f, const posting *p)
{
	double t0 = now_s();
	render_look look = render_look_default();
	layout_theme th = layout_theme_default();
	layout_params lp = {.w = 1920, .h = 1080};
	render_layout_look(f, &look, &th, &lp);
	layout_doc d;
	jk_err err = {0};
	double ms = -1;
	if (!layout_posting(p, &lp, &d, &err)) {
		SDL_Surface *s = render_page(f, &d, 0, &th, 0, &err);
		if (s)
			ms = (now_s() - t0) * 1000.0;
		SDL_FreeSurface(s);
	}
	if (ms < 0)
		fprintf(stderr, "bench_scripts: %s: %s\n", p->source, err.msg);
	layout_doc_free(&d);
	return ms;
}

static int open_fonts(render_fonts **f)
{
	render_look look = render_look_default();
	jk_err err = {0};
	if (render_fonts_open_look(&look, f, &err)) {
		fprintf(stderr, "bench_scripts: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The first slide of each of items[0,n) with fonts opened afresh for it
 * (fontconfig already warm): the slowest is what a screen restarted on
 * that posting waits. */
static void print_first_slides(const posting *const *items, size_t n)
{
	double worst = -1;
	const char *src = "";
	for (size_t i = 0; i < n; i++) {
		render_fonts *f;
		double t0 = now_s();
		if (open_fonts(&f))
			return;
		double ms = slide_ms(f, items[i]);
		if (ms >= 0)
			ms += (now_s() - t0) * 1000.0 - ms;
		render_fonts_close(f);
		if (ms > worst)
			worst = ms, src = items[i]->source;
	}
	printf("  first slide, slowest script     %7.1f ms   (%s; fonts opened for it)\n", worst,
	       base_name(src));
}

int main(void)
{
	if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
		setenv("SDL_VIDEODRIVER", "offscreen", 0);
	long pss0 = pss_self_kib();
	posting_list scripts, samples;
	posting_list_init(&scripts);
	posting_list_init(&samples);
	if (load("tests/data/scripts", &scripts) || load("samples", &samples)) {
		posting_list_free(&scripts);
		posting_list_free(&samples);
		return 1;
	}
	size_t n = scripts.n + samples.n;
	const posting **mixed = malloc(n * sizeof *mixed);
	if (!mixed)
		return 1;
	/* Interleaved, so every script follows a Latin posting now and then. */
	for (size_t i = 0, a = 0, b = 0; i < n; i++)
		mixed[i] = (i % 2 == 0 && a < scripts.n) || b == samples.n ? scripts.items[a++]
		                                                           : samples.items[b++];
	printf("bench_scripts: %zu postings in %zu scripts' files + %zu from samples/, "
	       "1920x1080\n",
	       n, scripts.n, samples.n);

	pss0 = pss_self_kib();
	print_pss("at start (postings read)", -1);
	render_fonts *f;
	double t0 = now_s();
	if (open_fonts(&f)) {
		free(mixed);
		posting_list_free(&scripts);
		posting_list_free(&samples);
		return 1;
	}
	double open_ms = (now_s() - t0) * 1000.0;
	long pss_fonts = pss_self_kib();
	print_pss("after opening the fonts", pss0);
	double first = slide_ms(f, mixed[0]);
	printf("  first slide, fonts opened cold  %7.1f ms   (target <= 150; %.1f ms opening the "
	       "fonts, %s)\n",
	       open_ms + first, open_ms, base_name(mixed[0]->source));

	double wall, cpu, slow;
	size_t pages;
	const char *slow_src;
	/* Each posting once, with fonts that have measured nothing yet: what
	 * a posting costs the first time it is laid out. The runs of 1,000
	 * below lay the same postings out again, as a kiosk does on every
	 * reload, and find most widths already measured. */
	render_fonts *cold;
	if (open_fonts(&cold) == 0) {
		layout_theme th = layout_theme_default();
		render_look look = render_look_default();
		layout_params lp = {.w = 1920, .h = 1080};
		render_layout_look(cold, &look, &th, &lp);
		double c0 = now_s();
		for (size_t i = 0; i < n; i++) {
			layout_doc d;
			layout_posting(mixed[i], &lp, &d, NULL);
			layout_doc_free(&d);
		}
		double each = (now_s() - c0) * 1000.0 / (double)n;
		printf(
		    "  first layout of each posting    %7.1f ms   (mean of %zu, nothing measured "
		    "before; %.1f s per 1,000 new postings)\n",
		    each, n, each);
		render_fonts_close(cold);
	}
	int r = lay_out_all(f, (const posting *const *)samples.items, samples.n, &wall, &cpu,
	                    &pages, &slow, &slow_src);
	if (!r) {
		printf(
		    "  layout of %d postings, samples/ %7.3f s    (CPU %.3f s, %zu pages; slowest "
		    "%.1f ms, %s)\n",
		    NLAYOUTS, wall, cpu, pages, slow * 1000.0, base_name(slow_src));
		print_pss("after laying out samples/", pss_fonts);
		r = lay_out_all(f, mixed, n, &wall, &cpu, &pages, &slow, &slow_src);
	}
	if (!r) {
		printf("  layout of %d postings, mixed    %7.3f s    (target <= 1; CPU %.3f s, "
		       "%zu pages; slowest %.1f ms, %s)\n",
		       NLAYOUTS, wall, cpu, pages, slow * 1000.0, base_name(slow_src));
		print_pss("after laying out mixed scripts", pss_fonts);
	}
	render_fonts_close(f);
	if (!r)
		print_first_slides((const posting *const *)scripts.items, scripts.n);
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	printf("  peak RSS                        %7.1f MiB\n", (double)u.ru_maxrss / 1024.0);
	free(mixed);
	posting_list_free(&scripts);
	posting_list_free(&samples);
	return r ? 1 : 0;
}
