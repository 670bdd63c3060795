/* Temporary: replaced by markdown.c, frontmatter.c, apply.c (helper B). */
#include "internal.h"
int import_markdown(const char *d, size_t n, const import_opts *o, posting_list *out, jk_err *e) { return jk_fail(e, JK_EUNSUPPORTED, "Markdown reader missing"); }
