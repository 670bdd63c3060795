/* compose.c — the page up, composed once into cur_s (render_page_ex: the
 * same pixels --render writes) with its overlays: the offline mark, the
 * clock, the burn-in shift; the waiting screen; the clock's minute redraw.
 *
 * Wall-clock things (the clock, the display schedule, the burn-in shift)
 * are read from the wall clock here; the loop re-reads it at every wake and
 * at least once a minute, so a clock that jumps either way is followed
 * within a minute. */
#include "internal.h"

#include "deck.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- wall clock -------------------------------------------------------- */

/* Wall time in ms: the now hook (seconds) or CLOCK_REALTIME. Clamped to
 * +-30,000 years so arithmetic on a wild hook value cannot overflow. */
long long kiosk_wall_ms(const kiosk *k)
{
	long long t;
	if (k->o->now) {
		t = (long long)k->o->now(k->o->hook_ud);
		const long long lim = 1000000000000LL;
		t = (t > lim ? lim : t < -lim ? -lim : t) * 1000;
	} else {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		t = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	}
	return t;
}

static long long floor_div(long long a, long long b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Local time of wall ms; false when the C library cannot represent it. */
bool kiosk_local_tm(long long ms, struct tm *tm)
{
	time_t t;
	return jk_time_from(floor_div(ms, 1000), &t) && localtime_r(&t, tm) != NULL;
}

/* ms until the next wall-clock minute, at most a minute. */
Uint32 kiosk_to_next_minute(long long ms)
{
	long long r = ms - floor_div(ms, 60000) * 60000;
	return (Uint32)(60000 - r + 20); /* just past the boundary */
}

/* The burn-in cycle step for wall time ms; 0 when burn-in care is off. */
unsigned kiosk_burn_step(const kiosk *k, long long ms)
{
	if (k->cfg.burn_in_shift <= 0 || k->cfg.burn_in_minutes <= 0)
		return 0;
	long long n = floor_div(ms, 60000LL * k->cfg.burn_in_minutes);
	long long m = n % KIOSK_BURN_IN_STEPS;
	return (unsigned)(m < 0 ? m + KIOSK_BURN_IN_STEPS : m);
}

/* HH:MM of wall ms into out; "" when the time cannot be had. */
static void clock_format(long long ms, char out[8])
{
	struct tm tm;
	out[0] = '\0';
	if (kiosk_local_tm(ms, &tm))
		snprintf(out, 8, "%02d:%02d", (tm.tm_hour % 24 + 24) % 24,
		         (tm.tm_min % 60 + 60) % 60);
}

/* Gives the layout the wall time and whether the deck's dates let it be
 * believed (deck_clock_trusted), for the badges ("New", "Closes today").
 * True when the local date or the trust changed since the last call: the
 * pages laid out before carry yesterday's badges. */
bool kiosk_badge_clock(kiosk *k, long long ms)
{
	struct tm tm;
	time_t t = 0;
	bool known = kiosk_local_tm(ms, &tm) && jk_time_from(floor_div(ms, 1000), &t);
	long day = known ? posting_days((long)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) : 0;
	bool trusted = known && deck_clock_trusted(kiosk_slides_list(k->sl), t);
	if (day == k->badge_day && trusted == k->lp.clock_trusted && (k->lp.now != 0) == known)
		return false;
	k->badge_day = day;
	k->lp.now = known ? t : 0;
	k->lp.clock_trusted = trusted;
	return true;
}

/* ---- the sources' status ------------------------------------------------ */

/* Asks the main program how its sources are doing. An answer younger than
 * a quarter second is still news: a slide change right after the waiting
 * screen's poll does not ask twice. The waiting screen asks again
 * STATUS_MS after (KT_STATUS). */
void kiosk_ask_status(kiosk *k)
{
	uint64_t now = SDL_GetTicks64();
	if (!k->status_asked || now - k->status_at >= 250) {
		k->status_at = now;
		k->status_asked = true;
		if (k->o->status) {
			memset(&k->status, 0, sizeof k->status);
			k->o->status(k->o->status_ud, &k->status);
			k->status.waiting[sizeof k->status.waiting - 1] = '\0';
			k->st->status_calls++;
		}
	}
	if (!kiosk_slides_count(k->sl) && !k->off)
		kiosk_timers_set(&k->timers, KT_STATUS, k->status_at + STATUS_MS);
}

/* The waiting screen's line: the status text cleaned for display (it may
 * quote the network), cut at a code point to fit out. */
void kiosk_waiting_line(const kiosk *k, char *out, size_t cap)
{
	char tag[POSTING_LANG_MAX];
	const char *none = text_word_get(kiosk_slides_lang(k->sl, tag), TEXT_W_WAITING_LINE);
	const char *w = k->status.waiting[0] ? k->status.waiting : none;
	char *c = jk_text_clean(w, (size_t)-1);
	const char *src = c && *c ? c : none;
	size_t n = strlen(src);
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--; /* never half a character */
	}
	memcpy(out, src, n);
	out[n] = '\0';
	free(c);
}

