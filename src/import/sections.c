/* sections.c — layer 0c: the sections' roles (roles.c reads the
 * headings), and the short paragraphs that label the list after them
 * ("Ihre Aufgaben:", an HTML <dt>) made headings, so a posting that writes
 * its parts that way has sections too. */
#include "support.h"

#include <stdlib.h>
#include <string.h>

/* A paragraph that labels the list after it is short. */
#define LABEL_MAX 80

/* The bytes of b's text before a closing ':' when b is a short paragraph
 * that labels the list right after it; 0 when it is no label. */
static size_t label_len(const posting_section *s, size_t j)
{
	const posting_block *b = &s->blocks[j];
	if (b->kind != POSTING_PARAGRAPH || !b->len || b->len > LABEL_MAX || j + 1 >= s->nblocks ||
	    s->blocks[j + 1].kind == POSTING_PARAGRAPH)
		return 0;
	if (b->text[b->len - 1] == ':')
		return b->len - 1;
	if (b->len >= 3 && !memcmp(b->text + b->len - 3, "\xEF\xBC\x9A", 3)) /* ： */
		return b->len - 3;
	return 0;
}

/* Moves the blocks of section si after block j into a new section headed
 * by block j's first n bytes, right after si; block j goes. */
static int split_at(posting *p, size_t si, size_t j, size_t n)
{
	char *h = strndup(p->sections[si].blocks[j].text, n);
	if (!h)
		return JK_ENOMEM;
	posting_section *ns = posting_add_section(p, h);
	free(h);
	if (!ns)
		return JK_ENOMEM;
	posting_section *s = &p->sections[si];
	size_t rest = s->nblocks - j - 1;
	ns->blocks = malloc(rest * sizeof *ns->blocks);
	if (!ns->blocks) {
		posting_remove_section(p, p->nsections - 1);
		return JK_ENOMEM;
	}
	memcpy(ns->blocks, s->blocks + j + 1, rest * sizeof *ns->blocks);
	ns->nblocks = ns->cap = rest;
	s->nblocks = j + 1;
	posting_remove_block(s, j);
	/* The new section goes right after si. */
	posting_section tmp = *ns;
	memmove(&p->sections[si + 2], &p->sections[si + 1],
	        (p->nsections - si - 2) * sizeof *p->sections);
	p->sections[si + 1] = tmp;
	if (!p->sections[si].nblocks)
		posting_remove_section(p, si);
	return JK_OK;
}

/* Splits section si at its labels ("Ihre Aufgaben:" over a list) once one
 * of them names a role; the labels after that one split it too, so
 * "Was bieten wir:" ends the requirements. */
static int split_labels(posting *p, size_t si)
{
	bool any = false;
	for (size_t j = 0; j < p->sections[si].nblocks; j++) {
		const posting_section *s = &p->sections[si];
		size_t n = label_len(s, j);
		if (!n || (!any && !import_heading_role(s->blocks[j].text, n)))
			continue;
		if (j == 0 && s->heading) {
			/* Right under a heading: the heading stays (its words are the
			 * document's); the labels after this one split. */
			any = true;
			continue;
		}
		if (!any && j == 0) {
			/* A lead-in that starts with the label: it becomes the heading. */
			char *h = strndup(s->blocks[0].text, n);
			int r =
			    h ? posting_set(&p->sections[si].heading, h, (size_t)-1) : JK_ENOMEM;
			free(h);
			if (r)
				return r;
			posting_remove_block(&p->sections[si], 0);
			any = true;
			j = (size_t)-1;
			continue;
		}
		any = true;
		size_t before = p->nsections;
		int r = split_at(p, si, j, n);
		if (r)
			return r;
		si += p->nsections == before ? 0 : 1; /* the new section, now si */
		j = (size_t)-1;
	}
	return JK_OK;
}

int import_mark_roles(posting *p)
{
	for (size_t si = 0; si < p->nsections; si++) {
		int r = split_labels(p, si);
		if (r)
			return r;
	}
	for (size_t si = 0; si < p->nsections; si++) {
		posting_section *s = &p->sections[si];
		s->role = s->heading ? import_heading_role(s->heading, strlen(s->heading))
		                     : POSTING_ROLE_NONE;
	}
	return JK_OK;
}
