/* app.h — the command line, wiring the modules, main(). What app offers
 * besides main() is here for tests. Prefix app_. */
#ifndef APP_H
#define APP_H

#include "posting.h"
#include "render.h"

#include <stdio.h>

/* The --render action: every page of every posting of l, then the overview,
 * as PNG files in dir (created when missing) for a physical w x h screen
 * turned by rotate, in look (NULL: the default look; with look->clock the
 * pages show the time they were written). One progress line per posting and
 * every path written go to progress (may be NULL). When paths is not NULL it
 * receives the paths (caller frees each and the array) and *npaths their
 * number. */
int app_render_dir(const posting_list *l, const char *dir, int w, int h, int rotate,
                   const render_look *look, FILE *progress, char ***paths, size_t *npaths,
                   jk_err *err);

#endif
