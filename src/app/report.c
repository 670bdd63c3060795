/* report.c — the --report action: the impressions log summed per posting,
 * printed as a table, and with --render DIR drawn as a bar chart
 * (layout_chart, the kiosk's own fonts and theme) into DIR/report.png. */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "2026-12-02T18:30:05+01:00" as "2026-12-02 18:30". */
static void short_time(const char *iso, char out[20])
{
	snprintf(out, 20, "%.16s", iso);
	char *t = strchr(out, 'T');
	if (t)
		*t = ' ';
}

/* The chart's bars and their notes: one per posting, most minutes first.
 * Caller frees *bars and *notes. */
static int bars_of(const report_totals *t, layout_bar **bars, char **notes)
{
	*bars = calloc(t->n ? t->n : 1, sizeof **bars);
	*notes = calloc(t->n ? t->n : 1, 48);
	if (!*bars || !*notes)
		return JK_ENOMEM;
	for (size_t i = 0; i < t->n; i++) {
		const report_total *e = &t->v[i];
		char *note = *notes + i * 48;
		snprintf(note, 48, "%.1f min · %zu×", e->seconds / 60, e->shown);
		const char *label = !e->id[0]               ? "Overview of all postings"
		                    : e->title && *e->title ? e->title
		                                            : "(untitled)";
		(*bars)[i] = (layout_bar){.label = label, .value = e->seconds, .note = note};
	}
	return 0;
}

static int draw(const app *a, const report_totals *t, const char *path, jk_err *err)
{
	render_look look = app_look(&a->cfg);
	render_fonts *f;
	int r = render_fonts_open_look(&look, &f, err);
	if (r)
		return r;
	layout_theme th = render_look_theme(&look);
	layout_params lp = {.w = a->cfg.size_w, .h = a->cfg.size_h};
	render_layout_look(f, &look, &th, &lp);
	char sub[200], from[20], to[20];
	short_time(t->first, from);
	short_time(t->last, to);
	size_t np = 0;
	for (size_t i = 0; i < t->n; i++)
		np += t->v[i].id[0] != '\0'; /* the overview is no posting */
	int n = snprintf(sub, sizeof sub, "%zu posting%s · %zu slide%s · %.0f minutes on screen",
	                 np, np == 1 ? "" : "s", t->rows, t->rows == 1 ? "" : "s", t->seconds / 60);
	/* The same day once: "2026-12-02 09:00 to 17:01". */
	if (t->rows && n > 0 && (size_t)n < sizeof sub)
		snprintf(sub + n, sizeof sub - (size_t)n, " · %s to %s", from,
		         strncmp(from, to, 11) ? to : to + 11);
	layout_bar *bars = NULL;
	char *notes = NULL;
	layout_doc d = {0};
	r = bars_of(t, &bars, &notes);
	if (r)
		jk_fail(err, r, "report: out of memory");
	else
		r = layout_chart("What the screen did", sub, bars, t->n, &lp, &d, err);
	if (!r)
		r = layout_check(&d, err);
	SDL_Surface *s = r ? NULL : render_page_ex(f, &d, 0, NULL, 0, &th, 0, err);
	if (!r && !s)
		r = err && err->code ? err->code : JK_EIO;
	if (s)
		r = render_save_png(s, path, err);
	SDL_FreeSurface(s);
	layout_doc_free(&d);
	free(bars);
	free(notes);
	render_fonts_close(f);
	return r;
}

int app_report(const app *a)
{
	report_totals t;
	jk_err err = {0};
	if (report_read(a->c->report_path, &t, &err)) {
		jk_log(JK_LOG_ERR, "app", "%s", err.msg);
		return 1;
	}
	report_totals_print(&t, stdout);
	int status = 0;
	const char *dir = a->c->render_dir;
	if (dir) {
		char path[4096];
		snprintf(path, sizeof path, "%s/report.png", dir);
		int r = mkdir(dir, 0777) != 0 && errno != EEXIST
		            ? jk_fail(&err, JK_EIO, "%s: cannot create: %s", dir, strerror(errno))
		            : draw(a, &t, path, &err);
		if (r) {
			jk_log(JK_LOG_ERR, "app", "report chart: %s", err.msg);
			status = 1;
		} else {
			printf("\nchart: %s\n", path);
		}
	}
	report_totals_free(&t);
	return status;
}
