/* The scraped-grid restorer (import_grid) called directly: tab-separated HTML
 * cells, dashed row rules. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_grid, data, size, "https://jobs.example.org/scraped.html");
	return 0;
}
