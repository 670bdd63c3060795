/* read.c — the impressions report: a log read line by line in pieces
 * (memory bounded by the postings kept, never by the file), every line
 * checked as a whole row, the rows summed per posting. A line that is not
 * a row is named and skipped: the rest still counts. */
#include "posting.h"
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Kept of each posting's text: enough for a table and a chart label. */
#define ID_MAX 256
#define TITLE_MAX 400
#define LINK_MAX 1024
#define NFIELDS 8

typedef struct reader {
	const char *name;
	report_totals *t;
	size_t *slot; /* hash: index + 1 into t->v, 0 empty */
	size_t nslot, cap;
	char *line; /* the line being gathered */
	size_t len;
	bool over; /* the line grew past REPORT_LINE_MAX: skipped to its end */
	size_t lineno;
	int64_t first_t, last_t;
	int status;
} reader;

static void bad(reader *r, const char *why)
{
	report_totals *t = r->t;
	t->bad++;
	if (t->bad <= REPORT_BAD_SHOWN)
		jk_log(JK_LOG_WARN, "report", "report: %s line %zu: %s", r->name, r->lineno, why);
}

/* ---- one line into fields ------------------------------------------------ */

typedef struct field {
	char *s; /* unquoted, NUL-terminated, in the line's storage */
	size_t n;
} field;

/* Splits line (edited in place: quotes removed) into f[0,NFIELDS). Returns
 * the number of fields, or -1 for a broken quote. */
static int split(char *line, size_t n, field *f)
{
	int nf = 0;
	size_t i = 0;
	char *end = line + n;
	for (;;) {
		if (nf == NFIELDS)
			return NFIELDS + 1;
		char *out = line + i, *start = out;
		if (i < n && line[i] == '"') {
			i++;
			for (;;) {
				if (i >= n)
					return -1;
				if (line[i] == '"') {
					if (i + 1 < n && line[i + 1] == '"') {
						*out++ = '"';
						i += 2;
						continue;
					}
					i++;
					break;
				}
				*out++ = line[i++];
			}
			if (i < n && line[i] != ',')
				return -1;
		} else {
			while (i < n && line[i] != ',') {
				if (line[i] == '"')
					return -1;
				*out++ = line[i++];
			}
		}
		f[nf].s = start;
		f[nf].n = (size_t)(out - start);
		nf++;
		bool more = i < n && line[i] == ',';
		if (out < end)
			*out = '\0';
		i++;
		if (!more)
			return nf;
	}
}

/* "2026-12-02T18:30:05+01:00" to unix time. */
/* 64-bit seconds, not time_t: a log row from 2040 sorts right on armhf. */
static bool parse_time(const field *f, int64_t *out)
{
	int Y, M, D, h, m, s, oh, om, used = 0;
	char sign;
	if (f->n != 25 ||
	    sscanf(f->s, "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d%n", &Y, &M, &D, &h, &m, &s, &sign, &oh,
	           &om, &used) != 9 ||
	    used != 25)
		return false;
	if (M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || s > 60 || oh > 18 ||
	    om > 59 || (sign != '+' && sign != '-') || Y < 1970)
		return false;
	for (size_t i = 0; i < 25; i++)
		if (!strchr("0123456789-T:+", f->s[i]))
			return false;
	long off = (oh * 3600L + om * 60L) * (sign == '-' ? -1 : 1);
	*out = posting_utc_seconds(Y, M, D, h, m, s) - off;
	return true;
}

static bool parse_count(const field *f, unsigned long *out)
{
	if (!f->n || f->n > 6 || strspn(f->s, "0123456789") != f->n)
		return false;
	*out = strtoul(f->s, NULL, 10);
	return *out > 0;
}

/* ---- the totals ---------------------------------------------------------- */

/* A copy of s[0,n) cut to at most cap bytes on a character boundary, the
 * formula guard's apostrophe taken off (it is for spreadsheets). */
