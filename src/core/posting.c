/* posting.c — the posting model: building, cleaning, ids, JSON. */
#include "posting.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

posting *posting_new(void)
{
	return calloc(1, sizeof(posting));
}

void posting_block_clear(posting_block *b)
{
	if (!b)
		return;
	free(b->text);
	free(b->spans);
	memset(b, 0, sizeof *b);
}

static void section_clear(posting_section *s)
{
	for (size_t i = 0; i < s->nblocks; i++)
		posting_block_clear(&s->blocks[i]);
	free(s->blocks);
	free(s->heading);
	memset(s, 0, sizeof *s);
}

void posting_free(posting *p)
{
	if (!p)
		return;
	char **fields[] = {&p->id,         &p->title,  &p->organization, &p->location,
	                   &p->employment, &p->pay,    &p->posted,       &p->expires,
	                   &p->apply,      &p->source, &p->native_id,    &p->detail,
	                   &p->language,   &p->qr_link};
	for (size_t i = 0; i < JK_ARRAY_LEN(fields); i++)
		free(*fields[i]);
	for (size_t i = 0; i < p->ntags; i++)
		free(p->tags[i]);
	free(p->tags);
	for (size_t i = 0; i < p->nsections; i++)
		section_clear(&p->sections[i]);
	free(p->sections);
	free(p);
}

int posting_set(char **field, const char *s, size_t n)
{
	char *c = jk_text_clean(s, n);
	if (!c)
		return JK_ENOMEM;
	free(*field);
	*field = NULL;
	if (*c)
		*field = c;
	else
		free(c);
	return JK_OK;
}

int posting_set_default(char **field, const char *s, size_t n)
{
	return *field ? JK_OK : posting_set(field, s, n);
}

