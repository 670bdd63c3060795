/* fuzz.c — the shared part of the harnesses: run a reader, hold its output
 * to the contracts, free everything. See fuzz.h. */
#include "fuzz.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: contract broken: %s: %.300s\n", what, detail ? detail : "(null)");
	abort();
}

static void check_str(const char *what, const char *s)
{
	if (!s)
		return;
	if (!*s)
		fz_fail(what, "empty string instead of NULL");
	if (!jk_utf8_valid(s, strlen(s)))
		fz_fail(what, "invalid UTF-8");
}

void fz_check_apply(const char *s)
{
	if (!s)
		return;
	check_str("apply", s);
	if (strncmp(s, "http://", 7) && strncmp(s, "https://", 8) && strncmp(s, "mailto:", 7))
		fz_fail("apply is not http, https or mailto", s);
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c <= 0x20 || *c == 0x7F)
			fz_fail("apply holds a space or control byte", s);
}

void fz_check_err(const jk_err *err, int r)
{
	if (r >= 0)
		fz_fail("error status", "not negative");
	size_t n = strnlen(err->msg, sizeof err->msg);
	if (n == 0 || n == sizeof err->msg)
		fz_fail("error message", n ? "not terminated" : "empty");
	if (memchr(err->msg, '\n', n))
		fz_fail("error message is not one line", err->msg);
	if (!jk_utf8_valid(err->msg, n))
		fz_fail("error message is not valid UTF-8", err->msg);
}

static void check_block(const posting_block *b)
{
	if (!b->text || b->len != strlen(b->text))
		fz_fail("block", "text missing or length wrong");
	if (!jk_utf8_valid(b->text, b->len))
		fz_fail("block text is not valid UTF-8", b->text);
	if ((unsigned)b->kind > POSTING_NUMBERED)
		fz_fail("block", "kind out of range");
	for (size_t i = 0; i < b->nspans; i++) {
		const posting_span *s = &b->spans[i];
		if ((size_t)s->start + s->len > b->len || !s->len)
			fz_fail("span outside its block", b->text);
		if (!jk_utf8_valid(b->text + s->start, s->len))
			fz_fail("span splits a character", b->text);
	}
}

static void check_posting(const posting *p, bool titled)
{
	if (!p->id || strlen(p->id) != 16)
		fz_fail("id", p->id);
	if (titled && !p->title)
		fz_fail("title", "missing after import_bytes");
	check_str("title", p->title);
	check_str("organization", p->organization);
	check_str("location", p->location);
	check_str("employment", p->employment);
	check_str("pay", p->pay);
	check_str("posted", p->posted);
	check_str("expires", p->expires);
	check_str("source", p->source);
	fz_check_apply(p->apply);
	/* detail is fetched by sources/: an http(s) URL, nothing else. */
	fz_check_apply(p->detail);
	if (p->detail && !strncmp(p->detail, "mailto:", 7))
		fz_fail("detail is not http(s)", p->detail);
	for (size_t i = 0; i < p->ntags; i++)
		check_str("tag", p->tags[i]);
	for (size_t i = 0; i < p->nsections; i++) {
		const posting_section *s = &p->sections[i];
		check_str("heading", s->heading);
		if (!s->nblocks)
			fz_fail("section", "empty after posting_finish");
		for (size_t j = 0; j < s->nblocks; j++)
			check_block(&s->blocks[j]);
	}
}

void fz_check_list(const posting_list *l, size_t first, bool titled)
{
	for (size_t i = first; i < l->n; i++)
		check_posting(l->items[i], titled);
	char *json = posting_list_to_json(l);
	if (!json)
		fz_fail("posting_list_to_json", "NULL");
	cJSON *root = cJSON_Parse(json);
	if (!cJSON_IsArray(root) || (size_t)cJSON_GetArraySize(root) != l->n)
		fz_fail("posting_list_to_json is not an array of every posting", json);
	cJSON_Delete(root);
	free(json);
}

/* Warnings must be terminated, one-line text. */
static void on_warn(void *ud, const char *source, const char *msg)
{
	(void)ud;
	if (!source || !msg || !*msg)
		fz_fail("warning", "missing source or message");
	if (strchr(msg, '\n'))
		fz_fail("warning is not one line", msg);
}

void fz_import(const uint8_t *data, size_t size, const char *source, const char *ctype)
{
	import_opts o = {.source = source, .content_type = ctype, .warn = on_warn};
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	int r = import_bytes((const char *)data, size, &o, &l, &err);
	if (r) {
		fz_check_err(&err, r);
		if (l.n)
			fz_fail("import_bytes", "failed but appended postings");
	} else {
		fz_check_list(&l, 0, true);
	}
	posting_list_free(&l);
}

void fz_reader(import_reader read, const uint8_t *data, size_t size, const char *source)
{
	if (!size || memchr(data, 0, size < 8192 ? size : 8192))
		return;
	char *conv = NULL;
	const char *s = (const char *)data;
	if (!jk_utf8_valid(s, size)) {
		conv = jk_cp1252_to_utf8(s, size);
		if (!conv)
			return;
		s = conv;
		size = strlen(conv);
	}
	import_opts o = {.source = source, .warn = on_warn};
	posting_list l;
	posting_list_init(&l);
	jk_err err = {0};
	int r = read(s, size, &o, &l, &err);
	if (r) {
		fz_check_err(&err, r);
		if (l.n)
			fz_fail("reader", "failed but appended postings");
	}
	for (size_t i = 0; i < l.n && !r; i++)
		r = posting_finish(l.items[i], i);
	if (!r)
		fz_check_list(&l, 0, false);
	posting_list_free(&l);
	free(conv);
}
