/* The SmartRecruiters reader (a page of the list, or one posting's detail)
 * called directly, as fetched from the list endpoint so detail URLs are
 * built; odd-sized inputs as read from a file, where "ref" is used. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_smartrecruiters, data, size,
	          size % 2 ? "smartrecruiters.json"
	                   : "https://api.smartrecruiters.com/v1/companies/acme/postings?offset=0");
	return 0;
}
