/* Markdown with YAML/TOML front matter, through import_bytes() as a .md file
 * (raw HTML inside it goes through the HTML reader). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_import(data, size, "https://jobs.example.org/careers/post.md", NULL);
	return 0;
}
