/* Temporary: replaced by json.c, feed.c, text.c (helper C). */
#include "internal.h"
int import_jsonld(const char *d, size_t n, const import_opts *o, posting_list *out, jk_err *e) { return jk_fail(e, JK_EUNSUPPORTED, "JSON reader missing"); }
