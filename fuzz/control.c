/* The control server's body parsers (control_parse_announce and
 * control_parse_goto, what POST /api/announce and /api/goto read): any
 * bytes give either a clean one-line error or a result that holds to
 * control.h — text valid UTF-8, folded, 1..CONTROL_ANNOUNCE_MAX bytes,
 * no control or direction characters; minutes in range; an id of 1..127
 * bytes without control bytes. The first byte picks the parser
 * (control_announce_text on the raw bytes too). */
#include "fuzz.h"

#include "control.h"

#include <string.h>

static void check_announce(const control_announce *a, int64_t now)
{
	size_t n = strlen(a->text);
	if (!n || n > CONTROL_ANNOUNCE_MAX || !jk_utf8_valid(a->text, n))
		fz_fail("announce text length or UTF-8", a->text);
	if (a->text[0] == ' ' || a->text[n - 1] == ' ' || strstr(a->text, "  "))
		fz_fail("announce text not folded", a->text);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += jk_utf8_decode(a->text + i, n - i, &cp);
		if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x202E ||
		    cp == 0x2066 || cp == 0x200E || cp == 0xFEFF ||
		    (jk_cp_is_space(cp) && cp != ' '))
			fz_fail("announce text holds a forbidden character", a->text);
	}
	if (a->level != CONTROL_INFO && a->level != CONTROL_URGENT)
		fz_fail("announce level", a->text);
	if (a->until < now + 60 || a->until > now + CONTROL_ANNOUNCE_MINUTES_MAX * 60 ||
	    (a->until - now) % 60)
		fz_fail("announce until", a->text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size || size > CONTROL_BODY_MAX + 1)
		return 0;
	const char *body = (const char *)data + 1;
	size_t len = size - 1;
	jk_err err = {0};
	if (data[0] & 1) {
		char id[CONTROL_ID_MAX];
		int r = control_parse_goto(body, len, id, &err);
		if (r) {
			fz_check_err(&err, r);
			return 0;
		}
		size_t n = strlen(id);
		if (!n || n >= CONTROL_ID_MAX || !jk_utf8_valid(id, n))
			fz_fail("goto id", id);
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)id[i] < 0x20)
				fz_fail("goto id holds a control byte", id);
		return 0;
	}
	const int64_t now = 1796232605;
	control_announce a;
	if (data[0] & 2) {
		int r = control_announce_text(body, len, &a, &err);
		if (r) {
			fz_check_err(&err, r);
			return 0;
		}
		a.until = now + 60; /* only the text is checked here */
		check_announce(&a, now);
		return 0;
	}
	int r = control_parse_announce(body, len, now, &a, &err);
	if (r)
		fz_check_err(&err, r);
	else
		check_announce(&a, now);
	return 0;
}
