/* control.c — the control server (control.h) wired to the loop: its
 * settings checked, commands handed to kiosk_command(), screenshots taken
 * with kiosk_screenshot(), a snapshot published from the loop's publish
 * hook, and the announcement kept in the state folder across restarts. */
#include "internal.h"

#include "control.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SAVED_MAX 4096 /* the saved announcement file */

_Static_assert(KIOSK_FRAME_BUCKETS == CONTROL_FRAME_BUCKETS, "one set of frame buckets");
_Static_assert(KIOSK_ANNOUNCE_MAX == CONTROL_ANNOUNCE_MAX, "one announcement size");

static control_opts opts_of(const config *c)
{
	return (control_opts){.listen = c->control_listen,
	                      .token = c->control_token,
	                      .metrics_public = c->metrics_public,
	                      .cert = c->control_cert,
	                      .key = c->control_key,
	                      .version = JOBKIOSK_VERSION};
}

int app_control_check(const config *c, jk_err *err)
{
	if (!c->control_listen) {
		if (c->control_cert || c->control_key || c->control_token)
			jk_log(JK_LOG_WARN, "app",
			       "control_token, control_cert and control_key do nothing without "
			       "control_listen");
		return JK_OK;
	}
	control_opts o = opts_of(c);
	return control_check(&o, err);
}

/* ---- the saved announcement ----------------------------------------------- */

/* $XDG_STATE_HOME/jobkiosk/announcement.json (the service sets it to its
 * StateDirectory), else ~/.local/state/jobkiosk/…; false: nowhere. */
static bool saved_path(char *out, size_t cap, bool make)
{
	const char *st = getenv("XDG_STATE_HOME");
	char dir[4096];
	if (st && st[0] == '/') {
		if ((size_t)snprintf(dir, sizeof dir, "%s/jobkiosk", st) >= sizeof dir)
			return false;
	} else {
		const char *home = getenv("HOME");
		if (!home || home[0] != '/' ||
		    (size_t)snprintf(dir, sizeof dir, "%s/.local/state/jobkiosk", home) >=
		        sizeof dir)
			return false;
		if (make) {
			char up[4096];
			snprintf(up, sizeof up, "%s/.local", home);
			mkdir(up, 0700);
			snprintf(up, sizeof up, "%s/.local/state", home);
			mkdir(up, 0700);
		}
	}
	if (make && mkdir(dir, 0700) != 0 && errno != EEXIST)
		return false;
	return (size_t)snprintf(out, cap, "%s/announcement.json", dir) < cap;
}

/* Written whole or not at all: a temp file renamed over the old one. */
static void save_announce(const kiosk_announce *an)
{
	char path[4200], tmp[4300];
	if (!saved_path(path, sizeof path, true)) {
		jk_log(JK_LOG_WARN, "app",
		       "announcement: no state folder; it will not outlast a "
		       "restart");
		return;
	}
	if (!an) {
		if (unlink(path) != 0 && errno != ENOENT)
			jk_log(JK_LOG_WARN, "app", "announcement: cannot remove %s: %s", path,
			       strerror(errno));
		return;
	}
	cJSON *o = cJSON_CreateObject();
	char *text = NULL;
	if (o && cJSON_AddStringToObject(o, "text", an->text) &&
	    cJSON_AddStringToObject(o, "level", an->urgent ? "urgent" : "info") &&
	    cJSON_AddNumberToObject(o, "until", (double)an->until))
		text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	int fd = text ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
	size_t n = text ? strlen(text) : 0;
	bool ok = fd >= 0 && write(fd, text, n) == (ssize_t)n && fsync(fd) == 0;
	if (fd >= 0 && close(fd) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		jk_log(JK_LOG_WARN, "app", "announcement: cannot write %s: %s", path,
		       text ? strerror(errno) : "out of memory");
		unlink(tmp);
	}
	free(text);
}

int app_announce_read(const char *path, const char *data, size_t n, time_t now, kiosk_announce *out,
                      jk_err *err)
{
	memset(out, 0, sizeof *out);
	cJSON *o = n < SAVED_MAX ? cJSON_ParseWithLength(data, n) : NULL;
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "text");
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(o, "level");
	const cJSON *u = cJSON_GetObjectItemCaseSensitive(o, "until");
	int r = JK_OK;
	control_announce an;
	jk_err why = {0};
	if (!o)
		r = jk_fail(err, JK_EFORMAT, "%s: not a saved announcement (%s)", path,
		            n >= SAVED_MAX ? "too big" : "not JSON");
	else if (!cJSON_IsString(t) || !cJSON_IsString(l) || !cJSON_IsNumber(u))
		r = jk_fail(err, JK_EFORMAT, "%s: not a saved announcement (text, level, until)",
		            path);
	else if (control_announce_text(t->valuestring, strlen(t->valuestring), &an, &why))
		r = jk_fail(err, JK_EFORMAT, "%s: %s", path, why.msg);
	else if (strcmp(l->valuestring, "info") && strcmp(l->valuestring, "urgent"))
		r = jk_fail(err, JK_EFORMAT, "%s: level is neither info nor urgent", path);
	else if (!(u->valuedouble > (double)now && u->valuedouble < (double)now + 3.2e7))
		r = JK_ENOTFOUND; /* ended (or absurd): nothing to show */
	if (!r) {
		memcpy(out->text, an.text, sizeof out->text);
		out->urgent = !strcmp(l->valuestring, "urgent");
		out->until = (int64_t)u->valuedouble;
	}
	cJSON_Delete(o);
	return r;
}

