/* deck.h — which postings are shown and in which order: filters (tag,
 * employment type, keyword), expired postings hidden (unless the clock is
 * clearly wrong), the order (as listed, newest first, shuffled) and the
 * default apply target for postings without one, and the tracking tags on
 * the link each posting's QR code carries. Pure: no I/O, no SDL, the
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

/* Tracking tags for the links in the QR codes, so a recruiter can count
 * the scans a screen brought. Strings borrowed (config owns them); NULL or
 * "" is unset. Each is at most DECK_TAG_MAX bytes without control or
 * invisible characters (deck_tag_ok): config refuses anything else. */
typedef struct deck_track {
	const char *source;     /* track_source: utm_source (with utm_medium=qr,
	                         * utm_content) and Lever's lever-source */
	const char *campaign;   /* track_campaign: utm_campaign, with source */
	const char *greenhouse; /* greenhouse_source: Greenhouse's gh_src */
} deck_track;

#define DECK_TAG_MAX 64
/* The largest QR version a tagged link may need; beyond it utm_content is
 * left out, then every tag (a finer code reads worse from the aisle). */
#define DECK_TRACK_MAX_VERSION 10

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
	deck_track track;          /* tags for posting.qr_link */
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
	size_t tracked;       /* postings whose QR link carries tags */
} deck_report;

/* 2024-01-01T00:00:00Z: a board without a real-time clock boots in 1970;
 * any time before this is not a real date. */
#define DECK_CLOCK_SANE ((time_t)1704067200)

/* True when now (unix seconds) can be believed for expiry, given the list's
 * posted dates (newest posted date more than a day after now: clock behind). */
bool deck_clock_trusted(const posting_list *l, time_t now);

/* Filters and orders l in place: postings not shown are freed, the rest
 * reordered; postings without an apply target get a copy of
 * o->default_apply (only when it is http(s)/mailto). With o->track set,
 * each posting whose link deck_track_link() tags gets that link as its
 * qr_link (owned by the posting); apply itself stays as it was. Expiry compares the
 * posting's expires date (YYYY-MM-DD, local date of now) and keeps a posting
 * through its expiry day. An unparsable expires date never hides a posting.
 * report may be NULL. Returns 0 or JK_ENOMEM (l unchanged on failure). */
int deck_apply(posting_list *l, const deck_opts *o, time_t now, deck_report *report, jk_err *err);

/* True when s is a usable tag value: 1 to DECK_TAG_MAX bytes of valid
 * UTF-8, no control, invisible or direction characters
 * (jk_cp_is_invisible, and the bidi isolates U+2066-U+2069), no U+FFFD
 * and no blank at either end. Anything else is percent-encoded in the
 * link. */
bool deck_tag_ok(const char *s);

/* The short posting id utm_content carries: the first 8 characters of id
 * when they are lower-case hex (posting ids are, and --dump shows them),
 * else 8 hex digits of a hash of id; "" for a NULL or empty id. */
void deck_track_id(const char *id, char out[9]);

/* apply (borrowed) with t's tags for a posting with id (borrowed, may be
 * NULL): for http(s) links only, never mailto. With t->source:
 * utm_source, utm_medium=qr, utm_campaign (when t->campaign is set),
 * utm_content (deck_track_id; not for an empty id), and lever-source on
 * Lever links (jobs.lever.co, jobs.eu.lever.co); with t->greenhouse:
 * gh_src on Greenhouse links (a host that is or ends in greenhouse.io, or
 * a gh_jid in the query). Tags go after the existing query, before the
 * fragment, percent-encoded; a key the query already has is kept as it
 * is. When the tagged link needs a QR code above DECK_TRACK_MAX_VERSION
 * (qr_version), utm_content is left out, then every tag. On success *out
 * is the tagged link (caller frees) or NULL when nothing is added.
 * JK_ENOMEM (*out NULL). t may be NULL (nothing added). */
int deck_track_link(const char *apply, const char *id, const deck_track *t, char **out,
                    jk_err *err);

/* Parses "listed", "newest", "shuffle" (also "as-listed", "newest-first",
 * "random"). false for anything else. */
bool deck_order_parse(const char *s, deck_order *out);
const char *deck_order_name(deck_order o);

#endif
