/* date.c — a day and month written the way the language writes them
 * ("12 Jan", "12. Jan.", "1月12日"), for the deadline badge. ICU picks the
 * pattern (the skeleton "dMMM" in the locale) and the digits; the date is
 * formatted in UTC so no time zone moves it. Pure: no SDL, no I/O. */
#include "posting.h"
#include "text.h"

#include <stdio.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ustring.h>

/* The ICU locale of the table's language: bare English as the world's
 * English ("12 Jan", day first) rather than the US form. */
static const char *icu_locale(const char *lang)
{
	const char *tag = text_lang_known(lang);
	return !tag || !strcmp(tag, "en") ? "en-001" : tag;
}

/* ICU's short form of the day (days since 1970) in loc into out (UTF-8);
 * 0 when ICU refuses or it does not fit. */
static size_t icu_short(const char *loc, long days, char *out, size_t cap)
{
	UErrorCode e = U_ZERO_ERROR;
	UChar skel[] = {'d', 'M', 'M', 'M', 0}, utc[] = {'U', 'T', 'C', 0};
	UChar pat[64], txt[64];
	size_t n = 0;
	UDateTimePatternGenerator *g = udatpg_open(loc, &e);
	int32_t np = U_SUCCESS(e) ? udatpg_getBestPattern(g, skel, -1, pat, 64, &e) : 0;
	UDateFormat *f = U_SUCCESS(e) && np < 64
	                     ? udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, utc, -1, pat, np, &e)
	                     : NULL;
	/* Noon: the day, whatever rounding a calendar does at midnight. */
	UDate at = ((UDate)days * 86400.0 + 43200.0) * 1000.0;
	int32_t nt = f && U_SUCCESS(e) ? udat_format(f, at, txt, 64, NULL, &e) : 0;
	int32_t k = 0;
	if (U_SUCCESS(e) && nt > 0 && nt < 64)
		u_strToUTF8(out, (int32_t)cap, &k, txt, nt, &e);
	if (U_SUCCESS(e) && e != U_STRING_NOT_TERMINATED_WARNING && k > 0 && (size_t)k < cap)
		n = (size_t)k;
	if (f)
		udat_close(f);
	if (g)
		udatpg_close(g);
	return n;
}

size_t text_date_short(const char *lang, int y, int m, int d, char *out, size_t cap)
{
	if (!out || !cap)
		return 0;
	out[0] = '\0';
	char iso[16];
	long days;
	/* Gregorian years only: before 1583 ICU's calendar is Julian. */
	if (y < 1583 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	if (!posting_date_parse(iso, &days, NULL))
		return 0; /* 30 February */
	char buf[192];
	size_t n = icu_short(icu_locale(lang), days, buf, sizeof buf);
	const char *s = n ? buf : iso;
	n = n ? n : strlen(iso);
	if (n >= cap)
		return 0; /* a date cut short would say another day */
	memcpy(out, s, n + 1);
	return n;
}
