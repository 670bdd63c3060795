/* reconfig.c — "new settings are due", raised by SIGHUP, the fleet file's
 * thread and the control server, taken by the loop's reload. Its own file
 * so those raising it need not call the wiring that takes it. */
#include "internal.h"

#include <stdatomic.h>

static atomic_bool due;

void app_notify_reconfig(void)
{
	atomic_store(&due, true);
	kiosk_notify_reload();
}

bool app_reconfig_take(void)
{
	return atomic_exchange(&due, false);
}
