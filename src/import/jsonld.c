/* jsonld.c — layer 3: the reader of bare schema.org JobPosting JSON-LD
 * documents; the mapping itself is jobposting.c's, shared with the HTML page
 * reader. */
#include "readers.h"

int import_jsonld(const char *data, size_t len, const import_opts *opts, posting_list *out,
                  jk_err *err)
{
	size_t found = 0;
	int r = jsonld_read(data, len, html_base(opts), opts, out, &found, err);
	if (!r && !found)
		r = jk_fail(err, JK_EFORMAT,
		            "JSON without a schema.org JobPosting (nor Greenhouse, Lever, "
		            "JSON Feed)");
	return r;
}
