/* log.c — the one log sink. Every module logs through jk_log(); the app
 * chooses where the lines go (stderr, or stderr in the journal's format). */
#include "jk.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static jk_log_fn sink = jk_log_stderr;
static void *sink_ud;
static jk_log_level max_level = JK_LOG_INFO;

void jk_log_set_sink(jk_log_fn fn, void *ud, jk_log_level level)
{
	sink = fn ? fn : jk_log_stderr;
	sink_ud = fn ? ud : NULL;
	max_level = level;
}

void jk_log_stderr(void *ud, jk_log_level level, const char *module, const char *line)
{
	(void)ud, (void)level, (void)module;
	/* One write per line, so lines from two threads never interleave. */
	fprintf(stderr, "jobkiosk: %s\n", line);
}

void jk_log_journal(void *ud, jk_log_level level, const char *module, const char *line)
{
	(void)ud, (void)module;
	fprintf(stderr, "<%d>jobkiosk: %s\n", (int)level, line);
}

void jk_log(jk_log_level level, const char *module, const char *fmt, ...)
{
	if (level > max_level)
		return;
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	jk_one_line(line);
	sink(sink_ud, level, module ? module : "", line);
}

/* The process's start in CLOCK_BOOTTIME ms: field 22 of /proc/self/stat
 * (clock ticks since boot), or < 0. The command name (field 2) may hold
 * spaces and parentheses: the fields after it follow the last ')'. */
static double process_start_ms(void)
{
	char buf[1024];
	FILE *f = fopen("/proc/self/stat", "r");
	size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
	if (f)
		fclose(f);
	buf[n] = '\0';
	const char *p = NULL;
	for (const char *c = buf; *c; c++)
		if (*c == ')')
			p = c;
	unsigned long long ticks = 0;
	long hz = sysconf(_SC_CLK_TCK);
	if (!p || hz <= 0 ||
	    sscanf(p + 1,
	           " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d "
	           "%*d %llu",
	           &ticks) != 1)
		return -1;
	return (double)ticks * 1000.0 / (double)hz;
}

static double boot_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_BOOTTIME, &t);
	return (double)t.tv_sec * 1000.0 + (double)t.tv_nsec / 1e6;
}

double jk_process_ms(void)
{
	static double start = -1;
	if (start < 0) {
		start = process_start_ms();
		if (start < 0)
			start = boot_ms();
	}
	return boot_ms() - start;
}

void jk_mark(const char *module, const char *what)
{
	if (max_level >= JK_LOG_DEBUG)
		jk_log(JK_LOG_DEBUG, module, "start-up: %s at %.1f ms", what, jk_process_ms());
}
