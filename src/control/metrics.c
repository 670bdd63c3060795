/* metrics.c — GET /metrics in the Prometheus text format 0.0.4: the
 * loop's figures from the published snapshot (zero before the first),
 * the server's answers by code, and the process_* families read from
 * /proc/self as the Prometheus client libraries do. Every family has its
 * HELP and TYPE; label values are escaped (\\, \", \n). */
#include "internal.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

static void family(jk_buf *b, const char *name, const char *type, const char *help)
{
	jk_buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* s as a label value. */
static void label(jk_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\\')
			jk_buf_puts(b, "\\\\");
		else if (*s == '"')
			jk_buf_puts(b, "\\\"");
		else if (*s == '\n')
			jk_buf_puts(b, "\\n");
		else
			jk_buf_putc(b, *s);
	}
}

/* ---- the process, from /proc/self ----------------------------------------- */

typedef struct proc_figures {
	double cpu_s, start_s, vsize, rss;
	long fds, max_fds;
	bool stat_ok;
} proc_figures;

static double boot_time(void)
{
	FILE *f = fopen("/proc/stat", "re");
	char line[256];
	double bt = 0;
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "btime ", 6))
			bt = strtod(line + 6, NULL);
	if (f)
		fclose(f);
	return bt;
}

static void read_proc(proc_figures *p)
{
	memset(p, 0, sizeof *p);
	char *stat = NULL;
	size_t n;
	if (!jk_read_file("/proc/self/stat", 4096, &stat, &n, NULL)) {
		/* After the command name, which may hold spaces and ')'. */
		const char *q = strrchr(stat, ')');
		unsigned long utime, stime, vsize;
		unsigned long long start;
		long rss;
		if (q &&
		    sscanf(q + 2,
		           "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %*d %*d %*d %*d "
		           "%*d %*d %llu %lu %ld",
		           &utime, &stime, &start, &vsize, &rss) == 5) {
			double hz = (double)sysconf(_SC_CLK_TCK),
			       page = (double)sysconf(_SC_PAGESIZE);
			p->cpu_s = (double)(utime + stime) / hz;
			p->start_s = boot_time() + (double)start / hz;
			p->vsize = (double)vsize;
			p->rss = (double)rss * page;
			p->stat_ok = true;
		}
	}
	free(stat);
	DIR *d = opendir("/proc/self/fd");
	for (const struct dirent *e; d && (e = readdir(d));)
		if (e->d_name[0] != '.')
			p->fds++;
	if (d) {
		closedir(d);
		p->fds--; /* the one opendir holds */
	}
	struct rlimit rl;
	if (!getrlimit(RLIMIT_NOFILE, &rl))
		p->max_fds = rl.rlim_cur == RLIM_INFINITY ? -1 : (long)rl.rlim_cur;
}

static void process(jk_buf *b)
{
	proc_figures p;
	read_proc(&p);
	if (p.stat_ok) {
		family(b, "process_cpu_seconds_total", "counter",
		       "Total user and system CPU time spent in seconds.");
		jk_buf_printf(b, "process_cpu_seconds_total %.2f\n", p.cpu_s);
		family(b, "process_start_time_seconds", "gauge",
		       "Start time of the process since unix epoch in seconds.");
		jk_buf_printf(b, "process_start_time_seconds %.2f\n", p.start_s);
		family(b, "process_virtual_memory_bytes", "gauge", "Virtual memory size in bytes.");
		jk_buf_printf(b, "process_virtual_memory_bytes %.0f\n", p.vsize);
		family(b, "process_resident_memory_bytes", "gauge",
		       "Resident memory size in bytes.");
		jk_buf_printf(b, "process_resident_memory_bytes %.0f\n", p.rss);
	}
	family(b, "process_open_fds", "gauge", "Number of open file descriptors.");
	jk_buf_printf(b, "process_open_fds %ld\n", p.fds);
	if (p.max_fds > 0) {
		family(b, "process_max_fds", "gauge", "Maximum number of open file descriptors.");
		jk_buf_printf(b, "process_max_fds %ld\n", p.max_fds);
	}
}

/* ---- the loop's figures ------------------------------------------------------ */

