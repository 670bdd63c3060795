/* kiosk.c — the slideshow loop (being written). */
#include "kiosk.h"

int kiosk_run(posting_list *list, const kiosk_opts *o, kiosk_reload_fn reload, void *ud,
              kiosk_stats *stats, jk_err *err)
{
	(void)list, (void)o, (void)reload, (void)ud, (void)stats;
	return jk_fail(err, JK_EUNSUPPORTED, "the slideshow is not built yet; use --render DIR");
}
