/* fm.h — the parts of layer 1's front matter reader: fm_entries.c (1a),
 * fm_yaml.c and fm_toml.c (1b, the parsers, collecting entries),
 * fm_content.c (1b, the text, links and JSON-LD the entries hold) and
 * frontmatter.c (1c, finding the block and mapping the entries). Only
 * those files include it; the rest of src/import/ sees
 * import_frontmatter() in blocks.h. */
#ifndef IMPORT_FM_H
#define IMPORT_FM_H

#include "blocks.h"

#define FM_DEPTH 32     /* deeper nesting is an error, not recursion */
#define FM_ENTRIES 4096 /* entries kept; more are ignored */
#define FM_KEY_MAX 128

typedef struct fm_entry {
	char *key;    /* lower-case path, '.'-joined: "params.company" */
	char **items; /* the scalar, or the list's scalars */
	size_t n;
	bool list;
	/* The mapping of a list of mappings the entry belongs to ("sections:
	 * - title: …"), numbered from 1 across the document; 0 for none. */
	unsigned item;
} fm_entry;

typedef struct fm_entries {
	fm_entry *v;
	size_t n, cap;
	unsigned item;  /* parser state: stamped on the entries added */
	unsigned items; /* list mappings numbered so far */
} fm_entries;

/* A growable list of strings for list entries. */
typedef struct fm_strv {
	char **v;
	size_t n, cap;
} fm_strv;

/* fm_entries.c ------------------------------------------------------------- */

/* Frees what e holds and empties it. */
void fm_entries_free(fm_entries *e);
/* Adds an entry under key (copied, lower-cased), taking ownership of
 * items[0..n) (freed on failure too, and when FM_ENTRIES are kept). The
 * entry belongs to e->item. */
int fm_entries_add(fm_entries *e, const char *key, char **items, size_t n, bool list);
/* Adds a one-scalar entry with a copy of s[0..n). */
int fm_entries_add_scalar(fm_entries *e, const char *key, const char *s, size_t n);

/* Appends a copy of p[0..n) to s. */
int fm_strv_push(fm_strv *s, const char *p, size_t n);
void fm_strv_free(fm_strv *s);

/* Starts the next mapping of a list of mappings: later entries belong to
 * it until fm_item_end(e, the returned value). */
unsigned fm_item_begin(fm_entries *e);
void fm_item_end(fm_entries *e, unsigned saved);

/* "parent.key", or key at the top, into out (FM_KEY_MAX bytes); false
 * (skip the key) past three levels ("sections.content.text") or when the
 * key is too long to be one we map. */
bool fm_child_path(char *out, const char *parent, const char *key, size_t keylen);

/* key without a leading table whose keys count as top-level ones (Hugo's
 * [params], Zola's [extra]): "params.company" → "company". Borrowed. */
const char *fm_key_bare(const char *key);

/* fm_yaml.c, fm_toml.c ----------------------------------------------------- */

/* Collects the entries of the YAML in s[0..n) into out. line0 is the file
 * line of s's first line minus 1, for messages. Fails with a one-line
 * reason in err (a syntax error naming the line, nesting past FM_DEPTH). */
int fm_parse_yaml(const char *s, size_t n, size_t line0, fm_entries *out, jk_err *err);
/* Collects the entries of the TOML in s[0..n) into out; what it cannot
 * read it skips. Fails only with JK_ENOMEM. */
int fm_parse_toml(const char *s, size_t n, fm_entries *out);

/* fm_content.c ------------------------------------------------------------- */

/* Fills fm->text (the posting's text kept in the front matter, as
 * Markdown), fm->links (the entries of links: lists) and fm->jsonld (a
 * JSON-LD JobPosting kept in a value) from e. Fails only with JK_ENOMEM. */
int fm_content(const fm_entries *e, import_fm *fm);

#endif
