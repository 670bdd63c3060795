/* The JSON Feed reader called directly. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_jsonfeed, data, size, "https://jobs.example.org/feed.json");
	return 0;
}
