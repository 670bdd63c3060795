/* The config parser (config_parse_buffer, inih underneath) and its printer:
 * a file that parses must print as a file that parses again to the same
 * settings (config.h promises config_print reads back). */
#include "fuzz.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* config_print into a string; caller frees. */
static char *print(const config *c, size_t *n)
{
	char *s = NULL;
	FILE *f = open_memstream(&s, n);
	if (!f)
		return NULL;
	config_print(c, f);
	fclose(f);
	return s;
}

/* A secret prints as "# KEY = (set, not shown)" when set and "# KEY ="
 * when not (config.h: read back "secrets aside"): both become the latter,
 * in place. */
static void strip_secrets(char *s)
{
	for (char *l = s; l && *l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		if (strncmp(l, "# ", 2))
			continue;
		for (size_t k = 0; k < CONFIG_NKEYS; k++) {
			const config_key_info *key = &config_key_table[k];
			size_t n = strlen(key->name);
			if (!key->secret || strncmp(l + 2, key->name, n) ||
			    strncmp(l + 2 + n, " =", 2))
				continue;
			char *end = strchr(l, '\n');
			char *cut = l + 2 + n + 2;
			if (end)
				memmove(cut, end, strlen(end) + 1);
			else
				*cut = '\0';
			break;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	config a, b;
	config_init(&a);
	config_init(&b);
	jk_err err = {0};
	int r = config_parse_buffer(&a, "fuzz.conf", (const char *)data, size, &err);
	if (r) {
		fz_check_err(&err, r);
	} else {
		size_t n1 = 0, n2 = 0;
		char *p1 = print(&a, &n1);
		r = p1 ? config_parse_buffer(&b, "printed.conf", p1, n1, &err) : 0;
		if (r)
			fz_fail("printed config does not read back", err.msg);
		char *p2 = p1 ? print(&b, &n2) : NULL;
		if (p1)
			strip_secrets(p1);
		if (p2)
			strip_secrets(p2);
		/* The first line names the file read; compare from the next. */
		const char *k1 = p1 ? strchr(p1, '\n') : NULL, *k2 = p2 ? strchr(p2, '\n') : NULL;
		if (p1 && p2 && (!k1 || !k2 || strcmp(k1, k2)))
			fz_fail("printed config reads back different", p1);
		free(p1);
		free(p2);
	}
	config_free(&a);
	config_free(&b);
	return 0;
}