int posting_add_tag(posting *p, const char *tag)
{
	char *c = jk_text_clean(tag, (size_t)-1);
	if (!c)
		return JK_ENOMEM;
	bool dup = !*c;
	for (size_t i = 0; !dup && i < p->ntags; i++)
		dup = strcasecmp(p->tags[i], c) == 0;
	if (dup) {
		free(c);
		return JK_OK;
	}
	char **t = realloc(p->tags, (p->ntags + 1) * sizeof *t);
	if (!t) {
		free(c);
		return JK_ENOMEM;
	}
	p->tags = t;
	p->tags[p->ntags++] = c;
	return JK_OK;
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Subtag t[0..n) (any case) is w (lower case). */
static bool subtag_is(const char *t, size_t n, const char *w)
{
	if (strlen(w) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (lower(t[i]) != w[i])
			return false;
	return true;
}

/* The script a Chinese tag's subtags (after the primary) name: 'S'
 * (Simplified), 'T' (Traditional) or 0. An explicit script wins over the
 * region. */
static char zh_script(const char *s, size_t n)
{
	static const char *const simp[] = {"cn", "sg", "my"}, *const trad[] = {"tw", "hk", "mo"};
	char region = 0;
	for (size_t i = 0; i < n;) {
		size_t k = i;
		while (k < n && s[k] != '-' && s[k] != '_')
			k++;
		if (subtag_is(s + i, k - i, "hans"))
			return 'S';
		if (subtag_is(s + i, k - i, "hant"))
			return 'T';
		for (size_t j = 0; j < 3 && !region; j++)
			region = subtag_is(s + i, k - i, simp[j])   ? 'S'
			         : subtag_is(s + i, k - i, trad[j]) ? 'T'
			                                            : 0;
		i = k + 1;
	}
	return region;
}

int posting_lang_norm(const char *s, size_t n, char out[POSTING_LANG_MAX])
{
	out[0] = '\0';
	if (!s)
		return -1;
	if (n == (size_t)-1)
		n = strlen(s);
	while (n && strchr(" \t\r\n", *s) && *s)
		s++, n--;
	while (n && strchr(" \t\r\n", s[n - 1]) && s[n - 1])
		n--;
	if (!n || n > 35)
		return -1;
	size_t prim = 0, sub = 0;
	for (size_t i = 0; i < n; i++) {
		bool sep = s[i] == '-' || s[i] == '_';
		if (!sep && !is_alnum(s[i]))
			return -1;
		if (sep && (sub == 0 || i + 1 == n))
			return -1; /* an empty subtag */
		if (!prim && sep)
			prim = i;
		sub = sep ? 0 : sub + 1;
		if (sub > 8)
			return -1;
	}
	if (!prim)
		prim = n;
	if (prim < 2 || prim > 3)
		return -1;
	for (size_t i = 0; i < prim; i++)
		if (!is_alpha(s[i]))
			return -1;
	static const struct {
		const char *from, *to;
	} renamed[] = {{"iw", "he"}, {"in", "id"}, {"ji", "yi"},  {"und", ""},
	               {"mul", ""},  {"zxx", ""},  {"cmn", "zh"}, {"yue", "zh-Hant"}};
	char p[4] = {0};
	for (size_t i = 0; i < prim; i++)
		p[i] = lower(s[i]);
	const char *t = p;
	for (size_t i = 0; i < JK_ARRAY_LEN(renamed); i++)
		if (!strcmp(p, renamed[i].from))
			t = renamed[i].to;
	if (!strcmp(t, "zh")) {
		char z = zh_script(s + prim, n - prim);
		t = z == 'S' ? "zh-Hans" : z == 'T' ? "zh-Hant" : "zh";
	}
	snprintf(out, POSTING_LANG_MAX, "%s", t);
	return *out ? 1 : 0;
}

long posting_days(long y, long m, long d)
{
	/* H. Hinnant's days_from_civil. */
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t posting_utc_seconds(long y, int mon, int d, int h, int min, int s)
{
	return (int64_t)posting_days(y, mon, d) * 86400 + (int64_t)h * 3600 + (int64_t)min * 60 + s;
}

bool posting_date_parse(const char *s, long *days, int ymd[3])
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1 || m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[m - 1] + (m == 2 && leap))
		return false;
	*days = posting_days(y, m, d);
	if (ymd) {
		ymd[0] = y;
		ymd[1] = m;
		ymd[2] = d;
	}
	return true;
}

bool posting_has_text(const posting *p)
{
	for (size_t i = 0; i < p->nsections; i++)
		for (size_t j = 0; j < p->sections[i].nblocks; j++)
			if (p->sections[i].blocks[j].len)
				return true;
	return false;
}

posting_section *posting_add_section(posting *p, const char *heading)
{
	if (p->nsections == p->sections_cap) {
		size_t cap = p->sections_cap ? p->sections_cap * 2 : 4;
		posting_section *s = realloc(p->sections, cap * sizeof *s);
		if (!s)
			return NULL;
		p->sections = s;
		p->sections_cap = cap;
	}
	posting_section *s = &p->sections[p->nsections];
	memset(s, 0, sizeof *s);
	if (heading) {
		char *h = jk_text_clean(heading, (size_t)-1);
		if (!h)
			return NULL;
		size_t n = strlen(h);
		while (n && (h[n - 1] == ':' || h[n - 1] == ' '))
			h[--n] = '\0';
		if (n)
			s->heading = h;
		else
			free(h);
	}
	p->nsections++;
	return s;
}

posting_block *posting_add_block(posting_section *s, posting_block_kind kind, int number)
{
	if (s->nblocks == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		posting_block *b = realloc(s->blocks, cap * sizeof *b);
		if (!b)
			return NULL;
		s->blocks = b;
		s->cap = cap;
	}
	posting_block *b = &s->blocks[s->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->number = number;
	return b;
}

static int block_put(posting_block *b, const char *s, size_t n, unsigned style)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *t = realloc(b->text, cap);
		if (!t)
			return JK_ENOMEM;
		b->text = t;
		b->cap = cap;
	}
	memcpy(b->text + b->len, s, n);
	size_t start = b->len;
	b->len += n;
	b->text[b->len] = '\0';
	if (!style)
		return JK_OK;
	posting_span *last = b->nspans ? &b->spans[b->nspans - 1] : NULL;
	if (last && last->style == style && last->start + last->len == start) {
		last->len += (uint32_t)n;
		return JK_OK;
	}
	if (b->nspans == b->spans_cap) {
		size_t cap = b->spans_cap ? b->spans_cap * 2 : 4;
		posting_span *sp = realloc(b->spans, cap * sizeof *sp);
		if (!sp)
			return JK_ENOMEM;
		b->spans = sp;
		b->spans_cap = cap;
	}
	b->spans[b->nspans++] = (posting_span){(uint32_t)start, (uint32_t)n, style};
	return JK_OK;
}

