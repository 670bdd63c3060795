/* log.c — the impressions log: rows kept in memory, appended in one
 * write() per flush interval (and at quit and SIGHUP). Crash-safe by
 * construction: O_APPEND, the whole batch in one write() (looped on short
 * writes, cut back on failure), a torn last row cut back at the next open,
 * one rotation FILE -> FILE.1 at the size cap. */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct report_log {
	char *path;
	char screen[256];
	unsigned flush_ms;
	size_t buffer_max, file_max;
	jk_buf rows; /* whole rows, not yet written */
	/* The slide up: its strings owned here. */
	bool up;
	char *id, *title, *link;
	bool overview;
	size_t page, pages;
	time_t start;
	uint64_t start_ms;
	bool timed;          /* flushed_ms is set */
	uint64_t flushed_ms; /* the last write, or the first row kept */
	bool failing;        /* the last flush failed (logged once) */
	bool warned_full;    /* the early flush was logged */
	bool warned_drop;
	report_log_stats st;
};

int report_log_open(const report_log_opts *o, report_log **out, jk_err *err)
{
	*out = NULL;
	if (!o || !o->path || !*o->path)
		return jk_fail(err, JK_EARG, "impressions log: no file given");
	report_log *l = calloc(1, sizeof *l);
	if (!l || !(l->path = jk_strndup(o->path, (size_t)-1))) {
		free(l);
		return jk_fail(err, JK_ENOMEM, "impressions log: out of memory");
	}
	if (o->screen && *o->screen)
		snprintf(l->screen, sizeof l->screen, "%s", o->screen);
	else if (gethostname(l->screen, sizeof l->screen - 1) != 0)
		snprintf(l->screen, sizeof l->screen, "kiosk");
	l->flush_ms = o->flush_ms ? o->flush_ms : REPORT_FLUSH_MS;
	l->buffer_max = o->buffer_max ? o->buffer_max : REPORT_BUFFER_MAX;
	l->file_max = o->file_max ? o->file_max : REPORT_FILE_MAX;
	*out = l;
	return 0;
}

void report_log_stats_get(const report_log *l, report_log_stats *out)
{
	memset(out, 0, sizeof *out);
	if (l)
		*out = l->st;
}

/* ---- writing ------------------------------------------------------------ */

/* The file's size after cutting a torn last row (a power cut mid-write of
 * an older version, or a hand edit) back to the last '\n'; -1 on error. */
static off_t cut_torn(report_log *l, int fd)
{
	struct stat st;
	if (fstat(fd, &st) < 0)
		return -1;
	off_t end = st.st_size, at = end;
	char last;
	if (end == 0 || (pread(fd, &last, 1, end - 1) == 1 && last == '\n'))
		return end;
	char chunk[4096];
	off_t keep = 0;
	while (at > 0 && !keep) {
		size_t n = at > (off_t)sizeof chunk ? sizeof chunk : (size_t)at;
		at -= (off_t)n;
		ssize_t got = pread(fd, chunk, n, at);
		if (got != (ssize_t)n)
			return -1;
		for (size_t i = n; i-- > 0;)
			if (chunk[i] == '\n') {
				keep = at + (off_t)i + 1;
				break;
			}
	}
	if (ftruncate(fd, keep) < 0)
		return -1;
	l->st.torn_cut += (size_t)(end - keep);
	jk_log(JK_LOG_WARN, "report",
	       "impressions log %s: the last row was torn (a power cut?): cut %lld byte(s) back to "
	       "the last whole "
	       "row",
	       l->path, (long long)(end - keep));
	return keep;
}

/* Opens the file for appending (and reading its last row); *size gets its size after the torn-row
 * check. -1 with errno set. */
