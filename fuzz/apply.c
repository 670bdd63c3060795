/* The apply-target logic (src/import/apply.c): URL acceptance and
 * resolution, and the chooser that reads links, sentences and (obfuscated)
 * e-mail addresses. Input lines: href, base, link text, then the posting's
 * body, one block per line. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

/* The next line of s (cut at '\n', which becomes NUL); s moves past it. */
static char *line(char **s)
{
	char *l = *s, *nl = strchr(l, '\n');
	if (nl) {
		*nl = '\0';
		*s = nl + 1;
	} else {
		*s = l + strlen(l);
	}
	return l;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	char *s = buf, *href = line(&s), *base = line(&s), *text = line(&s), *body = s;

	char *u = import_url_accept(href, *base ? base : NULL);
	fz_check_apply(u);
	free(u);
	u = import_url_accept(base, NULL);
	fz_check_apply(u);
	free(u);

	posting *p = posting_new();
	import_links links = {0};
	int r = p ? posting_set(&p->source, base, (size_t)-1) : JK_ENOMEM;
	if (!r)
		r = import_links_add(&links, href, text, body);
	posting_section *sec = r ? NULL : posting_add_section(p, NULL);
	for (int kind = 0; sec && *s;) {
		char *l = line(&s);
		posting_block *b = posting_add_block(sec, (posting_block_kind)kind, 1);
		if (!b || posting_block_append(b, l, strlen(l), 0))
			break;
		kind = (kind + 1) % 2;
	}
	if (!r)
		r = import_apply_choose(p, &links, *base ? base : NULL);
	if (!r) {
		fz_check_apply(p->apply);
		r = posting_finish(p, 0);
	}
	import_links_free(&links);
	posting_free(p);
	free(buf);
	return 0;
}
