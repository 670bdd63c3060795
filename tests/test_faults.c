/* test_faults.c — what a booth meets when nobody is watching: the display
 * going away and coming back (render device and target resets, the window
 * hidden, shown and resized mid-slideshow), the cache folder turning
 * read-only or full under the refresh thread, and the wall clock jumping
 * back to 1970 and forward by years.
 *
 * Read-only and full are real: the program enters a private mount
 * namespace at start (as root, else as root of a new user namespace) and
 * mounts a small tmpfs for the cache, remounted read-only and filled to
 * ENOSPC. Without namespaces, RLIMIT_FSIZE stands in for "full" and the
 * read-only case runs only when chmod binds (not root).
 *
 * The wall clock is the one thing not changed for real (it is the whole
 * machine's): this program defines clock_gettime() and time(), which every
 * library in it then calls, adding an offset to CLOCK_REALTIME only. The
 * monotonic clocks and the kernel's own timed waits are untouched. */
#include "testutil.h"

#include "deck.h"
#include "httpd.h"
#include "kiosk.h"
#include "layout.h"
#include "schedule.h"
#include "sources.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* ---- the wall clock ---------------------------------------------------- */

static _Atomic long long wall_offset; /* seconds added to CLOCK_REALTIME */

int clock_gettime(clockid_t id, struct timespec *ts)
{
	long r = syscall(SYS_clock_gettime, id, ts);
	if (r == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE))
		ts->tv_sec += (time_t)atomic_load(&wall_offset);
	return (int)r;
}

time_t time(time_t *t)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

static long long real_now(void)
{
	struct timespec ts;
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec;
}

/* Sets the wall clock seen by the program to unix time t. */
static void wall_set(long long t)
{
	atomic_store(&wall_offset, t - real_now());
}

#define YEAR (365LL * 86400)

/* t as the clock can say it: a 32-bit time_t (armhf) stops at its ends,
 * which are past every sample's expiry too. */
static time_t clock_at(int64_t t)
{
	time_t c;
	if (!jk_time_from(t, &c))
		assert_true(jk_time_from(t > 0 ? INT32_MAX : INT32_MIN, &c));
	return c;
}

/* ---- small helpers ----------------------------------------------------- */

/* Waits (bounded) until *v reaches want. */
static bool wait_count(atomic_int *v, int want, int max_ms)
{
	for (int t = 0; t < max_ms && atomic_load(v) < want; t += 10)
		usleep(10000);
	return atomic_load(v) >= want;
}

/* Pixels equal to c, and differing from c, in a 32-bit xRGB picture. */
static void count_px(const void *px, int w, int h, int pitch, uint32_t c, size_t *eq, size_t *ne)
{
	*eq = *ne = 0;
	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++) {
			uint32_t p = *(const uint32_t *)((const char *)px +
			                                 (size_t)y * (size_t)pitch + (size_t)x * 4);
			if ((p & 0xFFFFFFu) == c)
				(*eq)++;
			else
				(*ne)++;
		}
}

static SDL_Window *the_window(void)
{
	for (Uint32 id = 1; id < 4096; id++) {
		SDL_Window *w = SDL_GetWindowFromID(id);
		if (w)
			return w;
	}
	return NULL;
}

static void push(Uint32 type)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = type;
	assert_int_equal(SDL_PushEvent(&e), 1);
}

static void push_window(Uint8 ev, int d1, int d2)
{
	SDL_Event e;
	memset(&e, 0, sizeof e);
	e.type = SDL_WINDOWEVENT;
	e.window.event = ev;
	e.window.windowID = SDL_GetWindowID(the_window());
	e.window.data1 = d1;
	e.window.data2 = d2;
	assert_int_equal(SDL_PushEvent(&e), 1);
}

/* ---- the display going away -------------------------------------------- */

typedef struct display {
	size_t nseen, after;  /* slides shown; shown after the last fault */
	size_t black_frames;  /* composed pages mostly black */
	size_t blank_screens; /* presented screens without ink, after faults */
	int last_w, last_h;   /* the last composed page's size */
	bool saw_800;         /* a page composed for the resized window */
} display;

