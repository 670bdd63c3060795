/* The Lever postings reader called directly. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_lever, data, size, "https://api.lever.co/v0/postings/acme");
	return 0;
}
