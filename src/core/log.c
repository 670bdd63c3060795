/* log.c — the one log sink. Every module logs through jk_log(); the app
 * chooses where the lines go (stderr, or stderr in the journal's format). */
#include "jk.h"

#include <stdarg.h>
#include <stdio.h>

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
