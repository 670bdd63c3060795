/* app.h — the command line, wiring the modules, main(). What app offers
 * besides main() is here for tests. Prefix app_. */
#ifndef APP_H
#define APP_H

#include "config.h"
#include "kiosk.h"
#include "posting.h"
#include "render.h"
#include "sources.h"

#include <stdio.h>

/* The --render action: every page of every posting of l, then the overview,
 * as PNG files in dir (created when missing) for a physical w x h screen
 * turned by rotate, in look (NULL: the default look; with look->clock the
 * pages show the time they were written). One progress line per posting and
 * every path written go to progress (may be NULL). When paths is not NULL it
 * receives the paths (caller frees each and the array) and *npaths their
 * number. */
int app_render_dir(const posting_list *l, const char *dir, int w, int h, int rotate,
                   const render_look *look, FILE *progress, char ***paths, size_t *npaths,
                   jk_err *err);

/* The checks that need more than a setting's text, made after the file
 * and the command line are parsed (start-up, --check-config, SIGHUP):
 * every source turns into a sources_ spec, and the logo, the CA file and a
 * font given as a path are readable regular files. A failure reads like
 * config_set()'s, naming where the value came from ("FILE:LINE: key 'logo':
 * expected a readable PNG or JPEG file, not '/x.png' (No such file or
 * directory)"), JK_EARG; values are checked in the order they were set,
 * so the one named is the first a reader of the file meets. out (may be
 * NULL) receives the parsed sources (caller frees with sources_free());
 * untouched on failure. */
int app_settings_check(const config *c, source_list *out, jk_err *err);

/* The fleet file (config_url): settings shared by many screens, fetched
 * from one http(s) URL and applied over the local file, under the command
 * line. Its last good copy is kept in the cache under the URL, so a screen
 * that starts offline has it at once; a thread fetches it again every
 * refresh_minutes. Only a changed file that makes good settings replaces
 * the copy in use. */
typedef struct app_fleet app_fleet;

/* A fleet file's text: body (len bytes, need not end in NUL) as fetched
 * from url. Borrowed. */
typedef struct app_fleet_doc {
	const char *url;
	const char *body;
	size_t len;
} app_fleet_doc;

/* Whether a fetched file makes good settings; why (cap bytes) gets one
 * line naming the URL when not. Called on the refreshing thread. */
typedef bool (*app_fleet_check_fn)(void *ud, const app_fleet_doc *doc, char *why, size_t cap);
/* A changed, good file is in use (called on the fleet thread: post an
 * event, nothing more). */
typedef void (*app_fleet_changed_fn)(void *ud);

/* Sets up the fleet file of url (an http(s) URL), kept in the cache folder
 * cache_dir (NULL: the default), fetched with ca_file (may be NULL). The
 * cached copy, if any, is the copy in use. A cache that cannot be opened
 * is logged once; the file is then kept in memory only. Caller frees with
 * app_fleet_free(). */
int app_fleet_open(const char *url, const char *cache_dir, const char *ca_file, app_fleet **out,
                   jk_err *err);
/* The copy in use as a doc whose strings are the caller's (free with
 * app_fleet_doc_free()); false when there is none. *fetched_at (may be
 * NULL) gets when it was fetched (unix seconds). */
bool app_fleet_copy(app_fleet *f, app_fleet_doc *out, int64_t *fetched_at);
void app_fleet_doc_free(app_fleet_doc *d);
/* One conditional GET (the validators of the copy in use; at most 1 MiB,
 * the fetch module's timeouts and TLS checks). 304 or the same bytes:
 * REFRESH_UNCHANGED. New bytes that pass check (NULL: none) become the
 * copy in use and are cached: REFRESH_OK. Anything else is
 * REFRESH_FAILED and keeps the copy in use. Logs one line when it starts
 * failing or the reason changes, and one when it recovers; never one per
 * refresh. Blocking: never on the render loop. */
refresh_outcome app_fleet_refresh(app_fleet *f, app_fleet_check_fn check, void *ud);
/* The reason of the last failure ("" after a success). */
void app_fleet_last_error(app_fleet *f, char *out, size_t cap);
/* Starts the thread: a refresh now, then every interval_s (failures retry
 * sooner, from 30 s), changed(ud) after each REFRESH_OK. */
int app_fleet_start(app_fleet *f, long interval_s, app_fleet_check_fn check,
                    app_fleet_changed_fn changed, void *ud, jk_err *err);
/* Makes a refresh due now (SIGHUP). */
void app_fleet_kick(app_fleet *f);
/* Stops the thread (a transfer under way is cancelled) and frees f.
 * Accepts NULL. */
void app_fleet_free(app_fleet *f);
/* The URL f fetches (borrowed). */
const char *app_fleet_url(const app_fleet *f);

/* A saved announcement (the control server's, kept across restarts in
 * $XDG_STATE_HOME/jobkiosk/announcement.json): data, n bytes of anything,
 * read and checked as the API checks one; path names it in messages.
 * 0 and *out; JK_ENOTFOUND when it has ended by now; JK_EFORMAT with one
 * line. */
int app_announce_read(const char *path, const char *data, size_t n, time_t now, kiosk_announce *out,
                      jk_err *err);

#endif