static char *keep_text(const char *s, size_t n, size_t cap)
{
	size_t lead = 1;
	while (lead < n && s[lead] == ' ')
		lead++;
	if (n > 1 && s[0] == '\'' && lead < n && strchr("=+-@", s[lead]))
		s++, n--;
	if (n > cap) {
		n = cap;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	return jk_strndup(s, n);
}

static uint64_t hash(const char *s)
{
	return jk_hash64(s, strlen(s), JK_HASH_SEED);
}

static int grow(reader *r)
{
	size_t ns = r->nslot ? r->nslot * 2 : 256;
	size_t *nv = calloc(ns, sizeof *nv);
	if (!nv)
		return JK_ENOMEM;
	for (size_t i = 0; i < r->t->n; i++) {
		size_t k = hash(r->t->v[i].id) & (ns - 1);
		while (nv[k])
			k = (k + 1) & (ns - 1);
		nv[k] = i + 1;
	}
	free(r->slot);
	r->slot = nv;
	r->nslot = ns;
	return 0;
}

/* The totals of id: found, or a new one; NULL when there are too many
 * postings (*full) or memory ran out (r->status). */
static report_total *find(reader *r, const char *id, bool *full)
{
	report_totals *t = r->t;
	*full = false;
	if (t->n * 2 >= r->nslot && grow(r)) {
		r->status = JK_ENOMEM;
		return NULL;
	}
	size_t k = hash(id) & (r->nslot - 1);
	while (r->slot[k]) {
		report_total *e = &t->v[r->slot[k] - 1];
		if (!strcmp(e->id, id))
			return e;
		k = (k + 1) & (r->nslot - 1);
	}
	if (t->n >= REPORT_MAX_POSTINGS) {
		*full = true;
		return NULL;
	}
	if (t->n == r->cap) {
		size_t nc = r->cap ? r->cap * 2 : 64;
		report_total *nv = realloc(t->v, nc * sizeof *nv);
		if (!nv) {
			r->status = JK_ENOMEM;
			return NULL;
		}
		t->v = nv;
		r->cap = nc;
	}
	report_total *e = &t->v[t->n];
	memset(e, 0, sizeof *e);
	e->id = jk_strndup(id, (size_t)-1);
	if (!e->id) {
		r->status = JK_ENOMEM;
		return NULL;
	}
	r->slot[k] = ++t->n;
	return e;
}

/* A later title or link replaces the kept one: postings get edited. */
static void set_text(reader *r, char **dst, const field *f, size_t cap)
{
	char *s = keep_text(f->s, f->n, cap);
	if (!s) {
		r->status = JK_ENOMEM;
		return;
	}
	free(*dst);
	*dst = s;
}

static void stamp(char dst[32], const field *f)
{
	memcpy(dst, f->s, f->n < 31 ? f->n : 31);
	dst[f->n < 31 ? f->n : 31] = '\0';
}

/* One row checked and counted. */
static void row(reader *r, char *line, size_t n)
{
	field f[NFIELDS + 1];
	char why[96];
	int nf = split(line, n, f);
	if (nf < 0) {
		bad(r, "a quote is not closed or is followed by text");
		return;
	}
	if (nf != NFIELDS) {
		snprintf(why, sizeof why, "%s%d field(s), a row has %d",
		         nf > NFIELDS ? "more than " : "", nf > NFIELDS ? NFIELDS : nf, NFIELDS);
		bad(r, why);
		return;
	}
	int64_t when;
	unsigned long page, pages;
	char *endp;
	double secs = f[7].n ? strtod(f[7].s, &endp) : -1;
	if (!parse_time(&f[0], &when)) {
		bad(r, "the start is not a time like 2026-12-02T18:30:05+01:00");
		return;
	}
	if (!parse_count(&f[5], &page) || !parse_count(&f[6], &pages) || page > pages) {
		bad(r, "the page is not a number from 1 to the pages");
		return;
	}
	if (!f[7].n || *endp || !isfinite(secs) || secs < 0 || secs > 604800 ||
	    strspn(f[7].s, "0123456789.") != f[7].n) {
		bad(r, "the seconds are not a number from 0 to 604800 (a week)");
		return;
	}
	if (f[2].n > ID_MAX) {
		bad(r, "the posting id is longer than 256 bytes");
		return;
	}
	bool full;
	report_total *e = find(r, f[2].s, &full);
	if (!e) {
		if (full)
			bad(r, "more than 10000 postings: this one is not counted");
		return;
	}
	report_totals *t = r->t;
	set_text(r, &e->title, &f[3], TITLE_MAX);
	set_text(r, &e->link, &f[4], LINK_MAX);
	int64_t et;
	field ef = {e->first, strlen(e->first)};
	if (!e->shown || (parse_time(&ef, &et) && when < et))
		stamp(e->first, &f[0]);
	ef = (field){e->last, strlen(e->last)};
	if (!e->shown || (parse_time(&ef, &et) && when >= et))
		stamp(e->last, &f[0]);
	if (!t->rows || when < r->first_t)
		r->first_t = when, stamp(t->first, &f[0]);
	if (!t->rows || when >= r->last_t)
		r->last_t = when, stamp(t->last, &f[0]);
	e->shown++;
	e->seconds += secs;
	t->rows++;
	t->seconds += secs;
}

/* One whole line (without its '\n'). */
static void line(reader *r, char *s, size_t n)
{
	if (n && s[n - 1] == '\r')
		n--; /* saved again by a spreadsheet */
	s[n] = '\0';
	if (!n)
		return;
	if (memchr(s, '\0', n)) {
		bad(r, "binary data (NUL bytes)");
		return;
	}
	if (!jk_utf8_valid(s, n)) {
		bad(r, "not valid UTF-8");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) {
			bad(r, "a control character");
			return;
		}
	if (n == strlen(REPORT_HEADER) - 1 && !memcmp(s, REPORT_HEADER, n))
		return; /* the header (again where two files were joined) */
	row(r, s, n);
}

/* Bytes in: whole lines out, each at most REPORT_LINE_MAX. */
static void feed(reader *r, const char *p, size_t n)
{
	for (size_t i = 0; i < n && !r->status;) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t k = nl ? (size_t)(nl - (p + i)) : n - i;
		if (!r->over) {
			if (r->len + k > REPORT_LINE_MAX) {
				r->over = true;
			} else {
				memcpy(r->line + r->len, p + i, k);
				r->len += k;
			}
		}
		i += k;
		if (!nl)
			break;
		i++;
		r->lineno++;
		if (r->over)
			bad(r, "longer than 16384 bytes");
		else
			line(r, r->line, r->len);
		r->len = 0;
		r->over = false;
	}
}

