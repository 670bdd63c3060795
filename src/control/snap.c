/* snap.c — the published snapshot: control_publish swaps in a new one
 * under the lock; a request holds a reference to the one it renders from
 * (ctl_snap_get/put), so the loop never waits on a slow client. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

const double control_frame_le_ms[CONTROL_FRAME_BUCKETS - 1] = {2, 5, 10, 16, 33, 50, 100, 250};

void control_snapshot_free(control_snapshot *s)
{
	if (!s)
		return;
	free(s->screen);
	free(s->posting_id);
	free(s->title);
	for (size_t i = 0; i < s->npostings; i++) {
		free(s->postings[i].id);
		free(s->postings[i].title);
	}
	free(s->postings);
	for (size_t i = 0; i < s->nsources; i++) {
		free(s->sources[i].spec);
		free(s->sources[i].state);
		free(s->sources[i].error);
	}
	free(s->sources);
	memset(s, 0, sizeof *s);
}

ctl_snap *ctl_snap_get(control_server *srv)
{
	pthread_mutex_lock(&srv->snap_lock);
	ctl_snap *sn = srv->snap;
	if (sn)
		atomic_fetch_add(&sn->refs, 1);
	pthread_mutex_unlock(&srv->snap_lock);
	return sn;
}

void ctl_snap_put(ctl_snap *sn)
{
	if (sn && atomic_fetch_sub(&sn->refs, 1) == 1) {
		control_snapshot_free(&sn->s);
		free(sn);
	}
}

void control_publish(control_server *srv, control_snapshot *s)
{
	if (!s)
		return;
	if (!srv) { /* no server: the snapshot is taken and dropped all the same */
		control_snapshot_free(s);
		return;
	}
	ctl_snap *sn = calloc(1, sizeof *sn);
	if (!sn) { /* keep the last one; this one is lost */
		control_snapshot_free(s);
		return;
	}
	atomic_init(&sn->refs, 1);
	sn->s = *s;
	memset(s, 0, sizeof *s);
	pthread_mutex_lock(&srv->snap_lock);
	ctl_snap *old = srv->snap;
	srv->snap = sn;
	pthread_mutex_unlock(&srv->snap_lock);
	ctl_snap_put(old);
}
