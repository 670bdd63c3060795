/* theme.c — the colour schemes and the one colour helper. */
#include "layout.h"

layout_theme layout_theme_default(void)
{
	layout_theme t = {
	    .bg = 0x101826,
	    .fg = 0xF3F5F8,
	    .muted = 0xA7B1C2,
	    .accent = 0xF5B342,
	    .card = 0xFFFFFF,
	    .card_fg = 0x101826,
	    .card_muted = 0x4A5568,
	};
	return t;
}

layout_theme layout_theme_light(void)
{
	layout_theme t = {
	    .bg = 0xF7F5F0,
	    .fg = 0x17202E,
	    .muted = 0x5A6577,
	    .accent = 0xB5520B,
	    .card = 0xFFFFFF,
	    .card_fg = 0x101826,
	    .card_muted = 0x4A5568,
	};
	return t;
}

uint32_t layout_mix(uint32_t a, uint32_t b, int pct)
{
	uint32_t o = 0;
	for (int s = 0; s < 24; s += 8) {
		int ca = (int)((a >> s) & 255), cb = (int)((b >> s) & 255);
		o |= (uint32_t)((ca * (100 - pct) + cb * pct) / 100) << s;
	}
	return o;
}
