/* The apply-target logic (src/import/apply.c): URL acceptance and
 * resolution, online forms, the chooser that reads links, sentences and
 * (obfuscated) e-mail addresses, and the prose readers beside it: the
 * address scanner (address.c), deadlines (deadline.c) and titles
 * (titles.c), and the tracking tags put on an accepted link (deck's
 * track.c). Input lines: href, base, link text, then the posting's body,
 * one block per line. */
#include "fuzz.h"

#include "deck.h"

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

/* u tagged (the link text as the tag value when config would take it) is
 * still a good apply link that starts with u's link before its query and
 * ends with u's fragment. */
static void check_tagged(const char *u, const char *text)
{
	deck_track t = {deck_tag_ok(text) ? text : "booth-12", text, text};
	char *tagged = NULL;
	if (!u || deck_track_link(u, text, &t, &tagged, NULL) || !tagged)
		return;
	fz_check_apply(tagged);
	size_t head = strcspn(u, "?#"), frag = strlen(u) - strcspn(u, "#");
	size_t n = strlen(tagged);
	if (strncmp(tagged, u, head) || n < frag || strcmp(tagged + n - frag, u + strlen(u) - frag))
		fz_fail("tagging changed the link's path or fragment", tagged);
	free(tagged);
}

/* Every address the scanner finds lies inside the text, in order, and is
 * a valid address; a deadline is a date; a role phrase is valid text. */
static void scan_prose(const char *body)
{
	size_t n = strlen(body), pos = 0, a, b, last = 0;
	jk_buf addr = {0};
	while (import_address_next(body, n, &pos, &addr, &a, &b, NULL)) {
		if (a < last || b > n || a >= b || pos != b || addr.len > 254 ||
		    !memchr(addr.data, '@', addr.len))
			fz_fail("address span or length wrong", body);
		last = b;
	}
	jk_buf_free(&addr);
	char date[11];
	if (import_deadline(body, n, date) &&
	    (strlen(date) != 10 || date[4] != '-' || date[7] != '-'))
		fz_fail("deadline is no YYYY-MM-DD date", date);
	/* Readers give these functions valid UTF-8; they must keep it so. */
	bool valid = jk_utf8_valid(body, n);
	char *role = import_role_phrase(body, n);
	if (role && valid && !jk_utf8_valid(role, strlen(role)))
		fz_fail("role phrase is not UTF-8", role);
	free(role);
	char *org = import_title_org(body, NULL);
	if (org && valid && !jk_utf8_valid(org, strlen(org)))
		fz_fail("organisation is not UTF-8", org);
	free(org);
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
	check_tagged(u, text);
	free(u);
	u = import_form_url(href, *base ? base : NULL);
	fz_check_apply(u);
	free(u);
	scan_prose(body);
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
		r = posting_set(&p->title, text, (size_t)-1);
	if (!r)
		r = import_title_split(p, *base ? base : NULL);
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
