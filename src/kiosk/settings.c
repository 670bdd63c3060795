/* settings.c — the settings the loop runs with: kiosk_opts copied (strings
 * and the schedule, so the caller's storage need only live during the
 * call), the look applied (fonts, theme, layout), and reconfigure after a
 * reload. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void kiosk_settings_free(kiosk_store *s)
{
	free(s->header);
	free(s->logo);
	free(s->font);
	free(s->language);
	free(s->careers);
	for (size_t i = 0; s->fallback && i < s->nfallback; i++)
		free(s->fallback[i]);
	free(s->fallback);
	free(s->on);
	free(s->off);
	free(s->sched);
	memset(s, 0, sizeof *s);
}

static bool dup_into(char **dst, const char *src)
{
	*dst = src ? jk_strndup(src, (size_t)-1) : NULL;
	return !src || *dst;
}

/* The strings and the schedule of src into st. */
static bool store_fill(kiosk_store *st, const kiosk_opts *src)
{
	bool ok = dup_into(&st->header, src->look.header) && dup_into(&st->logo, src->look.logo) &&
	          dup_into(&st->font, src->look.font) &&
	          dup_into(&st->language, src->look.language) &&
	          dup_into(&st->careers, src->look.careers_url) &&
	          dup_into(&st->on, src->display_on_command) &&
	          dup_into(&st->off, src->display_off_command);
	size_t nf = src->look.fallback_fonts ? src->look.nfallback : 0;
	if (ok && nf) {
		st->fallback = calloc(nf, sizeof *st->fallback);
		ok = st->fallback != NULL;
		st->nfallback = ok ? nf : 0;
		for (size_t i = 0; ok && i < nf; i++)
			ok = dup_into(&st->fallback[i], src->look.fallback_fonts[i]);
	}
	if (ok && src->schedule && src->schedule->n) {
		st->sched = malloc(sizeof *st->sched);
		ok = st->sched != NULL;
		if (ok)
			*st->sched = *src->schedule;
	}
	return ok;
}

/* *dst = *src with the strings and the schedule copied into st (a fresh
 * store; freed on failure). The theme is made explicit. */
int kiosk_settings_copy(kiosk_opts *dst, kiosk_store *st, const kiosk_opts *src, jk_err *err)
{
	memset(st, 0, sizeof *st);
	*dst = *src;
	if (!store_fill(st, src)) {
		kiosk_settings_free(st);
		return jk_fail(err, JK_ENOMEM, "kiosk: out of memory copying the settings");
	}
	dst->look.header = st->header;
	dst->look.logo = st->logo;
	dst->look.font = st->font;
	dst->look.language = st->language;
	dst->look.careers_url = st->careers;
	dst->look.fallback_fonts = (const char *const *)st->fallback;
	dst->look.nfallback = st->nfallback;
	dst->look.theme = render_look_theme(&src->look);
	dst->display_on_command = st->on;
	dst->display_off_command = st->off;
	dst->schedule = st->sched;
	return 0;
}

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool look_equal(const render_look *a, const render_look *b)
{
	if (memcmp(&a->theme, &b->theme, sizeof a->theme) || !str_eq(a->header, b->header) ||
	    !str_eq(a->logo, b->logo) || !str_eq(a->font, b->font) || a->clock != b->clock ||
	    !str_eq(a->language, b->language) || a->hide_boilerplate != b->hide_boilerplate ||
	    a->max_pages != b->max_pages || a->nfallback != b->nfallback || a->style != b->style ||
	    !str_eq(a->careers_url, b->careers_url))
		return false;
	for (size_t i = 0; i < a->nfallback; i++)
		if (!str_eq(a->fallback_fonts[i], b->fallback_fonts[i]))
			return false;
	return true;
}

/* Slide and fade times from the settings. */
void kiosk_settings_timings(kiosk *k)
{
	k->slide_ms = (Uint32)((k->cfg.slide_seconds > 0 ? k->cfg.slide_seconds : 12) * 1000);
	k->fade_ms = (Uint32)(k->cfg.fade_ms > 0 ? k->cfg.fade_ms : 700);
}

/* Lays out for f from now on (pages are laid out again when next shown). */
void kiosk_settings_use_fonts(kiosk *k, render_fonts *f)
{
	render_fonts_close(k->fonts);
	k->fonts = f;
	k->theme = k->cfg.look.theme;
	render_layout_look(f, &k->cfg.look, &k->theme, &k->lp);
	kiosk_slides_forget(k->sl);
}

/* Opens the fonts and logo of cfg.look and lays out for them from now on.
 * On failure the fonts in force stay. */
int kiosk_settings_look(kiosk *k, jk_err *err)
{
	render_fonts *f;
	int r = render_fonts_open_look(&k->cfg.look, &f, err);
	if (!r)
		kiosk_settings_use_fonts(k, f);
	return r;
}

/* True when next asks for what needs a new window. */
static bool needs_restart(const kiosk_opts *cur, const kiosk_opts *next)
{
	return next->rotate != cur->rotate || next->mode_w != cur->mode_w ||
	       next->mode_h != cur->mode_h || next->win_w != cur->win_w ||
	       next->win_h != cur->win_h || next->accelerated != cur->accelerated ||
	       next->renderer != cur->renderer || next->fit_1080 != cur->fit_1080;
}

/* Lets the caller change the settings after a reload (SIGHUP read the
 * configuration again). What needs a new window is kept. */
void kiosk_settings_reconfigure(kiosk *k)
{
	if (!k->o->reconfigure)
		return;
	kiosk_opts next = k->cfg;
	if (!k->o->reconfigure(k->o->hook_ud, &next))
		return;
	if (needs_restart(&k->cfg, &next))
		jk_log(JK_LOG_WARN, "kiosk",
		       "a new rotation, window size, display mode or renderer needs a restart; "
		       "keeping the current one");
	kiosk_opts nc;
	kiosk_store ns;
	jk_err err = {0};
	if (kiosk_settings_copy(&nc, &ns, &next, &err)) {
		jk_log(JK_LOG_WARN, "kiosk", "reconfigure: %s", err.msg);
		return;
	}
	nc.rotate = k->cfg.rotate;
	nc.mode_w = k->cfg.mode_w;
	nc.mode_h = k->cfg.mode_h;
	nc.win_w = k->cfg.win_w;
	nc.win_h = k->cfg.win_h;
	nc.accelerated = k->cfg.accelerated;
	nc.renderer = k->cfg.renderer;
	nc.fit_1080 = k->cfg.fit_1080;
	bool look = !look_equal(&k->cfg.look, &nc.look);
	kiosk_settings_free(&k->store);
	k->store = ns;
	k->cfg = nc;
	k->lp.header = k->cfg.look.header; /* the old copies are gone */
	k->lp.language = k->cfg.look.language;
	kiosk_settings_timings(k);
	if (look && kiosk_settings_look(k, &err))
		jk_log(JK_LOG_WARN, "kiosk", "reconfigure: %s", err.msg);
	k->st->reconfigures++;
}
