/* posting.h — the one model everything downstream speaks.
 *
 * A posting is plain data. Every string is valid UTF-8, entities decoded,
 * white space normalised (single spaces, trimmed); absent fields are NULL,
 * never "". Everything hanging off a posting is owned by it and released by
 * posting_free(). Prefix posting_. */
#ifndef POSTING_H
#define POSTING_H

#include "jk.h"

enum {
	POSTING_BOLD = 1u << 0,
	POSTING_ITALIC = 1u << 1,
};

/* A styled range of a block's text, in bytes. Unstyled text has no span. */
typedef struct posting_span {
	uint32_t start, len;
	unsigned style; /* POSTING_BOLD | POSTING_ITALIC */
} posting_span;

typedef enum posting_block_kind {
	POSTING_PARAGRAPH = 0,
	POSTING_BULLET,
	POSTING_NUMBERED, /* number holds the item's number */
} posting_block_kind;

typedef struct posting_block {
	posting_block_kind kind;
	int number;
	char *text; /* never NULL once the block holds text */
	size_t len, cap;
	posting_span *spans;
	size_t nspans, spans_cap;
	bool pending_space; /* builder state: a space is owed before more text */
	/* An equal-opportunity statement, privacy notice, anti-fraud warning
	 * or the like (import marks it): kept, shown unless the kiosk hides
	 * boilerplate. */
	bool boilerplate;
} posting_block;

/* What a section is about, as its heading says (import decides): the
 * booth style's highlights come from the duties, else the requirements. */
typedef enum posting_role {
	POSTING_ROLE_NONE = 0,
	POSTING_ROLE_DUTIES,       /* responsibilities, "what you will do" */
	POSTING_ROLE_REQUIREMENTS, /* qualifications, "who you are" */
} posting_role;

typedef struct posting_section {
	char *heading; /* NULL for the lead-in before the first heading */
	posting_role role;
	posting_block *blocks;
	size_t nblocks, cap;
} posting_section;

typedef struct posting {
	char *id; /* stable across reloads of the same source */
	char *title;
	char *organization;
	char *location;
	char *employment; /* e.g. "Full-time", "Internship · Hybrid" */
	char *pay;
	char *posted;  /* YYYY-MM-DD */
	char *expires; /* YYYY-MM-DD */
	char *apply;   /* http(s):// URL or mailto:, nothing else */
	/* The link the QR code carries when it differs from apply: apply with
	 * the deck's tracking tags (deck_apply). NULL: apply itself. Never
	 * in --dump or the cache: the posting's own link is apply. */
	char *qr_link;
	char *source; /* file path or URL it was read from */
	char **tags;
	size_t ntags;
	posting_section *sections;
	size_t nsections, sections_cap;
	/* Reader-given identity (Greenhouse id, feed guid, JSON-LD identifier)
	 * that makes the id stable when a document holds many postings. */
	char *native_id;
	/* A list entry that lacks the posting's text (a SmartRecruiters or
	 * Workday list, a Breezy board, a thin feed item): the http(s) URL of the
	 * document that has it. sources/ fetches it into the cache and shows
	 * what it reads in place of the entry. NULL otherwise. */
	char *detail;
	/* The language the posting is written in, as its source states it,
	 * normalised by posting_lang_norm ("de", "pt", "zh-Hant"); NULL when
	 * the source states none. */
	char *language;
} posting;

typedef struct posting_list {
	posting **items; /* owned */
	size_t n, cap;
} posting_list;

/* Returns a zeroed posting; caller frees with posting_free(). NULL on OOM. */
posting *posting_new(void);
/* Frees p and everything it owns. Accepts NULL. */
void posting_free(posting *p);

/* Replaces *field with a cleaned copy of s (see jk_text_clean); an empty
 * result stores NULL. n = (size_t)-1: strlen. s is borrowed. */
int posting_set(char **field, const char *s, size_t n);
/* Like posting_set but only when *field is still NULL. */
int posting_set_default(char **field, const char *s, size_t n);
int posting_add_tag(posting *p, const char *tag);

/* Room for any tag posting_lang_norm writes, NUL included. */
#define POSTING_LANG_MAX 8

