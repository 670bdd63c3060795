/* api.c — the routes of the control API (docs: the API table) and their
 * answers: the page, status, screenshot, the commands, the announcement
 * and the metrics. Every answer goes through ctl_reply, which adds the
 * headers each one carries and counts its code. */
#include "internal.h"

#include "render.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const unsigned ctl_codes[CTL_CODES] = {200, 400, 401, 404, 405, 413, 429, 500, 503, 0};

/* The page may run its own inline script and style and nothing from
 * elsewhere; it talks only to this server. */
#define PAGE_CSP                                                                                   \
	"default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' "                 \
	"'unsafe-inline'; "                                                                        \
	"img-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri "              \
	"'none'; "                                                                                 \
	"form-action 'none'"

static enum MHD_Result answer(control_server *srv, struct MHD_Connection *c, unsigned status,
                              const char *ctype, const void *body, size_t len, const char *allow,
                              bool page)
{
	size_t i = 0;
	while (i < CTL_CODES - 1 && ctl_codes[i] != status)
		i++;
	atomic_fetch_add(&srv->codes[i], 1);
	const ctl_mhd_fns *mhd = ctl_mhd();
	struct MHD_Response *r =
	    mhd->create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	mhd->add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	mhd->add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	mhd->add_response_header(r, "X-Content-Type-Options", "nosniff");
	mhd->add_response_header(r, "Referrer-Policy", "no-referrer");
	if (page)
		mhd->add_response_header(r, "Content-Security-Policy", PAGE_CSP);
	if (allow)
		mhd->add_response_header(r, MHD_HTTP_HEADER_ALLOW, allow);
	if (status == MHD_HTTP_UNAUTHORIZED)
		mhd->add_response_header(r, MHD_HTTP_HEADER_WWW_AUTHENTICATE, "Bearer");
	if (status == MHD_HTTP_TOO_MANY_REQUESTS)
		mhd->add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, "60");
	enum MHD_Result ok = mhd->queue_response(c, status, r);
	mhd->destroy_response(r);
	return ok;
}

enum MHD_Result ctl_reply(control_server *srv, struct MHD_Connection *c, unsigned status,
                          const char *ctype, const void *body, size_t len)
{
	return answer(srv, c, status, ctype, body, len, NULL, false);
}

enum MHD_Result ctl_error_allow(control_server *srv, struct MHD_Connection *c, unsigned status,
                                const char *msg, const char *allow)
{
	enum MHD_Result ok = MHD_NO;
	cJSON *o = cJSON_CreateObject();
	char line[256];
	snprintf(line, sizeof line, "%s", msg);
	jk_one_line(line);
	char *text =
	    o && cJSON_AddStringToObject(o, "error", line) ? cJSON_PrintUnformatted(o) : NULL;
	if (text)
		ok = answer(srv, c, status, "application/json", text, strlen(text), allow, false);
	cJSON_free(text);
	cJSON_Delete(o);
	return ok;
}

enum MHD_Result ctl_error(control_server *srv, struct MHD_Connection *c, unsigned status,
                          const char *msg)
{
	return ctl_error_allow(srv, c, status, msg, NULL);
}