int posting_block_append(posting_block *b, const char *s, size_t n, unsigned style)
{
	if (n == (size_t)-1)
		n = strlen(s);
	if (!b->text) {
		int r = block_put(b, "", 0, 0);
		if (r)
			return r;
	}
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = jk_utf8_decode(s + i, n - i, &cp);
		i += k;
		if (jk_cp_is_space(cp)) {
			b->pending_space = b->len > 0;
			continue;
		}
		if (jk_cp_is_invisible(cp) && !jk_cp_shapes(cp))
			continue;
		if (b->pending_space) {
			/* A space between two styled runs of one style stays inside it. */
			unsigned sp = 0;
			if (b->nspans && b->spans[b->nspans - 1].style == style &&
			    b->spans[b->nspans - 1].start + b->spans[b->nspans - 1].len == b->len)
				sp = style;
			int r = block_put(b, " ", 1, sp);
			if (r)
				return r;
			b->pending_space = false;
		}
		char tmp[4];
		size_t tn = jk_utf8_encode(cp, tmp);
		int r = block_put(b, tmp, tn, style);
		if (r)
			return r;
	}
	return JK_OK;
}

void posting_block_space(posting_block *b)
{
	if (b->len)
		b->pending_space = true;
}

int posting_block_join(posting_block *dst, const posting_block *src)
{
	if (!src->len)
		return JK_OK;
	posting_block_space(dst);
	size_t at = 0;
	for (size_t i = 0; i <= src->nspans; i++) {
		size_t start = i < src->nspans ? src->spans[i].start : src->len;
		int r = posting_block_append(dst, src->text + at, start - at, 0);
		if (r)
			return r;
		if (i == src->nspans)
			break;
		r = posting_block_append(dst, src->text + start, src->spans[i].len,
		                         src->spans[i].style);
		if (r)
			return r;
		at = start + src->spans[i].len;
	}
	return JK_OK;
}

void posting_remove_block(posting_section *s, size_t i)
{
	if (i >= s->nblocks)
		return;
	posting_block_clear(&s->blocks[i]);
	memmove(&s->blocks[i], &s->blocks[i + 1], (s->nblocks - i - 1) * sizeof *s->blocks);
	s->nblocks--;
}

void posting_remove_section(posting *p, size_t i)
{
	if (i >= p->nsections)
		return;
	section_clear(&p->sections[i]);
	memmove(&p->sections[i], &p->sections[i + 1], (p->nsections - i - 1) * sizeof *p->sections);
	p->nsections--;
}

/* Drops a trailing space and clips spans to the text. */
static void block_trim(posting_block *b)
{
	while (b->len && b->text[b->len - 1] == ' ')
		b->text[--b->len] = '\0';
	size_t k = 0;
	for (size_t i = 0; i < b->nspans; i++) {
		posting_span sp = b->spans[i];
		if (sp.start >= b->len)
			continue;
		if (sp.start + sp.len > b->len)
			sp.len = (uint32_t)(b->len - sp.start);
		b->spans[k++] = sp;
	}
	b->nspans = k;
	b->pending_space = false;
}

