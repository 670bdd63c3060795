/* row.c — one CSV row of the impressions log: RFC 4180 cells that stay one
 * valid UTF-8 line whatever the text holds, the spreadsheet formula guard,
 * and the start time as ISO 8601 with the local offset. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* A cell's text made safe: valid UTF-8 (U+FFFD for broken bytes), every
 * control character (C0, DEL, C1, line and paragraph separators) a space,
 * so no cell can end a row or hide part of it. */
static int clean_into(jk_buf *t, const char *s, size_t n)
{
	int r = 0;
	for (size_t i = 0; i < n && !r;) {
		uint32_t cp;
		size_t k = jk_utf8_decode(s + i, n - i, &cp);
		bool ctl = cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029;
		if (ctl)
			r = jk_buf_putc(t, ' ');
		else if (cp == 0xFFFD && k == 1)
			r = jk_buf_puts(t, "\xEF\xBF\xBD");
		else
			r = jk_buf_append(t, s + i, k);
		i += k;
	}
	return r;
}

int report_cell(jk_buf *b, const char *s, size_t n)
{
	if (!s)
		return 0;
	if (n == (size_t)-1)
		n = strlen(s);
	jk_buf t = {.limit = b->limit};
	int r = clean_into(&t, s, n);
	const char *v = t.data ? t.data : "";
	size_t len = t.len;
	/* A spreadsheet reads = + - @ at the start as a formula (also after
	 * spaces some do: the trimmed start counts). */
	size_t lead = strspn(v, " ");
	bool guard = lead < len && strchr("=+-@", v[lead]) != NULL;
	bool quote =
	    guard || strpbrk(v, "\",") != NULL || (len && (v[0] == ' ' || v[len - 1] == ' '));
	if (!r && quote)
		r = jk_buf_putc(b, '"');
	if (!r && guard)
		r = jk_buf_putc(b, '\'');
	for (size_t i = 0; !r && i < len; i++)
		r = v[i] == '"' ? jk_buf_puts(b, "\"\"") : jk_buf_putc(b, v[i]);
	if (!r && quote)
		r = jk_buf_putc(b, '"');
	jk_buf_free(&t);
	return r;
}

bool report_iso_time(time_t t, char out[32])
{
	struct tm tm;
	out[0] = '\0';
	if (!localtime_r(&t, &tm))
		return false;
	long off = tm.tm_gmtoff;
	char sign = off < 0 ? '-' : '+';
	off = off < 0 ? -off : off;
	char day[24];
	if (!strftime(day, sizeof day, "%Y-%m-%dT%H:%M:%S", &tm) || tm.tm_year + 1900 > 9999 ||
	    tm.tm_year + 1900 < 0)
		return false;
	snprintf(out, 32, "%s%c%02ld:%02ld", day, sign, off / 3600 % 100, off / 60 % 60);
	return true;
}

int report_row(jk_buf *b, const report_slide *s, const char *screen, time_t start, double seconds)
{
	char when[32];
	if (!report_iso_time(start, when))
		snprintf(when, sizeof when, "1970-01-01T00:00:00+00:00");
	if (!(seconds >= 0))
		seconds = 0;
	size_t at = b->len;
	bool overview = !s->posting_id;
	int r = jk_buf_printf(b, "%s,", when);
	if (!r)
		r = report_cell(b, screen, (size_t)-1);
	if (!r)
		r = jk_buf_putc(b, ',');
	if (!r)
		r = report_cell(b, overview ? "" : s->posting_id, (size_t)-1);
	if (!r)
		r = jk_buf_putc(b, ',');
	if (!r)
		r = report_cell(b, overview ? REPORT_OVERVIEW : s->title, (size_t)-1);
	if (!r)
		r = jk_buf_putc(b, ',');
	if (!r)
		r = report_cell(b, overview ? "" : s->link, (size_t)-1);
	if (!r)
		r = jk_buf_printf(b, ",%zu,%zu,%.1f\n", s->page, s->pages, seconds);
	if (r) {
		/* No half row is ever left in the buffer. */
		b->len = at;
		if (b->data)
			b->data[at] = '\0';
	}
	return r;
}
