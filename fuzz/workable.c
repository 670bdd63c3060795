/* The Workable widget reader ({"name":..., "jobs":[...]} or one job)
 * called directly, so inputs that lose the sniffing keys still reach it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_workable, data, size,
	          "https://apply.workable.com/api/v1/widget/accounts/acme?details=true");
	return 0;
}