int posting_finish(posting *p, size_t index)
{
	for (size_t si = p->nsections; si-- > 0;) {
		posting_section *s = &p->sections[si];
		for (size_t bi = s->nblocks; bi-- > 0;) {
			block_trim(&s->blocks[bi]);
			if (!s->blocks[bi].len)
				posting_remove_block(s, bi);
		}
		if (!s->nblocks)
			posting_remove_section(p, si);
	}
	jk_buf key = {0};
	int r = jk_buf_puts(&key, p->source ? p->source : "");
	if (!r && p->native_id)
		r = jk_buf_printf(&key, "\n%s", p->native_id);
	else if (!r)
		r = jk_buf_printf(&key, "\n#%zu", index);
	if (r) {
		jk_buf_free(&key);
		return r;
	}
	char id[17];
	snprintf(id, sizeof id, "%016llx",
	         (unsigned long long)jk_hash64(key.data, key.len, JK_HASH_SEED));
	jk_buf_free(&key);
	return posting_set(&p->id, id, 16);
}

void posting_list_init(posting_list *l)
{
	memset(l, 0, sizeof *l);
}

int posting_list_push(posting_list *l, posting *p)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		posting **v = realloc(l->items, cap * sizeof *v);
		if (!v) {
			posting_free(p);
			return JK_ENOMEM;
		}
		l->items = v;
		l->cap = cap;
	}
	l->items[l->n++] = p;
	return JK_OK;
}

void posting_list_free(posting_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++)
		posting_free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

const char *posting_block_kind_name(posting_block_kind k)
{
	switch (k) {
	case POSTING_BULLET:
		return "bullet";
	case POSTING_NUMBERED:
		return "numbered";
	default:
		return "paragraph";
	}
}

static cJSON *str_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *posting_json(const posting *p)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return NULL;
	const struct {
		const char *name, *value;
	} f[] = {{"id", p->id},
	         {"title", p->title},
	         {"organization", p->organization},
	         {"location", p->location},
	         {"employment", p->employment},
	         {"pay", p->pay},
	         {"posted", p->posted},
	         {"expires", p->expires},
	         {"apply", p->apply},
	         {"source", p->source}};
	for (size_t i = 0; i < JK_ARRAY_LEN(f); i++)
		cJSON_AddItemToObject(o, f[i].name, str_or_null(f[i].value));
	if (p->language)
		cJSON_AddStringToObject(o, "language", p->language);
	cJSON *tags = cJSON_AddArrayToObject(o, "tags");
	for (size_t i = 0; tags && i < p->ntags; i++)
		cJSON_AddItemToArray(tags, cJSON_CreateString(p->tags[i]));
	cJSON *secs = cJSON_AddArrayToObject(o, "sections");
	for (size_t i = 0; secs && i < p->nsections; i++) {
		const posting_section *s = &p->sections[i];
		cJSON *so = cJSON_CreateObject();
		cJSON_AddItemToArray(secs, so);
		cJSON_AddItemToObject(so, "heading", str_or_null(s->heading));
		if (s->role != POSTING_ROLE_NONE)
			cJSON_AddStringToObject(
			    so, "role", s->role == POSTING_ROLE_DUTIES ? "duties" : "requirements");
		cJSON *blocks = cJSON_AddArrayToObject(so, "blocks");
		for (size_t j = 0; blocks && j < s->nblocks; j++) {
			const posting_block *b = &s->blocks[j];
			cJSON *bo = cJSON_CreateObject();
			cJSON_AddItemToArray(blocks, bo);
			cJSON_AddStringToObject(bo, "kind", posting_block_kind_name(b->kind));
			if (b->kind == POSTING_NUMBERED)
				cJSON_AddNumberToObject(bo, "number", b->number);
			cJSON_AddStringToObject(bo, "text", b->text ? b->text : "");
			if (b->boilerplate)
				cJSON_AddTrueToObject(bo, "boilerplate");
		}
	}
	return o;
}

char *posting_list_to_json(const posting_list *l)
{
	cJSON *arr = cJSON_CreateArray();
	if (!arr)
		return NULL;
	for (size_t i = 0; i < l->n; i++)
		cJSON_AddItemToArray(arr, posting_json(l->items[i]));
	char *s = cJSON_Print(arr);
	cJSON_Delete(arr);
	return s;
}
