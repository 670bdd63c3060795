/* The RSS 2.0 / RDF / Atom reader called directly (items whose text is HTML
 * go on to the HTML body reader). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_feed, data, size, "https://jobs.example.org/feed.xml");
	return 0;
}
