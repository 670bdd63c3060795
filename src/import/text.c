/* text.c — layer 3: the plain-text reader. A text document may hold several
 * postings separated by a line of '=' (three or more) that follows a blank
 * line; directly under a line the same rule is an underline, i.e. a heading
 * (tblocks.c). A first line that is a label ("Quick facts:") or a sentence
 * of prose is no title. */
#include "readers.h"

#include <stdlib.h>

/* A text without a title line: the role its first hiring sentence names
 * ("we're looking for a Node.js engineer"), else none (the file name
 * stands in later) rather than a guess. */
static int role_title(posting *p)
{
	for (size_t si = 0; si < p->nsections; si++) {
		const posting_section *sec = &p->sections[si];
		for (size_t bi = 0; bi < sec->nblocks; bi++) {
			const posting_block *b = &sec->blocks[bi];
			char *role = b->text ? import_role_phrase(b->text, b->len) : NULL;
			if (role) {
				int r = posting_set(&p->title, role, (size_t)-1);
				free(role);
				return r;
			}
		}
	}
	return JK_OK;
}

static int read_one(const char *s, size_t n, const import_opts *o, posting_list *out)
{
	posting *p = posting_new();
	if (!p)
		return JK_ENOMEM;
	import_links links = {0};
	int r = import_text_sections(p, s, n, TEXT_TITLE | TEXT_KEYS, &links, html_base(o));
	if (!r && !p->title)
		r = role_title(p);
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
