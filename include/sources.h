/* sources.h — where postings come from, and when to look again.
 *
 * A source is a local file or folder (the offline slideshow), an http(s)
 * URL (a posting page, a Markdown file, a JSON document, a feed), or a
 * job-board shorthand: greenhouse:BOARD, lever:COMPANY, ashby:BOARD,
 * smartrecruiters:COMPANY, workable:ACCOUNT, recruitee:COMPANY[?token=T],
 * personio:COMPANY, teamtailor:COMPANY, workday:HOST/TENANT/SITE,
 * breezy:COMPANY. Network sources are fetched into the cache (store) and
 * always read back from it, so the screen, --dump and --render see the
 * same postings with or without a network. A board whose list comes in
 * pages is stored as one document in the list's own shape; list entries
 * that lack their text (posting.detail) have their detail document
 * fetched into the cache too and shown in their place. Prefix sources_. */
#ifndef SOURCES_H
#define SOURCES_H

#include "fetch.h"
#include "posting.h"
#include "store.h"

#include <pthread.h>

typedef enum source_kind {
	SOURCE_PATH = 0,
	SOURCE_URL,
	SOURCE_GREENHOUSE,
	SOURCE_LEVER,
	SOURCE_ASHBY,
	SOURCE_SMARTRECRUITERS,
	SOURCE_WORKABLE,
	SOURCE_RECRUITEE,
	SOURCE_PERSONIO,
	SOURCE_TEAMTAILOR,
	SOURCE_WORKDAY,
	SOURCE_BREEZY,
} source_kind;

typedef enum source_state {
	SOURCE_NEVER = 0, /* not tried yet */
	SOURCE_OK,        /* last refresh brought a good document */
	SOURCE_NOT_MODIFIED,
	SOURCE_FAILED, /* last refresh failed; cached copy (if any) in use */
} source_state;

typedef struct source {
	source_kind kind;
	/* As the organiser wrote it, with a secret setting's value shown as
	 * "***" (recruitee:acme?token=***): safe to log and print. */
	char *spec;
	char *url; /* what is fetched, and the cache key (NULL for paths) */
	char *org; /* default organisation (board or company name), or NULL */
	/* Where the board states its own name (Greenhouse's board endpoint),
	 * fetched once a refresh; it beats org. NULL for other sources. */
	char *org_url;
	/* A token from the spec's settings, sent as "Authorization: Bearer";
	 * never logged, printed, stored in the cache or put in a URL. NULL
	 * when none was given. */
	char *token;
	/* Refresh state, owned by whoever refreshes (the worker or --fetch-once). */
	source_state state;
	int failures;        /* consecutive */
	int64_t next_due_ms; /* monotonic ms */
	int64_t last_ok;     /* unix seconds of the last good response */
	long max_age;        /* from the last response, -1 when none */
	long retry_after;    /* likewise */
	bool capped;         /* the last refresh stopped paging at the cap */
	char last_error[256];
	uint64_t refreshes[3]; /* by refresh_outcome: ok, unchanged, failed
	                        * (the worker counts them) */
} source;

typedef struct source_list {
	source *v;
	size_t n, cap;
	char *board_base; /* see sources_set_board_base(); owned, NULL in the program */
} source_list;

/* Parses spec and appends a source. JK_EARG with a one-line reason for a
 * spec that is none of the above: "ftp://…", "greenhouse:" with no board,
 * a board, company or account name with characters other than letters,
 * digits, '-', '_', '.' (or only dots), a Workday spec that is not
 * HOST/TENANT/SITE, a setting the board does not take ("ashby:x?token=…"
 * — only recruitee: takes one), a token that is not one printable word.
 * The reason never quotes a token. */
int sources_add(source_list *l, const char *spec, jk_err *err);
/* Frees every source (tokens wiped first) and the board base. Accepts NULL. */
void sources_free(source_list *l);

/* TESTS ONLY — no setting, option or config key leads here. Board specs
 * added to l after this call are fetched from base ("http://127.0.0.1:PORT",
 * no trailing path) instead of the board's own scheme and host: the path
 * and query stay the board's (Recruitee's https://acme.recruitee.com/api/
 * offers/ becomes base + "/api/offers/"). base NULL goes back to the real
 * hosts. A copy is kept; JK_EARG when base is not an http(s) URL. */
int sources_set_board_base(source_list *l, const char *base, jk_err *err);