static enum MHD_Result reply_json(control_server *srv, struct MHD_Connection *c, char *text)
{
	if (!text)
		return ctl_error(srv, c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
	enum MHD_Result ok = ctl_reply(srv, c, MHD_HTTP_OK, "application/json", text, strlen(text));
	free(text);
	return ok;
}

static enum MHD_Result ok_reply(control_server *srv, struct MHD_Connection *c)
{
	static const char ok[] = "{\"ok\":true}";
	return ctl_reply(srv, c, MHD_HTTP_OK, "application/json", ok, sizeof ok - 1);
}

/* ---- handlers -------------------------------------------------------------- */

static enum MHD_Result get_page(control_server *srv, struct MHD_Connection *c, const char *body,
                                size_t len)
{
	size_t n;
	const char *html = control_page(&n);
	return answer(srv, c, MHD_HTTP_OK, "text/html; charset=utf-8", html, n, NULL, true);
}

static enum MHD_Result get_status(control_server *srv, struct MHD_Connection *c, const char *body,
                                  size_t len)
{
	ctl_snap *sn = ctl_snap_get(srv);
	if (!sn)
		return ctl_error(srv, c, MHD_HTTP_SERVICE_UNAVAILABLE,
		                 "the kiosk has not published its state yet");
	char *text = ctl_status_json(srv, &sn->s, (int64_t)time(NULL));
	ctl_snap_put(sn);
	return reply_json(srv, c, text);
}

static enum MHD_Result get_metrics(control_server *srv, struct MHD_Connection *c, const char *body,
                                   size_t len)
{
	ctl_snap *sn = ctl_snap_get(srv);
	size_t n = 0;
	char *text = ctl_metrics_text(srv, sn ? &sn->s : NULL, &n);
	ctl_snap_put(sn);
	if (!text)
		return ctl_error(srv, c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
	enum MHD_Result ok =
	    ctl_reply(srv, c, MHD_HTTP_OK, "text/plain; version=0.0.4; charset=utf-8", text, n);
	free(text);
	return ok;
}

static enum MHD_Result get_screenshot(control_server *srv, struct MHD_Connection *c,
                                      const char *body, size_t len)
{
	if (!srv->screenshot)
		return ctl_error(srv, c, MHD_HTTP_SERVICE_UNAVAILABLE, "no screen to copy");
	/* A second one waits for nobody: it would hold a polling thread. */
	if (pthread_mutex_trylock(&srv->shot_lock))
		return ctl_error(srv, c, MHD_HTTP_SERVICE_UNAVAILABLE,
		                 "a screenshot is being taken; try again");
	control_image img = {0};
	int r = srv->screenshot(srv->ud, &img, CTL_SHOT_MS);
	unsigned char *png = NULL;
	size_t n = 0;
	jk_err err = {0};
	if (!r)
		r = render_png_encode(img.pixels, img.w, img.h, img.pitch, &png, &n, &err);
	else
		jk_fail(&err, r, "the screen did not answer within %d ms", CTL_SHOT_MS);
	free(img.pixels);
	pthread_mutex_unlock(&srv->shot_lock);
	if (r) {
		jk_log(JK_LOG_WARN, "control", "screenshot: %s", err.msg);
		return ctl_error(srv, c, MHD_HTTP_SERVICE_UNAVAILABLE, err.msg);
	}
	enum MHD_Result ok = ctl_reply(srv, c, MHD_HTTP_OK, "image/png", png, n);
	free(png);
	return ok;
}

/* Hands cmd to the loop: true when taken; else the error is queued and
 * *res holds what MHD_queue_response said. */
static bool taken(control_server *srv, struct MHD_Connection *c, const control_cmd *cmd,
                  enum MHD_Result *res)
{
	int r = srv->command ? srv->command(srv->ud, cmd) : JK_EBUSY;
	if (!r)
		return true;
	if (r == JK_EBUSY)
		*res = ctl_error(srv, c, MHD_HTTP_SERVICE_UNAVAILABLE,
		                 "the kiosk is busy; try again in a moment");
	else
		*res = ctl_error(srv, c, MHD_HTTP_INTERNAL_SERVER_ERROR,
		                 "the kiosk refused the command");
	return false;
}

static enum MHD_Result post_command(control_server *srv, struct MHD_Connection *c,
                                    control_cmd_kind kind, const char *body, size_t len)
{
	jk_err err = {0};
	if (ctl_parse_empty(body, len, &err))
		return ctl_error(srv, c, MHD_HTTP_BAD_REQUEST, err.msg);
	control_cmd cmd = {.kind = kind};
	enum MHD_Result res;
	return taken(srv, c, &cmd, &res) ? ok_reply(srv, c) : res;
}

#define COMMAND(name, kind)                                                                        \
	static enum MHD_Result name(control_server *srv, struct MHD_Connection *c,                 \
	                            const char *body, size_t len)                                  \
	{                                                                                          \
		return post_command(srv, c, kind, body, len);                                      \
	}
COMMAND(post_next, CONTROL_NEXT)
COMMAND(post_prev, CONTROL_PREV)
COMMAND(post_pause, CONTROL_PAUSE)
COMMAND(post_resume, CONTROL_RESUME)
COMMAND(post_reload, CONTROL_RELOAD)
COMMAND(delete_announce, CONTROL_UNANNOUNCE)

static bool known_id(control_server *srv, const char *id)
{
	ctl_snap *sn = ctl_snap_get(srv);
	bool found = false;
	for (size_t i = 0; sn && i < sn->s.npostings && !found; i++)
		found = sn->s.postings[i].id && !strcmp(sn->s.postings[i].id, id);
	ctl_snap_put(sn);
	return found;
}

static enum MHD_Result post_goto(control_server *srv, struct MHD_Connection *c, const char *body,
                                 size_t len)
{
	control_cmd cmd = {.kind = CONTROL_GOTO};
	jk_err err = {0};
	if (control_parse_goto(body, len, cmd.id, &err))
		return ctl_error(srv, c, MHD_HTTP_BAD_REQUEST, err.msg);
	if (!known_id(srv, cmd.id))
		return ctl_error(srv, c, MHD_HTTP_NOT_FOUND,
		                 "no posting with this id on the screen");
	enum MHD_Result res;
	return taken(srv, c, &cmd, &res) ? ok_reply(srv, c) : res;
}

static enum MHD_Result post_announce(control_server *srv, struct MHD_Connection *c,
                                     const char *body, size_t len)
{
	control_cmd cmd = {.kind = CONTROL_ANNOUNCE};
	jk_err err = {0};
	if (control_parse_announce(body, len, (int64_t)time(NULL), &cmd.announce, &err))
		return ctl_error(srv, c, MHD_HTTP_BAD_REQUEST, err.msg);
	enum MHD_Result res;
	if (!taken(srv, c, &cmd, &res))
		return res;
	char text[64];
	snprintf(text, sizeof text, "{\"ok\":true,\"until\":%lld}", (long long)cmd.announce.until);
	return ctl_reply(srv, c, MHD_HTTP_OK, "application/json", text, strlen(text));
}

/* ---- the table -------------------------------------------------------------- */

static const ctl_route routes[] = {
    {"/", "GET", get_page, true, false},
    {"/api/status", "GET", get_status, false, false},
    {"/api/screenshot.png", "GET", get_screenshot, false, false},
    {"/api/next", "POST", post_next, false, false},
    {"/api/prev", "POST", post_prev, false, false},
    {"/api/pause", "POST", post_pause, false, false},
    {"/api/resume", "POST", post_resume, false, false},
    {"/api/reload", "POST", post_reload, false, false},
    {"/api/goto", "POST", post_goto, false, false},
    {"/api/announce", "POST", post_announce, false, false},
    {"/api/announce", "DELETE", delete_announce, false, false},
    {"/metrics", "GET", get_metrics, false, true},
};

const ctl_route *ctl_route_find(const char *path, const char *method, bool *path_known, char *allow,
                                size_t cap)
{
	*path_known = false;
	allow[0] = 0;
	/* Exact paths only: "/../", "//api/status" and the like match none. */
	for (size_t i = 0; i < JK_ARRAY_LEN(routes); i++) {
		if (strcmp(routes[i].path, path))
			continue;
		if (!strcmp(routes[i].method, method))
			return &routes[i];
		size_t n = strlen(allow);
		snprintf(allow + n, cap - n, "%s%s", n ? ", " : "", routes[i].method);
		*path_known = true;
	}
	return NULL;
}