static void load_announce(kiosk_announce *out)
{
	char path[4200];
	memset(out, 0, sizeof *out);
	if (!saved_path(path, sizeof path, false))
		return;
	char *data = NULL;
	size_t n = 0;
	jk_err err = {0};
	int r = jk_read_file(path, SAVED_MAX, &data, &n, &err);
	if (r == JK_OK)
		r = app_announce_read(path, data, n, time(NULL), out, &err);
	else if (access(path, F_OK) != 0)
		r = JK_ENOTFOUND;
	if (r && r != JK_ENOTFOUND)
		jk_log(JK_LOG_WARN, "app", "%s; no announcement", err.msg);
	else if (!r)
		jk_log(JK_LOG_INFO, "app", "announcement from %s, until %lld", path,
		       (long long)out->until);
	free(data);
}

/* ---- the server's callbacks (its thread) ---------------------------------- */

static int on_command(void *ud, const control_cmd *c)
{
	(void)ud;
	kiosk_cmd k = {0};
	static const kiosk_cmd_kind kinds[] = {
	    [CONTROL_NEXT] = KIOSK_CMD_NEXT,         [CONTROL_PREV] = KIOSK_CMD_PREV,
	    [CONTROL_PAUSE] = KIOSK_CMD_PAUSE,       [CONTROL_RESUME] = KIOSK_CMD_RESUME,
	    [CONTROL_RELOAD] = KIOSK_CMD_RELOAD,     [CONTROL_GOTO] = KIOSK_CMD_GOTO,
	    [CONTROL_ANNOUNCE] = KIOSK_CMD_ANNOUNCE, [CONTROL_UNANNOUNCE] = KIOSK_CMD_UNANNOUNCE,
	};
	if ((size_t)c->kind >= JK_ARRAY_LEN(kinds))
		return JK_EARG;
	/* A reload is SIGHUP's: settings and sources read again, swapped in
	 * at the next slide change (at once on the waiting screen). */
	if (c->kind == CONTROL_RELOAD) {
		app_notify_reconfig();
		return JK_OK;
	}
	k.kind = kinds[c->kind];
	snprintf(k.id, sizeof k.id, "%s", c->id);
	memcpy(k.announce.text, c->announce.text, sizeof k.announce.text);
	k.announce.urgent = c->announce.level == CONTROL_URGENT;
	k.announce.until = c->announce.until;
	int r = kiosk_command(&k);
	if (!r && k.kind == KIOSK_CMD_ANNOUNCE)
		save_announce(&k.announce);
	else if (!r && k.kind == KIOSK_CMD_UNANNOUNCE)
		save_announce(NULL);
	return r;
}

static int on_screenshot(void *ud, control_image *out, unsigned timeout_ms)
{
	(void)ud;
	kiosk_frame f;
	jk_err err = {0};
	int r = kiosk_screenshot(&f, timeout_ms, &err);
	if (r)
		return r;
	*out = (control_image){.pixels = f.pixels, .w = f.w, .h = f.h, .pitch = f.pitch};
	return JK_OK;
}

/* ---- the snapshot (loop thread) ------------------------------------------- */

static char *dup_or_null(const char *s)
{
	return s ? jk_strndup(s, (size_t)-1) : NULL;
}

static const char *state_name(source_state s)
{
	switch (s) {
	case SOURCE_OK:
		return "ok";
	case SOURCE_NOT_MODIFIED:
		return "not-modified";
	case SOURCE_FAILED:
		return "failed";
	case SOURCE_NEVER:
		break;
	}
	return "never";
}

/* Local paths first (always "local"), then the network sources as the
 * worker knows them. */
