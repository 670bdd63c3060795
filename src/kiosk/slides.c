/* slides.c — the slide model: which posting and page is up, moving on and
 * back, the overview after the postings, reloads that keep the posting by
 * id. Pure C, no SDL: the loop and --render walk the same slides. */
#include "kiosk.h"

#include <stdlib.h>
#include <string.h>

/* One entry: a posting or the overview, laid out on first use. */
typedef struct slot {
	layout_doc doc;
	bool laid;  /* layout tried */
	int rc;     /* its status when tried */
	bool shown; /* a failure was logged */
} slot;

struct kiosk_slides {
	posting_list *list;      /* borrowed */
	const layout_params *lp; /* borrowed */
	slot *slots;             /* n + 1: the postings, then the overview */
	size_t n;
	size_t cur, page; /* entry (n = overview), page in it */
};

static int alloc_slots(size_t n, slot **out, jk_err *err)
{
	*out = calloc(n + 1, sizeof **out);
	if (!*out)
		return jk_fail(err, JK_ENOMEM, "kiosk: out of memory for %zu postings", n);
	return 0;
}

static void free_slots(slot *sl, size_t n)
{
	for (size_t i = 0; sl && i <= n; i++)
		layout_doc_free(&sl[i].doc);
	free(sl);
}

int kiosk_slides_new(posting_list *list, const layout_params *lp, kiosk_slides **out, jk_err *err)
{
	*out = NULL;
	kiosk_slides *s = calloc(1, sizeof *s);
	if (!s)
		return jk_fail(err, JK_ENOMEM, "kiosk: out of memory for the slides");
	int r = alloc_slots(list->n, &s->slots, err);
	if (r) {
		free(s);
		return r;
	}
	s->list = list;
	s->lp = lp;
	s->n = list->n;
	*out = s;
	return 0;
}

void kiosk_slides_free(kiosk_slides *s)
{
	if (!s)
		return;
	free_slots(s->slots, s->n);
	free(s);
}

size_t kiosk_slides_count(const kiosk_slides *s)
{
	return s->n;
}

static const char *overview_lang(const kiosk_slides *s, char tag[POSTING_LANG_MAX])
{
	return kiosk_screen_lang(s->lp, (const posting *const *)s->list->items, s->n, tag);
}

const char *kiosk_slides_lang(const kiosk_slides *s, char tag[POSTING_LANG_MAX])
{
	const posting *p = kiosk_slides_item(s);
	return p ? layout_lang(s->lp, p) : overview_lang(s, tag);
}

int kiosk_slides_doc(kiosk_slides *s, size_t i, const layout_doc **out, jk_err *err)
{
	*out = NULL;
	if (!s->n || i > s->n)
		return jk_fail(err, JK_EARG, "kiosk: no slide %zu", i);
	slot *e = &s->slots[i];
	if (!e->laid) {
		e->laid = true;
		char tag[POSTING_LANG_MAX];
		layout_params ov = *s->lp; /* the overview: the deck's language */
		ov.language = overview_lang(s, tag);
		e->rc = i < s->n ? layout_posting(s->list->items[i], s->lp, &e->doc, err)
		                 : layout_overview((const posting *const *)s->list->items, s->n,
		                                   &ov, &e->doc, err);
		if (e->rc)
			layout_doc_free(&e->doc);
	} else if (e->rc) {
		return jk_fail(err, JK_EFORMAT, "kiosk: slide %zu does not lay out", i);
	}
	if (e->rc)
		return e->rc;
	*out = &e->doc;
	return 0;
}

size_t kiosk_slides_pages(kiosk_slides *s, size_t i)
{
	const layout_doc *d;
	jk_err err = {0};
	if (kiosk_slides_doc(s, i, &d, &err) == 0)
		return d->npages;
	if (i <= s->n && !s->slots[i].shown) {
		s->slots[i].shown = true;
		jk_log(JK_LOG_WARN, "kiosk", "%s", err.msg);
	}
	return 0;
}

