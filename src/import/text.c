/* text.c — layer 3: the plain-text reader. A text document may hold several
 * postings separated by a line of '=' (three or more) that follows a blank
 * line; directly under a line the same rule is an underline, i.e. a heading
 * (tblocks.c). */
#include "readers.h"

static int read_one(const char *s, size_t n, const import_opts *o, posting_list *out)
{
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	int r = import_text_sections(p, s, n, TEXT_TITLE | TEXT_KEYS, &links, html_base(o));
	if (r || (!p->title && !p->nsections)) {
		import_links_free(&links);
		posting_free(p);
		return r;
	}
	return import_push(0, p, &links, html_base(o), out);
}

int import_text(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	size_t first = out->n, start = 0, pos = 0, end = 0, skipped = 0;
	int r = 0;
	while (!r && import_text_separator(data, len, &pos, &end)) {
		if (import_full(opts, out, first, &skipped))
			break;
		r = read_one(data + start, end - start, opts, out);
		start = pos;
	}
	if (!r && out->n - first < IMPORT_MAX_POSTINGS)
		r = read_one(data + start, len - start, opts, out);
	if (r) {
		import_drop_from(out, first);
		return jk_fail(err, r, "out of memory");
	}
	if (out->n == first)
		return jk_fail(err, JK_EEMPTY, "no text to show");
	return JK_OK;
}
