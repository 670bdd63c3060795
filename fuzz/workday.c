/* The Workday cxs reader (a page of the list, or one job's detail) called
 * directly, as fetched from a tenant's list endpoint so detail and page
 * URLs are built; odd-sized inputs from a host that is not Workday's. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_workday, data, size,
	          size % 2 ? "http://127.0.0.1:8080/wday/cxs/acme/Site/jobs?x=1"
	                   : "https://acme.wd5.myworkdayjobs.com/wday/cxs/acme/External/jobs");
	return 0;
}