static int open_append(report_log *l, off_t *size)
{
	int fd = open(l->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	struct stat st;
	int bad = fstat(fd, &st) < 0 ? errno : S_ISREG(st.st_mode) ? 0 : EINVAL;
	if (bad) {
		close(fd);
		errno = bad;
		return -1;
	}
	*size = cut_torn(l, fd);
	if (*size < 0) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* FILE -> FILE.1 (an older FILE.1 replaced), then a fresh FILE. */
static int rotate(report_log *l, int fd, off_t *size)
{
	char old[4200];
	snprintf(old, sizeof old, "%s.1", l->path);
	close(fd);
	if (rename(l->path, old) < 0)
		return -1;
	l->st.rotations++;
	jk_log(JK_LOG_INFO, "report",
	       "impressions log %s reached %zu bytes: moved to %s, starting a new file", l->path,
	       l->file_max, old);
	return open_append(l, size);
}

/* All n bytes of p in write() calls (a short write continues); on failure
 * the file is cut back to size, so no part of a row stays. */
static int write_all(report_log *l, int fd, const char *p, size_t n, off_t size)
{
	size_t off = 0;
	while (off < n) {
		ssize_t w = write(fd, p + off, n - off);
		l->st.writes++;
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = w < 0 ? errno : ENOSPC;
			if (off && ftruncate(fd, size) < 0)
				jk_log(JK_LOG_WARN, "report",
				       "impressions log %s: cannot cut a part row back: %s",
				       l->path, strerror(errno));
			errno = e;
			return -1;
		}
		off += (size_t)w;
	}
	return 0;
}

/* The batch: the header first when the file is new. Caller frees. */
static char *batch(const report_log *l, bool header, size_t *n)
{
	size_t hn = header ? strlen(REPORT_HEADER) : 0;
	char *b = malloc(hn + l->rows.len + 1);
	if (!b)
		return NULL;
	memcpy(b, REPORT_HEADER, hn);
	memcpy(b + hn, l->rows.data, l->rows.len);
	*n = hn + l->rows.len;
	return b;
}

static int flush_fail(report_log *l, const char *what, int e)
{
	l->st.failures++;
	if (!l->failing)
		jk_log(JK_LOG_WARN, "report",
		       "impressions log %s: cannot %s: %s; %zu byte(s) of rows kept in memory, "
		       "trying again later",
		       l->path, what, strerror(e), l->rows.len);
	l->failing = true;
	return JK_EIO;
}

static int flush_rows(report_log *l)
{
	if (!l->rows.len)
		return 0;
	off_t size = 0;
	int fd = open_append(l, &size);
	if (fd < 0)
		return flush_fail(l, "open", errno);
	if (size > 0 && (size_t)size + l->rows.len > l->file_max) {
		fd = rotate(l, fd, &size);
		if (fd < 0)
			return flush_fail(l, "rotate", errno);
	}
	size_t n = 0;
	char *b = batch(l, size == 0, &n);
	if (!b) {
		close(fd);
		return flush_fail(l, "write", ENOMEM);
	}
	int r = write_all(l, fd, b, n, size);
	int e = errno;
	free(b);
	if (!r && fdatasync(fd) < 0 && errno != EINVAL)
		r = -1, e = errno;
	if (close(fd) < 0 && !r)
		r = -1, e = errno;
	if (r)
		return flush_fail(l, "write", e);
	if (l->failing)
		jk_log(JK_LOG_INFO, "report", "impressions log %s: written again", l->path);
	l->failing = false;
	l->st.flushes++;
	l->rows.len = 0;
	l->rows.data[0] = '\0';
	return 0;
}

int report_log_flush(report_log *l)
{
	if (!l)
		return 0;
	return flush_rows(l);
}

unsigned report_log_tick(report_log *l, uint64_t mono_ms)
{
	if (!l)
		return REPORT_FLUSH_MS;
	if (!l->timed || !l->rows.len)
		return l->flush_ms;
	if (mono_ms - l->flushed_ms >= l->flush_ms || mono_ms < l->flushed_ms) {
		flush_rows(l);
		l->flushed_ms = mono_ms; /* a failure waits an interval too */
		return l->flush_ms;
	}
	return (unsigned)(l->flushed_ms + l->flush_ms - mono_ms);
}

/* ---- rows ----------------------------------------------------------------- */

/* Keeps the row of the slide up, ended at mono_ms. */
static void keep_row(report_log *l, uint64_t mono_ms)
{
	if (!l->up)
		return;
	l->up = false;
	report_slide s = {.posting_id = l->overview ? NULL
	                                : l->id     ? l->id
	                                            : "",
	                  .title = l->title,
	                  .link = l->link,
	                  .page = l->page,
	                  .pages = l->pages};
	double secs = mono_ms > l->start_ms ? (double)(mono_ms - l->start_ms) / 1000.0 : 0;
	jk_buf row = {0};
	int r = report_row(&row, &s, l->screen, l->start, secs);
	if (!r && l->rows.len + row.len > l->buffer_max) {
		/* Full before the interval: written early (once said). */
		if (!l->warned_full)
			jk_log(JK_LOG_INFO, "report",
			       "impressions log %s: %zu byte(s) of rows kept before the interval; "
			       "writing early",
			       l->path, l->rows.len);
		l->warned_full = true;
		if (!flush_rows(l))
			l->st.early++;
	}
	if (!r && l->rows.len + row.len > l->buffer_max) {
		l->st.dropped++;
		if (!l->warned_drop)
			jk_log(JK_LOG_WARN, "report",
			       "impressions log %s: cannot be written and %zu byte(s) of rows are "
			       "kept: new rows are "
			       "dropped until it can",
			       l->path, l->rows.len);
		l->warned_drop = true;
		r = JK_ETOOBIG;
	}
	if (!r)
		r = jk_buf_append(&l->rows, row.data, row.len);
	jk_buf_free(&row);
	if (r)
		return;
	l->warned_drop = false;
	l->st.rows++;
	if (!l->timed) {
		l->timed = true;
		l->flushed_ms = mono_ms;
	}
}

static void forget_slide(report_log *l)
{
	free(l->id);
	free(l->title);
	free(l->link);
	l->id = l->title = l->link = NULL;
}

void report_log_show(report_log *l, const report_slide *s, time_t wall, uint64_t mono_ms)
{
	if (!l)
		return;
	keep_row(l, mono_ms);
	forget_slide(l);
	l->overview = !s->posting_id;
	l->id = s->posting_id ? jk_strndup(s->posting_id, (size_t)-1) : NULL;
	l->title = s->title ? jk_strndup(s->title, (size_t)-1) : NULL;
	l->link = s->link ? jk_strndup(s->link, (size_t)-1) : NULL;
	l->page = s->page;
	l->pages = s->pages;
	l->start = wall;
	l->start_ms = mono_ms;
	l->up = true;
}

void report_log_end(report_log *l, uint64_t mono_ms)
{
	if (l)
		keep_row(l, mono_ms);
}

void report_log_close(report_log *l, uint64_t mono_ms)
{
	if (!l)
		return;
	keep_row(l, mono_ms);
	flush_rows(l);
	forget_slide(l);
	jk_buf_free(&l->rows);
	free(l->path);
	free(l);
}
