/* The Greenhouse board reader ({"jobs":[...]} or one job) called directly,
 * so inputs that lose the sniffing keys still reach it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_greenhouse, data, size,
	          "https://boards-api.greenhouse.io/v1/boards/acme/jobs");
	return 0;
}
