/* The whole chain as a booth lives it: the real loop (offscreen driver), the
 * refresh thread, the cache and a real server on 127.0.0.1 that hangs,
 * dies and comes back. The loop must keep its slide deadlines throughout
 * and show the new postings once the server is healthy. */
#include "testutil.h"

#include "httpd.h"
#include "kiosk.h"
#include "sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char PAGE[] =
    "<html><body><h1>Boat Builder</h1><h2>The work</h2><p>Build wooden boats by hand in our "
    "yard by the harbour.</p><p><a href=\"https://yard.example.org/apply\">Apply now</a></p>"
    "</body></html>";

static atomic_int mode; /* 0 drip (hangs), 1 healthy */

static void handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	(void)req, (void)ud;
	r->body = PAGE;
	r->len = sizeof PAGE - 1;
	if (atomic_load(&mode) == 0) {
		r->mode = HTTPD_DRIP;
		r->drip_ms = 1000;
	}
}

typedef struct glue {
	source_list sources;
	store_cache *cache;
	sources_worker *worker;
	int boat_shown;
	int waiting_shown;
	bool boat_in_deck; /* after the run: the deck holds the fetched posting */
	double t0;
} glue;

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int reload(void *ud, posting_list *out, jk_err *err)
{
	glue *g = ud;
	sources_load(&g->sources, g->cache, out, NULL, NULL);
	return out->n ? 0 : jk_fail(err, JK_EEMPTY, "nothing yet");
}

static void status(void *ud, kiosk_status *st)
{
	glue *g = ud;
	sources_status ss;
	sources_worker_status(g->worker, &ss);
	st->stale = ss.failing > 0;
	st->updated_at = ss.oldest_ok;
	snprintf(st->waiting, sizeof st->waiting, "Trying to reach %zu source(s)", ss.total);
}

static void on_show(void *ud, const kiosk_state *st)
{
	glue *g = ud;
	if (st->waiting)
		g->waiting_shown++;
	if (st->item && st->item->title && !strcmp(st->item->title, "Boat Builder"))
		g->boat_shown++;
}

/* After a second of hanging fetches the server heals, and the organiser
 * presses r (a kick). */
static void *healer(void *ud)
{
	glue *g = ud;
	usleep(1000000);
	atomic_store(&mode, 1);
	sources_worker_kick(g->worker);
	return NULL;
}

static void notify(void *ud)
{
	(void)ud;
	kiosk_notify_reload();
}

static void run_booth(bool with_local, kiosk_stats *stats, glue *g)
{
	atomic_store(&mode, 0);
	httpd *srv = httpd_start(handler, NULL, 50);
	const char *dir = tu_tmpdir();
	memset(g, 0, sizeof *g);
	assert_int_equal(store_cache_open(dir, 0, &g->cache, NULL), 0);
	sources_add(&g->sources, httpd_url(srv, "/boat"), NULL);
	if (with_local)
		sources_add(&g->sources, tu_root("samples"), NULL);
	sources_fetch_opts fo = {.cache = g->cache,
	                         .limits = {.low_speed_bytes = 100, .low_speed_seconds = 2}};
	assert_int_equal(
	    sources_worker_start(&g->sources, &fo, 900, notify, NULL, &g->worker, NULL), 0);
	posting_list list;
	posting_list_init(&list);
	sources_load(&g->sources, g->cache, &list, NULL, NULL);
	kiosk_opts ko = {.win_w = 640,
	                 .win_h = 360,
	                 .slide_seconds = 0.4,
	                 .fade_ms = 100,
	                 .max_seconds = 6.0,
	                 .on_show = on_show,
	                 .hook_ud = g,
	                 .status = status,
	                 .status_ud = g};
	g->t0 = now_s();
	pthread_t th;
	pthread_create(&th, NULL, healer, g);
	jk_err err = {0};
	int r = kiosk_run(&list, &ko, reload, g, stats, &err);
	pthread_join(th, NULL);
	if (r)
		fail_msg("kiosk_run: %s", err.msg);
	sources_worker_stop(g->worker);
	for (size_t i = 0; i < list.n; i++)
		g->boat_in_deck |=
		    list.items[i]->title && !strcmp(list.items[i]->title, "Boat Builder");
	posting_list_free(&list);
	httpd_stop(srv);
	sources_free(&g->sources);
	store_cache_close(g->cache);
	tu_rmtree(dir);
}

/* Nothing cached, the server hangs: a waiting screen (never black), then
 * the posting once the server heals. */
static void test_waiting_then_recovers(void **state)
{
	(void)state;
	kiosk_stats st = {0};
	glue g;
	run_booth(false, &st, &g);
	assert_true(g.waiting_shown >= 1);
	assert_true(st.waiting_composes >= 1);
	assert_true(g.boat_shown >= 1);
}

/* Local postings on screen while the network source hangs: slides keep
 * changing on time (0.4 s slides for 6 s), and the new posting swaps in. */
static void test_deadlines_while_fetch_hangs(void **state)
{
	(void)state;
	kiosk_stats st = {0};
	glue g;
	run_booth(true, &st, &g);
	/* 6 s / (0.4 s + 0.1 s fade) is about 12; allow slack for sanitizers. */
	assert_true(st.shown >= 8);
	assert_true(g.boat_in_deck); /* swapped in; shown when its turn comes */
	assert_int_equal(g.waiting_shown, 0);
	assert_true(st.reloads >= 1);
}

int main(void)
{
	jk_err err = {0};
	if (fetch_global_init(&err))
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_waiting_then_recovers),
	    cmocka_unit_test(test_deadlines_while_fetch_hangs),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	fetch_global_cleanup();
	return r;
}