/* The offline mark's text when the status asks for one, in the language
 * of the page under it (lang). */
static bool mark_text(const kiosk *k, const char *lang, char *out, size_t cap)
{
	if (!k->status.stale || k->status.updated_at <= 0)
		return false;
	time_t t;
	struct tm tm;
	if (!jk_time_from(k->status.updated_at, &t) || !localtime_r(&t, &tm))
		return false;
	text_word_offline(lang, tm.tm_hour, tm.tm_min, out, cap);
	return true;
}

/* The offline mark as small muted text boxes (one per run: the words may
 * be right to left) in the bottom-left margin, under the safe area and
 * above the progress bar: part of the page, so it costs no redraw of its
 * own. Returns how many boxes, 0 when it does not fit. */
static size_t mark_boxes(const kiosk *k, const char *text, layout_box *b, size_t cap)
{
	int lw = k->lp.w, lh = k->lp.h, S = lw < lh ? lw : lh;
	int x0, y0, x1, y1;
	layout_safe_area(lw, lh, &x0, &y0, &x1, &y1);
	int px = (S * 2 + 50) / 100;
	if (px < 10)
		px = 10;
	layout_measurer m = k->lp.measure;
	int h = m.height(m.ud, px), bh = S / 270 > 3 ? S / 270 : 3;
	int room = lh - y1 - bh;
	if (h <= 0 || h > room)
		return 0;
	size_t n = layout_text_line(&m, text, strlen(text), px, 0,
	                            layout_mix(k->theme.bg, k->theme.muted, 80), x0,
	                            y1 + (room - h) / 2, b, cap);
	int w = 0;
	for (size_t i = 0; i < n; i++)
		w += b[i].w;
	return w > 0 && w <= x1 - x0 ? n : 0;
}

/* ---- composing ---------------------------------------------------------- */

/* Page `page` of d with the page's overlays (offline mark, clock), shifted
 * for burn-in care. */
static SDL_Surface *compose_doc(kiosk *k, const layout_doc *d, size_t page, bool mark, jk_err *err)
{
	long long ms = kiosk_wall_ms(k);
	layout_box extra[9];
	size_t n = 0;
	char text[160], tag[POSTING_LANG_MAX];
	/* The mark speaks the page's language. */
	if (mark && mark_text(k, kiosk_slides_lang(k->sl, tag), text, sizeof text))
		n = mark_boxes(k, text, extra, JK_ARRAY_LEN(extra) - 1);
	bool marked = n > 0;
	k->clock_slot = d->clock;
	k->clock_min = floor_div(ms, 60000);
	clock_format(ms, k->clock_text);
	layout_measurer m = k->lp.measure;
	if (k->cfg.look.clock && layout_clock_box(d, &m, k->clock_text, &extra[n]))
		n++;
	SDL_Surface *s =
	    render_page_ex(k->fonts, d, page, n ? extra : NULL, n, &k->theme, k->cfg.rotate, err);
	if (!s)
		return NULL;
	k->stale_mark = marked;
	k->burn_step = kiosk_burn_step(k, ms);
	kiosk_burn_in_offset(s->w, s->h, k->cfg.burn_in_shift, k->burn_step, &k->shift_x,
	                     &k->shift_y);
	kiosk_screen_shift(s, k->shift_x, k->shift_y, k->theme.bg);
	return s;
}

static SDL_Surface *compose_waiting(kiosk *k, jk_err *err)
{
	char line[sizeof k->status.waiting];
	kiosk_waiting_line(k, line, sizeof line);
	layout_doc d;
	SDL_Surface *s = NULL;
	char tag[POSTING_LANG_MAX];
	layout_params lp = k->lp;
	lp.language = kiosk_slides_lang(k->sl, tag);
	if (layout_message(text_word_get(lp.language, TEXT_W_WAITING), line,
	                   text_word_get(lp.language, TEXT_W_WAITING_NOTE), &lp, &d, err) == 0)
		s = compose_doc(k, &d, 0, false, err);
	layout_doc_free(&d);
	if (s) {
		memcpy(k->wait_shown, line, sizeof line);
		k->st->waiting_composes++;
	}
	return s;
}

/* The urgent announcement: a page of its own over the slides. */
static SDL_Surface *compose_urgent(kiosk *k, jk_err *err)
{
	layout_doc d;
	SDL_Surface *s = NULL;
	if (layout_announce_page(k->ann.text, &k->lp, &d, err) == 0)
		s = compose_doc(k, &d, 0, false, err);
	layout_doc_free(&d);
	return s;
}

