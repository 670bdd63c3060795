/* The Recruitee offers reader ({"offers":[...]}, {"offer":{...}} or one
 * offer) called directly, so inputs that lose the sniffing keys still
 * reach it. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_recruitee, data, size, "https://acme.recruitee.com/api/offers/");
	return 0;
}
