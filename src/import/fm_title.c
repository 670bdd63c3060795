/* fm_title.c — layer 1a: which title a posting shows when it has both a
 * title of its own (front matter) and headings in its body. Pages name
 * themselves ("Careers", "An Lab - Join", "採用情報") where a reader wants
 * the role, and a short title often stands for a heading that says more.
 * The words (page names, roles, phrases that hire) are titles.c's. */
#include "blocks.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Headings that name a part of a posting, never its title. */
static const import_word section_words[] = {{"about", IMPORT_WORD_PREFIX},
                                            {"requirements", IMPORT_WORD_PREFIX},
                                            {"qualifications", IMPORT_WORD_PREFIX},
                                            {"responsibilities", IMPORT_WORD_PREFIX},
                                            {"benefits", IMPORT_WORD_PREFIX},
                                            {"tasks", IMPORT_WORD_PREFIX},
                                            {"skills", IMPORT_WORD_PREFIX},
                                            {"duties", IMPORT_WORD_PREFIX},
                                            {"how to", IMPORT_WORD_PREFIX},
                                            {"what you", IMPORT_WORD_PREFIX},
                                            {"what we", IMPORT_WORD_PREFIX},
                                            {"who you", IMPORT_WORD_PREFIX},
                                            {"your", IMPORT_WORD_WHOLE},
                                            {"our", IMPORT_WORD_WHOLE},
                                            {"über", IMPORT_WORD_PREFIX},
                                            {"aufgaben", IMPORT_WORD_PREFIX},
                                            {"anforderungen", IMPORT_WORD_PREFIX},
                                            {"profil", IMPORT_WORD_PREFIX},
                                            {"wir bieten", IMPORT_WORD_PREFIX},
                                            {"ihre", IMPORT_WORD_WHOLE},
                                            {"unser", IMPORT_WORD_PREFIX},
                                            {"à propos", IMPORT_WORD_PREFIX},
                                            {"missions", IMPORT_WORD_PREFIX}};

static bool word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* A heading short and plain enough to be a title, not a section's name. */
static bool title_like(const char *h)
{
	size_t n = strlen(h);
	if (!n || n > 120 || h[n - 1] == '.' || (n >= 3 && !strcmp(h + n - 3, "。")))
		return false;
	return !import_words_start(h, n, section_words, JK_ARRAY_LEN(section_words));
}

static bool word_edge(const char *s)
{
	return !*s || !word_byte((unsigned char)*s);
}

/* Whether heading h says what title t says, and more: it starts with t,
 * or ends with it once a "(…)", ", …" or " - …" tail is cut. */
static bool extends(const char *h, const char *t)
{
	size_t hn = strlen(h), tn = strlen(t);
	if (tn >= hn)
		return false;
	if (!strncasecmp(h, t, tn) && word_edge(h + tn))
		return true;
	size_t cut = strcspn(h, "(,");
	const char *dash = strstr(h, " - ");
	if (dash && (size_t)(dash - h) < cut)
		cut = (size_t)(dash - h);
	while (cut && h[cut - 1] == ' ')
		cut--;
	return cut > tn && !strncasecmp(h + cut - tn, t, tn) &&
	       !word_byte((unsigned char)h[cut - tn - 1]);
}

/* Makes the heading of section i the title, dropping it from the section
 * when it is the first heading. */
static int take_heading(posting *p, size_t i, const char *text, bool first)
{
	int r = posting_set(&p->title, text, (size_t)-1);
	if (!r && first) {
		free(p->sections[i].heading);
		p->sections[i].heading = NULL;
	}
	return r;
}

int import_title_settle(posting *p)
{
	size_t first = 0;
	while (first < p->nsections && !p->sections[first].heading)
		first++;
	if (first == p->nsections)
		return JK_OK;
	const char *h = import_role_heading(p->sections[first].heading);
	int r = JK_OK;
	if (p->title && title_like(h) && extends(h, p->title))
		r = take_heading(p, first, h, true);
	if (r || (p->title && !import_generic_title(p->title, strlen(p->title))))
		return r;
	/* No title, or a page's name: the first heading that names a role
	 * (with no title at all only the first heading is asked). */
	for (size_t i = first; i < p->nsections && (p->title || i == first); i++) {
		const char *g = p->sections[i].heading;
		const char *role = g ? import_role_heading(g) : NULL;
		if (role && title_like(role) && import_names_role(role, strlen(role)) &&
		    !import_generic_title(role, strlen(role)))
			return take_heading(p, i, role, i == first);
	}
	return JK_OK;
}
