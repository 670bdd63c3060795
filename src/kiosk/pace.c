/* pace.c — how slide changes fit the board's CPU: how often a crossfade
 * draws a frame, whether a change fades or cuts, how early a change
 * starts. Pure arithmetic on costs the loop measures; no SDL, no clock,
 * so tests feed it costs and check the decisions. */
#include "kiosk.h"

#include <stdlib.h>

/* A wild sample (a stopped process, a suspend) must not steer for long. */
static double clamp_ms(double ms)
{
	return ms < 0 || ms != ms ? 0 : ms > 10000 ? 10000 : ms;
}

void kiosk_pace_frame(kiosk_pace *p, double ms)
{
	ms = clamp_ms(ms);
	/* A quarter of each new frame: a few frames follow a change of load,
	 * one odd frame does not. */
	p->frame_ms = p->nframe ? p->frame_ms * 0.75 + ms * 0.25 : ms;
	p->nframe++;
}

void kiosk_pace_change(kiosk_pace *p, double ms)
{
	ms = clamp_ms(ms);
	/* Up at once, down an eighth a change: the lead covers the worst
	 * recent change, not the average one. */
	p->change_ms = !p->nchange || ms > p->change_ms ? ms : p->change_ms * 0.875 + ms * 0.125;
	p->nchange++;
}

unsigned kiosk_pace_gap(const kiosk_pace *p)
{
	return p->frame_ms > KIOSK_PACE_GAP_MS ? (unsigned)(p->frame_ms + 0.5) : KIOSK_PACE_GAP_MS;
}

unsigned kiosk_pace_period(const kiosk_pace *p)
{
	return kiosk_pace_gap(p) + (unsigned)(p->frame_ms + 0.5);
}

unsigned kiosk_pace_lead(const kiosk_pace *p, unsigned slide_ms)
{
	double lead = p->change_ms + 0.5;
	return lead < slide_ms / 4.0 ? (unsigned)lead : slide_ms / 4;
}

bool kiosk_pace_fades(kiosk_pace *p, unsigned fade_ms, unsigned next_ms)
{
	unsigned period = kiosk_pace_period(p);
	if (period > KIOSK_PACE_FLOOR_MS) {
		/* Soon after a hiccup, then seldom on a board that stays slow. */
		unsigned c = ++p->cuts;
		return c % KIOSK_PACE_PROBE == 0 || (c == 2 || c == 4);
	}
	p->cuts = 0;
	/* The last frame (up to a period after fade_ms) must be out before
	 * the next change starts, lead included. */
	unsigned lead = kiosk_pace_lead(p, next_ms);
	return (unsigned long)fade_ms + period + lead <= next_ms;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

double kiosk_pace_median(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
