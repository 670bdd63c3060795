/* Temporary: replaced by html.c, grid.c, chrome.c (helper A). */
#include "internal.h"
int import_html(const char *d, size_t n, const import_opts *o, posting_list *out, jk_err *e) { return jk_fail(e, JK_EUNSUPPORTED, "HTML reader missing"); }
int import_grid(const char *d, size_t n, const import_opts *o, posting_list *out, jk_err *e) { return jk_fail(e, JK_EUNSUPPORTED, "grid reader missing"); }
int import_html_sections(const char *h, size_t n, posting *p, import_links *l, jk_err *e) { return jk_fail(e, JK_EUNSUPPORTED, "HTML reader missing"); }
bool import_is_chrome(const char *t) { return false; }
