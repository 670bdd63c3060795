/* import.h — bytes + a name/content type in, postings out.
 *
 * Pure: no I/O, no SDL, no globals. The input is borrowed; everything the
 * readers allocate is freed before returning except the postings appended to
 * the caller's list. One reader per format (src/import/), chosen by content
 * sniffing first and the name's extension second. Prefix import_. */
#ifndef IMPORT_H
#define IMPORT_H

#include "posting.h"

typedef enum import_format {
	IMPORT_UNKNOWN = 0,
	IMPORT_MARKDOWN,
	IMPORT_HTML,
	IMPORT_GRID,   /* scraped multi-column grid of HTML cells */
	IMPORT_JSONLD, /* bare schema.org JobPosting JSON */
	IMPORT_GREENHOUSE,
	IMPORT_LEVER,
	IMPORT_JSONFEED,
	IMPORT_RSS,
	IMPORT_ATOM,
	IMPORT_TEXT,
	IMPORT_ASHBY,
	IMPORT_SMARTRECRUITERS,
	IMPORT_WORKABLE,
	IMPORT_RECRUITEE,
	IMPORT_PERSONIO, /* XML positions feed */
	IMPORT_WORKDAY,
	IMPORT_BREEZY,
	IMPORT_MAIL, /* RFC 822 message */
	IMPORT_RST,  /* reStructuredText */
} import_format;

/* Largest input the readers accept; bigger inputs fail with JK_ETOOBIG. */
#define IMPORT_MAX_BYTES ((size_t)16 << 20)

typedef struct import_opts {
	/* Where the bytes came from (file path or URL): becomes posting.source
	 * and, when it is an http(s) URL, the base for relative links and the
	 * last-resort apply target. Borrowed; may be NULL. */
	const char *source;
	/* Content-Type from HTTP, or NULL. Only a hint: content is sniffed. */
	const char *content_type;
	/* When the bytes were fetched (unix seconds), for dates a document
	 * states relative to its fetch ("Posted 3 Days Ago"); 0: now. */
	int64_t fetched_at;
	/* Non-fatal remarks about the input ("read as Windows-1252", "skipped
	 * draft"). May be NULL. msg is valid during the call only. */
	jk_warn_fn warn;
	void *ud;
} import_opts;

/* Guesses the format from the first bytes, then the extension of
 * opts->source, then the content type. data is borrowed. */
import_format import_sniff(const char *data, size_t len, const import_opts *opts);
const char *import_format_name(import_format f);

/* Reads every posting in data and appends them to out (postings finished:
 * ids set, text clean). Returns 0 when at least one posting was read or the
 * document validly holds none (e.g. an empty feed, only drafts); a negative
 * status with a one-line reason in err otherwise (empty, binary, too big,
 * malformed beyond recovery). On error nothing is appended. */
int import_bytes(const char *data, size_t len, const import_opts *opts, posting_list *out,
                 jk_err *err);

/* True when name's extension says mail (.eml, .mbox): its reading opens
 * the mail library (GMime) the first time. */
bool import_is_mail_name(const char *name);
/* Opens the mail library now (thread-safe; once), so a reader of mail on
 * another thread finds it open. 0, or a one-line reason in err. */
int import_mail_prepare(jk_err *err);

#endif
