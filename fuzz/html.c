/* HTML pages and fragments through import_bytes() as a .html file: the
 * page reader, JSON-LD scripts, the job-site chrome stripper, and the grid
 * restorer when a tab-and-dashes rule turns up. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_import(data, size, "https://jobs.example.org/careers/post.html", NULL);
	return 0;
}