static void on_show_display(void *ud, const kiosk_state *st)
{
	display *d = ud;
	uint32_t bg = layout_theme_default().bg;
	size_t eq, ne;
	assert_non_null(st->frame);
	count_px(st->frame, st->frame_w, st->frame_h, st->frame_pitch, 0, &eq, &ne);
	if (eq > ne)
		d->black_frames++;
	d->last_w = st->frame_w;
	d->last_h = st->frame_h;
	d->saw_800 |= st->frame_w == 800;
	SDL_Window *w = the_window();
	assert_non_null(w);
	/* What the screen holds now, not only the page in memory. */
	SDL_Surface *s = SDL_GetWindowSurface(w);
	if (s && d->nseen >= 1) {
		count_px(s->pixels, s->w, s->h, s->pitch, bg, &eq, &ne);
		if (ne < (size_t)s->w * (size_t)s->h / 200)
			d->blank_screens++;
	}
	switch (d->nseen++) {
	case 1: /* the display goes away: window hidden, device lost */
		SDL_HideWindow(w);
		push(SDL_RENDER_DEVICE_RESET);
		break;
	case 2:
		push(SDL_RENDER_TARGETS_RESET);
		push_window(SDL_WINDOWEVENT_SIZE_CHANGED, -5, 1 << 30); /* nonsense sizes */
		break;
	case 3: /* it comes back at another size */
		SDL_ShowWindow(w);
		SDL_SetWindowSize(w, 800, 450);
		push(SDL_RENDER_DEVICE_RESET);
		break;
	case 4:
		SDL_MinimizeWindow(w);
		SDL_RestoreWindow(w);
		SDL_SetWindowSize(w, 640, 360);
		push_window(SDL_WINDOWEVENT_EXPOSED, 0, 0);
		break;
	default:
		if (d->nseen > 5)
			d->after++;
		break;
	}
}

static void test_display_reset_hidden_resized(void **state)
{
	(void)state;
	posting_list l;
	tu_make_list(&l, 3);
	display d = {0};
	kiosk_opts o = {.win_w = 640,
	                .win_h = 360,
	                .slide_seconds = 0.15,
	                .fade_ms = 40,
	                .max_seconds = 3.0,
	                .on_show = on_show_display,
	                .hook_ud = &d};
	kiosk_stats st;
	jk_err err = {0};
	if (kiosk_run(&l, &o, NULL, NULL, &st, &err))
		fail_msg("%s", err.msg);
	assert_int_equal(st.resets, 3);
	assert_true(d.saw_800);    /* laid out again for the new size */
	assert_true(d.after >= 3); /* and the slideshow went on */
	assert_int_equal(d.last_w, 640);
	assert_int_equal(d.last_h, 360);
	assert_int_equal(d.black_frames, 0);
	assert_int_equal(d.blank_screens, 0);
	assert_true(st.fade_frames > 0);
	posting_list_free(&l);
}

/* ---- the cache folder read-only or full -------------------------------- */

static bool have_mounts; /* a private mount namespace is ours */

static bool private_mounts(void)
{
	if (unshare(CLONE_NEWNS) != 0) {
		uid_t u = getuid();
		gid_t g = getgid();
		if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
			return false;
		char map[64];
		int fd = open("/proc/self/setgroups", O_WRONLY);
		if (fd >= 0) {
			(void)!write(fd, "deny", 4);
			close(fd);
		}
		snprintf(map, sizeof map, "0 %u 1", (unsigned)u);
		if ((fd = open("/proc/self/uid_map", O_WRONLY)) < 0 ||
		    write(fd, map, strlen(map)) < 0) {
			if (fd >= 0)
				close(fd);
			return false;
		}
		close(fd);
		snprintf(map, sizeof map, "0 %u 1", (unsigned)g);
		if ((fd = open("/proc/self/gid_map", O_WRONLY)) >= 0) {
			(void)!write(fd, map, strlen(map));
			close(fd);
		}
	}
	return mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
}

#define MNT_FLAGS (MS_NOSUID | MS_NODEV)

static atomic_int version; /* the document changes on every request */

