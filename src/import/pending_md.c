/* Temporary: replaced by markdown.c, frontmatter.c, apply.c (helper B). */
#include "internal.h"
int import_markdown(const char *d, size_t n, const import_opts *o, posting_list *out, jk_err *e) { return jk_fail(e, JK_EUNSUPPORTED, "Markdown reader missing"); }
int import_apply_choose(posting *p, const import_links *l, const char *b) { return 0; }
char *import_url_accept(const char *h, const char *b) { return NULL; }