/* Refresh timing. interval_s is the base period (default 900); jitter is
 * ±10% so fifty screens pointed at one feed spread their requests. After a
 * good response the next refresh is at least max_age away; after a failure
 * the delay doubles from 30 s up to the interval, and a Retry-After wins
 * when longer. rnd is a number in [0,1). */
int64_t sources_next_delay_ms(const source *s, bool ok, long max_age, long retry_after,
                              long interval_s, double rnd);

typedef struct sources_fetch_opts {
	store_cache *cache; /* required */
	fetch_limits limits;
	/* List entries whose text is elsewhere (posting.detail; a feed item
	 * that only links to its page): how many detail documents one refresh
	 * may fetch (0: 50). Details not cached yet go first, so a big board
	 * fills in over a few refreshes. */
	size_t max_linked;
} sources_fetch_opts;

/* Paging limits: a board's list is read for at most this many pages or
 * postings a refresh; reaching either gives one warning line. */
#define SOURCES_MAX_PAGES 50
#define SOURCES_MAX_PAGED_POSTINGS 2000

typedef enum refresh_outcome {
	REFRESH_OK,        /* new content stored */
	REFRESH_UNCHANGED, /* 304, or the same bytes again */
	REFRESH_FAILED,
	REFRESH_LOCAL, /* a path: nothing to fetch */
} refresh_outcome;

/* Fetches one network source (with the cached validators; a paged board
 * page by page into one document), checks that the document reads as
 * postings before storing it (a broken response never replaces a good
 * copy), then fetches the detail documents of its list entries (a detail
 * that fails leaves its entry as it is) and, for Greenhouse, the board's
 * name. Blocking: call it off the render loop. Updates s->state, failures,
 * last_error (one line; a board's own words for a refusal, e.g. Recruitee
 * asking for a token or a Workday tenant refusing), last_ok, capped;
 * *npostings (may be NULL) gets the count read. */
refresh_outcome sources_refresh(source *s, const sources_fetch_opts *o, size_t *npostings);

/* Reads every source's postings: paths from disk, network sources from the
 * cache (nothing is fetched), with each list entry's cached detail shown in
 * its place (the entry's fields fill what the detail lacks), dates relative
 * to the fetch read against the cached fetch time, and the board's name as
 * the organisation of postings that state none. Failures go through warn
 * (may be NULL), one line per source or file. Returns the number of
 * sources that gave at least one readable document. */
size_t sources_load(const source_list *l, store_cache *cache, posting_list *out, jk_warn_fn warn,
                    void *ud);
/* The first source's first postings, nothing told: a path's first file
 * that gives any (store_load_first), a network source's cached copy. In
 * listed order the deck's first posting is among them. */
void sources_load_first(const source_list *l, store_cache *cache, posting_list *out);

/* The background refresher: one thread that refreshes each network source
 * when it is due and tells the loop through notify when a refresh brought
 * new content (called on the worker thread: it must only post an event). The render loop never
 * waits on it. */
typedef struct sources_worker sources_worker;
typedef void (*sources_notify_fn)(void *ud);

typedef struct sources_status {
	size_t total;            /* network sources */
	size_t failing;          /* whose last refresh failed */
	size_t never_ok;         /* not one good response yet */
	int64_t oldest_ok;       /* unix seconds of the stalest good refresh, 0 if none */
	char first_failing[512]; /* "SPEC: reason" of one failing source */
	uint64_t cache_bytes;    /* the cache's size after the latest refreshes */
} sources_status;

/* Copies the network sources of l (paths need no refreshing) and starts the
 * thread; the first refreshes begin within a few seconds (jittered).
 * interval_s 0: 900. Caller stops with sources_worker_stop(). With no
 * network sources it starts nothing and *out is NULL. */
int sources_worker_start(const source_list *l, const sources_fetch_opts *o, long interval_s,
                         sources_notify_fn notify, void *ud, sources_worker **out, jk_err *err);
/* Makes every source due now (the 'r' key, SIGHUP). */
void sources_worker_kick(sources_worker *w);
void sources_worker_status(sources_worker *w, sources_status *st);
/* Copies of the worker's sources as they are now (spec, state, last_ok,
 * last_error, refreshes; tokens left out), for the control server.
 * *out: caller frees with sources_free(). JK_ENOMEM. w NULL: empty. */
int sources_worker_sources(sources_worker *w, source_list *out, jk_err *err);
/* Cancels a running transfer and joins the thread. Accepts NULL. */
void sources_worker_stop(sources_worker *w);

#endif
