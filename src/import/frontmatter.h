/* frontmatter.h — the YAML (---) and TOML (+++) front matter of Markdown
 * posts, as Jekyll and Hugo write them, mapped onto a posting. */
#ifndef IMPORT_FRONTMATTER_H
#define IMPORT_FRONTMATTER_H

#include "internal.h"

/* Largest front matter read; real ones are a few hundred bytes. */
#define IMPORT_FM_MAX ((size_t)1 << 20)

typedef struct import_fm {
	size_t body;  /* offset of the body in data (0 when no front matter) */
	bool draft;   /* draft: true / yes: the posting is not shown */
	bool present; /* a front matter block was there */
} import_fm;

/* Reads the front matter at the start of data (after an optional BOM and
 * blank lines), if any, into p with posting_set_default: title, posted,
 * organization, location, employment, pay, apply (resolved against base,
 * which may be NULL; only http, https and mailto kept), expires, tags,
 * native_id. Keys are case-insensitive; unknown keys, layout keys and values
 * of the wrong type are ignored. data and base are borrowed; p is the
 * caller's. Returns 0 (fm filled), or a negative status with a one-line
 * reason in err: a block that never closes, a YAML syntax error (naming the
 * line), a block over IMPORT_FM_MAX or nested too deeply. On error p may
 * hold some fields; the caller frees it. */
int import_frontmatter(const char *data, size_t len, const char *base, posting *p, import_fm *fm,
                       jk_err *err);

#endif