static void doc_handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	(void)req, (void)ud;
	static char body[24 * 1024];
	int v = atomic_fetch_add(&version, 1) + 1;
	int n = snprintf(body, sizeof body,
	                 "<html><body><h1>Boat Builder %d</h1><h2>The work</h2><p>Build wooden "
	                 "boats by hand in our yard by the harbour.</p><p><a "
	                 "href=\"https://yard.example.org/apply\">Apply now</a></p><p>",
	                 v);
	/* Some weight, so a small file-size limit is crossed by the entry. */
	while (n < (int)sizeof body - 64)
		n += snprintf(body + n, sizeof body - (size_t)n, "Oak, larch and copper rivets. ");
	n += snprintf(body + n, sizeof body - (size_t)n, "</p></body></html>");
	r->body = body;
	r->len = (size_t)n;
}

static atomic_int notified;

static void on_notify(void *ud)
{
	(void)ud;
	atomic_fetch_add(&notified, 1);
}

static size_t count_lines(const char *log, const char *needle)
{
	size_t n = 0;
	for (const char *p = log; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		if (!needle || strstr(line, needle))
			n++;
		p += len + (e != NULL);
	}
	return n;
}

/* The title the loop's reload would now put on screen (from the cache). */
static void shown_title(const source_list *sl, store_cache *c, char *out, size_t cap)
{
	posting_list l;
	posting_list_init(&l);
	sources_load(sl, c, &l, NULL, NULL);
	snprintf(out, cap, "%s", l.n == 1 && l.items[0]->title ? l.items[0]->title : "(none)");
	posting_list_free(&l);
}

/* One refresh, made due now; waits until the thread has dealt with it. */
static void refresh(sources_worker *w)
{
	int want = atomic_load(&notified) + 1;
	sources_worker_kick(w);
	assert_true(wait_count(&notified, want, 15000));
}

static void fill(const char *dir, bool on)
{
	char path[640];
	snprintf(path, sizeof path, "%s/filler", dir);
	if (!on) {
		unlink(path);
		return;
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	static const char block[4096];
	for (int i = 0; i < 4096; i++) /* bounded: 16 MB at most */
		if (write(fd, block, sizeof block) < (ssize_t)sizeof block)
			break;
	close(fd);
}

static void readonly(const char *dir, bool on)
{
	if (have_mounts) {
		assert_int_equal(
		    mount(NULL, dir, NULL, MS_REMOUNT | MNT_FLAGS | (on ? MS_RDONLY : 0), NULL), 0);
	} else {
		assert_int_equal(chmod(dir, on ? 0500 : 0700), 0);
	}
}

static void full(const char *dir, bool on)
{
	if (have_mounts) {
		fill(dir, on);
		return;
	}
	/* The entry (over 24 KB) crosses the limit; the log stays under it. */
	struct rlimit rl = {.rlim_cur = on ? 16384 : RLIM_INFINITY, .rlim_max = RLIM_INFINITY};
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &rl), 0);
}