static void loop(jk_buf *b, const control_server *srv, const control_snapshot *s)
{
	family(b, "jobkiosk_build_info", "gauge", "The version and screen name; always 1.");
	jk_buf_puts(b, "jobkiosk_build_info{version=\"");
	label(b, srv->version);
	jk_buf_puts(b, "\",screen=\"");
	label(b, s->screen);
	jk_buf_puts(b, "\"} 1\n");
	family(b, "jobkiosk_slides_shown_total", "counter", "Slides shown since the start.");
	jk_buf_printf(b, "jobkiosk_slides_shown_total %llu\n", (unsigned long long)s->slides_shown);
	family(b, "jobkiosk_postings", "gauge", "Postings in the deck.");
	jk_buf_printf(b, "jobkiosk_postings %zu\n", s->npostings);
	static const char *const outcome[3] = {"ok", "unchanged", "failed"};
	family(b, "jobkiosk_source_fetches_total", "counter", "Refreshes of a source by outcome.");
	/* A local folder is never fetched: no series that could look stale. */
	for (size_t i = 0; i < s->nsources; i++)
		for (size_t k = 0; k < 3 && !s->sources[i].local; k++) {
			jk_buf_puts(b, "jobkiosk_source_fetches_total{source=\"");
			label(b, s->sources[i].spec);
			jk_buf_printf(b, "\",outcome=\"%s\"} %llu\n", outcome[k],
			              (unsigned long long)s->sources[i].fetches[k]);
		}
	family(b, "jobkiosk_source_last_success_timestamp_seconds", "gauge",
	       "When a source last gave postings (unix seconds; 0 never).");
	for (size_t i = 0; i < s->nsources; i++) {
		if (s->sources[i].local)
			continue;
		jk_buf_puts(b, "jobkiosk_source_last_success_timestamp_seconds{source=\"");
		label(b, s->sources[i].spec);
		jk_buf_printf(b, "\"} %lld\n", (long long)s->sources[i].last_ok);
	}
	family(b, "jobkiosk_cache_bytes", "gauge", "Bytes in the cache directory.");
	jk_buf_printf(b, "jobkiosk_cache_bytes %llu\n", (unsigned long long)s->cache_bytes);
	family(b, "jobkiosk_display_on", "gauge", "1 while the display is on.");
	jk_buf_printf(b, "jobkiosk_display_on %d\n", s->display_on ? 1 : 0);
	family(b, "jobkiosk_announcement_active", "gauge", "1 while an announcement is up.");
	jk_buf_printf(b, "jobkiosk_announcement_active %d\n", s->has_announce ? 1 : 0);
	family(b, "jobkiosk_frame_seconds", "histogram",
	       "Time to compose and present a frame, in seconds.");
	for (size_t i = 0; i < CONTROL_FRAME_BUCKETS - 1; i++)
		jk_buf_printf(b, "jobkiosk_frame_seconds_bucket{le=\"%g\"} %llu\n",
		              control_frame_le_ms[i] / 1000,
		              (unsigned long long)s->frame_buckets[i]);
	/* +Inf is every frame, by definition the count. */
	jk_buf_printf(b, "jobkiosk_frame_seconds_bucket{le=\"+Inf\"} %llu\n",
	              (unsigned long long)s->frame_count);
	jk_buf_printf(b, "jobkiosk_frame_seconds_sum %.6f\n", s->frame_ms_sum / 1000);
	jk_buf_printf(b, "jobkiosk_frame_seconds_count %llu\n", (unsigned long long)s->frame_count);
}

char *ctl_metrics_text(control_server *srv, const control_snapshot *s, size_t *len)
{
	static const control_snapshot none;
	jk_buf b = {0};
	loop(&b, srv, s ? s : &none);
	family(&b, "jobkiosk_control_requests_total", "counter",
	       "Answers of the control server by HTTP status code.");
	for (size_t i = 0; i < CTL_CODES; i++) {
		unsigned long long n = atomic_load(&srv->codes[i]);
		if (!n && i)
			continue;
		if (ctl_codes[i])
			jk_buf_printf(&b, "jobkiosk_control_requests_total{code=\"%u\"} %llu\n",
			              ctl_codes[i], n);
		else
			jk_buf_printf(&b, "jobkiosk_control_requests_total{code=\"other\"} %llu\n",
			              n);
	}
	process(&b);
	if (jk_buf_putc(&b, 0)) { /* any append that failed left a short text */
		jk_buf_free(&b);
		return NULL;
	}
	*len = b.len - 1;
	return jk_buf_detach(&b);
}
