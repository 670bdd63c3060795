/* The reStructuredText reader called directly, so inputs that lose the
 * sniffing marks still reach it: titles, lists, fields, directives,
 * targets and inline markup. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_rst, data, size, "https://jobs.example.org/posts/welder.rst");
	return 0;
}
