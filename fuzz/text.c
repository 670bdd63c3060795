/* Plain text through import_bytes() as a .txt file: title line, Key: value
 * lines, headings, bullets, links and e-mail addresses. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_import(data, size, "https://jobs.example.org/careers/post.txt", NULL);
	return 0;
}
