/* deck.h — which postings are shown and in which order: filters (tag,
 * employment type, keyword), expired postings hidden (unless the clock is
 * clearly wrong), the order (as listed, newest first, shuffled) and the
 * default apply target for postings without one. Pure: no I/O, no SDL, the
 * time is passed in. Which slide is current stays with the loop (kiosk.c),
 * which knows pages. Prefix deck_. */
#ifndef DECK_H
#define DECK_H

#include "posting.h"

#include <time.h>

typedef enum deck_order {
	DECK_ORDER_LISTED = 0, /* as the sources list them */
	DECK_ORDER_NEWEST,     /* by posted date, newest first; undated last, stable */
	DECK_ORDER_SHUFFLE,    /* a shuffle from seed (same seed, same order) */
} deck_order;

/* A list of words, owned by whoever filled it (config). */
typedef struct deck_words {
	char **v;
	size_t n;
} deck_words;

typedef struct deck_opts {
	/* A posting is shown when it matches every non-empty filter; within one
	 * filter any word matches (OR). Matching is case-insensitive (ASCII and
	 * Latin-1/Greek/Cyrillic simple folding at least). */
	deck_words tags;       /* any of the posting's tags equals one */
	deck_words employment; /* the employment text contains one ("intern"
	                        * matches "Internship (hybrid)") */
	deck_words keywords;   /* title, organisation, location or body text
	                        * contains one as a word prefix */
	bool hide_expired;     /* default true */
	deck_order order;
	uint64_t seed;             /* DECK_ORDER_SHUFFLE */
	const char *default_apply; /* borrowed; http(s) or mailto, or NULL */
} deck_opts;

/* What deck_apply() did, for the log line and the screen. */
typedef struct deck_report {
	size_t in, shown;
	size_t filtered;      /* dropped by tag/employment/keyword */
	size_t expired;       /* dropped because expires < today */
	bool clock_untrusted; /* expiry was not applied: the clock is clearly
	                       * wrong (before JK_CLOCK_SANE, or more than a day
	                       * behind the newest posted date) */
	size_t defaulted;     /* postings given default_apply */
} deck_report;

/* 2024-01-01T00:00:00Z: a board without a real-time clock boots in 1970;
 * any time before this is not a real date. */
#define DECK_CLOCK_SANE ((time_t)1704067200)

/* True when now (unix seconds) can be believed for expiry, given the list's
 * posted dates (newest posted date more than a day after now: clock behind). */
bool deck_clock_trusted(const posting_list *l, time_t now);

/* Filters and orders l in place: postings not shown are freed, the rest
 * reordered; postings without an apply target get a copy of
 * o->default_apply (only when it is http(s)/mailto). Expiry compares the
 * posting's expires date (YYYY-MM-DD, local date of now) and keeps a posting
 * through its expiry day. An unparsable expires date never hides a posting.
 * report may be NULL. Returns 0 or JK_ENOMEM (l unchanged on failure). */
int deck_apply(posting_list *l, const deck_opts *o, time_t now, deck_report *report, jk_err *err);

/* Parses "listed", "newest", "shuffle" (also "as-listed", "newest-first",
 * "random"). false for anything else. */
bool deck_order_parse(const char *s, deck_order *out);
const char *deck_order_name(deck_order o);

#endif