static void test_cache_readonly_then_full(void **state)
{
	(void)state;
	const char *tmp = tu_tmpdir();
	char root[512], dir[600];
	snprintf(root, sizeof root, "%s", tmp);
	snprintf(dir, sizeof dir, "%s/cache", root);
	assert_int_equal(mkdir(dir, 0700), 0);
	if (have_mounts)
		assert_int_equal(mount("tmpfs", dir, "tmpfs", MNT_FLAGS, "size=256k,mode=0700"), 0);
	else if (geteuid() == 0)
		print_message("no mount namespace and root: read-only by chmod will not bind; "
		              "the read-only steps show the writable path only\n");
	signal(SIGXFSZ, SIG_IGN); /* a file-size limit fails the write instead */
	atomic_store(&version, 0);
	atomic_store(&notified, 0);
	httpd *srv = httpd_start(doc_handler, NULL, 50);
	assert_non_null(srv);
	store_cache *c = NULL;
	jk_err err = {0};
	if (store_cache_open(dir, 0, &c, &err))
		fail_msg("%s", err.msg);
	source_list sl = {0};
	assert_int_equal(sources_add(&sl, httpd_url(srv, "/boat"), NULL), 0);
	sources_fetch_opts fo = {.cache = c};
	sources_worker *w = NULL;
	tu_capture cap;
	tu_capture_start(&cap);
	assert_int_equal(sources_worker_start(&sl, &fo, 900, on_notify, NULL, &w, &err), 0);
	char title[256];

	refresh(w);
	shown_title(&sl, c, title, sizeof title);
	assert_string_equal(title, "Boat Builder 1");

	/* Read-only: three refreshes fetch new versions that cannot be kept.
	 * The last good postings stay; one line says so. */
	readonly(dir, true);
	for (int i = 0; i < 3; i++)
		refresh(w);
	shown_title(&sl, c, title, sizeof title);
	assert_string_equal(title, "Boat Builder 1");
	readonly(dir, false);
	refresh(w);
	shown_title(&sl, c, title, sizeof title);
	assert_string_equal(title, "Boat Builder 5");

	/* Full: likewise, then room again. */
	full(dir, true);
	for (int i = 0; i < 3; i++)
		refresh(w);
	shown_title(&sl, c, title, sizeof title);
	assert_string_equal(title, "Boat Builder 5");
	full(dir, false);
	refresh(w);
	shown_title(&sl, c, title, sizeof title);
	assert_string_equal(title, "Boat Builder 9");

	sources_worker_stop(w);
	char *log = tu_capture_end(&cap);
	print_message("%s", log);
	bool ro_binds = have_mounts || geteuid() != 0;
	if (ro_binds)
		assert_int_equal(count_lines(log, "Read-only file system") +
		                     count_lines(log, "Permission denied"),
		                 1);
	assert_int_equal(count_lines(log, have_mounts ? "No space left" : "File too large"), 1);
	assert_int_equal(count_lines(log, "writable again"), ro_binds ? 2 : 1);
	assert_int_equal(count_lines(log, NULL), ro_binds ? 4 : 2);
	/* Each failure line names the source and the folder. */
	assert_true(count_lines(log, "/boat: fetched, but") >= 1);
	assert_true(count_lines(log, dir) >= 2);
	free(log);

	sources_free(&sl);
	store_cache_close(c);
	httpd_stop(srv);
	if (have_mounts)
		assert_int_equal(umount2(dir, MNT_DETACH), 0);
	tu_rmtree(root);
}

/* ---- the wall clock jumping -------------------------------------------- */

static atomic_int served;

static void count_handler(const httpd_req *req, httpd_resp *r, void *ud)
{
	(void)req, (void)ud;
	static const char page[] = "<html><body><h1>Net Mender</h1><p>Mend the nets on the quay "
	                           "every morning before the boats go out.</p></body></html>";
	atomic_fetch_add(&served, 1);
	r->body = page;
	r->len = sizeof page - 1;
	snprintf(r->headers, sizeof r->headers, "Cache-Control: max-age=0\r\n");
}

/* The refresh thread keeps its pace (1 s here) through a jump back to
 * 1970 and one forward by 20 years: its deadlines are monotonic. A
 * wall-clock deadline would stall for 54 years after the first and, for
 * a wait on the wall clock, after the second. */
static void test_worker_ignores_wall_clock(void **state)
{
	(void)state;
	const char *dir = tu_tmpdir();
	atomic_store(&served, 0);
	httpd *srv = httpd_start(count_handler, NULL, 200);
	store_cache *c = NULL;
	assert_int_equal(store_cache_open(dir, 0, &c, NULL), 0);
	source_list sl = {0};
	assert_int_equal(sources_add(&sl, httpd_url(srv, "/nets"), NULL), 0);
	sources_fetch_opts fo = {.cache = c};
	sources_worker *w = NULL;
	assert_int_equal(sources_worker_start(&sl, &fo, 1, NULL, NULL, &w, NULL), 0);
	sources_worker_kick(w);
	assert_true(wait_count(&served, 1, 10000));

	wall_set(86400 + 3600); /* 2 January 1970, a board without a clock */
	int at = atomic_load(&served);
	assert_true(wait_count(&served, at + 2, 10000));
	posting_list l;
	posting_list_init(&l);
	sources_load(&sl, c, &l, NULL, NULL);
	assert_int_equal(l.n, 1); /* still on screen */
	posting_list_free(&l);

	wall_set(real_now() + 20 * YEAR);
	at = atomic_load(&served);
	assert_true(wait_count(&served, at + 2, 10000));
	posting_list_init(&l);
	sources_load(&sl, c, &l, NULL, NULL);
	assert_int_equal(l.n, 1);
	posting_list_free(&l);

	wall_set(real_now());
	sources_worker_stop(w);
	sources_free(&sl);
	store_cache_close(c);
	httpd_stop(srv);
	tu_rmtree(dir);
}

