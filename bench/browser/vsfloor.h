/* vsfloor.h — the floor jobkiosk's screen is measured against: the bare
 * SDL program (bench/floor.c) read from its log, and what the bytes of a
 * crossfade cost on this machine (memcpy, the kiosk's row blend).
 * Prefix bb_floor_ (bb_vsfloor the table). */
#ifndef BB_VSFLOOR_H
#define BB_VSFLOOR_H
#include <stdbool.h>

/* What bench/floor.c printed. */
typedef struct bb_floor {
	double first_ms; /* its own launch-to-present time (FLOOR_T0) */
	double fade_ms, compose_ms, present_ms;
	int frames;
} bb_floor;

/* Reads the last "floor:" line of log into *out; false when there is
 * none (the program failed: its log says why). */
bool bb_floor_read(const char *log, bb_floor *out);

/* In this process, the best of a few runs, ms: memcpy of two 1920x1080
 * xRGB frames (the bytes a fade frame reads); render_blend_row over one
 * whole 1080p frame, the vector path or the scalar one. */
double bb_floor_memcpy_ms(void);
double bb_floor_blend_ms(bool vector);

/* The table: jobkiosk against the floor and the limits. Figures 0 are
 * shown as "-" (not measured). */
typedef struct bb_vsfloor {
	bb_floor floor;
	double floor_first_ms; /* launch to first frame, polled like jobkiosk's */
	double jk_first_ms;    /* jobkiosk's, the median launch */
	double jk_fade_ms;     /* jobkiosk's crossfade frame (in process) */
	double jk_rows;        /* share of rows a fade blended and sent */
	double jk_cpu, ch_cpu; /* CPU seconds per minute, jobkiosk and Chromium */
} bb_vsfloor;
void bb_floor_print(const bb_vsfloor *l);
/* Prints the "start-up:" lines of the last launch in jobkiosk's log
 * (written with --verbose): where its first frame's time went. */
void bb_floor_timeline(const char *log);
#endif
