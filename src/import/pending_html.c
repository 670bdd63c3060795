/* Temporary: replaced by grid.c (helper A). */
#include "internal.h"
int import_grid(const char *d, size_t n, const import_opts *o, posting_list *out, jk_err *e) { return jk_fail(e, JK_EUNSUPPORTED, "grid reader missing"); }
