/* sources_worker.c — the refresh thread. It owns copies of the network
 * sources; the loop only reads a status snapshot under the lock. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct sources_worker {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	source_list list;
	sources_fetch_opts opts;
	long interval_s;
	sources_notify_fn notify;
	void *ud;
	bool stop, kicked;
	bool cache_failing;   /* a cache write failed and was logged */
	uint64_t cache_bytes; /* after the last pass */
	atomic_bool cancel;
	unsigned rng;
};

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static double rnd(sources_worker *w)
{
	w->rng = w->rng * 1103515245u + 12345u;
	return (double)((w->rng >> 8) & 0xFFFF) / 65536.0;
}

/* One log line per change of state, never one per refresh: a booth left
 * alone for days with a dead network or a read-only card must not fill the
 * journal. A source that starts failing, and the first good refresh after;
 * a cache that stops taking writes (a good response that could not be
 * kept: sources_refresh leaves last_error set), and the first write after. */
static void log_change(sources_worker *w, const source *s, refresh_outcome out, int had_failures)
{
	if (out == REFRESH_FAILED) {
		if (s->failures == 1)
			jk_log(JK_LOG_WARN, "sources", "%s: %s; showing what is cached, retrying",
			       s->spec, s->last_error);
		return;
	}
	if (had_failures)
		jk_log(JK_LOG_INFO, "sources", "%s: reachable again", s->spec);
	if (s->last_error[0] && !w->cache_failing) {
		w->cache_failing = true;
		jk_log(JK_LOG_WARN, "sources", "%s: %s; showing what is cached", s->spec,
		       s->last_error);
	} else if (!s->last_error[0] && out == REFRESH_OK && w->cache_failing) {
		w->cache_failing = false;
		jk_log(JK_LOG_INFO, "sources", "cache %s: writable again",
		       store_cache_dir(w->opts.cache));
	}
}

static void *run(void *arg)
{
	sources_worker *w = arg;
	pthread_mutex_lock(&w->mu);
	while (!w->stop) {
		int64_t now = now_ms(), due = INT64_MAX;
		for (size_t i = 0; i < w->list.n; i++)
			if (w->list.v[i].next_due_ms < due)
				due = w->list.v[i].next_due_ms;
		if (due > now && !w->kicked) {
			/* CLOCK_MONOTONIC waits: a wall-clock jump changes nothing. */
			int64_t at = due == INT64_MAX ? now + 3600000 : due;
			struct timespec ts = {.tv_sec = at / 1000,
			                      .tv_nsec = (at % 1000) * 1000000};
			pthread_cond_timedwait(&w->cv, &w->mu, &ts);
			continue;
		}
		if (w->kicked) {
			for (size_t i = 0; i < w->list.n; i++)
				w->list.v[i].next_due_ms = now;
			w->kicked = false;
		}
		for (size_t i = 0; i < w->list.n && !w->stop; i++) {
			source *s = &w->list.v[i];
			if (s->next_due_ms > now_ms())
				continue;
			source copy = *s;
			pthread_mutex_unlock(&w->mu);
			refresh_outcome out = sources_refresh(&copy, &w->opts, NULL);
			pthread_mutex_lock(&w->mu);
			int had = s->failures;
			*s = copy;
			if (out <= REFRESH_FAILED)
				s->refreshes[out]++;
			log_change(w, s, out, had);
			bool ok = out != REFRESH_FAILED;
			s->next_due_ms =
			    now_ms() + sources_next_delay_ms(s, ok, s->max_age, s->retry_after,
			                                     w->interval_s, rnd(w));
			/* Only new content is worth a reload; the loop polls the
			 * status (failing, stale) on its own. */
			if (out == REFRESH_OK && w->notify && !w->stop) {
				pthread_mutex_unlock(&w->mu);
				w->notify(w->ud);
				pthread_mutex_lock(&w->mu);
			}
		}
		/* The folder is read off the lock; the loop only copies the
		 * figure. */
		pthread_mutex_unlock(&w->mu);
		uint64_t bytes = store_cache_bytes(w->opts.cache);
		pthread_mutex_lock(&w->mu);
		w->cache_bytes = bytes;
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

int sources_worker_start(const source_list *l, const sources_fetch_opts *o, long interval_s,
                         sources_notify_fn notify, void *ud, sources_worker **out, jk_err *err)
{
	*out = NULL;
	sources_worker *w = calloc(1, sizeof *w);
	if (!w)
		return jk_fail(err, JK_ENOMEM, "out of memory");
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].kind == SOURCE_PATH)
			continue;
		if (sources_push_copy(&w->list, &l->v[i])) {
			sources_free(&w->list);
			free(w);
			return jk_fail(err, JK_ENOMEM, "out of memory");
		}
	}
	if (!w->list.n) {
		free(w);
		return JK_OK;
	}
	w->opts = *o;
	w->opts.limits.cancel = &w->cancel;
	w->interval_s = interval_s > 0 ? interval_s : 900;
	w->notify = notify;
	w->ud = ud;
	w->rng = (unsigned)time(NULL) ^ (unsigned)(uintptr_t)w;
	int64_t now = now_ms();
	for (size_t i = 0; i < w->list.n; i++)
		w->list.v[i].next_due_ms = now + (int64_t)(rnd(w) * 3000);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&w->cv, &ca);
	pthread_condattr_destroy(&ca);
	pthread_mutex_init(&w->mu, NULL);
	if (pthread_create(&w->th, NULL, run, w)) {
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mu);
		sources_free(&w->list);
		free(w);
		return jk_fail(err, JK_ENOMEM, "cannot start the refresh thread");
	}
	*out = w;
	return JK_OK;
}

void sources_worker_kick(sources_worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->kicked = true;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

void sources_worker_status(sources_worker *w, sources_status *st)
{
	memset(st, 0, sizeof *st);
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	for (size_t i = 0; i < w->list.n; i++) {
		const source *s = &w->list.v[i];
		st->total++;
		if (s->state == SOURCE_FAILED) {
			if (!st->failing++)
				snprintf(st->first_failing, sizeof st->first_failing, "%s: %s",
				         s->spec, s->last_error);
		}
		if (!s->last_ok)
			st->never_ok++;
		else if (!st->oldest_ok || s->last_ok < st->oldest_ok)
			st->oldest_ok = s->last_ok;
	}
	st->cache_bytes = w->cache_bytes;
	pthread_mutex_unlock(&w->mu);
}

int sources_worker_sources(sources_worker *w, source_list *out, jk_err *err)
{
	memset(out, 0, sizeof *out);
	if (!w)
		return JK_OK;
	int r = JK_OK;
	pthread_mutex_lock(&w->mu);
	for (size_t i = 0; !r && i < w->list.n; i++) {
		const source *s = &w->list.v[i];
		source shown = {.kind = s->kind, .spec = s->spec, .url = s->url};
		r = sources_push_copy(out, &shown);
		if (r)
			break;
		source *c = &out->v[out->n - 1];
		c->state = s->state;
		c->failures = s->failures;
		c->last_ok = s->last_ok;
		memcpy(c->last_error, s->last_error, sizeof c->last_error);
		memcpy(c->refreshes, s->refreshes, sizeof c->refreshes);
	}
	pthread_mutex_unlock(&w->mu);
	if (r) {
		sources_free(out);
		return jk_fail(err, JK_ENOMEM, "out of memory");
	}
	return JK_OK;
}

void sources_worker_stop(sources_worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->stop = true;
	atomic_store(&w->cancel, true);
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->th, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mu);
	sources_free(&w->list);
	free(w);
}
