/* internal.h — what the files of the sources module share: the board
 * table and the helpers around it. Not a contract for other modules. */
#ifndef SOURCES_INTERNAL_H
#define SOURCES_INTERNAL_H

#include "sources.h"

#include "import.h"

enum { SOURCES_MAX_URL = 2000 };

/* The parts of a board spec's NAME, as the URL templates use them:
 * {name} (the whole NAME), {host}, {tenant}, {site} (Workday's
 * HOST/TENANT/SITE), {limit} and {offset} (a page). */
typedef struct sources_vars {
	char name[512];
	char host[256];
	char tenant[128];
	char site[128];
	long limit, offset;
} sources_vars;

/* A list that comes in pages: each page is a JSON object with its entries
 * in the array `items` and the number the board holds in `total` (read
 * from the first page only: some boards answer 0 on later ones). */
typedef struct sources_paging {
	const char *items; /* NULL: the list comes whole */
	const char *total;
	long size;         /* entries asked for per page */
	const char *query; /* joined to the list URL with '?' or '&', or NULL */
	const char *body;  /* a POSTed JSON body, or NULL for a GET */
} sources_paging;

/* One row per job board: adding a board is a row and, where its answers
 * need words of their own, a small function. */
typedef struct sources_board {
	const char *prefix; /* before the ':' of the spec */
	source_kind kind;
	const char *label;     /* the service's name in messages */
	const char *noun;      /* what NAME names: "board", "company", ... */
	bool host_tenant_site; /* NAME is HOST/TENANT/SITE */
	bool takes_token;      /* ?token=TOKEN, sent as a bearer token */
	const char *host;      /* templates; see sources_vars */
	const char *path;
	const char *org_path;       /* where the board states its name, or NULL */
	const char *const *headers; /* extra request headers, or NULL */
	sources_paging paging;
	/* The board's own one line for a refusal (status 4xx, or html: an HTML
	 * page where JSON was due, status 0 then). false: the generic line. */
	bool (*refused)(const source *s, const sources_vars *v, long status, bool html, char *why,
	                size_t cap);
} sources_board;

/* The row for kind or for the spec's prefix ("Ashby:x" too); NULL for none. */
const sources_board *sources_board_of(source_kind kind);
const sources_board *sources_board_for_spec(const char *spec);

/* Splits the NAME of spec (after the ':' and before any '?') into v.
 * JK_EARG with a reason naming b->noun when it is not a valid name. */
int sources_board_vars(const sources_board *b, const char *spec, sources_vars *v, jk_err *err);

/* Expands a template's {name}-style fields into out. JK_ETOOBIG when out
 * is too small; an unknown field is copied as it is. */
int sources_expand(const char *tmpl, const sources_vars *v, char *out, size_t cap);

/* The URL of a board path template: base (tests) or "https://" + host. */
int sources_board_url(const sources_board *b, const char *path_tmpl, const sources_vars *v,
                      const char *base, char *out, size_t cap);

/* The document that holds entry p's text: p->detail, or for a thin feed
 * item (little text, an http(s) link) its link. NULL when p has its text.
 * Borrowed from p. */
const char *sources_detail_of(const posting *p, import_format fmt);

/* Appends a copy of what s is (spec, URLs, names, token) to l, with its
 * refresh state fresh. */
int sources_push_copy(source_list *l, const source *s);

#endif