void kiosk_slides_drop(kiosk_slides *s, size_t i)
{
	if (i <= s->n) {
		layout_doc_free(&s->slots[i].doc);
		memset(&s->slots[i], 0, sizeof s->slots[i]);
	}
}

void kiosk_slides_forget(kiosk_slides *s)
{
	for (size_t i = 0; s && i <= s->n; i++)
		kiosk_slides_drop(s, i);
}

size_t kiosk_slides_posting(const kiosk_slides *s)
{
	return s->n ? s->cur : 0;
}

size_t kiosk_slides_page(const kiosk_slides *s)
{
	return s->n ? s->page : 0;
}

const posting_list *kiosk_slides_list(const kiosk_slides *s)
{
	return s->list;
}

const posting *kiosk_slides_item(const kiosk_slides *s)
{
	return s->cur < s->n ? s->list->items[s->cur] : NULL;
}

void kiosk_slides_settle(kiosk_slides *s)
{
	if (!s->n) {
		s->cur = s->page = 0;
		return;
	}
	size_t slots = s->n + 1;
	for (size_t t = 0; t < slots && !kiosk_slides_pages(s, s->cur); t++) {
		s->cur = (s->cur + 1) % slots;
		s->page = 0;
	}
	size_t np = kiosk_slides_pages(s, s->cur);
	if (s->page >= np)
		s->page = np ? np - 1 : 0;
}

void kiosk_slides_step(kiosk_slides *s, int dir)
{
	size_t slots = s->n + 1;
	if (!s->n)
		return; /* the waiting state has nowhere to go */
	if (dir > 0) {
		if (s->page + 1 < kiosk_slides_pages(s, s->cur)) {
			s->page++;
			return;
		}
		for (size_t t = 0; t < slots; t++) {
			s->cur = (s->cur + 1) % slots;
			if (kiosk_slides_pages(s, s->cur))
				break;
		}
		s->page = 0;
		return;
	}
	if (s->page > 0) {
		s->page--;
		return;
	}
	for (size_t t = 0; t < slots; t++) {
		s->cur = (s->cur + slots - 1) % slots;
		if (kiosk_slides_pages(s, s->cur))
			break;
	}
	size_t np = kiosk_slides_pages(s, s->cur);
	s->page = np ? np - 1 : 0;
}

/* The index of the posting with id in l, or -1 (also for no id). */
static long find_id(const posting_list *l, const char *id)
{
	for (size_t i = 0; id && i < l->n; i++)
		if (l->items[i]->id && !strcmp(l->items[i]->id, id))
			return (long)i;
	return -1;
}

bool kiosk_slides_goto_id(kiosk_slides *s, const char *id)
{
	long i = find_id(s->list, id);
	if (i < 0 || !kiosk_slides_pages(s, (size_t)i))
		return false;
	s->cur = (size_t)i;
	s->page = 0;
	return true;
}

int kiosk_slides_reload(kiosk_slides *s, posting_list *next, jk_err *err)
{
	bool over = s->n && s->cur >= s->n; /* the overview (not the waiting state) */
	size_t idx = s->n ? s->cur : 0, page = s->n ? s->page : 0;
	const posting *was = idx < s->n ? s->list->items[idx] : NULL;
	char *id = was && was->id ? jk_strndup(was->id, (size_t)-1) : NULL;
	slot *sl;
	int r = alloc_slots(next->n, &sl, err);
	if (r) {
		free(id);
		return r;
	}
	free_slots(s->slots, s->n);
	posting_list_free(s->list);
	*s->list = *next;
	posting_list_init(next);
	s->slots = sl;
	s->n = s->list->n;
	long found = find_id(s->list, id);
	free(id);
	s->cur = found >= 0 ? (size_t)found : over || idx > s->n ? s->n : idx;
	s->page = found >= 0 || over ? page : 0;
	return 0;
}
