/* The Personio XML positions reader called directly, with the board's
 * address as the source so the apply links are built. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_personio, data, size, "https://acme.jobs.personio.de/xml?language=en");
	return 0;
}
