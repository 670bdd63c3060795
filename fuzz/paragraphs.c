/* Any text through layout: the bytes as a posting's title (first line) and
 * body (the rest, as a paragraph and a bullet), laid out landscape and
 * portrait with a measurer that needs no fonts, then checked (every box in
 * the safe area, no overlaps). Exercises the paragraph analysis (ICU line
 * breaks, bidi levels, scripts), line ends and visual reordering with any
 * bytes, not only what the readers let through. */
#include "fuzz.h"

#include "layout.h"

#include <stdlib.h>
#include <string.h>

/* Every code point as wide as half the size: pure, so layout's contract
 * (the same text always measures the same) holds. */
static int fz_width(void *ud, const char *s, size_t n, int px, unsigned style)
{
	(void)ud;
	(void)style;
	int w = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			w += px / 2;
	return w;
}

static int fz_height(void *ud, int px)
{
	(void)ud;
	return px + px / 4;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 64 * 1024)
		return 0;
	const char *s = (const char *)data;
	const char *nl = memchr(s, '\n', size);
	size_t tn = nl ? (size_t)(nl - s) : size;
	posting *p = posting_new();
	if (!p)
		return 0;
	posting_set(&p->title, s, tn);
	posting_set(&p->apply, "https://jobs.example.org/a", (size_t)-1);
	posting_section *sec = posting_add_section(p, NULL);
	if (sec && nl) {
		posting_block *b = posting_add_block(sec, POSTING_PARAGRAPH, 0);
		if (b)
			posting_block_append(b, nl + 1, size - tn - 1, 0);
		b = posting_add_block(sec, POSTING_BULLET, 0);
		if (b)
			posting_block_append(b, nl + 1, size - tn - 1, POSTING_BOLD);
	}
	layout_theme th = layout_theme_default();
	const int sizes[][2] = {{1920, 1080}, {1080, 1920}};
	for (size_t i = 0; i < 2; i++) {
		layout_params lp = {.w = sizes[i][0],
		                    .h = sizes[i][1],
		                    .theme = &th,
		                    .measure = {.width = fz_width, .height = fz_height},
		                    .header = p->title};
		layout_doc d;
		jk_err err = {0};
		if (layout_posting(p, &lp, &d, &err) == 0 && layout_check(&d, &err) != 0)
			abort();
		layout_doc_free(&d);
	}
	layout_box boxes[16];
	layout_measurer m = {.width = fz_width, .height = fz_height};
	layout_text_line(&m, s, tn, 20, 0, 0, 0, 0, boxes, 16);
	posting_free(p);
	return 0;
}