/* The last line, when the file does not end in '\n': torn. */
static void finish(reader *r)
{
	if (r->status || (!r->len && !r->over))
		return;
	r->lineno++;
	bad(r, r->over ? "longer than 16384 bytes, and not ended (torn)"
	               : "not ended by a line break (torn)");
}

static int by_seconds(const void *a, const void *b)
{
	const report_total *x = a, *y = b;
	if (x->seconds != y->seconds)
		return x->seconds < y->seconds ? 1 : -1;
	if (x->shown != y->shown)
		return x->shown < y->shown ? 1 : -1;
	return strcmp(x->id, y->id);
}

static int start(reader *r, const char *name, report_totals *out)
{
	memset(out, 0, sizeof *out);
	memset(r, 0, sizeof *r);
	r->name = name;
	r->t = out;
	r->line = malloc(REPORT_LINE_MAX + 1);
	return r->line ? 0 : JK_ENOMEM;
}

static int end(reader *r, jk_err *err)
{
	finish(r);
	free(r->line);
	free(r->slot);
	report_totals *t = r->t;
	if (r->status) {
		report_totals_free(t);
		return jk_fail(err, r->status, "report: %s: out of memory", r->name);
	}
	if (t->bad > REPORT_BAD_SHOWN)
		jk_log(JK_LOG_WARN, "report", "report: %s: %zu line(s) skipped in all (%d named)",
		       r->name, t->bad, REPORT_BAD_SHOWN);
	if (t->n)
		qsort(t->v, t->n, sizeof *t->v, by_seconds);
	return 0;
}

int report_read_buffer(const char *name, const char *data, size_t n, report_totals *out,
                       jk_err *err)
{
	reader r;
	if (start(&r, name, out))
		return jk_fail(err, JK_ENOMEM, "report: out of memory");
	feed(&r, data, n);
	return end(&r, err);
}

int report_read(const char *path, report_totals *out, jk_err *err)
{
	memset(out, 0, sizeof *out);
	FILE *f = fopen(path, "rb");
	if (!f)
		return jk_fail(err, JK_EIO, "report: %s: cannot open: %s", path, strerror(errno));
	reader r;
	if (start(&r, path, out)) {
		fclose(f);
		return jk_fail(err, JK_ENOMEM, "report: out of memory");
	}
	char buf[65536];
	size_t got;
	while (!r.status && (got = fread(buf, 1, sizeof buf, f)) > 0)
		feed(&r, buf, got);
	int rerr = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	int rc = end(&r, err);
	if (!rc && rerr) {
		report_totals_free(out);
		rc = jk_fail(err, JK_EIO, "report: %s: cannot read: %s", path, strerror(rerr));
	}
	return rc;
}

void report_totals_free(report_totals *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].id);
		free(t->v[i].title);
		free(t->v[i].link);
	}
	free(t->v);
	memset(t, 0, sizeof *t);
}

void report_totals_print(const report_totals *t, FILE *f)
{
	fprintf(f, "%zu slide(s) shown, %.1f minute(s) on screen", t->rows, t->seconds / 60);
	if (t->rows)
		fprintf(f, ", from %s to %s", t->first, t->last);
	fprintf(f, "\n\n%6s %8s  %-25s  %-25s  %s\n", "shown", "minutes", "first seen", "last seen",
	        "posting");
	for (size_t i = 0; i < t->n; i++) {
		const report_total *e = &t->v[i];
		const char *title = e->title && *e->title ? e->title : "(untitled)";
		fprintf(f, "%6zu %8.1f  %-25s  %-25s  %s", e->shown, e->seconds / 60, e->first,
		        e->last, title);
		if (*e->id)
			fprintf(f, " [%s]", e->id);
		fputc('\n', f);
	}
}