/* Expiry against clocks from 1970 to the far future: the guard keeps the
 * deck full while the clock cannot be believed; a clock years ahead hides
 * only what has an expiry date; nothing crashes at the ends of time_t. */
static void test_deck_clock_jumps(void **state)
{
	(void)state;
	const int64_t nowt = real_now();
	const int64_t times[] = {0,
	                         86400,
	                         DECK_CLOCK_SANE - 1,
	                         DECK_CLOCK_SANE,
	                         nowt,
	                         nowt + 20 * YEAR,
	                         nowt + 1000 * YEAR,
	                         -YEAR * 100,
	                         INT64_MAX,
	                         INT64_MIN};
	posting_list all;
	posting_list_init(&all);
	assert_int_equal(store_load_path(tu_root("samples"), &all, NULL, NULL, NULL, NULL, NULL),
	                 0);
	size_t undated = 0;
	for (size_t i = 0; i < all.n; i++)
		undated += !all.items[i]->expires;
	assert_true(undated > 0 && undated < all.n);
	for (size_t k = 0; k < JK_ARRAY_LEN(times); k++) {
		posting_list l;
		posting_list_init(&l);
		assert_int_equal(
		    store_load_path(tu_root("samples"), &l, NULL, NULL, NULL, NULL, NULL), 0);
		deck_opts o = {.hide_expired = true};
		deck_report rep;
		jk_err err = {0};
		assert_int_equal(deck_apply(&l, &o, clock_at(times[k]), &rep, &err), 0);
		assert_int_equal(rep.in, all.n);
		assert_int_equal(rep.shown, l.n);
		assert_true(l.n >= undated); /* never emptied by the clock */
		if (times[k] < DECK_CLOCK_SANE)
			assert_int_equal(l.n, all.n);
		if (times[k] == nowt + 20 * YEAR)
			assert_int_equal(l.n, undated);
		posting_list_free(&l);
	}
	posting_list_free(&all);
}

/* The schedule at the same clocks, and at struct tm values no clock gives. */
static void test_schedule_clock_jumps(void **state)
{
	(void)state;
	schedule s = {0};
	assert_int_equal(schedule_add(&s, "mon-fri 08:00-18:00", NULL), 0);
	assert_int_equal(schedule_add(&s, "sat 22:00-02:00", NULL), 0);
	const int64_t nowt = real_now();
	const int64_t times[] = {0, 86400, DECK_CLOCK_SANE, nowt, nowt + 20 * YEAR};
	for (size_t k = 0; k < JK_ARRAY_LEN(times); k++) {
		struct tm tm;
		time_t t = clock_at(times[k]);
		assert_non_null(localtime_r(&t, &tm));
		(void)schedule_is_on(&s, &tm);
		int m = schedule_minutes_to_change(&s, &tm);
		assert_true(m >= 1 && m <= 7 * 24 * 60);
	}
	const int odd[][3] = {
	    {-1, 0, 0}, {7, 10, 0}, {99, 25, 61}, {3, -5, -5}, {INT32_MIN, INT32_MAX, 0}};
	for (size_t k = 0; k < JK_ARRAY_LEN(odd); k++) {
		struct tm tm = {.tm_wday = odd[k][0], .tm_hour = odd[k][1], .tm_min = odd[k][2]};
		(void)schedule_is_on(&s, &tm);
		int m = schedule_minutes_to_change(&s, &tm);
		assert_true(m == -1 || (m >= 0 && m <= 7 * 24 * 60));
	}
}

