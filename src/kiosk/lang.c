/* lang.c — the one choice of language for the screens that belong to no
 * posting (the waiting screen, the overview): the setting when it is
 * fixed, else the language most postings of the deck are in, else the
 * environment's locale, else English. No SDL. */
#include "kiosk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The language of the environment's locale (LC_ALL, LC_MESSAGES, LANG: the
 * first set; "de_DE.UTF-8" is "de"), NULL for none, C or POSIX. Copied into
 * out (POSTING_LANG_MAX bytes). */
static const char *locale_lang(char *out)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (size_t i = 0; i < JK_ARRAY_LEN(vars); i++) {
		const char *v = getenv(vars[i]);
		if (!v || !*v)
			continue;
		size_t n = strcspn(v, ".@");
		return posting_lang_norm(v, n, out) > 0 ? out : NULL;
	}
	return NULL;
}

const char *kiosk_screen_lang(const layout_params *lp, const posting *const *items, size_t n,
                              char out[POSTING_LANG_MAX])
{
	if (lp && lp->language)
		return lp->language;
	/* The most common of the postings' languages, the first seen of equals;
	 * a deck has few languages, so a short list of counts is enough. */
	enum { MAX_LANGS = 32 };
	const char *seen[MAX_LANGS];
	size_t count[MAX_LANGS], nseen = 0, best = 0;
	for (size_t i = 0; items && i < n; i++) {
		const char *l = layout_lang_of(items[i]);
		if (!l)
			continue;
		size_t k = 0;
		while (k < nseen && strcmp(seen[k], l))
			k++;
		if (k == nseen && nseen == MAX_LANGS)
			continue;
		if (k == nseen) {
			seen[nseen] = l;
			count[nseen++] = 0;
		}
		if (++count[k] > count[best])
			best = k;
	}
	if (nseen) {
		snprintf(out, POSTING_LANG_MAX, "%s", seen[best]);
		return out;
	}
	const char *loc = locale_lang(out);
	return loc ? loc : "en";
}
