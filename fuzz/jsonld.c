/* schema.org JobPosting JSON-LD. The input is the JSON: it is read as a bare
 * JSON-LD document (import_jsonld directly) and inside a page's
 * <script type="application/ld+json"> through import_bytes() as .html, where
 * the JSON-LD posting wins over the page's own text. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static const char head[] = "<!doctype html><html><head><title>Job | Site</title>"
                           "<script type=\"application/ld+json\">";
static const char tail[] = "</script></head><body><h1>Page title</h1>"
                           "<p>Body text. <a href=\"/apply\">Apply now</a></p></body></html>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_reader(import_jsonld, data, size, "https://jobs.example.org/job.json");
	size_t n = sizeof head - 1 + size + sizeof tail - 1;
	uint8_t *page = malloc(n);
	if (!page)
		return 0;
	memcpy(page, head, sizeof head - 1);
	if (size)
		memcpy(page + sizeof head - 1, data, size);
	memcpy(page + sizeof head - 1 + size, tail, sizeof tail - 1);
	fz_import(page, n, "https://jobs.example.org/careers/job.html", NULL);
	free(page);
	return 0;
}