/* The loop itself through the same jumps: slides keep changing, and the
 * pages are drawn (the clock and the schedule read the wall clock). */
typedef struct clockrun {
	atomic_int shown, calls;
	size_t black;
	bool hook; /* jumps come from kiosk_opts.now, else from the process clock */
} clockrun;

static void on_show_clock(void *ud, const kiosk_state *st)
{
	clockrun *c = ud;
	size_t eq, ne;
	count_px(st->frame, st->frame_w, st->frame_h, st->frame_pitch, 0, &eq, &ne);
	c->black += eq > ne;
	int n = atomic_fetch_add(&c->shown, 1) + 1;
	if (c->hook)
		return;
	if (n == 3)
		wall_set(86400);
	else if (n == 6)
		wall_set(real_now() + 20 * YEAR);
	else if (n == 9)
		wall_set(86400);
}

/* Every call another era: 1970, now, 20 years on, before 1970, far away. */
static time_t now_jumping(void *ud)
{
	clockrun *c = ud;
	const long long t[] = {86400, real_now(), real_now() + 20 * YEAR,
	                       -YEAR, 0,          (long long)INT64_MAX / 2};
	return (time_t)t[(size_t)atomic_fetch_add(&c->calls, 1) % JK_ARRAY_LEN(t)];
}

/* Frees the loop if a wait on the wall clock hung it, so the test ends;
 * the count of slides then tells. */
static int rescue(void *ud)
{
	clockrun *c = ud;
	for (int i = 0; i < 60 && atomic_load(&c->shown) < 12; i++)
		SDL_Delay(100);
	wall_set(real_now());
	kiosk_notify_reload();
	return 0;
}

static int run_clock(bool hook)
{
	posting_list l;
	tu_make_list(&l, 3);
	clockrun c = {.hook = hook};
	schedule sch = {0};
	assert_int_equal(schedule_add(&sch, "daily 00:00-24:00", NULL), 0);
	kiosk_opts o = {.win_w = 480,
	                .win_h = 270,
	                .slide_seconds = 0.1,
	                .cut = true,
	                .max_seconds = 3.0,
	                .on_show = on_show_clock,
	                .hook_ud = &c,
	                .now = hook ? now_jumping : NULL,
	                .schedule = &sch};
	SDL_Thread *t = SDL_CreateThread(rescue, "rescue", &c);
	assert_non_null(t);
	int r = kiosk_run(&l, &o, NULL, NULL, NULL, NULL);
	SDL_WaitThread(t, NULL);
	wall_set(real_now());
	posting_list_free(&l);
	assert_int_equal(r, 0);
	assert_int_equal(c.black, 0);
	if (hook)
		assert_true(atomic_load(&c.calls) > 0);
	return atomic_load(&c.shown);
}

static void test_loop_now_hook_jumps(void **state)
{
	(void)state;
	/* 0.1 s slides for 3 s: about 30. */
	assert_true(run_clock(true) >= 12);
}

static void test_loop_wall_clock_jumps(void **state)
{
	(void)state;
	/* The loop sleeps on monotonic deadlines: a wall clock stepped back
	 * while it sleeps must not stall the slideshow. */
	assert_true(run_clock(false) >= 12);
}

int main(void)
{
	/* Before any thread exists: unshare needs a single-threaded caller. */
	have_mounts = private_mounts();
	if (!have_mounts)
		print_message("no private mount namespace: RLIMIT_FSIZE for a full cache\n");
	jk_err err = {0};
	if (fetch_global_init(&err))
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_display_reset_hidden_resized),
	    cmocka_unit_test(test_cache_readonly_then_full),
	    cmocka_unit_test(test_worker_ignores_wall_clock),
	    cmocka_unit_test(test_deck_clock_jumps),
	    cmocka_unit_test(test_schedule_clock_jumps),
	    cmocka_unit_test(test_loop_now_hook_jumps),
	    cmocka_unit_test(test_loop_wall_clock_jumps),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	fetch_global_cleanup();
	return r;
}
