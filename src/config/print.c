/* print.c — the effective settings written as a config file that reads
 * back to the same settings (but for a source's token, shown as "***"):
 * every key in table order, by its type. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* "key = ;x" would read back as a comment: no blank before a leading ';'.
 * Inside a value a blank before ';' starts a comment too (a header cleaned
 * from "a\u2009;b" holds one): it is written as a no-break space, which the
 * header's cleaning turns back into a space. */
static void print_kv(FILE *f, const char *key, const char *v)
{
	fprintf(f, "%s =%s", key, *v == ';' ? "" : " ");
	for (const char *c = v; *c; c++) {
		if (config_is_ws(*c) && c[1] == ';')
			fputs("\xc2\xa0", f); /* U+00A0 */
		else
			fputc(*c, f);
	}
	fputc('\n', f);
}

static void print_str(FILE *f, const char *key, const char *v)
{
	if (v && *v)
		print_kv(f, key, v);
	else
		fprintf(f, "# %s =\n", key);
}

/* A token in a value's settings (a source's) shows as "***". */
static void print_list(FILE *f, const char *key, char *const *v, size_t n)
{
	if (!n)
		fprintf(f, "# %s =\n", key);
	for (size_t i = 0; i < n; i++) {
		char shown[4200];
		print_kv(f, key, jk_mask_secrets(v[i], shown, sizeof shown));
	}
}

/* An integer member of key->size bytes (bool, int or long). */
static long load_int(const config_key_info *key, const void *slot)
{
	if (key->size == sizeof(bool))
		return *(const bool *)slot;
	if (key->size == sizeof(int))
		return *(const int *)slot;
	return *(const long *)slot;
}

/* The i-th of arg's '|' separated names. */
static void print_choice(FILE *f, const config_key_info *key, long i)
{
	const char *p = key->arg;
	for (; i > 0 && strchr(p, '|'); i--)
		p = strchr(p, '|') + 1;
	fprintf(f, "%s = %.*s\n", key->name, (int)strcspn(p, "|"), p);
}

/* The shortest text that reads back as the same number. */
static void print_double(FILE *f, const char *key, double d)
{
	char num[40];
	snprintf(num, sizeof num, "%.15g", d);
	if (strtod(num, NULL) != d)
		snprintf(num, sizeof num, "%.17g", d);
	fprintf(f, "%s = %s\n", key, num);
}

static void print_wxh(FILE *f, const char *key, int w, int h)
{
	if (w > 0 && h > 0)
		fprintf(f, "%s = %dx%d\n", key, w, h);
	else if (w < 0)
		fprintf(f, "%s = native\n", key);
	else
		fprintf(f, "%s = auto\n", key);
}

/* The colours no key sets tell which theme the others started from. */
static void print_theme(FILE *f, const config_key_info *key, const layout_theme *t)
{
	layout_theme light = layout_theme_light();
	bool is_light = t->muted == light.muted && t->card == light.card &&
	                t->card_fg == light.card_fg && t->card_muted == light.card_muted;
	print_choice(f, key, is_light);
}

static void print_schedule(FILE *f, const char *key, const schedule *s)
{
	if (!s->n)
		fprintf(f, "# %s =\n", key);
	for (size_t i = 0; i < s->n; i++) {
		char rule[96];
		schedule_rule_format(&s->rules[i], rule, sizeof rule);
		fprintf(f, "%s = %s\n", key, rule);
	}
}

static void print_key(const config *c, size_t k, FILE *f)
{
	const config_key_info *key = &config_key_table[k];
	const void *slot = (const char *)c + key->off;
	long scale = key->scale ? key->scale : 1;
	if (key->secret) {
		const char *v = *(char *const *)slot;
		fprintf(f, "# %s =%s\n", key->name, v && *v ? " (set, not shown)" : "");
		return;
	}
	switch (key->type) {
	case CONFIG_SOURCE:
		print_list(f, key->name, c->sources, c->nsources);
		break;
	case CONFIG_BOOL:
		fprintf(f, "%s = %s\n", key->name, *(const bool *)slot ? "yes" : "no");
		break;
	case CONFIG_INT:
		fprintf(f, "%s = %ld\n", key->name, load_int(key, slot) / scale);
		break;
	case CONFIG_DOUBLE:
		print_double(f, key->name, *(const double *)slot);
		break;
	case CONFIG_CHOICE:
		print_choice(f, key, load_int(key, slot));
		break;
	case CONFIG_ORDER:
		fprintf(f, "%s = %s\n", key->name, deck_order_name(*(const deck_order *)slot));
		break;
	case CONFIG_WXH:
	case CONFIG_WXH_AUTO:
		print_wxh(f, key->name, *(const int *)slot,
		          *(const int *)(const void *)((const char *)c + key->off2));
		break;
	case CONFIG_THEME:
		print_theme(f, key, slot);
		break;
	case CONFIG_COLOR:
		fprintf(f, "%s = #%06X\n", key->name, (unsigned)*(const uint32_t *)slot);
		break;
	case CONFIG_TEXT:
	case CONFIG_STRING:
	case CONFIG_FILE:
	case CONFIG_FONT:
	case CONFIG_LINK:
	case CONFIG_URL:
	case CONFIG_TAG:
		print_str(f, key->name, *(char *const *)slot);
		break;
	case CONFIG_WORDS:
		print_list(f, key->name, ((const deck_words *)slot)->v,
		           ((const deck_words *)slot)->n);
		break;
	case CONFIG_SCHEDULE:
		print_schedule(f, key->name, slot);
		break;
	case CONFIG_LANG:
		fprintf(f, "%s = %s\n", key->name,
		        *(char *const *)slot ? *(char *const *)slot : "auto");
		break;
	}
}

void config_print(const config *c, FILE *f)
{
	fprintf(f, "# jobkiosk %s settings", JOBKIOSK_VERSION);
	if (c->path) { /* a name from the command line: keep it one comment line */
		fputs(" from ", f);
		for (const char *p = c->path; *p; p++)
			fputc((unsigned char)*p < 0x20 || *p == 0x7F ? '?' : *p, f);
	}
	fputc('\n', f);
	for (size_t k = 0; k < CONFIG_NKEYS; k++)
		print_key(c, k, f);
}