static SDL_Surface *compose_page(kiosk *k, jk_err *err)
{
	size_t cur = kiosk_slides_posting(k->sl), page = kiosk_slides_page(k->sl);
	const layout_doc *d;
	jk_err lerr = {0};
	if (!kiosk_slides_pages(k->sl, cur) || kiosk_slides_doc(k->sl, cur, &d, &lerr) ||
	    page >= d->npages)
		return NULL;
	if (!k->st->composes)
		jk_mark("kiosk", "the first posting laid out");
	return compose_doc(k, d, page, true, err);
}

bool kiosk_compose_page(kiosk *k)
{
	Uint64 t = SDL_GetPerformanceCounter();
	kiosk_ask_status(k);
	/* The screen holds the old page: its own copy can go before the new
	 * one is drawn, so never three full-screen buffers at once. */
	SDL_FreeSurface(k->cur_s);
	k->cur_s = NULL;
	jk_err err = {0};
	int sx = k->shift_x, sy = k->shift_y;
	SDL_Surface *ns = kiosk_urgent(k)             ? compose_urgent(k, &err)
	                  : kiosk_slides_count(k->sl) ? compose_page(k, &err)
	                                              : compose_waiting(k, &err);
	if (!ns && err.msg[0])
		jk_log(JK_LOG_WARN, "kiosk", "%s", err.msg);
	k->st->composes++;
	k->st->compose_ms_total += kiosk_ms_since(t);
	if (!ns)
		return false;
	if (k->st->composes > 1 && (sx != k->shift_x || sy != k->shift_y))
		k->st->shifts++;
	k->cur_s = ns;
	return true;
}

/* Composes the current page (or the waiting screen when the deck is empty)
 * into cur_s; the screen then crossfades to it when fade is set, else shows
 * it at once. */
void kiosk_compose(kiosk *k, bool fade)
{
	if (!kiosk_compose_page(k)) {
		k->fading = false; /* the screen keeps what it shows: never black */
		return;
	}
	/* The screen still shows the old page: the fade starts from there.
	 * While the display is off the screen stays black. A board too slow
	 * for a fade before the next change cuts (kiosk_pace). */
	bool fades = fade && k->st->composes > 1 && !k->cfg.cut && kiosk_screen_direct(k);
	if (fades && !k->off && !kiosk_pace_fades(&k->pace, k->fade_ms, k->slide_ms)) {
		k->st->fade_cuts++;
		fades = false;
	}
	if (k->off) {
		k->fading = false;
	} else if (fades) {
		k->fading = true;
		k->fade_a = 0;
		k->fade_n = 0;
		k->fade_at = SDL_GetTicks64();
		kiosk_screen_fade_begin(k);
		if (!kiosk_gpu_begin(k))
			kiosk_screen_upload(k); /* a cut */
	} else {
		kiosk_screen_upload(k);
	}
	k->need_present = true;
}

/* Redraws the clock in cur_s and on the screen when the wall minute moved
 * on: a few hundred pixels, sent alone like the progress bar. */
void kiosk_clock_tick(kiosk *k, long long ms)
{
	long long min = floor_div(ms, 60000);
	if (!k->cfg.look.clock || k->clock_slot.w <= 0 || min == k->clock_min || k->fading ||
	    k->off || !k->cur_s || !k->screen)
		return;
	k->clock_min = min;
	char text[8];
	clock_format(ms, text);
	if (!strcmp(text, k->clock_text))
		return;
	memcpy(k->clock_text, text, sizeof text);
	layout_doc slot = {.clock = k->clock_slot};
	layout_box tb;
	SDL_Rect r = {0, 0, 0, 0}, r2;
	int lw = k->lp.w, lh = k->lp.h;
	/* The slot blank, then the time right-aligned in it. */
	render_box_update(k->fonts, k->cur_s, lw, lh, &k->clock_slot, &k->theme, k->cfg.rotate,
	                  k->shift_x, k->shift_y, &r, NULL);
	layout_measurer m = k->lp.measure;
	if (layout_clock_box(&slot, &m, k->clock_text, &tb))
		render_box_update(k->fonts, k->cur_s, lw, lh, &tb, &k->theme, k->cfg.rotate,
		                  k->shift_x, k->shift_y, &r2, NULL);
	if (r.w <= 0 || r.h <= 0)
		return;
	Uint64 t = SDL_GetPerformanceCounter();
	SDL_Rect d = r;
	SDL_BlitSurface(k->cur_s, &r, k->screen, &d);
	if (!k->off)
		kiosk_screen_flush(k, &r);
	kiosk_screen_count(k, t);
	k->st->clock_ticks++;
}
