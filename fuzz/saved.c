/* The saved announcement (app_announce_read): any bytes give no
 * announcement with one line naming the file, or one whose text is valid
 * UTF-8 of at most KIOSK_ANNOUNCE_MAX bytes; never a crash, leak or hang. */
#include "fuzz.h"

#include "app.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	jk_log_set_sink(NULL, NULL, JK_LOG_ERR);
	kiosk_announce an;
	jk_err err = {0};
	int r = app_announce_read("fuzz.json", (const char *)data, size, 1796232605, &an, &err);
	if (r && r != JK_ENOTFOUND)
		fz_check_err(&err, r);
	size_t n = strnlen(an.text, sizeof an.text);
	if (n == sizeof an.text || !jk_utf8_valid(an.text, n) || (!r && !n))
		fz_fail("saved announcement", an.text);
	return 0;
}