/* The language tag s[0..n) (n = (size_t)-1: strlen) states, in the form
 * posting.language keeps, into out: the primary subtag in lower case
 * ("de-DE", "pt_BR", " EN " give "de", "pt", "en"); Chinese with its
 * script ("zh-CN", "zh-SG", "zh-Hans" give "zh-Hans"; "zh-TW", "zh-HK",
 * "zh-MO", "zh-Hant" give "zh-Hant"; "zh" alone stays "zh"); withdrawn
 * codes renamed (iw → he, in → id, ji → yi). Returns 1 with out set; 0
 * (out "") for a tag that names no language ("und", "mul", "zxx"); -1
 * (out "") when s is not a plausible tag: only letters, digits and '-'
 * (or '_'), a primary subtag of 2 or 3 letters, subtags of 1 to 8, at
 * most 35 bytes (blanks around it aside). s borrowed. */
int posting_lang_norm(const char *s, size_t n, char out[POSTING_LANG_MAX]);

/* Days since 1970-01-01 of a proleptic Gregorian date (negative before),
 * so dates compare and subtract as integers. */
long posting_days(long y, long m, long d);
/* Seconds since the epoch of the UTC civil time y-mon-d h:min:s
 * (proleptic Gregorian, mon 1..12), in 64 bits whatever time_t is: no
 * timegm, which fails past 2038 with a 32-bit time_t. */
int64_t posting_utc_seconds(long y, int mon, int d, int h, int min, int s);
/* s as a strict "YYYY-MM-DD" of a real day (year 0001 on): true with
 * *days (posting_days) and, when ymd is not NULL, the year, month and day
 * in ymd[0..2]; false for anything else (NULL, other lengths, 02-30). */
bool posting_date_parse(const char *s, long *days, int ymd[3]);

/* Whether any block of p holds text. */
bool posting_has_text(const posting *p);
/* Appends a section; heading is borrowed and cleaned (trailing ':' cut), NULL
 * or empty for none. Returns a pointer valid until the next add, NULL on OOM. */
posting_section *posting_add_section(posting *p, const char *heading);
/* Appends an empty block; pointer valid until the next add to s. */
posting_block *posting_add_block(posting_section *s, posting_block_kind kind, int number);
/* Appends text to a block in the given style, normalising white space on the
 * way (runs become one space, leading space dropped, invalid UTF-8 becomes
 * U+FFFD, control/zero-width characters dropped) and keeping spans right. */
int posting_block_append(posting_block *b, const char *s, size_t n, unsigned style);
/* Forces a space before the next appended text (element boundaries). */
void posting_block_space(posting_block *b);
/* Appends all of src's text and spans to dst, separated by one space. */
int posting_block_join(posting_block *dst, const posting_block *src);
/* Frees what the block owns (not the block itself). */
void posting_block_clear(posting_block *b);
/* Removes block i of s, freeing it. */
void posting_remove_block(posting_section *s, size_t i);
/* Removes section i of p, freeing it. */
void posting_remove_section(posting *p, size_t i);

/* Makes the posting ready for downstream: trims blocks, drops empty blocks
 * and sections, and computes id from source + native_id (or index, the
 * posting's position in its document). Call once per posting. */
int posting_finish(posting *p, size_t index);

/* Lists. posting_list_push takes ownership of p (also on failure, when it
 * frees p). posting_list_free frees the postings and the array; the list
 * struct itself is the caller's. */
void posting_list_init(posting_list *l);
int posting_list_push(posting_list *l, posting *p);
void posting_list_free(posting_list *l);

/* Kind name for --dump: "paragraph", "bullet", "numbered". */
const char *posting_block_kind_name(posting_block_kind k);

/* JSON text of the list as --dump prints it (array of objects with id, title,
 * organization, location, employment, pay, posted, expires, apply, source,
 * language (only when set), tags, sections; a section says "role": "duties"
 * or "requirements" only when it has one, a block "boilerplate": true only
 * when it is). Caller frees with free(). NULL on OOM. */
char *posting_list_to_json(const posting_list *l);

#endif
