/* The impressions report's reader (report_read_buffer): any bytes give
 * totals whose strings are valid UTF-8, never a crash, a leak or a hang. */
#include "fuzz.h"

#include "report.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	jk_log_set_sink(NULL, NULL, JK_LOG_ERR); /* the bad lines are expected */
	report_totals t;
	jk_err err = {0};
	int r = report_read_buffer("fuzz.csv", (const char *)data, size, &t, &err);
	if (r)
		fz_check_err(&err, r);
	for (size_t i = 0; !r && i < t.n; i++) {
		const report_total *e = &t.v[i];
		if (!jk_utf8_valid(e->id, strlen(e->id)) ||
		    (e->title && !jk_utf8_valid(e->title, strlen(e->title))) || e->seconds < 0)
			fz_fail("report total", e->id);
	}
	if (!r && t.rows + t.bad == 0 && t.n)
		fz_fail("report", "postings without rows");
	report_totals_free(&t);
	return 0;
}
