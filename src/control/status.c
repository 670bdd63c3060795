/* status.c — GET /api/status: the published snapshot as the JSON of the
 * API contract (null where a value is absent, never a made-up one). */
#include "internal.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *time_or_null(int64_t t)
{
	return t ? cJSON_CreateNumber((double)t) : cJSON_CreateNull();
}

static void add(cJSON *o, const char *name, cJSON *v)
{
	if (!cJSON_AddItemToObject(o, name, v))
		cJSON_Delete(v);
}

static cJSON *showing(const control_snapshot *s)
{
	cJSON *o = cJSON_CreateObject();
	bool posting = s->posting_id && !s->waiting && !s->overview;
	add(o, "kind",
	    cJSON_CreateString(s->waiting    ? "waiting"
	                       : s->overview ? "overview"
	                       : posting     ? "posting"
	                                     : "waiting"));
	add(o, "id", str_or_null(posting ? s->posting_id : NULL));
	add(o, "title", str_or_null(posting ? s->title : NULL));
	add(o, "page", cJSON_CreateNumber((double)s->page + 1));
	add(o, "pages", cJSON_CreateNumber((double)s->npages));
	add(o, "paused", cJSON_CreateBool(s->paused));
	return o;
}

static cJSON *deck(const control_snapshot *s)
{
	cJSON *o = cJSON_CreateObject();
	add(o, "size", cJSON_CreateNumber((double)s->npostings));
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; a && i < s->npostings; i++) {
		cJSON *p = cJSON_CreateObject();
		add(p, "id", str_or_null(s->postings[i].id));
		add(p, "title", str_or_null(s->postings[i].title));
		if (!cJSON_AddItemToArray(a, p))
			cJSON_Delete(p);
	}
	add(o, "postings", a);
	return o;
}

static cJSON *sources(const control_snapshot *s)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; a && i < s->nsources; i++) {
		const control_source *src = &s->sources[i];
		cJSON *o = cJSON_CreateObject();
		add(o, "spec", str_or_null(src->spec));
		add(o, "state", cJSON_CreateString(src->state ? src->state : "never"));
		add(o, "last_ok", time_or_null(src->last_ok));
		add(o, "error", str_or_null(src->error));
		if (!cJSON_AddItemToArray(a, o))
			cJSON_Delete(o);
	}
	return a;
}

char *ctl_status_json(const control_server *srv, const control_snapshot *s, int64_t now)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	add(o, "version", cJSON_CreateString(srv->version));
	add(o, "screen", str_or_null(s->screen));
	add(o, "started", time_or_null(s->started));
	add(o, "uptime_s",
	    cJSON_CreateNumber(s->started && now > s->started ? (double)(now - s->started) : 0));
	add(o, "showing", showing(s));
	add(o, "deck", deck(s));
	cJSON *d = cJSON_CreateObject();
	add(d, "on", cJSON_CreateBool(s->display_on));
	add(d, "next_change", time_or_null(s->next_change));
	add(d, "next_on", cJSON_CreateBool(s->next_on));
	add(o, "display", d);
	add(o, "sources", sources(s));
	add(o, "cache_bytes", cJSON_CreateNumber((double)s->cache_bytes));
	if (s->has_announce) {
		cJSON *a = cJSON_CreateObject();
		add(a, "text", cJSON_CreateString(s->announce.text));
		add(a, "level",
		    cJSON_CreateString(s->announce.level == CONTROL_URGENT ? "urgent" : "info"));
		add(a, "until", cJSON_CreateNumber((double)s->announce.until));
		add(o, "announcement", a);
	} else {
		add(o, "announcement", cJSON_CreateNull());
	}
	char *text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	return text;
}
