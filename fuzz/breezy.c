/* The Breezy positions reader called directly, as fetched from a board's
 * /json so relative position pages resolve. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_breezy, data, size, "https://acme.breezy.hr/json");
	return 0;
}
