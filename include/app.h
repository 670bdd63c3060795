/* app.h — the command line, wiring the modules, main(). What app offers
 * besides main() is here for tests. Prefix app_. */
#ifndef APP_H
#define APP_H

#include "config.h"
#include "posting.h"
#include "render.h"
#include "sources.h"

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

/* The checks that need more than a setting's text, made after the file
 * and the command line are parsed (start-up, --check-config, SIGHUP):
 * every source turns into a sources_ spec, and the logo, the CA file and a
 * font given as a path are readable regular files. A failure reads like
 * config_set()'s, naming where the value came from ("FILE:LINE: key 'logo':
 * expected a readable PNG or JPEG file, not '/x.png' (No such file or
 * directory)"), JK_EARG; values are checked in the order they were set,
 * so the one named is the first a reader of the file meets. out (may be
 * NULL) receives the parsed sources (caller frees with sources_free());
 * untouched on failure. */
int app_settings_check(const config *c, source_list *out, jk_err *err);

#endif