static void snap_sources(app *a, control_snapshot *s)
{
	source_list net;
	jk_err err = {0};
	if (sources_worker_sources(a->worker, &net, &err))
		net = (source_list){0};
	size_t n = 0;
	for (size_t i = 0; i < a->sources.n; i++)
		n += a->sources.v[i].kind == SOURCE_PATH;
	s->sources = calloc(n + net.n ? n + net.n : 1, sizeof *s->sources);
	if (!s->sources) {
		sources_free(&net);
		return;
	}
	for (size_t i = 0; i < a->sources.n; i++) {
		if (a->sources.v[i].kind != SOURCE_PATH)
			continue;
		control_source *c = &s->sources[s->nsources++];
		c->spec = dup_or_null(a->sources.v[i].spec);
		c->state = dup_or_null("local");
		c->local = true;
	}
	for (size_t i = 0; i < net.n; i++) {
		const source *src = &net.v[i];
		control_source *c = &s->sources[s->nsources++];
		c->spec = dup_or_null(src->spec);
		c->state = dup_or_null(state_name(src->state));
		c->error = src->state == SOURCE_FAILED && src->last_error[0]
		               ? dup_or_null(src->last_error)
		               : NULL;
		c->last_ok = src->last_ok;
		memcpy(c->fetches, src->refreshes, sizeof c->fetches);
	}
	sources_free(&net);
}

static void snap_deck(const kiosk_state *st, control_snapshot *s)
{
	const posting_list *l = st->list;
	if (!l || !l->n)
		return;
	s->postings = calloc(l->n, sizeof *s->postings);
	if (!s->postings)
		return;
	for (size_t i = 0; i < l->n; i++) {
		s->postings[i].id = dup_or_null(l->items[i]->id ? l->items[i]->id : "");
		s->postings[i].title = dup_or_null(l->items[i]->title ? l->items[i]->title : "");
	}
	s->npostings = l->n;
}

static void publish(void *ud, const kiosk_state *st, const kiosk_stats *stats)
{
	app *a = ud;
	if (!a->control)
		return;
	control_snapshot s = {.started = a->started};
	char host[256] = "";
	if (a->cfg.screen_name)
		s.screen = dup_or_null(a->cfg.screen_name);
	else if (gethostname(host, sizeof host - 1) == 0)
		s.screen = dup_or_null(host);
	s.waiting = st->waiting;
	s.overview = !st->waiting && !st->item;
	if (st->item) {
		s.posting_id = dup_or_null(st->item->id);
		s.title = dup_or_null(st->item->title);
	}
	s.page = st->page;
	s.npages = st->npages;
	s.paused = st->paused;
	s.display_on = !st->display_off;
	s.next_change = st->next_change;
	s.next_on = st->next_on;
	snap_deck(st, &s);
	snap_sources(a, &s);
	sources_status ss;
	sources_worker_status(a->worker, &ss);
	s.cache_bytes = ss.cache_bytes;
	s.has_announce = st->has_announce;
	if (st->has_announce) {
		memcpy(s.announce.text, st->announce.text, sizeof s.announce.text);
		s.announce.level = st->announce.urgent ? CONTROL_URGENT : CONTROL_INFO;
		s.announce.until = st->announce.until;
	}
	s.slides_shown = stats->shown;
	uint64_t sum = 0;
	for (size_t i = 0; i < KIOSK_FRAME_BUCKETS; i++) {
		sum += stats->frame_hist[i];
		s.frame_buckets[i] = sum; /* Prometheus counts cumulatively */
	}
	s.frame_count = sum;
	s.frame_ms_sum = stats->frame_ms_sum;
	control_publish(a->control, &s);
	control_snapshot_free(&s);
}

/* A fingerprint of the server's settings, to see a change at SIGHUP. */
static uint64_t control_stamp(const config *c)
{
	const char *v[] = {c->control_listen, c->control_token, c->control_cert, c->control_key};
	uint64_t h = jk_hash64(&c->metrics_public, sizeof c->metrics_public, JK_HASH_SEED);
	for (size_t i = 0; i < JK_ARRAY_LEN(v); i++)
		h = v[i] ? jk_hash64(v[i], strlen(v[i]) + 1, h) : jk_hash64("", 0, h + i);
	return h;
}

void app_control_start(app *a, kiosk_opts *ko)
{
	a->started = (int64_t)time(NULL);
	a->control_stamp = control_stamp(&a->cfg);
	/* Without the server nothing could remove a saved announcement. */
	if (!a->cfg.control_listen)
		return;
	load_announce(&ko->announce);
	control_opts o = opts_of(&a->cfg);
	o.command = on_command;
	o.screenshot = on_screenshot;
	o.ud = a;
	jk_err err = {0};
	/* The slides go on without it: a screen is never dark for a port in
	 * use. */
	if (control_start(&o, &a->control, &err)) {
		jk_log(JK_LOG_ERR, "app", "control server: %s; running without it", err.msg);
		return;
	}
	ko->publish = publish;
}

void app_control_reload(app *a)
{
	if (control_stamp(&a->cfg) != a->control_stamp)
		jk_log(JK_LOG_WARN, "app",
		       "the control server's settings changed: they take effect at the next start");
}

void app_control_stop(app *a)
{
	control_stop(a->control);
	a->control = NULL;
}
