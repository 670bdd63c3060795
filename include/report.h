/* report.h — what the screen did: the impressions log and its report.
 *
 * The log listens to the loop: one CSV row per slide shown (each posting
 * page and the overview page), kept in memory and appended to the file in
 * one write() at most every flush interval (the kiosk: 10 minutes), at
 * quit and at SIGHUP, so an SD card sees few writes and a power cut loses
 * at most the rows of one interval, never half a row. No clock of its own:
 * callers pass the times, so tests drive it with a fake clock.
 *
 * The file (RFC 4180, UTF-8, CRLF-free: rows end in '\n'):
 *   start,screen,posting_id,title,apply_link,page,pages,seconds
 *   2026-12-02T18:30:05+01:00,booth-12,a1b2,Data Engineer,https://…,2,5,12.0
 * start is the local time with its offset; page and pages are two columns
 * (a spreadsheet would turn "2/5" into a date); the overview's row has an
 * empty posting_id and the title "(overview)". Every cell is valid UTF-8
 * without control characters; a cell starting with = + - @ gets a leading
 * apostrophe, so a spreadsheet never runs a title as a formula.
 *
 * The reader (report_read) sums a log per posting for `jobkiosk --report`.
 * Prefix report_. */
#ifndef REPORT_H
#define REPORT_H

#include "jk.h"

#include <stdint.h>
#include <stdio.h>
#include <time.h>

#define REPORT_HEADER "start,screen,posting_id,title,apply_link,page,pages,seconds\n"
/* The title of the overview's rows. */
#define REPORT_OVERVIEW "(overview)"
/* Defaults of report_log_opts. */
#define REPORT_FLUSH_MS (10u * 60u * 1000u)
#define REPORT_BUFFER_MAX ((size_t)1 << 20)
#define REPORT_FILE_MAX ((size_t)8 << 20)

/* One slide shown. Strings borrowed during the call; NULL is empty. */
typedef struct report_slide {
	const char *posting_id; /* NULL: the overview */
	const char *title;
	const char *link;   /* the tracked link (qr_link) when set, else apply */
	size_t page, pages; /* 1-based page k of n */
} report_slide;

/* ---- one row ------------------------------------------------------------ */

/* Appends the CSV cell for s (any bytes, n = (size_t)-1: strlen; NULL:
 * empty) to b: invalid UTF-8 as U+FFFD, control characters as spaces, the
 * formula guard, quoted when it holds '"', ',' or nothing else needs it.
 * JK_ETOOBIG past b's cap, JK_ENOMEM. */
int report_cell(jk_buf *b, const char *s, size_t n);
/* t as ISO 8601 local time with its offset ("2026-12-02T18:30:05+01:00")
 * into out. False when t cannot be had as local time. */
bool report_iso_time(time_t t, char out[32]);
/* One whole row, '\n' included, for s shown from start for seconds on
 * screen. */
int report_row(jk_buf *b, const report_slide *s, const char *screen, time_t start, double seconds);

/* ---- the log ------------------------------------------------------------ */

typedef struct report_log report_log;

typedef struct report_log_opts {
	const char *path;   /* the CSV file (borrowed during open) */
	const char *screen; /* the screen's name; NULL or "": the host name */
	unsigned flush_ms;  /* 0: REPORT_FLUSH_MS */
	size_t buffer_max;  /* rows kept in memory; 0: REPORT_BUFFER_MAX */
	size_t file_max;    /* the file's cap, then FILE -> FILE.1; 0: REPORT_FILE_MAX */
} report_log_opts;

/* What a log did, for tests and the log lines. */
typedef struct report_log_stats {
	size_t rows;      /* rows made */
	size_t writes;    /* write() calls made on the file (short writes count) */
	size_t flushes;   /* batches written whole */
	size_t failures;  /* batches that could not be written */
	size_t rotations; /* FILE -> FILE.1 */
	size_t dropped;   /* rows lost to the buffer's cap while failing */
	size_t torn_cut;  /* bytes cut off a torn last row at open */
	size_t early;     /* flushes before the interval: the buffer was full */
} report_log_stats;

/* A log for o->path; nothing is opened or written until the first flush
 * (the file may not be writable yet, or ever: that is logged then, and the
 * kiosk keeps running). *out: free with report_log_close(). JK_EARG
 * without a path, JK_ENOMEM. */
int report_log_open(const report_log_opts *o, report_log **out, jk_err *err);

/* Slide s came on screen at wall time wall (unix seconds) and monotonic
 * time mono_ms: the slide up before it (if any) ends and becomes a row. */
void report_log_show(report_log *l, const report_slide *s, time_t wall, uint64_t mono_ms);
/* Nothing is on screen from mono_ms on (display off, waiting screen):
 * the slide up, if any, ends and becomes a row. */
void report_log_end(report_log *l, uint64_t mono_ms);
/* Writes the rows kept when the flush interval has passed since the last
 * write (or the first row). Returns the ms until it should be called
 * again. */
unsigned report_log_tick(report_log *l, uint64_t mono_ms);
/* Writes the rows kept now (SIGHUP, quit). 0, or JK_EIO after logging one
 * line naming the file and the reason (the rows stay kept). */
int report_log_flush(report_log *l);
void report_log_stats_get(const report_log *l, report_log_stats *out);
/* Ends the slide up at mono_ms, writes what is kept and frees l. Accepts
 * NULL. */
void report_log_close(report_log *l, uint64_t mono_ms);

/* ---- the report ----------------------------------------------------------- */

/* The totals of one posting (or of the overview: id ""). */
typedef struct report_total {
	char *id, *title, *link;  /* owned by the report */
	size_t shown;             /* rows */
	double seconds;           /* on screen */
	char first[32], last[32]; /* start of the first and last row, as written */
} report_total;

typedef struct report_totals {
	report_total *v; /* sorted by seconds on screen, most first */
	size_t n;
	size_t rows, bad; /* rows read, lines refused */
	double seconds;   /* all rows */
	char first[32], last[32];
} report_totals;

/* Lines named one by one before only their count is told. */
#define REPORT_BAD_SHOWN 20
/* Postings kept; rows of others count as bad lines. */
#define REPORT_MAX_POSTINGS 10000
/* The longest line read; longer is a bad line. */
#define REPORT_LINE_MAX 16384

/* Reads the log at path (any size: read in pieces, memory bounded by the
 * postings kept) into out, which the caller frees with
 * report_totals_free() on success and failure. A line that is not a whole
 * row (torn, hostile, binary, wrongly encoded, too long) is skipped and
 * named through the log ("report: FILE line N: REASON"), the first
 * REPORT_BAD_SHOWN of them, then their count. Fails only when the file
 * cannot be read (JK_EIO "FILE: cannot open: REASON") or memory runs out. */
int report_read(const char *path, report_totals *out, jk_err *err);
/* The same over n bytes of data, named name in the lines. */
int report_read_buffer(const char *name, const char *data, size_t n, report_totals *out,
                       jk_err *err);
void report_totals_free(report_totals *t);
/* The totals as a table to f: per posting times shown, minutes on screen,
 * first and last seen, most minutes first. */
void report_totals_print(const report_totals *t, FILE *f);

#endif
