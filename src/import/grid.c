/* grid.c — layer 3: scraped multi-column grids: HTML cells separated by
 * tabs, rows separated by lines of dashes, the text flowing down each column
 * and on across row boundaries, often mid-sentence. Restores reading order
 * (each column top to bottom, columns left to right) and joins the pieces of
 * a sentence a row boundary cut, then reads the result like a page. */
#include "readers.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
	const char *s;
	size_t n;
} span;

typedef struct row {
	span *cells;
	size_t n;
} row;

typedef struct grid {
	row *rows;
	size_t n, cap, cols;
} grid;

static void grid_free(grid *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->rows[i].cells);
	free(g->rows);
}

/* A row rule: only dashes, tabs and spaces, with a tab and two dashes. */
static bool is_rule(const char *s, size_t n)
{
	size_t dashes = 0, tabs = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-')
			dashes++;
		else if (s[i] == '\t')
			tabs++;
		else if (s[i] != ' ' && s[i] != '\r')
			return false;
	}
	return tabs && dashes >= 2;
}

static int add_row(grid *g, const char *s, size_t n)
{
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 8;
		row *v = realloc(g->rows, cap * sizeof *v);
		if (!v)
			return JK_ENOMEM;
		g->rows = v;
		g->cap = cap;
	}
	size_t cells = 1;
	for (size_t i = 0; i < n; i++)
		cells += s[i] == '\t';
	row *r = &g->rows[g->n];
	r->cells = malloc(cells * sizeof *r->cells);
	if (!r->cells)
		return JK_ENOMEM;
	r->n = 0;
	for (const char *c = s, *end = s + n;;) {
		const char *tab = memchr(c, '\t', (size_t)(end - c));
		r->cells[r->n++] = (span){c, (size_t)((tab ? tab : end) - c)};
		if (!tab)
			break;
		c = tab + 1;
	}
	if (r->n > g->cols)
		g->cols = r->n;
	g->n++;
	return JK_OK;
}

static int split(const char *data, size_t len, grid *g)
{
	const char *p = data, *end = data + len, *row_start = data;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *next = eol ? eol + 1 : end;
		if (is_rule(p, (size_t)((eol ? eol : end) - p))) {
			int r = add_row(g, row_start, (size_t)(p - row_start));
			if (r)
				return r;
			row_start = next;
		}
		p = next;
	}
	return row_start < end ? add_row(g, row_start, (size_t)(end - row_start)) : JK_OK;
}

static bool blank(span c)
{
	for (size_t i = 0; i < c.n; i++)
		if (!isspace((unsigned char)c.s[i]))
			return false;
	return true;
}

/* Small words a sentence does not end on. */
static const char *const open_words[] = {
    "a",    "an",    "and", "as",    "at",  "be",   "by",   "for",  "from",  "in",
    "into", "is",    "are", "of",    "on",  "or",   "our",  "such", "than",  "that",
    "the",  "their", "to",  "which", "who", "with", "your", "its",  "these", "this"};

/* Whether next carries on the sentence prev was cut in. */
static bool continues(const posting_block *prev, const posting_block *next)
{
	if (!prev->len || !next->len)
		return false;
	size_t n = prev->len;
	/* Closing quotes and brackets do not end anything by themselves. */
	while (n && strchr(")]\"'", prev->text[n - 1]))
		n--;
	while (n >= 3 &&
	       (!strncmp(prev->text + n - 3, "”", 3) || !strncmp(prev->text + n - 3, "’", 3)))
		n -= 3;
	if (!n || strchr(".!?:;", prev->text[n - 1]) ||
	    (n >= 3 && !strncmp(prev->text + n - 3, "…", 3)))
		return false;
	if (islower((unsigned char)next->text[0]))
		return true;
	/* "... experience with" + "Python and C++." */
	char last = prev->text[n - 1];
	if (last == ',' || last == '-')
		return true;
	size_t w = n;
	while (w && isalpha((unsigned char)prev->text[w - 1]))
		w--;
	for (size_t i = 0; i < JK_ARRAY_LEN(open_words); i++)
		if (strlen(open_words[i]) == n - w &&
		    !strncasecmp(prev->text + w, open_words[i], n - w))
			return true;
	return false;
}

/* Moves the sections of cell (parsed alone) to the end of p; the cell's
 * lead-in goes on in p's last section, joined to its last block when a
 * sentence was cut between the two. */
static int merge(posting *p, posting *cell)
{
	if (cell->title && !p->title) {
		p->title = cell->title;
		cell->title = NULL;
	}
	for (size_t si = 0; si < cell->nsections; si++) {
		posting_section *src = &cell->sections[si], *dst;
		size_t bi = 0;
		if (si == 0 && !src->heading && p->nsections) {
			dst = &p->sections[p->nsections - 1];
			if (dst->nblocks && src->nblocks &&
			    continues(&dst->blocks[dst->nblocks - 1], &src->blocks[0])) {
				int r = posting_block_join(&dst->blocks[dst->nblocks - 1],
				                           &src->blocks[0]);
				if (r)
					return r;
				bi = 1;
			}
		} else if (!(dst = posting_add_section(p, src->heading))) {
			return JK_ENOMEM;
		}
		for (; bi < src->nblocks; bi++) {
			posting_block *b =
			    posting_add_block(dst, src->blocks[bi].kind, src->blocks[bi].number);
			if (!b)
				return JK_ENOMEM;
			*b = src->blocks[bi];
			memset(&src->blocks[bi], 0, sizeof src->blocks[bi]);
		}
	}
	return JK_OK;
}

int import_grid(const char *data, size_t len, const import_opts *opts, posting_list *out,
                jk_err *err)
{
	grid g = {0};
	import_links links = {0};
	posting *p = posting_new();
	int r = p ? split(data, len, &g) : JK_ENOMEM;
	if (r)
		jk_fail(err, r, "out of memory");
	for (size_t c = 0; !r && c < g.cols; c++) {
		for (size_t i = 0; !r && i < g.n; i++) {
			if (c >= g.rows[i].n || blank(g.rows[i].cells[c]))
				continue;
			posting *cell = posting_new();
			r = cell ? html_sections(g.rows[i].cells[c].s, g.rows[i].cells[c].n, cell,
			                         &links, HTML_KEEP_CHROME, err)
			         : jk_fail(err, JK_ENOMEM, "out of memory");
			if (!r && (r = merge(p, cell)))
				jk_fail(err, r, "out of memory");
			posting_free(cell);
		}
	}
	if (!r) {
		html_tidy(p);
		if ((r = html_lead_meta(p)) ||
		    (r = import_apply_choose(p, &links, html_base(opts))))
			jk_fail(err, r, "out of memory");
	}
	if (!r && !p->title && !p->nsections)
		r = jk_fail(err, JK_EEMPTY, "grid without any text");
	if (!r)
		r = posting_list_push(out, p);
	else
		posting_free(p);
	if (r && err && !err->code)
		jk_fail(err, r, "out of memory");
	import_links_free(&links);
	grid_free(&g);
	return r;
}
