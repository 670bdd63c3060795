/* The Ashby job board reader ({"apiVersion":..., "jobs":[...]} or one
 * job) called directly, so inputs that lose the sniffing keys still reach
 * it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_ashby, data, size,
	          "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true");
	return 0;
}
