/* lang.c — layer 0a: the language a document states (front matter lang,
 * <html lang>, JSON-LD inLanguage, a feed's language, a board's field),
 * normalised once for every reader, and the one warning for a value that
 * is no language tag. */
#include "support.h"

#include <string.h>

bool import_lang(const char *s, const char *what, const import_opts *o, char out[POSTING_LANG_MAX])
{
	out[0] = '\0';
	if (!s || !s[strspn(s, " \t\r\n")])
		return false; /* lang="": the language is not known */
	int r = posting_lang_norm(s, (size_t)-1, out);
	if (r >= 0)
		return r > 0;
	/* Quoted short and on one line: the value may be anything. */
	char shown[44];
	size_t n = 0;
	for (const char *c = s; *c && n < 40; c++)
		shown[n++] = (unsigned char)*c < 0x20 || *c == 0x7F ? '?' : *c;
	while (n && s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--; /* never half a character */
	memcpy(shown + n, s[n] ? "…" : "", s[n] ? 4 : 1);
	import_warnf(o, "%s '%s' is not a language tag; ignored", what, shown);
	return false;
}

int import_set_lang(posting *p, const char *s, const char *what, const import_opts *o)
{
	char tag[POSTING_LANG_MAX];
	if (p->language || !import_lang(s, what, o, tag))
		return JK_OK;
	return posting_set(&p->language, tag, (size_t)-1);
}
