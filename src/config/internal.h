/* internal.h — what the files of src/config share and no other module
 * uses. */
#ifndef JK_CONFIG_INTERNAL_H
#define JK_CONFIG_INTERNAL_H

#include "config.h"

#define CONFIG_MAX_FILE (1u << 20)
#define CONFIG_MAX_LINE 4096
#define CONFIG_MAX_VALUE 4096
#define CONFIG_MAX_SOURCES 256
#define CONFIG_MAX_WORDS 64 /* per filter and for fallback_fonts */
#define CONFIG_SHOW_MAX 60  /* bytes of a bad value quoted in a message */

static inline bool config_is_ws(char c)
{
	return c == ' ' || c == '\t';
}

/* A value as quoted in a message: at most CONFIG_SHOW_MAX bytes, cut on a
 * UTF-8 boundary, control, invisible and direction characters and invalid
 * bytes shown as '?', a source's token as "***". */
void config_quote(const char *s, char out[CONFIG_SHOW_MAX + 8]);

/* Like config_key_find; norm (cap bytes) receives the normalised key. */
int config_key_index(const char *key, char *norm, size_t cap);

/* The known key nearest to norm, or NULL when none is close. */
const char *config_key_suggest(const char *norm);

#endif
