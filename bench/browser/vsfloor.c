/* vsfloor.c — the floor and the memory limit beside jobkiosk's figures
 * (issue 15): printed, never asserted. */
#include "vsfloor.h"

#include "render.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FW 1920
#define FH 1080
#define RUNS 9

static double now_ms(void)
{
	return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* The best of the runs: what the memory can do when nothing else runs. */
static double best(const double *v)
{
	double m = v[0];
	for (int i = 1; i < RUNS; i++)
		m = v[i] < m ? v[i] : m;
	return m;
}

bool bb_floor_read(const char *log, bb_floor *out)
{
	FILE *f = fopen(log, "r");
	if (!f)
		return false;
	char line[512];
	bool found = false;
	while (fgets(line, sizeof line, f)) {
		bb_floor v;
		if (sscanf(line,
		           "floor: first_frame_ms=%lf fade_frame_ms=%lf compose_ms=%lf "
		           "present_ms=%lf frames=%d",
		           &v.first_ms, &v.fade_ms, &v.compose_ms, &v.present_ms, &v.frames) == 5) {
			*out = v;
			found = true;
		}
	}
	fclose(f);
	return found;
}

double bb_floor_memcpy_ms(void)
{
	size_t n = (size_t)FW * FH * 4 * 2;
	unsigned char *a = malloc(n), *b = malloc(n);
	double v[RUNS] = {0};
	if (a && b) {
		memset(a, 0x5A, n);
		memset(b, 0, n); /* both touched: no page faults in the timing */
		for (int i = 0; i < RUNS; i++) {
			double t = now_ms();
			memcpy(b, a, n);
			v[i] = now_ms() - t;
			a[i] ^= b[n - 1 - (size_t)i]; /* keeps the copies */
		}
	}
	free(a);
	free(b);
	return best(v);
}

double bb_floor_blend_ms(bool vector)
{
	size_t n = (size_t)FW * FH;
	uint32_t *d = malloc(n * 4), *s = malloc(n * 4);
	double v[RUNS] = {0};
	if (d && s) {
		for (size_t i = 0; i < n; i++) {
			d[i] = (uint32_t)(i * 2654435761u);
			s[i] = ~d[i];
		}
		for (int i = 0; i < RUNS; i++) {
			double t = now_ms();
			for (int y = 0; y < FH; y++)
				(vector ? render_blend_row : render_blend_row_scalar)(
				    d + (size_t)y * FW, s + (size_t)y * FW, FW, 40 + (unsigned)i);
			v[i] = now_ms() - t;
		}
	}
	free(d);
	free(s);
	return best(v);
}

static void row(const char *what, double jk, double fl, const char *unit, double target)
{
	char a[32] = "-", b[32] = "-", r[32] = "-";
	if (jk > 0)
		snprintf(a, sizeof a, "%.2f %s", jk, unit);
	if (fl > 0)
		snprintf(b, sizeof b, "%.2f %s", fl, unit);
	if (jk > 0 && fl > 0)
		snprintf(r, sizeof r, "%.3f", jk / fl);
	printf("  %-26s %12s %12s %8s   <= %.3f  %s\n", what, a, b, r, target,
	       jk > 0 && fl > 0 ? (jk / fl <= target ? "met" : "missed") : "");
}

void bb_floor_print(const bb_vsfloor *l)
{
	printf("jobkiosk against the floor (bench/floor.c: bare SDL2, software renderer, two "
	       "1080p textures, alpha-mod fade):\n");
	printf("                                 jobkiosk        floor    ratio   target\n");
	row("crossfade frame", l->jk_fade_ms, l->floor.fade_ms, "ms", 0.6);
	row("launch to first frame", l->jk_first_ms, l->floor_first_ms, "ms", 1.2);
	row("CPU s per minute (Chromium)", l->jk_cpu, l->ch_cpu, "s", 1.0 / 6.0);
	if (l->floor.frames)
		printf("  floor: fade frame %.2f ms = compose %.2f + present %.2f (median of %d); "
		       "first present %.1f ms after its launch\n",
		       l->floor.fade_ms, l->floor.compose_ms, l->floor.present_ms, l->floor.frames,
		       l->floor.first_ms);
	if (l->jk_rows > 0)
		printf("  jobkiosk blends and sends only the rows that differ: %.0f%% of the "
		       "screen's rows per fade here\n",
		       l->jk_rows * 100);
	double m = bb_floor_memcpy_ms(), bv = bb_floor_blend_ms(true),
	       bs = bb_floor_blend_ms(false);
	printf("  the limit: memcpy of two 1080p frames (%.1f MB) %.2f ms; the row blend over "
	       "a whole 1080p frame %.2f ms (%s), %.2f ms scalar\n",
	       (double)FW * FH * 8 / 1e6, m, bv,
	       render_blend_vector() ? "vector" : "no vector path", bs);
}

void bb_floor_timeline(const char *log)
{
	FILE *f = fopen(log, "r");
	if (!f)
		return;
	char line[512], last[16][512];
	int n = 0;
	while (fgets(line, sizeof line, f)) {
		const char *m = strstr(line, "start-up: ");
		if (!m)
			continue;
		if (strstr(m, "main() at"))
			n = 0; /* a new launch */
		if (n < 16)
			snprintf(last[n++], sizeof last[0], "%s", m + 10);
	}
	fclose(f);
	if (n)
		printf("jobkiosk's start-up, its last launch (--verbose; ms since the process "
		       "started, 10 ms steps):\n");
	for (int i = 0; i < n; i++)
		printf("  %s", last[i]);
}
